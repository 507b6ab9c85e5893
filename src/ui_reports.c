/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_reports.c - the reports screen: the report of the selected period as
 * it is printed (report.c), to read, save as text, CSV or PDF, or send to
 * the printer; its number, place, signer and recipients can be changed
 * first and are kept while the screens run. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "entry.h"
#include "i18n.h"
#include "kind.h"
#include "printing.h"
#include "report.h"
#include "screens.h"
#include "store.h"
#include "text.h"
#include "textedit.h"
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
	if (str_has_suffix(path, ".docx"))
		return report_write_docx(&r->report, path, errors);
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
	char *path = tui_ask_save_path(ui, _("Save the report as (.pdf, .docx, .csv or .txt)"), def);
	free(def);
	if (!path)
		return;
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
	struct strlist errors = STRLIST_INIT;
	char *path = print_temp_pdf("report", &errors);
	if (path) {
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

/* ---- the editor of the officer's texts (kind narrative) */

/* One section being written: the editor, and the record as it was read
 * when the editor opened or was last saved (id 0: none stored). */
struct section_edit {
	struct textedit te;
	struct record base;
};

struct texts {
	struct ui *ui;
	char period[40];        /* the period's code, as the records store it */
	struct section_edit sec[NS_COUNT];
	int focus;
	char *error;            /* the last save's problem, shown until a key */
};

/* The heading of a section in the editor: the part's title as printed. */
static const char *section_title(int s)
{
	static const char *const titles[NS_COUNT] = {
		N_("I. Situation"), N_("III. Shortcomings"), N_("IV. Tasks ahead"),
	};
	return _(titles[s]);
}

static bool section_dirty(const struct section_edit *e)
{
	char *now = te_text(&e->te);
	const char *was = record_get(&e->base, "text");
	bool dirty = strcmp(now, was ? was : "") != 0;
	free(now);
	return dirty;
}

static bool texts_dirty(const struct texts *t)
{
	for (int s = 0; s < NS_COUNT; s++)
		if (section_dirty(&t->sec[s]))
			return true;
	return false;
}

/* The width of the text: the screen less a margin, at most 100 columns
 * (a line of a printed paragraph is about that long). */
static int texts_width(void)
{
	int w = tui_cols() - 4;
	return w > 100 ? 100 : w < 10 ? 10 : w;
}

static void draw_texts(struct ui *ui, void *vctx)
{
	struct texts *t = vctx;
	int rows = tui_rows(), cols = tui_cols();
	for (int y = 2; y < rows - 2; y++)
		tui_fill(y, 0, cols, TC_NORMAL);
	char *when = period_words(&ui->period);
	char *head = xasprintf(_("The report's texts, %s"), when);
	tui_put(2, 1, cols - 2, head, TC_TITLE);
	free(head);
	free(when);
	/* the sections as tabs, the one written highlighted, a * when changed */
	int x = 1;
	for (int s = 0; s < NS_COUNT; s++) {
		char *tab = xasprintf(" %s%s ", section_title(s), section_dirty(&t->sec[s]) ? " *" : "");
		x += tui_put(3, x, cols - x - 1, tab, s == t->focus ? TC_SELECTED : TC_NORMAL) + 1;
		free(tab);
	}
	int width = texts_width(), top = 5, height = rows - 3 - top;
	if (height < 1)
		height = 1;
	struct textedit *te = &t->sec[t->focus].te;
	te_scroll(te, width, height);
	struct te_line *lines;
	size_t n = te_wrap(te, width, &lines);
	for (int i = 0; i < height && te->top + (size_t)i < n; i++) {
		const struct te_line *l = &lines[te->top + (size_t)i];
		const struct lineedit *e = &te->para[l->para];
		struct strbuf sb = STRBUF_INIT;
		sb_puts(&sb, "");
		for (size_t j = l->start; j < l->end; j++) {
			char mb[8];
			int len = wctomb(mb, e->buf[j]);
			if (len > 0)
				sb_add(&sb, mb, (size_t)len);
		}
		tui_put(top + i, 2, width, sb.buf, TC_NORMAL);
		sb_free(&sb);
	}
	free(lines);
	char *status = t->error ? xstrdup(t->error)
		: xasprintf("%s  %s", section_dirty(&t->sec[t->focus]) ? _("Not saved") : _("Saved"),
			    _("Enter: new paragraph.  Tab: next section.  F2 saves, Esc closes."));
	tui_put(4, 1, cols - 2, status, t->error ? TC_ERROR : TC_NORMAL);
	free(status);
	tui_draw_frame(ui, AS_EDITOR | AS_TEXT);
	size_t line;
	int col;
	te_cursor(te, width, &line, &col);
	if (line >= te->top && line < te->top + (size_t)height) {
		move(top + (int)(line - te->top), 2 + col);
		curs_set(1);
	}
}

/* Loads the stored text of each section of the period. */
static void texts_load(struct texts *t)
{
	for (int s = 0; s < NS_COUNT; s++) {
		struct section_edit *e = &t->sec[s];
		record_init(&e->base, kind_find("narrative"));
		record_set_named(&e->base, "period", t->period);
		record_set_named(&e->base, "section", narrative_section_names[s]);
		long long id = store_find_key(t->ui->db, &e->base);
		if (id) {
			record_clear(&e->base);
			store_load(t->ui->db, kind_find("narrative"), id, &e->base);
		}
		te_init(&e->te, 10000);
		te_set_method(&e->te, t->ui->ime, t->ui->modern_tone);
		te_set_text(&e->te, record_get(&e->base, "text"));
	}
}

/* One attempt at writing section s as `r` (the typed text on e->base):
 * deleted when the text is empty, else updated onto what is stored now or
 * inserted.  Warnings (a closed period) refuse it unless `force`. */
static enum entry_result write_section(struct texts *t, int s, struct record *r, bool force,
				       struct record *stored, struct issues *is, struct strlist *errors)
{
	struct section_edit *e = &t->sec[s];
	const char *text = record_get(r, "text");
	record_init(stored, r->kind);
	if (!text && r->id)
		return entry_delete(t->ui->db, &e->base, force, is, errors);
	if (!text)
		return ENTRY_SAVED;
	if (r->id) {
		record_clear(stored);
		return entry_save_changes(t->ui->db, r, &e->base, NULL, force, stored, is, errors);
	}
	return entry_save(t->ui->db, r, NULL, force, is, errors);
}

/* r as the typed text of section s on its base record (trimmed; NULL when
 * nothing but blanks is typed). */
static void typed_section(struct texts *t, int s, struct record *r)
{
	struct section_edit *e = &t->sec[s];
	char *text = te_text(&e->te);
	record_copy(r, &e->base);
	record_set_named(r, "text", *str_trim(text) ? text : NULL);
	free(text);
}

/* Saves one changed section, asking when a warning applies (a closed
 * period) and when another program changed or deleted the text since it
 * was read.  False, with the problem in t->error, if nothing was saved. */
static bool save_section(struct texts *t, int s)
{
	struct section_edit *e = &t->sec[s];
	if (!section_dirty(e))
		return true;
	struct record r, stored;
	struct issues is = { NULL, 0, 0 };
	struct strlist errors = STRLIST_INIT;
	enum entry_result res;
	bool force = false;
	for (;;) {
		typed_section(t, s, &r);
		res = write_section(t, s, &r, force, &stored, &is, &errors);
		char *q = NULL;
		if (res == ENTRY_CONFIRM && !force) {
			char *w = issues_text(r.kind, &is);
			q = xasprintf("%s%s", w, _(" — save anyway?"));
			free(w);
		} else if (res == ENTRY_CONFLICT) {
			q = xasprintf(_("Someone else changed the text of %s since the editor opened. "
					"Replace it with yours?"), section_title(s));
		} else if (res == ENTRY_GONE) {
			q = xasprintf(_("Someone else deleted the text of %s since the editor opened. "
					"Save yours?"), section_title(s));
		}
		bool again = q && tui_confirm(t->ui, q);
		free(q);
		if (again) {
			if (res == ENTRY_CONFIRM)
				force = true;
			else if (res == ENTRY_CONFLICT) {
				/* theirs becomes the base: mine is written over it */
				record_clear(&e->base);
				record_copy(&e->base, &stored);
			} else {
				e->base.id = 0; /* inserted again */
			}
		}
		if (!again)
			break;
		record_clear(&r);
		record_clear(&stored);
		issues_free(&is);
		sl_free(&errors);
	}
	bool ok = res == ENTRY_SAVED;
	free(t->error);
	t->error = NULL;
	if (ok) {
		bool empty = !record_get(&r, "text");
		record_clear(&e->base);
		record_copy(&e->base, &r);
		if (empty)
			e->base.id = 0; /* deleted: a new text is inserted */
		else {
			/* what is stored now, as validation left it; the cursor stays */
			size_t top = e->te.top, cur = e->te.cur, pos = e->te.para[cur].cursor;
			te_set_text(&e->te, record_get(&e->base, "text"));
			if (cur < e->te.n) {
				e->te.cur = cur;
				e->te.para[cur].cursor = pos > e->te.para[cur].len ? e->te.para[cur].len : pos;
			}
			e->te.top = top;
		}
	} else if (res == ENTRY_CONFLICT || res == ENTRY_GONE) {
		t->error = xasprintf(_("Not saved: someone else changed or deleted the text of %s meanwhile; what you "
				       "typed is still here (F2 asks again; Esc and t again show their text)"),
				     section_title(s));
	} else if (res == ENTRY_CONFIRM) {
		t->error = xstrdup(_("Not saved: a warning was not confirmed; F2 asks again."));
	} else {
		char *m = is.n ? issues_text(r.kind, &is) : errors.n ? xstrdup(errors.items[0]) : xstrdup("?");
		t->error = xasprintf(_("Not saved: %s"), m);
		free(m);
	}
	issues_free(&is);
	sl_free(&errors);
	record_clear(&r);
	record_clear(&stored);
	return ok;
}

/* The editor of the period's texts, a modal loop like a form: nothing
 * typed is lost by a resize, and Esc asks before dropping changes.  True
 * if something was saved (the report is then built again). */
static bool edit_texts(struct ui *ui)
{
	struct texts t = { .ui = ui };
	period_format(&ui->period, t.period);
	texts_load(&t);
	bool saved_any = false;
	tui_push_overlay(draw_texts, &t);
	for (;;) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		curs_set(0);
		if (k.code == WK_NONE)
			break;
		if (k.code == WK_RESIZE)
			continue;
		if (tui_too_small()) {
			if (k.code == WK_CHAR && k.ch == L'q' &&
			    (!texts_dirty(&t) ||
			     tui_small_ask(ui, _("The texts hold unsaved changes. Press y to leave the program without saving them, any other key to keep them.")))) {
				ui->quit = true;
				break;
			}
			continue;
		}
		free(t.error);
		t.error = NULL;
		enum action_id act = action_for_key(k, AS_EDITOR | AS_TEXT);
		if (k.code == WK_CHAR && k.ch >= 0x20)
			act = ACT_NONE; /* printable keys are typed */
		if (act == ACT_EDITOR_CLOSE) {
			if (!texts_dirty(&t) || tui_confirm(ui, _("Close the editor and lose the changes not saved?")))
				break;
			continue;
		}
		if (act == ACT_EDITOR_SAVE) {
			bool ok = true;
			for (int s = 0; s < NS_COUNT && ok; s++)
				if (section_dirty(&t.sec[s])) {
					ok = save_section(&t, s);
					saved_any |= ok;
					if (!ok)
						t.focus = s;
				}
			if (ok)
				tui_message(ui, false, "%s", _("Saved the report's texts"));
			continue;
		}
		if (act == ACT_EDITOR_NEXT || act == ACT_EDITOR_PREV) {
			t.focus = (t.focus + (act == ACT_EDITOR_NEXT ? 1 : NS_COUNT - 1)) % NS_COUNT;
			continue;
		}
		if (act == ACT_HELP) {
			tui_help(ui, AS_EDITOR | AS_TEXT,
				 _("Write the report's own paragraphs for the period. The situation is printed as part I, "
				   "before the figures (II), the shortcomings as III and the tasks ahead as IV; a section "
				   "left empty is not printed. Each paragraph is one line of the text: Enter starts a new one. "
				   "Ctrl-T switches the input method (Telex, VNI)."));
			continue;
		}
		if (act == ACT_INPUT_METHOD) {
			tui_cycle_ime(ui);
			for (int s = 0; s < NS_COUNT; s++)
				te_set_method(&t.sec[s].te, ui->ime, ui->modern_tone);
			continue;
		}
		if (te_key(&t.sec[t.focus].te, k, texts_width()) == LE_REFUSED)
			t.error = xstrdup(_("The text is at its limit of 10000 characters"));
	}
	tui_pop_overlay();
	for (int s = 0; s < NS_COUNT; s++) {
		te_free(&t.sec[s].te);
		record_clear(&t.sec[s].base);
	}
	free(t.error);
	return saved_any;
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
	case ACT_REPORT_TEXTS:
		if (r->have && edit_texts(ui)) {
			int first = r->first;
			rep_enter(ui, s);
			r->first = first;
		}
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
		     "it first; t opens the editor of the report's own paragraphs (situation, shortcomings, tasks "
		     "ahead). Left and Right scroll wide lines.");
	s->enter = rep_enter;
	s->draw = rep_draw;
	s->key = rep_key;
	s->free = rep_free;
	s->state = xcalloc(1, sizeof(struct reports));
	return s;
}
