/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_audit.c - the audit log (key A): who changed which record and when,
 * in words (audit.h does the wording, curses-free), filtered by the date
 * of the change or by the date of the record; f switches the filter. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

enum audit_mode {
	AM_CHANGED,  /* changes made during the selected period (the default) */
	AM_RECORDS,  /* changes to records dated in the selected period */
	AM_ALL,      /* every change */
	AM_COUNT
};

struct audit_view {
	enum audit_mode mode;
	struct strlist heads, details; /* one of each per change, newest first */
	char *empty;                   /* what an empty log says */
	int first;                     /* first line shown */
	int nlines;                    /* lines at the last draw */
	struct strlist errors;
};

struct collect_ctx {
	sqlite3 *db;
	struct audit_view *v;
};

static bool collect(const struct audit_entry *e, void *vctx)
{
	struct collect_ctx *c = vctx;
	ws_date d;
	char day[11] = "";
	if (e->at && strlen(e->at) >= 10) {
		char iso[11];
		memcpy(iso, e->at, 10);
		iso[10] = '\0';
		if (date_parse(iso, &d))
			date_dmy(d, day);
	}
	char *record = audit_record_words(c->db, e);
	sl_pushf(&c->v->heads, "%s %.5s · %s · %s · %s", day, e->at && strlen(e->at) >= 16 ? e->at + 11 : "",
		 e->operator_ ? e->operator_ : "", audit_action_name(e->action), record);
	free(record);
	sl_push(&c->v->details, audit_change_words(c->db, e));
	return true;
}

/* The filter's name, for the title ("changes made in period 2023-Q3"). */
static char *mode_text(struct ui *ui, enum audit_mode m)
{
	char p[32];
	period_format(&ui->period, p);
	switch (m) {
	case AM_CHANGED: return xasprintf(_("changes made in period %s"), p);
	case AM_RECORDS: return xasprintf(_("changes to records dated in period %s"), p);
	default: return xstrdup(_("all changes"));
	}
}

static bool count(const struct audit_entry *e, void *vctx)
{
	(void)e;
	(*(long *)vctx)++;
	return true;
}

static void load(struct ui *ui, struct audit_view *v)
{
	sl_free(&v->heads);
	sl_free(&v->details);
	sl_free(&v->errors);
	free(v->empty);
	struct audit_filter f = { 0, 0, NULL, v->mode == AM_RECORDS };
	if (v->mode != AM_ALL) {
		f.from = period_start(&ui->period, ui->month_start_day);
		f.to = period_end(&ui->period, ui->month_start_day);
	}
	struct collect_ctx c = { ui->db, v };
	audit_list(ui->db, &f, collect, &c, &v->errors);
	char p[32];
	period_format(&ui->period, p);
	/* Nothing changed in the period (an old record edited today): say how
	 * many changes its records had, which f shows. */
	long dated = 0;
	if (v->mode == AM_CHANGED && !v->heads.n && !v->errors.n) {
		f.by_record = true;
		audit_list(ui->db, &f, count, &dated, &v->errors);
	}
	v->empty = dated ? xasprintf(ngettext("No change was made in period %s; %ld change was made to records "
					      "dated in it: f shows it.",
					      "No change was made in period %s; %ld changes were made to records "
					      "dated in it: f shows them.", (unsigned long)dated), p, dated)
		 : v->mode == AM_CHANGED ? xasprintf(_("No change was made in period %s. "
						       "f shows the changes to records dated in it."), p)
		 : v->mode == AM_RECORDS ? xasprintf(_("No record dated in period %s was changed. "
						       "f shows all changes."), p)
		 : xstrdup(_("The audit log is empty."));
	v->first = 0;
}

