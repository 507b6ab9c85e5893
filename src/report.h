/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h - the monthly report (Báo cáo): everything it says, gathered once
 * from the model, and its three forms: text for a terminal or plain printer,
 * CSV (every table), and PDF on A4 laid out as a Vietnamese administrative
 * document (Decree 30/2020/NĐ-CP: issuing body top left, national motto top
 * right, number, place and date, title and subject, body, recipients and
 * signer). */
#ifndef WS_REPORT_H
#define WS_REPORT_H

#include <sqlite3.h>
#include <stdbool.h>

#include "analysis.h"
#include "date.h"
#include "indicator.h"
#include "csv.h"
#include "util.h"

/* The administrative frame of the document; every field owned. */
struct report_info {
	char *parent_unit;          /* "CÔNG AN TP THANH HÓA" */
	char *unit;                 /* "CÔNG AN PHƯỜNG LAM SƠN" */
	char *number;               /* "12/BC-CAP" (printed after "Số: ") */
	char *place;                /* "Lam Sơn" */
	ws_date date;               /* date of issue */
	char *title;                /* "BÁO CÁO" */
	char *subject;              /* one line under the title */
	char *signer_authority;     /* "KT. TRƯỞNG CÔNG AN PHƯỜNG", may be empty */
	char *signer_title;         /* "PHÓ TRƯỞNG CÔNG AN PHƯỜNG"; '|' splits lines */
	char *signer_name;
	struct strlist recipients;  /* "Nơi nhận", as given (no "- ", ";" or ".") */
};

/* The parts of the document in the order of a real báo cáo; the officer
 * writes situation, problems and plans (kind narrative), the program the
 * results. */
enum report_part { RP_SITUATION, RP_RESULTS, RP_PROBLEMS, RP_PLANS, RP_COUNT };

/* The narrative sections, as the `section` field names them. */
enum narrative_section { NS_SITUATION, NS_PROBLEMS, NS_PLANS, NS_COUNT };
extern const char *const narrative_section_names[NS_COUNT]; /* "situation", ... */

struct report {
	struct report_info info;
	char *narrative[NS_COUNT];  /* the officer's text of each section, or
				     * NULL; paragraphs separated by LF */
	char *ward;                 /* ward name */
	struct period period;
	struct summary summary;     /* the overview's figures */
	struct breakdown breakdown; /* per group, in group order */
	struct flow_table incidents, outreach;
};

/* Gathers a report for a period; the frame comes from the configuration
 * ([report]) and the ward record, and may be changed before writing. */
bool report_build(sqlite3 *db, const struct period *p, struct report *out, struct strlist *errors);
void report_free(struct report *r);
/* The stored narrative text of a period and section (new string, control
 * characters but LF escaped) or NULL when there is none. */
char *report_narrative_load(sqlite3 *db, const struct period *p, enum narrative_section s);
/* The heading of a part as printed, "II. Kết quả", numbered among the
 * parts that are printed (new string), or NULL when the part is left out:
 * an empty narrative section, and the results' heading when the report has
 * no narrative at all (the figures then stand alone, as they always did). */
char *report_part_heading(const struct report *r, enum report_part part);

/* The lines of the signer's block above the signature, in order: the
 * authority (KT., TL., TUQ., Q., TM.), then the title, each split at '|';
 * empty parts left out. */
void report_signer_lines(const struct report_info *info, struct strlist *out);
/* Recipient k as printed under "Nơi nhận:" (Decree 30): "- X;" and "- X."
 * for the last, whatever dash or punctuation the officer typed (new
 * string). */
char *report_recipient_line(const struct report_info *info, size_t k);
/* Splits the recipients text of the configuration or the Reports screen
 * at '|' into out (trimmed, empty parts left out). */
void report_split_recipients(const char *text, struct strlist *out);

/* "Lam Sơn, ngày 10 tháng 10 năm 2023" (new string). */
char *report_date_line(const struct report_info *info);

void report_write_text(const struct report *r, struct strbuf *out);
/* Every table, one after the other, each with a title row; bom for
 * spreadsheet programs; in the configured CSV style ([csv]), as the Reports
 * screen saves it. */
void report_write_csv(const struct report *r, bool bom, struct strbuf *out);
/* The same in style st (csv.h): numbers with its decimal mark, text cells
 * that would start a formula marked with "'". */
void report_write_csv_style(const struct report *r, bool bom, const struct csv_style *st, struct strbuf *out);
/* A table of the results as the documents print it (report_tables.c,
 * the same for the PDF and the DOCX): header texts, cells row by row and
 * the cells to print in bold; everything owned. */
#define REPORT_TABLE_MAX_COLS 12
struct report_table {
	int ncols, nrows;
	char *head[REPORT_TABLE_MAX_COLS];
	char **cells;    /* nrows * ncols */
	bool *bold;      /* nrows * ncols */
	bool marked;     /* groups: a cell below its target (the note under it) */
	int months;      /* outreach: the month columns after the first */
};
/* 1. every indicator of a summary (sub-rows left out): count, value,
 * target, status, missing, previous period, last year. */
void report_table_overview(const struct summary *s, struct report_table *t);
/* 2. the rate indicators group by group, the ward's total, the targets;
 * cells below target bold with a star. */
void report_table_groups(const struct breakdown *b, struct report_table *t);
/* 3. incidents by category against the comparison periods. */
void report_table_incidents(const struct flow_table *f, const struct summary *s, struct report_table *t);
/* 4. outreach by kind, month by month for two to four months. */
void report_table_outreach(const struct flow_table *f, const struct summary *s, struct report_table *t);
void report_table_free(struct report_table *t);
/* A table header's period in words with a capital ("Quý III/2023"). */
char *report_head_period(const struct period *p);
/* The target of breakdown column i: the ward's, else the first group's. */
bool report_rate_target(const struct breakdown *b, int i, double *out);
/* Writes the PDF to `path` (atomically, mode 0600). */
bool report_write_pdf(const struct report *r, const char *path, struct strlist *errors);
/* The chart of section 5 (the PDF's, drawn by the same code) as a PNG
 * picture appended to `png`, and its size in points; false (with a
 * message) without Pango/Cairo or a font.  Only when the breakdown has
 * groups. */
bool report_chart_png(const struct report *r, struct strbuf *png, double *width, double *height,
		      struct strlist *errors);
/* Writes the report as an editable Office Open XML document (DOCX,
 * report_docx.c) to `path` (atomically, mode 0600). */
bool report_write_docx(const struct report *r, const char *path, struct strlist *errors);
/* The report's first table on a PDF page (report_pdf.c): every indicator
 * of a summary with count, value, target, status, missing, previous and
 * last year (sub-rows left out).  The roll-up prints its total with it. */
struct pdf_doc;
void report_pdf_overview(struct pdf_doc *d, const struct summary *s);
/* The heading of the document on a portrait page: issuing body and
 * national motto, number and date line, title and subject (Decree 30). */
void report_pdf_heading(struct pdf_doc *d, const struct report_info *info);
/* The foot: Nơi nhận on the left, the signer's block on the right. */
void report_pdf_signature(struct pdf_doc *d, const struct report_info *info);
/* A copy of a sentence in which no period in words ("quý III/2023")
 * breaks across lines (no-break spaces). */
char *report_pdf_keep_periods(const char *s);

#endif
