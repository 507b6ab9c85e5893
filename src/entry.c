/* entry.c - one validated write per transaction. */
#include "config.h"

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
