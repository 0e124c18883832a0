/*
 * test-job.c: the jobs both faces call (job.h), on a fresh database: what
 * each refuses, and says was wrong, without writing; what each does.
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

#include "job.h"
#include "session.h"

#define D(y, m, d) date_from_ymd(y, m, d)

struct fixture {
	char		 dir[64];
	char		 path[128];
	struct session	 s;
	long		 id;	/* Aisha, stepped up */
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct person p;
	struct store *st;
	char *cause = NULL, *warning = NULL;

	snprintf(fx->dir, sizeof fx->dir, "/tmp/caseload-test-job-XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	snprintf(fx->path, sizeof fx->path, "%s/caseload.db", fx->dir);
	conf_defaults(&fx->s.cfg);
	fx->s.db_path = fx->path;
	fx->s.db_given = 1;
	fx->s.access = SESSION_WRITES;
	fx->s.today = fx->s.clock_today = D(2026, 11, 27);
	fx->s.today_given = 1;
	if (session_open(&fx->s, &st, &warning, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		return -1;
	}
	free(warning);
	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = "Aisha Khan";
	p.facts.dob = D(2007, 3, 14);
	p.facts.allocated_on = D(2026, 9, 1);
	if (store_person_add(st, &p, &cause) != 0)
		return -1;
	fx->id = p.id;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[160];

	session_close(&fx->s);
	conf_free(&fx->s.cfg);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(fx);
	return 0;
}

/* Log a contact; the job's return, with r and *cause filled in. */
static int
log_contact(struct fixture *fx, date_t on, const char *note,
    struct job_result *r, char **cause)
{
	struct contact c;

	memset(&c, 0, sizeof c);
	c.person_id = fx->id;
	c.on = on;
	c.method = METHOD_VISIT;
	c.by = BY_WORKER;
	c.note = note;
	return job_contact(&fx->s, &c, r, cause);
}

/* A refusal: -1, refused, the field, a message; free both. */
static void
assert_refused(int rc, struct job_result *r, char **cause,
    enum job_field field)
{
	assert_int_equal(rc, -1);
	assert_true(r->refused);
	assert_int_equal(r->made, 0);
	assert_int_equal(r->field, field);
	assert_non_null(*cause);
	free(*cause);
	*cause = NULL;
	job_result_free(r);
}

static int
count_contact(const struct contact *c, void *arg)
{
	(void)c;
	(*(long *)arg)++;
	return 0;
}

/* How many contacts the fixture's young person has in the log. */
static long
contacts(struct fixture *fx)
{
	char *cause = NULL;
	long n = 0;

	assert_int_equal(store_contacts_each(fx->s.st, fx->id, count_contact,
	    &n, &cause), 0);
	return n;
}

static void
test_contact(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	char *cause = NULL;

	/* Refused, and nothing written. */
	assert_refused(log_contact(fx, D(2026, 11, 28), NULL, &r, &cause), &r,
	    &cause, JOB_DATE);
	assert_refused(log_contact(fx, D(2006, 1, 1), NULL, &r, &cause), &r,
	    &cause, JOB_DATE);
	assert_refused(log_contact(fx, D(2026, 11, 20), "bad\033[2J", &r,
	    &cause), &r, &cause, JOB_NOTE);
	assert_refused(log_contact(fx, D(2026, 11, 20), "flip \xe2\x80\xae",
	    &r, &cause), &r, &cause, JOB_NOTE);
	assert_int_equal(contacts(fx), 0);

	/* A note of several lines, from either face. */
	assert_int_equal(log_contact(fx, D(2026, 11, 20),
	    "Talked about college.\nWants help with the bursary.", &r,
	    &cause), 0);
	assert_false(r.refused);
	assert_true(r.made > 0);
	assert_non_null(r.row.person);
	assert_int_equal(r.row.contact.due, D(2027, 1, 15));	/* + 8 weeks */
	assert_int_equal(r.row.contact.state, DUE_OK);
	job_result_free(&r);
	assert_int_equal(contacts(fx), 1);

	/* Nobody of that number. */
	fx->id = 999;
	assert_refused(log_contact(fx, D(2026, 11, 20), NULL, &r, &cause), &r,
	    &cause, JOB_WHO);
}

static void
test_strike(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	char *cause = NULL;
	long made;

	assert_int_equal(log_contact(fx, D(2026, 11, 20), NULL, &r, &cause), 0);
	made = r.made;
	job_result_free(&r);
	assert_refused(job_strike(&fx->s, made + 1, NULL, &r, &cause), &r,
	    &cause, JOB_WHO);
	assert_refused(job_strike(&fx->s, made, "two\nlines", &r, &cause), &r,
	    &cause, JOB_REASON);
	assert_int_equal(job_strike(&fx->s, made, "wrong person", &r, &cause),
	    0);
	assert_non_null(r.contact);
	assert_int_equal(r.contact->on, D(2026, 11, 20));
	/* Struck out, the first contact is due from allocation again. */
	assert_int_equal(r.row.contact.state, DUE_OVERDUE);
	job_result_free(&r);
	assert_refused(job_strike(&fx->s, made, NULL, &r, &cause), &r, &cause,
	    JOB_AGAIN);
}

static void
test_status_review_letter(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	char *cause = NULL;

	assert_refused(job_status(&fx->s, fx->id, STATUS_UP, D(2026, 11, 1),
	    NULL, &r, &cause), &r, &cause, JOB_STATUS);
	assert_refused(job_status(&fx->s, fx->id, STATUS_DOWN, D(2026, 8, 1),
	    NULL, &r, &cause), &r, &cause, JOB_DATE);	/* before allocation */
	assert_refused(job_letter_sent(&fx->s, fx->id, D(2026, 11, 20), &r,
	    &cause), &r, &cause, JOB_STATUS);
	assert_refused(job_review(&fx->s, fx->id, D(2026, 12, 1), &r, &cause),
	    &r, &cause, JOB_DATE);

	assert_int_equal(job_review(&fx->s, fx->id, D(2026, 11, 1), &r, &cause),
	    0);
	assert_int_equal(r.row.review.due, D(2027, 5, 1));
	job_result_free(&r);

	assert_int_equal(job_status(&fx->s, fx->id, STATUS_DOWN,
	    D(2026, 11, 2), "full-time work", &r, &cause), 0);
	assert_int_equal(r.row.person->facts.status, STATUS_DOWN);
	assert_int_equal(r.row.letter.due, D(2027, 11, 2));
	job_result_free(&r);

	assert_int_equal(job_letter_sent(&fx->s, fx->id, D(2026, 11, 20), &r,
	    &cause), 0);
	assert_int_equal(r.row.letter.due, D(2027, 11, 20));
	job_result_free(&r);
	assert_refused(job_letter_sent(&fx->s, fx->id, D(2026, 11, 20), &r,
	    &cause), &r, &cause, JOB_AGAIN);

	assert_int_equal(job_status(&fx->s, fx->id, STATUS_ARCHIVED,
	    D(2026, 11, 27), NULL, &r, &cause), 0);
	job_result_free(&r);
	assert_refused(job_status(&fx->s, fx->id, STATUS_ARCHIVED,
	    D(2026, 11, 27), NULL, &r, &cause), &r, &cause, JOB_STATUS);
}

static int
count_one(const struct person *p, void *arg)
{
	(void)p;
	(*(long *)arg)++;
	return 0;
}

/* How many young people the session's caseload holds, archived or not. */
static long
people_in(struct session *s)
{
	char *cause = NULL;
	long n = 0;

	assert_int_equal(store_people_each(s->st, STORE_EVERYONE, count_one,
	    &n, &cause), 0);
	return n;
}

/* Write text to name in the fixture's folder; its path into path. */
static void
write_file(struct fixture *fx, const char *name, const char *text,
    char *path, size_t size)
{
	FILE *f;

	snprintf(path, size, "%s/%s", fx->dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) < 0, 0);
	assert_int_equal(fclose(f), 0);
}

