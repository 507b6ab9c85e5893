/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-analysis.c - group breakdown, series and flow tables on the demo
 * ward; every figure must agree with the summary of the same period. */
#include "config.h"

#include <math.h>

#include "tap.h"
#include "fixture.h"
#include "../src/analysis.h"
#include "../src/transfer.h"

static void load_demo(sqlite3 *db)
{
	const char *dir = getenv("WARDSAFE_DATADIR");
	if (!dir) {
		printf("1..0 # SKIP WARDSAFE_DATADIR is not set\n");
		exit(0);
	}
	struct strlist files = STRLIST_INIT;
	sl_pushf(&files, "%s/categories.csv", dir);
	for (int i = 0; i < kind_count; i++) {
		char *p = xasprintf("%s/demo/%s.csv", dir, kinds[i]->name);
		if (access(p, R_OK) == 0)
			sl_push(&files, p);
		else
			free(p);
	}
	struct import_opts o = { NULL, false, false };
	struct import_result res;
	if (!import_files(db, files.items, (int)files.n, &o, &res)) {
		printf("# demo import failed: %s\n", res.errors.n ? res.errors.items[0] : "?");
		exit(99);
	}
	import_result_free(&res);
	sl_free(&files);
}

static struct period P(const char *s)
{
	struct period p;
	if (!period_parse(s, &p))
		exit(99);
	return p;
}

static const struct ind_row *find(const struct summary *s, const char *id)
{
	for (int i = 0; i < s->nrows; i++)
		if (!strcmp(s->rows[i].id, id))
			return &s->rows[i];
	exit(99);
}

int main(void)
{
	fixture_init();
	sqlite3 *db = fixture_db();
	load_demo(db);
	struct strlist err = STRLIST_INIT;

	/* ---- the breakdown's total row is the summary */
	const char *periods[] = { "2023-Q3", "2022-12", "2023", "2022-03..2022-07" };
	for (size_t pi = 0; pi < ARRAY_SIZE(periods); pi++) {
		struct period p = P(periods[pi]);
		struct breakdown b;
		struct summary s;
		breakdown_compute(db, &p, &b, &err);
		summary_compute(db, &p, NULL, &s, &err);
		bool same = true;
		for (int i = 0; i < BREAKDOWN_RATES; i++) {
			const struct ind_row *r = find(&s, breakdown_ids[i]);
			if (r->cur.num != b.total.cell[i].v.num || r->cur.den != b.total.cell[i].v.den ||
			    r->missing != b.total.cell[i].missing || r->met != b.total.cell[i].met)
				same = false;
		}
		ok(same, "%s: the total row equals the summary for every rate", periods[pi]);
		long long hh = 0;
		for (int g = 0; g < b.n; g++)
			hh += b.rows[g].stock.households;
		is_int(hh, b.total.stock.households, "%s: the groups' households add up to the total", periods[pi]);
		summary_free(&s);
		breakdown_free(&b);
	}

	struct period q3 = P("2023-Q3"), dec = P("2023-12");
	struct breakdown b;
	breakdown_compute(db, &dec, &b, &err);
	is_int(b.n, 12, "12 groups in December 2023");
	for (int g = 0; g < b.n; g++)
		if (!strcmp(b.rows[g].code, "9")) {
			is_int(b.rows[g].cell[0].v.num, 163, "group 9: 163 households with an extinguisher");
			is_int(b.rows[g].cell[0].v.den, 181, "of 181");
			ok(b.rows[g].cell[0].met, "group 9 meets the 75%% target");
		}
	breakdown_sort(&b, -2, false);
	bool worst_first = true;
	for (int g = 1; g < b.n; g++)
		if (b.rows[g].worst_gap > b.rows[g - 1].worst_gap)
			worst_first = false;
	ok(worst_first, "behind-target order: worst gap first");
	ok(b.rows[0].behind > 0, "the first group misses a target");
	breakdown_sort(&b, 0, true);
	ok(b.rows[0].cell[0].v.value >= b.rows[1].cell[0].v.value, "sorted by extinguisher rate, descending");
	breakdown_sort(&b, -1, false);
	ok(!strcmp(b.rows[0].code, "1") && !strcmp(b.rows[11].code, "12"), "back in group order");
	breakdown_free(&b);

	/* ---- series */
	struct series s;
	ok(series_compute(db, "extinguisher", NULL, P("2022-01").first, P("2023-12").first, &s, &err),
	   "24-month series of the extinguisher rate");
	is_int(s.n, 24, "24 values");
	struct summary sum;
	summary_compute(db, &dec, NULL, &sum, &err);
	is_int(s.v[23].num, find(&sum, "extinguisher")->cur.num, "the last month equals December's summary");
	summary_free(&sum);
	ok(s.has_target && s.target[0] == 50 && s.target[23] == 75, "targets per year: 50 in 2022, 75 in 2023");
	ok(s.v[0].value < s.v[23].value, "coverage grew over two years");
	series_free(&s);
	series_compute(db, "incidents", NULL, q3.first, q3.last, &s, &err);
	is_int(s.v[0].num + s.v[1].num + s.v[2].num, 5, "monthly incidents of Q3 add up to 5");
	series_free(&s);
	series_compute(db, "app114", "9", P("2023-01").first, P("2023-12").first, &s, &err);
	is_int(s.v[11].den, 678, "a group's series uses its residents");
	series_free(&s);
	ok(!series_compute(db, "happiness", NULL, 1, 2, &s, &err), "an unknown indicator is refused");

	/* ---- flow tables */
	struct flow_table t;
	ok(flow_table_compute(db, "incidents", &q3, NULL, &t, &err), "incidents by category and month");
	is_int(t.ncols, 3, "three months");
	is_int(t.nrows, 11, "one row per category");
	is_int(t.total, 5, "5 incidents in Q3 2023");
	is_int(t.prev_total, 6, "6 in the previous quarter");
	long long rows = 0, cols = 0;
	for (int r = 0; r < t.nrows; r++)
		rows += t.row_total[r];
	for (int c = 0; c < t.ncols; c++)
		cols += t.col_total[c];
	ok(rows == t.total && cols == t.total, "row and column totals add up");
	flow_table_free(&t);
	flow_table_compute(db, "outreach", &q3, NULL, &t, &err);
	for (int r = 0; r < t.nrows; r++) {
		if (!strcmp(t.row_ids[r], "radio"))
			is_int(t.row_total[r], 135, "135 loudspeaker sessions");
		if (!strcmp(t.row_ids[r], "mobile"))
			is_int(t.row_total[r], 45, "45 mobile sessions");
	}
	flow_table_free(&t);
	ok(!flow_table_compute(db, "fire_teams", &q3, NULL, &t, &err), "only flows make flow tables");

	sl_free(&err);
	fixture_cleanup(db);
	return done();
}
