#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-concurrent.sh - two officers, one file (issue 12): a form saves only
# what was typed in it, onto the record as it is stored at the save.
#
# Real concurrent processes: the screens run in a pseudo-terminal
# (tests/pty-driver) and, while a form is open, the driver's `run` command
# starts another process on the same database file and waits for it: the
# command line (`edit`, `delete`) or a second pty-driver with a second copy
# of the screens.  Then the form is saved and the database is read back.
# Each step waits for text on the screen, never for a fixed time.  Adding
# to a field that holds a value starts with End: the first character typed
# in it would replace the value (issue 13).
. "$top_srcdir/tests/lib.sh"

PTY_TIMEOUT=20
. "$top_srcdir/tests/pty-lib.sh"

ws() { "$WARDSAFE_BIN" --lang en --db "$DB" "$@"; }
# row KIND ID: the record as `list` gives it (TSV, id first).
row() { ws list "$1" | awk -F '\t' -v id="$2" '$1 == id'; }
expect_row() { # expect_row KIND ID WANT NAME
	got=$(row "$1" "$2")
	if [ "$got" = "$3" ]; then
		ok 0 "$4"
	else
		ok 1 "$4"
		echo "#   got:  $got"
		echo "#   want: $3"
	fi
}
tab=$(printf '\t')

# ---- another program changes one field, the form another: both stay
drive other-field <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
key Enter
wait Change residential group (id 1)
run "$WARDSAFE_BIN" --lang en --db "$DB" edit group 1 'name=Tổ Một'
key Tab Tab
key End
send  Z
wait Lê Văn Hùng Z
key F2
wait Saved residential group (id 1)
pass the form saves after the command line renamed the group meanwhile
send q
expect-exit 0
EOF
expect_row group 1 "1${tab}1${tab}Tổ Một${tab}Lê Văn Hùng Z${tab}yes$tab" \
	"the name changed by 'wardsafe edit' stays and the leader typed in the form is saved"

# ---- two copies of the screens: the second renames the group while the
# first has its form open; the first then saves the leader.  Each keeps
# the other's change.
cat > "$T/second.cmd" <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
key Enter
wait Change residential group (id 1)
key Tab
key End
send  (hai)
key F2
wait Saved residential group (id 1)
send q
expect-exit 0
EOF
export SECOND="$T/second.cmd"
drive two-screens <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
key Enter
wait Change residential group (id 1)
run "$DRIVER" --size 80x24 --timeout 20 -- "$WARDSAFE_BIN" --lang en --db "$DB" < "$SECOND"
key Tab Tab
key End
send  Z
key F2
wait Saved residential group (id 1)
pass the first screens save after the second saved the same group meanwhile
send q
expect-exit 0
EOF
expect_row group 1 "1${tab}1${tab}Tổ dân phố 1 (hai)${tab}Lê Văn Hùng Z${tab}yes$tab" \
	"two screens: the name saved by the second and the leader saved by the first both stay"

# ---- both change the same field: the form shows both values; keep mine
drive conflict-mine <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
key Enter
wait Change residential group (id 1)
run "$WARDSAFE_BIN" --lang en --db "$DB" edit group 1 'leader=Ông Khác'
key Tab Tab
key End
send  Z
key F2
wait Someone else changed this residential group after the form opened:
wait yours 'Lê Văn Hùng Z', saved 'Ông Khác'
pass F2 on a field changed meanwhile shows the officer's and the saved value
send y
wait Saved residential group (id 1)
pass answering yes saves the officer's value
send q
expect-exit 0
EOF
expect_row group 1 "1${tab}1${tab}Tổ dân phố 1${tab}Lê Văn Hùng Z${tab}yes$tab" \
	"keeping mine: the leader typed in the form is stored"

# ---- the same, keep theirs; and first neither (back to the form)
drive conflict-theirs <<'EOF'
wait Households with extinguisher
key F3
wait Residential group (1/2, Tab)
key Enter
wait Change residential group (id 1)
run "$WARDSAFE_BIN" --lang en --db "$DB" edit group 1 'leader=Ông Khác'
key Tab
key End
send  mới
key Tab
key End
send  Z
key F2
wait yours 'Lê Văn Hùng Z', saved 'Ông Khác'
send n
wait Take the saved values into the form?
send n
wait Not saved: someone else changed this entry; F2 shows both values again.
has Tổ dân phố 1 mới
has Lê Văn Hùng Z
pass answering no twice saves nothing and keeps what was typed
run test "$("$WARDSAFE_BIN" --lang en --db "$DB" list group | awk -F '\t' '$1 == 1 { print $3 "|" $4 }')" = "Tổ dân phố 1|Ông Khác"
pass meanwhile the database holds the other program's value, untouched
key F2
wait yours 'Lê Văn Hùng Z', saved 'Ông Khác'
send n
wait Take the saved values into the form?
send y
wait Not saved: the saved values are in the form now; check them and press F2.
has Ông Khác
has Tổ dân phố 1 mới
pass taking the saved values puts them into the form; the field only the officer changed stays typed
key F2
wait Saved residential group (id 1)
send q
expect-exit 0
EOF
expect_row group 1 "1${tab}1${tab}Tổ dân phố 1 mới${tab}Ông Khác${tab}yes$tab" \
	"taking theirs: the other leader and the officer's new name are stored"

# ---- the record is deleted while its form is open
ws_demo() { "$WARDSAFE_BIN" --lang en --db "$DEMO" "$@"; }
ws_demo add incident group=3 date=2026-11-20 category=theft 'note=Mất xe đạp' > "$T/id" 2>&1
INC=$(ws_demo list incident | awk -F '\t' '$6 == "Mất xe đạp" { print $1 }')
export INC
# gone ANSWER: opens the incident's form, deletes it from the command line,
# types more into its note, F2, answers the question with ANSWER.
gone() {
	cat <<EOF
wait Households with extinguisher
key F5
wait Incident (1/2, Tab)
send /
send Mat xe
key Enter
wait search "mat xe"
key Enter
wait Change incident (id $INC)
run "\$WARDSAFE_BIN" --lang en --db "\$DB" delete incident $INC
key Tab Tab Tab Tab
key End
send , trước cửa nhà
key F2
wait This incident was deleted by someone else after the form opened;
pass F2 on a record deleted meanwhile says so, not "Saved" (then $1)
send $1
EOF
}
{
	gone n
	cat <<'EOF'
wait Not saved: someone else deleted this entry. What you typed is still here;
has Mất xe đạp, trước cửa nhà
pass answering no keeps the form open with what was typed
key Esc
wait Close the form and lose what was typed?
send y
wait Incident (1/2, Tab)
send q
expect-exit 0
EOF
} > "$T/gone-no.in"
drive gone-no < "$T/gone-no.in"
[ -z "$(row incident "$INC")" ]
ok $? "a record deleted meanwhile is not brought back by the form"
! grep -q "Saved incident" "$T/gone-no.out" "$T/gone-no.err"
ok $? "and 'Saved' is not shown"

{
	gone y
	cat <<'EOF'
wait Saved incident
pass answering yes saves what was typed as a new incident
send q
expect-exit 0
EOF
} > "$T/gone-yes.in"
drive gone-yes < "$T/gone-yes.in"
ws list incident | awk -F '\t' '$2 == 3 && $3 == "2026-11-20" && $4 == "theft"' > "$T/rows"
grep -qF "Mất xe đạp, trước cửa nhà" "$T/rows" && [ "$(wc -l < "$T/rows")" -eq 1 ]
ok $? "the new incident holds the note as typed, once"

finish
