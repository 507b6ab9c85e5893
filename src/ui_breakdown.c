/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_breakdown.c - the group views of the overview:
 *   by group: each rate per residential group at the end of the period,
 *     marked met or below target, what is still missing for the selected
 *     rate, its last 12 months as a sparkline, and the ward total (which is
 *     the overview's figure); Enter shows a group's last 24 months;
 *   behind target: the groups that miss a target, worst first, with what
 *     each misses and how many households or people are missing: the list
 *     officers take on visits.
 * The figures come from breakdown_compute() and series_compute(). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"
#include "text.h"
#include "ui_views.h"

#define SPARK_MONTHS 12
#define HISTORY_MONTHS 24
/* view_prefs.sort: besides -1 (group order) and the rates 0..4, the
 * households or people missing for the selected rate. */
#define SORT_MISSING BREAKDOWN_RATES

/* Column headings of the rates, in the order of breakdown_ids: short
 * enough for five columns on 80 columns. */
static const char *const rate_heads[BREAKDOWN_RATES] = {
	/* TRANSLATORS: column heading (about 7 columns): households with a fire extinguisher */
	N_("Extin."),
	/* TRANSLATORS: column heading (about 7 columns): fire-safety commitments */
	N_("PCCC"),
	/* TRANSLATORS: column heading (about 7 columns): security and order pledges */
	N_("ANTT"),
	/* TRANSLATORS: column heading (about 7 columns): Báo cháy 114 app users */
	N_("App 114"),
	/* TRANSLATORS: column heading (about 7 columns): extinguisher survey coverage */
	N_("Survey"),
};

/* One group's (or the ward's) rates in each of the last 12 months. */
struct spark {
	long long group_id;          /* -1 for the ward total */
	struct ind_value v[BREAKDOWN_RATES][SPARK_MONTHS];
};

/* A line of the behind-target view: a target a group misses. */
struct miss {
	int row, col;
};

struct bd {
	struct view_prefs *prefs;
	bool behind;                 /* the behind-target view */
	bool have;
	struct breakdown b;
	struct spark *sparks;        /* b.n + 1, the total last; by-group view only */
	struct miss *misses;         /* behind-target view only */
	int nmisses, nbehind;
	int sel, first;
};

/* What the marks mean. */
static const char *marks_legend(void)
{
	return view_ascii() ? _("* below target") : _("✓ met  ✗ below target");
}

/* The indicator of a rate column. */
static const struct indicator_def *rate_def(int col)
{
	return indicator_find(breakdown_ids[col]);
}

/* The rates of the last 12 months of every group: one breakdown a month. */
static void load_sparks(struct ui *ui, struct bd *d)
{
	d->sparks = xcalloc((size_t)d->b.n + 1, sizeof *d->sparks);
	for (int g = 0; g < d->b.n; g++)
		d->sparks[g].group_id = d->b.rows[g].stock.group_id;
	d->sparks[d->b.n].group_id = -1;
	struct strlist errors = STRLIST_INIT;
	for (int m = 0; m < SPARK_MONTHS; m++) {
		struct period p = { ui->period.last - SPARK_MONTHS + 1 + m, ui->period.last - SPARK_MONTHS + 1 + m };
		struct breakdown mb;
		if (!breakdown_compute(ui->db, &p, &mb, &errors))
			continue;
		for (int g = 0; g <= d->b.n; g++) {
			const struct breakdown_row *r = g == d->b.n ? &mb.total : NULL;
			for (int k = 0; !r && k < mb.n; k++)
				if (mb.rows[k].stock.group_id == d->sparks[g].group_id)
					r = &mb.rows[k];
			for (int c = 0; r && c < BREAKDOWN_RATES; c++)
				d->sparks[g].v[c][m] = r->cell[c].v;
		}
		breakdown_free(&mb);
	}
	sl_free(&errors);
}

/* The 12 months of a group (-1: the ward), NULL if not loaded. */
static const struct spark *spark_of(const struct bd *d, long long group_id)
{
	for (int g = 0; d->sparks && g <= d->b.n; g++)
		if (d->sparks[g].group_id == group_id)
			return &d->sparks[g];
	return NULL;
}

/* The rate whose missing figures order the rows (qsort has no context). */
static int missing_column;

/* What is still missing of that rate: 0 when met or without a target. */
static long long row_missing(const struct breakdown_row *r)
{
	const struct breakdown_cell *c = &r->cell[missing_column];
	return c->has_target && !c->met ? c->missing : 0;
}

/* qsort order: least missing first, then group order. */
static int cmp_missing(const void *a, const void *b)
{
	const struct breakdown_row *x = a, *y = b;
	long long u = row_missing(x), v = row_missing(y);
	if (u != v)
		return u < v ? -1 : 1;
	return x->stock.group_id < y->stock.group_id ? -1 : x->stock.group_id > y->stock.group_id;
}

/* Puts the rows of the group view in the order chosen with s. */
static void sort_rows(struct bd *d)
{
	if (d->prefs->sort != SORT_MISSING) {
		breakdown_sort(&d->b, d->prefs->sort, d->prefs->sort_desc);
		return;
	}
	breakdown_sort(&d->b, -1, false);
	missing_column = d->prefs->column;
	if (d->b.n)
		qsort(d->b.rows, (size_t)d->b.n, sizeof *d->b.rows, cmp_missing);
	if (d->prefs->sort_desc)
		for (int i = 0, j = d->b.n - 1; i < j; i++, j--) {
			struct breakdown_row t = d->b.rows[i];
			d->b.rows[i] = d->b.rows[j];
			d->b.rows[j] = t;
		}
}

/* The lines of the behind-target view, worst group first. */
static void load_misses(struct bd *d)
{
	breakdown_sort(&d->b, -2, false);
	d->misses = xcalloc((size_t)d->b.n * BREAKDOWN_RATES + 1, sizeof *d->misses);
	for (int g = 0; g < d->b.n; g++) {
		const struct breakdown_row *r = &d->b.rows[g];
		if (r->behind > 0)
			d->nbehind++;
		for (int c = 0; c < BREAKDOWN_RATES; c++)
			if (r->cell[c].has_target && !r->cell[c].met)
				d->misses[d->nmisses++] = (struct miss){ g, c };
	}
}

/* Opens either group view: the breakdown of the period, then its sparklines
 * or its list of targets missed. */
static void *bd_open_common(struct ui *ui, struct view_prefs *prefs, bool behind)
{
	struct bd *d = xcalloc(1, sizeof *d);
	d->prefs = prefs;
	d->behind = behind;
	struct strlist errors = STRLIST_INIT;
	d->have = breakdown_compute(ui->db, &ui->period, &d->b, &errors);
	if (!d->have)
		tui_errors(ui, &errors);
	sl_free(&errors);
	if (!d->have)
		return d;
	if (behind) {
		load_misses(d);
	} else {
		sort_rows(d);
		load_sparks(ui, d);
	}
	return d;
}

/* The by-group view. */
static void *bd_open(struct ui *ui, struct view_prefs *prefs)
{
	return bd_open_common(ui, prefs, false);
}

/* The behind-target view. */
static void *behind_open(struct ui *ui, struct view_prefs *prefs)
{
	return bd_open_common(ui, prefs, true);
}

/* Frees a group view. */
static void bd_close(void *state)
{
	struct bd *d = state;
	if (d->have)
		breakdown_free(&d->b);
	free(d->sparks);
	free(d->misses);
	free(d);
}

/* "75.8%✓": a rate with its mark. */
static char *cell_text(const struct breakdown_cell *c)
{
	char buf[32];
	if (!c->v.known)
		return xstrdup("–");
	return xasprintf("%s%%%s", numfmt_rate(c->v.value, c->has_target, c->target, false, buf), view_mark(c->has_target, c->met));
}

/* Colour of a rate: met, close or far from its target. */
static enum tui_color cell_color(const struct breakdown_cell *c)
{
	return c->v.known ? view_status_color(c->has_target, c->met, c->v.value, c->target) : TC_NORMAL;
}

/* What is still missing of a rate: "12", "0", or "–" without a target. */
static char *missing_text(const struct breakdown_cell *c)
{
	char buf[32];
	if (!c->has_target)
		return xstrdup("–");
	return xstrdup(numfmt_int(c->met ? 0 : c->missing, buf));
}

/* "8 Tổ dân phố 8": a group's code and name. */
static char *group_text(const struct breakdown_row *r)
{
	return xasprintf("%s %s", r->code, r->name);
}

/* The first line after the view's name: the selected rate and the order, or
 * how many groups are behind. */
static char *bd_title(struct ui *ui, void *state)
{
	(void)ui;
	struct bd *d = state;
	if (d->behind) {
		char buf[32], all[32];
		return d->have ? xasprintf(ngettext("%s of %s group behind", "%s of %s groups behind",
						    (unsigned long)d->b.n), numfmt_int(d->nbehind, buf),
					   numfmt_int(d->b.n, all))
			       : NULL;
	}
	const char *label = _(rate_def(d->prefs->column)->short_label);
	if (d->prefs->sort < 0)
		return xstrdup(label);
	if (d->prefs->sort == d->prefs->column)
		return xasprintf(d->prefs->sort_desc ? _("%s, highest first") : _("%s, lowest first"), label);
	const char *by = d->prefs->sort == SORT_MISSING ? _("Missing") : _(rate_heads[d->prefs->sort]);
	return xasprintf(_("%s · sorted by %s %s"), label, by, d->prefs->sort_desc ? "↓" : "↑");
}

/* Keeps the selection on screen. */
static int scroll_into_view(struct bd *d, int avail)
{
	if (avail < 1)
		avail = 1;
	if (d->sel < d->first)
		d->first = d->sel;
	if (d->sel >= d->first + avail)
		d->first = d->sel - avail + 1;
	return avail;
}

/* One row of the group table (a group or the total) at line y. */
static void draw_row(const struct bd *d, const struct breakdown_row *r, int y, const int *w, bool selected,
		     bool total)
{
	int x = 0, cols = tui_cols();
	enum tui_color base = selected ? TC_SELECTED : total ? TC_TITLE : TC_NORMAL;
	if (selected)
		tui_fill(y, 0, cols, TC_SELECTED);
	char *g = total ? xstrdup(r->name) : group_text(r);
	char *gf = text_fit(g, w[0], false);
	tui_put(y, x, w[0], gf, base);
	free(g);
	free(gf);
	x += w[0] + 1;
	for (int c = 0; c < BREAKDOWN_RATES; c++) {
		char *t = cell_text(&r->cell[c]);
		tui_put_right(y, x, w[1], t, selected ? TC_SELECTED : cell_color(&r->cell[c]));
		free(t);
		x += w[1] + 1;
	}
	char *m = missing_text(&r->cell[d->prefs->column]);
	tui_put_right(y, x, w[2], m, base);
	free(m);
	x += w[2] + 2;
	if (w[3]) {
		const struct spark *s = spark_of(d, total ? -1 : r->stock.group_id);
		if (s) {
			char *sp = view_sparkline(s->v[d->prefs->column], SPARK_MONTHS, true);
			tui_put(y, x, w[3], sp, selected ? TC_SELECTED : TC_NORMAL);
			free(sp);
		}
	}
}

/* Draws the by-group table: a header, one row per group, the ward total and
 * a legend. */
static void bd_draw_groups(struct ui *ui, struct bd *d, int top, int rows)
{
	(void)ui;
	int cols = tui_cols();
	/* w: group, rate cell, missing, sparkline. */
	int w[4] = { 0, 7, text_width(_("Missing")), SPARK_MONTHS };
	for (int c = 0; c < BREAKDOWN_RATES; c++)
		if (text_width(_(rate_heads[c])) > w[1] && text_width(_(rate_heads[c])) <= 9)
			w[1] = text_width(_(rate_heads[c]));
	if (w[2] < 7)
		w[2] = 7;
	int fixed = 1 + BREAKDOWN_RATES * (w[1] + 1) + w[2] + 2;
	/* The sparkline stays while the group column keeps 10 columns. */
	if (cols - fixed - w[3] < 10)
		w[3] = 0;
	w[0] = cols - fixed - w[3];
	if (w[0] > 30) {
		w[0] = 30;
		if (w[3])
			w[3] = cols - fixed - w[0];
		if (w[3] > SPARK_MONTHS)
			w[3] = SPARK_MONTHS;
	}

	int y = top, x = 0;
	tui_put(y, x, w[0], _("Group"), TC_TITLE);
	x += w[0] + 1;
	for (int c = 0; c < BREAKDOWN_RATES; c++) {
		/* The sort order is on the first line; here too if it fits. */
		const char *arrow = d->prefs->sort == c && text_width(_(rate_heads[c])) < w[1]
			? (d->prefs->sort_desc ? "↓" : "↑") : "";
		char *h = xasprintf("%s%s", _(rate_heads[c]), arrow);
		char *hf = text_fit(h, w[1], true);
		tui_put(y, x, w[1], hf, c == d->prefs->column ? TC_SELECTED : TC_TITLE);
		free(h);
		free(hf);
		x += w[1] + 1;
	}
	char *mh = xasprintf("%s%s", _("Missing"), d->prefs->sort == SORT_MISSING && text_width(_("Missing")) < w[2]
			     ? (d->prefs->sort_desc ? "↓" : "↑") : "");
	tui_put_right(y, x, w[2], mh, TC_TITLE);
	free(mh);
	x += w[2] + 2;
	if (w[3])
		tui_put(y, x, w[3], _("12 months"), TC_TITLE);
	y++;

	if (d->b.n == 0) {
		tui_put(y + 1, 2, cols - 4, _("No residential group is active at the end of this period."), TC_NORMAL);
		return;
	}
	int avail = scroll_into_view(d, rows - 3);
	for (int i = 0; i < avail && d->first + i < d->b.n; i++)
		draw_row(d, &d->b.rows[d->first + i], y++, w, d->first + i == d->sel, false);
	draw_row(d, &d->b.total, y++, w, false, true);

	/* The legend says in words what colours say. */
	const struct indicator_def *def = rate_def(d->prefs->column);
	char *legend = xasprintf(_("%s · Missing (%s) and trend: %s · Enter: history"), marks_legend(),
				 _(def->unit), _(rate_heads[d->prefs->column]));
	tui_put(y, 0, cols, legend, TC_NORMAL);
	free(legend);
}

/* Draws the behind-target list: one line per target missed, the group named
 * on its first line. */
static void bd_draw_behind(struct ui *ui, struct bd *d, int top, int rows)
{
	(void)ui;
	int cols = tui_cols();
	int wv = 7, wt = 8, wm = 17;
	int wg = 16, wl = cols - wg - wv - wt - wm - 4;
	if (wl > 32) {
		wg += wl - 32;
		wl = 32;
		if (wg > 28)
			wg = 28;
	}
	int y = top, x = 0;
	tui_put(y, x, wg, _("Group"), TC_TITLE);
	x += wg + 1;
	tui_put(y, x, wl, _("Target missed"), TC_TITLE);
	x += wl + 1;
	tui_put_right(y, x, wv, _("Value"), TC_TITLE);
	x += wv + 1;
	tui_put_right(y, x, wt, _("Target"), TC_TITLE);
	x += wt + 1;
	tui_put(y, x + 1, wm - 1, _("Still missing"), TC_TITLE);
	y++;
	if (d->nmisses == 0) {
		tui_put(y + 1, 2, cols - 4, d->b.n ? _("Every group meets every target in this period.")
						   : _("No residential group is active at the end of this period."),
			TC_NORMAL);
		return;
	}
	int avail = scroll_into_view(d, rows - 2);
	for (int i = 0; i < avail && d->first + i < d->nmisses; i++, y++) {
		const struct miss *m = &d->misses[d->first + i];
		const struct breakdown_row *r = &d->b.rows[m->row];
		const struct breakdown_cell *c = &r->cell[m->col];
		bool selected = d->first + i == d->sel;
		enum tui_color base = selected ? TC_SELECTED : TC_NORMAL;
		if (selected)
			tui_fill(y, 0, cols, TC_SELECTED);
		x = 0;
		/* The group is named on its first line only, unless scrolled. */
		if (i == 0 || d->misses[d->first + i - 1].row != m->row) {
			char *g = group_text(r), *gf = text_fit(g, wg, false);
			tui_put(y, x, wg, gf, selected ? TC_SELECTED : TC_TITLE);
			free(g);
			free(gf);
		}
		x += wg + 1;
		char *lf = text_fit(_(rate_def(m->col)->short_label), wl, false);
		tui_put(y, x, wl, lf, base);
		free(lf);
		x += wl + 1;
		char *v = cell_text(c);
		tui_put_right(y, x, wv, v, selected ? TC_SELECTED : cell_color(c));
		free(v);
		x += wv + 1;
		char buf[32];
		char *t = xasprintf("%s%%", numfmt_num(c->target, buf));
		tui_put_right(y, x, wt, t, base);
		free(t);
		x += wt + 1;
		char *ms = xasprintf("%s %s", numfmt_int(c->missing, buf),
				     indicator_unit(rate_def(m->col), c->missing));
		tui_put(y, x + 1, wm - 1, ms, base);
		free(ms);
	}
	char a[32], b[32];
	char *foot = xasprintf(ngettext("Not listed: %s of %s group, which meets every target. Enter: history.",
					"Not listed: %s of %s groups, which meet every target. Enter: history.",
					(unsigned long)d->b.n),
			       numfmt_int(d->b.n - d->nbehind, a), numfmt_int(d->b.n, b));
	tui_put(top + rows - 1, 0, cols, foot, TC_NORMAL);
	free(foot);
}

/* Draws either group view. */
static void bd_draw(struct ui *ui, void *state, int top, int rows)
{
	struct bd *d = state;
	if (!d->have)
		return;
	if (d->behind)
		bd_draw_behind(ui, d, top, rows);
	else
		bd_draw_groups(ui, d, top, rows);
}

/* Enter: a group's rates month by month over the last 24 months, with a
 * sparkline of each. */
static void show_history(struct ui *ui, const struct breakdown_row *r)
{
	struct series s[BREAKDOWN_RATES];
	struct strlist errors = STRLIST_INIT;
	int last = ui->period.last, first = last - HISTORY_MONTHS + 1;
	for (int c = 0; c < BREAKDOWN_RATES; c++)
		if (!series_compute(ui->db, breakdown_ids[c], r->code, first, last, &s[c], &errors)) {
			for (int k = 0; k < c; k++)
				series_free(&s[k]);
			tui_errors(ui, &errors);
			sl_free(&errors);
			return;
		}
	sl_free(&errors);
	struct strlist lines = STRLIST_INIT;
	char a[16], b[16], buf[32];
	sl_pushf(&lines, _("Last %d months, %s–%s:"), HISTORY_MONTHS, view_month(first, false, a),
		 view_month(last, false, b));
	for (int c = 0; c < BREAKDOWN_RATES; c++) {
		char *sp = view_sparkline(s[c].v, s[c].n, true);
		const struct ind_value *lv = &s[c].v[s[c].n - 1];
		bool has_t = s[c].has_target && lv->known;
		double t = s[c].target[s[c].n - 1];
		bool met = has_t && indicator_rate_met(lv->num, lv->den, t);
		char *head = text_fit(_(rate_heads[c]), 8, false);
		char *val = lv->known ? xasprintf("%s%%%s", numfmt_rate(lv->value, has_t, t, false, buf), view_mark(has_t, met))
				      : xstrdup("–");
		char *vf = text_fit(val, 7, true);
		char *tt = has_t ? xasprintf(_("target %s%%"), numfmt_num(t, buf)) : xstrdup("");
		sl_pushf(&lines, "%s %s  %s  %s", head, sp, vf, tt);
		free(sp);
		free(head);
		free(val);
		free(vf);
		free(tt);
	}
	sl_push(&lines, xstrdup(""));
	struct strbuf h = STRBUF_INIT;
	char *mh = text_fit(_("Month"), 8, false);
	sb_puts(&h, mh);
	free(mh);
	for (int c = 0; c < BREAKDOWN_RATES; c++) {
		char *hc = text_fit(_(rate_heads[c]), 8, true);
		sb_printf(&h, " %s", hc);
		free(hc);
	}
	sl_push(&lines, sb_steal(&h));
	for (int i = 0; i < HISTORY_MONTHS; i++) {
		struct strbuf l = STRBUF_INIT;
		char *m = text_fit(view_month(first + i, false, a), 8, false);
		sb_puts(&l, m);
		free(m);
		for (int c = 0; c < BREAKDOWN_RATES; c++) {
			const struct ind_value *v = &s[c].v[i];
			bool has_t = s[c].has_target && v->known;
			bool met = has_t && indicator_rate_met(v->num, v->den, s[c].target[i]);
			char *val = v->known ? xasprintf("%s%%%s", numfmt_rate(v->value, has_t, s[c].target[i], false, buf), view_mark(has_t, met))
					     : xstrdup("–");
			char *vf = text_fit(val, 8, true);
			sb_printf(&l, " %s", vf);
			free(val);
			free(vf);
		}
		sl_push(&lines, sb_steal(&l));
	}
	sl_push(&lines, xstrdup(""));
	sl_pushf(&lines, _("%s (the target of each year)."), marks_legend());
	char *title = xasprintf(_("History of group %s · %s"), r->code, r->name);
	tui_show_lines(ui, title, &lines);
	free(title);
	sl_free(&lines);
	for (int c = 0; c < BREAKDOWN_RATES; c++)
		series_free(&s[c]);
}

/* Sorts again, the selection staying on its group. */
static void resort(struct bd *d)
{
	long long keep = d->b.n ? d->b.rows[d->sel].stock.group_id : 0;
	sort_rows(d);
	for (int g = 0; g < d->b.n; g++)
		if (d->b.rows[g].stock.group_id == keep)
			d->sel = g;
}

/* Selects the rate of the missing figures and sparklines; the order
 * follows it when the rows are sorted by what is missing. */
static void set_column(struct bd *d, int c)
{
	if (c < 0 || c >= BREAKDOWN_RATES)
		return;
	d->prefs->column = c;
	if (d->prefs->sort == SORT_MISSING)
		resort(d);
}

/* 's': sort by the group order, a rate or what is missing; the same
 * column again reverses. */
static void pick_sort(struct ui *ui, struct bd *d)
{
	struct strlist labels = STRLIST_INIT;
	sl_push(&labels, xstrdup(_("Group (ward order)")));
	for (int c = 0; c < BREAKDOWN_RATES; c++)
		sl_push(&labels, xstrdup(_(rate_def(c)->short_label)));
	sl_push(&labels, xstrdup(_("Households or people still missing (the highlighted rate)")));
	int c = tui_pick(ui, _("Sort by (the same column again reverses)"), &labels, d->prefs->sort + 1);
	sl_free(&labels);
	if (c < 0)
		return;
	c--;
	if (c >= 0 && c == d->prefs->sort) {
		d->prefs->sort_desc = !d->prefs->sort_desc;
	} else {
		d->prefs->sort = c;
		d->prefs->sort_desc = c >= 0; /* rates and missing: highest first */
	}
	if (c >= 0 && c < BREAKDOWN_RATES)
		d->prefs->column = c;
	resort(d);
}

/* 'i': the rate whose missing figures and sparklines are shown. */
static void pick_column(struct ui *ui, struct bd *d)
{
	struct strlist labels = STRLIST_INIT;
	for (int c = 0; c < BREAKDOWN_RATES; c++)
		sl_pushf(&labels, "%s" TUI_PICK_HIDDEN "%s", _(rate_def(c)->label), breakdown_ids[c]);
	int c = tui_pick(ui, _("Indicator of the missing figures and sparklines"), &labels, d->prefs->column);
	sl_free(&labels);
	set_column(d, c);
}

/* The keys of the group views: selection, Enter, s, i, Left/Right. */
static bool bd_key(struct ui *ui, void *state, enum action_id act)
{
	struct bd *d = state;
	if (!d->have)
		return false;
	int n = d->behind ? d->nmisses : d->b.n;
	int page = tui_rows() - 10;
	switch (act) {
	case ACT_UP:
		if (d->sel > 0)
			d->sel--;
		return true;
	case ACT_DOWN:
		if (d->sel + 1 < n)
			d->sel++;
		return true;
	case ACT_PAGE_UP:
		d->sel = d->sel > page ? d->sel - page : 0;
		return true;
	case ACT_PAGE_DOWN:
		d->sel = d->sel + page < n ? d->sel + page : (n ? n - 1 : 0);
		return true;
	case ACT_FIRST:
		d->sel = 0;
		return true;
	case ACT_LAST:
		d->sel = n ? n - 1 : 0;
		return true;
	case ACT_HISTORY:
		if (n)
			show_history(ui, &d->b.rows[d->behind ? d->misses[d->sel].row : d->sel]);
		return true;
	case ACT_SORT:
		if (d->behind) {
			tui_message(ui, false, "%s", _("This list is always worst first; the group view (Tab) sorts."));
			return true;
		}
		pick_sort(ui, d);
		return true;
	case ACT_INDICATOR:
		if (!d->behind)
			pick_column(ui, d);
		return !d->behind;
	case ACT_VIEW_LEFT:
		if (!d->behind)
			set_column(d, d->prefs->column - 1);
		return !d->behind;
	case ACT_VIEW_RIGHT:
		if (!d->behind)
			set_column(d, d->prefs->column + 1);
		return !d->behind;
	default:
		return false;
	}
}

const struct view view_breakdown = {
	N_("By group"),
	N_("By group: each rate of every residential group at the end of the period, with ✓ where the target "
	   "is met and ✗ where it is not (colours say the same: green met, yellow within 10 points, red "
	   "further). The highlighted column chooses the figures still missing and the sparkline of the last "
	   "12 months: change it with Left/Right or i. s sorts; the last row is the ward total, the same as "
	   "the overview. Enter shows the selected group's last 24 months."),
	bd_open, bd_title, bd_draw, bd_key, bd_close, AS_VIEW_GROUPS | AS_VIEW_RATES,
};

const struct view view_behind = {
	N_("Behind target"),
	N_("Behind target: the groups that miss at least one target at the end of the period, the furthest "
	   "behind first, with each target missed and how many households or people are still missing: the "
	   "list to take on visits. Groups that meet every target are not listed. Enter shows the selected "
	   "group's last 24 months."),
	behind_open, bd_title, bd_draw, bd_key, bd_close, AS_VIEW_GROUPS,
};
