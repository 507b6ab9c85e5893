#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-keys.sh - keys that work as shown (issue 13), in scripted mode at
# 80x24: a pre-filled prompt or field is replaced by the first character
# typed, a refused period keeps its box open, the help of forms and screens
# lists the keys that work there (the line-editing keys, Ctrl-T; not ? in a
# form), F10 means Reports, the help re-wraps after a resize, and
# `wardsafe keys` groups the keys under headings.
. "$top_srcdir/tests/lib.sh"

printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
DB="$T/demo.db"
demo_db "$DB"

# ---- p: the typed period replaces the pre-filled one (the README's first step)
screens period 'p2023-Q3<Enter><Dump>q' --lang en --db "$DB"
expect_rc 0 "p 2023-Q3 Enter"
expect_grep "$T/period.txt" "Period 2023-Q3 " "typing after p replaces the pre-filled period (no Ctrl-U needed)"
screens period-vi 'pquý 3/2023<Enter><Dump>q' --db "$DB"
expect_grep "$T/period-vi.txt" "Kỳ 2023-Q3 " "quý 3/2023 typed in the screens"
screens period-cu 'p<C-u>2023-Q3<Enter><Dump>q' --lang en --db "$DB"
expect_grep "$T/period-cu.txt" "Period 2023-Q3 " "Ctrl-U then typing still works"
screens period-end 'p<End>..2026-12<Enter><Dump>q' --lang en --db "$DB"
expect_grep "$T/period-end.txt" "Period 2026-11..2026-12" "End first, then typing adds to the pre-filled period"

# ---- a refused period keeps the box open with the text and the reason
screens period-bad 'p2023-Q3x<Enter><Dump><BS><Enter><Dump>q' --lang en --db "$DB"
expect_rc 0 "a refused period, corrected"
sed -n '1,/^-- screen 2/p' "$T/period-bad.txt" > "$T/period-bad1.txt"
expect_grep "$T/period-bad1.txt" "│ 2023-Q3x " "the refused text stays in the box"
expect_grep "$T/period-bad1.txt" "'2023-Q3x' is not a period" "the reason is shown in the box"
expect_grep "$T/period-bad1.txt" "Period 2026-11 " "the period is unchanged meanwhile"
sed -n '/^-- screen 2/,$p' "$T/period-bad.txt" > "$T/period-bad2.txt"
expect_grep "$T/period-bad2.txt" "Period 2023-Q3 " "Backspace then Enter accepts the corrected period"
expect_no_grep "$T/period-bad2.txt" "is not a period" "and the box is closed"
screens period-esc 'p2023-13<Enter><Esc><Dump>q' --lang en --db "$DB"
expect_grep "$T/period-esc.txt" "Period 2026-11 " "Esc after a refused period keeps the period"
expect_no_grep "$T/period-esc.txt" "is not a period" "... and closes the box"

# ---- a form of a stored record: first key replaces, a move first inserts
screens form '<F3><Enter><Tab>Tổ mới<Tab><End> Jr<Dump><Esc>y' --lang en --db "$DB"
expect_grep "$T/form.txt" "Group name *   Tổ mới" "typing in a filled field replaces its value"
expect_grep "$T/form.txt" "Group leader   Lê Văn Hùng Jr" "End then typing adds to the value"
screens form-home '<F3><Enter><Tab><Home>Tổ <Tab><Left>x<Dump><Esc>y' --lang en --db "$DB"
expect_grep "$T/form-home.txt" "Group name *   Tổ Tổ dân phố 1" "Home then typing inserts at the start"
expect_grep "$T/form-home.txt" "Group leader   Lê Văn Hùnxg" "Left then typing inserts before the last letter"

