/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.c - generic record storage. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "period.h"
#include "settings.h"
#include "store.h"
#include "text.h"

static bool stored(const struct field_def *f)
{
	return f->column != NULL;
}

/* The SQL value expression for binding field f as parameter ?N. */
static void value_expr(struct strbuf *sql, const struct field_def *f)
{
	switch (f->type) {
	case FT_GROUP:
		sb_puts(sql, "(SELECT id FROM rgroup WHERE code = ?)");
		break;
	case FT_CATEGORY:
		sb_puts(sql, "(SELECT id FROM category WHERE code = ?)");
		break;
	default:
		sb_puts(sql, "?");
	}
}

/* Binds a canonical text value with the column's type. */
static void bind_value(sqlite3_stmt *st, int i, const struct field_def *f, const char *v)
{
	if (!v) {
		/* Optional text and code columns are NOT NULL DEFAULT ''. */
		if (f->type == FT_TEXT || f->type == FT_CODE)
			sqlite3_bind_text(st, i, "", 0, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, i);
		return;
	}
	long long x;
	double d;
	switch (f->type) {
	case FT_COUNT:
	case FT_YEAR:
		if (parse_int64(v, &x)) {
			sqlite3_bind_int64(st, i, x);
			return;
		}
		break;
	case FT_BOOL:
		sqlite3_bind_int(st, i, strcmp(v, "yes") == 0);
		return;
	case FT_DECIMAL:
		if (parse_decimal(v, &d)) {
			sqlite3_bind_double(st, i, d);
			return;
		}
		break;
	default:
		break;
	}
	sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Columns derived from the fields: search keys, period bounds. */
struct derived {
	const char *column;
	char *value;
};

static int derive(const struct record *rec, struct derived out[2])
{
	const char *k = rec->kind->name;
	if (!strcmp(k, "group")) {
		const char *name = record_get(rec, "name"), *code = record_get(rec, "code");
		char *both = xasprintf("%s %s", code ? code : "", name ? name : "");
		out[0].column = "search_key";
		out[0].value = text_search_key(both);
		free(both);
		return 1;
	}
	if (!strcmp(k, "closing")) {
		struct period p;
		if (!period_parse(record_get(rec, "period"), &p))
			return 0;
		int s = (int)settings_int(CFG_MONTH_START_DAY);
		char a[11], b[11];
		out[0].column = "first_day";
		out[0].value = xstrdup(date_iso(period_start(&p, s), a));
		out[1].column = "last_day";
		out[1].value = xstrdup(date_iso(period_end(&p, s), b));
		return 2;
	}
	return 0;
}

static void report_constraint(sqlite3 *db, const struct record *rec, struct strlist *errors)
{
	int rc = sqlite3_extended_errcode(db);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		sl_pushf(errors, _("this %s is still referred to by other records; delete or change those first"),
			 _(rec->kind->label));
	else if ((rc & 0xff) == SQLITE_CONSTRAINT)
		sl_pushf(errors, _("the database refused the %s record: %s"), _(rec->kind->label), sqlite3_errmsg(db));
	else
		db_error(db, errors, NULL);
}

/* Records a group's first population snapshot given with `add group`. */
static bool insert_group_population(sqlite3 *db, const struct record *rec, struct strlist *errors)
{
	const char *h = record_get(rec, "households"), *r = record_get(rec, "residents");
	if (!h || !r)
		return true;
	struct record pop;
	record_init(&pop, kind_find("population"));
	char today[11];
	const char *d = record_get(rec, "date");
	record_set_named(&pop, "group", record_get(rec, "code"));
	record_set_named(&pop, "date", d ? d : date_iso(date_today(), today));
	record_set_named(&pop, "households", h);
	record_set_named(&pop, "residents", r);
	bool ok = store_insert(db, &pop, errors);
	record_clear(&pop);
	return ok;
}

/* The INSERT statement of a kind, built once (it depends only on the kind
 * table): imports run it for every row. */
static const char *insert_sql(const struct kind_def *k, const struct derived *dv, int nd)
{
	static struct { const struct kind_def *k; int nd; char *sql; } built[32];
	size_t slot = 0;
	for (; slot < ARRAY_SIZE(built) && built[slot].k; slot++)
		if (built[slot].k == k && built[slot].nd == nd)
			return built[slot].sql;
	struct strbuf cols = STRBUF_INIT, vals = STRBUF_INIT;
	if (k->singleton) {
		sb_puts(&cols, "id");
		sb_puts(&vals, "1");
	}
	for (int i = 0; i < k->nfields; i++) {
		if (!stored(&k->fields[i]))
			continue;
		sb_printf(&cols, "%s%s", cols.len ? ", " : "", k->fields[i].column);
		if (vals.len)
			sb_puts(&vals, ", ");
		value_expr(&vals, &k->fields[i]);
	}
	for (int j = 0; j < nd; j++) {
		sb_printf(&cols, ", %s", dv[j].column);
		sb_puts(&vals, ", ?");
	}
	/* A second ward row fails on its CHECK (id = 1): nothing is replaced
	 * silently; callers update the ward instead. */
	char *sql = xasprintf("INSERT INTO %s (%s) VALUES (%s)", k->table, cols.buf, vals.buf);
	sb_free(&cols);
	sb_free(&vals);
	if (slot == ARRAY_SIZE(built))
		abort(); /* more kinds than slots: enlarge `built` */
	built[slot].k = k;
	built[slot].nd = nd;
	built[slot].sql = sql;
	return sql;
}

bool store_insert(sqlite3 *db, struct record *rec, struct strlist *errors)
{
	const struct kind_def *k = rec->kind;
	struct derived dv[2];
	int nd = derive(rec, dv);
	sqlite3_stmt *st = db_cached(db, insert_sql(k, dv, nd));
	int p = 1;
	for (int i = 0; i < k->nfields; i++)
		if (stored(&k->fields[i]))
			bind_value(st, p++, &k->fields[i], rec->val[i]);
	for (int j = 0; j < nd; j++)
		sqlite3_bind_text(st, p++, dv[j].value, -1, SQLITE_TRANSIENT);
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok)
		report_constraint(db, rec, errors);
	else
		rec->id = sqlite3_last_insert_rowid(db);
	db_release(st);
	for (int j = 0; j < nd; j++)
		free(dv[j].value);
	if (ok && !strcmp(k->name, "group"))
		ok = insert_group_population(db, rec, errors);
	return ok;
}

