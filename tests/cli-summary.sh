#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-summary.sh - summaries of the demo ward compared with expected output
# checked by hand against the seed article (Lam Sơn, 10/2023).
. "$top_srcdir/tests/lib.sh"

DB="$T/demo.db"
demo_db "$DB"
ws() { run --db "$DB" "$@"; }

for p in 2023-Q3 2023 2023-12; do
	ws summary --period "$p" --format tsv
	expect_rc 0 "summary $p as TSV"
	expect_same "$T/out" "$EXPECTED/summary-$p.tsv" "summary $p matches the expected TSV"
done
ws summary --period 2023-Q3 --group 9 --format tsv
expect_same "$T/out" "$EXPECTED/summary-2023-Q3-group9.tsv" "summary for group 9"
ws --lang en summary --period 2023-Q3
expect_same "$T/out" "$EXPECTED/summary-2023-Q3-en.txt" "text summary in English"
ws summary --period 2023-Q3
expect_same "$T/out" "$EXPECTED/summary-2023-Q3-vi.txt" "text summary in Vietnamese (the default)"
expect_grep "$T/out" "xảy ra 5 vụ, giảm 1 vụ so với 3 tháng liền kề" "in the officers' words"

# The figures of the article, read from the TSV contract.
ws summary --period 2023-Q3 --format tsv
field() { awk -F '\t' -v id="$1" -v col="$2" '$1 == id { print $col }' "$T/out"; }
[ "$(head -1 "$T/out")" = "$(printf 'indicator\tnumerator\tdenominator\tvalue\ttarget\tstatus\tmissing\tprevious\tlast_year')" ]
ok $? "the TSV header is the contract"
[ "$(field incidents 4)" = 5 ] && [ "$(field incidents 8)" = 6 ]; ok $? "5 incidents in Q3 against 6 in Q2"
[ "$(field outreach.radio 4)" = 135 ] && [ "$(field outreach.mobile 4)" = 45 ]; ok $? "135 radio and 45 mobile sessions"
[ "$(field fire_teams 4)" = 64 ] && [ "$(field fire_points 4)" = 23 ]; ok $? "64 teams and 23 public fire points"
[ "$(field establishment_files 2)/$(field establishment_files 3)" = 615/615 ]; ok $? "615 of 615 establishments"
[ "$(field antt_commitment 2)" = 2180 ]; ok $? "2,180 households pledged"
[ "$(field extinguisher 6)" = met ]; ok $? "extinguisher target met"
[ "$(awk -F '\t' 'NR > 1 && NF != 9' "$T/out" | wc -l)" -eq 0 ]; ok $? "every line has 9 columns"

ws --lang en summary --period 2023-Q3
expect_grep "$T/out" "5 incidents, down 1 from the previous 3 months" "the incident sentence officers use"
ws summary --period 2023-Q3
expect_grep "$T/out" "1.847/2.438" "Vietnamese number style in the text summary"
expect_grep "$T/out" "75,8%" "with a decimal comma"

ws summary --period 2023-13
expect_rc 2 "a bad period is a usage error"
# The other spellings of a period (man PERIODS) give the same summary.
for p in "Q3/2023" "quý 3/2023" "$(printf 'QUY\314\201 3/2023')" "07/2023..9/2023"; do
	ws summary --period "$p" --format tsv
	expect_same "$T/out" "$EXPECTED/summary-2023-Q3.tsv" "--period '$p' is 2023-Q3"
done
for p in "12/2023" "2023-12"; do
	ws summary --period "$p" --format tsv
	expect_same "$T/out" "$EXPECTED/summary-2023-12.tsv" "--period '$p' is 2023-12"
done
ws summary --period 2023-Q3 --group 99
expect_rc 1 "an unknown group"
ws summary --format xml
expect_rc 2 "an unknown format"
ws summary --period 2023-07..2023-09 --format tsv
expect_same "$T/out" "$EXPECTED/summary-2023-Q3.tsv" "a month range equals the quarter"

# Months closing on the 15th shift which records fall in a period.
printf '[period]\nmonth_start_day = 15\n' > "$T/mid.ini"
ws --config "$T/mid.ini" summary --period 2023-Q3 --format tsv
expect_rc 0 "summary with month_start_day = 15"
! cmp -s "$T/out" "$EXPECTED/summary-2023-Q3.tsv"; ok $? "gives different figures"

# Honest figures (issue 13): 144 of 721 households is 19.97%, below a 20%
# target, and is never shown as 20.0% (nor 20.0 in the TSV) beside "not met".
H="$T/honest.db"
run --db "$H" init --ward "Lam Sơn"
run --db "$H" add group code=1 name=Một households=721 residents=2000 date=2026-01-01
run --db "$H" add survey group=1 date=2026-10-05 surveyed=721 with_extinguisher=144
run --db "$H" add target year=2026 indicator=extinguisher value=20
run --db "$H" summary --period 2026-11
expect_grep "$T/out" "144/721  19,97%      20% chưa đạt" "19,97% beside a 20% target in the text summary"
expect_no_grep "$T/out" "20,0%" "never 20,0%"
run --db "$H" --lang en summary --period 2026-11
expect_grep "$T/out" "144/721  19.97%      20% not met" "19.97% in English"
run --db "$H" summary --period 2026-11 --format tsv
[ "$(awk -F '\t' '$1 == "extinguisher" { print $4 "/" $6 "/" $8 }' "$T/out")" = 19.97/not_met/19.97 ]
ok $? "the TSV value has two decimals: 19.97 not_met"
run --db "$H" report --period 2026-11 --format text
expect_grep "$T/out" "19,97%" "19,97% in the report text"
expect_no_grep "$T/out" "20,0" "the report text never shows 20,0"
run rollup --period 2026-11 "$H"
expect_grep "$T/out" "19,97%" "19,97% in the roll-up"
screens honest '<Dump>' --db "$H"
expect_grep "$T/honest.txt" "19,97%      20% thiếu 1" "19,97% on the overview"
if command -v pdftotext >/dev/null; then
	run --db "$H" report --period 2026-11 --format pdf -o "$T/honest.pdf"
	pdftotext -layout "$T/honest.pdf" "$T/honest.pdf.txt"
	expect_grep "$T/honest.pdf.txt" "19,97%" "19,97% in the PDF report's summary"
	expect_grep "$T/honest.pdf.txt" "19,97*" "and in its table of groups"
	expect_no_grep "$T/honest.pdf.txt" "20,0" "the PDF never shows 20,0"
else
	skip "19,97% in the PDF report" "pdftotext not installed"
fi

finish
