/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-vnkey.c - the Telex/VNI engine (vnkey_compose, vnkey_feed,
 * vnkey_backspace, vnkey_compose_text) on arbitrary key sequences.
 *
 * The input's letters and digits are keys as they are; every other byte is
 * mapped to a letter or digit, so a corpus file is simply the keys typed
 * ("vieetj").  The first VNKEY_MAX_KEYS + 2 keys are composed as one word
 * by each method in both tone styles, and the first TEXT_MAX bytes (as
 * Latin-1 characters) as a text.
 *
 * Properties: the word is never longer than its keys (and not empty if
 * there were keys); OFF, and a word of more than VNKEY_MAX_KEYS keys, give
 * the keys unchanged; so do keys with no modifier for the method (no digit
 * for VNI; none of s f r x j z a e o w d for Telex); an output of keys + 1
 * characters is enough; the output holds only ASCII letters and digits and
 * Vietnamese letters; typing in capitals gives the same word in capitals;
 * both tone styles give words of the same length; feeding the keys one by
 * one gives the word composed at once (and 0 for keys past a full word),
 * and backspace to half the keys the word of those keys; a text
 * is its non-word characters copied and each run of word keys composed, and
 * a smaller output buffer gets a prefix of the same text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "fuzz.h"
#include "../../src/i18n.h"
#include "../../src/util.h"
#include "../../src/vnkey.h"

#define WORD_MAX (VNKEY_MAX_KEYS + 2)
#define TEXT_MAX 256

