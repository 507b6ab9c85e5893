/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kind.h - every kind of record and its fields, defined once.
 *
 * The field names are a contract: the command line (FIELD=VALUE), list and
 * export headers and CSV imports all use them.  The screens build their
 * forms from the same table. */
#ifndef WS_KIND_H
#define WS_KIND_H

#include <stdbool.h>

enum field_type {
	FT_TEXT,     /* free text, NFC, length-limited */
	FT_CODE,     /* short identifier: letters, digits, _ . - */
	FT_COUNT,    /* whole number 0 .. 2^31-1 */
	FT_DATE,     /* calendar date, not in the future */
	FT_BOOL,     /* yes / no */
	FT_CHOICE,   /* one of `choices` */
	FT_GROUP,    /* a group code (stored as the group's id) */
	FT_CATEGORY, /* an incident category code (stored as its id) */
	FT_YEAR,     /* 1900 .. 9999 */
	FT_DECIMAL,  /* number >= 0 with an optional '.' fraction */
	FT_INDICATOR,/* an indicator id */
	FT_PERIOD,   /* a period, as in period.h */
};

#define FF_REQUIRED 0x01 /* must be given on insert */
#define FF_INPUT    0x02 /* accepted on add/import only, not stored in the table */
#define FF_LINES    0x04 /* FT_TEXT of paragraphs: line breaks (LF) allowed, CR LF read as LF */

struct field_def {
	const char *name;    /* contract name */
	const char *column;  /* SQL column (NULL for FF_INPUT fields) */
	enum field_type type;
	unsigned flags;
	const char *def;     /* value when omitted on insert; NULL = empty */
	int maxlen;          /* FT_TEXT / FT_CODE: characters */
	const char *choices; /* FT_CHOICE: "a|b|c" */
	const char *label;   /* N_() label */
	const char *unit;    /* N_() unit of a number, or NULL */
};

#define KIND_MAX_FIELDS 12

struct kind_def {
	const char *name;       /* contract name, e.g. "survey" */
	const char *table;      /* SQL table */
	const char *label;      /* N_() label */
	const struct field_def *fields;
	int nfields;
	const char *key[3];     /* natural key fields: import updates a match */
	const char *date_field; /* field that places the record in time */
	bool singleton;         /* one row only (ward) */
	bool one_per_date;      /* one record per group and date (or per date) */
};

extern const struct kind_def *const kinds[];
extern const int kind_count;

/* Looks a kind up by its contract name; NULL if unknown. */
const struct kind_def *kind_find(const char *name);
/* Index of a field by name, or -1. */
int kind_field_index(const struct kind_def *k, const char *name);
/* A "a, b, c" list of kind names (static buffer). */
const char *kind_names(void);
/* Position of the kind in import order (dependencies first). */
int kind_order(const struct kind_def *k);

#endif
