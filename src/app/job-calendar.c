/* SPDX-License-Identifier: MIT */
/*
 * job-calendar.c: calendars that stay in step (job.h): each item's
 * SEQUENCE and LAST-MODIFIED kept from one export to the next, the
 * calendar as a vdir, and publishing it to a CalDAV collection.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "caldav.h"
#include "calendar.h"
#include "cause.h"
#include "job-int.h"
#include "store.h"
#include "text.h"
#include "vdir.h"
#include "xmalloc.h"

/* qsort and bsearch, for arrays that may be empty (and NULL). */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static void *
find(const void *key, const void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	return n > 0 ? bsearch(key, base, n, size, cmp) : NULL;
}

/* ------------------------------------------------------ item state */

struct job_calendar_state {
	struct store_calendar_item	*items;		/* recorded, by UID */
	size_t				 n;
	struct store_calendar_item	*made;		/* as made now */
	size_t				 nmade;
	time_t				 stamp;
};

static int
state_compare(const void *a, const void *b)
{
	return strcmp(((const struct store_calendar_item *)a)->uid,
	    ((const struct store_calendar_item *)b)->uid);
}

int
job_calendar_state_load(struct session *s, time_t stamp,
    struct job_calendar_state **out, char **cause)
{
	struct job_calendar_state *cs;

	cs = xcalloc(1, sizeof *cs);
	cs->stamp = stamp;
	if (store_calendar_items(s->st, &cs->items, &cs->n, cause) != 0) {
		free(cs);
		*out = NULL;
		return -1;
	}
	/* Sorted by the store; again here, with strcmp, to be sure. */
	sort(cs->items, cs->n, sizeof *cs->items, state_compare);
	*out = cs;
	return 0;
}

/* calendar_state_fn: the recorded state, bumped when the hash changed. */
static void
state_item(const char *uid, const char *hash, int *sequence,
    time_t *modified, void *arg)
{
	struct job_calendar_state *cs = arg;
	struct store_calendar_item key, *found, *made;

	key.uid = (char *)(uintptr_t)uid;
	found = find(&key, cs->items, cs->n, sizeof *cs->items,
	    state_compare);
	if (found != NULL && strcmp(found->hash, hash) == 0) {
		*sequence = found->sequence;
		*modified = (time_t)found->modified;
	} else {
		*sequence = found != NULL ? found->sequence + 1 : 0;
		*modified = cs->stamp;
	}
	cs->made = xreallocarray(cs->made, cs->nmade + 1, sizeof *cs->made);
	made = &cs->made[cs->nmade++];
	made->uid = xstrdup(uid);
	made->hash = xstrdup(hash);
	made->sequence = *sequence;
	made->modified = (long long)*modified;
}

void
job_calendar_state_hook(struct job_calendar_state *cs,
    struct calendar_options *opts)
{
	opts->state = state_item;
	opts->state_arg = cs;
}

int
job_calendar_state_save(struct session *s, struct job_calendar_state *cs,
    const char *uid, char **cause)
{
	struct store_calendar_item key, *found;
	size_t k;

	for (k = 0; k < cs->nmade; k++) {
		if (uid != NULL && strcmp(cs->made[k].uid, uid) != 0)
			continue;
		/* Only what differs from the record is written. */
		key.uid = cs->made[k].uid;
		found = find(&key, cs->items, cs->n, sizeof *cs->items,
		    state_compare);
		if (found != NULL && found->sequence == cs->made[k].sequence &&
		    strcmp(found->hash, cs->made[k].hash) == 0)
			continue;
		if (store_calendar_item_set(s->st, &cs->made[k], cause) != 0)
			return -1;
	}
	return 0;
}

void
job_calendar_state_free(struct job_calendar_state *cs)
{
	if (cs == NULL)
		return;
	store_calendar_items_free(cs->items, cs->n);
	store_calendar_items_free(cs->made, cs->nmade);
	free(cs);
}

/* --------------------------------------------- the items, one by one */

/* The calendar's items, each alone, sorted by UID. */
struct item_list {
	struct calendar_writer	*w;
	struct calendar_item	*items;
	size_t			 n;
};

