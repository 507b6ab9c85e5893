/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c - subcommands: init, demo, add, list, edit, delete, import, export
 * (CSV or DHIS2), template, summary, report, rollup, backup, restore, audit,
 * check, keys.  Each parses its own options, calls the model and maps the outcome
 * to an exit status (cli.h). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "action.h"
#include "audit.h"
#include "check.h"
#include "cli.h"
#include "db.h"
#include "dhis2.h"
#include "entry.h"
#include "i18n.h"
#include "indicator.h"
#include "manual.h"
#include "period.h"
#include "printing.h"
#include "record.h"
#include "report.h"
#include "rollup.h"
#include "settings.h"
#include "store.h"
#include "summary.h"
#include "template.h"
#include "text.h"
#include "transfer.h"
#include "validate.h"
#include "xlsx.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/share/wardsafe"
#endif
#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	/* Messages quote values from files and databases: their control
	 * characters are shown escaped, never sent to the terminal. */
	char *shown = text_printable_n(m, strlen(m), TEXT_KEEP_LINES);
	fprintf(stderr, _("wardsafe: error: %s\n"), shown);
	free(shown);
	free(m);
}

static void cli_warning(const char *m)
{
	char *shown = text_printable_n(m, strlen(m), TEXT_KEEP_LINES);
	fprintf(stderr, _("wardsafe: warning: %s\n"), shown);
	free(shown);
}

/* Writes a text, TSV or CSV output to stdout.  Its data fields are escaped
 * where they are written (text_printable); this is the last guard, so that
 * no control character of any other string reaches the terminal either. */
static void put_text(const char *buf, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	text_sb_printable(&sb, buf ? buf : "", buf ? len : 0, TEXT_KEEP_LINES);
	fwrite(sb.buf ? sb.buf : "", 1, sb.len, stdout);
	sb_free(&sb);
}

/* ---- option parsing for subcommands ---- */

struct opt {
	const char *name;   /* "--group" */
	bool has_value;
	const char **value; /* for options with a value */
	bool *flag;         /* for flags */
};

/* Splits argv into options (from `opts`) and positional arguments. */
static bool parse_opts(int argc, char **argv, struct opt *opts, struct strlist *pos)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || !a[1] || (a[1] != '-' && a[1] != 'o')) {
			sl_push(pos, xstrdup(a));
			continue;
		}
		bool known = false;
		for (struct opt *o = opts; o && o->name; o++) {
			size_t n = strlen(o->name);
			if (strncmp(a, o->name, n) != 0 || (a[n] && a[n] != '='))
				continue;
			known = true;
			if (!o->has_value) {
				if (a[n] == '=') {
					cli_error(_("option %s takes no value"), o->name);
					return false;
				}
				*o->flag = true;
			} else if (a[n] == '=') {
				*o->value = a + n + 1;
			} else if (i + 1 < argc) {
				*o->value = argv[++i];
			} else {
				cli_error(_("option %s needs a value"), o->name);
				return false;
			}
			break;
		}
		if (!known) {
			cli_error(_("unknown option %s for '%s'; see 'wardsafe --help'"), a, argv[0]);
			return false;
		}
	}
	return true;
}

/* True if `format` is text or tsv; else says so. */
static bool text_or_tsv(const char *format)
{
	if (!strcmp(format, "text") || !strcmp(format, "tsv"))
		return true;
	cli_error(_("--format takes text or tsv, not '%s'"), format);
	return false;
}

/* For commands that take no arguments: false (usage error) if any are given. */
static bool no_arguments(int argc, char **argv)
{
	struct strlist pos = STRLIST_INIT;
	bool ok = parse_opts(argc, argv, NULL, &pos);
	if (ok && pos.n)
		cli_error(_("'%s' takes no arguments"), argv[0]);
	ok = ok && !pos.n;
	sl_free(&pos);
	return ok;
}

static const char *data_dir(void)
{
	const char *d = getenv("WARDSAFE_DATADIR");
	if (d && *d)
		return d;
	const char *b = build_tree_dir(true, "data");
	return b ? b : PKGDATADIR;
}

static void print_list(const struct strlist *l, bool warning)
{
	for (size_t i = 0; i < l->n; i++) {
		if (warning)
			cli_warning(l->items[i]);
		else
			cli_error("%s", l->items[i]);
	}
}

/* The problems of an import: the first IMPORT_SHOWN errors and warnings
 * it kept, then how many more there were. */
static void print_import_problems(const struct import_result *res)
{
	print_list(&res->errors, false);
	long more = res->nerrors - (long)res->errors.n;
	if (more > 0)
		cli_error(ngettext("… and %ld more problem", "… and %ld more problems", (unsigned long)more),
			  more);
	print_list(&res->warnings, true);
	more = res->nwarnings - (long)res->warnings.n;
	if (more > 0) {
		char *m = xasprintf(ngettext("… and %ld more warning", "… and %ld more warnings",
					     (unsigned long)more), more);
		cli_warning(m);
		free(m);
	}
}

static sqlite3 *open_db(struct cli_env *env, enum db_mode mode)
{
	struct strlist errors = STRLIST_INIT;
	bool existed = access(env->db_path, F_OK) == 0;
	sqlite3 *db = db_open(env->db_path, mode, &errors);
	print_list(&errors, false);
	if (db && existed) {
		struct strlist warnings = STRLIST_INIT;
		db_startup(db, env->db_path, &warnings);
		print_list(&warnings, true);
		sl_free(&warnings);
	}
	sl_free(&errors);
	return db;
}

static const struct kind_def *need_kind(const char *name)
{
	const struct kind_def *k = name ? kind_find(name) : NULL;
	if (!k)
		cli_error(_("unknown record kind '%s'; kinds: %s"), name ? name : "", kind_names());
	return k;
}

/* Reports issues; returns the exit status they call for. */
static int report_issues(const struct issues *is, bool force)
{
	size_t nerr = issues_count(is, SEV_ERROR), nwarn = issues_count(is, SEV_WARNING);
	for (size_t i = 0; i < is->n; i++)
		if (is->v[i].sev == SEV_ERROR)
			cli_error("%s", is->v[i].msg);
	for (size_t i = 0; i < is->n; i++)
		if (is->v[i].sev == SEV_WARNING)
			cli_warning(is->v[i].msg);
	if (nerr)
		return EXIT_REFUSED;
	if (nwarn && !force) {
		fprintf(stderr, "%s\n", _("wardsafe: nothing saved; check the warnings and add --force to save anyway"));
		return EXIT_REFUSED;
	}
	return EXIT_DONE;
}

/* Sets the fields given as FIELD=VALUE in pos->items[from...] in a record;
 * a field given twice is refused.  `given`, when not NULL, gets true for
 * each field set. */
static bool apply_assignments(struct record *r, const struct strlist *pos, size_t from, bool editing,
			      bool *given)
{
	for (size_t i = from; i < pos->n; i++) {
		char *eq = strchr(pos->items[i], '=');
		if (!eq) {
			cli_error(_("expected FIELD=VALUE, got '%s'"), pos->items[i]);
			return false;
		}
		*eq = '\0';
		int fi = kind_field_index(r->kind, pos->items[i]);
		if (fi < 0 || (editing && (r->kind->fields[fi].flags & FF_INPUT))) {
			struct strbuf names = STRBUF_INIT;
			for (int f = 0; f < r->kind->nfields; f++)
				if (!editing || !(r->kind->fields[f].flags & FF_INPUT))
					sb_printf(&names, "%s%s", names.len ? ", " : "", r->kind->fields[f].name);
			cli_error(_("%s has no field '%s'; fields: %s"), r->kind->name, pos->items[i], names.buf);
			sb_free(&names);
			return false;
		}
		for (size_t j = from; j < i; j++)
			if (kind_field_index(r->kind, pos->items[j]) == fi) {
				cli_error(_("field '%s' is given twice; give each field once"),
					  r->kind->fields[fi].name);
				return false;
			}
		record_set(r, fi, eq + 1);
		if (given)
			given[fi] = true;
	}
	return true;
}

/* Reports the outcome of entry_save/entry_delete; returns the exit status. */
static int entry_status(enum entry_result r, const struct issues *is, const struct strlist *errors,
			bool force)
{
	int rc = report_issues(is, force);
	print_list(errors, false);
	switch (r) {
	case ENTRY_SAVED:
		return EXIT_DONE;
	case ENTRY_REFUSED:
		return EXIT_REFUSED;
	case ENTRY_CONFIRM:
		return rc;
	case ENTRY_CONFLICT: /* not given by the command line's saves */
	case ENTRY_GONE:
		return EXIT_REFUSED;
	case ENTRY_FAILED:
		break;
	}
	return EXIT_DBERR;
}

