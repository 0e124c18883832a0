/* SPDX-License-Identifier: MIT */
/*
 * job-person.c: adding a young person and changing their details (see
 * job.h), for the command line's add and edit and the screens' form:
 * every check of the details in one place, the duplicate refused, an
 * age outside the service's asked about, then one transaction.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "job-int.h"
#include "rules.h"

/* 1 when two optional strings differ. */
static int
person_differs(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

/*
 * Check p's details as a whole, on today, with their first contact
 * (DATE_NONE for none); when old is not NULL, the strings that are as
 * they were are not checked again.
 */
static int
person_check(struct session *s, const struct person *p,
    const struct person *old, date_t first_contact, struct job_result *r,
    char **cause)
{
	const struct {
		const char	*text;
		const char	*was;
		size_t		 max;
		int		 multiline;
		enum job_field	 field;
	} texts[] = {
		{ p->preferred_name, old != NULL ? old->preferred_name : NULL,
		  CHECK_NAME_MAX, 0, JOB_PREFERRED },
		{ p->phone, old != NULL ? old->phone : NULL, CHECK_PHONE_MAX, 0,
		  JOB_PHONE },
		{ p->email, old != NULL ? old->email : NULL, CHECK_EMAIL_MAX, 0,
		  JOB_EMAIL },
		{ p->address, old != NULL ? old->address : NULL,
		  CHECK_ADDRESS_MAX, 1, JOB_ADDRESS },
	};
	const char *field;
	size_t i;

	if (p->name == NULL || check_name(p->name, cause) != 0) {
		if (p->name == NULL)
			xfail(cause, "the name is empty");
		return job_refuse(r, JOB_NAME);
	}
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		if (texts[i].text == NULL ||
		    (old != NULL && !person_differs(texts[i].text,
		    texts[i].was)))
			continue;
		if (check_text(texts[i].text, texts[i].multiline, texts[i].max,
		    cause) != 0)
			return job_refuse(r, texts[i].field);
		if (texts[i].field == JOB_EMAIL &&
		    check_email(texts[i].text, cause) != 0)
			return job_refuse(r, JOB_EMAIL);
	}
	if (check_person(p, s->today, first_contact, &field, cause) != 0) {
		return job_refuse(r, strcmp(field, "dob") == 0 ? JOB_DOB :
		    strcmp(field, "allocated") == 0 ? JOB_ALLOCATED :
		    strcmp(field, "interval") == 0 ? JOB_INTERVAL : JOB_NAME);
	}
	return 0;
}

/*
 * Refuse a date of birth outside the service's ages, unless confirmed;
 * *cause says why, and each face says how to confirm.
 */
static int
person_confirm(struct session *s, const struct person *p, int confirmed,
    struct job_result *r, char **cause)
{
	enum stage stage = rules_stage(p->facts.dob, s->today);

	if (confirmed)
		return 0;
	if (stage == STAGE_UNDER_16) {
		xfail(cause, "born %s, they are under 16: not yet eligible for "
		    "leaving care support", session_date(s, p->facts.dob));
		return job_refuse(r, JOB_CONFIRM);
	}
	if (stage == STAGE_25_PLUS) {
		xfail(cause, "born %s, they are 25 or over: their leaving care "
		    "entitlement has ended", session_date(s, p->facts.dob));
		return job_refuse(r, JOB_CONFIRM);
	}
	return 0;
}

/*
 * Check the last contact of someone being added: a day that has happened,
 * not before their birth nor before they were allocated.
 */
static int
person_check_last(struct session *s, const struct person *p,
    const struct contact *last, struct job_result *r, char **cause)
{
	if (check_event_date(last->on, p->facts.dob, s->today, cause) != 0)
		return job_refuse(r, JOB_LAST_CONTACT);
	if (p->facts.allocated_on != DATE_NONE &&
	    last->on < p->facts.allocated_on) {
		xfail(cause, "%s is before they were allocated to you on %s; "
		    "give the allocation date with it (--allocated)",
		    session_date(s, last->on),
		    session_date(s, p->facts.allocated_on));
		return job_refuse(r, JOB_LAST_CONTACT);
	}
	return 0;
}

/* Log the last contact of someone just added (in the add's transaction). */
static int
person_add_last(struct session *s, const struct person *p,
    const struct contact *last, char **cause)
{
	struct contact c;

	memset(&c, 0, sizeof c);
	c.person_id = p->id;
	c.on = last->on;
	c.method = last->method;
	c.by = BY_WORKER;
	c.attempted = 0;
	c.note = last->note;
	c.struck_on = DATE_NONE;
	return store_contact_add(s->st, &c, cause);
}

