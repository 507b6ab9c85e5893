/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_list.c - the list screens: groups, data entry, incidents, outreach,
 * fire teams, establishments, targets.  One generic screen over the kind
 * table: each shows one or more kinds of record (Tab switches), filtered by
 * group and by the selected period, sortable, searchable without regard to
 * case or accents; Enter opens a record in its form. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "entry.h"
#include "i18n.h"
#include "layout.h"
#include "names.h"
#include "record.h"
#include "screens.h"
#include "round.h"
#include "store.h"
#include "text.h"
#include "tui.h"
#include "ui_round.h"

#define MAX_KINDS 4

struct list_state {
	const struct kind_def *kinds[MAX_KINDS];
	int nkinds, ki;
	struct record *rows;
	char **keys;          /* search key of each row */
	int nrows, cap;
	int sel, first;
	int sort_field;       /* -1: the stored order */
	bool sort_desc;
	char *group;          /* group filter (code) or NULL */
	bool by_period;       /* only records of the selected period */
	char *search;         /* search key typed with / */
	int content_w[KIND_MAX_FIELDS]; /* widest value shown of each field */
};

static const struct kind_def *cur_kind(const struct list_state *l)
{
	return l->kinds[l->ki];
}

/* True when the current kind is recorded by group, so that the group filter
 * applies to it (the groups themselves too: one group). */
static bool kind_by_group(const struct list_state *l)
{
	const struct kind_def *k = cur_kind(l);
	return kind_field_index(k, "group") >= 0 || !strcmp(k->name, "group");
}

static void clear_rows(struct list_state *l)
{
	for (int i = 0; i < l->nrows; i++) {
		record_clear(&l->rows[i]);
		free(l->keys[i]);
	}
	l->nrows = 0;
}

static bool collect(const struct record *r, void *vctx)
{
	struct list_state *l = vctx;
	if (l->nrows == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->rows = xrealloc(l->rows, (size_t)l->cap * sizeof *l->rows);
		l->keys = xrealloc(l->keys, (size_t)l->cap * sizeof *l->keys);
	}
	record_copy(&l->rows[l->nrows], r);
	l->keys[l->nrows] = NULL;
	l->nrows++;
	return true;
}

/* The search key of a row: all its values and their names, folded. */
static char *row_key(sqlite3 *db, const struct record *r)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < r->kind->nfields; i++)
		if (r->val[i]) {
			char *name = names_value(db, r, &r->kind->fields[i], r->val[i]);
			sb_printf(&sb, "%s %s ", r->val[i], name);
			free(name);
		}
	char *k = text_search_key(sb.buf ? sb.buf : "");
	sb_free(&sb);
	return k;
}

static const struct list_state *sort_ctx;
/* A column of names (category, kind, indicator) sorts by the names shown:
 * each stored value's name, looked up once per sort. */
static struct strlist sort_values, sort_names;
static sqlite3 *sort_db;

static const char *sort_text(const struct record *r, int f)
{
	const char *v = r->val[f] ? r->val[f] : "";
	enum field_type t = r->kind->fields[f].type;
	if (t != FT_CATEGORY && t != FT_CHOICE && t != FT_INDICATOR)
		return v;
	for (size_t i = 0; i < sort_values.n; i++)
		if (!strcmp(sort_values.items[i], v))
			return sort_names.items[i];
	sl_push(&sort_values, xstrdup(v));
	sl_push(&sort_names, names_value(sort_db, r, &r->kind->fields[f], v));
	return sort_names.items[sort_names.n - 1];
}

static int compare_rows(const void *a, const void *b)
{
	const struct record *x = a, *y = b;
	int f = sort_ctx->sort_field;
	const char *u = sort_text(x, f), *v = sort_text(y, f);
	long long nu, nv;
	int c;
	if (parse_int64(u, &nu) && parse_int64(v, &nv))
		c = nu < nv ? -1 : nu > nv;
	else {
		char *ku = text_search_key(u), *kv = text_search_key(v);
		c = strcmp(ku, kv);
		free(ku);
		free(kv);
	}
	if (!c)
		c = x->id < y->id ? -1 : x->id > y->id;
	return sort_ctx->sort_desc ? -c : c;
}

static char *cell_text(sqlite3 *db, const struct record *r, int i);

/* The widest value of each column, for the layout (once per reload, not
 * per key). */
