/* ui_reports.c - the reports screen: the report of the selected period as
 * it is printed (report.c), to read, save as text, CSV or PDF, or send to
 * the printer; its number, place, signer and recipients can be changed
 * first and are kept while the screens run. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "printing.h"
#include "report.h"
#include "screens.h"
#include "text.h"
#include "tui.h"

/* The details an officer may change; NULL keeps the configured value. */
enum { D_NUMBER, D_PLACE, D_SIGNER_TITLE, D_SIGNER_NAME, D_RECIPIENTS, D_SIGNER_AUTHORITY, D_COUNT };

struct reports {
	struct report report;
	bool have;
	struct strlist lines;       /* the text form, for the screen */
	int first, left;
	char *details[D_COUNT];
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

static char *recipients_text(const struct strlist *l)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < l->n; i++)
		sb_printf(&sb, "%s%s", i ? " | " : "", l->items[i]);
	return sb_steal(&sb);
}

/* Puts the changed details into the report. */
static void apply_details(struct reports *r)
{
	struct report_info *i = &r->report.info;
	char **fields[] = { &i->number, &i->place, &i->signer_title, &i->signer_name };
	for (int d = 0; d < D_RECIPIENTS; d++)
		if (r->details[d]) {
			free(*fields[d]);
			*fields[d] = xstrdup(r->details[d]);
		}
	if (r->details[D_RECIPIENTS]) {
		sl_free(&i->recipients);
		report_split_recipients(r->details[D_RECIPIENTS], &i->recipients);
	}
	if (r->details[D_SIGNER_AUTHORITY]) {
		free(i->signer_authority);
		i->signer_authority = xstrdup(r->details[D_SIGNER_AUTHORITY]);
	}
}

static void rebuild_text(struct reports *r)
{
	sl_free(&r->lines);
	struct strbuf text = STRBUF_INIT;
	report_write_text(&r->report, &text);
	for (char *p = text.buf; p && *p;) {
		char *nl = strchr(p, '\n');
		sl_push(&r->lines, xstrndup(p, nl ? (size_t)(nl - p) : strlen(p)));
		p = nl ? nl + 1 : p + strlen(p);
	}
	sb_free(&text);
}

static void rep_enter(struct ui *ui, struct screen *s)
{
	struct reports *r = s->state;
	if (r->have)
		report_free(&r->report);
	struct strlist errors = STRLIST_INIT;
	r->have = report_build(ui->db, &ui->period, &r->report, &errors);
	if (!r->have) {
		tui_errors(ui, &errors);
		sl_free(&r->lines);
	} else {
		apply_details(r);
		rebuild_text(r);
	}
	sl_free(&errors);
	r->first = 0;
}

static void rep_draw(struct ui *ui, struct screen *s, int top, int rows)
{
	(void)ui;
	struct reports *r = s->state;
	if (r->first > (int)r->lines.n - rows)
		r->first = (int)r->lines.n - rows > 0 ? (int)r->lines.n - rows : 0;
	for (int i = 0; i < rows && r->first + i < (int)r->lines.n; i++)
		tui_put(top + i, 0, tui_cols(), skip_columns(r->lines.items[r->first + i], r->left), TC_NORMAL);
}

/* Writes the report to `path` in the form its extension names. */
static bool write_report(struct reports *r, const char *path, struct strlist *errors)
{
	if (str_has_suffix(path, ".pdf"))
		return report_write_pdf(&r->report, path, errors);
	struct strbuf data = STRBUF_INIT;
	if (str_has_suffix(path, ".csv"))
		report_write_csv(&r->report, true, &data);
	else
		report_write_text(&r->report, &data);
	int e = write_file_atomic(path, data.buf ? data.buf : "", data.len, 0600);
	sb_free(&data);
	if (e)
		sl_pushf(errors, _("cannot write %s: %s"), path, strerror(e));
	return !e;
}

/* Decree 30 (Phụ lục I, II.7): a report is signed with the signer's full
 * name.  Without one ([report] signer_name empty, none typed with e), asks
 * for it before the report is saved or printed; the name is used while the
 * screens run and never written to the configuration file.  -1 if the
 * officer gave up (Esc), 1 if a name was typed, 0 if none was needed. */
