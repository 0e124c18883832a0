/* SPDX-License-Identifier: MIT */
/*
 * text.c: UTF-8 measuring, cutting, escaping, and matching names that
 * ignores case, accents and normalisation form (folded with utf8proc).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <utf8proc.h>

#include "text.h"
#include "xmalloc.h"

size_t
text_decode(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (u[0] == 0) {
		*cp = 0;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		n = 2; c = u[0] & 0x1f; min = 0x80;
	} else if ((u[0] & 0xf0) == 0xe0) {
		n = 3; c = u[0] & 0x0f; min = 0x800;
	} else if ((u[0] & 0xf8) == 0xf0) {
		n = 4; c = u[0] & 0x07; min = 0x10000;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = c;
	return n;
}

size_t
text_char_len(const char *s)
{
	uint32_t cp;

	return text_decode(s, &cp);
}

int
text_is_utf8(const char *s)
{
	uint32_t cp;
	size_t n;

	while (*s != '\0') {
		n = text_decode(s, &cp);
		if (cp == 0xfffd && n == 1 && (unsigned char)*s >= 0x80)
			return 0;
		s += n;
	}
	return 1;
}

static int
text_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

int
text_has_control(const char *s)
{
	uint32_t cp;

	while (*s != '\0') {
		s += text_decode(s, &cp);
		if (text_is_control(cp))
			return 1;
	}
	return 0;
}

int
text_is_blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* 1 for an embedding, override or isolate character (U+202A-E, U+2066-9). */
static int
text_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

uint32_t
text_bidi_control(const char *s)
{
	uint32_t cp;

	while (*s != '\0') {
		s += text_decode(s, &cp);
		if (text_is_bidi_control(cp))
			return cp;
	}
	return 0;
}

/* 1 for a space: U+0020 or another space separator (Unicode class Zs). */
static int
text_is_space(uint32_t cp)
{
	return cp == 0x20 || cp == 0xa0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f ||
	    cp == 0x3000;
}

char *
text_squeeze(char *s)
{
	const char *r = s;
	char *w = s;
	uint32_t cp;
	size_t n;
	int gap = 0;

	while ((n = text_decode(r, &cp)) != 0) {
		if (text_is_space(cp)) {
			gap = w != s;
			r += n;
			continue;
		}
		if (gap) {
			*w++ = ' ';
			gap = 0;
		}
		memmove(w, r, n);
		w += n;
		r += n;
	}
	*w = '\0';
	return s;
}

/* Columns for one character; an escape's length for control characters. */
static int
text_char_width(uint32_t cp, size_t n, const char *at)
{
	int w;

	if (cp == '\n' || cp == '\t')
		return 2;
	if (text_is_control(cp) || (cp == 0xfffd && n == 1 &&
	    (unsigned char)*at >= 0x80))
		return 4;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w;
}

/* Append the escape for a control character or stray byte to out. */
static size_t
text_escape_one(uint32_t cp, const char *at, size_t n, char *out)
{
	if (cp == '\n')
		return (size_t)sprintf(out, "\\n");
	if (cp == '\t')
		return (size_t)sprintf(out, "\\t");
	if (cp == 0xfffd && n == 1)
		return (size_t)sprintf(out, "\\x%02x", (unsigned char)*at);
	if (cp < 0x100)
		return (size_t)sprintf(out, "\\x%02x", (unsigned)cp);
	return (size_t)sprintf(out, "\\u%04x", (unsigned)cp);
}

int
text_char_cols(const char *s, size_t n)
{
	char one[8];

	if (n >= sizeof one)
		return 1;
	memcpy(one, s, n);
	one[n] = '\0';
	return text_width(one);
}

int
text_width(const char *s)
{
	uint32_t cp;
	size_t n;
	int w = 0;

	while ((n = text_decode(s, &cp)) != 0) {
		w += text_char_width(cp, n, s);
		s += n;
	}
	return w;
}

