/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_tables.c - the four tables of the report's results as the
 * documents print them (report_pdf.c, report_docx.c): the same header
 * texts, cells and bold marks for both, so that the PDF and the DOCX never
 * say different things.  The text and CSV forms have their own columns
 * (report.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"
#include "report.h"
#include "summary.h"

/* Room for one more row; returns its cells and bold marks. */
static char **row_new(struct report_table *t, bool **bold)
{
	t->nrows++;
	t->cells = xrealloc(t->cells, (size_t)t->nrows * (size_t)t->ncols * sizeof *t->cells);
	t->bold = xrealloc(t->bold, (size_t)t->nrows * (size_t)t->ncols * sizeof *t->bold);
	size_t at = (size_t)(t->nrows - 1) * (size_t)t->ncols;
	memset(t->bold + at, 0, (size_t)t->ncols * sizeof *t->bold);
	*bold = t->bold + at;
	return t->cells + at;
}

static void table_init(struct report_table *t, int ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
}

void report_table_free(struct report_table *t)
{
	for (int i = 0; i < t->ncols; i++)
		free(t->head[i]);
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->bold);
	memset(t, 0, sizeof *t);
}

char *report_head_period(const struct period *p)
{
	char *w = period_words(p);
	/* Every period in words starts with an ASCII letter or digit
	 * ("quý", "tháng", "từ", "6 tháng", "first half"). */
	if (*w >= 'a' && *w <= 'z')
		*w = (char)(*w - 'a' + 'A');
	return w;
}

void report_table_overview(const struct summary *s, struct report_table *t)
{
	table_init(t, 8);
	t->head[0] = xstrdup(_("Indicator"));
	t->head[1] = xstrdup(_("Count"));
	t->head[2] = xstrdup(_("Value"));
	t->head[3] = xstrdup(_("Target"));
	t->head[4] = xstrdup(_("Status"));
	t->head[5] = xstrdup(_("Missing"));
	t->head[6] = report_head_period(&s->prev);
	t->head[7] = report_head_period(&s->last_year);
	for (int i = 0; i < s->nrows; i++) {
		const struct ind_row *r = &s->rows[i];
		if (strchr(r->id, '.'))
			continue;
		bool *bold;
		char **c = row_new(t, &bold);
		char a[32], b[32];
		c[0] = xstrdup(r->label);
		c[1] = r->def->type == IT_RATE && r->cur.known
			? xasprintf("%s/%s", numfmt_int(r->cur.num, a), numfmt_int(r->cur.den, b)) : xstrdup("");
		c[2] = summary_value_text(r, &r->cur);
		c[3] = r->has_target ? xasprintf("%s%s", numfmt_num(r->target, a),
						 r->def->type == IT_RATE ? "%" : "") : xstrdup("");
		c[4] = xstrdup(r->has_status ? (r->met ? _("met") : _("not met")) : "");
		bold[4] = bold[5] = r->has_status && !r->met;
		c[5] = r->has_missing ? xstrdup(numfmt_int(r->missing, a)) : xstrdup("");
		c[6] = summary_value_text(r, &r->prev);
		c[7] = summary_value_text(r, &r->last_year);
	}
}

bool report_rate_target(const struct breakdown *b, int i, double *out)
{
	for (int g = -1; g < b->n; g++) {
		const struct breakdown_cell *c = g < 0 ? &b->total.cell[i] : &b->rows[g].cell[i];
		if (c->has_target) {
			*out = c->target;
			return true;
		}
	}
	return false;
}

