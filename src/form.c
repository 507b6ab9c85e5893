/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form.c - one form for every kind of record, built from the kind table.
 *
 * Each field is a line editor (lineedit.c).  Saving builds a record from the
 * typed texts and hands it to entry_save(): on an error the form stays open
 * with everything typed, the cursor on the offending field and the message
 * below; warnings ask for a confirmation.  The form is an overlay of the
 * main loop, so a resize redraws it at once without losing anything. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "entry.h"
#include "i18n.h"
#include "indicator.h"
#include "lineedit.h"
#include "names.h"
#include "record.h"
#include "text.h"
#include "tui.h"
#include "validate.h"

/* The length of a field's line editor. */
#define FIELD_EDIT_LEN(d) ((d)->maxlen ? (size_t)(d)->maxlen : 40)

struct form {
	struct ui *ui;
	struct record *rec;
	const struct record *old;       /* NULL for a new record */
	struct record base;             /* the stored record the changes apply
					 * to: `old`, then what a conflict
					 * showed (entry_save_changes) */
	const struct kind_def *k;
	int n;                          /* fields shown */
	int field[KIND_MAX_FIELDS];     /* kind field index of each */
	struct lineedit edit[KIND_MAX_FIELDS];
	char *shown[KIND_MAX_FIELDS];   /* each field's text for `base`: an
					 * editor still holding it is unchanged */
	int focus;
	char *error;                    /* the message of a refused save */
	struct strlist problems;        /* every problem it named, listed
					 * under the form until the next save */
	char *picked[KIND_MAX_FIELDS];  /* the value chosen with F4, kept while
					 * its name is in the editor (two groups
					 * may have the same name) */
	char *picked_text[KIND_MAX_FIELDS];
};

/* Choices offered by F4 for a field: values and labels.  The labels are
 * names; a group's code is a column of its own (officers know their groups
 * by it), other codes are only found by typing (TUI_PICK_HIDDEN). */
