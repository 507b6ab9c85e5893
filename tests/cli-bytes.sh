#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-bytes.sh - no control byte reaches the terminal raw.  Text fields and
# configuration values refuse C0/C1 controls and text-direction marks with a
# message naming the field (or file:line); control characters already stored
# (an older file, a ward file handed over for the roll-up, a direct sqlite3
# edit: put in here with the sqlite3 shell) come out of every output escaped,
# \x1b or \u202e, and so do the CSV values echoed by import messages.
. "$top_srcdir/tests/lib.sh"

if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP the sqlite3 shell is not installed"
	exit 0
fi

ESC=$(printf '\033') BEL=$(printf '\007')
C1=$(printf '\302\233')                   # U+009B, the C1 CSI
RLO=$(printf '\342\200\256')              # U+202E RIGHT-TO-LEFT OVERRIDE
# The attack of the issue (set the window title, clear the screen), a C1
# control and a bidi override, as hex for sqlite3 and as it must be shown.
EVIL_HEX=1b5d303b50574e4544071b5b324ac29be280ae
EVIL_SHOWN='\x1b]0;PWNED\x07\x1b[2J\u009b\u202e'

# raw FILE: true if FILE holds a control character other than a line feed
# or a tab (C0, DEL), a C1 control, a bidi control or a direction mark.
raw() {
	LC_ALL=C tr -d '\n\t' < "$1" | LC_ALL=C grep -q '[[:cntrl:]]' && return 0
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\342\201[\246-\251]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\330\234')" "$1" && return 0
	return 1
}
# clean FILE NAME: FILE holds no raw control character.
clean() {
	if raw "$1"; then
		ok 1 "$2"
		LC_ALL=C od -c "$1" | grep -m3 -E '033|007|302|342' | sed 's/^/#   /'
	else
		ok 0 "$2"
	fi
}
# shown FILE NAME: FILE has no raw control character and shows the stored
# ones escaped.
shown() {
	clean "$1" "$2: no raw control byte"
	expect_grep "$1" "$EVIL_SHOWN" "$2: the control characters are shown escaped"
}

DB="$T/w.db"
ws() { "$WARDSAFE_BIN" --lang en --db "$DB" "$@"; }
ws init --ward "Phường An" --district "Quận 1" --province "Tỉnh Thử" > /dev/null
ws add group code=1 name="Tổ 1" households=100 residents=400 date=2023-01-01 --force > /dev/null
ws add group code=2 name="Tổ 2" households=100 residents=400 date=2023-01-01 --force > /dev/null
ws add incident group=1 date=2023-09-10 category=theft note=x --force > /dev/null
ws add survey group=1 date=2023-09-30 surveyed=100 with_extinguisher=80 --force > /dev/null

# ---- entry points refuse control characters, naming the field
for c in 'ESC:\033' 'BEL:\007' 'TAB:\011' 'DEL:\177' 'C1 NEL:\302\205' 'C1 CSI:\302\233' \
	 'LRE:\342\200\252' 'RLO:\342\200\256' 'PDF:\342\200\254' 'LRI:\342\201\246' 'PDI:\342\201\251' \
	 'LRM:\342\200\216' 'RLM:\342\200\217' 'ALM:\330\234'; do
	what=${c%%:*}
	v=$(printf "Tổ${c#*:}9")
	"$WARDSAFE_BIN" --lang en --db "$DB" add group code=9 name="$v" > "$T/out" 2> "$T/err"
	rc=$?
	expect_rc 1 "add: a name with $what is refused"
	expect_grep "$T/err" "name=" "add: the message about $what names the field"
	clean "$T/err" "add: the message about $what echoes no raw control byte"
done
expect_grep "$T/err" 'U+061C' "the message names the code point"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM rgroup WHERE code = '9'")" = 0 ]
ok $? "none of them was saved"
run --lang en --db "$DB" add group code=9 name='Tổ \x1b 9 (a backslash is text)'
expect_rc 0 "a backslash and ordinary text are still accepted"

