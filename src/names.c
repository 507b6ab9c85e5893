/* SPDX-License-Identifier: GPL-3.0-or-later */
/* names.c - names instead of codes for the screens (see names.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "i18n.h"
#include "indicator.h"
#include "names.h"
#include "numfmt.h"
#include "text.h"
#include "util.h"

static const struct { const char *value, *label; } choice_names[] = {
	{ "radio", N_("loudspeaker system") }, { "mobile", N_("mobile outreach") },
	{ "meeting", N_("meeting") }, { "online", N_("online (Zalo, Facebook)") },
	{ "other", N_("other") }, { "team", N_("fire-safety team") },
	{ "point", N_("public fire point") },
};

const char *names_choice(const char *value)
{
	for (size_t i = 0; i < ARRAY_SIZE(choice_names); i++)
		if (!strcmp(choice_names[i].value, value))
			return _(choice_names[i].label);
	return value;
}

/* The name of the row of `table` whose code is `code`, or NULL (new string). */
static char *name_of_code(sqlite3 *db, const char *table, const char *code)
{
	if (!db)
		return NULL;
	char *sql = xasprintf("SELECT name FROM %s WHERE code = ?", table);
	sqlite3_stmt *st = db_prepare(db, sql);
	free(sql);
	db_bind_text(st, 1, code);
	char *name = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		name = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return name;
}

char *names_value(sqlite3 *db, const struct record *rec, const struct field_def *f, const char *v)
{
	ws_date d;
	char buf[32];
	double x;
	if (!v)
		return xstrdup("");
	switch (f->type) {
	case FT_DATE:
		if (date_parse(v, &d))
			return xstrdup(date_dmy(d, buf));
		break;
	case FT_BOOL:
		return xstrdup(!strcmp(v, "yes") ? _("yes") : _("no"));
	case FT_CHOICE:
		return xstrdup(names_choice(v));
	case FT_CATEGORY: {
		char *n = name_of_code(db, "category", v);
		return n ? n : xstrdup(v);
	}
	case FT_INDICATOR: {
		const struct indicator_def *def = indicator_find(v);
		return xstrdup(def ? _(def->short_label) : v);
	}
	case FT_DECIMAL:
		if (parse_decimal(v, &x)) {
			const char *ind = rec && rec->kind ? record_get(rec, "indicator") : NULL;
			const struct indicator_def *def = ind ? indicator_find(ind) : NULL;
			return xasprintf("%s%s", numfmt_num(x, buf), def && def->type == IT_RATE ? "%" : "");
		}
		break;
	default:
		break;
	}
	return xstrdup(v);
}

char *names_form_text(sqlite3 *db, const struct field_def *f, const char *v)
{
	if (!v)
		return xstrdup("");
	switch (f->type) {
	case FT_GROUP: {
		char *n = name_of_code(db, "rgroup", v);
		return n ? n : xstrdup(v);
	}
	case FT_INDICATOR: {
		const struct indicator_def *def = indicator_find(v);
		return xstrdup(def ? _(def->label) : v);
	}
	case FT_BOOL:
	case FT_CHOICE:
	case FT_CATEGORY:
		return names_value(db, NULL, f, v);
	default:
		return xstrdup(v);
	}
}

/* True when two texts are the same but for case and accents. */
static bool same_key(const char *a, const char *b)
{
	char *ka = text_search_key(a), *kb = text_search_key(b);
	bool same = !strcmp(ka, kb);
	free(ka);
	free(kb);
	return same;
}

/* The code of the only row of `table` named `name` (new string), or NULL. */
static char *code_of_name(sqlite3 *db, const char *table, const char *name)
{
	if (!db)
		return NULL;
	char *sql = xasprintf("SELECT code, name FROM %s ORDER BY id", table);
	sqlite3_stmt *st = db_prepare(db, sql);
	free(sql);
	char *code = NULL;
	int found = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		const char *n = (const char *)sqlite3_column_text(st, 1);
		if (c && !strcmp(c, name)) { /* a code is taken as it is */
			free(code);
			code = xstrdup(c);
			found = 1;
			break;
		}
		if (n && same_key(n, name) && found++ == 0)
			code = xstrdup(c);
	}
	sqlite3_finalize(st);
	if (found != 1) { /* two groups of that name: the code decides */
		free(code);
		code = NULL;
	}
	return code;
}

char *names_input(sqlite3 *db, const struct field_def *f, const char *typed)
{
	switch (f->type) {
	case FT_GROUP:
	case FT_CATEGORY: {
		char *c = code_of_name(db, f->type == FT_GROUP ? "rgroup" : "category", typed);
		return c ? c : xstrdup(typed);
	}
	case FT_BOOL:
		if (same_key(typed, _("yes")))
			return xstrdup("yes");
		if (same_key(typed, _("no")))
			return xstrdup("no");
		break;
	case FT_CHOICE:
		for (const char *p = f->choices; p && *p;) {
			const char *bar = strchr(p, '|');
			char *v = xstrndup(p, bar ? (size_t)(bar - p) : strlen(p));
			if (!strcmp(v, typed) || same_key(names_choice(v), typed))
				return v;
			free(v);
			p = bar ? bar + 1 : NULL;
		}
		break;
	case FT_INDICATOR:
		for (int i = 0; i < indicator_count; i++)
			if (!strcmp(indicator_defs[i].id, typed) || same_key(_(indicator_defs[i].label), typed) ||
			    same_key(_(indicator_defs[i].short_label), typed))
				return xstrdup(indicator_defs[i].id);
		break;
	default:
		break;
	}
	return xstrdup(typed);
}
