/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dhis2.c - the DHIS2 data value set export (see dhis2.h and the manual's
 * DHIS2 EXPORT section, which lists the table below). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "clock.h"
#include "date.h"
#include "db.h"
#include "dhis2.h"
#include "i18n.h"
#include "settings.h"

/* Every data element, once.  The codes (and the combo prefixes) are a
 * contract with the province's DHIS2: never change one; add new ones.  The
 * names are DHIS2 metadata, in Vietnamese whatever the interface language
 * (not messages: no _()).  Adding a record kind or a
 * numeric field means adding its line here (and to the manual). */
const struct dhis2_element dhis2_elements[] = {
	{ "WS_POP_HOUSEHOLDS", "population", "households", D2_STOCK, NULL, NULL, NULL, "Số hộ dân" },
	{ "WS_POP_RESIDENTS", "population", "residents", D2_STOCK, NULL, NULL, NULL, "Số nhân khẩu" },
	{ "WS_SURVEY_SURVEYED", "survey", "surveyed", D2_STOCK, NULL, NULL, NULL,
	  "Số hộ được khảo sát bình chữa cháy" },
	{ "WS_SURVEY_WITH_EXT", "survey", "with_extinguisher", D2_STOCK, NULL, NULL, NULL, "Số hộ có bình chữa cháy" },
	{ "WS_SURVEY_EXTINGUISHERS", "survey", "extinguishers", D2_STOCK, NULL, NULL, NULL, "Số bình chữa cháy" },
	{ "WS_COMMIT_PCCC", "commitment", "pccc", D2_STOCK, NULL, NULL, NULL, "Số hộ ký cam kết PCCC" },
	{ "WS_COMMIT_ANTT", "commitment", "antt", D2_STOCK, NULL, NULL, NULL, "Số hộ ký cam kết ANTT" },
	{ "WS_APP114_INSTALLS", "app114", "installs", D2_STOCK, NULL, NULL, NULL, "Số người dùng ứng dụng Báo cháy 114" },
	{ "WS_INCIDENTS", "incident", "count", D2_FLOW, "category", NULL, "WS_INC_", "Số vụ việc về trật tự xã hội" },
	{ "WS_OUTREACH_SESSIONS", "outreach", "sessions", D2_FLOW, "kind", NULL, "WS_OUT_", "Số buổi tuyên truyền" },
	{ "WS_FIRE_TEAMS", "fireteam", NULL, D2_ACTIVE, NULL, "team", NULL, "Số tổ liên gia an toàn PCCC" },
	{ "WS_FIRE_TEAM_HOUSEHOLDS", "fireteam", "households", D2_ACTIVE, NULL, "team", NULL,
	  "Số hộ trong tổ liên gia an toàn PCCC" },
	{ "WS_FIRE_POINTS", "fireteam", NULL, D2_ACTIVE, NULL, "point", NULL, "Số điểm chữa cháy công cộng" },
	{ "WS_EST_MANAGED", "establishments", "managed", D2_STOCK, NULL, NULL, NULL, "Số cơ sở thuộc diện quản lý PCCC" },
	{ "WS_EST_WITH_FILE", "establishments", "with_file", D2_STOCK, NULL, NULL, NULL, "Số cơ sở có hồ sơ PCCC đầy đủ" },
};
const int dhis2_element_count = (int)ARRAY_SIZE(dhis2_elements);

bool dhis2_kind_exported(const struct kind_def *k)
{
	for (int i = 0; i < dhis2_element_count; i++)
		if (!strcmp(dhis2_elements[i].kind, k->name))
			return true;
	return false;
}

const char *dhis2_kind_names(void)
{
	static char buf[256];
	if (!buf[0])
		for (int i = 0; i < kind_count; i++)
			if (dhis2_kind_exported(kinds[i])) {
				if (buf[0])
					strcat(buf, ", ");
				strcat(buf, kinds[i]->name);
			}
	return buf;
}

char *dhis2_timestamp(char *buf)
{
	struct ws_clock now;
	clock_now(&now);
	clock_format(&now, 'T', buf);
	/* The offset of the local time zone at that local time. */
	struct tm tm = { .tm_year = DATE_Y(now.date) - 1900, .tm_mon = DATE_M(now.date) - 1,
			 .tm_mday = DATE_D(now.date), .tm_hour = now.hour, .tm_min = now.minute,
			 .tm_sec = now.second, .tm_isdst = -1 };
	long off = 0;
	if (mktime(&tm) != (time_t)-1)
		off = tm.tm_gmtoff;
	long a = off < 0 ? -off : off;
	snprintf(buf + 19, 13, "%c%02ld:%02ld", off < 0 ? '-' : '+', (a / 3600) % 100, (a / 60) % 60);
	return buf;
}

