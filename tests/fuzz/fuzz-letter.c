/* SPDX-License-Identifier: MIT */
/*
 * fuzz-letter.c: libFuzzer harness for the letter template filler.
 *
 * Any template either parses or fails with "ORIGIN:LINE: ..."; one that
 * parses fills in one pass, so values that look like placeholders are
 * copied as they are and never expanded.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "letter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct letter_template *t = NULL;
	struct letter_values v;
	struct config cfg;
	struct person p;
	char *text, *cause = NULL, *a, *b;

	text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (letter_template_parse(text, "fuzz.txt", &t, &cause) != 0) {
		if (cause == NULL || strncmp(cause, "fuzz.txt:", 9) != 0)
			abort();
		free(cause);
		free(text);
		return 0;
	}
	conf_defaults(&cfg);
	free(cfg.worker_name);
	cfg.worker_name = strdup("{name}");
	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = "{worker_name}{{office}}";
	p.preferred_name = "{";
	p.address = "{address}\n{office}";
	p.facts.dob = date_from_ymd(2003, 5, 5);
	p.facts.status = STATUS_DOWN;
	p.facts.status_since = date_from_ymd(2025, 11, 1);
	letter_values_set(&v, &p, &cfg, date_from_ymd(2026, 11, 1),
	    date_from_ymd(2026, 11, 27));
	a = letter_fill(t, &v);
	b = letter_fill(t, &v);
	if (a == NULL || b == NULL || strcmp(a, b) != 0)
		abort();
	/* A value is never expanded: the worker's name, "{name}", never
	 * turns into the young person's name. */
	if (letter_template_uses(t, LETTER_WORKER_NAME) &&
	    !letter_template_uses(t, LETTER_NAME) &&
	    strstr(a, "{worker_name}{{office}}") != NULL)
		abort();
	free(a);
	free(b);
	letter_template_free(t);
	conf_free(&cfg);
	free(text);
	return 0;
}
