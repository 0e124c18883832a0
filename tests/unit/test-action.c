/* SPDX-License-Identifier: MIT */
/*
 * test-action.c: the rules of agreed actions (action.h): their checks,
 * when an open one is late, and their edge cases.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "rows.h"

#define D(y, m, d) date_from_ymd(y, m, d)

/* The young person's date of birth in every test. */
static date_t
dob(void)
{
	return D(2006, 2, 28);
}

/* An open action agreed on agreed, due on due. */
static struct action
open_action(date_t agreed, date_t due)
{
	struct action a;

	memset(&a, 0, sizeof a);
	a.number = 1;
	a.text = "chase the bus pass";
	a.who = ACTION_WHO_DEFAULT;
	a.agreed_on = agreed;
	a.due_on = due;
	a.state = ACTION_OPEN;
	a.closed_on = DATE_NONE;
	return a;
}

/* Whether action_check_new takes a; frees the cause. */
static int
new_ok(const struct action *a, date_t today)
{
	char *cause = NULL;
	int rc;

	rc = action_check_new(a, dob(), today, &cause);
	assert_true((rc == 0) == (cause == NULL));
	free(cause);
	return rc == 0;
}

static void
test_due_dates(void **state)
{
	date_t today = D(2026, 11, 27);
	struct action a;

	(void)state;
	/* Due on the day agreed is allowed. */
	a = open_action(today, today);
	assert_true(new_ok(&a, today));
	/* Due the day before it was agreed is not. */
	a = open_action(today, today - 1);
	assert_false(new_ok(&a, today));
	/* Two years to the day is allowed; one day more is not. */
	a = open_action(D(2026, 11, 27), D(2028, 11, 27));
	assert_true(new_ok(&a, today));
	a = open_action(D(2026, 11, 27), D(2028, 11, 28));
	assert_false(new_ok(&a, today));
	/* No due date is refused. */
	a = open_action(today, DATE_NONE);
	assert_false(new_ok(&a, today));
	/* Agreed in the future, or before birth, is refused. */
	a = open_action(today + 1, today + 5);
	assert_false(new_ok(&a, today));
	a = open_action(D(2006, 2, 27), D(2006, 3, 1));
	assert_false(new_ok(&a, today));
}

static void
test_leap(void **state)
{
	date_t today = D(2026, 11, 27);
	struct action a;

	(void)state;
	/* Agreed on 29 February: two years on is 28 February. */
	a = open_action(D(2024, 2, 29), D(2026, 2, 28));
	assert_true(new_ok(&a, today));
	a = open_action(D(2024, 2, 29), D(2026, 3, 1));
	assert_false(new_ok(&a, today));
	/* Due on 29 February: late from 1 March, one day. */
	a = open_action(D(2024, 2, 1), D(2024, 2, 29));
	{
		struct rules_settings rs;
		int late;

		rules_settings_default(&rs);
		assert_int_equal(action_judge(&a, &rs, D(2024, 2, 29), &late),
		    ACTION_TODAY);
		assert_int_equal(action_judge(&a, &rs, D(2024, 3, 1), &late),
		    ACTION_LATE);
		assert_int_equal(late, 1);
	}
}

static void
test_text_and_who(void **state)
{
	date_t today = D(2026, 11, 27);
	char text[ACTION_TEXT_MAX + 2], who[ACTION_WHO_MAX + 2];
	struct action a;

	(void)state;
	a = open_action(today, today + 7);
	memset(text, 'x', sizeof text);
	text[ACTION_TEXT_MAX] = '\0';
	a.text = text;
	assert_true(new_ok(&a, today));
	text[ACTION_TEXT_MAX] = 'x';
	text[ACTION_TEXT_MAX + 1] = '\0';
	assert_false(new_ok(&a, today));
	a.text = "two\nlines";
	assert_false(new_ok(&a, today));
	a.text = "escape \x1b[2J";
	assert_false(new_ok(&a, today));
	a.text = "   ";
	assert_false(new_ok(&a, today));
	a.text = NULL;
	assert_false(new_ok(&a, today));

	a = open_action(today, today + 7);
	a.who = "Mum";
	assert_true(new_ok(&a, today));
	a.who = "young-person";
	assert_true(new_ok(&a, today));
	memset(who, 'w', sizeof who);
	who[ACTION_WHO_MAX] = '\0';
	a.who = who;
	assert_true(new_ok(&a, today));
	who[ACTION_WHO_MAX] = 'w';
	who[ACTION_WHO_MAX + 1] = '\0';
	assert_false(new_ok(&a, today));
	a.who = "";
	assert_false(new_ok(&a, today));
	a.who = "tab\there";
	assert_false(new_ok(&a, today));
}

