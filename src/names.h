/* SPDX-License-Identifier: GPL-3.0-or-later */
/* names.h - what the screens show for a stored value: the name of a
 * category, choice, indicator or group, yes/no in words, dates as
 * DD/MM/YYYY, numbers as the language writes them; and the way back from a
 * typed name (or code) to the stored value.  The stored values and the
 * command line's output never change: only what is shown. */
#ifndef WS_NAMES_H
#define WS_NAMES_H

#include <sqlite3.h>

#include "kind.h"
#include "record.h"

/* The translated name of a choice value ("radio" -> "loudspeaker
 * system"); the value itself when it has none. */
const char *names_choice(const char *value);

/* A field's value as the screens show it (new string; "" for none).  `rec`,
 * when given, is the record the value belongs to: a target's value of a
 * rate is shown with "%". */
char *names_value(sqlite3 *db, const struct record *rec, const struct field_def *f, const char *v);

/* The same for a reference field (group, category, indicator, choice,
 * yes/no) in a form: the name, which names_input() reads back; other
 * fields as given (new string). */
char *names_form_text(sqlite3 *db, const struct field_def *f, const char *v);

/* The stored value for what was typed in a form: a name (case and accents
 * do not matter) or the code itself; anything else as typed, for the
 * validation to report (new string). */
char *names_input(sqlite3 *db, const struct field_def *f, const char *typed);

#endif
