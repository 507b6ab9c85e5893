#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-records.sh - every kind of record entered, refused, corrected, edited
# and deleted through the screens in scripted mode ($WARDSAFE_SCRIPT), checked
# in the screen dumps and through 'wardsafe list' (and the audit log).
#
# One demo database goes through all the steps in order: later steps use the
# records made by earlier ones (group 21 is made in step 1).  "Today" is
# 2026-11-24 ($WARDSAFE_NOW), so the screens open on period 2026-11.
. "$top_srcdir/tests/lib.sh"

# The operator is shown on the screens and written to the audit log: fix it.
printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
DB="$T/demo.db"
demo_db "$DB"
D="$T/dumps"
mkdir -p "$D"
runs_failed=

# screens NAME KEYS: runs the screens (in English) on $DB with the keys from
# the directory $D, so that <dump FILE> in KEYS writes $D/FILE.
screens() {
	printf '%s' "$2" > "$D/$1.keys"
	(cd "$D" && WARDSAFE_SCRIPT="$1.keys" WARDSAFE_DUMP="$1.txt" \
		"$WARDSAFE_BIN" --lang en --db "$DB" > "$1.out" 2> "$1.err")
	rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$D/$1.err" ]; then
		runs_failed="$runs_failed $1"
		sed "s/^/#   $1 (exit $rc): /" "$D/$1.err" | head -5
	fi
}
ws() { "$WARDSAFE_BIN" --lang en --db "$DB" "$@"; }
# count KIND: how many records of a kind there are.
count() { ws list "$1" | sed 1d | wc -l | tr -d ' '; }
# id_of KIND FIELD-NUMBER VALUE: the id of the record whose TSV field (id is
# field 1) has the value.
id_of() { ws list "$1" | awk -F '\t' -v f="$2" -v v="$3" 'NR > 1 && $f == v { print $1; exit }'; }

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# has_row KIND VALUE...: `list KIND` has a record with exactly these values
# (all fields but the id, in order; '' for an empty one).
has_row() {
	kind=$1
	shift
	want=$(printf '%s\t' "$@")
	want=${want%?}
	ws list "$kind" | sed 1d | cut -f2- > "$T/rows"
	grep -qxF -- "$want" "$T/rows"
}
# expect_row KIND NAME VALUE...: asserts has_row.
expect_row() {
	kind=$1 name=$2
	shift 2
	if has_row "$kind" "$@"; then
		ok 0 "$name"
	else
		ok 1 "$name"
		echo "#   no record of kind $kind with: $*; the last ones are:"
		tail -4 "$T/rows" | sed 's/^/#   | /'
	fi
}
# expect_count KIND N NAME: asserts the number of records of a kind.
expect_count() {
	n=$(count "$1")
	if [ "$n" -eq "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "#   $n records of kind $1, want $2"
	fi
}
# has_line DUMP WORDS: a line of the dump reads WORDS (spaces between the
# columns do not matter).
has_line() {
	awk '{ $1 = $1; print }' "$1" | grep -qxF -- "$2"
}
expect_line() {
	if has_line "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "#   no line '$2' in $1:"
		sed 's/^/#   | /' "$1" | head -24
	fi
}
# has_field DUMP LABEL VALUE: the form line of the field LABEL (its label,
# maybe cut short) shows VALUE first.  An empty field shows what follows it:
# nothing, or the hint beside it (its unit, limit, "(F4: list)").
has_field() {
	awk -v l=" $2" -v v="$3" '
		index($0, l) == 1 {
			r = substr($0, length(l) + 1)
			sub(/^[a-z]*/, "", r)      # the rest of a label cut short
			sub(/^ \*/, "", r)         # required
			sub(/^ +/, "", r)
			if (v == "" ? r == "" : index(r, v) == 1 && (length(r) == length(v) || substr(r, length(v) + 1, 1) == " "))
				found = 1
		}
		END { exit !found }' "$1"
}
# expect_fields DUMP NAME LABEL=VALUE...: the form shows all these values.
expect_fields() {
	dump=$1 name=$2 missing=
	shift 2
	for lv in "$@"; do
		has_field "$dump" "${lv%%=*}" "${lv#*=}" || missing="$missing [$lv]"
	done
	if [ -z "$missing" ]; then
		ok 0 "$name"
	else
		ok 1 "$name"
		echo "#   not shown:$missing"
		sed 's/^/#   | /' "$dump" | head -24
	fi
}
# has_error DUMP TEXT: the form's message area (below the "* required" line)
# shows TEXT.
has_error() { # the message may wrap over two lines: join them
	sed -n '/\* required\./,$p' "$1" | sed 's/^ *//' | tr '\n' ' ' | grep -qF -- "$2"
}
expect_error() {
	if has_error "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "#   no message '$2' below the form:"
		sed -n '/\* required\./,$p' "$1" | sed 's/^/#   | /'
	fi
}
# box_text DUMP: the text of the boxes (questions, errors) of a one-screen
# dump, their lines joined again with spaces.
box_text() {
	awk 'NR > 2 {
		n = split($0, a, "│")
		if (n < 3)
			next
		t = a[2]
		for (i = 3; i < n; i++)
			t = t "│" a[i]
		gsub(/^ +| +$/, "", t)
		if (t != "")
			printf "%s ", t
	}' "$1"
}
has_box() { box_text "$1" | grep -qF -- "$2"; }
expect_box() {
	if has_box "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "#   no '$2' in the boxes of $1:"
		box_text "$1" | fold -w 76 | sed 's/^/#   | /'
	fi
}
# title DUMP: the title bar of a one-screen dump.
title() { sed -n 2p "$1"; }
# is_form DUMP: the dump shows a form (and no dialog over it).
is_form() { grep -qF '* required.' "$1" && ! grep -qF 'Confirm' "$1"; }
has_sqlite3() { command -v sqlite3 > /dev/null 2>&1; }
audit_updates() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'update'"; }

