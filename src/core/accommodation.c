/* SPDX-License-Identifier: MIT */
/*
 * accommodation.c: the types of accommodation, in one table, and the
 * checks on a young person's accommodation history (see accommodation.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "accommodation.h"
#include "cause.h"
#include "check.h"
#include "xmalloc.h"

/* The types, in enum accommodation_type's order: the one place they live. */
static const char *const accommodation_names[ACCOM_COUNT] = {
	"with-parents-or-relatives", "staying-put", "foster-care",
	"supported-lodgings", "semi-independent", "independent-tenancy",
	"higher-education", "custody", "bed-and-breakfast", "sofa-surfing",
	"no-fixed-abode", "other"
};
static const char *const accommodation_labels[ACCOM_COUNT] = {
	"with parents or relatives", "staying put", "foster care",
	"supported lodgings", "semi-independent", "independent tenancy",
	"higher education", "custody", "bed and breakfast", "sofa surfing",
	"no fixed abode", "other"
};
static const struct choice accommodation_types = {
	accommodation_names, accommodation_labels, 0, ACCOM_COUNT
};

const char *
accommodation_type_name(enum accommodation_type type)
{
	return accommodation_names[type];
}

const char *
accommodation_type_label(enum accommodation_type type)
{
	return accommodation_labels[type];
}

int
accommodation_type_from_name(const char *name, enum accommodation_type *out)
{
	int i;

	if ((i = choice_find(&accommodation_types, name)) < 0)
		return -1;
	*out = (enum accommodation_type)i;
	return 0;
}

const struct choice *
accommodation_type_choice(void)
{
	return &accommodation_types;
}

const char *
accommodation_suitable_word(int suitable)
{
	if (suitable == ACCOM_SUITABLE)
		return "yes";
	if (suitable == ACCOM_UNSUITABLE)
		return "no";
	return "unknown";
}

int
accommodation_check(const struct accommodation *a, date_t dob, date_t current,
    date_t today, char **cause)
{
	char *why = NULL;

	if (a->from == DATE_NONE)
		return xfail(cause, "the date they moved in is missing");
	if (a->from > today)
		return xfail(cause, "the date is in the future: record a move "
		    "once it has happened");
	if (dob != DATE_NONE && a->from < dob)
		return xfail(cause, "the date is before they were born");
	if (current != DATE_NONE && a->from < current)
		return xfail(cause, "the date is before their latest move");
	if ((int)a->type < 0 || (int)a->type >= ACCOM_COUNT)
		return xfail(cause, "the type of accommodation is not one "
		    "caseload knows");
	if (a->suitable != ACCOM_SUITABLE && a->suitable != ACCOM_UNSUITABLE &&
	    a->suitable != ACCOM_SUITABLE_UNKNOWN)
		return xfail(cause, "whether it is suitable is yes, no or "
		    "unknown");
	if (a->address != NULL &&
	    check_text(a->address, 1, CHECK_ADDRESS_MAX, &why) != 0) {
		xfail(cause, "the address: %s", why);
		free(why);
		return -1;
	}
	return 0;
}

struct accommodation *
accommodation_copy(const struct accommodation *a)
{
	struct accommodation *copy;
	size_t na, nr;
	char *end;

	na = a->address != NULL ? strlen(a->address) + 1 : 0;
	nr = a->struck_reason != NULL ? strlen(a->struck_reason) + 1 : 0;
	copy = xmalloc(sizeof *copy + na + nr);
	end = (char *)(copy + 1);
	*copy = *a;
	if (a->address != NULL) {
		memcpy(end, a->address, na);
		copy->address = end;
		end += na;
	}
	if (a->struck_reason != NULL) {
		memcpy(end, a->struck_reason, nr);
		copy->struck_reason = end;
	}
	return copy;
}
