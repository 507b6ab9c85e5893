/* SPDX-License-Identifier: GPL-3.0-or-later */
/* summary.h - printing a computed summary (indicator.h) for people (text)
 * and for other programs (TSV, a contract: see summary_write_tsv). */
#ifndef WS_SUMMARY_H
#define WS_SUMMARY_H

#include <sqlite3.h>

#include "indicator.h"
#include "util.h"

/* The TSV header without its newline:
 * indicator numerator denominator value target status missing previous last_year */
extern const char summary_tsv_header[];
/* Header line then one line per indicator (summary_write_tsv_row). */
void summary_write_tsv(const struct summary *s, struct strbuf *out);
/* One line of the TSV, with its newline: the nine columns of the header. */
void summary_write_tsv_row(const struct ind_row *r, struct strbuf *out);
/* The row with indicator id `id` ("extinguisher", "incidents.theft"), or
 * NULL. */
const struct ind_row *summary_row(const struct summary *s, const char *id);
/* The same content laid out for a person, with the incident comparison in
 * the officers' words.  `ward` is the ward's name (may be NULL). */
void summary_write_text(const struct summary *s, const char *ward, struct strbuf *out);
/* The same for a document (the text report): periods in words ("quý
 * III/2023"), the incident sentence ending with a full stop. */
void summary_write_text_words(const struct summary *s, const char *ward, struct strbuf *out);
/* A value for people: "74,8%" for rates, "1.234" for counts, "-" if unknown
 * (new string). */
char *summary_value_text(const struct ind_row *r, const struct ind_value *v);
/* "5 incidents, down 1 from the previous 3 months" for the incident row. */
char *summary_incident_sentence(const struct summary *s);
/* "Reporting period quý III/2023 (01/07/2023 to 30/09/2023), compared with the
 * previous period ... and the same period last year ..." (new string). */
char *summary_period_sentence(const struct summary *s);

#endif
