/* SPDX-License-Identifier: GPL-3.0-or-later */
/* round.c - the benchmark of saving a monthly round (bench/run): loads the
 * round of a kind on today's date (round.h), changes every group's last
 * value (one more) and saves them all in one transaction, through the same
 * model the round grid of the screens uses.  Not installed.
 *
 *   bench-round WARD.db [KIND]
 *       KIND survey by default; prints the records saved and the time of
 *       the load and of the save, in microseconds; exit 1 if the round was
 *       not saved whole. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "i18n.h"
#include "round.h"
#include "settings.h"
#include "validate.h"

static long long usec(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench-round WARD.db [KIND]\n");
		return 2;
	}
	i18n_init_locale();
	i18n_set_language("en");
	settings_reset();
	const struct kind_def *k = kind_find(argc > 2 ? argv[2] : "survey");
	if (!round_kind_ok(k)) {
		fprintf(stderr, "bench-round: not a kind of a round: %s\n", argv[2]);
		return 2;
	}
	struct strlist errors = STRLIST_INIT;
	sqlite3 *db = db_open(argv[1], DB_EXISTING, &errors);
	if (!db) {
		fprintf(stderr, "bench-round: %s\n", errors.n ? errors.items[0] : argv[1]);
		return 1;
	}
	long long t0 = usec();
	struct round r;
	if (!round_load(db, k, date_today(), &r, &errors)) {
		fprintf(stderr, "bench-round: %s\n", errors.n ? errors.items[0] : "cannot load the round");
		return 1;
	}
	long long t1 = usec();
	int last = r.ncols - 1;
	for (int i = 0; i < r.nrows; i++) {
		long long v;
		const char *s = round_value(&r, i, last);
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", s && validate_count(s, &v) ? v + 1 : 1);
		round_set(&r, i, last, buf);
	}
	struct issues *is = xcalloc((size_t)r.nrows + 1, sizeof *is);
	int saved = 0;
	long long t2 = usec();
	enum round_result res = round_save(db, &r, false, is, &saved, &errors);
	long long t3 = usec();
	int rc = res == ROUND_SAVED && saved == r.nrows ? 0 : 1;
	printf("%d of %d groups saved; load %lld us, save %lld us\n", saved, r.nrows, t1 - t0, t3 - t2);
	for (int i = 0; rc && i < r.nrows; i++)
		for (size_t j = 0; j < is[i].n; j++)
			fprintf(stderr, "bench-round: %s: %s\n", r.rows[i].code, is[i].v[j].msg);
	for (int i = 0; i < r.nrows; i++)
		issues_free(&is[i]);
	free(is);
	round_free(&r);
	sl_free(&errors);
	db_close(db);
	return rc;
}
