/* ui_dashboard.c - the overview (Tổng quan): every indicator of the period
 * with its target, status and what is still missing.  The figures come from
 * summary_compute(), the same as `wardsafe summary`. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "indicator.h"
#include "numfmt.h"
#include "summary.h"
#include "tui.h"

struct dashboard {
	struct summary s;
	bool have;
	char *sentence;
};

static void dash_enter(struct ui *ui, struct screen *sc)
{
	struct dashboard *d = sc->state;
	if (d->have)
		summary_free(&d->s);
	free(d->sentence);
	d->sentence = NULL;
	struct strlist errors = STRLIST_INIT;
	d->have = summary_compute(ui->db, &ui->period, NULL, &d->s, &errors);
	if (!d->have)
		tui_errors(ui, &errors);
	else
		d->sentence = summary_incident_sentence(&d->s);
	sl_free(&errors);
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

/* The status in words, so nothing depends on colour: "met", "short 258". */
static char *status_text(const struct ind_row *r)
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

static void dash_draw(struct ui *ui, struct screen *sc, int top, int rows)
{
	(void)ui;
	struct dashboard *d = sc->state;
	if (!d->have)
		return;
	int cols = tui_cols();
	/* Columns: label, value, [progress bar], target, status, previous, last
	 * year.  80 columns hold everything but the bars; wider screens get bars
	 * and longer labels. */
	int wl = 29, wv = 7, wt = 8, ws = 11, wc = 8;
	if (cols >= 100)
		wl = 36;
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
	tui_put_right(y, x, wc, _("Previous"), TC_TITLE);
	x += wc + 1;
	tui_put_right(y, x, wc, _("Last year"), TC_TITLE);
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
		char *st = status_text(r);
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
				    numfmt_int(r->missing, a), _(r->def->unit), numfmt_num(r->target, t));
		tui_put(y++, 0, cols, m, status_color(r));
		free(m);
	}
	if (d->sentence && y < top + rows) {
		char *m = xasprintf(_("Incidents: %s"), d->sentence);
		tui_put(y, 0, cols, m, TC_NORMAL);
		free(m);
	}
}

static void dash_free(struct screen *sc)
{
	struct dashboard *d = sc->state;
	if (d->have)
		summary_free(&d->s);
	free(d->sentence);
	free(d);
}

struct screen *ui_dashboard_new(void)
{
	struct screen *s = xcalloc(1, sizeof *s);
	s->id = SCR_DASHBOARD;
	s->action = ACT_DASHBOARD;
	s->title = N_("Overview");
	s->tab = N_("Overview");
	s->context = AS_GLOBAL;
	s->help = N_("The overview shows every indicator for the selected period: the value, the target, "
		     "whether it is met, how many households or people are still missing, and the change "
		     "against the previous period and the same period last year. Change the period with [ ] or p.");
	s->enter = dash_enter;
	s->draw = dash_draw;
	s->free = dash_free;
	s->state = xcalloc(1, sizeof(struct dashboard));
	return s;
}
