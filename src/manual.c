/* SPDX-License-Identifier: GPL-3.0-or-later */
/* manual.c - the manual as text or PDF from the roff pages of this build,
 * formatted by groff (manual.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "manual.h"
#include "pdfdraw.h"
#include "util.h"

#ifndef MANDIR
#define MANDIR "/usr/share/man"
#endif

extern char **environ;

/* The text is formatted for this many columns: at 9 pt in a monospace font
 * they fill the text width of an A4 page with the margins of pdfdraw.h. */
#define MANUAL_COLUMNS 80
#define MONO_FAMILY "Liberation Mono"
#define MONO_SIZE 9.0
#define LINE_HEIGHT 11.0
#define HEADING_SIZE 12.0

char *manual_page_path(const char *lang, int section)
{
	const char *dir = getenv("WARDSAFE_MANDIR");
	if (!dir || !*dir)
		dir = build_tree_dir(false, "man/gen");
	if (!dir)
		dir = MANDIR;
	bool vi = lang && !strcmp(lang, "vi");
	return xasprintf("%s/%sman%d/%s", dir, vi ? "vi/" : "", section,
			 section == 5 ? "wardsafe.ini.5" : "wardsafe.1");
}

/* Runs groff on one page and appends its output to `out`: `plain` for text
 * without bold or underline, otherwise with them as overstrikes (c BS c for
 * bold, _ BS c for italic).  No shell; standard error is discarded. */
