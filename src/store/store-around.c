/* SPDX-License-Identifier: MIT */
/*
 * store-around.c: notes about young people and the people around them
 * (see store.h): added, struck out or ended, never deleted.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "store-int.h"
#include "xmalloc.h"

#define NOTE_COLUMNS \
	"id, person_id, on_date, text, struck_on, struck_reason," \
	" row_number() OVER (PARTITION BY person_id ORDER BY id)"

#define AROUND_COLUMNS \
	"id, person_id, role, name, phone, email, note, since, ended_on," \
	" row_number() OVER (PARTITION BY person_id ORDER BY id)"

static void
store_read_note(sqlite3_stmt *stmt, struct around_note *n)
{
	memset(n, 0, sizeof *n);
	n->id = (long)sqlite3_column_int64(stmt, 0);
	n->person_id = (long)sqlite3_column_int64(stmt, 1);
	n->on = store_column_date(stmt, 2);
	n->text = store_column_required(stmt, 3);
	n->struck_on = store_column_date(stmt, 4);
	n->struck_reason = store_column_text(stmt, 5);
	n->number = store_column_int(stmt, 6, 0, INT_MAX, 0);
}

static int
store_note_row(sqlite3_stmt *stmt, struct store_want *want)
{
	struct around_note n;

	store_read_note(stmt, &n);
	if (want->cb != NULL)
		return ((store_note_cb)want->cb)(&n, want->arg);
	return store_found(want, around_note_copy(&n), n.id, n.struck_on);
}

static void
store_read_around(sqlite3_stmt *stmt, struct around_person *a)
{
	memset(a, 0, sizeof *a);
	a->id = (long)sqlite3_column_int64(stmt, 0);
	a->person_id = (long)sqlite3_column_int64(stmt, 1);
	if (around_role_from_name(store_column_required(stmt, 2),
	    &a->role) != 0)
		a->role = ROLE_OTHER;
	a->name = store_column_required(stmt, 3);
	a->phone = store_column_text(stmt, 4);
	a->email = store_column_text(stmt, 5);
	a->note = store_column_text(stmt, 6);
	a->since = store_column_date(stmt, 7);
	a->ended_on = store_column_date(stmt, 8);
	a->number = store_column_int(stmt, 9, 0, INT_MAX, 0);
}

static int
store_around_row(sqlite3_stmt *stmt, struct store_want *want)
{
	struct around_person a;

	store_read_around(stmt, &a);
	if (want->cb != NULL)
		return ((store_around_cb)want->cb)(&a, want->arg);
	return store_found(want, around_person_copy(&a), a.id, DATE_NONE);
}

const struct store_kind_rows store_notes_rows = {
	.version = STORE_VERSION_AROUND,
	.doing = "reading the notes",
	.numbered = "SELECT " NOTE_COLUMNS " FROM notes"
	    " WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1",
	.strike = "UPDATE notes SET struck_on = ?1, struck_reason = ?2"
	    " WHERE id = ?3 AND struck_on IS NULL",
	.striking = "striking out the note",
	.gone = "it has ended, been struck out, or is not there",
	.count = "SELECT count(*) FROM notes WHERE person_id = ?1",
	.saving = "saving the note",
	.row = store_note_row
};

const struct store_kind_rows store_around_rows = {
	.version = STORE_VERSION_AROUND,
	.doing = "reading the people around them",
	.numbered = "SELECT " AROUND_COLUMNS " FROM around"
	    " WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1",
	.count = "SELECT count(*) FROM around WHERE person_id = ?1",
	.saving = "saving the person around them",
	.row = store_around_row
};

int
store_notes_each(struct store *st, long person_id, store_note_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT * FROM (SELECT " NOTE_COLUMNS
	    " FROM notes WHERE person_id = ?1) ORDER BY on_date DESC, id DESC";

	return store_kind_each(st, &store_notes_rows, sql, person_id,
	    (store_any_cb)cb, arg, cause);
}

int
store_around_each(struct store *st, long person_id, store_around_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT " AROUND_COLUMNS " FROM around"
	    " WHERE person_id = ?1 ORDER BY id";

	return store_kind_each(st, &store_around_rows, sql, person_id,
	    (store_any_cb)cb, arg, cause);
}

/*
 * Step stmt (prepared and bound, inside the caller's store_begin), which
 * writes one row, and commit; roll back when it fails or, when `one`,
 * changes no row.
 */
static int
store_around_write(struct store *st, sqlite3_stmt *stmt, const char *doing,
    char **cause)
{
	if (store_write_one(st, stmt, doing, "it has ended, been struck out, "
	    "or is not there", cause) != 0)
		return -1;
	return store_commit(st, cause);
}

int
store_note_add(struct store *st, struct around_note *n, char **cause)
{
	static const char sql[] = "INSERT INTO notes (person_id, on_date,"
	    " text) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *stmt;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, n->person_id);
	store_bind_date(stmt, 2, n->on);
	store_bind_text(stmt, 3, n->text);
	if (store_kind_insert(st, &store_notes_rows, stmt, n->person_id,
	    &n->id, &n->number, cause) != 0)
		goto fail;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

int
store_around_add(struct store *st, struct around_person *a, char **cause)
{
	static const char sql[] = "INSERT INTO around (person_id, role, name,"
	    " phone, email, note, since) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *stmt;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, a->person_id);
	store_bind_text(stmt, 2, around_role_name(a->role));
	store_bind_text(stmt, 3, a->name);
	store_bind_text(stmt, 4, a->phone);
	store_bind_text(stmt, 5, a->email);
	store_bind_text(stmt, 6, a->note);
	store_bind_date(stmt, 7, a->since);
	if (store_kind_insert(st, &store_around_rows, stmt, a->person_id,
	    &a->id, &a->number, cause) != 0)
		goto fail;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

int
store_around_change(struct store *st, const struct around_person *a,
    char **cause)
{
	static const char sql[] = "UPDATE around SET role = ?1, name = ?2,"
	    " phone = ?3, email = ?4, note = ?5"
	    " WHERE id = ?6 AND ended_on IS NULL";
	sqlite3_stmt *stmt;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	store_bind_text(stmt, 1, around_role_name(a->role));
	store_bind_text(stmt, 2, a->name);
	store_bind_text(stmt, 3, a->phone);
	store_bind_text(stmt, 4, a->email);
	store_bind_text(stmt, 5, a->note);
	sqlite3_bind_int64(stmt, 6, a->id);
	return store_around_write(st, stmt, "changing the person around them",
	    cause);
}

int
store_around_end(struct store *st, long id, date_t on, char **cause)
{
	static const char sql[] = "UPDATE around SET ended_on = ?1"
	    " WHERE id = ?2 AND ended_on IS NULL";
	sqlite3_stmt *stmt;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	store_bind_date(stmt, 1, on);
	sqlite3_bind_int64(stmt, 2, id);
	return store_around_write(st, stmt, "ending their involvement", cause);
}
