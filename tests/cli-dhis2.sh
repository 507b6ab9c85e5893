#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-dhis2.sh - export --format dhis2: a small ward whose data values are
# worked out by hand (tests/expected/dhis2-small.csv), the periods and kinds
# that select part of it, the refusals, and the demo ward checked against
# its summaries; the metadata (--format dhis2-metadata) that defines every
# code the values use; --since and the deleted column.
. "$top_srcdir/tests/lib.sh"

# lastupdated carries the offset of the local time zone: a POSIX TZ that
# needs no tzdata (Vietnam, UTC+7).
TZ=ICT-7
export TZ

# The operator goes into storedby: one with a comma tests the quoting.
printf '[general]\noperator = Lê Văn A, trực ban\n' > "$T/op.ini"
DB="$T/w.db"
ws() { run --lang en --config "$T/op.ini" --db "$DB" "$@"; }
# The header of DHIS2's own CSV writer (see dhis2.h).
HEADER=dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted

# ---- a database with a ward but no ward code, and one with no ward at all
ws init --ward "Lam Sơn"
ws export --format dhis2
expect_rc 1 "without a ward code the export is refused"
expect_grep "$T/err" "wardsafe edit ward 1 code=" "and the message says how to set it"
[ ! -s "$T/out" ]; ok $? "nothing is written"
run --db "$DB" export --format dhis2
expect_grep "$T/err" "mã" "the message is in Vietnamese by default"
run --lang en --db "$T/noward.db" init
run --lang en --db "$T/noward.db" export --format dhis2
expect_rc 1 "without a ward record the export is refused"
expect_grep "$T/err" "wardsafe add ward name=NAME code=CODE" "and the message says how to add it"

# ---- the small ward: every record below gives the lines of the expected
# file (see the comments for the values that need thought).
ws edit ward 1 code=14845
expect_rc 0 "the ward code is set with edit"
ws add group code=1 name="Tổ 1" households=100 residents=350 date=2023-01-01
ws add population group=1 date=2023-07-01 households=110 residents=380
ws add group code=9 name="Tổ 9" households=181 residents=678 date=2023-07-01
# Group 3 closed on 20/08/2023: its team counts at the end of July only.
ws add group code=3 name="Tổ 3" active=no closed=2023-08-20
expect_rc 0 "a closed group"
# Two surveys in September: the latest (30/09) gives surveyed and
# with_extinguisher; it has no extinguishers, so that one comes from 10/09.
ws add survey group=9 date=2023-07-31 surveyed=181 with_extinguisher=150 extinguishers=160
ws add survey group=9 date=2023-09-10 surveyed=181 with_extinguisher=155 extinguishers=170
ws add survey group=9 date=2023-09-30 surveyed=181 with_extinguisher=163
# Two commitments in September, each giving one of the two figures.
ws add commitment group=1 date=2023-09-05 pccc=100
ws add commitment group=1 date=2023-09-20 antt=90
ws add app114 group=9 date=2023-08-31 installs=120
expect_rc 0 "app users"
# Incidents are summed per month, group and category: theft in 9 = 1 + 2.
ws add incident group=9 date=2023-09-12 category=theft
ws add incident group=9 date=2023-09-25 category=theft count=2 note='Mất 2 xe đạp, "khóa" bị cắt'
ws add incident group=9 date=2023-09-13 category=fraud
ws add incident group=1 date=2023-08-02 category=theft
# Outreach: ward-wide radio 4 + 3 on the ward's own org unit.
ws add outreach date=2023-09-01 kind=radio sessions=4
ws add outreach date=2023-09-08 kind=radio sessions=3
ws add outreach date=2023-09-15 kind=mobile group=1
# Teams of 9: A from 15/07; B from 20/08, closed on 30/09, so not active at
# the end of September.  Point P from 01/08.  Team C of group 3.
ws add fireteam group=9 kind=team name=A households=8 established=2023-07-15
ws add fireteam group=9 kind=team name=B households=10 established=2023-08-20 closed=2023-09-30
ws add fireteam group=9 kind=point name=P established=2023-08-01
ws add fireteam group=3 kind=team name=C households=5 established=2023-07-01 --force
expect_rc 0 "fire teams and points"
ws add establishments date=2023-06-30 managed=50 with_file=40
ws add establishments date=2023-09-15 managed=52 with_file=45
ws add establishments date=2023-09-30 managed=52 with_file=50
expect_rc 0 "establishments"