# ---- import: the CSV value is echoed escaped
printf 'code,name\n8,Tổ 8\n7,Tổ %s]0;PWNED%s%s[2J\n' "$ESC" "$BEL" "$ESC" > "$T/evil.csv"
run --lang en --db "$DB" import --kind group "$T/evil.csv"
expect_rc 1 "import: a CSV name with ESC ] 0;PWNED BEL ESC [2J is refused"
clean "$T/err" "import: the messages echo no raw control byte"
expect_grep "$T/err" '\x1b]0;PWNED\x07\x1b[2J' "import: the value is echoed escaped"
expect_grep "$T/err" ':3' "import: the message names the line"
printf 'code,name,x%s]0;PWNED%s\n8,Tổ 8,1\n' "$ESC" "$BEL" > "$T/evil-head.csv"
run --lang en --db "$DB" import --kind group "$T/evil-head.csv"
ok $((rc == 0)) "import: a header with ESC is refused"
clean "$T/err" "import: the message about the header echoes no raw control byte"
expect_grep "$T/err" 'x\x1b]0;PWNED\x07' "import: the header is echoed escaped"

# ---- configuration text values
ini() { # ini NAME LINE: a configuration with LINE as the second line of [report]
	printf '[report]\n; line 3:\n%s\n' "$2" > "$T/$1.ini"
	"$WARDSAFE_BIN" --lang en --config "$T/$1.ini" --db "$DB" summary --period 2023-09 > "$T/out" 2> "$T/err"
	rc=$?
	expect_rc 3 "config: $1 is refused"
	expect_grep "$T/err" "$T/$1.ini:3:" "config: $1: the message names file:line"
	clean "$T/err" "config: $1: the message has no raw control byte"
}
ini esc "signer_name = A${ESC}]0;PWNED${BEL}B"
expect_grep "$T/err" "U+001B" "config: the message names the ESC"
ini bel "place = A${BEL}B"
ini tab "$(printf 'unit = A\tB')"
ini c1 "place = A${C1}B"
ini rlo "signer_title = A${RLO}B"
expect_grep "$T/err" "U+202E" "config: the message names the override"
ini number "number = 1${ESC}"

# ---- stored control characters (older or foreign files, sqlite3 edits)
sqlite3 "$DB" "UPDATE ward SET name = CAST(X'5068c6b0e1bb9d6e6720${EVIL_HEX}416e' AS TEXT);
	UPDATE rgroup SET name = CAST(X'54e1bb9520${EVIL_HEX}31' AS TEXT) WHERE code = '1';
	UPDATE rgroup SET name = CAST(X'e280ae54e1bb952032' AS TEXT) WHERE code = '2';
	UPDATE incident SET note = CAST(X'6109${EVIL_HEX}62' AS TEXT);
	UPDATE category SET name = CAST(X'5472e1bb996d${EVIL_HEX}' AS TEXT) WHERE code = 'theft';
	INSERT INTO audit (at, operator, tbl, row_id, action, old, new) VALUES ('2023-09-10 10:00:00',
	  CAST(X'6f70${EVIL_HEX}' AS TEXT), 'rgroup', 1, 'update', json_object('id', 1, 'name', 'Tổ 1'),
	  json_object('id', 1, 'name', CAST(X'54e1bb9520${EVIL_HEX}31' AS TEXT)));"
ok $? "control characters stored with the sqlite3 shell"

