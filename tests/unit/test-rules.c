/* SPDX-License-Identifier: MIT */
/*
 * test-rules.c: the domain rules (rules.h), as THE RULES in caseload(1)
 * tells them.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "rows.h"
#include "rules.h"

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
up(date_t dob, date_t allocated)
{
	struct person_facts f;

	person_facts_init(&f);
	f.dob = dob;
	f.allocated_on = allocated;
	f.status = STATUS_UP;
	f.status_since = allocated;
	return f;
}

static void
test_defaults(void **state)
{
	struct rules_settings s = defaults();

	(void)state;
	assert_int_equal(s.interval_weeks, 8);
	assert_int_equal(s.due_soon_days, 14);
	assert_int_equal(s.first_contact_days, 7);
	assert_int_equal(s.letter_months, 12);
	assert_int_equal(s.review_months, 6);
	assert_int_equal(s.cap, 22);
	assert_int_equal(s.working_days, 0);
	assert_null(s.holidays);
	assert_int_equal(s.nholidays, 0);
}

static void
test_stage_boundaries(void **state)
{
	date_t dob = D(2008, 6, 15);

	(void)state;
	assert_int_equal(rules_stage(dob, D(2024, 6, 14)), STAGE_UNDER_16);
	assert_int_equal(rules_stage(dob, D(2024, 6, 15)), STAGE_16_18);
	assert_int_equal(rules_stage(dob, D(2026, 6, 14)), STAGE_16_18);
	assert_int_equal(rules_stage(dob, D(2026, 6, 15)), STAGE_18_21);
	assert_int_equal(rules_stage(dob, D(2029, 6, 14)), STAGE_18_21);
	assert_int_equal(rules_stage(dob, D(2029, 6, 15)), STAGE_21_25);
	assert_int_equal(rules_stage(dob, D(2033, 6, 14)), STAGE_21_25);
	assert_int_equal(rules_stage(dob, D(2033, 6, 15)), STAGE_25_PLUS);
	assert_string_equal(rules_stage_label(STAGE_UNDER_16), "under 16");
	assert_string_equal(rules_stage_label(STAGE_16_18), "16-18");
	assert_string_equal(rules_stage_label(STAGE_18_21), "18-21");
	assert_string_equal(rules_stage_label(STAGE_21_25), "21-25");
	assert_string_equal(rules_stage_label(STAGE_25_PLUS), "25+");
}

static void
test_stage_leapling(void **state)
{
	date_t dob = D(2004, 2, 29);

	(void)state;
	/* 2022 is not a leap year: 18 on 1 March. */
	assert_int_equal(rules_stage(dob, D(2022, 2, 28)), STAGE_16_18);
	assert_int_equal(rules_stage(dob, D(2022, 3, 1)), STAGE_18_21);
	/* 25 on 1 March 2029. */
	assert_int_equal(rules_stage(dob, D(2029, 2, 28)), STAGE_21_25);
	assert_int_equal(rules_stage(dob, D(2029, 3, 1)), STAGE_25_PLUS);
}

static void
test_last_contact(void **state)
{
	struct rules_contact log[] = {
		{ D(2026, 9, 2), 0, 0 },
		{ D(2026, 10, 30), 1, 0 },	/* attempted: does not count */
		{ D(2026, 10, 1), 0, 1 },	/* struck out: does not count */
		{ D(2026, 8, 1), 0, 0 },
	};

	(void)state;
	assert_int_equal(rules_last_contact(log, 4), D(2026, 9, 2));
	assert_int_equal(rules_last_contact(log, 0), DATE_NONE);
	assert_int_equal(rules_last_contact(log + 1, 2), DATE_NONE);
}

static void
test_contact_due_from_allocation(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = up(D(2007, 3, 14), D(2026, 11, 20));
	struct rules_due due;

	(void)state;
	/* No contact yet: due a week after the allocation date. */
	due = rules_contact_due(&f, &s, D(2026, 11, 27));
	assert_int_equal(due.due, D(2026, 11, 27));
	assert_int_equal(due.state, DUE_SOON);
	assert_int_equal(due.days_overdue, 0);
	due = rules_contact_due(&f, &s, D(2026, 11, 30));
	assert_int_equal(due.state, DUE_OVERDUE);
	assert_int_equal(due.days_overdue, 3);
	/* Allocated in the future: due a week after, not overdue. */
	f.allocated_on = D(2026, 12, 1);
	due = rules_contact_due(&f, &s, D(2026, 11, 27));
	assert_int_equal(due.state, DUE_SOON);
	assert_int_equal(due.days_overdue, 0);
}

static void
test_contact_due_states(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = up(D(2007, 3, 14), D(2025, 1, 1));
	date_t today = D(2026, 11, 27);
	struct rules_due due;

	(void)state;
	/* 56 days after the last contact. */
	f.last_contact = today - 56;
	due = rules_contact_due(&f, &s, today);
	assert_int_equal(due.due, today);
	assert_int_equal(due.state, DUE_SOON);	/* due today */
	f.last_contact = today - 57;
	due = rules_contact_due(&f, &s, today);
	assert_int_equal(due.state, DUE_OVERDUE);
	assert_int_equal(due.days_overdue, 1);
	f.last_contact = today - 56 + 14;
	due = rules_contact_due(&f, &s, today);
	assert_int_equal(due.state, DUE_SOON);	/* due in 14 days */
	f.last_contact = today - 56 + 15;
	due = rules_contact_due(&f, &s, today);
	assert_int_equal(due.state, DUE_OK);	/* due in 15 days */
	assert_int_equal(due.days_overdue, 0);
	s.due_soon_days = 0;
	f.last_contact = today - 55;
	due = rules_contact_due(&f, &s, today);
	assert_int_equal(due.state, DUE_OK);
	assert_string_equal(rules_due_state_name(DUE_OVERDUE), "overdue");
	assert_string_equal(rules_due_state_name(DUE_SOON), "due-soon");
	assert_string_equal(rules_due_state_name(DUE_OK), "ok");
}

