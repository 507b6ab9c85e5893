/* ui_reports.c - the reports screen: the summary of the period as it will
 * be printed (the same text as `wardsafe summary`), to read on screen or
 * save to a text file.  Printed PDF reports come in a later version. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db.h"
#include "i18n.h"
#include "indicator.h"
#include "summary.h"
#include "tui.h"

struct reports {
	struct strbuf text;
	struct strlist lines;
	int first;
	int left;   /* columns scrolled to the right */
};

/* The part of a line from column `skip` on. */
static const char *skip_columns(const char *s, int skip)
{
	while (*s && skip > 0) {
		int len = 1;
		while ((s[len] & 0xC0) == 0x80)
			len++;
		s += len;
		skip--;
	}
	return s;
}

static void rep_enter(struct ui *ui, struct screen *s)
{
	struct reports *r = s->state;
	sb_free(&r->text);
	sl_free(&r->lines);
	struct summary sum;
	struct strlist errors = STRLIST_INIT;
	if (!summary_compute(ui->db, &ui->period, NULL, &sum, &errors)) {
		tui_errors(ui, &errors);
		sl_free(&errors);
		return;
	}
	summary_write_text(&sum, ui->ward, &r->text);
	summary_free(&sum);
	for (char *p = r->text.buf; p && *p;) {
		char *nl = strchr(p, '\n');
		sl_push(&r->lines, xstrndup(p, nl ? (size_t)(nl - p) : strlen(p)));
		p = nl ? nl + 1 : p + strlen(p);
	}
	r->first = 0;
}

static void rep_draw(struct ui *ui, struct screen *s, int top, int rows)
{
	(void)ui;
	struct reports *r = s->state;
	if (r->first > (int)r->lines.n - rows)
		r->first = (int)r->lines.n - rows > 0 ? (int)r->lines.n - rows : 0;
	for (int i = 0; i < rows && r->first + i < (int)r->lines.n; i++)
		tui_put(top + i, 0, tui_cols(), skip_columns(r->lines.items[r->first + i], r->left),
			i == 0 && r->first == 0 ? TC_TITLE : TC_NORMAL);
}

static void save_report(struct ui *ui, struct reports *r)
{
	char p[32];
	char *def = xasprintf("bao-cao-%s.txt", period_format(&ui->period, p));
	char *path = tui_prompt(ui, _("Save the report as (file name)"), def);
	free(def);
	if (!path || !*path) {
		free(path);
		return;
	}
	struct stat st;
	if (lstat(path, &st) == 0) {
		char *q = xasprintf(_("%s already exists. Replace it?"), path);
		bool yes = tui_confirm(ui, q);
		free(q);
		if (!yes) {
			free(path);
			return;
		}
	}
	int e = write_file_atomic(path, r->text.buf ? r->text.buf : "", r->text.len, 0600);
	if (e)
		tui_message(ui, true, _("cannot write %s: %s"), path, strerror(e));
	else
		tui_message(ui, false, _("Report saved to %s"), path);
	free(path);
}

static bool rep_key(struct ui *ui, struct screen *s, struct wkey k, enum action_id act)
{
	struct reports *r = s->state;
	(void)k;
	int page = tui_rows() - 6;
	switch (act) {
	case ACT_UP:
		if (r->first > 0)
			r->first--;
		return true;
	case ACT_DOWN:
		r->first++;
		return true;
	case ACT_PAGE_UP:
		r->first = r->first > page ? r->first - page : 0;
		return true;
	case ACT_PAGE_DOWN:
		r->first += page;
		return true;
	case ACT_FIRST:
		r->first = 0;
		return true;
	case ACT_LAST:
		r->first = (int)r->lines.n;
		return true;
	case ACT_SCROLL_LEFT:
		r->left = r->left > 8 ? r->left - 8 : 0;
		return true;
	case ACT_SCROLL_RIGHT:
		r->left += 8;
		return true;
	case ACT_SAVE_REPORT:
		save_report(ui, r);
		return true;
	default:
		return false;
	}
}

static void rep_free(struct screen *s)
{
	struct reports *r = s->state;
	sb_free(&r->text);
	sl_free(&r->lines);
	free(r);
}

struct screen *ui_reports_new(void)
{
	struct screen *s = xcalloc(1, sizeof *s);
	s->id = SCR_REPORTS;
	s->action = ACT_REPORTS;
	s->title = N_("Reports");
	s->tab = N_("Reports");
	s->context = AS_GLOBAL | AS_REPORT;
	s->help = N_("The report of the selected period as text: the same figures as the overview, with the "
		     "incidents by category and the outreach by kind. w saves it to a file. Printed (PDF) "
		     "reports come in a later version. Left and Right scroll lines wider than the screen.");
	s->enter = rep_enter;
	s->draw = rep_draw;
	s->key = rep_key;
	s->free = rep_free;
	s->state = xcalloc(1, sizeof(struct reports));
	return s;
}
