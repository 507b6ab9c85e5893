/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-config.c - the configuration reader (settings_load_file: the
 * bounded read of a regular file, then settings_load_text: the size limit,
 * UTF-16 detection, the line-by-line pre-scan, then iniparser) on arbitrary
 * file contents, and the print_command splitter (print_split_command) on
 * the same bytes.
 *
 * The bytes are written to an anonymous in-memory file (memfd) and loaded
 * through its /proc/self/fd name, as a real file would be, and given to
 * settings_load_text directly, which must decide the same.  Properties: a
 * refused file comes with at least one message, each naming the file; an
 * accepted one with none; and after an accepted file every key holds a
 * value its definition allows (numbers in range, one of the choices, valid
 * UTF-8 without control characters, a print_command that splits).  The
 * splitter: refusing leaves the list as it was and gives a message;
 * accepting gives words that, each quoted again in single quotes and
 * joined by spaces, split back into the same words; an input without
 * quotes or backslashes splits exactly at blanks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "../../src/i18n.h"
#include "../../src/printing.h"
#include "../../src/settings.h"
#include "../../src/text.h"
#include "../../src/util.h"

/* True if v is one of the "a|b|c" choices. */
static int is_choice(const char *v, const char *choices)
{
	size_t len = strlen(v);
	for (const char *c = choices; c && *c;) {
		const char *bar = strchr(c, '|');
		size_t cl = bar ? (size_t)(bar - c) : strlen(c);
		if (cl == len && strncmp(c, v, len) == 0)
			return 1;
		c = bar ? bar + 1 : NULL;
	}
	return 0;
}

/* Quotes a word for print_split_command: in single quotes, a ' as '\''. */
static void quote_word(struct strbuf *out, const char *w)
{
	sb_putc(out, '\'');
	for (; *w; w++)
		if (*w == '\'')
			sb_puts(out, "'\\''");
		else
			sb_putc(out, *w);
	sb_putc(out, '\'');
}

/* The splitter's properties on one command (a NUL-terminated string). */
static void check_split(const char *cmd)
{
	struct strlist words = STRLIST_INIT;
	sl_push(&words, xstrdup("sentinel"));
	char *err = NULL;
	bool ok = print_split_command(cmd, &words, &err);
	FUZZ_CHECK(words.n >= 1 && strcmp(words.items[0], "sentinel") == 0);
	if (!ok) {
		FUZZ_CHECK(err != NULL && *err);
		FUZZ_CHECK(words.n == 1); /* nothing added */
		free(err);
		sl_free(&words);
		return;
	}
	FUZZ_CHECK(err == NULL);
	/* Quoted again, the words split into themselves. */
	struct strbuf again = STRBUF_INIT;
	for (size_t i = 1; i < words.n; i++) {
		if (i > 1)
			sb_putc(&again, ' ');
		quote_word(&again, words.items[i]);
	}
	struct strlist words2 = STRLIST_INIT;
	FUZZ_CHECK(print_split_command(again.buf ? again.buf : "", &words2, &err));
	FUZZ_CHECK(words2.n == words.n - 1);
	for (size_t i = 0; i < words2.n; i++)
		FUZZ_CHECK(strcmp(words2.items[i], words.items[i + 1]) == 0);
	sl_free(&words2);
	sb_free(&again);
	/* Without quotes and backslashes: words at blanks, none empty, no
	 * blank inside. */
	if (!strpbrk(cmd, "'\"\\")) {
		size_t k = 1;
		for (const char *p = cmd; *p;) {
			p += strspn(p, " \t");
			if (!*p)
				break;
			size_t n = strcspn(p, " \t");
			FUZZ_CHECK(k < words.n && strlen(words.items[k]) == n &&
				   memcmp(words.items[k], p, n) == 0);
			k++;
			p += n;
		}
		FUZZ_CHECK(k == words.n);
	}
	sl_free(&words);
}

/* Every value allowed by its definition. */
static void check_values(void)
{
	for (int i = 0; i < CFG_COUNT; i++) {
		const struct settings_def *def = &settings_defs[i];
		const char *v = settings_str((enum settings_key)i);
		long long n;
		double x;
		FUZZ_CHECK(v != NULL);
		FUZZ_CHECK(text_valid_utf8(v, strlen(v)));
		FUZZ_CHECK(text_find_control(v) < 0); /* no ESC, BEL, C1, bidi */
		switch (def->type) {
		case CT_STRING:
			if (i == CFG_REPORT_PRINT_COMMAND) {
				struct strlist w = STRLIST_INIT;
				char *err = NULL;
				FUZZ_CHECK(print_split_command(v, &w, &err));
				sl_free(&w);
			}
			break;
		case CT_INT:
			FUZZ_CHECK(parse_int64(v, &n));
			FUZZ_CHECK(n >= def->min && n <= def->max);
			break;
		case CT_DECIMAL:
			FUZZ_CHECK(parse_decimal(v, &x));
			FUZZ_CHECK(x >= def->min && x <= def->max);
			break;
		case CT_ENUM:
			FUZZ_CHECK(is_choice(v, def->choices));
			break;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	if (fd < 0) {
		i18n_init_locale();
		fd = memfd_create("fuzz-config.ini", MFD_CLOEXEC);
		FUZZ_CHECK(fd >= 0);
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	FUZZ_CHECK(ftruncate(fd, 0) == 0);
	size_t off = 0;
	while (off < size) {
		ssize_t w = pwrite(fd, data + off, size - off, (off_t)off);
		FUZZ_CHECK(w > 0);
		off += (size_t)w;
	}

	struct strlist errors = STRLIST_INIT;
	settings_reset();
	bool ok = settings_load_file(path, &errors);
	if (ok) {
		FUZZ_CHECK(errors.n == 0);
		FUZZ_CHECK(settings_source() && strcmp(settings_source(), path) == 0);
		check_values();
	} else {
		FUZZ_CHECK(errors.n > 0);
		for (size_t i = 0; i < errors.n; i++)
			FUZZ_CHECK(strncmp(errors.items[i], path, strlen(path)) == 0);
		/* Nothing is loaded from a refused file. */
		FUZZ_CHECK(settings_source() == NULL);
		check_values();
	}
	sl_free(&errors);

	/* The same bytes without the file: the same decision. */
	settings_reset();
	bool ok2 = settings_load_text("fuzz.ini", (const char *)data, size, &errors);
	FUZZ_CHECK(ok2 == ok);
	FUZZ_CHECK(ok2 ? errors.n == 0 : errors.n > 0);
	for (size_t i = 0; i < errors.n; i++)
		FUZZ_CHECK(strncmp(errors.items[i], "fuzz.ini:", 9) == 0);
	if (ok2)
		check_values();
	sl_free(&errors);
	settings_reset();

	/* The splitter on the bytes, up to the first NUL (or a line end: a
	 * value is one line). */
	size_t n = 0;
	while (n < size && data[n] && data[n] != '\n')
		n++;
	char *cmd = xstrndup((const char *)data, n);
	check_split(cmd);
	free(cmd);
	return 0;
}
