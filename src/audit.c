/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit.c - queries over the append-only audit table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "i18n.h"
#include "kind.h"
#include "names.h"
#include "record.h"
#include "text.h"

/* The record kind whose table this is ("rgroup" -> "group"). */
static const char *kind_of_table(const char *table)
{
	for (int k = 0; k < kind_count; k++)
		if (!strcmp(kinds[k]->table, table))
			return kinds[k]->name;
	return table;
}

bool audit_list(sqlite3 *db, const struct audit_filter *f, audit_fn fn, void *ctx, struct strlist *errors)
{
	char from[32] = "", to[32] = "";
	bool by_record = f && f->by_record && f->from;
	if (f && f->from) {
		date_iso(f->from, from);
		date_iso(f->to, to);
		if (!by_record)
			strcat(to, " 99"); /* the whole last day */
	}
	/* The record's dates: its kind's date field, from the kind table; a
	 * target covers its year. */
	struct strbuf first = STRBUF_INIT, last = STRBUF_INIT;
	sb_puts(&first, "CASE tbl");
	sb_puts(&last, "CASE tbl");
	for (int k = 0; k < kind_count; k++) {
		int fi = kinds[k]->date_field ? kind_field_index(kinds[k], kinds[k]->date_field) : -1;
		int yi = kind_field_index(kinds[k], "year");
		if (fi >= 0) {
			char *e = xasprintf(" WHEN '%s' THEN json_extract(coalesce(new, old), '$.%s')", kinds[k]->table,
					    kinds[k]->fields[fi].column);
			sb_puts(&first, e);
			sb_puts(&last, e);
			free(e);
		} else if (yi >= 0) {
			sb_printf(&first, " WHEN '%s' THEN printf('%%04d-01-01', json_extract(coalesce(new, old), '$.%s'))",
				  kinds[k]->table, kinds[k]->fields[yi].column);
			sb_printf(&last, " WHEN '%s' THEN printf('%%04d-12-31', json_extract(coalesce(new, old), '$.%s'))",
				  kinds[k]->table, kinds[k]->fields[yi].column);
		}
	}
	sb_puts(&first, " END");
	sb_puts(&last, " END");
	/* A change is in the period when it was made in it; a record is when
	 * its dates overlap it. */
	char *sql = xasprintf("SELECT id, at, operator, tbl, row_id, action, old, new FROM audit "
			      "WHERE (?1 = '' OR %s >= ?1) AND (?2 = '' OR %s <= ?2) AND (?3 IS NULL OR operator = ?3) "
			      "ORDER BY id DESC", by_record ? last.buf : "at", by_record ? first.buf : "at");
	sb_free(&first);
	sb_free(&last);
	sqlite3_stmt *st = db_prepare(db, sql);
	free(sql);
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	db_bind_text(st, 3, f ? f->operator_ : NULL);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry e = {
			sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2),
			kind_of_table((const char *)sqlite3_column_text(st, 3)), sqlite3_column_int64(st, 4),
			(const char *)sqlite3_column_text(st, 5), (const char *)sqlite3_column_text(st, 6),
			(const char *)sqlite3_column_text(st, 7),
		};
		if (!fn(&e, ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	bool ok = rc == SQLITE_DONE;
	if (!ok)
		db_error(db, errors, NULL);
	sqlite3_finalize(st);
	return ok;
}

/* The fields of a JSON object in its order, as "key value" pairs, through
 * SQLite's json_each so no JSON parser of our own is needed. */
static void json_fields(sqlite3 *db, const char *json, struct strlist *keys, struct strlist *values)
{
	if (!json)
		return;
	sqlite3_stmt *st = db_prepare(db, "SELECT key, coalesce(value, '') FROM json_each(?)");
	db_bind_text(st, 1, json);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sl_push(keys, xstrdup((const char *)sqlite3_column_text(st, 0)));
		sl_push(values, xstrdup((const char *)sqlite3_column_text(st, 1)));
	}
	sqlite3_finalize(st);
}

