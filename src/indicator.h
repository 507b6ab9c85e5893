/* SPDX-License-Identifier: GPL-3.0-or-later */
/* indicator.h - indicators computed from the records for a period.
 *
 * Stocks (population, surveys, commitments, app installs, establishments,
 * fire teams) take, per group, the latest record dated on or before the end
 * of the period; flows (incidents, outreach) sum the records inside it.
 * Rates divide by the population valid at the period end, over the groups
 * active then; a group with no record of a kind counts 0 in the numerator
 * and still counts in the denominator. */
#ifndef WS_INDICATOR_H
#define WS_INDICATOR_H

#include <sqlite3.h>
#include <stdbool.h>

#include "period.h"
#include "util.h"

enum indicator_type {
	IT_RATE,  /* numerator / denominator as a percentage */
	IT_COUNT, /* a stock count */
	IT_FLOW,  /* a sum over the period */
};

struct indicator_def {
	const char *id;
	enum indicator_type type;
	bool target_is_ceiling;  /* a target is a maximum (incidents), else a minimum */
	const char *label; /* N_() */
	const char *short_label; /* N_(), for table columns */
	const char *unit;  /* N_() unit of the numerator (households, people, ...) */
};

extern const struct indicator_def indicator_defs[];
extern const int indicator_count;

const struct indicator_def *indicator_find(const char *id);

/* One computed value. */
struct ind_value {
	bool known;          /* false when the denominator is 0 */
	long long num, den;  /* rates: parts; counts and flows: num is the value */
	double value;        /* percent for rates; count otherwise */
};

/* One line of a summary. */
struct ind_row {
	char *id;                   /* owned: "extinguisher", "incidents.theft", ... */
	char *label;                /* owned, translated */
	char *short_label;          /* owned, translated */
	const struct indicator_def *def;
	struct ind_value cur, prev, last_year;
	bool has_target;
	double target;
	bool has_status;
	bool met;
	bool has_missing;
	long long missing;          /* households / people / units still missing */
};

struct summary {
	struct period period, prev, last_year;
	char *group;                /* group code, or NULL for the ward */
	struct ind_row *rows;
	int nrows;
};

/* Computes every indicator for a period, optionally for one group. */
bool summary_compute(sqlite3 *db, const struct period *p, const char *group,
		     struct summary *out, struct strlist *errors);
void summary_free(struct summary *s);

/* Per-group stock snapshot at a date (the base of every rate). */
struct group_stock {
	long long group_id;
	char code[32];
	long long households, residents, surveyed, with_extinguisher, pccc, antt,
		installs, teams, team_households, points;
};

/* Fills snapshots of the groups active on `end` (or only `group`).
 * Returns the number of groups, *out owned by the caller. */
int indicator_group_stocks(sqlite3 *db, ws_date end, const char *group, struct group_stock **out);

/* The value of one indicator ("extinguisher", "incidents.theft", ...) for one
 * period, ward-wide or for a group; false if the id is unknown. */
bool indicator_value(sqlite3 *db, const char *id, const struct period *p, const char *group,
		     struct ind_value *out);
/* The target in force for a period (the year of its last month, else the
 * configured default); false if there is none. */
bool indicator_target(sqlite3 *db, const char *id, const struct period *p, double *out);

/* Sets the status of a row from its current value and target: has_status,
 * met, has_missing and missing (the rule of every summary). */
void indicator_row_status(struct ind_row *r);
/* The unit of d's numerator, in the form for a count of n ("1 household",
 * "2 households"). */
const char *indicator_unit(const struct indicator_def *d, long long n);
/* Whole households/people still missing for num/den to reach `target`%. */
long long indicator_missing(long long num, long long den, double target);
/* True if num/den reaches target% (exactly, without rounding the rate). */
bool indicator_rate_met(long long num, long long den, double target);

#endif
