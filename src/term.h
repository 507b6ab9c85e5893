/* SPDX-License-Identifier: GPL-3.0-or-later */
/* term.h - the terminal under the screens: curses set-up and restoration,
 * key decoding into struct wkey, signals, and the scripted test mode.
 *
 * Scripted mode ($WARDSAFE_SCRIPT names a file of keys) needs no terminal:
 * curses renders into /dev/null at $COLUMNS x $LINES (80x24 by default), keys
 * come from the file, and "<Dump>" appends the screen as text to
 * $WARDSAFE_DUMP.  Key names: <Up> <Down> <Left> <Right> <Home> <End>
 * <PgUp> <PgDn> <Enter> <Tab> <S-Tab> <Esc> <BS> <Del> <Ins> <F1>..<F12>
 * <C-x> (Ctrl), <C-Left> <C-Right>, <Resize 100x30>, <Lt> (a literal '<'),
 * <dump FILE> (this screen into FILE); other text is typed as it stands
 * (UTF-8), newlines ignored. */
#ifndef WS_TERM_H
#define WS_TERM_H

#include <stdbool.h>

#include "keys.h"
#include "util.h"

/* Starts curses (or the scripted mode).  False with a message if the
 * terminal cannot be used. */
bool term_init(struct strlist *errors);
/* Restores the terminal; safe to call more than once. */
void term_end(void);
/* Waits for the next key.  Returns WK_NONE when the program must stop: the
 * script ended, or SIGINT/SIGTERM/SIGHUP arrived (see term_signal). */
struct wkey term_getkey(void);
/* The signal that asked the program to stop, or 0. */
int term_signal(void);
bool term_scripted(void);
/* True if colours may be used (a colour terminal and no $NO_COLOR). */
bool term_colors(void);
/* Writes the current screen to the dump file (scripted mode). */
void term_dump(void);

#endif
