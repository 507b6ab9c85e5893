/* SPDX-License-Identifier: GPL-3.0-or-later */
/* template.c - the sheet for the group leaders (template.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "template.h"
#include "text.h"

bool template_kind_ok(const struct kind_def *k)
{
	int g = kind_field_index(k, "group");
	return k->one_per_date && k->date_field && g >= 0 && k->fields[g].type == FT_GROUP;
}

const char *template_kind_names(void)
{
	static char buf[256];
	if (!buf[0])
		for (int i = 0; i < kind_count; i++)
			if (template_kind_ok(kinds[i])) {
				if (buf[0])
					strcat(buf, ", ");
				strcat(buf, kinds[i]->name);
			}
	return buf;
}

/* True if s ends with suffix; *base_len gets the length before it. */
static bool ends_with(const char *s, const char *suffix, size_t *base_len)
{
	size_t n = strlen(s), m = strlen(suffix);
	if (n <= m || strcmp(s + n - m, suffix) != 0)
		return false;
	*base_len = n - m;
	return true;
}

/* The index of a stored field named by the first n bytes of s, or -1. */
static int field_of(const struct kind_def *k, const char *s, size_t n)
{
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].column && strlen(k->fields[i].name) == n && !strncmp(k->fields[i].name, s, n))
			return i;
	return -1;
}

int template_readonly_column(const struct kind_def *k, const char *name)
{
	size_t n;
	int f;
	if (ends_with(name, TEMPLATE_NAME_SUFFIX, &n)) {
		f = field_of(k, name, n);
		return f >= 0 && k->fields[f].type == FT_GROUP ? f : -1;
	}
	if (ends_with(name, TEMPLATE_LAST_SUFFIX, &n) || ends_with(name, TEMPLATE_LAST_DATE_SUFFIX, &n)) {
		f = field_of(k, name, n);
		return f >= 0 && k->fields[f].type != FT_GROUP && strcmp(k->fields[f].name, k->date_field) != 0
			       ? f : -1;
	}
	return -1;
}

bool template_last_value(sqlite3 *db, const struct kind_def *k, int field, long long group_id,
			 const char *date, char **value, char last_date[11], struct strlist *errors)
{
	*value = NULL;
	last_date[0] = '\0';
	int g = kind_field_index(k, "group"), d = kind_field_index(k, k->date_field);
	/* Table and column names come only from the kind table. */
	char *sql = xasprintf("SELECT %s, %s FROM %s WHERE %s = ?1 AND %s < ?2 AND %s IS NOT NULL "
			      "ORDER BY %s DESC, id DESC LIMIT 1",
			      k->fields[field].column, k->fields[d].column, k->table, k->fields[g].column,
			      k->fields[d].column, k->fields[field].column, k->fields[d].column);
	sqlite3_stmt *st = db_cached(db, sql);
	free(sql);
	sqlite3_bind_int64(st, 1, group_id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		const char *dt = (const char *)sqlite3_column_text(st, 1);
		*value = xstrdup(v ? v : "");
		snprintf(last_date, 11, "%s", dt ? dt : "");
	}
	db_release(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_error(db, errors, _("reading the last values failed"));
		return false;
	}
	return true;
}

/* A value from the database as the sheet shows it: control characters
 * (from an older or foreign file) escaped. */
static char *sheet_text(const char *s)
{
	return text_printable(s ? s : "");
}

/* The header row of the sheet of kind k. */
static void write_header(const struct kind_def *k, const struct csv_style *st, struct strbuf *out)
{
	const char *names[3 * KIND_MAX_FIELDS + 2] = { NULL };
	char *owned[3 * KIND_MAX_FIELDS + 2];
	int n = 0, no = 0;
	for (int i = 0; i < k->nfields; i++) {
		const struct field_def *f = &k->fields[i];
		if (!f->column)
			continue;
		names[n++] = f->name;
		if (f->type == FT_GROUP) {
			names[n++] = owned[no++] = xasprintf("%s%s", f->name, TEMPLATE_NAME_SUFFIX);
		} else if (strcmp(f->name, k->date_field) != 0) {
			names[n++] = owned[no++] = xasprintf("%s%s", f->name, TEMPLATE_LAST_SUFFIX);
			names[n++] = owned[no++] = xasprintf("%s%s", f->name, TEMPLATE_LAST_DATE_SUFFIX);
		}
	}
	csv_put_row(out, st, names, NULL, n);
	for (int i = 0; i < no; i++)
		free(owned[i]);
}

