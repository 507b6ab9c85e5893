/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_trends.c - the trends view of the overview: one indicator month by
 * month over at least 24 months ending at the last month of the period, as
 * a vertical bar chart with the target drawn across it, and the helpers
 * (sparklines, marks, month labels) the other views share.
 *
 * Charts use Unicode block characters (eighths "▁▂▃▄▅▆▇█" for partial
 * heights) and box-drawing lines.  Set the environment variable
 * WARDSAFE_ASCII=1 for plain ASCII instead ("#" bars, "-" target line, "|"
 * axis), for terminals or printers without those characters; ASCII is also
 * used when the codeset of the user's locale is not UTF-8. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "numfmt.h"
#include "text.h"
#include "ui_views.h"

static const char *const eighths[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
static const char *const ascii_levels[8] = { "_", ".", ":", "-", "=", "+", "*", "#" };

bool view_ascii(void)
{
	const char *env = getenv("WARDSAFE_ASCII");
	if (env && !strcmp(env, "1"))
		return true;
	/* The program itself switches to C.UTF-8 when the locale is not UTF-8
	 * (i18n.c), so ask what the user's own locale says. */
	static int user_utf8 = -1;
	if (user_utf8 < 0) {
		locale_t loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
		const char *cs = loc ? nl_langinfo_l(CODESET, loc) : "";
		user_utf8 = cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
		if (loc)
			freelocale(loc);
	}
	return !user_utf8;
}

char *view_sparkline(const struct ind_value *v, int n, bool rate)
{
	double lo = 0, hi = 0;
	bool any = false;
	for (int i = 0; i < n; i++) {
		if (!v[i].known)
			continue;
		if (!any || v[i].value < lo)
			lo = v[i].value;
		if (!any || v[i].value > hi)
			hi = v[i].value;
		any = true;
	}
	if (rate) {
		lo = floor(lo / 10) * 10;
		hi = ceil(hi / 10) * 10;
		if (hi - lo < 10)
			lo = hi - 10;
	} else {
		lo = 0;
	}
	const char *const *levels = view_ascii() ? ascii_levels : eighths;
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		if (!v[i].known) {
			sb_putc(&sb, ' ');
			continue;
		}
		int l = hi > lo ? (int)floor((v[i].value - lo) / (hi - lo) * 7 + 0.5) : 0;
		sb_puts(&sb, levels[l < 0 ? 0 : l > 7 ? 7 : l]);
	}
	return sb_steal(&sb);
}

char *view_month(int month, bool short_year, char *buf)
{
	int y = month / 12, m = month % 12 + 1;
	if (short_year)
		snprintf(buf, 16, "%02d/%02d", m, y % 100);
	else
		snprintf(buf, 16, "%02d/%04d", m, y);
	return buf;
}

enum tui_color view_status_color(bool has_target, bool met, double value, double target)
{
	if (!has_target)
		return TC_NORMAL;
	if (met)
		return TC_MET;
	return value >= target - 10 ? TC_CLOSE : TC_FAR;
}

const char *view_mark(bool has_target, bool met)
{
	if (!has_target)
		return "";
	if (view_ascii())
		return met ? "" : "*";
	return met ? "✓" : "✗";
}

char *view_change(long long diff)
{
	char buf[32];
	if (view_ascii())
		return diff > 0 ? xasprintf("+%s", numfmt_int(diff, buf)) : xstrdup(numfmt_int(diff, buf));
	if (diff == 0)
		return xstrdup("= 0");
	return xasprintf("%s %s", diff > 0 ? "↑" : "↓", numfmt_int(diff < 0 ? -diff : diff, buf));
}

/* ---- the trends view */

struct trends {
	struct view_prefs *prefs;
	bool have;
	struct series s;
	int offset;   /* months hidden at the right (Left shows earlier months) */
};

/* The months of the chart: at least 24, ending at the period's last month. */
static bool trends_load(struct ui *ui, struct trends *t)
{
	if (t->have)
		series_free(&t->s);
	t->have = false;
	t->offset = 0;
	int n = period_months(&ui->period);
	if (n < 24)
		n = 24;
	struct strlist errors = STRLIST_INIT;
	t->have = series_compute(ui->db, t->prefs->trend, NULL, ui->period.last - n + 1, ui->period.last,
				 &t->s, &errors);
	if (!t->have)
		tui_errors(ui, &errors);
	sl_free(&errors);
	return t->have;
}

/* Opens the trends view on the chosen indicator (extinguishers by default). */
static void *trends_open(struct ui *ui, struct view_prefs *prefs)
{
	struct trends *t = xcalloc(1, sizeof *t);
	t->prefs = prefs;
	if (!prefs->trend || !indicator_find(prefs->trend))
		prefs->trend = "extinguisher";
	trends_load(ui, t);
	return t;
}

