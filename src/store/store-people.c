/* SPDX-License-Identifier: MIT */
/*
 * store-people.c: young people and their status history.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "cause.h"
#include "rules.h"
#include "store-int.h"
#include "text.h"
#include "xmalloc.h"

#define PERSON_COLUMNS_KEPT \
	"id, uuid, name, preferred_name, dob, phone, email, address," \
	" interval_weeks, allocated_on, status, status_since, last_contact," \
	" last_letter, last_review, attempts"
#define PERSON_COLUMNS PERSON_COLUMNS_KEPT ", " STORE_FLAGGED
/* The same from a file of a schema before STORE_VERSION_FLAGS, */
#define PERSON_COLUMNS_UNFLAGGED PERSON_COLUMNS_KEPT ", 0 AS flagged"
/* and before STORE_VERSION_URGENT. */
#define PERSON_COLUMNS_OLD \
	"id, uuid, name, preferred_name, dob, phone, email, address," \
	" interval_weeks, allocated_on, status, status_since, last_contact," \
	" last_letter, last_review, 0, 0 AS flagged"

void
store_read_person(sqlite3_stmt *stmt, struct person *p)
{
	memset(p, 0, sizeof *p);
	p->id = (long)sqlite3_column_int64(stmt, 0);
	snprintf(p->uuid, sizeof p->uuid, "%s", store_column_required(stmt, 1));
	/* Never NULL: every list and page measures and compares names. */
	p->name = store_column_required(stmt, 2);
	p->preferred_name = store_column_text(stmt, 3);
	p->facts.dob = store_column_date(stmt, 4);
	p->phone = store_column_text(stmt, 5);
	p->email = store_column_text(stmt, 6);
	p->address = store_column_text(stmt, 7);
	/* Out of range is the default, as for a week count never set. */
	p->facts.interval_weeks = store_column_int(stmt, 8, 1, 52, 0);
	p->facts.allocated_on = store_column_date(stmt, 9);
	if (person_status_from_name(store_column_required(stmt, 10),
	    &p->facts.status) != 0)
		p->facts.status = STATUS_UP;
	p->facts.status_since = store_column_date(stmt, 11);
	p->facts.last_contact = store_column_date(stmt, 12);
	p->facts.last_letter = store_column_date(stmt, 13);
	p->facts.last_review = store_column_date(stmt, 14);
	p->facts.attempts = store_column_int(stmt, 15, 0, INT_MAX, 0);
	p->flagged = store_column_flagged(stmt);
}

int
store_column_flagged(sqlite3_stmt *stmt)
{
	const char *name;
	int i, n = sqlite3_column_count(stmt);

	for (i = 16; i < n; i++) {
		name = sqlite3_column_name(stmt, i);
		if (name != NULL && strcmp(name, "flagged") == 0)
			return sqlite3_column_int(stmt, i) != 0;
	}
	return 0;
}

int
store_people_each(struct store *st, unsigned which, store_person_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT " PERSON_COLUMNS " FROM people"
	    " WHERE (status = 'up' AND ?1) OR (status = 'down' AND ?2)"
	    " OR (status = 'archived' AND ?3) ORDER BY id";
	/* An older handover file, read as it is, keeps no attempts. */
	static const char old_sql[] = "SELECT " PERSON_COLUMNS_OLD
	    " FROM people WHERE (status = 'up' AND ?1)"
	    " OR (status = 'down' AND ?2) OR (status = 'archived' AND ?3)"
	    " ORDER BY id";
	static const char unflagged_sql[] = "SELECT " PERSON_COLUMNS_UNFLAGGED
	    " FROM people WHERE (status = 'up' AND ?1)"
	    " OR (status = 'down' AND ?2) OR (status = 'archived' AND ?3)"
	    " ORDER BY id";
	sqlite3_stmt *stmt = store_prepare(st, st->version > 0 &&
	    st->version < STORE_VERSION_URGENT ? old_sql : st->version > 0 &&
	    st->version < STORE_VERSION_FLAGS ? unflagged_sql : sql, cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 1, (which & STORE_UP) != 0);
	sqlite3_bind_int(stmt, 2, (which & STORE_DOWN) != 0);
	sqlite3_bind_int(stmt, 3, (which & STORE_ARCHIVED) != 0);
	return store_people_run(st, stmt, cb, arg, cause) < 0 ? -1 : 0;
}

