/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c - UTF-8 validation, normalization and search keys (libutf8proc). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "text.h"
#include "util.h"

bool text_valid_utf8(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)len;
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
		if (n <= 0 || cp < 0)
			return false;
		p += n;
		left -= n;
	}
	return true;
}

/* Replaces U+00D0/U+00F0 (eth) with U+0110/U+0111 (đ), as Vietnamese text
 * never uses eth; returns a new string. */
static char *map_eth(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = s; *p; p++) {
		if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] == 0x90) {
			sb_add(&sb, "\xC4\x90", 2);
			p++;
		} else if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] == 0xB0) {
			sb_add(&sb, "\xC4\x91", 2);
			p++;
		} else {
			sb_putc(&sb, *p);
		}
	}
	return sb_steal(&sb);
}

char *text_nfc(const char *s)
{
	const char *a = s;
	while (*a && (unsigned char)*a < 0x80)
		a++;
	if (!*a)
		return xstrdup(s); /* ASCII is its own NFC (the common case of numbers and codes) */
	if (!text_valid_utf8(s, strlen(s)))
		return NULL;
	char *m = map_eth(s);
	utf8proc_uint8_t *out = utf8proc_NFC((const utf8proc_uint8_t *)m);
	free(m);
	if (!out)
		return NULL;
	char *r = xstrdup((const char *)out);
	free(out);
	return r;
}

char *text_search_key(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	char *m = map_eth(s);
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)m, 0, &out,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
		UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	free(m);
	if (n < 0)
		return xstrdup("");
	/* utf8proc leaves đ alone: fold it to d. */
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = (const char *)out; *p; p++) {
		if ((unsigned char)p[0] == 0xC4 && ((unsigned char)p[1] == 0x91 || (unsigned char)p[1] == 0x90)) {
			sb_putc(&sb, 'd');
			p++;
		} else {
			sb_putc(&sb, *p);
		}
	}
	free(out);
	return sb_steal(&sb);
}

size_t text_length(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

int text_width(const char *s)
{
	int w = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
		if (n <= 0)
			break;
		w += utf8proc_charwidth(cp);
		p += n;
		left -= n;
	}
	return w;
}

char *text_pad(const char *s, int width, bool right)
{
	int w = text_width(s);
	struct strbuf sb = STRBUF_INIT;
	if (right)
		for (int i = w; i < width; i++)
			sb_putc(&sb, ' ');
	sb_puts(&sb, s);
	if (!right)
		for (int i = w; i < width; i++)
			sb_putc(&sb, ' ');
	return sb_steal(&sb);
}

char *text_capitalize(const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (n <= 0)
		return xstrdup(s);
	utf8proc_uint8_t first[8];
	utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), first);
	return xasprintf("%.*s%s", (int)m, (const char *)first, s + n);
}

void text_wrap(const char *text, int width, struct strlist *out)
{
	const char *p = text;
	while (*p) {
		const char *line = p, *cut = NULL;
		int w = 0;
		while (*p) {
			if (*p == ' ')
				cut = p;
			int len = 1;
			while ((p[len] & 0xC0) == 0x80)
				len++;
			char ch[8] = { 0 };
			memcpy(ch, p, (size_t)len);
			if (w + text_width(ch) > width)
				break;
			w += text_width(ch);
			p += len;
		}
		if (*p && cut && cut > line) {
			sl_push(out, xstrndup(line, (size_t)(cut - line)));
			p = cut + 1;
		} else {
			sl_push(out, xstrndup(line, (size_t)(p - line)));
		}
	}
}

char *text_fit(const char *s, int width, bool right)
{
	/* Control characters are cut and counted as they will be shown. */
	if (!text_is_printable(s)) {
		char *shown = text_printable(s);
		char *r = text_fit(shown, width, right);
		free(shown);
		return r;
	}
	if (text_width(s) <= width)
		return text_pad(s, width, right);
	struct strbuf cut = STRBUF_INIT;
	int used = 0;
	for (const char *p = s; *p && used < width - 1;) {
		int len = 1;
		while ((p[len] & 0xC0) == 0x80)
			len++;
		char ch[8] = { 0 };
		memcpy(ch, p, (size_t)len);
		if (used + text_width(ch) > width - 1)
			break;
		used += text_width(ch);
		sb_add(&cut, p, (size_t)len);
		p += len;
	}
	sb_puts(&cut, "…");
	char *r = text_pad(cut.buf, width, right);
	sb_free(&cut);
	return r;
}