/* One data value before the merge: a record's contribution. */
struct dv {
	const struct dhis2_element *de;
	int month;       /* year*12 + month-1, as in period.h */
	char *orgunit;   /* owned */
	char *coc;       /* owned; "" for the default combo */
	char date[11];   /* the record's date: for stocks, the latest wins */
	long long id;
	long long value;
	bool gone;       /* a key that a change since --since took a value from */
};

struct dvs {
	struct dv *v;
	size_t n, cap;
	const struct period *only; /* months kept, or NULL */
	bool gone;                 /* what dv_push pushes: gone keys */
};

static void dv_push(struct dvs *s, const struct dhis2_element *de, int month, const char *orgunit,
		    const char *coc, const char *date, long long id, long long value)
{
	if (s->only && (month < s->only->first || month > s->only->last))
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	struct dv *d = &s->v[s->n++];
	d->de = de;
	d->month = month;
	d->orgunit = xstrdup(orgunit);
	d->coc = xstrdup(coc ? coc : "");
	snprintf(d->date, sizeof d->date, "%s", date ? date : "");
	d->id = id;
	d->value = value;
	d->gone = s->gone;
}

static void dvs_free(struct dvs *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].orgunit);
		free(s->v[i].coc);
	}
	free(s->v);
}

/* The order of the file: data element code, period, org unit, combo; then,
 * inside one key, the records in time order (the last is the latest). */
static int cmp_key(const struct dv *a, const struct dv *b)
{
	int c = strcmp(a->de->code, b->de->code);
	if (!c)
		c = (a->month > b->month) - (a->month < b->month);
	if (!c)
		c = strcmp(a->orgunit, b->orgunit);
	if (!c)
		c = strcmp(a->coc, b->coc);
	return c;
}

static int cmp_dv(const void *x, const void *y)
{
	const struct dv *a = x, *b = y;
	int c = cmp_key(a, b);
	if (!c)
		c = strcmp(a->date, b->date);
	if (!c)
		c = (a->id > b->id) - (a->id < b->id);
	return c;
}

/* The org unit of a record: the ward's code, or WARD-GROUP (new string). */
static char *orgunit(const char *ward, const char *group)
{
	return group ? xasprintf("%s-%s", ward, group) : xstrdup(ward);
}

static const char *column_of(const struct kind_def *k, const char *field)
{
	int i = kind_field_index(k, field);
	return i >= 0 ? k->fields[i].column : NULL;
}

/* Steps a statement to its end; false (with a message) on an error. */
static bool step_done(sqlite3 *db, int rc, struct strlist *errors)
{
	if (rc == SQLITE_DONE)
		return true;
	db_error(db, errors, _("reading the records failed"));
	return false;
}

/* The rows of kind k as table x: the table itself, or, with since, the
 * rows as they were before every change or deletion since that day, from
 * the audit log (whose old values are JSON objects by column). */
static void source(struct strbuf *sql, const struct kind_def *k, const char *since)
{
	if (!since) {
		sb_printf(sql, " FROM %s x", k->table);
		return;
	}
	sb_puts(sql, " FROM (SELECT row_id AS id");
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].column && strcmp(k->fields[i].column, "id") != 0)
			sb_printf(sql, ", json_extract(old, '$.%s') AS %s", k->fields[i].column, k->fields[i].column);
	sb_printf(sql, " FROM audit WHERE tbl = '%s' AND action IN ('update', 'delete') AND at >= ?1) x", k->table);
}

/* Stocks and flows: one contribution per record, from SQL built from the
 * kind table; with since, the keys that changed records gave. */