ws export --format dhis2
expect_rc 0 "export --format dhis2 to standard output"
expect_same "$T/out" "$EXPECTED/dhis2-small.csv" "the data values of the small ward, as worked out by hand"
cp "$T/out" "$T/small.csv"
[ "$(head -n 1 "$T/small.csv")" = "$HEADER" ]; ok $? "the header line is exact"
# A few values checked one by one (the columns are those of the header).
value() { # value DE PERIOD ORGUNIT [COMBO]
	awk -F, -v d="$1" -v p="$2" -v o="$3" -v c="${4-}" \
		'$1 == d && $2 == p && $3 == o && $4 == c { print $6 }' "$T/small.csv"
}
[ "$(value WS_SURVEY_WITH_EXT 202309 14845-9)" = 163 ]; ok $? "a stock takes the latest record of the month"
[ "$(value WS_SURVEY_EXTINGUISHERS 202309 14845-9)" = 170 ]; ok $? "or the latest that has the field"
[ "$(value WS_INCIDENTS 202309 14845-9 WS_INC_theft)" = 3 ]; ok $? "a flow is summed over the month"
[ "$(value WS_OUTREACH_SESSIONS 202309 14845 WS_OUT_radio)" = 7 ]; ok $? "ward-wide outreach goes to the ward's org unit"
[ "$(value WS_FIRE_TEAMS 202309 14845-9)" = 1 ] && [ "$(value WS_FIRE_TEAM_HOUSEHOLDS 202308 14845-9)" = 18 ]
ok $? "teams are counted at the end of each month (a team closed on its last day is not)"
[ -z "$(value WS_FIRE_TEAMS 202308 14845-3)" ]; ok $? "a closed group's teams stop with the group"
[ -z "$(value WS_FIRE_TEAMS 202306 14845-9)" ]; ok $? "and start with the first team"
[ "$(value WS_EST_WITH_FILE 202309 14845)" = 50 ]; ok $? "establishments go to the ward's org unit"
[ "$(cut -d, -f1-4 "$T/small.csv" | sort | uniq -d | wc -l)" -eq 0 ]; ok $? "no key appears twice"

# Parts of it: --period keeps the months inside the period, a kind its
# data elements; nothing else changes.
ws export --format dhis2 --period 2023-09
expect_rc 0 "--period 2023-09"
{ echo "$HEADER"; grep ',202309,' "$T/small.csv"; } > "$T/want"
expect_same "$T/out" "$T/want" "--period keeps the lines of its months"
ws export --format dhis2 --period 2023-07..2023-08
{ echo "$HEADER"; grep -E ',20230[78],' "$T/small.csv"; } > "$T/want"
expect_same "$T/out" "$T/want" "a range of months"
ws export --format dhis2 --period 2022
expect_rc 0 "a period without data"
[ "$(cat "$T/out")" = "$HEADER" ]; ok $? "gives the header only"
ws export --format dhis2 survey
{ echo "$HEADER"; grep '^WS_SURVEY_' "$T/small.csv"; } > "$T/want"
expect_same "$T/out" "$T/want" "a kind gives its data elements"
ws export --format dhis2 fireteam --period 2023-Q3
{ echo "$HEADER"; grep '^WS_FIRE_' "$T/small.csv"; } > "$T/want"
expect_same "$T/out" "$T/want" "a kind and a period"
ws export all --format dhis2
expect_same "$T/out" "$T/small.csv" "'all' is everything"

