/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rollup.h - the summary of many ward databases at once, for a district or
 * a province (wardsafe rollup, and the screens opened with several --db).
 *
 * SQLite attaches only a few databases at a time, so each ward file is
 * opened read-only in turn (db_open_readonly: never migrated, backed up or
 * written), summarised with summary_compute() for the period, and closed.
 * The total then adds the wards up:
 *   - rates: the numerators and the denominators are summed, and the rate
 *     is computed from the sums (never an average of percentages);
 *   - counts and flows: the values are summed;
 * for the period, the previous period and the same period last year alike.
 * A ward whose value is unknown (a rate without denominator, no
 * establishments record) adds nothing to that value.
 * Each ward keeps the status of its own summary (its own targets, else the
 * defaults of this program's configuration).  The total's target:
 *   - rates: the [targets] value of this program's configuration file when
 *     it sets one, else the target of the wards when they all have the same,
 *     else none;
 *   - counts and flows: the sum of the wards' targets when every ward has
 *     one, else none;
 * its status and what is missing come from the summed numerator and
 * denominator, as for one ward (indicator_row_status). */
#ifndef WS_ROLLUP_H
#define WS_ROLLUP_H

#include <stdbool.h>

#include "indicator.h"
#include "period.h"
#include "util.h"

struct rollup_ward {
	char *file;        /* the path as given */
	char *name;        /* the ward's name from its ward table, or NULL */
	char *label;       /* the name, else the file's base name */
	struct summary s;  /* its own summary, as `wardsafe summary` gives it */
};

struct rollup {
	int n;
	struct rollup_ward *wards;   /* in the order given */
	/* The sums: every row of any ward (incident categories are data and
	 * may differ between wards), in the order of the indicators, the
	 * sub-rows of each in the order they first appear. */
	struct summary total;
};

/* Summarises each file for period p and adds them up.  Refuses (false, a
 * message for every problem, each naming its file) a file that is missing,
 * unreadable, not a wardsafe database or of another schema version, the
 * same file given twice, and two files that hold the same ward (same name,
 * district and province). */
bool rollup_compute(const char *const *files, int n, const struct period *p, struct rollup *out,
		    struct strlist *errors);
void rollup_free(struct rollup *r);

/* The indicators shown as columns of the ward table (text, PDF, screen). */
struct rollup_column {
	const char *id;
	const char *head;   /* N_() header; '\n' separates its two lines */
};
extern const struct rollup_column rollup_columns[];
extern const int rollup_column_count;

/* A cell of the ward table: the value of r for people ("75,8%", "1.234",
 * "-" when unknown or when r is NULL), followed by `below_mark` when r has
 * a target it does not meet.  New string. */
char *rollup_cell_text(const struct ind_row *r, const struct ind_value *v, const char *below_mark);
/* "Roll-up of 3 wards" (new string, translated). */
char *rollup_title(const struct rollup *r);

/* The subject under the document's title: "Tổng hợp kết quả ... của 3
 * phường, quý III/2023" (new string, translated, the period in words). */
char *rollup_subject(const struct rollup *r);
/* Ward i as a document names it: its name, else "ward no. 2 (no name)";
 * never its file (new string). */
char *rollup_ward_name(const struct rollup *r, int i);
/* The opening paragraph in words: the wards (named up to 10 of them),
 * the period, then each indicator of the total with how many wards met
 * their target and how many did not (new string). */
char *rollup_opening(const struct rollup *r);
/* "1. Phường An: FILE" for each ward: where its figures come from. */
void rollup_sources(const struct rollup *r, struct strlist *out);

/* A header line, then the lines of each ward (exactly its own
 * `summary --format tsv` lines, after two columns: ward and file), then the
 * lines of the total (ward TOTAL, file empty).  See man wardsafe(1),
 * ROLLUP TSV FORMAT. */
void rollup_write_tsv(const struct rollup *r, struct strbuf *out);
/* The ward table (a row per ward, the columns above, the total and its
 * values for the previous period and last year), then the total's whole
 * summary as `summary` prints it. */
void rollup_write_text(const struct rollup *r, struct strbuf *out);
/* The same on A4 landscape pages, written to `path` atomically (mode 0600). */
bool rollup_write_pdf(const struct rollup *r, const char *path, struct strlist *errors);

#endif
