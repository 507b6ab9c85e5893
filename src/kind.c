/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kind.c - the table of record kinds and fields. */
#include "config.h"

#include <string.h>

#include "i18n.h"
#include "kind.h"
#include "util.h"

#define F(...) { __VA_ARGS__ }
#define FIELDS(a) a, (int)ARRAY_SIZE(a)

static const struct field_def ward_fields[] = {
	F("name", "name", FT_TEXT, FF_REQUIRED, NULL, 200, NULL, N_("Ward name"), NULL),
	F("district", "district", FT_TEXT, 0, NULL, 200, NULL, N_("District"), NULL),
	F("province", "province", FT_TEXT, 0, NULL, 200, NULL, N_("Province"), NULL),
	F("unit", "unit", FT_TEXT, 0, NULL, 200, NULL, N_("Police unit"), NULL),
	F("parent_unit", "parent_unit", FT_TEXT, 0, NULL, 200, NULL, N_("Parent unit"), NULL),
	F("place", "place", FT_TEXT, 0, NULL, 200, NULL, N_("Place name for report dates"), NULL),
	F("code", "code", FT_CODE, 0, NULL, 32, NULL, N_("Ward code (DHIS2)"), NULL),
};

static const struct field_def category_fields[] = {
	F("code", "code", FT_CODE, FF_REQUIRED, NULL, 32, NULL, N_("Category code"), NULL),
	F("name", "name", FT_TEXT, FF_REQUIRED, NULL, 200, NULL, N_("Category name"), NULL),
};

static const struct field_def group_fields[] = {
	F("code", "code", FT_CODE, FF_REQUIRED, NULL, 16, NULL, N_("Group code"), NULL),
	F("name", "name", FT_TEXT, FF_REQUIRED, NULL, 200, NULL, N_("Group name"), NULL),
	F("leader", "leader", FT_TEXT, 0, NULL, 200, NULL, N_("Group leader"), NULL),
	F("active", "active", FT_BOOL, 0, "yes", 0, NULL, N_("Active"), NULL),
	F("closed", "closed", FT_DATE, 0, NULL, 0, NULL, N_("Closed on"), NULL),
	F("households", NULL, FT_COUNT, FF_INPUT, NULL, 0, NULL, N_("Households"), N_("households")),
	F("residents", NULL, FT_COUNT, FF_INPUT, NULL, 0, NULL, N_("Residents"), N_("people")),
	F("date", NULL, FT_DATE, FF_INPUT, NULL, 0, NULL, N_("Population date"), NULL),
};

static const struct field_def population_fields[] = {
	F("group", "group_id", FT_GROUP, FF_REQUIRED, NULL, 0, NULL, N_("Group"), NULL),
	F("date", "date", FT_DATE, FF_REQUIRED, NULL, 0, NULL, N_("Date"), NULL),
	F("households", "households", FT_COUNT, FF_REQUIRED, NULL, 0, NULL, N_("Households"), N_("households")),
	F("residents", "residents", FT_COUNT, FF_REQUIRED, NULL, 0, NULL, N_("Residents"), N_("people")),
};

static const struct field_def survey_fields[] = {
	F("group", "group_id", FT_GROUP, FF_REQUIRED, NULL, 0, NULL, N_("Group"), NULL),
	F("date", "date", FT_DATE, FF_REQUIRED, NULL, 0, NULL, N_("Date"), NULL),
	F("surveyed", "surveyed", FT_COUNT, FF_REQUIRED, NULL, 0, NULL, N_("Households surveyed"), N_("households")),
	F("with_extinguisher", "with_extinguisher", FT_COUNT, FF_REQUIRED, NULL, 0, NULL,
	  N_("Households with an extinguisher"), N_("households")),
	F("extinguishers", "extinguishers", FT_COUNT, 0, NULL, 0, NULL, N_("Extinguishers"), N_("extinguishers")),
};

