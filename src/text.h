/* text.h - Unicode text handling (UTF-8 validation, NFC, search keys,
 * display width) on top of libutf8proc. */
#ifndef WS_TEXT_H
#define WS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* True if s[0..len) is well-formed UTF-8. */
bool text_valid_utf8(const char *s, size_t len);
/* NFC-normalized copy of a UTF-8 string (Icelandic eth U+00D0 mapped to
 * U+0110 Đ, which it is mistaken for); NULL if s is not valid UTF-8. */
char *text_nfc(const char *s);
/* Search key: case-folded, diacritics stripped, đ->d; "Hà Nội" -> "ha noi". */
char *text_search_key(const char *s);
/* Splits text into lines of at most `width` columns, at spaces where it can. */
void text_wrap(const char *text, int width, struct strlist *out);
/* A copy with the first letter in upper case ("khảo sát" -> "Khảo sát"). */
char *text_capitalize(const char *s);
/* Number of characters (code points) in a UTF-8 string. */
size_t text_length(const char *s);
/* Terminal columns needed to show a UTF-8 string. */
int text_width(const char *s);
/* s in exactly `width` columns: padded, or cut with "…" when too long. */
char *text_fit(const char *s, int width, bool right);
/* Appends s to a buffer padded with spaces to `width` columns (left aligned)
 * or right aligned if right is true.  Returns a new string. */
char *text_pad(const char *s, int width, bool right);

#endif
