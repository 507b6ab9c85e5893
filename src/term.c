/* SPDX-License-Identifier: GPL-3.0-or-later */
/* term.c - curses set-up, key decoding, signals and scripted mode. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "i18n.h"
#include "term.h"

static bool active, scripted, colors;
static SCREEN *screen;
static FILE *null_out, *null_in;
static volatile sig_atomic_t got_signal;
static int ctrl_left, ctrl_right;

/* Scripted mode: the whole script in memory and a read position. */
static char *script;
static size_t script_pos, script_len;
static FILE *dump_file;
static int dump_count;

static void on_signal(int sig)
{
	got_signal = sig;
}

int term_signal(void)
{
	return got_signal;
}

bool term_scripted(void)
{
	return scripted;
}

bool term_colors(void)
{
	return colors;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocking read returns so the flag is seen. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

bool term_init(struct strlist *errors)
{
	const char *path = getenv("WARDSAFE_SCRIPT");
	install_signals();
	if (path && *path) {
		size_t len;
		script = read_file(path, &len);
		if (!script) {
			sl_pushf(errors, _("cannot read the key script %s: %s"), path, strerror(errno));
			return false;
		}
		script_len = len;
		const char *dump = getenv("WARDSAFE_DUMP");
		dump_file = dump && *dump ? fopen(dump, "w") : NULL;
		null_out = fopen("/dev/null", "w");
		null_in = fopen("/dev/null", "r");
		if (!getenv("COLUMNS"))
			setenv("COLUMNS", "80", 1);
		if (!getenv("LINES"))
			setenv("LINES", "24", 1);
		use_env(TRUE);
		screen = newterm("xterm", null_out, null_in);
		if (!screen) {
			sl_pushf(errors, "%s", _("cannot set up the screen for the key script"));
			return false;
		}
		scripted = true;
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			sl_pushf(errors, "%s", _("the screens need a terminal; use the commands (see 'wardsafe --help') "
						  "in scripts and pipes"));
			return false;
		}
		const char *term = getenv("TERM");
		screen = newterm(term && *term ? term : "xterm", stdout, stdin);
		if (!screen) {
			sl_pushf(errors, _("the terminal type '%s' is unknown; set TERM (for example TERM=xterm)"),
				 term ? term : "");
			return false;
		}
	}
	set_term(screen);
	active = true;
	util_on_fatal(term_end);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (!scripted)
		timeout(250);
	colors = !scripted && has_colors() && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
	if (colors) {
		start_color();
		use_default_colors();
	}
	ctrl_left = key_defined("\033[1;5D");
	ctrl_right = key_defined("\033[1;5C");
	return true;
}

void term_end(void)
{
	if (!active)
		return;
	active = false;
	endwin();
	delscreen(screen);
	screen = NULL;
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	null_out = null_in = NULL;
	if (dump_file)
		fclose(dump_file);
	dump_file = NULL;
	free(script);
	script = NULL;
}

/* Decodes one UTF-8 character from the script. */
static wchar_t script_char(void)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t n = mbrtowc(&wc, script + script_pos, script_len - script_pos, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		script_pos++;
		return L'?';
	}
	script_pos += n;
	return wc;
}

static const struct { const char *name; enum wkey_code code; } key_names[] = {
	{ "Up", WK_UP }, { "Down", WK_DOWN }, { "Left", WK_LEFT }, { "Right", WK_RIGHT },
	{ "Home", WK_HOME }, { "End", WK_END }, { "PgUp", WK_PGUP }, { "PgDn", WK_PGDN },
	{ "Enter", WK_ENTER }, { "Tab", WK_TAB }, { "S-Tab", WK_BTAB }, { "Esc", WK_ESC },
	{ "BS", WK_BACKSPACE }, { "Del", WK_DELETE }, { "Ins", WK_INSERT },
	{ "C-Left", WK_CTRL_LEFT }, { "C-Right", WK_CTRL_RIGHT },
	{ "F1", WK_F1 }, { "F2", WK_F2 }, { "F3", WK_F3 }, { "F4", WK_F4 }, { "F5", WK_F5 },
	{ "F6", WK_F6 }, { "F7", WK_F7 }, { "F8", WK_F8 }, { "F9", WK_F9 }, { "F10", WK_F10 },
	{ "F11", WK_F11 }, { "F12", WK_F12 },
};

/* The next key of the script; WK_NONE at its end. */
static struct wkey script_key(void)
{
	struct wkey k = { WK_NONE, 0 };
	while (script_pos < script_len) {
		char c = script[script_pos];
		if (c == '\n' || c == '\r') {
			script_pos++;
			continue;
		}
		if (c != '<') {
			k.code = WK_CHAR;
			k.ch = script_char();
			return k;
		}
		const char *end = memchr(script + script_pos, '>', script_len - script_pos);
		if (!end) {
			script_pos++;
			k.code = WK_CHAR;
			k.ch = L'<';
			return k;
		}
		char name[64];
		size_t n = (size_t)(end - script - script_pos - 1);
		if (n >= sizeof name)
			n = sizeof name - 1;
		memcpy(name, script + script_pos + 1, n);
		name[n] = '\0';
		script_pos = (size_t)(end - script) + 1;
		int w, h;
		if (!strcasecmp(name, "Dump")) {
			term_dump();
			continue;
		}
		if (!strncasecmp(name, "dump ", 5) && name[5]) {
			/* <dump FILE>: this screen alone, into FILE. */
			FILE *saved = dump_file, *f = fopen(name + 5, "w");
			if (f) {
				dump_file = f;
				term_dump();
				fclose(f);
			}
			dump_file = saved;
			continue;
		}
		if (sscanf(name, "Resize %dx%d", &w, &h) == 2) {
			resizeterm(h, w);
			k.code = WK_RESIZE;
			return k;
		}
		if (!strcmp(name, "Lt")) {
			k.code = WK_CHAR;
			k.ch = L'<';
			return k;
		}
		if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
			k.code = WK_CHAR;
			k.ch = WKEY_CTRL(name[2]);
			return k;
		}
		for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
			if (!strcmp(name, key_names[i].name)) {
				k.code = key_names[i].code;
				return k;
			}
		/* An unknown name is typed as it stands, so a typo shows in the dump. */
		script_pos -= n + 2;
		k.code = WK_CHAR;
		k.ch = script_char();
		return k;
	}
	return k;
}

