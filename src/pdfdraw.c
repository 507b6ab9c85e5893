/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdfdraw.c - text, lines and tables on A4 PDF pages (see pdfdraw.h).
 *
 * Every text goes through a Pango layout built from a font description
 * (Times New Roman or Liberation Serif, chosen by pdflib_font; size in
 * points, bold, italic); the Pango context
 * runs at 72 dpi so that a point of font size is a point on the page, with
 * hinting off so that widths measured here are the widths printed.  Text is
 * normalized to NFC first: Vietnamese typed with combining marks then
 * shapes with the precomposed glyphs of the font.  Drawing never fails on
 * the spot: cairo records its first error, which pdf_close() returns.
 * pdf_write_file() writes a document like every other file of the program
 * (temp file in the same directory, fsync, rename, mode 0600): cairo
 * writes straight into the temp file. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "clock.h"
#include "i18n.h"
#include "pdfdraw.h"
#include "pdflib.h"
#include "util.h"

/* Chosen by pdf_write_file (pdflib_font): Times New Roman or Liberation
 * Serif. */
static const char *font_family = "Liberation Serif";
#define CELL_PAD_X 3.0
#define CELL_PAD_Y 2.5
#define RULE_WIDTH 0.5
#define HEADER_GREY 0.88

/* The sheet and margins of a portrait or landscape page.  Landscape turns
 * the sheet, not the margins: 30 mm stay on the left for binding. */
static void set_geometry(struct pdf_doc *d, bool landscape)
{
	d->page_w = landscape ? PDF_PAGE_H : PDF_PAGE_W;
	d->page_h = landscape ? PDF_PAGE_W : PDF_PAGE_H;
	d->left = PDF_LEFT;
	d->right = d->page_w - PDF_MM(15);
	d->top = PDF_TOP;
	d->bottom = d->page_h - PDF_MM(20);
	d->width = d->right - d->left;
}

