#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tui-screens.sh - the screens in scripted mode ($WARDSAFE_SCRIPT): keys from
# a file, the screen dumped as text and compared with expected dumps made on
# the demo ward; the database is checked through the commands afterwards.
. "$top_srcdir/tests/lib.sh"

SCREENS="$EXPECTED/screens"
# The operator is shown on every screen: fix it.
printf '[general]\noperator = Trung úy Kiểm Thử\n' > "$T/test.ini"
export WARDSAFE_CONFIG="$T/test.ini"
DB="$T/demo.db"
demo_db "$DB"

ws() { "$WARDSAFE_BIN" --lang en --db "$DB" "$@"; }

# ---- every screen on the demo ward, Q3 2023
screens all 'p<C-u>2023-Q3<Enter><Dump><F3><Dump><F4><Dump><Tab><Dump><F5><Dump><F6><Dump><F7><Dump><F8><Dump><F9><Dump><F10><Dump>q' --lang en --db "$DB"
expect_rc 0 "the screens run from a key script"
same_dump all "overview and every screen (English, 80x24)"
screens letters 'p<C-u>2023-Q3<Enter>G<Dump>V<Dump>D<Dump>' --lang en --db "$DB"
grep -qi "residential group" "$T/letters.txt" && grep -q "Incident" "$T/letters.txt"
ok $? "screens are also reached by a letter (G, V, D)"
screens vi 'p<C-u>2023-Q3<Enter><Dump><F4><Dump>' --db "$DB"
same_dump vi "overview and data entry in Vietnamese (the default)"
COLUMNS=120 LINES=30 screens wide 'p<C-u>2023-Q3<Enter><Dump><F3><Dump>' --lang en --db "$DB"
same_dump wide "a 120x30 terminal gets progress bars and more rows"

# ---- help, period, resize, small terminal
screens help '<F1><Dump><Esc><F4><F1><Dump><Esc>' --lang en --db "$DB"
same_dump help "F1 shows the keys of the current screen"
screens period 'p<C-u>2023-09<Enter>]<Dump>[[<Dump>p<C-u>nonsense<Enter><Dump>' --lang en --db "$DB"
grep -q "Period 2023-10" "$T/period.txt" && grep -q "Period 2023-08" "$T/period.txt"
ok $? "] and [ move to the next and previous month"
expect_grep "$T/period.txt" "'nonsense' is not a period" "a bad period is refused with a message"
screens small '<Resize 60x20><Dump><Resize 80x24><Dump>' --lang en --db "$DB"
expect_grep "$T/small.txt" "too small (60x20)" "a small terminal gets a clear message"
grep -q "Overview" "$T/small.txt"; ok $? "and the screen comes back when it is large enough"

# ---- a form: refused, kept, corrected, saved
screens form '<F4>a<F4>9<Enter><Tab>999<Tab>5<F2><Dump><C-u>170<Tab><C-u>150<F2><Dump>y<Dump>' --lang en --db "$DB"
same_dump form "survey form: the refusal keeps the input and points at the field; warnings ask"
ws list survey --group 9 --period 2026-11 > "$T/out"
expect_grep "$T/out" "9	2026-11-24	170	150" "the confirmed survey is saved"

# ---- resize inside a form keeps what was typed
screens resize '<F3>a12A<Tab>Tổ mới<Resize 100x30><Dump><Resize 80x24><Tab>Bà Lê<Dump><Esc><Dump>y' --lang en --db "$DB"
expect_grep "$T/resize.txt" "Tổ mới" "text typed before a resize is kept"
[ "$(grep -c "Tổ mới" "$T/resize.txt")" -ge 2 ]; ok $? "and after it"
expect_grep "$T/resize.txt" "lose what was typed" "Esc on a typed form asks first"
ws list group > "$T/out"
expect_no_grep "$T/out" "12A" "a cancelled form saves nothing"

