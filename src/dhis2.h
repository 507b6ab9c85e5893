/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dhis2.h - the records as a DHIS2 data value set (CSV), for a province
 * that collects the wards' figures in DHIS2.
 *
 * One line per data element, month, organisation unit and category option
 * combo, with the columns of DHIS2's own CSV writer (DHIS2_HEADER)
 *   dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,
 *   value,storedby,lastupdated,comment,followup,deleted
 * Category option combos are WS_INC_<category code> and WS_OUT_<outreach
 * kind>: one code names one combo in DHIS2, whatever the category combo.
 * Organisation units are codes: the ward's code (ward.code) for the ward's
 * own records, WARDCODE-GROUPCODE for a group's.  Periods are ISO months
 * (YYYYMM, cut by [general] month_start_day like the summaries).  Stocks
 * give, per month that has a record, the latest record of that month;
 * flows are summed per month; fire teams and points are counted at the end
 * of every month from the first one to the last month with data. */
#ifndef WS_DHIS2_H
#define WS_DHIS2_H

#include <sqlite3.h>
#include <stdbool.h>

#include "kind.h"
#include "period.h"
#include "util.h"

/* The header line, without its newline: the names and order of HEADER_ROW
 * in dhis2-core's
 * dhis-2/dhis-services/dhis-service-dxf2/src/main/java/org/hisp/dhis/dxf2/
 * datavalueset/CsvDataValueSetWriter.java.  Readers up to 2.42 take the
 * columns by position (CsvDataValueSetReader.java there: deleted is column
 * 10), newer ones by these names, so both read the file. */
#define DHIS2_HEADER \
	"dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted"

enum dhis2_how {
	D2_STOCK,  /* the latest record of each month (per group, or the ward's) */
	D2_FLOW,   /* the sum of each month's records, by category or kind */
	D2_ACTIVE, /* fire teams or points active at the end of each month */
};

/* One data element: where its values come from. */
struct dhis2_element {
	const char *code;   /* the data element's code in DHIS2: WS_... */
	const char *kind;   /* the record kind */
	const char *field;  /* the field summed or taken (NULL: a count of records) */
	enum dhis2_how how;
	const char *by;     /* D2_FLOW: the field whose code names the combo */
	const char *only;   /* D2_ACTIVE: the fireteam kind counted (team, point) */
	const char *coc;    /* D2_FLOW: the prefix of the combos' codes (WS_INC_) */
	const char *name;   /* its name in DHIS2 (Vietnamese, at most 50 characters) */
};

extern const struct dhis2_element dhis2_elements[];
extern const int dhis2_element_count;

/* True if kind k gives at least one data element. */
bool dhis2_kind_exported(const struct kind_def *k);
/* "population, survey, ..." : the kinds that give data elements (static). */
const char *dhis2_kind_names(void);

struct dhis2_opts {
	const struct kind_def *kind; /* only this kind's data elements; NULL: all */
	const struct period *period; /* only the months inside it; NULL: all */
	const char *storedby;        /* the storedby column (the operator) */
	const char *lastupdated;     /* the lastupdated column (dhis2_timestamp) */
	const char *since;           /* YYYY-MM-DD: also the values that records changed
				      * or deleted since then took away, as deleted */
};

enum dhis2_result {
	DHIS2_DONE,
	DHIS2_REFUSED, /* the ward has no code: nothing to name the data by */
	DHIS2_FAILED,  /* a database error */
};

/* Writes the header and the data values, sorted by data element, period,
 * organisation unit and category option combo, into out. */
enum dhis2_result dhis2_export(sqlite3 *db, const struct dhis2_opts *o, struct strbuf *out,
			       struct strlist *errors);

/* The time of the export as ISO 8601 local time with the offset from UTC,
 * YYYY-MM-DDTHH:MM:SS+07:00 (buf of 32 bytes): the program's "now"
 * (clock.h) in the local time zone. */
char *dhis2_timestamp(char *buf);

/* The metadata the values refer to, as DHIS2's /api/metadata JSON: data
 * elements, categories, category options, combos and option combos,
 * organisation units (the ward under parent, a code, if given), a monthly
 * data set, an indicator type and the rates as indicators.  UIDs are
 * derived from the codes (dhis2_uid), so a second import updates. */
enum dhis2_result dhis2_metadata(sqlite3 *db, const char *parent, struct strbuf *out,
				 struct strlist *errors);

/* A DHIS2 UID (11 characters, a letter then letters or digits, as
 * CodeGenerator.java of dhis2-core) derived from type and code: buf of 12. */
char *dhis2_uid(const char *type, const char *code, char *buf);

#endif