static void measure(sqlite3 *db, struct list_state *l)
{
	const struct kind_def *k = cur_kind(l);
	for (int i = 0; i < k->nfields; i++) {
		l->content_w[i] = 0;
		for (int r = 0; r < l->nrows; r++) {
			char *v = cell_text(db, &l->rows[r], i);
			int vw = text_width(v);
			if (vw > l->content_w[i])
				l->content_w[i] = vw;
			free(v);
		}
	}
}

/* Reloads the rows of the current kind with the filters. */
static void reload(struct ui *ui, struct list_state *l)
{
	long long keep = l->sel < l->nrows ? l->rows[l->sel].id : 0;
	clear_rows(l);
	const struct kind_def *k = cur_kind(l);
	struct list_filter f = { NULL, 0, 0 };
	if (l->group && kind_by_group(l))
		f.group = l->group;
	if (l->by_period && k->date_field) {
		f.from = period_start(&ui->period, ui->month_start_day);
		f.to = period_end(&ui->period, ui->month_start_day);
	}
	struct strlist errors = STRLIST_INIT;
	if (!store_list(ui->db, k, &f, collect, l, &errors))
		tui_errors(ui, &errors);
	sl_free(&errors);
	if (l->sort_field >= 0 && l->nrows) {
		sort_ctx = l;
		sort_db = ui->db;
		qsort(l->rows, (size_t)l->nrows, sizeof *l->rows, compare_rows);
		sl_free(&sort_values);
		sl_free(&sort_names);
	}
	for (int i = 0; i < l->nrows; i++)
		l->keys[i] = row_key(ui->db, &l->rows[i]);
	measure(ui->db, l);
	/* The same record if it is still there; else the same place (after a
	 * delete: the line that took its place, or the new last one). */
	int at = l->sel;
	l->sel = at < l->nrows ? at : (l->nrows ? l->nrows - 1 : 0);
	for (int i = 0; i < l->nrows; i++)
		if (l->rows[i].id == keep)
			l->sel = i;
}


static void list_enter(struct ui *ui, struct screen *s)
{
	reload(ui, s->state);
}

/* The column header: the field label, shortened to fit. */
static const char *field_title(const struct field_def *f)
{
	return _(f->label);
}

/* A value as shown: names instead of codes, dates as DD/MM/YYYY, numbers
 * as the language writes them (names.h). */
static char *cell_text(sqlite3 *db, const struct record *r, int i)
{
	return names_value(db, r, &r->kind->fields[i], r->val[i]);
}

