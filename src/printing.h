/* printing.h - sending a file to the printer with [report] print_command.
 * No shell is involved: the command is split at blanks into a program and
 * its arguments, and the file name is passed as the last argument, so no
 * text from a user or a file can reach a shell. */
#ifndef WS_PRINTING_H
#define WS_PRINTING_H

#include <stdbool.h>

#include "util.h"

/* Runs the print command on `path` and waits for it; false with a message
 * if it cannot be started or reports failure. */
bool print_file(const char *path, struct strlist *errors);

#endif
