/* SPDX-License-Identifier: GPL-3.0-or-later */
/* textedit.c - the multi-line editor: paragraphs of line editors, wrapped
 * for display (see textedit.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "textedit.h"
#include "util.h"

/* A paragraph editor as every field's: the same input method, and never
 * `fresh` (typing into a text that is there adds to it). */
static void para_init(struct textedit *t, struct lineedit *e, const char *utf8)
{
	le_init(e, 0);
	le_set_method(e, t->method, t->modern_tone);
	le_set_text(e, utf8);
	e->fresh = false;
	e->changed = false;
}

/* Inserts an empty slot for a paragraph at index i. */
static struct lineedit *para_insert(struct textedit *t, size_t i)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 4;
		t->para = xrealloc(t->para, t->cap * sizeof *t->para);
	}
	memmove(&t->para[i + 1], &t->para[i], (t->n - i) * sizeof *t->para);
	t->n++;
	return &t->para[i];
}

static void para_remove(struct textedit *t, size_t i)
{
	le_free(&t->para[i]);
	memmove(&t->para[i], &t->para[i + 1], (t->n - i - 1) * sizeof *t->para);
	t->n--;
}

/* Moves the cursor of paragraph i to pos, ending the word being composed. */
static void para_move(struct textedit *t, size_t i, size_t pos)
{
	struct lineedit *e = &t->para[i];
	t->cur = i;
	e->cursor = pos > e->len ? e->len : pos;
	vnkey_reset(&e->ime);
	e->ime_len = 0;
	e->fresh = false;
}

void te_init(struct textedit *t, size_t maxlen)
{
	memset(t, 0, sizeof *t);
	t->maxlen = maxlen;
	para_init(t, para_insert(t, 0), "");
}

void te_free(struct textedit *t)
{
	for (size_t i = 0; i < t->n; i++)
		le_free(&t->para[i]);
	free(t->para);
	memset(t, 0, sizeof *t);
}

void te_set_text(struct textedit *t, const char *utf8)
{
	size_t maxlen = t->maxlen;
	enum vnkey_method m = t->method;
	bool modern = t->modern_tone;
	for (size_t i = 0; i < t->n; i++)
		le_free(&t->para[i]);
	t->n = 0;
	t->maxlen = maxlen;
	t->method = m;
	t->modern_tone = modern;
	const char *p = utf8 ? utf8 : "";
	for (;;) {
		size_t len = strcspn(p, "\r\n");
		char *line = xstrndup(p, len);
		para_init(t, para_insert(t, t->n), line);
		free(line);
		p += len;
		if (!*p)
			break;
		p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
	}
	t->cur = t->n - 1;
	t->top = 0;
	t->changed = false;
}

char *te_text(const struct textedit *t)
{
	struct strbuf sb = STRBUF_INIT;
	sb_puts(&sb, "");
	for (size_t i = 0; i < t->n; i++) {
		char *s = le_text(&t->para[i]);
		sb_printf(&sb, "%s%s", i ? "\n" : "", s);
		free(s);
	}
	return sb_steal(&sb);
}

size_t te_length(const struct textedit *t)
{
	size_t n = t->n - 1;
	for (size_t i = 0; i < t->n; i++)
		n += t->para[i].len;
	return n;
}

void te_set_method(struct textedit *t, enum vnkey_method m, bool modern_tone)
{
	t->method = m;
	t->modern_tone = modern_tone;
	for (size_t i = 0; i < t->n; i++)
		le_set_method(&t->para[i], m, modern_tone);
}

/* Appends the wrapped lines of paragraph i to *v. */
static void wrap_para(const struct textedit *t, size_t i, int width, struct te_line **v, size_t *n, size_t *cap)
{
	const struct lineedit *e = &t->para[i];
	if (width < 1)
		width = 1;
	size_t start = 0;
	for (;;) {
		int col = 0;
		size_t j = start, space = 0;
		bool have_space = false;
		while (j < e->len) {
			int w = le_charwidth(e->buf[j]);
			if (col + w > width && j > start)
				break;
			col += w;
			if (e->buf[j] == L' ') {
				space = j;
				have_space = true;
			}
			j++;
		}
		size_t end = j;
		if (j < e->len && e->buf[j] != L' ' && have_space)
			end = space + 1; /* the word that does not fit goes down whole */
		else if (j < e->len && e->buf[j] == L' ')
			end = j + 1;     /* the space at the break stays on this line */
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 16;
			*v = xrealloc(*v, *cap * sizeof **v);
		}
		(*v)[(*n)++] = (struct te_line){ i, start, end };
		if (end >= e->len)
			break;
		start = end;
	}
}

size_t te_wrap(const struct textedit *t, int width, struct te_line **lines)
{
	struct te_line *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < t->n; i++)
		wrap_para(t, i, width, &v, &n, &cap);
	*lines = v;
	return n;
}

/* The line of the cursor among lines[0..n). */
static size_t cursor_line(const struct textedit *t, const struct te_line *lines, size_t n)
{
	size_t pos = t->para[t->cur].cursor;
	for (size_t l = 0; l < n; l++) {
		if (lines[l].para != t->cur)
			continue;
		bool last = l + 1 == n || lines[l + 1].para != t->cur;
		if (pos < lines[l].end || last)
			return l;
	}
	return 0;
}

