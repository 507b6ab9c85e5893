/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_views.h - the analysis views of the overview screen (F2).
 *
 * The overview (ui_dashboard.c) owns the switching: Tab and Shift-Tab move
 * through its views, and each view below is opened when it is shown (its
 * figures computed then, never before), drawn from that state, given the
 * keys of the AS_VIEWS context, and closed when another view is shown or
 * the period changes (the screen's enter reopens it).
 *   ui_breakdown.c  by group (rates per group, sparklines, history of a
 *                   group) and behind target (the list for visits)
 *   ui_flows.c      incidents and outreach month by month
 *   ui_trends.c     one indicator over at least 24 months as a bar chart,
 *                   and the sparkline and glyph helpers the others share */
#ifndef WS_UI_VIEWS_H
#define WS_UI_VIEWS_H

#include <stdbool.h>

#include "action.h"
#include "analysis.h"
#include "tui.h"

/* The choices the officer made, kept by the overview across views and
 * period changes. */
struct view_prefs {
	int column;          /* selected rate of the group view (index into breakdown_ids) */
	int sort;            /* -1 group order, a rate column, or BREAKDOWN_RATES
	                      * for what is missing of the selected rate */
	bool sort_desc;
	const char *trend;   /* indicator id of the trends chart */
};

struct view {
	const char *name;    /* N_() shown after "Overview · " on the first line */
	const char *help;    /* N_() the help text while the view is shown */
	/* Computes what the view shows for ui->period; NULL after showing the
	 * errors. */
	void *(*open)(struct ui *ui, struct view_prefs *prefs);
	/* More of the first line after the name (new string), or NULL. */
	char *(*title)(struct ui *ui, void *state);
	/* Draws below the first line: rows lines from top. */
	void (*draw)(struct ui *ui, void *state, int top, int rows);
	/* True if the action was handled. */
	bool (*key)(struct ui *ui, void *state, enum action_id act);
	void (*close)(void *state);
	unsigned context;    /* AS_VIEW_ parts of the keys it offers */
};

extern const struct view view_breakdown, view_behind, view_incidents, view_outreach, view_trends;

/* ---- shared helpers (ui_trends.c) */

/* True when charts must use plain ASCII: WARDSAFE_ASCII=1 in the
 * environment, or the codeset of the user's locale is not UTF-8. */
bool view_ascii(void);
/* A sparkline of n values, one character each ("▁".."█", or "_.:-=+*#" in
 * ASCII), blank where a value is unknown.  Rates are scaled between their
 * lowest and highest value rounded out to 10 points, so the shape shows
 * without exaggerating a change of a few tenths; other values between 0 and
 * their highest.  New string. */
char *view_sparkline(const struct ind_value *v, int n, bool rate);
/* "07/23" (short) or "07/2023" for a month index (year*12 + month-1); buf
 * holds at least 16 bytes. */
char *view_month(int month, bool short_year, char *buf);
/* Colour of a rate against its target: met, close (within 10 points) or
 * far; TC_NORMAL without a target. */
enum tui_color view_status_color(bool has_target, bool met, double value, double target);
/* The mark after a value, so that nothing depends on colour: "✓" met, "✗"
 * below target ("" and "*" in ASCII), "" without a target. */
const char *view_mark(bool has_target, bool met);
/* The status of a summary row in words, so nothing depends on colour:
 * "met", "short 258", "not met", "" without a target (ui_dashboard.c; new
 * string). */
char *view_status_text(const struct ind_row *r);
/* "↑ 3", "↓ 1" or "= 0" ("+3", "-1", "0" in ASCII) for a change; new string. */
char *view_change(long long diff);

#endif