# ====================================================================
# 1. Every kind of record through its form, then in its list

# ---- the ward: Groups screen, Tab to the ward, Enter opens it
screens ward '<F3><Tab><dump ward-list><Enter><dump ward-form><Tab><Tab><Tab><Tab><Tab><C-u>P. Lam Sơn<Tab>TH-14845<F2><dump ward-saved>'
grep -q '^Ward (2/2, Tab)' "$D/ward-list"
ok $? "ward: Tab on the Groups screen shows the ward"
expect_fields "$D/ward-form" "ward: Enter opens the form with the current values" \
	"Ward name=Lam Sơn" "District=TP Thanh Hóa" "Police unit=CÔNG AN PHƯỜNG LAM SƠN" \
	"Place name for report dates=Lam Sơn"
grep -q '^ Ward code (DHIS2) *$' "$D/ward-form"
ok $? "ward: the form has the ward code, empty in the demo"
expect_line "$D/ward-saved" "Lam Sơn TP Thanh Hóa Thanh Hóa CÔNG AN PHƯỜ… CÔNG AN TP… P. Lam Sơn TH-14845" \
	"ward: the list shows the changed place and the new code"
expect_row ward "ward: list ward has the typed place and code and the other values unchanged" \
	"Lam Sơn" "TP Thanh Hóa" "Thanh Hóa" "CÔNG AN PHƯỜNG LAM SƠN" "CÔNG AN TP THANH HÓA" "P. Lam Sơn" "TH-14845"

# ---- a category: Incidents screen, Tab; Enter on the last field saves
n_cat=$(count category)
screens category '<F5><Tab><dump cat-list>a<dump cat-form>vandalism<Tab>Phá hoại tài sản<Enter><dump cat-saved>'
grep -q '^Incident category (2/2, Tab)' "$D/cat-list"
ok $? "category: Tab on the Incidents screen shows the categories"
grep -q 'New incident category' "$D/cat-form" && has_field "$D/cat-form" "Category code" ""
ok $? "category: a opens an empty form"
expect_line "$D/cat-saved" "vandalism Phá hoại tài sản" "category: Enter on the last field saves it and the list shows it"
expect_row category "category: list category has it" vandalism "Phá hoại tài sản"
expect_count category $((n_cat + 1)) "category: exactly one category was added"

# ---- a group with households, residents and date (a population snapshot)
n_pop=$(count population)
screens group '<F3>a<dump group-form>21<Tab>Tổ dân phố 21<Tab>Trần Thị Mai<Tab><Tab><Tab>150<Tab>520<Tab>01/11/2026<dump group-typed><F2><dump group-saved><F4><Tab><Tab><Tab><dump group-pop>'
expect_fields "$D/group-form" "group: the new form offers the fields of a group, active by default" \
	"Group code=" "Active=yes" "Households=households" "Residents=people" "Population date=DD/MM/YYYY"
expect_fields "$D/group-typed" "group: the form shows what was typed" \
	"Group code=21" "Group name=Tổ dân phố 21" "Group leader=Trần Thị Mai" "Households=150" \
	"Residents=520" "Population date=01/11/2026"
expect_line "$D/group-saved" "21 Tổ dân phố 21 Trần Thị Mai yes" "group: the list shows the new group"
expect_grep "$D/group-saved" "Saved residential group" "group: and says it was saved"
expect_row group "group: list group has it" 21 "Tổ dân phố 21" "Trần Thị Mai" yes ""
expect_row population "group: its households and residents are a population record dated 2026-11-01" \
	21 2026-11-01 150 520
expect_count population $((n_pop + 1)) "group: exactly one population record was added"
expect_line "$D/group-pop" "21 01/11/2026 150 520" "group: the snapshot is in the population list of 2026-11"

# ---- data entry: survey, commitment, app users, population (Tab cycles)
screens data '<F4><dump data-1>a<C-u>21<Tab><Tab>120<Tab>90<Tab>100<dump survey-typed><F2><dump survey-saved><Tab><dump data-2>a<C-u>21<Tab><Tab>140<Tab>130<F2><dump commit-saved><Tab><dump data-3>a<C-u>21<Tab><Tab>100<F2><dump app-saved><Tab><dump data-4>a<C-u>21<Tab><C-u>15/10/2026<Tab>148<Tab>515<F2><dump pop-saved>f<dump pop-all>f<Tab><dump data-5><Tab><Tab><Tab>p<C-u>2026-10<Enter><dump pop-oct>'
grep -q '^Extinguisher survey (1/4, Tab) · period 2026-11' "$D/data-1" &&
	grep -q '^Commitments (2/4, Tab)' "$D/data-2" && grep -q '^Báo cháy 114 app (3/4, Tab)' "$D/data-3" &&
	grep -q '^Population (4/4, Tab)' "$D/data-4" && grep -q '^Extinguisher survey (1/4, Tab)' "$D/data-5"
ok $? "data entry: Tab cycles survey, commitments, app users, population and back"
expect_fields "$D/survey-typed" "survey: the form shows the group, today's date and the counts typed" \
	"Group=21" "Date=24/11/2026" "Households surveyed=120" "Households with an extinguisher=90" "Extinguishers=100"
