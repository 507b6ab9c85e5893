/* period.c - parsing and arithmetic of reporting periods. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "period.h"
#include "util.h"

#define MIN_YEAR 1900
#define MAX_YEAR 9999

/* Parses one endpoint: YYYY, YYYY-MM or YYYY-Qn. */
static bool parse_one(const char *s, size_t len, struct period *out)
{
	char buf[16];
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	for (int i = 0; i < 4; i++)
		if (buf[i] < '0' || buf[i] > '9')
			return false;
	int y = (buf[0] - '0') * 1000 + (buf[1] - '0') * 100 + (buf[2] - '0') * 10 + (buf[3] - '0');
	if (y < MIN_YEAR || y > MAX_YEAR)
		return false;
	if (len == 4) {
		out->first = y * 12;
		out->last = y * 12 + 11;
		return true;
	}
	if (buf[4] != '-')
		return false;
	if (len == 7 && (buf[5] == 'Q' || buf[5] == 'q') && buf[6] >= '1' && buf[6] <= '4') {
		int q = buf[6] - '1';
		out->first = y * 12 + q * 3;
		out->last = out->first + 2;
		return true;
	}
	if (len == 7 && buf[5] >= '0' && buf[5] <= '1' && buf[6] >= '0' && buf[6] <= '9') {
		int m = (buf[5] - '0') * 10 + (buf[6] - '0');
		if (m < 1 || m > 12)
			return false;
		out->first = out->last = y * 12 + m - 1;
		return true;
	}
	return false;
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
