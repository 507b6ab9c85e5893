#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-docx.sh - the report as an editable document (issue 15): `report
# --format docx` and .docx in the Reports screen write Office Open XML whose
# parts are there and well-formed, with the officer's text escaped; and a
# real word processor (LibreOffice Writer, headless) opens it: converted to
# PDF once, it is A4 and carries the Quốc hiệu, the title, the figures, the
# narrative, page numbers from page 2 and the signer.
. "$top_srcdir/tests/lib.sh"

DB="$T/demo.db"
demo_db "$DB"
ws() { run --db "$DB" "$@"; }
have_py=false
command -v python3 >/dev/null && have_py=true

# A report with everything set: signer, authority, recipients, narrative
# (with characters XML must escape).
printf '[report]\nnumber = 15/BC-CAP\nsigner_name = Lê Văn Bình\nsigner_authority = KT. TRƯỞNG CÔNG AN PHƯỜNG\nsigner_title = PHÓ TRƯỞNG CÔNG AN PHƯỜNG\nrecipients = CA TP Thanh Hóa|Đảng ủy phường|Lưu: VT\n' > "$T/r.ini"
ws add narrative period=2023-Q3 section=situation "text=Tình hình <ổn định> & \"an toàn\" trên địa bàn."
expect_rc 0 "a situation text with < > & \" is added"
ws add narrative period=2023-Q3 section=plans "text=$(printf 'Kiểm tra 12 tổ dân phố.\nTuyên truyền Báo cháy 114.')"
expect_rc 0 "and the plans, two paragraphs"

# ---- the command line
ws report --period 2023-Q3 --format docx
expect_rc 2 "a DOCX report needs -o FILE"
expect_grep "$T/err" "DOCX" "and says so"
ws --lang en report --period 2023-Q3 --format odt -o "$T/x.odt"
expect_grep "$T/err" "takes pdf, docx, text, csv or xlsx" "the formats named in the error include docx"
ws --config "$T/r.ini" report --period 2023-Q3 --format docx -o "$T/r.docx"
expect_rc 0 "report --format docx -o FILE"
[ "$(head -c 2 "$T/r.docx")" = "PK" ]; ok $? "the file is a ZIP"
perm=$(stat -c %a "$T/r.docx")
[ "$perm" = 600 ]; ok $? "written with mode 0600 like every report (got $perm)"
ws --config "$T/r.ini" report --period 2023-Q3 --format docx -o "$T/r.docx"
expect_rc 1 "an existing file is not replaced without --force"

if $have_py; then
	python3 - "$T/r.docx" > "$T/parts" 2>&1 <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
print("first " + names[0])
for n in names:
    print("part " + n)
    if n.endswith(".xml") or n.endswith(".rels"):
        try:
            xml.dom.minidom.parseString(z.read(n))
        except Exception as e:
            print("bad %s %s" % (n, e))
doc = z.read("word/document.xml").decode("utf-8")
for probe in ["w:tblHeader", "w:titlePg", 'w:type="first"', 'w:w="11906" w:h="16838"',
              'w:top="1134" w:right="851" w:bottom="1134" w:left="1701"', 'w:val="nil"',
              "&lt;ổn định&gt; &amp; &quot;an toàn&quot;", 'r:embed="rIdChart"']:
    print(("has " if probe in doc else "lacks ") + probe)
print("fonts " + ("ok" if b'w:altName w:val="Liberation Serif"' in z.read("word/fontTable.xml") else "no"))
print("styles " + ("ok" if b'w:ascii="Times New Roman"' in z.read("word/styles.xml") and b'w:sz w:val="26"' in z.read("word/styles.xml") else "no"))
print("header " + ("ok" if b"PAGE" in z.read("word/header1.xml") and b"PAGE" not in z.read("word/header2.xml") else "no"))
print("png " + ("ok" if z.read("word/media/chart.png")[:8] == b"\x89PNG\r\n\x1a\n" else "no"))
PY
	expect_grep "$T/parts" "first [Content_Types].xml" "[Content_Types].xml is the first part"
	for p in _rels/.rels word/document.xml word/_rels/document.xml.rels word/styles.xml word/settings.xml \
		word/fontTable.xml word/header1.xml word/header2.xml word/media/chart.png docProps/core.xml docProps/app.xml; do
		expect_grep "$T/parts" "part $p" "the package has $p"
	done
	expect_no_grep "$T/parts" "bad " "every XML part is well-formed"
	expect_no_grep "$T/parts" "lacks " "document.xml: repeated table headers, first-page header, A4, Decree 30 margins, borderless tables, escaped text, the chart"
	expect_grep "$T/parts" "fonts ok" "the font table names Liberation Serif as Times New Roman's fallback"
	expect_grep "$T/parts" "styles ok" "Times New Roman 13 by default"
	expect_grep "$T/parts" "header ok" "the page number in the header of pages 2 and on only"
	expect_grep "$T/parts" "png ok" "the chart is a PNG picture"
	# A ward without groups has no chart: no picture and no relationship
	# pointing at one.
	run --db "$T/empty.db" init
	run --db "$T/empty.db" report --period 2023-Q3 --format docx -o "$T/empty.docx"
	expect_rc 0 "a report without any group is written too"
	python3 - "$T/empty.docx" > "$T/empty.parts" 2>&1 <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    print("part " + n)
    if n.endswith(".xml") or n.endswith(".rels"):
        xml.dom.minidom.parseString(z.read(n))