/* Maps a curses key code to a wkey. */
static struct wkey curses_key(int code)
{
	struct wkey k = { WK_NONE, 0 };
	if (code >= KEY_F(1) && code <= KEY_F(12)) {
		k.code = (enum wkey_code)(WK_F1 + (code - KEY_F(1)));
		return k;
	}
	if (code && code == ctrl_left) {
		k.code = WK_CTRL_LEFT;
		return k;
	}
	if (code && code == ctrl_right) {
		k.code = WK_CTRL_RIGHT;
		return k;
	}
	switch (code) {
	case KEY_UP: k.code = WK_UP; break;
	case KEY_DOWN: k.code = WK_DOWN; break;
	case KEY_LEFT: k.code = WK_LEFT; break;
	case KEY_RIGHT: k.code = WK_RIGHT; break;
	case KEY_HOME: k.code = WK_HOME; break;
	case KEY_END: k.code = WK_END; break;
	case KEY_PPAGE: k.code = WK_PGUP; break;
	case KEY_NPAGE: k.code = WK_PGDN; break;
	case KEY_BACKSPACE: k.code = WK_BACKSPACE; break;
	case KEY_DC: k.code = WK_DELETE; break;
	case KEY_IC: k.code = WK_INSERT; break;
	case KEY_ENTER: k.code = WK_ENTER; break;
	case KEY_BTAB: k.code = WK_BTAB; break;
	case KEY_RESIZE: k.code = WK_RESIZE; break;
	default: break;
	}
	return k;
}

/* Decodes the next character from the terminal's bytes.  Not get_wch():
 * after an invalid UTF-8 byte (a legacy TCVN3 terminal, a Latin-1 paste) it
 * swallows the keys typed after it.  Here a bad byte is dropped and the
 * following bytes are decoded afresh.  Returns ERR on the timeout,
 * KEY_CODE_YES with a curses key code, or OK with a character. */
static int read_char(wint_t *out)
{
	static mbstate_t state;
	for (;;) {
		int c = getch();
		if (c == ERR)
			return ERR;
		if (c >= KEY_MIN) {
			memset(&state, 0, sizeof state);
			*out = (wint_t)c;
			return KEY_CODE_YES;
		}
		char b = (char)c;
		wchar_t wc;
		size_t n = mbrtowc(&wc, &b, 1, &state);
		if (n == (size_t)-2)
			continue; /* more bytes to come */
		if (n == (size_t)-1) {
			/* Drop what was pending; the byte may start something valid. */
			memset(&state, 0, sizeof state);
			n = mbrtowc(&wc, &b, 1, &state);
			if (n == (size_t)-2)
				continue;
			if (n == (size_t)-1) {
				memset(&state, 0, sizeof state);
				continue;
			}
		}
		*out = n == 0 ? 0 : (wint_t)wc;
		return OK;
	}
}

struct wkey term_getkey(void)
{
	struct wkey k = { WK_NONE, 0 };
	if (got_signal)
		return k;
	if (scripted)
		return script_key();
	for (;;) {
		wint_t wc;
		int r = read_char(&wc);
		if (got_signal)
			return k;
		if (r == ERR)
			continue; /* the timeout: look at the signal flag again */
		if (r == KEY_CODE_YES) {
			k = curses_key((int)wc);
			if (k.code != WK_NONE)
				return k;
			continue;
		}
		switch (wc) {
		case L'\r':
		case L'\n':
			k.code = WK_ENTER;
			return k;
		case L'\t':
			k.code = WK_TAB;
			return k;
		case 27:
			k.code = WK_ESC;
			return k;
		case 127:
		case 8:
			k.code = WK_BACKSPACE;
			return k;
		default:
			k.code = WK_CHAR;
			k.ch = (wchar_t)wc;
			return k;
		}
	}
}

void term_dump(void)
{
	FILE *f = dump_file ? dump_file : stdout;
	if (!active)
		return;
	int rows = getmaxy(stdscr), cols = getmaxx(stdscr);
	fprintf(f, "-- screen %d (%dx%d) --\n", ++dump_count, cols, rows);
	for (int y = 0; y < rows; y++) {
		struct strbuf sb = STRBUF_INIT;
		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attrs;
			short pair;
			if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
				continue;
			for (int i = 0; wch[i]; i++) {
				char mb[MB_LEN_MAX];
				mbstate_t st;
				memset(&st, 0, sizeof st);
				size_t m = wcrtomb(mb, wch[i], &st);
				if (m != (size_t)-1)
					sb_add(&sb, mb, m);
			}
			/* A double-width character fills the next cell too. */
			if (wch[0] && wcwidth(wch[0]) == 2)
				x++;
		}
		while (sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
		fprintf(f, "%s\n", sb.buf ? sb.buf : "");
		sb_free(&sb);
	}
	fflush(f);
}
