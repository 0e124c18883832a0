/* SPDX-License-Identifier: MIT */
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

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "job.h"
#include "rules.h"
#include "calendar.h"
#include "job.h"
#include "print.h"
#include "session.h"
#include "xmalloc.h"

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

/* Add another young person to the fixture's caseload: their number. */
static long
another(struct fixture *fx)
{
	struct person p;
	char *cause = NULL;

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = "Bo Chen";
	p.facts.dob = D(2006, 1, 1);
	p.facts.allocated_on = D(2026, 9, 1);
	assert_int_equal(store_person_add(fx->s.st, &p, &cause), 0);
	return p.id;
}

static void
test_strike(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	struct contact c;
	char *cause = NULL;
	long other;

	/* The other young person's contact is the first in the database. */
	other = another(fx);
	memset(&c, 0, sizeof c);
	c.person_id = other;
	c.on = D(2026, 11, 21);
	c.struck_on = DATE_NONE;
	assert_int_equal(job_contact(&fx->s, &c, &r, &cause), 0);
	assert_int_equal(c.number, 1);
	job_result_free(&r);
	assert_int_equal(log_contact(fx, D(2026, 11, 20), NULL, &r, &cause), 0);
	job_result_free(&r);
	assert_int_equal(log_contact(fx, D(2026, 11, 10), NULL, &r, &cause), 0);
	job_result_free(&r);

	assert_refused(job_strike(&fx->s, fx->id, ENTRY_CONTACT, 3, NULL, &r,
	    &cause), &r, &cause, JOB_WHO);
	assert_refused(job_strike(&fx->s, 999, ENTRY_CONTACT, 1, NULL, &r,
	    &cause), &r, &cause, JOB_WHO);
	assert_refused(job_strike(&fx->s, fx->id, ENTRY_CONTACT, 1,
	    "two\nlines", &r, &cause), &r, &cause, JOB_REASON);
	/* Their contact 1 is theirs, not the first in the database. */
	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_CONTACT, 1,
	    "wrong person", &r, &cause), 0);
	assert_non_null(r.contact);
	assert_int_equal(r.contact->person_id, fx->id);
	assert_int_equal(r.contact->number, 1);
	assert_int_equal(r.contact->on, D(2026, 11, 20));
	assert_null(r.entry);
	/* Contact 2 (10/11/2026) counts now: due 56 days after it. */
	assert_int_equal(r.row.contact.due, D(2027, 1, 5));
	job_result_free(&r);
	assert_refused(job_strike(&fx->s, fx->id, ENTRY_CONTACT, 1, NULL, &r,
	    &cause), &r, &cause, JOB_AGAIN);
	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_CONTACT, 2, NULL, &r,
	    &cause), 0);
	/* Struck out, the first contact is due from allocation again. */
	assert_int_equal(r.row.contact.state, DUE_OVERDUE);
	job_result_free(&r);
	/* The other young person's contact is untouched. */
	assert_int_equal(job_strike(&fx->s, other, ENTRY_CONTACT, 1, NULL, &r,
	    &cause), 0);
	assert_int_equal(r.contact->on, D(2026, 11, 21));
	job_result_free(&r);
}

static void
test_strike_review(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	char *cause = NULL;

	/* Nothing to strike: the refusal says what they have. */
	r.refused = 0;
	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_REVIEW, 1, NULL, &r,
	    &cause), -1);
	assert_int_equal(r.field, JOB_WHO);
	assert_string_equal(cause, "young person 1 has no review R1: they "
	    "have no contacts, no letters, no reviews");
	free(cause);
	cause = NULL;
	job_result_free(&r);

	assert_int_equal(job_review(&fx->s, fx->id, D(2026, 10, 1), &r,
	    &cause), 0);
	job_result_free(&r);
	assert_int_equal(job_review(&fx->s, fx->id, D(2026, 11, 1), &r,
	    &cause), 0);
	assert_int_equal(r.row.review.due, D(2027, 5, 1));
	job_result_free(&r);

	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_REVIEW, 2,
	    "another young person's", &r, &cause), 0);
	assert_null(r.contact);
	assert_non_null(r.entry);
	assert_int_equal(r.entry->kind, ENTRY_REVIEW);
	assert_int_equal(r.entry->on, D(2026, 11, 1));
	/* The review clock goes back to the review before. */
	assert_int_equal(r.row.review.due, D(2027, 4, 1));
	assert_int_equal(r.row.person->facts.last_review, D(2026, 10, 1));
	job_result_free(&r);

	r.refused = 0;
	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_REVIEW, 2, NULL, &r,
	    &cause), -1);
	assert_int_equal(r.field, JOB_AGAIN);
	assert_string_equal(cause, "review R2 of young person 1 was already "
	    "struck out on 27/11/2026");
	free(cause);
	cause = NULL;
	job_result_free(&r);

	r.refused = 0;
	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_REVIEW, 3, NULL, &r,
	    &cause), -1);
	assert_string_equal(cause, "young person 1 has no review R3: they "
	    "have no contacts, no letters, reviews R1 to R2");
	free(cause);
	cause = NULL;
	job_result_free(&r);

	/* Both struck out: due from their start again. */
	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_REVIEW, 1, NULL, &r,
	    &cause), 0);
	assert_int_equal(r.row.review.due, D(2027, 3, 1));
	assert_int_equal(r.row.person->facts.last_review, DATE_NONE);
	job_result_free(&r);
}

