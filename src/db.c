/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db.c - opening, migrating, auditing and backing up the database. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "clock.h"
#include "date.h"
#include "db.h"
#include "i18n.h"
#include "schema.h"
#include "settings.h"

/* Tables whose changes are audited. */
static const char *const audited_tables[] = {
	"ward", "category", "rgroup", "population", "survey", "commitment", "app114",
	"incident", "outreach", "fireteam", "establishments", "target", "closing",
	"narrative",
};

char *db_default_path(const char *option)
{
	if (option && *option)
		return xstrdup(option);
	const char *env = getenv("WARDSAFE_DB");
	if (env && *env)
		return xstrdup(env);
	const char *cfg = settings_str(CFG_DB_PATH);
	if (*cfg)
		return xstrdup(cfg);
	/* The XDG base directory specification: a relative path is ignored. */
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/wardsafe/wardsafe.db", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/wardsafe/wardsafe.db", home && *home ? home : ".");
}

const char *db_operator(void)
{
	static char name[256];
	const char *op = settings_str(CFG_OPERATOR);
	if (*op)
		return op;
	if (name[0])
		return name;
	struct passwd *pw = getpwuid(getuid());
	const char *user = pw ? pw->pw_name : getenv("USER");
	snprintf(name, sizeof name, "%s", user && *user ? user : "?");
	return name;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Why a write was refused as read-only: the file was moved or replaced
 * under the running program, its directory is not writable (SQLite creates
 * its journal there), or the file itself is read-only. */
static char *readonly_reason(sqlite3 *db, int code)
{
	if (code == SQLITE_READONLY_DBMOVED)
		return xstrdup(_("the database file was moved or replaced while wardsafe was running, so nothing "
				 "more can be saved into it; quit wardsafe and start it again"));
	const char *file = db ? sqlite3_db_filename(db, "main") : NULL;
	char *dir = file && *file ? dir_of(file) : NULL;
	char *r;
	if (dir && (code == SQLITE_READONLY_DIRECTORY || (access(file, W_OK) == 0 && access(dir, W_OK) != 0)))
		r = xasprintf(_("the directory %s is not writable, so SQLite cannot create its journal file there "
				"while saving; make it writable (chmod u+w %s) or move the database elsewhere"),
			      dir, dir);
	else if (code == SQLITE_READONLY_DIRECTORY)
		r = xstrdup(_("the database's directory is not writable, so SQLite cannot create its journal "
			      "file there while saving; make it writable or move the database elsewhere"));
	else
		r = xstrdup(_("the database file is read-only"));
	free(dir);
	return r;
}

void db_error(sqlite3 *db, struct strlist *errors, const char *what)
{
	int code = sqlite3_extended_errcode(db);
	const char *msg;
	char *own = NULL;
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		msg = _("the database is in use by another program; try again in a moment");
		break;
	case SQLITE_FULL:
		msg = _("the disk is full; free some space and save again");
		break;
	case SQLITE_READONLY:
		msg = own = readonly_reason(db, code);
		break;
	case SQLITE_NOTADB:
		msg = _("the file is not a wardsafe database (not SQLite)");
		break;
	case SQLITE_CORRUPT:
		msg = _("the database file is damaged; restore a backup");
		break;
	case SQLITE_CANTOPEN:
		msg = _("the database file cannot be opened");
		break;
	case SQLITE_IOERR:
		msg = _("input/output error while writing the database");
		break;
	default:
		msg = sqlite3_errmsg(db);
		break;
	}
	if (what)
		sl_pushf(errors, "%s: %s", what, msg);
	else
		sl_push(errors, xstrdup(msg));
	free(own);
}

bool db_exec(sqlite3 *db, const char *sql, struct strlist *errors)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return true;
	db_error(db, errors, NULL);
	return false;
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		util_fatal_cleanup();
		fprintf(stderr, "wardsafe: internal error preparing SQL: %s\n  %s\n",
			sqlite3_errmsg(db), sql);
		abort();
	}
	return st;
}

/* The statement cache: a small open-addressing table keyed by connection
 * and SQL text. */
#define STMT_CACHE 256
static struct cached_stmt {
	sqlite3 *db;
	char *sql;
	sqlite3_stmt *st;
} stmt_cache[STMT_CACHE];

/* Hashes the length and the two ends of the text only: statements run for
 * every imported row are long, and their ends tell them apart well enough
 * (a collision only costs a step of probing). */
static size_t stmt_slot(sqlite3 *db, const char *sql)
{
	size_t n = strlen(sql), h = ((size_t)(uintptr_t)db * 31u) ^ n;
	size_t head = n < 48 ? n : 48, tail = n < 96 ? n - head : 48;
	for (size_t i = 0; i < head; i++)
		h = (h ^ (unsigned char)sql[i]) * 1099511628211ULL;
	for (size_t i = n - tail; i < n; i++)
		h = (h ^ (unsigned char)sql[i]) * 1099511628211ULL;
	return h % STMT_CACHE;
}

sqlite3_stmt *db_cached(sqlite3 *db, const char *sql)
{
	size_t i = stmt_slot(db, sql);
	for (size_t n = 0; n < STMT_CACHE; n++, i = (i + 1) % STMT_CACHE) {
		struct cached_stmt *c = &stmt_cache[i];
		if (c->db == db && !strcmp(c->sql, sql)) {
			sqlite3_reset(c->st);
			sqlite3_clear_bindings(c->st);
			return c->st;
		}
		if (!c->db) {
			c->st = db_prepare(db, sql);
			c->db = db;
			c->sql = xstrdup(sql);
			return c->st;
		}
	}
	/* A full cache never happens with the program's fixed SQL; be safe. */
	return db_prepare(db, sql);
}

