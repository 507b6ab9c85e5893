/* SPDX-License-Identifier: GPL-3.0-or-later */
/* util.c - allocation helpers, string buffers, number parsing, atomic files. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void (*fatal_hook)(void);

void util_on_fatal(void (*fn)(void))
{
	fatal_hook = fn;
}

void util_fatal_cleanup(void)
{
	void (*fn)(void) = fatal_hook;
	fatal_hook = NULL;
	if (fn)
		fn();
}

static void oom(void)
{
	util_fatal_cleanup();
	fputs("wardsafe: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		oom();
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	sb_puts(sb, p);
	free(p);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

char *sb_steal(struct strbuf *sb)
{
	char *p = sb->buf ? sb->buf : xstrdup("");
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void sl_push(struct strlist *sl, char *owned)
{
	if (sl->n == sl->cap) {
		sl->cap = sl->cap ? sl->cap * 2 : 8;
		sl->items = xrealloc(sl->items, sl->cap * sizeof(*sl->items));
	}
	sl->items[sl->n++] = owned;
}

void sl_pushf(struct strlist *sl, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sl_push(sl, xvasprintf(fmt, ap));
	va_end(ap);
}

void sl_free(struct strlist *sl)
{
	for (size_t i = 0; i < sl->n; i++)
		free(sl->items[i]);
	free(sl->items);
	sl->items = NULL;
	sl->n = sl->cap = 0;
}

bool str_eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

bool str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_has_suffix(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);
	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

char *str_trim(char *s)
{
	char *start = s;
	while (*start == ' ' || *start == '\t' || *start == '\r' || *start == '\n')
		start++;
	size_t n = strlen(start);
	while (n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t' ||
			 start[n - 1] == '\r' || start[n - 1] == '\n'))
		n--;
	memmove(s, start, n);
	s[n] = '\0';
	return s;
}

bool parse_int64(const char *s, long long *out)
{
	if (!s || !*s)
		return false;
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (!*p)
		return false;
	for (const char *q = p; *q; q++)
		if (*q < '0' || *q > '9')
			return false;
	errno = 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	if (errno == ERANGE || *end)
		return false;
	*out = v;
	return true;
}

bool parse_decimal(const char *s, double *out)
{
	/* Accept [sign] digits [ '.' digits ]; parse by hand to stay locale-free. */
	if (!s || !*s)
		return false;
	const char *p = s;
	int sign = 1;
	if (*p == '+' || *p == '-') {
		if (*p == '-')
			sign = -1;
		p++;
	}
	double v = 0;
	int digits = 0;
	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (*p - '0');
		p++;
		digits++;
	}
	if (*p == '.') {
		p++;
		double scale = 0.1;
		while (*p >= '0' && *p <= '9') {
			v += (*p - '0') * scale;
			scale /= 10;
			p++;
			digits++;
		}
	}
	if (*p || digits == 0 || digits > 15)
		return false;
	*out = sign * v;
	return true;
}

char *tmp_template(const char *path)
{
	return xasprintf("%s" TMP_MARK "%ld-XXXXXX", path, (long)getpid());
}

int atomic_open(struct atomic_file *f, const char *path, int mode)
{
	f->path = xstrdup(path);
	f->tmp = tmp_template(path);
	f->err = 0;
	f->fd = mkstemp(f->tmp);
	if (f->fd < 0) {
		f->err = errno;
		free(f->path);
		free(f->tmp);
		f->path = f->tmp = NULL;
		return f->err;
	}
	if (fchmod(f->fd, (mode_t)mode) != 0)
		f->err = errno;
	return 0;
}

void atomic_write(struct atomic_file *f, const char *data, size_t len)
{
	size_t off = 0;
	while (!f->err && off < len) {
		ssize_t w = write(f->fd, data + off, len - off);
		if (w < 0) {
			if (errno != EINTR)
				f->err = errno;
		} else {
			off += (size_t)w;
		}
	}
}

int atomic_commit(struct atomic_file *f)
{
	int err = f->err;
	if (!err && fsync(f->fd) != 0)
		err = errno;
	if (close(f->fd) != 0 && !err)
		err = errno;
	if (!err && rename(f->tmp, f->path) != 0)
		err = errno;
	if (err)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	f->tmp = f->path = NULL;
	return err;
}

void atomic_abort(struct atomic_file *f)
{
	close(f->fd);
	unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	f->tmp = f->path = NULL;
}

int write_file_atomic(const char *path, const char *data, size_t len, int mode)
{
	struct atomic_file f;
	int e = atomic_open(&f, path, mode);
	if (e)
		return e;
	atomic_write(&f, data, len);
	return atomic_commit(&f);
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_add(&sb, chunk, n);
	int bad = ferror(f);
	int e = errno;
	fclose(f);
	if (bad) {
		sb_free(&sb);
		errno = e ? e : EIO;
		return NULL;
	}
	if (len)
		*len = sb.len;
	return sb_steal(&sb);
}

const char *build_tree_dir(bool in_src, const char *sub)
{
#if defined(ABS_TOP_SRCDIR) && defined(ABS_TOP_BUILDDIR)
	static char buf[4096];
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return NULL;
	self[n] = '\0';
	if (strcmp(self, ABS_TOP_BUILDDIR "/src/wardsafe") != 0)
		return NULL;
	snprintf(buf, sizeof buf, "%s/%s", in_src ? ABS_TOP_SRCDIR : ABS_TOP_BUILDDIR, sub);
	return buf;
#else
	(void)in_src;
	(void)sub;
	return NULL;
#endif
}
