/* SPDX-License-Identifier: GPL-3.0-or-later */
/* template_pdf.c - the sheet for the group leaders as an A4 form to fill
 * in by hand (template.h):
 *
 *   unit (parent unit over unit)
 *                  PHIẾU SỐ LIỆU TỔ DÂN PHỐ
 *            kind, round of DD/MM/YYYY; ward
 *   how to fill it in
 *
 * then either one table for all groups (landscape: code, name and leader,
 * a box per value field with the last value and its date printed in it as
 * a hint, a box for the leader's signature), or one portrait page per
 * group (a row per value field: label, unit, last value and date, an empty
 * box; the leader's signature under it).  Pages after the first are
 * numbered as the report's are (pdf_new_page).  pdfdraw.c does the
 * drawing; only black on white, so it copies and prints on any printer. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "numfmt.h"
#include "pdfdraw.h"
#include "printing.h"
#include "record.h"
#include "settings.h"
#include "store.h"
#include "template.h"
#include "text.h"

static const struct pdf_style st_unit = { 12, false, false };
static const struct pdf_style st_unit_bold = { 12, true, false };
static const struct pdf_style st_title = { 14, true, false };
static const struct pdf_style st_sub = { 13, false, true };
static const struct pdf_style st_body = { 13, false, false };
static const struct pdf_style st_group = { 13, true, false };
static const struct pdf_style st_note = { 11, false, true };
static const struct pdf_style st_cell = { 11, false, false };
static const struct pdf_style st_cell_head = { 11, true, false };
static const struct pdf_style st_hint = { 9, false, true };

#define PAD 3.0
#define TABLE_ROW_H 32.0 /* room to write a figure by hand */
#define PAGE_ROW_H 34.0
#define SIGN_SPACE 56.0

bool template_layout_parse(const char *s, enum template_layout *out)
{
	if (!strcmp(s, "table"))
		*out = TEMPLATE_LAYOUT_TABLE;
	else if (!strcmp(s, "pages"))
		*out = TEMPLATE_LAYOUT_PAGES;
	else
		return false;
	return true;
}

/* What the heading says, gathered once. */
struct form {
	const struct template_sheet *sheet;
	char *parent_unit, *unit, *ward;
	char date[11]; /* DD/MM/YYYY */
	int fields[KIND_MAX_FIELDS], nfields; /* the value fields, in kind order */
};

/* A setting, or the ward's own value when the setting is empty (as the
 * report's heading). */
static char *setting_or(enum settings_key k, const struct record *ward, const char *field)
{
	const char *v = settings_str(k);
	if (*v)
		return text_printable(v);
	const char *w = ward ? record_get(ward, field) : NULL;
	return text_printable(w);
}

static void form_init(struct form *f, sqlite3 *db, const struct template_sheet *s)
{
	memset(f, 0, sizeof *f);
	f->sheet = s;
	struct record ward;
	bool have = store_load(db, kind_find("ward"), 1, &ward);
	f->ward = text_printable(have ? record_get(&ward, "name") : NULL);
	f->parent_unit = setting_or(CFG_REPORT_PARENT_UNIT, have ? &ward : NULL, "parent_unit");
	f->unit = setting_or(CFG_REPORT_UNIT, have ? &ward : NULL, "unit");
	if (have)
		record_clear(&ward);
	ws_date d;
	if (date_parse(s->date, &d))
		date_dmy(d, f->date);
	else
		snprintf(f->date, sizeof f->date, "%s", s->date);
	const struct kind_def *k = s->kind;
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].column && k->fields[i].type != FT_GROUP && strcmp(k->fields[i].name, k->date_field))
			f->fields[f->nfields++] = i;
}

static void form_free(struct form *f)
{
	free(f->parent_unit);
	free(f->unit);
	free(f->ward);
}

/* "Households surveyed (households)": a field's label with its unit. */
static char *field_head(const struct field_def *fd)
{
	if (fd->unit)
		return xasprintf("%s (%s)", _(fd->label), _(fd->unit));
	return xstrdup(_(fd->label));
}

/* The last value as printed: a count in the interface's style. */
static char *value_text(const struct field_def *fd, const char *v)
{
	if (fd->type == FT_COUNT) {
		char buf[32];
		return xstrdup(numfmt_int(atoll(v), buf));
	}
	return xstrdup(v);
}

/* The hint of one cell: "last: 100 on 30/06/2023", or that there is none. */
static char *hint_text(const struct template_row *r, const struct field_def *fd, int field)
{
	if (!r->last[field])
		return xstrdup(_("no figure reported before"));
	char dmy[11];
	ws_date d;
	if (date_parse(r->last_date[field], &d))
		date_dmy(d, dmy);
	else
		snprintf(dmy, sizeof dmy, "%s", r->last_date[field]);
	char *v = value_text(fd, r->last[field]);
	char *s = xasprintf(_("last: %s on %s"), v, dmy);
	free(v);
	return s;
}

/* The heading: the unit top left, the title, the kind and date, the ward,
 * and how to fill the sheet in. */
