#!/bin/sh
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
