/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tui.h - the full-screen interface: shared state, the main loop, and the
 * drawing helpers and dialogs every screen uses.
 *
 * Layout: line 0 is the title bar (program, ward, period, operator, input
 * method), line 1 the screen tabs, the last line the key bar of the current
 * context, the line above it messages.  Screens draw between them.  Each
 * screen is a small vtable (struct screen), listed with its constructor in
 * the table of screens.c; screens never call each other,
 * they return to the main loop.  Forms, pick lists and dialogs are modal
 * loops that redraw the screen below them on every key, so a resize or a
 * database error never loses what was typed. */
#ifndef WS_TUI_H
#define WS_TUI_H

#include <sqlite3.h>
#include <stdbool.h>

#include "action.h"
#include "keys.h"
#include "period.h"
#include "util.h"
#include "vnkey.h"

/* The slots of the screens (ui->screens, the tab order); what each is and
 * when it is used is its line in screens.c. */
enum screen_id {
	SCR_NONE = -1,  /* a line of screens.c that is not a screen */
	SCR_DASHBOARD, SCR_GROUPS, SCR_DATA, SCR_INCIDENTS, SCR_OUTREACH,
	SCR_FIRE, SCR_ESTABLISHMENTS, SCR_TARGETS, SCR_REPORTS,
	SCR_ROLLUP,   /* alone, when the program is started on several databases */
	SCR_COUNT
};

struct ui;

struct screen {
	enum screen_id id;
	enum action_id action;  /* the action that opens it */
	const char *title;      /* N_() */
	const char *tab;        /* N_() short name for the tab line */
	unsigned context;       /* AS_ flags of its keys */
	const char *help;       /* N_() what the screen is for */
	void (*enter)(struct ui *ui, struct screen *s);  /* on showing; reload data */
	void (*draw)(struct ui *ui, struct screen *s, int top, int rows);
	/* Returns true if the key was handled. */
	bool (*key)(struct ui *ui, struct screen *s, struct wkey k, enum action_id act);
	void (*free)(struct screen *s);
	void *state;
};

struct ui {
	sqlite3 *db;            /* NULL in the roll-up, which opens its files itself */
	const char *db_path;
	struct period period;
	int month_start_day;
	char *ward;             /* ward name for the title bar */
	enum vnkey_method ime;
	bool modern_tone;
	struct screen *screens[SCR_COUNT];  /* NULL for the screens not in use */
	unsigned set;           /* SS_ flag of this run (screens.h) */
	unsigned global;        /* AS_GLOBAL, or 0 in the roll-up: the keys of every screen */
	struct screen *current;
	char *message;          /* shown until the next key */
	bool message_is_error;
	bool quit;
};

/* Runs the screens on an open database; `warnings` (from db_startup) are
 * shown first.  Returns an exit status. */
int tui_run(sqlite3 *db, const char *db_path, const struct strlist *warnings);
/* Runs the roll-up screen on the ward databases `files` (read-only, see
 * rollup.h); a file that cannot be rolled up stops it before the screen
 * starts, with the messages on standard error (exit status 3). */
int tui_run_rollup(const char *const *files, int n);

/* ---- drawing (curses lives only in tui*.c, form.c and ui_*.c) */
/* TC_FRESH: the text of a focused field that the first typed character
 * replaces (lineedit's `fresh`), underlined within the selection. */
enum tui_color { TC_NORMAL, TC_BAR, TC_KEY, TC_MET, TC_CLOSE, TC_FAR, TC_ERROR, TC_SELECTED, TC_TITLE, TC_FRESH };
int tui_rows(void);
int tui_cols(void);
/* Writes UTF-8 text at (y, x) clipped to `width` columns; returns the columns used. */
int tui_put(int y, int x, int width, const char *text, enum tui_color c);
/* Same, right-aligned in `width` columns. */
void tui_put_right(int y, int x, int width, const char *text, enum tui_color c);
/* Clears `width` columns from (y, x) in a colour. */
void tui_fill(int y, int x, int width, enum tui_color c);
/* Redraws everything: bars, the current screen; then shows it. */
void tui_draw(struct ui *ui);
/* Draws the bars for a context (forms use their own context). */
void tui_draw_frame(struct ui *ui, unsigned context);

/* Modal boxes (forms, dialogs) are overlays: drawn above the screen by
 * tui_draw(), innermost last, until popped. */
void tui_push_overlay(void (*draw)(struct ui *ui, void *ctx), void *ctx);
/* An overlay that draws the whole window, its bars included (forms, the
 * round grid): the screen below it is not drawn at all while it is open. */
void tui_push_overlay_full(void (*draw)(struct ui *ui, void *ctx), void *ctx);
void tui_pop_overlay(void);

/* ---- messages and dialogs */
void tui_message(struct ui *ui, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Asks a yes/no question over the current screen; Enter or y/c = yes. */
bool tui_confirm(struct ui *ui, const char *question);
/* Asks where to save a file, proposing `initial`; an existing file is
 * replaced only after a confirmation.  New string, or NULL: not saved. */
char *tui_ask_save_path(struct ui *ui, const char *question, const char *initial);
/* True while the window is smaller than the screens need (only a notice
 * is drawn; q leaves). */
bool tui_too_small(void);
/* In a window too small to draw a box: shows the question in place of the
 * notice and reads one key; true for y (c in Vietnamese, có). */
bool tui_small_ask(struct ui *ui, const char *question);
/* Shows a list of lines in a box until a key is pressed. */
void tui_show_lines(struct ui *ui, const char *title, const struct strlist *lines);
/* Asks for one line of text; NULL if cancelled.  `initial` may be NULL. */
char *tui_prompt(struct ui *ui, const char *question, const char *initial);
/* The same, with a check of the text on Enter: check returns NULL to
 * accept it, or a message (new string) shown in the box, which stays open
 * with the text so that it can be corrected. */
char *tui_prompt_check(struct ui *ui, const char *question, const char *initial,
		       char *(*check)(const char *text, void *ctx), void *ctx);
/* A pick list: returns the index chosen or -1.  `labels` are shown, typing
 * filters them without regard to case or accents.  A label's columns are
 * separated by TUI_PICK_COL and aligned; what follows TUI_PICK_HIDDEN is
 * found by typing but not shown (a code behind a name). */
#define TUI_PICK_COL "\t"
#define TUI_PICK_HIDDEN "\x1f"
int tui_pick(struct ui *ui, const char *title, const struct strlist *labels, int selected);
/* Waits for a key, handling resize, the help and the input-method toggle
 * that apply everywhere; the caller gets the rest. */
struct wkey tui_key(struct ui *ui);
/* Switches the built-in input method: off -> Telex -> VNI -> off. */
void tui_cycle_ime(struct ui *ui);
/* The help screen for a context and screen. */
void tui_help(struct ui *ui, unsigned context, const char *about);
/* The database error path: shows the messages in a box. */
void tui_errors(struct ui *ui, const struct strlist *errors);

/* ---- screens (their constructors, and the table that lists them and the
 * units below, are in screens.h) */
/* Forms (form.c): edits `rec` (kind from rec->kind; old = stored values or
 * NULL for a new one).  Returns true if saved. */
struct record;
bool form_run(struct ui *ui, struct record *rec, const struct record *old);
/* First run on an empty database: the ward's identity and its groups. */
void ui_first_run(struct ui *ui);
/* The audit log (key A), filtered by the selected period (ui_audit.c). */
void ui_audit_show(struct ui *ui);

#endif
