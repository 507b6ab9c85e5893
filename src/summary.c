/* SPDX-License-Identifier: GPL-3.0-or-later */
/* summary.c - text and TSV output of summaries. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "numfmt.h"
#include "settings.h"
#include "summary.h"
#include "text.h"

/* Machine form of a value: rates with two decimals (so that 144/721 is
 * 19.97 beside not_met, never 20.0), counts whole. */
static void tsv_value(struct strbuf *out, const struct ind_row *r, const struct ind_value *v)
{
	if (!v->known)
		return;
	if (r->def->type == IT_RATE)
		sb_printf(out, "%.2f", v->value);
	else
		sb_printf(out, "%lld", v->num);
}

const char summary_tsv_header[] =
	"indicator\tnumerator\tdenominator\tvalue\ttarget\tstatus\tmissing\tprevious\tlast_year";

void summary_write_tsv_row(const struct ind_row *r, struct strbuf *out)
{
	text_sb_printable(out, r->id, strlen(r->id), 0);
	sb_putc(out, '\t');
	if (r->def->type == IT_RATE && r->cur.known)
		sb_printf(out, "%lld\t%lld\t", r->cur.num, r->cur.den);
	else
		sb_puts(out, "\t\t");
	tsv_value(out, r, &r->cur);
	sb_putc(out, '\t');
	if (r->has_target)
		sb_printf(out, "%.10g", r->target);
	sb_putc(out, '\t');
	if (r->has_status)
		sb_puts(out, r->met ? "met" : "not_met");
	sb_putc(out, '\t');
	if (r->has_missing)
		sb_printf(out, "%lld", r->missing);
	sb_putc(out, '\t');
	tsv_value(out, r, &r->prev);
	sb_putc(out, '\t');
	tsv_value(out, r, &r->last_year);
	sb_putc(out, '\n');
}

void summary_write_tsv(const struct summary *s, struct strbuf *out)
{
	sb_puts(out, summary_tsv_header);
	sb_putc(out, '\n');
	for (int i = 0; i < s->nrows; i++)
		summary_write_tsv_row(&s->rows[i], out);
}

char *summary_value_text(const struct ind_row *r, const struct ind_value *v)
{
	char buf[32];
	if (!v->known)
		return xstrdup("-");
	if (r->def->type == IT_RATE)
		return xasprintf("%s%%", numfmt_rate(v->value, r->has_target, r->target,
						  r->def->target_is_ceiling, buf));
	return xstrdup(numfmt_int(v->num, buf));
}

const struct ind_row *summary_row(const struct summary *s, const char *id)
{
	for (int i = 0; i < s->nrows; i++)
		if (!strcmp(s->rows[i].id, id))
			return &s->rows[i];
	return NULL;
}

char *summary_incident_sentence(const struct summary *s)
{
	const struct ind_row *r = summary_row(s, "incidents");
	if (!r)
		return xstrdup("");
	long long cur = r->cur.num, prev = r->prev.num, ly = r->last_year.num;
	int months = period_months(&s->period);
	char a[32], b[32], c[32];
	numfmt_int(cur, a);
	numfmt_int(llabs(cur - prev), b);
	numfmt_int(llabs(cur - ly), c);
	char *cmp_prev, *cmp_ly;
	/* Officers say "the previous month" for one month and "the adjacent
	 * 3 months" for longer periods; these are separate messages. */
	if (months == 1 && cur < prev)
		cmp_prev = xasprintf(_("down %s from the previous month"), b);
	else if (months == 1 && cur > prev)
		cmp_prev = xasprintf(_("up %s from the previous month"), b);
	else if (months == 1)
		cmp_prev = xstrdup(_("the same as the previous month"));
	else if (cur < prev)
		cmp_prev = xasprintf(ngettext("down %s from the previous %d month",
					      "down %s from the previous %d months", months), b, months);
	else if (cur > prev)
		cmp_prev = xasprintf(ngettext("up %s from the previous %d month",
					      "up %s from the previous %d months", months), b, months);
	else
		cmp_prev = xasprintf(ngettext("the same as the previous %d month",
					      "the same as the previous %d months", months), months);
	if (cur < ly)
		cmp_ly = xasprintf(_("down %s from the same period last year"), c);
	else if (cur > ly)
		cmp_ly = xasprintf(_("up %s from the same period last year"), c);
	else
		cmp_ly = xstrdup(_("the same as the same period last year"));
	char *r2 = cur == 0 ? xasprintf(_("no incidents, %s; %s"), cmp_prev, cmp_ly)
		   : xasprintf(ngettext("%s incident, %s; %s", "%s incidents, %s; %s", (unsigned long)cur),
			       a, cmp_prev, cmp_ly);
	free(cmp_prev);
	free(cmp_ly);
	return r2;
}

/* Appends a cell of `w` columns. */
static void cell(struct strbuf *out, const char *s, int w, bool right)
{
	char *f = text_fit(s, w, right);
	sb_puts(out, f);
	free(f);
}

/* The text of summary_write_text; `words` writes the periods as a document
 * does ("quý III/2023", report.c) and ends the incident sentence with a
 * full stop. */
