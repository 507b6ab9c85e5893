#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
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

# ---- the key bar of each view offers only its keys
screens views '<Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Tab><Dump>q' --lang en --db "$DB"
b1=$(bar views 1) b2=$(bar views 2) b3=$(bar views 3) b4=$(bar views 4) b5=$(bar views 5)
case "$b1" in *sSort*|*iIndicator*) ok 1 "the overview's key bar offers no s or i"; echo "#   $b1" ;;
*) ok 0 "the overview's key bar offers no s or i" ;; esac
case "$b2" in *sSort*iIndicator*) ok 0 "the group view offers s and i" ;;
*) ok 1 "the group view offers s and i"; echo "#   $b2" ;; esac
case "$b3" in *sSort*|*iIndicator*) ok 1 "behind target offers neither s nor i"; echo "#   $b3" ;;
*) ok 0 "behind target offers neither s nor i" ;; esac
case "$b4" in *sSort*|*iIndicator*) ok 1 "incidents by month offers neither s nor i"; echo "#   $b4" ;;
*) ok 0 "incidents by month offers neither s nor i" ;; esac
case "$b5" in *iIndicator*) case "$b5" in *sSort*) ok 1 "the trends offer i, not s"; echo "#   $b5" ;;
	*) ok 0 "the trends offer i, not s" ;; esac ;;
*) ok 1 "the trends offer i, not s"; echo "#   $b5" ;; esac
screens notview 's<Dump><Tab><Tab>s<Dump>q' --lang en --db "$DB"
nth notview 1 | grep -q "Not on this view"
ok $? "s on the overview says where it works"
nth notview 2 | grep -q "always worst first"
ok $? "s on behind target says why not"

# ---- keys that do nothing say so; Esc clears
screens esc-top '<Esc><Dump><F10><Esc><Dump>q' --lang en --db "$DB"
[ "$(grep -c "Nothing to close here" "$T/esc-top.txt")" -eq 2 ]
ok $? "Esc on the overview and the reports says there is nothing to close"
screens g-ward '<F8>g<Dump>q' --lang en --db "$DB"
expect_grep "$T/g-ward.txt" "kept for the whole ward, not by group" "g on establishments says they are ward-level"
expect_no_grep "$T/g-ward.txt" "Show the records of group" "and opens no group list"
screens g-bar '<F8><Dump><F5><Dump><F3><Dump><Tab><Dump>q' --lang en --db "$DB"
! bar g-bar 1 | grep -q gGroup && bar g-bar 2 | grep -q gGroup &&
	bar g-bar 3 | grep -q gGroup && ! bar g-bar 4 | grep -q gGroup
ok $? "the key bar offers g on incidents and groups, not on establishments or the ward"
screens g-ward2 '<F3>g<Down><Enter><Dump><Tab><Dump>q' --lang en --db "$DB"
title g-ward2 1 | grep -q "· group 1" && ! title g-ward2 2 | grep -q "group"
ok $? "the group filter of the groups is not named on the ward (Tab)"
screens f-groups '<F3>f<Dump>q' --lang en --db "$DB"
expect_grep "$T/f-groups.txt" "no dates here, all are shown" "f on groups says there are no dates"
screens n-none '<F5>n<Dump>q' --lang en --db "$DB"
expect_grep "$T/n-none.txt" "No search yet" "n without a search says how to search"
screens esc-search '<F3>/Lam<Enter><Dump><Esc><Dump><Esc><Dump>q' --lang en --db "$DB"
title esc-search 1 | grep -q 'search "lam"' && ! title esc-search 2 | grep -q 'search' &&
	nth esc-search 2 | grep -q "Search cleared"
ok $? "Esc clears the search"
nth esc-search 3 | grep -q "Nothing to clear: Esc clears a search or a group filter"
ok $? "Esc with nothing to clear says so"
screens esc-group '<F5>g<Down><Enter><Dump><Esc><Dump>q' --lang en --db "$DB"
title esc-group 1 | grep -q "· group" && ! title esc-group 2 | grep -q "· group" &&
	nth esc-group 2 | grep -q "All groups are shown again"
ok $? "Esc clears the group filter"

