#!/bin/sh
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
expect_grep "$T/out" "Tổng hợp 3 phường kỳ 2023-Q3 (từ 01/07/2023 đến 30/09/2023)" "Vietnamese by default"
expect_grep "$T/out" "Phường Cầu" "a row per ward"
expect_grep "$T/out" "430/650" "the total's summary with numerator and denominator"
expect_grep "$T/out" "Kỳ trước 2023-Q2" "the comparison with the previous period"
expect_grep "$T/out" "Cùng kỳ 2022-Q3" "and with the same period last year"
rollup "$A" "$B" "$C" --period 2023-Q3
expect_grep "$T/out" "Roll-up of 3 wards for 2023-Q3" "English on request"
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

# ---- the PDF
rollup "$A" "$B" "$C" --period 2023-Q3 --format pdf -o "$T/r.pdf"
expect_rc 0 "PDF roll-up"
[ "$(head -c 4 "$T/r.pdf")" = "%PDF" ] && [ "$(stat -c %a "$T/r.pdf")" = 600 ]
ok $? "a PDF, readable by its owner only"
if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
	pdfinfo "$T/r.pdf" > "$T/info"
	expect_grep "$T/info" "841.89 x 595.28 pts (A4)" "A4 landscape"
	run rollup "$A" "$B" "$C" --period 2023-Q3 --format pdf -o "$T/vi.pdf"
	pdftotext -layout "$T/vi.pdf" "$T/pdf.txt"
	expect_grep "$T/pdf.txt" "TỔNG HỢP 3 PHƯỜNG" "the title in Vietnamese"
	expect_grep "$T/pdf.txt" "Phường Bình" "the wards"
	expect_grep "$T/pdf.txt" "430/650" "the total against the targets"
else
	for n in 1 2 3 4; do tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP poppler-utils not installed"; done
fi
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
