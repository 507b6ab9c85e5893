/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rollup_pdf.c - the roll-up as a report of the district or province unit
 * (Decree 30/2020/NĐ-CP), on A4 portrait: the heading of the ward report
 * (report_pdf_heading) with the frame of [rollup], the title "BÁO CÁO" and
 * the subject with the number of wards and the period in words, an opening
 * paragraph of the totals with how many wards met each target, the total's
 * every indicator against its target (the report's overview table), Nơi
 * nhận and the signer (report_pdf_signature); then, on landscape pages,
 * the appendix (Phụ lục): the table of wards, by their names (a row per
 * ward, the indicators of rollup_columns, cells below target in bold with
 * a star, then the total and its values for the previous period and last
 * year).  No file name is printed: the command lists the files on standard
 * error.  Drawing is pdfdraw.c's; the file is written by pdf_write_file. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "date.h"
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
	char *pp = period_words(&tot->prev), *pl = period_words(&tot->last_year);
	char *prev_label = xasprintf("%s %s", _("Previous"), pp);
	char *ly_label = xasprintf("%s %s", _("Last year"), pl);
	free(pp);
	free(pl);
	bool marked = false;
	for (int i = 0; i < r->n + 3; i++) {
		bool ward = i < r->n;
		const struct summary *s = ward ? &r->wards[i].s : tot;
		int which = ward ? 0 : i - r->n;
		char *cells[MAX_COLS];
		bool bold[MAX_COLS] = { false };
		cells[0] = ward ? xasprintf("%d", i + 1) : xstrdup("");
		cells[1] = ward ? rollup_ward_name(r, i)
			   : xstrdup(which == 0 ? _("Total") : which == 1 ? prev_label : ly_label);
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

/* The frame of the document: [rollup] of the configuration, never the
 * wards' own units. */
static void info_fill(const struct rollup *r, struct report_info *i)
{
	memset(i, 0, sizeof *i);
	i->parent_unit = xstrdup(settings_str(CFG_ROLLUP_PARENT_UNIT));
	i->unit = xstrdup(settings_str(CFG_ROLLUP_UNIT));
	i->place = xstrdup(settings_str(CFG_ROLLUP_PLACE));
	i->number = xstrdup(settings_str(CFG_ROLLUP_NUMBER));
	i->date = date_today();
	i->title = xstrdup(_("REPORT"));
	i->subject = rollup_subject(r);
	i->signer_authority = xstrdup(settings_str(CFG_ROLLUP_SIGNER_AUTHORITY));
	i->signer_title = xstrdup(settings_str(CFG_ROLLUP_SIGNER_TITLE));
	i->signer_name = xstrdup(settings_str(CFG_ROLLUP_SIGNER_NAME));
	report_split_recipients(settings_str(CFG_ROLLUP_RECIPIENTS), &i->recipients);
}

static void info_free(struct report_info *i)
{
	free(i->parent_unit);
	free(i->unit);
	free(i->place);
	free(i->number);
	free(i->title);
	free(i->subject);
	free(i->signer_authority);
	free(i->signer_title);
	free(i->signer_name);
	sl_free(&i->recipients);
}

/* The whole document: on A4 portrait the heading, the opening paragraph,
 * the total against the targets, Nơi nhận and the signer; then the
 * appendix (Phụ lục) of the wards on landscape pages. */
static void draw_rollup(struct pdf_doc *d, const void *ctx)
{
	const struct rollup *r = ctx;
	const struct summary *s = &r->total;
	struct report_info info;
	info_fill(r, &info);
	report_pdf_heading(d, &info);

	const struct pdf_style body = { 13, false, false };
	char *open = rollup_opening(r), *kept = report_pdf_keep_periods(open);
	pdf_paragraph(d, kept, &body, PDF_ALIGN_LEFT, PDF_MM(10), 6);
	free(open);
	free(kept);
	pdf_paragraph(d, _("The figures of each ward are in the appendix."), &body, PDF_ALIGN_LEFT, PDF_MM(10), 6);

	char *h = xasprintf(ngettext("Total of the %d ward against the targets",
				     "Total of the %d wards against the targets", (unsigned long)r->n), r->n);
	heading(d, h);
	free(h);
	report_pdf_overview(d, s);
	report_pdf_signature(d, &info);

	/* The appendix, landscape. */
	pdf_new_page_turned(d, true);
	const struct pdf_style app = { 14, true, false }, app_sub = { 13, false, true };
	d->y += pdf_text_at(d, d->left, d->y, d->width, _("APPENDIX"), &app, PDF_ALIGN_CENTER);
	char *when = period_words(&s->period);
	char *t = xasprintf(_("Results of each ward, %s"), when);
	d->y += pdf_text_at(d, d->left, d->y, d->width, t, &app, PDF_ALIGN_CENTER);
	free(t);
	free(when);
	char day[11];
	char *with = xasprintf(_("(Attached to report no. %s of %s)"), info.number, date_dmy(info.date, day));
	d->y += pdf_text_at(d, d->left, d->y, d->width, with, &app_sub, PDF_ALIGN_CENTER) + 12;
	free(with);
	draw_wards(d, r);
	info_free(&info);
}

bool rollup_write_pdf(const struct rollup *r, const char *path, struct strlist *errors)
{
	char *title = rollup_subject(r);
	bool ok = pdf_write_file(path, false, title, draw_rollup, r, errors);
	free(title);
	return ok;
}
