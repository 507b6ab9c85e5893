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
	ACT_FILTER_GROUP, ACT_FILTER_PERIOD, ACT_NEXT_KIND,
	/* reports */
	ACT_SCROLL_LEFT, ACT_SCROLL_RIGHT, ACT_SAVE_REPORT, ACT_PRINT_REPORT, ACT_REPORT_DETAILS,
	/* the views of the overview */
	ACT_NEXT_VIEW, ACT_PREV_VIEW, ACT_HISTORY, ACT_INDICATOR, ACT_VIEW_LEFT, ACT_VIEW_RIGHT,
	/* the roll-up of many wards */
	ACT_ROLLUP_LEFT, ACT_ROLLUP_RIGHT, ACT_ROLLUP_WARD, ACT_ROLLUP_QUIT,
	/* forms */
	ACT_FORM_NEXT, ACT_FORM_PREV, ACT_FORM_SAVE, ACT_FORM_CANCEL, ACT_FORM_PICK,
	/* text input, anywhere text is typed */
	ACT_INPUT_METHOD,
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
/* How much an action's place in the key bar matters: the bar drops the
 * lowest first when it is too narrow (Help and Quit are never dropped). */
int action_bar_priority(enum action_id id);
/* A key's name as written on the key bar and in the manual: "F1", "Enter",
 * "Ctrl-T", "a".  buf holds at least 16 bytes. */
const char *action_key_name(struct wkey k, char *buf);
/* "F1, ?" for an action; new string. */
char *action_keys_text(const struct action *a);
/* The KEYS section of the manual, as roff (new string). */
char *action_manual_roff(void);

#endif
