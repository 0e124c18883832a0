/* SPDX-License-Identifier: MIT */
/*
 * date.c: calendar dates as day numbers (see date.h).
 *
 * Conversions use the days-from-civil algorithm, exact for the proleptic
 * Gregorian calendar; no struct tm, mktime or time zone is involved.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cause.h"
#include "date.h"

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && date_is_leap(y))
		return 29;
	return days[m - 1];
}

int
date_valid_ymd(int y, int m, int d)
{
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return 0;
	if (m < 1 || m > 12)
		return 0;
	return d >= 1 && d <= date_days_in_month(y, m);
}

date_t
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (date_t)(era * 146097 + doe - 719468);
}

void
date_to_ymd(date_t date, int *y, int *m, int *d)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int day = doy - (153 * mp + 2) / 5 + 1;
	int month = mp < 10 ? mp + 3 : mp - 9;

	*y = yoe + era * 400 + (month <= 2);
	*m = month;
	*d = day;
}

int
date_weekday(date_t date)
{
	/* 1 January 1970 was a Thursday. */
	int w = (int)((date % 7 + 7) % 7);

	return (w + 4) % 7;
}

/* Read exactly n digits at s into *value; 0 or -1. */
static int
date_digits(const char *s, int n, int *value)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return 0;
}

int
date_parse_iso(const char *text, date_t *out)
{
	int y, m, d;

	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return -1;
	if (date_digits(text, 4, &y) != 0 || date_digits(text + 5, 2, &m) != 0 ||
	    date_digits(text + 8, 2, &d) != 0)
		return -1;
	if (!date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

/* Say why y-m-d (from text) is not a date caseload accepts. */
static int
date_explain(const char *text, int y, int m, char **cause)
{
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return xfail(cause, "'%s': the year %d is out of range (%d to %d)",
		    text, y, DATE_YEAR_MIN, DATE_YEAR_MAX);
	if (m < 1 || m > 12)
		return xfail(cause, "'%s': there is no month %d; months are 1 to 12",
		    text, m);
	return xfail(cause, "'%s' is not a real date: %s %d has %d days",
	    text, month_names[m - 1], y, date_days_in_month(y, m));
}

int
date_parse(const char *text, date_t today, date_t *out, char **cause)
{
	const char *p;
	int y = 0, m = 0, d = 0, nd, nm;

	if (strcmp(text, "today") == 0) {
		*out = today;
		return 0;
	}
	if (strcmp(text, "yesterday") == 0) {
		*out = today - 1;
		return 0;
	}

	if (strlen(text) == 10 && text[4] == '-' && text[7] == '-' &&
	    date_digits(text, 4, &y) == 0 && date_digits(text + 5, 2, &m) == 0 &&
	    date_digits(text + 8, 2, &d) == 0) {
		if (!date_valid_ymd(y, m, d))
			return date_explain(text, y, m, cause);
		*out = date_from_ymd(y, m, d);
		return 0;
	}

	/* DD/MM/YYYY, with one or two digits for the day and the month. */
	p = text;
	for (nd = 0; p[nd] >= '0' && p[nd] <= '9'; nd++)
		;
	if (nd >= 1 && nd <= 2 && p[nd] == '/') {
		date_digits(p, nd, &d);
		p += nd + 1;
		for (nm = 0; p[nm] >= '0' && p[nm] <= '9'; nm++)
			;
		if (nm >= 1 && nm <= 2 && p[nm] == '/') {
			date_digits(p, nm, &m);
			p += nm + 1;
			if (strlen(p) == 4 && date_digits(p, 4, &y) == 0) {
				if (!date_valid_ymd(y, m, d))
					return date_explain(text, y, m, cause);
				*out = date_from_ymd(y, m, d);
				return 0;
			}
			if (strlen(p) == 2 && date_digits(p, 2, &y) == 0)
				return xfail(cause, "'%s': write the year in full, "
				    "as in %.*s/%.*s/20%s", text, nd, text, nm,
				    text + nd + 1, p);
		}
	}
	return xfail(cause, "'%s' is not a date: write it as DD/MM/YYYY or "
	    "YYYY-MM-DD", text);
}

void
date_format_iso(date_t date, char *out)
{
	unsigned y, m, d;
	int yy, mm, dd;

	/* By hand: lists write this for every row. */
	date_to_ymd(date, &yy, &mm, &dd);
	y = (unsigned)yy % 10000u;
	m = (unsigned)mm % 100u;
	d = (unsigned)dd % 100u;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

size_t
date_format(date_t date, const char *format, char *out, size_t size)
{
	struct tm tm;
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_wday = date_weekday(date);
	tm.tm_yday = (int)(date - date_from_ymd(y, 1, 1));
	tm.tm_isdst = -1;
	tm.tm_hour = 12;
	if (size == 0)
		return 0;
	/* The format comes from the settings, checked by date_format_check. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	return strftime(out, size, format, &tm);
#pragma GCC diagnostic pop
}

int
date_format_check(const char *format, char **cause)
{
	const char *p;
	int seen = 0;

	for (p = format; *p != '\0'; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '-')	/* glibc's "no padding" flag, as in %-d */
			p++;
		if (*p == '\0' || strchr("deymYbBhaAFj%", *p) == NULL)
			return xfail(cause, "'%s': %%%c is not a date conversion "
			    "(use %%d, %%m, %%Y, %%b and the like)", format,
			    *p == '\0' ? ' ' : *p);
		if (*p != '%')
			seen = 1;
	}
	if (!seen)
		return xfail(cause, "'%s' has no date in it (the default is "
		    "%%d/%%m/%%Y)", format);
	return 0;
}

date_t
date_add_months(date_t date, int months)
{
	int y, m, d, total, dim;

	if (date == DATE_NONE)
		return DATE_NONE;
	date_to_ymd(date, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	dim = date_days_in_month(y, m);
	if (d > dim)
		d = dim;
	return date_from_ymd(y, m, d);
}

date_t
date_birthday(date_t dob, int age)
{
	int y, m, d;

	if (dob == DATE_NONE)
		return DATE_NONE;
	date_to_ymd(dob, &y, &m, &d);
	y += age;
	if (m == 2 && d == 29 && !date_is_leap(y)) {
		m = 3;
		d = 1;
	}
	return date_from_ymd(y, m, d);
}

int
date_age(date_t dob, date_t on)
{
	int by, bm, bd, y, m, d, age;

	if (dob == DATE_NONE || on == DATE_NONE)
		return -1;
	date_to_ymd(dob, &by, &bm, &bd);
	date_to_ymd(on, &y, &m, &d);
	age = y - by;
	if (on < date_birthday(dob, age))
		age--;
	return age;
}

char *
date_show(date_t date, const char *format, char *out, size_t size)
{
	if (size == 0)
		return out;
	out[0] = '\0';
	if (date == DATE_NONE)
		return out;
	if (date_format(date, format, out, size) == 0 && size >= DATE_ISO_SIZE)
		date_format_iso(date, out);
	return out;
}
