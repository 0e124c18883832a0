/* SPDX-License-Identifier: MIT */
/*
 * test-returns.c: the birthday return's windows and the reporting year
 * (returns.h) at their edges: a birthday on 29 February, on 31 March and
 * on 1 April, windows across a year's end, and --year's names.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "returns.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static struct rules_settings
defaults(void)
{
	struct rules_settings s;

	rules_settings_default(&s);
	return s;
}

static void
test_defaults(void **state)
{
	struct rules_settings s = defaults();

	(void)state;
	assert_int_equal(s.return_months_before, 3);
	assert_int_equal(s.return_months_after, 1);
}

static void
test_leapling(void **state)
{
	struct rules_settings s = defaults();
	struct returns_window w;
	date_t dob = D(2008, 2, 29);

	(void)state;
	/* 17 in 2025, not a leap year: the birthday is 1 March. */
	returns_window(dob, 17, &s, &w);
	assert_int_equal(w.age, 17);
	assert_int_equal(w.birthday, D(2025, 3, 1));
	assert_int_equal(w.opens, D(2024, 12, 1));
	assert_int_equal(w.closes, D(2025, 4, 1));
	assert_int_equal(returns_year_of(w.birthday), 2024);
	/* 20 in 2028, a leap year: 29 February itself. */
	returns_window(dob, 20, &s, &w);
	assert_int_equal(w.birthday, D(2028, 2, 29));
	assert_int_equal(w.opens, D(2027, 11, 29));
	assert_int_equal(w.closes, D(2028, 3, 29));
	/* 28 February 2025 is inside the 17th birthday's window. */
	assert_int_equal(returns_window_on(dob, &s, D(2025, 2, 28), &w), 1);
	assert_int_equal(w.age, 17);
}

static void
test_reporting_year_boundary(void **state)
{
	struct rules_settings s = defaults();
	struct returns_window w;
	char name[RETURNS_YEAR_SIZE];

	(void)state;
	/* A birthday on 31 March is the last of its reporting year... */
	returns_window(D(2009, 3, 31), 17, &s, &w);
	assert_int_equal(w.birthday, D(2026, 3, 31));
	assert_int_equal(w.opens, D(2025, 12, 31));
	assert_int_equal(w.closes, D(2026, 4, 30));	/* clamped */
	returns_year_name(returns_year_of(w.birthday), name, sizeof name);
	assert_string_equal(name, "2025-26");
	/* ... and one on 1 April the first of the next. */
	returns_window(D(2009, 4, 1), 17, &s, &w);
	assert_int_equal(w.opens, D(2026, 1, 1));
	assert_int_equal(w.closes, D(2026, 5, 1));
	returns_year_name(returns_year_of(w.birthday), name, sizeof name);
	assert_string_equal(name, "2026-27");
	assert_int_equal(returns_year_of(D(2027, 3, 31)), 2026);
	assert_int_equal(returns_year_of(D(2027, 4, 1)), 2027);
}

