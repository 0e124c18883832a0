/* SPDX-License-Identifier: MIT */
/*
 * test-holiday.c: bank holidays in England and Wales and working days
 * (holiday.h): Easter against a table worked out another way, the
 * substitute days, the days moved by proclamation, GOV.UK's published
 * lists, the working day before and the extra holidays of the settings.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "holiday.h"

#include "easter-table.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static void
test_easter_table(void **state)
{
	size_t i, n = sizeof easter_table / sizeof easter_table[0];

	(void)state;
	assert_int_equal(n, 101);
	for (i = 0; i < n; i++) {
		assert_int_equal(easter_table[i].y, 2000 + (int)i);
		assert_int_equal(holiday_easter(easter_table[i].y),
		    D(easter_table[i].y, easter_table[i].m, easter_table[i].d));
		/* Always a Sunday, from 22 March to 25 April. */
		assert_int_equal(date_weekday(holiday_easter(2000 + (int)i)), 0);
	}
	/* The earliest and latest of the century, and two known ones. */
	assert_int_equal(holiday_easter(2008), D(2008, 3, 23));
	assert_int_equal(holiday_easter(2011), D(2011, 4, 24));
	assert_int_equal(holiday_easter(2026), D(2026, 4, 5));
	assert_int_equal(holiday_easter(2027), D(2027, 3, 28));
}

/* holiday_year of year is exactly the n days given. */
static void
assert_year(int year, const date_t *want, size_t n)
{
	date_t got[HOLIDAY_YEAR_MAX];
	size_t count, i;

	count = holiday_year(year, got);
	assert_int_equal(count, n);
	for (i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
	for (i = 0; i < n; i++)
		assert_true(holiday_is_bank_holiday(want[i], NULL, 0));
}

/* GOV.UK's bank holidays in England and Wales for 2025, 2026 and 2027. */
static void
test_gov_uk_lists(void **state)
{
	const date_t y2025[] = {
		D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5),
		D(2025, 5, 26), D(2025, 8, 25), D(2025, 12, 25),
		D(2025, 12, 26)
	};
	const date_t y2026[] = {
		D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4),
		D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25),
		D(2026, 12, 28)
	};
	const date_t y2027[] = {
		D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3),
		D(2027, 5, 31), D(2027, 8, 30), D(2027, 12, 27),
		D(2027, 12, 28)
	};

	(void)state;
	assert_year(2025, y2025, 8);
	assert_year(2026, y2026, 8);
	assert_year(2027, y2027, 8);
	/* Not holidays: Boxing Day 2026 is a Saturday, Christmas 2027 too. */
	assert_false(holiday_is_bank_holiday(D(2026, 12, 26), NULL, 0));
	assert_false(holiday_is_bank_holiday(D(2027, 12, 25), NULL, 0));
	assert_false(holiday_is_bank_holiday(D(2026, 12, 24), NULL, 0));
	assert_false(holiday_is_bank_holiday(DATE_NONE, NULL, 0));
}

static void
test_substitutes(void **state)
{
	(void)state;
	/* New Year's Day on a Saturday (2022): Monday 3 January. */
	assert_false(holiday_is_bank_holiday(D(2022, 1, 1), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2022, 1, 3), NULL, 0));
	/* On a Sunday (2023): Monday 2 January. */
	assert_false(holiday_is_bank_holiday(D(2023, 1, 1), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2023, 1, 2), NULL, 0));
	assert_false(holiday_is_bank_holiday(D(2023, 1, 3), NULL, 0));
	/* Christmas on a Saturday (2021): Monday 27 and Tuesday 28. */
	assert_true(holiday_is_bank_holiday(D(2021, 12, 27), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2021, 12, 28), NULL, 0));
	assert_false(holiday_is_bank_holiday(D(2021, 12, 29), NULL, 0));
	/* Christmas on a Sunday (2022): Boxing Day Monday 26, Christmas's
	 * substitute Tuesday 27. */
	assert_true(holiday_is_bank_holiday(D(2022, 12, 26), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2022, 12, 27), NULL, 0));
	assert_false(holiday_is_bank_holiday(D(2022, 12, 28), NULL, 0));
	/* Christmas on a Friday (2026): Boxing Day's substitute Monday 28. */
	assert_true(holiday_is_bank_holiday(D(2026, 12, 25), NULL, 0));
	assert_false(holiday_is_bank_holiday(D(2026, 12, 27), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2026, 12, 28), NULL, 0));
	/* Christmas on a Thursday (2025): no substitute. */
	assert_false(holiday_is_bank_holiday(D(2025, 12, 29), NULL, 0));
}

static void
test_moved_and_one_off(void **state)
{
	date_t days[HOLIDAY_YEAR_MAX];

	(void)state;
	/* 2012: spring moved to 4 June, the Diamond Jubilee on 5 June. */
	assert_false(holiday_is_bank_holiday(D(2012, 5, 28), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2012, 6, 4), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2012, 6, 5), NULL, 0));
	assert_int_equal(holiday_year(2012, days), 9);
	/* 2020: early May moved from Monday 4 to Friday 8 May. */
	assert_false(holiday_is_bank_holiday(D(2020, 5, 4), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2020, 5, 8), NULL, 0));
	assert_int_equal(holiday_year(2020, days), 8);
	/* 2022: spring moved to 2 June, the Platinum Jubilee 3 June, the
	 * state funeral 19 September. */
	assert_false(holiday_is_bank_holiday(D(2022, 5, 30), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2022, 6, 2), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2022, 6, 3), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2022, 9, 19), NULL, 0));
	assert_int_equal(holiday_year(2022, days), 10);
	/* 2023: the coronation, Monday 8 May, as well as Monday 1 May. */
	assert_true(holiday_is_bank_holiday(D(2023, 5, 1), NULL, 0));
	assert_true(holiday_is_bank_holiday(D(2023, 5, 8), NULL, 0));
	assert_int_equal(holiday_year(2023, days), 9);
	/* Years sorted, and never more than the room given. */
	assert_true(days[0] < days[1]);
}

