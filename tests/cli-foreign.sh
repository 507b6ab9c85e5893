#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-foreign.sh - SQLite files of other programs (issue 12): whatever their
# user_version or table names, every command refuses them with one message
# naming the file, before it reads our tables or copies the file into
# backups/; restore refuses them as a backup; a genuine older wardsafe file
# still opens and is migrated.  The files are made with the sqlite3 shell.
. "$top_srcdir/tests/lib.sh"

if ! command -v sqlite3 >/dev/null; then
	skip "files of other programs" "no sqlite3 shell"
	finish
fi

W="$T/ward"
mkdir -p "$W"
GOOD="$W/good.db"
demo_db "$GOOD"
MARK="not a wardsafe database (it belongs to another program)"

# foreign NAME SQL: a file of another program in its own directory.
foreign() {
	mkdir -p "$T/$1"
	sqlite3 "$T/$1/$1.db" "$2"
}
foreign notes1 "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('x'); PRAGMA user_version = 1;"
foreign notes2 "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('x'); PRAGMA user_version = 2;"
foreign names1 "CREATE TABLE ward(a, b); CREATE TABLE rgroup(c); CREATE TABLE audit(d); INSERT INTO ward VALUES (1, 2); PRAGMA user_version = 1;"
foreign names2 "CREATE TABLE ward(a, b); CREATE TABLE rgroup(c); CREATE TABLE audit(d); INSERT INTO ward VALUES (1, 2); PRAGMA user_version = 2;"
foreign otherid "CREATE TABLE notes(a); PRAGMA application_id = 1234; PRAGMA user_version = 3;"

for f in notes1 notes2 names1 names2 otherid; do
	F="$T/$f/$f.db"
	sum=$(cksum < "$F")
	for cmd in "list incident" "list group" "summary --period 2023-Q3" check "export all -o $T/$f/out" \
		"add incident group=9 date=2026-11-20 category=theft"; do
		# shellcheck disable=SC2086
		run --lang en --db "$F" $cmd
		[ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] && [ "$(grep -c . "$T/err")" -eq 1 ] &&
			grep -qF -- "$F is $MARK" "$T/err" && ! grep -q "internal error" "$T/err"
		ok $? "$f: '$cmd' is refused with one message naming the file, no crash (exit $rc)"
		[ "$rc" -ne 0 ] && [ "$(grep -c . "$T/err")" -eq 1 ] || sed 's/^/#   /' "$T/err" | head -5
	done
	run --lang en rollup "$GOOD" "$F" --period 2023-Q3 --format tsv
	[ "$rc" -eq 3 ] && [ ! -s "$T/out" ] && grep -qF -- "$F is $MARK" "$T/err"
	ok $? "$f: rollup refuses it (exit $rc)"
	screens "tui-$f" 'q' --lang en --db "$F"
	[ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] && grep -qF -- "$F is $MARK" "$T/tui-$f.err"
	ok $? "$f: the screens do not start (exit $rc)"
	[ ! -e "$T/$f/backups" ]; ok $? "$f: nothing was copied into backups/"
	[ "$(cksum < "$F")" = "$sum" ]; ok $? "$f: the file is unchanged"
done

# In Vietnamese, the default language.
run --db "$T/names2/names2.db" list incident
expect_grep "$T/err" "$T/names2/names2.db không phải là cơ sở dữ liệu wardsafe (đó là tệp của một chương trình khác)" \
	"the message is in Vietnamese by default"

# ---- restore of another program's file: refused, the live file unchanged
LIVE="$W/live.db"
demo_db "$LIVE"
"$WARDSAFE_BIN" --db "$LIVE" list group >/dev/null 2>&1 # today's daily backup
sum=$(cksum < "$LIVE")
for f in notes1 notes2 names1 names2 otherid; do
	run --lang en --db "$LIVE" restore "$T/$f/$f.db"
	[ "$rc" -eq 3 ] && grep -qF -- "$T/$f/$f.db is $MARK" "$T/err"
	ok $? "restore of $f is refused (exit $rc)"
	[ "$rc" -eq 3 ] || sed 's/^/#   /' "$T/err" | head -5
done
[ "$(cksum < "$LIVE")" = "$sum" ]; ok $? "the live file is unchanged"
[ "$(ls "$W/backups" | grep -c pre-restore)" -eq 0 ]; ok $? "no pre-restore copy was made"

# ---- a genuine wardsafe file of schema 2 (before application_id), with the
# demo's records, written by tests/old-schema, still opens
OLD="$T/old/w.db"
mkdir -p "$T/old"
"$top_builddir/tests/old-schema" "$OLD" 2 "$GOOD"
"$WARDSAFE_BIN" --lang en --db "$GOOD" list incident > "$T/want"
run --lang en rollup "$OLD" --period 2023-Q3 --format tsv
[ "$rc" -eq 3 ] && grep -qF "older version of wardsafe" "$T/err"
ok $? "rollup of a schema-2 file asks to open it once to update it"
run --lang en --db "$OLD" list incident
expect_rc 0 "a schema-2 wardsafe file opens"
expect_same "$T/out" "$T/want" "with every incident"
[ "$(sqlite3 "$OLD" "PRAGMA application_id")" = 1463898692 ] &&
	[ "$(sqlite3 "$OLD" "PRAGMA user_version")" -ge 3 ]
ok $? "it is migrated and marked as wardsafe's"
[ "$(ls "$T/old/backups" | grep -c 'pre-v')" -eq 1 ]; ok $? "after a pre-migration backup"
run --lang en rollup "$OLD" --period 2023-Q3 --format tsv
expect_rc 0 "then rollup reads it"
# A schema-2 file with one table changed is not ours.
"$top_builddir/tests/old-schema" "$T/old/changed.db" 2 "$GOOD"
sqlite3 "$T/old/changed.db" "ALTER TABLE rgroup ADD COLUMN extra TEXT;"
run --lang en --db "$T/old/changed.db" list incident
[ "$rc" -ne 0 ] && grep -qF "$MARK" "$T/err"
ok $? "a schema-2 file whose tables differ from ours is refused"

finish
