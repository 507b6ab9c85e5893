/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-entry.c - entry_save_changes: a save writes only what was changed
 * since the record was read, onto the record as it is stored at the save,
 * whatever another connection wrote meanwhile (issue 12: two officers, one
 * file). */
#include "config.h"

#include "tap.h"
#include "fixture.h"
#include "../src/entry.h"

static sqlite3 *other; /* a second connection to the same file */

/* Another program's edit: through the second connection. */
static void edit_elsewhere(long long id, const char *field, const char *value)
{
	struct record r, old;
	store_load(other, kind_find("group"), id, &old);
	record_copy(&r, &old);
	record_set_named(&r, field, value);
	struct issues is = { NULL, 0, 0 };
	struct strlist err = STRLIST_INIT;
	if (entry_save(other, &r, &old, true, &is, &err) != ENTRY_SAVED)
		printf("# the other connection could not save %s=%s\n", field, value);
	issues_free(&is);
	sl_free(&err);
	record_clear(&r);
	record_clear(&old);
}

/* The stored value of a field of record `id` of a kind. */
static char *stored_in(sqlite3 *db, const char *kind, long long id, const char *field)
{
	struct record r;
	if (!store_load(db, kind_find(kind), id, &r))
		return xstrdup("(deleted)");
	char *v = xstrdup(record_get(&r, field) ? record_get(&r, field) : "");
	record_clear(&r);
	return v;
}

#define IS_STORED(db, id, field, want, name) do { \
		char *v_ = stored_in(db, "group", id, field); \
		is_str(v_, want, name); \
		free(v_); \
	} while (0)

