/* SPDX-License-Identifier: GPL-3.0-or-later */
/* indicator.c - computing indicators from stocks and flows for a period,
 * the adjacent previous period and the same period a year earlier. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "indicator.h"
#include "kind.h"
#include "settings.h"
#include "text.h"

const struct indicator_def indicator_defs[] = {
	{ "extinguisher", IT_RATE, false, N_("Households with a fire extinguisher"), N_("Households with extinguisher"), N_("households") },
	{ "pccc_commitment", IT_RATE, false, N_("Households that signed the fire-safety commitment"), N_("Fire-safety commitments"), N_("households") },
	{ "antt_commitment", IT_RATE, false, N_("Households that signed the security and order pledge"), N_("Security pledges"), N_("households") },
	{ "app114", IT_RATE, false, N_("Residents using the Báo cháy 114 app"), N_("Báo cháy 114 app users"), N_("people") },
	{ "survey_coverage", IT_RATE, false, N_("Households covered by the extinguisher survey"), N_("Extinguisher survey coverage"), N_("households") },
	{ "establishment_files", IT_RATE, false, N_("Establishments with a complete fire-safety file"), N_("Establishments with a file"), N_("establishments") },
	{ "fire_teams", IT_COUNT, false, N_("Fire-safety teams (tổ liên gia)"), N_("Fire-safety teams"), N_("teams") },
	{ "fire_team_households", IT_COUNT, false, N_("Households in fire-safety teams"), N_("Households in fire teams"), N_("households") },
	{ "fire_points", IT_COUNT, false, N_("Public fire points"), N_("Public fire points"), N_("points") },
	{ "incidents", IT_FLOW, true, N_("Incidents of social disorder"), N_("Incidents"), N_("incidents") },
	{ "outreach", IT_FLOW, false, N_("Outreach sessions"), N_("Outreach sessions"), N_("sessions") },
};
const int indicator_count = (int)ARRAY_SIZE(indicator_defs);

const struct indicator_def *indicator_find(const char *id)
{
	for (int i = 0; i < indicator_count; i++)
		if (strcmp(indicator_defs[i].id, id) == 0)
			return &indicator_defs[i];
	return NULL;
}

/* Targets carry at most three decimals; compare in thousandths of a percent
 * so that "met" and "missing" never disagree through rounding. */
static long long target_milli(double target)
{
	return llround(target * 1000.0);
}

bool indicator_rate_met(long long num, long long den, double target)
{
	return num * 100000LL >= target_milli(target) * den;
}

long long indicator_missing(long long num, long long den, double target)
{
	long long t = target_milli(target) * den;
	long long need = (t + 99999) / 100000;
	return need > num ? need - num : 0;
}

const char *indicator_unit(const struct indicator_def *d, long long n)
{
	/* One ngettext per unit of the rates, so that each is extracted as a
	 * plural entry. */
	unsigned long k = n < 0 ? (unsigned long)-n : (unsigned long)n;
	if (!strcmp(d->unit, "households"))
		return ngettext("household", "households", k);
	if (!strcmp(d->unit, "people"))
		return ngettext("person", "people", k);
	if (!strcmp(d->unit, "establishments"))
		return ngettext("establishment", "establishments", k);
	/* Only rates have a number still missing; the other units are
	 * never written after a number. */
	return _(d->unit);
}

static const char *const outreach_kinds[] = { "radio", "mobile", "meeting", "online", "other" };
static const char *const outreach_labels[] = {
	N_("Outreach over the loudspeaker system"), N_("Mobile outreach"), N_("Outreach meetings"),
	N_("Online outreach"), N_("Other outreach"),
};

static const char *const outreach_short[] = {
	N_("Loudspeaker"), N_("Mobile"), N_("Meetings"), N_("Online"), N_("Other"),
};

