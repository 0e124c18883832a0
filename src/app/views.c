/* SPDX-License-Identifier: MIT */
/*
 * views.c: the due list, the agenda and the letters due, from the store
 * and the rules.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "views.h"
#include "xmalloc.h"

struct rows_due_state {
	struct store			*st;
	const struct rules_settings	*settings;
	date_t				 today;
	unsigned			 which;
	int				 within;
	struct due_list			*list;
	views_due_cb			 cb;
	void				*arg;
	char				*cause;	/* why it stopped */
	/* The kept visit dates, read once: a look-up a row would take the
	 * rows from the table instead of the index people_due. */
	struct store_visit_dates	 visits;
};

/* Young person id's kept visit date in vd (by number), or DATE_NONE. */
static date_t
views_visit_find(const struct store_visit_dates *vd, long id)
{
	size_t lo = 0, hi = vd->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (vd->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < vd->n && vd->ids[lo] == id ? vd->due[lo] : DATE_NONE;
}

/* Judge row's statutory visit clock on today from kept (the store's). */
static void
views_visit_kept(const struct rules_settings *settings, date_t today,
    date_t kept, struct due_row *row)
{
	row->visit.due = DATE_NONE;
	row->visit.state = DUE_NONE;
	if (kept != DATE_NONE)
		row->visit = rules_judge_due(rules_due_day(settings, kept),
		    settings, today);
}

/* Judge row's statutory visit clock on today, reading the kept date. */
static int
views_visit_judge(struct store *st, const struct rules_settings *settings,
    date_t today, struct due_row *row, char **cause)
{
	date_t kept;

	if (store_visit_kept_get(st, row->person->id, &kept, cause) != 0)
		return -1;
	views_visit_kept(settings, today, kept, row);
	return 0;
}

/* 1 when a row belongs in a list of which, within days (-1: all). */
static int
views_due_wanted(const struct due_row *row, unsigned which, int within,
    date_t today)
{
	enum status status = row->person->facts.status;
	unsigned bit;

	bit = status == STATUS_UP ? STORE_UP : status == STATUS_DOWN ?
	    STORE_DOWN : STORE_ARCHIVED;
	if ((which & bit) == 0)
		return 0;
	return within < 0 || (status == STATUS_UP &&
	    row->contact.due != DATE_NONE && row->contact.due <= today + within);
}

static int
views_due_visit(const struct person *p, void *arg)
{
	struct rows_due_state *s = arg;
	struct person person = *p;	/* the strings are still the store's */
	struct due_row row;

	rows_judge(p, s->settings, s->today, &person, &row);
	/* The index chose the rows; the rules have the last word. */
	if (!views_due_wanted(&row, s->which, s->within, s->today))
		return 0;
	views_visit_kept(s->settings, s->today,
	    views_visit_find(&s->visits, p->id), &row);
	return s->cb(&row, s->arg);
}

int
views_due_each(struct store *st, const struct rules_settings *settings,
    date_t today, unsigned which, int within, views_due_cb cb, void *arg,
    char **cause)
{
	struct rows_due_state s = { st, settings, today, which, within, NULL,
	    cb, arg, NULL, { NULL, NULL, 0 } };
	int rc;

	if (within >= 0)
		which &= STORE_UP;
	if (store_visit_dates(st, &s.visits, cause) != 0)
		return -1;
	/* The store keeps the dates unmoved: the last that moves to within
	 * days (rules_due_from). */
	rc = store_people_due_each(st, which,
	    within >= 0 ? rules_due_from(settings, today + within + 1) - 1 :
	    DATE_NONE, views_due_visit, &s, cause);
	store_visit_dates_free(&s.visits);
	if (rc != 0) {
		free(s.cause);
		return -1;
	}
	if (s.cause != NULL) {
		if (cause != NULL)
			*cause = s.cause;
		else
			free(s.cause);
		return -1;
	}
	return 0;
}

int
views_due_counts(struct store *st, const struct rules_settings *settings,
    date_t today, struct due_counts *out, char **cause)
{
	struct store_due_query q;
	date_t soon_from, ok_from;
	long n[5], k;
	int i;

	memset(out, 0, sizeof *out);
	rules_due_bounds(settings, today, &soon_from, &ok_from);
	/* By status, and the young people whose most urgent item is
	 * overdue or due soon (the list's filters). */
	for (i = 0; i < 5; i++) {
		memset(&q, 0, sizeof q);
		q.due_from = q.due_before = DATE_NONE;
		q.which = i == 1 ? STORE_DOWN : i == 2 ? STORE_ARCHIVED :
		    i == 0 ? STORE_UP : STORE_CURRENT;
		if (i == 3)
			q.due_before = soon_from;
		else if (i == 4) {
			q.due_from = soon_from;
			q.due_before = ok_from;
		}
		if (store_due_count(st, &q, &n[i], cause) != 0)
			return -1;
	}
	out->stepped_up = (int)n[0];
	out->stepped_down = (int)n[1];
	out->archived = (int)n[2];
	out->people_overdue = (int)n[3];
	out->people_soon = (int)n[4];
	/* The items overdue of each kind, and the contacts due soon. */
	for (i = 0; i < ROWS_KINDS; i++) {
		if (store_kind_count(st, rows_kinds[i].kind, DATE_NONE,
		    soon_from, &k, cause) != 0)
			return -1;
		out->kind_overdue[i] = (int)k;
	}
	if (store_kind_count(st, AGENDA_CONTACT, soon_from, ok_from, &k,
	    cause) != 0)
		return -1;
	out->overdue = out->kind_overdue[rows_kind_index(AGENDA_CONTACT)];
	out->due_soon = (int)k;
	if (store_visits_count(st, soon_from, &k, cause) != 0)
		return -1;
	out->visits_overdue = (int)k;
	return store_actions_count(st, today, &out->actions_open,
	    &out->actions_late, cause);
}

static int
views_due_keep(const struct due_row *row, void *arg)
{
	due_list_append(arg, row);
	return 0;
}

int
views_due(struct store *st, const struct rules_settings *settings,
    date_t today, unsigned which, int within, struct due_list *out,
    char **cause)
{
	memset(out, 0, sizeof *out);
	if (views_due_counts(st, settings, today, &out->counts, cause) != 0 ||
	    views_due_each(st, settings, today, which, within, views_due_keep,
	    out, cause) != 0) {
		due_list_free(out);
		return -1;
	}
	return 0;
}

/*
 * The caseload list a window at a time.
 */

int
views_due_get(struct store *st, const struct rules_settings *settings,
    date_t today, long id, struct due_row *out, char **cause)
{
	struct person *p = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_person_get(st, id, &p, cause)) != 0)
		return rc;
	/* Names only, as in the lists. */
	rows_judge(p, settings, today, person_copy_names(p), out);
	free(p);
	return views_visit_judge(st, settings, today, out, cause);
}

