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

static int
store_return_row(sqlite3_stmt *stmt, struct store_want *want)
{
	struct returns_record rec;

	store_read_return(stmt, &rec);
	if (want->cb != NULL)
		return ((store_return_cb)want->cb)(&rec, want->arg);
	return store_found(want, returns_record_copy(&rec), rec.id,
	    rec.struck_on);
}

const struct store_kind_rows store_returns_rows = {
	.version = STORE_VERSION_RETURNS,
	.doing = "reading the birthday returns",
	.numbered = "SELECT " RETURN_COLUMNS " FROM returns"
	    " WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1",
	.strike = "UPDATE returns SET struck_on = ?1, struck_reason = ?2"
	    " WHERE id = ?3 AND struck_on IS NULL",
	.striking = "striking out the birthday return",
	.gone = "it has been struck out, or is not there",
	.count = "SELECT count(*) FROM returns WHERE person_id = ?1",
	.saving = "saving the birthday return",
	.row = store_return_row
};

int
store_returns_each(struct store *st, long person_id, store_return_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT " RETURN_COLUMNS " FROM returns"
	    " WHERE person_id = ?1 ORDER BY id";

	return store_kind_each(st, &store_returns_rows, sql, person_id,
	    (store_any_cb)cb, arg, cause);
}

int
store_return_standing(struct store *st, long person_id, int age,
    struct returns_record **out, char **cause)
{
	static const char sql[] = "SELECT * FROM (SELECT " RETURN_COLUMNS
	    " FROM returns WHERE person_id = ?1) WHERE age = ?2"
	    " AND struck_on IS NULL";
	struct store_numbered found;
	int rc;

	rc = store_kind_one(st, &store_returns_rows, sql, person_id, age,
	    &found, cause);
	*out = found.row;
	return rc;
}

int
store_return_add(struct store *st, struct returns_record *rec, char **cause)
{
	static const char sql[] = "INSERT INTO returns (person_id, age,"
	    " in_touch, activity, part_time, on_date)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *stmt;

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
	if (store_kind_insert(st, &store_returns_rows, stmt, rec->person_id,
	    &rec->id, &rec->number, cause) != 0)
		goto fail;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}
