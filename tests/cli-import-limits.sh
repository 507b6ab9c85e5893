#!/bin/sh
# cli-import-limits.sh - imports at the limits: quotes in the wrong place.
. "$top_srcdir/tests/lib.sh"

DB="$T/w.db"
ws() { run --lang en --db "$DB" "$@"; }
ws init --ward "Lam Sơn"
printf 'code,name,active,households,residents,date\n1,Tổ 1,yes,200,720,2023-01-01\n' > "$T/group.csv"
ws import "$T/group.csv"
expect_rc 0 "a group to refer to"

# ---------------------------------------------------------------------------
# Quotes (RFC 4180).
# ---------------------------------------------------------------------------
printf 'group,date,category,count,note\n1,2023-05-01,theft,1,"ab"cd\n1,2023-05-02,theft,1,ab"cd\n1,2023-05-03,theft,1,"say ""hi"", then go"\n' > "$T/incident-q.csv"
ws import "$T/incident-q.csv"
expect_rc 1 "text after a closing quote is refused"
expect_grep "$T/err" "incident-q.csv:2: column 5: a quote in the wrong place" "with its line and column"
expect_grep "$T/err" "incident-q.csv:3: column 5: a quote in the wrong place" "a quote inside an unquoted field too"
expect_no_grep "$T/err" "incident-q.csv:4:" "doubled quotes in a quoted field are fine"
printf 'group,date,category,count,note\n1,2023-05-03,theft,1,"say ""hi"", then go"\n"1",2023-05-04,theft,1,"two\nlines"\n1,2023-05-05,theft,1,"x"y\n' > "$T/incident-q.csv"
ws import "$T/incident-q.csv"
expect_grep "$T/err" "incident-q.csv:5: column 5: a quote in the wrong place" "the line counts the quoted line end"
printf 'group,date,category,count,note\n1,2023-05-03,theft,1,"say ""hi"", then go"\n' > "$T/incident-q.csv"
ws import --force "$T/incident-q.csv"
expect_rc 0 "a file with doubled quotes is imported"
ws list incident
expect_grep "$T/out" 'say "hi", then go' "with the quotes read as RFC 4180 says"

finish
