/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - wardsafe entry point: global options, configuration, language,
 * then a subcommand (cli.c), the screens, or the roll-up screen when --db
 * is given more than once. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "settings.h"
#include "tui.h"

static void version(void)
{
	/* The GNU form: name and version, copyright, licence, no warranty. */
	printf("wardsafe %s\n", PACKAGE_VERSION);
	printf("Copyright (C) 2026 %s\n", _("the wardsafe developers"));
	printf("%s\n", _("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>."));
	printf("%s\n", _("This is free software: you are free to change and redistribute it."));
	printf("%s\n", _("There is NO WARRANTY, to the extent permitted by law."));
}

/* Takes the value of option `name` at argv[*i] ("--db FILE" or "--db=FILE"). */
static int take_value(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return 0;
	if (argv[*i][n] == '=') {
		*out = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		cli_error(_("option %s needs a value"), name);
		return -1;
	}
	*out = argv[++*i];
	return 1;
}

/* Standard output could not be written (a full disk, /dev/full, an
 * output error): the command failed even though it ran, as gnulib's
 * close_stdout says.  False after the message.  A stdout closed before
 * the start (EBADF) with nothing written is not an error. */
static bool stdout_written(void)
{
	errno = 0;
	bool failed = fflush(stdout) != 0 || ferror(stdout);
	int err = errno;
	if (fclose(stdout) != 0 && !failed && errno != EBADF) {
		failed = true;
		err = errno;
	}
	if (failed)
		cli_error(_("cannot write the output: %s"), err ? strerror(err) : _("write error"));
	return !failed;
}

int main(int argc, char **argv)
{
	i18n_init_locale();
	const char *db = NULL, *config = NULL, *lang = NULL;
	int ndb = 0;
	bool help = false, show_version = false, in_command = false;
	char **rest = xcalloc((size_t)argc + 1, sizeof(char *));
	const char **dbs = xcalloc((size_t)argc + 1, sizeof(char *));
	int nrest = 0, rc = EXIT_DONE;
	struct strlist errors = STRLIST_INIT;
	struct cli_env env = { NULL, NULL };

	for (int i = 1; i < argc; i++) {
		int r;
		if ((r = take_value(argc, argv, &i, "--db", &dbs[ndb])) > 0) {
			db = dbs[ndb++];
			continue;
		}
		if (r < 0 ||
		    (r = take_value(argc, argv, &i, "--config", &config)) ||
		    (r = take_value(argc, argv, &i, "--lang", &lang))) {
			if (r < 0) {
				rc = EXIT_USAGE;
				goto out;
			}
			continue;
		}
		if (!in_command && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))) {
			help = true;
			continue;
		}
		if (!in_command && (!strcmp(argv[i], "--version") || !strcmp(argv[i], "-V"))) {
			show_version = true;
			continue;
		}
		if (!in_command && argv[i][0] == '-') {
			i18n_set_language(lang);
			cli_error(_("unknown option %s; see 'wardsafe --help'"), argv[i]);
			rc = EXIT_USAGE;
			goto out;
		}
		in_command = true;
		rest[nrest++] = argv[i];
	}
	if (lang && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0) {
		cli_error(_("--lang takes vi or en, not '%s'"), lang);
		rc = EXIT_USAGE;
		goto out;
	}
	i18n_set_language(lang);

	/* A bad configuration stops everything before the database is touched. */
	if (!settings_load(config, &errors) && !help && !show_version) {
		for (size_t i = 0; i < errors.n; i++)
			cli_error("%s", errors.items[i]);
		rc = EXIT_DBERR;
		goto out;
	}
	if (!lang)
		i18n_set_language(settings_str(CFG_LANGUAGE));

	if (show_version) {
		version();
		goto out;
	}
	if (help) {
		cli_usage();
		goto out;
	}
	if (ndb > 1 && nrest > 0) {
		cli_error(ngettext("--db is given %d time: several databases are rolled up by the screens "
				   "(no command) or by 'wardsafe rollup FILE...'",
				   "--db is given %d times: several databases are rolled up by the screens "
				   "(no command) or by 'wardsafe rollup FILE...'", (unsigned long)ndb), ndb);
		rc = EXIT_USAGE;
		goto out;
	}
	if (ndb > 1) {
		/* Several databases and no command: the roll-up screen. */
		rc = tui_run_rollup(dbs, ndb);
		goto out;
	}
	env.db_option = db;
	env.db_path = db_default_path(db);
	if (nrest == 0) {
		/* The screens; a new database is created for the first-run form. */
		struct strlist dberr = STRLIST_INIT, warnings = STRLIST_INIT;
		bool existed = access(env.db_path, F_OK) == 0;
		sqlite3 *sdb = db_open(env.db_path, DB_CREATE, &dberr);
		if (sdb && existed)
			db_startup(sdb, env.db_path, &warnings);
		if (!sdb) {
			for (size_t i = 0; i < dberr.n; i++)
				cli_error("%s", dberr.items[i]);
			rc = EXIT_DBERR;
		} else {
			rc = tui_run(sdb, env.db_path, &warnings);
			db_close(sdb);
		}
		sl_free(&dberr);
		sl_free(&warnings);
	} else {
		rc = cli_run(&env, nrest, rest);
	}
out:
	if (!stdout_written())
		rc = EXIT_DBERR;
	free(env.db_path);
	sl_free(&errors);
	free(rest);
	free(dbs);
	return rc;
}