static bool collect_records(sqlite3 *db, const struct dhis2_element *de, const char *ward, int sd,
			    const char *since, struct dvs *out, struct strlist *errors)
{
	const struct kind_def *k = kind_find(de->kind);
	const char *col = column_of(k, de->field), *date = column_of(k, k->date_field);
	const char *grp = column_of(k, "group");
	struct strbuf sql = STRBUF_INIT;
	sb_printf(&sql, "SELECT %s, x.%s, x.id, x.%s, ", grp ? "g.code" : "NULL", date, col);
	if (!de->by)
		sb_puts(&sql, "NULL");
	else if (k->fields[kind_field_index(k, de->by)].type == FT_CATEGORY)
		sb_printf(&sql, "'%s' || (SELECT code FROM category c WHERE c.id = x.%s)", de->coc,
			  column_of(k, de->by));
	else
		sb_printf(&sql, "'%s' || x.%s", de->coc, column_of(k, de->by));
	source(&sql, k, since);
	if (grp)
		sb_printf(&sql, " LEFT JOIN rgroup g ON g.id = x.%s", grp);
	sb_printf(&sql, " WHERE x.%s IS NOT NULL", col);
	if (grp && since) /* a group deleted since: its org unit is unknown */
		sb_printf(&sql, " AND (x.%s IS NULL OR g.id IS NOT NULL)", grp);
	sqlite3_stmt *st = db_prepare(db, sql.buf);
	sb_free(&sql);
	if (since)
		db_bind_text(st, 1, since);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(st, 0);
		const char *d = (const char *)sqlite3_column_text(st, 1);
		ws_date dt;
		if (!d || !date_parse(d, &dt))
			continue; /* the CHECK constraints make this impossible */
		char *ou = orgunit(ward, g);
		dv_push(out, de, period_of_date(dt, sd).first, ou, (const char *)sqlite3_column_text(st, 4), d,
			sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3));
		free(ou);
	}
	bool ok = step_done(db, rc, errors);
	sqlite3_finalize(st);
	return ok;
}

/* The latest (`latest`) or earliest date of any record, fire teams'
 * closing or founding dates included; false when there is none. */
static bool record_date_bound(sqlite3 *db, bool latest, ws_date *out)
{
	const char *agg = latest ? "max" : "min";
	struct strbuf sql = STRBUF_INIT;
	sb_printf(&sql, "SELECT %s(d) FROM (", agg);
	for (int i = 0; i < kind_count; i++)
		if (kinds[i]->date_field)
			sb_printf(&sql, "SELECT %s(%s) AS d FROM %s UNION ALL ", agg,
				  column_of(kinds[i], kinds[i]->date_field), kinds[i]->table);
	sb_printf(&sql, "SELECT %s(%s) FROM fireteam)", agg, latest ? "closed" : "established");
	sqlite3_stmt *st = db_prepare(db, sql.buf);
	sb_free(&sql);
	bool found = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
		     date_parse((const char *)sqlite3_column_text(st, 0), out);
	sqlite3_finalize(st);
	return found;
}

/* The last month with data: the month of the latest date of any record
 * (fire teams' closing dates too); -1 when there is none. */
static int last_month(sqlite3 *db, int sd)
{
	ws_date d;
	return record_date_bound(db, true, &d) ? period_of_date(d, sd).first : -1;
}

struct team {
	char established[11], closed[11];
	long long households;
};

/* Fire teams or points of one group at the end of every month from the
 * month of its first one to `last`, while the group is active then (as in
 * the summaries: active and not closed, or closed after that day). */
static void count_group(const struct dhis2_element *de, const char *ou, bool active, const char *gclosed,
			const struct team *t, size_t n, int last, int sd, struct dvs *out)
{
	int first = last + 1;
	for (size_t i = 0; i < n; i++) {
		ws_date d;
		if (date_parse(t[i].established, &d) && period_of_date(d, sd).first < first)
			first = period_of_date(d, sd).first;
	}
	for (int m = first; m <= last; m++) {
		struct period p = { m, m };
		char end[11];
		date_iso(period_end(&p, sd), end);
		if (!(gclosed ? strcmp(gclosed, end) > 0 : active))
			continue;
		long long v = 0;
		for (size_t i = 0; i < n; i++)
			if (strcmp(t[i].established, end) <= 0 && (!t[i].closed[0] || strcmp(t[i].closed, end) > 0))
				v += de->field ? t[i].households : 1;
		dv_push(out, de, m, ou, NULL, end, 0, v);
	}
}

