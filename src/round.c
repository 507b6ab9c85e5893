/* round.c - the monthly round of one kind on one date (see round.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "round.h"
#include "store.h"
#include "validate.h"

bool round_kind_ok(const struct kind_def *k)
{
	return k && k->one_per_date && kind_field_index(k, "group") >= 0 &&
	       kind_field_index(k, "date") >= 0;
}

/* The SQL of the carried values of a group: the record on the date, then
 * for each column its latest value on or before the date. */
static char *carry_sql(const struct round *r)
{
	const struct kind_def *k = r->kind;
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "SELECT (SELECT id FROM %s WHERE group_id = ?1 AND date = ?2)", k->table);
	for (int c = 0; c < r->ncols; c++) {
		const char *col = k->fields[r->col[c]].column;
		sb_printf(&sb, ", (SELECT %s FROM %s WHERE group_id = ?1 AND date <= ?2 AND %s IS NOT NULL "
			  "ORDER BY date DESC LIMIT 1)", col, k->table, col);
	}
	return sb_steal(&sb);
}

bool round_load(sqlite3 *db, const struct kind_def *k, ws_date date, struct round *r,
		struct strlist *errors)
{
	memset(r, 0, sizeof *r);
	r->kind = k;
	r->date = date;
	date_iso(date, r->iso);
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].column && strcmp(k->fields[i].name, "group") && strcmp(k->fields[i].name, "date"))
			r->col[r->ncols++] = i;
	/* Active on the date: active now, or closed after it. */
	sqlite3_stmt *g = db_prepare(db, "SELECT id, code, name FROM rgroup "
				      "WHERE active = 1 OR (closed IS NOT NULL AND closed > ?1) ORDER BY id");
	sqlite3_bind_text(g, 1, r->iso, -1, SQLITE_STATIC);
	char *sql = carry_sql(r);
	sqlite3_stmt *c = db_prepare(db, sql);
	free(sql);
	bool ok = true;
	int rc, cap = 0;
	while ((rc = sqlite3_step(g)) == SQLITE_ROW) {
		if (r->nrows == ROUND_MAX_GROUPS) {
			r->truncated = true;
			break;
		}
		if (r->nrows == cap) {
			cap = cap ? cap * 2 : 32;
			r->rows = xrealloc(r->rows, (size_t)cap * sizeof *r->rows);
		}
		struct round_row *row = &r->rows[r->nrows++];
		memset(row, 0, sizeof *row);
		row->group_id = sqlite3_column_int64(g, 0);
		row->code = xstrdup((const char *)sqlite3_column_text(g, 1));
		row->name = xstrdup((const char *)sqlite3_column_text(g, 2));
		sqlite3_reset(c);
		sqlite3_bind_int64(c, 1, row->group_id);
		sqlite3_bind_text(c, 2, r->iso, -1, SQLITE_STATIC);
		if (sqlite3_step(c) != SQLITE_ROW) {
			db_error(db, errors, NULL);
			ok = false;
			break;
		}
		row->on_date = sqlite3_column_int64(c, 0);
		for (int j = 0; j < r->ncols; j++)
			if (sqlite3_column_type(c, 1 + j) != SQLITE_NULL)
				row->carried[j] = xstrdup((const char *)sqlite3_column_text(c, 1 + j));
	}
	if (ok && rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_error(db, errors, NULL);
		ok = false;
	}
	sqlite3_finalize(c);
	sqlite3_finalize(g);
	/* On the date itself the record there is what a save changes: its
	 * values are the carried ones, empty fields included. */
	for (int i = 0; ok && i < r->nrows; i++) {
		struct round_row *row = &r->rows[i];
		struct record stored;
		if (!row->on_date || !store_load(db, k, row->on_date, &stored))
			continue;
		for (int j = 0; j < r->ncols; j++) {
			free(row->carried[j]);
			const char *v = stored.val[r->col[j]];
			row->carried[j] = v ? xstrdup(v) : NULL;
		}
		record_clear(&stored);
	}
	return ok;
}

