#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-cuts.sh - nothing that matters is cut (issue 13): every screen, tab
# and view of the demo, in Vietnamese and English, at 80x24 and 160x50, is
# dumped and checked by tests/cutcheck.py against the full texts (the stored
# values, the messages of the catalog): a text shown in part must end in …;
# then the single items: the key bar keeps q and F1, the title keeps the
# operator, sentences wrap, the window too small to draw.
. "$top_srcdir/tests/lib.sh"

printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
unset WARDSAFE_ASCII
DB="$T/demo.db"
demo_db "$DB"

# The full texts: every stored value, the summary's sentences; cutcheck.py
# adds every message of the catalog without a conversion (--po).
: > "$T/known"
for k in ward category group population survey commitment app114 incident outreach fireteam establishments target closing; do
	"$WARDSAFE_BIN" --db "$DB" list "$k" | tr '\t' '\n' | sed 's/^/V	/' >> "$T/known"
done
for lang in vi en; do
	"$WARDSAFE_BIN" --lang $lang --db "$DB" summary --period 2023-Q3 | sed 's/^ *//; s/^/M	/' >> "$T/known"
done

# Every screen: the views of the overview, each list and its kinds, a form,
# the round grid, the reports and the editor of their texts, the help, the audit.
KEYS='p<C-u>2023-Q3<Enter><Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump><F3><Dump><Tab><Dump><Enter><Dump><Esc><F4><Dump><Tab><Dump><Tab><Dump><Tab><Dump><F5><Dump><Tab><Dump><F6><Dump><F7><Dump><Enter><Dump><Esc><F8><Dump><F9><Dump><Tab><Dump><F10><Dump>t<Dump><Tab><Dump><F1><Dump><Esc><Esc><F3><F1><Dump><Esc>A<Dump><Esc><F4>r<Enter><Dump><Right><Right><Dump>900<Dump><F1><Dump><Esc><F2><Dump><Esc>y<Tab>r<Enter><Dump><Esc>q'
dumps=
for lang in vi en; do
	for size in 80x24 160x50; do
		COLUMNS=${size%x*} LINES=${size#*x} screens "cuts-$lang-$size" "$KEYS" --lang $lang --db "$DB"
		expect_rc 0 "every screen dumped ($lang, $size)"
		dumps="$dumps $T/cuts-$lang-$size.txt"
	done
done
# The roll-up of two wards: its table, a ward's details, its help.
cp "$DB" "$T/r2.db"
"$WARDSAFE_BIN" --db "$T/r2.db" add ward name="Phường Hai" > /dev/null
for lang in vi en; do
	for size in 80x24 160x50; do
		COLUMNS=${size%x*} LINES=${size#*x} screens "rollup-$lang-$size" \
			'p<C-u>2023-Q3<Enter><Dump><Right><Right><Dump><Down><Enter><Dump><Esc><F1><Dump><Esc>q' \
			--lang $lang --db "$DB" --db "$T/r2.db"
		dumps="$dumps $T/rollup-$lang-$size.txt"
	done
done
# The first run on an empty database.
for lang in vi en; do
	screens "first-$lang" '<Dump>' --lang $lang --db "$T/empty-$lang.db"
	dumps="$dumps $T/first-$lang.txt"
done
if command -v python3 > /dev/null; then
	python3 "$top_srcdir/tests/cutcheck.py" "$T/known" --po "$top_srcdir/po/vi.po" $dumps > "$T/cuts.out"
	ok $? "no text is cut without … on any screen or roll-up (vi, en; 80x24, 160x50)"
	sed 's/^/#   /' "$T/cuts.out" | head -40
	# The checker itself finds a cut: a fire team's name cut bare.
	printf -- '-- screen 1 (80x24) --\ntitle\ntabs\n9   team  Tổ liên gia số 1 -       10\n' > "$T/bad.txt"
	! python3 "$top_srcdir/tests/cutcheck.py" "$T/known" --po "$top_srcdir/po/vi.po" "$T/bad.txt" > /dev/null
	ok $? "the checker finds a name cut without …"
	printf -- '-- screen 1 (80x24) --\ntitle\ntabs\n9   team  Tổ liên gia số 1 - …     10\n' > "$T/good.txt"
	python3 "$top_srcdir/tests/cutcheck.py" "$T/known" --po "$top_srcdir/po/vi.po" "$T/good.txt" > /dev/null
	ok $? "and accepts it cut with …"
else
	skip "no text is cut without …" "no python3"
fi

# screen FILE N: screen N of a dump.
screen() {
	awk -v n="$2" '/^-- screen / { s++; next } s == n' "$1"
}

# The key bar: q and F1 on every screen, at 80 columns, in both languages.
for lang in vi en; do
	awk '/^-- screen /{ if (last != "") print last; last = ""; next } { last = $0 } END { print last }' \
		"$T/cuts-$lang-80x24.txt" > "$T/bars-$lang"
	n=$(grep -c . "$T/bars-$lang")
	[ "$n" -gt 10 ] && [ "$n" -eq "$(grep -c '^F1' "$T/bars-$lang")" ]
	ok $? "F1 opens the key bar of every screen ($lang)"
	screen "$T/cuts-$lang-80x24.txt" 7 | tail -1 | grep -q ' q'
	ok $? "q is on the key bar of the list screens at 80 columns ($lang)"
done
screen "$T/cuts-en-80x24.txt" 7 | tail -1 | grep -q 'qQuit'
ok $? "the English groups list ends its key bar with qQuit, not pPerio"

# The title keeps the operator with a range period.
screens range 'p<C-u>2022-01..2023-12<Enter><Dump>q' --lang en --db "$DB"
head -2 "$T/range.txt" | grep -q 'Period 2022-01..2023-12.*Trung úy Kiểm Thử'
ok $? "a range period leaves the operator on the title line"

# The overview's sentences wrap at spaces.
screen "$T/cuts-vi-80x24.txt" 1 > "$T/ov.txt"
grep -q '^Vụ việc về TTXH: ' "$T/ov.txt" && grep -q 'cùng kỳ năm trước' "$T/ov.txt"
ok $? "the incidents sentence of the overview is whole at 80 columns"
expect_grep "$T/first-vi.txt" "tổ dân" "the first-run welcome is whole"
grep -q 'phố\.' "$T/first-vi.txt"
ok $? "down to its last word"

# Wide: the ward tab and the fire teams in full at 160 columns.
screen "$T/cuts-vi-160x50.txt" 8 > "$T/ward.txt"
expect_grep "$T/ward.txt" "Tên phường " "the ward tab's header is whole at 160 columns"
expect_grep "$T/ward.txt" "CÔNG AN PHƯỜNG LAM SƠN " "and so is the police unit"
screen "$T/cuts-vi-80x24.txt" 17 > "$T/fire.txt"
expect_grep "$T/fire.txt" "Tổ liên gia số 1 - TDP 9" "fire teams' names are whole at 80 columns"

# Too small: q leaves, from a form it asks first if something was typed.
screens small '<F3>aXY<Resize 60x20>q<Dump>n<Dump>q' --lang en --db "$DB"
expect_rc 0 "q in a window too small leaves"
expect_grep "$T/small.txt" "unsaved text" "from a form with typed text it asks first"
screen "$T/small.txt" 2 | grep -q 'press q to leave'
ok $? "any other key keeps the form"
"$WARDSAFE_BIN" --db "$DB" list group | grep -q '^[0-9]*	XY	'
[ $? -ne 0 ]
ok $? "and nothing was typed into the hidden field nor saved"
screens small2 '<F3>a<Resize 60x20>q' --lang en --db "$DB"
expect_rc 0 "a form with nothing typed: q leaves at once"
! grep -q 'unsaved text' "$T/small2.txt" 2>/dev/null
ok $? "without a question"
finish