static void
test_windows_across_a_year_end(void **state)
{
	struct rules_settings s = defaults();
	struct returns_window w;
	date_t dob = D(2008, 1, 15);

	(void)state;
	/* 18 on 15 January 2026: open from 15 October 2025 to 15 February. */
	assert_int_equal(returns_window_on(dob, &s, D(2025, 10, 14), &w), 0);
	assert_int_equal(returns_window_on(dob, &s, D(2025, 10, 15), &w), 1);
	assert_int_equal(w.age, 18);
	assert_int_equal(returns_window_on(dob, &s, D(2026, 1, 1), &w), 1);
	assert_int_equal(w.age, 18);
	assert_int_equal(w.birthday, D(2026, 1, 15));
	assert_int_equal(returns_window_on(dob, &s, D(2026, 2, 15), &w), 1);
	assert_int_equal(returns_window_on(dob, &s, D(2026, 2, 16), &w), 0);
	/* Before the 17th's window and after the 21st's: none. */
	assert_int_equal(returns_window_on(dob, &s, D(2024, 10, 14), &w), 0);
	assert_int_equal(returns_window_on(dob, &s, D(2024, 10, 15), &w), 1);
	assert_int_equal(w.age, 17);
	assert_int_equal(returns_window_on(dob, &s, D(2029, 2, 15), &w), 1);
	assert_int_equal(w.age, 21);
	assert_int_equal(returns_window_on(dob, &s, D(2029, 2, 16), &w), 0);
	assert_int_equal(returns_window_on(DATE_NONE, &s, D(2026, 1, 1), &w),
	    0);
	/* Other settings: six months before to five after. */
	s.return_months_before = 6;
	s.return_months_after = 5;
	assert_int_equal(returns_window_on(dob, &s, D(2025, 7, 15), &w), 1);
	assert_int_equal(w.age, 18);
	assert_int_equal(returns_window_on(dob, &s, D(2026, 6, 15), &w), 1);
	assert_int_equal(returns_window_on(dob, &s, D(2026, 6, 16), &w), 0);
}

static void
test_overdue(void **state)
{
	struct rules_settings s = defaults();
	struct returns_window w;
	struct rules_due due;

	(void)state;
	returns_window(D(2008, 1, 15), 18, &s, &w);
	/* Open: due by the close, due soon near it. */
	due = returns_due(&w, 0, &s, D(2026, 1, 1));
	assert_int_equal(due.due, D(2026, 2, 15));
	assert_int_equal(due.state, DUE_OK);
	assert_int_equal(returns_due(&w, 0, &s, D(2026, 2, 15)).state,
	    DUE_SOON);
	assert_false(returns_overdue(&w, 0, D(2026, 2, 15)));
	/* Closed with nothing recorded: overdue the next day. */
	due = returns_due(&w, 0, &s, D(2026, 2, 16));
	assert_int_equal(due.state, DUE_OVERDUE);
	assert_int_equal(due.days_overdue, 1);
	assert_true(returns_overdue(&w, 0, D(2026, 2, 16)));
	/* Recorded: never overdue. */
	assert_int_equal(returns_due(&w, 1, &s, D(2026, 2, 16)).state,
	    DUE_NONE);
	assert_false(returns_overdue(&w, 1, D(2027, 1, 1)));
	/* Not even the date of birth known: nothing due. */
	returns_window(DATE_NONE, 18, &s, &w);
	assert_int_equal(w.birthday, DATE_NONE);
	assert_int_equal(returns_due(&w, 0, &s, D(2026, 2, 16)).state,
	    DUE_NONE);
	assert_false(returns_overdue(&w, 0, D(2026, 2, 16)));
}

static void
test_year_names(void **state)
{
	char name[RETURNS_YEAR_SIZE], *cause = NULL;
	date_t first, last;
	int year = 0;

	(void)state;
	returns_year_name(2026, name, sizeof name);
	assert_string_equal(name, "2026-27");
	returns_year_name(2099, name, sizeof name);
	assert_string_equal(name, "2099-00");
	returns_year_bounds(2026, &first, &last);
	assert_int_equal(first, D(2026, 4, 1));
	assert_int_equal(last, D(2027, 3, 31));

	assert_int_equal(returns_year_parse("2026-27", &year, &cause), 0);
	assert_int_equal(year, 2026);
	assert_int_equal(returns_year_parse("2099-00", &year, &cause), 0);
	assert_int_equal(year, 2099);
	assert_int_equal(returns_year_parse("2026-28", &year, &cause), -1);
	assert_string_equal(cause, "'2026-28' is not a reporting year: the "
	    "year from 1 April 2026 ends on 31 March 2027, so write 2026-27");
	free(cause);
	assert_int_equal(returns_year_parse("2026-26", &year, &cause), -1);
	free(cause);
	assert_int_equal(returns_year_parse("2026/27", &year, &cause), -1);
	assert_non_null(strstr(cause, "write it as YYYY-YY, such as 2026-27"));
	free(cause);
	assert_int_equal(returns_year_parse("2026-2027", &year, &cause), -1);
	free(cause);
	assert_int_equal(returns_year_parse("26-27", &year, &cause), -1);
	free(cause);
	assert_int_equal(returns_year_parse("", &year, &cause), -1);
	free(cause);
	assert_int_equal(returns_year_parse("1850-51", &year, &cause), -1);
	assert_non_null(strstr(cause, "out of range"));
	free(cause);
	assert_int_equal(year, 2099);
}

