/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xlsx.c - workbooks for spreadsheets (xlsx.h) through libxlsxwriter. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "analysis.h"
#include "date.h"
#include "i18n.h"
#include "kind.h"
#include "period.h"
#include "record.h"
#include "report.h"
#include "rollup.h"
#include "settings.h"
#include "store.h"
#include "summary.h"
#include "template.h"
#include "text.h"
#include "xlsx.h"

#define XLSX_MAX_COLS 64
#define XLSX_SHEET_NAME 31

struct xlsx_book {
	struct atomic_file file;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *title, *rate, *date;
	int row;
	int width[XLSX_MAX_COLS];
	int nsheets;
	char **names;
};

struct xlsx_book *xlsx_new(const char *path, struct strlist *errors)
{
	struct xlsx_book *b = xcalloc(1, sizeof *b);
	int e = atomic_open(&b->file, path, 0600);
	if (e) {
		sl_pushf(errors, _("cannot write %s: %s"), path, strerror(e));
		free(b);
		return NULL;
	}
	/* libxlsxwriter opens the temporary file again by its name: the same
	 * file, whose descriptor atomic_commit() syncs before the rename. */
	b->wb = workbook_new(b->file.tmp);
	if (!b->wb) {
		sl_pushf(errors, _("cannot write %s: %s"), path, strerror(ENOMEM));
		atomic_abort(&b->file);
		free(b);
		return NULL;
	}
	b->bold = workbook_add_format(b->wb);
	format_set_bold(b->bold);
	format_set_text_wrap(b->bold);
	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	format_set_font_size(b->title, 13);
	b->rate = workbook_add_format(b->wb);
	format_set_num_format(b->rate, "0.00%");
	b->date = workbook_add_format(b->wb);
	format_set_num_format(b->date, "dd/mm/yyyy");
	return b;
}

/* Sets the widths of the current sheet's columns from their widest cells. */
static void finish_sheet(struct xlsx_book *b)
{
	if (!b->ws)
		return;
	for (int i = 0; i < XLSX_MAX_COLS; i++)
		if (b->width[i])
			worksheet_set_column(b->ws, (lxw_col_t)i, (lxw_col_t)i,
					     b->width[i] > 60 ? 62 : b->width[i] + 2, NULL);
}

/* Grows a column's width to fit `w` characters. */
static void fit(struct xlsx_book *b, int col, int w)
{
	if (col >= 0 && col < XLSX_MAX_COLS && w > b->width[col])
		b->width[col] = w < 6 ? 6 : w;
}

/* name in at most `max` characters, each of []:*?/\' and the control
 * characters (refused by Excel in a sheet name) replaced by '_' (new
 * string). */
static char *name_cut(const char *name, int max)
{
	struct strbuf s = STRBUF_INIT;
	int chars = 0;
	for (const unsigned char *c = (const unsigned char *)name; *c && chars < max; chars++) {
		size_t len = *c < 0x80 ? 1 : *c < 0xE0 ? 2 : *c < 0xF0 ? 3 : 4;
		if (strchr("[]:*?/\\'", *c) || *c < 0x20)
			sb_putc(&s, '_');
		else
			for (size_t i = 0; i < len && c[i]; i++)
				sb_putc(&s, (char)c[i]);
		while (len-- && *c)
			c++;
	}
	return s.buf ? s.buf : xstrdup("_");
}

/* True if the workbook has a sheet of that name already. */
static bool name_taken(const struct xlsx_book *b, const char *n)
{
	for (int i = 0; i < b->nsheets; i++)
		if (!strcmp(b->names[i], n))
			return true;
	return false;
}

/* A sheet name Excel takes: at most 31 characters, none it refuses, not
 * the same as an earlier one ("NAME 2") (new string). */
static char *sheet_name(const struct xlsx_book *b, const char *name)
{
	char *n = name_cut(name, XLSX_SHEET_NAME);
	if (!name_taken(b, n))
		return n;
	free(n);
	char *base = name_cut(name, XLSX_SHEET_NAME - 4);
	for (int k = 2;; k++) {
		n = xasprintf("%s %d", base, k);
		if (!name_taken(b, n))
			break;
		free(n);
	}
	free(base);
	return n;
}