/* Frees the trends view. */
static void trends_close(void *state)
{
	struct trends *t = state;
	if (t->have)
		series_free(&t->s);
	free(t);
}

/* Whether month i reaches its target (a ceiling for incidents). */
static bool month_met(const struct series *s, int i)
{
	const struct ind_value *v = &s->v[i];
	if (s->def->type == IT_RATE)
		return indicator_rate_met(v->num, v->den, s->target[i]);
	return s->def->target_is_ceiling ? v->value <= s->target[i] : v->value >= s->target[i];
}

/* Whether month i has both a value and a target to compare it with. */
static bool month_has_target(const struct series *s, int i)
{
	return s->has_target && !isnan(s->target[i]) && s->v[i].known;
}

/* A value as written on the chart: "75.8%", "1,234". */
static char *value_text(const struct series *s, const struct ind_value *v)
{
	char buf[32];
	if (!v->known)
		return xstrdup("–");
	int i = (int)(v - s->v);
	if (s->def->type == IT_RATE)
		return xasprintf("%s%%", numfmt_rate(v->value, s->has_target, s->target[i],
						     s->def->target_is_ceiling, buf));
	return xstrdup(numfmt_int(v->num, buf));
}

/* A target or axis value: "75%", "1,234". */
static char *target_text(const struct series *s, double target)
{
	char buf[32];
	return xasprintf("%s%s", numfmt_num(target, buf), s->def->type == IT_RATE ? "%" : "");
}

/* The first line after the view's name: the indicator and the months shown. */
static char *trends_title(struct ui *ui, void *state)
{
	(void)ui;
	struct trends *t = state;
	if (!t->have)
		return NULL;
	char a[16], b[16];
	return xasprintf("%s · %s–%s", _(t->s.def->short_label), view_month(t->s.first, false, a),
			 view_month(t->s.first + t->s.n - 1, false, b));
}

/* The scale of the y axis: `ticks` steps of `step` up to *hi, a round
 * number at or above the largest value and target. */
static void nice_scale(double max, bool rate, double *step, int *ticks)
{
	if (rate && max > 50) {
		*step = 25;
		*ticks = max > 100 ? (int)ceil(max / 25) : 4;
		return;
	}
	if (max <= 0)
		max = rate ? 10 : 4;
	static const double mult[] = { 1, 2, 2.5, 5 };
	for (double e = rate ? 0.1 : 1;; e *= 10)
		for (size_t i = 0; i < ARRAY_SIZE(mult); i++) {
			double s = mult[i] * e;
			if (!rate && mult[i] == 2.5 && e < 10)
				continue; /* whole numbers only */
			if (ceil(max / s - 1e-9) <= 5) {
				*step = s;
				*ticks = (int)ceil(max / s - 1e-9);
				if (*ticks < 1)
					*ticks = 1;
				return;
			}
		}
}

/* One character cell of the chart. */
static void put_cell(int y, int x, const char *s, enum tui_color c)
{
	tui_put(y, x, 1, s, c);
}

/* Draws the chart: y labels and axis, a bar per month with the target line
 * across, the month and year labels, and the figures beside. */