void db_release(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Finalizes the cached statements of a connection before it closes. */
static void stmt_cache_purge(sqlite3 *db)
{
	for (size_t i = 0; i < STMT_CACHE; i++)
		if (stmt_cache[i].db == db) {
			sqlite3_finalize(stmt_cache[i].st);
			free(stmt_cache[i].sql);
			stmt_cache[i].db = NULL;
			stmt_cache[i].sql = NULL;
			stmt_cache[i].st = NULL;
		}
	/* Re-pack the table so lookups do not stop at the holes. */
	for (size_t i = 0; i < STMT_CACHE; i++)
		if (stmt_cache[i].db) {
			struct cached_stmt c = stmt_cache[i];
			stmt_cache[i].db = NULL;
			size_t j = stmt_slot(c.db, c.sql);
			while (stmt_cache[j].db)
				j = (j + 1) % STMT_CACHE;
			stmt_cache[j] = c;
		}
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

long long db_query_int(sqlite3 *db, long long def, const char *sql, ...)
{
	/* Arguments are const char * (text parameters), terminated by NULL. */
	sqlite3_stmt *st = db_cached(db, sql);
	va_list ap;
	va_start(ap, sql);
	const char *arg;
	int i = 1;
	while ((arg = va_arg(ap, const char *)) != NULL)
		db_bind_text(st, i++, arg);
	va_end(ap);
	long long v = def;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	db_release(st);
	return v;
}

bool db_begin(sqlite3 *db, struct strlist *errors)
{
	return db_exec(db, "BEGIN IMMEDIATE", errors);
}

bool db_commit(sqlite3 *db, struct strlist *errors)
{
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return true;
	db_error(db, errors, _("saving failed"));
	db_rollback(db);
	return false;
}

void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	/* After a write error (a full disk) SQLite may have ended the
	 * transaction itself with its journal still beside the file, which
	 * alone is then not whole; the next read rolls that journal back, so
	 * read once now rather than leave it to the next program. */
	sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
}

bool db_make_dirs(const char *dir, struct strlist *errors)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1;; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST) {
				sl_pushf(errors, _("cannot create the directory %s: %s"), p, strerror(errno));
				free(p);
				return false;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return true;
}


static void fn_operator(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, db_operator(), -1, SQLITE_TRANSIENT);
}

/* ws_now(): "now" as the audit log writes it, YYYY-MM-DD HH:MM:SS, from
 * the program's clock (clock.h), never from SQLite's own 'now'. */
static void fn_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, clock_stamp(), 19, SQLITE_TRANSIENT);
}

/* Creates the TEMP triggers that write every change to the audit table.
 * Columns are read from the live schema, so a migration needs no edit here. */
static bool install_audit_triggers(sqlite3 *db, struct strlist *errors)
{
	struct strbuf sql = STRBUF_INIT;
	for (size_t t = 0; t < ARRAY_SIZE(audited_tables); t++) {
		const char *tbl = audited_tables[t];
		struct strbuf oldj = STRBUF_INIT, newj = STRBUF_INIT;
		char *q = xasprintf("SELECT name FROM pragma_table_info('%s') ORDER BY cid", tbl);
		sqlite3_stmt *st = db_prepare(db, q);
		free(q);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(st, 0);
			if (strcmp(col, "search_key") == 0)
				continue;
			sb_printf(&oldj, "%s'%s', OLD.\"%s\"", oldj.len ? ", " : "", col, col);
			sb_printf(&newj, "%s'%s', NEW.\"%s\"", newj.len ? ", " : "", col, col);
		}
		sqlite3_finalize(st);
		const char *stamp = "ws_now()";
		sb_printf(&sql,
			"CREATE TEMP TRIGGER IF NOT EXISTS audit_%s_i AFTER INSERT ON main.%s BEGIN "
			"INSERT INTO audit(at, operator, tbl, row_id, action, old, new) VALUES "
			"(%s, ws_operator(), '%s', NEW.id, 'insert', NULL, json_object(%s)); END;",
			tbl, tbl, stamp, tbl, newj.buf);
		sb_printf(&sql,
			"CREATE TEMP TRIGGER IF NOT EXISTS audit_%s_u AFTER UPDATE ON main.%s BEGIN "
			"INSERT INTO audit(at, operator, tbl, row_id, action, old, new) VALUES "
			"(%s, ws_operator(), '%s', NEW.id, 'update', json_object(%s), json_object(%s)); END;",
			tbl, tbl, stamp, tbl, oldj.buf, newj.buf);
		sb_printf(&sql,
			"CREATE TEMP TRIGGER IF NOT EXISTS audit_%s_d AFTER DELETE ON main.%s BEGIN "
			"INSERT INTO audit(at, operator, tbl, row_id, action, old, new) VALUES "
			"(%s, ws_operator(), '%s', OLD.id, 'delete', json_object(%s), NULL); END;",
			tbl, tbl, stamp, tbl, oldj.buf);
		sb_free(&oldj);
		sb_free(&newj);
	}
	bool ok = db_exec(db, sql.buf, errors);
	sb_free(&sql);
	return ok;
}

static bool query_int_checked(sqlite3 *db, const char *path, const char *sql, long long *out,
			      struct strlist *errors);

/* The tables of the connection's main database as one text: a line
 * "NAME<TAB>SQL" for each, by name, each run of white space in the SQL made
 * one space.  NULL if the schema cannot be read. */
static char *tables_text(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' "
				   "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
			       -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	struct strbuf sb = STRBUF_INIT;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1);
		sb_printf(&sb, "%s\t", name ? name : "");
		bool space = false, any = false;
		for (const char *p = sql ? sql : ""; *p; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
				space = any;
				continue;
			}
			if (space)
				sb_putc(&sb, ' ');
			sb_putc(&sb, *p);
			space = false;
			any = true;
		}
		sb_putc(&sb, '\n');
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sb_free(&sb);
		return NULL;
	}
	return sb_steal(&sb);
}

