/* SPDX-License-Identifier: MIT */
/*
 * test-stats.c: the supervision figures (stats.h) on hand-made caseloads.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "stats.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static struct rules_settings
defaults(void)
{
	struct rules_settings s;

	rules_settings_default(&s);
	return s;
}

/* A stepped-up young person born dob, allocated on allocated. */
static struct person_facts
up(date_t dob, date_t allocated, date_t last_contact, date_t last_review)
{
	struct person_facts f;

	person_facts_init(&f);
	f.dob = dob;
	f.allocated_on = allocated;
	f.status = STATUS_UP;
	f.status_since = allocated;
	f.last_contact = last_contact;
	f.last_review = last_review;
	return f;
}

static struct person_facts
with_status(struct person_facts f, enum status status, date_t since)
{
	f.status = status;
	f.status_since = since;
	return f;
}

static void
test_empty(void **state)
{
	struct rules_settings rs = defaults();
	struct stats s;

	(void)state;
	stats_compute(NULL, 0, NULL, 0, NULL, 0, &rs, D(2026, 11, 27), &s);
	assert_int_equal(s.stepped_up, 0);
	assert_int_equal(s.stepped_down, 0);
	assert_int_equal(s.cap, 22);
	assert_int_equal(s.over_cap, 0);
	assert_int_equal(s.contacts, 0);
	assert_int_equal(s.letters, 0);
	assert_int_equal(s.year, 2026);
	assert_int_equal(s.year_start, D(2026, 1, 1));
	/* The 56 days that end today. */
	assert_int_equal(s.weeks, 8);
	assert_int_equal(s.since, D(2026, 10, 3));
	assert_int_equal(stats_percent(s.within_interval, s.stepped_up), -1);
}

static void
test_caseload(void **state)
{
	struct rules_settings rs = defaults();
	date_t today = D(2026, 11, 27);
	struct person_facts people[] = {
		/* 19, contacted 02/09: overdue; review 01/06: due 01/12 */
		up(D(2007, 3, 14), D(2025, 2, 1), D(2026, 9, 2),
		    D(2026, 6, 1)),
		/* 17, contacted 05/10: due 30/11; review overdue since 10/07 */
		up(D(2008, 12, 1), D(2026, 1, 10), D(2026, 10, 5), DATE_NONE),
		/* 22, allocated today, no contact: due today, not overdue */
		up(D(2004, 2, 29), today, DATE_NONE, DATE_NONE),
		/* 24, stepped down */
		with_status(up(D(2002, 3, 1), D(2021, 9, 1), DATE_NONE,
		    DATE_NONE), STATUS_DOWN, D(2026, 4, 1)),
		/* archived: not on the caseload */
		with_status(up(D(2005, 1, 1), D(2023, 5, 1), DATE_NONE,
		    DATE_NONE), STATUS_ARCHIVED, D(2026, 1, 1)),
		/* 15: under 16, stepped up, contacted yesterday */
		up(D(2011, 6, 1), D(2026, 11, 1), today - 1, DATE_NONE),
	};
	struct stats s;

	(void)state;
	stats_compute(people, sizeof people / sizeof people[0], NULL, 0,
	    NULL, 0, &rs, today, &s);
	assert_int_equal(s.stepped_up, 4);
	assert_int_equal(s.stepped_down, 1);
	assert_int_equal(s.up_by_stage[STAGE_UNDER_16], 1);
	assert_int_equal(s.up_by_stage[STAGE_16_18], 1);
	assert_int_equal(s.up_by_stage[STAGE_18_21], 1);
	assert_int_equal(s.up_by_stage[STAGE_21_25], 1);
	assert_int_equal(s.up_by_stage[STAGE_25_PLUS], 0);
	assert_int_equal(s.down_by_stage[STAGE_21_25], 1);
	assert_int_equal(s.overdue, 1);
	assert_int_equal(s.within_interval, 3);
	assert_int_equal(stats_percent(s.within_interval, s.stepped_up), 75);
	assert_int_equal(s.reviews_overdue, 1);
	assert_int_equal(s.over_cap, 0);
}

