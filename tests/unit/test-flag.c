/* SPDX-License-Identifier: MIT */
/*
 * test-flag.c: the rules of safety flags and the names of a contact's
 * place (flag.h), with their edge cases.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "flag.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static void
test_kind_names(void **state)
{
	enum flag_kind k;
	int i;

	(void)state;
	/* Every kind's name and label lead back to it. */
	for (i = 0; i < FLAG_KINDS; i++) {
		assert_int_equal(flag_kind_from_name(
		    flag_kind_name((enum flag_kind)i), &k), 0);
		assert_int_equal(k, i);
		assert_int_equal(flag_kind_from_name(
		    flag_kind_label((enum flag_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	assert_string_equal(flag_kind_label(FLAG_ALONE), "do not visit alone");
	assert_string_equal(flag_kind_label(FLAG_MARAC), "MARAC");
	assert_int_equal(flag_kind_from_name("Do Not Visit Alone", &k), 0);
	assert_int_equal(k, FLAG_ALONE);
	assert_int_equal(flag_kind_from_name("Marac", &k), 0);
	assert_int_equal(k, FLAG_MARAC);
	assert_int_equal(flag_kind_from_name("danger", &k), -1);
	assert_int_equal(flag_kind_from_name("", &k), -1);
}

static void
test_marker(void **state)
{
	(void)state;
	assert_string_equal(flag_marker(1), "\xe2\x9a\x91");
	assert_string_equal(flag_marker(0), "F");
}

static void
test_new(void **state)
{
	date_t today = D(2026, 11, 27), dob = D(2006, 2, 28);
	enum flag_kind current[] = { FLAG_MARAC, FLAG_OTHER };
	char *cause = NULL;

	(void)state;
	assert_int_equal(flag_check_new(FLAG_ALONE, "with a colleague", today,
	    dob, today, current, 2, &cause), 0);
	/* The day of birth itself, and no note, are fine. */
	assert_int_equal(flag_check_new(FLAG_ALONE, NULL, dob, dob, today,
	    NULL, 0, &cause), 0);
	assert_int_equal(flag_check_new(FLAG_ALONE, NULL, today + 1, dob,
	    today, NULL, 0, &cause), -1);
	assert_non_null(strstr(cause, "future"));
	free(cause);
	cause = NULL;
	assert_int_equal(flag_check_new(FLAG_ALONE, NULL, dob - 1, dob, today,
	    NULL, 0, &cause), -1);
	assert_non_null(strstr(cause, "before their date of birth"));
	free(cause);
	cause = NULL;
	/* One current flag of a kind; other may repeat. */
	assert_int_equal(flag_check_new(FLAG_MARAC, NULL, today, dob, today,
	    current, 2, &cause), -1);
	assert_non_null(strstr(cause, "current flag of that kind already"));
	assert_null(strstr(cause, "MARAC"));
	free(cause);
	cause = NULL;
	assert_int_equal(flag_check_new(FLAG_OTHER, NULL, today, dob, today,
	    current, 2, &cause), 0);
}

static void
test_new_note(void **state)
{
	date_t today = D(2026, 11, 27), dob = D(2006, 1, 1);
	char *cause = NULL, note[FLAG_NOTE_MAX + 2];

	(void)state;
	/* A short note: one line, no control characters, never echoed. */
	assert_int_equal(flag_check_new(FLAG_OTHER, "two\nlines", today, dob,
	    today, NULL, 0, &cause), -1);
	assert_null(strstr(cause, "lines"));
	free(cause);
	cause = NULL;
	assert_int_equal(flag_check_new(FLAG_OTHER, "esc\033[2Jsecretword",
	    today, dob, today, NULL, 0, &cause), -1);
	assert_null(strstr(cause, "secretword"));
	free(cause);
	cause = NULL;
	memset(note, 'a', FLAG_NOTE_MAX);
	note[FLAG_NOTE_MAX] = '\0';
	assert_int_equal(flag_check_new(FLAG_OTHER, note, today, dob, today,
	    NULL, 0, &cause), 0);
	note[FLAG_NOTE_MAX] = 'a';
	note[FLAG_NOTE_MAX + 1] = '\0';
	assert_int_equal(flag_check_new(FLAG_OTHER, note, today, dob, today,
	    NULL, 0, &cause), -1);
	assert_non_null(strstr(cause, "too long"));
	free(cause);
}

static void
test_end_and_note(void **state)
{
	struct flag f;
	date_t today = D(2026, 11, 27);
	char *cause = NULL;

	(void)state;
	memset(&f, 0, sizeof f);
	f.number = 2;
	f.kind = FLAG_MISSING;
	f.set_on = D(2026, 11, 1);
	f.ended_on = DATE_NONE;
	assert_int_equal(flag_check_end(&f, f.set_on, today, &cause), 0);
	assert_int_equal(flag_check_end(&f, today, today, &cause), 0);
	assert_int_equal(flag_check_end(&f, f.set_on - 1, today, &cause), -1);
	assert_non_null(strstr(cause, "before the flag was set"));
	free(cause);
	cause = NULL;
	assert_int_equal(flag_check_end(&f, today + 1, today, &cause), -1);
	assert_non_null(strstr(cause, "future"));
	free(cause);
	cause = NULL;
	assert_int_equal(flag_check_note(&f, "new", &cause), 0);
	assert_int_equal(flag_check_note(&f, NULL, &cause), 0);
	/* Ended: kept as it was. */
	f.ended_on = D(2026, 11, 20);
	assert_int_equal(flag_check_end(&f, today, today, &cause), -1);
	assert_non_null(strstr(cause, "F2 has ended already"));
	free(cause);
	cause = NULL;
	assert_int_equal(flag_check_note(&f, "new", &cause), -1);
	assert_non_null(strstr(cause, "F2 has ended"));
	free(cause);
}

static void
test_copy(void **state)
{
	struct flag f, *c;

	(void)state;
	memset(&f, 0, sizeof f);
	f.note = "a note";
	f.ended_reason = NULL;
	c = flag_copy(&f);
	assert_string_equal(c->note, "a note");
	assert_ptr_not_equal(c->note, f.note);
	assert_null(c->ended_reason);
	free(c);
	f.note = NULL;
	f.ended_reason = "closed";
	c = flag_copy(&f);
	assert_null(c->note);
	assert_string_equal(c->ended_reason, "closed");
	assert_null(c->set_by);
	assert_null(c->ended_by);
	free(c);
	/* Who set and ended it go with it, each in the one allocation. */
	f.note = "n";
	f.set_by = "Sam Taylor";
	f.ended_by = "Jo";
	c = flag_copy(&f);
	assert_string_equal(c->note, "n");
	assert_string_equal(c->ended_reason, "closed");
	assert_string_equal(c->set_by, "Sam Taylor");
	assert_ptr_not_equal(c->set_by, f.set_by);
	assert_string_equal(c->ended_by, "Jo");
	assert_ptr_not_equal(c->ended_by, f.ended_by);
	free(c);
}

static void
test_places(void **state)
{
	enum contact_place p;
	enum seen_alone s;
	int i;

	(void)state;
	for (i = 1; i < PLACE_COUNT; i++) {
		assert_int_equal(contact_place_from_name(
		    contact_place_name((enum contact_place)i), &p), 0);
		assert_int_equal(p, i);
	}
	assert_string_equal(contact_place_name(PLACE_NONE), "");
	assert_int_equal(contact_place_from_name("", &p), -1);
	assert_int_equal(contact_place_from_name("Home", &p), -1);
	assert_int_equal(contact_place_from_name("pub", &p), -1);
	assert_int_equal(seen_alone_from_name("yes", &s), 0);
	assert_int_equal(s, SEEN_ALONE_YES);
	assert_int_equal(seen_alone_from_name("no", &s), 0);
	assert_int_equal(s, SEEN_ALONE_NO);
	assert_int_equal(seen_alone_from_name("unknown", &s), 0);
	assert_int_equal(s, SEEN_UNKNOWN);
	assert_int_equal(seen_alone_from_name("maybe", &s), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_marker),
		cmocka_unit_test(test_new),
		cmocka_unit_test(test_new_note),
		cmocka_unit_test(test_end_and_note),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_places),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
