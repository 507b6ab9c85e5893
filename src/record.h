/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.h - one record of any kind as canonical field texts, and the list
 * of problems (errors and warnings) found in it. */
#ifndef WS_RECORD_H
#define WS_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "kind.h"

struct record {
	const struct kind_def *kind;
	long long id;                    /* 0 for a record not yet stored */
	char *val[KIND_MAX_FIELDS];      /* owned; NULL = empty */
};

void record_init(struct record *r, const struct kind_def *k);
void record_clear(struct record *r);
void record_copy(struct record *dst, const struct record *src);
/* Sets a field by index (copying value; NULL or "" empties it). */
void record_set(struct record *r, int field, const char *value);
/* Sets a field by name; false if the kind has no such field. */
bool record_set_named(struct record *r, const char *name, const char *value);
const char *record_get(const struct record *r, const char *name);

enum severity { SEV_ERROR, SEV_WARNING };

struct issue {
	enum severity sev;
	int field;  /* index into the kind's fields, or -1 */
	char *msg;  /* owned, translated */
};

struct issues {
	struct issue *v;
	size_t n, cap;
};

void issues_add(struct issues *is, enum severity sev, int field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
size_t issues_count(const struct issues *is, enum severity sev);
/* An issue for a form or dialog: "Label: rule" instead of "field=value: rule"
 * (new string). */
char *issue_text(const struct kind_def *k, const struct issue *is);
/* Every issue so, joined with "; " (new string). */
char *issues_text(const struct kind_def *k, const struct issues *is);
void issues_free(struct issues *is);

#endif
