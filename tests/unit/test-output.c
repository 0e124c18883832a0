/* SPDX-License-Identifier: MIT */
/*
 * test-output.c: CSV and JSON fields as written to a file.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "json.h"

/* What csv_field writes for s, as the first field of a row, to a file. */
static void
csv_is(const char *s, const char *want)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	assert_non_null(f);
	csv_field(f, 1, s);
	fclose(f);
	assert_string_equal(buf, want);
	free(buf);
}

/* What json_string writes for s, to a file. */
static void
json_is(const char *s, const char *want)
{
	struct json j;
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	assert_non_null(f);
	json_init(&j, f);
	json_string(&j, s);
	fclose(f);
	assert_string_equal(buf, want);
	free(buf);
}

static void
test_csv_guard(void **state)
{
	(void)state;
	csv_is("Aisha Khan", "Aisha Khan");
	csv_is("=1+1", "'=1+1");
	csv_is("@SUM(A1)", "'@SUM(A1)");
	csv_is("-2", "'-2");
	csv_is("\tx", "'\tx");
	/* Spaces do not hide a formula. */
	csv_is("  =1+1", "'  =1+1");
	csv_is(" +1", "' +1");
	csv_is(" \t1", "' \t1");
	csv_is("   ", "   ");
	csv_is("a = b", "a = b");
	/* An apostrophe typed first is guarded, so import gives it back. */
	csv_is("'=x", "''=x");
	csv_is("'Tis", "''Tis");
	csv_is("O'Neil", "O'Neil");
	csv_is(" =1,2", "\"' =1,2\"");
	csv_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	csv_is(NULL, "");
}

/* To a file, the data exactly: escaping is for terminals only. */
static void
test_csv_file_exact(void **state)
{
	(void)state;
	csv_is("Bad\x1b[2J", "Bad\x1b[2J");
	csv_is("a\xc2\x9b" "b", "a\xc2\x9b" "b");
	csv_is("\xff", "\xff");
}

static void
test_json_escapes(void **state)
{
	(void)state;
	json_is("Aisha Khan", "\"Aisha Khan\"");
	json_is("a\"b\\c\n\r\t", "\"a\\\"b\\\\c\\n\\r\\t\"");
	json_is("\x1b[2J\x7f", "\"\\u001b[2J\\u007f\"");
	/* C1 controls, U+0080 to U+009F. */
	json_is("\xc2\x80x\xc2\x9b" "31m\xc2\x9f", "\"\\u0080x\\u009b31m"
	    "\\u009f\"");
	/* Their neighbours are text. */
	json_is("\xc2\xa0\xc2\xa9 Zoë 李明", "\"\xc2\xa0\xc2\xa9 Zoë 李明\"");
	json_is(NULL, "null");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_guard),
		cmocka_unit_test(test_csv_file_exact),
		cmocka_unit_test(test_json_escapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
