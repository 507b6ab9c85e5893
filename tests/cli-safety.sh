#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-safety.sh - backups (daily, on demand, pruning), restore with checks,
# the audit log, start-up warnings, file modes whatever the umask.
. "$top_srcdir/tests/lib.sh"

DB="$T/ward/w.db"
mkdir -p "$T/ward"
"$WARDSAFE_BIN" --db "$DB" demo >/dev/null
ws() { run --lang en --db "$DB" "$@"; }
backups() { ls "$T/ward/backups" 2>/dev/null | grep -c "$1"; }

# ---- the first start of each day leaves a backup
[ "$(backups daily)" -eq 0 ]; ok $? "creating the database makes no daily backup"
ws list group
[ "$(backups daily)" -eq 1 ]; ok $? "the first command of the day makes one"
ws summary
[ "$(backups daily)" -eq 1 ]; ok $? "later ones the same day do not"
WARDSAFE_NOW=2026-11-25 "$WARDSAFE_BIN" --db "$DB" list group >/dev/null
[ "$(backups daily)" -eq 2 ]; ok $? "the next day gets its own"
[ "$(stat -c %a "$T/ward/backups")" = 700 ] && [ "$(stat -c %a "$T"/ward/backups/*daily.db | sort -u)" = 600 ]
ok $? "backups are readable by their owner only"
printf '[database]\nbackups_keep = 2\n' > "$T/keep.ini"
for d in 26 27 28; do
	WARDSAFE_NOW=2026-11-$d "$WARDSAFE_BIN" --config "$T/keep.ini" --db "$DB" list group >/dev/null
done
[ "$(backups daily)" -eq 2 ]; ok $? "only backups_keep automatic backups are kept"
ws backup
[ "$(backups manual)" -eq 1 ]; ok $? "wardsafe backup adds a copy"
WARDSAFE_NOW=2026-11-29 "$WARDSAFE_BIN" --config "$T/keep.ini" --db "$DB" list group >/dev/null
[ "$(backups manual)" -eq 1 ]; ok $? "copies made on request are never pruned"

# ---- restore
GOOD=$(ls "$T"/ward/backups/*manual.db)
before=$("$WARDSAFE_BIN" --db "$DB" list survey | wc -l)
ws add incident group=9 date=2026-11-20 category=theft note=after-backup
ws restore "$GOOD"
expect_rc 0 "restore a backup"
expect_grep "$T/out" "kept as" "it says where the replaced database was kept"
ws list incident
expect_no_grep "$T/out" "after-backup" "the entry made after the backup is gone"
kept=$(ls "$T"/ward/backups/*pre-restore.db)
"$WARDSAFE_BIN" --db "$kept" list incident | grep -q after-backup; ok $? "and is in the kept copy"
[ "$("$WARDSAFE_BIN" --db "$DB" list survey | wc -l)" -eq "$before" ]; ok $? "the restored data is complete"
cp "$DB" "$T/before.db"
printf 'garbage' > "$T/junk.db"
ws restore "$T/junk.db"
expect_rc 3 "a file that is not a database is refused"
head -c 8192 "$DB" > "$T/cut.db"
ws restore "$T/cut.db"
expect_rc 3 "a truncated database is refused"
sqlite3 "$T/other.db" "CREATE TABLE t(x)" 2>/dev/null || printf 'x' > "$T/other.db"
ws restore "$T/other.db"
expect_rc 3 "another program's database is refused"
cp "$GOOD" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99" 2>/dev/null
if [ -s "$T/newer.db" ] && command -v sqlite3 >/dev/null; then
	ws restore "$T/newer.db"
	expect_rc 3 "a database from a newer version is refused"
	expect_grep "$T/err" "newer version" "with the reason"
else
	tap_n=$((tap_n + 2)); echo "ok $((tap_n - 1)) # SKIP sqlite3 missing"; echo "ok $tap_n # SKIP sqlite3 missing"
fi
ws restore "$T/missing.db"
expect_rc 3 "a missing file"
cmp -s "$DB" "$T/before.db"; ok $? "a refused restore leaves the database untouched"

# ---- the audit log
ws add incident group=9 date=2026-11-21 category=fraud "note=audited entry"
id=$(cat "$T/out")
ws edit incident "$id" count=2
printf '[general]\noperator = Đại úy Lê Văn B\n' > "$T/op.ini"
"$WARDSAFE_BIN" --config "$T/op.ini" --db "$DB" delete incident "$id" >/dev/null
ws audit --period 2026-11
expect_rc 0 "wardsafe audit"
grep "incident $id: count 1 → 2" "$T/out" >/dev/null; ok $? "an update shows old and new values"
grep "delete  incident $id" "$T/out" | grep -q "Đại úy Lê Văn B"; ok $? "a deletion names its operator"
ws audit --operator "Đại úy Lê Văn B" --format tsv
[ "$(sed 1d "$T/out" | wc -l)" -eq 1 ]; ok $? "--operator keeps that operator's changes"
expect_grep "$T/out" "id	at	operator	kind	row	action	old	new" "the TSV header"
ws audit --period 2019
[ ! -s "$T/out" ]; ok $? "--period keeps the changes made in that period"

# ---- start-up warnings, file modes
WARDSAFE_FAKE_FSTYPE=nfs "$WARDSAFE_BIN" --lang en --db "$DB" summary > "$T/out" 2> "$T/err"
[ $? -eq 0 ]; ok $? "a database on a network file system still works"
expect_grep "$T/err" "network file system" "but gives a warning"
chmod 644 "$DB"
ws summary
expect_grep "$T/err" "can be read by other users" "a database others can read gives a warning"
chmod 600 "$DB"
ws summary
[ ! -s "$T/err" ]; ok $? "no warning once it is 0600"
(umask 000; "$WARDSAFE_BIN" --db "$T/um/new.db" init >/dev/null)
[ "$(stat -c %a "$T/um/new.db")" = 600 ] && [ "$(stat -c %a "$T/um")" = 700 ]
ok $? "a new database is 0600 in a 0700 directory even with umask 000"
(umask 000; "$WARDSAFE_BIN" --db "$DB" export group -o "$T/g.csv" && "$WARDSAFE_BIN" --db "$DB" report -o "$T/r.txt")
[ "$(stat -c %a "$T/g.csv")" = 600 ] && [ "$(stat -c %a "$T/r.txt")" = 600 ]
ok $? "exports and reports are 0600 even with umask 000"
finish
