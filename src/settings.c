/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.c - configuration table, validation and loading (iniparser). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

#include "settings.h"
#include "i18n.h"
#include "printing.h"
#include "text.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

/* Longest line accepted: iniparser silently fails on lines over 1024 bytes. */
#define MAX_LINE 1000

/* print_command must split into words (printing.c): no unclosed quote and
 * no trailing backslash, found when the file is read rather than at the
 * first print. */
static char *check_command(const char *v)
{
	struct strlist words = STRLIST_INIT;
	char *err = NULL;
	print_split_command(v, &words, &err);
	sl_free(&words);
	return err;
}

/* signer_authority: Decree 30 (Phụ lục I) signs on behalf of someone
 * only with KT., TL., TUQ., Q. or TM. before the title. */
static char *check_authority(const char *v)
{
	static const char *const marks[] = { "KT. ", "TL. ", "TUQ. ", "Q. ", "TM. " };
	while (*v == ' ')
		v++;
	if (!*v)
		return NULL;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (strncmp(v, marks[i], strlen(marks[i])) == 0)
			return NULL;
	return xstrdup(_("the signer's authority starts with KT., TL., TUQ., Q. or TM. and a space "
			 "(Decree 30), e.g. KT. TRƯỞNG CÔNG AN PHƯỜNG"));
}

