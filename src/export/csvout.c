/*
 * csvout.c: CSV output (see csvout.h).
 */
#include <config.h>

#include <string.h>

#include "csvout.h"

void
csv_field(FILE *f, int first, const char *s)
{
	int guard, quote;

	if (!first)
		fputc(',', f);
	if (s == NULL || *s == '\0')
		return;
	guard = strchr("=+-@\t\r", *s) != NULL;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
}

void
csv_int(FILE *f, int first, long n)
{
	if (!first)
		fputc(',', f);
	fprintf(f, "%ld", n);
}

void
csv_date(FILE *f, int first, date_t date)
{
	char iso[DATE_ISO_SIZE];

	if (!first)
		fputc(',', f);
	if (date == DATE_NONE)
		return;
	date_format_iso(date, iso);
	fputs(iso, f);
}

void
csv_end_row(FILE *f)
{
	fputs("\r\n", f);
}

void
csv_header(FILE *f, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		csv_field(f, i == 0, names[i]);
	csv_end_row(f);
}
