/* SPDX-License-Identifier: MIT */
/*
 * check.c: checks on typed input (see check.h).
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "text.h"

/* "31 December 2026": unambiguous whatever the display format. */
static void
check_date_words(date_t date, char *out, size_t size)
{
	if (date_format(date, "%-d %B %Y", out, size) == 0)
		date_format_iso(date, out);
}

int
check_text(const char *text, int multiline, size_t max, char **cause)
{
	const char *p;
	uint32_t cp;
	size_t n;

	if (!text_is_utf8(text))
		return xfail(cause, "the text is not valid UTF-8; check the "
		    "encoding of your terminal or file");
	for (p = text; (n = text_decode(p, &cp)) != 0; p += n) {
		if (cp == '\n' && !multiline)
			return xfail(cause, "must be one line; a new line is not "
			    "allowed");
		if (cp == '\n')
			continue;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return xfail(cause, "control characters (such as tabs "
			    "or escapes) are not allowed");
	}
	if ((cp = text_bidi_control(text)) != 0)
		return xfail(cause, "a direction override or isolate character "
		    "(U+%04X) is not allowed: it makes text show in a different "
		    "order from how it is stored", (unsigned)cp);
	if (strlen(text) > max)
		return xfail(cause, "too long (%zu bytes; at most %zu)",
		    strlen(text), max);
	return 0;
}

int
check_int(const char *text, int min, int max, int *out, char **cause)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(text, &end, 10);
	if (text[0] < '0' || text[0] > '9' || *end != '\0' || errno != 0 ||
	    n < min || n > max)
		return xfail(cause, "'%s' is not a whole number from %d to %d",
		    text, min, max);
	*out = (int)n;
	return 0;
}

int
check_name(const char *name, char **cause)
{
	if (check_text(name, 0, CHECK_NAME_MAX, cause) != 0)
		return -1;
	if (text_is_blank(name))
		return xfail(cause, "the name is empty");
	return 0;
}

int
check_email(const char *email, char **cause)
{
	const char *at = strchr(email, '@');

	if (check_text(email, 0, CHECK_EMAIL_MAX, cause) != 0)
		return -1;
	if (*email == '\0')
		return 0;
	if (at == NULL || at == email || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL || strpbrk(email, " \t") != NULL)
		return xfail(cause, "'%s' is not an email address (expected "
		    "name@example.org)", email);
	return 0;
}

int
check_person(const struct person *p, date_t today, date_t first_contact,
    const char **field, char **cause)
{
	char a[64], b[64];

	*field = "name";
	if (p->name == NULL || check_name(p->name, cause) != 0)
		return p->name == NULL ? xfail(cause, "the name is empty") : -1;
	*field = "dob";
	if (p->facts.dob == DATE_NONE)
		return xfail(cause, "the date of birth is missing");
	if (p->facts.dob > today) {
		check_date_words(p->facts.dob, a, sizeof a);
		return xfail(cause, "%s is in the future; check the year", a);
	}
	if (first_contact != DATE_NONE && first_contact < p->facts.dob) {
		check_date_words(first_contact, a, sizeof a);
		return xfail(cause, "their contact log starts on %s, before "
		    "that date of birth; check the date", a);
	}
	*field = "allocated";
	if (p->facts.allocated_on != DATE_NONE &&
	    p->facts.allocated_on < p->facts.dob) {
		check_date_words(p->facts.allocated_on, a, sizeof a);
		check_date_words(p->facts.dob, b, sizeof b);
		return xfail(cause, "%s is before their date of birth (%s)", a,
		    b);
	}
	if (p->facts.allocated_on != DATE_NONE &&
	    p->facts.allocated_on > today + 366) {
		check_date_words(p->facts.allocated_on, a, sizeof a);
		return xfail(cause, "%s is more than a year ahead; check the "
		    "year", a);
	}
	*field = "interval";
	if (p->facts.interval_weeks < 0 || p->facts.interval_weeks > 52)
		return xfail(cause, "the contact interval must be 1 to 52 "
		    "weeks");
	return 0;
}

int
check_duplicate(const struct person *p, const struct person *other)
{
	return p->facts.dob == other->facts.dob && p->name != NULL &&
	    other->name != NULL && text_namecmp(p->name, other->name) == 0;
}

int
check_event_date(date_t on, date_t dob, date_t today, char **cause)
{
	char a[64], b[64];

	check_date_words(on, a, sizeof a);
	if (on > today)
		return xfail(cause, "%s is in the future; record it once it "
		    "has happened", a);
	if (dob != DATE_NONE && on < dob) {
		check_date_words(dob, b, sizeof b);
		return xfail(cause, "%s is before their date of birth (%s)", a,
		    b);
	}
	return 0;
}

int
check_status_change(const struct person_facts *facts, enum status to,
    date_t on, date_t today, const char **field, char **cause)
{
	const char *unused;
	char a[64], b[64];

	if (field == NULL)
		field = &unused;
	*field = "status";
	if (facts->status == to) {
		check_date_words(facts->status_since, b, sizeof b);
		return xfail(cause, "already %s (since %s)",
		    person_status_label(to), b);
	}
	*field = "date";
	check_date_words(on, a, sizeof a);
	if (on > today)
		return xfail(cause, "%s is in the future; record it on the day",
		    a);
	if (facts->status_since != DATE_NONE && on < facts->status_since) {
		check_date_words(facts->status_since, b, sizeof b);
		return xfail(cause, "%s is before they were %s on %s; a change "
		    "of status cannot come before the last one", a,
		    person_status_label(facts->status), b);
	}
	return 0;
}

/* A date as the settings show it, or ISO. */
static void
check_date_shown(date_t date, const char *format, char *out, size_t size)
{
	if (date_format(date, format, out, size) == 0)
		date_format_iso(date, out);
}

int
check_letter_sent(const struct person *p, date_t on, date_t today,
    int recorded, const char *date_format, const char **field, char **cause)
{
	char a[64], b[64];

	*field = "status";
	if (p->facts.status != STATUS_DOWN)
		return xfail(cause, "%ld %s is %s: annual letters are for young "
		    "people who have stepped down", p->id, p->name,
		    person_status_label(p->facts.status));
	*field = "date";
	if (check_event_date(on, p->facts.dob, today, cause) != 0)
		return -1;
	check_date_shown(on, date_format, a, sizeof a);
	if (on < p->facts.status_since) {
		check_date_shown(p->facts.status_since, date_format, b,
		    sizeof b);
		return xfail(cause, "%s is before %ld %s stepped down on %s; a "
		    "letter counts only after stepping down", a, p->id, p->name,
		    b);
	}
	*field = "letter";
	if (recorded)
		return xfail(cause, "a letter to %ld %s on %s is already "
		    "recorded", p->id, p->name, a);
	return 0;
}

int
check_strike(const char *what, char letter, int number, date_t struck_on,
    char **cause)
{
	if (struck_on != DATE_NONE)
		return xfail(cause, "%s %c%d was struck out already", what,
		    letter, number);
	return 0;
}