static void
test_strike_letter(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	char *cause = NULL;

	assert_int_equal(job_status(&fx->s, fx->id, STATUS_DOWN,
	    D(2026, 11, 2), NULL, &r, &cause), 0);
	job_result_free(&r);
	assert_int_equal(job_letter_sent(&fx->s, fx->id, D(2026, 11, 20), &r,
	    &cause), 0);
	assert_int_equal(r.row.letter.due, D(2027, 11, 20));
	job_result_free(&r);

	r.refused = 0;
	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_LETTER, 2, NULL, &r,
	    &cause), -1);
	assert_string_equal(cause, "young person 1 has no letter L2: they "
	    "have no contacts, letter L1, no reviews");
	free(cause);
	cause = NULL;
	job_result_free(&r);

	assert_int_equal(job_strike(&fx->s, fx->id, ENTRY_LETTER, 1,
	    "recorded before it was posted", &r, &cause), 0);
	assert_non_null(r.entry);
	assert_int_equal(r.entry->kind, ENTRY_LETTER);
	assert_int_equal(r.entry->on, D(2026, 11, 20));
	/* The next letter is due from the step down again. */
	assert_int_equal(r.row.letter.due, D(2027, 11, 2));
	assert_int_equal(r.row.person->facts.last_letter, DATE_NONE);
	job_result_free(&r);
	assert_refused(job_strike(&fx->s, fx->id, ENTRY_LETTER, 1, NULL, &r,
	    &cause), &r, &cause, JOB_AGAIN);

	/* A struck letter does not stop the letter being recorded again. */
	assert_int_equal(job_letter_sent(&fx->s, fx->id, D(2026, 11, 20), &r,
	    &cause), 0);
	assert_int_equal(r.row.letter.due, D(2027, 11, 20));
	job_result_free(&r);
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

/* ------------------------------------------------ add and edit a person */

static int
count_person(const struct person *p, void *arg)
{
	(void)p;
	(*(long *)arg)++;
	return 0;
}

/* How many young people the caseload holds, archived or not. */
static long
people(struct fixture *fx)
{
	char *cause = NULL;
	long n = 0;

	assert_int_equal(store_people_each(fx->s.st, STORE_EVERYONE,
	    count_person, &n, &cause), 0);
	return n;
}

/* A young person to add: 17 on the fixture's today, allocated today. */
static void
new_person(struct person *p, const char *name, date_t dob)
{
	memset(p, 0, sizeof *p);
	person_facts_init(&p->facts);
	p->name = name;
	p->facts.dob = dob;
	p->facts.allocated_on = D(2026, 11, 27);
}

/* Young person id as stored; the caller frees it. */
static struct person *
stored(struct fixture *fx, long id)
{
	struct person *p = NULL;
	char *cause = NULL;

	assert_int_equal(store_person_get(fx->s.st, id, &p, &cause), 0);
	assert_non_null(p);
	return p;
}

static void
test_person_add(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	struct person p, *got;
	char *cause = NULL;

	new_person(&p, "Ben Carter", D(2008, 12, 1));
	p.phone = "07700 900200";
	p.email = "ben@example.org";
	p.address = "Flat 2\n1 High Street";
	p.facts.interval_weeks = 4;
	assert_int_equal(job_person_add(&fx->s, &p, NULL, 0, &r, &cause), 0);
	assert_null(cause);
	assert_false(r.refused);
	assert_int_equal(p.id, fx->id + 1);
	assert_int_equal(r.made, p.id);
	/* Judged again: stepped up, due in a week, with no contact yet. */
	assert_non_null(r.row.person);
	assert_int_equal(r.row.person->id, p.id);
	assert_int_equal(r.row.person->facts.status, STATUS_UP);
	assert_int_equal(r.row.stage, STAGE_16_18);
	assert_int_equal(r.row.contact.due, D(2026, 12, 4));
	assert_int_equal(r.row.contact.state, DUE_SOON);
	job_result_free(&r);

	got = stored(fx, p.id);
	assert_string_equal(got->name, "Ben Carter");
	assert_string_equal(got->address, "Flat 2\n1 High Street");
	assert_int_equal(got->facts.interval_weeks, 4);
	assert_int_equal(got->facts.dob, D(2008, 12, 1));
	free(got);
	assert_int_equal(people(fx), 2);
}

/* Count the contacts of young person id. */
static long
contacts_of(struct fixture *fx, long id)
{
	char *cause = NULL;
	long n = 0;

	assert_int_equal(store_contacts_each(fx->s.st, id, count_contact, &n,
	    &cause), 0);
	return n;
}