void pdf_open(struct pdf_doc *d, cairo_write_func_t write, void *closure, bool landscape)
{
	set_geometry(d, landscape);
	d->surface = cairo_pdf_surface_create_for_stream(write, closure, d->page_w, d->page_h);
	d->cr = cairo_create(d->surface);
	d->pango = pango_cairo_create_context(d->cr);
	pango_cairo_context_set_resolution(d->pango, 72.0);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(d->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(d->pango, FALSE);
	d->y = d->top;
	d->page = 1;
}

cairo_status_t pdf_close(struct pdf_doc *d)
{
	cairo_status_t st = cairo_status(d->cr);
	g_object_unref(d->pango);
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(d->surface);
	cairo_surface_destroy(d->surface);
	memset(d, 0, sizeof *d);
	return st;
}

void pdf_new_page(struct pdf_doc *d)
{
	pdf_new_page_turned(d, d->page_w > d->page_h);
}

void pdf_new_page_turned(struct pdf_doc *d, bool landscape)
{
	cairo_show_page(d->cr);
	/* cairo sizes each page of a PDF surface on its own, when asked right
	 * after the previous page was shown. */
	if (landscape != (d->page_w > d->page_h)) {
		set_geometry(d, landscape);
		cairo_pdf_surface_set_size(d->surface, d->page_w, d->page_h);
	}
	d->page++;
	d->y = d->top;
	/* Decree 30: pages after the first are numbered in the middle of the
	 * top margin, upright, 13 pt. */
	char num[16];
	snprintf(num, sizeof num, "%d", d->page);
	const struct pdf_style st = { 13, false, false };
	pdf_text_at(d, d->left, PDF_MM(8), d->width, num, &st, PDF_ALIGN_CENTER);
}

bool pdf_need(struct pdf_doc *d, double h)
{
	/* A block taller than a page starts at the top and runs over. */
	if (d->y + h <= d->bottom || d->y <= d->top + 0.5)
		return false;
	pdf_new_page(d);
	return true;
}

char *pdf_upper(const char *s)
{
	gchar *u = g_utf8_strup(s ? s : "", -1);
	char *r = xstrdup(u);
	g_free(u);
	return r;
}

/* Keeps words with an inner hyphen ("2023-Q2", "12/BC-CAP") on one line:
 * Pango would otherwise break after the hyphen. */
static void keep_hyphenated(PangoLayout *l, const char *t)
{
	PangoAttrList *attrs = NULL;
	for (size_t i = 0; t[i]; i++) {
		if (t[i] != '-' || i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n' || t[i + 1] == ' ' || t[i + 1] == '\n' ||
		    !t[i + 1])
			continue;
		size_t a = i, b = i;
		while (a > 0 && t[a - 1] != ' ' && t[a - 1] != '\n')
			a--;
		while (t[b] && t[b] != ' ' && t[b] != '\n')
			b++;
		if (!attrs)
			attrs = pango_attr_list_new();
		PangoAttribute *at = pango_attr_allow_breaks_new(FALSE);
		at->start_index = (guint)a;
		at->end_index = (guint)b;
		pango_attr_list_insert(attrs, at);
		i = b > i ? b - 1 : i;
	}
	if (attrs) {
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
	}
}

/* A layout of `text` (valid UTF-8 in NFC) in the style, wrapped to `width`
 * (none if 0), aligned, its first line indented. */
static PangoLayout *layout_new(struct pdf_doc *d, const char *text, const struct pdf_style *st, double width,
			       enum pdf_align align, double indent)
{
	PangoLayout *l = pango_layout_new(d->pango);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, font_family);
	pango_font_description_set_size(fd, (gint)(st->size * PANGO_SCALE + 0.5));
	pango_font_description_set_weight(fd, st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, st->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align == PDF_ALIGN_CENTER ? PANGO_ALIGN_CENTER
				   : align == PDF_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	if (indent > 0)
		pango_layout_set_indent(l, (int)(indent * PANGO_SCALE));
	gchar *valid = g_utf8_make_valid(text ? text : "", -1);
	gchar *nfc = g_utf8_normalize(valid, -1, G_NORMALIZE_NFC);
	pango_layout_set_text(l, nfc ? nfc : valid, -1);
	keep_hyphenated(l, nfc ? nfc : valid);
	g_free(nfc);
	g_free(valid);
	return l;
}

/* Logical width and height of a layout in points. */
static void layout_size(PangoLayout *l, double *w, double *h)
{
	int lw, lh;
	pango_layout_get_size(l, &lw, &lh);
	if (w)
		*w = (double)lw / PANGO_SCALE;
	if (h)
		*h = (double)lh / PANGO_SCALE;
}

double pdf_text_height(struct pdf_doc *d, const char *text, const struct pdf_style *st, double width)
{
	PangoLayout *l = layout_new(d, text, st, width, PDF_ALIGN_LEFT, 0);
	double h;
	layout_size(l, NULL, &h);
	g_object_unref(l);
	return h;
}

double pdf_text_width(struct pdf_doc *d, const char *text, const struct pdf_style *st)
{
	PangoLayout *l = layout_new(d, text, st, 0, PDF_ALIGN_LEFT, 0);
	double w;
	layout_size(l, &w, NULL);
	g_object_unref(l);
	return w;
}

/* Draws a layout with its top left corner at (x, y) in black. */
static void layout_show(struct pdf_doc *d, PangoLayout *l, double x, double y)
{
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
}

double pdf_text_at(struct pdf_doc *d, double x, double y, double width, const char *text,
		   const struct pdf_style *st, enum pdf_align align)
{
	PangoLayout *l = layout_new(d, text, st, width, align, 0);
	double h;
	layout_size(l, NULL, &h);
	layout_show(d, l, x, y);
	g_object_unref(l);
	return h;
}

void pdf_paragraph(struct pdf_doc *d, const char *text, const struct pdf_style *st, enum pdf_align align,
		   double indent, double after)
{
	PangoLayout *l = layout_new(d, text, st, d->width, align, indent);
	/* Body text is justified, as Decree 30 asks, except its last line. */
	if (align == PDF_ALIGN_LEFT)
		pango_layout_set_justify(l, TRUE);
	double h;
	layout_size(l, NULL, &h);
	pdf_need(d, h);
	layout_show(d, l, d->left, d->y);
	g_object_unref(l);
	d->y += h + after;
}

void pdf_line(struct pdf_doc *d, double x1, double y1, double x2, double y2, double width)
{
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_set_line_width(d->cr, width);
	cairo_move_to(d->cr, x1, y1);
	cairo_line_to(d->cr, x2, y2);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
}

/* The style of one cell: the row's, in bold when marked. */
static struct pdf_style cell_style(const struct pdf_style *row, const bool *bold, int i)
{
	struct pdf_style s = *row;
	if (bold && bold[i])
		s.bold = true;
	return s;
}

/* Height of a row: its tallest cell plus padding. */
static double row_height(struct pdf_doc *d, const struct pdf_table *t, const char *const *cells,
			 const struct pdf_style *st, const bool *bold)
{
	double h = 0;
	for (int i = 0; i < t->ncols; i++) {
		struct pdf_style s = cell_style(st, bold, i);
		double ch = pdf_text_height(d, cells[i], &s, t->cols[i].width - 2 * CELL_PAD_X);
		if (ch > h)
			h = ch;
	}
	return h + 2 * CELL_PAD_Y;
}

/* Draws a row of height h at the current position, ruled, its cells
 * centred vertically; a header row is shaded light grey. */
static void row_draw(struct pdf_doc *d, const struct pdf_table *t, const char *const *cells,
		     const struct pdf_style *st, const bool *bold, double h, bool header)
{
	cairo_t *cr = d->cr;
	double x = d->left;
	for (int i = 0; i < t->ncols; i++) {
		double w = t->cols[i].width;
		if (header) {
			cairo_set_source_rgb(cr, HEADER_GREY, HEADER_GREY, HEADER_GREY);
			cairo_rectangle(cr, x, d->y, w, h);
			cairo_fill(cr);
		}
		struct pdf_style s = cell_style(st, bold, i);
		double tw = w - 2 * CELL_PAD_X;
		double ch = pdf_text_height(d, cells[i], &s, tw);
		pdf_text_at(d, x + CELL_PAD_X, d->y + (h - ch) / 2, tw, cells[i], &s,
			    header ? PDF_ALIGN_CENTER : t->cols[i].align);
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_set_line_width(cr, RULE_WIDTH);
		cairo_rectangle(cr, x, d->y, w, h);
		cairo_stroke(cr);
		x += w;
	}
	d->y += h;
}

/* Width of the longest word (between spaces and line breaks) of `text`. */
static double widest_word(struct pdf_doc *d, const char *text, const struct pdf_style *st)
{
	double widest = 0;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, " \n");
		if (n) {
			char *word = xstrndup(p, n);
			double w = pdf_text_width(d, word, st);
			free(word);
			if (w > widest)
				widest = w;
		}
		p += n;
		if (*p)
			p++;
	}
	return widest;
}

