/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-indicator.c - stocks, flows, denominators, targets and comparison
 * periods, on small hand-made databases. */
#include "config.h"

#include "tap.h"
#include "fixture.h"
#include "../src/i18n.h"
#include "../src/indicator.h"
#include "../src/numfmt.h"
#include "../src/period.h"

static struct summary S;

static void compute(sqlite3 *db, const char *period, const char *group)
{
	struct period p;
	if (!period_parse(period, &p)) {
		printf("# bad period %s\n", period);
		exit(99);
	}
	summary_free(&S);
	struct strlist err = STRLIST_INIT;
	if (!summary_compute(db, &p, group, &S, &err))
		printf("# summary_compute: %s\n", err.n ? err.items[0] : "?");
	sl_free(&err);
}

static const struct ind_row *row(const char *id)
{
	for (int i = 0; i < S.nrows; i++)
		if (!strcmp(S.rows[i].id, id))
			return &S.rows[i];
	printf("# no row %s\n", id);
	exit(99);
}

/* Rates beside their targets (issue 13): a value below its target is never
 * shown equal to it. */
static void honest_rates(void)
{
	char b[32];
	i18n_set_language("vi");
	double v = 100.0 * 144 / 721;
	ok(!indicator_rate_met(144, 721, 20), "144/721 does not meet 20%%");
	is_str(numfmt_rate(v, true, 20, false, b), "19,97", "144/721 against 20%% is 19,97");
	is_str(numfmt_rate(v, false, 0, false, b), "20,0", "144/721 with no target is 20,0");
	is_str(numfmt_rate(v, true, 50, false, b), "20,0", "144/721 far from its target keeps one decimal");
	is_str(numfmt_rate(20.001, true, 20, false, b), "20,0", "20,001 meets 20%% and may show 20,0");
	is_str(numfmt_rate(100.0 * 144 / 720, true, 20, false, b), "20,0", "exactly 20%% is 20,0");
	is_str(numfmt_rate(19.9996, true, 20, false, b), "19,999", "19,9996 is cut to 19,999, never 20,000");
	is_str(numfmt_rate(19.95, true, 20, false, b), "19,95", "19,95 against 20%%");
	is_str(numfmt_rate(20.04, true, 20.04, false, b), "20,04", "a met value is not shown below its target");
	is_str(numfmt_rate(5.03, true, 5, true, b), "5,03", "above a maximum is shown above it");
	is_str(numfmt_rate(5.0001, true, 5, true, b), "5,001", "just above a maximum is cut up");
	is_str(numfmt_rate(4.97, true, 5, true, b), "5,0", "below a maximum may show equal to it");
	i18n_set_language("en");
	is_str(numfmt_rate(v, true, 20, false, b), "19.97", "in English 19.97");
	i18n_set_language("vi");
}

