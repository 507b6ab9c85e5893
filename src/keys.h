/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keys.h - keys as the screens see them, independent of curses, so that the
 * line editor and forms can be tested without a terminal and the scripted
 * test mode can name keys ("<Down>", "<F1>", "<C-a>").
 *
 * A key is either a special key (WK_UP ...) or WK_CHAR with a character;
 * control characters arrive as WK_CHAR with ch < 0x20 (Ctrl-A is 1). */
#ifndef WS_KEYS_H
#define WS_KEYS_H

#include <wchar.h>

enum wkey_code {
	WK_NONE = 0,
	WK_CHAR,
	WK_UP, WK_DOWN, WK_LEFT, WK_RIGHT,
	WK_HOME, WK_END, WK_PGUP, WK_PGDN,
	WK_CTRL_LEFT, WK_CTRL_RIGHT,
	WK_BACKSPACE, WK_DELETE, WK_INSERT,
	WK_ENTER, WK_TAB, WK_BTAB, WK_ESC,
	WK_F1, WK_F2, WK_F3, WK_F4, WK_F5, WK_F6,
	WK_F7, WK_F8, WK_F9, WK_F10, WK_F11, WK_F12,
	WK_RESIZE,
};

struct wkey {
	enum wkey_code code;
	wchar_t ch; /* WK_CHAR only */
};

#define WKEY_CTRL(c) ((wchar_t)((c) & 0x1f))

#endif
