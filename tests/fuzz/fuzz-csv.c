/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c - the CSV reader (csv_next) on arbitrary bytes.
 *
 * Properties: the reader ends (one call per record at most, plus the end);
 * line numbers never go back and never pass the number of line ends; after
 * an unterminated quote (-1) it reports the end; a record refused for a
 * quote in the wrong place (-4) has a quote in the input, and its place
 * (bad_line, bad_field) lies inside the record; the fields together are
 * never longer than the input; and the complete records, written back with
 * csv_write_row and read again, give the same records (what the writer
 * writes is never refused). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../src/csv.h"
#include "../../src/i18n.h"
#include "../../src/util.h"

/* Reads `text` back and checks it gives the records of `want`. */
static void check_round_trip(const char *text, size_t len, const struct strlist *want, size_t n)
{
	FILE *f = fmemopen((char *)text, len, "r");
	FUZZ_CHECK(f != NULL);
	struct csv_reader r;
	struct strlist got = STRLIST_INIT;
	long line;
	csv_reader_init(&r, f);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(csv_next(&r, &got, &line) == 1);
		FUZZ_CHECK(got.n == want[i].n);
		for (size_t j = 0; j < got.n; j++)
			FUZZ_CHECK(strcmp(got.items[j], want[i].items[j]) == 0);
	}
	FUZZ_CHECK(csv_next(&r, &got, &line) == 0);
	sl_free(&got);
	csv_reader_free(&r);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		i18n_init_locale();
		init = 1;
	}
	if (size == 0)
		return 0;
	/* fmemopen reads the buffer only; it wants a non-const pointer. */
	char *copy = xmalloc(size);
	memcpy(copy, data, size);
	FILE *f = fmemopen(copy, size, "r");
	FUZZ_CHECK(f != NULL);

	long line_ends = 0;
	for (size_t i = 0; i < size; i++)
		line_ends += data[i] == '\n' || data[i] == '\r';

	struct csv_reader r;
	struct strlist *records = xcalloc(size + 1, sizeof *records);
	struct strbuf out = STRBUF_INIT;
	long line, prev_line = 0;
	size_t n = 0, bytes = 0;
	int rc;
	csv_reader_init(&r, f);
	while ((rc = csv_next(&r, &records[n], &line)) != 0) {
		struct strlist *fields = &records[n];
		/* A NUL byte (-3) or an over-long field (-2) ends the file: the
		 * importer refuses it whole. */
		if (rc == -3 || rc == -2) {
			FUZZ_CHECK(rc == -2 || memchr(data, 0, size) != NULL);
			sl_free(fields);
			goto done;
		}
		FUZZ_CHECK(n < size);
		FUZZ_CHECK(line >= 1 && line >= prev_line && line <= line_ends + 1);
		FUZZ_CHECK(fields->n >= 1);
		prev_line = line;
		for (size_t i = 0; i < fields->n; i++)
			bytes += strlen(fields->items[i]);
		FUZZ_CHECK(bytes <= size);
		if (rc == -4) {
			FUZZ_CHECK(memchr(data, '"', size) != NULL);
			FUZZ_CHECK(r.bad_line >= line && r.bad_line <= line_ends + 1);
			FUZZ_CHECK(r.bad_field >= 1 && (size_t)r.bad_field <= fields->n);
			sl_free(fields);
			continue;
		}
		if (rc == -1) {
			FUZZ_CHECK(csv_next(&r, &records[n], &line) == 0);
			sl_free(&records[n]);
			break;
		}
		FUZZ_CHECK(rc == 1);
		/* A first field that starts with a byte-order mark would lose it
		 * when read again at the start of a file: write a mark first.
		 * (A lone 0xEF used to swallow the next two bytes; the corpus
		 * keeps the reproducers, bug-csv-ef-prefix*.) */
		if (n == 0 && !strncmp(fields->items[0], "\xEF\xBB\xBF", 3))
			sb_puts(&out, "\xEF\xBB\xBF");
		csv_write_row(&out, (const char *const *)fields->items, (int)fields->n, ',');
		n++;
	}
	FUZZ_CHECK(csv_next(&r, &records[n], &line) == 0);
	/* Every complete record, written and read again. */
	if (n > 0)
		check_round_trip(out.buf, out.len, records, n);
done:
	csv_reader_free(&r);
	fclose(f);
	free(copy);
	for (size_t i = 0; i <= n; i++)
		sl_free(&records[i]);
	free(records);
	sb_free(&out);
	return 0;
}
