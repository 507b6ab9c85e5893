/* SPDX-License-Identifier: GPL-3.0-or-later */
/* transfer.c - CSV import and export. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "numfmt.h"
#include "record.h"
#include "refcache.h"
#include "store.h"
#include "template.h"
#include "text.h"
#include "transfer.h"
#include "validate.h"

const struct kind_def *kind_from_filename(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strcspn(base, "-.");
	char name[64];
	if (n == 0 || n >= sizeof name)
		return NULL;
	memcpy(name, base, n);
	name[n] = '\0';
	return kind_find(name);
}

/* Adds a problem to `list` (res->errors or res->warnings) and counts it in
 * *total; beyond the first IMPORT_SHOWN it is only counted, not kept. */
static void problem(struct strlist *list, long *total, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct strlist *list, long *total, const char *fmt, ...)
{
	(*total)++;
	if (list->n >= IMPORT_SHOWN)
		return;
	va_list ap;
	va_start(ap, fmt);
	sl_push(list, xvasprintf(fmt, ap));
	va_end(ap);
}
#define import_error(res, ...) problem(&(res)->errors, &(res)->nerrors, __VA_ARGS__)
#define import_warning(res, ...) problem(&(res)->warnings, &(res)->nwarnings, __VA_ARGS__)

/* Columns of a file: field index per column, -1 for an ignored "id", -2
 * for a read-only column of the sheet for the group leaders (template.h),
 * ignored too; `sheet` if there is one. */
struct layout {
	const struct kind_def *kind;
	int *col_field;
	int ncols;
	bool sheet;
};

/* The kind whose field names match the header exactly (one kind only). */
static const struct kind_def *kind_from_header(const struct strlist *h)
{
	const struct kind_def *found = NULL;
	for (int k = 0; k < kind_count; k++) {
		int matched = 0, stored = 0;
		bool all = true;
		for (int f = 0; f < kinds[k]->nfields; f++)
			if (kinds[k]->fields[f].column)
				stored++;
		for (size_t c = 0; c < h->n; c++) {
			if (!strcmp(h->items[c], "id") || template_readonly_column(kinds[k], h->items[c]) >= 0)
				continue;
			int fi = kind_field_index(kinds[k], h->items[c]);
			if (fi < 0 || !kinds[k]->fields[fi].column)
				all = false;
			else
				matched++;
		}
		if (all && matched == stored) {
			if (found)
				return NULL;
			found = kinds[k];
		}
	}
	return found;
}

/* A column name as it may appear in a message: escaped, at most 40
 * characters. */
static char *shown_name(const char *name)
{
	return text_printable_capped(name, 40);
}

static bool make_layout(const char *path, const struct kind_def *k, const struct strlist *h,
			struct layout *lay, struct import_result *res)
{
	lay->kind = k;
	lay->ncols = (int)h->n;
	lay->col_field = xcalloc(h->n + 1, sizeof(int));
	bool ok = true;
	for (size_t c = 0; c < h->n; c++) {
		char *name = xstrdup(h->items[c]);
		str_trim(name);
		if (!strcmp(name, "id")) {
			lay->col_field[c] = -1;
		} else if (template_readonly_column(k, name) >= 0) {
			/* The hints of a returned sheet: never refused. */
			lay->col_field[c] = -2;
			lay->sheet = true;
		} else {
			int fi = kind_field_index(k, name);
			lay->col_field[c] = fi;
			if (fi < 0) {
				struct strbuf allowed = STRBUF_INIT;
				for (int f = 0; f < k->nfields; f++)
					sb_printf(&allowed, "%s%s", f ? ", " : "", k->fields[f].name);
				char *shown = shown_name(name);
				import_error(res, _("%s:1: unknown column '%s' for %s; allowed: %s"),
					 path, shown, k->name, allowed.buf);
				free(shown);
				sb_free(&allowed);
				ok = false;
			}
			for (size_t d = 0; d < c && fi >= 0; d++)
				if (lay->col_field[d] == fi) {
					import_error(res, _("%s:1: column '%s' appears twice"), path, k->fields[fi].name);
					ok = false;
				}
		}
		free(name);
	}
	for (int f = 0; f < k->nfields && ok; f++) {
		if (!(k->fields[f].flags & FF_REQUIRED))
			continue;
		bool present = false;
		for (int c = 0; c < lay->ncols; c++)
			if (lay->col_field[c] == f)
				present = true;
		if (!present && !k->key[0]) {
			import_error(res, _("%s:1: required column '%s' is missing"), path, k->fields[f].name);
			ok = false;
		}
	}
	return ok;
}