static void draw_audit(struct ui *ui, void *vctx)
{
	struct audit_view *v = vctx;
	int rows = tui_rows(), cols = tui_cols();
	for (int y = 2; y < rows - 2; y++)
		tui_fill(y, 0, cols, TC_NORMAL);
	char *mode = mode_text(ui, v->mode);
	char *title = xasprintf(_("Audit log · %s (f: another filter)"), mode);
	tui_put(2, 0, cols, title, TC_TITLE);
	free(title);
	free(mode);
	/* Each change: its head line, then what changed, indented; both
	 * wrapped to the width. */
	struct strlist lines = STRLIST_INIT;
	for (size_t i = 0; i < v->heads.n; i++) {
		struct strlist w = STRLIST_INIT;
		text_wrap(v->heads.items[i], cols - 1, &w);
		for (size_t j = 0; j < w.n; j++)
			sl_pushf(&lines, "%s%s", j ? "    " : "", w.items[j]);
		sl_free(&w);
		text_wrap(v->details.items[i], cols - 5, &w);
		for (size_t j = 0; j < w.n; j++)
			sl_pushf(&lines, "    %s", w.items[j]);
		sl_free(&w);
	}
	if (!v->heads.n) {
		struct strlist w = STRLIST_INIT;
		text_wrap(v->errors.n ? v->errors.items[0] : v->empty, cols - 4, &w);
		for (size_t j = 0; j < w.n; j++)
			tui_put(4 + (int)j, 2, cols - 4, w.items[j], v->errors.n ? TC_ERROR : TC_NORMAL);
		sl_free(&w);
	}
	int avail = rows - 6;
	v->nlines = (int)lines.n;
	if (v->first > v->nlines - avail)
		v->first = v->nlines - avail > 0 ? v->nlines - avail : 0;
	for (int i = 0; i < avail && v->first + i < v->nlines; i++)
		tui_put(3 + i, 0, cols, lines.items[v->first + i], TC_NORMAL);
	sl_free(&lines);
	/* The key bar: only what works here (the screen's keys do not). */
	tui_draw_frame(ui, 0);
	static const struct { const char *key, *label; } bar[] = {
		{ "F1", N_("Help") }, { "f", N_("Filter") }, { "Up/Down", N_("Scroll") }, { "Esc", N_("Close") },
	};
	for (size_t i = 0, x = 0; i < ARRAY_SIZE(bar); i++) {
		x += (size_t)tui_put(rows - 1, (int)x, cols - (int)x, bar[i].key, TC_KEY);
		x += (size_t)tui_put(rows - 1, (int)x, cols - (int)x, _(bar[i].label), TC_BAR);
		x += (size_t)tui_put(rows - 1, (int)x, cols - (int)x, " ", TC_BAR);
	}
}

void ui_audit_show(struct ui *ui)
{
	struct audit_view v;
	memset(&v, 0, sizeof v);
	load(ui, &v);
	tui_push_overlay(draw_audit, &v);
	for (;;) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		if (k.code == WK_NONE || k.code == WK_ENTER || k.code == WK_ESC)
			break;
		enum action_id act = action_for_key(k, AS_LIST | AS_GLOBAL);
		int page = tui_rows() - 7;
		if (act == ACT_QUIT || act == ACT_AUDIT)
			break;
		if (act == ACT_HELP) {
			struct strlist help = STRLIST_INIT;
			sl_push(&help, xstrdup(_("Every change to the records, newest first: when, who, what was done "
						 "to which record, and its fields with the old and new values.")));
			sl_push(&help, xstrdup(""));
			sl_push(&help, xstrdup(_("  f                the filter: the changes made in the selected period "
						 "(at first), the changes to records dated in it, all changes")));
			sl_push(&help, xstrdup(_("  Up/Down, PgUp/PgDn, Home/End  scroll")));
			sl_push(&help, xstrdup(_("  [ ] p            outside this view: choose the period")));
			sl_push(&help, xstrdup(_("  Esc, Enter, q, A close")));
			tui_show_lines(ui, _("Help"), &help);
			sl_free(&help);
			continue;
		}
		else if (act == ACT_FILTER_PERIOD) {
			v.mode = (v.mode + 1) % AM_COUNT;
			load(ui, &v);
		} else if (act == ACT_DOWN)
			v.first++;
		else if (act == ACT_UP && v.first > 0)
			v.first--;
		else if (act == ACT_PAGE_DOWN)
			v.first += page;
		else if (act == ACT_PAGE_UP)
			v.first = v.first > page ? v.first - page : 0;
		else if (act == ACT_FIRST)
			v.first = 0;
		else if (act == ACT_LAST)
			v.first = v.nlines;
	}
	tui_pop_overlay();
	sl_free(&v.heads);
	sl_free(&v.details);
	sl_free(&v.errors);
	free(v.empty);
}
