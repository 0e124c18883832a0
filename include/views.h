/* SPDX-License-Identifier: MIT */
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
#include "returns.h"
#include "rows.h"
#include "rules.h"
#include "stats.h"
#include "store.h"

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

/*
 * The counts of the whole caseload, from the indexes alone: by status;
 * the items overdue of each kind of rows_kinds and the contacts due soon
 * as SQL counts of the kept dates between the bounds the rules give
 * (rules_due_bounds); and the young people whose most urgent item is
 * overdue or due soon, from the kept most urgent dates.
 */
int views_due_counts(struct store *st, const struct rules_settings *settings,
    date_t today, struct due_counts *out, char **cause);

/*
 * Young person id's row as the due list judges it, into *out, whose
 * person is a copy with names only that the caller frees.  Returns 0, 1
 * when there is no such person (out->person is NULL), or -1.
 */
int views_due_get(struct store *st, const struct rules_settings *settings,
    date_t today, long id, struct due_row *out, char **cause);

/*
 * The caseload list of the screens, a window at a time: everyone that a
 * filter and a search pick, most urgent first whatever the kind of item
 * and the status (store_due_page's order), read a page at a time from
 * the index,
 * so that a screen holds only the rows it shows and never reads the
 * whole caseload to move about it.
 *
 * A search matches a young person whose name or preferred name holds
 * it, ignoring case (text_contains), or, when it is digits (after an
 * optional '#'), whose number starts with them.  NULL or "": no search.
 */
enum views_filter {
	VIEWS_EVERYONE,		/* everyone not archived */
	VIEWS_OVERDUE,		/* not archived, most urgent item overdue */
	VIEWS_SOON,		/* not archived, most urgent item due soon */
	VIEWS_UP,		/* stepped up */
	VIEWS_DOWN,		/* stepped down */
	VIEWS_ARCHIVED		/* archived */
};
#define VIEWS_FILTER_COUNT 6
/*
 * A filter beyond those: everyone not archived who lives now in
 * accommodation of type T (enum accommodation_type) is the filter
 * VIEWS_LIVING + T, as 'caseload list --accommodation T' lists them.
 */
#define VIEWS_LIVING 100

/* Some rows of the due list, in its order, each with its place. */
struct due_window {
	struct due_row		*rows;		/* people: copies, names only */
	struct store_due_key	*keys;
	size_t			 n;
	size_t			 size;
};

void due_window_free(struct due_window *w);

/* Keep only rows [start, start + n) of w (as many as it has). */
void due_window_keep(struct due_window *w, size_t start, size_t n);

/* Move every row of from to the end of to, leaving from empty. */
void due_window_join(struct due_window *to, struct due_window *from);

/* Compare two places in the due list's order; <0, 0 or >0 like strcmp. */
int views_key_compare(const struct store_due_key *a,
    const struct store_due_key *b);

/* How many rows a filter picks with no search, from the counts. */
long views_filter_count(const struct due_counts *counts,
    enum views_filter filter);

/* How many rows a filter and a search pick, into *n. */
int views_window_count(struct store *st, const struct rules_settings *settings,
    date_t today, enum views_filter filter, const char *search, long *n,
    char **cause);

/*
 * Read at most limit rows that filter and search pick into *out (made
 * afresh; free with due_window_free), in the list's order: those after
 * key (dir STORE_AFTER; key NULL: the first), key's row and those after
 * it (STORE_FROM), or the limit rows just before key (STORE_BEFORE; key
 * NULL: the last).
 */
int views_window_page(struct store *st, const struct rules_settings *settings,
    date_t today, enum views_filter filter, const char *search,
    const struct store_due_key *key, int dir, size_t limit,
    struct due_window *out, char **cause);

/*
 * Young person id's row into *out (made afresh), when filter and search
 * pick them; out->n is 0 when they do not.
 */
int views_window_row(struct store *st, const struct rules_settings *settings,
    date_t today, enum views_filter filter, const char *search, long id,
    struct due_window *out, char **cause);

/*
 * Every row that filter and search pick, in order, one at a time
 * without holding them (as views_due_each): for printing the list.
 */
int views_window_each(struct store *st, const struct rules_settings *settings,
    date_t today, enum views_filter filter, const char *search,
    views_due_cb cb, void *arg, char **cause);

/*
 * Build the agenda from today to until (inclusive) for everyone who is
 * not archived, by date, then kind, then number.  Overdue contacts,
 * letters and reviews are placed on today.  Free with agenda_list_free.
 */
int views_agenda(struct store *st, const struct rules_settings *settings,
    date_t today, date_t until, struct agenda_list *out, char **cause);


/*
 * The same items as views_agenda, young person by young person (in the
 * due list's order, not by date), without holding them: cb gets each
 * entry, valid only during the call; a non-zero return stops.  For
 * writing a calendar of any size.
 */
typedef int (*views_agenda_cb)(const struct agenda_entry *e, void *arg);
int views_agenda_each(struct store *st, const struct rules_settings *settings,
    date_t today, date_t until, views_agenda_cb cb, void *arg, char **cause);

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

/*
 * The supervision figures of the whole caseload on today (stats.h): each
 * young person not archived, the contacts of the recent weeks and the
 * letters of the year, streamed from the store into *out.
 */
int views_stats(struct store *st, const struct rules_settings *settings,
    date_t today, struct stats *out, char **cause);

/* ------------------------------------------------------ birthday returns */

/* One young person's birthday in a reporting year, with its return. */
struct returns_row {
	const struct person		*person;
	struct returns_window		 window;	/* that birthday's */
	const struct returns_record	*rec;		/* NULL: none stands */
	const char			*accommodation;	/* type on the birthday;
							 * NULL: not known */
	int				 suitable;	/* 1, 0; -1 not known */
	int				 overdue;	/* closed, not recorded,
						 * allocated by then */
};

typedef int (*views_returns_cb)(const struct returns_row *row, void *arg);

/*
 * Visit, by number, each young person with a 17th to 21st birthday in
 * reporting year `year` (returns_year_of): everyone not archived, and
 * those archived on or after their birthday.  Each row lives until cb
 * returns.  0, or -1 with *cause.
 */
int views_returns_year(struct store *st, const struct rules_settings *settings,
    int year, date_t today, views_returns_cb cb, void *arg, char **cause);

/*
 * Young person p's birthday return items of the agenda from today to
 * until (returns_agenda, with whether the latest window's return is
 * recorded read from st) into out[0..RETURNS_AGENDA_MAX), and how many
 * into *n.  0, or -1 with *cause.
 */
int views_return_agenda(struct store *st, const struct person *p,
    const struct rules_settings *settings, date_t today, date_t until,
    struct agenda_item *out, size_t *n, char **cause);

/*
 * The birthday return window to show on young person p's page: the
 * latest to have opened, while open or, closed, when its return is
 * overdue (returns_overdue_for).  1 with *w and *recorded (whether a
 * return stands for it) set, 0 when there is none to show (archived,
 * too young, or past), or -1 with *cause.
 */
int views_return_window(struct store *st, const struct person *p,
    const struct rules_settings *settings, date_t today,
    struct returns_window *w, int *recorded, char **cause);

/*
 * Young person person_id's accommodation on day: *type (NULL when not
 * known; the caller frees it) and *suitable (1, 0, or -1 when not known).
 * The one place the returns read accommodation from; until the
 * accommodation history is kept it knows nothing.  0, or -1 with *cause.
 */
int views_return_accommodation(struct store *st, long person_id, date_t day,
    char **type, int *suitable, char **cause);

#endif