/* Validates and saves in one transaction; returns the exit status. */
static int save(sqlite3 *db, struct record *r, const struct record *old, bool force)
{
	struct strlist errors = STRLIST_INIT;
	struct issues is = { NULL, 0, 0 };
	int rc = entry_status(entry_save(db, r, old, force, &is, &errors), &is, &errors, force);
	issues_free(&is);
	sl_free(&errors);
	return rc;
}

/* ---- subcommands ---- */

static bool seed_categories(sqlite3 *db, struct strlist *errors)
{
	char *path = xasprintf("%s/categories.csv", data_dir());
	char *files[] = { path };
	struct import_opts o = { "category", false, false };
	struct import_result res;
	bool ok = import_files(db, files, 1, &o, &res);
	for (size_t i = 0; i < res.errors.n; i++)
		sl_push(errors, xstrdup(res.errors.items[i]));
	import_result_free(&res);
	free(path);
	return ok;
}

/* Creates a new database file (never an existing one) with the ward row and
 * the incident categories. */
static sqlite3 *create_db(struct cli_env *env, struct record *ward)
{
	if (access(env->db_path, F_OK) == 0) {
		cli_error(_("%s already exists; wardsafe never overwrites a database"), env->db_path);
		return NULL;
	}
	sqlite3 *db = open_db(env, DB_CREATE);
	if (!db)
		return NULL;
	struct strlist errors = STRLIST_INIT;
	bool ok = seed_categories(db, &errors);
	if (ok && ward && ward->val[0]) {
		int rc = save(db, ward, NULL, false);
		ok = rc == EXIT_DONE;
	}
	print_list(&errors, false);
	sl_free(&errors);
	if (!ok) {
		db_close(db);
		unlink(env->db_path);
		return NULL;
	}
	return db;
}

static int cmd_init(struct cli_env *env, int argc, char **argv)
{
	/* In the order of the ward's fields (kind.c). */
	const char *v[7] = { NULL };
	struct opt opts[] = {
		{ "--ward", true, &v[0], NULL }, { "--district", true, &v[1], NULL },
		{ "--province", true, &v[2], NULL }, { "--unit", true, &v[3], NULL },
		{ "--parent-unit", true, &v[4], NULL }, { "--place", true, &v[5], NULL },
		{ "--code", true, &v[6], NULL }, { NULL, false, NULL, NULL },
	};
	struct strlist pos = STRLIST_INIT;
	if (!parse_opts(argc, argv, opts, &pos) || pos.n) {
		if (pos.n)
			cli_error(_("'init' takes no arguments besides options"));
		sl_free(&pos);
		return EXIT_USAGE;
	}
	struct record ward;
	record_init(&ward, kind_find("ward"));
	for (int i = 0; i < (int)ARRAY_SIZE(v); i++)
		record_set(&ward, i, v[i]);
	if (!v[0])
		for (int i = 1; i < (int)ARRAY_SIZE(v); i++)
			if (v[i]) {
				cli_error(_("give the ward's name with --ward"));
				record_clear(&ward);
				return EXIT_USAGE;
			}
	sqlite3 *db = create_db(env, &ward);
	record_clear(&ward);
	if (!db)
		return EXIT_DBERR;
	printf(_("Created %s\n"), env->db_path);
	db_close(db);
	return EXIT_DONE;
}

static int cmd_demo(struct cli_env *env, int argc, char **argv)
{
	if (!no_arguments(argc, argv))
		return EXIT_USAGE;
	sqlite3 *db = create_db(env, NULL);
	if (!db)
		return EXIT_DBERR;
	struct strlist files = STRLIST_INIT;
	for (int i = 0; i < kind_count; i++) {
		char *p = xasprintf("%s/demo/%s.csv", data_dir(), kinds[i]->name);
		if (access(p, R_OK) == 0)
			sl_push(&files, p);
		else
			free(p);
	}
	struct import_opts o = { NULL, false, false };
	struct import_result res;
	bool ok = files.n > 0 && import_files(db, files.items, (int)files.n, &o, &res);
	if (files.n == 0)
		cli_error(_("no demo data found in %s/demo"), data_dir());
	else {
		print_import_problems(&res);
		import_result_free(&res);
	}
	db_close(db);
	sl_free(&files);
	if (!ok) {
		unlink(env->db_path);
		return EXIT_DBERR;
	}
	printf(_("Created the demo database %s\n"), env->db_path);
	return EXIT_DONE;
}