/* Stepped down on down, back up on back (allocated on allocated). */
static struct person_facts
returned(date_t allocated, date_t down, date_t back)
{
	struct person_facts f = up(D(2005, 4, 2), allocated);

	(void)down;
	f.status_since = back;
	return f;
}

static void
test_start(void **state)
{
	struct person_facts f = up(D(2007, 3, 14), D(2025, 2, 1));

	(void)state;
	/* Never stepped down: the start is the allocation. */
	assert_int_equal(rules_start(&f), D(2025, 2, 1));
	/* Back after a step-down: the day they stepped up. */
	f = returned(D(2023, 1, 9), D(2024, 11, 1), D(2026, 11, 30));
	assert_int_equal(rules_start(&f), D(2026, 11, 30));
	/* The allocation moved later than the history: the later one. */
	f = up(D(2007, 3, 14), D(2025, 2, 1));
	f.status_since = D(2025, 1, 1);
	assert_int_equal(rules_start(&f), D(2025, 2, 1));
	/* Not stepped up: no start. */
	f.status = STATUS_DOWN;
	assert_int_equal(rules_start(&f), DATE_NONE);
}

static void
test_contact_after_step_up(void **state)
{
	struct rules_settings s = defaults();
	date_t today = D(2026, 11, 30);
	struct person_facts f;
	struct rules_due due;

	(void)state;
	/* Leah: last seen in 2024, stepped down, back up today. */
	f = returned(D(2023, 1, 9), D(2024, 12, 1), today);
	f.last_contact = D(2024, 10, 31);
	due = rules_contact_due(&f, &s, today);
	assert_int_equal(due.due, D(2026, 12, 7));
	assert_int_equal(due.state, DUE_SOON);
	assert_int_equal(due.days_overdue, 0);
	/* A week later, not seen: overdue by a day on the eighth. */
	due = rules_contact_due(&f, &s, D(2026, 12, 8));
	assert_int_equal(due.state, DUE_OVERDUE);
	assert_int_equal(due.days_overdue, 1);
	/* A contact on the day they stepped up counts. */
	f.last_contact = today;
	assert_int_equal(rules_contact_due(&f, &s, today).due, today + 56);
	/* One the day before does not restart the clock. */
	f.last_contact = today - 1;
	assert_int_equal(rules_contact_due(&f, &s, today).due, today + 55);
	f.last_contact = today - 60;
	assert_int_equal(rules_contact_due(&f, &s, today).due, today + 7);
}

static void
test_contact_first_days(void **state)
{
	struct rules_settings s = defaults();
	date_t today = D(2026, 11, 30);
	struct person_facts f = up(D(2007, 3, 14), today);
	struct rules_due due;

	(void)state;
	/* Allocated today: due in 7 days, due soon, not overdue tomorrow. */
	due = rules_contact_due(&f, &s, today);
	assert_int_equal(due.due, today + 7);
	assert_int_equal(due.state, DUE_SOON);
	assert_int_equal(rules_contact_due(&f, &s, today + 1).state, DUE_SOON);
	assert_int_equal(rules_contact_due(&f, &s, today + 8).days_overdue, 1);
	/* first_contact_days 0: due the day they start. */
	s.first_contact_days = 0;
	due = rules_contact_due(&f, &s, today);
	assert_int_equal(due.due, today);
	assert_int_equal(due.state, DUE_SOON);
	assert_int_equal(rules_contact_due(&f, &s, today + 1).days_overdue, 1);
	/* ... and a contact on the day is then 8 weeks on. */
	f.last_contact = today;
	assert_int_equal(rules_contact_due(&f, &s, today).due, today + 56);
	/* A weekly young person seen on their first day: a week on. */
	s.first_contact_days = 7;
	f.interval_weeks = 1;
	assert_int_equal(rules_contact_due(&f, &s, today).due, today + 7);
	/* A longer first window wins over a short interval. */
	s.first_contact_days = 28;
	assert_int_equal(rules_contact_due(&f, &s, today).due, today + 28);
}

static void
test_contact_leap_day(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f;

	(void)state;
	/* Stepped up on 29 February: a week on is 7 March. */
	f = returned(D(2022, 5, 5), D(2023, 6, 1), D(2028, 2, 29));
	assert_int_equal(rules_contact_due(&f, &s, D(2028, 2, 29)).due,
	    D(2028, 3, 7));
	/* Allocated on 23 February 2028: due on 1 March (a leap year). */
	f = up(D(2008, 1, 1), D(2028, 2, 23));
	assert_int_equal(rules_contact_due(&f, &s, D(2028, 2, 23)).due,
	    D(2028, 3, 1));
	f = up(D(2008, 1, 1), D(2027, 2, 23));
	assert_int_equal(rules_contact_due(&f, &s, D(2027, 2, 23)).due,
	    D(2027, 3, 2));
	/* Review 6 months after 29 February: 29 August. */
	f = returned(D(2022, 5, 5), D(2023, 6, 1), D(2028, 2, 29));
	assert_int_equal(rules_review_due(&f, &s, D(2028, 2, 29)).due,
	    D(2028, 8, 29));
	/* 31 August + 6 months clamps to 28 February (29 in a leap year). */
	f = returned(D(2022, 5, 5), D(2023, 6, 1), D(2027, 8, 31));
	assert_int_equal(rules_review_due(&f, &s, D(2027, 8, 31)).due,
	    D(2028, 2, 29));
}

