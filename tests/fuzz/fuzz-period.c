/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-period.c - the period parser (period_parse) on arbitrary text.
 *
 * Properties of an accepted period: its months are in order and within the
 * years 1900-9999; its canonical text (period_format) parses back to the
 * same period and formats to the same text; its first and last days, for
 * every month start day, fall in its first and last months
 * (period_of_date); the previous period and the one a year earlier have
 * the same length and format into the 32-byte buffer. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../src/i18n.h"
#include "../../src/period.h"
#include "../../src/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		i18n_init_locale();
		init = 1;
	}
	/* The text stops at the first NUL, as a C string does. */
	char *s = xstrndup((const char *)data, size);
	struct period p, q;
	char buf[32], buf2[32];
	if (!period_parse(s, &p)) {
		free(s);
		return 0;
	}
	FUZZ_CHECK(p.first <= p.last);
	FUZZ_CHECK(p.first >= 1900 * 12 && p.last <= 9999 * 12 + 11);
	FUZZ_CHECK(period_months(&p) >= 1);

	period_format(&p, buf);
	FUZZ_CHECK(strlen(buf) < sizeof buf);
	FUZZ_CHECK(period_parse(buf, &q));
	FUZZ_CHECK(q.first == p.first && q.last == p.last);
	period_format(&q, buf2);
	FUZZ_CHECK(strcmp(buf, buf2) == 0);

	for (int day = 1; day <= 28; day++) {
		ws_date a = period_start(&p, day), b = period_end(&p, day);
		FUZZ_CHECK(a < b);
		FUZZ_CHECK(period_of_date(a, day).first == p.first);
		FUZZ_CHECK(period_of_date(b, day).first == p.last);
	}

	struct period prev = period_previous(&p), ly = period_last_year(&p);
	FUZZ_CHECK(period_months(&prev) == period_months(&p) && prev.last + 1 == p.first);
	FUZZ_CHECK(period_months(&ly) == period_months(&p) && ly.first + 12 == p.first);
	period_format(&prev, buf2);
	period_format(&ly, buf2);
	free(s);
	return 0;
}
