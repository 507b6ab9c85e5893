/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.h - gettext wrappers and locale set-up.
 *
 * Message ids are English; po/vi.po holds the Vietnamese catalog, which is
 * the default language.  Vietnamese must work on machines with no vi_VN
 * locale: we run under C.UTF-8 and select the catalog with $LANGUAGE. */
#ifndef WS_I18N_H
#define WS_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Sets LC_ALL from the environment, keeps LC_NUMERIC at "C", makes sure the
 * character set is UTF-8.  Call first thing in main(). */
void i18n_init_locale(void);
/* Chooses the message language: "vi" or "en". */
void i18n_set_language(const char *lang);
/* The language last selected ("vi" or "en"). */
const char *i18n_language(void);

#endif