static void trends_draw(struct ui *ui, void *state, int top, int rows)
{
	(void)ui;
	struct trends *t = state;
	if (!t->have)
		return;
	const struct series *s = &t->s;
	bool ascii = view_ascii(), rate = s->def->type == IT_RATE;
	int cols = tui_cols();

	double max = 0;
	for (int i = 0; i < s->n; i++) {
		if (s->v[i].known && s->v[i].value > max)
			max = s->v[i].value;
		if (month_has_target(s, i) && s->target[i] > max)
			max = s->target[i];
	}
	double step;
	int ticks;
	nice_scale(max, rate, &step, &ticks);
	double hi = step * ticks;

	/* y labels, then the axis, then one slot per month (a gap column and
	 * the bar), then the text beside the chart. */
	int ylw = 1;
	for (int k = 0; k <= ticks; k++) {
		char *l = target_text(s, k * step);
		if (text_width(l) > ylw)
			ylw = text_width(l);
		free(l);
	}
	int beside = 26;
	int avail_x = cols - ylw - 1 - beside - 1;
	int slot = avail_x / s->n, shown = s->n;
	if (slot > 4)
		slot = 4;
	if (slot < 2) {
		slot = 2;
		shown = avail_x / 2;
	}
	if (t->offset > s->n - shown)
		t->offset = s->n - shown;
	if (t->offset < 0)
		t->offset = 0;
	int start = s->n - shown - t->offset;
	bool stagger = slot == 2;
	int label_rows = stagger ? 2 : 1;
	int hav = rows - 1 - label_rows - 1;
	int h = hav - hav % ticks;
	if (h < ticks)
		h = ticks;
	int per_tick = h / ticks;
	int x0 = ylw + 1, y0 = top;

	for (int r = 0; r < h; r++) {
		int y = y0 + h - 1 - r;
		bool labelled = (r + 1) % per_tick == 0;
		if (labelled) {
			char *l = target_text(s, (r + 1) / per_tick * step);
			tui_put_right(y, 0, ylw, l, TC_NORMAL);
			free(l);
		}
		put_cell(y, ylw, ascii ? (labelled ? "+" : "|") : (labelled ? "┤" : "│"), TC_NORMAL);
		for (int j = 0; j < shown; j++) {
			int i = start + j, x = x0 + j * slot;
			const struct ind_value *v = &s->v[i];
			bool has_t = month_has_target(s, i);
			int trow = has_t ? (int)floor(s->target[i] / hi * h + 0.5) - 1 : -2;
			if (has_t && trow < 0)
				trow = 0;
			enum tui_color c = has_t ? view_status_color(true, month_met(s, i), v->value, s->target[i])
						 : TC_NORMAL;
			/* Eighths of a row filled by the bar at this row. */
			int fill = 0;
			if (v->known && hi > 0) {
				if (ascii) {
					int cells = (int)floor(v->value / hi * h + 0.5);
					fill = cells > r ? 8 : 0;
				} else {
					int e = (int)floor(v->value / hi * h * 8 + 0.5);
					if (e == 0 && v->value > 0)
						e = 1;
					fill = e - r * 8;
				}
			}
			const char *line = ascii ? "-" : "─";
			if (r == trow)
				put_cell(y, x, line, TC_TITLE);
			for (int b = 1; b < slot; b++) {
				if (fill > 0)
					put_cell(y, x + b, ascii ? "#" : eighths[(fill > 8 ? 8 : fill) - 1], c);
				else if (r == trow)
					put_cell(y, x + b, line, TC_TITLE);
			}
		}
	}
	/* The x axis and the month labels under it. */
	int y = y0 + h;
	tui_put_right(y, 0, ylw, rate ? "0%" : "0", TC_NORMAL);
	put_cell(y, ylw, ascii ? "+" : "└", TC_NORMAL);
	for (int x = x0; x < x0 + shown * slot; x++)
		put_cell(y, x, ascii ? "-" : "─", TC_NORMAL);
	for (int j = 0; j < shown; j++) {
		int month = s->first + start + j;
		char mm[16];
		snprintf(mm, sizeof mm, "%02d", month % 12 + 1);
		tui_put(y + 1 + (stagger ? j % 2 : 0), x0 + j * slot + 1, 2, mm, TC_NORMAL);
	}
	/* The year under each January, and under the first month if that
	 * leaves room: right to left, so a January wins. */
	int year_next = cols;
	for (int j = shown - 1; j >= 0; j--) {
		int month = s->first + start + j, x = x0 + j * slot + 1;
		if ((j == 0 || month % 12 == 0) && x + 4 < year_next) {
			char yy[16];
			snprintf(yy, sizeof yy, "%04d", month / 12);
			tui_put(y + 1 + label_rows, x, 4, yy, TC_NORMAL);
			year_next = x;
		}
	}

	/* Beside the chart: the indicator, the latest value against its target,
	 * and the change since the first month shown. */
	int bx = x0 + shown * slot + 2, bw = cols - bx;
	int by = top;
	struct strlist wrapped = STRLIST_INIT;
	text_wrap(_(s->def->label), bw, &wrapped);
	for (size_t i = 0; i < wrapped.n && by < top + rows; i++)
		tui_put(by++, bx, bw, wrapped.items[i], TC_TITLE);
	sl_free(&wrapped);
	by++;
	int last = start + shown - 1, first = start;
	while (first < last && !s->v[first].known)
		first++; /* the change since the first month with figures */
	char m[16];
	const struct ind_value *lv = &s->v[last];
	char *l = xasprintf(_("Latest, %s:"), view_month(s->first + last, false, m));
	tui_put(by++, bx, bw, l, TC_NORMAL);
	free(l);
	bool has_t = month_has_target(s, last), met = has_t && month_met(s, last);
	char *v = value_text(s, lv), *vv;
	if (rate && lv->known) {
		char a[32], b[32];
		vv = xasprintf("  %s%s (%s/%s)", v, view_mark(has_t, met), numfmt_int(lv->num, a), numfmt_int(lv->den, b));
	} else {
		vv = xasprintf("  %s%s", v, view_mark(has_t, met));
	}
	tui_put(by++, bx, bw, vv, view_status_color(has_t, met, lv->value, has_t ? s->target[last] : 0));
	free(v);
	free(vv);
	if (has_t) {
		char *tt = target_text(s, s->target[last]);
		char *tl = xasprintf(s->def->target_is_ceiling ? _("Target: at most %s") : _("Target: %s"), tt);
		tui_put(by++, bx, bw, tl, TC_NORMAL);
		free(tl);
		free(tt);
		char buf[32];
		char *st;
		if (met)
			st = xstrdup(_("met"));
		else if (rate && lv->known) {
			long long miss = indicator_missing(lv->num, lv->den, s->target[last]);
			st = xasprintf(_("short %s %s"), numfmt_int(miss, buf), indicator_unit(s->def, miss));
		} else
			st = xstrdup(_("not met"));
		tui_put(by++, bx, bw, st, view_status_color(true, met, lv->value, s->target[last]));
		free(st);
	} else {
		tui_put(by++, bx, bw, _("No target"), TC_NORMAL);
	}
	by++;
	if (s->v[first].known && lv->known) {
		char *fv = value_text(s, &s->v[first]);
		char *fl = xasprintf("%s: %s", view_month(s->first + first, false, m), fv);
		tui_put(by++, bx, bw, fl, TC_NORMAL);
		free(fv);
		free(fl);
		char *ch;
		if (rate) {
			char buf[32];
			double d = lv->value - s->v[first].value;
			const char *arrow = ascii ? (d > 0.05 ? "+" : d < -0.05 ? "-" : "")
						  : (d > 0.05 ? "↑ " : d < -0.05 ? "↓ " : "= ");
			ch = xasprintf("%s%s", arrow, numfmt_dec1(fabs(d), buf));
		} else {
			ch = view_change(lv->num - s->v[first].num);
		}
		char *cl = xasprintf(rate ? _("Change: %s points") : _("Change: %s"), ch);
		tui_put(by++, bx, bw, cl, TC_NORMAL);
		free(ch);
		free(cl);
		by++;
	}
	char *legend = xasprintf(_("%s value  %s target"), ascii ? "#" : "█", ascii ? "-" : "─");
	tui_put(by++, bx, bw, legend, TC_NORMAL);
	free(legend);
	if (shown < s->n) {
		char a[16], b[16];
		char *n = xasprintf(_("%s–%s shown; Left/Right for more"), view_month(s->first + first, true, a),
				    view_month(s->first + last, true, b));
		tui_put(by++, bx, bw, n, TC_NORMAL);
		free(n);
	}
	tui_put(by, bx, bw, _("i: another indicator"), TC_NORMAL);
}