static int cmd_add(struct cli_env *env, int argc, char **argv)
{
	bool force = false;
	struct opt opts[] = { { "--force", false, NULL, &force }, { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n < 2) {
		cli_error(_("usage: wardsafe add KIND FIELD=VALUE... [--force]"));
		goto out;
	}
	const struct kind_def *k = need_kind(pos.items[0]);
	if (!k)
		goto out;
	struct record r;
	record_init(&r, k);
	if (!apply_assignments(&r, &pos, 1, false, NULL)) {
		record_clear(&r);
		goto out;
	}
	sqlite3 *db = open_db(env, DB_EXISTING);
	if (!db) {
		record_clear(&r);
		rc = EXIT_DBERR;
		goto out;
	}
	struct record old;
	bool replace = k->singleton && store_load(db, k, 1, &old);
	if (replace) {
		/* The ward is one row: "add" on an existing ward changes it. */
		r.id = 1;
		for (int i = 0; i < k->nfields; i++)
			if (!r.val[i] && old.val[i])
				record_set(&r, i, old.val[i]);
	}
	rc = save(db, &r, replace ? &old : NULL, force);
	if (rc == EXIT_DONE)
		printf("%lld\n", r.id);
	if (replace)
		record_clear(&old);
	record_clear(&r);
	db_close(db);
out:
	sl_free(&pos);
	return rc;
}

static bool parse_id(const char *s, long long *id)
{
	if (!parse_int64(s, id) || *id <= 0) {
		cli_error(_("'%s' is not a record id (a whole number, see 'wardsafe list')"), s);
		return false;
	}
	return true;
}

static int cmd_edit(struct cli_env *env, int argc, char **argv)
{
	bool force = false;
	struct opt opts[] = { { "--force", false, NULL, &force }, { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	long long id;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n < 3) {
		cli_error(_("usage: wardsafe edit KIND ID FIELD=VALUE... [--force]"));
		goto out;
	}
	const struct kind_def *k = need_kind(pos.items[0]);
	if (!k || !parse_id(pos.items[1], &id))
		goto out;
	sqlite3 *db = open_db(env, DB_EXISTING);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	struct record old, r;
	if (!store_load(db, k, id, &old)) {
		cli_error(_("there is no %s with id %lld"), _(k->label), id);
		rc = EXIT_REFUSED;
		db_close(db);
		goto out;
	}
	record_copy(&r, &old);
	bool given[KIND_MAX_FIELDS] = { false };
	if (apply_assignments(&r, &pos, 2, true, given)) {
		/* Only the fields given are written, onto the record as it is
		 * inside the write transaction: a change another program made
		 * meanwhile to any other field stays. */
		struct strlist errors = STRLIST_INIT;
		struct issues is = { NULL, 0, 0 };
		enum entry_result res = entry_save_changes(db, &r, &old, given, force, NULL, &is, &errors);
		if (res == ENTRY_GONE)
			cli_error(_("the %s with id %lld was deleted by someone else meanwhile; nothing was saved"),
				  _(k->label), id);
		rc = entry_status(res, &is, &errors, force);
		issues_free(&is);
		sl_free(&errors);
	}
	record_clear(&r);
	record_clear(&old);
	db_close(db);
out:
	sl_free(&pos);
	return rc;
}

static int cmd_delete(struct cli_env *env, int argc, char **argv)
{
	bool force = false;
	struct opt opts[] = { { "--force", false, NULL, &force }, { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	long long id;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n != 2) {
		cli_error(_("usage: wardsafe delete KIND ID [--force]"));
		goto out;
	}
	const struct kind_def *k = need_kind(pos.items[0]);
	if (!k || !parse_id(pos.items[1], &id))
		goto out;
	sqlite3 *db = open_db(env, DB_EXISTING);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	struct strlist errors = STRLIST_INIT;
	struct record old;
	if (!store_load(db, k, id, &old)) {
		cli_error(_("there is no %s with id %lld"), _(k->label), id);
		rc = EXIT_REFUSED;
	} else {
		struct issues is = { NULL, 0, 0 };
		rc = entry_status(entry_delete(db, &old, force, &is, &errors), &is, &errors, force);
		issues_free(&is);
		record_clear(&old);
	}
	sl_free(&errors);
	db_close(db);
out:
	sl_free(&pos);
	return rc;
}

/* Parses --period (default: the current month). */
static bool get_period(const char *text, struct period *p)
{
	if (!text) {
		*p = period_of_date(date_today(), (int)settings_int(CFG_MONTH_START_DAY));
		return true;
	}
	if (period_parse(text, p))
		return true;
	cli_error(_("'%s' is not a period; write 2023-09, 2023-Q3, 2023 or 2023-07..2023-09"), text);
	return false;
}

struct list_ctx {
	struct strbuf out;
};

static bool list_row(const struct record *r, void *vctx)
{
	struct list_ctx *c = vctx;
	sb_printf(&c->out, "%lld", r->id);
	for (int i = 0; i < r->kind->nfields; i++)
		if (r->kind->fields[i].column) {
			sb_putc(&c->out, '\t');
			if (r->val[i])
				text_sb_printable(&c->out, r->val[i], strlen(r->val[i]), 0);
		}
	sb_putc(&c->out, '\n');
	if (c->out.len > 1 << 16) {
		fwrite(c->out.buf, 1, c->out.len, stdout);
		sb_reset(&c->out);
	}
	return true;
}

static int cmd_list(struct cli_env *env, int argc, char **argv)
{
	const char *group = NULL, *period = NULL;
	struct opt opts[] = { { "--group", true, &group, NULL }, { "--period", true, &period, NULL },
			      { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	struct period p;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n != 1) {
		cli_error(_("usage: wardsafe list KIND [--group G] [--period P]"));
		goto out;
	}
	const struct kind_def *k = need_kind(pos.items[0]);
	if (!k || (period && !get_period(period, &p)))
		goto out;
	if (period && !k->date_field) {
		cli_error(_("%s records have no date; --period does not apply"), k->name);
		goto out;
	}
	if (group && kind_field_index(k, "group") < 0 && strcmp(k->name, "group") != 0) {
		cli_error(_("%s records belong to no group; --group does not apply"), k->name);
		goto out;
	}
	sqlite3 *db = open_db(env, DB_READ);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	if (group && !db_query_int(db, 0, "SELECT id FROM rgroup WHERE code = ?", group, NULL)) {
		cli_error(_("no group has the code %s"), group);
		db_close(db);
		rc = EXIT_REFUSED;
		goto out;
	}
	struct list_filter f = { group, 0, 0 };
	if (period) {
		int sd = (int)settings_int(CFG_MONTH_START_DAY);
		f.from = period_start(&p, sd);
		f.to = period_end(&p, sd);
	}
	struct list_ctx c = { STRBUF_INIT };
	sb_puts(&c.out, "id");
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].column)
			sb_printf(&c.out, "\t%s", k->fields[i].name);
	sb_putc(&c.out, '\n');
	struct strlist errors = STRLIST_INIT;
	bool ok = store_list(db, k, &f, list_row, &c, &errors);
	fwrite(c.out.buf, 1, c.out.len, stdout);
	sb_free(&c.out);
	print_list(&errors, false);
	sl_free(&errors);
	db_close(db);
	rc = ok ? EXIT_DONE : EXIT_DBERR;
out:
	sl_free(&pos);
	return rc;
}

static int cmd_import(struct cli_env *env, int argc, char **argv)
{
	bool dry = false, force = false;
	const char *kind = NULL;
	struct opt opts[] = { { "--dry-run", false, NULL, &dry }, { "--force", false, NULL, &force },
			      { "--kind", true, &kind, NULL }, { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n < 1) {
		cli_error(_("usage: wardsafe import FILE.csv... [--kind KIND] [--dry-run] [--force]"));
		goto out;
	}
	if (kind && !need_kind(kind))
		goto out;
	sqlite3 *db = open_db(env, DB_EXISTING);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	struct import_opts o = { kind, dry, force };
	struct import_result res;
	bool ok = import_files(db, pos.items, (int)pos.n, &o, &res);
	print_import_problems(&res);
	/* A returned sheet (template): what each group's row would save, and
	 * how many rows had no values. */
	for (size_t i = 0; ok && dry && i < res.planned.n; i++)
		printf("%s\n", res.planned.items[i]);
	if (ok && dry && res.nplanned > (long)res.planned.n)
		printf(ngettext("… and %ld more row\n", "… and %ld more rows\n",
				(unsigned long)(res.nplanned - (long)res.planned.n)),
		       res.nplanned - (long)res.planned.n);
	if (ok && res.skipped)
		printf(ngettext("%ld row of the sheet has no values and adds nothing\n",
				"%ld rows of the sheet have no values and add nothing\n", (unsigned long)res.skipped),
		       res.skipped);
	if (ok && dry)
		printf(ngettext("Dry run: %ld record would be imported (%ld new, %ld updated); nothing was saved\n",
				"Dry run: %ld records would be imported (%ld new, %ld updated); nothing was saved\n",
				(unsigned long)res.records),
		       res.records, res.inserted, res.updated);
	else if (ok)
		printf(ngettext("Imported %ld record (%ld new, %ld updated)\n",
				"Imported %ld records (%ld new, %ld updated)\n", (unsigned long)res.records),
		       res.records, res.inserted, res.updated);
	else if (res.errors.n)
		fprintf(stderr, ngettext("wardsafe: nothing imported: %ld problem\n",
					 "wardsafe: nothing imported: %ld problems\n", (unsigned long)res.nerrors),
			res.nerrors);
	else
		fprintf(stderr, "%s\n", _("wardsafe: nothing imported; check the warnings and add --force to import anyway"));
	rc = ok ? EXIT_DONE : res.failed ? EXIT_DBERR : EXIT_REFUSED;
	import_result_free(&res);
	db_close(db);
out:
	sl_free(&pos);
	return rc;
}

/* Refuses to replace an existing file without --force. */
static bool may_write(const char *path, bool force)
{
	struct stat st;
	if (!force && lstat(path, &st) == 0) {
		cli_error(_("%s already exists; add --force to replace it"), path);
		return false;
	}
	return true;
}

/* --format xlsx: a workbook is written to a file (-o FILE), never to a
 * terminal or to standard output; true if out names a file, else says so.
 * (Shared by export, summary, report, rollup and template.) */
static bool xlsx_output(const char *out)
{
	if (!out || !strcmp(out, "-")) {
		cli_error(_("a workbook (--format xlsx) is not for the terminal or standard output: "
			    "give -o FILE"));
		return false;
	}
	return true;
}

/* The ward's name (new string, control characters escaped), or NULL. */
static char *ward_name(sqlite3 *db)
{
	struct record ward;
	if (!store_load(db, kind_find("ward"), 1, &ward))
		return NULL;
	char *name = record_get(&ward, "name") ? text_printable(record_get(&ward, "name")) : NULL;
	record_clear(&ward);
	return name;
}

/* Writes data to a file atomically, readable by its owner only; returns an
 * exit status. */
static int write_output(const char *path, const struct strbuf *data)
{
	/* The same last guard as put_text: a text file is read on a terminal too. */
	char *shown = text_printable_n(data->buf ? data->buf : "", data->len, TEXT_KEEP_LINES);
	int e = write_file_atomic(path, shown, strlen(shown), 0600);
	free(shown);
	if (e) {
		cli_error(_("cannot write %s: %s"), path, strerror(e));
		return EXIT_DBERR;
	}
	return EXIT_DONE;
}

/* A CSV text (LF line ends) written as write_output or put_text do, with
 * CRLF line ends if crlf: the guard of those would escape a CR. */
static int write_csv_output(const char *path, const struct strbuf *data, bool crlf)
{
	struct strbuf conv = STRBUF_INIT;
	const struct strbuf *d = data;
	if (crlf) {
		char *shown = text_printable_n(data->buf ? data->buf : "", data->len, TEXT_KEEP_LINES);
		for (const char *c = shown; *c; c++) {
			if (*c == '\n')
				sb_putc(&conv, '\r');
			sb_putc(&conv, *c);
		}
		free(shown);
		d = &conv;
	}
	int rc = EXIT_DONE;
	if (!crlf && path)
		rc = write_output(path, d);
	else if (!crlf)
		put_text(d->buf, d->len);
	else if (path) {
		int e = write_file_atomic(path, conv.buf ? conv.buf : "", conv.len, 0600);
		if (e) {
			cli_error(_("cannot write %s: %s"), path, strerror(e));
			rc = EXIT_DBERR;
		}
	} else {
		fwrite(conv.buf ? conv.buf : "", 1, conv.len, stdout);
	}
	sb_free(&conv);
	return rc;
}

/* The style of a CSV file written (csv.h): the configured one ([csv]),
 * with --sep (whose decimal mark follows it unless [csv] decimal is set)
 * and --crlf; false after a message for a --sep it does not know. */
static bool csv_style_opts(const char *sep, bool crlf, struct csv_style *st)
{
	csv_style_configured(st);
	if (sep) {
		if (!csv_parse_sep(sep, &st->sep)) {
			cli_error(_("--sep takes ',', ';' or tab, not '%s'"), sep);
			return false;
		}
		if (!strcmp(settings_str(CFG_CSV_DECIMAL), "auto"))
			st->decimal = csv_auto_decimal(st->sep);
	}
	if (crlf)
		st->crlf = true;
	return true;
}

/* Streams the records of a kind into a file written atomically; returns an
 * exit status. */
static int export_file(sqlite3 *db, const struct kind_def *k, bool bom, const struct csv_style *st,
		       const char *path, struct strlist *errors)
{
	struct atomic_file f;
	int e = atomic_open(&f, path, 0600);
	if (!e) {
		if (!export_kind_file(db, k, bom, st, &f, NULL, errors)) {
			int werr = f.err;
			atomic_abort(&f);
			if (!werr)
				return EXIT_DBERR;
			e = werr;
		} else {
			e = atomic_commit(&f);
		}
	}
	if (e) {
		cli_error(_("cannot write %s: %s"), path, strerror(e));
		return EXIT_DBERR;
	}
	return EXIT_DONE;
}

/* The end of a DHIS2 export: the file written (or the data shown when
 * `out` is NULL or "-"), the messages printed, everything freed and the
 * database closed.  Returns the exit status. */
static int dhis2_output(enum dhis2_result r, sqlite3 *db, const char *out, struct strbuf *data,
			struct strlist *errors)
{
	int rc;
	if (r == DHIS2_DONE && out && strcmp(out, "-") != 0) {
		rc = write_output(out, data);
	} else if (r == DHIS2_DONE) {
		put_text(data->buf, data->len);
		rc = EXIT_DONE;
	} else {
		rc = r == DHIS2_REFUSED ? EXIT_REFUSED : EXIT_DBERR;
	}
	print_list(errors, false);
	sl_free(errors);
	sb_free(data);
	db_close(db);
	return rc;
}

/* export --format dhis2 [KIND|all] [--period P] [--since DATE] [-o FILE]
 * [--force]: one file holds every data element (dhis2.h). */
static int export_dhis2(struct cli_env *env, const struct strlist *pos, const char *period, bool bom,
			const char *out, bool force, const char *since)
{
	if (pos->n > 1) {
		cli_error(_("usage: wardsafe export --format dhis2 [KIND|all] [--period P] [--since DATE] [-o FILE] "
			    "[--force]"));
		return EXIT_USAGE;
	}
	ws_date sd;
	if (since && !date_parse(since, &sd)) {
		cli_error(_("--since takes a date YYYY-MM-DD, not '%s'"), since);
		return EXIT_USAGE;
	}
	if (bom) {
		cli_error(_("--bom does not apply to --format dhis2: DHIS2 reads UTF-8 without a byte-order mark"));
		return EXIT_USAGE;
	}
	const struct kind_def *k = NULL;
	if (pos->n && strcmp(pos->items[0], "all") != 0) {
		k = need_kind(pos->items[0]);
		if (!k)
			return EXIT_USAGE;
		if (!dhis2_kind_exported(k)) {
			cli_error(_("%s records give no DHIS2 data values; kinds that do: %s"), k->name,
				  dhis2_kind_names());
			return EXIT_USAGE;
		}
	}
	struct period p;
	if (period && !get_period(period, &p))
		return EXIT_USAGE;
	bool to_file = out && strcmp(out, "-") != 0;
	if (to_file && !may_write(out, force))
		return EXIT_REFUSED;
	sqlite3 *db = open_db(env, DB_READ);
	if (!db)
		return EXIT_DBERR;
	char stamp[32];
	struct dhis2_opts o = { k, period ? &p : NULL, db_operator(), dhis2_timestamp(stamp), since };
	struct strbuf data = STRBUF_INIT;
	struct strlist errors = STRLIST_INIT;
	return dhis2_output(dhis2_export(db, &o, &data, &errors), db, out, &data, &errors);
}

/* export --format dhis2-metadata [-o FILE] [--parent CODE] [--force]: what
 * the data values refer to, for DHIS2's /api/metadata (dhis2.h). */
static int export_dhis2_metadata(struct cli_env *env, const struct strlist *pos, const char *out, bool force,
				 const char *parent)
{
	if (pos->n) {
		cli_error(_("usage: wardsafe export --format dhis2-metadata [--parent CODE] [-o FILE] [--force]"));
		return EXIT_USAGE;
	}
	bool to_file = out && strcmp(out, "-") != 0;
	if (to_file && !may_write(out, force))
		return EXIT_REFUSED;
	sqlite3 *db = open_db(env, DB_READ);
	if (!db)
		return EXIT_DBERR;
	struct strbuf data = STRBUF_INIT;
	struct strlist errors = STRLIST_INIT;
	return dhis2_output(dhis2_metadata(db, parent, &data, &errors), db, out, &data, &errors);
}

/* export KIND|all --format xlsx -o FILE [--force]: one workbook, a sheet
 * per kind. */
static int export_xlsx(struct cli_env *env, const struct strlist *pos, const char *period, bool bom,
		       const char *sep, bool crlf, const char *out, bool force)
{
	if (period) {
		cli_error(_("--period applies to --format dhis2 only; 'export' in CSV writes every record"));
		return EXIT_USAGE;
	}
	if (bom || sep || crlf) {
		cli_error(_("--bom, --sep and --crlf are for CSV; a workbook (--format xlsx) has none"));
		return EXIT_USAGE;
	}
	if (pos->n != 1) {
		cli_error(_("usage: wardsafe export KIND|all --format xlsx -o FILE [--force]"));
		return EXIT_USAGE;
	}
	if (!xlsx_output(out))
		return EXIT_USAGE;
	bool all = !strcmp(pos->items[0], "all");
	const struct kind_def *k = all ? NULL : need_kind(pos->items[0]);
	if (!all && !k)
		return EXIT_USAGE;
	if (!may_write(out, force))
		return EXIT_REFUSED;
	sqlite3 *db = open_db(env, DB_READ);
	if (!db)
		return EXIT_DBERR;
	struct strlist errors = STRLIST_INIT;
	char *ward = ward_name(db);
	bool ok = all ? xlsx_write_export(out, db, kinds, kind_count, ward, &errors)
		      : xlsx_write_export(out, db, &k, 1, ward, &errors);
	print_list(&errors, false);
	sl_free(&errors);
	free(ward);
	db_close(db);
	return ok ? EXIT_DONE : EXIT_DBERR;
}

static int cmd_export(struct cli_env *env, int argc, char **argv)
{
	bool bom = false, force = false, crlf = false;
	const char *out = NULL, *format = "csv", *period = NULL, *sep = NULL;
	const char *since = NULL, *parent = NULL; /* --format dhis2, dhis2-metadata */
	struct opt opts[] = { { "--bom", false, NULL, &bom }, { "--force", false, NULL, &force },
			      { "-o", true, &out, NULL }, { "--output", true, &out, NULL },
			      { "--format", true, &format, NULL }, { "--period", true, &period, NULL },
			      { "--since", true, &since, NULL }, { "--parent", true, &parent, NULL },
			      { "--sep", true, &sep, NULL }, { "--crlf", false, NULL, &crlf },
			      { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	struct csv_style style;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (parent && strcmp(format, "dhis2-metadata") != 0) {
		cli_error(_("--parent applies to --format dhis2-metadata only"));
		goto out;
	}
	if (since && strcmp(format, "dhis2") != 0) {
		cli_error(_("--since applies to --format dhis2 only"));
		goto out;
	}
	if (!strncmp(format, "dhis2", 5) && (sep || crlf)) {
		cli_error(_("--sep and --crlf do not apply to --format dhis2: DHIS2 reads commas and LF"));
		goto out;
	}
	if (!strcmp(format, "dhis2")) {
		rc = export_dhis2(env, &pos, period, bom, out, force, since);
		goto out;
	}
	if (!strcmp(format, "dhis2-metadata")) {
		if (period || bom) {
			cli_error(_("--period and --bom do not apply to --format dhis2-metadata"));
			goto out;
		}
		if (parent && (!*parent || strlen(parent) > 50)) {
			cli_error(_("--parent takes the code of an organisation unit in DHIS2 (1 to 50 characters)"));
			goto out;
		}
		rc = export_dhis2_metadata(env, &pos, out, force, parent);
		goto out;
	}
	if (!strcmp(format, "xlsx")) {
		rc = export_xlsx(env, &pos, period, bom, sep, crlf, out, force);
		goto out;
	}
	if (strcmp(format, "csv") != 0) {
		cli_error(_("--format takes csv, xlsx, dhis2 or dhis2-metadata, not '%s'"), format);
		goto out;
	}
	if (period) {
		cli_error(_("--period applies to --format dhis2 only; 'export' in CSV writes every record"));
		goto out;
	}
	if (pos.n != 1) {
		cli_error(_("usage: wardsafe export KIND|all [--bom] [--sep ,|;|tab] [--crlf] [-o FILE|DIR] [--force]"));
		goto out;
	}
	if (!csv_style_opts(sep, crlf, &style))
		goto out;
	bool all = !strcmp(pos.items[0], "all");
	const struct kind_def *k = all ? NULL : need_kind(pos.items[0]);
	if (!all && !k)
		goto out;
	if (all && !out) {
		cli_error(_("'export all' writes one file per kind: give a directory with -o DIR"));
		goto out;
	}
	sqlite3 *db = open_db(env, DB_READ);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	struct strlist errors = STRLIST_INIT;
	rc = EXIT_DONE;
	if (all) {
		/* Nothing is written unless every file may be. */
		for (int i = 0; i < kind_count; i++) {
			char *path = xasprintf("%s/%s.csv", out, kinds[i]->name);
			if (!may_write(path, force))
				rc = EXIT_REFUSED;
			free(path);
		}
		if (rc == EXIT_DONE && !db_make_dirs(out, &errors))
			rc = EXIT_DBERR;
		for (int i = 0; i < kind_count && rc == EXIT_DONE; i++) {
			char *path = xasprintf("%s/%s.csv", out, kinds[i]->name);
			rc = export_file(db, kinds[i], bom, &style, path, &errors);
			free(path);
		}
	} else {
		bool to_file = out && strcmp(out, "-") != 0;
		if (to_file && !may_write(out, force))
			rc = EXIT_REFUSED;
		else if (to_file)
			rc = export_file(db, k, bom, &style, out, &errors);
		else if (!export_kind_file(db, k, bom, &style, NULL, stdout, &errors))
			rc = EXIT_DBERR;
	}
	print_list(&errors, false);
	sl_free(&errors);
	db_close(db);
out:
	sl_free(&pos);
	return rc;
}

/* template KIND [--date DATE] [--group G]... [--format csv|pdf]
 * [--layout table|pages] [-o FILE] [--force] [--bom]: the sheet for the
 * group leaders (template.h), or the form to print (template_pdf.c).
 * --group may be repeated and takes comma-separated codes. */
static int cmd_template(struct cli_env *env, int argc, char **argv)
{
	bool bom = false, force = false, crlf = false;
	const char *out = NULL, *format = "csv", *date = NULL, *layout = NULL, *sep = NULL;
	struct opt opts[] = { { "--bom", false, NULL, &bom }, { "--force", false, NULL, &force },
			      { "--layout", true, &layout, NULL },
			      { "-o", true, &out, NULL }, { "--output", true, &out, NULL },
			      { "--format", true, &format, NULL }, { "--date", true, &date, NULL },
			      { "--sep", true, &sep, NULL }, { "--crlf", false, NULL, &crlf },
			      { NULL, false, NULL, NULL } };
	struct csv_style style;
	struct strlist pos = STRLIST_INIT, groups = STRLIST_INIT;
	int rc = EXIT_USAGE;
	/* parse_opts keeps one value per option: the --group options are
	 * taken out first. */
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0;
	for (int i = 0; i < argc; i++) {
		const char *v = NULL;
		if (i > 0 && !strcmp(argv[i], "--group")) {
			if (i + 1 >= argc) {
				cli_error(_("option %s needs a value"), "--group");
				goto out;
			}
			v = argv[++i];
		} else if (i > 0 && !strncmp(argv[i], "--group=", 8)) {
			v = argv[i] + 8;
		} else {
			rest[nrest++] = argv[i];
			continue;
		}
		char *copy = xstrdup(v), *save = NULL;
		for (char *c = strtok_r(copy, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
			str_trim(c);
			if (*c)
				sl_push(&groups, xstrdup(c));
		}
		free(copy);
	}
	if (!parse_opts(nrest, rest, opts, &pos))
		goto out;
	bool pdf = !strcmp(format, "pdf"), xlsx = !strcmp(format, "xlsx");
	if (!pdf && !xlsx && strcmp(format, "csv") != 0) {
		cli_error(_("--format takes csv, xlsx or pdf, not '%s'"), format);
		goto out;
	}
	if (xlsx && (bom || sep || crlf)) {
		cli_error(_("--bom, --sep and --crlf are for CSV; a workbook (--format xlsx) has none"));
		goto out;
	}
	enum template_layout lay = TEMPLATE_LAYOUT_TABLE;
	if (layout && !pdf) {
		cli_error(_("--layout is for the printed form (--format pdf)"));
		goto out;
	}
	if (layout && !template_layout_parse(layout, &lay)) {
		cli_error(_("--layout takes table (one table for all groups) or pages (one page per group), "
			    "not '%s'"), layout);
		goto out;
	}
	if (pdf && bom) {
		cli_error(_("--bom is for CSV; a PDF has none"));
		goto out;
	}
	if (pos.n != 1) {
		cli_error(_("usage: wardsafe template KIND [--date DATE] [--group G]... [--format csv|pdf] "
			    "[--layout table|pages] [--sep ,|;|tab] [--crlf] [-o FILE] [--force] [--bom]"));
		goto out;
	}
	/* A PDF is never sent to a terminal (or a pipe): as the report's, it
	 * needs a file. */
	if (pdf && (!out || !strcmp(out, "-"))) {
		cli_error(_("a PDF sheet needs a file name: -o FILE"));
		goto out;
	}
	if (xlsx && !xlsx_output(out))
		goto out;
	if (!csv_style_opts(sep, crlf, &style))
		goto out;
	style.crlf = false; /* write_csv_output puts the CRs */
	const struct kind_def *k = need_kind(pos.items[0]);
	if (!k)
		goto out;
	if (!template_kind_ok(k)) {
		cli_error(_("there is no sheet for %s records: the sheet is for the figures each group "
			    "reports at a date; kinds: %s"), k->name, template_kind_names());
		goto out;
	}
	ws_date d = date_today();
	if (date && !date_parse(date, &d)) {
		cli_error(_("'%s' is not a date; write YYYY-MM-DD or DD/MM/YYYY"), date);
		goto out;
	}
	bool to_file = out && strcmp(out, "-") != 0;
	if (to_file && !may_write(out, force)) {
		rc = EXIT_REFUSED;
		goto out;
	}
	sqlite3 *db = open_db(env, DB_READ);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	struct template_opts o = { k, d, groups.n ? groups.items : NULL, (int)groups.n, bom, &style };
	struct strbuf data = STRBUF_INIT;
	struct strlist errors = STRLIST_INIT;
	bool refused;
	if (pdf)
		rc = template_write_pdf(db, &o, lay, out, &errors, &refused) ? EXIT_DONE
		     : refused ? EXIT_REFUSED : EXIT_DBERR;
	else if (xlsx) {
		struct template_sheet sheet;
		refused = false;
		if (template_sheet_load(db, &o, &sheet, &errors, &refused)) {
			char *ward = ward_name(db);
			rc = xlsx_write_template(out, &sheet, ward, &errors) ? EXIT_DONE : EXIT_DBERR;
			free(ward);
			template_sheet_free(&sheet);
		} else
			rc = refused ? EXIT_REFUSED : EXIT_DBERR;
	} else if (template_write(db, &o, &data, &errors, &refused))
		rc = write_csv_output(to_file ? out : NULL, &data, crlf);
	else
		rc = refused ? EXIT_REFUSED : EXIT_DBERR;
	print_list(&errors, false);
	sl_free(&errors);
	sb_free(&data);
	db_close(db);
out:
	free(rest);
	sl_free(&groups);
	sl_free(&pos);
	return rc;
}

static int cmd_summary(struct cli_env *env, int argc, char **argv)
{
	const char *period = NULL, *group = NULL, *format = "text", *out = NULL;
	bool force = false;
	struct opt opts[] = { { "--period", true, &period, NULL }, { "--group", true, &group, NULL },
			      { "--format", true, &format, NULL }, { "-o", true, &out, NULL },
			      { "--output", true, &out, NULL }, { "--force", false, NULL, &force },
			      { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	struct period p;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n) {
		cli_error(_("usage: wardsafe summary [--period P] [--group G] [--format text|tsv|xlsx] [-o FILE] "
			    "[--force]"));
		goto out;
	}
	bool xlsx = !strcmp(format, "xlsx");
	if (!xlsx && !text_or_tsv(format))
		goto out;
	if (!xlsx && (out || force)) {
		cli_error(_("-o and --force apply to --format xlsx only"));
		goto out;
	}
	if (xlsx && !xlsx_output(out))
		goto out;
	if (xlsx && !may_write(out, force)) {
		rc = EXIT_REFUSED;
		goto out;
	}
	if (!get_period(period, &p))
		goto out;
	sqlite3 *db = open_db(env, DB_READ);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	struct summary s;
	struct strlist errors = STRLIST_INIT;
	if (!summary_compute(db, &p, group, &s, &errors)) {
		print_list(&errors, false);
		rc = EXIT_REFUSED;
	} else {
		struct strbuf o = STRBUF_INIT;
		rc = EXIT_DONE;
		if (xlsx) {
			char *name = ward_name(db);
			rc = xlsx_write_summary(out, &s, name, &errors) ? EXIT_DONE : EXIT_DBERR;
			print_list(&errors, false);
			free(name);
		} else if (!strcmp(format, "tsv")) {
			summary_write_tsv(&s, &o);
		} else {
			struct record ward;
			bool have = store_load(db, kind_find("ward"), 1, &ward);
			char *name = have && record_get(&ward, "name") ? text_printable(record_get(&ward, "name")) : NULL;
			summary_write_text(&s, name, &o);
			free(name);
			if (have)
				record_clear(&ward);
		}
		put_text(o.buf, o.len);
		sb_free(&o);
		summary_free(&s);
	}
	sl_free(&errors);
	db_close(db);
out:
	sl_free(&pos);
	return rc;
}

static int cmd_report(struct cli_env *env, int argc, char **argv)
{
	const char *period = NULL, *format = "text", *out = NULL, *number = NULL, *sep = NULL;
	bool force = false, bom = false, crlf = false;
	struct opt opts[] = { { "--period", true, &period, NULL }, { "--format", true, &format, NULL },
			      { "-o", true, &out, NULL }, { "--output", true, &out, NULL },
			      { "--number", true, &number, NULL }, { "--force", false, NULL, &force },
			      { "--bom", false, NULL, &bom }, { "--sep", true, &sep, NULL },
			      { "--crlf", false, NULL, &crlf }, { NULL, false, NULL, NULL } };
	struct csv_style style;
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	struct period p;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n) {
		cli_error(_("usage: wardsafe report [--period P] [--format pdf|docx|text|csv|xlsx] [-o FILE] [--force]"));
		goto out;
	}
	bool pdf = !strcmp(format, "pdf"), docx = !strcmp(format, "docx"), xlsx = !strcmp(format, "xlsx");
	if (!pdf && !docx && !xlsx && strcmp(format, "text") != 0 && strcmp(format, "csv") != 0) {
		cli_error(_("--format takes pdf, docx, text, csv or xlsx, not '%s'"), format);
		goto out;
	}
	if (xlsx && bom) {
		cli_error(_("--bom, --sep and --crlf are for CSV; a workbook (--format xlsx) has none"));
		goto out;
	}
	if (xlsx && !xlsx_output(out))
		goto out;
	if ((sep || crlf) && strcmp(format, "csv") != 0) {
		cli_error(_("--sep and --crlf apply to --format csv only"));
		goto out;
	}
	if (!csv_style_opts(sep, crlf, &style))
		goto out;
	style.crlf = false; /* write_csv_output puts the CRs */
	if (pdf && (!out || !strcmp(out, "-"))) {
		cli_error(_("a PDF report needs a file name: -o FILE"));
		goto out;
	}
	if (docx && (!out || !strcmp(out, "-"))) {
		cli_error(_("a DOCX report needs a file name: -o FILE"));
		goto out;
	}
	if (!get_period(period, &p))
		goto out;
	bool to_file = out && strcmp(out, "-") != 0;
	if (to_file && !may_write(out, force)) {
		rc = EXIT_REFUSED;
		goto out;
	}
	sqlite3 *db = open_db(env, DB_EXISTING);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	struct report r;
	struct strlist errors = STRLIST_INIT;
	if (!report_build(db, &p, &r, &errors)) {
		print_list(&errors, false);
		rc = EXIT_DBERR;
	} else {
		if (number) {
			free(r.info.number);
			r.info.number = xstrdup(number);
		}
		/* Decree 30 (Phụ lục I, II.7): the signature block carries the
		 * signer's full name; the CSV has no signature block. */
		if (strcmp(format, "csv") != 0 && !xlsx && !*r.info.signer_name)
			cli_warning(_("the report has no signer's name under the signature (Decree 30); "
				      "set [report] signer_name in the configuration"));
		struct strbuf data = STRBUF_INIT;
		if (pdf) {
			rc = report_write_pdf(&r, out, &errors) ? EXIT_DONE : EXIT_DBERR;
			print_list(&errors, false);
		} else if (docx) {
			rc = report_write_docx(&r, out, &errors) ? EXIT_DONE : EXIT_DBERR;
		} else if (xlsx) {
			rc = xlsx_write_report(out, &r, &errors) ? EXIT_DONE : EXIT_DBERR;
			print_list(&errors, false);
		} else {
			if (!strcmp(format, "csv"))
				report_write_csv_style(&r, bom, &style, &data);
			else
				report_write_text(&r, &data);
			rc = write_csv_output(to_file ? out : NULL, &data, crlf);
		}
		sb_free(&data);
		report_free(&r);
	}
	sl_free(&errors);
	db_close(db);
out:
	sl_free(&pos);
	return rc;
}

static int cmd_rollup(struct cli_env *env, int argc, char **argv)
{
	(void)env;
	const char *period = NULL, *format = "text", *out = NULL;
	bool force = false;
	struct opt opts[] = { { "--period", true, &period, NULL }, { "--format", true, &format, NULL },
			      { "-o", true, &out, NULL }, { "--output", true, &out, NULL },
			      { "--force", false, NULL, &force }, { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	struct period p;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (!pos.n) {
		cli_error(_("usage: wardsafe rollup WARD.db... [--period P] [--format text|tsv|pdf|xlsx] [-o FILE] "
			    "[--force]"));
		goto out;
	}
	bool pdf = !strcmp(format, "pdf"), xlsx = !strcmp(format, "xlsx");
	if (!pdf && !xlsx && strcmp(format, "text") != 0 && strcmp(format, "tsv") != 0) {
		cli_error(_("--format takes text, tsv, pdf or xlsx, not '%s'"), format);
		goto out;
	}
	if (xlsx && !xlsx_output(out))
		goto out;
	if (pdf && (!out || !strcmp(out, "-"))) {
		cli_error(_("a PDF report needs a file name: -o FILE"));
		goto out;
	}
	if (!get_period(period, &p))
		goto out;
	bool to_file = out && strcmp(out, "-") != 0;
	if (to_file && !may_write(out, force)) {
		rc = EXIT_REFUSED;
		goto out;
	}
	struct rollup r;
	struct strlist errors = STRLIST_INIT;
	if (!rollup_compute((const char *const *)pos.items, (int)pos.n, &p, &r, &errors)) {
		print_list(&errors, false);
		fprintf(stderr, "%s\n", _("wardsafe: nothing rolled up"));
		rc = EXIT_DBERR;
	} else if (xlsx) {
		rc = xlsx_write_rollup(out, &r, &errors) ? EXIT_DONE : EXIT_DBERR;
		print_list(&errors, false);
		rollup_free(&r);
	} else {
		if (pdf) {
			/* The document names the wards, never their files: the
			 * files are listed here. */
			if (!*settings_str(CFG_ROLLUP_SIGNER_NAME))
				cli_warning(_("the roll-up has no signer's name under the signature (Decree 30); "
					      "set [rollup] signer_name in the configuration"));
			rc = rollup_write_pdf(&r, out, &errors) ? EXIT_DONE : EXIT_DBERR;
			print_list(&errors, false);
			if (rc == EXIT_DONE) {
				struct strlist src = STRLIST_INIT;
				rollup_sources(&r, &src);
				fprintf(stderr, "%s\n", _("wardsafe: the wards of the roll-up and their files:"));
				for (size_t i = 0; i < src.n; i++)
					fprintf(stderr, "  %s\n", src.items[i]);
				sl_free(&src);
			}
		} else {
			struct strbuf data = STRBUF_INIT;
			if (!strcmp(format, "tsv"))
				rollup_write_tsv(&r, &data);
			else
				rollup_write_text(&r, &data);
			if (to_file)
				rc = write_output(out, &data);
			else {
				put_text(data.buf, data.len);
				rc = EXIT_DONE;
			}
			sb_free(&data);
		}
		rollup_free(&r);
	}
	sl_free(&errors);
out:
	sl_free(&pos);
	return rc;
}

static int cmd_backup(struct cli_env *env, int argc, char **argv)
{
	const char *out = NULL;
	bool force = false;
	struct opt opts[] = { { "-o", true, &out, NULL }, { "--output", true, &out, NULL },
			      { "--force", false, NULL, &force }, { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	if (!parse_opts(argc, argv, opts, &pos) || pos.n) {
		if (pos.n)
			cli_error(_("usage: wardsafe backup [-o FILE] [--force]"));
		sl_free(&pos);
		return EXIT_USAGE;
	}
	sl_free(&pos);
	if (out && !may_write(out, force))
		return EXIT_REFUSED;
	sqlite3 *db = open_db(env, DB_EXISTING);
	if (!db)
		return EXIT_DBERR;
	struct strlist errors = STRLIST_INIT;
	char *written = NULL;
	if (out) {
		if (db_backup_to(db, out, &errors))
			written = xstrdup(out);
	} else {
		written = db_backup_auto(db, env->db_path, "manual", &errors);
	}
	print_list(&errors, false);
	sl_free(&errors);
	db_close(db);
	if (!written)
		return EXIT_DBERR;
	printf(_("Backup written to %s\n"), written);
	free(written);
	return EXIT_DONE;
}

/* manual [--format pdf|text] [-o FILE] [--force]: the manual pages of this
 * build in the interface language (manual.h); a PDF goes to a file or a
 * pipe, never to a terminal. */
static int cmd_manual(struct cli_env *env, int argc, char **argv)
{
	(void)env;
	bool force = false;
	const char *out = NULL, *format = "pdf";
	struct opt opts[] = { { "--force", false, NULL, &force }, { "-o", true, &out, NULL },
			      { "--output", true, &out, NULL }, { "--format", true, &format, NULL },
			      { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n) {
		cli_error(_("usage: wardsafe manual [--format pdf|text] [-o FILE] [--force]"));
		goto out;
	}
	bool pdf = !strcmp(format, "pdf");
	if (!pdf && strcmp(format, "text") != 0) {
		cli_error(_("--format takes pdf or text, not '%s'"), format);
		goto out;
	}
	bool to_file = out && strcmp(out, "-") != 0;
	if (pdf && !to_file && isatty(STDOUT_FILENO)) {
		cli_error(_("a PDF is not for the terminal: give -o FILE, send it to a pipe, or use --format text"));
		goto out;
	}
	if (to_file && !may_write(out, force)) {
		rc = EXIT_REFUSED;
		goto out;
	}
	struct strlist errors = STRLIST_INIT;
	const char *lang = i18n_language();
	rc = EXIT_DBERR;
	if (!pdf) {
		struct strbuf text = STRBUF_INIT;
		if (manual_text(lang, &text, &errors))
			rc = to_file ? write_output(out, &text) : (put_text(text.buf, text.len), EXIT_DONE);
		sb_free(&text);
	} else if (to_file) {
		if (manual_write_pdf(lang, out, &errors))
			rc = EXIT_DONE;
	} else {
		/* to a pipe: through a temporary file, as the writer is atomic */
		char *path = print_temp_pdf("manual", &errors);
		if (path) {
			if (manual_write_pdf(lang, path, &errors)) {
				FILE *f = fopen(path, "rb");
				char buf[8192];
				size_t n;
				while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
					fwrite(buf, 1, n, stdout);
				if (f)
					fclose(f);
				rc = f && fflush(stdout) == 0 ? EXIT_DONE : EXIT_DBERR;
			}
			unlink(path);
		}
		free(path);
	}
	print_list(&errors, false);
	sl_free(&errors);
out:
	sl_free(&pos);
	return rc;
}

static int cmd_keys(struct cli_env *env, int argc, char **argv)
{
	(void)env;
	bool roff = false, translated = false;
	struct opt opts[] = { { "--roff", false, NULL, &roff }, { "--translated", false, NULL, &translated },
			      { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	if (!parse_opts(argc, argv, opts, &pos) || pos.n) {
		sl_free(&pos);
		return EXIT_USAGE;
	}
	if (roff) {
		char *r = action_manual_roff(translated);
		fputs(r, stdout);
		free(r);
		return EXIT_DONE;
	}
	char *listing = action_keys_listing();
	fputs(listing, stdout);
	free(listing);
	return EXIT_DONE;
}

static int cmd_restore(struct cli_env *env, int argc, char **argv)
{
	struct strlist pos = STRLIST_INIT;
	if (!parse_opts(argc, argv, NULL, &pos) || pos.n != 1) {
		if (pos.n != 1)
			cli_error(_("usage: wardsafe restore FILE"));
		sl_free(&pos);
		return EXIT_USAGE;
	}
	struct strlist errors = STRLIST_INIT;
	char *kept = NULL;
	bool ok = db_restore(env->db_path, pos.items[0], &kept, &errors);
	print_list(&errors, false);
	if (ok)
		printf(_("Restored %s from %s\n"), env->db_path, pos.items[0]);
	if (kept)
		printf(_("The replaced database was kept as %s\n"), kept);
	free(kept);
	sl_free(&errors);
	sl_free(&pos);
	return ok ? EXIT_DONE : EXIT_DBERR;
}

struct audit_ctx {
	sqlite3 *db;
	bool tsv;
	long n;
};

static bool audit_row(const struct audit_entry *e, void *vctx)
{
	struct audit_ctx *c = vctx;
	/* Every string is shown escaped: the log keeps values from older or
	 * foreign files as they were, control characters included. */
	char *at = text_printable(e->at), *op = text_printable(e->operator_), *kind = text_printable(e->kind),
	     *action = text_printable(e->action);
	if (c->tsv) {
		const char *oj = e->old_json ? e->old_json : "", *nj = e->new_json ? e->new_json : "";
		char *o = text_printable_n(oj, strlen(oj), TEXT_JSON), *n = text_printable_n(nj, strlen(nj), TEXT_JSON);
		printf("%lld\t%s\t%s\t%s\t%lld\t%s\t%s\t%s\n", e->id, at, op, kind, e->row_id, action, o, n);
		free(o);
		free(n);
	} else {
		char *what = audit_describe(c->db, e);
		char *shown = text_printable(what);
		printf("%s  %-16s %-7s %s %lld: %s\n", at, op, action, kind, e->row_id, shown);
		free(shown);
		free(what);
	}
	free(at);
	free(op);
	free(kind);
	free(action);
	c->n++;
	return true;
}

static int cmd_audit(struct cli_env *env, int argc, char **argv)
{
	const char *period = NULL, *op = NULL, *format = "text";
	struct opt opts[] = { { "--period", true, &period, NULL }, { "--operator", true, &op, NULL },
			      { "--format", true, &format, NULL }, { NULL, false, NULL, NULL } };
	struct strlist pos = STRLIST_INIT;
	int rc = EXIT_USAGE;
	struct period p;
	if (!parse_opts(argc, argv, opts, &pos))
		goto out;
	if (pos.n) {
		cli_error(_("usage: wardsafe audit [--period P] [--operator NAME] [--format text|tsv]"));
		goto out;
	}
	if (!text_or_tsv(format))
		goto out;
	if (period && !get_period(period, &p))
		goto out;
	sqlite3 *db = open_db(env, DB_READ);
	if (!db) {
		rc = EXIT_DBERR;
		goto out;
	}
	struct audit_filter f = { 0, 0, op, false };
	if (period) {
		int sd = (int)settings_int(CFG_MONTH_START_DAY);
		f.from = period_start(&p, sd);
		f.to = period_end(&p, sd);
	}
	struct audit_ctx c = { db, !strcmp(format, "tsv"), 0 };
	if (c.tsv)
		printf("id\tat\toperator\tkind\trow\taction\told\tnew\n");
	struct strlist errors = STRLIST_INIT;
	rc = audit_list(db, &f, audit_row, &c, &errors) ? EXIT_DONE : EXIT_DBERR;
	print_list(&errors, false);
	sl_free(&errors);
	db_close(db);
out:
	sl_free(&pos);
	return rc;
}

static int cmd_check(struct cli_env *env, int argc, char **argv)
{
	if (!no_arguments(argc, argv))
		return EXIT_USAGE;
	sqlite3 *db = open_db(env, DB_EXISTING);
	if (!db)
		return EXIT_DBERR;
	struct strlist problems = STRLIST_INIT, warnings = STRLIST_INIT;
	bool sound = check_database(db, &problems, &warnings);
	/* The problems quote names and values from the file: shown escaped. */
	for (size_t i = 0; i < problems.n; i++) {
		char *m = text_printable(problems.items[i]);
		printf(_("problem: %s\n"), m);
		free(m);
	}
	for (size_t i = 0; i < warnings.n; i++) {
		char *m = text_printable(warnings.items[i]);
		printf(_("warning: %s\n"), m);
		free(m);
	}
	char *np = xasprintf(ngettext("%zu problem", "%zu problems", (unsigned long)problems.n), problems.n);
	char *nw = xasprintf(ngettext("%zu warning", "%zu warnings", (unsigned long)warnings.n), warnings.n);
	printf("%s, %s\n", np, nw);
	free(np);
	free(nw);
	/* (sl_free empties the list: the status is decided before) */
	int rc = !sound ? EXIT_DBERR : problems.n ? EXIT_REFUSED : EXIT_DONE;
	sl_free(&problems);
	sl_free(&warnings);
	db_close(db);
	return rc;
}

struct command {
	const char *name;
	int (*run)(struct cli_env *, int, char **);
	const char *synopsis;
	const char *help; /* N_() */
};

static const struct command commands[] = {
	{ "init", cmd_init, "init [--ward NAME] [--district D] [--province P] [--unit U] [--parent-unit U] [--place P] [--code CODE]",
	  N_("create an empty database (never overwrites)") },
	{ "demo", cmd_demo, "demo", N_("create the demo database") },
	{ "add", cmd_add, "add KIND FIELD=VALUE... [--force]", N_("record one entry; prints its id") },
	{ "list", cmd_list, "list KIND [--group G] [--period P]", N_("entries as TSV with a header line") },
	{ "edit", cmd_edit, "edit KIND ID FIELD=VALUE... [--force]", N_("change an entry") },
	{ "delete", cmd_delete, "delete KIND ID [--force]", N_("delete an entry") },
	{ "import", cmd_import, "import FILE.csv... [--kind KIND] [--dry-run] [--force]",
	  N_("import CSV files, all or nothing") },
	{ "export", cmd_export, "export KIND|all [--format csv|xlsx] [--bom] [--sep ,|;|tab] [--crlf] [-o FILE|DIR] [--force]",
	  N_("export records as CSV") },
	{ "export", cmd_export, "export --format dhis2 [KIND|all] [--period P] [--since DATE] [-o FILE] [--force]",
	  N_("export the figures as a DHIS2 data value set (CSV), one file") },
	{ "export", cmd_export, "export --format dhis2-metadata [--parent CODE] [-o FILE] [--force]",
	  N_("export what the DHIS2 data values refer to, as DHIS2 metadata (JSON)") },
	{ "template", cmd_template, "template KIND [--date DATE] [--group G]... [--format csv|pdf|xlsx] [--layout table|pages] [--sep ,|;|tab] [--crlf] [-o FILE] [--force] [--bom]",
	  N_("the sheet for the group leaders: one row per active group, the last values beside empty cells") },
	{ "summary", cmd_summary, "summary [--period P] [--group G] [--format text|tsv|xlsx] [-o FILE] [--force]",
	  N_("indicators for a period against targets") },
	{ "report", cmd_report, "report [--period P] [--format pdf|docx|text|csv|xlsx] [-o FILE] [--number N] [--bom] [--sep ,|;|tab] [--crlf] [--force]",
	  N_("the report of a period, for printing") },
	{ "rollup", cmd_rollup, "rollup WARD.db... [--period P] [--format text|tsv|pdf|xlsx] [-o FILE] [--force]",
	  N_("the indicators of many wards at once, and their total (files only read)") },
	{ "backup", cmd_backup, "backup [-o FILE] [--force]", N_("copy the database safely") },
	{ "restore", cmd_restore, "restore FILE", N_("replace the database with a checked backup (the replaced one is kept)") },
	{ "audit", cmd_audit, "audit [--period P] [--operator NAME] [--format text|tsv]",
	  N_("who changed what and when, with old and new values") },
	{ "check", cmd_check, "check", N_("integrity and consistency check") },
	{ "manual", cmd_manual, "manual [--format pdf|text] [-o FILE] [--force]",
	  N_("the manual (wardsafe(1), wardsafe.ini(5)) as an A4 PDF or as text, in the interface language") },
	{ "keys", cmd_keys, "keys [--roff [--translated]]", N_("list the keys of the screens") },
};

int cli_is_command(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return 1;
	return 0;
}

void cli_usage(void)
{
	printf("%s\n", _("Usage: wardsafe [--db FILE] [--config FILE] [--lang vi|en] [COMMAND [ARGS]]"));
	printf("%s\n\n", _("Ward public order and fire safety records. Without a command, starts the screens."));
	printf("%s\n", _("Commands:"));
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		printf("  wardsafe %s\n      %s\n", commands[i].synopsis, _(commands[i].help));
	printf("\n%s\n", _("Options:"));
	printf("  --db FILE        %s\n", _("database file (default: $WARDSAFE_DB, the configuration, "
					    "then $XDG_DATA_HOME/wardsafe/wardsafe.db or "
					    "~/.local/share/wardsafe/wardsafe.db)"));
	printf("                   %s\n", _("given two or more times without a command: the roll-up of those "
					    "ward databases on the screens, read-only"));
	printf("  --config FILE    ");
	printf(_("configuration file (default: $WARDSAFE_CONFIG, then $XDG_CONFIG_HOME/wardsafe/wardsafe.ini "
		 "or ~/.config/wardsafe/wardsafe.ini, then the system file %s)"), SYSCONFDIR "/wardsafe.ini");
	printf("\n");
	printf("  --lang vi|en     %s\n", _("language of messages and output (default: vi)"));
	printf("  -h, --help       %s\n", _("show this help"));
	printf("  -V, --version    %s\n", _("show the version"));
	printf("\n%s %s\n", _("Record kinds:"), kind_names());
	printf("%s\n", _("Periods: 2023-09, 2023-Q3, 2023, 2023-07..2023-09"));
	printf("%s\n", _("Exit status: 0 done, 1 input refused, 2 usage error, 3 database or configuration error."));
	printf("%s\n", _("See wardsafe(1) and wardsafe.ini(5)."));
}

/* `wardsafe COMMAND --help`: the command's forms (usage lines, with their
 * options) and what each does; the manual has the details. */
static int command_help(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			printf(_("usage: wardsafe %s\n  %s\n"), commands[i].synopsis, _(commands[i].help));
	printf(_("Global options (--db, --config, --lang) go before the command; see 'wardsafe --help' "
		 "and wardsafe(1), COMMANDS.\n"));
	return EXIT_DONE;
}

int cli_run(struct cli_env *env, int argc, char **argv)
{
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, argv[0])) {
			/* --help anywhere after the command (a value of another
			 * option, e.g. a note "--help", is given as note=--help) */
			for (int a = 1; a < argc; a++)
				if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h"))
					return command_help(argv[0]);
			return commands[i].run(env, argc, argv);
		}
	cli_error(_("unknown command '%s'; see 'wardsafe --help'"), argv[0]);
	return EXIT_USAGE;
}
