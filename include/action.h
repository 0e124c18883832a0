/* SPDX-License-Identifier: MIT */
/*
 * action.h: what was agreed with a young person (issue 16, "What was
 * agreed"): an agreed action is a line of text, who does it, the day it
 * was agreed and the day it is due; it is open until it is done or
 * dropped, once, on a date; never deleted.  The rules here judge when an
 * open action is late, with today passed in.
 *
 * An action's text is the worker's own words about the young person:
 * shown on their page, in show and, with privacy = full, in the
 * calendar; never in an error message, a letter, CSV or JSON of the
 * lists, or a printed list.
 */
#ifndef CASELOAD_ACTION_H
#define CASELOAD_ACTION_H

#include <stddef.h>

#include "date.h"
#include "rules.h"

/* The longest text of an action, and of who does it, in bytes. */
#define ACTION_TEXT_MAX	500
#define ACTION_WHO_MAX	60
/* An action is due at most this many months after it was agreed. */
#define ACTION_DUE_MONTHS 24

/* Who does it when not said. */
#define ACTION_WHO_DEFAULT "worker"

/*
 * Who does it, as a person reads it: "the worker" for worker, "the young
 * person" for young-person, any other name as it was written.  Static,
 * or who itself.
 */
const char *action_who_words(const char *who);

/* Where an action stands. */
enum action_state {
	ACTION_OPEN,
	ACTION_DONE,
	ACTION_DROPPED
};

/* One agreed action of a young person. */
struct action {
	long		 id;
	long		 person_id;
	long		 contact_id;	/* the contact it was agreed at, or 0 */
	int		 number;	/* the young person's own: A1, A2... */
	const char	*text;
	const char	*who;
	date_t		 agreed_on;
	date_t		 due_on;
	enum action_state state;
	date_t		 closed_on;	/* DATE_NONE while open */
	const char	*reason;	/* dropped: why, or NULL */
};

/* How urgent an action is on a day. */
enum action_due {
	ACTION_LATE,		/* open, due before today */
	ACTION_TODAY,		/* open, due today */
	ACTION_SOON,		/* open, due within due_soon_days */
	ACTION_LATER,		/* open, due after that */
	ACTION_CLOSED		/* done or dropped: never late */
};

/* "open", "done", "dropped" (as the database spells them). */
const char *action_state_name(enum action_state state);

/*
 * How urgent a is on today, with the "due soon" window of settings; the
 * days late (counted from the due date: due yesterday is 1) into *late
 * when late is not NULL (0 unless ACTION_LATE).
 */
enum action_due action_judge(const struct action *a,
    const struct rules_settings *settings, date_t today, int *late);

/*
 * Where a stands in a few words for the page and show, into out (size
 * bytes): "3d late", "due today", "due soon", "open", "done", "dropped".
 */
void action_describe(const struct action *a,
    const struct rules_settings *settings, date_t today, char *out,
    size_t size);

/* Check an action's text: one line, not blank, at most ACTION_TEXT_MAX
 * bytes, no control characters.  *cause never repeats it. */
int action_check_text(const char *text, char **cause);

/* Check who does it: one line, not blank, at most ACTION_WHO_MAX bytes. */
int action_check_who(const char *who, char **cause);

/*
 * Check a new action (text, who, agreed_on, due_on) of someone born on
 * dob: agreed not in the future nor before birth; due on or after the
 * day agreed and at most ACTION_DUE_MONTHS months after it.  0, or -1
 * with *cause.
 */
int action_check_new(const struct action *a, date_t dob, date_t today,
    char **cause);

/* The same for the dates alone (what action_check_new checks of them). */
int action_check_dates(date_t agreed_on, date_t due_on, date_t dob,
    date_t today, char **cause);

/*
 * Check closing a on closed_on: a is open, and the date is not before it
 * was agreed nor after today.  0, or -1 with *cause.
 */
int action_check_close(const struct action *a, date_t closed_on,
    date_t today, char **cause);

/* A copy of a in one allocation: the caller frees it with free(). */
struct action *action_copy(const struct action *a);

#endif
