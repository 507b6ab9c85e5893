/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.h - 'wardsafe check': SQLite's integrity and foreign-key checks and
 * every validation rule applied again to every stored record. */
#ifndef WS_CHECK_H
#define WS_CHECK_H

#include <sqlite3.h>
#include <stdbool.h>

#include "util.h"

/* Appends problems (rule errors) and warnings, each naming the record.
 * Returns false if the file itself is damaged. */
bool check_database(sqlite3 *db, struct strlist *problems, struct strlist *warnings);

#endif