int indicator_group_stocks(sqlite3 *db, ws_date end, const char *group, struct group_stock **out)
{
	char e[11];
	date_iso(end, e);
#define LATEST(col, tbl) \
	"(SELECT " col " FROM " tbl " x WHERE x.group_id = g.id AND x.date <= ?1 AND " col \
	" IS NOT NULL ORDER BY x.date DESC, x.id DESC LIMIT 1)"
	const char *sql =
		"SELECT id, code, hh, res, "
		LATEST("surveyed", "survey") ", "
		LATEST("with_extinguisher", "survey") ", "
		LATEST("pccc", "commitment") ", "
		LATEST("antt", "commitment") ", "
		LATEST("installs", "app114") ", "
		"(SELECT count(*) FROM fireteam f WHERE f.group_id = g.id AND f.kind = 'team' "
		" AND f.established <= ?1 AND (f.closed IS NULL OR f.closed > ?1)), "
		"(SELECT sum(households) FROM fireteam f WHERE f.group_id = g.id AND f.kind = 'team' "
		" AND f.established <= ?1 AND (f.closed IS NULL OR f.closed > ?1)), "
		"(SELECT count(*) FROM fireteam f WHERE f.group_id = g.id AND f.kind = 'point' "
		" AND f.established <= ?1 AND (f.closed IS NULL OR f.closed > ?1)) "
		"FROM (SELECT r.id, r.code, p.households AS hh, p.residents AS res FROM rgroup r "
		"      JOIN population p ON p.id = (SELECT id FROM population y WHERE y.group_id = r.id "
		"           AND y.date <= ?1 ORDER BY y.date DESC, y.id DESC LIMIT 1) "
		"      WHERE ((r.closed IS NULL AND r.active = 1) OR r.closed > ?1) "
		"        AND (?2 IS NULL OR r.code = ?2)) g "
		"ORDER BY g.id";
#undef LATEST
	sqlite3_stmt *st = db_cached(db, sql);
	db_bind_text(st, 1, e);
	db_bind_text(st, 2, group);
	int n = 0, cap = 16;
	struct group_stock *v = xmalloc((size_t)cap * sizeof *v);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap *= 2;
			v = xrealloc(v, (size_t)cap * sizeof *v);
		}
		struct group_stock *g = &v[n++];
		memset(g, 0, sizeof *g);
		g->group_id = sqlite3_column_int64(st, 0);
		snprintf(g->code, sizeof g->code, "%s", (const char *)sqlite3_column_text(st, 1));
		long long *fields[] = { &g->households, &g->residents, &g->surveyed, &g->with_extinguisher,
					&g->pccc, &g->antt, &g->installs, &g->teams, &g->team_households,
					&g->points };
		for (int i = 0; i < (int)ARRAY_SIZE(fields); i++)
			*fields[i] = sqlite3_column_int64(st, i + 2); /* NULL reads as 0 */
	}
	db_release(st);
	*out = v;
	return n;
}

/* Everything needed for one period. */
struct totals {
	struct group_stock sum;
	bool estab_known;
	long long managed, with_file;
	long long incidents;
	long long *by_category; /* parallel to the category list */
	long long outreach;
	long long by_kind[ARRAY_SIZE(outreach_kinds)];
};

struct categories {
	int n;
	long long *ids;
	char **codes;
	char **names;
};

static void load_categories(sqlite3 *db, struct categories *c)
{
	memset(c, 0, sizeof *c);
	int n = (int)db_query_int(db, 0, "SELECT count(*) FROM category", NULL);
	c->ids = xcalloc((size_t)n + 1, sizeof *c->ids);
	c->codes = xcalloc((size_t)n + 1, sizeof *c->codes);
	c->names = xcalloc((size_t)n + 1, sizeof *c->names);
	sqlite3_stmt *st = db_cached(db, "SELECT id, code, name FROM category ORDER BY id");
	while (sqlite3_step(st) == SQLITE_ROW && c->n < n) {
		c->ids[c->n] = sqlite3_column_int64(st, 0);
		c->codes[c->n] = xstrdup((const char *)sqlite3_column_text(st, 1));
		/* Names are shown, never looked up: escaped once here (a file of
		 * another program or version may hold control characters). */
		c->names[c->n] = text_printable((const char *)sqlite3_column_text(st, 2));
		c->n++;
	}
	db_release(st);
}

static void free_categories(struct categories *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->codes[i]);
		free(c->names[i]);
	}
	free(c->ids);
	free(c->codes);
	free(c->names);
}

