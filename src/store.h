/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.h - reading and writing records of any kind (SQL built from the
 * kind table, every value bound as a parameter).  The callers own the
 * transaction: see db_begin()/db_commit(). */
#ifndef WS_STORE_H
#define WS_STORE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "date.h"
#include "record.h"
#include "util.h"

/* Inserts a validated record and sets rec->id. */
bool store_insert(sqlite3 *db, struct record *rec, struct strlist *errors);
/* Updates the stored record rec->id with rec's values. */
bool store_update(sqlite3 *db, const struct record *rec, struct strlist *errors);
bool store_delete(sqlite3 *db, const struct kind_def *k, long long id, struct strlist *errors);
/* Loads record `id`; false if there is none. */
bool store_load(sqlite3 *db, const struct kind_def *k, long long id, struct record *out);
/* The id of the stored record with the same natural key, or 0. */
long long store_find_key(sqlite3 *db, const struct record *rec);

struct list_filter {
	const char *group;       /* group code, or NULL */
	ws_date from, to;        /* date range (inclusive), or 0 */
};

/* Calls fn for every record of kind k matching the filter, in date order.
 * fn returns false to stop. */
typedef bool (*store_row_fn)(const struct record *rec, void *ctx);
bool store_list(sqlite3 *db, const struct kind_def *k, const struct list_filter *f,
		store_row_fn fn, void *ctx, struct strlist *errors);

#endif