/* Chooses the indicator of the chart. */
static void pick_indicator(struct ui *ui, struct trends *t)
{
	struct strlist labels = STRLIST_INIT;
	int sel = 0;
	for (int i = 0; i < indicator_count; i++) {
		sl_pushf(&labels, "%s" TUI_PICK_HIDDEN "%s", _(indicator_defs[i].label), indicator_defs[i].id);
		if (!strcmp(indicator_defs[i].id, t->prefs->trend))
			sel = i;
	}
	int c = tui_pick(ui, _("Indicator of the chart"), &labels, sel);
	if (c >= 0) {
		t->prefs->trend = indicator_defs[c].id;
		trends_load(ui, t);
	}
	sl_free(&labels);
}

/* The keys of the trends view: i, Left/Right. */
static bool trends_key(struct ui *ui, void *state, enum action_id act)
{
	struct trends *t = state;
	switch (act) {
	case ACT_INDICATOR:
		pick_indicator(ui, t);
		return true;
	case ACT_VIEW_LEFT:
		t->offset++; /* clamped when drawn */
		return true;
	case ACT_VIEW_RIGHT:
		if (t->offset > 0)
			t->offset--;
		return true;
	default:
		return false;
	}
}

const struct view view_trends = {
	N_("Trends"),
	N_("Trends: one indicator month by month over at least 24 months ending at the last month of the "
	   "period, as bars, with the target as a line across them (targets may change from year to year). "
	   "Bars are green when the target is met. Press i to choose the indicator, Left and Right to see "
	   "earlier or later months when they do not all fit. Set WARDSAFE_ASCII=1 for plain characters."),
	trends_open, trends_title, trends_draw, trends_key, trends_close, AS_VIEW_MONTHS | AS_VIEW_CHART,
};
