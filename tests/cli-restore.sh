#!/bin/sh
# cli-restore.sh - restore while others save (no acknowledged save is lost),
# restore refuses what an open for writing would not write.
. "$top_srcdir/tests/lib.sh"

DB="$T/ward/w.db"
mkdir -p "$T/ward"
"$WARDSAFE_BIN" --db "$DB" demo >/dev/null
printf '[database]\nbackups_keep = 10000\n' > "$T/keep.ini"
ws() { run --lang en --config "$T/keep.ini" --db "$DB" "$@"; }
ws backup
GOOD=$(ls "$T"/ward/backups/*manual.db)

# notes_of FILE: the notes of the incidents in a copy of database FILE (read
# from a copy, so that reading makes no backup beside the original).
notes_of() {
	rm -rf "$T/look"
	mkdir -p "$T/look"
	cp "$1" "$T/look/l.db"
	"$WARDSAFE_BIN" --lang en --config "$T/keep.ini" --db "$T/look/l.db" list incident | cut -f6
}

# ---- restores while another process saves
# The adder saves until the restorer is done (and at least 20 times after the
# first restore began), keeping the note of every save that printed an id.
# The restorer starts once the first save was acknowledged, so they overlap.
: > "$T/acked"
(
	i=0
	while [ $i -lt 3000 ]; do
		i=$((i + 1))
		id=$("$WARDSAFE_BIN" --config "$T/keep.ini" --db "$DB" add incident group=9 date=2026-11-20 \
			category=theft note="concurrent-$i" 2>>"$T/add-err")
		case $id in [0-9]*) echo "concurrent-$i" >> "$T/acked" ;; esac
		if [ -e "$T/restores-done" ]; then
			[ -z "${after:-}" ] && after=$i
			[ $((i - after)) -ge 5 ] && break
		fi
	done
	echo $i > "$T/adds"
) &
adder=$!
n=0
while [ ! -s "$T/acked" ] && [ $n -lt 600 ] && kill -0 $adder 2>/dev/null; do n=$((n + 1)); sleep 0.05; done
restores=0 refused=0
while [ $restores -lt 40 ]; do
	"$WARDSAFE_BIN" --config "$T/keep.ini" --db "$DB" restore "$GOOD" >/dev/null 2>>"$T/restore-err" \
		&& restores=$((restores + 1)) || refused=$((refused + 1))
	[ $refused -gt 50 ] && break
done
touch "$T/restores-done"
wait $adder
[ $restores -eq 40 ]; ok $? "40 restores succeed while another process saves ($refused refused)"
sed 's/^/#   /' "$T/restore-err" | head -5
acked=$(wc -l < "$T/acked")
[ "$acked" -gt 25 ]; ok $? "the saves went on meanwhile ($acked acknowledged of $(cat "$T/adds"))"
notes_of "$DB" > "$T/found"
for b in "$T"/ward/backups/*pre-restore*.db; do notes_of "$b"; done >> "$T/found"
sort -u "$T/found" > "$T/found.sorted"
sort -u "$T/acked" > "$T/acked.sorted"
comm -23 "$T/acked.sorted" "$T/found.sorted" > "$T/lost"
[ ! -s "$T/lost" ]; ok $? "every acknowledged save is in the live file or a pre-restore copy ($(wc -l < "$T/lost") lost)"
head -5 "$T/lost" | sed 's/^/#   lost: /'
[ "$(ls "$T"/ward/backups/*pre-restore*.db | wc -l)" -eq 40 ]; ok $? "each restore kept the replaced database"

# ---- restore refuses a live file that an open for writing would not write
cp "$DB" "$T/before.db"
chmod 400 "$DB"
ws restore "$GOOD"
expect_rc 3 "restore over a read-only (0400) database is refused"
expect_grep "$T/err" "is read-only (mode 400)" "the message says the file is read-only and its mode"
chmod 600 "$DB"
cmp -s "$DB" "$T/before.db"; ok $? "the read-only database is left untouched"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	chown nobody "$DB"
	ws restore "$GOOD"
	expect_rc 3 "restore over another user's database is refused"
	expect_grep "$T/err" "belongs to another user (nobody, mode 600)" "the message names the owner and mode"
	chown 0 "$DB"
	cmp -s "$DB" "$T/before.db"; ok $? "another user's database is left untouched"
else
	skip "restore over another user's database is refused" "needs root to give a file away"
	skip "the message names the owner and mode" "needs root"
	skip "another user's database is left untouched" "needs root"
fi
if [ "$(id -u)" -ne 0 ]; then
	mkdir -p "$T/ro"
	cp "$DB" "$T/ro/w.db"
	chmod 600 "$T/ro/w.db"
	chmod 500 "$T/ro"
	run --lang en --config "$T/keep.ini" --db "$T/ro/w.db" restore "$GOOD"
	chmod 700 "$T/ro"
	[ "$rc" -ne 0 ]; ok $? "restore into a read-only directory is refused"
	cmp -s "$T/ro/w.db" "$T/before.db"; ok $? "and leaves the database untouched"
else
	skip "restore into a read-only directory is refused" "root writes anywhere"
	skip "and leaves the database untouched" "root writes anywhere"
fi

finish