/* The row of one group. */
static bool write_row(sqlite3 *db, const struct kind_def *k, const struct csv_style *st, long long gid,
		      const char *code, const char *name, const char *date, struct strbuf *out,
		      struct strlist *errors)
{
	const char *vals[3 * KIND_MAX_FIELDS + 2] = { NULL };
	bool number[3 * KIND_MAX_FIELDS + 2] = { false };
	char *owned[3 * KIND_MAX_FIELDS + 2];
	int n = 0, no = 0;
	bool ok = true;
	for (int i = 0; i < k->nfields && ok; i++) {
		const struct field_def *f = &k->fields[i];
		if (!f->column)
			continue;
		if (f->type == FT_GROUP) {
			vals[n++] = owned[no++] = sheet_text(code);
			vals[n++] = owned[no++] = sheet_text(name);
		} else if (!strcmp(f->name, k->date_field)) {
			vals[n++] = date;
		} else {
			char *v, last[11];
			ok = template_last_value(db, k, i, gid, date, &v, last, errors);
			number[n] = number[n + 1] = f->type == FT_COUNT || f->type == FT_DECIMAL || f->type == FT_YEAR;
			vals[n++] = "";
			vals[n++] = owned[no++] = sheet_text(v);
			vals[n++] = owned[no++] = xstrdup(last);
			free(v);
		}
	}
	if (ok)
		csv_put_row(out, st, vals, number, n);
	for (int i = 0; i < no; i++)
		free(owned[i]);
	return ok;
}

/* True if code is one of the groups asked for (or none were). */
static bool wanted(const struct template_opts *o, const char *code)
{
	if (!o->groups)
		return true;
	for (int i = 0; i < o->ngroups; i++)
		if (!strcmp(o->groups[i], code))
			return true;
	return false;
}

/* Refuses (false, messages in errors) a kind that has no sheet, an
 * unknown group code or a group not active on the date; date gets the
 * date of the sheet, ISO. */
static bool check_opts(sqlite3 *db, const struct template_opts *o, char date[11], struct strlist *errors)
{
	const struct kind_def *k = o->kind;
	if (!template_kind_ok(k)) {
		sl_pushf(errors, _("there is no sheet for %s records: the sheet is for the figures each group "
				   "reports at a date; kinds: %s"), k->name, template_kind_names());
		return false;
	}
	date_iso(o->date, date);
	/* Every group asked for must exist and be active on the date. */
	bool ok = true;
	for (int i = 0; i < o->ngroups; i++) {
		sqlite3_stmt *st = db_prepare(db, "SELECT active, closed FROM rgroup WHERE code = ?");
		db_bind_text(st, 1, o->groups[i]);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sl_pushf(errors, _("no group has the code %s"), o->groups[i]);
			ok = false;
		} else {
			const char *closed = (const char *)sqlite3_column_text(st, 1);
			if (!sqlite3_column_int(st, 0) && (!closed || strcmp(closed, date) <= 0)) {
				if (closed)
					sl_pushf(errors, _("group %s was closed on %s; it has no row on the sheet of %s"),
						 o->groups[i], closed, date);
				else
					sl_pushf(errors, _("group %s is not active; it has no row on the sheet of %s"),
						 o->groups[i], date);
				ok = false;
			}
		}
		sqlite3_finalize(st);
	}
	return ok;
}

