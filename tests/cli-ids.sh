#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-ids.sh - ids are never reused (issue 12): after the highest record is
# deleted the next one gets a new id, so every line of the audit log names
# one record; a file of schema 3 (ids without AUTOINCREMENT) is migrated
# after a pre-v4 backup, every row and id kept, and an id deleted before the
# migration is not handed out again either; its schema is then a new
# file's; a restored backup of schema 3 is migrated at once.  Older files are
# written by tests/old-schema; the sqlite3 shell looks inside.
. "$top_srcdir/tests/lib.sh"

OLD_SCHEMA="$top_builddir/tests/old-schema"
if ! command -v sqlite3 >/dev/null; then
	skip "ids never reused" "no sqlite3 shell"
	finish
fi

DB="$T/w.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward "Lam Sơn"

# ---- after a deletion, through the command line
for c in 1 2 3; do
	ws add group code=$c "name=Tổ $c"
done
[ "$(cat "$T/out")" = 3 ]; ok $? "three groups: 1, 2, 3"
for d in 05 06 07; do
	ws add incident group=1 date=2023-10-$d category=theft
done
[ "$(cat "$T/out")" = 3 ]; ok $? "three incidents: 1, 2, 3"
ws delete incident 3
expect_rc 0 "the highest incident is deleted"
ws add incident group=1 date=2023-10-08 category=theft
expect_rc 0 "another incident"
[ "$(cat "$T/out")" = 4 ]; ok $? "gets a new id, 4, not the deleted 3 (got $(cat "$T/out"))"
ws delete group 3
ws add group code=4 "name=Tổ 4"
[ "$(cat "$T/out")" = 4 ]; ok $? "so does a group after the highest is deleted (got $(cat "$T/out"))"
ws list incident
[ "$(cut -f1 "$T/out" | tail -n +2 | tr '\n' ' ')" = "1 2 4 " ]; ok $? "the incidents are 1, 2 and 4"
ws audit --format tsv
expect_rc 0 "the audit log"
# Each record of the log has one insert at most, and nothing after its delete.
awk -F '\t' 'NR > 1 { k = $4 " " $5; if ($6 == "insert" && ins[k]++) bad = 1 }
	END { exit bad }' "$T/out"
ok $? "no id of a kind is inserted twice"
[ "$(awk -F '\t' '$4 == "incident" && $5 == 3 { print $6 }' "$T/out" | tr '\n' ' ')" = "delete insert " ]
ok $? "incident 3's lines are its insert and its delete only"
[ "$(awk -F '\t' '$4 == "group" && $5 == 3 { print $6 }' "$T/out" | tr '\n' ' ')" = "delete insert " ]
ok $? "group 3's lines are its insert and its delete only"

# ---- a file of schema 3
# dump FILE: every table's rows, in id order, and the audit log.
dump() {
	for t in ward category rgroup population survey commitment app114 incident outreach \
		fireteam establishments target closing audit; do
		echo "== $t"
		sqlite3 "$1" "SELECT * FROM $t ORDER BY id"
	done
}
# schema FILE: the file's schema, statement by statement.
schema() {
	sqlite3 "$1" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
}
DEMO="$T/demo.db"
demo_db "$DEMO"
V3="$T/v3/w.db"
mkdir -p "$T/v3"
"$OLD_SCHEMA" "$V3" 3 "$DEMO"
ok $? "a schema-3 file with the demo's records"
# The highest incident and the highest outreach session are deleted as
# schema 3 wardsafe did: the audit log keeps their ids.
sqlite3 "$V3" "
	INSERT INTO audit(at, operator, tbl, row_id, action, old, new)
		SELECT '2026-11-20 08:00:00', 'test', 'incident', max(id), 'delete', '{}', NULL FROM incident;
	INSERT INTO audit(at, operator, tbl, row_id, action, old, new)
		SELECT '2026-11-20 08:00:00', 'test', 'outreach', max(id), 'delete', '{}', NULL FROM outreach;
	DELETE FROM incident WHERE id = (SELECT max(id) FROM incident);
	DELETE FROM outreach WHERE id = (SELECT max(id) FROM outreach);"
[ "$(sqlite3 "$V3" "PRAGMA user_version; PRAGMA application_id" | tr '\n' ' ')" = "3 1463898692 " ] &&
	! sqlite3 "$V3" .schema | grep -q AUTOINCREMENT
