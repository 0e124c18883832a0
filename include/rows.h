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

#include "date.h"
#include "person.h"
#include "rules.h"

/* One young person in the due list. */
struct due_row {
	struct person		*person;	/* a copy with names only */
	enum stage		 stage;
	int			 age;
	struct rules_due	 contact;
	struct rules_due	 letter;
	struct rules_due	 review;
};

/* How the whole current caseload stands. */
struct due_counts {
	int		 stepped_up;
	int		 stepped_down;
	int		 overdue;	/* stepped up and overdue for contact */
	int		 due_soon;
	int		 archived;
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
	struct agenda_item	 item;
};

struct agenda_list {
	struct agenda_entry	*entries;
	size_t			 n;
	size_t			 size;
	char			*names;		/* the entries' names, in one block */
	size_t			 names_used;
	size_t			 names_size;
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
