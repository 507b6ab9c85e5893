#!/bin/sh
# cli-import-limits.sh - imports at the limits: floods of problems (the first
# 20 are listed, the others counted, in bounded memory; long values cut),
# quotes in the wrong place, and files that are not CSV files (a directory,
# a pipe).
. "$top_srcdir/tests/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 program is needed to check the database from outside"
	exit 0
fi

DB="$T/w.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward "Lam Sơn"
printf 'code,name,active,households,residents,date\n1,Tổ 1,yes,200,720,2023-01-01\n' > "$T/group.csv"
ws import "$T/group.csv"
expect_rc 0 "a group to refer to"

cp "$DB" "$T/before.db"

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
# message: 1,000,002 lines and 140 MB).
awk 'BEGIN { print "group,date,category,count,note";
	for (i = 1; i <= 1000000; i++) print "99,2023-05-01,theft,1,n" i }' > "$T/incident-million.csv"
/usr/bin/time -f %M -o "$T/mem" "$WARDSAFE_BIN" --lang en --db "$DB" import "$T/incident-million.csv" > "$T/out" 2> "$T/err"
rc=$?
expect_rc 1 "a million bad rows are refused"
[ "$(grep -c "incident-million.csv:" "$T/err")" -eq 20 ]; ok $? "the first 20 are listed"
expect_grep "$T/err" "incident-million.csv:21:" "from the first line on"
expect_grep "$T/err" "… and 999980 more problems" "then how many more"
[ "$(wc -l < "$T/err")" -eq 22 ]; ok $? "22 lines in all ($(wc -l < "$T/err"))"
if [ -n "${WARDSAFE_VALGRIND:-}" ]; then
	skip "in bounded memory" "measured under valgrind"
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
