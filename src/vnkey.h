/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vnkey.h - a Vietnamese input method (Telex and VNI) for terminals that
 * have none (SSH from Windows, the Linux console).
 *
 * The engine knows nothing of curses or of the screen: it works on wide
 * characters and returns precomposed (NFC) text.  A front end keeps one
 * struct vnkey per edited field, feeds it the keys that belong to a word
 * (vnkey_is_word_key), replaces the word shown so far with the word the
 * engine returns, and calls vnkey_reset when the word ends (space,
 * punctuation, cursor movement, another field).
 *
 * Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, w alone ư, dd đ;
 *        tones s sắc, f huyền, r hỏi, x ngã, j nặng, z removes the tone.
 * VNI:   1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng, 0 removes the tone,
 *        6 â ê ô, 7 ơ ư (uo7 ươ), 8 ă, 9 đ.
 * Marks and tones may be typed right after the vowel or at the end of the
 * word; typing a mark key again removes the mark and leaves the key as a
 * letter ("aaa" -> "aa", "ass" -> "as").  A word that cannot be Vietnamese
 * stays exactly as typed ("class", "windows"). */
#ifndef WS_VNKEY_H
#define WS_VNKEY_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* The longest word the engine follows, in keys.  A composed word is never
 * longer than its keys, so an output of VNKEY_MAX_KEYS + 1 wide characters
 * is always enough. */
#define VNKEY_MAX_KEYS 48

enum vnkey_method { VNKEY_OFF, VNKEY_TELEX, VNKEY_VNI };

struct vnkey {
	enum vnkey_method method;
	bool modern_tone;       /* tone placement: false = "hòa, thủy, khỏe"
	                           (traditional), true = "hoà, thuỷ, khoẻ" (modern) */
	wchar_t keys[VNKEY_MAX_KEYS];   /* raw keys typed for the current word */
	size_t nkeys;
};

/* Sets up an engine with an empty word. */
void vnkey_init(struct vnkey *k, enum vnkey_method m, bool modern_tone);
/* The word ended (space, punctuation, cursor moved): forgets its keys. */
void vnkey_reset(struct vnkey *k);
/* Pure: the composed word for a whole raw key sequence.  Writes at most
 * cap - 1 characters and a NUL to out; returns the number written.  With
 * VNKEY_OFF, or more than VNKEY_MAX_KEYS keys, the keys are copied as they
 * are. */
size_t vnkey_compose(enum vnkey_method m, bool modern_tone, const wchar_t *keys, size_t n,
		wchar_t *out, size_t cap);
/* Feeds one typed key that belongs to the word (a letter, or a digit for
 * VNI) and writes the new composed word; returns its length.  Returns 0
 * (out empty) if the word already holds VNKEY_MAX_KEYS keys: the caller
 * then inserts the key as plain text and calls vnkey_reset. */
size_t vnkey_feed(struct vnkey *k, wchar_t key, wchar_t *out, size_t cap);
/* Backspace inside the word: drops the last raw key and writes the word
 * composed again; returns its length.  Returns 0 (out empty) when there is
 * no key left to drop: the caller then deletes a character itself. */
size_t vnkey_backspace(struct vnkey *k, wchar_t *out, size_t cap);
/* True if key is part of a word for this method: ASCII letters, and for
 * VNI also the digits 0-9.  Always false for VNKEY_OFF (the engine is not
 * used at all). */
bool vnkey_is_word_key(enum vnkey_method m, wchar_t key);
/* Composes every word of a whole text (runs of word keys; everything else
 * is copied): "Vieetj Nam" -> "Việt Nam".  Same output rules as
 * vnkey_compose; returns the number of characters written. */
size_t vnkey_compose_text(enum vnkey_method m, bool modern_tone, const wchar_t *text,
		wchar_t *out, size_t cap);

#endif
