/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_round.c - the round grid ("Nhập theo đợt"): every active group's
 * figures of one kind on one date, one row per group, one column per
 * field, the group's latest values carried forward (dimmed).
 *
 * A modal loop over the Data entry screen, like the forms: it redraws
 * everything on every key, so a resize loses nothing.  Each row is checked
 * live with the model's rules (round_check_row: validate_record); F2 saves
 * every changed row in one transaction (round_save).  The model is in
 * round.c; here only the drawing and the keys. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "round.h"
#include "template.h"
#include "text.h"
#include "tui.h"
#include "ui_round.h"
#include "validate.h"

#define GRID_CELL_LEN 10 /* digits a cell takes: up to 2^31-1 */

struct grid {
	struct ui *ui;
	struct round r;
	int row, col;         /* the cell selected */
	int first_row, first_col;
	bool typing;          /* a digit was typed since the cell was selected */
	struct issues *iss;   /* per row: the problems of a changed row */
	int width[ROUND_MAX_COLS];
	int code_w, name_w;   /* widest code and name (measured at each load) */
	char *status;         /* what the last save did, until the next change */
};

/* The first line of the grid and the number of rows of groups shown. */
#define GRID_TOP 4
static int grid_rows(void)
{
	int n = tui_rows() - GRID_TOP - 4; /* hint and problem lines, message, key bar */
	return n > 1 ? n : 1;
}

static void check_row(struct grid *g, int row)
{
	issues_free(&g->iss[row]);
	if (round_row_changed(&g->r, row))
		round_check_row(g->ui->db, &g->r, row, &g->iss[row]);
}

/* Measures the codes and names once per load: every key redraws them. */
static void measure(struct grid *g)
{
	g->code_w = text_width(_("Code"));
	g->name_w = text_width(_("Group"));
	for (int i = 0; i < g->r.nrows; i++) {
		int c = text_width(g->r.rows[i].code), m = text_width(g->r.rows[i].name);
		if (c > g->code_w)
			g->code_w = c;
		if (m > g->name_w)
			g->name_w = m;
	}
}

/* Widths of the frozen columns: code and name. */
static void frozen_widths(const struct grid *g, int *wc, int *wn)
{
	*wc = g->code_w;
	int n = g->name_w;
	int room = tui_cols() / 4; /* the name gives way to the values at 80 */
	if (room < 10)
		room = 10;
	*wn = n < room ? n : room;
	if (*wc > 16)
		*wc = 16;
}

static void keep_in_view(struct grid *g)
{
	int page = grid_rows();
	if (g->row < g->first_row)
		g->first_row = g->row;
	if (g->row >= g->first_row + page)
		g->first_row = g->row - page + 1;
	int wc, wn;
	frozen_widths(g, &wc, &wn);
	int room = tui_cols() - (wc + wn + 4);
	if (g->col < g->first_col)
		g->first_col = g->col;
	for (;;) {
		int used = 0;
		for (int c = g->first_col; c <= g->col; c++)
			used += g->width[c] + 1;
		if (used <= room || g->first_col == g->col)
			break;
		g->first_col++;
	}
}

static const char *row_mark(const struct grid *g, int row)
{
	if (issues_count(&g->iss[row], SEV_ERROR))
		return "!";
	if (g->iss[row].n)
		return "?";
	return round_row_changed(&g->r, row) ? "*" : " ";
}

