/* SPDX-License-Identifier: GPL-3.0-or-later */
/* transfer.h - CSV import (all-or-nothing, every bad line listed) and
 * export of records. */
#ifndef WS_TRANSFER_H
#define WS_TRANSFER_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "csv.h"
#include "kind.h"
#include "util.h"

struct import_opts {
	const char *kind;  /* --kind, or NULL to tell from the name or header */
	bool dry_run;
	bool force;        /* accept warnings */
};

/* At most this many errors, and as many warnings, are kept (and shown):
 * the others are only counted, so that a million bad rows take neither a
 * million lines nor their memory. */
#define IMPORT_SHOWN 20

/* An import is refused before it starts when the disk holding the database
 * has less free space than IMPORT_SPACE_FACTOR times the size of its CSV
 * files plus IMPORT_SPACE_PAGES pages: stored with their indexes and audit
 * log lines, records take about five times their CSV text (and the
 * journal a little more), so with less the import would certainly fill
 * the disk. */
#define IMPORT_SPACE_FACTOR 4
#define IMPORT_SPACE_PAGES 32

struct import_result {
	long records;            /* records that were (or would be) saved */
	long inserted, updated;
	struct strlist errors;   /* "file:line: message", the first IMPORT_SHOWN */
	struct strlist warnings; /* the same */
	long nerrors, nwarnings; /* how many there were in all */
	bool failed;             /* a database error (a full disk), not bad input */
	long skipped;            /* rows of a sheet (template.h) with no values */
	struct strlist planned;  /* dry run of a sheet: what each row would save,
				    "group 3 (Tổ dân phố 3), 2026-11-30: surveyed=120 ...",
				    the first IMPORT_LISTED */
	long nplanned;           /* how many there were in all */
};

/* At most this many lines of a dry run of a sheet are kept. */
#define IMPORT_LISTED 1000

/* Imports CSV files in one transaction, in dependency order.  Returns
 * true if everything was saved (or would be, with dry_run). */
bool import_files(sqlite3 *db, char **files, int nfiles, const struct import_opts *o,
		  struct import_result *res);
void import_result_free(struct import_result *res);

/* Writes the records of one kind as CSV (header of field names) into out,
 * in `style` (csv.h; NULL: the configured one).  Text cells that would
 * start a formula get a leading "'", which import removes. */
bool export_kind(sqlite3 *db, const struct kind_def *k, bool bom, const struct csv_style *style,
		 struct strbuf *out, struct strlist *errors);
/* The same, streamed: to a file being written atomically (its write error,
 * if any, is left in file->err for atomic_commit) or else to `stream`;
 * memory stays small however many records there are. */
bool export_kind_file(sqlite3 *db, const struct kind_def *k, bool bom, const struct csv_style *style,
		      struct atomic_file *file, FILE *stream, struct strlist *errors);
/* The kind a CSV file name stands for ("survey-2023.csv" -> survey). */
const struct kind_def *kind_from_filename(const char *path);

#endif
