/* SPDX-License-Identifier: MIT */
/*
 * job-moved.c: the jobs of a young person's accommodation history (see
 * job.h): record a move, strike one out; and their statutory visit clock,
 * worked out from that history and their visits.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "job-int.h"
#include "text.h"

int
job_moved(struct session *s, struct accommodation *a, struct job_result *r,
    char **cause)
{
	struct accommodation *now;
	struct person *p;
	date_t current, dob;
	int rc;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, a->person_id, &p, r, cause) != 0)
		return -1;
	if ((rc = store_accommodation_current(s->st, a->person_id, &now,
	    cause)) < 0) {
		free(p);
		return -1;
	}
	current = rc == 0 ? now->from : DATE_NONE;
	free(now);
	a->struck_on = DATE_NONE;
	a->struck_reason = NULL;
	if (a->address != NULL && text_is_blank(a->address))
		a->address = NULL;
	if (accommodation_check(a, p->facts.dob, current, s->today,
	    cause) != 0) {
		dob = p->facts.dob;
		free(p);
		if (a->from == DATE_NONE || a->from > s->today ||
		    a->from < dob || a->from < current)
			return job_refuse(r, JOB_DATE);
		if ((int)a->type < 0 || (int)a->type >= ACCOM_COUNT)
			return job_refuse(r, JOB_ACCOMMODATION);
		return job_refuse(r, JOB_ADDRESS);
	}
	free(p);
	if (store_accommodation_add(s->st, a, cause) != 0)
		return -1;
	r->made = a->number;
	r->accommodation = accommodation_copy(a);
	return job_judge(s, a->person_id, r, cause);
}

int
job_moved_strike(struct session *s, long id, int number, const char *reason,
    struct job_result *r, char **cause)
{
	void *row;

	if (job_row_strike(s, STORE_KIND_ACCOMMODATION, id, number, reason,
	    &row, r, cause) != 0)
		return -1;
	r->accommodation = row;
	return job_judge(s, id, r, cause);
}

int
job_visit_due(struct session *s, const struct person *p,
    struct rules_due *due, enum visit_reason *reason, char **cause)
{
	struct store_visits v;

	if (store_visits_read(s->st, p->id, &v, cause) != 0)
		return -1;
	v.facts.review_due = rules_review_due(&p->facts, &s->cfg.rules,
	    s->today).due;
	v.facts.last_review = p->facts.last_review;
	*due = visit_due(&v.facts, &s->cfg.rules, s->today, reason);
	store_visits_free(&v);
	return 0;
}