static void list_draw(struct ui *ui, struct screen *s, int top, int rows)
{
	struct list_state *l = s->state;
	const struct kind_def *k = cur_kind(l);
	int cols = tui_cols();
	/* Title line: kind, filters, position. */
	struct strbuf t = STRBUF_INIT;
	char *label = text_capitalize(_(k->label));
	sb_puts(&t, label);
	free(label);
	if (l->nkinds > 1)
		sb_printf(&t, " (%d/%d, Tab)", l->ki + 1, l->nkinds);
	if (l->group && kind_by_group(l))
		sb_printf(&t, _(" · group %s"), l->group);
	if (k->date_field) {
		char p[32];
		if (l->by_period)
			sb_printf(&t, _(" · period %s"), period_format(&ui->period, p));
		else
			sb_puts(&t, _(" · all dates"));
	}
	if (l->search)
		sb_printf(&t, _(" · search \"%s\""), l->search);
	tui_put(top, 0, cols - 12, t.buf, TC_TITLE);
	sb_free(&t);
	char *pos = xasprintf("%d/%d", l->nrows ? l->sel + 1 : 0, l->nrows);
	tui_put_right(top, cols - 12, 12, pos, TC_NORMAL);
	free(pos);

	/* Column layout by content (layout.c): every column as wide as its
	 * header and its widest value if all fit, otherwise names and notes
	 * share what is left and their values are cut with "…" (Enter shows
	 * the record in full). */
	int widths[KIND_MAX_FIELDS], idx[KIND_MAX_FIELDS], got[KIND_MAX_FIELDS], nc = 0;
	struct layout_col lc[KIND_MAX_FIELDS];
	for (int i = 0; i < k->nfields; i++) {
		widths[i] = -1;
		if (!k->fields[i].column)
			continue;
		char *h = xasprintf("%s↑", field_title(&k->fields[i]));
		int content = l->content_w[i];
		int hw = text_width(h);
		free(h);
		bool num = k->fields[i].type == FT_COUNT || k->fields[i].type == FT_DECIMAL ||
			   k->fields[i].type == FT_YEAR || k->fields[i].type == FT_DATE;
		/* Numbers and dates are never cut; their header may be. */
		int min = num ? (content > 4 ? content : 4) : (content < 8 ? content : 8);
		if (min < 1)
			min = 1;
		/* Earlier columns first, but a kind's name (fire team or point,
		 * outreach kind) after the others: the name of a record tells
		 * rows apart, its kind less so. */
		int prio = KIND_MAX_FIELDS - nc;
		if (k->fields[i].type == FT_CHOICE)
			prio -= KIND_MAX_FIELDS;
		lc[nc] = (struct layout_col){ hw, content, min, prio };
		idx[nc++] = i;
	}
	layout_columns(lc, nc, cols, got);
	for (int j = 0; j < nc; j++)
		widths[idx[j]] = got[j] > 0 ? got[j] : -1;
	int y = top + 1, x = 0;
	for (int i = 0; i < k->nfields; i++) {
		if (widths[i] < 0)
			continue;
		bool num = k->fields[i].type == FT_COUNT || k->fields[i].type == FT_DECIMAL;
		char *h = xasprintf("%s%s", field_title(&k->fields[i]),
				    l->sort_field == i ? (l->sort_desc ? "↓" : "↑") : "");
		if (num)
			tui_put_right(y, x, widths[i], h, TC_TITLE);
		else
			tui_put(y, x, widths[i], h, TC_TITLE);
		free(h);
		x += widths[i] + 1;
	}
	int avail = rows - 2;
	if (l->sel < l->first)
		l->first = l->sel;
	if (l->sel >= l->first + avail)
		l->first = l->sel - avail + 1;
	if (l->nrows == 0) {
		tui_put(y + 2, 2, cols - 4, _("No records here. Press a to add one."), TC_NORMAL);
		if (k->date_field && l->by_period)
			tui_put(y + 3, 2, cols - 4, _("Only the selected period is shown: f shows all dates."), TC_NORMAL);
		if (l->group && kind_by_group(l))
			tui_put(y + 4, 2, cols - 4, _("Only one group is shown: g shows all groups."), TC_NORMAL);
		return;
	}
	for (int r = 0; r < avail && l->first + r < l->nrows; r++) {
		const struct record *rec = &l->rows[l->first + r];
		bool selected = l->first + r == l->sel;
		enum tui_color c = selected ? TC_SELECTED : TC_NORMAL;
		y = top + 2 + r;
		if (selected)
			tui_fill(y, 0, cols, TC_SELECTED);
		x = 0;
		for (int i = 0; i < k->nfields; i++) {
			if (widths[i] < 0)
				continue;
			char *v = cell_text(ui->db, rec, i);
			if (k->fields[i].type == FT_COUNT || k->fields[i].type == FT_DECIMAL)
				tui_put_right(y, x, widths[i], v, c);
			else
				tui_put(y, x, widths[i], v, c);
			free(v);
			x += widths[i] + 1;
		}
	}
}

/* A new record with what the list suggests: its group, and a date inside
 * the selected period: today in the current period, else its last day. */
static void new_record(struct ui *ui, struct list_state *l, struct record *r)
{
	const struct kind_def *k = cur_kind(l);
	record_init(r, k);
	char buf[11];
	ws_date day = date_today();
	ws_date p_end = period_end(&ui->period, ui->month_start_day);
	if (day < period_start(&ui->period, ui->month_start_day) || day > p_end)
		day = p_end;
	int gi = kind_field_index(k, "group");
	if (gi >= 0 && l->group)
		record_set(r, gi, l->group);
	else if (gi >= 0 && l->nrows && l->rows[l->sel].val[gi])
		record_set(r, gi, l->rows[l->sel].val[gi]);
	for (int i = 0; i < k->nfields; i++) {
		if (k->fields[i].type == FT_DATE && (k->fields[i].flags & FF_REQUIRED))
			record_set(r, i, date_dmy(day, buf));
		else if (k->fields[i].def)
			record_set(r, i, k->fields[i].def);
	}
	if (!strcmp(k->name, "target")) {
		snprintf(buf, sizeof buf, "%d", ui->period.last / 12);
		record_set_named(r, "year", buf);
	}
}

