#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-narrative-pty.sh - the editor of the report's texts through a real
# pseudo-terminal (tests/pty-driver): Enter as a terminal sends it (CR),
# Vietnamese typed as raw UTF-8, a real resize (SIGWINCH) that keeps the
# text and wraps it again, Esc answered "no", F2; and a second program
# changing the same section while the editor is open: F2 then asks before
# replacing that text, n saves nothing and keeps what was typed, y replaces
# it; a text deleted meanwhile is saved again as new when the officer says
# so.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pty-lib.sh"

drive texts <<'EOF2'
wait Households with extinguisher
send p
wait Period
key C-u
send 2023-Q3\r
wait Period 2023-Q3
key F10
wait SOCIALIST REPUBLIC OF VIETNAM
send t
wait The report's texts, Q3 2023
send T\u00ecnh h\u00ecnh \u1ed5n \u0111\u1ecbnh tr\u00ean to\u00e0n b\u1ed9 \u0111\u1ecba b\u00e0n ph\u01b0\u1eddng, c\u00e1c t\u1ed5 d\u00e2n ph\u1ed1 \u0111\u1ec1u b\u00e1o c\u00e1o \u0111\u00fang h\u1ea1n.
key Enter
send \u0110o\u1ea1n hai.
wait Đoạn hai.
has I. Situation *
pass typed in UTF-8, Enter (CR) starts a paragraph
has   đúng hạn.
pass the paragraph is wrapped at 80 columns
resize 120x30
wait các tổ dân phố đều báo cáo đúng hạn.
pass a real resize wraps it again, nothing lost
resize 80x24
wait   đúng hạn.
key Esc
wait Close the editor and lose the changes not saved?
send n
gone Close the editor and lose
has Đoạn hai.
pass Esc asks; n keeps the text
key F2
wait Saved the report's texts
pass F2 saves
run "$WARDSAFE_BIN" --db "$DB" edit narrative 1 "text=Đổi bởi người khác"
send  thêm
key F2
wait Replace it with yours?
pass a change made meanwhile by another program: F2 asks before replacing it
send n
wait Not saved: someone else changed or deleted the text
has Đoạn hai. thêm
pass n saves nothing and keeps the text
key F2
wait Replace it with yours?
send y
wait Saved the report's texts
pass y replaces it
key Esc
wait SOCIALIST REPUBLIC OF VIETNAM
has     Đoạn hai. thêm
pass Esc closes without asking; the report shows the text
run "$WARDSAFE_BIN" --db "$DB" list narrative | grep -q "Đoạn hai. thêm"
pass and it is stored
send q
expect-exit 0
restored
pass the terminal is restored
EOF2

drive gone <<'EOF2'
wait Households with extinguisher
run "$WARDSAFE_BIN" --db "$DB" add narrative period=2026-11 section=plans "text=Kế hoạch cũ"
key F10
wait SOCIALIST REPUBLIC OF VIETNAM
send t
wait The report's texts
key BTab
wait Kế hoạch cũ
send  mới
run "$WARDSAFE_BIN" --db "$DB" delete narrative 1
key F2
wait Save yours?
pass the text deleted meanwhile by another program: F2 asks
send y
wait Saved the report's texts
run "$WARDSAFE_BIN" --db "$DB" list narrative | grep -q "plans	Kế hoạch cũ mới"
pass y saves it again as a new record
send q
EOF2
finish
