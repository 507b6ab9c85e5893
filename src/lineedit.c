/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lineedit.c - the single-line editor of the form fields (no curses).
 *
 * Text.  The buffer holds wide characters in NFC, so that every Vietnamese
 * letter is one character and one column.  A typed character is
 * normalized on its own (U+212B becomes Å, Icelandic Ð becomes Đ as in
 * text_nfc); a combining mark (Mn, Mc, Me, or wcwidth 0: Hangul vowel and
 * final jamo, zero-width joiners) is normalized together with the cluster
 * before the cursor (its base and the marks already on it, at most
 * MARK_WINDOW of them), so decomposed input ("a" U+0300, "o" U+0302
 * U+0301, as some Mac and Unikey settings send it) ends up as "à" and
 * "ố".  A mark with nothing before it (cursor at 0) is refused.  Only that
 * small window is normalized and the rest moves with one wmemmove, so a
 * long paste (one key per character) stays linear.
 *
 * Positions.  The cursor stays on cluster boundaries: Left, Right and
 * Delete step over a base character with its marks (only marks that found
 * nothing to compose with remain separate, "x" U+0301).  Backspace removes
 * one character, so on such a cluster it removes the last mark first; on
 * NFC Vietnamese it removes the whole letter, which is what outside input
 * methods (ibus-unikey, fcitx) expect when they send Backspaces and then
 * the corrected letter.  Words, for Ctrl-Left/Right/W, are runs of
 * letters and digits (iswalnum, or a Unicode letter or number), marks
 * belonging to their base; Ctrl-Right goes to the end of the next word
 * (readline, GTK), Ctrl-Left and Ctrl-W to the start of the previous one.
 *
 * Limit.  maxlen counts characters of the NFC text, as SQLite's length()
 * does.  An insertion that would make the text longer than maxlen is
 * refused; a change that does not lengthen it (a mark composing into the
 * previous letter, "aa" becoming "â") is always accepted, even over the
 * limit (a longer text given to le_set_text is kept whole, never cut).
 *
 * Built-in input method.  For methods other than VNKEY_OFF, a word key
 * (vnkey_is_word_key) goes to e->ime and the ime_len characters of the
 * word before the cursor are replaced by the newly composed word.  The
 * editor remembers where the word ends and what it reads (ime_end,
 * ime_word): if the cursor or the text moved under it, the next key starts
 * a new word.  Any other key ends the word first (except WK_RESIZE, which
 * is not the user's doing); Backspace inside the word drops its last key
 * instead ("hoaf" Backspace gives "hoa").  A word is never picked up again
 * from text already there: after moving back into "Viet", "j" starts a new
 * word.
 *
 * Scrolling.  le_layout keeps `scroll` where it is while the cursor is
 * visible, moves it just enough when it is not, and pulls it back when the
 * end of the text leaves room, so the field is never half empty with text
 * hidden on the left.  Each call looks at about `width` columns of text.
 *
 * Pre-filled text.  Text given by le_set_text is `fresh` until a key
 * edits it or moves the cursor: the first character typed then (a word
 * key of the input method too) replaces the whole text.  A combining mark
 * is not a new character: it composes with the last letter and keeps the
 * text.  Any other key the editor handles (Left, Right, Home, End,
 * Backspace, Delete, Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-K, Ctrl-W...) acts as
 * usual and ends the fresh state, so typing after it inserts.  Keys the editor leaves to its caller (Enter,
 * Tab, F-keys) and resizes keep it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>
#include <wctype.h>

#include "lineedit.h"
#include "text.h"
#include "util.h"

/* The most combining marks looked back over when composing a new one
 * (Unicode's stream-safe limit is 30). */
#define MARK_WINDOW 32

/* Room for the composing window and its NFC (which can triple it). */
#define WINDOW_IN (MARK_WINDOW + 2)
#define WINDOW_OUT (3 * WINDOW_IN + 1)

/* True if c is a Unicode scalar value (no surrogate, not too large). */
static bool valid_char(wchar_t c)
{
	return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

/* True if c attaches to the character before it: a combining mark or a
 * zero-width character. */
static bool is_combining(wchar_t c)
{
	if (c < 0x300 || !valid_char(c))
		return false;
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);
	if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME)
		return true;
	return wcwidth(c) == 0;
}

