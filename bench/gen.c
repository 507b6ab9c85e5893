/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen.c - writes realistic wardsafe databases and CSV files of a chosen size
 * for the benchmarks (bench/run) and their smoke test.  Not installed.
 *
 *   bench-gen [--groups N] [--years Y] [--seed S] WARD.db
 *       one ward: N groups (60), Y years (10) of monthly records ending in
 *       December of the year before "now" (WARDSAFE_NOW, clock.h)
 *   bench-gen --wards W [--groups N] [--years Y] [--seed S] DIR
 *       a province: DIR/ward-001.db ... one database per ward
 *   bench-gen --survey-csv ROWS [--groups N] FILE.csv
 *       ROWS survey lines over N groups (codes G0001...), one a day each,
 *       for the import benchmark; the groups go to FILE.csv's sibling
 *       "group.csv"
 *
 * Databases are written through the program's own library (schema, CHECK
 * constraints, audit triggers) inside one transaction, so every record is
 * one the program would accept.  The data is deterministic for a seed. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "date.h"
#include "db.h"
#include "util.h"

/* xorshift64*: small, fast and the same everywhere. */
static unsigned long long rng_state;

static unsigned long long rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

/* A number in [lo, hi]. */
static long long rng_range(long long lo, long long hi)
{
	return lo + (long long)(rng_next() % (unsigned long long)(hi - lo + 1));
}

static void rng_seed(unsigned long long s)
{
	rng_state = s * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL;
	if (!rng_state)
		rng_state = 1;
	for (int i = 0; i < 8; i++)
		rng_next();
}

