/* SPDX-License-Identifier: MIT */
/*
 * choice.c: reading one of a table of names and listing them (see
 * choice.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "choice.h"
#include "xmalloc.h"

int
choice_find(const struct choice *c, const char *text)
{
	size_t i;

	for (i = c->first; i < c->n; i++) {
		if (strcasecmp(text, c->names[i]) == 0 ||
		    (c->labels != NULL && strcasecmp(text, c->labels[i]) == 0))
			return (int)i;
	}
	return -1;
}

char *
choice_list(const struct choice *c)
{
	size_t i, len = 1;
	char *list;

	for (i = c->first; i < c->n; i++)
		len += strlen(c->names[i]) + 4;
	list = xmalloc(len);
	*list = '\0';
	for (i = c->first; i < c->n; i++) {
		if (i > c->first)
			strcat(list, i + 1 == c->n ? " or " : ", ");
		strcat(list, c->names[i]);
	}
	return list;
}