static int columns(const struct lineedit *e, size_t from, size_t to)
{
	int c = 0;
	for (size_t i = from; i < to && i < e->len; i++)
		c += le_charwidth(e->buf[i]);
	return c;
}

void te_cursor(const struct textedit *t, int width, size_t *line, int *col)
{
	struct te_line *lines;
	size_t n = te_wrap(t, width, &lines);
	size_t l = cursor_line(t, lines, n);
	*line = l;
	*col = columns(&t->para[t->cur], lines[l].start, t->para[t->cur].cursor);
	free(lines);
}

void te_scroll(struct textedit *t, int width, int height)
{
	size_t line;
	int col;
	te_cursor(t, width, &line, &col);
	if (height < 1)
		height = 1;
	if (line < t->top)
		t->top = line;
	else if (line >= t->top + (size_t)height)
		t->top = line - (size_t)height + 1;
}

/* Up (dir -1) or Down (+1) by one wrapped line, keeping the column. */
static enum le_result move_line(struct textedit *t, int width, int dir)
{
	struct te_line *lines;
	size_t n = te_wrap(t, width, &lines);
	size_t l = cursor_line(t, lines, n);
	int col = columns(&t->para[t->cur], lines[l].start, t->para[t->cur].cursor);
	if ((dir < 0 && l == 0) || (dir > 0 && l + 1 >= n)) {
		/* on the first or last line: to the start or the end */
		para_move(t, t->cur, dir < 0 ? 0 : t->para[t->cur].len);
		free(lines);
		return LE_MOVED;
	}
	const struct te_line *to = &lines[dir < 0 ? l - 1 : l + 1];
	const struct lineedit *e = &t->para[to->para];
	bool last = to == &lines[n - 1] || to[1].para != to->para;
	size_t limit = last ? to->end : (to->end > to->start ? to->end - 1 : to->end);
	size_t pos = to->start;
	int c = 0;
	while (pos < limit && c + le_charwidth(e->buf[pos]) <= col)
		c += le_charwidth(e->buf[pos++]);
	para_move(t, to->para, pos);
	free(lines);
	return LE_MOVED;
}

/* Enter: the text after the cursor becomes a new paragraph. */
static enum le_result split(struct textedit *t)
{
	if (t->maxlen && te_length(t) >= t->maxlen)
		return LE_REFUSED;
	struct lineedit *e = &t->para[t->cur];
	char *all = le_text(e);
	/* the cursor counts wide characters: cut the wide buffer itself */
	size_t len = e->len;
	e->len = e->cursor;
	char *head = le_text(e);
	e->len = len;
	char *tail = xstrdup(all + strlen(head));
	le_set_text(e, head);
	e->fresh = false;
	para_init(t, para_insert(t, t->cur + 1), tail);
	para_move(t, t->cur + 1, 0);
	free(all);
	free(head);
	free(tail);
	t->changed = true;
	return LE_CHANGED;
}

/* Joins paragraph i + 1 to paragraph i, the cursor where they meet. */
static enum le_result join(struct textedit *t, size_t i)
{
	char *a = le_text(&t->para[i]), *b = le_text(&t->para[i + 1]);
	size_t at = t->para[i].len;
	char *both = xasprintf("%s%s", a, b);
	le_set_text(&t->para[i], both);
	para_remove(t, i + 1);
	para_move(t, i, at);
	free(a);
	free(b);
	free(both);
	t->changed = true;
	return LE_CHANGED;
}

enum le_result te_key(struct textedit *t, struct wkey k, int width)
{
	struct lineedit *e = &t->para[t->cur];
	if (k.code == WK_CHAR && k.ch == WKEY_CTRL('h'))
		k.code = WK_BACKSPACE;
	if (k.code == WK_CHAR && k.ch == 0x7f)
		k.code = WK_BACKSPACE;
	switch (k.code) {
	case WK_ENTER:
		return split(t);
	case WK_UP:
		return move_line(t, width, -1);
	case WK_DOWN:
		return move_line(t, width, 1);
	case WK_LEFT:
		if (e->cursor == 0 && e->ime_len == 0 && t->cur > 0) {
			para_move(t, t->cur - 1, t->para[t->cur - 1].len);
			return LE_MOVED;
		}
		break;
	case WK_RIGHT:
		if (e->cursor == e->len && t->cur + 1 < t->n) {
			para_move(t, t->cur + 1, 0);
			return LE_MOVED;
		}
		break;
	case WK_BACKSPACE:
		if (e->cursor == 0 && t->cur > 0)
			return join(t, t->cur - 1);
		break;
	case WK_DELETE:
		if (e->cursor == e->len && t->cur + 1 < t->n)
			return join(t, t->cur);
		break;
	case WK_CHAR:
		if (k.ch >= 0x20 && t->maxlen && te_length(t) >= t->maxlen)
			return LE_REFUSED;
		break;
	default:
		break;
	}
	enum le_result r = le_key(e, k);
	if (r == LE_CHANGED)
		t->changed = true;
	return r;
}