out() { # out NAME ARGS...: runs wardsafe, stdout to $T/NAME
	n=$1
	shift
	"$WARDSAFE_BIN" --lang en --db "$DB" "$@" > "$T/$n" 2> "$T/$n.err"
	rc=$?
}
out list-group list group
shown "$T/list-group" "list group (TSV)"
out list-ward list ward
shown "$T/list-ward" "list ward (TSV)"
out list-incident list incident
shown "$T/list-incident" "list incident (TSV)"
expect_grep "$T/list-incident" 'a\x09\x1b' "list: a stored tab is escaped, not a column"
[ "$(awk -F '\t' '{ print NF }' "$T/list-incident" | sort -u | wc -l)" -eq 1 ]
ok $? "list: every line has the same number of columns"
out summary summary --period 2023-09
shown "$T/summary" "summary (text)"
out summary-tsv summary --period 2023-09 --format tsv
clean "$T/summary-tsv" "summary (TSV): no raw control byte"
out report report --period 2023-09
shown "$T/report" "report (text)"
out report-csv report --period 2023-09 --format csv
shown "$T/report-csv" "report (CSV)"
out report-file report --period 2023-09 -o "$T/report.txt"
shown "$T/report.txt" "report written to a file"
out check check
expect_rc 1 "check reports the stored control characters as problems"
shown "$T/check" "check"
out audit audit
shown "$T/audit" "audit (text)"
out audit-tsv audit --format tsv
clean "$T/audit-tsv" "audit (TSV): no raw control byte"
expect_grep "$T/audit-tsv" 'op\x1b]0;PWNED\x07\x1b[2J\u009b\u202e' "audit (TSV): the operator is shown escaped"
expect_grep "$T/audit-tsv" '\u009b\u202e' "audit (TSV): the JSON values are escaped as JSON"
out rollup rollup "$DB" --period 2023-09
clean "$T/rollup" "rollup (text): no raw control byte"
expect_grep "$T/rollup" 'Phường \x1b]0;PWNED\x07\x1b' "rollup (text): the ward name is shown escaped (and cut)"
out rollup-tsv rollup "$DB" --period 2023-09 --format tsv
clean "$T/rollup-tsv" "rollup (TSV): no raw control byte"
out export-group export group
shown "$T/export-group" "export group (CSV)"
out export-incident export incident
shown "$T/export-incident" "export incident (CSV)"
out export-dir export all -o "$T/exp"
cat "$T/exp"/*.csv > "$T/export-all"
shown "$T/export-all" "export all to files (CSV)"
for f in "$T"/*.err; do
	clean "$f" "no raw control byte on stderr: ${f##*/}"
done

# ---- the screens: drawn escaped (scripted mode reads curses' own memory)
screens groups 'G<Dump>q' --lang en --db "$DB"
expect_rc 0 "the screens run on the file"
expect_grep "$T/groups.txt" '\x1b]0;PWNED' "screens: a stored ESC is drawn escaped"
clean "$T/groups.txt" "screens: no raw control character on the screen"

# ---- and through a real terminal: nothing of it reaches the pty raw
DRIVER="$top_builddir/tests/pty-driver"
if [ -x "$DRIVER" ]; then
	printf 'wait Households with extinguisher\nkey F3\nwait \\x1b]0;PWNED\ndump\nsend q\nexpect-exit 0\n' > "$T/pty.cmd"
	"$DRIVER" --size 100x24 --timeout 60 --raw "$T/pty.raw" -- "$WARDSAFE_BIN" --lang en --db "$DB" \
		< "$T/pty.cmd" > "$T/pty.out" 2> "$T/pty.err"
	drc=$?
	ok $drc "pty: the group list shows the escaped name"
	[ $drc -eq 0 ] || sed 's/^/#   /' "$T/pty.err" | head -30
	LC_ALL=C grep -q "${ESC}]0;PWNED" "$T/pty.raw"
	ok $((! $?)) "pty: the title-setting sequence is not sent"
	LC_ALL=C grep -q "$BEL" "$T/pty.raw"
	ok $((! $?)) "pty: no BEL is sent"
	LC_ALL=C grep -q "$C1" "$T/pty.raw"
	ok $((! $?)) "pty: the C1 control is not sent"
	LC_ALL=C grep -q "$RLO" "$T/pty.raw"
	ok $((! $?)) "pty: the bidi override is not sent, even at the start of a cell"
	grep -qF '\u202eTổ 2' "$T/pty.out"
	ok $? "pty: an override at the start of a name is drawn escaped"
else
	skip "pty: the group list shows the escaped name" "tests/pty-driver was not built"
fi

finish