/* True if c belongs to a word (a letter or digit, or a mark on one). */
static bool is_word(wchar_t c)
{
	if (iswalnum((wint_t)c) || is_combining(c))
		return true;
	if (!valid_char(c) || c < 0x80)
		return false;
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

/* True if a typed character may go into the text: no control characters
 * (C1), line or paragraph separators, surrogates or non-characters. */
static bool insertable(wchar_t c)
{
	if (c < 0x20 || c == 0x7f || !valid_char(c))
		return false;
	if (c < 0x80)
		return true;
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CS:
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return false;
	default:
		return true;
	}
}

int le_charwidth(wchar_t c)
{
	if (c >= 0x20 && c < 0x7f)
		return 1;
	int w = wcwidth(c);
	if (w >= 0)
		return w;
	return is_combining(c) ? 0 : 1;
}

/* Appends the UTF-8 form of n wide characters to sb. */
static void put_utf8(struct strbuf *sb, const wchar_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		utf8proc_uint8_t u[4];
		utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)s[i], u);
		sb_add(sb, (const char *)u, (size_t)k);
	}
}

/* Decodes valid UTF-8 into out (if not NULL); returns the number of
 * characters. */
static size_t utf8_to_wide(const char *s, wchar_t *out)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
	size_t n = 0;
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0)
			break;
		if (out)
			out[n] = (wchar_t)cp;
		n++;
		p += k;
		left -= k;
	}
	return n;
}

/* NFC of n characters (valid ones) into out, which has room for cap
 * characters and a NUL; returns the count, or SIZE_MAX if it fails. */
static size_t nfc_chars(const wchar_t *in, size_t n, wchar_t *out, size_t cap)
{
	struct strbuf sb = STRBUF_INIT;
	put_utf8(&sb, in, n);
	char *nfc = sb.buf ? text_nfc(sb.buf) : xstrdup("");
	sb_free(&sb);
	if (!nfc)
		return SIZE_MAX;
	size_t m = utf8_to_wide(nfc, NULL);
	if (m >= cap) {
		free(nfc);
		return SIZE_MAX;
	}
	utf8_to_wide(nfc, out);
	out[m] = L'\0';
	free(nfc);
	return m;
}

/* Makes room for n characters and the NUL. */
static void reserve(struct lineedit *e, size_t n)
{
	if (n < e->cap)
		return;
	size_t cap = e->cap ? e->cap : 16;
	while (cap <= n)
		cap *= 2;
	e->buf = xrealloc(e->buf, cap * sizeof *e->buf);
	e->cap = cap;
}

/* Replaces buf[from, to) with the n characters of s (not inside buf). */
static void replace(struct lineedit *e, size_t from, size_t to, const wchar_t *s, size_t n)
{
	size_t tail = e->len - to;
	reserve(e, e->len - (to - from) + n);
	wmemmove(e->buf + from + n, e->buf + to, tail + 1);
	if (n)
		wmemcpy(e->buf + from, s, n);
	e->len = from + n + tail;
	e->changed = true;
}

/* True if a change making the text newlen characters long is over the
 * limit (changes that do not lengthen the text always pass). */
static bool too_long(const struct lineedit *e, size_t newlen)
{
	return e->maxlen && newlen > e->maxlen && newlen > e->len;
}

/* Start of the cluster (a base and its marks) that ends at p. */
static size_t cluster_start(const struct lineedit *e, size_t p)
{
	if (p == 0)
		return 0;
	p--;
	while (p > 0 && is_combining(e->buf[p]))
		p--;
	return p;
}

/* End of the cluster that starts at p. */
static size_t cluster_end(const struct lineedit *e, size_t p)
{
	if (p >= e->len)
		return e->len;
	p++;
	while (p < e->len && is_combining(e->buf[p]))
		p++;
	return p;
}

