#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-registry.sh - the screens are registered in one table (src/screens.c)
# and the main loop (src/tui.c) names none of them: it calls nothing that
# a screen's file defines, and every screen, constructor, modal unit and
# start-up hook has its line in the table.  Adding a screen is writing its
# file and one line there (HACKING, "Adding a screen").
. "$top_srcdir/tests/lib.sh"

SRC="$top_srcdir/src"

# exported FILE...: the functions the files define that are not static.
exported() {
	awk '/^[a-z]/ && !/^static/ && /\(/ && !/;[ \t]*$/ {
		s = $0; sub(/\(.*/, "", s); n = split(s, w, /[ *]+/); print w[n] }' "$@"
}

# The screens' files: everything the screens define.
exported "$SRC"/ui_*.c "$SRC/form.c" | sort -u > "$T/screen-functions"
ok "$([ -s "$T/screen-functions" ]; echo $?)" "the screens' functions are found"
expect_grep "$T/screen-functions" ui_dashboard_new "the overview's constructor is among them"

# tui.c calls none of them (drawing helpers go the other way: screens -> tui.c).
: > "$T/named"
while read -r f; do
	grep -n "\\<$f\\>" "$SRC/tui.c" >> "$T/named"
done < "$T/screen-functions"
if [ -s "$T/named" ]; then
	ok 1 "src/tui.c names no screen"
	sed 's/^/#   tui.c:/' "$T/named"
else
	ok 0 "src/tui.c names no screen"
fi
grep -n '#include "ui_' "$SRC/tui.c" > "$T/includes"
ok "$([ ! -s "$T/includes" ]; echo $?)" "src/tui.c includes no screen's header"
grep -n 'SCR_[A-Z]' "$SRC/tui.c" | sed 's/SCR_COUNT//g; s/SCR_NONE//g' | grep 'SCR_[A-Z]' > "$T/slots"
ok "$([ ! -s "$T/slots" ]; echo $?)" "src/tui.c names no screen slot"
sed 's/^/#   tui.c:/' "$T/slots"

# Every constructor (the screen_make type) and every screen slot has a line
# in the table; so has the first run and the audit log.
sed -n 's/^struct screen \*\(ui_[a-z_]*\)(enum screen_id id, const struct screen_start \*start)$/\1/p' \
	"$SRC"/ui_*.c | sort -u > "$T/ctors"
ok "$([ "$(wc -l < "$T/ctors")" -ge 4 ]; echo $?)" "the constructors are found ($(wc -l < "$T/ctors"))"
while read -r f; do
	expect_grep "$SRC/screens.c" ".make = $f " "constructor $f has a line in the table"
done < "$T/ctors"
sed -n '/^enum screen_id {/,/^}/p' "$SRC/tui.h" | grep -o 'SCR_[A-Z_]*' |
	grep -v -e '^SCR_NONE$' -e '^SCR_COUNT$' > "$T/ids"
ok "$([ "$(wc -l < "$T/ids")" -ge 10 ]; echo $?)" "the screen slots are found ($(wc -l < "$T/ids"))"
while read -r id; do
	expect_grep "$SRC/screens.c" "{ .id = $id," "slot $id has a line in the table"
done < "$T/ids"
expect_grep "$SRC/screens.c" ".on_empty = ui_first_run " "the first run is a hook of the table"
expect_grep "$SRC/screens.c" ".action = ACT_AUDIT, .sets = SS_MAIN, .run = ui_audit_show " \
	"the audit log is a modal unit of the table, opened by its action"

# The table as run: the tabs of the main screens in the table's order, the
# roll-up alone.
demo_db "$T/demo.db"
screens main '<Dump>q' --lang en --db "$T/demo.db"
expect_rc 0 "the main screens start"
expect_grep "$T/main.txt" "2Overview 3Groups 4Data 5Incidents 6Outreach 7Fire 8Premises 9Targets" \
	"the main screens' tabs, in the table's order"
expect_no_grep "$T/main.txt" "Roll-up" "the roll-up is not among the main screens"
cp "$T/demo.db" "$T/demo2.db"
"$WARDSAFE_BIN" --db "$T/demo2.db" add ward name="Phường Hai" > /dev/null
screens rollup '<Dump>q' --lang en --db "$T/demo.db" --db "$T/demo2.db"
expect_rc 0 "the roll-up starts"
expect_grep "$T/rollup.txt" "Roll-up" "the roll-up's tab"
expect_no_grep "$T/rollup.txt" "Overview" "no main screen in the roll-up"

finish