# Months cut on the 15th: 25/09 belongs to 2023-10, 12/09 and 13/09 to 2023-09.
printf '[general]\noperator = Lê Văn A, trực ban\n[period]\nmonth_start_day = 15\n' > "$T/15.ini"
run --lang en --config "$T/15.ini" --db "$DB" export --format dhis2 incident
grep -q '^WS_INCIDENTS,202310,14845-9,WS_INC_theft,,2,' "$T/out" &&
	grep -q '^WS_INCIDENTS,202309,14845-9,WS_INC_theft,,1,' "$T/out"
ok $? "with month_start_day = 15 the months follow the cut-off"

# To a file: atomic, mode 0600, never over an existing file without --force.
ws export --format dhis2 -o "$T/dv.csv"
expect_rc 0 "-o FILE"
expect_same "$T/dv.csv" "$T/small.csv" "the file holds the same data values"
[ "$(stat -c %a "$T/dv.csv")" = 600 ]; ok $? "the file is 0600"
ws export --format dhis2 -o "$T/dv.csv"
expect_rc 1 "an existing file is not replaced without --force"
ws export --format dhis2 -o "$T/dv.csv" --force --period 2023-08
expect_rc 0 "--force replaces it"
[ "$(wc -l < "$T/dv.csv")" -eq "$(grep -c ',202308,' "$T/small.csv" | awk '{ print $1 + 1 }')" ]
ok $? "with the new content"
ws export --format dhis2 -o "$T/no/such/dir/dv.csv"
expect_rc 3 "a file that cannot be written"
expect_grep "$T/err" "cannot write" "is named"

# Usage errors.
ws export --format dhis2 --period 2023-13
expect_rc 2 "a bad --period"
expect_grep "$T/err" "not a period" "is named"
ws export --format dhis2 ward
expect_rc 2 "a kind without data values"
expect_grep "$T/err" "population, survey" "names the kinds that have some"
ws export --format dhis2 survey incident
expect_rc 2 "two kinds"
ws export --format dhis2 --bom
expect_rc 2 "--bom with dhis2"
ws export --format xml all
expect_rc 2 "an unknown format"
ws export survey --period 2023
expect_rc 2 "--period with CSV"
ws export survey --format csv
expect_rc 0 "--format csv is the CSV export"
expect_grep "$T/out" "group,date,surveyed,with_extinguisher,extinguishers" "unchanged"

# ---- unique option combo codes: a category 'other' and the outreach kind
# 'other' are two combos in DHIS2, so they need two codes.
ws add category code=other name="Vụ việc khác"
expect_rc 0 "add category code=other"
ws add incident group=9 date=2023-09-14 category=other
ws add outreach date=2023-09-16 kind=other sessions=2
# A group's name with quotes and a backslash tests the JSON escaping below.
ws add group code=7 name='Tổ "7", khu \ phố mới' households=50 residents=200 date=2023-01-01
expect_rc 0 "a group whose name needs escaping in JSON"
ws export --format dhis2
cp "$T/out" "$T/other.csv"
grep -q '^WS_INCIDENTS,202309,14845-9,WS_INC_other,,1,' "$T/other.csv" &&
	grep -q '^WS_OUTREACH_SESSIONS,202309,14845,WS_OUT_other,,2,' "$T/other.csv"
ok $? "the category 'other' is WS_INC_other, the outreach kind 'other' WS_OUT_other"
[ "$(sed 1d "$T/other.csv" | cut -d, -f4 | grep . | grep -c -v '^WS_\(INC\|OUT\)_')" -eq 0 ]
ok $? "every option combo code has its category combo's prefix"

