/* SPDX-License-Identifier: MIT */
/*
 * csvout.h: writing CSV (RFC 4180) that is safe to open in a spreadsheet.
 */
#ifndef CASELOAD_CSVOUT_H
#define CASELOAD_CSVOUT_H

#include <stdio.h>

#include "date.h"

/*
 * Write one field, preceded by a comma unless it is the first of its row.
 * Quotes it as RFC 4180 does when it holds a comma, a quote or a line
 * break; a field starting with =, +, -, @, tab or carriage return, after
 * any spaces, gets a leading ' so that a spreadsheet does not run it as a
 * formula, and so does one starting with ' (so that import, which takes
 * the guard off, gives back the apostrophe that was typed).  NULL is an empty field.  When f is a terminal, control
 * characters and bytes that are not UTF-8 are written escaped, as
 * text_escape does, so that no field can drive the terminal; a file or
 * a pipe gets the text exactly.
 */
void csv_field(FILE *f, int first, const char *s);

/* Write a whole number, or an ISO date (empty for DATE_NONE), as a field. */
void csv_int(FILE *f, int first, long n);
void csv_date(FILE *f, int first, date_t date);

/* End the row (CRLF, as RFC 4180 says). */
void csv_end_row(FILE *f);

/*
 * Write the UTF-8 byte-order mark (EF BB BF), which Excel needs to read
 * CSV as UTF-8: once, before the header row.
 */
void csv_bom(FILE *f);

/* Write a header row from a NULL-terminated list of names. */
void csv_header(FILE *f, const char *const *names);

#endif
