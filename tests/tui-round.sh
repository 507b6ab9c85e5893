#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-round.sh - the round grid (r on Data entry, "Nhập theo đợt") in
# scripted mode at 80x24: the date asked, values carried forward, typing
# that replaces a cell, one changed row saving exactly one record with the
# carried values in its other fields, refused rows saving nothing, warnings
# asked once for the round, Esc with changes, sideways scrolling.  The
# database is checked through 'wardsafe list' afterwards.
. "$top_srcdir/tests/lib.sh"

printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
demo_db "$T/demo.db"
DB="$T/round.db"
fresh() { cp "$T/demo.db" "$DB"; }
ws() { "$WARDSAFE_BIN" --lang en --db "$DB" "$@"; }
# line DUMP WORDS: a line of the dump reads WORDS (spaces do not matter).
line() { awk '{ $1 = $1; print }' "$T/$1.txt" | grep -qxF -- "$2"; }
surveys() { ws list survey | sed 1d | wc -l | tr -d ' '; }

# ---- the date, carry-forward, sideways scrolling
fresh
screens round '<F4>r<Dump><Enter><Dump><Right><Right><Dump><Esc>q' --lang en --db "$DB"
expect_rc 0 "the grid runs from a key script"
same_dump round "the date asked, the grid of surveys, scrolled sideways (80x24)"
expect_grep "$T/round.txt" "24/11/2026" "the date proposed in the current period is today"
# The latest survey of group 1 is 208 surveyed, 159 with one, 181 extinguishers.
line round "1 Tổ dân phố 1 208 159"
ok $? "each cell carries the group's latest value forward"
line round "1 Tổ dân phố 1 159 181"
ok $? "scrolled right, the code and name stay and the next column shows"
screens round-q3 'p<C-u>2023-Q3<Enter><F4>r<Dump><Esc>q' --lang en --db "$DB"
expect_grep "$T/round-q3.txt" "30/09/2023" "the date proposed otherwise is the period's last day"
n0=$(surveys)

# ---- typing replaces; one changed row saves one record, carried values kept
screens round-save '<F4>r<Enter><Right>170<Dump><F2><Dump><Esc>q' --lang en --db "$DB"
line round-save "* 1 Tổ dân phố 1 208 170*"
ok $? "a digit typed replaces the value (not 159170), the change marked"
expect_grep "$T/round-save.txt" "Saved 1 record dated 24/11/2026" "the grid says what was saved"
[ "$(surveys)" -eq $((n0 + 1)) ]
ok $? "one changed row saves exactly one record"
[ "$(ws list survey | cut -f2- | grep -c '^1	2026-11-24	')" -eq 1 ] &&
	ws list survey | cut -f2- | grep -qxF "$(printf '1\t2026-11-24\t208\t170\t181')"
ok $? "with the carried values in its other fields"

# ---- a refused row refuses the round: nothing written
fresh
screens round-refused '<F4>r<Enter><Down><Right>900<Down>130<F2><Dump><Up><F1><Dump><Esc><Esc>y q' --lang en --db "$DB"
expect_grep "$T/round-refused.txt" "Not saved: 1 row has errors" "a row with an error refuses the save"
line round-refused "! 2 Tổ dân phố 2 221 900*"
ok $? "the row in error is marked"
expect_grep "$T/round-refused.txt" "more than the 221 households surveyed" "F1 on it shows the message of the forms"
[ "$(surveys)" -eq "$n0" ]
ok $? "nothing saved, not even the good row (all or nothing)"

# ---- warnings asked once for the round, listing the rows
fresh
screens round-warn '<F4>r<Enter><Right>150<Enter>160<F2><Dump>y<Dump><Esc>q' --lang en --db "$DB"
grep -c "Confirm" "$T/round-warn.txt" | grep -qx 1 && grep -q "Warnings: 1 Tổ dân phố 1: Households" "$T/round-warn.txt" &&
	grep -q "down; 2 Tổ dân phố 2: Households" "$T/round-warn.txt"
ok $? "the warnings of every row are asked in one question"
expect_grep "$T/round-warn.txt" "Saved 2 records dated 24/11/2026" "confirmed, both rows are saved"
[ "$(surveys)" -eq $((n0 + 2)) ]
ok $? "two records"

