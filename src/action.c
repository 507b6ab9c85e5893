/* SPDX-License-Identifier: GPL-3.0-or-later */
/* action.c - the table of actions and keys.
 *
 * Screens never test raw keys for commands: they ask action_for_key() with
 * their context and act on the action id.  Text fields get printable keys
 * first, so in a form only non-printing keys (Tab, Enter, Esc, F-keys,
 * Ctrl-keys) are actions; letters are typed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "action.h"
#include "i18n.h"
#include "util.h"

#define K(c) { WK_CHAR, (wchar_t)(c) }
#define S(code) { code, 0 }
#define NOKEY { WK_NONE, 0 }

const struct action actions[] = {
	{ ACT_HELP, "help", { S(WK_F1), K('?'), NOKEY }, AS_GLOBAL | AS_ROLLUP, true,
	  N_("Help"), N_("Show the help for the current screen") },
	{ ACT_DASHBOARD, "dashboard", { S(WK_F2), K('D'), NOKEY }, AS_GLOBAL, false,
	  N_("Overview"), N_("Go to the overview of the period (dashboard)") },
	{ ACT_GROUPS, "groups", { S(WK_F3), K('G'), NOKEY }, AS_GLOBAL, false,
	  N_("Groups"), N_("Go to the residential groups") },
	{ ACT_DATA, "data", { S(WK_F4), K('N'), NOKEY }, AS_GLOBAL, false,
	  N_("Data entry"), N_("Go to data entry: surveys, commitments, app users, population") },
	{ ACT_INCIDENTS, "incidents", { S(WK_F5), K('V'), NOKEY }, AS_GLOBAL, false,
	  N_("Incidents"), N_("Go to the incidents") },
	{ ACT_OUTREACH, "outreach", { S(WK_F6), K('T'), NOKEY }, AS_GLOBAL, false,
	  N_("Outreach"), N_("Go to the outreach sessions") },
	{ ACT_FIRE, "fire", { S(WK_F7), K('L'), NOKEY }, AS_GLOBAL, false,
	  N_("Fire teams"), N_("Go to the fire-safety teams and public fire points") },
	{ ACT_ESTABLISHMENTS, "establishments", { S(WK_F8), K('C'), NOKEY }, AS_GLOBAL, false,
	  N_("Establishments"), N_("Go to the establishments under fire-safety management") },
	{ ACT_TARGETS, "targets", { S(WK_F9), K('M'), NOKEY }, AS_GLOBAL, false,
	  N_("Targets"), N_("Go to the targets of each year") },
	/* F10 is Reports, the tenth screen of the tab bar, everywhere it does
	 * something; q (always in the key bar) and F12 quit. */
	{ ACT_REPORTS, "reports", { S(WK_F10), K('B'), NOKEY }, AS_GLOBAL, false,
	  N_("Reports"), N_("Go to the reports") },
	{ ACT_PERIOD_PREV, "period-previous", { K('['), NOKEY, NOKEY }, AS_GLOBAL | AS_ROLLUP, true,
	  N_("Prev."), N_("Show the previous period of the same length (month, quarter, year)") },
	{ ACT_PERIOD_NEXT, "period-next", { K(']'), NOKEY, NOKEY }, AS_GLOBAL | AS_ROLLUP, true,
	  N_("Next"), N_("Show the next period of the same length") },
	{ ACT_PERIOD_SET, "period", { K('p'), NOKEY, NOKEY }, AS_GLOBAL | AS_ROLLUP, true,
	  N_("Period"), N_("Type a period: 2023-09, 2023-Q3, 2023 or 2023-07..2023-09") },
	{ ACT_AUDIT, "audit", { K('A'), NOKEY, NOKEY }, AS_GLOBAL, false,
	  N_("Audit"), N_("Show who changed what and when in the selected period, with old and new values; f there: the changes to records dated in the period, or all") },
	{ ACT_QUIT, "quit", { K('q'), S(WK_F12), NOKEY }, AS_GLOBAL | AS_ROLLUP, true,
	  N_("Quit"), N_("Leave the program (everything saved stays saved)") },

	{ ACT_UP, "up", { S(WK_UP), K('k'), NOKEY }, AS_LIST | AS_REPORT | AS_VIEWS | AS_ROLLUP, false,
	  N_("Up"), N_("Move to the previous line") },
	{ ACT_DOWN, "down", { S(WK_DOWN), K('j'), NOKEY }, AS_LIST | AS_REPORT | AS_VIEWS | AS_ROLLUP, false,
	  N_("Down"), N_("Move to the next line") },
	{ ACT_PAGE_UP, "page-up", { S(WK_PGUP), NOKEY, NOKEY }, AS_LIST | AS_REPORT | AS_VIEWS | AS_ROLLUP, false,
	  N_("Page up"), N_("Move one page up") },
	{ ACT_PAGE_DOWN, "page-down", { S(WK_PGDN), NOKEY, NOKEY }, AS_LIST | AS_REPORT | AS_VIEWS | AS_ROLLUP, false,
	  N_("Page down"), N_("Move one page down") },
	{ ACT_FIRST, "first", { S(WK_HOME), NOKEY, NOKEY }, AS_LIST | AS_REPORT | AS_VIEWS | AS_ROLLUP, false,
	  N_("First"), N_("Move to the first line") },
	{ ACT_LAST, "last", { S(WK_END), NOKEY, NOKEY }, AS_LIST | AS_REPORT | AS_VIEWS | AS_ROLLUP, false,
	  N_("Last"), N_("Move to the last line") },
	{ ACT_OPEN, "open", { S(WK_ENTER), NOKEY, NOKEY }, AS_LIST, true,
	  N_("Open"), N_("Open the selected record in its form, every value in full (a value cut with … on the list), to read or change it") },
	{ ACT_ADD, "add", { K('a'), S(WK_INSERT), NOKEY }, AS_LIST, true,
	  N_("Add"), N_("Add a record") },
	{ ACT_DELETE, "delete", { S(WK_DELETE), K('d'), NOKEY }, AS_LIST, true,
	  N_("Delete"), N_("Delete the selected record (asks first)") },
	{ ACT_SEARCH, "search", { K('/'), NOKEY, NOKEY }, AS_LIST, true,
	  N_("Search"), N_("Search the list; case and accents do not matter (\"ha noi\" finds \"Hà Nội\")") },
	{ ACT_SEARCH_NEXT, "search-next", { K('n'), NOKEY, NOKEY }, AS_LIST, false,
	  N_("Next match"), N_("Find the next line that matches the search") },
	{ ACT_SORT, "sort", { K('s'), NOKEY, NOKEY }, AS_LIST | AS_VIEW_RATES, true,
	  N_("Sort"), N_("Choose the column to sort by; choosing the same column again reverses the order") },
	{ ACT_FILTER_GROUP, "filter-group", { K('g'), NOKEY, NOKEY }, AS_LIST_GROUPS, true,
	  N_("Group"), N_("Show only one group, or all groups again") },
	{ ACT_FILTER_PERIOD, "filter-period", { K('f'), NOKEY, NOKEY }, AS_LIST, false,
	  N_("All dates"), N_("Show the records of the selected period only, or of all dates") },
	{ ACT_CLEAR, "clear", { S(WK_ESC), NOKEY, NOKEY }, AS_LIST, false,
	  N_("Clear"), N_("Clear the search, then the group filter") },
	{ ACT_NEXT_KIND, "next-kind", { S(WK_TAB), NOKEY, NOKEY }, AS_DATA, true,
	  N_("Kind"), N_("Switch to the next kind of record shown on this screen (surveys, commitments, app users, population; groups and the ward; incidents and categories; targets and closed periods)") },
	{ ACT_ROUND, "round", { K('r'), NOKEY, NOKEY }, AS_DATA_ROUND, true,
	  N_("Round"), N_("Enter the kind shown for every group on one date in a grid (Nhập theo đợt): asks the date, then shows each active group's latest values, carried forward; incidents and outreach get a column per category or kind") },

	{ ACT_SCROLL_LEFT, "scroll-left", { S(WK_LEFT), NOKEY, NOKEY }, AS_REPORT, false,
	  N_("Left"), N_("Scroll the report to the left") },
	{ ACT_SCROLL_RIGHT, "scroll-right", { S(WK_RIGHT), NOKEY, NOKEY }, AS_REPORT, false,
	  N_("Right"), N_("Scroll the report to the right, for lines wider than the screen") },
	{ ACT_SAVE_REPORT, "save-report", { K('w'), NOKEY, NOKEY }, AS_REPORT, true,
	  N_("Save"), N_("Save the report to a file: .pdf for the printed form, .docx to edit in Word or LibreOffice, .csv for every table, text otherwise") },
	{ ACT_PRINT_REPORT, "print-report", { K('P'), NOKEY, NOKEY }, AS_REPORT, true,
	  N_("Print"), N_("Send the report (PDF) to the print command of the configuration (asks first)") },
	{ ACT_REPORT_DETAILS, "report-details", { K('e'), NOKEY, NOKEY }, AS_REPORT, true,
	  N_("Details"), N_("Change the report number, place, signer and recipients before saving or printing") },
	{ ACT_REPORT_TEXTS, "report-texts", { K('t'), NOKEY, NOKEY }, AS_REPORT, true,
	  N_("Texts"), N_("Write the report's own paragraphs for the period: the situation, the shortcomings and the tasks ahead") },

	/* The editor of those texts; the keys inside a paragraph are AS_TEXT's. */
	{ ACT_HELP, "editor-help", { S(WK_F1), NOKEY, NOKEY }, AS_EDITOR, true,
	  N_("Help"), N_("Show the help of the editor (? is typed like any character)") },
	{ ACT_EDITOR_SAVE, "editor-save", { S(WK_F2), K(WKEY_CTRL('s')), NOKEY }, AS_EDITOR, true,
	  N_("Save"), N_("Save the texts of the three sections (an emptied section is deleted)") },
	{ ACT_EDITOR_CLOSE, "editor-close", { S(WK_ESC), NOKEY, NOKEY }, AS_EDITOR, true,
	  N_("Close"), N_("Close the editor (asks first if a text was changed and not saved)") },
	{ ACT_EDITOR_NEXT, "editor-next", { S(WK_TAB), NOKEY, NOKEY }, AS_EDITOR, true,
	  N_("Section"), N_("Go to the next section: situation, shortcomings, tasks ahead") },
	{ ACT_EDITOR_PREV, "editor-previous", { S(WK_BTAB), NOKEY, NOKEY }, AS_EDITOR, false,
	  N_("Back"), N_("Go to the previous section") },
	{ ACT_EDITOR_PARAGRAPH, "editor-paragraph", { S(WK_ENTER), NOKEY, NOKEY }, AS_EDITOR, false,
	  N_("Paragraph"), N_("Start a new paragraph (Backspace at the start of a paragraph joins it to the one before)") },
	{ ACT_EDITOR_LINE_UP, "editor-up", { S(WK_UP), NOKEY, NOKEY }, AS_EDITOR, false,
	  N_("Up"), N_("Go up one line of the wrapped text") },
	{ ACT_EDITOR_LINE_DOWN, "editor-down", { S(WK_DOWN), NOKEY, NOKEY }, AS_EDITOR, false,
	  N_("Down"), N_("Go down one line of the wrapped text") },

	{ ACT_NEXT_VIEW, "next-view", { S(WK_TAB), NOKEY, NOKEY }, AS_VIEWS, true,
	  N_("View"), N_("Show the next view of the overview: by group, behind target, incidents by month, outreach by month, trends") },
	{ ACT_PREV_VIEW, "previous-view", { S(WK_BTAB), NOKEY, NOKEY }, AS_VIEWS, false,
	  N_("Back"), N_("Show the previous view of the overview") },
	{ ACT_HISTORY, "history", { S(WK_ENTER), NOKEY, NOKEY }, AS_VIEW_GROUPS, false,
	  N_("History"), N_("Show the selected group's rates month by month over the last 24 months") },
	{ ACT_INDICATOR, "indicator", { K('i'), NOKEY, NOKEY }, AS_VIEW_RATES | AS_VIEW_CHART, true,
	  N_("Indicator"), N_("Choose the indicator of the trends chart, or the rate whose missing figures and sparklines the group view shows") },
	{ ACT_VIEW_LEFT, "view-left", { S(WK_LEFT), NOKEY, NOKEY }, AS_VIEW_RATES | AS_VIEW_MONTHS, false,
	  N_("Left"), N_("Show earlier months when they do not all fit; in the group view, select the rate to the left") },
	{ ACT_VIEW_RIGHT, "view-right", { S(WK_RIGHT), NOKEY, NOKEY }, AS_VIEW_RATES | AS_VIEW_MONTHS, false,
	  N_("Right"), N_("Show later months; in the group view, select the rate to the right") },

	{ ACT_ROLLUP_LEFT, "rollup-left", { S(WK_LEFT), NOKEY, NOKEY }, AS_ROLLUP, false,
	  N_("Left"), N_("Show the indicator columns to the left when they do not all fit") },
	{ ACT_ROLLUP_RIGHT, "rollup-right", { S(WK_RIGHT), NOKEY, NOKEY }, AS_ROLLUP, false,
	  N_("Right"), N_("Show the indicator columns to the right") },
	{ ACT_ROLLUP_WARD, "rollup-ward", { S(WK_ENTER), NOKEY, NOKEY }, AS_ROLLUP, true,
	  N_("Details"), N_("Show every indicator of the selected ward, or of the total, with its target, status and comparisons") },
	{ ACT_ROLLUP_NO_REPORTS, "rollup-reports", { S(WK_F10), NOKEY, NOKEY }, AS_ROLLUP, false,
	  N_("Reports"), N_("Say that the roll-up has no report screen (F10 is Reports in a ward's screens; q leaves)") },

	/* The round grid: digits are typed into the cell. */
	{ ACT_HELP, "grid-help", { S(WK_F1), NOKEY, NOKEY }, AS_GRID, true,
	  N_("Help"), N_("Show the problems of the selected row when it has any, otherwise this help") },
	{ ACT_GRID_UP, "grid-up", { S(WK_UP), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Up"), N_("Move to the same cell of the group above") },
	{ ACT_GRID_DOWN, "grid-down", { S(WK_DOWN), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Down"), N_("Move to the same cell of the group below") },
	{ ACT_GRID_LEFT, "grid-left", { S(WK_LEFT), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Left"), N_("Move to the cell on the left") },
	{ ACT_GRID_RIGHT, "grid-right", { S(WK_RIGHT), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Right"), N_("Move to the cell on the right; the columns scroll sideways, the group code and name stay") },
	{ ACT_GRID_NEXT, "grid-next", { S(WK_TAB), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Next"), N_("Move to the next cell, at the end of a row to the next group") },
	{ ACT_GRID_PREV, "grid-previous", { S(WK_BTAB), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Previous"), N_("Move to the previous cell") },
	{ ACT_GRID_ENTER, "grid-enter", { S(WK_ENTER), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Enter"), N_("Keep the value and move down, as in a spreadsheet; on a row marked ! without typing, show its problems") },
	{ ACT_GRID_PAGE_UP, "grid-page-up", { S(WK_PGUP), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Page up"), N_("Move one page of groups up") },
	{ ACT_GRID_PAGE_DOWN, "grid-page-down", { S(WK_PGDN), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Page down"), N_("Move one page of groups down") },
	{ ACT_GRID_CLEAR, "grid-clear", { S(WK_DELETE), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Clear"), N_("Put the carried value back in the cell") },
	{ ACT_GRID_BACKSPACE, "grid-backspace", { S(WK_BACKSPACE), NOKEY, NOKEY }, AS_GRID, false,
	  N_("Backspace"), N_("Delete the last digit of the cell (typing a digit replaces the whole value)") },
	{ ACT_GRID_SAVE, "grid-save", { S(WK_F2), K(WKEY_CTRL('s')), NOKEY }, AS_GRID, true,
	  N_("Save"), N_("Save every changed row in one go: all or nothing; warnings are asked once for the round") },
	{ ACT_GRID_CANCEL, "grid-close", { S(WK_ESC), NOKEY, NOKEY }, AS_GRID, true,
	  N_("Close"), N_("Close the grid (asks first if something changed is not saved)") },
	{ ACT_GRID_PRINT, "grid-print", { K('P'), NOKEY, NOKEY }, AS_GRID, true,
	  N_("Print sheet"), N_("Print the sheet of this round for the group leaders (A4, boxes to fill in by hand, the last values as hints) with [report] print_command") },
	{ ACT_GRID_WRITE, "grid-write", { K('w'), NOKEY, NOKEY }, AS_GRID, true,
	  N_("Save sheet"), N_("Save the sheet of this round for the group leaders as a PDF file") },

	/* In a form, ? is typed like any character: only F1 opens the help. */
	{ ACT_HELP, "form-help", { S(WK_F1), NOKEY, NOKEY }, AS_FORM, true,
	  N_("Help"), N_("Show the help of the form and of its text fields (? is typed like any character)") },
	{ ACT_FORM_NEXT, "next-field", { S(WK_TAB), S(WK_DOWN), NOKEY }, AS_FORM, false,
	  N_("Next"), N_("Go to the next field") },
	{ ACT_FORM_PREV, "previous-field", { S(WK_BTAB), S(WK_UP), NOKEY }, AS_FORM, false,
	  N_("Previous"), N_("Go to the previous field") },
	{ ACT_FORM_SAVE, "save", { S(WK_F2), K(WKEY_CTRL('s')), NOKEY }, AS_FORM, true,
	  N_("Save"), N_("Save the form (Enter on the last field saves too)") },
	{ ACT_FORM_CANCEL, "cancel", { S(WK_ESC), NOKEY, NOKEY }, AS_FORM, true,
	  N_("Cancel"), N_("Close the form without saving (asks first if something was typed)") },
	{ ACT_FORM_PICK, "pick", { S(WK_F4), NOKEY, NOKEY }, AS_FORM, true,
	  N_("Choose"), N_("Choose the value of this field from a list (groups, categories, kinds)") },
	{ ACT_INPUT_METHOD, "input-method", { K(WKEY_CTRL('t')), S(WK_F11), NOKEY }, AS_TEXT | AS_GLOBAL, true,
	  N_("Telex/VNI"), N_("Switch the built-in Vietnamese input method: off, Telex, VNI") },
	{ ACT_TEXT_START, "text-start", { K(WKEY_CTRL('a')), S(WK_HOME), NOKEY }, AS_TEXT, false,
	  N_("Start"), N_("Move to the start of the text; typing then inserts instead of replacing a value already there") },
	{ ACT_TEXT_END, "text-end", { K(WKEY_CTRL('e')), S(WK_END), NOKEY }, AS_TEXT, false,
	  N_("End"), N_("Move to the end of the text; typing then adds to a value already there instead of replacing it") },
	{ ACT_TEXT_LEFT, "text-left", { S(WK_LEFT), NOKEY, NOKEY }, AS_TEXT, false,
	  N_("Left"), N_("Move one letter to the left (a letter with its accents is one)") },
	{ ACT_TEXT_RIGHT, "text-right", { S(WK_RIGHT), NOKEY, NOKEY }, AS_TEXT, false,
	  N_("Right"), N_("Move one letter to the right") },
	{ ACT_TEXT_WORD_LEFT, "text-word-left", { S(WK_CTRL_LEFT), NOKEY, NOKEY }, AS_TEXT, false,
	  N_("Word left"), N_("Move to the start of the word before the cursor") },
	{ ACT_TEXT_WORD_RIGHT, "text-word-right", { S(WK_CTRL_RIGHT), NOKEY, NOKEY }, AS_TEXT, false,
	  N_("Word right"), N_("Move to the end of the word after the cursor") },
	{ ACT_TEXT_BACKSPACE, "text-backspace", { S(WK_BACKSPACE), NOKEY, NOKEY }, AS_TEXT, false,
	  N_("Backspace"), N_("Delete the character before the cursor") },
	{ ACT_TEXT_DELETE, "text-delete", { S(WK_DELETE), K(WKEY_CTRL('d')), NOKEY }, AS_TEXT, false,
	  N_("Delete"), N_("Delete the letter under the cursor") },
	{ ACT_TEXT_KILL_START, "text-clear", { K(WKEY_CTRL('u')), NOKEY, NOKEY }, AS_TEXT, false,
	  N_("Clear before"), N_("Delete everything before the cursor (at the end: the whole text)") },
	{ ACT_TEXT_KILL_END, "text-delete-to-end", { K(WKEY_CTRL('k')), NOKEY, NOKEY }, AS_TEXT, false,
	  N_("Delete to end"), N_("Delete from the cursor to the end of the text") },
	{ ACT_TEXT_KILL_WORD, "text-delete-word", { K(WKEY_CTRL('w')), NOKEY, NOKEY }, AS_TEXT, false,
	  N_("Delete word"), N_("Delete the word before the cursor") },
	{ ACT_SAVE_MANUAL, "save-manual", { K('w'), NOKEY, NOKEY }, AS_HELP, false,
	  N_("Save manual"), N_("Save the whole manual (wardsafe(1) and wardsafe.ini(5)) as an A4 PDF, in the language of the screens") },
	{ ACT_PRINT_MANUAL, "print-manual", { K('P'), NOKEY, NOKEY }, AS_HELP, false,
	  N_("Print manual"), N_("Send the manual (PDF) to the print command of the configuration (asks first)") },
};
const int action_count = (int)ARRAY_SIZE(actions);

static bool same_key(struct wkey a, struct wkey b)
{
	return a.code == b.code && (a.code != WK_CHAR || a.ch == b.ch);
}

enum action_id action_for_key(struct wkey k, unsigned context)
{
	enum action_id global = ACT_NONE;
	for (int i = 0; i < action_count; i++) {
		const struct action *a = &actions[i];
		if (!(a->scope & context))
			continue;
		for (int j = 0; j < ACTION_KEYS && a->keys[j].code != WK_NONE; j++) {
			if (!same_key(a->keys[j], k))
				continue;
			if ((a->scope & context & ~AS_GLOBAL) != 0)
				return a->id;
			if (global == ACT_NONE)
				global = a->id;
		}
	}
	return global;
}

unsigned action_fold_views(unsigned scope)
{
	if (scope & AS_VIEW_PARTS)
		scope = (scope & ~AS_VIEW_PARTS) | AS_VIEWS;
	if (scope & AS_LIST_GROUPS)
		scope = (scope & ~AS_LIST_GROUPS) | AS_LIST;
	if (scope & AS_DATA_ROUND)
		scope = (scope & ~AS_DATA_ROUND) | AS_DATA;
	return scope;
}

const struct action *action_get(enum action_id id)
{
	for (int i = 0; i < action_count; i++)
		if (actions[i].id == id)
			return &actions[i];
	return NULL;
}

/* The key bar's order of importance, most important first; an action not
 * listed comes after all of these. */
static const enum action_id bar_priority[] = {
	ACT_HELP, ACT_QUIT, ACT_FORM_SAVE, ACT_FORM_CANCEL, ACT_OPEN, ACT_ADD,
	ACT_GRID_SAVE, ACT_GRID_CANCEL, ACT_GRID_PRINT, ACT_GRID_WRITE, ACT_NEXT_KIND, ACT_NEXT_VIEW, ACT_ROLLUP_WARD, ACT_PERIOD_SET, ACT_SAVE_REPORT,
	ACT_PRINT_REPORT, ACT_FORM_PICK, ACT_SEARCH, ACT_DELETE, ACT_REPORT_DETAILS,
	ACT_INDICATOR, ACT_SORT, ACT_FILTER_GROUP, ACT_ROUND, ACT_PERIOD_PREV, ACT_PERIOD_NEXT,
	ACT_INPUT_METHOD,
	ACT_EDITOR_SAVE, ACT_EDITOR_CLOSE, ACT_EDITOR_NEXT, ACT_REPORT_TEXTS,
};

int action_bar_priority(enum action_id id)
{
	for (size_t i = 0; i < ARRAY_SIZE(bar_priority); i++)
		if (bar_priority[i] == id)
			return (int)(ARRAY_SIZE(bar_priority) - i);
	return 0;
}

const char *action_key_name(struct wkey k, char *buf)
{
	static const char *const names[] = {
		[WK_UP] = "Up", [WK_DOWN] = "Down", [WK_LEFT] = "Left", [WK_RIGHT] = "Right",
		[WK_HOME] = "Home", [WK_END] = "End", [WK_PGUP] = "PgUp", [WK_PGDN] = "PgDn",
		[WK_CTRL_LEFT] = "Ctrl-Left", [WK_CTRL_RIGHT] = "Ctrl-Right",
		[WK_BACKSPACE] = "Backspace", [WK_DELETE] = "Del", [WK_INSERT] = "Ins",
		[WK_ENTER] = "Enter", [WK_TAB] = "Tab", [WK_BTAB] = "Shift-Tab", [WK_ESC] = "Esc",
		[WK_RESIZE] = "Resize",
	};
	if (k.code >= WK_F1 && k.code <= WK_F12) {
		snprintf(buf, 16, "F%d", (int)(k.code - WK_F1 + 1));
		return buf;
	}
	if (k.code == WK_CHAR) {
		if (k.ch < 0x20)
			snprintf(buf, 16, "Ctrl-%c", (char)(k.ch + 'A' - 1));
		else
			snprintf(buf, 16, "%lc", (wint_t)k.ch);
		return buf;
	}
	snprintf(buf, 16, "%s", k.code < (int)ARRAY_SIZE(names) && names[k.code] ? names[k.code] : "?");
	return buf;
}

char *action_keys_text(const struct action *a)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[16];
	for (int j = 0; j < ACTION_KEYS && a->keys[j].code != WK_NONE; j++)
		sb_printf(&sb, "%s%s", j ? ", " : "", action_key_name(a->keys[j], buf));
	return sb_steal(&sb);
}

/* Escapes text for roff: backslashes, minus signs, a leading dot or quote,
 * and non-ASCII characters as \[uXXXX] (groff -man reads Latin-1). */
static void roff_text(struct strbuf *sb, const char *s)
{
	if (*s == '.' || *s == '\'')
		sb_puts(sb, "\\&");
	mbstate_t st;
	memset(&st, 0, sizeof st);
	while (*s) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x80) {
			wchar_t wc;
			size_t n = mbrtowc(&wc, s, strlen(s), &st);
			if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
				s++;
				continue;
			}
			sb_printf(sb, "\\[u%04X]", (unsigned)wc);
			s += n;
			continue;
		}
		if (c == '\\')
			sb_puts(sb, "\\e");
		else if (c == '-')
			sb_puts(sb, "\\-");
		else
			sb_putc(sb, (char)c);
		s++;
	}
}

/* The contexts of the manual's KEYS subsections and of `wardsafe keys`,
 * in order; each action is listed under its first scope. */
static const struct { unsigned scope; const char *title; } key_groups[] = {
	{ AS_GLOBAL, N_("Everywhere outside forms") },
	{ AS_LIST, N_("Lists") },
	{ AS_DATA, N_("Screens with several kinds of record") },
	{ AS_REPORT, N_("Reports") },
	{ AS_VIEWS, N_("Overview views") },
	{ AS_ROLLUP, N_("Roll-up of several databases") },
	{ AS_GRID, N_("Round grid") },
	{ AS_FORM, N_("Forms") },
	{ AS_EDITOR, N_("Report texts") },
	{ AS_TEXT, N_("Text fields") },
	{ AS_HELP, N_("The help screen") },
};

/* True if action a is listed under key group g. */
static bool in_key_group(const struct action *a, size_t g)
{
	unsigned scope = action_fold_views(a->scope);
	unsigned first = scope & (~scope + 1);
	return first == key_groups[g].scope;
}

char *action_manual_roff(bool translated)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t g = 0; g < ARRAY_SIZE(key_groups); g++) {
		if (translated) {
			sb_puts(&sb, ".SS \"");
			roff_text(&sb, _(key_groups[g].title));
			sb_puts(&sb, "\"\n");
		} else {
			sb_printf(&sb, ".SS \"%s\"\n", key_groups[g].title);
		}
		for (int i = 0; i < action_count; i++) {
			const struct action *a = &actions[i];
			if (!in_key_group(a, g))
				continue;
			char *keys = action_keys_text(a);
			sb_puts(&sb, ".TP\n.B ");
			roff_text(&sb, keys);
			sb_putc(&sb, '\n');
			roff_text(&sb, translated ? _(a->help) : a->help);
			sb_putc(&sb, '\n');
			free(keys);
		}
	}
	return sb_steal(&sb);
}

char *action_keys_listing(void)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t g = 0; g < ARRAY_SIZE(key_groups); g++) {
		sb_printf(&sb, "%s%s\n", g ? "\n" : "", _(key_groups[g].title));
		for (int i = 0; i < action_count; i++) {
			const struct action *a = &actions[i];
			if (!in_key_group(a, g))
				continue;
			char *keys = action_keys_text(a);
			sb_printf(&sb, "  %-20s %s\n", keys, _(a->help));
			free(keys);
		}
	}
	return sb_steal(&sb);
}
