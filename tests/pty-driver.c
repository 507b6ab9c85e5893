/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pty-driver.c - runs a program in a pseudo-terminal and renders its output
 * with libvterm, for the end-to-end tests of the screens (tests/tui-pty.sh).
 *
 *   pty-driver [--size COLSxROWS] [--timeout SEC] [--term NAME] [--raw FILE]
 *              -- COMMAND ARGS...
 *
 * COMMAND runs under forkpty() with TERM=xterm-256color (xterm when that
 * terminfo entry is missing) and without COLUMNS/LINES, so the pty's window
 * size counts.  Its output is fed into a libvterm screen of the given size
 * (default 80x24).  Commands come on stdin, one per line ('#' lines and
 * blank lines are skipped):
 *
 *   wait TEXT       read output until TEXT is on the rendered screen (on one
 *                   row); the program's "ready" signal.  No plain sleeps.
 *   gone TEXT       read output until TEXT is no longer on the screen
 *   has TEXT        TEXT is on the screen now, once the output pauses 50 ms
 *                   (after a wait for the answer to a later key, this checks
 *                   the effect of the earlier keys without a timeout)
 *   send TEXT       write bytes; escapes \e \r \n \t \\ \xHH \uXXXX
 *                   \UXXXXXXXX (the last two written as UTF-8)
 *   key NAME...     write the xterm sequences of keys: F1..F12, Up, Down,
 *                   Left, Right, Home, End (ESC O x in application cursor
 *                   mode, ESC [ x otherwise, as xterm does), PgUp, PgDn,
 *                   Del, Ins, BTab (Shift-Tab), Tab, Enter, Esc, Backspace,
 *                   C-Left, C-Right, C-a..C-z, KP-Enter (ESC O M in
 *                   application keypad mode, CR otherwise).  Esc alone
 *                   must be followed by a wait, or the bytes after it
 *                   would make an escape sequence with it
 *   resize COLSxROWS  resize the pty (the kernel sends SIGWINCH) and screen
 *   dump            print the screen between "--- screen ---" lines (UTF-8,
 *                   trailing spaces trimmed), once the output pauses 50 ms
 *   signal NAME     send TERM, INT, HUP or KILL to the program
 *   expect-exit N   wait for the program to exit; fail unless it exited
 *                   with status N (a death by a signal always fails)
 *   restored        after the exit: the alternate screen was left (rmcup,
 *                   ESC [?1049l, after the last smcup, and the emulated
 *                   terminal is back on the normal screen), the cursor was
 *                   shown again (ESC [?25h after the last ESC [?25l), the
 *                   keypad left application mode (ESC [?1l) and the pty is
 *                   back in cooked mode (ICANON, ECHO, ISIG)
 *   run COMMAND     run COMMAND with /bin/sh -c (stdin /dev/null, output
 *                   to stderr) and wait for it; fail unless it exits 0.  The
 *                   program in the pty is meanwhile left alone: this is how
 *                   a test makes a second process change the database
 *                   while a screen is open (tests/tui-concurrent.sh)
 *   pass NAME       print "pass NAME" (the shell test turns these into TAP)
 *
 * The first failing command prints a message and the screen on stderr and
 * the driver exits 1 (2 for usage errors).  --timeout (default 10 s) bounds
 * the whole run: every wait shares it, so a hang fails instead of blocking.
 * At the end of the commands a program still running is killed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

static VTerm *vt;
static VTermScreen *vscreen;
static int master = -1, rows = 24, cols = 80;
static pid_t child = -1;
static bool child_done, pty_eof;
static int child_status;
static long long deadline_ms;
static int timeout_s = 10, lineno;

/* Everything the program wrote, for the `restored` check and --raw. */
static char *out_log;
static size_t out_len, out_cap;

/* Emulated terminal state that matters to the keys and to `restored`. */
static bool app_cursor;         /* DECCKM: cursor keys send ESC O x */
static bool app_keypad;         /* DECKPAM: keypad Enter sends ESC O M */
static bool alt_screen;         /* from libvterm's VTERM_PROP_ALTSCREEN */

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Kills the program if it still runs and reaps it. */
static void stop_child(void)
{
	if (child > 0 && !child_done) {
		kill(child, SIGKILL);
		waitpid(child, &child_status, 0);
		child_done = true;
	}
}

/* Appends one code point to buf as UTF-8; returns the bytes written. */
static size_t put_utf8(char *buf, unsigned long c)
{
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xC0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xE0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	buf[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* One row of the rendered screen as UTF-8, trailing spaces trimmed; out
 * needs room for cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1 bytes. */
static void screen_row(int row, char *out)
{
	size_t n = 0;
	for (int col = 0; col < cols;) {
		VTermScreenCell cell;
		VTermPos pos = { row, col };
		if (!vterm_screen_get_cell(vscreen, pos, &cell) || !cell.chars[0]) {
			out[n++] = ' ';
			col++;
			continue;
		}
		for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
			n += put_utf8(out + n, cell.chars[i]);
		col += cell.width > 0 ? cell.width : 1;
	}
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

static char *row_buffer(void)
{
	static char *buf;
	static size_t cap;
	size_t need = (size_t)cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1;
	if (need > cap) {
		free(buf);
		buf = malloc(need);
		if (!buf) {
			perror("pty-driver");
			exit(1);
		}
		cap = need;
	}
	return buf;
}

static void print_screen(FILE *f)
{
	char *buf = row_buffer();
	fputs("--- screen ---\n", f);
	for (int r = 0; r < rows; r++) {
		screen_row(r, buf);
		fprintf(f, "%s\n", buf);
	}
	fputs("--- screen ---\n", f);
	fflush(f);
}

static bool screen_has(const char *text)
{
	char *buf = row_buffer();
	for (int r = 0; r < rows; r++) {
		screen_row(r, buf);
		if (strstr(buf, text))
			return true;
	}
	return false;
}

static const char *raw_path;

static void save_raw(void)
{
	if (!raw_path)
		return;
	FILE *f = fopen(raw_path, "wb");
	if (f) {
		fwrite(out_log, 1, out_len, f);
		fclose(f);
	}
}

/* Reports the failure of the current command, with the screen, and ends. */
static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void fail(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "pty-driver: line %d: ", lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (vscreen)
		print_screen(stderr);
	stop_child();
	save_raw();
	exit(1);
}

static void reap(void)
{
	if (child_done)
		return;
	pid_t r = waitpid(child, &child_status, WNOHANG);
	if (r == child)
		child_done = true;
}

/* Finds the last occurrence of needle in the output log; -1 if none. */
static long last_in_log(const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = out_len >= n ? out_len - n + 1 : 0; i-- > 0;)
		if (!memcmp(out_log + i, needle, n))
			return (long)i;
	return -1;
}

/* Keeps track of DECCKM (ESC [?1h, ESC [?1l) and DECKPAM (ESC =, ESC >),
 * which smkx and rmkx set and reset, in the bytes from `from` on; a
 * sequence may have started in an earlier read. */
static void scan_modes(size_t from)
{
	static const char set[] = "\033[?1h", reset[] = "\033[?1l";
	size_t n = sizeof set - 1;
	from = from >= n ? from - (n - 1) : 0;
	for (size_t i = from; i < out_len; i++) {
		if (out_log[i] != '\033')
			continue;
		if (i + n <= out_len && !memcmp(out_log + i, set, n))
			app_cursor = true;
		else if (i + n <= out_len && !memcmp(out_log + i, reset, n))
			app_cursor = false;
		else if (i + 1 < out_len && out_log[i + 1] == '=')
			app_keypad = true;
		else if (i + 1 < out_len && out_log[i + 1] == '>')
			app_keypad = false;
	}
}

static void feed(const char *buf, size_t n)
{
	if (out_len + n > out_cap) {
		size_t cap = out_cap ? out_cap : 65536;
		while (cap < out_len + n)
			cap *= 2;
		char *p = realloc(out_log, cap);
		if (!p) {
			perror("pty-driver");
			exit(1);
		}
		out_log = p;
		out_cap = cap;
	}
	memcpy(out_log + out_len, buf, n);
	size_t from = out_len;
	out_len += n;
	scan_modes(from);
	vterm_input_write(vt, buf, n);
}

/* Reads what the program wrote, waiting at most ms for it; notes the end of
 * the output and the exit of the program. */
static void pump(int ms)
{
	if (pty_eof) {
		reap();
		if (!child_done && ms > 0)
			poll(NULL, 0, ms > 20 ? 20 : ms);
		return;
	}
	struct pollfd p = { master, POLLIN, 0 };
	int r = poll(&p, 1, ms);
	if (r > 0) {
		char buf[8192];
		ssize_t n = read(master, buf, sizeof buf);
		if (n > 0)
			feed(buf, (size_t)n);
		else if (n == 0 || (errno != EAGAIN && errno != EINTR))
			pty_eof = true; /* EIO: every copy of the slave is closed */
	}
	reap();
}

static int remaining_ms(void)
{
	long long left = deadline_ms - now_ms();
	return left > 0 ? (int)left : 0;
}

/* Writes bytes to the program, reading its output meanwhile so that
 * neither side can block the other. */
static void write_all(const char *buf, size_t n)
{
	while (n) {
		if (child_done || pty_eof)
			fail("cannot type: the program has ended");
		if (!remaining_ms())
			fail("timed out after %d s while typing", timeout_s);
		struct pollfd p = { master, POLLIN | POLLOUT, 0 };
		if (poll(&p, 1, 100) <= 0)
			continue;
		if (p.revents & POLLIN)
			pump(0);
		if (!(p.revents & POLLOUT))
			continue;
		ssize_t w = write(master, buf, n);
		if (w > 0) {
			buf += w;
			n -= (size_t)w;
		} else if (w < 0 && errno != EAGAIN && errno != EINTR) {
			fail("cannot type: %s", strerror(errno));
		}
	}
}

/* libvterm's answers to the program's queries go back to it, as a real
 * terminal's would. */
static void on_vterm_output(const char *s, size_t len, void *user)
{
	(void)user;
	if (!child_done && !pty_eof)
		write_all(s, len);
}

static int on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	(void)user;
	if (prop == VTERM_PROP_ALTSCREEN)
		alt_screen = val->boolean;
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = {
	.settermprop = on_settermprop,
};

/* Turns the escapes of a `send` argument into bytes; returns the length. */
static size_t unescape(const char *in, char *out)
{
	size_t n = 0;
	while (*in) {
		if (*in != '\\') {
			out[n++] = *in++;
			continue;
		}
		in++;
		char c = *in++;
		int digits = 0;
		switch (c) {
		case 'e': out[n++] = '\033'; break;
		case 'r': out[n++] = '\r'; break;
		case 'n': out[n++] = '\n'; break;
		case 't': out[n++] = '\t'; break;
		case '\\': out[n++] = '\\'; break;
		case 'x': digits = 2; break;
		case 'u': digits = 4; break;
		case 'U': digits = 8; break;
		default: fail("unknown escape \\%c in send", c ? c : '0');
		}
		if (!digits)
			continue;
		unsigned long v = 0;
		for (int i = 0; i < digits; i++, in++) {
			char h = *in;
			int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
				: h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
			if (d < 0)
				fail("\\%c needs %d hexadecimal digits", c, digits);
			v = v * 16 + (unsigned long)d;
		}
		if (c == 'x')
			out[n++] = (char)v;
		else if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			fail("\\%c%0*lX is not a Unicode scalar value", c, digits, v);
		else
			n += put_utf8(out + n, v);
	}
	return n;
}

/* The bytes xterm sends for a key, or NULL for an unknown name. */
static const char *key_bytes(const char *name, char *buf)
{
	static const struct { const char *name, *seq; } keys[] = {
		{ "F1", "\033OP" }, { "F2", "\033OQ" }, { "F3", "\033OR" }, { "F4", "\033OS" },
		{ "F5", "\033[15~" }, { "F6", "\033[17~" }, { "F7", "\033[18~" }, { "F8", "\033[19~" },
		{ "F9", "\033[20~" }, { "F10", "\033[21~" }, { "F11", "\033[23~" }, { "F12", "\033[24~" },
		{ "PgUp", "\033[5~" }, { "PgDn", "\033[6~" }, { "Del", "\033[3~" }, { "Ins", "\033[2~" },
		{ "BTab", "\033[Z" }, { "Tab", "\t" }, { "Enter", "\r" }, { "Esc", "\033" },
		{ "Backspace", "\177" }, { "C-Left", "\033[1;5D" }, { "C-Right", "\033[1;5C" },
	};
	/* Cursor keys: ESC O x in application cursor mode, ESC [ x otherwise. */
	static const struct { const char *name; char final; } cursor[] = {
		{ "Up", 'A' }, { "Down", 'B' }, { "Right", 'C' }, { "Left", 'D' },
		{ "Home", 'H' }, { "End", 'F' },
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (!strcmp(name, keys[i].name))
			return keys[i].seq;
	for (size_t i = 0; i < sizeof cursor / sizeof cursor[0]; i++)
		if (!strcmp(name, cursor[i].name)) {
			buf[0] = '\033';
			buf[1] = app_cursor ? 'O' : '[';
			buf[2] = cursor[i].final;
			buf[3] = '\0';
			return buf;
		}
	if (!strcmp(name, "KP-Enter"))
		return app_keypad ? "\033OM" : "\r";
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3]) {
		buf[0] = (char)(name[2] - 'a' + 1);
		buf[1] = '\0';
		return buf;
	}
	return NULL;
}

static bool parse_size(const char *s, int *w, int *h)
{
	char end;
	return sscanf(s, "%dx%d%c", w, h, &end) == 2 && *w >= 2 && *w <= 1000 && *h >= 2 && *h <= 1000;
}

/* Reads what is already on its way: until the output pauses for 50 ms. */
static void settle(void)
{
	for (size_t before = out_len + 1; before != out_len && !pty_eof && remaining_ms();) {
		before = out_len;
		pump(50);
	}
}

/* `wait` and `gone`: reads output until TEXT is (or is no longer) shown. */
static void wait_screen(const char *text, bool present)
{
	for (;;) {
		if (screen_has(text) == present)
			return;
		if (pty_eof) {
			if (child_done && WIFEXITED(child_status))
				fail("the program exited with status %d while waiting for '%s' %s", WEXITSTATUS(child_status),
				     text, present ? "to appear" : "to go");
			fail("the output ended while waiting for '%s' %s", text, present ? "to appear" : "to go");
		}
		int left = remaining_ms();
		if (!left)
			fail("timed out after %d s waiting for '%s' %s", timeout_s, text,
			     present ? "to appear" : "to go");
		pump(left < 100 ? left : 100);
	}
}

/* `expect-exit`: waits for the exit and reads the rest of the output. */
static void expect_exit(int want)
{
	while (!child_done || !pty_eof) {
		int left = remaining_ms();
		if (!left)
			fail("timed out after %d s waiting for the program to exit", timeout_s);
		pump(left < 100 ? left : 100);
	}
	if (WIFSIGNALED(child_status))
		fail("the program was killed by signal %d (%s), want exit status %d", WTERMSIG(child_status),
		     strsignal(WTERMSIG(child_status)), want);
	if (WEXITSTATUS(child_status) != want)
		fail("the program exited with status %d, want %d", WEXITSTATUS(child_status), want);
}

/* `restored`: the program left the terminal as it found it. */
static void check_restored(void)
{
	if (!child_done)
		fail("restored: the program is still running (use expect-exit first)");
	long smcup = last_in_log("\033[?1049h"), rmcup = last_in_log("\033[?1049l");
	if (smcup < 0)
		fail("restored: the program never switched to the alternate screen (no ESC [?1049h)");
	if (rmcup < smcup)
		fail("restored: no ESC [?1049l (rmcup) after the last ESC [?1049h: the alternate screen was not left");
	if (alt_screen)
		fail("restored: the emulated terminal is still on the alternate screen");
	/* From the output, not from libvterm: libvterm's DECSC (ESC 7, which
	 * ncurses also sends) saves the cursor visibility, xterm's does not, so
	 * its idea of the cursor after rmcup can differ from xterm's. */
	if (last_in_log("\033[?25h") < last_in_log("\033[?25l"))
		fail("restored: the cursor was left invisible (no cnorm ESC [?25h after the last civis)");
	if (app_cursor)
		fail("restored: the keypad was left in application mode (no rmkx)");
	struct termios t;
	if (tcgetattr(master, &t) == 0) {
		if (!(t.c_lflag & ICANON))
			fail("restored: the terminal was left in raw mode (ICANON off)");
		if (!(t.c_lflag & ECHO))
			fail("restored: the terminal was left without echo");
		if (!(t.c_lflag & ISIG))
			fail("restored: the terminal was left with ISIG off (Ctrl-C would not interrupt)");
	}
}

static void send_signal(const char *name)
{
	static const struct { const char *name; int sig; } sigs[] = {
		{ "TERM", SIGTERM }, { "INT", SIGINT }, { "HUP", SIGHUP }, { "KILL", SIGKILL },
	};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (!strcmp(name, sigs[i].name) || (!strncmp(name, "SIG", 3) && !strcmp(name + 3, sigs[i].name))) {
			if (child_done)
				fail("signal %s: the program has already ended", name);
			if (kill(child, sigs[i].sig) != 0)
				fail("signal %s: %s", name, strerror(errno));
			return;
		}
	fail("unknown signal '%s' (TERM, INT, HUP or KILL)", name);
}

static void do_resize(const char *arg)
{
	int w, h;
	if (!parse_size(arg, &w, &h))
		fail("resize wants COLSxROWS, not '%s'", arg);
	cols = w;
	rows = h;
	vterm_set_size(vt, rows, cols);
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
	if (ioctl(master, TIOCSWINSZ, &ws) != 0)
		fail("resize: %s", strerror(errno));
}

/* The `run` command: another process, run to its end while the program
 * in the pty waits for keys. */
static void run_shell(const char *cmd)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		fail("run: fork: %s", strerror(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		if (null < 0 || dup2(null, 0) < 0 || dup2(2, 1) < 0)
			_exit(127);
		close(null);
		close(master);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			fail("run: waitpid: %s", strerror(errno));
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fail("run: '%s' failed (status %d)", cmd, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

static void run_command(char *line)
{
	char *arg = strchr(line, ' ');
	if (arg)
		*arg++ = '\0';
	else
		arg = line + strlen(line);
	if (!strcmp(line, "wait") || !strcmp(line, "gone")) {
		if (!*arg)
			fail("%s needs a text", line);
		wait_screen(arg, line[0] == 'w');
	} else if (!strcmp(line, "send")) {
		char *buf = malloc(strlen(arg) * 4 + 1);
		if (!buf)
			fail("out of memory");
		size_t n = unescape(arg, buf);
		write_all(buf, n);
		free(buf);
	} else if (!strcmp(line, "key")) {
		char *save = NULL;
		int count = 0;
		for (char *name = strtok_r(arg, " ", &save); name; name = strtok_r(NULL, " ", &save), count++) {
			char buf[8];
			const char *seq = key_bytes(name, buf);
			if (!seq)
				fail("unknown key '%s'", name);
			write_all(seq, strlen(seq));
		}
		if (!count)
			fail("key needs a key name");
	} else if (!strcmp(line, "resize")) {
		do_resize(arg);
	} else if (!strcmp(line, "has")) {
		if (!*arg)
			fail("has needs a text");
		settle();
		if (!screen_has(arg))
			fail("'%s' is not on the screen", arg);
	} else if (!strcmp(line, "dump")) {
		settle();
		print_screen(stdout);
	} else if (!strcmp(line, "signal")) {
		send_signal(arg);
	} else if (!strcmp(line, "expect-exit")) {
		char *end;
		long want = strtol(arg, &end, 10);
		if (!*arg || *end || want < 0 || want > 255)
			fail("expect-exit wants a status 0..255, not '%s'", arg);
		expect_exit((int)want);
	} else if (!strcmp(line, "restored")) {
		check_restored();
	} else if (!strcmp(line, "run")) {
		if (!*arg)
			fail("run needs a command");
		run_shell(arg);
	} else if (!strcmp(line, "pass")) {
		printf("pass %s\n", arg);
		fflush(stdout);
	} else {
		fail("unknown command '%s'", line);
	}
}

/* The terminal type for the program: xterm-256color if its terminfo entry
 * exists (Debian's ncurses-base ships it in /lib/terminfo), else xterm. */
static const char *choose_term(void)
{
	static const char *const dirs[] = { "/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo",
					    "/usr/lib/terminfo" };
	char path[4096];
	struct stat st;
	const char *env = getenv("TERMINFO");
	if (env && *env) {
		snprintf(path, sizeof path, "%s/x/xterm-256color", env);
		if (stat(path, &st) == 0)
			return "xterm-256color";
	}
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		snprintf(path, sizeof path, "%s/x/xterm-256color", dirs[i]);
		if (stat(path, &st) == 0)
			return "xterm-256color";
	}
	return "xterm";
}

static void usage(void)
{
	fputs("usage: pty-driver [--size COLSxROWS] [--timeout SEC] [--term NAME] [--raw FILE] -- COMMAND ARGS...\n"
	      "commands on stdin: wait TEXT, gone TEXT, has TEXT, send TEXT, key NAME..., resize COLSxROWS, dump,\n"
	      "signal TERM|INT|HUP|KILL, expect-exit N, restored, pass NAME\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *term = NULL;
	int i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (i + 1 >= argc)
			usage();
		if (!strcmp(a, "--size")) {
			if (!parse_size(argv[++i], &cols, &rows))
				usage();
		} else if (!strcmp(a, "--timeout")) {
			char *end;
			long t = strtol(argv[++i], &end, 10);
			if (*end || t < 1 || t > 3600)
				usage();
			timeout_s = (int)t;
		} else if (!strcmp(a, "--term")) {
			term = argv[++i];
		} else if (!strcmp(a, "--raw")) {
			raw_path = argv[++i];
		} else {
			usage();
		}
	}
	if (i >= argc)
		usage();
	if (!term)
		term = choose_term();
	deadline_ms = now_ms() + (long long)timeout_s * 1000;
	signal(SIGPIPE, SIG_IGN);

	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0) {
		perror("pty-driver: forkpty");
		return 1;
	}
	if (child == 0) {
		setenv("TERM", term, 1);
		unsetenv("COLUMNS");
		unsetenv("LINES");
		execvp(argv[i], argv + i);
		fprintf(stderr, "pty-driver: cannot run %s: %s\n", argv[i], strerror(errno));
		_exit(127);
	}
	fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);

	vt = vterm_new(rows, cols);
	vterm_set_utf8(vt, 1);
	vterm_output_set_callback(vt, on_vterm_output, NULL);
	vscreen = vterm_obtain_screen(vt);
	vterm_screen_set_callbacks(vscreen, &screen_callbacks, NULL);
	vterm_screen_enable_altscreen(vscreen, 1);
	vterm_screen_reset(vscreen, 1);

	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, stdin)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len || line[0] == '#')
			continue;
		run_command(line);
	}
	free(line);
	stop_child();
	save_raw();
	vterm_free(vt);
	close(master);
	free(out_log);
	return 0;
}