static const struct field_def commitment_fields[] = {
	F("group", "group_id", FT_GROUP, FF_REQUIRED, NULL, 0, NULL, N_("Group"), NULL),
	F("date", "date", FT_DATE, FF_REQUIRED, NULL, 0, NULL, N_("Date"), NULL),
	F("pccc", "pccc", FT_COUNT, 0, NULL, 0, NULL, N_("Fire-safety commitments"), N_("households")),
	F("antt", "antt", FT_COUNT, 0, NULL, 0, NULL, N_("Security and order pledges"), N_("households")),
};

static const struct field_def app114_fields[] = {
	F("group", "group_id", FT_GROUP, FF_REQUIRED, NULL, 0, NULL, N_("Group"), NULL),
	F("date", "date", FT_DATE, FF_REQUIRED, NULL, 0, NULL, N_("Date"), NULL),
	F("installs", "installs", FT_COUNT, FF_REQUIRED, NULL, 0, NULL, N_("Báo cháy 114 app users"), N_("people")),
};

static const struct field_def incident_fields[] = {
	F("group", "group_id", FT_GROUP, FF_REQUIRED, NULL, 0, NULL, N_("Group"), NULL),
	F("date", "date", FT_DATE, FF_REQUIRED, NULL, 0, NULL, N_("Date"), NULL),
	F("category", "category_id", FT_CATEGORY, FF_REQUIRED, NULL, 0, NULL, N_("Category"), NULL),
	F("count", "count", FT_COUNT, 0, "1", 0, NULL, N_("Number of incidents"), N_("incidents")),
	F("note", "note", FT_TEXT, 0, NULL, 500, NULL, N_("Note"), NULL),
};

static const struct field_def outreach_fields[] = {
	F("date", "date", FT_DATE, FF_REQUIRED, NULL, 0, NULL, N_("Date"), NULL),
	F("kind", "kind", FT_CHOICE, FF_REQUIRED, NULL, 0, "radio|mobile|meeting|online|other", N_("Kind"), NULL),
	F("sessions", "sessions", FT_COUNT, 0, "1", 0, NULL, N_("Sessions"), N_("sessions")),
	F("group", "group_id", FT_GROUP, 0, NULL, 0, NULL, N_("Group"), NULL),
	F("note", "note", FT_TEXT, 0, NULL, 500, NULL, N_("Note"), NULL),
};

static const struct field_def fireteam_fields[] = {
	F("group", "group_id", FT_GROUP, FF_REQUIRED, NULL, 0, NULL, N_("Group"), NULL),
	F("kind", "kind", FT_CHOICE, FF_REQUIRED, NULL, 0, "team|point", N_("Kind"), NULL),
	F("name", "name", FT_TEXT, FF_REQUIRED, NULL, 200, NULL, N_("Name"), NULL),
	F("households", "households", FT_COUNT, 0, NULL, 0, NULL, N_("Households in the team"), N_("households")),
	F("established", "established", FT_DATE, FF_REQUIRED, NULL, 0, NULL, N_("Established on"), NULL),
	F("closed", "closed", FT_DATE, 0, NULL, 0, NULL, N_("Closed on"), NULL),
};

static const struct field_def establishments_fields[] = {
	F("date", "date", FT_DATE, FF_REQUIRED, NULL, 0, NULL, N_("Date"), NULL),
	F("managed", "managed", FT_COUNT, FF_REQUIRED, NULL, 0, NULL, N_("Establishments managed"), N_("establishments")),
	F("with_file", "with_file", FT_COUNT, FF_REQUIRED, NULL, 0, NULL,
	  N_("Establishments with a complete file"), N_("establishments")),
};

static const struct field_def target_fields[] = {
	F("year", "year", FT_YEAR, FF_REQUIRED, NULL, 0, NULL, N_("Year"), NULL),
	F("indicator", "indicator", FT_INDICATOR, FF_REQUIRED, NULL, 0, NULL, N_("Indicator"), NULL),
	F("value", "value", FT_DECIMAL, FF_REQUIRED, NULL, 0, NULL, N_("Target value"), NULL),
};

