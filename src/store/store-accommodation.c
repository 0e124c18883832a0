/* SPDX-License-Identifier: MIT */
/*
 * store-accommodation.c: young people's accommodation history (see
 * store.h): rows added, struck out, never changed or deleted; and the
 * facts the statutory visit clock is worked out from.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "store-int.h"
#include "xmalloc.h"

#define ACCOM_COLUMNS \
	"id, person_id, from_date, type, provided_by_la, suitable, address," \
	" struck_on, struck_reason," \
	" row_number() OVER (PARTITION BY person_id ORDER BY id)"

static void
store_read_accommodation(sqlite3_stmt *stmt, struct accommodation *a)
{
	memset(a, 0, sizeof *a);
	a->id = (long)sqlite3_column_int64(stmt, 0);
	a->person_id = (long)sqlite3_column_int64(stmt, 1);
	a->from = store_column_date(stmt, 2);
	if (accommodation_type_from_name(store_column_required(stmt, 3),
	    &a->type) != 0)
		a->type = ACCOM_OTHER;
	a->provided_by_la = sqlite3_column_int(stmt, 4) != 0;
	if (sqlite3_column_type(stmt, 5) == SQLITE_NULL)
		a->suitable = ACCOM_SUITABLE_UNKNOWN;
	else
		a->suitable = sqlite3_column_int(stmt, 5) != 0 ?
		    ACCOM_SUITABLE : ACCOM_UNSUITABLE;
	a->address = store_column_text(stmt, 6);
	a->struck_on = store_column_date(stmt, 7);
	a->struck_reason = store_column_text(stmt, 8);
	a->number = store_column_int(stmt, 9, 0, INT_MAX, 0);
}

static int
store_accommodation_row(sqlite3_stmt *stmt, struct store_want *want)
{
	struct accommodation a;

	store_read_accommodation(stmt, &a);
	if (want->cb != NULL)
		return ((store_accommodation_cb)want->cb)(&a, want->arg);
	return store_found(want, accommodation_copy(&a), a.id, a.struck_on);
}

const struct store_kind_rows store_accommodation_rows = {
	.version = STORE_VERSION_ACCOMMODATION,
	.doing = "reading the accommodation history",
	.numbered = "SELECT " ACCOM_COLUMNS " FROM accommodation"
	    " WHERE person_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2 - 1",
	.strike = "UPDATE accommodation SET struck_on = ?1,"
	    " struck_reason = ?2 WHERE id = ?3 AND struck_on IS NULL",
	.striking = "striking out the accommodation",
	.gone = "it has been struck out, or is not there",
	.count = "SELECT count(*) FROM accommodation WHERE person_id = ?1",
	.saving = "saving the accommodation",
	.refresh = 1,
	.row = store_accommodation_row
};

/* Whether st has it (an older handover file, read as it is, has not). */
static int
store_has_accommodation(const struct store *st)
{
	return store_kind_has(st, &store_accommodation_rows);
}

int
store_accommodation_each(struct store *st, long person_id,
    store_accommodation_cb cb, void *arg, char **cause)
{
	static const char sql[] = "SELECT * FROM (SELECT " ACCOM_COLUMNS
	    " FROM accommodation WHERE person_id = ?1)"
	    " ORDER BY from_date DESC, id DESC";

	return store_kind_each(st, &store_accommodation_rows, sql, person_id,
	    (store_any_cb)cb, arg, cause);
}

int
store_accommodation_current(struct store *st, long person_id,
    struct accommodation **out, char **cause)
{
	static const char sql[] = "SELECT * FROM (SELECT " ACCOM_COLUMNS
	    " FROM accommodation WHERE person_id = ?1)"
	    " WHERE struck_on IS NULL ORDER BY from_date DESC, id DESC"
	    " LIMIT 1";
	struct store_numbered found;
	int rc;

	rc = store_kind_one(st, &store_accommodation_rows, sql, person_id, 0,
	    &found, cause);
	*out = found.row;
	return rc;
}

int
store_accommodation_insert(struct store *st, struct accommodation *a,
    char **cause)
{
	static const char sql[] = "INSERT INTO accommodation (person_id,"
	    " from_date, type, provided_by_la, suitable, address)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *stmt;

	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, a->person_id);
	store_bind_date(stmt, 2, a->from);
	store_bind_text(stmt, 3, accommodation_type_name(a->type));
	sqlite3_bind_int(stmt, 4, a->provided_by_la != 0);
	if (a->suitable == ACCOM_SUITABLE_UNKNOWN)
		sqlite3_bind_null(stmt, 5);
	else
		sqlite3_bind_int(stmt, 5, a->suitable == ACCOM_SUITABLE);
	store_bind_text(stmt, 6, a->address);
	return store_kind_insert(st, &store_accommodation_rows, stmt,
	    a->person_id, &a->id, &a->number, cause);
}

