#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-csvsep.sh - CSV for spreadsheets (issue 17): the separator of an
# imported file is told from its header (',', ';' or TAB) and a decimal
# field takes a decimal comma; export, report and template write --sep,
# --crlf and the [csv] settings; text cells that would start a formula are
# marked with a leading "'" and import removes it, so the round trip stays
# exact.
. "$top_srcdir/tests/lib.sh"

DB="$T/w.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward "Lam Sơn"
printf 'code,name,leader,active,households,residents,date\n1,Tổ 1,,yes,200,720,2023-01-01\n-2,Tổ 2,,yes,150,540,2023-01-01\n' > "$T/group.csv"
ws import "$T/group.csv"
expect_rc 0 "set-up: groups (one code starts with '-')"

# A file as LibreOffice with Vietnamese regional settings saves it.
printf 'year;indicator;value\n2026;extinguisher;74,5\n2026;app114;"20,25"\n' > "$T/target.csv"
ws import "$T/target.csv"
expect_rc 0 "a ';' file with decimal commas imports"
ws export target
expect_grep "$T/out" "2026,extinguisher,74.5" "74,5 is stored as 74.5"
expect_grep "$T/out" "2026,app114,20.25" "a quoted 20,25 too"
printf 'group;date;category;count;note\n1;2026-11-01;theft;2;"kẻ gian; đã bắt"\n' > "$T/incident-semi.csv"
ws import "$T/incident-semi.csv"
expect_rc 0 "a ';' incident file is no longer refused"
expect_no_grep "$T/err" "unknown column" "its header is read as five columns"
printf 'group\tdate\tcategory\tcount\tnote\n1\t2026-11-02\ttheft\t1\tqua TAB, có dấu phẩy\n' > "$T/incident-tab.csv"
ws import "$T/incident-tab.csv"
expect_rc 0 "a TAB file imports"
ws export incident
expect_grep "$T/out" '1,2026-11-02,theft,1,"qua TAB, có dấu phẩy"' "a comma in a TAB file is text"
printf 'group;date;category;count;note\n1;2026-11-03;theft;1;"ab"cd\n' > "$T/incident-q.csv"
ws import "$T/incident-q.csv"
expect_rc 1 '"ab"cd in a ; file is refused'
expect_grep "$T/err" "incident-q.csv:2: column 5: a quote in the wrong place" "with its line and column"
printf 'year;indicator;value\n2027;extinguisher;7,4,5\n' > "$T/target-bad.csv"
ws import "$T/target-bad.csv"
expect_rc 1 "two commas are not a decimal number"

# Formulas: none starts a cell; the text comes back as it was.
ws add incident group=1 date=2026-11-04 category=theft 'note==HYPERLINK("http://x","bấm vào đây")'
ws add incident group=1 date=2026-11-04 category=theft 'note=+1+cmd|x'
ws add incident group=1 date=2026-11-04 category=theft 'note=@SUM(1+1)'
ws add incident group=1 date=2026-11-04 category=theft 'note=-3 người'
ws add incident group=1 date=2026-11-04 category=theft "note='trích dẫn"
ws add incident group=-2 date=2026-11-04 category=theft note=x
ws export incident
expect_grep "$T/out" ',"'"'"'=HYPERLINK(""http://x"",""bấm vào đây"")"' "=... is marked with '"
expect_grep "$T/out" ",'+1+cmd|x" "+... is marked"
expect_grep "$T/out" ",'@SUM(1+1)" "@... is marked"
expect_grep "$T/out" ",'-3 người" "-... is marked"
expect_grep "$T/out" ",''trích dẫn" "a text starting with ' gets a second one"
expect_grep "$T/out" "'-2,2026-11-04,theft,1,x" "a group code starting with - is marked"
bad=$(grep -c '^[=+@-]\|[,]["]\{0,1\}[=+@-]' "$T/out")
ok "$([ "$bad" -eq 0 ]; echo $?)" "no cell of the export starts a formula"
ws export group
expect_grep "$T/out" "'-2,Tổ 2" "the group file too"
ws add target year=2026 indicator=pccc_commitment value=90
printf '[targets]\n' > /dev/null