expect_line "$D/survey-saved" "21 24/11/2026 120 90 100" "survey: the list shows it"
expect_row survey "survey: list survey has it, the date stored as 2026-11-24" 21 2026-11-24 120 90 100
expect_line "$D/commit-saved" "21 24/11/2026 140 130" "commitment: the list shows it"
expect_row commitment "commitment: list commitment has it" 21 2026-11-24 140 130
expect_line "$D/app-saved" "21 24/11/2026 100" "app114: the list shows it"
expect_row app114 "app114: list app114 has it" 21 2026-11-24 100
expect_grep "$D/pop-saved" "Saved population" "population: a record dated 15/10/2026 is saved"
grep -q '^Population (4/4, Tab) · period 2026-11' "$D/pop-saved" && ! has_line "$D/pop-saved" "21 15/10/2026 148 515"
ok $? "population: but the list of 2026-11 does not show it"
expect_line "$D/pop-all" "21 15/10/2026 148 515" "population: f shows all dates, and it is there"
grep -q '· all dates' "$D/pop-all"
ok $? "population: the list title says all dates"
expect_line "$D/pop-oct" "21 15/10/2026 148 515" "population: so does the period 2026-10 chosen with p"
expect_row population "population: list population has it, dated 2026-10-15" 21 2026-10-15 148 515

# ---- an incident, its category chosen with F4
n_inc=$(count incident)
screens incident '<F5>a<C-u>21<Tab><Tab><F4><dump inc-pick>lua dao<dump inc-filter><Enter><dump inc-picked><C-u>2<Tab>Lừa đảo qua mạng<F2><dump inc-saved>'
expect_grep "$D/inc-pick" "│ Lừa đảo chiếm đoạt tài sản  " "incident: F4 on the category lists the categories by name"
! grep -qF "fraud" "$D/inc-pick"
ok $? "incident: and not by code"
expect_grep "$D/inc-pick" "│ Phá hoại tài sản  " "incident: including the one just added"
! grep -qF "Trộm cắp tài sản" "$D/inc-filter" && grep -qF "│ Lừa đảo chiếm" "$D/inc-filter"
ok $? "incident: typing 'lua dao' filters the list without regard to accents"
expect_fields "$D/inc-picked" "incident: Enter puts the name in the field" "Category=Lừa đảo chiếm đoạt tài sản" "Number of incidents=1"
expect_line "$D/inc-saved" "21 24/11/2026 Lừa đảo chiếm đoạt tài sản 2 Lừa đảo qua mạng" "incident: the list shows it, with the name of its category"
expect_row incident "incident: list incident has it" 21 2026-11-24 fraud 2 "Lừa đảo qua mạng"
expect_count incident $((n_inc + 1)) "incident: exactly one incident was added"

# ---- outreach, its kind chosen with F4; one dated in October
screens outreach '<F6>a<Tab><F4><dump out-pick><Down><Enter><C-u>3<Tab><C-u>21<Tab>Xe loa lưu động<dump out-typed><F2><dump out-saved>a<C-u>02/10/2026<Tab>meeting<Tab><Tab><C-u>21<Tab>Hội nghị tổ 21<F2><dump out-saved2>[<dump out-oct>'
expect_grep "$D/out-pick" "│ loudspeaker system  " "outreach: F4 on the kind lists the kinds by name"
! grep -qF "radio" "$D/out-pick"
ok $? "outreach: and not by code"
expect_fields "$D/out-typed" "outreach: Down, Enter chose mobile and moved on to the sessions" \
	"Kind=mobile outreach" "Sessions=3" "Group=21" "Note=Xe loa lưu động"
expect_line "$D/out-saved" "24/11/2026 mobile outreach 3 21 Xe loa lưu động" "outreach: the list shows it, the kind by name"
expect_row outreach "outreach: list outreach has it" 2026-11-24 mobile 3 21 "Xe loa lưu động"
grep -qF "Saved outreach" "$D/out-saved2" && ! grep -qF "Hội nghị tổ 21" "$D/out-saved2"
ok $? "outreach: one dated 02/10/2026 is not in the list of 2026-11"
expect_line "$D/out-oct" "02/10/2026 meeting 1 21 Hội nghị tổ 21" "outreach: [ goes to 2026-10, where it is (1 session by default)"
expect_row outreach "outreach: list outreach has it, dated 2026-10-02" 2026-10-02 meeting 1 21 "Hội nghị tổ 21"

# ---- a fire team with households, a fire point without
screens fire '<F7>a<C-u>21<Tab><F4><dump fire-pick><Enter>Tổ liên gia số 1 - TDP 21<Tab>8<Tab><C-u>20/11/2026<F2><dump fire-saved>a<C-u>21<Tab><F4><Down><Enter>Điểm chữa cháy ngõ 5<Tab><Tab><C-u>21/11/2026<dump point-typed><F2><dump point-saved>'
expect_grep "$D/fire-pick" "│ public fire point  " "fire team: F4 on the kind offers team and point, by name"
expect_line "$D/fire-saved" "21 fire-safety team Tổ liên gia số 1 - TDP 21 8 20/11/2026" "fire team: the list shows it by kind name, with the whole name (issue 13)"
expect_row fireteam "fire team: list fireteam has it" 21 team "Tổ liên gia số 1 - TDP 21" 8 2026-11-20 ""
expect_fields "$D/point-typed" "fire point: the form shows the kind and no households" \
	"Kind=public fire point" "Name=Điểm chữa cháy ngõ 5" "Households in the team=empty for a fire point"
expect_line "$D/point-saved" "21 public fire point Điểm chữa cháy ngõ 5 21/11/2026" "fire point: the list shows it"
expect_row fireteam "fire point: list fireteam has it, without households" 21 point "Điểm chữa cháy ngõ 5" "" 2026-11-21 ""

