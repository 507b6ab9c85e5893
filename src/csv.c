/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.c - CSV reading and writing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "settings.h"

void csv_reader_init(struct csv_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->line = 1;
	r->sep = ',';
	r->detect = true;
}

void csv_reader_free(struct csv_reader *r)
{
	sb_free(&r->field);
}

static void push_field(struct csv_reader *r, struct strlist *fields)
{
	sl_push(fields, xstrndup(r->field.buf ? r->field.buf : "", r->field.len));
	sb_reset(&r->field);
}

/* The next byte: one given back first, else from the file. */
static int next_byte(struct csv_reader *r)
{
	return r->nback ? r->back[--r->nback] : getc(r->f);
}

/* Gives a byte back; the last one given back is read first. */
static void give_back(struct csv_reader *r, int c)
{
	if (c != EOF && r->nback < (int)ARRAY_SIZE(r->back))
		r->back[r->nback++] = c;
}

int csv_next(struct csv_reader *r, struct strlist *fields, long *line)
{
	sl_free(fields);
	sb_reset(&r->field);
	int c;
	if (r->started)
		r->detect = false; /* the separator is the header's */
	if (!r->started) {
		r->started = true;
		/* Skip a UTF-8 byte-order mark; anything else is read as usual. */
		int a = next_byte(r), b = a == 0xEF ? next_byte(r) : EOF;
		int d = b == 0xBB ? next_byte(r) : EOF;
		if (!(a == 0xEF && b == 0xBB && d == 0xBF)) {
			give_back(r, d);
			give_back(r, b);
			give_back(r, a);
		}
	}
	*line = r->line;
	r->bad_line = 0;
	r->bad_field = 0;
	bool any = false;
	bool quoted = false, was_quoted = false;
	for (;;) {
		if (r->field.len > CSV_MAX_FIELD)
			return -2;
		c = next_byte(r);
		if (c == 0)
			return -3;
		if (c == EOF) {
			if (quoted) {
				push_field(r, fields);
				return -1;
			}
			if (!any && fields->n == 0)
				return 0;
			push_field(r, fields);
			return r->bad_line ? -4 : 1;
		}
		any = true;
		if (quoted) {
			if (c == '"') {
				int n = next_byte(r);
				if (n == '"') {
					sb_putc(&r->field, '"');
				} else {
					quoted = false;
					give_back(r, n);
				}
			} else {
				if (c == '\n')
					r->line++;
				sb_putc(&r->field, (char)c);
			}
			continue;
		}
		bool is_sep = c == r->sep || (r->detect && (c == ',' || c == ';' || c == '\t'));
		if (is_sep && r->detect) {
			r->sep = (char)c;
			r->detect = false;
		}
		if (c == '"' && r->field.len == 0 && !was_quoted) {
			quoted = was_quoted = true;
		} else if (!is_sep && c != '\r' && c != '\n' && (was_quoted || c == '"')) {
			/* RFC 4180: text after a closing quote ("ab"cd), or a quote in
			 * a field that does not start with one (ab"cd), is not CSV;
			 * the first such place of the record is reported (-4), and
			 * the rest of it is read as text to find where it ends. */
			if (!r->bad_line) {
				r->bad_line = r->line;
				r->bad_field = (int)fields->n + 1;
			}
			sb_putc(&r->field, (char)c);
		} else if (is_sep) {
			push_field(r, fields);
			was_quoted = false;
		} else if (c == '\r') {
			int n = next_byte(r);
			if (n != '\n')
				give_back(r, n);
			r->line++;
			push_field(r, fields);
			return r->bad_line ? -4 : 1;
		} else if (c == '\n') {
			r->line++;
			push_field(r, fields);
			return r->bad_line ? -4 : 1;
		} else {
			sb_putc(&r->field, (char)c);
		}
	}
}

void csv_write_field(struct strbuf *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		sb_puts(out, s);
		return;
	}
	sb_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_putc(out, '"');
		sb_putc(out, *s);
	}
	sb_putc(out, '"');
}

void csv_write_row(struct strbuf *out, const char *const *fields, int n, char sep)
{
	for (int i = 0; i < n; i++) {
		if (i)
			sb_putc(out, sep);
		if (sep == ',')
			csv_write_field(out, fields[i]);
		else if (fields[i])
			sb_puts(out, fields[i]);
	}
	sb_putc(out, '\n');
}

const struct csv_style csv_style_plain = { ',', '.', false };

bool csv_parse_sep(const char *s, char *sep)
{
	if (!strcmp(s, ",") || !strcmp(s, "comma"))
		*sep = ',';
	else if (!strcmp(s, ";") || !strcmp(s, "semicolon"))
		*sep = ';';
	else if (!strcmp(s, "tab") || !strcmp(s, "\t"))
		*sep = '\t';
	else
		return false;
	return true;
}

char csv_auto_decimal(char sep)
{
	return sep == ';' ? ',' : '.';
}

void csv_style_configured(struct csv_style *st)
{
	*st = csv_style_plain;
	csv_parse_sep(settings_str(CFG_CSV_SEPARATOR), &st->sep);
	const char *d = settings_str(CFG_CSV_DECIMAL);
	st->decimal = !strcmp(d, "comma") ? ',' : !strcmp(d, "point") ? '.' : csv_auto_decimal(st->sep);
	st->crlf = !strcmp(settings_str(CFG_CSV_LINE_END), "crlf");
}

bool csv_needs_quote_mark(const char *s)
{
	return s && s[0] && strchr("=+-@\t\r'", s[0]);
}

/* One field in style st: `text` (not NULL) as it is to appear. */
static void put_field(struct strbuf *out, const struct csv_style *st, const char *text)
{
	if (!strchr(text, st->sep) && !strpbrk(text, "\"\r\n")) {
		sb_puts(out, text);
		return;
	}
	sb_putc(out, '"');
	for (const char *s = text; *s; s++) {
		if (*s == '"')
			sb_putc(out, '"');
		sb_putc(out, *s);
	}
	sb_putc(out, '"');
}

void csv_put_row(struct strbuf *out, const struct csv_style *st, const char *const *fields,
		 const bool *number, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			sb_putc(out, st->sep);
		const char *v = fields[i] ? fields[i] : "";
		char *owned = NULL;
		if (number && number[i]) {
			if (st->decimal != '.' && strchr(v, '.')) {
				owned = xstrdup(v);
				for (char *p = owned; *p; p++)
					if (*p == '.')
						*p = st->decimal;
			}
		} else if (csv_needs_quote_mark(v)) {
			owned = xasprintf("'%s", v);
		}
		put_field(out, st, owned ? owned : v);
		free(owned);
	}
	sb_puts(out, st->crlf ? "\r\n" : "\n");
}