char *audit_describe(sqlite3 *db, const struct audit_entry *e)
{
	struct strlist ok = STRLIST_INIT, ov = STRLIST_INIT, nk = STRLIST_INIT, nv = STRLIST_INIT;
	json_fields(db, e->old_json, &ok, &ov);
	json_fields(db, e->new_json, &nk, &nv);
	struct strbuf sb = STRBUF_INIT;
	if (!strcmp(e->action, "update")) {
		/* Only what changed. */
		for (size_t i = 0; i < nk.n; i++)
			for (size_t j = 0; j < ok.n; j++)
				if (!strcmp(nk.items[i], ok.items[j]) && strcmp(nv.items[i], ov.items[j]) != 0)
					sb_printf(&sb, "%s%s %s → %s", sb.len ? "; " : "", nk.items[i], ov.items[j],
						  nv.items[i]);
		if (!sb.len)
			sb_puts(&sb, _("no visible change"));
	} else {
		const struct strlist *k = !strcmp(e->action, "delete") ? &ok : &nk;
		const struct strlist *v = !strcmp(e->action, "delete") ? &ov : &nv;
		for (size_t i = 0; i < k->n; i++)
			if (strcmp(k->items[i], "id") != 0 && *v->items[i])
				sb_printf(&sb, "%s%s=%s", sb.len ? ", " : "", k->items[i], v->items[i]);
	}
	sl_free(&ok);
	sl_free(&ov);
	sl_free(&nk);
	sl_free(&nv);
	return sb_steal(&sb);
}

const char *audit_action_name(const char *action)
{
	if (!strcmp(action, "insert"))
		return _("added");
	if (!strcmp(action, "update"))
		return _("changed");
	if (!strcmp(action, "delete"))
		return _("deleted");
	return action;
}

/* The field of a kind stored in `column`, or NULL. */
static const struct field_def *field_of_column(const struct kind_def *k, const char *column)
{
	for (int i = 0; k && i < k->nfields; i++)
		if (k->fields[i].column && !strcmp(k->fields[i].column, column))
			return &k->fields[i];
	return NULL;
}

/* A text column of the row of `table` with this id, or NULL (new string). */
static char *column_of_id(sqlite3 *db, const char *table, const char *column, const char *id)
{
	char *sql = xasprintf("SELECT %s FROM %s WHERE id = ?", column, table);
	sqlite3_stmt *st = db_prepare(db, sql);
	free(sql);
	long long n = 0;
	parse_int64(id, &n);
	sqlite3_bind_int64(st, 1, n);
	char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* A logged value as the screens show it: names instead of ids, yes/no,
 * dates and numbers as the language writes them (new string).  `rec` holds
 * the record's other values (a target's indicator decides its "%"). */
static char *shown_value(sqlite3 *db, const struct record *rec, const struct field_def *f, const char *v)
{
	if (!*v)
		return xstrdup(_("(empty)"));
	switch (f->type) {
	case FT_GROUP: {
		char *name = column_of_id(db, "rgroup", "name", v);
		return name ? name : xasprintf(_("group no. %s (deleted)"), v);
	}
	case FT_CATEGORY: {
		char *name = column_of_id(db, "category", "name", v);
		return name ? name : xasprintf(_("category no. %s (deleted)"), v);
	}
	case FT_BOOL:
		return names_value(db, rec, f, !strcmp(v, "1") || !strcmp(v, "yes") ? "yes" : "no");
	default:
		return names_value(db, rec, f, v);
	}
}

/* The logged record as a record of its kind (the values as logged). */
static void logged_record(const struct kind_def *k, const struct strlist *keys, const struct strlist *values,
			  struct record *r)
{
	record_init(r, k);
	for (size_t i = 0; i < keys->n; i++)
		for (int j = 0; j < k->nfields; j++)
			if (k->fields[j].column && !strcmp(k->fields[j].column, keys->items[i]))
				record_set(r, j, values->items[i]);
}