static const struct field_def closing_fields[] = {
	F("period", "period", FT_PERIOD, FF_REQUIRED, NULL, 0, NULL, N_("Closed period"), NULL),
	F("note", "note", FT_TEXT, 0, NULL, 500, NULL, N_("Note"), NULL),
};

/* The officer's own paragraphs of a report (report.c): one text per period
 * and section, in the order of a real báo cáo. */
static const struct field_def narrative_fields[] = {
	F("period", "period", FT_PERIOD, FF_REQUIRED, NULL, 0, NULL, N_("Report period"), NULL),
	F("section", "section", FT_CHOICE, FF_REQUIRED, NULL, 0, "situation|problems|plans", N_("Section"), NULL),
	F("text", "text", FT_TEXT, FF_REQUIRED | FF_LINES, NULL, 10000, NULL, N_("Text"), NULL),
};

static const struct kind_def k_ward = { "ward", "ward", N_("ward"), FIELDS(ward_fields), { NULL }, NULL, true, false };
static const struct kind_def k_category = { "category", "category", N_("incident category"),
	FIELDS(category_fields), { "code", NULL }, NULL, false, false };
static const struct kind_def k_group = { "group", "rgroup", N_("residential group"),
	FIELDS(group_fields), { "code", NULL }, NULL, false, false };
static const struct kind_def k_population = { "population", "population", N_("population"),
	FIELDS(population_fields), { NULL }, "date", false, true };
static const struct kind_def k_survey = { "survey", "survey", N_("extinguisher survey"),
	FIELDS(survey_fields), { NULL }, "date", false, true };
static const struct kind_def k_commitment = { "commitment", "commitment", N_("commitments"),
	FIELDS(commitment_fields), { NULL }, "date", false, true };
static const struct kind_def k_app114 = { "app114", "app114", N_("Báo cháy 114 app"),
	FIELDS(app114_fields), { NULL }, "date", false, true };
static const struct kind_def k_incident = { "incident", "incident", N_("incident"),
	FIELDS(incident_fields), { NULL }, "date", false, false };
static const struct kind_def k_outreach = { "outreach", "outreach", N_("outreach"),
	FIELDS(outreach_fields), { NULL }, "date", false, false };
static const struct kind_def k_fireteam = { "fireteam", "fireteam", N_("fire team or point"),
	FIELDS(fireteam_fields), { NULL }, "established", false, false };
static const struct kind_def k_establishments = { "establishments", "establishments",
	N_("establishments"), FIELDS(establishments_fields), { NULL }, "date", false, true };
static const struct kind_def k_target = { "target", "target", N_("target"),
	FIELDS(target_fields), { "year", "indicator", NULL }, NULL, false, false };
static const struct kind_def k_closing = { "closing", "closing", N_("closed period"),
	FIELDS(closing_fields), { "period", NULL }, NULL, false, false };
static const struct kind_def k_narrative = { "narrative", "narrative", N_("report text"),
	FIELDS(narrative_fields), { "period", "section", NULL }, NULL, false, false };

/* In import order: what a record refers to comes before it. */
const struct kind_def *const kinds[] = {
	&k_ward, &k_category, &k_group, &k_population, &k_survey, &k_commitment,
	&k_app114, &k_incident, &k_outreach, &k_fireteam, &k_establishments,
	&k_target, &k_closing, &k_narrative,
};
const int kind_count = (int)ARRAY_SIZE(kinds);

const struct kind_def *kind_find(const char *name)
{
	for (int i = 0; i < kind_count; i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

int kind_field_index(const struct kind_def *k, const char *name)
{
	for (int i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].name, name) == 0)
			return i;
	return -1;
}

const char *kind_names(void)
{
	static char buf[512];
	if (!buf[0])
		for (int i = 0; i < kind_count; i++) {
			if (i)
				strcat(buf, ", ");
			strcat(buf, kinds[i]->name);
		}
	return buf;
}

int kind_order(const struct kind_def *k)
{
	for (int i = 0; i < kind_count; i++)
		if (kinds[i] == k)
			return i;
	return kind_count;
}
