/* SPDX-License-Identifier: GPL-3.0-or-later */
/* action.h - every action of the screens, defined once: its keys, its
 * short label for the key bar, its help text and where it applies.  The key
 * dispatch, the key bar, the help screen and the KEYS section of
 * wardsafe(1) (`wardsafe keys`) all come from this table. */
#ifndef WS_ACTION_H
#define WS_ACTION_H

#include <stdbool.h>

#include "keys.h"

enum action_id {
	ACT_NONE = 0,
	/* anywhere outside a form */
	ACT_HELP, ACT_DASHBOARD, ACT_GROUPS, ACT_DATA, ACT_INCIDENTS, ACT_OUTREACH,
	ACT_FIRE, ACT_ESTABLISHMENTS, ACT_TARGETS, ACT_REPORTS,
	ACT_PERIOD_PREV, ACT_PERIOD_NEXT, ACT_PERIOD_SET, ACT_AUDIT, ACT_QUIT,
	/* lists */
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST,
	ACT_OPEN, ACT_ADD, ACT_DELETE, ACT_SEARCH, ACT_SEARCH_NEXT, ACT_SORT,
	ACT_FILTER_GROUP, ACT_FILTER_PERIOD, ACT_CLEAR, ACT_NEXT_KIND, ACT_ROUND,
	/* reports */
	ACT_SCROLL_LEFT, ACT_SCROLL_RIGHT, ACT_SAVE_REPORT, ACT_PRINT_REPORT, ACT_REPORT_DETAILS,
	/* the Reports screen's editor of the officer's texts */
	ACT_REPORT_TEXTS, ACT_EDITOR_SAVE, ACT_EDITOR_CLOSE, ACT_EDITOR_NEXT, ACT_EDITOR_PREV,
	ACT_EDITOR_PARAGRAPH, ACT_EDITOR_LINE_UP, ACT_EDITOR_LINE_DOWN,
	/* the views of the overview */
	ACT_NEXT_VIEW, ACT_PREV_VIEW, ACT_HISTORY, ACT_INDICATOR, ACT_VIEW_LEFT, ACT_VIEW_RIGHT,
	/* the roll-up of many wards */
	ACT_ROLLUP_LEFT, ACT_ROLLUP_RIGHT, ACT_ROLLUP_WARD, ACT_ROLLUP_NO_REPORTS,
	/* forms */
	ACT_FORM_NEXT, ACT_FORM_PREV, ACT_FORM_SAVE, ACT_FORM_CANCEL, ACT_FORM_PICK,
	/* the round grid (Nhập theo đợt) */
	ACT_GRID_UP, ACT_GRID_DOWN, ACT_GRID_LEFT, ACT_GRID_RIGHT, ACT_GRID_NEXT, ACT_GRID_PREV,
	ACT_GRID_ENTER, ACT_GRID_PAGE_UP, ACT_GRID_PAGE_DOWN, ACT_GRID_CLEAR, ACT_GRID_BACKSPACE,
	ACT_GRID_SAVE, ACT_GRID_CANCEL, ACT_GRID_PRINT, ACT_GRID_WRITE,
	/* text input, anywhere text is typed; the editing keys are handled by
	 * the line editor (lineedit.c) and listed here for the help */
	ACT_INPUT_METHOD, ACT_TEXT_START, ACT_TEXT_END, ACT_TEXT_LEFT, ACT_TEXT_RIGHT,
	ACT_TEXT_WORD_LEFT, ACT_TEXT_WORD_RIGHT, ACT_TEXT_BACKSPACE, ACT_TEXT_DELETE,
	ACT_TEXT_KILL_START, ACT_TEXT_KILL_END, ACT_TEXT_KILL_WORD,
	/* the help screen */
	ACT_SAVE_MANUAL, ACT_PRINT_MANUAL,
	ACT_COUNT
};

/* Where an action applies. */
#define AS_GLOBAL 0x01  /* every screen, outside forms and prompts */
#define AS_LIST   0x02  /* screens that show a list of records */
#define AS_DATA   0x04  /* the data entry screen (several kinds) */
#define AS_REPORT 0x08  /* the reports screen */
#define AS_FORM   0x10  /* a form */
#define AS_TEXT   0x20  /* any text field (forms, prompts) */
#define AS_VIEWS  0x40  /* the overview and its views (Tab) */
#define AS_ROLLUP 0x80  /* the roll-up of many wards (several --db) */
/* The parts of AS_VIEWS that only some views offer (with AS_VIEWS in their
 * context, so the key bar of each view shows what works there); listed
 * with AS_VIEWS in the help and the manual. */
#define AS_VIEW_GROUPS 0x100 /* a list of groups: by group, behind target */
#define AS_VIEW_RATES  0x200 /* the rates of every group: by group */
#define AS_VIEW_MONTHS 0x400 /* months across: incidents, outreach, trends */
#define AS_VIEW_CHART  0x800 /* one indicator: trends */
#define AS_VIEW_PARTS (AS_VIEW_GROUPS | AS_VIEW_RATES | AS_VIEW_MONTHS | AS_VIEW_CHART)
/* The part of AS_LIST for kinds kept by group (the group filter); listed
 * with AS_LIST. */
#define AS_LIST_GROUPS 0x1000
/* The part of AS_DATA for kinds a round is taken of (key r); listed with
 * AS_DATA. */
#define AS_DATA_ROUND 0x2000
/* The round grid (ui_round.c), a modal screen like the forms. */
#define AS_GRID 0x4000
#define AS_HELP   0x8000 /* the help screen (F1) */
/* The editor of the report's texts (situation, shortcomings, tasks ahead)
 * on the Reports screen; with AS_TEXT for the keys inside a paragraph. */
#define AS_EDITOR 0x10000

#define ACTION_KEYS 3

struct action {
	enum action_id id;
	const char *name;              /* stable English name, for scripts and the manual */
	struct wkey keys[ACTION_KEYS]; /* WK_NONE-terminated */
	unsigned scope;
	bool in_bar;                   /* shown in the key bar of its scope */
	const char *label;             /* N_() short label for the key bar */
	const char *help;              /* N_() one line of help */
};

extern const struct action actions[];
extern const int action_count;

/* The action bound to key k in a context (a set of AS_ flags), or ACT_NONE.
 * Actions of the narrower scopes win over AS_GLOBAL. */
enum action_id action_for_key(struct wkey k, unsigned context);
const struct action *action_get(enum action_id id);
/* A scope or context with the AS_VIEW_PARTS counted as AS_VIEWS,
 * AS_LIST_GROUPS as AS_LIST and AS_DATA_ROUND as AS_DATA: how the help and the manual group the
 * actions. */
unsigned action_fold_views(unsigned scope);
/* How much an action's place in the key bar matters: the bar drops the
 * lowest first when it is too narrow (Help and Quit are never dropped). */
int action_bar_priority(enum action_id id);
/* A key's name as written on the key bar and in the manual: "F1", "Enter",
 * "Ctrl-T", "a".  buf holds at least 16 bytes. */
const char *action_key_name(struct wkey k, char *buf);
/* "F1, ?" for an action; new string. */
char *action_keys_text(const struct action *a);
/* The KEYS section of the manual, as roff (new string): in English (the
 * master page), or `translated` into the interface language (the
 * Vietnamese page splices it in; po4a does not translate it). */
char *action_manual_roff(bool translated);
/* The same list as plain text for `wardsafe keys`: a translated heading
 * per context, in the order of the manual's subsections (new string). */
char *action_keys_listing(void);

#endif