/* Read the sheet and import it; the result of job_import. */
static int
import_sheet(struct fixture *fx, const char *text, int dry_run,
    struct job_import *imp, struct job_result *r, char **cause)
{
	char path[192];

	write_file(fx, "sheet.csv", text, path, sizeof path);
	assert_int_equal(job_import_read(&fx->s, path, imp, r, cause), 0);
	job_result_free(r);
	return job_import(&fx->s, imp, dry_run, r, cause);
}

static void
test_import(void **state)
{
	struct fixture *fx = *state;
	struct job_import imp;
	struct job_result r;
	struct person *p;
	char *cause = NULL, path[192];

	/* A file that cannot be read. */
	snprintf(path, sizeof path, "%s/missing.csv", fx->dir);
	assert_refused(job_import_read(&fx->s, path, &imp, &r, &cause), &r,
	    &cause, JOB_FILE);
	job_import_free(&imp);

	/* All or nothing: a bad row leaves the good one unwritten. */
	assert_refused(import_sheet(fx, "name,dob,last contact\n"
	    "Ben Carter,2008-12-01,2026-11-20\n"
	    "Chloe Nowak,31/02/2008,\n", 0, &imp, &r, &cause), &r, &cause,
	    JOB_FILE);
	assert_int_equal(imp.sheet.nproblems, 1);
	assert_int_equal(imp.sheet.problems[0].line, 3);
	assert_int_equal(imp.added, 0);
	job_import_free(&imp);
	assert_int_equal(people_in(&fx->s), 1);

	/* Someone already on the caseload: found, and nothing written. */
	assert_refused(import_sheet(fx, "name,dob\n"
	    "Ben Carter,2008-12-01\n"
	    "AISHA  KHAN,14/03/2007\n", 0, &imp, &r, &cause), &r, &cause,
	    JOB_FILE);
	assert_int_equal(imp.present, 1);
	assert_int_equal(imp.sheet.problems[0].line, 3);
	assert_non_null(strstr(imp.sheet.problems[0].what,
	    "already on your caseload as number 1"));
	job_import_free(&imp);
	assert_int_equal(people_in(&fx->s), 1);

	/* A header and nobody. */
	assert_refused(import_sheet(fx, "name,dob\n", 0, &imp, &r, &cause),
	    &r, &cause, JOB_FILE);
	job_import_free(&imp);

	/* A dry run says what it would do and writes nothing. */
	assert_int_equal(import_sheet(fx, "name,dob,status,stepped down on,"
	    "last contact\n"
	    "Ben Carter,2008-12-01,,,2026-11-20\n"
	    "Chloe Nowak,2007-02-28,stepped down,2026-10-01,\n", 1, &imp, &r,
	    &cause), 0);
	assert_false(r.refused);
	assert_int_equal(imp.sheet.n, 2);
	assert_int_equal(imp.down, 1);
	assert_int_equal(imp.added, 0);
	job_import_free(&imp);
	assert_int_equal(people_in(&fx->s), 1);

	/* And done: both, with the contact and the stepping down. */
	assert_int_equal(import_sheet(fx, "name,dob,status,stepped down on,"
	    "last contact\n"
	    "Ben Carter,2008-12-01,,,2026-11-20\n"
	    "Chloe Nowak,2007-02-28,stepped down,2026-10-01,\n", 0, &imp, &r,
	    &cause), 0);
	assert_int_equal(imp.added, 2);
	assert_int_equal(people_in(&fx->s), 3);
	assert_int_equal(store_person_get(fx->s.st, imp.sheet.rows[0].person.id,
	    &p, &cause), 0);
	assert_string_equal(p->name, "Ben Carter");
	assert_int_equal(p->facts.last_contact, D(2026, 11, 20));
	free(p);
	assert_int_equal(store_person_get(fx->s.st, imp.sheet.rows[1].person.id,
	    &p, &cause), 0);
	assert_int_equal(p->facts.status, STATUS_DOWN);
	assert_int_equal(p->facts.status_since, D(2026, 10, 1));
	free(p);
	job_import_free(&imp);
	job_result_free(&r);
}

