/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-date.c - the date parser (date_parse) on arbitrary text.
 *
 * Properties of an accepted date: it is on the calendar (1900-9999); its
 * ISO text and its DD/MM/YYYY text both parse back to the same date; and
 * adding a number of days (taken from the input) then subtracting it again
 * gives the date back, through valid dates. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../src/date.h"
#include "../../src/i18n.h"
#include "../../src/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		i18n_init_locale();
		init = 1;
	}
	char *s = xstrndup((const char *)data, size);
	ws_date d, e;
	char buf[11];
	if (!date_parse(s, &d)) {
		free(s);
		return 0;
	}
	FUZZ_CHECK(date_valid(DATE_Y(d), DATE_M(d), DATE_D(d)));

	date_iso(d, buf);
	FUZZ_CHECK(strlen(buf) == 10);
	FUZZ_CHECK(date_parse(buf, &e) && e == d);
	date_dmy(d, buf);
	FUZZ_CHECK(strlen(buf) == 10);
	FUZZ_CHECK(date_parse(buf, &e) && e == d);

	/* A day count from the bytes of the input: up to about 270 years either
	 * way, so the result stays within years 1630-10270. */
	unsigned h = 2166136261u;
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	int days = (int)(h % 200001u) - 100000;
	ws_date later = date_add_days(d, days);
	int y = DATE_Y(later);
	if (y >= 1900 && y <= 9999)
		FUZZ_CHECK(date_valid(y, DATE_M(later), DATE_D(later)));
	FUZZ_CHECK(date_add_days(later, -days) == d);
	free(s);
	return 0;
}