# The round trip is exact: export all, a new database, import, export.
for sep in , ';' tab; do
	rm -rf "$T/e1" "$T/e2" "$T/n.db"
	ws export all --sep "$sep" -o "$T/e1"
	run --lang en --db "$T/n.db" init
	run --lang en --db "$T/n.db" import "$T"/e1/*.csv
	expect_rc 0 "export all --sep '$sep' imports into a new database"
	run --lang en --db "$T/n.db" export all --sep "$sep" -o "$T/e2"
	diff -r "$T/e1" "$T/e2" > "$T/diff" 2>&1
	ok $? "export all --sep '$sep' -> import -> export is identical"
	sed 's/^/#   /' "$T/diff" | head -10
done
run --lang en --db "$T/n.db" list incident
expect_grep "$T/out" "'trích dẫn" "the quote of a text starting with ' survives"
expect_grep "$T/out" "=HYPERLINK" "and the formula text is back as it was"
expect_no_grep "$T/out" "'=HYPERLINK" "without its mark"

# Export: --sep ';' takes decimal commas (the rule: ';' goes with the
# decimal comma unless [csv] decimal says otherwise).
ws export target --sep ';'
expect_grep "$T/out" "2026;extinguisher;74,5" "--sep ';' writes 74,5"
expect_grep "$T/out" "year;indicator;value" "and a ';' header"
ws export target --sep tab
printf '2026\textinguisher\t74.5\n' > "$T/want"
grep -F "$(cat "$T/want")" "$T/out" >/dev/null
ok $? "--sep tab writes TABs and 74.5"
ws export target --sep '|'
expect_rc 2 "--sep takes , ; or tab only"
expect_grep "$T/err" "--sep takes" "and says so"
ws export target --crlf
printf 'year,indicator,value\r\n' > "$T/want"
head -1 "$T/out" | cmp -s - "$T/want"
ok $? "--crlf ends lines with CRLF"
ws export target
printf 'year,indicator,value\n' > "$T/want"
head -1 "$T/out" | cmp -s - "$T/want"
ok $? "without it, LF as before"
ws export --format dhis2 --sep ';'
expect_rc 2 "--sep does not apply to DHIS2"

printf '[csv]\nseparator = semicolon\n' > "$T/semi.ini"
run --lang en --config "$T/semi.ini" --db "$DB" export target
expect_grep "$T/out" "2026;extinguisher;74,5" "[csv] separator = semicolon: ';' and 74,5"
printf '[csv]\nseparator = semicolon\ndecimal = point\n' > "$T/semipt.ini"
run --lang en --config "$T/semipt.ini" --db "$DB" export target
expect_grep "$T/out" "2026;extinguisher;74.5" "[csv] decimal = point keeps 74.5"
printf '[csv]\ndecimal = comma\n' > "$T/comma.ini"
run --lang en --config "$T/comma.ini" --db "$DB" export target
expect_grep "$T/out" '2026,extinguisher,"74,5"' "[csv] decimal = comma with ',': the number is quoted"
run --lang en --config "$T/comma.ini" --db "$DB" export target --sep tab
expect_grep "$T/out" "74,5" "[csv] decimal = comma holds with --sep tab too"
printf '[csv]\nline_end = crlf\n' > "$T/crlf.ini"
run --lang en --config "$T/crlf.ini" --db "$DB" export target
printf 'year,indicator,value\r\n' > "$T/want"
head -1 "$T/out" | cmp -s - "$T/want"
ok $? "[csv] line_end = crlf"
printf '[csv]\nseparator = ;\n' > "$T/bad.ini"
run --lang en --config "$T/bad.ini" --db "$DB" export target
expect_rc 3 "separator = ; is refused (';' starts a comment in an ini file)"

# The report: rates are numbers with the decimal comma, texts marked.
printf 'group,date,surveyed,with_extinguisher\n1,2026-11-01,200,151\n' > "$T/survey.csv"
ws import "$T/survey.csv"
expect_rc 0 "set-up: a survey"
ws report --format csv --sep ';'
expect_rc 0 "report --format csv --sep ';'"
expect_grep "$T/out" "1;Tổ 1;200;720;75,50;" "the report's rates have decimal commas"
expect_grep "$T/out" "'-2;Tổ 2;150;540;0,00;" "and a group code starting with - is marked"
expect_grep "$T/out" "extinguisher;Households with a fire extinguisher;151;350;43,14;74,5;not_met;" \
	"the summary table too"
ws report --format csv
expect_grep "$T/out" "1,Tổ 1,200,720,75.50," "the default report CSV is as before"
ws report --format csv --crlf -o "$T/report.csv"
expect_rc 0 "report --crlf -o FILE"
head -1 "$T/report.csv" | od -c | grep -q '\\r  \\n'
ok $? "with CRLF line ends"
ws report --format text --sep ';'
expect_rc 2 "--sep applies to the CSV report only"

# The Reports screen saves its CSV in the style of [csv].
printf '[csv]\nseparator = semicolon\nline_end = crlf\n[report]\nsigner_name = Nguyễn Văn An\n' > "$T/screen.ini"
WARDSAFE_CONFIG="$T/screen.ini" screens rcsv "<F10>w<C-u>$T/bc.csv<Enter><Dump>q" --lang en --db "$DB"
expect_grep "$T/rcsv.txt" "Report saved to" "the Reports screen saves a .csv"
expect_grep "$T/bc.csv" "1;Tổ 1;200;720;75,50;" "with ';' and decimal commas from [csv]"
grep -q "'-2;Tổ 2;" "$T/bc.csv"; ok $? "and the code -2 marked"
head -1 "$T/bc.csv" | od -c | grep -q '\\r  \\n'
ok $? "and CRLF line ends from [csv] line_end"

# The sheet for the group leaders, and back.
ws template survey --sep ';' --crlf -o "$T/sheet.csv"
expect_rc 0 "template --sep ';' --crlf"
printf 'group;group (name);date;surveyed;surveyed (last);surveyed (last date);with_extinguisher;with_extinguisher (last);with_extinguisher (last date);extinguishers;extinguishers (last);extinguishers (last date)\r\n' > "$T/want"
head -1 "$T/sheet.csv" | cmp -s - "$T/want"
ok $? "the sheet's header with ';' and CRLF"
expect_grep "$T/sheet.csv" "'-2;Tổ 2;2026-11-24;" "the sheet marks the code -2"
awk -F';' -v OFS=';' '$1 == "\047-2" { $4 = 150; $7 = 90 } { print }' "$T/sheet.csv" > "$T/sheet-filled.csv"
ws import --kind survey "$T/sheet-filled.csv"
expect_rc 0 "the sheet filled in, ';' and CRLF, imports"
ws list survey
expect_grep "$T/out" "-2	2026-11-24	150	90" "group -2's survey is saved"

# A real consumer, when there is one: LibreOffice with Vietnamese regional
# settings (language 1066, vi-VN, in the CSV filter's options: ';', '"',
# UTF-8, from line 1) reads the target value and the report's rates as
# numbers: in the flat ODS it writes, a number cell has office:value (a
# text cell has none).  Skipped where LibreOffice is not installed.
if command -v soffice >/dev/null 2>&1; then
	ws export target --sep ';' -o "$T/lo-target.csv"
	ws report --format csv --sep ';' -o "$T/lo-report.csv"
	for f in lo-target lo-report; do
		(cd "$T" && HOME="$T" timeout 180 soffice --headless --infilter="CSV:59,34,76,1,,1066" \
			--convert-to fods --outdir "$T/lo" "$T/$f.csv" >"$T/lo-$f.log" 2>&1)
	done
	if [ -s "$T/lo/lo-target.fods" ] && [ -s "$T/lo/lo-report.fods" ]; then
		expect_grep "$T/lo/lo-target.fods" 'office:value="74.5"' "LibreOffice (vi-VN) reads 74,5 as the number 74.5"
		expect_grep "$T/lo/lo-report.fods" 'office:value="75.5"' "and the report's rate 75,50 as the number 75.5"
	else
		skip "LibreOffice reads the ';' files" "soffice did not convert them"
		sed 's/^/#   /' "$T"/lo-lo-*.log | head -10
	fi
else
	skip "LibreOffice reads the ';' files" "soffice is not installed"
fi

finish