static void die_db(sqlite3 *db, const char *what)
{
	fprintf(stderr, "bench-gen: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static void step(sqlite3 *db, sqlite3_stmt *st, const char *what)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		die_db(db, what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die_db(db, sql);
	return st;
}

static const char *const leaders[] = {
	"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức",
	"Vũ Thị Hà", "Đặng Văn Hùng", "Bùi Thị Lan", "Đỗ Văn Minh", "Ngô Thị Nga",
	"Dương Văn Phúc", "Lý Thị Quỳnh", "Hồ Văn Sơn", "Mai Thị Thu", "Trịnh Văn Tùng",
};

static const char *const categories[][2] = {
	{ "theft", "Trộm cắp tài sản" }, { "snatching", "Cướp giật tài sản" },
	{ "fraud", "Lừa đảo chiếm đoạt tài sản" }, { "fighting", "Đánh nhau, gây rối" },
	{ "drugs", "Ma túy" }, { "gambling", "Cờ bạc" }, { "other", "Khác" },
};

/* What one group looks like over the years. */
struct grp {
	long long id;
	long long households, residents;
	long long surveyed, with_ext, extinguishers, pccc, antt, installs;
};

static long records;

static void iso(char *buf, int y, int m, int d)
{
	date_iso(date_make(y, m, d), buf);
}

/* One ward database of `ngroups` groups and `years` years of records. */
static void gen_ward(const char *path, int ward_no, int ngroups, int years, int last_year)
{
	struct strlist errors = STRLIST_INIT;
	remove(path);
	sqlite3 *db = db_open(path, DB_CREATE, &errors);
	if (!db) {
		fprintf(stderr, "bench-gen: %s\n", errors.n ? errors.items[0] : path);
		exit(1);
	}
	/* One transaction; the file is rebuilt from scratch if this fails. */
	sqlite3_exec(db, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
	if (!db_begin(db, &errors))
		die_db(db, "begin");
	char name[64];
	snprintf(name, sizeof name, "Phường Thử nghiệm %d", ward_no);
	sqlite3_stmt *st = prep(db, "INSERT INTO ward (id, name, district, province, unit, parent_unit, place)"
				" VALUES (1, ?1, 'Quận Thử nghiệm', 'Tỉnh Thử nghiệm', ?2, 'Công an quận', 'Thử nghiệm')");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	char unit[80];
	snprintf(unit, sizeof unit, "Công an phường Thử nghiệm %d", ward_no);
	sqlite3_bind_text(st, 2, unit, -1, SQLITE_TRANSIENT);
	step(db, st, "ward");
	sqlite3_finalize(st);
	records++;

	long long cat_ids[ARRAY_SIZE(categories)];
	st = prep(db, "INSERT INTO category (code, name) VALUES (?1, ?2)"
		      " ON CONFLICT (code) DO UPDATE SET name = name RETURNING id");
	for (size_t i = 0; i < ARRAY_SIZE(categories); i++) {
		sqlite3_bind_text(st, 1, categories[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, categories[i][1], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			die_db(db, "category");
		cat_ids[i] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		records++;
	}
	sqlite3_finalize(st);

	int first_year = last_year - years + 1;
	struct grp *g = xcalloc((size_t)ngroups, sizeof *g);
	sqlite3_stmt *ins_group = prep(db, "INSERT INTO rgroup (code, name, leader, search_key) VALUES (?1, ?2, ?3, lower(?2))");
	sqlite3_stmt *ins_pop = prep(db, "INSERT INTO population (group_id, date, households, residents) VALUES (?1, ?2, ?3, ?4)");
	sqlite3_stmt *ins_survey = prep(db, "INSERT INTO survey (group_id, date, surveyed, with_extinguisher, extinguishers)"
					" VALUES (?1, ?2, ?3, ?4, ?5)");
	sqlite3_stmt *ins_commit = prep(db, "INSERT INTO commitment (group_id, date, pccc, antt) VALUES (?1, ?2, ?3, ?4)");
	sqlite3_stmt *ins_app = prep(db, "INSERT INTO app114 (group_id, date, installs) VALUES (?1, ?2, ?3)");
	sqlite3_stmt *ins_inc = prep(db, "INSERT INTO incident (group_id, date, category_id, count, note) VALUES (?1, ?2, ?3, ?4, '')");
	sqlite3_stmt *ins_out = prep(db, "INSERT INTO outreach (date, kind, sessions, group_id, note) VALUES (?1, ?2, ?3, ?4, '')");
	sqlite3_stmt *ins_team = prep(db, "INSERT INTO fireteam (group_id, kind, name, households, established) VALUES (?1, ?2, ?3, ?4, ?5)");
	sqlite3_stmt *ins_est = prep(db, "INSERT INTO establishments (date, managed, with_file) VALUES (?1, ?2, ?3)");
	sqlite3_stmt *ins_target = prep(db, "INSERT INTO target (year, indicator, value) VALUES (?1, ?2, ?3)");

	for (int i = 0; i < ngroups; i++) {
		char code[16], gname[64];
		snprintf(code, sizeof code, "T%02d", i + 1);
		snprintf(gname, sizeof gname, "Tổ dân phố số %d", i + 1);
		sqlite3_bind_text(ins_group, 1, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_group, 2, gname, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_group, 3, leaders[rng_range(0, ARRAY_SIZE(leaders) - 1)], -1, SQLITE_STATIC);
		step(db, ins_group, "group");
		g[i].id = sqlite3_last_insert_rowid(db);
		g[i].households = rng_range(120, 340);
		g[i].residents = g[i].households * rng_range(32, 42) / 10;
		g[i].surveyed = g[i].households * rng_range(30, 60) / 100;
		g[i].with_ext = g[i].surveyed * rng_range(10, 30) / 100;
		g[i].extinguishers = g[i].with_ext + rng_range(0, 10);
		records++;
		/* One team at first, a point in every third group. */
		char tname[80], date[11];
		snprintf(tname, sizeof tname, "Tổ liên gia an toàn PCCC %s", code);
		iso(date, first_year, (int)rng_range(1, 12), (int)rng_range(1, 28));
		sqlite3_bind_int64(ins_team, 1, g[i].id);
		sqlite3_bind_text(ins_team, 2, "team", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_team, 3, tname, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins_team, 4, rng_range(5, 15));
		sqlite3_bind_text(ins_team, 5, date, -1, SQLITE_TRANSIENT);
		step(db, ins_team, "fireteam");
		records++;
		if (i % 3 == 0) {
			snprintf(tname, sizeof tname, "Điểm chữa cháy công cộng %s", code);
			iso(date, first_year + (int)rng_range(0, years - 1), (int)rng_range(1, 12), (int)rng_range(1, 28));
			sqlite3_bind_int64(ins_team, 1, g[i].id);
			sqlite3_bind_text(ins_team, 2, "point", -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_team, 3, tname, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins_team, 5, date, -1, SQLITE_TRANSIENT);
			step(db, ins_team, "firepoint");
			records++;
		}
	}

	long long managed = rng_range(300, 600), with_file = managed / 2;
	for (int y = first_year; y <= last_year; y++) {
		static const char *const target_ids[] = { "extinguisher", "app114", "pccc_commitment" };
		static const double target_values[] = { 75, 20, 100 };
		for (size_t t = 0; t < ARRAY_SIZE(target_ids); t++) {
			sqlite3_bind_int(ins_target, 1, y);
			sqlite3_bind_text(ins_target, 2, target_ids[t], -1, SQLITE_STATIC);
			sqlite3_bind_double(ins_target, 3, target_values[t]);
			step(db, ins_target, "target");
			records++;
		}
		for (int m = 1; m <= 12; m++) {
			char date[16];
			for (int i = 0; i < ngroups; i++) {
				struct grp *r = &g[i];
				if (m == 1) { /* the yearly population count */
					r->households += r->households * rng_range(0, 3) / 100;
					r->residents = r->households * rng_range(32, 42) / 10;
					iso(date, y, 1, (int)rng_range(2, 10));
					sqlite3_bind_int64(ins_pop, 1, r->id);
					sqlite3_bind_text(ins_pop, 2, date, -1, SQLITE_TRANSIENT);
					sqlite3_bind_int64(ins_pop, 3, r->households);
					sqlite3_bind_int64(ins_pop, 4, r->residents);
					step(db, ins_pop, "population");
					records++;
				}
				/* Surveys climb toward every household, extinguishers
				 * toward about 80% of them. */
				r->surveyed += (r->households - r->surveyed) * rng_range(0, 8) / 100;
				long long want = r->surveyed * 82 / 100;
				if (r->with_ext < want)
					r->with_ext += (want - r->with_ext) * rng_range(1, 6) / 100 + rng_range(0, 1);
				if (r->with_ext > r->surveyed)
					r->with_ext = r->surveyed;
				if (r->extinguishers < r->with_ext)
					r->extinguishers = r->with_ext + rng_range(0, 3);
				iso(date, y, m, (int)rng_range(10, 25));
				sqlite3_bind_int64(ins_survey, 1, r->id);
				sqlite3_bind_text(ins_survey, 2, date, -1, SQLITE_TRANSIENT);
				sqlite3_bind_int64(ins_survey, 3, r->surveyed);
				sqlite3_bind_int64(ins_survey, 4, r->with_ext);
				sqlite3_bind_int64(ins_survey, 5, r->extinguishers);
				step(db, ins_survey, "survey");
				records++;

				long long reach = r->residents * 24 / 100;
				if (r->installs < reach)
					r->installs += rng_range(0, 3);
				sqlite3_bind_int64(ins_app, 1, r->id);
				sqlite3_bind_text(ins_app, 2, date, -1, SQLITE_TRANSIENT);
				sqlite3_bind_int64(ins_app, 3, r->installs);
				step(db, ins_app, "app114");
				records++;

				if (m % 3 == 0) {
					r->pccc += (r->households - r->pccc) * rng_range(5, 30) / 100;
					r->antt += (r->households - r->antt) * rng_range(5, 30) / 100;
					iso(date, y, m, (int)rng_range(26, 28));
					sqlite3_bind_int64(ins_commit, 1, r->id);
					sqlite3_bind_text(ins_commit, 2, date, -1, SQLITE_TRANSIENT);
					sqlite3_bind_int64(ins_commit, 3, r->pccc);
					sqlite3_bind_int64(ins_commit, 4, r->antt);
					step(db, ins_commit, "commitment");
					records++;
				}
				/* About one incident every two months per group. */
				for (long long n = rng_range(0, 3) - 2 + (rng_range(0, 1)); n > 0; n--) {
					iso(date, y, m, (int)rng_range(1, 28));
					sqlite3_bind_int64(ins_inc, 1, r->id);
					sqlite3_bind_text(ins_inc, 2, date, -1, SQLITE_TRANSIENT);
					sqlite3_bind_int64(ins_inc, 3, cat_ids[rng_range(0, ARRAY_SIZE(cat_ids) - 1)]);
					sqlite3_bind_int64(ins_inc, 4, rng_range(1, 2));
					step(db, ins_inc, "incident");
					records++;
				}
			}
			static const char *const out_kinds[] = { "radio", "mobile", "meeting", "online" };
			for (size_t k = 0; k < ARRAY_SIZE(out_kinds); k++) {
				iso(date, y, m, (int)rng_range(1, 28));
				sqlite3_bind_text(ins_out, 1, date, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(ins_out, 2, out_kinds[k], -1, SQLITE_STATIC);
				sqlite3_bind_int64(ins_out, 3, rng_range(1, 12));
				if (k == 2)
					sqlite3_bind_int64(ins_out, 4, g[rng_range(0, ngroups - 1)].id);
				step(db, ins_out, "outreach");
				records++;
			}
			managed += rng_range(-2, 4);
			if (with_file < managed)
				with_file += rng_range(0, 4);
			if (with_file > managed)
				with_file = managed;
			iso(date, y, m, 28);
			sqlite3_bind_text(ins_est, 1, date, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(ins_est, 2, managed);
			sqlite3_bind_int64(ins_est, 3, with_file);
			step(db, ins_est, "establishments");
			records++;
		}
	}
	sqlite3_stmt *all[] = { ins_group, ins_pop, ins_survey, ins_commit, ins_app, ins_inc,
				ins_out, ins_team, ins_est, ins_target };
	for (size_t i = 0; i < ARRAY_SIZE(all); i++)
		sqlite3_finalize(all[i]);
	free(g);
	if (!db_commit(db, &errors))
		die_db(db, "commit");
	db_close(db);
	sl_free(&errors);
}

/* ROWS survey lines for the import benchmark, and their groups. */
static void gen_survey_csv(const char *path, long rows, int ngroups)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	char *gpath = slash ? (slash[1] = '\0', xasprintf("%sgroup.csv", dir)) : xstrdup("group.csv");
	FILE *gf = fopen(gpath, "w"), *f = fopen(path, "w");
	if (!gf || !f) {
		fprintf(stderr, "bench-gen: %s: %s\n", !gf ? gpath : path, strerror(errno));
		exit(1);
	}
	fputs("code,name,leader,households,residents,date\n", gf);
	for (int i = 0; i < ngroups; i++)
		fprintf(gf, "G%04d,Tổ dân phố số %d,%s,%d,%d,1999-12-31\n", i + 1, i + 1,
			leaders[i % ARRAY_SIZE(leaders)], 5000, 20000);
	long long *surveyed = xcalloc((size_t)ngroups, sizeof *surveyed);
	fputs("group,date,surveyed,with_extinguisher,extinguishers\n", f);
	ws_date day = date_make(2000, 1, 1);
	for (long r = 0; r < rows; day = date_add_days(day, 1)) {
		int y = DATE_Y(day), m = DATE_M(day), d = DATE_D(day);
		for (int i = 0; i < ngroups && r < rows; i++, r++) {
			surveyed[i] += rng_range(0, 1);
			long long with = surveyed[i] * 7 / 10;
			fprintf(f, "G%04d,%04d-%02d-%02d,%lld,%lld,%lld\n", i + 1, y, m, d,
				surveyed[i], with, with + rng_range(0, 2));
		}
	}
	if (fclose(f) || fclose(gf)) {
		fprintf(stderr, "bench-gen: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	records = rows;
	free(surveyed);
	free(gpath);
	free(dir);
}

static void usage(FILE *out)
{
	fputs("usage: bench-gen [--groups N] [--years Y] [--seed S] WARD.db\n"
	      "       bench-gen --wards W [--groups N] [--years Y] [--seed S] DIR\n"
	      "       bench-gen --survey-csv ROWS [--groups N] [--seed S] FILE.csv\n", out);
}

static long number(const char *opt, const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || errno || *end || v < lo || v > hi) {
		fprintf(stderr, "bench-gen: %s needs a number from %ld to %ld\n", opt, lo, hi);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	int ngroups = 60, years = 10, wards = 0;
	long csv_rows = 0;
	unsigned long long seed = 1;
	const char *out = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--groups"))
			ngroups = (int)number("--groups", argv[++i < argc ? i : 0], 1, 9999);
		else if (!strcmp(argv[i], "--years"))
			years = (int)number("--years", argv[++i < argc ? i : 0], 1, 100);
		else if (!strcmp(argv[i], "--wards"))
			wards = (int)number("--wards", argv[++i < argc ? i : 0], 1, 999);
		else if (!strcmp(argv[i], "--seed"))
			seed = (unsigned long long)number("--seed", argv[++i < argc ? i : 0], 0, 1L << 30);
		else if (!strcmp(argv[i], "--survey-csv"))
			csv_rows = number("--survey-csv", argv[++i < argc ? i : 0], 1, 100000000);
		else if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-' || out) {
			usage(stderr);
			return 2;
		} else
			out = argv[i];
	}
	if (!out) {
		usage(stderr);
		return 2;
	}
	int y = DATE_Y(date_today());
	rng_seed(seed);
	if (csv_rows) {
		gen_survey_csv(out, csv_rows, ngroups);
	} else if (wards) {
		if (mkdir(out, 0700) && errno != EEXIST) {
			fprintf(stderr, "bench-gen: %s: %s\n", out, strerror(errno));
			return 1;
		}
		for (int w = 1; w <= wards; w++) {
			char *path = xasprintf("%s/ward-%03d.db", out, w);
			rng_seed(seed * 1000 + (unsigned long long)w);
			gen_ward(path, w, ngroups, years, y - 1);
			free(path);
		}
	} else {
		gen_ward(out, 1, ngroups, years, y - 1);
	}
	fprintf(stderr, "bench-gen: %s: %ld records\n", out, records);
	return 0;
}
