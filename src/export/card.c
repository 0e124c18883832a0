/* SPDX-License-Identifier: MIT */
/*
 * card.c: the worker's intro card, boxed in plain ASCII so that it
 * prints the same on any printer and lines up in any monospaced font
 * (box-drawing characters are drawn two columns wide by some CJK fonts).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "text.h"
#include "xmalloc.h"

#define CARD_MARGIN	2				/* spaces inside the box */
#define CARD_TEXT	(CARD_WIDTH - 2 - 2 * CARD_MARGIN)	/* 50 columns */
#define CARD_LABEL	8				/* "Office  " */

struct card_lines {
	char	**lines;
	size_t	  n;
};

static void
card_add(struct card_lines *c, char *line)
{
	c->lines = xreallocarray(c->lines, c->n + 1, sizeof *c->lines);
	c->lines[c->n++] = line;
}

/*
 * Each line of a setting (split at new lines), wrapped at spaces; with a
 * label, the text starts after it on the first line and lines up under
 * it on the others.
 */
static void
card_field(struct card_lines *c, const char *label, const char *value)
{
	char *copy, *line, *save = NULL, **wrapped;
	int indent = label != NULL ? CARD_LABEL : 0;
	size_t n, i;

	if (value == NULL || text_is_blank(value))
		return;
	copy = xstrdup(value);
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		wrapped = text_wrap(line, CARD_TEXT - indent, &n);
		for (i = 0; i < n; i++) {
			card_add(c, xasprintf("%-*s%s", indent,
			    label != NULL ? label : "", wrapped[i]));
			free(wrapped[i]);
			label = "";
		}
		free(wrapped);
	}
	free(copy);
}

char *
card_render(const struct config *cfg)
{
	struct card_lines c = { NULL, 0 };
	char fitted[CARD_TEXT * 4 + 8], *text, *next, rule[CARD_WIDTH + 1];
	size_t i, section;

	card_add(&c, xstrdup(""));
	card_field(&c, NULL, cfg->worker_name);
	card_field(&c, NULL, cfg->worker_title);
	card_add(&c, xstrdup(""));
	section = c.n;
	card_field(&c, "Phone", cfg->worker_phone);
	card_field(&c, "Email", cfg->worker_email);
	card_field(&c, "Office", cfg->worker_office);
	if (c.n > section)
		card_add(&c, xstrdup(""));
	section = c.n;
	card_field(&c, NULL, cfg->worker_about);
	if (c.n > section)
		card_add(&c, xstrdup(""));
	card_field(&c, NULL, "You can get in touch any time until you are 25.");
	card_add(&c, xstrdup(""));

	memset(rule, '-', CARD_WIDTH - 2);
	rule[CARD_WIDTH - 2] = '\0';
	text = xasprintf("+%s+\n", rule);
	for (i = 0; i < c.n; i++) {
		/* Pad by columns, not bytes: names may be in any script. */
		text_fit(c.lines[i], CARD_TEXT, 1, fitted, sizeof fitted);
		next = xasprintf("%s|%*s%s%*s|\n", text, CARD_MARGIN, "",
		    fitted, CARD_MARGIN, "");
		free(text);
		text = next;
		free(c.lines[i]);
	}
	free(c.lines);
	next = xasprintf("%s+%s+\n", text, rule);
	free(text);
	return next;
}
