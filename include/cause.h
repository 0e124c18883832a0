/* SPDX-License-Identifier: MIT */
/*
 * cause.h: failing with a reason.
 *
 * A function that can fail for a reason the user should hear returns 0 on
 * success and -1 on failure, and hands the reason back through a
 * char **cause argument; the caller decides whether to print it or show
 * it on screen, and frees it.
 */
#ifndef CASELOAD_CAUSE_H
#define CASELOAD_CAUSE_H

/*
 * Set *cause to a new message formatted from fmt, when cause is not NULL,
 * and return -1, so that a failing function can end with
 * "return xfail(cause, ...);".  The caller frees *cause.
 */
int xfail(char **cause, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
