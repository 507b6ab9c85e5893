/* SPDX-License-Identifier: GPL-3.0-or-later */
/* round.h - the monthly round: every active group's figures of one kind on
 * one date, as the grid of the screens shows them ("Nhập theo đợt").
 *
 * The model part of the grid, without curses: which groups, the value each
 * cell carries forward (the group's latest value on or before the date),
 * what the officer typed, a row turned into the record it saves, and the
 * save of every changed row in one transaction (all or nothing, each
 * record validated by validate_record and audited by the triggers like
 * any other save). */
#ifndef WS_ROUND_H
#define WS_ROUND_H

#include <sqlite3.h>
#include <stdbool.h>

#include "date.h"
#include "record.h"
#include "util.h"

/* The grid works up to this many groups, and as many columns (incident
 * categories). */
#define ROUND_MAX_GROUPS 200
#define ROUND_MAX_COLS 32

struct round_row {
	long long group_id;
	char *code, *name;
	long long on_date;              /* id of the group's record on the date
					 * itself (a save updates it), or 0 */
	char *carried[ROUND_MAX_COLS];  /* per column: carried value, or NULL */
	char *typed[ROUND_MAX_COLS];    /* per column: typed text, or NULL
					 * (not typed: the carried value) */
};

struct round {
	const struct kind_def *kind;
	ws_date date;
	char iso[11];
	bool flow;                      /* incidents, outreach: a column per
					 * category or kind, counts of the date,
					 * nothing carried; empty or 0 saves
					 * nothing */
	int ncols;
	int col[ROUND_MAX_COLS];        /* stock kinds: kind field index of
					 * each column; flows: the count field */
	char *key[ROUND_MAX_COLS];      /* flows: the category code or kind */
	char *label[ROUND_MAX_COLS];    /* flows: its name */
	int key_field;                  /* flows: field index of category/kind */
	struct round_row *rows;
	int nrows;
	bool truncated;                 /* more than ROUND_MAX_GROUPS groups */
};

/* True for the kinds a round is taken of: stock kinds kept by group and
 * date (population, survey, commitment, app114), and the flows incident
 * and outreach. */
bool round_kind_ok(const struct kind_def *k);
/* Loads the round of kind k on `date`: the groups active on that date in
 * group order, each cell carrying the group's latest value on or before it
 * (the record on the date itself when there is one).  False on a database
 * error (messages in `errors`). */
bool round_load(sqlite3 *db, const struct kind_def *k, ws_date date, struct round *r,
		struct strlist *errors);
void round_free(struct round *r);
/* A column's header (translated; the field's label, or a flow's category
 * or kind name). */
const char *round_col_label(const struct round *r, int col);
/* The value a cell holds: typed, else carried (NULL when empty). */
const char *round_value(const struct round *r, int row, int col);
/* Sets what was typed in a cell (NULL: back to the carried value). */
void round_set(struct round *r, int row, int col, const char *text);
/* True when a cell's value differs from the carried one. */
bool round_cell_changed(const struct round *r, int row, int col);
/* True when any cell of the row differs from its carried value: only such
 * rows are saved. */
bool round_row_changed(const struct round *r, int row);
/* Number of changed rows. */
int round_changed_rows(const struct round *r);
/* The records a changed row saves: one for a stock kind (see
 * round_row_record), one per non-empty cell of a flow.  Returns how many
 * are in `recs` (at most ROUND_MAX_COLS; each to be record_clear'ed);
 * old[i] is set and has_old[i] true where a stored record is updated. */
int round_row_records(sqlite3 *db, const struct round *r, int row, struct record *recs,
		      struct record *old, bool *has_old);
/* The record a row saves: the stored record on the date with the row's
 * values (old set, true returned), or a new one with the group, the date
 * and every value, carried ones included (false returned, old empty). */
bool round_row_record(sqlite3 *db, const struct round *r, int row, struct record *rec,
		      struct record *old);
/* The row as a new record (group, date, values), without reading the
 * database: what the limits of the cells (validate_hint) are worked out on. */
void round_row_typed(const struct round *r, int row, struct record *rec);
/* Checks a row as its save would (validate_record); issues in `out`. */
void round_check_row(sqlite3 *db, const struct round *r, int row, struct issues *out);

enum round_result {
	ROUND_SAVED,
	ROUND_NOTHING,  /* no row changed */
	ROUND_REFUSED,  /* errors in some row_issues[]: nothing written */
	ROUND_CONFIRM,  /* only warnings: save again with force */
	ROUND_FAILED,   /* database error in `errors` */
};

/* Saves every changed row in one transaction, all or nothing.
 * `row_issues` has r->nrows entries, filled with each row's problems.
 * `saved` receives the number of records written. */
enum round_result round_save(sqlite3 *db, const struct round *r, bool force,
			     struct issues *row_issues, int *saved, struct strlist *errors);

#endif
