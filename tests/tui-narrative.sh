#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-narrative.sh - the editor of the report's texts on the Reports screen
# (issue 15), in scripted mode at 80x24: t opens it on the period, Telex
# typing, wrapping at spaces, Enter for a new paragraph, a resize that only
# wraps the text again, Esc that asks and keeps the text on "no", F2 that
# saves the records (kind narrative) and shows the report with them, Esc
# with "yes" that drops a change, a section emptied and saved deleted, and
# the confirmation a closed period (its report issued) asks for.
. "$top_srcdir/tests/lib.sh"

DB="$T/demo.db"
demo_db "$DB"
ws() { run --lang en --db "$DB" "$@"; }
LONG='Tifnh hifnh an ninh traajt tuwj treen ddiaj banf phuwowngf cow banr oorn ddinhj, khoong xayr ra vuj vieecj phuwcs tapj.'

screens edit "p<C-u>2023-Q3<Enter><F10>t<Dump><C-t>$LONG<Enter>DDoanj hai.<Dump><Resize 120x30><Dump><Resize 80x24><Esc><Dump>n<Dump><F2><Dump><Esc><Dump>q" --lang en --db "$DB"
expect_rc 0 "the editor runs and the program ends"
csplit -s -f "$T/edit-" "$T/edit.txt" '/^-- screen /' '{*}'
expect_grep "$T/edit-01" "The report's texts, Q3 2023" "t opens the texts of the period"
expect_grep "$T/edit-01" " I. Situation   III. Shortcomings   IV. Tasks ahead" "its three sections"
expect_grep "$T/edit-02" "  Tình hình an ninh trật tự trên địa bàn phường cơ bản ổn định, không xảy ra" \
	"Telex typing, wrapped at a space within 76 columns"
expect_grep "$T/edit-02" "  vụ việc phức tạp." "the rest of the paragraph on the next line"
expect_grep "$T/edit-02" "  Đoạn hai." "Enter started a new paragraph"
expect_grep "$T/edit-02" "I. Situation *" "the changed section is marked"
expect_grep "$T/edit-02" "Not saved" "and said not saved"
expect_grep "$T/edit-03" "  Tình hình an ninh trật tự trên địa bàn phường cơ bản ổn định, không xảy ra vụ việc phức tạp." \
	"at 120 columns the paragraph is wrapped again, on one line (100 columns at most)"
expect_grep "$T/edit-04" "Close the editor and lose the changes not saved?" "Esc asks before dropping the change"
expect_grep "$T/edit-05" "  vụ việc phức tạp." "n keeps the text, wrapped at 80 again after the resize"
expect_grep "$T/edit-06" "Saved the report's texts" "F2 saves"
expect_no_grep "$T/edit-06" "I. Situation *" "nothing is marked changed after it"
expect_grep "$T/edit-07" "I. Situation" "Esc closes without asking: the report shows part I"
expect_grep "$T/edit-07" "    Tình hình an ninh trật tự" "with the paragraph"
ws list narrative
expect_grep "$T/out" "2023-Q3	situation	Tình hình an ninh trật tự trên địa bàn phường cơ bản ổn định, không xảy ra vụ việc phức tạp.\\x0aĐoạn hai." \
	"the record holds both paragraphs, one line break between them"

screens drop "p<C-u>2023-Q3<Enter><F10>t<Tab><Tab>Keeps nothing<Esc><Dump>y<Dump>q" --lang en --db "$DB"
csplit -s -f "$T/drop-" "$T/drop.txt" '/^-- screen /' '{*}'
expect_grep "$T/drop-01" "Close the editor and lose the changes not saved?" "a change in the third section: Esc asks"
expect_no_grep "$T/drop-02" "The report's texts" "y closes the editor"
ws list narrative
expect_no_grep "$T/out" "plans" "and nothing was saved"

screens del "p<C-u>2023-Q3<Enter><F10>t<Tab><Tab>abc<F2><Esc>t<S-Tab><C-u><F2><Dump><Esc>q" --lang en --db "$DB"
ws list narrative
expect_no_grep "$T/out" "plans" "a section emptied and saved is deleted"
expect_grep "$T/out" "situation" "the others stay"
sqlite3 "$DB" "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE tbl = 'narrative' ORDER BY id)" > "$T/acts" 2>/dev/null &&
	{ [ "$(cat "$T/acts")" = "insert insert delete" ]; ok $? "the audit log: insert, insert, delete ($(cat "$T/acts"))"; } ||
	skip "the audit log" "no sqlite3 shell"
# ---- a closed period: its report was issued; a change needs a confirmation
ws add closing period=2023-Q3
screens closed "p<C-u>2023-Q3<Enter><F10>t<Tab>Chưa đạt<F2><Dump>n<Dump><F2>y<Dump><Esc>q" --lang en --db "$DB"
csplit -s -f "$T/closed-" "$T/closed.txt" '/^-- screen /' '{*}'
expect_grep "$T/closed-01" "the report of period 2023-Q3 was" "F2 in a closed period names the issued report"
expect_grep "$T/closed-01" "save anyway?" "and asks"
expect_grep "$T/closed-02" "Not saved: a warning was not confirmed" "n saves nothing"
expect_grep "$T/closed-02" "  Chưa đạt" "and keeps the text"
expect_grep "$T/closed-03" "Saved the report's texts" "F2 then y saves"
ws list narrative
expect_grep "$T/out" "2023-Q3	problems	Chưa đạt" "the text is stored"
ws audit --format tsv
expect_grep "$T/out" "narrative" "and the change is in the audit log"

screens help "p<C-u>2023-Q3<Enter><F10>t<F1><Dump><Esc><Esc>q" --lang en --db "$DB"
expect_grep "$T/help.txt" "In the editor of the report's texts" "F1 in the editor lists its keys"
expect_grep "$T/help.txt" "Start a new paragraph" "Enter among them"
finish