struct pending {
	char *path;
	const struct kind_def *kind;
	FILE *f;
	struct csv_reader rd;
	struct layout lay;
	bool header_ok;
};

static int cmp_pending(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	return kind_order(x->kind) - kind_order(y->kind);
}

/* The rows seen so far, as 64-bit hashes of their text with the line each
 * was first seen on: memory stays small however large the file (two rows
 * with the same hash but different text are too unlikely to matter). */
struct rowset {
	struct rowslot { unsigned long long hash; long line; } *slots;
	size_t n, cap;
};

static unsigned long long hash_text(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ? h : 1; /* 0 marks an empty slot */
}

/* Adds a row's text; returns the line of an equal row added before, or 0. */
static long rowset_add(struct rowset *set, const char *text, long line)
{
	if (2 * (set->n + 1) > set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 256;
		struct rowslot *slots = xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < set->cap; i++) {
			if (!set->slots[i].hash)
				continue;
			size_t j = set->slots[i].hash & (cap - 1);
			while (slots[j].hash)
				j = (j + 1) & (cap - 1);
			slots[j] = set->slots[i];
		}
		free(set->slots);
		set->slots = slots;
		set->cap = cap;
	}
	unsigned long long h = hash_text(text);
	size_t j = h & (set->cap - 1);
	while (set->slots[j].hash) {
		if (set->slots[j].hash == h)
			return set->slots[j].line;
		j = (j + 1) & (set->cap - 1);
	}
	set->slots[j].hash = h;
	set->slots[j].line = line;
	set->n++;
	return 0;
}

static void rowset_free(struct rowset *set)
{
	free(set->slots);
}

/* The message for a record that csv_next refused for a quote (-4). */
static void stray_quote(const char *path, const struct csv_reader *rd, struct import_result *res)
{
	import_error(res, _("%s:%ld: column %d: a quote in the wrong place (text after the closing quote, "
			    "as in \"ab\"cd, or a quote in a field that does not start with one); enclose "
			    "such a field in quotes and double each quote inside it: \"ab\"\"cd\""),
		     path, rd->bad_line, rd->bad_field);
}

/* True for the write errors that import_files reports itself, naming the
 * database and its disk instead of a line of a CSV file. */
static bool write_error_named(int code)
{
	return (code & 0xff) == SQLITE_FULL || (code & 0xff) == SQLITE_IOERR;
}

/* True for a row of a sheet whose value cells (all but the group, the date
 * and the read-only columns) are all empty: the group reported nothing. */
static bool blank_sheet_row(const struct layout *lay, const struct strlist *fields)
{
	for (int c = 0; c < lay->ncols; c++) {
		int fi = lay->col_field[c];
		if (fi < 0 || lay->kind->fields[fi].type == FT_GROUP ||
		    !strcmp(lay->kind->fields[fi].name, lay->kind->date_field))
			continue;
		const char *v = fields->items[c];
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v)
			return false;
	}
	return true;
}

/* For a dry run of a sheet: what a row would save, as "group 3 (Tổ dân
 * phố 3), 2026-11-30: surveyed=120 with_extinguisher=80". */