/* The store query for what filter and search pick on today. */
static void
views_query(const struct rules_settings *settings, date_t today,
    enum views_filter filter, const char *search, struct store_due_query *q)
{
	date_t soon_from, ok_from;
	const char *digits;

	memset(q, 0, sizeof *q);
	q->due_from = q->due_before = DATE_NONE;
	rules_due_bounds(settings, today, &soon_from, &ok_from);
	if ((int)filter >= VIEWS_LIVING) {
		q->which = STORE_CURRENT;
		q->living = accommodation_type_name((enum accommodation_type)
		    (filter - VIEWS_LIVING));
	}
	switch (filter) {
	case VIEWS_EVERYONE:
		q->which = STORE_CURRENT;
		break;
	case VIEWS_OVERDUE:
		q->which = STORE_CURRENT;
		q->due_before = soon_from;
		break;
	case VIEWS_SOON:
		q->which = STORE_CURRENT;
		q->due_from = soon_from;
		q->due_before = ok_from;
		break;
	case VIEWS_UP:
		q->which = STORE_UP;
		break;
	case VIEWS_DOWN:
		q->which = STORE_DOWN;
		break;
	case VIEWS_ARCHIVED:
		q->which = STORE_ARCHIVED;
		break;
	}
	if (search != NULL && *search != '\0') {
		q->text = search;
		digits = search + (*search == '#');
		if (*digits != '\0' &&
		    strspn(digits, "0123456789") == strlen(digits))
			q->number = digits;
	}
}

