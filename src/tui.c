/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.c - main loop, frame, drawing helpers and dialogs of the screens. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "db.h"
#include "i18n.h"
#include "lineedit.h"
#include "manual.h"
#include "printing.h"
#include "rollup.h"
#include "screens.h"
#include "settings.h"
#include "store.h"
#include "term.h"
#include "text.h"
#include "tui.h"
#include "validate.h"

#define MIN_COLS 80
#define MIN_ROWS 24

/* ---- overlays: modal boxes drawn above the screen, innermost last */

typedef void (*overlay_fn)(struct ui *ui, void *ctx);

static struct { overlay_fn draw; void *ctx; bool full; } overlays[8];
static int noverlays;

static void push_overlay(overlay_fn draw, void *ctx, bool full)
{
	if (noverlays < (int)ARRAY_SIZE(overlays)) {
		overlays[noverlays].draw = draw;
		overlays[noverlays].ctx = ctx;
		overlays[noverlays].full = full;
	}
	noverlays++;
}

void tui_push_overlay(overlay_fn draw, void *ctx)
{
	push_overlay(draw, ctx, false);
}

void tui_push_overlay_full(overlay_fn draw, void *ctx)
{
	push_overlay(draw, ctx, true);
}

void tui_pop_overlay(void)
{
	if (noverlays > 0)
		noverlays--;
}

/* ---- drawing helpers */

int tui_rows(void)
{
	return getmaxy(stdscr);
}

int tui_cols(void)
{
	return getmaxx(stdscr);
}

static attr_t color_attr(enum tui_color c)
{
	if (term_colors()) {
		switch (c) {
		case TC_NORMAL: return A_NORMAL;
		case TC_BAR: return COLOR_PAIR(1);
		case TC_KEY: return COLOR_PAIR(2) | A_BOLD;
		case TC_MET: return COLOR_PAIR(3);
		case TC_CLOSE: return COLOR_PAIR(4);
		case TC_FAR: return COLOR_PAIR(5) | A_BOLD;
		case TC_ERROR: return COLOR_PAIR(5) | A_BOLD;
		case TC_SELECTED: return A_REVERSE;
		case TC_TITLE: return A_BOLD;
		case TC_FRESH: return A_REVERSE | A_UNDERLINE;
		}
	}
	/* Monochrome: every status is written out in words as well. */
	switch (c) {
	case TC_BAR: case TC_SELECTED: return A_REVERSE;
	case TC_KEY: return A_REVERSE | A_BOLD;
	case TC_FAR: case TC_ERROR: case TC_TITLE: return A_BOLD;
	case TC_CLOSE: return A_UNDERLINE;
	case TC_FRESH: return A_REVERSE | A_UNDERLINE;
	default: return A_NORMAL;
	}
}

static void init_colors(void)
{
	if (!term_colors())
		return;
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_BLACK, COLOR_CYAN);
	init_pair(3, COLOR_GREEN, -1);
	init_pair(4, COLOR_YELLOW, -1);
	init_pair(5, COLOR_RED, -1);
}

int tui_put(int y, int x, int width, const char *text, enum tui_color c)
{
	/* Never write past the right edge: curses would wrap the line. */
	if (x + width > tui_cols())
		width = tui_cols() - x;
	if (width <= 0 || x < 0 || y < 0 || y >= tui_rows())
		return 0;
	/* A stored control character (from an older or foreign file) is drawn
	 * escaped, "\x1b", never sent to the terminal nor silently dropped. */
	char *shown = text_is_printable(text) ? NULL : text_printable(text);
	if (shown)
		text = shown;
	size_t n = strlen(text);
	wchar_t *w = xcalloc(n + 1, sizeof *w);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	const char *src = text;
	size_t wn = mbsrtowcs(w, &src, n + 1, &st);
	if (wn == (size_t)-1)
		wn = 0;
	attr_t a = color_attr(c);
	attron(a);
	move(y, x);
	int used = 0;
	/* A text that does not fit is cut with "…": nothing is cut unseen. */
	int total = 0;
	for (size_t i = 0; i < wn; i++)
		if (wcwidth(w[i]) > 0)
			total += wcwidth(w[i]);
	int room = total > width ? width - 1 : width;
	/* What fits; a cut one ends in "…" right after its last letter
	 * ("CÔNG AN TP…", not "CÔNG AN TP …"). */
	size_t stop = 0;
	for (int fit = 0; stop < wn; stop++) {
		int cw = wcwidth(w[stop]);
		if (cw > 0 && fit + cw > room)
			break;
		if (cw > 0)
			fit += cw;
	}
	bool cut = stop < wn;
	while (cut && stop > 0 && w[stop - 1] == L' ')
		stop--;
	for (size_t i = 0; i < stop; i++) {
		int cw = wcwidth(w[i]);
		if (cw < 0)
			continue;
		/* Combining marks ride on the character before (text is NFC). */
		if (cw == 0 && i > 0)
			continue;
		addnwstr(&w[i], 1);
		used += cw;
	}
	if (cut) {
		addnwstr(L"…", 1);
		used++;
	}
	attroff(a);
	free(w);
	free(shown);
	return used;
}

void tui_put_right(int y, int x, int width, const char *text, enum tui_color c)
{
	char *shown = text_is_printable(text) ? NULL : text_printable(text);
	int w = text_width(shown ? shown : text);
	free(shown);
	if (w > width)
		w = width;
	tui_put(y, x + width - w, w, text, c);
}

void tui_fill(int y, int x, int width, enum tui_color c)
{
	attr_t a = color_attr(c);
	int n = width < tui_cols() - x ? width : tui_cols() - x;
	/* One call for the run of blanks: this is drawn for every key. */
	if (n > 0)
		mvhline(y, x, ' ' | (chtype)a, n);
}