static void list_planned(sqlite3 *db, const struct record *rec, struct import_result *res)
{
	if (res->planned.n >= IMPORT_LISTED) {
		res->nplanned++;
		return;
	}
	const struct kind_def *k = rec->kind;
	const char *code = record_get(rec, "group");
	const char *date = record_get(rec, k->date_field);
	char *name = NULL;
	sqlite3_stmt *st = db_cached(db, "SELECT name FROM rgroup WHERE code = ?");
	db_bind_text(st, 1, code);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = text_printable((const char *)sqlite3_column_text(st, 0));
	db_release(st);
	struct strbuf vals = STRBUF_INIT;
	for (int i = 0; i < k->nfields; i++) {
		const struct field_def *f = &k->fields[i];
		if (!f->column || f->type == FT_GROUP || !strcmp(f->name, k->date_field) || !rec->val[i] ||
		    !rec->val[i][0])
			continue;
		char *v = text_printable(rec->val[i]);
		sb_printf(&vals, "%s%s=%s", vals.len ? " " : "", f->name, v);
		free(v);
	}
	char *shown_code = text_printable(code ? code : "");
	sl_push(&res->planned, xasprintf(_("group %s (%s), %s: %s"), shown_code, name ? name : "?",
					 date ? date : "", vals.buf ? vals.buf : ""));
	res->nplanned++;
	free(shown_code);
	free(name);
	sb_free(&vals);
}

/* True for the fields written as numbers (csv_put_row): never marked
 * with a "'", and with the decimal mark of the file. */
static bool number_field(const struct field_def *f)
{
	return f->type == FT_COUNT || f->type == FT_DECIMAL || f->type == FT_YEAR;
}

/* What a cell of a file means, where it differs from its text (else
 * NULL): the "'" that export puts before a text starting a formula (or
 * with a "'") is removed, and a decimal field may have a decimal comma
 * (74,5, as spreadsheets with Vietnamese regional settings write it). */
static char *import_cell(const struct field_def *f, const char *v)
{
	if (!number_field(f))
		return v[0] == '\'' ? xstrdup(v + 1) : NULL;
	if (f->type != FT_DECIMAL || !strchr(v, ',') || strchr(v, '.') || strchr(v, ',') != strrchr(v, ','))
		return NULL;
	char *d = xstrdup(v);
	*strchr(d, ',') = '.';
	return d;
}

/* Imports the rows of one file inside the open transaction; a database
 * error that ends it is left in *write_error.  `listing`: a dry run, whose
 * sheets list what each row would save. */