static void
test_review_after_step_up(void **state)
{
	struct rules_settings s = defaults();
	date_t today = D(2026, 11, 30);
	struct person_facts f;
	struct rules_due due;

	(void)state;
	/* Leah: last review 2023, back up today: due in 6 months. */
	f = returned(D(2023, 1, 9), D(2024, 12, 1), today);
	f.last_review = D(2023, 7, 12);
	due = rules_review_due(&f, &s, today);
	assert_int_equal(due.due, D(2027, 5, 30));
	assert_int_equal(due.state, DUE_OK);
	/* No review ever: the same. */
	f.last_review = DATE_NONE;
	assert_int_equal(rules_review_due(&f, &s, today).due, D(2027, 5, 30));
	/* A review after stepping up counts from its day. */
	f.last_review = D(2027, 1, 15);
	assert_int_equal(rules_review_due(&f, &s, D(2027, 1, 15)).due,
	    D(2027, 7, 15));
	/* A review on the day they stepped up: 6 months on either way. */
	f.last_review = today;
	assert_int_equal(rules_review_due(&f, &s, today).due, D(2027, 5, 30));
}

static void
test_attempts(void **state)
{
	date_t today = D(2026, 11, 30);
	struct person_facts f = up(D(2007, 3, 14), D(2025, 2, 1));
	struct rules_contact log[] = {
		{ D(2025, 3, 1), 1, 0 },	/* before the last seen */
		{ D(2025, 4, 1), 0, 0 },	/* last seen */
		{ D(2025, 4, 1), 1, 0 },	/* the same day: not after */
		{ D(2025, 5, 1), 1, 0 },
		{ D(2025, 6, 1), 1, 1 },	/* struck out */
		{ D(2025, 7, 1), 1, 0 },
		{ today, 1, 0 },
	};
	size_t n = sizeof log / sizeof log[0];

	(void)state;
	f.last_contact = D(2025, 4, 1);
	assert_int_equal(rules_attempts(&f, log, n), 3);
	/* No contact at all: every attempt since the start. */
	assert_int_equal(rules_attempts(&f, log, 1), 1);
	assert_int_equal(rules_attempts(&f, log, 0), 0);
	/* Back up today: only the attempt on the day counts. */
	f = returned(D(2024, 1, 1), D(2025, 8, 1), today);
	assert_int_equal(rules_attempts(&f, log, n), 1);
	/* Stepped down: none. */
	f.status = STATUS_DOWN;
	assert_int_equal(rules_attempts(&f, log, n), 0);
}

static void
test_contact_interval(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = up(D(2007, 3, 14), D(2025, 1, 1));
	date_t today = D(2026, 11, 27);

	(void)state;
	f.last_contact = D(2026, 11, 18);
	assert_int_equal(rules_interval_days(&f, &s), 56);
	assert_int_equal(rules_contact_due(&f, &s, today).due, D(2027, 1, 13));
	/* Some need weekly contact. */
	f.interval_weeks = 1;
	assert_int_equal(rules_interval_days(&f, &s), 7);
	assert_int_equal(rules_contact_due(&f, &s, today).due, D(2026, 11, 25));
	assert_int_equal(rules_contact_due(&f, &s, today).days_overdue, 2);
	/* The setting changes everyone without their own interval. */
	f.interval_weeks = 0;
	s.interval_weeks = 4;
	assert_int_equal(rules_contact_due(&f, &s, today).due, D(2026, 12, 16));
}

static void
test_stepped_down_never_overdue(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = up(D(2003, 5, 5), D(2020, 1, 1));
	struct rules_due due;

	(void)state;
	f.status = STATUS_DOWN;
	f.status_since = D(2025, 11, 1);
	due = rules_contact_due(&f, &s, D(2026, 11, 27));
	assert_int_equal(due.state, DUE_NONE);
	assert_int_equal(due.due, DATE_NONE);
	assert_int_equal(due.days_overdue, 0);
	assert_int_equal(rules_review_due(&f, &s, D(2026, 11, 27)).state,
	    DUE_NONE);
	f.status = STATUS_ARCHIVED;
	assert_int_equal(rules_contact_due(&f, &s, D(2026, 11, 27)).state,
	    DUE_NONE);
}

static struct person_facts
down(date_t dob, date_t since)
{
	struct person_facts f = up(dob, D(2020, 1, 1));

	f.status = STATUS_DOWN;
	f.status_since = since;
	return f;
}

static void
test_letters(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = down(D(2003, 5, 5), D(2025, 11, 1));
	struct rules_due due;

	(void)state;
	/* First letter 12 months after stepping down. */
	due = rules_letter_due(&f, &s, D(2026, 11, 27));
	assert_int_equal(due.due, D(2026, 11, 1));
	assert_int_equal(due.state, DUE_OVERDUE);
	assert_int_equal(due.days_overdue, 26);
	/* Then 12 months after the last letter sent. */
	f.last_letter = D(2026, 11, 20);
	due = rules_letter_due(&f, &s, D(2026, 11, 27));
	assert_int_equal(due.due, D(2027, 11, 20));
	assert_int_equal(due.state, DUE_OK);
	/* A letter sent before the latest step-down does not count. */
	f.last_letter = D(2025, 6, 1);
	due = rules_letter_due(&f, &s, D(2026, 11, 27));
	assert_int_equal(due.due, D(2026, 11, 1));
	/* Not stepped down: no letter. */
	f.status = STATUS_UP;
	assert_int_equal(rules_letter_due(&f, &s, D(2026, 11, 27)).state,
	    DUE_NONE);
}

