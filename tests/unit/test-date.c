/* SPDX-License-Identifier: MIT */
/*
 * test-date.c: calendar dates as day numbers.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

static date_t
ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void
test_epoch_and_round_trip(void **state)
{
	date_t d;
	int y, m, day;

	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1970, 1, 2), 1);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 3, 1) - ymd(2000, 2, 28), 2);
	assert_int_equal(ymd(1900, 3, 1) - ymd(1900, 2, 28), 1);
	/* Every day of the accepted range survives the round trip. */
	for (d = ymd(DATE_YEAR_MIN, 1, 1); d <= ymd(DATE_YEAR_MAX, 12, 31);
	    d++) {
		date_to_ymd(d, &y, &m, &day);
		assert_true(date_valid_ymd(y, m, day));
		assert_int_equal(ymd(y, m, day), d);
	}
}

static void
test_leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2100));
	assert_false(date_is_leap(2026));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(ymd(1970, 1, 1)), 4);	/* Thursday */
	assert_int_equal(date_weekday(ymd(2026, 11, 27)), 5);	/* Friday */
	assert_int_equal(date_weekday(ymd(1969, 12, 28)), 0);	/* Sunday */
}

/* Parse text and expect a date. */
static void
parses_as(const char *text, int y, int m, int d)
{
	date_t out = DATE_NONE;
	char *cause = NULL;

	if (date_parse(text, ymd(2026, 11, 27), &out, &cause) != 0)
		fail_msg("'%s' did not parse: %s", text, cause);
	assert_int_equal(out, ymd(y, m, d));
	assert_null(cause);
}

/* Parse text and expect an error that mentions want. */
static void
refuses(const char *text, const char *want)
{
	date_t out = 12345;
	char *cause = NULL;

	if (date_parse(text, ymd(2026, 11, 27), &out, &cause) == 0)
		fail_msg("'%s' parsed but should not", text);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", text, cause, want);
	assert_int_equal(out, 12345);
	free(cause);
}

static void
test_parse_good(void **state)
{
	(void)state;
	parses_as("2026-11-27", 2026, 11, 27);
	parses_as("27/11/2026", 2026, 11, 27);
	parses_as("1/2/2026", 2026, 2, 1);
	parses_as("01/02/2026", 2026, 2, 1);
	parses_as("29/02/2024", 2024, 2, 29);
	parses_as("2024-02-29", 2024, 2, 29);
	parses_as("31/12/1999", 1999, 12, 31);
	parses_as("today", 2026, 11, 27);
	parses_as("yesterday", 2026, 11, 26);
}

static void
test_parse_impossible(void **state)
{
	(void)state;
	refuses("31/02/2026", "February 2026 has 28 days");
	refuses("29/02/2026", "February 2026 has 28 days");
	refuses("2026-02-30", "not a real date");
	refuses("31/04/2026", "April 2026 has 30 days");
	refuses("00/01/2026", "not a real date");
	refuses("2026-13-01", "no month 13");
	refuses("01/00/2026", "no month 0");
	refuses("01/01/1899", "out of range");
	refuses("01/01/2200", "out of range");
}

static void
test_parse_malformed(void **state)
{
	(void)state;
	refuses("", "not a date");
	refuses("tomorrow", "not a date");
	refuses("2026-1-5", "not a date");
	refuses("2026/11/27", "not a date");
	refuses("27-11-2026", "not a date");
	refuses("27/11/26", "write the year in full");
	refuses("27/11/2026 ", "not a date");
	refuses(" 27/11/2026", "not a date");
	refuses("123/1/2026", "not a date");
	refuses("27.11.2026", "not a date");
	refuses("2026-11-27x", "not a date");
	refuses("+2026-11-27", "not a date");
}

static void
test_parse_iso_strict(void **state)
{
	date_t d = 0;

	(void)state;
	assert_int_equal(date_parse_iso("2026-11-27", &d), 0);
	assert_int_equal(d, ymd(2026, 11, 27));
	assert_int_equal(date_parse_iso("27/11/2026", &d), -1);
	assert_int_equal(date_parse_iso("2026-02-29", &d), -1);
	assert_int_equal(date_parse_iso("", &d), -1);
	assert_int_equal(date_parse_iso("2026-11-2", &d), -1);
}