int
store_accommodation_add(struct store *st, struct accommodation *a,
    char **cause)
{
	if (store_begin(st, cause) != 0)
		return -1;
	if (store_accommodation_insert(st, a, cause) != 0 ||
	    store_refresh_person(st, a->person_id, cause) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, cause);
}

/* Grow *v (of *n, room for *size) by one and return the new one. */
static void *
store_visit_grow(void *v, size_t *n, size_t *size, size_t each)
{
	if (*n == *size) {
		*size = *size != 0 ? *size * 2 : 8;
		v = xreallocarray(v, *size, each);
	}
	(*n)++;
	return v;
}

static int
store_visit_spell_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_visits *v = arg;
	struct visit_spell *s;

	v->spells = store_visit_grow(v->spells, &v->facts.nspells,
	    &v->spells_size, sizeof *v->spells);
	s = &v->spells[v->facts.nspells - 1];
	s->from = store_column_date(stmt, 0);
	s->provided_by_la = sqlite3_column_int(stmt, 1) != 0;
	return 0;
}

static int
store_visit_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_visits *v = arg;

	v->visits = store_visit_grow(v->visits, &v->facts.nvisits,
	    &v->visits_size, sizeof *v->visits);
	v->visits[v->facts.nvisits - 1] = store_column_date(stmt, 0);
	return 0;
}

int
store_visits_read(struct store *st, long person_id, struct store_visits *out,
    char **cause)
{
	static const char spells_sql[] = "SELECT from_date, provided_by_la"
	    " FROM accommodation WHERE person_id = ?1 AND struck_on IS NULL"
	    " ORDER BY from_date, id";
	static const char visits_sql[] = "SELECT on_date FROM contacts"
	    " WHERE person_id = ?1 AND method = 'visit' AND attempted = 0"
	    " AND struck_on IS NULL AND (place IS NULL OR place = 'home')";

	memset(out, 0, sizeof *out);
	out->facts.review_due = DATE_NONE;
	out->facts.last_review = DATE_NONE;
	if (!store_has_accommodation(st))
		return 0;
	if (store_rows(st, spells_sql, person_id, 0, store_visit_spell_row,
	    out, "reading the accommodation history", cause) < 0 ||
	    store_rows(st, visits_sql, person_id, 0, store_visit_row, out,
	    "reading the visits", cause) < 0) {
		store_visits_free(out);
		return -1;
	}
	out->facts.spells = out->spells;
	out->facts.visits = out->visits;
	return 0;
}

void
store_visits_free(struct store_visits *v)
{
	if (v == NULL)
		return;
	free(v->spells);
	free(v->visits);
	memset(v, 0, sizeof *v);
}

/* What store_living_in collects. */
struct store_living {
	unsigned	 types;
	long		*ids;
	size_t		 n;
	size_t		 size;
};

static int
store_living_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_living *l = arg;
	enum accommodation_type type;

	if (accommodation_type_from_name(store_column_required(stmt, 1),
	    &type) != 0 || (l->types & (1U << type)) == 0)
		return 0;
	l->ids = store_visit_grow(l->ids, &l->n, &l->size, sizeof *l->ids);
	l->ids[l->n - 1] = (long)sqlite3_column_int64(stmt, 0);
	return 0;
}

int
store_living_in(struct store *st, unsigned types, long **ids, size_t *n,
    char **cause)
{
	static const char sql[] = "SELECT a.person_id, a.type"
	    " FROM accommodation a WHERE a.struck_on IS NULL AND a.id ="
	    " (SELECT b.id FROM accommodation b WHERE b.person_id ="
	    " a.person_id AND b.struck_on IS NULL"
	    " ORDER BY b.from_date DESC, b.id DESC LIMIT 1)"
	    " AND ?1 IS NOT NULL ORDER BY a.person_id";
	struct store_living l = { types, NULL, 0, 0 };

	*ids = NULL;
	*n = 0;
	if (!store_has_accommodation(st))
		return 0;
	if (store_rows(st, sql, 0, 0, store_living_row, &l,
	    "reading the accommodation history", cause) < 0) {
		free(l.ids);
		return -1;
	}
	*ids = l.ids;
	*n = l.n;
	return 0;
}

int
store_kept_visit(struct store *st, long person_id, date_t review_due,
    date_t last_review, date_t *out, char **cause)
{
	struct rules_settings rs;
	struct store_visits v;

	*out = DATE_NONE;
	if (!store_has_accommodation(st))
		return 0;
	if (store_visits_read(st, person_id, &v, cause) != 0)
		return -1;
	if (v.facts.nspells > 0) {
		v.facts.review_due = review_due;
		v.facts.last_review = last_review;
		/* Kept as the other dates are: by the default rules, before
		 * working days move it, whatever today is. */
		rules_settings_default(&rs);
		*out = visit_due(&v.facts, &rs, date_from_ymd(9999, 12, 31),
		    NULL).due;
	}
	store_visits_free(&v);
	return 0;
}

