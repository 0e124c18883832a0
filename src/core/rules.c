/* SPDX-License-Identifier: MIT */
/*
 * rules.c: the domain rules (see rules.h; the manual tells them to the
 * worker under THE RULES in caseload(1)).
 */
#include <config.h>

#include <stddef.h>

#include "holiday.h"
#include "rules.h"

const int rules_milestone_ages[RULES_MILESTONE_COUNT] = { 18, 21, 25 };

/* Letters stop, and entitlement ends, at this age. */
#define RULES_END_AGE 25

void
rules_settings_default(struct rules_settings *settings)
{
	settings->interval_weeks = 8;
	settings->due_soon_days = 14;
	settings->first_contact_days = 7;
	settings->letter_months = 12;
	settings->review_months = 6;
	settings->cap = 22;
	settings->return_months_before = 3;
	settings->return_months_after = 1;
	settings->working_days = 0;
	settings->holidays = NULL;
	settings->nholidays = 0;
}

enum stage
rules_stage(date_t dob, date_t today)
{
	int age = date_age(dob, today);

	if (age < 16)
		return STAGE_UNDER_16;
	if (age < 18)
		return STAGE_16_18;
	if (age < 21)
		return STAGE_18_21;
	if (age < RULES_END_AGE)
		return STAGE_21_25;
	return STAGE_25_PLUS;
}

const char *
rules_stage_label(enum stage stage)
{
	static const char *const labels[] = {
		"under 16", "16-18", "18-21", "21-25", "25+"
	};

	return labels[stage];
}

const char *
rules_due_state_name(enum due_state state)
{
	static const char *const names[] = {
		"overdue", "due-soon", "ok", "none"
	};

	return names[state];
}

date_t
rules_due_day(const struct rules_settings *settings, date_t date)
{
	if (!settings->working_days)
		return date;
	return holiday_working_day_before(date, settings->holidays,
	    settings->nholidays);
}

date_t
rules_due_from(const struct rules_settings *settings, date_t day)
{
	/*
	 * Moving to the working day before never changes the order of two
	 * dates, so the dates moved before day are the ones before the
	 * first working day on or after it.
	 */
	if (!settings->working_days)
		return day;
	return holiday_working_day_after(day, settings->holidays,
	    settings->nholidays);
}

void
rules_due_bounds(const struct rules_settings *settings, date_t today,
    date_t *soon_from, date_t *ok_from)
{
	*soon_from = rules_due_from(settings, today);
	*ok_from = rules_due_from(settings,
	    today + settings->due_soon_days + 1);
}

/* Judge a date worked out by the rules, moved to the day it is due. */
static struct rules_due
rules_judge_moved(date_t due, const struct rules_settings *settings,
    date_t today)
{
	return rules_judge_due(rules_due_day(settings, due), settings, today);
}

struct rules_due
rules_judge_due(date_t due, const struct rules_settings *settings,
    date_t today)
{
	struct rules_due r;
	date_t soon_from, ok_from;

	rules_due_bounds(settings, today, &soon_from, &ok_from);
	r.due = due;
	r.days_overdue = 0;
	if (due == DATE_NONE)
		r.state = DUE_NONE;
	else if (due < soon_from) {
		r.state = DUE_OVERDUE;
		r.days_overdue = (int)(today - due);
	} else if (due < ok_from)
		r.state = DUE_SOON;
	else
		r.state = DUE_OK;
	return r;
}

date_t
rules_last_contact(const struct rules_contact *log, size_t n)
{
	date_t last = DATE_NONE;
	size_t i;

	for (i = 0; i < n; i++) {
		if (log[i].attempted || log[i].struck)
			continue;
		if (last == DATE_NONE || log[i].on > last)
			last = log[i].on;
	}
	return last;
}

int
rules_interval_days(const struct person_facts *facts,
    const struct rules_settings *settings)
{
	if (facts->interval_weeks > 0)
		return facts->interval_weeks * 7;
	return settings->interval_weeks * 7;
}

date_t
rules_start(const struct person_facts *facts)
{
	if (facts->status != STATUS_UP)
		return DATE_NONE;
	if (facts->status_since == DATE_NONE ||
	    (facts->allocated_on != DATE_NONE &&
	    facts->allocated_on > facts->status_since))
		return facts->allocated_on;
	return facts->status_since;
}

int
rules_attempts(const struct person_facts *facts,
    const struct rules_contact *log, size_t n)
{
	date_t start = rules_start(facts), last;
	size_t i;
	int count = 0;

	if (facts->status != STATUS_UP)
		return 0;
	last = rules_last_contact(log, n);
	for (i = 0; i < n; i++) {
		if (!log[i].attempted || log[i].struck)
			continue;
		if (start != DATE_NONE && log[i].on < start)
			continue;
		if (last != DATE_NONE && log[i].on <= last)
			continue;
		count++;
	}
	return count;
}

struct rules_due
rules_contact_due(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today)
{
	date_t start = rules_start(facts), due = DATE_NONE, first;

	if (facts->status != STATUS_UP)
		return rules_judge_due(DATE_NONE, settings, today);
	if (facts->last_contact != DATE_NONE)
		due = facts->last_contact + rules_interval_days(facts, settings);
	if (start != DATE_NONE) {
		first = start + settings->first_contact_days;
		if (due == DATE_NONE || first > due)
			due = first;
	}
	return rules_judge_moved(due, settings, today);
}

