/* dhis2.c - the DHIS2 data value set export (see dhis2.h and the manual's
 * DHIS2 EXPORT section, which lists the table below). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "clock.h"
#include "date.h"
#include "db.h"
#include "dhis2.h"
#include "i18n.h"
#include "settings.h"

/* Every data element, once.  The codes are a contract with the province's
 * DHIS2: never change one; add new ones.  Adding a record kind or a
 * numeric field means adding its line here (and to the manual). */
const struct dhis2_element dhis2_elements[] = {
	{ "WS_POP_HOUSEHOLDS", "population", "households", D2_STOCK, NULL, NULL },
	{ "WS_POP_RESIDENTS", "population", "residents", D2_STOCK, NULL, NULL },
	{ "WS_SURVEY_SURVEYED", "survey", "surveyed", D2_STOCK, NULL, NULL },
	{ "WS_SURVEY_WITH_EXT", "survey", "with_extinguisher", D2_STOCK, NULL, NULL },
	{ "WS_SURVEY_EXTINGUISHERS", "survey", "extinguishers", D2_STOCK, NULL, NULL },
	{ "WS_COMMIT_PCCC", "commitment", "pccc", D2_STOCK, NULL, NULL },
	{ "WS_COMMIT_ANTT", "commitment", "antt", D2_STOCK, NULL, NULL },
	{ "WS_APP114_INSTALLS", "app114", "installs", D2_STOCK, NULL, NULL },
	{ "WS_INCIDENTS", "incident", "count", D2_FLOW, "category", NULL },
	{ "WS_OUTREACH_SESSIONS", "outreach", "sessions", D2_FLOW, "kind", NULL },
	{ "WS_FIRE_TEAMS", "fireteam", NULL, D2_ACTIVE, NULL, "team" },
	{ "WS_FIRE_TEAM_HOUSEHOLDS", "fireteam", "households", D2_ACTIVE, NULL, "team" },
	{ "WS_FIRE_POINTS", "fireteam", NULL, D2_ACTIVE, NULL, "point" },
	{ "WS_EST_MANAGED", "establishments", "managed", D2_STOCK, NULL, NULL },
	{ "WS_EST_WITH_FILE", "establishments", "with_file", D2_STOCK, NULL, NULL },
};
const int dhis2_element_count = (int)ARRAY_SIZE(dhis2_elements);

bool dhis2_kind_exported(const struct kind_def *k)
{
	for (int i = 0; i < dhis2_element_count; i++)
		if (!strcmp(dhis2_elements[i].kind, k->name))
			return true;
	return false;
}

const char *dhis2_kind_names(void)
{
	static char buf[256];
	if (!buf[0])
		for (int i = 0; i < kind_count; i++)
			if (dhis2_kind_exported(kinds[i])) {
				if (buf[0])
					strcat(buf, ", ");
				strcat(buf, kinds[i]->name);
			}
	return buf;
}

char *dhis2_timestamp(char *buf)
{
	struct ws_clock now;
	clock_now(&now);
	return clock_format(&now, 'T', buf);
}

/* One data value before the merge: a record's contribution. */
struct dv {
	const struct dhis2_element *de;
	int month;       /* year*12 + month-1, as in period.h */
	char *orgunit;   /* owned */
	char *coc;       /* owned; "" for the default combo */
	char date[11];   /* the record's date: for stocks, the latest wins */
	long long id;
	long long value;
};

struct dvs {
	struct dv *v;
	size_t n, cap;
	const struct period *only; /* months kept, or NULL */
};

static void dv_push(struct dvs *s, const struct dhis2_element *de, int month, const char *orgunit,
		    const char *coc, const char *date, long long id, long long value)
{
	if (s->only && (month < s->only->first || month > s->only->last))
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	struct dv *d = &s->v[s->n++];
	d->de = de;
	d->month = month;
	d->orgunit = xstrdup(orgunit);
	d->coc = xstrdup(coc ? coc : "");
	snprintf(d->date, sizeof d->date, "%s", date ? date : "");
	d->id = id;
	d->value = value;
}

static void dvs_free(struct dvs *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].orgunit);
		free(s->v[i].coc);
	}
	free(s->v);
}

/* The order of the file: data element code, period, org unit, combo; then,
 * inside one key, the records in time order (the last is the latest). */
static int cmp_key(const struct dv *a, const struct dv *b)
{
	int c = strcmp(a->de->code, b->de->code);
	if (!c)
		c = (a->month > b->month) - (a->month < b->month);
	if (!c)
		c = strcmp(a->orgunit, b->orgunit);
	if (!c)
		c = strcmp(a->coc, b->coc);
	return c;
}

static int cmp_dv(const void *x, const void *y)
{
	const struct dv *a = x, *b = y;
	int c = cmp_key(a, b);
	if (!c)
		c = strcmp(a->date, b->date);
	if (!c)
		c = (a->id > b->id) - (a->id < b->id);
	return c;
}