void
due_window_free(struct due_window *w)
{
	if (w == NULL)
		return;
	due_rows_free(w->rows, w->n);
	free(w->keys);
	memset(w, 0, sizeof *w);
}

static void
due_window_grow(struct due_window *w, size_t n)
{
	if (w->n + n <= w->size)
		return;
	while (w->n + n > w->size)
		w->size = w->size ? w->size * 2 : 32;
	w->rows = xreallocarray(w->rows, w->size, sizeof *w->rows);
	w->keys = xreallocarray(w->keys, w->size, sizeof *w->keys);
}

void
due_window_keep(struct due_window *w, size_t start, size_t n)
{
	size_t i;

	if (start > w->n)
		start = w->n;
	if (n > w->n - start)
		n = w->n - start;
	for (i = 0; i < w->n; i++) {
		if (i < start || i >= start + n)
			free(w->rows[i].person);
	}
	if (start > 0) {
		memmove(w->rows, w->rows + start, n * sizeof *w->rows);
		memmove(w->keys, w->keys + start, n * sizeof *w->keys);
	}
	w->n = n;
}

void
due_window_join(struct due_window *to, struct due_window *from)
{
	if (from->n > 0) {
		due_window_grow(to, from->n);
		memcpy(to->rows + to->n, from->rows,
		    from->n * sizeof *from->rows);
		memcpy(to->keys + to->n, from->keys,
		    from->n * sizeof *from->keys);
		to->n += from->n;
	}
	from->n = 0;
	due_window_free(from);
}