/* One line describing a record, for confirmations. */
static char *describe(sqlite3 *db, const struct record *r)
{
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "%s %lld", _(r->kind->label), r->id);
	int shown = 0;
	for (int i = 0; i < r->kind->nfields && shown < 3; i++) {
		if (!r->val[i] || !r->kind->fields[i].column)
			continue;
		char *v = cell_text(db, r, i);
		sb_printf(&sb, "%s%s %s", shown ? ", " : ": ", _(r->kind->fields[i].label), v);
		free(v);
		shown++;
	}
	return sb_steal(&sb);
}

static void delete_selected(struct ui *ui, struct list_state *l)
{
	if (!l->nrows)
		return;
	const struct record *r = &l->rows[l->sel];
	char *what = describe(ui->db, r);
	char *q = xasprintf(_("Delete %s?"), what);
	bool yes = tui_confirm(ui, q);
	free(q);
	if (!yes) {
		free(what);
		return;
	}
	struct issues is = { NULL, 0, 0 };
	struct strlist errors = STRLIST_INIT;
	enum entry_result res = entry_delete(ui->db, r, false, &is, &errors);
	if (res == ENTRY_CONFIRM) {
		char *warnings = issues_text(r->kind, &is);
		char *again = xasprintf("%s%s", warnings, _(" — delete anyway?"));
		free(warnings);
		if (tui_confirm(ui, again)) {
			issues_free(&is);
			res = entry_delete(ui->db, r, true, &is, &errors);
		}
		free(again);
	}
	if (res == ENTRY_SAVED)
		tui_message(ui, false, _("Deleted %s"), what);
	else if (res == ENTRY_REFUSED || res == ENTRY_FAILED) {
		for (size_t i = 0; i < is.n; i++)
			sl_push(&errors, issue_text(r->kind, &is.v[i]));
		tui_errors(ui, &errors);
	}
	issues_free(&is);
	sl_free(&errors);
	free(what);
	reload(ui, l);
}

static void find_next(struct ui *ui, struct list_state *l, int from)
{
	if (!l->search) {
		tui_message(ui, false, "%s", _("No search yet: / searches the list, then n finds the next match."));
		return;
	}
	for (int n = 0; n < l->nrows; n++) {
		int i = (from + n) % l->nrows;
		if (strstr(l->keys[i], l->search)) {
			l->sel = i;
			return;
		}
	}
	tui_message(ui, true, _("Nothing matches \"%s\""), l->search);
}

/* After Tab: the search stays only if this kind has a match, with the
 * cursor on the first one; otherwise it is dropped, and said so. */
static void carry_search(struct ui *ui, struct list_state *l)
{
	if (!l->search)
		return;
	for (int i = 0; i < l->nrows; i++)
		if (strstr(l->keys[i], l->search)) {
			l->sel = i;
			return;
		}
	tui_message(ui, false, _("Nothing here matches \"%s\": the search is cleared."), l->search);
	free(l->search);
	l->search = NULL;
}

/* Esc: clears the search, else the group filter; says so when there is
 * neither. */
static void clear_filter(struct ui *ui, struct list_state *l)
{
	if (l->search) {
		free(l->search);
		l->search = NULL;
		tui_message(ui, false, "%s", _("Search cleared."));
	} else if (l->group && kind_by_group(l)) {
		free(l->group);
		l->group = NULL;
		reload(ui, l);
		tui_message(ui, false, "%s", _("All groups are shown again."));
	} else {
		tui_message(ui, false, "%s", _("Nothing to clear: Esc clears a search or a group filter."));
	}
}

static void pick_group(struct ui *ui, struct list_state *l)
{
	struct strlist labels = STRLIST_INIT, codes = STRLIST_INIT;
	sl_push(&labels, xstrdup(_("(all groups)")));
	sl_push(&codes, xstrdup(""));
	sqlite3_stmt *st = db_prepare(ui->db, "SELECT code, name FROM rgroup ORDER BY id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		sl_pushf(&labels, "%s" TUI_PICK_COL "%s", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
		sl_push(&codes, xstrdup((const char *)sqlite3_column_text(st, 0)));
	}
	sqlite3_finalize(st);
	int i = tui_pick(ui, _("Show the records of group"), &labels, 0);
	if (i >= 0) {
		free(l->group);
		l->group = i == 0 ? NULL : xstrdup(codes.items[i]);
		reload(ui, l);
	}
	sl_free(&labels);
	sl_free(&codes);
}

