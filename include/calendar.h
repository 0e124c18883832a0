/* SPDX-License-Identifier: MIT */
/*
 * calendar.h: the agenda as an iCalendar file (RFC 5545), built with
 * libical.
 *
 * Each agenda item becomes one component: an all-day VEVENT (or, for
 * contacts when asked, a VTODO with a DUE date), with a UID that depends
 * only on the young person's UUID and the kind of item, so that a client
 * importing a newer export updates its items instead of duplicating
 * them.  Summaries name a young person by initials and number unless
 * full names are asked for; notes, addresses and contact details are
 * never part of an agenda, so never exported.  No date is computed
 * here: each item is placed where the agenda (views.h) put it.
 */
#ifndef CASELOAD_CALENDAR_H
#define CASELOAD_CALENDAR_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "conf.h"
#include "date.h"
#include "rows.h"

/* How many days from today an export covers: by default, and at most. */
#define CALENDAR_DAYS		365
#define CALENDAR_DAYS_MAX	3660

/* Room for a UID: a UUID, the kind, an age and the domain. */
#define CALENDAR_UID_SIZE 80

/* Room for an item's hash: 16 hexadecimal digits. */
#define CALENDAR_HASH_SIZE 17

/* The calendar's name (X-WR-CALNAME and NAME) in a whole file. */
#define CALENDAR_NAME "caseload"

/*
 * What an item's SEQUENCE and LAST-MODIFIED are, given its UID and the
 * hash of its content (calendar_item_hash): the caller keeps them from
 * one export to the next and bumps the sequence when the hash changes.
 * *sequence comes in as 0 and *modified as the options' stamp.
 */
typedef void calendar_state_fn(const char *uid, const char *hash,
    int *sequence, time_t *modified, void *arg);

/* How the calendar is written. */
struct calendar_options {
	int		 privacy;		/* enum conf_privacy */
	int		 contacts_as;		/* enum conf_contacts_as */
	int		 alarm_days_before;	/* 0 = on the day */
	int		 alarm_time;		/* minutes after midnight */
	date_t		 today;			/* no alarm before it */
	const char	*date_format;		/* dates in the text */
	time_t		 stamp;			/* when made: a new item's
						 * LAST-MODIFIED */
	calendar_state_fn *state;		/* NULL: SEQUENCE 0, and
						 * LAST-MODIFIED the stamp */
	void		*state_arg;
};

/*
 * Fill opts from the settings in cfg (which must outlive opts, for the
 * date format), stamped with the time now.
 */
void calendar_options_init(struct calendar_options *opts,
    const struct config *cfg, date_t today, time_t now);

/*
 * The UID of an agenda item, such as
 * "5f0c...-contact@caseload" or "5f0c...-birthday-18@caseload", written
 * into out (CALENDAR_UID_SIZE bytes).
 */
void calendar_uid(const struct agenda_entry *e, char *out, size_t size);

/*
 * Write the agenda in list to f as one VCALENDAR, built and written one
 * component at a time so that memory stays small however long the list.
 * Sets *count (when not NULL) to the number of items written.  Returns
 * 0, or -1 with *cause when f could not be written.
 */
int calendar_write(FILE *f, const struct agenda_list *list,
    const struct calendar_options *opts, size_t *count, char **cause);

/*
 * The same, one item at a time, for an agenda too large to hold:
 * calendar_begin writes the calendar's opening lines to f, calendar_add
 * one item (0, or -1 when f could not be written), calendar_end the
 * closing line; it frees the writer, sets *count to the items written
 * and returns 0, or -1 with *cause when f could not be written.
 */
struct calendar_writer;
int calendar_begin(FILE *f, const struct calendar_options *opts,
    struct calendar_writer **out, char **cause);
int calendar_add(struct calendar_writer *w, const struct agenda_entry *e);

int calendar_end(struct calendar_writer *w, size_t *count, char **cause);

/*
 * One item alone, for a vdir or a CalDAV server: its UID, the hash of
 * its content (every property but DTSTAMP, LAST-MODIFIED and SEQUENCE,
 * and its alarm, in any order, so that the hash changes only when what
 * the worker sees does), its one-line SUMMARY and the whole VCALENDAR
 * that holds it (CRLF lines).
 */
struct calendar_item {
	char	 uid[CALENDAR_UID_SIZE];
	char	 hash[CALENDAR_HASH_SIZE];
	char	*summary;
	char	*text;
};

/*
 * Make e as an item alone into *out, with a writer from calendar_begin
 * (f may be NULL then: nothing is written to it).  Free out's insides
 * with calendar_item_free.
 */
void calendar_item_make(struct calendar_writer *w,
    const struct agenda_entry *e, struct calendar_item *out);
void calendar_item_free(struct calendar_item *item);

/*
 * The hash of the first event or to-do in text (an iCalendar object, as
 * a server gave it back), as calendar_item_make hashes an item: the same
 * whatever order its lines are in.  -1 when text holds none.
 */
int calendar_text_hash(const char *text, char *hash, size_t size);

/*
 * Free what libical keeps for the life of the program (its ring of
 * buffers and built-in time zones).  Call once, after the last export.
 */
void calendar_cleanup(void);

#endif
