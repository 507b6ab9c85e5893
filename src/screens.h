/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screens.h - the table of the screens: every screen, modal unit and
 * start-up hook of the full-screen interface, one line each.
 *
 * tui.c names none of them: its start-up builds the screens of a run from
 * this table, its main loop opens what an action names here, and it runs
 * the hooks.  The screens call back into tui.c's drawing helpers and
 * dialogs (tui.h), never the other way.  Adding a screen is writing
 * ui_NAME.c with a constructor of the type `screen_make` and adding its line
 * to `screen_defs` (screens.c). */
#ifndef WS_SCREENS_H
#define WS_SCREENS_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"
#include "tui.h"

/* The runs of the screens a line belongs to (flags). */
enum screen_set {
	SS_MAIN = 1,    /* tui_run: one ward database, its screens and the global keys */
	SS_ROLLUP = 2,  /* tui_run_rollup: many ward files, no database of its own */
};

/* What a run gives the constructors: the roll-up's files and the roll-up
 * computed before the terminal was taken over (NULL/0 in the main run). */
struct rollup;
struct screen_start {
	const char *const *files;
	int n;
	struct rollup *computed;  /* taken over by the screen that uses it */
};

/* A screen's constructor; `id` is its line's, so that one constructor can
 * serve several lines (the list screens).  tui.c sets the screen's id and
 * action from the line afterwards. */
typedef struct screen *screen_make(enum screen_id id, const struct screen_start *start);

struct screen_def {
	enum screen_id id;      /* slot in ui->screens (the tab order), or SCR_NONE */
	enum action_id action;  /* the action that opens it, or ACT_NONE */
	unsigned sets;          /* SS_ flags: the runs it is part of */
	bool first;             /* the screen shown when its run starts */
	screen_make *make;      /* a screen: its constructor */
	/* A modal unit: runs over the current screen when its action is
	 * chosen, and returns to it (the audit log on A). */
	void (*run)(struct ui *ui);
	/* A hook: run at start, before the first screen is shown, when the
	 * database has no ward yet (the first run). */
	void (*on_empty)(struct ui *ui);
};

extern const struct screen_def screen_defs[];
extern const size_t screen_def_count;

/* ---- the constructors of the table (its units, ui_first_run and
 * ui_audit_show, are declared in tui.h) */
screen_make ui_dashboard_new, ui_list_new, ui_reports_new, ui_rollup_new;

#endif