static void draw_grid(struct ui *ui, void *vctx)
{
	struct grid *g = vctx;
	int rows = tui_rows(), cols = tui_cols();
	for (int y = 2; y < rows - 2; y++)
		tui_fill(y, 0, cols, TC_NORMAL);
	char day[11];
	char *what = text_capitalize(_(g->r.kind->label));
	char *title = xasprintf(_("Round: %s on %s"), what, date_dmy(g->r.date, day));
	free(what);
	tui_put(2, 1, cols - 2, title, TC_TITLE);
	free(title);
	int changed = round_changed_rows(&g->r);
	char *count = changed ? xasprintf(ngettext("%d row changed", "%d rows changed", (unsigned long)changed), changed)
			      : xasprintf(ngettext("%d group", "%d groups", (unsigned long)g->r.nrows), g->r.nrows);
	tui_put_right(2, cols - 26, 25, count, TC_NORMAL);
	free(count);
	keep_in_view(g);
	int wc, wn;
	frozen_widths(g, &wc, &wn);
	int x0 = 2 + wc + 1 + wn + 1;
	tui_put(GRID_TOP - 1, 2, wc, _("Code"), TC_TITLE);
	tui_put(GRID_TOP - 1, 2 + wc + 1, wn, _("Group"), TC_TITLE);
	int last_col = g->first_col;
	for (int c = g->first_col, x = x0; c < g->r.ncols && x < cols; c++) {
		int w = g->width[c];
		if (x + w > cols && c > g->first_col)
			break;
		tui_put_right(GRID_TOP - 1, x, w, round_col_label(&g->r, c), TC_TITLE);
		last_col = c;
		x += w + 1;
	}
	if (g->first_col > 0)
		tui_put(GRID_TOP - 1, x0 - 1, 1, "<", TC_KEY);
	if (last_col + 1 < g->r.ncols)
		tui_put(GRID_TOP - 1, cols - 1, 1, ">", TC_KEY);
	int page = grid_rows();
	for (int i = g->first_row; i < g->r.nrows && i < g->first_row + page; i++) {
		int y = GRID_TOP + i - g->first_row;
		const struct round_row *w = &g->r.rows[i];
		tui_put(y, 0, 1, row_mark(g, i), issues_count(&g->iss[i], SEV_ERROR) ? TC_ERROR : TC_NORMAL);
		tui_put(y, 2, wc, w->code, i == g->row ? TC_TITLE : TC_NORMAL);
		tui_put(y, 2 + wc + 1, wn, w->name, i == g->row ? TC_TITLE : TC_NORMAL);
		for (int c = g->first_col, x = x0; c <= last_col; c++) {
			const char *v = round_value(&g->r, i, c);
			bool mine = round_cell_changed(&g->r, i, c);
			bool sel = i == g->row && c == g->col;
			/* Digits only (the model's canonical counts or what was
			 * typed, GRID_CELL_LEN at most): drawn directly, the
			 * cheapest way, since every key redraws every cell. */
			attr_t a = sel ? A_REVERSE : !mine ? A_DIM : A_NORMAL; /* dimmed: carried forward */
			int cw = g->width[c] - 1;
			if (x + cw + 1 <= cols) {
				const char *t = v ? v : sel ? "" : "-";
				int n = (int)strlen(t);
				if (n > cw)
					n = cw;
				attron(a);
				if (sel)
					mvhline(y, x, ' ', cw + 1);
				mvaddnstr(y, x + cw - n, t, n);
				if (mine)
					addch('*');
				attroff(a);
			}
			x += g->width[c] + 1;
		}
	}
	/* Below: the limit of the cell, then the problems of the row. */
	if (g->r.nrows) {
		struct record rec;
		round_row_typed(&g->r, g->row, &rec);
		const char *label = round_col_label(&g->r, g->col);
		char *hint = g->r.flow ? NULL : validate_hint(ui->db, &rec, g->r.col[g->col]);
		char *line = hint ? xasprintf("%s · %s: %s", g->r.rows[g->row].name, label, hint)
				  : xasprintf("%s · %s", g->r.rows[g->row].name, label);
		tui_put(rows - 4, 1, cols - 2, line, TC_NORMAL);
		free(line);
		free(hint);
		record_clear(&rec);
		const struct issues *is = &g->iss[g->row];
		if (is->n) {
			char *msg = issue_text(g->r.kind, &is->v[0]);
			char *more = is->n > 1 ? xasprintf(_("%s (and %d more: F1)"), msg, (int)is->n - 1) : NULL;
			tui_put(rows - 3, 1, cols - 2, more ? more : msg,
				issues_count(is, SEV_ERROR) ? TC_ERROR : TC_NORMAL);
			free(more);
			free(msg);
		} else if (g->status) {
			tui_put(rows - 3, 1, cols - 2, g->status, TC_NORMAL);
		}
	} else {
		tui_put(GRID_TOP, 2, cols - 4, _("No group is active on this date."), TC_NORMAL);
	}
	tui_draw_frame(ui, AS_GRID);
}

/* The problems of a row in a box. */
static void show_problems(struct grid *g, int row)
{
	struct strlist lines = STRLIST_INIT;
	for (size_t i = 0; i < g->iss[row].n; i++) {
		char *t = issue_text(g->r.kind, &g->iss[row].v[i]);
		sl_pushf(&lines, "%s %s", g->iss[row].v[i].sev == SEV_ERROR ? "!" : "?", t);
		free(t);
	}
	char *title = xasprintf("%s %s", g->r.rows[row].code, g->r.rows[row].name);
	tui_show_lines(g->ui, title, &lines);
	free(title);
	sl_free(&lines);
}


