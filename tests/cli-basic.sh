#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-basic.sh - help, version, usage errors, creating databases.
. "$top_srcdir/tests/lib.sh"

run --help
expect_rc 0 "--help"
for c in init demo add list edit delete import export summary rollup backup check; do
	expect_grep "$T/out" "wardsafe $c" "--help lists '$c'"
done
run --version
expect_rc 0 "--version"
expect_grep "$T/out" "wardsafe 0." "--version prints the version"
run frobnicate
expect_rc 2 "an unknown command is a usage error"
run --frob
expect_rc 2 "an unknown option is a usage error"
run --lang fr --help
expect_rc 2 "--lang takes vi or en"
run --db
expect_rc 2 "--db without a value"
printf '[general\n' > "$T/broken.ini"
run --lang en --config "$T/broken.ini" --help
expect_rc 0 "--help works even with a broken configuration"
run --lang en --config "$T/broken.ini" list group
expect_rc 3 "but commands stop on it"

DB="$T/data/ward/new.db"
run --lang en --db "$DB" init --ward "Lam Sơn" --district "TP Thanh Hóa" --unit "CÔNG AN PHƯỜNG LAM SƠN"
expect_rc 0 "init creates a database"
[ "$(stat -c %a "$DB")" = 600 ]; ok $? "the database file is 0600"
[ "$(stat -c %a "$T/data/ward")" = 700 ]; ok $? "its new directory is 0700"
run --lang en --db "$DB" list ward
expect_grep "$T/out" "Lam Sơn	TP Thanh Hóa" "the ward row holds the given names"
run --lang en --db "$DB" list category
expect_grep "$T/out" "motorbike_theft	Trộm cắp xe máy" "incident categories are seeded from data/"
cp "$DB" "$T/before.db"
run --lang en --db "$DB" init --ward Other
expect_rc 3 "init refuses an existing database"
expect_grep "$T/err" "never overwrites" "and says so"
cmp -s "$DB" "$T/before.db"; ok $? "the existing database is untouched"

run --lang en --db "$T/nothing.db" list group
expect_rc 3 "a missing database is an error for list"
expect_grep "$T/err" "wardsafe init" "the message says how to create one"
[ ! -e "$T/nothing.db" ]; ok $? "no database file was created by list"
run --lang en --db "$T/nothing.db" init --district X
expect_rc 2 "ward details without --ward"

printf 'not a database\n' > "$T/junk.db"
run --lang en --db "$T/junk.db" summary
expect_rc 3 "a file that is not a database"
[ "$(wc -l < "$T/err")" -eq 1 ]; ok $? "gives exactly one message"

run --lang en --db "$T/demo.db" demo
expect_rc 0 "demo creates the demo database"
run --lang en --db "$T/demo.db" demo
expect_rc 3 "demo does not overwrite"
run --lang en --db "$T/demo.db" check
expect_rc 0 "the demo database passes the check"
expect_grep "$T/out" "0 problems" "with no problems"

# Default location: $XDG_DATA_HOME/wardsafe/wardsafe.db
run --lang en init
expect_rc 0 "init without --db"
[ -f "$XDG_DATA_HOME/wardsafe/wardsafe.db" ]; ok $? "uses \$XDG_DATA_HOME/wardsafe/wardsafe.db"
WARDSAFE_DB="$T/env.db" "$WARDSAFE_BIN" --lang en init >/dev/null 2>&1
[ -f "$T/env.db" ]; ok $? "\$WARDSAFE_DB names the database"

# A relative XDG_DATA_HOME or XDG_CONFIG_HOME is ignored, as the XDG base
# directory specification says: the defaults under $HOME are used.
mkdir -p "$T/cwd/rel" "$T/home"
mkdir -p "$T/cwd/rel/wardsafe"
printf '[nonsense]\nkey = 1\n' > "$T/cwd/rel/wardsafe/wardsafe.ini"
(cd "$T/cwd" && HOME="$T/home" XDG_DATA_HOME=rel "$WARDSAFE_BIN" --lang en init > "$T/out" 2>&1)
[ -f "$T/home/.local/share/wardsafe/wardsafe.db" ] && [ ! -e "$T/cwd/rel/wardsafe/wardsafe.db" ]
ok $? "a relative \$XDG_DATA_HOME is ignored: the database goes to ~/.local/share"
# A faulty wardsafe.ini under the relative directory would stop any command.
(cd "$T/cwd" && HOME="$T/home" XDG_CONFIG_HOME=rel "$WARDSAFE_BIN" --lang en list group > "$T/out" 2>&1)
rc=$?
expect_rc 0 "a relative \$XDG_CONFIG_HOME is ignored: the wardsafe.ini under it is not read"


# wardsafe COMMAND --help: that command's usage and what it does (issue 18).
for c in report export import add summary rollup template; do
	run --lang en "$c" --help
	[ "$rc" -eq 0 ] && grep -q "^usage: wardsafe $c " "$T/out" && [ ! -s "$T/err" ]
	ok $? "'$c --help' prints the usage of $c (exit $rc)"
done
run --lang en report --period 2023-Q3 -h
expect_rc 0 "-h after options of the command too"
run --lang en export --help
[ "$(grep -c '^usage: wardsafe export ' "$T/out")" -ge 3 ]
ok $? "a command of several forms lists each of them"

# The build tree's own binary works without environment variables (issue
# 18): the demo's data, the Vietnamese catalog and the manual pages are
# found in this build's tree; an installed copy uses the installed ones.
case $WARDSAFE_BIN in
*/src/wardsafe)
	(unset WARDSAFE_DATADIR WARDSAFE_LOCALEDIR WARDSAFE_MANDIR
	 "$WARDSAFE_BIN" --db "$T/bt.db" demo > "$T/out" 2> "$T/err"; echo $? > "$T/rc")
	[ "$(cat "$T/rc")" -eq 0 ] && [ -s "$T/bt.db" ]
	ok $? "src/wardsafe demo works without \$WARDSAFE_DATADIR (exit $(cat "$T/rc"))"
	expect_grep "$T/out" "Đã tạo cơ sở dữ liệu mẫu" "and speaks Vietnamese without \$WARDSAFE_LOCALEDIR"
	(unset WARDSAFE_DATADIR WARDSAFE_LOCALEDIR WARDSAFE_MANDIR
	 "$WARDSAFE_BIN" --lang en manual --format text > "$T/man.txt" 2> "$T/err"; echo $? > "$T/rc")
	[ "$(cat "$T/rc")" -eq 0 ] && grep -q "WARDSAFE" "$T/man.txt"
	ok $? "and wardsafe manual finds this build's pages without \$WARDSAFE_MANDIR"
	cp "$WARDSAFE_BIN" "$T/wardsafe-copy"
	(unset WARDSAFE_DATADIR WARDSAFE_LOCALEDIR WARDSAFE_MANDIR
	 "$T/wardsafe-copy" --lang en --db "$T/copy.db" demo > "$T/out" 2> "$T/err"; echo $? > "$T/rc")
	# Either the data is installed (the demo is made from it) or the copy
	# says it cannot open the installed categories.csv, not this tree's.
	if [ "$(cat "$T/rc")" -eq 0 ]; then
		true
	else
		grep -q "categories.csv" "$T/err" && ! grep -qF "$top_srcdir/data" "$T/err"
	fi
	ok $? "a copy elsewhere does not take this build's data: it looks in the installed place"
	;;
*)
	skip "src/wardsafe demo works without environment variables" "WARDSAFE_BIN is a wrapper"
	;;
esac
finish
