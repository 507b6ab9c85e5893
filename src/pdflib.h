/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdflib.h - Pango/Cairo loaded when the first PDF is made (pdflib.c). */
#ifndef WS_PDFLIB_H
#define WS_PDFLIB_H

#include <stdbool.h>

#include "util.h"

/* Loads the libraries; false (with a message) if they are missing. */
bool pdflib_load(struct strlist *errors);
/* The font family of the documents: "Times New Roman" when fontconfig has
 * it, else "Liberation Serif"; NULL (with a message naming the Debian
 * package) if neither is installed. */
const char *pdflib_font(struct strlist *errors);

#endif
