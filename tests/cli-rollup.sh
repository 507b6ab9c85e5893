#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-rollup.sh - `wardsafe rollup`: three small wards with known figures;
# each ward's lines equal its own summary, the total sums numerators and
# denominators, the targets of the total follow the documented rule, the
# files are never changed, and bad files are refused without output.
. "$top_srcdir/tests/lib.sh"

W="$T/wards"
mkdir -p "$W"
A="$W/an.db" B="$W/binh.db" C="$W/cau.db"
mk() { # mk DB WARD-ARGS...: a new ward database
	db=$1
	shift
	"$WARDSAFE_BIN" --db "$db" init "$@" >/dev/null
}
add() { # add DB KIND FIELD=VALUE...
	db=$1
	shift
	"$WARDSAFE_BIN" --db "$db" add "$@" --force >/dev/null 2>"$T/setup.err" ||
		{ echo "# setup failed: add $*"; sed 's/^/#   /' "$T/setup.err"; }
}

# Phường An: two groups, 200/300 households with an extinguisher.
mk "$A" --ward "Phường An" --district "Quận 1" --province "Tỉnh Thử"
add "$A" group code=1 name="Tổ 1" households=100 residents=400 date=2023-01-01
add "$A" group code=2 name="Tổ 2" households=200 residents=700 date=2023-01-01
add "$A" survey group=1 date=2023-09-30 surveyed=100 with_extinguisher=80
add "$A" survey group=2 date=2023-09-30 surveyed=150 with_extinguisher=120
add "$A" survey group=1 date=2023-06-30 surveyed=90 with_extinguisher=60
add "$A" incident group=1 date=2023-07-10 category=theft
add "$A" incident group=2 date=2023-08-10 category=theft
add "$A" incident group=2 date=2023-05-10 category=drugs
add "$A" target year=2023 indicator=incidents value=3
# Phường Bình: its own extinguisher target of 80%.
mk "$B" --ward "Phường Bình" --district "Quận 1" --province "Tỉnh Thử"
add "$B" group code=1 name="Tổ 1" households=50 residents=200 date=2023-01-01
add "$B" survey group=1 date=2023-09-15 surveyed=50 with_extinguisher=20
add "$B" incident group=1 date=2023-09-01 category=assault
add "$B" target year=2023 indicator=extinguisher value=80
add "$B" target year=2023 indicator=incidents value=2
# Phường Cầu: an incident category of its own.
mk "$C" --ward "Phường Cầu" --district "Quận 2" --province "Tỉnh Thử"
add "$C" group code=A name="Tổ A" households=300 residents=1000 date=2023-01-01
add "$C" survey group=A date=2023-08-31 surveyed=300 with_extinguisher=210
add "$C" category code=karaoke name="Karaoke trái phép"
add "$C" incident group=A date=2023-07-20 category=karaoke count=2
add "$C" target year=2023 indicator=incidents value=4

sums() { for f in "$A" "$B" "$C"; do sha256sum "$f"; done; ls -la "$W" | awk '{ print $1, $NF }'; }
sums > "$T/before"

rollup() { run --lang en rollup "$@"; }

# ---- the TSV contract
rollup "$A" "$B" "$C" --period 2023-Q3 --format tsv
expect_rc 0 "rollup of three wards as TSV"
cp "$T/out" "$T/all.tsv"
[ "$(head -n 1 "$T/all.tsv")" = "$(printf 'ward\tfile\tindicator\tnumerator\tdenominator\tvalue\ttarget\tstatus\tmissing\tprevious\tlast_year')" ]
ok $? "the header: ward, file, then the summary's nine columns"
[ "$(awk -F '\t' 'NF != 11' "$T/all.tsv" | wc -l)" -eq 0 ]; ok $? "every line has 11 columns"
for f in "$A" "$B" "$C"; do
	"$WARDSAFE_BIN" --db "$f" summary --period 2023-Q3 --format tsv | sed 1d > "$T/own.tsv"
	awk -F '\t' -v f="$f" 'NR > 1 && $2 == f' "$T/all.tsv" | cut -f 3- > "$T/rolled.tsv"
	expect_same "$T/rolled.tsv" "$T/own.tsv" "the lines of $(basename "$f") are its own summary --format tsv"
done
awk -F '\t' 'NR > 1 && $2 == "'"$A"'" { print $1 }' "$T/all.tsv" | sort -u > "$T/names"
[ "$(cat "$T/names")" = "Phường An" ]; ok $? "the ward column holds the ward's name"

