/* SPDX-License-Identifier: MIT */
/*
 * around.c: notes about a young person and the people around them (see
 * around.h): the roles, in one table, and the rules for each.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "around.h"
#include "cause.h"
#include "check.h"
#include "text.h"
#include "xmalloc.h"

/* The roles, in enum around_role's order: the one place they live. */
static const char *const around_role_names[ROLE_COUNT] = {
	"social-worker", "iro", "housing-officer", "college-tutor", "family",
	"other"
};
static const char *const around_role_labels[ROLE_COUNT] = {
	"social worker", "independent reviewing officer", "housing officer",
	"college tutor", "family member", "other"
};
static const struct choice around_roles = {
	around_role_names, around_role_labels, 0, ROLE_COUNT
};

const char *
around_role_name(enum around_role role)
{
	return around_role_names[role];
}

const char *
around_role_label(enum around_role role)
{
	return around_role_labels[role];
}

int
around_role_from_name(const char *name, enum around_role *out)
{
	int i;

	if ((i = choice_find(&around_roles, name)) < 0)
		return -1;
	*out = (enum around_role)i;
	return 0;
}

const struct choice *
around_role_choice(void)
{
	return &around_roles;
}

const char *
around_role_list(void)
{
	return "social-worker, iro, housing-officer, college-tutor, family "
	    "or other";
}

int
around_note_check(const char *text, date_t on, date_t dob, date_t today,
    char **cause)
{
	if (check_event_date(on, dob, today, cause) != 0)
		return -1;
	if (text == NULL || text[strspn(text, " \n")] == '\0')
		return xfail(cause, "the note is empty: write what to keep");
	return check_text(text, 1, AROUND_NOTE_MAX, cause);
}

/* One field of a person around them: NULL or short, one line. */
static int
around_check_field(const char *what, const char *text, size_t max,
    char **cause)
{
	char *why = NULL;

	if (text == NULL || check_text(text, 0, max, &why) == 0)
		return 0;
	xfail(cause, "%s: %s", what, why);
	free(why);
	return -1;
}

int
around_person_check(const struct around_person *a, char **cause)
{
	const char *at;

	if (a->name == NULL || text_is_blank(a->name))
		return xfail(cause, "the name is empty: say who they are");
	if (around_check_field("the name", a->name, CHECK_NAME_MAX,
	    cause) != 0 ||
	    around_check_field("the phone number", a->phone,
	    CHECK_PHONE_MAX, cause) != 0 ||
	    around_check_field("the email address", a->email,
	    CHECK_EMAIL_MAX, cause) != 0 ||
	    around_check_field("the note", a->note, AROUND_ABOUT_MAX,
	    cause) != 0)
		return -1;
	if (a->email != NULL) {
		/* Never echoed: it is theirs. */
		at = strchr(a->email, '@');
		if (at == NULL || at == a->email || at[1] == '\0' ||
		    strchr(at + 1, '@') != NULL ||
		    strpbrk(a->email, " \t") != NULL)
			return xfail(cause, "the email address is not one "
			    "(expected name@example.org)");
	}
	return 0;
}

int
around_person_check_end(const struct around_person *a, date_t on,
    date_t today, char **cause)
{
	if (a->ended_on != DATE_NONE)
		return xfail(cause, "P%d has stopped being involved already",
		    a->number);
	if (on > today)
		return xfail(cause, "the date is in the future: their "
		    "involvement ends today at the latest");
	if (on < a->since)
		return xfail(cause, "the date is before they were added");
	return 0;
}

/* Copy s to *end, moving it on; NULL stays NULL. */
static const char *
around_put(char **end, const char *s)
{
	size_t n;
	char *at = *end;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	memcpy(at, s, n);
	*end += n;
	return at;
}

static size_t
around_len(const char *s)
{
	return s != NULL ? strlen(s) + 1 : 0;
}

struct around_note *
around_note_copy(const struct around_note *n)
{
	struct around_note *copy;
	char *end;

	copy = xmalloc(sizeof *copy + around_len(n->text) +
	    around_len(n->struck_reason));
	end = (char *)(copy + 1);
	*copy = *n;
	copy->text = around_put(&end, n->text);
	copy->struck_reason = around_put(&end, n->struck_reason);
	return copy;
}

struct around_person *
around_person_copy(const struct around_person *a)
{
	struct around_person *copy;
	char *end;

	copy = xmalloc(sizeof *copy + around_len(a->name) +
	    around_len(a->phone) + around_len(a->email) + around_len(a->note));
	end = (char *)(copy + 1);
	*copy = *a;
	copy->name = around_put(&end, a->name);
	copy->phone = around_put(&end, a->phone);
	copy->email = around_put(&end, a->email);
	copy->note = around_put(&end, a->note);
	return copy;
}
