#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-report.sh - `wardsafe report`: text and CSV against expected files, the
# figures against `summary --format tsv`, safe writing, and the PDF (A4
# pages, Vietnamese headings, renders) when poppler-utils is installed.
. "$top_srcdir/tests/lib.sh"

DB="$T/demo.db"
demo_db "$DB"
ws() { run --db "$DB" "$@"; }

ws report --period 2023-Q3
expect_rc 0 "text report to standard output"
expect_same "$T/out" "$EXPECTED/report-2023-Q3.txt" "the text report of Q3 2023 (Vietnamese)"
expect_grep "$T/out" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "the national motto"
expect_grep "$T/out" "Lam Sơn, ngày 24 tháng 11 năm 2026" "place and date in the Decree 30 form"
ws report --period 2023-Q3 --format csv
expect_same "$T/out" "$EXPECTED/report-2023-Q3.csv" "the CSV report of Q3 2023"
ws --lang en report --period 2023-Q3 --number 12/BC-CAP
expect_grep "$T/out" "No.: 12/BC-CAP" "--number sets the report number"
expect_grep "$T/out" "Lam Sơn, 24 November 2026" "an English report dated the English way"
WARDSAFE_NOW='2026-12-07 08:00:00' "$WARDSAFE_BIN" --db "$DB" --lang en report --period 2023-Q3 > "$T/out"
expect_grep "$T/out" "Lam Sơn, 7 December 2026" "English: no leading zero, the month's name"
WARDSAFE_NOW='2026-12-07 08:00:00' "$WARDSAFE_BIN" --db "$DB" report --period 2023-Q3 > "$T/out"
expect_grep "$T/out" "Lam Sơn, ngày 07 tháng 12 năm 2026" "Vietnamese keeps Decree 30's form"

# Every figure of the report's summary table is the summary's.
for p in 2023-Q3 2023-09 2023 2022-Q4 2022-03..2022-08; do
	"$WARDSAFE_BIN" --db "$DB" summary --period "$p" --format tsv | tr '\t' ',' > "$T/sum.csv"
	"$WARDSAFE_BIN" --db "$DB" report --period "$p" --format csv |
		awk -F, 'NR == 1 { next } /^$/ { exit } { gsub(/"[^"]*"/, "label"); out = $1; for (i = 3; i <= NF; i++) out = out "," $i; print out }' \
		> "$T/rep.csv"
	cmp -s "$T/sum.csv" "$T/rep.csv"; ok $? "report $p: the summary table equals summary --format tsv"
done
"$WARDSAFE_BIN" --db "$DB" report --period 2023-Q3 --format csv |
	awk -F, '$1 == "total" && NF > 8 { print $5 }' > "$T/total"
"$WARDSAFE_BIN" --db "$DB" summary --period 2023-Q3 --format tsv | awk -F '\t' '$1 == "extinguisher" { print $4 }' > "$T/ext"
cmp -s "$T/total" "$T/ext"; ok $? "the groups table's total row equals the summary"

# Writing files.
ws report --period 2023-Q3 -o "$T/r.txt"
expect_rc 0 "report -o FILE"
[ "$(stat -c %a "$T/r.txt")" = 600 ]; ok $? "written readable by its owner only"
ws report --period 2023-Q3 -o "$T/r.txt"
expect_rc 1 "an existing file is not replaced"
expect_grep "$T/err" "--force" "without --force"
ws report --period 2023-Q3 -o "$T/r.txt" --force
expect_rc 0 "--force replaces it"
echo keep > "$T/victim"
ln -s "$T/victim" "$T/link.txt"
ws report --period 2023-Q3 -o "$T/link.txt" --force
[ "$(cat "$T/victim")" = keep ]; ok $? "a symbolic link is replaced, never followed"
ws report --period 2023-Q3 --format csv --bom -o "$T/bom.csv"
[ "$(head -c 3 "$T/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; ok $? "--bom for spreadsheet programs"
ws report --format docx
expect_rc 2 "an unknown format"
ws report --format pdf
expect_rc 2 "a PDF needs -o FILE"

# The PDF.
ws report --period 2023-Q3 --format pdf -o "$T/r.pdf"
expect_rc 0 "PDF report"
[ "$(stat -c %a "$T/r.pdf")" = 600 ]; ok $? "the PDF is readable by its owner only"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then
	pages=$(pdfinfo "$T/r.pdf" | awk '/^Pages:/ { print $2 }')
	[ "${pages:-0}" -ge 1 ]; ok $? "the PDF has pages ($pages)"
	pdfinfo -f 1 -l "$pages" "$T/r.pdf" | grep '^Page.*size:' | grep -vc '595.2[0-9] x 841.8[0-9] pts' > "$T/bad" || true
	[ "$(cat "$T/bad")" -eq 0 ]; ok $? "every page is A4 (595.28 x 841.89 pt)"
	pdftotext -layout "$T/r.pdf" "$T/r.txt.pdf"
	for text in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "BÁO CÁO" \
		"CÔNG AN PHƯỜNG LAM SƠN" "Lam Sơn, ngày 24 tháng 11 năm 2026" "Nơi nhận"; do
		expect_grep "$T/r.txt.pdf" "$text" "the PDF says \"$text\""
	done
	# Its figures are the summary's, in Vietnamese style.
	for v in "75,8" "89,4" "20,1" "98,2" "1.847" "2.438" "615"; do
		expect_grep "$T/r.txt.pdf" "$v" "the PDF shows $v"
	done
	pdftoppm -r 40 -png "$T/r.pdf" "$T/page" 2> "$T/ppm.err"
	[ $? -eq 0 ] && [ ! -s "$T/ppm.err" ] && [ "$(ls "$T"/page*.png | wc -l)" -eq "$pages" ]
	ok $? "every page renders without errors"
else
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do
		tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP poppler-utils is not installed"
	done
fi
finish
