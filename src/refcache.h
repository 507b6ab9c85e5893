/* SPDX-License-Identifier: GPL-3.0-or-later */
/* refcache.h - the reference data that validation looks up for every row
 * (group and category ids, populations, closed periods), kept in memory
 * while a bulk import holds the write transaction.
 *
 * Outside refcache_begin() .. refcache_end() every lookup is a query, so
 * single saves always see the database as it is.  Inside, the caller must
 * hold the write lock (BEGIN IMMEDIATE: nobody else can change the file)
 * and report each record it writes with refcache_changed(), which makes
 * the affected tables load again at their next lookup. */
#ifndef WS_REFCACHE_H
#define WS_REFCACHE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "kind.h"

void refcache_begin(sqlite3 *db);
void refcache_end(void);
/* A record of kind k was inserted, updated or deleted. */
void refcache_changed(const struct kind_def *k);

/* The id of the group ("rgroup") or category ("category") with this code;
 * 0 if there is none. */
long long refcache_id(sqlite3 *db, const char *table, const char *code);
/* The latest population of a group on or before an ISO date (by date,
 * then by id); false if there is none. */
bool refcache_population(sqlite3 *db, long long group_id, const char *date,
			 long long *households, long long *residents);
/* The closed period containing an ISO date (the earliest starting one),
 * copied into period[size]; false if the date is in none. */
bool refcache_closed(sqlite3 *db, const char *date, char *period, size_t size);

#endif
