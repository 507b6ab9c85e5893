/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c - whole-database integrity and consistency check. */
#include "config.h"

#include <string.h>

#include "check.h"
#include "db.h"
#include "i18n.h"
#include "kind.h"
#include "record.h"
#include "store.h"
#include "validate.h"

struct check_ctx {
	sqlite3 *db;
	struct strlist *problems, *warnings;
};

static bool check_row(const struct record *r, void *vctx)
{
	struct check_ctx *c = vctx;
	struct record copy;
	record_copy(&copy, r);
	struct issues is = { NULL, 0, 0 };
	validate_stored(c->db, &copy, &is);
	for (size_t i = 0; i < is.n; i++)
		sl_pushf(is.v[i].sev == SEV_ERROR ? c->problems : c->warnings, "%s %lld: %s",
			 r->kind->name, r->id, is.v[i].msg);
	issues_free(&is);
	record_clear(&copy);
	return true;
}

/* The translated label of the kind stored in a table. */
static const char *table_label(const char *table)
{
	for (int k = 0; k < kind_count; k++)
		if (!strcmp(kinds[k]->table, table))
			return _(kinds[k]->label);
	return table;
}

bool check_database(sqlite3 *db, struct strlist *problems, struct strlist *warnings)
{
	bool sound = true;
	sqlite3_stmt *st = db_prepare(db, "PRAGMA integrity_check");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(m, "ok") != 0) {
			sl_pushf(problems, _("database file: %s"), m);
			sound = false;
		}
	}
	sqlite3_finalize(st);
	st = db_prepare(db, "PRAGMA foreign_key_check");
	while (sqlite3_step(st) == SQLITE_ROW)
		sl_pushf(problems, _("%s %lld refers to a missing %s record"),
			 table_label((const char *)sqlite3_column_text(st, 0)), sqlite3_column_int64(st, 1),
			 table_label((const char *)sqlite3_column_text(st, 2)));
	sqlite3_finalize(st);
	if (!sound)
		return false;
	struct check_ctx c = { db, problems, warnings };
	for (int k = 0; k < kind_count; k++) {
		struct strlist errors = STRLIST_INIT;
		if (!store_list(db, kinds[k], NULL, check_row, &c, &errors)) {
			for (size_t i = 0; i < errors.n; i++)
				sl_pushf(problems, "%s: %s", kinds[k]->name, errors.items[i]);
			sound = false;
		}
		sl_free(&errors);
	}
	return sound;
}