/* P and w: the leaders' sheet of this round (template_pdf.c) for the
 * groups and date of the grid, one table for all groups or a page per
 * group as the officer chooses; printed with [report] print_command or
 * saved to a file. */
static void grid_sheet(struct grid *g, bool print)
{
	struct ui *ui = g->ui;
	struct strlist layouts = STRLIST_INIT, errors = STRLIST_INIT;
	sl_push(&layouts, xstrdup(_("One table for all groups (A4 landscape)")));
	sl_push(&layouts, xstrdup(_("One page per group (A4 portrait)")));
	int pick = tui_pick(ui, _("Sheet for the group leaders"), &layouts, 0);
	sl_free(&layouts);
	if (pick < 0)
		return;
	enum template_layout layout = pick ? TEMPLATE_LAYOUT_PAGES : TEMPLATE_LAYOUT_TABLE;
	struct template_opts o;
	memset(&o, 0, sizeof o);
	o.kind = g->r.kind;
	o.date = g->r.date;
	bool refused = false, ok;
	char *path = NULL;
	if (print) {
		if (!tui_confirm(ui, _("Send the sheet to the printer?")))
			return;
		ok = template_print(ui->db, &o, layout, &errors, &refused);
	} else {
		char *def = xasprintf("phieu-%s-%s.pdf", g->r.kind->name, g->r.iso);
		path = tui_ask_save_path(ui, _("Save the sheet as (.pdf)"), def);
		free(def);
		if (!path)
			return;
		ok = template_write_pdf(ui->db, &o, layout, path, &errors, &refused);
	}
	if (!ok)
		tui_errors(ui, &errors);
	else if (print)
		tui_message(ui, false, "%s", _("The sheet was sent to the printer."));
	else
		tui_message(ui, false, _("Sheet saved to %s"), path);
	sl_free(&errors);
	free(path);
}

/* Every row with problems of a severity, one line each ("code name: …"). */
static char *rows_text(const struct grid *g, enum severity sev, int *first)
{
	struct strbuf sb = STRBUF_INIT;
	*first = -1;
	for (int i = 0; i < g->r.nrows; i++) {
		bool any = false;
		for (size_t j = 0; j < g->iss[i].n; j++) {
			if (g->iss[i].v[j].sev != sev)
				continue;
			char *t = issue_text(g->r.kind, &g->iss[i].v[j]);
			sb_printf(&sb, "%s%s %s: %s", sb.len ? "; " : "", g->r.rows[i].code,
				  g->r.rows[i].name, t);
			free(t);
			any = true;
		}
		if (any && *first < 0)
			*first = i;
	}
	return sb_steal(&sb);
}

static void reload(struct grid *g)
{
	struct strlist errors = STRLIST_INIT;
	ws_date date = g->r.date;
	const struct kind_def *k = g->r.kind;
	int n = g->r.nrows;
	round_free(&g->r);
	for (int i = 0; i < n; i++)
		issues_free(&g->iss[i]);
	if (!round_load(g->ui->db, k, date, &g->r, &errors))
		tui_errors(g->ui, &errors);
	sl_free(&errors);
	free(g->iss);
	g->iss = xcalloc((size_t)(g->r.nrows ? g->r.nrows : 1), sizeof *g->iss);
	measure(g);
	if (g->row >= g->r.nrows)
		g->row = g->r.nrows ? g->r.nrows - 1 : 0;
}