static void
test_person_add_last(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	struct contact last;
	struct person p, *got;
	char *cause = NULL;

	memset(&last, 0, sizeof last);
	last.method = METHOD_VISIT;
	last.struck_on = DATE_NONE;
	/* In the future, before birth, before allocation: nothing written. */
	new_person(&p, "Ben Carter", D(2008, 12, 1));
	p.facts.allocated_on = D(2026, 1, 10);
	last.on = D(2026, 11, 28);
	assert_refused(job_person_add(&fx->s, &p, &last, 1, &r, &cause), &r,
	    &cause, JOB_LAST_CONTACT);
	last.on = D(2008, 11, 30);
	assert_refused(job_person_add(&fx->s, &p, &last, 1, &r, &cause), &r,
	    &cause, JOB_LAST_CONTACT);
	last.on = D(2026, 1, 9);
	assert_refused(job_person_add(&fx->s, &p, &last, 1, &r, &cause), &r,
	    &cause, JOB_LAST_CONTACT);
	assert_int_equal(people(fx), 1);

	/* Logged with them: the clock runs from it. */
	last.on = D(2026, 10, 5);
	assert_int_equal(job_person_add(&fx->s, &p, &last, 1, &r, &cause), 0);
	assert_int_equal(r.row.contact.due, D(2026, 11, 30));
	assert_int_equal(r.row.contact.state, DUE_SOON);
	job_result_free(&r);
	got = stored(fx, p.id);
	assert_int_equal(got->facts.last_contact, D(2026, 10, 5));
	free(got);
	assert_int_equal(contacts_of(fx, p.id), 1);

	/* No allocation date given: the last contact's, when earlier. */
	new_person(&p, "Chloe Dunn", D(2008, 5, 1));
	p.facts.allocated_on = DATE_NONE;
	last.on = D(2026, 9, 14);
	assert_int_equal(job_person_add(&fx->s, &p, &last, 1, &r, &cause), 0);
	job_result_free(&r);
	got = stored(fx, p.id);
	assert_int_equal(got->facts.allocated_on, D(2026, 9, 14));
	free(got);
	/* ... else today. */
	new_person(&p, "Dev Patel", D(2008, 5, 2));
	p.facts.allocated_on = DATE_NONE;
	assert_int_equal(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), 0);
	job_result_free(&r);
	got = stored(fx, p.id);
	assert_int_equal(got->facts.allocated_on, fx->s.today);
	free(got);
}

static void
test_person_edit_allocated(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	struct person work, *got;
	struct contact c;
	char *cause = NULL;

	/* Aisha, allocated 01/09/2026: moved back, the history with it. */
	got = stored(fx, fx->id);
	work = *got;
	work.facts.allocated_on = D(2026, 6, 1);
	assert_int_equal(job_person_edit(&fx->s, fx->id, &work, 1, &r, &cause),
	    0);
	job_result_free(&r);
	free(got);
	got = stored(fx, fx->id);
	assert_int_equal(got->facts.allocated_on, D(2026, 6, 1));
	assert_int_equal(got->facts.status_since, D(2026, 6, 1));
	free(got);
	/* A step down after it is accepted. */
	assert_int_equal(job_status(&fx->s, fx->id, STATUS_DOWN,
	    D(2026, 7, 1), NULL, &r, &cause), 0);
	job_result_free(&r);
	/* After the step down: refused, nothing changed. */
	got = stored(fx, fx->id);
	work = *got;
	work.facts.allocated_on = D(2026, 7, 2);
	assert_refused(job_person_edit(&fx->s, fx->id, &work, 1, &r, &cause),
	    &r, &cause, JOB_ALLOCATED);
	free(got);
	got = stored(fx, fx->id);
	assert_int_equal(got->facts.allocated_on, D(2026, 6, 1));
	free(got);
	/* After the first contact: refused too. */
	assert_int_equal(job_status(&fx->s, fx->id, STATUS_UP,
	    D(2026, 8, 1), NULL, &r, &cause), 0);
	job_result_free(&r);
	memset(&c, 0, sizeof c);
	c.person_id = fx->id;
	c.on = D(2026, 6, 10);
	c.struck_on = DATE_NONE;
	assert_int_equal(job_contact(&fx->s, &c, &r, &cause), 0);
	job_result_free(&r);
	got = stored(fx, fx->id);
	work = *got;
	work.facts.allocated_on = D(2026, 6, 11);
	assert_refused(job_person_edit(&fx->s, fx->id, &work, 1, &r, &cause),
	    &r, &cause, JOB_ALLOCATED);
	/* On the day of the contact: accepted. */
	work.facts.allocated_on = D(2026, 6, 10);
	assert_int_equal(job_person_edit(&fx->s, fx->id, &work, 1, &r, &cause),
	    0);
	job_result_free(&r);
	free(got);
	got = stored(fx, fx->id);
	assert_int_equal(got->facts.allocated_on, D(2026, 6, 10));
	/* Stepped up since 01/08/2026: the start, not the allocation. */
	assert_int_equal(got->facts.status_since, D(2026, 8, 1));
	free(got);
}

