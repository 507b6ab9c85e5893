/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdflib.c - the Pango, Cairo and GLib functions the PDF code calls,
 * reached through dlopen() the first time a PDF is made.
 *
 * Linking those libraries (and the forty they bring) into the program made
 * every start, of every command, pay for loading them: about 3 ms of the
 * 9 ms of a summary.  Each function below has the library's own name and
 * prototype and forwards to the library's function, looked up once.  The
 * list is every such function src/pdfdraw.c and src/report_pdf.c use; a
 * new one shows up as a link error until it is added here.  The font is
 * chosen here too (pdflib_font), with the fontconfig that Pango uses. */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "i18n.h"
#include "pdflib.h"
#include "util.h"

/* The library whose dependencies hold every function below. */
#define PANGOCAIRO_SONAME "libpangocairo-1.0.so.0"

static void *lib;

bool pdflib_load(struct strlist *errors)
{
	if (lib)
		return true;
	lib = dlopen(PANGOCAIRO_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		sl_pushf(errors, _("PDF output needs the Pango and Cairo libraries (Debian package "
				   "libpangocairo-1.0-0): %s"), dlerror());
	return lib != NULL;
}

/* The address of a library function; the program cannot go on without it. */
static void *need(const char *name)
{
	struct strlist errors = STRLIST_INIT;
	void *f = NULL;
	if (pdflib_load(&errors))
		f = dlsym(lib, name);
	if (!f) {
		util_fatal_cleanup();
		fprintf(stderr, "wardsafe: %s\n", errors.n ? errors.items[0] : dlerror());
		exit(3);
	}
	sl_free(&errors);
	return f;
}

/* LIB(f): the library's f, looked up the first time (POSIX allows the
 * object-to-function pointer conversion that dlsym needs). */
#define LIB(f) (*(__typeof__(&f) *)lookup(&p_##f, #f))
static void *lookup(void **slot, const char *name)
{
	if (!*slot)
		*slot = need(name);
	return slot;
}

static void *p_cairo_clip_preserve;
static void *p_cairo_create;
static void *p_cairo_destroy;
static void *p_cairo_fill;
static void *p_cairo_fill_preserve;
static void *p_cairo_font_options_create;
static void *p_cairo_font_options_destroy;
static void *p_cairo_font_options_set_hint_metrics;
static void *p_cairo_font_options_set_hint_style;
static void *p_cairo_image_surface_create;
static void *p_cairo_line_to;
static void *p_cairo_move_to;
static void *p_cairo_new_path;
static void *p_cairo_paint;
static void *p_cairo_pdf_surface_create_for_stream;
static void *p_cairo_pdf_surface_set_metadata;
static void *p_cairo_pdf_surface_set_size;
static void *p_cairo_rectangle;
static void *p_cairo_reset_clip;
static void *p_cairo_restore;
static void *p_cairo_save;
static void *p_cairo_scale;
static void *p_cairo_set_dash;
static void *p_cairo_set_line_width;
static void *p_cairo_set_source_rgb;
static void *p_cairo_show_page;
static void *p_cairo_status;
static void *p_cairo_status_to_string;
static void *p_cairo_stroke;
static void *p_cairo_surface_destroy;
static void *p_cairo_surface_finish;
static void *p_cairo_surface_status;
static void *p_cairo_surface_write_to_png_stream;
static void *p_cairo_translate;
static void *p_g_free;
static void *p_g_object_unref;
static void *p_g_utf8_make_valid;
static void *p_g_utf8_normalize;
static void *p_g_utf8_strup;
static void *p_pango_attr_allow_breaks_new;
static void *p_pango_attr_list_insert;
static void *p_pango_attr_list_new;
static void *p_pango_attr_list_unref;
static void *p_pango_cairo_context_set_font_options;
static void *p_pango_cairo_context_set_resolution;
static void *p_pango_cairo_create_context;
static void *p_pango_cairo_show_layout;
static void *p_pango_context_set_round_glyph_positions;
static void *p_pango_font_description_free;
static void *p_pango_font_description_new;
static void *p_pango_font_description_set_family;
static void *p_pango_font_description_set_size;
static void *p_pango_font_description_set_style;
static void *p_pango_font_description_set_weight;
static void *p_pango_layout_get_size;
static void *p_pango_layout_new;
static void *p_pango_layout_set_alignment;
static void *p_pango_layout_set_attributes;
static void *p_pango_layout_set_font_description;
static void *p_pango_layout_set_indent;
static void *p_pango_layout_set_justify;
static void *p_pango_layout_set_text;
static void *p_pango_layout_set_width;
static void *p_pango_layout_set_wrap;

void cairo_clip_preserve(cairo_t *cr)
{
	LIB(cairo_clip_preserve)(cr);
}

cairo_t *cairo_create(cairo_surface_t *target)
{
	return LIB(cairo_create)(target);
}

void cairo_destroy(cairo_t *cr)
{
	LIB(cairo_destroy)(cr);
}

void cairo_fill(cairo_t *cr)
{
	LIB(cairo_fill)(cr);
}

void cairo_fill_preserve(cairo_t *cr)
{
	LIB(cairo_fill_preserve)(cr);
}

cairo_font_options_t *cairo_font_options_create(void)
{
	return LIB(cairo_font_options_create)();
}

void cairo_font_options_destroy(cairo_font_options_t *options)
{
	LIB(cairo_font_options_destroy)(options);
}

void cairo_font_options_set_hint_metrics(cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics)
{
	LIB(cairo_font_options_set_hint_metrics)(options, hint_metrics);
}

void cairo_font_options_set_hint_style(cairo_font_options_t *options, cairo_hint_style_t hint_style)
{
	LIB(cairo_font_options_set_hint_style)(options, hint_style);
}

cairo_surface_t *cairo_image_surface_create(cairo_format_t format, int width, int height)
{
	return LIB(cairo_image_surface_create)(format, width, height);
}

void cairo_paint(cairo_t *cr)
{
	LIB(cairo_paint)(cr);
}

void cairo_scale(cairo_t *cr, double sx, double sy)
{
	LIB(cairo_scale)(cr, sx, sy);
}

cairo_status_t cairo_surface_write_to_png_stream(cairo_surface_t *surface, cairo_write_func_t write_func,
						 void *closure)
{
	return LIB(cairo_surface_write_to_png_stream)(surface, write_func, closure);
}

void cairo_translate(cairo_t *cr, double tx, double ty)
{
	LIB(cairo_translate)(cr, tx, ty);
}

void cairo_line_to(cairo_t *cr, double x, double y)
{
	LIB(cairo_line_to)(cr, x, y);
}

void cairo_move_to(cairo_t *cr, double x, double y)
{
	LIB(cairo_move_to)(cr, x, y);
}

void cairo_new_path(cairo_t *cr)
{
	LIB(cairo_new_path)(cr);
}

cairo_surface_t *cairo_pdf_surface_create_for_stream(cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points)
{
	return LIB(cairo_pdf_surface_create_for_stream)(write_func, closure, width_in_points, height_in_points);
}

void cairo_pdf_surface_set_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8)
{
	LIB(cairo_pdf_surface_set_metadata)(surface, metadata, utf8);
}