# ---- built-in Telex: typed keys become Vietnamese text, stored in NFC
screens telex '<F3>a13<Tab><C-t>Toor daan phoos 13<Tab>Nguyeenx Vawn Hungf<Tab><C-t><C-t><Dump><F2>' --lang en --db "$DB"
expect_grep "$T/telex.txt" "Tổ dân phố 13" "Telex typing in the name field"
expect_grep "$T/telex.txt" "Nguyễn Văn Hùng" "and in the leader field"
ws list group > "$T/out"
expect_grep "$T/out" "13	Tổ dân phố 13	Nguyễn Văn Hùng	yes" "the group is saved"
screens vni '<F3>a14<Tab><C-t><C-t>To63 14 phu7o7ng2<F2>' --lang en --db "$DB"
ws list group > "$T/out"
expect_grep "$T/out" "14	Tổ 14 phường" "VNI typing (6 for the circumflex, 3 for the tone, 7 and 2 for ương)" 

# ---- search without case or accents, delete with a confirmation
screens search '<F3>/thu ha<Enter><Dump>' --lang en --db "$DB"
expect_grep "$T/search.txt" "5/" "'thu ha' finds 'Lê Thị Thu Hà' (line 5)"
before=$(ws list incident | wc -l)
screens delete 'p<C-u>2023-Q3<Enter><F5><Del><Dump>n<Del>y<Dump>' --lang en --db "$DB"
expect_grep "$T/delete.txt" "Delete incident" "delete says what will be removed"
[ "$(ws list incident | wc -l)" -eq $((before - 1)) ]; ok $? "n keeps it, y deletes exactly one incident"
expect_grep "$T/delete.txt" "Deleted incident" "and says so"

# ---- first run on an empty database
NEW="$T/new.db"
screens first '<Dump>Phường Mới<Tab><Tab><Tab>CÔNG AN PHƯỜNG MỚI<F2><Dump>y1<Tab>Tổ 1<Tab><Tab><Tab><Tab>150<Tab>520<F2><Dump>n<Dump>' --lang en --db "$NEW"
expect_rc 0 "the screens create a new database"
expect_grep "$T/first.txt" "New ward" "an empty database opens the ward form"
"$WARDSAFE_BIN" --db "$NEW" list ward > "$T/out"
expect_grep "$T/out" "Phường Mới" "the ward is saved"
"$WARDSAFE_BIN" --db "$NEW" list population > "$T/out"
expect_grep "$T/out" "1	2026-11-24	150	520" "the first group with its population"

# ---- the reports screen: save, change the details, print without a shell
screens rsave "p<C-u>2023-Q3<Enter><F10><Dump>w<C-u>$T/bc.pdf<Enter><Dump>Lê Văn Bình<Enter><Dump>" --lang en --db "$DB"
expect_grep "$T/rsave.txt" "SOCIALIST REPUBLIC OF VIETNAM" "F10 shows the report of the period"
expect_grep "$T/rsave.txt" "The report has no signer's name; name of the signer" \
	"without [report] signer_name, w asks for the signer's name first (Decree 30)"
expect_grep "$T/rsave.txt" "Report saved to" "w saves it"
expect_grep "$T/rsave.txt" "set [report] signer_name in the configuration" \
	"saying the name is not written to the configuration"
[ -s "$T/bc.pdf" ] && [ "$(head -c 4 "$T/bc.pdf")" = "%PDF" ]; ok $? "as a PDF when the name ends in .pdf"
if command -v pdftotext > /dev/null; then
	pdftotext "$T/bc.pdf" - | grep -q "Lê Văn Bình"; ok $? "with the name typed under the signature"
else
	skip "with the name typed under the signature" "poppler-utils is not installed"