/* 1 when the character needs escaping before it reaches a terminal. */
static int
text_needs_escape(uint32_t cp, size_t n, const char *at)
{
	if (text_is_control(cp))
		return 1;
	return cp == 0xfffd && n == 1 && (unsigned char)*at >= 0x80;
}

char *
text_escape(const char *s, int keep_newlines)
{
	size_t len = strlen(s), used = 0, n;
	char *out = xmalloc(len * 4 + 1);
	uint32_t cp;

	while ((n = text_decode(s, &cp)) != 0) {
		if (text_needs_escape(cp, n, s) && !(keep_newlines && cp == '\n'))
			used += text_escape_one(cp, s, n, out + used);
		else {
			memcpy(out + used, s, n);
			used += n;
		}
		s += n;
	}
	out[used] = '\0';
	return out;
}

int
text_fit(const char *s, int cols, int pad, char *out, size_t size)
{
	static const char ellipsis[] = "\xe2\x80\xa6";	/* U+2026 */
	char *safe = text_escape(s, 0);
	const char *p = safe;
	size_t used = 0, n;
	uint32_t cp;
	int w = 0, cw, total = text_width(safe);

	if (size == 0) {
		free(safe);
		return 0;
	}
	if (total <= cols) {
		while ((n = text_decode(p, &cp)) != 0 && used + n < size) {
			memcpy(out + used, p, n);
			used += n;
			p += n;
		}
		w = total;
	} else if (cols > 0) {
		while ((n = text_decode(p, &cp)) != 0) {
			cw = text_char_width(cp, n, p);
			if (w + cw > cols - 1 || used + n + sizeof ellipsis > size)
				break;
			memcpy(out + used, p, n);
			used += n;
			w += cw;
			p += n;
		}
		memcpy(out + used, ellipsis, sizeof ellipsis - 1);
		used += sizeof ellipsis - 1;
		w++;
	}
	while (pad && w < cols && used + 1 < size) {
		out[used++] = ' ';
		w++;
	}
	out[used] = '\0';
	free(safe);
	return w;
}

/* The next character of s folded to lower case; advances *s. */
static uint32_t
text_next_folded(const char **s)
{
	uint32_t cp;

	*s += text_decode(*s, &cp);
	return (uint32_t)towlower((wint_t)cp);
}

int
text_casecmp(const char *a, const char *b)
{
	uint32_t ca, cb;

	for (;;) {
		ca = text_next_folded(&a);
		cb = text_next_folded(&b);
		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (ca == 0)
			return 0;
	}
}

/*
 * How names are folded for matching (utf8proc): compatibility forms taken
 * apart (NFKD), case folded, marks dropped, the variants of spaces,
 * dashes and quotes made ASCII (then text_fold_separator), invisible
 * characters dropped.
 */
#define TEXT_FOLD_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPAT | \
	UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | \
	UTF8PROC_LUMP | UTF8PROC_IGNORE)

/* A folded string as it is made. */
struct text_folding {
	char	*s;
	size_t	 len;
	size_t	 size;
	int	 gap;		/* spaces seen since the last character */
};

/*
 * The usual separators in names, once utf8proc has made them ASCII: 1
 * for those that count as a space (hyphens, commas, underscores), 2 for
 * those that are dropped (apostrophes, full stops), 0 for the rest.
 */
static int
text_fold_separator(uint32_t cp)
{
	switch (cp) {
	case ' ':
	case '\t':
	case '\n':
	case '\r':
	case '-':
	case ',':
	case '_':
		return 1;
	case '\'':
	case '.':
		return 2;
	}
	return 0;
}

