/* SPDX-License-Identifier: MIT */
/*
 * job-rows.c: what the jobs on a young person's numbered rows share
 * (job-int.h): finding the row by its number, and striking one out.
 * What differs from kind to kind is its letter and its words.
 */
#include <config.h>

#include <stdlib.h>

#include "cause.h"
#include "check.h"
#include "job-int.h"

/* A kind's words, as a refusal says them. */
struct job_kind {
	char		 letter;	/* before its number: M1 */
	const char	*noun;		/* before the letter: "note " */
	const char	*after;		/* after the number */
	const char	*lists;		/* what 'caseload show' is said to
					 * list (NULL: not said) */
	const char	*struck;	/* struck out already: "note N1 was" */
};

static const struct job_kind job_kinds[STORE_KINDS] = {
	[STORE_KIND_ACTION] = { 'A', "action ", "", "their actions", NULL },
	[STORE_KIND_ACCOMMODATION] = { 'M', "accommodation ", "", "it",
	    "accommodation" },
	[STORE_KIND_RETURN] = { 'B', "birthday return ", "", "them",
	    "return" },
	[STORE_KIND_FLAG] = { 'F', "flag ", "", "their flags", NULL },
	[STORE_KIND_NOTE] = { 'N', "note ", "", NULL, "note" },
	[STORE_KIND_AROUND] = { 'P', "", " among the people around them",
	    "them", NULL }
};

int
job_row(struct session *s, enum store_kind kind, long id, int number,
    const char *reason, struct store_numbered *out, struct job_result *r,
    char **cause)
{
	const struct job_kind *k = &job_kinds[kind];
	struct person *p;
	int rc;

	out->row = NULL;
	if (job_start(s, r, cause) != 0 ||
	    job_person(s, id, &p, r, cause) != 0)
		return -1;
	free(p);
	if (job_reason(reason, r, cause) != 0)
		return -1;
	if ((rc = store_numbered(s->st, kind, id, number, out, cause)) < 0)
		return -1;
	if (rc == 0)
		return 0;
	if (k->lists != NULL)
		xfail(cause, "young person %ld has no %s%c%d%s ('caseload show "
		    "%ld' lists %s)", id, k->noun, k->letter, number, k->after,
		    id, k->lists);
	else
		xfail(cause, "young person %ld has no %s%c%d%s", id, k->noun,
		    k->letter, number, k->after);
	return job_refuse(r, JOB_WHO);
}

int
job_row_strike(struct session *s, enum store_kind kind, long id, int number,
    const char *reason, void **row, struct job_result *r, char **cause)
{
	const struct job_kind *k = &job_kinds[kind];
	struct store_numbered found;

	*row = NULL;
	if (job_row(s, kind, id, number, reason, &found, r, cause) != 0)
		return -1;
	if (check_strike(k->struck, k->letter, number, found.struck_on,
	    cause) != 0) {
		free(found.row);
		return job_refuse(r, JOB_AGAIN);
	}
	if (store_strike(s->st, kind, id, found.id, s->today, reason,
	    cause) != 0) {
		free(found.row);
		return -1;
	}
	*row = found.row;
	r->made = number;
	return 0;
}
