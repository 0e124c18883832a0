/* SPDX-License-Identifier: MIT */
/*
 * test-visit.c: the statutory visit clock (visit.h) at every edge SPEC
 * section 2 and issue 17 name: moving in on 31 January, two months from
 * 31 December, a visit on the move-in day, accommodation the local
 * authority does not provide, a review due before the two months are up,
 * a move to new accommodation, and the state as the contact clock judges.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "visit.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static struct rules_settings
defaults(void)
{
	struct rules_settings s;

	rules_settings_default(&s);
	return s;
}

/* Facts with these spells and visits, no review. */
static struct visit_facts
facts(const struct visit_spell *spells, size_t nspells, const date_t *visits,
    size_t nvisits)
{
	struct visit_facts f;

	f.spells = spells;
	f.nspells = nspells;
	f.visits = visits;
	f.nvisits = nvisits;
	f.review_due = DATE_NONE;
	f.last_review = DATE_NONE;
	return f;
}

static void
test_moving_in_on_31_january(void **state)
{
	struct rules_settings s = defaults();
	struct visit_spell spell[] = { { D(2027, 1, 31), 1 } };
	date_t on_the_day[] = { D(2027, 1, 31) };
	struct visit_facts f = facts(spell, 1, NULL, 0);
	enum visit_reason why;
	struct rules_due due;

	(void)state;
	/* No visit yet: within 7 days. */
	due = visit_due(&f, &s, D(2027, 1, 31), &why);
	assert_int_equal(due.due, D(2027, 2, 7));
	assert_int_equal(why, VISIT_FIRST);
	assert_string_equal(visit_reason_words(why), "first visit");
	/* A visit on the move-in day counts: two months on is 31 March. */
	f = facts(spell, 1, on_the_day, 1);
	due = visit_due(&f, &s, D(2027, 2, 1), &why);
	assert_int_equal(due.due, D(2027, 3, 31));
	assert_int_equal(why, VISIT_INTERVAL);
	assert_int_equal(visit_last(&f, D(2027, 2, 1)), D(2027, 1, 31));
}

static void
test_two_months_clamp(void **state)
{
	struct rules_settings s = defaults();
	struct visit_spell spell[] = { { D(2026, 12, 1), 1 } };
	date_t visits[] = { D(2026, 12, 3), D(2026, 12, 31) };
	date_t leap[] = { D(2027, 12, 31) };
	struct visit_facts f = facts(spell, 1, visits, 2);

	(void)state;
	/* From 31 December 2026: 28 February 2027. */
	assert_int_equal(visit_due(&f, &s, D(2027, 1, 5), NULL).due,
	    D(2027, 2, 28));
	/* From 31 December 2027: 29 February 2028, a leap year. */
	f = facts(spell, 1, leap, 1);
	assert_int_equal(visit_due(&f, &s, D(2028, 1, 5), NULL).due,
	    D(2028, 2, 29));
}

static void
test_not_provided_by_the_la(void **state)
{
	struct rules_settings s = defaults();
	struct visit_spell own[] = { { D(2026, 6, 1), 0 } };
	struct visit_spell moved_out[] = {
		{ D(2026, 6, 1), 1 }, { D(2026, 10, 1), 0 }
	};
	date_t visits[] = { D(2026, 6, 2) };
	struct visit_facts f = facts(own, 1, visits, 1);
	enum visit_reason why = VISIT_FIRST;
	struct rules_due due;

	(void)state;
	due = visit_due(&f, &s, D(2026, 11, 27), &why);
	assert_int_equal(due.state, DUE_NONE);
	assert_int_equal(due.due, DATE_NONE);
	assert_int_equal(why, VISIT_NONE);
	assert_string_equal(visit_reason_words(why), "");
	/* Moving from LA accommodation to their own: the clock stops. */
	f = facts(moved_out, 2, visits, 1);
	f.review_due = D(2026, 12, 1);
	assert_int_equal(visit_due(&f, &s, D(2026, 11, 27), NULL).state,
	    DUE_NONE);
	/* No accommodation recorded: none either. */
	f = facts(NULL, 0, visits, 1);
	assert_int_equal(visit_due(&f, &s, D(2026, 11, 27), NULL).state,
	    DUE_NONE);
	assert_null(visit_current_spell(&f, D(2026, 11, 27)));
	assert_int_equal(visit_last(&f, D(2026, 11, 27)), DATE_NONE);
}

