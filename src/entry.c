/* SPDX-License-Identifier: GPL-3.0-or-later */
/* entry.c - one validated write per transaction. */
#include "config.h"

#include <string.h>

#include "db.h"
#include "entry.h"
#include "store.h"
#include "validate.h"

/* Turns the issues found inside an open transaction into a result; rolls
 * back when the entry may not be written. */
static enum entry_result verdict(sqlite3 *db, const struct issues *issues, bool force)
{
	if (issues_count(issues, SEV_ERROR)) {
		db_rollback(db);
		return ENTRY_REFUSED;
	}
	if (issues_count(issues, SEV_WARNING) && !force) {
		db_rollback(db);
		return ENTRY_CONFIRM;
	}
	return ENTRY_SAVED;
}

enum entry_result entry_save(sqlite3 *db, struct record *rec, const struct record *old, bool force,
			     struct issues *issues, struct strlist *errors)
{
	if (!db_begin(db, errors))
		return ENTRY_FAILED;
	validate_record(db, rec, old, issues);
	enum entry_result r = verdict(db, issues, force);
	if (r != ENTRY_SAVED)
		return r;
	bool ok = old ? store_update(db, rec, errors) : store_insert(db, rec, errors);
	if (!ok) {
		db_rollback(db);
		return ENTRY_FAILED;
	}
	return db_commit(db, errors) ? ENTRY_SAVED : ENTRY_FAILED;
}

/* Field texts compared as stored: NULL and "" are both empty. */
static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

bool entry_field_conflicts(const struct record *mine, const struct record *base,
			   const struct record *stored, int field)
{
	return !same_text(mine->val[field], base->val[field]) &&
	       !same_text(stored->val[field], base->val[field]) &&
	       !same_text(stored->val[field], mine->val[field]);
}

enum entry_result entry_save_changes(sqlite3 *db, struct record *rec, const struct record *base,
				     const bool *given, bool force, struct record *stored,
				     struct issues *issues, struct strlist *errors)
{
	struct record cur;
	record_init(&cur, rec->kind);
	enum entry_result r = ENTRY_FAILED;
	if (!db_begin(db, errors))
		goto out;
	record_clear(&cur);
	if (!store_load(db, rec->kind, base->id, &cur)) { /* cur is empty then */
		db_rollback(db);
		r = ENTRY_GONE;
		goto out;
	}
	bool conflict = false;
	for (int i = 0; i < rec->kind->nfields; i++) {
		bool mine = given ? given[i] : !same_text(rec->val[i], base->val[i]);
		if (!mine)
			record_set(rec, i, cur.val[i]);
		else if (!given && entry_field_conflicts(rec, base, &cur, i))
			conflict = true;
	}
	rec->id = base->id;
	if (conflict) {
		db_rollback(db);
		r = ENTRY_CONFLICT;
		goto out;
	}
	validate_record(db, rec, &cur, issues);
	r = verdict(db, issues, force);
	if (r != ENTRY_SAVED)
		goto out;
	if (!store_update(db, rec, errors)) {
		db_rollback(db);
		r = ENTRY_FAILED;
		goto out;
	}
	r = db_commit(db, errors) ? ENTRY_SAVED : ENTRY_FAILED;
out:
	if (stored)
		*stored = cur;
	else
		record_clear(&cur);
	return r;
}

enum entry_result entry_delete(sqlite3 *db, const struct record *old, bool force,
			       struct issues *issues, struct strlist *errors)
{
	if (!db_begin(db, errors))
		return ENTRY_FAILED;
	validate_delete(db, old, issues);
	enum entry_result r = verdict(db, issues, force);
	if (r != ENTRY_SAVED)
		return r;
	if (!store_delete(db, old->kind, old->id, errors)) {
		/* A record still referred to is refused, not a failure. */
		bool referred = sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_FOREIGNKEY;
		db_rollback(db);
		return referred ? ENTRY_REFUSED : ENTRY_FAILED;
	}
	return db_commit(db, errors) ? ENTRY_SAVED : ENTRY_FAILED;
}
