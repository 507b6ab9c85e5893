#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-views.sh - the views of the overview (Tab on F2) in scripted mode, on
# the demo ward: by group, behind target, incidents and outreach by month,
# trends; their figures checked against the overview and the domain's
# numbers, and two dumps compared with tests/expected/screens/.
. "$top_srcdir/tests/lib.sh"

SCREENS="$EXPECTED/screens"
printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
unset WARDSAFE_ASCII
DB="$T/demo.db"
demo_db "$DB"

# screen FILE N: screen N of a dump.
screen() {
	awk -v n="$2" '/^-- screen / { s++; next } s == n' "$1"
}
BLOCKS='▁▂▃▄▅▆▇█'

# ---- every view in turn, Q3 2023; the key scripts of views and trends are
# the same in tests/regen-screens.sh
screens views 'p<C-u>2023-Q3<Enter><Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump>' --lang en --db "$DB"
expect_rc 0 "Tab goes through the views and back to the overview"
same_dump views "the overview and its five views (English, 80x24)"
for i in 1 2 3 4 5 6 7; do screen "$T/views.txt" $i > "$T/v$i.txt"; done
expect_grep "$T/v1.txt" "Overview " "the first line names the overview"
expect_grep "$T/v2.txt" "Overview · By group" "then the group view"
expect_grep "$T/v3.txt" "Overview · Behind target" "then behind target"
expect_grep "$T/v4.txt" "Overview · Incidents by month" "then incidents by month"
expect_grep "$T/v5.txt" "Overview · Outreach by month" "then outreach by month"
expect_grep "$T/v6.txt" "Overview · Trends" "then the trends"
grep -q "Tab 1/6" "$T/v7.txt" && ! grep -q "Overview ·" "$T/v7.txt"
ok $? "and Tab after the last view is the overview again"
screens back 'p<C-u>2023-Q3<Enter><S-Tab><Dump><S-Tab><Dump><F2><Dump>' --lang en --db "$DB"
screen "$T/back.txt" 1 | grep -q "Overview · Trends" && screen "$T/back.txt" 2 | grep -q "Outreach by month"
ok $? "Shift-Tab goes back: overview, trends, outreach"
screen "$T/back.txt" 3 | grep -q "Tab 1/6"
ok $? "F2 on a view shows the overview itself"

# ---- by group: the ward total is the overview's figure
# The rates of the overview, in the order of the group view's columns.
for label in "Households with extinguisher" "Fire-safety commitments" "Security pledges" \
	"Báo cháy 114 app users" "Extinguisher survey coverage"; do
	grep "^$label " "$T/v1.txt" | grep -o '[0-9.]*%' | head -1
done > "$T/overview-rates"
grep '^Ward total' "$T/v2.txt" | grep -o '[0-9.]*%' > "$T/total-rates"
expect_same "$T/total-rates" "$T/overview-rates" "the ward total row equals the overview for all five rates"
grep '^Ward total' "$T/v2.txt" | grep -q ' 75\.8%✓'
ok $? "the ward total shows 75.8% with extinguishers in Q3 2023, target met (✓)"
expect_grep "$T/v2.txt" "8 Tổ dân phố 8      68.4%✗" "group 8 is marked below target in text (68.4%✗), not only by colour"
awk '/^Group/ { h = 1; next } h && /^[0-9]+ / { n++ } END { exit n != 12 }' "$T/v2.txt"
ok $? "one row per group (12)"
grep -E '^[0-9]+ Tổ' "$T/v2.txt" | grep -c "[$BLOCKS]\{12\}\$" > "$T/n"
[ "$(cat "$T/n")" -eq 12 ]; ok $? "each group has a 12-month sparkline"

screens dec 'p<C-u>2023-12<Enter><Tab><Dump>' --lang en --db "$DB"
grep '^9 Tổ dân phố 9 ' "$T/dec.txt" | grep -q ' 90\.1%✓'
ok $? "group 9 has 90.1% with extinguishers in December 2023"