int
store_people_named(struct store *st, unsigned which, const char *text,
    store_person_cb cb, void *arg, char **cause)
{
	static const char sql[] = "SELECT " PERSON_COLUMNS " FROM people"
	    " WHERE ((status = 'up' AND ?1) OR (status = 'down' AND ?2)"
	    " OR (status = 'archived' AND ?3)) AND " STORE_NAME_HOLDS("?4")
	    " ORDER BY id";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 1, (which & STORE_UP) != 0);
	sqlite3_bind_int(stmt, 2, (which & STORE_DOWN) != 0);
	sqlite3_bind_int(stmt, 3, (which & STORE_ARCHIVED) != 0);
	sqlite3_bind_text(stmt, 4, text_fold(text), -1, free);
	return store_people_run(st, stmt, cb, arg, cause) < 0 ? -1 : 0;
}

/* A callback of store_people_complete's, counting the rows it is given. */
struct store_counted {
	store_person_cb	 cb;
	void		*arg;
	int		*limit;
};

static int
store_counted_person(const struct person *p, void *arg)
{
	struct store_counted *c = arg;

	(*c->limit)--;
	return c->cb(p, c->arg);
}

/*
 * Step through a statement of store_people_complete, visiting each row
 * and counting it off *limit; 1 when the callback stopped, 0 when done,
 * -1 with *cause.
 */
static int
store_complete_run(struct store *st, sqlite3_stmt *stmt, int *limit,
    store_person_cb cb, void *arg, char **cause)
{
	struct store_counted c = { cb, arg, limit };

	return store_people_run(st, stmt, store_counted_person, &c, cause);
}

int
store_people_complete(struct store *st, const char *text, int limit,
    store_person_cb cb, void *arg, char **cause)
{
	/*
	 * Numbers by ranges of rowids (12: 12, 120-129, 1200-1299...);
	 * names read in the table's order ("status != ..." keeps SQLite
	 * from the status index and a sort), so LIMIT stops them early.
	 */
	static const char *const numbered[2] = {
		"SELECT " PERSON_COLUMNS " FROM people WHERE status != 'archived'"
		" AND id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3",
		"SELECT " PERSON_COLUMNS " FROM people WHERE status = 'archived'"
		" AND id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3"
	};
	static const char *const named[2] = {
		"SELECT " PERSON_COLUMNS " FROM people WHERE status != 'archived'"
		" AND " STORE_NAME_HOLDS("?1") " ORDER BY id LIMIT ?2",
		"SELECT " PERSON_COLUMNS " FROM people WHERE status = 'archived'"
		" AND " STORE_NAME_HOLDS("?1") " ORDER BY id LIMIT ?2"
	};
	sqlite3_stmt *stmt;
	const char *p;
	long long lo, hi;
	long last = 0;
	int archived, rc = 0;

	for (p = text; *p >= '0' && *p <= '9'; p++)
		;
	if (*p == '\0' && (p - text > 18 || *text == '0'))
		return 0;	/* no number is that long, or starts with 0 */
	if (*p == '\0' && store_people_last_id(st, &last, cause) != 0)
		return -1;
	for (archived = 0; archived < 2 && limit > 0 && rc == 0; archived++) {
		if (*p != '\0') {
			if ((stmt = store_prepare(st, named[archived],
			    cause)) == NULL)
				return -1;
			sqlite3_bind_text(stmt, 1, text_fold(text), -1, free);
			sqlite3_bind_int(stmt, 2, limit);
			rc = store_complete_run(st, stmt, &limit, cb, arg,
			    cause);
			continue;
		}
		lo = hi = *text == '\0' ? 0 : strtoll(text, NULL, 10);
		if (*text == '\0')
			hi = last;
		while (lo <= last && limit > 0 && rc == 0) {
			if ((stmt = store_prepare(st, numbered[archived],
			    cause)) == NULL)
				return -1;
			sqlite3_bind_int64(stmt, 1, lo);
			sqlite3_bind_int64(stmt, 2, hi);
			sqlite3_bind_int(stmt, 3, limit);
			rc = store_complete_run(st, stmt, &limit, cb, arg,
			    cause);
			if (*text == '\0' || lo > last / 10)
				break;
			lo *= 10;
			hi = hi * 10 + 9;
		}
	}
	return rc < 0 ? -1 : 0;
}