/* Start of the word before p (after skipping what is not a word). */
static size_t word_start(const struct lineedit *e, size_t p)
{
	while (p > 0 && !is_word(e->buf[p - 1]))
		p--;
	while (p > 0 && is_word(e->buf[p - 1]))
		p--;
	while (p > 0 && p < e->len && is_combining(e->buf[p]))
		p--;    /* a mark on punctuation: keep it with its base */
	return p;
}

/* End of the word after p (after skipping what is not a word). */
static size_t word_end(const struct lineedit *e, size_t p)
{
	while (p < e->len && !is_word(e->buf[p]))
		p++;
	while (p < e->len && is_word(e->buf[p]))
		p++;
	return p;
}

/* Inserts a typed character at the cursor; a combining mark is composed
 * with the cluster before the cursor. */
static enum le_result insert_char(struct lineedit *e, wchar_t c)
{
	wchar_t in[WINDOW_IN], out[WINDOW_OUT];
	size_t from = e->cursor, n = 0, m;

	if (!insertable(c))
		return LE_REFUSED;
	if (c < 0x80) {         /* ASCII: already NFC, composes with nothing */
		if (too_long(e, e->len + 1))
			return LE_REFUSED;
		replace(e, from, from, &c, 1);
		e->cursor++;
		return LE_CHANGED;
	}
	if (is_combining(c)) {
		if (from == 0)
			return LE_REFUSED;
		while (from > 0 && e->cursor - from < MARK_WINDOW && is_combining(e->buf[from - 1]))
			from--;
		if (from > 0 && !is_combining(e->buf[from - 1]))
			from--;
		n = e->cursor - from;
		wmemcpy(in, e->buf + from, n);
	}
	in[n++] = c;
	m = nfc_chars(in, n, out, WINDOW_OUT - 1);
	if (m == SIZE_MAX)
		return LE_REFUSED;
	if (too_long(e, e->len - (e->cursor - from) + m))
		return LE_REFUSED;
	replace(e, from, e->cursor, out, m);
	e->cursor = from + m;
	return LE_CHANGED;
}

/* Deletes buf[from, to) and puts the cursor at from. */
static enum le_result delete_range(struct lineedit *e, size_t from, size_t to)
{
	if (from >= to)
		return LE_MOVED;
	replace(e, from, to, NULL, 0);
	e->cursor = from;
	return LE_CHANGED;
}

/* Forgets the word being composed. */
static void ime_reset(struct lineedit *e)
{
	vnkey_reset(&e->ime);
	e->ime_len = 0;
}

/* True if a composed word ends at the cursor, as it was composed;
 * otherwise forgets it.  (A plain loop: valgrind reports glibc's vector
 * wmemcmp reading past the buffer.) */
static bool ime_live(struct lineedit *e)
{
	if (e->ime.nkeys > 0 && e->ime_len > 0 && e->ime_len <= VNKEY_MAX_KEYS
	    && e->ime_end == e->cursor && e->ime_len <= e->cursor && e->cursor <= e->len) {
		const wchar_t *w = e->buf + e->cursor - e->ime_len;
		size_t i = 0;
		while (i < e->ime_len && w[i] == e->ime_word[i])
			i++;
		if (i == e->ime_len)
			return true;
	}
	ime_reset(e);
	return false;
}

/* Shows the composed word w (n characters) in place of the previous one. */
static void ime_show(struct lineedit *e, const wchar_t *w, size_t n)
{
	size_t from = e->cursor - e->ime_len;
	replace(e, from, e->cursor, w, n);
	e->cursor = from + n;
	e->ime_len = n;
	e->ime_end = e->cursor;
	wmemcpy(e->ime_word, w, n);
}

/* A word key for the built-in input method. */
static enum le_result ime_type(struct lineedit *e, wchar_t c)
{
	wchar_t w[VNKEY_MAX_KEYS + 1];

	ime_live(e);
	size_t n = vnkey_feed(&e->ime, c, w, VNKEY_MAX_KEYS + 1);
	if (n == 0) {           /* the word is too long to follow: plain text */
		ime_reset(e);
		return insert_char(e, c);
	}
	if (too_long(e, e->len - e->ime_len + n)) {
		vnkey_backspace(&e->ime, w, VNKEY_MAX_KEYS + 1);
		return LE_REFUSED;
	}
	ime_show(e, w, n);
	return LE_CHANGED;
}

