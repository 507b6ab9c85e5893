#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-narrative.sh - the officer's paragraphs of a report (issue 15, kind
# narrative): add/list/edit/delete/export/import with multi-line text, one
# text per period and section, line breaks the only control character
# allowed (CR LF read as LF); the report places them under I. Tình hình,
# II. Kết quả, III. Tồn tại, hạn chế, IV. Phương hướng, nhiệm vụ, leaves an
# empty one out and numbers the others in order, in the text and the PDF;
# a file of schema 4 gets the table, everything else kept.
. "$top_srcdir/tests/lib.sh"

DB="$T/demo.db"
demo_db "$DB"
ws() { run --db "$DB" "$@"; }
nl='
'

# ---- records
ws add narrative period=2023q3 section=situation text=x
expect_rc 1 "a period that --period does not take is refused"
ws add narrative period=2023-Q3 section=summary text=x
expect_rc 1 "a section that is not situation, problems or plans is refused"
ws add narrative period=2023-07..2023-09 section=situation \
	"text=Tình hình an ninh trật tự trên địa bàn phường cơ bản ổn định.${nl}Không xảy ra vụ việc phức tạp."
expect_rc 0 "a situation of two paragraphs for 2023-Q3, written as a range"
id=$(cat "$T/out")
ws list narrative
expect_grep "$T/out" "$id	2023-Q3	situation	" "it is stored under the period's code 2023-Q3"
ws --lang en add narrative period=2023-Q3 section=situation text=again
expect_rc 1 "a second situation for the same period is refused"
expect_grep "$T/err" "already has a text for this section (id $id)" "the message names the one to edit"
ws add narrative period=2023-Q2 section=situation text=again
expect_rc 0 "the same section of another period is a record of its own"
ws add narrative period=2023-Q3 section=plans "text=$(printf 'a\tb')"
expect_rc 1 "a tab is refused"
expect_grep "$T/err" "U+0009" "the message names it"
ws add narrative period=2023-Q3 section=plans "text=$(printf 'Dòng một\r\nDòng hai\r\n')"
expect_rc 0 "CR LF is accepted"
pid=$(cat "$T/out")
[ "$(sqlite3 "$DB" "SELECT hex(text) FROM narrative WHERE id = $pid")" = \
  "$(printf 'Dòng một\nDòng hai' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ]
ok $? "and stored as LF, without the trailing line break"
ws edit narrative "$pid" "text=Tăng cường tuần tra.${nl}Hoàn thành chỉ tiêu cam kết ANTT."
expect_rc 0 "the plans are edited"
ws delete narrative "$pid"
expect_rc 0 "and deleted"
ws add narrative period=2023-Q3 section=plans "text=Tăng cường tuần tra.${nl}Hoàn thành chỉ tiêu cam kết ANTT."
pid=$(cat "$T/out")
n=$(sqlite3 "$DB" "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE tbl = 'narrative' ORDER BY id)")
[ "$n" = "insert insert insert update delete insert" ]; ok $? "the audit log has every change ($n)"

# ---- export and import
ws export narrative
cp "$T/out" "$T/n.csv"
expect_grep "$T/n.csv" '2023-Q3,situation,"Tình hình an ninh trật tự trên địa bàn phường cơ bản ổn định.' \
	"export quotes the multi-line text"
expect_grep "$T/n.csv" "Không xảy ra vụ việc phức tạp.\"" "its second line ends the quoted field"
printf 'period,section,text\r\n2023-Q3,problems,"Tỷ lệ cam kết ANTT chưa đạt.\r\nMột số tổ chưa báo cáo đúng hạn."\r\n2023-Q2,situation,"Ổn định."\r\n' > "$T/in.csv"
ws --lang en import --kind narrative "$T/in.csv"
expect_rc 0 "a CSV from a spreadsheet (CR LF, a line break in a quoted field) imports"
expect_grep "$T/out" "1 new, 1 updated" "the existing period and section is updated, not doubled"
ws list narrative
expect_grep "$T/out" "2023-Q3	problems	Tỷ lệ cam kết ANTT chưa đạt.\\x0aMột số tổ" \
	"its paragraphs are kept, LF only (list escapes the line break)"
expect_grep "$T/out" "2023-Q2	situation	Ổn định." "and the update is there"
ws export narrative
cp "$T/out" "$T/n.csv"
D2="$T/copy.db"
run --db "$D2" init --ward "Lam Sơn"
run --db "$D2" import --kind narrative "$T/n.csv"
expect_rc 0 "the export imports into another file"
sqlite3 "$DB" "SELECT period, section, text FROM narrative ORDER BY period, section" > "$T/a"
sqlite3 "$D2" "SELECT period, section, text FROM narrative ORDER BY period, section" > "$T/b"
expect_same "$T/b" "$T/a" "with the same texts, line breaks included"

# ---- kept in backups
ws backup -o "$T/b.db"
expect_rc 0 "a backup"
sqlite3 "$DB" "SELECT count(*) FROM narrative" > "$T/before"
ws add narrative period=2022-Q1 section=plans text=later
ws restore "$T/b.db"
expect_rc 0 "is restored"
sqlite3 "$DB" "SELECT count(*) FROM narrative" > "$T/after"
expect_same "$T/after" "$T/before" "with the texts as they were at the backup"
sqlite3 "$DB" "SELECT text FROM narrative WHERE period = '2023-Q3' AND section = 'problems'" | wc -l > "$T/n"
[ "$(cat "$T/n")" = 2 ]; ok $? "their line breaks kept"

# ---- the report
ws report --period 2023-Q3
cp "$T/out" "$T/q3.txt"
grep -n '^I\{1,3\}V\{0,1\}\. ' "$T/q3.txt" | cut -d: -f2 > "$T/heads"
printf 'I. Tình hình\nII. Kết quả\nIII. Tồn tại, hạn chế\nIV. Phương hướng, nhiệm vụ\n' > "$T/want"
expect_same "$T/heads" "$T/want" "the text report has the four parts in order"
expect_grep "$T/q3.txt" "    Tình hình an ninh trật tự trên địa bàn phường cơ bản ổn định." \
	"a paragraph starts indented"
expect_grep "$T/q3.txt" "    Không xảy ra vụ việc phức tạp." "each line of the text is a paragraph"
[ "$(grep -n '^II\. Kết quả' "$T/q3.txt" | cut -d: -f1)" -lt "$(grep -n '^1\. ' "$T/q3.txt" | cut -d: -f1)" ] &&
[ "$(grep -n '^4\. ' "$T/q3.txt" | cut -d: -f1)" -lt "$(grep -n '^III\. ' "$T/q3.txt" | cut -d: -f1)" ]
ok $? "the figures are under II, before III"
sqlite3 "$DB" "DELETE FROM narrative WHERE period = '2023-Q3' AND section = 'situation'"
ws --lang en report --period 2023-Q3
grep '^I\{1,3\}V\{0,1\}\. ' "$T/out" > "$T/heads"
printf 'I. Results\nII. Shortcomings\nIII. Tasks ahead\n' > "$T/want"
expect_same "$T/heads" "$T/want" "without a situation it is left out and the numbering stays consecutive (English)"
ws report --period 2023-Q1
[ "$(grep -c '^I\{1,3\}V\{0,1\}\. ' "$T/out")" = 0 ]
ok $? "a period without any text has no parts: the figures as they were"
expect_grep "$T/out" "1. Tổng hợp các chỉ số của kỳ" "(its sections unchanged)"

if command -v pdftotext >/dev/null; then
	ws report --period 2023-Q3 --format pdf -o "$T/q3.pdf"
	expect_rc 0 "the PDF with the texts"
	pdftotext "$T/q3.pdf" "$T/q3pdf.txt"
	grep '^I\{1,3\}V\{0,1\}\. ' "$T/q3pdf.txt" > "$T/heads"
	printf 'I. Kết quả\nII. Tồn tại, hạn chế\nIII. Phương hướng, nhiệm vụ\n' > "$T/want"
	expect_same "$T/heads" "$T/want" "the PDF has the parts, numbered in order"
	expect_grep "$T/q3pdf.txt" "Một số tổ chưa báo cáo đúng hạn." "and the officer's paragraphs"
	ws report --period 2023-Q1 --format pdf -o "$T/q1.pdf"
	pdftotext "$T/q1.pdf" - | grep -c '^I\. ' > "$T/n"
	[ "$(cat "$T/n")" = 0 ]; ok $? "a PDF without texts has no numbered parts"
else
	skip "the PDF's parts" "no pdftotext"
fi

# ---- a closed period: the report was issued, a change needs --force
ws add closing period=2023-Q3
ws --lang en add narrative period=2023-Q3 section=situation text=Sau
expect_rc 1 "a text for a closed period is refused without --force"
expect_grep "$T/err" "the report of period 2023-Q3 was issued (it is closed)" "the warning says why"
ws --lang en add narrative period=2023-09 section=situation text=Sau
expect_grep "$T/err" "the report of period 2023-Q3 was issued" "a month inside the closed quarter too"
ws add narrative period=2023-Q3 section=situation text=Sau --force
expect_rc 0 "with --force it is saved"
sid=$(cat "$T/out")
ws --lang en edit narrative "$sid" text=Sau2
expect_rc 1 "an edit asks for --force too"
ws --lang en delete narrative "$sid"
expect_rc 1 "so does a delete"
ws delete narrative "$sid" --force
expect_rc 0 "which --force allows"
ws add narrative period=2023-Q4 section=situation text=x
expect_rc 0 "another period is not affected"

# ---- a file of schema 4
if command -v sqlite3 >/dev/null; then
	mkdir -p "$T/v4"
	V4="$T/v4/w.db"
	demo_db "$V4"
	sqlite3 "$V4" "DROP TABLE narrative; DELETE FROM sqlite_sequence WHERE name = 'narrative'; PRAGMA user_version = 4"
	sqlite3 "$V4" .dump | grep -v narrative > "$T/v4-before.sql"
	run --db "$V4" check
	expect_rc 0 "a schema-4 file opens"
	[ "$(sqlite3 "$V4" "PRAGMA user_version")" = 5 ]; ok $? "it is migrated to schema 5"
	ls "$T/v4/backups" | grep -q -- '-pre-v5\.db$'; ok $? "after a pre-v5 backup"
	sqlite3 "$V4" .dump | grep -v narrative > "$T/v4-after.sql"
	expect_same "$T/v4-after.sql" "$T/v4-before.sql" "every other row and table is kept"
	run --db "$V4" add narrative period=2023-Q3 section=situation text=x
	expect_rc 0 "and it takes narratives"
	sqlite3 "$V4" "SELECT count(*) FROM audit WHERE tbl = 'narrative'" > "$T/n"
	[ "$(cat "$T/n")" = 1 ]; ok $? "audited"
else
	skip "schema 4" "no sqlite3 shell"
fi
finish
