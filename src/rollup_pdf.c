/* rollup_pdf.c - the roll-up on A4 landscape pages: the issuing units (when
 * the configuration names them), the title and the period, the table of
 * wards (a row per ward, the indicators of rollup_columns, cells below
 * target in bold with a star, then the total and its values for the
 * previous period and last year), the total's every indicator against its
 * target (the report's overview table), and the files it was made from.
 * Drawing is pdfdraw.c's; the file is written by pdf_write_file. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"
#include "pdfdraw.h"
#include "report.h"
#include "rollup.h"
#include "settings.h"
#include "summary.h"

static const struct pdf_style st_heading = { 12, true, false };
static const struct pdf_style st_table = { 10, false, false };
static const struct pdf_style st_table_head = { 10, true, false };
static const struct pdf_style st_note = { 10, false, true };

#define MAX_COLS 16
#define COL_WIDTH 50    /* an indicator column, in points */
#define NUM_WIDTH 24    /* the row number */

/* The units of [report] top left, when the configuration gives them. */
static void draw_units(struct pdf_doc *d)
{
	const struct pdf_style unit = { 12, false, false }, unit_bold = { 12, true, false };
	const char *pu = settings_str(CFG_REPORT_PARENT_UNIT), *u = settings_str(CFG_REPORT_UNIT);
	if (!*pu && !*u)
		return;
	double w = d->width * 0.4, y = d->y;
	char *a = pdf_upper(pu), *b = pdf_upper(u);
	if (*a)
		y += pdf_text_at(d, d->left, y, w, a, &unit, PDF_ALIGN_CENTER);
	if (*b)
		y += pdf_text_at(d, d->left, y, w, b, &unit_bold, PDF_ALIGN_CENTER);
	free(a);
	free(b);
	d->y = y + 12;
}

/* The ward table: one row per ward, then the total, previous, last year. */
static void draw_wards(struct pdf_doc *d, const struct rollup *r)
{
	int nc = 2 + rollup_column_count;
	struct pdf_column cols[MAX_COLS];
	const char *head[MAX_COLS];
	cols[0].width = NUM_WIDTH;
	cols[0].align = PDF_ALIGN_RIGHT;
	head[0] = _("No.");
	cols[1].width = 0;
	cols[1].align = PDF_ALIGN_LEFT;
	head[1] = _("Ward");
	for (int c = 0; c < rollup_column_count; c++) {
		cols[2 + c].width = COL_WIDTH;
		cols[2 + c].align = PDF_ALIGN_RIGHT;
		head[2 + c] = _(rollup_columns[c].head);
	}
	pdf_table_fit(d, cols, nc, head, &st_table_head, 1);
	struct pdf_table t = { nc, cols, head, st_table, st_table_head };
	pdf_table_header(d, &t);
	const struct summary *tot = &r->total;
	char pp[32], pl[32];
	char *prev_label = xasprintf("%s %s", _("Previous"), period_format(&tot->prev, pp));
	char *ly_label = xasprintf("%s %s", _("Last year"), period_format(&tot->last_year, pl));
	bool marked = false;
	for (int i = 0; i < r->n + 3; i++) {
		bool ward = i < r->n;
		const struct summary *s = ward ? &r->wards[i].s : tot;
		int which = ward ? 0 : i - r->n;
		char *cells[MAX_COLS];
		bool bold[MAX_COLS] = { false };
		cells[0] = ward ? xasprintf("%d", i + 1) : xstrdup("");
		cells[1] = xstrdup(ward ? r->wards[i].label : which == 0 ? _("Total") : which == 1 ? prev_label : ly_label);
		for (int c = 0; c < rollup_column_count; c++) {
			const struct ind_row *row = summary_row(s, rollup_columns[c].id);
			const struct ind_value *v = !row ? NULL : which == 0 ? &row->cur : which == 1 ? &row->prev
				: &row->last_year;
			cells[2 + c] = rollup_cell_text(row, v, "*");
			bool below = row && which == 0 && row->has_status && !row->met;
			bold[2 + c] = below;
			marked |= below;
		}
		if (!ward && which == 0)
			for (int c = 0; c < nc; c++)
				bold[c] = true;
		pdf_table_row(d, &t, (const char *const *)cells, bold);
		for (int c = 0; c < nc; c++)
			free(cells[c]);
	}
	free(prev_label);
	free(ly_label);
	d->y += 3;
	if (marked)
		pdf_paragraph(d, _("* below the target of the period."), &st_note, PDF_ALIGN_LEFT, 0, 0);
	d->y += 8;
}

/* A section heading kept with the first rows of what follows. */
static void heading(struct pdf_doc *d, const char *text)
{
	pdf_need(d, pdf_text_height(d, text, &st_heading, d->width) + 90);
	d->y += 4;
	pdf_paragraph(d, text, &st_heading, PDF_ALIGN_LEFT, 0, 4);
}

/* The whole document. */
static void draw_rollup(struct pdf_doc *d, const void *ctx)
{
	const struct rollup *r = ctx;
	const struct summary *s = &r->total;
	draw_units(d);

	const struct pdf_style title_st = { 14, true, false };
	char *title = rollup_title(r), *upper = pdf_upper(title);
	d->y += pdf_text_at(d, d->left, d->y, d->width, upper, &title_st, PDF_ALIGN_CENTER) + 4;
	free(title);
	free(upper);
	char *intro = summary_period_sentence(s);
	const struct pdf_style intro_st = { 12, false, true };
	d->y += pdf_text_at(d, d->left, d->y, d->width, intro, &intro_st, PDF_ALIGN_CENTER) + 12;
	free(intro);

	heading(d, _("1. Wards"));
	draw_wards(d, r);
	char *h2 = xasprintf(ngettext("2. Total of the %d ward against the targets",
				      "2. Total of the %d wards against the targets", (unsigned long)r->n), r->n);
	heading(d, h2);
	free(h2);
	report_pdf_overview(d, s);

	/* Where the figures come from. */
	struct strbuf files = STRBUF_INIT;
	for (int i = 0; i < r->n; i++)
		sb_printf(&files, "%s%s", i ? ", " : "", r->wards[i].file);
	char *src = xasprintf(ngettext("Made with wardsafe from %d file: %s.", "Made with wardsafe from %d files: %s.",
				       (unsigned long)r->n), r->n, files.buf ? files.buf : "");
	d->y += 6;
	pdf_paragraph(d, src, &st_note, PDF_ALIGN_LEFT, 0, 0);
	free(src);
	sb_free(&files);
}

bool rollup_write_pdf(const struct rollup *r, const char *path, struct strlist *errors)
{
	char *title = rollup_title(r);
	bool ok = pdf_write_file(path, true, title, draw_rollup, r, errors);
	free(title);
	return ok;
}
