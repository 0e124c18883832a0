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
#include "job-int.h"
#include "text.h"
#include "xmalloc.h"

/*
 * A young person by date of birth and folded name (text_fold: ignoring
 * case, accents and spaces, as names saved before they were tidied may
 * hold more), each name folded once, sorted to be searched.
 */
struct import_key {
	date_t		 dob;
	char		*fold;
	size_t		 i;		/* which row, or which person */
};

static int
import_key_compare(const void *a, const void *b)
{
	const struct import_key *ka = a, *kb = b;

	if (ka->dob != kb->dob)
		return ka->dob < kb->dob ? -1 : 1;
	return strcmp(ka->fold, kb->fold);
}

/* n keys, of names[i] and dobs[i], sorted; free with import_keys_free. */
static struct import_key *
import_keys(const struct person *const *people, size_t n)
{
	struct import_key *keys;
	size_t i;

	keys = xreallocarray(NULL, n ? n : 1, sizeof *keys);
	for (i = 0; i < n; i++) {
		keys[i].dob = people[i]->facts.dob;
		keys[i].fold = text_fold(people[i]->name != NULL ?
		    people[i]->name : "");
		keys[i].i = i;
	}
	qsort(keys, n, sizeof *keys, import_key_compare);
	return keys;
}

static void
import_keys_free(struct import_key *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(keys[i].fold);
	free(keys);
}

/* The key of the same young person as p (check_duplicate), or NULL. */
static const struct import_key *
import_keys_find(const struct import_key *keys, size_t n,
    const struct person *p)
{
	struct import_key key;
	const struct import_key *found;

	if (p->name == NULL || n == 0)
		return NULL;
	key.dob = p->facts.dob;
	key.fold = text_fold(p->name);
	found = bsearch(&key, keys, n, sizeof *keys, import_key_compare);
	free(key.fold);
	return found;
}

/* The rows of a sheet by date of birth and name, to find who is here. */
struct import_match {
	struct job_import	 *imp;
	struct import_key	 *keys;
	size_t			  everyone;	/* young people read */
};

/* Is someone already in the database also in the sheet? */
static int
import_match_person(const struct person *p, void *arg)
{
	struct import_match *m = arg;
	const struct import_key *found;

	m->everyone++;
	found = import_keys_find(m->keys, m->imp->sheet.n, p);
	if (found != NULL) {
		m->imp->present++;
		import_problem(&m->imp->sheet,
		    m->imp->sheet.rows[found->i].line, "already on "
		    "your caseload as number %ld (same name and date of "
		    "birth); take the row out, or change their details with "
		    "'caseload edit %ld'", p->id, p->id);
	}
	return 0;
}

/*
 * Find the rows that match someone in the database, reading everyone
 * once and looking each up among the sorted rows; -1 on failure.
 */
static int
import_find_present(struct store *st, struct job_import *imp,
    size_t *everyone, char **cause)
{
	struct import_match m;
	const struct person **people;
	size_t i;
	int rc;

	if (imp->sheet.n == 0)
		return 0;
	people = xreallocarray(NULL, imp->sheet.n, sizeof *people);
	for (i = 0; i < imp->sheet.n; i++)
		people[i] = &imp->sheet.rows[i].person;
	m.imp = imp;
	m.everyone = 0;
	m.keys = import_keys(people, imp->sheet.n);
	free(people);
	rc = store_people_each(st, STORE_EVERYONE, import_match_person, &m,
	    cause);
	import_keys_free(m.keys, imp->sheet.n);
	*everyone = m.everyone;
	return rc;
}

/*
 * What a row keeps with the young person it added (set on the day of the
 * import, as the commands would set them): its safety flags, by the
 * worker, a note about them, their social worker and an agreed action;
 * in the import's transaction, through the statements the commands use (prepared once).
 */
static int
import_save_more(struct session *s, const struct import_row *row,
    char **cause)
{
	const struct import_more *more = row->more;
	struct flag f;
	struct around_note n;
	struct around_person a;
	struct action act;
	struct accommodation home;
	size_t i;

	for (i = 0; i < more->nflags; i++) {
		memset(&f, 0, sizeof f);
		f.person_id = row->person.id;
		f.kind = more->flags[i];
		f.note = more->flag_note;
		f.set_on = s->today;
		f.ended_on = DATE_NONE;
		f.set_by = job_flag_by(s);
		if (store_flag_add(s->st, &f, cause) != 0)
			return -1;
	}
	if (more->note != NULL) {
		memset(&n, 0, sizeof n);
		n.person_id = row->person.id;
		n.on = s->today;
		n.text = more->note;
		n.struck_on = DATE_NONE;
		if (store_note_add(s->st, &n, cause) != 0)
			return -1;
	}
	if (more->social_worker != NULL) {
		memset(&a, 0, sizeof a);
		a.person_id = row->person.id;
		a.role = ROLE_SOCIAL_WORKER;
		a.name = more->social_worker;
		a.phone = more->sw_phone;
		a.email = more->sw_email;
		a.since = s->today;
		a.ended_on = DATE_NONE;
		if (store_around_add(s->st, &a, cause) != 0)
			return -1;
	}
	if (more->action != NULL) {
		memset(&act, 0, sizeof act);
		act.person_id = row->person.id;
		act.text = more->action;
		act.who = more->action_who;
		act.agreed_on = s->today;
		act.due_on = more->action_due;
		act.state = ACTION_OPEN;
		act.closed_on = DATE_NONE;
		if (store_action_add(s->st, &act, cause) != 0)
			return -1;
	}
	if (more->has_home) {
		home = more->home;
		home.person_id = row->person.id;
		if (store_accommodation_add(s->st, &home, cause) != 0)
			return -1;
	}
	return 0;
}

