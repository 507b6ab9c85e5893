/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.c - "now": $WARDSAFE_NOW, $WARDSAFE_TODAY or the system clock. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "clock.h"

/* Reads exactly n digits at *p; -1 if they are not there. */
static int digits(const char **p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (**p - '0');
	}
	return v;
}

bool clock_parse(const char *s, struct ws_clock *out)
{
	if (!s)
		return false;
	const char *p = s;
	int y = digits(&p, 4);
	if (y < 0 || *p++ != '-')
		return false;
	int m = digits(&p, 2);
	if (m < 0 || *p++ != '-')
		return false;
	int d = digits(&p, 2);
	if (d < 0 || !date_valid(y, m, d))
		return false;
	int h = 0, mi = 0, se = 0;
	if (*p == ' ' || *p == 'T') {
		p++;
		h = digits(&p, 2);
		if (h < 0 || h > 23 || *p++ != ':')
			return false;
		mi = digits(&p, 2);
		if (mi < 0 || mi > 59)
			return false;
		if (*p == ':') {
			p++;
			se = digits(&p, 2);
			if (se < 0 || se > 59)
				return false;
		}
	}
	if (*p)
		return false;
	out->date = date_make(y, m, d);
	out->hour = h;
	out->minute = mi;
	out->second = se;
	return true;
}

/* The fixed "now" of the environment, if one is set and valid.  The parsed
 * value is kept for as long as the variable's text stays the same. */
static bool fixed_now(struct ws_clock *out)
{
	static char last[64];
	static struct ws_clock last_value;
	static bool last_ok;
	const char *env = getenv("WARDSAFE_NOW");
	if (!env || !*env)
		env = getenv("WARDSAFE_TODAY"); /* the name of older versions */
	if (!env || !*env || strlen(env) >= sizeof last)
		return false;
	if (strcmp(env, last) != 0) {
		snprintf(last, sizeof last, "%s", env);
		last_ok = clock_parse(env, &last_value);
	}
	if (last_ok)
		*out = last_value;
	return last_ok;
}

bool clock_is_fixed(void)
{
	struct ws_clock c;
	return fixed_now(&c);
}

void clock_now(struct ws_clock *now)
{
	if (fixed_now(now))
		return;
	/* localtime_r() looks at the time zone each call: once a second is enough. */
	static time_t last = (time_t)-1;
	static struct ws_clock last_value;
	time_t t = time(NULL);
	if (t != last) {
		struct tm tm;
		localtime_r(&t, &tm);
		last_value.date = date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		last_value.hour = tm.tm_hour;
		last_value.minute = tm.tm_min;
		/* a leap second (60) is shown as the 59th */
		last_value.second = tm.tm_sec > 59 ? 59 : tm.tm_sec;
		last = t;
	}
	*now = last_value;
}

char *clock_format(const struct ws_clock *c, char sep, char *buf)
{
	snprintf(buf, 20, "%04u-%02u-%02u%c%02u:%02u:%02u", (unsigned)DATE_Y(c->date) % 10000u,
		 (unsigned)DATE_M(c->date) % 100u, (unsigned)DATE_D(c->date) % 100u, sep,
		 (unsigned)c->hour % 100u, (unsigned)c->minute % 100u, (unsigned)c->second % 100u);
	return buf;
}

const char *clock_stamp(void)
{
	static struct ws_clock last;
	static char text[20];
	struct ws_clock c;
	clock_now(&c);
	if (!text[0] || memcmp(&c, &last, sizeof c) != 0) {
		clock_format(&c, ' ', text);
		last = c;
	}
	return text;
}

long long clock_system_seconds(void)
{
	/* The kernel's own clock, as it stamps files: /proc/self was stamped
	 * when this process first looked at it, no later than now.  time()
	 * may be faked by a preloaded library (datefudge) while file times
	 * are not. */
	struct stat st;
	if (stat("/proc/self", &st) == 0 && st.st_mtime > 0)
		return (long long)st.st_mtime;
	return (long long)time(NULL);
}
