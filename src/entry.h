/* SPDX-License-Identifier: GPL-3.0-or-later */
/* entry.h - saving and deleting one entry the way every front end must:
 * validation and the write in one transaction, so that nothing another
 * program changed in between slips past the rules. */
#ifndef WS_ENTRY_H
#define WS_ENTRY_H

#include <sqlite3.h>
#include <stdbool.h>

#include "record.h"
#include "util.h"

enum entry_result {
	ENTRY_SAVED,
	ENTRY_REFUSED,  /* errors in `issues` */
	ENTRY_CONFIRM,  /* only warnings in `issues`: save again with force */
	ENTRY_FAILED,   /* database error in `errors` */
	ENTRY_CONFLICT, /* entry_save_changes: a changed field was changed in
			 * the database too; nothing written */
	ENTRY_GONE,     /* entry_save_changes: the record was deleted */
};

/* Validates and inserts (old == NULL) or updates `rec`.  Warnings refuse
 * the entry unless `force`.  On success rec->id is set. */
enum entry_result entry_save(sqlite3 *db, struct record *rec, const struct record *old, bool force,
			     struct issues *issues, struct strlist *errors);
/* Saves the changes `rec` makes to `base` (the record as it was read, when
 * a form opened or an edit began) onto the record as it is stored now, in
 * one write transaction with the validation, so that another program's
 * change to a field the officer did not change stays.
 * - `given` NULL (the forms): a field of `rec` equal to `base` takes the
 *   stored value; a changed one is written unless the stored value changed
 *   too, to something else: then nothing is written and ENTRY_CONFLICT is
 *   returned.
 * - `given` not NULL (the command line's FIELD=VALUE): exactly the fields
 *   with given[i] are written, whatever is stored; no conflicts.
 * A record deleted meanwhile gives ENTRY_GONE.  Afterwards `rec` holds the
 * merged record and `stored`, when not NULL, the record as stored at the
 * attempt (initialised in every case; empty after ENTRY_GONE or when the
 * transaction could not begin). */
enum entry_result entry_save_changes(sqlite3 *db, struct record *rec, const struct record *base,
				     const bool *given, bool force, struct record *stored,
				     struct issues *issues, struct strlist *errors);
/* True when `field` is a conflict: changed from `base` in both `mine` and
 * `stored`, to different values. */
bool entry_field_conflicts(const struct record *mine, const struct record *base,
			   const struct record *stored, int field);
/* Deletes a stored record; warnings (closed periods) need `force`. */
enum entry_result entry_delete(sqlite3 *db, const struct record *old, bool force,
			       struct issues *issues, struct strlist *errors);

#endif