char *audit_record_words(sqlite3 *db, const struct audit_entry *e)
{
	const struct kind_def *k = kind_find(e->kind);
	struct strbuf sb = STRBUF_INIT;
	char *label = text_capitalize(k ? _(k->label) : e->kind);
	sb_printf(&sb, "%s %lld", label, e->row_id);
	free(label);
	if (!k)
		return sb_steal(&sb);
	struct strlist keys = STRLIST_INIT, values = STRLIST_INIT;
	json_fields(db, e->new_json ? e->new_json : e->old_json, &keys, &values);
	struct record r;
	logged_record(k, &keys, &values, &r);
	for (size_t i = 0; i < keys.n; i++) {
		const struct field_def *f = field_of_column(k, keys.items[i]);
		if (!f || !*values.items[i])
			continue;
		if (f->type == FT_GROUP) {
			char *code = column_of_id(db, "rgroup", "code", values.items[i]);
			char *gone = code ? NULL : xasprintf(_("group no. %s (deleted)"), values.items[i]);
			sb_printf(&sb, code ? _(", group %s") : ", %s", code ? code : gone);
			free(code);
			free(gone);
		}
	}
	/* Then what names the record: its date, or its name, year, period. */
	static const char *const naming[] = { "name", "year", "indicator", "period" };
	for (size_t i = 0; i < keys.n; i++) {
		const struct field_def *f = field_of_column(k, keys.items[i]);
		if (!f || !*values.items[i])
			continue;
		bool names_it = k->date_field && !strcmp(f->name, k->date_field);
		for (size_t n = 0; !k->date_field && n < ARRAY_SIZE(naming); n++)
			names_it |= !strcmp(f->name, naming[n]);
		if (names_it) {
			char *v = shown_value(db, &r, f, values.items[i]);
			sb_printf(&sb, ", %s", v);
			free(v);
		}
	}
	record_clear(&r);
	sl_free(&keys);
	sl_free(&values);
	return sb_steal(&sb);
}

char *audit_change_words(sqlite3 *db, const struct audit_entry *e)
{
	const struct kind_def *k = kind_find(e->kind);
	struct strlist ok = STRLIST_INIT, ov = STRLIST_INIT, nk = STRLIST_INIT, nv = STRLIST_INIT;
	json_fields(db, e->old_json, &ok, &ov);
	json_fields(db, e->new_json, &nk, &nv);
	struct record ro, rn;
	logged_record(k ? k : kinds[0], &ok, &ov, &ro);
	logged_record(k ? k : kinds[0], &nk, &nv, &rn);
	struct strbuf sb = STRBUF_INIT;
	bool update = !strcmp(e->action, "update");
	const struct strlist *keys = update || strcmp(e->action, "delete") ? &nk : &ok;
	const struct strlist *vals = keys == &nk ? &nv : &ov;
	for (size_t i = 0; i < keys->n; i++) {
		const struct field_def *f = field_of_column(k, keys->items[i]);
		if (!f)
			continue; /* the id, or a column of no field */
		const char *before = NULL;
		for (size_t j = 0; update && j < ok.n; j++)
			if (!strcmp(ok.items[j], keys->items[i]))
				before = ov.items[j];
		if (update && (!before || !strcmp(before, vals->items[i])))
			continue;
		if (!update && !*vals->items[i])
			continue;
		char *now = shown_value(db, keys == &nk ? &rn : &ro, f, vals->items[i]);
		if (update) {
			char *was = shown_value(db, &ro, f, before);
			sb_printf(&sb, "%s%s: %s → %s", sb.len ? "; " : "", _(f->label), was, now);
			free(was);
		} else {
			sb_printf(&sb, "%s%s: %s", sb.len ? "; " : "", _(f->label), now);
		}
		free(now);
	}
	if (!sb.len)
		sb_puts(&sb, update ? _("no visible change") : "");
	record_clear(&ro);
	record_clear(&rn);
	sl_free(&ok);
	sl_free(&ov);
	sl_free(&nk);
	sl_free(&nv);
	return sb_steal(&sb);
}
