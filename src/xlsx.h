/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx.h - spreadsheets (--format xlsx) written with libxlsxwriter: a
 * workbook of sheets, each a title line (the ward and the period), a header
 * row kept in view (frozen) and typed cells: numbers stay numbers, rates
 * are fractions shown with a % format, dates are dates shown DD/MM/YYYY.
 * Column widths follow the widest cell.  The file is written atomically. */
#ifndef WS_XLSX_H
#define WS_XLSX_H

#include <sqlite3.h>
#include <stdbool.h>

#include "util.h"

struct xlsx_book;

/* Starts a workbook that xlsx_commit() puts at `path`; NULL (and a message
 * in errors) if the temporary file cannot be made. */
struct xlsx_book *xlsx_new(const char *path, struct strlist *errors);
/* Starts a sheet: `name` (cut to Excel's 31 characters, made unique,
 * characters Excel refuses replaced), the `title` line in row 1, the
 * `n` headers in row 2, frozen; the cells that follow go in row 3 on. */
void xlsx_sheet(struct xlsx_book *b, const char *name, const char *title, const char *const *headers,
		int n);
/* Ends the current row: the next cells go in the row below. */
void xlsx_row(struct xlsx_book *b);
/* The cells of the current row, by column (0 first). */
void xlsx_text(struct xlsx_book *b, int col, const char *s);
void xlsx_int(struct xlsx_book *b, int col, long long v);
void xlsx_number(struct xlsx_book *b, int col, double v);
/* A rate given in percent (75.76): stored as the fraction 0.7576, shown
 * as 75.76% (75,76% in a Vietnamese spreadsheet). */
void xlsx_rate(struct xlsx_book *b, int col, double percent);
/* A date given as ISO text (YYYY-MM-DD): a date cell; any other text is
 * written as text. */
void xlsx_date(struct xlsx_book *b, int col, const char *iso);
/* Writes the workbook and renames it over the path; false (messages in
 * errors) if it cannot: the path is then left as it was.  Frees b. */
bool xlsx_commit(struct xlsx_book *b, struct strlist *errors);

/* The workbooks of the commands (--format xlsx), each written to `path`;
 * false with messages in errors if it cannot be.  `ward` is the ward's
 * name (NULL or "" when it has none): with the period it makes the title
 * line of each sheet. */
struct summary;
struct report;
struct rollup;
struct template_sheet;
struct kind_def;
/* summary: one row per indicator, the columns of `summary --format tsv`. */
bool xlsx_write_summary(const char *path, const struct summary *s, const char *ward, struct strlist *errors);
/* report: its tables, a sheet each (summary, groups, incidents, outreach). */
bool xlsx_write_report(const char *path, const struct report *r, struct strlist *errors);
/* rollup: the wards' and the total's rows as in its TSV, and the table of
 * wards (rollup_columns) on a second sheet. */
bool xlsx_write_rollup(const char *path, const struct rollup *r, struct strlist *errors);
/* template: the sheet for the group leaders. */
bool xlsx_write_template(const char *path, const struct template_sheet *t, const char *ward,
			 struct strlist *errors);
/* export: every record of the n kinds given, a sheet per kind. */
bool xlsx_write_export(const char *path, sqlite3 *db, const struct kind_def *const *k, int n,
		       const char *ward, struct strlist *errors);

#endif