ok $? "it is schema 3: marked as wardsafe's, no AUTOINCREMENT"
gone_incident=$(sqlite3 "$V3" "SELECT max(row_id) FROM audit WHERE tbl = 'incident'")
gone_outreach=$(sqlite3 "$V3" "SELECT max(row_id) FROM audit WHERE tbl = 'outreach'")
[ "$gone_incident" -gt "$(sqlite3 "$V3" "SELECT max(id) FROM incident")" ]
ok $? "its highest incident id ($gone_incident) is in the audit log only"
cp "$V3" "$T/v3-saved.db"
dump "$V3" > "$T/before.txt"

run --lang en rollup "$V3" --period 2023-Q3 --format tsv
[ "$rc" -eq 3 ] && grep -qF "older version of wardsafe (schema 3" "$T/err"
ok $? "rollup of the schema-3 file asks to open it once"
run --lang en --db "$V3" check
expect_rc 0 "wardsafe check opens the schema-3 file"
# (and on to the latest schema, 5: the table narrative)
[ "$(sqlite3 "$V3" "PRAGMA user_version")" = 5 ]; ok $? "it is migrated to schema 4 and on to 5"
n=$(ls "$T/v3/backups" | grep -c -- '-pre-v5\.db$')
[ "$n" -eq 1 ]; ok $? "after one backup before the migration ($n)"
b=$(ls "$T/v3/backups/"*-pre-v5.db | head -n 1)
[ "$(sqlite3 "$b" "PRAGMA user_version")" = 3 ] && dump "$b" | cmp -s - "$T/before.txt"
ok $? "the backup is the schema-3 file as it was"
dump "$V3" > "$T/after.txt"
expect_same "$T/after.txt" "$T/before.txt" "every row is kept with its id"
FRESH="$T/fresh.db"
"$WARDSAFE_BIN" --db "$FRESH" init --ward "X" >/dev/null
schema "$V3" > "$T/schema-migrated.txt"
schema "$FRESH" > "$T/schema-fresh.txt"
expect_same "$T/schema-migrated.txt" "$T/schema-fresh.txt" "its schema is a new file's"
[ "$(grep -c 'id INTEGER PRIMARY KEY AUTOINCREMENT' "$T/schema-fresh.txt")" -eq 14 ]
ok $? "a new file has 14 tables with AUTOINCREMENT ids (13 of schema 4, narrative of 5)"
expect_grep "$T/schema-fresh.txt" "id INTEGER PRIMARY KEY CHECK (id = 1)" "the ward's id is unchanged"
# Every constraint survives: STRICT, CHECK, UNIQUE, REFERENCES, the indexes
# and the audit log's triggers (the first schema's text, as in schema 3).
sqlite3 "$T/v3-saved.db" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name" |
	sed 's/^\(table|[a-z0-9]*|[a-z0-9]*|CREATE TABLE \)\([a-z0-9]*\) ( id INTEGER PRIMARY KEY,/\1"\2" ( id INTEGER PRIMARY KEY AUTOINCREMENT,/' \
	> "$T/schema-v3-plus.txt"
