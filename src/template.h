/* SPDX-License-Identifier: GPL-3.0-or-later */
/* template.h - the sheet for the group leaders: one CSV row per group
 * active on a date, the value columns empty, read-only hint columns beside
 * them with the group's last value and its date.  `wardsafe import` takes
 * the sheet back as it is (transfer.c recognises the read-only columns). */
#ifndef WS_TEMPLATE_H
#define WS_TEMPLATE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "date.h"
#include "csv.h"
#include "kind.h"
#include "util.h"

/* The read-only columns are named after a field with one of these
 * suffixes: "group (name)", "surveyed (last)", "surveyed (last date)".
 * They are contract names, never translated. */
#define TEMPLATE_NAME_SUFFIX " (name)"
#define TEMPLATE_LAST_SUFFIX " (last)"
#define TEMPLATE_LAST_DATE_SUFFIX " (last date)"

/* True for the kinds a sheet can be written for: the stock kinds recorded
 * per group and date (population, survey, commitment, app114). */
bool template_kind_ok(const struct kind_def *k);
/* The kinds template_kind_ok accepts, as "a, b, c" (static buffer). */
const char *template_kind_names(void);

/* The index of the field a read-only column of a sheet of kind k belongs
 * to ("surveyed (last)" -> surveyed), or -1 if `name` is not one. */
int template_readonly_column(const struct kind_def *k, const char *name);

/* The last value of field `field` (a stored, non-empty one) of kind k for
 * the group `group_id` strictly before `date` (ISO), and that record's
 * date: *value is a new string, or NULL when there is none.  (R's round
 * grid has the same need; the two may be merged.) */
bool template_last_value(sqlite3 *db, const struct kind_def *k, int field, long long group_id,
			 const char *date, char **value, char last_date[11], struct strlist *errors);

struct template_opts {
	const struct kind_def *kind;
	ws_date date;
	char **groups; /* codes to keep (NULL: every active group) */
	int ngroups;
	bool bom;
	const struct csv_style *csv; /* how the CSV is written (NULL: csv_style_plain) */
};

/* Writes the sheet as CSV into out.  Refuses (false, messages in errors) a
 * kind that has no sheet, an unknown group code, a group not active on the
 * date, or a date on which no group is active; *refused is set then, and
 * left false for a database error. */
bool template_write(sqlite3 *db, const struct template_opts *o, struct strbuf *out,
		    struct strlist *errors, bool *refused);

/* A sheet gathered for drawing (the PDF form, the round grid's print):
 * one row per group active on the date, in group order, with the last
 * value of each stored value field (indexed like kind->fields; NULL where
 * there is none, and for the group and date fields) and its date (ISO, ""
 * when none).  Every text is owned, control characters escaped. */
struct template_row {
	long long group_id;
	char *code, *name, *leader;
	char *last[KIND_MAX_FIELDS];
	char last_date[KIND_MAX_FIELDS][11];
};
struct template_sheet {
	const struct kind_def *kind;
	char date[11]; /* the date of the round, ISO */
	struct template_row *rows;
	int nrows;
};

/* Gathers the sheet; refuses as template_write does (with *refused set),
 * false with *refused left false for a database error. */
bool template_sheet_load(sqlite3 *db, const struct template_opts *o, struct template_sheet *out,
			 struct strlist *errors, bool *refused);
void template_sheet_free(struct template_sheet *s);

/* The printed form (template_pdf.c): an A4 PDF with a box to fill in by
 * hand for every value, the last value and its date printed beside it as
 * a hint, and a line for the group leader's signature. */
enum template_layout {
	TEMPLATE_LAYOUT_TABLE, /* one table for all groups (landscape), the default */
	TEMPLATE_LAYOUT_PAGES, /* one page per group (portrait) */
};
/* "table" or "pages" (contract words, never translated). */
bool template_layout_parse(const char *s, enum template_layout *out);

/* Writes the form to `path` (atomically, mode 0600).  Refuses like
 * template_write (*refused set); false with *refused false when the
 * database or the file failed. */
bool template_write_pdf(sqlite3 *db, const struct template_opts *o, enum template_layout layout,
			const char *path, struct strlist *errors, bool *refused);

/* Makes the form in a temporary file and sends it to the printer with
 * [report] print_command (printing.h), as the Reports screen prints the
 * report; the file is removed afterwards.  The round grid's `P` calls it. */
bool template_print(sqlite3 *db, const struct template_opts *o, enum template_layout layout,
		    struct strlist *errors, bool *refused);

#endif
