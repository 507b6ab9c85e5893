/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_docx.c - the report as an editable Office Open XML document
 * (DOCX, WordprocessingML), the same document as report_pdf.c for the
 * officer to finish in Word or LibreOffice:
 *
 *   A4, the margins of Decree 30 (top and bottom 20 mm, left 30, right 15),
 *   Times New Roman 13 (Liberation Serif named as its fallback in the font
 *   table); the heading as a borderless two-column table; the figures as
 *   Word tables whose header row repeats on every page (w:tblHeader); the
 *   chart as a PNG drawn by the PDF's own code (report_chart_png); page
 *   numbers at the top centre from page 2 (w:titlePg, a first-page header
 *   without one); Nơi nhận and the signer as a borderless table; the
 *   officer's texts as ordinary paragraphs.
 *
 * The XML is written here, by hand: the subset is small, and Debian has no
 * C library for DOCX that fits (docx.c escapes text and zips the parts). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "i18n.h"
#include "pdfdraw.h"
#include "pdflib.h"
#include "report.h"
#include "summary.h"

/* Twentieths of a point (twips), Word's unit of length. */
#define TW(pt) ((long)((pt) * 20 + 0.5))
#define PAGE_W 11906L            /* A4 */
#define PAGE_H 16838L
#define MARGIN_TOP 1134L         /* 20 mm */
#define MARGIN_BOTTOM 1134L
#define MARGIN_LEFT 1701L        /* 30 mm */
#define MARGIN_RIGHT 851L        /* 15 mm */
#define HEADER_AT 454L           /* 8 mm: the page number */
#define TEXT_W (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)
#define INDENT 567L              /* 10 mm: first line of body paragraphs */
#define MAX_COLS 12

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

enum align { AL_LEFT, AL_CENTER, AL_RIGHT, AL_BOTH };
static const char *const align_names[] = { "left", "center", "right", "both" };

/* How a paragraph's text looks: size in points, bold, italic, underline. */
struct look {
	int size;
	bool bold, italic, underline;
};
static const struct look lk_body = { 13, false, false, false };
static const struct look lk_heading = { 13, true, false, false };
static const struct look lk_table = { 11, false, false, false };
static const struct look lk_table_bold = { 11, true, false, false };
static const struct look lk_note = { 11, false, true, false };