const struct settings_def settings_defs[CFG_COUNT] = {
	[CFG_LANGUAGE] = { "general", "language", CT_ENUM, "vi", 0, 0, "vi|en",
		N_("Language of the interface and reports: vi (Vietnamese) or en (English).") },
	[CFG_OPERATOR] = { "general", "operator", CT_STRING, "", 0, 0, NULL,
		N_("Name recorded in the audit log for every change; empty means the login name.") },
	[CFG_DB_PATH] = { "database", "path", CT_STRING, "", 0, 0, NULL,
		N_("Database file; empty means $XDG_DATA_HOME/wardsafe/wardsafe.db.") },
	[CFG_BACKUP_DIR] = { "database", "backup_dir", CT_STRING, "", 0, 0, NULL,
		N_("Directory for backup copies; empty means a 'backups' directory beside the database.") },
	[CFG_BACKUPS_KEEP] = { "database", "backups_keep", CT_INT, "30", 1, 10000, NULL,
		N_("How many automatic backup copies to keep.") },
	[CFG_TARGET_EXTINGUISHER] = { "targets", "extinguisher", CT_DECIMAL, "75", 0, 100, NULL,
		N_("Default target, percent of households with a fire extinguisher.") },
	[CFG_TARGET_APP114] = { "targets", "app114", CT_DECIMAL, "20", 0, 100, NULL,
		N_("Default target, percent of residents using the Báo cháy 114 app.") },
	[CFG_TARGET_PCCC] = { "targets", "pccc_commitment", CT_DECIMAL, "100", 0, 100, NULL,
		N_("Default target, percent of households that signed the fire-safety commitment.") },
	[CFG_TARGET_ANTT] = { "targets", "antt_commitment", CT_DECIMAL, "100", 0, 100, NULL,
		N_("Default target, percent of households that signed the security and order pledge.") },
	[CFG_TARGET_SURVEY] = { "targets", "survey_coverage", CT_DECIMAL, "100", 0, 100, NULL,
		N_("Default target, percent of households covered by the extinguisher survey.") },
	[CFG_TARGET_ESTABLISHMENT] = { "targets", "establishment_files", CT_DECIMAL, "100", 0, 100, NULL,
		N_("Default target, percent of managed establishments with a complete fire-safety file.") },
	[CFG_MONTH_START_DAY] = { "period", "month_start_day", CT_INT, "1", 1, 28, NULL,
		N_("Day on which a reporting month starts; with 15, month M runs from the 15th of M-1 to the 14th of M.") },
	[CFG_INPUT_METHOD] = { "input", "method", CT_ENUM, "off", 0, 0, "off|telex|vni",
		N_("Built-in Vietnamese input method at start: off, telex or vni.") },
	[CFG_INPUT_TONE] = { "input", "tone", CT_ENUM, "traditional", 0, 0, "traditional|modern",
		N_("Where the built-in input method puts the tone in oa, oe, uy: traditional (hòa, khỏe, thủy) or modern (hoà, khoẻ, thuỷ).") },
	[CFG_REPORT_PLACE] = { "report", "place", CT_STRING, "", 0, 0, NULL,
		N_("Place name in the report date line; empty means the ward's place.") },
	[CFG_REPORT_UNIT] = { "report", "unit", CT_STRING, "", 0, 0, NULL,
		N_("Issuing unit printed top left; empty means the ward's unit.") },
	[CFG_REPORT_PARENT_UNIT] = { "report", "parent_unit", CT_STRING, "", 0, 0, NULL,
		N_("Parent unit printed above the issuing unit; empty means the ward's parent unit.") },
	[CFG_REPORT_SIGNER_AUTHORITY] = { "report", "signer_authority", CT_STRING, "", 0, 0, NULL,
		N_("Authority printed above the signer's title when the signer signs for the head "
		   "(KT., TL., TUQ., Q. or TM.), e.g. KT. TRƯỞNG CÔNG AN PHƯỜNG; '|' splits lines; empty "
		   "when the head signs."), check_authority },
	[CFG_REPORT_SIGNER_TITLE] = { "report", "signer_title", CT_STRING, "TRƯỞNG CÔNG AN PHƯỜNG", 0, 0, NULL,
		N_("Title of the person who signs reports; '|' splits it into lines.") },
	[CFG_REPORT_SIGNER_NAME] = { "report", "signer_name", CT_STRING, "", 0, 0, NULL,
		N_("Name of the person who signs reports.") },
	[CFG_REPORT_PRINT_COMMAND] = { "report", "print_command", CT_STRING, "lp", 0, 0, NULL,
		N_("Command that prints a file; run without a shell, with the file name as its last argument.") ,
		check_command },
	[CFG_REPORT_NUMBER] = { "report", "number", CT_STRING, "/BC-CAP", 0, 0, NULL,
		N_("Report number printed after 'Số:', e.g. 12/BC-CAP; it can be changed for each report.") },
	[CFG_REPORT_RECIPIENTS] = { "report", "recipients", CT_STRING, "Lưu: VT", 0, 0, NULL,
		N_("Recipients listed under 'Nơi nhận', separated by '|'.") },
	[CFG_CSV_SEPARATOR] = { "csv", "separator", CT_ENUM, "comma", 0, 0, "comma|semicolon|tab",
		N_("Separator of the CSV files written (export, report, template): comma, semicolon (what a spreadsheet with Vietnamese regional settings reads) or tab.") },
	[CFG_CSV_DECIMAL] = { "csv", "decimal", CT_ENUM, "auto", 0, 0, "auto|point|comma",
		N_("Decimal mark of the numbers in the CSV files written: point (74.5), comma (74,5), or auto: comma with the semicolon separator, point otherwise.") },
	[CFG_CSV_LINE_END] = { "csv", "line_end", CT_ENUM, "lf", 0, 0, "lf|crlf",
		N_("Line ends of the CSV files written: lf, or crlf as RFC 4180 has it.") },
	/* The roll-up's own frame: the same keys for the unit above the wards. */
	[CFG_ROLLUP_UNIT] = { "rollup", "unit", CT_STRING, "", 0, 0, NULL,
		N_("Issuing unit of the roll-up printed top left, e.g. CÔNG AN QUẬN 1.") },
	[CFG_ROLLUP_PARENT_UNIT] = { "rollup", "parent_unit", CT_STRING, "", 0, 0, NULL,
		N_("Parent unit printed above the roll-up's issuing unit, e.g. CÔNG AN TỈNH; may be empty.") },
	[CFG_ROLLUP_PLACE] = { "rollup", "place", CT_STRING, "", 0, 0, NULL,
		N_("Place name in the roll-up's date line; empty prints the date alone.") },
	[CFG_ROLLUP_NUMBER] = { "rollup", "number", CT_STRING, "/BC", 0, 0, NULL,
		N_("Roll-up number printed after 'Số:', e.g. 25/BC-CAQ.") },
	[CFG_ROLLUP_SIGNER_AUTHORITY] = { "rollup", "signer_authority", CT_STRING, "", 0, 0, NULL,
		N_("Authority printed above the roll-up signer's title (KT., TL., TUQ., Q. or TM.), "
		   "e.g. KT. TRƯỞNG CÔNG AN QUẬN; '|' splits lines; empty when the head signs."), check_authority },
	[CFG_ROLLUP_SIGNER_TITLE] = { "rollup", "signer_title", CT_STRING, "TRƯỞNG CÔNG AN QUẬN", 0, 0, NULL,
		N_("Title of the person who signs the roll-up; '|' splits it into lines.") },
	[CFG_ROLLUP_SIGNER_NAME] = { "rollup", "signer_name", CT_STRING, "", 0, 0, NULL,
		N_("Name of the person who signs the roll-up.") },
	[CFG_ROLLUP_RECIPIENTS] = { "rollup", "recipients", CT_STRING, "Lưu: VT", 0, 0, NULL,
		N_("Recipients of the roll-up listed under 'Nơi nhận', separated by '|'.") },
};