static bool collect_active(sqlite3 *db, const struct dhis2_element *de, const char *ward, int sd,
			   struct dvs *out, struct strlist *errors)
{
	int last = last_month(db, sd);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT g.id, g.code, g.active, g.closed, x.established, x.closed, x.households "
		"FROM fireteam x JOIN rgroup g ON g.id = x.group_id WHERE x.kind = ? ORDER BY g.id, x.id");
	db_bind_text(st, 1, de->only);
	struct team *t = NULL;
	size_t n = 0, cap = 0;
	long long gid = 0;
	char *ou = NULL, *gclosed = NULL;
	bool active = false;
	int rc;
	for (;;) {
		rc = sqlite3_step(st);
		long long id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		if (n && id != gid) {
			count_group(de, ou, active, gclosed, t, n, last, sd, out);
			n = 0;
		}
		if (rc != SQLITE_ROW)
			break;
		if (id != gid) {
			gid = id;
			free(ou);
			free(gclosed);
			ou = orgunit(ward, (const char *)sqlite3_column_text(st, 1));
			active = sqlite3_column_int(st, 2) != 0;
			gclosed = sqlite3_column_text(st, 3) ? xstrdup((const char *)sqlite3_column_text(st, 3)) : NULL;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			t = xrealloc(t, cap * sizeof *t);
		}
		const char *e = (const char *)sqlite3_column_text(st, 4), *c = (const char *)sqlite3_column_text(st, 5);
		snprintf(t[n].established, sizeof t[n].established, "%s", e ? e : "");
		snprintf(t[n].closed, sizeof t[n].closed, "%s", c ? c : "");
		t[n].households = sqlite3_column_int64(st, 6);
		n++;
	}
	bool ok = step_done(db, rc, errors);
	sqlite3_finalize(st);
	free(t);
	free(ou);
	free(gclosed);
	return ok;
}

/* With --since: the keys of the fire teams or points changed or deleted
 * since then, as they were before: every month from the one the team was
 * established in to the last with data (or the month it closed). */
static bool collect_active_gone(sqlite3 *db, const struct dhis2_element *de, const char *ward, int sd,
				const char *since, struct dvs *out, struct strlist *errors)
{
	int last = last_month(db, sd);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT g.code, json_extract(a.old, '$.established'), json_extract(a.old, '$.closed') "
		"FROM audit a JOIN rgroup g ON g.id = json_extract(a.old, '$.group_id') "
		"WHERE a.tbl = 'fireteam' AND a.action IN ('update', 'delete') AND a.at >= ?1 "
		"AND json_extract(a.old, '$.kind') = ?2");
	db_bind_text(st, 1, since);
	db_bind_text(st, 2, de->only);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *e = (const char *)sqlite3_column_text(st, 1), *c = (const char *)sqlite3_column_text(st, 2);
		ws_date d;
		if (!e || !date_parse(e, &d))
			continue;
		int to = last;
		ws_date cd;
		if (c && date_parse(c, &cd) && period_of_date(cd, sd).first < to)
			to = period_of_date(cd, sd).first;
		char *ou = orgunit(ward, (const char *)sqlite3_column_text(st, 0));
		for (int m = period_of_date(d, sd).first; m <= to; m++)
			dv_push(out, de, m, ou, NULL, "", 0, 0);
		free(ou);
	}
	bool ok = step_done(db, rc, errors);
	sqlite3_finalize(st);
	return ok;
}

/* The ward's code into *code; DHIS2_REFUSED (with a message) when there
 * is none. */
static enum dhis2_result ward_code(sqlite3 *db, char **code, struct strlist *errors)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT code FROM ward WHERE id = 1");
	int rc = sqlite3_step(st);
	*code = NULL;
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) && *sqlite3_column_text(st, 0))
		*code = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && !step_done(db, rc, errors))
		return DHIS2_FAILED;
	if (rc != SQLITE_ROW)
		sl_push(errors, xstrdup(_("there is no ward record, and DHIS2 needs the ward's code as its "
					  "organisation unit; add it with: wardsafe add ward name=NAME code=CODE")));
	else if (!*code)
		sl_push(errors, xstrdup(_("the ward has no code, and DHIS2 needs it as the ward's organisation "
					  "unit (WARDCODE-GROUPCODE for the groups); set it with: "
					  "wardsafe edit ward 1 code=CODE")));
	return *code ? DHIS2_DONE : DHIS2_REFUSED;
}

