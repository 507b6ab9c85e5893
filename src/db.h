/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db.h - the SQLite database file: locating, opening with the durability
 * settings, migrating, auditing, backing up.
 *
 * Every connection runs with foreign_keys=ON, journal_mode=DELETE,
 * synchronous=FULL and a busy timeout, so that one .db file at rest holds
 * every committed change.  Every insert, update and delete on a data table
 * is written to the append-only `audit` table by per-connection triggers. */
#ifndef WS_DB_H
#define WS_DB_H

#include <sqlite3.h>
#include <stdbool.h>

#include "util.h"

enum db_mode {
	DB_EXISTING, /* the file must exist */
	DB_CREATE,   /* create the file if it is missing */
	DB_READ,     /* the file must exist; this connection never writes
		      * (query_only), so it needs no audit triggers */
};

/* The database path: `option` (--db), $WARDSAFE_DB, [database] path, then
 * $XDG_DATA_HOME/wardsafe/wardsafe.db.  Returns a new string. */
char *db_default_path(const char *option);
/* Opens (and if needed creates and migrates) the database.  On failure
 * returns NULL and adds one message to errors. */
sqlite3 *db_open(const char *path, enum db_mode mode, struct strlist *errors);
/* Opens an existing database for reading only (the roll-up of many wards):
 * never creates, migrates, backs up or writes anything, not even a journal.
 * A missing, empty or unreadable file, one that is not a wardsafe database,
 * or one of another schema version gives NULL and one message naming the
 * file. */
sqlite3 *db_open_readonly(const char *path, struct strlist *errors);
void db_close(sqlite3 *db);
/* The operator name written to the audit log. */
const char *db_operator(void);

/* Transactions.  db_begin takes the write lock at once (BEGIN IMMEDIATE). */
bool db_begin(sqlite3 *db, struct strlist *errors);
bool db_commit(sqlite3 *db, struct strlist *errors);
void db_rollback(sqlite3 *db);
/* Runs SQL with no result; on failure adds a message. */
bool db_exec(sqlite3 *db, const char *sql, struct strlist *errors);
/* Adds a readable message for the connection's last error. */
void db_error(sqlite3 *db, struct strlist *errors, const char *what);

/* Prepares a statement; aborts with a message on a programming error. */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql);
/* A prepared statement for `sql` kept for the life of the connection, so
 * that code run for every row of an import does not prepare its SQL again.
 * Give it back with db_release() (resets it, keeping no lock); never
 * finalize it.  db_close() finalizes them all. */
sqlite3_stmt *db_cached(sqlite3 *db, const char *sql);
void db_release(sqlite3_stmt *st);
/* Binds text or NULL when s is NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Runs a query returning one integer; returns def when there is no row. */
long long db_query_int(sqlite3 *db, long long def, const char *sql, ...);

/* Copies the whole database with the online backup API to `dest`
 * (created 0600; replaced atomically). */
bool db_backup_to(sqlite3 *db, const char *dest, struct strlist *errors);
/* The directory for backups of the database at `db_path`. */
char *db_backup_dir(const char *db_path);
/* Makes a timestamped backup in the backup directory and prunes old ones
 * down to [database] backups_keep.  `tag` goes into the name. Returns the
 * file name written, or NULL after adding a message. */
char *db_backup_auto(sqlite3 *db, const char *db_path, const char *tag, struct strlist *errors);
/* Checks made when a program starts on an existing database: a warning for
 * a network file system (SQLite's locking is unreliable there) or a file
 * others can read, and the automatic backup of the first start of each
 * day.  Problems are warnings: the program goes on. */
void db_startup(sqlite3 *db, const char *path, struct strlist *warnings);
/* Replaces the database at `path` with the backup `from` after checking its
 * integrity and schema; the replaced file is kept as a backup, whose name
 * goes to *kept (may be NULL if there was none).  A backup of an older
 * schema is migrated at once, as db_open would. */
bool db_restore(const char *path, const char *from, char **kept, struct strlist *errors);

/* mkdir -p with mode 0700 for the directories it creates. */
bool db_make_dirs(const char *dir, struct strlist *errors);

#endif
