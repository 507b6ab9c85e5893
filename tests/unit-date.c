/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-date.c - calendar dates: parsing ISO and DD/MM/YYYY, validity, leap
 * years, formatting, "today" and day arithmetic. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tap.h"
#include "../src/clock.h"
#include "../src/date.h"
#include "../src/i18n.h"

static void parses(const char *s, ws_date want)
{
	ws_date d = -1;
	ok(date_parse(s, &d), "'%s' accepted", s);
	is_int(d, want, "'%s' is %d", s, want);
}

static void rejects(const char *s)
{
	ws_date d = 12345;
	ok(!date_parse(s, &d), "'%s' rejected", s ? s : "(null)");
}

static void adds(ws_date d, int n, ws_date want)
{
	is_int(date_add_days(d, n), want, "%d %+d days is %d", d, n, want);
}

static ws_date local_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* date_today() must fall back to the clock for this value of $WARDSAFE_NOW
 * (with $WARDSAFE_TODAY unset).  The clock is read before and after, so a
 * run that crosses midnight still passes. */
static void today_falls_back(const char *env, const char *why)
{
	unsetenv("WARDSAFE_TODAY");
	if (env)
		setenv("WARDSAFE_NOW", env, 1);
	else
		unsetenv("WARDSAFE_NOW");
	ws_date before = local_today();
	ws_date got = date_today();
	ws_date after = local_today();
	ok(got == before || got == after, "date_today falls back to the clock %s", why);
	if (got != before && got != after)
		printf("#   got %d, clock says %d\n", got, before);
	ok(!clock_is_fixed(), "clock_is_fixed is false %s", why);
}

/* $WARDSAFE_NOW=s gives this date and time of day. */
static void now_is(const char *s, ws_date d, int h, int m, int sec)
{
	struct ws_clock c;
	char buf[20], want[20];
	unsetenv("WARDSAFE_TODAY");
	setenv("WARDSAFE_NOW", s, 1);
	clock_now(&c);
	snprintf(want, sizeof want, "%04d-%02d-%02d %02d:%02d:%02d", DATE_Y(d), DATE_M(d), DATE_D(d), h, m, sec);
	is_str(clock_format(&c, ' ', buf), want, "WARDSAFE_NOW='%s' is %s", s, want);
	is_str(clock_stamp(), want, "and the audit stamp says so");
	is_int(date_today(), d, "and date_today is its day");
}

