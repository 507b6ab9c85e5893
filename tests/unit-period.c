/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-period.c - reporting periods: parsing, canonical text, arithmetic and
 * the calendar days a period covers under a month start day. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../src/date.h"
#include "../src/i18n.h"
#include "../src/period.h"

/* Month index as period.h keeps it. */
#define MI(y, m) ((y) * 12 + (m) - 1)

static const char *fmt(struct period p, char *buf)
{
	return period_format(&p, buf);
}

/* Parses `s`, expects months first..last and the canonical text `canon`. */
static void parses(const char *s, int first, int last, const char *canon)
{
	struct period p = { -1, -1 };
	char buf[32];
	if (!ok(period_parse(s, &p), "parse '%s' accepted", s)) {
		ok(0, "parse '%s': months (skipped)", s);
		ok(0, "parse '%s': canonical text (skipped)", s);
		return;
	}
	ok(p.first == first && p.last == last, "parse '%s': months %d..%d", s, first, last);
	if (p.first != first || p.last != last)
		printf("#   got %d..%d\n", p.first, p.last);
	is_str(period_format(&p, buf), canon, "format '%s' is '%s'", s, canon);
}

static void rejects(const char *s)
{
	struct period p = { 0, 0 };
	ok(!period_parse(s, &p), "parse '%s' rejected", s ? s : "(null)");
}

static struct period P(const char *s)
{
	struct period p = { 0, 0 };
	if (!period_parse(s, &p))
		printf("# helper: cannot parse '%s'\n", s);
	return p;
}

static void previous_is(const char *s, const char *want)
{
	struct period p = P(s), q = period_previous(&p);
	char buf[32];
	is_str(fmt(q, buf), want, "previous of %s is %s", s, want);
	is_int(period_months(&q), period_months(&p), "previous of %s has the same length", s);
	is_int(q.last + 1, p.first, "previous of %s ends right before it", s);
}

static void last_year_is(const char *s, const char *want)
{
	struct period p = P(s), q = period_last_year(&p);
	char buf[32];
	is_str(fmt(q, buf), want, "same period last year of %s is %s", s, want);
}

static void days_are(const char *s, int sd, ws_date start, ws_date end)
{
	struct period p = P(s);
	is_int(period_start(&p, sd), start, "%s with start day %d starts on %d", s, sd, start);
	is_int(period_end(&p, sd), end, "%s with start day %d ends on %d", s, sd, end);
}

static void of_date_is(ws_date d, int sd, const char *want)
{
	struct period p = period_of_date(d, sd);
	char buf[32];
	is_str(fmt(p, buf), want, "date %d with start day %d is in %s", d, sd, want);
	is_int(period_months(&p), 1, "date %d with start day %d gives a single month", d, sd);
}

/* For every month of 2022..2025: consecutive months tile the calendar with
 * no gap or overlap, and every day of a month maps back to that month. */
static void tiling(int sd)
{
	int bad = 0;
	for (int mi = MI(2022, 1); mi <= MI(2025, 12); mi++) {
		struct period p = { mi, mi }, prev = { mi - 1, mi - 1 };
		ws_date s = period_start(&p, sd), e = period_end(&p, sd);
		if (date_add_days(period_end(&prev, sd), 1) != s) {
			if (!bad++)
				printf("# month %d: previous end + 1 != start %d\n", mi, s);
		}
		for (ws_date d = s; d <= e; d = date_add_days(d, 1)) {
			struct period q = period_of_date(d, sd);
			if (q.first != mi || q.last != mi) {
				if (!bad++)
					printf("# day %d maps to month %d, want %d\n", d, q.first, mi);
			}
		}
	}
	is_int(bad, 0, "start day %d: months tile the calendar and days map back", sd);
}

