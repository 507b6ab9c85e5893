/* template.h - the sheet for the group leaders: one CSV row per group
 * active on a date, the value columns empty, read-only hint columns beside
 * them with the group's last value and its date.  `wardsafe import` takes
 * the sheet back as it is (transfer.c recognises the read-only columns). */
#ifndef WS_TEMPLATE_H
#define WS_TEMPLATE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "date.h"
#include "csv.h"
#include "kind.h"
#include "util.h"

/* The read-only columns are named after a field with one of these
 * suffixes: "group (name)", "surveyed (last)", "surveyed (last date)".
 * They are contract names, never translated. */
#define TEMPLATE_NAME_SUFFIX " (name)"
#define TEMPLATE_LAST_SUFFIX " (last)"
#define TEMPLATE_LAST_DATE_SUFFIX " (last date)"

/* True for the kinds a sheet can be written for: the stock kinds recorded
 * per group and date (population, survey, commitment, app114). */
bool template_kind_ok(const struct kind_def *k);
/* The kinds template_kind_ok accepts, as "a, b, c" (static buffer). */
const char *template_kind_names(void);

/* The index of the field a read-only column of a sheet of kind k belongs
 * to ("surveyed (last)" -> surveyed), or -1 if `name` is not one. */
int template_readonly_column(const struct kind_def *k, const char *name);

/* The last value of field `field` (a stored, non-empty one) of kind k for
 * the group `group_id` strictly before `date` (ISO), and that record's
 * date: *value is a new string, or NULL when there is none.  (R's round
 * grid has the same need; the two may be merged.) */
bool template_last_value(sqlite3 *db, const struct kind_def *k, int field, long long group_id,
			 const char *date, char **value, char last_date[11], struct strlist *errors);

struct template_opts {
	const struct kind_def *kind;
	ws_date date;
	char **groups; /* codes to keep (NULL: every active group) */
	int ngroups;
	bool bom;
	const struct csv_style *csv; /* how the CSV is written (NULL: csv_style_plain) */
};

/* Writes the sheet as CSV into out.  Refuses (false, messages in errors) a
 * kind that has no sheet, an unknown group code, a group not active on the
 * date, or a date on which no group is active; *refused is set then, and
 * left false for a database error. */
bool template_write(sqlite3 *db, const struct template_opts *o, struct strbuf *out,
		    struct strlist *errors, bool *refused);

#endif
