/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_round.h - the round grid of the screens (ui_round.c), opened with r on
 * Data entry for the kind shown. */
#ifndef WS_UI_ROUND_H
#define WS_UI_ROUND_H

#include "kind.h"
#include "tui.h"

/* Asks the date, then runs the grid of kind k (a kind round_kind_ok()
 * accepts) until it is closed. */
void ui_round_run(struct ui *ui, const struct kind_def *k);

#endif