/* Add one folded character; spaces are squeezed as text_squeeze does. */
static void
text_fold_add(struct text_folding *f, utf8proc_int32_t cp)
{
	switch (text_fold_separator((uint32_t)cp)) {
	case 1:
		f->gap = f->len != 0;
		return;
	case 2:
		return;
	}
	if (f->len + 6 > f->size) {
		f->size *= 2;
		f->s = xreallocarray(f->s, f->size, 1);
	}
	if (f->gap) {
		f->s[f->len++] = ' ';
		f->gap = 0;
	}
	if (cp < 0x80)
		f->s[f->len++] = (char)cp;
	else
		f->len += (size_t)utf8proc_encode_char(cp,
		    (utf8proc_uint8_t *)f->s + f->len);
}

/*
 * Folded a character at a time: ASCII here, the rest by utf8proc.  As
 * marks are dropped, nothing is left for NFKD to put in order.
 */
char *
text_fold(const char *s)
{
	struct text_folding f;
	utf8proc_int32_t out[32];
	utf8proc_ssize_t n, i;
	uint32_t cp;
	size_t len;
	int bound = 0, sep;

	f.size = strlen(s) + 16;
	f.s = xmalloc(f.size);
	f.len = 0;
	f.gap = 0;
	while (*s != '\0') {
		if ((unsigned char)*s < 0x80) {
			/* ASCII, as most names are: lower case, no more. */
			cp = (unsigned char)*s++;
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			else if ((sep = text_fold_separator(cp)) != 0) {
				if (sep == 1)
					f.gap = f.len != 0;
				continue;
			}
			if (f.len + 3 > f.size)
				text_fold_add(&f, cp);
			else {
				if (f.gap)
					f.s[f.len++] = ' ';
				f.gap = 0;
				f.s[f.len++] = (char)cp;
			}
			continue;
		}
		len = text_decode(s, &cp);
		s += len;
		/* An invalid byte has decoded as U+FFFD. */
		n = utf8proc_decompose_char((utf8proc_int32_t)cp, out,
		    (utf8proc_ssize_t)(sizeof out / sizeof out[0]),
		    TEXT_FOLD_OPTIONS, &bound);
		if (n < 0 || n > (utf8proc_ssize_t)(sizeof out / sizeof out[0]))
			continue;
		for (i = 0; i < n; i++)
			text_fold_add(&f, out[i]);
	}
	f.s[f.len] = '\0';
	return f.s;
}

int
text_namecmp(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	int c = strcmp(fa, fb);

	free(fa);
	free(fb);
	return c;
}

int
text_contains(const char *haystack, const char *needle)
{
	char *h = text_fold(haystack), *n = text_fold(needle);
	int found = strstr(h, n) != NULL;

	free(h);
	free(n);
	return found;
}

char **
text_wrap(const char *s, int cols, size_t *n)
{
	char *copy = xstrdup(s), *word, *save = NULL, *line = NULL, *next;
	char *fitted = xmalloc((size_t)(cols > 0 ? cols : 1) * 4 + 8);
	char **lines = xcalloc(1, sizeof *lines);
	int used = 0, w;

	*n = 0;
	for (word = strtok_r(copy, " \t", &save); word != NULL;
	    word = strtok_r(NULL, " \t", &save)) {
		w = text_fit(word, cols, 0, fitted, (size_t)cols * 4 + 8);
		if (line != NULL && used + 1 + w > cols) {
			lines = xreallocarray(lines, *n + 2, sizeof *lines);
			lines[(*n)++] = line;
			line = NULL;
		}
		if (line == NULL) {
			line = xstrdup(fitted);
			used = w;
		} else {
			next = xasprintf("%s %s", line, fitted);
			free(line);
			line = next;
			used += 1 + w;
		}
	}
	if (line != NULL) {
		lines = xreallocarray(lines, *n + 2, sizeof *lines);
		lines[(*n)++] = line;
	}
	lines[*n] = NULL;
	free(fitted);
	free(copy);
	return lines;
}

/* A growing list of lines for text_wrap_all. */
struct text_lines {
	char	**v;
	size_t	  n;
	char	 *line;		/* the line being filled, or NULL */
	size_t	  len;		/* its bytes */
	int	  used;		/* its columns */
};