/* The org unit of a record: the ward's code, or WARD-GROUP (new string). */
static char *orgunit(const char *ward, const char *group)
{
	return group ? xasprintf("%s-%s", ward, group) : xstrdup(ward);
}

static const char *column_of(const struct kind_def *k, const char *field)
{
	int i = kind_field_index(k, field);
	return i >= 0 ? k->fields[i].column : NULL;
}

/* Steps a statement to its end; false (with a message) on an error. */
static bool step_done(sqlite3 *db, int rc, struct strlist *errors)
{
	if (rc == SQLITE_DONE)
		return true;
	db_error(db, errors, _("reading the records failed"));
	return false;
}

/* Stocks and flows: one contribution per record, from SQL built from the
 * kind table. */
static bool collect_records(sqlite3 *db, const struct dhis2_element *de, const char *ward, int sd,
			    struct dvs *out, struct strlist *errors)
{
	const struct kind_def *k = kind_find(de->kind);
	const char *col = column_of(k, de->field), *date = column_of(k, k->date_field);
	const char *grp = column_of(k, "group");
	struct strbuf sql = STRBUF_INIT;
	sb_printf(&sql, "SELECT %s, x.%s, x.id, x.%s, ", grp ? "g.code" : "NULL", date, col);
	if (!de->by)
		sb_puts(&sql, "NULL");
	else if (k->fields[kind_field_index(k, de->by)].type == FT_CATEGORY)
		sb_printf(&sql, "(SELECT code FROM category c WHERE c.id = x.%s)", column_of(k, de->by));
	else
		sb_printf(&sql, "x.%s", column_of(k, de->by));
	sb_printf(&sql, " FROM %s x", k->table);
	if (grp)
		sb_printf(&sql, " LEFT JOIN rgroup g ON g.id = x.%s", grp);
	sb_printf(&sql, " WHERE x.%s IS NOT NULL", col);
	sqlite3_stmt *st = db_prepare(db, sql.buf);
	sb_free(&sql);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(st, 0);
		const char *d = (const char *)sqlite3_column_text(st, 1);
		ws_date dt;
		if (!d || !date_parse(d, &dt))
			continue; /* the CHECK constraints make this impossible */
		char *ou = orgunit(ward, g);
		dv_push(out, de, period_of_date(dt, sd).first, ou, (const char *)sqlite3_column_text(st, 4), d,
			sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3));
		free(ou);
	}
	bool ok = step_done(db, rc, errors);
	sqlite3_finalize(st);
	return ok;
}

/* The last month with data: the month of the latest date of any record
 * (fire teams' closing dates too); -1 when there is none. */
static int last_month(sqlite3 *db, int sd)
{
	struct strbuf sql = STRBUF_INIT;
	sb_puts(&sql, "SELECT max(d) FROM (");
	for (int i = 0; i < kind_count; i++)
		if (kinds[i]->date_field)
			sb_printf(&sql, "SELECT max(%s) AS d FROM %s UNION ALL ",
				  column_of(kinds[i], kinds[i]->date_field), kinds[i]->table);
	sb_puts(&sql, "SELECT max(closed) FROM fireteam)");
	sqlite3_stmt *st = db_prepare(db, sql.buf);
	sb_free(&sql);
	int m = -1;
	ws_date d;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	    date_parse((const char *)sqlite3_column_text(st, 0), &d))
		m = period_of_date(d, sd).first;
	sqlite3_finalize(st);
	return m;
}

struct team {
	char established[11], closed[11];
	long long households;
};

/* Fire teams or points of one group at the end of every month from the
 * month of its first one to `last`, while the group is active then (as in
 * the summaries: active and not closed, or closed after that day). */
static void count_group(const struct dhis2_element *de, const char *ou, bool active, const char *gclosed,
			const struct team *t, size_t n, int last, int sd, struct dvs *out)
{
	int first = last + 1;
	for (size_t i = 0; i < n; i++) {
		ws_date d;
		if (date_parse(t[i].established, &d) && period_of_date(d, sd).first < first)
			first = period_of_date(d, sd).first;
	}
	for (int m = first; m <= last; m++) {
		struct period p = { m, m };
		char end[11];
		date_iso(period_end(&p, sd), end);
		if (!(gclosed ? strcmp(gclosed, end) > 0 : active))
			continue;
		long long v = 0;
		for (size_t i = 0; i < n; i++)
			if (strcmp(t[i].established, end) <= 0 && (!t[i].closed[0] || strcmp(t[i].closed, end) > 0))
				v += de->field ? t[i].households : 1;
		dv_push(out, de, m, ou, NULL, end, 0, v);
	}
}

