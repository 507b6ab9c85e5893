/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screens.c - the table of the screens (see screens.h). */
#include "config.h"

#include "screens.h"
#include "util.h"

/* In tab order: the main screens, then the roll-up, then the units that
 * are not screens. */
const struct screen_def screen_defs[] = {
	{ .id = SCR_DASHBOARD, .action = ACT_DASHBOARD, .sets = SS_MAIN, .first = true, .make = ui_dashboard_new },
	{ .id = SCR_GROUPS, .action = ACT_GROUPS, .sets = SS_MAIN, .make = ui_list_new },
	{ .id = SCR_DATA, .action = ACT_DATA, .sets = SS_MAIN, .make = ui_list_new },
	{ .id = SCR_INCIDENTS, .action = ACT_INCIDENTS, .sets = SS_MAIN, .make = ui_list_new },
	{ .id = SCR_OUTREACH, .action = ACT_OUTREACH, .sets = SS_MAIN, .make = ui_list_new },
	{ .id = SCR_FIRE, .action = ACT_FIRE, .sets = SS_MAIN, .make = ui_list_new },
	{ .id = SCR_ESTABLISHMENTS, .action = ACT_ESTABLISHMENTS, .sets = SS_MAIN, .make = ui_list_new },
	{ .id = SCR_TARGETS, .action = ACT_TARGETS, .sets = SS_MAIN, .make = ui_list_new },
	{ .id = SCR_REPORTS, .action = ACT_REPORTS, .sets = SS_MAIN, .make = ui_reports_new },
	/* Alone, when the program is started on several databases: no key
	 * opens it (it has a tab name only). */
	{ .id = SCR_ROLLUP, .action = ACT_NONE, .sets = SS_ROLLUP, .first = true, .make = ui_rollup_new },
	{ .id = SCR_NONE, .action = ACT_AUDIT, .sets = SS_MAIN, .run = ui_audit_show },
	{ .id = SCR_NONE, .action = ACT_NONE, .sets = SS_MAIN, .on_empty = ui_first_run },
};

const size_t screen_def_count = ARRAY_SIZE(screen_defs);