int main(void)
{
	fixture_init();
	sqlite3 *db = fixture_db();

	/* Group 9 as in the seed article: 181 households, 678 residents. */
	add(db, "category", "code=theft", "name=Trộm cắp tài sản", NULL);
	add(db, "category", "code=fraud", "name=Lừa đảo", NULL);
	add(db, "group", "code=9", "name=Tổ 9", "households=181", "residents=678", "date=2023-01-01", NULL);
	add(db, "group", "code=10", "name=Tổ 10", "households=200", "residents=700", "date=2023-01-01", NULL);

	/* ---- rate arithmetic */
	is_int(indicator_missing(130, 181, 75), 6, "75%% of 181 households needs 136, so 130 is 6 short");
	is_int(indicator_missing(136, 181, 75), 0, "136 of 181 reaches 75%%");
	ok(!indicator_rate_met(135, 181, 75), "135/181 = 74.6%% does not meet 75%%");
	ok(indicator_rate_met(136, 181, 75), "136/181 meets 75%%");
	is_int(indicator_missing(0, 678, 20), 136, "20%% of 678 residents rounds up to 136 people");
	is_int(indicator_missing(149, 200, 74.5), 0, "a decimal target: 149/200 = 74.5%% meets 74.5");
	is_int(indicator_missing(0, 0, 75), 0, "nothing is missing of nothing");

	/* ---- stocks: latest record on or before the period end */
	add(db, "survey", "group=9", "date=2023-08-31", "surveyed=170", "with_extinguisher=120", NULL);
	add(db, "survey", "group=9", "date=2023-09-10", "surveyed=175", "with_extinguisher=125", NULL);
	add(db, "survey", "group=9", "date=2023-09-28", "surveyed=181", "with_extinguisher=130", NULL);
	add(db, "survey", "group=9", "date=2023-10-05", "surveyed=181", "with_extinguisher=160", NULL);
	compute(db, "2023-09", "9");
	is_int(row("extinguisher")->cur.num, 130, "two surveys in one month: the later one counts");
	is_int(row("extinguisher")->cur.den, 181, "denominator is the group's households");
	is_int(row("extinguisher")->missing, 6, "6 households still missing for 75%%");
	ok(!row("extinguisher")->met, "74.6%% is not met");
	is_int(row("extinguisher")->prev.num, 120, "previous month uses the August survey");
	is_int(row("survey_coverage")->cur.num, 181, "survey coverage numerator is households surveyed");
	compute(db, "2023-Q3", "9");
	is_int(row("extinguisher")->cur.num, 130, "a survey dated after the period end is ignored");
	compute(db, "2023-10", "9");
	is_int(row("extinguisher")->cur.num, 160, "the October survey counts in October");
	ok(row("extinguisher")->met, "160/181 meets 75%%");
	is_int(row("extinguisher")->missing, 0, "nothing missing when met");

	/* ---- a group with no survey counts 0 over its households */
	compute(db, "2023-09", NULL);
	is_int(row("extinguisher")->cur.num, 130, "ward numerator: group 10 has no survey and adds 0");
	is_int(row("extinguisher")->cur.den, 381, "ward denominator: both groups' households");
	is_int(row("survey_coverage")->cur.den, 381, "survey coverage is over all households");

	/* ---- a group added mid-year */
	add(db, "group", "code=11", "name=Tổ 11", "households=100", "residents=350", "date=2023-06-15", NULL);
	compute(db, "2023-05", NULL);
	is_int(row("extinguisher")->cur.den, 381, "a group created in June is not in May's denominator");
	compute(db, "2023-06", NULL);
	is_int(row("extinguisher")->cur.den, 481, "it counts from the month of its first population record");
	is_int(row("app114")->cur.den, 678 + 700 + 350, "app114 is over residents");

	/* ---- population is a stock: denominators valid at the period end */
	add(db, "population", "group=10", "date=2023-09-15", "households=210", "residents=720", NULL);
	compute(db, "2023-09", NULL);
	is_int(row("extinguisher")->cur.den, 181 + 210 + 100, "September uses the September population");
	is_int(row("extinguisher")->prev.den, 181 + 200 + 100, "August keeps the older count");

	/* ---- commitments: each column has its own latest value */
	add(db, "commitment", "group=9", "date=2023-07-31", "pccc=150", "antt=100", NULL);
	add(db, "commitment", "group=9", "date=2023-09-30", "antt=120", NULL);
	compute(db, "2023-09", "9");
	is_int(row("pccc_commitment")->cur.num, 150, "a later record without pccc keeps the earlier pccc");
	is_int(row("antt_commitment")->cur.num, 120, "antt takes the later record");
	ok(row("pccc_commitment")->has_target && row("pccc_commitment")->target == 100,
	   "pccc default target is 100%%");
	is_int(row("pccc_commitment")->missing, 31, "31 households still to sign");

	/* ---- app installs */
	add(db, "app114", "group=9", "date=2023-09-01", "installs=100", NULL);
	compute(db, "2023-09", "9");
	is_int(row("app114")->cur.num, 100, "installs counted");
	is_int(row("app114")->cur.den, 678, "over the group's residents");
	ok(!row("app114")->met, "100/678 = 14.7%% is below the 20%% target");
	is_int(row("app114")->missing, 36, "136 users needed, 36 missing");
	ok(row("app114")->cur.value > 14.7 && row("app114")->cur.value < 14.8, "rate is 14.7%%");

	/* ---- targets: the year's own target, else the configured default */
	add(db, "target", "year=2023", "indicator=app114", "value=10", NULL);
	compute(db, "2023-09", "9");
	ok(row("app114")->target == 10, "the 2023 target overrides the default");
	ok(row("app114")->met, "14.7%% meets 10%%");
	compute(db, "2024-01", "9");
	ok(row("app114")->target == 20, "2024 has no target: the default 20%% applies");
	settings_set(CFG_TARGET_APP114, "25");
	compute(db, "2024-01", "9");
	ok(row("app114")->target == 25, "the configured default is used");
	settings_reset();

	/* ---- establishments: a ward-level stock */
	add(db, "establishments", "date=2023-06-30", "managed=600", "with_file=550", NULL);
	add(db, "establishments", "date=2023-09-30", "managed=615", "with_file=615", NULL);
	compute(db, "2023-Q3", NULL);
	is_int(row("establishment_files")->cur.num, 615, "establishments with a file at the end of Q3");
	is_int(row("establishment_files")->prev.num, 550, "and at the end of Q2");
	ok(row("establishment_files")->met, "615 of 615 meets 100%%");
	compute(db, "2023-Q3", "9");
	ok(!row("establishment_files")->cur.known, "establishments are not split by group");

	/* ---- fire teams and points: active at the period end */
	add(db, "fireteam", "group=9", "kind=team", "name=Tổ liên gia 1", "households=10",
	    "established=2023-02-01", NULL);
	add(db, "fireteam", "group=9", "kind=team", "name=Tổ liên gia 2", "households=7",
	    "established=2023-02-01", "closed=2023-08-15", NULL);
	add(db, "fireteam", "group=10", "kind=team", "name=Tổ liên gia 3", "households=12",
	    "established=2023-10-01", NULL);
	add(db, "fireteam", "group=10", "kind=point", "name=Điểm ngõ 45", "established=2023-03-01", NULL);
	compute(db, "2023-09", NULL);
	is_int(row("fire_teams")->cur.num, 1, "a closed team and a future team do not count");
	is_int(row("fire_team_households")->cur.num, 10, "households of active teams");
	is_int(row("fire_points")->cur.num, 1, "one public fire point");
	is_int(row("fire_teams")->prev.num, 1, "the team closed on 15/08 is gone by the end of August");
	compute(db, "2023-07", NULL);
	is_int(row("fire_teams")->cur.num, 2, "in July both early teams were active");
	compute(db, "2023-10", NULL);
	is_int(row("fire_teams")->cur.num, 2, "the October team counts in October");

	/* ---- flows: sums inside the period, compared with adjacent and last year */
	add(db, "incident", "group=9", "date=2023-07-10", "category=theft", NULL);
	add(db, "incident", "group=9", "date=2023-08-10", "category=theft", "count=2", NULL);
	add(db, "incident", "group=10", "date=2023-09-30", "category=fraud", "count=2", NULL);
	add(db, "incident", "group=10", "date=2023-10-01", "category=fraud", NULL);
	add(db, "incident", "group=9", "date=2023-04-02", "category=theft", "count=6", NULL);
	add(db, "incident", "group=9", "date=2022-08-01", "category=fraud", "count=3", NULL);
	compute(db, "2023-Q3", NULL);
	is_int(row("incidents")->cur.num, 5, "Q3 incidents summed; October's is outside");
	is_int(row("incidents")->prev.num, 6, "previous 3 months (Q2)");
	is_int(row("incidents")->last_year.num, 3, "same quarter last year");
	is_int(row("incidents.theft")->cur.num, 3, "by category: theft");
	is_int(row("incidents.fraud")->cur.num, 2, "by category: fraud");
	ok(!row("incidents")->has_target, "incidents have no default target");
	compute(db, "2023-Q3", "10");
	is_int(row("incidents")->cur.num, 2, "--group filters flows");
	compute(db, "2023-07..2023-11", NULL);
	is_int(row("incidents")->cur.num, 6, "a 5-month range sums its months");
	is_int(row("incidents")->prev.num, 6, "and compares with the 5 months before (Feb-Jun)");

	add(db, "outreach", "date=2023-07-05", "kind=radio", "sessions=135", NULL);
	add(db, "outreach", "date=2023-08-05", "kind=mobile", "sessions=45", "group=9", NULL);
	compute(db, "2023-Q3", NULL);
	is_int(row("outreach")->cur.num, 180, "outreach sessions summed");
	is_int(row("outreach.radio")->cur.num, 135, "radio sessions");
	is_int(row("outreach.mobile")->cur.num, 45, "mobile sessions");
	compute(db, "2023-Q3", "9");
	is_int(row("outreach")->cur.num, 45, "outreach of one group only");

	/* ---- a target on a flow is a ceiling, on a count a floor */
	add(db, "target", "year=2023", "indicator=incidents", "value=4", NULL);
	add(db, "target", "year=2023", "indicator=fire_teams", "value=3", NULL);
	compute(db, "2023-Q3", NULL);
	ok(row("incidents")->has_status && !row("incidents")->met, "5 incidents exceed a ceiling of 4");
	ok(row("fire_teams")->has_status && !row("fire_teams")->met, "1 team is below 3");
	is_int(row("fire_teams")->missing, 2, "2 teams missing");
	add(db, "target", "year=2023", "indicator=outreach", "value=150", NULL);
	compute(db, "2023-Q3", NULL);
	ok(row("outreach")->has_status && row("outreach")->met, "180 outreach sessions meet a target of 150 (a floor)");
	is_int(row("outreach")->missing, 0, "no sessions missing");

	/* ---- an inactive group leaves the totals from its closing date */
	struct record g;
	store_load(db, kind_find("group"), 3, &g); /* group 11 */
	record_set_named(&g, "active", "no");
	record_set_named(&g, "closed", "2023-12-01");
	struct issues is = { NULL, 0, 0 };
	validate_record(db, &g, &g, &is);
	struct strlist err = STRLIST_INIT;
	ok(issues_count(&is, SEV_ERROR) == 0 && store_update(db, &g, &err), "group 11 closed on 2023-12-01");
	issues_free(&is);
	sl_free(&err);
	record_clear(&g);
	compute(db, "2023-11", NULL);
	is_int(row("extinguisher")->cur.den, 181 + 210 + 100, "still counted in November");
	compute(db, "2023-12", NULL);
	is_int(row("extinguisher")->cur.den, 181 + 210, "not counted in December");

	/* ---- month start day 15: months close on the 14th */
	settings_set(CFG_MONTH_START_DAY, "15");
	add(db, "incident", "group=9", "date=2023-06-14", "category=fraud", NULL);
	add(db, "incident", "group=9", "date=2023-06-15", "category=fraud", "count=4", NULL);
	compute(db, "2023-06", "9");
	is_int(row("incidents.fraud")->cur.num, 1, "with start day 15, June ends on the 14th");
	compute(db, "2023-07", "9");
	is_int(row("incidents.fraud")->cur.num, 4, "the 15th of June belongs to July");
	settings_reset();

	honest_rates();

	summary_free(&S);
	fixture_cleanup(db);
	return done();
}
