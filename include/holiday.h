/* SPDX-License-Identifier: MIT */
/*
 * holiday.h: bank holidays in England and Wales, and working days.
 *
 * The bank holidays follow from fixed rules (New Year's Day, Good Friday
 * and Easter Monday, the early May, spring and summer Mondays, Christmas
 * Day and Boxing Day, each with a substitute day when it falls at a
 * weekend) and a small table of the days that were moved or added by
 * proclamation; any other day off (a one-off bank holiday yet to come, a
 * day the office is closed) is given by the caller as a list of extra
 * days ([calendar] extra_holidays).  Pure: no I/O, no globals.
 */
#ifndef CASELOAD_HOLIDAY_H
#define CASELOAD_HOLIDAY_H

#include <stddef.h>

#include "date.h"

/* The most bank holidays a year has had (2022: eight, two moved, one added). */
#define HOLIDAY_YEAR_MAX 12

/*
 * Easter Sunday of a year of the Gregorian calendar, by the anonymous
 * Gregorian algorithm.  The year must be one caseload accepts
 * (DATE_YEAR_MIN to DATE_YEAR_MAX).
 */
date_t holiday_easter(int year);

/*
 * The bank holidays in England and Wales of a year, in date order, into
 * out (room for HOLIDAY_YEAR_MAX); returns how many.  A day that falls at
 * a weekend is given as its substitute day, as GOV.UK lists them
 * (Christmas on a Saturday: Monday 27 and Tuesday 28 December).
 */
size_t holiday_year(int year, date_t *out);

/*
 * 1 when day is a bank holiday in England and Wales, or one of the n
 * extra days in extra (any order; extra may be NULL when n is 0).
 */
int holiday_is_bank_holiday(date_t day, const date_t *extra, size_t n);

/* 1 when day is neither a Saturday, a Sunday nor a holiday as above. */
int holiday_is_working_day(date_t day, const date_t *extra, size_t n);

/*
 * The last working day on or before day: day itself when it is one,
 * otherwise the day before, again and again past Saturdays, Sundays and
 * holidays.  DATE_NONE for DATE_NONE.
 */
date_t holiday_working_day_before(date_t day, const date_t *extra,
    size_t n);

/*
 * The first working day on or after day (the other way round).
 * DATE_NONE for DATE_NONE.
 */
date_t holiday_working_day_after(date_t day, const date_t *extra, size_t n);

/*
 * Read a list of dates, as [calendar] extra_holidays holds them: dates
 * written DD/MM/YYYY or YYYY-MM-DD, separated by commas or spaces (an
 * empty list is no days).  Returns 0 and sets *out (a new array, sorted,
 * the caller frees; NULL for none) and *n, or -1 with *cause naming the
 * entry that is not a date and saying why (a ';' in it: use commas).
 */
int holiday_parse_list(const char *text, date_t **out, size_t *n,
    char **cause);

#endif
