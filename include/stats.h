/* SPDX-License-Identifier: MIT */
/*
 * stats.h: figures for supervision, from the caseload and its logs.
 *
 * Pure: the caller hands in each young person's facts, each contact and
 * each letter sent, one at a time or as arrays, and today; the figures
 * follow from the rules (rules.h), so that they agree with the due list.
 * Nothing is kept but counts, so any number of rows can be streamed in.
 */
#ifndef CASELOAD_STATS_H
#define CASELOAD_STATS_H

#include <stddef.h>

#include "date.h"
#include "person.h"
#include "rules.h"

#define STATS_STAGES 5		/* enum stage: under 16 ... 25+ */

/* A contact as the figures see it. */
struct stats_contact {
	date_t		on;
	enum contact_by	by;
	int		attempted;
	int		struck;
};

struct stats {
	date_t	today;
	int	cap;
	int	stepped_up;
	int	stepped_down;
	int	over_cap;		/* stepped up beyond the cap; 0 if not */
	int	up_by_stage[STATS_STAGES];
	int	down_by_stage[STATS_STAGES];
	int	within_interval;	/* stepped up and not overdue for contact */
	int	overdue;		/* stepped up and overdue for contact */
	int	reviews_overdue;	/* stepped up, pathway plan review overdue */
	int	weeks;			/* the window for recent contacts ... */
	date_t	since;			/* ... from this day to today */
	int	contacts;		/* successful ones in the window */
	int	contacts_by_young_person;
	int	attempted;		/* attempted ones in the window */
	int	year;			/* today's calendar year */
	date_t	year_start;		/* 1 January of it */
	int	letters;		/* annual letters sent this year */
	int	flagged;		/* not archived, with a current safety
					 * flag (the caller counts them) */
	int	actions_open;		/* agreed actions open, not archived */
	int	actions_late;		/* of those, due before today (the
					 * caller counts both) */
	/* Statutory visits (the caller counts them, visit_on_time): due
	 * in the last 12 months, made by their day, and overdue now. */
	int	visits_due;
	int	visits_on_time;
	int	visits_overdue;
	int	returns_year;		/* the reporting year today is in */
	int	returns_due;		/* young people with a 17th to 21st
					 * birthday in it (the caller counts
					 * these three) */
	int	returns_recorded;	/* of those, with a return recorded */
	int	returns_overdue;	/* of those, overdue */
};

/*
 * Start the figures on today: the recent contacts are those of the last
 * settings->interval_weeks weeks (8 by default: the 56 days that end
 * today), the letters those of today's calendar year.
 */
void stats_init(struct stats *s, const struct rules_settings *settings,
    date_t today);

/*
 * Count one young person (archived people are not on the caseload and
 * are not counted).  Their facts must be summarised as the store keeps
 * them (last contact, status since ...).
 */
void stats_add_person(struct stats *s, const struct person_facts *facts,
    const struct rules_settings *settings);

/* Count one contact: contacts struck out and outside the window are not. */
void stats_add_contact(struct stats *s, const struct stats_contact *c);

/* Count one annual letter sent on a date (only this year's count). */
void stats_add_letter(struct stats *s, date_t sent_on);

/*
 * Everything at once: the figures of n_people young people, n_contacts
 * contacts and n_letters letters sent, on today, into *out.
 */
void stats_compute(const struct person_facts *people, size_t n_people,
    const struct stats_contact *contacts, size_t n_contacts,
    const date_t *letters, size_t n_letters,
    const struct rules_settings *settings, date_t today, struct stats *out);

/*
 * part as a whole percentage of whole, rounded half up; -1 when whole is
 * 0 (no share to speak of).
 */
int stats_percent(int part, int whole);

/* Called by stats_lines with each line of the figures, without '\n'. */
typedef void (*stats_line_cb)(const char *line, void *arg);

/*
 * The figures in words, a line at a time, as both faces show them:
 * dates in date_format ([display] date_format).  Lines are at most 80
 * columns; an empty line separates the parts.
 */
void stats_lines(const struct stats *s, const char *date_format,
    stats_line_cb cb, void *arg);

#endif