/* Backspace inside a composed word: drops its last key.  False if that
 * cannot be done (the caller then deletes a character). */
static bool ime_backspace(struct lineedit *e)
{
	wchar_t w[VNKEY_MAX_KEYS + 1];

	if (!ime_live(e))
		return false;
	size_t n = vnkey_backspace(&e->ime, w, VNKEY_MAX_KEYS + 1);
	if (too_long(e, e->len - e->ime_len + n)) {
		ime_reset(e);
		return false;
	}
	ime_show(e, w, n);
	if (n == 0)
		ime_reset(e);
	return true;
}

/* Handles a key once the composed word is settled. */
static enum le_result plain_key(struct lineedit *e, struct wkey k)
{
	wchar_t c = k.ch;

	if (k.code == WK_CHAR) {
		if (c >= 0x20 && c != 0x7f)
			return insert_char(e, c);
		switch (c) {
		case WKEY_CTRL('a'): k.code = WK_HOME; break;
		case WKEY_CTRL('e'): k.code = WK_END; break;
		case WKEY_CTRL('d'): k.code = WK_DELETE; break;
		case WKEY_CTRL('h'): case 0x7f: k.code = WK_BACKSPACE; break;
		case WKEY_CTRL('k'):
			return delete_range(e, e->cursor, e->len);
		case WKEY_CTRL('u'):
			return delete_range(e, 0, e->cursor);
		case WKEY_CTRL('w'):
			return delete_range(e, word_start(e, e->cursor), e->cursor);
		default:
			return LE_UNHANDLED;
		}
	}
	switch (k.code) {
	case WK_LEFT:
		e->cursor = cluster_start(e, e->cursor);
		return LE_MOVED;
	case WK_RIGHT:
		e->cursor = cluster_end(e, e->cursor);
		return LE_MOVED;
	case WK_CTRL_LEFT:
		e->cursor = word_start(e, e->cursor);
		return LE_MOVED;
	case WK_CTRL_RIGHT:
		e->cursor = word_end(e, e->cursor);
		return LE_MOVED;
	case WK_HOME:
		e->cursor = 0;
		return LE_MOVED;
	case WK_END:
		e->cursor = e->len;
		return LE_MOVED;
	case WK_BACKSPACE:
		return e->cursor > 0 ? delete_range(e, e->cursor - 1, e->cursor) : LE_MOVED;
	case WK_DELETE:
		return delete_range(e, e->cursor, cluster_end(e, e->cursor));
	default:
		return LE_UNHANDLED;
	}
}

/* True if plain_key acts on k (an editing or moving key), false for the
 * keys it leaves to the caller. */
static bool plain_handles(struct wkey k)
{
	if (k.code == WK_CHAR)
		return k.ch >= 0x20 || k.ch == WKEY_CTRL('a') || k.ch == WKEY_CTRL('e') || k.ch == WKEY_CTRL('d') ||
		       k.ch == WKEY_CTRL('h') || k.ch == WKEY_CTRL('k') || k.ch == WKEY_CTRL('u') ||
		       k.ch == WKEY_CTRL('w');
	switch (k.code) {
	case WK_LEFT: case WK_RIGHT: case WK_CTRL_LEFT: case WK_CTRL_RIGHT: case WK_HOME: case WK_END:
	case WK_BACKSPACE: case WK_DELETE:
		return true;
	default:
		return false;
	}
}

void le_init(struct lineedit *e, size_t maxlen)
{
	memset(e, 0, sizeof *e);
	e->maxlen = maxlen;
	reserve(e, 0);
	e->buf[0] = L'\0';
	e->method = VNKEY_OFF;
	vnkey_init(&e->ime, VNKEY_OFF, false);
}

void le_free(struct lineedit *e)
{
	free(e->buf);
	e->buf = NULL;
	e->len = e->cap = e->cursor = e->scroll = 0;
	ime_reset(e);
}