static void
test_format(void **state)
{
	char buf[64];

	(void)state;
	date_format_iso(ymd(2026, 1, 5), buf);
	assert_string_equal(buf, "2026-01-05");
	date_format_iso(ymd(1900, 12, 31), buf);
	assert_string_equal(buf, "1900-12-31");
	assert_int_equal(date_format(ymd(2026, 1, 5), "%d/%m/%Y", buf,
	    sizeof buf), 10);
	assert_string_equal(buf, "05/01/2026");
	date_format(ymd(2026, 11, 27), "%a %d %b %Y", buf, sizeof buf);
	assert_string_equal(buf, "Fri 27 Nov 2026");
	date_format(ymd(2026, 11, 27), "%A", buf, sizeof buf);
	assert_string_equal(buf, "Friday");
	/* Too small a buffer gives 0, never a cut date. */
	assert_int_equal(date_format(ymd(2026, 1, 5), "%d/%m/%Y", buf, 5), 0);
}

static void
test_format_check(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_int_equal(date_format_check("%d/%m/%Y", &cause), 0);
	assert_int_equal(date_format_check("%a %-d %B %Y", &cause), 0);
	assert_int_equal(date_format_check("%F", &cause), 0);
	assert_int_equal(date_format_check("%H:%M", &cause), -1);
	assert_non_null(strstr(cause, "%H"));
	free(cause);
	cause = NULL;
	assert_int_equal(date_format_check("no date", &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(date_format_check("%d/%m/%", &cause), -1);
	free(cause);
}

static void
test_add_months(void **state)
{
	(void)state;
	assert_int_equal(date_add_months(ymd(2024, 2, 29), 12), ymd(2025, 2, 28));
	assert_int_equal(date_add_months(ymd(2024, 2, 29), 48), ymd(2028, 2, 29));
	assert_int_equal(date_add_months(ymd(2026, 1, 31), 1), ymd(2026, 2, 28));
	assert_int_equal(date_add_months(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
	assert_int_equal(date_add_months(ymd(2026, 8, 31), 6), ymd(2027, 2, 28));
	assert_int_equal(date_add_months(ymd(2026, 3, 31), 1), ymd(2026, 4, 30));
	assert_int_equal(date_add_months(ymd(2026, 11, 27), 12), ymd(2027, 11, 27));
	assert_int_equal(date_add_months(ymd(2026, 12, 15), 1), ymd(2027, 1, 15));
	assert_int_equal(date_add_months(ymd(2026, 1, 15), -1), ymd(2025, 12, 15));
	assert_int_equal(date_add_months(ymd(2026, 3, 31), -1), ymd(2026, 2, 28));
	assert_int_equal(date_add_months(ymd(2026, 5, 10), 0), ymd(2026, 5, 10));
}

static void
test_birthdays_and_age(void **state)
{
	date_t leapling = ymd(2004, 2, 29);

	(void)state;
	assert_int_equal(date_birthday(leapling, 0), leapling);
	assert_int_equal(date_birthday(leapling, 1), ymd(2005, 3, 1));
	assert_int_equal(date_birthday(leapling, 4), ymd(2008, 2, 29));
	assert_int_equal(date_birthday(leapling, 25), ymd(2029, 3, 1));
	assert_int_equal(date_age(leapling, ymd(2029, 2, 28)), 24);
	assert_int_equal(date_age(leapling, ymd(2029, 3, 1)), 25);
	assert_int_equal(date_age(leapling, ymd(2028, 2, 28)), 23);
	assert_int_equal(date_age(leapling, ymd(2028, 2, 29)), 24);
	assert_int_equal(date_age(ymd(2007, 3, 14), ymd(2026, 3, 13)), 18);
	assert_int_equal(date_age(ymd(2007, 3, 14), ymd(2026, 3, 14)), 19);
	assert_int_equal(date_age(ymd(2007, 12, 31), ymd(2026, 1, 1)), 18);
	assert_int_equal(date_age(ymd(2026, 11, 27), ymd(2026, 11, 27)), 0);
	assert_int_equal(date_age(ymd(2026, 11, 28), ymd(2026, 11, 27)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch_and_round_trip),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_impossible),
		cmocka_unit_test(test_parse_malformed),
		cmocka_unit_test(test_parse_iso_strict),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_check),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_birthdays_and_age),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
