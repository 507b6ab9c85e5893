/* SPDX-License-Identifier: GPL-3.0-or-later */
/* unit-vnkey.c - the Vietnamese input method: a table of key sequences and
 * the words they must give (Telex and VNI, both tone styles), then typing
 * and backspace key by key. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <wchar.h>

#include "tap.h"
#include "../src/vnkey.h"

#define T VNKEY_TELEX
#define V VNKEY_VNI
#define TRAD false
#define MOD true
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Keys (a whole text: words separated by spaces) and the text they give. */
static const struct vcase {
	enum vnkey_method m;
	bool modern;
	const char *keys;
	const char *want;
} cases[] = {
	/* ---- Telex: each tone on each vowel */
	{ T, TRAD, "as", "á" }, { T, TRAD, "af", "à" }, { T, TRAD, "ar", "ả" },
	{ T, TRAD, "ax", "ã" }, { T, TRAD, "aj", "ạ" },
	{ T, TRAD, "aws", "ắ" }, { T, TRAD, "awf", "ằ" }, { T, TRAD, "awr", "ẳ" },
	{ T, TRAD, "awx", "ẵ" }, { T, TRAD, "awj", "ặ" },
	{ T, TRAD, "aas", "ấ" }, { T, TRAD, "aaf", "ầ" }, { T, TRAD, "aar", "ẩ" },
	{ T, TRAD, "aax", "ẫ" }, { T, TRAD, "aaj", "ậ" },
	{ T, TRAD, "es", "é" }, { T, TRAD, "ef", "è" }, { T, TRAD, "er", "ẻ" },
	{ T, TRAD, "ex", "ẽ" }, { T, TRAD, "ej", "ẹ" },
	{ T, TRAD, "ees", "ế" }, { T, TRAD, "eef", "ề" }, { T, TRAD, "eer", "ể" },
	{ T, TRAD, "eex", "ễ" }, { T, TRAD, "eej", "ệ" },
	{ T, TRAD, "is", "í" }, { T, TRAD, "if", "ì" }, { T, TRAD, "ir", "ỉ" },
	{ T, TRAD, "ix", "ĩ" }, { T, TRAD, "ij", "ị" },
	{ T, TRAD, "os", "ó" }, { T, TRAD, "of", "ò" }, { T, TRAD, "or", "ỏ" },
	{ T, TRAD, "ox", "õ" }, { T, TRAD, "oj", "ọ" },
	{ T, TRAD, "oos", "ố" }, { T, TRAD, "oof", "ồ" }, { T, TRAD, "oor", "ổ" },
	{ T, TRAD, "oox", "ỗ" }, { T, TRAD, "ooj", "ộ" },
	{ T, TRAD, "ows", "ớ" }, { T, TRAD, "owf", "ờ" }, { T, TRAD, "owr", "ở" },
	{ T, TRAD, "owx", "ỡ" }, { T, TRAD, "owj", "ợ" },
	{ T, TRAD, "us", "ú" }, { T, TRAD, "uf", "ù" }, { T, TRAD, "ur", "ủ" },
	{ T, TRAD, "ux", "ũ" }, { T, TRAD, "uj", "ụ" },
	{ T, TRAD, "uws", "ứ" }, { T, TRAD, "uwf", "ừ" }, { T, TRAD, "uwr", "ử" },
	{ T, TRAD, "uwx", "ữ" }, { T, TRAD, "uwj", "ự" },
	{ T, TRAD, "ys", "ý" }, { T, TRAD, "yf", "ỳ" }, { T, TRAD, "yr", "ỷ" },
	{ T, TRAD, "yx", "ỹ" }, { T, TRAD, "yj", "ỵ" },

	/* ---- Telex marks, đ, the lone w */
	{ T, TRAD, "aa", "â" }, { T, TRAD, "aw", "ă" }, { T, TRAD, "ee", "ê" },
	{ T, TRAD, "oo", "ô" }, { T, TRAD, "ow", "ơ" }, { T, TRAD, "uw", "ư" },
	{ T, TRAD, "uow", "ươ" }, { T, TRAD, "uoow", "ươ" }, { T, TRAD, "dd", "đ" },
	{ T, TRAD, "w", "ư" }, { T, TRAD, "ws", "ứ" }, { T, TRAD, "wf", "ừ" },
	{ T, TRAD, "thw", "thư" }, { T, TRAD, "nhw", "như" }, { T, TRAD, "wa", "ưa" },
	{ T, TRAD, "awa", "â" }, { T, TRAD, "dod", "đo" }, { T, TRAD, "ddi", "đi" },

	/* ---- a repeated key undoes the mark and stays a letter */
	{ T, TRAD, "aaa", "aa" }, { T, TRAD, "aww", "aw" }, { T, TRAD, "eee", "ee" },
	{ T, TRAD, "ooo", "oo" }, { T, TRAD, "oww", "ow" }, { T, TRAD, "uww", "uw" },
	{ T, TRAD, "uoww", "uow" }, { T, TRAD, "ww", "w" }, { T, TRAD, "ddd", "dd" },
	{ T, TRAD, "ass", "as" }, { T, TRAD, "aff", "af" }, { T, TRAD, "arr", "ar" },
	{ T, TRAD, "axx", "ax" }, { T, TRAD, "ajj", "aj" }, { T, TRAD, "asz", "a" },
	{ T, TRAD, "asf", "à" }, { T, TRAD, "az", "az" }, { T, TRAD, "aaaa", "aaaa" },
	{ T, TRAD, "dddd", "dddd" }, { T, TRAD, "Laoss", "Laos" },
	{ T, TRAD, "xooong", "xoong" }, { T, TRAD, "vooocj", "voọc" },
	{ T, TRAD, "vieetjj", "viêtj" },

	/* ---- tone placement: oa oe uy in both styles */
	{ T, TRAD, "hoaf", "hòa" }, { T, MOD, "hoaf", "hoà" },
	{ T, TRAD, "hoaj", "họa" }, { T, MOD, "hoaj", "hoạ" },
	{ T, TRAD, "khoer", "khỏe" }, { T, MOD, "khoer", "khoẻ" },
	{ T, TRAD, "xoef", "xòe" }, { T, MOD, "xoef", "xoè" },
	{ T, TRAD, "thuyr", "thủy" }, { T, MOD, "thuyr", "thuỷ" },
	{ T, TRAD, "uyr ban", "ủy ban" }, { T, MOD, "uyr ban", "uỷ ban" },
	{ T, TRAD, "ma tuys", "ma túy" }, { T, MOD, "ma tuys", "ma tuý" },
	{ T, TRAD, "Thanh Hoas", "Thanh Hóa" }, { T, MOD, "Thanh Hoas", "Thanh Hoá" },
	{ T, MOD, "hoafn", "hoàn" }, { T, MOD, "quys", "quý" },
	{ T, MOD, "hoawcj", "hoặc" }, { T, MOD, "khuyeets", "khuyết" },

	/* ---- the tone moves as the syllable grows; marks typed late */
	{ T, TRAD, "hoafn", "hoàn" }, { T, TRAD, "hoanf", "hoàn" },
	{ T, TRAD, "toans", "toán" }, { T, TRAD, "toasn", "toán" },
	{ T, TRAD, "vieetj", "việt" }, { T, TRAD, "vieejt", "việt" },
	{ T, TRAD, "vietej", "việt" }, { T, TRAD, "tuasan", "tuấn" },
	{ T, TRAD, "nguoiwf", "người" }, { T, TRAD, "nguwowif", "người" },
	{ T, TRAD, "gifa", "già" }, { T, TRAD, "Vieetj Nam", "Việt Nam" },

	/* ---- gi and qu */
	{ T, TRAD, "gias", "giá" }, { T, TRAD, "giaf", "già" }, { T, TRAD, "quas", "quá" },
	{ T, TRAD, "quoocs", "quốc" }, { T, TRAD, "giuwx", "giữ" }, { T, TRAD, "gifn", "gìn" },
	{ T, TRAD, "quys", "quý" }, { T, TRAD, "gif", "gì" }, { T, TRAD, "giuwax", "giữa" },
	{ T, TRAD, "quaays", "quấy" }, { T, TRAD, "quyeets", "quyết" },
	{ T, TRAD, "giaays", "giấy" }, { T, TRAD, "gieengs", "giếng" },
	{ T, TRAD, "giups", "giúp" }, { T, TRAD, "quaanf", "quần" },
	{ T, TRAD, "quangr", "quảng" }, { T, TRAD, "quawngf", "quằng" },

	/* ---- vowel clusters */
	{ T, TRAD, "muaf", "mùa" }, { T, TRAD, "haif", "hài" }, { T, TRAD, "tuir", "tủi" },
	{ T, TRAD, "mias", "mía" }, { T, TRAD, "muwa", "mưa" }, { T, TRAD, "muaw", "mưa" },
	{ T, TRAD, "cuwar", "cửa" }, { T, TRAD, "caus", "cáu" }, { T, TRAD, "hoir", "hỏi" },
	{ T, TRAD, "gaof", "gào" }, { T, TRAD, "ddaauf", "đầu" }, { T, TRAD, "caay", "cây" },
	{ T, TRAD, "ngoais", "ngoái" }, { T, TRAD, "ngoaif", "ngoài" },
	{ T, TRAD, "chuoois", "chuối" }, { T, TRAD, "xoays", "xoáy" },
	{ T, TRAD, "khuya", "khuya" }, { T, TRAD, "khuyur", "khuỷu" },
	{ T, TRAD, "yeeu", "yêu" }, { T, TRAD, "yeeus", "yếu" }, { T, TRAD, "hieeur", "hiểu" },
	{ T, TRAD, "ngoeof", "ngoèo" }, { T, TRAD, "ruowuj", "rượu" },
	{ T, TRAD, "ruouwj", "rượu" }, { T, TRAD, "huowu", "hươu" },
	{ T, TRAD, "khuaays", "khuấy" }, { T, TRAD, "tuooir", "tuổi" },
	{ T, TRAD, "buoori", "buổi" }, { T, TRAD, "oong", "ông" }, { T, TRAD, "uwowcs", "ước" },
	{ T, TRAD, "uowts", "ướt" }, { T, TRAD, "huwowng", "hương" },
	{ T, TRAD, "huowng", "hương" }, { T, TRAD, "huow", "huơ" },
	{ T, TRAD, "thuowr nhor", "thuở nhỏ" }, { T, TRAD, "uyeenf", "uyền" },

	/* ---- place names, family names, police vocabulary */
	{ T, TRAD, "phuwowngf", "phường" }, { T, TRAD, "phuongwf", "phường" },
	{ T, TRAD, "phuowngf", "phường" }, { T, TRAD, "toor daan phoos", "tổ dân phố" },
	{ T, TRAD, "Haf Nooij", "Hà Nội" }, { T, TRAD, "Lam Sown", "Lam Sơn" },
	{ T, TRAD, "DDaf Nawngx", "Đà Nẵng" }, { T, TRAD, "Hair Phongf", "Hải Phòng" },
	{ T, TRAD, "Caanf Thow", "Cần Thơ" }, { T, TRAD, "Huees", "Huế" },
	{ T, TRAD, "Quangr Ninh", "Quảng Ninh" }, { T, TRAD, "Ngheej An", "Nghệ An" },
	{ T, TRAD, "DDawks Lawks", "Đắk Lắk" }, { T, TRAD, "Bawcs Kanj", "Bắc Kạn" },
	{ T, TRAD, "Nguyeenx", "Nguyễn" }, { T, TRAD, "Traanf", "Trần" }, { T, TRAD, "Lee", "Lê" },
	{ T, TRAD, "Phamj", "Phạm" }, { T, TRAD, "Hoafng", "Hoàng" }, { T, TRAD, "Huyfnh", "Huỳnh" },
	{ T, TRAD, "Vox", "Võ" }, { T, TRAD, "DDawngj", "Đặng" }, { T, TRAD, "Buif", "Bùi" },
	{ T, TRAD, "DDoox", "Đỗ" }, { T, TRAD, "Hoof", "Hồ" }, { T, TRAD, "Ngoo", "Ngô" },
	{ T, TRAD, "Duwowng", "Dương" }, { T, TRAD, "Lys", "Lý" },
	{ T, TRAD, "chays", "cháy" }, { T, TRAD, "chuwax", "chữa" }, { T, TRAD, "binhf", "bình" },
	{ T, TRAD, "hooj", "hộ" }, { T, TRAD, "cam keets", "cam kết" },
	{ T, TRAD, "tuyeen truyeenf", "tuyên truyền" }, { T, TRAD, "luwu ddoongj", "lưu động" },
	{ T, TRAD, "truyeenf thanh", "truyền thanh" }, { T, TRAD, "troomj cawps", "trộm cắp" },
	{ T, TRAD, "luwaf ddaor", "lừa đảo" }, { T, TRAD, "ddanhs bacj", "đánh bạc" },
	{ T, TRAD, "gieets nguwowif", "giết người" }, { T, TRAD, "thuwowng tichs", "thương tích" },
	{ T, TRAD, "khuyeets", "khuyết" }, { T, TRAD, "nghieeng", "nghiêng" },
	{ T, TRAD, "chuyeenj", "chuyện" }, { T, TRAD, "nguyeetj", "nguyệt" },
	{ T, TRAD, "coong an", "công an" }, { T, TRAD, "khu vuwcj", "khu vực" },
	{ T, TRAD, "an ninh traatj tuwj", "an ninh trật tự" },
	{ T, TRAD, "phongf chays chuwax chays", "phòng cháy chữa cháy" },
	{ T, TRAD, "quaanj huyeenj tinhr", "quận huyện tỉnh" },
	{ T, TRAD, "thanhf phoos", "thành phố" }, { T, TRAD, "xax thoon", "xã thôn" },
	{ T, TRAD, "toor truwowngr", "tổ trưởng" }, { T, TRAD, "hooj khaaur", "hộ khẩu" },
	{ T, TRAD, "tamj trus", "tạm trú" }, { T, TRAD, "cawn cuwowcs", "căn cước" },
	{ T, TRAD, "coong daan", "công dân" }, { T, TRAD, "xuwr phatj", "xử phạt" },
	{ T, TRAD, "bieen banr", "biên bản" }, { T, TRAD, "ddiaj chir", "địa chỉ" },
	{ T, TRAD, "gia ddinhf", "gia đình" }, { T, TRAD, "cuwowps", "cướp" },
	{ T, TRAD, "vuj vieecj", "vụ việc" }, { T, TRAD, "kieemr tra", "kiểm tra" },

	/* ---- upper case follows each typed letter */
	{ T, TRAD, "VIEETJ", "VIỆT" }, { T, TRAD, "Dd", "Đ" }, { T, TRAD, "DD", "Đ" },
	{ T, TRAD, "dD", "đ" }, { T, TRAD, "Hoaf", "Hòa" }, { T, TRAD, "NGUYEENX", "NGUYỄN" },
	{ T, TRAD, "DDAWNGJ", "ĐẶNG" }, { T, TRAD, "HAF NOOIJ", "HÀ NỘI" },
	{ T, TRAD, "AAA", "AA" }, { T, TRAD, "ASS", "AS" }, { T, TRAD, "W", "Ư" },
	{ T, TRAD, "hOAf", "hÒA" },

	/* ---- not Vietnamese: left exactly as typed */
	{ T, TRAD, "class", "class" }, { T, TRAD, "windows", "windows" },
	{ T, TRAD, "Windows", "Windows" }, { T, TRAD, "email", "email" },
	{ T, TRAD, "zalo", "zalo" }, { T, TRAD, "Zalo", "Zalo" }, { T, TRAD, "http", "http" },
	{ T, TRAD, "www", "www" }, { T, TRAD, "facebook", "facebook" },
	{ T, TRAD, "wardsafe", "wardsafe" }, { T, TRAD, "Excel", "Excel" },
	{ T, TRAD, "google", "google" }, { T, TRAD, "office", "office" },
	{ T, TRAD, "coffee", "coffee" }, { T, TRAD, "password", "password" },
	{ T, TRAD, "linux", "linux" }, { T, TRAD, "wifi", "wifi" }, { T, TRAD, "text", "text" },
	{ T, TRAD, "admin", "admin" }, { T, TRAD, "iphone", "iphone" },
	{ T, TRAD, "online", "online" }, { T, TRAD, "camera", "camera" },
	{ T, TRAD, "Laosse", "Laosse" }, { T, TRAD, "test", "tét" },

	/* ---- VNI */
	{ V, TRAD, "a1", "á" }, { V, TRAD, "a2", "à" }, { V, TRAD, "a3", "ả" },
	{ V, TRAD, "a4", "ã" }, { V, TRAD, "a5", "ạ" }, { V, TRAD, "a6", "â" },
	{ V, TRAD, "a8", "ă" }, { V, TRAD, "e6", "ê" }, { V, TRAD, "o6", "ô" },
	{ V, TRAD, "o7", "ơ" }, { V, TRAD, "u7", "ư" }, { V, TRAD, "d9", "đ" },
	{ V, TRAD, "D9", "Đ" }, { V, TRAD, "uo7", "ươ" }, { V, TRAD, "a81", "ắ" },
	{ V, TRAD, "e64", "ễ" }, { V, TRAD, "o75", "ợ" }, { V, TRAD, "u72", "ừ" },
	{ V, TRAD, "y3", "ỷ" }, { V, TRAD, "i4", "ĩ" },
	{ V, TRAD, "a11", "a1" }, { V, TRAD, "a66", "a6" }, { V, TRAD, "d99", "d9" },
	{ V, TRAD, "o77", "o7" }, { V, TRAD, "a88", "a8" }, { V, TRAD, "a10", "a" },
	{ V, TRAD, "a12", "à" }, { V, TRAD, "a0", "a0" },
	{ V, TRAD, "Vie65t", "Việt" }, { V, TRAD, "Vie6t5", "Việt" },
	{ V, TRAD, "Viet56", "Việt" }, { V, TRAD, "Ha2 No6i5", "Hà Nội" },
	{ V, TRAD, "nguo7i2", "người" }, { V, TRAD, "Nguye64n", "Nguyễn" },
	{ V, TRAD, "D9a8ng5", "Đặng" }, { V, TRAD, "ho2a", "hòa" }, { V, MOD, "hoa2", "hoà" },
	{ V, TRAD, "thuy3", "thủy" }, { V, MOD, "thuy3", "thuỷ" },
	{ V, TRAD, "khoe3", "khỏe" }, { V, MOD, "khoe3", "khoẻ" },
	{ V, TRAD, "hoa2n", "hoàn" }, { V, TRAD, "toa1n", "toán" }, { V, TRAD, "toan1", "toán" },
	{ V, TRAD, "quo6c1", "quốc" }, { V, TRAD, "gi2", "gì" }, { V, TRAD, "giu74", "giữ" },
	{ V, TRAD, "phuo7ng2", "phường" }, { V, TRAD, "Lam So7n", "Lam Sơn" },
	{ V, TRAD, "to63 da6n pho61", "tổ dân phố" },
	{ V, TRAD, "tuye6n truye62n", "tuyên truyền" }, { V, TRAD, "khuye6t1", "khuyết" },
	{ V, TRAD, "khuyu3", "khuỷu" }, { V, TRAD, "d9a1nh ba5c", "đánh bạc" },
	{ V, TRAD, "thuo73", "thuở" }, { V, TRAD, "lu7a2 d9a3o", "lừa đảo" },
	{ V, TRAD, "ruo7u5", "rượu" }, { V, TRAD, "ma tu1y", "ma túy" },
	{ V, MOD, "ma tuy1", "ma tuý" }, { V, TRAD, "Thanh Ho1a", "Thanh Hóa" },
	{ V, TRAD, "VIE65T", "VIỆT" },
	{ V, TRAD, "2024", "2024" }, { V, TRAD, "a9", "a9" }, { V, TRAD, "B1", "B1" },
	{ V, TRAD, "class", "class" }, { V, TRAD, "windows", "windows" },
};