# ---- Esc with changes asks; Del puts the carried value back
fresh
screens round-esc '<F4>r<Enter>5<Esc><Dump>n<Dump><Del><Dump><Esc><Dump>q' --lang en --db "$DB"
expect_grep "$T/round-esc.txt" "Close the round and lose the changes of 1 row?" "Esc with changes asks first"
grep -c "Round: Extinguisher survey on 24/11/2026" "$T/round-esc.txt" | grep -qx 3
ok $? "no keeps the grid open"
line round-esc "1 Tổ dân phố 1 208 159"
ok $? "Del puts the carried value back"
expect_grep "$T/round-esc.txt" "Extinguisher survey (1/4, Tab)" "Esc without changes closes at once"
[ "$(surveys)" -eq "$n0" ]
ok $? "nothing saved"

# ---- incidents and outreach: a column per category or kind, no carry
fresh
ni=$(ws list incident | sed 1d | wc -l)
screens round-inc '<F5>r<Enter><Dump>2<Tab>0<F2><Dump><Esc>q' --lang en --db "$DB"
expect_grep "$T/round-inc.txt" "Round: Incident on 24/11/2026" "r on Incidents opens the grid of incidents"
sed -n 5p "$T/round-inc.txt" | grep -q "Trộm cắp tài sản"
ok $? "one column per category"
expect_grep "$T/round-inc.txt" "Saved 1 record dated 24/11/2026" "a filled cell saves one record, 0 nothing"
[ "$(ws list incident | sed 1d | wc -l)" -eq $((ni + 1)) ] && ws list incident | cut -f2- | grep -qx "$(printf '1\t2026-11-24\ttheft\t2\t')"
ok $? "the group, the date, the category, the count"
screens round-out '<F6>r<Enter>3<F2><Dump><Esc>q' --lang en --db "$DB"
ws list outreach | cut -f2- | grep -qx "$(printf '2026-11-24\tradio\t3\t1\t')"
ok $? "outreach: a column per kind of session"

# ---- up to 200 groups: PgDn reaches the last one
fresh
{ echo "code,name"; i=13; while [ $i -le 200 ]; do echo "$i,Tổ số $i"; i=$((i + 1)); done; } > "$T/group.csv"
ws import "$T/group.csv" > /dev/null
screens round-200 '<F4>r<Enter><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><Dump><Esc>q' --lang en --db "$DB"
expect_grep "$T/round-200.txt" "200 groups" "the grid holds 200 groups"
awk '{ $1 = $1; print }' "$T/round-200.txt" | grep -q "^200 Tổ số 200 -"
ok $? "PgDn pages down to the last of them"

# ---- P and w: the leaders' sheet of the round, as a PDF
fresh
screens round-w "<F4>r<Enter>w<Enter><C-u>$T/sheet.pdf<Enter><Dump><Esc>q" --lang en --db "$DB"
[ -s "$T/sheet.pdf" ] && head -c 5 "$T/sheet.pdf" | grep -q '%PDF-'
ok $? "w in the grid saves the round's sheet as a PDF (one table for all groups)"
expect_grep "$T/round-w.txt" "Sheet saved to $T/sheet.pdf" "and says where"
if command -v pdftotext >/dev/null; then
	pdftotext "$T/sheet.pdf" - | grep -q "Tổ dân phố 12"
	ok $? "the sheet lists the groups of the round"
else
	skip "the sheet lists the groups of the round" "no pdftotext"
fi
mkdir -p "$T/printed"
printf '[general]\noperator = Trung úy Kiểm Thử\n[report]\nprint_command = cp -t %s/printed\n' "$T" > "$T/print.ini"
WARDSAFE_CONFIG="$T/print.ini" screens round-p '<F4>r<Enter>P<Down><Enter>y<Dump><Esc>q' --lang en --db "$DB"
[ "$(ls "$T/printed" | wc -l)" -eq 1 ]
ok $? "P in the grid sends the sheet (a page per group) to the print command"
expect_grep "$T/round-p.txt" "The sheet was sent to the printer." "and says so"
if command -v pdfinfo >/dev/null; then
	[ "$(pdfinfo "$T"/printed/* | awk '/^Pages:/ { print $2 }')" -eq 12 ]
	ok $? "one page for each of the 12 groups"
else
	skip "one page for each of the 12 groups" "no pdfinfo"
fi
screens round-digit '<F4>r<Enter>x<Dump><Esc>q' --lang en --db "$DB"
expect_grep "$T/round-digit.txt" "Only whole numbers go in these cells" "other letters are still refused in the grid"

finish