# ---- establishments
screens estab '<F8>a<Tab>620<Tab>600<F2><dump estab-saved>'
expect_line "$D/estab-saved" "24/11/2026 620 600" "establishments: the list shows it"
expect_row establishments "establishments: list establishments has it" 2026-11-24 620 600

# ---- a target (indicator from F4) and a closed period (Targets screen, Tab)
n_target=$(count target)
screens target '<F9>a<dump target-form><Tab><F4>app<dump target-pick><Enter>25<F2><dump target-saved><Tab><dump closing-list>a2026-10<Tab>Báo cáo tháng 10 đã gửi<F2><dump closing-saved>'
expect_fields "$D/target-form" "target: the new form proposes the year of the period" "Year=2026"
grep -qF "│ Residents using the Báo cháy 114 app  " "$D/target-pick" && ! grep -qF "Households with a fire" "$D/target-pick" &&
	! grep -qF "app114" "$D/target-pick"
ok $? "target: F4 lists the indicators, filtered by what is typed"
expect_line "$D/target-saved" "2026 Báo cháy 114 app users 25%" "target: the list shows it, by name, with %"
expect_row target "target: list target has it" 2026 app114 25
expect_count target $((n_target + 1)) "target: exactly one target was added"
grep -q '^Closed period (2/2, Tab)' "$D/closing-list"
ok $? "closing: Tab on the Targets screen shows the closed periods"
expect_line "$D/closing-saved" "2026-10 Báo cáo tháng 10 đã gửi" "closing: the list shows it"
expect_row closing "closing: list closing has it" 2026-10 "Báo cáo tháng 10 đã gửi"

# ====================================================================
# 2. Refusals keep what was typed, point at the field; then corrected

# ---- survey: surveyed above the group's households, then with an
# extinguisher above surveyed
n_survey=$(count survey)
screens survey-bad '<F4>a<C-u>21<Tab><C-u>10/11/2026<Tab>160<Tab>115<Tab>120<F2><dump sv-bad1><C-u>110<F2><dump sv-bad2><C-u>80<F2><dump sv-fixed>'
expect_fields "$D/sv-bad1" "survey refused: every typed value is still in the form" \
	"Group=21" "Date=10/11/2026" "Households surveyed=160" "Households with an extinguisher=115" "Extinguishers=120"
expect_error "$D/sv-bad1" "Households surveyed: more than the 150 households of group 21" \
	"survey refused: the message names the field and the rule (households of the group)"
expect_fields "$D/sv-bad2" "survey refused again: C-u cleared the field in error (surveyed), 110 typed" \
	"Households surveyed=110" "Households with an extinguisher=115" "Extinguishers=120"
expect_error "$D/sv-bad2" "Households with an extinguisher: more than the 110 households surveyed" \
	"survey refused: with an extinguisher above surveyed is named"
expect_line "$D/sv-fixed" "21 10/11/2026 110 80 120" "survey: corrected (cursor on the field in error), it is saved"
expect_count survey $((n_survey + 1)) "survey: the refused tries saved nothing, the corrected one once"
expect_row survey "survey: list survey has the corrected values" 21 2026-11-10 110 80 120

# ---- commitment above the households; then neither count given
n_commit=$(count commitment)
screens commit-bad '<F4><Tab>a<C-u>21<Tab><C-u>10/11/2026<Tab>151<Tab>100<F2><dump cm-bad><C-u>130<F2><dump cm-fixed>a<C-u>21<Tab><C-u>11/11/2026<F2><dump cm-none>'
expect_fields "$D/cm-bad" "commitment refused: the typed values stay" \
	"Group=21" "Date=10/11/2026" "Fire-safety commitments=151" "Security and order pledges=100"
expect_error "$D/cm-bad" "Fire-safety commitments: more than the 150 households of group 21" \
	"commitment refused: the message names the field and the households"
expect_line "$D/cm-fixed" "21 10/11/2026 130 100" "commitment: corrected, it is saved"
expect_count commitment $((n_commit + 1)) "commitment: one saved, none of the refused"
expect_row commitment "commitment: list commitment has the corrected values" 21 2026-11-10 130 100
has_error "$D/cm-none" "give" && is_form "$D/cm-none"
ok $? "commitment with neither count: refused, the form stays"
has_error "$D/cm-none" "Fire-safety commitments" && has_error "$D/cm-none" "Security and order pledges"
ok $? "commitment with neither count: the message names the fields by their labels"

# ---- population: fewer residents than households
screens pop-bad '<F4><Tab><Tab><Tab>a<C-u>21<Tab><C-u>20/11/2026<Tab>160<Tab>140<F2><dump pp-bad><C-u>560<F2><dump pp-fixed>'
expect_fields "$D/pp-bad" "population refused: the typed values stay" \
	"Group=21" "Date=20/11/2026" "Households=160" "Residents=140"
expect_error "$D/pp-bad" "Residents: fewer residents than the 160 households" \
	"population refused: the message names residents and the households"
has_error "$D/pp-bad" "each household has at least one person"
ok $? "population refused: the whole rule can be read"
expect_line "$D/pp-fixed" "21 20/11/2026 160 560" "population: corrected, it is saved"
expect_row population "population: list population has the corrected values" 21 2026-11-20 160 560

