/* SPDX-License-Identifier: MIT */
/*
 * job-flag.c: the jobs of safety flags (see job.h): set one, change its
 * note, end it; and whether a young person may be visited alone.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "job-int.h"
#include "xmalloc.h"

/*
 * The kinds of young person id's current flags into kinds[FLAG_KINDS]
 * (each kind once, however many flags they have), their count into *n.
 */
static int
job_flag_kinds(struct session *s, long id, enum flag_kind *kinds, size_t *n,
    char **cause)
{
	int k, has;

	*n = 0;
	for (k = 0; k < FLAG_KINDS; k++) {
		if (store_flag_current(s->st, id, k, &has, cause) != 0)
			return -1;
		if (has)
			kinds[(*n)++] = k;
	}
	return 0;
}

const char *
job_flag_by(struct session *s)
{
	const char *name = s->cfg.worker_name;

	return name != NULL && *name != '\0' ? name : NULL;
}

int
job_flag_current(struct session *s, long id, enum flag_kind kind, int *out,
    char **cause)
{
	return store_flag_current(s->st, id, kind, out, cause);
}

int
job_flag_add(struct session *s, struct flag *f, struct job_result *r,
    char **cause)
{
	enum flag_kind kinds[FLAG_KINDS];
	struct person *p;
	size_t n;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, f->person_id, &p, r, cause) != 0)
		return -1;
	if (job_flag_kinds(s, f->person_id, kinds, &n, cause) != 0) {
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
	    s->today, kinds, n, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_AGAIN);
	}
	free(p);
	f->ended_on = DATE_NONE;
	f->ended_reason = NULL;
	f->set_by = job_flag_by(s);
	f->ended_by = NULL;
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
	struct store_numbered found;
	struct flag *f;

	if (job_row(s, STORE_KIND_FLAG, id, number, NULL, &found, r,
	    cause) != 0)
		return -1;
	f = found.row;
	if (flag_check_note(f, note, cause) != 0) {
		r->refused = 1;
		r->field = f->ended_on != DATE_NONE ? JOB_AGAIN : JOB_NOTE;
		free(f);
		return -1;
	}
	if (store_flag_note(s->st, f->id, note, s->today,
	    job_flag_by(s), cause) != 0) {
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
	struct store_numbered found;
	struct flag *f;

	if (job_row(s, STORE_KIND_FLAG, id, number, reason, &found, r,
	    cause) != 0)
		return -1;
	f = found.row;
	if (flag_check_end(f, on, s->today, cause) != 0) {
		r->refused = 1;
		r->field = f->ended_on != DATE_NONE ? JOB_AGAIN : JOB_DATE;
		free(f);
		return -1;
	}
	if (store_flag_end(s->st, f->id, on, reason,
	    job_flag_by(s), cause) != 0) {
		free(f);
		return -1;
	}
	r->made = number;
	r->flag = f;
	return job_judge(s, id, r, cause);
}
