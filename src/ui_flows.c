/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_flows.c - the month-by-month views of the overview: incidents by
 * category and outreach sessions by kind, one column per month of the
 * period, the total, then the previous period and the same period last
 * year with the change against each (flow_table_compute()).  When the
 * months do not all fit the width, the last ones are shown and Left/Right
 * move through them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"
#include "text.h"
#include "ui_views.h"

struct flows {
	const char *indicator;   /* "incidents" or "outreach" */
	bool have;
	struct flow_table t;
	int offset;              /* months hidden at the right */
	int first;               /* first row shown */
};

/* Opens a month-by-month view: the flow table of the period. */
static void *flows_open_common(struct ui *ui, const char *indicator)
{
	struct flows *f = xcalloc(1, sizeof *f);
	f->indicator = indicator;
	struct strlist errors = STRLIST_INIT;
	f->have = flow_table_compute(ui->db, indicator, &ui->period, NULL, &f->t, &errors);
	if (!f->have)
		tui_errors(ui, &errors);
	sl_free(&errors);
	return f;
}

/* Incidents by category and month. */
static void *incidents_open(struct ui *ui, struct view_prefs *prefs)
{
	(void)prefs;
	return flows_open_common(ui, "incidents");
}

/* Outreach sessions by kind and month. */
static void *outreach_open(struct ui *ui, struct view_prefs *prefs)
{
	(void)prefs;
	return flows_open_common(ui, "outreach");
}

/* Frees a month-by-month view. */
static void flows_close(void *state)
{
	struct flows *f = state;
	if (f->have)
		flow_table_free(&f->t);
	free(f);
}

/* The first line after the view's name: the period. */
static char *flows_title(struct ui *ui, void *state)
{
	(void)state;
	char p[32];
	return xstrdup(period_format(&ui->period, p));
}

/* Colour of a change: fewer incidents is good, more outreach is good. */
static enum tui_color change_color(const struct flows *f, long long diff)
{
	if (diff == 0)
		return TC_NORMAL;
	bool good = !strcmp(f->indicator, "incidents") ? diff < 0 : diff > 0;
	return good ? TC_MET : TC_FAR;
}

/* Columns taken by a number as written. */
static int num_width(long long v)
{
	char buf[32];
	return text_width(numfmt_int(v, buf));
}

/* Column widths: w[0] label, w[1] month, w[2] total, w[3] previous,
 * w[4] change, w[5] last year, w[6] change. */
static void layout(const struct flows *f, int cols, int *w, int *shown)
{
	const struct flow_table *t = &f->t;
	w[1] = 5;
	for (int i = 0; i < t->nrows * t->ncols; i++)
		if (num_width(t->cells[i]) > w[1])
			w[1] = num_width(t->cells[i]);
	for (int c = 0; c < t->ncols; c++)
		if (num_width(t->col_total[c]) > w[1])
			w[1] = num_width(t->col_total[c]);
	const char *heads[] = { NULL, NULL, N_("Total"), N_("Previous"), N_("Change"), N_("Last year"), N_("Change") };
	long long big[] = { 0, 0, t->total, t->prev_total, t->total + t->prev_total, t->last_year_total,
			    t->total + t->last_year_total };
	for (int i = 2; i < 7; i++) {
		w[i] = text_width(_(heads[i]));
		if (num_width(big[i]) + (i == 4 || i == 6 ? 2 : 0) > w[i])
			w[i] = num_width(big[i]) + (i == 4 || i == 6 ? 2 : 0);
	}
	int fixed = w[2] + w[3] + w[4] + w[5] + w[6] + 5;
	int k = (cols - 14 - fixed) / (w[1] + 1);
	if (k > t->ncols)
		k = t->ncols;
	if (k < 1)
		k = 1;
	*shown = k;
	w[0] = cols - fixed - k * (w[1] + 1) - 1;
	if (w[0] > 32)
		w[0] = 32;
}

/* A number right-aligned in w columns. */
static void put_num(int y, int x, int w, long long v, enum tui_color c)
{
	char buf[32];
	tui_put_right(y, x, w, numfmt_int(v, buf), c);
}

/* The comparison columns of a row: total, previous, change, last year,
 * change. */
static void put_totals(const struct flows *f, int y, int x, const int *w, long long total, long long prev,
		       long long last_year, enum tui_color base)
{
	put_num(y, x, w[2], total, base);
	x += w[2] + 1;
	put_num(y, x, w[3], prev, base);
	x += w[3] + 1;
	char *c = view_change(total - prev);
	tui_put_right(y, x, w[4], c, change_color(f, total - prev));
	free(c);
	x += w[4] + 1;
	put_num(y, x, w[5], last_year, base);
	x += w[5] + 1;
	c = view_change(total - last_year);
	tui_put_right(y, x, w[6], c, change_color(f, total - last_year));
	free(c);
}

/* Draws the table: a header of months, a row per category or kind, the
 * total row and what the comparisons compare with. */