grep -v '^table|sqlite_sequence|' "$T/schema-migrated.txt" | grep -v '^[a-z]*|[a-z_0-9]*|narrative|' > "$T/schema-m2.txt"
expect_same "$T/schema-m2.txt" "$T/schema-v3-plus.txt" "each table is schema 3's, word for word, plus AUTOINCREMENT"
[ "$(sqlite3 "$V3" "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%) STRICT' AND name <> 'sqlite_sequence'")" = 0 ]
ok $? "every table is still STRICT"
fk() {
	sqlite3 "$V3" "SELECT '$1', \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('$1')"
}
[ "$(fk population; fk incident; fk outreach)" = "population|rgroup|group_id|id
incident|category|category_id|id
incident|rgroup|group_id|id
outreach|rgroup|group_id|id" ]
ok $? "population, incident and outreach still refer to rgroup(id) and category(id)"
[ -z "$(sqlite3 "$V3" "PRAGMA foreign_key_check")" ]; ok $? "foreign_key_check is clean"
[ "$(sqlite3 "$V3" "PRAGMA integrity_check")" = ok ]; ok $? "integrity_check is ok"
[ "$(sqlite3 "$V3" "SELECT seq FROM sqlite_sequence WHERE name = 'incident'")" = "$gone_incident" ]
ok $? "incident ids go on after the deleted one ($gone_incident)"
[ "$(sqlite3 "$V3" "SELECT seq FROM sqlite_sequence WHERE name = 'audit'")" = "$(sqlite3 "$V3" "SELECT max(id) FROM audit")" ]
ok $? "audit ids go on after the last line"
g=$(sqlite3 "$V3" "SELECT code FROM rgroup ORDER BY id LIMIT 1")
run --lang en --db "$V3" add incident group="$g" date=2023-10-09 category=theft --force
expect_rc 0 "an incident is added to the migrated file"
[ "$(cat "$T/out")" = $((gone_incident + 1)) ]
ok $? "with id $((gone_incident + 1)), not the deleted $gone_incident (got $(cat "$T/out"))"
run --lang en --db "$V3" add outreach date=2023-10-09 kind=radio
[ "$(cat "$T/out")" = $((gone_outreach + 1)) ]
ok $? "an outreach session gets $((gone_outreach + 1)), not the deleted $gone_outreach (got $(cat "$T/out"))"
run --lang en rollup "$V3" --period 2023-Q3 --format tsv
expect_rc 0 "rollup then reads it"

# ---- a record referring to a missing one: the migration is refused
BAD="$T/bad/w.db"
mkdir -p "$T/bad"
cp "$T/v3-saved.db" "$BAD"
sqlite3 "$BAD" "INSERT INTO population(group_id, date, households, residents) VALUES (999, '2023-01-01', 1, 2)"
dump "$BAD" > "$T/bad-before.txt"
run --lang en --db "$BAD" list group
[ "$rc" -eq 3 ] && grep -qF "1 record refers to a record that does not exist (table population" "$T/err"
ok $? "a schema-3 file with a dangling reference is refused, saying why (exit $rc)"
[ "$rc" -eq 3 ] || sed 's/^/#   /' "$T/err" | head -5
[ "$(sqlite3 "$BAD" "PRAGMA user_version")" = 3 ] && dump "$BAD" | cmp -s - "$T/bad-before.txt"
ok $? "and left at schema 3 with every row"

# ---- restoring a backup of schema 3 into a file of schema 4
LIVE="$T/live/w.db"
mkdir -p "$T/live"
cp "$DEMO" "$LIVE"
run --lang en --db "$LIVE" restore "$T/v3-saved.db"
expect_rc 0 "a schema-3 backup is restored into a schema-4 file"
expect_grep "$T/out" "The replaced database was kept as" "the replaced file is kept"
[ "$(sqlite3 "$LIVE" "PRAGMA user_version")" = 5 ]; ok $? "the restored file is migrated at once"
[ "$(ls "$T/live/backups" | grep -c -- '-pre-v5\.db$')" -eq 1 ]; ok $? "after a backup before the migration"
schema "$LIVE" > "$T/schema-restored.txt"
expect_same "$T/schema-restored.txt" "$T/schema-fresh.txt" "its schema is a new file's"
dump "$LIVE" > "$T/restored.txt"
expect_same "$T/restored.txt" "$T/before.txt" "with the backup's rows and ids"
run --lang en rollup "$LIVE" --period 2023-Q3 --format tsv
expect_rc 0 "rollup reads it at once"
run --lang en --db "$LIVE" add incident group="$g" date=2023-10-09 category=theft --force
[ "$(cat "$T/out")" = $((gone_incident + 1)) ]
ok $? "a new incident gets $((gone_incident + 1)), not the deleted $gone_incident (got $(cat "$T/out"))"
run --lang en --db "$LIVE" check
expect_rc 0 "wardsafe check passes"

# A backup of schema 3 that could not be migrated is refused before the live
# file is touched.
sum=$(cksum < "$LIVE")
run --lang en --db "$LIVE" restore "$BAD"
[ "$rc" -eq 3 ] && grep -qF "1 record refers to a record that does not exist" "$T/err"
ok $? "a schema-3 backup with a dangling reference is not restored (exit $rc)"
[ "$(cksum < "$LIVE")" = "$sum" ] && [ "$(ls "$T/live/backups" | grep -c pre-restore)" -eq 1 ]
ok $? "the live file is unchanged, no second pre-restore copy"

finish
