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

void
rows_judge(const struct person *p, const struct rules_settings *settings,
    date_t today, struct person *person, struct due_row *row)
{
	row->person = person;
	row->stage = rules_stage(p->facts.dob, today);
	row->age = date_age(p->facts.dob, today);
	row->contact = rules_contact_due(&p->facts, settings, today);
	row->letter = rules_letter_due(&p->facts, settings, today);
	row->review = rules_review_due(&p->facts, settings, today);
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
	if (list == NULL)
		return;
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