/* The next window, the latest, and who is told a return is overdue. */
static void
test_next_and_latest(void **state)
{
	struct rules_settings s = defaults();
	struct returns_window w;
	date_t dob = D(2008, 12, 20);

	(void)state;
	/* Before the 17th's window: it is next, none has opened. */
	assert_false(returns_window_latest(dob, &s, D(2025, 9, 19), &w));
	assert_true(returns_window_next(dob, &s, D(2025, 9, 19), &w));
	assert_int_equal(w.age, 17);
	assert_int_equal(w.opens, D(2025, 9, 20));
	/* On its opening day it is the latest, and the 18th's is next. */
	assert_true(returns_window_latest(dob, &s, D(2025, 9, 20), &w));
	assert_int_equal(w.age, 17);
	assert_true(returns_window_next(dob, &s, D(2025, 9, 20), &w));
	assert_int_equal(w.age, 18);
	/* Between windows, the latest is the one closed. */
	assert_true(returns_window_latest(dob, &s, D(2026, 6, 1), &w));
	assert_int_equal(w.age, 17);
	assert_int_equal(w.closes, D(2026, 1, 20));
	/* After the 21st's window, none is next. */
	assert_false(returns_window_next(dob, &s, D(2030, 1, 21), &w));
	assert_true(returns_window_latest(dob, &s, D(2035, 1, 1), &w));
	assert_int_equal(w.age, 21);
	assert_false(returns_window_next(DATE_NONE, &s, D(2026, 1, 1), &w));

	/* Overdue the day after it closes, for someone allocated by then. */
	returns_window(dob, 17, &s, &w);
	assert_false(returns_overdue_for(&w, 0, D(2025, 1, 1), D(2026, 1, 20)));
	assert_true(returns_overdue_for(&w, 0, D(2025, 1, 1), D(2026, 1, 21)));
	assert_false(returns_overdue_for(&w, 1, D(2025, 1, 1), D(2026, 1, 21)));
	assert_true(returns_overdue_for(&w, 0, D(2026, 1, 20), D(2026, 2, 1)));
	assert_false(returns_overdue_for(&w, 0, D(2026, 1, 21), D(2026, 2, 1)));
	/* Until a year after the birthday (20/12/2025). */
	assert_true(returns_overdue_for(&w, 0, D(2025, 1, 1), D(2026, 12, 19)));
	assert_false(returns_overdue_for(&w, 0, D(2025, 1, 1), D(2026, 12, 20)));
}

/*
 * The window a return recorded on a day is for: the one open, else the
 * latest closed, late, until a year after its birthday or the next
 * window opening.
 */