# ---- incident: a future date, an impossible date, a count that is not a
# number, a negative count
n_inc=$(count incident)
screens inc-bad '<F5>a<C-u>21<Tab><C-u>25/11/2026<Tab>theft<Tab><C-u>hai<Tab>Trộm xe đạp<F2><dump in-future><C-u>31/02/2026<F2><dump in-feb31><C-u>23/11/2026<F2><dump in-nan><C-u>-3<F2><dump in-neg><C-u>2<F2><dump in-fixed>'
expect_fields "$D/in-future" "incident refused: the typed values stay" \
	"Group=21" "Date=25/11/2026" "Category=theft" "Number of incidents=hai" "Note=Trộm xe đạp"
expect_error "$D/in-future" "Date: the date is in the future" "incident: a date after today is refused, naming the date"
expect_error "$D/in-future" "Number of incidents: not a whole number" "incident: and the other error is listed too"
expect_fields "$D/in-feb31" "incident: 31/02/2026 typed over the date (the cursor was on it)" \
	"Date=31/02/2026" "Number of incidents=hai" "Note=Trộm xe đạp"
expect_error "$D/in-feb31" "Date: not a valid date" "incident: 31/02/2026 is refused as not a valid date"
expect_fields "$D/in-nan" "incident: a valid date, the count still 'hai'" "Date=23/11/2026" "Number of incidents=hai"
expect_error "$D/in-nan" "Number of incidents: not a whole number" "incident: a count that is not a number is refused"
expect_fields "$D/in-neg" "incident: the cursor moved to the count: -3 replaced 'hai'" \
	"Number of incidents=-3" "Note=Trộm xe đạp"
expect_error "$D/in-neg" "Number of incidents: cannot be negative" "incident: a negative count is refused"
expect_line "$D/in-fixed" "21 23/11/2026 Trộm cắp tài sản 2 Trộm xe đạp" "incident: corrected, it is saved"
expect_count incident $((n_inc + 1)) "incident: four refusals saved nothing"
expect_row incident "incident: list incident has the corrected values" 21 2026-11-23 theft 2 "Trộm xe đạp"

# ---- fire team of 4 households; fire point with households
n_fire=$(count fireteam)
screens fire-bad '<F7>a<C-u>21<Tab>team<Tab>Tổ liên gia số 2 - TDP 21<Tab>4<F2><dump ft-bad><C-u>12<F2><dump ft-fixed>a<C-u>21<Tab>point<Tab>Điểm chữa cháy ngõ 9<Tab>3<F2><dump fp-bad><C-u><F2><dump fp-fixed>'
expect_fields "$D/ft-bad" "fire team refused: the typed values stay" \
	"Group=21" "Kind=team" "Name=Tổ liên gia số 2 - TDP 21" "Households in the team=4" "Established on=24/11/2026"
expect_error "$D/ft-bad" "Households in the team: a fire-safety team (tổ liên gia) has 5 to 15" \
	"fire team of 4 households: refused, naming the field and 5 to 15"
expect_fields "$D/fp-bad" "fire point refused: the typed values stay" \
	"Kind=point" "Name=Điểm chữa cháy ngõ 9" "Households in the team=3"
expect_error "$D/fp-bad" "Households in the team: leave empty for a public fire point" \
	"fire point with households: refused, naming the field"
expect_count fireteam $((n_fire + 2)) "fire teams: both corrected records saved, nothing else"
expect_row fireteam "fire team: list fireteam has the corrected team" 21 team "Tổ liên gia số 2 - TDP 21" 12 2026-11-24 ""
expect_row fireteam "fire point: saved once its households are emptied" 21 point "Điểm chữa cháy ngõ 9" "" 2026-11-24 ""

# ---- establishments: with a file above managed
n_est=$(count establishments)
screens estab-bad '<F8>a<C-u>20/11/2026<Tab>620<Tab>621<F2><dump es-bad><C-u>610<F2><dump es-fixed>'
expect_fields "$D/es-bad" "establishments refused: the typed values stay" \
	"Date=20/11/2026" "Establishments managed=620" "Establishments with a complete fi=621"
expect_error "$D/es-bad" "Establishments with a complete file: more than the 620 establishments managed" \
	"establishments: with a file above managed is refused, naming the field"
grep -qF "Establishments with a complete file *" "$D/es-bad"
ok $? "establishments: the form shows the whole label with its required mark"
expect_line "$D/es-fixed" "20/11/2026 620 610" "establishments: corrected, it is saved"
expect_count establishments $((n_est + 1)) "establishments: one record saved"

# ---- target: a rate above 100
screens target-bad '<F9>a<Tab>extinguisher<Tab>120<F2><dump tg-bad><C-u>85<F2><dump tg-fixed>'
expect_fields "$D/tg-bad" "target refused: the typed values stay" "Year=2026" "Indicator=extinguisher" "Target value=120"
expect_error "$D/tg-bad" "Target value: a rate target is a percentage: at most 100" "target: a rate above 100 is refused"
expect_line "$D/tg-fixed" "2026 Households with extinguisher 85%" "target: corrected, it is saved"
expect_row target "target: list target has it" 2026 extinguisher 85

# ---- group: a code already used
n_group=$(count group)
screens group-bad '<F3>a9<Tab>Tổ trùng mã<Tab>Lê Văn Tám<F2><dump gr-bad><C-u>23<F2><dump gr-fixed>'
expect_fields "$D/gr-bad" "group refused: the typed values stay" \
	"Group code=9" "Group name=Tổ trùng mã" "Group leader=Lê Văn Tám" "Active=yes"
expect_error "$D/gr-bad" "Group code: another group already has this code" "group: a duplicate code is refused"
expect_line "$D/gr-fixed" "23 Tổ trùng mã Lê Văn Tám yes" "group: with another code it is saved"
expect_count group $((n_group + 1)) "group: only the corrected group was added"

