#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz.sh - each fuzz target of tests/fuzz run over its saved corpus
# (tests/fuzz/corpus/TARGET) by its corpus runner, built with the normal
# compiler: no crash and no failed property on any saved input, including
# the inputs of bugs found by fuzzing.  One assertion per target.  Longer
# fuzzing with libFuzzer: tests/fuzz/run-fuzzers.sh (README, Fuzzing).
. "$top_srcdir/tests/lib.sh"

for t in csv config period date vnkey text; do
	prog="$top_builddir/tests/fuzz/fuzz-$t-corpus"
	n=$("$prog" "$top_srcdir/tests/fuzz/corpus/$t" 2>"$T/$t.err")
	rc=$?
	if [ "$rc" -eq 0 ] && [ "${n:-0}" -gt 0 ]; then
		ok 0 "fuzz-$t: $n corpus files, no crash"
	else
		ok 1 "fuzz-$t: corpus files, no crash (exit $rc)"
		tail -n 20 "$T/$t.err" | sed 's/^/#   /'
	fi
done
finish
