/* SPDX-License-Identifier: GPL-3.0-or-later */
/* period.h - reporting periods: a range of whole months.
 *
 * Syntax: 2023-09 (month), 2023-Q3 (quarter), 2023 (year), A..B where A and
 * B are any of these (from the start of A to the end of B).  A month runs
 * over calendar days given by the month start day: with start day 1,
 * 2023-09 is 01/09..30/09; with 15, it is 15/08..14/09 (the month closes on
 * the 14th). */
#ifndef WS_PERIOD_H
#define WS_PERIOD_H

#include <stdbool.h>

#include "date.h"

struct period {
	int first;  /* first month as year*12 + (month-1) */
	int last;   /* last month, inclusive */
};

/* Parses period text; false if malformed or out of range. */
bool period_parse(const char *s, struct period *out);
/* The month containing `d` under the given month start day. */
struct period period_of_date(ws_date d, int month_start_day);
int period_months(const struct period *p);
/* The adjacent previous period of the same length. */
struct period period_previous(const struct period *p);
/* The same period one year earlier. */
struct period period_last_year(const struct period *p);
/* First and last calendar day, inclusive. */
ws_date period_start(const struct period *p, int month_start_day);
ws_date period_end(const struct period *p, int month_start_day);
/* Canonical text: "2023-09", "2023-Q3", "2023" or "2023-07..2023-11".
 * buf must hold 32 bytes. */
char *period_format(const struct period *p, char *buf);
/* The period as an officer writes it in a document, in the language of the
 * messages: "tháng 9/2023", "quý III/2023", "năm 2023", "6 tháng đầu năm
 * 2023", "từ tháng 7 đến tháng 11/2023" ("September 2023", "Q3 2023",
 * "2023", "first half of 2023", "July to November 2023").  New string. */
char *period_words(const struct period *p);

#endif
