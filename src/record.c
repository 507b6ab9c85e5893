/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.c - records as field texts; issue lists. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"
#include "util.h"

void record_init(struct record *r, const struct kind_def *k)
{
	memset(r, 0, sizeof *r);
	r->kind = k;
}

void record_clear(struct record *r)
{
	for (int i = 0; i < KIND_MAX_FIELDS; i++) {
		free(r->val[i]);
		r->val[i] = NULL;
	}
	r->id = 0;
}

void record_copy(struct record *dst, const struct record *src)
{
	record_init(dst, src->kind);
	dst->id = src->id;
	for (int i = 0; i < KIND_MAX_FIELDS; i++)
		dst->val[i] = src->val[i] ? xstrdup(src->val[i]) : NULL;
}

void record_set(struct record *r, int field, const char *value)
{
	free(r->val[field]);
	r->val[field] = value && *value ? xstrdup(value) : NULL;
}

bool record_set_named(struct record *r, const char *name, const char *value)
{
	int i = kind_field_index(r->kind, name);
	if (i < 0)
		return false;
	record_set(r, i, value);
	return true;
}

const char *record_get(const struct record *r, const char *name)
{
	int i = kind_field_index(r->kind, name);
	return i < 0 ? NULL : r->val[i];
}

void issues_add(struct issues *is, enum severity sev, int field, const char *fmt, ...)
{
	if (is->n == is->cap) {
		is->cap = is->cap ? is->cap * 2 : 8;
		is->v = xrealloc(is->v, is->cap * sizeof(*is->v));
	}
	va_list ap;
	va_start(ap, fmt);
	is->v[is->n].msg = xvasprintf(fmt, ap);
	va_end(ap);
	is->v[is->n].sev = sev;
	is->v[is->n].field = field;
	is->n++;
}

size_t issues_count(const struct issues *is, enum severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < is->n; i++)
		if (is->v[i].sev == sev)
			n++;
	return n;
}

char *issue_text(const struct kind_def *k, const struct issue *is)
{
	const char *colon = strstr(is->msg, ": ");
	if (is->field < 0 || !colon)
		return xstrdup(is->msg);
	return xasprintf("%s: %s", _(k->fields[is->field].label), colon + 2);
}

char *issues_text(const struct kind_def *k, const struct issues *is)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < is->n; i++) {
		char *t = issue_text(k, &is->v[i]);
		sb_printf(&sb, "%s%s", i ? "; " : "", t);
		free(t);
	}
	return sb_steal(&sb);
}

void issues_free(struct issues *is)
{
	for (size_t i = 0; i < is->n; i++)
		free(is->v[i].msg);
	free(is->v);
	is->v = NULL;
	is->n = is->cap = 0;
}