void report_table_groups(const struct breakdown *b, struct report_table *t)
{
	table_init(t, 3 + BREAKDOWN_RATES);
	t->head[0] = xstrdup(_("Group"));
	t->head[1] = xstrdup(_("Name"));
	t->head[2] = xstrdup(_("Households"));
	for (int i = 0; i < BREAKDOWN_RATES; i++)
		t->head[3 + i] = xasprintf("%s (%%)", _(indicator_find(breakdown_ids[i])->short_label));
	for (int g = 0; g <= b->n; g++) {
		const struct breakdown_row *r = g < b->n ? &b->rows[g] : &b->total;
		bool *bold;
		char **c = row_new(t, &bold);
		char a[32];
		c[0] = xstrdup(g < b->n ? r->code : "");
		c[1] = xstrdup(r->name ? r->name : "");
		c[2] = xstrdup(numfmt_int(r->stock.households, a));
		for (int i = 0; i < BREAKDOWN_RATES; i++) {
			const struct breakdown_cell *cell = &r->cell[i];
			bool below = cell->has_target && !cell->met;
			c[3 + i] = !cell->v.known ? xstrdup("-")
				: xasprintf("%s%s", numfmt_rate(cell->v.value, cell->has_target, cell->target, false, a),
					    below ? "*" : "");
			bold[3 + i] = below;
			t->marked |= below;
		}
		if (g == b->n)
			for (int i = 0; i < t->ncols; i++)
				bold[i] = true;
	}
	/* Last, the targets the stars refer to. */
	bool *bold;
	char **c = row_new(t, &bold);
	c[0] = xstrdup("");
	c[1] = xstrdup(_("Target"));
	c[2] = xstrdup("");
	for (int i = 0; i < BREAKDOWN_RATES; i++) {
		double tg;
		char a[32];
		c[3 + i] = xstrdup(report_rate_target(b, i, &tg) ? numfmt_num(tg, a) : "");
	}
}

void report_table_incidents(const struct flow_table *f, const struct summary *s, struct report_table *t)
{
	table_init(t, 5);
	char *pw = period_words(&s->prev);
	t->head[0] = xstrdup(_("Category"));
	t->head[1] = report_head_period(&s->period);
	t->head[2] = report_head_period(&s->prev);
	t->head[3] = report_head_period(&s->last_year);
	t->head[4] = xasprintf(_("Compared with %s"), pw);
	free(pw);
	for (int r = 0; r <= f->nrows; r++) {
		struct flow_row fr = flow_table_row(f, r);
		/* Categories with nothing in any period stay out, as in the text. */
		if (!fr.total && fr.empty)
			continue;
		bool *bold;
		char **c = row_new(t, &bold);
		char a[32];
		long long diff = fr.current - fr.previous;
		c[0] = xstrdup(fr.total ? _("Total") : f->row_labels[r]);
		c[1] = xstrdup(numfmt_int(fr.current, a));
		c[2] = xstrdup(numfmt_int(fr.previous, a));
		c[3] = xstrdup(numfmt_int(fr.last_year, a));
		c[4] = xasprintf("%s%s", diff > 0 ? "+" : "", numfmt_int(diff, a));
		for (int i = 0; i < t->ncols; i++)
			bold[i] = fr.total;
	}
}

void report_table_outreach(const struct flow_table *f, const struct summary *s, struct report_table *t)
{
	int months = f->ncols >= 2 && f->ncols <= 4 ? f->ncols : 0;
	table_init(t, 4 + months);
	t->months = months;
	t->head[0] = xstrdup(_("Kind"));
	for (int m = 0; m < months; m++) {
		struct period mp = { f->period.first + m, f->period.first + m };
		t->head[1 + m] = report_head_period(&mp);
	}
	t->head[1 + months] = report_head_period(&s->period);
	t->head[2 + months] = report_head_period(&s->prev);
	t->head[3 + months] = report_head_period(&s->last_year);
	for (int r = 0; r <= f->nrows; r++) {
		bool total = r == f->nrows;
		bool *bold;
		char **c = row_new(t, &bold);
		char a[32];
		c[0] = xstrdup(total ? _("Total") : f->row_labels[r]);
		for (int m = 0; m < months; m++)
			c[1 + m] = xstrdup(numfmt_int(total ? f->col_total[m] : f->cells[r * f->ncols + m], a));
		c[1 + months] = xstrdup(numfmt_int(total ? f->total : f->row_total[r], a));
		c[2 + months] = xstrdup(numfmt_int(total ? f->prev_total : f->row_prev[r], a));
		c[3 + months] = xstrdup(numfmt_int(total ? f->last_year_total : f->row_last_year[r], a));
		for (int i = 0; i < t->ncols; i++)
			bold[i] = total;
	}
}
