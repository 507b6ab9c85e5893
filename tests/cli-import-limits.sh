#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-import-limits.sh - imports at the limits: a full disk (the file is
# left whole on its own, no journal beside it; an import that cannot fit is
# refused before it starts), floods of problems (the first 20 are listed,
# the others counted, in bounded memory; long values cut), quotes in the
# wrong place, and files that are not CSV files (a directory, a pipe).
#
# As root the test runs in a private mount namespace (unshare -m), so that
# the small tmpfs it fills goes away with it; otherwise (or where mounting
# is not allowed) the real full disk is skipped, and the full disk is made
# with the test hooks $WARDSAFE_MAX_PAGES and $WARDSAFE_FREE_BYTES.
if [ -z "${WARDSAFE_LIMITS_NS:-}" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
	unshare -m --propagation private true 2>/dev/null; then
	WARDSAFE_LIMITS_NS=1
	export WARDSAFE_LIMITS_NS
	exec unshare -m --propagation private /bin/sh "$0" "$@"
fi

. "$top_srcdir/tests/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 program is needed to check the database from outside"
	exit 0
fi
MOUNTS=
cleanup() {
	for m in $MOUNTS; do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	rm -rf "$T"
}
trap cleanup EXIT

DB="$T/w.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward "Lam Sơn"
printf 'code,name,active,households,residents,date\n1,Tổ 1,yes,200,720,2023-01-01\n' > "$T/group.csv"
ws import "$T/group.csv"
expect_rc 0 "a group to refer to"

# whole_alone DB: the .db file copied alone elsewhere passes integrity_check.
whole_alone() {
	rm -rf "$T/alone"
	mkdir "$T/alone"
	cp "$1" "$T/alone/copy.db"
	[ "$(sqlite3 "$T/alone/copy.db" 'PRAGMA integrity_check' 2>&1)" = ok ]
}
# incidents N FILE: N good incident rows with a long note.
incidents() {
	awk -v n="$1" 'BEGIN { print "group,date,category,count,note";
		for (i = 1; i <= n; i++)
			printf "1,2023-05-%02d,theft,1,incident %d with a note long enough to fill pages quickly\n", i % 28 + 1, i }' > "$2"
}

# ---------------------------------------------------------------------------
# 1. A full disk.
# ---------------------------------------------------------------------------
incidents 20000 "$T/incident.csv"
cp "$DB" "$T/before.db"
pages=$(($(sqlite3 "$DB" 'PRAGMA page_count') + 5))
WARDSAFE_MAX_PAGES=$pages ws import "$T/incident.csv"
expect_rc 3 "an import that fills the database (capped by the hook) fails"
expect_grep "$T/err" "the disk is full: $DB could not be written" "the message says the disk is full and names the database"
expect_grep "$T/err" "free in $T" "and the directory, with its free space"
expect_no_grep "$T/err" "incident.csv:" "it names no CSV line"
[ ! -e "$DB-journal" ]; ok $? "no journal is left"
cmp -s "$DB" "$T/before.db"; ok $? "the file is unchanged"