static void import_rows(sqlite3 *db, struct pending *p, struct import_result *res, int *write_error,
			bool listing)
{
	struct strlist fields = STRLIST_INIT;
	long line;
	int rc;
	/* Exact duplicate rows, remembered by their text. */
	struct rowset seen = { NULL, 0, 0 };
	while ((rc = csv_next(&p->rd, &fields, &line)) != 0) {
		if (rc == -2) {
			import_error(res, _("%s:%ld: a field is longer than %d bytes; this is not a file of records"),
				 p->path, line, CSV_MAX_FIELD);
			break;
		}
		if (rc == -3) {
			import_error(res, _("%s:%ld: contains a NUL byte; this is not a text file"), p->path, line);
			break;
		}
		if (rc == -4) {
			stray_quote(p->path, &p->rd, res);
			continue;
		}
		if (rc < 0) {
			import_error(res, _("%s:%ld: a quoted field is not closed"), p->path, line);
			break;
		}
		if (fields.n == 1 && !fields.items[0][0])
			continue; /* blank line */
		if ((int)fields.n != p->lay.ncols) {
			import_error(res, ngettext("%s:%ld: %zu field, but the header has %d",
						   "%s:%ld: %zu fields, but the header has %d", (unsigned long)fields.n),
				 p->path, line, fields.n, p->lay.ncols);
			continue;
		}
		struct strbuf key = STRBUF_INIT;
		bool bad_utf8 = false;
		for (size_t c = 0; c < fields.n; c++) {
			if (!text_valid_utf8(fields.items[c], strlen(fields.items[c])))
				bad_utf8 = true;
			sb_puts(&key, fields.items[c]);
			sb_putc(&key, '\x1f');
		}
		if (bad_utf8) {
			import_error(res, _("%s:%ld: the text is not valid UTF-8"), p->path, line);
			sb_free(&key);
			continue;
		}
		if (p->lay.sheet && blank_sheet_row(&p->lay, &fields)) {
			res->skipped++;
			sb_free(&key);
			continue;
		}
		/* Kinds with one record per group and date (or per date) refuse
		 * a repeated line anyway: only the others need the set, which
		 * keeps a million-line survey file in little memory. */
		/* Once an error has refused the import, rows are no longer
		 * remembered: a million bad rows take no more memory than one. */
		long dup = p->kind->one_per_date || res->nerrors ? 0 : rowset_add(&seen, key.buf, line);
		sb_free(&key);
		if (dup)
			import_warning(res, _("%s:%ld: the same as line %ld"), p->path, line, dup);

		struct record rec, old;
		record_init(&rec, p->kind);
		for (size_t c = 0; c < fields.n; c++)
			if (p->lay.col_field[c] >= 0) {
				const struct field_def *f = &p->kind->fields[p->lay.col_field[c]];
				char *v = import_cell(f, fields.items[c]);
				record_set(&rec, p->lay.col_field[c], v ? v : fields.items[c]);
				free(v);
			}
		/* A record with a natural key updates its match (ward, groups,
		 * categories, targets): imports can be repeated. */
		bool have_old = false;
		if (p->kind->singleton || p->kind->key[0]) {
			struct record probe;
			record_copy(&probe, &rec);
			for (int i = 0; i < p->kind->nfields; i++)
				if (probe.val[i])
					str_trim(probe.val[i]);
			long long id = store_find_key(db, &probe);
			record_clear(&probe);
			if (id && store_load(db, p->kind, id, &old)) {
				have_old = true;
				for (int i = 0; i < p->kind->nfields; i++)
					if (!rec.val[i] && old.val[i]) {
						bool in_file = false;
						for (int c = 0; c < p->lay.ncols; c++)
							if (p->lay.col_field[c] == i)
								in_file = true;
						if (!in_file)
							record_set(&rec, i, old.val[i]);
					}
				rec.id = id;
			}
		}
		struct issues is = { NULL, 0, 0 };
		validate_record(db, &rec, have_old ? &old : NULL, &is);
		for (size_t i = 0; i < is.n; i++)
			if (is.v[i].sev == SEV_ERROR)
				import_error(res, "%s:%ld: %s", p->path, line, is.v[i].msg);
			else
				import_warning(res, "%s:%ld: %s", p->path, line, is.v[i].msg);
		if (!issues_count(&is, SEV_ERROR)) {
			struct strlist dberr = STRLIST_INIT;
			bool ok = have_old ? store_update(db, &rec, &dberr) : store_insert(db, &rec, &dberr);
			/* A refused record is bad input; anything else (a full disk,
			 * a read-only file) ends the import at once.  A write error
			 * is not the line's fault: import_files names the database. */
			int code = ok ? SQLITE_OK : sqlite3_extended_errcode(db);
			if (!ok && (code & 0xff) != SQLITE_CONSTRAINT) {
				res->failed = true;
				*write_error = code;
			}
			if (!write_error_named(*write_error))
				for (size_t i = 0; i < dberr.n; i++)
					import_error(res, "%s:%ld: %s", p->path, line, dberr.items[i]);
			sl_free(&dberr);
			if (ok) {
				refcache_changed(p->kind);
				if (listing && p->lay.sheet)
					list_planned(db, &rec, res);
				res->records++;
				if (have_old)
					res->updated++;
				else
					res->inserted++;
			}
		}
		issues_free(&is);
		record_clear(&rec);
		if (have_old)
			record_clear(&old);
		if (res->failed)
			break;
	}
	sl_free(&fields);
	rowset_free(&seen);
}

/* The free space, in bytes, of the file system holding `dir`, or -1 if it
 * cannot be told.  $WARDSAFE_FREE_BYTES replaces it for tests (a test hook:
 * a real full disk needs a small mount, which only root can make). */
static long long free_bytes(const char *dir)
{
	const char *hook = getenv("WARDSAFE_FREE_BYTES");
	long long v;
	if (hook && *hook && parse_int64(hook, &v) && v >= 0)
		return v;
	struct statvfs vfs;
	if (statvfs(dir, &vfs) != 0)
		return -1;
	return (long long)vfs.f_bavail * (long long)vfs.f_frsize;
}

