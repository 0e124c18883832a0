/* SPDX-License-Identifier: MIT */
/*
 * returns.c: the birthday return's windows and the reporting year (see
 * returns.h).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "returns.h"
#include "xmalloc.h"

/* The answers, in their enums' order: the one place they live. */
static const char *const returns_touch_names[TOUCH_COUNT] = {
	"yes", "no", "refused", "not-required", "returned-home", "died"
};
static const char *const returns_touch_labels[TOUCH_COUNT] = {
	"yes", "no", "refused", "not required", "returned home", "died"
};
static const struct choice returns_touches = {
	returns_touch_names, returns_touch_labels, 0, TOUCH_COUNT
};
static const char *const returns_activity_names[ACTIVITY_COUNT] = {
	"", "higher-education", "other-education", "training", "employment",
	"neet-illness", "neet-parenting", "neet-other"
};
static const char *const returns_activity_labels[ACTIVITY_COUNT] = {
	"", "higher education", "other education",
	"training or apprenticeship", "employment",
	"not in education, employment or training: illness or disability",
	"not in education, employment or training: pregnancy or parenting",
	"not in education, employment or training: other"
};
static const struct choice returns_activities = {
	returns_activity_names, returns_activity_labels, 1, ACTIVITY_COUNT
};

void
returns_window(date_t dob, int age, const struct rules_settings *settings,
    struct returns_window *out)
{
	out->age = age;
	out->birthday = date_birthday(dob, age);
	out->opens = date_add_months(out->birthday,
	    -settings->return_months_before);
	out->closes = date_add_months(out->birthday,
	    settings->return_months_after);
}

int
returns_window_on(date_t dob, const struct rules_settings *settings,
    date_t day, struct returns_window *out)
{
	struct returns_window w;
	int age;

	if (dob == DATE_NONE || day == DATE_NONE)
		return 0;
	for (age = RETURNS_AGE_FIRST; age <= RETURNS_AGE_LAST; age++) {
		returns_window(dob, age, settings, &w);
		if (w.opens <= day && day <= w.closes) {
			*out = w;
			return 1;
		}
	}
	return 0;
}

struct rules_due
returns_due(const struct returns_window *window, int recorded,
    const struct rules_settings *settings, date_t today)
{
	return rules_judge_due(recorded ? DATE_NONE : window->closes, settings,
	    today);
}

int
returns_overdue(const struct returns_window *window, int recorded,
    date_t today)
{
	return !recorded && window->closes != DATE_NONE &&
	    window->closes < today;
}

int
returns_year_of(date_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return m >= 4 ? y : y - 1;
}

void
returns_year_bounds(int year, date_t *first, date_t *last)
{
	*first = date_from_ymd(year, 4, 1);
	*last = date_from_ymd(year + 1, 3, 31);
}

void
returns_year_name(int year, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d", year, (year + 1) % 100);
}

int
returns_year_parse(const char *text, int *year, char **cause)
{
	int y, yy;

	if (strlen(text) != 7 || text[4] != '-' ||
	    strspn(text, "0123456789") != 4 ||
	    strspn(text + 5, "0123456789") != 2)
		return xfail(cause, "'%s' is not a reporting year: write it as "
		    "YYYY-YY, such as 2026-27 for 1 April 2026 to 31 March "
		    "2027", text);
	y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 +
	    (text[2] - '0') * 10 + (text[3] - '0');
	yy = (text[5] - '0') * 10 + (text[6] - '0');
	if (y < DATE_YEAR_MIN || y >= DATE_YEAR_MAX)
		return xfail(cause, "'%s': the year %d is out of range (%d to "
		    "%d)", text, y, DATE_YEAR_MIN, DATE_YEAR_MAX - 1);
	if (yy != (y + 1) % 100)
		return xfail(cause, "'%s' is not a reporting year: the year "
		    "from 1 April %d ends on 31 March %d, so write %04d-%02d",
		    text, y, y + 1, y, (y + 1) % 100);
	*year = y;
	return 0;
}

const struct choice *
returns_touch_choice(void)
{
	return &returns_touches;
}

const struct choice *
returns_activity_choice(void)
{
	return &returns_activities;
}

const char *
returns_touch_name(enum returns_touch touch)
{
	return returns_touch_names[touch];
}

const char *
returns_touch_label(enum returns_touch touch)
{
	return returns_touch_labels[touch];
}

const char *
returns_activity_name(enum returns_activity activity)
{
	return returns_activity_names[activity];
}

const char *
returns_activity_label(enum returns_activity activity)
{
	return returns_activity_labels[activity];
}

