#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-pty.sh - the screens end to end through a real pseudo-terminal.
#
# tests/pty-driver (built when configure finds libvterm) runs wardsafe under
# forkpty with TERM=xterm-256color, renders its output with libvterm and
# types keys as xterm sends them; each step waits for text on the rendered
# screen, never for a fixed time.  This covers what the scripted mode of
# tests/tui-screens.sh ($WARDSAFE_SCRIPT: keys given by name, the screen read
# back from curses' own memory, output to /dev/null) cannot:
#   * key decoding: the escape sequences of F1..F12 (ESC O P..S, ESC [15~..),
#     the cursor keys in application mode (ESC O A..), Home/End, PgUp/PgDn,
#     Ins, Del (ESC [3~), Shift-Tab (ESC [Z), Ctrl-Left/Right (ESC [1;5D..),
#     Enter (CR), Backspace (DEL), Esc alone, Ctrl-T;
#   * UTF-8 input: Vietnamese typed as raw multibyte bytes, combining marks
#     typed after their letter (stored in NFC), an invalid byte;
#   * rendering: what a terminal shows after curses' optimized output
#     (cursor motion, erasures, line drawing), compared with the scripted
#     dumps; a real resize (TIOCSWINSZ and SIGWINCH);
#   * the process and the terminal: SIGTERM, SIGHUP and SIGINT from outside
#     exit with 128+signal without saving a half-typed form, and every exit
#     leaves the alternate screen, shows the cursor, resets the keypad mode
#     and puts the terminal back in cooked mode with echo.
# Each driver run becomes one TAP line per `pass` command it reaches; a run
# is bounded by --timeout, so a hang fails instead of blocking.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pty-lib.sh"

ws() { "$WARDSAFE_BIN" --lang en --db "$T/$1.db" list group; }
# dump_n FILE N: the Nth screen a driver run dumped (between "--- screen ---").
dump_n() {
	awk -v n="$2" '/^--- screen ---$/ { k++; next } k == 2 * n - 1 { print }' "$1"
}
# expected_n FILE N: the Nth screen of a scripted-mode dump, without its header.
expected_n() {
	awk -v n="$2" '/^-- screen [0-9]+ \([0-9]+x[0-9]+\) --$/ { k++; next } k == n { print }' "$1"
}