/* A size for people: "850 KB", "12 MB". */
static char *shown_size(long long bytes)
{
	char buf[32];
	if (bytes >= 10LL * 1024 * 1024)
		return xasprintf(_("%s MB"), numfmt_int((bytes + 1024 * 1024 - 1) / (1024 * 1024), buf));
	return xasprintf(_("%s KB"), numfmt_int((bytes + 1023) / 1024, buf));
}

/* The database's file and the directory it lies in (new strings). */
static void db_where(sqlite3 *db, char **file, char **dir)
{
	const char *f = sqlite3_db_filename(db, "main");
	*file = xstrdup(f && *f ? f : "?");
	char *slash = strrchr(*file, '/');
	*dir = slash ? xstrndup(*file, slash == *file ? 1 : (size_t)(slash - *file)) : xstrdup(".");
}

/* Refuses an import that clearly cannot fit on the disk holding the
 * database: less free space than IMPORT_SPACE_FACTOR times its CSV files
 * plus IMPORT_SPACE_PAGES pages (transfer.h). */
static bool space_enough(sqlite3 *db, long long csv_bytes, struct import_result *res)
{
	char *file, *dir;
	db_where(db, &file, &dir);
	long long page = db_query_int(db, 4096, "PRAGMA page_size");
	long long need = IMPORT_SPACE_FACTOR * csv_bytes + IMPORT_SPACE_PAGES * page;
	long long avail = free_bytes(dir);
	bool ok = avail < 0 || avail >= need;
	if (!ok) {
		char *n = shown_size(need), *a = shown_size(avail);
		import_error(res, _("the disk is full: this import needs about %s (%d times the size of its CSV "
				    "files) for %s, but only %s is free in %s; nothing was imported; free some "
				    "space and import again"),
			     n, IMPORT_SPACE_FACTOR, file, a, dir);
		free(n);
		free(a);
		res->failed = true;
	}
	free(file);
	free(dir);
	return ok;
}

/* After a write error and the rollback: says the disk is full (or could not
 * be written), where, and whether the file is as it was. */
static void report_write_error(sqlite3 *db, int code, struct import_result *res)
{
	char *file, *dir;
	db_where(db, &file, &dir);
	char *journal = xasprintf("%s-journal", file);
	/* The rollback has put the old pages back and removed the journal; if
	 * it is still there the file alone is not whole. */
	bool undone = access(journal, F_OK) != 0;
	char *a = shown_size(free_bytes(dir) < 0 ? 0 : free_bytes(dir));
	if ((code & 0xff) == SQLITE_FULL && undone)
		import_error(res, _("the disk is full: %s could not be written (%s free in %s); nothing was "
				    "imported and the database is as it was; free some space and import again"),
			     file, a, dir);
	else if ((code & 0xff) == SQLITE_FULL)
		import_error(res, _("the disk is full: %s could not be written (%s free in %s) and the import "
				    "could not be undone yet: keep %s beside it (do not copy the database file "
				    "alone), free some space and open it with wardsafe again, which undoes it"),
			     file, a, dir, journal);
	else if (undone)
		import_error(res, _("input/output error while writing %s; nothing was imported and the "
				    "database is as it was; check the disk and import again"), file);
	else
		import_error(res, _("input/output error while writing %s, and the import could not be undone "
				    "yet: keep %s beside it (do not copy the database file alone), check the disk "
				    "and open it with wardsafe again, which undoes it"), file, journal);
	free(a);
	free(journal);
	free(file);
	free(dir);
}

/* Opens a CSV file to import: regular files only (a directory is named as
 * one, and a pipe or a device is never read, as it could be forever);
 * NULL after adding a message.  Its size goes to *size. */