static void pick_sort(struct ui *ui, struct list_state *l)
{
	const struct kind_def *k = cur_kind(l);
	struct strlist labels = STRLIST_INIT;
	int map[KIND_MAX_FIELDS], n = 0;
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].column) {
			sl_push(&labels, xstrdup(field_title(&k->fields[i])));
			map[n++] = i;
		}
	int c = tui_pick(ui, _("Sort by (the same column again reverses)"), &labels, 0);
	if (c >= 0) {
		if (l->sort_field == map[c])
			l->sort_desc = !l->sort_desc;
		else {
			l->sort_field = map[c];
			l->sort_desc = false;
		}
		reload(ui, l);
	}
	sl_free(&labels);
}

/* The keys the screen offers for the kind shown: the group filter only for
 * kinds kept by group. */
static void set_context(struct screen *s)
{
	struct list_state *l = s->state;
	s->context = AS_GLOBAL | AS_LIST | (l->nkinds > 1 ? AS_DATA : 0) | (kind_by_group(l) ? AS_LIST_GROUPS : 0) |
		     (round_kind_ok(cur_kind(l)) ? AS_DATA_ROUND : 0);
}

static bool list_key(struct ui *ui, struct screen *s, struct wkey k, enum action_id act)
{
	struct list_state *l = s->state;
	int page = tui_rows() - 8;
	switch (act) {
	case ACT_UP:
		if (l->sel > 0)
			l->sel--;
		return true;
	case ACT_DOWN:
		if (l->sel + 1 < l->nrows)
			l->sel++;
		return true;
	case ACT_PAGE_UP:
		l->sel = l->sel > page ? l->sel - page : 0;
		return true;
	case ACT_PAGE_DOWN:
		l->sel = l->sel + page < l->nrows ? l->sel + page : (l->nrows ? l->nrows - 1 : 0);
		return true;
	case ACT_FIRST:
		l->sel = 0;
		return true;
	case ACT_LAST:
		l->sel = l->nrows ? l->nrows - 1 : 0;
		return true;
	case ACT_OPEN:
		if (l->nrows) {
			struct record rec;
			record_copy(&rec, &l->rows[l->sel]);
			if (form_run(ui, &rec, &l->rows[l->sel]))
				reload(ui, l);
			record_clear(&rec);
		}
		return true;
	case ACT_ADD: {
		struct record rec;
		if (cur_kind(l)->singleton && l->nrows) {
			/* One ward: "add" opens the one there is. */
			tui_message(ui, false, "%s", _("The ward has one record: it is opened for changes."));
			record_copy(&rec, &l->rows[0]);
			if (form_run(ui, &rec, &l->rows[0]))
				reload(ui, l);
			record_clear(&rec);
			return true;
		}
		new_record(ui, l, &rec);
		if (form_run(ui, &rec, NULL)) {
			reload(ui, l);
			for (int i = 0; i < l->nrows; i++)
				if (l->rows[i].id == rec.id)
					l->sel = i;
		}
		record_clear(&rec);
		return true;
	}
	case ACT_DELETE:
		delete_selected(ui, l);
		return true;
	case ACT_SEARCH: {
		char *text = tui_prompt(ui, _("Search (case and accents do not matter)"), NULL);
		if (text) {
			free(l->search);
			l->search = *text ? text_search_key(text) : NULL;
			free(text);
			find_next(ui, l, l->sel);
		}
		return true;
	}
	case ACT_SEARCH_NEXT:
		find_next(ui, l, l->sel + 1);
		return true;
	case ACT_SORT:
		pick_sort(ui, l);
		return true;
	case ACT_FILTER_GROUP:
		pick_group(ui, l);
		return true;
	case ACT_FILTER_PERIOD:
		if (!cur_kind(l)->date_field) {
			char *what = text_capitalize(_(cur_kind(l)->label));
			tui_message(ui, false, _("%s: no dates here, all are shown; f changes nothing here."), what);
			free(what);
			return true;
		}
		l->by_period = !l->by_period;
		reload(ui, l);
		return true;
	case ACT_CLEAR:
		clear_filter(ui, l);
		return true;
	case ACT_NEXT_KIND:
		if (l->nkinds > 1) {
			l->ki = (l->ki + 1) % l->nkinds;
			set_context(s);
			l->sort_field = -1;
			clear_rows(l); /* another kind: no row to keep */
			l->sel = l->first = 0;
			reload(ui, l);
			carry_search(ui, l);
		}
		return true;
	case ACT_ROUND:
		/* The grid saves through the model: the list shows what it saved. */
		ui_round_run(ui, cur_kind(l));
		reload(ui, l);
		return true;
	case ACT_NONE:
		/* g where the kind is kept for the whole ward: not offered (not on
		 * the key bar), but it says why. */
		if (action_for_key(k, AS_LIST_GROUPS) == ACT_FILTER_GROUP) {
			char *what = text_capitalize(_(cur_kind(l)->label));
			tui_message(ui, false, _("%s: kept for the whole ward, not by group; g changes nothing here."), what);
			free(what);
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void list_free(struct screen *s)
{
	struct list_state *l = s->state;
	clear_rows(l);
	free(l->rows);
	free(l->keys);
	free(l->group);
	free(l->search);
	free(l);
}

struct list_def {
	enum screen_id id;
	enum action_id action;
	const char *title, *tab, *help;
	const char *kinds[MAX_KINDS];
};

static const struct list_def list_defs[] = {
	{ SCR_GROUPS, ACT_GROUPS, N_("Residential groups"), N_("Groups"),
	  N_("The residential groups (tổ dân phố) of the ward, and the ward's own details (Tab). "
	     "A group's households and residents are population records (data entry)."),
	  { "group", "ward", NULL } },
	{ SCR_DATA, ACT_DATA, N_("Data entry"), N_("Data"),
	  N_("The figures each group brings: extinguisher surveys, commitments, Báo cháy 114 app users "
	     "and population. Tab switches between them. Counts are cumulative: enter the total as of the date."),
	  { "survey", "commitment", "app114", "population" } },
	{ SCR_INCIDENTS, ACT_INCIDENTS, N_("Incidents"), N_("Incidents"),
	  N_("Incidents of social disorder by group, date and category. Tab shows the list of categories, "
	     "which can be changed."),
	  { "incident", "category", NULL } },
	{ SCR_OUTREACH, ACT_OUTREACH, N_("Outreach"), N_("Outreach"),
	  N_("Outreach sessions: loudspeaker, mobile, meetings, online."), { "outreach", NULL } },
	{ SCR_FIRE, ACT_FIRE, N_("Fire teams and public fire points"), N_("Fire"),
	  N_("Fire-safety teams (tổ liên gia, 5 to 15 households) and public fire points. "
	     "The period filter shows those active during the period."),
	  { "fireteam", NULL } },
	{ SCR_ESTABLISHMENTS, ACT_ESTABLISHMENTS, N_("Establishments"), N_("Premises"),
	  N_("Establishments under fire-safety management and how many have a complete file, as of a date."),
	  { "establishments", NULL } },
	{ SCR_TARGETS, ACT_TARGETS, N_("Targets"), N_("Targets"),
	  N_("Targets of each year; a year without its own target uses the configured default. "
	     "Tab shows the closed periods (reports issued): changes inside them ask for a confirmation."),
	  { "target", "closing", NULL } },
};

/* A list screen: the line of `list_defs` for `id` (lines of screens.c). */
struct screen *ui_list_new(enum screen_id id, const struct screen_start *start)
{
	(void)start;
	const struct list_def *d = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(list_defs); i++)
		if (list_defs[i].id == id)
			d = &list_defs[i];
	struct screen *s = xcalloc(1, sizeof *s);
	struct list_state *l = xcalloc(1, sizeof *l);
	s->id = id;
	s->action = d->action;
	s->title = d->title;
	s->tab = d->tab;
	s->help = d->help;
	for (int i = 0; i < MAX_KINDS && d->kinds[i]; i++)
		l->kinds[l->nkinds++] = kind_find(d->kinds[i]);
	s->state = l;
	set_context(s);
	l->sort_field = -1;
	l->by_period = true;
	s->enter = list_enter;
	s->draw = list_draw;
	s->key = list_key;
	s->free = list_free;
	s->state = l;
	return s;
}