# ====================================================================
# 3. Warnings ask: n keeps the form and saves nothing, y saves

n_app=$(count app114)
screens warn '<F4><Tab><Tab>a<C-u>9<Tab><Tab>700<F2><dump w-ask>n<dump w-no><F2>y<dump w-yes>'
expect_box "$D/w-ask" "Báo cháy 114 app users: more app users than the 678 residents of group 9" \
	"app114 above the residents: a warning naming the field and the residents"
expect_box "$D/w-ask" "group 9 — save anyway?" "and it asks 'save anyway?'"
is_form "$D/w-no" && has_field "$D/w-no" "Báo cháy 114 app users" 700 && has_error "$D/w-no" "Not saved: check the warnings below" &&
	has_error "$D/w-no" "more app users than the 678 residents"
ok $? "n: the form stays open with 700, says 'Not saved' and lists the warning"
expect_line "$D/w-yes" "9 24/11/2026 700" "y: saved and listed"
expect_count app114 $((n_app + 1)) "the warning saved only once, after y"
expect_row app114 "list app114 has it" 9 2026-11-24 700

# ====================================================================
# 4. Editing and deleting

survey_id=$(id_of survey 3 2026-11-10)
has_sqlite3 && before=$(audit_updates)
screens edit '<F4><dump ed-list><Enter><dump ed-form><Tab><Tab><Tab><Tab><C-u>125<F2><dump ed-saved>'
grep -qF "Change extinguisher survey (id $survey_id)" "$D/ed-form"
ok $? "edit: Enter on the first row opens the survey of 10/11 (id $survey_id)"
expect_fields "$D/ed-form" "edit: the form has the current values, the date as DD/MM/YYYY" \
	"Group=Tổ dân phố 21" "Date=10/11/2026" "Households surveyed=110" "Households with an extinguisher=80" "Extinguishers=120"
expect_line "$D/ed-saved" "21 10/11/2026 110 80 125" "edit: the list shows the change"
expect_row survey "edit: list survey has the change" 21 2026-11-10 110 80 125
[ "$(id_of survey 3 2026-11-10)" = "$survey_id" ]
ok $? "edit: the same record was changed, not a new one added"
if has_sqlite3; then
	[ "$(audit_updates)" -eq $((before + 1)) ]
	ok $? "edit: the audit log has one more update"
	sqlite3 "$DB" "SELECT operator, new FROM audit WHERE action = 'update' AND tbl = 'survey' AND row_id = $survey_id" > "$T/audit"
	grep -q '^Trung úy Kiểm Thử|.*"extinguishers":125' "$T/audit"
	ok $? "edit: the update names the operator and the new value"
else
	skip "edit: the audit log has one more update" "sqlite3 is not installed"
	skip "edit: the update names the operator and the new value" "sqlite3 is not installed"
fi

# ---- edit a group: the population fields are not offered again
screens edit-group '<F3>/pho 21<Enter><Enter><dump eg-form><Tab><Tab><C-u>Bà Trần Thị Mai<F2><dump eg-saved>'
expect_fields "$D/eg-form" "edit group: the form has its values" \
	"Group code=21" "Group name=Tổ dân phố 21" "Group leader=Trần Thị Mai" "Active=yes"
grep -qF "Change residential group" "$D/eg-form" && ! grep -q '^ Households' "$D/eg-form"
ok $? "edit group: households and residents are not in the form (population records)"
expect_line "$D/eg-saved" "21 Tổ dân phố 21 Bà Trần Thị Mai yes" "edit group: the list shows the new leader"
expect_row group "edit group: list group has it" 21 "Tổ dân phố 21" "Bà Trần Thị Mai" yes ""

# ---- delete: n keeps, y deletes
n_survey=$(count survey)
screens delete '<F4><Del><dump del-ask>n<dump del-no><Del>y<dump del-yes>'
expect_box "$D/del-ask" "Delete extinguisher survey $survey_id: Group 21, Date 10/11/2026, Households surveyed 110?" \
	"delete: Del asks, naming the record"
! grep -q Confirm "$D/del-no" && has_line "$D/del-no" "21 10/11/2026 110 80 125"
ok $? "delete: n closes the question and the row is still there"
expect_grep "$D/del-yes" "Deleted extinguisher survey $survey_id" "delete: y deletes and says so"
! has_line "$D/del-yes" "21 10/11/2026 110 80 125" && has_line "$D/del-yes" "21 24/11/2026 120 90 100"
ok $? "delete: the list no longer shows it, the other survey stays"
expect_count survey $((n_survey - 1)) "delete: exactly one survey deleted"
has_row survey 21 2026-11-24 120 90 100 && ! has_row survey 21 2026-11-10 110 80 125
ok $? "delete: list survey no longer has it"

# ---- a group that still has records cannot be deleted; an empty one can
n_group=$(count group)
screens delete-group '<F3>/pho 21<Enter><Del><dump dg-ask>y<dump dg-error><Esc><dump dg-kept>/trung ma<Enter><Del>y<dump dg-yes>'
expect_box "$D/dg-ask" "Group code 21, Group name Tổ dân phố 21, Group leader Bà Trần Thị Mai?" "delete group: the question names the group"
grep -qF "─ Error ─" "$D/dg-error" && has_box "$D/dg-error" "is still referred to by other records; delete or change those first"
ok $? "delete group with records: an error box says it is still referred to"
expect_line "$D/dg-kept" "21 Tổ dân phố 21 Bà Trần Thị Mai yes" "delete group with records: the group stays in the list"
expect_grep "$D/dg-yes" "Deleted residential group" "delete group without records: deleted"
expect_count group $((n_group - 1)) "delete group: only the empty group went"
has_row group 21 "Tổ dân phố 21" "Bà Trần Thị Mai" yes "" && ! has_row group 23 "Tổ trùng mã" "Lê Văn Tám" yes ""
ok $? "delete group: list group no longer has group 23"