/* ---- the frame */

static const char *ime_name(enum vnkey_method m)
{
	switch (m) {
	/* One pattern in every state: "Input: off", "Input: Telex", "Input: VNI". */
	case VNKEY_TELEX: return _("Input: Telex");
	case VNKEY_VNI: return _("Input: VNI");
	default: return _("Input: off");
	}
}

static void draw_title(struct ui *ui)
{
	int cols = tui_cols();
	tui_fill(0, 0, cols, TC_BAR);
	char p[32], a[11], b[11];
	period_format(&ui->period, p);
	ws_date d1 = period_start(&ui->period, ui->month_start_day);
	ws_date d2 = period_end(&ui->period, ui->month_start_day);
	date_dmy(d1, a);
	date_dmy(d2, b);
	if (DATE_Y(d1) == DATE_Y(d2))
		a[5] = '\0'; /* 01/07–30/09/2023 */
	char *left = xasprintf(" wardsafe │ %s │ %s %s (%s–%s)", ui->ward && *ui->ward ? ui->ward : _("(no ward yet)"),
			       _("Period"), p, a, b);
	/* The period and the operator matter most: the dates of the period
	 * give way first (a range already names its months), then the ward's
	 * name is cut with "…"; the operator goes only if nothing else can. */
	char *right = xasprintf("%s │ %s ", db_operator(), ime_name(ui->ime));
	if (text_width(left) + text_width(right) + 1 > cols) {
		free(left);
		left = xasprintf(" wardsafe │ %s │ %s %s", ui->ward && *ui->ward ? ui->ward : _("(no ward yet)"),
				 _("Period"), p);
	}
	if (text_width(right) + 30 > cols) {
		free(right);
		right = xasprintf("%s ", ime_name(ui->ime));
	}
	int rw = text_width(right);
	tui_put(0, 0, cols - rw - 1, left, TC_BAR);
	tui_put_right(0, cols - rw, rw, right, TC_BAR);
	free(left);
	free(right);
}

/* The text of a screen's tab: "F2 Overview", "2Overview" or "F2"; a screen
 * no key opens (the roll-up) has its name only. */
static char *tab_text(const struct screen *s, int style, bool current)
{
	if (s->action == ACT_NONE)
		return xstrdup(_(s->tab));
	char kb[16];
	action_key_name(action_get(s->action)->keys[0], kb);
	if (style == 0)
		return xasprintf("%s %s", kb, _(s->tab));
	if (style == 1 || current)
		return xasprintf("%s%s", kb + 1, _(s->tab));
	return xstrdup(kb + 1);
}

/* The style of the tabs that fit in `cols`: with key names (0), compact
 * (1), or only the current screen named (2). */
static int tabs_style(const struct ui *ui, int cols)
{
	int style = 0;
	for (; style < 2; style++) {
		int w = 0;
		for (int i = 0; i < SCR_COUNT; i++) {
			if (!ui->screens[i])
				continue;
			char *t = tab_text(ui->screens[i], style, ui->screens[i] == ui->current);
			w += text_width(t) + 1;
			free(t);
		}
		if (w <= cols)
			break;
	}
	return style;
}

/* The screen tabs, as long as they fit: with key names, compact, or only the
 * current screen named. */
static void draw_tabs(struct ui *ui)
{
	/* The style is measured again only when the width or the current
	 * screen changed (the tabs and the language stay during a run). */
	static int last_cols = -1, last_style;
	static const struct screen *last_current;
	int cols = tui_cols();
	if (cols != last_cols || ui->current != last_current) {
		last_style = tabs_style(ui, cols);
		last_cols = cols;
		last_current = ui->current;
	}
	int style = last_style;
	tui_fill(1, 0, cols, TC_NORMAL);
	for (int i = 0, x = 0; i < SCR_COUNT && x < cols; i++) {
		struct screen *s = ui->screens[i];
		if (!s)
			continue;
		char *t = tab_text(s, style, s == ui->current);
		x += tui_put(1, x, cols - x, t, s == ui->current ? TC_SELECTED : TC_NORMAL);
		x += tui_put(1, x, cols - x, " ", TC_NORMAL);
		free(t);
	}
}

/* The key bar: help first, then the keys of the screen (or form), then the
 * keys that work everywhere.  When they do not all fit, the least important
 * (action_bar_priority) are left out first; Help and Quit always stay. */
static void draw_keybar(unsigned context)
{
	int rows = tui_rows(), cols = tui_cols();
	tui_fill(rows - 1, 0, cols, TC_BAR);
	const struct action *items[ACT_COUNT];
	int n = 0;
	for (int pass = 0; pass < 3; pass++) {
		for (int i = 0; i < action_count && n < ACT_COUNT; i++) {
			const struct action *a = &actions[i];
			if (!a->in_bar || !(a->scope & context))
				continue;
			bool own = (a->scope & context & ~AS_GLOBAL) != 0;
			if ((pass == 0) != (a->id == ACT_HELP) || (pass == 1 && !own) || (pass == 2 && own))
				continue;
			/* In a form only the form's own keys are listed. */
			if ((context & AS_FORM) && !(a->scope & (AS_FORM | AS_TEXT)))
				continue;
			items[n++] = a;
		}
	}
	/* Choose by priority what fits, then draw in the table's order. */
	bool shown[ACT_COUNT] = { false };
	int width[ACT_COUNT], used = 0;
	for (int i = 0; i < n; i++) {
		char kb[16];
		action_key_name(items[i]->keys[0], kb);
		width[i] = text_width(kb) + text_width(_(items[i]->label)) + 1;
	}
	for (;;) {
		int best = -1;
		for (int i = 0; i < n; i++)
			if (!shown[i] &&
			    (best < 0 || action_bar_priority(items[i]->id) > action_bar_priority(items[best]->id)))
				best = i;
		/* Strictly by priority: a less important key never takes the
		 * place of a more important one that did not fit. */
		if (best < 0 || used + width[best] - 1 > cols)
			break;
		shown[best] = true;
		used += width[best];
	}
	for (int i = 0, x = 0; i < n; i++) {
		if (!shown[i])
			continue;
		char kb[16];
		action_key_name(items[i]->keys[0], kb);
		x += tui_put(rows - 1, x, cols - x, kb, TC_KEY);
		x += tui_put(rows - 1, x, cols - x, _(items[i]->label), TC_BAR);
		x += tui_put(rows - 1, x, cols - x, " ", TC_BAR);
	}
}

