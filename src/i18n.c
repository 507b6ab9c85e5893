/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.c - locale and message-catalog selection. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/share/locale"
#endif

static const char *current_lang = "vi";

void i18n_init_locale(void)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8") != 0) {
		/* Plain "C" or a legacy charset: text is UTF-8 throughout, so switch
		 * to C.UTF-8, which every Debian 12 system has. */
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_CTYPE, "C.UTF-8");
	}
	/* Decimal points stay '.' whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	const char *dir = getenv("WARDSAFE_LOCALEDIR");
	if (!dir || !*dir)
		dir = build_tree_dir(false, "po/locale");
	bindtextdomain(PACKAGE, dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

void i18n_set_language(const char *lang)
{
	if (!lang || strcmp(lang, "en") != 0)
		lang = "vi";
	current_lang = strcmp(lang, "en") == 0 ? "en" : "vi";
	/* $LANGUAGE outranks LC_MESSAGES for catalog lookup, but gettext ignores
	 * it under the "C" locale, which i18n_init_locale() has ruled out. */
	setenv("LANGUAGE", current_lang, 1);
	/* Tell gettext its cached lookups are stale. */
	textdomain(PACKAGE);
}

const char *i18n_language(void)
{
	return current_lang;
}