# ---- a record in a closed period: deleting asks again
n_out=$(count outreach)
screens delete-closed '<F6>[<Del>y<dump dc-ask>n'
has_box "$D/dc-ask" "falls in period 2026-10, which is closed" && has_box "$D/dc-ask" "delete anyway?"
ok $? "delete in a closed period: asks again"
expect_count outreach "$n_out" "delete in a closed period: n keeps the record"
has_box "$D/dc-ask" "Date: falls in period 2026-10"
ok $? "delete in a closed period: the question names the field by its label"

# ====================================================================
# 5. Esc on a form

n_out=$(count outreach)
screens esc '<F6>a<Esc><dump esc-empty><Enter><Esc><dump esc-edit>a<Tab>radio<Tab><C-u>2<Tab><C-u><Tab>Phát thanh phòng cháy<Esc><dump esc-ask>n<dump esc-back><F2><dump esc-saved>a<Tab>online<Esc>y<dump esc-yes>'
grep -q '^Outreach · period 2026-11' "$D/esc-empty" && ! grep -q 'Confirm' "$D/esc-empty"
ok $? "Esc on a new form with nothing typed closes it at once"
grep -q '^Outreach · period 2026-11' "$D/esc-edit" && ! grep -q 'Confirm' "$D/esc-edit"
ok $? "Esc on a record opened and not changed closes it at once"
expect_box "$D/esc-ask" "Close the form and lose what was typed?" "Esc after typing asks first"
is_form "$D/esc-back" && has_field "$D/esc-back" Kind radio && has_field "$D/esc-back" Sessions 2 &&
	has_field "$D/esc-back" Group "(F4: list)" && has_field "$D/esc-back" Note "Phát thanh phòng cháy"
ok $? "n returns to the form with everything typed"
expect_line "$D/esc-saved" "24/11/2026 loudspeaker system 2 Phát thanh phòng cháy" "and the kept text is saved with F2"
grep -q '^Outreach · period 2026-11' "$D/esc-yes" && ! grep -qF "online" "$D/esc-yes"
ok $? "Esc then y closes the typed form"
expect_count outreach $((n_out + 1)) "only the form saved with F2 added a record"
expect_row outreach "list outreach has it, without a group" 2026-11-24 radio 2 "" "Phát thanh phòng cháy"

# ====================================================================
# 6. Telex and VNI (Ctrl-T: off, Telex, VNI, off)

screens ime '<F3><dump ime-0><C-t><dump ime-1><C-t><dump ime-2><C-t><dump ime-3>a24<C-t><dump ime-form><Tab>Toor lieen gia an toanf PCCC<Tab>Nguyeenx Vawn Ddeej<dump telex-form><F2><Tab><Enter><C-u>Phuwowngf Lam Sown<dump telex-ward><F2><dump telex-saved>'
t0=$(title "$D/ime-0") t1=$(title "$D/ime-1") t2=$(title "$D/ime-2") t3=$(title "$D/ime-3")
case "$t0|$t1|$t2|$t3" in
*"Input: off|"*"Input: Telex|"*"Input: VNI|"*"Input: off") ok 0 "Ctrl-T cycles the title bar: Input: off, Input: Telex, Input: VNI, Input: off" ;;
*) ok 1 "Ctrl-T cycles the title bar: Input: off, Input: Telex, Input: VNI, Input: off"; printf '#   %s\n' "$t0" "$t1" "$t2" "$t3" ;;
esac
title "$D/ime-form" | grep -q 'Input: Telex$'
ok $? "Ctrl-T in a form switches too (the title bar says Telex)"
expect_grep "$D/ime-form" "Built-in input method: Telex" "and a message says so"
expect_fields "$D/telex-form" "Telex: the form shows the Vietnamese text (PCCC as typed)" \
	"Group name=Tổ liên gia an toàn PCCC" "Group leader=Nguyễn Văn Đệ"
expect_row group "Telex: list group has the names in NFC" 24 "Tổ liên gia an toàn PCCC" "Nguyễn Văn Đệ" yes ""
expect_fields "$D/telex-ward" "Telex: the ward name typed in the ward form" "Ward name=Phường Lam Sơn"
title "$D/telex-saved" | grep -qF "wardsafe │ Phường Lam Sơn │"
ok $? "Telex: the title bar shows the new ward name"
ws list ward | sed 1d | cut -f2 > "$T/out"
[ "$(cat "$T/out")" = "Phường Lam Sơn" ]
ok $? "Telex: list ward has 'Phường Lam Sơn' in NFC"

screens vni '<F3>a25<C-t><C-t><Tab>To63 lie6n gia an toa2n PCCC<Tab>Nguye6n4 Va8n D9e65<dump vni-form><F2><Tab><Enter><Tab><Tab><Tab><Tab><Tab><C-u>Phu7o7ng2 Lam So7n<dump vni-ward><F2><C-t><dump vni-off>'
title "$D/vni-form" | grep -q 'Input: VNI$'
ok $? "VNI: two Ctrl-T from off give VNI in the title bar"
expect_fields "$D/vni-form" "VNI: the form shows the Vietnamese text (PCCC as typed)" \
	"Group code=25" "Group name=Tổ liên gia an toàn PCCC" "Group leader=Nguyễn Văn Đệ"
