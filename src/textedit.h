/* SPDX-License-Identifier: GPL-3.0-or-later */
/* textedit.h - the multi-line text editor of the report's paragraphs
 * (ui_reports.c): a list of paragraphs, each a line editor (lineedit.h, so
 * Telex and VNI work as in every field), word-wrapped to a width for the
 * screen.  Enter splits a paragraph, Backspace at its start joins it to the
 * one before; Up and Down move by wrapped line.  No curses here: the screen
 * draws the lines te_wrap gives and puts the cursor at te_cursor. */
#ifndef WS_TEXTEDIT_H
#define WS_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "lineedit.h"

struct textedit {
	struct lineedit *para;  /* the paragraphs, at least one */
	size_t n, cap;
	size_t cur;             /* the paragraph with the cursor */
	size_t maxlen;          /* limit of the whole text in characters, line
				 * breaks counted (0 = none) */
	size_t top;             /* first wrapped line shown (te_scroll) */
	enum vnkey_method method;
	bool modern_tone;
	bool changed;           /* set when the text changes */
};

/* One wrapped line: characters [start, end) of paragraph `para`. */
struct te_line {
	size_t para, start, end;
};

void te_init(struct textedit *t, size_t maxlen);
void te_free(struct textedit *t);
/* Replaces the text (UTF-8; LF separates paragraphs, CR LF too); the
 * cursor at its end, `changed` reset. */
void te_set_text(struct textedit *t, const char *utf8);
/* The text, paragraphs joined with LF (new NFC UTF-8 string). */
char *te_text(const struct textedit *t);
/* Characters of the text, line breaks counted. */
size_t te_length(const struct textedit *t);
void te_set_method(struct textedit *t, enum vnkey_method m, bool modern_tone);
/* Handles one key for a text shown `width` columns wide (Up and Down move
 * by wrapped line); the result as le_key's: LE_UNHANDLED for Esc, Tab, the
 * function keys and what else is the caller's. */
enum le_result te_key(struct textedit *t, struct wkey k, int width);
/* The wrapped lines of the whole text at `width` columns (at spaces where
 * a word fits, else inside it); *lines is a new array; returns the count,
 * at least one (an empty paragraph is one empty line). */
size_t te_wrap(const struct textedit *t, int width, struct te_line **lines);
/* The cursor's wrapped line and column at `width`. */
void te_cursor(const struct textedit *t, int width, size_t *line, int *col);
/* Sets t->top so that the cursor's line is among `height` lines shown. */
void te_scroll(struct textedit *t, int width, int height);

#endif
