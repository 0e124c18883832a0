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

#endif
