/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lineedit.h - the single-line text editor behind every form field: a
 * buffer of wide characters kept in NFC, a cursor, a length limit, a
 * horizontal scroll offset, and the built-in Vietnamese input method
 * (vnkey.h).  No curses here: keys come as struct wkey (keys.h) and the
 * screens draw buf from `scroll` themselves (le_layout, le_charwidth). */
#ifndef WS_LINEEDIT_H
#define WS_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "keys.h"
#include "vnkey.h"

struct lineedit {
	wchar_t *buf; size_t len, cap;  /* NFC text, NUL-terminated, never NULL */
	size_t maxlen;                  /* limit in characters (0 = none) */
	size_t cursor;                  /* 0..len */
	size_t scroll;                  /* first character shown */
	enum vnkey_method method;       /* built-in input method, VNKEY_OFF by default */
	bool modern_tone;
	struct vnkey ime;               /* keys of the word being composed */
	size_t ime_len;                 /* characters of that word before the cursor */
	bool changed;                   /* set when the text changes */
	bool fresh;                     /* the text was given (le_set_text) and
					 * not edited or moved into yet: a typed
					 * character replaces all of it */
	/* Internal: where the composed word ends and what it reads, to notice
	 * that the cursor or the text moved under it. */
	size_t ime_end;
	wchar_t ime_word[VNKEY_MAX_KEYS + 1];
};

/* What le_key did with a key. */
enum le_result {
	LE_UNHANDLED = 0,       /* not an editing key: the caller's (Enter, Tab...) */
	LE_MOVED,               /* handled, text unchanged (the cursor may have moved) */
	LE_CHANGED,             /* the text changed */
	LE_REFUSED              /* a character that does not fit (length limit) */
};

/* An empty editor; maxlen is the limit in characters (0 = none). */
void le_init(struct lineedit *e, size_t maxlen);
/* Frees the buffer (the editor may be initialized again). */
void le_free(struct lineedit *e);
/* Replaces the text (UTF-8, NFC-normalized here; invalid bytes become
 * U+FFFD); cursor at the end, scroll 0, IME word and `changed` reset.  A
 * text longer than maxlen is kept whole: only insertions are refused.  A
 * non-empty text is `fresh`: the first character typed replaces it, as in
 * readline's pre-filled prompts and a spreadsheet's cells, unless a key
 * moved the cursor or edited it first. */
void le_set_text(struct lineedit *e, const char *utf8);
/* The text as a new NFC UTF-8 string (caller frees). */
char *le_text(const struct lineedit *e);
/* Chooses the built-in input method (VNKEY_OFF for none) and tone style. */
void le_set_method(struct lineedit *e, enum vnkey_method m, bool modern_tone);
/* Handles one key (see lineedit.c for the keys). */
enum le_result le_key(struct lineedit *e, struct wkey k);
/* Computes e->scroll so that the cursor is visible in a field `width`
 * columns wide and returns the cursor column relative to the field start. */
int le_layout(struct lineedit *e, int width);
/* Columns a character of the buffer takes on screen (0 for combining
 * marks, 2 for wide CJK, 1 for anything unprintable); the drawing code
 * uses the same widths as le_layout. */
int le_charwidth(wchar_t c);

#endif
