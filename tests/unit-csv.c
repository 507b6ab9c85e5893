/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-csv.c - the RFC 4180 reader (fields, quoting, line numbers, BOM,
 * CRLF) and writer (quoting only where needed), and a round trip. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../src/csv.h"
#include "../src/i18n.h"
#include "../src/util.h"

/* Text with CR, LF and TAB made visible, for test names and diagnostics
 * (TAP is line based).  Four rotating buffers. */
static const char *esc(const char *s)
{
	static char bufs[4][256];
	static int next;
	char *b = bufs[next++ % 4], *o = b;
	if (!s)
		return "(null)";
	for (; *s && o < b + sizeof bufs[0] - 3; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			*o++ = '\\';
			*o++ = *s == '\n' ? 'n' : *s == '\r' ? 'r' : 't';
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return b;
}

/* One expected record: its start line and fields (NULL-terminated). */
struct rec {
	long line;
	const char *f[8];
};

static int nfields(const struct rec *r)
{
	int n = 0;
	while (n < 8 && r->f[n])
		n++;
	return n;
}

/* Reads `len` bytes of `text` and checks every record against `want`, then
 * that the reader reports the end (twice, to be sure it stays there). */
static void reads(const char *name, const char *text, size_t len, const struct rec *want, int nrec)
{
	FILE *f = fmemopen((void *)text, len, "r");
	if (!f) {
		ok(0, "%s: fmemopen", name);
		return;
	}
	struct csv_reader r;
	struct strlist fields = STRLIST_INIT;
	csv_reader_init(&r, f);
	for (int i = 0; i < nrec; i++) {
		long line = -1;
		int rc = csv_next(&r, &fields, &line);
		is_int(rc, 1, "%s: record %d read", name, i + 1);
		is_int(line, want[i].line, "%s: record %d starts on line %ld", name, i + 1, want[i].line);
		int n = nfields(&want[i]);
		is_int(fields.n, n, "%s: record %d has %d fields", name, i + 1, n);
		int bad = -1;
		for (int k = 0; k < n && k < (int)fields.n; k++)
			if (strcmp(fields.items[k], want[i].f[k]) != 0) {
				bad = k;
				break;
			}
		ok(bad < 0, "%s: record %d fields are exact", name, i + 1);
		if (bad >= 0)
			printf("#   field %d: got '%s', want '%s'\n", bad + 1, esc(fields.items[bad]),
			       esc(want[i].f[bad]));
	}
	long line = -1;
	is_int(csv_next(&r, &fields, &line), 0, "%s: end after %d records", name, nrec);
	is_int(fields.n, 0, "%s: no fields at the end", name);
	is_int(csv_next(&r, &fields, &line), 0, "%s: still at the end", name);
	sl_free(&fields);
	csv_reader_free(&r);
	fclose(f);
}

#define READS(name, text, ...) do { \
	static const struct rec w_[] = { __VA_ARGS__ }; \
	reads(name, text, sizeof(text) - 1, w_, (int)ARRAY_SIZE(w_)); \
} while (0)

static char *write_field(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	csv_write_field(&sb, s);
	return sb_steal(&sb);
}

static void field_is(const char *in, const char *want)
{
	char *got = write_field(in);
	ok(strcmp(got, want) == 0, "csv_write_field('%s') is '%s'", esc(in), esc(want));
	if (strcmp(got, want) != 0)
		printf("#   got '%s'\n", esc(got));
	free(got);
}

