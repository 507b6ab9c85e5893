/* SPDX-License-Identifier: GPL-3.0-or-later */
/* util.h - memory helpers that abort on exhaustion, a growable string buffer,
 * and small string utilities shared by every module. */
#ifndef WS_UTIL_H
#define WS_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A function run before the program dies of a fatal error (the screens
 * register one that restores the terminal). */
void util_on_fatal(void (*fn)(void));
/* Runs that function once. */
void util_fatal_cleanup(void);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* The directory of this build's tree that holds what the installed program
 * finds under an installed path: `in_src` picks the source tree (data/),
 * else the build tree (po/locale, man/gen); `sub` is appended.  Non-NULL
 * only when the running program is this build's own uninstalled
 * src/wardsafe, so that it works from the build tree without environment
 * variables, while an installed copy keeps using the installed files.
 * Static string. */
const char *build_tree_dir(bool in_src, const char *sub);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* A growable NUL-terminated byte string.  Owner frees with sb_free(). */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};
#define STRBUF_INIT { NULL, 0, 0 }
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_reset(struct strbuf *sb);
void sb_free(struct strbuf *sb);
/* Hands the buffer to the caller (never NULL) and resets sb. */
char *sb_steal(struct strbuf *sb);

/* A growable list of owned strings. */
struct strlist {
	char **items;
	size_t n;
	size_t cap;
};
#define STRLIST_INIT { NULL, 0, 0 }
void sl_push(struct strlist *sl, char *owned);
void sl_pushf(struct strlist *sl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sl_free(struct strlist *sl);

bool str_eq(const char *a, const char *b);
bool str_has_prefix(const char *s, const char *prefix);
bool str_has_suffix(const char *s, const char *suffix);
/* Trims ASCII white space in place; returns s. */
char *str_trim(char *s);

/* Parses a whole decimal integer (base 10, optional sign, no junk, no
 * overflow) into *out.  Leading zeros are fine ("08" is 8). */
bool parse_int64(const char *s, long long *out);
/* Parses a decimal number with '.' as the separator, independent of locale. */
bool parse_decimal(const char *s, double *out);

/* Every temporary file of the program is named PATH.wardsafe-tmp-PID-XXXXXX
 * (PATH the file it will replace, PID the process writing it), so that one
 * left by a killed process can be recognised and removed at the next start
 * (db_startup).  tmp_template() returns that name for mkstemp(). */
#define TMP_MARK ".wardsafe-tmp-"
char *tmp_template(const char *path);

/* Writes a whole file atomically (temp file in the same directory, fsync,
 * rename).  mode is applied regardless of umask.  Returns 0 or an errno. */
int write_file_atomic(const char *path, const char *data, size_t len, int mode);

/* The same, written piece by piece (for large exports): atomic_open()
 * creates the temp file, atomic_write() appends, atomic_commit() syncs and
 * renames it over `path`, atomic_abort() removes it.  The first error is
 * kept and returned by atomic_commit(), which removes the temp file then. */
struct atomic_file {
	char *path, *tmp;
	int fd, err;
};
int atomic_open(struct atomic_file *f, const char *path, int mode);
void atomic_write(struct atomic_file *f, const char *data, size_t len);
int atomic_commit(struct atomic_file *f);
void atomic_abort(struct atomic_file *f);
/* Reads a whole file; NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);

#endif
