/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-lineedit.c - the line editor of the form fields: insertion and the
 * length limit, movement by character and word, every deletion key,
 * combining marks composed into NFC, long pastes, the built-in Telex and
 * VNI input method, outside input methods (Backspaces then the corrected
 * letters) and horizontal scrolling with wide characters. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tap.h"
#include "../src/lineedit.h"
#include "../src/text.h"

/* The text of the editor, in one of eight rotating buffers. */
static const char *txt(const struct lineedit *e)
{
	static char bufs[8][512];
	static int next;
	char *b = bufs[next++ % 8];
	char *s = le_text(e);
	snprintf(b, sizeof bufs[0], "%s", s);
	free(s);
	return b;
}

/* One special key. */
static enum le_result key(struct lineedit *e, enum wkey_code code)
{
	struct wkey k = { code, 0 };
	return le_key(e, k);
}

/* One character key (control characters too). */
static enum le_result chr(struct lineedit *e, wchar_t c)
{
	struct wkey k = { WK_CHAR, c };
	return le_key(e, k);
}

/* Types every character of a UTF-8 string; returns the last result. */
static enum le_result type(struct lineedit *e, const char *s)
{
	wchar_t w[512];
	enum le_result r = LE_UNHANDLED;
	size_t n = mbstowcs(w, s, 512);
	for (size_t i = 0; n != (size_t)-1 && i < n; i++)
		r = chr(e, w[i]);
	return r;
}

/* A special key pressed n times. */
static void keys(struct lineedit *e, enum wkey_code code, int n)
{
	while (n-- > 0)
		key(e, code);
}

/* Plain typing, the length limit and le_set_text. */
static void test_insert(void)
{
	struct lineedit e;

	le_init(&e, 0);
	is_str(txt(&e), "", "new editor is empty");
	is_int(e.cursor, 0, "new editor: cursor 0");
	ok(!e.changed, "new editor: not changed");
	is_int(type(&e, "abc"), LE_CHANGED, "typing changes the text");
	is_str(txt(&e), "abc", "typed abc");
	is_int(e.cursor, 3, "cursor after the typed text");
	ok(e.changed, "typing sets changed");
	key(&e, WK_LEFT);
	type(&e, "X");
	is_str(txt(&e), "abXc", "insertion at the cursor");
	is_int(e.cursor, 3, "cursor after the inserted character");
	key(&e, WK_HOME);
	type(&e, "Đ");
	is_str(txt(&e), "ĐabXc", "insertion at the start");
	is_int(chr(&e, 0x85), LE_REFUSED, "a C1 control character is refused");
	is_str(txt(&e), "ĐabXc", "... and not inserted");

	le_set_text(&e, "Ha\xCC\x80 N\xC3\xB4\xCC\xA3i");       /* decomposed */
	is_str(txt(&e), "Hà Nội", "le_set_text normalizes to NFC");
	is_int(e.len, 6, "Hà Nội is 6 characters");
	is_int(e.cursor, 6, "le_set_text puts the cursor at the end");
	ok(!e.changed, "le_set_text clears changed");
	le_set_text(&e, "\xC3\x90inh x\xFFy");
	is_str(txt(&e), "Đinh x\xEF\xBF\xBDy", "eth becomes Đ, an invalid byte U+FFFD");
	le_free(&e);

	le_init(&e, 5);
	type(&e, "abcde");
	is_int(type(&e, "f"), LE_REFUSED, "a character past maxlen is refused");
	is_str(txt(&e), "abcde", "text kept at maxlen");
	key(&e, WK_HOME);
	is_int(type(&e, "z"), LE_REFUSED, "insertion in the middle at maxlen is refused");
	is_int(e.cursor, 0, "cursor unchanged by a refused key");
	le_free(&e);

	le_init(&e, 3);
	type(&e, "cae");
	is_int(chr(&e, 0x0302), LE_CHANGED, "at maxlen a mark composing into the letter is accepted");
	is_int(chr(&e, 0x0301), LE_CHANGED, "... and a second one");
	is_str(txt(&e), "caế", "c a e U+0302 U+0301 gives caế at maxlen 3");
	is_int(chr(&e, L'x'), LE_REFUSED, "... then a letter is refused");
	le_free(&e);
}