enum dhis2_result dhis2_export(sqlite3 *db, const struct dhis2_opts *o, struct strbuf *out,
			       struct strlist *errors)
{
	/* One read transaction: every query sees the same records. */
	if (!db_exec(db, "BEGIN", errors))
		return DHIS2_FAILED;
	char *ward;
	enum dhis2_result r = ward_code(db, &ward, errors);
	if (r != DHIS2_DONE) {
		db_rollback(db);
		return r;
	}
	int sd = (int)settings_int(CFG_MONTH_START_DAY);
	struct dvs all = { NULL, 0, 0, o->period, false };
	bool ok = true;
	for (int i = 0; i < dhis2_element_count && ok; i++) {
		const struct dhis2_element *de = &dhis2_elements[i];
		if (o->kind && strcmp(o->kind->name, de->kind) != 0)
			continue;
		if (de->how == D2_ACTIVE)
			ok = collect_active(db, de, ward, sd, &all, errors);
		else
			ok = collect_records(db, de, ward, sd, NULL, &all, errors);
		if (ok && o->since) {
			all.gone = true;
			if (de->how == D2_ACTIVE)
				ok = collect_active_gone(db, de, ward, sd, o->since, &all, errors);
			else
				ok = collect_records(db, de, ward, sd, o->since, &all, errors);
			all.gone = false;
		}
	}
	db_rollback(db);
	free(ward);
	if (!ok) {
		dvs_free(&all);
		return DHIS2_FAILED;
	}
	if (all.n)
		qsort(all.v, all.n, sizeof *all.v, cmp_dv);
	sb_puts(out, DHIS2_HEADER "\n");
	for (size_t i = 0; i < all.n;) {
		/* The records of one key: a stock takes the latest, a flow the sum;
		 * a key that only changes since --since gave is deleted. */
		size_t j = i;
		long long v = 0;
		bool any = false;
		for (; j < all.n && !cmp_key(&all.v[i], &all.v[j]); j++) {
			if (all.v[j].gone)
				continue;
			v = any && all.v[j].de->how == D2_FLOW ? v + all.v[j].value : all.v[j].value;
			any = true;
		}
		char period[16], value[32] = "";
		snprintf(period, sizeof period, "%04d%02d", (all.v[i].month / 12) % 10000, all.v[i].month % 12 + 1);
		if (any)
			snprintf(value, sizeof value, "%lld", v);
		const char *row[] = { all.v[i].de->code, period, all.v[i].orgunit, all.v[i].coc, "", value,
				      o->storedby, o->lastupdated, "", "false", any ? "false" : "true" };
		csv_write_row(out, row, (int)ARRAY_SIZE(row), ',');
		i = j;
	}
	dvs_free(&all);
	return DHIS2_DONE;
}

/* ---- DHIS2 metadata (/api/metadata JSON).  Field names and enums as in
 * dhis2-core's schema classes (dhis-2/dhis-api/src/main/java/org/hisp/dhis/):
 * dataelement/DataElement.java (domainType: DataElementDomain AGGREGATE;
 * valueType: common/ValueType.java INTEGER_ZERO_OR_POSITIVE;
 * aggregationType: analytics/AggregationType.java SUM, LAST -- LAST, the
 * last value summed over org units, is in the current releases (and in
 * dhis2-android-sdk's common/AggregationType.kt), not in old copies),
 * category/Category*.java (dataDimensionType: common/DataDimensionType.java
 * DISAGGREGATION), organisationunit/OrganisationUnit.java (parent,
 * openingDate, closedDate), dataset/DataSet.java (periodType,
 * dataSetElements), indicator/Indicator.java and IndicatorType.java
 * (numerator, denominator, factor, number). */

/* The UID alphabet of dhis2-core's common/CodeGenerator.java: a letter,
 * then ten letters or digits. */