int
returns_window_next(date_t dob, const struct rules_settings *settings,
    date_t day, struct returns_window *out)
{
	int age;

	if (dob == DATE_NONE || day == DATE_NONE)
		return 0;
	for (age = RETURNS_AGE_FIRST; age <= RETURNS_AGE_LAST; age++) {
		returns_window(dob, age, settings, out);
		if (out->opens > day)
			return 1;
	}
	return 0;
}

int
returns_record_check(const struct returns_record *rec, char **cause)
{
	if (rec->touch == TOUCH_YES && rec->activity == ACTIVITY_NONE)
		return xfail(cause, "say what they are mainly doing: "
		    "an activity is needed when in touch");
	if (rec->touch == TOUCH_DIED && rec->activity != ACTIVITY_NONE)
		return xfail(cause, "no activity is recorded for a young "
		    "person who has died");
	if (rec->part_time && rec->activity == ACTIVITY_NONE)
		return xfail(cause, "part-time goes with an activity");
	return 0;
}

struct returns_record *
returns_record_copy(const struct returns_record *rec)
{
	struct returns_record *copy;
	size_t n;

	n = rec->struck_reason != NULL ? strlen(rec->struck_reason) + 1 : 0;
	copy = xmalloc(sizeof *copy + n);
	*copy = *rec;
	if (rec->struck_reason != NULL) {
		memcpy(copy + 1, rec->struck_reason, n);
		copy->struck_reason = (const char *)(copy + 1);
	}
	return copy;
}

int
returns_window_latest(date_t dob, const struct rules_settings *settings,
    date_t today, struct returns_window *out)
{
	struct returns_window w;
	int age, found = 0;

	if (dob == DATE_NONE || today == DATE_NONE)
		return 0;
	for (age = RETURNS_AGE_FIRST; age <= RETURNS_AGE_LAST; age++) {
		returns_window(dob, age, settings, &w);
		if (w.opens > today)
			break;
		*out = w;
		found = 1;
	}
	return found;
}

int
returns_in_reach(const struct returns_window *w, date_t day)
{
	/* A year after the birthday, the year's return has gone in. */
	return w->opens != DATE_NONE && day >= w->opens &&
	    day < date_add_months(w->birthday, 12);
}

enum returns_for
returns_window_for(date_t dob, const struct rules_settings *settings,
    date_t day, struct returns_window *out)
{
	struct returns_window w;

	if (returns_window_on(dob, settings, day, out))
		return RETURNS_FOR_OPEN;
	if (returns_window_latest(dob, settings, day, &w) &&
	    returns_in_reach(&w, day)) {
		*out = w;
		return RETURNS_FOR_LATE;
	}
	return RETURNS_FOR_NONE;
}

int
returns_overdue_for(const struct returns_window *w, int recorded,
    date_t allocated_on, date_t today)
{
	if (!returns_overdue(w, recorded, today))
		return 0;
	if (!returns_in_reach(w, today))
		return 0;
	return allocated_on == DATE_NONE || w->closes >= allocated_on;
}

const char *
returns_th(int n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	switch (n % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	}
	return "th";
}

void
returns_record_describe(const struct returns_record *rec, char *buf,
    size_t size)
{
	if (rec->activity == ACTIVITY_NONE)
		snprintf(buf, size, "in touch: %s",
		    returns_touch_label(rec->touch));
	else
		snprintf(buf, size, "in touch: %s; %s, %s",
		    returns_touch_label(rec->touch),
		    returns_activity_label(rec->activity),
		    rec->part_time ? "part-time" : "full-time");
}

size_t
returns_agenda(const struct person_facts *facts,
    const struct rules_settings *settings, int latest_recorded, date_t today,
    date_t until, struct agenda_item *out)
{
	struct returns_window w;
	size_t n = 0;

	if (facts->status == STATUS_ARCHIVED)
		return 0;
	if (returns_window_latest(facts->dob, settings, today, &w) &&
	    returns_overdue_for(&w, latest_recorded, facts->allocated_on,
	    today)) {
		out[n].kind = AGENDA_RETURN;
		out[n].due = returns_due(&w, 0, settings, today);
		out[n].on = today;
		out[n].age = w.age;
		n++;
	}
	/* One opening today whose return is in already says nothing new. */
	if (returns_window_next(facts->dob, settings, today - 1, &w) &&
	    w.opens <= until && !(w.opens == today && latest_recorded)) {
		out[n].kind = AGENDA_RETURN;
		out[n].due = rules_judge_due(w.opens, settings, today);
		out[n].on = w.opens;
		out[n].age = w.age;
		n++;
	}
	return n;
}
