/* SPDX-License-Identifier: MIT */
/*
 * flag.c: safety flags and where a contact took place (see flag.h): the
 * names of each kind, in one table, and the rules for a flag.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "flag.h"
#include "xmalloc.h"

/* The kinds of flag, in enum flag_kind's order: the one place they live. */
static const char *const flag_kind_names[FLAG_KINDS] = {
	"do-not-visit-alone", "marac", "domestic-abuse", "exploitation",
	"missing", "custody", "other"
};
static const char *const flag_kind_labels[FLAG_KINDS] = {
	"do not visit alone", "MARAC", "domestic abuse", "exploitation",
	"missing", "custody", "other"
};
static const struct choice flag_kinds = {
	flag_kind_names, flag_kind_labels, 0, FLAG_KINDS
};

static const char *const place_names[PLACE_COUNT] = {
	"", "home", "office", "college", "community", "online"
};

static const char *const seen_names[] = { "unknown", "yes", "no" };

const char *
flag_kind_name(enum flag_kind kind)
{
	return flag_kind_names[kind];
}

const char *
flag_kind_label(enum flag_kind kind)
{
	return flag_kind_labels[kind];
}

int
flag_kind_from_name(const char *name, enum flag_kind *out)
{
	int i;

	if ((i = choice_find(&flag_kinds, name)) < 0)
		return -1;
	*out = (enum flag_kind)i;
	return 0;
}

const struct choice *
flag_kind_choice(void)
{
	return &flag_kinds;
}

const char *
flag_kind_list(void)
{
	return "do-not-visit-alone, marac, domestic-abuse, exploitation, "
	    "missing, custody or other";
}

const char *
flag_marker(int utf8)
{
	return utf8 ? "\xe2\x9a\x91" : "F";
}

/* Check a flag's note: short, one line, no control characters. */
static int
flag_check_text(const char *note, char **cause)
{
	if (note == NULL)
		return 0;
	return check_text(note, 0, FLAG_NOTE_MAX, cause);
}

int
flag_check_new(enum flag_kind kind, const char *note, date_t set_on,
    date_t dob, date_t today, const enum flag_kind *current, size_t n,
    char **cause)
{
	size_t i;

	if (check_event_date(set_on, dob, today, cause) != 0)
		return -1;
	if (flag_check_text(note, cause) != 0)
		return -1;
	if (kind == FLAG_OTHER)
		return 0;
	for (i = 0; i < n; i++) {
		/* Errors never name a flag's kind or give its note. */
		if (current[i] == kind)
			return xfail(cause, "they have a current flag of that "
			    "kind already: change its note, or end it first");
	}
	return 0;
}

int
flag_check_note(const struct flag *f, const char *note, char **cause)
{
	if (f->ended_on != DATE_NONE)
		return xfail(cause, "flag F%d has ended: its note is kept as "
		    "it was", f->number);
	return flag_check_text(note, cause);
}

int
flag_check_end(const struct flag *f, date_t ended_on, date_t today,
    char **cause)
{
	if (f->ended_on != DATE_NONE)
		return xfail(cause, "flag F%d has ended already", f->number);
	if (ended_on > today)
		return xfail(cause, "the date is in the future: a flag ends "
		    "today at the latest");
	if (ended_on < f->set_on)
		return xfail(cause, "the date is before the flag was set");
	return 0;
}

struct flag *
flag_copy(const struct flag *f)
{
	const char *const *from[] = { &f->note, &f->ended_reason, &f->set_by,
	    &f->ended_by };
	size_t i, len, size = 0;
	struct flag *copy;
	const char **to[4];
	char *end;

	for (i = 0; i < 4; i++) {
		if (*from[i] != NULL)
			size += strlen(*from[i]) + 1;
	}
	copy = xmalloc(sizeof *copy + size);
	*copy = *f;
	to[0] = &copy->note;
	to[1] = &copy->ended_reason;
	to[2] = &copy->set_by;
	to[3] = &copy->ended_by;
	end = (char *)(copy + 1);
	for (i = 0; i < 4; i++) {
		if (*from[i] == NULL)
			continue;
		len = strlen(*from[i]) + 1;
		memcpy(end, *from[i], len);
		*to[i] = end;
		end += len;
	}
	return copy;
}

const char *
contact_place_name(enum contact_place place)
{
	return place_names[place];
}

int
contact_place_from_name(const char *name, enum contact_place *out)
{
	size_t i;

	for (i = 1; i < PLACE_COUNT; i++) {
		if (strcmp(name, place_names[i]) == 0) {
			*out = (enum contact_place)i;
			return 0;
		}
	}
	return -1;
}

const struct choice *
contact_place_choice(void)
{
	static const struct choice c = { place_names, NULL, 1, PLACE_COUNT };

	return &c;
}

const struct choice *
seen_alone_choice(void)
{
	static const struct choice c = { seen_names, NULL, 0,
	    sizeof seen_names / sizeof seen_names[0] };

	return &c;
}

const char *
seen_alone_name(enum seen_alone seen)
{
	return seen_names[seen];
}

int
seen_alone_from_name(const char *name, enum seen_alone *out)
{
	size_t i;

	for (i = 0; i < sizeof seen_names / sizeof seen_names[0]; i++) {
		if (strcmp(name, seen_names[i]) == 0) {
			*out = (enum seen_alone)i;
			return 0;
		}
	}
	return -1;
}
