/* SPDX-License-Identifier: GPL-3.0-or-later */
/* period.c - parsing and arithmetic of reporting periods. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "period.h"
#include "util.h"

#define MIN_YEAR 1900
#define MAX_YEAR 9999

/* Reads exactly n digits at *s (advancing it); -1 if they are not there. */
static int digits(const char **s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if ((*s)[i] < '0' || (*s)[i] > '9')
			return -1;
		v = v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return v;
}

/* Reads a month number of one or two digits at *s; -1 if there is none. */
static int month_number(const char **s)
{
	const char *p = *s;
	int m = digits(&p, 2);
	if (m < 0) {
		p = *s;
		m = digits(&p, 1);
	}
	if (m < 1 || m > 12)
		return -1;
	*s = p;
	return m;
}

/* Skips the Vietnamese word for quarter at *s: "quý" in any case, NFC or
 * NFD, or written "quí", "quy" or "qui" (the old spelling, or no input
 * method); true if it was there. */
static bool skip_quy(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	if ((p[0] | 0x20) != 'q' || (p[1] | 0x20) != 'u')
		return false;
	p += 2;
	if ((p[0] | 0x20) == 'y' || (p[0] | 0x20) == 'i') {
		p++;
		if (p[0] == 0xCC && p[1] == 0x81)      /* U+0301 (NFD) */
			p += 2;
	} else if (p[0] == 0xC3 && (p[1] == 0xBD || p[1] == 0x9D || p[1] == 0xAD || p[1] == 0x8D)) {
		p += 2;                                 /* ý Ý í Í */
	} else {
		return false;
	}
	*s = (const char *)p;
	return true;
}

/* The months of year y, or of its quarter q, or of its month m, into out;
 * false if the year is out of range. */
static bool set_period(int y, int q, int m, struct period *out)
{
	if (y < MIN_YEAR || y > MAX_YEAR)
		return false;
	if (q) {
		out->first = y * 12 + (q - 1) * 3;
		out->last = out->first + 2;
	} else if (m) {
		out->first = out->last = y * 12 + m - 1;
	} else {
		out->first = y * 12;
		out->last = y * 12 + 11;
	}
	return true;
}

/* Parses one endpoint: YYYY, YYYY-MM or YYYY-M, YYYY-Qn, MM/YYYY or
 * M/YYYY, Qn/YYYY, or "quý n/YYYY" (see skip_quy; spaces may follow the
 * word, nowhere else). */
static bool parse_one(const char *s, size_t len, struct period *out)
{
	char buf[32];
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	const char *p = buf;
	int y, q = 0, m = 0;
	if (*p >= '0' && *p <= '9') {
		const char *start = p;
		y = digits(&p, 4);
		if (y >= 0 && *p == '\0')
			return set_period(y, 0, 0, out);
		if (y >= 0 && *p == '-') {                    /* YYYY-Qn, YYYY-MM, YYYY-M */
			p++;
			if ((*p | 0x20) == 'q' && p[1] >= '1' && p[1] <= '4' && p[2] == '\0')
				return set_period(y, p[1] - '0', 0, out);
			if ((m = month_number(&p)) > 0 && *p == '\0')
				return set_period(y, 0, m, out);
			return false;
		}
		p = start;                                     /* MM/YYYY, M/YYYY */
		if ((m = month_number(&p)) < 0 || *p++ != '/' || (y = digits(&p, 4)) < 0 || *p)
			return false;
		return set_period(y, 0, m, out);
	}
	if ((*p | 0x20) == 'q' && p[1] >= '1' && p[1] <= '4') {  /* Qn/YYYY */
		q = p[1] - '0';
		p += 2;
	} else if (skip_quy(&p)) {                               /* quý n/YYYY */
		while (*p == ' ')
			p++;
		if (*p < '1' || *p > '4')
			return false;
		q = *p++ - '0';
	} else {
		return false;
	}
	if (*p++ != '/')
		return false;
	if ((y = digits(&p, 4)) < 0 || *p)
		return false;
	return set_period(y, q, 0, out);
}

bool period_parse(const char *s, struct period *out)
{
	if (!s)
		return false;
	const char *dots = strstr(s, "..");
	struct period a, b;
	if (!dots)
		return parse_one(s, strlen(s), out);
	if (!parse_one(s, (size_t)(dots - s), &a) || !parse_one(dots + 2, strlen(dots + 2), &b))
		return false;
	if (b.last < a.first)
		return false;
	out->first = a.first;
	out->last = b.last;
	return true;
}

