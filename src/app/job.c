/* SPDX-License-Identifier: MIT */
/*
 * job.c: the jobs both faces call (see job.h): check with the core, write
 * in one transaction, judge the young person again.
 */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "job-int.h"
#include "outfile.h"
#include "xmalloc.h"

void
job_result_free(struct job_result *r)
{
	free(r->row.person);
	free(r->contact);
	free(r->entry);
	free(r->flag);
	free(r->note);
	free(r->around);
	free(r->action);
	free(r->accommodation);
	free(r->ret);
	free(r->path);
	free(r->warning);
	free(r->actions_open);
	memset(r, 0, sizeof *r);
	r->row.person = NULL;
	r->contact = NULL;
	r->entry = NULL;
	r->flag = NULL;
	r->note = NULL;
	r->around = NULL;
	r->action = NULL;
	r->accommodation = NULL;
	r->ret = NULL;
	r->path = NULL;
	r->warning = NULL;
	r->actions_open = NULL;
}

void
job_init(struct job_result *r)
{
	memset(r, 0, sizeof *r);
	r->row.person = NULL;
	r->contact = NULL;
	r->entry = NULL;
	r->flag = NULL;
	r->note = NULL;
	r->around = NULL;
	r->action = NULL;
	r->ret = NULL;
	r->path = NULL;
	r->warning = NULL;
	r->refused = 0;
	r->field = JOB_NOTHING;
}

int
job_start(struct session *s, struct job_result *r, char **cause)
{
	job_init(r);
	if (s->st == NULL)
		return xfail(cause, "the database is not open");
	return 0;
}

int
job_open(struct session *s, struct job_result *r, char **cause)
{
	struct store *st;

	if (s->st != NULL)
		return 0;
	if (session_check_path(s, cause) != 0)
		return job_refuse(r, JOB_DATABASE);
	if (session_open(s, &st, &r->warning, cause) != 0) {
		r->field = JOB_DATABASE;
		return -1;
	}
	session_backup_daily(s, &r->warning);
	return 0;
}

int
job_refuse(struct job_result *r, enum job_field field)
{
	r->refused = 1;
	r->field = field;
	return -1;
}

int
job_person(struct session *s, long id, struct person **out,
    struct job_result *r, char **cause)
{
	int rc;

	*out = NULL;
	rc = store_person_get(s->st, id, out, cause);
	if (rc < 0)
		return -1;
	if (rc == 1 || *out == NULL) {
		xfail(cause, "there is no young person number %ld", id);
		return job_refuse(r, JOB_WHO);
	}
	return 0;
}

int
job_judge(struct session *s, long id, struct job_result *r, char **cause)
{
	return views_due_get(s->st, &s->cfg.rules, s->today, id, &r->row,
	    cause) < 0 ? -1 : 0;
}

int
job_reason(const char *reason, struct job_result *r, char **cause)
{
	if (reason != NULL &&
	    check_text(reason, 0, CHECK_REASON_MAX, cause) != 0)
		return job_refuse(r, JOB_REASON);
	return 0;
}

int
job_contact(struct session *s, struct contact *c, struct job_result *r,
    char **cause)
{
	return job_contact_agreed(s, c, NULL, 0, r, cause);
}

int
job_contact_agreed(struct session *s, struct contact *c, struct action *a,
    size_t n, struct job_result *r, char **cause)
{
	struct person *p;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, c->person_id, &p, r, cause) != 0)
		return -1;
	if (check_event_date(c->on, p->facts.dob, s->today, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_DATE);
	}
	if (c->note != NULL &&
	    check_text(c->note, 1, CHECK_NOTE_MAX, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_NOTE);
	}
	if (job_action_check_agreed(s, c->on, p, a, n, r, cause) != 0) {
		free(p);
		return -1;
	}
	/*
	 * The log is the record of contacts, so a contact with someone
	 * archived is logged as any other; the worker is told they are
	 * archived, in case they meant someone else.
	 */
	if (p->facts.status == STATUS_ARCHIVED)
		r->warning = xasprintf("%s is archived: the contact is logged "
		    "in their record all the same", person_display_name(p));
	if (c->method == METHOD_VISIT) {
		char *was;
		int alone;

		if (job_flag_current(s, c->person_id, FLAG_ALONE, &alone,
		    cause) != 0) {
			free(p);
			return -1;
		}
		/* Joined to the warning before: both are worth hearing. */
		if (alone) {
			was = r->warning;
			r->warning = xasprintf("%s%s%s has a 'do not visit "
			    "alone' safety flag: the visit is logged",
			    was != NULL ? was : "", was != NULL ? "; " : "",
			    person_display_name(p));
			free(was);
		}
	}
	free(p);
	c->struck_on = DATE_NONE;
	c->struck_reason = NULL;
	if (store_contact_add_actions(s->st, c, a, n, cause) != 0)
		return -1;
	r->made = c->id;
	return job_judge(s, c->person_id, r, cause);
}