static void
test_person_refused(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	struct person p;
	char *cause = NULL;
	char long_phone[CHECK_PHONE_MAX + 2];

	memset(long_phone, '7', sizeof long_phone - 1);
	long_phone[sizeof long_phone - 1] = '\0';

	new_person(&p, "", D(2008, 12, 1));
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_NAME);
	new_person(&p, NULL, D(2008, 12, 1));
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_NAME);
	new_person(&p, "Ben\033[2J", D(2008, 12, 1));
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_NAME);
	new_person(&p, "Ben", D(2008, 12, 1));
	p.preferred_name = "B\xe2\x80\xae";
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_PREFERRED);
	new_person(&p, "Ben", D(2026, 11, 28));
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_DOB);
	new_person(&p, "Ben", DATE_NONE);
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_DOB);
	new_person(&p, "Ben", D(2008, 12, 1));
	p.phone = "0770\n0";
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_PHONE);
	p.phone = long_phone;
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_PHONE);
	new_person(&p, "Ben", D(2008, 12, 1));
	p.email = "ben@";
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_EMAIL);
	new_person(&p, "Ben", D(2008, 12, 1));
	p.address = "1 High St\t";
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_ADDRESS);
	new_person(&p, "Ben", D(2008, 12, 1));
	p.facts.allocated_on = D(2008, 11, 30);
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_ALLOCATED);
	p.facts.allocated_on = D(2027, 12, 1);
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_ALLOCATED);
	new_person(&p, "Ben", D(2008, 12, 1));
	p.facts.interval_weeks = 53;
	assert_refused(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), &r, &cause,
	    JOB_INTERVAL);
	assert_int_equal(people(fx), 1);
}

/* A duplicate refused: who it is, and where they stand. */
static void
assert_duplicate(struct fixture *fx, enum status status)
{
	struct job_result r;
	struct person p;
	char *cause = NULL;

	/* The same name with other case and spaces, the same birthday. */
	new_person(&p, "AISHA  khan", D(2007, 3, 14));
	assert_int_equal(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), -1);
	assert_true(r.refused);
	assert_int_equal(r.field, JOB_DUPLICATE);
	assert_int_equal(r.made, fx->id);
	assert_non_null(r.row.person);
	assert_int_equal(r.row.person->id, fx->id);
	assert_int_equal(r.row.person->facts.status, status);
	assert_non_null(strstr(cause, "already number 1"));
	free(cause);
	job_result_free(&r);
	assert_int_equal(people(fx), 1);
}

static void
test_person_duplicate(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	struct person p;
	char *cause = NULL;

	assert_duplicate(fx, STATUS_UP);
	assert_int_equal(job_status(&fx->s, fx->id, STATUS_DOWN,
	    D(2026, 11, 1), NULL, &r, &cause), 0);
	job_result_free(&r);
	assert_duplicate(fx, STATUS_DOWN);
	assert_int_equal(job_status(&fx->s, fx->id, STATUS_ARCHIVED,
	    D(2026, 11, 2), NULL, &r, &cause), 0);
	job_result_free(&r);
	assert_duplicate(fx, STATUS_ARCHIVED);

	/* Another birthday is someone else. */
	new_person(&p, "Aisha Khan", D(2007, 3, 15));
	assert_int_equal(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), 0);
	job_result_free(&r);
	assert_int_equal(people(fx), 2);
}

static void
test_person_confirm(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	struct person p, work, *got;
	char *cause = NULL;

	/* Under 16, and 25 or over: only when the worker said yes. */
	new_person(&p, "Young Teen", D(2011, 1, 1));
	assert_refused(job_person_add(&fx->s, &p, NULL, 0, &r, &cause), &r, &cause,
	    JOB_CONFIRM);
	new_person(&p, "Older", D(2000, 1, 1));
	assert_refused(job_person_add(&fx->s, &p, NULL, 0, &r, &cause), &r, &cause,
	    JOB_CONFIRM);
	assert_int_equal(people(fx), 1);
	assert_int_equal(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), 0);
	assert_int_equal(r.row.stage, STAGE_25_PLUS);
	job_result_free(&r);
	new_person(&p, "Young Teen", D(2011, 1, 1));
	assert_int_equal(job_person_add(&fx->s, &p, NULL, 1, &r, &cause), 0);
	assert_int_equal(r.row.stage, STAGE_UNDER_16);
	job_result_free(&r);
	assert_int_equal(people(fx), 3);

	/* Editing: a new date of birth asks again; other details do not. */
	got = stored(fx, fx->id);
	work = *got;
	work.facts.dob = D(2012, 5, 5);
	assert_refused(job_person_edit(&fx->s, fx->id, &work, 0, &r, &cause),
	    &r, &cause, JOB_CONFIRM);
	free(got);
	got = stored(fx, fx->id);
	assert_int_equal(got->facts.dob, D(2007, 3, 14));
	free(got);
	got = stored(fx, 2);	/* Older, 25 or over */
	work = *got;
	work.phone = "07700 900300";
	assert_int_equal(job_person_edit(&fx->s, 2, &work, 0, &r, &cause), 0);
	job_result_free(&r);
	free(got);
}

