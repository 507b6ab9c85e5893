#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# license.sh - wardsafe is free software under the GNU GPL, version 3 or
# later (issue 18): COPYING holds the licence, every source file says so in
# an SPDX line near its top, and --version says it in the GNU form.
. "$top_srcdir/tests/lib.sh"

grep -q "GNU GENERAL PUBLIC LICENSE" "$top_srcdir/COPYING" && grep -q "Version 3, 29 June 2007" "$top_srcdir/COPYING"
ok $? "COPYING is the GNU GPL version 3"
missing=
for f in "$top_srcdir"/src/*.c "$top_srcdir"/src/*.h "$top_srcdir"/tests/*.c "$top_srcdir"/tests/*.sh \
	"$top_srcdir"/bench/*.c "$top_srcdir"/bench/run "$top_srcdir"/quickstart.sh "$top_srcdir"/.ci/run; do
	[ -f "$f" ] || continue
	head -3 "$f" | grep -q "SPDX-License-Identifier: GPL-3.0-or-later" || missing="$missing ${f#"$top_srcdir"/}"
done
[ -z "$missing" ]
ok $? "every source file has the SPDX line${missing:+ (missing:$missing)}"
run --lang en --version
expect_rc 0 "--version"
head -1 "$T/out" | grep -Eq '^wardsafe [0-9]+\.[0-9]+'
ok $? "the first line is the name and the version"
expect_grep "$T/out" "Copyright (C) 2026" "a copyright line"
expect_grep "$T/out" "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>." "the licence line"
expect_grep "$T/out" "There is NO WARRANTY, to the extent permitted by law." "the no-warranty line"
finish
