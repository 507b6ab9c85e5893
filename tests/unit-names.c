/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-names.c - names instead of codes (names.h) and the audit log in
 * words (audit.h), without curses: what the screens show is decided here. */
#include "config.h"

#include "tap.h"
#include "fixture.h"
#include "../src/audit.h"
#include "../src/names.h"

static const struct field_def *field(const char *kind, const char *name)
{
	const struct kind_def *k = kind_find(kind);
	return &k->fields[kind_field_index(k, name)];
}

static void is_value(sqlite3 *db, const char *kind, const char *name, const char *v, const char *want)
{
	char *got = names_value(db, NULL, field(kind, name), v);
	is_str(got, want, "%s %s '%s' is shown as '%s'", kind, name, v, want);
	free(got);
}

static void is_input(sqlite3 *db, const char *kind, const char *name, const char *typed, const char *want)
{
	char *got = names_input(db, field(kind, name), typed);
	is_str(got, want, "%s %s typed '%s' is stored as '%s'", kind, name, typed, want);
	free(got);
}

struct entries {
	sqlite3 *db;
	struct strlist lines;
};

/* "action | record | change" of each entry, newest first. */
static bool collect(const struct audit_entry *e, void *vctx)
{
	struct entries *c = vctx;
	char *r = audit_record_words(c->db, e), *w = audit_change_words(c->db, e);
	sl_pushf(&c->lines, "%s | %s | %s", audit_action_name(e->action), r, w);
	free(r);
	free(w);
	return true;
}

static void list(sqlite3 *db, const char *from, const char *to, bool by_record, struct entries *c)
{
	struct audit_filter f = { 0, 0, NULL, by_record };
	if (from) {
		date_parse(from, &f.from);
		date_parse(to, &f.to);
	}
	sl_free(&c->lines);
	c->db = db;
	struct strlist err = STRLIST_INIT;
	ok(audit_list(db, &f, collect, c, &err), "audit_list %s..%s%s", from ? from : "", to ? to : "",
	   by_record ? " (record dates)" : "");
	sl_free(&err);
}