static void
test_person_edit(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	struct person work, *old, *got;
	char *cause = NULL;
	date_t due;

	/* The allocation date moves the first contact with it. */
	assert_int_equal(views_due_get(fx->s.st, &fx->s.cfg.rules,
	    fx->s.today, fx->id, &r.row, &cause), 0);
	due = r.row.contact.due;
	free(r.row.person);
	old = stored(fx, fx->id);
	work = *old;
	work.facts.allocated_on = D(2026, 10, 1);
	assert_int_equal(job_person_edit(&fx->s, fx->id, &work, 0, &r, &cause),
	    0);
	assert_int_equal(r.made, fx->id);
	assert_int_equal(r.row.contact.due, due + 30);
	job_result_free(&r);
	got = stored(fx, fx->id);
	assert_int_equal(got->facts.allocated_on, D(2026, 10, 1));
	assert_string_equal(got->name, "Aisha Khan");
	free(got);

	/* Refused: nothing changes. */
	work.facts.allocated_on = D(2007, 3, 13);
	assert_refused(job_person_edit(&fx->s, fx->id, &work, 1, &r, &cause),
	    &r, &cause, JOB_ALLOCATED);
	work.facts.allocated_on = D(2026, 10, 1);
	work.email = "aisha-at-example.org";
	work.name = "Aisha Khan-Ahmed";
	assert_refused(job_person_edit(&fx->s, fx->id, &work, 1, &r, &cause),
	    &r, &cause, JOB_EMAIL);
	work.email = NULL;
	assert_refused(job_person_edit(&fx->s, 999, &work, 1, &r, &cause),
	    &r, &cause, JOB_WHO);
	/* A date of birth after their first contact. */
	assert_int_equal(log_contact(fx, D(2026, 11, 20), NULL, &r, &cause),
	    0);
	job_result_free(&r);
	work.facts.dob = D(2026, 11, 21);
	assert_refused(job_person_edit(&fx->s, fx->id, &work, 1, &r, &cause),
	    &r, &cause, JOB_DOB);
	got = stored(fx, fx->id);
	assert_string_equal(got->name, "Aisha Khan");
	assert_int_equal(got->facts.dob, D(2007, 3, 14));
	assert_null(got->email);
	free(got);

	/* Put right, it saves. */
	work.facts.dob = old->facts.dob;
	assert_int_equal(job_person_edit(&fx->s, fx->id, &work, 0, &r, &cause),
	    0);
	job_result_free(&r);
	got = stored(fx, fx->id);
	assert_string_equal(got->name, "Aisha Khan-Ahmed");
	free(got);
	free(old);
	assert_int_equal(people(fx), 1);
}

/*
 * Restore into a caseload not opened yet: the backup is checked whole
 * first, so that a bad one makes no database at all; a good one opens the
 * database and takes its place.
 */
static void
test_restore_unopened(void **state)
{
	struct fixture *fx = *state;
	struct session s2;
	struct job_result r;
	struct person *p = NULL;
	char backup[160], bad[160], fresh[160], *cause = NULL;
	FILE *f;

	snprintf(backup, sizeof backup, "%s/backup.db", fx->dir);
	snprintf(bad, sizeof bad, "%s/bad.db", fx->dir);
	snprintf(fresh, sizeof fresh, "%s/fresh.db", fx->dir);
	assert_int_equal(job_backup(&fx->s, backup, &r, &cause), 0);
	job_result_free(&r);
	assert_non_null(f = fopen(bad, "w"));
	fputs("not a caseload at all", f);
	fclose(f);

	s2 = fx->s;
	s2.st = NULL;
	s2.db_path = fresh;
	assert_refused(job_restore(&s2, bad, &r, &cause), &r, &cause,
	    JOB_FILE);
	assert_null(s2.st);
	assert_int_equal(access(fresh, F_OK), -1);

	assert_int_equal(job_restore(&s2, backup, &r, &cause), 0);
	assert_non_null(s2.st);
	assert_non_null(r.path);
	assert_int_equal(store_person_get(s2.st, fx->id, &p, &cause), 0);
	assert_string_equal(p->name, "Aisha Khan");
	free(p);
	job_result_free(&r);
	session_close(&s2);
}

/* Write text to the file dir/name (a template, a letter). */
static void
put_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The whole of the file at path, or NULL; the caller frees it. */
static char *
get_file(const char *path)
{
	char buf[8192];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return xstrdup(buf);
}

/* Set a setting of the fixture's session. */
static void
set(char **setting, const char *value)
{
	free(*setting);
	*setting = xstrdup(value);
}

/* Write the letters due within 300 days into fx->dir/sub. */
static int
write_letters(struct fixture *fx, const char *sub, struct job_letters *l,
    struct job_result *r, char **cause)
{
	char dir[160];

	snprintf(dir, sizeof dir, "%s/%s", fx->dir, sub);
	return job_letters_write(&fx->s, dir, 300, l, r, cause);
}

