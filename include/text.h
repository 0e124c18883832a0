/* SPDX-License-Identifier: MIT */
/*
 * text.h: UTF-8 text as a terminal shows it.
 *
 * Names may hold any script: accents, combining marks, CJK characters two
 * columns wide, right-to-left text, emoji.  These helpers measure, cut and
 * compare such text by what a person sees.  Display widths come from
 * wcwidth(3), so LC_CTYPE must be a UTF-8 locale (main sets one); names
 * are matched by their folds (text_fold, with utf8proc), which ignore
 * case, accents and the Unicode normalisation form.
 */
#ifndef CASELOAD_TEXT_H
#define CASELOAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Bytes in the UTF-8 sequence starting at s (1 for a stray byte, 0 at NUL). */
size_t text_char_len(const char *s);

/*
 * Decode the character at s into *cp; returns its length in bytes (0 at
 * the end).  An invalid sequence decodes as U+FFFD, one byte long.
 */
size_t text_decode(const char *s, uint32_t *cp);

/* 1 when s is valid UTF-8 (no overlong forms, no surrogates). */
int text_is_utf8(const char *s);

/* 1 when s holds a control character (C0, DEL or C1), newlines included. */
int text_has_control(const char *s);

/* 1 when s is empty or only spaces and tabs. */
int text_is_blank(const char *s);

/*
 * The first character in s that changes the direction text is shown in
 * (an embedding, override or isolate: U+202A to U+202E, U+2066 to
 * U+2069), or 0 when there is none.  Such characters can make text show
 * in a different order from how it is stored.
 */
uint32_t text_bidi_control(const char *s);

/*
 * Tidy a name in place: spaces at the start and end go, and each run of
 * spaces inside becomes one plain space.  A space is U+0020 or another
 * Unicode space separator, such as the no-break space; tabs and other
 * control characters are left for the checks to refuse, and bytes that
 * are not UTF-8 are kept as they are.  Returns s.
 */
char *text_squeeze(char *s);

/* Columns the string takes on a terminal, control characters escaped. */
int text_width(const char *s);

/* The same for the one character at s, n bytes long (text_decode's n). */
int text_char_cols(const char *s, size_t n);

/*
 * A copy of s that is safe to write to a terminal: every control character
 * (and an invalid byte) is shown escaped, as \n, \t or \x1b; a backslash
 * stays as it is.  When keep_newlines is 1, newlines pass through.  The
 * caller frees the result.
 */
char *text_escape(const char *s, int keep_newlines);

/*
 * Write into out (size bytes) the longest start of s that fits in cols
 * columns, ending with "…" when s had to be cut, then pad with spaces to
 * exactly cols columns when pad is 1.  Characters are never split.
 * Control characters are escaped first.  Returns the columns used.
 */
int text_fit(const char *s, int cols, int pad, char *out, size_t size);

/*
 * Break one line of text into lines of at most cols columns (cols > 0)
 * at spaces and tabs, which do not survive; a word wider than cols is
 * cut as text_fit cuts it.  Returns a NULL-terminated array of new
 * strings and sets *n to how many (0 for blank text); the caller frees
 * each and the array.
 */
char **text_wrap(const char *s, int cols, size_t *n);

/*
 * Break text into lines of at most cols columns (cols > 0) for a reader,
 * losing nothing: each newline starts a new line (an empty line stays);
 * a line's own indent and the runs of spaces within it are kept, a tab
 * counting as a space and written as one; a line breaks at spaces, and
 * only the spaces where it breaks (or spaces ending a line beyond cols)
 * are dropped; a word wider than cols is broken between characters, a
 * combining mark staying with the character before it (a character wider
 * than cols gets a line of its own), and so is a first word too wide to
 * follow its line's indent, which is kept whole.  Widths are display
 * columns (text_char_cols); right-to-left text is broken in the order it
 * is stored, as a terminal lays it out.  s should be escaped
 * (text_escape) already.  Returns a NULL-terminated array of new strings
 * and sets *n to how many (0 for empty text); the caller frees each and
 * the array.
 */
char **text_wrap_all(const char *s, int cols, size_t *n);

/* Compare two strings ignoring case (for sorting names); like strcmp. */
int text_casecmp(const char *a, const char *b);

/*
 * A copy of s folded for matching names, so that "Zoë  Ñúñez" (precomposed
 * or with combining accents), "ZOE NUNEZ" and "zoe nunez" fold the same:
 * compatibility forms are taken apart (NFKD), case is folded, accents and
 * other marks are dropped, invisible characters (zero-width spaces, soft
 * hyphens, direction marks) go, and the usual separators are folded:
 * hyphens and dashes, commas and underscores count as spaces, apostrophes
 * and full stops go ("Ellie-Mae O’Connor" folds as "ellie mae oconnor"),
 * and spaces are squeezed as text_squeeze does.  Letters that are not a base letter with marks, such as the
 * Turkish dotless i or the Arabic and Hebrew letters, stay as they are.
 * Bytes that are not UTF-8 fold as U+FFFD.  The caller frees the result.
 */
char *text_fold(const char *s);

/*
 * Compare two names by their folds (text_fold), so that "Aisha  Khan " and
 * "aisha khan", or "Zoë" and "zoe", are the same; like strcmp.
 */
int text_namecmp(const char *a, const char *b);

/* 1 when the fold of needle occurs in the fold of haystack (text_fold). */
int text_contains(const char *haystack, const char *needle);

/*
 * The folder holding the file at path: "." for a bare file name, "/" for
 * a file at the root.  The caller frees it.
 */
char *text_path_folder(const char *path);

#endif
