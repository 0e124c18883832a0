/* SPDX-License-Identifier: MIT */
/*
 * test-conf.c: the settings table and reading caseload.ini.
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
#include <unistd.h>

#include "conf.h"

static char ini_path[] = "/tmp/caseload-test-conf-XXXXXX";

/* Write text to the test's settings file. */
static void
write_ini(const char *text)
{
	FILE *f = fopen(ini_path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int
setup(void **state)
{
	int fd = mkstemp(ini_path);

	(void)state;
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(ini_path);
	return 0;
}

/* Load text and expect an error mentioning each of want. */
static void
load_fails(const char *text, const char *want1, const char *want2)
{
	struct config cfg;
	char *cause = NULL;

	write_ini(text);
	conf_defaults(&cfg);
	assert_int_equal(conf_load(&cfg, ini_path, 1, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, want1) == NULL ||
	    (want2 != NULL && strstr(cause, want2) == NULL))
		fail_msg("'%s' lacks '%s' or '%s'", cause, want1,
		    want2 != NULL ? want2 : "");
	if (strstr(cause, ini_path) == NULL)
		fail_msg("'%s' does not name the file", cause);
	/* The defaults stand. */
	assert_int_equal(cfg.rules.interval_weeks, 8);
	assert_string_equal(cfg.worker_title, "Leaving Care Worker");
	free(cause);
	conf_free(&cfg);
}

static void
test_defaults(void **state)
{
	struct config cfg;
	size_t n;

	(void)state;
	conf_defaults(&cfg);
	assert_string_equal(cfg.worker_name, "");
	assert_string_equal(cfg.worker_title, "Leaving Care Worker");
	assert_int_equal(cfg.rules.interval_weeks, 8);
	assert_int_equal(cfg.rules.due_soon_days, 14);
	assert_int_equal(cfg.rules.letter_months, 12);
	assert_int_equal(cfg.rules.review_months, 6);
	assert_int_equal(cfg.rules.cap, 22);
	assert_string_equal(cfg.print_command, "lpr");
	assert_int_equal(cfg.privacy, PRIVACY_INITIALS);
	assert_int_equal(cfg.alarm_days_before, 1);
	assert_int_equal(cfg.contacts_as, CONTACTS_AS_EVENT);
	assert_int_equal(cfg.colour, COLOUR_AUTO);
	assert_string_equal(cfg.date_format, "%d/%m/%Y");
	assert_int_equal(cfg.backup_keep, 14);
	assert_int_equal(cfg.rules.first_contact_days, 7);
	assert_int_equal(cfg.csv_bom, 0);
	assert_int_equal(cfg.alarm_time, 9 * 60);
	assert_string_equal(cfg.caldav_url, "");
	assert_string_equal(cfg.caldav_password_command, "");
	assert_int_equal(cfg.caldav_allow_http, 0);
	assert_int_equal(cfg.caldav_timeout, 60);
	assert_int_equal(cfg.rules.return_months_before, 3);
	assert_int_equal(cfg.rules.return_months_after, 1);
	assert_int_equal(cfg.rules.working_days, 0);
	assert_string_equal(cfg.extra_holidays, "");
	assert_null(cfg.rules.holidays);
	assert_int_equal(cfg.rules.nholidays, 0);
	conf_table(&n);
	assert_int_equal(n, 31);
	conf_free(&cfg);
}

static void
test_missing_file(void **state)
{
	struct config cfg;
	char *cause = NULL;

	(void)state;
	conf_defaults(&cfg);
	assert_int_equal(conf_load(&cfg, "/nonexistent/caseload.ini", 0,
	    &cause), 0);
	assert_int_equal(cfg.rules.cap, 22);
	assert_int_equal(conf_load(&cfg, "/nonexistent/caseload.ini", 1,
	    &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/caseload.ini"));
	free(cause);
	conf_free(&cfg);
}

static void
test_values(void **state)
{
	struct config cfg;
	char *cause = NULL;

	(void)state;
	write_ini("; my settings\n"
	    "[Worker]\n"
	    "Name = Sam Taylor\n"
	    "title = Personal Adviser\n"
	    "office = Civic Hall\\nLeeds LS1 1UR ; the office\n"
	    "about = I like football\\nI speak Urdu\n"
	    "[contact]\n"
	    "interval_weeks = 08\n"
	    "due_soon_days = 0\n"
	    "[calendar]\n"
	    "privacy = Full\n"
	    "contacts_as = todo\n"
	    "alarm_time = 07:05\n"
	    "[caldav]\n"
	    "url = https://example.org/dav/sam/caseload/\n"
	    "allow_http = Yes\n"
	    "[display]\n"
	    "colour = never\n"
	    "date_format = \"%a %d %b %Y\"\n"
	    "[caseload]\n"
	    "cap = 16\n");
	conf_defaults(&cfg);
	assert_int_equal(conf_load(&cfg, ini_path, 1, &cause), 0);
	assert_string_equal(cfg.worker_name, "Sam Taylor");
	assert_int_equal(cfg.alarm_time, 7 * 60 + 5);
	assert_string_equal(cfg.caldav_url,
	    "https://example.org/dav/sam/caseload/");
	assert_int_equal(cfg.caldav_allow_http, 1);
	assert_string_equal(cfg.worker_title, "Personal Adviser");
	assert_string_equal(cfg.worker_office, "Civic Hall\nLeeds LS1 1UR");
	assert_string_equal(cfg.worker_about, "I like football\nI speak Urdu");
	assert_int_equal(cfg.rules.interval_weeks, 8);
	assert_int_equal(cfg.rules.due_soon_days, 0);
	assert_int_equal(cfg.privacy, PRIVACY_FULL);
	assert_int_equal(cfg.contacts_as, CONTACTS_AS_TODO);
	assert_int_equal(cfg.colour, COLOUR_NEVER);
	assert_string_equal(cfg.date_format, "%a %d %b %Y");
	assert_int_equal(cfg.rules.cap, 16);
	assert_int_equal(cfg.rules.letter_months, 12);
	conf_free(&cfg);
}

static void
test_syntax_error(void **state)
{
	(void)state;
	load_fails("[worker]\nname = Sam\nthis is not a setting\n", ":3:",
	    "this is not a setting");
	load_fails("[worker\nname = x\n", ":1:", NULL);
	load_fails("\x7f" "ELF\x02\x01\x01\n", ":1:", NULL);
}

static void
test_bad_values(void **state)
{
	(void)state;
	load_fails("[contact]\ninterval_weeks = 12abc\n",
	    "[contact] interval_weeks", "whole number from 1 to 52");
	load_fails("[contact]\ninterval_weeks = 0\n", "interval_weeks",
	    "from 1 to 52");
	load_fails("[contact]\ninterval_weeks = -3\n", "interval_weeks", NULL);
	load_fails("[contact]\ninterval_weeks =\n", "interval_weeks", NULL);
	load_fails("[contact]\ninterval_weeks = 0x10\n", "interval_weeks", NULL);
	load_fails("[caseload]\ncap = 99999999999999999999\n", "cap", NULL);
	load_fails("[calendar]\nprivacy = some\n", "[calendar] privacy",
	    "initials, full");
	load_fails("[display]\ncolour = yes\n", "colour", "auto, always, never");
	load_fails("[display]\ndate_format = %H:%M\n", "date_format", "%H");
	load_fails("[worker]\nabout = a\\nb\\nc\\nd\n", "about",
	    "at most 3 lines");
	load_fails("[worker]\nname = \xff\xfe\n", "name", "UTF-8");
	load_fails("[calendar]\nalarm_time = 9:00\n", "[calendar] alarm_time",
	    "HH:MM, from 00:00 to 23:59");
	load_fails("[calendar]\nalarm_time = 24:00\n", "alarm_time", NULL);
	load_fails("[calendar]\nalarm_time = 12:60\n", "alarm_time", NULL);
	load_fails("[calendar]\nalarm_time = 1:230\n", "alarm_time", NULL);
	load_fails("[calendar]\nalarm_time = 12-30\n", "alarm_time", NULL);
	load_fails("[calendar]\nalarm_time = +1:30\n", "alarm_time", NULL);
	load_fails("[caldav]\nallow_http = maybe\n", "allow_http", "no, yes");
	load_fails("[caldav]\ntimeout = 2\n", "timeout", "from 5 to 3600");
}

static void
test_unknown(void **state)
{
	(void)state;
	load_fails("[contact]\ninterval_week = 4\n", "[contact] has no setting "
	    "'interval_week'", NULL);
	load_fails("[contacts]\ninterval_weeks = 4\n", "unknown section "
	    "[contacts]", NULL);
	load_fails("cap = 4\n[caseload]\n", "outside any section", NULL);
}

static void
test_print_round_trip(void **state)
{
	struct config a, b;
	const struct conf_entry *table;
	char *cause = NULL, *va, *vb;
	size_t n, i;
	FILE *f;

	(void)state;
	conf_defaults(&a);
	free(a.worker_office);
	a.worker_office = strdup("Civic Hall\nLeeds; West Yorkshire");
	free(a.worker_name);
	/* Every value iniparser can read: never ", ' and ; all at once. */
	a.worker_name = strdup("Sam \"Sammy\" Neil; #1");
	free(a.worker_phone);
	a.worker_phone = strdup("\"0113\" 496 0000");
	free(a.worker_title);
	a.worker_title = strdup("'Adviser' \\");
	free(a.worker_email);
	a.worker_email = strdup("\"quoted\"@example.org");
	a.rules.cap = 30;
	f = fopen(ini_path, "w");
	assert_non_null(f);
	conf_print(&a, f);
	fclose(f);
	conf_defaults(&b);
	assert_int_equal(conf_load(&b, ini_path, 1, &cause), 0);
	table = conf_table(&n);
	for (i = 0; i < n; i++) {
		va = conf_value(&a, &table[i]);
		vb = conf_value(&b, &table[i]);
		assert_string_equal(va, vb);
		free(va);
		free(vb);
	}
	conf_free(&a);
	conf_free(&b);
}

/* The table's entry for section and key. */
static const struct conf_entry *
entry(const char *section, const char *key)
{
	const struct conf_entry *table;
	size_t n, i;

	table = conf_table(&n);
	for (i = 0; i < n; i++)
		if (strcmp(table[i].section, section) == 0 &&
		    strcmp(table[i].key, key) == 0)
			return &table[i];
	fail_msg("no setting [%s] %s", section, key);
	return NULL;
}

/* Print cfg to the test's file and load it back into *back. */
static void
print_and_load(const struct config *cfg, struct config *back)
{
	char *cause = NULL;
	char line[2048];
	FILE *f;

	f = fopen(ini_path, "w");
	assert_non_null(f);
	conf_print(cfg, f);
	fclose(f);
	/* Every line fits iniparser's 1,022 bytes. */
	f = fopen(ini_path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL)
		assert_true(strlen(line) <= 1023);
	fclose(f);
	conf_defaults(back);
	if (conf_load(back, ini_path, 1, &cause) != 0)
		fail_msg("what was printed does not load: %s", cause);
}

/*
 * [calendar] working_days and extra_holidays, [return] months_before and
 * months_after: read, checked (a wrong date is named), kept as they were
 * when a later line is bad, and printed back.
 */
static void
test_calendar_days(void **state)
{
	struct config cfg, back;
	char *cause = NULL;

	(void)state;
	write_ini("[calendar]\nworking_days = yes\n"
	    "extra_holidays = 29/12/2026, 2026-11-30\n"
	    "[return]\nmonths_before = 6\nmonths_after = 0\n");
	conf_defaults(&cfg);
	assert_int_equal(conf_load(&cfg, ini_path, 1, &cause), 0);
	assert_int_equal(cfg.rules.working_days, 1);
	assert_int_equal(cfg.rules.nholidays, 2);
	assert_ptr_equal(cfg.rules.holidays, cfg.holidays);
	assert_int_equal(cfg.rules.holidays[0], date_from_ymd(2026, 11, 30));
	assert_int_equal(cfg.rules.holidays[1], date_from_ymd(2026, 12, 29));
	assert_int_equal(cfg.rules.return_months_before, 6);
	assert_int_equal(cfg.rules.return_months_after, 0);

	/* A bad file leaves the list as it was. */
	write_ini("[calendar]\nextra_holidays = 01/01/2027\n"
	    "[return]\nmonths_before = 7\n");
	assert_int_equal(conf_load(&cfg, ini_path, 1, &cause), -1);
	assert_non_null(strstr(cause, "[return] months_before = '7': "
	    "expected a whole number from 0 to 6"));
	free(cause);
	assert_int_equal(cfg.rules.nholidays, 2);
	assert_int_equal(cfg.rules.holidays[1], date_from_ymd(2026, 12, 29));

	/* Printed and read back, the same list. */
	print_and_load(&cfg, &back);
	assert_string_equal(back.extra_holidays, "29/12/2026, 2026-11-30");
	assert_int_equal(back.rules.nholidays, 2);
	assert_int_equal(back.rules.holidays[1], date_from_ymd(2026, 12, 29));
	assert_int_equal(back.rules.working_days, 1);
	conf_free(&back);
	conf_free(&cfg);
	assert_null(cfg.rules.holidays);

	load_fails("[calendar]\nextra_holidays = 25/12/2026, 31/02/2027\n",
	    "[calendar] extra_holidays = '25/12/2026, 31/02/2027': "
	    "'31/02/2027' is not a real date: February 2027 has 28 days",
	    NULL);
	load_fails("[calendar]\nextra_holidays = next tuesday\n",
	    "'next' is not a date: write it as DD/MM/YYYY or YYYY-MM-DD", NULL);
	load_fails("[calendar]\nworking_days = sometimes\n",
	    "[calendar] working_days = 'sometimes': expected one of: no, yes",
	    NULL);
	load_fails("[return]\nmonths_after = 6\n",
	    "expected a whole number from 0 to 5", NULL);
}

static void
test_backslashes(void **state)
{
	static const char *const texts[] = {
		"a\\", "a\\\nb", "\\n", "\\\\n", "x\\\\", "\\x\\y",
		"C:\\new\\notes", "\\\n\\", "a\\\\\\\\\nb",
	};
	struct config cfg, back;
	char *cause = NULL, *v;
	size_t i;

	(void)state;
	/* A lone backslash stays as it was typed; \\ and \n are read. */
	write_ini("[worker]\noffice = Room 3\\b\\\\c\\nLeeds\n");
	conf_defaults(&cfg);
	assert_int_equal(conf_load(&cfg, ini_path, 1, &cause), 0);
	assert_string_equal(cfg.worker_office, "Room 3\\b\\c\nLeeds");
	v = conf_value(&cfg, entry("worker", "office"));
	assert_string_equal(v, "Room 3\\b\\c\\nLeeds");
	free(v);
	conf_free(&cfg);

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		conf_defaults(&cfg);
		free(cfg.worker_office);
		cfg.worker_office = strdup(texts[i]);
		print_and_load(&cfg, &back);
		assert_string_equal(back.worker_office, texts[i]);
		conf_free(&cfg);
		conf_free(&back);
	}
}

static void
test_long_values(void **state)
{
	struct config cfg, back;
	char *text, *cause = NULL;
	size_t i;

	(void)state;
	/* 1,000 bytes with a ; (so written in quotes) load and print back. */
	text = malloc(1100);
	assert_non_null(text);
	strcpy(text, "[letters]\nprint_command = \"");
	for (i = 0; i < 999; i++)
		strcat(text, "a");
	strcat(text, ";\"\n");
	write_ini(text);
	conf_defaults(&cfg);
	assert_int_equal(conf_load(&cfg, ini_path, 1, &cause), 0);
	assert_int_equal(strlen(cfg.print_command), 1000);
	print_and_load(&cfg, &back);
	assert_string_equal(back.print_command, cfg.print_command);
	conf_free(&cfg);
	conf_free(&back);

	/* One more byte is refused, and the message does not repeat it all. */
	strcpy(text, "[letters]\nprint_command = \"");
	for (i = 0; i < 1001; i++)
		strcat(text, "a");
	strcat(text, "\"\n");
	write_ini(text);
	conf_defaults(&cfg);
	assert_int_equal(conf_load(&cfg, ini_path, 1, &cause), -1);
	if (strstr(cause, "too long (1001 bytes; at most 1000") == NULL)
		fail_msg("'%s'", cause);
	assert_true(strlen(cause) < 300);
	free(cause);
	conf_free(&cfg);

	/* 400 lone backslashes do not grow when written. */
	strcpy(text, "[worker]\noffice = ");
	for (i = 0; i < 400; i++)
		strcat(text, "\\x");
	strcat(text, "\n");
	write_ini(text);
	conf_defaults(&cfg);
	assert_int_equal(conf_load(&cfg, ini_path, 1, &cause), 0);
	print_and_load(&cfg, &back);
	assert_string_equal(back.worker_office, cfg.worker_office);
	conf_free(&cfg);
	conf_free(&back);
	free(text);
}

/* Load text and expect it to load; the caller frees cfg. */
static void
load_ok(const char *text, struct config *cfg)
{
	char *cause = NULL;

	write_ini(text);
	conf_defaults(cfg);
	if (conf_load(cfg, ini_path, 1, &cause) != 0)
		fail_msg("'%s' did not load: %s", text, cause);
}

/* A byte order mark, as Notepad writes, is passed over. */
static void
test_bom(void **state)
{
	struct config cfg;

	(void)state;
	load_ok("\xef\xbb\xbf[worker]\nname = Sam Taylor\n", &cfg);
	assert_string_equal(cfg.worker_name, "Sam Taylor");
	conf_free(&cfg);
	load_ok("\xef\xbb\xbf# my settings\r\n[contact]\r\ninterval_weeks = 4\r\n",
	    &cfg);
	assert_int_equal(cfg.rules.interval_weeks, 4);
	conf_free(&cfg);
	load_ok("\xef\xbb\xbf", &cfg);
	conf_free(&cfg);
	/* Only at the start: anywhere else it is text. */
	load_fails("[worker]\n\xef\xbb\xbfname = Sam\n", "[worker] has no "
	    "setting", NULL);
	load_fails("\xff\xfe[\0w\0", "UTF-16", "UTF-8");
}

/* A key set twice names both lines; sections may come back. */
static void
test_duplicates(void **state)
{
	struct config cfg;

	(void)state;
	load_fails("[worker]\nname = Sam Taylor\ntitle = PA\nname = Alex\n",
	    ":4: [worker] name is also set on line 2", NULL);
	load_fails("[worker]\nname = Sam\n[contact]\ninterval_weeks = 4\n"
	    "[Worker]\nNAME = Alex\n", ":6: [worker] name is also set on line 2",
	    NULL);
	load_fails("[worker]\nname = a\nname =\n", ":3:", "also set on line 2");
	load_fails("[worker]\noffice = a\\\n b\noffice = c\n", ":4:",
	    "also set on line 2");
	/* The same key in two sections is two settings. */
	load_ok("[worker]\nphone = 1\n[contact]\ninterval_weeks = 4\n"
	    "[worker]\nemail = a@b.c\n", &cfg);
	assert_string_equal(cfg.worker_phone, "1");
	assert_string_equal(cfg.worker_email, "a@b.c");
	conf_free(&cfg);
}

/* A quote opened must be closed, with only a comment after it. */
static void
test_quotes(void **state)
{
	struct config cfg;

	(void)state;
	load_fails("[worker]\nname = \"Sam\n", ":2: [worker] name = \"Sam: the "
	    "quote is not closed", NULL);
	load_fails("[worker]\ntitle = ok\nname = 'Sam\n", ":3:",
	    "the quote is not closed; end the value with '");
	load_fails("[worker]\nname = \"\n", ":2:", "not closed");
	load_fails("[worker]\nname = \"Sam\" Taylor\n", ":2:",
	    "text after the closing quote");
	load_fails("[worker]\nname = 'it's'\n", ":2:",
	    "text after the closing quote");
	load_ok("[worker]\nname = \"Sam; Taylor\" ; a comment\n"
	    "title = 'Personal \"PA\"'   # another\n"
	    "phone = \"\"\n"
	    "office = Sam's \"office\"\n", &cfg);
	assert_string_equal(cfg.worker_name, "Sam; Taylor");
	assert_string_equal(cfg.worker_title, "Personal \"PA\"");
	assert_string_equal(cfg.worker_phone, "");
	assert_string_equal(cfg.worker_office, "Sam's \"office\"");
	conf_free(&cfg);
}

/* Lines read as iniparser reads them. */
static void
test_lines(void **state)
{
	struct config cfg;

	(void)state;
	/* A backslash at the end goes on with the next line. */
	load_ok("[worker]\nname = Sam \\\nTaylor\n  title = PA  \n", &cfg);
	assert_string_equal(cfg.worker_name, "Sam Taylor");
	assert_string_equal(cfg.worker_title, "PA");
	conf_free(&cfg);
	/* ... also on the last line, with nothing after it. */
	load_ok("[worker]\nname = Sam\\", &cfg);
	assert_string_equal(cfg.worker_name, "Sam");
	conf_free(&cfg);
	load_ok("; comment\n# comment\n\n   \n[ Worker ]\nName=Sam\n", &cfg);
	assert_string_equal(cfg.worker_name, "Sam");
	conf_free(&cfg);
	load_fails("[]\nname = Sam\n", ":1: a section with no name", NULL);
	load_fails("[worker]\n= Sam\n", ":2: not a setting", NULL);
	/* A continued line's error is reported where it starts. */
	load_fails("[worker]\nname \\\nSam\n", ":2: not a setting", NULL);
	load_fails("[worker]\nname = Sam \xe2\x80\xaeTaylor\n", "[worker] name",
	    "direction override or isolate characters (U+202E here)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_print_round_trip),
		cmocka_unit_test(test_calendar_days),
		cmocka_unit_test(test_backslashes),
		cmocka_unit_test(test_long_values),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
