/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.c - column widths by content (layout.h). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "layout.h"
#include "util.h"

/* What a column needs in each pass of the sharing: first its value up to
 * LAYOUT_FAIR columns, with its header when that is as short (every short
 * column whole, a long one started; a long header over short values, such
 * as a count's, waits for the last pass), then its widest value, then its
 * header too. */
static int need_of(const struct layout_col *c, int pass)
{
	int full = c->header > c->content ? c->header : c->content;
	int value = c->content < LAYOUT_FAIR ? c->content : LAYOUT_FAIR;
	int need = pass == 0 ? (c->header <= LAYOUT_FAIR && c->header > value ? c->header : value)
		 : pass == 1 ? c->content : full;
	return need < c->min ? c->min : need;
}

/* The column not yet left out of the lowest priority, the last of equal ones. */
static int weakest(const struct layout_col *cols, int n, const bool *shown)
{
	int w = -1;
	for (int i = 0; i < n; i++)
		if (shown[i] && (w < 0 || cols[i].priority <= cols[w].priority))
			w = i;
	return w;
}

int layout_columns(const struct layout_col *cols, int n, int width, int *out)
{
	bool *shown = xcalloc((size_t)(n > 0 ? n : 1), sizeof *shown);
	int nshown = n;
	for (int i = 0; i < n; i++)
		shown[i] = true;
	/* Leave out the least important columns until the minimums fit. */
	for (;;) {
		int sum = 0;
		for (int i = 0; i < n; i++)
			if (shown[i])
				sum += (cols[i].min > 0 ? cols[i].min : 1) + 1;
		if (nshown == 0 || sum - 1 <= width)
			break;
		shown[weakest(cols, n, shown)] = false;
		nshown--;
	}
	int left = width - (nshown > 0 ? nshown - 1 : 0);
	for (int i = 0; i < n; i++) {
		out[i] = shown[i] ? (cols[i].min > 0 ? cols[i].min : 1) : 0;
		left -= out[i];
	}
	/* Share out the rest a column at a time, by priority, round after round. */
	int *order = xcalloc((size_t)(n > 0 ? n : 1), sizeof *order);
	for (int i = 0; i < n; i++)
		order[i] = i;
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && cols[order[j]].priority > cols[order[j - 1]].priority; j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	for (int pass = 0; pass < 3; pass++) {
		bool grew = true;
		while (left > 0 && grew) {
			grew = false;
			for (int k = 0; k < n && left > 0; k++) {
				int i = order[k];
				if (shown[i] && out[i] < need_of(&cols[i], pass)) {
					out[i]++;
					left--;
					grew = true;
				}
			}
		}
	}
	free(shown);
	free(order);
	return nshown;
}
