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
};

/* Validates and inserts (old == NULL) or updates `rec`.  Warnings refuse
 * the entry unless `force`.  On success rec->id is set. */
enum entry_result entry_save(sqlite3 *db, struct record *rec, const struct record *old, bool force,
			     struct issues *issues, struct strlist *errors);
/* Deletes a stored record; warnings (closed periods) need `force`. */
enum entry_result entry_delete(sqlite3 *db, const struct record *old, bool force,
			       struct issues *issues, struct strlist *errors);

#endif