static char *values[CFG_COUNT];
static bool given[CFG_COUNT];   /* set by the file loaded, not a default */
static char *source;

void settings_reset(void)
{
	for (int i = 0; i < CFG_COUNT; i++) {
		free(values[i]);
		values[i] = xstrdup(settings_defs[i].def);
		given[i] = false;
	}
	free(source);
	source = NULL;
}

const char *settings_source(void)
{
	return source;
}

const char *settings_str(enum settings_key k)
{
	if (!values[k])
		settings_reset();
	return values[k];
}

long long settings_int(enum settings_key k)
{
	long long v = 0;
	parse_int64(settings_str(k), &v);
	return v;
}

double settings_decimal(enum settings_key k)
{
	double v = 0;
	parse_decimal(settings_str(k), &v);
	return v;
}

void settings_set(enum settings_key k, const char *value)
{
	settings_str(k);
	free(values[k]);
	values[k] = xstrdup(value);
	given[k] = true;
}

double settings_default_target(const char *indicator)
{
	for (int i = 0; i < CFG_COUNT; i++)
		if (strcmp(settings_defs[i].section, "targets") == 0 &&
		    strcmp(settings_defs[i].key, indicator) == 0)
			return settings_decimal((enum settings_key)i);
	return -1;
}

bool settings_given(enum settings_key k)
{
	return given[k];
}

bool settings_given_target(const char *indicator, double *out)
{
	for (int i = 0; i < CFG_COUNT; i++)
		if (strcmp(settings_defs[i].section, "targets") == 0 &&
		    strcmp(settings_defs[i].key, indicator) == 0 && given[i]) {
			*out = settings_decimal((enum settings_key)i);
			return true;
		}
	return false;
}

static int find_def(const char *section, const char *key)
{
	for (int i = 0; i < CFG_COUNT; i++)
		if (strcmp(settings_defs[i].section, section) == 0 &&
		    strcmp(settings_defs[i].key, key) == 0)
			return i;
	return -1;
}

static bool known_section(const char *section)
{
	for (int i = 0; i < CFG_COUNT; i++)
		if (strcmp(settings_defs[i].section, section) == 0)
			return true;
	return false;
}