void xlsx_sheet(struct xlsx_book *b, const char *name, const char *title, const char *const *headers,
		int n)
{
	finish_sheet(b);
	char *sn = sheet_name(b, name);
	b->names = xrealloc(b->names, (size_t)(b->nsheets + 1) * sizeof *b->names);
	b->names[b->nsheets++] = sn;
	b->ws = workbook_add_worksheet(b->wb, sn);
	memset(b->width, 0, sizeof b->width);
	if (!b->ws)
		return;
	worksheet_write_string(b->ws, 0, 0, title, b->title);
	for (int i = 0; i < n && i < XLSX_MAX_COLS; i++) {
		worksheet_write_string(b->ws, 1, (lxw_col_t)i, headers[i], b->bold);
		fit(b, i, text_width(headers[i]));
	}
	worksheet_freeze_panes(b->ws, 2, 0);
	b->row = 2;
}

void xlsx_row(struct xlsx_book *b)
{
	b->row++;
}

void xlsx_text(struct xlsx_book *b, int col, const char *s)
{
	if (!b->ws || !s || !*s)
		return;
	/* A text cell is never a formula in an XLSX file: no "'" is needed.
	 * Line breaks (the paragraphs of a narrative) stay; other control
	 * characters, stored by an older or foreign file, are escaped. */
	char *shown = text_find_control_lines(s) >= 0 || !text_valid_utf8(s, strlen(s))
		      ? text_printable_n(s, strlen(s), TEXT_KEEP_LINES) : NULL;
	worksheet_write_string(b->ws, (lxw_row_t)b->row, (lxw_col_t)col, shown ? shown : s, NULL);
	fit(b, col, text_width(shown ? shown : s));
	free(shown);
}

void xlsx_int(struct xlsx_book *b, int col, long long v)
{
	if (!b->ws)
		return;
	worksheet_write_number(b->ws, (lxw_row_t)b->row, (lxw_col_t)col, (double)v, NULL);
	char buf[32];
	fit(b, col, snprintf(buf, sizeof buf, "%lld", v) + 1);
}

void xlsx_number(struct xlsx_book *b, int col, double v)
{
	if (!b->ws)
		return;
	worksheet_write_number(b->ws, (lxw_row_t)b->row, (lxw_col_t)col, v, NULL);
	char buf[64];
	fit(b, col, snprintf(buf, sizeof buf, "%.10g", v) + 1);
}

void xlsx_rate(struct xlsx_book *b, int col, double percent)
{
	if (!b->ws)
		return;
	worksheet_write_number(b->ws, (lxw_row_t)b->row, (lxw_col_t)col, percent / 100.0, b->rate);
	fit(b, col, 8);
}

void xlsx_date(struct xlsx_book *b, int col, const char *iso)
{
	ws_date d;
	int y, m, dd;
	if (!b->ws || !iso || !*iso)
		return;
	if (strlen(iso) != 10 || !date_parse(iso, &d) || sscanf(iso, "%d-%d-%d", &y, &m, &dd) != 3) {
		xlsx_text(b, col, iso);
		return;
	}
	lxw_datetime dt = { y, m, dd, 0, 0, 0 };
	worksheet_write_datetime(b->ws, (lxw_row_t)b->row, (lxw_col_t)col, &dt, b->date);
	fit(b, col, 10);
}

/* Frees b and what it holds. */
static void book_free(struct xlsx_book *b)
{
	for (int i = 0; i < b->nsheets; i++)
		free(b->names[i]);
	free(b->names);
	free(b);
}

/* Drops the workbook: the temporary file is removed, the path left as it
 * was. */
static void xlsx_abort(struct xlsx_book *b)
{
	workbook_close(b->wb);
	atomic_abort(&b->file);
	book_free(b);
}

bool xlsx_commit(struct xlsx_book *b, struct strlist *errors)
{
	finish_sheet(b);
	char *path = xstrdup(b->file.path);
	lxw_error le = workbook_close(b->wb);
	bool ok = true;
	if (le != LXW_NO_ERROR) {
		sl_pushf(errors, _("cannot write %s: %s"), path, lxw_strerror(le));
		atomic_abort(&b->file);
		ok = false;
	} else {
		int e = atomic_commit(&b->file);
		if (e) {
			sl_pushf(errors, _("cannot write %s: %s"), path, strerror(e));
			ok = false;
		}
	}
	free(path);
	book_free(b);
	return ok;
}

/* ---- the workbooks of the commands */

/* "11/2026 (01/11/2026 - 30/11/2026)" (new string). */
static char *period_title(const struct period *p)
{
	char c[32], d1[11], d2[11];
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	return xasprintf(_("%s (%s to %s)"), period_format(p, c), date_dmy(period_start(p, sd), d1),
			 date_dmy(period_end(p, sd), d2));
}

