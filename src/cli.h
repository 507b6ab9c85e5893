/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h - the command-line subcommands (see man/wardsafe.1). */
#ifndef WS_CLI_H
#define WS_CLI_H

/* Exit statuses, a contract. */
enum {
	EXIT_DONE = 0,
	EXIT_REFUSED = 1,  /* input refused by validation */
	EXIT_USAGE = 2,    /* usage error */
	EXIT_DBERR = 3,    /* database or configuration error */
};

struct cli_env {
	const char *db_option;  /* --db */
	char *db_path;          /* resolved path */
};

/* Runs subcommand argv[0] with its arguments; returns the exit status. */
int cli_run(struct cli_env *env, int argc, char **argv);
/* True if `name` is a subcommand. */
int cli_is_command(const char *name);
/* Prints the --help text. */
void cli_usage(void);
/* "wardsafe: error: ..." on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