/* The message line; a message too long for it is wrapped at spaces onto
 * the line above as well (a sentence is never cut). */
static void draw_message(struct ui *ui)
{
	int rows = tui_rows(), cols = tui_cols();
	tui_fill(rows - 2, 0, cols, TC_NORMAL);
	if (!ui->message)
		return;
	enum tui_color c = ui->message_is_error ? TC_ERROR : TC_NORMAL;
	struct strlist lines = STRLIST_INIT;
	text_wrap(ui->message, cols - 2, &lines);
	if (lines.n > 1) {
		tui_fill(rows - 3, 0, cols, TC_NORMAL);
		tui_put(rows - 3, 1, cols - 2, lines.items[0], c);
		tui_put(rows - 2, 1, cols - 2, ui->message + strlen(lines.items[0]) +
			strspn(ui->message + strlen(lines.items[0]), " "), c);
	} else {
		tui_put(rows - 2, 1, cols - 2, ui->message, c);
	}
	sl_free(&lines);
}

void tui_draw_frame(struct ui *ui, unsigned context)
{
	draw_title(ui);
	draw_tabs(ui);
	draw_message(ui);
	draw_keybar(context);
}

/* A question shown in place of the usual hint while the window is too
 * small (tui_small_ask), or NULL. */
static const char *small_question;

bool tui_too_small(void)
{
	return tui_rows() < MIN_ROWS || tui_cols() < MIN_COLS;
}

static bool too_small(void)
{
	if (!tui_too_small())
		return false;
	erase();
	char *m = xasprintf(_("The window is too small (%dx%d): wardsafe needs at least %dx%d."),
			    tui_cols(), tui_rows(), MIN_COLS, MIN_ROWS);
	int y = tui_rows() / 2 - 1;
	struct strlist head = STRLIST_INIT;
	text_wrap(m, tui_cols(), &head);
	for (size_t i = 0; i < head.n; i++)
		tui_put(y > 0 ? y - 1 - (int)(head.n - 1 - i) : (int)i, 0, tui_cols(), head.items[i], TC_TITLE);
	if (y < (int)head.n)
		y = (int)head.n;
	sl_free(&head);
	struct strlist hint = STRLIST_INIT;
	text_wrap(small_question ? small_question : _("Make it larger, or press q to leave."), tui_cols(), &hint);
	for (size_t i = 0; i < hint.n && y + 1 + (int)i < tui_rows(); i++)
		tui_put(y + 1 + (int)i, 0, tui_cols(), hint.items[i], small_question ? TC_ERROR : TC_NORMAL);
	sl_free(&hint);
	free(m);
	refresh();
	return true;
}

bool tui_small_ask(struct ui *ui, const char *question)
{
	small_question = question;
	tui_draw(ui);
	struct wkey k = tui_key(ui);
	small_question = NULL;
	return k.code == WK_CHAR && (k.ch == L'y' || k.ch == L'Y' || k.ch == L'c' || k.ch == L'C');
}

void tui_draw(struct ui *ui)
{
	if (too_small())
		return;
	erase();
	/* What a full-screen overlay (a form, the round grid) covers is not
	 * drawn: it draws the frame and every line itself. */
	int n = noverlays < (int)ARRAY_SIZE(overlays) ? noverlays : (int)ARRAY_SIZE(overlays), from = 0;
	for (int i = 0; i < n; i++)
		if (overlays[i].full)
			from = i;
	if (!n || !overlays[from].full) {
		tui_draw_frame(ui, ui->current->context | ui->global);
		ui->current->draw(ui, ui->current, 2, tui_rows() - 4);
		if (ui->message)
			draw_message(ui); /* above the screen's last line if it wraps */
	}
	for (int i = from; i < n; i++)
		overlays[i].draw(ui, overlays[i].ctx);
	refresh();
}

void tui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	free(ui->message);
	ui->message = xvasprintf(fmt, ap);
	va_end(ap);
	ui->message_is_error = error;
}

struct wkey tui_key(struct ui *ui)
{
	struct wkey k = term_getkey();
	if (k.code == WK_NONE)
		ui->quit = true;
	return k;
}

/* ---- boxes */

/* Draws a framed box centred on the screen; returns its inner origin. */
static void draw_box(int h, int w, const char *title, int *top, int *left)
{
	int rows = tui_rows(), cols = tui_cols();
	if (w > cols - 2)
		w = cols - 2;
	if (h > rows - 2)
		h = rows - 2;
	int y = (rows - h) / 2, x = (cols - w) / 2;
	for (int i = 0; i < h; i++)
		tui_fill(y + i, x, w, TC_NORMAL);
	attron(A_BOLD);
	mvhline_set(y, x, WACS_HLINE, w);
	mvhline_set(y + h - 1, x, WACS_HLINE, w);
	mvvline_set(y, x, WACS_VLINE, h);
	mvvline_set(y, x + w - 1, WACS_VLINE, h);
	mvadd_wch(y, x, WACS_ULCORNER);
	mvadd_wch(y, x + w - 1, WACS_URCORNER);
	mvadd_wch(y + h - 1, x, WACS_LLCORNER);
	mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
	attroff(A_BOLD);
	if (title) {
		char *t = xasprintf(" %s ", title);
		tui_put(y, x + 2, w - 4, t, TC_TITLE);
		free(t);
	}
	*top = y + 1;
	*left = x + 2;
}

