/* SPDX-License-Identifier: MIT */
/*
 * store-flags.c: young people's safety flags (see store.h): set, their
 * note changed, ended; never deleted.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "store-int.h"
#include "xmalloc.h"

#define FLAG_COLUMNS \
	"id, person_id, kind, note, set_on, ended_on, ended_reason," \
	" row_number() OVER (PARTITION BY person_id ORDER BY id)"

/* Whether st has flags (an older handover file, read as it is, has not). */
static int
store_has_flags(const struct store *st)
{
	return st->version == 0 || st->version >= STORE_VERSION_FLAGS;
}

static void
store_read_flag(sqlite3_stmt *stmt, struct flag *f)
{
	memset(f, 0, sizeof *f);
	f->id = (long)sqlite3_column_int64(stmt, 0);
	f->person_id = (long)sqlite3_column_int64(stmt, 1);
	if (flag_kind_from_name(store_column_required(stmt, 2), &f->kind) != 0)
		f->kind = FLAG_OTHER;
	f->note = store_column_text(stmt, 3);
	f->set_on = store_column_date(stmt, 4);
	f->ended_on = store_column_date(stmt, 5);
	f->ended_reason = store_column_text(stmt, 6);
	f->number = store_column_int(stmt, 7, 0, INT_MAX, 0);
}

int
store_flags_each(struct store *st, long person_id, store_flag_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT " FLAG_COLUMNS " FROM flags"
	    " WHERE person_id = ?1 ORDER BY id";
	sqlite3_stmt *stmt;
	struct flag f;
	int rc;

	if (!store_has_flags(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_read_flag(stmt, &f);
		if (cb(&f, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "reading the safety flags");
	return 0;
}

int
store_flag_numbered(struct store *st, long person_id, int number,
    struct flag **out, char **cause)
{
	static const char sql[] = "SELECT " FLAG_COLUMNS " FROM flags"
	    " WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1";
	sqlite3_stmt *stmt;
	struct flag f;
	int rc;

	*out = NULL;
	if (number < 1 || !store_has_flags(st))
		return 1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	sqlite3_bind_int(stmt, 2, number);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		store_read_flag(stmt, &f);
		f.number = number;
		*out = flag_copy(&f);
	}
	store_done(stmt);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(st, cause, "reading the safety flags");
}

/*
 * Step stmt (prepared and bound, inside the caller's store_begin), which
 * changes one current flag, and commit; roll back when it fails or
 * finds no current flag.
 */
static int
store_flag_write(struct store *st, sqlite3_stmt *stmt, const char *doing,
    char **cause)
{
	int rc;

	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_fail(st, cause, doing);
		store_rollback(st);
		return -1;
	}
	if (sqlite3_changes(st->db) != 1) {
		store_rollback(st);
		return xfail(cause, "the flag has ended or is not there");
	}
	return store_commit(st, cause);
}

int
store_flag_add(struct store *st, struct flag *f, char **cause)
{
	static const char sql[] = "INSERT INTO flags (person_id, kind, note,"
	    " set_on) VALUES (?1, ?2, ?3, ?4)";
	static const char count_sql[] = "SELECT count(*) FROM flags"
	    " WHERE person_id = ?1";
	sqlite3_stmt *stmt;
	long n;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, f->person_id);
	store_bind_text(stmt, 2, flag_kind_name(f->kind));
	store_bind_text(stmt, 3, f->note);
	store_bind_date(stmt, 4, f->set_on);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		store_done(stmt);
		store_fail(st, cause, "saving the safety flag");
		store_rollback(st);
		return -1;
	}
	store_done(stmt);
	f->id = (long)sqlite3_last_insert_rowid(st->db);
	if ((stmt = store_prepare(st, count_sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, f->person_id);
	if (store_step_long(st, stmt, &n, "reading the safety flags",
	    cause) != 0) {
		store_rollback(st);
		return -1;
	}
	f->number = (int)n;
	return store_commit(st, cause);
}

int
store_flag_note(struct store *st, long id, const char *note, char **cause)
{
	static const char sql[] = "UPDATE flags SET note = ?1"
	    " WHERE id = ?2 AND ended_on IS NULL";
	sqlite3_stmt *stmt;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	store_bind_text(stmt, 1, note);
	sqlite3_bind_int64(stmt, 2, id);
	return store_flag_write(st, stmt, "changing the safety flag", cause);
}

int
store_flag_end(struct store *st, long id, date_t on, const char *reason,
    char **cause)
{
	static const char sql[] = "UPDATE flags SET ended_on = ?1,"
	    " ended_reason = ?2 WHERE id = ?3 AND ended_on IS NULL";
	sqlite3_stmt *stmt;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	store_bind_date(stmt, 1, on);
	store_bind_text(stmt, 2, reason);
	sqlite3_bind_int64(stmt, 3, id);
	return store_flag_write(st, stmt, "ending the safety flag", cause);
}

int
store_flagged_count(struct store *st, int *n, char **cause)
{
	static const char sql[] = "SELECT count(DISTINCT flags.person_id)"
	    " FROM flags JOIN people ON people.id = flags.person_id"
	    " WHERE flags.ended_on IS NULL AND people.status <> 'archived'";
	sqlite3_stmt *stmt;
	long count;

	*n = 0;
	if (!store_has_flags(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	if (store_step_long(st, stmt, &count, "counting the safety flags",
	    cause) != 0)
		return -1;
	*n = (int)count;
	return 0;
}
