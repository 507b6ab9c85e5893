/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_pdf.c - the report as a PDF on A4, laid out as a Vietnamese
 * administrative document (Decree 30/2020/NĐ-CP):
 *
 *   issuing body (parent unit over unit)   national motto over the slogan
 *   Số: number                             place, date (italic)
 *                          TITLE
 *                         subject
 *   I. situation (the officer's text, kind narrative), II. results:
 *   1. overview table  2. groups table  3. incidents  4. outreach
 *   5. bar chart of two coverages per group, with their targets
 *   III. shortcomings, IV. tasks ahead (the officer's text again); empty
 *   parts are left out and the others numbered in order (report.c)
 *   Nơi nhận: recipients                   SIGNER TITLE, signature, name
 *
 * Everything here decides what goes where; pdfdraw.c does the drawing
 * (fonts, wrapping, page breaks, table rules).  Only black, white and greys
 * are used, with hatching and dash patterns where a colour would carry
 * meaning, so the page reads the same from a monochrome printer.  The file
 * is written like every other (pdf_write_file: temp file in the same
 * directory, fsync, rename, mode 0600). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"
#include "pdfdraw.h"
#include "report.h"
#include "settings.h"
#include "summary.h"

static const struct pdf_style st_body = { 13, false, false };
static const struct pdf_style st_heading = { 13, true, false };
static const struct pdf_style st_table = { 11, false, false };
static const struct pdf_style st_table_head = { 11, true, false };
static const struct pdf_style st_note = { 11, false, true };

#define MAX_COLS 12
#define INDENT PDF_MM(10)   /* first line of body paragraphs */
#define TABLE_START 80      /* a table's header and first rows */
#define CHART_PLOT 190      /* the chart's 0-100 % */
#define CHART_HEIGHT (CHART_PLOT + 74)  /* with codes and legend */

/* A copy of a sentence in which a period in words never breaks across
 * lines: the space after "quý", "tháng", "năm" or "Q1".."Q4" before a
 * number ("quý III/2023", "tháng 9/2023", "Q3 2023") becomes a no-break
 * space. */
static char *keep_periods(const char *s)
{
	static const char *const words[] = { "quý", "tháng", "năm", "Q1", "Q2", "Q3", "Q4" };
	struct strbuf out = STRBUF_INIT;
	for (const char *p = s; *p; p++) {
		bool keep = false;
		if (*p == ' ' && (p[1] == 'I' || p[1] == 'V' || (p[1] >= '0' && p[1] <= '9')))
			for (size_t i = 0; i < sizeof words / sizeof *words && !keep; i++) {
				size_t n = strlen(words[i]);
				keep = (size_t)(p - s) >= n && strncmp(p - n, words[i], n) == 0 &&
				       (p - n == s || p[-(long)n - 1] == ' ');
			}
		if (keep)
			sb_puts(&out, "\xC2\xA0");
		else
			sb_putc(&out, *p);
	}
	return sb_steal(&out);
}

/* The administrative heading: issuing body and national motto side by
 * side, number and date line under them, then the title and subject. */
static void draw_heading(struct pdf_doc *d, const struct report_info *info)
{
	/* The national motto and slogan, in the words of the text report
	 * ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"). */
	char *motto = pdf_upper(_("SOCIALIST REPUBLIC OF VIETNAM"));
	const char *slogan = _("Independence - Freedom - Happiness");
	const struct pdf_style unit = { 12, false, false }, unit_bold = { 12, true, false };
	const struct pdf_style slogan_st = { 13, true, false }, date_st = { 13, false, true };
	const struct pdf_style title_st = { 14, true, false };

	/* The right column is as wide as the motto needs, at least 58%. */
	double rw = pdf_text_width(d, motto, &unit_bold) + 8;
	if (rw < PDF_WIDTH * 0.58)
		rw = PDF_WIDTH * 0.58;
	double lw = PDF_WIDTH - rw, lx = PDF_LEFT, rx = PDF_LEFT + lw;
	double top = d->y, ly = top, ry = top;

	char *parent = pdf_upper(info->parent_unit), *name = pdf_upper(info->unit);
	if (*parent)
		ly += pdf_text_at(d, lx, ly, lw, parent, &unit, PDF_ALIGN_CENTER);
	ly += pdf_text_at(d, lx, ly, lw, name, &unit_bold, PDF_ALIGN_CENTER);
	/* A short rule under the unit, about 2/5 of its name. */
	double nw = pdf_text_width(d, name, &unit_bold);
	double rule = (nw < lw ? nw : lw) * 0.4;
	if (rule < 30)
		rule = 30;
	pdf_line(d, lx + (lw - rule) / 2, ly + 3, lx + (lw + rule) / 2, ly + 3, 0.6);
	free(parent);
	free(name);

	ry += pdf_text_at(d, rx, ry, rw, motto, &unit_bold, PDF_ALIGN_CENTER);
	ry += pdf_text_at(d, rx, ry, rw, slogan, &slogan_st, PDF_ALIGN_CENTER);
	/* The slogan's rule is as long as the slogan. */
	double sw = pdf_text_width(d, slogan, &slogan_st);
	pdf_line(d, rx + (rw - sw) / 2, ry + 2.5, rx + (rw + sw) / 2, ry + 2.5, 0.6);
	free(motto);

	double y = (ly > ry ? ly : ry) + 10;
	char *num = xasprintf(_("No.: %s"), info->number ? info->number : "");
	char *date = report_date_line(info);
	double h1 = pdf_text_at(d, lx, y, lw, num, &st_body, PDF_ALIGN_CENTER);
	double h2 = pdf_text_at(d, rx, y, rw, date, &date_st, PDF_ALIGN_CENTER);
	free(num);
	free(date);
	d->y = y + (h1 > h2 ? h1 : h2) + 20;

	char *title = pdf_upper(info->title);
	d->y += pdf_text_at(d, PDF_LEFT, d->y, PDF_WIDTH, title, &title_st, PDF_ALIGN_CENTER);
	free(title);
	if (info->subject && *info->subject) {
		char *subject = keep_periods(info->subject);
		d->y += pdf_text_at(d, PDF_LEFT, d->y, PDF_WIDTH, subject, &title_st, PDF_ALIGN_CENTER);
		double w = pdf_text_width(d, subject, &title_st);
		free(subject);
		w = (w < PDF_WIDTH ? w : PDF_WIDTH) / 3;
		pdf_line(d, PDF_LEFT + (PDF_WIDTH - w) / 2, d->y + 2, PDF_LEFT + (PDF_WIDTH + w) / 2, d->y + 2, 0.6);
	}
	d->y += 16;
}

/* A numbered section heading, kept on a page with the `keep` points of
 * what follows. */
static void draw_section(struct pdf_doc *d, const char *text, double keep)
{
	pdf_need(d, 6 + pdf_text_height(d, text, &st_heading, PDF_WIDTH) + 4 + keep);
	d->y += 6;
	pdf_paragraph(d, text, &st_heading, PDF_ALIGN_LEFT, INDENT, 4);
}

/* Draws a table of the results (report_tables.c): the header, its rows
 * under it, the columns but `flex` widened to their header's words. */
static void table_out(struct pdf_doc *d, const struct report_table *rt, struct pdf_column *cols, int flex)
{
	pdf_table_fit(d, cols, rt->ncols, (const char *const *)rt->head, &st_table_head, flex);
	struct pdf_table t = { rt->ncols, cols, (const char *const *)rt->head, st_table, st_table_head };
	pdf_table_header(d, &t);
	for (int r = 0; r < rt->nrows; r++)
		pdf_table_row(d, &t, (const char *const *)rt->cells + (size_t)r * (size_t)rt->ncols,
			      rt->bold + (size_t)r * (size_t)rt->ncols);
}

/* Column widths in points, numbers to the right: column `flex` (text, to
 * the left) takes what the others leave of the text width. */
static void columns_fill(struct pdf_column *cols, int n, const double *widths, int flex)
{
	double rest = PDF_WIDTH;
	for (int i = 0; i < n; i++) {
		cols[i].width = widths[i];
		cols[i].align = PDF_ALIGN_RIGHT;
		if (i != flex)
			rest -= widths[i];
	}
	cols[flex].width = rest;
	cols[flex].align = PDF_ALIGN_LEFT;
}

/* "target 75%" (new string). */
static char *target_text(double target)
{
	char a[32];
	return xasprintf(_("target %s%%"), numfmt_num(target, a));
}

void report_pdf_overview(struct pdf_doc *d, const struct summary *s)
{
	enum { NC = 8 };
	static const double w[NC] = { 0, 60, 42, 38, 52, 40, 48, 48 };
	struct pdf_column cols[NC];
	columns_fill(cols, NC, w, 0);
	cols[4].align = PDF_ALIGN_CENTER;
	struct report_table rt;
	report_table_overview(s, &rt);
	/* The counts ("20.317/26.818" for a district) stay on one line. */
	for (int r = 0; r < rt.nrows; r++) {
		const char *c = rt.cells[(size_t)r * NC + 1];
		double cw = *c ? pdf_cell_width(d, c, &st_table) : 0;
		if (cw > cols[1].width)
			cols[1].width = cw;
	}
	table_out(d, &rt, cols, 0);
	report_table_free(&rt);
	d->y += 8;
}

/* Section 2: the rate indicators group by group, cells below target in
 * bold with a star. */
static void draw_groups(struct pdf_doc *d, const struct breakdown *b)
{
	enum { NC = 3 + BREAKDOWN_RATES };
	double w[NC] = { 34, 0, 48 };
	for (int i = 0; i < BREAKDOWN_RATES; i++)
		w[3 + i] = 60;
	struct pdf_column cols[NC];
	columns_fill(cols, NC, w, 1);
	cols[0].align = PDF_ALIGN_CENTER;
	struct report_table rt;
	report_table_groups(b, &rt);
	table_out(d, &rt, cols, 1);
	d->y += 3;
	if (rt.marked)
		pdf_paragraph(d, _("* below the target of the period."), &st_note, PDF_ALIGN_LEFT, 0, 0);
	report_table_free(&rt);
	d->y += 8;
}

/* Section 3: incidents by category against the two comparison periods,
 * then the summary's sentence about them. */
static void draw_incidents(struct pdf_doc *d, const struct flow_table *f, const struct summary *s)
{
	enum { NC = 5 };
	static const double w[NC] = { 0, 68, 68, 72, 68 };
	struct pdf_column cols[NC];
	columns_fill(cols, NC, w, 0);
	struct report_table rt;
	report_table_incidents(f, s, &rt);
	table_out(d, &rt, cols, 0);
	report_table_free(&rt);
	d->y += 6;
	char *sent = summary_incident_sentence(s);
	char *line = xasprintf(_("Incidents: %s"), sent);
	char *stop = xasprintf("%s.", line);   /* a sentence ends with a full stop */
	free(line);
	line = stop;
	pdf_paragraph(d, line, &st_body, PDF_ALIGN_LEFT, INDENT, 8);
	free(line);
	free(sent);
}

/* Section 4: outreach sessions by kind, month by month when the period has
 * two to four months, with totals and the comparison periods. */
static void draw_outreach(struct pdf_doc *d, const struct flow_table *f, const struct summary *s)
{
	struct report_table rt;
	report_table_outreach(f, s, &rt);
	int nc = rt.ncols;
	double w[MAX_COLS] = { 0 };
	for (int i = 1; i < nc; i++)
		w[i] = i <= rt.months ? 50 : 64;
	struct pdf_column cols[MAX_COLS];
	columns_fill(cols, nc, w, 0);
	table_out(d, &rt, cols, 0);
	report_table_free(&rt);
	d->y += 8;
}

/* Fills the bar of a rate: solid dark grey (style 0) or white with black
 * diagonal hatching (style 1), outlined in black. */
static void bar_fill(cairo_t *cr, double x, double y, double w, double h, int style)
{
	cairo_save(cr);
	cairo_rectangle(cr, x, y, w, h);
	if (style == 0) {
		cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
		cairo_fill_preserve(cr);
	} else {
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_fill_preserve(cr);
		cairo_clip_preserve(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_set_line_width(cr, 0.6);
		cairo_new_path(cr);
		for (double k = -h; k < w; k += 3.5) {
			cairo_move_to(cr, x + k, y + h);
			cairo_line_to(cr, x + k + h, y);
		}
		cairo_stroke(cr);
		cairo_reset_clip(cr);
		cairo_rectangle(cr, x, y, w, h);
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.6);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* The dash pattern of a target line: long dashes (0) or dash-dot (1). */
static void target_dash(cairo_t *cr, int style)
{
	static const double dash0[] = { 6, 3 }, dash1[] = { 6, 2, 1.5, 2 };
	if (style == 0)
		cairo_set_dash(cr, dash0, 2, 0);
	else
		cairo_set_dash(cr, dash1, 4, 0);
	cairo_set_line_width(cr, 1.2);
}

/* Section 5: a bar chart of extinguisher and Báo cháy 114 coverage by
 * group, 0-100 %, each target a horizontal line across it, a legend below. */
static void draw_chart(struct pdf_doc *d, const struct breakdown *b)
{
	static const int which[2] = { 0, 3 };   /* breakdown cells charted */
	const struct pdf_style tick = { 10, false, false };
	const double plot_h = CHART_PLOT;
	if (b->n == 0) {
		pdf_paragraph(d, _("No group is active at the end of the period."), &st_body, PDF_ALIGN_LEFT,
			      INDENT, 8);
		return;
	}
	pdf_need(d, CHART_HEIGHT);
	cairo_t *cr = d->cr;
	double x0 = PDF_LEFT + 34, x1 = PDF_RIGHT - 40, y0 = d->y + 8, y1 = y0 + plot_h;

	/* Grid and axis labels every 20 %. */
	for (int p = 0; p <= 100; p += 20) {
		double y = y1 - plot_h * p / 100.0;
		char a[32], *lab = xasprintf("%s%%", numfmt_int(p, a));
		double h = pdf_text_height(d, lab, &tick, 0);
		pdf_text_at(d, PDF_LEFT, y - h / 2, x0 - 4 - PDF_LEFT, lab, &tick, PDF_ALIGN_RIGHT);
		free(lab);
		if (p > 0) {
			cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
			cairo_set_line_width(cr, 0.3);
			cairo_move_to(cr, x0, y);
			cairo_line_to(cr, x1, y);
			cairo_stroke(cr);
		}
	}

	/* Two bars per group, side by side, the code underneath. */
	double slot = (x1 - x0) / b->n, bw = slot * 0.32;
	if (bw > 16)
		bw = 16;
	for (int g = 0; g < b->n; g++) {
		const struct breakdown_row *r = &b->rows[g];
		double cx = x0 + slot * (g + 0.5);
		for (int k = 0; k < 2; k++) {
			const struct ind_value *v = &r->cell[which[k]].v;
			double val = !v->known ? 0 : v->value > 100 ? 100 : v->value < 0 ? 0 : v->value;
			double h = plot_h * val / 100.0;
			if (v->known && h > 0)
				bar_fill(cr, cx - bw + k * bw, y1 - h, bw, h, k);
		}
		pdf_text_at(d, cx - slot / 2, y1 + 3, slot, r->code, &tick, PDF_ALIGN_CENTER);
	}

	/* The axes, then the targets over the bars. */
	pdf_line(d, x0, y0 - 4, x0, y1, 0.8);
	pdf_line(d, x0, y1, x1, y1, 0.8);
	double target[2];
	bool has[2];
	for (int k = 0; k < 2; k++) {
		has[k] = report_rate_target(b, which[k], &target[k]);
		if (!has[k])
			continue;
		double t = target[k] > 100 ? 100 : target[k] < 0 ? 0 : target[k];
		double y = y1 - plot_h * t / 100.0;
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		target_dash(cr, k);
		cairo_move_to(cr, x0, y);
		cairo_line_to(cr, x1, y);
		cairo_stroke(cr);
		cairo_restore(cr);
		char a[32], *lab = xasprintf("%s%%", numfmt_num(t, a));
		double h = pdf_text_height(d, lab, &tick, 0);
		/* Two targets close together: the second label goes below. */
		double off = k == 1 && has[0] && fabs(target[0] - target[1]) < 6 ? h / 2 + 1 : -h / 2;
		pdf_text_at(d, x1 + 3, y + off, PDF_RIGHT - x1 - 3, lab, &tick, PDF_ALIGN_LEFT);
		free(lab);
	}

	/* The legend: a swatch and a line for each indicator. */
	double ly = y1 + 22, colw = PDF_WIDTH / 2;
	for (int k = 0; k < 2; k++) {
		const struct indicator_def *def = indicator_find(breakdown_ids[which[k]]);
		double lx = PDF_LEFT + colw * k;
		bar_fill(cr, lx, ly + 2, 14, 9, k);
		pdf_text_at(d, lx + 20, ly, colw - 24, _(def->short_label), &tick, PDF_ALIGN_LEFT);
		if (!has[k])
			continue;
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		target_dash(cr, k);
		cairo_move_to(cr, lx, ly + 22);
		cairo_line_to(cr, lx + 14, ly + 22);
		cairo_stroke(cr);
		cairo_restore(cr);
		char *tt = target_text(target[k]);
		pdf_text_at(d, lx + 20, ly + 16, colw - 24, tt, &tick, PDF_ALIGN_LEFT);
		free(tt);
	}
	d->y = y0 - 8 + CHART_HEIGHT;
}

/* The foot: recipients on the left, on the right the authority (KT.,
 * TL., ...) and title lines, room for the signature and the name, both
 * starting on the same line (Decree 30, Phụ lục I). */
static void draw_signature(struct pdf_doc *d, const struct report_info *info)
{
	const struct pdf_style label = { 12, true, true }, item = { 11, false, false };
	const struct pdf_style signer = { 13, true, false };
	const double gap = 72;   /* room for signature and seal */
	double lw = PDF_WIDTH * 0.45, rx = PDF_LEFT + lw, rw = PDF_WIDTH - lw;
	struct strlist titles = STRLIST_INIT;
	report_signer_lines(info, &titles);
	for (size_t k = 0; k < titles.n; k++) {
		char *u = pdf_upper(titles.items[k]);
		free(titles.items[k]);
		titles.items[k] = u;
	}
	const char *name = info->signer_name ? info->signer_name : "";
	const char *nn = _("Recipients:");
	struct strlist lines = STRLIST_INIT;
	for (size_t i = 0; i < info->recipients.n; i++)
		sl_push(&lines, report_recipient_line(info, i));
	double lh = pdf_text_height(d, nn, &label, lw);
	for (size_t i = 0; i < lines.n; i++)
		lh += pdf_text_height(d, lines.items[i], &item, lw);
	double rh = gap + pdf_text_height(d, name, &signer, rw);
	for (size_t k = 0; k < titles.n; k++)
		rh += pdf_text_height(d, titles.items[k], &signer, rw);
	d->y += 12;
	pdf_need(d, lh > rh ? lh : rh);
	double y = d->y;
	y += pdf_text_at(d, PDF_LEFT, y, lw, nn, &label, PDF_ALIGN_LEFT);
	for (size_t i = 0; i < lines.n; i++)
		y += pdf_text_at(d, PDF_LEFT, y, lw, lines.items[i], &item, PDF_ALIGN_LEFT);
	double ry = d->y;
	for (size_t k = 0; k < titles.n; k++)
		ry += pdf_text_at(d, rx, ry, rw, titles.items[k], &signer, PDF_ALIGN_CENTER);
	ry += gap;
	ry += pdf_text_at(d, rx, ry, rw, name, &signer, PDF_ALIGN_CENTER);
	sl_free(&titles);
	sl_free(&lines);
	d->y = y > ry ? y : ry;
}

/* The two blocks for other documents in the same form (the roll-up). */
void report_pdf_heading(struct pdf_doc *d, const struct report_info *info)
{
	draw_heading(d, info);
}

void report_pdf_signature(struct pdf_doc *d, const struct report_info *info)
{
	draw_signature(d, info);
}

char *report_pdf_keep_periods(const char *s)
{
	return keep_periods(s);
}

/* A narrative part of the officer's: its heading, then each line of the
 * text as a body paragraph; nothing when the part is left out. */
static void draw_part(struct pdf_doc *d, const struct report *r, enum report_part part)
{
	char *h = report_part_heading(r, part);
	if (!h)
		return;
	draw_section(d, h, 40);
	free(h);
	const char *t = r->narrative[part == RP_SITUATION ? NS_SITUATION : part == RP_PROBLEMS ? NS_PROBLEMS
				     : NS_PLANS];
	while (*t) {
		const char *nl = strchr(t, '\n');
		size_t n = nl ? (size_t)(nl - t) : strlen(t);
		char *para = xstrndup(t, n);
		if (*str_trim(para))
			pdf_paragraph(d, para, &st_body, PDF_ALIGN_LEFT, INDENT, 4);
		free(para);
		t += n + (nl != NULL);
	}
}

/* The whole document, page after page. */
static void draw_report(struct pdf_doc *d, const struct report *r)
{
	const struct summary *s = &r->summary;
	draw_heading(d, &r->info);

	char *sentence = summary_period_sentence(s), *intro = keep_periods(sentence);
	pdf_paragraph(d, intro, &st_body, PDF_ALIGN_LEFT, INDENT, 6);
	free(sentence);
	free(intro);

	draw_part(d, r, RP_SITUATION);
	char *results = report_part_heading(r, RP_RESULTS);
	if (results)
		draw_section(d, results, TABLE_START);
	free(results);
	draw_section(d, _("1. Overview of the period"), TABLE_START);
	report_pdf_overview(d, s);
	draw_section(d, _("2. Groups"), TABLE_START);
	draw_groups(d, &r->breakdown);
	draw_section(d, _("3. Incidents of social disorder"), TABLE_START);
	draw_incidents(d, &r->incidents, s);
	draw_section(d, _("4. Outreach"), TABLE_START);
	draw_outreach(d, &r->outreach, s);
	draw_section(d, _("5. Extinguisher and Báo cháy 114 coverage by group"),
		     r->breakdown.n ? CHART_HEIGHT : 20);
	draw_chart(d, &r->breakdown);
	draw_part(d, r, RP_PROBLEMS);
	draw_part(d, r, RP_PLANS);
	draw_signature(d, &r->info);
}

/* pdf_write_file's drawing callback. */
static void draw_report_cb(struct pdf_doc *d, const void *ctx)
{
	draw_report(d, ctx);
}

bool report_write_pdf(const struct report *r, const char *path, struct strlist *errors)
{
	char *title = xasprintf("%s - %s", r->info.title ? r->info.title : "", r->info.subject ? r->info.subject : "");
	bool ok = pdf_write_file(path, false, title, draw_report_cb, r, errors);
	free(title);
	return ok;
}

/* pdf_draw_png's drawing callback: the chart alone. */
static void draw_chart_cb(struct pdf_doc *d, const void *ctx)
{
	d->y = 0;
	draw_chart(d, ctx);
}

bool report_chart_png(const struct report *r, struct strbuf *png, double *width, double *height,
		      struct strlist *errors)
{
	*width = PDF_WIDTH;
	*height = CHART_HEIGHT;
	return pdf_draw_png(*width, *height, 200, draw_chart_cb, &r->breakdown, png, errors);
}
