/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run-corpus.c - runs a fuzz target over its corpus without libFuzzer, so
 * that make check replays every saved input with the normal compiler.
 *
 *   fuzz-csv-corpus DIR|FILE...
 *
 * Feeds the empty input, then every regular file of each directory (sorted
 * by name, hidden files skipped) or each file named, to
 * LLVMFuzzerTestOneInput, and prints the number of files run.  A failing
 * property stops the program (__builtin_trap), as does a crash; the name of
 * the input being run is printed on stderr first, so the log names it. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Reads a whole file into a fresh buffer (never NULL for success). */
static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	unsigned char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		unsigned char *bigger = realloc(buf, cap *= 2);
		if (!bigger)
			free(buf);
		buf = bigger;
	}
	int err = ferror(f);
	fclose(f);
	if (!buf || err) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* Runs one file; false if it cannot be read. */
static int run_file(const char *path)
{
	size_t len;
	unsigned char *data = slurp(path, &len);
	if (!data) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 0;
	}
	fprintf(stderr, "running %s (%zu bytes)\n", path, len);
	/* A copy of exactly len bytes, so that reading past the input is caught
	 * by AddressSanitizer when it is on. */
	unsigned char *exact = malloc(len ? len : 1);
	if (!exact) {
		free(data);
		return 0;
	}
	memcpy(exact, data, len);
	free(data);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	return 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of a directory, in name order; the number run,
 * or -1 on an error. */
static long run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **bigger = realloc(names, cap * sizeof *names);
			if (!bigger)
				abort();
			names = bigger;
		}
		size_t l = strlen(dir) + strlen(e->d_name) + 2;
		if (!(names[n] = malloc(l)))
			abort();
		snprintf(names[n], l, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	long count = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (count >= 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			count = run_file(names[i]) ? count + 1 : -1;
		free(names[i]);
	}
	free(names);
	return count;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 2;
	}
	static const uint8_t empty[1];
	LLVMFuzzerTestOneInput(empty, 0);
	long total = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		long n;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		n = S_ISDIR(st.st_mode) ? run_dir(argv[i]) : run_file(argv[i]);
		if (n < 0 || (!S_ISDIR(st.st_mode) && n == 0))
			return 1;
		total += n;
	}
	printf("%ld\n", total);
	return 0;
}
