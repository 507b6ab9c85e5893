/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-template.c - template_print: the sheet for the group leaders made
 * as a PDF in a temporary file, sent to [report] print_command, and the
 * file removed afterwards (the round grid's P calls it); a refused sheet
 * or a failing printer is reported, never a file left behind. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tap.h"
#include "fixture.h"
#include "../src/template.h"

/* The number of files in dir. */
static int files_in(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	if (d)
		closedir(d);
	return n;
}

static bool set_print_command(const char *cmd)
{
	char *ini = xasprintf("[report]\nprint_command = %s\n", cmd);
	struct strlist err = STRLIST_INIT;
	bool ok = settings_load_text("test.ini", ini, strlen(ini), &err);
	if (!ok)
		printf("# settings: %s\n", err.n ? err.items[0] : "?");
	sl_free(&err);
	free(ini);
	return ok;
}

int main(void)
{
	fixture_init();
	sqlite3 *db = fixture_db();
	ok(add(db, "group", "code=1", "name=Tổ dân phố 1", "leader=Lê Văn Ấn", NULL) > 0, "a group");
	ok(add(db, "population", "group=1", "date=2023-01-01", "households=100", "residents=300", NULL) > 0,
	   "its population");
	ok(add(db, "survey", "group=1", "date=2023-06-30", "surveyed=10", "with_extinguisher=5", NULL) > 0,
	   "a survey before the round");

	char *tmp = xasprintf("%s/tmp", fixture_dir), *printed = xasprintf("%s/printed.pdf", fixture_dir);
	char *script = xasprintf("%s/print.sh", fixture_dir);
	mkdir(tmp, 0700);
	setenv("TMPDIR", tmp, 1);
	FILE *f = fopen(script, "w");
	fprintf(f, "#!/bin/sh\ncase \"$1\" in '%s'/wardsafe-sheet-*.pdf) cp \"$1\" '%s' ;; *) exit 7 ;; esac\n", tmp,
		printed);
	fclose(f);
	chmod(script, 0700);

	struct template_opts o = { kind_find("survey"), date_make(2023, 10, 31), NULL, 0, false, NULL };
	struct strlist errors = STRLIST_INIT;
	bool refused = true;
	ok(set_print_command(script), "the print command is set");
	ok(template_print(db, &o, TEMPLATE_LAYOUT_PAGES, &errors, &refused), "template_print succeeds");
	ok(!refused && errors.n == 0, "nothing refused, no message (%s)", errors.n ? errors.items[0] : "none");
	char head[5] = { 0 };
	FILE *p = fopen(printed, "rb");
	ok(p && fread(head, 1, 4, p) == 4 && !strcmp(head, "%PDF"), "the printer got a PDF, in a temporary file");
	if (p)
		fclose(p);
	is_int(files_in(tmp), 0, "the temporary file is removed after printing");

	/* A printer that fails. */
	sl_free(&errors);
	ok(set_print_command("false"), "a print command that fails");
	ok(!template_print(db, &o, TEMPLATE_LAYOUT_TABLE, &errors, &refused), "template_print reports it");
	ok(!refused && errors.n == 1 && strstr(errors.items[0], "the print command 'false' failed"),
	   "with the printer's message (%s)", errors.n ? errors.items[0] : "none");
	is_int(files_in(tmp), 0, "and removes the file");

	/* A refused sheet never reaches the printer. */
	sl_free(&errors);
	remove(printed);
	ok(set_print_command(script), "the print command again");
	char nine_code[] = "9", *nine = nine_code;
	struct template_opts bad = { kind_find("survey"), date_make(2023, 10, 31), &nine, 1, false, NULL };
	ok(!template_print(db, &bad, TEMPLATE_LAYOUT_TABLE, &errors, &refused) && refused,
	   "an unknown group is refused");
	ok(errors.n == 1 && strstr(errors.items[0], "no group has the code 9"), "naming it (%s)",
	   errors.n ? errors.items[0] : "none");
	ok(access(printed, F_OK) != 0, "nothing was printed");
	is_int(files_in(tmp), 0, "no file left");

	sl_free(&errors);
	settings_reset();
	free(tmp);
	free(printed);
	free(script);
	fixture_cleanup(db);
	return done();
}
