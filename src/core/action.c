/* SPDX-License-Identifier: MIT */
/*
 * action.c: agreed actions (see action.h): their checks and when an open
 * one is late.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "cause.h"
#include "check.h"
#include "xmalloc.h"

static const char *const action_states[] = { "open", "done", "dropped" };

const char *
action_state_name(enum action_state state)
{
	return action_states[state];
}

const char *
action_who_words(const char *who)
{
	if (strcmp(who, ACTION_WHO_DEFAULT) == 0)
		return "the worker";
	if (strcmp(who, "young-person") == 0)
		return "the young person";
	return who;
}

enum action_due
action_judge(const struct action *a, const struct rules_settings *settings,
    date_t today, int *late)
{
	if (late != NULL)
		*late = 0;
	if (a->state != ACTION_OPEN)
		return ACTION_CLOSED;
	if (a->due_on < today) {
		if (late != NULL)
			*late = (int)(today - a->due_on);
		return ACTION_LATE;
	}
	if (a->due_on == today)
		return ACTION_TODAY;
	if (a->due_on - today <= settings->due_soon_days)
		return ACTION_SOON;
	return ACTION_LATER;
}

void
action_describe(const struct action *a,
    const struct rules_settings *settings, date_t today, char *out,
    size_t size)
{
	int late;

	switch (action_judge(a, settings, today, &late)) {
	case ACTION_LATE:
		snprintf(out, size, "%dd late", late);
		break;
	case ACTION_TODAY:
		snprintf(out, size, "due today");
		break;
	case ACTION_SOON:
		snprintf(out, size, "due soon");
		break;
	case ACTION_LATER:
		snprintf(out, size, "open");
		break;
	case ACTION_CLOSED:
		snprintf(out, size, "%s", action_state_name(a->state));
		break;
	}
}

/* One line of text that is not blank, at most max bytes. */
static int
action_check_line(const char *text, size_t max, const char *what,
    char **cause)
{
	const char *p;

	if (text == NULL)
		return xfail(cause, "%s is empty: say what it is", what);
	for (p = text; *p == ' ' || *p == '\t'; p++)
		;
	if (*p == '\0')
		return xfail(cause, "%s is empty: say what it is", what);
	return check_text(text, 0, max, cause);
}

int
action_check_text(const char *text, char **cause)
{
	return action_check_line(text, ACTION_TEXT_MAX, "the action", cause);
}

int
action_check_who(const char *who, char **cause)
{
	return action_check_line(who, ACTION_WHO_MAX, "who does it", cause);
}

int
action_check_dates(date_t agreed_on, date_t due_on, date_t dob, date_t today,
    char **cause)
{
	if (check_event_date(agreed_on, dob, today, cause) != 0)
		return -1;
	if (due_on == DATE_NONE)
		return xfail(cause, "an action needs the date it is due");
	if (due_on < agreed_on)
		return xfail(cause, "the due date is before the day it was "
		    "agreed");
	if (due_on > date_add_months(agreed_on, ACTION_DUE_MONTHS))
		return xfail(cause, "the due date is more than two years after "
		    "the day it was agreed");
	return 0;
}

int
action_check_new(const struct action *a, date_t dob, date_t today,
    char **cause)
{
	if (action_check_text(a->text, cause) != 0 ||
	    action_check_who(a->who, cause) != 0)
		return -1;
	return action_check_dates(a->agreed_on, a->due_on, dob, today, cause);
}

int
action_check_close(const struct action *a, date_t closed_on, date_t today,
    char **cause)
{
	if (a->state != ACTION_OPEN)
		return xfail(cause, "action A%d is %s already", a->number,
		    action_state_name(a->state));
	if (closed_on > today)
		return xfail(cause, "the date is in the future: an action is "
		    "closed today at the latest");
	if (closed_on < a->agreed_on)
		return xfail(cause, "the date is before the action was agreed");
	return 0;
}

struct action *
action_copy(const struct action *a)
{
	const char *const *from[] = { &a->text, &a->who, &a->reason };
	size_t i, len, size = 0;
	struct action *copy;
	const char **to[3];
	char *end;

	for (i = 0; i < 3; i++) {
		if (*from[i] != NULL)
			size += strlen(*from[i]) + 1;
	}
	copy = xmalloc(sizeof *copy + size);
	*copy = *a;
	to[0] = &copy->text;
	to[1] = &copy->who;
	to[2] = &copy->reason;
	end = (char *)(copy + 1);
	for (i = 0; i < 3; i++) {
		if (*from[i] == NULL)
			continue;
		len = strlen(*from[i]) + 1;
		memcpy(end, *from[i], len);
		*to[i] = end;
		end += len;
	}
	return copy;
}