static void draw_heading(struct pdf_doc *d, const struct form *f)
{
	double y = d->y, colw = d->width * 0.45;
	if (*f->parent_unit) {
		char *u = pdf_upper(f->parent_unit);
		y += pdf_text_at(d, d->left, y, colw, u, &st_unit, PDF_ALIGN_CENTER);
		free(u);
	}
	if (*f->unit) {
		char *u = pdf_upper(f->unit);
		y += pdf_text_at(d, d->left, y, colw, u, &st_unit_bold, PDF_ALIGN_CENTER);
		free(u);
	}
	d->y = y + (y > d->y ? 12 : 0);
	pdf_paragraph(d, _("RESIDENTIAL GROUP DATA SHEET"), &st_title, PDF_ALIGN_CENTER, 0, 2);
	char *kind = xstrdup(_(f->sheet->kind->label));
	/* The kind's label starts a line here: its first letter in capitals. */
	size_t n1 = 1;
	while (kind[0] && (kind[n1] & 0xC0) == 0x80)
		n1++;
	char *first = kind[0] ? xstrndup(kind, n1) : xstrdup("");
	char *up = pdf_upper(first);
	char *sub = xasprintf(_("%s%s, round of %s"), up, kind[0] ? kind + n1 : "", f->date);
	free(first);
	free(up);
	pdf_paragraph(d, sub, &st_sub, PDF_ALIGN_CENTER, 0, 2);
	free(sub);
	free(kind);
	if (*f->ward) {
		char *w = xasprintf(_("Ward: %s"), f->ward);
		pdf_paragraph(d, w, &st_body, PDF_ALIGN_CENTER, 0, 2);
		free(w);
	}
	d->y += 6;
	pdf_paragraph(d, _("Write each figure in its box as it stands on the date of the round. The figure "
			   "reported last and its date are printed as a hint; write the figure again even if it "
			   "has not changed. Sign, and return the sheet to the ward police."),
		      &st_note, PDF_ALIGN_LEFT, 0, 10);
}

/* A ruled box. */
static void box(struct pdf_doc *d, double x, double y, double w, double h)
{
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_set_line_width(d->cr, 0.5);
	cairo_rectangle(d->cr, x, y, w, h);
	cairo_stroke(d->cr);
}

/* One table for all groups: code | group (and leader) | a box per field |
 * signature. */
static void draw_table(struct pdf_doc *d, const struct form *f)
{
	const struct kind_def *k = f->sheet->kind;
	int n = 2 + f->nfields + 1;
	struct pdf_column cols[KIND_MAX_FIELDS + 3];
	char *heads[KIND_MAX_FIELDS + 3];
	heads[0] = xstrdup(_("Group code"));
	heads[1] = xstrdup(_("Group name"));
	for (int i = 0; i < f->nfields; i++)
		heads[2 + i] = field_head(&k->fields[f->fields[i]]);
	heads[n - 1] = xstrdup(_("Group leader's signature"));
	for (int i = 0; i < n; i++) {
		cols[i].width = i == 0 ? 40 : i == n - 1 ? 120 : 130;
		cols[i].align = PDF_ALIGN_LEFT;
	}
	pdf_table_fit(d, cols, n, (const char *const *)heads, &st_cell_head, 1);
	struct pdf_table t = { n, cols, (const char *const *)heads, st_cell, st_cell_head };
	pdf_table_header(d, &t);
	for (int r = 0; r < f->sheet->nrows; r++) {
		const struct template_row *row = &f->sheet->rows[r];
		char *name = *row->leader ? xasprintf("%s\n%s: %s", row->name, _("Group leader"), row->leader)
					  : xstrdup(row->name);
		double h = pdf_text_height(d, name, &st_cell, cols[1].width - 2 * PAD) + 2 * PAD;
		if (h < TABLE_ROW_H)
			h = TABLE_ROW_H;
		if (d->y + h > d->bottom) {
			pdf_new_page(d);
			pdf_table_header(d, &t);
		}
		double x = d->left;
		for (int c = 0; c < n; c++) {
			box(d, x, d->y, cols[c].width, h);
			double tw = cols[c].width - 2 * PAD;
			if (c == 0) {
				pdf_text_at(d, x + PAD, d->y + PAD, tw, row->code, &st_cell, PDF_ALIGN_LEFT);
			} else if (c == 1) {
				pdf_text_at(d, x + PAD, d->y + PAD, tw, name, &st_cell, PDF_ALIGN_LEFT);
			} else if (c < n - 1) {
				int fi = f->fields[c - 2];
				char *hint = hint_text(row, &k->fields[fi], fi);
				double hh = pdf_text_height(d, hint, &st_hint, tw);
				pdf_text_at(d, x + PAD, d->y + h - PAD - hh, tw, hint, &st_hint, PDF_ALIGN_LEFT);
				free(hint);
			}
			x += cols[c].width;
		}
		d->y += h;
		free(name);
	}
	for (int i = 0; i < n; i++)
		free(heads[i]);
}

