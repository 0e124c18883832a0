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
#include "rows.h"

/* How many days from today an export covers: by default, and at most. */
#define CALENDAR_DAYS		365
#define CALENDAR_DAYS_MAX	3660

/* Room for a UID: a UUID, the kind, an age and the domain. */
#define CALENDAR_UID_SIZE 80

/* How the calendar is written. */
struct calendar_options {
	int		 privacy;		/* enum conf_privacy */
	int		 contacts_as;		/* enum conf_contacts_as */
	int		 alarm_days_before;	/* 0 = on the day */
	const char	*date_format;		/* dates in the text */
	time_t		 stamp;			/* DTSTAMP: when made */
};

/*
 * Fill opts from the settings in cfg (which must outlive opts, for the
 * date format), stamped with the time now.
 */
void calendar_options_init(struct calendar_options *opts,
    const struct config *cfg, time_t now);

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
 * Free what libical keeps for the life of the program (its ring of
 * buffers and built-in time zones).  Call once, after the last export.
 */
void calendar_cleanup(void);

#endif
