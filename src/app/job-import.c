/* SPDX-License-Identifier: MIT */
/*
 * job-import.c: the importing jobs both faces call (see job.h): young
 * people from a spreadsheet, and from another worker's handover file,
 * each checked whole and written in one transaction, or not at all.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "job-int.h"
#include "text.h"
#include "xmalloc.h"

/* The rows of a sheet by date of birth and name, to find who is here. */
struct import_match {
	struct job_import	 *imp;
	struct import_row	**by;
};

/*
 * Rows by date of birth and name (text_namecmp: ignoring case, accents
 * and spaces, as names saved before they were tidied may hold more), as
 * bsearch needs.
 */
static int
import_key_compare(const void *a, const void *b)
{
	const struct import_row *ra = *(const struct import_row *const *)a;
	const struct import_row *rb = *(const struct import_row *const *)b;

	if (ra->person.facts.dob != rb->person.facts.dob)
		return ra->person.facts.dob < rb->person.facts.dob ? -1 : 1;
	return text_namecmp(ra->person.name, rb->person.name);
}

/* Is someone already in the database also in the sheet? */
static int
import_match_person(const struct person *p, void *arg)
{
	struct import_match *m = arg;
	struct import_row key, *keyp = &key, **found;

	memset(&key, 0, sizeof key);
	key.person.facts.dob = p->facts.dob;
	key.person.name = p->name;
	found = bsearch(&keyp, m->by, m->imp->sheet.n, sizeof *m->by,
	    import_key_compare);
	if (found != NULL) {
		m->imp->present++;
		import_problem(&m->imp->sheet, (*found)->line, "already on "
		    "your caseload as number %ld (same name and date of "
		    "birth); take the row out, or change their details with "
		    "'caseload edit %ld'", p->id, p->id);
	}
	return 0;
}

/* Find the rows that match someone in the database; -1 on failure. */
static int
import_find_present(struct store *st, struct job_import *imp, char **cause)
{
	struct import_match m;
	size_t i;
	int rc;

	if (imp->sheet.n == 0)
		return 0;
	m.imp = imp;
	m.by = xreallocarray(NULL, imp->sheet.n, sizeof *m.by);
	for (i = 0; i < imp->sheet.n; i++)
		m.by[i] = &imp->sheet.rows[i];
	qsort(m.by, imp->sheet.n, sizeof *m.by, import_key_compare);
	rc = store_people_each(st, STORE_EVERYONE, import_match_person, &m,
	    cause);
	free(m.by);
	return rc;
}