static void choices(struct form *f, int fi, struct strlist *values, struct strlist *labels)
{
	const struct field_def *d = &f->k->fields[fi];
	sqlite3_stmt *st = NULL;
	switch (d->type) {
	case FT_GROUP:
		st = db_prepare(f->ui->db, "SELECT code, name FROM rgroup WHERE active = 1 ORDER BY id");
		break;
	case FT_CATEGORY:
		st = db_prepare(f->ui->db, "SELECT code, name FROM category ORDER BY id");
		break;
	case FT_BOOL:
		sl_push(values, xstrdup("yes"));
		sl_push(labels, xstrdup(_("yes")));
		sl_push(values, xstrdup("no"));
		sl_push(labels, xstrdup(_("no")));
		return;
	case FT_INDICATOR:
		for (int i = 0; i < indicator_count; i++) {
			sl_push(values, xstrdup(indicator_defs[i].id));
			sl_pushf(labels, "%s" TUI_PICK_HIDDEN "%s", _(indicator_defs[i].label), indicator_defs[i].id);
		}
		return;
	case FT_CHOICE:
		for (const char *p = d->choices; p && *p;) {
			const char *bar = strchr(p, '|');
			char *v = xstrndup(p, bar ? (size_t)(bar - p) : strlen(p));
			sl_pushf(labels, "%s" TUI_PICK_HIDDEN "%s", names_choice(v), v);
			sl_push(values, v);
			p = bar ? bar + 1 : NULL;
		}
		return;
	default:
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		sl_push(values, xstrdup((const char *)sqlite3_column_text(st, 0)));
		sl_pushf(labels, d->type == FT_GROUP ? "%s" TUI_PICK_COL "%s" : "%2$s" TUI_PICK_HIDDEN "%1$s",
			 sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
}

static bool has_choices(const struct field_def *d)
{
	return d->type == FT_GROUP || d->type == FT_CATEGORY || d->type == FT_BOOL ||
	       d->type == FT_INDICATOR || d->type == FT_CHOICE;
}

/* The record as typed so far: a field whose text is still the stored one
 * keeps the stored value exactly (a date shown as dd/mm/yyyy is not a
 * change), so that a save changes only what was typed. */
static void typed_record(struct form *f, struct record *r)
{
	record_init(r, f->k);
	r->id = f->old ? f->base.id : 0;
	if (f->old)
		for (int i = 0; i < f->k->nfields; i++)
			if (f->base.val[i])
				record_set(r, i, f->base.val[i]);
	for (int j = 0; j < f->n; j++) {
		char *t = le_text(&f->edit[j]);
		int i = f->field[j];
		if (f->picked[j] && !strcmp(t, f->picked_text[j])) {
			record_set(r, i, f->picked[j]);
		} else if (!f->old && f->rec->val[i] && !strcmp(t, f->shown[j])) {
			record_set(r, i, f->rec->val[i]); /* what the new form proposed */
		} else if (!f->old || strcmp(t, f->shown[j]) != 0) {
			/* A name typed is stored as its code. */
			char *v = names_input(f->ui->db, &f->k->fields[i], t);
			record_set(r, i, v);
			free(v);
		}
		free(t);
	}
}

/* A stored value as a form's editor gives it back (dates as dd/mm/yyyy,
 * names instead of codes, NFC, at most the field's length); new string. */
static char *shown_text(sqlite3 *db, const struct field_def *d, const char *v)
{
	ws_date dt;
	char buf[11];
	if (v && d->type == FT_DATE && date_parse(v, &dt))
		v = date_dmy(dt, buf);
	char *name = v && d->type != FT_DATE ? names_form_text(db, d, v) : NULL;
	struct lineedit e;
	le_init(&e, FIELD_EDIT_LEN(d));
	le_set_text(&e, name ? name : v ? v : "");
	char *t = le_text(&e);
	le_free(&e);
	free(name);
	return t;
}

/* Makes `stored` the base of the form: fields not changed show its values,
 * a conflicting field shows it too when `take_theirs`; what the officer
 * changed otherwise stays typed. */
static void rebase(struct form *f, struct record *stored, bool take_theirs)
{
	for (int j = 0; j < f->n; j++) {
		int i = f->field[j];
		char *t = le_text(&f->edit[j]);
		char *now = shown_text(f->ui->db, &f->k->fields[i], stored->val[i]);
		bool unchanged = strcmp(t, f->shown[j]) == 0;
		bool theirs = strcmp(now, f->shown[j]) != 0; /* changed by another */
		free(t);
		free(f->shown[j]);
		f->shown[j] = now;
		if (unchanged || (take_theirs && theirs)) {
			le_set_text(&f->edit[j], f->shown[j]);
			f->edit[j].changed = false;
		}
	}
	record_clear(&f->base);
	f->base = *stored;
	record_init(stored, f->k);
}

static void draw_form(struct ui *ui, void *vctx)
{
	struct form *f = vctx;
	int rows = tui_rows(), cols = tui_cols();
	for (int y = 2; y < rows - 2; y++)
		tui_fill(y, 0, cols, TC_NORMAL);
	char *title = f->old ? xasprintf(_("Change %s (id %lld)"), _(f->k->label), f->old->id)
			     : xasprintf(_("New %s"), _(f->k->label));
	tui_put(2, 1, cols - 2, title, TC_TITLE);
	free(title);
	struct record typed;
	typed_record(f, &typed);
	/* Label column as wide as the labels (up to 36), 24 columns for the unit
	 * and limit, the rest for the value. */
	int wl = 0, y = 4;
	for (int j = 0; j < f->n; j++) {
		int w = text_width(_(f->k->fields[f->field[j]].label)) + 4;
		if (w > wl)
			wl = w;
	}
	if (wl > 44)
		wl = 44;
	int we = cols - wl - 24 - 2;
	if (we > 40)
		we = 40;
	if (we < 16)
		we = 16;
	/* Below the fields: the hint line, then the message and every problem,
	 * down to the message line; the fields give way to a long list. */
	struct strlist msg = STRLIST_INIT;
	if (f->error)
		text_wrap(f->error, cols - 2, &msg);
	for (size_t i = 0; i < f->problems.n; i++) {
		struct strlist one = STRLIST_INIT;
		text_wrap(f->problems.items[i], cols - 6, &one);
		for (size_t l = 0; l < one.n; l++)
			sl_pushf(&msg, "%s%s", l ? "    " : "  • ", one.items[l]);
		sl_free(&one);
	}
	int nmsg = msg.n > 2 ? (int)msg.n : 2;
	if (nmsg > rows - 11)
		nmsg = rows - 11 > 2 ? rows - 11 : 2;
	int hint_y = rows - 2 - nmsg;
	int first = 0, avail = hint_y - 5;
	if (avail < 1)
		avail = 1;
	if (f->focus >= avail)
		first = f->focus - avail + 1;
	for (int j = first; j < f->n && j - first < avail; j++, y++) {
		const struct field_def *d = &f->k->fields[f->field[j]];
		char *label = xasprintf("%s%s", _(d->label), (d->flags & FF_REQUIRED) ? " *" : "");
		tui_put(y, 1, wl - 2, label, j == f->focus ? TC_TITLE : TC_NORMAL);
		free(label);
		int col = le_layout(&f->edit[j], we);
		char *t = le_text(&f->edit[j]);
		const char *p = t;
		/* Only the field being edited scrolls to its cursor; the others
		 * show their beginning (a long note reads from its start). */
		for (size_t i = 0; j == f->focus && i < f->edit[j].scroll && *p; i++) {
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		tui_fill(y, wl, we, j == f->focus ? TC_SELECTED : TC_BAR);
		/* A value the first typed character replaces is underlined. */
		tui_put(y, wl, we, p, j != f->focus ? TC_BAR : f->edit[j].fresh ? TC_FRESH : TC_SELECTED);
		free(t);
		/* Unit, limit, and what F4 offers. */
		struct strbuf after = STRBUF_INIT;
		char *hint = validate_hint(ui->db, &typed, f->field[j]);
		if (hint) {
			sb_puts(&after, hint); /* the limit names its unit */
			free(hint);
		} else if (d->unit) {
			sb_puts(&after, _(d->unit));
		}
		if (d->type == FT_DATE)
			sb_printf(&after, "%s%s", after.len ? " " : "", _("DD/MM/YYYY"));
		if (has_choices(d))
			sb_printf(&after, "%s%s", after.len ? " " : "", _("(F4: list)"));
		if (after.len)
			tui_put(y, wl + we + 2, cols - wl - we - 3, after.buf, TC_NORMAL);
		sb_free(&after);
		(void)col;
	}
	record_clear(&typed);
	tui_put(hint_y, 1, cols - 2, _("* required.  Enter on the last field or F2 saves; Esc closes."), TC_NORMAL);
	tui_draw_frame(ui, AS_FORM | AS_TEXT);
	for (int i = 0; i < (int)msg.n && i < nmsg; i++) {
		tui_fill(hint_y + 1 + i, 0, cols, TC_NORMAL);
		tui_put(hint_y + 1 + i, 1, cols - 2, msg.items[i], TC_ERROR);
	}
	sl_free(&msg);
	if (f->focus >= first && f->focus - first < avail) {
		int col = le_layout(&f->edit[f->focus], we);
		move(4 + f->focus - first, wl + col);
		curs_set(1);
	}
}

static bool form_dirty(struct form *f)
{
	for (int j = 0; j < f->n; j++)
		if (f->edit[j].changed)
			return true;
	return false;
}

/* One attempt: a new record is inserted, a stored one gets the changes
 * typed (entry_save_changes); `stored` receives the record as stored. */
static enum entry_result save_once(struct form *f, struct record *r, bool force, struct record *stored,
				   struct issues *is, struct strlist *errors)
{
	if (!f->old) {
		record_init(stored, f->k);
		return entry_save(f->ui->db, r, NULL, force, is, errors);
	}
	return entry_save_changes(f->ui->db, r, &f->base, NULL, force, stored, is, errors);
}

/* Someone else changed fields the officer changed too: shows both values
 * of each and asks whether to write the officer's over them, or else to
 * take the stored ones into the form.  True to try the save again. */
static bool resolve_conflict(struct form *f, struct record *r, struct record *stored)
{
	struct strbuf q = STRBUF_INIT;
	sb_printf(&q, _("Someone else changed this %s after the form opened:"), _(f->k->label));
	const char *sep = " ";
	for (int j = 0; j < f->n; j++) {
		int i = f->field[j];
		if (!entry_field_conflicts(r, &f->base, stored, i))
			continue;
		char *mine = shown_text(f->ui->db, &f->k->fields[i], r->val[i]);
		char *theirs = shown_text(f->ui->db, &f->k->fields[i], stored->val[i]);
		sb_printf(&q, _("%s%s: yours '%s', saved '%s'"), sep,
			  _(f->k->fields[i].label), mine, theirs);
		sep = "; ";
		free(mine);
		free(theirs);
	}
	sb_puts(&q, _(". Save yours over the saved values?"));
	bool mine = tui_confirm(f->ui, q.buf);
	sb_free(&q);
	free(f->error);
	f->error = NULL;
	if (mine) {
		rebase(f, stored, false);
		return true;
	}
	if (tui_confirm(f->ui, _("Take the saved values into the form? (No: back to the form as you typed it)"))) {
		rebase(f, stored, true);
		f->error = xstrdup(_("Not saved: the saved values are in the form now; check them and press F2."));
	} else {
		f->error = xstrdup(_("Not saved: someone else changed this entry; F2 shows both values again."));
	}
	return false;
}

/* Lists the issues of a severity in f->problems and puts the cursor on the
 * first field one of them names. */
static void list_problems(struct form *f, const struct issues *is, enum severity sev)
{
	bool moved = false;
	sl_free(&f->problems);
	for (size_t i = 0; i < is->n; i++) {
		if (is->v[i].sev != sev)
			continue;
		sl_push(&f->problems, issue_text(f->k, &is->v[i]));
		for (int j = 0; j < f->n && !moved; j++)
			if (f->field[j] == is->v[i].field) {
				f->focus = j;
				moved = true;
			}
	}
}

/* Saves; returns true when the record is stored.  Nothing typed is lost
 * when it is not. */
static bool form_save(struct form *f)
{
	struct record r, stored;
	struct issues is = { NULL, 0, 0 };
	struct strlist errors = STRLIST_INIT;
	bool force = false;
	enum entry_result res;
	sl_free(&f->problems);
	for (;;) {
		typed_record(f, &r);
		res = save_once(f, &r, force, &stored, &is, &errors);
		bool again = false;
		if (res == ENTRY_CONFIRM && !force) {
			char *warnings = issues_text(f->k, &is);
			char *q = xasprintf("%s%s", warnings, _(" — save anyway?"));
			again = force = tui_confirm(f->ui, q);
			free(q);
			free(warnings);
			if (!again) {
				/* Declined: the warnings stay listed and the cursor goes to
				 * the first field one names. */
				free(f->error);
				f->error = xstrdup(_("Not saved: check the warnings below; F2 asks again."));
				list_problems(f, &is, SEV_WARNING);
			}
		} else if (res == ENTRY_CONFLICT) {
			again = resolve_conflict(f, &r, &stored);
		} else if (res == ENTRY_GONE) {
			char *q = xasprintf(_("This %s was deleted by someone else after the form opened; nothing was "
					      "saved. Save what you typed as a new entry?"), _(f->k->label));
			again = tui_confirm(f->ui, q);
			free(q);
			free(f->error);
			f->error = NULL;
			if (again) {
				f->old = NULL; /* inserted from now on */
				record_clear(&f->base);
				f->rec->id = 0;
			} else {
				f->error = xstrdup(_("Not saved: someone else deleted this entry. What you typed is "
						     "still here; Esc closes the form."));
			}
		}
		if (!again)
			break;
		issues_free(&is);
		record_clear(&r);
		record_clear(&stored);
	}
	bool saved = res == ENTRY_SAVED;
	if (saved) {
		f->rec->id = r.id;
		for (int i = 0; i < f->k->nfields; i++)
			record_set(f->rec, i, r.val[i]);
		tui_message(f->ui, false, _("Saved %s (id %lld)"), _(f->k->label), r.id);
		if (f->k->singleton) { /* the ward: its name is in the title bar */
			free(f->ui->ward);
			f->ui->ward = xstrdup(record_get(&r, "name"));
		}
	} else if (res == ENTRY_REFUSED) {
		/* Keep everything typed; list every problem, the cursor on the
		 * first field in error. */
		free(f->error);
		f->error = NULL;
		list_problems(f, &is, SEV_ERROR);
		if (f->problems.n == 1) { /* one problem: the message alone */
			f->error = xstrdup(f->problems.items[0]);
			sl_free(&f->problems);
		} else {
			f->error = xstrdup(_("Not saved:"));
		}
	} else if (res == ENTRY_FAILED) {
		free(f->error);
		f->error = xstrdup(_("Not saved: see the message."));
		tui_errors(f->ui, &errors);
	}
	issues_free(&is);
	sl_free(&errors);
	record_clear(&r);
	record_clear(&stored);
	return saved;
}

static void form_pick(struct form *f)
{
	int fi = f->field[f->focus];
	if (!has_choices(&f->k->fields[fi]))
		return;
	struct strlist values = STRLIST_INIT, labels = STRLIST_INIT;
	choices(f, fi, &values, &labels);
	char *typed = le_text(&f->edit[f->focus]);
	char *cur = names_input(f->ui->db, &f->k->fields[fi], typed);
	int sel = 0;
	for (size_t i = 0; i < values.n; i++)
		if (!strcmp(values.items[i], cur))
			sel = (int)i;
	free(cur);
	free(typed);
	int i = tui_pick(f->ui, _(f->k->fields[fi].label), &labels, sel);
	if (i >= 0) {
		char *name = shown_text(f->ui->db, &f->k->fields[fi], values.items[i]);
		le_set_text(&f->edit[f->focus], name);
		free(f->picked[f->focus]);
		free(f->picked_text[f->focus]);
		f->picked[f->focus] = xstrdup(values.items[i]);
		f->picked_text[f->focus] = name;
		f->edit[f->focus].changed = true;
		if (f->focus + 1 < f->n)
			f->focus++;
	}
	sl_free(&values);
	sl_free(&labels);
}

bool form_run(struct ui *ui, struct record *rec, const struct record *old)
{
	struct form f;
	memset(&f, 0, sizeof f);
	f.ui = ui;
	f.rec = rec;
	f.old = old;
	f.k = rec->kind;
	record_init(&f.base, f.k);
	if (old)
		record_copy(&f.base, old);
	for (int i = 0; i < f.k->nfields; i++) {
		const struct field_def *d = &f.k->fields[i];
		if (!d->column && old)
			continue; /* households etc. of a group: only when it is created */
		f.field[f.n] = i;
		le_init(&f.edit[f.n], FIELD_EDIT_LEN(d));
		le_set_method(&f.edit[f.n], ui->ime, ui->modern_tone);
		f.shown[f.n] = shown_text(ui->db, d, rec->val[i]);
		le_set_text(&f.edit[f.n], f.shown[f.n]);
		f.edit[f.n].changed = false;
		f.n++;
	}
	tui_push_overlay_full(draw_form, &f);
	bool saved = false;
	for (;;) {
		tui_draw(ui);
		struct wkey k = tui_key(ui);
		curs_set(0);
		if (k.code == WK_NONE)
			break; /* signal or end of script: nothing half-typed is saved */
		if (k.code == WK_RESIZE)
			continue;
		/* Too small to draw: nothing is typed into the hidden fields; q
		 * leaves the program, asking first if something was typed. */
		if (tui_too_small()) {
			if (k.code == WK_CHAR && k.ch == L'q' &&
			    (!form_dirty(&f) ||
			     tui_small_ask(ui, _("The form holds unsaved text. Press y to leave the program without saving it, any other key to keep it.")))) {
				ui->quit = true;
				goto done;
			}
			continue;
		}
		enum action_id act = action_for_key(k, AS_FORM | AS_TEXT);
		if (k.code == WK_CHAR && k.ch >= 0x20)
			act = ACT_NONE; /* printable keys are typed */
		if (act == ACT_FORM_NEXT || (act == ACT_NONE && k.code == WK_ENTER)) {
			if (k.code == WK_ENTER && f.focus == f.n - 1) {
				if ((saved = form_save(&f)))
					break;
			} else {
				f.focus = (f.focus + 1) % f.n;
			}
			continue;
		}
		switch (act) {
		case ACT_FORM_PREV:
			f.focus = (f.focus + f.n - 1) % f.n;
			continue;
		case ACT_FORM_SAVE:
			if ((saved = form_save(&f)))
				goto done;
			continue;
		case ACT_FORM_CANCEL:
			if (!form_dirty(&f) || tui_confirm(ui, _("Close the form and lose what was typed?")))
				goto done;
			continue;
		case ACT_FORM_PICK:
			form_pick(&f);
			continue;
		case ACT_HELP:
			tui_help(ui, AS_FORM | AS_TEXT, _("Type the values; the limits are shown beside the fields. Typing in a field that "
					      "holds a value replaces it; press Home, End, Left or Right first to change it "
					      "instead."));
			continue;
		case ACT_INPUT_METHOD:
			tui_cycle_ime(ui);
			for (int j = 0; j < f.n; j++)
				le_set_method(&f.edit[j], ui->ime, ui->modern_tone);
			continue;
		default:
			break;
		}
		/* Typing clears a single message; a list of problems stays until
		 * the next save, so that it can be worked through. */
		if (le_key(&f.edit[f.focus], k) == LE_CHANGED && !f.problems.n) {
			free(f.error);
			f.error = NULL;
		}
	}
done:
	tui_pop_overlay();
	for (int j = 0; j < f.n; j++) {
		le_free(&f.edit[j]);
		free(f.shown[j]);
		free(f.picked[j]);
		free(f.picked_text[j]);
	}
	record_clear(&f.base);
	free(f.error);
	sl_free(&f.problems);
	return saved;
}

void ui_first_run(struct ui *ui)
{
	struct record ward;
	record_init(&ward, kind_find("ward"));
	tui_message(ui, false, "%s", _("Welcome. First, the ward's own details; then its residential groups."));
	bool ok = form_run(ui, &ward, NULL);
	record_clear(&ward);
	if (!ok || ui->quit)
		return;
	while (!ui->quit && tui_confirm(ui, _("Add a residential group now?"))) {
		struct record g;
		record_init(&g, kind_find("group"));
		record_set_named(&g, "active", "yes");
		form_run(ui, &g, NULL);
		record_clear(&g);
	}
}