/* One young person whose kept visit date store_refresh_visits works out. */
struct store_visit_refresh {
	long	id;
	date_t	review_due;
	date_t	last_review;
	int	archived;
};

int
store_refresh_visits(struct store *st, char **cause)
{
	static const char sql[] = "SELECT id, review_due, last_review,"
	    " status = 'archived' FROM people WHERE id IN (SELECT person_id"
	    " FROM accommodation WHERE provided_by_la = 1) ORDER BY id";
	static const char update_sql[] = "UPDATE people SET visit_due = ?1"
	    " WHERE id = ?2";
	struct store_visit_refresh *who = NULL;
	sqlite3_stmt *stmt;
	size_t n = 0, size = 0, i;
	date_t visit;
	int rc;

	if (!store_has_accommodation(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		who = store_visit_grow(who, &n, &size, sizeof *who);
		who[n - 1].id = (long)sqlite3_column_int64(stmt, 0);
		who[n - 1].review_due = store_column_date(stmt, 1);
		who[n - 1].last_review = store_column_date(stmt, 2);
		who[n - 1].archived = sqlite3_column_int(stmt, 3) != 0;
	}
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		free(who);
		return store_fail(st, cause, "reading the accommodation history");
	}
	for (i = 0; i < n; i++) {
		visit = DATE_NONE;
		if (!who[i].archived && store_kept_visit(st, who[i].id,
		    who[i].review_due, who[i].last_review, &visit,
		    cause) != 0)
			break;
		if ((stmt = store_prepare(st, update_sql, cause)) == NULL)
			break;
		store_bind_date(stmt, 1, visit);
		sqlite3_bind_int64(stmt, 2, who[i].id);
		rc = sqlite3_step(stmt);
		store_done(stmt);
		if (rc != SQLITE_DONE) {
			store_fail(st, cause, "saving the visit dates");
			break;
		}
	}
	free(who);
	return i == n ? 0 : -1;
}

int
store_visit_kept_get(struct store *st, long person_id, date_t *out,
    char **cause)
{
	static const char sql[] = "SELECT visit_due FROM people WHERE id = ?1";
	sqlite3_stmt *stmt;
	int rc;

	*out = DATE_NONE;
	if (!store_has_accommodation(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, person_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = store_column_date(stmt, 0);
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, cause, "reading a young person");
	return 0;
}

int
store_visits_count(struct store *st, date_t before, long *n, char **cause)
{
	static const char sql[] = "SELECT count(*) FROM people"
	    " WHERE visit_due < ?1 AND status != 'archived'";
	sqlite3_stmt *stmt;

	*n = 0;
	if (!store_has_accommodation(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	store_bind_date(stmt, 1, before);
	return store_step_long(st, stmt, n, "counting the visits", cause);
}

int
store_visit_dates(struct store *st, struct store_visit_dates *out,
    char **cause)
{
	static const char sql[] = "SELECT id, visit_due FROM people"
	    " WHERE visit_due IS NOT NULL AND status != 'archived' ORDER BY id";
	sqlite3_stmt *stmt;
	size_t size = 0, n = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (!store_has_accommodation(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n == size) {
			size = size != 0 ? size * 2 : 16;
			out->ids = xreallocarray(out->ids, size,
			    sizeof *out->ids);
			out->due = xreallocarray(out->due, size,
			    sizeof *out->due);
		}
		out->ids[n] = (long)sqlite3_column_int64(stmt, 0);
		out->due[n] = store_column_date(stmt, 1);
		n++;
	}
	store_done(stmt);
	out->n = n;
	if (rc != SQLITE_DONE) {
		store_visit_dates_free(out);
		return store_fail(st, cause, "reading the visit dates");
	}
	return 0;
}

void
store_visit_dates_free(struct store_visit_dates *vd)
{
	free(vd->ids);
	free(vd->due);
	memset(vd, 0, sizeof *vd);
}

int
store_visited_people(struct store *st, long **ids, size_t *n, char **cause)
{
	static const char sql[] = "SELECT id FROM people WHERE status !="
	    " 'archived' AND id IN (SELECT person_id FROM accommodation"
	    " WHERE provided_by_la = 1 AND struck_on IS NULL) ORDER BY id";
	sqlite3_stmt *stmt;
	size_t size = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!store_has_accommodation(st))
		return 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*ids = store_visit_grow(*ids, n, &size, sizeof **ids);
		(*ids)[*n - 1] = (long)sqlite3_column_int64(stmt, 0);
	}
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return store_fail(st, cause, "reading the accommodation history");
	}
	return 0;
}
