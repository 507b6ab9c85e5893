/* SPDX-License-Identifier: GPL-3.0-or-later */
/* printing.h - sending a file to the printer with [report] print_command.
 * No shell is involved: the command is split into a program and its
 * arguments with the shell's quoting rules only (print_split_command), and
 * the file name is passed as the last argument, so no text from a user or a
 * file can reach a shell. */
#ifndef WS_PRINTING_H
#define WS_PRINTING_H

#include <stdbool.h>

#include "util.h"

/* Splits a command line into words as a POSIX shell quotes them, without
 * any expansion: words are separated by spaces and tabs; 'single quotes'
 * keep everything up to the next single quote; "double quotes" keep
 * everything up to the next unescaped double quote, a backslash in them
 * escaping only " \ $ and ` (before any other character it stays); outside
 * quotes a backslash keeps the next character.  Quoted and unquoted parts
 * next to each other make one word (a"b c"d is "ab cd"), and "" is an empty
 * word.  $, *, ?, ~, ;, |, <, > and the like are ordinary characters.
 * Appends the words to `words`; on an unclosed quote or a trailing
 * backslash returns false with a translated message (to free) in *error,
 * leaving `words` as it was. */
bool print_split_command(const char *cmd, struct strlist *words, char **error);

/* Runs the print command on `path` and waits for it; false with a message
 * if it cannot be started or reports failure. */
bool print_file(const char *path, struct strlist *errors);
/* A new empty file $TMPDIR/wardsafe-TAG-XXXXXX.pdf (/tmp without
 * $TMPDIR) for a PDF on its way to the printer or a pipe: its path (the
 * caller writes it, then unlinks and frees it), or NULL with a message. */
char *print_temp_pdf(const char *tag, struct strlist *errors);

#endif