static void
test_review_before_two_months(void **state)
{
	struct rules_settings s = defaults();
	struct visit_spell spell[] = { { D(2027, 1, 2), 1 } };
	date_t before[] = { D(2027, 1, 10) };
	date_t after[] = { D(2027, 1, 10), D(2027, 1, 16) };
	date_t same_day[] = { D(2027, 1, 15) };
	struct visit_facts f = facts(spell, 1, before, 1);
	enum visit_reason why;

	(void)state;
	/* Visited on 10 January, reviewed on 15 January, the next review
	 * due 1 March: a visit is due by the review, not 10 March. */
	f.last_review = D(2027, 1, 15);
	f.review_due = D(2027, 3, 1);
	assert_int_equal(visit_due(&f, &s, D(2027, 2, 1), &why).due,
	    D(2027, 3, 1));
	assert_int_equal(why, VISIT_REVIEW);
	assert_string_equal(visit_reason_words(why),
	    "visit before the review");
	/* A visit since the review: two months from it. */
	f.visits = after;
	f.nvisits = 2;
	assert_int_equal(visit_due(&f, &s, D(2027, 2, 1), &why).due,
	    D(2027, 3, 16));
	assert_int_equal(why, VISIT_INTERVAL);
	/* A visit on the day of the review counts as since it. */
	f.visits = same_day;
	f.nvisits = 1;
	assert_int_equal(visit_due(&f, &s, D(2027, 2, 1), &why).due,
	    D(2027, 3, 15));
	/* Just moved in, the review due within the 7 days: by the review. */
	f = facts(spell, 1, NULL, 0);
	f.review_due = D(2027, 1, 5);
	assert_int_equal(visit_due(&f, &s, D(2027, 1, 2), &why).due,
	    D(2027, 1, 5));
	assert_int_equal(why, VISIT_REVIEW);
	/* A review further off than the 7 days: the first visit first. */
	f.review_due = D(2027, 6, 1);
	assert_int_equal(visit_due(&f, &s, D(2027, 1, 2), &why).due,
	    D(2027, 1, 9));
	assert_int_equal(why, VISIT_FIRST);
	/* The same day: the first visit's duty is named. */
	f.review_due = D(2027, 1, 9);
	assert_int_equal(visit_due(&f, &s, D(2027, 1, 2), &why).due,
	    D(2027, 1, 9));
	assert_int_equal(why, VISIT_FIRST);
	/* A review overdue since before they moved in is no duty of a visit
	 * there: the first visit, 7 days on. */
	f.review_due = D(2026, 7, 10);
	assert_int_equal(visit_due(&f, &s, D(2027, 1, 2), &why).due,
	    D(2027, 1, 9));
	assert_int_equal(why, VISIT_FIRST);
	/* Due on the move-in day itself: by the review. */
	f.review_due = spell[0].from;
	assert_int_equal(visit_due(&f, &s, D(2027, 1, 2), &why).due,
	    spell[0].from);
	assert_int_equal(why, VISIT_REVIEW);
}

static void
test_move_restarts_the_week(void **state)
{
	struct rules_settings s = defaults();
	struct visit_spell spells[] = {
		{ D(2026, 9, 20), 1 }, { D(2026, 6, 1), 1 }
	};
	date_t visits[] = { D(2026, 6, 3), D(2026, 8, 1), D(2026, 9, 22) };
	struct visit_facts f = facts(spells, 2, visits, 2);
	enum visit_reason why;

	(void)state;
	/* Visits at the old place do not count at the new one. */
	assert_int_equal(visit_due(&f, &s, D(2026, 9, 20), &why).due,
	    D(2026, 9, 27));
	assert_int_equal(why, VISIT_FIRST);
	assert_int_equal(visit_current_spell(&f, D(2026, 9, 20))->from,
	    D(2026, 9, 20));
	/* Before the move, the old place's clock. */
	assert_int_equal(visit_due(&f, &s, D(2026, 9, 1), &why).due,
	    D(2026, 10, 1));
	assert_int_equal(why, VISIT_INTERVAL);
	/* Visited at the new place: two months from then. */
	f.nvisits = 3;
	assert_int_equal(visit_due(&f, &s, D(2026, 9, 23), NULL).due,
	    D(2026, 11, 22));
	/* A visit still to come (dated after today) has not happened. */
	assert_int_equal(visit_due(&f, &s, D(2026, 9, 21), NULL).due,
	    D(2026, 9, 27));
}