int
store_person_get(struct store *st, long id, struct person **out, char **cause)
{
	static const char sql[] = "SELECT " PERSON_COLUMNS
	    " FROM people WHERE id = ?1";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	struct person p;
	int rc;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		store_read_person(stmt, &p);
		*out = person_copy(&p);
	}
	store_done(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(st, cause, "reading a young person");
}

/*
 * A new random (version 4) UUID, from the kernel's random bytes, asked
 * for a pool at a time (an import makes one for every row), each byte used
 * once.
 */
static int
store_new_uuid(struct store *st, char *out, char **cause)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	size_t i;
	ssize_t n;

	if (st->nrandom < sizeof b) {
		st->nrandom = 0;
		while (st->nrandom < sizeof st->random) {
			n = getrandom(st->random + st->nrandom,
			    sizeof st->random - st->nrandom, 0);
			if (n < 0) {
				st->nrandom = 0;
				return xfail(cause, "cannot make a random UUID");
			}
			st->nrandom += (size_t)n;
		}
	}
	st->nrandom -= sizeof b;
	memcpy(b, st->random + st->nrandom, sizeof b);
	explicit_bzero(st->random + st->nrandom, sizeof b);
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	/* By hand, as snprintf would (an import makes one for every row). */
	for (i = 0; i < sizeof b; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*out++ = '-';
		*out++ = hex[b[i] >> 4];
		*out++ = hex[b[i] & 0x0f];
	}
	*out = '\0';
	return 0;
}

/* Bind the details of p shared by add and update, from index 1. */
static void
store_bind_details(sqlite3_stmt *stmt, const struct person *p)
{
	store_bind_text(stmt, 1, p->name);
	store_bind_text(stmt, 2, p->preferred_name);
	store_bind_date(stmt, 3, p->facts.dob);
	store_bind_text(stmt, 4, p->phone);
	store_bind_text(stmt, 5, p->email);
	store_bind_text(stmt, 6, p->address);
	if (p->facts.interval_weeks > 0)
		sqlite3_bind_int(stmt, 7, p->facts.interval_weeks);
	else
		sqlite3_bind_null(stmt, 7);
	store_bind_date(stmt, 8, p->facts.allocated_on);
}

/* Insert a status history row (within a transaction). */
static int
store_insert_status(struct store *st, long person_id, enum status status,
    date_t on, const char *reason, char **cause)
{
	static const char sql[] = "INSERT INTO status_changes"
	    " (person_id, status, on_date, reason, recorded_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	store_bind_text(stmt, 2, person_status_name(status));
	store_bind_date(stmt, 3, on);
	store_bind_text(stmt, 4, reason);
	store_bind_text(stmt, 5, store_stamp(st));
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "saving the status");
	return 0;
}

int
store_person_add(struct store *st, struct person *p, char **cause)
{
	static const char sql[] = "INSERT INTO people (name, preferred_name,"
	    " dob, phone, email, address, interval_weeks, allocated_on, uuid,"
	    " status, status_since) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	    " 'up', ?8)";
	sqlite3_stmt *stmt;
	int rc;

	if (p->uuid[0] == '\0' && store_new_uuid(st, p->uuid, cause) != 0)
		return -1;
	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		goto fail;
	store_bind_details(stmt, p);
	store_bind_text(stmt, 9, p->uuid);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, cause, "adding a young person");
		goto fail;
	}
	p->id = (long)sqlite3_last_insert_rowid(st->db);
	if (store_insert_status(st, p->id, STATUS_UP, p->facts.allocated_on,
	    "allocated", cause) != 0 ||
	    store_refresh_person(st, p->id, cause) != 0)
		goto fail;
	p->facts.status = STATUS_UP;
	p->facts.status_since = p->facts.allocated_on;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

