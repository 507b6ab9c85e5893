#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-import.sh - CSV import (all or nothing, every bad line listed), export,
# and the round trip export all -> import into an empty database.
. "$top_srcdir/tests/lib.sh"

DB="$T/w.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward "Lam Sơn"
snapshot() { "$WARDSAFE_BIN" --db "$DB" export all -o "$T/snap" --force >/dev/null 2>&1; cat "$T"/snap/*.csv; }

cat > "$T/group.csv" <<'CSV'
code,name,leader,active,households,residents,date
1,Tổ dân phố 1,Lê Văn An,yes,200,720,2023-01-01
2,"Tổ dân phố 2, khu B",Trần Thị Bình,yes,150,540,2023-01-01
CSV
ws import "$T/group.csv"
expect_rc 0 "import groups with their first population"
expect_grep "$T/out" "Imported 2 records" "reports the count"
ws list population
[ "$(wc -l < "$T/out")" -eq 3 ]; ok $? "two population snapshots recorded"

# A file with many problems: nothing is imported, every bad line is listed.
printf '\357\273\277' > "$T/survey-2023.csv"
cat >> "$T/survey-2023.csv" <<'CSV'
group,date,surveyed,with_extinguisher,extinguishers
1,2023-01-31,100,50,60
1,2023-02-31,100,50,
2,2023-01-31,100,-5,
3,2023-01-31,10,5,
1,2023-03-31,abc,5,
1,2023-04-30,100,200,
2,2023-05-31,100,4294967296,
1,2023-06-30,100
CSV
before=$(snapshot)
ws import "$T/survey-2023.csv"
expect_rc 1 "a file with bad rows is refused"
for line in 3 4 5 6 7 8 9; do
	expect_grep "$T/err" "survey-2023.csv:$line:" "bad line $line is listed"
done
expect_no_grep "$T/err" "survey-2023.csv:2:" "the good line is not"
expect_grep "$T/err" "nothing imported" "the summary says nothing was imported"
[ "$(snapshot)" = "$before" ]; ok $? "the database is unchanged"

# Header problems.
printf 'group,date,surveyed,with_extinguisher,colour\n1,2023-01-31,1,1,red\n' > "$T/survey.csv"
ws import "$T/survey.csv"
expect_rc 1 "an unknown column is refused"
expect_grep "$T/err" "unknown column 'colour'" "naming the column"
: > "$T/empty.csv"
ws import --kind survey "$T/empty.csv"
expect_rc 1 "an empty file is refused"
expect_grep "$T/err" "empty" "with a message"
printf 'x,y\n1,2\n' > "$T/mystery.csv"
ws import "$T/mystery.csv"
expect_rc 1 "a file whose kind cannot be told"
printf 'group,date,installs\n1,2023-01-31,20\n' > "$T/data-from-ward.csv"
ws import --dry-run "$T/data-from-ward.csv"
expect_rc 0 "the kind is told from a header that matches one kind"
expect_grep "$T/out" "Dry run: 1 record would" "a dry run reports what it would do"
ws list app114
[ "$(wc -l < "$T/out")" -eq 1 ]; ok $? "and saves nothing"
printf 'group,date,installs\n1,2023-01-31,20\n1,2023-01-31,20\n' > "$T/app114.csv"
ws import "$T/app114.csv"
expect_rc 1 "duplicate rows are refused"
expect_grep "$T/err" "app114.csv:3:" "the duplicate line is named"
printf 'group,date,installs\n1,2023-01-31,"20\n' > "$T/app114.csv"
ws import "$T/app114.csv"
expect_rc 1 "an unclosed quote is refused"
printf 'group,date,installs\n1,2023-01-31,\377\376\n' > "$T/app114.csv"
ws import "$T/app114.csv"
expect_rc 1 "invalid UTF-8 is refused"
expect_grep "$T/err" "UTF-8" "and named"
printf 'group,date,installs\r\n1,2023-01-31,20\r\n2,2023-01-31,30\r\n' > "$T/app114.csv"
ws import "$T/app114.csv"
expect_rc 0 "CRLF line ends are fine"
printf 'group,date,installs\n1,2023-02-28,10\n' > "$T/app114.csv"
ws import "$T/app114.csv"
expect_rc 1 "a warning (installs going down) refuses the import"
ws import --force "$T/app114.csv"
expect_rc 0 "--force accepts the warnings"

# Big files: a 100 MB file that is not CSV at all (one line, no commas) and
# a 100 MB file with a wrong header are refused at once, in bounded memory,
# naming the problem without echoing megabytes; a 20,000-row file with bad
# rows here and there is refused whole with every bad line listed.
before=$(snapshot)
head -c 100000000 /dev/zero | tr '\0' 'x' > "$T/incident-huge.csv"
/usr/bin/time -f %M -o "$T/mem" "$WARDSAFE_BIN" --lang en --db "$DB" import "$T/incident-huge.csv" > "$T/out" 2> "$T/err"
rc=$?
[ "$rc" -eq 1 ]; ok $? "a 100 MB file of one line is refused (exit $rc)"
[ "$(wc -c < "$T/err")" -lt 2000 ]; ok $? "with a short message"
expect_grep "$T/err" "longer than" "saying what is wrong"
if [ -n "${WARDSAFE_VALGRIND:-}" ]; then
	tap_n=$((tap_n + 1)); echo "ok $tap_n - in bounded memory # SKIP measured under valgrind"
else
	# Reading the line whole would take over 100 MB; the sanitizer build
	# adds its own overhead to the few MB this takes.
	[ "$(tail -1 "$T/mem")" -lt 60000 ]; ok $? "in bounded memory ($(tail -1 "$T/mem") KB)"
fi
{ printf 'group,date,kategory,count,note\n'; yes '1,2023-05-01,theft,1,' | head -c 100000000; } > "$T/incident-wide.csv"
"$WARDSAFE_BIN" --lang en --db "$DB" import "$T/incident-wide.csv" > "$T/out" 2> "$T/err"
[ $? -eq 1 ] && grep -q "unknown column 'kategory'" "$T/err"; ok $? "a 100 MB file with a wrong header is refused by its header"
[ "$(snapshot)" = "$before" ]; ok $? "neither changed the database"
awk 'BEGIN { print "group,date,category,count,note";
	for (i = 1; i <= 20000; i++) {
		if (i % 5000 == 0) print "99,2023-05-01,theft,1,bad group " i;
		else if (i == 12345) print "1,2023-02-30,theft,1,bad date";
		else print (i % 2 + 1) ",2023-05-01,theft,1,note " i } }' > "$T/incident-many.csv"
ws import "$T/incident-many.csv"
expect_rc 1 "20,000 rows with 5 bad ones are refused"
[ "$(grep -c 'incident-many.csv:' "$T/err")" -eq 5 ]; ok $? "exactly the 5 bad lines are listed"
expect_grep "$T/err" "incident-many.csv:5001:" "with their line numbers"
[ "$(snapshot)" = "$before" ]; ok $? "and nothing was imported"

# Decomposed Vietnamese text is stored in NFC.
printf 'code,name\n3,To\314\202\314\200 3\n' > "$T/group.csv"
ws import "$T/group.csv"
ws list group
expect_grep "$T/out" "3	Tồ 3" "imported text is normalized to NFC"

# Export with a BOM for spreadsheets.
ws export group --bom -o "$T/g.csv"
expect_rc 0 "export one kind to a file"
[ "$(head -c 3 "$T/g.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; ok $? "--bom writes a byte-order mark"
[ "$(stat -c %a "$T/g.csv")" = 600 ]; ok $? "exported files are 0600"
ws export group -o "$T/g.csv"
expect_rc 1 "an existing file is not replaced without --force"
ln -s "$T/victim" "$T/link.csv"
echo keep > "$T/victim"
ws export group -o "$T/link.csv" --force
[ "$(cat "$T/victim")" = keep ]; ok $? "a symbolic link at the target is replaced, not followed"

# export all writes nothing unless every file may be written.
mkdir -p "$T/partial"
echo old > "$T/partial/survey.csv"
ws export all -o "$T/partial"
expect_rc 1 "export all refuses when one file exists"
[ "$(ls "$T/partial")" = survey.csv ] && [ "$(cat "$T/partial/survey.csv")" = old ]
ok $? "and writes none of the others"
printf 'code,name,households,residents\n1,Tổ dân phố 1,250,900\n' > "$T/group.csv"
ws import "$T/group.csv"
expect_rc 1 "households on an existing group in an import are refused, not ignored"
expect_grep "$T/err" "population" "pointing to population records"

# Round trip: the demo exported and imported into an empty database gives
# the same summary for every period.
"$WARDSAFE_BIN" --db "$T/demo.db" demo >/dev/null
"$WARDSAFE_BIN" --db "$T/demo.db" export all -o "$T/exp"
ok $? "export all"
[ "$(ls "$T/exp" | wc -l)" -ge 11 ]; ok $? "one file per kind"
"$WARDSAFE_BIN" --db "$T/copy.db" init >/dev/null
"$WARDSAFE_BIN" --lang en --db "$T/copy.db" import "$T"/exp/*.csv > "$T/imp.out" 2>&1
ok $? "import all files into an empty database"
same=0
for p in 2022 2023 2022-Q1 2022-Q2 2022-Q3 2022-Q4 2023-Q1 2023-Q2 2023-Q3 2023-Q4 \
	 2022-01..2023-12 2023-02..2023-08 $(seq -f 2022-%02g 1 12) $(seq -f 2023-%02g 1 12); do
	"$WARDSAFE_BIN" --db "$T/demo.db" summary --period "$p" --format tsv > "$T/a"
	"$WARDSAFE_BIN" --db "$T/copy.db" summary --period "$p" --format tsv > "$T/b"
	cmp -s "$T/a" "$T/b" || { same=1; echo "# summary differs for $p"; }
done
ok $same "identical summaries for all 38 periods"
"$WARDSAFE_BIN" --db "$T/copy.db" export all -o "$T/exp2"
diff -r "$T/exp" "$T/exp2" >/dev/null; ok $? "exporting the copy gives the same files"
finish