/* Movement by character and by word; unhandled keys. */
static void test_move(void)
{
	struct lineedit e;

	le_init(&e, 0);
	le_set_text(&e, "Nguyễn Văn Hùng");
	is_int(key(&e, WK_HOME), LE_MOVED, "Home moves");
	is_int(e.cursor, 0, "Home: cursor 0");
	is_int(key(&e, WK_LEFT), LE_MOVED, "Left at the start is handled");
	is_int(e.cursor, 0, "... and stays at 0");
	keys(&e, WK_RIGHT, 3);
	is_int(e.cursor, 3, "Right x3");
	key(&e, WK_CTRL_RIGHT);
	is_int(e.cursor, 6, "Ctrl-Right: end of Nguyễn");
	key(&e, WK_CTRL_RIGHT);
	is_int(e.cursor, 10, "Ctrl-Right: end of Văn");
	key(&e, WK_LEFT);
	is_int(e.cursor, 9, "Left by one character (ă is one)");
	key(&e, WK_CTRL_LEFT);
	is_int(e.cursor, 7, "Ctrl-Left: start of Văn");
	key(&e, WK_CTRL_LEFT);
	is_int(e.cursor, 0, "Ctrl-Left: start of Nguyễn");
	key(&e, WK_END);
	is_int(e.cursor, 15, "End");
	chr(&e, WKEY_CTRL('a'));
	is_int(e.cursor, 0, "Ctrl-A");
	chr(&e, WKEY_CTRL('e'));
	is_int(e.cursor, 15, "Ctrl-E");
	is_int(key(&e, WK_RIGHT), LE_MOVED, "Right at the end is handled");
	is_int(e.cursor, 15, "... and stays at the end");

	le_set_text(&e, "số 12/3-a");
	key(&e, WK_CTRL_LEFT);
	is_int(e.cursor, 8, "Ctrl-Left over punctuation: a");
	key(&e, WK_CTRL_LEFT);
	is_int(e.cursor, 6, "Ctrl-Left: 3");
	key(&e, WK_CTRL_LEFT);
	is_int(e.cursor, 3, "Ctrl-Left: 12");
	ok(!e.changed, "movement does not set changed");

	static const enum wkey_code other[] = {
		WK_ENTER, WK_TAB, WK_BTAB, WK_ESC, WK_F1, WK_F10, WK_UP, WK_DOWN,
		WK_PGUP, WK_PGDN, WK_INSERT, WK_RESIZE
	};
	int unhandled = 0;
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
		unhandled += key(&e, other[i]) == LE_UNHANDLED;
	unhandled += chr(&e, L'\r') == LE_UNHANDLED;
	unhandled += chr(&e, L'\t') == LE_UNHANDLED;
	unhandled += chr(&e, 0x1b) == LE_UNHANDLED;
	is_int(unhandled, 15, "Enter, Tab, Esc, F-keys, Up/Down... are unhandled");
	is_str(txt(&e), "số 12/3-a", "... and change nothing");
	is_int(e.cursor, 3, "... not even the cursor");
	le_free(&e);
}

/* Every deletion key. */
static void test_delete(void)
{
	struct lineedit e;

	le_init(&e, 0);
	le_set_text(&e, "Hùng");
	is_int(key(&e, WK_BACKSPACE), LE_CHANGED, "Backspace changes");
	is_str(txt(&e), "Hùn", "Backspace");
	chr(&e, WKEY_CTRL('h'));
	is_str(txt(&e), "Hù", "Ctrl-H");
	chr(&e, 0x7f);
	is_str(txt(&e), "H", "DEL (0x7f) deletes backwards, ù as one character");
	key(&e, WK_HOME);
	is_int(key(&e, WK_BACKSPACE), LE_MOVED, "Backspace at the start does nothing");

	le_set_text(&e, "abc");
	key(&e, WK_HOME);
	key(&e, WK_DELETE);
	is_str(txt(&e), "bc", "Delete");
	chr(&e, WKEY_CTRL('d'));
	is_str(txt(&e), "c", "Ctrl-D");
	is_int(e.cursor, 0, "Delete keeps the cursor");
	key(&e, WK_END);
	is_int(key(&e, WK_DELETE), LE_MOVED, "Delete at the end does nothing");

	le_set_text(&e, "Lam Sơn");
	keys(&e, WK_LEFT, 4);
	chr(&e, WKEY_CTRL('k'));
	is_str(txt(&e), "Lam", "Ctrl-K deletes to the end");
	is_int(e.cursor, 3, "... cursor stays");
	le_set_text(&e, "Lam Sơn");
	keys(&e, WK_LEFT, 3);
	chr(&e, WKEY_CTRL('u'));
	is_str(txt(&e), "Sơn", "Ctrl-U deletes to the start");
	is_int(e.cursor, 0, "... cursor at 0");

	le_set_text(&e, "phường Lam Sơn");
	chr(&e, WKEY_CTRL('w'));
	is_str(txt(&e), "phường Lam ", "Ctrl-W deletes the word before the cursor");
	chr(&e, WKEY_CTRL('w'));
	is_str(txt(&e), "phường ", "Ctrl-W again takes the space and the word");
	le_set_text(&e, "phường Lam Sơn");
	keys(&e, WK_LEFT, 4);
	chr(&e, WKEY_CTRL('w'));
	is_str(txt(&e), "phường  Sơn", "Ctrl-W in the middle");
	is_int(e.cursor, 7, "... cursor where the word was");
	le_free(&e);
}

