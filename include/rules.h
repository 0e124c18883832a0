/* SPDX-License-Identifier: MIT */
/*
 * rules.h: the domain rules of a leaving care caseload.
 *
 * Everything that decides *when* lives here, once: stage by age, the
 * 8-weekly contact, annual letters after stepping down, pathway plan
 * reviews, the 18th, 21st and 25th birthdays and the caseload cap.  Every
 * function takes today's date as a parameter and does no I/O, so the
 * command line, the screens and the calendar export all give one answer.
 */
#ifndef CASELOAD_RULES_H
#define CASELOAD_RULES_H

#include <stddef.h>

#include "date.h"
#include "person.h"

/* The settings the rules depend on (from [contact], [letters] ...). */
struct rules_settings {
	int	interval_weeks;		/* contact every N weeks; default 8 */
	int	due_soon_days;		/* "due soon" window; default 14 */
	int	first_contact_days;	/* first contact after the start; 7 */
	int	letter_months;		/* annual letter interval; default 12 */
	int	review_months;		/* pathway plan review; default 6 */
	int	cap;			/* agreed caseload size; default 22 */
	int	return_months_before;	/* a birthday return's window opens
					 * this many months before; 3 */
	int	return_months_after;	/* and closes this many after; 1 */
	int	working_days;		/* 1: a due date on a weekend or bank
					 * holiday moves to the working day
					 * before (rules_due_day); default 0 */
	const date_t *holidays;		/* more days off than the bank
					 * holidays ([calendar]
					 * extra_holidays; the settings own
					 * them), nholidays of them */
	size_t	nholidays;
};

/*
 * Fill in the defaults of the settings the rules read: 8 weeks between
 * contacts, due soon within 14 days, the first contact within 7 days of
 * the start, a letter every 12 months, a review
 * every 6 months, a cap of 22, a birthday return's window from 3 months
 * before to 1 month after, due dates left where they fall (no working
 * days, no extra holidays): the same defaults as the settings table in
 * conf.c and caseload.ini(5) give.
 */
void rules_settings_default(struct rules_settings *settings);

enum stage {
	STAGE_UNDER_16,		/* not yet eligible */
	STAGE_16_18,		/* 16-17: with a social worker */
	STAGE_18_21,		/* 18-20: full leaving care service */
	STAGE_21_25,		/* 21-24: advice and guidance */
	STAGE_25_PLUS		/* entitlement has ended */
};

/*
 * The stage by age on today (STAGE_UNDER_16 for an unknown date of birth,
 * DATE_NONE, as for anyone whose eligibility is still to be confirmed).
 */
enum stage rules_stage(date_t dob, date_t today);

/* The stage as shown: "under 16", "16-18", "18-21", "21-25", "25+". */
const char *rules_stage_label(enum stage stage);

/* How urgent something is. */
enum due_state {
	DUE_OVERDUE,		/* due before today */
	DUE_SOON,		/* due today or within due_soon_days */
	DUE_OK,			/* due later */
	DUE_NONE		/* nothing due: stepped down, archived, after 25 */
};

/* "overdue", "due-soon", "ok" (and "none"), as in CSV and JSON. */
const char *rules_due_state_name(enum due_state state);

/* When something is due and how urgent it is on today. */
struct rules_due {
	date_t		due;		/* DATE_NONE when nothing is due */
	enum due_state	state;
	int		days_overdue;	/* 0 unless overdue */
};

/*
 * How urgent something due on a date is, seen on today: overdue before
 * today, due soon within due_soon_days, ok later (DUE_NONE for
 * DATE_NONE).  Every rules_*_due function judges with this.
 */
struct rules_due rules_judge_due(date_t due,
    const struct rules_settings *settings, date_t today);

/*
 * The day something worked out to fall due on date is due: with working
 * days on, the last working day on or before it (a Saturday, Sunday or
 * bank holiday in England and Wales, or an extra holiday, moves to the
 * working day before, again and again: see holiday.h); otherwise date
 * itself.  DATE_NONE for DATE_NONE.  Every rules_*_due function gives
 * its date moved so; the store keeps the dates as worked out, unmoved.
 */
date_t rules_due_day(const struct rules_settings *settings, date_t date);

/*
 * The first date that rules_due_day moves to day or later (the first
 * working day on or after day with working days on; day otherwise): a
 * date worked out is due before day exactly when it is before this one.
 * DATE_NONE for DATE_NONE.
 */
date_t rules_due_from(const struct rules_settings *settings, date_t day);

/*
 * The dates where the states change on today, for the dates as worked
 * out before rules_due_day moves them (as the store keeps them), so that
 * a list can pick rows by date (in SQL, from an index) and agree with
 * the rules: something worked out to fall due before *soon_from is
 * overdue; from *soon_from to the day before *ok_from, due soon; from
 * *ok_from on, ok.  Without working days these are where
 * rules_judge_due's states change.
 */