field() { awk -F '\t' -v w="$1" -v id="$2" -v col="$3" '$1 == w && $3 == id { print $col }' "$T/all.tsv"; }
total() { awk -F '\t' -v id="$1" -v col="$2" '$1 == "TOTAL" && $2 == "" && $3 == id { print $col }' "$T/all.tsv"; }
[ "$(total extinguisher 4)/$(total extinguisher 5)" = 430/650 ]
ok $? "total extinguisher: 80+120+20+210 of 100+200+50+300 households"
sumcol() { awk -F '\t' -v id="$1" -v col="$2" 'NR > 1 && $1 != "TOTAL" && $3 == id { s += $col } END { print s }' "$T/all.tsv"; }
ok=0
for id in extinguisher pccc_commitment antt_commitment app114 survey_coverage; do
	[ "$(total $id 4)" = "$(sumcol $id 4)" ] && [ "$(total $id 5)" = "$(sumcol $id 5)" ] || ok=1
done
ok $ok "every rate's total numerator and denominator are the sums of the wards'"
[ "$(total extinguisher 6)" = 66.15 ]; ok $? "the total rate comes from the sums (430/650 = 66.15%), not an average"
[ "$(total incidents 6)" = 5 ] && [ "$(total incidents 10)" = 1 ]
ok $? "flows are summed: 5 incidents in Q3, 1 in Q2"
[ "$(total incidents.theft 6)" = 2 ] && [ "$(total incidents.karaoke 6)" = 2 ]
ok $? "incident categories are summed, a category of one ward included"
[ -z "$(field "Phường An" incidents.karaoke 6)" ] && ! grep -q "Phường An	.*karaoke" "$T/all.tsv"
ok $? "a ward does not get another ward's category"
[ "$(field "Phường Bình" extinguisher 7)" = 80 ] && [ "$(field "Phường Bình" extinguisher 8)" = not_met ]
ok $? "a ward's status uses its own target (80%)"
[ "$(field "Phường An" extinguisher 7)" = 75 ] && [ "$(field "Phường An" extinguisher 8)" = not_met ] &&
	[ "$(field "Phường An" extinguisher 9)" = 25 ]
ok $? "a ward without a target row uses the default (75%: 200 of 300 is 25 short)"
[ -z "$(total extinguisher 7)" ] && [ -z "$(total extinguisher 8)" ]
ok $? "the wards disagree (75, 80, 75) and nothing is configured: no total target"
[ "$(total incidents 7)" = 9 ] && [ "$(total incidents 8)" = met ]
ok $? "a count's total target is the sum of the wards' (3+2+4 = 9), 5 incidents meet it"
[ "$(total outreach 6)" = 0 ] && [ -z "$(total outreach 7)" ]; ok $? "a flow without targets"

rollup "$A" "$C" --period 2023-Q3 --format tsv
cp "$T/out" "$T/ac.tsv"
[ "$(awk -F '\t' '$1 == "TOTAL" && $3 == "extinguisher" { print $7 "/" $8 "/" $9 }' "$T/ac.tsv")" = "75/not_met/40" ]
ok $? "wards that agree (75%) give the total its target: 410/600 is 40 households short"
printf '[targets]\nextinguisher = 60\n' > "$T/t60.ini"
run --lang en --config "$T/t60.ini" rollup "$A" "$B" "$C" --period 2023-Q3 --format tsv
[ "$(awk -F '\t' '$1 == "TOTAL" && $3 == "extinguisher" { print $7 "/" $8 "/" $9 }' "$T/out")" = "60/met/0" ]
ok $? "a target in the configuration file is the total's (60%, met)"
[ "$(awk -F '\t' '$1 == "Phường Bình" && $3 == "extinguisher" { print $7 }' "$T/out")" = 80 ]
ok $? "and a ward's own target still rules the ward"

# ---- periods
rollup "$A" "$B" "$C" --period 2023-07..2023-09 --format tsv
expect_same "$T/out" "$T/all.tsv" "a month range is the quarter"
rollup "$A" "$B" "$C" --period 2023-Q2 --format tsv
[ "$(awk -F '\t' '$1 == "TOTAL" && $3 == "extinguisher" { print $4 "/" $5 }' "$T/out")" = 60/650 ] &&
	[ "$(awk -F '\t' '$1 == "TOTAL" && $3 == "incidents" { print $6 }' "$T/out")" = 1 ]
ok $? "--period 2023-Q2: the June survey and the May incident"
rollup "$A" "$B" --period 2023-13
expect_rc 2 "a bad period is a usage error"

