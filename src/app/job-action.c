/* SPDX-License-Identifier: MIT */
/*
 * job-action.c: the jobs of what was agreed (see job.h): add an agreed
 * action, mark it done or drop it; and the checks of the actions agreed
 * at a contact.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "job-int.h"
#include "xmalloc.h"

/*
 * Check action a with young person p (who set, dates given): what was
 * wrong into r->field.  A cause is prefixed with what when not NULL.
 */
static int
job_action_check(struct session *s, const struct person *p,
    const struct action *a, const char *what, struct job_result *r,
    char **cause)
{
	enum job_field field = JOB_NOTHING;
	char *why = NULL;

	if (action_check_text(a->text, &why) != 0)
		field = JOB_ACTION;
	else if (action_check_who(a->who, &why) != 0)
		field = JOB_DOER;
	else if (check_event_date(a->agreed_on, p->facts.dob, s->today,
	    &why) != 0)
		field = JOB_DATE;
	else if (action_check_dates(a->agreed_on, a->due_on, p->facts.dob,
	    s->today, &why) != 0)
		field = JOB_DUE;
	if (field == JOB_NOTHING)
		return 0;
	if (what != NULL)
		xfail(cause, "%s: %s", what, why);
	else
		xfail(cause, "%s", why);
	free(why);
	return job_refuse(r, field);
}

int
job_action_check_agreed(struct session *s, date_t on, const struct person *p,
    struct action *a, size_t n, struct job_result *r, char **cause)
{
	char what[48];
	size_t i;

	for (i = 0; i < n; i++) {
		a[i].person_id = p->id;
		a[i].contact_id = 0;
		a[i].agreed_on = on;
		if (a[i].who == NULL)
			a[i].who = ACTION_WHO_DEFAULT;
		a[i].state = ACTION_OPEN;
		a[i].closed_on = DATE_NONE;
		a[i].reason = NULL;
		snprintf(what, sizeof what, "agreed action %zu", i + 1);
		if (job_action_check(s, p, &a[i], n > 1 ? what : NULL, r,
		    cause) != 0)
			return -1;
	}
	return 0;
}

int
job_action_add(struct session *s, struct action *a, struct job_result *r,
    char **cause)
{
	struct person *p;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, a->person_id, &p, r, cause) != 0)
		return -1;
	if (a->who == NULL)
		a->who = ACTION_WHO_DEFAULT;
	a->contact_id = 0;
	a->state = ACTION_OPEN;
	a->closed_on = DATE_NONE;
	a->reason = NULL;
	if (job_action_check(s, p, a, NULL, r, cause) != 0) {
		free(p);
		return -1;
	}
	/* Kept, but nothing will bring it up again: the worker hears why. */
	if (p->facts.status == STATUS_ARCHIVED)
		r->warning = xasprintf("%s is archived: the action is kept in "
		    "their record, but the agenda, the calendar and the counts "
		    "leave it out", person_display_name(p));
	free(p);
	if (store_action_add(s->st, a, cause) != 0)
		return -1;
	r->made = a->number;
	r->action = action_copy(a);
	return job_judge(s, a->person_id, r, cause);
}

int
job_action_close(struct session *s, long id, int number,
    enum action_state as, date_t on, const char *reason,
    struct job_result *r, char **cause)
{
	struct store_numbered found;
	struct action *a;

	if (job_row(s, STORE_KIND_ACTION, id, number, reason, &found, r,
	    cause) != 0)
		return -1;
	a = found.row;
	if (action_check_close(a, on, s->today, cause) != 0) {
		r->refused = 1;
		r->field = a->state != ACTION_OPEN ? JOB_AGAIN : JOB_DATE;
		free(a);
		return -1;
	}
	if (store_action_close(s->st, a->id, as, on,
	    as == ACTION_DROPPED ? reason : NULL, cause) != 0) {
		free(a);
		return -1;
	}
	r->made = number;
	r->action = a;
	return job_judge(s, id, r, cause);
}

int
job_actions_count(struct session *s, int *open, int *late, char **cause)
{
	return store_actions_count(s->st, s->today, open, late, cause);
}
