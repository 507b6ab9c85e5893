#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# man-i18n.sh - the manual pages of this build (man/gen, Makefile.am): the
# Vietnamese translation (po/man/vi.po, po4a) complete for the English pages
# as they are now, the Vietnamese pages built with the same structure, the
# KEYS section from the action table in both languages, the configured
# paths in both languages, clean rendering, and `make install` putting both
# languages in place.
. "$top_srcdir/tests/lib.sh"

GEN="$top_builddir/man/gen"
PO="$top_srcdir/po/man/vi.po"

# ---- (a) po/man/vi.po translates every message of the English pages
# stats MASTER: "TRANSLATED FUZZY UNTRANSLATED" of po/man/vi.po against the
# messages po4a finds in MASTER now (obsolete entries left out).
stats() {
	po4a-updatepo -f man -M UTF-8 -m "$1" -p "$T/page.pot" > /dev/null 2>&1 || return 1
	msgmerge -q -o "$T/page.po" "$PO" "$T/page.pot" 2>/dev/null || return 1
	msgattrib --no-obsolete -o "$T/page-live.po" "$T/page.po" || return 1
	LC_ALL=C msgfmt --statistics -o /dev/null "$T/page-live.po" 2>&1 |
		awk '{ t = f = u = 0
		       for (i = 1; i < NF; i++) {
			       if ($(i + 1) ~ /^translated/) t = $i
			       if ($(i + 1) ~ /^fuzzy/) f = $i
			       if ($(i + 1) ~ /^untranslated/) u = $i }
		       print t, f, u }'
}
if command -v po4a-updatepo > /dev/null 2>&1 && command -v msgmerge > /dev/null 2>&1; then
	# the KEYS section is not translated by po4a (see po/man/po4a.cfg)
	sed '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/d' "$top_srcdir/man/wardsafe.1" > "$T/wardsafe.1"
	cp "$top_srcdir/man/wardsafe.ini.5" "$T/wardsafe.ini.5"
	for page in wardsafe.ini.5 wardsafe.1; do
		set -- $(stats "$T/$page")
		if [ $# -ne 3 ]; then
			ok 1 "po/man/vi.po can be compared with $page"
			continue
		fi
		total=$(($1 + $2 + $3))
		[ "$total" -ge 50 ]; ok $? "po4a finds the messages of $page ($total)"
		if [ "$2" -eq 0 ] && [ "$3" -eq 0 ]; then
			ok 0 "po/man/vi.po translates all $total messages of $page"
		else
			ok 1 "po/man/vi.po translates every message of $page: $1 of $total translated, $2 fuzzy, $3 untranslated (make update-man-po, then translate po/man/vi.po)"
		fi
	done
else
	skip "po/man/vi.po is complete" "po4a or gettext is not installed"
fi
msgfmt -c -o /dev/null "$PO"; ok $? "po/man/vi.po is a valid catalog"

# ---- (b) the pages of this build exist, in both languages
for p in man1/wardsafe.1 man5/wardsafe.ini.5 vi/man1/wardsafe.1 vi/man5/wardsafe.ini.5; do
	[ -s "$GEN/$p" ]; ok $? "man/gen/$p is built"
done

# the Vietnamese section names, and the same structure as the English page
for p in man1/wardsafe.1 man5/wardsafe.ini.5; do
	for sh in "TÊN" "TÓM TẮT" "MÔ TẢ" "TỆP" "XEM THÊM"; do
		grep -Eq "^\\.SH \"?$sh\"?\$" "$GEN/vi/$p"
		ok $? "the Vietnamese $(basename $p) has the section $sh"
	done
	for m in SH SS TP IP; do
		en=$(grep -c "^\\.$m\\( \\|\$\\)" "$GEN/$p")
		vi=$(grep -c "^\\.$m\\( \\|\$\\)" "$GEN/vi/$p")
		[ "$en" -eq "$vi" ]; ok $? "the Vietnamese $(basename $p) has as many .$m as the English ($vi, $en)"
	done
done
grep -q '^\.\\" -\*- coding: UTF-8 -\*-' "$GEN/vi/man1/wardsafe.1" && grep -q '^\.\\" -\*- coding: UTF-8 -\*-' "$GEN/vi/man5/wardsafe.ini.5"
ok $? "the Vietnamese pages declare their encoding for man(1)"

# ---- (c) the KEYS section comes from the action table in both languages
keys_of() { sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$1" | sed '1d;$d'; }
"$WARDSAFE_BIN" --lang vi keys --roff --translated > "$T/keys-vi.roff"
keys_of "$GEN/vi/man1/wardsafe.1" > "$T/keys-vi.man"
[ -s "$T/keys-vi.roff" ]; ok $? "keys --roff --translated gives the key list"
expect_same "$T/keys-vi.man" "$T/keys-vi.roff" "the KEYS section of the Vietnamese wardsafe.1 is the translated key table"
"$WARDSAFE_BIN" --lang vi keys --roff > "$T/keys-en.roff"
! cmp -s "$T/keys-en.roff" "$T/keys-vi.roff"; ok $? "the translated key table differs from the English one"
# \[u1EDE] m\[u1ECD]i n\[u01A1]i = "Ở mọi nơi", the first heading in Vietnamese
expect_grep "$T/keys-vi.roff" '.SS "\[u1EDE] m\[u1ECD]i n\[u01A1]i' "the Vietnamese key table has Vietnamese headings"
keys_of "$GEN/man1/wardsafe.1" > "$T/keys-en.man"
expect_same "$T/keys-en.man" "$T/keys-en.roff" "the KEYS section of the English wardsafe.1 is the key table"

# ---- (d) the paths of this build, in both languages
for p in man1/wardsafe.1 man5/wardsafe.ini.5 vi/man1/wardsafe.1 vi/man5/wardsafe.ini.5; do
	grep -qF "$ws_sysconfdir/wardsafe.ini" "$GEN/$p" && grep -qF "$ws_pkgdatadir/wardsafe.ini.sample" "$GEN/$p"
	ok $? "man/gen/$p names $ws_sysconfdir/wardsafe.ini and $ws_pkgdatadir"
	if [ "$ws_sysconfdir" != /etc ]; then
		! grep -Eq '(^| |\()/etc/wardsafe\.ini' "$GEN/$p"; ok $? "man/gen/$p does not name /etc/wardsafe.ini"
	fi
	if [ "$ws_pkgdatadir" != /usr/share/wardsafe ]; then
		! grep -Eq '(^| |\()/usr/share/wardsafe' "$GEN/$p"; ok $? "man/gen/$p does not name /usr/share/wardsafe"
	fi
done

# ---- (e) the pages render cleanly
for p in man1/wardsafe.1 man5/wardsafe.ini.5 vi/man1/wardsafe.1 vi/man5/wardsafe.ini.5; do
	if command -v groff > /dev/null 2>&1; then
		groff -Kutf-8 -man -ww -z -Tutf8 "$GEN/$p" > /dev/null 2> "$T/groff.err"
		[ ! -s "$T/groff.err" ]; ok $? "man/gen/$p renders without groff warnings"
		sed 's/^/#   /' "$T/groff.err" | head -5
	else
		skip "man/gen/$p renders without groff warnings" "groff is not installed"
	fi
	if command -v mandoc > /dev/null 2>&1; then
		mandoc -Tlint -W warning "$GEN/$p" > "$T/lint" 2>&1
		[ ! -s "$T/lint" ]; ok $? "mandoc -Tlint -W warning: nothing on man/gen/$p"
		sed 's/^/#   /' "$T/lint" | head -5
	else
		skip "mandoc -Tlint on man/gen/$p" "mandoc is not installed (Debian package mandoc)"
	fi
done
if command -v man > /dev/null 2>&1; then
	MANWIDTH=80 man -l "$GEN/vi/man5/wardsafe.ini.5" > "$T/man.txt" 2> /dev/null
	expect_grep "$T/man.txt" "tệp cấu hình của wardsafe" "man -l shows the Vietnamese wardsafe.ini(5)"
else
	skip "man -l shows the Vietnamese page" "man is not installed"
fi

# ---- (f) make install puts both languages in place
if [ -f "$top_builddir/Makefile" ]; then
	${MAKE:-make} -s -C "$top_builddir" install-data DESTDIR="$T/dest" > "$T/install.log" 2>&1
	ok $? "make install-data DESTDIR=..."
	for p in man1/wardsafe.1 man5/wardsafe.ini.5 vi/man1/wardsafe.1 vi/man5/wardsafe.ini.5; do
		f=$(find "$T/dest" -path "*/man/$p" | head -n 1)
		[ -n "$f" ] && cmp -s "$f" "$GEN/$p"; ok $? "make install installs man/$p"
	done
else
	skip "make install installs both languages" "no Makefile in the build directory"
fi
finish