fi
screens rsave-esc "p<C-u>2023-Q3<Enter><F10>w<C-u>$T/esc.pdf<Enter><Esc><Dump>" --lang en --db "$DB"
[ ! -e "$T/esc.pdf" ]; ok $? "Esc at the signer's name saves nothing"
printf '[report]\nsigner_name = Lê Văn Bình\n' > "$T/signer.ini"
WARDSAFE_CONFIG="$T/signer.ini" screens rsave-named "p<C-u>2023-Q3<Enter><F10>w<C-u>$T/named.pdf<Enter><Dump>" --lang en --db "$DB"
expect_grep "$T/rsave-named.txt" "Report saved to" "with signer_name set, w saves without asking"
expect_no_grep "$T/rsave-named.txt" "no signer's name" "and asks nothing"
screens rsave2 "p<C-u>2023-Q3<Enter><F10>w<C-u>$T/bc.pdf<Enter><Dump>n" --lang en --db "$DB"
expect_grep "$T/rsave2.txt" "already exists" "an existing file is only replaced after a confirmation"
screens rdetails "p<C-u>2023-Q3<Enter><F10>e<C-u>15/BC-CAP<Enter><Enter><Enter><C-u>Nguyễn Văn Đệ<Enter><Esc><Dump><End><Dump>" --lang en --db "$DB"
expect_grep "$T/rdetails.txt" "No.: 15/BC-CAP" "e changes the report number"
expect_grep "$T/rdetails.txt" "Nguyễn Văn Đệ" "and the signer's name (at the end of the report)"
screens rauth "p<C-u>2023-Q3<Enter><F10>e<Enter><Enter><Enter><C-u>Nguyễn Văn Đệ<Enter><Enter><C-u>KT. TRƯỞNG CÔNG AN PHƯỜNG<Enter><End><Dump>" --lang en --db "$DB"
grep -A1 "KT. TRƯỞNG CÔNG AN PHƯỜNG" "$T/rauth.txt" | sed -n 2p | grep "  TRƯỞNG CÔNG AN PHƯỜNG$" | grep -vq "KT\."
ok $? "e also sets the signer's authority, printed above the title"
mkdir -p "$T/printed"
printf '[general]\noperator = Trung úy Kiểm Thử\n[report]\nprint_command = cp -t %s/printed\n' "$T" > "$T/print.ini"
WARDSAFE_CONFIG="$T/print.ini" screens rprint "p<C-u>2023-Q3<Enter><F10>P<Dump>y<Dump>Lê Văn Bình<Enter><Dump>" --lang en --db "$DB"
expect_grep "$T/rprint.txt" "The report has no signer's name" "P asks for the signer's name too"
expect_grep "$T/rprint.txt" "Send the report to the printer?" "P asks before printing"
expect_grep "$T/rprint.txt" "sent to the printer" "and runs the print command"
[ "$(head -c 4 "$T"/printed/*.pdf 2>/dev/null)" = "%PDF" ]; ok $? "the print command got the PDF as its last argument"
printf '[report]\nprint_command = sh -c "touch %s/pwned" ; touch %s/pwned2\n' "$T" "$T" > "$T/evil.ini"
WARDSAFE_CONFIG="$T/evil.ini" screens revil "p<C-u>2023-Q3<Enter><F10>PyLê Văn Bình<Enter>" --lang en --db "$DB"
[ ! -e "$T/pwned2" ]; ok $? "the print command is not run through a shell (no ; chaining)"

# ---- several --db: the roll-up screen, read-only
R1="$T/r1.db" R2="$T/r2.db"
demo_db "$R1"
demo_db "$R2"
"$WARDSAFE_BIN" --db "$R2" add ward name="Phường Hai" > /dev/null
sha256sum "$R1" "$R2" > "$T/rollup-before"
ROLLUP_KEYS='p<C-u>2023-Q3<Enter><Dump><Right><Right><Right><Right><Dump><Down><Enter><Dump><Esc><End><Enter><Dump><Esc><F1><Dump><Esc>[<Dump><Resize 120x30><Dump>q'
cd "$T" # the details show the file as given: the same in every run
screens rollup "$ROLLUP_KEYS" --lang en --db r1.db --db r2.db
expect_rc 0 "--db twice starts the roll-up screen"
same_dump rollup "wards and total, other columns, a ward's and the total's details, help, [ and a wide terminal"
screens rollup-vi 'p<C-u>2023-Q3<Enter><Dump>' --db r1.db --db r2.db
same_dump rollup-vi "the roll-up in Vietnamese (the default)"
cd - > /dev/null
expect_grep "$T/rollup.txt" "Previous 2023-Q2" "the comparison with the previous period"
expect_grep "$T/rollup.txt" "Roll-up of 2 wards │ Period 2023-Q2" "[ moves the roll-up to the previous quarter"
expect_grep "$T/rollup.txt" "In the roll-up" "F1 lists the roll-up's keys"
# F10 is Reports everywhere (issue 13): the roll-up has none, so it says so
# and stays; q leaves.
screens rollup-f10 '<F10><Dump>q' --lang en --db "$R1" --db "$R2"
expect_rc 0 "F10 then q in the roll-up"
expect_grep "$T/rollup-f10.txt" "No report screen in the roll-up" "F10 in the roll-up says there is no report screen and does not quit"
screens rollup-keys 'AD<F3>a<Dump>' --lang en --db "$R1" --db "$R2"
expect_no_grep "$T/rollup-keys.txt" "Residential groups" "the record screens cannot be reached from the roll-up"
sha256sum "$R1" "$R2" > "$T/rollup-after"
expect_same "$T/rollup-after" "$T/rollup-before" "the databases are byte for byte the same after the roll-up screens"
screens rollup-bad '<Dump>' --lang en --db "$R1" --db "$T/none.db"
[ "$rc" -eq 3 ] && [ ! -s "$T/rollup-bad.txt" ]; ok $? "a missing database stops the roll-up before the screen starts"
expect_grep "$T/rollup-bad.err" "none.db: there is no such file" "and says which"

