/* SPDX-License-Identifier: MIT */
/*
 * returns.c: the birthday return's windows and the reporting year (see
 * returns.h).
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cause.h"
#include "returns.h"

void
returns_window(date_t dob, int age, const struct rules_settings *settings,
    struct returns_window *out)
{
	out->age = age;
	out->birthday = date_birthday(dob, age);
	out->opens = date_add_months(out->birthday,
	    -settings->return_months_before);
	out->closes = date_add_months(out->birthday,
	    settings->return_months_after);
}

int
returns_window_on(date_t dob, const struct rules_settings *settings,
    date_t day, struct returns_window *out)
{
	struct returns_window w;
	int age;

	if (dob == DATE_NONE || day == DATE_NONE)
		return 0;
	for (age = RETURNS_AGE_FIRST; age <= RETURNS_AGE_LAST; age++) {
		returns_window(dob, age, settings, &w);
		if (w.opens <= day && day <= w.closes) {
			*out = w;
			return 1;
		}
	}
	return 0;
}

struct rules_due
returns_due(const struct returns_window *window, int recorded,
    const struct rules_settings *settings, date_t today)
{
	return rules_judge_due(recorded ? DATE_NONE : window->closes, settings,
	    today);
}

int
returns_overdue(const struct returns_window *window, int recorded,
    date_t today)
{
	return !recorded && window->closes != DATE_NONE &&
	    window->closes < today;
}

int
returns_year_of(date_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return m >= 4 ? y : y - 1;
}

void
returns_year_bounds(int year, date_t *first, date_t *last)
{
	*first = date_from_ymd(year, 4, 1);
	*last = date_from_ymd(year + 1, 3, 31);
}

void
returns_year_name(int year, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d", year, (year + 1) % 100);
}

int
returns_year_parse(const char *text, int *year, char **cause)
{
	int y, yy;

	if (strlen(text) != 7 || text[4] != '-' ||
	    strspn(text, "0123456789") != 4 ||
	    strspn(text + 5, "0123456789") != 2)
		return xfail(cause, "'%s' is not a reporting year: write it as "
		    "YYYY-YY, such as 2026-27 for 1 April 2026 to 31 March "
		    "2027", text);
	y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 +
	    (text[2] - '0') * 10 + (text[3] - '0');
	yy = (text[5] - '0') * 10 + (text[6] - '0');
	if (y < DATE_YEAR_MIN || y >= DATE_YEAR_MAX)
		return xfail(cause, "'%s': the year %d is out of range (%d to "
		    "%d)", text, y, DATE_YEAR_MIN, DATE_YEAR_MAX - 1);
	if (yy != (y + 1) % 100)
		return xfail(cause, "'%s' is not a reporting year: the year "
		    "from 1 April %d ends on 31 March %d, so write %04d-%02d",
		    text, y, y + 1, y, (y + 1) % 100);
	*year = y;
	return 0;
}