# ---- text and English/Vietnamese
run rollup "$A" "$B" "$C" --period 2023-Q3
expect_rc 0 "text roll-up"
expect_grep "$T/out" "Tổng hợp 3 phường, quý III/2023 (từ 01/07/2023 đến 30/09/2023)" "Vietnamese by default, the period in words"
expect_grep "$T/out" "Phường Cầu" "a row per ward"
expect_grep "$T/out" "430/650" "the total's summary with numerator and denominator"
expect_grep "$T/out" "Kỳ trước quý II/2023" "the comparison with the previous period, in words"
expect_grep "$T/out" "Cùng kỳ quý III/2022" "and with the same period last year"
sed -n '1,/^Cùng kỳ/p' "$T/out" | grep -E '20[0-9][0-9]-Q[1-4]' >/dev/null; [ $? -ne 0 ]
ok $? "the roll-up's own heading and table write no period as 2023-Q3"
sed -n '/^Tổng hợp số liệu/,/^$/p' "$T/out" | tr '\n' ' ' | sed 's/  */ /g' > "$T/opening"
expect_grep "$T/opening" "Tổng hợp số liệu của 3 phường (Phường An, Phường Bình, Phường Cầu), quý III/2023:" \
	"text: the opening paragraph names the wards and the period"
expect_grep "$T/opening" "Hộ có bình chữa cháy 66,2% (430/650) (số phường đạt chỉ tiêu: 0, chưa đạt: 3)" \
	"text: the total extinguisher rate, no ward at its own target"
expect_grep "$T/opening" "Vụ việc về trật tự xã hội 5 (số phường đạt chỉ tiêu: 3, chưa đạt: 0)" \
	"text: incidents, every ward within its own target"
mkdir -p "$T/many"
for i in $(seq 11); do mk "$T/many/m$i.db" --ward "Phường M$i" --district "Quận 9" --province "Tỉnh Thử"; done
run rollup "$T"/many/m*.db --period 2023-Q3
sed -n '/^Tổng hợp số liệu/,/^$/p' "$T/out" | tr '\n' ' ' > "$T/opening"
expect_grep "$T/opening" "Tổng hợp số liệu của 11 phường, quý III/2023:" "more than 10 wards: counted, not named, in the opening"
expect_no_grep "$T/opening" "Phường M1" "their names are left to the table"
rollup "$A" "$B" "$C" --period 2023-Q3
expect_grep "$T/out" "Roll-up of 3 wards, Q3 2023" "English on request"
grep -E "^Phường Bình +40\.0%\*" "$T/out" >/dev/null; ok $? "a value below its ward's target is starred"
grep -E "^Total +66\.2% " "$T/out" >/dev/null; ok $? "the total row"
rollup "$A" "$B" "$C" --period 2023-Q3 -o "$T/r.txt"
expect_rc 0 "-o FILE"
rollup "$A" "$B" "$C" --period 2023-Q3
expect_same "$T/r.txt" "$T/out" "the file holds what standard output shows"
rollup "$A" "$B" "$C" --period 2023-Q3 -o "$T/r.txt"
expect_rc 1 "an existing file is not replaced without --force"

# A ward without a name is shown by its file name.
mk "$T/noname.db"
rollup "$T/noname.db" "$A" --period 2023-Q3 --format tsv
[ "$(awk -F '\t' 'NR == 2 { print $1 }' "$T/out")" = noname.db ]; ok $? "a ward without a name goes by its file name"

# ---- the PDF: a báo cáo of the district unit (Decree 30), wards in an appendix
printf '%s\n' "[rollup]" "unit = Công an quận 1" "parent_unit = Công an tỉnh Thử" "place = Quận 1" \
	"number = 25/BC-CAQ" "signer_authority = KT. TRƯỞNG CÔNG AN QUẬN" "signer_title = PHÓ TRƯỞNG CÔNG AN QUẬN" \
	"signer_name = Trần Văn Cường" "recipients = Công an tỉnh (để b/c) | Lưu: VT, PV01" > "$T/q1.ini"