# ---- names, not codes, in Vietnamese (the default) at 80x24 (issue 13)
NDB="$T/names.db"
demo_db "$NDB"
screens n-inc 'p<C-u>2023-Q3<Enter><F5><Dump>' --db "$NDB"
grep -qF "Lừa đảo chiếm đo" "$T/n-inc.txt" && ! grep -qwE "fraud|assault|theft" "$T/n-inc.txt"
ok $? "incidents: the category by name, not by code"
screens n-incform 'p<C-u>2023-Q3<Enter><F5><Enter><Dump><Tab><Tab><F4><Dump>' --db "$NDB"
grep -qE "Loại vụ việc \* +Lừa đảo chiếm đoạt tài sản" "$T/n-incform.txt" && grep -qE "Tổ \* +Tổ dân phố 6 " "$T/n-incform.txt"
ok $? "incident form: the category and the group by name"
grep -qF "│ Cố ý gây thương tích " "$T/n-incform.txt" && ! grep -qwE "fraud|assault|theft|gambling|public_disorder" "$T/n-incform.txt"
ok $? "category picker: names only (the codes are found by typing)"
screens n-code 'p<C-u>2023-Q3<Enter><F5><Enter><Tab><Tab><F4>assault<Dump>' --db "$NDB"
grep -qF "│ Cố ý gây thương tích " "$T/n-code.txt" && ! grep -qF "│ Lừa đảo" "$T/n-code.txt" && grep -qF " 1/1 │" "$T/n-code.txt"
ok $? "category picker: typing a code finds its name (the code itself is not shown)"
screens n-out 'p<C-u>2023-Q3<Enter><F6><Dump>d<Dump><Esc>' --db "$NDB"
grep -qE "^04/07/2023 hội nghị " "$T/n-out.txt" && ! grep -qwE "meeting|radio|mobile" "$T/n-out.txt"
ok $? "outreach: the kind by name, in the list and in the delete prompt"
expect_grep "$T/n-out.txt" "Loại hội nghị, Số lượt 1?" "the delete prompt names the kind"
screens n-fire 'p<C-u>2023-Q3<Enter><F7><Dump>' --db "$NDB"
grep -qF "tổ liên gia PCCC" "$T/n-fire.txt" && grep -qF "điểm chữa cháy công cộng" "$T/n-fire.txt" && ! grep -qwE "team|point" "$T/n-fire.txt"
ok $? "fire teams: team and point by name"
screens n-target '<F9><Dump><Enter><Tab><F4><Dump>' --db "$NDB"
grep -qE "^2023 +Cam kết về ANTT +100%$" "$T/n-target.txt" && grep -qE "^2023 +Hộ có bình chữa cháy +75%$" "$T/n-target.txt" &&
	! grep -qF "antt_commitment" "$T/n-target.txt"
ok $? "targets: the indicator by name, the value with %"
grep -qF "│ Hộ có bình chữa cháy " "$T/n-target.txt" && ! grep -qF "extinguisher" "$T/n-target.txt"
ok $? "indicator picker: names only, no '(extinguisher)'"
screens n-group '<F3><Enter><Dump><Tab><Tab><Tab><F4><Dump>' --db "$NDB"
grep -qE "Đang hoạt động +có " "$T/n-group.txt" && ! grep -qwE "yes|no" "$T/n-group.txt"
ok $? "group form: active is có, as in the list, and its picker has có/không"
screens n-pick '<F5>g<Dump>' --db "$NDB"
grep -qF "│ 1   Tổ dân phố 1 " "$T/n-pick.txt" && grep -qF "│ 12  Tổ dân phố 12 " "$T/n-pick.txt"
ok $? "group picker: codes and names in aligned columns"