/* Combining marks composed with the letter before the cursor. */
static void test_marks(void)
{
	struct lineedit e;

	le_init(&e, 0);
	type(&e, "a\xCC\x80");
	is_str(txt(&e), "à", "a U+0300 -> à");
	is_int(e.len, 1, "... one character");
	le_set_text(&e, "");
	type(&e, "o\xCC\x82\xCC\x81");
	is_str(txt(&e), "ố", "o U+0302 U+0301 -> ố");
	is_int(e.len, 1, "... one character");
	le_set_text(&e, "");
	type(&e, "o\xCC\xA3\xCC\x82");
	is_str(txt(&e), "ộ", "o U+0323 U+0302 -> ộ");
	le_set_text(&e, "Ha Noi");
	keys(&e, WK_LEFT, 4);
	type(&e, "\xCC\x80");
	is_str(txt(&e), "Hà Noi", "a mark typed in the middle composes there");
	is_int(e.cursor, 2, "... cursor after à");
	key(&e, WK_HOME);
	is_int(chr(&e, 0x0301), LE_REFUSED, "a mark with nothing before it is refused");

	le_set_text(&e, "");
	type(&e, "x\xCC\x81");
	is_int(e.len, 2, "x U+0301 has no precomposed form: two characters");
	key(&e, WK_LEFT);
	is_int(e.cursor, 0, "Left steps over a letter and its mark");
	key(&e, WK_RIGHT);
	is_int(e.cursor, 2, "Right too");
	key(&e, WK_BACKSPACE);
	is_str(txt(&e), "x", "Backspace removes the mark first");

	le_set_text(&e, "");
	type(&e, "\xE1\x84\x80\xE1\x85\xA1");   /* Hangul jamo, wcwidth 2 + 0 */
	is_str(txt(&e), "가", "Hangul jamo compose to one syllable");
	le_set_text(&e, "");
	type(&e, "\xE2\x84\xAB");               /* U+212B ANGSTROM SIGN */
	is_str(txt(&e), "Å", "a typed singleton is normalized");
	le_free(&e);
}

/* Long pastes: one key per character. */
static void test_paste(void)
{
	static const wchar_t pool[] = L"aáàảãạăắằẳẵặâấầẩẫậđ ";
	struct lineedit e;
	int refused = 0;

	le_init(&e, 200);
	for (int i = 0; i < 5000; i++)
		refused += chr(&e, pool[i % (int)(wcslen(pool))]) == LE_REFUSED;
	is_int(e.len, 200, "5000-character paste with maxlen 200 keeps 200");
	is_int(refused, 4800, "... and refuses the other 4800");
	char *s = le_text(&e);
	is_int(text_length(s), 200, "... le_text has 200 characters");
	free(s);
	le_free(&e);

	le_init(&e, 0);
	for (int i = 0; i < 100000; i++)
		chr(&e, pool[i % (int)(wcslen(pool))]);
	is_int(e.len, 100000, "100000-character paste without a limit");
	is_int(e.cursor, 100000, "... cursor at the end");
	le_set_text(&e, "");
	for (int i = 0; i < 30000; i++) {
		chr(&e, L'e');
		chr(&e, 0x0302);
	}
	is_int(e.len, 30000, "30000 decomposed ê pasted: 30000 characters");
	is_int(e.buf[29999], 0x00EA, "... each one precomposed");
	le_free(&e);
}

