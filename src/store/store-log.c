/* SPDX-License-Identifier: MIT */
/*
 * store-log.c: the contact log, letters sent and pathway plan reviews, and
 * the summary columns of a person that they feed.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "rows.h"
#include "rules.h"
#include "store-int.h"
#include "xmalloc.h"

#define CONTACT_COLUMNS \
	"id, person_id, on_date, method, started_by, attempted, note," \
	" struck_on, struck_reason"
/* A contact's own number with its young person: the order recorded. */
#define CONTACT_NUMBER \
	"(SELECT count(*) FROM contacts AS k WHERE k.person_id =" \
	" contacts.person_id AND k.id <= contacts.id)"
/* Where it took place and whether they were seen alone, after the number
 * (NULL, NULL from a file older than STORE_VERSION_FLAGS). */
#define CONTACT_RECORD ", place, seen_alone"
#define CONTACT_RECORD_OLD ", NULL, NULL"

/* Whether st's letters and reviews can be struck out (an old handover's
 * cannot: it is read as it is). */
static int
store_struck_entries(const struct store *st)
{
	return st->version == 0 || st->version >= STORE_VERSION_STRUCK_ENTRIES;
}

static void
store_read_contact(sqlite3_stmt *stmt, struct contact *c)
{
	const char *s;

	memset(c, 0, sizeof *c);
	c->id = (long)sqlite3_column_int64(stmt, 0);
	c->person_id = (long)sqlite3_column_int64(stmt, 1);
	c->on = store_column_date(stmt, 2);
	s = store_column_required(stmt, 3);
	if (contact_method_from_name(s, &c->method) != 0)
		c->method = METHOD_OTHER;
	s = store_column_required(stmt, 4);
	if (contact_by_from_name(s, &c->by) != 0)
		c->by = BY_WORKER;
	c->attempted = store_column_int(stmt, 5, 0, 1, 0);
	c->note = store_column_text(stmt, 6);
	c->struck_on = store_column_date(stmt, 7);
	c->struck_reason = store_column_text(stmt, 8);
	c->number = store_column_int(stmt, 9, 0, INT_MAX, 0);
	c->place = PLACE_NONE;
	c->seen_alone = SEEN_UNKNOWN;
	if (sqlite3_column_count(stmt) < 12)
		return;
	s = store_column_text(stmt, 10);
	if (s == NULL || contact_place_from_name(s, &c->place) != 0)
		c->place = PLACE_NONE;
	if (sqlite3_column_type(stmt, 11) == SQLITE_INTEGER)
		c->seen_alone = sqlite3_column_int(stmt, 11) != 0 ?
		    SEEN_ALONE_YES : SEEN_ALONE_NO;
}