/* What young person id has of one kind: "contacts 1 to 3", "no reviews". */
static char *
job_strike_has(enum entry_kind kind, int n)
{
	char first[16], last[16];
	const char *name = entry_kind_name(kind);

	if (n == 0)
		return xasprintf("no %ss", name);
	entry_format(kind, 1, first, sizeof first);
	if (n == 1)
		return xasprintf("%s %s", name, first);
	entry_format(kind, n, last, sizeof last);
	return xasprintf("%ss %s to %s", name, first, last);
}

/* Refuse a number young person id does not have, saying what they have. */
static int
job_strike_none(struct session *s, long id, enum entry_kind kind,
    int number, struct job_result *r, char **cause)
{
	int counts[ENTRY_KINDS];
	char *has[ENTRY_KINDS], what[16];
	int i;

	if (store_entry_counts(s->st, id, counts, cause) != 0)
		return -1;
	for (i = 0; i < ENTRY_KINDS; i++)
		has[i] = job_strike_has((enum entry_kind)i, counts[i]);
	entry_format(kind, number, what, sizeof what);
	xfail(cause, "young person %ld has no %s %s: they have %s, %s, %s",
	    id, entry_kind_name(kind), what, has[ENTRY_CONTACT],
	    has[ENTRY_LETTER], has[ENTRY_REVIEW]);
	for (i = 0; i < ENTRY_KINDS; i++)
		free(has[i]);
	return job_refuse(r, JOB_WHO);
}

/* Gathering the open actions agreed at one contact: "A1, A2". */
struct job_strike_actions {
	long	 contact_id;
	char	*list;
};

static int
job_strike_action(const struct action *a, void *arg)
{
	struct job_strike_actions *sa = arg;
	char *list;

	if (a->contact_id != sa->contact_id || a->state != ACTION_OPEN)
		return 0;
	if (sa->list == NULL)
		sa->list = xasprintf("A%d", a->number);
	else {
		list = xasprintf("%s, A%d", sa->list, a->number);
		free(sa->list);
		sa->list = list;
	}
	return 0;
}

int
job_strike(struct session *s, long id, enum entry_kind kind, int number,
    const char *reason, struct job_result *r, char **cause)
{
	struct job_strike_actions sa;
	struct person *p;
	date_t struck_on;
	long row;
	char what[16];
	int rc;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, id, &p, r, cause) != 0)
		return -1;
	free(p);
	if (kind == ENTRY_CONTACT)
		rc = store_contact_numbered(s->st, id, number, &r->contact,
		    cause);
	else
		rc = store_entry_numbered(s->st, id, kind, number, &r->entry,
		    cause);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return job_strike_none(s, id, kind, number, r, cause);
	row = kind == ENTRY_CONTACT ? r->contact->id : r->entry->id;
	struck_on = kind == ENTRY_CONTACT ? r->contact->struck_on :
	    r->entry->struck_on;
	if (struck_on != DATE_NONE) {
		entry_format(kind, number, what, sizeof what);
		xfail(cause, "%s %s of young person %ld was already struck out "
		    "on %s", entry_kind_name(kind), what, id,
		    session_date(s, struck_on));
		return job_refuse(r, JOB_AGAIN);
	}
	if (job_reason(reason, r, cause) != 0)
		return -1;
	if (store_entry_strike(s->st, kind, row, s->today, reason, cause) != 0)
		return -1;
	if (kind == ENTRY_CONTACT) {
		sa.contact_id = row;
		sa.list = NULL;
		if (store_actions_each(s->st, id, job_strike_action, &sa,
		    cause) != 0) {
			free(sa.list);
			return -1;
		}
		r->actions_open = sa.list;
	}
	return job_judge(s, id, r, cause);
}

