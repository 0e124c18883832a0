/* SPDX-License-Identifier: MIT */
/*
 * person.h: the model of a young person and their records.
 *
 * Plain structs shared by every layer.  Nothing here touches a database or
 * a screen; the store fills these in and the rules read them.
 */
#ifndef CASELOAD_PERSON_H
#define CASELOAD_PERSON_H

#include "choice.h"
#include "date.h"
#include "flag.h"

/* Where someone stands with the service. */
enum status {
	STATUS_UP,		/* stepped up: receiving the service */
	STATUS_DOWN,		/* stepped down: still known, letters yearly */
	STATUS_ARCHIVED		/* no longer on this worker's caseload */
};

enum contact_method {
	METHOD_VISIT, METHOD_PHONE, METHOD_VIDEO, METHOD_TEXT, METHOD_EMAIL,
	METHOD_LETTER, METHOD_GROUP, METHOD_OTHER
};
#define METHOD_COUNT 8

enum contact_by {
	BY_WORKER,
	BY_YOUNG_PERSON
};

/* The UUID as text: 36 characters and a NUL. */
#define PERSON_UUID_SIZE 37

/*
 * What the rules need to know about a young person.  Dates are DATE_NONE
 * when there is none.  The last_* fields summarise the history tables and
 * are kept up to date by the store, using rules_last_contact for contacts.
 */
struct person_facts {
	date_t		dob;
	date_t		allocated_on;	/* allocated to this worker */
	enum status	status;
	date_t		status_since;	/* date of the latest status change */
	int		interval_weeks;	/* own contact interval; 0 = the default */
	date_t		last_contact;	/* latest successful, not struck out */
	date_t		last_letter;	/* latest annual letter sent */
	date_t		last_review;	/* latest pathway plan review */
	int		attempts;	/* attempted contacts since last seen
					   (rules_attempts, kept by the store) */
};

/*
 * A young person.  Strings are NULL when not set; who owns them is said by
 * the function that fills the struct in.
 */
struct person {
	long			id;	/* the short number the worker types */
	char			uuid[PERSON_UUID_SIZE];
	const char		*name;
	const char		*preferred_name;
	const char		*phone;
	const char		*email;
	const char		*address;
	struct person_facts	facts;
	int			flagged;	/* current safety flags (kept
						   by the store; lists mark
						   them, flag_marker) */
};

/* One entry of the contact log. */
struct contact {
	long			id;
	long			person_id;
	date_t			on;
	enum contact_method	method;
	enum contact_by		by;
	int			attempted;	/* no answer, not in: no reset */
	enum contact_place	place;		/* PLACE_NONE: not recorded */
	enum seen_alone		seen_alone;	/* SEEN_UNKNOWN: not recorded */
	const char		*note;		/* NULL when none */
	date_t			struck_on;	/* DATE_NONE unless struck out */
	const char		*struck_reason;
	int			number;		/* the young person's own: 1, 2... */
};

/*
 * What a young person's log holds, each kind numbered on its own in the
 * order it was recorded: contacts 1, 2...; annual letters sent L1, L2...;
 * pathway plan reviews held R1, R2...  The numbers stay as they are
 * whatever is recorded later.
 */
enum entry_kind {
	ENTRY_CONTACT,
	ENTRY_LETTER,
	ENTRY_REVIEW
};
#define ENTRY_KINDS 3

/* One annual letter sent or pathway plan review held. */
struct entry {
	long		id;
	long		person_id;
	enum entry_kind	kind;		/* ENTRY_LETTER or ENTRY_REVIEW */
	int		number;		/* the young person's own: L1, R1... */
	date_t		on;
	date_t		struck_on;	/* DATE_NONE unless struck out */
	const char	*struck_reason;
};

/*
 * Read an entry's number as a worker types it: "3" or "#3" (or "c3") for
 * a contact, "L3" for a letter, "R3" for a review (either case).  0 and
 * *kind, *number set, or -1 when s is none of these.
 */
int entry_parse(const char *s, enum entry_kind *kind, int *number);

/* An entry's number as lists show it ("3", "L3", "R3") into out. */
void entry_format(enum entry_kind kind, int number, char *out, size_t size);

/* What a kind is called: "contact", "letter", "review" (singular). */
const char *entry_kind_name(enum entry_kind kind);

/* One row of status history: a step up, step down or archiving. */
struct status_change {
	long		id;
	enum status	status;
	date_t		on;
	const char	*reason;	/* NULL when none */
};

/* The names used in files, on the command line and in the database. */
const char *person_status_name(enum status status);		/* "up" */
const char *person_status_label(enum status status);		/* "stepped up" */
const char *person_status_slug(enum status status);		/* "stepped-up" */
const char *contact_method_name(enum contact_method method);	/* "phone" */
const char *contact_by_name(enum contact_by by);		/* "worker" */

/* Look a name up: 0 and *out set, or -1 when it is not one of them. */
int person_status_from_name(const char *name, enum status *out);
int contact_method_from_name(const char *name, enum contact_method *out);
int contact_by_from_name(const char *name, enum contact_by *out);

/* The tables of methods and of who started a contact, to choose from. */
const struct choice *contact_method_choice(void);
const struct choice *contact_by_choice(void);

/* The name to call someone by: the preferred name when set. */
const char *person_display_name(const struct person *p);

/*
 * Initials of a name, such as "A.K." for "Aisha Khan": the first letter of
 * each word (words part at spaces and hyphens; quotes and other signs are
 * passed over), written into out (size bytes).  Works on UTF-8.
 */
void person_initials(const char *name, char *out, size_t size);

/* An empty struct person_facts: every date DATE_NONE, stepped up. */
void person_facts_init(struct person_facts *facts);

/*
 * The allocation date of a young person added without one: today, or
 * their last contact (DATE_NONE: none given) when that is earlier, since
 * they were allocated by then.
 */
date_t person_default_allocated(date_t today, date_t last_contact);

/*
 * A deep copy of p or c in one allocation: the caller frees it with free().
 */
struct person *person_copy(const struct person *p);

/* The same, with the names only: no phone, email or address (for lists). */
struct person *person_copy_names(const struct person *p);
struct contact *contact_copy(const struct contact *c);
struct entry *entry_copy(const struct entry *e);

#endif
