/* SPDX-License-Identifier: GPL-3.0-or-later */
/* manual.h - the manual (wardsafe(1) and wardsafe.ini(5)) as text or as an
 * A4 PDF, in the interface language, for `wardsafe manual` and the help
 * screen.  The source is the installed roff pages of this build (the
 * directory MANDIR, or $WARDSAFE_MANDIR for the tests), formatted by groff
 * (-man -Tutf8): the PDF is that output drawn line by line in a monospace
 * font with its bold and italic kept, section headings larger, on A4 pages
 * numbered in the top margin (HACKING, "The manual"). */
#ifndef WS_MANUAL_H
#define WS_MANUAL_H

#include <stdbool.h>

#include "util.h"

/* The page of `section` (1 or 5) in `lang` ("vi" or "en"): a new string. */
char *manual_page_path(const char *lang, int section);
/* Appends both pages, formatted as plain text (no bold, no overstrike), to
 * `out`.  False after adding a message. */
bool manual_text(const char *lang, struct strbuf *out, struct strlist *errors);
/* Writes both pages as an A4 PDF to `path` (atomically).  False after
 * adding a message. */
bool manual_write_pdf(const char *lang, const char *path, struct strlist *errors);

#endif