/* True if the tables of `db` are exactly those that migrations 1 to
 * `version` create: they are built in a database in memory and compared
 * statement by statement. */
static bool tables_are_schema(sqlite3 *db, int version)
{
	sqlite3 *ref = NULL;
	bool same = false;
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK) {
		bool ok = true;
		for (int v = 0; ok && v < version; v++)
			ok = !schema_migrations[v].sql ||
			     sqlite3_exec(ref, schema_migrations[v].sql, NULL, NULL, NULL) == SQLITE_OK;
		char *want = ok ? tables_text(ref) : NULL;
		char *have = want ? tables_text(db) : NULL;
		same = have && strcmp(want, have) == 0;
		free(want);
		free(have);
	}
	sqlite3_close(ref);
	return same;
}

/* The one check of whether the file open on `db` is ours, run before any
 * other SQL reads or writes it (no backup copy, no pragma that writes, no
 * query of our tables): its application_id is wardsafe's, or it is an
 * older wardsafe file from before the mark (no application_id, schema 1
 * to SCHEMA_FIRST_WITH_ID - 1, and exactly the tables those migrations
 * make), or it is a new, empty SQLite file (schema 0, nothing in it).
 * Anything else belongs to another program.  A file of a newer schema than
 * this program knows is refused too.  Sets *version (0 for an empty file);
 * false after adding one message naming `path`. */
static bool check_ours(sqlite3 *db, const char *path, int *version, struct strlist *errors)
{
	long long app = 0, ver = 0, objects = 0;
	if (!query_int_checked(db, path, "PRAGMA main.application_id", &app, errors) ||
	    !query_int_checked(db, path, "PRAGMA main.user_version", &ver, errors) ||
	    !query_int_checked(db, path, "SELECT count(*) FROM main.sqlite_schema", &objects, errors))
		return false;
	bool ours;
	if (app == SCHEMA_APPLICATION_ID)
		ours = true;
	else if (app != 0)
		ours = false;
	else if (ver == 0)
		ours = objects == 0;
	else if (ver < SCHEMA_FIRST_WITH_ID && ver <= schema_version)
		ours = tables_are_schema(db, (int)ver);
	else
		ours = false;
	if (!ours) {
		sl_pushf(errors, _("%s is not a wardsafe database (it belongs to another program); it was left "
				   "unchanged: check the file name"), path);
		return false;
	}
	if (ver > schema_version || ver < 0) {
		sl_pushf(errors, _("%s was written by a newer version of wardsafe (schema %d; this "
				   "program knows up to %d): install the newer version"),
			 path, (int)ver, schema_version);
		return false;
	}
	*version = (int)ver;
	return true;
}

/* The SQL texts (one string each) of `sql` run with text parameter `arg`,
 * in order. */
static void query_texts(sqlite3 *db, const char *sql, const char *arg, struct strlist *out)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	db_bind_text(st, 1, arg);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			sl_push(out, xstrdup((const char *)sqlite3_column_text(st, 0)));
	sqlite3_finalize(st);
}

/* Rebuilds table `tbl` with id INTEGER PRIMARY KEY AUTOINCREMENT by
 * SQLite's generalized ALTER TABLE procedure (foreign keys are off and a
 * transaction is open, see migrate): its definition is read from the file
 * and changed only there, the rows are copied with their ids, the old table
 * is dropped and the new one renamed, and its indexes and triggers are made
 * again from their own SQL.  Then sqlite_sequence starts after the highest
 * id the table or the audit log has ever named, so that an id whose record
 * was deleted before this migration is not handed out again either. */
static bool rebuild_table(sqlite3 *db, const char *tbl, struct strlist *errors)
{
	static const char key[] = " id INTEGER PRIMARY KEY,";
	struct strlist def = STRLIST_INIT, others = STRLIST_INIT;
	query_texts(db, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1", tbl, &def);
	query_texts(db, "SELECT sql FROM main.sqlite_schema WHERE type IN ('index', 'trigger') "
			"AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY rowid", tbl, &others);
	const char *paren = def.n == 1 ? strchr(def.items[0], '(') : NULL;
	bool ok = paren && strncmp(paren + 1, key, sizeof key - 1) == 0;
	if (!ok) {
		sl_pushf(errors, _("the table %s is not as this version of wardsafe expects, so the file cannot be "
				   "updated to this version; nothing was changed"), tbl);
	} else {
		struct strbuf sql = STRBUF_INIT;
		sb_printf(&sql, "CREATE TABLE new_%s (%s AUTOINCREMENT,%s;", tbl, " id INTEGER PRIMARY KEY",
			  paren + sizeof key);
		sb_printf(&sql, "INSERT INTO new_%s SELECT * FROM %s;", tbl, tbl);
		sb_printf(&sql, "DROP TABLE %s;", tbl);
		sb_printf(&sql, "ALTER TABLE new_%s RENAME TO %s;", tbl, tbl);
		for (size_t i = 0; i < others.n; i++)
			sb_printf(&sql, "%s;", others.items[i]);
		sb_printf(&sql, "DELETE FROM sqlite_sequence WHERE name = '%s';", tbl);
		sb_printf(&sql,
			  "INSERT INTO sqlite_sequence(name, seq) SELECT '%s', seq FROM (SELECT max("
			  "coalesce((SELECT max(id) FROM %s), 0), "
			  "coalesce((SELECT max(row_id) FROM audit WHERE tbl = '%s'), 0)) AS seq) WHERE seq > 0;",
			  tbl, tbl, tbl);
		ok = db_exec(db, sql.buf, errors);
		sb_free(&sql);
	}
	sl_free(&def);
	sl_free(&others);
	return ok;
}

/* After tables were rebuilt with foreign keys off: false, with a message
 * naming `path`, if any record refers to one that does not exist. */
static bool foreign_keys_hold(sqlite3 *db, const char *path, struct strlist *errors)
{
	sqlite3_stmt *st = db_prepare(db, "PRAGMA main.foreign_key_check");
	long long n = 0, first_row = 0;
	char *first_tbl = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!n++) {
			first_tbl = xstrdup((const char *)sqlite3_column_text(st, 0));
			first_row = sqlite3_column_int64(st, 1);
		}
	}
	if (rc != SQLITE_DONE)
		db_error(db, errors, path);
	else if (n)
		sl_pushf(errors, ngettext("%s: %lld record refers to a record that does not exist (table %s, "
					  "id %lld), so the file cannot be updated to this version of wardsafe; "
					  "nothing was changed: repair it with the version that wrote the file, or "
					  "restore a backup",
					  "%s: %lld records refer to records that do not exist (the first: table %s, "
					  "id %lld), so the file cannot be updated to this version of wardsafe; nothing "
					  "was changed: repair them with the version that wrote the file, or restore a "
					  "backup", (unsigned long)n),
			 path, n, first_tbl, first_row);
	free(first_tbl);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE && n == 0;
}