bool store_update(sqlite3 *db, const struct record *rec, struct strlist *errors)
{
	const struct kind_def *k = rec->kind;
	struct strbuf sets = STRBUF_INIT;
	struct derived dv[2];
	int nd = derive(rec, dv);
	for (int i = 0; i < k->nfields; i++) {
		if (!stored(&k->fields[i]))
			continue;
		sb_printf(&sets, "%s%s = ", sets.len ? ", " : "", k->fields[i].column);
		value_expr(&sets, &k->fields[i]);
	}
	for (int j = 0; j < nd; j++)
		sb_printf(&sets, ", %s = ?", dv[j].column);
	char *sql = xasprintf("UPDATE %s SET %s WHERE id = ?", k->table, sets.buf);
	sqlite3_stmt *st = db_cached(db, sql);
	int p = 1;
	for (int i = 0; i < k->nfields; i++)
		if (stored(&k->fields[i]))
			bind_value(st, p++, &k->fields[i], rec->val[i]);
	for (int j = 0; j < nd; j++)
		sqlite3_bind_text(st, p++, dv[j].value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, p, rec->id);
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok)
		report_constraint(db, rec, errors);
	db_release(st);
	free(sql);
	sb_free(&sets);
	for (int j = 0; j < nd; j++)
		free(dv[j].value);
	return ok;
}

bool store_delete(sqlite3 *db, const struct kind_def *k, long long id, struct strlist *errors)
{
	char *sql = xasprintf("DELETE FROM %s WHERE id = ?", k->table);
	sqlite3_stmt *st = db_cached(db, sql);
	free(sql);
	sqlite3_bind_int64(st, 1, id);
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok) {
		struct record r;
		record_init(&r, k);
		r.id = id;
		report_constraint(db, &r, errors);
	}
	db_release(st);
	return ok;
}

/* SELECT list that yields every stored field as canonical text. */
static void select_list(struct strbuf *sql, const struct kind_def *k)
{
	sb_puts(sql, "t.id");
	for (int i = 0; i < k->nfields; i++) {
		const struct field_def *f = &k->fields[i];
		if (!stored(f))
			continue;
		switch (f->type) {
		case FT_GROUP:
			sb_printf(sql, ", (SELECT code FROM rgroup WHERE id = t.%s)", f->column);
			break;
		case FT_CATEGORY:
			sb_printf(sql, ", (SELECT code FROM category WHERE id = t.%s)", f->column);
			break;
		case FT_BOOL:
			sb_printf(sql, ", CASE t.%s WHEN 1 THEN 'yes' ELSE 'no' END", f->column);
			break;
		default:
			sb_printf(sql, ", t.%s", f->column);
		}
	}
}