struct lines_box {
	const char *title;
	const struct strlist *given;    /* the lines as given */
	struct strlist lines;           /* wrapped to `width` */
	int width;                      /* the width they were wrapped to */
	int first;
	const char *footer;
};

/* Wraps the given lines to `width` columns into `wrapped`: long lines
 * continue under their text. */
static void wrap_lines(const struct strlist *given, int width, struct strlist *wrapped)
{
	for (size_t i = 0; i < given->n; i++) {
		const char *l = given->items[i];
		int indent = 0;
		while (l[indent] == ' ')
			indent++;
		/* Help lines "  KEYS   text" continue under the text. */
		const char *gap = strstr(l + indent, "  ");
		int hang = indent;
		if (gap) {
			while (*gap == ' ')
				gap++;
			hang = text_width(l) - text_width(gap);
		}
		/* The first line takes the whole width; continuation lines are
		 * indented, so the rest wraps at the width that keeps them inside. */
		if (hang >= width / 2)
			hang = indent;
		struct strlist first = STRLIST_INIT, rest = STRLIST_INIT;
		text_wrap(l, width, &first);
		if (!first.n)
			sl_push(wrapped, xstrdup(""));
		else {
			sl_push(wrapped, xstrdup(first.items[0]));
			const char *more = l + strlen(first.items[0]);
			while (*more == ' ')
				more++;
			text_wrap(more, width - hang, &rest);
			for (size_t j = 0; j < rest.n; j++)
				sl_pushf(wrapped, "%*s%s", hang, "", rest.items[j]);
		}
		sl_free(&first);
		sl_free(&rest);
	}
}

static void draw_lines_box(struct ui *ui, void *vctx)
{
	(void)ui;
	struct lines_box *b = vctx;
	/* Wrapped again for the width of the window (after a resize too). */
	if (b->width != tui_cols() - 8) {
		sl_free(&b->lines);
		b->width = tui_cols() - 8;
		wrap_lines(b->given, b->width, &b->lines);
	}
	for (int y = 2; y < tui_rows() - 2; y++)
		tui_fill(y, 0, tui_cols(), TC_NORMAL);
	int w = 0;
	for (size_t i = 0; i < b->lines.n; i++)
		if (text_width(b->lines.items[i]) > w)
			w = text_width(b->lines.items[i]);
	if (b->footer && text_width(b->footer) > w)
		w = text_width(b->footer);
	int h = (int)b->lines.n + 4, top, left;
	draw_box(h, w + 4, b->title, &top, &left);
	int avail = (h > tui_rows() - 2 ? tui_rows() - 2 : h) - 4;
	if (b->first > (int)b->lines.n - avail)
		b->first = (int)b->lines.n - avail > 0 ? (int)b->lines.n - avail : 0;
	for (int i = 0; i < avail && b->first + i < (int)b->lines.n; i++)
		tui_put(top + i, left, tui_cols() - left - 2, b->lines.items[b->first + i], TC_NORMAL);
	if (b->footer)
		tui_put(top + avail + 1, left, tui_cols() - left - 2, b->footer, TC_BAR);
}

void tui_show_lines(struct ui *ui, const char *title, const struct strlist *given)
{
	struct lines_box b = { title, given, STRLIST_INIT, -1, 0, _("Up/Down: scroll   Enter/Esc: close") };
	tui_push_overlay(draw_lines_box, &b);
	for (;;) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		if (k.code == WK_NONE || k.code == WK_ENTER || k.code == WK_ESC ||
		    (k.code == WK_CHAR && k.ch == L'q'))
			break;
		if (k.code == WK_DOWN || (k.code == WK_CHAR && k.ch == L'j'))
			b.first++;
		else if ((k.code == WK_UP || (k.code == WK_CHAR && k.ch == L'k')) && b.first > 0)
			b.first--;
		else if (k.code == WK_PGDN)
			b.first += tui_rows() - 8;
		else if (k.code == WK_PGUP)
			b.first = b.first > tui_rows() - 8 ? b.first - (tui_rows() - 8) : 0;
	}
	tui_pop_overlay();
	sl_free(&b.lines);
}

void tui_errors(struct ui *ui, const struct strlist *errors)
{
	tui_show_lines(ui, _("Error"), errors);
}

struct confirm_box {
	const char *question;
};


static void draw_confirm(struct ui *ui, void *vctx)
{
	(void)ui;
	struct confirm_box *c = vctx;
	const char *hint = _("Enter or y: yes    Esc or n: no");
	int w = text_width(c->question);
	if (text_width(hint) > w)
		w = text_width(hint);
	if (w > tui_cols() - 10)
		w = tui_cols() - 10;
	struct strlist lines = STRLIST_INIT;
	text_wrap(c->question, w, &lines);
	int top, left;
	draw_box((int)lines.n + 4, w + 4, _("Confirm"), &top, &left);
	for (size_t i = 0; i < lines.n; i++)
		tui_put(top + (int)i, left, w, lines.items[i], TC_TITLE);
	tui_put(top + (int)lines.n + 1, left, w, hint, TC_NORMAL);
	sl_free(&lines);
}