/* The built-in input method. */
static void test_ime(void)
{
	struct lineedit e;

	le_init(&e, 0);
	is_int(e.method, VNKEY_OFF, "no input method by default");
	le_set_method(&e, VNKEY_TELEX, false);
	static const char *const steps[] = { "v", "vi", "vie", "viê", "viêt", "việt" };
	int good = 0;
	for (int i = 0; i < 6; i++) {
		chr(&e, (wchar_t)"vieetj"[i]);
		good += strcmp(txt(&e), steps[i]) == 0;
	}
	is_int(good, 6, "Telex vieetj shows v vi vie viê viêt việt");
	is_int(e.ime_len, 4, "... the composed word is 4 characters");
	is_int(e.cursor, 4, "... cursor after it");

	le_set_text(&e, "");
	type(&e, "Nguyeenx Vawn Hungf");
	is_str(txt(&e), "Nguyễn Văn Hùng", "Telex Nguyeenx Vawn Hungf");
	le_set_text(&e, "");
	type(&e, "phuwowngf Lam Sown");
	is_str(txt(&e), "phường Lam Sơn", "Telex phuwowngf Lam Sown");
	le_set_text(&e, "");
	type(&e, "Hoangf");
	is_str(txt(&e), "Hoàng", "Telex Hoangf");
	le_set_text(&e, "");
	type(&e, "Hoafng");
	is_str(txt(&e), "Hoàng", "Telex Hoafng");
	le_set_text(&e, "");
	type(&e, "DDaij ddooij 3, Toor 5");
	is_str(txt(&e), "Đại đội 3, Tổ 5", "Telex with digits and punctuation");

	le_set_text(&e, "");
	type(&e, "hoaf");
	is_str(txt(&e), "hòa", "Telex hoaf (traditional)");
	is_int(key(&e, WK_BACKSPACE), LE_CHANGED, "Backspace inside the word");
	is_str(txt(&e), "hoa", "... removes the tone first");
	type(&e, "s");
	is_str(txt(&e), "hóa", "... and the word goes on (hoa + s)");
	key(&e, WK_BACKSPACE);
	key(&e, WK_BACKSPACE);
	is_str(txt(&e), "ho", "Backspace again drops a letter");
	keys(&e, WK_BACKSPACE, 2);
	is_str(txt(&e), "", "... down to nothing");
	is_int(e.ime_len, 0, "... and the word is reset");
	type(&e, "aa");
	is_str(txt(&e), "â", "a new word composes again");

	le_set_text(&e, "");
	type(&e, "vieet");
	key(&e, WK_LEFT);
	key(&e, WK_RIGHT);
	type(&e, "j");
	is_str(txt(&e), "viêtj", "moving the cursor ends the word");
	le_set_text(&e, "");
	type(&e, "vie");
	e.cursor = 1;           /* the cursor moved by the caller */
	type(&e, "e");
	is_str(txt(&e), "veie", "a cursor moved under the word starts a new one");
	le_set_text(&e, "");
	type(&e, "tooi ");
	key(&e, WK_BACKSPACE);
	type(&e, "s");
	is_str(txt(&e), "tôis", "a finished word is not picked up again");

	le_set_method(&e, VNKEY_TELEX, true);
	le_set_text(&e, "");
	type(&e, "hoaf");
	is_str(txt(&e), "hoà", "Telex modern tone: hoà");
	le_free(&e);

	le_init(&e, 3);
	le_set_method(&e, VNKEY_TELEX, false);
	type(&e, "vie");
	is_int(chr(&e, L'e'), LE_CHANGED, "at maxlen, ee -> ê is accepted");
	is_int(chr(&e, L't'), LE_REFUSED, "a key lengthening the word past maxlen is refused");
	is_str(txt(&e), "viê", "... the previous word stays");
	type(&e, "j");
	is_str(txt(&e), "việ", "... and composition goes on");
	le_free(&e);

	le_init(&e, 0);
	le_set_method(&e, VNKEY_VNI, false);
	type(&e, "Nguye6n4 Va8n Hu2ng");
	is_str(txt(&e), "Nguyễn Văn Hùng", "VNI Nguye6n4 Va8n Hu2ng");
	le_set_text(&e, "");
	type(&e, "phu7o7ng2 Lam So7n");
	is_str(txt(&e), "phường Lam Sơn", "VNI phu7o7ng2 Lam So7n");
	le_set_text(&e, "");
	type(&e, "Hoang2");
	is_str(txt(&e), "Hoàng", "VNI Hoang2");
	le_set_text(&e, "");
	type(&e, "Hoa2ng");
	is_str(txt(&e), "Hoàng", "VNI Hoa2ng");
	le_set_text(&e, "");
	type(&e, "d9u7o7ng2 so61 12");
	is_str(txt(&e), "đường số 12", "VNI d9u7o7ng2 so61 12");
	le_set_text(&e, "");
	type(&e, "to61t");
	key(&e, WK_BACKSPACE);
	is_str(txt(&e), "tố", "VNI Backspace in the word");
	le_free(&e);
}

