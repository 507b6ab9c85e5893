#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-config.sh - configuration lookup and errors through the command line.
. "$top_srcdir/tests/lib.sh"

DB="$T/w.db"
"$WARDSAFE_BIN" --db "$DB" init --ward X >/dev/null

printf '[general]\nlanguage = en\noperator = Đại úy Trần B\n[targets]\nextinguisher = 90\n' > "$T/a.ini"
run --config "$T/a.ini" --db "$DB" add group code=1 name=A households=10 residents=30 date=2023-01-01
expect_rc 0 "a valid configuration"
if command -v sqlite3 >/dev/null; then
	[ "$(sqlite3 "$DB" "SELECT DISTINCT operator FROM audit WHERE tbl='rgroup'")" = "Đại úy Trần B" ]
	ok $? "the configured operator is in the audit log"
else
	echo "ok $((tap_n + 1)) # SKIP sqlite3 not installed"; tap_n=$((tap_n + 1))
fi
run --config "$T/a.ini" --db "$DB" summary --period 2023-01 --format tsv
[ "$(awk -F '\t' '$1 == "extinguisher" { print $5 }' "$T/out")" = 90 ]; ok $? "[targets] sets the default target"

printf '[general]\nlanguage = en\n[targets]\nextinguisher = 101\n' > "$T/bad.ini"
run --lang en --config "$T/bad.ini" --db "$T/new.db" init
expect_rc 3 "a value out of range stops the program"
expect_grep "$T/err" "bad.ini:4:" "naming the file and line"
expect_grep "$T/err" "0 to 100" "and what is allowed"
[ ! -e "$T/new.db" ]; ok $? "before touching the database"

printf '[general]\ncolour = red\n' > "$T/bad2.ini"
run --lang en --config "$T/bad2.ini" --db "$DB" summary
expect_rc 3 "an unknown key"
expect_grep "$T/err" "bad2.ini:2: unknown key 'colour'" "is named with its line"
printf '[general\n' > "$T/bad3.ini"
run --lang en --config "$T/bad3.ini" --db "$DB" summary
expect_rc 3 "a malformed section header"
expect_grep "$T/err" "bad3.ini:1:" "with its line"
printf '[report]\nplace = "Lam Sơn\n' > "$T/bad4.ini"
run --lang en --config "$T/bad4.ini" --db "$DB" summary
expect_rc 3 "an unclosed quote"
expect_grep "$T/err" "bad4.ini:2: the quote" "is named with its line"
run --lang en --config "$T/missing.ini" --db "$DB" summary
expect_rc 3 "a missing --config file"

# Lookup order: --config, $WARDSAFE_CONFIG, $XDG_CONFIG_HOME, defaults.
mkdir -p "$XDG_CONFIG_HOME/wardsafe"
printf '[targets]\nextinguisher = 60\n' > "$XDG_CONFIG_HOME/wardsafe/wardsafe.ini"
printf '[targets]\nextinguisher = 70\n' > "$T/env.ini"
t() { awk -F '\t' '$1 == "extinguisher" { print $5 }' "$T/out"; }
run --db "$DB" summary --format tsv
[ "$(t)" = 60 ]; ok $? "the XDG configuration file is read"
WARDSAFE_CONFIG="$T/env.ini" "$WARDSAFE_BIN" --db "$DB" summary --format tsv > "$T/out"
[ "$(t)" = 70 ]; ok $? "\$WARDSAFE_CONFIG comes before it"
WARDSAFE_CONFIG="$T/env.ini" "$WARDSAFE_BIN" --config "$T/a.ini" --db "$DB" summary --format tsv > "$T/out"
[ "$(t)" = 90 ]; ok $? "--config comes first"
rm "$XDG_CONFIG_HOME/wardsafe/wardsafe.ini"
run --db "$DB" summary --format tsv
[ "$(t)" = 75 ]; ok $? "built-in default without a file"

# [database] path, after --db and $WARDSAFE_DB.
printf '[database]\npath = %s\n' "$T/cfg.db" > "$T/db.ini"
run --config "$T/db.ini" init
[ -f "$T/cfg.db" ]; ok $? "[database] path names the database"
WARDSAFE_DB="$T/env.db" "$WARDSAFE_BIN" --config "$T/db.ini" init >/dev/null 2>&1
[ -f "$T/env.db" ]; ok $? "\$WARDSAFE_DB comes before [database] path"

