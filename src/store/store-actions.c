/* SPDX-License-Identifier: MIT */
/*
 * store-actions.c: what was agreed with young people (see store.h):
 * agreed actions added, closed once as done or dropped, never deleted.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "store-int.h"
#include "xmalloc.h"

#define ACTION_COLUMNS \
	"id, person_id, contact_id, text, who, agreed_on, due_on, closed_on," \
	" closed_as, reason," \
	" row_number() OVER (PARTITION BY person_id ORDER BY id)"

static void
store_read_action(sqlite3_stmt *stmt, struct action *a)
{
	const char *as;

	memset(a, 0, sizeof *a);
	a->id = (long)sqlite3_column_int64(stmt, 0);
	a->person_id = (long)sqlite3_column_int64(stmt, 1);
	a->contact_id = (long)sqlite3_column_int64(stmt, 2);
	a->text = store_column_required(stmt, 3);
	a->who = store_column_required(stmt, 4);
	a->agreed_on = store_column_date(stmt, 5);
	a->due_on = store_column_date(stmt, 6);
	a->closed_on = store_column_date(stmt, 7);
	as = store_column_text(stmt, 8);
	if (as == NULL)
		a->state = ACTION_OPEN;
	else if (strcmp(as, "dropped") == 0)
		a->state = ACTION_DROPPED;
	else
		a->state = ACTION_DONE;
	a->reason = store_column_text(stmt, 9);
	a->number = store_column_int(stmt, 10, 0, INT_MAX, 0);
}

static int
store_action_row(sqlite3_stmt *stmt, struct store_want *want)
{
	struct action a;

	store_read_action(stmt, &a);
	if (want->cb != NULL)
		return ((store_action_cb)want->cb)(&a, want->arg);
	return store_found(want, action_copy(&a), a.id, DATE_NONE);
}

const struct store_kind_rows store_actions_rows = {
	.version = STORE_VERSION_ACTIONS,
	.doing = "reading the agreed actions",
	.numbered = "SELECT " ACTION_COLUMNS " FROM actions"
	    " WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1",
	.count = "SELECT count(*) FROM actions WHERE person_id = ?1",
	.saving = "saving the agreed action",
	.row = store_action_row
};

/* Whether st has them (an older handover file, read as it is, has not). */
static int
store_has_actions(const struct store *st)
{
	return store_kind_has(st, &store_actions_rows);
}

int
store_actions_each(struct store *st, long person_id, store_action_cb cb,
    void *arg, char **cause)
{
	static const char sql[] = "SELECT * FROM (SELECT " ACTION_COLUMNS
	    " FROM actions WHERE person_id = ?1)"
	    " ORDER BY closed_on IS NOT NULL, CASE WHEN closed_on IS NULL"
	    " THEN due_on ELSE closed_on END, id";

	return store_kind_each(st, &store_actions_rows, sql, person_id,
	    (store_any_cb)cb, arg, cause);
}

int
store_action_insert(struct store *st, struct action *a, char **cause)
{
	static const char sql[] = "INSERT INTO actions (person_id,"
	    " contact_id, text, who, agreed_on, due_on)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *stmt;

	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, a->person_id);
	if (a->contact_id != 0)
		sqlite3_bind_int64(stmt, 2, a->contact_id);
	store_bind_text(stmt, 3, a->text);
	store_bind_text(stmt, 4, a->who);
	store_bind_date(stmt, 5, a->agreed_on);
	store_bind_date(stmt, 6, a->due_on);
	return store_kind_insert(st, &store_actions_rows, stmt, a->person_id,
	    &a->id, &a->number, cause);
}

int
store_action_add(struct store *st, struct action *a, char **cause)
{
	if (store_begin(st, cause) != 0)
		return -1;
	if (store_action_insert(st, a, cause) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, cause);
}

int
store_action_close(struct store *st, long id, enum action_state as,
    date_t on, const char *reason, char **cause)
{
	static const char sql[] = "UPDATE actions SET closed_on = ?1,"
	    " closed_as = ?2, reason = ?3 WHERE id = ?4"
	    " AND closed_on IS NULL";
	sqlite3_stmt *stmt;

	if (store_begin(st, cause) != 0)
		return -1;
	if ((stmt = store_prepare(st, sql, cause)) == NULL) {
		store_rollback(st);
		return -1;
	}
	store_bind_date(stmt, 1, on);
	store_bind_text(stmt, 2, action_state_name(as));
	store_bind_text(stmt, 3, reason);
	sqlite3_bind_int64(stmt, 4, id);
	if (store_write_one(st, stmt, "closing the agreed action",
	    "the action is closed already or is not there", cause) != 0)
		return -1;
	return store_commit(st, cause);
}

int
store_actions_due(struct store *st, date_t from, date_t until,
    store_action_cb cb, void *arg, char **cause)
{
	static const char sql[] = "SELECT a.id, a.person_id, a.contact_id,"
	    " a.text, a.who, a.agreed_on, a.due_on, a.closed_on, a.closed_as,"
	    " a.reason, (SELECT count(*) FROM actions b"
	    " WHERE b.person_id = a.person_id AND b.id <= a.id)"
	    " FROM actions a JOIN people ON people.id = a.person_id"
	    " WHERE a.closed_on IS NULL AND people.status <> 'archived'"
	    " AND a.due_on >= ?1 AND a.due_on <= ?2"
	    " ORDER BY a.due_on, a.person_id, a.id";
	struct store_want want = { (store_any_cb)cb, arg,
	    { NULL, 0, DATE_NONE } };
	sqlite3_stmt *stmt;
	int rc = 0;

	if (!store_has_actions(st))
		return 0;
	/* store_rows binds ids; the dates are bound here. */
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	store_bind_date(stmt, 1, from);
	store_bind_date(stmt, 2, until);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (store_action_row(stmt, &want) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_done(stmt);
		return store_fail(st, cause, "reading the agreed actions");
	}
	store_done(stmt);
	return 0;
}

int
store_actions_count(struct store *st, date_t today, int *open, int *late,
    char **cause)
{
	static const char sql[] = "SELECT count(*),"
	    " coalesce(sum(actions.due_on < ?1), 0) FROM actions"
	    " JOIN people ON people.id = actions.person_id"
	    " WHERE actions.closed_on IS NULL"
	    " AND people.status <> 'archived'";
	sqlite3_stmt *stmt;
	int rc;

	*open = *late = 0;
	if (!store_has_actions(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	store_bind_date(stmt, 1, today);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*open = sqlite3_column_int(stmt, 0);
		*late = sqlite3_column_int(stmt, 1);
	}
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, cause, "counting the agreed actions");
	return 0;
}
