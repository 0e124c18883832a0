/* SPDX-License-Identifier: MIT */
/*
 * date.h: calendar dates as whole day numbers.
 *
 * Every date in caseload is a local calendar date with no time of day and
 * no time zone, kept as the number of days since 1 January 1970 (proleptic
 * Gregorian).  Differences are plain subtraction; adding days is addition.
 */
#ifndef CASELOAD_DATE_H
#define CASELOAD_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t date_t;

/* "No date": an empty contact log, a letter never sent. */
#define DATE_NONE INT32_MIN

/* Years caseload accepts anywhere: wide enough for any birth or contact. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2199

/* Room for "YYYY-MM-DD" and its terminating NUL. */
#define DATE_ISO_SIZE 11

/* 1 when y is a leap year in the Gregorian calendar. */
int date_is_leap(int y);

/* The number of days in month m (1-12) of year y. */
int date_days_in_month(int y, int m);

/* 1 when y-m-d names a real day in the years caseload accepts. */
int date_valid_ymd(int y, int m, int d);

/* The day number of y-m-d, which must be valid (date_valid_ymd). */
date_t date_from_ymd(int y, int m, int d);

/* Split a day number into year, month (1-12) and day (1-31). */
void date_to_ymd(date_t date, int *y, int *m, int *d);

/* Day of the week, 0 = Sunday ... 6 = Saturday. */
int date_weekday(date_t date);

/*
 * Parse a date typed by a person: ISO "YYYY-MM-DD", the UK's "DD/MM/YYYY"
 * (day and month may have one digit), or the words "today" and
 * "yesterday" (relative to today).  Impossible dates such as 31/02/2026
 * are errors, never rolled over.  Returns 0 and sets *out, or returns -1
 * and sets *cause to a new message saying what is wrong (caller frees).
 */
int date_parse(const char *text, date_t today, date_t *out, char **cause);

/*
 * Parse exactly "YYYY-MM-DD" as stored in a database or file.  Returns 0
 * and sets *out, or -1 when text is anything else or not a real date.
 */
int date_parse_iso(const char *text, date_t *out);

/* Write date as "YYYY-MM-DD" into out (DATE_ISO_SIZE bytes). */
void date_format_iso(date_t date, char *out);

/*
 * Format date with a strftime(3) format (only its date conversions make
 * sense).  Writes at most size bytes including the NUL; returns the
 * length written, or 0 when it does not fit.
 */
size_t date_format(date_t date, const char *format, char *out, size_t size);

/*
 * A date as a person reads it: in format ([display] date_format), or ISO
 * when the format makes nothing of it; "" for DATE_NONE.  Returns out.
 */
char *date_show(date_t date, const char *format, char *out, size_t size);

/*
 * Check that a strftime(3) format only uses conversions that describe a
 * date (%d %e %m %y %Y %b %B %h %a %A %F %j %%): 0, or -1 with *cause.
 */
int date_format_check(const char *format, char **cause);

/*
 * The date months calendar months after date (months may be negative),
 * clamped to the end of a shorter month: 29 Feb + 12 months = 28 Feb,
 * 31 Jan + 1 month = 28 or 29 Feb.  DATE_NONE for DATE_NONE.
 */
date_t date_add_months(date_t date, int months);

/*
 * The date of someone's birthday of the given age (0 = the date of birth).
 * In a year that is not a leap year, someone born on 29 February has their
 * birthday on 1 March, the usual reading in England and Wales.  DATE_NONE
 * when dob is DATE_NONE (a date of birth that could not be read).
 */
date_t date_birthday(date_t dob, int age);

/*
 * Age in whole years on a given day; negative before birth, and -1 when
 * either date is DATE_NONE.
 */
int date_age(date_t dob, date_t on);

#endif
