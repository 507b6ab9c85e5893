/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rollup.c - the roll-up of many ward databases (see rollup.h): reading
 * each file read-only in turn, the sums, and the TSV and text outputs. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db.h"
#include "i18n.h"
#include "numfmt.h"
#include "rollup.h"
#include "settings.h"
#include "summary.h"
#include "text.h"

const struct rollup_column rollup_columns[] = {
	{ "extinguisher", N_("Extin-\nguisher") },
	{ "pccc_commitment", N_("Fire\npledge") },
	{ "antt_commitment", N_("Order\npledge") },
	{ "app114", N_("Báo cháy\n114") },
	{ "survey_coverage", N_("Survey\ncoverage") },
	{ "establishment_files", N_("Estab.\nfiles") },
	{ "fire_teams", N_("Fire\nteams") },
	{ "fire_points", N_("Fire\npoints") },
	{ "incidents", N_("Inci-\ndents") },
	{ "outreach", N_("Out-\nreach") },
};
const int rollup_column_count = (int)ARRAY_SIZE(rollup_columns);

/* The last part of a path. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

/* Opens one ward file read-only, reads its identity and its summary for
 * the period, and closes it.  `ident` gets "name\x1f district\x1f province"
 * (NULL without a ward record) for finding the same ward twice. */
static bool summarise(const char *file, const struct period *p, struct rollup_ward *w, char **ident,
		      struct strlist *errors)
{
	sqlite3 *db = db_open_readonly(file, errors);
	if (!db)
		return false;
	bool ok = false;
	/* One read transaction: the three periods see the same data, and the
	 * file is locked for reading once, not for every query. */
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		db_error(db, errors, file);
		goto out;
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT name, district, province FROM ward WHERE id = 1", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* A ward file handed over may hold anything: the name is shown
		 * with its control characters escaped. */
		w->name = text_printable((const char *)sqlite3_column_text(st, 0));
		*ident = xasprintf("%s\x1f%s\x1f%s", w->name, (const char *)sqlite3_column_text(st, 1),
				   (const char *)sqlite3_column_text(st, 2));
	} else if (rc != SQLITE_DONE) {
		db_error(db, errors, file);
		sqlite3_finalize(st);
		goto out;
	}
	sqlite3_finalize(st);
	ok = summary_compute(db, p, NULL, &w->s, errors);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
out:
	db_close(db);
	return ok;
}

/* Adds value v of a ward to the sum t (only known values count). */
static void add_value(struct ind_value *t, const struct ind_value *v)
{
	if (!v->known)
		return;
	t->known = true;
	t->num += v->num;
	t->den += v->den;
}

/* Turns summed parts into a value: rates from the summed numerator and
 * denominator, counts and flows the sum itself. */
static void finish_value(struct ind_value *t, enum indicator_type type)
{
	if (type == IT_RATE) {
		t->known = t->den > 0;
		t->value = t->known ? 100.0 * (double)t->num / (double)t->den : 0;
	} else {
		t->value = (double)t->num;
	}
}

/* The target of the total for a main row (see rollup.h). */
static void total_target(const struct rollup *r, struct ind_row *t)
{
	double v = 0, sum = 0;
	bool same = true, all = true;
	if (t->def->type == IT_RATE && settings_given_target(t->id, &v)) {
		t->has_target = true;
		t->target = v;
		return;
	}
	for (int i = 0; i < r->n; i++) {
		const struct ind_row *w = summary_row(&r->wards[i].s, t->id);
		if (!w || !w->has_target) {
			all = false;
			break;
		}
		if (i == 0)
			v = w->target;
		else if (fabs(w->target - v) > 1e-9)
			same = false;
		sum += w->target;
	}
	if (!all || r->n == 0)
		return;
	if (t->def->type == IT_RATE && same) {
		t->has_target = true;
		t->target = v;
	} else if (t->def->type != IT_RATE) {
		t->has_target = true;
		t->target = sum;
	}
}

/* Appends a row of the total for id (labels from the ward row `from`). */
static void total_add_row(struct summary *t, int *cap, const struct ind_row *from)
{
	if (t->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		t->rows = xrealloc(t->rows, (size_t)*cap * sizeof *t->rows);
	}
	struct ind_row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->id = xstrdup(from->id);
	r->label = xstrdup(from->label);
	r->short_label = xstrdup(from->short_label);
	r->def = from->def;
}

