/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema.c - SQL of every schema version.  Never edit a migration that has
 * shipped; add a new one at the end.  CHECK constraints mirror the rules in
 * validate.c so that no other writer can store what the program refuses. */
#include "config.h"

#include <stddef.h>

#include "schema.h"

/* A date column: ISO text that is a real calendar date (the modifier makes
 * date() normalize 2023-02-30, which it would otherwise echo back). */
#define DATE_OK(c) "(" c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(" c ", '+0 days') = " c ")"
#define COUNT_OK(c) "(" c " BETWEEN 0 AND 2147483647)"

/* Migration 4: every table whose ids the audit log names (all but ward,
 * whose only id is 1), then the audit table itself (append-only; its ids
 * order the log).  Without AUTOINCREMENT SQLite hands out max(id) + 1, so
 * the id of the highest record came back after its deletion and two
 * records shared one id in the audit log (issue 12). */
static const char *const ids_never_reused[] = {
	"category", "rgroup", "population", "survey", "commitment", "app114", "incident",
	"outreach", "fireteam", "establishments", "target", "closing", "audit", NULL,
};

const struct schema_migration schema_migrations[] = {
	/* 1: the first schema */
	{ "CREATE TABLE ward ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
	" district TEXT NOT NULL DEFAULT '' CHECK (length(district) <= 200),"
	" province TEXT NOT NULL DEFAULT '' CHECK (length(province) <= 200),"
	" unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 200),"
	" parent_unit TEXT NOT NULL DEFAULT '' CHECK (length(parent_unit) <= 200),"
	" place TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 200)"
	") STRICT;"
	"CREATE TABLE category ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32 AND code NOT GLOB '*[^a-z0-9_]*'),"
	" name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200)"
	") STRICT;"
	"CREATE TABLE rgroup ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 16 AND code NOT GLOB '*[^A-Za-z0-9_.-]*'),"
	" name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
	" leader TEXT NOT NULL DEFAULT '' CHECK (length(leader) <= 200),"
	" active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
	" closed TEXT CHECK (closed IS NULL OR " DATE_OK("closed") "),"
	" search_key TEXT NOT NULL DEFAULT ''"
	") STRICT;"
	"CREATE TABLE population ("
	" id INTEGER PRIMARY KEY,"
	" group_id INTEGER NOT NULL REFERENCES rgroup(id),"
	" date TEXT NOT NULL CHECK " DATE_OK("date") ","
	" households INTEGER NOT NULL CHECK " COUNT_OK("households") ","
	" residents INTEGER NOT NULL CHECK " COUNT_OK("residents") ","
	" CHECK (residents >= households),"
	" UNIQUE (group_id, date)"
	") STRICT;"
	"CREATE TABLE survey ("
	" id INTEGER PRIMARY KEY,"
	" group_id INTEGER NOT NULL REFERENCES rgroup(id),"
	" date TEXT NOT NULL CHECK " DATE_OK("date") ","
	" surveyed INTEGER NOT NULL CHECK " COUNT_OK("surveyed") ","
	" with_extinguisher INTEGER NOT NULL CHECK " COUNT_OK("with_extinguisher") ","
	" extinguishers INTEGER CHECK (extinguishers IS NULL OR " COUNT_OK("extinguishers") "),"
	" CHECK (with_extinguisher <= surveyed),"
	" CHECK (extinguishers IS NULL OR extinguishers >= with_extinguisher),"
	" UNIQUE (group_id, date)"
	") STRICT;"
	"CREATE TABLE commitment ("
	" id INTEGER PRIMARY KEY,"
	" group_id INTEGER NOT NULL REFERENCES rgroup(id),"
	" date TEXT NOT NULL CHECK " DATE_OK("date") ","
	" pccc INTEGER CHECK (pccc IS NULL OR " COUNT_OK("pccc") "),"
	" antt INTEGER CHECK (antt IS NULL OR " COUNT_OK("antt") "),"
	" CHECK (pccc IS NOT NULL OR antt IS NOT NULL),"
	" UNIQUE (group_id, date)"
	") STRICT;"
	"CREATE TABLE app114 ("
	" id INTEGER PRIMARY KEY,"
	" group_id INTEGER NOT NULL REFERENCES rgroup(id),"
	" date TEXT NOT NULL CHECK " DATE_OK("date") ","
	" installs INTEGER NOT NULL CHECK " COUNT_OK("installs") ","
	" UNIQUE (group_id, date)"
	") STRICT;"
	"CREATE TABLE incident ("
	" id INTEGER PRIMARY KEY,"
	" group_id INTEGER NOT NULL REFERENCES rgroup(id),"
	" date TEXT NOT NULL CHECK " DATE_OK("date") ","
	" category_id INTEGER NOT NULL REFERENCES category(id),"
	" count INTEGER NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 2147483647),"
	" note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500)"
	") STRICT;"
	"CREATE TABLE outreach ("
	" id INTEGER PRIMARY KEY,"
	" date TEXT NOT NULL CHECK " DATE_OK("date") ","
	" kind TEXT NOT NULL CHECK (kind IN ('radio', 'mobile', 'meeting', 'online', 'other')),"
	" sessions INTEGER NOT NULL DEFAULT 1 CHECK (sessions BETWEEN 1 AND 2147483647),"
	" group_id INTEGER REFERENCES rgroup(id),"
	" note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500)"
	") STRICT;"
	"CREATE TABLE fireteam ("
	" id INTEGER PRIMARY KEY,"
	" group_id INTEGER NOT NULL REFERENCES rgroup(id),"
	" kind TEXT NOT NULL CHECK (kind IN ('team', 'point')),"
	" name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
	" households INTEGER CHECK ((kind = 'team' AND households BETWEEN 5 AND 15)"
	"  OR (kind = 'point' AND households IS NULL)),"
	" established TEXT NOT NULL CHECK " DATE_OK("established") ","
	" closed TEXT CHECK (closed IS NULL OR (" DATE_OK("closed") " AND closed >= established))"
	") STRICT;"
	"CREATE TABLE establishments ("
	" id INTEGER PRIMARY KEY,"
	" date TEXT NOT NULL UNIQUE CHECK " DATE_OK("date") ","
	" managed INTEGER NOT NULL CHECK " COUNT_OK("managed") ","
	" with_file INTEGER NOT NULL CHECK " COUNT_OK("with_file") ","
	" CHECK (with_file <= managed)"
	") STRICT;"
	"CREATE TABLE target ("
	" id INTEGER PRIMARY KEY,"
	" year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),"
	" indicator TEXT NOT NULL CHECK (length(indicator) BETWEEN 1 AND 64),"
	" value REAL NOT NULL CHECK (value >= 0),"
	" UNIQUE (year, indicator)"
	") STRICT;"
	"CREATE TABLE closing ("
	" id INTEGER PRIMARY KEY,"
	" period TEXT NOT NULL UNIQUE CHECK (length(period) BETWEEN 4 AND 32),"
	" first_day TEXT NOT NULL CHECK " DATE_OK("first_day") ","
	" last_day TEXT NOT NULL CHECK " DATE_OK("last_day") ","
	" note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500)"
	") STRICT;"
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" operator TEXT NOT NULL,"
	" tbl TEXT NOT NULL,"
	" row_id INTEGER NOT NULL,"
	" action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
	" old TEXT,"
	" new TEXT"
	") STRICT;"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	" BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE INDEX incident_date ON incident(date);"
	"CREATE INDEX incident_group ON incident(group_id, date);"
	"CREATE INDEX outreach_date ON outreach(date);"
	"CREATE INDEX fireteam_group ON fireteam(group_id);"
	"CREATE INDEX audit_at ON audit(at);", NULL },
	/* 2: the ward's code, its organisation unit in DHIS2 (dhis2.c); at
	 * most 32 characters so that WARD-GROUP codes stay within DHIS2's 50 */
	{ "ALTER TABLE ward ADD COLUMN code TEXT NOT NULL DEFAULT ''"
	  " CHECK (length(code) <= 32 AND code NOT GLOB '*[^A-Za-z0-9_.-]*');", NULL },
	/* 3: the file says it is wardsafe's (PRAGMA application_id), so that
	 * db.c (db_check_ours) can refuse another program's SQLite file before
	 * running any SQL against our tables.  New files get it too, since they
	 * run every migration. */
	{ "PRAGMA application_id = " SCHEMA_APPLICATION_ID_TEXT ";", NULL },
	/* 4: ids are never reused, even after the highest record is deleted:
	 * the tables are rebuilt with id INTEGER PRIMARY KEY AUTOINCREMENT
	 * (db.c, rebuild_table), everything else in them unchanged. */
	{ NULL, ids_never_reused },
	/* 5: the officer's paragraphs of a report (kind narrative): one text
	 * per period and section; line breaks are LF only (validate.c turns
	 * CR LF into LF) and no other control character below U+0020. */
	{ "CREATE TABLE narrative ("
	  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
	  " period TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 32),"
	  " section TEXT NOT NULL CHECK (section IN ('situation', 'problems', 'plans')),"
	  " text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000"
	  "  AND text NOT GLOB ('*[' || char(1) || '-' || char(9) || char(11) || '-' || char(31) || char(127) || ']*')),"
	  " UNIQUE (period, section)"
	  ") STRICT;", NULL },
};

const int schema_version = (int)(sizeof schema_migrations / sizeof schema_migrations[0]);