bool tui_confirm(struct ui *ui, const char *question)
{
	struct confirm_box c = { question };
	tui_push_overlay(draw_confirm, &c);
	bool yes = false;
	for (;;) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		if (k.code == WK_NONE || k.code == WK_ESC)
			break;
		if (k.code == WK_ENTER || (k.code == WK_CHAR && (k.ch == L'y' || k.ch == L'Y' ||
								 k.ch == L'c' || k.ch == L'C'))) {
			yes = true;
			break;
		}
		if (k.code == WK_CHAR && (k.ch == L'n' || k.ch == L'N' || k.ch == L'k' || k.ch == L'K'))
			break;
	}
	tui_pop_overlay();
	return yes;
}

/* Toggles the built-in input method: off -> Telex -> VNI -> off. */
void tui_cycle_ime(struct ui *ui)
{
	ui->ime = ui->ime == VNKEY_OFF ? VNKEY_TELEX : ui->ime == VNKEY_TELEX ? VNKEY_VNI : VNKEY_OFF;
	tui_message(ui, false, "%s", ui->ime == VNKEY_TELEX ? _("Built-in input method: Telex")
				     : ui->ime == VNKEY_VNI ? _("Built-in input method: VNI")
				     : _("Built-in input method: off"));
}

/* Draws a line editor into a field `width` columns wide. */
static void draw_edit(struct lineedit *e, int y, int x, int width, bool focused)
{
	int col = le_layout(e, width);
	char *t = le_text(e);
	/* le_layout scrolled: skip the characters before e->scroll. */
	const char *p = t;
	for (size_t i = 0; i < e->scroll && *p; i++) {
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
	}
	tui_fill(y, x, width, focused ? TC_SELECTED : TC_NORMAL);
	tui_put(y, x, width, p, !focused ? TC_NORMAL : e->fresh ? TC_FRESH : TC_SELECTED);
	if (focused) {
		move(y, x + col);
		curs_set(1);
	}
	free(t);
}

struct prompt_box {
	const char *question;
	struct lineedit *edit;
	char *error;            /* why Enter refused the text, or NULL */
};

static void draw_prompt(struct ui *ui, void *vctx)
{
	(void)ui;
	struct prompt_box *p = vctx;
	int w = tui_cols() - 10, top, left;
	struct strlist lines = STRLIST_INIT;
	if (p->error)
		text_wrap(p->error, w - 4, &lines);
	int n = lines.n > 3 ? 3 : (int)lines.n;
	draw_box(5 + n, w, p->question, &top, &left);
	for (int i = 0; i < n; i++)
		tui_put(top + 1 + i, left, w - 4, lines.items[i], TC_ERROR);
	tui_put(top + n + 2, left, w - 4, _("Enter: accept    Esc: cancel    Ctrl-T: Telex/VNI"), TC_NORMAL);
	draw_edit(p->edit, top, left, w - 4, true);
	sl_free(&lines);
}

char *tui_prompt_check(struct ui *ui, const char *question, const char *initial,
		       char *(*check)(const char *text, void *ctx), void *ctx)
{
	struct lineedit e;
	le_init(&e, 200);
	le_set_method(&e, ui->ime, ui->modern_tone);
	if (initial)
		le_set_text(&e, initial);
	struct prompt_box p = { question, &e, NULL };
	tui_push_overlay(draw_prompt, &p);
	char *result = NULL;
	for (;;) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		curs_set(0);
		if (k.code == WK_NONE || k.code == WK_ESC)
			break;
		if (k.code == WK_ENTER) {
			result = le_text(&e);
			char *why = check ? check(result, ctx) : NULL;
			if (!why)
				break;
			free(p.error);
			p.error = why;
			free(result);
			result = NULL;
			continue;
		}
		if (action_for_key(k, AS_TEXT) == ACT_INPUT_METHOD) {
			tui_cycle_ime(ui);
			le_set_method(&e, ui->ime, ui->modern_tone);
			continue;
		}
		if (le_key(&e, k) == LE_CHANGED) {
			free(p.error);
			p.error = NULL;
		}
	}
	tui_pop_overlay();
	le_free(&e);
	free(p.error);
	return result;
}

char *tui_prompt(struct ui *ui, const char *question, const char *initial)
{
	return tui_prompt_check(ui, question, initial, NULL, NULL);
}

struct pick_box {
	const char *title;
	const struct strlist *labels; /* as shown: columns aligned */
	char **keys;       /* search keys of the labels */
	int *shown;        /* indexes that match the filter */
	int nshown, sel, first;
	struct lineedit *filter;
};

static void pick_filter(struct pick_box *p)
{
	char *f = le_text(p->filter);
	char *key = text_search_key(f);
	p->nshown = 0;
	for (size_t i = 0; i < p->labels->n; i++)
		if (!*key || strstr(p->keys[i], key))
			p->shown[p->nshown++] = (int)i;
	if (p->sel >= p->nshown)
		p->sel = p->nshown ? p->nshown - 1 : 0;
	free(f);
	free(key);
}

static void draw_pick(struct ui *ui, void *vctx)
{
	(void)ui;
	struct pick_box *p = vctx;
	int h = tui_rows() - 6, w = tui_cols() - 16, top, left;
	draw_box(h, w, p->title, &top, &left);
	int avail = h - 4;
	if (p->sel < p->first)
		p->first = p->sel;
	if (p->sel >= p->first + avail)
		p->first = p->sel - avail + 1;
	for (int i = 0; i < avail && p->first + i < p->nshown; i++) {
		int idx = p->shown[p->first + i];
		bool s = p->first + i == p->sel;
		tui_fill(top + 1 + i, left, w - 4, s ? TC_SELECTED : TC_NORMAL);
		tui_put(top + 1 + i, left, w - 4, p->labels->items[idx], s ? TC_SELECTED : TC_NORMAL);
	}
	char *count = xasprintf("%d/%d", p->nshown ? p->sel + 1 : 0, p->nshown);
	tui_put_right(top + h - 3, left, w - 4, count, TC_NORMAL);
	free(count);
	tui_put(top + h - 3, left, w - 14, _("Type to filter; Enter: choose; Esc: cancel"), TC_NORMAL);
	draw_edit(p->filter, top, left, w - 4, true);
}