# The estimate: with less free space than the import clearly needs (the hook
# stands for the file system's figure) it is refused before it starts.
WARDSAFE_FREE_BYTES=100000 ws import "$T/incident.csv"
expect_rc 3 "an import that cannot fit is refused"
expect_grep "$T/err" "the disk is full: this import needs about" "saying the disk is full"
expect_grep "$T/err" "for $DB, but only 98 KB is free in $T" "naming the database, its directory, what is free"
size=$(wc -c < "$T/incident.csv")
need=$(( (4 * size + 32 * 4096 + 1023) / 1024 ))
need=$(echo "$need" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
grep -q "needs about $need KB (4 times the size of its CSV files)" "$T/err"
ok $? "and what is needed"
cmp -s "$DB" "$T/before.db"; ok $? "the file is unchanged"
WARDSAFE_FREE_BYTES=100000000 ws import --dry-run "$T/incident.csv"
expect_rc 0 "with the space there the same import goes ahead"

# A real full disk: a small tmpfs.
MNT="$T/mnt"
mkdir "$MNT"
if [ "$(id -u)" != 0 ]; then
	skip "a real full disk" "a tmpfs mount needs root"
elif ! mount -t tmpfs -o size=1m none "$MNT" 2>/dev/null; then
	skip "a real full disk" "mounting a tmpfs is not allowed here"
else
	MOUNTS="$MNT"
	cp "$T/before.db" "$MNT/w.db"
	cp "$T/before.db" "$T/before-mnt.db"
	"$WARDSAFE_BIN" --db "$MNT/w.db" check >/dev/null 2>&1 # the day's backup, made first
	cp "$MNT/w.db" "$T/before-mnt.db"
	# The hook says there is room: the import starts and the disk fills.
	WARDSAFE_FREE_BYTES=100000000 run --lang en --db "$MNT/w.db" import "$T/incident.csv"
	expect_rc 3 "an import that fills a real disk fails"
	expect_grep "$T/err" "the disk is full: $MNT/w.db could not be written" "saying the disk is full, naming the file"
	expect_grep "$T/err" "the database is as it was" "and that nothing changed"
	[ ! -e "$MNT/w.db-journal" ]; ok $? "no journal is left beside the file"
	whole_alone "$MNT/w.db"; ok $? "the file alone passes integrity_check"
	cmp -s "$MNT/w.db" "$T/before-mnt.db"; ok $? "and is byte for byte as before"
	# Without the hook the estimate refuses it before it starts.
	run --lang en --db "$MNT/w.db" import "$T/incident.csv"
	expect_rc 3 "on the real full disk the estimate refuses it"
	expect_grep "$T/err" "is free in $MNT" "naming the directory"
	cmp -s "$MNT/w.db" "$T/before-mnt.db"; ok $? "the file is unchanged"
	umount "$MNT" && MOUNTS=
fi

# ---------------------------------------------------------------------------
# 2. Floods of problems.
# ---------------------------------------------------------------------------
# A 900 KB note (300,000 'ồ') is refused as too long, quoting only its first
# 60 characters, whole UTF-8 sequences.
{ echo "group,date,category,count,note"; printf '1,2023-05-01,theft,1,'
  awk 'BEGIN { for (i = 0; i < 300000; i++) printf "ồ"; print "" }'; } > "$T/incident-long.csv"
ws import "$T/incident-long.csv"
expect_rc 1 "a 900 KB note is refused"
[ "$(wc -c < "$T/err")" -lt 1000 ]; ok $? "in a short message ($(wc -c < "$T/err") bytes)"
shown=$(sed -n 's/.*note=\([^:]*\)….*/\1/p' "$T/err" | head -1)
[ "$shown" = "$(awk 'BEGIN { for (i = 0; i < 60; i++) printf "ồ" }')" ]; ok $? "quoting its first 60 characters, then …"
iconv -f UTF-8 -t UTF-8 "$T/err" >/dev/null 2>&1; ok $? "never cutting a UTF-8 sequence"
# Control characters are escaped before the cut and never cut in half.
{ echo "group,date,category,count,note"; printf '1,2023-05-01,theft,1,'
  awk 'BEGIN { for (i = 0; i < 100; i++) printf "\033"; print "" }'; } > "$T/incident-esc.csv"
ws import "$T/incident-esc.csv"
expect_rc 1 "a note of 100 ESC characters is refused"
shown=$(sed -n 's/.*note=\([^:]*\)….*/\1/p' "$T/err" | head -1)
[ "$shown" = "$(awk 'BEGIN { for (i = 0; i < 15; i++) printf "\\x1b" }')" ]; ok $? "quoted escaped, 15 whole escapes in 60 characters"

# A header of 10,000 unknown columns.
awk 'BEGIN { printf "group,date,category,count,note"; for (i = 1; i <= 10000; i++) printf ",c%d", i; print "" }' > "$T/incident-wide.csv"
ws import "$T/incident-wide.csv"
expect_rc 1 "a header of 10,000 unknown columns is refused"
[ "$(grep -c "unknown column" "$T/err")" -eq 20 ]; ok $? "20 of its columns are listed"
expect_grep "$T/err" "… and 9980 more problems" "then how many more"
expect_grep "$T/err" "nothing imported: 10000 problems" "the summary counts them all"
[ "$(wc -l < "$T/err")" -eq 22 ]; ok $? "22 lines in all ($(wc -l < "$T/err"))"

# A million bad rows: 22 lines, in bounded memory (the old program kept every
# message: 1,000,002 lines and 140 MB).  Under `make check-valgrind` this
# one runs the program itself: valgrind would take minutes over it and
# measure its own memory.
awk 'BEGIN { print "group,date,category,count,note";
	for (i = 1; i <= 1000000; i++) print "99,2023-05-01,theft,1,n" i }' > "$T/incident-million.csv"