/*
 * The summary columns of a young person who is only what store_person_new
 * saves: the allocation row of history, then perhaps a row stepped down,
 * and perhaps one contact.  The same answers store_refresh_person would
 * read back from those rows (the latest status by date, the later row on
 * the same day; the core's rules for the contact and the attempts).
 */
static void
store_new_summary(const struct store *st, const struct person *p,
    date_t last_contact, date_t down_on, struct person_facts *f,
    struct store_dates *kept, int *attempts)
{
	struct rules_contact log[1];
	size_t n = 0;

	if (last_contact != DATE_NONE) {
		log[0].on = last_contact;
		log[0].attempted = 0;
		log[0].struck = 0;
		n = 1;
	}
	person_facts_init(f);
	f->dob = p->facts.dob;
	f->allocated_on = p->facts.allocated_on;
	/* As the store reads it back: an interval out of range is none. */
	if (p->facts.interval_weeks >= 1 && p->facts.interval_weeks <= 52)
		f->interval_weeks = p->facts.interval_weeks;
	f->status_since = f->allocated_on;
	if (down_on != DATE_NONE && down_on >= f->allocated_on) {
		f->status = STATUS_DOWN;
		f->status_since = down_on;
	}
	f->last_contact = rules_last_contact(log, n);
	store_kept_dates(st, f, kept);
	*attempts = f->status == STATUS_UP ? rules_attempts(f, log, n) : 0;
}

int
store_person_new(struct store *st, struct person *p, date_t last_contact,
    date_t down_on, const char *note, char **cause)
{
	static const char sql[] = "INSERT INTO people (name, preferred_name,"
	    " dob, phone, email, address, interval_weeks, allocated_on, uuid,"
	    " status, status_since, last_contact, next_due, review_due,"
	    " letter_due, urgent_due, urgent_kind, attempts, created_at,"
	    " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)";
	static const char contact_sql[] = "INSERT INTO contacts (person_id,"
	    " on_date, method, started_by, attempted, note, recorded_at)"
	    " VALUES (?1, ?2, 'other', 'worker', 0, ?3, ?4)";
	struct store_dates kept;
	struct person_facts saved;
	sqlite3_stmt *stmt;
	int rc, attempts;

	if (st->depth == 0)
		return xfail(cause, "database: a new young person outside a "
		    "transaction");
	if (p->uuid[0] == '\0' && store_new_uuid(st, p->uuid, cause) != 0)
		return -1;
	store_new_summary(st, p, last_contact, down_on, &saved, &kept,
	    &attempts);
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	store_bind_details(stmt, p);
	store_bind_text(stmt, 9, p->uuid);
	store_bind_text(stmt, 10, person_status_name(saved.status));
	store_bind_date(stmt, 11, saved.status_since);
	store_bind_date(stmt, 12, saved.last_contact);
	store_bind_date(stmt, 13, kept.next_due);
	store_bind_date(stmt, 14, kept.review_due);
	store_bind_date(stmt, 15, kept.letter_due);
	store_bind_date(stmt, 16, kept.urgent_due);
	store_bind_text(stmt, 17, kept.urgent_kind);
	sqlite3_bind_int(stmt, 18, attempts);
	store_bind_text(stmt, 19, store_stamp(st));
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "adding a young person");
	p->id = (long)sqlite3_last_insert_rowid(st->db);
	if (store_insert_status(st, p->id, STATUS_UP, p->facts.allocated_on,
	    "allocated", cause) != 0)
		return -1;
	if (last_contact != DATE_NONE) {
		if ((stmt = store_prepare(st, contact_sql, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, p->id);
		store_bind_date(stmt, 2, last_contact);
		store_bind_text(stmt, 3, note);
		store_bind_text(stmt, 4, store_stamp(st));
		rc = sqlite3_step(stmt);
		store_done(stmt);
		if (rc != SQLITE_DONE)
			return store_fail(st, cause, "saving the contact");
	}
	if (down_on != DATE_NONE && store_insert_status(st, p->id,
	    STATUS_DOWN, down_on, note, cause) != 0)
		return -1;
	saved.attempts = attempts;
	p->facts = saved;
	return 0;
}

int
store_people_batch_begin(struct store *st, char **cause)
{
	static const char sql[] = "SELECT name, sql FROM sqlite_schema"
	    " WHERE type = 'index' AND sql IS NOT NULL"
	    " AND tbl_name IN ('people', 'status_changes', 'contacts')"
	    " ORDER BY name";
	sqlite3_stmt *stmt;
	char **names = NULL, *drop;
	size_t n = 0, i;
	int rc;

	if (st->depth == 0 || st->naside != 0)
		return xfail(cause, "database: a batch of young people outside "
		    "a transaction, or inside another");
	if (store_query_long(st, "PRAGMA cache_size", &st->batch_cache,
	    cause) != 0 || store_set_cache(st, STORE_BATCH_CACHE_KIB,
	    cause) != 0)
		return -1;
	if (st->batch_cache == 0)	/* 0 is SQLite's least, not "none" */
		st->batch_cache = 1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		names = xreallocarray(names, n + 1, sizeof *names);
		st->aside = xreallocarray(st->aside, n + 1, sizeof *st->aside);
		names[n] = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		st->aside[n] = xstrdup((const char *)sqlite3_column_text(stmt,
		    1));
		st->naside = ++n;
	}
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		rc = store_fail(st, cause, "reading the indexes");
		goto out;
	}
	rc = 0;
	for (i = 0; i < n && rc == 0; i++) {
		drop = sqlite3_mprintf("DROP INDEX \"%w\"", names[i]);
		rc = store_exec(st, drop, cause);
		sqlite3_free(drop);
	}
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int
store_people_batch_end(struct store *st, char **cause)
{
	size_t i;

	for (i = 0; i < st->naside; i++) {
		if (store_exec(st, st->aside[i], cause) != 0)
			return -1;
	}
	store_aside_free(st);
	return 0;
}

