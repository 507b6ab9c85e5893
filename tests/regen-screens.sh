#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# regen-screens.sh - rewrites tests/expected/screens/*.txt from the current
# program.  Run it only after checking the new screens by eye:
#   make && sh tests/regen-screens.sh && git diff tests/expected/screens
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
export WARDSAFE_DATADIR="$top/data" WARDSAFE_LOCALEDIR="$top/po/locale" WARDSAFE_NOW='2026-11-24 09:30:00'
export LC_ALL=C.UTF-8 TZ=UTC
unset WARDSAFE_ASCII
bin="$top/src/wardsafe"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
"$bin" --db "$T/demo.db" demo > /dev/null
out="$top/tests/expected/screens"
gen() { # gen NAME KEYS ARGS...
	name=$1 keys=$2
	shift 2
	printf '%s' "$keys" > "$T/$name.keys"
	WARDSAFE_SCRIPT="$T/$name.keys" WARDSAFE_DUMP="$out/$name.txt" "$bin" "$@" > /dev/null 2>&1
}
# These key scripts must be the same as in tests/tui-screens.sh.
gen all 'p<C-u>2023-Q3<Enter><Dump><F3><Dump><F4><Dump><Tab><Dump><F5><Dump><F6><Dump><F7><Dump><F8><Dump><F9><Dump><F10><Dump>q' --lang en --db "$T/demo.db"
gen vi 'p<C-u>2023-Q3<Enter><Dump><F4><Dump>' --db "$T/demo.db"
COLUMNS=120 LINES=30 gen wide 'p<C-u>2023-Q3<Enter><Dump><F3><Dump>' --lang en --db "$T/demo.db"
gen help '<F1><Dump><Esc><F4><F1><Dump><Esc>' --lang en --db "$T/demo.db"
# Before the form below saves a survey: this must be the same as in tests/tui-round.sh.
gen round '<F4>r<Dump><Enter><Dump><Right><Right><Dump><Esc>q' --lang en --db "$T/demo.db"
gen form '<F4>a<F4>9<Enter><Tab>999<Tab>5<F2><Dump><C-u>170<Tab><C-u>150<F2><Dump>y<Dump>' --lang en --db "$T/demo.db"
# These must be the same as in tests/tui-views.sh.
gen views 'p<C-u>2023-Q3<Enter><Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump>' --lang en --db "$T/demo.db"
gen trends 'p<C-u>2022-01..2023-12<Enter><S-Tab><Dump>' --lang en --db "$T/demo.db"
# These must be the same as in tests/tui-screens.sh (the roll-up screen).
"$bin" --db "$T/r1.db" demo > /dev/null
"$bin" --db "$T/r2.db" demo > /dev/null
"$bin" --db "$T/r2.db" add ward name="Phường Hai" > /dev/null
cd "$T"
gen rollup 'p<C-u>2023-Q3<Enter><Dump><Right><Right><Right><Right><Dump><Down><Enter><Dump><Esc><End><Enter><Dump><Esc><F1><Dump><Esc>[<Dump><Resize 120x30><Dump>q' --lang en --db r1.db --db r2.db
gen rollup-vi 'p<C-u>2023-Q3<Enter><Dump>' --db r1.db --db r2.db
cd "$top"
echo "regenerated $(ls "$out" | wc -l) dumps in $out"