int main(void)
{
	i18n_init_locale();
	i18n_set_language("en");
	plan(185);

	/* ---- ISO */
	parses("2023-09-14", 20230914);
	parses("2023-01-01", 20230101);
	parses("2023-12-31", 20231231);
	parses("2024-02-29", 20240229);
	parses("2000-02-29", 20000229);
	parses("1900-01-01", 19000101);
	parses("9999-12-31", 99991231);
	parses("2023-04-30", 20230430);

	/* ---- DD/MM/YYYY and D/M/YYYY */
	parses("14/09/2023", 20230914);
	parses("04/09/2023", 20230904);
	parses("4/9/2023", 20230904);
	parses("4/09/2023", 20230904);
	parses("04/9/2023", 20230904);
	parses("31/12/2023", 20231231);
	parses("1/1/2024", 20240101);
	/* one-digit day and month in ISO form too, as the manual says */
	parses("2023-2-3", 20230203);
	parses("2023-1-5", 20230105);
	parses("2023-01-5", 20230105);
	parses("2023-1-05", 20230105);
	rejects("2023-2-30");
	rejects("2023--5");
	rejects("2023-1-");
	parses("29/02/2024", 20240229);

	/* ---- not on the calendar */
	rejects("2023-02-29");
	rejects("29/02/2023");
	rejects("2024-02-30");
	rejects("30/02/2024");
	rejects("31/04/2023");
	rejects("2023-04-31");
	rejects("2023-06-31");
	rejects("2023-13-01");
	rejects("2023-00-10");
	rejects("2023-01-00");
	rejects("2023-01-32");
	rejects("32/01/2023");
	rejects("0/1/2023");
	rejects("1/0/2023");
	rejects("1/13/2023");
	rejects("1900-02-29");
	rejects("29/02/1900");
	rejects("2100-02-29");
	rejects("1899-12-31");
	rejects("31/12/1899");
	rejects("0000-01-01");

	/* ---- malformed */
	rejects("2023-001-05");
	rejects("2023/01/05");
	rejects("2023.01.05");
	rejects("20230105");
	rejects("05-01-2023");
	rejects("05.01.2023");
	rejects("14/09/23");
	rejects("14/09/02023");
	rejects("014/09/2023");
	rejects("14/009/2023");
	rejects("14/09");
	rejects("");
	rejects(NULL);
	rejects("junk");
	rejects("today");
	rejects("2023-09-14x");
	rejects("2023-09-14 ");
	rejects("2023-09-14T00:00");
	rejects(" 2023-09-14");
	rejects("14/09/2023x");
	rejects("14/09/2023 ");
	rejects("+2023-09-14");
	rejects("-1/09/2023");
	rejects("2023-09-");
	rejects("2023--09-14");

	/* ---- leap years and month lengths */
	is_int(date_days_in_month(1900, 2), 28, "1900 is not a leap year");
	is_int(date_days_in_month(2000, 2), 29, "2000 is a leap year");
	is_int(date_days_in_month(2024, 2), 29, "2024 is a leap year");
	is_int(date_days_in_month(2023, 2), 28, "2023 is not a leap year");
	is_int(date_days_in_month(2100, 2), 28, "2100 is not a leap year");
	is_int(date_days_in_month(2400, 2), 29, "2400 is a leap year");
	is_int(date_days_in_month(2023, 1), 31, "January has 31 days");
	is_int(date_days_in_month(2023, 4), 30, "April has 30 days");
	is_int(date_days_in_month(2023, 9), 30, "September has 30 days");
	is_int(date_days_in_month(2023, 12), 31, "December has 31 days");
	is_int(date_days_in_month(2023, 0), 0, "month 0 has no days");
	is_int(date_days_in_month(2023, 13), 0, "month 13 has no days");
	ok(date_valid(2024, 2, 29), "29/02/2024 is valid");
	ok(!date_valid(2023, 2, 29), "29/02/2023 is not valid");
	ok(!date_valid(1900, 2, 29), "29/02/1900 is not valid");
	ok(date_valid(2000, 2, 29), "29/02/2000 is valid");
	ok(!date_valid(1899, 12, 31), "1899 is out of range");
	ok(!date_valid(10000, 1, 1), "10000 is out of range");
	ok(!date_valid(2023, 4, 31), "31/04 is not valid");
	ok(!date_valid(2023, 1, 0), "day 0 is not valid");
	is_int(date_make(2023, 9, 4), 20230904, "date_make packs yyyymmdd");
	is_int(DATE_Y(20230904), 2023, "DATE_Y");
	is_int(DATE_M(20230904), 9, "DATE_M");
	is_int(DATE_D(20230904), 4, "DATE_D");

	/* ---- formatting */
	{
		char buf[11];
		is_str(date_iso(20230904, buf), "2023-09-04", "date_iso pads month and day");
		is_str(date_iso(20231231, buf), "2023-12-31", "date_iso of 31 Dec");
		is_str(date_iso(19000101, buf), "1900-01-01", "date_iso of 1 Jan 1900");
		is_str(date_dmy(20230904, buf), "04/09/2023", "date_dmy pads day and month");
		is_str(date_dmy(20231231, buf), "31/12/2023", "date_dmy of 31 Dec");
		is_str(date_dmy(99991231, buf), "31/12/9999", "date_dmy of the last day");
		ok(date_iso(20230904, buf) == buf, "date_iso returns its buffer");
		ok(date_dmy(20230904, buf) == buf, "date_dmy returns its buffer");

		/* Round trips through both text forms for every day of 2023-2024. */
		int bad = 0;
		for (ws_date d = 20230101; d <= 20241231; d = date_add_days(d, 1)) {
			ws_date a = 0, b = 0;
			if (!date_parse(date_iso(d, buf), &a) || a != d ||
			    !date_parse(date_dmy(d, buf), &b) || b != d) {
				if (!bad++)
					printf("# round trip of %d failed\n", d);
			}
		}
		is_int(bad, 0, "every day of 2023-2024 reads back from date_iso and date_dmy");
	}

	/* ---- now and today (clock.h) */
	now_is("2026-11-24 09:30:00", 20261124, 9, 30, 0);
	now_is("2026-11-24T23:59:59", 20261124, 23, 59, 59);
	now_is("2024-02-29 07:05", 20240229, 7, 5, 0);
	now_is("2031-12-31", 20311231, 0, 0, 0);
	ok(clock_is_fixed(), "a valid WARDSAFE_NOW fixes the clock");
	{
		/* a fixed clock stands still: the same stamp a second later */
		setenv("WARDSAFE_NOW", "2029-06-15 12:00:00", 1);
		struct ws_clock a, b;
		clock_now(&a);
		struct timespec pause = { 1, 100000000 };
		nanosleep(&pause, NULL);
		clock_now(&b);
		ok(a.date == b.date && a.hour == b.hour && a.minute == b.minute && a.second == b.second,
		   "a fixed clock stands still");
	}
	unsetenv("WARDSAFE_NOW");
	setenv("WARDSAFE_TODAY", "2024-02-29", 1);
	is_int(date_today(), 20240229, "WARDSAFE_TODAY (the older name) still gives the day");
	setenv("WARDSAFE_NOW", "2026-11-24 09:30:00", 1);
	is_int(date_today(), 20261124, "WARDSAFE_NOW outranks WARDSAFE_TODAY");
	{
		const char *bad[] = { "2026-11-24 24:00:00", "2026-11-24 09:60", "2026-11-24 09:30:61",
				      "2026-11-24 9:30", "2026-11-24 09:30:00Z", "26-11-24", "24/11/2026 09:30" };
		struct ws_clock c = { 12345, 1, 2, 3 };
		for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
			ok(!clock_parse(bad[i], &c), "clock_parse refuses '%s'", bad[i]);
		is_int(c.date, 12345, "a refused value leaves the result alone");
	}
	today_falls_back("2023-02-30", "when WARDSAFE_NOW is not a real date");
	today_falls_back("2026-11-24 25:00", "when WARDSAFE_NOW has no real time of day");
	today_falls_back("garbage", "when WARDSAFE_NOW is garbage");
	today_falls_back("", "when WARDSAFE_NOW is empty");
	today_falls_back(NULL, "when WARDSAFE_NOW is unset");
	{
		ws_date t = date_today();
		ok(date_valid(DATE_Y(t), DATE_M(t), DATE_D(t)), "the clock's date is a valid date");
	}

	/* ---- adding days */
	adds(20230914, 0, 20230914);
	adds(20230914, 1, 20230915);
	adds(20230930, 1, 20231001);
	adds(20230131, 1, 20230201);
	adds(20230228, 1, 20230301);
	adds(20240228, 1, 20240229);
	adds(20240229, 1, 20240301);
	adds(20231231, 1, 20240101);
	adds(20231215, 20, 20240104);
	adds(20230915, 30, 20231015);
	adds(20230101, 365, 20240101);
	adds(20240101, 366, 20250101);
	adds(20000101, 10000, 20270519);
	adds(19000101, 36524, 20000101);
	adds(20240229, 365, 20250228);
	adds(20230915, -1, 20230914);
	adds(20231001, -1, 20230930);
	adds(20230301, -1, 20230228);
	adds(20240301, -1, 20240229);
	adds(20240305, -5, 20240229);
	adds(20230101, -1, 20221231);
	adds(20240104, -20, 20231215);
	adds(20230310, -40, 20230129);
	adds(20231231, -365, 20221231);
	adds(20250101, -366, 20240101);
	adds(20240229, -366, 20230228);
	adds(20230101, -1000, 20200406);
	{
		int bad = 0;
		for (ws_date d = 20231201; d <= 20240310; d = date_add_days(d, 1))
			for (int n = -400; n <= 400; n += 37)
				if (date_add_days(date_add_days(d, n), -n) != d) {
					if (!bad++)
						printf("# %d %+d and back gives %d\n", d, n,
						       date_add_days(date_add_days(d, n), -n));
				}
		is_int(bad, 0, "adding then subtracting days returns to the start");
	}

	return done();
}