static int ask_signer(struct ui *ui, struct reports *r)
{
	if (r->report.info.signer_name && *r->report.info.signer_name)
		return 0;
	char *v = tui_prompt(ui, _("The report has no signer's name; name of the signer"), "");
	if (!v)
		return -1;
	str_trim(v);
	free(r->details[D_SIGNER_NAME]);
	r->details[D_SIGNER_NAME] = v;
	apply_details(r);
	rebuild_text(r);
	return *v ? 1 : 0;
}

static void save_report(struct ui *ui, struct reports *r)
{
	char p[32];
	char *def = xasprintf("bao-cao-%s.pdf", period_format(&ui->period, p));
	char *path = tui_prompt(ui, _("Save the report as (.pdf, .csv or .txt)"), def);
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
	int asked = ask_signer(ui, r);
	if (asked < 0) {
		free(path);
		return;
	}
	struct strlist errors = STRLIST_INIT;
	if (!write_report(r, path, &errors))
		tui_errors(ui, &errors);
	else if (asked)
		tui_message(ui, false, _("Report saved to %s; to keep the signer's name for the next runs, "
					 "set [report] signer_name in the configuration"), path);
	else
		tui_message(ui, false, _("Report saved to %s"), path);
	sl_free(&errors);
	free(path);
}

static void print_report(struct ui *ui, struct reports *r)
{
	if (!tui_confirm(ui, _("Send the report to the printer?")))
		return;
	if (ask_signer(ui, r) < 0)
		return;
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/wardsafe-report-XXXXXX.pdf", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemps(path, 4);
	struct strlist errors = STRLIST_INIT;
	if (fd < 0) {
		sl_pushf(&errors, _("cannot write %s: %s"), path, strerror(errno));
	} else {
		close(fd);
		if (write_report(r, path, &errors) && print_file(path, &errors))
			tui_message(ui, false, "%s", _("The report was sent to the printer."));
		unlink(path);
	}
	if (errors.n)
		tui_errors(ui, &errors);
	sl_free(&errors);
	free(path);
}

static void edit_details(struct ui *ui, struct reports *r)
{
	struct report_info *i = &r->report.info;
	const char *questions[D_COUNT] = {
		_("Report number (printed after 'Số:')"), _("Place in the date line"), _("Title of the signer"),
		_("Name of the signer"), _("Recipients, separated by |"),
		_("Authority above the title (KT., TL., TUQ., Q. or TM.; empty when the head signs)"),
	};
	char *rec = recipients_text(&i->recipients);
	const char *current[D_COUNT] = { i->number, i->place, i->signer_title, i->signer_name, rec,
					 i->signer_authority };
	for (int d = 0; d < D_COUNT; d++) {
		char *v = tui_prompt(ui, questions[d], current[d]);
		if (!v)
			break; /* Esc keeps the rest as it is */
		free(r->details[d]);
		r->details[d] = v;
	}
	free(rec);
	apply_details(r);
	rebuild_text(r);
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
		if (r->have)
			save_report(ui, r);
		return true;
	case ACT_PRINT_REPORT:
		if (r->have)
			print_report(ui, r);
		return true;
	case ACT_REPORT_DETAILS:
		if (r->have)
			edit_details(ui, r);
		return true;
	default:
		return false;
	}
}

static void rep_free(struct screen *s)
{
	struct reports *r = s->state;
	if (r->have)
		report_free(&r->report);
	sl_free(&r->lines);
	for (int d = 0; d < D_COUNT; d++)
		free(r->details[d]);
	free(r);
}

/* The reports screen (a line of screens.c). */
struct screen *ui_reports_new(enum screen_id id, const struct screen_start *start)
{
	(void)id;
	(void)start;
	struct screen *s = xcalloc(1, sizeof *s);
	s->title = N_("Reports");
	s->tab = N_("Reports");
	s->context = AS_GLOBAL | AS_REPORT;
	s->help = N_("The report of the selected period as it is printed: the overview, the groups, the "
		     "incidents and the outreach. w saves it (PDF, CSV or text), P sends it to the printer, "
		     "e changes its number, place, signer and recipients; without a signer's name, w and P ask for "
		     "it first. Left and Right scroll wide lines.");
	s->enter = rep_enter;
	s->draw = rep_draw;
	s->key = rep_key;
	s->free = rep_free;
	s->state = xcalloc(1, sizeof(struct reports));
	return s;
}