void round_free(struct round *r)
{
	for (int i = 0; i < r->nrows; i++) {
		struct round_row *row = &r->rows[i];
		free(row->code);
		free(row->name);
		for (int j = 0; j < r->ncols; j++) {
			free(row->carried[j]);
			free(row->typed[j]);
		}
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

const char *round_value(const struct round *r, int row, int col)
{
	const struct round_row *w = &r->rows[row];
	const char *v = w->typed[col] ? w->typed[col] : w->carried[col];
	return v && *v ? v : NULL;
}

void round_set(struct round *r, int row, int col, const char *text)
{
	struct round_row *w = &r->rows[row];
	free(w->typed[col]);
	w->typed[col] = text ? xstrdup(text) : NULL;
}

bool round_cell_changed(const struct round *r, int row, int col)
{
	const struct round_row *w = &r->rows[row];
	if (!w->typed[col])
		return false;
	const char *a = w->typed[col], *b = w->carried[col] ? w->carried[col] : "";
	long long x, y;
	if (*a && *b && validate_count(a, &x) && validate_count(b, &y))
		return x != y; /* 007 is 7 */
	return strcmp(a, b) != 0;
}

bool round_row_changed(const struct round *r, int row)
{
	for (int j = 0; j < r->ncols; j++)
		if (round_cell_changed(r, row, j))
			return true;
	return false;
}

int round_changed_rows(const struct round *r)
{
	int n = 0;
	for (int i = 0; i < r->nrows; i++)
		n += round_row_changed(r, i);
	return n;
}

void round_row_typed(const struct round *r, int row, struct record *rec)
{
	record_init(rec, r->kind);
	record_set_named(rec, "group", r->rows[row].code);
	record_set_named(rec, "date", r->iso);
	for (int j = 0; j < r->ncols; j++)
		record_set(rec, r->col[j], round_value(r, row, j));
}

bool round_row_record(sqlite3 *db, const struct round *r, int row, struct record *rec,
		      struct record *old)
{
	const struct round_row *w = &r->rows[row];
	record_init(old, r->kind);
	bool stored = w->on_date && store_load(db, r->kind, w->on_date, old);
	if (!stored) {
		round_row_typed(r, row, rec);
		return false;
	}
	record_copy(rec, old);
	for (int j = 0; j < r->ncols; j++)
		record_set(rec, r->col[j], round_value(r, row, j));
	return true;
}

void round_check_row(sqlite3 *db, const struct round *r, int row, struct issues *out)
{
	struct record rec, old;
	bool stored = round_row_record(db, r, row, &rec, &old);
	validate_record(db, &rec, stored ? &old : NULL, out);
	record_clear(&rec);
	record_clear(&old);
}

enum round_result round_save(sqlite3 *db, const struct round *r, bool force,
			     struct issues *row_issues, int *saved, struct strlist *errors)
{
	*saved = 0;
	int n = round_changed_rows(r);
	if (!n)
		return ROUND_NOTHING;
	if (!db_begin(db, errors))
		return ROUND_FAILED;
	struct record *recs = xcalloc((size_t)r->nrows, sizeof *recs);
	bool *has_old = xcalloc((size_t)r->nrows, sizeof *has_old);
	size_t nerr = 0, nwarn = 0;
	for (int i = 0; i < r->nrows; i++) {
		if (!round_row_changed(r, i))
			continue;
		struct record old;
		has_old[i] = round_row_record(db, r, i, &recs[i], &old);
		validate_record(db, &recs[i], has_old[i] ? &old : NULL, &row_issues[i]);
		record_clear(&old);
		nerr += issues_count(&row_issues[i], SEV_ERROR);
		nwarn += issues_count(&row_issues[i], SEV_WARNING);
	}
	enum round_result res = ROUND_SAVED;
	if (nerr)
		res = ROUND_REFUSED;
	else if (nwarn && !force)
		res = ROUND_CONFIRM;
	for (int i = 0; res == ROUND_SAVED && i < r->nrows; i++) {
		if (!recs[i].kind)
			continue;
		bool ok = has_old[i] ? store_update(db, &recs[i], errors) : store_insert(db, &recs[i], errors);
		if (!ok)
			res = ROUND_FAILED;
		else
			++*saved;
	}
	if (res == ROUND_SAVED && !db_commit(db, errors))
		res = ROUND_FAILED;
	if (res != ROUND_SAVED) {
		db_rollback(db);
		*saved = 0;
	}
	for (int i = 0; i < r->nrows; i++)
		if (recs[i].kind)
			record_clear(&recs[i]);
	free(recs);
	free(has_old);
	return res;
}