double pdf_cell_width(struct pdf_doc *d, const char *text, const struct pdf_style *st)
{
	return pdf_text_width(d, text, st) + 2 * CELL_PAD_X + 1;
}

void pdf_table_fit(struct pdf_doc *d, struct pdf_column *cols, int ncols, const char *const *header,
		   const struct pdf_style *st, int flex)
{
	double rest = d->width;
	for (int i = 0; i < ncols; i++) {
		if (i == flex)
			continue;
		double need = widest_word(d, header[i], st) + 2 * CELL_PAD_X + 1;
		if (cols[i].width < need)
			cols[i].width = need;
		rest -= cols[i].width;
	}
	cols[flex].width = rest;
}

void pdf_table_header(struct pdf_doc *d, const struct pdf_table *t)
{
	double h = row_height(d, t, t->header, &t->header_style, NULL);
	/* Never a header alone at the foot of a page. */
	pdf_need(d, h + t->style.size * 2.4 + 2 * CELL_PAD_Y);
	row_draw(d, t, t->header, &t->header_style, NULL, h, true);
}

void pdf_table_row(struct pdf_doc *d, const struct pdf_table *t, const char *const *cells, const bool *bold)
{
	double h = row_height(d, t, cells, &t->style, bold);
	if (d->y + h > d->bottom) {
		pdf_new_page(d);
		double hh = row_height(d, t, t->header, &t->header_style, NULL);
		row_draw(d, t, t->header, &t->header_style, NULL, hh, true);
	}
	row_draw(d, t, cells, &t->style, bold, h, false);
}