static const char uid_letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
static const char uid_chars[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* FNV-1a, 64 bits, then the splitmix64 finaliser for the low digits. */
static unsigned long long uid_hash(const char *type, const char *code, unsigned long long seed)
{
	unsigned long long h = 14695981039346656037ULL ^ seed;
	for (const char *s = type; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	h = (h ^ 0xffu) * 1099511628211ULL; /* a separator no code holds */
	for (const char *s = code; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}

/* The UIDs are a contract like the codes: a second export, of any later
 * version, must give the same ones, so that DHIS2 updates its objects. */
char *dhis2_uid(const char *type, const char *code, char *buf)
{
	unsigned long long a = uid_hash(type, code, 0), b = uid_hash(type, code, 0x5741524453414645ULL);
	buf[0] = uid_letters[a % 52];
	a /= 52;
	for (int i = 1; i < 6; i++, a /= 62)
		buf[i] = uid_chars[a % 62];
	for (int i = 6; i < 11; i++, b /= 62)
		buf[i] = uid_chars[b % 62];
	buf[11] = '\0';
	return buf;
}

/* A JSON string: quotes, backslashes and control characters escaped; the
 * rest (UTF-8) as is. */
static void json_str(struct strbuf *sb, const char *s)
{
	sb_putc(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			sb_putc(sb, '\\');
			sb_putc(sb, (char)c);
		} else if (c == '\n')
			sb_puts(sb, "\\n");
		else if (c == '\t')
			sb_puts(sb, "\\t");
		else if (c == '\r')
			sb_puts(sb, "\\r");
		else if (c < 0x20 || c == 0x7f)
			sb_printf(sb, "\\u%04x", c);
		else
			sb_putc(sb, (char)c);
	}
	sb_putc(sb, '"');
}

/* The first max characters of UTF-8 text s (DHIS2's shortName: 50). */
static char *utf8_prefix(const char *s, int max)
{
	const char *p = s;
	for (int n = 0; *p && n < max; n++)
		do
			p++;
		while (((unsigned char)*p & 0xc0) == 0x80);
	return xasprintf("%.*s", (int)(p - s), s);
}

/* A reference {"id": ..., "code": ...}: it resolves with either
 * preheatIdentifier. */
static void json_ref(struct strbuf *sb, const char *type, const char *code)
{
	char uid[12];
	sb_printf(sb, "{\"id\": \"%s\", \"code\": ", dhis2_uid(type, code, uid));
	json_str(sb, code);
	sb_putc(sb, '}');
}

/* The start of an object of type with its id, code, name and shortName;
 * the caller adds fields and the closing brace. */
static void json_object_start(struct strbuf *sb, bool *first, const char *type, const char *code, const char *name)
{
	char uid[12];
	sb_puts(sb, *first ? "\n    {" : ",\n    {");
	*first = false;
	sb_printf(sb, "\"id\": \"%s\", \"code\": ", dhis2_uid(type, code, uid));
	json_str(sb, code);
	sb_puts(sb, ", \"name\": ");
	json_str(sb, name);
	char *sn = utf8_prefix(name, 50);
	sb_puts(sb, ", \"shortName\": ");
	json_str(sb, sn);
	free(sn);
}

static const struct {
	const char *code, *name;
} outreach_kinds[] = {
	{ "radio", "Tuyên truyền qua hệ thống truyền thanh" }, { "mobile", "Tuyên truyền lưu động" },
	{ "meeting", "Tuyên truyền tại hội nghị" }, { "online", "Tuyên truyền trực tuyến (Zalo, Facebook)" },
	{ "other", "Hình thức tuyên truyền khác" },
};

/* A rate as DHIS2 computes an indicator: numerator / denominator * 100,
 * over the data elements' values (indicator.c: the same parts). */
static const struct {
	const char *id, *name, *num, *den;
} rates[] = {
	{ "extinguisher", "Tỷ lệ hộ có bình chữa cháy", "WS_SURVEY_WITH_EXT", "WS_POP_HOUSEHOLDS" },
	{ "pccc_commitment", "Tỷ lệ hộ ký cam kết PCCC", "WS_COMMIT_PCCC", "WS_POP_HOUSEHOLDS" },
	{ "antt_commitment", "Tỷ lệ hộ ký cam kết ANTT", "WS_COMMIT_ANTT", "WS_POP_HOUSEHOLDS" },
	{ "app114", "Tỷ lệ người dân dùng ứng dụng Báo cháy 114", "WS_APP114_INSTALLS", "WS_POP_RESIDENTS" },
	{ "survey_coverage", "Tỷ lệ hộ được khảo sát bình chữa cháy", "WS_SURVEY_SURVEYED", "WS_POP_HOUSEHOLDS" },
	{ "establishment_files", "Tỷ lệ cơ sở có hồ sơ PCCC đầy đủ", "WS_EST_WITH_FILE", "WS_EST_MANAGED" },
};

static const struct dhis2_element *element_find(const char *code)
{
	for (int i = 0; i < dhis2_element_count; i++)
		if (!strcmp(dhis2_elements[i].code, code))
			return &dhis2_elements[i];
	return NULL;
}

/* One option of a disaggregation: its code (WS_INC_theft) and name. */
struct option {
	char *code, *name;
};

struct disagg {
	const char *code, *name; /* the category and its combo: WS_INC */
	struct option *o;
	size_t n;
};

static void disagg_push(struct disagg *d, const char *code, const char *name, const char *what)
{
	d->o = xrealloc(d->o, (d->n + 1) * sizeof *d->o);
	d->o[d->n].code = xasprintf("%s_%s", d->code, code);
	d->o[d->n].name = what ? xasprintf("%s (%s)", name, what) : xstrdup(name);
	d->n++;
}

static void disagg_free(struct disagg *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->o[i].code);
		free(d->o[i].name);
	}
	free(d->o);
}