/* Builds the total: the rows of every ward, then the sums. */
static void compute_total(struct rollup *r)
{
	struct summary *t = &r->total;
	memset(t, 0, sizeof *t);
	if (r->n == 0)
		return;
	t->period = r->wards[0].s.period;
	t->prev = r->wards[0].s.prev;
	t->last_year = r->wards[0].s.last_year;
	int cap = 0;
	for (int d = 0; d < indicator_count; d++) {
		const struct indicator_def *def = &indicator_defs[d];
		/* The main row, then its sub-rows in the order they first appear. */
		for (int sub = 0; sub < 2; sub++)
			for (int i = 0; i < r->n; i++) {
				const struct summary *s = &r->wards[i].s;
				for (int k = 0; k < s->nrows; k++) {
					const struct ind_row *w = &s->rows[k];
					if (w->def != def || (strchr(w->id, '.') != NULL) != (sub == 1))
						continue;
					if (!summary_row(t, w->id))
						total_add_row(t, &cap, w);
				}
			}
	}
	for (int k = 0; k < t->nrows; k++) {
		struct ind_row *row = &t->rows[k];
		for (int i = 0; i < r->n; i++) {
			const struct ind_row *w = summary_row(&r->wards[i].s, row->id);
			if (!w)
				continue;
			add_value(&row->cur, &w->cur);
			add_value(&row->prev, &w->prev);
			add_value(&row->last_year, &w->last_year);
		}
		finish_value(&row->cur, row->def->type);
		finish_value(&row->prev, row->def->type);
		finish_value(&row->last_year, row->def->type);
		if (!strchr(row->id, '.'))
			total_target(r, row);
		indicator_row_status(row);
	}
}

bool rollup_compute(const char *const *files, int n, const struct period *p, struct rollup *out,
		    struct strlist *errors)
{
	memset(out, 0, sizeof *out);
	size_t before = errors->n;
	/* The same file twice, under any name (links, ./a.db and a.db). */
	struct stat *st = xcalloc((size_t)n + 1, sizeof *st);
	bool *seen = xcalloc((size_t)n + 1, sizeof *seen);
	for (int i = 0; i < n; i++) {
		seen[i] = stat(files[i], &st[i]) == 0;
		for (int j = 0; seen[i] && j < i; j++)
			if (seen[j] && st[j].st_dev == st[i].st_dev && st[j].st_ino == st[i].st_ino) {
				sl_pushf(errors, _("%s and %s are the same file: give each ward once"), files[j],
					 files[i]);
				break;
			}
	}
	free(st);
	free(seen);
	if (errors->n > before)
		return false;

	out->wards = xcalloc((size_t)n + 1, sizeof *out->wards);
	out->n = n;
	char **ident = xcalloc((size_t)n + 1, sizeof *ident);
	for (int i = 0; i < n; i++) {
		struct rollup_ward *w = &out->wards[i];
		w->file = xstrdup(files[i]);
		if (summarise(files[i], p, w, &ident[i], errors)) {
			w->label = xstrdup(w->name && *w->name ? w->name : base_name(files[i]));
			for (int j = 0; ident[i] && j < i; j++)
				if (ident[j] && !strcmp(ident[i], ident[j])) {
					sl_pushf(errors, _("%s and %s hold the same ward (%s): give each ward once"),
						 files[j], files[i], w->name);
					break;
				}
		}
	}
	for (int i = 0; i < n; i++)
		free(ident[i]);
	free(ident);
	if (errors->n > before) {
		rollup_free(out);
		return false;
	}
	compute_total(out);
	return true;
}

void rollup_free(struct rollup *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->wards[i].file);
		free(r->wards[i].name);
		free(r->wards[i].label);
		summary_free(&r->wards[i].s);
	}
	free(r->wards);
	summary_free(&r->total);
	memset(r, 0, sizeof *r);
}

char *rollup_cell_text(const struct ind_row *r, const struct ind_value *v, const char *below_mark)
{
	if (!r)
		return xstrdup("-");
	char *t = summary_value_text(r, v);
	if (v == &r->cur && r->has_status && !r->met && below_mark && *below_mark) {
		char *m = xasprintf("%s%s", t, below_mark);
		free(t);
		return m;
	}
	return t;
}

char *rollup_title(const struct rollup *r)
{
	return xasprintf(ngettext("Roll-up of %d ward", "Roll-up of %d wards", (unsigned long)r->n), r->n);
}

