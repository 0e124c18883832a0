/* SPDX-License-Identifier: MIT */
/*
 * store-rows.c: a young person's numbered rows whatever their kind
 * (store.h, store-int.h): each read, one fetched by its number, one
 * struck out.  What differs from kind to kind (its table, its columns,
 * its struct) is in the kind's own file.
 */
#include <config.h>

#include <stddef.h>

#include "cause.h"
#include "store-int.h"

static const struct store_kind_rows *const store_kinds[STORE_KINDS] = {
	[STORE_KIND_ACTION] = &store_actions_rows,
	[STORE_KIND_ACCOMMODATION] = &store_accommodation_rows,
	[STORE_KIND_RETURN] = &store_returns_rows,
	[STORE_KIND_FLAG] = &store_flags_rows,
	[STORE_KIND_NOTE] = &store_notes_rows,
	[STORE_KIND_AROUND] = &store_around_rows
};

int
store_kind_has(const struct store *st, const struct store_kind_rows *k)
{
	return st->version == 0 || st->version >= k->version;
}

int
store_found(struct store_want *want, void *row, long id, date_t struck_on)
{
	want->found.row = row;
	want->found.id = id;
	want->found.struck_on = struck_on;
	return 1;
}

/* What store_rows gives each row to: the kind, and what is wanted. */
struct store_kind_run {
	const struct store_kind_rows	*k;
	struct store_want		 want;
};

static int
store_kind_run_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_kind_run *run = arg;

	return run->k->row(stmt, &run->want);
}

int
store_kind_each(struct store *st, const struct store_kind_rows *k,
    const char *sql, long id, store_any_cb cb, void *arg, char **cause)
{
	struct store_kind_run run = { k, { cb, arg, { NULL, 0, DATE_NONE } } };

	if (!store_kind_has(st, k))
		return 0;
	return store_rows(st, sql, id, 0, store_kind_run_row, &run, k->doing,
	    cause) < 0 ? -1 : 0;
}

int
store_kind_one(struct store *st, const struct store_kind_rows *k,
    const char *sql, long id, int number, struct store_numbered *out,
    char **cause)
{
	struct store_kind_run run = { k, { NULL, NULL,
	    { NULL, 0, DATE_NONE } } };

	*out = run.want.found;
	if (!store_kind_has(st, k))
		return 1;
	if (store_rows(st, sql, id, number, store_kind_run_row, &run,
	    k->doing, cause) < 0)
		return -1;
	*out = run.want.found;
	return out->row != NULL ? 0 : 1;
}

int
store_kind_insert(struct store *st, const struct store_kind_rows *k,
    sqlite3_stmt *stmt, long person_id, long *id, int *number, char **cause)
{
	long n;
	int rc;

	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, k->saving);
	*id = (long)sqlite3_last_insert_rowid(st->db);
	if ((stmt = store_prepare(st, k->count, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	if (store_step_long(st, stmt, &n, k->doing, cause) != 0)
		return -1;
	*number = (int)n;
	return 0;
}

int
store_numbered(struct store *st, enum store_kind kind, long person_id,
    int number, struct store_numbered *out, char **cause)
{
	const struct store_kind_rows *k = store_kinds[kind];

	if (number < 1) {
		out->row = NULL;
		out->id = 0;
		out->struck_on = DATE_NONE;
		return 1;
	}
	return store_kind_one(st, k, k->numbered, person_id, number, out,
	    cause);
}

int
store_strike(struct store *st, enum store_kind kind, long person_id, long id,
    date_t today, const char *reason, char **cause)
{
	const struct store_kind_rows *k = store_kinds[kind];
	sqlite3_stmt *stmt;

	if (k->strike == NULL)
		return xfail(cause, "such rows are closed or ended, never "
		    "struck out");
	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, k->strike, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	store_bind_date(stmt, 1, today);
	store_bind_text(stmt, 2, reason);
	sqlite3_bind_int64(stmt, 3, id);
	if (store_write_one(st, stmt, k->striking, k->gone, cause) != 0)
		return -1;
	if (k->refresh && store_refresh_person(st, person_id, cause) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, cause);
}