static void
test_over_cap(void **state)
{
	struct rules_settings rs = defaults();
	struct person_facts f = up(D(2007, 1, 1), D(2026, 1, 1),
	    D(2026, 11, 20), D(2026, 10, 1));
	struct stats s;
	int i;

	(void)state;
	rs.cap = 2;
	stats_init(&s, &rs, D(2026, 11, 27));
	for (i = 0; i < 5; i++)
		stats_add_person(&s, &f, &rs);
	assert_int_equal(s.stepped_up, 5);
	assert_int_equal(s.cap, 2);
	assert_int_equal(s.over_cap, 3);
	/* Exactly at the cap is not over it. */
	rs.cap = 5;
	stats_init(&s, &rs, D(2026, 11, 27));
	for (i = 0; i < 5; i++)
		stats_add_person(&s, &f, &rs);
	assert_int_equal(s.over_cap, 0);
}

/* A weekly young person is overdue after 7 days, not 56. */
static void
test_own_interval(void **state)
{
	struct rules_settings rs = defaults();
	struct person_facts f = up(D(2006, 12, 7), D(2026, 3, 1),
	    D(2026, 11, 18), D(2026, 11, 1));
	struct stats s;

	(void)state;
	f.interval_weeks = 1;
	stats_compute(&f, 1, NULL, 0, NULL, 0, &rs, D(2026, 11, 27), &s);
	assert_int_equal(s.overdue, 1);
	assert_int_equal(s.within_interval, 0);
	assert_int_equal(stats_percent(s.within_interval, s.stepped_up), 0);
}

static void
test_contacts(void **state)
{
	struct rules_settings rs = defaults();
	date_t today = D(2026, 11, 27);
	struct stats_contact log[] = {
		{ D(2026, 10, 3), BY_WORKER, 0, 0 },		/* first day in */
		{ D(2026, 10, 2), BY_WORKER, 0, 0 },		/* just out */
		{ today, BY_YOUNG_PERSON, 0, 0 },
		{ D(2026, 11, 1), BY_YOUNG_PERSON, 0, 0 },
		{ D(2026, 11, 2), BY_WORKER, 1, 0 },		/* attempted */
		{ D(2026, 11, 3), BY_YOUNG_PERSON, 1, 0 },	/* attempted */
		{ D(2026, 11, 4), BY_WORKER, 0, 1 },		/* struck */
		{ D(2026, 11, 5), BY_WORKER, 1, 1 },		/* struck */
		{ today + 1, BY_WORKER, 0, 0 },			/* future */
	};
	struct stats s;

	(void)state;
	stats_compute(NULL, 0, log, sizeof log / sizeof log[0], NULL, 0, &rs,
	    today, &s);
	assert_int_equal(s.contacts, 3);
	assert_int_equal(s.contacts_by_young_person, 2);
	assert_int_equal(s.attempted, 2);
}

/* With [contact] interval_weeks = 4, "recent" is the last 4 weeks. */
static void
test_window_follows_interval(void **state)
{
	struct rules_settings rs = defaults();
	struct stats s;

	(void)state;
	rs.interval_weeks = 4;
	stats_init(&s, &rs, D(2026, 3, 1));
	assert_int_equal(s.weeks, 4);
	assert_int_equal(s.since, D(2026, 2, 2));
}

static void
test_letters(void **state)
{
	struct rules_settings rs = defaults();
	date_t letters[] = {
		D(2025, 12, 31), D(2026, 1, 1), D(2026, 6, 30), D(2026, 11, 27),
		D(2026, 11, 28)
	};
	struct stats s;

	(void)state;
	stats_compute(NULL, 0, NULL, 0, letters,
	    sizeof letters / sizeof letters[0], &rs, D(2026, 11, 27), &s);
	assert_int_equal(s.letters, 3);
	assert_int_equal(s.year, 2026);
}

static void
test_percent(void **state)
{
	(void)state;
	assert_int_equal(stats_percent(0, 0), -1);
	assert_int_equal(stats_percent(0, 3), 0);
	assert_int_equal(stats_percent(1, 3), 33);
	assert_int_equal(stats_percent(2, 3), 67);
	assert_int_equal(stats_percent(1, 8), 13);	/* 12.5 rounds up */
	assert_int_equal(stats_percent(4, 7), 57);
	assert_int_equal(stats_percent(7, 7), 100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_caseload),
		cmocka_unit_test(test_over_cap),
		cmocka_unit_test(test_own_interval),
		cmocka_unit_test(test_contacts),
		cmocka_unit_test(test_window_follows_interval),
		cmocka_unit_test(test_letters),
		cmocka_unit_test(test_percent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