/* A run of text; line feeds become line breaks. */
static void run(struct strbuf *o, const char *text, const struct look *lk)
{
	sb_puts(o, "<w:r><w:rPr>");
	if (lk->bold)
		sb_puts(o, "<w:b/>");
	if (lk->italic)
		sb_puts(o, "<w:i/>");
	if (lk->underline)
		sb_puts(o, "<w:u w:val=\"single\"/>");
	sb_printf(o, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>", lk->size * 2, lk->size * 2);
	const char *t = text ? text : "";
	for (;;) {
		const char *nl = strchr(t, '\n');
		char *piece = xstrndup(t, nl ? (size_t)(nl - t) : strlen(t));
		sb_puts(o, "<w:t xml:space=\"preserve\">");
		docx_escape(o, piece);
		sb_puts(o, "</w:t>");
		free(piece);
		if (!nl)
			break;
		sb_puts(o, "<w:br/>");
		t = nl + 1;
	}
	sb_puts(o, "</w:r>");
}

/* A paragraph of one run: alignment, first-line indent and space after
 * in twips, kept with the next paragraph if `keep`. */
static void para_ex(struct strbuf *o, const char *text, const struct look *lk, enum align al, long indent,
		    long after, bool keep)
{
	sb_printf(o, "<w:p><w:pPr>%s<w:spacing w:before=\"0\" w:after=\"%ld\"/>", keep ? "<w:keepNext/>" : "",
		  after);
	if (indent)
		sb_printf(o, "<w:ind w:firstLine=\"%ld\"/>", indent);
	sb_printf(o, "<w:jc w:val=\"%s\"/></w:pPr>", align_names[al]);
	if (text && *text)
		run(o, text, lk);
	sb_puts(o, "</w:p>");
}

static void para(struct strbuf *o, const char *text, const struct look *lk, enum align al, long indent)
{
	para_ex(o, text, lk, al, indent, 80, false);
}

/* A section heading, kept with what follows. */
static void heading(struct strbuf *o, const char *text)
{
	sb_puts(o, "<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"80\"/>");
	sb_printf(o, "<w:ind w:firstLine=\"%ld\"/><w:jc w:val=\"left\"/></w:pPr>", INDENT);
	run(o, text, &lk_heading);
	sb_puts(o, "</w:p>");
}

/* Starts a table of n columns of the given widths (twips), ruled or
 * borderless. */
static void table_open(struct strbuf *o, int n, const long *widths, bool ruled)
{
	long total = 0;
	for (int i = 0; i < n; i++)
		total += widths[i];
	sb_printf(o, "<w:tbl><w:tblPr><w:tblW w:w=\"%ld\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>", total);
	sb_puts(o, "<w:tblBorders>");
	static const char *const sides[] = { "top", "left", "bottom", "right", "insideH", "insideV" };
	for (size_t i = 0; i < sizeof sides / sizeof *sides; i++)
		sb_printf(o, ruled ? "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
			  : "<w:%s w:val=\"nil\"/>", sides[i]);
	sb_puts(o, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>");
	sb_printf(o, "<w:tblCellMar><w:left w:w=\"%d\" w:type=\"dxa\"/><w:right w:w=\"%d\" w:type=\"dxa\"/>"
		  "</w:tblCellMar>", ruled ? 60 : 0, ruled ? 60 : 0);
	sb_puts(o, "</w:tblPr><w:tblGrid>");
	for (int i = 0; i < n; i++)
		sb_printf(o, "<w:gridCol w:w=\"%ld\"/>", widths[i]);
	sb_puts(o, "</w:tblGrid>");
}

/* A row of a ruled table; `header` marks the row Word repeats on every
 * page (grey, bold, centred); bold (NULL for none) marks cells. */
static void table_row(struct strbuf *o, int n, const long *widths, const enum align *al,
		      const char *const *cells, const bool *bold, bool header)
{
	sb_puts(o, "<w:tr><w:trPr><w:cantSplit/>");
	if (header)
		sb_puts(o, "<w:tblHeader/>");
	sb_puts(o, "</w:trPr>");
	for (int i = 0; i < n; i++) {
		sb_printf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>", widths[i]);
		if (header)
			sb_puts(o, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E0E0E0\"/><w:vAlign w:val=\"center\"/>");
		sb_puts(o, "</w:tcPr>");
		para_ex(o, cells[i], header || (bold && bold[i]) ? &lk_table_bold : &lk_table,
			header ? AL_CENTER : al[i], 0, 0, false);
		sb_puts(o, "</w:tc>");
	}
	sb_puts(o, "</w:tr>");
}

/* Column widths in twips from the PDF's in points: column `flex` takes
 * what the others leave of the text width. */
static void widths_fill(long *w, enum align *al, int n, const double *pt, int flex)
{
	long rest = TEXT_W;
	for (int i = 0; i < n; i++) {
		w[i] = TW(pt[i]);
		al[i] = AL_RIGHT;
		if (i != flex)
			rest -= w[i];
	}
	w[flex] = rest;
	al[flex] = AL_LEFT;
}

/* A table of the results (report_tables.c), its header row repeated on
 * every page. */
static void results_table(struct strbuf *o, const struct report_table *rt, const long *w, const enum align *al)
{
	table_open(o, rt->ncols, w, true);
	table_row(o, rt->ncols, w, al, (const char *const *)rt->head, NULL, true);
	for (int r = 0; r < rt->nrows; r++)
		table_row(o, rt->ncols, w, al, (const char *const *)rt->cells + (size_t)r * (size_t)rt->ncols,
			  rt->bold + (size_t)r * (size_t)rt->ncols, false);
	sb_puts(o, "</w:tbl>");
}

/* The administrative heading: a borderless table of two columns, issuing
 * body and number on the left, the national motto and the date line on
 * the right; then title and subject. */
static void write_heading(struct strbuf *o, const struct report_info *info)
{
	static const struct look unit = { 12, false, false, false }, unit_bold = { 12, true, false, false };
	static const struct look slogan_lk = { 13, true, false, true }, date_lk = { 13, false, true, false };
	static const struct look title_lk = { 14, true, false, false };
	long w[2] = { TEXT_W * 42 / 100, TEXT_W - TEXT_W * 42 / 100 };
	table_open(o, 2, w, false);
	char *motto = pdf_upper(_("SOCIALIST REPUBLIC OF VIETNAM"));
	char *parent = pdf_upper(info->parent_unit), *name = pdf_upper(info->unit);
	sb_puts(o, "<w:tr>");
	sb_printf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/></w:tcPr>", w[0]);
	if (*parent)
		para_ex(o, parent, &unit, AL_CENTER, 0, 0, false);
	para_ex(o, name, &unit_bold, AL_CENTER, 0, 0, false);
	para_ex(o, "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94", &unit, AL_CENTER, 0, 120, false);
	char *num = xasprintf(_("No.: %s"), info->number ? info->number : "");
	para_ex(o, num, &lk_body, AL_CENTER, 0, 0, false);
	sb_puts(o, "</w:tc>");
	sb_printf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/></w:tcPr>", w[1]);
	para_ex(o, motto, &unit_bold, AL_CENTER, 0, 0, false);
	para_ex(o, _("Independence - Freedom - Happiness"), &slogan_lk, AL_CENTER, 0, 240, false);
	char *date = report_date_line(info);
	para_ex(o, date, &date_lk, AL_CENTER, 0, 0, false);
	sb_puts(o, "</w:tc></w:tr></w:tbl>");
	free(motto);
	free(parent);
	free(name);
	free(num);
	free(date);

	para_ex(o, NULL, &lk_body, AL_CENTER, 0, 120, false);
	char *title = pdf_upper(info->title);
	para_ex(o, title, &title_lk, AL_CENTER, 0, 0, true);
	free(title);
	if (info->subject && *info->subject)
		para_ex(o, info->subject, &title_lk, AL_CENTER, 0, 0, true);
	para_ex(o, "\xE2\x80\x94\xE2\x80\x94\xE2\x80\x94", &lk_body, AL_CENTER, 0, 240, false);
}

/* 1. the overview: every indicator, as the PDF's first table. */
static void write_overview(struct strbuf *o, const struct summary *s)
{
	enum { NC = 8 };
	static const double pt[NC] = { 0, 66, 42, 40, 52, 42, 52, 52 };
	long w[NC];
	enum align al[NC];
	widths_fill(w, al, NC, pt, 0);
	al[4] = AL_CENTER;
	struct report_table rt;
	report_table_overview(s, &rt);
	results_table(o, &rt, w, al);
	report_table_free(&rt);
	para_ex(o, NULL, &lk_body, AL_LEFT, 0, 80, false);
}

/* 2. the rate indicators group by group, below target in bold with a
 * star, the targets last. */
static void write_groups(struct strbuf *o, const struct breakdown *b)
{
	enum { NC = 3 + BREAKDOWN_RATES };
	double pt[NC] = { 34, 0, 50 };
	for (int i = 0; i < BREAKDOWN_RATES; i++)
		pt[3 + i] = 58;
	long w[NC];
	enum align al[NC];
	widths_fill(w, al, NC, pt, 1);
	al[0] = AL_CENTER;
	struct report_table rt;
	report_table_groups(b, &rt);
	results_table(o, &rt, w, al);
	if (rt.marked)
		para_ex(o, _("* below the target of the period."), &lk_note, AL_LEFT, 0, 80, false);
	else
		para_ex(o, NULL, &lk_body, AL_LEFT, 0, 80, false);
	report_table_free(&rt);
}

/* 3. incidents by category against the comparison periods, then the
 * summary's sentence. */
static void write_incidents(struct strbuf *o, const struct flow_table *f, const struct summary *s)
{
	enum { NC = 5 };
	static const double pt[NC] = { 0, 68, 68, 72, 68 };
	long w[NC];
	enum align al[NC];
	widths_fill(w, al, NC, pt, 0);
	struct report_table rt;
	report_table_incidents(f, s, &rt);
	results_table(o, &rt, w, al);
	report_table_free(&rt);
	para_ex(o, NULL, &lk_body, AL_LEFT, 0, 0, false);
	char *sent = summary_incident_sentence(s);
	char *line = xasprintf(_("Incidents: %s"), sent);
	char *stop = xasprintf("%s.", line);
	para(o, stop, &lk_body, AL_BOTH, INDENT);
	free(stop);
	free(line);
	free(sent);
}

/* 4. outreach sessions by kind, month by month for two to four months. */
static void write_outreach(struct strbuf *o, const struct flow_table *f, const struct summary *s)
{
	struct report_table rt;
	report_table_outreach(f, s, &rt);
	double pt[MAX_COLS] = { 0 };
	for (int i = 1; i < rt.ncols; i++)
		pt[i] = i <= rt.months ? 50 : 64;
	long w[MAX_COLS];
	enum align al[MAX_COLS];
	widths_fill(w, al, rt.ncols, pt, 0);
	results_table(o, &rt, w, al);
	report_table_free(&rt);
	para_ex(o, NULL, &lk_body, AL_LEFT, 0, 80, false);
}

/* 5. the chart, an inline picture (relationship rIdChart) of w x h
 * points. */
static void write_chart(struct strbuf *o, double w, double h)
{
	long cx = (long)(w * 12700), cy = (long)(h * 12700);   /* EMU */
	sb_puts(o, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>");
	sb_printf(o, "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"%ld\" cy=\"%ld\"/>"
		  "<wp:docPr id=\"1\" name=\"chart\"/>", cx, cy);
	sb_puts(o, "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
		"<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
		"<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
		"<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"chart.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
		"<pic:blipFill><a:blip r:embed=\"rIdChart\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>");
	sb_printf(o, "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
		  "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>", cx, cy);
	sb_puts(o, "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
}

/* The foot: a borderless table, Nơi nhận on the left, the signer's block
 * on the right (authority and title lines, room to sign, the name). */
static void write_signature(struct strbuf *o, const struct report_info *info)
{
	static const struct look label = { 12, true, true, false }, item = { 11, false, false, false };
	static const struct look signer = { 13, true, false, false };
	long w[2] = { TEXT_W * 45 / 100, TEXT_W - TEXT_W * 45 / 100 };
	para_ex(o, NULL, &lk_body, AL_LEFT, 0, 120, true);
	table_open(o, 2, w, false);
	sb_puts(o, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	sb_printf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/></w:tcPr>", w[0]);
	para_ex(o, _("Recipients:"), &label, AL_LEFT, 0, 0, false);
	for (size_t i = 0; i < info->recipients.n; i++) {
		char *l = report_recipient_line(info, i);
		para_ex(o, l, &item, AL_LEFT, 0, 0, false);
		free(l);
	}
	sb_puts(o, "</w:tc>");
	sb_printf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/></w:tcPr>", w[1]);
	struct strlist titles = STRLIST_INIT;
	report_signer_lines(info, &titles);
	for (size_t k = 0; k < titles.n; k++) {
		char *u = pdf_upper(titles.items[k]);
		para_ex(o, u, &signer, AL_CENTER, 0, 0, false);
		free(u);
	}
	sl_free(&titles);
	/* Room for the signature and the seal. */
	for (int k = 0; k < 4; k++)
		para_ex(o, NULL, &signer, AL_CENTER, 0, 0, false);
	para_ex(o, info->signer_name ? info->signer_name : "", &signer, AL_CENTER, 0, 0, false);
	sb_puts(o, "</w:tc></w:tr></w:tbl>");
}

/* A narrative part: its heading, then each line of the officer's text as
 * a paragraph; nothing when the part is left out. */
static void write_part(struct strbuf *o, const struct report *r, enum report_part part)
{
	char *h = report_part_heading(r, part);
	if (!h)
		return;
	heading(o, h);
	free(h);
	const char *t = r->narrative[part == RP_SITUATION ? NS_SITUATION : part == RP_PROBLEMS ? NS_PROBLEMS
				     : NS_PLANS];
	while (*t) {
		const char *nl = strchr(t, '\n');
		size_t n = nl ? (size_t)(nl - t) : strlen(t);
		char *p = xstrndup(t, n);
		if (*str_trim(p))
			para(o, p, &lk_body, AL_BOTH, INDENT);
		free(p);
		t += n + (nl != NULL);
	}
}

/* word/document.xml; `chart` when the picture is there. */
static void write_document(struct strbuf *o, const struct report *r, bool chart, double cw, double ch)
{
	const struct summary *s = &r->summary;
	sb_puts(o, XML_DECL "<w:document " W_NS " "
		"xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>");
	write_heading(o, &r->info);
	char *sentence = summary_period_sentence(s);
	para(o, sentence, &lk_body, AL_BOTH, INDENT);
	free(sentence);
	write_part(o, r, RP_SITUATION);
	char *results = report_part_heading(r, RP_RESULTS);
	if (results)
		heading(o, results);
	free(results);
	heading(o, _("1. Overview of the period"));
	write_overview(o, s);
	heading(o, _("2. Groups"));
	write_groups(o, &r->breakdown);
	heading(o, _("3. Incidents of social disorder"));
	write_incidents(o, &r->incidents, s);
	heading(o, _("4. Outreach"));
	write_outreach(o, &r->outreach, s);
	heading(o, _("5. Extinguisher and Báo cháy 114 coverage by group"));
	if (chart)
		write_chart(o, cw, ch);
	else
		para(o, _("No group is active at the end of the period."), &lk_body, AL_LEFT, INDENT);
	write_part(o, r, RP_PROBLEMS);
	write_part(o, r, RP_PLANS);
	write_signature(o, &r->info);
	sb_printf(o, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
		  "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>"
		  "<w:pgSz w:w=\"%ld\" w:h=\"%ld\"/>"
		  "<w:pgMar w:top=\"%ld\" w:right=\"%ld\" w:bottom=\"%ld\" w:left=\"%ld\" w:header=\"%ld\" "
		  "w:footer=\"%ld\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>",
		  PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT, HEADER_AT, HEADER_AT);
}

/* The header of pages 2 and on: the page number, top centre, 13 pt
 * (Decree 30); the first page's header is empty. */
static void write_header(struct strbuf *o, bool numbered)
{
	sb_puts(o, XML_DECL "<w:hdr " W_NS "><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>");
	if (numbered)
		sb_puts(o, "<w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"begin\"/></w:r>"
			"<w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
			"<w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r>"
			"<w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:t>2</w:t></w:r>"
			"<w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r>");
	sb_puts(o, "</w:p></w:hdr>");
}

/* word/styles.xml: Times New Roman 13, Vietnamese, single spacing. */
static void write_styles(struct strbuf *o)
{
	sb_puts(o, XML_DECL "<w:styles " W_NS "><w:docDefaults><w:rPrDefault><w:rPr>"
		"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
		"w:cs=\"Times New Roman\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"vi-VN\"/>"
		"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
		"w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
		"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
		"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
		"<w:tblPr><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/>"
		"</w:tblCellMar></w:tblPr></w:style></w:styles>");
}

/* The core properties: title and the program. */
static void write_core(struct strbuf *o, const struct report *r)
{
	sb_puts(o, XML_DECL "<cp:coreProperties "
		"xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
		"xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>");
	char *title = xasprintf("%s - %s", r->info.title ? r->info.title : "", r->info.subject ? r->info.subject : "");
	docx_escape(o, title);
	free(title);
	sb_puts(o, "</dc:title><dc:creator>");
	docx_escape(o, r->info.unit ? r->info.unit : "");
	sb_puts(o, "</dc:creator></cp:coreProperties>");
}

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Default Extension=\"png\" ContentType=\"image/png\"/>"
	"<Override PartName=\"/word/document.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/fontTable.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
	"<Override PartName=\"/word/header1.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	"<Override PartName=\"/word/header2.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" "
	"ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	"officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
	"core-properties\" Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	"extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";

#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rIdStyles\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rIdSettings\" Type=\"" REL "settings\" Target=\"settings.xml\"/>"
	"<Relationship Id=\"rIdFonts\" Type=\"" REL "fontTable\" Target=\"fontTable.xml\"/>"
	"<Relationship Id=\"rIdHeader\" Type=\"" REL "header\" Target=\"header1.xml\"/>"
	"<Relationship Id=\"rIdHeaderFirst\" Type=\"" REL "header\" Target=\"header2.xml\"/>";
static const char chart_rel[] =
	"<Relationship Id=\"rIdChart\" Type=\"" REL "image\" Target=\"media/chart.png\"/>";

static const char settings[] = XML_DECL
	"<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	"<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
	"w:val=\"15\"/></w:compat></w:settings>";

/* Times New Roman, Liberation Serif (metric-compatible) its fallback. */
static const char font_table[] = XML_DECL
	"<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	"<w:font w:name=\"Times New Roman\"><w:altName w:val=\"Liberation Serif\"/>"
	"<w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
	"<w:pitch w:val=\"variable\"/></w:font></w:fonts>";

static const char app_props[] = XML_DECL
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
	"<Application>" PACKAGE_STRING "</Application></Properties>";

bool report_write_docx(const struct report *r, const char *path, struct strlist *errors)
{
	if (!pdflib_load(errors))
		return false;
	struct strbuf png = STRBUF_INIT, doc = STRBUF_INIT, st = STRBUF_INIT, core = STRBUF_INIT;
	struct strbuf h1 = STRBUF_INIT, h2 = STRBUF_INIT;
	double cw = 0, ch = 0;
	bool chart = r->breakdown.n > 0;
	if (chart && !report_chart_png(r, &png, &cw, &ch, errors)) {
		sb_free(&png);
		return false;
	}
	write_document(&doc, r, chart, cw, ch);
	write_styles(&st);
	write_core(&core, r);
	write_header(&h1, true);
	write_header(&h2, false);
	struct strbuf rels = STRBUF_INIT;
	sb_puts(&rels, document_rels);
	if (chart)
		sb_puts(&rels, chart_rel);
	sb_puts(&rels, "</Relationships>");
	struct docx_part parts[] = {
		{ "[Content_Types].xml", content_types, sizeof content_types - 1 },
		{ "_rels/.rels", package_rels, sizeof package_rels - 1 },
		{ "word/document.xml", doc.buf, doc.len },
		{ "word/_rels/document.xml.rels", rels.buf, rels.len },
		{ "word/styles.xml", st.buf, st.len },
		{ "word/settings.xml", settings, sizeof settings - 1 },
		{ "word/fontTable.xml", font_table, sizeof font_table - 1 },
		{ "word/header1.xml", h1.buf, h1.len },
		{ "word/header2.xml", h2.buf, h2.len },
		{ "docProps/core.xml", core.buf, core.len },
		{ "docProps/app.xml", app_props, sizeof app_props - 1 },
		{ "word/media/chart.png", png.buf, png.len },
	};
	size_t n = sizeof parts / sizeof *parts - (chart ? 0 : 1);
	bool ok = docx_write_zip(path, parts, n, errors);
	sb_free(&png);
	sb_free(&doc);
	sb_free(&st);
	sb_free(&core);
	sb_free(&h1);
	sb_free(&h2);
	sb_free(&rels);
	return ok;
}
