/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema.h - the database schema as an ordered list of migrations.
 * Migration i (1-based) brings PRAGMA user_version from i-1 to i. */
#ifndef WS_SCHEMA_H
#define WS_SCHEMA_H

/* PRAGMA application_id of a wardsafe file: "WARD" in ASCII.  Files of
 * schema 1 and 2 have none (0); migration 3 sets it. */
#define SCHEMA_APPLICATION_ID 0x57415244
#define SCHEMA_APPLICATION_ID_TEXT "1463898692"
#define SCHEMA_FIRST_WITH_ID 3

struct schema_migration {
	const char *sql;                  /* run first, or NULL */
	const char *const *autoincrement; /* then these tables are rebuilt with
					   * AUTOINCREMENT ids (NULL-terminated),
					   * or NULL: db.c (migrate) copies each
					   * into a new table of the same
					   * definition plus AUTOINCREMENT, with
					   * foreign keys off, and seeds
					   * sqlite_sequence from the table and
					   * the audit log */
};

extern const struct schema_migration schema_migrations[];
extern const int schema_version; /* number of migrations = latest version */

#endif
