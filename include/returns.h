/* SPDX-License-Identifier: MIT */
/*
 * returns.h: the birthday return (SPEC section 2, "Birthday return"):
 * when each young person's situation is to be recorded around their 17th
 * to 21st birthdays for the annual children looked after return, and the
 * reporting year (1 April to 31 March) a birthday falls in.
 *
 * A window opens [return] months_before months before the birthday and
 * closes months_after months after it (month arithmetic clamps, as for
 * letters; someone born on 29 February has their birthday on 1 March in
 * other years); a return not recorded when its window closes is overdue.
 * Pure: the caller gives the date of birth, what was recorded and today.
 */
#ifndef CASELOAD_RETURNS_H
#define CASELOAD_RETURNS_H

#include <stddef.h>

#include "choice.h"
#include "date.h"
#include "rules.h"

/* The birthdays a return is made for. */
#define RETURNS_AGE_FIRST 17
#define RETURNS_AGE_LAST 21

/* Room for a reporting year's name, "2026-27", and its NUL. */
#define RETURNS_YEAR_SIZE 8

/* The window of one birthday's return. */
struct returns_window {
	int	age;		/* 17 to 21 */
	date_t	birthday;	/* DATE_NONE: the date of birth is unknown */
	date_t	opens;		/* the first day a return can be recorded */
	date_t	closes;		/* the last day before it is overdue */
};

/*
 * The window for the birthday of age (RETURNS_AGE_FIRST to
 * RETURNS_AGE_LAST) of someone born on dob, with settings'
 * return_months_before and return_months_after, into *out (every date
 * DATE_NONE when dob is).
 */
void returns_window(date_t dob, int age, const struct rules_settings *settings,
    struct returns_window *out);

/*
 * The window open on day (from its opening to its closing day, both
 * included) of the birthdays 17 to 21: 1 and *out set, or 0 when none
 * is.  Windows never overlap with the settings' ranges (conf.c).
 */
int returns_window_on(date_t dob, const struct rules_settings *settings,
    date_t day, struct returns_window *out);

/*
 * A window's return as something due, judged on today as the contact
 * clock judges (rules_judge_due): due on the closing day, so overdue the
 * day after it closes with nothing recorded.  DUE_NONE when recorded (1)
 * or the date of birth is unknown.  The closing day is not moved to a
 * working day.
 */
struct rules_due returns_due(const struct returns_window *window,
    int recorded, const struct rules_settings *settings, date_t today);

/* 1 when a return not recorded is overdue on today: its window closed. */
int returns_overdue(const struct returns_window *window, int recorded,
    date_t today);

/*
 * The reporting year a day falls in, by the year of the 1 April it
 * starts on: 2026 for 1 April 2026 to 31 March 2027.
 */
int returns_year_of(date_t day);

/* The first (1 April) and last (31 March) days of a reporting year. */
void returns_year_bounds(int year, date_t *first, date_t *last);

/* The reporting year's name, "2026-27", into buf (RETURNS_YEAR_SIZE). */
void returns_year_name(int year, char *buf, size_t size);

/*
 * Read a reporting year's name as typed (--year): YYYY-YY, the second
 * the two last digits of the year after the first ("2026-27"; "2026-28"
 * is an error).  0 and *year set (2026), or -1 with *cause saying what
 * to write instead.
 */
int returns_year_parse(const char *text, int *year, char **cause);

/* ------------------------------------------------ what was recorded */

/* Whether the service is in touch, as the return asks. */
enum returns_touch {
	TOUCH_YES,
	TOUCH_NO,
	TOUCH_REFUSED,
	TOUCH_NOT_REQUIRED,
	TOUCH_RETURNED_HOME,
	TOUCH_DIED
};
#define TOUCH_COUNT 6

/* Their main activity, as the return asks. */
enum returns_activity {
	ACTIVITY_NONE,		/* not given (only when not in touch) */
	ACTIVITY_HIGHER_EDUCATION,
	ACTIVITY_OTHER_EDUCATION,
	ACTIVITY_TRAINING,
	ACTIVITY_EMPLOYMENT,
	ACTIVITY_NEET_ILLNESS,
	ACTIVITY_NEET_PARENTING,
	ACTIVITY_NEET_OTHER
};
#define ACTIVITY_COUNT 8

