/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docx.h - the pieces of an Office Open XML package (DOCX): XML text
 * escaping and the ZIP container (libzip), written atomically.  The parts'
 * XML is the caller's (report_docx.c). */
#ifndef WS_DOCX_H
#define WS_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Appends `s` to `out` as XML character data or attribute text: & < > "
 * escaped, and the characters XML 1.0 forbids (C0 controls but tab, LF and
 * CR) left out. */
void docx_escape(struct strbuf *out, const char *s);

/* One part of the package: its name in the ZIP and its bytes. */
struct docx_part {
	const char *name;
	const char *data;
	size_t len;
};

/* Writes the parts as a ZIP file to `path` (temp file, fsync, rename, mode
 * 0600), the first one stored as given (put [Content_Types].xml first).
 * False after adding a message. */
bool docx_write_zip(const char *path, const struct docx_part *parts, size_t n, struct strlist *errors);

#endif
