/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c - gathering the report and writing it as text and CSV (the PDF
 * is report_pdf.c).  Every figure comes from summary_compute(),
 * breakdown_compute() and flow_table_compute(): nothing is computed here. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "numfmt.h"
#include "report.h"
#include "settings.h"
#include "store.h"
#include "summary.h"
#include "text.h"

/* A setting, or the ward's own value when the setting is empty. */
static char *setting_or(enum settings_key k, const struct record *ward, const char *field)
{
	const char *v = settings_str(k);
	if (*v)
		return text_printable(v);
	const char *w = ward ? record_get(ward, field) : NULL;
	return text_printable(w); /* shown only: control characters escaped */
}

/* Appends the parts of `text` split at '|' to out, trimmed, empty parts
 * left out. */
static void split_bars(const char *text, struct strlist *out)
{
	while (text && *text) {
		const char *bar = strchr(text, '|');
		char *one = xstrndup(text, bar ? (size_t)(bar - text) : strlen(text));
		char *t = str_trim(one);
		if (*t)
			sl_push(out, xstrdup(t));
		free(one);
		text = bar ? bar + 1 : text + strlen(text);
	}
}

void report_split_recipients(const char *text, struct strlist *out)
{
	split_bars(text, out);
}

void report_signer_lines(const struct report_info *info, struct strlist *out)
{
	split_bars(info->signer_authority, out);
	split_bars(info->signer_title, out);
}

char *report_recipient_line(const struct report_info *info, size_t k)
{
	const char *s = info->recipients.items[k];
	/* What the officer may have typed already: a leading dash, a closing
	 * ';', '.' or ','. */
	while (*s == '-' || *s == ' ' || *s == '\t')
		s++;
	char *t = xstrdup(s);
	size_t n = strlen(t);
	while (n > 0 && (t[n - 1] == ';' || t[n - 1] == '.' || t[n - 1] == ',' || t[n - 1] == ' '))
		t[--n] = '\0';
	char *r = xasprintf("- %s%s", t, k + 1 == info->recipients.n ? "." : ";");
	free(t);
	return r;
}

char *report_date_line(const struct report_info *info)
{
	if (strcmp(i18n_language(), "vi") != 0) {
		/* English: "Lam Sơn, 7 December 2026". */
		static const char *const months[] = {
			N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
			N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
			N_("December"),
		};
		const char *month = _(months[DATE_M(info->date) - 1]);
		if (!info->place || !*info->place) /* never ", 7 December" */
			return xasprintf("%d %s %d", DATE_D(info->date), month, DATE_Y(info->date));
		return xasprintf("%s, %d %s %d", info->place, DATE_D(info->date), month, DATE_Y(info->date));
	}
	/* Decree 30: days below 10 and months below 3 take a leading zero. */
	char day[8], month[8];
	snprintf(day, sizeof day, "%02d", DATE_D(info->date));
	snprintf(month, sizeof month, DATE_M(info->date) < 3 ? "%02d" : "%d", DATE_M(info->date));
	/* A ward without a place or a name yet: the date alone, never ", day". */
	if (!info->place || !*info->place)
		return xasprintf(_("Day %s month %s year %d"), day, month, DATE_Y(info->date));
	return xasprintf(_("%s, day %s month %s year %d"), info->place, day, month, DATE_Y(info->date));
}

const char *const narrative_section_names[NS_COUNT] = { "situation", "problems", "plans" };

char *report_narrative_load(sqlite3 *db, const struct period *p, enum narrative_section s)
{
	char key[40];
	period_format(p, key);
	sqlite3_stmt *st = db_cached(db, "SELECT text FROM narrative WHERE period = ? AND section = ?");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, narrative_section_names[s], -1, SQLITE_STATIC);
	char *out = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (t && *t)
			out = text_printable_n(t, strlen(t), TEXT_KEEP_LINES);
	}
	db_release(st);
	return out;
}