void cairo_pdf_surface_set_size(cairo_surface_t *surface, double width_in_points, double height_in_points)
{
	LIB(cairo_pdf_surface_set_size)(surface, width_in_points, height_in_points);
}

void cairo_rectangle(cairo_t *cr, double x, double y, double width, double height)
{
	LIB(cairo_rectangle)(cr, x, y, width, height);
}

void cairo_reset_clip(cairo_t *cr)
{
	LIB(cairo_reset_clip)(cr);
}

void cairo_restore(cairo_t *cr)
{
	LIB(cairo_restore)(cr);
}

void cairo_save(cairo_t *cr)
{
	LIB(cairo_save)(cr);
}

void cairo_set_dash(cairo_t *cr, const double *dashes, int num_dashes, double offset)
{
	LIB(cairo_set_dash)(cr, dashes, num_dashes, offset);
}

void cairo_set_line_width(cairo_t *cr, double width)
{
	LIB(cairo_set_line_width)(cr, width);
}

void cairo_set_source_rgb(cairo_t *cr, double red, double green, double blue)
{
	LIB(cairo_set_source_rgb)(cr, red, green, blue);
}

void cairo_show_page(cairo_t *cr)
{
	LIB(cairo_show_page)(cr);
}

cairo_status_t cairo_status(cairo_t *cr)
{
	return LIB(cairo_status)(cr);
}

