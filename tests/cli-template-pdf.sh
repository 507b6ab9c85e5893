#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-template-pdf.sh - the sheet for the group leaders as an A4 form to
# fill in by hand (issue 14): wardsafe template KIND --format pdf -o FILE
# [--layout table|pages].
. "$top_srcdir/tests/lib.sh"

if ! command -v pdfinfo >/dev/null || ! command -v pdftotext >/dev/null || ! command -v pdffonts >/dev/null; then
	skip "the printed sheet" "poppler-utils (pdfinfo, pdftotext, pdffonts) not installed"
	finish
	exit 0
fi

DB="$T/w.db"
ws() { run --db "$DB" "$@"; } # Vietnamese, the default
ws init --ward "Lam Sơn" --unit "Công an phường Lam Sơn" --parent-unit "Công an TP Thanh Hóa"
cat > "$T/group.csv" <<'CSV'
code,name,leader,active,households,residents,date
1,Tổ dân phố Đông Hưng,Lê Văn Ấn,yes,200,720,2023-01-01
2,Tổ dân phố Quyết Thắng,Trần Thị Bình,yes,1500,5400,2023-01-01
3,Tổ 3 khu Ngọc Trạo,,yes,100,300,2023-01-01
CSV
ws import "$T/group.csv"
expect_rc 0 "set-up: three groups"
cat > "$T/survey.csv" <<'CSV'
group,date,surveyed,with_extinguisher,extinguishers
1,2023-06-30,100,50,60
2,2023-09-30,1280,40,
CSV
ws import "$T/survey.csv"
expect_rc 0 "set-up: earlier surveys"

