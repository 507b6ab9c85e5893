/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_rollup.c - the roll-up screen, alone when the program is started with
 * --db given more than once: a row per ward and the total (rollup.h), the
 * main indicators as columns, the total's values for the previous period
 * and the same period last year under it.  Read-only: the files are opened
 * only to compute the roll-up, again when the period changes, and nothing
 * can be changed here.
 *
 * Layout, from the top of the screen's area: a line naming the roll-up and
 * the comparison periods, two header lines, the wards (scrolling, one
 * selected), a rule, then the total, previous and last year lines, always
 * shown.  The ward column takes what the longest name needs (12-24
 * columns); indicator columns that do not fit are shown with Left and
 * Right.  Enter shows every indicator of the selected ward or the total. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"
#include "rollup.h"
#include "screens.h"
#include "settings.h"
#include "summary.h"
#include "text.h"
#include "tui.h"
#include "ui_views.h"

#define COL_W 9      /* an indicator column, plus one space before it */
#define FOOTER 4     /* the rule, total, previous and last year lines */

static const char *const rollup_help =
	N_("The roll-up shows the wards of the databases given with --db, one row each, and their "
	   "total: rates from the summed households and people, counts and flows summed. A value "
	   "below the ward's target is marked. The files are only read: nothing can be changed "
	   "here. Change the period with [ ] or p; Left and Right show the other indicators; Enter "
	   "shows every indicator of a ward or of the total against its target.");

struct rollup_view {
	const char *const *files;   /* borrowed: the command line */
	int n;
	struct rollup r;
	struct period period;       /* of r */
	int sel;                    /* 0..n-1 a ward, n the total */
	int first;                  /* first ward line shown */
	int col;                    /* first indicator column shown */
};

/* Recomputes the roll-up when the period changed; on failure shows why and
 * goes back to the period shown. */
static void rollup_enter(struct ui *ui, struct screen *sc)
{
	struct rollup_view *v = sc->state;
	if (ui->period.first != v->period.first || ui->period.last != v->period.last) {
		struct rollup nr;
		struct strlist errors = STRLIST_INIT;
		if (rollup_compute(v->files, v->n, &ui->period, &nr, &errors)) {
			rollup_free(&v->r);
			v->r = nr;
			v->period = ui->period;
		} else {
			tui_errors(ui, &errors);
			ui->period = v->period;
		}
		sl_free(&errors);
	}
	free(ui->ward);
	ui->ward = rollup_title(&v->r);
}

/* Width of the ward column: the longest label, within 12-24 columns. */
static int label_width(const struct rollup_view *v, const char *const *fixed, int nfixed)
{
	int w = 12;
	for (int i = 0; i < v->r.n; i++)
		if (text_width(v->r.wards[i].label) > w)
			w = text_width(v->r.wards[i].label);
	for (int i = 0; i < nfixed; i++)
		if (text_width(fixed[i]) > w)
			w = text_width(fixed[i]);
	return w > 24 ? 24 : w;
}

/* How many indicator columns fit beside the ward column. */
static int visible_columns(int wl)
{
	int n = (tui_cols() - wl) / (COL_W + 1);
	return n < 1 ? 1 : n > rollup_column_count ? rollup_column_count : n;
}

/* Colour of a value against its target: met, close (rates within 10
 * points) or far. */
static enum tui_color cell_color(const struct ind_row *r)
{
	if (!r || !r->has_status)
		return TC_NORMAL;
	if (r->def->type == IT_RATE)
		return view_status_color(true, r->met, r->cur.value, r->target);
	return r->met ? TC_MET : TC_FAR;
}

/* One line: a label, then the values of the columns shown (`which`: 0 the
 * period, 1 the previous, 2 last year), marked and coloured for the period. */
static void draw_line(struct rollup_view *v, int y, int wl, int ncols, const char *label,
		      const struct summary *s, int which, bool selected, enum tui_color label_color)
{
	int cols = tui_cols();
	tui_fill(y, 0, cols, selected ? TC_SELECTED : TC_NORMAL);
	tui_put(y, 0, wl, label, selected ? TC_SELECTED : label_color);
	for (int c = 0; c < ncols && v->col + c < rollup_column_count; c++) {
		const struct ind_row *row = summary_row(s, rollup_columns[v->col + c].id);
		const struct ind_value *val = !row ? NULL : which == 0 ? &row->cur : which == 1 ? &row->prev
			: &row->last_year;
		char *t = rollup_cell_text(row, val, which == 0 ? view_mark(true, false) : "");
		tui_put_right(y, wl + 1 + c * (COL_W + 1), COL_W, t,
			      selected ? TC_SELECTED : which == 0 ? cell_color(row) : TC_NORMAL);
		free(t);
	}
}

