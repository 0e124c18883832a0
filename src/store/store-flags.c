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
	" row_number() OVER (PARTITION BY person_id ORDER BY id)," \
	" set_by, ended_by"

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
	f->set_by = store_column_text(stmt, 8);
	f->ended_by = store_column_text(stmt, 9);
}

static int
store_flag_row(sqlite3_stmt *stmt, struct store_want *want)
{
	struct flag f;

	store_read_flag(stmt, &f);
	if (want->cb != NULL)
		return ((store_flag_cb)want->cb)(&f, want->arg);
	return store_found(want, flag_copy(&f), f.id, DATE_NONE);
}

const struct store_kind_rows store_flags_rows = {
	.version = STORE_VERSION_FLAGS,
	.doing = "reading the safety flags",
	.numbered = "SELECT " FLAG_COLUMNS " FROM flags"
	    " WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1",
	.count = "SELECT count(*) FROM flags WHERE person_id = ?1",
	.saving = "saving the safety flag",
	.row = store_flag_row
};

/* Whether st has flags (an older handover file, read as it is, has not). */
static int
store_has_flags(const struct store *st)
{
	return store_kind_has(st, &store_flags_rows);
}

int
store_flags_each(struct store *st, long person_id, store_flag_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT " FLAG_COLUMNS " FROM flags"
	    " WHERE person_id = ?1 ORDER BY id";

	return store_kind_each(st, &store_flags_rows, sql, person_id,
	    (store_any_cb)cb, arg, cause);
}

/*
 * Step stmt (prepared and bound, inside the caller's store_begin), which
 * changes one current flag; roll back when it fails or finds no current
 * flag.  Does not commit.
 */
static int
store_flag_write(struct store *st, sqlite3_stmt *stmt, const char *doing,
    char **cause)
{
	return store_write_one(st, stmt, doing,
	    "the flag has ended or is not there", cause);
}

/*
 * Keep note (NULL: none) written on a date by someone as flag id's latest,
 * inside the caller's transaction; roll back when it fails.
 */
static int
store_flag_keep_note(struct store *st, long id, const char *note, date_t on,
    const char *by, char **cause)
{
	static const char sql[] = "INSERT INTO flag_notes (person_id, flag_id,"
	    " note, on_date, noted_by) SELECT person_id, id, ?2, ?3, ?4"
	    " FROM flags WHERE id = ?1";
	sqlite3_stmt *stmt;

	if ((stmt = store_prepare(st, sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, note);
	store_bind_date(stmt, 3, on);
	store_bind_text(stmt, 4, by != NULL && *by != '\0' ? by : NULL);
	return store_flag_write(st, stmt, "keeping the flag's note", cause);
}

/* store_rows callback: each earlier note of a flag to the caller's. */
struct store_flag_note_each {
	store_flag_note_cb	 cb;
	void			*arg;
};

static int
store_flag_note_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_flag_note_each *e = arg;
	struct flag_note n;

	n.note = store_column_text(stmt, 0);
	n.on = store_column_date(stmt, 1);
	n.by = store_column_text(stmt, 2);
	return e->cb(&n, e->arg);
}

int
store_flag_notes_each(struct store *st, long id, store_flag_note_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT note, on_date, noted_by"
	    " FROM flag_notes WHERE flag_id = ?1 AND id < (SELECT max(id)"
	    " FROM flag_notes WHERE flag_id = ?1) ORDER BY id";
	struct store_flag_note_each e = { cb, arg };

	if (!store_has_flags(st))
		return 0;
	return store_rows(st, sql, id, 0, store_flag_note_row, &e,
	    "reading the safety flags", cause) < 0 ? -1 : 0;
}

int
store_flag_add(struct store *st, struct flag *f, char **cause)
{
	static const char sql[] = "INSERT INTO flags (person_id, kind, note,"
	    " set_on, set_by) VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *stmt;

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
	store_bind_text(stmt, 5, f->set_by);
	if (store_kind_insert(st, &store_flags_rows, stmt, f->person_id,
	    &f->id, &f->number, cause) != 0) {
		store_rollback(st);
		return -1;
	}
	if (store_flag_keep_note(st, f->id, f->note, f->set_on, f->set_by,
	    cause) != 0)
		return -1;
	return store_commit(st, cause);
}

int
store_flag_note(struct store *st, long id, const char *note, date_t on,
    const char *by, char **cause)
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
	if (store_flag_write(st, stmt, "changing the safety flag", cause) != 0 ||
	    store_flag_keep_note(st, id, note, on, by, cause) != 0)
		return -1;
	return store_commit(st, cause);
}

int
store_flag_end(struct store *st, long id, date_t on, const char *reason,
    const char *by, char **cause)
{
	static const char sql[] = "UPDATE flags SET ended_on = ?1,"
	    " ended_reason = ?2, ended_by = ?4 WHERE id = ?3"
	    " AND ended_on IS NULL";
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
	store_bind_text(stmt, 4, by != NULL && *by != '\0' ? by : NULL);
	if (store_flag_write(st, stmt, "ending the safety flag", cause) != 0)
		return -1;
	return store_commit(st, cause);
}

int
store_flag_current(struct store *st, long person_id, enum flag_kind kind,
    int *out, char **cause)
{
	static const char sql[] = "SELECT EXISTS (SELECT 1 FROM flags"
	    " WHERE person_id = ?1 AND kind = ?2 AND ended_on IS NULL)";
	sqlite3_stmt *stmt;
	long has;

	*out = 0;
	if (!store_has_flags(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	store_bind_text(stmt, 2, flag_kind_name(kind));
	if (store_step_long(st, stmt, &has, "reading the safety flags",
	    cause) != 0)
		return -1;
	*out = has != 0;
	return 0;
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
