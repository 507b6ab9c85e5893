/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-layout.c - column widths by content: everything fits, sharing by
 * need and priority, columns left out when even the minimums do not fit. */
#include "config.h"

#include "tap.h"
#include "../src/layout.h"

int main(void)
{
	int w[4];
	/* Room for all: each gets the larger of header and content. */
	struct layout_col a[] = { { 5, 2, 2, 3 }, { 4, 20, 8, 1 }, { 18, 3, 5, 2 } };
	is_int(layout_columns(a, 3, 80, w), 3, "all shown");
	is_int(w[0], 5, "a header wider than the values is not cut");
	is_int(w[1], 20, "a value wider than the header is not cut");
	is_int(w[2], 18, "a long header is whole when there is room (no 'Last yea')");

	/* Not enough room: short columns are satisfied, long ones share. */
	struct layout_col b[] = { { 5, 5, 3, 3 }, { 10, 40, 8, 1 }, { 10, 40, 8, 1 } };
	is_int(layout_columns(b, 3, 50, w), 3, "all shown");
	is_int(w[0], 5, "the short column has all it needs");
	is_int(w[0] + w[1] + w[2] + 2, 50, "the whole width is used");
	ok(w[1] - w[2] <= 1 && w[2] - w[1] <= 1, "the long columns share evenly (%d, %d)", w[1], w[2]);

	/* Priority: of two columns short of their need, the higher grows first. */
	struct layout_col c[] = { { 1, 30, 5, 1 }, { 1, 30, 5, 9 } };
	layout_columns(c, 2, 12, w);
	is_int(w[0], 5, "the lower priority keeps its minimum when one column is left");
	is_int(w[1], 6, "the higher priority takes the column left over");

	/* Too narrow for the minimums: the least important column goes. */
	struct layout_col d[] = { { 4, 4, 4, 5 }, { 4, 4, 4, 1 }, { 4, 4, 4, 3 } };
	is_int(layout_columns(d, 3, 10, w), 2, "two of three shown");
	is_int(w[1], 0, "the lowest priority is left out");
	is_int(w[0], 4, "the others keep their need (first)");
	is_int(w[2], 4, "the others keep their need (third)");

	/* Values are whole before headers: a wide header of short values
	 * gives way to a long value. */
	struct layout_col e[] = { { 24, 10, 10, 1 }, { 3, 30, 8, 2 } };
	layout_columns(e, 2, 44, w);
	is_int(w[1], 30, "the long value is whole");
	is_int(w[0], 13, "the long header gets what is left");

	/* Short headers stay whole beside a long note (no "G…", "Catego…"). */
	struct layout_col g[] = { { 6, 2, 2, 3 }, { 9, 7, 7, 2 }, { 5, 200, 8, 1 } };
	layout_columns(g, 3, 80, w);
	is_int(w[0], 6, "a short header is whole");
	is_int(w[1], 9, "another one too");
	is_int(w[2], 80 - 6 - 9 - 2, "the note takes the rest");

	/* Nothing at all. */
	is_int(layout_columns(d, 0, 10, w), 0, "no columns");
	return done();
}
