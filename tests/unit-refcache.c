/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-refcache.c - validation during a bulk import (reference data kept in
 * memory, refcache.h) says exactly what it says record by record, also
 * after the import itself adds groups, populations, categories and closed
 * periods. */
#include "config.h"

#include "tap.h"
#include "fixture.h"
#include "../src/refcache.h"

/* The issues of a record as one text, with or without the cache. */
static char *issues_of(sqlite3 *db, bool cached, const char *kind, ...)
{
	struct record r;
	va_list ap;
	va_start(ap, kind);
	fixture_record(&r, kind, ap);
	va_end(ap);
	if (cached)
		refcache_begin(db);
	struct issues is = { NULL, 0, 0 };
	validate_record(db, &r, NULL, &is);
	if (cached)
		refcache_end();
	char *text = is.n ? issues_text(r.kind, &is) : xstrdup("(none)");
	issues_free(&is);
	record_clear(&r);
	return text;
}

/* Validates with the cache already running (as an import does). */
static char *issues_in_import(sqlite3 *db, const char *kind, ...)
{
	struct record r;
	va_list ap;
	va_start(ap, kind);
	fixture_record(&r, kind, ap);
	va_end(ap);
	struct issues is = { NULL, 0, 0 };
	validate_record(db, &r, NULL, &is);
	char *text = is.n ? issues_text(r.kind, &is) : xstrdup("(none)");
	issues_free(&is);
	record_clear(&r);
	return text;
}

/* The same issues with and without the cache, and they say `want`. */
#define SAME(desc, want, ...) do { \
	char *a = issues_of(db, false, __VA_ARGS__, NULL); \
	char *b = issues_of(db, true, __VA_ARGS__, NULL); \
	is_str(b, a, desc); \
	ok(strstr(b, want) != NULL, "  ... and it says \"%s\": %s", want, b); \
	free(a); \
	free(b); \
} while (0)

int main(void)
{
	fixture_init();
	sqlite3 *db = fixture_db();
	add(db, "category", "code=theft", "name=Trộm cắp tài sản", NULL);
	add(db, "group", "code=T1", "name=Tổ 1", "households=100", "residents=400", "date=2023-01-01", NULL);
	add(db, "group", "code=T2", "name=Tổ 2", "households=50", "residents=200", "date=2023-06-01", NULL);
	add(db, "population", "group=T1", "date=2023-07-01", "households=120", "residents=480", NULL);
	add(db, "survey", "group=T1", "date=2023-03-10", "surveyed=60", "with_extinguisher=30", NULL);
	add(db, "survey", "group=T1", "date=2023-09-10", "surveyed=90", "with_extinguisher=70", NULL);
	add(db, "closing", "period=2023-Q1", NULL);

	SAME("a valid survey", "(none)", "survey", "group=T1", "date=2023-05-10", "surveyed=70", "with_extinguisher=40");
	SAME("more households than the population in force (the earlier one)", "more than the 100 households",
	     "survey", "group=T1", "date=2023-05-10", "surveyed=110", "with_extinguisher=40");
	SAME("within the later population", "(none)", "survey", "group=T1", "date=2023-09-20", "surveyed=110",
	     "with_extinguisher=75");
	SAME("no population yet on that date", "no population recorded", "survey", "group=T2", "date=2023-05-01", "surveyed=10",
	     "with_extinguisher=1");
	SAME("a population dated the same day counts", "(none)", "survey", "group=T2", "date=2023-06-01", "surveyed=10",
	     "with_extinguisher=1");
	SAME("unknown group", "no group has this code", "survey", "group=T9", "date=2023-05-01", "surveyed=10", "with_extinguisher=1");
	SAME("same group and date as a stored survey", "already has a record", "survey", "group=T1", "date=2023-09-10", "surveyed=90",
	     "with_extinguisher=70");
	SAME("cumulative count lower than before and higher than after", "should not go down", "survey", "group=T1",
	     "date=2023-05-10", "surveyed=95", "with_extinguisher=20");
	SAME("inside a closed period", "2023-Q1", "survey", "group=T1", "date=2023-02-10", "surveyed=50",
	     "with_extinguisher=20");
	SAME("installs above residents", "more app users than the 200 residents", "app114", "group=T2", "date=2023-07-01", "installs=250");
	SAME("commitments above households", "more than the 120 households", "commitment", "group=T1", "date=2023-07-05", "pccc=130", "antt=10");
	SAME("an incident with a known category", "(none)", "incident", "group=T2", "date=2023-07-05", "category=theft");
	SAME("an incident with an unknown category", "no incident category", "incident", "group=T2", "date=2023-07-05", "category=fraud");

	/* Inside one import: writes made by the import are seen by the rows
	 * after them once refcache_changed() says so. */
	struct strlist err = STRLIST_INIT;
	db_begin(db, &err);
	refcache_begin(db);
	char *t = issues_in_import(db, "survey", "group=T3", "date=2023-08-01", "surveyed=10", "with_extinguisher=1", NULL);
	ok(strstr(t, "no group has this code") != NULL, "a group not yet imported is unknown: %s", t);
	free(t);
	ok(add(db, "group", "code=T3", "name=Tổ 3", "households=30", "residents=90", "date=2023-07-15", NULL) > 0,
	   "the import adds group T3");
	refcache_changed(kind_find("group"));
	t = issues_in_import(db, "survey", "group=T3", "date=2023-08-01", "surveyed=10", "with_extinguisher=1", NULL);
	is_str(t, "(none)", "then its survey is accepted, using its first population");
	free(t);
	t = issues_in_import(db, "survey", "group=T3", "date=2023-09-01", "surveyed=40", "with_extinguisher=1", NULL);
	ok(strstr(t, "more than the 30 households") != NULL, "40 of 30 households is refused: %s", t);
	free(t);
	ok(add(db, "population", "group=T3", "date=2023-08-15", "households=45", "residents=150", NULL) > 0,
	   "the import adds a population for T3");
	refcache_changed(kind_find("population"));
	t = issues_in_import(db, "survey", "group=T3", "date=2023-09-01", "surveyed=40", "with_extinguisher=1", NULL);
	is_str(t, "(none)", "then 40 of 45 households is accepted");
	free(t);
	ok(add(db, "category", "code=fraud", "name=Lừa đảo", NULL) > 0, "the import adds a category");
	refcache_changed(kind_find("category"));
	t = issues_in_import(db, "incident", "group=T3", "date=2023-09-01", "category=fraud", NULL);
	is_str(t, "(none)", "then an incident of that category is accepted");
	free(t);
	t = issues_in_import(db, "survey", "group=T3", "date=2023-10-05", "surveyed=41", "with_extinguisher=2", NULL);
	is_str(t, "(none)", "October is not closed yet");
	free(t);
	ok(add(db, "closing", "period=2023-10", NULL) > 0, "the import closes October");
	refcache_changed(kind_find("closing"));
	t = issues_in_import(db, "survey", "group=T3", "date=2023-10-05", "surveyed=41", "with_extinguisher=2", NULL);
	ok(strstr(t, "2023-10") != NULL && strstr(t, "closed") != NULL, "then a survey in October warns: %s", t);
	free(t);
	refcache_end();
	db_rollback(db);
	sl_free(&err);

	/* After the import, nothing is remembered. */
	SAME("after the import the database is asked again", "no group has this code", "survey", "group=T3", "date=2023-08-01",
	     "surveyed=10", "with_extinguisher=1");

	fixture_cleanup(db);
	return done();
}
