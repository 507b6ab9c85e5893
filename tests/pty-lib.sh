# SPDX-License-Identifier: GPL-3.0-or-later
# pty-lib.sh - sourced (after lib.sh) by the tests that run the screens in
# a pseudo-terminal through tests/pty-driver: skips the test when the
# driver was not built, makes the demo database $DEMO and the config, and
# defines `drive`.  $PTY_TIMEOUT, set before, bounds each run (seconds).

DRIVER="$top_builddir/tests/pty-driver"
if [ ! -x "$DRIVER" ]; then
	# automake's TAP driver reads the plan: exit 0 here, 77 would be an ERROR.
	echo "1..0 # SKIP tests/pty-driver was not built (configure found no libvterm: install libvterm-dev)"
	exit 0
fi
export DRIVER

printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
DEMO="$T/demo.db"
demo_db "$DEMO"

# drive NAME [WARDSAFE ARGS...] < COMMANDS: runs wardsafe in the pty at
# 80x24 on a fresh copy of the demo database, $T/NAME.db, exported as $DB
# so that the driver's `run` commands can reach it; driver commands come
# from stdin (a file, not a pipe: `drive` must run in this shell to count
# its TAP lines).  Screen dumps go to $T/NAME.out, the raw output to
# $T/NAME.raw.  One TAP line per `pass` reached, and a failing one when the
# driver did not finish well.
drive() {
	name=$1
	shift
	export DB="$T/$name.db"
	cp "$DEMO" "$DB"
	cat > "$T/$name.cmd"
	"$DRIVER" --size 80x24 --timeout "${PTY_TIMEOUT:-10}" --raw "$T/$name.raw" -- \
		"$WARDSAFE_BIN" --lang en --db "$DB" "$@" \
		< "$T/$name.cmd" > "$T/$name.out" 2> "$T/$name.err"
	drc=$?
	shown=false
	grep '^pass ' "$T/$name.cmd" > "$T/$name.steps"
	while IFS= read -r step; do
		if grep -qxF -- "$step" "$T/$name.out"; then
			ok 0 "${step#pass }"
		else
			ok 1 "${step#pass }"
			if ! $shown; then
				sed 's/^/#   /' "$T/$name.err"
				shown=true
			fi
		fi
	done < "$T/$name.steps"
	if [ "$drc" -ne 0 ] && ! $shown; then
		ok 1 "$name: the driver finished (exit $drc)"
		sed 's/^/#   /' "$T/$name.err"
	fi
}
