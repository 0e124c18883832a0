/* SPDX-License-Identifier: MIT */
/*
 * test-accommodation.c: the types of accommodation (one table of names
 * and labels) and the checks on a move (accommodation.h): the date, the
 * move before the latest one, the address; and the visit words in the
 * lists' header.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "accommodation.h"
#include "check.h"
#include "rows.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static void
test_types(void **state)
{
	enum accommodation_type t;
	char *list;

	(void)state;
	assert_int_equal(accommodation_type_choice()->n, ACCOM_COUNT);
	assert_string_equal(accommodation_type_name(ACCOM_SOFA_SURFING),
	    "sofa-surfing");
	assert_string_equal(accommodation_type_label(ACCOM_PARENTS),
	    "with parents or relatives");
	assert_int_equal(accommodation_type_from_name("No Fixed Abode", &t), 0);
	assert_int_equal(t, ACCOM_NO_FIXED_ABODE);
	assert_int_equal(accommodation_type_from_name("bed-and-breakfast",
	    &t), 0);
	assert_int_equal(t, ACCOM_BED_AND_BREAKFAST);
	assert_int_equal(accommodation_type_from_name("tent", &t), -1);
	list = choice_list(accommodation_type_choice());
	assert_non_null(strstr(list, ", no-fixed-abode or other"));
	free(list);
	assert_string_equal(accommodation_suitable_word(ACCOM_SUITABLE), "yes");
	assert_string_equal(accommodation_suitable_word(ACCOM_UNSUITABLE),
	    "no");
	assert_string_equal(accommodation_suitable_word(
	    ACCOM_SUITABLE_UNKNOWN), "unknown");
}

/* A move on `from` of a type, with an address. */
static struct accommodation
move(date_t from, const char *address)
{
	struct accommodation a;

	memset(&a, 0, sizeof a);
	a.from = from;
	a.type = ACCOM_TENANCY;
	a.suitable = ACCOM_SUITABLE_UNKNOWN;
	a.address = address;
	a.struck_on = DATE_NONE;
	return a;
}

static void
test_check(void **state)
{
	date_t dob = D(2008, 2, 29), today = D(2027, 1, 31);
	struct accommodation a;
	char *cause = NULL;

	(void)state;
	a = move(today, "1 High Street\nLeeds");
	assert_int_equal(accommodation_check(&a, dob, DATE_NONE, today,
	    &cause), 0);
	/* On the day of the latest move: allowed; the day before: not. */
	assert_int_equal(accommodation_check(&a, dob, today, today, &cause),
	    0);
	a = move(today - 1, NULL);
	assert_int_equal(accommodation_check(&a, dob, today, today, &cause),
	    -1);
	assert_string_equal(cause, "the date is before their latest move");
	free(cause);
	a = move(today + 1, NULL);
	assert_int_equal(accommodation_check(&a, dob, DATE_NONE, today,
	    &cause), -1);
	assert_non_null(strstr(cause, "in the future"));
	free(cause);
	/* Born on 29 February: the day before is refused, the day allowed. */
	a = move(dob - 1, NULL);
	assert_int_equal(accommodation_check(&a, dob, DATE_NONE, today,
	    &cause), -1);
	assert_string_equal(cause, "the date is before they were born");
	free(cause);
	a = move(dob, NULL);
	assert_int_equal(accommodation_check(&a, dob, DATE_NONE, today,
	    &cause), 0);
	/* An address with an escape: refused, without repeating it. */
	a = move(today, "Flat\0331");
	assert_int_equal(accommodation_check(&a, dob, DATE_NONE, today,
	    &cause), -1);
	assert_null(strstr(cause, "Flat"));
	free(cause);
	a = move(today, NULL);
	a.suitable = 2;
	assert_int_equal(accommodation_check(&a, dob, DATE_NONE, today,
	    &cause), -1);
	free(cause);
}

static void
test_strike_and_copy(void **state)
{
	struct accommodation a = move(D(2026, 1, 1), "2 Low Road"), *c;
	char *cause = NULL;

	(void)state;
	a.number = 3;
	assert_int_equal(check_strike("accommodation", 'M', a.number,
	    a.struck_on, &cause), 0);
	a.struck_on = D(2026, 2, 1);
	a.struck_reason = "entered by mistake";
	assert_int_equal(check_strike("accommodation", 'M', a.number,
	    a.struck_on, &cause), -1);
	assert_string_equal(cause, "accommodation M3 was struck out already");
	free(cause);
	c = accommodation_copy(&a);
	assert_string_equal(c->address, "2 Low Road");
	assert_string_equal(c->struck_reason, "entered by mistake");
	assert_ptr_not_equal(c->address, a.address);
	free(c);
	a.address = NULL;
	a.struck_reason = NULL;
	c = accommodation_copy(&a);
	assert_null(c->address);
	assert_null(c->struck_reason);
	free(c);
}

static void
test_visit_words(void **state)
{
	int n[ROWS_KINDS] = { 0 };
	char buf[128];

	(void)state;
	rows_visits_late_words(n, ROWS_KINDS, 0, 0, buf, sizeof buf);
	assert_string_equal(buf, "nothing overdue");
	rows_visits_late_words(n, ROWS_KINDS, 1, 0, buf, sizeof buf);
	assert_string_equal(buf, "1 visit overdue");
	n[0] = 2;
	rows_visits_late_words(n, ROWS_KINDS, 3, 1, buf, sizeof buf);
	assert_string_equal(buf, "2 contacts, 3 visits, 1 action overdue");
	/* The old words, without visits, are as they were. */
	rows_late_words(n, ROWS_KINDS, 1, buf, sizeof buf);
	assert_string_equal(buf, "2 contacts, 1 action overdue");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_strike_and_copy),
		cmocka_unit_test(test_visit_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
