/* SPDX-License-Identifier: MIT */
/*
 * visit.h: the statutory visit clock (SPEC section 2, "Statutory visits";
 * the Care Leavers (England) Regulations 2010, reg. 8(2)).
 *
 * While a young person lives in accommodation the local authority
 * provides, their worker visits them there within 7 days of it first
 * being provided, then at intervals of not more than two calendar months,
 * and before each pathway plan review when there has been no visit since
 * the last one.  The next visit due is the earliest of these; accommodation
 * the local authority does not provide has no visit clock.  Pure: the
 * caller gives the facts and today.
 */
#ifndef CASELOAD_VISIT_H
#define CASELOAD_VISIT_H

#include <stddef.h>

#include "date.h"
#include "rules.h"

/* Days after moving in by which the first visit is due. */
#define VISIT_FIRST_DAYS 7
/* Calendar months after a visit by which the next is due. */
#define VISIT_INTERVAL_MONTHS 2

/* One row of a young person's accommodation history. */
struct visit_spell {
	date_t	from;			/* the day they moved in */
	int	provided_by_la;		/* 1: the local authority provides it */
};

/* What the visit clock is worked out from. */
struct visit_facts {
	const struct visit_spell *spells;	/* the history, any order */
	size_t		 nspells;
	/* Days of successful visits (contacts by visit, not attempted, not
	 * struck out), any order; those before the current move-in are
	 * passed over. */
	const date_t	*visits;
	size_t		 nvisits;
	date_t		 review_due;	/* the next pathway plan review, or
					 * DATE_NONE (rules_review_due) */
	date_t		 last_review;	/* DATE_NONE: none yet */
};

/* Which duty the next visit is due by. */
enum visit_reason {
	VISIT_NONE,		/* no visit clock */
	VISIT_FIRST,		/* within 7 days of moving in */
	VISIT_INTERVAL,		/* two months after the last visit there */
	VISIT_REVIEW		/* before the pathway plan review */
};

/*
 * The young person's accommodation now: the spell with the latest from
 * date on or before today (of two on the same day, the later in the
 * array).  NULL when there is none.
 */
const struct visit_spell *visit_current_spell(const struct visit_facts *facts,
    date_t today);

/*
 * The last successful visit at the current accommodation: the latest of
 * the visits on or after its move-in day and not after today.  DATE_NONE
 * when there is none (or no accommodation).
 */
date_t visit_last(const struct visit_facts *facts, date_t today);

/*
 * The next statutory visit, judged on today as the contact clock judges
 * (rules_judge_due: overdue, due soon, ok; with working days, moved to
 * the working day before, rules_due_day).  It is the earliest of: the
 * move-in day + VISIT_FIRST_DAYS when there has been no visit there yet;
 * VISIT_INTERVAL_MONTHS calendar months after the last visit there
 * (clamped: from 31 December, 28 or 29 February); the review due date
 * when no visit there has happened on or after the last review's day (or
 * at all, with no review yet) and the review is not due before the
 * move-in day.  A visit on the move-in day counts.
 * DUE_NONE when the current accommodation is not provided by the local
 * authority, or there is none.  *reason (may be NULL) says which duty
 * set the date (on the same day, the first in enum visit_reason's
 * order).
 */
struct rules_due visit_due(const struct visit_facts *facts,
    const struct rules_settings *settings, date_t today,
    enum visit_reason *reason);

/*
 * How the clock was kept from `from` to today, for the figures: *due is
 * raised by each visit that fell due on a day from `from` to today (not
 * counting one due after they had moved on), *on_time by each of those
 * made by its day.  Reviews are not replayed (the facts' review dates are
 * today's): pass them as DATE_NONE to count the 7-day and two-monthly
 * duties alone.  A duty missed starts again at the next visit or move.
 */
void visit_on_time(const struct visit_facts *facts,
    const struct rules_settings *settings, date_t from, date_t today,
    int *due, int *on_time);

/*
 * The reason in words: "first visit", "two-monthly visit", "visit before
 * the review" ("" for none).  A static string.
 */
const char *visit_reason_words(enum visit_reason reason);

#endif
