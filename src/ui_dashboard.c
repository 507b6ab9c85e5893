/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_dashboard.c - the overview (Tổng quan): every indicator of the period
 * with its target, status and what is still missing.  The figures come from
 * summary_compute(), the same as `wardsafe summary`.
 *
 * The overview also owns its analysis views (ui_views.h): Tab and
 * Shift-Tab move through them, the first line names the one shown, and
 * only the view shown is computed, when it is shown or the period
 * changes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "indicator.h"
#include "numfmt.h"
#include "screens.h"
#include "summary.h"
#include "text.h"
#include "tui.h"
#include "ui_views.h"

/* The views after the overview itself (view 0), in Tab order. */
static const struct view *const views[] = {
	NULL, &view_breakdown, &view_behind, &view_incidents, &view_outreach, &view_trends,
};
#define NVIEWS ((int)ARRAY_SIZE(views))

static const char *const overview_help =
	N_("The overview shows every indicator for the selected period: the value, the target, "
	   "whether it is met, how many households or people are still missing, and, in the ± columns, "
	   "the change against the previous period and the same period last year (in percentage points "
	   "for rates). Change the period with [ ] or p. "
	   "Tab shows the other views: by group, behind target, incidents and outreach by month, trends.");

struct dashboard {
	struct summary s;
	bool have;
	char *sentence;
	int view;                /* index into views[]; 0 is the overview */
	void *vstate;            /* the open view's state */
	struct view_prefs prefs;
};

/* Frees what the current view (or the overview) computed. */
static void close_view(struct dashboard *d)
{
	if (d->vstate)
		views[d->view]->close(d->vstate);
	d->vstate = NULL;
	if (d->have)
		summary_free(&d->s);
	d->have = false;
	free(d->sentence);
	d->sentence = NULL;
}

/* Computes what the current view shows for the period. */
static void open_view(struct ui *ui, struct screen *sc)
{
	struct dashboard *d = sc->state;
	close_view(d);
	sc->help = d->view ? views[d->view]->help : overview_help;
	/* The keys (and the key bar) of the view shown, and only those. */
	sc->context = AS_VIEWS | (d->view ? views[d->view]->context : 0);
	if (d->view) {
		d->vstate = views[d->view]->open(ui, &d->prefs);
		return;
	}
	struct strlist errors = STRLIST_INIT;
	d->have = summary_compute(ui->db, &ui->period, NULL, &d->s, &errors);
	if (!d->have)
		tui_errors(ui, &errors);
	else
		d->sentence = summary_incident_sentence(&d->s);
	sl_free(&errors);
}

/* On showing the screen and on a change of period: the current view again. */
static void dash_enter(struct ui *ui, struct screen *sc)
{
	open_view(ui, sc);
}

/* Colour of a row: met, close to the target (within 10 points), or far. */
static enum tui_color status_color(const struct ind_row *r)
{
	if (!r->has_status)
		return TC_NORMAL;
	if (r->met)
		return TC_MET;
	if (r->def->type == IT_RATE && r->cur.value >= r->target - 10)
		return TC_CLOSE;
	return TC_FAR;
}

/* "↑ 5,2" against a comparison value. */
static char *change_text(const struct ind_row *r, const struct ind_value *then)
{
	if (!r->cur.known || !then->known)
		return xstrdup("");
	char buf[32];
	double diff = r->cur.value - then->value;
	const char *arrow = diff > 0.05 ? "↑" : diff < -0.05 ? "↓" : "=";
	if (r->def->type == IT_RATE)
		return xasprintf("%s %s", arrow, numfmt_dec1(diff < 0 ? -diff : diff, buf));
	return xasprintf("%s %s", arrow, numfmt_int(llabs(r->cur.num - then->num), buf));
}

char *view_status_text(const struct ind_row *r)
{
	char buf[32];
	if (!r->has_status)
		return xstrdup("");
	if (r->met)
		return xstrdup(_("met"));
	if (r->has_missing && r->missing > 0)
		return xasprintf(_("short %s"), numfmt_int(r->missing, buf));
	return xstrdup(_("not met"));
}

