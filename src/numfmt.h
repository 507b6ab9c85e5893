/* SPDX-License-Identifier: GPL-3.0-or-later */
/* numfmt.h - numbers for people: Vietnamese style (1.234; 74,8) when the
 * interface is Vietnamese, English style (1,234; 74.8) otherwise.  Machine
 * formats (TSV, CSV) never use these. */
#ifndef WS_NUMFMT_H
#define WS_NUMFMT_H

#include <stdbool.h>

/* Writes into buf (at least 32 bytes) and returns it. */
char *numfmt_int(long long v, char *buf);
/* One decimal place. */
char *numfmt_dec1(double v, char *buf);
/* A rate in percent shown beside its target (without the % sign): one
 * decimal, or two or three where one would show a value on the wrong side
 * of the target as equal to it or beyond it (144/721 = 19,97 against 20,
 * never 20,0); past three decimals it is cut toward the value's side.  A
 * met value may show equal to its target (20,001 as 20,0).  `ceiling`: the
 * target is a maximum. */
char *numfmt_rate(double v, bool has_target, double target, bool ceiling, char *buf);
/* A target or other number with up to three decimals, no trailing zeros. */
char *numfmt_num(double v, char *buf);

#endif