/* The labels as shown: the columns (TUI_PICK_COL) padded to the widest
 * of each, the hidden part (TUI_PICK_HIDDEN) left out. */
static void pick_align(const struct strlist *labels, struct strlist *shown)
{
	int widths[8] = { 0 };
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < labels->n; i++) {
			char *l = xstrdup(labels->items[i]);
			char *hidden = strchr(l, TUI_PICK_HIDDEN[0]);
			if (hidden)
				*hidden = '\0';
			struct strbuf sb = STRBUF_INIT;
			char *p = l;
			for (int c = 0; p; c++) {
				char *tab = strchr(p, TUI_PICK_COL[0]);
				if (tab)
					*tab = '\0';
				if (pass == 0 && c < 8 && tab && text_width(p) > widths[c])
					widths[c] = text_width(p);
				if (pass == 1) {
					if (tab && c < 8) {
						char *padded = text_pad(p, widths[c], false);
						sb_printf(&sb, "%s  ", padded);
						free(padded);
					} else {
						sb_printf(&sb, "%s%s", p, tab ? "  " : "");
					}
				}
				p = tab ? tab + 1 : NULL;
			}
			if (pass == 1)
				sl_push(shown, sb.buf ? sb_steal(&sb) : xstrdup(""));
			sb_free(&sb);
			free(l);
		}
}

int tui_pick(struct ui *ui, const char *title, const struct strlist *given, int selected)
{
	struct lineedit e;
	le_init(&e, 60);
	le_set_method(&e, ui->ime, ui->modern_tone);
	struct strlist aligned = STRLIST_INIT;
	pick_align(given, &aligned);
	const struct strlist *labels = &aligned;
	struct pick_box p = { title, labels, xcalloc(labels->n + 1, sizeof(char *)),
			      xcalloc(labels->n + 1, sizeof(int)), 0, 0, 0, &e };
	/* The search finds the hidden codes too. */
	for (size_t i = 0; i < labels->n; i++) {
		const char *hidden = strchr(given->items[i], TUI_PICK_HIDDEN[0]);
		char *all = xasprintf("%s %s", labels->items[i], hidden ? hidden + 1 : "");
		p.keys[i] = text_search_key(all);
		free(all);
	}
	pick_filter(&p);
	if (selected >= 0 && selected < p.nshown)
		p.sel = selected;
	tui_push_overlay(draw_pick, &p);
	int result = -1;
	for (;;) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		curs_set(0);
		if (k.code == WK_NONE || k.code == WK_ESC)
			break;
		if (k.code == WK_ENTER) {
			if (p.nshown)
				result = p.shown[p.sel];
			break;
		}
		if (k.code == WK_DOWN && p.sel + 1 < p.nshown)
			p.sel++;
		else if (k.code == WK_UP && p.sel > 0)
			p.sel--;
		else if (k.code == WK_PGDN)
			p.sel = p.sel + 10 < p.nshown ? p.sel + 10 : (p.nshown ? p.nshown - 1 : 0);
		else if (k.code == WK_PGUP)
			p.sel = p.sel > 10 ? p.sel - 10 : 0;
		else if (action_for_key(k, AS_TEXT) == ACT_INPUT_METHOD) {
			tui_cycle_ime(ui);
			le_set_method(&e, ui->ime, ui->modern_tone);
		} else if (le_key(&e, k) == LE_CHANGED) {
			p.sel = 0;
			pick_filter(&p);
		}
	}
	tui_pop_overlay();
	for (size_t i = 0; i < labels->n; i++)
		free(p.keys[i]);
	free(p.keys);
	free(p.shown);
	le_free(&e);
	sl_free(&aligned);
	return result;
}

/* Asks where to save a file (`question`, proposing `initial`); an existing
 * file is replaced only after a confirmation.  The path (new string), or
 * NULL when the officer gave none or kept the existing file. */
char *tui_ask_save_path(struct ui *ui, const char *question, const char *initial)
{
	char *path = tui_prompt(ui, question, initial);
	if (!path || !*path) {
		free(path);
		return NULL;
	}
	struct stat st;
	if (lstat(path, &st) == 0) {
		char *q = xasprintf(_("%s already exists. Replace it?"), path);
		bool yes = tui_confirm(ui, q);
		free(q);
		if (!yes) {
			free(path);
			return NULL;
		}
	}
	return path;
}

/* The manual (manual.h) saved as a PDF where the officer says. */
static void save_manual(struct ui *ui)
{
	char *path = tui_ask_save_path(ui, _("Save the manual as PDF"), "wardsafe-manual.pdf");
	if (!path)
		return;
	struct strlist errors = STRLIST_INIT;
	if (manual_write_pdf(i18n_language(), path, &errors))
		tui_message(ui, false, _("Manual saved to %s"), path);
	else
		tui_errors(ui, &errors);
	sl_free(&errors);
	free(path);
}

/* The manual as a PDF sent to [report] print_command, as the Reports
 * screen prints a report. */
static void print_manual(struct ui *ui)
{
	if (!tui_confirm(ui, _("Send the manual to the printer?")))
		return;
	struct strlist errors = STRLIST_INIT;
	char *path = print_temp_pdf("manual", &errors);
	if (path) {
		if (manual_write_pdf(i18n_language(), path, &errors) && print_file(path, &errors))
			tui_message(ui, false, "%s", _("The manual was sent to the printer."));
		unlink(path);
	}
	if (errors.n)
		tui_errors(ui, &errors);
	sl_free(&errors);
	free(path);
}