static void
test_letters_write(void **state)
{
	struct fixture *fx = *state;
	struct job_letters l;
	struct job_result r;
	struct stat sb;
	char path[256], *cause = NULL, *text;

	put_file(fx->dir, "letter.txt", "Dear {preferred_name},\n"
	    "From {worker_name}, {worker_phone}\n");
	snprintf(path, sizeof path, "%s/letter.txt", fx->dir);
	set(&fx->s.cfg.letters_template, path);
	set(&fx->s.cfg.worker_name, "Sam Taylor");

	/* Nobody stepped down: nothing due, nothing made. */
	assert_int_equal(write_letters(fx, "none", &l, &r, &cause), 0);
	assert_int_equal(l.n, 0);
	snprintf(path, sizeof path, "%s/none", fx->dir);
	assert_int_not_equal(stat(path, &sb), 0);
	job_letters_free(&l);
	job_result_free(&r);

	/* Stepped down on 2 September: a letter due 2 September 2027. */
	assert_int_equal(job_status(&fx->s, fx->id, STATUS_DOWN,
	    D(2026, 9, 2), NULL, &r, &cause), 0);
	job_result_free(&r);

	assert_int_equal(write_letters(fx, "out", &l, &r, &cause), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.written, 1);
	assert_int_equal(l.there, 0);
	assert_true(l.made);
	assert_int_equal(l.letters[0].id, fx->id);
	assert_int_equal(l.letters[0].state, JOB_LETTER_WRITTEN);
	assert_string_equal(l.letters[0].name,
	    "2026-11-27-0001-aisha-khan.txt");
	/* The template uses {worker_phone}, which is empty. */
	assert_int_equal(l.nwarnings, 1);
	assert_non_null(strstr(l.warnings[0], "[worker] phone is not set"));
	snprintf(path, sizeof path, "%s/out/%s", fx->dir, l.letters[0].name);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	text = get_file(path);
	assert_string_equal(text, "Dear Aisha Khan,\nFrom Sam Taylor, \n");
	free(text);
	job_letters_free(&l);
	job_result_free(&r);

	/* Again: there already, word for word, so left as it is. */
	assert_int_equal(write_letters(fx, "out", &l, &r, &cause), 0);
	assert_int_equal(l.written, 0);
	assert_int_equal(l.there, 1);
	assert_false(l.made);
	job_letters_free(&l);
	job_result_free(&r);

	/* A letter of that name that differs is never replaced. */
	put_file(fx->dir, "out/2026-11-27-0001-aisha-khan.txt", "Posted.\n");
	assert_int_equal(write_letters(fx, "out", &l, &r, &cause), -1);
	assert_string_equal(l.clash, "2026-11-27-0001-aisha-khan.txt");
	assert_int_equal(l.written, 0);
	job_letters_free(&l);
	assert_refused(-1, &r, &cause, JOB_FILE);
	text = get_file(path);
	assert_string_equal(text, "Posted.\n");
	free(text);

	/* A template that is wrong is refused before a folder is made. */
	put_file(fx->dir, "letter.txt", "Dear {nmae}\n");
	assert_int_equal(write_letters(fx, "bad", &l, &r, &cause), -1);
	assert_non_null(strstr(cause, "{nmae}"));
	job_letters_free(&l);
	assert_refused(-1, &r, &cause, JOB_SETTING);
	snprintf(path, sizeof path, "%s/bad", fx->dir);
	assert_int_not_equal(stat(path, &sb), 0);
	set(&fx->s.cfg.letters_template, "/nonexistent/letter.txt");
	assert_int_equal(write_letters(fx, "bad", &l, &r, &cause), -1);
	assert_non_null(strstr(cause, "[letters] template"));
	job_letters_free(&l);
	assert_refused(-1, &r, &cause, JOB_SETTING);
	assert_int_not_equal(stat(path, &sb), 0);
}

static void
test_export(void **state)
{
	struct fixture *fx = *state;
	struct job_export ex;
	struct job_result r;
	struct stat sb;
	char path[256], *cause = NULL, *text;

	/* Refused, and nothing made. */
	snprintf(path, sizeof path, "%s/missing/cal.ics", fx->dir);
	assert_refused(job_export(&fx->s, path, 365, PRIVACY_INITIALS, &ex, &r,
	    &cause), &r, &cause, JOB_FILE);
	assert_int_equal(ex.error, ENOENT);
	assert_refused(job_export(&fx->s, fx->dir, 365, PRIVACY_INITIALS, &ex,
	    &r, &cause), &r, &cause, JOB_FILE);
	assert_int_equal(ex.error, EISDIR);
	snprintf(path, sizeof path, "%s/cal.ics", fx->dir);
	assert_refused(job_export(&fx->s, path, 0, PRIVACY_INITIALS, &ex, &r,
	    &cause), &r, &cause, JOB_DATE);
	assert_int_not_equal(stat(path, &sb), 0);

	/* Aisha's first contact, her birthday: initials, no name. */
	assert_int_equal(job_export(&fx->s, path, 365, PRIVACY_INITIALS, &ex,
	    &r, &cause), 0);
	assert_true(ex.items >= 2);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	text = get_file(path);
	assert_non_null(text);
	assert_int_equal(strncmp(text, "BEGIN:VCALENDAR", 15), 0);
	assert_null(strstr(text, "Aisha"));
	free(text);
	job_result_free(&r);

	/* Full names when asked for. */
	assert_int_equal(job_export(&fx->s, path, 365, PRIVACY_FULL, &ex, &r,
	    &cause), 0);
	text = get_file(path);
	assert_non_null(strstr(text, "Aisha"));
	free(text);
	job_result_free(&r);
	calendar_cleanup();
}