expect_row group "VNI: list group has the names in NFC" 25 "Tổ liên gia an toàn PCCC" "Nguyễn Văn Đệ" yes ""
expect_fields "$D/vni-ward" "VNI: the place typed in the ward form" "Place name for report dates=Phường Lam Sơn"
ws list ward | sed 1d | cut -f7 > "$T/out"
[ "$(cat "$T/out")" = "Phường Lam Sơn" ]
ok $? "VNI: list ward has the place 'Phường Lam Sơn' in NFC"
title "$D/vni-off" | grep -q 'Input: off$'
ok $? "VNI: a third Ctrl-T turns the input method off"

# ====================================================================
# 7. Yes/no from F4 (a group made inactive), Shift-Tab; then the pick list
# of groups: F4, filter, Enter

screens active '<F3>/pccc<Enter><Enter><dump ac-form><Tab><Tab><Tab><F4><dump ac-pick><Down><Enter><dump ac-picked><S-Tab><S-Tab><C-u>Lê Văn Đệ<F2><dump ac-saved>'
grep -qF "Change residential group" "$D/ac-form" && has_field "$D/ac-form" "Group code" 24
ok $? "search 'pccc' and Enter open group 24, the first that matches"
grep -qF -- "─ Active ─" "$D/ac-pick" && grep -q '│ yes  *│' "$D/ac-pick" && grep -q '│ no  *│' "$D/ac-pick"
ok $? "F4 on a yes/no field offers yes and no"
expect_fields "$D/ac-picked" "Down, Enter put no in the field" "Active=no" "Group leader=Nguyễn Văn Đệ"
expect_line "$D/ac-saved" "24 Tổ liên gia an toàn PCCC Lê Văn Đệ no 24/11/2026" \
	"Shift-Tab went back to the leader; saved, the inactive group gets today as its closing date"
expect_row group "list group has group 24 inactive, closed on 2026-11-24" 24 "Tổ liên gia an toàn PCCC" "Lê Văn Đệ" no 2026-11-24


screens pick '<F4>a<C-u><F4><dump pk-all>9<dump pk-9><Enter><dump pk-chosen><Esc>y'
grep -qF "│ 1   Tổ dân phố 1 " "$D/pk-all" && grep -qF "│ 12  Tổ dân phố 12 " "$D/pk-all" &&
	grep -qF "│ 21  Tổ dân phố 21 " "$D/pk-all" && grep -qF "│ 25  Tổ liên gia an toàn PCCC " "$D/pk-all"
ok $? "pick list: F4 on the group field lists the groups, codes and names in aligned columns"
grep -qF "│ 12  Tổ dân phố 12 " "$D/pk-all" && ! grep -qF "│ 24  " "$D/pk-all"
ok $? "pick list: but not the inactive group 24"
grep -qF -- "─ Group ─" "$D/pk-all"
ok $? "pick list: titled with the field's label"
grep -qF "│ 9   Tổ dân phố 9 " "$D/pk-9" && ! grep -qF "│ 1   Tổ dân phố 1 " "$D/pk-9" &&
	! grep -qF "│ 12  Tổ dân phố 12 " "$D/pk-9"
ok $? "pick list: typing 9 leaves only group 9"
pk_count=$(grep -o '[0-9]*/[0-9]* │' "$D/pk-9" | head -1 | cut -d ' ' -f 1)
[ "$pk_count" = 1/1 ]
ok $? "pick list: the counter shows 1/1 for the one entry left"
is_form "$D/pk-chosen" && has_field "$D/pk-chosen" Group "Tổ dân phố 9"
ok $? "pick list: Enter puts group 9 in the group field, by name"
has_field "$D/pk-chosen" "Households surveyed" "≤ 181 households"
ok $? "pick list: the form then shows the limit of group 9 (181 households)"

# ---- names in, codes stored: a typed name or code, a picked group of a shared name
ws add group code=31 "name=Tổ trùng tên" households=50 residents=200 date=2023-01-01 > /dev/null
ws add group code=32 "name=Tổ trùng tên" households=60 residents=220 date=2023-01-01 > /dev/null
screens names-in '<F5>a<C-u><F4>trung<dump ni-pick><Down><Enter><Tab>theft<Tab><C-u>4<F2>a<C-u>to dan pho 9<Tab><Tab>Lừa đảo chiếm đoạt tài sản<Tab><C-u>5<F2>'
grep -qF "│ 31  Tổ trùng tên " "$D/ni-pick" && grep -qF "│ 32  Tổ trùng tên " "$D/ni-pick"
ok $? "names: two groups of the same name are told apart by their code in the picker"
expect_row incident "names: the second one picked is stored as group 32, the typed code theft as theft" 32 2026-11-24 theft 4 ""
expect_row incident "names: a typed group name and category name are stored as their codes" 9 2026-11-24 fraud 5 ""

# ====================================================================
# 8. The ward is one record: a on its list must not wipe its details

screens ward-add '<F3><Tab>a<dump wa-form>Phường Mới<F2><dump wa-saved>'
grep -qF "wardsafe │ Phường Lam Sơn │" "$D/wa-form"
ok $? "ward: the ward's name is in the title bar before a"
[ "$(ws list ward | sed 1d | cut -f3)" = "TP Thanh Hóa" ] && [ "$(ws list ward | sed 1d | cut -f5)" = "CÔNG AN PHƯỜNG LAM SƠN" ]
ok $? "ward: a on the ward list keeps the district and police unit of the ward"
expect_count ward 1 "ward: there is still exactly one ward"

# ---- every run ended normally
[ -z "$runs_failed" ]
ok $? "every run of the screens exited 0 with nothing on stderr${runs_failed:+ (failed:$runs_failed)}"
finish