/* Runs migrations `version` + 1 to the latest in one transaction. */
static bool run_migrations(sqlite3 *db, const char *path, int version, bool rebuilds, struct strlist *errors)
{
	if (!db_begin(db, errors))
		return false;
	bool ok = true;
	for (int v = version; ok && v < schema_version; v++) {
		const struct schema_migration *m = &schema_migrations[v];
		if (m->sql)
			ok = db_exec(db, m->sql, errors);
		for (const char *const *t = m->autoincrement; ok && t && *t; t++)
			ok = rebuild_table(db, *t, errors);
	}
	if (ok && rebuilds)
		ok = foreign_keys_hold(db, path, errors);
	if (ok) {
		char *set = xasprintf("PRAGMA user_version = %d", schema_version);
		ok = db_exec(db, set, errors);
		free(set);
	}
	if (!ok) {
		db_rollback(db);
		return false;
	}
	return db_commit(db, errors);
}

/* Brings the schema of the file, which check_ours() found to be ours at
 * `version`, to the latest version, backing the file up first when it
 * already holds a schema.  A migration that rebuilds tables needs foreign
 * keys off, which SQLite ignores inside a transaction: they are switched
 * off before it and on again after, whatever the outcome. */
static bool migrate(sqlite3 *db, const char *path, int version, struct strlist *errors)
{
	if (version == schema_version)
		return true;
	if (version > 0) {
		char *tag = xasprintf("pre-v%d", schema_version);
		char *b = db_backup_auto(db, path, tag, errors);
		free(tag);
		if (!b)
			return false;
		free(b);
	}
	bool rebuilds = false;
	for (int v = version; v < schema_version; v++)
		if (schema_migrations[v].autoincrement)
			rebuilds = true;
	if (rebuilds && !db_exec(db, "PRAGMA foreign_keys = OFF", errors))
		return false;
	bool ok = run_migrations(db, path, version, rebuilds, errors);
	if (rebuilds && !db_exec(db, "PRAGMA foreign_keys = ON", errors))
		ok = false;
	/* The dropped tables left free pages (a new file too, which runs
	 * every migration), whose contents SQLite does not journal: give them
	 * back, so that a save that is rolled back leaves the file as it was
	 * byte for byte.  VACUUM is atomic; if it fails (a full disk) the file
	 * is only larger than it needs to be. */
	if (ok && rebuilds && db_query_int(db, 0, "PRAGMA main.freelist_count", NULL) > 0)
		sqlite3_exec(db, "VACUUM", NULL, NULL, NULL);
	return ok;
}

/* How long to wait for another program's lock, in milliseconds;
 * $WARDSAFE_BUSY_TIMEOUT shortens it for tests. */
static int busy_timeout(void)
{
	long long busy = 5000;
	const char *bt = getenv("WARDSAFE_BUSY_TIMEOUT");
	if (bt && *bt)
		parse_int64(bt, &busy);
	return (int)busy;
}

/* Refuses, with the reason, a database path that is a symbolic link (a file
 * is written only under its real name: SQLite warns that several names of
 * one file can make programs use different journals; db_open_readonly,
 * which never writes, follows links) or a file this user may not read. */
static bool file_may_open(const char *path, const struct stat *st, bool follow, struct strlist *errors)
{
	struct stat lst;
	if (!follow && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		char *target = realpath(path, NULL);
		sl_pushf(errors, _("%s is a symbolic link to %s: wardsafe opens a database for writing only by its "
				   "real name (two names for one file can make two programs use different journal "
				   "files and damage it); open the file itself: wardsafe --db %s"),
			 path, target ? target : "?", target ? target : "FILE");
		free(target);
		return false;
	}
	if (S_ISREG(st->st_mode) && access(path, R_OK) != 0 && errno == EACCES) {
		struct passwd *pw = getpwuid(st->st_uid);
		sl_pushf(errors, _("cannot open %s: permission denied (it belongs to %s, mode %03o); "
				   "only its owner can open it, or ask them to share a copy"),
			 path, pw ? pw->pw_name : "?", (unsigned)(st->st_mode & 0777));
		return false;
	}
	return true;
}