run --config "$T/q1.ini" rollup "$A" "$B" "$C" --period 2023-Q3 --format pdf -o "$T/vi.pdf"
expect_rc 0 "PDF roll-up with a [rollup] frame"
[ "$(head -c 4 "$T/vi.pdf")" = "%PDF" ] && [ "$(stat -c %a "$T/vi.pdf")" = 600 ]
ok $? "a PDF, readable by its owner only"
expect_grep "$T/err" "1. Phường An: $A" "the files go to stderr, each with its ward"
expect_grep "$T/err" "3. Phường Cầu: $C" "all of them"
expect_no_grep "$T/err" "signer_name" "no warning with [rollup] signer_name set"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
	pages=$(pdfinfo "$T/vi.pdf" | awk '/^Pages:/ { print $2 }')
	pdfinfo -f 1 -l "$pages" "$T/vi.pdf" > "$T/info"
	expect_grep "$T/info" "Page    1 size:  595.28 x 841.89 pts (A4)" "the document is A4 portrait"
	app=0
	for p in $(seq 2 "$pages"); do
		pdftotext -f "$p" -l "$p" "$T/vi.pdf" - | grep -q "PHỤ LỤC" && { app=$p; break; }
	done
	[ "$app" -gt 1 ]; ok $? "the appendix starts on a page of its own"
	land=0
	for p in $(seq "$app" "$pages"); do
		grep -q "Page *$p size:  841.89 x 595.28 pts (A4)" "$T/info" || land=1
	done
	[ "$app" -gt 1 ] && [ "$land" -eq 0 ]; ok $? "the appendix pages are A4 landscape"
	pdftotext -f "$app" -l "$pages" "$T/vi.pdf" - | tr '\n' ' ' | sed 's/  */ /g' > "$T/app.txt"
	expect_grep "$T/app.txt" "Phường Bình" "the appendix has the ward table"
	expect_grep "$T/app.txt" "(Kèm theo Báo cáo số 25/BC-CAQ ngày" "and says which report it goes with"
	pdftotext -f 1 -l $((app - 1)) "$T/vi.pdf" - | tr '\n' ' ' | sed 's/  */ /g' > "$T/body.txt"
	pdftotext "$T/vi.pdf" - | tr '\n' ' ' | sed 's/  */ /g' > "$T/pdf.txt"
	for want in "CÔNG AN TỈNH THỬ" "CÔNG AN QUẬN 1" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" \
		"Độc lập - Tự do - Hạnh phúc" "Số: 25/BC-CAQ" "Quận 1, ngày"; do
		expect_grep "$T/body.txt" "$want" "the header block: $want"
	done
	expect_grep "$T/body.txt" "BÁO CÁO Tổng hợp kết quả" "the title"
	expect_grep "$T/body.txt" "của 3 phường, quý III/2023" "with the number of wards and the period in words"
	expect_grep "$T/body.txt" "Hộ có bình chữa cháy 66,2% (430/650) (số phường đạt chỉ tiêu: 0, chưa đạt: 3)" \
		"the opening paragraph: the total and how many wards met the target"
	expect_grep "$T/body.txt" "Vụ việc về trật tự xã hội 5 (số phường đạt chỉ tiêu: 3, chưa đạt: 0)" \
		"for every target"
	expect_grep "$T/body.txt" "430/650" "the total against the targets"
	expect_grep "$T/body.txt" "Nơi nhận: - Công an tỉnh (để b/c); - Lưu: VT, PV01." "Nơi nhận, punctuated"
	expect_grep "$T/body.txt" "KT. TRƯỞNG CÔNG AN QUẬN PHÓ TRƯỞNG CÔNG AN QUẬN" "the authority over the signer's title"
	expect_grep "$T/body.txt" "Trần Văn Cường" "the signer's name"
	# (on a document that has text: an empty one would pass)
	[ -s "$T/pdf.txt" ] && ! grep -qF ".db" "$T/pdf.txt"; ok $? "no file name in the document"
	[ -s "$T/pdf.txt" ] && ! grep -qE '20[0-9][0-9]-Q[1-4]' "$T/pdf.txt"
	ok $? "no period written as 2023-Q3 anywhere in the document"
	rollup "$T/noname.db" "$A" --period 2023-Q3 --format pdf -o "$T/noname.pdf"
	pdftotext "$T/noname.pdf" - > "$T/noname.txt"
	expect_grep "$T/noname.txt" "ward no. 1 (no name)" "a ward without a name is numbered, not named by its file"
	expect_no_grep "$T/noname.txt" "noname" "its file name stays out"
	expect_grep "$T/err" "signer's name" "without [rollup] signer_name: a warning"
else
	for n in $(seq 24); do tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP poppler-utils not installed"; done
fi
printf '[rollup]\nsigner_authority = KT TRƯỞNG CÔNG AN QUẬN\n' > "$T/badauth.ini"
run --lang en --config "$T/badauth.ini" rollup "$A" --period 2023-Q3 --format pdf -o "$T/bad.pdf"
expect_rc 3 "[rollup] signer_authority is checked like [report]'s"
expect_grep "$T/err" "$T/badauth.ini:2: [rollup] signer_authority: the signer's authority starts with KT." "with file:line and the rule"
printf '[rollup]\nrecipients = Như trên; Lưu: VT\n' > "$T/semi.ini"
run --lang en --config "$T/semi.ini" rollup "$A" --period 2023-Q3
expect_grep "$T/err" "$T/semi.ini:2: a ';' or '#' inside a value" "an unquoted ';' in [rollup] recipients is reported"
rollup "$A" "$B" --format pdf
expect_rc 2 "a PDF needs -o FILE"