static void rollup_draw(struct ui *ui, struct screen *sc, int top, int rows)
{
	(void)ui;
	struct rollup_view *v = sc->state;
	const struct summary *tot = &v->r.total;
	int cols = tui_cols();
	char p[32], pp[32], pl[32];
	period_format(&tot->period, p);
	period_format(&tot->prev, pp);
	period_format(&tot->last_year, pl);
	char *prev_label = xasprintf("%s %s", _("Previous"), pp);
	char *ly_label = xasprintf("%s %s", _("Last year"), pl);
	const char *fixed[] = { _("Ward"), _("Total"), prev_label, ly_label };
	int wl = label_width(v, fixed, (int)ARRAY_SIZE(fixed));
	int ncols = visible_columns(wl);
	if (v->col > rollup_column_count - ncols)
		v->col = rollup_column_count - ncols;
	if (v->col < 0)
		v->col = 0;

	/* The first line: what is shown, and where the selection is. */
	char *title = rollup_title(&v->r);
	char *line = xasprintf(_("%s for %s; previous %s, last year %s"), title, p, pp, pl);
	char *pos = v->sel < v->r.n ? xasprintf("%d/%d", v->sel + 1, v->r.n) : xstrdup(_("Total"));
	int pw = text_width(pos);
	tui_put(top, 0, cols - pw - 1, line, TC_TITLE);
	tui_put_right(top, cols - pw, pw, pos, TC_NORMAL);
	free(title);
	free(line);
	free(pos);

	/* Two header lines; arrows where columns are hidden. */
	for (int l = 0; l < 2; l++) {
		int y = top + 1 + l;
		if (l == 1)
			tui_put(y, 0, wl, _("Ward"), TC_TITLE);
		for (int c = 0; c < ncols && v->col + c < rollup_column_count; c++) {
			const char *h = _(rollup_columns[v->col + c].head);
			const char *nl = strchr(h, '\n');
			char *part = l == 0 ? (nl ? xstrndup(h, (size_t)(nl - h)) : xstrdup(""))
					    : xstrdup(nl ? nl + 1 : h);
			tui_put_right(y, wl + 1 + c * (COL_W + 1), COL_W, part, TC_TITLE);
			free(part);
		}
	}
	bool ascii = view_ascii();
	if (v->col > 0)
		tui_put(top + 1, wl, 1, ascii ? "<" : "◀", TC_KEY);
	if (v->col + ncols < rollup_column_count)
		tui_put(top + 1, cols - 1, 1, ascii ? ">" : "▶", TC_KEY);

	/* The wards, scrolled so that the selected one shows. */
	int avail = rows - 3 - FOOTER;
	if (avail < 1)
		avail = 1;
	int sel = v->sel < v->r.n ? v->sel : -1;
	if (sel >= 0 && sel < v->first)
		v->first = sel;
	if (sel >= v->first + avail)
		v->first = sel - avail + 1;
	if (v->first > v->r.n - avail)
		v->first = v->r.n - avail > 0 ? v->r.n - avail : 0;
	int y = top + 3;
	for (int i = v->first; i < v->r.n && y < top + 3 + avail; i++, y++)
		draw_line(v, y, wl, ncols, v->r.wards[i].label, &v->r.wards[i].s, 0, i == v->sel, TC_NORMAL);

	/* The total and its comparisons, always under the wards. */
	struct strbuf rule = STRBUF_INIT;
	int width = wl + ncols * (COL_W + 1);
	for (int i = 0; i < width && i < cols; i++)
		sb_puts(&rule, ascii ? "-" : "─");
	tui_put(y++, 0, cols, rule.buf, TC_NORMAL);
	sb_free(&rule);
	draw_line(v, y++, wl, ncols, _("Total"), tot, 0, v->sel == v->r.n, TC_TITLE);
	draw_line(v, y++, wl, ncols, prev_label, tot, 1, false, TC_NORMAL);
	draw_line(v, y, wl, ncols, ly_label, tot, 2, false, TC_NORMAL);
	free(prev_label);
	free(ly_label);
}

/* Every indicator of a summary as lines for a box: value, target, status,
 * previous period and last year, then what is missing and the incidents. */
