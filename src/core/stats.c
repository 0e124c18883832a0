/* SPDX-License-Identifier: MIT */
/*
 * stats.c: figures for supervision (see stats.h), counted by the rules.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "returns.h"
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

/* One line of stats_lines, formatted. */
static void
stats_say(stats_line_cb cb, void *arg, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
stats_say(stats_line_cb cb, void *arg, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	cb(line, arg);
}

void
stats_lines(const struct stats *s, const char *format, stats_line_cb cb,
    void *arg)
{
	char label[32], day[64], cap[64], contact[128];
	char year[RETURNS_YEAR_SIZE];
	int i, pc;

	stats_say(cb, arg, "Supervision figures on %s",
	    date_show(s->today, format, day, sizeof day));
	cb("", arg);
	if (s->over_cap > 0)
		snprintf(cap, sizeof cap, ", %d over the cap of %d",
		    s->over_cap, s->cap);
	else
		snprintf(cap, sizeof cap, " (cap %d)", s->cap);
	stats_say(cb, arg, "%-14s  %d stepped up%s, %d stepped down",
	    "Caseload", s->stepped_up, cap, s->stepped_down);
	if ((pc = stats_percent(s->within_interval, s->stepped_up)) < 0)
		snprintf(contact, sizeof contact, "nobody stepped up");
	else
		snprintf(contact, sizeof contact, "%d of %d (%d%%) contacted "
		    "within their interval, %d overdue", s->within_interval,
		    s->stepped_up, pc, s->overdue);
	stats_say(cb, arg, "%-14s  %s", "Contact", contact);
	snprintf(label, sizeof label, "Last %d week%s", s->weeks,
	    s->weeks == 1 ? "" : "s");
	stats_say(cb, arg, "%-14s  %d contact%s since %s, %d started by the "
	    "young person", label, s->contacts, s->contacts == 1 ? "" : "s",
	    date_show(s->since, format, day, sizeof day),
	    s->contacts_by_young_person);
	stats_say(cb, arg, "%-14s  %d attempted contact%s (no answer, not in)",
	    "", s->attempted, s->attempted == 1 ? "" : "s");
	stats_say(cb, arg, "%-14s  %d annual letter%s sent in %d", "Letters",
	    s->letters, s->letters == 1 ? "" : "s", s->year);
	stats_say(cb, arg, "%-14s  %d pathway plan review%s overdue",
	    "Reviews", s->reviews_overdue, s->reviews_overdue == 1 ? "" : "s");
	stats_say(cb, arg, "%-14s  %d young %s with a current safety flag",
	    "Safety flags", s->flagged, s->flagged == 1 ? "person" : "people");
	stats_say(cb, arg, "%-14s  %d open, %d late", "Agreed actions",
	    s->actions_open, s->actions_late);
	stats_say(cb, arg, "%-14s  %d of %d statutory visit%s due in the last "
	    "12 months made on time, %d overdue now", "Visits",
	    s->visits_on_time, s->visits_due, s->visits_due == 1 ? "" : "s",
	    s->visits_overdue);
	returns_year_name(s->returns_year, year, sizeof year);
	stats_say(cb, arg, "%-14s  %d of %d recorded for %s, %d overdue",
	    "Returns", s->returns_recorded, s->returns_due, year,
	    s->returns_overdue);
	cb("", arg);
	stats_say(cb, arg, "%-14s  %10s  %12s", "By stage", "stepped up",
	    "stepped down");
	for (i = 0; i < STATS_STAGES; i++)
		stats_say(cb, arg, "  %-12s  %10d  %12d",
		    rules_stage_label((enum stage)i), s->up_by_stage[i],
		    s->down_by_stage[i]);
}
