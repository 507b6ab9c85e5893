/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate.h - the rules every record must satisfy, in one place for every
 * front end (command line, CSV import, screens).
 *
 * An error refuses the record; a warning marks something implausible but
 * possible (installs above residents, a cumulative count going down, a change
 * inside a closed period), which the user must confirm (--force). */
#ifndef WS_VALIDATE_H
#define WS_VALIDATE_H

#include <sqlite3.h>

#include "record.h"

/* A value quoted in a message ("note=...: too long") is cut after this many
 * characters, escaped, with "…". */
#define VALIDATE_SHOWN 60

/* Checks `rec` and rewrites its values in canonical form (ISO dates, plain
 * integers, yes/no, NFC text).  `old` is the stored record when editing,
 * NULL for a new one.  Problems are appended to `out`. */
void validate_record(sqlite3 *db, struct record *rec, const struct record *old, struct issues *out);

/* Re-checks a stored record against every rule (for 'wardsafe check');
 * closed periods are not a problem here. */
void validate_stored(sqlite3 *db, struct record *rec, struct issues *out);

/* Checks a stored record for deletion (closed periods, references). */
void validate_delete(sqlite3 *db, const struct record *old, struct issues *out);

/* The limit that applies to field `field` of `rec` given the values typed so
 * far, in words for a form ("≤ 181 households"), or NULL if none. */
char *validate_hint(sqlite3 *db, const struct record *rec, int field);

/* The front end the messages are worded for: the screens (true) point to
 * their pick lists (F4) where the command line names a command. */
void validate_for_screens(bool on);

/* Parses a count field value as the validation does: whole, >= 0, 32-bit. */
bool validate_count(const char *s, long long *out);

#endif
