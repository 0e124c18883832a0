/*
 * views.h: the lists a worker reads, judged by the rules.
 *
 * The due list, the agenda and the letters due are what both the command
 * line and the full-screen interface show.  They are built here, once,
 * from the store and the core's rules, so that every face of caseload
 * gives one answer.
 */
#ifndef CASELOAD_VIEWS_H
#define CASELOAD_VIEWS_H

#include <stddef.h>

#include "date.h"
#include "person.h"
#include "rules.h"
#include "store.h"

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
};

struct due_list {
	struct due_row		*rows;
	size_t			 n;
	size_t			 size;
	struct due_counts	 counts;	/* on the whole caseload */
};

/*
 * Build the due list of the young people in which (STORE_UP ...):
 * stepped up first, most overdue first, then everyone else by number.
 * With within >= 0, keep only the stepped-up young people whose next
 * contact is due within that many days of today (overdue included).
 * The counts always cover the whole caseload.  Free with due_list_free.
 */
int views_due(struct store *st, const struct rules_settings *settings,
    date_t today, unsigned which, int within, struct due_list *out,
    char **cause);

void due_list_free(struct due_list *list);

/*
 * The same rows as views_due, in the same order, one at a time without
 * holding them: cb gets each row, whose person is valid only during the
 * call; a non-zero return stops.  The order and the within filter come
 * from the index of kept next contact dates; each row is judged by the
 * rules, which have the last word.
 */
typedef int (*views_due_cb)(const struct due_row *row, void *arg);
int views_due_each(struct store *st, const struct rules_settings *settings,
    date_t today, unsigned which, int within, views_due_cb cb, void *arg,
    char **cause);

/* The counts of the whole current caseload, from the index alone. */
int views_due_counts(struct store *st, const struct rules_settings *settings,
    date_t today, struct due_counts *out, char **cause);

/*
 * Bring young person id's row of a list up to date after a change to
 * them, reading only that person: their row is replaced, added or taken
 * out, kept in order, and the counts follow.  The list must have been
 * built by views_due with the same which, holding at least the whole
 * current caseload (STORE_CURRENT), and within = -1.
 */
int views_due_update(struct store *st, const struct rules_settings *settings,
    date_t today, unsigned which, struct due_list *list, long id,
    char **cause);

/*
 * When something is due, in words, into buf: "overdue by 3 days", "due
 * today", "due in 5 days" ("" when nothing is due).  Every list and page
 * says it this way.
 */
void views_due_words(const struct rules_due *due, date_t today, char *buf,
    size_t size);

/* The state of a due row as in CSV: overdue, due-soon, ok, stepped-down. */
const char *views_due_state(const struct due_row *row);

/* One item of the agenda, with who it is for. */
struct agenda_entry {
	long			 person_id;
	char			*name;		/* full name */
	char			*display_name;	/* preferred name if set */
	char			 uuid[PERSON_UUID_SIZE];
	struct agenda_item	 item;
};

struct agenda_list {
	struct agenda_entry	*entries;
	size_t			 n;
	size_t			 size;
};

/*
 * Build the agenda from today to until (inclusive) for everyone who is
 * not archived, by date, then kind, then number.  Overdue contacts,
 * letters and reviews are placed on today.  Free with agenda_list_free.
 */
int views_agenda(struct store *st, const struct rules_settings *settings,
    date_t today, date_t until, struct agenda_list *out, char **cause);

/*
 * The same agenda built from a due list already in memory (its rows keep
 * everyone's facts), without reading the database: for a screen that
 * holds the due list.  Free with agenda_list_free.
 */
void views_agenda_due(const struct due_list *due,
    const struct rules_settings *settings, date_t today, date_t until,
    struct agenda_list *out);

void agenda_list_free(struct agenda_list *list);

/*
 * The same items as views_agenda, young person by young person (in the
 * due list's order, not by date), without holding them: cb gets each
 * entry, valid only during the call; a non-zero return stops.  For
 * writing a calendar of any size.
 */
typedef int (*views_agenda_cb)(const struct agenda_entry *e, void *arg);
int views_agenda_each(struct store *st, const struct rules_settings *settings,
    date_t today, date_t until, views_agenda_cb cb, void *arg, char **cause);

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

/*
 * Build the list of annual letters: every stepped-down young person with
 * their next letter (rules_letter_due), earliest first (most overdue
 * first), then those who turn 25 before another letter would fall due,
 * each by number.  With within >= 0, keep only the letters due within
 * that many days of today (overdue included).  The counts always cover
 * every stepped-down young person.  Rows keep names and the address (for
 * letters), not phone or email.  Free with letter_list_free.
 */
int views_letters(struct store *st, const struct rules_settings *settings,
    date_t today, int within, struct letter_list *out, char **cause);

void letter_list_free(struct letter_list *list);

#endif