static void
test_letters_leap_step_down(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = down(D(2004, 1, 20), D(2024, 2, 29));

	(void)state;
	/* 29 February + 12 months = 28 February. */
	assert_int_equal(rules_letter_due(&f, &s, D(2024, 3, 1)).due,
	    D(2025, 2, 28));
	f.last_letter = D(2025, 2, 28);
	assert_int_equal(rules_letter_due(&f, &s, D(2025, 3, 1)).due,
	    D(2026, 2, 28));
}

static void
test_letters_stop_at_25(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = down(D(2002, 3, 1), D(2026, 4, 1));

	(void)state;
	/* 25 on 1 March 2027; the letter would be 1 April 2027: none. */
	assert_int_equal(rules_letter_due(&f, &s, D(2026, 11, 27)).state,
	    DUE_NONE);
	/* A letter due the day before the 25th birthday is still sent. */
	f.status_since = D(2026, 2, 28);
	assert_int_equal(rules_letter_due(&f, &s, D(2026, 11, 27)).due,
	    D(2027, 2, 28));
	/* One due on the birthday itself is not. */
	f.status_since = D(2026, 3, 1);
	assert_int_equal(rules_letter_due(&f, &s, D(2026, 11, 27)).state,
	    DUE_NONE);
}

static void
test_letters_stop_at_25_leapling(void **state)
{
	struct rules_settings s = defaults();
	/* Born 29 Feb 2004: 25 on 1 March 2029. */
	struct person_facts f = down(D(2004, 2, 29), D(2028, 2, 28));

	(void)state;
	assert_int_equal(rules_letter_due(&f, &s, D(2028, 3, 1)).due,
	    D(2029, 2, 28));
	f.status_since = D(2028, 2, 29);
	/* 29 Feb 2028 + 12 months = 28 Feb 2029: still before the 25th. */
	assert_int_equal(rules_letter_due(&f, &s, D(2028, 3, 1)).due,
	    D(2029, 2, 28));
	f.status_since = D(2028, 3, 1);
	assert_int_equal(rules_letter_due(&f, &s, D(2028, 3, 2)).state,
	    DUE_NONE);
}

static void
test_letters_after_step_up_and_down(void **state)
{
	struct rules_settings s = defaults();
	/* Down 2024, letter 2025, up again, down again 28/02/2026. */
	struct person_facts f = down(D(2004, 1, 20), D(2026, 2, 28));

	(void)state;
	f.last_letter = D(2025, 2, 28);
	assert_int_equal(rules_letter_due(&f, &s, D(2026, 11, 27)).due,
	    D(2027, 2, 28));
}

static void
test_reviews(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = up(D(2007, 3, 14), D(2025, 2, 1));
	struct rules_due due;

	(void)state;
	due = rules_review_due(&f, &s, D(2026, 11, 27));
	assert_int_equal(due.due, D(2025, 8, 1));
	assert_int_equal(due.state, DUE_OVERDUE);
	f.last_review = D(2026, 6, 1);
	due = rules_review_due(&f, &s, D(2026, 11, 27));
	assert_int_equal(due.due, D(2026, 12, 1));
	assert_int_equal(due.state, DUE_SOON);
	s.review_months = 12;
	assert_int_equal(rules_review_due(&f, &s, D(2026, 11, 27)).due,
	    D(2027, 6, 1));
}

static void
test_cap(void **state)
{
	struct rules_settings s = defaults();

	(void)state;
	assert_false(rules_over_cap(22, &s));
	assert_true(rules_over_cap(23, &s));
	s.cap = 5;
	assert_true(rules_over_cap(6, &s));
	assert_false(rules_over_cap(0, &s));
}

static void
test_due_order(void **state)
{
	struct rules_due a = { D(2026, 10, 1), DUE_OVERDUE, 57 };
	struct rules_due b = { D(2026, 11, 1), DUE_OVERDUE, 26 };
	struct rules_due none = { DATE_NONE, DUE_NONE, 0 };

	(void)state;
	/* Most overdue first. */
	assert_true(rules_due_order(&a, STATUS_UP, 9, &b, STATUS_UP, 1) < 0);
	assert_true(rules_due_order(&b, STATUS_UP, 1, &a, STATUS_UP, 9) > 0);
	/* Same date: by number. */
	assert_true(rules_due_order(&a, STATUS_UP, 2, &a, STATUS_UP, 3) < 0);
	/* Stepped up before stepped down, whatever the dates. */
	assert_true(rules_due_order(&b, STATUS_UP, 9, &none, STATUS_DOWN, 1) < 0);
	assert_true(rules_due_order(&none, STATUS_DOWN, 1, &b, STATUS_UP, 9) > 0);
	assert_true(rules_due_order(&none, STATUS_DOWN, 1, &none, STATUS_DOWN,
	    2) < 0);
	assert_int_equal(rules_due_order(&a, STATUS_UP, 2, &a, STATUS_UP, 2), 0);
}

/*
 * The bounds that lists select by agree with rules_judge_due on every
 * date around them, and with what the states mean in caseload(1):
 * overdue before today, due soon from today to due_soon_days later, ok
 * after.
 */
