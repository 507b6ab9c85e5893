/* audit.c - queries over the append-only audit table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "i18n.h"
#include "kind.h"

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
	if (f && f->from) {
		date_iso(f->from, from);
		date_iso(f->to, to);
		strcat(to, " 99"); /* the whole last day */
	}
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, at, operator, tbl, row_id, action, old, new FROM audit "
		"WHERE (?1 = '' OR at >= ?1) AND (?2 = '' OR at <= ?2) AND (?3 IS NULL OR operator = ?3) "
		"ORDER BY id DESC");
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