int main(void)
{
	i18n_init_locale();
	i18n_set_language("en");
	plan(344);

	/* ---- accepted forms */
	parses("2023-09", MI(2023, 9), MI(2023, 9), "2023-09");
	parses("2023-01", MI(2023, 1), MI(2023, 1), "2023-01");
	parses("2023-12", MI(2023, 12), MI(2023, 12), "2023-12");
	parses("2023-Q1", MI(2023, 1), MI(2023, 3), "2023-Q1");
	parses("2023-Q3", MI(2023, 7), MI(2023, 9), "2023-Q3");
	parses("2023-Q4", MI(2023, 10), MI(2023, 12), "2023-Q4");
	parses("2023", MI(2023, 1), MI(2023, 12), "2023");
	parses("1900", MI(1900, 1), MI(1900, 12), "1900");
	parses("9999-12", MI(9999, 12), MI(9999, 12), "9999-12");
	parses("2023-07..2023-11", MI(2023, 7), MI(2023, 11), "2023-07..2023-11");
	parses("2023-09..2023-09", MI(2023, 9), MI(2023, 9), "2023-09");
	parses("2023-07..2023-09", MI(2023, 7), MI(2023, 9), "2023-Q3");
	parses("2023-01..2023-12", MI(2023, 1), MI(2023, 12), "2023");
	parses("2023-02..2023-04", MI(2023, 2), MI(2023, 4), "2023-02..2023-04");
	parses("2023-11..2024-02", MI(2023, 11), MI(2024, 2), "2023-11..2024-02");
	parses("2023-Q1..2023-Q2", MI(2023, 1), MI(2023, 6), "2023-01..2023-06");
	parses("2023-Q3..2023-Q3", MI(2023, 7), MI(2023, 9), "2023-Q3");
	parses("2023-Q4..2024-Q1", MI(2023, 10), MI(2024, 3), "2023-10..2024-03");
	parses("2022..2023", MI(2022, 1), MI(2023, 12), "2022-01..2023-12");
	parses("2023..2023", MI(2023, 1), MI(2023, 12), "2023");
	parses("2023..2023-Q2", MI(2023, 1), MI(2023, 6), "2023-01..2023-06");
	parses("2023-Q2..2023", MI(2023, 4), MI(2023, 12), "2023-04..2023-12");
	parses("2023-08..2023-Q4", MI(2023, 8), MI(2023, 12), "2023-08..2023-12");
	/* the other spellings officers write (issue 13) */
	parses("2023-7", MI(2023, 7), MI(2023, 7), "2023-07");
	parses("2023-1", MI(2023, 1), MI(2023, 1), "2023-01");
	parses("09/2023", MI(2023, 9), MI(2023, 9), "2023-09");
	parses("9/2023", MI(2023, 9), MI(2023, 9), "2023-09");
	parses("12/2023", MI(2023, 12), MI(2023, 12), "2023-12");
	parses("Q3/2023", MI(2023, 7), MI(2023, 9), "2023-Q3");
	parses("q1/2024", MI(2024, 1), MI(2024, 3), "2024-Q1");
	parses("quý 3/2023", MI(2023, 7), MI(2023, 9), "2023-Q3");          /* NFC */
	parses("quy\xcc\x81 3/2023", MI(2023, 7), MI(2023, 9), "2023-Q3"); /* NFD */
	parses("Quý 4/2023", MI(2023, 10), MI(2023, 12), "2023-Q4");
	parses("QUÝ 2/2023", MI(2023, 4), MI(2023, 6), "2023-Q2");
	parses("QUY\xcc\x81 1/2023", MI(2023, 1), MI(2023, 3), "2023-Q1");
	parses("quý3/2023", MI(2023, 7), MI(2023, 9), "2023-Q3");
	parses("quí 3/2023", MI(2023, 7), MI(2023, 9), "2023-Q3");
	parses("quy 3/2023", MI(2023, 7), MI(2023, 9), "2023-Q3");
	parses("07/2023..09/2023", MI(2023, 7), MI(2023, 9), "2023-Q3");
	parses("quý 1/2023..quý 2/2023", MI(2023, 1), MI(2023, 6), "2023-01..2023-06");
	parses("2023-7..2023-Q4", MI(2023, 7), MI(2023, 12), "2023-07..2023-12");

	/* ---- rejected forms */
	rejects("2023-13");
	rejects("2023-00");
	rejects("2023-Q5");
	rejects("2023-Q0");
	rejects("2023-Q");
	rejects("23-09");
	rejects("2023-009");
	rejects("2023-09..2023-07");
	rejects("2023-Q3..2023-Q2");
	rejects("2024..2023");
	rejects("2023-09..2023-Q2");
	rejects("garbage");
	rejects("");
	rejects(NULL);
	rejects("1899");
	rejects("1899-12");
	rejects("1899-12..1900-01");
	rejects("0000-01");
	rejects("10000");
	rejects("10000-01");
	rejects("2023-09x");
	rejects("2023-09 ");
	rejects(" 2023-09");
	rejects("2023-Q3x");
	rejects("2023x");
	rejects("2023-");
	rejects("2023/09");
	rejects("09-2023");
	rejects("2023-09..");
	rejects("..2023-09");
	rejects("..");
	rejects("2023-09...2023-10");
	rejects("2023-09..2023-10..2023-11");
	rejects("2023-09.2023-10");
	rejects("2023-07 .. 2023-09");
	rejects("2023-07..2023-09x");
	rejects("2023-07..garbage");
	rejects("13/2023");
	rejects("0/2023");
	rejects("00/2023");
	rejects("009/2023");
	rejects("9/23");
	rejects("9/20234");
	rejects("9/2023x");
	rejects("9-2023");
	rejects("Q5/2023");
	rejects("Q0/2023");
	rejects("Q3/23");
	rejects("Q3 / 2023");
	rejects("Q32023");
	rejects("quý 5/2023");
	rejects("quý /2023");
	rejects("quý 3/1899");
	rejects("quýx 3/2023");
	rejects("qu 3/2023");
	rejects("q\xcc\x81 3/2023");
	rejects("2023-7x");
	rejects("2023-70");
	rejects("1899-7");
	rejects("9/2023..7/2023");

	/* ---- canonical text of hand-made periods */
	{
		char buf[32];
		struct period p = { MI(2023, 4), MI(2023, 6) };
		is_str(period_format(&p, buf), "2023-Q2", "Apr..Jun formats as a quarter");
		struct period q = { MI(2023, 2), MI(2023, 4) };
		is_str(period_format(&q, buf), "2023-02..2023-04", "a 3-month range off the quarter grid stays a range");
		struct period r = { MI(2023, 12), MI(2024, 2) };
		is_str(period_format(&r, buf), "2023-12..2024-02", "a 3-month range across a year stays a range");
		struct period y = { MI(2022, 1), MI(2022, 12) };
		is_str(period_format(&y, buf), "2022", "Jan..Dec formats as a year");
		ok(period_format(&y, buf) == buf, "period_format returns its buffer");
	}

	/* ---- period_months */
	is_int(period_months(&(struct period){ MI(2023, 9), MI(2023, 9) }), 1, "a month is 1 month");
	{
		struct period p = P("2023-Q2");
		is_int(period_months(&p), 3, "a quarter is 3 months");
		p = P("2024");
		is_int(period_months(&p), 12, "a year is 12 months");
		p = P("2023-07..2023-11");
		is_int(period_months(&p), 5, "2023-07..2023-11 is 5 months");
		p = P("2023-11..2024-02");
		is_int(period_months(&p), 4, "2023-11..2024-02 is 4 months");
		p = P("2022..2023");
		is_int(period_months(&p), 24, "2022..2023 is 24 months");
	}

	/* ---- period_previous: adjacent, same length */
	previous_is("2023-09", "2023-08");
	previous_is("2023-01", "2022-12");
	previous_is("2023-Q3", "2023-Q2");
	previous_is("2023-Q1", "2022-Q4");
	previous_is("2023", "2022");
	previous_is("2023-07..2023-11", "2023-02..2023-06");
	previous_is("2023-02..2023-06", "2022-09..2023-01");
	previous_is("2024-01..2024-05", "2023-08..2023-12");
	previous_is("2023-Q1..2023-Q2", "2022-07..2022-12");
	previous_is("2022..2023", "2020-01..2021-12");

	/* ---- period_last_year */
	last_year_is("2023-09", "2022-09");
	last_year_is("2024-01", "2023-01");
	last_year_is("2023-Q1", "2022-Q1");
	last_year_is("2024", "2023");
	last_year_is("2023-07..2023-11", "2022-07..2022-11");
	last_year_is("2023-11..2024-02", "2022-11..2023-02");

	/* ---- start and end days, month start day 1 */
	days_are("2023-09", 1, 20230901, 20230930);
	days_are("2023-02", 1, 20230201, 20230228);
	days_are("2024-02", 1, 20240201, 20240229);
	days_are("2000-02", 1, 20000201, 20000229);
	days_are("1900-02", 1, 19000201, 19000228);
	days_are("2100-02", 1, 21000201, 21000228);
	days_are("2023-12", 1, 20231201, 20231231);
	days_are("2023-04", 1, 20230401, 20230430);
	days_are("2023-Q3", 1, 20230701, 20230930);
	days_are("2023-Q1", 1, 20230101, 20230331);
	days_are("2023", 1, 20230101, 20231231);
	days_are("2023-07..2023-11", 1, 20230701, 20231130);
	days_are("2023-11..2024-02", 1, 20231101, 20240229);

	/* ---- start and end days, month start day 15 */
	days_are("2023-09", 15, 20230815, 20230914);
	days_are("2024-01", 15, 20231215, 20240114);
	days_are("2023-12", 15, 20231115, 20231214);
	days_are("2024-03", 15, 20240215, 20240314);
	days_are("2023-Q3", 15, 20230615, 20230914);
	days_are("2023-Q1", 15, 20221215, 20230314);
	days_are("2023", 15, 20221215, 20231214);
	days_are("2023-07..2023-11", 15, 20230615, 20231114);

	/* ---- other start days */
	days_are("2023-09", 2, 20230802, 20230901);
	days_are("2023-03", 28, 20230228, 20230327);
	days_are("2024-01", 28, 20231228, 20240127);

	/* ---- period_of_date */
	of_date_is(20230914, 1, "2023-09");
	of_date_is(20230901, 1, "2023-09");
	of_date_is(20230930, 1, "2023-09");
	of_date_is(20231231, 1, "2023-12");
	of_date_is(20240101, 1, "2024-01");
	of_date_is(20240229, 1, "2024-02");
	of_date_is(20230914, 15, "2023-09");
	of_date_is(20230915, 15, "2023-10");
	of_date_is(20230815, 15, "2023-09");
	of_date_is(20230814, 15, "2023-08");
	of_date_is(20231220, 15, "2024-01");
	of_date_is(20231215, 15, "2024-01");
	of_date_is(20231214, 15, "2023-12");
	of_date_is(20240101, 15, "2024-01");
	of_date_is(20240114, 15, "2024-01");
	of_date_is(20240115, 15, "2024-02");
	of_date_is(20230901, 2, "2023-09");
	of_date_is(20230902, 2, "2023-10");

	/* ---- the two agree everywhere */
	tiling(1);
	tiling(2);
	tiling(15);
	tiling(28);

	/* ---- period_words: as an officer writes them, in both languages */
	static const struct { const char *p, *vi, *en; } words[] = {
		{ "2023-09", "tháng 9/2023", "September 2023" },
		{ "2023-01", "tháng 1/2023", "January 2023" },
		{ "2023-Q3", "quý III/2023", "Q3 2023" },
		{ "2023-Q1", "quý I/2023", "Q1 2023" },
		{ "2023-Q4", "quý IV/2023", "Q4 2023" },
		{ "2023", "năm 2023", "2023" },
		{ "2023-01..2023-06", "6 tháng đầu năm 2023", "first half of 2023" },
		{ "2023-07..2023-12", "6 tháng cuối năm 2023", "second half of 2023" },
		{ "2023-01..2023-09", "9 tháng đầu năm 2023", "first 9 months of 2023" },
		{ "2023-07..2023-11", "từ tháng 7 đến tháng 11/2023", "July to November 2023" },
		{ "2023-08..2023-09", "từ tháng 8 đến tháng 9/2023", "August to September 2023" },
		{ "2022-11..2023-02", "từ tháng 11/2022 đến tháng 2/2023", "November 2022 to February 2023" },
		{ "2022..2023", "từ tháng 1/2022 đến tháng 12/2023", "January 2022 to December 2023" },
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		struct period p;
		period_parse(words[i].p, &p);
		for (int l = 0; l < 2; l++) {
			i18n_set_language(l ? "en" : "vi");
			char *w = period_words(&p);
			const char *want = l ? words[i].en : words[i].vi;
			is_str(w, want, "period_words(%s) in %s", words[i].p, l ? "en" : "vi");
			free(w);
		}
	}
	i18n_set_language("en");

	return done();
}