static void write_text(const struct summary *s, const char *ward, bool words, struct strbuf *out)
{
	char c1[32], c2[32], c3[32], d1[11], d2[11];
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	char *p = words ? period_words(&s->period) : xstrdup(period_format(&s->period, c1));
	char *pp = words ? period_words(&s->prev) : xstrdup(period_format(&s->prev, c2));
	char *pl = words ? period_words(&s->last_year) : xstrdup(period_format(&s->last_year, c3));
	sb_printf(out, _("Summary for %s (%s to %s)"), p,
		  date_dmy(period_start(&s->period, sd), d1), date_dmy(period_end(&s->period, sd), d2));
	if (ward && *ward)
		sb_printf(out, " - %s", ward);
	if (s->group)
		sb_printf(out, _(" - group %s"), s->group);
	sb_putc(out, '\n');
	sb_printf(out, _("Compared with the previous period %s and the same period last year %s"), pp, pl);
	free(p);
	free(pp);
	free(pl);
	sb_puts(out, "\n\n");

	enum { W_LABEL = 32, W_VAL = 15, W_RATE = 7, W_TGT = 8, W_STAT = 9, W_MISS = 10, W_CMP = 8 };
	cell(out, _("Indicator"), W_LABEL, false);
	sb_putc(out, ' ');
	cell(out, _("Count"), W_VAL, true);
	sb_putc(out, ' ');
	cell(out, _("Value"), W_RATE, true);
	sb_putc(out, ' ');
	cell(out, _("Target"), W_TGT, true);
	sb_putc(out, ' ');
	cell(out, _("Status"), W_STAT, false);
	sb_putc(out, ' ');
	cell(out, _("Missing"), W_MISS, true);
	sb_putc(out, ' ');
	cell(out, _("Previous"), W_CMP, true);
	sb_putc(out, ' ');
	cell(out, _("Last year"), W_CMP + 1, true);
	sb_putc(out, '\n');
	for (int i = 0; i < W_LABEL + W_VAL + W_RATE + W_TGT + W_STAT + W_MISS + 2 * W_CMP + 8; i++)
		sb_puts(out, "─");
	sb_putc(out, '\n');

	for (int i = 0; i < s->nrows; i++) {
		const struct ind_row *r = &s->rows[i];
		bool sub = strchr(r->id, '.') != NULL;
		/* Sub-rows (categories, kinds) only when they hold something. */
		if (sub && !r->cur.num && !r->prev.num && !r->last_year.num)
			continue;
		char *label = xasprintf("%s%s", sub ? "  " : "", r->short_label);
		cell(out, label, W_LABEL, false);
		free(label);
		sb_putc(out, ' ');
		char a[32], b[32];
		char *count = r->def->type == IT_RATE && r->cur.known
			? xasprintf("%s/%s", numfmt_int(r->cur.num, a), numfmt_int(r->cur.den, b))
			: xstrdup("");
		cell(out, count, W_VAL, true);
		free(count);
		sb_putc(out, ' ');
		char *v = summary_value_text(r, &r->cur);
		cell(out, v, W_RATE, true);
		free(v);
		sb_putc(out, ' ');
		char *t = r->has_target ? xasprintf("%s%s", numfmt_num(r->target, a),
						     r->def->type == IT_RATE ? "%" : "")
					: xstrdup("");
		cell(out, t, W_TGT, true);
		free(t);
		sb_putc(out, ' ');
		cell(out, r->has_status ? (r->met ? _("met") : _("not met")) : "", W_STAT, false);
		sb_putc(out, ' ');
		char *m = r->has_missing && r->missing > 0
			? xstrdup(numfmt_int(r->missing, a)) : xstrdup(r->has_missing ? "0" : "");
		cell(out, m, W_MISS, true);
		free(m);
		sb_putc(out, ' ');
		char *pv = summary_value_text(r, &r->prev), *lv = summary_value_text(r, &r->last_year);
		cell(out, pv, W_CMP, true);
		sb_putc(out, ' ');
		cell(out, lv, W_CMP + 1, true);
		free(pv);
		free(lv);
		sb_putc(out, '\n');
	}
	sb_putc(out, '\n');

	/* What officers act on: the numbers still missing, in words. */
	for (int i = 0; i < s->nrows; i++) {
		const struct ind_row *r = &s->rows[i];
		if (r->def->type != IT_RATE || !r->has_missing || r->missing <= 0)
			continue;
		char a[32], t[32];
		sb_printf(out, _("%s: %s %s still missing to reach %s%%"), r->label,
			  numfmt_int(r->missing, a), indicator_unit(r->def, r->missing), numfmt_num(r->target, t));
		sb_putc(out, '\n');
	}
	char *sent = summary_incident_sentence(s);
	sb_printf(out, _("Incidents: %s"), sent);
	sb_puts(out, words ? ".\n" : "\n");
	free(sent);
}

void summary_write_text(const struct summary *s, const char *ward, struct strbuf *out)
{
	write_text(s, ward, false, out);
}

void summary_write_text_words(const struct summary *s, const char *ward, struct strbuf *out)
{
	write_text(s, ward, true, out);
}

char *summary_period_sentence(const struct summary *s)
{
	char d1[11], d2[11];
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	char *p = period_words(&s->period), *pp = period_words(&s->prev), *pl = period_words(&s->last_year);
	char *r = xasprintf(_("Reporting period %s (%s to %s), compared with the previous period %s "
			      "and the same period last year %s."),
			    p, date_dmy(period_start(&s->period, sd), d1), date_dmy(period_end(&s->period, sd), d2),
			    pp, pl);
	free(p);
	free(pp);
	free(pl);
	return r;
}
