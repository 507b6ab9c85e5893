/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate.c - field parsing and the domain rules (see domain.md, "Checks a
 * careful officer expects").  Messages name the field, the value and the
 * rule; the same text reaches the command line, CSV imports and forms. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "i18n.h"
#include "indicator.h"
#include "period.h"
#include "refcache.h"
#include "settings.h"
#include "text.h"
#include "validate.h"

#define COUNT_MAX 2147483647LL

struct ctx {
	sqlite3 *db;
	struct record *rec;
	const struct record *old;
	struct issues *out;
	ws_date today;
};

/* Set by the screens: see validate_for_screens(). */
static bool for_screens;

void validate_for_screens(bool on)
{
	for_screens = on;
}

static int fidx(const struct ctx *c, const char *name)
{
	return kind_field_index(c->rec->kind, name);
}

static const char *fval(const struct ctx *c, const char *name)
{
	int i = fidx(c, name);
	return i < 0 ? NULL : c->rec->val[i];
}

static void err(struct ctx *c, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void warn(struct ctx *c, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_issue(struct ctx *c, enum severity sev, const char *field, const char *fmt, va_list ap)
{
	char *m = xvasprintf(fmt, ap);
	int i = field ? fidx(c, field) : -1;
	const char *v = i >= 0 ? c->rec->val[i] : NULL;
	if (field) {
		/* The value is echoed as typed or read, so its control characters
		 * are shown escaped, never sent to the terminal; a long one (a
		 * megabyte in a CSV cell) is cut after VALIDATE_SHOWN characters. */
		char *shown = text_printable_capped(v, VALIDATE_SHOWN);
		issues_add(c->out, sev, i, "%s=%s: %s", field, shown, m);
		free(shown);
	} else
		issues_add(c->out, sev, -1, "%s", m);
	free(m);
}

static void err(struct ctx *c, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_issue(c, SEV_ERROR, field, fmt, ap);
	va_end(ap);
}

static void warn(struct ctx *c, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_issue(c, SEV_WARNING, field, fmt, ap);
	va_end(ap);
}

bool validate_count(const char *s, long long *out)
{
	long long v;
	if (!parse_int64(s, &v) || v < 0 || v > COUNT_MAX)
		return false;
	*out = v;
	return true;
}

static long long num(const struct ctx *c, const char *name, bool *has)
{
	long long v = 0;
	const char *s = fval(c, name);
	*has = s && validate_count(s, &v);
	return v;
}

static bool choice_ok(const char *choices, const char *v)
{
	size_t len = strlen(v);
	for (const char *p = choices; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == len && strncmp(p, v, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

static long long lookup_id(sqlite3 *db, const char *table, const char *code)
{
	return refcache_id(db, table, code);
}

/* Parses one field into canonical text; false (with an error) if invalid. */
static bool check_field(struct ctx *c, int i)
{
	const struct field_def *f = &c->rec->kind->fields[i];
	char **v = &c->rec->val[i];
	if (!*v)
		return true;
	/* Every value is text from a person or a file: NFC and trimmed. */
	char *n = text_nfc(*v);
	if (!n) {
		err(c, f->name, "%s", _("the text is not valid UTF-8"));
		return false;
	}
	if (f->flags & FF_LINES) {
		/* paragraphs: CR LF (a file from Windows) is kept as LF */
		char *l = text_normalize_lines(n);
		free(n);
		n = l;
	}
	str_trim(n);
	free(*v);
	*v = n;
	if (!*n) {
		free(*v);
		*v = NULL;
		return true;
	}
	long cc = f->flags & FF_LINES ? text_find_control_lines(n) : text_find_control(n);
	if (cc >= 0 && (f->flags & FF_LINES)) {
		err(c, f->name, _("contains the control character U+%04lX; only line breaks are allowed "
				  "(no tabs, terminal controls or text-direction marks): retype the text without it"), cc);
		return false;
	}
	if (cc >= 0) {
		err(c, f->name, _("contains the control character U+%04lX; line breaks, tabs, terminal "
				  "controls and text-direction marks are not allowed: retype the text without it"), cc);
		return false;
	}
	long long x;
	double d;
	ws_date dt;
	struct period per;
	char buf[40];
	switch (f->type) {
	case FT_TEXT:
		if ((int)text_length(n) > f->maxlen) {
			err(c, f->name, ngettext("too long: at most %d character", "too long: at most %d characters",
						 (unsigned long)f->maxlen), f->maxlen);
			return false;
		}
		break;
	case FT_CODE:
		if ((int)text_length(n) > f->maxlen) {
			err(c, f->name, ngettext("too long: at most %d character", "too long: at most %d characters",
						 (unsigned long)f->maxlen), f->maxlen);
			return false;
		}
		for (const char *p = n; *p; p++) {
			bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
				  (c->rec->kind != kind_find("category") &&
				   ((*p >= 'A' && *p <= 'Z') || *p == '.' || *p == '-'));
			if (!ok) {
				err(c, f->name, "%s", c->rec->kind == kind_find("category")
				    ? _("use only lower-case letters a-z, digits and _")
				    : _("use only letters a-z and A-Z without accents, digits, '.', '-' and '_', without spaces"));
				return false;
			}
		}
		break;
	case FT_COUNT:
		if (!parse_int64(n, &x)) {
			err(c, f->name, "%s", _("not a whole number"));
			return false;
		}
		if (x < 0) {
			err(c, f->name, "%s", _("cannot be negative"));
			return false;
		}
		if (x > COUNT_MAX) {
			err(c, f->name, _("too large: at most %lld"), COUNT_MAX);
			return false;
		}
		snprintf(buf, sizeof buf, "%lld", x);
		record_set(c->rec, i, buf);
		break;
	case FT_DATE:
		if (!date_parse(n, &dt)) {
			err(c, f->name, "%s", _("not a valid date; write YYYY-MM-DD or DD/MM/YYYY"));
			return false;
		}
		if (dt > c->today) {
			char t[11];
			err(c, f->name, _("the date is in the future (today is %s)"), date_dmy(c->today, t));
			return false;
		}
		record_set(c->rec, i, date_iso(dt, buf));
		break;
	case FT_BOOL:
		if (!strcmp(n, "yes") || !strcmp(n, "y") || !strcmp(n, "1") || !strcmp(n, "true") ||
		    !strcmp(n, "có") || !strcmp(n, "co")) {
			record_set(c->rec, i, "yes");
		} else if (!strcmp(n, "no") || !strcmp(n, "n") || !strcmp(n, "0") || !strcmp(n, "false") ||
			   !strcmp(n, "không") || !strcmp(n, "khong")) {
			record_set(c->rec, i, "no");
		} else {
			err(c, f->name, "%s", _("write yes or no"));
			return false;
		}
		break;
	case FT_CHOICE:
		if (!choice_ok(f->choices, n)) {
			err(c, f->name, _("not allowed; one of: %s"), f->choices);
			return false;
		}
		break;
	case FT_GROUP:
		if (!lookup_id(c->db, "rgroup", n)) {
			err(c, f->name, "%s", for_screens ? _("no group has this code (F4 lists the groups)")
							  : _("no group has this code (see 'wardsafe list group')"));
			return false;
		}
		break;
	case FT_CATEGORY:
		if (!lookup_id(c->db, "category", n)) {
			err(c, f->name, "%s", for_screens ? _("no incident category has this code (F4 lists the categories)")
							  : _("no incident category has this code (see 'wardsafe list category')"));
			return false;
		}
		break;
	case FT_YEAR:
		if (!parse_int64(n, &x) || x < 1900 || x > 2100) {
			err(c, f->name, "%s", _("not a year from 1900 to 2100"));
			return false;
		}
		snprintf(buf, sizeof buf, "%lld", x);
		record_set(c->rec, i, buf);
		break;
	case FT_DECIMAL:
		if (!parse_decimal(n, &d)) {
			err(c, f->name, "%s", _("not a number (use a point for decimals, e.g. 74.5)"));
			return false;
		}
		if (d < 0) {
			err(c, f->name, "%s", _("cannot be negative"));
			return false;
		}
		snprintf(buf, sizeof buf, "%.10g", d);
		record_set(c->rec, i, buf);
		break;
	case FT_INDICATOR:
		if (!indicator_find(n)) {
			struct strbuf ids = STRBUF_INIT;
			for (int k = 0; k < indicator_count; k++)
				sb_printf(&ids, "%s%s", k ? ", " : "", indicator_defs[k].id);
			err(c, f->name, _("unknown indicator; one of: %s"), ids.buf);
			sb_free(&ids);
			return false;
		}
		break;
	case FT_PERIOD:
		if (!period_parse(n, &per)) {
			err(c, f->name, "%s", _("not a period; write 2023-09, 2023-Q3, 2023 or 2023-07..2023-09"));
			return false;
		}
		record_set(c->rec, i, period_format(&per, buf));
		break;
	}
	return true;
}

/* Latest population of a group on or before a date; false if none. */
static bool population_at(sqlite3 *db, const char *group, const char *date,
			  long long *households, long long *residents)
{
	long long id = refcache_id(db, "rgroup", group);
	return id && refcache_population(db, id, date, households, residents);
}

static bool need_population(struct ctx *c, long long *h, long long *r)
{
	const char *g = fval(c, "group"), *d = fval(c, "date");
	if (!g || !d)
		return false;
	if (population_at(c->db, g, d, h, r))
		return true;
	err(c, "date", _("group %s has no population recorded on or before this date; "
			 "record its households and residents first"), g);
	return false;
}

/* The SQL of stock_rules for a kind: the record of the same group and date,
 * then for each cumulative field its value before and after the date.
 * Built once per kind (the text depends only on the kind table). */
static const char *stock_sql(const struct kind_def *k, const char *const *fields, int nfields)
{
	static struct { const struct kind_def *k; char *sql; } built[16];
	size_t i = 0;
	for (; i < ARRAY_SIZE(built) && built[i].k; i++)
		if (built[i].k == k)
			return built[i].sql;
	struct strbuf sb = STRBUF_INIT;
	sb_printf(&sb, "SELECT (SELECT id FROM %s WHERE group_id = ?1 AND date = ?2 AND id != ?3)", k->table);
	for (int f = 0; f < nfields; f++)
		for (int dir = 0; dir < 2; dir++)
			sb_printf(&sb, ", (SELECT %s FROM %s WHERE group_id = ?1 AND date %s ?2 AND %s IS NOT NULL "
				  "AND id != ?3 ORDER BY date %s LIMIT 1)",
				  fields[f], k->table, dir ? ">" : "<", fields[f], dir ? "ASC" : "DESC");
	if (i == ARRAY_SIZE(built))
		abort(); /* more stock kinds than slots: enlarge `built` */
	built[i].k = k;
	built[i].sql = sb.buf;
	return sb.buf;
}

/* The rules of stock kinds that look at the other records of the group: one
 * record per group and date, and cumulative counts that do not go down
 * (lower than the one before the date or higher than the one after it).
 * One query answers all of them, since this runs for every imported row. */
static void stock_rules(struct ctx *c, const char *const *fields, int nfields)
{
	const char *g = fval(c, "group"), *d = fval(c, "date");
	if (!g || !d)
		return;
	sqlite3_stmt *st = db_cached(c->db, stock_sql(c->rec->kind, fields, nfields));
	sqlite3_bind_int64(st, 1, lookup_id(c->db, "rgroup", g));
	sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, c->rec->id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_release(st);
		return;
	}
	if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		err(c, "date", _("group %s already has a record of this kind on this date (%s, id %lld); "
				 "edit that one instead"), g, _(c->rec->kind->label), sqlite3_column_int64(st, 0));
	for (int f = 0; f < nfields; f++) {
		bool has;
		long long v = num(c, fields[f], &has);
		if (!has)
			continue;
		int before = 1 + 2 * f, after = before + 1;
		if (sqlite3_column_type(st, before) != SQLITE_NULL && sqlite3_column_int64(st, before) > v)
			warn(c, fields[f], _("lower than the %lld recorded before this date; a cumulative count "
					     "should not go down"), sqlite3_column_int64(st, before));
		if (sqlite3_column_type(st, after) != SQLITE_NULL && sqlite3_column_int64(st, after) < v)
			warn(c, fields[f], _("higher than the %lld recorded after this date; a cumulative count "
					     "should not go down"), sqlite3_column_int64(st, after));
	}
	db_release(st);
}

static void check_ratio(struct ctx *c, long long h, long long r, const char *field)
{
	if (r < h)
		err(c, field, ngettext("fewer residents than the %lld household; each household has at least one person",
				      "fewer residents than the %lld households; each household has at least one person",
				      (unsigned long)h), h);
	else if (h > 0 && (r < 1.5 * h || r > 7.0 * h))
		warn(c, field, _("%.1f people per household is unusual (expected 1.5 to 7)"), (double)r / (double)h);
}

/* Warns on a change to a record dated inside a closed (reported) period. */
static void check_closed(struct ctx *c, const struct record *r)
{
	if (r->kind == kind_find("narrative")) {
		/* the text of a report: closed when its period's first or last
		 * day is (the report was issued) */
		struct period per;
		const char *p = record_get(r, "period");
		if (!p || !period_parse(p, &per))
			return;
		int msd = (int)settings_int(CFG_MONTH_START_DAY);
		char a[11], b[11], closed[64];
		if (refcache_closed(c->db, date_iso(period_start(&per, msd), a), closed, sizeof closed) ||
		    refcache_closed(c->db, date_iso(period_end(&per, msd), b), closed, sizeof closed))
			issues_add(c->out, SEV_WARNING, kind_field_index(r->kind, "period"),
				   _("period=%s: the report of period %s was issued (it is closed); "
				     "the change will be recorded in the audit log"), p, closed);
		return;
	}
	const char *df = r->kind->date_field;
	if (!df || r->kind == kind_find("closing"))
		return;
	const char *d = record_get(r, df);
	if (!d)
		return;
	char period[64];
	if (refcache_closed(c->db, d, period, sizeof period))
		issues_add(c->out, SEV_WARNING, kind_field_index(r->kind, df),
			   _("%s=%s: falls in period %s, which is closed (its report was issued); "
			     "the change will be recorded in the audit log"),
			   df, d, period);
}

static void rules_population(struct ctx *c)
{
	bool hh, hr;
	long long h = num(c, "households", &hh), r = num(c, "residents", &hr);
	if (hh && hr)
		check_ratio(c, h, r, "residents");
	stock_rules(c, NULL, 0);
}

static void rules_survey(struct ctx *c)
{
	bool hs, hw, he;
	long long s = num(c, "surveyed", &hs), w = num(c, "with_extinguisher", &hw);
	long long e = num(c, "extinguishers", &he);
	if (hs && hw && w > s)
		err(c, "with_extinguisher", ngettext("more than the %lld household surveyed",
							   "more than the %lld households surveyed", (unsigned long)s), s);
	if (he && hw && e < w)
		err(c, "extinguishers", ngettext("fewer extinguishers than the %lld household that has one",
							  "fewer extinguishers than the %lld households that have one",
							  (unsigned long)w), w);
	long long h, r;
	if (hs && need_population(c, &h, &r) && s > h)
		err(c, "surveyed", ngettext("more than the %lld household of group %s",
					    "more than the %lld households of group %s", (unsigned long)h), h, fval(c, "group"));
	static const char *const cumulative[] = { "with_extinguisher", "surveyed" };
	stock_rules(c, cumulative, 2);
}

static void rules_commitment(struct ctx *c)
{
	bool hp, ha;
	long long p = num(c, "pccc", &hp), a = num(c, "antt", &ha);
	if (!fval(c, "pccc") && !fval(c, "antt")) {
		err(c, "pccc", _("give the %s, the %s or both"), _("Fire-safety commitments"),
		    _("Security and order pledges"));
		return;
	}
	long long h, r;
	if ((hp || ha) && need_population(c, &h, &r)) {
		if (hp && p > h)
			err(c, "pccc", ngettext("more than the %lld household of group %s",
					       "more than the %lld households of group %s", (unsigned long)h), h,
			    fval(c, "group"));
		if (ha && a > h)
			err(c, "antt", ngettext("more than the %lld household of group %s",
					       "more than the %lld households of group %s", (unsigned long)h), h,
			    fval(c, "group"));
	}
	static const char *const cumulative[] = { "pccc", "antt" };
	stock_rules(c, cumulative, 2);
}

static void rules_app114(struct ctx *c)
{
	bool hi;
	long long n = num(c, "installs", &hi);
	long long h, r;
	if (hi && need_population(c, &h, &r) && n > r)
		warn(c, "installs", ngettext("more app users than the %lld resident of group %s",
						     "more app users than the %lld residents of group %s", (unsigned long)r),
		     r, fval(c, "group"));
	static const char *const cumulative[] = { "installs" };
	stock_rules(c, cumulative, 1);
}

static void rules_positive(struct ctx *c, const char *field)
{
	bool has;
	long long v = num(c, field, &has);
	if (has && v < 1)
		err(c, field, "%s", _("must be at least 1"));
}

static void rules_fireteam(struct ctx *c)
{
	const char *kind = fval(c, "kind");
	bool hh;
	long long h = num(c, "households", &hh);
	if (kind && !strcmp(kind, "team")) {
		if (!fval(c, "households"))
			err(c, "households", "%s", _("a fire-safety team (tổ liên gia) needs its number of households, 5 to 15"));
		else if (hh && (h < 5 || h > 15))
			err(c, "households", "%s", _("a fire-safety team (tổ liên gia) has 5 to 15 households"));
	} else if (kind && !strcmp(kind, "point") && fval(c, "households")) {
		err(c, "households", "%s", _("leave empty for a public fire point"));
	}
	const char *e = fval(c, "established"), *cl = fval(c, "closed");
	if (e && cl && strcmp(cl, e) < 0)
		err(c, "closed", _("before the establishment date %s"), e);
}

static void rules_establishments(struct ctx *c)
{
	bool hm, hw;
	long long m = num(c, "managed", &hm), w = num(c, "with_file", &hw);
	if (hm && hw && w > m)
		err(c, "with_file", ngettext("more than the %lld establishment managed",
						  "more than the %lld establishments managed", (unsigned long)m), m);
	const char *d = fval(c, "date");
	char idbuf[32];
	snprintf(idbuf, sizeof idbuf, "%lld", c->rec->id);
	if (d && db_query_int(c->db, 0, "SELECT id FROM establishments WHERE date = ? AND id != ?", d, idbuf, NULL))
		err(c, "date", "%s", _("there is already an establishments record on this date; edit that one instead"));
}

static void rules_target(struct ctx *c)
{
	const char *ind = fval(c, "indicator"), *v = fval(c, "value"), *y = fval(c, "year");
	const struct indicator_def *def = ind ? indicator_find(ind) : NULL;
	double d;
	if (def && def->type == IT_RATE && v && parse_decimal(v, &d) && d > 100)
		err(c, "value", "%s", _("a rate target is a percentage: at most 100"));
	if (def && def->type != IT_RATE && v && parse_decimal(v, &d) && d != floor(d))
		err(c, "value", "%s", _("a count target is a whole number"));
	char idbuf[32];
	snprintf(idbuf, sizeof idbuf, "%lld", c->rec->id);
	long long other = ind && y ? db_query_int(c->db, 0,
		"SELECT id FROM target WHERE year = ? AND indicator = ? AND id != ?", y, ind, idbuf, NULL) : 0;
	if (other)
		err(c, "indicator", _("a target for %s in %s already exists (id %lld); edit that one instead"), ind, y, other);
}

static void rules_group(struct ctx *c)
{
	const char *code = fval(c, "code");
	char idbuf[32];
	snprintf(idbuf, sizeof idbuf, "%lld", c->rec->id);
	if (code && db_query_int(c->db, 0, "SELECT id FROM rgroup WHERE code = ? AND id != ?", code, idbuf, NULL))
		err(c, "code", "%s", _("another group already has this code"));
	const char *active = fval(c, "active"), *closed = fval(c, "closed");
	if (active && !strcmp(active, "yes") && closed)
		err(c, "closed", "%s", _("an active group has no closing date; set active=no or leave closed empty"));
	if (active && !strcmp(active, "no") && !closed) {
		char t[11];
		record_set_named(c->rec, "closed", date_iso(c->today, t));
	}
	bool hh, hr;
	long long h = num(c, "households", &hh), r = num(c, "residents", &hr);
	if (!c->old && (fval(c, "households") || fval(c, "residents"))) {
		if (!fval(c, "households"))
			err(c, "households", "%s", _("give households together with residents"));
		else if (!fval(c, "residents"))
			err(c, "residents", "%s", _("give residents together with households"));
		else if (hh && hr)
			check_ratio(c, h, r, "residents");
	}
}

static void rules_category(struct ctx *c)
{
	const char *code = fval(c, "code");
	char idbuf[32];
	snprintf(idbuf, sizeof idbuf, "%lld", c->rec->id);
	if (code && db_query_int(c->db, 0, "SELECT id FROM category WHERE code = ? AND id != ?", code, idbuf, NULL))
		err(c, "code", "%s", _("another category already has this code"));
}

static void rules_closing(struct ctx *c)
{
	const char *p = fval(c, "period");
	char idbuf[32];
	snprintf(idbuf, sizeof idbuf, "%lld", c->rec->id);
	if (p && db_query_int(c->db, 0, "SELECT id FROM closing WHERE period = ? AND id != ?", p, idbuf, NULL))
		err(c, "period", "%s", _("this period is already closed"));
}

static void rules_narrative(struct ctx *c)
{
	const char *p = fval(c, "period"), *sec = fval(c, "section");
	char idbuf[32];
	snprintf(idbuf, sizeof idbuf, "%lld", c->rec->id);
	long long other = p && sec ? db_query_int(c->db, 0,
		"SELECT id FROM narrative WHERE period = ? AND section = ? AND id != ?", p, sec, idbuf, NULL) : 0;
	if (other)
		err(c, "section", _("period %s already has a text for this section (id %lld); edit that one instead"),
		    p, other);
}

static void validate(sqlite3 *db, struct record *rec, const struct record *old, struct issues *out,
		     bool closed_checks)
{
	struct ctx c = { db, rec, old, out, date_today() };
	const struct kind_def *k = rec->kind;
	size_t before = issues_count(out, SEV_ERROR);
	bool fields_ok = true;
	for (int i = 0; i < k->nfields; i++) {
		const struct field_def *f = &k->fields[i];
		if (old && (f->flags & FF_INPUT)) {
			if (rec->val[i] && old != rec) {
				err(&c, f->name, "%s", _("applies only when the group is created; record later "
							 "changes as population"));
				fields_ok = false;
			}
			continue;
		}
		if (!check_field(&c, i))
			fields_ok = false;
		if (!rec->val[i] && !old && f->def)
			record_set(rec, i, f->def);
		if (!rec->val[i] && ((f->flags & FF_REQUIRED) || (old && f->def))) {
			err(&c, f->name, "%s", _("is required"));
			fields_ok = false;
		}
	}
	if (!fields_ok || issues_count(out, SEV_ERROR) > before)
		return;
	const char *name = k->name;
	if (!strcmp(name, "population"))
		rules_population(&c);
	else if (!strcmp(name, "survey"))
		rules_survey(&c);
	else if (!strcmp(name, "commitment"))
		rules_commitment(&c);
	else if (!strcmp(name, "app114"))
		rules_app114(&c);
	else if (!strcmp(name, "incident"))
		rules_positive(&c, "count");
	else if (!strcmp(name, "outreach"))
		rules_positive(&c, "sessions");
	else if (!strcmp(name, "fireteam"))
		rules_fireteam(&c);
	else if (!strcmp(name, "establishments"))
		rules_establishments(&c);
	else if (!strcmp(name, "target"))
		rules_target(&c);
	else if (!strcmp(name, "group"))
		rules_group(&c);
	else if (!strcmp(name, "category"))
		rules_category(&c);
	else if (!strcmp(name, "closing"))
		rules_closing(&c);
	else if (!strcmp(name, "narrative"))
		rules_narrative(&c);
	if (!closed_checks)
		return;
	check_closed(&c, rec);
	if (old && rec->kind == kind_find("narrative")) {
		/* moved to another period: the old one's report matters too */
		const char *a = record_get(old, "period"), *b = record_get(rec, "period");
		if (a && b && strcmp(a, b) != 0)
			check_closed(&c, old);
	}
	if (old && old->kind->date_field) {
		const char *a = record_get(old, old->kind->date_field);
		const char *b = record_get(rec, rec->kind->date_field);
		if (a && b && strcmp(a, b) != 0)
			check_closed(&c, old);
	}
}

void validate_record(sqlite3 *db, struct record *rec, const struct record *old, struct issues *out)
{
	validate(db, rec, old, out, true);
}

void validate_stored(sqlite3 *db, struct record *rec, struct issues *out)
{
	validate(db, rec, rec, out, false);
}

void validate_delete(sqlite3 *db, const struct record *old, struct issues *out)
{
	struct record copy;
	record_copy(&copy, old);
	struct ctx c = { db, &copy, old, out, date_today() };
	check_closed(&c, old);
	record_clear(&copy);
}

/* Latest population of the record's group on or before its date (today if
 * no date is typed yet); false if unknown. */
static bool hint_population(sqlite3 *db, const struct record *rec, long long *h, long long *r)
{
	const char *g = record_get(rec, "group"), *d = record_get(rec, "date");
	ws_date dt;
	char buf[11];
	if (!g)
		return false;
	if (!d || !date_parse(d, &dt))
		dt = date_today();
	return population_at(db, g, date_iso(dt, buf), h, r);
}

char *validate_hint(sqlite3 *db, const struct record *rec, int field)
{
	const char *k = rec->kind->name, *f = rec->kind->fields[field].name;
	long long h, r, v;
	const char *unit_h = _("households"), *unit_p = _("people");
	if ((!strcmp(k, "survey") && !strcmp(f, "surveyed")) ||
	    (!strcmp(k, "commitment") && (!strcmp(f, "pccc") || !strcmp(f, "antt")))) {
		if (hint_population(db, rec, &h, &r))
			return xasprintf("≤ %lld %s", h, unit_h);
		return NULL;
	}
	if (!strcmp(k, "survey") && !strcmp(f, "with_extinguisher")) {
		const char *s = record_get(rec, "surveyed");
		if (s && validate_count(s, &v))
			return xasprintf("≤ %lld %s", v, unit_h);
		if (hint_population(db, rec, &h, &r))
			return xasprintf("≤ %lld %s", h, unit_h);
		return NULL;
	}
	if (!strcmp(k, "app114") && !strcmp(f, "installs")) {
		if (hint_population(db, rec, &h, &r))
			return xasprintf("≤ %lld %s", r, unit_p);
		return NULL;
	}
	if ((!strcmp(k, "population") || !strcmp(k, "group")) && !strcmp(f, "residents")) {
		const char *s = record_get(rec, "households");
		if (s && validate_count(s, &v))
			return xasprintf("≥ %lld %s", v, unit_p);
		return NULL;
	}
	if (!strcmp(k, "fireteam") && !strcmp(f, "households")) {
		const char *kind = record_get(rec, "kind");
		return kind && !strcmp(kind, "point") ? xstrdup(_("empty for a fire point"))
						      : xasprintf("5–15 %s", unit_h);
	}
	if (!strcmp(k, "establishments") && !strcmp(f, "with_file")) {
		const char *s = record_get(rec, "managed");
		if (s && validate_count(s, &v))
			return xasprintf("≤ %lld", v);
		return NULL;
	}
	if (!strcmp(k, "target") && !strcmp(f, "value")) {
		const char *ind = record_get(rec, "indicator");
		const struct indicator_def *d = ind ? indicator_find(ind) : NULL;
		if (d && d->type == IT_RATE)
			return xstrdup("0–100 %");
		return NULL;
	}
	return NULL;
}
