/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-db.c - the database file: creation, pragmas, migrations, refusals,
 * the audit log and backups. */
#include "config.h"

#include <sys/stat.h>

#include "tap.h"
#include "fixture.h"
#include "../src/schema.h"

static long long q(sqlite3 *db, const char *sql)
{
	return db_query_int(db, -1, sql, NULL);
}

static char *qtext(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	char *r = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)
		? xstrdup((const char *)sqlite3_column_text(st, 0)) : xstrdup("");
	sqlite3_finalize(st);
	return r;
}

static void write_bytes(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
}

int main(void)
{
	fixture_init();
	settings_set(CFG_OPERATOR, "Trung úy Lê Văn A");
	sqlite3 *db = fixture_db();
	char *path = xasprintf("%s/test.db", fixture_dir);
	struct stat st;

	/* ---- a new file, fully migrated, with the durability settings */
	is_int(q(db, "PRAGMA user_version"), schema_version, "migrated from an empty file to the latest schema");
	is_int(q(db, "PRAGMA application_id"), SCHEMA_APPLICATION_ID, "a new file is marked as wardsafe's (application_id)");
	is_int(q(db, "PRAGMA foreign_keys"), 1, "foreign keys on");
	is_int(q(db, "PRAGMA synchronous"), 2, "synchronous = FULL");
	char *jm = qtext(db, "PRAGMA journal_mode");
	is_str(jm, "delete", "journal_mode = DELETE: one file holds everything");
	free(jm);
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "database created with mode 0600");
	is_int(q(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT%'"),
	       q(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"),
	       "every table is STRICT (but SQLite's own sqlite_sequence)");

	/* ---- CHECK constraints guard the file against other writers */
	add(db, "group", "code=1", "name=Tổ 1", "households=100", "residents=350", "date=2023-01-01", NULL);
	ok(sqlite3_exec(db, "INSERT INTO survey(group_id, date, surveyed, with_extinguisher) "
			    "VALUES (1, '2023-01-31', 10, 11)", NULL, NULL, NULL) != SQLITE_OK,
	   "CHECK refuses with_extinguisher > surveyed");
	ok(sqlite3_exec(db, "INSERT INTO survey(group_id, date, surveyed, with_extinguisher) "
			    "VALUES (1, '2023-02-30', 10, 1)", NULL, NULL, NULL) != SQLITE_OK,
	   "CHECK refuses a date that is not on the calendar");
	ok(sqlite3_exec(db, "INSERT INTO survey(group_id, date, surveyed, with_extinguisher) "
			    "VALUES (42, '2023-01-31', 10, 1)", NULL, NULL, NULL) != SQLITE_OK,
	   "foreign key refuses an unknown group");
	ok(sqlite3_exec(db, "INSERT INTO fireteam(group_id, kind, name, households, established) "
			    "VALUES (1, 'team', 'x', 20, '2023-01-01')", NULL, NULL, NULL) != SQLITE_OK,
	   "CHECK refuses a team of 20 households");

	/* ---- the audit log */
	long long id = add(db, "incident", "group=1", "date=2023-03-01", "category=theft", NULL);
	ok(id < 0, "incident refused: no category yet");
	add(db, "category", "code=theft", "name=Trộm cắp", NULL);
	id = add(db, "survey", "group=1", "date=2023-03-31", "surveyed=50", "with_extinguisher=20", NULL);
	ok(id > 0, "survey saved");
	char *op = qtext(db, "SELECT operator FROM audit WHERE tbl = 'survey' AND action = 'insert'");
	is_str(op, "Trung úy Lê Văn A", "the audit names the operator from the configuration");
	free(op);
	char *nw = qtext(db, "SELECT json_extract(new, '$.with_extinguisher') FROM audit "
			     "WHERE tbl = 'survey' AND action = 'insert'");
	is_str(nw, "20", "the audit keeps the new values");
	free(nw);
	struct record r;
	store_load(db, kind_find("survey"), id, &r);
	record_set_named(&r, "with_extinguisher", "25");
	struct strlist err = STRLIST_INIT;
	ok(store_update(db, &r, &err), "survey updated");
	record_clear(&r);
	char *old = qtext(db, "SELECT json_extract(old, '$.with_extinguisher') || '->' || "
			      "json_extract(new, '$.with_extinguisher') FROM audit WHERE action = 'update'");
	is_str(old, "20->25", "the audit keeps old and new values of an update");
	free(old);
	ok(store_delete(db, kind_find("survey"), id, &err), "survey deleted");
	is_int(q(db, "SELECT count(*) FROM audit WHERE tbl = 'survey' AND action = 'delete' AND new IS NULL"), 1,
	       "the deletion is audited");
	ok(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL) != SQLITE_OK, "the audit log cannot be deleted");
	ok(sqlite3_exec(db, "UPDATE audit SET operator = 'x'", NULL, NULL, NULL) != SQLITE_OK,
	   "the audit log cannot be rewritten");
	ok(!store_delete(db, kind_find("group"), 1, &err) && err.n > 0, "a group with records cannot be deleted");
	sl_free(&err);

	/* ---- backups */
	char *bak = xasprintf("%s/copy.db", fixture_dir);
	ok(db_backup_to(db, bak, &err), "online backup written");
	ok(stat(bak, &st) == 0 && (st.st_mode & 0777) == 0600, "the backup is readable by its owner only");
	sqlite3 *copy = db_open(bak, DB_EXISTING, &err);
	ok(copy && q(copy, "SELECT count(*) FROM rgroup") == 1, "the backup opens and holds the data");
	db_close(copy);
	settings_set(CFG_BACKUPS_KEEP, "2");
	for (int i = 0; i < 3; i++) {
		char tag[16];
		snprintf(tag, sizeof tag, "t%d", i);
		char *b = db_backup_auto(db, path, tag, &err);
		ok(b != NULL, "automatic backup %d", i);
		free(b);
	}
	char *cmd = xasprintf("test $(ls '%s/backups' | wc -l) -eq 2", fixture_dir);
	ok(system(cmd) == 0, "only backups_keep = 2 automatic backups are kept");
	free(cmd);
	char *b = db_backup_auto(db, path, "manual", &err);
	free(b);
	char *other_db = xasprintf("%s/test-2.db", fixture_dir);
	b = db_backup_auto(db, other_db, "auto", &err); /* same directory, similar name */
	free(b);
	b = db_backup_auto(db, path, "t9", &err);
	free(b);
	free(other_db);
	cmd = xasprintf("test $(ls '%s/backups' | grep -c manual) -eq 1 && "
			"test $(ls '%s/backups' | grep -c '^test-2-') -eq 1 && "
			"test $(ls '%s/backups' | grep -c '^test-2026\\|^test-20[0-9][0-9]') -eq 3",
			fixture_dir, fixture_dir, fixture_dir);
	ok(system(cmd) == 0, "manual backups and another database's backups are never pruned");
	free(cmd);
	char *bdir = xasprintf("%s/backups", fixture_dir);
	ok(stat(bdir, &st) == 0 && (st.st_mode & 0777) == 0700, "the backup directory is 0700");
	free(bdir);
	sl_free(&err);
	db_close(db);

	/* ---- a database of schema 1 (before the ward's code) is brought to the
	 * current schema, keeping every record, after a backup copy */
	char *v1 = xasprintf("%s/v1.db", fixture_dir);
	sqlite3 *o1;
	ok(sqlite3_open(v1, &o1) == SQLITE_OK, "a schema-1 file");
	ok(sqlite3_exec(o1, schema_migrations[0].sql, NULL, NULL, NULL) == SQLITE_OK &&
	   sqlite3_exec(o1, "PRAGMA user_version = 1;"
			"INSERT INTO ward(id, name, district, place) VALUES (1, 'Lam Sơn', 'TP Thanh Hóa', 'Lam Sơn');"
			"INSERT INTO category(code, name) VALUES ('theft', 'Trộm cắp tài sản');"
			"INSERT INTO rgroup(code, name) VALUES ('9', 'Tổ dân phố 9');"
			"INSERT INTO population(group_id, date, households, residents) VALUES (1, '2023-07-01', 181, 678);"
			"INSERT INTO survey(group_id, date, surveyed, with_extinguisher) VALUES (1, '2023-12-31', 181, 163);"
			"INSERT INTO incident(group_id, date, category_id, count) VALUES (1, '2023-09-12', 1, 2);"
			"INSERT INTO audit(at, operator, tbl, row_id, action, new) "
			" VALUES ('2023-09-12 08:00:00', 'x', 'incident', 1, 'insert', '{}');",
			NULL, NULL, NULL) == SQLITE_OK, "made by the SQL of migration 1 only, with records");
	sqlite3_close(o1);
	sqlite3 *m = db_open(v1, DB_EXISTING, &err);
	ok(m != NULL, "the schema-1 database opens");
	if (m) {
		is_int(q(m, "PRAGMA user_version"), schema_version, "it is migrated to the current schema");
		ok(schema_version >= 2, "the current schema is at least 2");
		is_int(q(m, "PRAGMA application_id"), SCHEMA_APPLICATION_ID, "and marked as wardsafe's");
		is_int(q(m, "SELECT count(*) FROM ward WHERE name = 'Lam Sơn' AND district = 'TP Thanh Hóa' AND code = ''"), 1,
		       "the ward keeps its fields and gains an empty code");
		is_int(q(m, "SELECT (SELECT count(*) FROM category) || (SELECT count(*) FROM rgroup) || "
			    "(SELECT count(*) FROM population) || (SELECT count(*) FROM survey) || "
			    "(SELECT sum(count) FROM incident) || (SELECT count(*) FROM audit WHERE tbl = 'incident')"),
		       111121, "every record is kept (categories, groups, population, surveys, incidents, audit)");
		struct record w;
		ok(store_load(m, kind_find("ward"), 1, &w) && record_get(&w, "code") == NULL,
		   "the ward record loads with no code");
		record_set_named(&w, "code", "14845");
		ok(store_update(m, &w, &err), "the code can be set");
		record_clear(&w);
		char *nc = qtext(m, "SELECT json_extract(new, '$.code') FROM audit WHERE tbl = 'ward' AND action = 'update'");
		is_str(nc, "14845", "the audit log records the new column");
		free(nc);
		ok(sqlite3_exec(m, "UPDATE ward SET code = 'a b'", NULL, NULL, NULL) != SQLITE_OK,
		   "CHECK refuses a ward code with a space");
		ok(sqlite3_exec(m, "UPDATE ward SET code = '123456789012345678901234567890123'", NULL, NULL, NULL)
		   != SQLITE_OK, "CHECK refuses a ward code of 33 characters");
		db_close(m);
	}
	sl_free(&err);
	char *pre = xasprintf("ls '%s'/backups/v1-*-pre-v%d.db 2>/dev/null | head -n 1", fixture_dir, schema_version);
	FILE *pf = popen(pre, "r");
	char bpath[512] = "";
	if (pf) {
		if (!fgets(bpath, sizeof bpath, pf))
			bpath[0] = '\0';
		pclose(pf);
	}
	bpath[strcspn(bpath, "\n")] = '\0';
	ok(bpath[0] != '\0', "a backup tagged pre-v%d was made before migrating", schema_version);
	sqlite3 *bk = NULL;
	if (bpath[0] && sqlite3_open_v2(bpath, &bk, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		is_int(q(bk, "PRAGMA user_version"), 1, "the backup is the schema-1 file");
		is_int(q(bk, "SELECT count(*) FROM survey"), 1, "with its records");
	} else {
		ok(0, "the backup opens");
	}
	sqlite3_close(bk);
	free(pre);
	free(v1);

	/* ---- files that are not ours */
	char *junk = xasprintf("%s/junk.db", fixture_dir);
	write_bytes(junk, "this is not a database at all, just some text\n", 46);
	ok(db_open(junk, DB_EXISTING, &err) == NULL && err.n == 1, "a text file is refused with one message");
	ok(err.n && strstr(err.items[0], "not a wardsafe database") != NULL, "the message says what is wrong");
	sl_free(&err);
	char *other = xasprintf("%s/other.db", fixture_dir);
	sqlite3 *o;
	sqlite3_open(other, &o);
	sqlite3_exec(o, "CREATE TABLE x(a)", NULL, NULL, NULL);
	sqlite3_close(o);
	ok(db_open(other, DB_EXISTING, &err) == NULL && err.n == 1, "another program's SQLite file is refused");
	sl_free(&err);
	sqlite3_open(other, &o);
	sqlite3_exec(o, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(o);
	/* Its user_version means nothing: it is not marked as ours. */
	ok(db_open(other, DB_EXISTING, &err) == NULL && err.n == 1 &&
	   strstr(err.items[0], "not a wardsafe database (it belongs to another program)") &&
	   strstr(err.items[0], other),
	   "another program's file with user_version 999 is foreign, not newer");
	sl_free(&err);
	char *newer = xasprintf("%s/newer.db", fixture_dir);
	char *cmd2 = xasprintf("cp '%s' '%s'", path, newer);
	ok(system(cmd2) == 0, "a copy of a wardsafe file");
	free(cmd2);
	sqlite3_open(newer, &o);
	sqlite3_exec(o, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(o);
	ok(db_open(newer, DB_EXISTING, &err) == NULL && err.n == 1 && strstr(err.items[0], "newer version"),
	   "a database from a newer version is refused");
	sl_free(&err);

	/* ---- SQLite files of other programs whose user_version looks like an
	 * old schema of ours: refused before anything reads our tables or
	 * makes a backup copy (issue 12) */
	static const char *const foreign_sql[] = {
		"CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); PRAGMA user_version = 1;",
		"CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); PRAGMA user_version = 2;",
		"CREATE TABLE ward(x); CREATE TABLE rgroup(y); CREATE TABLE audit(z); PRAGMA user_version = 1;",
		"CREATE TABLE ward(x); CREATE TABLE rgroup(y); CREATE TABLE audit(z); PRAGMA user_version = 2;",
		"CREATE TABLE notes(a); PRAGMA application_id = 1234; PRAGMA user_version = 3;",
		"CREATE TABLE notes(a); PRAGMA user_version = 3;",
	};
	for (size_t i = 0; i < ARRAY_SIZE(foreign_sql); i++) {
		char *f = xasprintf("%s/foreign%zu.db", fixture_dir, i);
		sqlite3_open(f, &o);
		sqlite3_exec(o, foreign_sql[i], NULL, NULL, NULL);
		sqlite3_close(o);
		char *sum = xasprintf("cksum < '%s' > '%s.before'", f, f);
		ok(system(sum) == 0, "foreign file %zu written", i);
		free(sum);
		for (int mode = 0; mode < 3; mode++) {
			sqlite3 *x = mode == 2 ? db_open_readonly(f, &err)
					       : db_open(f, mode ? DB_READ : DB_EXISTING, &err);
			ok(x == NULL && err.n == 1 && strstr(err.items[0], "belongs to another program") &&
			   strstr(err.items[0], f),
			   "foreign file %zu (%s) refused by %s with one message naming it", i, foreign_sql[i],
			   mode == 2 ? "db_open_readonly" : mode ? "db_open(DB_READ)" : "db_open");
			db_close(x);
			sl_free(&err);
		}
		char *same = xasprintf("cksum < '%s' | cmp -s - '%s.before' && "
				       "test $(ls '%s/backups' | grep -c '^foreign') -eq 0", f, f, fixture_dir);
		ok(system(same) == 0, "foreign file %zu is unchanged and no backup of it was made", i);
		free(same);
		free(f);
	}
	/* A genuine schema-2 file (migrations 1 and 2 only) is still ours. */
	char *v2 = xasprintf("%s/v2.db", fixture_dir);
	sqlite3_open(v2, &o);
	ok(sqlite3_exec(o, schema_migrations[0].sql, NULL, NULL, NULL) == SQLITE_OK &&
	   sqlite3_exec(o, schema_migrations[1].sql, NULL, NULL, NULL) == SQLITE_OK &&
	   sqlite3_exec(o, "PRAGMA user_version = 2; INSERT INTO ward(id, name, code) VALUES (1, 'Lam Sơn', '14845');",
			NULL, NULL, NULL) == SQLITE_OK, "a schema-2 file");
	sqlite3_close(o);
	sqlite3 *ro2 = db_open_readonly(v2, &err);
	ok(ro2 == NULL && err.n == 1 && strstr(err.items[0], "older version"),
	   "read-only: a schema-2 file is an older wardsafe file");
	sl_free(&err);
	sqlite3 *m2 = db_open(v2, DB_EXISTING, &err);
	ok(m2 != NULL && err.n == 0, "the schema-2 file opens");
	if (m2) {
		is_int(q(m2, "PRAGMA user_version"), schema_version, "and is migrated");
		is_int(q(m2, "PRAGMA application_id"), SCHEMA_APPLICATION_ID, "and marked as wardsafe's");
		is_int(q(m2, "SELECT count(*) FROM ward WHERE code = '14845'"), 1, "keeping its ward");
		db_close(m2);
	}
	sl_free(&err);
	free(v2);
	char *missing = xasprintf("%s/nope/none.db", fixture_dir);
	ok(db_open(missing, DB_EXISTING, &err) == NULL && err.n == 1, "a missing database is not created");
	ok(stat(missing, &st) != 0, "no file appeared");
	sl_free(&err);
	char *deep = xasprintf("%s/a/b/new.db", fixture_dir);
	db = db_open(deep, DB_CREATE, &err);
	ok(db != NULL, "a database in a new directory");
	char *deepdir = xasprintf("%s/a/b", fixture_dir);
	ok(stat(deepdir, &st) == 0 && (st.st_mode & 0777) == 0700, "directories created with mode 0700");
	db_close(db);

	/* A reading connection (summary, list, export) cannot write, so it
	 * needs no audit triggers. */
	ok(db_open(missing, DB_READ, &err) == NULL && err.n == 1, "reading a missing database does not create it");
	sl_free(&err);
	db = db_open(path, DB_READ, &err);
	ok(db != NULL, "an existing database opens for reading");
	is_int(q(db, "SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'"), 0,
	       "no audit triggers on a reading connection");
	ok(q(db, "SELECT count(*) FROM rgroup") >= 0, "it reads");
	ok(sqlite3_exec(db, "INSERT INTO category (code, name) VALUES ('x', 'X')", NULL, NULL, NULL) != SQLITE_OK,
	   "it cannot write");
	db_close(db);
	db = db_open(path, DB_EXISTING, &err);
	ok(q(db, "SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'") > 0,
	   "a writing connection has its audit triggers");
	is_int(q(db, "SELECT count(*) FROM category WHERE code = 'x'"), 0, "nothing was written");
	db_close(db);
	/* ---- read-only opening (the roll-up): checks like db_open, writes nothing */
	sqlite3 *ro = db_open_readonly(path, &err);
	ok(ro != NULL && err.n == 0, "a wardsafe database opens read-only");
	ok(ro && q(ro, "SELECT count(*) FROM rgroup") == 1, "and reads");
	ok(ro && sqlite3_exec(ro, "INSERT INTO category(code, name) VALUES ('x', 'x')", NULL, NULL, NULL) != SQLITE_OK,
	   "a read-only connection refuses to write");
	ok(ro && q(ro, "PRAGMA query_only") == 1, "query_only is on");
	db_close(ro);
	ok(db_open_readonly(junk, &err) == NULL && err.n == 1 && strstr(err.items[0], junk),
	   "read-only: a text file is refused, the message names it");
	sl_free(&err);
	ok(db_open_readonly(newer, &err) == NULL && err.n == 1 && strstr(err.items[0], "newer version"),
	   "read-only: a newer schema is refused");
	sl_free(&err);
	sqlite3_open(other, &o);
	sqlite3_exec(o, "PRAGMA user_version = 0", NULL, NULL, NULL);
	sqlite3_close(o);
	ok(db_open_readonly(other, &err) == NULL && err.n == 1 && strstr(err.items[0], "not a wardsafe database"),
	   "read-only: another program's SQLite file is refused");
	sl_free(&err);
	ok(db_open_readonly(missing, &err) == NULL && err.n == 1 && stat(missing, &st) != 0,
	   "read-only: a missing file is refused and not created");
	sl_free(&err);
	char *empty = xasprintf("%s/empty.db", fixture_dir);
	write_bytes(empty, "", 0);
	ok(db_open_readonly(empty, &err) == NULL && err.n == 1, "read-only: an empty file is refused");
	sl_free(&err);
	free(empty);

	free(deepdir);
	free(deep);
	free(missing);
	free(other);
	free(newer);
	free(junk);
	free(bak);
	free(path);
	fixture_cleanup(NULL);
	return done();
}