static void
test_state_as_the_contact_clock(void **state)
{
	struct rules_settings s = defaults();
	struct visit_spell spell[] = { { D(2026, 11, 2), 1 } };
	struct visit_facts f = facts(spell, 1, NULL, 0);
	struct rules_due due;

	(void)state;
	/* Due 9 November: overdue by 18 days on 27 November. */
	due = visit_due(&f, &s, D(2026, 11, 27), NULL);
	assert_int_equal(due.state, DUE_OVERDUE);
	assert_int_equal(due.days_overdue, 18);
	/* Due today is due soon, as for contacts; so is within 14 days. */
	due = visit_due(&f, &s, D(2026, 11, 9), NULL);
	assert_int_equal(due.state, DUE_SOON);
	assert_int_equal(due.days_overdue, 0);
	spell[0].from = D(2026, 11, 27) + 7;
	assert_int_equal(visit_due(&f, &s, D(2026, 11, 27) + 7, NULL).state,
	    DUE_SOON);
	/* Two months on is ok, until the due soon window. */
	{
		date_t v[] = { D(2026, 11, 27) };

		spell[0].from = D(2026, 11, 20);
		f.visits = v;
		f.nvisits = 1;
		due = visit_due(&f, &s, D(2026, 11, 27), NULL);
		assert_int_equal(due.due, D(2027, 1, 27));
		assert_int_equal(due.state, DUE_OK);
	}
}

static void
test_working_days(void **state)
{
	struct rules_settings s = defaults();
	struct visit_spell spell[] = { { D(2026, 12, 18), 1 } };
	struct visit_facts f = facts(spell, 1, NULL, 0);

	(void)state;
	/* Due Christmas Day 2026; moved to Thursday 24 with working days. */
	assert_int_equal(visit_due(&f, &s, D(2026, 12, 18), NULL).due,
	    D(2026, 12, 25));
	s.working_days = 1;
	assert_int_equal(visit_due(&f, &s, D(2026, 12, 18), NULL).due,
	    D(2026, 12, 24));
	assert_int_equal(visit_due(&f, &s, D(2026, 12, 26), NULL).days_overdue,
	    2);
}

static void
test_on_time(void **state)
{
	struct rules_settings s;
	struct visit_spell spells[] = {
		{ D(2026, 1, 31), 1 }, { D(2026, 8, 1), 0 }
	};
	date_t visits[] = { D(2026, 5, 1), D(2026, 2, 5) };
	struct visit_facts f;
	int due = 0, on_time = 0;

	(void)state;
	rules_settings_default(&s);
	f = facts(spells, 1, visits, 2);
	/* Moved in on 31 January: seen on 5 February (on time), the next
	 * due 5 April missed (seen 1 May), the next due 1 July not yet. */
	visit_on_time(&f, &s, D(2025, 6, 21), D(2026, 6, 20), &due, &on_time);
	assert_int_equal(due, 2);
	assert_int_equal(on_time, 1);
	/* By 1 July the visit due that day is missed too. */
	due = on_time = 0;
	visit_on_time(&f, &s, D(2025, 7, 2), D(2026, 7, 1), &due, &on_time);
	assert_int_equal(due, 3);
	assert_int_equal(on_time, 1);
	/* Moving on 1 August to their own flat ends the clock: the duty
	 * missed on 1 July still counts, nothing after it. */
	f = facts(spells, 2, visits, 2);
	due = on_time = 0;
	visit_on_time(&f, &s, D(2025, 12, 1), D(2026, 11, 30), &due,
	    &on_time);
	assert_int_equal(due, 3);
	assert_int_equal(on_time, 1);
	/* Only what fell due in the window counts. */
	due = on_time = 0;
	visit_on_time(&f, &s, D(2026, 3, 1), D(2026, 11, 30), &due, &on_time);
	assert_int_equal(due, 2);
	assert_int_equal(on_time, 0);
	/* Never in local authority accommodation: nothing due. */
	spells[0].provided_by_la = 0;
	f = facts(spells, 1, visits, 2);
	due = on_time = 0;
	visit_on_time(&f, &s, D(2025, 12, 1), D(2026, 11, 30), &due,
	    &on_time);
	assert_int_equal(due, 0);
	assert_int_equal(on_time, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moving_in_on_31_january),
		cmocka_unit_test(test_two_months_clamp),
		cmocka_unit_test(test_not_provided_by_the_la),
		cmocka_unit_test(test_review_before_two_months),
		cmocka_unit_test(test_on_time),
		cmocka_unit_test(test_move_restarts_the_week),
		cmocka_unit_test(test_state_as_the_contact_clock),
		cmocka_unit_test(test_working_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