sqlite3 *db_open(const char *path, enum db_mode mode, struct strlist *errors)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT || mode != DB_CREATE) {
			if (errno == ENOENT)
				sl_pushf(errors, _("no database at %s; create one with 'wardsafe init'"), path);
			else
				sl_pushf(errors, _("cannot open %s: %s"), path, strerror(errno));
			return NULL;
		}
		char *dir = dir_of(path);
		bool ok = db_make_dirs(dir, errors);
		free(dir);
		if (!ok)
			return NULL;
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0) {
			sl_pushf(errors, _("cannot create %s: %s"), path, strerror(errno));
			return NULL;
		}
		fchmod(fd, 0600);
		close(fd);
	} else if (!file_may_open(path, &st, false, errors)) {
		return NULL;
	} else if (!S_ISREG(st.st_mode)) {
		sl_pushf(errors, _("%s is not a regular file"), path);
		return NULL;
	} else if (st.st_size == 0) {
		/* A wiped file must not quietly become a new, empty database. */
		sl_pushf(errors, _("%s is empty: its data is gone; restore a backup (wardsafe restore)"), path);
		return NULL;
	}

	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		db_error(db, errors, path);
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, busy_timeout());
	/* foreign_keys must be set outside any transaction. */
	if (!db_exec(db, "PRAGMA foreign_keys = ON", errors))
		goto fail;
	/* The first statements that read the file tell if it is SQLite at
	 * all, and ours: nothing may change another program's file (not even
	 * its journal mode) or read our tables in it. */
	int version = 0;
	if (!check_ours(db, path, &version, errors))
		goto fail;
	if (sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		db_error(db, errors, path);
		goto fail;
	}
	if (!db_exec(db, "PRAGMA synchronous = FULL", errors))
		goto fail;
	sqlite3_create_function(db, "ws_operator", 0, SQLITE_UTF8, NULL, fn_operator, NULL, NULL);
	sqlite3_create_function(db, "ws_now", 0, SQLITE_UTF8, NULL, fn_now, NULL, NULL);
	if (!migrate(db, path, version, errors))
		goto fail;
	/* A reading connection cannot write at all (query_only): it needs no
	 * audit triggers, whose set-up is most of the cost of opening. */
	if (mode == DB_READ ? !db_exec(db, "PRAGMA query_only = ON", errors)
			    : !install_audit_triggers(db, errors))
		goto fail;
	/* For tests: $WARDSAFE_MAX_PAGES caps the file as a full disk would. */
	const char *mp = getenv("WARDSAFE_MAX_PAGES");
	long long pages;
	if (mp && *mp && parse_int64(mp, &pages) && pages > 0) {
		char *sql = xasprintf("PRAGMA max_page_count = %lld", pages);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
		free(sql);
	}
	return db;
fail:
	stmt_cache_purge(db);
	sqlite3_close(db);
	return NULL;
}

/* Runs a query that returns one integer on a connection that may not be a
 * wardsafe database at all; false after adding a message naming `path`. */
static bool query_int_checked(sqlite3 *db, const char *path, const char *sql, long long *out,
			      struct strlist *errors)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW;
	int code = sqlite3_extended_errcode(db);
	if (ok)
		*out = sqlite3_column_int64(st, 0);
	else if (code == SQLITE_READONLY_ROLLBACK || code == SQLITE_READONLY_RECOVERY)
		/* A hot journal: the file was copied, or left, in the middle of a
		 * save, which only a writer can finish or undo. */
		sl_pushf(errors, _("%s is in the middle of an unfinished save (a journal file lies beside it): "
				   "open it once with wardsafe, e.g. 'wardsafe --db %s check', which completes or "
				   "undoes that save, or copy the ward's file again"), path, path);
	else
		db_error(db, errors, path);
	sqlite3_finalize(st);
	return ok;
}

sqlite3 *db_open_readonly(const char *path, struct strlist *errors)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			sl_pushf(errors, _("%s: there is no such file"), path);
		else
			sl_pushf(errors, _("cannot open %s: %s"), path, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		sl_pushf(errors, _("%s is not a regular file"), path);
		return NULL;
	}
	if (!file_may_open(path, &st, true, errors))
		return NULL;
	if (st.st_size == 0) {
		sl_pushf(errors, _("%s is empty: it is not a wardsafe database"), path);
		return NULL;
	}
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		db_error(db, errors, path);
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, busy_timeout());
	/* Nothing here may write, even by mistake. */
	sqlite3_exec(db, "PRAGMA query_only = ON", NULL, NULL, NULL);

	/* The first read tells if the file is SQLite at all, and ours. */
	int version = 0;
	bool ok = check_ours(db, path, &version, errors);
	if (ok && version < 1) {
		sl_pushf(errors, _("%s is an SQLite database but not a wardsafe database"), path);
		ok = false;
	} else if (ok && version < schema_version) {
		sl_pushf(errors, _("%s was written by an older version of wardsafe (schema %d; this "
				   "program needs %d): open it once with this version to update it"),
			 path, version, schema_version);
		ok = false;
	}
	if (!ok) {
		db_close(db);
		return NULL;
	}
	return db;
}

void db_close(sqlite3 *db)
{
	if (db) {
		stmt_cache_purge(db);
		sqlite3_close(db);
	}
}

