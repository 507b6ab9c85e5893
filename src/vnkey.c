/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vnkey.c - Vietnamese input method engine (Telex and VNI).
 *
 * The engine keeps only the raw keys of the word being typed.  After every
 * key the whole word is composed again from them (vnkey_compose, a pure
 * function), so a repeated key undoing a mark, a tone typed before the
 * final consonant or a tone that must move when the syllable grows
 * ("hoaf" hòa, then "n" hoàn) need no special state.
 *
 * Composition reads the keys left to right into letters (a base letter,
 * its case, a mark: circumflex, breve, horn or the stroke of đ) plus one
 * tone for the word.  A key that can be a modifier is used as one only if
 * the word before it is a possible Vietnamese syllable and stays one with
 * the modifier; otherwise it is an ordinary letter.  Marks look backwards
 * for their vowel, so they may come after the final consonant ("vietej").
 * A modifier key that finds its mark already there removes the mark and
 * stays as a letter ("aaa" aa, "ass" as, "ddd" dd, VNI "a11" a1).
 *
 * "Possible syllable": an initial from `initials` (or none), a vowel
 * nucleus from `nuclei`, a final from `finals` (or none), and the rule that
 * a final c ch k p t only takes sắc or nặng (or a tone still to come).  A
 * vowel without a mark yet matches the same vowel with one, since the mark
 * may still come ("vie" for "viê"), and nuclei that need a final consonant
 * ("iê", "uô") are accepted without one, since it may still come.  The
 * initials gi and qu take the i or u that follows them when another vowel
 * comes after it ("già", "quốc"; but "gìn").  The final k is accepted for
 * the names of the Central Highlands ("Đắk Lắk").
 *
 * At the end, a word that is not a possible syllable is given back exactly
 * as typed ("class", "windows", "Excel"), unless its last key was an undo
 * ("aaa" aa).  A key typed after an undo therefore gives back the raw
 * keys too ("www", "coffee").
 *
 * Tone placement (tone_target): the only vowel; else the vowel with a mark
 * (the ơ of ươ); else, before a final consonant, the last vowel of the
 * nucleus ("toán", "hoàn"); else the middle of three vowels ("ngoái",
 * "khuỷu"); else the first of two ("mùa", "hài"), except oa, oe, uy where
 * modern_tone puts it on the second ("hoà", "khoẻ", "thuỷ").  The u of ươ
 * made by one key ("uow", VNI "uo7") is written uơ when the word ends
 * there after a consonant ("thuở", "huơ"). */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "vnkey.h"

/* Marks carried by a letter. */
enum { M_NONE, M_HAT, M_BREVE, M_HORN, M_STROKE };

/* Tones, numbered as the VNI keys. */
enum { TONE_NONE, TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT };

/* What a key did to the word. */
enum key_result { KEY_LITERAL, KEY_DONE, KEY_UNDONE };

/* The vowels a mark key acts on. */
enum mark_kind {
	KIND_HAT,       /* a e o -> â ê ô (Telex aa ee oo, VNI 6) */
	KIND_BREVE,     /* a -> ă (VNI 8) */
	KIND_HORN,      /* o u -> ơ ư (VNI 7) */
	KIND_W          /* a -> ă, o u -> ơ ư (Telex w) */
};

struct letter {
	wchar_t base;           /* lower-case ASCII letter, or the key as typed */
	bool upper;             /* typed as an upper-case letter */
	unsigned char mark;     /* M_* */
	bool auto_horn;         /* u horned together with its o by one key */
	bool lone_w;            /* ư made by a Telex w with no vowel to mark */
	int mark_key;           /* index of the key that set the mark */
};

struct word {
	struct letter l[VNKEY_MAX_KEYS];
	size_t n;
	int tone;
};

/* The vowels without tone, their base letters and marks, and every vowel
 * with each tone (rows in vowel_plain order, columns in tone order). */