# ---- help: ? is typed in a form; F1 lists the form's and the text keys
screens form-q '<F3>a?<Dump><F1><Dump><Esc><Esc>y' --lang en --db "$DB"
sed -n '1,/^-- screen 2/p' "$T/form-q.txt" > "$T/form-q1.txt"
grep -Eq '^ Group code \* +\?$' "$T/form-q1.txt"; ok $? "? in a form is typed into the field"
expect_no_grep "$T/form-q1.txt" "┌─ Help" "... and does not open the help"
sed -n '/^-- screen 2/,$p' "$T/form-q.txt" > "$T/form-help.txt"
expect_grep "$T/form-help.txt" "┌─ Help" "F1 opens the help of a form"
expect_no_grep "$T/form-help.txt" "F1, ?" "the form's help does not claim ?"
screens form-help-all '<F3>a<F1><PgDn><Dump><PgDn><Dump><Esc><Esc>' --lang en --db "$DB"
for k in "Ctrl-A, Home" "Ctrl-E, End" "Ctrl-U" "Ctrl-K" "Ctrl-W" "Ctrl-Left" "Ctrl-Right" "Ctrl-T, F11"; do
	expect_grep "$T/form-help-all.txt" "  $k " "the form's help lists $k"
done
screens main-help '<F1><PgDn><PgDn><PgDn><Dump><Esc>q' --lang en --db "$DB"
expect_grep "$T/main-help.txt" "Ctrl-T, F11" "the main screens' help lists Ctrl-T, F11"

# ---- F10 is Reports on the ward's screens; q always quits and is shown
screens f10 '<F10><Dump>q' --lang en --db "$DB"
expect_rc 0 "F10 then q"
expect_grep "$T/f10.txt" "SOCIALIST REPUBLIC OF VIETNAM" "F10 opens the reports"
tail -1 "$T/f10.txt" | grep -qF "qQuit"; ok $? "q Quit is on the key bar of the reports"

# ---- the help re-wraps after a resize
LONG="Choose the column to sort by; choosing the same column again reverses the order"
screens help-resize '<F3><F1><Resize 160x50><Dump><Resize 80x24><Dump><Esc>q' --lang en --db "$DB"
sed -n '1,/^-- screen 2/p' "$T/help-resize.txt" > "$T/help-wide.txt"
expect_grep "$T/help-wide.txt" "$LONG" "widened to 160 columns, the help is wrapped again to the new width"
sed -n '/^-- screen 2/,$p' "$T/help-resize.txt" > "$T/help-narrow.txt"
expect_no_grep "$T/help-narrow.txt" "$LONG" "narrowed back to 80, it is wrapped to 80 again"
expect_grep "$T/help-narrow.txt" "│   Enter            Open the selected record in its form, every value in  │" "... inside the box"

# ---- wardsafe keys: a heading per context, the man page's order
"$WARDSAFE_BIN" --lang en keys > "$T/keys.txt"
grep -v '^ ' "$T/keys.txt" | grep -v '^$' > "$T/keys.heads"
sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$top_srcdir/man/wardsafe.1" |
	sed -n 's/^\.SS "\(.*\)"$/\1/p' > "$T/man.heads"
expect_same "$T/keys.heads" "$T/man.heads" "wardsafe keys has the headings of the man KEYS subsections, in order"
[ "$(wc -l < "$T/keys.heads")" -ge 9 ]; ok $? "... all nine"
awk '/^[^ ]/ { h = $0 } /^  Tab[ ,]/ { print h }' "$T/keys.txt" > "$T/tab.heads"
[ "$(sort -u "$T/tab.heads" | wc -l)" -eq 5 ] && [ "$(wc -l < "$T/tab.heads")" -eq 5 ]
ok $? "Tab is listed once under each of its five headings (lists, several kinds, views, the round grid, the report texts)"
expect_grep "$T/keys.txt" "  Ctrl-W " "wardsafe keys lists the line-editing keys"
"$WARDSAFE_BIN" keys > "$T/keys-vi.txt"
expect_grep "$T/keys-vi.txt" "Ô nhập chữ" "the headings are translated"

finish