static const char keyset[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* Every letter the engine may produce besides ASCII. */
static const wchar_t vietnamese[] =
	L"aáàảãạăắằẳẵặâấầẩẫậeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđ"
	L"AÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬEÉÈẺẼẸÊẾỀỂỄỆIÍÌỈĨỊOÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢUÚÙỦŨỤƯỨỪỬỮỰYÝỲỶỸỴĐ";

static int is_ascii_alnum(wchar_t c)
{
	return (c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z') || (c >= L'0' && c <= L'9');
}

static wchar_t upper_ascii(wchar_t c)
{
	return c >= L'a' && c <= L'z' ? c - L'a' + L'A' : c;
}

/* True if the keys hold a key that can change a word under method m. */
static int has_modifier(enum vnkey_method m, const wchar_t *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		wchar_t c = keys[i] >= L'A' && keys[i] <= L'Z' ? keys[i] - L'A' + L'a' : keys[i];
		if (m == VNKEY_VNI && c >= L'0' && c <= L'9')
			return 1;
		if (m == VNKEY_TELEX && c < 128 && strchr("sfrxjzaeowd", (int)c))
			return 1;
	}
	return 0;
}

/* One word under one method and tone style. */
static void check_word(enum vnkey_method m, bool modern, const wchar_t *keys, size_t n)
{
	wchar_t out[2 * WORD_MAX + 8], small[WORD_MAX + 1], prefix[2 * WORD_MAX + 8];
	size_t len = vnkey_compose(m, modern, keys, n, out, sizeof out / sizeof *out);
	FUZZ_CHECK(len == wcslen(out));
	FUZZ_CHECK(len <= n);
	FUZZ_CHECK(n == 0 || len >= 1);
	if (m == VNKEY_OFF || n > VNKEY_MAX_KEYS || !has_modifier(m, keys, n))
		FUZZ_CHECK(len == n && wmemcmp(out, keys, n) == 0);
	for (size_t i = 0; i < len; i++)
		FUZZ_CHECK(is_ascii_alnum(out[i]) || wcschr(vietnamese, out[i]));

	/* keys + 1 characters are enough. */
	size_t len2 = vnkey_compose(m, modern, keys, n, small, n + 1);
	FUZZ_CHECK(len2 == len && wcscmp(small, out) == 0);

	/* Capitals. */
	wchar_t caps[WORD_MAX];
	for (size_t i = 0; i < n; i++)
		caps[i] = upper_ascii(keys[i]);
	len2 = vnkey_compose(m, modern, caps, n, small, n + 1);
	FUZZ_CHECK(len2 == len);
	for (size_t i = 0; i < len; i++)
		FUZZ_CHECK(small[i] == (wchar_t)towupper((wint_t)out[i]));

	/* The other tone style places the tone elsewhere, nothing more. */
	len2 = vnkey_compose(m, !modern, keys, n, small, n + 1);
	FUZZ_CHECK(len2 == len);

	/* Typing key by key gives the same word (0 for keys past a full
	 * word); backspace back to half the keys gives the word of those. */
	if (m == VNKEY_OFF)
		return;
	struct vnkey k;
	size_t r = 0;
	vnkey_init(&k, m, modern);
	for (size_t i = 0; i < n; i++) {
		r = vnkey_feed(&k, keys[i], small, WORD_MAX + 1);
		FUZZ_CHECK(i >= VNKEY_MAX_KEYS ? r == 0 && small[0] == L'\0' : r >= 1);
	}
	if (n <= VNKEY_MAX_KEYS)
		FUZZ_CHECK(r == len && wcscmp(small, out) == 0);
	while (k.nkeys > n / 2) {
		r = vnkey_backspace(&k, small, WORD_MAX + 1);
		FUZZ_CHECK(r <= k.nkeys && (k.nkeys == 0) == (r == 0));
	}
	if (n / 2 > 0) {
		size_t want = vnkey_compose(m, modern, keys, n / 2, prefix, sizeof prefix / sizeof *prefix);
		FUZZ_CHECK(r == want && wcscmp(small, prefix) == 0);
	}
	vnkey_reset(&k);
	FUZZ_CHECK(vnkey_backspace(&k, small, WORD_MAX + 1) == 0 && small[0] == L'\0');
}

/* A whole text under one method and tone style. */
static void check_text(enum vnkey_method m, bool modern, const wchar_t *text, size_t n, size_t cut)
{
	static wchar_t out[TEXT_MAX + 1], want[TEXT_MAX + 1], part[TEXT_MAX + 1];
	size_t len = vnkey_compose_text(m, modern, text, out, n + 1);
	FUZZ_CHECK(len == wcslen(out) && len <= n);
	if (m == VNKEY_OFF)
		FUZZ_CHECK(len == n && wcscmp(out, text) == 0);

	size_t w = 0;
	for (size_t i = 0; i < n;) {
		size_t run = 0;
		while (i + run < n && vnkey_is_word_key(m, text[i + run]))
			run++;
		if (run == 0) {
			want[w++] = text[i++];
			continue;
		}
		w += vnkey_compose(m, modern, text + i, run, want + w, n + 1 - w);
		i += run;
	}
	want[w] = L'\0';
	FUZZ_CHECK(w == len && wcscmp(out, want) == 0);

	/* A shorter buffer: a prefix. */
	size_t cap = cut % (n + 1) + 1;
	len = vnkey_compose_text(m, modern, text, part, cap);
	FUZZ_CHECK(len < cap && len == wcslen(part) && wmemcmp(part, out, len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	if (!init) {
		i18n_init_locale();
		init = 1;
	}
	static const enum vnkey_method methods[] = { VNKEY_OFF, VNKEY_TELEX, VNKEY_VNI };
	wchar_t keys[WORD_MAX];
	size_t n = size < WORD_MAX ? size : WORD_MAX;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = data[i];
		keys[i] = is_ascii_alnum(b) ? (wchar_t)b : (wchar_t)keyset[b % (sizeof keyset - 1)];
	}

	/* The text: bytes as Latin-1 characters, NUL as a space. */
	static wchar_t text[TEXT_MAX + 1];
	size_t tn = size < TEXT_MAX ? size : TEXT_MAX;
	unsigned cut = 0;
	for (size_t i = 0; i < tn; i++) {
		text[i] = data[i] ? (wchar_t)data[i] : L' ';
		cut = cut * 31 + data[i];
	}
	text[tn] = L'\0';

	for (size_t mi = 0; mi < sizeof methods / sizeof *methods; mi++)
		for (int modern = 0; modern < 2; modern++) {
			check_word(methods[mi], modern, keys, n);
			check_text(methods[mi], modern, text, tn, cut);
		}
	return 0;
}