/* Checks one value against its definition; NULL if fine, else a message. */
static char *check_value(const struct settings_def *def, const char *v)
{
	long long n;
	double x;
	/* A value reaches reports, the audit log and the screens: no control
	 * character (ESC, BEL, tab, C1, text-direction marks) may hide in it. */
	long cc = text_find_control(v);
	if (cc >= 0)
		return xasprintf(_("the value contains the control character U+%04lX; "
				   "control characters, tabs and text-direction marks are not allowed: remove it"), cc);
	switch (def->type) {
	case CT_STRING:
		break;
	case CT_INT:
		if (!parse_int64(v, &n))
			return xasprintf(_("'%s' is not a whole number; allowed: %g to %g"), v, def->min, def->max);
		if (n < def->min || n > def->max)
			return xasprintf(_("%s is out of range; allowed: %g to %g"), v, def->min, def->max);
		break;
	case CT_DECIMAL:
		if (!parse_decimal(v, &x))
			return xasprintf(_("'%s' is not a number (use a point for decimals); allowed: %g to %g"),
					 v, def->min, def->max);
		if (x < def->min || x > def->max)
			return xasprintf(_("%s is out of range; allowed: %g to %g"), v, def->min, def->max);
		break;
	case CT_ENUM: {
		size_t len = strlen(v);
		const char *c = def->choices;
		bool found = false;
		while (c && *c && !found) {
			const char *bar = strchr(c, '|');
			size_t cl = bar ? (size_t)(bar - c) : strlen(c);
			found = cl == len && strncmp(c, v, len) == 0;
			c = bar ? bar + 1 : NULL;
		}
		if (!found)
			return xasprintf(_("'%s' is not allowed; allowed: %s"), v, def->choices);
		break;
	}
	}
	return def->check ? def->check(v) : NULL;
}

/* Where each key was seen in the file, for messages. */
struct key_line {
	char *name; /* "section:key", lower case, as iniparser names it */
	int line;
};

struct scan {
	struct key_line *keys;
	size_t n, cap;
};

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static int scan_line_of(const struct scan *sc, const char *name)
{
	for (size_t i = 0; i < sc->n; i++)
		if (strcmp(sc->keys[i].name, name) == 0)
			return sc->keys[i].line;
	return 0;
}

/* "UTF-16LE" or "UTF-16BE" if the text looks like UTF-16 (a byte-order
 * mark, or ASCII interleaved with NUL bytes in its first 64 bytes), else
 * NULL.  Notepad's "Unicode" is UTF-16LE with a mark. */
static const char *utf16_name(const unsigned char *d, size_t len)
{
	if (len >= 2 && d[0] == 0xFF && d[1] == 0xFE)
		return "UTF-16LE";
	if (len >= 2 && d[0] == 0xFE && d[1] == 0xFF)
		return "UTF-16BE";
	size_t pairs = (len < 64 ? len : 64) / 2;
	size_t le = 0, be = 0;
	for (size_t i = 0; i < pairs; i++) {
		unsigned char a = d[2 * i], b = d[2 * i + 1];
		le += b == 0 && a > 0 && a < 0x80;
		be += a == 0 && b > 0 && b < 0x80;
	}
	/* The first character and at least half of the others. */
	if (pairs && d[1] == 0 && d[0] > 0 && d[0] < 0x80 && 2 * le >= pairs)
		return "UTF-16LE";
	if (pairs && d[0] == 0 && d[1] > 0 && d[1] < 0x80 && 2 * be >= pairs)
		return "UTF-16BE";
	return NULL;
}

/* If the value of a key line starts with a quote, iniparser keeps what is
 * inside the quotes and silently drops anything after the closing one
 * ("a" b reads as a); true if something other than blanks or a comment
 * follows it. */
static bool text_after_quote(const char *value)
{
	if (*value != '"' && *value != '\'')
		return false;
	const char *close = strchr(value + 1, *value);
	if (!close)
		return false;
	const char *r = close + 1;
	while (*r == ' ' || *r == '\t')
		r++;
	return *r && *r != ';' && *r != '#';
}

/* iniparser ends a value that is not quoted at its first ';' or '#'.
 * After a blank that is a comment ("lp ; the office printer"); right after
 * other text ("Như trên; Lưu: VT") it would cut the value silently: true
 * then.  Control characters are reported by check_value instead. */
static bool cut_value(const char *value)
{
	if (*value == '"' || *value == '\'')
		return false;
	for (const char *c = value; *c; c++)
		if ((*c == ';' || *c == '#') && c > value && c[-1] != ' ' && c[-1] != '\t')
			return true;
	return false;
}

/* Checks the raw text line by line and returns a cleaned copy (no BOM, LF
 * endings) for iniparser, or NULL after adding messages to errors. */