/* "WARD - WHAT PERIOD" for the title line (new string). */
static char *sheet_title(const char *ward, const char *what, const struct period *p)
{
	char *pt = p ? period_title(p) : NULL;
	char *t = xasprintf("%s%s%s%s%s", ward && *ward ? ward : "", ward && *ward ? " - " : "", what,
			    pt ? ", " : "", pt ? pt : "");
	free(pt);
	return t;
}

/* A value of an indicator row: a rate (percent), a count, or nothing. */
static void ind_value_cell(struct xlsx_book *b, int col, const struct ind_row *r, const struct ind_value *v)
{
	if (!v->known)
		return;
	if (r->def->type == IT_RATE)
		xlsx_rate(b, col, v->value);
	else
		xlsx_int(b, col, v->num);
}

enum { IND_COLS = 10 };

/* The headers of the indicator columns (summary_tsv_header, with the
 * label after the id). */
static void ind_headers(const char **h)
{
	h[0] = _("Code");
	h[1] = _("Indicator");
	h[2] = _("Numerator");
	h[3] = _("Denominator");
	h[4] = _("Value");
	h[5] = _("Target");
	h[6] = _("Status");
	h[7] = _("Missing");
	h[8] = _("Previous");
	h[9] = _("Last year");
}

/* The cells of one indicator row from column c on (the IND_COLS columns). */
static void ind_cells(struct xlsx_book *b, int c, const struct ind_row *r)
{
	xlsx_text(b, c, r->id);
	xlsx_text(b, c + 1, r->label);
	if (r->def->type == IT_RATE && r->cur.known) {
		xlsx_int(b, c + 2, r->cur.num);
		xlsx_int(b, c + 3, r->cur.den);
	}
	ind_value_cell(b, c + 4, r, &r->cur);
	if (r->has_target) {
		if (r->def->type == IT_RATE)
			xlsx_rate(b, c + 5, r->target);
		else
			xlsx_number(b, c + 5, r->target);
	}
	if (r->has_status)
		xlsx_text(b, c + 6, r->met ? _("met") : _("not met"));
	if (r->has_missing)
		xlsx_int(b, c + 7, r->missing);
	ind_value_cell(b, c + 8, r, &r->prev);
	ind_value_cell(b, c + 9, r, &r->last_year);
}

/* The summary's sheet in b. */
static void summary_sheet(struct xlsx_book *b, const struct summary *s, const char *ward)
{
	const char *h[IND_COLS];
	ind_headers(h);
	char c[32];
	char *what = s->group ? xasprintf(_("Summary, group %s"), s->group) : xstrdup(_("Summary"));
	char *title = sheet_title(ward, what, &s->period);
	char *name = xasprintf("%s %s", _("Summary"), period_format(&s->period, c));
	xlsx_sheet(b, name, title, h, IND_COLS);
	for (int i = 0; i < s->nrows; i++) {
		ind_cells(b, 0, &s->rows[i]);
		xlsx_row(b);
	}
	free(what);
	free(title);
	free(name);
}

bool xlsx_write_summary(const char *path, const struct summary *s, const char *ward, struct strlist *errors)
{
	struct xlsx_book *b = xlsx_new(path, errors);
	if (!b)
		return false;
	summary_sheet(b, s, ward);
	return xlsx_commit(b, errors);
}

/* A flow table (incidents by category, outreach by kind): a column per
 * month, then the total and the comparisons. */
static void flow_sheet(struct xlsx_book *b, const struct flow_table *t, const char *what, const char *first,
		       const char *ward)
{
	struct strlist head = STRLIST_INIT;
	sl_push(&head, xstrdup(first));
	for (int c = 0; c < t->ncols; c++) {
		char m[32];
		struct period mp = { t->period.first + c, t->period.first + c };
		sl_push(&head, xstrdup(period_format(&mp, m)));
	}
	sl_push(&head, xstrdup(_("Total")));
	sl_push(&head, xstrdup(_("Previous")));
	sl_push(&head, xstrdup(_("Last year")));
	char *title = sheet_title(ward, what, &t->period);
	xlsx_sheet(b, what, title, (const char *const *)head.items, (int)head.n);
	for (int row = 0; row <= t->nrows; row++) {
		bool total = row == t->nrows;
		xlsx_text(b, 0, total ? _("Total") : t->row_labels[row]);
		for (int c = 0; c < t->ncols; c++)
			xlsx_int(b, 1 + c, total ? t->col_total[c] : t->cells[row * t->ncols + c]);
		struct flow_row fr = flow_table_row(t, row);
		xlsx_int(b, 1 + t->ncols, total ? t->total : t->row_total[row]);
		xlsx_int(b, 2 + t->ncols, fr.previous);
		xlsx_int(b, 3 + t->ncols, fr.last_year);
		xlsx_row(b);
	}
	free(title);
	sl_free(&head);
}

