/* SPDX-License-Identifier: MIT */
/*
 * job-around.c: the jobs of notes about a young person and the people
 * around them (see job.h): add a note, strike one out; add, change and
 * end a person around them.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "job-int.h"
#include "xmalloc.h"

int
job_note_add(struct session *s, struct around_note *n, struct job_result *r,
    char **cause)
{
	struct person *p;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, n->person_id, &p, r, cause) != 0)
		return -1;
	if (check_event_date(n->on, p->facts.dob, s->today, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_DATE);
	}
	if (around_note_check(n->text, n->on, p->facts.dob, s->today,
	    cause) != 0) {
		free(p);
		return job_refuse(r, JOB_NOTE);
	}
	free(p);
	n->struck_on = DATE_NONE;
	n->struck_reason = NULL;
	if (store_note_add(s->st, n, cause) != 0)
		return -1;
	r->made = n->number;
	r->note = around_note_copy(n);
	return job_judge(s, n->person_id, r, cause);
}

int
job_note_strike(struct session *s, long id, int number, const char *reason,
    struct job_result *r, char **cause)
{
	void *row;

	if (job_row_strike(s, STORE_KIND_NOTE, id, number, reason, &row, r,
	    cause) != 0)
		return -1;
	r->note = row;
	return job_judge(s, id, r, cause);
}

int
job_around_add(struct session *s, struct around_person *a,
    struct job_result *r, char **cause)
{
	struct person *p;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, a->person_id, &p, r, cause) != 0)
		return -1;
	if (check_event_date(a->since, p->facts.dob, s->today, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_DATE);
	}
	free(p);
	if (around_person_check(a, cause) != 0)
		return job_refuse(r, JOB_NOTE);
	a->ended_on = DATE_NONE;
	if (store_around_add(s->st, a, cause) != 0)
		return -1;
	r->made = a->number;
	r->around = around_person_copy(a);
	return job_judge(s, a->person_id, r, cause);
}

int
job_around_change(struct session *s, long id, int number,
    const struct around_person *to, struct job_result *r, char **cause)
{
	struct around_person *a, changed;
	struct store_numbered found;

	if (job_row(s, STORE_KIND_AROUND, id, number, NULL, &found, r,
	    cause) != 0)
		return -1;
	a = found.row;
	if (a->ended_on != DATE_NONE) {
		xfail(cause, "P%d has stopped being involved: what was kept "
		    "stays as it was", number);
		free(a);
		return job_refuse(r, JOB_AGAIN);
	}
	changed = *to;
	changed.id = a->id;
	changed.person_id = id;
	changed.number = number;
	changed.since = a->since;
	changed.ended_on = DATE_NONE;
	if (around_person_check(&changed, cause) != 0) {
		free(a);
		return job_refuse(r, JOB_NOTE);
	}
	free(a);
	if (store_around_change(s->st, &changed, cause) != 0)
		return -1;
	r->made = number;
	r->around = around_person_copy(&changed);
	return job_judge(s, id, r, cause);
}

int
job_around_end(struct session *s, long id, int number, date_t on,
    struct job_result *r, char **cause)
{
	struct around_person *a;
	struct store_numbered found;

	if (job_row(s, STORE_KIND_AROUND, id, number, NULL, &found, r,
	    cause) != 0)
		return -1;
	a = found.row;
	if (around_person_check_end(a, on, s->today, cause) != 0) {
		r->refused = 1;
		r->field = a->ended_on != DATE_NONE ? JOB_AGAIN : JOB_DATE;
		free(a);
		return -1;
	}
	if (store_around_end(s->st, a->id, on, cause) != 0) {
		free(a);
		return -1;
	}
	a->ended_on = on;
	r->made = number;
	r->around = a;
	return job_judge(s, id, r, cause);
}