static void
test_due_bounds(void **state)
{
	static const int soon[] = { 0, 1, 14, 60 };
	struct rules_settings s = defaults();
	struct rules_due r;
	date_t days[4], today, soon_from, ok_from, due;
	size_t i, k;
	enum due_state want;

	(void)state;
	days[0] = D(2026, 11, 27);
	days[1] = D(2028, 2, 29);
	days[2] = D(2026, 12, 31);
	days[3] = D(2000, 1, 1);
	for (k = 0; k < sizeof soon / sizeof soon[0]; k++) {
		s.due_soon_days = soon[k];
		for (i = 0; i < 4; i++) {
			today = days[i];
			rules_due_bounds(&s, today, &soon_from, &ok_from);
			/* Spec: due today or within due_soon_days is soon. */
			assert_int_equal(soon_from, today);
			assert_int_equal(ok_from - today, soon[k] + 1);
			for (due = today - 100; due <= ok_from + 100; due++) {
				r = rules_judge_due(due, &s, today);
				want = due < soon_from ? DUE_OVERDUE :
				    due < ok_from ? DUE_SOON : DUE_OK;
				assert_int_equal(r.state, want);
				assert_int_equal(r.due, due);
				assert_int_equal(r.days_overdue, due < today ?
				    (int)(today - due) : 0);
			}
		}
	}
	r = rules_judge_due(DATE_NONE, &s, days[0]);
	assert_int_equal(r.state, DUE_NONE);
}

/*
 * [calendar] working_days: a due date on a Saturday, Sunday or bank
 * holiday moves to the working day before, for contacts, letters and
 * reviews; overdue counts from the moved date; milestones stay.
 */
static void
test_working_days(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = up(D(2006, 5, 5), D(2026, 1, 5));
	struct agenda_item items[RULES_AGENDA_MAX];
	date_t extra[] = { D(2026, 12, 24) };
	struct rules_due due;
	size_t n, i;

	(void)state;
	/* Due on Christmas Day 2026, a Friday. */
	f.last_contact = D(2026, 10, 30);
	assert_int_equal(rules_contact_due(&f, &s, D(2026, 12, 1)).due,
	    D(2026, 12, 25));
	s.working_days = 1;
	assert_int_equal(rules_contact_due(&f, &s, D(2026, 12, 1)).due,
	    D(2026, 12, 24));
	/* Overdue from the moved date: on Christmas Day, by one day. */
	due = rules_contact_due(&f, &s, D(2026, 12, 25));
	assert_int_equal(due.state, DUE_OVERDUE);
	assert_int_equal(due.days_overdue, 1);
	/* Saturday 2 January 2027: past New Year's Day to 31 December. */
	f.last_contact = D(2026, 11, 7);
	assert_int_equal(rules_contact_due(&f, &s, D(2026, 12, 1)).due,
	    D(2026, 12, 31));
	/* An extra holiday is passed over as well. */
	f.last_contact = D(2026, 10, 30);
	s.holidays = extra;
	s.nholidays = 1;
	assert_int_equal(rules_contact_due(&f, &s, D(2026, 12, 1)).due,
	    D(2026, 12, 23));
	s.holidays = NULL;
	s.nholidays = 0;
	/* A working day stays. */
	f.last_contact = D(2026, 10, 7);
	assert_int_equal(rules_contact_due(&f, &s, D(2026, 11, 1)).due,
	    D(2026, 12, 2));
	/* A review due on Christmas Day 2026. */
	f.last_review = D(2026, 6, 25);
	assert_int_equal(rules_review_due(&f, &s, D(2026, 12, 1)).due,
	    D(2026, 12, 24));
	/* A letter due on Saturday 26 December 2026. */
	f.status = STATUS_DOWN;
	f.status_since = D(2025, 12, 26);
	assert_int_equal(rules_letter_due(&f, &s, D(2026, 12, 1)).due,
	    D(2026, 12, 24));
	s.working_days = 0;
	assert_int_equal(rules_letter_due(&f, &s, D(2026, 12, 1)).due,
	    D(2026, 12, 26));
	/* An 18th birthday on a Saturday is not moved: it is not due. */
	s.working_days = 1;
	f.dob = D(2008, 12, 26);
	n = rules_agenda(&f, &s, D(2026, 12, 1), D(2026, 12, 31), items);
	for (i = 0; i < n; i++) {
		if (items[i].kind == AGENDA_BIRTHDAY)
			assert_int_equal(items[i].on, D(2026, 12, 26));
		else
			assert_int_equal(items[i].on, D(2026, 12, 24));
	}
	assert_int_equal(n, 2);
	assert_int_equal(rules_due_day(&s, DATE_NONE), DATE_NONE);
}

/*
 * With working days, the bounds that lists select the kept dates by (as
 * worked out, unmoved) agree with the rules' judgement of the moved
 * dates, on days around Christmas, Easter and weekends.
 */
