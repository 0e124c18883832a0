/* SPDX-License-Identifier: MIT */
/*
 * around.h: the notes kept about a young person (what they like to be
 * called, what helps, what to avoid) and the people around them (social
 * worker, independent reviewing officer...): the roles, in one table, and
 * the rules for each.
 *
 * A note is a dated entry of a running log, struck out with a reason but
 * never deleted, as contacts are.  A person around them is added, changed
 * while involved, and ended on a date when they stop being involved;
 * never deleted.  Both are private: shown on the young person's page,
 * in show and in a handover file, never in a calendar, letter, CSV, JSON
 * or printed list, nor in an error message.
 */
#ifndef CASELOAD_AROUND_H
#define CASELOAD_AROUND_H

#include <stddef.h>

#include "choice.h"
#include "date.h"

/* The longest note about a young person, in bytes (several lines). */
#define AROUND_NOTE_MAX		4000

/* The longest note about a person around them, in bytes (one line). */
#define AROUND_ABOUT_MAX	500

/* One note about a young person. */
struct around_note {
	long		 id;
	long		 person_id;
	int		 number;	/* the young person's own: N1, N2... */
	date_t		 on;
	const char	*text;
	date_t		 struck_on;	/* DATE_NONE unless struck out */
	const char	*struck_reason;	/* NULL when none */
};

enum around_role {
	ROLE_SOCIAL_WORKER,
	ROLE_IRO,		/* independent reviewing officer */
	ROLE_HOUSING,		/* housing officer */
	ROLE_TUTOR,		/* college tutor */
	ROLE_FAMILY,		/* family member */
	ROLE_OTHER
};
#define ROLE_COUNT 6

/* One person around a young person. */
struct around_person {
	long		 id;
	long		 person_id;
	int		 number;	/* the young person's own: P1, P2... */
	enum around_role role;
	const char	*name;
	const char	*phone;		/* NULL when none, as the rest */
	const char	*email;
	const char	*note;
	date_t		 since;
	date_t		 ended_on;	/* DATE_NONE while involved */
};

/* A role's name as the database and the command line spell it:
 * "social-worker", "iro"... */
const char *around_role_name(enum around_role role);

/* The same as people read it: "social worker", "independent reviewing
 * officer"... */
const char *around_role_label(enum around_role role);

/* Look a role up by its name or label, in any case: 0, or -1. */
int around_role_from_name(const char *name, enum around_role *out);

/* Every role's name, for help and errors (static). */
const char *around_role_list(void);

/* The table of roles (names and labels), to choose from. */
const struct choice *around_role_choice(void);

/*
 * Check a new note written on `on` about someone born on dob: the date
 * is not after today nor before their birth, the text is not blank, at
 * most AROUND_NOTE_MAX bytes, lines with no control characters.  Errors
 * never repeat the text.  0, or -1 with *cause.
 */
int around_note_check(const char *text, date_t on, date_t dob, date_t today,
    char **cause);

/*
 * Check a person around a young person as it is to be kept: a name that
 * is not blank, one line each; phone, email (one '@') and note short,
 * one line, no control characters.  Errors never repeat what was typed.
 * 0, or -1 with *cause.
 */
int around_person_check(const struct around_person *a, char **cause);

/*
 * Check ending a's involvement on `on`: still involved, the date not
 * before they were added nor after today.  0, or -1 with *cause.
 */
int around_person_check_end(const struct around_person *a, date_t on,
    date_t today, char **cause);

/* Copies in one allocation each: the caller frees them with free(). */
struct around_note *around_note_copy(const struct around_note *n);
struct around_person *around_person_copy(const struct around_person *a);

#endif