screens sort 'p<C-u>2023-Q3<Enter><Tab>s<Down><Enter><Dump>s<Enter><Dump>' --lang en --db "$DB"
screen "$T/sort.txt" 1 > "$T/sort1.txt"
screen "$T/sort.txt" 2 > "$T/sort2.txt"
grep -E '^[0-9]+ Tổ' "$T/sort1.txt" | head -1 | grep -q '^9 Tổ dân phố 9 .* 90\.1%'
ok $? "sorting by extinguisher puts the highest (group 9, 90.1%) first"
grep -E '^[0-9]+ Tổ' "$T/sort1.txt" | awk '{ v = $4 + 0; if (NR > 1 && v > last) bad = 1; last = v } END { exit bad }'
ok $? "and every rate is at most the one above it"
expect_grep "$T/sort1.txt" "By group · Households with extinguisher, highest first" "the first line says how the rows are sorted"
grep -E '^[0-9]+ Tổ' "$T/sort2.txt" | head -1 | grep -q '^8 Tổ dân phố 8 '
ok $? "the same column again reverses: lowest (group 8) first"
screens sortmiss 'p<C-u>2023-Q3<Enter><Tab>s<PgDn><Enter><Dump>' --lang en --db "$DB"
grep -E '^[0-9]+ Tổ' "$T/sortmiss.txt" | head -2 | awk '{ print $1 }' | tr '\n' ' ' | grep -qx '12 8 '
ok $? "sorting by what is missing puts group 12 (12 households) then group 8 (11) first"

# ---- behind target: worst first, only the groups that miss a target
# lines NAME: "group value target missing" for each target missed.
behind_lines() {
	awk '/^Group / { h = 1; next } /^Not listed/ { h = 0 }
	     h && /%/ { if ($0 ~ /^[0-9]/) g = $1
	                n = split($0, f, " +"); v = ""; t = ""
	                for (i = 1; i <= n; i++) if (f[i] ~ /%/) { if (v == "") v = f[i]; else t = f[i] }
	                sub(/%.*/, "", v); sub(/%.*/, "", t); print g, v, t }' "$1"
}
behind_lines "$T/v3.txt" > "$T/behind"
grep -q '^8 68.4 75$' "$T/behind"; ok $? "group 8 is behind on extinguishers (68.4% < 75%)"
grep -Eq '68\.4%✗ +75% +11 households' "$T/v3.txt"; ok $? "with the households still missing (11)"
awk '$3 == 75 { gap = $3 - $2; if (gap > best) { best = gap; g = $1 } } END { exit g != 8 }' "$T/behind"
ok $? "group 8 has the largest gap on the extinguisher target"
awk '{ gap = $3 - $2; if (!($1 in w) || gap > w[$1]) w[$1] = gap; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
     END { for (i = 2; i <= n; i++) if (w[order[i]] > w[order[i - 1]] + 0.0001) exit 1 }' "$T/behind"
ok $? "groups are listed worst gap first"
# (a tall terminal: the whole list on one screen)
LINES=60 screens behind 'p<C-u>2023-12<Enter><Tab><Dump><Tab><Dump>' --lang en --db "$DB"
screen "$T/behind.txt" 1 | grep -E '^[0-9]+ Tổ' | grep -v '✗' | awk '{ print $1 }' > "$T/all-met"
[ -s "$T/all-met" ]; ok $? "in December 2023 some groups meet every target ($(tr '\n' ' ' < "$T/all-met"))"
screen "$T/behind.txt" 2 > "$T/behind2.txt"
behind_lines "$T/behind2.txt" | awk '{ print $1 }' | sort -u > "$T/listed"
screen "$T/behind.txt" 1 | grep -E '^[0-9]+ Tổ' | grep '✗' | awk '{ print $1 }' | sort -u > "$T/missing"
[ -z "$(comm -12 "$T/listed" "$(sort "$T/all-met" > "$T/all-met.s"; echo "$T/all-met.s")")" ]
ok $? "the behind-target view does not list them"
expect_same "$T/listed" "$T/missing" "and lists every group with a ✗"
expect_grep "$T/behind2.txt" "Not listed: $(wc -l < "$T/all-met") of 12 groups" "and says how many are not listed"

# ---- Enter on a group: its last 24 months
screens history 'p<C-u>2023-Q3<Enter><Tab><Down><Down><Down><Down><Down><Down><Down><Down><Enter><Dump><PgDn><PgDn><Dump>' --lang en --db "$DB"
expect_grep "$T/history.txt" "History of group 9 · Tổ dân phố 9" "Enter on group 9 opens its history"
expect_grep "$T/history.txt" "Last 24 months, 10/2021–09/2023" "over the last 24 months"
grep -q "^ *│ Extin\. .*[$BLOCKS].*90\.1%✓  target 75%" "$T/history.txt"
ok $? "with a sparkline and the latest value per indicator"
expect_grep "$T/history.txt" "09/2023    90.1%✓" "and the rates month by month (scrolling to the last month)"