static char *prescan(const char *path, const char *data, size_t len, struct scan *sc,
		     struct strlist *errors)
{
	size_t before = errors->n;
	const char *utf16 = utf16_name((const unsigned char *)data, len);
	if (utf16) {
		sl_pushf(errors, _("%s: the file is %s text, not UTF-8; save it as UTF-8 "
				   "(in Notepad: File, Save As, Encoding UTF-8)"), path, utf16);
		return NULL;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		int nul_line = 1;
		for (const char *q = data; q < nul; q++)
			nul_line += *q == '\n';
		sl_pushf(errors, _("%s:%d: contains a NUL byte; this is not a text file"), path, nul_line);
		return NULL;
	}
	struct strbuf out = STRBUF_INIT;
	char section[MAX_LINE + 1] = "";
	bool have_section = false;
	int lineno = 0;
	size_t pos = 0;
	while (pos < len) {
		const char *start = data + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;
		pos += n + (nl ? 1 : 0);
		lineno++;
		if (n > 0 && start[n - 1] == '\r')
			n--;
		if (n > MAX_LINE) {
			sl_pushf(errors, _("%s:%d: line is longer than %d bytes"), path, lineno, MAX_LINE);
			sb_putc(&out, '\n');
			continue;
		}
		char line[MAX_LINE + 1];
		memcpy(line, start, n);
		line[n] = '\0';
		if (!text_valid_utf8(line, n)) {
			sl_pushf(errors, _("%s:%d: text is not valid UTF-8"), path, lineno);
			sb_putc(&out, '\n');
			continue;
		}
		sb_add(&out, line, n);
		/* iniparser joins a line ending in a backslash to the next one, which
		 * would swallow the next key silently; here the backslash is literal,
		 * so end such a line with an empty comment. */
		size_t k = n;
		while (k > 0 && isspace((unsigned char)line[k - 1]))
			k--;
		if (k > 0 && line[k - 1] == '\\')
			sb_puts(&out, " ;");
		sb_putc(&out, '\n');
		char *t = str_trim(line);
		if (!*t || *t == ';' || *t == '#')
			continue;
		if (*t == '[') {
			char *close = strchr(t, ']');
			if (!close || close[1] != '\0' || close == t + 1) {
				sl_pushf(errors, _("%s:%d: malformed section header; expected [name]"), path, lineno);
				continue;
			}
			*close = '\0';
			snprintf(section, sizeof section, "%s", str_trim(t + 1));
			lower(section);
			have_section = true;
			if (!known_section(section))
				sl_pushf(errors, _("%s:%d: unknown section [%s]"), path, lineno, section);
			continue;
		}
		char *eq = strchr(t, '=');
		if (!eq || eq == t) {
			sl_pushf(errors, _("%s:%d: syntax error; expected key = value"), path, lineno);
			continue;
		}
		*eq = '\0';
		const char *value = eq + 1;
		while (*value == ' ' || *value == '\t')
			value++;
		if ((*value == '"' || *value == '\'') && !strchr(value + 1, *value)) {
			sl_pushf(errors, _("%s:%d: the quote that starts the value is not closed"), path, lineno);
			continue;
		}
		if (text_after_quote(value)) {
			sl_pushf(errors, _("%s:%d: text follows the closing quote and would be ignored; "
					   "put the whole value in quotes (single quotes around double ones "
					   "or the other way round), or start it without a quote"), path, lineno);
			continue;
		}
		if (cut_value(value) && text_find_control(value) < 0) {
			sl_pushf(errors, _("%s:%d: a ';' or '#' inside a value starts a comment and would cut "
					   "the value there; put the whole value in quotes (\"...\" or '...'), e.g. "
					   "recipients = \"Như trên; Lưu: VT\""), path, lineno);
			continue;
		}
		char *key = str_trim(t);
		lower(key);
		if (!have_section) {
			sl_pushf(errors, _("%s:%d: key '%s' outside any [section]"), path, lineno, key);
			continue;
		}
		if (!known_section(section))
			continue; /* already reported */
		int di = find_def(section, key);
		if (di < 0) {
			sl_pushf(errors, _("%s:%d: unknown key '%s' in [%s]"), path, lineno, key, section);
			continue;
		}
		char *name = xasprintf("%s:%s", section, key);
		if (scan_line_of(sc, name)) {
			sl_pushf(errors, _("%s:%d: key '%s' in [%s] is given twice (first on line %d)"),
				 path, lineno, key, section, scan_line_of(sc, name));
			free(name);
			continue;
		}
		if (sc->n == sc->cap) {
			sc->cap = sc->cap ? sc->cap * 2 : 16;
			sc->keys = xrealloc(sc->keys, sc->cap * sizeof(*sc->keys));
		}
		sc->keys[sc->n].name = name;
		sc->keys[sc->n].line = lineno;
		sc->n++;
	}
	if (errors->n > before) {
		sb_free(&out);
		return NULL;
	}
	return sb_steal(&out);
}

