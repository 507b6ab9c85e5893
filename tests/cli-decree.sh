#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-decree.sh - the points of Decree 30/2020/NĐ-CP the report must get
# right (issue 15): the signer's name (a warning without it), the authority
# above the title and '|' in the title, the punctuation of "Nơi nhận", ';'
# in an unquoted value, the font (Times New Roman, else Liberation Serif,
# else a refusal naming the package) and periods written in words.
. "$top_srcdir/tests/lib.sh"

DB="$T/demo.db"
demo_db "$DB"
ws() { run --db "$DB" "$@"; }
cfg() { # cfg NAME LINES...: a configuration with the lines under [report]
	name=$1
	shift
	printf '[report]\n' > "$T/$name.ini"
	for l in "$@"; do printf '%s\n' "$l" >> "$T/$name.ini"; done
}
have_pdf=false
command -v pdftotext >/dev/null && command -v pdffonts >/dev/null && have_pdf=true

# ---- the signer's name
ws report --period 2023-Q3
expect_rc 0 "a report without a signer's name is still made"
expect_grep "$T/err" "signer_name" "but a warning on stderr names [report] signer_name"
ws --lang en report --period 2023-Q3 --format pdf -o "$T/nosigner.pdf"
expect_grep "$T/err" "warning: the report has no signer's name" "the PDF too"
ws report --period 2023-Q3 --format csv
[ ! -s "$T/err" ]; ok $? "the CSV has no signature block: no warning"
cfg signer "signer_name = Lê Văn Bình"
ws --config "$T/signer.ini" report --period 2023-Q3
[ ! -s "$T/err" ]; ok $? "no warning once signer_name is set"
expect_grep "$T/out" "Lê Văn Bình" "and the name is under the signature"

# ---- authority above the title; '|' splits lines
cfg auth "signer_name = Lê Văn Bình" "signer_authority = KT. TRƯỞNG CÔNG AN PHƯỜNG" \
	"signer_title = PHÓ TRƯỞNG|CÔNG AN PHƯỜNG"
ws --config "$T/auth.ini" report --period 2023-Q3
expect_rc 0 "signer_authority is a key of [report]"
tail -7 "$T/out" | sed 's/^.\{40\}//; s/^ *//' > "$T/sig"
printf 'KT. TRƯỞNG CÔNG AN PHƯỜNG\nPHÓ TRƯỞNG\nCÔNG AN PHƯỜNG\n\n\n\nLê Văn Bình\n' > "$T/sig.want"
sed -n '1,7p' "$T/sig" > "$T/sig7"
expect_same "$T/sig7" "$T/sig.want" "text: the authority, then the title split at '|', room to sign, the name"
cfg bar "signer_name = Lê Văn Bình" "signer_title = PHÓ TRƯỞNG|CÔNG AN PHƯỜNG"
ws --config "$T/bar.ini" report --period 2023-Q3
expect_no_grep "$T/out" "|" "a '|' in signer_title is never printed"
if $have_pdf; then
	ws --config "$T/auth.ini" report --period 2023-Q3 --format pdf -o "$T/auth.pdf"
	pdftotext "$T/auth.pdf" - | grep -n "KT. TRƯỞNG CÔNG AN PHƯỜNG\|^PHÓ TRƯỞNG$\|^CÔNG AN PHƯỜNG$\|Lê Văn Bình" |
		cut -d: -f2- | tail -4 > "$T/pdfsig"
	printf 'KT. TRƯỞNG CÔNG AN PHƯỜNG\nPHÓ TRƯỞNG\nCÔNG AN PHƯỜNG\nLê Văn Bình\n' > "$T/pdfsig.want"
	expect_same "$T/pdfsig" "$T/pdfsig.want" "PDF: the authority over the title lines over the name"
	ws --config "$T/bar.ini" report --period 2023-Q3 --format pdf -o "$T/bar.pdf"
	pdftotext "$T/bar.pdf" "$T/bar.txt"
	expect_no_grep "$T/bar.txt" "|" "PDF: a '|' in signer_title is never printed"
else
	skip "PDF: the authority over the title lines over the name" "poppler-utils is not installed"
	skip "PDF: no '|' is printed" "poppler-utils is not installed"
