/* SPDX-License-Identifier: MIT */
/*
 * views-returns.c: the birthday returns of a reporting year (see
 * views.h), for 'caseload returns' and the screens.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "accommodation.h"
#include "cause.h"
#include "returns.h"
#include "views.h"
#include "xmalloc.h"

/* What views_returns_year carries from person to person. */
struct views_returns {
	struct store			*st;
	const struct rules_settings	*settings;
	date_t				 first;
	date_t				 last;
	date_t				 today;
	views_returns_cb		 cb;
	void				*arg;
	char				*cause;		/* a failure inside */
};

/* The row of the history they lived in on a day, for views_return_accommodation. */
struct views_lived {
	date_t	 day;
	char	*type;
	int	 suitable;
};

static int
views_lived_in(const struct accommodation *a, void *arg)
{
	struct views_lived *l = arg;

	if (a->struck_on != DATE_NONE || a->from > l->day)
		return 0;
	/* Newest first: the first row from on or before the day is it. */
	l->type = xstrdup(accommodation_type_label(a->type));
	l->suitable = a->suitable;
	return 1;
}

int
views_return_accommodation(struct store *st, long person_id, date_t day,
    char **type, int *suitable, char **cause)
{
	struct views_lived l = { day, NULL, ACCOM_SUITABLE_UNKNOWN };

	*type = NULL;
	*suitable = -1;
	if (store_accommodation_each(st, person_id, views_lived_in, &l,
	    cause) != 0) {
		free(l.type);
		return -1;
	}
	*type = l.type;
	*suitable = l.suitable < 0 ? -1 : l.suitable;
	return 0;
}

static int
views_returns_one(const struct person *p, void *arg)
{
	struct views_returns *v = arg;
	struct returns_record *rec = NULL;
	struct returns_row row;
	char *type = NULL;
	int age, rc;

	for (age = RETURNS_AGE_FIRST; age <= RETURNS_AGE_LAST; age++) {
		returns_window(p->facts.dob, age, v->settings, &row.window);
		if (row.window.birthday >= v->first &&
		    row.window.birthday <= v->last)
			break;
	}
	if (age > RETURNS_AGE_LAST)
		return 0;
	if (p->facts.status == STATUS_ARCHIVED &&
	    p->facts.status_since < row.window.birthday)
		return 0;
	if ((rc = store_return_standing(v->st, p->id, age, &rec,
	    &v->cause)) < 0)
		return -1;
	if (views_return_accommodation(v->st, p->id, row.window.birthday,
	    &type, &row.suitable, &v->cause) != 0) {
		free(rec);
		return -1;
	}
	row.person = p;
	row.rec = rec;
	row.accommodation = type;
	row.overdue = returns_overdue(&row.window, rec != NULL, v->today) &&
	    (p->facts.allocated_on == DATE_NONE ||
	    row.window.closes >= p->facts.allocated_on);
	rc = v->cb(&row, v->arg);
	free(type);
	free(rec);
	return rc;
}

int
views_returns_year(struct store *st, const struct rules_settings *settings,
    int year, date_t today, views_returns_cb cb, void *arg, char **cause)
{
	struct views_returns v;

	memset(&v, 0, sizeof v);
	v.st = st;
	v.settings = settings;
	v.today = today;
	v.cb = cb;
	v.arg = arg;
	returns_year_bounds(year, &v.first, &v.last);
	if (store_people_each(st, STORE_CURRENT | STORE_ARCHIVED,
	    views_returns_one, &v, cause) != 0)
		return -1;
	if (v.cause != NULL) {
		/* A person's returns could not be read: it stopped there. */
		*cause = v.cause;
		return -1;
	}
	return 0;
}

int
views_return_agenda(struct store *st, const struct person *p,
    const struct rules_settings *settings, date_t today, date_t until,
    struct agenda_item *out, size_t *n, char **cause)
{
	struct returns_window w;
	struct returns_record *rec = NULL;
	int rc = 1;

	*n = 0;
	if (p->facts.status == STATUS_ARCHIVED)
		return 0;
	if (returns_window_latest(p->facts.dob, settings, today, &w) &&
	    (rc = store_return_standing(st, p->id, w.age, &rec, cause)) < 0)
		return -1;
	free(rec);
	*n = returns_agenda(&p->facts, settings, rc == 0, today, until, out);
	return 0;
}

int
views_return_window(struct store *st, const struct person *p,
    const struct rules_settings *settings, date_t today,
    struct returns_window *w, int *recorded, char **cause)
{
	struct returns_record *rec;
	int rc;

	if (p->facts.status == STATUS_ARCHIVED ||
	    !returns_window_latest(p->facts.dob, settings, today, w))
		return 0;
	if ((rc = store_return_standing(st, p->id, w->age, &rec, cause)) < 0)
		return -1;
	free(rec);
	*recorded = rc == 0;
	if (w->closes < today && !returns_overdue_for(w, *recorded,
	    p->facts.allocated_on, today))
		return 0;
	return 1;
}