static bool collect_active(sqlite3 *db, const struct dhis2_element *de, const char *ward, int sd,
			   struct dvs *out, struct strlist *errors)
{
	int last = last_month(db, sd);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT g.id, g.code, g.active, g.closed, x.established, x.closed, x.households "
		"FROM fireteam x JOIN rgroup g ON g.id = x.group_id WHERE x.kind = ? ORDER BY g.id, x.id");
	db_bind_text(st, 1, de->only);
	struct team *t = NULL;
	size_t n = 0, cap = 0;
	long long gid = 0;
	char *ou = NULL, *gclosed = NULL;
	bool active = false;
	int rc;
	for (;;) {
		rc = sqlite3_step(st);
		long long id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		if (n && id != gid) {
			count_group(de, ou, active, gclosed, t, n, last, sd, out);
			n = 0;
		}
		if (rc != SQLITE_ROW)
			break;
		if (id != gid) {
			gid = id;
			free(ou);
			free(gclosed);
			ou = orgunit(ward, (const char *)sqlite3_column_text(st, 1));
			active = sqlite3_column_int(st, 2) != 0;
			gclosed = sqlite3_column_text(st, 3) ? xstrdup((const char *)sqlite3_column_text(st, 3)) : NULL;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			t = xrealloc(t, cap * sizeof *t);
		}
		const char *e = (const char *)sqlite3_column_text(st, 4), *c = (const char *)sqlite3_column_text(st, 5);
		snprintf(t[n].established, sizeof t[n].established, "%s", e ? e : "");
		snprintf(t[n].closed, sizeof t[n].closed, "%s", c ? c : "");
		t[n].households = sqlite3_column_int64(st, 6);
		n++;
	}
	bool ok = step_done(db, rc, errors);
	sqlite3_finalize(st);
	free(t);
	free(ou);
	free(gclosed);
	return ok;
}

/* The ward's code into *code; DHIS2_REFUSED (with a message) when there
 * is none. */
static enum dhis2_result ward_code(sqlite3 *db, char **code, struct strlist *errors)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT code FROM ward WHERE id = 1");
	int rc = sqlite3_step(st);
	*code = NULL;
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) && *sqlite3_column_text(st, 0))
		*code = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && !step_done(db, rc, errors))
		return DHIS2_FAILED;
	if (rc != SQLITE_ROW)
		sl_push(errors, xstrdup(_("there is no ward record, and DHIS2 needs the ward's code as its "
					  "organisation unit; add it with: wardsafe add ward name=NAME code=CODE")));
	else if (!*code)
		sl_push(errors, xstrdup(_("the ward has no code, and DHIS2 needs it as the ward's organisation "
					  "unit (WARDCODE-GROUPCODE for the groups); set it with: "
					  "wardsafe edit ward 1 code=CODE")));
	return *code ? DHIS2_DONE : DHIS2_REFUSED;
}

enum dhis2_result dhis2_export(sqlite3 *db, const struct dhis2_opts *o, struct strbuf *out,
			       struct strlist *errors)
{
	/* One read transaction: every query sees the same records. */
	if (!db_exec(db, "BEGIN", errors))
		return DHIS2_FAILED;
	char *ward;
	enum dhis2_result r = ward_code(db, &ward, errors);
	if (r != DHIS2_DONE) {
		db_rollback(db);
		return r;
	}
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	struct dvs all = { NULL, 0, 0, o->period };
	bool ok = true;
	for (int i = 0; i < dhis2_element_count && ok; i++) {
		const struct dhis2_element *de = &dhis2_elements[i];
		if (o->kind && strcmp(o->kind->name, de->kind) != 0)
			continue;
		if (de->how == D2_ACTIVE)
			ok = collect_active(db, de, ward, sd, &all, errors);
		else
			ok = collect_records(db, de, ward, sd, &all, errors);
	}
	db_rollback(db);
	free(ward);
	if (!ok) {
		dvs_free(&all);
		return DHIS2_FAILED;
	}
	if (all.n)
		qsort(all.v, all.n, sizeof *all.v, cmp_dv);
	sb_puts(out, DHIS2_HEADER "\n");
	for (size_t i = 0; i < all.n;) {
		/* The records of one key: a stock takes the latest, a flow the sum. */
		size_t j = i + 1;
		long long v = all.v[i].value;
		for (; j < all.n && !cmp_key(&all.v[i], &all.v[j]); j++)
			v = all.v[i].de->how == D2_FLOW ? v + all.v[j].value : all.v[j].value;
		char period[16], value[32];
		snprintf(period, sizeof period, "%04d%02d", (all.v[i].month / 12) % 10000, all.v[i].month % 12 + 1);
		snprintf(value, sizeof value, "%lld", v);
		const char *row[] = { all.v[i].de->code, period, all.v[i].orgunit, all.v[i].coc, "", value,
				      o->storedby, o->lastupdated, "", "false" };
		csv_write_row(out, row, (int)ARRAY_SIZE(row), ',');
		i = j;
	}
	dvs_free(&all);
	return DHIS2_DONE;
}