/* Add every row, in one transaction; sets the rows' numbers. */
static int
import_save(struct store *st, struct import_sheet *sheet, char **cause)
{
	struct import_row *row;
	struct contact c;
	size_t i;

	if (store_begin(st, cause) != 0)
		return -1;
	for (i = 0; i < sheet->n; i++) {
		row = &sheet->rows[i];
		if (store_person_add(st, &row->person, cause) != 0)
			goto fail;
		if (row->last_contact != DATE_NONE) {
			memset(&c, 0, sizeof c);
			c.person_id = row->person.id;
			c.on = row->last_contact;
			c.method = METHOD_OTHER;
			c.by = BY_WORKER;
			c.note = IMPORT_NOTE;
			c.struck_on = DATE_NONE;
			if (store_contact_add(st, &c, cause) != 0)
				goto fail;
		}
		if (row->stepped_down_on != DATE_NONE &&
		    store_status_change(st, row->person.id, STATUS_DOWN,
		    row->stepped_down_on, IMPORT_NOTE, cause) != 0)
			goto fail;
		/*
		 * Back with the service since status_since: a step-up on
		 * that day is what starts their clock again (rules_start).
		 * The step-down before it is not in the file, so none is
		 * made up; the reason says so in their history.
		 */
		if (row->came_back_on != DATE_NONE &&
		    store_status_change(st, row->person.id, STATUS_UP,
		    row->came_back_on, IMPORT_CAME_BACK_NOTE, cause) != 0)
			goto fail;
		if (row->archived_on != DATE_NONE &&
		    store_status_change(st, row->person.id, STATUS_ARCHIVED,
		    row->archived_on, IMPORT_NOTE, cause) != 0)
			goto fail;
	}
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

int
job_import_read(struct session *s, const char *path,
    const struct import_options *opt, struct job_import *imp,
    struct job_result *r, char **cause)
{
	size_t i;

	job_init(r);
	memset(imp, 0, sizeof *imp);
	if (*path == '\0') {
		xfail(cause, "the file name is empty; give the CSV file saved "
		    "from the spreadsheet");
		return job_refuse(r, JOB_FILE);
	}
	if (import_read(path, s->today, opt, &imp->sheet, cause) != 0)
		return job_refuse(r, JOB_FILE);
	for (i = 0; i < imp->sheet.n; i++) {
		if (imp->sheet.rows[i].stepped_down_on != DATE_NONE)
			imp->down++;
		else if (imp->sheet.rows[i].archived_on != DATE_NONE)
			imp->archived++;
	}
	return 0;
}

int
job_import(struct session *s, struct job_import *imp, int dry_run,
    struct job_result *r, char **cause)
{
	job_init(r);
	imp->present = 0;
	imp->added = 0;
	if (s->st == NULL && !dry_run)
		return xfail(cause, "the database is not open");
	if (s->st != NULL && import_find_present(s->st, imp, cause) != 0)
		return -1;
	import_sort_problems(&imp->sheet);
	if (imp->sheet.nproblems > 0) {
		xfail(cause, "%zu problem%s in the file, the first at line %d: "
		    "%s", imp->sheet.nproblems, imp->sheet.nproblems == 1 ?
		    "" : "s", imp->sheet.problems[0].line,
		    imp->sheet.problems[0].what);
		return job_refuse(r, JOB_FILE);
	}
	if (imp->sheet.n == 0) {
		xfail(cause, "the file has a header row but no young people");
		return job_refuse(r, JOB_FILE);
	}
	if (dry_run)
		return 0;
	if (import_save(s->st, &imp->sheet, cause) != 0)
		return -1;
	imp->added = imp->sheet.n;
	return 0;
}

void
job_import_free(struct job_import *imp)
{
	if (imp == NULL)
		return;
	import_sheet_free(&imp->sheet);
	memset(imp, 0, sizeof *imp);
}

/* The young people in a handover file, and what they clash with here. */
struct handover_clash {
	struct person	**in;		/* the file's people */
	size_t		  n;
	long		  clash_id;	/* a young person here ... */
	const char	 *why;		/* ... and why they are the same */
};

static int
handover_collect(const struct person *p, void *arg)
{
	struct handover_clash *hc = arg;

	hc->in = xreallocarray(hc->in, hc->n + 1, sizeof *hc->in);
	hc->in[hc->n++] = person_copy(p);
	return 0;
}

static int
handover_find_clash(const struct person *p, void *arg)
{
	struct handover_clash *hc = arg;
	size_t i;

	for (i = 0; i < hc->n; i++) {
		if (strcmp(hc->in[i]->uuid, p->uuid) == 0)
			hc->why = "the same UUID: they were handed over before";
		else if (check_duplicate(hc->in[i], p))
			hc->why = "the same name and date of birth";
		else
			continue;
		hc->clash_id = p->id;
		return 1;
	}
	return 0;
}

/*
 * Check the open handover file of h against itself and, when st is not
 * NULL, against the caseload: 0, or -1 with *cause (refused when r says
 * so).
 */
static int
handover_check(struct store *st, const char *path, struct job_handover *h,
    struct job_result *r, char **cause)
{
	struct handover_clash hc;
	size_t i;
	int rc = -1;

	memset(&hc, 0, sizeof hc);
	if (store_people_each(h->ho, STORE_EVERYONE, handover_collect, &hc,
	    cause) != 0) {
		job_refuse(r, JOB_FILE);
		goto out;
	}
	if (hc.n == 0 || hc.n != (size_t)h->info.counts.people) {
		/* store_handover_open refuses such a file; never import 0. */
		xfail(cause, "%s holds nobody caseload can import (%zu of its "
		    "%d young people can be read); ask for the file again",
		    path, hc.n, h->info.counts.people);
		job_refuse(r, JOB_FILE);
		goto out;
	}
	if (st != NULL && store_people_each(st, STORE_EVERYONE,
	    handover_find_clash, &hc, cause) != 0)
		goto out;
	if (hc.clash_id != 0) {
		h->clash_id = hc.clash_id;
		xfail(cause, "a young person in %s is already here as number "
		    "%ld (%s)", path, hc.clash_id, hc.why);
		job_refuse(r, JOB_FILE);
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < hc.n; i++)
		free(hc.in[i]);
	free(hc.in);
	return rc;
}

int
job_handover_look(struct session *s, const char *path,
    struct job_handover *h, struct job_result *r, char **cause)
{
	job_init(r);
	memset(h, 0, sizeof *h);
	h->ho = NULL;
	h->ids = NULL;
	if (*path == '\0') {
		xfail(cause, "the file name is empty; give the handover file to "
		    "import");
		return job_refuse(r, JOB_FILE);
	}
	/* The file's records get the checks of typed input, on today. */
	if (store_handover_open(path, s->today, &h->ho, &h->info, cause) != 0) {
		h->ho = NULL;
		return job_refuse(r, JOB_FILE);
	}
	r->counts = h->info.counts;
	return handover_check(s->st, path, h, r, cause);
}

int
job_handover_import(struct session *s, const char *path,
    struct job_handover *h, struct job_result *r, char **cause)
{
	if (s->st == NULL) {
		job_init(r);
		return xfail(cause, "the database is not open");
	}
	if (h->ho == NULL) {
		if (job_handover_look(s, path, h, r, cause) != 0)
			return -1;
	} else {
		/* Looked at before: again, with the caseload as it is now. */
		job_init(r);
		r->counts = h->info.counts;
		h->clash_id = 0;
		if (handover_check(s->st, path, h, r, cause) != 0)
			return -1;
	}
	free(h->ids);
	h->ids = NULL;
	h->n = 0;
	return store_handover_import(s->st, h->ho, &h->ids, &h->n, cause);
}

void
job_handover_free(struct job_handover *h)
{
	if (h == NULL)
		return;
	store_close(h->ho);
	free(h->ids);
	memset(h, 0, sizeof *h);
	h->ho = NULL;
	h->ids = NULL;
}
