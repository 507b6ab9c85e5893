#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-records.sh - add, list, edit, delete, validation messages, warnings,
# the audit log.
. "$top_srcdir/tests/lib.sh"

DB="$T/w.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward "Lam Sơn"

ws add group code=9 "name=Tổ dân phố 9" "leader=Nguyễn Văn Hùng" households=181 residents=678 date=2023-01-01
expect_rc 0 "add group with households"
[ "$(cat "$T/out")" = 1 ]; ok $? "prints the new id"
ws list population
expect_grep "$T/out" "9	2023-01-01	181	678" "adding a group records its first population"
ws list group
expect_grep "$T/out" "id	code	name	leader	active	closed" "list prints a header of field names"
expect_grep "$T/out" "1	9	Tổ dân phố 9	Nguyễn Văn Hùng	yes	" "and the group"

ws add survey group=9 date=30/09/2023 surveyed=181 with_extinguisher=190
expect_rc 1 "more with an extinguisher than surveyed is refused"
expect_grep "$T/err" "with_extinguisher=190" "the message names the field and value"
expect_grep "$T/err" "181" "and the limit"
ws add survey group=9 date=2023-09-31 surveyed=1 with_extinguisher=0
expect_rc 1 "an impossible date is refused"
ws add survey group=9 date=2023-09-30 surveyed=181 with_extinguisher=130
expect_rc 0 "a good survey is saved"
SURVEY=$(cat "$T/out")
ws list survey
expect_grep "$T/out" "9	2023-09-30	181	130	" "DD/MM/YYYY and ISO dates both work; stored as ISO"
ws add survey group=9 date=2023-10-31 surveyed=181 with_extinguisher=120
expect_rc 1 "a cumulative count going down needs --force"
expect_grep "$T/err" "warning" "it is a warning"
expect_grep "$T/err" "--force" "that says how to confirm"
ws add survey group=9 date=2023-10-31 surveyed=181 with_extinguisher=120 --force
expect_rc 0 "--force saves despite the warning"
ws add survey group=9 date=2023-11-30 surveyed=181 with_extinguisher=135 colour=red
expect_rc 2 "an unknown field is a usage error"
expect_grep "$T/err" "fields: group, date, surveyed" "listing the fields"
ws add parade group=9
expect_rc 2 "an unknown kind is a usage error"
ws add survey group=9 date=2023-11-30 surveyed
expect_rc 2 "an argument without = is a usage error"

ws edit survey "$SURVEY" with_extinguisher=115
expect_rc 0 "edit changes a field"
ws list survey --period 2023-09
expect_grep "$T/out" "181	115" "the edited value is stored"
[ "$(wc -l < "$T/out")" -eq 2 ]; ok $? "--period keeps only September"
ws edit survey "$SURVEY" with_extinguisher=999
expect_rc 1 "edit is validated like add"
ws edit survey 999 with_extinguisher=1
expect_rc 1 "editing a missing record"
ws edit survey abc with_extinguisher=1
expect_rc 2 "a bad id is a usage error"

ws add group code=10 "name=Tổ 10" households=100 residents=90
expect_rc 1 "fewer residents than households"
ws add group code=10 "name=Tổ 10" households=100 residents=360 date=2023-01-01
ws add app114 group=10 date=2023-09-30 installs=400
expect_rc 1 "installs above residents need confirmation"
ws list app114
[ "$(wc -l < "$T/out")" -eq 1 ]; ok $? "nothing was saved"
ws list survey --group 10
[ "$(wc -l < "$T/out")" -eq 1 ]; ok $? "--group filters (header only)"
ws list ward --period 2023
expect_rc 2 "--period on a kind without dates"
ws list survey --group 77
expect_rc 1 "--group with an unknown code"
ws edit group 1 active=
expect_rc 1 "emptying a field that has a default is refused"
ws edit group 1 households=300
expect_rc 2 "households cannot be edited on a group (it is population)"

ws add fireteam group=9 kind=team "name=Tổ liên gia 1" households=4 established=2023-03-01
expect_rc 1 "a team of 4 households"
expect_grep "$T/err" "5 to 15" "the rule is stated"
ws add fireteam group=9 kind=team "name=Tổ liên gia 1" households=8 established=2023-03-01
expect_rc 0 "a team of 8"

ws delete group 1
expect_rc 1 "a group with records cannot be deleted"
ws delete survey "$SURVEY"
expect_rc 0 "delete a survey"
ws list survey --period 2023-09
[ "$(wc -l < "$T/out")" -eq 1 ]; ok $? "it is gone"

# Closed periods: changes need a confirmation and stay in the audit log.
ws add closing period=2023-10
ws add incident group=9 date=2023-10-05 category=theft
expect_rc 1 "adding inside a closed period needs --force"
expect_grep "$T/err" "closed" "the warning says the period is closed"
ws add incident group=9 date=2023-10-05 category=theft "note=Mất xe đạp; ' OR 1=1 --" --force
expect_rc 0 "confirmed with --force"
ws list incident
expect_grep "$T/out" "Mất xe đạp; ' OR 1=1 --" "text with quotes and SQL comes back unchanged"

if command -v sqlite3 >/dev/null; then
	n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE tbl='survey'")
	[ "$n" -eq 4 ]; ok $? "the audit log has the survey's inserts, edit and delete ($n)"
	op=$(sqlite3 "$DB" "SELECT DISTINCT operator FROM audit")
	[ -n "$op" ]; ok $? "the audit names an operator ($op)"
else
	echo "ok $((tap_n + 1)) # SKIP sqlite3 not installed"; tap_n=$((tap_n + 1))
	echo "ok $((tap_n + 1)) # SKIP sqlite3 not installed"; tap_n=$((tap_n + 1))
fi

# A field given twice is refused, naming the field, for add and edit.
ws add incident group=9 group=9 date=2023-10-06 category=theft
expect_rc 2 "add with a field given twice is refused"
expect_grep "$T/err" "'group'" "the message names the field"
ws edit group 1 "leader=Trần Văn A" "leader=Trần Văn B"
expect_rc 2 "edit with a field given twice is refused"
ws list group
! grep -q "Trần Văn [AB]" "$T/out"; ok $? "and changes nothing"

# One-digit day and month in the ISO form, as the manual allows.
ws add incident group=9 date=2023-2-3 category=theft --force
expect_rc 0 "add with date=2023-2-3"
ws list incident
expect_grep "$T/out" "2023-02-03" "stored as 2023-02-03"
ws add incident group=9 date=2023-2-30 category=theft --force
expect_rc 1 "2023-2-30 is still refused"

# The ward is one row: add on an existing ward changes it.
ws add ward "name=Lam Sơn" "place=Lam Sơn" "unit=CÔNG AN PHƯỜNG LAM SƠN"
expect_rc 0 "add ward updates the single ward row"
ws list ward
[ "$(wc -l < "$T/out")" -eq 2 ]; ok $? "still one ward"
expect_grep "$T/out" "CÔNG AN PHƯỜNG LAM SƠN" "with the new unit"

ws backup
expect_rc 0 "backup into the backup directory"
ls "$T"/backups/w-*-manual.db >/dev/null 2>&1; ok $? "named after the database"
ws backup -o "$T/copy.db"
expect_rc 0 "backup -o FILE"
[ "$(stat -c %a "$T/copy.db")" = 600 ]; ok $? "the backup is 0600"
ws backup -o "$T/copy.db"
expect_rc 1 "backup does not replace a file without --force"
finish
