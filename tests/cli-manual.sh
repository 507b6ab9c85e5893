#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-manual.sh - `wardsafe manual`: the pages of this build as text or as an
# A4 PDF in the interface language, every Vietnamese letter kept; and the
# help screen's keys that save and print the same PDF.
. "$top_srcdir/tests/lib.sh"

# ---- text
run --lang en manual --format text
expect_rc 0 "manual --format text --lang en"
expect_grep "$T/out" "wardsafe - ward public order and fire safety records" "the English text has wardsafe(1)"
expect_grep "$T/out" "wardsafe.ini - configuration file of wardsafe" "the English text has wardsafe.ini(5)"
expect_no_grep "$T/out" "$(printf '\b')" "the text has no overstrikes"
run manual --format text
expect_rc 0 "manual --format text (Vietnamese by default)"
expect_grep "$T/out" "TÓM TẮT" "the Vietnamese text has the Vietnamese section names"
expect_grep "$T/out" "wardsafe.ini - tệp cấu hình của wardsafe" "the Vietnamese text has the Vietnamese wardsafe.ini(5)"
expect_grep "$T/out" "$ws_sysconfdir/wardsafe.ini" "the text names the configuration file of this build"
run --lang en manual --format text -o "$T/manual.txt"
expect_rc 0 "manual --format text -o FILE"
[ -s "$T/manual.txt" ] && [ ! -s "$T/out" ]; ok $? "-o writes the file, nothing to standard output"
run --lang en manual --format text -o "$T/manual.txt"
expect_rc 1 "an existing file is not replaced without --force"
run --lang en manual --format text -o "$T/manual.txt" --force
expect_rc 0 "--force replaces it"

# ---- PDF
pdftext() { pdftotext -layout "$@" - 2>/dev/null; }
if command -v pdftotext > /dev/null 2>&1 && command -v pdfinfo > /dev/null 2>&1; then
	run manual --format pdf -o "$T/vi.pdf"
	expect_rc 0 "manual --format pdf -o FILE"
	pdfinfo "$T/vi.pdf" > "$T/info" 2>&1
	expect_grep "$T/info" "595.28 x 841.89 pts (A4)" "the PDF is A4"
	pages=$(sed -n 's/^Pages: *//p' "$T/info")
	[ "${pages:-0}" -ge 10 ]; ok $? "the PDF has all the pages ($pages)"
	pdftext "$T/vi.pdf" > "$T/vi.txt"
	for w in "phường" "thị trấn" "tổ dân phố" "TÓM TẮT" "tệp cấu hình của wardsafe" "Màn hình trợ giúp"; do
		expect_grep "$T/vi.txt" "$w" "the Vietnamese PDF shows \"$w\" intact"
	done
	# the page number in the top margin of page 2
	pdftext -f 2 -l 2 "$T/vi.pdf" | awk 'NF { print $1; exit }' > "$T/p2"
	[ "$(cat "$T/p2")" = 2 ]; ok $? "page 2 is numbered"
	run --lang en manual -o "$T/en.pdf"
	expect_rc 0 "manual -o FILE.pdf --lang en (PDF by default)"
	pdftext "$T/en.pdf" > "$T/en.txt"
	expect_grep "$T/en.txt" "SYNOPSIS" "--lang en gives the English manual"
	expect_grep "$T/en.txt" "configuration file of wardsafe" "the English PDF has wardsafe.ini(5)"
	expect_grep "$T/en.txt" "phường" "the English PDF keeps the Vietnamese words"
	expect_no_grep "$T/en.txt" "TÓM TẮT" "the English PDF is not the Vietnamese one"
	# to a pipe
	"$WARDSAFE_BIN" --lang en manual > "$T/pipe.pdf" 2> "$T/err"
	rc=$?
	expect_rc 0 "manual to a pipe or file on standard output"
	head -c 5 "$T/pipe.pdf" | grep -q '^%PDF-'; ok $? "standard output gets the PDF"
else
	skip "manual --format pdf" "pdftotext/pdfinfo are not installed (Debian package poppler-utils)"
fi

# ---- refused
run manual --format html
expect_rc 2 "--format html is refused"
run manual extra
expect_rc 2 "no argument"
if command -v script > /dev/null 2>&1; then
	script -qec "'$WARDSAFE_BIN' manual" /dev/null > "$T/tty.out" 2>&1
	rc=$?
	expect_rc 2 "no PDF to a terminal"
	expect_grep "$T/tty.out" "không xuất PDF ra màn hình dòng lệnh" "the refusal says why"
	! grep -q '%PDF' "$T/tty.out"; ok $? "nothing of the PDF reached the terminal"
else
	skip "no PDF to a terminal" "script(1) is not installed"
fi
mkdir -p "$T/noman"
WARDSAFE_MANDIR="$T/noman" "$WARDSAFE_BIN" --lang en manual --format text > "$T/out" 2> "$T/err"
rc=$?
expect_rc 3 "a missing manual page is an error"
expect_grep "$T/err" "cannot read the manual page $T/noman/man1/wardsafe.1" "the error names the page"

# ---- the help screen (F1): w saves the manual, P prints it
if command -v pdftotext > /dev/null 2>&1; then
	demo_db "$T/demo.db"
	screens help-save "<F1>w<C-u>$T/help.pdf<Enter>q<Dump><F10>q" --lang en --db "$T/demo.db"
	expect_rc 0 "F1 w saves the manual"
	expect_grep "$T/help-save.txt" "Manual saved to $T/help.pdf" "the help screen says where"
	pdftext "$T/help.pdf" > "$T/help.txt"
	expect_grep "$T/help.txt" "SYNOPSIS" "the saved manual is the manual in the language of the screens"
	mkdir -p "$T/printed"
	printf '[report]\nprint_command = cp -t %s\n' "$T/printed" > "$T/print.ini"
	screens help-print "<F1>Pyq<Dump><F10>q" --lang en --config "$T/print.ini" --db "$T/demo.db"
	expect_rc 0 "F1 P prints the manual"
	expect_grep "$T/help-print.txt" "The manual was sent to the printer." "the help screen says it was sent"
	f=$(ls "$T/printed" | head -n 1)
	[ -n "$f" ] && pdftext "$T/printed/$f" | grep -q "SYNOPSIS"; ok $? "the print command got the manual as a PDF"
	ls "${TMPDIR:-/tmp}"/wardsafe-manual-*.pdf > /dev/null 2>&1
	[ $? -ne 0 ]; ok $? "the temporary PDF is removed"
	screens help-keys "<F1><Dump>q<F10>q" --db "$T/demo.db"
	expect_grep "$T/help-keys.txt" "w: lưu sách hướng dẫn (PDF)" "the help screen shows its keys"
else
	skip "the help screen saves the manual" "pdftotext is not installed"
fi
finish
