/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analysis.c - group breakdown, monthly series and flow tables. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "db.h"
#include "i18n.h"
#include "settings.h"
#include "summary.h"
#include "text.h"

const char *const breakdown_ids[BREAKDOWN_RATES] = {
	"extinguisher", "pccc_commitment", "antt_commitment", "app114", "survey_coverage",
};

/* The rate `id` of a group's (or the ward's) stocks. */
static struct ind_value stock_rate(const char *id, const struct group_stock *s)
{
	long long num = 0, den = s->households;
	if (!strcmp(id, "extinguisher"))
		num = s->with_extinguisher;
	else if (!strcmp(id, "pccc_commitment"))
		num = s->pccc;
	else if (!strcmp(id, "antt_commitment"))
		num = s->antt;
	else if (!strcmp(id, "app114")) {
		num = s->installs;
		den = s->residents;
	} else if (!strcmp(id, "survey_coverage"))
		num = s->surveyed;
	struct ind_value v = { den > 0, num, den, den > 0 ? 100.0 * (double)num / (double)den : 0 };
	return v;
}

static void fill_cells(struct breakdown_row *r, const bool *has_target, const double *target)
{
	r->behind = 0;
	r->worst_gap = 0;
	for (int i = 0; i < BREAKDOWN_RATES; i++) {
		struct breakdown_cell *c = &r->cell[i];
		c->v = stock_rate(breakdown_ids[i], &r->stock);
		c->has_target = has_target[i] && c->v.known;
		c->target = target[i];
		if (c->has_target) {
			c->met = indicator_rate_met(c->v.num, c->v.den, c->target);
			c->missing = indicator_missing(c->v.num, c->v.den, c->target);
			if (!c->met) {
				r->behind++;
				if (c->target - c->v.value > r->worst_gap)
					r->worst_gap = c->target - c->v.value;
			}
		}
	}
}

bool breakdown_compute(sqlite3 *db, const struct period *p, struct breakdown *out, struct strlist *errors)
{
	(void)errors;
	memset(out, 0, sizeof *out);
	out->period = *p;
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	struct group_stock *st;
	out->n = indicator_group_stocks(db, period_end(p, sd), NULL, &st);
	out->rows = xcalloc((size_t)out->n + 1, sizeof *out->rows);
	bool has_target[BREAKDOWN_RATES];
	double target[BREAKDOWN_RATES];
	for (int i = 0; i < BREAKDOWN_RATES; i++)
		has_target[i] = indicator_target(db, breakdown_ids[i], p, &target[i]);
	sqlite3_stmt *name = db_prepare(db, "SELECT name FROM rgroup WHERE id = ?");
	for (int g = 0; g < out->n; g++) {
		struct breakdown_row *r = &out->rows[g];
		r->stock = st[g];
		snprintf(r->code, sizeof r->code, "%s", st[g].code);
		sqlite3_bind_int64(name, 1, st[g].group_id);
		/* shown only: control characters escaped (text_printable) */
		r->name = text_printable(sqlite3_step(name) == SQLITE_ROW ? (const char *)sqlite3_column_text(name, 0) : "");
		sqlite3_reset(name);
		fill_cells(r, has_target, target);
		struct group_stock *t = &out->total.stock;
		t->households += st[g].households;
		t->residents += st[g].residents;
		t->surveyed += st[g].surveyed;
		t->with_extinguisher += st[g].with_extinguisher;
		t->pccc += st[g].pccc;
		t->antt += st[g].antt;
		t->installs += st[g].installs;
		t->teams += st[g].teams;
		t->team_households += st[g].team_households;
		t->points += st[g].points;
	}
	sqlite3_finalize(name);
	free(st);
	out->total.name = xstrdup(_("Ward total"));
	fill_cells(&out->total, has_target, target);
	return true;
}

void breakdown_free(struct breakdown *b)
{
	for (int i = 0; i < b->n; i++)
		free(b->rows[i].name);
	free(b->rows);
	free(b->total.name);
	memset(b, 0, sizeof *b);
}

static int sort_column;
static bool sort_desc;

static int cmp_rows(const void *a, const void *b)
{
	const struct breakdown_row *x = a, *y = b;
	int c;
	if (sort_column == -2) {
		/* Behind target, worst first: the list officers take on visits. */
		c = x->worst_gap > y->worst_gap ? -1 : x->worst_gap < y->worst_gap;
		if (!c)
			c = y->behind - x->behind;
	} else if (sort_column >= 0) {
		double u = x->cell[sort_column].v.value, v = y->cell[sort_column].v.value;
		c = u < v ? -1 : u > v;
		if (sort_desc)
			c = -c;
	} else {
		c = x->stock.group_id < y->stock.group_id ? -1 : x->stock.group_id > y->stock.group_id;
	}
	if (!c)
		c = x->stock.group_id < y->stock.group_id ? -1 : x->stock.group_id > y->stock.group_id;
	return c;
}

void breakdown_sort(struct breakdown *b, int column, bool descending)
{
	sort_column = column;
	sort_desc = descending;
	if (b->n)
		qsort(b->rows, (size_t)b->n, sizeof *b->rows, cmp_rows);
}