bool db_backup_to(sqlite3 *db, const char *dest, struct strlist *errors)
{
	char *tmp = tmp_template(dest);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		sl_pushf(errors, _("cannot write the backup %s: %s"), dest, strerror(errno));
		free(tmp);
		return false;
	}
	fchmod(fd, 0600);
	close(fd);
	sqlite3 *out = NULL;
	bool ok = false;
	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		sqlite3_exec(out, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL", NULL, NULL, NULL);
		sqlite3_backup *b = sqlite3_backup_init(out, "main", db, "main");
		if (b) {
			int rc;
			do {
				rc = sqlite3_backup_step(b, -1);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
					sqlite3_sleep(50);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			sqlite3_backup_finish(b);
			ok = rc == SQLITE_DONE;
		}
		if (!ok)
			db_error(out, errors, dest);
	} else {
		db_error(out, errors, dest);
	}
	sqlite3_close(out);
	if (ok) {
		/* The backup API wrote through SQLite; fsync before the rename. */
		int f = open(tmp, O_RDONLY | O_CLOEXEC);
		if (f >= 0) {
			fsync(f);
			close(f);
		}
		if (rename(tmp, dest) != 0) {
			sl_pushf(errors, _("cannot write the backup %s: %s"), dest, strerror(errno));
			ok = false;
		}
	}
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

char *db_backup_dir(const char *db_path)
{
	const char *cfg = settings_str(CFG_BACKUP_DIR);
	if (*cfg)
		return xstrdup(cfg);
	char *dir = dir_of(db_path);
	char *r = xasprintf("%s/backups", dir);
	free(dir);
	return r;
}

/* The N of a backup name ending in -N.db (several copies in one second),
 * 1 for the first copy. */
static long backup_copy_number(const char *name)
{
	size_t n = strlen(name);
	if (n < 4)
		return 1;
	const char *end = name + n - 3; /* at ".db" */
	const char *p = end;
	while (p > name && p[-1] >= '0' && p[-1] <= '9')
		p--;
	if (p == end || p == name || p[-1] != '-' || end - p > 9)
		return 1;
	return strtol(p, NULL, 10);
}

/* Oldest first, for names without the database's name in front
 * (-YYYYMMDD-HHMMSS-TAG[-N].db): by the time stamp, then by copy number (so
 * that -10 comes after -9 and after the first copy of that second). */
static int cmp_backups(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int c = strncmp(x, y, 16); /* -YYYYMMDD-HHMMSS */
	if (c)
		return c;
	long nx = backup_copy_number(x), ny = backup_copy_number(y);
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return strcmp(x, y);
}

/* True for the name of an automatic backup of database `base`:
 * BASE-YYYYMMDD-HHMMSS-TAG[-N].db where TAG is not "manual". */
static bool is_auto_backup(const char *name, const char *base)
{
	size_t n = strlen(base);
	if (strncmp(name, base, n) != 0 || name[n] != '-' || strstr(name, TMP_MARK))
		return false;
	const char *p = name + n + 1;
	for (int i = 0; i < 15; i++, p++)
		if (i == 8 ? *p != '-' : (*p < '0' || *p > '9'))
			return false;
	return *p == '-' && !str_has_prefix(p + 1, "manual") && str_has_suffix(p, ".db");
}

/* Deletes the oldest automatic backups beyond [database] backups_keep; copies
 * made on request ("manual") are never deleted. */
static void prune_backups(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct strlist names = STRLIST_INIT;
	struct dirent *e;
	size_t base_len = strlen(base);
	while ((e = readdir(d)) != NULL)
		if (is_auto_backup(e->d_name, base))
			sl_push(&names, xstrdup(e->d_name + base_len));
	closedir(d);
	if (names.n)
		qsort(names.items, names.n, sizeof(char *), cmp_backups);
	long long keep = settings_int(CFG_BACKUPS_KEEP);
	for (size_t i = 0; i + (size_t)keep < names.n; i++) {
		char *p = xasprintf("%s/%s%s", dir, base, names.items[i]);
		unlink(p);
		free(p);
	}
	sl_free(&names);
}

/* The name of a new automatic backup of `db_path` tagged `tag` in the backup
 * directory (created if need be), with that directory and the database's
 * base name for pruning; NULL after a message. */
static char *backup_name(const char *db_path, const char *tag, char **dirp, char **basep,
			 struct strlist *errors)
{
	char *dir = db_backup_dir(db_path);
	if (!db_make_dirs(dir, errors)) {
		free(dir);
		return NULL;
	}
	const char *slash = strrchr(db_path, '/');
	char *base = xstrdup(slash ? slash + 1 : db_path);
	if (str_has_suffix(base, ".db"))
		base[strlen(base) - 3] = '\0';
	/* The program's "now" (clock.h), as the daily check reads it. */
	struct ws_clock now;
	clock_now(&now);
	char stamp[32];
	snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", DATE_Y(now.date) % 10000,
		 DATE_M(now.date) % 100, DATE_D(now.date) % 100, now.hour % 100, now.minute % 100,
		 now.second % 100);
	/* Several copies in one second are numbered after the highest number
	 * there, never into a gap that pruning left (that copy would sort as
	 * the oldest and be the next one pruned). */
	char *prefix = xasprintf("%s-%s-%s", base, stamp, tag);
	long last = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL)
		if (str_has_prefix(e->d_name, prefix) && !strstr(e->d_name, TMP_MARK)) {
			const char *rest = e->d_name + strlen(prefix);
			long n = strcmp(rest, ".db") == 0 ? 1 : rest[0] == '-' ? backup_copy_number(e->d_name) : 0;
			if (n > last)
				last = n;
		}
	if (d)
		closedir(d);
	free(prefix);
	char *dest = last ? xasprintf("%s/%s-%s-%s-%ld.db", dir, base, stamp, tag, last + 1)
			  : xasprintf("%s/%s-%s-%s.db", dir, base, stamp, tag);
	for (long n = last + 2; access(dest, F_OK) == 0; n++) {
		free(dest);
		dest = xasprintf("%s/%s-%s-%s-%ld.db", dir, base, stamp, tag, n);
	}
	*dirp = dir;
	*basep = base;
	return dest;
}

char *db_backup_auto(sqlite3 *db, const char *db_path, const char *tag, struct strlist *errors)
{
	char *dir, *base;
	char *dest = backup_name(db_path, tag, &dir, &base, errors);
	if (!dest)
		return NULL;
	bool ok = db_backup_to(db, dest, errors);
	if (ok)
		prune_backups(dir, base);
	free(dir);
	free(base);
	if (!ok) {
		free(dest);
		return NULL;
	}
	return dest;
}

/* The kind of network file system `path` is on, or NULL for a local one.
 * $WARDSAFE_FAKE_FSTYPE=nfs pretends, for tests. */