/* iniparser reports through a printf-like callback; keep the first message. */
static char *ini_error;

static int ini_error_cb(const char *fmt, ...)
{
	if (!ini_error) {
		va_list ap;
		va_start(ap, fmt);
		ini_error = xvasprintf(fmt, ap);
		va_end(ap);
		str_trim(ini_error);
	}
	return 0;
}

/* Hands `text` to iniparser through an anonymous in-memory file. */
static dictionary *ini_load_text(const char *text)
{
	int fd = memfd_create("wardsafe-ini", MFD_CLOEXEC);
	char *tmpl = NULL;
	if (fd < 0) {
		const char *dir = getenv("TMPDIR");
		tmpl = xasprintf("%s/wardsafe-iniXXXXXX", dir && *dir ? dir : "/tmp");
		fd = mkstemp(tmpl);
		if (fd < 0) {
			free(tmpl);
			return NULL;
		}
	}
	size_t len = strlen(text), off = 0;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	char *name = tmpl ? xstrdup(tmpl) : xasprintf("/proc/self/fd/%d", fd);
	dictionary *d = off == len ? iniparser_load(name) : NULL;
	free(name);
	if (tmpl) {
		unlink(tmpl);
		free(tmpl);
	}
	close(fd);
	return d;
}

/* What a file that is not a regular file is, for messages. */
static const char *file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return _("a directory");
	if (S_ISFIFO(mode))
		return _("a named pipe (FIFO)");
	if (S_ISCHR(mode))
		return _("a character device");
	if (S_ISBLK(mode))
		return _("a block device");
	if (S_ISSOCK(mode))
		return _("a socket");
	return _("a special file");
}

/* The message for a file over the size limit. */
static void too_big(const char *path, struct strlist *errors)
{
	sl_pushf(errors, _("%s: the file is larger than %d bytes (1 MiB), too large for a "
			   "configuration file; check that this is the right file"),
		 path, SETTINGS_MAX_SIZE);
}

/* Reads the configuration file `path`: only a regular file, at most
 * SETTINGS_MAX_SIZE bytes.  The checks are made on the opened descriptor
 * (O_NONBLOCK, so that opening a FIFO does not wait for a writer) and the
 * bytes are read through it, never more than the limit + 1, so what is
 * checked is what is read.  NULL with a message naming the file if not. */
