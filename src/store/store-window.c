/* SPDX-License-Identifier: MIT */
/*
 * store-window.c: the due list a window at a time, for the screens: the
 * rows that match a filter and a search, counted, a page before or after
 * a row (keyset paging on the index people_due, never OFFSET), and the
 * look-ups a screen makes instead of holding the whole caseload.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "store-int.h"
#include "text.h"

/*
 * The conditions of a query.  The list is in the order of the most
 * urgent item kept in each row (urgent_due, then number), whatever the
 * status: first the rows with something due (part 0), then those with
 * nothing due, by number (part 1: stepped down and turning 25 before
 * another letter, and the archived; never the stepped up, whose contact
 * is always due, as store_check makes sure).  Both are read from the
 * index people_urgent.
 *
 * ?1 and ?2 are the bounds of urgent_due, ?3 the statuses as bits
 * (1 up, 2 down, 4 archived), ?4 the fold of the text searched for
 * (NULL: no search), ?5 the digits a number starts with; ?6 and ?7 are a
 * key (urgent_due, id), ?8 a limit; ?10 a type of accommodation they
 * live in now (NULL: any, or none).
 *
 * A page has one bound on each side for the index to start and stop at:
 * the key on the side it reads from (win_bind_key puts the query's
 * bound there when it is the nearer), the query's bound on the other.
 * Given two bounds on one side, SQLite may pick the farther and walk
 * through the rows between.
 */
#define WIN_SEARCH \
	" AND (?4 IS NULL" \
	" OR (?5 IS NOT NULL" \
	" AND substr(CAST(id AS TEXT), 1, length(?5)) = ?5)" \
	" OR " STORE_NAME_HOLDS("?4") ")" \
	" AND (?10 IS NULL OR id IN (SELECT a.person_id FROM accommodation a" \
	" WHERE a.type = ?10 AND a.struck_on IS NULL AND a.id =" \
	" (SELECT b.id FROM accommodation b WHERE b.person_id = a.person_id" \
	" AND b.struck_on IS NULL ORDER BY b.from_date DESC, b.id DESC" \
	" LIMIT 1)))"
/* The unary + keeps SQLite from reading these through people_status. */
#define WIN_STATUS \
	" ((?3 & 1 AND +status = 'up') OR (?3 & 2 AND +status = 'down')" \
	" OR (?3 & 4 AND +status = 'archived'))"
#define WIN_DUE \
	" urgent_due >= ?1 AND urgent_due < ?2 AND" WIN_STATUS WIN_SEARCH
#define WIN_DUE_AFTER \
	" urgent_due < ?2 AND" WIN_STATUS WIN_SEARCH
#define WIN_DUE_BEFORE \
	" urgent_due >= ?1 AND" WIN_STATUS WIN_SEARCH
#define WIN_NONE \
	" urgent_due IS NULL AND" WIN_STATUS WIN_SEARCH
#define WIN_ROW "SELECT " DUE_COLUMNS ", urgent_due, " STORE_FLAGGED \
	" FROM people WHERE"

/* Bounds that no date reaches, as text (dates are YYYY-MM-DD). */
#define WIN_LOWEST	""
#define WIN_HIGHEST	"~"

/* The statements of one part of the list: something due, or nothing. */
struct win_sql {
	const char	*count;
	const char	*after;
	const char	*before;
};

static const char due_count[] = "SELECT count(*) FROM people WHERE" WIN_DUE;
static const char due_after[] = WIN_ROW WIN_DUE_AFTER
    " AND (urgent_due, id) > (?6, ?7) ORDER BY urgent_due, id LIMIT ?8";
static const char due_before[] = WIN_ROW WIN_DUE_BEFORE
    " AND (urgent_due, id) < (?6, ?7) ORDER BY urgent_due DESC, id DESC"
    " LIMIT ?8";
static const char none_count[] = "SELECT count(*) FROM people WHERE"
    WIN_NONE;
static const char none_after[] = WIN_ROW WIN_NONE
    " AND id > ?7 ORDER BY id LIMIT ?8";
static const char none_before[] = WIN_ROW WIN_NONE
    " AND id < ?7 ORDER BY id DESC LIMIT ?8";

static const struct win_sql win_due = { due_count, due_after, due_before };
static const struct win_sql win_none = { none_count, none_after,
    none_before };

/* caseload_fold(text): text_fold, for matching names; NULL stays NULL. */
static void
store_fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s;

	(void)argc;
	if ((s = sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, text_fold((const char *)s), -1, free);
}

