#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzzers.sh [SECONDS] - the longer fuzzing run: builds the libFuzzer
# targets with clang in a copy of this source tree (the tree itself stays
# configured for gcc), runs each for SECONDS (default 600) over its corpus,
# two at a time, then adds the new inputs that reach new code to
# tests/fuzz/corpus/TARGET here (libFuzzer -merge=1: nothing is removed).
#
#   tests/fuzz/run-fuzzers.sh 600
#
# Needs the Debian packages clang and libclang-rt-14-dev.  A crash or failed
# property stops that target: its input is copied to tests/fuzz/crash-*
# here, the log is printed, and the exit status is 1.  FUZZ_TARGETS limits
# the targets ("csv config period date vnkey text"); FUZZ_JOBS sets how many run
# at once (default: the number of processors, at most 5); KEEP=1 keeps the
# build directory.
set -eu

secs=${1:-600}
top=$(cd "$(dirname "$0")/../.." && pwd)
targets=${FUZZ_TARGETS:-csv config period date vnkey text}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
[ "$jobs" -le 5 ] || jobs=5
command -v clang >/dev/null || { echo "run-fuzzers.sh: clang not found: apt-get install clang libclang-rt-14-dev" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/wardsafe-fuzz.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
echo "run-fuzzers.sh: building in $work"

# The sources as they are now (edited files included), without build
# products: git's list of files when there is one, else everything but
# objects and the configuration of this tree.
src="$work/src"
mkdir -p "$src"
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$top" && git ls-files -z --cached --others --exclude-standard | xargs -0 sh -c \
		'for f; do [ -e "$f" ] && printf "%s\n" "$f"; done' sh) > "$work/files"
	tar -C "$top" -cf - -T "$work/files" | tar -C "$src" -xf -
else
	tar -C "$top" --exclude='*.o' --exclude='*.a' --exclude=config.status --exclude=config.log \
		--exclude=Makefile --exclude=config.h --exclude=autom4te.cache -cf - . | tar -C "$src" -xf -
fi

cd "$src"
(autoreconf -fi && CC=clang ./configure --enable-fuzzing) > "$work/configure.log" 2>&1 \
	|| { tail -n 30 "$work/configure.log"; exit 1; }
make -j"$jobs" fuzz-programs > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; exit 1; }

runs=
for t in $targets; do runs="$runs fuzz-run-$t"; done
status=0
make -k -j"$jobs" $runs FUZZ_SECONDS="$secs" || status=1

# New inputs back into the corpus here: only those that reach new code.
for t in $targets; do
	before=$(ls "$top/tests/fuzz/corpus/$t" | wc -l)
	tests/fuzz/fuzz-$t -merge=1 "$top/tests/fuzz/corpus/$t" "tests/fuzz/corpus/$t" \
		> "tests/fuzz/out/$t-merge.log" 2>&1 || status=1
	after=$(ls "$top/tests/fuzz/corpus/$t" | wc -l)
	echo "fuzz-$t: corpus $before -> $after files"
	for f in tests/fuzz/out/$t-crash-* tests/fuzz/out/$t-timeout-* tests/fuzz/out/$t-leak-* tests/fuzz/out/$t-oom-*; do
		[ -e "$f" ] || continue
		cp "$f" "$top/tests/fuzz/crash-$t-${f##*/$t-}"
		echo "fuzz-$t: found $f, copied to tests/fuzz/crash-$t-${f##*/$t-}" >&2
		status=1
	done
done
exit $status
