#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# man.sh - the manual pages and the sample configuration agree with the
# program: every command, option, record field, indicator and configuration
# key is documented, the pages render cleanly, and the sample is accepted.
. "$top_srcdir/tests/lib.sh"

MAN1="$top_srcdir/man/wardsafe.1"
MAN5="$top_srcdir/man/wardsafe.ini.5"
SAMPLE="$top_srcdir/data/wardsafe.ini.sample"
SETTINGS="$top_srcdir/src/settings.c"

# skip NAME REASON: a skipped TAP assertion.
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# section PAGE SH [SS]: the source lines of section SH of a page (without its
# .SH line), or only of its subsection SS, with roff escapes for dashes and
# fonts removed so that options read as typed.
section() {
	awk -v sh="$2" -v ss="${3-}" '
		function title(s) { sub(/^\.S[HS] +/, "", s); gsub(/"/, "", s); return s }
		/^\.SH/ { insh = (title($0) == sh); inss = (ss == ""); next }
		/^\.SS/ && ss != "" { inss = (title($0) == ss); next }
		insh && inss { print }
	' "$1" | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g'
}

# entries FILE: the first word of the tag of each .TP entry of some page text
# (as given by section), one per line; with a subsection heading (.SS NAME)
# before it, prefixed by "NAME ".
entries() {
	awk '/^\.SS/ { ss = $0; sub(/^\.SS +/, "", ss); gsub(/["]/, "", ss)
	                  gsub(/[[]/, "", ss); gsub(/[]]/, "", ss) }
	     prev == ".TP" { t = $0; sub(/^\.[BIR][BIR]? +/, "", t); split(t, w, " ")
	                     print (ss == "" ? "" : ss " ") w[1] }
	     { prev = $0 }' "$1"
}

# has_word FILE WORD: WORD occurs in FILE, not as part of a longer option or
# name.
has_word() {
	grep -Eq -- "(^|[^A-Za-z0-9_-])$2([^A-Za-z0-9_-]|\$)" "$1"
}

# ---- (a) both pages render without a warning
for page in "$MAN1" "$MAN5"; do
	name=$(basename "$page")
	if ! command -v groff >/dev/null 2>&1; then
		skip "$name renders without warnings" "groff is not installed"
		continue
	fi
	groff -man -ww -z -Tutf8 "$page" >/dev/null 2>"$T/groff.err"
	if [ -s "$T/groff.err" ]; then
		ok 1 "$name renders without warnings"
		sed 's/^/#   /' "$T/groff.err" | head -20
	else
		ok 0 "$name renders without warnings"
	fi
done

# groff reads bytes above 127 as Latin-1 unless a preprocessor converts them:
# other letters are written as \[uXXXX] escapes.
for page in "$MAN1" "$MAN5"; do
	[ "$(LC_ALL=C tr -d '\000-\177' < "$page" | wc -c)" -eq 0 ]
	ok $? "$(basename "$page") is plain ASCII"
done

# ---- (b) every command of --help has its entry in wardsafe.1
run --lang en --help
expect_rc 0 "--help"
cp "$T/out" "$T/help"
# (a command with two forms, like export, has two lines: list it once)
sed -n 's/^  wardsafe \([a-z][a-z0-9]*\).*/\1/p' "$T/help" | awk '!seen[$0]++' > "$T/commands"
[ "$(wc -l < "$T/commands")" -ge 10 ]; ok $? "--help lists the commands"
section "$MAN1" SYNOPSIS > "$T/synopsis"
section "$MAN1" COMMANDS > "$T/man-commands"
grep '^\.SS ' "$T/man-commands" | sed -e 's/^\.SS *//' -e 's/"//g' > "$T/command-entries"
while read -r cmd; do
	grep -qx "$cmd" "$T/command-entries" && grep -Eq "wardsafe $cmd( |\$)" "$T/synopsis"
	ok $? "wardsafe.1 has '$cmd' in SYNOPSIS and COMMANDS"
done < "$T/commands"
while read -r cmd; do
	grep -qx "$cmd" "$T/commands"
	ok $? "the command '$cmd' of wardsafe.1 exists"
done < "$T/command-entries"

# ---- (c) every option of --help is documented where it applies
options() { # the options (--word, -x) in lines of text on stdin
	grep -oE '(^|[[ ,])--?[A-Za-z][A-Za-z-]*' | sed 's/^[[ ,]//' | sort -u
}
noptions=0
while read -r cmd; do
	section "$MAN1" COMMANDS "$cmd" > "$T/cmd-text"
	entries "$T/cmd-text" > "$T/cmd-entries"
	grep -E "^  wardsafe $cmd( |\$)" "$T/help" | options > "$T/cmd-options"
	while read -r opt; do
		noptions=$((noptions + 1))
		has_word "$T/cmd-text" "$opt" && grep -qx -- "$opt" "$T/cmd-entries"
		ok $? "wardsafe.1 documents '$cmd $opt'"
	done < "$T/cmd-options"
done < "$T/commands"
[ "$noptions" -ge 20 ]; ok $? "--help shows the options of the commands"
section "$MAN1" "GLOBAL OPTIONS" > "$T/global-text"
sed -n '/^Usage:/p; /^Options:/,/^$/p' "$T/help" | options > "$T/global-options"
grep -qx -- --db "$T/global-options" && grep -qx -- -V "$T/global-options"
ok $? "--help shows the global options"
while read -r opt; do
	has_word "$T/global-text" "$opt" && has_word "$T/synopsis" "$opt"
	ok $? "wardsafe.1 documents the global option '$opt'"
done < "$T/global-options"
options < "$T/help" > "$T/all-options"
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$MAN1" > "$T/man1-plain"
while read -r opt; do
	has_word "$T/man1-plain" "$opt" || echo "$opt"
done < "$T/all-options" > "$T/missing-options"
[ ! -s "$T/missing-options" ]; ok $? "every option of --help appears in wardsafe.1"
sed 's/^/#   missing: /' "$T/missing-options"

# ---- (d) every key of the settings table is in wardsafe.ini.5 and the sample
sed -n 's/.*{ *"\([a-z_]*\)", *"\([a-z0-9_]*\)", *CT_.*/\1 \2/p' "$SETTINGS" | sort > "$T/keys"
[ "$(wc -l < "$T/keys")" -ge 15 ]; ok $? "the settings table is found in settings.c"
section "$MAN5" "SECTIONS AND KEYS" > "$T/man5-text"
entries "$T/man5-text" | sort > "$T/man5-keys"
awk '/^\[/ { s = $0; gsub(/[][ \r]/, "", s) }
     /^; *[a-z0-9_]+ =/ { k = $0; sub(/^; */, "", k); sub(/ .*/, "", k); print s, k }' \
	"$SAMPLE" | sort > "$T/sample-keys"
while read -r sec key; do
	grep -qx "$sec $key" "$T/man5-keys"
	ok $? "wardsafe.ini.5 documents [$sec] $key"
	grep -qx "$sec $key" "$T/sample-keys"
	ok $? "the sample has [$sec] $key"
done < "$T/keys"
comm -13 "$T/keys" "$T/man5-keys" > "$T/extra"
[ ! -s "$T/extra" ]; ok $? "wardsafe.ini.5 documents no unknown key"
sed 's/^/#   unknown: /' "$T/extra"
comm -13 "$T/keys" "$T/sample-keys" > "$T/extra"
[ ! -s "$T/extra" ]; ok $? "the sample has no unknown key"
sed 's/^/#   unknown: /' "$T/extra"
grep -q '^\[' "$SAMPLE" && ! grep -Eq '^[a-z0-9_]+ *=' "$SAMPLE"
ok $? "the sample has its keys commented out"

# ---- (e) the sample, as it is and with every key uncommented, is accepted
# and shows the defaults of the table
run --lang en --config "$SAMPLE" --db "$T/sample.db" init
expect_rc 0 "the sample configuration is accepted"
sed 's/^; *\([a-z0-9_]* =\)/\1/' "$SAMPLE" > "$T/all.ini"
[ "$(grep -Ec '^[a-z0-9_]+ =' "$T/all.ini")" -eq "$(wc -l < "$T/keys")" ]
ok $? "uncommenting gives every key once"
run --lang en --config "$T/all.ini" --db "$T/all.db" init
expect_rc 0 "the sample with every key uncommented is accepted"
sed -n 's/.*{ *"\([a-z_]*\)", *"\([a-z0-9_]*\)", *CT_[A-Z]*, *"\([^"]*\)".*/\1 \2 = \3/p' "$SETTINGS" |
	sed 's/ *$//' | sort > "$T/defaults"
awk '/^\[/ { s = $0; gsub(/[][ \r]/, "", s) }
     /^[a-z0-9_]+ =/ { print s, $0 }' "$T/all.ini" | sed 's/ *$//' | sort > "$T/sample-defaults"
expect_same "$T/sample-defaults" "$T/defaults" "the sample shows every key at its default"

# ---- (f) every field of every record kind is documented in wardsafe.1
kinds=$(sed -n 's/^Record kinds: //p' "$T/help" | tr -d ',')
[ -n "$kinds" ]; ok $? "--help lists the record kinds"
run --lang en --db "$T/f.db" init
expect_rc 0 "init for the field lists"
section "$MAN1" "RECORD KINDS AND FIELDS" > "$T/kinds-text"
entries "$T/kinds-text" > "$T/man-fields"
for kind in $kinds; do
	run --lang en --db "$T/f.db" list "$kind"
	head -n 1 "$T/out" | tr '\t' '\n' > "$T/fields"
	[ "$rc" -eq 0 ] && [ "$(head -n 1 "$T/fields")" = id ] && [ "$(wc -l < "$T/fields")" -ge 2 ]
	ok $? "list $kind prints id and the fields"
	sed 1d "$T/fields" > "$T/stored"
	if [ "$kind" = group ]; then
		printf 'households\nresidents\ndate\n' >> "$T/stored"
	fi
	while read -r field; do
		grep -qx "$kind $field" "$T/man-fields"
		ok $? "wardsafe.1 documents the field $kind.$field"
	done < "$T/stored"
done

# ---- indicators and the TSV header
run --lang en --db "$T/f.db" summary --period 2023-09 --format tsv
expect_rc 0 "summary --format tsv"
head -n 1 "$T/out" | tr '\t' ' ' > "$T/tsv-header"
section "$MAN1" "SUMMARY TSV FORMAT" > "$T/tsv-text"
grep -qF -- "$(cat "$T/tsv-header")" "$T/tsv-text"
ok $? "wardsafe.1 gives the exact TSV header"
section "$MAN1" INDICATORS > "$T/indicators-text"
entries "$T/indicators-text" > "$T/indicator-entries"
sed 1d "$T/out" | cut -f 1 > "$T/ids"
[ "$(wc -l < "$T/ids")" -ge 11 ]; ok $? "the summary has indicator rows"
while read -r id; do
	case $id in
	incidents.*) entry=incidents.CODE ;;
	outreach.*) entry=outreach.KIND ;;
	*) entry=$id ;;
	esac
	case $id in
	incidents.*) true ;; # the categories are data: one entry for all
	*) has_word "$T/indicators-text" "$id" ;;
	esac && grep -qx -- "$entry" "$T/indicator-entries"
	ok $? "wardsafe.1 documents the indicator $id"