/* The help lines in a scrolling box, as tui_show_lines, with the keys of
 * the help screen (AS_HELP: the manual). */
static void show_help_lines(struct ui *ui, const struct strlist *given)
{
	struct lines_box b = { _("Help"), given, STRLIST_INIT, -1, 0,
			       _("Up/Down: scroll   w: save the manual (PDF)   P: print it   Esc: close") };
	tui_push_overlay(draw_lines_box, &b);
	for (;;) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		enum action_id act = action_for_key(k, AS_HELP);
		if (k.code == WK_NONE || k.code == WK_ENTER || k.code == WK_ESC ||
		    (k.code == WK_CHAR && k.ch == L'q'))
			break;
		if (act == ACT_SAVE_MANUAL)
			save_manual(ui);
		else if (act == ACT_PRINT_MANUAL)
			print_manual(ui);
		else if (k.code == WK_DOWN || (k.code == WK_CHAR && k.ch == L'j'))
			b.first++;
		else if ((k.code == WK_UP || (k.code == WK_CHAR && k.ch == L'k')) && b.first > 0)
			b.first--;
		else if (k.code == WK_PGDN)
			b.first += tui_rows() - 8;
		else if (k.code == WK_PGUP)
			b.first = b.first > tui_rows() - 8 ? b.first - (tui_rows() - 8) : 0;
	}
	tui_pop_overlay();
	sl_free(&b.lines);
}

void tui_help(struct ui *ui, unsigned context, const char *about)
{
	struct strlist lines = STRLIST_INIT;
	if (about) {
		sl_push(&lines, xstrdup(about));
		sl_push(&lines, xstrdup(""));
	}
	static const struct { unsigned scope; const char *title; } parts[] = {
		{ AS_GRID, N_("In the round grid") },
		{ AS_FORM, N_("In a form") }, { AS_EDITOR, N_("In the editor of the report's texts") },
		{ AS_TEXT, N_("While typing") },
		{ AS_LIST, N_("In lists") }, { AS_DATA, N_("On screens with several kinds of record") },
		{ AS_REPORT, N_("In reports") }, { AS_VIEWS, N_("In the overview and its views") },
		{ AS_ROLLUP, N_("In the roll-up") }, { AS_GLOBAL, N_("Everywhere") },
		{ AS_HELP, N_("On this help screen") },
	};
	context |= AS_HELP;
	for (size_t p = 0; p < ARRAY_SIZE(parts); p++) {
		if (!(context & parts[p].scope))
			continue;
		sl_push(&lines, xstrdup(_(parts[p].title)));
		for (int i = 0; i < action_count; i++) {
			const struct action *a = &actions[i];
			unsigned scope = action_fold_views(a->scope);
			unsigned first = scope & (~scope + 1);
			/* Listed under its first scope, or under the first of its
			 * scopes that applies here (Up/Down on a report or a view,
			 * the period keys in the roll-up). */
			unsigned here = scope & action_fold_views(context) & ~AS_GLOBAL;
			if (!(first & context) && here)
				first = here & (~here + 1);
			if (first != parts[p].scope && !(parts[p].scope == AS_TEXT && (a->scope & AS_TEXT)))
				continue;
			char *keys = action_keys_text(a);
			char *padded = text_pad(keys, 16, false);
			sl_pushf(&lines, "  %s %s", padded, _(a->help));
			free(keys);
			free(padded);
		}
		sl_push(&lines, xstrdup(""));
	}
	sl_push(&lines, xstrdup(_("Dates: DD/MM/YYYY or YYYY-MM-DD. Periods: 2023-09, 2023-Q3, 2023, 2023-07..2023-09.")));
	show_help_lines(ui, &lines);
	sl_free(&lines);
}

/* ---- the main loop */