int
store_people_journal(struct store *st, int bulk)
{
	const char *want = bulk ? "delete" : "wal", *mode;
	sqlite3_stmt *stmt;
	int changed = 0;

	if (st->memory || st->depth != 0 || (st->flags & STORE_READ_ONLY))
		return 0;
	/* Refused at once, not waited for, while others have it open. */
	if (sqlite3_prepare_v2(st->db, bulk ? "PRAGMA journal_mode = DELETE" :
	    "PRAGMA journal_mode = WAL", -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		mode = (const char *)sqlite3_column_text(stmt, 0);
		changed = mode != NULL && strcmp(mode, want) == 0;
	}
	sqlite3_finalize(stmt);
	return changed;
}

void
store_aside_free(struct store *st)
{
	char sql[64];
	size_t i;

	for (i = 0; i < st->naside; i++)
		free(st->aside[i]);
	free(st->aside);
	st->aside = NULL;
	st->naside = 0;
	if (st->batch_cache != 0) {
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %ld",
		    st->batch_cache);
		store_exec(st, sql, NULL);
		st->batch_cache = 0;
	}
}

/*
 * Move the date of person_id's first status row, their allocation, to on
 * (inside a transaction).  The history is otherwise never changed, and a
 * trigger refuses any change to it: this one change, which the allocation
 * date and the first row make one fact, is made with the trigger lifted
 * and put back as the file had it, in the same transaction.
 */