const char *cairo_status_to_string(cairo_status_t status)
{
	return LIB(cairo_status_to_string)(status);
}

void cairo_stroke(cairo_t *cr)
{
	LIB(cairo_stroke)(cr);
}

void cairo_surface_destroy(cairo_surface_t *surface)
{
	LIB(cairo_surface_destroy)(surface);
}

void cairo_surface_finish(cairo_surface_t *surface)
{
	LIB(cairo_surface_finish)(surface);
}

cairo_status_t cairo_surface_status(cairo_surface_t *surface)
{
	return LIB(cairo_surface_status)(surface);
}

void g_free(gpointer mem)
{
	LIB(g_free)(mem);
}

void g_object_unref(gpointer object)
{
	LIB(g_object_unref)(object);
}

gchar *g_utf8_make_valid(const gchar *str, gssize len)
{
	return LIB(g_utf8_make_valid)(str, len);
}

gchar *g_utf8_normalize(const gchar *str, gssize len, GNormalizeMode mode)
{
	return LIB(g_utf8_normalize)(str, len, mode);
}

gchar *g_utf8_strup(const gchar *str, gssize len)
{
	return LIB(g_utf8_strup)(str, len);
}

PangoAttribute *pango_attr_allow_breaks_new(gboolean allow_breaks)
{
	return LIB(pango_attr_allow_breaks_new)(allow_breaks);
}

void pango_attr_list_insert(PangoAttrList *list, PangoAttribute *attr)
{
	LIB(pango_attr_list_insert)(list, attr);
}

PangoAttrList *pango_attr_list_new(void)
{
	return LIB(pango_attr_list_new)();
}

void pango_attr_list_unref(PangoAttrList *list)
{
	LIB(pango_attr_list_unref)(list);
}

void pango_cairo_context_set_font_options(PangoContext *context, const cairo_font_options_t *options)
{
	LIB(pango_cairo_context_set_font_options)(context, options);
}

void pango_cairo_context_set_resolution(PangoContext *context, double dpi)
{
	LIB(pango_cairo_context_set_resolution)(context, dpi);
}

PangoContext *pango_cairo_create_context(cairo_t *cr)
{
	return LIB(pango_cairo_create_context)(cr);
}

void pango_cairo_show_layout(cairo_t *cr, PangoLayout *layout)
{
	LIB(pango_cairo_show_layout)(cr, layout);
}

void pango_context_set_round_glyph_positions(PangoContext *context, gboolean round_positions)
{
	LIB(pango_context_set_round_glyph_positions)(context, round_positions);
}

void pango_font_description_free(PangoFontDescription *desc)
{
	LIB(pango_font_description_free)(desc);
}

PangoFontDescription *pango_font_description_new(void)
{
	return LIB(pango_font_description_new)();
}

void pango_font_description_set_family(PangoFontDescription *desc, const char *family)
{
	LIB(pango_font_description_set_family)(desc, family);
}

void pango_font_description_set_size(PangoFontDescription *desc, gint size)
{
	LIB(pango_font_description_set_size)(desc, size);
}