int
store_add_functions(struct store *st, char **cause)
{
	if (sqlite3_create_function_v2(st->db, "caseload_fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    store_fold_fn, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, cause, "opening the database");
	return 0;
}

/* Bind a date, or a bound no date reaches for DATE_NONE. */
static void
win_bind_bound(sqlite3_stmt *stmt, int idx, date_t date, const char *none)
{
	if (date == DATE_NONE)
		sqlite3_bind_text(stmt, idx, none, -1, SQLITE_STATIC);
	else
		store_bind_date(stmt, idx, date);
}

/*
 * Bind the conditions of q (for either part of the list); the fold of
 * the text searched for is bound as a copy.
 */
static void
win_bind(sqlite3_stmt *stmt, const struct store_due_query *q)
{
	char *folded;

	win_bind_bound(stmt, 1, q->due_from, WIN_LOWEST);
	win_bind_bound(stmt, 2, q->due_before, WIN_HIGHEST);
	sqlite3_bind_int(stmt, 3, (int)(q->which & STORE_EVERYONE));
	if (q->text != NULL) {
		folded = text_fold(q->text);
		sqlite3_bind_text(stmt, 4, folded, -1, free);
	} else
		sqlite3_bind_null(stmt, 4);
	store_bind_text(stmt, 5, q->text != NULL ? q->number : NULL);
	store_bind_text(stmt, 10, q->living);
}

/*
 * Bind where a page of the rows with something due starts: after (or from) the key,
 * or before it; with no key, or a key outside the query's bounds, at the
 * query's bound on that side (the first or last row there is).
 */
static void
win_bind_key(sqlite3_stmt *stmt, const struct store_due_query *q,
    const struct store_due_key *key, int dir)
{
	int back = dir == STORE_BEFORE;
	date_t bound = back ? q->due_before : q->due_from;

	if (key != NULL && (bound == DATE_NONE || (back ? key->due < bound :
	    key->due >= bound))) {
		store_bind_date(stmt, 6, key->due);
		/* From the key's row: after the number before it. */
		sqlite3_bind_int64(stmt, 7, dir == STORE_FROM ? key->id - 1 :
		    key->id);
		return;
	}
	/* (bound, lowest number): every row before, or from, the bound. */
	if (bound != DATE_NONE)
		store_bind_date(stmt, 6, bound);
	else
		sqlite3_bind_text(stmt, 6, back ? WIN_HIGHEST : WIN_LOWEST, -1,
		    SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 7, INT64_MIN);
}

/*
 * The statements for the rows with something due (others 0) or with
 * nothing due (others 1) of q: the second only with no bounds, and only
 * for the stepped down and the archived.
 */
static const struct win_sql *
win_part(const struct store_due_query *q, int others)
{
	if (!others)
		return (q->which & (STORE_UP | STORE_DOWN)) ? &win_due : NULL;
	if (q->due_from != DATE_NONE || q->due_before != DATE_NONE)
		return NULL;
	return (q->which & (STORE_DOWN | STORE_ARCHIVED)) ? &win_none : NULL;
}

/* Run a count with ?1 the status (or no parameter); into *n. */
static int
win_count(struct store *st, const char *sql, const char *status, long *n,
    char **cause)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);

	if (stmt == NULL)
		return -1;
	if (status != NULL)
		sqlite3_bind_text(stmt, 1, status, -1, SQLITE_STATIC);
	return store_step_long(st, stmt, n, "counting the caseload", cause);
}

/*
 * Count everyone of a status from the narrow index people_status: the
 * stepped up as everyone but the others, since SQLite counts a whole
 * index by its pages without visiting each row.
 */
static int
win_count_status(struct store *st, unsigned which, long *n, char **cause)
{
	static const char all_sql[] = "SELECT count(*) FROM people";
	static const char status_sql[] = "SELECT count(*) FROM people"
	    " WHERE status = ?1";
	long all = 0, down = 0, archived = 0;

	if (((which & STORE_UP) &&
	    win_count(st, all_sql, NULL, &all, cause) != 0) ||
	    ((which & (STORE_UP | STORE_DOWN)) &&
	    win_count(st, status_sql, "down", &down, cause) != 0) ||
	    ((which & (STORE_UP | STORE_ARCHIVED)) &&
	    win_count(st, status_sql, "archived", &archived, cause) != 0))
		return -1;
	*n = 0;
	if (which & STORE_UP)
		*n += all - down - archived;
	if (which & STORE_DOWN)
		*n += down;
	if (which & STORE_ARCHIVED)
		*n += archived;
	return 0;
}

int
store_due_count(struct store *st, const struct store_due_query *q, long *n,
    char **cause)
{
	const struct win_sql *part;
	sqlite3_stmt *stmt;
	long part_n;
	int others;

	/* With no bounds and no search: everyone of the statuses. */
	if (q->text == NULL && q->living == NULL && q->due_from == DATE_NONE &&
	    q->due_before == DATE_NONE)
		return win_count_status(st, q->which, n, cause);
	*n = 0;
	for (others = 0; others <= 1; others++) {
		if ((part = win_part(q, others)) == NULL)
			continue;
		if ((stmt = store_prepare(st, part->count, cause)) == NULL)
			return -1;
		win_bind(stmt, q);
		if (store_step_long(st, stmt, &part_n, "counting the caseload",
		    cause) != 0)
			return -1;
		*n += part_n;
	}
	return 0;
}

