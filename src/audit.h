/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit.h - reading the audit log: who changed what and when, with the old
 * and new values (the log itself is written by triggers, see db.c). */
#ifndef WS_AUDIT_H
#define WS_AUDIT_H

#include <sqlite3.h>
#include <stdbool.h>

#include "date.h"
#include "util.h"

struct audit_entry {
	long long id;
	const char *at;          /* "YYYY-MM-DD HH:MM:SS", local time */
	const char *operator_;
	const char *kind;        /* record kind ("survey"), from the table name */
	long long row_id;
	const char *action;      /* insert, update, delete */
	const char *old_json, *new_json; /* may be NULL */
};

struct audit_filter {
	ws_date from, to;        /* 0: no limit */
	const char *operator_;   /* NULL: everyone */
	bool by_record;          /* from..to is the date of the record (its
				  * kind's date field, new or else old; a
				  * target's year), not of the change; kinds
				  * with neither are left out */
};

/* Calls fn for each entry matching the filter, newest first; fn returns
 * false to stop. */
typedef bool (*audit_fn)(const struct audit_entry *e, void *ctx);
bool audit_list(sqlite3 *db, const struct audit_filter *f, audit_fn fn, void *ctx, struct strlist *errors);

/* "survey 12: with_extinguisher 120 → 125; surveyed 150 → 151" (new string). */
char *audit_describe(sqlite3 *db, const struct audit_entry *e);

/* The rest is for people (the screens): words, labels and names, never
 * table, column or id. */

/* "added", "changed", "deleted" (translated). */
const char *audit_action_name(const char *action);
/* The record in words: "Incident 57, group 9, 11/07/2023" (new string). */
char *audit_record_words(sqlite3 *db, const struct audit_entry *e);
/* What changed, with field labels and values as the screens show them:
 * "Number of incidents: 1 → 2" for a change, "Category: Theft, Number of
 * incidents: 1" for an added or deleted record (new string). */
char *audit_change_words(sqlite3 *db, const struct audit_entry *e);

#endif