static void flows_draw(struct ui *ui, void *state, int top, int rows)
{
	struct flows *f = state;
	if (!f->have)
		return;
	const struct flow_table *t = &f->t;
	int cols = tui_cols(), w[7], shown;
	layout(f, cols, w, &shown);
	if (f->offset > t->ncols - shown)
		f->offset = t->ncols - shown;
	if (f->offset < 0)
		f->offset = 0;
	int start = t->ncols - shown - f->offset;
	bool incidents = !strcmp(f->indicator, "incidents");

	int y = top, x = 0;
	tui_put(y, x, w[0], incidents ? _("Category") : _("Kind"), TC_TITLE);
	x += w[0] + 1;
	for (int c = start; c < start + shown; c++) {
		char m[16];
		tui_put_right(y, x, w[1], view_month(t->period.first + c, true, m), TC_TITLE);
		x += w[1] + 1;
	}
	const char *heads[] = { N_("Total"), N_("Previous"), N_("Change"), N_("Last year"), N_("Change") };
	for (int i = 0; i < 5; i++) {
		tui_put_right(y, x, w[i + 2], _(heads[i]), TC_TITLE);
		x += w[i + 2] + 1;
	}
	y++;

	int avail = rows - 4;
	if (f->first > t->nrows - avail)
		f->first = t->nrows - avail;
	if (f->first < 0)
		f->first = 0;
	for (int r = f->first; r < t->nrows && r < f->first + avail; r++, y++) {
		char *l = text_fit(t->row_labels[r], w[0], false);
		tui_put(y, 0, w[0], l, TC_NORMAL);
		free(l);
		x = w[0] + 1;
		for (int c = start; c < start + shown; c++) {
			long long v = t->cells[r * t->ncols + c];
			put_num(y, x, w[1], v, v ? TC_TITLE : TC_NORMAL);
			x += w[1] + 1;
		}
		put_totals(f, y, x, w, t->row_total[r], t->row_prev[r], t->row_last_year[r], TC_NORMAL);
	}
	tui_put(y, 0, w[0], _("Total"), TC_TITLE);
	x = w[0] + 1;
	for (int c = start; c < start + shown; c++) {
		put_num(y, x, w[1], t->col_total[c], TC_TITLE);
		x += w[1] + 1;
	}
	put_totals(f, y, x, w, t->total, t->prev_total, t->last_year_total, TC_TITLE);
	y++;

	/* What the comparison columns compare with, and the months not shown. */
	char p[32], q[32];
	struct period prev = period_previous(&ui->period), ly = period_last_year(&ui->period);
	struct strbuf note = STRBUF_INIT;
	sb_printf(&note, _("Previous: %s. Last year: %s."), period_format(&prev, p), period_format(&ly, q));
	if (f->first > 0 || f->first + avail < t->nrows) {
		sb_puts(&note, " ");
		sb_puts(&note, _("Up/Down: more rows."));
	}
	tui_put(y, 0, cols, note.buf, TC_NORMAL);
	sb_free(&note);
	if (shown < t->ncols) {
		char a[16], b[16];
		char *more = xasprintf(_("Months %s–%s of %d shown; Left/Right for the others."),
				       view_month(t->period.first + start, true, a),
				       view_month(t->period.first + start + shown - 1, true, b), t->ncols);
		tui_put(y + 1, 0, cols, more, TC_NORMAL);
		free(more);
	}
}

/* The keys of the month-by-month views: Left/Right through the months,
 * Up/Down through the rows. */
static bool flows_key(struct ui *ui, void *state, enum action_id act)
{
	(void)ui;
	struct flows *f = state;
	switch (act) {
	case ACT_VIEW_LEFT:
		f->offset++; /* clamped when drawn */
		return true;
	case ACT_VIEW_RIGHT:
		if (f->offset > 0)
			f->offset--;
		return true;
	case ACT_UP:
		if (f->first > 0)
			f->first--;
		return true;
	case ACT_DOWN:
		f->first++; /* clamped when drawn */
		return true;
	case ACT_FIRST:
	case ACT_PAGE_UP:
		f->first = 0;
		return true;
	case ACT_LAST:
	case ACT_PAGE_DOWN:
		f->first = f->have ? f->t.nrows : 0;
		return true;
	default:
		return false;
	}
}

const struct view view_incidents = {
	N_("Incidents by month"),
	N_("Incidents by month: the incidents of each category in each month of the period, the total, and the "
	   "change against the previous period of the same length and the same period last year (↓ fewer, "
	   "↑ more). Left and Right show other months when they do not all fit."),
	incidents_open, flows_title, flows_draw, flows_key, flows_close, AS_VIEW_MONTHS,
};

const struct view view_outreach = {
	N_("Outreach by month"),
	N_("Outreach by month: the outreach sessions of each kind (loudspeaker, mobile, meetings, online) in "
	   "each month of the period, the total, and the change against the previous period and the same "
	   "period last year. Left and Right show other months when they do not all fit."),
	outreach_open, flows_title, flows_draw, flows_key, flows_close, AS_VIEW_MONTHS,
};
