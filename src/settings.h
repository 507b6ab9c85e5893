/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.h - wardsafe.ini: one table of every key with its type, default
 * and allowed values (config.c), read with iniparser.
 *
 * A file is checked line by line before iniparser sees it, so every problem
 * is reported with the file name and line: syntax, over-long lines, bytes
 * that are not UTF-8, unknown sections and keys, values of the wrong type or
 * out of range.  A byte-order mark and CRLF line ends are accepted.
 *
 * The file itself must be a regular file (not a directory, a FIFO or a
 * device) of at most SETTINGS_MAX_SIZE bytes; it is read once, bounded,
 * through the descriptor that was checked, and iniparser is given that
 * checked text, never the file's name. */
#ifndef WS_SETTINGS_H
#define WS_SETTINGS_H

#include <stdbool.h>

#include "util.h"

enum settings_key {
	CFG_LANGUAGE,
	CFG_OPERATOR,
	CFG_DB_PATH,
	CFG_BACKUP_DIR,
	CFG_BACKUPS_KEEP,
	CFG_TARGET_EXTINGUISHER,
	CFG_TARGET_APP114,
	CFG_TARGET_PCCC,
	CFG_TARGET_ANTT,
	CFG_TARGET_SURVEY,
	CFG_TARGET_ESTABLISHMENT,
	CFG_MONTH_START_DAY,
	CFG_INPUT_METHOD,
	CFG_INPUT_TONE,
	CFG_REPORT_PLACE,
	CFG_REPORT_UNIT,
	CFG_REPORT_PARENT_UNIT,
	CFG_REPORT_SIGNER_AUTHORITY,
	CFG_REPORT_SIGNER_TITLE,
	CFG_REPORT_SIGNER_NAME,
	CFG_REPORT_PRINT_COMMAND,
	CFG_REPORT_NUMBER,
	CFG_REPORT_RECIPIENTS,
	CFG_CSV_SEPARATOR,
	CFG_CSV_DECIMAL,
	CFG_CSV_LINE_END,
	/* [rollup]: the district or province unit's report (wardsafe rollup). */
	CFG_ROLLUP_UNIT,
	CFG_ROLLUP_PARENT_UNIT,
	CFG_ROLLUP_PLACE,
	CFG_ROLLUP_NUMBER,
	CFG_ROLLUP_SIGNER_AUTHORITY,
	CFG_ROLLUP_SIGNER_TITLE,
	CFG_ROLLUP_SIGNER_NAME,
	CFG_ROLLUP_RECIPIENTS,
	CFG_COUNT
};

enum settings_type { CT_STRING, CT_INT, CT_DECIMAL, CT_ENUM };

struct settings_def {
	const char *section;
	const char *key;
	enum settings_type type;
	const char *def;     /* default, as text */
	double min, max;     /* CT_INT, CT_DECIMAL */
	const char *choices; /* CT_ENUM: "a|b|c" */
	const char *help;    /* N_() text for the man page and sample */
	/* A further check of the value, or NULL: returns NULL if the value is
	 * fine, else a translated message (to free) saying what to change. */
	char *(*check)(const char *value);
};

/* The largest configuration file read, in bytes (1 MiB). */
#define SETTINGS_MAX_SIZE (1024 * 1024)

extern const struct settings_def settings_defs[CFG_COUNT];

/* Loads the configuration: `explicit_path` (from --config) if given, else
 * $WARDSAFE_CONFIG, the XDG file, the system file; defaults otherwise.
 * On error fills `errors` with messages naming file and line and returns
 * false; nothing is loaded then. */
bool settings_load(const char *explicit_path, struct strlist *errors);
/* Loads one named file (used by settings_load and the tests). */
bool settings_load_file(const char *path, struct strlist *errors);
/* Loads the configuration from the `len` bytes at `data`, read from the
 * file `name` (used in messages): what settings_load_file does once it has
 * read the file, the size limit, encoding and line checks included. */
bool settings_load_text(const char *name, const char *data, size_t len, struct strlist *errors);
/* Resets every key to its default. */
void settings_reset(void);
/* The file the configuration came from, or NULL for built-in defaults. */
const char *settings_source(void);

const char *settings_str(enum settings_key k);
long long settings_int(enum settings_key k);
double settings_decimal(enum settings_key k);
/* Overrides a value (command-line options); the caller validated it. */
void settings_set(enum settings_key k, const char *value);
/* The default target for an indicator id, or -1 if it has none. */
double settings_default_target(const char *indicator);
/* True if the configuration file loaded (or settings_set) gave the key a
 * value (false when the value is the built-in default). */
bool settings_given(enum settings_key k);
/* True, with the value in *out, if the configuration file loaded sets a
 * [targets] default for the indicator id (the built-in defaults do not
 * count). */
bool settings_given_target(const char *indicator, double *out);

#endif