bool series_compute(sqlite3 *db, const char *indicator, const char *group, int first_month,
		    int last_month, struct series *out, struct strlist *errors)
{
	memset(out, 0, sizeof *out);
	const char *dot = strchr(indicator, '.');
	char base[64];
	snprintf(base, sizeof base, "%.*s", dot ? (int)(dot - indicator) : (int)strlen(indicator), indicator);
	out->def = indicator_find(base);
	if (!out->def || last_month < first_month) {
		sl_pushf(errors, _("unknown indicator '%s'"), indicator);
		return false;
	}
	out->first = first_month;
	out->n = last_month - first_month + 1;
	out->v = xcalloc((size_t)out->n, sizeof *out->v);
	out->target = xcalloc((size_t)out->n, sizeof *out->target);
	for (int i = 0; i < out->n; i++) {
		struct period m = { first_month + i, first_month + i };
		if (!indicator_value(db, indicator, &m, group, &out->v[i])) {
			sl_pushf(errors, _("unknown indicator '%s'"), indicator);
			series_free(out);
			return false;
		}
		if (!dot && indicator_target(db, base, &m, &out->target[i]))
			out->has_target = true;
		else
			out->target[i] = NAN;
	}
	return true;
}

void series_free(struct series *s)
{
	free(s->v);
	free(s->target);
	memset(s, 0, sizeof *s);
}

/* Sums of a flow per row over [from, to]; rows matched by id. */
static void flow_sums(sqlite3 *db, const struct flow_table *t, ws_date from, ws_date to, const char *group,
		      long long *sums)
{
	char a[11], b[11];
	date_iso(from, a);
	date_iso(to, b);
	const char *sql = !strcmp(t->indicator, "incidents")
		? "SELECT c.code, sum(i.count) FROM incident i JOIN category c ON c.id = i.category_id "
		  "WHERE i.date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR i.group_id = "
		  "(SELECT id FROM rgroup WHERE code = ?3)) GROUP BY c.code"
		: "SELECT kind, sum(sessions) FROM outreach WHERE date BETWEEN ?1 AND ?2 "
		  "AND (?3 IS NULL OR group_id = (SELECT id FROM rgroup WHERE code = ?3)) GROUP BY kind";
	sqlite3_stmt *st = db_prepare(db, sql);
	db_bind_text(st, 1, a);
	db_bind_text(st, 2, b);
	db_bind_text(st, 3, group);
	for (int r = 0; r < t->nrows; r++)
		sums[r] = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		for (int r = 0; r < t->nrows; r++)
			if (!strcmp(t->row_ids[r], id))
				sums[r] += sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
}

bool flow_table_compute(sqlite3 *db, const char *indicator, const struct period *p, const char *group,
			struct flow_table *out, struct strlist *errors)
{
	memset(out, 0, sizeof *out);
	bool incidents = !strcmp(indicator, "incidents");
	if (!incidents && strcmp(indicator, "outreach") != 0) {
		sl_pushf(errors, _("unknown indicator '%s'"), indicator);
		return false;
	}
	out->indicator = incidents ? "incidents" : "outreach";
	out->period = *p;
	/* Rows: the rows of the summary under this indicator, in its order. */
	struct summary s;
	if (!summary_compute(db, p, group, &s, errors))
		return false;
	size_t prefix = strlen(out->indicator) + 1;
	for (int i = 0; i < s.nrows; i++)
		if (!strncmp(s.rows[i].id, out->indicator, prefix - 1) && s.rows[i].id[prefix - 1] == '.')
			out->nrows++;
	out->row_ids = xcalloc((size_t)out->nrows + 1, sizeof(char *));
	out->row_labels = xcalloc((size_t)out->nrows + 1, sizeof(char *));
	out->row_prev = xcalloc((size_t)out->nrows + 1, sizeof(long long));
	out->row_last_year = xcalloc((size_t)out->nrows + 1, sizeof(long long));
	int r = 0;
	for (int i = 0; i < s.nrows; i++) {
		const struct ind_row *row = &s.rows[i];
		if (strncmp(row->id, out->indicator, prefix - 1) || row->id[prefix - 1] != '.')
			continue;
		out->row_ids[r] = xstrdup(row->id + prefix);
		out->row_labels[r] = xstrdup(row->short_label);
		out->row_prev[r] = row->prev.num;
		out->row_last_year[r] = row->last_year.num;
		out->prev_total += row->prev.num;
		out->last_year_total += row->last_year.num;
		r++;
	}
	summary_free(&s);
	out->ncols = period_months(p);
	out->cells = xcalloc((size_t)(out->nrows * out->ncols) + 1, sizeof(long long));
	out->row_total = xcalloc((size_t)out->nrows + 1, sizeof(long long));
	out->col_total = xcalloc((size_t)out->ncols + 1, sizeof(long long));
	long long *sums = xcalloc((size_t)out->nrows + 1, sizeof(long long));
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	for (int c = 0; c < out->ncols; c++) {
		struct period m = { p->first + c, p->first + c };
		flow_sums(db, out, period_start(&m, sd), period_end(&m, sd), group, sums);
		for (r = 0; r < out->nrows; r++) {
			out->cells[r * out->ncols + c] = sums[r];
			out->row_total[r] += sums[r];
			out->col_total[c] += sums[r];
			out->total += sums[r];
		}
	}
	free(sums);
	return true;
}

void flow_table_free(struct flow_table *t)
{
	for (int r = 0; r < t->nrows; r++) {
		free(t->row_ids[r]);
		free(t->row_labels[r]);
	}
	free(t->row_ids);
	free(t->row_labels);
	free(t->cells);
	free(t->row_total);
	free(t->col_total);
	free(t->row_prev);
	free(t->row_last_year);
	memset(t, 0, sizeof *t);
}

struct flow_row flow_table_row(const struct flow_table *t, int r)
{
	struct flow_row row;
	row.total = r >= t->nrows;
	row.label = row.total ? _("Total") : t->row_labels[r];
	row.current = row.total ? t->total : t->row_total[r];
	row.previous = row.total ? t->prev_total : t->row_prev[r];
	row.last_year = row.total ? t->last_year_total : t->row_last_year[r];
	row.empty = !row.current && !row.previous && !row.last_year;
	return row;
}
