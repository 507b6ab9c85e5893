/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-dbmsg.c - the reasons the database messages give: a file replaced
 * under the running program, a symbolic link, a read-only directory. */
#include "config.h"

#include <sys/stat.h>

#include "tap.h"
#include "fixture.h"

/* True if one of the messages contains `needle`; prints them otherwise. */
static bool has(const struct strlist *l, const char *needle)
{
	for (size_t i = 0; i < l->n; i++)
		if (strstr(l->items[i], needle))
			return true;
	for (size_t i = 0; i < l->n; i++)
		printf("#   message: %s\n", l->items[i]);
	return false;
}

int main(void)
{
	fixture_init();
	sqlite3 *db = fixture_db();
	char *path = xasprintf("%s/test.db", fixture_dir);
	struct strlist err = STRLIST_INIT;

	/* ---- the file is replaced while a connection is open on it */
	add(db, "group", "code=1", "name=Tổ 1", "households=100", "residents=350", "date=2023-01-01", NULL);
	char *other = xasprintf("%s/other.db", fixture_dir);
	sqlite3 *o = db_open(other, DB_CREATE, &err);
	ok(o != NULL, "a second database is created");
	db_close(o);
	ok(rename(other, path) == 0, "and moved over the first one");
	ok(!db_exec(db, "UPDATE rgroup SET name = 'X' WHERE id = 1", &err), "a save into the replaced file fails");
	ok(has(&err, "moved or replaced while wardsafe was running") && has(&err, "start it again"),
	   "and says the file was replaced and to start again, not that it is read-only");
	sl_free(&err);
	db_close(db);

	/* ---- a symbolic link is refused with its target and the reason */
	char *link = xasprintf("%s/link.db", fixture_dir);
	ok(symlink(path, link) == 0, "a symbolic link to the database");
	ok(db_open(link, DB_EXISTING, &err) == NULL, "opening through it is refused");
	ok(has(&err, "is a symbolic link to ") && has(&err, "test.db") && has(&err, "real name"),
	   "the message names the link's target and says why");
	sl_free(&err);
	sqlite3 *r = db_open_readonly(link, &err);
	ok(r != NULL, "reading through a link (roll-up) is allowed");
	db_close(r);
	sl_free(&err);

	/* ---- a file the user may not read (not testable as root) */
	if (geteuid() != 0) {
		chmod(path, 0);
		ok(db_open(path, DB_EXISTING, &err) == NULL && has(&err, "permission denied") &&
			   has(&err, "mode 000"),
		   "a file that may not be read: permission denied, with owner and mode");
		sl_free(&err);
		chmod(path, 0600);
	} else {
		printf("ok %d - a file that may not be read: permission denied, with owner and mode "
		       "# SKIP root reads anything\n", ++tap_n);
	}

	free(link);
	free(other);
	free(path);
	fixture_cleanup(NULL);
	return done();
}
