/* SPDX-License-Identifier: MIT */
/*
 * choice.h: the names an option or a column takes for one of a few
 * things (a contact's method, a kind of safety flag, a role...), as one
 * table that both reads what was typed and says what may be typed, so
 * that the two never drift apart.  Each module keeps its own table and
 * hands it out (contact_method_choice, flag_kind_choice...).
 */
#ifndef CASELOAD_CHOICE_H
#define CASELOAD_CHOICE_H

#include <stddef.h>

/* A table of names in an enum's order. */
struct choice {
	const char *const	*names;	/* as typed: "do-not-visit-alone" */
	const char *const	*labels; /* as read: "do not visit alone";
					 * NULL when only names are */
	size_t			 first;	/* names[first..n) may be typed */
	size_t			 n;
};

/*
 * The index of text in c: one of its names or labels (from first on), in
 * any case; -1 when it is none of them.
 */
int choice_find(const struct choice *c, const char *text);

/* Its names as a list to choose from: "a, b or c"; the caller frees it. */
char *choice_list(const struct choice *c);

#endif