static void
test_working_day_before(void **state)
{
	date_t extra[] = { D(2026, 12, 24), D(2026, 11, 30) };
	date_t d;

	(void)state;
	/* Christmas 2027 on a Saturday: 25 to 28 are all days off, so each
	 * moves to Friday 24 December. */
	for (d = D(2027, 12, 24); d <= D(2027, 12, 28); d++)
		assert_int_equal(holiday_working_day_before(d, NULL, 0),
		    D(2027, 12, 24));
	assert_int_equal(holiday_working_day_before(D(2027, 12, 29), NULL, 0),
	    D(2027, 12, 29));
	/* Christmas Day 2026 (a Friday): Thursday 24. */
	assert_int_equal(holiday_working_day_before(D(2026, 12, 25), NULL, 0),
	    D(2026, 12, 24));
	/* Monday 28 (Boxing Day's substitute), Sunday 27 and Saturday 26. */
	assert_int_equal(holiday_working_day_before(D(2026, 12, 28), NULL, 0),
	    D(2026, 12, 24));
	/* Saturday 2 January 2027: not Friday 1 (New Year's Day) but
	 * Thursday 31 December. */
	assert_int_equal(holiday_working_day_before(D(2027, 1, 2), NULL, 0),
	    D(2026, 12, 31));
	/* Across Easter 2026: Monday 6 April back past the weekend and Good
	 * Friday to Thursday 2 April. */
	assert_int_equal(holiday_working_day_before(D(2026, 4, 6), NULL, 0),
	    D(2026, 4, 2));
	assert_int_equal(holiday_working_day_before(D(2026, 4, 3), NULL, 0),
	    D(2026, 4, 2));
	/* Already a working day: Wednesday 2 December 2026. */
	assert_int_equal(holiday_working_day_before(D(2026, 12, 2), NULL, 0),
	    D(2026, 12, 2));
	assert_true(holiday_is_working_day(D(2026, 12, 2), NULL, 0));
	/* An extra holiday is passed over too. */
	assert_int_equal(holiday_working_day_before(D(2026, 12, 25), extra, 2),
	    D(2026, 12, 23));
	assert_int_equal(holiday_working_day_before(D(2026, 11, 30), extra, 2),
	    D(2026, 11, 27));
	assert_false(holiday_is_working_day(D(2026, 11, 30), extra, 2));
	assert_int_equal(holiday_working_day_before(DATE_NONE, NULL, 0),
	    DATE_NONE);
}

static void
test_working_day_after(void **state)
{
	(void)state;
	assert_int_equal(holiday_working_day_after(D(2027, 12, 24), NULL, 0),
	    D(2027, 12, 24));
	assert_int_equal(holiday_working_day_after(D(2027, 12, 25), NULL, 0),
	    D(2027, 12, 29));
	assert_int_equal(holiday_working_day_after(D(2026, 12, 25), NULL, 0),
	    D(2026, 12, 29));
	assert_int_equal(holiday_working_day_after(D(2027, 1, 1), NULL, 0),
	    D(2027, 1, 4));
	assert_int_equal(holiday_working_day_after(DATE_NONE, NULL, 0),
	    DATE_NONE);
}

static void
test_parse_list(void **state)
{
	date_t *days;
	size_t n;
	char *cause = NULL;

	(void)state;
	assert_int_equal(holiday_parse_list("", &days, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_null(days);
	assert_int_equal(holiday_parse_list(" 29/12/2026, 2026-11-30 ,"
	    "1/6/2027", &days, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(days[0], D(2026, 11, 30));
	assert_int_equal(days[1], D(2026, 12, 29));
	assert_int_equal(days[2], D(2027, 6, 1));
	free(days);

	assert_int_equal(holiday_parse_list("2026-11-30 31/02/2027", &days, &n,
	    &cause), -1);
	assert_non_null(strstr(cause, "'31/02/2027' is not a real date"));
	assert_null(days);
	assert_int_equal(n, 0);
	free(cause);
	assert_int_equal(holiday_parse_list("today", &days, &n, &cause), -1);
	assert_non_null(strstr(cause, "'today' is not a date"));
	free(cause);
	assert_int_equal(holiday_parse_list("Christmas", &days, &n, &cause),
	    -1);
	assert_non_null(strstr(cause, "'Christmas' is not a date: write it "
	    "as DD/MM/YYYY or YYYY-MM-DD"));
	free(cause);
	/* A semicolon is not a separator: say to use commas. */
	assert_int_equal(holiday_parse_list("2026-04-01;2026-04-02", &days, &n,
	    &cause), -1);
	assert_non_null(strstr(cause, "'2026-04-01;2026-04-02' is not a date: "
	    "separate the dates with commas"));
	assert_null(days);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter_table),
		cmocka_unit_test(test_gov_uk_lists),
		cmocka_unit_test(test_substitutes),
		cmocka_unit_test(test_moved_and_one_off),
		cmocka_unit_test(test_working_day_before),
		cmocka_unit_test(test_working_day_after),
		cmocka_unit_test(test_parse_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
