#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# faults.sh - what happens to the database when things go wrong: the program
# killed while saving, a full disk, a read-only file or directory, a file
# that is not a wardsafe database, another program holding the lock, a
# network file system, the terminal closed in the middle of a form.
#
# Every wait is bounded: background programs run under `timeout`, polls give
# up after a few seconds, the pty driver has its own --timeout.  No result
# depends on a sleep: sleeps pick the random moments of the kills, and a
# poll for a file (with a limit) waits for sqlite3 to hold its lock.
# As root the test runs in a private mount namespace (unshare -m), so the
# tmpfs and read-only bind mounts it makes are seen by nothing else and go
# away with it; the EXIT trap unmounts them anyway.
#
# Reproduce the random kill moments with WARDSAFE_FAULTS_SEED=N (the seed of
# a run is printed as a TAP comment).

if [ -z "${WARDSAFE_FAULTS_NS:-}" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
	unshare -m --propagation private true 2>/dev/null; then
	WARDSAFE_FAULTS_NS=1
	export WARDSAFE_FAULTS_NS
	exec unshare -m --propagation private /bin/sh "$0" "$@"
fi

. "$top_srcdir/tests/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 program is needed to check the database from outside"
	exit 0
fi

# Under `make check-valgrind` the faults run on the program itself: the kill
# moments and lock waits are about the database, and valgrind would make
# every run a hundred times slower.
if [ -n "${WARDSAFE_REAL_BIN:-}" ]; then
	WARDSAFE_BIN=$WARDSAFE_REAL_BIN
fi
W=$WARDSAFE_BIN
# Processes started in the background and mount points, for the clean-up.
BG_PIDS=
MOUNTS=
cleanup() {
	for p in $BG_PIDS; do
		kill -KILL "$p" 2>/dev/null
	done
	for m in $MOUNTS; do # most recent first
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	chmod -R u+w "$T" 2> /dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# try_mount ARGS... MOUNTPOINT: mount, remembering the mount point.
try_mount() {
	eval "mp=\${$#}"
	mount "$@" 2>/dev/null || return 1
	MOUNTS="$mp $MOUNTS"
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# ws DB ARGS...: wardsafe in English on DB (stdout $T/out, stderr $T/err, $rc).
ws() {
	db=$1
	shift
	run --lang en --db "$db" "$@"
}
# count DB TABLE [WHERE]: rows of a table, straight from SQLite.
count() {
	sqlite3 "$1" "SELECT count(*) FROM $2${3:+ WHERE $3}"
}
integrity() {
	sqlite3 "$1" 'PRAGMA integrity_check' 2>&1
}
lines() {
	wc -l < "$1" | tr -d ' '
}
# one_line: the last run wrote exactly one line on stderr.
one_line() {
	[ "$(lines "$T/err")" -eq 1 ]
}
show_err() {
	sed 's/^/#   stderr: /' "$T/err" | head -5
}
now_ms() {
	date +%s%3N
}
# wait_for FILE SECONDS: polls for a file to exist; false after the time.
wait_for() {
	end=$(($(now_ms) + $2 * 1000))
	while [ ! -e "$1" ]; do
		[ "$(now_ms)" -lt "$end" ] || return 1
		sleep 0.01
	done
}

DEMO="$T/demo.db"
demo_db "$DEMO"
# fresh DIR: a directory with a copy of the demo database (DIR/w.db) whose
# automatic backup of the day is already made, so that it does not happen
# under a fault.
fresh() {
	mkdir -p "$1"
	cp "$DEMO" "$1/w.db"
	"$W" --db "$1/w.db" list ward > /dev/null 2>&1
}
NOTE="Ghi chú dài để lấp đầy trang: mất xe máy trước cửa nhà; đã lập biên bản."
LONG="$NOTE $NOTE $NOTE $NOTE $NOTE" # about 375 characters (at most 500)

# ---------------------------------------------------------------------------
# 1. SIGKILL at random moments while saving (add, and import of 3 rows).
# ---------------------------------------------------------------------------
K="$T/kill"
fresh "$K"
KDB="$K/w.db"
seed=${WARDSAFE_FAULTS_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# kill moments: WARDSAFE_FAULTS_SEED=$seed"
rand() { # rand N: $r = a pseudo-random number in 0..N-1
	seed=$(((seed * 1103515245 + 12345) % 2147483648))
	r=$(((seed / 16) % $1))
}
# How long one save takes here, to spread the kills over a whole save.
t0=$(now_ms)
for i in 1 2 3 4 5; do
	"$W" --db "$KDB" add incident group=1 date=2026-11-20 category=theft note="warm-$i" > /dev/null 2>&1
done
per=$((($(now_ms) - t0) / 5))
# 1.5 saves long, however slow the build (a sanitizer build is several times
# slower): some kills must come too late, so that some saves finish.
max_us=$((per * 1500))
[ "$max_us" -lt 3000 ] && max_us=3000
echo "# one save takes about $per ms; kills land 0..$((max_us / 1000)) ms after the start"

ROUNDS=250
n=0 done_n=0 killed=0 mid=0 other=0
: > "$K/log"
: > "$K/expected"
while [ $n -lt $ROUNDS ]; do
	n=$((n + 1))
	pre=false
	[ -e "$KDB-journal" ] && pre=true
	if [ $((n % 5)) -eq 0 ]; then
		kind=import
		printf 'group,date,category,count,note\n1,2026-11-20,theft,1,kill-%s-1\n1,2026-11-20,fraud,2,kill-%s-2\n2,2026-11-21,theft,1,kill-%s-3\n' \
			"$n" "$n" "$n" > "$K/imp.csv"
		"$W" --lang en --db "$KDB" import --kind incident "$K/imp.csv" > "$K/out" 2> "$K/err" &
	else
		kind=add
		"$W" --lang en --db "$KDB" add incident group=1 date=2026-11-20 category=theft "note=kill-$n" \
			> "$K/out" 2> "$K/err" &
	fi
	pid=$!
	rand "$max_us"
	sleep "$(printf '%d.%06d' $((r / 1000000)) $((r % 1000000)))"
	kill -KILL "$pid" 2> /dev/null
	wait "$pid"
	krc=$?
	state=other
	if [ "$krc" -eq 0 ]; then
		if [ $kind = add ] && grep -qx '[0-9][0-9]*' "$K/out"; then
			state=done
			echo "kill-$n" >> "$K/expected"
		elif [ $kind = import ] && grep -q '^Imported 3 records' "$K/out"; then
			state=done
			printf 'kill-%s-1\nkill-%s-2\nkill-%s-3\n' "$n" "$n" "$n" >> "$K/expected"
		fi
	elif [ "$krc" -eq 137 ]; then
		state=killed
		killed=$((killed + 1))
		# A journal left behind that was not there before: killed inside
		# the transaction, after it started writing.
		if ! $pre && [ -e "$KDB-journal" ]; then
			state=killed-in-transaction
			mid=$((mid + 1))
		fi
	fi
	[ $state = done ] && done_n=$((done_n + 1))
	if [ $state = other ]; then
		other=$((other + 1))
		echo "# round $n ($kind): exit $krc: $(head -1 "$K/err")"
	fi
	echo "$n $kind $state" >> "$K/log"
done 2> /dev/null # the shell's "Killed" notices
echo "# $ROUNDS saves: $done_n reported done, $killed killed ($mid of them inside a transaction, leaving a journal), $other other"
[ "$other" -eq 0 ]
ok $? "every save either finished (exit 0, printed) or was killed"
[ "$done_n" -gt 0 ] && [ "$killed" -gt 0 ]
ok $? "some saves finished and some were killed ($done_n, $killed)"
[ "$mid" -gt 0 ]
ok $? "kills landed inside transactions ($mid hot journals)"
ws "$KDB" check
expect_rc 0 "after the kills, wardsafe check finds the database sound"
[ "$(integrity "$KDB")" = ok ]
ok $? "and PRAGMA integrity_check says ok"
sqlite3 "$KDB" "SELECT note FROM incident WHERE note LIKE 'kill-%'" | sort > "$K/present"
sort "$K/expected" | comm -23 - "$K/present" > "$K/missing"
if [ -s "$K/missing" ]; then
	ok 1 "every save reported done is in the database"
	sed 's/^/#   missing: /' "$K/missing" | head -10
else
	ok 0 "every save reported done is in the database ($(lines "$K/expected") entries)"
fi
[ -z "$(uniq -d "$K/present")" ]
ok $? "no entry is there twice"
# An import is all or nothing, killed or not: 0 or 3 of its rows.
sed -n 's/^\(kill-[0-9]*\)-[123]$/\1/p' "$K/present" | uniq -c | awk '$1 != 3 { print }' > "$K/partial"
[ ! -s "$K/partial" ]
ok $? "no import killed half-way left part of its rows"
orphans=$(sqlite3 "$KDB" "SELECT count(*) FROM incident i WHERE note LIKE 'kill-%' AND NOT EXISTS
	(SELECT 1 FROM audit a WHERE a.tbl = 'incident' AND a.row_id = i.id AND a.action = 'insert')")
ghosts=$(sqlite3 "$KDB" "SELECT count(*) FROM audit a WHERE a.tbl = 'incident' AND a.action = 'insert'
	AND json_extract(a.new, '$.note') LIKE 'kill-%' AND NOT EXISTS (SELECT 1 FROM incident i WHERE i.id = a.row_id)")
[ "$orphans" -eq 0 ] && [ "$ghosts" -eq 0 ]
ok $? "entries and their audit lines went in together ($orphans without, $ghosts for entries not there)"
ws "$KDB" add incident group=1 date=2026-11-20 category=theft note=after-kills
expect_rc 0 "a save after all the kills works"
[ ! -e "$KDB-journal" ] && [ "$(integrity "$KDB")" = ok ]
ok $? "and leaves no journal behind"

# ---------------------------------------------------------------------------
# 2. A full disk.
# ---------------------------------------------------------------------------
# $WARDSAFE_MAX_PAGES caps the file just above its present size: entries
# with a long note are added until one does not fit.
F="$T/full"
fresh "$F"
FDB="$F/w.db"
pages=$(($(sqlite3 "$FDB" 'PRAGMA page_count') + 1))
i=1
frc=0
while [ $i -le 60 ]; do
	cp "$FDB" "$F/before.db"
	before=$(count "$FDB" incident)
	WARDSAFE_MAX_PAGES=$pages ws "$FDB" add incident group=1 date=2026-11-20 category=theft "note=fill-$i $LONG"
	frc=$rc
	[ $rc -ne 0 ] && break
	i=$((i + 1))
done
echo "# capped at $pages pages, the database took $((i - 1)) more entries"
[ $frc -eq 3 ]
ok $? "a save that does not fit fails with exit 3 (exit $frc)"
expect_grep "$T/err" "the disk is full" "the message says the disk is full"
one_line
ok $? "in one line"
[ "$(count "$FDB" incident)" -eq "$before" ] && [ "$(integrity "$FDB")" = ok ]
ok $? "nothing was saved and the database is sound"
cmp -s "$FDB" "$F/before.db"
ok $? "the file is byte for byte as before the failed save"
cp "$FDB" "$F/before.db"
{
	echo "group,date,category,count,note"
	j=1
	while [ $j -le 300 ]; do
		printf '%d,2026-11-%02d,theft,1,import-full-%d %s\n' $((j % 12 + 1)) $((j % 20 + 1)) $j "$NOTE"
		j=$((j + 1))
	done
} > "$F/many.csv"
WARDSAFE_MAX_PAGES=$pages ws "$FDB" import --kind incident "$F/many.csv"
[ $rc -eq 3 ]
ok $? "an import of 300 rows on a full disk fails with exit 3 (exit $rc)"
expect_grep "$T/err" "the disk is full" "its message says the disk is full"
[ "$(grep -c 'error:' "$T/err")" -eq 1 ]
ok $? "in one error line ($(grep -c 'error:' "$T/err") lines)"
[ "$(count "$FDB" incident)" -eq "$before" ] && [ "$(integrity "$FDB")" = ok ] && cmp -s "$FDB" "$F/before.db"
ok $? "nothing of the import was saved; the file is unchanged and sound"
ws "$FDB" add incident group=1 date=2026-11-20 category=theft "note=fill-$i $LONG"
expect_rc 0 "with space freed (no cap) the same save succeeds"
[ "$(count "$FDB" incident "note = 'fill-$i $LONG'")" -eq 1 ]
ok $? "and is in the database"
ws "$FDB" import --kind incident "$F/many.csv"
expect_rc 0 "and the import succeeds"
[ "$(count "$FDB" incident "note LIKE 'import-full-%'")" -eq 300 ]
ok $? "with its 300 rows"

# A real small file system filled with a big file.
S="$T/small"
mkdir -p "$S"
if [ "$(id -u)" = 0 ] && try_mount -t tmpfs -o size=4m,mode=0700 wardsafe-faults "$S"; then
	fresh "$S/db"
	SDB="$S/db/w.db"
	before=$(count "$SDB" incident)
	dd if=/dev/zero of="$S/filler" bs=4096 2> /dev/null
	cp "$SDB" "$T/small-before.db"
	ws "$SDB" add incident group=1 date=2026-11-20 category=theft "note=tmpfs $LONG"
	expect_rc 3 "tmpfs filled up: the save fails"
	expect_grep "$T/err" "the disk is full" "saying the disk is full"
	one_line
	ok $? "in one line"
	[ "$(count "$SDB" incident)" -eq "$before" ] && [ "$(integrity "$SDB")" = ok ] &&
		cmp -s "$SDB" "$T/small-before.db" && [ ! -e "$SDB-journal" ]
	ok $? "the database is unchanged and sound, no journal left"
	rm -f "$S/filler"
	ws "$SDB" add incident group=1 date=2026-11-20 category=theft "note=tmpfs $LONG"
	expect_rc 0 "after removing the filler the same save succeeds"
	[ "$(count "$SDB" incident "note = 'tmpfs $LONG'")" -eq 1 ]
	ok $? "and is in the database"
	umount "$S" 2> /dev/null
else
	for a in "tmpfs filled up: the save fails" "saying the disk is full" "in one line" \
		"the database is unchanged" "after removing the filler the same save succeeds" "and is in the database"; do
		skip "$a" "cannot mount a tmpfs here (needs root and mount permission)"
	done
fi

# Through the screens: the groups fill the capped file, then a group form
# is saved on the full disk.
G="$T/fullscreens"
fresh "$G"
GDB="$G/w.db"
gpages=$(($(sqlite3 "$GDB" 'PRAGMA page_count') + 1))
LEADER="Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy Nguyễn Văn Đầy"
i=100
while [ $i -lt 160 ]; do
	WARDSAFE_MAX_PAGES=$gpages ws "$GDB" add group code=$i "name=Fill $i" "leader=$LEADER"
	[ $rc -ne 0 ] && break
	i=$((i + 1))
done
[ $rc -eq 3 ]
ok $? "the groups filled the capped database"
groups=$(count "$GDB" rgroup)
KEYS="<F3>a31<Tab>Tổ đầy đĩa<Tab>$LEADER<F2><Dump><Esc><Dump>"
WARDSAFE_MAX_PAGES=$gpages screens fullform "$KEYS" --lang en --db "$GDB"
expect_rc 0 "the screens survive saving on a full disk"
awk '/^-- screen 1 /{s=1; next} /^-- screen 2 /{s=0} s' "$T/fullform.txt" > "$T/fullform.1"
awk '/^-- screen 2 /{s=1; next} s' "$T/fullform.txt" > "$T/fullform.2"
expect_grep "$T/fullform.1" "─ Error ─" "saving the form shows an error box"
expect_grep "$T/fullform.1" "the disk is full; free some space and save again" "that says the disk is full"
expect_grep "$T/fullform.2" "New residential group" "after closing it the form is still open"
grep -q "Group code \*  *31 *$" "$T/fullform.2" && grep -q "Group name \*  *Tổ đầy đĩa *$" "$T/fullform.2" &&
	grep -q "Group leader  *.*Nguyễn Văn Đầy" "$T/fullform.2"
ok $? "with everything typed in it"
expect_grep "$T/fullform.2" "Not saved: see the message." "and says it was not saved"
[ "$(count "$GDB" rgroup)" -eq "$groups" ] && [ "$(integrity "$GDB")" = ok ]
ok $? "nothing was saved and the database is sound"
screens fullform2 "$KEYS" --lang en --db "$GDB"
[ "$(count "$GDB" rgroup "code = '31' AND name = 'Tổ đầy đĩa'")" -eq 1 ]
ok $? "with space freed the same keys save the group"

# ---------------------------------------------------------------------------
# 3. A read-only database file and a read-only directory.
# ---------------------------------------------------------------------------
# ro_checks DB LABEL: reading works, writing fails with exit 3 and one
# message, the file is unchanged.
ro_checks() {
	rdb=$1 label=$2
	rm -f "$T/ro-copy.db"
	cp "$rdb" "$T/ro-copy.db"
	ws "$rdb" list group
	[ $rc -eq 0 ] && [ "$(lines "$T/out")" -eq 13 ]
	ok $? "$label: list works"
	[ $rc -eq 0 ] || show_err
	ws "$rdb" summary
	[ $rc -eq 0 ] && grep -q . "$T/out"
	ok $? "$label: summary works"
	for w in "add incident group=1 date=2026-11-20 category=theft note=read-only" \
		"edit group 1 leader=Read-Only" "delete incident 1"; do
		# shellcheck disable=SC2086
		ws "$rdb" $w
		expect_rc 3 "$label: ${w%% *} fails"
		expect_grep "$T/err" "error: the database file is read-only" "$label: ${w%% *} says the file is read-only"
		one_line
		ok $? "$label: ${w%% *} gives one line on stderr ($(lines "$T/err"))"
	done
	printf 'group,date,category,count,note\n1,2026-11-20,theft,1,ro-1\n1,2026-11-20,theft,1,ro-2\n1,2026-11-20,theft,1,ro-3\n' > "$T/ro.csv"
	ws "$rdb" import --kind incident "$T/ro.csv"
	[ $rc -eq 3 ]
	ok $? "$label: import fails with exit 3 (exit $rc)"
	expect_grep "$T/err" "the database file is read-only" "$label: import says the file is read-only"
	[ "$(grep -c 'error:' "$T/err")" -eq 1 ]
	ok $? "$label: import gives one error line ($(grep -c 'error:' "$T/err"))"
	cmp -s "$rdb" "$T/ro-copy.db"
	ok $? "$label: the file is unchanged"
	[ ! -e "$rdb-journal" ]
	ok $? "$label: no journal left behind"
}
if [ "$(id -u)" != 0 ]; then
	fresh "$T/rofile"
	chmod 400 "$T/rofile/w.db"
	ro_checks "$T/rofile/w.db" "read-only file (chmod 400)"
	chmod 600 "$T/rofile/w.db"
	mkdir -p "$T/rodir"
	cp "$DEMO" "$T/rodir/w.db"
	chmod 555 "$T/rodir"
	ro_checks "$T/rodir/w.db" "read-only directory (chmod 555)"
	chmod 755 "$T/rodir"
else
	echo "# root ignores chmod: read-only bind mounts instead"
	fresh "$T/rofile"
	# A read-only directory has no backup of the day (it cannot).
	mkdir -p "$T/rodir"
	cp "$DEMO" "$T/rodir/w.db"
	if try_mount --bind "$T/rofile/w.db" "$T/rofile/w.db" &&
		mount -o remount,ro,bind "$T/rofile/w.db" 2> /dev/null; then
		ro_checks "$T/rofile/w.db" "read-only file (ro bind mount)"
	else
		skip "read-only file" "root ignores chmod and a read-only bind mount is not permitted here"
	fi
	if try_mount --bind "$T/rodir" "$T/rodir" && mount -o remount,ro,bind "$T/rodir" 2> /dev/null; then
		ro_checks "$T/rodir/w.db" "read-only directory (ro bind mount)"
	else
		skip "read-only directory" "root ignores chmod and a read-only bind mount is not permitted here"
	fi
fi

# ---------------------------------------------------------------------------
# 4. Files that are not a (usable) wardsafe database.
# ---------------------------------------------------------------------------
B="$T/bad"
mkdir -p "$B"
head -c 200000 /dev/urandom > "$B/random.db"
head -c 1000 "$DEMO" > "$B/first1000.db"
head -c $(($(stat -c %s "$DEMO") / 2)) "$DEMO" > "$B/half.db"
cp "$DEMO" "$B/newer.db"
sqlite3 "$B/newer.db" 'PRAGMA user_version = 999'
: > "$B/empty.db"
for f in random:"not a wardsafe database (not SQLite)" first1000:"damaged; restore a backup" \
	half:"damaged; restore a backup" newer:"written by a newer version of wardsafe (schema 999"; do
	name=${f%%:*} msg=${f#*:}
	bdb="$B/$name.db"
	cp "$bdb" "$B/$name.orig"
	for c in "list group" "summary" "add incident group=1 date=2026-11-20 category=theft note=bad"; do
		# shellcheck disable=SC2086
		ws "$bdb" $c
		[ $rc -eq 3 ] && one_line && grep -qF -- "$msg" "$T/err"
		ok $? "$name: ${c%% *} exits 3 with one line: ...$msg"
		[ $rc -eq 3 ] && one_line || show_err
	done
	cmp -s "$bdb" "$B/$name.orig" && [ ! -e "$bdb-journal" ]
	ok $? "$name: the file is byte for byte unchanged"
done
# A database cut to nothing (a failed copy, a crash of the file system).
ws "$B/empty.db" list group
[ $rc -eq 3 ] && one_line
ok $? "an empty (0 byte) file: list exits 3 with one line (exit $rc)"
[ ! -s "$B/empty.db" ]
ok $? "the empty file stays empty"

# ---------------------------------------------------------------------------
# 5. Another program holding the lock; two programs saving at once.
# ---------------------------------------------------------------------------
L="$T/lock"
fresh "$L"
LDB="$L/w.db"
# hold MODE: a sqlite3 process takes the lock (BEGIN MODE) and keeps it
# until `release`; it reads its commands from a fifo kept open on fd 7.
hold() {
	rm -f "$L/fifo" "$L/locked"
	mkfifo "$L/fifo"
	timeout -s KILL 60 sqlite3 "$LDB" < "$L/fifo" > "$L/sqlite.out" 2>&1 &
	holder=$!
	BG_PIDS="$BG_PIDS $holder"
	exec 7> "$L/fifo"
	printf 'BEGIN %s;\nSELECT count(*) FROM ward;\n.shell touch %s\n' "$1" "$L/locked" >&7
	wait_for "$L/locked" 10
}
release() {
	printf 'COMMIT;\n.quit\n' >&7
	exec 7>&-
	wait "$holder"
}
before=$(count "$LDB" incident)
if hold EXCLUSIVE; then
	t0=$(now_ms)
	WARDSAFE_BUSY_TIMEOUT=300 ws "$LDB" add incident group=1 date=2026-11-20 category=theft note=locked-1
	t=$(($(now_ms) - t0))
	expect_rc 3 "a save while another program holds the lock fails"
	expect_grep "$T/err" "in use by another program" "saying the database is in use by another program"
	one_line
	ok $? "in one line"
	[ $t -ge 300 ] && [ $t -lt 4000 ]
	ok $? "after the shortened wait ($t ms, WARDSAFE_BUSY_TIMEOUT=300)"
	WARDSAFE_BUSY_TIMEOUT=300 ws "$LDB" list group
	expect_rc 3 "reading while the lock is exclusive fails too"
	one_line && grep -q "in use by another program" "$T/err"
	ok $? "with the same one line"
	release
	ws "$LDB" add incident group=1 date=2026-11-20 category=theft note=locked-1
	expect_rc 0 "once the lock is released the same save works"
	[ "$(count "$LDB" incident)" -eq $((before + 1)) ] && [ "$(count "$LDB" incident "note = 'locked-1'")" -eq 1 ]
	ok $? "and is saved once"
else
	ok 1 "sqlite3 took the exclusive lock within 10 s"
	release
fi
if hold IMMEDIATE; then
	WARDSAFE_BUSY_TIMEOUT=300 ws "$LDB" add incident group=1 date=2026-11-20 category=theft note=locked-2
	expect_rc 3 "a save while another program is writing fails"
	expect_grep "$T/err" "in use by another program" "with the same message"
	WARDSAFE_BUSY_TIMEOUT=300 ws "$LDB" list group
	[ $rc -eq 0 ] && [ "$(lines "$T/out")" -eq 13 ]
	ok $? "reading while another program is writing works"
	release
else
	ok 1 "sqlite3 took the write lock within 10 s"
	release
fi
# Two programs saving at the same time, with the normal wait.
before=$(count "$LDB" incident)
for side in A B; do
	(
		j=1
		while [ $j -le 100 ]; do
			timeout -s KILL 30 "$W" --lang en --db "$LDB" add incident group=2 date=2026-11-21 category=fraud \
				"note=both-$side-$j" > /dev/null 2>> "$L/both-$side.err" || echo "$side-$j" >> "$L/both.failed"
			j=$((j + 1))
		done
	) &
	BG_PIDS="$BG_PIDS $!"
	eval "pid_$side=\$!"
done
# shellcheck disable=SC2154
wait "$pid_A" "$pid_B"
[ ! -s "$L/both.failed" ]
ok $? "two programs saving 100 entries each at the same time: every save reports done"
[ -s "$L/both.failed" ] && sed 's/^/#   /' "$L/both-A.err" "$L/both-B.err" | sort | uniq -c | head -5
[ "$(count "$LDB" incident "note LIKE 'both-%'")" -eq 200 ] && [ "$(count "$LDB" incident)" -eq $((before + 200)) ]
ok $? "all 200 are in the database ($(count "$LDB" incident "note LIKE 'both-%'"))"
[ "$(integrity "$LDB")" = ok ]
ok $? "which is sound"

# ---------------------------------------------------------------------------
# 6. A database on a network file system.
# ---------------------------------------------------------------------------
netfs=$(awk '$3 ~ /^(nfs4?|cifs|smb3|fuse\.sshfs)$/ { print $2; exit }' /proc/mounts 2>/dev/null)
if [ -n "$netfs" ] && [ -w "$netfs" ]; then
	mkdir -p "$netfs/wardsafe-faults.$$"
	cp "$DEMO" "$netfs/wardsafe-faults.$$/w.db"
	ws "$netfs/wardsafe-faults.$$/w.db" summary
	rm -rf "$netfs/wardsafe-faults.$$"
	[ $rc -eq 0 ] && grep -q "network file system" "$T/err"
	ok $? "a database on the network file system at $netfs gives a warning and works"
else
	skip "a database on a real network file system warns at start" \
		"no writable NFS, SMB/CIFS or sshfs mount here (the kernel has no nfs/cifs, no sshfs installed)"
fi
N="$T/net"
fresh "$N"
WARDSAFE_FAKE_FSTYPE=nfs ws "$N/w.db" summary
expect_rc 0 "WARDSAFE_FAKE_FSTYPE=nfs: summary still works"
grep -q "warning: .*network file system" "$T/err"
ok $? "with a warning about the network file system on stderr"
cp "$T/out" "$T/net.out"
ws "$N/w.db" summary
grep -q '^Summary for 2026-11' "$T/net.out" && cmp -s "$T/net.out" "$T/out"
ok $? "and the same summary on stdout as without it"
WARDSAFE_FAKE_FSTYPE=nfs ws "$N/w.db" add incident group=1 date=2026-11-20 category=theft note=on-nfs
[ $rc -eq 0 ] && grep -q "network file system" "$T/err"
ok $? "a save there warns too and works"

# ---------------------------------------------------------------------------
# 7. The terminal closes (SIGHUP) in the middle of a form.
# ---------------------------------------------------------------------------
DRIVER="$top_builddir/tests/pty-driver"
P="$T/hup"
fresh "$P"
PDB="$P/w.db"
if [ -x "$DRIVER" ]; then
	groups=$(count "$PDB" rgroup)
	"$DRIVER" --size 80x24 --timeout 15 -- "$W" --lang en --db "$PDB" > "$P/out" 2> "$P/err" <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
send a
wait New residential group
send 41
key Tab
send Tổ đã lưu trước
key F2
gone F2Save
wait Tổ đã lưu trước
pass a group saved before the hangup is in the list
send a
wait New residential group
send 42
key Tab
send Tổ gõ dở dang
wait Tổ gõ dở dang
pass a second form is half typed
signal HUP
expect-exit 129
pass SIGHUP in the middle of the form exits with status 129
restored
pass and the terminal is restored
EOF
	drc=$?
	for step in "a group saved before the hangup is in the list" "a second form is half typed" \
		"SIGHUP in the middle of the form exits with status 129" "and the terminal is restored"; do
		grep -qxF "pass $step" "$P/out"
		ok $? "$step"
	done
	[ $drc -eq 0 ] || sed 's/^/#   /' "$P/err" | head -20
	[ "$(count "$PDB" rgroup "code = '41' AND name = 'Tổ đã lưu trước'")" -eq 1 ]
	ok $? "the group saved before the hangup is in the database"
	[ "$(count "$PDB" rgroup "code = '42' OR name LIKE 'Tổ gõ%'")" -eq 0 ] &&
		[ "$(count "$PDB" rgroup)" -eq $((groups + 1)) ]
	ok $? "nothing half typed was saved ($(count "$PDB" rgroup) groups)"
	[ "$(integrity "$PDB")" = ok ] && [ ! -e "$PDB-journal" ]
	ok $? "the database is sound, no journal left"
else
	for a in "a group saved before the hangup" "SIGHUP exits with status 129" "nothing half typed was saved"; do
		skip "$a" "tests/pty-driver was not built (configure found no libvterm)"
	done
fi

finish
