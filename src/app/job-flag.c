/* SPDX-License-Identifier: MIT */
/*
 * job-flag.c: the jobs of safety flags (see job.h): set one, change its
 * note, end it; and whether a young person may be visited alone.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "job-int.h"
#include "xmalloc.h"

/* The kinds of someone's current flags, gathered by store_flags_each. */
struct job_flag_kinds {
	enum flag_kind	kinds[64];
	size_t		n;
};

static int
job_flag_kind(const struct flag *f, void *arg)
{
	struct job_flag_kinds *k = arg;

	if (f->ended_on == DATE_NONE &&
	    k->n < sizeof k->kinds / sizeof k->kinds[0])
		k->kinds[k->n++] = f->kind;
	return 0;
}

int
job_flag_current(struct session *s, long id, enum flag_kind kind, int *out,
    char **cause)
{
	struct job_flag_kinds k;
	size_t i;

	*out = 0;
	k.n = 0;
	if (store_flags_each(s->st, id, job_flag_kind, &k, cause) != 0)
		return -1;
	for (i = 0; i < k.n; i++) {
		if (k.kinds[i] == kind)
			*out = 1;
	}
	return 0;
}

/* Their flag number, or refuse saying what they have. */
static int
job_flag_get(struct session *s, long id, int number, struct flag **out,
    struct job_result *r, char **cause)
{
	int rc;

	rc = store_flag_numbered(s->st, id, number, out, cause);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		xfail(cause, "young person %ld has no flag F%d ('caseload show "
		    "%ld' lists their flags)", id, number, id);
		return job_refuse(r, JOB_WHO);
	}
	return 0;
}

int
job_flag_add(struct session *s, struct flag *f, struct job_result *r,
    char **cause)
{
	struct job_flag_kinds k;
	struct person *p;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, f->person_id, &p, r, cause) != 0)
		return -1;
	k.n = 0;
	if (store_flags_each(s->st, f->person_id, job_flag_kind, &k,
	    cause) != 0) {
		free(p);
		return -1;
	}
	/* What was wrong: the date, the note, or a flag of that kind. */
	if (check_event_date(f->set_on, p->facts.dob, s->today, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_DATE);
	}
	if (flag_check_new(f->kind, f->note, f->set_on, p->facts.dob,
	    s->today, NULL, 0, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_NOTE);
	}
	if (flag_check_new(f->kind, f->note, f->set_on, p->facts.dob,
	    s->today, k.kinds, k.n, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_AGAIN);
	}
	free(p);
	f->ended_on = DATE_NONE;
	f->ended_reason = NULL;
	if (store_flag_add(s->st, f, cause) != 0)
		return -1;
	r->made = f->number;
	r->flag = flag_copy(f);
	return job_judge(s, f->person_id, r, cause);
}

int
job_flag_note(struct session *s, long id, int number, const char *note,
    struct job_result *r, char **cause)
{
	struct person *p;
	struct flag *f;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, id, &p, r, cause) != 0)
		return -1;
	free(p);
	if (job_flag_get(s, id, number, &f, r, cause) != 0)
		return -1;
	if (flag_check_note(f, note, cause) != 0) {
		r->refused = 1;
		r->field = f->ended_on != DATE_NONE ? JOB_AGAIN : JOB_NOTE;
		free(f);
		return -1;
	}
	if (store_flag_note(s->st, f->id, note, cause) != 0) {
		free(f);
		return -1;
	}
	r->made = number;
	r->flag = f;
	return job_judge(s, id, r, cause);
}

int
job_flag_end(struct session *s, long id, int number, date_t on,
    const char *reason, struct job_result *r, char **cause)
{
	struct person *p;
	struct flag *f;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, id, &p, r, cause) != 0)
		return -1;
	free(p);
	if (job_reason(reason, r, cause) != 0)
		return -1;
	if (job_flag_get(s, id, number, &f, r, cause) != 0)
		return -1;
	if (flag_check_end(f, on, s->today, cause) != 0) {
		r->refused = 1;
		r->field = f->ended_on != DATE_NONE ? JOB_AGAIN : JOB_DATE;
		free(f);
		return -1;
	}
	if (store_flag_end(s->st, f->id, on, reason, cause) != 0) {
		free(f);
		return -1;
	}
	r->made = number;
	r->flag = f;
	return job_judge(s, id, r, cause);
}