static bool format_page(const char *page, bool plain, struct strbuf *out, struct strlist *errors)
{
	struct stat st;
	if (stat(page, &st) != 0) {
		sl_pushf(errors, _("cannot read the manual page %s: %s"), page, strerror(errno));
		return false;
	}
	char ll[32];
	snprintf(ll, sizeof ll, "-rLL=%dn", MANUAL_COLUMNS);
	const char *argv[] = { "groff", "-Kutf-8", "-man", "-Tutf8", "-rcR=1", "-rHY=0", ll,
			       plain ? "-P-cbou" : "-P-c", page, NULL };
	int fd[2];
	if (pipe(fd) != 0) {
		sl_pushf(errors, _("cannot run %s: %s"), "groff", strerror(errno));
		return false;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	posix_spawn_file_actions_addclose(&fa, fd[1]);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int e = posix_spawnp(&pid, "groff", &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	if (e) {
		close(fd[0]);
		sl_pushf(errors, _("cannot run %s: %s (install the Debian package groff-base)"), "groff", strerror(e));
		return false;
	}
	char buf[8192];
	ssize_t n;
	size_t before = out->len;
	while ((n = read(fd[0], buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		sb_add(out, buf, (size_t)n);
	}
	close(fd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || out->len == before) {
		sl_pushf(errors, _("groff could not format the manual page %s"), page);
		return false;
	}
	return true;
}

/* Both pages formatted, one after the other. */
static bool format_manual(const char *lang, bool plain, struct strbuf *out, struct strlist *errors)
{
	for (int section = 1; section <= 5; section += 4) {
		char *page = manual_page_path(lang, section);
		if (section == 5 && !plain)
			sb_putc(out, '\f'); /* a new sheet for wardsafe.ini(5) */
		else if (section == 5)
			sb_putc(out, '\n');
		bool ok = format_page(page, plain, out, errors);
		free(page);
		if (!ok)
			return false;
	}
	return true;
}

bool manual_text(const char *lang, struct strbuf *out, struct strlist *errors)
{
	return format_manual(lang, true, out, errors);
}

/* ---- the PDF */

enum { ATTR_ROMAN, ATTR_BOLD, ATTR_ITALIC };

/* One output line: its characters (UTF-8, overstrikes resolved) with the
 * attribute and the column of each. */
struct cell {
	char ch[8];
	int attr;
};
struct line {
	struct cell *cells;
	int n;
	bool heading;
};

/* Length of the UTF-8 sequence that starts with byte c. */
static int u8len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* A combining mark (no column of its own): U+0300..U+036F. */
static bool combining(const char *s)
{
	unsigned char a = (unsigned char)s[0], b = (unsigned char)s[1];
	return (a == 0xCC && b >= 0x80) || (a == 0xCD && b <= 0xAF);
}

/* Splits one line of grotty output into cells. */
static void parse_line(const char *s, size_t len, struct line *ln)
{
	ln->cells = xcalloc(len + 1, sizeof *ln->cells);
	ln->n = 0;
	size_t i = 0;
	while (i < len) {
		int l = u8len((unsigned char)s[i]);
		if (i + (size_t)l > len)
			l = (int)(len - i);
		char ch[8] = { 0 };
		memcpy(ch, s + i, (size_t)l);
		i += (size_t)l;
		int attr = ATTR_ROMAN;
		/* overstrikes: X BS X is bold, _ BS X italic */
		while (i + 1 < len && s[i] == '\b') {
			int l2 = u8len((unsigned char)s[i + 1]);
			if (i + 1 + (size_t)l2 > len)
				break;
			char ch2[8] = { 0 };
			memcpy(ch2, s + i + 1, (size_t)l2);
			if (!strcmp(ch, "_") && strcmp(ch2, "_") != 0)
				attr = attr == ATTR_BOLD ? ATTR_BOLD : ATTR_ITALIC;
			else if (!strcmp(ch, ch2))
				attr = ATTR_BOLD;
			memcpy(ch, ch2, sizeof ch);
			i += 1 + (size_t)l2;
		}
		if (combining(ch) && ln->n > 0) {
			/* keep the mark with its letter */
			struct cell *c = &ln->cells[ln->n - 1];
			size_t cl = strlen(c->ch);
			if (cl + strlen(ch) < sizeof c->ch)
				memcpy(c->ch + cl, ch, strlen(ch) + 1);
			continue;
		}
		memcpy(ln->cells[ln->n].ch, ch, sizeof ch);
		ln->cells[ln->n].attr = attr;
		ln->n++;
	}
}

/* A heading of the page (.SH): text from the first column. */
static bool is_heading(const struct line *ln)
{
	return ln->n > 0 && strcmp(ln->cells[0].ch, " ") != 0;
}

struct manual_doc {
	struct line *lines;
	size_t n;
};

/* Draws `text` at (x, y) in the monospace font, or the heading font. */
static void draw_run(struct pdf_doc *d, double x, double y, const char *text, int attr, bool heading)
{
	PangoLayout *l = pango_layout_new(d->pango);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, heading ? "Liberation Sans" : MONO_FAMILY);
	pango_font_description_set_size(fd, (gint)((heading ? HEADING_SIZE : MONO_SIZE) * PANGO_SCALE + 0.5));
	pango_font_description_set_weight(fd, attr == ATTR_BOLD || heading ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, attr == ATTR_ITALIC ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	gchar *valid = g_utf8_make_valid(text, -1);
	gchar *nfc = g_utf8_normalize(valid, -1, G_NORMALIZE_NFC);
	pango_layout_set_text(l, nfc ? nfc : valid, -1);
	g_free(nfc);
	g_free(valid);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
}

/* Draws one line: runs of cells of one attribute, each at its column. */
static void draw_line(struct pdf_doc *d, const struct line *ln, double cw, bool heading)
{
	struct strbuf run = STRBUF_INIT;
	if (heading) {
		/* one text in the heading font */
		for (int i = 0; i < ln->n; i++)
			sb_puts(&run, ln->cells[i].ch);
		draw_run(d, d->left, d->y, run.buf, ATTR_BOLD, true);
		sb_free(&run);
		return;
	}
	int start = 0;
	for (int i = 0; i <= ln->n; i++) {
		bool end = i == ln->n || (i > start && ln->cells[i].attr != ln->cells[start].attr);
		if (end && run.len) {
			if (strspn(run.buf, " ") != run.len)
				draw_run(d, d->left + cw * start, d->y, run.buf, ln->cells[start].attr, false);
			sb_free(&run);
			run = (struct strbuf)STRBUF_INIT;
		}
		if (i == ln->n)
			break;
		if (end || !run.len)
			start = i;
		sb_puts(&run, ln->cells[i].ch);
	}
	sb_free(&run);
}

static void draw_manual(struct pdf_doc *d, const void *ctx)
{
	const struct manual_doc *m = ctx;
	/* the advance of the monospace font */
	PangoLayout *l = pango_layout_new(d->pango);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, MONO_FAMILY);
	pango_font_description_set_size(fd, (gint)(MONO_SIZE * PANGO_SCALE + 0.5));
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, "0000000000", -1);
	int lw, lh;
	pango_layout_get_size(l, &lw, &lh);
	g_object_unref(l);
	double cw = (double)lw / PANGO_SCALE / 10;
	bool first = true;
	for (size_t i = 0; i < m->n; i++) {
		const struct line *ln = &m->lines[i];
		if (ln->n == 1 && !strcmp(ln->cells[0].ch, "\f")) {
			pdf_new_page(d);
			first = true;
			continue;
		}
		bool heading = ln->heading;
		/* no blank line at the top of a page */
		if (ln->n == 0 && d->y <= d->top + 0.5)
			continue;
		double h = heading ? HEADING_SIZE * 1.4 : LINE_HEIGHT;
		/* a heading keeps its first lines with it */
		if (d->y + h + (heading && !first ? 3 * LINE_HEIGHT : 0) > d->bottom)
			pdf_new_page(d);
		if (ln->n)
			draw_line(d, ln, cw, heading);
		d->y += h;
		first = false;
	}
}

bool manual_write_pdf(const char *lang, const char *path, struct strlist *errors)
{
	struct strbuf text = STRBUF_INIT;
	if (!format_manual(lang, false, &text, errors)) {
		sb_free(&text);
		return false;
	}
	struct manual_doc m = { NULL, 0 };
	size_t cap = 0;
	const char *s = text.buf ? text.buf : "";
	const char *end = s + text.len;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (cap == m.n) {
			cap = cap ? 2 * cap : 256;
			m.lines = xrealloc(m.lines, cap * sizeof *m.lines);
		}
		if (len && s[0] == '\f') {
			/* a form feed between the pages: a line of its own */
			m.lines[m.n].cells = xcalloc(1, sizeof *m.lines[m.n].cells);
			strcpy(m.lines[m.n].cells[0].ch, "\f");
			m.lines[m.n].n = 1;
			m.n++;
			s++;
			continue;
		}
		parse_line(s, len, &m.lines[m.n]);
		m.n++;
		s += len + (nl ? 1 : 0);
	}
	/* Section headings start in the first column, and so do the header
	 * and footer lines groff puts first and last on each page (drawn as
	 * ordinary lines). */
	for (size_t i = 0, seg = 0; i <= m.n; i++) {
		if (i < m.n && !(m.lines[i].n == 1 && !strcmp(m.lines[i].cells[0].ch, "\f"))) {
			m.lines[i].heading = is_heading(&m.lines[i]);
			continue;
		}
		size_t a = seg, b = i;
		while (a < b && !m.lines[a].n)
			a++;
		while (b > a && !m.lines[b - 1].n)
			b--;
		if (a < b) {
			m.lines[a].heading = false;
			m.lines[b - 1].heading = false;
		}
		seg = i + 1;
	}
	bool ok = pdf_write_file(path, false, _("wardsafe manual"), draw_manual, &m, errors);
	for (size_t i = 0; i < m.n; i++)
		free(m.lines[i].cells);
	free(m.lines);
	sb_free(&text);
	return ok;
}