static void row_to_record(sqlite3_stmt *st, const struct kind_def *k, struct record *r)
{
	record_clear(r);
	r->kind = k;
	r->id = sqlite3_column_int64(st, 0);
	int c = 1;
	for (int i = 0; i < k->nfields; i++) {
		const struct field_def *f = &k->fields[i];
		if (!stored(f))
			continue;
		if (sqlite3_column_type(st, c) == SQLITE_NULL) {
			c++;
			continue;
		}
		if (f->type == FT_DECIMAL) {
			char buf[40];
			snprintf(buf, sizeof buf, "%.10g", sqlite3_column_double(st, c));
			record_set(r, i, buf);
		} else {
			record_set(r, i, (const char *)sqlite3_column_text(st, c));
		}
		c++;
	}
}

bool store_load(sqlite3 *db, const struct kind_def *k, long long id, struct record *out)
{
	struct strbuf sql = STRBUF_INIT;
	sb_puts(&sql, "SELECT ");
	select_list(&sql, k);
	sb_printf(&sql, " FROM %s t WHERE t.id = ?", k->table);
	sqlite3_stmt *st = db_prepare(db, sql.buf);
	sb_free(&sql);
	sqlite3_bind_int64(st, 1, id);
	record_init(out, k);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		row_to_record(st, k, out);
	sqlite3_finalize(st);
	return found;
}

long long store_find_key(sqlite3 *db, const struct record *rec)
{
	const struct kind_def *k = rec->kind;
	if (k->singleton)
		return db_query_int(db, 0, "SELECT id FROM ward WHERE id = 1", NULL);
	if (!k->key[0])
		return 0;
	struct strbuf sql = STRBUF_INIT;
	sb_printf(&sql, "SELECT id FROM %s WHERE ", k->table);
	int n = 0;
	for (; n < 3 && k->key[n]; n++) {
		const struct field_def *f = &k->fields[kind_field_index(k, k->key[n])];
		sb_printf(&sql, "%s%s = ?", n ? " AND " : "", f->column);
	}
	sqlite3_stmt *st = db_cached(db, sql.buf);
	sb_free(&sql);
	for (int i = 0; i < n; i++) {
		int fi = kind_field_index(k, k->key[i]);
		bind_value(st, i + 1, &k->fields[fi], rec->val[fi]);
	}
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	db_release(st);
	return id;
}

bool store_list(sqlite3 *db, const struct kind_def *k, const struct list_filter *f,
		store_row_fn fn, void *ctx, struct strlist *errors)
{
	struct strbuf sql = STRBUF_INIT;
	sb_puts(&sql, "SELECT ");
	select_list(&sql, k);
	sb_printf(&sql, " FROM %s t WHERE 1", k->table);
	int gi = kind_field_index(k, "group");
	char from[11] = "", to[11] = "";
	if (f && f->group) {
		if (!strcmp(k->name, "group"))
			sb_puts(&sql, " AND t.code = ?1");
		else if (gi >= 0)
			sb_printf(&sql, " AND t.%s = (SELECT id FROM rgroup WHERE code = ?1)", k->fields[gi].column);
	}
	if (f && f->from && k->date_field) {
		date_iso(f->from, from);
		date_iso(f->to, to);
		if (!strcmp(k->name, "fireteam"))
			sb_puts(&sql, " AND t.established <= ?3 AND (t.closed IS NULL OR t.closed >= ?2)");
		else
			sb_printf(&sql, " AND t.%s BETWEEN ?2 AND ?3",
				  k->fields[kind_field_index(k, k->date_field)].column);
	}
	if (k->date_field)
		sb_printf(&sql, " ORDER BY t.%s, t.id", k->fields[kind_field_index(k, k->date_field)].column);
	else if (!strcmp(k->name, "target"))
		sb_puts(&sql, " ORDER BY t.year, t.indicator");
	else
		sb_puts(&sql, " ORDER BY t.id");
	sqlite3_stmt *st = db_prepare(db, sql.buf);
	sb_free(&sql);
	if (f && f->group)
		db_bind_text(st, 1, f->group);
	if (from[0]) {
		db_bind_text(st, 2, from);
		db_bind_text(st, 3, to);
	}
	struct record r;
	record_init(&r, k);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_record(st, k, &r);
		if (!fn(&r, ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	bool ok = rc == SQLITE_DONE;
	if (!ok)
		db_error(db, errors, NULL);
	record_clear(&r);
	sqlite3_finalize(st);
	return ok;
}
