/* SPDX-License-Identifier: GPL-3.0-or-later */
/* numfmt.c - human number formatting by language. */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"

static bool vietnamese(void)
{
	return strcmp(i18n_language(), "vi") == 0;
}

char *numfmt_int(long long v, char *buf)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
	char sep = vietnamese() ? '.' : ',';
	size_t n = strlen(digits), o = 0;
	if (v < 0)
		buf[o++] = '-';
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf[o++] = sep;
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/* Copies at most 31 bytes of a finished number into the caller's buffer. */
static char *put(char *buf, const char *tmp)
{
	size_t n = strlen(tmp);
	if (n > 31)
		n = 31;
	memcpy(buf, tmp, n);
	buf[n] = '\0';
	return buf;
}

static char *with_fraction(double v, int places, char *buf)
{
	double scale = pow(10, places);
	long long scaled = llround(fabs(v) * scale);
	long long whole = scaled / (long long)scale, frac = scaled % (long long)scale;
	char w[32];
	numfmt_int(v < 0 && scaled ? -whole : whole, w);
	if (v < 0 && scaled && whole == 0)
		snprintf(w, sizeof w, "-0");
	if (places == 0 || frac == 0)
		return put(buf, w);
	char f[8];
	snprintf(f, sizeof f, "%0*lld", places, frac);
	for (int i = places - 1; i > 0 && f[i] == '0'; i--)
		f[i] = '\0';
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%s%c%s", w, vietnamese() ? ',' : '.', f);
	return put(buf, tmp);
}

/* v with exactly `places` decimals, its last digit rounded (dir 0), cut
 * down (dir -1) or up (dir 1). */
static char *fixed(double v, int places, int dir, char *buf)
{
	if (places < 1)
		places = 1;
	if (places > 6)
		places = 6;
	double scale = pow(10, places), a = fabs(v) * scale;
	/* The direction is that of v, not of its absolute value. */
	int adir = v < 0 ? -dir : dir;
	long long scaled = adir < 0 ? (long long)floor(a + 1e-9) : adir > 0 ? (long long)ceil(a - 1e-9) : llround(a);
	long long whole = scaled / (long long)scale, frac = scaled % (long long)scale;
	char w[32];
	numfmt_int(v < 0 && scaled ? -whole : whole, w);
	if (v < 0 && scaled && whole == 0)
		snprintf(w, sizeof w, "-0");
	char f[8]; /* places <= 6 digits: frac < 10^6 */
	snprintf(f, sizeof f, "%0*d", places, (int)(frac % 1000000));
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%s%c%s", w, vietnamese() ? ',' : '.', f);
	return put(buf, tmp);
}

char *numfmt_dec1(double v, char *buf)
{
	/* Always one decimal, even ",0", as rates are read side by side. */
	return fixed(v, 1, 0, buf);
}

/* True if the shown value s stands on the same side of the target as v:
 * below a minimum is shown below it, above a maximum above it. */
static bool same_side(double v, double s, double target, bool ceiling)
{
	if (ceiling)
		return v > target ? s > target : s <= target;
	return v < target ? s < target : s >= target;
}

char *numfmt_rate(double v, bool has_target, double target, bool ceiling, char *buf)
{
	if (!has_target || isnan(target))
		return fixed(v, 1, 0, buf);
	for (int places = 1; places <= 3; places++) {
		double scale = pow(10, places);
		if (same_side(v, llround(v * scale) / scale, target, ceiling))
			return fixed(v, places, 0, buf);
	}
	/* Still on the wrong side at three decimals: cut toward the value. */
	return fixed(v, 3, v < target ? -1 : 1, buf);
}

char *numfmt_num(double v, char *buf)
{
	return with_fraction(v, 3, buf);
}