screens n-views 'p<C-u>2023-Q3<Enter><Tab>i<Dump><Esc><Tab><Tab><Tab><Tab>i<Dump>' --db "$NDB"
grep -qF "│ Hộ ký cam kết về ANTT " "$T/n-views.txt" && grep -qF "│ Lượt tuyên truyền " "$T/n-views.txt" &&
	! grep -qE "\((extinguisher|antt_commitment|outreach)\)" "$T/n-views.txt"
ok $? "the indicator pickers of the group view and the trends show names, no '(extinguisher)'"
COLUMNS=160 LINES=50 screens n-sort '<F5>fs<Down><Down><Enter><Dump>' --db "$NDB"
bac=$(grep -n " Đánh bạc " "$T/n-sort.txt" | head -1 | cut -d: -f1)
tuy=$(grep -n " Ma túy " "$T/n-sort.txt" | head -1 | cut -d: -f1)
[ -n "$bac" ] && [ -n "$tuy" ] && [ "$bac" -lt "$tuy" ]
ok $? "incidents sorted by category follow the names shown (Đánh bạc before Ma túy, unlike gambling and drugs)"

# ---- the audit view (A) in words, filtered by the date of the change or of the record
screens n-audit 'p<C-u>2023-Q3<Enter><F5><Enter><Tab><Tab><Tab><C-u>2<F2>A<Dump>f<Dump>f<Dump><Esc>p<C-u>2026-11<Enter>A<Dump>' --db "$NDB"
sed -n '/screen 1 /,/screen 2 /p' "$T/n-audit.txt" > "$T/n-audit1"
expect_grep "$T/n-audit1" "Nhật ký · thay đổi thực hiện trong kỳ 2023-Q3" "audit: by default the changes made in the selected period, and it says so"
grep -qE "Không có thay đổi nào được thực hiện trong kỳ 2023-Q3; có [0-9]+ thay đổi của" "$T/n-audit1"
ok $? "audit: an empty period says why, and how many changes to its records f shows"
sed -n '/screen 2 /,/screen 3 /p' "$T/n-audit.txt" > "$T/n-audit2"
expect_grep "$T/n-audit2" "thay đổi của các bản ghi có ngày trong kỳ 2023-Q3" "audit: f shows the changes to records dated in the period"
expect_grep "$T/n-audit2" "· đã sửa · Vụ việc 48, tổ 6, 11/07/2023" "audit: the action in Vietnamese, the record in words"
expect_grep "$T/n-audit2" "    Số vụ việc: 1 → 2" "audit: the field's label, old and new values"
sed -n '/screen 3 /,/screen 4 /p' "$T/n-audit.txt" > "$T/n-audit3"
grep -qF "Nhật ký · mọi thay đổi" "$T/n-audit3" && grep -qF "Chỉ số: Cam kết về ANTT; Giá trị chỉ tiêu: 100%" "$T/n-audit3"
ok $? "audit: f again shows all changes, values as on the screens and names instead of codes"
sed -n '/screen 4 /,$p' "$T/n-audit.txt" > "$T/n-audit4"
expect_grep "$T/n-audit4" "· đã sửa · Vụ việc 48, tổ 6, 11/07/2023" "audit: the edit of a 2023 record is among the changes made in the current month"
screens n-audit-help 'A<F1><Dump><Esc><Dump>' --db "$NDB"
grep -qF "│   f                bộ lọc: thay đổi thực hiện trong kỳ đã chọn" "$T/n-audit-help.txt" &&
	grep -qF "F1Trợ giúp fLọc Up/DownCuộn EscĐóng" "$T/n-audit-help.txt"
ok $? "audit: F1 explains the filters; the key bar lists the view's own keys"
! grep -qE "group_id|category_id|insert|update|value=|\b[0-9]+\.[0-9]\b" "$T/n-audit.txt"
ok $? "audit: no table, column, English action or raw value"

# ---- no terminal, no script: a clear message, not a broken screen
"$WARDSAFE_BIN" --lang en --db "$DB" < /dev/null > "$T/out" 2>&1
[ $? -eq 3 ]; ok $? "without a terminal the screens refuse to start"
expect_grep "$T/out" "need a terminal" "and say why"
finish
