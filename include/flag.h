/* SPDX-License-Identifier: MIT */
/*
 * flag.h: safety flags on a young person (SPEC section 2, "Safety") and
 * where a contact took place: the names of each kind, in one table, and
 * the rules for setting, changing and ending a flag.
 *
 * A flag is kept as history: set on a date with a short note, its note
 * changed while it is current, ended on a date with a reason; never
 * deleted.  Its kind and note are the most sensitive things caseload
 * holds: they are shown on the young person's page and in show only;
 * everywhere else carries the marker (flag_marker) at most.
 */
#ifndef CASELOAD_FLAG_H
#define CASELOAD_FLAG_H

#include <stddef.h>

#include "choice.h"
#include "date.h"

enum flag_kind {
	FLAG_ALONE,		/* do not visit alone */
	FLAG_MARAC,		/* MARAC */
	FLAG_DOMESTIC,		/* domestic abuse */
	FLAG_EXPLOITATION,	/* exploitation */
	FLAG_MISSING,		/* missing */
	FLAG_CUSTODY,		/* custody */
	FLAG_OTHER		/* other */
};
#define FLAG_KINDS 7

/* The longest note of a flag, in bytes: a short note. */
#define FLAG_NOTE_MAX 500

/* One safety flag of a young person. */
struct flag {
	long		 id;
	long		 person_id;
	int		 number;	/* the young person's own: F1, F2... */
	enum flag_kind	 kind;
	const char	*note;		/* NULL when none */
	date_t		 set_on;
	date_t		 ended_on;	/* DATE_NONE while current */
	const char	*ended_reason;	/* NULL when none */
	const char	*set_by;	/* the worker's name, NULL when none */
	const char	*ended_by;	/* the same, NULL when none */
};

/* One note a flag has had: its text (NULL: none), when and who wrote it. */
struct flag_note {
	const char	*note;
	date_t		 on;
	const char	*by;		/* NULL when none */
};

/* The name of a kind as the database and the command line spell it:
 * "do-not-visit-alone", "marac"... */
const char *flag_kind_name(enum flag_kind kind);

/* The same as people read it: "do not visit alone", "MARAC"... */
const char *flag_kind_label(enum flag_kind kind);

/*
 * Look a kind up by its name or its label, in any case: 0 and *out set,
 * or -1 when it is neither.
 */
int flag_kind_from_name(const char *name, enum flag_kind *out);

/* Every kind's name, comma-separated, for help and errors (static). */
const char *flag_kind_list(void);

/* The table of kinds (names and labels), to choose from. */
const struct choice *flag_kind_choice(void);

/* The marker shown beside a flagged young person's name: "⚑" when utf8
 * is not 0, else "F". */
const char *flag_marker(int utf8);

/*
 * Check a new flag of kind on set_on for someone born on dob, whose
 * current flags are current[0..n) kinds: the date is not after today nor
 * before their birth; the note (NULL for none) is short, one line, with
 * no control characters; and they hold no current flag of that kind
 * (other may repeat).  0, or -1 with *cause.
 */
int flag_check_new(enum flag_kind kind, const char *note, date_t set_on,
    date_t dob, date_t today, const enum flag_kind *current, size_t n,
    char **cause);

/* Check a flag's new note (NULL clears it) against f: f is current.
 * 0, or -1 with *cause. */
int flag_check_note(const struct flag *f, const char *note, char **cause);

/*
 * Check ending f on ended_on: f is current, and the date is not before
 * it was set nor after today.  0, or -1 with *cause.
 */
int flag_check_end(const struct flag *f, date_t ended_on, date_t today,
    char **cause);

/* A copy of f in one allocation: the caller frees it with free(). */
struct flag *flag_copy(const struct flag *f);

/* Where a contact took place; PLACE_NONE when not recorded. */
enum contact_place {
	PLACE_NONE, PLACE_HOME, PLACE_OFFICE, PLACE_COLLEGE, PLACE_COMMUNITY,
	PLACE_ONLINE
};
#define PLACE_COUNT 6

/* Whether the young person was seen alone. */
enum seen_alone {
	SEEN_UNKNOWN, SEEN_ALONE_YES, SEEN_ALONE_NO
};

/* "home"... ("" for PLACE_NONE); look up: 0, or -1 when not a place. */
const char *contact_place_name(enum contact_place place);
int contact_place_from_name(const char *name, enum contact_place *out);

/* "yes", "no", "unknown"; look up: 0, or -1 when none of these. */
const char *seen_alone_name(enum seen_alone seen);
int seen_alone_from_name(const char *name, enum seen_alone *out);

/* Their tables (places from PLACE_HOME on), to choose from. */
const struct choice *contact_place_choice(void);
const struct choice *seen_alone_choice(void);

#endif
