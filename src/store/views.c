/*
 * views.c: the due list, the agenda and the letters due, from the store
 * and the rules.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "views.h"
#include "xmalloc.h"

struct views_due_state {
	const struct rules_settings	*settings;
	date_t				 today;
	unsigned			 which;
	int				 within;
	struct due_list			*list;
	views_due_cb			 cb;
	void				*arg;
};

/* Count (by = 1) or stop counting (by = -1) someone in list's totals. */
static void
views_due_count(struct due_counts *counts, enum status status,
    enum due_state contact, int by)
{
	if (status == STATUS_UP) {
		counts->stepped_up += by;
		if (contact == DUE_OVERDUE)
			counts->overdue += by;
		else if (contact == DUE_SOON)
			counts->due_soon += by;
	} else if (status == STATUS_DOWN)
		counts->stepped_down += by;
}

/* Judge one young person for the due list; row->person points at p. */
static void
views_due_row(const struct person *p, const struct rules_settings *settings,
    date_t today, struct due_row *row)
{
	row->person = (struct person *)p;
	row->stage = rules_stage(p->facts.dob, today);
	row->age = date_age(p->facts.dob, today);
	row->contact = rules_contact_due(&p->facts, settings, today);
	row->letter = rules_letter_due(&p->facts, settings, today);
	row->review = rules_review_due(&p->facts, settings, today);
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

/* Add a copy of row (names only) to the end of list. */
static void
views_due_append(struct due_list *list, const struct due_row *row)
{
	struct person slim;

	if (list->n == list->size) {
		list->size = list->size ? list->size * 2 : 64;
		list->rows = xreallocarray(list->rows, list->size,
		    sizeof *list->rows);
	}
	/* Keep only what the lists show: names, not contact details. */
	slim = *row->person;
	slim.phone = slim.email = slim.address = NULL;
	list->rows[list->n] = *row;
	list->rows[list->n].person = person_copy(&slim);
	list->n++;
}

static int
views_due_visit(const struct person *p, void *arg)
{
	struct views_due_state *s = arg;
	struct due_row row;

	views_due_row(p, s->settings, s->today, &row);
	/* The index chose the rows; the rules have the last word. */
	if (!views_due_wanted(&row, s->which, s->within, s->today))
		return 0;
	return s->cb(&row, s->arg);
}

int
views_due_each(struct store *st, const struct rules_settings *settings,
    date_t today, unsigned which, int within, views_due_cb cb, void *arg,
    char **cause)
{
	struct views_due_state s = { settings, today, which, within, NULL,
	    cb, arg };

	if (within >= 0)
		which &= STORE_UP;
	return store_people_due_each(st, which,
	    within >= 0 ? today + within : DATE_NONE, views_due_visit, &s,
	    cause);
}

struct views_count_state {
	const struct rules_settings	*settings;
	date_t				 today;
	struct due_counts		*counts;
};

static int
views_count_one(enum status status, date_t next_due, void *arg)
{
	struct views_count_state *s = arg;

	views_due_count(s->counts, status,
	    rules_judge_due(next_due, s->settings, s->today).state, 1);
	return 0;
}

int
views_due_counts(struct store *st, const struct rules_settings *settings,
    date_t today, struct due_counts *out, char **cause)
{
	struct views_count_state s = { settings, today, out };

	memset(out, 0, sizeof *out);
	return store_due_dates_each(st, views_count_one, &s, cause);
}

static int
views_due_keep(const struct due_row *row, void *arg)
{
	views_due_append(arg, row);
	return 0;
}

static int
views_due_compare(const void *a, const void *b)
{
	const struct due_row *ra = a, *rb = b;

	return rules_due_order(&ra->contact, ra->person->facts.status,
	    ra->person->id, &rb->contact, rb->person->facts.status,
	    rb->person->id);
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

int
views_due_update(struct store *st, const struct rules_settings *settings,
    date_t today, unsigned which, struct due_list *list, long id,
    char **cause)
{
	struct person *p = NULL;
	struct due_row row;
	size_t i, lo, hi, mid;

	if ((which & STORE_CURRENT) != STORE_CURRENT)
		return xfail(cause, "views_due_update: the list must hold the "
		    "whole current caseload");
	if (store_person_get(st, id, &p, cause) < 0)
		return -1;
	for (i = 0; i < list->n; i++) {
		if (list->rows[i].person->id != id)
			continue;
		views_due_count(&list->counts,
		    list->rows[i].person->facts.status,
		    list->rows[i].contact.state, -1);
		free(list->rows[i].person);
		memmove(&list->rows[i], &list->rows[i + 1],
		    (list->n - i - 1) * sizeof *list->rows);
		list->n--;
		break;
	}
	if (p == NULL)
		return 0;
	views_due_row(p, settings, today, &row);
	views_due_count(&list->counts, p->facts.status, row.contact.state, 1);
	i = list->n;
	if (views_due_wanted(&row, which, -1, today))
		views_due_append(list, &row);
	free(p);
	if (list->n == i)
		return 0;
	/* Move the new last row to its place in the order. */
	row = list->rows[i];
	lo = 0;
	hi = i;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (views_due_compare(&list->rows[mid], &row) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	memmove(&list->rows[lo + 1], &list->rows[lo],
	    (i - lo) * sizeof *list->rows);
	list->rows[lo] = row;
	return 0;
}

void
due_list_free(struct due_list *list)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; i < list->n; i++)
		free(list->rows[i].person);
	free(list->rows);
	memset(list, 0, sizeof *list);
}

void
views_due_words(const struct rules_due *due, date_t today, char *buf,
    size_t size)
{
	int days;

	switch (due->state) {
	case DUE_NONE:
		snprintf(buf, size, "%s", "");
		break;
	case DUE_OVERDUE:
		snprintf(buf, size, "overdue by %d day%s", due->days_overdue,
		    due->days_overdue == 1 ? "" : "s");
		break;
	default:
		days = (int)(due->due - today);
		if (days == 0)
			snprintf(buf, size, "due today");
		else
			snprintf(buf, size, "due in %d day%s", days,
			    days == 1 ? "" : "s");
		break;
	}
}

const char *
views_due_state(const struct due_row *row)
{
	switch (row->person->facts.status) {
	case STATUS_DOWN:
		return "stepped-down";
	case STATUS_ARCHIVED:
		return "archived";
	case STATUS_UP:
		break;
	}
	return rules_due_state_name(row->contact.state);
}

struct views_agenda_state {
	const struct rules_settings	*settings;
	date_t				 today;
	date_t				 until;
	struct agenda_list		*list;
};

static int
views_agenda_add(const struct person *p, void *arg)
{
	struct views_agenda_state *s = arg;
	struct agenda_list *list = s->list;
	struct agenda_item items[RULES_AGENDA_MAX];
	struct agenda_entry *e;
	size_t n, i;

	n = rules_agenda(&p->facts, s->settings, s->today, s->until, items);
	for (i = 0; i < n; i++) {
		if (list->n == list->size) {
			list->size = list->size ? list->size * 2 : 64;
			list->entries = xreallocarray(list->entries,
			    list->size, sizeof *list->entries);
		}
		e = &list->entries[list->n++];
		e->person_id = p->id;
		e->name = xstrdup(p->name);
		e->display_name = xstrdup(person_display_name(p));
		memcpy(e->uuid, p->uuid, sizeof e->uuid);
		e->item = items[i];
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
	return ea->item.age - eb->item.age;
}

struct views_agenda_each_state {
	const struct rules_settings	*settings;
	date_t				 today;
	date_t				 until;
	views_agenda_cb			 cb;
	void				*arg;
};

static int
views_agenda_visit(const struct person *p, void *arg)
{
	struct views_agenda_each_state *s = arg;
	struct agenda_item items[RULES_AGENDA_MAX];
	struct agenda_entry e;
	size_t n, i;

	n = rules_agenda(&p->facts, s->settings, s->today, s->until, items);
	for (i = 0; i < n; i++) {
		e.person_id = p->id;
		e.name = (char *)p->name;
		e.display_name = (char *)person_display_name(p);
		memcpy(e.uuid, p->uuid, sizeof e.uuid);
		e.item = items[i];
		if (s->cb(&e, s->arg) != 0)
			return 1;
	}
	return 0;
}

int
views_agenda_each(struct store *st, const struct rules_settings *settings,
    date_t today, date_t until, views_agenda_cb cb, void *arg, char **cause)
{
	struct views_agenda_each_state s = { settings, today, until, cb, arg };

	return store_people_due_each(st, STORE_CURRENT, DATE_NONE,
	    views_agenda_visit, &s, cause);
}

int
views_agenda(struct store *st, const struct rules_settings *settings,
    date_t today, date_t until, struct agenda_list *out, char **cause)
{
	struct views_agenda_state s = { settings, today, until, out };

	memset(out, 0, sizeof *out);
	if (store_people_each(st, STORE_CURRENT, views_agenda_add, &s,
	    cause) != 0) {
		agenda_list_free(out);
		return -1;
	}
	if (out->n > 1)
		qsort(out->entries, out->n, sizeof *out->entries,
		    views_agenda_compare);
	return 0;
}

void
views_agenda_due(const struct due_list *due,
    const struct rules_settings *settings, date_t today, date_t until,
    struct agenda_list *out)
{
	struct views_agenda_state s = { settings, today, until, out };
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < due->n; i++) {
		if (due->rows[i].person->facts.status != STATUS_ARCHIVED)
			views_agenda_add(due->rows[i].person, &s);
	}
	if (out->n > 1)
		qsort(out->entries, out->n, sizeof *out->entries,
		    views_agenda_compare);
}

void
agenda_list_free(struct agenda_list *list)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; i < list->n; i++) {
		free(list->entries[i].name);
		free(list->entries[i].display_name);
	}
	free(list->entries);
	memset(list, 0, sizeof *list);
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
	if (out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows,
		    views_letters_compare);
	return 0;
}

void
letter_list_free(struct letter_list *list)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; i < list->n; i++)
		free(list->rows[i].person);
	free(list->rows);
	memset(list, 0, sizeof *list);
}
