/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis.h - the tables behind the summary screens and reports, computed
 * with the same stock and flow rules as indicator.c:
 *   - the group breakdown: each rate indicator per group at a period's end,
 *     with what is still missing, and the ward total;
 *   - monthly series of an indicator (trends, sparklines);
 *   - flow tables: incidents by category or outreach by kind, month by
 *     month, with totals and the comparison periods. */
#ifndef WS_ANALYSIS_H
#define WS_ANALYSIS_H

#include <sqlite3.h>
#include <stdbool.h>

#include "indicator.h"
#include "period.h"
#include "util.h"

/* The rate indicators shown per group, in this order. */
#define BREAKDOWN_RATES 5
extern const char *const breakdown_ids[BREAKDOWN_RATES];

struct breakdown_cell {
	struct ind_value v;
	bool has_target, met;
	double target;
	long long missing;
};

struct breakdown_row {
	char code[32];
	char *name;                 /* owned */
	struct group_stock stock;
	struct breakdown_cell cell[BREAKDOWN_RATES];
	int behind;                 /* how many targets the group misses */
	double worst_gap;           /* largest (target - value) in points */
};

struct breakdown {
	struct period period;
	int n;
	struct breakdown_row *rows; /* groups active at the period end */
	struct breakdown_row total; /* the ward: equals the summary */
};

bool breakdown_compute(sqlite3 *db, const struct period *p, struct breakdown *out, struct strlist *errors);
void breakdown_free(struct breakdown *b);
/* Sorts the rows: by column c (0..BREAKDOWN_RATES-1, by value), -1 by
 * group order, -2 "behind target, worst first". */
void breakdown_sort(struct breakdown *b, int column, bool descending);

/* A month-by-month series of one indicator for the ward or one group. */
struct series {
	int first, n;               /* first month (year*12 + month-1), months */
	struct ind_value *v;        /* n values */
	bool has_target;
	double *target;             /* n targets (per year) */
	const struct indicator_def *def;
};

bool series_compute(sqlite3 *db, const char *indicator, const char *group, int first_month,
		    int last_month, struct series *out, struct strlist *errors);
void series_free(struct series *s);

/* A flow by month: rows are categories (incidents) or kinds (outreach). */
struct flow_table {
	const char *indicator;      /* "incidents" or "outreach" */
	struct period period;
	int nrows, ncols;           /* ncols = months of the period */
	char **row_ids, **row_labels;
	long long *cells;           /* nrows x ncols, row-major */
	long long *row_total, *col_total, total;
	long long *row_prev, *row_last_year, prev_total, last_year_total;
};

/* Row r of a flow table, or its total row when r == nrows. */
struct flow_row {
	const char *label;          /* the translated "Total" for the total row */
	long long current, previous, last_year;
	bool total;
	bool empty;                 /* nothing in any of the three periods */
};
struct flow_row flow_table_row(const struct flow_table *t, int r);

bool flow_table_compute(sqlite3 *db, const char *indicator, const struct period *p, const char *group,
			struct flow_table *out, struct strlist *errors);
void flow_table_free(struct flow_table *t);

#endif