/* UTF-8 text of a wide string, in one of two static buffers. */
static const char *utf8(const wchar_t *w)
{
	static char buf[2][1024];
	static int which;
	char *b = buf[which ^= 1];
	if (wcstombs(b, w, sizeof buf[0]) == (size_t)-1)
		return "(not convertible)";
	return b;
}

/* The wide string of ASCII/UTF-8 text, in a static buffer. */
static const wchar_t *wide(const char *s)
{
	static wchar_t buf[256];
	if (mbstowcs(buf, s, COUNT(buf)) == (size_t)-1)
		buf[0] = L'\0';
	return buf;
}

static const char *method_name(enum vnkey_method m)
{
	return m == VNKEY_TELEX ? "telex" : m == VNKEY_VNI ? "vni" : "off";
}

/* Types keys one by one and checks each word shown; want holds the
 * expected words separated by '|'. */
static void check_typing(struct vnkey *k, const char *keys, const char *want)
{
	wchar_t out[VNKEY_MAX_KEYS + 1];
	char expect[256];
	snprintf(expect, sizeof expect, "%s", want);
	char *save = NULL, *step = strtok_r(expect, "|", &save);
	vnkey_reset(k);
	for (const char *p = keys; *p; p++) {
		size_t n = vnkey_feed(k, (wchar_t)(unsigned char)*p, out, COUNT(out));
		is_str(utf8(out), step ? step : "(nothing)", "%s typing '%s': key %d shows the word",
		       method_name(k->method), keys, (int)(p - keys) + 1);
		ok(n == wcslen(out), "  and returns its length");
		step = strtok_r(NULL, "|", &save);
	}
}