static void
test_print(void **state)
{
	struct fixture *fx = *state;
	struct print_options opt = { -1, 0, NULL, 0 };
	struct due_list list;
	struct job_print p;
	struct job_result r;
	char path[256], *command, *cause = NULL, *text;

	assert_int_equal(views_due(fx->s.st, &fx->s.cfg.rules, fx->s.today,
	    STORE_CURRENT, -1, &list, &cause), 0);
	job_print_pages(&fx->s, &list, NULL, &opt, &p);
	due_list_free(&list);
	assert_int_equal(p.pages, 1);
	assert_int_equal(p.people, 1);

	set(&fx->s.cfg.print_command, " ");
	assert_refused(job_print(&fx->s, &p, NULL, &r, &cause), &r, &cause,
	    JOB_SETTING);

	set(&fx->s.cfg.print_command, "exit 3");
	assert_int_equal(job_print(&fx->s, &p, NULL, &r, &cause), -1);
	assert_false(r.refused);
	assert_int_equal(p.status, 3);
	free(cause);
	cause = NULL;
	job_result_free(&r);

	snprintf(path, sizeof path, "%s/printed", fx->dir);
	command = xasprintf("cat > '%s'", path);
	set(&fx->s.cfg.print_command, command);
	free(command);
	assert_int_equal(job_print(&fx->s, &p, NULL, &r, &cause), 0);
	assert_non_null(strstr(p.summary, "Sent 1 page (1 young person)"));
	text = get_file(path);
	assert_string_equal(text, p.text);
	assert_non_null(strstr(text, "Aisha Khan"));
	free(text);
	job_result_free(&r);
	job_print_free(&p);
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
	assert_int_equal(job_import_read(&fx->s, path, NULL, imp, r, cause), 0);
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
	assert_refused(job_import_read(&fx->s, path, NULL, &imp, &r,
	    &cause), &r, &cause, JOB_FILE);
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

/* A refusal (assert_refused) whose message is as fmt says. */
static void assert_refused_as(int, struct job_result *, char **,
    enum job_field, const char *, ...)
    __attribute__((format(printf, 5, 6)));

static void
assert_refused_as(int rc, struct job_result *r, char **cause,
    enum job_field field, const char *fmt, ...)
{
	char said[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(said, sizeof said, fmt, ap);
	va_end(ap);
	assert_non_null(*cause);
	assert_string_equal(*cause, said);
	assert_refused(rc, r, cause, field);
}

/* Give young person id a note, a move, an action, a flag, a person. */
static void
rows_add(struct fixture *fx, long id, date_t on)
{
	struct around_note n = { 0, id, 0, on, "rang", DATE_NONE, NULL };
	struct accommodation a;
	struct action act;
	struct flag f;
	struct around_person who;
	struct job_result r;
	char *cause = NULL;

	assert_int_equal(job_note_add(&fx->s, &n, &r, &cause), 0);
	job_result_free(&r);
	memset(&a, 0, sizeof a);
	a.person_id = id;
	a.from = on;
	a.type = ACCOM_SEMI_INDEPENDENT;
	a.provided_by_la = 1;
	a.suitable = ACCOM_SUITABLE;
	assert_int_equal(job_moved(&fx->s, &a, &r, &cause), 0);
	job_result_free(&r);
	memset(&act, 0, sizeof act);
	act.person_id = id;
	act.text = "bank account";
	act.agreed_on = on;
	act.due_on = D(2026, 12, 20);
	assert_int_equal(job_action_add(&fx->s, &act, &r, &cause), 0);
	job_result_free(&r);
	memset(&f, 0, sizeof f);
	f.person_id = id;
	f.kind = FLAG_ALONE;
	f.set_on = on;
	assert_int_equal(job_flag_add(&fx->s, &f, &r, &cause), 0);
	job_result_free(&r);
	memset(&who, 0, sizeof who);
	who.person_id = id;
	who.role = ROLE_HOUSING;
	who.name = "Sam";
	who.since = on;
	assert_int_equal(job_around_add(&fx->s, &who, &r, &cause), 0);
	job_result_free(&r);
}

/*
 * The numbered rows of every kind: each young person's own numbers, what
 * a number they do not have is refused with, striking out twice.
 */
static void
test_rows(void **state)
{
	struct fixture *fx = *state;
	struct job_result r;
	char *cause = NULL;
	date_t visit;
	long other;

	/* The other young person's rows are the first in the database. */
	other = another(fx);
	rows_add(fx, other, D(2026, 11, 1));
	rows_add(fx, fx->id, D(2026, 11, 20));

	assert_refused_as(job_note_strike(&fx->s, fx->id, 2, NULL, &r,
	    &cause), &r, &cause, JOB_WHO, "young person %ld has no note N2",
	    fx->id);
	assert_refused_as(job_moved_strike(&fx->s, fx->id, 2, NULL, &r,
	    &cause), &r, &cause, JOB_WHO, "young person %ld has no "
	    "accommodation M2 ('caseload show %ld' lists it)", fx->id, fx->id);
	assert_refused_as(job_return_strike(&fx->s, fx->id, 1, NULL, &r,
	    &cause), &r, &cause, JOB_WHO, "young person %ld has no birthday "
	    "return B1 ('caseload show %ld' lists them)", fx->id, fx->id);
	assert_refused_as(job_action_close(&fx->s, fx->id, 0, ACTION_DONE,
	    fx->s.today, NULL, &r, &cause), &r, &cause, JOB_WHO,
	    "young person %ld has no action A0 ('caseload show %ld' lists "
	    "their actions)", fx->id, fx->id);
	assert_refused_as(job_flag_end(&fx->s, fx->id, 2, fx->s.today, NULL,
	    &r, &cause), &r, &cause, JOB_WHO, "young person %ld has no flag "
	    "F2 ('caseload show %ld' lists their flags)", fx->id,
	    fx->id);
	assert_refused_as(job_around_end(&fx->s, fx->id, 2, fx->s.today, &r,
	    &cause), &r, &cause, JOB_WHO, "young person %ld has no P2 among "
	    "the people around them ('caseload show %ld' lists them)", fx->id,
	    fx->id);
	/* Nobody, and a bad reason, come first. */
	assert_refused(job_note_strike(&fx->s, 999, 1, NULL, &r, &cause), &r,
	    &cause, JOB_WHO);
	assert_refused(job_moved_strike(&fx->s, fx->id, 9, "two\nlines", &r,
	    &cause), &r, &cause, JOB_REASON);

	/* Their N1 and M1 are theirs, not the first in the database. */
	assert_int_equal(job_note_strike(&fx->s, fx->id, 1, "not hers", &r,
	    &cause), 0);
	assert_int_equal(r.made, 1);
	assert_non_null(r.note);
	assert_int_equal(r.note->person_id, fx->id);
	assert_int_equal(r.note->on, D(2026, 11, 20));
	assert_int_equal(r.note->struck_on, DATE_NONE);
	job_result_free(&r);
	assert_refused_as(job_note_strike(&fx->s, fx->id, 1, NULL, &r,
	    &cause), &r, &cause, JOB_AGAIN, "note N1 was struck out already");
	/* A move into accommodation the local authority provides has a
	 * visit due; struck out, they have none. */
	assert_int_equal(store_visit_kept_get(fx->s.st, fx->id, &visit,
	    &cause), 0);
	assert_int_equal(visit, D(2026, 11, 27));
	assert_int_equal(job_moved_strike(&fx->s, fx->id, 1, NULL, &r,
	    &cause), 0);
	assert_int_equal(r.accommodation->person_id, fx->id);
	assert_int_equal(r.accommodation->from, D(2026, 11, 20));
	job_result_free(&r);
	assert_int_equal(store_visit_kept_get(fx->s.st, fx->id, &visit,
	    &cause), 0);
	assert_int_equal(visit, DATE_NONE);
	assert_refused_as(job_moved_strike(&fx->s, fx->id, 1, NULL, &r,
	    &cause), &r, &cause, JOB_AGAIN,
	    "accommodation M1 was struck out already");
	/* Ending and closing find their own rows too. */
	assert_int_equal(job_flag_end(&fx->s, fx->id, 1, fx->s.today, NULL,
	    &r, &cause), 0);
	assert_int_equal(r.flag->person_id, fx->id);
	job_result_free(&r);
	assert_int_equal(job_around_end(&fx->s, fx->id, 1, fx->s.today, &r,
	    &cause), 0);
	assert_int_equal(r.around->person_id, fx->id);
	job_result_free(&r);
	assert_int_equal(job_action_close(&fx->s, fx->id, 1, ACTION_DONE,
	    fx->s.today, NULL, &r, &cause), 0);
	assert_int_equal(r.action->person_id, fx->id);
	job_result_free(&r);

	/* The other young person's rows are untouched. */
	assert_int_equal(store_visit_kept_get(fx->s.st, other, &visit,
	    &cause), 0);
	assert_int_not_equal(visit, DATE_NONE);
	assert_int_equal(job_note_strike(&fx->s, other, 1, NULL, &r, &cause),
	    0);
	assert_int_equal(r.note->on, D(2026, 11, 1));
	job_result_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_contact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strike, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strike_review, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_strike_letter, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_status_review_letter, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_person_add, setup, teardown),
		cmocka_unit_test_setup_teardown(test_person_add_last, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_person_edit_allocated, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_person_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_person_duplicate, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_person_confirm, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_person_edit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_restore_unopened, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_letters_write, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_print, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_handover_import, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
