/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.h - sharing a screen's width among the columns of a table by what
 * their contents need (curses-free, so that it can be unit tested). */
#ifndef WS_LAYOUT_H
#define WS_LAYOUT_H

/* What every column gets, when there is room, before any grows further. */
#define LAYOUT_FAIR 10

struct layout_col {
	int header;   /* width of the column's header */
	int content;  /* width of its widest value */
	int min;      /* narrowest it may be made (a value is then cut with …) */
	int priority; /* higher is kept and widened first */
};

/* Chooses the widths of n columns separated by one blank for a screen of
 * `width` columns, into out[]:
 *  - every column gets what its header and widest value need, if all fit;
 *  - otherwise each gets its minimum and the space left is shared out one
 *    column at a time, the higher priority first, in three rounds: every
 *    column up to its widest value but at most LAYOUT_FAIR columns, and up
 *    to its header if that is no wider (short headers like "Group" stay
 *    whole beside a long note; a long header over counts waits), then up
 *    to its widest value, then up to its header; in each round a
 *    short column is satisfied and the long ones share the rest evenly;
 *  - if even the minimums do not fit, the columns of the lowest priority
 *    (the last of equal ones) are left out: their width is 0.
 * Returns the number of columns shown. */
int layout_columns(const struct layout_col *cols, int n, int width, int *out);

#endif