/* The narrative section printed as a part, or -1 for the results. */
static int part_section(enum report_part part)
{
	return part == RP_SITUATION ? NS_SITUATION : part == RP_PROBLEMS ? NS_PROBLEMS
		: part == RP_PLANS ? NS_PLANS : -1;
}

static bool part_printed(const struct report *r, enum report_part part)
{
	int s = part_section(part);
	if (s >= 0)
		return r->narrative[s] && *r->narrative[s];
	for (int k = 0; k < NS_COUNT; k++)
		if (r->narrative[k] && *r->narrative[k])
			return true;
	return false;
}

char *report_part_heading(const struct report *r, enum report_part part)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	static const char *const titles[RP_COUNT] = {
		N_("Situation"), N_("Results"), N_("Shortcomings"), N_("Tasks ahead"),
	};
	if (!part_printed(r, part))
		return NULL;
	int n = 0;
	for (int k = 0; k < (int)part; k++)
		n += part_printed(r, (enum report_part)k);
	return xasprintf("%s. %s", roman[n], _(titles[part]));
}

bool report_build(sqlite3 *db, const struct period *p, struct report *out, struct strlist *errors)
{
	memset(out, 0, sizeof *out);
	out->period = *p;
	if (!summary_compute(db, p, NULL, &out->summary, errors))
		return false;
	breakdown_compute(db, p, &out->breakdown, errors);
	if (!flow_table_compute(db, "incidents", p, NULL, &out->incidents, errors) ||
	    !flow_table_compute(db, "outreach", p, NULL, &out->outreach, errors)) {
		report_free(out);
		return false;
	}
	struct record ward;
	bool have = store_load(db, kind_find("ward"), 1, &ward);
	struct report_info *i = &out->info;
	out->ward = text_printable(have ? record_get(&ward, "name") : NULL);
	i->parent_unit = setting_or(CFG_REPORT_PARENT_UNIT, have ? &ward : NULL, "parent_unit");
	i->unit = setting_or(CFG_REPORT_UNIT, have ? &ward : NULL, "unit");
	i->place = setting_or(CFG_REPORT_PLACE, have ? &ward : NULL, "place");
	if (!*i->place) {
		free(i->place);
		i->place = xstrdup(out->ward);
	}
	i->number = xstrdup(settings_str(CFG_REPORT_NUMBER));
	i->date = date_today();
	i->title = xstrdup(_("REPORT"));
	char *when = period_words(p);
	i->subject = xasprintf(_("Results of transforming the area on social order and of fire prevention, %s"), when);
	free(when);
	i->signer_authority = xstrdup(settings_str(CFG_REPORT_SIGNER_AUTHORITY));
	i->signer_title = xstrdup(settings_str(CFG_REPORT_SIGNER_TITLE));
	i->signer_name = xstrdup(settings_str(CFG_REPORT_SIGNER_NAME));
	split_bars(settings_str(CFG_REPORT_RECIPIENTS), &i->recipients);
	for (int k = 0; k < NS_COUNT; k++)
		out->narrative[k] = report_narrative_load(db, p, (enum narrative_section)k);
	if (have)
		record_clear(&ward);
	return true;
}

void report_free(struct report *r)
{
	struct report_info *i = &r->info;
	free(i->parent_unit);
	free(i->unit);
	free(i->number);
	free(i->place);
	free(i->title);
	free(i->subject);
	free(i->signer_authority);
	free(i->signer_title);
	free(i->signer_name);
	sl_free(&i->recipients);
	for (int k = 0; k < NS_COUNT; k++)
		free(r->narrative[k]);
	free(r->ward);
	summary_free(&r->summary);
	breakdown_free(&r->breakdown);
	flow_table_free(&r->incidents);
	flow_table_free(&r->outreach);
	memset(r, 0, sizeof *r);
}

/* ---- text */

