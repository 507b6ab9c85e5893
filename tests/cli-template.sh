#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-template.sh - the sheet for the group leaders (issue 14): wardsafe
# template writes it, the leaders fill it, wardsafe import takes it back as
# it is (read-only columns ignored, rows with no values skipped).
. "$top_srcdir/tests/lib.sh"

DB="$T/w.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward "Lam Sơn"
snapshot() { "$WARDSAFE_BIN" --db "$DB" export all -o "$T/snap" --force >/dev/null 2>&1; cat "$T"/snap/*.csv; }

cat > "$T/group.csv" <<'CSV'
code,name,leader,active,households,residents,date
1,Tổ 1,Lê Văn An,yes,200,720,2023-01-01
2,"Tổ 2, khu B",Trần Thị Bình,yes,150,540,2023-01-01
3,Tổ 3,,yes,100,300,2023-01-01
CSV
ws import "$T/group.csv"
expect_rc 0 "set-up: three groups"
cat > "$T/survey.csv" <<'CSV'
group,date,surveyed,with_extinguisher,extinguishers
1,2023-06-30,100,50,60
2,2023-09-30,80,40,
CSV
ws import "$T/survey.csv"
expect_rc 0 "set-up: earlier surveys"

H='group,group (name),date,surveyed,surveyed (last),surveyed (last date),with_extinguisher,with_extinguisher (last),with_extinguisher (last date),extinguishers,extinguishers (last),extinguishers (last date)'

# The sheet: one row per active group, values empty, hints beside them.
ws template survey --date 2023-10-31 -o "$T/sheet-oct.csv"
expect_rc 0 "template writes the sheet to a file"
[ "$(head -1 "$T/sheet-oct.csv")" = "$H" ]; ok $? "the header: group, its name, date, each field with its last value and date"
cat > "$T/want" <<'CSV'
1,Tổ 1,2023-10-31,,100,2023-06-30,,50,2023-06-30,,60,2023-06-30
2,"Tổ 2, khu B",2023-10-31,,80,2023-09-30,,40,2023-09-30,,,
3,Tổ 3,2023-10-31,,,,,,,,,
CSV
tail -n +2 "$T/sheet-oct.csv" > "$T/rows"
cmp -s "$T/rows" "$T/want"; ok $? "one row per group: the last value of each field before the date, empty where there is none"
[ ! -s "$T/out" ]; ok $? "nothing on stdout when writing a file"

ws template survey --date 2023-06-30
expect_rc 0 "template to stdout"
expect_grep "$T/out" "1,Tổ 1,2023-06-30,,,,,,,,," "the last value is strictly before the date"
ws template survey --date 30/06/2023 -o -
expect_rc 0 "-o - is stdout, and the date may be DD/MM/YYYY"
expect_grep "$T/out" "1,Tổ 1,2023-06-30," "the date is written ISO"

ws template survey
expect_rc 0 "without --date"
expect_grep "$T/out" "1,Tổ 1,${WARDSAFE_NOW%% *},," "the date is today"

ws template population --date 2023-10-31
expect_grep "$T/out" "1,Tổ 1,2023-10-31,,200,2023-01-01,,720,2023-01-01" "a population sheet carries households and residents"

# --group: repeated or comma-separated; unknown codes refused.
ws template survey --date 2023-10-31 --group 3,1
expect_rc 0 "--group with a list"
[ "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')" = "1 3 " ]; ok $? "only those groups, in group order"
ws template survey --date 2023-10-31 --group 2 --group=3
[ "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')" = "2 3 " ]; ok $? "--group repeated"
ws template survey --group 9
expect_rc 1 "an unknown group is refused"
expect_grep "$T/err" "no group has the code 9" "naming it"

# Options that do not apply.
ws template survey --format xlsx
expect_rc 2 "--format xlsx without -o is refused (a workbook is not for the terminal)"
expect_grep "$T/err" "-o FILE" "with a message saying so"
ws template incident
expect_rc 2 "incidents have no sheet"
expect_grep "$T/err" "kinds: population, survey, commitment, app114" "the message lists the kinds that do"
ws template
expect_rc 2 "a kind is needed"
ws template survey --date 2023-02-30
expect_rc 2 "a date not on the calendar"

# -o and --force as in export.
ws template survey --date 2023-10-31 -o "$T/sheet-oct.csv"
expect_rc 1 "an existing file is not replaced"
expect_grep "$T/err" "add --force" "the message says how"
ws template survey --date 2023-10-31 -o "$T/sheet-oct.csv" --force
expect_rc 0 "--force replaces it"

# --bom: for Excel; the import reads it.
ws template survey --date 2023-10-31 --bom -o "$T/bom.csv"
[ "$(head -c 3 "$T/bom.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ]; ok $? "--bom starts the file with a byte-order mark"
head -c 3 "$T/sheet-oct.csv" | od -An -tx1 | grep -q efbbbf; [ $? -ne 0 ]; ok $? "no mark without --bom"
ws import --dry-run "$T/bom.csv"
expect_rc 0 "the import reads a sheet with the mark"
expect_grep "$T/out" "3 rows of the sheet have no values and add nothing" "a sheet returned empty: every row skipped"
expect_grep "$T/out" "Dry run: 0 records would be imported" "and nothing to save"

# Between the template and the import the group list changes: group 4 is
# added, group 2 is closed.  The sheet comes back with groups 1 and 3
# filled, group 2 left blank, and a hint cell scribbled on.
ws add group code=4 name="Tổ 4" households=90 residents=250 date=2023-01-01
expect_rc 0 "a group added after the sheet was written"
ws edit group 2 active=no closed=2023-11-15
expect_rc 0 "a group closed after the sheet was written"
awk -F, 'BEGIN { OFS = "," }
	NR == 2 { $4 = 150; $7 = 70; $10 = 80; $5 = "about 100?" }
	NR == 4 { $4 = 50; $7 = 20 }
	{ print }' "$T/sheet-oct.csv" > "$T/filled-oct.csv"
before=$(snapshot)
ws import --dry-run "$T/filled-oct.csv"
expect_rc 0 "a dry run of the returned sheet"
expect_grep "$T/out" "group 1 (Tổ 1), 2023-10-31: surveyed=150 with_extinguisher=70 extinguishers=80" "lists what group 1 would save"
expect_grep "$T/out" "group 3 (Tổ 3), 2023-10-31: surveyed=50 with_extinguisher=20" "and group 3"
expect_no_grep "$T/out" "group 2 (" "not the blank row"
expect_grep "$T/out" "1 row of the sheet has no values and adds nothing" "says how many rows were skipped"
expect_grep "$T/out" "Dry run: 2 records would be imported (2 new, 0 updated)" "the count"
[ "$(snapshot)" = "$before" ]; ok $? "a dry run saves nothing"

ws import "$T/filled-oct.csv"
expect_rc 0 "the returned sheet is imported as it is"
expect_grep "$T/out" "Imported 2 records (2 new, 0 updated)" "two records"
expect_grep "$T/out" "1 row of the sheet has no values" "the blank row is counted"
expect_no_grep "$T/out" "group 1 (" "a real import does not list the rows"
ws list survey
expect_grep "$T/out" "	1	2023-10-31	150	70	80" "group 1's figures saved"
expect_grep "$T/out" "	3	2023-10-31	50	20	" "group 3's figures saved"
[ "$(grep -c '2023-10-31' "$T/out")" -eq 2 ]; ok $? "nothing for group 2 or group 4"

# The next sheet follows the new group list and the new figures.
ws template survey --date 2023-11-30
[ "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')" = "1 3 4 " ]; ok $? "the next sheet drops the closed group and has the new one"
expect_grep "$T/out" "1,Tổ 1,2023-11-30,,150,2023-10-31,,70,2023-10-31,,80,2023-10-31" "its hints are the figures just imported"
ws template survey --date 2023-11-10 --group 2
expect_rc 0 "a sheet dated before the closing still has the group"
ws template survey --date 2023-11-30 --group 2
expect_rc 1 "a group closed on the date is refused"
expect_grep "$T/err" "group 2 was closed on 2023-11-15" "saying when it was closed"

# A bad row refuses the whole sheet.
ws template survey --date 2023-11-30 -o "$T/sheet-nov.csv"
awk -F, 'BEGIN { OFS = "," }
	NR == 2 { $4 = 160; $7 = 170 }
	NR == 3 { $4 = 60; $7 = 30 }
	{ print }' "$T/sheet-nov.csv" > "$T/filled-nov.csv"
before=$(snapshot)
ws import "$T/filled-nov.csv"
expect_rc 1 "a sheet with a bad row is refused"
expect_grep "$T/err" "filled-nov.csv:2:" "naming the bad row"
expect_no_grep "$T/err" "filled-nov.csv:3:" "not the good one"
[ "$(snapshot)" = "$before" ]; ok $? "nothing saved, not even the good row"

# Only the read-only columns' own names are ignored.
sed '1s/surveyed (last date)/surveyed (when)/' "$T/filled-oct.csv" > "$T/odd.csv"
ws import --kind survey --dry-run "$T/odd.csv"
expect_rc 1 "another column name is still refused"
expect_grep "$T/err" "unknown column 'surveyed (when)'" "naming it"

finish
