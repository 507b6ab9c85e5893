/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-text.c - the escaping of control characters for output
 * (text_printable and friends, text.c) and the refusal of control
 * characters by the text fields (validation of a ward's name), on arbitrary
 * bytes.
 *
 * Properties of the escaping, under each set of flags: the result is valid
 * UTF-8 and holds no byte below 0x20 nor 0x7f (but the line feeds and tabs
 * TEXT_KEEP_LINES keeps), no C1 control and no bidi control or direction
 * mark; escaping it again changes nothing; valid UTF-8 without control
 * characters comes out unchanged; it is at most six times as long.
 * Properties of the validation: a value holding a control character is
 * refused with a message naming the field; an accepted value holds none;
 * no message holds a raw control character. */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../src/i18n.h"
#include "../../src/kind.h"
#include "../../src/record.h"
#include "../../src/text.h"
#include "../../src/util.h"
#include "../../src/validate.h"

/* No control character in out[0..len) (line feeds and tabs allowed if
 * `lines`), and valid UTF-8. */
static void check_printable(const char *out, size_t len, bool lines)
{
	FUZZ_CHECK(strlen(out) == len);
	FUZZ_CHECK(text_valid_utf8(out, len));
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];
		FUZZ_CHECK(!((c < 0x20 || c == 0x7f) && !(lines && (c == '\n' || c == '\t'))));
	}
	/* Code points: none of C1, bidi controls, direction marks. */
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < len; i++)
		if (!(lines && (out[i] == '\n' || out[i] == '\t')))
			sb_putc(&sb, out[i]);
	FUZZ_CHECK(text_find_control(sb.buf ? sb.buf : "") < 0);
	sb_free(&sb);
}

static void check_escaping(const char *in, size_t size, unsigned flags)
{
	char *out = text_printable_n(in, size, flags);
	size_t len = strlen(out);
	check_printable(out, len, flags & TEXT_KEEP_LINES);
	FUZZ_CHECK(len <= 6 * size); /* "\\ufffd" for a byte (TEXT_JSON) */
	/* Escaping is idempotent: an escaped text is printable already. */
	char *again = text_printable_n(out, len, flags);
	FUZZ_CHECK(strcmp(again, out) == 0);
	free(again);
	/* Printable text is left exactly as it is.  (s: the input as a C
	 * string, when it holds no NUL.) */
	char *s = memchr(in, '\0', size) ? NULL : xstrndup(in, size);
	if (s && text_is_printable(s)) {
		FUZZ_CHECK(len == size && memcmp(out, in, size) == 0);
		FUZZ_CHECK(text_find_control(s) < 0);
	}
	if (s && !flags) {
		/* text_printable agrees with it. */
		char *p = text_printable(s);
		FUZZ_CHECK(strcmp(p, out) == 0);
		free(p);
		/* and text_fit cuts what will be shown */
		char *f = text_fit(s, 20, false);
		check_printable(f, strlen(f), false);
		free(f);
	}
	free(s);
	free(out);
}

static void check_validation(sqlite3 *db, const char *in)
{
	const struct kind_def *k = kind_find("ward");
	FUZZ_CHECK(k != NULL);
	int fi = kind_field_index(k, "name");
	FUZZ_CHECK(fi >= 0);
	struct record r;
	record_init(&r, k);
	record_set(&r, fi, in);
	struct issues is = { NULL, 0, 0 };
	validate_stored(db, &r, &is);
	bool refused = false;
	for (size_t i = 0; i < is.n; i++) {
		FUZZ_CHECK(text_is_printable(is.v[i].msg));
		if (is.v[i].sev == SEV_ERROR && is.v[i].field == fi) {
			refused = true;
			FUZZ_CHECK(strncmp(is.v[i].msg, "name=", 5) == 0);
		}
	}
	/* What was typed, as validation sees it: NFC (valid UTF-8 only),
	 * trimmed of surrounding white space (line ends included). */
	char *n = text_nfc(in);
	if (n && text_find_control(str_trim(n)) >= 0)
		FUZZ_CHECK(refused);
	if (!refused && r.val[fi])
		FUZZ_CHECK(text_is_printable(r.val[fi]));
	free(n);
	issues_free(&is);
	record_clear(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sqlite3 *db;
	if (!db) {
		i18n_init_locale();
		/* The ward's rules look nothing up: an empty database will do. */
		FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	}
	const char *in = (const char *)data;
	check_escaping(in, size, 0);
	check_escaping(in, size, TEXT_KEEP_LINES);
	check_escaping(in, size, TEXT_JSON);
	char *s = xstrndup(in, size); /* up to the first NUL, as a C string */
	check_validation(db, s);
	free(s);
	return 0;
}