char *rollup_subject(const struct rollup *r)
{
	char *when = period_words(&r->total.period);
	char *s = xasprintf(ngettext("Summary of the results of transforming the area on social order and of fire "
				     "prevention of %d ward, %s",
				     "Summary of the results of transforming the area on social order and of fire "
				     "prevention of %d wards, %s", (unsigned long)r->n), r->n, when);
	free(when);
	return s;
}

char *rollup_ward_name(const struct rollup *r, int i)
{
	const struct rollup_ward *w = &r->wards[i];
	if (w->name && *w->name)
		return xstrdup(w->name);
	return xasprintf(_("ward no. %d (no name)"), i + 1);
}

/* The opening paragraph names the wards up to this many. */
#define ROLLUP_NAMED_WARDS 10

char *rollup_opening(const struct rollup *r)
{
	const struct summary *t = &r->total;
	struct strbuf names = STRBUF_INIT, out = STRBUF_INIT;
	for (int i = 0; i < r->n; i++) {
		char *n = rollup_ward_name(r, i);
		sb_printf(&names, "%s%s", i ? ", " : "", n);
		free(n);
	}
	char *when = period_words(&t->period);
	/* A province's hundred names would bury the figures: the appendix
	 * has them. */
	if (r->n > ROLLUP_NAMED_WARDS)
		sb_printf(&out, ngettext("The figures of the %d ward, %s: ", "The figures of the %d wards, %s: ",
					 (unsigned long)r->n), r->n, when);
	else
		sb_printf(&out, ngettext("The figures of the %d ward (%s), %s: ", "The figures of the %d wards (%s), %s: ",
					 (unsigned long)r->n), r->n, names.buf ? names.buf : "", when);
	free(when);
	sb_free(&names);
	bool first = true;
	for (int k = 0; k < t->nrows; k++) {
		const struct ind_row *row = &t->rows[k];
		/* Sub-rows and values nobody knows are left to the tables. */
		if (strchr(row->id, '.') || !row->cur.known)
			continue;
		char *v = summary_value_text(row, &row->cur);
		struct strbuf one = STRBUF_INIT;
		sb_printf(&one, "%s %s", row->label, v);
		free(v);
		if (row->def->type == IT_RATE && row->cur.known) {
			char a[32], b[32];
			sb_printf(&one, " (%s/%s)", numfmt_int(row->cur.num, a), numfmt_int(row->cur.den, b));
		}
		/* The wards against their own targets. */
		int met = 0, not_met = 0;
		for (int i = 0; i < r->n; i++) {
			const struct ind_row *w = summary_row(&r->wards[i].s, row->id);
			if (w && w->has_status)
				w->met ? met++ : not_met++;
		}
		if (met + not_met) {
			char *c = xasprintf(_("%s (wards meeting the target: %d, not meeting it: %d)"), one.buf, met,
					    not_met);
			sb_free(&one);
			sb_puts(&one, c);
			free(c);
		}
		sb_printf(&out, "%s%s", first ? "" : "; ", one.buf);
		sb_free(&one);
		first = false;
	}
	sb_puts(&out, ".");
	return sb_steal(&out);
}

void rollup_sources(const struct rollup *r, struct strlist *out)
{
	for (int i = 0; i < r->n; i++) {
		char *n = rollup_ward_name(r, i);
		sl_pushf(out, _("%d. %s: %s"), i + 1, n, r->wards[i].file);
		free(n);
	}
}

/* A TSV field: tabs and line ends would break the line, so they become
 * spaces. */
