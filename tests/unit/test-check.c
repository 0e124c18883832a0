/* SPDX-License-Identifier: MIT */
/*
 * test-check.c: the checks on typed input: text, names, the same young
 * person twice and a row struck out twice.
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

#include "check.h"
#include "text.h"

/* check_text refuses text, with a message holding want. */
static void
text_refused(const char *text, int multiline, const char *want)
{
	char *cause = NULL;

	assert_int_equal(check_text(text, multiline, 100, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("'%s' lacks '%s'", cause, want);
	free(cause);
}

static void
test_text(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_int_equal(check_text("Aisha Khan", 0, 100, &cause), 0);
	assert_int_equal(check_text("ليلى \xe2\x80\x8f(Layla)", 0, 100, &cause),
	    0);
	assert_int_equal(check_text("Flat 2\n1 High St", 1, 100, &cause), 0);
	assert_null(cause);
	text_refused("a\nb", 0, "one line");
	text_refused("a\tb", 0, "control characters");
	text_refused("\x1b[2J", 1, "control characters");
	text_refused("\xc2\x9b" "31m", 0, "control characters");
	text_refused("\xff", 0, "UTF-8");
	text_refused("0123456789012345678901234567890123456789012345678901234567"
	    "8901234567890123456789012345678901234567890123456789", 0,
	    "too long");
}

/* Direction overrides and isolates are refused as control characters are. */
static void
test_bidi(void **state)
{
	static const char *const overrides[][2] = {
		{ "Ali \xe2\x80\xaanahK", "U+202A" },
		{ "Ali \xe2\x80\xabnahK", "U+202B" },
		{ "Ali \xe2\x80\xacnahK", "U+202C" },
		{ "Ali \xe2\x80\xadnahK", "U+202D" },
		{ "Ali \xe2\x80\xaenahK", "U+202E" },
		{ "\xe2\x81\xa6x", "U+2066" },
		{ "\xe2\x81\xa7x", "U+2067" },
		{ "\xe2\x81\xa8x", "U+2068" },
		{ "x\xe2\x81\xa9", "U+2069" },
	};
	char *cause = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof overrides / sizeof overrides[0]; i++) {
		text_refused(overrides[i][0], 0, overrides[i][1]);
		text_refused(overrides[i][0], 1, "direction override or "
		    "isolate character");
		assert_int_equal(check_name(overrides[i][0], &cause), -1);
		assert_non_null(strstr(cause, overrides[i][1]));
		free(cause);
		cause = NULL;
	}
}

static void
test_name(void **state)
{
	char *cause = NULL, name[] = "  Aisha   Khan ";

	(void)state;
	assert_int_equal(check_name(text_squeeze(name), &cause), 0);
	assert_string_equal(name, "Aisha Khan");
	assert_int_equal(check_name("   ", &cause), -1);
	assert_non_null(strstr(cause, "empty"));
	free(cause);
}

/* The same name and date of birth, however the name is spaced. */
static void
test_duplicate(void **state)
{
	struct person a, b;

	(void)state;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	person_facts_init(&a.facts);
	person_facts_init(&b.facts);
	a.facts.dob = b.facts.dob = 14000;
	a.name = "Aisha Khan";
	b.name = "aisha  KHAN ";
	assert_true(check_duplicate(&a, &b));
	b.name = "\xc2\xa0" "Aisha\xe2\x80\x83Khan";
	assert_true(check_duplicate(&a, &b));
	b.name = "AishaKhan";
	assert_false(check_duplicate(&a, &b));
	/* Accents, and the form they are typed in, do not make a new name. */
	a.name = "Zoë Ñúñez";
	b.name = "Zoe Nunez";
	assert_true(check_duplicate(&a, &b));
	b.name = "ZOE\xcc\x88 N\xcc\x83U\xcc\x81N\xcc\x83" "EZ";
	assert_true(check_duplicate(&a, &b));
	b.name = "Zoe Nunes";
	assert_false(check_duplicate(&a, &b));
	a.name = "Aisha Khan";
	b.name = "Aisha Khan";
	b.facts.dob = 14001;
	assert_false(check_duplicate(&a, &b));
	b.facts.dob = 14000;
	b.name = NULL;
	assert_false(check_duplicate(&a, &b));
}

/* A change of status says which of its inputs was wrong. */
static void
test_status_change(void **state)
{
	struct person_facts f;
	const char *field = NULL;
	char *cause = NULL;

	(void)state;
	person_facts_init(&f);
	f.dob = 14000;
	f.allocated_on = f.status_since = 20000;
	f.status = STATUS_UP;
	assert_int_equal(check_status_change(&f, STATUS_DOWN, 20010, 20020,
	    &field, &cause), 0);
	assert_int_equal(check_status_change(&f, STATUS_UP, 20010, 20020,
	    &field, &cause), -1);
	assert_string_equal(field, "status");
	assert_non_null(strstr(cause, "already stepped up"));
	free(cause);
	assert_int_equal(check_status_change(&f, STATUS_DOWN, 20021, 20020,
	    &field, &cause), -1);
	assert_string_equal(field, "date");
	assert_non_null(strstr(cause, "in the future"));
	free(cause);
	assert_int_equal(check_status_change(&f, STATUS_DOWN, 19999, 20020,
	    NULL, &cause), -1);
	assert_non_null(strstr(cause, "before they were stepped up"));
	free(cause);
}

/* Striking out a numbered row: once only, the row named as typed. */
static void
test_strike(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_int_equal(check_strike("note", 'N', 3, DATE_NONE, &cause), 0);
	assert_null(cause);
	assert_int_equal(check_strike("return", 'B', 12,
	    date_from_ymd(2026, 11, 27), &cause), -1);
	assert_string_equal(cause, "return B12 was struck out already");
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_bidi),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_duplicate),
		cmocka_unit_test(test_status_change),
		cmocka_unit_test(test_strike),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 77;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