# ---- incidents and outreach by month
grep '^Total ' "$T/v4.txt" | awk '{ exit !($5 == 5 && $6 == 6) }'
ok $? "incidents in Q3 2023: total 5, previous quarter 6"
grep '^Category ' "$T/v4.txt" | grep -q '07/23 08/23 09/23 Total Previous'
ok $? "one column per month (07/23..09/23), then the totals"
grep '^Total ' "$T/v4.txt" | grep -q '↓ 1 .* 10 .*↓ 5'
ok $? "down 1 from the previous quarter, 10 the same quarter last year (down 5)"
grep '^Loudspeaker ' "$T/v5.txt" | awk '{ exit $5 != 135 }'; ok $? "135 loudspeaker sessions"
grep '^Mobile ' "$T/v5.txt" | awk '{ exit $5 != 45 }'; ok $? "45 mobile sessions"
screens year 'p<C-u>2023<Enter><Tab><Tab><Tab><Dump><Left><Left><Dump>' --lang en --db "$DB"
screen "$T/year.txt" 1 | grep -q '^Category .*12/23 Total'
ok $? "a year does not fit: the last months are shown"
expect_grep "$T/year.txt" "of 12 shown; Left/Right" "and the screen says so"
screen "$T/year.txt" 2 | grep -q '^Category .*10/23 Total'
ok $? "Left shows earlier months"

# ---- trends, 2022-01..2023-12
screens trends 'p<C-u>2022-01..2023-12<Enter><S-Tab><Dump>' --lang en --db "$DB"
same_dump trends "the extinguisher trend over 24 months (80x24)"
awk '/└/ { x = 1; next } x && /^ *[0-9][0-9]( |$)/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9][0-9]$/) n++ }
     /^F1/ { x = 0 } END { exit n != 24 }' "$T/trends.txt"
ok $? "24 month labels under the x axis"
expect_grep "$T/trends.txt" "01/2022–12/2023" "from January 2022 to December 2023"
grep '^ 75%┤' "$T/trends.txt" | grep -q '─'; ok $? "the 2023 target (75%) is a line across the chart"
grep '^ 50%┤' "$T/trends.txt" | grep -q '─'; ok $? "and the 2022 target (50%) too"
grep -q "[$BLOCKS]" "$T/trends.txt"; ok $? "bars of block characters"
expect_grep "$T/trends.txt" "76.2%✓ (1,858/2,438)" "the latest value beside the chart"
expect_grep "$T/trends.txt" "Target: 75%" "and the target"
screens pick 'p<C-u>2022-01..2023-12<Enter><S-Tab>iincidents<Enter><Dump>' --lang en --db "$DB"
expect_grep "$T/pick.txt" "Overview · Trends · Incidents" "i chooses another indicator (incidents)"
expect_grep "$T/pick.txt" "01/2022: 4" "with its own figures"

# ---- plain ASCII
WARDSAFE_ASCII=1 screens ascii 'p<C-u>2022-01..2023-12<Enter><S-Tab><Dump><F2><Tab><Dump>' --lang en --db "$DB"
expect_no_grep "$T/ascii.txt" "▁" "WARDSAFE_ASCII=1: no block characters ▁"
grep -q "[$BLOCKS]" "$T/ascii.txt"; [ $? -ne 0 ]; ok $? "none of ▁▂▃▄▅▆▇█ at all"
grep '^ 75%+' "$T/ascii.txt" | grep -q -- '-'; ok $? "the target line is drawn with '-'"
grep -q '^ *|.*#' "$T/ascii.txt"; ok $? "bars are '#' beside a '|' axis"
expect_grep "$T/ascii.txt" "* below target" "the group view marks below target with '*'"

# ---- the help names the views' keys
screens help '<Tab><F1><Dump><Esc>' --lang en --db "$DB"
expect_grep "$T/help.txt" "In the overview and its views" "F1 on a view lists its keys"
expect_grep "$T/help.txt" "By group:" "and says what the view shows"
finish
