/* SPDX-License-Identifier: GPL-3.0-or-later */
/* round.c - the monthly round of one kind on one date (see round.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "names.h"
#include "round.h"
#include "store.h"
#include "text.h"
#include "validate.h"

/* The flows a round is taken of: their count field and their column key. */
static bool flow_kind(const struct kind_def *k, int *count, int *key)
{
	if (!k || (strcmp(k->name, "incident") && strcmp(k->name, "outreach")))
		return false;
	bool inc = !strcmp(k->name, "incident");
	*count = kind_field_index(k, inc ? "count" : "sessions");
	*key = kind_field_index(k, inc ? "category" : "kind");
	return true;
}

bool round_kind_ok(const struct kind_def *k)
{
	int c, f;
	return k && ((k->one_per_date && kind_field_index(k, "group") >= 0 && kind_field_index(k, "date") >= 0) ||
		     flow_kind(k, &c, &f));
}

const char *round_col_label(const struct round *r, int col)
{
	return r->flow ? r->label[col] : _(r->kind->fields[r->col[col]].label);
}

/* The columns of a flow: the categories, or the kinds of outreach. */
static void flow_columns(sqlite3 *db, struct round *r, int count)
{
	const struct field_def *d = &r->kind->fields[r->key_field];
	if (d->type == FT_CATEGORY) {
		sqlite3_stmt *st = db_prepare(db, "SELECT code, name FROM category ORDER BY id");
		while (sqlite3_step(st) == SQLITE_ROW && r->ncols < ROUND_MAX_COLS) {
			r->key[r->ncols] = xstrdup((const char *)sqlite3_column_text(st, 0));
			r->label[r->ncols] = xstrdup((const char *)sqlite3_column_text(st, 1));
			r->col[r->ncols++] = count;
		}
		sqlite3_finalize(st);
		return;
	}
	for (const char *p = d->choices; p && *p && r->ncols < ROUND_MAX_COLS;) {
		const char *bar = strchr(p, '|');
		r->key[r->ncols] = xstrndup(p, bar ? (size_t)(bar - p) : strlen(p));
		r->label[r->ncols] = text_capitalize(names_choice(r->key[r->ncols]));
		r->col[r->ncols++] = count;
		p = bar ? bar + 1 : NULL;
	}
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
	int count;
	if ((r->flow = flow_kind(k, &count, &r->key_field)))
		flow_columns(db, r, count);
	else
		for (int i = 0; i < k->nfields; i++)
			if (k->fields[i].column && strcmp(k->fields[i].name, "group") && strcmp(k->fields[i].name, "date"))
				r->col[r->ncols++] = i;
	/* Active on the date: active now, or closed after it. */
	sqlite3_stmt *g = db_prepare(db, "SELECT id, code, name FROM rgroup "
				      "WHERE active = 1 OR (closed IS NOT NULL AND closed > ?1) ORDER BY id");
	sqlite3_bind_text(g, 1, r->iso, -1, SQLITE_STATIC);
	char *sql = r->flow ? xstrdup("SELECT 0") : carry_sql(r);
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
		if (r->flow)
			continue; /* counts of the date: nothing carried */
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
	for (int j = 0; j < r->ncols; j++) {
		free(r->key[j]);
		free(r->label[j]);
	}
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
	if (r->flow) /* empty means 0, which saves nothing */
		return *a && !(validate_count(a, &x) && x == 0);
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

int round_row_records(sqlite3 *db, const struct round *r, int row, struct record *recs,
		      struct record *old, bool *has_old)
{
	if (!r->flow) {
		has_old[0] = round_row_record(db, r, row, &recs[0], &old[0]);
		return 1;
	}
	int n = 0;
	for (int j = 0; j < r->ncols; j++) {
		if (!round_cell_changed(r, row, j))
			continue;
		record_init(&recs[n], r->kind);
		record_init(&old[n], r->kind);
		has_old[n] = false;
		record_set_named(&recs[n], "group", r->rows[row].code);
		record_set_named(&recs[n], "date", r->iso);
		record_set(&recs[n], r->key_field, r->key[j]);
		record_set(&recs[n], r->col[j], round_value(r, row, j));
		n++;
	}
	return n;
}

/* Validates the records of a row into `out`; a flow's problems name the
 * column (category or kind) they are in. */
static void check_records(sqlite3 *db, const struct round *r, int row, struct record *recs,
			  struct record *old, const bool *has_old, int n, struct issues *out)
{
	for (int i = 0; i < n; i++) {
		if (!r->flow) {
			validate_record(db, &recs[i], has_old[i] ? &old[i] : NULL, out);
			continue;
		}
		struct issues one = { NULL, 0, 0 };
		validate_record(db, &recs[i], NULL, &one);
		const char *key = record_get(&recs[i], r->kind->fields[r->key_field].name);
		const char *label = key;
		for (int j = 0; j < r->ncols; j++)
			if (key && !strcmp(r->key[j], key))
				label = r->label[j];
		for (size_t j = 0; j < one.n; j++) {
			char *t = issue_text(r->kind, &one.v[j]);
			issues_add(out, one.v[j].sev, -1, "%s: %s", label ? label : "", t);
			free(t);
		}
		issues_free(&one);
	}
	(void)row;
}

void round_check_row(sqlite3 *db, const struct round *r, int row, struct issues *out)
{
	struct record recs[ROUND_MAX_COLS], old[ROUND_MAX_COLS];
	bool has_old[ROUND_MAX_COLS];
	int n = round_row_records(db, r, row, recs, old, has_old);
	check_records(db, r, row, recs, old, has_old, n, out);
	for (int i = 0; i < n; i++) {
		record_clear(&recs[i]);
		record_clear(&old[i]);
	}
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
	size_t cap = (size_t)n * (r->flow ? (size_t)r->ncols : 1);
	struct record *recs = xcalloc(cap, sizeof *recs), *old = xcalloc(cap, sizeof *old);
	bool *has_old = xcalloc(cap, sizeof *has_old);
	int nrec = 0;
	size_t nerr = 0, nwarn = 0;
	for (int i = 0; i < r->nrows; i++) {
		if (!round_row_changed(r, i))
			continue;
		int m = round_row_records(db, r, i, recs + nrec, old + nrec, has_old + nrec);
		check_records(db, r, i, recs + nrec, old + nrec, has_old + nrec, m, &row_issues[i]);
		nrec += m;
		nerr += issues_count(&row_issues[i], SEV_ERROR);
		nwarn += issues_count(&row_issues[i], SEV_WARNING);
	}
	enum round_result res = ROUND_SAVED;
	if (nerr)
		res = ROUND_REFUSED;
	else if (nwarn && !force)
		res = ROUND_CONFIRM;
	for (int i = 0; res == ROUND_SAVED && i < nrec; i++) {
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
	for (int i = 0; i < nrec; i++) {
		record_clear(&recs[i]);
		record_clear(&old[i]);
	}
	free(recs);
	free(old);
	free(has_old);
	return res;
}