static void
test_judge(void **state)
{
	date_t today = D(2026, 11, 27);
	struct rules_settings rs;
	struct action a;
	char what[32];
	int late;

	(void)state;
	rules_settings_default(&rs);
	/* Due today. */
	a = open_action(today - 10, today);
	assert_int_equal(action_judge(&a, &rs, today, &late), ACTION_TODAY);
	assert_int_equal(late, 0);
	action_describe(&a, &rs, today, what, sizeof what);
	assert_string_equal(what, "due today");
	/* One day late. */
	a.due_on = today - 1;
	assert_int_equal(action_judge(&a, &rs, today, &late), ACTION_LATE);
	assert_int_equal(late, 1);
	action_describe(&a, &rs, today, what, sizeof what);
	assert_string_equal(what, "1d late");
	/* Late counts from the due date. */
	a.due_on = today - 3;
	action_describe(&a, &rs, today, what, sizeof what);
	assert_string_equal(what, "3d late");
	/* Due soon at the window's edge; later the day after. */
	a.due_on = today + rs.due_soon_days;
	assert_int_equal(action_judge(&a, &rs, today, NULL), ACTION_SOON);
	a.due_on = today + rs.due_soon_days + 1;
	assert_int_equal(action_judge(&a, &rs, today, NULL), ACTION_LATER);
	action_describe(&a, &rs, today, what, sizeof what);
	assert_string_equal(what, "open");
	/* Done or dropped is never late. */
	a.due_on = today - 30;
	a.state = ACTION_DONE;
	a.closed_on = today - 40;
	assert_int_equal(action_judge(&a, &rs, today, &late), ACTION_CLOSED);
	assert_int_equal(late, 0);
	action_describe(&a, &rs, today, what, sizeof what);
	assert_string_equal(what, "done");
	a.state = ACTION_DROPPED;
	assert_int_equal(action_judge(&a, &rs, today, NULL), ACTION_CLOSED);
	action_describe(&a, &rs, today, what, sizeof what);
	assert_string_equal(what, "dropped");
}

static void
test_close(void **state)
{
	date_t today = D(2026, 11, 27);
	struct action a;
	char *cause = NULL;

	(void)state;
	a = open_action(today - 5, today + 5);
	/* On the day agreed, and today, are allowed. */
	assert_int_equal(action_check_close(&a, today - 5, today, &cause), 0);
	assert_int_equal(action_check_close(&a, today, today, &cause), 0);
	assert_null(cause);
	/* Before it was agreed is refused. */
	assert_int_equal(action_check_close(&a, today - 6, today, &cause), -1);
	assert_non_null(strstr(cause, "before"));
	free(cause);
	cause = NULL;
	/* In the future is refused. */
	assert_int_equal(action_check_close(&a, today + 1, today, &cause), -1);
	assert_non_null(strstr(cause, "future"));
	free(cause);
	cause = NULL;
	/* Closing twice is refused, done or dropped. */
	a.state = ACTION_DONE;
	a.closed_on = today - 1;
	assert_int_equal(action_check_close(&a, today, today, &cause), -1);
	assert_string_equal(cause, "action A1 is done already");
	free(cause);
	cause = NULL;
	a.state = ACTION_DROPPED;
	assert_int_equal(action_check_close(&a, today, today, &cause), -1);
	assert_string_equal(cause, "action A1 is dropped already");
	free(cause);
}

static void
test_errors_quiet(void **state)
{
	date_t today = D(2026, 11, 27);
	struct action a;
	char *cause = NULL;
	char text[ACTION_TEXT_MAX + 20];

	(void)state;
	/* An error never repeats the action's text. */
	memset(text, 'q', sizeof text);
	memcpy(text, "PLANTED", 7);
	text[sizeof text - 1] = '\0';
	a = open_action(today, today + 1);
	a.text = text;
	assert_int_equal(action_check_new(&a, dob(), today, &cause), -1);
	assert_null(strstr(cause, "PLANTED"));
	free(cause);
}

static void
test_copy(void **state)
{
	struct action a, *c;

	(void)state;
	a = open_action(D(2026, 1, 1), D(2026, 2, 1));
	a.reason = "no longer needed";
	c = action_copy(&a);
	assert_string_equal(c->text, a.text);
	assert_string_equal(c->who, a.who);
	assert_string_equal(c->reason, a.reason);
	assert_ptr_not_equal(c->text, a.text);
	assert_int_equal(c->due_on, a.due_on);
	free(c);
	a.reason = NULL;
	c = action_copy(&a);
	assert_null(c->reason);
	free(c);
	assert_string_equal(action_state_name(ACTION_OPEN), "open");
}

static void
test_late_words(void **state)
{
	int n[ROWS_KINDS] = { 0, 0, 0 };
	char buf[128];

	(void)state;
	rows_late_words(n, ROWS_KINDS, 0, buf, sizeof buf);
	assert_string_equal(buf, "nothing overdue");
	rows_late_words(n, ROWS_KINDS, 1, buf, sizeof buf);
	assert_string_equal(buf, "1 action overdue");
	n[0] = 5;
	n[2] = 2;
	rows_late_words(n, ROWS_KINDS, 3, buf, sizeof buf);
	assert_string_equal(buf, "5 contacts, 2 letters, 3 actions overdue");
	rows_late_words(n, ROWS_KINDS, 3, buf, 20);
	assert_true(strlen(buf) < 20);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_due_dates),
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_text_and_who),
		cmocka_unit_test(test_judge),
		cmocka_unit_test(test_close),
		cmocka_unit_test(test_errors_quiet),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_late_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