static void
test_handover_import(void **state)
{
	struct fixture *fx = *state;
	struct job_handover h;
	struct job_result r;
	struct session other;
	struct store *st;
	struct person *p;
	char *cause = NULL, *warning = NULL, file[192], db[192];

	snprintf(file, sizeof file, "%s/aisha.handover", fx->dir);
	assert_int_equal(job_handover_export(&fx->s, &fx->id, 1, file, &r,
	    &cause), 0);
	job_result_free(&r);

	/* Not a handover file: refused, nothing written. */
	memset(&h, 0, sizeof h);
	write_file(fx, "words.txt", "not a handover\n", db, sizeof db);
	assert_refused(job_handover_import(&fx->s, db, &h, &r, &cause), &r,
	    &cause, JOB_FILE);
	job_handover_free(&h);

	/* Back into the caseload she is on: refused, nothing written. */
	assert_refused(job_handover_import(&fx->s, file, &h, &r, &cause), &r,
	    &cause, JOB_FILE);
	assert_int_equal(h.clash_id, fx->id);
	assert_int_equal(h.n, 0);
	job_handover_free(&h);
	assert_int_equal(people_in(&fx->s), 1);

	/* Into another caseload: looked at, then imported. */
	memset(&other, 0, sizeof other);
	conf_defaults(&other.cfg);
	snprintf(db, sizeof db, "%s/other.db", fx->dir);
	other.db_path = db;
	other.db_given = 1;
	other.access = SESSION_WRITES;
	other.today = other.clock_today = fx->s.today;
	other.today_given = 1;
	assert_int_equal(job_handover_look(&other, file, &h, &r, &cause), 0);
	assert_int_equal(h.info.counts.people, 1);
	assert_int_equal(h.info.made_on, fx->s.today);
	assert_int_equal(session_open(&other, &st, &warning, &cause), 0);
	free(warning);
	assert_int_equal(job_handover_import(&other, file, &h, &r, &cause), 0);
	assert_false(r.refused);
	assert_int_equal(r.counts.people, 1);
	assert_int_equal(h.n, 1);
	assert_int_equal(store_person_get(st, h.ids[0], &p, &cause), 0);
	assert_string_equal(p->name, "Aisha Khan");
	free(p);
	job_handover_free(&h);
	job_result_free(&r);

	/* Twice is refused: she came over before. */
	memset(&h, 0, sizeof h);
	assert_refused(job_handover_import(&other, file, &h, &r, &cause), &r,
	    &cause, JOB_FILE);
	job_handover_free(&h);
	assert_int_equal(people_in(&other), 1);
	session_close(&other);
	conf_free(&other.cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_contact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strike, setup, teardown),
		cmocka_unit_test_setup_teardown(test_status_review_letter, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_handover_import, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