/* Outside input methods: Backspaces, then the corrected letters. */
static void test_outside_ime(void)
{
	struct lineedit e;

	le_init(&e, 0);
	type(&e, "viee");
	keys(&e, WK_BACKSPACE, 2);
	type(&e, "ê");
	is_str(txt(&e), "viê", "v i e e BS BS ê -> viê");
	le_set_text(&e, "");
	type(&e, "viê\xCC\xA3t");
	is_str(txt(&e), "việt", "v i ê U+0323 t -> việt");
	is_int(e.len, 4, "... four characters");
	le_set_text(&e, "");
	type(&e, "vie\xCC\x82\xCC\xA3t");
	is_str(txt(&e), "việt", "v i e U+0302 U+0323 t -> việt");
	le_set_text(&e, "");
	type(&e, "hoà");
	key(&e, WK_BACKSPACE);
	type(&e, "a\xCC\x80n");
	is_str(txt(&e), "hoàn", "retyping a decomposed letter after Backspace");

	le_set_method(&e, VNKEY_TELEX, false);
	le_set_text(&e, "");
	type(&e, "vieet");
	type(&e, "\xE1\xBB\x87");        /* ệ from elsewhere ends the Telex word */
	is_str(txt(&e), "viêtệ", "a non-ASCII letter ends the built-in word");
	le_free(&e);
}

/* Horizontal scrolling. */
static void test_layout(void)
{
	struct lineedit e;

	le_init(&e, 0);
	le_set_text(&e, "abcdefghijklmnop");
	is_int(le_layout(&e, 10), 9, "cursor at the end of 16 in 10 columns: column 9");
	is_int(e.scroll, 7, "... scroll 7");
	key(&e, WK_HOME);
	is_int(le_layout(&e, 10), 0, "Home: column 0");
	is_int(e.scroll, 0, "... scroll 0");
	key(&e, WK_END);
	le_layout(&e, 10);
	keys(&e, WK_BACKSPACE, 5);
	is_int(le_layout(&e, 10), 9, "after deleting at the end: still column 9");
	is_int(e.scroll, 2, "... scroll pulled back to fill the field");
	key(&e, WK_HOME);
	le_layout(&e, 10);
	keys(&e, WK_RIGHT, 9);
	is_int(le_layout(&e, 10), 9, "last column reachable without scrolling");
	key(&e, WK_RIGHT);
	is_int(le_layout(&e, 10), 9, "one more: scrolls by one");
	is_int(e.scroll, 1, "... scroll 1");

	le_set_text(&e, "中文中文中文中文");
	is_int(le_charwidth(L'中'), 2, "CJK is 2 columns");
	is_int(le_layout(&e, 10), 8, "8 CJK at the end of 10 columns: column 8");
	is_int(e.scroll, 4, "... scroll 4");
	key(&e, WK_HOME);
	is_int(le_layout(&e, 10), 0, "Home: column 0");
	is_int(e.scroll, 0, "... scroll 0");
	keys(&e, WK_RIGHT, 4);
	is_int(le_layout(&e, 10), 8, "4 CJK in: column 8");
	key(&e, WK_RIGHT);
	is_int(le_layout(&e, 10), 8, "a wide character under the cursor must fit: scroll");
	is_int(e.scroll, 1, "... scroll 1");
	is_int(le_layout(&e, 1), 0, "field of one column: cursor column 0");
	is_int(e.scroll, 5, "... scroll at the cursor");

	le_set_text(&e, "Việt x\xCC\x81 中");
	is_int(le_charwidth(0x0301), 0, "a combining mark is 0 columns");
	is_int(le_charwidth(0x1EC7), 1, "ệ is 1 column");
	is_int(le_layout(&e, 20), 9, "mixed text: columns add up");
	le_free(&e);
}

/* Pre-filled text (issue 13): the first character typed replaces it,
 * unless a key moved the cursor or edited it first. */
