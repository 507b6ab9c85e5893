/* SPDX-License-Identifier: GPL-3.0-or-later */
/* printing.c - running the print command without a shell. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "printing.h"
#include "settings.h"

extern char **environ;

/* The position of `p` in `s` counted in characters from 1, for messages. */
static int char_pos(const char *s, const char *p)
{
	int n = 1;
	for (; s < p; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

bool print_split_command(const char *cmd, struct strlist *words, char **error)
{
	size_t before = words->n;
	struct strbuf w = STRBUF_INIT;
	bool in_word = false; /* a word is started, even an empty "" one */
	const char *p = cmd;
	*error = NULL;
	while (*p) {
		char c = *p;
		if (c == ' ' || c == '\t') {
			if (in_word) {
				sl_push(words, sb_steal(&w));
				in_word = false;
			}
			p++;
			continue;
		}
		in_word = true;
		if (c == '\\') {
			if (!p[1]) {
				*error = xstrdup(_("the command ends in a backslash, which escapes nothing; "
						   "remove it or write \\\\ for a backslash"));
				break;
			}
			sb_putc(&w, p[1]);
			p += 2;
		} else if (c == '\'') {
			const char *close = strchr(p + 1, '\'');
			if (!close) {
				*error = xasprintf(_("the single quote at character %d is not closed; "
						     "add the closing ' (or write \\' for a quote)"),
						   char_pos(cmd, p));
				break;
			}
			sb_add(&w, p + 1, (size_t)(close - p - 1));
			p = close + 1;
		} else if (c == '"') {
			const char *q = p + 1;
			while (*q && *q != '"') {
				if (*q == '\\' && q[1] && strchr("\"\\$`", q[1])) {
					sb_putc(&w, q[1]);
					q += 2;
				} else {
					sb_putc(&w, *q++);
				}
			}
			if (!*q) {
				*error = xasprintf(_("the double quote at character %d is not closed; "
						     "add the closing \" (or write \\\" for a quote)"),
						   char_pos(cmd, p));
				break;
			}
			p = q + 1;
		} else {
			sb_putc(&w, c);
			p++;
		}
	}
	if (*error) {
		sb_free(&w);
		while (words->n > before)
			free(words->items[--words->n]);
		return false;
	}
	if (in_word)
		sl_push(words, sb_steal(&w));
	sb_free(&w);
	return true;
}

bool print_file(const char *path, struct strlist *errors)
{
	struct strlist argv = STRLIST_INIT;
	char *err = NULL;
	if (!print_split_command(settings_str(CFG_REPORT_PRINT_COMMAND), &argv, &err)) {
		/* The configuration is checked when it is read; this is for a value
		 * set some other way. */
		sl_pushf(errors, _("[report] print_command: %s"), err);
		free(err);
		return false;
	}
	if (!argv.n) {
		sl_pushf(errors, "%s", _("no print command is set ([report] print_command)"));
		return false;
	}
	sl_push(&argv, xstrdup(path));
	sl_push(&argv, NULL);
	/* The printer's chatter would scribble over the screens. */
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int e = posix_spawnp(&pid, argv.items[0], &fa, NULL, argv.items, environ);
	posix_spawn_file_actions_destroy(&fa);
	bool ok = false;
	if (e) {
		sl_pushf(errors, _("cannot run the print command '%s': %s"), argv.items[0], strerror(e));
	} else {
		int status;
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
		if (!ok)
			sl_pushf(errors, _("the print command '%s' failed (status %d)"), argv.items[0],
				 WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	}
	argv.n--; /* the NULL terminator is not owned */
	sl_free(&argv);
	return ok;
}

char *print_temp_pdf(const char *tag, struct strlist *errors)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/wardsafe-%s-XXXXXX.pdf", tmp && *tmp ? tmp : "/tmp", tag);
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		sl_pushf(errors, _("cannot write %s: %s"), path, strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}
