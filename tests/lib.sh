# SPDX-License-Identifier: GPL-3.0-or-later
# lib.sh - shared set-up for the shell tests: a TAP producer and a private
# environment (temporary HOME, database and configuration; fixed "today").
# Source it: . "$top_srcdir/tests/lib.sh"

set -u
: "${WARDSAFE_BIN:?run the tests with make check}"
: "${top_srcdir:?run the tests with make check}"

T=$(mktemp -d "${TMPDIR:-/tmp}/wardsafe-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home"
mkdir -p "$HOME"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export TERM=dumb COLUMNS=80 LINES=24
unset WARDSAFE_DB WARDSAFE_CONFIG NO_COLOR
# Nothing of the machine the suite runs on: no keyboard (a test started from
# a terminal must not wait for it), the usual umask (the tests of file modes
# set their own), and no printer: lp and lpr are stubs that fail the run if
# a test prints without choosing its own print command.
exec < /dev/null
umask 022
mkdir -p "$T/bin"
for p in lp lpr; do
	printf '#!/bin/sh\necho "$0 $*" >> "%s/printed-by-accident"\necho "%s: the tests must not print" >&2\nexit 1\n' \
		"$T" "$p" > "$T/bin/$p"
	chmod +x "$T/bin/$p"
done
export PATH="$T/bin:$PATH"
EXPECTED="$top_srcdir/tests/expected"

tap_n=0
tap_failed=0

ok() { # ok CONDITION-STATUS NAME
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# run CMD...: runs wardsafe, keeping stdout in $T/out, stderr in $T/err and
# the exit status in $rc.
run() {
	"$WARDSAFE_BIN" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# expect_rc WANT NAME: asserts the status of the last run.
expect_rc() {
	if [ "$rc" -eq "$1" ]; then
		ok 0 "$2 (exit $1)"
	else
		ok 1 "$2 (exit $rc, want $1)"
		sed 's/^/#   stderr: /' "$T/err" | head -20
	fi
}

# expect_grep FILE PATTERN NAME: asserts a fixed string occurs in a file.
expect_grep() {
	if grep -qF -- "$2" "$1"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "#   '$2' not found in:"
		sed 's/^/#   | /' "$1" | head -20
	fi
}

expect_no_grep() {
	if grep -qF -- "$2" "$1"; then
		ok 1 "$3"
		sed 's/^/#   | /' "$1" | head -20
	else
		ok 0 "$3"
	fi
}

# expect_same GOT WANT NAME: asserts two files are identical.
expect_same() {
	if cmp -s "$1" "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff -u "$2" "$1" | head -40 | sed 's/^/#   /'
	fi
}

# demo_db PATH: a fresh demo database (cached per test run).
demo_db() {
	"$WARDSAFE_BIN" --db "$1" demo >/dev/null
}

# screens NAME KEYS [ARGS...]: runs the screens in scripted mode with the
# keys; the dump goes to $T/NAME.txt, the status to $rc.
screens() {
	name=$1 keys=$2
	shift 2
	printf '%s' "$keys" > "$T/$name.keys"
	WARDSAFE_SCRIPT="$T/$name.keys" WARDSAFE_DUMP="$T/$name.txt" \
		"$WARDSAFE_BIN" "$@" > "$T/$name.out" 2> "$T/$name.err"
	rc=$?
}
# same_dump NAME TEXT: compares $T/NAME.txt with tests/expected/screens/NAME.txt.
same_dump() {
	expect_same "$T/$1.txt" "$EXPECTED/screens/$1.txt" "$2"
}

# skip NAME WHY: a skipped assertion.
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

finish() {
	if [ -e "$T/printed-by-accident" ]; then
		ok 1 "no test printed with the default print command"
		sed 's/^/#   /' "$T/printed-by-accident"
	fi
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
	exit $?
}
