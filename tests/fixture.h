/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fixture.h - building small databases for the model tests through the same
 * validation and storage code the command line uses. */
#ifndef WS_FIXTURE_H
#define WS_FIXTURE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/db.h"
#include "../src/i18n.h"
#include "../src/kind.h"
#include "../src/record.h"
#include "../src/settings.h"
#include "../src/store.h"
#include "../src/validate.h"

static char fixture_dir[256];

/* A new empty database in a fresh temporary directory. */
static __attribute__((unused)) sqlite3 *fixture_db(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(fixture_dir, sizeof fixture_dir, "%s/wardsafe-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(fixture_dir)) {
		perror("mkdtemp");
		exit(99);
	}
	char *path = xasprintf("%s/test.db", fixture_dir);
	struct strlist err = STRLIST_INIT;
	sqlite3 *db = db_open(path, DB_CREATE, &err);
	free(path);
	if (!db) {
		printf("# cannot create the test database: %s\n", err.n ? err.items[0] : "?");
		exit(99);
	}
	sl_free(&err);
	return db;
}

static __attribute__((unused)) void fixture_cleanup(sqlite3 *db)
{
	db_close(db);
	char *cmd = xasprintf("rm -rf '%s'", fixture_dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", fixture_dir);
	free(cmd);
}

/* Builds a record from "field=value" strings (NULL-terminated list). */
static __attribute__((unused)) void fixture_record(struct record *r, const char *kind, va_list ap)
{
	record_init(r, kind_find(kind));
	const char *a;
	while ((a = va_arg(ap, const char *)) != NULL) {
		const char *eq = strchr(a, '=');
		char *name = xstrndup(a, (size_t)(eq - a));
		if (!record_set_named(r, name, eq + 1)) {
			printf("# fixture: %s has no field %s\n", kind, name);
			exit(99);
		}
		free(name);
	}
}

/* Validates and inserts, accepting warnings; returns the id, or -1 when the
 * record is refused (the errors are printed as TAP comments). */
static __attribute__((unused)) long long add(sqlite3 *db, const char *kind, ...)
{
	struct record r;
	va_list ap;
	va_start(ap, kind);
	fixture_record(&r, kind, ap);
	va_end(ap);
	struct issues is = { NULL, 0, 0 };
	validate_record(db, &r, NULL, &is);
	long long id = -1;
	if (issues_count(&is, SEV_ERROR) == 0) {
		struct strlist err = STRLIST_INIT;
		if (store_insert(db, &r, &err))
			id = r.id;
		else
			printf("# store: %s\n", err.n ? err.items[0] : "?");
		sl_free(&err);
	} else {
		for (size_t i = 0; i < is.n; i++)
			printf("# %s: %s\n", is.v[i].sev == SEV_ERROR ? "error" : "warning", is.v[i].msg);
	}
	issues_free(&is);
	record_clear(&r);
	return id;
}

/* Validates without saving; fills `out` with the issues. */
static __attribute__((unused)) void check_issues(sqlite3 *db, struct issues *out, const char *kind, ...)
{
	struct record r;
	va_list ap;
	va_start(ap, kind);
	fixture_record(&r, kind, ap);
	va_end(ap);
	validate_record(db, &r, NULL, out);
	record_clear(&r);
}

/* True if some issue of the given severity mentions `field=`. */
static __attribute__((unused)) int has_issue(const struct issues *is, enum severity sev, const char *field)
{
	char *prefix = xasprintf("%s=", field);
	int found = 0;
	for (size_t i = 0; i < is->n; i++)
		if (is->v[i].sev == sev && strncmp(is->v[i].msg, prefix, strlen(prefix)) == 0)
			found = 1;
	free(prefix);
	return found;
}

static __attribute__((unused)) void fixture_init(void)
{
	i18n_init_locale();
	i18n_set_language("en");
	setenv("WARDSAFE_NOW", "2026-11-24 09:30:00", 1);
	settings_reset();
}

#endif
