/* SPDX-License-Identifier: GPL-3.0-or-later */
/* date.c - calendar arithmetic and parsing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "date.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

ws_date date_make(int y, int m, int d)
{
	return y * 10000 + m * 100 + d;
}

/* Reads 1..maxlen digits; returns the number of characters used. */
static int digits(const char *s, int minlen, int maxlen, int *out)
{
	int n = 0, v = 0;
	while (n < maxlen && s[n] >= '0' && s[n] <= '9') {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n < minlen)
		return 0;
	*out = v;
	return n;
}

/* Reads a date written YYYY-MM-DD or DD/MM/YYYY; day and month may have one
 * digit in both (2023-2-3, 3/2/2023), the year has four. */
bool date_parse(const char *s, ws_date *out)
{
	int y, m, d, n;
	const char *p = s;
	if (!s)
		return false;
	if ((n = digits(p, 4, 4, &y)) && p[n] == '-') {
		p += n + 1;
		if (!(n = digits(p, 1, 2, &m)) || p[n] != '-')
			return false;
		p += n + 1;
		if (!(n = digits(p, 1, 2, &d)) || p[n])
			return false;
	} else if ((n = digits(p, 1, 2, &d)) && p[n] == '/') {
		p += n + 1;
		if (!(n = digits(p, 1, 2, &m)) || p[n] != '/')
			return false;
		p += n + 1;
		if (!(n = digits(p, 4, 4, &y)) || p[n])
			return false;
	} else {
		return false;
	}
	if (!date_valid(y, m, d))
		return false;
	*out = date_make(y, m, d);
	return true;
}

char *date_iso(ws_date d, char *buf)
{
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)DATE_Y(d) % 10000u, (unsigned)DATE_M(d) % 100u,
		 (unsigned)DATE_D(d) % 100u);
	return buf;
}

char *date_dmy(ws_date d, char *buf)
{
	snprintf(buf, 11, "%02u/%02u/%04u", (unsigned)DATE_D(d) % 100u, (unsigned)DATE_M(d) % 100u,
		 (unsigned)DATE_Y(d) % 10000u);
	return buf;
}

ws_date date_today(void)
{
	struct ws_clock now;
	clock_now(&now);
	return now.date;
}

ws_date date_add_days(ws_date d, int days)
{
	int y = DATE_Y(d), m = DATE_M(d), dd = DATE_D(d);
	while (days > 0) {
		int left = date_days_in_month(y, m) - dd;
		if (days <= left) {
			dd += days;
			days = 0;
		} else {
			days -= left + 1;
			dd = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	while (days < 0) {
		if (-days < dd) {
			dd += days;
			days = 0;
		} else {
			days += dd;
			if (--m < 1) {
				m = 12;
				y--;
			}
			dd = date_days_in_month(y, m);
		}
	}
	return date_make(y, m, dd);
}
