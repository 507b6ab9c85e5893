/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdfdraw.h - drawing text and tables on A4 PDF pages (portrait, or
 * landscape for wide tables) with Pango and Cairo:
 * the page geometry of Decree 30/2020/NĐ-CP, a running vertical position
 * that starts a new page when a block does not fit, text blocks through
 * Pango layouts (NFC, wrapped, aligned), and ruled tables whose header row
 * is repeated on every page they run over.  Units are PostScript points
 * measured from the top left corner of the page. */
#ifndef WS_PDFDRAW_H
#define WS_PDFDRAW_H

#include <stdbool.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "util.h"

/* A4 portrait, and the margins of Decree 30: top and bottom 20 mm, left
 * 30 mm, right 15 mm (the smallest allowed).  A document's own geometry is
 * in struct pdf_doc (a landscape one is wider). */
#define PDF_MM(x) ((x) * 72.0 / 25.4)
#define PDF_PAGE_W 595.28
#define PDF_PAGE_H 841.89
#define PDF_LEFT PDF_MM(30)
#define PDF_RIGHT (PDF_PAGE_W - PDF_MM(15))
#define PDF_TOP PDF_MM(20)
#define PDF_BOTTOM (PDF_PAGE_H - PDF_MM(20))
#define PDF_WIDTH (PDF_RIGHT - PDF_LEFT)

enum pdf_align { PDF_ALIGN_LEFT, PDF_ALIGN_CENTER, PDF_ALIGN_RIGHT };

/* Size in points, weight and slant of a text (in Times New Roman or
 * Liberation Serif: pdflib_font). */
struct pdf_style {
	double size;
	bool bold, italic;
};

/* A document being drawn. */
struct pdf_doc {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *pango;
	double y;   /* top of the next block on the current page */
	int page;   /* the current page, from 1 */
	double page_w, page_h;            /* the sheet */
	double left, right, top, bottom;  /* the margins, from the top left */
	double width;                     /* right - left */
};

/* Starts a document whose bytes go to `write` (cairo's stream callback),
 * on A4 portrait or landscape sheets. */
void pdf_open(struct pdf_doc *d, cairo_write_func_t write, void *closure, bool landscape);
/* Finishes the document (flushing it to the stream) and frees it; returns
 * the first error cairo met, if any. */
cairo_status_t pdf_close(struct pdf_doc *d);
/* Writes a whole document to `path` atomically (temp file, fsync, rename,
 * mode 0600): `draw` draws it; `title` goes into its metadata.  False
 * after adding a message. */
bool pdf_write_file(const char *path, bool landscape, const char *title,
		    void (*draw)(struct pdf_doc *d, const void *ctx), const void *ctx, struct strlist *errors);
/* Draws a block of `width` x `height` points (from the left margin and
 * d->y = 0) into a PNG picture of `dpi` dots per inch, white behind, and
 * appends its bytes to `png` (the chart of the DOCX report). */
bool pdf_draw_png(double width, double height, double dpi,
		  void (*draw)(struct pdf_doc *d, const void *ctx), const void *ctx, struct strbuf *png,
		  struct strlist *errors);
/* Ends the page and starts the next one, numbered in the top margin. */
void pdf_new_page(struct pdf_doc *d);
/* The same, the new page (and those that follow it) in landscape or
 * portrait: an appendix of wide tables in a portrait document. */
void pdf_new_page_turned(struct pdf_doc *d, bool landscape);
/* Starts a new page unless `h` points still fit above the bottom margin;
 * true if it did. */
bool pdf_need(struct pdf_doc *d, double h);

/* A new string: `s` in upper case (Vietnamese letters included). */
char *pdf_upper(const char *s);
/* Height of `text` wrapped to `width` points. */
double pdf_text_height(struct pdf_doc *d, const char *text, const struct pdf_style *st, double width);
/* Width of `text` on one line. */
double pdf_text_width(struct pdf_doc *d, const char *text, const struct pdf_style *st);
/* Draws `text` wrapped to `width` with its top at (x, y); returns its height. */
double pdf_text_at(struct pdf_doc *d, double x, double y, double width, const char *text,
		   const struct pdf_style *st, enum pdf_align align);
/* A paragraph across the text width at the current position, its first
 * line indented by `indent`, followed by `after` points of space; moves to
 * a new page first if it does not fit. */
void pdf_paragraph(struct pdf_doc *d, const char *text, const struct pdf_style *st, enum pdf_align align,
		   double indent, double after);
/* A straight black line. */
void pdf_line(struct pdf_doc *d, double x1, double y1, double x2, double y2, double width);

/* A ruled table: column widths and alignments, header texts, styles. */
struct pdf_column {
	double width;
	enum pdf_align align;
};
struct pdf_table {
	int ncols;
	const struct pdf_column *cols;
	const char *const *header;
	struct pdf_style style, header_style;
};
/* The width a table column needs to show `text` on one line. */
double pdf_cell_width(struct pdf_doc *d, const char *text, const struct pdf_style *st);
/* Widens each column but `flex` to the longest word of its header text (in
 * `st`), then gives `flex` what is left of the text width (d->width). */
void pdf_table_fit(struct pdf_doc *d, struct pdf_column *cols, int ncols, const char *const *header,
		   const struct pdf_style *st, int flex);
/* Draws the header row at the current position (on a new page if the
 * header and a first row would not fit). */
void pdf_table_header(struct pdf_doc *d, const struct pdf_table *t);
/* Draws one row below the previous one; `bold` (NULL for none) marks cells
 * to print in bold.  A row that does not fit goes to a new page, under the
 * header drawn again. */
void pdf_table_row(struct pdf_doc *d, const struct pdf_table *t, const char *const *cells, const bool *bold);

#endif