static FILE *open_csv(const char *path, long long *size, struct import_result *res)
{
	/* O_NONBLOCK: opening a pipe with no writer must not wait. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		import_error(res, _("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		import_error(res, _("%s: cannot open: %s"), path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		import_error(res, _("%s is a directory, not a CSV file; give the CSV files in it "
				    "(e.g. %s/*.csv)"), path, path);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		import_error(res, _("%s is not a regular file (it is a pipe, a device or a socket); "
				    "give a CSV file saved on disk"), path);
		close(fd);
		return NULL;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		import_error(res, _("%s: cannot open: %s"), path, strerror(errno));
		close(fd);
		return NULL;
	}
	*size = st.st_size;
	return f;
}

bool import_files(sqlite3 *db, char **files, int nfiles, const struct import_opts *o,
		  struct import_result *res)
{
	memset(res, 0, sizeof *res);
	struct pending *p = xcalloc((size_t)nfiles, sizeof *p);
	int np = 0;
	long long csv_bytes = 0;
	for (int i = 0; i < nfiles; i++) {
		struct pending *q = &p[np];
		q->path = files[i];
		long long size = 0;
		q->f = open_csv(files[i], &size, res);
		if (!q->f)
			continue;
		csv_bytes += size;
		csv_reader_init(&q->rd, q->f);
		struct strlist header = STRLIST_INIT;
		long line;
		int rc = csv_next(&q->rd, &header, &line);
		if (rc == -2 || rc == -3) {
			if (rc == -2)
				import_error(res, _("%s:%ld: a field is longer than %d bytes; this is not a file of records"),
					 files[i], line, CSV_MAX_FIELD);
			else
				import_error(res, _("%s:%ld: contains a NUL byte; this is not a text file"), files[i], line);
			sl_free(&header);
			csv_reader_free(&q->rd);
			fclose(q->f);
			q->f = NULL;
			continue;
		}
		if (rc == -4) {
			stray_quote(files[i], &q->rd, res);
			sl_free(&header);
			csv_reader_free(&q->rd);
			fclose(q->f);
			q->f = NULL;
			continue;
		}
		if (rc <= 0 || (header.n == 1 && !header.items[0][0])) {
			import_error(res, _("%s: the file is empty; expected a header row of field names"),
				 files[i]);
			sl_free(&header);
			csv_reader_free(&q->rd);
			fclose(q->f);
			q->f = NULL;
			continue;
		}
		for (size_t c = 0; c < header.n; c++)
			str_trim(header.items[c]);
		q->kind = o->kind ? kind_find(o->kind) : kind_from_filename(files[i]);
		if (!q->kind)
			q->kind = kind_from_header(&header);
		if (!q->kind) {
			import_error(res, _("%s: cannot tell what kind of records this is; name the file "
						 "after the kind (e.g. survey.csv) or use --kind; kinds: %s"),
				 files[i], kind_names());
		} else if (make_layout(files[i], q->kind, &header, &q->lay, res)) {
			q->header_ok = true;
		}
		sl_free(&header);
		np++;
	}
	qsort(p, (size_t)np, sizeof *p, cmp_pending);

	bool ok = false;
	struct strlist begin_err = STRLIST_INIT;
	if (res->nerrors == 0 && !space_enough(db, csv_bytes, res)) {
		/* refused before starting: the disk is too full */
	} else if (res->nerrors == 0 && !db_begin(db, &begin_err)) {
		for (size_t i = 0; i < begin_err.n; i++)
			import_error(res, "%s", begin_err.items[i]);
		res->failed = true;
	} else if (res->nerrors == 0) {
		/* The write lock is held from here to the end: reference data
		 * may stay in memory between rows. */
		int write_error = 0;
		refcache_begin(db);
		for (int i = 0; i < np && !res->failed; i++)
			if (p[i].header_ok)
				import_rows(db, &p[i], res, &write_error, o->dry_run);
		refcache_end();
		bool clean = !res->failed && res->nerrors == 0 && (res->nwarnings == 0 || o->force);
		if (clean && !o->dry_run) {
			ok = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
			if (!ok) {
				write_error = sqlite3_extended_errcode(db);
				if (!write_error_named(write_error))
					db_error(db, &begin_err, _("saving failed"));
				for (size_t i = 0; i < begin_err.n; i++)
					import_error(res, "%s", begin_err.items[i]);
				res->failed = true;
			}
		}
		if (!ok) {
			/* Also after a write error, which may have left SQLite's
			 * journal beside the file: db_rollback undoes it. */
			db_rollback(db);
			ok = clean && o->dry_run && !res->failed;
		}
		if (write_error_named(write_error))
			report_write_error(db, write_error, res);
	}
	sl_free(&begin_err);
	for (int i = 0; i < np; i++) {
		csv_reader_free(&p[i].rd);
		free(p[i].lay.col_field);
		if (p[i].f)
			fclose(p[i].f);
	}
	free(p);
	return ok;
}

