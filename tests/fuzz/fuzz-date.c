/* SPDX-License-Identifier: MIT */
/*
 * fuzz-date.c: libFuzzer harness for the date parser.
 *
 * Whatever the text, date_parse either fails with a message or gives a
 * real date that formats back to a date that parses to the same day.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), iso[DATE_ISO_SIZE], uk[32];
	char *cause = NULL;
	date_t d, again;
	int y, m, day;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (date_parse(text, date_from_ymd(2026, 11, 27), &d, &cause) == 0) {
		if (cause != NULL)
			abort();
		date_to_ymd(d, &y, &m, &day);
		if (!date_valid_ymd(y, m, day))
			abort();
		date_format_iso(d, iso);
		if (date_parse_iso(iso, &again) != 0 || again != d)
			abort();
		if (date_format(d, "%d/%m/%Y", uk, sizeof uk) == 0 ||
		    date_parse(uk, 0, &again, NULL) != 0 || again != d)
			abort();
	} else if (cause == NULL)
		abort();
	free(cause);
	if (date_parse_iso(text, &d) == 0) {
		date_format_iso(d, iso);
		if (strcmp(iso, text) != 0)
			abort();
	}
	free(text);
	return 0;
}
