/* SPDX-License-Identifier: GPL-3.0-or-later */
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
/* s in exactly `width` columns: padded, or cut with "…" when too long;
 * control characters are escaped first (text_printable). */
char *text_fit(const char *s, int width, bool right);
/* Appends s to a buffer padded with spaces to `width` columns (left aligned)
 * or right aligned if right is true.  Returns a new string. */
char *text_pad(const char *s, int width, bool right);

/* Control characters: no stored or typed one may reach a terminal raw.
 * True for C0 controls (tab and line feed included), DEL, C1 controls
 * (U+0080-U+009F), the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069) and the direction marks U+200E, U+200F and
 * U+061C, which can reorder what a reader sees as much as an override. */
bool text_is_control(long cp);
/* The first control code point in a NUL-terminated string, or -1 (also -1
 * at the first byte that is not UTF-8: text_valid_utf8 says so). */
long text_find_control(const char *s);
/* text_find_control, except that a line feed is allowed (paragraphs). */
long text_find_control_lines(const char *s);
/* Line breaks as LF: CR LF and a lone CR become LF; trailing blanks of each
 * line and blank lines at the start and end go (new string). */
char *text_normalize_lines(const char *s);
/* Keep line feeds and tabs (a whole text output or message, where they are
 * the layout) instead of escaping them. */
#define TEXT_KEEP_LINES 1u
/* For a JSON string: every control character as \uHHHH, a byte that is
 * not UTF-8 as \ufffd, so the result is still valid JSON. */
#define TEXT_JSON 2u
/* Appends s[0..len) with every control character written visibly: a code
 * point below U+0080 as \xHH ("\x1b" for ESC), any other as \uHHHH
 * ("\u202e"), a byte that is not UTF-8 as \xHH (80 to ff).  Everything
 * else, backslashes included, is copied unchanged, so text without control
 * characters comes out exactly as it went in. */
void text_sb_printable(struct strbuf *out, const char *s, size_t len, unsigned flags);
/* The same as a new string. */
char *text_printable_n(const char *s, size_t len, unsigned flags);
/* text_printable_n of a NUL-terminated string (NULL reads as ""), no flags. */
char *text_printable(const char *s);
/* text_printable of s (NULL reads as "") cut to at most `max` characters
 * followed by "…" when longer, for a value quoted in a message: counted in
 * characters after escaping, never cutting a UTF-8 sequence or an escape. */
char *text_printable_capped(const char *s, size_t max);
/* True if s is valid UTF-8 without control characters: text_printable
 * would give it back unchanged. */
bool text_is_printable(const char *s);

#endif
