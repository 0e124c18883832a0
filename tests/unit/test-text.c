/* SPDX-License-Identifier: MIT */
/*
 * test-text.c: UTF-8 widths, cutting, escaping and matching; initials.
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

#include "person.h"
#include "text.h"

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("Aisha Khan"), 10);
	assert_int_equal(text_width("Zoë Ñúñez"), 9);
	assert_int_equal(text_width("Nguyễn Thị Hà"), 13);
	/* e + combining acute accent: one column. */
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("李明"), 4);
	assert_int_equal(text_width("\xf0\x9f\x98\x80"), 2);	/* emoji */
	assert_int_equal(text_width("ليلى"), 4);		/* Arabic */
	/* Control characters count as their escapes. */
	assert_int_equal(text_width("a\nb"), 4);
	assert_int_equal(text_width("\x1b"), 4);
	/* One character of a longer string, by its length in bytes. */
	assert_int_equal(text_char_cols("ëx", 2), 1);
	assert_int_equal(text_char_cols("李明", 3), 2);
	assert_int_equal(text_char_cols("\xf0\x9f\x98\x80!", 4), 2);
	assert_int_equal(text_char_cols("\x1b[2J", 1), 4);
	assert_int_equal(text_char_cols("\xcc\x81", 2), 0);	/* an accent */
}

