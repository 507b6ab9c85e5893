/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.h - RFC 4180 CSV: a streaming reader that tracks line numbers and a
 * writer that quotes only where needed.  Text is UTF-8; a byte-order mark
 * at the start is skipped. */
#ifndef WS_CSV_H
#define WS_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "util.h"

struct csv_reader {
	FILE *f;
	long line;        /* current physical line (1-based) */
	bool started;
	struct strbuf field;
	int back[3], nback;   /* bytes read ahead and given back */
	long bad_line;        /* after -4: the line of the stray quote or text */
	int bad_field;        /* and the field (1-based) it is in */
	char sep;             /* the separator: ',', or what the first record used */
	bool detect;          /* the first record is still being read */
};

/* A reader of f.  The separator is told from the first record (the
 * header): the first ',', ';' or TAB outside quotes; ',' if it has none.
 * Spreadsheets with Vietnamese (and most European) regional settings write
 * ';' there. */
void csv_reader_init(struct csv_reader *r, FILE *f);
void csv_reader_free(struct csv_reader *r);
/* Longest field accepted: a longer one is not a record of ours, and
 * stopping there keeps memory bounded whatever the file. */
#define CSV_MAX_FIELD (1024 * 1024)

/* Reads the next record into `fields` (cleared first); `*line` gets the
 * line it started on.  Returns 1 for a record, 0 at the end, -1 for an
 * unterminated quoted field (the rest of the file is consumed), -2 for a
 * field longer than CSV_MAX_FIELD, -3 for a NUL byte (reading stops at
 * either: such a file is not text), -4 for a record that is not RFC 4180
 * because of a quote: text after the closing quote of a field ("ab"cd) or
 * a quote inside a field that does not start with one (ab"cd); bad_line
 * and bad_field say where, `fields` has the record read as best it can,
 * and the next call reads the next record.  Doubled quotes ("") inside a
 * quoted field and quoted line ends are RFC 4180 and read as usual. */
int csv_next(struct csv_reader *r, struct strlist *fields, long *line);

/* Writes one field, quoted if it holds a comma, quote, CR or LF. */
void csv_write_field(struct strbuf *out, const char *s);
/* Writes a record of n fields and a newline (NULL fields are empty):
 * with ',' quoted as RFC 4180, any other separator raw (TSV).  No cell is
 * neutralised: for files read by programs (DHIS2), not spreadsheets. */
void csv_write_row(struct strbuf *out, const char *const *fields, int n, char sep);

/* How a CSV file for people (and their spreadsheets) is written: the
 * separator (',', ';' or '\t'), the decimal mark of number cells ('.' or
 * ','), CRLF line ends or LF. */
struct csv_style {
	char sep;
	char decimal;
	bool crlf;
};
/* ',' '.' LF: what wardsafe always wrote. */
extern const struct csv_style csv_style_plain;

/* The style of the configuration ([csv] separator, decimal, line_end);
 * decimal "auto" is ',' with the separator ';' and '.' otherwise. */
void csv_style_configured(struct csv_style *st);
/* Reads a separator as --sep or [csv] separator give it: ",", ";", "tab"
 * (or a TAB), "comma", "semicolon"; false if it is none of them. */
bool csv_parse_sep(const char *s, char *sep);
/* The decimal mark that goes with a separator when none is set: ',' for
 * ';' (the regional settings that separate with ';' write 74,5), else '.'. */
char csv_auto_decimal(char sep);

/* True if a text cell would start a formula in a spreadsheet: it starts
 * with '=', '+', '-', '@', TAB or CR (OWASP's list), or with the quote
 * "'" that marks the others (so that it survives the way back). */
bool csv_needs_quote_mark(const char *s);

/* Writes a record in style st: a text cell that csv_needs_quote_mark gets
 * a leading "'" (which import removes again), a number cell (number[i]
 * true; NULL: none) is never marked and gets st->decimal for its '.';
 * fields are quoted where they hold the separator, a quote, CR or LF. */
void csv_put_row(struct strbuf *out, const struct csv_style *st, const char *const *fields,
		 const bool *number, int n);

#endif