static void grid_save(struct grid *g)
{
	struct strlist errors = STRLIST_INIT;
	int saved = 0, first;
	bool force = false;
	enum round_result res;
	for (;;) {
		for (int i = 0; i < g->r.nrows; i++)
			issues_free(&g->iss[i]);
		res = round_save(g->ui->db, &g->r, force, g->iss, &saved, &errors);
		if (res != ROUND_CONFIRM || force)
			break;
		char *list = rows_text(g, SEV_WARNING, &first);
		char *q = xasprintf(_("Warnings: %s — save the round anyway?"), list);
		free(list);
		force = tui_confirm(g->ui, q);
		free(q);
		if (!force) {
			g->row = first;
			tui_message(g->ui, true, "%s", _("Not saved: the rows marked ? have warnings; F2 asks again."));
			break;
		}
	}
	free(g->status);
	g->status = NULL;
	char day[11];
	switch (res) {
	case ROUND_SAVED:
		g->status = xasprintf(ngettext("Saved %d record dated %s", "Saved %d records dated %s",
					       (unsigned long)saved), saved, date_dmy(g->r.date, day));
		tui_message(g->ui, false, "%s", g->status);
		reload(g);
		break;
	case ROUND_NOTHING:
		tui_message(g->ui, false, "%s", _("Nothing changed: nothing to save."));
		break;
	case ROUND_REFUSED: {
		int bad = 0;
		first = -1;
		for (int i = 0; i < g->r.nrows; i++)
			if (issues_count(&g->iss[i], SEV_ERROR)) {
				bad++;
				if (first < 0)
					first = i;
			}
		g->row = first;
		tui_message(g->ui, true, ngettext("Not saved: %d row has errors (marked !); F1 shows them.",
						  "Not saved: %d rows have errors (marked !); F1 on each shows them.",
						  (unsigned long)bad), bad);
		break;
	}
	case ROUND_FAILED:
		tui_errors(g->ui, &errors);
		break;
	case ROUND_CONFIRM:
		break;
	}
	sl_free(&errors);
}

static void move_to(struct grid *g, int row, int col)
{
	if (!g->r.nrows)
		return;
	if (row < 0)
		row = 0;
	if (row >= g->r.nrows)
		row = g->r.nrows - 1;
	if (col < 0)
		col = 0;
	if (col >= g->r.ncols)
		col = g->r.ncols - 1;
	g->row = row;
	g->col = col;
	g->typing = false;
}

/* A key typed into the current cell: a digit replaces the value (then
 * adds to it), Backspace takes the last digit off. */
static void edit_cell(struct grid *g, struct wkey k)
{
	const char *v = round_value(&g->r, g->row, g->col);
	char buf[GRID_CELL_LEN + 2];
	snprintf(buf, sizeof buf, "%s", g->typing && v ? v : "");
	if (k.code == WK_BACKSPACE) {
		if (!g->typing)
			snprintf(buf, sizeof buf, "%s", v ? v : "");
		size_t n = strlen(buf);
		if (n)
			buf[n - 1] = '\0';
	} else {
		size_t n = strlen(buf);
		if (n >= GRID_CELL_LEN)
			return;
		buf[n] = (char)k.ch;
		buf[n + 1] = '\0';
	}
	g->typing = true;
	round_set(&g->r, g->row, g->col, buf);
	free(g->status);
	g->status = NULL;
	check_row(g, g->row);
}

/* Asks the date of the round: the last day of the selected period, or
 * today when the period is the current one. */
static char *check_date(const char *text, void *ctx)
{
	ws_date *d = ctx;
	if (!date_parse(text, d))
		return xstrdup(_("Not a date: type DD/MM/YYYY."));
	if (*d > date_today())
		return xstrdup(_("This date is in the future."));
	return NULL;
}

static bool ask_date(struct ui *ui, ws_date *out)
{
	ws_date today = date_today(), end = period_end(&ui->period, ui->month_start_day);
	ws_date start = period_start(&ui->period, ui->month_start_day);
	ws_date def = start <= today && today <= end ? today : end;
	if (def > today)
		def = today;
	char buf[11];
	char *t = tui_prompt_check(ui, _("Date of the round (DD/MM/YYYY)"), date_dmy(def, buf), check_date, out);
	if (!t)
		return false;
	free(t);
	return true;
}

