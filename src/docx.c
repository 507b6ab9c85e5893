/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docx.c - XML escaping and the ZIP container of a DOCX (docx.h).  The
 * package is built in memory with libzip, then written like every other
 * file of the program (write_file_atomic). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "docx.h"
#include "i18n.h"

void docx_escape(struct strbuf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		switch (*p) {
		case '&': sb_puts(out, "&amp;"); break;
		case '<': sb_puts(out, "&lt;"); break;
		case '>': sb_puts(out, "&gt;"); break;
		case '"': sb_puts(out, "&quot;"); break;
		default:
			if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
				sb_putc(out, (char)*p);
		}
}

/* libzip's message of an error code (new string). */
static char *zip_message(int code)
{
	zip_error_t e;
	zip_error_init_with_code(&e, code);
	char *m = xstrdup(zip_error_strerror(&e));
	zip_error_fini(&e);
	return m;
}

bool docx_write_zip(const char *path, const struct docx_part *parts, size_t n, struct strlist *errors)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *buf = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_t *z = buf ? zip_open_from_source(buf, ZIP_TRUNCATE, &err) : NULL;
	bool ok = z != NULL;
	if (!ok) {
		sl_pushf(errors, _("cannot make the DOCX %s: %s"), path, zip_error_strerror(&err));
		if (buf)
			zip_source_free(buf);
		zip_error_fini(&err);
		return false;
	}
	zip_error_fini(&err);
	zip_source_keep(buf);   /* read back after zip_close */
	for (size_t i = 0; i < n && ok; i++) {
		zip_source_t *s = zip_source_buffer(z, parts[i].data, parts[i].len, 0);
		ok = s && zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) >= 0;
		if (!ok) {
			if (s)
				zip_source_free(s);
			sl_pushf(errors, _("cannot make the DOCX %s: %s"), path, zip_strerror(z));
		}
	}
	if (!ok) {
		zip_discard(z);
		zip_source_free(buf);
		return false;
	}
	if (zip_close(z) < 0) {
		sl_pushf(errors, _("cannot make the DOCX %s: %s"), path, zip_strerror(z));
		zip_discard(z);
		zip_source_free(buf);
		return false;
	}
	/* The finished archive, out of the buffer source. */
	struct strbuf bytes = STRBUF_INIT;
	zip_stat_t st;
	zip_stat_init(&st);
	ok = zip_source_stat(buf, &st) == 0 && zip_source_open(buf) == 0;
	if (ok) {
		char chunk[8192];
		zip_int64_t got;
		while ((got = zip_source_read(buf, chunk, sizeof chunk)) > 0)
			sb_add(&bytes, chunk, (size_t)got);
		ok = got == 0;
		zip_source_close(buf);
	}
	if (!ok) {
		char *m = zip_message(zip_error_code_zip(zip_source_error(buf)));
		sl_pushf(errors, _("cannot make the DOCX %s: %s"), path, m);
		free(m);
	}
	zip_source_free(buf);
	if (ok) {
		int e = write_file_atomic(path, bytes.len ? bytes.buf : "", bytes.len, 0600);
		if (e) {
			sl_pushf(errors, _("cannot write %s: %s"), path, strerror(e));
			ok = false;
		}
	}
	sb_free(&bytes);
	return ok;
}