/usr/bin/time -f %M -o "$T/mem" "${WARDSAFE_REAL_BIN:-$WARDSAFE_BIN}" --lang en --db "$DB" import "$T/incident-million.csv" > "$T/out" 2> "$T/err"
rc=$?
expect_rc 1 "a million bad rows are refused"
[ "$(grep -c "incident-million.csv:" "$T/err")" -eq 20 ]; ok $? "the first 20 are listed"
expect_grep "$T/err" "incident-million.csv:21:" "from the first line on"
expect_grep "$T/err" "… and 999980 more problems" "then how many more"
[ "$(wc -l < "$T/err")" -eq 22 ]; ok $? "22 lines in all ($(wc -l < "$T/err"))"
if ldd "${WARDSAFE_REAL_BIN:-$WARDSAFE_BIN}" 2>/dev/null | grep -q libasan; then
	# AddressSanitizer's shadow memory and quarantine take hundreds of MB
	# whatever the program keeps: the plain build measures this one.
	skip "in bounded memory" "a sanitizer build measures the sanitizer's own memory ($(tail -1 "$T/mem") KB)"
else
	[ "$(tail -1 "$T/mem")" -lt 60000 ]; ok $? "in bounded memory ($(tail -1 "$T/mem") KB)"
fi
cmp -s "$DB" "$T/before.db"; ok $? "nothing was imported"

# Warnings are capped the same way: 30 repeated rows of a kind that allows
# them give 29 warnings.
awk 'BEGIN { print "group,date,category,count,note";
	for (i = 1; i <= 30; i++) print "1,2023-05-01,theft,1,same" }' > "$T/incident-same.csv"
ws import "$T/incident-same.csv"
expect_rc 1 "repeated rows are refused without --force"
[ "$(grep -c "the same as line 2" "$T/err")" -eq 20 ]; ok $? "20 of the 29 warnings are listed"
expect_grep "$T/err" "… and 9 more warnings" "then how many more"

# ---------------------------------------------------------------------------
# 3. Quotes (RFC 4180).
# ---------------------------------------------------------------------------
printf 'group,date,category,count,note\n1,2023-05-01,theft,1,"ab"cd\n1,2023-05-02,theft,1,ab"cd\n1,2023-05-03,theft,1,"say ""hi"", then go"\n' > "$T/incident-q.csv"
ws import "$T/incident-q.csv"
expect_rc 1 "text after a closing quote is refused"
expect_grep "$T/err" "incident-q.csv:2: column 5: a quote in the wrong place" "with its line and column"
expect_grep "$T/err" "incident-q.csv:3: column 5: a quote in the wrong place" "a quote inside an unquoted field too"
expect_no_grep "$T/err" "incident-q.csv:4:" "doubled quotes in a quoted field are fine"
printf 'group,date,category,count,note\n1,2023-05-03,theft,1,"say ""hi"", then go"\n"1",2023-05-04,theft,1,"two\nlines"\n1,2023-05-05,theft,1,"x"y\n' > "$T/incident-q.csv"
ws import "$T/incident-q.csv"
expect_grep "$T/err" "incident-q.csv:5: column 5: a quote in the wrong place" "the line counts the quoted line end"
printf 'group,date,category,count,note\n1,2023-05-03,theft,1,"say ""hi"", then go"\n' > "$T/incident-q.csv"
ws import --force "$T/incident-q.csv"
expect_rc 0 "a file with doubled quotes is imported"
ws list incident
expect_grep "$T/out" 'say "hi", then go' "with the quotes read as RFC 4180 says"
cp "$DB" "$T/before.db"

# ---------------------------------------------------------------------------
# 4. Files that are not CSV files.
# ---------------------------------------------------------------------------
mkdir "$T/incident.d"
ws import --kind incident "$T/incident.d"
expect_rc 1 "a directory is refused"
expect_grep "$T/err" "$T/incident.d is a directory, not a CSV file" "named as a directory"
expect_no_grep "$T/err" "empty" "not as an empty file"
mkfifo "$T/incident.fifo"
timeout 20 "$WARDSAFE_BIN" --lang en --db "$DB" import --kind incident "$T/incident.fifo" > "$T/out" 2> "$T/err"
rc=$?
expect_rc 1 "a pipe is refused at once, never read"
expect_grep "$T/err" "$T/incident.fifo is not a regular file" "naming it"
ws import --kind incident /dev/null
expect_rc 1 "a device is refused"
expect_grep "$T/err" "/dev/null is not a regular file" "naming it"
cmp -s "$DB" "$T/before.db"; ok $? "none of them changed the database"
finish