static void
test_window_for(void **state)
{
	struct rules_settings s = defaults();
	struct returns_window w;
	date_t dob = D(2008, 12, 20);

	(void)state;
	/* Before the 17th's window opens (20/09/2025): none. */
	assert_int_equal(returns_window_for(dob, &s, D(2025, 9, 19), &w),
	    RETURNS_FOR_NONE);
	/* Open from its first to its last day (20/01/2026). */
	assert_int_equal(returns_window_for(dob, &s, D(2025, 9, 20), &w),
	    RETURNS_FOR_OPEN);
	assert_int_equal(w.age, 17);
	assert_int_equal(returns_window_for(dob, &s, D(2026, 1, 20), &w),
	    RETURNS_FOR_OPEN);
	/* The day after it closes, late; so until the 18th's opens. */
	assert_int_equal(returns_window_for(dob, &s, D(2026, 1, 21), &w),
	    RETURNS_FOR_LATE);
	assert_int_equal(w.age, 17);
	assert_int_equal(w.closes, D(2026, 1, 20));
	assert_int_equal(returns_window_for(dob, &s, D(2026, 9, 19), &w),
	    RETURNS_FOR_LATE);
	assert_int_equal(w.age, 17);
	assert_int_equal(returns_window_for(dob, &s, D(2026, 9, 20), &w),
	    RETURNS_FOR_OPEN);
	assert_int_equal(w.age, 18);
	/* The 21st's (20/12/2029): late until a year after, then none. */
	assert_int_equal(returns_window_for(dob, &s, D(2030, 12, 19), &w),
	    RETURNS_FOR_LATE);
	assert_int_equal(w.age, 21);
	w.age = 0;
	assert_int_equal(returns_window_for(dob, &s, D(2030, 12, 20), &w),
	    RETURNS_FOR_NONE);
	assert_int_equal(w.age, 0);
	/* With months_after of 5 and months_before of 6 (the widest), a
	 * late return has the gap between them: 20/05/2026 to 19/06/2026. */
	s.return_months_before = 6;
	s.return_months_after = 5;
	assert_int_equal(returns_window_for(dob, &s, D(2026, 6, 19), &w),
	    RETURNS_FOR_LATE);
	assert_int_equal(returns_window_for(dob, &s, D(2026, 6, 20), &w),
	    RETURNS_FOR_OPEN);
	assert_int_equal(w.age, 18);
	/* 29 February: the 18th birthday is 1 March 2026, its window
	 * closes on 1 April; the 19th's opens on 1 December. */
	s = defaults();
	assert_int_equal(returns_window_for(D(2008, 2, 29), &s,
	    D(2026, 4, 1), &w), RETURNS_FOR_OPEN);
	assert_int_equal(returns_window_for(D(2008, 2, 29), &s,
	    D(2026, 4, 2), &w), RETURNS_FOR_LATE);
	assert_int_equal(w.birthday, D(2026, 3, 1));
	assert_int_equal(returns_window_for(D(2008, 2, 29), &s,
	    D(2026, 11, 30), &w), RETURNS_FOR_LATE);
	assert_int_equal(returns_window_for(D(2008, 2, 29), &s,
	    D(2026, 12, 1), &w), RETURNS_FOR_OPEN);
	assert_int_equal(w.age, 19);
	assert_int_equal(returns_window_for(DATE_NONE, &s, D(2026, 1, 1), &w),
	    RETURNS_FOR_NONE);

	/* In reach: from the window opening to a year after the birthday
	 * (20/12/2026 for the 18th), the one rule handover checks by too. */
	returns_window(dob, 18, &s, &w);
	assert_false(returns_in_reach(&w, w.opens - 1));
	assert_true(returns_in_reach(&w, w.opens));
	assert_true(returns_in_reach(&w, D(2027, 12, 19)));
	assert_false(returns_in_reach(&w, D(2027, 12, 20)));
	returns_window(DATE_NONE, 18, &s, &w);
	assert_false(returns_in_reach(&w, D(2026, 1, 1)));
}

