#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-restore.sh - restore while others save (no acknowledged save is lost),
# restore refuses what an open for writing would not write, temporary files
# of killed runs, and the true reason when a database cannot be written.
. "$top_srcdir/tests/lib.sh"

DB="$T/ward/w.db"
mkdir -p "$T/ward"
"$WARDSAFE_BIN" --db "$DB" demo >/dev/null
printf '[database]\nbackups_keep = 10000\n' > "$T/keep.ini"
ws() { run --lang en --config "$T/keep.ini" --db "$DB" "$@"; }
ws backup
GOOD=$(ls "$T"/ward/backups/*manual.db)

# notes_of FILE: the notes of the incidents in a copy of database FILE (read
# from a copy, so that reading makes no backup beside the original).
notes_of() {
	rm -rf "$T/look"
	mkdir -p "$T/look"
	cp "$1" "$T/look/l.db"
	"$WARDSAFE_BIN" --lang en --config "$T/keep.ini" --db "$T/look/l.db" list incident | cut -f6
}

# ---- restores while another process saves
# The adder saves until the restorer is done (and at least 20 times after the
# first restore began), keeping the note of every save that printed an id.
# The restorer starts once the first save was acknowledged, so they overlap.
: > "$T/acked"
(
	i=0
	while [ $i -lt 3000 ]; do
		i=$((i + 1))
		id=$("$WARDSAFE_BIN" --config "$T/keep.ini" --db "$DB" add incident group=9 date=2026-11-20 \
			category=theft note="concurrent-$i" 2>>"$T/add-err")
		case $id in [0-9]*) echo "concurrent-$i" >> "$T/acked" ;; esac
		if [ -e "$T/restores-done" ]; then
			[ -z "${after:-}" ] && after=$i
			[ $((i - after)) -ge 5 ] && break
		fi
	done
	echo $i > "$T/adds"
) &
adder=$!
n=0
while [ ! -s "$T/acked" ] && [ $n -lt 600 ] && kill -0 $adder 2>/dev/null; do n=$((n + 1)); sleep 0.05; done
restores=0 refused=0
while [ $restores -lt 40 ]; do
	"$WARDSAFE_BIN" --config "$T/keep.ini" --db "$DB" restore "$GOOD" >/dev/null 2>>"$T/restore-err" \
		&& restores=$((restores + 1)) || refused=$((refused + 1))
	[ $refused -gt 50 ] && break
done
touch "$T/restores-done"
wait $adder
[ $restores -eq 40 ]; ok $? "40 restores succeed while another process saves ($refused refused)"
sed 's/^/#   /' "$T/restore-err" | head -5
acked=$(wc -l < "$T/acked")
[ "$acked" -gt 25 ]; ok $? "the saves went on meanwhile ($acked acknowledged of $(cat "$T/adds"))"
notes_of "$DB" > "$T/found"
for b in "$T"/ward/backups/*pre-restore*.db; do notes_of "$b"; done >> "$T/found"
sort -u "$T/found" > "$T/found.sorted"
sort -u "$T/acked" > "$T/acked.sorted"
comm -23 "$T/acked.sorted" "$T/found.sorted" > "$T/lost"
[ ! -s "$T/lost" ]; ok $? "every acknowledged save is in the live file or a pre-restore copy ($(wc -l < "$T/lost") lost)"
head -5 "$T/lost" | sed 's/^/#   lost: /'
[ "$(ls "$T"/ward/backups/*pre-restore*.db | wc -l)" -eq 40 ]; ok $? "each restore kept the replaced database"

# ---- restore refuses a live file that an open for writing would not write
cp "$DB" "$T/before.db"
chmod 400 "$DB"
ws restore "$GOOD"
expect_rc 3 "restore over a read-only (0400) database is refused"
expect_grep "$T/err" "is read-only (mode 400)" "the message says the file is read-only and its mode"
chmod 600 "$DB"
cmp -s "$DB" "$T/before.db"; ok $? "the read-only database is left untouched"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	chown nobody "$DB"
	ws restore "$GOOD"
	expect_rc 3 "restore over another user's database is refused"
	expect_grep "$T/err" "belongs to another user (nobody, mode 600)" "the message names the owner and mode"
	chown 0 "$DB"
	cmp -s "$DB" "$T/before.db"; ok $? "another user's database is left untouched"
else
	skip "restore over another user's database is refused" "needs root to give a file away"
	skip "the message names the owner and mode" "needs root"
	skip "another user's database is left untouched" "needs root"
fi
if [ "$(id -u)" -ne 0 ]; then
	mkdir -p "$T/ro"
	cp "$DB" "$T/ro/w.db"
	chmod 600 "$T/ro/w.db"
	chmod 500 "$T/ro"
	run --lang en --config "$T/keep.ini" --db "$T/ro/w.db" restore "$GOOD"
	chmod 700 "$T/ro"
	[ "$rc" -ne 0 ]; ok $? "restore into a read-only directory is refused"
	cmp -s "$T/ro/w.db" "$T/before.db"; ok $? "and leaves the database untouched"
else
	skip "restore into a read-only directory is refused" "root writes anywhere"
	skip "and leaves the database untouched" "root writes anywhere"
fi

# ---- temporary files of killed runs are removed at the next start
# A pid equal to pid_max is never a process; sleep is one that lives.
dead=$(cat /proc/sys/kernel/pid_max 2>/dev/null || echo 4194304)
sleep 600 &
alive=$!
B="$T/ward/backups"
for f in "$DB.wardsafe-tmp-$dead-Ab12Cd" "$DB.wardsafe-tmp-$dead-Ab12Cd-journal" \
	"$B/w-20261124-093000-manual.db.wardsafe-tmp-$dead-x1Y2z3" \
	"$DB.wardsafe-tmp-$alive-old111" "$DB.wardsafe-tmp-$alive-new111" \
	"$B/w-20261124-093000-daily.db.wardsafe-tmp-$alive-keep11" "$T/ward/notes.wardsafe-tmp-x-1"; do
	head -c 4096 /dev/zero > "$f"
done
touch -d '2020-01-01 00:00:00' "$DB.wardsafe-tmp-$alive-old111"
ws list group
[ ! -e "$DB.wardsafe-tmp-$dead-Ab12Cd" ] && [ ! -e "$DB.wardsafe-tmp-$dead-Ab12Cd-journal" ]
ok $? "a temporary file (and its journal) of a dead process beside the database is removed at the next start"
[ ! -e "$B/w-20261124-093000-manual.db.wardsafe-tmp-$dead-x1Y2z3" ]
ok $? "so is one in the backup directory"
[ ! -e "$DB.wardsafe-tmp-$alive-old111" ]; ok $? "so is one of a live process that is more than a day old"
[ -e "$DB.wardsafe-tmp-$alive-new111" ] && [ -e "$B/w-20261124-093000-daily.db.wardsafe-tmp-$alive-keep11" ]
ok $? "a recent temporary file of a running process is left alone"
[ -e "$T/ward/notes.wardsafe-tmp-x-1" ]; ok $? "a file not named as this program names its own is left alone"
# Pruning neither counts nor deletes a temporary file as a backup.
printf '[database]\nbackups_keep = 1\n' > "$T/keep1.ini"
"$WARDSAFE_BIN" --config "$T/keep1.ini" --db "$DB" restore "$GOOD" >/dev/null 2>&1
[ -e "$B/w-20261124-093000-daily.db.wardsafe-tmp-$alive-keep11" ]; ok $? "pruning leaves a temporary file alone"
[ "$(ls "$B" | grep -c -- '-pre-restore.*\.db$')" -eq 1 ]; ok $? "and counts only backups"
kill $alive
wait $alive 2>/dev/null
rm -f "$DB".wardsafe-tmp-* "$B"/*.wardsafe-tmp-* "$T/ward/notes.wardsafe-tmp-x-1"

# Real kills: whatever a SIGKILLed backup or restore was doing, nothing of it
# is left after the next command.
for i in 1 2 3 4 5 6; do
	"$WARDSAFE_BIN" --config "$T/keep.ini" --db "$DB" backup >/dev/null 2>&1 &
	p1=$!
	"$WARDSAFE_BIN" --config "$T/keep.ini" --db "$DB" restore "$GOOD" >/dev/null 2>&1 &
	p2=$!
	kill -9 $p1 $p2 2>/dev/null
	wait $p1 $p2 2>/dev/null
done
ws list group
expect_rc 0 "the database opens after SIGKILLed backups and restores"
left=$(ls "$T/ward" "$B" | grep -F .wardsafe-tmp-)
[ -z "$left" ]; ok $? "and no temporary file of theirs is left"
[ -n "$left" ] && echo "$left" | sed "s/^/#   left: /"

# A backup of a big database killed while it copies: wait until its
# temporary file is there, SIGKILL it, and the next start removes the file.
BIG="$T/big/b.db"
mkdir -p "$T/big"
"$top_builddir/bench/bench-gen" --groups 400 --years 10 "$BIG" >/dev/null 2>&1
"$WARDSAFE_BIN" --config "$T/keep.ini" --db "$BIG" list group >/dev/null 2>&1 # today's daily backup
"$WARDSAFE_BIN" --config "$T/keep.ini" --db "$BIG" backup >/dev/null 2>&1 &
p=$!
n=0 seen=
while [ $n -lt 20000 ] && kill -0 $p 2>/dev/null; do
	seen=$(ls "$T/big/backups" 2>/dev/null | grep -F .wardsafe-tmp-)
	[ -n "$seen" ] && break
	n=$((n + 1))
done
kill -9 $p 2>/dev/null
wait $p 2>/dev/null
if [ -n "$seen" ] && [ -n "$(ls "$T/big/backups" | grep -F .wardsafe-tmp-)" ]; then
	"$WARDSAFE_BIN" --config "$T/keep.ini" --db "$BIG" list group >/dev/null 2>&1
	[ -z "$(ls "$T/big/backups" | grep -F .wardsafe-tmp-)" ]
	ok $? "the temporary file of a backup SIGKILLed in the middle of its copy is removed at the next start"
else
	skip "the temporary file of a backup SIGKILLed in the middle of its copy is removed at the next start" \
		"the backup finished before it could be killed"
fi

# ---- a database that cannot be written says why
# Permissions do not bind root: as root these run as nobody (setpriv), when
# that user can reach the test directory and run the program.
as_user() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid nobody --regid nogroup --clear-groups "$WARDSAFE_BIN" "$@" >"$T/out" 2>"$T/err"
	else
		"$WARDSAFE_BIN" "$@" >"$T/out" 2>"$T/err"
	fi
	rc=$?
}
can_test=yes
if [ "$(id -u)" -eq 0 ]; then
	chmod 711 "$T"
	if ! command -v setpriv >/dev/null || ! id nobody >/dev/null 2>&1 ||
		! setpriv --reuid nobody --regid nogroup --clear-groups "$WARDSAFE_BIN" --help >/dev/null 2>&1; then
		can_test=
	fi
fi
if [ -n "$can_test" ]; then
	mkdir -p "$T/rodir"
	cp "$GOOD" "$T/rodir/w.db"
	cp "$GOOD" "$T/theirs.db"
	chmod 600 "$T/rodir/w.db" "$T/theirs.db"
	if [ "$(id -u)" -eq 0 ]; then
		chown -R nobody "$T/rodir"
		owner=root
	else
		chmod 000 "$T/theirs.db"
		owner=$(id -un)
	fi
	chmod 555 "$T/rodir"
	as_user --lang en --db "$T/rodir/w.db" add incident group=9 date=2026-11-20 category=theft note=ro
	expect_rc 3 "a save into a database whose directory is not writable is refused"
	expect_grep "$T/err" "the directory $T/rodir is not writable, so SQLite cannot create its journal" \
		"the message names the directory and the journal, not a read-only file"
	mode=$(stat -c %a "$T/theirs.db")
	as_user --lang en --db "$T/theirs.db" list group
	expect_rc 3 "a database the user may not read is refused"
	expect_grep "$T/err" "permission denied (it belongs to $owner, mode $mode)" "the message says permission denied, with owner and mode"
	chmod 755 "$T/rodir"
else
	for n in "a save into a database whose directory is not writable is refused" \
		"the message names the directory and the journal, not a read-only file" \
		"a database the user may not read is refused" "the message says permission denied, with owner and mode"; do
		skip "$n" "root, and nobody cannot run the program here"
	done
fi
ln -s "$DB" "$T/link.db"
run --lang en --db "$T/link.db" list group
expect_rc 3 "a database given as a symbolic link is refused"
real=$(realpath "$DB")
expect_grep "$T/err" "link.db is a symbolic link to $real" "the message names the link's target"
expect_grep "$T/err" "wardsafe --db $real" "and says what to open instead"

# ---- another program in the middle of a save: restore waits, then gives up
if command -v sqlite3 >/dev/null; then
	rm -f "$T/fifo" "$T/locked"
	mkfifo "$T/fifo"
	timeout -s KILL 60 sqlite3 "$DB" < "$T/fifo" > "$T/sqlite.out" 2>&1 &
	holder=$!
	exec 7> "$T/fifo"
	printf "BEGIN IMMEDIATE;\nINSERT INTO ward(id, name) SELECT 999, 'x' WHERE 0;\n.shell touch %s\n" "$T/locked" >&7
	n=0
	while [ ! -e "$T/locked" ] && [ $n -lt 1000 ]; do n=$((n + 1)); sleep 0.01; done
	[ -e "$T/locked" ]; ok $? "sqlite3 holds the write lock"
	cp "$DB" "$T/busy-before.db"
	kept=$(ls "$B" | grep -c pre-restore)
	WARDSAFE_BUSY_TIMEOUT=300 run --lang en --config "$T/keep.ini" --db "$DB" restore "$GOOD"
	expect_rc 3 "a restore while another program is saving is refused after the wait"
	expect_grep "$T/err" "is in use by another program, which is still saving" "saying the database is in use"
	[ "$(ls "$B" | grep -c pre-restore)" -eq "$kept" ]; ok $? "no pre-restore copy is made"
	printf 'COMMIT;\n.quit\n' >&7
	exec 7>&-
	wait $holder
	cmp -s "$DB" "$T/busy-before.db"; ok $? "and the database is unchanged"
else
	for n in "sqlite3 holds the write lock" "a restore while another program is saving is refused after the wait" \
		"saying the database is in use" "no pre-restore copy is made" "and the database is unchanged"; do
		skip "$n" "no sqlite3 program"
	done
fi

finish
