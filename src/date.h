/* SPDX-License-Identifier: GPL-3.0-or-later */
/* date.h - calendar dates.  A date is kept as an int yyyymmdd, which sorts
 * and compares like the date; text is ISO (YYYY-MM-DD) in storage and either
 * ISO or DD/MM/YYYY on input. */
#ifndef WS_DATE_H
#define WS_DATE_H

#include <stdbool.h>

typedef int ws_date; /* yyyymmdd, 0 = none */

#define DATE_Y(d) ((d) / 10000)
#define DATE_M(d) ((d) / 100 % 100)
#define DATE_D(d) ((d) % 100)

bool date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);
ws_date date_make(int y, int m, int d);
/* Parses YYYY-MM-DD or DD/MM/YYYY (also D/M/YYYY); false if malformed or not
 * on the calendar. */
bool date_parse(const char *s, ws_date *out);
/* Formats as YYYY-MM-DD into buf (at least 11 bytes); returns buf. */
char *date_iso(ws_date d, char *buf);
/* Formats as DD/MM/YYYY into buf (at least 11 bytes); returns buf. */
char *date_dmy(ws_date d, char *buf);
/* Today's date: the day of clock_now() (clock.h). */
ws_date date_today(void);
/* Adds (or subtracts) days. */
ws_date date_add_days(ws_date d, int days);

#endif
