/* SPDX-License-Identifier: MIT */
/*
 * job-return.c: the jobs of the birthday return (see job.h): record the
 * return for the birthday whose window is open (or, once it has closed
 * with nothing recorded, late), strike one out.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "job-int.h"
#include "xmalloc.h"

/* Refuse a return on a day no window is open: say when the next opens. */
static int
job_return_closed(struct session *s, date_t dob, date_t on,
    struct job_result *r, char **cause)
{
	struct returns_window next;
	char *day;

	day = xstrdup(session_date(s, on));
	if (returns_window_next(dob, &s->cfg.rules, on, &next))
		xfail(cause, "no birthday return window is open on %s: the "
		    "next, for the %d%s birthday, opens on %s", day, next.age,
		    returns_th(next.age), session_date(s, next.opens));
	else
		xfail(cause, "no birthday return window is open on %s, and "
		    "none opens later (returns are made around the 17th to "
		    "21st birthdays)", day);
	free(day);
	return job_refuse(r, JOB_DATE);
}

int
job_return_record(struct session *s, struct returns_record *rec,
    struct job_result *r, char **cause)
{
	struct returns_window w;
	struct returns_record *had;
	struct person *p;
	enum returns_for when;
	date_t dob;
	int rc;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, rec->person_id, &p, r, cause) != 0)
		return -1;
	dob = p->facts.dob;
	free(p);
	if (check_event_date(rec->on, dob, s->today, cause) != 0)
		return job_refuse(r, JOB_DATE);
	if (returns_record_check(rec, cause) != 0)
		return job_refuse(r, JOB_ANSWER);
	if ((when = returns_window_for(dob, &s->cfg.rules, rec->on, &w)) ==
	    RETURNS_FOR_NONE)
		return job_return_closed(s, dob, rec->on, r, cause);
	rec->age = w.age;
	if ((rc = store_return_standing(s->st, rec->person_id, w.age, &had,
	    cause)) < 0)
		return -1;
	/* Once its window has closed, a return in already leaves nothing. */
	if (rc == 0 && when == RETURNS_FOR_LATE) {
		free(had);
		return job_return_closed(s, dob, rec->on, r, cause);
	}
	if (rc == 0) {
		xfail(cause, "the return for the %d%s birthday was recorded "
		    "already (B%d): strike it out first ('caseload return %ld "
		    "--strike B%d --reason TEXT')", w.age, returns_th(w.age),
		    had->number, rec->person_id, had->number);
		free(had);
		return job_refuse(r, JOB_AGAIN);
	}
	rec->struck_on = DATE_NONE;
	rec->struck_reason = NULL;
	if (store_return_add(s->st, rec, cause) != 0)
		return -1;
	r->made = rec->number;
	r->ret = returns_record_copy(rec);
	if (when == RETURNS_FOR_LATE)
		r->warning = xasprintf("late: its window closed on %s",
		    session_date(s, w.closes));
	return job_judge(s, rec->person_id, r, cause);
}

int
job_return_strike(struct session *s, long id, int number, const char *reason,
    struct job_result *r, char **cause)
{
	void *row;

	if (job_row_strike(s, STORE_KIND_RETURN, id, number, reason, &row, r,
	    cause) != 0)
		return -1;
	r->ret = row;
	return job_judge(s, id, r, cause);
}