int main(void)
{
	i18n_init_locale();
	i18n_set_language("en");
	plan(242 + 5 * 6 + 11 + 4 * 11 + 5);

	/* ---- reading */
	READS("simple", "a,b,c\n1,2,3\n",
	      { 1, { "a", "b", "c" } }, { 2, { "1", "2", "3" } });
	READS("utf-8 text", "tổ,hộ\nTổ 9,181\n",
	      { 1, { "tổ", "hộ" } }, { 2, { "Tổ 9", "181" } });
	READS("quoted commas", "\"Lam Sơn, Thanh Hóa\",x\n",
	      { 1, { "Lam Sơn, Thanh Hóa", "x" } });
	READS("doubled quotes", "\"say \"\"hi\"\"\",\"\"\"\",\"\"\n",
	      { 1, { "say \"hi\"", "\"", "" } });
	READS("embedded newline", "id,note\n1,\"line one\nline two\"\n2,after\n",
	      { 1, { "id", "note" } }, { 2, { "1", "line one\nline two" } }, { 4, { "2", "after" } });
	READS("two embedded newlines", "\"a\n\nb\",c\nd\n",
	      { 1, { "a\n\nb", "c" } }, { 4, { "d" } });
	READS("embedded CRLF kept", "\"a\r\nb\",c\r\nd\r\n",
	      { 1, { "a\r\nb", "c" } }, { 3, { "d" } });
	READS("CRLF", "a,b\r\n1,2\r\n\r\n3,4\r\n",
	      { 1, { "a", "b" } }, { 2, { "1", "2" } }, { 3, { "" } }, { 4, { "3", "4" } });
	READS("no final newline", "a,b\n1,2",
	      { 1, { "a", "b" } }, { 2, { "1", "2" } });
	READS("no final newline, quoted", "a\n\"x,y\"",
	      { 1, { "a" } }, { 2, { "x,y" } });
	READS("no final newline, trailing comma", "a,",
	      { 1, { "a", "" } });
	READS("empty fields", ",,\na,,b\n,x\n\"\",\"\"\n",
	      { 1, { "", "", "" } }, { 2, { "a", "", "b" } }, { 3, { "", "x" } }, { 4, { "", "" } });
	READS("BOM", "\xEF\xBB\xBFid,name\n1,x\n",
	      { 1, { "id", "name" } }, { 2, { "1", "x" } });
	READS("BOM then quote", "\xEF\xBB\xBF\"a,b\",c\n",
	      { 1, { "a,b", "c" } });
	READS("blank lines", "a\n\nb\n\n",
	      { 1, { "a" } }, { 2, { "" } }, { 3, { "b" } }, { 4, { "" } });
	READS("blank first line", "\nx\n",
	      { 1, { "" } }, { 2, { "x" } });
	READS("spaces kept", " a , b \n",
	      { 1, { " a ", " b " } });
	READS("lone CR ends a line", "a\rb\n",
	      { 1, { "a" } }, { 2, { "b" } });
	READS("single field", "x\n",
	      { 1, { "x" } });
	reads("empty input", "", 0, NULL, 0);
	/* The separator is the header's first ',', ';' or TAB (issue 17). */
	READS("semicolon", "a;b\n1,5;\"x;y\"\n",
	      { 1, { "a", "b" } }, { 2, { "1,5", "x;y" } });
	READS("tab", "a\tb\n1,5\tc;d\n",
	      { 1, { "a", "b" } }, { 2, { "1,5", "c;d" } });
	READS("quoted semicolon header", "\"a\";\"b\"\r\n1;2\r\n",
	      { 1, { "a", "b" } }, { 2, { "1", "2" } });
	READS("a header of one column keeps ','", "a\n1;2\n",
	      { 1, { "a" } }, { 2, { "1;2" } });

	/* ---- an unterminated quote */
	{
		static const char text[] = "a,b\n\"open,field\nmore\n";
		FILE *f = fmemopen((void *)text, sizeof text - 1, "r");
		struct csv_reader r;
		struct strlist fields = STRLIST_INIT;
		long line = -1;
		csv_reader_init(&r, f);
		is_int(csv_next(&r, &fields, &line), 1, "unterminated: first record is fine");
		is_int(csv_next(&r, &fields, &line), -1, "unterminated quote returns -1");
		is_int(line, 2, "unterminated quote: reported on the line it started");
		is_int(csv_next(&r, &fields, &line), 0, "unterminated quote consumed the rest");
		sl_free(&fields);
		csv_reader_free(&r);
		fclose(f);
	}

	/* ---- a quote in the wrong place (-4), then the next record */
	{
		static const struct { const char *text; long line, bad_line; int bad_field; const char *why; } q[] = {
			{ "a,b\n1,\"ab\"cd\nnext,x\n", 2, 2, 2, "text after a closing quote" },
			{ "a,b\n1,ab\"cd\nnext,x\n", 2, 2, 2, "a quote inside an unquoted field" },
			{ "a,b\n\"x\" ,y\nnext,x\n", 2, 2, 1, "a space after a closing quote" },
			{ "a,b\n1,\"two\nlines\"z\nnext,x\n", 2, 3, 2, "after a quoted line end: the line of the quote" },
			{ "a,b\r\n\"\"x,y\r\nnext,x\r\n", 2, 2, 1, "text after an empty quoted field, CRLF" },
		};
		for (size_t i = 0; i < ARRAY_SIZE(q); i++) {
			FILE *f = fmemopen((void *)q[i].text, strlen(q[i].text), "r");
			struct csv_reader r;
			struct strlist fields = STRLIST_INIT;
			long line = -1;
			csv_reader_init(&r, f);
			csv_next(&r, &fields, &line);
			is_int(csv_next(&r, &fields, &line), -4, "%s is refused (-4)", q[i].why);
			is_int(line, q[i].line, "%s: the record's line", q[i].why);
			is_int(r.bad_line, q[i].bad_line, "%s: the line of the quote", q[i].why);
			is_int(r.bad_field, q[i].bad_field, "%s: its field", q[i].why);
			ok(csv_next(&r, &fields, &line) == 1 && fields.n == 2 && !strcmp(fields.items[0], "next"),
			   "%s: the next record is read as usual", q[i].why);
			is_int(csv_next(&r, &fields, &line), 0, "%s: then the end", q[i].why);
			sl_free(&fields);
			csv_reader_free(&r);
			fclose(f);
		}
	}
	READS("RFC 4180 quotes still fine", "\"a \"\"b\"\"\",\"\",\"x\ny\"\nz\n",
	      { 1, { "a \"b\"", "", "x\ny" } }, { 3, { "z" } });

	/* ---- writing */
	field_is("plain", "plain");
	field_is("", "");
	field_is(NULL, "");
	field_is("Tổ 9", "Tổ 9");
	field_is(" spaced ", " spaced ");
	field_is("a,b", "\"a,b\"");
	field_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	field_is("\"", "\"\"\"\"");
	field_is("two\nlines", "\"two\nlines\"");
	field_is("cr\rhere", "\"cr\rhere\"");
	field_is("semi;colon", "semi;colon");
	{
		struct strbuf sb = STRBUF_INIT;
		const char *row[] = { "1", "a,b", NULL, "q\"", "" };
		csv_write_row(&sb, row, 5, ',');
		if (!ok(strcmp(sb.buf, "1,\"a,b\",,\"q\"\"\",\n") == 0,
			"csv_write_row quotes where needed, NULL is empty"))
			printf("#   wrote '%s'\n", esc(sb.buf));
		sb_reset(&sb);
		const char *one[] = { "x" };
		csv_write_row(&sb, one, 1, ',');
		csv_write_row(&sb, one, 1, ',');
		ok(strcmp(sb.buf, "x\nx\n") == 0, "csv_write_row appends one line per row");
		sb_reset(&sb);
		const char *tabbed[] = { "a", "b c", NULL, "d" };
		csv_write_row(&sb, tabbed, 4, '\t');
		if (!ok(strcmp(sb.buf, "a\tb c\t\td\n") == 0, "csv_write_row with another separator"))
			printf("#   wrote '%s'\n", esc(sb.buf));
		sb_free(&sb);
	}

	/* ---- writing for spreadsheets: csv_put_row */
	{
		struct strbuf sb = STRBUF_INIT;
		const char *row[] = { "=1+1", "-3", "74.5", "'q", "a;b", "@x", "\tt", "+" , "ok" };
		const bool number[] = { false, true, true, false, false, false, false, false, false };
		struct csv_style semi = { ';', ',', true };
		csv_put_row(&sb, &semi, row, number, 9);
		if (!ok(strcmp(sb.buf, "'=1+1;-3;74,5;''q;\"a;b\";'@x;'\tt;'+;ok\r\n") == 0,
			"csv_put_row: ';', decimal comma in numbers, formulas marked, CRLF"))
			printf("#   wrote '%s'\n", esc(sb.buf));
		sb_reset(&sb);
		csv_put_row(&sb, &csv_style_plain, row, NULL, 9);
		if (!ok(strcmp(sb.buf, "'=1+1,'-3,74.5,''q,a;b,'@x,'\tt,'+,ok\n") == 0,
			"csv_put_row without number cells marks every text"))
			printf("#   wrote '%s'\n", esc(sb.buf));
		sb_reset(&sb);
		struct csv_style comma = { ',', ',', false };
		const char *n1[] = { "74.5" };
		const bool yes[] = { true };
		csv_put_row(&sb, &comma, n1, yes, 1);
		ok(strcmp(sb.buf, "\"74,5\"\n") == 0, "a decimal comma with ',' is quoted");
		char sep = 0;
		ok(csv_parse_sep("tab", &sep) && sep == '\t' && csv_parse_sep(";", &sep) && sep == ';' &&
		   csv_parse_sep("comma", &sep) && sep == ',' && !csv_parse_sep("|", &sep),
		   "csv_parse_sep takes , ; tab and the words");
		ok(csv_auto_decimal(';') == ',' && csv_auto_decimal(',') == '.' && csv_auto_decimal('\t') == '.',
		   "';' goes with the decimal comma");
		sb_free(&sb);
	}

	/* ---- round trip */
	{
		static const char *rows[][5] = {
			{ "id", "name", "note", "count", "empty" },
			{ "1", "Tổ 9, phường Phương Lâm", "nói \"xin chào\"", "678", "" },
			{ "2", "multi\nline\nname", "\"", "0", "" },
			{ "3", "crlf\r\ninside", ",", "-1", "" },
			{ "4", " lead and trail ", "\"\"", "1.5", "" },
			{ "", "", "", "", "" },
			{ "5", "last", "a,\"b\",c", "x", "end" },
		};
		const int nrows = (int)ARRAY_SIZE(rows);
		struct strbuf sb = STRBUF_INIT;
		for (int i = 0; i < nrows; i++)
			csv_write_row(&sb, rows[i], 5, ',');
		FILE *f = fmemopen(sb.buf, sb.len, "r");
		struct csv_reader r;
		struct strlist fields = STRLIST_INIT;
		long line = -1, want_line = 1;
		int bad = 0, nread = 0, bad_line = 0;
		csv_reader_init(&r, f);
		while (csv_next(&r, &fields, &line) == 1) {
			if (nread < nrows) {
				if (line != want_line)
					bad_line++;
				if (fields.n != 5) {
					bad++;
				} else {
					for (int k = 0; k < 5; k++)
						if (strcmp(fields.items[k], rows[nread][k]) != 0) {
							if (!bad++)
								printf("# row %d field %d: got '%s'\n", nread, k,
								       esc(fields.items[k]));
						}
				}
				for (int k = 0; k < 5; k++)
					for (const char *p = rows[nread][k]; *p; p++)
						want_line += *p == '\n';
				want_line++;
			}
			nread++;
		}
		is_int(nread, nrows, "round trip: as many rows as written");
		is_int(bad, 0, "round trip: every field identical");
		is_int(bad_line, 0, "round trip: each row starts on the right line");
		sl_free(&fields);
		csv_reader_free(&r);
		fclose(f);

		/* The same through a real file. */
		FILE *t = tmpfile();
		fwrite(sb.buf, 1, sb.len, t);
		rewind(t);
		csv_reader_init(&r, t);
		nread = bad = 0;
		while (csv_next(&r, &fields, &line) == 1) {
			if (nread < nrows && fields.n == 5)
				for (int k = 0; k < 5; k++)
					bad += strcmp(fields.items[k], rows[nread][k]) != 0;
			else
				bad++;
			nread++;
		}
		is_int(nread, nrows, "round trip via tmpfile: row count");
		is_int(bad, 0, "round trip via tmpfile: every field identical");
		sl_free(&fields);
		csv_reader_free(&r);
		fclose(t);
		sb_free(&sb);
	}

	/* A field longer than CSV_MAX_FIELD stops the reader with -2. */
	{
		FILE *big = tmpfile();
		for (int i = 0; i < CSV_MAX_FIELD + 10; i++)
			fputc('x', big);
		fputs(",y\n", big);
		rewind(big);
		struct csv_reader br;
		csv_reader_init(&br, big);
		struct strlist bf = STRLIST_INIT;
		long bl;
		is_int(csv_next(&br, &bf, &bl), -2, "a field over CSV_MAX_FIELD bytes is refused (-2)");
		sl_free(&bf);
		csv_reader_free(&br);
		fclose(big);
	}
	/* A lone 0xEF at the start is a byte like any other; a NUL stops the reader. */
	{
		static const char ef[] = "\xEF,b\n";
		FILE *fe = fmemopen((void *)ef, sizeof ef - 1, "r");
		struct csv_reader er;
		csv_reader_init(&er, fe);
		struct strlist ff = STRLIST_INIT;
		long fl;
		ok(csv_next(&er, &ff, &fl) == 1 && ff.n == 2 && !strcmp(ff.items[1], "b"),
		   "a 0xEF that starts no byte-order mark keeps the comma after it");
		sl_free(&ff);
		csv_reader_free(&er);
		fclose(fe);
		static const char nul[] = "a,b\0c\n";
		FILE *fn = fmemopen((void *)nul, sizeof nul - 1, "r");
		csv_reader_init(&er, fn);
		is_int(csv_next(&er, &ff, &fl), -3, "a NUL byte is refused (-3)");
		sl_free(&ff);
		csv_reader_free(&er);
		fclose(fn);
	}
	return done();
}