# A BOM and CRLF line ends are accepted.
printf '\357\273\277[targets]\r\nextinguisher = 65\r\n' > "$T/bom.ini"
run --config "$T/bom.ini" --db "$DB" summary --format tsv
expect_rc 0 "a configuration with a BOM and CRLF"
[ "$(t)" = 65 ]; ok $? "is read correctly"
# Only a regular file of at most 1 MiB is read, bounded, and a FIFO does not
# block: each refused at once (timeout: the old code hung) with one message
# naming the file and what it is.
refused() { # refused FILE REASON NAME
	timeout 10 "$WARDSAFE_BIN" --lang en --config "$1" --db "$DB" summary > "$T/out" 2> "$T/err"
	rc=$?
	expect_rc 3 "$3"
	expect_grep "$T/err" "$1: $2" "$3: the message names the file and the reason"
	[ "$(wc -l < "$T/err")" -eq 1 ]; ok $? "$3: one message"
}
refused /dev/zero "is a character device, not a regular file" "--config /dev/zero"
mkfifo "$T/fifo.ini"
refused "$T/fifo.ini" "is a named pipe (FIFO), not a regular file" "a FIFO"
mkdir "$T/dir.ini"
refused "$T/dir.ini" "is a directory, not a regular file" "a directory"
expect_grep "$T/err" "$T/dir.ini/wardsafe.ini" "a directory: the message says which file to give"
{ printf '[general]\nlanguage = en\n'; yes '; a comment line of a big file' | head -c 2097152; } > "$T/big.ini"
refused "$T/big.ini" "the file is larger than 1048576 bytes (1 MiB)" "a 2 MiB file"
yes '; a comment line of a big file' | head -c 1048576 > "$T/limit.ini"
run --lang en --config "$T/limit.ini" --db "$DB" summary
expect_rc 0 "a file of exactly 1 MiB is read"
# UTF-16 (Notepad's "Unicode"), with and without a byte-order mark.
printf '[general]\nlanguage = en\n' > "$T/u8.ini"
iconv -f UTF-8 -t UTF-16LE "$T/u8.ini" > "$T/le.ini"
iconv -f UTF-8 -t UTF-16BE "$T/u8.ini" > "$T/be.ini"
{ printf '\377\376'; cat "$T/le.ini"; } > "$T/le-bom.ini"
{ printf '\376\377'; cat "$T/be.ini"; } > "$T/be-bom.ini"
refused "$T/le.ini" "the file is UTF-16LE text, not UTF-8; save it as UTF-8" "UTF-16LE without a BOM"
refused "$T/be.ini" "the file is UTF-16BE text, not UTF-8; save it as UTF-8" "UTF-16BE without a BOM"
refused "$T/le-bom.ini" "the file is UTF-16LE text, not UTF-8; save it as UTF-8" "UTF-16LE with a BOM"
refused "$T/be-bom.ini" "the file is UTF-16BE text, not UTF-8; save it as UTF-8" "UTF-16BE with a BOM"
# The same rules for the user's file found by the lookup.
rm -f "$XDG_CONFIG_HOME/wardsafe/wardsafe.ini"
mkfifo "$XDG_CONFIG_HOME/wardsafe/wardsafe.ini"
timeout 10 "$WARDSAFE_BIN" --lang en --db "$DB" summary > "$T/out" 2> "$T/err"
rc=$?
expect_rc 3 "a FIFO as the XDG configuration file"
expect_grep "$T/err" "wardsafe/wardsafe.ini: is a named pipe (FIFO)" "is refused like --config's"
rm "$XDG_CONFIG_HOME/wardsafe/wardsafe.ini"

# print_command is split with the shell's quoting (no shell): a printer name
# with a space is one argument.  The stub writes one argument per line.
demo_db "$T/demo.db"
printf '#!/bin/sh\nfor a; do printf "%%s\\n" "$a"; done > "%s/print-args"\n' "$T" > "$T/bin/fakelp"
chmod +x "$T/bin/fakelp"
printf '[report]\nsigner_name = Lê Văn Bình\nprint_command = fakelp -d "office printer" -o '"'"'media=A4 $HOME'"'"' a"b c"d\n' > "$T/print.ini"
screens print "p<C-u>2023-Q3<Enter><F10>Py<Dump>" --lang en --config "$T/print.ini" --db "$T/demo.db"
expect_grep "$T/print.txt" "sent to the printer" "the report is printed"
head -n 5 "$T/print-args" > "$T/args-head" 2>/dev/null
printf '%s\n' -d "office printer" -o 'media=A4 $HOME' "ab cd" > "$T/args-want"
expect_same "$T/args-head" "$T/args-want" "print_command: quoted words are whole arguments, nothing expanded"
[ "$(wc -l < "$T/print-args")" -eq 6 ] && tail -n 1 "$T/print-args" | grep -q '\.pdf$'
ok $? "and the PDF is the last argument"
printf '[report]\nsigner_name = A\nprint_command = lp -d "office printer\n' > "$T/print-bad.ini"
run --lang en --config "$T/print-bad.ini" --db "$DB" summary
expect_rc 3 "an unclosed quote in print_command stops the program"
expect_grep "$T/err" "print-bad.ini:3: [report] print_command: the double quote at character 7 is not closed" \
	"naming the file, line, setting and where the quote is"
printf '[report]\nprint_command = lp -d office\\\n' > "$T/print-bs.ini"
run --lang en --config "$T/print-bs.ini" --db "$DB" summary
expect_rc 3 "a trailing backslash in print_command"
expect_grep "$T/err" "print-bs.ini:2: [report] print_command: the command ends in a backslash" "is named with its line"
# iniparser keeps only what is inside a leading quote: "lp" -d x would run lp alone.
printf '[report]\nprint_command = "fakelp" -d office\n' > "$T/print-q.ini"
run --lang en --config "$T/print-q.ini" --db "$DB" summary
expect_rc 3 "text after a closing quote at the start of a value"
expect_grep "$T/err" "print-q.ini:2: text follows the closing quote and would be ignored" "is not silently dropped"
printf '[report]\nprint_command = '"'"'fakelp -d "office printer"'"'"' ; a comment\n' > "$T/print-sq.ini"
run --lang en --config "$T/print-sq.ini" --db "$DB" summary
expect_rc 0 "a whole value in single quotes, then a comment, is fine"
finish