/*
 * What a step-down does that the worker should hear of, in r->warning:
 * that the young person is overdue for contact (as the lists judge them
 * today, before the step-down), and that no reason was given, which the
 * status history then shows.  The step-down goes ahead: both are for
 * the worker to know, not to stop them.
 */
static int
job_step_down_warning(struct session *s, const struct person *p,
    const char *reason, struct job_result *r, char **cause)
{
	int overdue;

	if (job_judge(s, p->id, r, cause) != 0)
		return -1;
	overdue = r->row.contact.state == DUE_OVERDUE ?
	    r->row.contact.days_overdue : 0;
	free(r->row.person);
	r->row.person = NULL;
	if (overdue > 0 && reason == NULL)
		r->warning = xasprintf("%s is overdue for contact by %d "
		    "day%s, and no reason was given: stepping down anyway",
		    person_display_name(p), overdue, overdue == 1 ? "" : "s");
	else if (overdue > 0)
		r->warning = xasprintf("%s is overdue for contact by %d "
		    "day%s: stepping down anyway", person_display_name(p),
		    overdue, overdue == 1 ? "" : "s");
	else if (reason == NULL)
		r->warning = xasprintf("no reason given: %s's status history "
		    "shows the step-down without one", person_display_name(p));
	return 0;
}

int
job_status(struct session *s, long id, enum status to, date_t on,
    const char *reason, struct job_result *r, char **cause)
{
	struct person *p;
	const char *field;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, id, &p, r, cause) != 0)
		return -1;
	if (check_status_change(&p->facts, to, on, s->today, &field,
	    cause) != 0) {
		free(p);
		return job_refuse(r, strcmp(field, "status") == 0 ?
		    JOB_STATUS : JOB_DATE);
	}
	if (job_reason(reason, r, cause) != 0 || (to == STATUS_DOWN &&
	    job_step_down_warning(s, p, reason, r, cause) != 0)) {
		free(p);
		return -1;
	}
	free(p);
	if (store_status_change(s->st, id, to, on, reason, cause) != 0)
		return -1;
	return job_judge(s, id, r, cause);
}

int
job_review(struct session *s, long id, date_t on, struct job_result *r,
    char **cause)
{
	struct person *p;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, id, &p, r, cause) != 0)
		return -1;
	if (check_event_date(on, p->facts.dob, s->today, cause) != 0) {
		free(p);
		return job_refuse(r, JOB_DATE);
	}
	free(p);
	if (store_review_add(s->st, id, on, cause) != 0)
		return -1;
	return job_judge(s, id, r, cause);
}

int
job_letter_sent(struct session *s, long id, date_t on,
    struct job_result *r, char **cause)
{
	struct person *p;
	const char *field;
	int recorded = 0;

	if (job_start(s, r, cause) != 0 ||
	    job_person(s, id, &p, r, cause) != 0)
		return -1;
	if (store_letter_sent_on(s->st, id, on, &recorded, cause) != 0) {
		free(p);
		return -1;
	}
	if (check_letter_sent(p, on, s->today, recorded, s->cfg.date_format,
	    &field, cause) != 0) {
		free(p);
		return job_refuse(r, strcmp(field, "date") == 0 ? JOB_DATE :
		    strcmp(field, "status") == 0 ? JOB_STATUS : JOB_AGAIN);
	}
	free(p);
	if (store_letter_add(s->st, id, on, cause) != 0)
		return -1;
	return job_judge(s, id, r, cause);
}

int
job_backup(struct session *s, const char *dest, struct job_result *r,
    char **cause)
{
	if (job_start(s, r, cause) != 0)
		return -1;
	if (*dest == '\0') {
		xfail(cause, "the file name is empty; give the new file to "
		    "write the backup to");
		return job_refuse(r, JOB_FILE);
	}
	if (outfile_check_new(dest, cause) != 0)
		return job_refuse(r, JOB_FILE);
	return store_backup(s->st, dest, cause);
}

int
job_restore(struct session *s, const char *src, struct job_result *r,
    char **cause)
{
	struct store *from;
	char *why = NULL;
	int rc;

	/* Checked whole before the database is opened, so as to make nothing. */
	job_init(r);
	if (*src == '\0') {
		xfail(cause, "the file name is empty; give the backup file to "
		    "restore");
		return job_refuse(r, JOB_FILE);
	}
	if (store_restore_open(src, &from, &why) != 0) {
		xfail(cause, "%s; nothing was changed", why);
		free(why);
		return job_refuse(r, JOB_FILE);
	}
	if (job_open(s, r, cause) != 0) {
		store_close(from);
		return -1;
	}
	rc = store_restore(s->st, from, src, &r->path, cause);
	store_close(from);
	return rc;
}

