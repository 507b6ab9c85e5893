/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-round.c - the monthly round (round.c): the groups of a date, the
 * values carried forward, a changed row saving exactly one record with the
 * carried values in its other fields, rows refused all or nothing, warnings
 * asked for, and the record on the date itself updated, not doubled. */
#include "config.h"

#include "tap.h"
#include "fixture.h"
#include "../src/round.h"

static long long count(sqlite3 *db, const char *sql)
{
	return db_query_int(db, -1, sql, NULL);
}

static void clear_issues(struct issues *is, int n)
{
	for (int i = 0; i < n; i++)
		issues_free(&is[i]);
}

int main(void)
{
	fixture_init();
	plan(32);
	sqlite3 *db = fixture_db();
	add(db, "group", "code=1", "name=Tổ 1", "households=100", "residents=400", "date=2023-01-01", NULL);
	add(db, "group", "code=2", "name=Tổ 2", NULL);
	add(db, "group", "code=3", "name=Tổ 3", "active=no", "closed=2023-05-01", NULL);
	add(db, "group", "code=4", "name=Tổ 4", "active=no", "closed=2023-12-01", NULL);
	add(db, "survey", "group=1", "date=2023-08-31", "surveyed=40", "with_extinguisher=10", "extinguishers=25", NULL);
	add(db, "survey", "group=1", "date=2023-09-30", "surveyed=50", "with_extinguisher=20", NULL);

	const struct kind_def *k = kind_find("survey");
	ok(round_kind_ok(k) && round_kind_ok(kind_find("population")) && round_kind_ok(kind_find("incident")) &&
	   round_kind_ok(kind_find("outreach")) && !round_kind_ok(kind_find("fireteam")) &&
	   !round_kind_ok(kind_find("establishments")), "rounds of stock kinds kept by group, and of incidents and outreach");
	struct round r;
	struct strlist err = STRLIST_INIT;
	ok(round_load(db, k, date_make(2023, 10, 31), &r, &err), "loaded");
	is_int(r.nrows, 3, "groups active on the date: 1, 2 and 4 (closed after it), not 3");
	is_str(r.rows[2].code, "4", "in group order");
	is_int(r.ncols, 3, "columns: the fields but group and date");
	is_str(round_value(&r, 0, 0), "50", "surveyed carried from the latest record");
	is_str(round_value(&r, 0, 2), "25", "extinguishers carried from the latest value (an older record)");
	ok(round_value(&r, 1, 0) == NULL, "nothing to carry for a group without records");

	struct issues is[3] = { { NULL, 0, 0 }, { NULL, 0, 0 }, { NULL, 0, 0 } };
	int saved = -1;
	is_int(round_save(db, &r, false, is, &saved, &err), ROUND_NOTHING, "nothing changed: nothing saved");
	round_set(&r, 0, 0, "050");
	ok(!round_row_changed(&r, 0), "the carried value typed again is no change");

	round_set(&r, 0, 0, "60");
	ok(round_row_changed(&r, 0) && round_cell_changed(&r, 0, 0) && !round_cell_changed(&r, 0, 1),
	   "one changed cell");
	is_int(round_save(db, &r, false, is, &saved, &err), ROUND_SAVED, "saved");
	for (size_t i = 0; i < is[0].n; i++)
		printf("# %s\n", is[0].v[i].msg);
	is_int(saved, 1, "one record");
	is_int(count(db, "SELECT count(*) FROM survey WHERE date = '2023-10-31'"), 1, "exactly one record on the date");
	is_int(count(db, "SELECT surveyed * 1000000 + with_extinguisher * 1000 + extinguishers FROM survey "
		     "WHERE date = '2023-10-31'"), 60020025, "with the carried values in its other fields");
	is_int(count(db, "SELECT count(*) FROM audit WHERE tbl = 'survey' AND action = 'insert'"), 3, "audited");
	clear_issues(is, 3);
	round_free(&r);

	/* Again on the same date: the record there is carried, and updated. */
	round_load(db, k, date_make(2023, 10, 31), &r, &err);
	ok(r.rows[0].on_date > 0, "the record on the date is found");
	is_str(round_value(&r, 0, 0), "60", "its values are carried");
	round_set(&r, 0, 1, "22");
	round_set(&r, 1, 0, "5"); /* group 2 has no population: an error */
	is_int(round_save(db, &r, false, is, &saved, &err), ROUND_REFUSED, "a refused row refuses the round");
	ok(is[1].n > 0 && is[0].n == 0, "the problems are the refused row's");
	is_int(count(db, "SELECT with_extinguisher FROM survey WHERE date = '2023-10-31'"), 20,
	       "nothing written: all or nothing");
	clear_issues(is, 3);

	round_set(&r, 1, 0, NULL); /* Del: back to the carried value */
	round_set(&r, 0, 1, "15"); /* lower than the 20 before: a warning */
	is_int(round_save(db, &r, false, is, &saved, &err), ROUND_CONFIRM, "warnings ask first");
	is_int(count(db, "SELECT with_extinguisher FROM survey WHERE date = '2023-10-31'"), 20, "nothing written yet");
	clear_issues(is, 3);
	is_int(round_save(db, &r, true, is, &saved, &err), ROUND_SAVED, "saved when confirmed");
	is_int(count(db, "SELECT count(*) * 1000 + max(with_extinguisher) FROM survey WHERE date = '2023-10-31'"), 1015,
	       "the record on the date updated, not doubled");
	is_int(count(db, "SELECT count(*) FROM audit WHERE tbl = 'survey' AND action = 'update'"), 1,
	       "the update audited");
	clear_issues(is, 3);
	round_free(&r);

	/* Incidents: a column per category, nothing carried, a record per
	 * filled cell; empty or 0 saves nothing. */
	add(db, "category", "code=theft", "name=Trộm cắp", NULL);
	add(db, "category", "code=fight", "name=Đánh nhau", NULL);
	round_load(db, kind_find("incident"), date_make(2023, 10, 31), &r, &err);
	ok(r.flow && r.ncols == 2 && !strcmp(r.key[1], "fight") && !strcmp(round_col_label(&r, 1), "Đánh nhau"),
	   "incidents: a column per category");
	round_set(&r, 0, 0, "0");
	ok(!round_row_changed(&r, 0), "0 is no change");
	round_set(&r, 0, 0, "2");
	round_set(&r, 0, 1, "1");
	round_set(&r, 1, 1, "3");
	is_int(round_save(db, &r, false, is, &saved, &err), ROUND_SAVED, "incidents saved");
	is_int(saved, 3, "one record per filled cell");
	is_int(count(db, "SELECT sum(count) FROM incident WHERE date = '2023-10-31'"), 6, "with their counts");
	clear_issues(is, 3);
	round_free(&r);

	/* Up to ROUND_MAX_GROUPS groups, and a word when there are more. */
	db_exec(db, "BEGIN", &err);
	for (int i = 5; i <= ROUND_MAX_GROUPS + 2; i++) {
		char code[32], name[32];
		snprintf(code, sizeof code, "code=%d", i);
		snprintf(name, sizeof name, "name=Tổ %d", i);
		add(db, "group", code, name, NULL);
	}
	db_exec(db, "COMMIT", &err);
	round_load(db, k, date_make(2023, 10, 31), &r, &err);
	ok(r.nrows == ROUND_MAX_GROUPS && r.truncated, "at most %d groups, truncated beyond", ROUND_MAX_GROUPS);
	round_free(&r);
	sl_free(&err);
	fixture_cleanup(db);
	return done();
}