/* Appends s centred in `width` columns. */
static void centred(struct strbuf *out, const char *s, int width)
{
	int pad = (width - text_width(s)) / 2;
	for (int i = 0; i < pad; i++)
		sb_putc(out, ' ');
	sb_puts(out, s);
}

/* Appends two columns, each text centred in its half. */
static void two_columns(struct strbuf *out, const char *left, const char *right, int width)
{
	struct strbuf l = STRBUF_INIT;
	centred(&l, left, width / 2 - 2);
	char *padded = text_pad(l.buf ? l.buf : "", width / 2 - 2, false);
	sb_puts(out, padded);
	free(padded);
	sb_free(&l);
	centred(out, right, width / 2 + 2);
	sb_putc(out, '\n');
}

static void cell(struct strbuf *out, const char *s, int width, bool right)
{
	char *p = text_fit(s, width, right);
	sb_puts(out, p);
	sb_putc(out, ' ');
	free(p);
}

/* Ends a table row: no blanks before the newline. */
static void end_row(struct strbuf *out)
{
	while (out->len && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
	sb_putc(out, '\n');
}

static void rule(struct strbuf *out, int width)
{
	for (int i = 0; i < width; i++)
		sb_puts(out, "─");
	sb_putc(out, '\n');
}

#define TEXT_WIDTH 80

static void text_groups(const struct report *r, struct strbuf *out)
{
	static const char *const heads[BREAKDOWN_RATES] = {
		N_("Extinguisher"), N_("Fire pledge"), N_("Order pledge"), N_("App 114"), N_("Surveyed"),
	};
	cell(out, _("Group"), 5, false);
	cell(out, _("Name"), 17, false);
	cell(out, _("Households"), 8, true);
	for (int i = 0; i < BREAKDOWN_RATES; i++)
		cell(out, _(heads[i]), 8, true);
	end_row(out);
	rule(out, TEXT_WIDTH);
	char buf[32];
	for (int g = 0; g <= r->breakdown.n; g++) {
		const struct breakdown_row *row = g < r->breakdown.n ? &r->breakdown.rows[g] : &r->breakdown.total;
		if (g == r->breakdown.n)
			rule(out, TEXT_WIDTH);
		cell(out, g < r->breakdown.n ? row->code : "", 5, false);
		cell(out, row->name, 17, false);
		cell(out, numfmt_int(row->stock.households, buf), 8, true);
		for (int i = 0; i < BREAKDOWN_RATES; i++) {
			const struct breakdown_cell *c = &row->cell[i];
			char *v = c->v.known ? xasprintf("%s%s", c->has_target && !c->met ? "*" : "",
							 numfmt_rate(c->v.value, c->has_target, c->target, false, buf))
					     : xstrdup("-");
			cell(out, v, 8, true);
			free(v);
		}
		end_row(out);
	}
	sb_printf(out, "%s\n", _("* below the target of the period."));
}

static void text_flow(const struct flow_table *t, const char *title, struct strbuf *out)
{
	char buf[32];
	cell(out, title, 32, false);
	cell(out, _("This period"), 10, true);
	cell(out, _("Previous"), 10, true);
	cell(out, _("Last year"), 10, true);
	cell(out, _("Change"), 10, true);
	end_row(out);
	rule(out, TEXT_WIDTH);
	for (int r = 0; r <= t->nrows; r++) {
		struct flow_row fr = flow_table_row(t, r);
		long long cur = fr.current, prev = fr.previous, ly = fr.last_year;
		if (!fr.total && fr.empty)
			continue;
		if (fr.total)
			rule(out, TEXT_WIDTH);
		cell(out, fr.label, 32, false);
		cell(out, numfmt_int(cur, buf), 10, true);
		cell(out, numfmt_int(prev, buf), 10, true);
		cell(out, numfmt_int(ly, buf), 10, true);
		char *ch = xasprintf("%s%s", cur > prev ? "+" : "", numfmt_int(cur - prev, buf));
		cell(out, cur == prev ? "0" : ch, 10, true);
		free(ch);
		end_row(out);
	}
}

/* Under a table of the text report, the periods its columns compare, in
 * words: "Kỳ trước: quý II/2023. Cùng kỳ: quý III/2022." */
static void compared_line(const struct summary *s, struct strbuf *out)
{
	char *pp = period_words(&s->prev), *pl = period_words(&s->last_year);
	sb_printf(out, _("Previous: %s. Last year: %s."), pp, pl);
	sb_putc(out, '\n');
	free(pp);
	free(pl);
}

/* A narrative part: its heading, then each line of the officer's text as a
 * paragraph, wrapped, its first line indented; nothing when it is empty. */
static void text_part(const struct report *r, enum report_part part, struct strbuf *out)
{
	char *h = report_part_heading(r, part);
	if (!h)
		return;
	sb_printf(out, "%s\n\n", h);
	free(h);
	const char *t = r->narrative[part_section(part)];
	while (*t) {
		const char *nl = strchr(t, '\n');
		size_t n = nl ? (size_t)(nl - t) : strlen(t);
		char *para = xstrndup(t, n);
		if (*str_trim(para)) {
			struct strlist lines = STRLIST_INIT;
			text_wrap(para, TEXT_WIDTH - 4, &lines);
			for (size_t k = 0; k < lines.n; k++)
				sb_printf(out, "%s%s\n", k ? "" : "    ", lines.items[k]);
			sl_free(&lines);
		}
		free(para);
		t += n + (nl != NULL);
	}
	sb_putc(out, '\n');
}

void report_write_text(const struct report *r, struct strbuf *out)
{
	const struct report_info *i = &r->info;
	two_columns(out, i->parent_unit, _("SOCIALIST REPUBLIC OF VIETNAM"), TEXT_WIDTH);
	two_columns(out, i->unit, _("Independence - Freedom - Happiness"), TEXT_WIDTH);
	char *num = xasprintf(_("No.: %s"), i->number);
	char *date = report_date_line(i);
	two_columns(out, num, date, TEXT_WIDTH);
	free(num);
	free(date);
	sb_putc(out, '\n');
	centred(out, i->title, TEXT_WIDTH);
	sb_putc(out, '\n');
	struct strlist subject = STRLIST_INIT;
	text_wrap(i->subject, TEXT_WIDTH - 8, &subject);
	for (size_t k = 0; k < subject.n; k++) {
		centred(out, subject.items[k], TEXT_WIDTH);
		sb_putc(out, '\n');
	}
	sl_free(&subject);
	sb_putc(out, '\n');

	text_part(r, RP_SITUATION, out);
	char *results = report_part_heading(r, RP_RESULTS);
	if (results)
		sb_printf(out, "%s\n\n", results);
	free(results);
	sb_printf(out, "%s\n\n", _("1. Overview of the period"));
	summary_write_text_words(&r->summary, r->ward, out);
	sb_printf(out, "\n%s\n\n", _("2. Groups"));
	text_groups(r, out);
	sb_printf(out, "\n%s\n\n", _("3. Incidents of social disorder"));
	text_flow(&r->incidents, _("Category"), out);
	compared_line(&r->summary, out);
	char *sentence = summary_incident_sentence(&r->summary);
	sb_printf(out, _("Incidents: %s"), sentence);
	sb_puts(out, ".\n");
	free(sentence);
	sb_printf(out, "\n%s\n\n", _("4. Outreach"));
	text_flow(&r->outreach, _("Kind"), out);
	compared_line(&r->summary, out);
	if (r->narrative[NS_PROBLEMS] || r->narrative[NS_PLANS])
		sb_putc(out, '\n');
	text_part(r, RP_PROBLEMS, out);
	text_part(r, RP_PLANS, out);

	sb_puts(out, "\n");
	struct strbuf left = STRBUF_INIT;
	sb_printf(&left, "%s\n", _("Recipients:"));
	for (size_t k = 0; k < i->recipients.n; k++) {
		char *l = report_recipient_line(i, k);
		sb_printf(&left, "%s\n", l);
		free(l);
	}
	/* Signer on the right of the recipients: authority and title lines,
	 * room for the signature, the name. */
	struct strlist right = STRLIST_INIT;
	report_signer_lines(i, &right);
	for (int k = 0; k < 3; k++)
		sl_push(&right, xstrdup(""));
	sl_push(&right, xstrdup(i->signer_name ? i->signer_name : ""));
	char *lp = left.buf;
	for (size_t line = 0; line < right.n || (lp && *lp); line++) {
		char *nl = lp ? strchr(lp, '\n') : NULL;
		char *l = lp && *lp ? xstrndup(lp, nl ? (size_t)(nl - lp) : strlen(lp)) : xstrdup("");
		lp = nl ? nl + 1 : NULL;
		struct strbuf row = STRBUF_INIT;
		char *pl = text_pad(l, TEXT_WIDTH / 2, false);
		sb_puts(&row, pl);
		if (line < right.n)
			centred(&row, right.items[line], TEXT_WIDTH / 2);
		while (row.len && row.buf[row.len - 1] == ' ')
			row.buf[--row.len] = '\0';
		sb_printf(out, "%s\n", row.buf ? row.buf : "");
		sb_free(&row);
		free(pl);
		free(l);
	}
	sl_free(&right);
	sb_free(&left);
}

/* ---- CSV: every table, machine values (ids, '.' decimals) */

/* A title row of one text cell. */
/* The line naming a table: its name, then the periods of its columns in
 * words (the period, the previous one, last year's; as many as given). */
static void csv_title(struct strbuf *out, const struct csv_style *st, const char *title, const char *p,
		      const char *prev, const char *last_year)
{
	const char *cells[4] = { title, p, prev, last_year };
	int n = last_year ? 4 : prev ? 3 : p ? 2 : 1;
	csv_put_row(out, st, cells, NULL, n);
}

static char *rate_text(const struct ind_value *v)
{
	return v->known ? xasprintf("%.2f", v->value) : xstrdup("");
}

void report_write_csv(const struct report *r, bool bom, struct strbuf *out)
{
	struct csv_style st;
	csv_style_configured(&st);
	report_write_csv_style(r, bom, &st, out);
}

void report_write_csv_style(const struct report *r, bool bom, const struct csv_style *st, struct strbuf *out)
{
	if (bom)
		sb_puts(out, "\xEF\xBB\xBF");
	/* The summary: the same columns as `summary --format tsv`, with labels. */
	struct strbuf tsv = STRBUF_INIT;
	summary_write_tsv(&r->summary, &tsv);
	/* The line naming each table also gives its periods in words: the
	 * period, then those of the previous and last_year columns. */
	char *pw = period_words(&r->period), *ppw = period_words(&r->summary.prev),
	     *plw = period_words(&r->summary.last_year);
	csv_title(out, st, "summary", pw, ppw, plw);
	int line = 0;
	for (char *p = tsv.buf; p && *p; line++) {
		char *nl = strchr(p, '\n');
		char *l = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		p = nl ? nl + 1 : p + strlen(p);
		const char *f[10];
		int n = 0;
		char *save = l;
		for (char *t = l; n < 9; n++) {
			char *tab = strchr(t, '\t');
			f[n] = t;
			if (!tab) {
				n++;
				break;
			}
			*tab = '\0';
			t = tab + 1;
		}
		/* indicator, label, then the TSV columns. */
		const char *vals[11];
		/* Text: the indicator, the label and the status (met, not_met). */
		bool number[11] = { false };
		vals[0] = f[0];
		vals[1] = line == 0 ? "label" : r->summary.rows[line - 1].label;
		for (int i = 1; i < n; i++) {
			vals[i + 1] = f[i];
			number[i + 1] = line > 0 && i != 5;
		}
		csv_put_row(out, st, vals, number, n + 1);
		free(save);
	}
	sb_free(&tsv);

	sb_puts(out, st->crlf ? "\r\n" : "\n");
	csv_title(out, st, "groups", pw, NULL, NULL);
	{
		const char *head[4 + BREAKDOWN_RATES];
		head[0] = "group";
		head[1] = "name";
		head[2] = "households";
		head[3] = "residents";
		for (int i = 0; i < BREAKDOWN_RATES; i++)
			head[4 + i] = breakdown_ids[i];
		csv_put_row(out, st, head, NULL, 4 + BREAKDOWN_RATES);
	}
	for (int g = 0; g <= r->breakdown.n; g++) {
		const struct breakdown_row *row = g < r->breakdown.n ? &r->breakdown.rows[g] : &r->breakdown.total;
		char hh[32], res[32];
		snprintf(hh, sizeof hh, "%lld", row->stock.households);
		snprintf(res, sizeof res, "%lld", row->stock.residents);
		const char *vals[4 + BREAKDOWN_RATES];
		char *rates[BREAKDOWN_RATES];
		vals[0] = g < r->breakdown.n ? row->code : "total";
		vals[1] = row->name;
		vals[2] = hh;
		vals[3] = res;
		for (int i = 0; i < BREAKDOWN_RATES; i++)
			vals[4 + i] = rates[i] = rate_text(&row->cell[i].v);
		bool number[4 + BREAKDOWN_RATES];
		for (int i = 0; i < 4 + BREAKDOWN_RATES; i++)
			number[i] = i >= 2;
		csv_put_row(out, st, vals, number, 4 + BREAKDOWN_RATES);
		for (int i = 0; i < BREAKDOWN_RATES; i++)
			free(rates[i]);
	}

	const struct flow_table *tables[] = { &r->incidents, &r->outreach };
	for (int k = 0; k < 2; k++) {
		const struct flow_table *t = tables[k];
		sb_puts(out, st->crlf ? "\r\n" : "\n");
		csv_title(out, st, t->indicator, pw, ppw, plw);
		/* One column per month, then the comparisons. */
		struct strlist head = STRLIST_INIT;
		sl_push(&head, xstrdup(k == 0 ? "category" : "kind"));
		sl_push(&head, xstrdup("label"));
		for (int c = 0; c < t->ncols; c++) {
			char m[32];
			struct period mp = { t->period.first + c, t->period.first + c };
			sl_push(&head, xstrdup(period_format(&mp, m)));
		}
		sl_push(&head, xstrdup("total"));
		sl_push(&head, xstrdup("previous"));
		sl_push(&head, xstrdup("last_year"));
		csv_put_row(out, st, (const char *const *)head.items, NULL, (int)head.n);
		for (int row = 0; row <= t->nrows; row++) {
			bool total = row == t->nrows;
			struct strlist v = STRLIST_INIT;
			sl_push(&v, xstrdup(total ? "total" : t->row_ids[row]));
			sl_push(&v, xstrdup(total ? "" : t->row_labels[row]));
			for (int c = 0; c < t->ncols; c++)
				sl_pushf(&v, "%lld", total ? t->col_total[c] : t->cells[row * t->ncols + c]);
			sl_pushf(&v, "%lld", total ? t->total : t->row_total[row]);
			struct flow_row fr = flow_table_row(t, row);
			sl_pushf(&v, "%lld", fr.previous);
			sl_pushf(&v, "%lld", fr.last_year);
			bool *number = xcalloc(v.n, sizeof *number);
			for (size_t i = 2; i < v.n; i++)
				number[i] = true;
			csv_put_row(out, st, (const char *const *)v.items, number, (int)v.n);
			free(number);
			sl_free(&v);
		}
		sl_free(&head);
	}
	free(pw);
	free(ppw);
	free(plw);
}