void import_result_free(struct import_result *res)
{
	sl_free(&res->errors);
	sl_free(&res->warnings);
	sl_free(&res->planned);
}

struct export_ctx {
	struct strbuf *out;
	const struct kind_def *k;
	struct atomic_file *file; /* when set, out is flushed to it as it fills */
	FILE *stream;             /* or to this stream */
	const struct csv_style *style;
};

/* Passes what has been written so far on to the file or stream. */
static void export_flush(struct export_ctx *c)
{
	if (c->file)
		atomic_write(c->file, c->out->buf, c->out->len);
	else if (c->stream)
		fwrite(c->out->buf, 1, c->out->len, c->stream);
	else
		return;
	c->out->len = 0;
	if (c->out->buf)
		c->out->buf[0] = '\0';
}

static bool export_row(const struct record *r, void *vctx)
{
	struct export_ctx *c = vctx;
	const char *vals[KIND_MAX_FIELDS] = { NULL };
	char *shown[KIND_MAX_FIELDS] = { NULL };
	bool number[KIND_MAX_FIELDS] = { false };
	int n = 0;
	/* Values are exported exactly, except control characters (stored by an
	 * older or foreign file; validation refuses them), which are escaped. */
	for (int i = 0; i < c->k->nfields; i++)
		if (c->k->fields[i].column) {
			const char *v = r->val[i];
			if (v && (c->k->fields[i].flags & FF_LINES))
				/* paragraphs keep their line breaks (a quoted CSV field) */
				shown[n] = text_find_control_lines(v) >= 0 || !text_valid_utf8(v, strlen(v))
					   ? text_printable_n(v, strlen(v), TEXT_KEEP_LINES) : NULL;
			else
				shown[n] = v && !text_is_printable(v) ? text_printable(v) : NULL;
			vals[n] = shown[n] ? shown[n] : r->val[i];
			number[n] = number_field(&c->k->fields[i]);
			n++;
		}
	csv_put_row(c->out, c->style, vals, number, n);
	for (int i = 0; i < n; i++)
		free(shown[i]);
	if (c->out->len >= 65536)
		export_flush(c);
	return !(c->file && c->file->err);
}

static bool export_to(sqlite3 *db, struct export_ctx *c, bool bom, struct strlist *errors)
{
	if (bom)
		sb_puts(c->out, "\xEF\xBB\xBF");
	const char *names[KIND_MAX_FIELDS];
	int n = 0;
	for (int i = 0; i < c->k->nfields; i++)
		if (c->k->fields[i].column)
			names[n++] = c->k->fields[i].name;
	csv_put_row(c->out, c->style, names, NULL, n);
	bool ok = store_list(db, c->k, NULL, export_row, c, errors);
	export_flush(c);
	return ok;
}

bool export_kind(sqlite3 *db, const struct kind_def *k, bool bom, const struct csv_style *style,
		 struct strbuf *out, struct strlist *errors)
{
	struct csv_style conf;
	if (!style)
		csv_style_configured(&conf);
	struct export_ctx c = { out, k, NULL, NULL, style ? style : &conf };
	return export_to(db, &c, bom, errors);
}

bool export_kind_file(sqlite3 *db, const struct kind_def *k, bool bom, const struct csv_style *style,
		      struct atomic_file *file, FILE *stream, struct strlist *errors)
{
	struct csv_style conf;
	if (!style)
		csv_style_configured(&conf);
	struct strbuf out = STRBUF_INIT;
	struct export_ctx c = { &out, k, file, stream, style ? style : &conf };
	bool ok = export_to(db, &c, bom, errors);
	sb_free(&out);
	return ok;
}