for n in ("word/document.xml", "word/_rels/document.xml.rels"):
    if b"rIdChart" in z.read(n):
        print("chart in " + n)
PY
	expect_no_grep "$T/empty.parts" "chart" "without groups: no chart part, no reference to one"
	expect_no_grep "$T/empty.parts" "Error" "and every part well-formed"
else
	skip "the parts of the package" "python3 is not installed"
fi

# ---- the Reports screen: w with a name ending in .docx
screens rsave "p<C-u>2023-Q3<Enter><F10>w<C-u>$T/screen.docx<Enter><Dump>" --lang en --config "$T/r.ini" --db "$DB"
expect_grep "$T/rsave.txt" "Report saved to" "the Reports screen saves a .docx"
[ "$(head -c 2 "$T/screen.docx" 2>/dev/null)" = "PK" ]; ok $? "as a DOCX package"

# ---- a real word processor: one conversion to PDF
if command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then
	mkdir -p "$T/lo-home" "$T/lo"
	HOME="$T/lo-home" soffice --headless --norestore --convert-to pdf --outdir "$T/lo" "$T/r.docx" \
		> "$T/lo.out" 2>&1
	[ -s "$T/lo/r.pdf" ]; ok $? "LibreOffice Writer opens the DOCX and converts it to PDF"
	pdfinfo "$T/lo/r.pdf" > "$T/lo.info" 2>&1
	grep -q "^Page size:.*(A4)" "$T/lo.info"; ok $? "A4 pages"
	pdftotext -layout "$T/lo/r.pdf" "$T/lo.txt"
	expect_grep "$T/lo.txt" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "the Quốc hiệu"
	expect_grep "$T/lo.txt" "Độc lập - Tự do - Hạnh phúc" "and the Tiêu ngữ"
	expect_grep "$T/lo.txt" "CÔNG AN PHƯỜNG LAM SƠN" "the issuing body"
	expect_grep "$T/lo.txt" "Số: 15/BC-CAP" "the number"
	expect_grep "$T/lo.txt" "BÁO CÁO" "the title"
	expect_grep "$T/lo.txt" "quý III/2023" "the period in words"
	expect_no_grep "$T/lo.txt" "2023-Q3" "never the period's code"
	grep -q "Hộ có bình chữa cháy  *1\.847/2\.438  *75,8%" "$T/lo.txt"; ok $? "the overview's figures"
	grep -q "Toàn phường  *2\.438  *75,8" "$T/lo.txt"; ok $? "the groups' table with the ward's total"
	expect_grep "$T/lo.txt" "Tình hình <ổn định> & \"an toàn\" trên địa bàn." "the narrative, escaped characters intact"
	expect_grep "$T/lo.txt" "Tuyên truyền Báo cháy 114." "the plans' second paragraph"
	expect_grep "$T/lo.txt" "Nơi nhận:" "Nơi nhận"
	expect_grep "$T/lo.txt" "- Đảng ủy phường;" "the recipients as Decree 30 punctuates them"
	expect_grep "$T/lo.txt" "KT. TRƯỞNG CÔNG AN PHƯỜNG" "the authority"
	expect_grep "$T/lo.txt" "Lê Văn Bình" "the signer's name"
	# The first page has no number; the second starts with "2".
	pdftotext -f 1 -l 1 "$T/lo/r.pdf" - | head -3 | grep -qx ' *1 *'
	[ $? -ne 0 ]; ok $? "no page number on page 1"
	pdftotext -f 2 -l 2 -layout "$T/lo/r.pdf" - | sed '/^ *$/d' | head -1 | grep -qx ' *2 *'
	ok $? "page 2 numbered at the top centre"
	# The groups' table runs over a page break: Writer repeats its header.
	heads=$(grep -cE "Tổ +Tên +Số hộ" "$T/lo.txt")
	[ "$heads" -ge 2 ]; ok $? "a table's header row repeated on the next page ($heads times)"
else
	skip "LibreOffice Writer renders the DOCX" "soffice (libreoffice-writer-nogui) or poppler-utils is not installed"
fi
finish