/* Add n bytes of s, cols wide, to the line being filled. */
static void
text_lines_add(struct text_lines *tl, const char *s, size_t n, int cols)
{
	tl->line = xreallocarray(tl->line, tl->len + n + 1, 1);
	memcpy(tl->line + tl->len, s, n);
	tl->len += n;
	tl->line[tl->len] = '\0';
	tl->used += cols;
}

/* End the line being filled (an empty one when there is none). */
static void
text_lines_end(struct text_lines *tl)
{
	tl->v = xreallocarray(tl->v, tl->n + 2, sizeof *tl->v);
	tl->v[tl->n++] = tl->line != NULL ? tl->line : xstrdup("");
	tl->v[tl->n] = NULL;
	tl->line = NULL;
	tl->len = 0;
	tl->used = 0;
}

/* Add a word wider than cols, broken between characters. */
static void
text_lines_break_word(struct text_lines *tl, const char *w, size_t len,
    int cols)
{
	const char *end = w + len;
	size_t n;
	int cw;

	while (w < end && (n = text_char_len(w)) != 0) {
		if (w + n > end)
			n = (size_t)(end - w);
		cw = text_char_cols(w, n);
		if (cw > 0 && tl->used + cw > cols && tl->used > 0)
			text_lines_end(tl);
		text_lines_add(tl, w, n, cw);
		w += n;
	}
}

/* Add k spaces to the line being filled. */
static void
text_lines_spaces(struct text_lines *tl, int k)
{
	for (; k > 0; k--)
		text_lines_add(tl, " ", 1, 1);
}

/*
 * Add the indent (spaces) and first word of one of the text's own lines,
 * too wide together for cols: broken between characters, the indent kept
 * whole.
 */
static void
text_lines_break_indent(struct text_lines *tl, int indent, const char *w,
    size_t len, int cols)
{
	for (; indent > 0; indent--) {
		if (tl->used + 1 > cols && tl->used > 0)
			text_lines_end(tl);
		text_lines_add(tl, " ", 1, 1);
	}
	text_lines_break_word(tl, w, len, cols);
}

char **
text_wrap_all(const char *s, int cols, size_t *n)
{
	struct text_lines tl = { xcalloc(1, sizeof (char *)), 0, NULL, 0, 0 };
	const char *p = s, *w;
	char *word;
	size_t len;
	int run, wcols, start = 1;

	if (cols < 1)
		cols = 1;
	while (*p != '\0') {
		if (*p == '\n') {
			text_lines_end(&tl);
			p++;
			start = 1;
			continue;
		}
		for (run = 0; *p == ' ' || *p == '\t'; p++)
			run++;
		if (*p == '\0' || *p == '\n') {
			/* Spaces ending a line: kept as far as they fit. */
			if (run > cols - tl.used)
				run = cols - tl.used;
			text_lines_spaces(&tl, run);
			continue;
		}
		for (w = p; *p != '\0' && *p != ' ' && *p != '\t' &&
		    *p != '\n'; p++)
			;
		len = (size_t)(p - w);
		word = xstrndup(w, len);
		wcols = text_width(word);
		free(word);
		if (tl.used + run + wcols <= cols) {
			/* The line's own indent, or the spaces between words. */
			text_lines_spaces(&tl, run);
			text_lines_add(&tl, w, len, wcols);
		} else if (start)
			text_lines_break_indent(&tl, run, w, len, cols);
		else {
			/* A break: the spaces where it falls do not survive. */
			text_lines_end(&tl);
			if (wcols <= cols)
				text_lines_add(&tl, w, len, wcols);
			else
				text_lines_break_word(&tl, w, len, cols);
		}
		start = 0;
	}
	if (tl.line != NULL)
		text_lines_end(&tl);
	*n = tl.n;
	return tl.v;
}

char *
text_path_folder(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}