# ---- start, every function key as xterm sends it, help, q
drive fkeys <<'EOF'
wait Households with extinguisher
pass the screens start in a pseudo-terminal and draw the overview
dump
key F1
wait ┌─ Help ─
wait Up/Down: scroll   w: save the manual (PDF)
dump
pass F1 (ESC O P) opens the help, drawn with line-drawing characters
key Esc
gone Up/Down: scroll
pass Esc alone closes the help
key F3
wait Residential group (1/2, Tab)
pass F3 (ESC O R) shows the groups list
key F4
wait Extinguisher survey (1/4, Tab)
pass F4 (ESC O S) shows the data entry
key F5
wait Incident (1/2, Tab)
key F6
wait Outreach ·
key F7
wait Fire team or point ·
key F8
wait Establishments ·
key F9
wait Target (1/2, Tab)
key F10
wait Summary for November 2026
key F2
wait Households with extinguisher
pass F5..F10 (ESC [15~ .. ESC [21~) reach their screens and F2 (ESC O Q) the overview
key F11
wait Built-in input method: Telex
key F11
wait Built-in input method: VNI
key F11
wait Built-in input method: off
pass F11 (ESC [23~) cycles the input method
send q
expect-exit 0
restored
pass q quits with status 0 and the terminal is restored (rmcup, cursor, keypad, cooked mode)
EOF
dump_n "$T/fkeys.out" 1 > "$T/fkeys.1"
dump_n "$T/fkeys.out" 2 > "$T/fkeys.2"
expected_n "$EXPECTED/screens/help.txt" 1 > "$T/help.1"
grep -q "^ wardsafe │ Lam Sơn │ Period 2026-11 .* Input: off$" "$T/fkeys.1" &&
	grep -q "^Báo cháy 114 app users " "$T/fkeys.1"
ok $? "the overview shows its UTF-8 text through the terminal"
expect_same "$T/fkeys.2" "$T/help.1" "the help as the terminal shows it is the scripted dump, line for line"

# ---- a form typed through the pty: raw UTF-8, combining marks, editing keys
# Code "1", Tab, the name with editing (Backspace, Home, Del), Shift-Tab back
# to the code (End, "5": 15), Tab Tab to the leader typed with combining
# marks (Lê Hà, then Left Left Left Right Left and " Thị": Lê Thị Hà), F2.
drive form <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
send a
wait New residential group
send 1
key Tab
send XTổ dân phố Đệ!
wait XTổ dân phố Đệ!
pass Vietnamese typed as raw UTF-8 shows in the form
key Backspace
key Home
key Del
key BTab
key End
send 5
key Tab
key Tab
send Le\u0302 Ha\u0300
key Left Left Left Right Left
send  Thi\u0323
wait Lê Thị Hà
pass letters followed by combining marks are composed on the screen
key F2
gone F2Save
wait Tổ dân phố Đệ
pass F2 (ESC O Q) saves the form and the list shows the new group
send q
expect-exit 0
pass the program ends normally after the save
EOF
ws form > "$T/out"
expect_grep "$T/out" "$(printf '15\tTổ dân phố Đệ\tLê Thị Hà\tyes')" \
	"the group is in the database in NFC (Backspace, Home, Del, Shift-Tab, End, Left, Right all decoded)"

# ---- the built-in Telex input method through the pty
drive telex <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
send a
wait New residential group
send 16
key Tab
key C-t
wait Built-in input method: Telex
send Nguyeenx Vawn Ddeej
wait Nguyễn Văn Đệ
pass Ctrl-T then "Nguyeenx Vawn Ddeej" gives "Nguyễn Văn Đệ" in the field
key C-t
wait Built-in input method: VNI
key C-t
wait Built-in input method: off
key C-Left C-Left C-Right
send  Thị
wait Nguyễn Văn Thị Đệ
pass Ctrl-Left and Ctrl-Right (ESC [1;5D, ESC [1;5C) move by words
key F2
gone F2Save
wait Nguyễn Văn Thị Đệ
send q
expect-exit 0
pass the Telex form is saved
EOF
ws telex > "$T/out"
expect_grep "$T/out" "$(printf '16\tNguyễn Văn Thị Đệ\t')" "the Telex text is stored in NFC"

# ---- cursor keys and Delete in a list; F12 quits
drive arrows <<'EOF'
wait Households with extinguisher
key F3
wait 1/12
key Down
wait 2/12
pass Down (ESC O B) moves the selection to 2/12
key End
wait 12/12
key Home
wait 1/12
key Down Down Up
wait 2/12
pass End, Home, Up move the selection
key Del
wait Delete residential group 2: Group code 2
wait Enter or y: yes    Esc or n: no
pass Del (ESC [3~) asks for a confirmation
send n
gone Enter or y: yes
wait 2/12
pass n keeps the record
key Enter
wait Change residential group (id 2)
pass Enter (CR) opens the selected record
key Esc
gone Change residential group
pass Esc closes an unchanged form
key KP-Enter
wait Change residential group (id 2)
key Esc
gone Change residential group
pass the keypad Enter (ESC O M) opens it too
key PgDn
wait 12/12
key PgUp
wait 1/12
pass PgDn and PgUp (ESC [6~, ESC [5~) move by pages
key Ins
wait New residential group
key Esc
gone New residential group
pass Ins (ESC [2~) opens a new record
key F12
expect-exit 0
restored
pass F12 (ESC [24~) quits with status 0 and the terminal is restored
EOF
ws arrows > "$T/out"
expect_grep "$T/out" "$(printf '2\tTổ dân phố 2\t')" "the group is still in the database after n"

# ---- an invalid UTF-8 byte (a terminal set to a legacy Vietnamese encoding,
# a Latin-1 paste) must not swallow the keys typed after it.  F2 is the sync
# point: its message shows that everything typed before it was read.
drive badutf8 <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
send a
wait New residential group
key Tab
send A\xffBC
key F2
wait Group code: is required
has New residential group
pass an invalid UTF-8 byte does not stop the form
has BC
pass the keys typed after an invalid UTF-8 byte are kept
EOF

# ---- SIGTERM while a form holds typed text
drive sigterm <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
send a
wait New residential group
send 17
key Tab
send Tổ bị hủy
wait Tổ bị hủy
signal TERM
expect-exit 143
pass SIGTERM with a form open exits with status 143
restored
pass and the terminal is restored
EOF
ws sigterm > "$T/out"
expect_no_grep "$T/out" "Tổ bị hủy" "the half-typed record is not saved"
[ "$(grep -c . "$T/out")" -eq 13 ]; ok $? "the database still has exactly the 12 demo groups"

# ---- SIGHUP (the terminal window closed) and SIGINT
drive sighup <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
signal HUP
expect-exit 129
restored
pass SIGHUP exits with status 129 and restores the terminal
EOF
drive sigint <<'EOF'
wait Households with extinguisher
signal INT
expect-exit 130
restored
pass SIGINT exits with status 130 and restores the terminal
EOF

# ---- a real resize: TIOCSWINSZ, SIGWINCH, KEY_RESIZE
drive resize <<'EOF'
wait Households with extinguisher
resize 60x20
wait too small (60x20)
pass a resize to 60x20 through the pty shows the size message
resize 100x30
wait Households with extinguisher
wait F2 Overview F3 Groups
wait Trung úy Kiểm Thử │ Input: off
pass and 100x30 shows the overview again, with the tab names and the operator
send q
expect-exit 0
restored
pass q after the resizes still restores the terminal
EOF

# ---- a pre-filled value that typing replaces is drawn underlined (issue 13)
drive fresh <<'EOF'
wait Households with extinguisher
send p
wait Period (2023-09
dump
pass p opens the period prompt
key Right
dump
key Esc
wait Households with extinguisher
send q
expect-exit 0
EOF
# The prompt's period, first underlined and reversed (SGR 4 and 7), then,
# after Right, reversed only.
LC_ALL=C grep -q "$(printf '\033')\[0;4;7m2026-11" "$T/fresh.raw"
ok $? "the pre-filled period is underlined until a key moves into it"
LC_ALL=C grep -q "$(printf '\033')\[0;7m2026-11" "$T/fresh.raw"
ok $? "after Right it is drawn as a plain selected field"

# ---- too small to draw a form (issue 13): q is not typed into the hidden
# field; with typed text it asks first, any other key keeps the form
drive small <<'EOF'
wait Households with extinguisher
key F3
wait Residential group
send a
wait New residential group
send XY
wait XY
resize 60x20
wait too small (60x20)
send q
wait unsaved text
pass q in a window too small for a form with typed text asks first
send n
wait press q to leave
pass any other key keeps the form
resize 80x24
wait New residential group
has XY
pass back at 80x24 the form holds what was typed, without a q
resize 60x20
wait too small (60x20)
send q
wait unsaved text
send y
expect-exit 0
restored
pass y leaves the program with the terminal restored
EOF
"$WARDSAFE_BIN" --db "$T/small.db" list group | grep -q '	XY'
[ $? -ne 0 ]
ok $? "and the typed group was not saved"
finish
