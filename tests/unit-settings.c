/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-settings.c - wardsafe.ini: defaults, a full file, the tolerated
 * variations (BOM, CRLF, comments, quotes, case), every kind of error with
 * its file name and line, atomic loading, decimals under any locale, and the
 * search order of settings_load(). */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "../src/i18n.h"
#include "../src/settings.h"
#include "../src/util.h"

static char tmpdir[] = "/tmp/ws-unit-settings-XXXXXX";

/* Writes `len` bytes to tmpdir/name (creating parent directories) and
 * returns the path (caller frees). */
static char *put(const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	for (char *p = path + strlen(tmpdir) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
		printf("# cannot write %s\n", path);
	return path;
}

#define PUT(name, text) put(name, text, sizeof(text) - 1)

static void show_errors(const struct strlist *e)
{
	for (size_t i = 0; i < e->n; i++)
		printf("#   error: %s\n", e->items[i]);
}

static void is_dbl(double got, double want, const char *what)
{
	if (!ok(fabs(got - want) < 1e-9, "%s is %g", what, want))
		printf("#   got %.17g\n", got);
}

/* Loads a file that must be accepted. */
static bool loads(const char *name, const char *text, size_t len)
{
	struct strlist e = STRLIST_INIT;
	char *path = put(name, text, len);
	bool r = settings_load_file(path, &e);
	if (!ok(r && e.n == 0, "%s is accepted", name))
		show_errors(&e);
	else
		is_str(settings_source(), path, "%s: settings_source names it", name);
	if (!r)
		ok(0, "%s: settings_source (skipped)", name);
	sl_free(&e);
	free(path);
	return r;
}

#define LOADS(name, text) loads(name, text, sizeof(text) - 1)

/* The state the failing files must leave alone (set by the "base" file). */
static char *base_path;

static void base_unchanged(const char *name)
{
	bool same = settings_decimal(CFG_TARGET_EXTINGUISHER) == 80 &&
		    settings_decimal(CFG_TARGET_APP114) == 22 &&
		    settings_int(CFG_MONTH_START_DAY) == 15 &&
		    settings_int(CFG_BACKUPS_KEEP) == 7 &&
		    strcmp(settings_str(CFG_LANGUAGE), "en") == 0 &&
		    strcmp(settings_str(CFG_REPORT_SIGNER_NAME), "Base") == 0 &&
		    settings_source() && strcmp(settings_source(), base_path) == 0;
	if (!ok(same, "%s: the previous settings are unchanged", name))
		printf("#   extinguisher %g app114 %g month_start_day %lld backups_keep %lld "
		       "language %s signer_name %s source %s\n",
		       settings_decimal(CFG_TARGET_EXTINGUISHER), settings_decimal(CFG_TARGET_APP114),
		       settings_int(CFG_MONTH_START_DAY), settings_int(CFG_BACKUPS_KEEP),
		       settings_str(CFG_LANGUAGE), settings_str(CFG_REPORT_SIGNER_NAME),
		       settings_source() ? settings_source() : "(null)");
}

/* Loads a file that must be refused with exactly one message, naming the
 * file and `line` ("path:LINE:") and containing `needle`. */
static void fails(const char *name, const char *text, size_t len, int line, const char *needle)
{
	struct strlist e = STRLIST_INIT;
	char *path = put(name, text, len);
	char *where = xasprintf("%s:%d:", path, line);
	ok(!settings_load_file(path, &e), "%s is refused", name);
	if (!ok(e.n == 1, "%s: one message", name))
		show_errors(&e);
	const char *m = e.n ? e.items[0] : "";
	if (!ok(strstr(m, where) != NULL, "%s: message names %s:%d", name, name, line))
		show_errors(&e);
	if (!ok(strstr(m, needle) != NULL, "%s: message mentions '%s'", name, needle))
		show_errors(&e);
	base_unchanged(name);
	free(where);
	free(path);
	sl_free(&e);
}

#define FAILS(name, text, line, needle) fails(name, text, sizeof(text) - 1, line, needle)

/* Compiles a locale such as "vi_VN.UTF-8" into a private directory named by
 * $LOCPATH when the system has none installed (a fresh machine has no
 * vi_VN); needs localedef and Debian's locale sources. */
static char locale_dir[256];

static void remove_locale_dir(void)
{
	char *cmd = xasprintf("rm -rf '%s'", locale_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", locale_dir);
	free(cmd);
}

static bool build_locale(const char *loc)
{
	char *dir = locale_dir;
	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof locale_dir, "%s/wardsafe-locales.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir))
			return false;
		atexit(remove_locale_dir);
	}
	/* One directory per locale: glibc remembers a failed lookup in a
	 * directory already on $LOCPATH. */
	char *name = xstrndup(loc, strcspn(loc, "."));
	char *sub = xasprintf("%s/%s", dir, loc);
	char *cmd = xasprintf("mkdir -p %s && env -u LOCPATH localedef -i %s -f UTF-8 %s/%s >/dev/null 2>&1",
			      sub, name, sub, loc);
	int rc = system(cmd);
	if (rc == 0)
		setenv("LOCPATH", sub, 1);
	free(cmd);
	free(sub);
	free(name);
	return rc == 0 && setlocale(LC_NUMERIC, loc) != NULL;
}

/* Decimals must not follow LC_NUMERIC. */
static void decimals_in(const char *loc)
{
	const char *was = setlocale(LC_NUMERIC, NULL);
	char *saved = xstrdup(was ? was : "C");
	if (loc && !setlocale(LC_NUMERIC, loc) && !build_locale(loc)) {
		for (int i = 0; i < 3; i++)
			ok(1, "# SKIP locale %s is not available", loc);
		free(saved);
		return;
	}
	const char *name = loc ? loc : "the current locale";
	struct strlist e = STRLIST_INIT;
	char *p = PUT("dec-point.ini", "[targets]\nextinguisher = 74.5\napp114 = 0.25\n");
	bool r = settings_load_file(p, &e);
	if (!ok(r && settings_decimal(CFG_TARGET_EXTINGUISHER) == 74.5 &&
		    settings_decimal(CFG_TARGET_APP114) == 0.25,
		"under %s, '74.5' reads as 74.5 and '0.25' as 0.25", name))
		show_errors(&e);
	sl_free(&e);
	free(p);
	p = PUT("dec-comma.ini", "[targets]\nextinguisher = 74,5\n");
	ok(!settings_load_file(p, &e), "under %s, '74,5' is refused", name);
	is_dbl(settings_default_target("extinguisher"), 74.5, "after the refusal, the target");
	sl_free(&e);
	free(p);
	setlocale(LC_NUMERIC, saved);
	free(saved);
}

int main(void)
{
	i18n_init_locale();
	i18n_set_language("en");
	plan(389);
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! mkdtemp failed\n");
		return 1;
	}
	unsetenv("WARDSAFE_CONFIG");
	unsetenv("XDG_CONFIG_HOME");

	/* ---- defaults */
	settings_reset();
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 75, "default extinguisher target");
	is_dbl(settings_decimal(CFG_TARGET_APP114), 20, "default app114 target");
	is_dbl(settings_decimal(CFG_TARGET_PCCC), 100, "default pccc_commitment target");
	is_dbl(settings_decimal(CFG_TARGET_ANTT), 100, "default antt_commitment target");
	is_dbl(settings_decimal(CFG_TARGET_SURVEY), 100, "default survey_coverage target");
	is_dbl(settings_decimal(CFG_TARGET_ESTABLISHMENT), 100, "default establishment_files target");
	is_int(settings_int(CFG_MONTH_START_DAY), 1, "default month_start_day");
	is_int(settings_int(CFG_BACKUPS_KEEP), 30, "default backups_keep");
	is_str(settings_str(CFG_LANGUAGE), "vi", "default language");
	is_str(settings_str(CFG_INPUT_METHOD), "off", "default input method");
	is_str(settings_str(CFG_OPERATOR), "", "default operator");
	is_str(settings_str(CFG_DB_PATH), "", "default database path");
	is_str(settings_str(CFG_BACKUP_DIR), "", "default backup_dir");
	is_str(settings_str(CFG_REPORT_SIGNER_TITLE), "TRƯỞNG CÔNG AN PHƯỜNG", "default signer_title");
	is_str(settings_str(CFG_REPORT_PRINT_COMMAND), "lp", "default print_command");
	is_str(settings_source(), NULL, "no source after settings_reset");

	/* ---- default targets by indicator id */
	is_dbl(settings_default_target("extinguisher"), 75, "settings_default_target(extinguisher)");
	is_dbl(settings_default_target("app114"), 20, "settings_default_target(app114)");
	is_dbl(settings_default_target("pccc_commitment"), 100, "settings_default_target(pccc_commitment)");
	is_dbl(settings_default_target("antt_commitment"), 100, "settings_default_target(antt_commitment)");
	is_dbl(settings_default_target("survey_coverage"), 100, "settings_default_target(survey_coverage)");
	is_dbl(settings_default_target("establishment_files"), 100, "settings_default_target(establishment_files)");
	is_dbl(settings_default_target("no_such_indicator"), -1, "settings_default_target of an unknown id");
	is_dbl(settings_default_target("fire_teams"), -1, "settings_default_target of an id without a target");
	is_dbl(settings_default_target("month_start_day"), -1, "a key outside [targets] is no target");
	is_dbl(settings_default_target(""), -1, "settings_default_target of an empty id");

	/* ---- which targets the file itself gives (the roll-up's total) */
	{
		double v = -1;
		ok(!settings_given_target("extinguisher", &v) && v == -1,
		   "a built-in default target is not one the configuration gives");
		static const char t[] = "[targets]\napp114 = 30\n";
		loads("given.ini", t, sizeof t - 1);
		ok(settings_given_target("app114", &v) && v == 30, "[targets] app114 = 30 is given");
		ok(!settings_given_target("extinguisher", &v), "extinguisher is not given by that file");
		ok(settings_given(CFG_TARGET_APP114) && !settings_given(CFG_LANGUAGE), "settings_given");
		ok(!settings_given_target("fire_teams", &v), "no target key, nothing given");
		settings_reset();
		ok(!settings_given_target("app114", &v), "settings_reset forgets what was given");
	}

	/* ---- settings_set overrides until the next reset */
	settings_set(CFG_TARGET_EXTINGUISHER, "66.5");
	is_dbl(settings_default_target("extinguisher"), 66.5, "settings_set changes the target");
	settings_set(CFG_LANGUAGE, "en");
	is_str(settings_str(CFG_LANGUAGE), "en", "settings_set changes a string");
	settings_reset();
	is_dbl(settings_default_target("extinguisher"), 75, "settings_reset restores the target");
	is_str(settings_str(CFG_LANGUAGE), "vi", "settings_reset restores the language");

	/* ---- every default passes its own checks */
	{
		struct strbuf sb = STRBUF_INIT;
		const char *sec = "";
		for (int i = 0; i < CFG_COUNT; i++) {
			if (strcmp(sec, settings_defs[i].section) != 0)
				sb_printf(&sb, "[%s]\n", sec = settings_defs[i].section);
			sb_printf(&sb, "%s = \"%s\"\n", settings_defs[i].key, settings_defs[i].def);
		}
		loads("defaults.ini", sb.buf, sb.len);
		int bad = 0;
		for (int i = 0; i < CFG_COUNT; i++)
			if (strcmp(settings_str((enum settings_key)i), settings_defs[i].def) != 0) {
				if (!bad++)
					printf("# %s: got '%s'\n", settings_defs[i].key,
					       settings_str((enum settings_key)i));
			}
		is_int(bad, 0, "a file of all the defaults reads back as the defaults");
		sb_free(&sb);
	}

	/* ---- a good file with every section and key */
	LOADS("full.ini",
	      "; wardsafe configuration for the tests\n"
	      "# every section and every key\n"
	      "\n"
	      "[general]\n"
	      "language = en\n"
	      "operator = Trần Văn Bình\n"
	      "\n"
	      "[database]\n"
	      "path = /var/lib/wardsafe/phuong.db\n"
	      "backup_dir = /var/backups/wardsafe\n"
	      "backups_keep = 12\n"
	      "\n"
	      "[targets]\n"
	      "extinguisher = 80.5\n"
	      "app114 = 25\n"
	      "pccc_commitment = 95\n"
	      "antt_commitment = 90\n"
	      "survey_coverage = 99.5\n"
	      "establishment_files = 0\n"
	      "\n"
	      "[period]\n"
	      "month_start_day = 15\n"
	      "\n"
	      "[input]\n"
	      "method = telex\n"
	      "\n"
	      "[report]\n"
	      "place = Lam Sơn\n"
	      "unit = CÔNG AN PHƯỜNG LAM SƠN\n"
	      "parent_unit = CÔNG AN TP THANH HÓA\n"
	      "signer_title = PHÓ TRƯỞNG CÔNG AN PHƯỜNG\n"
	      "signer_name = Lê Văn Cường\n"
	      "print_command = lpr -P office\n");
	is_str(settings_str(CFG_LANGUAGE), "en", "full: language");
	is_str(settings_str(CFG_OPERATOR), "Trần Văn Bình", "full: operator");
	is_str(settings_str(CFG_DB_PATH), "/var/lib/wardsafe/phuong.db", "full: database path");
	is_str(settings_str(CFG_BACKUP_DIR), "/var/backups/wardsafe", "full: backup_dir");
	is_int(settings_int(CFG_BACKUPS_KEEP), 12, "full: backups_keep");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 80.5, "full: extinguisher");
	is_dbl(settings_decimal(CFG_TARGET_APP114), 25, "full: app114");
	is_dbl(settings_decimal(CFG_TARGET_PCCC), 95, "full: pccc_commitment");
	is_dbl(settings_decimal(CFG_TARGET_ANTT), 90, "full: antt_commitment");
	is_dbl(settings_decimal(CFG_TARGET_SURVEY), 99.5, "full: survey_coverage");
	is_dbl(settings_decimal(CFG_TARGET_ESTABLISHMENT), 0, "full: establishment_files");
	is_int(settings_int(CFG_MONTH_START_DAY), 15, "full: month_start_day");
	is_str(settings_str(CFG_INPUT_METHOD), "telex", "full: input method");
	is_str(settings_str(CFG_REPORT_PLACE), "Lam Sơn", "full: place");
	is_str(settings_str(CFG_REPORT_UNIT), "CÔNG AN PHƯỜNG LAM SƠN", "full: unit");
	is_str(settings_str(CFG_REPORT_PARENT_UNIT), "CÔNG AN TP THANH HÓA", "full: parent_unit");
	is_str(settings_str(CFG_REPORT_SIGNER_TITLE), "PHÓ TRƯỞNG CÔNG AN PHƯỜNG", "full: signer_title");
	is_str(settings_str(CFG_REPORT_SIGNER_NAME), "Lê Văn Cường", "full: signer_name");
	is_str(settings_str(CFG_REPORT_PRINT_COMMAND), "lpr -P office", "full: print_command");
	is_dbl(settings_default_target("extinguisher"), 80.5, "full: settings_default_target follows the file");

	/* A later file replaces the earlier one: keys it omits are defaults. */
	LOADS("partial.ini", "[targets]\napp114 = 30\n");
	is_dbl(settings_decimal(CFG_TARGET_APP114), 30, "partial: app114");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 75, "partial: extinguisher back to its default");
	is_str(settings_str(CFG_LANGUAGE), "vi", "partial: language back to its default");

	/* An empty file is fine and means the defaults. */
	LOADS("empty.ini", "");
	is_dbl(settings_decimal(CFG_TARGET_APP114), 20, "empty file: app114 is the default");

	/* ---- tolerated variations */
	LOADS("bom.ini", "\xEF\xBB\xBF[targets]\nextinguisher = 81\n");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 81, "BOM: extinguisher");

	LOADS("crlf.ini", "[general]\r\nlanguage = en\r\n\r\n[targets]\r\nextinguisher = 82\r\n"
			  "[report]\r\nsigner_name = Lê Văn A\r\n");
	is_str(settings_str(CFG_LANGUAGE), "en", "CRLF: language has no CR");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 82, "CRLF: extinguisher");
	is_str(settings_str(CFG_REPORT_SIGNER_NAME), "Lê Văn A", "CRLF: signer_name has no CR");

	LOADS("bom-crlf.ini", "\xEF\xBB\xBF[period]\r\nmonth_start_day = 20\r\n");
	is_int(settings_int(CFG_MONTH_START_DAY), 20, "BOM and CRLF: month_start_day");

	LOADS("comments.ini",
	      "; a comment\n"
	      "# another comment\n"
	      "   ; an indented comment\n"
	      "\t# a tab-indented comment\n"
	      "[targets] \n"
	      "extinguisher = 83 ; inline comment\n"
	      "app114 = 21 # inline comment\n"
	      "; extinguisher = 99\n"
	      "# app114 = 99\n"
	      "[period]\n"
	      "  month_start_day=16  \n");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 83, "comments: extinguisher");
	is_dbl(settings_decimal(CFG_TARGET_APP114), 21, "comments: app114");
	is_int(settings_int(CFG_MONTH_START_DAY), 16, "comments: month_start_day without spaces around '='");

	LOADS("quotes.ini",
	      "[report]\n"
	      "place = \"Lam Sơn; Thanh Hóa # 2\"\n"
	      "signer_name = 'Nguyễn Văn A'\n"
	      "unit = \"\"\n"
	      "print_command = \"lp -d office\"\n"
	      "[targets]\n"
	      "extinguisher = \"84\"\n");
	is_str(settings_str(CFG_REPORT_PLACE), "Lam Sơn; Thanh Hóa # 2", "quotes: ';' and '#' kept inside double quotes");
	is_str(settings_str(CFG_REPORT_SIGNER_NAME), "Nguyễn Văn A", "quotes: single quotes");
	is_str(settings_str(CFG_REPORT_UNIT), "", "quotes: empty quoted value");
	is_str(settings_str(CFG_REPORT_PRINT_COMMAND), "lp -d office", "quotes: spaces kept");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 84, "quotes: a quoted number");

	LOADS("case.ini", "[Targets]\nExtinguisher = 85\n[GENERAL]\nLANGUAGE = en\n");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 85, "upper-case section and key");
	is_str(settings_str(CFG_LANGUAGE), "en", "upper-case section and key, language");

	LOADS("empty-string.ini", "[report]\nsigner_name =\nplace = \n");
	is_str(settings_str(CFG_REPORT_SIGNER_NAME), "", "an empty string value");

	LOADS("base10.ini", "[period]\nmonth_start_day = 08\n[database]\nbackups_keep = 010\n");
	is_int(settings_int(CFG_MONTH_START_DAY), 8, "'08' is 8 (base 10)");
	is_int(settings_int(CFG_BACKUPS_KEEP), 10, "'010' is 10 (base 10, not octal)");

	LOADS("bounds.ini", "[period]\nmonth_start_day = 28\n[database]\nbackups_keep = 1\n"
			    "[targets]\nextinguisher = 100\napp114 = 0\npccc_commitment = 99.999\n");
	is_int(settings_int(CFG_MONTH_START_DAY), 28, "month_start_day 28 is allowed");
	is_int(settings_int(CFG_BACKUPS_KEEP), 1, "backups_keep 1 is allowed");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 100, "extinguisher 100 is allowed");
	is_dbl(settings_decimal(CFG_TARGET_APP114), 0, "app114 0 is allowed");
	is_dbl(settings_decimal(CFG_TARGET_PCCC), 99.999, "pccc_commitment 99.999");

	/* iniparser would join a line ending in a backslash to the next one and
	 * silently drop that line's key; the backslash is literal. */
	LOADS("backslash.ini", "[database]\nbackup_dir = /srv/ward\\\n[targets]\nextinguisher = 86\n");
	is_str(settings_str(CFG_BACKUP_DIR), "/srv/ward\\", "a value ending in a backslash keeps it");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 86, "the line after a trailing backslash is read");
	LOADS("backslash-comment.ini", "[targets]\n; see C:\\docs\\ \nextinguisher = 87\n");
	is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 87, "the line after a comment ending in a backslash is read");

	LOADS("equals.ini", "[report]\nprint_command = lp -o media=A4 -o sides=two-sided-long-edge\n");
	is_str(settings_str(CFG_REPORT_PRINT_COMMAND), "lp -o media=A4 -o sides=two-sided-long-edge",
	       "'=' inside a value is kept");

	LOADS("enums.ini", "[general]\nlanguage = vi\n[input]\nmethod = vni\n");
	is_str(settings_str(CFG_INPUT_METHOD), "vni", "input method vni");

	{
		/* The longest line allowed (1000 bytes), also with CRLF. */
		char big[1100];
		int n = snprintf(big, sizeof big, "[report]\nsigner_name = ");
		int start = 9; /* offset of "signer_name" */
		while (n - start < 1000)
			big[n++] = 'A';
		big[n++] = '\n';
		loads("line-1000.ini", big, (size_t)n);
		is_int(strlen(settings_str(CFG_REPORT_SIGNER_NAME)), 1000 - 14, "a 1000-byte line is read whole");
		big[n - 1] = '\r';
		big[n++] = '\n';
		loads("line-1000-crlf.ini", big, (size_t)n);
		is_int(strlen(settings_str(CFG_REPORT_SIGNER_NAME)), 1000 - 14, "a 1000-byte line plus CRLF is read whole");
	}

	/* ---- errors: each names the file and the line, and changes nothing */
	base_path = PUT("base.ini",
			"[general]\nlanguage = en\n[database]\nbackups_keep = 7\n"
			"[targets]\nextinguisher = 80\napp114 = 22\n[period]\nmonth_start_day = 15\n"
			"[report]\nsigner_name = Base\n");
	{
		struct strlist e = STRLIST_INIT;
		ok(settings_load_file(base_path, &e) && e.n == 0, "base.ini is accepted");
		is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 80, "base: extinguisher");
		sl_free(&e);
	}

	FAILS("unknown-key.ini", "[targets]\nextinguisher = 90\nfoo = 1\n", 3, "foo");
	FAILS("unknown-section.ini", "[targets]\nextinguisher = 90\n[foo]\nbar = 1\n", 3, "foo");
	FAILS("outside.ini", "; top\nextinguisher = 90\n[targets]\napp114 = 30\n", 2, "extinguisher");
	FAILS("header-open.ini", "[targets]\nextinguisher = 90\n[report\n", 3, "section");
	FAILS("header-junk.ini", "[targets]\nextinguisher = 90\n[report] x\n", 3, "section");
	FAILS("header-empty.ini", "[targets]\nextinguisher = 90\n[]\n", 3, "section");
	FAILS("no-equals.ini", "[targets]\nextinguisher = 90\napp114 25\n", 3, "key = value");
	FAILS("no-key.ini", "[targets]\nextinguisher = 90\n= 25\n", 3, "key = value");
	FAILS("msd-29.ini", "[targets]\nextinguisher = 90\n[period]\nmonth_start_day = 29\n", 4, "month_start_day");
	FAILS("msd-0.ini", "[targets]\nextinguisher = 90\n[period]\nmonth_start_day = 0\n", 4, "month_start_day");
	FAILS("ext-101.ini", "[targets]\napp114 = 30\nextinguisher = 101\n", 3, "extinguisher");
	FAILS("ext-neg.ini", "[targets]\napp114 = 30\nextinguisher = -1\n", 3, "extinguisher");
	FAILS("keep-0.ini", "[targets]\nextinguisher = 90\n[database]\nbackups_keep = 0\n", 4, "backups_keep");
	FAILS("keep-big.ini", "[targets]\nextinguisher = 90\n[database]\nbackups_keep = 10001\n", 4, "backups_keep");
	FAILS("keep-abc.ini", "[targets]\nextinguisher = 90\n[database]\nbackups_keep = abc\n", 4, "abc");
	FAILS("msd-hex.ini", "[targets]\nextinguisher = 90\n[period]\nmonth_start_day = 0x10\n", 4, "0x10");
	FAILS("msd-frac.ini", "[targets]\nextinguisher = 90\n[period]\nmonth_start_day = 12.5\n", 4, "12.5");
	FAILS("msd-space.ini", "[targets]\nextinguisher = 90\n[period]\nmonth_start_day = 1 5\n", 4, "month_start_day");
	FAILS("ext-comma.ini", "[targets]\napp114 = 30\nextinguisher = 74,5\n", 3, "74,5");
	FAILS("ext-empty.ini", "[targets]\napp114 = 30\nextinguisher =\n", 3, "extinguisher");
	FAILS("ext-words.ini", "[targets]\napp114 = 30\nextinguisher = 80%\n", 3, "extinguisher");
	FAILS("lang-fr.ini", "[targets]\nextinguisher = 90\n[general]\nlanguage = fr\n", 4, "fr");
	FAILS("method-bad.ini", "[targets]\nextinguisher = 90\n[input]\nmethod = viqr\n", 4, "viqr");
	FAILS("duplicate.ini", "[targets]\nextinguisher = 90\nextinguisher = 95\n", 3, "extinguisher");
	FAILS("duplicate-case.ini", "[targets]\nextinguisher = 90\nEXTINGUISHER = 95\n", 3, "extinguisher");
	FAILS("duplicate-sections.ini",
	      "[targets]\nextinguisher = 90\n[general]\nlanguage = en\n[targets]\nextinguisher = 95\n", 6,
	      "extinguisher");
	{
		char big[1200];
		int n = snprintf(big, sizeof big, "[targets]\nextinguisher = 90\n[report]\nsigner_name = ");
		while (n < 1150)
			big[n++] = 'B';
		big[n++] = '\n';
		fails("long-line.ini", big, (size_t)n, 4, "1000");
		/* One byte over the limit. */
		n = snprintf(big, sizeof big, "[targets]\nextinguisher = 90\n[report]\n");
		int start = n;
		n += snprintf(big + n, sizeof big - (size_t)n, "signer_name = ");
		while (n - start < 1001)
			big[n++] = 'C';
		big[n++] = '\n';
		fails("line-1001.ini", big, (size_t)n, 4, "1000");
	}
	FAILS("utf8-bad.ini", "[targets]\nextinguisher = 90\n[report]\nsigner_name = \xC3\x28\n", 4, "UTF-8");
	FAILS("latin1.ini", "[targets]\nextinguisher = 90\n[report]\nsigner_name = Tr\xE2n\n", 4, "UTF-8");
	FAILS("utf8-overlong.ini", "[targets]\nextinguisher = 90\n[report]\nplace = \xC0\xAF\n", 4, "UTF-8");
	FAILS("utf8-surrogate.ini", "[targets]\nextinguisher = 90\n[report]\nplace = \xED\xA0\x80\n", 4, "UTF-8");
	FAILS("backslash-number.ini", "[targets]\napp114 = 30\nextinguisher = 90 \\\nantt_commitment = 31\n", 3,
	      "extinguisher");
	FAILS("nul.ini", "[targets]\nextinguisher = 90\nap\0p114 = 5\n", 3, "NUL");
	FAILS("bom-error.ini", "\xEF\xBB\xBF[targets]\nextinguisher = 90\nfoo = 1\n", 3, "foo");
	FAILS("crlf-error.ini", "[targets]\r\nextinguisher = 90\r\n\r\nfoo = 1\r\n", 4, "foo");
	/* print_command must split into words (printing.c) and nothing after a
	 * leading quote is dropped. */
	FAILS("cmd-quote.ini", "[report]\nprint_command = lp -d 'office printer\n", 2,
	      "[report] print_command: the single quote at character 7 is not closed");
	FAILS("cmd-backslash.ini", "[report]\nprint_command = lp \\\n", 2,
	      "[report] print_command: the command ends in a backslash");
	FAILS("after-quote.ini", "[report]\nsigner_name = \"Nguyễn\" Văn A\n", 2,
	      "text follows the closing quote");
	LOADS("cmd-whole-quoted.ini", "[report]\nprint_command = 'lp -d \"office printer\" -t \"No 1#2\"' ; c\n");
	is_str(settings_str(CFG_REPORT_PRINT_COMMAND), "lp -d \"office printer\" -t \"No 1#2\"",
	       "print_command in single quotes keeps its double quotes and '#'");
	LOADS("base-again.ini", "[targets]\nextinguisher = 80\napp114 = 22\n[period]\nmonth_start_day = 15\n"
				"[database]\nbackups_keep = 7\n[general]\nlanguage = en\n[report]\nsigner_name = Base\n");
	free(base_path);
	base_path = xasprintf("%s/base-again.ini", tmpdir);
	{
		/* settings_load_text, the bytes-level reader the fuzzer drives:
		 * the size limit and UTF-16 hold there too, with one message. */
		struct strlist e = STRLIST_INIT;
		size_t n = SETTINGS_MAX_SIZE + 1;
		char *big = xmalloc(n);
		memset(big, '\n', n);
		ok(!settings_load_text("big.ini", big, n, &e) && e.n == 1 &&
			   strstr(e.items[0], "big.ini: the file is larger than 1048576 bytes"),
		   "settings_load_text: more than SETTINGS_MAX_SIZE bytes is refused");
		sl_free(&e);
		ok(settings_load_text("limit.ini", big, SETTINGS_MAX_SIZE, &e) && e.n == 0,
		   "settings_load_text: SETTINGS_MAX_SIZE bytes are read");
		sl_free(&e);
		free(big);
		ok(!settings_load_text("le.ini", "[\0t\0", 4, &e) && e.n == 1 &&
			   strstr(e.items[0], "le.ini: the file is UTF-16LE text"),
		   "settings_load_text: NUL-interleaved ASCII is UTF-16LE");
		sl_free(&e);
		ok(!settings_load_text("be.ini", "\xFE\xFF\0[", 4, &e) && e.n == 1 &&
			   strstr(e.items[0], "be.ini: the file is UTF-16BE text"),
		   "settings_load_text: a big-endian byte-order mark is UTF-16BE");
		sl_free(&e);
		ok(!settings_load_text("nul.ini", "[general]\n\0", 11, &e) && e.n == 1 &&
			   strstr(e.items[0], "NUL byte"),
		   "settings_load_text: a NUL byte in UTF-8 text is still named as one");
		sl_free(&e);
		struct strlist e2 = STRLIST_INIT;
		ok(settings_load_file(base_path, &e2), "the base file again");
		sl_free(&e2);
	}

	/* Several problems: all reported, each with its line. */
	{
		struct strlist e = STRLIST_INIT;
		char *p = PUT("several.ini", "[targets]\nfoo = 1\n[bar]\nx = 1\n[targets]\napp114 25\n");
		ok(!settings_load_file(p, &e), "several.ini is refused");
		if (!ok(e.n == 3, "several.ini: three messages"))
			show_errors(&e);
		char *l2 = xasprintf("%s:2:", p), *l3 = xasprintf("%s:3:", p), *l6 = xasprintf("%s:6:", p);
		ok(e.n == 3 && strstr(e.items[0], l2) && strstr(e.items[1], l3) && strstr(e.items[2], l6),
		   "several.ini: lines 2, 3 and 6 in order");
		base_unchanged("several.ini");
		free(l2), free(l3), free(l6), free(p);
		sl_free(&e);

		p = PUT("several-values.ini", "[targets]\nextinguisher = 101\napp114 = abc\n");
		ok(!settings_load_file(p, &e), "several-values.ini is refused");
		l2 = xasprintf("%s:2:", p), l3 = xasprintf("%s:3:", p);
		if (!ok(e.n == 2 && strstr(e.items[0], l2) && strstr(e.items[1], l3),
			"several-values.ini: both values reported, lines 2 and 3"))
			show_errors(&e);
		base_unchanged("several-values.ini");
		free(l2), free(l3), free(p);
		sl_free(&e);
	}

	/* A file that does not exist. */
	{
		struct strlist e = STRLIST_INIT;
		char *p = xasprintf("%s/no-such-file.ini", tmpdir);
		ok(!settings_load_file(p, &e), "a missing file is refused");
		ok(e.n == 1 && strstr(e.items[0], p), "the message names the missing file");
		base_unchanged("no-such-file.ini");
		free(p);
		sl_free(&e);
	}

	/* ---- decimals do not depend on LC_NUMERIC */
	decimals_in(NULL);
	decimals_in("vi_VN.UTF-8");
	decimals_in("de_DE.UTF-8");
	decimals_in("fr_FR.UTF-8");

	/* ---- settings_load: where the file comes from */
	{
		struct strlist e = STRLIST_INIT;
		char *envfile = PUT("env/wardsafe.ini", "[targets]\nextinguisher = 61\n");
		char *xdgfile = PUT("xdg/wardsafe/wardsafe.ini", "[targets]\napp114 = 62\n");
		char *homefile = PUT("home/.config/wardsafe/wardsafe.ini", "[targets]\napp114 = 63\n");
		char *explicit = PUT("explicit.ini", "[targets]\nextinguisher = 64\n");
		char *xdgdir = xasprintf("%s/xdg", tmpdir), *homedir = xasprintf("%s/home", tmpdir);
		char *missing = xasprintf("%s/missing/wardsafe.ini", tmpdir);

		setenv("WARDSAFE_CONFIG", envfile, 1);
		setenv("XDG_CONFIG_HOME", xdgdir, 1);
		setenv("HOME", homedir, 1);
		ok(settings_load(NULL, &e) && e.n == 0, "WARDSAFE_CONFIG: loaded");
		is_str(settings_source(), envfile, "WARDSAFE_CONFIG: the source is that file");
		is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 61, "WARDSAFE_CONFIG: its value");

		ok(settings_load(explicit, &e) && e.n == 0, "an explicit path beats WARDSAFE_CONFIG");
		is_str(settings_source(), explicit, "explicit: the source is that file");
		is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 64, "explicit: its value");

		ok(!settings_load(missing, &e), "an explicit path that does not exist is an error");
		ok(e.n == 1 && strstr(e.items[0], missing), "the message names the explicit path");
		sl_free(&e);

		setenv("WARDSAFE_CONFIG", missing, 1);
		ok(!settings_load(NULL, &e), "a WARDSAFE_CONFIG that does not exist is an error");
		ok(e.n == 1 && strstr(e.items[0], missing), "the message names WARDSAFE_CONFIG's file");
		sl_free(&e);

		unsetenv("WARDSAFE_CONFIG");
		ok(settings_load(NULL, &e) && e.n == 0, "XDG_CONFIG_HOME: loaded");
		is_str(settings_source(), xdgfile, "XDG_CONFIG_HOME: the source is $XDG_CONFIG_HOME/wardsafe/wardsafe.ini");
		is_dbl(settings_decimal(CFG_TARGET_APP114), 62, "XDG_CONFIG_HOME: its value");
		is_dbl(settings_decimal(CFG_TARGET_EXTINGUISHER), 75, "XDG_CONFIG_HOME: nothing left from the last file");

		setenv("WARDSAFE_CONFIG", "", 1);
		ok(settings_load(NULL, &e) && e.n == 0, "an empty WARDSAFE_CONFIG is ignored");
		is_str(settings_source(), xdgfile, "an empty WARDSAFE_CONFIG falls through to XDG");
		unsetenv("WARDSAFE_CONFIG");

		unsetenv("XDG_CONFIG_HOME");
		ok(settings_load(NULL, &e) && e.n == 0, "HOME: loaded");
		is_str(settings_source(), homefile, "HOME: the source is ~/.config/wardsafe/wardsafe.ini");
		is_dbl(settings_decimal(CFG_TARGET_APP114), 63, "HOME: its value");

		char *bad = PUT("xdg/wardsafe/wardsafe.ini", "[targets]\napp114 = 62\nbogus = 1\n");
		setenv("XDG_CONFIG_HOME", xdgdir, 1);
		ok(!settings_load(NULL, &e), "a bad XDG file is an error");
		char *where = xasprintf("%s:3:", bad);
		ok(e.n == 1 && strstr(e.items[0], where), "the message names the XDG file and line 3");
		free(where);
		free(bad);
		sl_free(&e);

		/* Nothing anywhere: the built-in defaults.  The system file is
		 * looked for in $WARDSAFE_SYSCONFDIR (here a directory of the test's
		 * own), never in the machine's SYSCONFDIR. */
		char *sysdir = xasprintf("%s/etc", tmpdir);
		setenv("WARDSAFE_SYSCONFDIR", sysdir, 1);
		setenv("XDG_CONFIG_HOME", homedir, 1); /* no wardsafe/ under it */
		ok(settings_load(NULL, &e) && e.n == 0, "no file at all: fine");
		is_str(settings_source(), NULL, "no file at all: no source");
		is_dbl(settings_decimal(CFG_TARGET_APP114), 20, "no file at all: defaults");
		char *sysfile = PUT("etc/wardsafe.ini", "[targets]\napp114 = 65\n");
		ok(settings_load(NULL, &e) && e.n == 0, "the system file: loaded");
		is_str(settings_source(), sysfile, "the system file: the source is SYSCONFDIR/wardsafe.ini");
		is_dbl(settings_decimal(CFG_TARGET_APP114), 65, "the system file: its value");
		char *userfile = PUT("xdg2/wardsafe/wardsafe.ini", "[targets]\nextinguisher = 66\n");
		char *xdg2 = xasprintf("%s/xdg2", tmpdir);
		setenv("XDG_CONFIG_HOME", xdg2, 1);
		ok(settings_load(NULL, &e) && e.n == 0 && settings_decimal(CFG_TARGET_APP114) == 20 &&
			   settings_decimal(CFG_TARGET_EXTINGUISHER) == 66,
		   "a user's file replaces the system file (nothing of it is read)");
		free(userfile), free(xdg2), free(sysfile), free(sysdir);
		sl_free(&e);
		free(envfile), free(xdgfile), free(homefile), free(explicit);
		free(xdgdir), free(homedir), free(missing);
	}

	free(base_path);
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	return done();
}
