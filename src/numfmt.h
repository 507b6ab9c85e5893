/* numfmt.h - numbers for people: Vietnamese style (1.234; 74,8) when the
 * interface is Vietnamese, English style (1,234; 74.8) otherwise.  Machine
 * formats (TSV, CSV) never use these. */
#ifndef WS_NUMFMT_H
#define WS_NUMFMT_H

/* Writes into buf (at least 32 bytes) and returns it. */
char *numfmt_int(long long v, char *buf);
/* One decimal place. */
char *numfmt_dec1(double v, char *buf);
/* A target or other number with up to three decimals, no trailing zeros. */
char *numfmt_num(double v, char *buf);

#endif