/*
 * Step a windowed query, calling cb with each row and its place; sets
 * *got to the rows visited.  0, 1 when cb stopped, or -1.
 */
static int
win_run(struct store *st, sqlite3_stmt *stmt, store_due_cb cb, void *arg,
    long *got, char **cause)
{
	struct store_due_key key;
	struct person p;
	int rc;

	*got = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_read_person(stmt, &p);
		key.due = store_column_date(stmt, 16);
		key.others = key.due == DATE_NONE;
		key.id = p.id;
		(*got)++;
		if (cb(&p, &key, arg) != 0) {
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
store_due_page(struct store *st, const struct store_due_query *q,
    const struct store_due_key *key, int dir, long limit, store_due_cb cb,
    void *arg, char **cause)
{
	const struct win_sql *part;
	sqlite3_stmt *stmt;
	int back = dir == STORE_BEFORE, others, i, rc;
	long got;

	for (i = 0; i < 2 && limit != 0; i++) {
		others = back ? 1 - i : i;
		/* Parts before the key's, in the direction of reading. */
		if (key != NULL && (back ? others > key->others :
		    others < key->others))
			continue;
		if ((part = win_part(q, others)) == NULL)
			continue;
		stmt = store_prepare(st, back ? part->before : part->after,
		    cause);
		if (stmt == NULL)
			return -1;
		win_bind(stmt, q);
		if (!others)
			win_bind_key(stmt, q, key != NULL && key->others == 0 ?
			    key : NULL, dir);
		else if (key != NULL && key->others == others)
			sqlite3_bind_int64(stmt, 7, dir == STORE_FROM ?
			    key->id - 1 : key->id);
		else
			sqlite3_bind_int64(stmt, 7, back ? INT64_MAX :
			    INT64_MIN);
		sqlite3_bind_int64(stmt, 8, limit);
		if ((rc = win_run(st, stmt, cb, arg, &got, cause)) != 0)
			return rc < 0 ? -1 : 0;
		if (limit > 0)
			limit -= got;
	}
	return 0;
}

int
store_due_get(struct store *st, const struct store_due_query *q, long id,
    store_due_cb cb, void *arg, char **cause)
{
	static const char sql[] = WIN_ROW " id = ?7 AND" WIN_STATUS
	    " AND ((urgent_due >= ?1 AND urgent_due < ?2)"
	    " OR (?9 AND urgent_due IS NULL))" WIN_SEARCH;
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	long got;

	if (stmt == NULL)
		return -1;
	win_bind(stmt, q);
	sqlite3_bind_int64(stmt, 7, id);
	sqlite3_bind_int(stmt, 9, win_part(q, 1) != NULL);
	return win_run(st, stmt, cb, arg, &got, cause) < 0 ? -1 : 0;
}

int
store_kind_count(struct store *st, enum agenda_kind kind, date_t from,
    date_t before, long *n, char **cause)
{
	static const char contact_sql[] = "SELECT count(*) FROM people"
	    " WHERE status = 'up' AND next_due >= ?1 AND next_due < ?2";
	static const char review_sql[] = "SELECT count(*) FROM people"
	    " WHERE review_due >= ?1 AND review_due < ?2";
	static const char letter_sql[] = "SELECT count(*) FROM people"
	    " WHERE letter_due >= ?1 AND letter_due < ?2";
	const char *sql;
	sqlite3_stmt *stmt;

	switch (kind) {
	case AGENDA_CONTACT:
		sql = contact_sql;
		break;
	case AGENDA_REVIEW:
		sql = review_sql;
		break;
	case AGENDA_LETTER:
		sql = letter_sql;
		break;
	default:
		return xfail(cause, "no date is kept for %s",
		    rules_agenda_kind_name(kind));
	}
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	win_bind_bound(stmt, 1, from, WIN_LOWEST);
	win_bind_bound(stmt, 2, before, WIN_HIGHEST);
	return store_step_long(st, stmt, n, "counting the caseload", cause);
}

int
store_people_last_id(struct store *st, long *out, char **cause)
{
	*out = 0;
	return store_query_long(st, "SELECT coalesce(max(id), 0) FROM people",
	    out, cause);
}

struct win_duplicate {
	const struct person	*p;
	long			*found;
};

static int
win_duplicate_visit(const struct person *other, void *arg)
{
	struct win_duplicate *d = arg;

	if (!check_duplicate(d->p, other))
		return 0;
	*d->found = other->id;
	return 1;
}

int
store_person_duplicate(struct store *st, const struct person *p,
    long *found, char **cause)
{
	static const char sql[] = "SELECT " DUE_COLUMNS " FROM people"
	    " WHERE dob = ?1 ORDER BY id";
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);
	struct win_duplicate d = { p, found };

	*found = 0;
	if (stmt == NULL)
		return -1;
	store_bind_date(stmt, 1, p->facts.dob);
	return store_people_run(st, stmt, win_duplicate_visit, &d, cause) < 0 ?
	    -1 : 0;
}