int
store_summarise(struct store *st, long person_id, struct store_summary *out,
    char **cause)
{
	static const char contacts_sql[] = "SELECT on_date, attempted,"
	    " struck_on IS NOT NULL FROM contacts WHERE person_id = ?1";
	static const char status_sql[] = "SELECT status, on_date"
	    " FROM status_changes WHERE person_id = ?1"
	    " ORDER BY on_date DESC, id DESC LIMIT 1";
	static const char letter_sql[] = "SELECT max(sent_on) FROM letters"
	    " WHERE person_id = ?1 AND struck_on IS NULL";
	static const char review_sql[] = "SELECT max(on_date) FROM reviews"
	    " WHERE person_id = ?1 AND struck_on IS NULL";
	/* Before letters and reviews could be struck out. */
	static const char letter_old_sql[] = "SELECT max(sent_on) FROM letters"
	    " WHERE person_id = ?1";
	static const char review_old_sql[] = "SELECT max(on_date) FROM reviews"
	    " WHERE person_id = ?1";
	int struck = store_struck_entries(st);
	struct rules_contact *log = NULL;
	size_t n = 0, size = 0;
	sqlite3_stmt *stmt;
	const char *name;
	int rc;

	out->status = STATUS_UP;
	out->status_since = DATE_NONE;

	if ((stmt = store_prepare(st, contacts_sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == size) {
			size = size ? size * 2 : 16;
			log = xreallocarray(log, size, sizeof *log);
		}
		log[n].on = store_column_date(stmt, 0);
		log[n].attempted = store_column_int(stmt, 1, 0, 1, 0);
		log[n].struck = sqlite3_column_int(stmt, 2);
		n++;
	}
	store_done(stmt);
	out->last_contact = rules_last_contact(log, n);
	free(log);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the contact log");

	if ((stmt = store_prepare(st, status_sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		name = store_column_required(stmt, 0);
		if (person_status_from_name(name, &out->status) != 0)
			out->status = STATUS_UP;
		out->status_since = store_column_date(stmt, 1);
		rc = SQLITE_DONE;
	}
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the status history");

	if ((stmt = store_prepare(st, struck ? letter_sql : letter_old_sql,
	    cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	rc = sqlite3_step(stmt);
	out->last_letter = rc == SQLITE_ROW ? store_column_date(stmt, 0) :
	    DATE_NONE;
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, cause, "reading the letters");

	if ((stmt = store_prepare(st, struck ? review_sql : review_old_sql,
	    cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	rc = sqlite3_step(stmt);
	out->last_review = rc == SQLITE_ROW ? store_column_date(stmt, 0) :
	    DATE_NONE;
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, cause, "reading the reviews");
	return 0;
}

/* The rules the store keeps its dates with. */
static void
store_kept_rules(const struct store *st, struct rules_settings *rs)
{
	rules_settings_default(rs);
	rs->interval_weeks = st->interval_weeks;
	if (st->first_days >= 0)
		rs->first_contact_days = st->first_days;
	if (st->letter_months > 0)
		rs->letter_months = st->letter_months;
	if (st->review_months > 0)
		rs->review_months = st->review_months;
}

date_t
store_next_due(const struct store *st, const struct person_facts *f)
{
	struct rules_settings rs;

	store_kept_rules(st, &rs);
	/* Only the date: the state depends on today, the date does not. */
	return rules_contact_due(f, &rs, 0).due;
}

void
store_kept_dates(const struct store *st, const struct person_facts *f,
    struct store_dates *out)
{
	struct rules_settings rs;
	struct rules_due due[ROWS_KINDS];
	struct rows_urgent urgent;

	store_kept_rules(st, &rs);
	/* Only the dates, which do not depend on today. */
	rows_urgent_judge(f, &rs, 0, due, &urgent);
	out->next_due = due[rows_kind_index(AGENDA_CONTACT)].due;
	out->review_due = due[rows_kind_index(AGENDA_REVIEW)].due;
	out->letter_due = due[rows_kind_index(AGENDA_LETTER)].due;
	out->urgent_due = urgent.kind >= 0 ? urgent.due.due : DATE_NONE;
	out->urgent_kind = urgent.kind >= 0 ? rows_kinds[urgent.kind].name :
	    NULL;
}

int
store_attempts(struct store *st, long person_id,
    const struct person_facts *f, int *out, char **cause)
{
	static const char sql[] = "SELECT on_date, attempted,"
	    " struck_on IS NOT NULL FROM contacts WHERE person_id = ?1";
	struct rules_contact *log = NULL;
	size_t n = 0, size = 0;
	sqlite3_stmt *stmt;
	int rc;

	*out = 0;
	if (f->status != STATUS_UP)
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == size) {
			size = size ? size * 2 : 32;
			log = xreallocarray(log, size, sizeof *log);
		}
		log[n].on = store_column_date(stmt, 0);
		log[n].attempted = sqlite3_column_int(stmt, 1) != 0;
		log[n].struck = sqlite3_column_int(stmt, 2) != 0;
		n++;
	}
	store_done(stmt);
	if (rc == SQLITE_DONE)
		*out = rules_attempts(f, log, n);
	free(log);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the contacts");
	return 0;
}

/* A person's date of birth, allocation date and own interval. */
static int
store_allocation(struct store *st, long person_id, struct person_facts *f,
    char **cause)
{
	static const char sql[] = "SELECT allocated_on, interval_weeks, dob"
	    " FROM people WHERE id = ?1";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		f->allocated_on = store_column_date(stmt, 0);
		f->interval_weeks = store_column_int(stmt, 1, 1, 52, 0);
		f->dob = store_column_date(stmt, 2);
	}
	store_done(stmt);
	if (rc == SQLITE_DONE)
		return xfail(cause, "there is no young person number %ld",
		    person_id);
	if (rc != SQLITE_ROW)
		return store_fail(st, cause, "reading a young person");
	return 0;
}

int
store_refresh_person(struct store *st, long person_id, char **cause)
{
	/* updated_at moves when the summary does (not on a handover). */
	static const char sql[] = "UPDATE people SET"
	    " updated_at = CASE WHEN status IS NOT ?1"
	    " OR status_since IS NOT ?2 OR last_contact IS NOT ?3"
	    " OR last_letter IS NOT ?4 OR last_review IS NOT ?5"
	    " THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE updated_at END,"
	    " status = ?1, status_since = ?2, last_contact = ?3,"
	    " last_letter = ?4, last_review = ?5, next_due = ?7,"
	    " review_due = ?8, letter_due = ?9, urgent_due = ?10,"
	    " urgent_kind = ?11, attempts = ?12, visit_due = ?13 WHERE id = ?6";
	struct store_summary sum;
	struct store_dates kept;
	struct person_facts f;
	sqlite3_stmt *stmt;
	int rc, attempts;
	date_t visit = DATE_NONE;

	if (store_summarise(st, person_id, &sum, cause) != 0)
		return -1;
	person_facts_init(&f);
	if (store_allocation(st, person_id, &f, cause) != 0)
		return -1;
	f.status = sum.status;
	f.status_since = sum.status_since;
	f.last_contact = sum.last_contact;
	f.last_letter = sum.last_letter;
	f.last_review = sum.last_review;
	store_kept_dates(st, &f, &kept);
	if (store_attempts(st, person_id, &f, &attempts, cause) != 0)
		return -1;
	if (f.status != STATUS_ARCHIVED && store_kept_visit(st, person_id,
	    kept.review_due, f.last_review, &visit, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	store_bind_text(stmt, 1, person_status_name(sum.status));
	store_bind_date(stmt, 2, sum.status_since);
	store_bind_date(stmt, 3, sum.last_contact);
	store_bind_date(stmt, 4, sum.last_letter);
	store_bind_date(stmt, 5, sum.last_review);
	sqlite3_bind_int64(stmt, 6, person_id);
	store_bind_date(stmt, 7, kept.next_due);
	store_bind_date(stmt, 8, kept.review_due);
	store_bind_date(stmt, 9, kept.letter_due);
	store_bind_date(stmt, 10, kept.urgent_due);
	store_bind_text(stmt, 11, kept.urgent_kind);
	sqlite3_bind_int(stmt, 12, attempts);
	store_bind_date(stmt, 13, visit);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "saving a young person");
	if (sqlite3_changes(st->db) != 1)
		return xfail(cause, "there is no young person number %ld",
		    person_id);
	return 0;
}

int
store_contact_add(struct store *st, struct contact *c, char **cause)
{
	return store_contact_add_actions(st, c, NULL, 0, cause);
}

int
store_contact_add_actions(struct store *st, struct contact *c,
    struct action *a, size_t n, char **cause)
{
	static const char sql[] = "INSERT INTO contacts (person_id, on_date,"
	    " method, started_by, attempted, note, place, seen_alone)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *stmt;
	size_t i;
	int rc;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, c->person_id);
	store_bind_date(stmt, 2, c->on);
	store_bind_text(stmt, 3, contact_method_name(c->method));
	store_bind_text(stmt, 4, contact_by_name(c->by));
	sqlite3_bind_int(stmt, 5, c->attempted != 0);
	store_bind_text(stmt, 6, c->note);
	store_bind_text(stmt, 7, c->place != PLACE_NONE ?
	    contact_place_name(c->place) : NULL);
	if (c->seen_alone != SEEN_UNKNOWN)
		sqlite3_bind_int(stmt, 8, c->seen_alone == SEEN_ALONE_YES);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, cause, "saving the contact");
		goto fail;
	}
	c->id = (long)sqlite3_last_insert_rowid(st->db);
	for (i = 0; i < n; i++) {
		a[i].contact_id = c->id;
		if (store_action_insert(st, &a[i], cause) != 0)
			goto fail;
	}
	if (store_contact_count(st, c->person_id, &c->number, cause) != 0 ||
	    store_refresh_person(st, c->person_id, cause) != 0)
		goto fail;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

/*
 * Step stmt, bound to find one contact, into *out (a copy the caller
 * frees): 0, 1 when there is none, or -1 with *cause ("what" failed).
 */
static int
store_contact_one(struct store *st, sqlite3_stmt *stmt, struct contact **out,
    const char *what, char **cause)
{
	struct contact c;
	int rc;

	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		store_read_contact(stmt, &c);
		*out = contact_copy(&c);
	}
	store_done(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(st, cause, what);
}

int
store_contact_get(struct store *st, long id, struct contact **out,
    char **cause)
{
	static const char sql[] = "SELECT " CONTACT_COLUMNS ", " CONTACT_NUMBER
	    CONTACT_RECORD " FROM contacts WHERE id = ?1";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	return store_contact_one(st, stmt, out, "reading a contact", cause);
}

/*
 * Strike out row id of the log of kind (the UPDATE sql: ?1 date, ?2
 * reason, ?3 id, RETURNING person_id) and keep that young person's
 * summary, in one transaction.
 */
static int
store_strike_row(struct store *st, const char *sql, enum entry_kind kind,
    long id, date_t on, const char *reason, char **cause)
{
	sqlite3_stmt *stmt;
	long person_id = 0;
	char doing[64];
	int rc;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		goto fail;
	store_bind_date(stmt, 1, on);
	store_bind_text(stmt, 2, reason);
	sqlite3_bind_int64(stmt, 3, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		person_id = (long)sqlite3_column_int64(stmt, 0);
		rc = sqlite3_step(stmt);
	}
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		snprintf(doing, sizeof doing, "striking out the %s",
		    entry_kind_name(kind));
		store_fail(st, cause, doing);
		goto fail;
	}
	if (person_id == 0) {
		xfail(cause, "%s %ld does not exist or is already struck out",
		    entry_kind_name(kind), id);
		goto fail;
	}
	if (store_refresh_person(st, person_id, cause) != 0)
		goto fail;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

int
store_contact_strike(struct store *st, long id, date_t on, const char *reason,
    char **cause)
{
	static const char sql[] = "UPDATE contacts SET struck_on = ?1,"
	    " struck_reason = ?2 WHERE id = ?3 AND struck_on IS NULL"
	    " RETURNING person_id";

	return store_strike_row(st, sql, ENTRY_CONTACT, id, on, reason, cause);
}

/* Step a query of CONTACT_COLUMNS, calling cb for each; 0 or -1. */
static int
store_contacts_run(struct store *st, sqlite3_stmt *stmt, store_contact_cb cb,
    void *arg, char **cause)
{
	struct contact c;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_read_contact(stmt, &c);
		if (cb(&c, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the contact log");
	return 0;
}

int
store_contacts_each(struct store *st, long person_id, store_contact_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT " CONTACT_COLUMNS ","
	    " row_number() OVER (ORDER BY id)" CONTACT_RECORD " FROM contacts"
	    " WHERE person_id = ?1 ORDER BY on_date DESC, id DESC";
	static const char old_sql[] = "SELECT " CONTACT_COLUMNS ","
	    " row_number() OVER (ORDER BY id)" CONTACT_RECORD_OLD " FROM contacts"
	    " WHERE person_id = ?1 ORDER BY on_date DESC, id DESC";
	sqlite3_stmt *stmt = store_prepare(st, st->version > 0 &&
	    st->version < STORE_VERSION_FLAGS ? old_sql : sql, cause);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	return store_contacts_run(st, stmt, cb, arg, cause);
}

/* Insert a dated row (letter or review) and refresh the person. */
static int
store_dated_add(struct store *st, const char *sql, long person_id, date_t on,
    const char *doing, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, person_id);
	store_bind_date(stmt, 2, on);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, cause, doing);
		goto fail;
	}
	if (store_refresh_person(st, person_id, cause) != 0)
		goto fail;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

int
store_letter_add(struct store *st, long person_id, date_t on, char **cause)
{
	static const char sql[] = "INSERT INTO letters (person_id, sent_on)"
	    " VALUES (?1, ?2)";

	return store_dated_add(st, sql, person_id, on, "saving the letter",
	    cause);
}

int
store_review_add(struct store *st, long person_id, date_t on, char **cause)
{
	static const char sql[] = "INSERT INTO reviews (person_id, on_date)"
	    " VALUES (?1, ?2)";

	return store_dated_add(st, sql, person_id, on, "saving the review",
	    cause);
}

/* The SQL of one kind of entry (letter or review), by what it does. */
struct store_entry_sql {
	const char	*each;		/* ?1 person: newest first, numbered */
	const char	*each_old;	/* the same, on a schema before strikes */
	const char	*numbered;	/* ?1 person, ?2 number: that one */
	const char	*strike;	/* ?1 date, ?2 reason, ?3 id */
	const char	*doing;		/* for messages */
};

static const struct store_entry_sql store_letter_sql = {
	"SELECT id, person_id, sent_on, struck_on, struck_reason,"
	" row_number() OVER (ORDER BY id) FROM letters"
	" WHERE person_id = ?1 ORDER BY sent_on DESC, id DESC",
	"SELECT id, person_id, sent_on, NULL, NULL,"
	" row_number() OVER (ORDER BY id) FROM letters"
	" WHERE person_id = ?1 ORDER BY sent_on DESC, id DESC",
	"SELECT id, person_id, sent_on, struck_on, struck_reason, ?2"
	" FROM letters WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1",
	"UPDATE letters SET struck_on = ?1, struck_reason = ?2"
	" WHERE id = ?3 AND struck_on IS NULL RETURNING person_id",
	"the letters"
};

static const struct store_entry_sql store_review_sql = {
	"SELECT id, person_id, on_date, struck_on, struck_reason,"
	" row_number() OVER (ORDER BY id) FROM reviews"
	" WHERE person_id = ?1 ORDER BY on_date DESC, id DESC",
	"SELECT id, person_id, on_date, NULL, NULL,"
	" row_number() OVER (ORDER BY id) FROM reviews"
	" WHERE person_id = ?1 ORDER BY on_date DESC, id DESC",
	"SELECT id, person_id, on_date, struck_on, struck_reason, ?2"
	" FROM reviews WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1",
	"UPDATE reviews SET struck_on = ?1, struck_reason = ?2"
	" WHERE id = ?3 AND struck_on IS NULL RETURNING person_id",
	"the reviews"
};

static const struct store_entry_sql *
store_entry_sql(enum entry_kind kind)
{
	return kind == ENTRY_REVIEW ? &store_review_sql : &store_letter_sql;
}

/* Fill e from a row of an entry query; its strings point into the row. */
static void
store_read_entry(sqlite3_stmt *stmt, enum entry_kind kind, struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = (long)sqlite3_column_int64(stmt, 0);
	e->person_id = (long)sqlite3_column_int64(stmt, 1);
	e->kind = kind;
	e->on = store_column_date(stmt, 2);
	e->struck_on = store_column_date(stmt, 3);
	e->struck_reason = store_column_text(stmt, 4);
	e->number = store_column_int(stmt, 5, 0, INT_MAX, 0);
}

/* Visit someone's letters or reviews, newest first. */
static int
store_entries_each(struct store *st, enum entry_kind kind, long person_id,
    store_entry_cb cb, void *arg, char **cause)
{
	const struct store_entry_sql *q = store_entry_sql(kind);
	sqlite3_stmt *stmt;
	struct entry e;
	int rc;

	stmt = store_prepare(st, store_struck_entries(st) ? q->each :
	    q->each_old, cause);
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_read_entry(stmt, kind, &e);
		if (cb(&e, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the history");
	return 0;
}

int
store_letters_each(struct store *st, long person_id, store_entry_cb cb,
    void *arg, char **cause)
{
	return store_entries_each(st, ENTRY_LETTER, person_id, cb, arg, cause);
}

int
store_reviews_each(struct store *st, long person_id, store_entry_cb cb,
    void *arg, char **cause)
{
	return store_entries_each(st, ENTRY_REVIEW, person_id, cb, arg, cause);
}

int
store_contact_count(struct store *st, long person_id, int *n, char **cause)
{
	static const char sql[] = "SELECT count(*) FROM contacts"
	    " WHERE person_id = ?1";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	long count = 0;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	if (store_step_long(st, stmt, &count, "reading the contact log",
	    cause) != 0)
		return -1;
	*n = (int)count;
	return 0;
}

int
store_entry_counts(struct store *st, long person_id, int counts[ENTRY_KINDS],
    char **cause)
{
	static const char sql[] = "SELECT"
	    " (SELECT count(*) FROM contacts WHERE person_id = ?1),"
	    " (SELECT count(*) FROM letters WHERE person_id = ?1),"
	    " (SELECT count(*) FROM reviews WHERE person_id = ?1)";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		counts[ENTRY_CONTACT] = sqlite3_column_int(stmt, 0);
		counts[ENTRY_LETTER] = sqlite3_column_int(stmt, 1);
		counts[ENTRY_REVIEW] = sqlite3_column_int(stmt, 2);
	}
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, cause, "reading the history");
	return 0;
}

int
store_contact_numbered(struct store *st, long person_id, int number,
    struct contact **out, char **cause)
{
	static const char sql[] = "SELECT " CONTACT_COLUMNS ", ?2"
	    CONTACT_RECORD " FROM contacts WHERE person_id = ?1 ORDER BY id"
	    " LIMIT 1 OFFSET ?2 - 1";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	sqlite3_bind_int(stmt, 2, number);
	return store_contact_one(st, stmt, out, "reading the contact log",
	    cause);
}

int
store_entry_numbered(struct store *st, long person_id, enum entry_kind kind,
    int number, struct entry **out, char **cause)
{
	const struct store_entry_sql *q = store_entry_sql(kind);
	sqlite3_stmt *stmt = store_prepare(st, q->numbered, cause);
	struct entry e;
	int rc;

	*out = NULL;
	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	sqlite3_bind_int(stmt, 2, number);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		store_read_entry(stmt, kind, &e);
		*out = entry_copy(&e);
	}
	store_done(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(st, cause, q->doing);
}

int
store_entry_strike(struct store *st, enum entry_kind kind, long id,
    date_t on, const char *reason, char **cause)
{
	if (kind == ENTRY_CONTACT)
		return store_contact_strike(st, id, on, reason, cause);
	return store_strike_row(st, store_entry_sql(kind)->strike, kind, id, on,
	    reason, cause);
}

int
store_contacts_since(struct store *st, date_t since, store_contact_cb cb,
    void *arg, char **cause)
{
	/* Notes are not read: nobody needs them in bulk. */
	static const char sql[] = "SELECT id, person_id, on_date, method,"
	    " started_by, attempted, NULL, struck_on, struck_reason, 0"
	    " FROM contacts WHERE on_date >= ?1 ORDER BY on_date, id";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);

	if (stmt == NULL)
		return -1;
	if (since == DATE_NONE)
		sqlite3_bind_text(stmt, 1, "", -1, SQLITE_STATIC);
	else
		store_bind_date(stmt, 1, since);
	return store_contacts_run(st, stmt, cb, arg, cause);
}

int
store_letters_since(struct store *st, date_t since, store_date_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT id, sent_on FROM letters"
	    " WHERE sent_on >= ?1 AND struck_on IS NULL ORDER BY sent_on, id";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	if (since == DATE_NONE)
		sqlite3_bind_text(stmt, 1, "", -1, SQLITE_STATIC);
	else
		store_bind_date(stmt, 1, since);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (cb((long)sqlite3_column_int64(stmt, 0),
		    store_column_date(stmt, 1), arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the letters");
	return 0;
}

struct store_refresh_state {
	struct store	*st;
	sqlite3_stmt	*update;
	int		 attempts;	/* work the attempts out too */
	int		 failed;
	char		*cause;
};

static int
store_refresh_visit(const struct person *p, void *arg)
{
	struct store_refresh_state *rs = arg;
	struct store_dates kept;
	int attempts;

	store_kept_dates(rs->st, &p->facts, &kept);
	if (rs->attempts) {
		if (store_attempts(rs->st, p->id, &p->facts, &attempts,
		    &rs->cause) != 0)
			return 1;
		sqlite3_bind_int(rs->update, 7, attempts);
	} else
		sqlite3_bind_null(rs->update, 7);
	store_bind_date(rs->update, 1, kept.next_due);
	sqlite3_bind_int64(rs->update, 2, p->id);
	store_bind_date(rs->update, 3, kept.review_due);
	store_bind_date(rs->update, 4, kept.letter_due);
	store_bind_date(rs->update, 5, kept.urgent_due);
	store_bind_text(rs->update, 6, kept.urgent_kind);
	rs->failed = sqlite3_step(rs->update) != SQLITE_DONE;
	store_done(rs->update);
	return rs->failed;
}

int
store_refresh_all_due(struct store *st, const struct store_kept *k,
    int attempts, char **cause)
{
	static const char select_sql[] = "SELECT " DUE_COLUMNS " FROM people";
	static const char update_sql[] = "UPDATE people SET next_due = ?1,"
	    " review_due = ?3, letter_due = ?4, urgent_due = ?5,"
	    " urgent_kind = ?6, attempts = coalesce(?7, attempts)"
	    " WHERE id = ?2";
	struct store_refresh_state rs = { st, NULL, attempts, 0, NULL };
	sqlite3_stmt *sel = NULL;
	struct store_kept old = { st->interval_weeks, st->first_days,
	    st->letter_months, st->review_months };
	int rc;

	/* Its own statement: the cached one may be in use by a caller. */
	if (sqlite3_prepare_v2(st->db, select_sql, -1, &sel, NULL) != SQLITE_OK)
		return store_fail(st, cause, "working out the due dates");
	if ((rs.update = store_prepare(st, update_sql, cause)) == NULL) {
		sqlite3_finalize(sel);
		return -1;
	}
	st->interval_weeks = k->weeks;
	st->first_days = k->first;
	st->letter_months = k->letter;
	st->review_months = k->review;
	rc = store_people_run(st, sel, store_refresh_visit, &rs, cause);
	sqlite3_finalize(sel);
	if (rc == 0)
		rc = store_refresh_visits(st, cause);
	if (rc != 0) {
		st->interval_weeks = old.weeks;
		st->first_days = old.first;
		st->letter_months = old.letter;
		st->review_months = old.review;
		if (rs.cause != NULL) {
			if (cause != NULL)
				*cause = rs.cause;
			else
				free(rs.cause);
			return -1;
		}
		return rs.failed ? store_fail(st, cause,
		    "working out the due dates") : -1;
	}
	return 0;
}

int
store_letter_sent_on(struct store *st, long person_id, date_t on, int *found,
    char **cause)
{
	static const char sql[] = "SELECT 1 FROM letters"
	    " WHERE person_id = ?1 AND sent_on = ?2 AND struck_on IS NULL"
	    " LIMIT 1";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	store_bind_date(stmt, 2, on);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the letters");
	*found = rc == SQLITE_ROW;
	return 0;
}