done < "$T/ids"

# ---- the DHIS2 data elements: the table of src/dhis2.c, the entries of
# wardsafe.1, and the header line the program writes
sed -n 's/^	{ "\(WS_[A-Z0-9_]*\)".*/\1/p' "$top_srcdir/src/dhis2.c" | sort > "$T/de-program"
[ "$(wc -l < "$T/de-program")" -ge 15 ]; ok $? "the data element table is found in dhis2.c"
section "$MAN1" "DHIS2 EXPORT" "Data elements" > "$T/de-text"
entries "$T/de-text" | sort > "$T/de-man"
while read -r de; do
	grep -qx "$de" "$T/de-man"
	ok $? "wardsafe.1 documents the data element $de"
done < "$T/de-program"
comm -13 "$T/de-program" "$T/de-man" > "$T/extra"
[ ! -s "$T/extra" ]; ok $? "wardsafe.1 documents no unknown data element"
sed 's/^/#   unknown: /' "$T/extra"
run --lang en --db "$T/f.db" add ward name=X code=X
run --lang en --db "$T/f.db" export --format dhis2
expect_rc 0 "export --format dhis2"
section "$MAN1" "DHIS2 EXPORT" | sed 's/\\://g' > "$T/dhis2-text"
grep -qxF -- ".B $(head -n 1 "$T/out")" "$T/dhis2-text"
ok $? "wardsafe.1 gives the exact DHIS2 header line"
# ---- the roll-up's TSV header
run --lang en rollup "$T/f.db" --period 2023-09 --format tsv
head -n 1 "$T/out" | tr '\t' ' ' > "$T/rollup-header"
section "$MAN1" "ROLL-UP OF WARDS" > "$T/rollup-text"
[ -s "$T/rollup-header" ] && grep -qF -- "$(cat "$T/rollup-header")" "$T/rollup-text"
ok $? "wardsafe.1 gives the exact roll-up TSV header"

# ---- the other sections the program refers to
for sh in NAME SYNOPSIS DESCRIPTION COMMANDS "GLOBAL OPTIONS" "RECORD KINDS AND FIELDS" \
	VALIDATION PERIODS INDICATORS "SUMMARY TSV FORMAT" "CSV IMPORT AND EXPORT" "DHIS2 EXPORT" DATABASE \
	KEYS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
	grep -Eq "^\\.SH \"?$sh\"?\$" "$MAN1"
	ok $? "wardsafe.1 has the section $sh"
done

# The KEYS section is the action table of the screens (src/action.c), the
# same table the key dispatch, the key bar and the help screen use.
"$WARDSAFE_BIN" keys --roff > "$T/keys.roff"
sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$top_srcdir/man/wardsafe.1" | sed '1d;$d' > "$T/keys.man"
if [ -s "$T/keys.roff" ] && cmp -s "$T/keys.roff" "$T/keys.man"; then
	ok 0 "the KEYS section of wardsafe.1 matches the key table (wardsafe keys --roff)"
else
	ok 1 "the KEYS section of wardsafe.1 matches the key table (run make update-man-keys)"
	diff "$T/keys.man" "$T/keys.roff" | head -20 | sed 's/^/#   /'
fi
finish