# ---- the metadata: valid JSON that defines every code the values use
ws export --format dhis2-metadata --parent TH-TP
expect_rc 0 "export --format dhis2-metadata"
cp "$T/out" "$T/md.json"
python3 -m json.tool "$T/md.json" > /dev/null
ok $? "the metadata is valid JSON"
# codes TYPE: the codes of the objects of TYPE, one a line.
codes() {
	python3 -c 'import json, sys
for o in json.load(open(sys.argv[1]))[sys.argv[2]]: print(o["code"])' "$T/md.json" "$1"
}
codes dataElements | sort > "$T/md-de"
sed 1d "$T/other.csv" | cut -d, -f1 | sort -u > "$T/v-de"
[ -s "$T/v-de" ] && [ -z "$(comm -23 "$T/v-de" "$T/md-de")" ] && [ "$(wc -l < "$T/md-de")" -eq 15 ]
ok $? "every data element of the values is defined (15 in all)"
codes organisationUnits | sort > "$T/md-ou"
sed 1d "$T/other.csv" | cut -d, -f3 | sort -u > "$T/v-ou"
[ -s "$T/v-ou" ] && [ -z "$(comm -23 "$T/v-ou" "$T/md-ou")" ] && grep -qx 14845 "$T/md-ou" && grep -qx 14845-3 "$T/md-ou"
ok $? "every org unit of the values is defined, the ward and every group (closed ones too)"
codes categoryOptionCombos | sort > "$T/md-coc"
sed 1d "$T/other.csv" | cut -d, -f4 | grep . | sort -u > "$T/v-coc"
[ -s "$T/v-coc" ] && [ -z "$(comm -23 "$T/v-coc" "$T/md-coc")" ] && grep -qx WS_INC_other "$T/md-coc" &&
	grep -qx WS_OUT_other "$T/md-coc"
ok $? "every option combo of the values is defined"
python3 - "$T/md.json" > "$T/md-check" <<'PY'
import json, re, sys
md = json.load(open(sys.argv[1]))
uids, bad = [], []
uid = re.compile(r"^[a-zA-Z][a-zA-Z0-9]{10}$")
for kind, objs in md.items():
    codes = [o["code"] for o in objs]
    if len(codes) != len(set(codes)):
        bad.append("duplicate code in " + kind)
    for o in objs:
        uids.append(o["id"])
        if not uid.match(o["id"]):
            bad.append("bad uid " + o["id"])
        if len(o["shortName"]) > 50:
            bad.append("long shortName " + o["code"])
if len(uids) != len(set(uids)):
    bad.append("duplicate uid")
ids = set(uids)
def refs(x):
    if isinstance(x, dict):
        if set(x) == {"id", "code"}:
            yield x["id"]
        for v in x.values():
            yield from refs(v)
    elif isinstance(x, list):
        for v in x:
            yield from refs(v)
for r in refs(md):
    if r not in ids:
        bad.append("dangling reference " + r)
for i in md["indicators"]:
    for e in (i["numerator"], i["denominator"]):
        if not re.fullmatch(r"#\{([a-zA-Z0-9]{11})\}", e) or e[2:-1] not in ids:
            bad.append("bad expression " + e)
de = {d["code"]: d for d in md["dataElements"]}
if de["WS_INCIDENTS"]["aggregationType"] != "SUM" or de["WS_POP_HOUSEHOLDS"]["aggregationType"] != "LAST":
    bad.append("aggregation types")
if any(d["valueType"] != "INTEGER_ZERO_OR_POSITIVE" or d["domainType"] != "AGGREGATE" for d in de.values()):
    bad.append("value or domain type")
ward = [o for o in md["organisationUnits"] if o["code"] == "14845"][0]
if ward.get("parent") != {"code": "TH-TP"}:
    bad.append("parent of the ward")
if any(o["parent"]["code"] != "14845" for o in md["organisationUnits"] if o["code"] != "14845"):
    bad.append("parent of a group")
if md["dataSets"][0]["periodType"] != "Monthly" or len(md["dataSets"][0]["dataSetElements"]) != 15:
    bad.append("data set")
