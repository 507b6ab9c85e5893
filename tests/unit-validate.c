/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-validate.c - every validation rule: what is refused, what only warns,
 * and what the messages say. */
#include "config.h"

#include "tap.h"
#include "fixture.h"

static struct issues I;

/* Runs the checks on a new record built from field=value pairs. */
#define CHECK(...) do { issues_free(&I); check_issues(db, &I, __VA_ARGS__, NULL); } while (0)
#define ERRORS() issues_count(&I, SEV_ERROR)
#define WARNINGS() issues_count(&I, SEV_WARNING)

static const char *first_message(void)
{
	return I.n ? I.v[0].msg : "";
}

int main(void)
{
	fixture_init();
	sqlite3 *db = fixture_db();
	add(db, "category", "code=theft", "name=Trộm cắp tài sản", NULL);
	ok(add(db, "group", "code=9", "name=Tổ 9", "households=181", "residents=678", "date=2023-01-01", NULL) > 0,
	   "group 9 with its first population");

	/* ---- counts */
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=-1", "with_extinguisher=0");
	ok(has_issue(&I, SEV_ERROR, "surveyed"), "a negative count is refused");
	ok(strstr(first_message(), "surveyed=-1") != NULL, "the message names the field and value");
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=12.5", "with_extinguisher=0");
	ok(has_issue(&I, SEV_ERROR, "surveyed"), "a fraction is refused");
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=abc", "with_extinguisher=0");
	ok(has_issue(&I, SEV_ERROR, "surveyed"), "text is refused as a count");
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=2147483648", "with_extinguisher=0");
	ok(has_issue(&I, SEV_ERROR, "surveyed"), "a count beyond 32 bits is refused");
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=99999999999999999999", "with_extinguisher=0");
	ok(has_issue(&I, SEV_ERROR, "surveyed"), "a count beyond 64 bits is refused");
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=0100", "with_extinguisher=010");
	is_int(ERRORS(), 0, "leading zeros are decimal");

	/* ---- required fields and defaults */
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=10");
	ok(has_issue(&I, SEV_ERROR, "with_extinguisher"), "a required field cannot be left out");
	CHECK("incident", "group=9", "date=2023-09-30", "category=theft");
	is_int(ERRORS(), 0, "incident count defaults to 1");
	CHECK("incident", "group=9", "date=2023-09-30", "category=theft", "count=0");
	ok(has_issue(&I, SEV_ERROR, "count"), "an incident count of 0 is refused");
	CHECK("incident", "group=9", "date=2023-09-30", "category=robbery");
	ok(has_issue(&I, SEV_ERROR, "category"), "an unknown category is refused");
	CHECK("survey", "group=99", "date=2023-09-30", "surveyed=1", "with_extinguisher=0");
	ok(has_issue(&I, SEV_ERROR, "group"), "an unknown group code is refused");

	/* ---- the ward's code (its DHIS2 organisation unit): optional, at most
	 * 32 letters without accents, digits, '.', '-' and '_' */
	CHECK("ward", "name=Lam Sơn", "code=TH-LS_14845.1");
	is_int(ERRORS(), 0, "a ward code of letters, digits, '-', '_' and '.' is accepted");
	CHECK("ward", "name=Lam Sơn");
	is_int(ERRORS(), 0, "the ward code is optional");
	CHECK("ward", "name=Lam Sơn", "code=Lam Sơn");
	ok(has_issue(&I, SEV_ERROR, "code"), "a ward code with a space or an accent is refused");
	CHECK("ward", "name=Lam Sơn", "code=12345678901234567890123456789012");
	is_int(ERRORS(), 0, "a ward code of 32 characters is accepted");
	CHECK("ward", "name=Lam Sơn", "code=123456789012345678901234567890123");
	ok(has_issue(&I, SEV_ERROR, "code"), "a ward code of 33 characters is refused");
	ok(strstr(first_message(), "32") != NULL, "the message gives the limit");

	/* ---- dates */
	CHECK("incident", "group=9", "date=2023-02-29", "category=theft");
	ok(has_issue(&I, SEV_ERROR, "date"), "29 February 2023 is not a date");
	CHECK("incident", "group=9", "date=2026-11-25", "category=theft");
	ok(has_issue(&I, SEV_ERROR, "date"), "tomorrow is in the future");
	ok(strstr(first_message(), "future") != NULL, "the message says why");
	CHECK("incident", "group=9", "date=2026-11-24", "category=theft");
	is_int(ERRORS(), 0, "today is accepted");
	{
		struct record r;
		record_init(&r, kind_find("incident"));
		record_set_named(&r, "group", "9");
		record_set_named(&r, "date", "5/9/2023");
		record_set_named(&r, "category", "theft");
		issues_free(&I);
		validate_record(db, &r, NULL, &I);
		is_str(record_get(&r, "date"), "2023-09-05", "D/M/YYYY is stored as ISO");
		record_clear(&r);
	}

	/* ---- survey rules */
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=181", "with_extinguisher=190");
	ok(has_issue(&I, SEV_ERROR, "with_extinguisher"), "190 with an extinguisher > 181 surveyed");
	ok(strstr(first_message(), "181") != NULL, "the message gives the limit");
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=190", "with_extinguisher=10");
	ok(has_issue(&I, SEV_ERROR, "surveyed"), "190 surveyed > 181 households");
	CHECK("survey", "group=9", "date=2022-12-31", "surveyed=10", "with_extinguisher=5");
	ok(has_issue(&I, SEV_ERROR, "date"), "a survey before the group's first population is refused");
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=100", "with_extinguisher=50", "extinguishers=40");
	ok(has_issue(&I, SEV_ERROR, "extinguishers"), "fewer extinguishers than households having one");

	/* ---- cumulative counts going down only warn */
	ok(add(db, "survey", "group=9", "date=2023-08-31", "surveyed=150", "with_extinguisher=120", NULL) > 0,
	   "August survey saved");
	CHECK("survey", "group=9", "date=2023-09-30", "surveyed=150", "with_extinguisher=110");
	is_int(ERRORS(), 0, "a lower cumulative count is not an error");
	ok(has_issue(&I, SEV_WARNING, "with_extinguisher"), "but it is a warning");
	CHECK("survey", "group=9", "date=2023-07-31", "surveyed=150", "with_extinguisher=125");
	ok(has_issue(&I, SEV_WARNING, "with_extinguisher"), "higher than a later record: warning");
	CHECK("survey", "group=9", "date=2023-08-31", "surveyed=150", "with_extinguisher=120");
	ok(has_issue(&I, SEV_ERROR, "date"), "a second survey on the same date is refused");

	/* ---- population */
	CHECK("population", "group=9", "date=2023-06-30", "households=200", "residents=150");
	ok(has_issue(&I, SEV_ERROR, "residents"), "fewer residents than households");
	CHECK("population", "group=9", "date=2023-06-30", "households=200", "residents=1500");
	ok(ERRORS() == 0 && has_issue(&I, SEV_WARNING, "residents"), "7.5 people per household warns");
	CHECK("population", "group=9", "date=2023-06-30", "households=200", "residents=250");
	ok(ERRORS() == 0 && has_issue(&I, SEV_WARNING, "residents"), "1.25 people per household warns");
	CHECK("population", "group=9", "date=2023-06-30", "households=200", "residents=700");
	is_int(I.n, 0, "3.5 people per household is fine");

	/* ---- commitments */
	CHECK("commitment", "group=9", "date=2023-09-30");
	is_int(ERRORS(), 1, "a commitment needs pccc or antt");
	CHECK("commitment", "group=9", "date=2023-09-30", "pccc=182");
	ok(has_issue(&I, SEV_ERROR, "pccc"), "pccc > households");
	CHECK("commitment", "group=9", "date=2023-09-30", "antt=200");
	ok(has_issue(&I, SEV_ERROR, "antt"), "antt > households");
	CHECK("commitment", "group=9", "date=2023-09-30", "pccc=181");
	is_int(I.n, 0, "100%% commitment accepted");

	/* ---- app installs */
	CHECK("app114", "group=9", "date=2023-09-30", "installs=700");
	ok(ERRORS() == 0 && has_issue(&I, SEV_WARNING, "installs"), "installs above residents only warn");
	CHECK("app114", "group=9", "date=2023-09-30", "installs=100");
	is_int(I.n, 0, "plausible installs accepted");

	/* ---- fire teams and points */
	CHECK("fireteam", "group=9", "kind=team", "name=A", "households=4", "established=2023-01-01");
	ok(has_issue(&I, SEV_ERROR, "households"), "a team of 4 households is refused");
	CHECK("fireteam", "group=9", "kind=team", "name=A", "households=16", "established=2023-01-01");
	ok(has_issue(&I, SEV_ERROR, "households"), "a team of 16 households is refused");
	CHECK("fireteam", "group=9", "kind=team", "name=A", "established=2023-01-01");
	ok(has_issue(&I, SEV_ERROR, "households"), "a team needs its households");
	CHECK("fireteam", "group=9", "kind=team", "name=A", "households=15", "established=2023-01-01");
	is_int(I.n, 0, "a team of 15 is fine");
	CHECK("fireteam", "group=9", "kind=point", "name=B", "households=5", "established=2023-01-01");
	ok(has_issue(&I, SEV_ERROR, "households"), "a fire point has no households");
	CHECK("fireteam", "group=9", "kind=point", "name=B", "established=2023-05-01", "closed=2023-04-01");
	ok(has_issue(&I, SEV_ERROR, "closed"), "closed before established");
	CHECK("fireteam", "group=9", "kind=truck", "name=B", "established=2023-05-01");
	ok(has_issue(&I, SEV_ERROR, "kind"), "unknown kind of fire team");

	/* ---- establishments, targets */
	CHECK("establishments", "date=2023-09-30", "managed=615", "with_file=616");
	ok(has_issue(&I, SEV_ERROR, "with_file"), "more files than establishments");
	CHECK("target", "year=2023", "indicator=extinguisher", "value=101");
	ok(has_issue(&I, SEV_ERROR, "value"), "a rate target above 100%%");
	CHECK("target", "year=2023", "indicator=extinguisher", "value=74,5");
	ok(has_issue(&I, SEV_ERROR, "value"), "a decimal comma is refused with a hint");
	CHECK("target", "year=2023", "indicator=happiness", "value=5");
	ok(has_issue(&I, SEV_ERROR, "indicator"), "an unknown indicator");
	CHECK("target", "year=2023", "indicator=fire_teams", "value=2.5");
	ok(has_issue(&I, SEV_ERROR, "value"), "a count target is whole");
	add(db, "target", "year=2023", "indicator=extinguisher", "value=80", NULL);
	CHECK("target", "year=2023", "indicator=extinguisher", "value=85");
	ok(has_issue(&I, SEV_ERROR, "indicator"), "one target per indicator and year");

	/* ---- groups and text */
	CHECK("group", "code=9", "name=Another");
	ok(has_issue(&I, SEV_ERROR, "code"), "duplicate group code");
	CHECK("group", "code=tổ 9", "name=X");
	ok(has_issue(&I, SEV_ERROR, "code"), "a code with a space or accent");
	CHECK("group", "code=12", "name=X", "households=100");
	ok(has_issue(&I, SEV_ERROR, "residents"), "households without residents");
	CHECK("group", "code=12", "name=X", "active=maybe");
	ok(has_issue(&I, SEV_ERROR, "active"), "active must be yes or no");
	CHECK("group", "code=12", "name=X\nY");
	ok(has_issue(&I, SEV_ERROR, "name"), "a line break in a name");
	{
		char long_name[260];
		memset(long_name, 'a', sizeof long_name - 1);
		long_name[sizeof long_name - 1] = '\0';
		char *arg = xasprintf("name=%s", long_name);
		CHECK("group", "code=12", arg);
		ok(has_issue(&I, SEV_ERROR, "name"), "a 259-character name");
		free(arg);
	}
	CHECK("group", "code=12", "name=\xC3\x28");
	ok(has_issue(&I, SEV_ERROR, "name"), "invalid UTF-8");
	{
		/* "Hà" typed with a combining grave accent is stored precomposed. */
		struct record r;
		record_init(&r, kind_find("group"));
		record_set_named(&r, "code", "12");
		record_set_named(&r, "name", "Ha\xCC\x80 N\xC3\xB4\xCC\xA3i");
		issues_free(&I);
		validate_record(db, &r, NULL, &I);
		is_str(record_get(&r, "name"), "Hà Nội", "decomposed input is normalized to NFC");
		is_str(record_get(&r, "active"), "yes", "active defaults to yes");
		record_clear(&r);
	}
	{
		struct record r;
		record_init(&r, kind_find("group"));
		record_set_named(&r, "code", "12");
		record_set_named(&r, "name", "X");
		record_set_named(&r, "active", "không");
		issues_free(&I);
		validate_record(db, &r, NULL, &I);
		is_str(record_get(&r, "active"), "no", "'không' is no");
		is_str(record_get(&r, "closed"), "2026-11-24", "deactivating sets the closing date to today");
		record_clear(&r);
	}

	/* ---- limits shown beside form fields */
	{
		struct record r;
		record_init(&r, kind_find("survey"));
		record_set_named(&r, "group", "9");
		record_set_named(&r, "date", "30/09/2023");
		char *h = validate_hint(db, &r, kind_field_index(r.kind, "surveyed"));
		is_str(h, "≤ 181 households", "surveyed is limited by the group's 181 households");
		free(h);
		record_set_named(&r, "surveyed", "170");
		h = validate_hint(db, &r, kind_field_index(r.kind, "with_extinguisher"));
		is_str(h, "≤ 170 households", "with_extinguisher by the households surveyed");
		free(h);
		h = validate_hint(db, &r, kind_field_index(r.kind, "date"));
		ok(h == NULL, "no limit for the date");
		record_clear(&r);
		record_init(&r, kind_find("app114"));
		record_set_named(&r, "group", "9");
		h = validate_hint(db, &r, kind_field_index(r.kind, "installs"));
		is_str(h, "≤ 678 people", "installs by the residents (valid today)");
		free(h);
		record_clear(&r);
	}

	/* ---- editing */
	{
		struct record old, r;
		store_load(db, kind_find("group"), 1, &old);
		record_copy(&r, &old);
		record_set_named(&r, "active", "");
		issues_free(&I);
		validate_record(db, &r, &old, &I);
		ok(has_issue(&I, SEV_ERROR, "active"), "emptying a field that has a default is refused on edit");
		record_clear(&r);
		record_copy(&r, &old);
		record_set_named(&r, "households", "300");
		issues_free(&I);
		validate_record(db, &r, &old, &I);
		ok(has_issue(&I, SEV_ERROR, "households"), "households cannot be changed through the group");
		record_clear(&r);
		record_clear(&old);
	}

	/* ---- closed periods: changes need a confirmation */
	ok(add(db, "closing", "period=2023-09", NULL) > 0, "September 2023 closed");
	CHECK("incident", "group=9", "date=2023-09-15", "category=theft");
	ok(ERRORS() == 0 && has_issue(&I, SEV_WARNING, "date"), "an entry in a closed period warns");
	CHECK("incident", "group=9", "date=2023-10-01", "category=theft");
	is_int(I.n, 0, "October is open");
	{
		struct record old;
		long long id = add(db, "incident", "group=9", "date=2023-09-20", "category=theft", NULL);
		store_load(db, kind_find("incident"), id, &old);
		issues_free(&I);
		validate_delete(db, &old, &I);
		ok(has_issue(&I, SEV_WARNING, "date"), "deleting in a closed period warns");
		record_clear(&old);
	}

	/* ---- report texts (narrative): line breaks only in their text */
	{
		struct record r;
		record_init(&r, kind_find("narrative"));
		record_set_named(&r, "period", "2023-07..2023-09");
		record_set_named(&r, "section", "situation");
		record_set_named(&r, "text", "\r\n  Một  \r\nHai\rBa \n\n");
		issues_free(&I);
		validate_record(db, &r, NULL, &I);
		is_int(ERRORS(), 0, "a text of paragraphs is accepted");
		is_str(record_get(&r, "period"), "2023-Q3", "its period is stored as the period's code");
		is_str(record_get(&r, "text"), "Một\nHai\nBa", "CR LF and CR become LF; blanks and blank lines at the ends go");
		struct strlist e = STRLIST_INIT;
		ok(store_insert(db, &r, &e), "and stored");
		sl_free(&e);
		record_clear(&r);
	}
	CHECK("narrative", "period=2023-Q3", "section=situation", "text=again");
	ok(has_issue(&I, SEV_ERROR, "section"), "a second text for the same period and section is refused");
	CHECK("narrative", "period=2023-Q3", "section=plans", "text=a\tb");
	ok(has_issue(&I, SEV_ERROR, "text"), "a tab is refused");
	CHECK("narrative", "period=2023-Q3", "section=plans", "text=a\x1b" "[31mb");
	ok(has_issue(&I, SEV_ERROR, "text"), "an escape sequence is refused");
	CHECK("narrative", "period=2023-Q3", "section=plans", "text=a\xe2\x80\xae" "b");
	ok(has_issue(&I, SEV_ERROR, "text"), "a text-direction override is refused");
	CHECK("incident", "group=9", "date=2023-10-02", "category=theft", "note=a\nb");
	ok(has_issue(&I, SEV_ERROR, "note"), "a line break is still refused in every other text field");
	CHECK("narrative", "period=2023-Q3", "section=summary", "text=x");
	ok(has_issue(&I, SEV_ERROR, "section"), "a section other than situation, problems, plans is refused");
	CHECK("narrative", "period=2023-Q3", "section=plans", "text= \r\n ");
	ok(has_issue(&I, SEV_ERROR, "text"), "a text of blanks and line breaks only is empty: required");
	CHECK("narrative", "period=2023-09", "section=plans", "text=x");
	ok(ERRORS() == 0 && has_issue(&I, SEV_WARNING, "period"), "a text of a closed period warns");
	CHECK("narrative", "period=2023-Q3", "section=plans", "text=x");
	ok(ERRORS() == 0 && has_issue(&I, SEV_WARNING, "period"), "so does one of a quarter that ends in it");
	CHECK("narrative", "period=2023-10", "section=plans", "text=x");
	is_int(I.n, 0, "October is open");

	issues_free(&I);
	fixture_cleanup(db);
	return done();
}
