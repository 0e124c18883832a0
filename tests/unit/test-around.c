/* SPDX-License-Identifier: MIT */
/*
 * test-around.c: the rules of notes about a young person and of the
 * people around them (around.h), with their edge cases.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "around.h"
#include "check.h"

#define D(y, m, d) date_from_ymd(y, m, d)

/* Whether cause holds needle; frees it. */
static int
said(char *cause, const char *needle)
{
	int found = cause != NULL && strstr(cause, needle) != NULL;

	free(cause);
	return found;
}

static void
test_roles(void **state)
{
	enum around_role r;
	int i;

	(void)state;
	for (i = 0; i < ROLE_COUNT; i++) {
		assert_int_equal(around_role_from_name(
		    around_role_name((enum around_role)i), &r), 0);
		assert_int_equal(r, i);
		assert_int_equal(around_role_from_name(
		    around_role_label((enum around_role)i), &r), 0);
		assert_int_equal(r, i);
		/* The list for help names every role. */
		assert_non_null(strstr(around_role_list(),
		    around_role_name((enum around_role)i)));
	}
	assert_int_equal(around_role_from_name("Independent Reviewing Officer",
	    &r), 0);
	assert_int_equal(r, ROLE_IRO);
	assert_int_equal(around_role_from_name("teacher", &r), -1);
}

static void
test_note(void **state)
{
	date_t today = D(2026, 11, 27), dob = D(2006, 3, 4);
	char *cause = NULL, big[AROUND_NOTE_MAX + 2];

	(void)state;
	/* Several lines are a note; today and their birthday are allowed. */
	assert_int_equal(around_note_check("Likes Ash.\nAvoid mornings.",
	    today, dob, today, &cause), 0);
	assert_int_equal(around_note_check("Born", dob, dob, today, &cause),
	    0);
	assert_int_equal(around_note_check("x", today + 1, dob, today,
	    &cause), -1);
	assert_true(said(cause, "future"));
	cause = NULL;
	assert_int_equal(around_note_check("x", dob - 1, dob, today, &cause),
	    -1);
	free(cause);
	cause = NULL;
	assert_int_equal(around_note_check(" \n ", today, dob, today, &cause),
	    -1);
	assert_true(said(cause, "empty"));
	cause = NULL;
	assert_int_equal(around_note_check(NULL, today, dob, today, &cause),
	    -1);
	free(cause);
	cause = NULL;
	/* An escape is refused and never repeated. */
	assert_int_equal(around_note_check("zebra\033[2J", today, dob, today,
	    &cause), -1);
	assert_null(strstr(cause, "zebra"));
	free(cause);
	cause = NULL;
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(around_note_check(big, today, dob, today, &cause),
	    -1);
	assert_true(said(cause, "too long"));
	cause = NULL;
	big[AROUND_NOTE_MAX] = '\0';
	assert_int_equal(around_note_check(big, today, dob, today, &cause), 0);
}

static void
test_note_strike(void **state)
{
	struct around_note n = { 1, 1, 3, 0, "t", DATE_NONE, NULL };
	char *cause = NULL;

	(void)state;
	assert_int_equal(check_strike("note", 'N', n.number, n.struck_on,
	    &cause), 0);
	n.struck_on = D(2026, 11, 1);
	assert_int_equal(check_strike("note", 'N', n.number, n.struck_on,
	    &cause), -1);
	assert_true(said(cause, "N3"));
}

static void
test_person(void **state)
{
	struct around_person a;
	char *cause = NULL;

	(void)state;
	memset(&a, 0, sizeof a);
	a.role = ROLE_SOCIAL_WORKER;
	a.name = "Sam Jones";
	a.since = D(2026, 1, 1);
	a.ended_on = DATE_NONE;
	assert_int_equal(around_person_check(&a, &cause), 0);
	a.phone = "01234 567890";
	a.email = "sam@example.org";
	a.note = "Mondays to Wednesdays";
	assert_int_equal(around_person_check(&a, &cause), 0);
	a.name = "  ";
	assert_int_equal(around_person_check(&a, &cause), -1);
	assert_true(said(cause, "name is empty"));
	cause = NULL;
	a.name = "Sam\nJones";
	assert_int_equal(around_person_check(&a, &cause), -1);
	assert_true(said(cause, "one line"));
	cause = NULL;
	a.name = "Sam";
	/* A bad email is refused without repeating it. */
	a.email = "zebrafinch";
	assert_int_equal(around_person_check(&a, &cause), -1);
	assert_null(strstr(cause, "zebrafinch"));
	assert_true(said(cause, "email"));
	cause = NULL;
	a.email = "a@b@c";
	assert_int_equal(around_person_check(&a, &cause), -1);
	free(cause);
	cause = NULL;
	a.email = NULL;
	a.note = "zebra\033]0;x\007";
	assert_int_equal(around_person_check(&a, &cause), -1);
	assert_null(strstr(cause, "zebra"));
	assert_true(said(cause, "the note"));
	cause = NULL;
	a.note = NULL;
	a.phone = "0123\n4";
	assert_int_equal(around_person_check(&a, &cause), -1);
	assert_true(said(cause, "phone"));
}

static void
test_person_end(void **state)
{
	struct around_person a;
	date_t today = D(2026, 11, 27);
	char *cause = NULL;

	(void)state;
	memset(&a, 0, sizeof a);
	a.number = 2;
	a.since = D(2026, 5, 1);
	a.ended_on = DATE_NONE;
	assert_int_equal(around_person_check_end(&a, a.since, today, &cause),
	    0);
	assert_int_equal(around_person_check_end(&a, today, today, &cause), 0);
	assert_int_equal(around_person_check_end(&a, today + 1, today,
	    &cause), -1);
	assert_true(said(cause, "future"));
	cause = NULL;
	assert_int_equal(around_person_check_end(&a, a.since - 1, today,
	    &cause), -1);
	assert_true(said(cause, "before they were added"));
	cause = NULL;
	a.ended_on = D(2026, 6, 1);
	assert_int_equal(around_person_check_end(&a, today, today, &cause),
	    -1);
	assert_true(said(cause, "P2"));
}

static void
test_copy(void **state)
{
	struct around_person a, *ca;
	struct around_note n, *cn;

	(void)state;
	memset(&a, 0, sizeof a);
	a.name = "Sam";
	a.email = "s@e.org";
	a.role = ROLE_FAMILY;
	ca = around_person_copy(&a);
	assert_string_equal(ca->name, "Sam");
	assert_null(ca->phone);
	assert_string_equal(ca->email, "s@e.org");
	assert_null(ca->note);
	assert_ptr_not_equal(ca->name, a.name);
	assert_int_equal(ca->role, ROLE_FAMILY);
	free(ca);
	memset(&n, 0, sizeof n);
	n.text = "two\nlines";
	n.struck_reason = "wrong person";
	cn = around_note_copy(&n);
	assert_string_equal(cn->text, "two\nlines");
	assert_string_equal(cn->struck_reason, "wrong person");
	free(cn);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_note),
		cmocka_unit_test(test_note_strike),
		cmocka_unit_test(test_person),
		cmocka_unit_test(test_person_end),
		cmocka_unit_test(test_copy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