/* One group on a page of its own: a row per field, the signature under. */
static void draw_group_page(struct pdf_doc *d, const struct form *f, const struct template_row *row)
{
	const struct kind_def *k = f->sheet->kind;
	char *g = xasprintf(_("Residential group: %s (code %s)"), row->name, row->code);
	pdf_paragraph(d, g, &st_group, PDF_ALIGN_LEFT, 0, 2);
	free(g);
	if (*row->leader) {
		char *l = xasprintf("%s: %s", _("Group leader"), row->leader);
		pdf_paragraph(d, l, &st_body, PDF_ALIGN_LEFT, 0, 2);
		free(l);
	}
	d->y += 6;
	char *value_head = xasprintf(_("Figure on %s"), f->date);
	const char *heads[4] = { _("Figure"), _("Unit"), _("Reported last"), value_head };
	struct pdf_column cols[4] = { { 0, PDF_ALIGN_LEFT }, { 50, PDF_ALIGN_LEFT }, { 120, PDF_ALIGN_LEFT },
				      { 150, PDF_ALIGN_LEFT } };
	pdf_table_fit(d, cols, 4, heads, &st_cell_head, 0);
	struct pdf_table t = { 4, cols, heads, st_cell, st_cell_head };
	pdf_table_header(d, &t);
	for (int i = 0; i < f->nfields; i++) {
		int fi = f->fields[i];
		const struct field_def *fd = &k->fields[fi];
		char *hint = hint_text(row, fd, fi);
		const char *cells[3] = { _(fd->label), fd->unit ? _(fd->unit) : "", hint };
		double h = PAGE_ROW_H;
		for (int c = 0; c < 3; c++) {
			double ch = pdf_text_height(d, cells[c], &st_cell, cols[c].width - 2 * PAD) + 2 * PAD;
			if (ch > h)
				h = ch;
		}
		if (d->y + h > d->bottom) {
			pdf_new_page(d);
			pdf_table_header(d, &t);
		}
		double x = d->left;
		for (int c = 0; c < 4; c++) {
			box(d, x, d->y, cols[c].width, h);
			if (c < 3) {
				double tw = cols[c].width - 2 * PAD;
				double ch = pdf_text_height(d, cells[c], &st_cell, tw);
				pdf_text_at(d, x + PAD, d->y + (h - ch) / 2, tw, cells[c], &st_cell, PDF_ALIGN_LEFT);
			}
			x += cols[c].width;
		}
		d->y += h;
		free(hint);
	}
	free(value_head);
	/* The signature block, right half, as on an administrative document. */
	double sw = d->width * 0.5, sx = d->right - sw;
	double need = 16 + 3 * 16 + SIGN_SPACE + 16;
	if (d->y + 16 + need > d->bottom)
		pdf_new_page(d);
	d->y += 16;
	d->y += pdf_text_at(d, sx, d->y, sw, _("Day ..... month ..... year ......"), &st_sub, PDF_ALIGN_CENTER);
	d->y += pdf_text_at(d, sx, d->y, sw, _("Group leader's signature"), &st_group, PDF_ALIGN_CENTER);
	d->y += pdf_text_at(d, sx, d->y, sw, _("(sign and write your full name)"), &st_note, PDF_ALIGN_CENTER);
	d->y += SIGN_SPACE;
	if (*row->leader)
		d->y += pdf_text_at(d, sx, d->y, sw, row->leader, &st_group, PDF_ALIGN_CENTER);
	else
		pdf_line(d, sx + 30, d->y + 12, sx + sw - 30, d->y + 12, 0.5);
}

struct draw_ctx {
	const struct form *form;
	enum template_layout layout;
};

static void draw_cb(struct pdf_doc *d, const void *ctx)
{
	const struct draw_ctx *c = ctx;
	const struct form *f = c->form;
	if (c->layout == TEMPLATE_LAYOUT_TABLE) {
		draw_heading(d, f);
		draw_table(d, f);
		return;
	}
	for (int r = 0; r < f->sheet->nrows; r++) {
		if (r)
			pdf_new_page(d);
		draw_heading(d, f);
		draw_group_page(d, f, &f->sheet->rows[r]);
	}
}

bool template_write_pdf(sqlite3 *db, const struct template_opts *o, enum template_layout layout,
			const char *path, struct strlist *errors, bool *refused)
{
	struct template_sheet s;
	if (!template_sheet_load(db, o, &s, errors, refused))
		return false;
	struct form f;
	form_init(&f, db, &s);
	struct draw_ctx c = { &f, layout };
	char *title = xasprintf("%s - %s", _("RESIDENTIAL GROUP DATA SHEET"), f.date);
	bool ok = pdf_write_file(path, layout == TEMPLATE_LAYOUT_TABLE, title, draw_cb, &c, errors);
	free(title);
	form_free(&f);
	template_sheet_free(&s);
	return ok;
}

bool template_print(sqlite3 *db, const struct template_opts *o, enum template_layout layout,
		    struct strlist *errors, bool *refused)
{
	*refused = false;
	char *path = print_temp_pdf("sheet", errors);
	if (!path)
		return false;
	bool ok = template_write_pdf(db, o, layout, path, errors, refused) && print_file(path, errors);
	unlink(path);
	free(path);
	return ok;
}