# ---- the files are read, never changed
sums > "$T/after"
expect_same "$T/after" "$T/before" "the ward files are byte for byte the same, nothing beside them (no journal, no backup)"
chmod 0444 "$A" "$B" "$C"
chmod 0555 "$W"
rollup "$A" "$B" "$C" --period 2023-Q3 --format tsv
expect_rc 0 "read-only files in a read-only directory roll up"
expect_same "$T/out" "$T/all.tsv" "with the same figures"
chmod 0755 "$W"
chmod 0600 "$A" "$B" "$C"

# ---- refusals: exit 3, every problem named, nothing on standard output
refused() { # refused WANT-TEXT NAME FILES...
	want=$1 name=$2
	shift 2
	rollup "$@" --period 2023-Q3 --format tsv
	[ "$rc" -eq 3 ] && [ ! -s "$T/out" ] && grep -qF -- "$want" "$T/err"
	ok $? "$name (exit 3, no output)"
	[ "$rc" -eq 3 ] || sed 's/^/#   /' "$T/err"
}
refused "$W/none.db: there is no such file" "a missing file" "$A" "$W/none.db"
printf 'not a database, just text\n' > "$T/text.db"
refused "$T/text.db: the file is not a wardsafe database" "a text file" "$A" "$T/text.db"
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);" 2>/dev/null
refused "$T/other.db is not a wardsafe database (it belongs to another program)" "another program's database" "$A" "$T/other.db"
cp "$A" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99" 2>/dev/null
refused "$T/newer.db was written by a newer version of wardsafe" "a database of a newer version" "$T/newer.db" "$B"
: > "$T/empty.db"
refused "$T/empty.db is empty" "an empty file" "$B" "$T/empty.db"
# A copy taken in the middle of a save: only a writer may finish it.
cp "$B" "$T/hot.db"
# The sqlite3 shell writes more than its one-page cache holds inside a
# transaction (so the file and its journal are both changed), says so, and
# is killed before it can commit or roll back.
mkfifo "$T/hot.fifo"
sqlite3 "$T/hot.db" < "$T/hot.fifo" > "$T/hot.out" 2>&1 &
hot_pid=$!
exec 9> "$T/hot.fifo"
printf '%s\n' "PRAGMA cache_size = 1;" "BEGIN;" "CREATE TABLE junk(x);" \
	"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
	 INSERT INTO junk SELECT randomblob(500) FROM n;" ".print ready" >&9
for i in $(seq 300); do grep -q ready "$T/hot.out" && break; sleep 0.1; done
kill -9 $hot_pid 2>/dev/null
wait $hot_pid 2>/dev/null
exec 9>&-
if [ -s "$T/hot.db-journal" ]; then
	sha256sum "$T/hot.db" "$T/hot.db-journal" > "$T/hot.before"
	refused "$T/hot.db is in the middle of an unfinished save" "a file left in the middle of a save" "$A" "$T/hot.db"
	sha256sum "$T/hot.db" "$T/hot.db-journal" > "$T/hot.after"
	expect_same "$T/hot.after" "$T/hot.before" "the file and its journal are left as they are"
else
	ok 1 "the sqlite3 shell left a journal behind"
	cat "$T/hot.out"
fi
refused "are the same file" "the same file twice" "$A" "$B" "$A"
refused "are the same file" "the same file under another name" "$A" "$W/../wards/an.db"
cp "$A" "$T/an-copy.db"
refused "hold the same ward (Phường An)" "two copies of one ward" "$A" "$T/an-copy.db"
rollup "$W/none.db" "$T/text.db" "$B" --period 2023-Q3
[ "$rc" -eq 3 ] && grep -q none.db "$T/err" && grep -q text.db "$T/err"; ok $? "every bad file is named at once"
run rollup "$W/none.db"
expect_grep "$T/err" "không có tệp này" "the messages are translated"

rollup
expect_rc 2 "no file is a usage error"
rollup "$A" --format xml
expect_rc 2 "an unknown format"
run --db "$A" --db "$B" list group
expect_rc 2 "--db twice with a command is a usage error"
expect_grep "$T/err" "rollup" "and points to the roll-up"
finish
