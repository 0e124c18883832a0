/*
 * stats.c: figures for supervision (see stats.h), counted by the rules.
 */
#include <config.h>

#include <string.h>

#include "stats.h"

void
stats_init(struct stats *s, const struct rules_settings *settings,
    date_t today)
{
	int y, m, d;

	memset(s, 0, sizeof *s);
	s->today = today;
	s->cap = settings->cap;
	s->weeks = settings->interval_weeks;
	s->since = today - (date_t)(s->weeks * 7) + 1;
	date_to_ymd(today, &y, &m, &d);
	s->year = y;
	s->year_start = date_from_ymd(y, 1, 1);
}

void
stats_add_person(struct stats *s, const struct person_facts *facts,
    const struct rules_settings *settings)
{
	enum stage stage = rules_stage(facts->dob, s->today);
	struct rules_due due;

	switch (facts->status) {
	case STATUS_UP:
		s->stepped_up++;
		s->up_by_stage[stage]++;
		due = rules_contact_due(facts, settings, s->today);
		if (due.state == DUE_OVERDUE)
			s->overdue++;
		else
			s->within_interval++;
		due = rules_review_due(facts, settings, s->today);
		if (due.state == DUE_OVERDUE)
			s->reviews_overdue++;
		break;
	case STATUS_DOWN:
		s->stepped_down++;
		s->down_by_stage[stage]++;
		break;
	case STATUS_ARCHIVED:
		return;
	}
	s->over_cap = rules_over_cap(s->stepped_up, settings) ?
	    s->stepped_up - settings->cap : 0;
}

void
stats_add_contact(struct stats *s, const struct stats_contact *c)
{
	if (c->struck || c->on < s->since || c->on > s->today)
		return;
	if (c->attempted) {
		s->attempted++;
		return;
	}
	s->contacts++;
	if (c->by == BY_YOUNG_PERSON)
		s->contacts_by_young_person++;
}

void
stats_add_letter(struct stats *s, date_t sent_on)
{
	if (sent_on >= s->year_start && sent_on <= s->today)
		s->letters++;
}

void
stats_compute(const struct person_facts *people, size_t n_people,
    const struct stats_contact *contacts, size_t n_contacts,
    const date_t *letters, size_t n_letters,
    const struct rules_settings *settings, date_t today, struct stats *out)
{
	size_t i;

	stats_init(out, settings, today);
	for (i = 0; i < n_people; i++)
		stats_add_person(out, &people[i], settings);
	for (i = 0; i < n_contacts; i++)
		stats_add_contact(out, &contacts[i]);
	for (i = 0; i < n_letters; i++)
		stats_add_letter(out, letters[i]);
}

int
stats_percent(int part, int whole)
{
	if (whole <= 0)
		return -1;
	return (int)((200L * part + whole) / (2L * whole));
}
