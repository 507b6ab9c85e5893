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

bool print_file(const char *path, struct strlist *errors)
{
	char *cmd = xstrdup(settings_str(CFG_REPORT_PRINT_COMMAND));
	struct strlist argv = STRLIST_INIT;
	for (char *save = NULL, *w = strtok_r(cmd, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
		sl_push(&argv, xstrdup(w));
	free(cmd);
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