int
job_person_add(struct session *s, struct person *p,
    const struct contact *last, int confirmed, struct job_result *r,
    char **cause)
{
	long found = 0;

	/* Not given: allocated today, or on their last contact if earlier. */
	if (p->facts.allocated_on == DATE_NONE)
		p->facts.allocated_on = person_default_allocated(s->today,
		    last != NULL ? last->on : DATE_NONE);
	if (job_start(s, r, cause) != 0 ||
	    person_check(s, p, NULL, DATE_NONE, r, cause) != 0)
		return -1;
	if (last != NULL && person_check_last(s, p, last, r, cause) != 0)
		return -1;
	if (store_begin(s->st, cause) != 0)
		return -1;
	if (store_person_duplicate(s->st, p, &found, cause) != 0)
		goto fail;
	if (found != 0) {
		store_rollback(s->st);
		r->made = found;
		if (job_judge(s, found, r, cause) != 0)
			return -1;
		xfail(cause, "someone with that name and date of birth is "
		    "already number %ld", found);
		return job_refuse(r, JOB_DUPLICATE);
	}
	if (person_confirm(s, p, confirmed, r, cause) != 0) {
		store_rollback(s->st);
		return -1;
	}
	if (store_person_add(s->st, p, cause) != 0)
		goto fail;
	if (last != NULL && person_add_last(s, p, last, cause) != 0)
		goto fail;
	if (store_commit(s->st, cause) != 0)
		return -1;	/* rolled back */
	r->made = p->id;
	return job_judge(s, p->id, r, cause);

fail:
	store_rollback(s->st);
	return -1;
}

/* The earliest contacts in someone's log: any, and any not struck out. */
struct person_firsts {
	date_t	any;
	date_t	kept;
};

static int
person_first_contact(const struct contact *c, void *arg)
{
	struct person_firsts *first = arg;

	if (first->any == DATE_NONE || c->on < first->any)
		first->any = c->on;
	if (c->struck_on == DATE_NONE &&
	    (first->kept == DATE_NONE || c->on < first->kept))
		first->kept = c->on;
	return 0;
}

/* The date of the second row of someone's status history, in order. */
static int
person_second_status(const struct status_change *sc, void *arg)
{
	date_t *second = arg;

	if (second[0] == DATE_NONE) {
		second[0] = sc->on;
		return 0;
	}
	second[1] = sc->on;
	return 1;
}

/*
 * A new allocation date on: nothing in the status history after the
 * allocation row, nor a contact, may come before it.
 */
static int
person_check_allocated(struct session *s, long id, date_t on,
    date_t first_contact, struct job_result *r, char **cause)
{
	date_t rows[2] = { DATE_NONE, DATE_NONE };

	if (store_status_each(s->st, id, person_second_status, rows,
	    cause) != 0)
		return -1;
	if (rows[1] != DATE_NONE && on > rows[1]) {
		xfail(cause, "%s is after their next change of status, on %s; "
		    "the allocation comes first in their history",
		    session_date(s, on), session_date(s, rows[1]));
		return job_refuse(r, JOB_ALLOCATED);
	}
	if (first_contact != DATE_NONE && on > first_contact) {
		xfail(cause, "%s is after their first contact, on %s; they "
		    "were allocated to you by then", session_date(s, on),
		    session_date(s, first_contact));
		return job_refuse(r, JOB_ALLOCATED);
	}
	return 0;
}

int
job_person_edit(struct session *s, long id, struct person *p, int confirmed,
    struct job_result *r, char **cause)
{
	struct person *old = NULL;
	struct person_firsts first = { DATE_NONE, DATE_NONE };
	struct job_result scratch;
	date_t rows[2] = { DATE_NONE, DATE_NONE };
	char *why = NULL;
	int rc, history;

	if (job_start(s, r, cause) != 0)
		return -1;
	if (store_begin(s->st, cause) != 0)
		return -1;
	rc = store_person_get(s->st, id, &old, cause);
	if (rc < 0)
		goto fail;
	if (rc == 1 || old == NULL) {
		store_rollback(s->st);
		xfail(cause, "there is no young person number %ld", id);
		return job_refuse(r, JOB_WHO);
	}
	p->id = id;
	if (store_contacts_each(s->st, id, person_first_contact, &first,
	    cause) != 0)
		goto fail;
	if (person_check(s, p, old, first.any, r, cause) != 0 ||
	    (p->facts.dob != old->facts.dob &&
	    person_confirm(s, p, confirmed, r, cause) != 0) ||
	    (p->facts.allocated_on != old->facts.allocated_on &&
	    person_check_allocated(s, id, p->facts.allocated_on, first.kept, r,
	    cause) != 0)) {
		store_rollback(s->st);
		free(old);
		return -1;
	}
	/*
	 * The first row of the history follows the allocation: a new date,
	 * checked above; or, when an older caseload has them differ, the
	 * date kept, where the rest of the history allows it (otherwise the
	 * history is left as it is, and 'check' says so).
	 */
	history = p->facts.allocated_on != old->facts.allocated_on;
	if (!history) {
		job_init(&scratch);
		if (store_status_each(s->st, id, person_second_status, rows,
		    cause) != 0)
			goto fail;
		history = rows[0] != DATE_NONE &&
		    rows[0] != p->facts.allocated_on &&
		    person_check_allocated(s, id, p->facts.allocated_on,
		    first.kept, &scratch, &why) == 0;
		free(why);
	}
	free(old);
	old = NULL;
	if (store_person_update(s->st, p, history, cause) != 0)
		goto fail;
	if (store_commit(s->st, cause) != 0)
		return -1;	/* rolled back */
	r->made = id;
	return job_judge(s, id, r, cause);

fail:
	store_rollback(s->st);
	free(old);
	return -1;
}