static const char *network_fs(const char *path)
{
	const char *fake = getenv("WARDSAFE_FAKE_FSTYPE");
	if (fake && *fake)
		return fake;
	struct statfs fs;
	if (statfs(path, &fs) != 0)
		return NULL;
	switch ((unsigned long)fs.f_type) {
	case 0x6969UL: return "NFS";
	case 0x517BUL: return "SMB";
	case 0xFF534D42UL: return "CIFS";
	case 0xFE534D42UL: return "SMB2";
	case 0x65735546UL: return "FUSE (sshfs)";
	default: return NULL;
	}
}

/* True if today's automatic backup of `base` is already in `dir`. */
static bool backed_up_today(const char *dir, const char *base)
{
	char today[16];
	ws_date t = date_today();
	snprintf(today, sizeof today, "%04d%02d%02d", DATE_Y(t) % 10000, DATE_M(t) % 100, DATE_D(t) % 100);
	char *prefix = xasprintf("%s-%s-", base, today);
	DIR *d = opendir(dir);
	bool found = false;
	struct dirent *e;
	while (d && !found && (e = readdir(d)) != NULL)
		found = str_has_prefix(e->d_name, prefix) && str_has_suffix(e->d_name, "-daily.db") &&
			!strstr(e->d_name, TMP_MARK);
	if (d)
		closedir(d);
	free(prefix);
	return found;
}

/* Removes the temporary files this program left in `dir` when it was killed
 * while writing (NAME.wardsafe-tmp-PID-XXXXXX, see tmp_template(), and the
 * journal SQLite kept beside one): only files of this user whose writing
 * process is gone, or that are more than a day old (the PID may have been
 * reused).  A file another running process is writing is left alone. */
static void remove_stale_tmp(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	long long now = clock_system_seconds();
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *mark = strstr(e->d_name, TMP_MARK);
		if (!mark || mark == e->d_name)
			continue;
		const char *p = mark + strlen(TMP_MARK);
		long long pid = 0;
		int digits = 0;
		while (*p >= '0' && *p <= '9' && digits < 10) {
			pid = pid * 10 + (*p++ - '0');
			digits++;
		}
		if (!digits || *p != '-' || pid <= 0 || pid == (long long)getpid())
			continue;
		char *full = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		bool dead = kill((pid_t)pid, 0) != 0 && errno == ESRCH;
		if (lstat(full, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    (dead || now - (long long)st.st_mtime > 24 * 60 * 60))
			unlink(full);
		free(full);
	}
	closedir(d);
}

void db_startup(sqlite3 *db, const char *path, struct strlist *warnings)
{
	const char *net = network_fs(path);
	if (net)
		sl_pushf(warnings, _("%s is on a network file system (%s), where SQLite's locking is unreliable: "
				     "keep the database on a local disk and copy it for others"), path, net);
	struct stat st;
	if (stat(path, &st) == 0 && (st.st_mode & 077))
		sl_pushf(warnings, _("%s can be read by other users of this computer (mode %03o); "
				     "run: chmod 600 %s"), path, (unsigned)(st.st_mode & 0777), path);
	/* What killed backups and restores left behind goes first. */
	char *dir = db_backup_dir(path);
	char *here = dir_of(path);
	remove_stale_tmp(here);
	remove_stale_tmp(dir);
	free(here);
	/* The first start of each day leaves a copy behind. */
	const char *slash = strrchr(path, '/');
	char *base = xstrdup(slash ? slash + 1 : path);
	if (str_has_suffix(base, ".db"))
		base[strlen(base) - 3] = '\0';
	/* A read-only place (a CD, a read-only share) is for reading only: no
	 * backup, and no warning on every command about it. */
	char *parent = dir_of(dir);
	bool writable = access(dir, W_OK) == 0 || (access(dir, F_OK) != 0 && access(parent, W_OK) == 0);
	free(parent);
	if (writable && !backed_up_today(dir, base)) {
		struct strlist errors = STRLIST_INIT;
		char *b = db_backup_auto(db, path, "daily", &errors);
		if (!b)
			for (size_t i = 0; i < errors.n; i++)
				sl_pushf(warnings, _("the daily backup was not made: %s"), errors.items[i]);
		free(b);
		sl_free(&errors);
	}
	free(dir);
	free(base);
}

/* Copies the live database file of `db` byte for byte to `dest` (through a
 * temporary file, fsync, rename), reading through the connection's own file
 * handle.  Only for a connection that holds the exclusive lock with nothing
 * written yet: then the file is whole and nobody else can change it (another
 * connection could not even read it, and a second descriptor on the file
 * would drop the connection's POSIX locks when closed). */
static bool copy_locked_file(sqlite3 *db, const char *dest, struct strlist *errors)
{
	sqlite3_file *f = NULL;
	sqlite3_int64 size = 0;
	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f ||
	    !f->pMethods || f->pMethods->xFileSize(f, &size) != SQLITE_OK) {
		sl_pushf(errors, _("cannot write the backup %s: %s"), dest, sqlite3_errmsg(db));
		return false;
	}
	struct atomic_file out;
	int err = atomic_open(&out, dest, 0600);
	if (err) {
		sl_pushf(errors, _("cannot write the backup %s: %s"), dest, strerror(err));
		return false;
	}
	char buf[65536];
	for (sqlite3_int64 off = 0; off < size && !out.err;) {
		int n = size - off < (sqlite3_int64)sizeof buf ? (int)(size - off) : (int)sizeof buf;
		if (f->pMethods->xRead(f, buf, n, off) != SQLITE_OK) {
			sl_pushf(errors, _("cannot write the backup %s: %s"), dest,
				 _("input/output error while reading the database"));
			atomic_abort(&out);
			return false;
		}
		atomic_write(&out, buf, (size_t)n);
		off += n;
	}
	err = atomic_commit(&out);
	if (err) {
		sl_pushf(errors, _("cannot write the backup %s: %s"), dest, strerror(err));
		return false;
	}
	return true;
}