text() { pdftotext "$@" - 2>/dev/null | tr '\n' ' ' | tr -s ' '; echo; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# One table for all groups, the default.
ws template survey --date 2023-10-31 --format pdf -o "$T/sheet.pdf"
expect_rc 0 "template --format pdf writes the form"
[ ! -s "$T/out" ]; ok $? "nothing on stdout"
[ "$(stat -c %a "$T/sheet.pdf")" = 600 ]; ok $? "the PDF is readable by its owner only, as the report's"
pdfinfo "$T/sheet.pdf" > "$T/info"
expect_grep "$T/info" "Page size:       841.89 x 595.28 pts (A4)" "the table is on A4, landscape"
[ "$(pages "$T/sheet.pdf")" = 1 ]; ok $? "three groups fit one page"
text "$T/sheet.pdf" > "$T/t.txt"
for s in "CÔNG AN TP THANH HÓA" "CÔNG AN PHƯỜNG LAM SƠN" "PHIẾU SỐ LIỆU TỔ DÂN PHỐ" \
	"Khảo sát bình chữa cháy, đợt ngày 31/10/2023" "Phường: Lam Sơn" \
	"Mã tổ" "Tên tổ dân phố" "Số hộ đã khảo sát (hộ)" "Hộ có bình chữa cháy" "Số bình chữa cháy" \
	"Tổ dân phố Đông Hưng" "Tổ dân phố Quyết Thắng" "Tổ 3 khu Ngọc Trạo" \
	"Tổ trưởng: Lê Văn Ấn" "Tổ trưởng: Trần Thị Bình" "Chữ ký tổ trưởng" \
	"lần trước: 100, ngày 30/06/2023" "lần trước: 60, ngày 30/06/2023" \
	"lần trước: 1.280, ngày 30/09/2023" "chưa có số liệu trước đó"; do
	expect_grep "$T/t.txt" "$s" "the table says \"$s\""
done
[ "$(grep -o 'chưa có số liệu trước đó' "$T/t.txt" | wc -l)" -eq 4 ]
ok $? "a hint of no figure for each empty one: group 2's extinguishers, every field of group 3"
pdffonts "$T/sheet.pdf" | tail -n +3 | awk '{ print $1 }' | sed 's/^[A-Z]*+//' | sort -u > "$T/fonts"
[ -s "$T/fonts" ] && ! grep -qv '^LiberationSerif' "$T/fonts"
ok $? "every letter is printed in Liberation Serif, none from a fallback font ($(tr '\n' ' ' < "$T/fonts"))"
pdffonts "$T/sheet.pdf" | tail -n +3 | awk '$(NF-2) != "yes" { bad = 1 } END { exit bad }'
ok $? "and the fonts are embedded"

# One page per group.
ws template survey --date 2023-10-31 --format pdf --layout pages -o "$T/pages.pdf"
expect_rc 0 "--layout pages"
[ "$(pages "$T/pages.pdf")" = 3 ]; ok $? "one page per group"
pdfinfo -f 1 -l 3 "$T/pages.pdf" | grep '^Page.*size:' | grep -vc '595.28 x 841.89 pts (A4)' > "$T/bad" || true
[ "$(cat "$T/bad")" -eq 0 ]; ok $? "every page A4, portrait"
n=1
for g in "Tổ dân phố Đông Hưng (mã 1)" "Tổ dân phố Quyết Thắng (mã 2)" "Tổ 3 khu Ngọc Trạo (mã 3)"; do
	text -f $n -l $n "$T/pages.pdf" > "$T/p$n.txt"
	expect_grep "$T/p$n.txt" "Tổ dân phố: $g" "page $n is the group $g"
	for s in "PHIẾU SỐ LIỆU TỔ DÂN PHỐ" "Chỉ tiêu" "Đơn vị tính" "Báo cáo lần trước" "Số liệu ngày 31/10/2023" \
		"Số hộ đã khảo sát" "Hộ có bình chữa cháy" "Số bình chữa cháy" "bình" "Chữ ký tổ trưởng" \
		"(ký, ghi rõ họ tên)"; do
		grep -qF -- "$s" "$T/p$n.txt" || echo "page $n: $s" >> "$T/missing"
	done
	n=$((n + 1))
done
[ ! -e "$T/missing" ]; ok $? "every page has the heading, the fields, their units and the signature"
[ -e "$T/missing" ] && sed 's/^/#   missing: /' "$T/missing"
expect_grep "$T/p1.txt" "lần trước: 100, ngày 30/06/2023" "page 1 has group 1's hints"
expect_no_grep "$T/p1.txt" "1.280" "and not group 2's"
expect_grep "$T/p2.txt" "lần trước: 1.280, ngày 30/09/2023" "page 2 has group 2's"
expect_grep "$T/p1.txt" "Lê Văn Ấn" "the leader's name under the signature"
pdftotext -layout -f 1 -l 1 "$T/pages.pdf" - | sed '/^[[:space:]]*$/d' | head -1 > "$T/head1"
pdftotext -layout -f 2 -l 2 "$T/pages.pdf" - | sed '/^[[:space:]]*$/d' | head -1 > "$T/head2"
! grep -qx '[[:space:]]*1' "$T/head1"; ok $? "the first page has no number"
grep -qx '[[:space:]]*2' "$T/head2"; ok $? "the second is numbered 2 at the top, as the report's pages"

ws template survey --date 2023-10-31 --format pdf --layout pages --group 3,1 -o "$T/two.pdf"
expect_rc 0 "--group with the form"
[ "$(pages "$T/two.pdf")" = 2 ]; ok $? "a page for each group asked for"
text -f 1 -l 1 "$T/two.pdf" > "$T/two1.txt"
expect_grep "$T/two1.txt" "(mã 1)" "in group order"
ws template survey --date 2023-10-31 --format pdf --layout table -o "$T/table.pdf"
expect_rc 0 "--layout table"
pdfinfo "$T/table.pdf" | grep -q '841.89 x 595.28'; ok $? "is the default's landscape table"

# A long table runs over pages, its header repeated on each (the demo
# ward's 12 groups do not fit one landscape page).
demo_db "$T/demo.db"
run --db "$T/demo.db" template survey --format pdf -o "$T/demo.pdf"
expect_rc 0 "the demo ward's table"
np=$(pages "$T/demo.pdf")
[ "${np:-0}" -ge 2 ]; ok $? "runs over $np pages"
text -f 2 -l 2 "$T/demo.pdf" > "$T/d2.txt"
for s in "Mã tổ" "Tên tổ dân phố" "Số hộ đã khảo sát (hộ)" "Chữ ký tổ trưởng"; do
	expect_grep "$T/d2.txt" "$s" "the header is repeated on page 2: $s"
done
expect_grep "$T/d2.txt" "Tổ dân phố 12" "which has the last group"
text "$T/demo.pdf" > "$T/d.txt"
[ "$(grep -o 'Tổ trưởng: ' "$T/d.txt" | wc -l)" -eq 12 ]; ok $? "every group once"

# In English.
run --lang en --db "$DB" template commitment --date 2023-10-31 --format pdf -o "$T/en.pdf"
expect_rc 0 "the form in English"
text "$T/en.pdf" > "$T/en.txt"
for s in "RESIDENTIAL GROUP DATA SHEET" "Commitment" "round of 31/10/2023" "Group leader's signature" \
	"Fire-safety commitments (households)" "no figure reported before"; do
	expect_grep "$T/en.txt" "$s" "the English form says \"$s\""
done

# A PDF is written to a file, never to a terminal or a pipe.
ws template survey --format pdf
expect_rc 2 "a PDF without -o is refused"
expect_grep "$T/err" "phiếu PDF cần tên tệp: -o TỆP" "asking for a file name"
[ ! -s "$T/out" ]; ok $? "nothing written to stdout"
ws template survey --format pdf -o -
expect_rc 2 "-o - (stdout) is refused for a PDF"
[ ! -s "$T/out" ]; ok $? "nothing written to stdout either"

# -o and --force as for the CSV.
cp "$T/sheet.pdf" "$T/keep.pdf"
ws template survey --date 2023-11-30 --format pdf -o "$T/sheet.pdf"
expect_rc 1 "an existing file is not replaced"
expect_grep "$T/err" "--force" "the message says how"
cmp -s "$T/sheet.pdf" "$T/keep.pdf"; ok $? "the file is left as it was"
ws template survey --date 2023-11-30 --format pdf -o "$T/sheet.pdf" --force
expect_rc 0 "--force replaces it"
text "$T/sheet.pdf" > "$T/t2.txt"
expect_grep "$T/t2.txt" "đợt ngày 30/11/2023" "with the new date"

# Refusals before a file is made.
ws template survey --format pdf --group 9 -o "$T/none.pdf"
expect_rc 1 "an unknown group is refused"
[ ! -e "$T/none.pdf" ]; ok $? "and no file is made"
ws template incident --format pdf -o "$T/none.pdf"
expect_rc 2 "incidents have no sheet, in PDF either"
ws template survey --layout pages -o "$T/none.csv"
expect_rc 2 "--layout without --format pdf"
expect_grep "$T/err" "--layout chỉ dùng cho biểu mẫu in (--format pdf)" "says what it is for"
ws template survey --format pdf --layout book -o "$T/none.pdf"
expect_rc 2 "an unknown layout"
expect_grep "$T/err" "'book'" "naming it"
ws template survey --format pdf --bom -o "$T/none.pdf"
expect_rc 2 "--bom with a PDF"
[ ! -e "$T/none.pdf" ] && [ ! -e "$T/none.csv" ]; ok $? "no file made by any refusal"
ws template survey --format odt -o "$T/none.odt"
expect_rc 2 "another format"
expect_grep "$T/err" "--format chỉ nhận csv, xlsx hoặc pdf, không nhận 'odt'" "the message lists the three formats"

finish