fi
cfg badauth "signer_authority = KT TRƯỞNG CÔNG AN PHƯỜNG"
ws --lang en --config "$T/badauth.ini" report --period 2023-Q3
expect_rc 3 "an authority without KT., TL., TUQ., Q. or TM. is refused"
expect_grep "$T/err" "$T/badauth.ini:2:" "with file:line"
expect_grep "$T/err" "KT., TL., TUQ., Q. or TM." "saying what it must start with"

# ---- Nơi nhận: "- X;" and "- X." for the last, whatever was typed
cfg rec "signer_name = Lê Văn Bình" "recipients = Như trên | - Công an TP (để b/c) | Đảng ủy, UBND phường, | Lưu: VT, CAP."
ws --config "$T/rec.ini" report --period 2023-Q3
sed -n '/^Nơi nhận:/,$p' "$T/out" | cut -c1-40 | sed 's/ *$//' | sed -n '2,5p' > "$T/rec"
printf -- '- Như trên;\n- Công an TP (để b/c);\n- Đảng ủy, UBND phường;\n- Lưu: VT, CAP.\n' > "$T/rec.want"
expect_same "$T/rec" "$T/rec.want" "text: each recipient '- X;', the last '- X.'"
if $have_pdf; then
	ws --config "$T/rec.ini" report --period 2023-Q3 --format pdf -o "$T/rec.pdf"
	pdftotext "$T/rec.pdf" - | grep '^- ' > "$T/recpdf"
	expect_same "$T/recpdf" "$T/rec.want" "PDF: the same punctuation"
else
	skip "PDF: the same punctuation" "poppler-utils is not installed"
fi

# ---- ';' and '#' in a value that is not quoted
cfg semi "signer_name = Lê Văn Bình" "recipients = Như trên; Lưu: VT"
ws --lang en --config "$T/semi.ini" report --period 2023-Q3
expect_rc 3 "a ';' inside an unquoted value is refused, not silently cut"
expect_grep "$T/err" "$T/semi.ini:3:" "with file:line"
expect_grep "$T/err" "put the whole value in quotes" "telling how to quote it"
cfg hash "number = 12/BC#CAP"
ws --config "$T/hash.ini" report --period 2023-Q3
expect_rc 3 "so is a '#' inside an unquoted value"
cfg quoted "signer_name = Lê Văn Bình" 'recipients = "Như trên; Công an TP | Lưu: VT"'
ws --config "$T/quoted.ini" report --period 2023-Q3
expect_rc 0 "quoted, the ';' is part of the value"
expect_grep "$T/out" "- Như trên; Công an TP;" "and printed"
cfg comment "signer_name = Lê Văn Bình" "number = 12/BC-CAP ; the number of November"
ws --config "$T/comment.ini" report --period 2023-Q3
expect_rc 0 "a ';' after a blank is still a comment"
expect_grep "$T/out" "Số: 12/BC-CAP" "and the value ends before it"

# ---- periods in words, never 2023-Q3
ws report --period 2023-Q3
for code in 2023-Q3 2023-Q2 2022-Q3; do
	expect_no_grep "$T/out" "$code" "the text report never writes $code"
done
expect_grep "$T/out" "Tổng hợp kỳ quý III/2023" "the text report says quý III/2023"
expect_grep "$T/out" "Kỳ trước: quý II/2023. Cùng kỳ: quý III/2022." "and what its columns compare"
expect_grep "$T/out" "so với cùng kỳ năm trước." "the incident sentence ends with a full stop"
ws --lang en report --period 2023-Q3
expect_grep "$T/out" "Previous: Q2 2023. Last year: Q3 2022." "English: Q2 2023, Q3 2022"
ws report --period 2023-Q3 --format csv
for code in 2023-Q3 2023-Q2 2022-Q3; do
	expect_no_grep "$T/out" "$code" "the CSV report never writes $code"
