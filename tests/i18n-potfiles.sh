#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# i18n-potfiles.sh - po/POTFILES.in names every source file with a message
# for translation (_(), N_(), ngettext), so that `make update-po` keeps
# their Vietnamese; and it names no file that is gone.
. "$top_srcdir/tests/lib.sh"

LIST="$top_srcdir/po/POTFILES.in"
missing=
for f in "$top_srcdir"/src/*.c; do
	rel=src/${f##*/}
	if grep -q '_(\|N_(\|ngettext' "$f" && ! grep -qxF "$rel" "$LIST"; then
		missing="$missing $rel"
	fi
done
[ -z "$missing" ]
ok $? "po/POTFILES.in lists every source file with messages${missing:+ (missing:$missing)}"
gone=
while IFS= read -r f; do
	case $f in ''|'#'*) continue ;; esac
	[ -f "$top_srcdir/$f" ] || gone="$gone $f"
done < "$LIST"
[ -z "$gone" ]
ok $? "po/POTFILES.in names no file that does not exist${gone:+ (gone:$gone)}"
finish