static void compute_totals(sqlite3 *db, const struct period *p, const char *group,
			   const struct categories *cats, struct totals *t)
{
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	ws_date start = period_start(p, sd), end = period_end(p, sd);
	char s[11], e[11];
	date_iso(start, s);
	date_iso(end, e);

	memset(t, 0, sizeof *t);
	t->by_category = xcalloc((size_t)cats->n + 1, sizeof *t->by_category);
	struct group_stock *g;
	int n = indicator_group_stocks(db, end, group, &g);
	for (int i = 0; i < n; i++) {
		t->sum.households += g[i].households;
		t->sum.residents += g[i].residents;
		t->sum.surveyed += g[i].surveyed;
		t->sum.with_extinguisher += g[i].with_extinguisher;
		t->sum.pccc += g[i].pccc;
		t->sum.antt += g[i].antt;
		t->sum.installs += g[i].installs;
		t->sum.teams += g[i].teams;
		t->sum.team_households += g[i].team_households;
		t->sum.points += g[i].points;
	}
	free(g);

	if (!group) {
		sqlite3_stmt *st = db_cached(db,
			"SELECT managed, with_file FROM establishments WHERE date <= ? ORDER BY date DESC LIMIT 1");
		db_bind_text(st, 1, e);
		if (sqlite3_step(st) == SQLITE_ROW) {
			t->estab_known = true;
			t->managed = sqlite3_column_int64(st, 0);
			t->with_file = sqlite3_column_int64(st, 1);
		}
		db_release(st);
	}

	sqlite3_stmt *st = db_cached(db,
		"SELECT category_id, sum(count) FROM incident WHERE date BETWEEN ?1 AND ?2 "
		"AND (?3 IS NULL OR group_id = (SELECT id FROM rgroup WHERE code = ?3)) GROUP BY category_id");
	db_bind_text(st, 1, s);
	db_bind_text(st, 2, e);
	db_bind_text(st, 3, group);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0), v = sqlite3_column_int64(st, 1);
		t->incidents += v;
		for (int i = 0; i < cats->n; i++)
			if (cats->ids[i] == id)
				t->by_category[i] += v;
	}
	db_release(st);

	st = db_cached(db,
		"SELECT kind, sum(sessions) FROM outreach WHERE date BETWEEN ?1 AND ?2 "
		"AND (?3 IS NULL OR group_id = (SELECT id FROM rgroup WHERE code = ?3)) GROUP BY kind");
	db_bind_text(st, 1, s);
	db_bind_text(st, 2, e);
	db_bind_text(st, 3, group);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		long long v = sqlite3_column_int64(st, 1);
		t->outreach += v;
		for (size_t i = 0; i < ARRAY_SIZE(outreach_kinds); i++)
			if (!strcmp(k, outreach_kinds[i]))
				t->by_kind[i] += v;
	}
	db_release(st);
}

static struct ind_value rate(long long num, long long den)
{
	struct ind_value v = { den > 0, num, den, den > 0 ? 100.0 * (double)num / (double)den : 0 };
	return v;
}

static struct ind_value count(long long n, bool known)
{
	struct ind_value v = { known, n, 0, (double)n };
	return v;
}

/* Value of row `i` of the summary from the totals of one period. */
static struct ind_value row_value(const char *id, int sub, const struct totals *t, bool ward_level)
{
	if (!strcmp(id, "extinguisher"))
		return rate(t->sum.with_extinguisher, t->sum.households);
	if (!strcmp(id, "pccc_commitment"))
		return rate(t->sum.pccc, t->sum.households);
	if (!strcmp(id, "antt_commitment"))
		return rate(t->sum.antt, t->sum.households);
	if (!strcmp(id, "app114"))
		return rate(t->sum.installs, t->sum.residents);
	if (!strcmp(id, "survey_coverage"))
		return rate(t->sum.surveyed, t->sum.households);
	if (!strcmp(id, "establishment_files"))
		return t->estab_known ? rate(t->with_file, t->managed) : count(0, false);
	if (!strcmp(id, "fire_teams"))
		return count(t->sum.teams, true);
	if (!strcmp(id, "fire_team_households"))
		return count(t->sum.team_households, true);
	if (!strcmp(id, "fire_points"))
		return count(t->sum.points, true);
	if (!strcmp(id, "incidents"))
		return count(sub < 0 ? t->incidents : t->by_category[sub], true);
	if (!strcmp(id, "outreach"))
		return count(sub < 0 ? t->outreach : t->by_kind[sub], true);
	(void)ward_level;
	return count(0, false);
}

/* The target in force for a period: the target table for the year of the
 * period's last month, else the configured default. */
bool indicator_target(sqlite3 *db, const char *id, const struct period *p, double *out)
{
	char year[16];
	snprintf(year, sizeof year, "%d", p->last / 12);
	sqlite3_stmt *st = db_cached(db, "SELECT value FROM target WHERE year = ? AND indicator = ?");
	db_bind_text(st, 1, year);
	db_bind_text(st, 2, id);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		*out = sqlite3_column_double(st, 0);
	db_release(st);
	if (found)
		return true;
	double d = settings_default_target(id);
	if (d >= 0) {
		*out = d;
		return true;
	}
	return false;
}

