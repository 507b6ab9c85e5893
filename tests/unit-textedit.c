/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-textedit.c - the multi-line editor of the report's paragraphs:
 * typing, Enter splitting a paragraph, Backspace and Delete joining two,
 * Telex across paragraphs, wrapping at spaces (and inside a word too long
 * for the width), Up and Down by wrapped line, the cursor's place after a
 * change of width (a resize), the length limit and CR LF read as LF. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tap.h"
#include "../src/textedit.h"

static const char *txt(const struct textedit *t)
{
	static char bufs[8][1024];
	static int next;
	char *b = bufs[next++ % 8];
	char *s = te_text(t);
	snprintf(b, sizeof bufs[0], "%s", s);
	free(s);
	return b;
}

static enum le_result key(struct textedit *t, enum wkey_code code, int width)
{
	struct wkey k = { code, 0 };
	return te_key(t, k, width);
}

static void type(struct textedit *t, const char *s, int width)
{
	for (; *s; s++) {
		struct wkey k = { WK_CHAR, (wchar_t)(unsigned char)*s };
		te_key(t, k, width);
	}
}

/* The wrapped lines as "a|b|c" (paragraph text cut at the lines). */
static const char *wrapped(const struct textedit *t, int width)
{
	static char out[1024];
	struct te_line *l;
	size_t n = te_wrap(t, width, &l);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char piece[256];
		const struct lineedit *e = &t->para[l[i].para];
		size_t k = 0;
		for (size_t j = l[i].start; j < l[i].end && k + 4 < sizeof piece; j++)
			k += (size_t)wctomb(piece + k, e->buf[j]);
		piece[k] = '\0';
		strcat(out, i ? "|" : "");
		strcat(out, piece);
	}
	free(l);
	return out;
}

static void test_paragraphs(void)
{
	struct textedit t;
	te_init(&t, 0);
	is_str(txt(&t), "", "a new editor is empty");
	ok(!t.changed, "and not changed");
	type(&t, "abc", 40);
	ok(t.changed, "typing changes it");
	key(&t, WK_ENTER, 40);
	type(&t, "def", 40);
	is_str(txt(&t), "abc\ndef", "Enter starts a new paragraph");
	is_int((int)t.n, 2, "two paragraphs");
	key(&t, WK_LEFT, 40);
	key(&t, WK_LEFT, 40);
	key(&t, WK_ENTER, 40);
	is_str(txt(&t), "abc\nd\nef", "Enter inside a paragraph splits it at the cursor");
	is_int((int)t.cur, 2, "the cursor goes to the new paragraph");
	is_int((int)t.para[t.cur].cursor, 0, "at its start");
	key(&t, WK_BACKSPACE, 40);
	is_str(txt(&t), "abc\ndef", "Backspace at the start joins it to the one before");
	is_int((int)t.para[t.cur].cursor, 1, "the cursor where they met");
	key(&t, WK_HOME, 40);
	key(&t, WK_LEFT, 40);
	is_int((int)t.cur, 0, "Left at a paragraph's start goes to the one before");
	is_int((int)t.para[0].cursor, 3, "to its end");
	key(&t, WK_DELETE, 40);
	is_str(txt(&t), "abcdef", "Delete at the end joins the next");
	key(&t, WK_ENTER, 40);
	key(&t, WK_ENTER, 40);
	is_str(txt(&t), "abc\n\ndef", "an empty paragraph between two");
	te_set_text(&t, "một\r\nhai\nba");
	is_str(txt(&t), "một\nhai\nba", "te_set_text reads CR LF and LF");
	ok(!t.changed, "and clears changed");
	is_int((int)te_length(&t), 10, "ten characters, line breaks counted");
	type(&t, "x", 40);
	is_str(txt(&t), "một\nhai\nbax", "typing after te_set_text adds to the text (not `fresh`)");
	te_free(&t);
}

static void test_telex(void)
{
	struct textedit t;
	te_init(&t, 0);
	te_set_method(&t, VNKEY_TELEX, false);
	type(&t, "Tifnh hifnh", 40);
	key(&t, WK_ENTER, 40);
	type(&t, "Vieetj Nam", 40);
	is_str(txt(&t), "Tình hình\nViệt Nam", "Telex in both paragraphs");
	te_set_text(&t, "");
	te_set_method(&t, VNKEY_VNI, false);
	type(&t, "Vie65t", 40);
	is_str(txt(&t), "Việt", "VNI too");
	te_free(&t);
}

static void test_wrap(void)
{
	struct textedit t;
	te_init(&t, 0);
	te_set_text(&t, "aaa bbb ccc\n\ndddddddddd");
	is_str(wrapped(&t, 8), "aaa bbb |ccc||dddddddd|dd", "wrapped at spaces, a long word cut");
	is_str(wrapped(&t, 40), "aaa bbb ccc||dddddddddd", "wide enough: one line per paragraph");
	size_t line;
	int col;
	te_cursor(&t, 8, &line, &col);
	ok(line == 4 && col == 2, "the cursor at the end: line 4 column 2 at width 8 (%zu, %d)", line, col);
	te_cursor(&t, 40, &line, &col);
	ok(line == 2 && col == 10, "after a resize to 40: line 2 column 10 (%zu, %d)", line, col);
	key(&t, WK_UP, 8);
	te_cursor(&t, 8, &line, &col);
	ok(line == 3 && col == 2, "Up: the line above, same column (%zu, %d)", line, col);
	key(&t, WK_UP, 8);
	key(&t, WK_UP, 8);
	te_cursor(&t, 8, &line, &col);
	ok(line == 1 && col == 0 && t.cur == 0, "Up over the empty paragraph to ccc (%zu, %d)", line, col);
	key(&t, WK_UP, 8);
	te_cursor(&t, 8, &line, &col);
	ok(line == 0 && col == 0, "and to the first line (%zu, %d)", line, col);
	key(&t, WK_END, 8);
	is_int((int)t.cur, 0, "End: the end of the paragraph, on its second line");
	key(&t, WK_DOWN, 8);
	is_int((int)t.cur, 1, "Down: the empty paragraph");
	t.top = 0;
	te_scroll(&t, 8, 2);
	is_int((int)t.top, 1, "te_scroll shows the cursor's line among 2");
	te_free(&t);
}

static void test_limit(void)
{
	struct textedit t;
	te_init(&t, 5);
	type(&t, "abcd", 40);
	is_int(key(&t, WK_ENTER, 40), LE_CHANGED, "a line break counts: 5 of 5");
	struct wkey k = { WK_CHAR, L'e' };
	is_int(te_key(&t, k, 40), LE_REFUSED, "the sixth character is refused");
	is_int(key(&t, WK_ESC, 40), LE_UNHANDLED, "Esc is the caller's");
	is_int(key(&t, WK_TAB, 40), LE_UNHANDLED, "Tab is the caller's");
	te_free(&t);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_paragraphs();
	test_telex();
	test_wrap();
	test_limit();
	return done();
}