static void
test_due_bounds_working_days(void **state)
{
	static const int soon[] = { 0, 1, 14 };
	struct rules_settings s = defaults();
	struct rules_due r;
	date_t today, soon_from, ok_from, due;
	size_t k;
	enum due_state want;

	(void)state;
	s.working_days = 1;
	for (k = 0; k < sizeof soon / sizeof soon[0]; k++) {
		s.due_soon_days = soon[k];
		for (today = D(2026, 12, 15); today <= D(2027, 1, 10);
		    today++) {
			rules_due_bounds(&s, today, &soon_from, &ok_from);
			for (due = today - 40; due <= today + 60; due++) {
				r = rules_judge_due(rules_due_day(&s, due), &s,
				    today);
				want = due < soon_from ? DUE_OVERDUE :
				    due < ok_from ? DUE_SOON : DUE_OK;
				assert_int_equal(r.state, want);
			}
		}
	}
	/* Christmas Day 2026: nothing moved there is before 29 December. */
	s.due_soon_days = 14;
	rules_due_bounds(&s, D(2026, 12, 25), &soon_from, &ok_from);
	assert_int_equal(soon_from, D(2026, 12, 29));
	assert_int_equal(rules_due_from(&s, D(2026, 12, 24)), D(2026, 12, 24));
	s.working_days = 0;
	assert_int_equal(rules_due_from(&s, D(2026, 12, 25)), D(2026, 12, 25));
}

static void
test_milestones(void **state)
{
	(void)state;
	assert_int_equal(rules_milestone_ages[0], 18);
	assert_int_equal(rules_milestone_ages[1], 21);
	assert_int_equal(rules_milestone_ages[2], 25);
	assert_string_equal(rules_milestone_label(21), "21st birthday");
	assert_string_equal(rules_milestone_meaning(18),
	    "social worker support ends");
}

static void
test_agenda(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f = up(D(2008, 12, 1), D(2026, 1, 10));
	struct agenda_item items[RULES_AGENDA_MAX];
	date_t today = D(2026, 11, 27);
	size_t n;

	(void)state;
	f.last_contact = D(2026, 10, 5);	/* due 30/11 */
	f.last_review = D(2026, 6, 1);		/* due 01/12 */
	n = rules_agenda(&f, &s, today, today + 27, items);
	assert_int_equal(n, 3);
	assert_int_equal(items[0].kind, AGENDA_CONTACT);
	assert_int_equal(items[0].on, D(2026, 11, 30));
	assert_int_equal(items[1].kind, AGENDA_REVIEW);
	assert_int_equal(items[1].on, D(2026, 12, 1));
	assert_int_equal(items[2].kind, AGENDA_BIRTHDAY);
	assert_int_equal(items[2].on, D(2026, 12, 1));
	assert_int_equal(items[2].age, 18);
	/* One set of words for the lists and the calendar. */
	assert_string_equal(rules_agenda_label(&items[0], 1), "contact due");
	assert_string_equal(rules_agenda_label(&items[0], 0), "contact");
	assert_string_equal(rules_agenda_label(&items[1], 1),
	    "pathway plan review due");
	assert_string_equal(rules_agenda_label(&items[2], 1), "18th birthday");
	assert_string_equal(rules_agenda_label(&items[2], 0), "18th birthday");

	/* Overdue items are placed on today and keep their due date. */
	f.last_contact = D(2026, 9, 1);
	n = rules_agenda(&f, &s, today, today, items);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].on, today);
	assert_int_equal(items[0].due.due, D(2026, 10, 27));
	assert_int_equal(items[0].due.state, DUE_OVERDUE);

	/* Archived: nothing. */
	f.status = STATUS_ARCHIVED;
	assert_int_equal(rules_agenda(&f, &s, today, today + 400, items), 0);

	/* Stepped down: the letter and birthdays, no contact or review. */
	f = down(D(2002, 3, 1), D(2026, 2, 28));
	n = rules_agenda(&f, &s, today, today + 365, items);
	assert_int_equal(n, 2);
	assert_int_equal(items[0].kind, AGENDA_LETTER);
	assert_int_equal(items[0].on, D(2027, 2, 28));
	assert_string_equal(rules_agenda_label(&items[0], 0), "annual letter");
	assert_string_equal(rules_agenda_label(&items[0], 1),
	    "annual letter due");
	assert_int_equal(items[1].kind, AGENDA_BIRTHDAY);
	assert_int_equal(items[1].age, 25);
	assert_int_equal(items[1].on, D(2027, 3, 1));
}

/* rows.h: every list and page says when something is due in these words. */
static void
test_due_words(void **state)
{
	struct rules_settings s = defaults();
	date_t today = D(2026, 11, 30);
	struct rules_due due;
	char buf[64];

	(void)state;
	due.due = DATE_NONE;
	due.state = DUE_NONE;
	due.days_overdue = 0;
	rows_due_words(&due, today, buf, sizeof buf);
	assert_string_equal(buf, "");
	due = rules_judge_due(today - 1, &s, today);
	rows_due_words(&due, today, buf, sizeof buf);
	assert_string_equal(buf, "overdue by 1 day");
	due = rules_judge_due(today - 30, &s, today);
	rows_due_words(&due, today, buf, sizeof buf);
	assert_string_equal(buf, "overdue by 30 days");
	due = rules_judge_due(today, &s, today);
	rows_due_words(&due, today, buf, sizeof buf);
	assert_string_equal(buf, "due today");
	due = rules_judge_due(today + 1, &s, today);
	rows_due_words(&due, today, buf, sizeof buf);
	assert_string_equal(buf, "due in 1 day");
	due = rules_judge_due(today + 40, &s, today);
	rows_due_words(&due, today, buf, sizeof buf);
	assert_string_equal(buf, "due in 40 days");
	/* Cut to the room given, never past it. */
	rows_due_words(&due, today, buf, 6);
	assert_string_equal(buf, "due i");
}