static char *read_config(const char *path, size_t *len, struct strlist *errors)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		sl_pushf(errors, _("%s: cannot read the configuration file: %s"), path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		sl_pushf(errors, _("%s: cannot read the configuration file: %s"), path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		const char *kind = file_kind(st.st_mode);
		if (S_ISDIR(st.st_mode))
			sl_pushf(errors, _("%s: is %s, not a regular file; give the configuration file "
					   "itself (e.g. %s/wardsafe.ini)"), path, kind, path);
		else
			sl_pushf(errors, _("%s: is %s, not a regular file; the configuration must be a "
					   "regular text file"), path, kind);
		close(fd);
		return NULL;
	}
	if (st.st_size > SETTINGS_MAX_SIZE) {
		too_big(path, errors);
		close(fd);
		return NULL;
	}
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	while (sb.len <= SETTINGS_MAX_SIZE) {
		size_t want = SETTINGS_MAX_SIZE + 1 - sb.len;
		ssize_t r = read(fd, chunk, want < sizeof chunk ? want : sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			sl_pushf(errors, _("%s: cannot read the configuration file: %s"), path, strerror(errno));
			sb_free(&sb);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		sb_add(&sb, chunk, (size_t)r);
	}
	close(fd);
	if (sb.len > SETTINGS_MAX_SIZE) { /* it grew since fstat */
		too_big(path, errors);
		sb_free(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb_steal(&sb);
}

bool settings_load_file(const char *path, struct strlist *errors)
{
	size_t len;
	char *data = read_config(path, &len, errors);
	if (!data)
		return false;
	bool ok = settings_load_text(path, data, len, errors);
	free(data);
	return ok;
}

bool settings_load_text(const char *path, const char *data, size_t len, struct strlist *errors)
{
	if (len > SETTINGS_MAX_SIZE) {
		too_big(path, errors);
		return false;
	}
	struct scan sc = { NULL, 0, 0 };
	char *clean = prescan(path, data, len, &sc, errors);
	bool ok = false;
	char *newvals[CFG_COUNT] = { NULL };
	if (!clean)
		goto out;

	iniparser_set_error_callback(ini_error_cb);
	free(ini_error);
	ini_error = NULL;
	dictionary *d = ini_load_text(clean);
	free(clean);
	if (!d) {
		sl_pushf(errors, _("%s: cannot be parsed: %s"), path,
			 ini_error ? ini_error : _("unknown error"));
		goto out;
	}
	size_t before = errors->n;
	for (size_t i = 0; i < sc.n; i++) {
		const char *v = iniparser_getstring(d, sc.keys[i].name, NULL);
		if (!v)
			continue;
		char *colon = strchr(sc.keys[i].name, ':');
		*colon = '\0';
		int di = find_def(sc.keys[i].name, colon + 1);
		*colon = ':';
		char *vv = xstrdup(v);
		str_trim(vv);
		char *msg = check_value(&settings_defs[di], vv);
		if (msg) {
			sl_pushf(errors, _("%s:%d: [%s] %s: %s"), path, sc.keys[i].line,
				 settings_defs[di].section, settings_defs[di].key, msg);
			free(msg);
			free(vv);
			continue;
		}
		free(newvals[di]);
		newvals[di] = vv;
	}
	iniparser_freedict(d);
	if (errors->n > before)
		goto out;
	settings_reset();
	for (int i = 0; i < CFG_COUNT; i++)
		if (newvals[i]) {
			free(values[i]);
			values[i] = newvals[i];
			newvals[i] = NULL;
			given[i] = true;
		}
	source = xstrdup(path);
	ok = true;
out:
	for (int i = 0; i < CFG_COUNT; i++)
		free(newvals[i]);
	for (size_t i = 0; i < sc.n; i++)
		free(sc.keys[i].name);
	free(sc.keys);
	return ok;
}

static bool file_exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

bool settings_load(const char *explicit_path, struct strlist *errors)
{
	settings_reset();
	if (explicit_path)
		return settings_load_file(explicit_path, errors);
	const char *env = getenv("WARDSAFE_CONFIG");
	if (env && *env)
		return settings_load_file(env, errors);
	char *path;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/') /* XDG: a relative path is ignored */
		path = xasprintf("%s/wardsafe/wardsafe.ini", xdg);
	else if (home && *home)
		path = xasprintf("%s/.config/wardsafe/wardsafe.ini", home);
	else
		path = NULL;
	if (path && file_exists(path)) {
		bool ok = settings_load_file(path, errors);
		free(path);
		return ok;
	}
	free(path);
	/* $WARDSAFE_SYSCONFDIR (tests) stands for the configured directory, so
	 * that a file installed on the machine cannot change a test's result. */
	const char *sys = getenv("WARDSAFE_SYSCONFDIR");
	path = xasprintf("%s/wardsafe.ini", sys && *sys ? sys : SYSCONFDIR);
	bool ok = !file_exists(path) || settings_load_file(path, errors);
	free(path);
	return ok;
}