int main(void)
{
	fixture_init();
	sqlite3 *db = fixture_db();
	add(db, "category", "code=theft", "name=Trộm cắp tài sản", NULL);
	add(db, "category", "code=fraud", "name=Lừa đảo chiếm đoạt tài sản", NULL);
	add(db, "group", "code=T1", "name=Tổ dân phố 1", "households=100", "residents=400", "date=2023-01-01", NULL);
	long long inc = add(db, "incident", "group=T1", "date=2023-07-11", "category=fraud", NULL);
	add(db, "target", "year=2023", "indicator=extinguisher", "value=85", NULL);

	/* names_value: what a list cell or a delete prompt shows */
	is_value(db, "incident", "category", "fraud", "Lừa đảo chiếm đoạt tài sản");
	is_value(db, "outreach", "kind", "radio", "loudspeaker system");
	is_value(db, "fireteam", "kind", "point", "public fire point");
	is_value(db, "group", "active", "yes", "yes");
	is_value(db, "group", "active", "no", "no");
	is_value(db, "target", "indicator", "antt_commitment", "Security pledges");
	is_value(db, "incident", "date", "2023-07-11", "11/07/2023");
	struct record t;
	record_init(&t, kind_find("target"));
	record_set_named(&t, "indicator", "extinguisher");
	char *v = names_value(db, &t, field("target", "value"), "85.5");
	is_str(v, "85.5%", "a rate target is shown with %%");
	free(v);
	record_set_named(&t, "indicator", "fire_teams");
	v = names_value(db, &t, field("target", "value"), "12");
	is_str(v, "12", "a count target is shown without %%");
	free(v);
	record_clear(&t);

	/* names_form_text / names_input: a form shows names, reads names or codes */
	v = names_form_text(db, field("incident", "group"), "T1");
	is_str(v, "Tổ dân phố 1", "a form shows the group by name");
	free(v);
	is_input(db, "incident", "group", "T1", "T1");
	is_input(db, "incident", "group", "to dan pho 1", "T1");
	is_input(db, "incident", "category", "Lừa đảo chiếm đoạt tài sản", "fraud");
	is_input(db, "incident", "category", "theft", "theft");
	is_input(db, "incident", "category", "nonsense", "nonsense");
	is_input(db, "outreach", "kind", "Loudspeaker system", "radio");
	is_input(db, "outreach", "kind", "meeting", "meeting");
	is_input(db, "group", "active", "yes", "yes");
	is_input(db, "target", "indicator", "Households with a fire extinguisher", "extinguisher");
	is_input(db, "target", "indicator", "app114", "app114");

	/* the audit log in words */
	struct strlist err = STRLIST_INIT;
	char *sql = xasprintf("UPDATE incident SET count = 2 WHERE id = %lld", inc);
	ok(db_exec(db, sql, &err), "the incident is changed");
	free(sql);
	sl_free(&err);
	struct entries c = { db, STRLIST_INIT };
	list(db, NULL, NULL, false, &c);
	char *want = xasprintf("changed | Incident %lld, group T1, 11/07/2023 | Number of incidents: 1 → 2", inc);
	is_str(c.lines.n ? c.lines.items[0] : "", want, "a change: the action, the record in words, label old → new");
	free(want);
	want = xasprintf("added | Incident %lld, group T1, 11/07/2023 | Group: Tổ dân phố 1; Date: 11/07/2023; "
			 "Category: Lừa đảo chiếm đoạt tài sản; Number of incidents: 1", inc);
	is_str(c.lines.n > 2 ? c.lines.items[2] : "", want, "an insert: labels and names, no column or id");
	free(want);
	ok(c.lines.n > 1 && strstr(c.lines.items[1], "Target value: 85%") &&
	   strstr(c.lines.items[1], "Indicator: Households with extinguisher"),
	   "a target's value with %%, its indicator by name: %s", c.lines.n > 1 ? c.lines.items[1] : "");
	list(db, "2026-11-01", "2026-11-30", false, &c);
	ok(c.lines.n == 7, "changes made in 2026-11: all seven (%zu)", c.lines.n);
	list(db, "2023-07-01", "2023-09-30", false, &c);
	ok(c.lines.n == 0, "changes made in 2023-Q3: none (%zu)", c.lines.n);
	list(db, "2023-07-01", "2023-09-30", true, &c);
	ok(c.lines.n == 3 && strstr(c.lines.items[0], "changed | Incident") && strstr(c.lines.items[1], "added | Target"),
	   "changes to records dated in 2023-Q3: the incident's two and the target of 2023 (%zu)", c.lines.n);
	list(db, "2023-10-01", "2023-12-31", true, &c);
	ok(c.lines.n == 1 && strstr(c.lines.items[0], "added | Target"),
	   "records dated in 2023-Q4: the target of 2023, which covers the year (%zu)", c.lines.n);
	list(db, "2024-01-01", "2024-12-31", true, &c);
	ok(c.lines.n == 0, "records dated in 2024: none (%zu)", c.lines.n);
	list(db, "2023-01-01", "2023-01-31", true, &c);
	ok(c.lines.n == 2 && strstr(c.lines.items[0], "added | Target") && strstr(c.lines.items[1], "added | Population"),
	   "records dated in 2023-01: the target of 2023 and the group's population, not the group (no date) (%zu)",
	   c.lines.n);

	/* a group deleted since: named by its number, never as if it were a code */
	long long g = add(db, "group", "code=T9", "name=Tổ 9", "households=10", "residents=40", "date=2023-02-01", NULL);
	ok(db_exec(db, "PRAGMA foreign_keys = OFF; DELETE FROM population WHERE group_id = (SELECT id FROM rgroup "
		   "WHERE code = 'T9'); DELETE FROM rgroup WHERE code = 'T9'; PRAGMA foreign_keys = ON;", &err),
	   "group T9 and its population are deleted");
	sl_free(&err);
	list(db, "2023-02-01", "2023-02-28", true, &c);
	want = xasprintf("group no. %lld (deleted)", g);
	ok(c.lines.n == 3 && strstr(c.lines.items[0], want) && strstr(c.lines.items[0], "deleted | Population") &&
	   !strstr(c.lines.items[0], "group T9"),
	   "a deleted group is named by its number: %s", c.lines.n ? c.lines.items[0] : "");
	free(want);
	sl_free(&c.lines);
	fixture_cleanup(db);
	return done();
}