/* cairo's write callback: appends to the file being written atomically,
 * which keeps the first error. */
static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct atomic_file *f = closure;
	atomic_write(f, (const char *)data, len);
	return f->err ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

bool pdf_write_file(const char *path, bool landscape, const char *title,
		    void (*draw)(struct pdf_doc *d, const void *ctx), const void *ctx, struct strlist *errors)
{
	if (!pdflib_load(errors))
		return false;
	const char *family = pdflib_font(errors);
	if (!family)
		return false;
	font_family = family;
	struct atomic_file f;
	int e = atomic_open(&f, path, 0600);
	if (e) {
		sl_pushf(errors, _("cannot write %s: %s"), path, strerror(e));
		return false;
	}
	cairo_status_t st = CAIRO_STATUS_SUCCESS;
	if (!f.err) {
		struct pdf_doc d;
		pdf_open(&d, sink_write, &f, landscape);
		cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
		cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_STRING);
		/* The creation date from the program's clock, not Cairo's own. */
		struct ws_clock now;
		char made[20];
		clock_now(&now);
		cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATE_DATE,
					       clock_format(&now, 'T', made));
		draw(&d, ctx);
		st = pdf_close(&d);
	}
	if (st != CAIRO_STATUS_SUCCESS && !f.err) {
		atomic_abort(&f);
		sl_pushf(errors, _("cannot make the PDF %s: %s"), path, cairo_status_to_string(st));
		return false;
	}
	e = atomic_commit(&f);
	if (e)
		sl_pushf(errors, _("cannot write %s: %s"), path, strerror(e));
	return e == 0;
}

/* cairo's write callback of a PNG in memory. */
static cairo_status_t png_sink(void *closure, const unsigned char *data, unsigned int len)
{
	sb_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

bool pdf_draw_png(double width, double height, double dpi,
		  void (*draw)(struct pdf_doc *d, const void *ctx), const void *ctx, struct strbuf *png,
		  struct strlist *errors)
{
	if (!pdflib_load(errors))
		return false;
	const char *family = pdflib_font(errors);
	if (!family)
		return false;
	font_family = family;
	double scale = dpi / 72.0;
	struct pdf_doc d;
	memset(&d, 0, sizeof d);
	set_geometry(&d, false);
	/* Nothing ever moves to another page: the picture is one block. */
	d.top = 0;
	d.bottom = 1e9;
	d.surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(width * scale),
					       (int)ceil(height * scale));
	d.cr = cairo_create(d.surface);
	cairo_set_source_rgb(d.cr, 1, 1, 1);
	cairo_paint(d.cr);
	cairo_scale(d.cr, scale, scale);
	/* The block is drawn where it stands on the page, from the left
	 * margin; the picture starts there. */
	cairo_translate(d.cr, -d.left, 0);
	d.pango = pango_cairo_create_context(d.cr);
	pango_cairo_context_set_resolution(d.pango, 72.0);
	pango_context_set_round_glyph_positions(d.pango, FALSE);
	d.page = 1;
	draw(&d, ctx);
	cairo_status_t st = cairo_status(d.cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(d.surface, png_sink, png);
	g_object_unref(d.pango);
	cairo_destroy(d.cr);
	cairo_surface_destroy(d.surface);
	if (st != CAIRO_STATUS_SUCCESS)
		sl_pushf(errors, _("cannot draw the chart: %s"), cairo_status_to_string(st));
	return st == CAIRO_STATUS_SUCCESS;
}
