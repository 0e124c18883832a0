/* SPDX-License-Identifier: MIT */
/*
 * rows.h: the rows the lists are made of (a young person judged for the
 * due list, an item of the agenda, a letter due) and how every face says
 * them in words.
 *
 * Pure: the rows are judged from a person's facts, the settings and
 * today; src/app/views.c fills lists of them from the store, and the
 * faces, the calendar and the printed lists read them.
 */
#ifndef CASELOAD_ROWS_H
#define CASELOAD_ROWS_H

#include <stddef.h>

#include "action.h"
#include "date.h"
#include "person.h"
#include "rules.h"

/*
 * The kinds of thing due that the caseload list ranks one against
 * another, in the order that breaks a tie (a contact before a review due
 * the same day).  A kind to come (statutory visits, birthday returns) is
 * one more row of rows_kinds.
 */
struct rows_kind {
	enum agenda_kind	 kind;
	const char		*name;		/* "contact", "review" ... */
	const char		*plural;	/* "contacts", "reviews" ... */
	/* When it is next due for someone (a rules_*_due function). */
	struct rules_due	(*due)(const struct person_facts *,
				    const struct rules_settings *, date_t);
};
#define ROWS_KINDS 3
extern const struct rows_kind rows_kinds[ROWS_KINDS];

/* The index in rows_kinds of an agenda kind, or -1 when it is not one. */
int rows_kind_index(enum agenda_kind kind);

/*
 * The most urgent of a young person's clocks: of n items due (one per
 * kind, in the order of rows_kinds, DUE_NONE for a kind with nothing
 * due), the one due first; on the same date, the one earlier in the
 * order.  Returns its index, or -1 when nothing is due.  It does not
 * depend on today, so the store can keep it.
 */
int rows_most_urgent(const struct rules_due *due, size_t n);

/* The most urgent thing a young person has due. */
struct rows_urgent {
	int			 kind;		/* in rows_kinds; -1: nothing */
	struct rules_due	 due;
};

/*
 * Judge every kind of rows_kinds for facts on today into due (an array
 * of ROWS_KINDS) and say which is most urgent into *out.
 */
void rows_urgent_judge(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today,
    struct rules_due *due, struct rows_urgent *out);

/*
 * The header's words for the items overdue, given a count of each kind
 * in the order of rows_kinds: "5 contacts, 2 reviews, 1 letter overdue",
 * kinds with none left out; "nothing overdue" when none.
 */
void rows_overdue_words(const int *overdue, size_t n, char *buf,
    size_t size);

/* The same with the agreed actions late after them: "5 contacts, 1
 * letter, 3 actions overdue" (none: left out). */
void rows_late_words(const int *overdue, size_t n, int actions, char *buf,
    size_t size);

/* The same with the statutory visits overdue before the actions: "1
 * contact, 1 visit, 3 actions overdue" (none: left out). */
void rows_visits_late_words(const int *overdue, size_t n, int visits,
    int actions, char *buf, size_t size);

/*
 * "3 attempts since last seen" ("1 attempt ..."), or "" for none, into
 * buf.
 */
void rows_attempts_words(int attempts, char *buf, size_t size);

/* One young person in the due list. */
struct due_row {
	struct person		*person;	/* a copy with names only */
	enum stage		 stage;
	int			 age;
	struct rules_due	 contact;
	struct rules_due	 letter;
	struct rules_due	 review;
	struct rows_urgent	 urgent;	/* the most urgent of them */
	/* The statutory visit clock (visit.h), judged from the store's
	 * kept date by the lists that read it (views); DUE_NONE otherwise. */
	struct rules_due	 visit;
};

/* How the whole current caseload stands. */
struct due_counts {
	int		 stepped_up;
	int		 stepped_down;
	int		 overdue;	/* stepped up and overdue for contact */
	int		 due_soon;
	int		 archived;
	/* Items overdue of each kind of rows_kinds (overdue is the first). */
	int		 kind_overdue[ROWS_KINDS];
	/* Young people not archived whose most urgent item is overdue, or
	 * due soon: what the list's filters pick. */
	int		 people_overdue;
	int		 people_soon;
	/* Agreed actions open, and late, of young people not archived. */
	int		 actions_open;
	int		 actions_late;
	/* Statutory visits overdue, of young people not archived. */
	int		 visits_overdue;
};

struct due_list {
	struct due_row		*rows;
	size_t			 n;
	size_t			 size;
	struct due_counts	 counts;	/* on the whole caseload */
};

/*
 * Judge young person p on today for the due list: their stage, age, next
 * contact, letter and review.  row->person is set to person, which the
 * caller keeps (p itself, or a copy of it).
 */
void rows_judge(const struct person *p, const struct rules_settings *settings,
    date_t today, struct person *person, struct due_row *row);

/* Add a copy of row, with the person's names only, to the end of list. */
void due_list_append(struct due_list *list, const struct due_row *row);

/* Free n rows and the copies of the people in them (rows too). */
void due_rows_free(struct due_row *rows, size_t n);

/* Free what list holds and empty it; NULL is safe. */
void due_list_free(struct due_list *list);

/*
 * When something is due, in words, into buf: "overdue by 3 days", "due
 * today", "due in 5 days" ("" when nothing is due).  Every list and page
 * says it this way.
 */
void rows_due_words(const struct rules_due *due, date_t today, char *buf,
    size_t size);

/*
 * The state of a due row as in CSV: overdue, due-soon, ok, stepped-down
 * (or archived).  A static string.
 */
const char *rows_due_state(const struct due_row *row);

/* One item of the agenda, with who it is for. */
struct agenda_entry {
	long			 person_id;
	const char		*name;		/* full name (owned by the list) */
	const char		*display_name;	/* preferred name if set */
	char			 uuid[PERSON_UUID_SIZE];
	int			 flagged;	/* a current safety flag */
	struct agenda_item	 item;
	/* AGENDA_ACTION: the action (its text is for show, the page and a
	 * calendar with full names only), else NULL. */
	const struct action	*action;
};

struct agenda_list {
	struct agenda_entry	*entries;
	size_t			 n;
	size_t			 size;
	char			*names;		/* the entries' names, in one block */
	size_t			 names_used;
	size_t			 names_size;
	struct action		**actions;	/* the entries' actions */
	size_t			 nactions;
};

/* Free what list holds and empty it; NULL is safe. */
void agenda_list_free(struct agenda_list *list);

/* One stepped-down young person and their next annual letter. */
struct letter_row {
	struct person		*person;	/* a copy: names and address */
	int			 age;
	date_t			 stepped_down_on;
	struct rules_due	 letter;	/* DUE_NONE: they turn 25 first */
};

struct letter_list {
	struct letter_row	*rows;
	size_t			 n;
	size_t			 size;
	int			 stepped_down;	/* on the whole caseload */
	int			 overdue;	/* letters overdue */
	int			 due_soon;	/* letters due soon */
	int			 none;		/* no letter: they turn 25 first */
};

/* Free what list holds and empty it; NULL is safe. */
void letter_list_free(struct letter_list *list);

/*
 * 1 when a young person with this status and stage is still stepped up
 * at 25 or over: their leaving care entitlement has ended, so the lists
 * mark them (ROWS_PAST_MARK beside the name) for the worker to archive
 * them or step them down.
 */
int rows_past_entitlement(enum status status, enum stage stage);
#define ROWS_PAST_MARK	"[25+]"

#endif