static void tsv_field(struct strbuf *out, const char *s)
{
	for (; *s; s++)
		sb_putc(out, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
	sb_putc(out, '\t');
}

void rollup_write_tsv(const struct rollup *r, struct strbuf *out)
{
	sb_printf(out, "ward\tfile\t%s\n", summary_tsv_header);
	for (int i = 0; i < r->n; i++) {
		const struct rollup_ward *w = &r->wards[i];
		for (int k = 0; k < w->s.nrows; k++) {
			tsv_field(out, w->label);
			tsv_field(out, w->file);
			summary_write_tsv_row(&w->s.rows[k], out);
		}
	}
	for (int k = 0; k < r->total.nrows; k++) {
		sb_puts(out, "TOTAL\t\t");
		summary_write_tsv_row(&r->total.rows[k], out);
	}
}

/* Appends a cell of `w` columns and a space. */
static void cell(struct strbuf *out, const char *s, int w, bool right)
{
	char *f = text_fit(s, w, right);
	sb_puts(out, f);
	sb_putc(out, ' ');
	free(f);
}

enum { W_COL = 9 };

/* One line of the ward table: a label and a value per column. */
static void table_line(struct strbuf *out, const char *label, int wl, const struct summary *s,
		       int which)
{
	cell(out, label, wl, false);
	for (int c = 0; c < rollup_column_count; c++) {
		const struct ind_row *row = summary_row(s, rollup_columns[c].id);
		const struct ind_value *v = !row ? NULL : which == 0 ? &row->cur : which == 1 ? &row->prev
			: &row->last_year;
		char *t = rollup_cell_text(row, v, "*");
		cell(out, t, W_COL, true);
		free(t);
	}
	while (out->len && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
	sb_putc(out, '\n');
}

void rollup_write_text(const struct rollup *r, struct strbuf *out)
{
	const struct summary *t = &r->total;
	char d1[11], d2[11];
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	/* Periods in words, as the officer writes them. */
	char *p = period_words(&t->period), *pp = period_words(&t->prev), *pl = period_words(&t->last_year);
	char *title = rollup_title(r);
	sb_printf(out, _("%s, %s (%s to %s)"), title, p, date_dmy(period_start(&t->period, sd), d1),
		  date_dmy(period_end(&t->period, sd), d2));
	free(title);
	sb_putc(out, '\n');
	sb_printf(out, _("Compared with the previous period (%s) and the same period last year (%s)"), pp, pl);
	sb_puts(out, "\n\n");
	/* The opening paragraph of the document, wrapped. */
	char *open = rollup_opening(r);
	struct strlist lines = STRLIST_INIT;
	text_wrap(open, 78, &lines);
	for (size_t i = 0; i < lines.n; i++)
		sb_printf(out, "%s\n", lines.items[i]);
	sl_free(&lines);
	free(open);
	sb_putc(out, '\n');

	/* The ward column is as wide as the longest label, within limits. */
	char *prev_label = xasprintf("%s %s", _("Previous"), pp);
	char *ly_label = xasprintf("%s %s", _("Last year"), pl);
	int wl = text_width(_("Ward"));
	const char *fixed[] = { _("Total"), prev_label, ly_label };
	for (size_t i = 0; i < ARRAY_SIZE(fixed); i++)
		if (text_width(fixed[i]) > wl)
			wl = text_width(fixed[i]);
	for (int i = 0; i < r->n; i++)
		if (text_width(r->wards[i].label) > wl)
			wl = text_width(r->wards[i].label);
	if (wl > 28)
		wl = 28;

	/* Two header lines; the ward column's name on the second. */
	for (int line = 0; line < 2; line++) {
		size_t start = out->len;
		cell(out, line == 1 ? _("Ward") : "", wl, false);
		for (int c = 0; c < rollup_column_count; c++) {
			const char *h = _(rollup_columns[c].head);
			const char *nl = strchr(h, '\n');
			char *part = line == 0 ? (nl ? xstrndup(h, (size_t)(nl - h)) : xstrdup(""))
					       : xstrdup(nl ? nl + 1 : h);
			cell(out, part, W_COL, true);
			free(part);
		}
		while (out->len > start && out->buf[out->len - 1] == ' ')
			out->buf[--out->len] = '\0';
		sb_putc(out, '\n');
	}
	int width = wl + 1 + rollup_column_count * (W_COL + 1) - 1;
	for (int i = 0; i < width; i++)
		sb_puts(out, "─");
	sb_putc(out, '\n');
	for (int i = 0; i < r->n; i++)
		table_line(out, r->wards[i].label, wl, &r->wards[i].s, 0);
	for (int i = 0; i < width; i++)
		sb_puts(out, "─");
	sb_putc(out, '\n');
	table_line(out, _("Total"), wl, t, 0);
	table_line(out, prev_label, wl, t, 1);
	table_line(out, ly_label, wl, t, 2);
	free(prev_label);
	free(ly_label);
	free(p);
	free(pp);
	free(pl);
	sb_printf(out, "%s\n\n", _("* below the target of the period."));

	/* The total as a summary of its own: targets, status, what is missing. */
	char *who = xasprintf(ngettext("total of %d ward", "total of %d wards", (unsigned long)r->n), r->n);
	summary_write_text(t, who, out);
	free(who);
}