static void load_ward(struct ui *ui)
{
	free(ui->ward);
	ui->ward = NULL;
	sqlite3_stmt *st = db_prepare(ui->db, "SELECT name FROM ward WHERE id = 1");
	if (sqlite3_step(st) == SQLITE_ROW)
		ui->ward = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void show(struct ui *ui, struct screen *s)
{
	ui->current = s;
	if (s->enter)
		s->enter(ui, s);
}

static void shift_period(struct ui *ui, int dir)
{
	int n = period_months(&ui->period);
	ui->period.first += dir * n;
	ui->period.last += dir * n;
	show(ui, ui->current);
}

/* The message for a text that is not a period, or NULL if it is one. */
static char *period_check(const char *text, void *ctx)
{
	struct period *np = ctx;
	if (period_parse(text, np))
		return NULL;
	return xasprintf(_("'%s' is not a period; write 2023-09, 2023-Q3, 2023 or 2023-07..2023-09"), text);
}

static void ask_period(struct ui *ui)
{
	char p[32];
	struct period np;
	char *text = tui_prompt_check(ui, _("Period (2023-09, 2023-Q3, 2023, 2023-07..2023-09)"),
				      period_format(&ui->period, p), period_check, &np);
	if (!text)
		return;
	ui->period = np;
	show(ui, ui->current);
	free(text);
}

/* Handles the keys that work on every screen; true if handled. */
static bool global_key(struct ui *ui, enum action_id act)
{
	for (int i = 0; i < SCR_COUNT; i++)
		if (ui->screens[i] && ui->screens[i]->action == act && act != ACT_NONE) {
			show(ui, ui->screens[i]);
			return true;
		}
	/* A modal unit of this run (the audit log). */
	for (size_t i = 0; i < screen_def_count; i++) {
		const struct screen_def *d = &screen_defs[i];
		if (d->run && (d->sets & ui->set) && d->action == act && act != ACT_NONE) {
			d->run(ui);
			return true;
		}
	}
	switch (act) {
	case ACT_HELP:
		tui_help(ui, ui->current->context | ui->global, _(ui->current->help));
		return true;
	case ACT_PERIOD_PREV:
		shift_period(ui, -1);
		return true;
	case ACT_PERIOD_NEXT:
		shift_period(ui, 1);
		return true;
	case ACT_PERIOD_SET:
		ask_period(ui);
		return true;
	case ACT_INPUT_METHOD:
		tui_cycle_ime(ui);
		return true;
	case ACT_QUIT:
		ui->quit = true;
		return true;
	default:
		return false;
	}
}

static enum vnkey_method configured_ime(void)
{
	const char *m = settings_str(CFG_INPUT_METHOD);
	return !strcmp(m, "telex") ? VNKEY_TELEX : !strcmp(m, "vni") ? VNKEY_VNI : VNKEY_OFF;
}

/* The main loop, until a key asks to quit; frees the screens.  Returns the
 * exit status. */
static int run(struct ui *ui, const struct strlist *warnings)
{
	if (warnings && warnings->n)
		tui_show_lines(ui, _("Warning"), warnings);
	while (!ui->quit) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		if (k.code == WK_NONE)
			break;
		free(ui->message);
		ui->message = NULL;
		if (k.code == WK_RESIZE)
			continue;
		if (tui_too_small()) {
			if (k.code == WK_CHAR && k.ch == L'q')
				break;
			continue;
		}
		unsigned ctx = ui->current->context | ui->global;
		enum action_id act = action_for_key(k, ctx);
		if (ui->current->key && ui->current->key(ui, ui->current, k, act))
			continue;
		if (!global_key(ui, act) && k.code == WK_ESC)
			tui_message(ui, false, "%s", _("Nothing to close here; q leaves the program."));
		if (ui->db)
			load_ward(ui);
	}
	term_end();
	for (int i = 0; i < SCR_COUNT; i++) {
		if (!ui->screens[i])
			continue;
		if (ui->screens[i]->free)
			ui->screens[i]->free(ui->screens[i]);
		free(ui->screens[i]);
	}
	free(ui->ward);
	free(ui->message);
	int sig = term_signal();
	return sig ? 128 + sig : 0;
}

/* Starts curses; false after printing why it cannot. */
static bool start_terminal(void)
{
	struct strlist errors = STRLIST_INIT;
	bool ok = term_init(&errors);
	if (!ok)
		for (size_t i = 0; i < errors.n; i++)
			fprintf(stderr, _("wardsafe: error: %s\n"), errors.items[i]);
	sl_free(&errors);
	if (ok)
		init_colors();
	return ok;
}

/* The settings every run of the screens starts from; `set` is the run's
 * SS_ flag. */
static void ui_init(struct ui *ui, unsigned set)
{
	memset(ui, 0, sizeof *ui);
	ui->set = set;
	ui->month_start_day = (int)settings_int(CFG_MONTH_START_DAY);
	ui->period = period_of_date(date_today(), ui->month_start_day);
	ui->ime = configured_ime();
	ui->modern_tone = !strcmp(settings_str(CFG_INPUT_TONE), "modern");
	ui->global = AS_GLOBAL;
}

/* Builds the screens of the run ui->set from the table (screens.c), each
 * with its line's id and action; returns the one shown first. */
static struct screen *make_screens(struct ui *ui, const struct screen_start *start)
{
	struct screen *first = NULL;
	for (size_t i = 0; i < screen_def_count; i++) {
		const struct screen_def *d = &screen_defs[i];
		if (!d->make || d->id == SCR_NONE || !(d->sets & ui->set))
			continue;
		struct screen *s = d->make(d->id, start);
		s->id = d->id;
		s->action = d->action;
		ui->screens[d->id] = s;
		if (d->first && !first)
			first = s;
	}
	return first;
}

/* Runs the hooks of the run ui->set for a database without a ward yet
 * (the first run), until one of them names the ward. */
static void run_empty_hooks(struct ui *ui)
{
	for (size_t i = 0; i < screen_def_count && !ui->ward; i++) {
		const struct screen_def *d = &screen_defs[i];
		if (!d->on_empty || !(d->sets & ui->set))
			continue;
		d->on_empty(ui);
		load_ward(ui);
	}
}

int tui_run(sqlite3 *db, const char *db_path, const struct strlist *warnings)
{
	if (!start_terminal())
		return 3;
	struct ui ui;
	ui_init(&ui, SS_MAIN);
	validate_for_screens(true); /* messages name F4, not commands */
	ui.db = db;
	ui.db_path = db_path;
	struct screen_start start = { NULL, 0, NULL };
	struct screen *first = make_screens(&ui, &start);
	ui.current = first;
	load_ward(&ui);
	run_empty_hooks(&ui);
	show(&ui, first);
	return run(&ui, warnings);
}

int tui_run_rollup(const char *const *files, int n)
{
	struct ui ui;
	ui_init(&ui, SS_ROLLUP);
	/* The files are read before the terminal is taken over, so that a bad
	 * one is reported like on the command line. */
	struct rollup r;
	struct strlist errors = STRLIST_INIT;
	if (!rollup_compute(files, n, &ui.period, &r, &errors)) {
		for (size_t i = 0; i < errors.n; i++)
			fprintf(stderr, _("wardsafe: error: %s\n"), errors.items[i]);
		fprintf(stderr, "%s\n", _("wardsafe: nothing rolled up"));
		sl_free(&errors);
		return 3;
	}
	sl_free(&errors);
	if (!start_terminal()) {
		rollup_free(&r);
		return 3;
	}
	ui.global = 0;  /* no record screens, no audit log: only the roll-up's keys */
	struct screen_start start = { files, n, &r };
	show(&ui, make_screens(&ui, &start));
	return run(&ui, NULL);
}
