#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-xlsx.sh - --format xlsx of export, summary, report, rollup and
# template (issue 17): each writes a workbook to -o FILE and refuses a
# terminal or standard output; the workbook has a title line, a frozen
# header row and typed cells (rates with a % format, dates DD/MM/YYYY).
# A real consumer reads them back: LibreOffice Calc (headless) converts
# every workbook to CSV in one call, and the figures equal those of
# `summary --format tsv` and `rollup --format tsv`.  The LibreOffice
# assertions are skipped when soffice is missing.
. "$top_srcdir/tests/lib.sh"

DB="$T/demo.db"
demo_db "$DB"
X="$T/x"
mkdir -p "$X"

# ---- writing, and where a workbook may not go
for c in "summary" "report" "export all" "export survey" "template survey"; do
	name=$(echo "$c" | tr ' ' '-')
	run --db "$DB" $c --format xlsx -o "$X/$name.xlsx"
	expect_rc 0 "$c --format xlsx -o FILE"
	head -c 2 "$X/$name.xlsx" > "$T/magic" 2>/dev/null
	printf 'PK' | cmp -s - "$T/magic"
	ok $? "$c: the file is a workbook (a zip archive)"
	run --db "$DB" $c --format xlsx
	expect_rc 2 "$c --format xlsx without -o is refused"
	expect_grep "$T/err" "-o FILE" "$c: the refusal says to give -o FILE"
	run --db "$DB" $c --format xlsx -o -
	expect_rc 2 "$c --format xlsx -o - (standard output) is refused"
	run --db "$DB" $c --format xlsx -o "$X/$name.xlsx"
	expect_rc 1 "$c: an existing workbook is kept without --force"
done
run --db "$DB" export survey --format xlsx --sep ';' -o "$X/sep.xlsx"
expect_rc 2 "export --format xlsx refuses --sep (a CSV option)"
ok "$([ ! -e "$X/sep.xlsx" ]; echo $?)" "nothing is written when refused"

run --db "$DB" summary --format tsv -o "$X/s.tsv"
expect_rc 2 "summary: -o is for --format xlsx only"
run --db "$DB" summary --format xlsx -o "$X/no/such/dir/s.xlsx"
expect_rc 3 "a workbook that cannot be written: exit status 3"
expect_grep "$T/err" "no/such/dir/s.xlsx" "with a message naming the file"
run --db "$DB" summary --format xlsx -o "$X/summary.xlsx" --force
expect_rc 0 "--force replaces a workbook"
ok "$(ls -a "$X" | grep -c wardsafe-tmp)" "no temporary file is left beside the workbooks"

# Two wards for the roll-up.
A="$T/an.db" B="$T/binh.db"
for w in "$A:Phường An" "$B:Phường Bình"; do
	"$WARDSAFE_BIN" --db "${w%%:*}" init --ward "${w#*:}" --district "Quận 1" --province "Tỉnh Thử" >/dev/null
	"$WARDSAFE_BIN" --db "${w%%:*}" add group code=1 name="Tổ 1" households=300 residents=900 date=2023-01-01 --force >/dev/null
done
"$WARDSAFE_BIN" --db "$A" add survey group=1 date=2023-09-30 surveyed=300 with_extinguisher=227 --force >/dev/null
"$WARDSAFE_BIN" --db "$B" add survey group=1 date=2023-09-15 surveyed=200 with_extinguisher=80 --force >/dev/null
"$WARDSAFE_BIN" --db "$A" add incident group=1 date=2023-09-12 category=theft note="=1+1" --force >/dev/null
"$WARDSAFE_BIN" --db "$A" add narrative period=2023-Q3 section=situation "text=Đoạn một.
Đoạn hai." --force >/dev/null
run --db "$A" export narrative --format xlsx -o "$X/lines.xlsx"
expect_rc 0 "export of a text of two paragraphs"
run --db "$A" export incident --format xlsx -o "$X/formula.xlsx"
expect_rc 0 "export of a note that looks like a formula"
run rollup "$A" "$B" --period 2023-Q3 --format xlsx -o "$X/rollup.xlsx"
expect_rc 0 "rollup --format xlsx -o FILE"
run rollup "$A" "$B" --period 2023-Q3 --format xlsx
expect_rc 2 "rollup --format xlsx without -o is refused"

# ---- inside the workbook (its XML): frozen header, formats
if command -v python3 > /dev/null; then
	python3 - "$X/summary.xlsx" > "$T/xml" 2>&1 <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.read("xl/worksheets/sheet1.xml").decode())
print(z.read("xl/styles.xml").decode())
PY
	expect_grep "$T/xml" 'ySplit="2"' "the title and header rows are frozen"
	expect_grep "$T/xml" 'formatCode="0.00%"' "rates have a % format"
	expect_grep "$T/xml" '<col ' "the columns have widths"
	python3 - "$X/template-survey.xlsx" > "$T/xml" 2>&1 <<'PY'
import sys, zipfile
print(zipfile.ZipFile(sys.argv[1]).read("xl/styles.xml").decode())
PY
	expect_grep "$T/xml" 'formatCode="dd/mm/yyyy"' "dates have a DD/MM/YYYY format"
else
	skip "the workbook's XML" "python3 is missing"
fi

# ---- read back by LibreOffice Calc
if ! command -v soffice > /dev/null; then
	skip "LibreOffice reads the workbooks back" "soffice is missing (Debian package libreoffice-calc-nogui)"
	finish
