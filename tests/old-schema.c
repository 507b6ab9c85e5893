/* SPDX-License-Identifier: GPL-3.0-or-later */
/* old-schema.c - for the tests: writes a wardsafe file of an older schema.
 *     old-schema FILE VERSION [FROM.db]
 * FILE (which must not exist) gets migrations 1 to VERSION, each of which
 * must be plain SQL, and user_version VERSION; with FROM, the rows of every
 * table of FROM that FILE has too, column by column by name, ids kept.  A
 * file so made is what that version of wardsafe wrote. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../src/schema.h"
#include "../src/util.h"

/* Runs `sql`; exits with a message if it fails. */
static void must(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "old-schema: %s\n  %s\n", err ? err : "?", sql);
		exit(1);
	}
}

/* Copies the rows of table `tbl` of database f into main, by column name. */
static void copy_table(sqlite3 *db, const char *tbl)
{
	struct strbuf cols = STRBUF_INIT;
	char *q = xasprintf("SELECT name FROM pragma_table_info('%s', 'main') ORDER BY cid", tbl);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "old-schema: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_printf(&cols, "%s\"%s\"", cols.len ? ", " : "", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	free(q);
	q = xasprintf("INSERT INTO main.\"%s\"(%s) SELECT %s FROM f.\"%s\"", tbl, cols.buf, cols.buf, tbl);
	must(db, q);
	free(q);
	sb_free(&cols);
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: old-schema FILE VERSION [FROM.db]\n");
		return 2;
	}
	int version = atoi(argv[2]);
	if (version < 1 || version > schema_version) {
		fprintf(stderr, "old-schema: no schema %s\n", argv[2]);
		return 2;
	}
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE,
			    NULL) != SQLITE_OK) {
		fprintf(stderr, "old-schema: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	must(db, "BEGIN");
	for (int v = 0; v < version; v++) {
		if (!schema_migrations[v].sql || schema_migrations[v].autoincrement) {
			fprintf(stderr, "old-schema: migration %d is not plain SQL\n", v + 1);
			return 2;
		}
		must(db, schema_migrations[v].sql);
	}
	char *set = xasprintf("PRAGMA user_version = %d", version);
	must(db, set);
	free(set);
	must(db, "COMMIT");
	if (argc == 4) {
		char *att = sqlite3_mprintf("ATTACH %Q AS f", argv[3]);
		must(db, att);
		sqlite3_free(att);
		must(db, "BEGIN");
		sqlite3_stmt *st = NULL;
		sqlite3_prepare_v2(db, "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
				       "AND name IN (SELECT name FROM f.sqlite_schema WHERE type = 'table') ORDER BY name",
				   -1, &st, NULL);
		struct strlist tables = STRLIST_INIT;
		while (sqlite3_step(st) == SQLITE_ROW)
			sl_push(&tables, xstrdup((const char *)sqlite3_column_text(st, 0)));
		sqlite3_finalize(st);
		for (size_t i = 0; i < tables.n; i++)
			copy_table(db, tables.items[i]);
		sl_free(&tables);
		must(db, "COMMIT");
		must(db, "DETACH f");
	}
	if (sqlite3_close(db) != SQLITE_OK) {
		fprintf(stderr, "old-schema: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	return 0;
}
