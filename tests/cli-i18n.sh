#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cli-i18n.sh - Vietnamese by default, even without a Vietnamese locale;
# English on request.
. "$top_srcdir/tests/lib.sh"

for loc in C.UTF-8 C POSIX; do
	LC_ALL=$loc "$WARDSAFE_BIN" --help > "$T/out" 2>&1
	expect_grep "$T/out" "Cách dùng" "Vietnamese help under LC_ALL=$loc"
	LC_ALL=$loc "$WARDSAFE_BIN" --db "$T/none.db" list group 2> "$T/err"
	expect_grep "$T/err" "lỗi" "Vietnamese errors under LC_ALL=$loc"
done
LANGUAGE=en "$WARDSAFE_BIN" --help > "$T/out" 2>&1
expect_grep "$T/out" "Cách dùng" "\$LANGUAGE does not override the configured language"
run --lang en --help
expect_grep "$T/out" "Usage:" "--lang en gives English"
printf '[general]\nlanguage = en\n' > "$T/en.ini"
run --config "$T/en.ini" --help
expect_grep "$T/out" "Usage:" "language = en gives English"
run --config "$T/en.ini" --lang vi --help
expect_grep "$T/out" "Cách dùng" "--lang outranks the configuration"

# The audit view (A) is translated too: after an edit, each filter's words
# are in the English view and none is left in the Vietnamese one.
demo_db "$T/audit.db"
keys='p<C-u>2023-Q3<Enter><F5><Enter><Tab><Tab><Tab><C-u>2<F2>A<Dump>f<Dump>f<Dump>'
for l in en vi; do
	cp "$T/audit.db" "$T/audit-$l.db"
	printf '%s' "$keys" > "$T/audit.keys"
	WARDSAFE_SCRIPT="$T/audit.keys" WARDSAFE_DUMP="$T/audit-$l.txt" \
		"$WARDSAFE_BIN" --lang $l --db "$T/audit-$l.db" > /dev/null 2>&1
done
missing= left=
for w in "Audit log" "changes made in period" "No change was made" "changes to records dated" "all changes" \
	" changed " " added " "Incident 48, group 6" "Number of incidents: 1 → 2" "Target value" "Filter" "Scroll" "Close"; do
	grep -qF -- "$w" "$T/audit-en.txt" || missing="$missing [$w]"
	grep -qF -- "$w" "$T/audit-vi.txt" && left="$left [$w]"
done
[ -z "$missing" ]; ok $? "the English audit view has the words the check looks for${missing:+ (missing:$missing)}"
[ -z "$left" ]; ok $? "the Vietnamese audit view has none of them${left:+ (left:$left)}"

# Every message has a Vietnamese translation.
if command -v msgfmt >/dev/null; then
	stats=$(msgfmt -c --statistics -o /dev/null "$top_srcdir/po/vi.po" 2>&1)
	case "$stats" in
	*untranslated* | *fuzzy*) ok 1 "po/vi.po is complete ($stats)" ;;
	*) ok 0 "po/vi.po is complete ($stats)" ;;
	esac
	if command -v xgettext >/dev/null; then
		xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o "$T/all.pot" \
			"$top_srcdir"/src/*.c 2>/dev/null
		msgmerge -q -o "$T/merged.po" "$top_srcdir/po/vi.po" "$T/all.pot" 2>/dev/null
		stats=$(msgfmt --statistics -o /dev/null "$T/merged.po" 2>&1)
		case "$stats" in
		*untranslated* | *fuzzy*) ok 1 "every message in the source is translated ($stats)" ;;
		*) ok 0 "every message in the source is translated" ;;
		esac
	fi
else
	echo "ok $((tap_n + 1)) # SKIP msgfmt not installed"; tap_n=$((tap_n + 1))
fi
finish