static const wchar_t vowel_plain[] = L"aăâeêioôơuưy";
static const wchar_t vowel_base[] = L"aaaeeiooouuy";
static const unsigned char vowel_mark[] = {
	M_NONE, M_BREVE, M_HAT, M_NONE, M_HAT, M_NONE,
	M_NONE, M_HAT, M_HORN, M_NONE, M_HORN, M_NONE
};
static const wchar_t *const vowel_lower[] = {
	L"aáàảãạ", L"ăắằẳẵặ", L"âấầẩẫậ", L"eéèẻẽẹ", L"êếềểễệ", L"iíìỉĩị",
	L"oóòỏõọ", L"ôốồổỗộ", L"ơớờởỡợ", L"uúùủũụ", L"ưứừửữự", L"yýỳỷỹỵ"
};
static const wchar_t *const vowel_upper[] = {
	L"AÁÀẢÃẠ", L"ĂẮẰẲẴẶ", L"ÂẤẦẨẪẬ", L"EÉÈẺẼẸ", L"ÊẾỀỂỄỆ", L"IÍÌỈĨỊ",
	L"OÓÒỎÕỌ", L"ÔỐỒỔỖỘ", L"ƠỚỜỞỠỢ", L"UÚÙỦŨỤ", L"ƯỨỪỬỮỰ", L"YÝỲỶỸỴ"
};

static const wchar_t *const initials[] = {
	L"b", L"c", L"ch", L"d", L"đ", L"g", L"gh", L"gi", L"h", L"k", L"kh",
	L"l", L"m", L"n", L"ng", L"ngh", L"nh", L"p", L"ph", L"qu", L"r", L"s",
	L"t", L"th", L"tr", L"v", L"x"
};

static const wchar_t *const finals[] = {
	L"c", L"ch", L"k", L"m", L"n", L"ng", L"nh", L"p", L"t"
};

static const wchar_t *const stop_finals[] = { L"c", L"ch", L"k", L"p", L"t" };