void pango_font_description_set_style(PangoFontDescription *desc, PangoStyle style)
{
	LIB(pango_font_description_set_style)(desc, style);
}

void pango_font_description_set_weight(PangoFontDescription *desc, PangoWeight weight)
{
	LIB(pango_font_description_set_weight)(desc, weight);
}

void pango_layout_get_size(PangoLayout *layout, int *width, int *height)
{
	LIB(pango_layout_get_size)(layout, width, height);
}

PangoLayout *pango_layout_new(PangoContext *context)
{
	return LIB(pango_layout_new)(context);
}

void pango_layout_set_alignment(PangoLayout *layout, PangoAlignment alignment)
{
	LIB(pango_layout_set_alignment)(layout, alignment);
}

void pango_layout_set_attributes(PangoLayout *layout, PangoAttrList *attrs)
{
	LIB(pango_layout_set_attributes)(layout, attrs);
}

void pango_layout_set_font_description(PangoLayout *layout, const PangoFontDescription *desc)
{
	LIB(pango_layout_set_font_description)(layout, desc);
}

void pango_layout_set_indent(PangoLayout *layout, int indent)
{
	LIB(pango_layout_set_indent)(layout, indent);
}

void pango_layout_set_justify(PangoLayout *layout, gboolean justify)
{
	LIB(pango_layout_set_justify)(layout, justify);
}

void pango_layout_set_text(PangoLayout *layout, const char *text, int length)
{
	LIB(pango_layout_set_text)(layout, text, length);
}

void pango_layout_set_width(PangoLayout *layout, int width)
{
	LIB(pango_layout_set_width)(layout, width);
}

void pango_layout_set_wrap(PangoLayout *layout, PangoWrapMode wrap)
{
	LIB(pango_layout_set_wrap)(layout, wrap);
}

static void *p_FcPatternCreate;
static void *p_FcPatternAddString;
static void *p_FcPatternDestroy;
static void *p_FcObjectSetCreate;
static void *p_FcObjectSetAdd;
static void *p_FcObjectSetDestroy;
static void *p_FcFontList;
static void *p_FcFontSetDestroy;

/* True if fontconfig has a font of this very family: a list, not a match,
 * since a match always finds something (Times New Roman is an alias of
 * Liberation Serif on Debian). */
static bool family_installed(const char *family)
{
	FcPattern *pat = LIB(FcPatternCreate)();
	LIB(FcPatternAddString)(pat, FC_FAMILY, (const FcChar8 *)family);
	FcObjectSet *os = LIB(FcObjectSetCreate)();
	LIB(FcObjectSetAdd)(os, FC_FAMILY);
	FcFontSet *fs = LIB(FcFontList)(NULL, pat, os);
	bool found = fs && fs->nfont > 0;
	if (fs)
		LIB(FcFontSetDestroy)(fs);
	LIB(FcObjectSetDestroy)(os);
	LIB(FcPatternDestroy)(pat);
	return found;
}

const char *pdflib_font(struct strlist *errors)
{
	/* Decree 30/2020/NĐ-CP sets documents in Times New Roman; Liberation
	 * Serif has the same metrics.  Any other font (DejaVu Serif is wider)
	 * breaks numbers inside the table cells, so there is no third choice. */
	static const char *const families[] = { "Times New Roman", "Liberation Serif" };
	static const char *chosen;
	if (chosen)
		return chosen;
	if (!pdflib_load(errors))
		return NULL;
	for (size_t i = 0; i < sizeof families / sizeof *families && !chosen; i++)
		if (family_installed(families[i]))
			chosen = families[i];
	if (!chosen)
		sl_push(errors, xstrdup(_("PDF output needs the font Times New Roman or Liberation Serif "
					  "(Decree 30); neither is installed: install the Debian package "
					  "fonts-liberation2")));
	return chosen;
}
