/* SPDX-License-Identifier: MIT */
/*
 * test-choice.c: reading one of a table of names and listing them
 * (choice.h), and the core's tables of methods, starters, places,
 * answers, kinds of flag and roles that the command line chooses from.
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
#include "choice.h"
#include "flag.h"
#include "person.h"

/* The list of a table is what was expected; freed. */
static void
assert_list(const struct choice *c, const char *expected)
{
	char *list = choice_list(c);

	assert_string_equal(list, expected);
	free(list);
}

static void
test_find(void **state)
{
	static const char *const names[] = { "", "a-b", "c", "d" };
	static const char *const labels[] = { "", "A and B", "see", "dee" };
	struct choice c = { names, labels, 1, 4 };

	(void)state;
	assert_int_equal(choice_find(&c, "a-b"), 1);
	assert_int_equal(choice_find(&c, "A-B"), 1);
	assert_int_equal(choice_find(&c, "a and b"), 1);
	assert_int_equal(choice_find(&c, "DEE"), 3);
	/* Names before first are not offered, nor partial names. */
	assert_int_equal(choice_find(&c, ""), -1);
	assert_int_equal(choice_find(&c, "a"), -1);
	assert_int_equal(choice_find(&c, "c "), -1);
	c.labels = NULL;
	assert_int_equal(choice_find(&c, "see"), -1);
	assert_int_equal(choice_find(&c, "C"), 2);
}

static void
test_list(void **state)
{
	static const char *const names[] = { "", "one", "two", "three" };
	struct choice c = { names, NULL, 1, 4 };

	(void)state;
	assert_list(&c, "one, two or three");
	c.n = 3;
	assert_list(&c, "one or two");
	c.n = 2;
	assert_list(&c, "one");
}

static void
test_tables(void **state)
{
	enum flag_kind k;
	enum around_role r;

	(void)state;
	assert_list(contact_method_choice(),
	    "visit, phone, video, text, email, letter, group or other");
	assert_list(contact_by_choice(), "worker or young-person");
	assert_int_equal(choice_find(contact_by_choice(), "young person"),
	    BY_YOUNG_PERSON);
	assert_list(contact_place_choice(),
	    "home, office, college, community or online");
	assert_int_equal(choice_find(contact_place_choice(), "online"),
	    PLACE_ONLINE);
	assert_list(seen_alone_choice(), "unknown, yes or no");
	assert_int_equal(choice_find(seen_alone_choice(), "no"),
	    SEEN_ALONE_NO);
	/* The lists help and the import give are the tables' own. */
	assert_list(flag_kind_choice(), flag_kind_list());
	assert_list(around_role_choice(), around_role_list());
	/* Kinds and roles by their names or labels, in any case. */
	assert_int_equal(choice_find(flag_kind_choice(), "Do Not Visit Alone"),
	    FLAG_ALONE);
	assert_int_equal(flag_kind_from_name("marac", &k), 0);
	assert_int_equal(k, FLAG_MARAC);
	assert_int_equal(around_role_from_name("Social Worker", &r), 0);
	assert_int_equal(r, ROLE_SOCIAL_WORKER);
	assert_int_equal(around_role_from_name("teacher", &r), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
