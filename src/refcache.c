/* SPDX-License-Identifier: GPL-3.0-or-later */
/* refcache.c - reference data in memory during a bulk import (refcache.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "refcache.h"
#include "util.h"

/* code -> id, open addressing; codes are owned. */
struct codemap {
	struct codeslot { char *code; long long id; } *slots;
	size_t cap;
};

struct pop {
	long long group_id;
	ws_date date;
	long long id, households, residents;
};

struct closed {
	ws_date first, last;
	char period[33];
};

static struct {
	sqlite3 *db;          /* NULL when no import is running */
	bool groups_ok, categories_ok, pops_ok, closings_ok;
	struct codemap groups, categories;
	struct pop *pops;
	size_t npops;
	struct closed *closings;
	size_t nclosings;
} rc;

static unsigned long hash_code(const char *s)
{
	unsigned long h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

static void codemap_clear(struct codemap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].code);
	free(m->slots);
	m->slots = NULL;
	m->cap = 0;
}

/* Loads the codes of "rgroup" or "category". */
static void codemap_load(struct codemap *m, sqlite3 *db, bool groups)
{
	codemap_clear(m);
	long long n = db_query_int(db, 0, groups ? "SELECT count(*) FROM rgroup" : "SELECT count(*) FROM category", NULL);
	m->cap = 16;
	while (m->cap < 2 * (size_t)n + 2)
		m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	sqlite3_stmt *st = db_cached(db, groups ? "SELECT id, code FROM rgroup" : "SELECT id, code FROM category");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		size_t j = hash_code(code) & (m->cap - 1);
		while (m->slots[j].code)
			j = (j + 1) & (m->cap - 1);
		m->slots[j].code = xstrdup(code);
		m->slots[j].id = sqlite3_column_int64(st, 0);
	}
	db_release(st);
}

static long long codemap_get(const struct codemap *m, const char *code)
{
	if (!m->cap)
		return 0;
	for (size_t j = hash_code(code) & (m->cap - 1); m->slots[j].code; j = (j + 1) & (m->cap - 1))
		if (!strcmp(m->slots[j].code, code))
			return m->slots[j].id;
	return 0;
}

static ws_date iso_date(const char *s)
{
	ws_date d = 0;
	if (s)
		date_parse(s, &d);
	return d;
}

static void load_pops(sqlite3 *db)
{
	free(rc.pops);
	size_t cap = (size_t)db_query_int(db, 0, "SELECT count(*) FROM population", NULL) + 1;
	rc.pops = xcalloc(cap, sizeof *rc.pops);
	rc.npops = 0;
	sqlite3_stmt *st = db_cached(db, "SELECT group_id, date, id, households, residents FROM population "
					 "ORDER BY group_id, date, id");
	while (sqlite3_step(st) == SQLITE_ROW && rc.npops < cap) {
		struct pop *p = &rc.pops[rc.npops++];
		p->group_id = sqlite3_column_int64(st, 0);
		p->date = iso_date((const char *)sqlite3_column_text(st, 1));
		p->id = sqlite3_column_int64(st, 2);
		p->households = sqlite3_column_int64(st, 3);
		p->residents = sqlite3_column_int64(st, 4);
	}
	db_release(st);
}

static void load_closings(sqlite3 *db)
{
	free(rc.closings);
	size_t cap = (size_t)db_query_int(db, 0, "SELECT count(*) FROM closing", NULL) + 1;
	rc.closings = xcalloc(cap, sizeof *rc.closings);
	rc.nclosings = 0;
	sqlite3_stmt *st = db_cached(db, "SELECT first_day, last_day, period FROM closing ORDER BY first_day");
	while (sqlite3_step(st) == SQLITE_ROW && rc.nclosings < cap) {
		struct closed *c = &rc.closings[rc.nclosings++];
		c->first = iso_date((const char *)sqlite3_column_text(st, 0));
		c->last = iso_date((const char *)sqlite3_column_text(st, 1));
		snprintf(c->period, sizeof c->period, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	db_release(st);
}

void refcache_begin(sqlite3 *db)
{
	refcache_end();
	rc.db = db;
}

void refcache_end(void)
{
	codemap_clear(&rc.groups);
	codemap_clear(&rc.categories);
	free(rc.pops);
	free(rc.closings);
	memset(&rc, 0, sizeof rc);
}

void refcache_changed(const struct kind_def *k)
{
	if (!strcmp(k->name, "group")) {
		rc.groups_ok = false;
		rc.pops_ok = false; /* a new group brings its first population */
	} else if (!strcmp(k->name, "category")) {
		rc.categories_ok = false;
	} else if (!strcmp(k->name, "population")) {
		rc.pops_ok = false;
	} else if (!strcmp(k->name, "closing")) {
		rc.closings_ok = false;
	}
}

long long refcache_id(sqlite3 *db, const char *table, const char *code)
{
	bool group = !strcmp(table, "rgroup");
	if (rc.db != db)
		return db_query_int(db, 0, group ? "SELECT id FROM rgroup WHERE code = ?"
					     : "SELECT id FROM category WHERE code = ?", code, NULL);
	if (group && !rc.groups_ok) {
		codemap_load(&rc.groups, db, true);
		rc.groups_ok = true;
	} else if (!group && !rc.categories_ok) {
		codemap_load(&rc.categories, db, false);
		rc.categories_ok = true;
	}
	return codemap_get(group ? &rc.groups : &rc.categories, code);
}

bool refcache_population(sqlite3 *db, long long group_id, const char *date,
			 long long *households, long long *residents)
{
	if (rc.db != db) {
		sqlite3_stmt *st = db_cached(db,
			"SELECT households, residents FROM population WHERE group_id = ? "
			"AND date <= ? ORDER BY date DESC, id DESC LIMIT 1");
		sqlite3_bind_int64(st, 1, group_id);
		db_bind_text(st, 2, date);
		bool found = sqlite3_step(st) == SQLITE_ROW;
		if (found) {
			*households = sqlite3_column_int64(st, 0);
			*residents = sqlite3_column_int64(st, 1);
		}
		db_release(st);
		return found;
	}
	if (!rc.pops_ok) {
		load_pops(db);
		rc.pops_ok = true;
	}
	/* The first row after (group_id, date); the one before it is the
	 * latest on or before the date if it is of the same group. */
	ws_date d = iso_date(date);
	size_t lo = 0, hi = rc.npops;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct pop *p = &rc.pops[mid];
		if (p->group_id < group_id || (p->group_id == group_id && p->date <= d))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || rc.pops[lo - 1].group_id != group_id)
		return false;
	*households = rc.pops[lo - 1].households;
	*residents = rc.pops[lo - 1].residents;
	return true;
}

bool refcache_closed(sqlite3 *db, const char *date, char *period, size_t size)
{
	if (rc.db != db) {
		sqlite3_stmt *st = db_cached(db,
			"SELECT period FROM closing WHERE ? BETWEEN first_day AND last_day ORDER BY first_day LIMIT 1");
		db_bind_text(st, 1, date);
		bool found = sqlite3_step(st) == SQLITE_ROW;
		if (found)
			snprintf(period, size, "%s", (const char *)sqlite3_column_text(st, 0));
		db_release(st);
		return found;
	}
	if (!rc.closings_ok) {
		load_closings(db);
		rc.closings_ok = true;
	}
	ws_date d = iso_date(date);
	for (size_t i = 0; i < rc.nclosings; i++)
		if (d >= rc.closings[i].first && d <= rc.closings[i].last) {
			snprintf(period, size, "%s", rc.closings[i].period);
			return true;
		}
	return false;
}