/* The first day of the year of the earliest record: the opening date of
 * the organisation units (buf of 11); today when there is none. */
static void opening_date(sqlite3 *db, char *buf)
{
	ws_date d;
	if (record_date_bound(db, false, &d))
		snprintf(buf, 11, "%04u-01-01", (unsigned)DATE_Y(d) % 10000u);
	else {
		struct ws_clock now;
		clock_now(&now);
		date_iso(now.date, buf);
	}
}

enum dhis2_result dhis2_metadata(sqlite3 *db, const char *parent, struct strbuf *out, struct strlist *errors)
{
	if (!db_exec(db, "BEGIN", errors))
		return DHIS2_FAILED;
	char *ward;
	enum dhis2_result r = ward_code(db, &ward, errors);
	if (r != DHIS2_DONE) {
		db_rollback(db);
		return r;
	}
	struct disagg dis[2] = { { "WS_INC", "Loại vụ việc", NULL, 0 }, { "WS_OUT", "Hình thức tuyên truyền", NULL, 0 } };
	sqlite3_stmt *st = db_prepare(db, "SELECT code, name FROM category ORDER BY code");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		disagg_push(&dis[0], (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
			    "vụ việc");
	sqlite3_finalize(st);
	bool ok = step_done(db, rc, errors);
	for (size_t i = 0; i < ARRAY_SIZE(outreach_kinds); i++)
		disagg_push(&dis[1], outreach_kinds[i].code, outreach_kinds[i].name, NULL);

	struct strbuf ous = STRBUF_INIT; /* organisation units */
	struct strlist oucodes = STRLIST_INIT;
	char opening[11];
	opening_date(db, opening);
	bool first = true;
	st = db_prepare(db, "SELECT name FROM ward WHERE id = 1");
	if (sqlite3_step(st) == SQLITE_ROW) {
		json_object_start(&ous, &first, "organisationUnit", ward, (const char *)sqlite3_column_text(st, 0));
		sb_printf(&ous, ", \"openingDate\": \"%s\"", opening);
		if (parent) {
			sb_puts(&ous, ", \"parent\": {\"code\": ");
			json_str(&ous, parent);
			sb_putc(&ous, '}');
		}
		sb_putc(&ous, '}');
		sl_push(&oucodes, xstrdup(ward));
	}
	sqlite3_finalize(st);
	st = db_prepare(db, "SELECT code, name, closed FROM rgroup ORDER BY code");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *code = orgunit(ward, (const char *)sqlite3_column_text(st, 0));
		json_object_start(&ous, &first, "organisationUnit", code, (const char *)sqlite3_column_text(st, 1));
		sb_printf(&ous, ", \"openingDate\": \"%s\"", opening);
		if (sqlite3_column_text(st, 2))
			sb_printf(&ous, ", \"closedDate\": \"%s\"", (const char *)sqlite3_column_text(st, 2));
		sb_puts(&ous, ", \"parent\": ");
		json_ref(&ous, "organisationUnit", ward);
		sb_putc(&ous, '}');
		sl_push(&oucodes, code);
	}
	sqlite3_finalize(st);
	ok = ok && step_done(db, rc, errors);
	db_rollback(db);
	if (!ok) {
		disagg_free(&dis[0]);
		disagg_free(&dis[1]);
		sb_free(&ous);
		sl_free(&oucodes);
		free(ward);
		return DHIS2_FAILED;
	}