static void detail_lines(const struct summary *s, const char *file, struct strlist *out)
{
	enum { WV = 8, WT = 8, WS = 11, WC = 9 };
	/* The labels take what the box leaves (tui_show_lines: 8 columns less
	 * than the screen). */
	int WL = tui_cols() - 8 - (WV + WT + WS + 2 * WC + 5);
	if (WL > 40)
		WL = 40;
	char p[32], pp[32], pl[32];
	if (file)
		sl_pushf(out, "%s", file);
	sl_pushf(out, _("%s, compared with %s and %s"), period_format(&s->period, p),
		 period_format(&s->prev, pp), period_format(&s->last_year, pl));
	sl_push(out, xstrdup(""));
	char *h[6] = { text_fit(_("Indicator"), WL, false), text_fit(_("Value"), WV, true),
		       text_fit(_("Target"), WT, true), text_fit(_("Status"), WS, false),
		       text_fit(_("Previous"), WC, true), text_fit(_("Last year"), WC, true) };
	sl_pushf(out, "%s %s %s %s %s %s", h[0], h[1], h[2], h[3], h[4], h[5]);
	for (int i = 0; i < 6; i++)
		free(h[i]);
	for (int i = 0; i < s->nrows; i++) {
		const struct ind_row *r = &s->rows[i];
		bool sub = strchr(r->id, '.') != NULL;
		if (sub && !r->cur.num && !r->prev.num && !r->last_year.num)
			continue;
		char *label = xasprintf("%s%s", sub ? "  " : "", r->short_label);
		char a[32];
		char *val = summary_value_text(r, &r->cur);
		char *tg = r->has_target ? xasprintf("%s%s", numfmt_num(r->target, a), r->def->type == IT_RATE ? "%" : "")
					 : xstrdup("");
		char *st = view_status_text(r);
		char *pv = summary_value_text(r, &r->prev), *lv = summary_value_text(r, &r->last_year);
		char *c[6] = { text_fit(label, WL, false), text_fit(val, WV, true), text_fit(tg, WT, true),
			       text_fit(st, WS, false), text_fit(pv, WC, true), text_fit(lv, WC, true) };
		sl_pushf(out, "%s %s %s %s %s %s", c[0], c[1], c[2], c[3], c[4], c[5]);
		for (int k = 0; k < 6; k++)
			free(c[k]);
		free(label);
		free(val);
		free(tg);
		free(st);
		free(pv);
		free(lv);
	}
	sl_push(out, xstrdup(""));
	for (int i = 0; i < s->nrows; i++) {
		const struct ind_row *r = &s->rows[i];
		if (r->def->type != IT_RATE || !r->has_missing || r->missing <= 0)
			continue;
		char a[32], t[32];
		sl_pushf(out, _("%s: %s %s still missing to reach %s%%"), r->label, numfmt_int(r->missing, a),
			 indicator_unit(r->def, r->missing), numfmt_num(r->target, t));
	}
	char *sent = summary_incident_sentence(s);
	sl_pushf(out, _("Incidents: %s"), sent);
	free(sent);
}

/* The box of every indicator of the selected ward or of the total. */
static void show_detail(struct ui *ui, struct rollup_view *v)
{
	struct strlist lines = STRLIST_INIT;
	bool total = v->sel >= v->r.n;
	const struct rollup_ward *w = total ? NULL : &v->r.wards[v->sel];
	detail_lines(total ? &v->r.total : &w->s, total ? NULL : w->file, &lines);
	char *title = total ? xasprintf(ngettext("total of %d ward", "total of %d wards", (unsigned long)v->r.n),
					v->r.n)
			    : xstrdup(w->label);
	char *cap = text_capitalize(title);
	tui_show_lines(ui, cap, &lines);
	free(cap);
	free(title);
	sl_free(&lines);
}

static bool rollup_key(struct ui *ui, struct screen *sc, struct wkey k, enum action_id act)
{
	(void)k;
	struct rollup_view *v = sc->state;
	int page = tui_rows() - 4 - 3 - FOOTER;
	if (page < 1)
		page = 1;
	switch (act) {
	case ACT_UP:
		if (v->sel > 0)
			v->sel--;
		return true;
	case ACT_DOWN:
		if (v->sel < v->r.n)
			v->sel++;
		return true;
	case ACT_PAGE_UP:
		v->sel = v->sel > page ? v->sel - page : 0;
		return true;
	case ACT_PAGE_DOWN:
		v->sel = v->sel + page < v->r.n ? v->sel + page : v->r.n;
		return true;
	case ACT_FIRST:
		v->sel = 0;
		return true;
	case ACT_LAST:
		v->sel = v->r.n;
		return true;
	case ACT_ROLLUP_LEFT:
		if (v->col > 0)
			v->col--;
		return true;
	case ACT_ROLLUP_RIGHT:
		v->col++; /* drawing keeps it within the columns */
		return true;
	case ACT_ROLLUP_WARD:
		show_detail(ui, v);
		return true;
	case ACT_ROLLUP_NO_REPORTS:
		tui_message(ui, false, "%s", _("No report screen in the roll-up (F10 is Reports in a ward's "
					       "screens); q quits."));
		return true;
	default:
		return false;
	}
}

static void rollup_screen_free(struct screen *sc)
{
	struct rollup_view *v = sc->state;
	rollup_free(&v->r);
	free(v);
}

/* The roll-up screen (a line of screens.c) on the run's files, with the
 * roll-up already computed for ui->period (taken over). */
struct screen *ui_rollup_new(enum screen_id id, const struct screen_start *start)
{
	(void)id;
	const char *const *files = start->files;
	int n = start->n;
	struct rollup *computed = start->computed;
	struct screen *s = xcalloc(1, sizeof *s);
	s->title = N_("Roll-up");
	s->tab = N_("Roll-up");
	s->context = AS_ROLLUP;
	s->help = rollup_help;
	s->enter = rollup_enter;
	s->draw = rollup_draw;
	s->key = rollup_key;
	s->free = rollup_screen_free;
	struct rollup_view *v = xcalloc(1, sizeof *v);
	v->files = files;
	v->n = n;
	v->r = *computed;
	v->period = computed->total.period;
	memset(computed, 0, sizeof *computed);
	s->state = v;
	return s;
}