/* From this many new rows (and more than are here), indexes are built after. */
#define IMPORT_BATCH_ROWS 2000

/*
 * Add every row, in one transaction, each with their history and summary
 * as they are written (store_person_new); sets the rows' numbers.
 */
static int
import_save(struct session *s, struct import_sheet *sheet, size_t everyone,
    char **cause)
{
	struct import_row *row;
	size_t i;
	int batch, bulk = 0, rc;

	/*
	 * Many more than are here already: the indexes are built once, after
	 * the rows, rather than row by row (and are there again before the
	 * transaction ends, whatever happens); and, when nobody else has the
	 * caseload open, the transaction is kept safe by a rollback journal
	 * instead of the write-ahead log, so that its pages are written once
	 * rather than to the log and then again to the file.
	 */
	batch = sheet->n >= IMPORT_BATCH_ROWS && sheet->n > everyone;
	if (batch)
		bulk = store_people_journal(s->st, 1);
	if (store_begin(s->st, cause) != 0) {
		rc = -1;
		goto out;
	}
	if (batch && store_people_batch_begin(s->st, cause) != 0)
		goto fail;
	for (i = 0; i < sheet->n; i++) {
		row = &sheet->rows[i];
		if (store_person_new(s->st, &row->person, row->last_contact,
		    row->stepped_down_on, IMPORT_NOTE, cause) != 0)
			goto fail;
		/*
		 * Back with the service since status_since: a step-up on
		 * that day is what starts their clock again (rules_start).
		 * The step-down before it is not in the file, so none is
		 * made up; the reason says so in their history.
		 */
		if (row->came_back_on != DATE_NONE &&
		    store_status_change(s->st, row->person.id, STATUS_UP,
		    row->came_back_on, IMPORT_CAME_BACK_NOTE, cause) != 0)
			goto fail;
		if (row->archived_on != DATE_NONE &&
		    store_status_change(s->st, row->person.id, STATUS_ARCHIVED,
		    row->archived_on, IMPORT_NOTE, cause) != 0)
			goto fail;
		if (row->more != NULL && import_save_more(s, row, cause) != 0)
			goto fail;
		job_progress(s, "rows", i + 1, sheet->n);
	}
	if (batch && store_people_batch_end(s->st, cause) != 0)
		goto fail;
	rc = store_commit(s->st, cause);
	goto out;

fail:
	store_rollback(s->st);
	rc = -1;
out:
	if (bulk)
		store_people_journal(s->st, 0);
	return rc;
}

int
job_import_read(struct session *s, const char *path,
    const struct import_options *opt, struct job_import *imp,
    struct job_result *r, char **cause)
{
	const struct import_more *more;
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
		if ((more = imp->sheet.rows[i].more) != NULL) {
			imp->flags += more->nflags;
			imp->notes += more->note != NULL;
			imp->social_workers += more->social_worker != NULL;
			imp->actions += more->action != NULL;
		}
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
	size_t everyone = 0;

	job_init(r);
	imp->present = 0;
	imp->added = 0;
	if (s->st == NULL && !dry_run)
		return xfail(cause, "the database is not open");
	if (s->st != NULL &&
	    import_find_present(s->st, imp, &everyone, cause) != 0)
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
	if (import_save(s, &imp->sheet, everyone, cause) != 0)
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
	char		**uuids;	/* their UUIDs, sorted */
	struct import_key *keys;	/* their names and births, sorted */
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
handover_uuid_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort the file's people by UUID and by name and birth, to be searched. */
static void
handover_index(struct handover_clash *hc)
{
	size_t i;

	hc->uuids = xreallocarray(NULL, hc->n ? hc->n : 1, sizeof *hc->uuids);
	for (i = 0; i < hc->n; i++)
		hc->uuids[i] = hc->in[i]->uuid;
	qsort(hc->uuids, hc->n, sizeof *hc->uuids, handover_uuid_compare);
	hc->keys = import_keys((const struct person *const *)hc->in, hc->n);
}

/* Is someone here also in the file (check_duplicate, or their UUID)? */
static int
handover_find_clash(const struct person *p, void *arg)
{
	struct handover_clash *hc = arg;
	const char *uuid = p->uuid;

	if (bsearch(&uuid, hc->uuids, hc->n, sizeof *hc->uuids,
	    handover_uuid_compare) != NULL)
		hc->why = "the same UUID: they were handed over before";
	else if (import_keys_find(hc->keys, hc->n, p) != NULL)
		hc->why = "the same name and date of birth";
	else
		return 0;
	hc->clash_id = p->id;
	return 1;
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
	handover_index(&hc);
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
	if (hc.keys != NULL)
		import_keys_free(hc.keys, hc.n);
	free(hc.uuids);
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

/* How many young people of a handover are in, for the face. */
static void
handover_progress(size_t done, size_t total, void *arg)
{
	job_progress(arg, "young people", done, total);
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
	return store_handover_import(s->st, h->ho, &h->ids, &h->n,
	    handover_progress, s, cause);
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