void le_set_text(struct lineedit *e, const char *utf8)
{
	struct strbuf sb = STRBUF_INIT;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(utf8 ? utf8 : "");
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen((const char *)p);

	while (left > 0) {      /* invalid bytes become U+FFFD */
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
		if (k <= 0) {
			sb_puts(&sb, "\xEF\xBF\xBD");
			k = 1;
		} else {
			sb_add(&sb, (const char *)p, (size_t)k);
		}
		p += k;
		left -= k;
	}
	char *nfc = text_nfc(sb.buf ? sb.buf : "");
	sb_free(&sb);
	if (!nfc)
		nfc = xstrdup("");
	size_t n = utf8_to_wide(nfc, NULL);
	reserve(e, n);
	utf8_to_wide(nfc, e->buf);
	free(nfc);
	e->len = n;
	e->buf[n] = L'\0';
	e->cursor = n;
	e->scroll = 0;
	e->changed = false;
	e->fresh = n > 0;
	ime_reset(e);
}

char *le_text(const struct lineedit *e)
{
	struct strbuf sb = STRBUF_INIT;
	put_utf8(&sb, e->buf, e->len);
	char *s = sb_steal(&sb);
	char *nfc = text_nfc(s);
	if (!nfc)
		return s;
	free(s);
	return nfc;
}

void le_set_method(struct lineedit *e, enum vnkey_method m, bool modern_tone)
{
	e->method = m;
	e->modern_tone = modern_tone;
	vnkey_init(&e->ime, m, modern_tone);
	e->ime_len = 0;
}

enum le_result le_key(struct lineedit *e, struct wkey k)
{
	if (e->cursor > e->len)
		e->cursor = e->len;
	if (e->ime.method != e->method || e->ime.modern_tone != e->modern_tone)
		le_set_method(e, e->method, e->modern_tone);
	if (k.code == WK_NONE || k.code == WK_RESIZE)
		return LE_UNHANDLED;
	if (e->fresh) {
		bool typed = k.code == WK_CHAR && k.ch >= 0x20 && k.ch != 0x7f;
		if (typed && insertable(k.ch) && !is_combining(k.ch)) {
			ime_reset(e);
			delete_range(e, 0, e->len);
		}
		if (typed || plain_handles(k))
			e->fresh = false;
	}
	if (k.code == WK_CHAR && vnkey_is_word_key(e->method, k.ch))
		return ime_type(e, k.ch);
	if ((k.code == WK_BACKSPACE || (k.code == WK_CHAR && (k.ch == WKEY_CTRL('h') || k.ch == 0x7f)))
	    && ime_backspace(e))
		return LE_CHANGED;
	ime_reset(e);
	return plain_key(e, k);
}

int le_layout(struct lineedit *e, int width)
{
	const wchar_t *b = e->buf;

	if (e->cursor > e->len)
		e->cursor = e->len;
	if (e->scroll > e->cursor)
		e->scroll = e->cursor;
	if (width < 1) {
		e->scroll = e->cursor;
		return 0;
	}
	/* Pull back when the end of the text leaves room in the field. */
	int tail = 1;           /* the cell after the text */
	for (size_t i = e->scroll; i < e->len && tail <= width; i++)
		tail += le_charwidth(b[i]);
	while (e->scroll > 0 && tail + le_charwidth(b[e->scroll - 1]) <= width)
		tail += le_charwidth(b[--e->scroll]);
	/* Move forward when the cursor (and the character under it) is past
	 * the right edge. */
	int cell = e->cursor < e->len ? le_charwidth(b[e->cursor]) : 1;
	int avail = width - (cell < 1 ? 1 : cell), col = 0;
	size_t s = e->cursor;
	while (s > e->scroll && col + le_charwidth(b[s - 1]) <= avail)
		col += le_charwidth(b[--s]);
	if (s > e->scroll)
		e->scroll = s;
	/* Never start on a mark whose base is hidden. */
	while (e->scroll > 0 && e->scroll < e->cursor && is_combining(b[e->scroll]))
		e->scroll++;
	col = 0;
	for (size_t i = e->scroll; i < e->cursor; i++)
		col += le_charwidth(b[i]);
	return col;
}
