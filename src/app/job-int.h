/* SPDX-License-Identifier: MIT */
/*
 * job-int.h: what the jobs of src/app share (job.h says what a job is);
 * nothing outside src/app includes it.
 */
#ifndef CASELOAD_JOB_INT_H
#define CASELOAD_JOB_INT_H

#include <time.h>

#include "calendar.h"
#include "job.h"

/* Start a result: zeroed, nothing refused. */
void job_init(struct job_result *r);

/* Start a result (job_init); -1 with *cause when the store is not open. */
int job_start(struct session *s, struct job_result *r, char **cause);

/*
 * Open the database, when it is not open yet, for a job that checks its
 * input first: a wrong path is refused (JOB_DATABASE); r->warning says
 * why the day's backup could not be made, if it could not.
 */
int job_open(struct session *s, struct job_result *r, char **cause);

/* Refuse the input, what was wrong being in *cause already: -1. */
int job_refuse(struct job_result *r, enum job_field field);

/*
 * Young person id, whole, into *out (the caller frees it); no such person
 * is refused (JOB_WHO).
 */
int job_person(struct session *s, long id, struct person **out,
    struct job_result *r, char **cause);

/* Judge young person id again, as the lists do, into r->row. */
int job_judge(struct session *s, long id, struct job_result *r,
    char **cause);

/*
 * Check actions a[0..n) agreed on a date with young person p, at a
 * contact (job_contact_agreed): who defaults to ACTION_WHO_DEFAULT, each
 * is open; refused (JOB_ACTION, JOB_DOER, JOB_DUE) as action_check_new
 * says, naming which ("agreed action 2: ...").
 */
int job_action_check_agreed(struct session *s, date_t on,
    const struct person *p, struct action *a, size_t n,
    struct job_result *r, char **cause);

/* Check a reason: one line, not too long; NULL is none (JOB_REASON). */
int job_reason(const char *reason, struct job_result *r, char **cause);

/*
 * The start of a job on young person id's row number of kind: they are
 * there (JOB_WHO), reason (NULL: none) is good (job_reason), and so is
 * the number (JOB_WHO, *cause naming the row and where they are
 * listed).  *out is the row found (out->row is the caller's to free).
 */
int job_row(struct session *s, enum store_kind kind, long id, int number,
    const char *reason, struct store_numbered *out, struct job_result *r,
    char **cause);

/*
 * Strike out young person id's row number of kind (job_row) today with
 * a reason: refused too when it is struck out already (JOB_AGAIN).  *row
 * is the row as it was (the caller keeps it in r, to be freed with it)
 * and r->made its number; the young person is not judged again.
 */
int job_row_strike(struct session *s, enum store_kind kind, long id,
    int number, const char *reason, void **row, struct job_result *r,
    char **cause);

/* Who sets a flag: the worker's name ([worker] name), NULL when not set. */
const char *job_flag_by(struct session *s);

/*
 * The calendar items' recorded state (store_calendar_items), and how the
 * items made now differ from it: hooked into calendar options, it gives
 * each item its SEQUENCE (bumped when its hash changed) and LAST-MODIFIED
 * (job-calendar.c).
 */
struct job_calendar_state;
int job_calendar_state_load(struct session *s, time_t stamp,
    struct job_calendar_state **out, char **cause);
void job_calendar_state_hook(struct job_calendar_state *cs,
    struct calendar_options *opts);
/* Record what uid is now (NULL: every item made), in the caller's
 * transaction. */
int job_calendar_state_save(struct session *s, struct job_calendar_state *cs,
    const char *uid, char **cause);
void job_calendar_state_free(struct job_calendar_state *cs);

/*
 * Tell s->progress, when there is one, that done of total of what (such
 * as "rows") are through.  Cheap enough to call at every row: the face
 * decides how often it draws.
 */
void job_progress(struct session *s, const char *what, size_t done,
    size_t total);

#endif