fi
C="$T/csv"
mkdir -p "$C" "$T/lohome"
# UTF-8 (76), cells as shown (the % and the dates), every sheet (-1): one
# file FILE-SHEET.csv per sheet; one soffice run for every workbook.
HOME="$T/lohome" soffice --headless \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
	--outdir "$C" "$X"/*.xlsx > "$T/lo.out" 2>&1
ok $? "soffice converts the workbooks to CSV"
ls "$C" > "$T/lo.ls"
sheet() { # sheet WORKBOOK N: the CSV of the Nth sheet (soffice names it after the sheet)
	ls "$C/$1"-*.csv 2>/dev/null | sed -n "$2p"
}

# The figures of a summary TSV (indicator numerator denominator value
# target missing previous last_year), numbers as %.2f.
tsv_figures() {
	awk -F '\t' 'NR > 1 { printf "%s", $1; n = split("2 3 4 5 7 8 9", c, " ");
		for (i = 1; i <= n; i++) printf "\t%s", ($c[i] == "" ? "" : sprintf("%.2f", $c[i]));
		print "" }' "$1"
}
# The same from a LibreOffice CSV of indicator rows whose id is column $2
# (the rows after the title and header lines): "76.21%" is 76.21.
csv_figures() {
	python3 -c '
import csv, sys
col = int(sys.argv[2])
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[2:]
keep = sys.argv[3] if len(sys.argv) > 3 else None
for r in rows:
    if keep is not None and r[0] != keep:
        continue
    out = [r[col]]
    for i in (2, 3, 4, 5, 7, 8, 9):
        v = r[col + i].replace("%", "")
        out.append("" if v == "" else "%.2f" % float(v))
    print("\t".join(out))
' "$@"
}

run --db "$DB" summary --format tsv
cp "$T/out" "$T/summary.tsv"
tsv_figures "$T/summary.tsv" > "$T/want"
s=$(sheet summary 1)
csv_figures "$s" 0 > "$T/got" 2>&1
expect_same "$T/got" "$T/want" "summary: LibreOffice reads the figures of summary --format tsv"
expect_grep "$T/lo.ls" "report-" "report: LibreOffice reads its sheets"
ok "$(ls "$C"/report-*.csv | wc -l | awk '{ print ($1 == 4) ? 0 : 1 }')" "report: four sheets (summary, groups, incidents, outreach)"
for f in "$C"/report-*.csv; do
	if head -2 "$f" | grep -q '^Mã,Chỉ số'; then
		csv_figures "$f" 0 > "$T/got" 2>&1
		expect_same "$T/got" "$T/want" "report: its summary sheet has the figures of summary --format tsv"
	fi
done
expect_grep "$s" "Lam Sơn" "the title line names the ward"
expect_grep "$s" "01/11/2026" "the title line gives the period"
expect_grep "$s" "Mã,Chỉ số" "the headers are in the interface language"
expect_grep "$s" ",76.21%," "a rate is shown with its % format"
# The same workbook in a Vietnamese spreadsheet (LibreOffice takes its
# locale from LC_ALL; ';' between cells): the decimal comma.
mkdir -p "$T/csvvi"
LC_ALL=vi_VN.UTF-8 HOME="$T/lohome" soffice --headless \
	--convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false' \
	--outdir "$T/csvvi" "$X/summary.xlsx" > "$T/lo.out" 2>&1
expect_grep "$T/csvvi/summary.csv" ";76,21%;" "a Vietnamese spreadsheet shows the rate as 76,21%"

# Roll-up: the total's rows equal rollup --format tsv's TOTAL lines.
run rollup "$A" "$B" --period 2023-Q3 --format tsv
awk -F '\t' 'NR == 1 || $1 == "TOTAL"' "$T/out" | cut -f 3- > "$T/rollup.tsv"
tsv_figures "$T/rollup.tsv" > "$T/want"
u=
for f in "$C"/rollup-*.csv; do
	sed -n 2p "$f" | grep -q '^Phường,Mã,' && u=$f
done
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerows(rows[:2] + [r for r in rows[2:] if r[0] in ("Tổng", "Total")])' "$u" > "$T/rollup-total.csv"
csv_figures "$T/rollup-total.csv" 1 > "$T/got" 2>&1
expect_same "$T/got" "$T/want" "rollup: the total's figures equal rollup --format tsv"
expect_grep "$u" ",51.17%," "rollup: the total's rate from the summed numerators and denominators, (227+80)/(300+300)"

# Export: the survey sheet holds the records of export survey (CSV), the
# dates as DD/MM/YYYY.
run --db "$DB" export survey
sed 1d "$T/out" | sed -E 's/([0-9]{4})-([0-9]{2})-([0-9]{2})/\3\/\2\/\1/' > "$T/want"
e=$(ls "$C"/export-survey-*.csv | head -1)
sed 1,2d "$e" > "$T/got"
expect_same "$T/got" "$T/want" "export survey: LibreOffice reads the records, dates DD/MM/YYYY"
run --db "$DB" export all -o "$T/csvdir"
ok "$([ "$(ls "$C"/export-all-*.csv | wc -l)" -eq "$(ls "$T/csvdir" | wc -l)" ]; echo $?)" \
	"export all: a sheet per kind (as many as the CSV files of export all)"
f=$(ls "$C"/formula-*.csv | head -1)
expect_grep "$f" ",=1+1" "a note starting with = stays text in a workbook (no formula is run, no apostrophe added)"
f=$(ls "$C"/lines-*.csv | head -1)
printf '"Đoạn một.\nĐoạn hai."' > "$T/lines.want"
python3 -c 'import sys; sys.exit(0 if open(sys.argv[2], encoding="utf-8").read() in open(sys.argv[1], encoding="utf-8").read() else 1)' "$f" "$T/lines.want"
ok $? "the paragraphs of a text keep their line break in a workbook"
t=$(ls "$C"/template-survey-*.csv | head -1)
expect_grep "$t" ",24/11/2026," "template: the date of the sheet is a date, DD/MM/YYYY"
finish
