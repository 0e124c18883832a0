/* SPDX-License-Identifier: MIT */
/*
 * store-returns.c: birthday returns as recorded (see store.h): added or
 * struck out, never deleted.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "store-int.h"
#include "xmalloc.h"

#define RETURN_COLUMNS \
	"id, person_id, age, in_touch, activity, part_time, on_date," \
	" struck_on, struck_reason," \
	" row_number() OVER (PARTITION BY person_id ORDER BY id)"

/* Whether st has them (an older handover file, read as it is, has not). */
static int
store_has_returns(const struct store *st)
{
	return st->version == 0 || st->version >= STORE_VERSION_RETURNS;
}

static void
store_read_return(sqlite3_stmt *stmt, struct returns_record *rec)
{
	const char *t;
	int i;

	memset(rec, 0, sizeof *rec);
	rec->id = (long)sqlite3_column_int64(stmt, 0);
	rec->person_id = (long)sqlite3_column_int64(stmt, 1);
	rec->age = store_column_int(stmt, 2, RETURNS_AGE_FIRST,
	    RETURNS_AGE_LAST, RETURNS_AGE_FIRST);
	i = choice_find(returns_touch_choice(),
	    store_column_required(stmt, 3));
	rec->touch = i >= 0 ? (enum returns_touch)i : TOUCH_NO;
	t = store_column_text(stmt, 4);
	i = t != NULL ? choice_find(returns_activity_choice(), t) : -1;
	rec->activity = i > 0 ? (enum returns_activity)i : ACTIVITY_NONE;
	rec->part_time = store_column_int(stmt, 5, 0, 1, 0);
	rec->on = store_column_date(stmt, 6);
	rec->struck_on = store_column_date(stmt, 7);
	rec->struck_reason = store_column_text(stmt, 8);
	rec->number = store_column_int(stmt, 9, 0, INT_MAX, 0);
}

/* store_rows callbacks: each row to the caller's, or one copied out. */
struct store_returns_each {
	store_return_cb	 cb;
	void		*arg;
};

static int
store_return_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_returns_each *e = arg;
	struct returns_record rec;

	store_read_return(stmt, &rec);
	return e->cb(&rec, e->arg);
}

static int
store_return_copy_row(sqlite3_stmt *stmt, void *arg)
{
	struct returns_record rec, **out = arg;

	store_read_return(stmt, &rec);
	*out = returns_record_copy(&rec);
	return 1;
}

int
store_returns_each(struct store *st, long person_id, store_return_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT " RETURN_COLUMNS " FROM returns"
	    " WHERE person_id = ?1 ORDER BY id";
	struct store_returns_each e = { cb, arg };

	if (!store_has_returns(st))
		return 0;
	return store_rows(st, sql, person_id, 0, store_return_row, &e,
	    "reading the birthday returns", cause) < 0 ? -1 : 0;
}

int
store_return_numbered(struct store *st, long person_id, int number,
    struct returns_record **out, char **cause)
{
	static const char sql[] = "SELECT " RETURN_COLUMNS " FROM returns"
	    " WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1";

	*out = NULL;
	if (number < 1 || !store_has_returns(st))
		return 1;
	if (store_rows(st, sql, person_id, number, store_return_copy_row, out,
	    "reading the birthday returns", cause) < 0)
		return -1;
	return *out != NULL ? 0 : 1;
}

int
store_return_standing(struct store *st, long person_id, int age,
    struct returns_record **out, char **cause)
{
	static const char sql[] = "SELECT * FROM (SELECT " RETURN_COLUMNS
	    " FROM returns WHERE person_id = ?1) WHERE age = ?2"
	    " AND struck_on IS NULL";

	*out = NULL;
	if (!store_has_returns(st))
		return 1;
	if (store_rows(st, sql, person_id, age, store_return_copy_row, out,
	    "reading the birthday returns", cause) < 0)
		return -1;
	return *out != NULL ? 0 : 1;
}

int
store_return_add(struct store *st, struct returns_record *rec, char **cause)
{
	static const char sql[] = "INSERT INTO returns (person_id, age,"
	    " in_touch, activity, part_time, on_date)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	static const char count[] = "SELECT count(*) FROM returns"
	    " WHERE person_id = ?1";
	sqlite3_stmt *stmt;
	long n;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, rec->person_id);
	sqlite3_bind_int(stmt, 2, rec->age);
	store_bind_text(stmt, 3, returns_touch_name(rec->touch));
	store_bind_text(stmt, 4, rec->activity != ACTIVITY_NONE ?
	    returns_activity_name(rec->activity) : NULL);
	sqlite3_bind_int(stmt, 5, rec->part_time != 0);
	store_bind_date(stmt, 6, rec->on);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		store_done(stmt);
		store_fail(st, cause, "saving the birthday return");
		goto fail;
	}
	store_done(stmt);
	rec->id = (long)sqlite3_last_insert_rowid(st->db);
	if ((stmt = store_prepare(st, count, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, rec->person_id);
	if (store_step_long(st, stmt, &n, "counting", cause) != 0)
		goto fail;
	rec->number = (int)n;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

int
store_return_strike(struct store *st, long id, date_t today,
    const char *reason, char **cause)
{
	static const char sql[] = "UPDATE returns SET struck_on = ?1,"
	    " struck_reason = ?2 WHERE id = ?3 AND struck_on IS NULL";
	sqlite3_stmt *stmt;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	store_bind_date(stmt, 1, today);
	store_bind_text(stmt, 2, reason);
	sqlite3_bind_int64(stmt, 3, id);
	if (store_write_one(st, stmt, "striking out the birthday return",
	    "it has been struck out, or is not there", cause) != 0)
		return -1;
	return store_commit(st, cause);
}