static int
items_add(const struct agenda_entry *e, void *arg)
{
	struct item_list *l = arg;

	l->items = xreallocarray(l->items, l->n + 1, sizeof *l->items);
	calendar_item_make(l->w, e, &l->items[l->n++]);
	return 0;
}

static int
items_compare(const void *a, const void *b)
{
	return strcmp(((const struct calendar_item *)a)->uid,
	    ((const struct calendar_item *)b)->uid);
}

static void
items_free(struct item_list *l)
{
	size_t k;

	for (k = 0; k < l->n; k++)
		calendar_item_free(&l->items[k]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

/*
 * Every item of the calendar of days days from today, alone, into l,
 * with its state from cs (loaded here: free it with
 * job_calendar_state_free).
 */
static int
items_make(struct session *s, int days, int privacy, struct item_list *l,
    struct job_calendar_state **cs, char **cause)
{
	struct calendar_options opts;
	int rc;

	memset(l, 0, sizeof *l);
	calendar_options_init(&opts, &s->cfg, s->today, time(NULL));
	opts.privacy = privacy;
	if (job_calendar_state_load(s, opts.stamp, cs, cause) != 0)
		return -1;
	job_calendar_state_hook(*cs, &opts);
	if (calendar_begin(NULL, &opts, &l->w, cause) != 0)
		return -1;
	rc = views_agenda_each(s->st, &s->cfg.rules, s->today,
	    s->today + days - 1, items_add, l, cause);
	calendar_end(l->w, NULL, NULL);
	l->w = NULL;
	if (rc != 0) {
		items_free(l);
		return -1;
	}
	sort(l->items, l->n, sizeof *l->items, items_compare);
	return 0;
}

/* ------------------------------------------------------------- vdir */

int
job_export_vdir(struct session *s, const char *dir, int days, int privacy,
    struct job_vdir *out, struct job_result *r, char **cause)
{
	struct job_calendar_state *cs = NULL;
	struct item_list l;
	enum vdir_done done;
	struct stat sb;
	char **uids = NULL, **recorded = NULL;
	size_t k;
	int rc = -1;

	job_init(r);
	memset(out, 0, sizeof *out);
	memset(&l, 0, sizeof l);
	if (days < 1 || days > CALENDAR_DAYS_MAX) {
		xfail(cause, "'%d' is not a whole number from 1 to %d", days,
		    CALENDAR_DAYS_MAX);
		return job_refuse(r, JOB_DATE);
	}
	if (*dir == '\0') {
		xfail(cause, "the folder is empty; give the vdir's folder");
		return job_refuse(r, JOB_FILE);
	}
	if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		xfail(cause, "%s is not a folder; give the vdir's folder", dir);
		return job_refuse(r, JOB_FILE);
	}
	if (job_open(s, r, cause) != 0)
		return -1;
	if (items_make(s, days, privacy, &l, &cs, cause) != 0)
		goto out;
	out->items = l.n;
	if (vdir_make(dir, cause) != 0)
		goto out;
	uids = xcalloc(l.n + 1, sizeof *uids);
	for (k = 0; k < l.n; k++) {
		uids[k] = l.items[k].uid;
		if (vdir_put(dir, l.items[k].uid, l.items[k].text, &done,
		    cause) != 0)
			goto out;
		if (done == VDIR_MADE)
			out->made++;
		else if (done == VDIR_CHANGED)
			out->changed++;
	}
	/* Only files of items caseload recorded making are its own. */
	recorded = xcalloc(cs->n + 1, sizeof *recorded);
	for (k = 0; k < cs->n; k++)
		recorded[k] = cs->items[k].uid;
	if (vdir_sweep(dir, uids, l.n, recorded, cs->n, &out->removed,
	    cause) != 0)
		goto out;
	/* Every file written: what each item is now is recorded. */
	if (store_begin(s->st, cause) != 0)
		goto out;
	if (job_calendar_state_save(s, cs, NULL, cause) != 0 ||
	    store_commit(s->st, cause) != 0) {
		store_rollback(s->st);
		goto out;
	}
	rc = 0;
out:
	free(uids);
	free(recorded);
	items_free(&l);
	job_calendar_state_free(cs);
	return rc;
}

/* ---------------------------------------------------------- publish */

/* The end of the UIDs, and so the names, of caseload's items. */
#define PUBLISH_OURS "@caseload"

/* One of caseload's items on the server. */
struct server_item {
	char			*uid;
	const struct caldav_entry *entry;
};

/* Everything a publish works with. */
struct publish {
	struct session		*s;
	char			*url;		/* the collection, made one
						 * spelling (caldav_normal_url) */
	char			**old;		/* the same, spelt otherwise in
						 * records: moved to url */
	size_t			 nold;
	struct item_list	 local;		/* by UID */
	struct job_calendar_state *cs;
	struct store_caldav_item *records;	/* by UID */
	size_t			 nrecords;
	struct caldav		*dav;
	struct caldav_entry	*entries;	/* the server's list */
	size_t			 nentries;
	struct server_item	*server;	/* ours of them, by UID */
	size_t			 nserver;
	struct store_caldav_item *adopted;	/* as the server has them
						 * already: to record */
	size_t			 nadopted;
	/* What each action was sent with, beside out->items. */
	struct plan {
		const struct calendar_item	*local;
		const struct server_item	*server;
		const char			*if_match;
		char				*etag;	/* new, once done */
	}			*plan;
};

void
job_publish_free(struct job_publish *p)
{
	size_t k;

	for (k = 0; k < p->n; k++) {
		free(p->items[k].uid);
		free(p->items[k].summary);
	}
	free(p->items);
	memset(p, 0, sizeof *p);
	p->items = NULL;
}

static int
server_compare(const void *a, const void *b)
{
	return strcmp(((const struct server_item *)a)->uid,
	    ((const struct server_item *)b)->uid);
}

static int
record_compare(const void *a, const void *b)
{
	return strcmp(((const struct store_caldav_item *)a)->uid,
	    ((const struct store_caldav_item *)b)->uid);
}

static const struct server_item *
publish_server(const struct publish *p, const char *uid)
{
	struct server_item key;

	key.uid = (char *)(uintptr_t)uid;
	return find(&key, p->server, p->nserver, sizeof *p->server,
	    server_compare);
}

static const struct store_caldav_item *
publish_record(const struct publish *p, const char *uid)
{
	struct store_caldav_item key;

	key.uid = (char *)(uintptr_t)uid;
	return find(&key, p->records, p->nrecords, sizeof *p->records,
	    record_compare);
}

static const struct calendar_item *
publish_local(const struct publish *p, const char *uid)
{
	struct calendar_item key;

	snprintf(key.uid, sizeof key.uid, "%s", uid);
	return find(&key, p->local.items, p->local.n,
	    sizeof *p->local.items, items_compare);
}

/*
 * Sort the server's items named as caseload's (UID ending @caseload, and
 * directly inside the collection) by UID; the rest are counted as
 * others, never touched.  Whether one named so is this database's own
 * is for its record to say (publish_decide).
 */
static void
publish_sort_server(struct publish *p, struct job_publish *out)
{
	const char *name;
	size_t k, len, ours = strlen(PUBLISH_OURS ".ics");

	p->server = xcalloc(p->nentries + 1, sizeof *p->server);
	for (k = 0; k < p->nentries; k++) {
		name = p->entries[k].name;
		len = strlen(name);
		if (p->entries[k].elsewhere || len <= ours || strcmp(name + len - ours,
		    PUBLISH_OURS ".ics") != 0) {
			out->others++;
			continue;
		}
		p->server[p->nserver].uid = xstrndup(name, len - 4);
		p->server[p->nserver++].entry = &p->entries[k];
	}
	sort(p->server, p->nserver, sizeof *p->server, server_compare);
}

/* Add an action to the plan. */
static void
publish_plan(struct publish *p, struct job_publish *out,
    enum job_publish_action action, const char *uid,
    const struct calendar_item *local, const struct server_item *server,
    const char *if_match)
{
	struct job_publish_item *it;
	struct plan *pl;

	out->items = xreallocarray(out->items, out->n + 1, sizeof *out->items);
	p->plan = xreallocarray(p->plan, out->n + 1, sizeof *p->plan);
	it = &out->items[out->n];
	pl = &p->plan[out->n++];
	it->action = action;
	it->uid = xstrdup(uid);
	it->summary = local != NULL ? xstrdup(local->summary) : NULL;
	it->done = 0;
	it->unrecorded = 0;
	pl->local = local;
	pl->server = server;
	pl->if_match = if_match;
	pl->etag = NULL;
	switch (action) {
	case JOB_PUBLISH_CREATE:
		out->created++;
		break;
	case JOB_PUBLISH_CHANGE:
		out->changed++;
		break;
	case JOB_PUBLISH_DELETE:
		out->deleted++;
		break;
	case JOB_PUBLISH_CONFLICT:
		out->conflicts++;
		break;
	}
}

/* What the server's copy of an item of caseload's is, against the record. */
enum server_state {
	SERVER_AS_RECORDED,	/* what was last published (its ETag may
				 * have changed: the server's own doing) */
	SERVER_OURS_NOW,	/* what caseload would send now: sent by a
				 * publish that stopped before it heard back */
	SERVER_EDITED		/* changed by someone else since */
};

/*
 * Judge the server's copy sv of an item published before (rec; NULL for
 * none recorded), against l (NULL for an item no longer due): the same
 * ETag as recorded is enough; another ETag, or none recorded (a publish
 * that failed part way), the item is read and its content hashed
 * (calendar_text_hash).  With no record, only what caseload would send
 * now is its own.
 */
static int
publish_judge(struct publish *p, const struct server_item *sv,
    const struct store_caldav_item *rec, const struct calendar_item *l,
    enum server_state *out, char **cause)
{
	char hash[CALENDAR_HASH_SIZE], *text;

	*out = SERVER_AS_RECORDED;
	if (rec != NULL && *rec->etag != '\0' &&
	    strcmp(rec->etag, sv->entry->etag) == 0)
		return 0;
	if (caldav_get(p->dav, sv->entry->name, &text, cause) != 0)
		return -1;
	if (calendar_text_hash(text, hash, sizeof hash) != 0)
		*out = SERVER_EDITED;
	else if (l != NULL && strcmp(hash, l->hash) == 0)
		*out = SERVER_OURS_NOW;
	else if (rec == NULL || strcmp(hash, rec->hash) != 0)
		*out = SERVER_EDITED;
	free(text);
	return 0;
}

/* Keep the server's ETag of an item that needs nothing sent, to record. */
static void
publish_adopt(struct publish *p, const struct server_item *sv,
    const struct calendar_item *l)
{
	struct store_caldav_item *a;

	p->adopted = xreallocarray(p->adopted, p->nadopted + 1,
	    sizeof *p->adopted);
	a = &p->adopted[p->nadopted++];
	a->uid = xstrdup(l->uid);
	a->href = xasprintf("%s.ics", l->uid);
	a->etag = xstrdup(sv->entry->etag);
	a->hash = xstrdup(l->hash);
}

/* Decide what to do with an item due that the server has. */
static int
publish_decide_one(struct publish *p, int force,
    const struct calendar_item *l, const struct server_item *sv,
    struct job_publish *out, char **cause)
{
	const struct store_caldav_item *rec = publish_record(p, l->uid);
	const char *etag = *sv->entry->etag != '\0' ? sv->entry->etag : "*";
	enum server_state state;

	/*
	 * One the server has but no publish from here recorded (sent by a
	 * publish that stopped before it heard back, or by another
	 * database) is left unless it is what caseload would send now.
	 */
	if (publish_judge(p, sv, rec, l, &state, cause) != 0)
		return -1;
	if (state == SERVER_OURS_NOW || (state == SERVER_AS_RECORDED &&
	    strcmp(rec->hash, l->hash) == 0)) {
		out->unchanged++;
		if (rec == NULL || strcmp(rec->etag, sv->entry->etag) != 0)
			publish_adopt(p, sv, l);
	} else if (state == SERVER_EDITED && !force) {
		publish_plan(p, out, JOB_PUBLISH_CONFLICT, l->uid, l, sv, NULL);
		out->items[out->n - 1].unrecorded = rec == NULL;
	} else
		publish_plan(p, out, JOB_PUBLISH_CHANGE, l->uid, l, sv, etag);
	return 0;
}

/* Decide what to do with each item, due or on the server. */
static int
publish_decide(struct publish *p, int force, struct job_publish *out,
    char **cause)
{
	const struct calendar_item *l;
	const struct server_item *sv;
	const struct store_caldav_item *rec;
	enum server_state state;
	size_t k;

	for (k = 0; k < p->local.n; k++) {
		l = &p->local.items[k];
		if ((sv = publish_server(p, l->uid)) == NULL)
			publish_plan(p, out, JOB_PUBLISH_CREATE, l->uid, l,
			    NULL, NULL);
		else if (publish_decide_one(p, force, l, sv, out, cause) != 0)
			return -1;
	}
	for (k = 0; k < p->nserver; k++) {
		sv = &p->server[k];
		if (publish_local(p, sv->uid) != NULL)
			continue;
		/* Named as caseload's, but not published from here. */
		if ((rec = publish_record(p, sv->uid)) == NULL) {
			out->others++;
			out->unrecorded++;
			continue;
		}
		state = SERVER_AS_RECORDED;
		if ((!force || *rec->etag == '\0') &&
		    publish_judge(p, sv, rec, NULL, &state, cause) != 0)
			return -1;
		if (state == SERVER_EDITED)
			publish_plan(p, out, JOB_PUBLISH_CONFLICT, sv->uid,
			    NULL, sv, NULL);
		else
			publish_plan(p, out, JOB_PUBLISH_DELETE, sv->uid, NULL,
			    sv, sv->entry->etag);
	}
	return 0;
}

/*
 * Send the plan, request by request; stops at the first failure (-1
 * with *cause).  A 412 (changed meanwhile) turns the action into a
 * conflict.
 */
static int
publish_send(struct session *s, struct publish *p, struct job_publish *out,
    char **cause)
{
	struct job_publish_item *it;
	struct plan *pl;
	enum caldav_result res;
	size_t k, total = out->n - out->conflicts, sent = 0;
	char *name;

	for (k = 0; k < out->n; k++) {
		it = &out->items[k];
		pl = &p->plan[k];
		if (it->action == JOB_PUBLISH_CONFLICT)
			continue;
		if (it->action == JOB_PUBLISH_DELETE)
			res = caldav_delete(p->dav, pl->server->entry->name,
			    pl->if_match, cause);
		else {
			name = xasprintf("%s.ics", it->uid);
			res = caldav_put(p->dav, name, pl->local->text,
			    pl->if_match, &pl->etag, cause);
			free(name);
		}
		out->requests++;
		job_progress(s, "items", ++sent, total);
		if (res == CALDAV_FAILED)
			return -1;
		if (res == CALDAV_CHANGED) {
			/* A new one whose name is taken already. */
			it->unrecorded = it->action == JOB_PUBLISH_CREATE;
			if (it->action == JOB_PUBLISH_CREATE)
				out->created--;
			else if (it->action == JOB_PUBLISH_CHANGE)
				out->changed--;
			else
				out->deleted--;
			it->action = JOB_PUBLISH_CONFLICT;
			out->conflicts++;
			continue;
		}
		it->done = 1;
	}
	return 0;
}

/*
 * The ETags the server did not give with its answers to PUT: listed
 * again.  Failing here only leaves them unknown.
 */
static void
publish_refresh(struct publish *p, struct job_publish *out)
{
	struct caldav_entry *list;
	size_t k, j, n, len;
	char *why = NULL;
	int missing = 0;

	for (k = 0; k < out->n; k++) {
		if (out->items[k].done && p->plan[k].etag == NULL &&
		    out->items[k].action != JOB_PUBLISH_DELETE)
			missing = 1;
	}
	if (!missing || caldav_list(p->dav, &list, &n, &why) != 0) {
		free(why);
		return;
	}
	for (k = 0; k < out->n; k++) {
		if (!out->items[k].done || p->plan[k].etag != NULL)
			continue;
		len = strlen(out->items[k].uid);
		for (j = 0; j < n; j++) {
			if (!list[j].elsewhere &&
			    strncmp(list[j].name, out->items[k].uid, len) ==
			    0 && strcmp(list[j].name + len, ".ics") == 0) {
				p->plan[k].etag = xstrdup(list[j].etag);
				break;
			}
		}
	}
	caldav_entries_free(list, n);
}

/*
 * Record what was sent, and forget records of items neither caseload
 * nor the server has any more: one transaction.
 */
static int
publish_record_all(struct publish *p, struct job_publish *out, char **cause)
{
	struct store_caldav_item rec;
	const struct job_publish_item *it;
	char empty[1] = "";
	size_t k;

	if (store_begin(p->s->st, cause) != 0)
		return -1;
	for (k = 0; k < p->nold; k++) {
		if (store_caldav_move(p->s->st, p->old[k], p->url, cause) != 0)
			goto fail;
	}
	for (k = 0; k < out->n; k++) {
		it = &out->items[k];
		if (!it->done)
			continue;
		rec.uid = it->uid;
		rec.href = xasprintf("%s.ics", it->uid);
		rec.etag = it->action == JOB_PUBLISH_DELETE ? NULL :
		    p->plan[k].etag != NULL ? p->plan[k].etag : empty;
		rec.hash = p->plan[k].local != NULL ?
		    (char *)(uintptr_t)p->plan[k].local->hash : empty;
		if (store_caldav_item_set(p->s->st, p->url, &rec, cause) != 0 ||
		    (p->plan[k].local != NULL && job_calendar_state_save(p->s,
		    p->cs, it->uid, cause) != 0)) {
			free(rec.href);
			goto fail;
		}
		free(rec.href);
	}
	for (k = 0; k < p->nadopted; k++) {
		if (store_caldav_item_set(p->s->st, p->url, &p->adopted[k],
		    cause) != 0 || job_calendar_state_save(p->s, p->cs,
		    p->adopted[k].uid, cause) != 0)
			goto fail;
	}
	for (k = 0; k < p->nrecords; k++) {
		if (publish_local(p, p->records[k].uid) != NULL ||
		    publish_server(p, p->records[k].uid) != NULL)
			continue;
		rec.uid = p->records[k].uid;
		rec.etag = NULL;
		if (store_caldav_item_set(p->s->st, p->url, &rec, cause) != 0)
			goto fail;
	}
	return store_commit(p->s->st, cause);

fail:
	store_rollback(p->s->st);
	return -1;
}

/* Free what p holds. */
static void
publish_clear(struct publish *p, size_t nplan)
{
	size_t k;

	items_free(&p->local);
	job_calendar_state_free(p->cs);
	free(p->url);
	for (k = 0; k < p->nold; k++)
		free(p->old[k]);
	free(p->old);
	store_caldav_items_free(p->records, p->nrecords);
	store_caldav_items_free(p->adopted, p->nadopted);
	caldav_close(p->dav);
	caldav_entries_free(p->entries, p->nentries);
	for (k = 0; k < p->nserver; k++)
		free(p->server[k].uid);
	free(p->server);
	for (k = 0; k < nplan; k++)
		free(p->plan[k].etag);
	free(p->plan);
}

/*
 * What was published to the collection, whatever spelling of its
 * address it was recorded under (an older caseload kept [caldav] url as
 * written): a record under p->url wins.  The other spellings are kept in
 * p->old, to be moved with the next record.
 */
static int
publish_records(struct publish *p, char **cause)
{
	struct store_caldav_item *more;
	char **urls, *normal, *why = NULL;
	size_t k, j, n, nmore, base;
	int rc = -1;

	if (store_caldav_items(p->s->st, p->url, &p->records, &p->nrecords,
	    cause) != 0 || store_caldav_urls(p->s->st, &urls, &n, cause) != 0)
		return -1;
	for (k = 0; k < n; k++) {
		if (strcmp(urls[k], p->url) == 0 ||
		    caldav_normal_url(urls[k], &normal, NULL, NULL, &why) != 0) {
			free(why);
			why = NULL;
			continue;
		}
		if (strcmp(normal, p->url) == 0) {
			p->old = xreallocarray(p->old, p->nold + 1,
			    sizeof *p->old);
			p->old[p->nold++] = xstrdup(urls[k]);
		}
		free(normal);
	}
	for (k = 0; k < p->nold; k++) {
		sort(p->records, p->nrecords, sizeof *p->records,
		    record_compare);
		if (store_caldav_items(p->s->st, p->old[k], &more, &nmore,
		    cause) != 0)
			goto out;
		base = p->nrecords;
		for (j = 0; j < nmore; j++) {
			if (find(&more[j], p->records, base,
			    sizeof *p->records, record_compare) != NULL)
				continue;
			p->records = xreallocarray(p->records, p->nrecords + 1,
			    sizeof *p->records);
			p->records[p->nrecords++] = more[j];
			memset(&more[j], 0, sizeof more[j]);
		}
		store_caldav_items_free(more, nmore);
	}
	sort(p->records, p->nrecords, sizeof *p->records, record_compare);
	rc = 0;
out:
	for (k = 0; k < n; k++)
		free(urls[k]);
	free(urls);
	return rc;
}

/* The settings a publish needs, checked before anything is done. */
static int
publish_settings(struct session *s, struct job_result *r, char **cause)
{
	const struct config *cfg = &s->cfg;

	if (caldav_check_url(cfg->caldav_url, cfg->caldav_allow_http,
	    cause) != 0)
		return job_refuse(r, JOB_SETTING);
	if (text_is_blank(cfg->caldav_password_command) &&
	    !text_is_blank(cfg->caldav_username)) {
		xfail(cause, "[caldav] password_command is not set; set it to a "
		    "command that prints the password, such as: pass show "
		    "caseload");
		return job_refuse(r, JOB_SETTING);
	}
	return 0;
}

int
job_publish(struct session *s, int days, int dry_run, int force,
    struct job_publish *out,
    struct job_result *r, char **cause)
{
	struct publish p;
	char *password = NULL, *why = NULL;
	size_t k;
	int rc = -1, sent;

	job_init(r);
	memset(out, 0, sizeof *out);
	out->items = NULL;
	memset(&p, 0, sizeof p);
	p.s = s;
	if (days < 1 || days > CALENDAR_DAYS_MAX) {
		xfail(cause, "'%d' is not a whole number from 1 to %d", days,
		    CALENDAR_DAYS_MAX);
		return job_refuse(r, JOB_DATE);
	}
	if (publish_settings(s, r, cause) != 0)
		return -1;
	if (caldav_normal_url(s->cfg.caldav_url, &p.url, NULL, NULL,
	    cause) != 0)
		return job_refuse(r, JOB_SETTING);
	if (job_open(s, r, cause) != 0) {
		free(p.url);
		return -1;
	}
	if (items_make(s, days, s->cfg.privacy, &p.local, &p.cs, cause) != 0 ||
	    publish_records(&p, cause) != 0)
		goto out;
	if (!text_is_blank(s->cfg.caldav_password_command) &&
	    caldav_password(s->cfg.caldav_password_command, &password,
	    cause) != 0)
		goto out;
	rc = caldav_open(p.url, s->cfg.caldav_username, password,
	    s->cfg.caldav_timeout, &p.dav, cause);
	caldav_password_free(password);
	if (rc != 0 || (rc = caldav_list(p.dav, &p.entries, &p.nentries,
	    cause)) != 0) {
		rc = -1;
		goto out;
	}
	publish_sort_server(&p, out);
	if (publish_decide(&p, force, out, cause) != 0) {
		rc = -1;
		goto out;
	}
	if (dry_run) {
		rc = 0;
		goto out;
	}
	rc = publish_send(s, &p, out, cause);
	if (rc == 0)
		publish_refresh(&p, out);
	/* What was sent is recorded, also when the server failed. */
	sent = rc == 0 || p.nadopted > 0 || p.nold > 0;
	for (k = 0; k < out->n; k++)
		sent |= out->items[k].done;
	if (sent && publish_record_all(&p, out, rc == 0 ? cause : &why) != 0) {
		if (rc == 0)
			rc = -1;
		free(why);
	}
out:
	publish_clear(&p, out->n);
	return rc;
}