/* rows.h: a young person judged for the due list, and its CSV state. */
static void
test_rows_judge(void **state)
{
	struct rules_settings s = defaults();
	date_t today = D(2026, 11, 30);
	struct person p, *copy;
	struct due_list list;
	struct due_row row;

	(void)state;
	memset(&p, 0, sizeof p);
	p.id = 7;
	p.name = "Aisha Khan";
	p.phone = "07700 900101";
	p.facts = up(D(2007, 3, 14), D(2026, 1, 5));
	p.facts.last_contact = today - 60;
	rows_judge(&p, &s, today, &p, &row);
	assert_ptr_equal(row.person, &p);
	assert_int_equal(row.age, 19);
	assert_int_equal(row.stage, STAGE_18_21);
	assert_int_equal(row.contact.state, DUE_OVERDUE);
	assert_int_equal(row.contact.days_overdue, 4);
	assert_string_equal(rows_due_state(&row), "overdue");

	p.facts.last_contact = today - 50;
	rows_judge(&p, &s, today, &p, &row);
	assert_string_equal(rows_due_state(&row), "due-soon");
	p.facts.last_contact = today;
	rows_judge(&p, &s, today, &p, &row);
	assert_string_equal(rows_due_state(&row), "ok");
	p.facts.status = STATUS_DOWN;
	rows_judge(&p, &s, today, &p, &row);
	assert_string_equal(rows_due_state(&row), "stepped-down");
	p.facts.status = STATUS_ARCHIVED;
	assert_string_equal(rows_due_state(&row), "archived");

	/* A list keeps the names only, never contact details. */
	memset(&list, 0, sizeof list);
	due_list_append(&list, &row);
	assert_int_equal(list.n, 1);
	copy = list.rows[0].person;
	assert_ptr_not_equal(copy, &p);
	assert_string_equal(copy->name, "Aisha Khan");
	assert_null(copy->phone);
	due_list_free(&list);
	assert_int_equal(list.n, 0);
	assert_null(list.rows);
	due_list_free(NULL);
	agenda_list_free(NULL);
	letter_list_free(NULL);
}

/* A due item on a date (DUE_OK: the state does not decide). */
static struct rules_due
due_on(date_t on)
{
	struct rules_due d;

	d.due = on;
	d.state = on == DATE_NONE ? DUE_NONE : DUE_OK;
	d.days_overdue = 0;
	return d;
}

static void
test_most_urgent_rule(void **state)
{
	struct rules_due due[3];

	(void)state;
	/* Nothing due of any kind: none. */
	due[0] = due_on(DATE_NONE);
	due[1] = due_on(DATE_NONE);
	due[2] = due_on(DATE_NONE);
	assert_int_equal(rows_most_urgent(due, 3), -1);
	assert_int_equal(rows_most_urgent(due, 0), -1);
	/* The only one due. */
	due[2] = due_on(D(2026, 11, 20));
	assert_int_equal(rows_most_urgent(due, 3), 2);
	/* The earliest date wins, whatever its kind. */
	due[0] = due_on(D(2026, 9, 27));
	due[1] = due_on(D(2026, 9, 25));
	assert_int_equal(rows_most_urgent(due, 3), 1);
	due[1] = due_on(D(2026, 12, 1));
	assert_int_equal(rows_most_urgent(due, 3), 0);
	/* A tie goes to the earlier kind of the order, wherever it is. */
	due[0] = due_on(D(2026, 11, 20));
	due[1] = due_on(D(2026, 11, 20));
	due[2] = due_on(D(2026, 11, 20));
	assert_int_equal(rows_most_urgent(due, 3), 0);
	due[0] = due_on(DATE_NONE);
	assert_int_equal(rows_most_urgent(due, 3), 1);
	/* A later kind earlier by a day beats an earlier kind. */
	due[1] = due_on(D(2026, 11, 21));
	assert_int_equal(rows_most_urgent(due, 3), 2);
}

static void
test_most_urgent_kinds(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f;
	struct rules_due due[ROWS_KINDS];
	struct rows_urgent u;
	date_t today = D(2026, 11, 30);

	(void)state;
	/* The order of kinds: contact, review, letter. */
	assert_string_equal(rows_kinds[0].name, "contact");
	assert_string_equal(rows_kinds[1].name, "review");
	assert_string_equal(rows_kinds[2].name, "letter");
	assert_int_equal(rows_kind_index(AGENDA_REVIEW), 1);
	assert_int_equal(rows_kind_index(AGENDA_BIRTHDAY), -1);

	/* Stepped up on 25/03/2026, last seen 02/08/2026, never reviewed:
	 * review due 25/09/2026 (66 days overdue) before the contact
	 * due 27/09/2026. */
	f = up(D(2010, 5, 1), D(2026, 3, 25));
	f.last_contact = D(2026, 8, 2);
	rows_urgent_judge(&f, &s, today, due, &u);
	assert_int_equal(u.kind, rows_kind_index(AGENDA_REVIEW));
	assert_int_equal(u.due.due, D(2026, 9, 25));
	assert_int_equal(u.due.state, DUE_OVERDUE);
	assert_int_equal(u.due.days_overdue, 66);
	assert_int_equal(due[0].due, D(2026, 9, 27));

	/* Reviewed since: the contact comes first. */
	f.last_review = D(2026, 10, 1);
	rows_urgent_judge(&f, &s, today, due, &u);
	assert_int_equal(u.kind, rows_kind_index(AGENDA_CONTACT));
	assert_int_equal(u.due.due, D(2026, 9, 27));

	/* The contact and the review due the same day: the contact. */
	f = up(D(2008, 1, 1), D(2026, 1, 1));
	f.last_contact = date_add_months(D(2026, 1, 1), 6) - 56;
	rows_urgent_judge(&f, &s, today, due, &u);
	assert_int_equal(due[0].due, due[1].due);
	assert_int_equal(u.kind, 0);

	/* Stepped down: their next letter, overdue or not. */
	person_facts_init(&f);
	f.dob = D(2003, 6, 1);
	f.allocated_on = D(2020, 6, 1);
	f.status = STATUS_DOWN;
	f.status_since = D(2024, 11, 20);
	f.last_letter = D(2025, 11, 20);
	rows_urgent_judge(&f, &s, today, due, &u);
	assert_int_equal(u.kind, rows_kind_index(AGENDA_LETTER));
	assert_int_equal(u.due.due, D(2026, 11, 20));
	assert_int_equal(u.due.days_overdue, 10);
	/* ... none when they turn 25 first (next letter 01/05/2027, their
	 * 25th birthday 01/03/2027). */
	f.last_letter = D(2026, 5, 1);
	f.dob = D(2002, 3, 1);
	rows_urgent_judge(&f, &s, today, due, &u);
	assert_int_equal(u.kind, -1);
	assert_int_equal(u.due.state, DUE_NONE);

	/* Archived: nothing. */
	f.status = STATUS_ARCHIVED;
	rows_urgent_judge(&f, &s, today, due, &u);
	assert_int_equal(u.kind, -1);
}