int
views_key_compare(const struct store_due_key *a,
    const struct store_due_key *b)
{
	if (a->others != b->others)
		return a->others < b->others ? -1 : 1;
	if (!a->others && a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return 0;
}

long
views_filter_count(const struct due_counts *counts, enum views_filter filter)
{
	switch (filter) {
	case VIEWS_EVERYONE:
		return (long)counts->stepped_up + counts->stepped_down;
	case VIEWS_OVERDUE:
		return counts->people_overdue;
	case VIEWS_SOON:
		return counts->people_soon;
	case VIEWS_UP:
		return counts->stepped_up;
	case VIEWS_DOWN:
		return counts->stepped_down;
	case VIEWS_ARCHIVED:
		return counts->archived;
	}
	return 0;	/* VIEWS_LIVING + T: counted by views_window_count */
}

int
views_window_count(struct store *st, const struct rules_settings *settings,
    date_t today, enum views_filter filter, const char *search, long *n,
    char **cause)
{
	struct store_due_query q;

	views_query(settings, today, filter, search, &q);
	return store_due_count(st, &q, n, cause);
}

struct views_window_state {
	const struct rules_settings	*settings;
	date_t				 today;
	struct due_window		*w;
	views_due_cb			 cb;
	void				*arg;
	struct store			*st;	/* the visits read from */
	char				*cause;	/* why they were not */
};

/*
 * Add a judged copy of a row (names only), with its statutory visit
 * clock, to the end of the window.
 */
static int
views_window_add(const struct person *p, const struct store_due_key *key,
    void *arg)
{
	struct views_window_state *s = arg;
	struct due_window *w = s->w;

	due_window_grow(w, 1);
	rows_judge(p, s->settings, s->today, person_copy_names(p),
	    &w->rows[w->n]);
	w->keys[w->n] = *key;
	w->n++;
	/* A window is a screenful: a look-up a row costs nothing. */
	return views_visit_judge(s->st, s->settings, s->today,
	    &w->rows[w->n - 1], &s->cause) != 0;
}

/* After a window was read: -1 with *cause when a visit was not. */
static int
views_window_done(struct views_window_state *s, struct due_window *out,
    char **cause)
{
	if (s->cause == NULL)
		return 0;
	due_window_free(out);
	if (cause != NULL)
		*cause = s->cause;
	else
		free(s->cause);
	return -1;
}

int
views_window_page(struct store *st, const struct rules_settings *settings,
    date_t today, enum views_filter filter, const char *search,
    const struct store_due_key *key, int dir, size_t limit,
    struct due_window *out, char **cause)
{
	struct views_window_state s = { settings, today, out, NULL, NULL,
	    st, NULL };
	struct store_due_query q;
	struct due_row row;
	struct store_due_key k;
	size_t i;

	memset(out, 0, sizeof *out);
	if (limit == 0)
		return 0;
	views_query(settings, today, filter, search, &q);
	if (store_due_page(st, &q, key, dir, (long)limit, views_window_add, &s,
	    cause) != 0) {
		free(s.cause);
		due_window_free(out);
		return -1;
	}
	if (views_window_done(&s, out, cause) != 0)
		return -1;
	if (dir == STORE_BEFORE) {
		/* Read nearest first: put them in the list's order. */
		for (i = 0; i < out->n / 2; i++) {
			row = out->rows[i];
			out->rows[i] = out->rows[out->n - 1 - i];
			out->rows[out->n - 1 - i] = row;
			k = out->keys[i];
			out->keys[i] = out->keys[out->n - 1 - i];
			out->keys[out->n - 1 - i] = k;
		}
	}
	return 0;
}

int
views_window_row(struct store *st, const struct rules_settings *settings,
    date_t today, enum views_filter filter, const char *search, long id,
    struct due_window *out, char **cause)
{
	struct views_window_state s = { settings, today, out, NULL, NULL,
	    st, NULL };
	struct store_due_query q;

	memset(out, 0, sizeof *out);
	views_query(settings, today, filter, search, &q);
	if (store_due_get(st, &q, id, views_window_add, &s, cause) != 0) {
		free(s.cause);
		due_window_free(out);
		return -1;
	}
	return views_window_done(&s, out, cause);
}

static int
views_window_visit(const struct person *p, const struct store_due_key *key,
    void *arg)
{
	struct views_window_state *s = arg;
	struct person person = *p;	/* the strings are still the store's */
	struct due_row row;

	(void)key;
	rows_judge(p, s->settings, s->today, &person, &row);
	/* Printed: with the statutory visit clock, as due --print. */
	if (views_visit_judge(s->st, s->settings, s->today, &row,
	    &s->cause) != 0)
		return 1;
	return s->cb(&row, s->arg);
}

int
views_window_each(struct store *st, const struct rules_settings *settings,
    date_t today, enum views_filter filter, const char *search,
    views_due_cb cb, void *arg, char **cause)
{
	struct views_window_state s = { settings, today, NULL, cb, arg, st,
	    NULL };
	struct store_due_query q;

	views_query(settings, today, filter, search, &q);
	if (store_due_page(st, &q, NULL, STORE_AFTER, -1,
	    views_window_visit, &s, cause) != 0) {
		free(s.cause);
		return -1;
	}
	if (s.cause != NULL) {
		if (cause != NULL)
			*cause = s.cause;
		else
			free(s.cause);
		return -1;
	}
	return 0;
}

/* The open actions an agenda holds, by young person, then number. */
struct views_actions {
	struct action	**a;
	size_t		  n;
	size_t		  size;
};

static int
views_actions_take(const struct action *a, void *arg)
{
	struct views_actions *va = arg;

	if (va->n == va->size) {
		va->size = va->size ? va->size * 2 : 16;
		va->a = xreallocarray(va->a, va->size, sizeof *va->a);
	}
	va->a[va->n++] = action_copy(a);
	return 0;
}

static int
views_actions_compare(const void *a, const void *b)
{
	const struct action *x = *(struct action *const *)a;
	const struct action *y = *(struct action *const *)b;

	if (x->person_id != y->person_id)
		return x->person_id < y->person_id ? -1 : 1;
	return x->number - y->number;
}

static void
views_actions_free(struct views_actions *va)
{
	size_t i;

	for (i = 0; i < va->n; i++)
		free(va->a[i]);
	free(va->a);
	memset(va, 0, sizeof *va);
}

/* Every open action due by until (late ones too) into va. */
static int
views_actions_load(struct store *st, date_t until, struct views_actions *va,
    char **cause)
{
	memset(va, 0, sizeof *va);
	if (store_actions_due(st, date_from_ymd(DATE_YEAR_MIN, 1, 1), until,
	    views_actions_take, va, cause) != 0) {
		views_actions_free(va);
		return -1;
	}
	if (va->n > 1)
		qsort(va->a, va->n, sizeof *va->a, views_actions_compare);
	return 0;
}

/* The first of young person id's actions in va, and how many, into *n. */
static size_t
views_actions_of(const struct views_actions *va, long id, size_t *n)
{
	size_t lo = 0, hi = va->n, mid, first;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (va->a[mid]->person_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	while (lo < va->n && va->a[lo]->person_id == id)
		lo++;
	*n = lo - first;
	return first;
}

/* An open action as an item of the agenda: late ones placed on today. */
static struct agenda_item
views_action_item(const struct action *a,
    const struct rules_settings *settings, date_t today)
{
	struct agenda_item item;

	memset(&item, 0, sizeof item);
	item.kind = AGENDA_ACTION;
	item.due = rules_judge_due(a->due_on, settings, today);
	item.on = item.due.state == DUE_OVERDUE ? today : a->due_on;
	return item;
}

/*
 * The statutory visit of young person id, when they have one due by
 * `until` (or overdue), as an item of the agenda into *item: 1, or 0.
 */
static int
views_visit_item(const struct store_visit_dates *vd, long id,
    const struct rules_settings *settings, date_t today, date_t until,
    struct agenda_item *item)
{
	size_t lo = 0, hi = vd->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (vd->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == vd->n || vd->ids[lo] != id)
		return 0;
	memset(item, 0, sizeof *item);
	item->kind = AGENDA_VISIT;
	item->due = rules_judge_due(rules_due_day(settings, vd->due[lo]),
	    settings, today);
	if (item->due.state == DUE_NONE || item->due.due > until)
		return 0;
	item->on = item->due.state == DUE_OVERDUE ? today : item->due.due;
	return 1;
}

struct views_agenda_state {
	const struct rules_settings	*settings;
	date_t				 today;
	date_t				 until;
	struct agenda_list		*list;
	const struct views_actions	*actions;
	struct store_visit_dates	 visits;
	struct store			*st;		/* for birthday returns */
	char				*cause;		/* when they failed */
};

/* Copy s into the list's block of names; returns its offset. */
static size_t
views_agenda_name(struct agenda_list *list, const char *s)
{
	size_t len = strlen(s) + 1, at = list->names_used;

	if (list->names_used + len > list->names_size) {
		list->names_size = (list->names_size + len) * 2;
		list->names = xreallocarray(list->names, list->names_size, 1);
	}
	memcpy(list->names + at, s, len);
	list->names_used += len;
	return at;
}

static int
views_agenda_add(const struct person *p, void *arg)
{
	struct views_agenda_state *s = arg;
	struct agenda_list *list = s->list;
	struct agenda_item items[RULES_AGENDA_MAX + 1 + RETURNS_AGENDA_MAX];
	struct agenda_entry *e;
	size_t n, i, name, display, first, nactions, more;

	n = rules_agenda(&p->facts, s->settings, s->today, s->until, items);
	n += views_visit_item(&s->visits, p->id, s->settings, s->today,
	    s->until, &items[n]);
	if (views_return_agenda(s->st, p, s->settings, s->today, s->until,
	    items + n, &more, &s->cause) != 0)
		return 1;
	n += more;
	first = views_actions_of(s->actions, p->id, &nactions);
	if (n + nactions == 0)
		return 0;
	/* Names go once per person into one block; offsets until the end. */
	name = views_agenda_name(list, p->name);
	display = views_agenda_name(list, person_display_name(p));
	for (i = 0; i < n + nactions; i++) {
		if (list->n == list->size) {
			list->size = list->size ? list->size * 2 : 64;
			list->entries = xreallocarray(list->entries,
			    list->size, sizeof *list->entries);
		}
		e = &list->entries[list->n++];
		e->person_id = p->id;
		e->name = (const char *)(uintptr_t)name;
		e->display_name = (const char *)(uintptr_t)display;
		memcpy(e->uuid, p->uuid, sizeof e->uuid);
		e->flagged = p->flagged;
		if (i < n) {
			e->item = items[i];
			e->action = NULL;
		} else {
			e->action = s->actions->a[first + i - n];
			e->item = views_action_item(e->action, s->settings,
			    s->today);
		}
	}
	return 0;
}

static int
views_agenda_compare(const void *a, const void *b)
{
	const struct agenda_entry *ea = a, *eb = b;

	if (ea->item.on != eb->item.on)
		return ea->item.on < eb->item.on ? -1 : 1;
	/* Overdue items (on today) come before those due today. */
	if (ea->item.due.due != eb->item.due.due)
		return ea->item.due.due < eb->item.due.due ? -1 : 1;
	if (ea->item.kind != eb->item.kind)
		return ea->item.kind < eb->item.kind ? -1 : 1;
	if (ea->person_id != eb->person_id)
		return ea->person_id < eb->person_id ? -1 : 1;
	if (ea->action != NULL && eb->action != NULL)
		return ea->action->number - eb->action->number;
	return ea->item.age - eb->item.age;
}

struct views_agenda_each_state {
	const struct rules_settings	*settings;
	date_t				 today;
	date_t				 until;
	views_agenda_cb			 cb;
	void				*arg;
	const struct views_actions	*actions;
	struct store_visit_dates	 visits;
	struct store			*st;		/* for birthday returns */
	char				*cause;		/* when they failed */
};

static int
views_agenda_visit(const struct person *p, void *arg)
{
	struct views_agenda_each_state *s = arg;
	struct agenda_item items[RULES_AGENDA_MAX + 1 + RETURNS_AGENDA_MAX];
	struct agenda_entry e;
	size_t n, i, first, nactions, more;

	n = rules_agenda(&p->facts, s->settings, s->today, s->until, items);
	n += views_visit_item(&s->visits, p->id, s->settings, s->today,
	    s->until, &items[n]);
	if (views_return_agenda(s->st, p, s->settings, s->today, s->until,
	    items + n, &more, &s->cause) != 0)
		return 1;
	n += more;
	first = views_actions_of(s->actions, p->id, &nactions);
	for (i = 0; i < n + nactions; i++) {
		e.person_id = p->id;
		e.name = p->name;
		e.display_name = person_display_name(p);
		memcpy(e.uuid, p->uuid, sizeof e.uuid);
		e.flagged = p->flagged;
		if (i < n) {
			e.item = items[i];
			e.action = NULL;
		} else {
			e.action = s->actions->a[first + i - n];
			e.item = views_action_item(e.action, s->settings,
			    s->today);
		}
		if (s->cb(&e, s->arg) != 0)
			return 1;
	}
	return 0;
}

int
views_agenda_each(struct store *st, const struct rules_settings *settings,
    date_t today, date_t until, views_agenda_cb cb, void *arg, char **cause)
{
	struct views_agenda_each_state s = { settings, today, until, cb, arg,
	    NULL, { NULL, NULL, 0 }, st, NULL };
	struct views_actions va;
	int rc;

	if (views_actions_load(st, until, &va, cause) != 0)
		return -1;
	if (store_visit_dates(st, &s.visits, cause) != 0) {
		views_actions_free(&va);
		return -1;
	}
	s.actions = &va;
	rc = store_people_due_each(st, STORE_CURRENT, DATE_NONE,
	    views_agenda_visit, &s, cause);
	views_actions_free(&va);
	store_visit_dates_free(&s.visits);
	if (rc == 0 && s.cause != NULL) {
		*cause = s.cause;
		return -1;
	}
	return rc;
}

int
views_agenda(struct store *st, const struct rules_settings *settings,
    date_t today, date_t until, struct agenda_list *out, char **cause)
{
	struct views_agenda_state s = { settings, today, until, out, NULL,
	    { NULL, NULL, 0 }, st, NULL };
	struct views_actions va;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if (views_actions_load(st, until, &va, cause) != 0)
		return -1;
	if (store_visit_dates(st, &s.visits, cause) != 0) {
		views_actions_free(&va);
		return -1;
	}
	s.actions = &va;
	/* The list keeps the actions its entries point at. */
	out->actions = va.a;
	out->nactions = va.n;
	/* Read from the index alone: it holds every fact the agenda needs. */
	rc = store_people_due_each(st, STORE_CURRENT, DATE_NONE,
	    views_agenda_add, &s, cause);
	store_visit_dates_free(&s.visits);
	if (rc != 0 || s.cause != NULL) {
		if (s.cause != NULL)
			*cause = s.cause;
		out->n = 0;
		agenda_list_free(out);
		return -1;
	}
	for (i = 0; i < out->n; i++) {
		out->entries[i].name = out->names +
		    (uintptr_t)out->entries[i].name;
		out->entries[i].display_name = out->names +
		    (uintptr_t)out->entries[i].display_name;
	}
	if (out->n > 1)
		qsort(out->entries, out->n, sizeof *out->entries,
		    views_agenda_compare);
	return 0;
}

struct views_letters_state {
	const struct rules_settings	*settings;
	date_t				 today;
	int				 within;
	struct letter_list		*list;
};

static int
views_letters_add(const struct person *p, void *arg)
{
	struct views_letters_state *s = arg;
	struct letter_list *list = s->list;
	struct letter_row *row;
	struct rules_due letter;
	struct person slim;

	if (p->facts.status != STATUS_DOWN)
		return 0;
	letter = rules_letter_due(&p->facts, s->settings, s->today);
	list->stepped_down++;
	if (letter.state == DUE_OVERDUE)
		list->overdue++;
	else if (letter.state == DUE_SOON)
		list->due_soon++;
	else if (letter.state == DUE_NONE)
		list->none++;
	if (s->within >= 0 && (letter.due == DATE_NONE ||
	    letter.due > s->today + s->within))
		return 0;

	if (list->n == list->size) {
		list->size = list->size ? list->size * 2 : 32;
		list->rows = xreallocarray(list->rows, list->size,
		    sizeof *list->rows);
	}
	/* A letter needs the name and address, nothing else. */
	slim = *p;
	slim.phone = slim.email = NULL;
	row = &list->rows[list->n++];
	row->person = person_copy(&slim);
	row->age = date_age(p->facts.dob, s->today);
	row->stepped_down_on = p->facts.status_since;
	row->letter = letter;
	return 0;
}

static int
views_letters_compare(const void *a, const void *b)
{
	const struct letter_row *ra = a, *rb = b;
	date_t da = ra->letter.due, db = rb->letter.due;

	if (da != db) {
		if (da == DATE_NONE)
			return 1;
		if (db == DATE_NONE)
			return -1;
		return da < db ? -1 : 1;
	}
	if (ra->person->id != rb->person->id)
		return ra->person->id < rb->person->id ? -1 : 1;
	return 0;
}

/*
 * The address each letter goes to: the latest accommodation's, when the
 * history has one, else their own (SPEC: "the latest row's address is the
 * address that letters use").
 */
static int
views_letters_addresses(struct store *st, struct letter_list *list,
    char **cause)
{
	struct accommodation *a;
	struct person slim, *copy;
	size_t k;
	int rc;

	for (k = 0; k < list->n; k++) {
		if ((rc = store_accommodation_current(st,
		    list->rows[k].person->id, &a, cause)) < 0)
			return -1;
		if (rc == 0 && a->address != NULL) {
			slim = *list->rows[k].person;
			slim.address = a->address;
			copy = person_copy(&slim);
			free(list->rows[k].person);
			list->rows[k].person = copy;
		}
		free(a);
	}
	return 0;
}

int
views_letters(struct store *st, const struct rules_settings *settings,
    date_t today, int within, struct letter_list *out, char **cause)
{
	struct views_letters_state s = { settings, today, within, out };

	memset(out, 0, sizeof *out);
	if (store_people_each(st, STORE_DOWN, views_letters_add, &s,
	    cause) != 0) {
		letter_list_free(out);
		return -1;
	}
	if (views_letters_addresses(st, out, cause) != 0) {
		letter_list_free(out);
		return -1;
	}
	if (out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows,
		    views_letters_compare);
	return 0;
}

/* What views_stats streams the store's rows into. */
struct views_stats_feed {
	struct stats			*s;
	const struct rules_settings	*settings;
};

static int
views_stats_person(const struct person *p, void *arg)
{
	struct views_stats_feed *f = arg;

	stats_add_person(f->s, &p->facts, f->settings);
	if (p->flagged)
		f->s->flagged++;
	return 0;
}

static int
views_stats_contact(const struct contact *c, void *arg)
{
	struct views_stats_feed *f = arg;
	struct stats_contact sc;

	sc.on = c->on;
	sc.by = c->by;
	sc.attempted = c->attempted;
	sc.struck = c->struck_on != DATE_NONE;
	stats_add_contact(f->s, &sc);
	return 0;
}

static int
views_stats_letter(long id, date_t on, void *arg)
{
	struct views_stats_feed *f = arg;

	(void)id;
	stats_add_letter(f->s, on);
	return 0;
}

/*
 * The statutory visits of everyone not archived who has lived in
 * accommodation the local authority provides: due in the last 12 months
 * and made on time (visit_on_time), and overdue now (the kept dates).
 */
static int
views_stats_visits(struct store *st, const struct rules_settings *settings,
    date_t today, struct stats *out, char **cause)
{
	struct store_visits v;
	date_t soon_from, ok_from;
	long *ids = NULL, n;
	size_t nids = 0, i;

	rules_due_bounds(settings, today, &soon_from, &ok_from);
	if (store_visits_count(st, soon_from, &n, cause) != 0)
		return -1;
	out->visits_overdue = (int)n;
	if (store_visited_people(st, &ids, &nids, cause) != 0)
		return -1;
	for (i = 0; i < nids; i++) {
		if (store_visits_read(st, ids[i], &v, cause) != 0) {
			free(ids);
			return -1;
		}
		visit_on_time(&v.facts, settings,
		    date_add_months(today, -12) + 1, today, &out->visits_due,
		    &out->visits_on_time);
		store_visits_free(&v);
	}
	free(ids);
	return 0;
}

/* Count a birthday in the reporting year for the figures. */
static int
views_stats_return(const struct returns_row *row, void *arg)
{
	struct stats *s = arg;

	s->returns_due++;
	if (row->rec != NULL)
		s->returns_recorded++;
	if (row->overdue)
		s->returns_overdue++;
	return 0;
}

int
views_stats(struct store *st, const struct rules_settings *settings,
    date_t today, struct stats *out, char **cause)
{
	struct views_stats_feed feed = { out, settings };

	stats_init(out, settings, today);
	if (store_people_each(st, STORE_CURRENT, views_stats_person, &feed,
	    cause) != 0 ||
	    store_contacts_since(st, out->since, views_stats_contact, &feed,
	    cause) != 0 ||
	    store_letters_since(st, out->year_start, views_stats_letter, &feed,
	    cause) != 0 ||
	    store_actions_count(st, today, &out->actions_open,
	    &out->actions_late, cause) != 0)
		return -1;
	if (views_stats_visits(st, settings, today, out, cause) != 0)
		return -1;
	out->returns_year = returns_year_of(today);
	if (views_returns_year(st, settings, out->returns_year, today,
	    views_stats_return, out, cause) != 0)
		return -1;
	return 0;
}
