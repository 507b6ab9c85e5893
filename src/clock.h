/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.h - "now" for the whole program.  This is the only module that reads
 * the system clock: the audit log, backup names, the daily backup, DHIS2's
 * lastupdated, report dates, the "date in the future" rule and the default
 * periods and dates all ask it.
 *
 * $WARDSAFE_NOW fixes "now" (tests, and a report dated as of another day):
 * "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" (a T may stand
 * for the space); a date alone means 00:00:00 that day.  The older
 * $WARDSAFE_TODAY (a date) is read when $WARDSAFE_NOW is unset.  A fixed
 * clock stands still.  An empty or malformed value is ignored: the system
 * clock, in the local time zone. */
#ifndef WS_CLOCK_H
#define WS_CLOCK_H

#include <stdbool.h>

#include "date.h"

struct ws_clock {
	ws_date date;
	int hour, minute, second;
};

/* The current local date and time of day. */
void clock_now(struct ws_clock *now);
/* True if "now" comes from $WARDSAFE_NOW or $WARDSAFE_TODAY, not the clock. */
bool clock_is_fixed(void);
/* Parses a value of $WARDSAFE_NOW (see above); false if malformed. */
bool clock_parse(const char *s, struct ws_clock *out);
/* Formats as "YYYY-MM-DD<sep>HH:MM:SS" into buf (at least 20 bytes). */
char *clock_format(const struct ws_clock *c, char sep, char *buf);
/* "Now" as the audit log stores it, YYYY-MM-DD HH:MM:SS, in a buffer that
 * is rewritten only when the second changes (cheap for every imported row). */
const char *clock_stamp(void);
/* The kernel's clock in seconds since 1970 (at most the current time), for
 * the age of a file, whose mtime $WARDSAFE_NOW and faked time() do not move:
 * never for a date the program shows or stores. */
long long clock_system_seconds(void);

#endif