done
head -1 "$T/out" > "$T/csv1"
printf 'summary,quý III/2023,quý II/2023,quý III/2022\n' > "$T/csv1.want"
expect_same "$T/csv1" "$T/csv1.want" "the CSV names the periods of its tables in words"
ws report --period 2023-01..2023-06
expect_grep "$T/out" "6 tháng đầu năm 2023" "a half year reads 6 tháng đầu năm"
if $have_pdf; then
	ws report --period 2023-Q3 --format pdf -o "$T/q3.pdf"
	pdftotext "$T/q3.pdf" "$T/q3.txt"
	for code in 2023-Q3 2023-Q2 2022-Q3; do
		expect_no_grep "$T/q3.txt" "$code" "the PDF never writes $code"
	done
	expect_grep "$T/q3.txt" "So với quý" "PDF: the change column says what it compares"
	sed -n '1,/^1\. /p' "$T/q3.txt" | grep -q 'quý$'; [ $? -ne 0 ]; ok $? "PDF: the title and the first sentence never break a line after 'quý'"
	tr '\n' ' ' < "$T/q3.txt" | grep -q "So với quý II/2023"; ok $? "PDF: So với quý II/2023"
	tr '\n' ' ' < "$T/q3.txt" | grep -q "so với cùng kỳ năm trước\. "; ok $? "PDF: the incident sentence ends with a full stop"
else
	for i in 1 2 3 4 5 6 7; do skip "PDF periods" "poppler-utils is not installed"; done
fi

# ---- the font
if $have_pdf; then
	pdffonts "$T/q3.pdf" | grep -q LiberationSerif; ok $? "without Times New Roman: Liberation Serif"
	pdffonts "$T/q3.pdf" | grep -qi dejavu; [ $? -ne 0 ]; ok $? "and no DejaVu"
	mkdir -p "$T/fonts" "$T/nofonts" "$T/dejavu" "$T/fccache"
	fcconf() { # fcconf FILE DIR [SCAN-RULE]
		printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n<dir>%s</dir>\n<cachedir>%s</cachedir>\n%s\n</fontconfig>\n' \
			"$2" "$T/fccache" "${3:-}" > "$1"
	}
	fcconf "$T/empty.conf" "$T/nofonts"
	FONTCONFIG_FILE="$T/empty.conf" "$WARDSAFE_BIN" --db "$DB" --lang en report --period 2023-Q3 --format pdf \
		-o "$T/nofont.pdf" > "$T/out" 2> "$T/err"
	rc=$?
	[ "$rc" -ne 0 ]; ok $? "no serif font installed: the PDF is refused (exit $rc)"
	expect_grep "$T/err" "fonts-liberation2" "naming the Debian package"
	[ ! -e "$T/nofont.pdf" ]; ok $? "and nothing is written"
	dv=$(fc-match -f '%{file}' 'DejaVu Serif')
	lib=$(fc-match -f '%{file}' 'Liberation Serif')
	if [ -f "$dv" ] && [ -f "$lib" ] && fc-match 'DejaVu Serif' | grep -q DejaVu && fc-match 'Liberation Serif' | grep -q Liberation; then
		ln -s "$dv" "$T/dejavu/"
		fcconf "$T/dejavu.conf" "$T/dejavu"
		FONTCONFIG_FILE="$T/dejavu.conf" "$WARDSAFE_BIN" --db "$DB" report --period 2023-Q3 --format pdf \
			-o "$T/dv.pdf" > "$T/out" 2> "$T/err"
		[ $? -ne 0 ] && [ ! -e "$T/dv.pdf" ]; ok $? "only DejaVu: refused too, never a silent fallback"
		# A "Times New Roman" made of DejaVu Serif, beside Liberation Serif:
		# the embedded font shows which one was asked for.
		ln -s "$dv" "$lib" "$T/fonts/"
		fcconf "$T/times.conf" "$T/fonts" '<match target="scan"><test name="family"><string>DejaVu Serif</string></test><edit name="family" mode="assign" binding="same"><string>Times New Roman</string></edit></match>'
		FONTCONFIG_FILE="$T/times.conf" fc-match 'Times New Roman' | grep -q DejaVu; ok $? "(the test's Times New Roman is installed for fontconfig)"
		FONTCONFIG_FILE="$T/times.conf" "$WARDSAFE_BIN" --db "$DB" report --period 2023-Q3 --format pdf \
			-o "$T/times.pdf" > "$T/out" 2> "$T/err"
		pdffonts "$T/times.pdf" | grep -q DejaVuSerif && ! pdffonts "$T/times.pdf" | grep -q LiberationSerif
		ok $? "Times New Roman installed: it is used, before Liberation Serif"
	else
		for i in 1 2 3; do skip "the font choice" "DejaVu Serif or Liberation Serif is not installed"; done
	fi
else
	for i in 1 2 3 4 5 6 7 8; do skip "the font" "poppler-utils is not installed"; done
fi
finish