bool text_is_control(long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200e ||
	       cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

long text_find_control(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		if (*p < 0x80) {
			if (*p < 0x20 || *p == 0x7f)
				return *p;
			p++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0 || cp < 0)
			return -1; /* not UTF-8: the caller's own check says so */
		if (text_is_control(cp))
			return cp;
		p += n;
	}
	return -1;
}

long text_find_control_lines(const char *s)
{
	for (;;) {
		const char *nl = strchr(s, '\n');
		if (!nl)
			return text_find_control(s);
		char *line = xstrndup(s, (size_t)(nl - s));
		long cc = text_find_control(line);
		free(line);
		if (cc >= 0)
			return cc;
		s = nl + 1;
	}
}

char *text_normalize_lines(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	sb_puts(&sb, "");
	for (const char *p = s; *p; p++) {
		if (*p == '\r') {
			if (p[1] == '\n')
				p++;
			sb_putc(&sb, '\n');
		} else
			sb_putc(&sb, *p);
	}
	/* trailing blanks of each line */
	char *o = sb.buf;
	size_t w = 0, line_end = 0;
	for (size_t r = 0; r <= sb.len; r++) {
		char c = sb.buf[r];
		if (c == '\n' || c == '\0') {
			w = line_end;
			o[w++] = c;
			line_end = w;
			if (!c)
				break;
		} else {
			o[w++] = c;
			if (c != ' ' && c != '\t')
				line_end = w;
		}
	}
	/* blank lines at the start and the end */
	size_t len = strlen(o);
	while (len && o[len - 1] == '\n')
		o[--len] = '\0';
	size_t start = 0;
	while (o[start] == '\n')
		start++;
	char *r = xstrdup(o + start);
	sb_free(&sb);
	return r;
}

void text_sb_printable(struct strbuf *out, const char *s, size_t len, unsigned flags)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s, *end = p + len;
	while (p < end) {
		const utf8proc_uint8_t *run = p;
		/* Plain ASCII goes through in runs: the common case costs one pass. */
		while (p < end && *p >= 0x20 && *p < 0x7f)
			p++;
		if (p > run)
			sb_add(out, (const char *)run, (size_t)(p - run));
		if (p == end)
			break;
		if (*p < 0x80) {
			if ((*p == '\n' || *p == '\t') && (flags & TEXT_KEEP_LINES))
				sb_putc(out, (char)*p);
			else if (flags & TEXT_JSON)
				sb_printf(out, "\\u%04x", *p);
			else
				sb_printf(out, "\\x%02x", *p);
			p++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
		if (n <= 0 || cp < 0) {
			/* a byte that is not UTF-8 */
			if (flags & TEXT_JSON)
				sb_puts(out, "\\ufffd");
			else
				sb_printf(out, "\\x%02x", *p);
			p++;
		} else {
			if (text_is_control(cp))
				sb_printf(out, "\\u%04x", (unsigned)cp);
			else
				sb_add(out, (const char *)p, (size_t)n);
			p += n;
		}
	}
}

/* True if s[0..len) needs no escaping under `flags`. */
static bool printable_already(const char *s, size_t len, unsigned flags)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80)
			return false; /* left to the full scan */
		if ((c < 0x20 || c == 0x7f) && !((flags & TEXT_KEEP_LINES) && (c == '\n' || c == '\t')))
			return false;
	}
	return true;
}

char *text_printable_n(const char *s, size_t len, unsigned flags)
{
	if (printable_already(s, len, flags))
		return xstrndup(s, len);
	struct strbuf sb = STRBUF_INIT;
	text_sb_printable(&sb, s, len, flags);
	return sb_steal(&sb);
}

char *text_printable(const char *s)
{
	return text_printable_n(s ? s : "", s ? strlen(s) : 0, 0);
}

char *text_printable_capped(const char *s, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	sb_puts(&sb, "");
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t shown = 0;
	while (*p) {
		/* One code point (or one byte that is not UTF-8) at a time,
		 * escaped whole: neither a UTF-8 sequence nor an escape like
		 * \x1b is ever cut. */
		size_t n = 1;
		if (*p >= 0xC0) {
			size_t want = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
			while (n < want && (p[n] & 0xC0) == 0x80)
				n++;
			if (n < want)
				n = 1;
		}
		size_t before = sb.len;
		text_sb_printable(&sb, (const char *)p, n, 0);
		size_t chars = text_length(sb.buf + before);
		if (shown + chars > max) {
			sb.len = before;
			sb.buf[before] = '\0';
			sb_puts(&sb, "…");
			break;
		}
		shown += chars;
		p += n;
	}
	return sb_steal(&sb);
}

bool text_is_printable(const char *s)
{
	return text_find_control(s) < 0 && text_valid_utf8(s, strlen(s));
}