# ---- the search goes to another kind only with the cursor on a match
screens carry '<F4>/zzzz-none<Enter><Tab><Dump>q' --lang en --db "$DB"
! title carry 1 | grep -q 'search' && grep -q 'the search is cleared' "$T/carry.txt"
ok $? "Tab with no match in the other kind clears the search and says so"
screens carry2 'p<C-u>2023-09<Enter><F4>/236<Enter><Tab><Dump>q' --lang en --db "$DB"
title carry2 1 | grep -q 'Commitments.*search "236" *4/12$'
ok $? "Tab keeps a search that the other kind matches, the cursor on the match (group 4)"

# ---- forms: every problem at once, screen wording, cursor after a warning
screens problems '<F5>a<C-u>99<Tab><C-u>25/11/2026<Tab>theft<Tab><C-u>hai<F2><Dump>q' --lang en --db "$DB"
expect_grep "$T/problems.txt" "• Group: no group has this code (F4 lists the groups)" "every problem is listed: the group"
expect_grep "$T/problems.txt" "• Date: the date is in the future" "the date"
expect_grep "$T/problems.txt" "• Number of incidents: not a whole number" "and the number"
expect_no_grep "$T/problems.txt" "wardsafe list" "the screens never point to a command"
expect_no_grep "$T/problems.txt" "more)" "no '(and N more)'"
screens problems-fix '<F5>a<C-u>99<Tab><C-u>25/11/2026<F2>X<Dump>q' --lang en --db "$DB"
nth problems-fix 1 | grep -q "^ Group \*  *99X"
ok $? "the cursor is on the first field in error"
screens warn '<F4><Tab><Tab>a<C-u>9<Tab><Tab>700<S-Tab><S-Tab><F2>nX<Dump>q' --lang en --db "$DB"
nth warn 1 | grep -q "Báo cháy 114 app users \* *700X" && ! nth warn 1 | grep -q "Group \* *9X"
ok $? "after a declined warning the cursor is on the field it names"
expect_grep "$T/warn.txt" "• Báo cháy 114 app users: more app users than the 678 residents" "and the warning is listed"

# ---- the default date is inside the selected period
screens date-old 'p<C-u>2023-09<Enter><F5>a<Dump><Esc>p<C-u>2026-11<Enter><F5>a<Dump>q' --lang en --db "$DB"
nth date-old 1 | grep -q "^ Date \*  *30/09/2023"
ok $? "in a past period a new record is dated its last day"
nth date-old 2 | grep -q "^ Date \*  *24/11/2026"
ok $? "in the current period, today"

# ---- a long note shows its beginning when not being edited
screens note '<F5>a<Tab><Tab><Tab><Tab>Begin of a long note about a stolen bicycle near the market gate<S-Tab><Dump>q' --lang en --db "$DB"
nth note 1 | grep -q "^ Note  *Begin of a"
ok $? "a long note shows its beginning when the cursor leaves it"

# ---- after a delete the cursor stays at the same place
n=$(ws list outreach --period 2023-09 | sed 1d | wc -l)
screens del 'p<C-u>2023-09<Enter><F6><Down><Down><Dump>dy<Dump>q' --lang en --db "$DB"
pos1=$(title del 1 | awk '{ print $NF }') pos2=$(title del 2 | awk '{ print $NF }')
[ "$pos1" = "3/$n" ] && [ "$pos2" = "3/$((n - 1))" ]
ok $? "after a delete the cursor stays on the third line ($pos1, then $pos2)"

# ---- the report of a ward without a place or name
E="$T/empty.db"
"$WARDSAFE_BIN" --db "$E" init > /dev/null
"$WARDSAFE_BIN" --lang en --db "$E" report > "$T/empty.txt"
grep -q "   24 November 2026$" "$T/empty.txt" && ! grep -q ", 24 November" "$T/empty.txt"
ok $? "an empty ward's report is dated without a place (English)"
"$WARDSAFE_BIN" --db "$E" report > "$T/empty-vi-report.txt"
expect_grep "$T/empty-vi-report.txt" "Ngày 24 tháng 11 năm 2026" "and in Vietnamese"
! grep -q ", ngày" "$T/empty-vi-report.txt"; ok $? "never starting with ', ngày'"
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