if len(md["indicators"]) != 6 or md["indicatorTypes"][0]["factor"] != 100:
    bad.append("indicators")
print("\n".join(bad) if bad else "ok")
PY
[ "$(cat "$T/md-check")" = ok ]
ok $? "UIDs well formed and unique, codes unique, references and indicator expressions resolve, types as DHIS2 names them"
sed 's/^/#   /' "$T/md-check"
grep -q '"name": "Vụ việc khác (vụ việc)"' "$T/md.json" && grep -q '"name": "Số hộ dân"' "$T/md.json"
ok $? "names are Vietnamese, even with --lang en"
python3 -c 'import json, sys
print([o["name"] for o in json.load(open(sys.argv[1]))["organisationUnits"] if o["code"] == "14845-7"][0])' \
	"$T/md.json" > "$T/name7"
printf '%s\n' 'Tổ "7", khu \ phố mới' > "$T/want"
expect_same "$T/name7" "$T/want" "a name with quotes and a backslash comes back exact"
ws export --format dhis2-metadata --parent TH-TP
cmp -s "$T/out" "$T/md.json"
ok $? "a second export gives the same UIDs (it updates rather than duplicates)"
ws export --format dhis2-metadata -o "$T/md2.json"
expect_rc 0 "-o FILE"
python3 -c 'import json, sys
print("parent" in [o for o in json.load(open(sys.argv[1]))["organisationUnits"] if o["code"] == "14845"][0])' \
	"$T/md2.json" | grep -qx False
ok $? "without --parent the ward has no parent"
ws export --format dhis2-metadata incident
expect_rc 2 "the metadata takes no kind"
ws export --format dhis2 --parent X
expect_rc 2 "--parent with the data values"
ws export --format dhis2-metadata --parent ''
expect_rc 2 "an empty --parent"
expect_grep "$T/err" "1 to 50 characters" "is named"
ws export --format dhis2-metadata --since 2023-01-01
expect_rc 2 "--since with the metadata"
run --lang en --db "$T/noward.db" export --format dhis2-metadata
expect_rc 1 "the metadata needs the ward record too"

# ---- --since: the values that records changed or deleted since a day
# took away come through the deleted column.
ws export --format dhis2 --since 2026-11-24
cmp -s "$T/out" "$T/other.csv"
ok $? "--since without changes or deletions adds nothing"
ws add incident group=1 date=2023-10-03 category=fraud
gone=$(cat "$T/out")
ws add incident group=1 date=2023-10-05 category=drugs
moved=$(cat "$T/out")
later() { (WARDSAFE_NOW='2026-12-01 08:00:00'; export WARDSAFE_NOW; ws "$@"); }
later delete incident "$gone"
later edit incident "$moved" group=9
ws export --format dhis2 --since 2026-12-01
cp "$T/out" "$T/since.csv"
grep -qx 'WS_INCIDENTS,202310,14845-1,WS_INC_fraud,,,"Lê Văn A, trực ban",2026-11-24T09:30:00+07:00,,false,true' "$T/since.csv"
ok $? "a deleted record's value is sent as deleted, with an empty value"
grep -q '^WS_INCIDENTS,202310,14845-1,WS_INC_drugs,,,.*,true$' "$T/since.csv" &&
	grep -q '^WS_INCIDENTS,202310,14845-9,WS_INC_drugs,,1,.*,false$' "$T/since.csv"