struct rules_due
rules_letter_due(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today)
{
	date_t due, end;

	if (facts->status != STATUS_DOWN || facts->status_since == DATE_NONE)
		return rules_judge_due(DATE_NONE, settings, today);
	/* Only letters sent since the latest step-down count. */
	if (facts->last_letter != DATE_NONE &&
	    facts->last_letter >= facts->status_since)
		due = date_add_months(facts->last_letter, settings->letter_months);
	else
		due = date_add_months(facts->status_since, settings->letter_months);
	/* An unreadable date of birth (DATE_NONE) does not end them. */
	end = date_birthday(facts->dob, RULES_END_AGE);
	if (end != DATE_NONE && due >= end)
		due = DATE_NONE;
	return rules_judge_moved(due, settings, today);
}

struct rules_due
rules_review_due(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today)
{
	date_t from;

	if (facts->status != STATUS_UP)
		return rules_judge_due(DATE_NONE, settings, today);
	from = rules_start(facts);
	if (facts->last_review != DATE_NONE &&
	    (from == DATE_NONE || facts->last_review > from))
		from = facts->last_review;
	if (from == DATE_NONE)
		return rules_judge_due(DATE_NONE, settings, today);
	return rules_judge_moved(date_add_months(from,
	    settings->review_months), settings, today);
}

int
rules_over_cap(int stepped_up, const struct rules_settings *settings)
{
	return stepped_up > settings->cap;
}

int
rules_due_order(const struct rules_due *a_due, enum status a_status,
    long a_id, const struct rules_due *b_due, enum status b_status, long b_id)
{
	int a_up = a_status == STATUS_UP, b_up = b_status == STATUS_UP;

	if (a_up != b_up)
		return a_up ? -1 : 1;
	if (a_up && a_due->due != b_due->due) {
		if (a_due->due == DATE_NONE)
			return 1;
		if (b_due->due == DATE_NONE)
			return -1;
		return a_due->due < b_due->due ? -1 : 1;
	}
	if (a_id != b_id)
		return a_id < b_id ? -1 : 1;
	return 0;
}

const char *
rules_milestone_meaning(int age)
{
	switch (age) {
	case 18:
		return "social worker support ends";
	case 21:
		return "moves to advice and guidance";
	case 25:
		return "leaving care entitlement ends";
	}
	return "";
}

const char *
rules_milestone_label(int age)
{
	switch (age) {
	case 18:
		return "18th birthday";
	case 21:
		return "21st birthday";
	case 25:
		return "25th birthday";
	}
	return "birthday";
}

const char *
rules_agenda_kind_name(enum agenda_kind kind)
{
	static const char *const names[] = {
		"contact", "letter", "review", "birthday", "action", "visit",
		"return"
	};

	return names[kind];
}

const char *
rules_agenda_label(const struct agenda_item *item, int due)
{
	switch (item->kind) {
	case AGENDA_CONTACT:
		return due ? "contact due" : "contact";
	case AGENDA_LETTER:
		return due ? "annual letter due" : "annual letter";
	case AGENDA_REVIEW:
		return due ? "pathway plan review due" : "pathway plan review";
	case AGENDA_BIRTHDAY:
		return rules_milestone_label(item->age);
	case AGENDA_ACTION:
		return due ? "agreed action due" : "agreed action";
	case AGENDA_VISIT:
		return due ? "statutory visit due" : "statutory visit";
	case AGENDA_RETURN:
		if (item->due.state != DUE_OVERDUE)
			return due ? "return window opens" :
			    "birthday return window opens";
		return due ? "birthday return due" : "birthday return";
	}
	return "";
}

/* Add a due item to the agenda when it falls by until; overdue on today. */
static size_t
rules_agenda_add(struct agenda_item *out, size_t n, enum agenda_kind kind,
    struct rules_due due, date_t today, date_t until)
{
	if (due.state == DUE_NONE || due.due > until)
		return n;
	out[n].kind = kind;
	out[n].due = due;
	out[n].on = due.state == DUE_OVERDUE ? today : due.due;
	out[n].age = 0;
	return n + 1;
}

size_t
rules_agenda(const struct person_facts *facts,
    const struct rules_settings *settings, date_t today, date_t until,
    struct agenda_item *out)
{
	size_t n = 0, i;
	date_t day;

	if (facts->status == STATUS_ARCHIVED)
		return 0;
	n = rules_agenda_add(out, n, AGENDA_CONTACT,
	    rules_contact_due(facts, settings, today), today, until);
	n = rules_agenda_add(out, n, AGENDA_LETTER,
	    rules_letter_due(facts, settings, today), today, until);
	n = rules_agenda_add(out, n, AGENDA_REVIEW,
	    rules_review_due(facts, settings, today), today, until);
	for (i = 0; i < RULES_MILESTONE_COUNT; i++) {
		day = date_birthday(facts->dob, rules_milestone_ages[i]);
		if (day < today || day > until)
			continue;
		out[n].kind = AGENDA_BIRTHDAY;
		out[n].on = day;
		out[n].due = rules_judge_due(day, settings, today);
		out[n].age = rules_milestone_ages[i];
		n++;
	}
	return n;
}