bool xlsx_write_report(const char *path, const struct report *r, struct strlist *errors)
{
	struct xlsx_book *b = xlsx_new(path, errors);
	if (!b)
		return false;
	summary_sheet(b, &r->summary, r->ward);
	/* the groups: households, residents and the rates of each */
	const char *h[4 + BREAKDOWN_RATES];
	h[0] = _("Code");
	h[1] = _("Group");
	h[2] = _("Households");
	h[3] = _("Residents");
	for (int i = 0; i < BREAKDOWN_RATES; i++) {
		const struct ind_row *ir = summary_row(&r->summary, breakdown_ids[i]);
		h[4 + i] = ir ? ir->short_label : breakdown_ids[i];
	}
	char *title = sheet_title(r->ward, _("Groups"), &r->period);
	xlsx_sheet(b, _("Groups"), title, h, 4 + BREAKDOWN_RATES);
	free(title);
	for (int g = 0; g <= r->breakdown.n; g++) {
		const struct breakdown_row *row = g < r->breakdown.n ? &r->breakdown.rows[g] : &r->breakdown.total;
		xlsx_text(b, 0, g < r->breakdown.n ? row->code : "");
		xlsx_text(b, 1, g < r->breakdown.n ? row->name : _("Total"));
		xlsx_int(b, 2, row->stock.households);
		xlsx_int(b, 3, row->stock.residents);
		for (int i = 0; i < BREAKDOWN_RATES; i++)
			if (row->cell[i].v.known)
				xlsx_rate(b, 4 + i, row->cell[i].v.value);
		xlsx_row(b);
	}
	flow_sheet(b, &r->incidents, _("Incidents"), _("Category"), r->ward);
	flow_sheet(b, &r->outreach, _("Outreach"), _("Kind"), r->ward);
	return xlsx_commit(b, errors);
}

bool xlsx_write_rollup(const char *path, const struct rollup *r, struct strlist *errors)
{
	struct xlsx_book *b = xlsx_new(path, errors);
	if (!b)
		return false;
	const char *h[1 + IND_COLS];
	h[0] = _("Ward");
	ind_headers(h + 1);
	char *what = rollup_title(r);
	char *title = sheet_title(NULL, what, &r->total.period);
	xlsx_sheet(b, what, title, h, 1 + IND_COLS);
	for (int i = 0; i < r->n; i++) {
		char *name = rollup_ward_name(r, i);
		for (int k = 0; k < r->wards[i].s.nrows; k++) {
			xlsx_text(b, 0, name);
			ind_cells(b, 1, &r->wards[i].s.rows[k]);
			xlsx_row(b);
		}
		free(name);
	}
	for (int k = 0; k < r->total.nrows; k++) {
		xlsx_text(b, 0, _("Total"));
		ind_cells(b, 1, &r->total.rows[k]);
		xlsx_row(b);
	}
	/* the table of wards: a column per indicator of rollup_columns */
	const char *wh[1 + 64];
	char *owned[64];
	int nc = rollup_column_count < 64 ? rollup_column_count : 64;
	wh[0] = _("Ward");
	for (int c = 0; c < nc; c++) {
		owned[c] = xstrdup(_(rollup_columns[c].head));
		for (char *n = owned[c]; *n; n++)
			if (*n == '\n')
				*n = ' ';
		wh[1 + c] = owned[c];
	}
	xlsx_sheet(b, _("Wards"), title, wh, 1 + nc);
	for (int i = 0; i <= r->n; i++) {
		const struct summary *s = i < r->n ? &r->wards[i].s : &r->total;
		char *name = i < r->n ? rollup_ward_name(r, i) : xstrdup(_("Total"));
		xlsx_text(b, 0, name);
		free(name);
		for (int c = 0; c < nc; c++) {
			const struct ind_row *row = summary_row(s, rollup_columns[c].id);
			if (row)
				ind_value_cell(b, 1 + c, row, &row->cur);
		}
		xlsx_row(b);
	}
	for (int c = 0; c < nc; c++)
		free(owned[c]);
	free(what);
	free(title);
	return xlsx_commit(b, errors);
}

