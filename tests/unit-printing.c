/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-printing.c - print_split_command: the print command split into words
 * with the shell's quoting rules and nothing else (no expansion, no
 * globbing), and the errors for an unclosed quote or a trailing backslash. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "../src/i18n.h"
#include "../src/printing.h"
#include "../src/util.h"

/* The words of `cmd` joined as [w1][w2]..., or "error: MESSAGE". */
static char *split(const char *cmd)
{
	struct strlist words = STRLIST_INIT;
	char *err = NULL;
	struct strbuf sb = STRBUF_INIT;
	if (print_split_command(cmd, &words, &err)) {
		for (size_t i = 0; i < words.n; i++)
			sb_printf(&sb, "[%s]", words.items[i]);
		if (err)
			sb_puts(&sb, " (and an error set)");
	} else {
		sb_printf(&sb, "error: %s", err ? err : "(none given)");
		if (words.n)
			sb_puts(&sb, " (and words left)");
	}
	free(err);
	sl_free(&words);
	return sb_steal(&sb);
}

static void splits(const char *cmd, const char *want, const char *what)
{
	char *got = split(cmd);
	is_str(got, want, "%s: %s", what, cmd);
	free(got);
}

/* Refused, with a message containing `part`. */
static void refused(const char *cmd, const char *part, const char *what)
{
	char *got = split(cmd);
	if (!ok(strncmp(got, "error: ", 7) == 0 && strstr(got, part), "%s: %s is refused", what, cmd))
		printf("#   got '%s', want an error with '%s'\n", got, part);
	free(got);
}

int main(void)
{
	i18n_init_locale();
	i18n_set_language("en");

	splits("", "", "empty");
	splits(" \t ", "", "blanks only");
	splits("lp", "[lp]", "one word");
	splits("  lp   -d\toffice  ", "[lp][-d][office]", "blanks and tabs separate, any number");
	splits("lp -d \"office printer\"", "[lp][-d][office printer]", "double quotes keep a space");
	splits("lp -d 'office printer'", "[lp][-d][office printer]", "single quotes keep a space");
	splits("a\"b c\"d", "[ab cd]", "adjacent quoted and unquoted parts make one word");
	splits("'a'\"b\"c", "[abc]", "single, double and bare parts in one word");
	splits("lp \"\" ''", "[lp][][]", "empty quotes are empty words");
	splits("a\\ b", "[a b]", "a backslash outside quotes keeps a blank");
	splits("\\\"x\\' \\\\", "[\"x'][\\]", "a backslash outside quotes keeps a quote or a backslash");
	splits("\\a", "[a]", "a backslash before an ordinary character is dropped");
	splits("\"a\\\"b\\\\c\\$d\\`e\"", "[a\"b\\c$d`e]", "in double quotes \\\" \\\\ \\$ \\` escape");
	splits("\"a\\b\\'c\"", "[a\\b\\'c]", "in double quotes other backslashes stay");
	splits("'a\\b\"c'", "[a\\b\"c]", "in single quotes everything is literal");
	splits("\"it's\" 'say \"hi\"'", "[it's][say \"hi\"]", "each kind of quote holds the other");
	splits("echo $HOME ~ *.pdf `id` $(id)", "[echo][$HOME][~][*.pdf][`id`][$(id)]",
	       "no expansion: $, ~, globs and command substitution are plain text");
	splits("a;b|c&d>e", "[a;b|c&d>e]", "no operators: ; | & > are plain text");
	splits("lp -d \"Máy in Phòng 2\"", "[lp][-d][Máy in Phòng 2]", "UTF-8 inside quotes");

	refused("lp -d \"office printer", "double quote at character 7 is not closed", "unclosed double quote");
	refused("lp -d 'office printer", "single quote at character 7 is not closed", "unclosed single quote");
	refused("lp \"a\\\"", "double quote at character 4", "an escaped quote does not close");
	refused("lp 'it\\'s'", "single quote at character 10", "no escape in single quotes");
	refused("lp \\", "backslash", "trailing backslash");
	refused("ảnh \"x", "double quote at character 5", "the position counts characters, not bytes");

	/* On an error nothing is added to the list, and what was in it stays. */
	struct strlist words = STRLIST_INIT;
	sl_push(&words, xstrdup("before"));
	char *err = NULL;
	ok(!print_split_command("a b 'c", &words, &err) && words.n == 1 &&
		   strcmp(words.items[0], "before") == 0 && err,
	   "a refused command leaves the list as it was");
	free(err);
	ok(print_split_command("x y", &words, &err) && words.n == 3 && !err,
	   "words are appended after what the list holds");
	sl_free(&words);
	return done();
}