struct period period_of_date(ws_date d, int month_start_day)
{
	int m = DATE_Y(d) * 12 + DATE_M(d) - 1;
	/* With a start day s > 1, days s.. of month M belong to month M+1. */
	if (month_start_day > 1 && DATE_D(d) >= month_start_day)
		m++;
	struct period p = { m, m };
	return p;
}

int period_months(const struct period *p)
{
	return p->last - p->first + 1;
}

struct period period_previous(const struct period *p)
{
	int n = period_months(p);
	struct period q = { p->first - n, p->last - n };
	return q;
}

struct period period_last_year(const struct period *p)
{
	struct period q = { p->first - 12, p->last - 12 };
	return q;
}

ws_date period_start(const struct period *p, int month_start_day)
{
	int y = p->first / 12, m = p->first % 12 + 1;
	if (month_start_day <= 1)
		return date_make(y, m, 1);
	/* Starts on day s of the previous month. */
	if (--m < 1) {
		m = 12;
		y--;
	}
	return date_make(y, m, month_start_day);
}

ws_date period_end(const struct period *p, int month_start_day)
{
	int y = p->last / 12, m = p->last % 12 + 1;
	if (month_start_day <= 1)
		return date_make(y, m, date_days_in_month(y, m));
	return date_make(y, m, month_start_day - 1);
}

static void format_month(int mi, char *buf, size_t n)
{
	snprintf(buf, n, "%04u-%02u", (unsigned)(mi / 12) % 10000u, (unsigned)(mi % 12 + 1) % 100u);
}

char *period_format(const struct period *p, char *buf)
{
	int y1 = p->first / 12, m1 = p->first % 12, y2 = p->last / 12, m2 = p->last % 12;
	if (p->first == p->last) {
		format_month(p->first, buf, 32);
	} else if (y1 == y2 && m1 == 0 && m2 == 11) {
		snprintf(buf, 32, "%04d", y1);
	} else if (y1 == y2 && m1 % 3 == 0 && m2 == m1 + 2) {
		snprintf(buf, 32, "%04d-Q%d", y1, m1 / 3 + 1);
	} else {
		char a[14], b[14];
		format_month(p->first, a, sizeof a);
		format_month(p->last, b, sizeof b);
		snprintf(buf, 32, "%s..%s", a, b);
	}
	return buf;
}

static const char *const month_names[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};

/* Month m (1-12) alone with its year: "tháng 9/2023", "September 2023"
 * (new string). */
static char *month_words(int m, int y)
{
	/* TRANSLATORS: a month's name ("tháng 9") and its year: "tháng 9/2023" */
	return xasprintf(_("%s %d"), _(month_names[m - 1]), y);
}

char *period_words(const struct period *p)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	int y1 = p->first / 12, m1 = p->first % 12 + 1, y2 = p->last / 12, m2 = p->last % 12 + 1;
	if (p->first == p->last)
		return month_words(m1, y1);
	/* English writes a year alone and "Q3 2023"; Vietnamese "năm 2023"
	 * and the quarter in Roman numerals, "quý III/2023". */
	bool vi = strcmp(i18n_language(), "vi") == 0;
	if (y1 == y2 && m1 == 1 && m2 == 12)
		return vi ? xasprintf(_("year %d"), y1) : xasprintf("%d", y1);
	if (y1 == y2 && (m1 - 1) % 3 == 0 && m2 == m1 + 2)
		return vi ? xasprintf(_("quarter %s/%d"), roman[(m1 - 1) / 3], y1)
			  : xasprintf("Q%d %d", (m1 - 1) / 3 + 1, y1);
	if (y1 == y2 && m1 == 1 && m2 == 6)
		return xasprintf(_("first half of %d"), y1);
	if (y1 == y2 && m1 == 7 && m2 == 12)
		return xasprintf(_("second half of %d"), y1);
	if (y1 == y2 && m1 == 1)
		return xasprintf(ngettext("first %d month of %d", "first %d months of %d", (unsigned long)m2), m2, y1);
	if (y1 == y2)
		/* TRANSLATORS: two month names and the year: "từ tháng 7 đến
		 * tháng 11/2023" */
		return xasprintf(_("%s to %s %d"), _(month_names[m1 - 1]), _(month_names[m2 - 1]), y1);
	char *a = month_words(m1, y1), *b = month_words(m2, y2);
	/* TRANSLATORS: two months with their years: "từ tháng 11/2022 đến
	 * tháng 2/2023" */
	char *r = xasprintf(_("%s to %s"), a, b);
	free(a);
	free(b);
	return r;
}