/* Refuses to replace a live database that an open for writing would not
 * write to: one marked read-only, one this user may not write, one that
 * belongs to another user. */
static bool restore_may_replace(const char *path, const struct stat *st, struct strlist *errors)
{
	if (!(st->st_mode & 0222)) {
		sl_pushf(errors, _("%s is read-only (mode %03o): it is not replaced; if it is to be restored, "
				   "make it writable first (chmod u+w %s)"),
			 path, (unsigned)(st->st_mode & 0777), path);
		return false;
	}
	if (st->st_uid != geteuid()) {
		struct passwd *pw = getpwuid(st->st_uid);
		sl_pushf(errors, _("%s belongs to another user (%s, mode %03o): it is not replaced; "
				   "its owner must restore it"),
			 path, pw ? pw->pw_name : "?", (unsigned)(st->st_mode & 0777));
		return false;
	}
	if (access(path, W_OK) != 0) {
		sl_pushf(errors, _("%s cannot be written by you (%s, mode %03o): it is not replaced"), path,
			 strerror(errno), (unsigned)(st->st_mode & 0777));
		return false;
	}
	return true;
}

/* Replaces the contents of the existing database `path` by those of `src`
 * (the checked backup `from`) in one transaction on the live file, keeping
 * the replaced contents as a "pre-restore" backup first.  The backup API's
 * first step takes the exclusive lock on the live file and copies nothing;
 * while it is held no other program can commit, so the pre-restore copy
 * made then holds every save acknowledged before, and saves that wait for
 * the lock commit into the restored file afterwards. */
static bool restore_into_live(const char *path, const char *from, sqlite3 *src, char **kept,
			      struct strlist *errors)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		sl_pushf(errors, _("cannot open %s: %s"), path, strerror(errno));
		return false;
	}
	if (S_ISREG(st.st_mode) && !restore_may_replace(path, &st, errors))
		return false;
	sqlite3 *live = db_open(path, DB_EXISTING, errors);
	if (!live)
		return false;
	bool ok = false;
	sqlite3_backup *b = sqlite3_backup_init(live, "main", src, "main");
	if (!b) {
		db_error(live, errors, path);
		db_close(live);
		return false;
	}
	int rc = sqlite3_backup_step(b, 0);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
			sl_pushf(errors, ngettext("%s is in use by another program, which is still saving after %d "
						  "second: nothing was restored; try again when it has finished",
						  "%s is in use by another program, which is still saving after %d "
						  "seconds: nothing was restored; try again when it has finished",
						  (unsigned long)((busy_timeout() + 999) / 1000)),
				 path, (busy_timeout() + 999) / 1000);
		else
			db_error(live, errors, path);
		goto out;
	}
	char *dir = NULL, *base = NULL;
	char *dest = backup_name(path, "pre-restore", &dir, &base, errors);
	if (dest && copy_locked_file(live, dest, errors)) {
		prune_backups(dir, base);
		*kept = dest;
	} else {
		free(dest);
	}
	free(dir);
	free(base);
	if (!*kept) {
		sl_pushf(errors, _("%s: the replaced database could not be kept, so nothing was restored"), path);
		goto out;
	}
	rc = sqlite3_backup_step(b, -1);
	if (rc != SQLITE_DONE) {
		db_error(live, errors, from);
		sl_pushf(errors, _("%s: nothing was restored"), path);
		goto out;
	}
	ok = true;
out:
	rc = sqlite3_backup_finish(b);
	if (ok && rc != SQLITE_OK) {
		db_error(live, errors, path);
		ok = false;
	}
	db_close(live);
	return ok;
}

bool db_restore(const char *path, const char *from, char **kept, struct strlist *errors)
{
	*kept = NULL;
	/* Check the backup where it lies, read-only. */
	sqlite3 *src = NULL;
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		db_error(src, errors, from);
		db_close(src);
		return false;
	}
	sqlite3_extended_result_codes(src, 1);
	bool ok = true;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(src, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) {
		db_error(src, errors, from);
		ok = false;
	} else {
		int rc = sqlite3_step(st);
		if (rc != SQLITE_ROW) {
			db_error(src, errors, from);
			ok = false;
		} else if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
			sl_pushf(errors, _("%s is damaged (%s): it is not restored"), from,
				 (const char *)sqlite3_column_text(st, 0));
			ok = false;
		}
	}
	sqlite3_finalize(st);
	int version = 0;
	if (ok && !check_ours(src, from, &version, errors))
		ok = false;
	if (ok && version < 1) {
		sl_pushf(errors, _("%s is not a wardsafe database: it is not restored"), from);
		ok = false;
	}
	/* What the migration would refuse after the restore is refused
	 * before, while the live file is still untouched. */
	if (ok && version < schema_version && !foreign_keys_hold(src, from, errors))
		ok = false;
	if (ok) {
		struct stat stt;
		if (stat(path, &stt) == 0) {
			ok = restore_into_live(path, from, src, kept, errors);
		} else {
			/* No live file: the copy becomes it (nobody can be saving
			 * into a file that does not exist). */
			char *dir = dir_of(path);
			ok = db_make_dirs(dir, errors);
			free(dir);
			if (ok)
				ok = db_backup_to(src, path, errors);
		}
	}
	db_close(src);
	/* A backup of an older schema is updated at once, as any open would
	 * (after its own pre-vN copy), so that the file is at once what this
	 * version reads, read-only openers (the roll-up) included. */
	if (ok && version < schema_version) {
		sqlite3 *m = db_open(path, DB_EXISTING, errors);
		if (m) {
			db_close(m);
		} else {
			sl_pushf(errors, _("%s was restored from a file of an older version of wardsafe, which could "
					   "not be updated to this version"),
				 path);
			ok = false;
		}
	}
	return ok;
}
