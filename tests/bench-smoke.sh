#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-smoke.sh - the benchmark generator and runner at a tiny size: they
# work and say what they should.  Times are not judged here (bench/README).
. "$top_srcdir/tests/lib.sh"

GEN="$top_builddir/bench/bench-gen"
# The benchmarks time the program itself, not the valgrind wrapper.
WS=${WARDSAFE_REAL_BIN:-$WARDSAFE_BIN}

# ---- the generator
"$GEN" --groups 4 --years 2 --seed 7 "$T/a.db" 2> "$T/gen.err"
rc=$?
expect_rc 0 "bench-gen writes a ward"
expect_grep "$T/gen.err" "records" "it says how many records it wrote"
"$GEN" --groups 4 --years 2 --seed 7 "$T/b.db" 2> /dev/null
same=0
for t in rgroup population survey commitment app114 incident outreach fireteam establishments target; do
	[ "$(sqlite3 "$T/a.db" "SELECT * FROM $t ORDER BY id")" = "$(sqlite3 "$T/b.db" "SELECT * FROM $t ORDER BY id")" ] || same=1
done
ok $same "the same seed gives the same records"
n=$(sqlite3 "$T/a.db" "SELECT count(*) FROM survey")
[ "$n" -eq 96 ]
ok $? "a survey a month for each group (4 x 24 = $n)"
"$WS" --db "$T/a.db" check > "$T/check.out" 2>&1
rc=$?
expect_rc 0 "the generated ward passes 'wardsafe check'"
grep -q "^0 " "$T/check.out"
ok $? "with no problems"
n=$(sqlite3 "$T/a.db" "SELECT count(*) FROM audit WHERE tbl = 'survey'")
[ "$n" -eq 96 ]
ok $? "each generated record is in the audit log, as the program writes it"
"$GEN" --wards 2 --groups 2 --years 1 "$T/prov" 2> /dev/null
[ -f "$T/prov/ward-001.db" ] && [ -f "$T/prov/ward-002.db" ]
ok $? "a province is one database per ward"
[ "$(sqlite3 "$T/prov/ward-001.db" "SELECT name FROM ward")" != "$(sqlite3 "$T/prov/ward-002.db" "SELECT name FROM ward")" ]
ok $? "wards have their own names"
mkdir -p "$T/csv"
"$GEN" --survey-csv 50 --groups 5 "$T/csv/survey.csv" 2> /dev/null
[ "$(wc -l < "$T/csv/survey.csv")" -eq 51 ] && [ "$(wc -l < "$T/csv/group.csv")" -eq 6 ]
ok $? "a survey CSV of 50 rows and its 5 groups"
"$WS" --db "$T/c.db" init --ward "Phường Thử" > /dev/null 2>&1
"$WS" --db "$T/c.db" import "$T/csv/group.csv" "$T/csv/survey.csv" > "$T/import.out" 2>&1
rc=$?
expect_rc 0 "the generated CSV imports cleanly"
"$GEN" --groups x "$T/x.db" 2> "$T/bad.err"
rc=$?
expect_rc 2 "a bad option is a usage error"
expect_grep "$T/bad.err" "groups" "naming the option"

# ---- the runner, tiny
# Two runs: the median of an even number of runs is taken too.
WARDSAFE_BIN=$WS "$top_srcdir/bench/run" --tiny --runs 2 --data "$T/bench" -o "$T/results.txt" > "$T/run.out" 2> "$T/run.err"
rc=$?
expect_rc 0 "bench/run --tiny completes"
grep -v '^# \|^bench-gen: ' "$T/run.err" > "$T/run.noise"
[ ! -s "$T/run.noise" ]
ok $? "it says nothing on stderr but its progress"
sed 's/^/#   /' "$T/run.noise" | head -5
for m in "first frame" "summary tsv, year, ward" "rollup tsv, year, 3 wards" "import CSV vs .import" \
	"import CSV vs same work in SQL" "export CSV vs sqlite3 -csv" "key: next line" "key: a character" \
	"key: a cell of the round grid" "save a 3-group round"; do
	grep -q "^$m.* [0-9][0-9.]* \(ms\|r/s\) .* \(ok\|MISSED\)\$" "$T/results.txt"
	ok $? "it reports: $m"
done
grep -q "^summary tsv, year, ward .* ms .* ms  *[0-9][0-9]*\.[0-9][0-9] " "$T/results.txt"
ok $? "the summary is compared with the sqlite3 floor (a ratio)"
grep -q "^import CSV vs .import .* r/s .* r/s  *[0-9][0-9]*\.[0-9][0-9] " "$T/results.txt"
ok $? "the import is compared with sqlite3 .import (a ratio)"
expect_grep "$T/results.txt" "# ward: 3 groups x 2 years" "it says the size of the data"
expect_grep "$T/results.txt" "SQLite 3." "and the versions and machine"
grep -q "instructions" "$T/results.txt"
ok $? "keystroke instruction counts (or why not)"
cmp -s "$T/results.txt" "$T/run.out"
ok $? "-o keeps what was printed"

finish