static void
test_utf8(void **state)
{
	uint32_t cp;

	(void)state;
	assert_true(text_is_utf8("Zoë 李明 \xf0\x9f\x98\x80"));
	assert_false(text_is_utf8("\xff"));
	assert_false(text_is_utf8("\xc3"));		/* cut short */
	assert_false(text_is_utf8("\xc0\xaf"));		/* overlong */
	assert_false(text_is_utf8("\xed\xa0\x80"));	/* surrogate */
	assert_int_equal(text_decode("é", &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(text_decode("\xff", &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(text_char_len("李"), 3);
	assert_int_equal(text_char_len(""), 0);
}

static void
test_control(void **state)
{
	(void)state;
	assert_false(text_has_control("O'Connor, \"Ells\"; Jr."));
	assert_true(text_has_control("a\nb"));
	assert_true(text_has_control("a\tb"));
	assert_true(text_has_control("\x1b[31mred"));
	assert_true(text_has_control("\xc2\x9b"));	/* C1 CSI */
	assert_true(text_has_control("\x7f"));
	assert_true(text_is_blank(""));
	assert_true(text_is_blank(" \t "));
	assert_false(text_is_blank(" a "));
}

static void
test_escape(void **state)
{
	char *s;

	(void)state;
	s = text_escape("plain Zoë", 0);
	assert_string_equal(s, "plain Zoë");
	free(s);
	s = text_escape("\x1b[2Jgone", 0);
	assert_string_equal(s, "\\x1b[2Jgone");
	free(s);
	s = text_escape("two\nlines\tand\xff", 0);
	assert_string_equal(s, "two\\nlines\\tand\\xff");
	free(s);
	s = text_escape("two\nlines", 1);
	assert_string_equal(s, "two\nlines");
	free(s);
	s = text_escape("\xc2\x9b", 0);
	assert_string_equal(s, "\\x9b");
	free(s);
}

static void
test_fit(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(text_fit("Aisha", 8, 1, buf, sizeof buf), 8);
	assert_string_equal(buf, "Aisha   ");
	assert_int_equal(text_fit("Aisha", 8, 0, buf, sizeof buf), 5);
	assert_string_equal(buf, "Aisha");
	assert_int_equal(text_fit("Ellie-Mae O'Connor", 8, 1, buf, sizeof buf), 8);
	assert_string_equal(buf, "Ellie-M…");
	/* A wide character is never split: pad instead. */
	assert_int_equal(text_fit("李明李明", 6, 1, buf, sizeof buf), 6);
	assert_string_equal(buf, "李明… ");
	assert_int_equal(text_fit("李明李明", 5, 1, buf, sizeof buf), 5);
	assert_string_equal(buf, "李明…");
	assert_int_equal(text_fit("Zoë Ñúñez", 9, 1, buf, sizeof buf), 9);
	assert_string_equal(buf, "Zoë Ñúñez");
	/* Escapes happen before cutting. */
	text_fit("a\x1b" "b", 10, 0, buf, sizeof buf);
	assert_string_equal(buf, "a\\x1bb");
}

static void
test_case(void **state)
{
	(void)state;
	assert_int_equal(text_casecmp("zoë", "ZOË"), 0);
	assert_true(text_casecmp("Aisha", "Ben") < 0);
	assert_true(text_casecmp("ben", "Aisha") > 0);
	assert_true(text_contains("Zoë Ñúñez", "ÑÚÑ"));
	assert_true(text_contains("Aisha Khan", "khan"));
	assert_true(text_contains("Aisha Khan", ""));
	assert_false(text_contains("Aisha Khan", "kahn"));
	assert_true(text_contains("Nguyễn Thị Hà", "thị"));
	assert_false(text_contains("Al", "Alan"));
}

static void
test_initials(void **state)
{
	char buf[32];

	(void)state;
	person_initials("Aisha Khan", buf, sizeof buf);
	assert_string_equal(buf, "A.K.");
	person_initials("Ellie-Mae O'Connor", buf, sizeof buf);
	assert_string_equal(buf, "E.M.O.");
	person_initials("Zoë Ñúñez", buf, sizeof buf);
	assert_string_equal(buf, "Z.Ñ.");
	person_initials("  李明  ", buf, sizeof buf);
	assert_string_equal(buf, "李.");
	person_initials("Ellie-Mae \"Ells\" O'Connor, Jr.", buf, sizeof buf);
	assert_string_equal(buf, "E.M.E.O.J.");
	person_initials("(no) 42 names", buf, sizeof buf);
	assert_string_equal(buf, "n.n.");
	person_initials("Aisha Khan", buf, 3);
	assert_string_equal(buf, "A.");
}

/* A copy stands on its own; a copy for the lists has no contact details. */
static void
test_person_copy(void **state)
{
	char name[] = "Zoë Ñúñez", phone[] = "07700 900123";
	struct person p, *all, *names;

	(void)state;
	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.id = 3;
	p.name = name;
	p.preferred_name = "Zoë";
	p.phone = phone;
	p.email = "zoe@example.org";
	p.address = "1 Park Row\nLeeds";
	p.facts.dob = 12345;
	all = person_copy(&p);
	names = person_copy_names(&p);
	name[0] = 'X';
	phone[0] = 'X';
	assert_string_equal(all->name, "Zoë Ñúñez");
	assert_string_equal(all->phone, "07700 900123");
	assert_string_equal(all->address, "1 Park Row\nLeeds");
	assert_string_equal(names->name, "Zoë Ñúñez");
	assert_string_equal(names->preferred_name, "Zoë");
	assert_null(names->phone);
	assert_null(names->email);
	assert_null(names->address);
	assert_int_equal(names->id, 3);
	assert_int_equal(names->facts.dob, 12345);
	free(all);
	free(names);
}

/* Names are tidied: spaces at the ends go, runs inside become one. */
static void
test_squeeze(void **state)
{
	static const char *const cases[][2] = {
		{ "Aisha Khan", "Aisha Khan" },
		{ "Aisha  Khan ", "Aisha Khan" },
		{ "   Aisha \xc2\xa0 Khan   ", "Aisha Khan" },	/* no-break */
		{ "  =1+1", "=1+1" },
		{ "\xe3\x80\x80李\xe2\x80\x83明\xe2\x80\xaf", "李 明" },
		{ "   ", "" },
		{ "", "" },
		/* Tabs and stray bytes are left for check_name to refuse. */
		{ " a\tb ", "a\tb" },
		{ "\xff  \xff", "\xff \xff" },
		/* Zero-width and other marks are not spaces. */
		{ "a\xe2\x80\x8b b", "a\xe2\x80\x8b b" },
	};
	char *s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = strdup(cases[i][0]);
		assert_non_null(s);
		assert_ptr_equal(text_squeeze(s), s);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

/* Names compare as if tidied, ignoring case. */
static void
test_namecmp(void **state)
{
	(void)state;
	assert_int_equal(text_namecmp("Aisha Khan", "aisha  KHAN "), 0);
	assert_int_equal(text_namecmp("  Aisha\xc2\xa0Khan", "Aisha Khan"),
	    0);
	assert_int_equal(text_namecmp("", "   "), 0);
	assert_true(text_namecmp("Aisha Khan", "AishaKhan") < 0);
	assert_true(text_namecmp("Aisha Khan", "Aisha Khana") < 0);
	assert_true(text_namecmp("Aisha Khan ", "Aisha") > 0);
	assert_int_equal(text_namecmp("Zoë", "zoe"), 0);
	assert_int_equal(text_namecmp("Zoë Ñúñez", "ZOE  NUNEZ"), 0);
	assert_true(text_namecmp("Zoë", "Zoey") < 0);
	/* A space sorts before punctuation, as in text_casecmp. */
	assert_true(text_namecmp("a  b", "a!") < 0);
	assert_true(text_casecmp("a b", "a!") < 0);
}

/* assert that s folds to want (text_fold). */
static void
fold_is(const char *s, const char *want)
{
	char *got = text_fold(s);

	assert_string_equal(got, want);
	free(got);
}

/* Folding names: case, accents and normalisation form go; letters stay. */
static void
test_fold(void **state)
{
	(void)state;
	fold_is("", "");
	fold_is("Aisha KHAN", "aisha khan");
	/* Precomposed, decomposed (combining marks), accents on capitals. */
	fold_is("Zoë Ñúñez", "zoe nunez");
	fold_is("Zoe\xcc\x88 N\xcc\x83" "u\xcc\x81" "n\xcc\x83" "ez",
	    "zoe nunez");
	fold_is("ZOË", "zoe");
	fold_is("Siobhán Ní Bhriain", "siobhan ni bhriain");
	/* Vietnamese: letters with two marks each. */
	fold_is("Nguyễn Thị Hà", "nguyen thi ha");
	fold_is("NGUYỄN", "nguyen");
	/* Letters of their own stay: ø, ł; ß folds to ss. */
	fold_is("Brønte", "brønte");
	fold_is("Wiśniewski", "wisniewski");
	fold_is("Łukasz", "łukasz");
	fold_is("Straße", "strasse");
	/*
	 * Turkish as utf8proc folds it, without a Turkish locale: the dotless
	 * ı stays, and İ is I with a dot above, so i.
	 */
	fold_is("ı", "ı");
	fold_is("Iı", "iı");
	fold_is("İstanbul", "istanbul");
	/* Arabic and Hebrew letters are left alone: they have no case. */
	fold_is("محمد", "محمد");
	fold_is("שרה", "שרה");
	/* CJK and emoji pass through. */
	fold_is("李明", "李明");
	fold_is("Kai 🙂", "kai 🙂");
	/* Compatibility forms: full-width letters, the ﬁ ligature. */
	fold_is("Ｚｏ", "zo");
	fold_is("ﬁona", "fiona");
	/*
	 * The usual separators: every kind of space, and hyphens, dashes,
	 * commas and underscores, are one space; apostrophes and full
	 * stops go.
	 */
	fold_is("  Aisha\xc2\xa0\xc2\xa0Khan\xe2\x80\x83", "aisha khan");
	fold_is("O’Connor", "oconnor");
	fold_is("O'Connor", "oconnor");
	fold_is("Ellie\xe2\x80\x90Mae", "ellie mae");
	fold_is("Ellie–Mae", "ellie mae");
	fold_is("Ellie - Mae", "ellie mae");
	fold_is("Ellie-Mae \"Ells\" O'Connor, Jr.", "ellie mae \"ells\" oconnor jr");
	fold_is("St. John_Smith", "st john smith");
	fold_is("-'. ,", "");
	/* Invisible characters go: a soft hyphen, a zero-width space. */
	fold_is("Ro\xc2\xadsa\xe2\x80\x8b", "rosa");
	/* Bytes that are not UTF-8 fold as U+FFFD, never crash. */
	fold_is("Zo\xeb" "e", "zo\xef\xbf\xbd" "e");
	fold_is("\xc3", "\xef\xbf\xbd");
	fold_is("\xed\xa0\x80x", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx");
	fold_is("\xf8\x88\x80\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* Matching by the folds. */
	assert_true(text_contains("Zoë Ñúñez", "zoe"));
	assert_true(text_contains("Zoe\xcc\x88", "Zoë"));
	assert_true(text_contains("Zoë", "Zoe\xcc\x88"));
	assert_true(text_contains("Nguyễn Thị Hà", "ha"));
	assert_true(text_contains("Siobhán", "SIOBHAN"));
	assert_false(text_contains("Zoe", "zoëë"));
	assert_true(text_contains("Zo\xeb" "e", "e"));
	assert_true(text_contains("Ellie-Mae O'Connor", "mae oconnor"));
	assert_true(text_contains("Ellie Mae OConnor", "ellie-mae o’connor"));
	assert_int_equal(text_namecmp("Mary-Jane Smith", "mary jane smith"), 0);
}

/* Characters that change the direction text is shown in. */
static void
test_bidi(void **state)
{
	(void)state;
	assert_int_equal(text_bidi_control("Aisha Khan"), 0);
	assert_int_equal(text_bidi_control("ليلى"), 0);
	/* The marks (U+200E, U+200F) are allowed: they override nothing. */
	assert_int_equal(text_bidi_control("\xe2\x80\x8f"), 0);
	assert_int_equal(text_bidi_control("Ali \xe2\x80\xaenahK"), 0x202e);
	assert_int_equal(text_bidi_control("\xe2\x80\xaa"), 0x202a);
	assert_int_equal(text_bidi_control("x\xe2\x81\xa6y\xe2\x81\xa9"),
	    0x2066);
	assert_int_equal(text_bidi_control("\xe2\x81\xa9"), 0x2069);
	assert_int_equal(text_bidi_control("\xe2\x81\xaa"), 0);	/* U+206A */
	assert_int_equal(text_bidi_control("\xe2\x80\xa9"), 0);	/* U+2029 */
}

/* The folder to flush after a file in it is renamed into place. */
static void
test_path_folder(void **state)
{
	static const char *const cases[][2] = {
		{ "export.ics", "." },
		{ "/caseload.db", "/" },
		{ "/home/sam/.local/share/caseload/caseload.db",
		  "/home/sam/.local/share/caseload" },
		{ "out/letters/1.txt", "out/letters" },
		{ "./x", "." },
	};
	char *folder;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		folder = text_path_folder(cases[i][0]);
		assert_string_equal(folder, cases[i][1]);
		free(folder);
	}
}

/*
 * Wrap s at cols with text_wrap_all and check the lines against the
 * NULL-terminated list that follows, and that none is wider than cols.
 */
static void
check_wrap(const char *s, int cols, ...)
{
	va_list ap;
	const char *want;
	char **lines;
	size_t n, i = 0;

	lines = text_wrap_all(s, cols, &n);
	va_start(ap, cols);
	while ((want = va_arg(ap, const char *)) != NULL) {
		assert_true(i < n);
		assert_string_equal(lines[i], want);
		i++;
	}
	va_end(ap);
	assert_int_equal(n, i);
	assert_null(lines[n]);
	for (i = 0; i < n; i++) {
		if (text_width(lines[i]) > cols)
			assert_true(text_width(lines[i]) <= 2 && cols == 1);
		free(lines[i]);
	}
	free(lines);
}

static void
test_wrap_all(void **state)
{
	(void)state;
	/* At spaces; only the spaces at a break go; nothing is lost. */
	check_wrap("Talked about college and the bus pass", 15,
	    "Talked about", "college and the", "bus pass", NULL);
	check_wrap("  two   spaces  ", 20, "  two   spaces  ", NULL);
	/* A line's own indent stays, under the first line and later ones. */
	check_wrap("Housing:\n  - waiting list,   band C\n    - bid weekly",
	    40, "Housing:", "  - waiting list,   band C",
	    "    - bid weekly", NULL);
	check_wrap("  - housing: waiting list", 12, "  - housing:",
	    "waiting list", NULL);
	/* Runs of spaces inside a line stay where the line does not break. */
	check_wrap("rent   paid  on time", 20, "rent   paid  on time", NULL);
	/* A break at a run of spaces drops that run and no other. */
	check_wrap("bus  pass     college  course", 10, "bus  pass",
	    "college", "course", NULL);
	check_wrap("ab   cd ef", 5, "ab", "cd ef", NULL);
	/* Spaces ending a line stay as far as they fit. */
	check_wrap("abc      \ndef", 5, "abc  ", "def", NULL);
	/* A line of only spaces stays, up to the width; blank lines too. */
	check_wrap("one\n   \n\ntwo", 10, "one", "   ", "", "two", NULL);
	check_wrap("one\n            \ntwo", 5, "one", "     ", "two", NULL);
	/* An indent too wide for its first word stays; the word breaks. */
	check_wrap("    abcdefgh", 6, "    ab", "cdefgh", NULL);
	/* Tabs are spaces, one column each, in an indent and a run too. */
	check_wrap("\ta\t\tb", 10, " a  b", NULL);
	check_wrap("a \t b\tc", 3, "a", "b c", NULL);
	check_wrap("", 10, NULL);
	check_wrap("exactly ten", 11, "exactly ten", NULL);
	/* Newlines keep their lines, an empty one too. */
	check_wrap("one\n\ntwo three", 5, "one", "", "two", "three", NULL);
	/* A word wider than the width is broken, not cut. */
	check_wrap("see https://example.org/abcdefgh ok", 10,
	    "see", "https://ex", "ample.org/", "abcdefgh", "ok", NULL);
	/* Wide characters count two columns and are never split. */
	check_wrap("李明 李明李明", 5, "李明", "李明", "李明", NULL);
	check_wrap("李明李明李", 5, "李明", "李明", "李", NULL);
	check_wrap("a李", 2, "a", "李", NULL);
	/* Wider than the width: on a line of its own. */
	check_wrap("李x", 1, "李", "x", NULL);
	/* A combining mark stays with its letter, and takes no column. */
	check_wrap("Zoe\xcc\x88 Zoe\xcc\x88", 3, "Zoe\xcc\x88",
	    "Zoe\xcc\x88", NULL);
	check_wrap("e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3,
	    "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", "e\xcc\x81", NULL);
	/* Right-to-left text breaks in the order it is stored. */
	check_wrap("مرحبا بك في المكتب", 9, "مرحبا بك", "في المكتب",
	    NULL);
	check_wrap("שלום עולם", 4, "שלום", "עולם", NULL);
	/* Tabs are spaces; an escaped control character counts as shown. */
	check_wrap("a\tb \\x1b", 3, "a b", "\\x1", "b", NULL);
}

/* Allocated today, or on the last contact when that is earlier. */
static void
test_default_allocated(void **state)
{
	date_t today = date_from_ymd(2026, 11, 27);

	(void)state;
	assert_int_equal(person_default_allocated(today, DATE_NONE), today);
	assert_int_equal(person_default_allocated(today,
	    date_from_ymd(2026, 10, 2)), date_from_ymd(2026, 10, 2));
	assert_int_equal(person_default_allocated(today, today), today);
	/* A contact after today is refused elsewhere; never allocated so. */
	assert_int_equal(person_default_allocated(today,
	    date_from_ymd(2026, 12, 1)), today);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_control),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_initials),
		cmocka_unit_test(test_path_folder),
		cmocka_unit_test(test_squeeze),
		cmocka_unit_test(test_namecmp),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_bidi),
		cmocka_unit_test(test_person_copy),
		cmocka_unit_test(test_wrap_all),
		cmocka_unit_test(test_default_allocated),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 77;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
