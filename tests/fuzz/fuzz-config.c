/* fuzz-config.c - the configuration reader (settings_load_file: the
 * line-by-line pre-scan, then iniparser) on arbitrary file contents.
 *
 * The bytes are written to an anonymous in-memory file (memfd) and loaded
 * through its /proc/self/fd name, as a real file would be.  Properties: a
 * refused file comes with at least one message, each naming the file; an
 * accepted one with none; and after an accepted file every key holds a
 * value its definition allows (numbers in range, one of the choices, valid
 * UTF-8 without control characters). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "../../src/i18n.h"
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
	settings_reset();
	return 0;
}