/* Vowel nuclei; open_only: never followed by a final consonant. */
static const struct nucleus {
	const wchar_t *v;
	bool open_only;
} nuclei[] = {
	{ L"a", false }, { L"ă", false }, { L"â", false }, { L"e", false },
	{ L"ê", false }, { L"i", false }, { L"o", false }, { L"ô", false },
	{ L"ơ", false }, { L"u", false }, { L"ư", false }, { L"y", false },
	{ L"ai", true }, { L"ao", true }, { L"au", true }, { L"ay", true },
	{ L"âu", true }, { L"ây", true }, { L"eo", true }, { L"êu", true },
	{ L"ia", true }, { L"iê", false }, { L"iu", true }, { L"oa", false },
	{ L"oă", false }, { L"oe", false }, { L"oi", true }, { L"oo", false },
	{ L"ôi", true }, { L"ơi", true }, { L"ua", true }, { L"uâ", false },
	{ L"uê", false }, { L"ui", true }, { L"uô", false }, { L"uơ", true },
	{ L"uy", false }, { L"ưa", true }, { L"ưi", true }, { L"ưu", true },
	{ L"ươ", false }, { L"yê", false },
	{ L"iêu", true }, { L"oai", true }, { L"oay", true }, { L"oeo", true },
	{ L"uây", true }, { L"uôi", true }, { L"uya", true }, { L"uyê", false },
	{ L"uyu", true }, { L"ươi", true }, { L"ươu", true }, { L"yêu", true }
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Lower case of an ASCII letter; other keys unchanged. */
static wchar_t lower_ascii(wchar_t c)
{
	return c >= L'A' && c <= L'Z' ? c - L'A' + L'a' : c;
}

/* True if a base letter is a vowel. */
static bool is_vowel(wchar_t b)
{
	return b == L'a' || b == L'e' || b == L'i' || b == L'o' || b == L'u' || b == L'y';
}

/* True if s is one of the n strings of list. */
static bool in_list(const wchar_t *s, const wchar_t *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (wcscmp(s, list[i]) == 0)
			return true;
	return false;
}

/* The mark letter i shows: the u of an ươ made by one key is written uơ
 * when the word ends with that ơ after a consonant ("thuở"). */
static int mark_at(const struct word *w, size_t i)
{
	const struct letter *v = &w->l[i];
	if (v->auto_horn && v->mark == M_HORN && i > 0 && !is_vowel(w->l[i - 1].base)
	    && i + 2 == w->n && w->l[i + 1].base == L'o' && w->l[i + 1].mark == M_HORN)
		return M_NONE;
	return v->mark;
}

/* Finds the vowel nucleus [*vs, *ve): after the initial consonants (and
 * the u of qu, the i of gi when another vowel follows), before the final
 * ones.  Without a vowel both are w->n. */
static void split(const struct word *w, size_t *vs, size_t *ve)
{
	size_t i = 0;
	while (i < w->n && !is_vowel(w->l[i].base))
		i++;
	size_t s = i;
	while (i < w->n && is_vowel(w->l[i].base))
		i++;
	if (s == 1 && i - s >= 2 && w->l[s].mark == M_NONE && w->l[0].mark == M_NONE
	    && ((w->l[0].base == L'q' && w->l[s].base == L'u')
		|| (w->l[0].base == L'g' && w->l[s].base == L'i')))
		s++;
	*vs = s;
	*ve = i;
}

/* Copies letters [from, to) as lower-case text (đ for a stroked d) into
 * buf[4]; false if there are more than three. */
static bool gather(const struct word *w, size_t from, size_t to, wchar_t *buf)
{
	if (to - from > 3)
		return false;
	size_t n = 0;
	for (size_t i = from; i < to; i++)
		buf[n++] = w->l[i].mark == M_STROKE ? L'đ' : w->l[i].base;
	buf[n] = L'\0';
	return true;
}

/* True if letters [vs, ve) are one of the nuclei (an unmarked vowel
 * matching the same vowel with a mark); closed: a final consonant follows. */
static bool nucleus_ok(const struct word *w, size_t vs, size_t ve, bool closed)
{
	size_t len = ve - vs;
	for (size_t e = 0; e < COUNT(nuclei); e++) {
		const wchar_t *v = nuclei[e].v;
		if (wcslen(v) != len || (closed && nuclei[e].open_only))
			continue;
		bool match = true;
		for (size_t k = 0; k < len && match; k++) {
			size_t row = (size_t)(wcschr(vowel_plain, v[k]) - vowel_plain);
			int mark = mark_at(w, vs + k);
			if (w->l[vs + k].base != vowel_base[row]
			    || (mark != M_NONE && mark != vowel_mark[row]))
				match = false;
		}
		if (match)
			return true;
	}
	return false;
}

/* True if the word is a Vietnamese syllable or the beginning of one. */
static bool word_valid(const struct word *w)
{
	wchar_t ini[4], fin[4];
	size_t vs, ve;

	for (size_t i = 0; i < w->n; i++) {
		wchar_t b = w->l[i].base;
		if (b < L'a' || b > L'z' || b == L'f' || b == L'j' || b == L'w' || b == L'z')
			return false;
	}
	split(w, &vs, &ve);
	if (!gather(w, 0, vs, ini))
		return false;
	if (vs == w->n)         /* no vowel yet: an initial, or the q of qu */
		return w->tone == TONE_NONE && (ini[0] == L'\0' || wcscmp(ini, L"q") == 0
			|| in_list(ini, initials, COUNT(initials)));
	if (wcscmp(ini, L"q") == 0)     /* "qu" with nothing after the u yet */
		return ve - vs == 1 && ve == w->n && w->l[vs].base == L'u'
			&& w->l[vs].mark == M_NONE && w->tone == TONE_NONE;
	if (ini[0] != L'\0' && !in_list(ini, initials, COUNT(initials)))
		return false;
	if (!gather(w, ve, w->n, fin))
		return false;
	if (fin[0] != L'\0' && !in_list(fin, finals, COUNT(finals)))
		return false;
	if (!nucleus_ok(w, vs, ve, fin[0] != L'\0'))
		return false;
	if (in_list(fin, stop_finals, COUNT(stop_finals))
	    && (w->tone == TONE_GRAVE || w->tone == TONE_HOOK || w->tone == TONE_TILDE))
		return false;
	return true;
}

/* The letter that carries the tone; w->n if there is no vowel. */
static size_t tone_target(const struct word *w, bool modern)
{
	size_t vs, ve;
	split(w, &vs, &ve);
	size_t nv = ve - vs;
	if (nv == 0)
		return w->n;
	if (nv == 1)
		return vs;
	for (size_t i = ve; i-- > vs;)
		if (mark_at(w, i) != M_NONE)
			return i;
	if (ve < w->n)
		return ve - 1;
	if (nv == 2) {
		wchar_t a = w->l[vs].base, b = w->l[vs + 1].base;
		if (modern && ((a == L'o' && (b == L'a' || b == L'e')) || (a == L'u' && b == L'y')))
			return vs + 1;
		return vs;
	}
	return vs + 1;
}

/* Adds a key to the word as an ordinary letter. */
static void append(struct word *w, wchar_t key)
{
	if (w->n >= VNKEY_MAX_KEYS)
		return;
	struct letter *v = &w->l[w->n++];
	memset(v, 0, sizeof *v);
	v->base = lower_ascii(key);
	v->upper = key >= L'A' && key <= L'Z';
	v->mark_key = -1;
}

/* True if the word has a vowel. */
static bool has_vowel(const struct word *w)
{
	for (size_t i = 0; i < w->n; i++)
		if (is_vowel(w->l[i].base))
			return true;
	return false;
}

/* A tone key: sets the tone, or removes it if it is already this one. */
static enum key_result put_tone(struct word *w, int tone, wchar_t key)
{
	if (!has_vowel(w))
		return KEY_LITERAL;
	if (w->tone == tone) {
		w->tone = TONE_NONE;
		append(w, key);
		return KEY_UNDONE;
	}
	int old = w->tone;
	w->tone = tone;
	if (word_valid(w))
		return KEY_DONE;
	w->tone = old;
	return KEY_LITERAL;
}

/* The mark a key of this kind puts on a base vowel; M_NONE if none. */
static int kind_mark(enum mark_kind kind, wchar_t base)
{
	switch (kind) {
	case KIND_HAT:
		return base == L'a' || base == L'e' || base == L'o' ? M_HAT : M_NONE;
	case KIND_BREVE:
		return base == L'a' ? M_BREVE : M_NONE;
	case KIND_HORN:
		return base == L'o' || base == L'u' ? M_HORN : M_NONE;
	case KIND_W:
		return base == L'a' ? M_BREVE : base == L'o' || base == L'u' ? M_HORN : M_NONE;
	}
	return M_NONE;
}

/* Horns a "uo" pair at once ("uow" ươ); true if done. */
static bool put_horn_pair(struct word *w, int idx)
{
	for (size_t i = 0; i + 1 < w->n; i++) {
		struct letter *u = &w->l[i], *o = &w->l[i + 1];
		if (u->base != L'u' || o->base != L'o' || (i > 0 && w->l[i - 1].base == L'q'))
			continue;
		if (u->mark == M_HORN && o->mark == M_HORN)
			return false;
		struct letter su = *u, so = *o;
		if (u->mark != M_HORN) {
			u->mark = M_HORN;
			u->auto_horn = true;
			u->mark_key = idx;
		}
		o->mark = M_HORN;
		o->mark_key = idx;
		if (word_valid(w))
			return true;
		*u = su;
		*o = so;
		return false;
	}
	return false;
}

/* A mark key: marks the nearest vowel it fits (only: that base letter
 * alone, for Telex aa ee oo), or removes its mark if already there. */
static enum key_result put_mark(struct word *w, enum mark_kind kind, wchar_t only, wchar_t key, int idx)
{
	if ((kind == KIND_HORN || kind == KIND_W) && put_horn_pair(w, idx))
		return KEY_DONE;
	for (size_t i = w->n; i-- > 0;) {
		struct letter *v = &w->l[i];
		int mark = kind_mark(kind, v->base);
		if (!is_vowel(v->base) || mark == M_NONE || (only && v->base != only))
			continue;
		if (v->mark == mark) {
			if (v->lone_w) {        /* "ww": the first w is a letter again */
				v->base = L'w';
				v->mark = M_NONE;
				v->lone_w = false;
				return KEY_UNDONE;
			}
			int k = v->mark_key;
			for (size_t j = 0; j < w->n; j++)
				if (is_vowel(w->l[j].base) && w->l[j].mark != M_NONE
				    && w->l[j].mark_key == k) {
					w->l[j].mark = M_NONE;
					w->l[j].auto_horn = false;
				}
			append(w, key);
			return KEY_UNDONE;
		}
		struct letter save = *v;
		v->mark = (unsigned char)mark;
		v->mark_key = idx;
		v->auto_horn = false;
		if (word_valid(w))
			return KEY_DONE;
		*v = save;
	}
	if (kind == KIND_W && !has_vowel(w)) {  /* Telex w alone: ư */
		append(w, key);
		struct letter *v = &w->l[w->n - 1];
		v->base = L'u';
		v->mark = M_HORN;
		v->lone_w = true;
		v->mark_key = idx;
		if (word_valid(w))
			return KEY_DONE;
		w->n--;
	}
	return KEY_LITERAL;
}

/* The đ key: strokes an initial d, or removes the stroke. */
static enum key_result put_stroke(struct word *w, wchar_t key, int idx)
{
	if (w->n == 0 || w->l[0].base != L'd')
		return KEY_LITERAL;
	if (w->l[0].mark == M_STROKE) {
		w->l[0].mark = M_NONE;
		append(w, key);
		return KEY_UNDONE;
	}
	w->l[0].mark = M_STROKE;
	w->l[0].mark_key = idx;
	if (word_valid(w))
		return KEY_DONE;
	w->l[0].mark = M_NONE;
	return KEY_LITERAL;
}

/* Applies key number idx of the word under the given method. */
static enum key_result apply_key(struct word *w, enum vnkey_method m, wchar_t key, int idx)
{
	enum key_result r = KEY_LITERAL;
	wchar_t c = lower_ascii(key);

	if (!word_valid(w)) {
		append(w, key);
		return KEY_LITERAL;
	}
	if (m == VNKEY_TELEX) {
		switch (c) {
		case L's': r = put_tone(w, TONE_ACUTE, key); break;
		case L'f': r = put_tone(w, TONE_GRAVE, key); break;
		case L'r': r = put_tone(w, TONE_HOOK, key); break;
		case L'x': r = put_tone(w, TONE_TILDE, key); break;
		case L'j': r = put_tone(w, TONE_DOT, key); break;
		case L'z':
			if (w->tone != TONE_NONE) {
				w->tone = TONE_NONE;
				r = KEY_DONE;
			}
			break;
		case L'a': case L'e': case L'o':
			r = put_mark(w, KIND_HAT, c, key, idx);
			break;
		case L'w': r = put_mark(w, KIND_W, 0, key, idx); break;
		case L'd': r = put_stroke(w, key, idx); break;
		default: break;
		}
	} else if (m == VNKEY_VNI) {
		switch (c) {
		case L'1': case L'2': case L'3': case L'4': case L'5':
			r = put_tone(w, (int)(c - L'0'), key);
			break;
		case L'0':
			if (w->tone != TONE_NONE) {
				w->tone = TONE_NONE;
				r = KEY_DONE;
			}
			break;
		case L'6': r = put_mark(w, KIND_HAT, 0, key, idx); break;
		case L'7': r = put_mark(w, KIND_HORN, 0, key, idx); break;
		case L'8': r = put_mark(w, KIND_BREVE, 0, key, idx); break;
		case L'9': r = put_stroke(w, key, idx); break;
		default: break;
		}
	}
	if (r == KEY_LITERAL)
		append(w, key);
	return r;
}

/* The row of vowel_lower/vowel_upper for a base vowel and mark. */
static size_t vowel_row(wchar_t base, int mark)
{
	size_t plain = 0;
	for (size_t r = 0; r < COUNT(vowel_mark); r++) {
		if (vowel_base[r] != base)
			continue;
		if (vowel_mark[r] == mark)
			return r;
		if (vowel_mark[r] == M_NONE)
			plain = r;
	}
	return plain;
}

/* Writes the word as precomposed text; returns the number written. */
static size_t render(const struct word *w, bool modern, wchar_t *out, size_t cap)
{
	size_t t = w->tone != TONE_NONE ? tone_target(w, modern) : SIZE_MAX;
	size_t n = 0;
	for (size_t i = 0; i < w->n && n + 1 < cap; i++) {
		const struct letter *v = &w->l[i];
		wchar_t c = v->base;
		if (is_vowel(v->base)) {
			size_t row = vowel_row(v->base, mark_at(w, i));
			c = (v->upper ? vowel_upper : vowel_lower)[row][i == t ? w->tone : TONE_NONE];
		} else if (v->mark == M_STROKE) {
			c = v->upper ? L'Đ' : L'đ';
		} else if (v->upper) {
			c = v->base - L'a' + L'A';
		}
		out[n++] = c;
	}
	out[n] = L'\0';
	return n;
}

/* Copies raw keys to out; returns the number written. */
static size_t copy_keys(const wchar_t *keys, size_t n, wchar_t *out, size_t cap)
{
	if (n > cap - 1)
		n = cap - 1;
	memcpy(out, keys, n * sizeof *keys);
	out[n] = L'\0';
	return n;
}

/* Sets up an engine with an empty word. */
void vnkey_init(struct vnkey *k, enum vnkey_method m, bool modern_tone)
{
	memset(k, 0, sizeof *k);
	k->method = m;
	k->modern_tone = modern_tone;
}

/* Forgets the keys of the word that ended. */
void vnkey_reset(struct vnkey *k)
{
	k->nkeys = 0;
}

/* Composes a whole key sequence: the word, or the keys if it is not one. */
size_t vnkey_compose(enum vnkey_method m, bool modern_tone, const wchar_t *keys, size_t n,
		wchar_t *out, size_t cap)
{
	struct word w;
	enum key_result last = KEY_LITERAL;

	if (cap == 0)
		return 0;
	if (m == VNKEY_OFF || n > VNKEY_MAX_KEYS)
		return copy_keys(keys, n, out, cap);
	memset(&w, 0, sizeof w);
	for (size_t i = 0; i < n; i++)
		last = apply_key(&w, m, keys[i], (int)i);
	if (!word_valid(&w) && last != KEY_UNDONE)
		return copy_keys(keys, n, out, cap);
	return render(&w, modern_tone, out, cap);
}

/* Adds one key to the word and composes it again. */
size_t vnkey_feed(struct vnkey *k, wchar_t key, wchar_t *out, size_t cap)
{
	if (k->nkeys >= VNKEY_MAX_KEYS) {
		if (cap > 0)
			out[0] = L'\0';
		return 0;
	}
	k->keys[k->nkeys++] = key;
	return vnkey_compose(k->method, k->modern_tone, k->keys, k->nkeys, out, cap);
}

/* Drops the last key of the word and composes it again. */
size_t vnkey_backspace(struct vnkey *k, wchar_t *out, size_t cap)
{
	if (k->nkeys == 0) {
		if (cap > 0)
			out[0] = L'\0';
		return 0;
	}
	k->nkeys--;
	return vnkey_compose(k->method, k->modern_tone, k->keys, k->nkeys, out, cap);
}

/* True if the key belongs to a word under this method. */
bool vnkey_is_word_key(enum vnkey_method m, wchar_t key)
{
	if (m == VNKEY_OFF)
		return false;
	if ((key >= L'a' && key <= L'z') || (key >= L'A' && key <= L'Z'))
		return true;
	return m == VNKEY_VNI && key >= L'0' && key <= L'9';
}

/* Composes each run of word keys in a text, copying the rest. */
size_t vnkey_compose_text(enum vnkey_method m, bool modern_tone, const wchar_t *text,
		wchar_t *out, size_t cap)
{
	size_t len = 0;

	if (cap == 0)
		return 0;
	while (*text && len + 1 < cap) {
		size_t n = 0;
		while (text[n] && vnkey_is_word_key(m, text[n]))
			n++;
		if (n == 0) {
			out[len++] = *text++;
			continue;
		}
		len += vnkey_compose(m, modern_tone, text, n, out + len, cap - len);
		text += n;
	}
	out[len] = L'\0';
	return len;
}