ok $? "a record moved to another group: the old key deleted, the new one written"
[ "$(grep -c ',true$' "$T/since.csv")" -eq 2 ]; ok $? "nothing else is deleted"
grep -v ',true$' "$T/since.csv" > "$T/kept"
ws export --format dhis2
expect_same "$T/kept" "$T/out" "the other lines are those of the export without --since"
ws export --format dhis2 --since 2026-12-02
expect_same "$T/out" "$T/kept" "changes before --since's day are not sent again"
ws export --format dhis2 --since 2026-12-01 --period 2023-09
[ "$(grep -c ',true$' "$T/out")" -eq 0 ]; ok $? "--period cuts the deleted lines too"
ws export --format dhis2 --since 2026-12-01 survey
[ "$(grep -c ',true$' "$T/out")" -eq 0 ]; ok $? "and so does a kind"
# A fire team deleted: its group's months go away where no other team is left.
ws add fireteam group=1 kind=team name=D households=6 established=2023-09-01
expect_rc 0 "a fire team for group 1"
team=$(cat "$T/out")
later delete fireteam "$team"
ws export --format dhis2 --since 2026-12-01 fireteam
grep -q '^WS_FIRE_TEAMS,202309,14845-1,,,,.*,true$' "$T/out" && grep -q '^WS_FIRE_TEAM_HOUSEHOLDS,202310,14845-1,,,,.*,true$' "$T/out"
ok $? "a deleted fire team's months are sent as deleted"
ws export --format dhis2 --since 2026-13-01
expect_rc 2 "a bad --since"
expect_grep "$T/err" "YYYY-MM-DD" "is named"
ws export survey --since 2026-12-01
expect_rc 2 "--since with CSV"

# ---- the demo ward, checked against its summaries
DEMO="$T/demo.db"
demo_db "$DEMO"
d() { run --lang en --db "$DEMO" "$@"; }
d edit ward 1 code=TH-LS
d export --format dhis2 -o "$T/demo.csv"
expect_rc 0 "the demo ward"
[ "$(head -n 1 "$T/demo.csv")" = "$HEADER" ]; ok $? "header"
# No field of the demo holds a comma (storedby is the login name here), so
# awk can count the fields.
[ "$(awk -F, 'NR > 1 && NF != 11' "$T/demo.csv" | wc -l)" -eq 0 ]; ok $? "every line has 11 fields"
[ "$(awk -F, 'NR > 1 && !($2 ~ /^20[0-9][0-9](0[1-9]|1[0-2])$/)' "$T/demo.csv" | wc -l)" -eq 0 ]
ok $? "every period is YYYYMM"
[ "$(awk -F, 'NR > 1 && !($3 == "TH-LS" || $3 ~ /^TH-LS-[0-9]+$/)' "$T/demo.csv" | wc -l)" -eq 0 ]
ok $? "every org unit is the ward or WARD-GROUP"
[ "$(awk -F, 'NR > 1 && !($6 ~ /^[0-9]+$/ && $5 == "" && $9 == "" && $10 == "false" && $11 == "false" &&
	$8 == "2026-11-24T09:30:00+07:00")' "$T/demo.csv" | wc -l)" -eq 0 ]
ok $? "values are whole numbers, lastupdated is the export's local time with its UTC offset, followup and deleted false"
[ "$(sed 1d "$T/demo.csv" | cut -d, -f1-4 | sort | uniq -d | wc -l)" -eq 0 ]; ok $? "no key appears twice"
sed 1d "$T/demo.csv" | LC_ALL=C sort -c -t, -k1,1 -k2,2 -k3,3 -k4,4
ok $? "sorted by data element, period, org unit and combo"
sed -n 's/^	{ "\(WS_[A-Z0-9_]*\)".*/\1/p' "$top_srcdir/src/dhis2.c" | sort > "$T/codes"
[ "$(wc -l < "$T/codes")" -ge 15 ]; ok $? "the data element table is found in dhis2.c"
sed 1d "$T/demo.csv" | cut -d, -f1 | sort -u > "$T/demo-codes"
expect_same "$T/demo-codes" "$T/codes" "the demo gives every data element"