/* The answers: names and labels, what goes together, the words. */
static void
test_answers(void **state)
{
	struct returns_record rec;
	char buf[160], *cause = NULL;

	(void)state;
	assert_int_equal(choice_find(returns_touch_choice(), "not required"),
	    TOUCH_NOT_REQUIRED);
	assert_int_equal(choice_find(returns_touch_choice(), "Returned-Home"),
	    TOUCH_RETURNED_HOME);
	assert_int_equal(choice_find(returns_touch_choice(), "maybe"), -1);
	assert_int_equal(choice_find(returns_activity_choice(), "training"),
	    ACTIVITY_TRAINING);
	assert_int_equal(choice_find(returns_activity_choice(), ""), -1);
	assert_string_equal(returns_activity_label(ACTIVITY_NEET_OTHER),
	    "not in education, employment or training: other");

	memset(&rec, 0, sizeof rec);
	rec.touch = TOUCH_YES;
	rec.activity = ACTIVITY_NONE;
	assert_int_equal(returns_record_check(&rec, &cause), -1);
	assert_non_null(strstr(cause, "an activity is needed"));
	free(cause);
	cause = NULL;
	rec.touch = TOUCH_DIED;
	rec.activity = ACTIVITY_EMPLOYMENT;
	assert_int_equal(returns_record_check(&rec, &cause), -1);
	free(cause);
	cause = NULL;
	rec.touch = TOUCH_NO;
	rec.activity = ACTIVITY_NONE;
	rec.part_time = 1;
	assert_int_equal(returns_record_check(&rec, &cause), -1);
	free(cause);
	cause = NULL;
	rec.part_time = 0;
	assert_int_equal(returns_record_check(&rec, &cause), 0);
	returns_record_describe(&rec, buf, sizeof buf);
	assert_string_equal(buf, "in touch: no");
	rec.touch = TOUCH_YES;
	rec.activity = ACTIVITY_EMPLOYMENT;
	rec.part_time = 1;
	returns_record_describe(&rec, buf, sizeof buf);
	assert_string_equal(buf, "in touch: yes; employment, part-time");
	assert_string_equal(returns_th(17), "th");
	assert_string_equal(returns_th(21), "st");
	assert_string_equal(returns_th(22), "nd");
	assert_string_equal(returns_th(23), "rd");
	assert_string_equal(returns_th(11), "th");
}

/* The agenda's items: a window opening by until, a return overdue. */
static void
test_agenda(void **state)
{
	struct rules_settings s = defaults();
	struct person_facts f;
	struct agenda_item items[RETURNS_AGENDA_MAX];

	(void)state;
	person_facts_init(&f);
	f.dob = D(2008, 12, 20);
	f.allocated_on = D(2025, 1, 1);
	/* The 18th's window opens 20/09/2026. */
	assert_int_equal(returns_agenda(&f, &s, 1, D(2026, 9, 1),
	    D(2026, 9, 19), items), 0);
	assert_int_equal(returns_agenda(&f, &s, 1, D(2026, 9, 1),
	    D(2026, 9, 20), items), 1);
	assert_int_equal(items[0].kind, AGENDA_RETURN);
	assert_int_equal(items[0].on, D(2026, 9, 20));
	assert_int_equal(items[0].age, 18);
	assert_int_not_equal(items[0].due.state, DUE_OVERDUE);
	/* The 17th's, closed 20/01/2026, not recorded: overdue as well. */
	assert_int_equal(returns_agenda(&f, &s, 0, D(2026, 9, 1),
	    D(2026, 9, 20), items), 2);
	assert_int_equal(items[0].due.state, DUE_OVERDUE);
	assert_int_equal(items[0].due.due, D(2026, 1, 20));
	assert_int_equal(items[0].on, D(2026, 9, 1));
	assert_int_equal(items[0].age, 17);
	/* Opening today is on the agenda, until its return is in. */
	assert_int_equal(returns_agenda(&f, &s, 0, D(2026, 9, 20),
	    D(2026, 9, 20), items), 1);
	assert_int_equal(items[0].on, D(2026, 9, 20));
	assert_int_equal(returns_agenda(&f, &s, 1, D(2026, 9, 20),
	    D(2026, 9, 20), items), 0);
	f.status = STATUS_ARCHIVED;
	assert_int_equal(returns_agenda(&f, &s, 0, D(2026, 9, 1),
	    D(2026, 9, 20), items), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_leapling),
		cmocka_unit_test(test_reporting_year_boundary),
		cmocka_unit_test(test_windows_across_a_year_end),
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_year_names),
		cmocka_unit_test(test_next_and_latest),
		cmocka_unit_test(test_window_for),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_agenda),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