bool xlsx_write_template(const char *path, const struct template_sheet *t, const char *ward,
			 struct strlist *errors)
{
	const struct kind_def *k = t->kind;
	struct strlist head = STRLIST_INIT;
	int col_of[KIND_MAX_FIELDS];
	for (int i = 0; i < k->nfields; i++) {
		const struct field_def *f = &k->fields[i];
		col_of[i] = -1;
		if (!f->column)
			continue;
		col_of[i] = (int)head.n;
		sl_push(&head, xstrdup(_(f->label)));
		if (f->type == FT_GROUP) {
			sl_push(&head, xstrdup(_("Name")));
		} else if (strcmp(f->name, k->date_field) != 0) {
			sl_pushf(&head, _("%s (last)"), _(f->label));
			sl_pushf(&head, _("%s (last date)"), _(f->label));
		}
	}
	struct xlsx_book *b = xlsx_new(path, errors);
	if (!b) {
		sl_free(&head);
		return false;
	}
	ws_date d;
	char dmy[11];
	date_parse(t->date, &d);
	char *what = xasprintf(_("%s, sheet of %s"), _(k->label), date_dmy(d, dmy));
	char *title = sheet_title(ward, what, NULL);
	xlsx_sheet(b, _(k->label), title, (const char *const *)head.items, (int)head.n);
	for (int r = 0; r < t->nrows; r++) {
		const struct template_row *row = &t->rows[r];
		for (int i = 0; i < k->nfields; i++) {
			const struct field_def *f = &k->fields[i];
			int c = col_of[i];
			if (c < 0)
				continue;
			if (f->type == FT_GROUP) {
				xlsx_text(b, c, row->code);
				xlsx_text(b, c + 1, row->name);
			} else if (!strcmp(f->name, k->date_field)) {
				xlsx_date(b, c, t->date);
			} else if (row->last[i]) {
				if (f->type == FT_COUNT || f->type == FT_YEAR || f->type == FT_DECIMAL)
					xlsx_number(b, c + 1, strtod(row->last[i], NULL));
				else
					xlsx_text(b, c + 1, row->last[i]);
				xlsx_date(b, c + 2, row->last_date[i]);
			}
		}
		xlsx_row(b);
	}
	free(what);
	free(title);
	sl_free(&head);
	return xlsx_commit(b, errors);
}

struct export_sheet {
	struct xlsx_book *b;
	const struct kind_def *k;
};

/* One record as a row: numbers, dates and texts by the field's type. */
static bool export_row(const struct record *r, void *vctx)
{
	struct export_sheet *c = vctx;
	int col = 0;
	for (int i = 0; i < c->k->nfields; i++) {
		const struct field_def *f = &c->k->fields[i];
		if (!f->column)
			continue;
		const char *v = r->val[i];
		if (!v || !*v)
			;
		else if (f->type == FT_COUNT || f->type == FT_YEAR || f->type == FT_DECIMAL)
			xlsx_number(c->b, col, strtod(v, NULL));
		else if (f->type == FT_DATE)
			xlsx_date(c->b, col, v);
		else
			xlsx_text(c->b, col, v);
		col++;
	}
	xlsx_row(c->b);
	return true;
}

bool xlsx_write_export(const char *path, sqlite3 *db, const struct kind_def *const *k, int n,
		       const char *ward, struct strlist *errors)
{
	struct xlsx_book *b = xlsx_new(path, errors);
	if (!b)
		return false;
	bool ok = true;
	char dmy[11];
	for (int i = 0; i < n && ok; i++) {
		const char *h[KIND_MAX_FIELDS];
		int nh = 0;
		for (int f = 0; f < k[i]->nfields; f++)
			if (k[i]->fields[f].column)
				h[nh++] = _(k[i]->fields[f].label);
		char *what = xasprintf(_("%s, exported on %s"), _(k[i]->label), date_dmy(date_today(), dmy));
		char *title = sheet_title(ward, what, NULL);
		xlsx_sheet(b, _(k[i]->label), title, h, nh);
		struct export_sheet c = { b, k[i] };
		ok = store_list(db, k[i], NULL, export_row, &c, errors);
		free(what);
		free(title);
	}
	if (!ok) {
		xlsx_abort(b);
		return false;
	}
	return xlsx_commit(b, errors);
}