void ui_round_run(struct ui *ui, const struct kind_def *k)
{
	if (!round_kind_ok(k))
		return;
	ws_date date;
	if (!ask_date(ui, &date))
		return;
	struct grid g;
	memset(&g, 0, sizeof g);
	g.ui = ui;
	struct strlist errors = STRLIST_INIT;
	if (!round_load(ui->db, k, date, &g.r, &errors)) {
		tui_errors(ui, &errors);
		sl_free(&errors);
		round_free(&g.r);
		return;
	}
	sl_free(&errors);
	g.iss = xcalloc((size_t)(g.r.nrows ? g.r.nrows : 1), sizeof *g.iss);
	measure(&g);
	for (int c = 0; c < g.r.ncols; c++) {
		int w = text_width(round_col_label(&g.r, c)) + 1;
		g.width[c] = w < 8 ? 8 : w > 34 ? 34 : w;
	}
	if (g.r.truncated)
		tui_message(ui, true, ngettext("Only the first %d group is shown.", "Only the first %d groups are shown.",
					       ROUND_MAX_GROUPS), ROUND_MAX_GROUPS);
	tui_push_overlay_full(draw_grid, &g);
	for (;;) {
		tui_draw(ui);
		struct wkey k2 = tui_key(ui);
		if (k2.code == WK_NONE)
			break; /* signal or end of script: nothing unsaved is written */
		if (k2.code == WK_RESIZE)
			continue;
		if (tui_too_small()) {
			if (k2.code == WK_CHAR && k2.ch == L'q' &&
			    (!round_changed_rows(&g.r) ||
			     tui_small_ask(ui, _("The round holds unsaved changes. Press y to leave the program without saving them, any other key to keep them.")))) {
				ui->quit = true;
				break;
			}
			continue;
		}
		if (k2.code == WK_CHAR && k2.ch >= L'0' && k2.ch <= L'9') {
			if (g.r.nrows)
				edit_cell(&g, k2);
			continue;
		}
		enum action_id act = action_for_key(k2, AS_GRID);
		if (k2.code == WK_CHAR && k2.ch >= 0x20 && act != ACT_GRID_PRINT && act != ACT_GRID_WRITE) {
			tui_message(ui, true, "%s", _("Only whole numbers go in these cells; Del puts the carried value back."));
			continue;
		}
		int page = grid_rows();
		bool done = false;
		switch (act) {
		case ACT_GRID_UP:
			move_to(&g, g.row - 1, g.col);
			break;
		case ACT_GRID_DOWN:
			move_to(&g, g.row + 1, g.col);
			break;
		case ACT_GRID_LEFT:
			move_to(&g, g.row, g.col - 1);
			break;
		case ACT_GRID_RIGHT:
			move_to(&g, g.row, g.col + 1);
			break;
		case ACT_GRID_NEXT:
			if (g.col + 1 < g.r.ncols)
				move_to(&g, g.row, g.col + 1);
			else if (g.row + 1 < g.r.nrows)
				move_to(&g, g.row + 1, 0);
			break;
		case ACT_GRID_PREV:
			if (g.col > 0)
				move_to(&g, g.row, g.col - 1);
			else if (g.row > 0)
				move_to(&g, g.row - 1, g.r.ncols - 1);
			break;
		case ACT_GRID_PAGE_UP:
			move_to(&g, g.row - page, g.col);
			break;
		case ACT_GRID_PAGE_DOWN:
			move_to(&g, g.row + page, g.col);
			break;
		case ACT_GRID_ENTER:
			if (!g.typing && g.r.nrows && g.iss[g.row].n)
				show_problems(&g, g.row);
			else
				move_to(&g, g.row + 1, g.col);
			break;
		case ACT_GRID_CLEAR:
			if (g.r.nrows) {
				round_set(&g.r, g.row, g.col, NULL);
				g.typing = false;
				check_row(&g, g.row);
			}
			break;
		case ACT_GRID_BACKSPACE:
			if (g.r.nrows)
				edit_cell(&g, k2);
			break;
		case ACT_GRID_SAVE:
			grid_save(&g);
			break;
		case ACT_GRID_PRINT:
		case ACT_GRID_WRITE:
			grid_sheet(&g, act == ACT_GRID_PRINT);
			break;
		case ACT_GRID_CANCEL: {
			int n = round_changed_rows(&g.r);
			char *q = n ? xasprintf(ngettext("Close the round and lose the changes of %d row?",
							 "Close the round and lose the changes of %d rows?",
							 (unsigned long)n), n) : NULL;
			done = !n || tui_confirm(ui, q);
			free(q);
			break;
		}
		case ACT_HELP:
			if (g.r.nrows && g.iss[g.row].n)
				show_problems(&g, g.row);
			else
				tui_help(ui, AS_GRID, _("One row per group active on the date, one column per figure. "
						       "Dimmed values are carried forward from the group's latest record; "
						       "typing a number replaces the value, * marks a change, ! a row "
						       "with errors and ? one with warnings. Only changed rows are saved, "
						       "all together."));
			break;
		default:
			break;
		}
		if (done)
			break;
	}
	tui_pop_overlay();
	for (int i = 0; i < g.r.nrows; i++)
		issues_free(&g.iss[i]);
	free(g.iss);
	free(g.status);
	round_free(&g.r);
}