static void
test_overdue_words(void **state)
{
	int n[ROWS_KINDS] = { 0, 0, 0 };
	char buf[128];

	(void)state;
	rows_overdue_words(n, ROWS_KINDS, buf, sizeof buf);
	assert_string_equal(buf, "nothing overdue");
	n[0] = 5;
	n[1] = 2;
	n[2] = 1;
	rows_overdue_words(n, ROWS_KINDS, buf, sizeof buf);
	assert_string_equal(buf, "5 contacts, 2 reviews, 1 letter overdue");
	n[0] = 1;
	n[1] = 0;
	n[2] = 2;
	rows_overdue_words(n, ROWS_KINDS, buf, sizeof buf);
	assert_string_equal(buf, "1 contact, 2 letters overdue");
	n[0] = 0;
	n[1] = 1;
	n[2] = 0;
	rows_overdue_words(n, ROWS_KINDS, buf, sizeof buf);
	assert_string_equal(buf, "1 review overdue");
	/* Cut short, never past the buffer. */
	n[0] = 5;
	n[1] = 2;
	n[2] = 1;
	rows_overdue_words(n, ROWS_KINDS, buf, 12);
	assert_true(strlen(buf) < 12);
}

static void
test_attempts_words(void **state)
{
	char buf[64];

	(void)state;
	rows_attempts_words(0, buf, sizeof buf);
	assert_string_equal(buf, "");
	rows_attempts_words(1, buf, sizeof buf);
	assert_string_equal(buf, "1 attempt since last seen");
	rows_attempts_words(3, buf, sizeof buf);
	assert_string_equal(buf, "3 attempts since last seen");
}

static void
test_rows_judge_urgent(void **state)
{
	struct rules_settings s = defaults();
	struct person p;
	struct due_row row;

	(void)state;
	memset(&p, 0, sizeof p);
	p.name = "Leah Cohen";
	person_facts_init(&p.facts);
	p.facts.dob = D(2003, 6, 1);
	p.facts.status = STATUS_DOWN;
	p.facts.status_since = D(2024, 11, 20);
	p.facts.last_letter = D(2025, 11, 20);
	rows_judge(&p, &s, D(2026, 11, 30), &p, &row);
	assert_int_equal(row.urgent.kind, rows_kind_index(AGENDA_LETTER));
	assert_int_equal(row.urgent.due.state, DUE_OVERDUE);
	assert_int_equal(row.contact.state, DUE_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_stage_boundaries),
		cmocka_unit_test(test_stage_leapling),
		cmocka_unit_test(test_last_contact),
		cmocka_unit_test(test_contact_due_from_allocation),
		cmocka_unit_test(test_contact_due_states),
		cmocka_unit_test(test_start),
		cmocka_unit_test(test_contact_after_step_up),
		cmocka_unit_test(test_contact_first_days),
		cmocka_unit_test(test_contact_leap_day),
		cmocka_unit_test(test_review_after_step_up),
		cmocka_unit_test(test_attempts),
		cmocka_unit_test(test_contact_interval),
		cmocka_unit_test(test_stepped_down_never_overdue),
		cmocka_unit_test(test_letters),
		cmocka_unit_test(test_letters_leap_step_down),
		cmocka_unit_test(test_letters_stop_at_25),
		cmocka_unit_test(test_letters_stop_at_25_leapling),
		cmocka_unit_test(test_letters_after_step_up_and_down),
		cmocka_unit_test(test_reviews),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_due_order),
		cmocka_unit_test(test_due_bounds),
		cmocka_unit_test(test_working_days),
		cmocka_unit_test(test_due_bounds_working_days),
		cmocka_unit_test(test_milestones),
		cmocka_unit_test(test_agenda),
		cmocka_unit_test(test_due_words),
		cmocka_unit_test(test_rows_judge),
		cmocka_unit_test(test_most_urgent_rule),
		cmocka_unit_test(test_most_urgent_kinds),
		cmocka_unit_test(test_overdue_words),
		cmocka_unit_test(test_attempts_words),
		cmocka_unit_test(test_rows_judge_urgent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