static int
store_allocation_follow(struct store *st, long person_id, date_t on,
    char **cause)
{
	static const char first_sql[] = "SELECT id, on_date FROM status_changes"
	    " WHERE person_id = ?1 ORDER BY on_date, id LIMIT 1";
	static const char trigger_sql[] = "SELECT sql FROM sqlite_schema"
	    " WHERE type = 'trigger' AND name = 'status_changes_fixed'";
	static const char move_sql[] = "UPDATE status_changes SET on_date = ?1"
	    " WHERE id = ?2";
	sqlite3_stmt *stmt;
	char *trigger = NULL;
	date_t was = DATE_NONE;
	long row = 0;
	int rc;

	if ((stmt = store_prepare(st, first_sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row = (long)sqlite3_column_int64(stmt, 0);
		was = store_column_date(stmt, 1);
	}
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the status history");
	if (rc == SQLITE_DONE || was == on)
		return 0;

	if ((stmt = store_prepare(st, trigger_sql, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		trigger = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the status history");
	if (trigger != NULL &&
	    store_exec(st, "DROP TRIGGER status_changes_fixed", cause) != 0)
		goto fail;
	if ((stmt = store_prepare(st, move_sql, cause)) == NULL)
		goto fail;
	store_bind_date(stmt, 1, on);
	sqlite3_bind_int64(stmt, 2, row);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, cause, "moving the allocation in the history");
		goto fail;
	}
	if (trigger != NULL && store_exec(st, trigger, cause) != 0)
		goto fail;
	free(trigger);
	return 0;

fail:
	free(trigger);
	return -1;
}

int
store_person_update(struct store *st, const struct person *p, int history,
    char **cause)
{
	static const char sql[] = "UPDATE people SET name = ?1,"
	    " preferred_name = ?2, dob = ?3, phone = ?4, email = ?5,"
	    " address = ?6, interval_weeks = ?7, allocated_on = ?8,"
	    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?9";
	sqlite3_stmt *stmt;
	int rc;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		goto fail;
	store_bind_details(stmt, p);
	sqlite3_bind_int64(stmt, 9, p->id);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, cause, "saving a young person");
		goto fail;
	}
	if (sqlite3_changes(st->db) != 1) {
		xfail(cause, "there is no young person number %ld", p->id);
		goto fail;
	}
	if (history && store_allocation_follow(st, p->id,
	    p->facts.allocated_on, cause) != 0)
		goto fail;
	/* The allocation date or interval may move the next contact. */
	if (store_refresh_person(st, p->id, cause) != 0)
		goto fail;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

int
store_status_change(struct store *st, long person_id, enum status status,
    date_t on, const char *reason, char **cause)
{
	if (store_begin(st, cause) != 0)
		return -1;
	if (store_insert_status(st, person_id, status, on, reason, cause) != 0 ||
	    store_refresh_person(st, person_id, cause) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, cause);
}

int
store_status_each(struct store *st, long person_id, store_status_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT id, status, on_date, reason"
	    " FROM status_changes WHERE person_id = ?1 ORDER BY on_date, id";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	struct status_change s;
	const char *name;
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s.id = (long)sqlite3_column_int64(stmt, 0);
		name = store_column_required(stmt, 1);
		if (person_status_from_name(name, &s.status) != 0)
			s.status = STATUS_UP;
		s.on = store_column_date(stmt, 2);
		s.reason = store_column_text(stmt, 3);
		if (cb(&s, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the status history");
	return 0;
}

int
store_people_run(struct store *st, sqlite3_stmt *stmt, store_person_cb cb,
    void *arg, char **cause)
{
	struct person p;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_read_person(stmt, &p);
		if (cb(&p, arg) != 0) {
			store_done(stmt);
			return 1;
		}
	}
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the caseload");
	return 0;
}

int
store_people_due_each(struct store *st, unsigned which, date_t until,
    store_person_cb cb, void *arg, char **cause)
{
	static const char up_sql[] = "SELECT " DUE_COLUMNS ", " STORE_FLAGGED
	    " FROM people"
	    " WHERE status = 'up' AND next_due <= ?1 ORDER BY next_due, id";
	static const char others_sql[] = "SELECT " DUE_COLUMNS ", "
	    STORE_FLAGGED " FROM people WHERE (status = 'down' AND ?1)"
	    " OR (status = 'archived' AND ?2) ORDER BY id";
	sqlite3_stmt *stmt;
	int rc;

	if (which & STORE_UP) {
		if ((stmt = store_prepare(st, up_sql, cause)) == NULL)
			return -1;
		if (until == DATE_NONE)
			sqlite3_bind_text(stmt, 1, "9999-12-31", -1, SQLITE_STATIC);
		else
			store_bind_date(stmt, 1, until);
		if ((rc = store_people_run(st, stmt, cb, arg, cause)) != 0)
			return rc < 0 ? -1 : 0;
	}
	if ((which & (STORE_DOWN | STORE_ARCHIVED)) == 0)
		return 0;
	if ((stmt = store_prepare(st, others_sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int(stmt, 1, (which & STORE_DOWN) != 0);
	sqlite3_bind_int(stmt, 2, (which & STORE_ARCHIVED) != 0);
	return store_people_run(st, stmt, cb, arg, cause) < 0 ? -1 : 0;
}