/* Keep a problem store_check found. */
static void
job_check_problem(const char *problem, void *arg)
{
	struct job_check *c = arg;

	c->problems = xreallocarray(c->problems, c->n + 1,
	    sizeof *c->problems);
	c->problems[c->n++] = xstrdup(problem);
}

/* Count a young person of a sound caseload by their status. */
static int
job_check_count(const struct person *p, void *arg)
{
	struct job_check *c = arg;

	c->people++;
	if (p->facts.status == STATUS_UP)
		c->up++;
	else if (p->facts.status == STATUS_DOWN)
		c->down++;
	else
		c->archived++;
	return 0;
}

int
job_check(struct session *s, struct job_check *out, struct job_result *r,
    char **cause)
{
	memset(out, 0, sizeof *out);
	out->problems = NULL;
	out->schema = store_schema_version();
	if (job_start(s, r, cause) != 0)
		return -1;
	if (store_check(s->st, job_check_problem, out, cause) < 0)
		return -1;
	if (out->n > 0)
		return 0;
	return store_people_each(s->st, STORE_EVERYONE, job_check_count, out,
	    cause);
}

void
job_check_free(struct job_check *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		free(c->problems[i]);
	free(c->problems);
	memset(c, 0, sizeof *c);
	c->problems = NULL;
}

char *
job_handover_words(const struct store_handover_counts *c)
{
	static const struct {
		size_t		 offset;
		const char	*one;
		const char	*many;
		int		 always;
	} kinds[] = {
#define HW(field) offsetof(struct store_handover_counts, field)
		{ HW(contacts), "contact", "contacts", 1 },
		{ HW(status_changes), "status change", "status changes", 1 },
		{ HW(letters), "letter", "letters", 1 },
		{ HW(reviews), "review", "reviews", 1 },
		{ HW(flags), "safety flag", "safety flags", 0 },
		{ HW(notes), "note", "notes", 0 },
		{ HW(around), "person around them", "people around them", 0 },
		{ HW(actions), "agreed action", "agreed actions", 0 },
		{ HW(accommodation), "accommodation row", "accommodation rows",
		  0 },
		{ HW(returns), "birthday return", "birthday returns", 0 },
#undef HW
	};
	const size_t nkinds = sizeof kinds / sizeof kinds[0];
	char *words[sizeof kinds / sizeof kinds[0]], *out, *next;
	size_t i, n = 0;
	int count;

	for (i = 0; i < nkinds; i++) {
		count = *(const int *)((const char *)c + kinds[i].offset);
		if (count > 0 || kinds[i].always)
			words[n++] = xasprintf("%d %s", count, count == 1 ?
			    kinds[i].one : kinds[i].many);
	}
	out = words[0];
	for (i = 1; i < n; i++) {
		next = xasprintf("%s%s%s", out, i == n - 1 ? " and " : ", ",
		    words[i]);
		free(out);
		free(words[i]);
		out = next;
	}
	return out;
}

int
job_handover_export(struct session *s, const long *ids, size_t n,
    const char *dest, struct job_result *r, char **cause)
{
	struct person *p;
	size_t i;

	if (job_start(s, r, cause) != 0)
		return -1;
	if (n == 0) {
		xfail(cause, "give the young people to hand over");
		return job_refuse(r, JOB_WHO);
	}
	for (i = 0; i < n; i++) {
		if (job_person(s, ids[i], &p, r, cause) != 0)
			return -1;
		free(p);
	}
	if (*dest == '\0') {
		xfail(cause, "the file name is empty; give the file to write");
		return job_refuse(r, JOB_FILE);
	}
	if (outfile_check_new(dest, cause) != 0)
		return job_refuse(r, JOB_FILE);
	return store_handover_export(s->st, ids, n, dest, s->today,
	    s->cfg.worker_name, &r->counts, cause);
}

void
job_progress(struct session *s, const char *what, size_t done, size_t total)
{
	if (s->progress != NULL)
		s->progress(what, done, total, s->progress_arg);
}