/* One birthday return as recorded: struck out once, never deleted. */
struct returns_record {
	long			 id;
	long			 person_id;
	int			 number;	/* the young person's own:
						 * B1, B2... */
	int			 age;		/* the birthday: 17 to 21 */
	enum returns_touch	 touch;
	enum returns_activity	 activity;
	int			 part_time;	/* 1: part-time */
	date_t			 on;		/* the day recorded */
	date_t			 struck_on;	/* DATE_NONE unless struck */
	const char		*struck_reason;	/* NULL when none */
};

/* The table of in-touch answers: names ("not-required") and labels
 * ("not required"). */
const struct choice *returns_touch_choice(void);

/* The table of main activities (ACTIVITY_NONE cannot be typed). */
const struct choice *returns_activity_choice(void);

/* An answer's name as kept and typed, and its label as read. */
const char *returns_touch_name(enum returns_touch touch);
const char *returns_touch_label(enum returns_touch touch);
const char *returns_activity_name(enum returns_activity activity);
const char *returns_activity_label(enum returns_activity activity);

/*
 * The next window to open after day (its opening day later than day),
 * into *out: 1, or 0 when none does (past the 21st birthday's, or the
 * date of birth unknown).
 */
int returns_window_next(date_t dob, const struct rules_settings *settings,
    date_t day, struct returns_window *out);

/*
 * Check the answers of a return (not the window, which the caller finds
 * with returns_window_on): an activity is given when in touch (TOUCH_YES),
 * none when they have died, and part-time only with an activity.  0, or
 * -1 with *cause saying which option to give.
 */
int returns_record_check(const struct returns_record *rec, char **cause);

/*
 * The window of the latest birthday whose window has opened by today
 * (open now, or closed since): 1 and *out set, or 0 when none has opened
 * (or the date of birth is unknown).  A return missing from it is the
 * one the agenda calls overdue once it closes.
 */
int returns_window_latest(date_t dob, const struct rules_settings *settings,
    date_t today, struct returns_window *out);

/*
 * 1 when a return for window w can still be recorded on day: from the
 * window opening to the day before a year after the birthday, when the
 * year's return has gone in (late once the window has closed).
 */
int returns_in_reach(const struct returns_window *w, date_t day);

/* Which window a return recorded on a day is for (returns_window_for). */
enum returns_for {
	RETURNS_FOR_NONE,	/* none opened, or a year has passed */
	RETURNS_FOR_OPEN,	/* the window open on the day */
	RETURNS_FOR_LATE	/* the latest, closed by the day: late */
};

/*
 * The window a return recorded on day is for, into *out: the one open on
 * day, else the latest to have closed by day if day is less than a year
 * after its birthday (its return, if missing, is recorded late rather
 * than never; by then the year's return has gone in, as
 * returns_overdue_for says), else none (no window has opened by day, a
 * year has passed, or the date of birth is unknown: *out untouched).
 */
enum returns_for returns_window_for(date_t dob,
    const struct rules_settings *settings, date_t day,
    struct returns_window *out);

/*
 * Whether a young person allocated on allocated_on is to be told their
 * return for window w is overdue on today: not recorded, closed before
 * today but less than a year after the birthday (by then the year's
 * return has gone in: 'caseload returns' still lists it as missing), and
 * still open on or after the day they were allocated.
 */
int returns_overdue_for(const struct returns_window *w, int recorded,
    date_t allocated_on, date_t today);

/* The ordinal suffix of n: "st", "nd", "rd" or "th" (17th, 21st). */
const char *returns_th(int n);

/*
 * What rec says, into buf: "in touch: yes; employment, part-time" or
 * "in touch: no".
 */
void returns_record_describe(const struct returns_record *rec, char *buf,
    size_t size);

/* The most items returns_agenda gives. */
#define RETURNS_AGENDA_MAX 2

/*
 * The birthday return's items of someone's agenda from today to until:
 * the latest window's return overdue (returns_overdue_for; on today,
 * due on its closing day) unless latest_recorded, and the next window
 * opening (on its opening day) when it opens by until (not one opening
 * today whose return, the latest, is recorded).  Nothing for
 * someone archived.  Fills out[0..RETURNS_AGENDA_MAX) (kind
 * AGENDA_RETURN, age the birthday's) and returns how many.
 */
size_t returns_agenda(const struct person_facts *facts,
    const struct rules_settings *settings, int latest_recorded, date_t today,
    date_t until, struct agenda_item *out);

/* A copy in one allocation: the caller frees it with free(). */
struct returns_record *returns_record_copy(const struct returns_record *rec);

#endif