int main(void)
{
	wchar_t out[256];
	struct vnkey k;

	setlocale(LC_ALL, "C.UTF-8");

	/* ---- the table: one assertion per row */
	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct vcase *c = &cases[i];
		vnkey_compose_text(c->m, c->modern, wide(c->keys), out, COUNT(out));
		is_str(utf8(out), c->want, "%s%s '%s' -> '%s'", method_name(c->m),
		       c->modern ? " modern" : "", c->keys, c->want);
	}
	size_t dups = 0;
	for (size_t i = 0; i < COUNT(cases); i++)
		for (size_t j = i + 1; j < COUNT(cases); j++)
			if (cases[i].m == cases[j].m && cases[i].modern == cases[j].modern
			    && strcmp(cases[i].keys, cases[j].keys) == 0)
				dups++;
	is_int(dups, 0, "the %d table rows are distinct", (int)COUNT(cases));
	ok(COUNT(cases) >= 200, "at least 200 table rows");

	/* ---- vnkey_compose on one word */
	const wchar_t *keys = L"nguwowif";
	is_int(vnkey_compose(VNKEY_TELEX, false, keys, wcslen(keys), out, COUNT(out)), 5,
	       "compose returns the length of the word");
	is_str(utf8(out), "người", "compose writes the word");
	is_int(vnkey_compose(VNKEY_TELEX, false, keys, 0, out, COUNT(out)), 0, "no keys, empty word");
	is_str(utf8(out), "", "  and NUL-terminated");
	is_int(vnkey_compose(VNKEY_TELEX, false, keys, wcslen(keys), out, 3), 2,
	       "a short output holds cap - 1 characters");
	is_str(utf8(out), "ng", "  and is NUL-terminated");
	is_int(vnkey_compose(VNKEY_TELEX, false, keys, wcslen(keys), out, 0), 0, "cap 0 writes nothing");
	wchar_t longkeys[VNKEY_MAX_KEYS + 2];
	for (size_t i = 0; i < COUNT(longkeys) - 1; i++)
		longkeys[i] = L"as"[i % 2];
	longkeys[COUNT(longkeys) - 1] = L'\0';
	vnkey_compose(VNKEY_TELEX, false, longkeys, wcslen(longkeys), out, COUNT(out));
	ok(wcscmp(out, longkeys) == 0, "more than VNKEY_MAX_KEYS keys are copied as they are");

	/* ---- the OFF method: the engine is not used */
	is_int(vnkey_compose(VNKEY_OFF, false, keys, wcslen(keys), out, COUNT(out)), 8,
	       "off: compose gives the keys back");
	is_str(utf8(out), "nguwowif", "off: keys unchanged");
	vnkey_compose_text(VNKEY_OFF, false, L"Vieetj Nam, Ha2 No6i5!", out, COUNT(out));
	is_str(utf8(out), "Vieetj Nam, Ha2 No6i5!", "off: a whole text unchanged");
	ok(!vnkey_is_word_key(VNKEY_OFF, L'a'), "off: no key belongs to a word");
	vnkey_init(&k, VNKEY_OFF, false);
	check_typing(&k, "hoafn", "h|ho|hoa|hoaf|hoafn");

	/* ---- word keys */
	ok(vnkey_is_word_key(VNKEY_TELEX, L'a') && vnkey_is_word_key(VNKEY_TELEX, L'Z'),
	   "telex: letters are word keys");
	ok(!vnkey_is_word_key(VNKEY_TELEX, L'1'), "telex: digits are not");
	ok(vnkey_is_word_key(VNKEY_VNI, L'0') && vnkey_is_word_key(VNKEY_VNI, L'9')
	   && vnkey_is_word_key(VNKEY_VNI, L'q'), "vni: letters and digits are word keys");
	ok(!vnkey_is_word_key(VNKEY_TELEX, L' ') && !vnkey_is_word_key(VNKEY_VNI, L'-')
	   && !vnkey_is_word_key(VNKEY_TELEX, L'đ'), "space, punctuation and non-ASCII letters are not");
	vnkey_compose_text(VNKEY_TELEX, false, L"Xax Ddoong Hoaf, 12 (ddooij 3).", out, COUNT(out));
	is_str(utf8(out), "Xã Đông Hòa, 12 (đội 3).", "text: punctuation and digits pass through");

	/* ---- typing key by key */
	vnkey_init(&k, VNKEY_TELEX, false);
	is_int(k.nkeys, 0, "init: empty word");
	check_typing(&k, "hoafn", "h|ho|hoa|hòa|hoàn");
	check_typing(&k, "vieetj", "v|vi|vie|viê|viêt|việt");
	check_typing(&k, "www", "ư|w|www");
	check_typing(&k, "class", "c|cl|cla|clas|class");
	k.modern_tone = true;
	check_typing(&k, "hoafn", "h|ho|hoa|hoà|hoàn");
	vnkey_init(&k, VNKEY_VNI, false);
	check_typing(&k, "nguo7i2", "n|ng|ngu|nguo|nguơ|ngươi|người");

	/* ---- backspace drops the last raw key */
	vnkey_init(&k, VNKEY_TELEX, false);
	check_typing(&k, "hoafn", "h|ho|hoa|hòa|hoàn");
	is_int(vnkey_backspace(&k, out, COUNT(out)), 3, "backspace: 'hoafn' -> 3 characters");
	is_str(utf8(out), "hòa", "backspace: the n goes");
	vnkey_backspace(&k, out, COUNT(out));
	is_str(utf8(out), "hoa", "backspace: then the tone");
	vnkey_feed(&k, L'r', out, COUNT(out));
	is_str(utf8(out), "hỏa", "another tone after backspace");
	vnkey_backspace(&k, out, COUNT(out));
	vnkey_backspace(&k, out, COUNT(out));
	vnkey_backspace(&k, out, COUNT(out));
	is_str(utf8(out), "h", "backspace down to one letter");
	is_int(vnkey_backspace(&k, out, COUNT(out)), 0, "backspace of the last key: empty word");
	is_int(k.nkeys, 0, "  no keys left");
	is_int(vnkey_backspace(&k, out, COUNT(out)), 0, "backspace with no keys: 0 (the caller deletes)");
	is_str(utf8(out), "", "  and an empty word");

	/* ---- reset and a full word */
	vnkey_feed(&k, L'a', out, COUNT(out));
	vnkey_reset(&k);
	is_int(k.nkeys, 0, "reset forgets the word");
	vnkey_feed(&k, L's', out, COUNT(out));
	is_str(utf8(out), "s", "after reset, a new word");
	vnkey_reset(&k);
	for (int i = 0; i < VNKEY_MAX_KEYS; i++)
		vnkey_feed(&k, L'x', out, COUNT(out));
	is_int(vnkey_feed(&k, L'x', out, COUNT(out)), 0, "a full word takes no more keys");
	is_int(k.nkeys, VNKEY_MAX_KEYS, "  and keeps its keys");

	return done();
}