bool template_write(sqlite3 *db, const struct template_opts *o, struct strbuf *out,
		    struct strlist *errors, bool *refused)
{
	*refused = true;
	const struct kind_def *k = o->kind;
	char date[11];
	if (!check_opts(db, o, date, errors))
		return false;
	bool ok = true;
	*refused = false;
	size_t start = out->len;
	if (o->bom)
		sb_puts(out, "\xEF\xBB\xBF");
	const struct csv_style *cs = o->csv ? o->csv : &csv_style_plain;
	write_header(k, cs, out);
	/* The groups active on the date, in group order: active now, or
	 * closed after it. */
	sqlite3_stmt *st = db_prepare(db, "SELECT id, code, name FROM rgroup "
					  "WHERE active = 1 OR (closed IS NOT NULL AND closed > ?1) ORDER BY id");
	sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
	int rows = 0, rc = SQLITE_DONE;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		if (!wanted(o, code ? code : ""))
			continue;
		ok = write_row(db, k, cs, sqlite3_column_int64(st, 0), code, (const char *)sqlite3_column_text(st, 2),
			       date, out, errors);
		rows++;
	}
	if (ok && rc != SQLITE_DONE) {
		db_error(db, errors, _("reading the groups failed"));
		ok = false;
	}
	sqlite3_finalize(st);
	if (ok && !rows) {
		sl_pushf(errors, _("no group is active on %s; add the groups first (wardsafe add group)"), date);
		*refused = true;
		ok = false;
	}
	if (!ok) {
		out->len = start;
		if (out->buf)
			out->buf[start] = '\0';
	}
	return ok;
}

bool template_sheet_load(sqlite3 *db, const struct template_opts *o, struct template_sheet *out,
			 struct strlist *errors, bool *refused)
{
	memset(out, 0, sizeof *out);
	out->kind = o->kind;
	*refused = true;
	if (!check_opts(db, o, out->date, errors))
		return false;
	*refused = false;
	const struct kind_def *k = o->kind;
	sqlite3_stmt *st = db_prepare(db, "SELECT id, code, name, leader FROM rgroup "
					  "WHERE active = 1 OR (closed IS NOT NULL AND closed > ?1) ORDER BY id");
	sqlite3_bind_text(st, 1, out->date, -1, SQLITE_TRANSIENT);
	int rc = SQLITE_DONE, cap = 0;
	bool ok = true;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		if (!wanted(o, code ? code : ""))
			continue;
		if (out->nrows == cap) {
			cap = cap ? 2 * cap : 16;
			out->rows = xrealloc(out->rows, (size_t)cap * sizeof *out->rows);
		}
		struct template_row *r = &out->rows[out->nrows++];
		memset(r, 0, sizeof *r);
		r->group_id = sqlite3_column_int64(st, 0);
		r->code = sheet_text(code);
		r->name = sheet_text((const char *)sqlite3_column_text(st, 2));
		r->leader = sheet_text((const char *)sqlite3_column_text(st, 3));
		for (int i = 0; i < k->nfields && ok; i++) {
			const struct field_def *f = &k->fields[i];
			if (!f->column || f->type == FT_GROUP || !strcmp(f->name, k->date_field))
				continue;
			char *v;
			ok = template_last_value(db, k, i, r->group_id, out->date, &v, r->last_date[i], errors);
			if (v && *v)
				r->last[i] = sheet_text(v);
			free(v);
		}
	}
	if (ok && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_error(db, errors, _("reading the groups failed"));
		ok = false;
	}
	sqlite3_finalize(st);
	if (ok && !out->nrows) {
		sl_pushf(errors, _("no group is active on %s; add the groups first (wardsafe add group)"), out->date);
		*refused = true;
		ok = false;
	}
	if (!ok)
		template_sheet_free(out);
	return ok;
}

void template_sheet_free(struct template_sheet *s)
{
	for (int i = 0; i < s->nrows; i++) {
		struct template_row *r = &s->rows[i];
		free(r->code);
		free(r->name);
		free(r->leader);
		for (int f = 0; f < KIND_MAX_FIELDS; f++)
			free(r->last[f]);
	}
	free(s->rows);
	memset(s, 0, sizeof *s);
}