# sum DE PERIOD-FROM PERIOD-TO [COMBO]: the sum of a data element's values.
sum() {
	awk -F, -v d="$1" -v a="$2" -v b="$3" -v c="${4-}" \
		'$1 == d && $2 >= a && $2 <= b && (c == "" || $4 == c) { s += $6 } END { print s + 0 }' "$T/demo.csv"
}
# tsv PERIOD INDICATOR COLUMN: a figure of the summary.
tsv() {
	"$WARDSAFE_BIN" --db "$DEMO" summary --period "$1" --format tsv |
		awk -F '\t' -v i="$2" -v c="$3" '$1 == i { print $c }'
}
[ "$(sum WS_INCIDENTS 202307 202309)" -eq "$(tsv 2023-Q3 incidents 4)" ]
ok $? "incidents of 2023-07..09 = the summary of 2023-Q3 ($(sum WS_INCIDENTS 202307 202309))"
[ "$(sum WS_INCIDENTS 202307 202309 WS_INC_theft)" -eq "$(tsv 2023-Q3 incidents.theft 4)" ]
ok $? "and for one category"
[ "$(sum WS_INCIDENTS 202201 202312)" -eq "$(tsv 2022..2023 incidents 4)" ]
ok $? "and over the two years"
[ "$(sum WS_OUTREACH_SESSIONS 202307 202309 WS_OUT_radio)" -eq 135 ] &&
	[ "$(sum WS_OUTREACH_SESSIONS 202307 202309 WS_OUT_mobile)" -eq "$(tsv 2023-Q3 outreach.mobile 4)" ]
ok $? "outreach by kind: 135 radio sessions in 2023-Q3, mobile as in the summary"
# The survey in force at the end of 2023: each group's latest value.
latest() { # latest DE UNTIL: the sum over org units of their latest value up to UNTIL
	awk -F, -v d="$1" -v u="$2" '$1 == d && $2 <= u { v[$3] = $6 } END { for (o in v) s += v[o]; print s + 0 }' \
		"$T/demo.csv"
}
[ "$(latest WS_SURVEY_WITH_EXT 202312)" -eq "$(tsv 2023-12 extinguisher 2)" ]
ok $? "households with an extinguisher at the end of 2023 = the summary's numerator ($(latest WS_SURVEY_WITH_EXT 202312))"
[ "$(latest WS_POP_HOUSEHOLDS 202312)" -eq "$(tsv 2023-12 extinguisher 3)" ]
ok $? "households at the end of 2023 = its denominator"
[ "$(latest WS_SURVEY_WITH_EXT 202309)" -eq "$(tsv 2023-Q3 extinguisher 2)" ]
ok $? "and at the end of 2023-Q3"
[ "$(latest WS_COMMIT_ANTT 202309)" -eq 2180 ] && [ "$(latest WS_APP114_INSTALLS 202312)" -eq "$(tsv 2023 app114 2)" ]
ok $? "2,180 security pledges on 30/09/2023; app users at the end of 2023 as in the summary"
[ "$(sum WS_FIRE_TEAMS 202309 202309)" -eq 64 ] && [ "$(sum WS_FIRE_POINTS 202309 202309)" -eq 23 ] &&
	[ "$(sum WS_FIRE_TEAMS 202312 202312)" -eq "$(tsv 2023-12 fire_teams 4)" ] &&
	[ "$(sum WS_FIRE_TEAM_HOUSEHOLDS 202312 202312)" -eq "$(tsv 2023-12 fire_team_households 4)" ]
ok $? "64 teams and 23 points at the end of September 2023; teams and households at the end of 2023 as in the summary"
[ "$(sum WS_EST_WITH_FILE 202309 202309)" -eq 615 ]; ok $? "615 establishments with a file on 30/09/2023"
d export --format dhis2 --period 2023-Q3
awk -F, 'NR == 1 || ($2 >= 202307 && $2 <= 202309)' "$T/demo.csv" > "$T/want"
expect_same "$T/out" "$T/want" "--period 2023-Q3 is the full export cut to its months"
finish