/* The first line: "Overview · By group · ..." and which view of how many. */
static void draw_view_line(struct ui *ui, struct dashboard *d, int top)
{
	int cols = tui_cols();
	struct strbuf t = STRBUF_INIT;
	sb_puts(&t, _("Overview"));
	if (d->view) {
		sb_printf(&t, " · %s", _(views[d->view]->name));
		char *more = d->vstate && views[d->view]->title ? views[d->view]->title(ui, d->vstate) : NULL;
		if (more && *more)
			sb_printf(&t, " · %s", more);
		free(more);
	}
	char *pos = xasprintf(_("Tab %d/%d"), d->view + 1, NVIEWS);
	int pw = text_width(pos);
	tui_put(top, 0, cols - pw - 1, t.buf, TC_TITLE);
	tui_put_right(top, cols - pw, pw, pos, TC_NORMAL);
	free(pos);
	sb_free(&t);
}

/* Draws the first line, then the overview or the current view. */
/* A sentence wrapped at spaces on lines y.. before `end`, never cut
 * mid-word; returns the line after it. */
static int put_wrapped(int y, int end, int cols, const char *text, enum tui_color c)
{
	struct strlist lines = STRLIST_INIT;
	text_wrap(text, cols, &lines);
	for (size_t i = 0; i < lines.n && y < end; i++)
		tui_put(y++, 0, cols, lines.items[i], c);
	sl_free(&lines);
	return y;
}

static void dash_draw(struct ui *ui, struct screen *sc, int top, int rows)
{
	struct dashboard *d = sc->state;
	draw_view_line(ui, d, top);
	top++;
	rows--;
	if (d->view) {
		if (d->vstate)
			views[d->view]->draw(ui, d->vstate, top, rows);
		return;
	}
	if (!d->have)
		return;
	int cols = tui_cols();
	/* Columns: label, value, [progress bar], target, status, previous, last
	 * year.  80 columns hold everything but the bars; wider screens get bars
	 * and longer labels. */
	int wl = 29, wv = 7, wt = 8, ws = 11, wc = 9;
	if (cols >= 100)
		wl = 36;
	/* The change columns are as wide as their headers, never cut. */
	if (text_width(_("±Previous")) > wc)
		wc = text_width(_("±Previous"));
	if (text_width(_("±Year ago")) > wc)
		wc = text_width(_("±Year ago"));
	if (wl + wv + wt + ws + 2 * wc + 6 > cols)
		wl = cols - (wv + wt + ws + 2 * wc + 6);
	int wbar = cols - (wl + wv + wt + ws + 2 * wc + 7);
	if (wbar < 10)
		wbar = 0;
	else if (wbar > 40)
		wbar = 40;
	int y = top, x;
	tui_put(y, 0, wl, _("Indicator"), TC_TITLE);
	x = wl + 1;
	tui_put_right(y, x, wv, _("Value"), TC_TITLE);
	x += wv + 1 + (wbar ? wbar + 1 : 0);
	tui_put_right(y, x, wt, _("Target"), TC_TITLE);
	x += wt + 1;
	tui_put(y, x, ws, _("Status"), TC_TITLE);
	x += ws + 1;
	/* Changes, not values (the report's "Previous" holds values). */
	tui_put_right(y, x, wc, _("±Previous"), TC_TITLE);
	x += wc + 1;
	tui_put_right(y, x, wc, _("±Year ago"), TC_TITLE);
	y++;
	for (int i = 0; i < d->s.nrows && y < top + rows - 2; i++) {
		const struct ind_row *r = &d->s.rows[i];
		if (strchr(r->id, '.'))
			continue; /* categories and kinds belong to the detail screens */
		enum tui_color c = status_color(r);
		tui_put(y, 0, wl, r->short_label, TC_NORMAL);
		x = wl + 1;
		char *v = summary_value_text(r, &r->cur);
		tui_put_right(y, x, wv, v, c);
		free(v);
		x += wv + 1;
		if (wbar) {
			/* A bar of the rate with the target marked by '│'. */
			if (r->def->type == IT_RATE && r->cur.known) {
				int filled = (int)(r->cur.value * wbar / 100.0 + 0.5);
				int mark = r->has_target ? (int)(r->target * wbar / 100.0 + 0.5) : -1;
				if (mark >= wbar)
					mark = wbar - 1;
				struct strbuf bar = STRBUF_INIT;
				for (int j = 0; j < wbar; j++)
					sb_puts(&bar, j == mark ? "│" : j < filled ? "█" : "·");
				tui_put(y, x, wbar, bar.buf, c);
				sb_free(&bar);
			}
			x += wbar + 1;
		}
		char buf[32];
		if (r->has_target) {
			char *t = xasprintf("%s%s", numfmt_num(r->target, buf), r->def->type == IT_RATE ? "%" : "");
			tui_put_right(y, x, wt, t, TC_NORMAL);
			free(t);
		}
		x += wt + 1;
		char *st = view_status_text(r);
		tui_put(y, x, ws, st, c);
		free(st);
		x += ws + 1;
		char *p = change_text(r, &r->prev), *l = change_text(r, &r->last_year);
		tui_put_right(y, x, wc, p, TC_NORMAL);
		tui_put_right(y, x + wc + 1, wc, l, TC_NORMAL);
		free(p);
		free(l);
		y++;
	}
	y++;
	/* What officers act on, in words. */
	for (int i = 0; i < d->s.nrows && y < top + rows - 1; i++) {
		const struct ind_row *r = &d->s.rows[i];
		if (r->def->type != IT_RATE || !r->has_missing || r->missing <= 0)
			continue;
		char a[32], t[32];
		char *m = xasprintf(_("%s: %s %s still missing to reach %s%%"), r->label,
				    numfmt_int(r->missing, a), indicator_unit(r->def, r->missing), numfmt_num(r->target, t));
		y = put_wrapped(y, top + rows - 1, cols, m, status_color(r));
		free(m);
	}
	if (d->sentence && y < top + rows) {
		char *m = xasprintf(_("Incidents: %s"), d->sentence);
		put_wrapped(y, top + rows, cols, m, TC_NORMAL);
		free(m);
	}
}