static void test_prefilled(void)
{
	struct lineedit e;

	le_init(&e, 0);
	le_set_text(&e, "2026-12");
	ok(e.fresh, "le_set_text: the text is fresh");
	is_int(type(&e, "2023-Q3"), LE_CHANGED, "typing over fresh text changes it");
	is_str(txt(&e), "2023-Q3", "the first key replaces the pre-filled text");
	is_int(e.cursor, 7, "... cursor after what was typed");
	ok(e.changed, "... changed");
	ok(!e.fresh, "... and only the first key replaces");

	le_set_text(&e, "2026-12");
	chr(&e, WKEY_CTRL('u'));
	type(&e, "2023-Q3");
	is_str(txt(&e), "2023-Q3", "Ctrl-U then typing still works");

	le_set_text(&e, "Lam Sơn");
	key(&e, WK_END);
	type(&e, " 2");
	is_str(txt(&e), "Lam Sơn 2", "End then typing appends");
	le_set_text(&e, "Lam Sơn");
	key(&e, WK_HOME);
	type(&e, "P. ");
	is_str(txt(&e), "P. Lam Sơn", "Home then typing inserts at the start");
	le_set_text(&e, "Lam Sơn");
	key(&e, WK_LEFT);
	type(&e, "x");
	is_str(txt(&e), "Lam Sơxn", "Left then typing inserts");
	le_set_text(&e, "Lam Sơn");
	key(&e, WK_RIGHT);
	type(&e, "!");
	is_str(txt(&e), "Lam Sơn!", "Right (at the end) then typing appends");
	le_set_text(&e, "Lam Sơn");
	chr(&e, WKEY_CTRL('a'));
	type(&e, "P. ");
	is_str(txt(&e), "P. Lam Sơn", "Ctrl-A then typing inserts");
	le_set_text(&e, "Lam Sơn");
	chr(&e, WKEY_CTRL('e'));
	type(&e, "x");
	is_str(txt(&e), "Lam Sơnx", "Ctrl-E then typing appends");
	le_set_text(&e, "Lam Sơn");
	key(&e, WK_CTRL_LEFT);
	type(&e, "x");
	is_str(txt(&e), "Lam xSơn", "Ctrl-Left then typing inserts");
	le_set_text(&e, "Hùng");
	key(&e, WK_BACKSPACE);
	is_str(txt(&e), "Hùn", "Backspace on fresh text deletes one character");
	type(&e, "h");
	is_str(txt(&e), "Hùnh", "... and typing after it appends");
	le_set_text(&e, "Lam Sơn");
	chr(&e, WKEY_CTRL('w'));
	type(&e, "Hà");
	is_str(txt(&e), "Lam Hà", "Ctrl-W then typing appends");

	/* Keys the caller handles, and resizes, keep the text fresh. */
	le_set_text(&e, "12");
	is_int(key(&e, WK_TAB), LE_UNHANDLED, "Tab is the caller's");
	key(&e, WK_RESIZE);
	key(&e, WK_F4);
	ok(e.fresh, "Tab, F4 and a resize keep the text fresh");
	type(&e, "7");
	is_str(txt(&e), "7", "... so typing still replaces it");

	/* A combining mark composes with the last letter instead. */
	le_set_text(&e, "Ha");
	chr(&e, 0x0300);
	is_str(txt(&e), "Hà", "a combining mark on fresh text composes with it");
	type(&e, "m");
	is_str(txt(&e), "Hàm", "... and ends the fresh state");

	/* Empty text is not fresh; neither is text typed. */
	le_set_text(&e, "");
	ok(!e.fresh, "empty text is not fresh");
	type(&e, "ab");
	ok(!e.fresh, "typed text is not fresh");

	/* The built-in input method: the first word key replaces too. */
	le_set_method(&e, VNKEY_TELEX, false);
	le_set_text(&e, "Lam Sơn");
	type(&e, "Vieejt");
	is_str(txt(&e), "Việt", "Telex: the first word key replaces the fresh text");
	le_set_method(&e, VNKEY_OFF, false);

	/* A length limit: the replacement fits even when the old text filled it. */
	le_free(&e);
	le_init(&e, 4);
	le_set_text(&e, "abcd");
	is_int(type(&e, "x"), LE_CHANGED, "a full field: the first key replaces");
	is_str(txt(&e), "x", "... the text");
	le_free(&e);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_insert();
	test_move();
	test_delete();
	test_marks();
	test_paste();
	test_ime();
	test_outside_ime();
	test_layout();
	test_prefilled();
	return done();
}