	sb_puts(out, "{\n  \"categoryOptions\": [");
	first = true;
	for (int d = 0; d < 2; d++)
		for (size_t i = 0; i < dis[d].n; i++) {
			json_object_start(out, &first, "categoryOption", dis[d].o[i].code, dis[d].o[i].name);
			sb_putc(out, '}');
		}
	sb_puts(out, "\n  ],\n  \"categories\": [");
	first = true;
	for (int d = 0; d < 2; d++) {
		json_object_start(out, &first, "category", dis[d].code, dis[d].name);
		sb_puts(out, ", \"dataDimensionType\": \"DISAGGREGATION\", \"categoryOptions\": [");
		for (size_t i = 0; i < dis[d].n; i++) {
			if (i)
				sb_puts(out, ", ");
			json_ref(out, "categoryOption", dis[d].o[i].code);
		}
		sb_puts(out, "]}");
	}
	sb_puts(out, "\n  ],\n  \"categoryCombos\": [");
	first = true;
	for (int d = 0; d < 2; d++) {
		json_object_start(out, &first, "categoryCombo", dis[d].code, dis[d].name);
		sb_puts(out, ", \"dataDimensionType\": \"DISAGGREGATION\", \"categories\": [");
		json_ref(out, "category", dis[d].code);
		sb_puts(out, "]}");
	}
	sb_puts(out, "\n  ],\n  \"categoryOptionCombos\": [");
	first = true;
	for (int d = 0; d < 2; d++)
		for (size_t i = 0; i < dis[d].n; i++) {
			json_object_start(out, &first, "categoryOptionCombo", dis[d].o[i].code, dis[d].o[i].name);
			sb_puts(out, ", \"categoryCombo\": ");
			json_ref(out, "categoryCombo", dis[d].code);
			sb_puts(out, ", \"categoryOptions\": [");
			json_ref(out, "categoryOption", dis[d].o[i].code);
			sb_puts(out, "]}");
		}
	sb_puts(out, "\n  ],\n  \"dataElements\": [");
	first = true;
	for (int i = 0; i < dhis2_element_count; i++) {
		const struct dhis2_element *de = &dhis2_elements[i];
		json_object_start(out, &first, "dataElement", de->code, de->name);
		sb_printf(out, ", \"domainType\": \"AGGREGATE\", \"valueType\": \"INTEGER_ZERO_OR_POSITIVE\", "
			       "\"aggregationType\": \"%s\", \"zeroIsSignificant\": %s",
			  de->how == D2_FLOW ? "SUM" : "LAST", de->how == D2_FLOW ? "false" : "true");
		/* Without a categoryCombo DHIS2 gives the default one. */
		for (int d = 0; de->coc && d < 2; d++)
			if (!strncmp(de->coc, dis[d].code, strlen(dis[d].code))) {
				sb_puts(out, ", \"categoryCombo\": ");
				json_ref(out, "categoryCombo", dis[d].code);
			}
		sb_putc(out, '}');
	}
	sb_puts(out, "\n  ],\n  \"organisationUnits\": [");
	sb_puts(out, ous.buf ? ous.buf : "");
	sb_puts(out, "\n  ],\n  \"dataSets\": [");
	first = true;
	json_object_start(out, &first, "dataSet", "WS_MONTHLY", "Số liệu ANTT và PCCC hằng tháng của phường");
	sb_puts(out, ", \"periodType\": \"Monthly\", \"dataSetElements\": [");
	for (int i = 0; i < dhis2_element_count; i++) {
		sb_puts(out, i ? ", {\"dataElement\": " : "{\"dataElement\": ");
		json_ref(out, "dataElement", dhis2_elements[i].code);
		sb_putc(out, '}');
	}
	sb_puts(out, "], \"organisationUnits\": [");
	for (size_t i = 0; i < oucodes.n; i++) {
		if (i)
			sb_puts(out, ", ");
		json_ref(out, "organisationUnit", oucodes.items[i]);
	}
	sb_puts(out, "]}\n  ],\n  \"indicatorTypes\": [");
	first = true;
	json_object_start(out, &first, "indicatorType", "WS_PERCENT", "Phần trăm");
	sb_puts(out, ", \"factor\": 100, \"number\": false}\n  ],\n  \"indicators\": [");
	first = true;
	for (size_t i = 0; i < ARRAY_SIZE(rates); i++) {
		char code[64], num[12], den[12];
		snprintf(code, sizeof code, "WS_RATE_%s", rates[i].id);
		for (char *c = code; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
		json_object_start(out, &first, "indicator", code, rates[i].name);
		sb_puts(out, ", \"indicatorType\": ");
		json_ref(out, "indicatorType", "WS_PERCENT");
		sb_printf(out, ", \"numerator\": \"#{%s}\", \"numeratorDescription\": ",
			  dhis2_uid("dataElement", rates[i].num, num));
		json_str(out, element_find(rates[i].num)->name);
		sb_printf(out, ", \"denominator\": \"#{%s}\", \"denominatorDescription\": ",
			  dhis2_uid("dataElement", rates[i].den, den));
		json_str(out, element_find(rates[i].den)->name);
		sb_puts(out, ", \"annualized\": false}");
	}
	sb_puts(out, "\n  ]\n}\n");
	disagg_free(&dis[0]);
	disagg_free(&dis[1]);
	sb_free(&ous);
	sl_free(&oucodes);
	free(ward);
	return DHIS2_DONE;
}
