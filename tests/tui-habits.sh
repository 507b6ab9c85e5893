#!/bin/sh
# tui-habits.sh - keys that work as shown (the key bar of each view, a word
# for every key that does nothing, Esc clearing a search or a group filter)
# and the habits of lists and forms (every problem listed, the cursor after a
# declined warning, the default date, long notes, the place after a delete,
# the search across kinds), at 80x24 in scripted mode; the report's date
# line of a ward without a place; the input-method label.
. "$top_srcdir/tests/lib.sh"

printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
DB="$T/demo.db"
demo_db "$DB"
ws() { "$WARDSAFE_BIN" --lang en --db "$DB" "$@"; }
# nth NAME N: the N-th screen of the dump $T/NAME.txt.
nth() { awk -v n="$2" '/^-- screen /{ i++ } i == n' "$T/$1.txt"; }
# bar NAME N: the key bar (last line) of the N-th screen.
bar() { nth "$1" "$2" | tail -1; }
# title NAME N: the first line of the screen's own area (line 3).
title() { nth "$1" "$2" | sed -n 4p; }

# ---- the report of a ward without a place or name
E="$T/empty.db"
"$WARDSAFE_BIN" --db "$E" init > /dev/null
"$WARDSAFE_BIN" --lang en --db "$E" report > "$T/empty.txt"
expect_grep "$T/empty.txt" "Day 24 month 11 year 2026" "an empty ward's report is dated without a place"
screens empty-vi '<Esc><F10><Dump>q' --db "$E"
expect_grep "$T/empty-vi.txt" "Ngày 24 tháng 11 năm 2026" "and on the reports screen, in Vietnamese"
grep -qF ", ngày" "$T/empty-vi.txt"
[ $? -ne 0 ]; ok $? "no date line starts with ', ngày'"

# ---- the input-method label reads the same way in every state
screens ime '<Dump><C-t><Dump><C-t><Dump>q' --db "$DB"
nth ime 1 | head -2 | grep -q " Gõ: tắt$" && nth ime 2 | head -2 | grep -q " Gõ: Telex$" &&
	nth ime 3 | head -2 | grep -q " Gõ: VNI$"
ok $? "the title bar says Gõ: tắt, Gõ: Telex, Gõ: VNI"
screens ime-en '<Dump><C-t><Dump>q' --lang en --db "$DB"
nth ime-en 1 | head -2 | grep -q " Input: off$" && nth ime-en 2 | head -2 | grep -q " Input: Telex$"
ok $? "and Input: off, Input: Telex in English"

finish
