/* SPDX-License-Identifier: MIT */
/*
 * xmalloc.h: memory allocation that cannot fail.
 *
 * Running out of memory is not something caseload can recover from in a
 * useful way, so it aborts in one place, here, with a message.
 */
#ifndef CASELOAD_XMALLOC_H
#define CASELOAD_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Like malloc, calloc, realloc and strdup, but never return NULL. */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
/* Like strndup. */
char *xstrndup(const char *s, size_t n);

/* Format into a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

#endif