int main(void)
{
	fixture_init();
	plan(22);
	sqlite3 *db = fixture_db();
	char *path = xasprintf("%s/test.db", fixture_dir);
	struct strlist err = STRLIST_INIT;
	other = db_open(path, DB_EXISTING, &err);
	free(path);
	if (!other) {
		printf("# second connection: %s\n", err.n ? err.items[0] : "?");
		return 99;
	}
	long long id = add(db, "group", "code=7", "name=Tổ 7", "leader=Lê Văn A", "households=10",
			   "residents=30", "date=2026-01-01", NULL);
	ok(id > 0, "a group to edit");
	const struct kind_def *k = kind_find("group");
	struct record base, rec, now;
	struct issues is = { NULL, 0, 0 };

	/* A form opens (base), someone else renames the group, the form
	 * changes the leader and saves: both changes stay. */
	store_load(db, k, id, &base);
	edit_elsewhere(id, "name", "Tổ Bảy");
	record_copy(&rec, &base);
	record_set_named(&rec, "leader", "Trần Thị B");
	is_int(entry_save_changes(db, &rec, &base, NULL, false, &now, &is, &err), ENTRY_SAVED,
	       "a change to another field than the one changed meanwhile is saved");
	IS_STORED(db, id, "name", "Tổ Bảy", "the name changed meanwhile stays (the form did not change it)");
	IS_STORED(db, id, "leader", "Trần Thị B", "the leader the form changed is saved");
	is_str(record_get(&rec, "name"), "Tổ Bảy", "the record saved is the merged one");
	record_clear(&rec);
	record_clear(&now);
	record_clear(&base);
	issues_free(&is);

	/* Both change the same field to different values: a conflict, nothing
	 * written, `stored` holds the other value. */
	store_load(db, k, id, &base);
	edit_elsewhere(id, "leader", "Phạm Văn C");
	record_copy(&rec, &base);
	record_set_named(&rec, "leader", "Đỗ Thị D");
	record_set_named(&rec, "name", "Tổ 7 mới");
	is_int(entry_save_changes(db, &rec, &base, NULL, false, &now, &is, &err), ENTRY_CONFLICT,
	       "a field changed both here and meanwhile, to different values, is a conflict");
	IS_STORED(db, id, "leader", "Phạm Văn C", "after a conflict the other value stays stored");
	IS_STORED(db, id, "name", "Tổ Bảy", "after a conflict nothing else is written either");
	is_str(record_get(&now, "leader"), "Phạm Văn C", "the conflict returns the stored value to show");
	ok(entry_field_conflicts(&rec, &base, &now, kind_field_index(k, "leader")),
	   "entry_field_conflicts names the leader");
	ok(!entry_field_conflicts(&rec, &base, &now, kind_field_index(k, "name")),
	   "and not the name, which only this side changed");
	record_clear(&rec);
	issues_free(&is);

	/* Taking the stored record as the new base (what the form does when
	 * the officer keeps theirs) saves the officer's values. */
	record_copy(&rec, &now);
	record_set_named(&rec, "leader", "Đỗ Thị D");
	record_set_named(&rec, "name", "Tổ 7 mới");
	record_clear(&base);
	base = now;
	is_int(entry_save_changes(db, &rec, &base, NULL, false, &now, &is, &err), ENTRY_SAVED,
	       "saved again on the stored record, the officer's values win");
	IS_STORED(db, id, "leader", "Đỗ Thị D", "the officer's leader is stored");
	record_clear(&rec);
	record_clear(&now);
	record_clear(&base);
	issues_free(&is);

	/* Both change a field to the same value: no conflict. */
	store_load(db, k, id, &base);
	edit_elsewhere(id, "leader", "Vũ Văn E");
	record_copy(&rec, &base);
	record_set_named(&rec, "leader", "Vũ Văn E");
	is_int(entry_save_changes(db, &rec, &base, NULL, false, &now, &is, &err), ENTRY_SAVED,
	       "the same change made on both sides is not a conflict");
	record_clear(&rec);
	record_clear(&now);
	record_clear(&base);
	issues_free(&is);

	/* The command line: exactly the fields given are written, even when
	 * the value equals the one read (name=X said explicitly), and even
	 * over a change made meanwhile. */
	store_load(db, k, id, &base);
	edit_elsewhere(id, "name", "Tổ Bảy lại");
	edit_elsewhere(id, "leader", "Hồ Thị G");
	record_copy(&rec, &base);
	bool given[KIND_MAX_FIELDS] = { false };
	given[kind_field_index(k, "name")] = true; /* name=<the value read> */
	is_int(entry_save_changes(db, &rec, &base, given, false, NULL, &is, &err), ENTRY_SAVED,
	       "an edit with given fields saves");
	IS_STORED(db, id, "name", "Tổ 7 mới", "a given field is written although it equals the value read");
	IS_STORED(db, id, "leader", "Hồ Thị G", "a field not given keeps what was stored meanwhile");
	record_clear(&rec);
	record_clear(&base);
	issues_free(&is);

	/* Deleted meanwhile: ENTRY_GONE, nothing written or re-created. */
	const struct kind_def *cat = kind_find("category");
	long long id2 = add(db, "category", "code=thu_nghiem", "name=Thử nghiệm", NULL);
	store_load(db, cat, id2, &base);
	struct record gone;
	store_load(other, cat, id2, &gone);
	struct issues is2 = { NULL, 0, 0 };
	is_int(entry_delete(other, &gone, true, &is2, &err), ENTRY_SAVED, "another connection deletes a category");
	issues_free(&is2);
	record_clear(&gone);
	record_copy(&rec, &base);
	record_set_named(&rec, "name", "Thử nghiệm mới");
	is_int(entry_save_changes(db, &rec, &base, NULL, false, &now, &is, &err), ENTRY_GONE,
	       "saving changes to a record deleted meanwhile says it is gone");
	char *v = stored_in(db, "category", id2, "name");
	is_str(v, "(deleted)", "and does not bring it back");
	free(v);
	long long n = -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM category WHERE code = 'thu_nghiem'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	is_int(n, 0, "no category with its code is stored");
	ok(sqlite3_get_autocommit(db), "no transaction is left open after any of these");
	record_clear(&rec);
	record_clear(&now);
	record_clear(&base);
	issues_free(&is);

	sl_free(&err);
	db_close(other);
	fixture_cleanup(db);
	return done();
}
