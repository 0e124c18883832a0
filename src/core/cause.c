/* SPDX-License-Identifier: MIT */
/*
 * cause.c: failing with a reason (see cause.h).
 */
#include <config.h>

#include <stdarg.h>

#include "cause.h"
#include "xmalloc.h"

int
xfail(char **cause, const char *fmt, ...)
{
	va_list ap;

	if (cause != NULL) {
		va_start(ap, fmt);
		*cause = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return -1;
}
