/* SPDX-License-Identifier: MIT */
/*
 * csvout.c: CSV output (see csvout.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvout.h"
#include "text.h"

void
csv_field(FILE *f, int first, const char *s)
{
	const char *q, *lead;
	char *safe = NULL;
	int guard, quote;

	if (!first)
		putc(',', f);
	if (s == NULL || *s == '\0')
		return;
	/* A terminal is shown the text as the text output shows it. */
	if ((text_has_control(s) || !text_is_utf8(s)) && isatty(fileno(f)))
		s = safe = text_escape(s, 0);
	/*
	 * A formula may hide behind spaces, which spreadsheets pass over.
	 * An apostrophe someone typed is guarded too, so that reading the
	 * guard back off (import.h) leaves it in place.
	 */
	lead = s + strspn(s, " ");
	guard = *lead != '\0' && strchr("=+-@\t\r'", *lead) != NULL;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		putc('"', f);
	if (guard)
		putc('\'', f);
	/* Whole runs between quotes, each quote doubled. */
	while ((q = strchr(s, '"')) != NULL) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		putc('"', f);
		s = q + 1;
	}
	fputs(s, f);
	if (quote)
		putc('"', f);
	free(safe);
}

void
csv_int(FILE *f, int first, long n)
{
	char buf[24], *p = buf + sizeof buf;
	unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;

	if (!first)
		putc(',', f);
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (n < 0)
		*--p = '-';
	fwrite(p, 1, (size_t)(buf + sizeof buf - p), f);
}

void
csv_date(FILE *f, int first, date_t date)
{
	char iso[DATE_ISO_SIZE];

	if (!first)
		putc(',', f);
	if (date == DATE_NONE)
		return;
	date_format_iso(date, iso);
	fwrite(iso, 1, DATE_ISO_SIZE - 1, f);
}

void
csv_end_row(FILE *f)
{
	fputs("\r\n", f);
}

void
csv_bom(FILE *f)
{
	fputs("\xef\xbb\xbf", f);
}

void
csv_header(FILE *f, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		csv_field(f, i == 0, names[i]);
	csv_end_row(f);
}