void rules_due_bounds(const struct rules_settings *settings, date_t today,
    date_t *soon_from, date_t *ok_from);

/* A contact as the rules see it. */
struct rules_contact {
	date_t	on;
	int	attempted;
	int	struck;
};

/*
 * The date of the last successful contact in a log of n contacts, in any
 * order: attempted contacts and contacts struck out do not count.
 * DATE_NONE when there is none.
 */
date_t rules_last_contact(const struct rules_contact *log, size_t n);

/*
 * The attempted contacts (not struck out) in a log of n, in any order,
 * since the later of the last successful contact (after its day) and the
 * start (from its day): repeated failed attempts are a safeguarding
 * signal.  0 when not stepped up.
 */
int rules_attempts(const struct person_facts *facts,
    const struct rules_contact *log, size_t n);

/* The contact interval for this person in days (own or default). */
int rules_interval_days(const struct person_facts *facts,
    const struct rules_settings *settings);

/*
 * A stepped-up young person's *start*, where their clocks start: the
 * later of their allocation date and their latest step-up (status_since,
 * which for someone never stepped down is the allocation itself, and for
 * someone who came back is the day they stepped up).  DATE_NONE when not
 * stepped up.
 */
date_t rules_start(const struct person_facts *facts);

/*
 * The next contact on the contact clock: the later of interval days after
 * the last successful contact and first_contact_days after the start
 * (only the second with no successful contact yet), so that someone
 * allocated today, or back after a year away, is due a week on, and a
 * contact on the day they stepped up counts.  Only for a stepped-up young
 * person; DUE_NONE otherwise.
 */
struct rules_due rules_contact_due(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today);

/*
 * The next annual contact letter of a stepped-down young person: letter
 * months after the step-down date, or after the last letter sent since
 * then.  DUE_NONE when not stepped down or when that date would be on or
 * after their 25th birthday.
 */
struct rules_due rules_letter_due(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today);

/*
 * The next pathway plan review of a stepped-up young person: review
 * months after the later of their last review and their start (a review
 * before they stepped back up does not count).  DUE_NONE when not
 * stepped up.
 */
struct rules_due rules_review_due(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today);

/* 1 when more young people are stepped up than the agreed cap. */
int rules_over_cap(int stepped_up, const struct rules_settings *settings);

/*
 * Order two young people for the due list: stepped up before anyone
 * else, earliest next contact (most overdue) first, then by number.
 * Returns <0, 0 or >0 like strcmp.
 */
int rules_due_order(const struct rules_due *a_due, enum status a_status,
    long a_id, const struct rules_due *b_due, enum status b_status, long b_id);

/* The birthdays that change what the service offers. */
#define RULES_MILESTONE_COUNT 3
extern const int rules_milestone_ages[RULES_MILESTONE_COUNT];	/* 18 21 25 */

/* What each milestone means, such as "social worker support ends". */
const char *rules_milestone_meaning(int age);

/* The milestone's name: "18th birthday", "21st birthday", "25th birthday". */
const char *rules_milestone_label(int age);

/* Kinds of item in the agenda and the calendar. */
enum agenda_kind {
	AGENDA_CONTACT,		/* the next contact on the contact clock */
	AGENDA_LETTER,		/* the next annual letter */
	AGENDA_REVIEW,		/* the next pathway plan review */
	AGENDA_BIRTHDAY,	/* 18th, 21st or 25th birthday */
	AGENDA_ACTION,		/* an open agreed action (action.h) */
	AGENDA_VISIT,		/* the next statutory visit (visit.h) */
	AGENDA_RETURN		/* a birthday return (returns.h): its
				 * window opening, or overdue */
};

/* The kind's name as in files and calendar UIDs: "contact", "letter" ... */
const char *rules_agenda_kind_name(enum agenda_kind kind);

/* One dated item of someone's agenda. */
struct agenda_item {
	enum agenda_kind	kind;
	date_t			on;		/* when it is shown: today if overdue */
	struct rules_due	due;		/* the real due date and state */
	int			age;		/* for birthdays: 18, 21 or 25;
						 * returns: 17 to 21 */
};

#define RULES_AGENDA_MAX (3 + RULES_MILESTONE_COUNT)

/*
 * What an item is, in words: "contact", "annual letter", "pathway plan
 * review" or the milestone ("18th birthday"); with due 1, as the lists
 * say it: "contact due" ... (a milestone is not due).  A static string.
 */
const char *rules_agenda_label(const struct agenda_item *item, int due);

/*
 * Everything on one young person's agenda from today to until (inclusive):
 * the next contact, letter and review (overdue ones placed on today) and
 * the milestones.  Archived people have none.  Writes at most
 * RULES_AGENDA_MAX items into out and returns how many.
 */
size_t rules_agenda(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today, date_t until,
    struct agenda_item *out);

#endif
