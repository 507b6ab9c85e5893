#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-stdout.sh - output that cannot be written is a failure (issue 18, the
# gnulib close_stdout idea): every command writing to /dev/full says so on
# standard error and exits with status 3, instead of 0 with the output lost.
. "$top_srcdir/tests/lib.sh"

if [ ! -w /dev/full ]; then
	skip "output to a full device" "no /dev/full here"
	finish
fi
DB="$T/demo.db"
demo_db "$DB"
printf '[report]\nsigner_name = Nguyễn Văn An\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
for cmd in --help --version "list group" "summary --period 2023-Q3" "summary --period 2023-Q3 --format tsv" \
	"export survey" "report --period 2023-Q3 --format text" keys "audit"; do
	# shellcheck disable=SC2086
	"$WARDSAFE_BIN" --lang en --db "$DB" $cmd > /dev/full 2> "$T/err"
	rc=$?
	[ "$rc" -eq 3 ] && grep -q "cannot write the output" "$T/err"
	ok $? "'$cmd' to /dev/full fails with status 3 and says so (exit $rc)"
done
"$WARDSAFE_BIN" --lang en --db "$DB" list group > "$T/out" 2> "$T/err"
[ $? -eq 0 ] && [ ! -s "$T/err" ] && [ -s "$T/out" ]
ok $? "written to a file, the same command succeeds quietly"
finish
