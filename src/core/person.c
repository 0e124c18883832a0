/* SPDX-License-Identifier: MIT */
/*
 * person.c: names of the model's values, display names and initials.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "person.h"
#include "text.h"
#include "xmalloc.h"

static const char *const status_names[] = { "up", "down", "archived" };
static const char *const status_labels[] = {
	"stepped up", "stepped down", "archived"
};
static const char *const method_names[METHOD_COUNT] = {
	"visit", "phone", "video", "text", "email", "letter", "group", "other"
};
static const char *const by_names[] = { "worker", "young-person" };
static const char *const by_labels[] = { "worker", "young person" };

const char *
person_status_name(enum status status)
{
	return status_names[status];
}

const char *
person_status_label(enum status status)
{
	return status_labels[status];
}

const char *
person_status_slug(enum status status)
{
	static const char *const slugs[] = {
		"stepped-up", "stepped-down", "archived"
	};

	return slugs[status];
}

const char *
contact_method_name(enum contact_method method)
{
	return method_names[method];
}

const char *
contact_by_name(enum contact_by by)
{
	return by_names[by];
}

const struct choice *
contact_method_choice(void)
{
	static const struct choice c = { method_names, NULL, 0, METHOD_COUNT };

	return &c;
}

const struct choice *
contact_by_choice(void)
{
	static const struct choice c = { by_names, by_labels, 0,
	    sizeof by_names / sizeof by_names[0] };

	return &c;
}

int
person_status_from_name(const char *name, enum status *out)
{
	size_t i;

	for (i = 0; i < sizeof status_names / sizeof status_names[0]; i++) {
		if (strcmp(name, status_names[i]) == 0) {
			*out = (enum status)i;
			return 0;
		}
	}
	return -1;
}

int
contact_method_from_name(const char *name, enum contact_method *out)
{
	size_t i;

	for (i = 0; i < METHOD_COUNT; i++) {
		if (strcmp(name, method_names[i]) == 0) {
			*out = (enum contact_method)i;
			return 0;
		}
	}
	return -1;
}

int
contact_by_from_name(const char *name, enum contact_by *out)
{
	if (strcmp(name, "worker") == 0)
		*out = BY_WORKER;
	else if (strcmp(name, "young-person") == 0 ||
	    strcmp(name, "young person") == 0 || strcmp(name, "yp") == 0)
		*out = BY_YOUNG_PERSON;
	else
		return -1;
	return 0;
}

const char *
person_display_name(const struct person *p)
{
	if (p->preferred_name != NULL && *p->preferred_name != '\0')
		return p->preferred_name;
	return p->name;
}

/*
 * 1 when cp can start a word's initial: an ASCII letter, or any other
 * character that is not punctuation or space (so that names in every
 * script have initials whatever the locale).
 */
static int
person_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp < 0xa0 || cp == 0xfffd)
		return 0;
	return !iswpunct((wint_t)cp) && !iswspace((wint_t)cp);
}

void
person_initials(const char *name, char *out, size_t size)
{
	size_t used = 0, n;
	int start = 1;
	uint32_t cp;
	const char *s = name;

	if (size == 0)
		return;
	/* The first letter of each word; words part at spaces and hyphens. */
	while ((n = text_decode(s, &cp)) != 0) {
		if (cp == ' ' || cp == '-' || cp == '\t')
			start = 1;
		else if (start && person_is_letter(cp)) {
			start = 0;
			if (used + n + 2 > size)
				break;
			memcpy(out + used, s, n);
			used += n;
			out[used++] = '.';
		}
		s += n;
	}
	out[used] = '\0';
}

void
person_facts_init(struct person_facts *facts)
{
	facts->dob = DATE_NONE;
	facts->allocated_on = DATE_NONE;
	facts->status = STATUS_UP;
	facts->status_since = DATE_NONE;
	facts->interval_weeks = 0;
	facts->last_contact = DATE_NONE;
	facts->last_letter = DATE_NONE;
	facts->last_review = DATE_NONE;
	facts->attempts = 0;
}

date_t
person_default_allocated(date_t today, date_t last_contact)
{
	if (last_contact != DATE_NONE && last_contact < today)
		return last_contact;
	return today;
}

/* Copy the string s to the end of a copy block; returns where it went. */
static const char *
person_pack(char **end, const char *s)
{
	char *at = *end;
	size_t n;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	memcpy(at, s, n);
	*end += n;
	return at;
}

static size_t
person_size(const char *s)
{
	return s == NULL ? 0 : strlen(s) + 1;
}

struct person *
person_copy(const struct person *p)
{
	size_t size = sizeof *p + person_size(p->name) +
	    person_size(p->preferred_name) + person_size(p->phone) +
	    person_size(p->email) + person_size(p->address);
	struct person *copy = xmalloc(size);
	char *end = (char *)(copy + 1);

	*copy = *p;
	copy->name = person_pack(&end, p->name);
	copy->preferred_name = person_pack(&end, p->preferred_name);
	copy->phone = person_pack(&end, p->phone);
	copy->email = person_pack(&end, p->email);
	copy->address = person_pack(&end, p->address);
	return copy;
}

struct person *
person_copy_names(const struct person *p)
{
	struct person slim = *p;

	slim.phone = slim.email = slim.address = NULL;
	return person_copy(&slim);
}

struct contact *
contact_copy(const struct contact *c)
{
	size_t size = sizeof *c + person_size(c->note) +
	    person_size(c->struck_reason);
	struct contact *copy = xmalloc(size);
	char *end = (char *)(copy + 1);

	*copy = *c;
	copy->note = person_pack(&end, c->note);
	copy->struck_reason = person_pack(&end, c->struck_reason);
	return copy;
}

struct entry *
entry_copy(const struct entry *e)
{
	size_t size = sizeof *e + person_size(e->struck_reason);
	struct entry *copy = xmalloc(size);
	char *end = (char *)(copy + 1);

	*copy = *e;
	copy->struck_reason = person_pack(&end, e->struck_reason);
	return copy;
}

int
entry_parse(const char *s, enum entry_kind *kind, int *number)
{
	char *end;
	long n;

	switch (*s) {
	case 'l':
	case 'L':
		*kind = ENTRY_LETTER;
		s++;
		break;
	case 'r':
	case 'R':
		*kind = ENTRY_REVIEW;
		s++;
		break;
	case 'c':
	case 'C':
	case '#':
		s++;
		/* FALLTHROUGH */
	default:
		*kind = ENTRY_CONTACT;
		break;
	}
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || n <= 0 || n > 1000000)
		return -1;
	*number = (int)n;
	return 0;
}

void
entry_format(enum entry_kind kind, int number, char *out, size_t size)
{
	snprintf(out, size, "%s%d", kind == ENTRY_LETTER ? "L" :
	    kind == ENTRY_REVIEW ? "R" : "", number);
}

const char *
entry_kind_name(enum entry_kind kind)
{
	switch (kind) {
	case ENTRY_LETTER:
		return "letter";
	case ENTRY_REVIEW:
		return "review";
	default:
		return "contact";
	}
}
