/* SPDX-License-Identifier: MIT */
/*
 * holiday.c: bank holidays in England and Wales, and working days (see
 * holiday.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "holiday.h"
#include "xmalloc.h"

/*
 * Days moved or added by royal proclamation, which no rule foresees: a day
 * off, and the day the rules give that it replaces (month 0: none, a day
 * added).  Days still to be announced go in [calendar] extra_holidays.
 */
static const struct holiday_change {
	int	y, m, d;		/* the day off */
	int	from_m, from_d;		/* the rule's day it replaces */
} holiday_changes[] = {
	{ 1995, 5, 8, 5, 1 },		/* VE Day's 50th: early May moved */
	{ 1999, 12, 31, 0, 0 },		/* the millennium */
	{ 2002, 6, 3, 0, 0 },		/* the Golden Jubilee */
	{ 2002, 6, 4, 5, 27 },		/* spring moved for it */
	{ 2011, 4, 29, 0, 0 },		/* a royal wedding */
	{ 2012, 6, 4, 5, 28 },		/* spring moved for the Diamond Jubilee */
	{ 2012, 6, 5, 0, 0 },		/* the Diamond Jubilee */
	{ 2020, 5, 8, 5, 4 },		/* VE Day's 75th: early May moved */
	{ 2022, 6, 2, 5, 30 },		/* spring moved for the Platinum Jubilee */
	{ 2022, 6, 3, 0, 0 },		/* the Platinum Jubilee */
	{ 2022, 9, 19, 0, 0 },		/* the state funeral of Elizabeth II */
	{ 2023, 5, 8, 0, 0 },		/* the coronation of Charles III */
};
#define HOLIDAY_CHANGES (sizeof holiday_changes / sizeof holiday_changes[0])

date_t
holiday_easter(int year)
{
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;

	return date_from_ymd(year, n / 31, n % 31 + 1);
}

/* The first Monday on or after day. */
static date_t
holiday_monday_from(date_t day)
{
	return day + (8 - date_weekday(day)) % 7;
}

/* The last Monday of month m of year y. */
static date_t
holiday_last_monday(int y, int m)
{
	date_t last = date_from_ymd(y, m, date_days_in_month(y, m));

	return last - (date_weekday(last) + 6) % 7;
}

static int
holiday_compare(const void *a, const void *b)
{
	date_t da = *(const date_t *)a, db = *(const date_t *)b;

	return da < db ? -1 : da > db;
}

size_t
holiday_year(int year, date_t *out)
{
	date_t easter = holiday_easter(year), day, christmas;
	size_t n = 0, i, j;
	int wd;

	/* New Year's Day, or the Monday after when it is at a weekend. */
	day = date_from_ymd(year, 1, 1);
	out[n++] = date_weekday(day) == 0 || date_weekday(day) == 6 ?
	    holiday_monday_from(day) : day;
	out[n++] = easter - 2;			/* Good Friday */
	out[n++] = easter + 1;			/* Easter Monday */
	out[n++] = holiday_monday_from(date_from_ymd(year, 5, 1));
	out[n++] = holiday_last_monday(year, 5);
	out[n++] = holiday_last_monday(year, 8);
	/*
	 * Christmas Day and Boxing Day: at a weekend, the next days that are
	 * neither a weekend nor the other.  On a Saturday: Monday 27 and
	 * Tuesday 28; on a Sunday: Boxing Day Monday 26, Christmas Tuesday
	 * 27; on a Friday: Boxing Day Monday 28.
	 */
	christmas = date_from_ymd(year, 12, 25);
	wd = date_weekday(christmas);
	if (wd == 6) {
		out[n++] = christmas + 2;
		out[n++] = christmas + 3;
	} else if (wd == 0) {
		out[n++] = christmas + 1;
		out[n++] = christmas + 2;
	} else if (wd == 5) {
		out[n++] = christmas;
		out[n++] = christmas + 3;
	} else {
		out[n++] = christmas;
		out[n++] = christmas + 1;
	}

	for (i = 0; i < HOLIDAY_CHANGES; i++) {
		if (holiday_changes[i].y != year)
			continue;
		if (holiday_changes[i].from_m != 0) {
			day = date_from_ymd(year, holiday_changes[i].from_m,
			    holiday_changes[i].from_d);
			for (j = 0; j < n; j++) {
				if (out[j] == day)
					out[j] = DATE_NONE;
			}
		}
		if (n < HOLIDAY_YEAR_MAX)
			out[n++] = date_from_ymd(year, holiday_changes[i].m,
			    holiday_changes[i].d);
	}
	/* Drop the days that were moved. */
	for (i = j = 0; i < n; i++) {
		if (out[i] != DATE_NONE)
			out[j++] = out[i];
	}
	qsort(out, j, sizeof *out, holiday_compare);
	return j;
}

int
holiday_is_bank_holiday(date_t day, const date_t *extra, size_t n)
{
	date_t days[HOLIDAY_YEAR_MAX];
	size_t i, count;
	int y, m, d;

	if (day == DATE_NONE)
		return 0;
	for (i = 0; i < n; i++) {
		if (extra[i] == day)
			return 1;
	}
	date_to_ymd(day, &y, &m, &d);
	count = holiday_year(y, days);
	for (i = 0; i < count; i++) {
		if (days[i] == day)
			return 1;
	}
	return 0;
}

int
holiday_is_working_day(date_t day, const date_t *extra, size_t n)
{
	int wd = date_weekday(day);

	return wd != 0 && wd != 6 && !holiday_is_bank_holiday(day, extra, n);
}

date_t
holiday_working_day_before(date_t day, const date_t *extra, size_t n)
{
	if (day == DATE_NONE)
		return DATE_NONE;
	while (!holiday_is_working_day(day, extra, n))
		day--;
	return day;
}

date_t
holiday_working_day_after(date_t day, const date_t *extra, size_t n)
{
	if (day == DATE_NONE)
		return DATE_NONE;
	while (!holiday_is_working_day(day, extra, n))
		day++;
	return day;
}

int
holiday_parse_list(const char *text, date_t **out, size_t *n, char **cause)
{
	static const char separators[] = ", \t";
	date_t *days = NULL, day;
	size_t count = 0, len;
	char *word;
	int rc;

	*out = NULL;
	*n = 0;
	for (;;) {
		text += strspn(text, separators);
		if (*text == '\0')
			break;
		len = strcspn(text, separators);
		word = xstrndup(text, len);
		text += len;
		/* A list in a file is of dates, never of days relative to now. */
		if (strchr(word, ';') != NULL)
			rc = xfail(cause, "'%s' is not a date: separate the dates "
			    "with commas", word);
		else if (strcmp(word, "today") == 0 ||
		    strcmp(word, "yesterday") == 0)
			rc = xfail(cause, "'%s' is not a date: write it as "
			    "DD/MM/YYYY or YYYY-MM-DD", word);
		else
			rc = date_parse(word, DATE_NONE, &day, cause);
		if (rc != 0) {
			free(word);
			free(days);
			return -1;
		}
		free(word);
		days = xreallocarray(days, count + 1, sizeof *days);
		days[count++] = day;
	}
	if (count > 1)
		qsort(days, count, sizeof *days, holiday_compare);
	*out = days;
	*n = count;
	return 0;
}