bool indicator_value(sqlite3 *db, const char *id, const struct period *p, const char *group,
		     struct ind_value *out)
{
	const char *dot = strchr(id, '.');
	char base[64];
	snprintf(base, sizeof base, "%.*s", dot ? (int)(dot - id) : (int)strlen(id), id);
	if (!indicator_find(base))
		return false;
	struct categories cats;
	load_categories(db, &cats);
	int sub = -1;
	if (dot && !strcmp(base, "incidents")) {
		for (int i = 0; i < cats.n; i++)
			if (!strcmp(cats.codes[i], dot + 1))
				sub = i;
	} else if (dot && !strcmp(base, "outreach")) {
		for (size_t i = 0; i < ARRAY_SIZE(outreach_kinds); i++)
			if (!strcmp(outreach_kinds[i], dot + 1))
				sub = (int)i;
	}
	bool ok = !dot || sub >= 0;
	if (ok) {
		struct totals t;
		compute_totals(db, p, group, &cats, &t);
		*out = row_value(base, sub, &t, !group);
		free(t.by_category);
	}
	free_categories(&cats);
	return ok;
}

void indicator_row_status(struct ind_row *r)
{
	r->has_status = r->has_missing = r->met = false;
	r->missing = 0;
	if (!r->has_target || !r->cur.known)
		return;
	r->has_status = true;
	switch (r->def->type) {
	case IT_RATE:
		r->met = indicator_rate_met(r->cur.num, r->cur.den, r->target);
		r->has_missing = true;
		r->missing = indicator_missing(r->cur.num, r->cur.den, r->target);
		break;
	case IT_COUNT:
	case IT_FLOW:
		if (r->def->target_is_ceiling) {
			r->met = r->cur.value <= r->target;
		} else {
			r->met = r->cur.value >= r->target;
			r->has_missing = true;
			r->missing = r->met ? 0 : (long long)ceil(r->target - r->cur.value);
		}
		break;
	}
}

static void add_row(struct summary *s, int *cap, struct ind_row *r)
{
	if (s->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		s->rows = xrealloc(s->rows, (size_t)*cap * sizeof *s->rows);
	}
	s->rows[s->nrows++] = *r;
}

bool summary_compute(sqlite3 *db, const struct period *p, const char *group,
		     struct summary *out, struct strlist *errors)
{
	memset(out, 0, sizeof *out);
	if (group && !db_query_int(db, 0, "SELECT id FROM rgroup WHERE code = ?", group, NULL)) {
		sl_pushf(errors, _("no group has the code %s"), group);
		return false;
	}
	out->period = *p;
	out->prev = period_previous(p);
	out->last_year = period_last_year(p);
	out->group = group ? xstrdup(group) : NULL;

	struct categories cats;
	load_categories(db, &cats);
	struct totals t[3];
	compute_totals(db, &out->period, group, &cats, &t[0]);
	compute_totals(db, &out->prev, group, &cats, &t[1]);
	compute_totals(db, &out->last_year, group, &cats, &t[2]);

	int cap = 0;
	for (int i = 0; i < indicator_count; i++) {
		const struct indicator_def *d = &indicator_defs[i];
		int nsub = !strcmp(d->id, "incidents") ? cats.n
			 : !strcmp(d->id, "outreach") ? (int)ARRAY_SIZE(outreach_kinds) : 0;
		for (int sub = -1; sub < nsub; sub++) {
			struct ind_row r;
			memset(&r, 0, sizeof r);
			r.def = d;
			if (sub < 0) {
				r.id = xstrdup(d->id);
				r.label = xstrdup(_(d->label));
				r.short_label = xstrdup(_(d->short_label));
			} else if (!strcmp(d->id, "incidents")) {
				r.id = xasprintf("incidents.%s", cats.codes[sub]);
				r.label = xstrdup(cats.names[sub]);
				r.short_label = xstrdup(cats.names[sub]);
			} else {
				r.id = xasprintf("outreach.%s", outreach_kinds[sub]);
				r.label = xstrdup(_(outreach_labels[sub]));
				r.short_label = xstrdup(_(outreach_short[sub]));
			}
			r.cur = row_value(d->id, sub, &t[0], !group);
			r.prev = row_value(d->id, sub, &t[1], !group);
			r.last_year = row_value(d->id, sub, &t[2], !group);
			if (sub < 0)
				r.has_target = indicator_target(db, d->id, p, &r.target);
			indicator_row_status(&r);
			add_row(out, &cap, &r);
		}
	}
	for (int i = 0; i < 3; i++)
		free(t[i].by_category);
	free_categories(&cats);
	return true;
}

void summary_free(struct summary *s)
{
	for (int i = 0; i < s->nrows; i++) {
		free(s->rows[i].id);
		free(s->rows[i].label);
		free(s->rows[i].short_label);
	}
	free(s->rows);
	free(s->group);
	memset(s, 0, sizeof *s);
}
