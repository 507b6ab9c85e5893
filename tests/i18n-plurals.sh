#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# i18n-plurals.sh - every count a user reads goes through ngettext: no
# message that is not a plural entry has a number conversion (%d, %ld, %zu,
# ...) directly followed by a countable English noun ("1 problems",
# "1 people").  The nouns are recognised by their plural form (a word ending
# in s, or an irregular plural) after the number, "more" allowed between.
. "$top_srcdir/tests/lib.sh"

if ! command -v xgettext >/dev/null; then
	skip "counts use ngettext" "xgettext not installed"
	finish
fi
xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --from-code=UTF-8 --no-wrap \
	-o "$T/all.pot" "$top_srcdir"/src/*.c 2>/dev/null
ok $? "xgettext reads the sources"

# Messages where the number before the word is not a count that can be 1,
# each after the reason (lines starting with # are reasons).
cat > "$T/allow" <<'EOF'
# an id ("group 12 refers to ..."), not a count
%s %lld refers to a missing %s record
# the constant MAX_LINE (1000)
%s:%d: line is longer than %d bytes
# the constant SETTINGS_MAX_SIZE (1 MiB)
%s: the file is larger than %d bytes (1 MiB), too large for a configuration file; check that this is the right file
# the constant CSV_MAX_FIELD (1 MiB)
%s:%ld: a field is longer than %d bytes; this is not a file of records
# the constant IMPORT_SPACE_FACTOR (4), a factor
the disk is full: this import needs about %s (%d times the size of its CSV files) for %s, but only %s is free in %s; nothing was imported; free some space and import again
# the constant HISTORY_MONTHS (24)
Last %d months, %s–%s:
EOF
grep -v '^#' "$T/allow" > "$T/allowed"

# One line per message that is not a plural entry: its msgid.
awk '
	function flush() { if (id != "" && !plural) print id; id = ""; plural = 0; inid = 0 }
	/^$/ { flush(); next }
	/^msgid_plural / { plural = 1; inid = 0; next }
	/^msgid / { id = substr($0, 8); inid = 1; next }
	/^"/ && inid { id = id $0; next }
	{ inid = 0 }
	END { flush() }
' "$T/all.pot" | sed 's/^"//; s/"$//; s/""//g' > "$T/msgids"
[ -s "$T/msgids" ]; ok $? "the catalog template has messages"

# A number conversion, a blank, maybe "more", then a word that is a plural
# noun; words ending in s that are not nouns are left out.
grep -E '%[-+ 0#]*[0-9]*(hh|h|ll|l|j|z|t)?[diu] (more )?([A-Za-z]+s|people|children)\b' "$T/msgids" |
	grep -vE '%[-+ 0#]*[0-9]*(hh|h|ll|l|j|z|t)?[diu] (more )?(is|was|has|as|its|this|does|yes|us|plus)\b' |
	grep -vxF -f "$T/allowed" > "$T/bad" || true
if [ -s "$T/bad" ]; then
	ok 1 "every count in a message uses ngettext"
	sed 's/^/#   without a plural form: /' "$T/bad"
else
	ok 0 "every count in a message uses ngettext"
fi

# The check itself finds a count without a plural form.
printf 'msgid "%%zu problems, %%zu warnings"\n' > "$T/probe"
grep -qE '%[-+ 0#]*[0-9]*(hh|h|ll|l|j|z|t)?[diu] (more )?([A-Za-z]+s|people|children)\b' "$T/probe"
ok $? "the check recognises \"%zu problems\""

# English counts of one read as English.
DB="$T/one.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward X
ws add --force group code=1 name=A households=1 residents=1 date=2026-01-01
ws add survey group=1 date=2026-02-01 surveyed=2 with_extinguisher=1
expect_grep "$T/err" "more than the 1 household of group 1" "1 household in a validation message"
ws check
expect_grep "$T/out" "0 problems, 1 warning" "check: 0 problems, 1 warning"
printf 'group,date,surveyed,with_extinguisher\n1,2026-03-01,1,0\n' > "$T/survey.csv"
ws import --dry-run "$T/survey.csv"
expect_grep "$T/out" "Dry run: 1 record would be imported" "a dry run of 1 record"
ws import "$T/survey.csv"
expect_grep "$T/out" "Imported 1 record (1 new" "1 record imported"
ws summary --period 2026-03
expect_grep "$T/out" "Households with a fire extinguisher: 1 household still missing to reach 75%" "1 household still missing"
ws add --force population group=1 date=2026-03-01 households=1 residents=3
ws add app114 group=1 date=2026-03-01 installs=0
ws summary --period 2026-03
expect_grep "$T/out" "Residents using the Báo cháy 114 app: 1 person still missing to reach 20%" "1 person still missing"

finish