/* Tab and Shift-Tab change the view, F2 on a view returns to the overview;
 * the rest goes to the view. */
static bool dash_key(struct ui *ui, struct screen *sc, struct wkey k, enum action_id act)
{
	struct dashboard *d = sc->state;
	if (act == ACT_NEXT_VIEW || act == ACT_PREV_VIEW) {
		close_view(d); /* before the index changes: it knows how */
		d->view = (d->view + (act == ACT_NEXT_VIEW ? 1 : NVIEWS - 1)) % NVIEWS;
		open_view(ui, sc);
		return true;
	}
	if (act == ACT_DASHBOARD && d->view) {
		/* F2 on a view: back to the overview itself. */
		close_view(d);
		d->view = 0;
		open_view(ui, sc);
		return true;
	}
	if (d->view && d->vstate && views[d->view]->key(ui, d->vstate, act))
		return true;
	/* A key of another view: the view may say why not (behind target is
	 * always worst first), or else where the key works. */
	enum action_id other = act == ACT_NONE ? action_for_key(k, AS_VIEWS | AS_VIEW_PARTS) : ACT_NONE;
	if (other != ACT_NONE) {
		if (d->view && d->vstate && views[d->view]->key(ui, d->vstate, other))
			return true;
		tui_message(ui, false, "%s", _("Not on this view: Tab shows the group view (s, Enter) and the trends (i)."));
		return true;
	}
	return false;
}

/* Frees the screen's state. */
static void dash_free(struct screen *sc)
{
	struct dashboard *d = sc->state;
	close_view(d);
	free(d);
}

/* The overview (a line of screens.c). */
struct screen *ui_dashboard_new(enum screen_id id, const struct screen_start *start)
{
	(void)id;
	(void)start;
	struct screen *s = xcalloc(1, sizeof *s);
	s->title = N_("Overview");
	s->tab = N_("Overview");
	s->context = AS_VIEWS;
	s->help = overview_help;
	s->enter = dash_enter;
	s->draw = dash_draw;
	s->key = dash_key;
	s->free = dash_free;
	struct dashboard *d = xcalloc(1, sizeof *d);
	d->prefs.sort = -1;
	d->prefs.trend = "extinguisher";
	s->state = d;
	return s;
}
