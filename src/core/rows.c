/* SPDX-License-Identifier: MIT */
/*
 * rows.c: the rows of the lists, judged by the rules, and said in words
 * (see rows.h).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "xmalloc.h"

/* The kinds the list ranks, in the order that breaks a tie. */
const struct rows_kind rows_kinds[ROWS_KINDS] = {
	{ AGENDA_CONTACT, "contact", "contacts", rules_contact_due },
	{ AGENDA_REVIEW, "review", "reviews", rules_review_due },
	{ AGENDA_LETTER, "letter", "letters", rules_letter_due },
};

int
rows_kind_index(enum agenda_kind kind)
{
	int i;

	for (i = 0; i < ROWS_KINDS; i++) {
		if (rows_kinds[i].kind == kind)
			return i;
	}
	return -1;
}

int
rows_most_urgent(const struct rules_due *due, size_t n)
{
	size_t i;
	int best = -1;

	for (i = 0; i < n; i++) {
		if (due[i].state == DUE_NONE || due[i].due == DATE_NONE)
			continue;
		/* Strictly earlier: on the same day the first kind stays. */
		if (best < 0 || due[i].due < due[best].due)
			best = (int)i;
	}
	return best;
}

void
rows_urgent_judge(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today,
    struct rules_due *due, struct rows_urgent *out)
{
	int i;

	for (i = 0; i < ROWS_KINDS; i++)
		due[i] = rows_kinds[i].due(facts, settings, today);
	out->kind = rows_most_urgent(due, ROWS_KINDS);
	if (out->kind >= 0)
		out->due = due[out->kind];
	else
		out->due = rules_judge_due(DATE_NONE, settings, today);
}

void
rows_overdue_words(const int *overdue, size_t n, char *buf, size_t size)
{
	rows_late_words(overdue, n, 0, buf, size);
}

void
rows_late_words(const int *overdue, size_t n, int actions, char *buf,
    size_t size)
{
	rows_visits_late_words(overdue, n, 0, actions, buf, size);
}

void
rows_visits_late_words(const int *overdue, size_t n, int visits, int actions,
    char *buf, size_t size)
{
	size_t i, used = 0;
	int k, said = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < n && i < ROWS_KINDS; i++) {
		if (overdue[i] <= 0)
			continue;
		k = snprintf(buf + used, size - used, "%s%d %s", said ? ", " :
		    "", overdue[i], overdue[i] == 1 ? rows_kinds[i].name :
		    rows_kinds[i].plural);
		if (k < 0 || (size_t)k >= size - used)
			return;
		used += (size_t)k;
		said = 1;
	}
	if (visits > 0) {
		k = snprintf(buf + used, size - used, "%s%d visit%s",
		    said ? ", " : "", visits, visits == 1 ? "" : "s");
		if (k < 0 || (size_t)k >= size - used)
			return;
		used += (size_t)k;
		said = 1;
	}
	if (actions > 0) {
		k = snprintf(buf + used, size - used, "%s%d action%s",
		    said ? ", " : "", actions, actions == 1 ? "" : "s");
		if (k < 0 || (size_t)k >= size - used)
			return;
		used += (size_t)k;
		said = 1;
	}
	snprintf(buf + used, size - used, "%s", said ? " overdue" :
	    "nothing overdue");
}

void
rows_attempts_words(int attempts, char *buf, size_t size)
{
	if (attempts <= 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%d attempt%s since last seen", attempts,
		    attempts == 1 ? "" : "s");
}

void
rows_judge(const struct person *p, const struct rules_settings *settings,
    date_t today, struct person *person, struct due_row *row)
{
	struct rules_due due[ROWS_KINDS];

	row->person = person;
	row->stage = rules_stage(p->facts.dob, today);
	row->age = date_age(p->facts.dob, today);
	row->contact = rules_contact_due(&p->facts, settings, today);
	row->letter = rules_letter_due(&p->facts, settings, today);
	row->review = rules_review_due(&p->facts, settings, today);
	rows_urgent_judge(&p->facts, settings, today, due, &row->urgent);
	/* The store keeps the visit clock: the lists that read it set it. */
	row->visit = rules_judge_due(DATE_NONE, settings, today);
}

void
due_list_append(struct due_list *list, const struct due_row *row)
{
	if (list->n == list->size) {
		list->size = list->size ? list->size * 2 : 64;
		list->rows = xreallocarray(list->rows, list->size,
		    sizeof *list->rows);
	}
	/* Keep only what the lists show: names, not contact details. */
	list->rows[list->n] = *row;
	list->rows[list->n].person = person_copy_names(row->person);
	list->n++;
}

void
due_rows_free(struct due_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(rows[i].person);
	free(rows);
}

void
due_list_free(struct due_list *list)
{
	if (list == NULL)
		return;
	due_rows_free(list->rows, list->n);
	memset(list, 0, sizeof *list);
}

void
rows_due_words(const struct rules_due *due, date_t today, char *buf,
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
rows_due_state(const struct due_row *row)
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

void
agenda_list_free(struct agenda_list *list)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; i < list->nactions; i++)
		free(list->actions[i]);
	free(list->actions);
	free(list->names);
	free(list->entries);
	memset(list, 0, sizeof *list);
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

int
rows_past_entitlement(enum status status, enum stage stage)
{
	return status == STATUS_UP && stage == STAGE_25_PLUS;
}
