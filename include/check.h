/* SPDX-License-Identifier: MIT */
/*
 * check.h: what makes typed input acceptable, for the command line and
 * the forms alike.
 *
 * Each check returns 0, or -1 with *cause set to a new message (caller
 * frees) that says what is wrong without naming the field: the caller
 * puts "--dob: " or a form label in front.
 */
#ifndef CASELOAD_CHECK_H
#define CASELOAD_CHECK_H

#include <stddef.h>

#include "date.h"
#include "person.h"

/* Limits on what is typed, in bytes. */
#define CHECK_NAME_MAX		200
#define CHECK_PHONE_MAX		40
#define CHECK_EMAIL_MAX		254
#define CHECK_ADDRESS_MAX	1000
#define CHECK_NOTE_MAX		65536
#define CHECK_REASON_MAX	1000

/*
 * Text: valid UTF-8, no control characters (new lines only when
 * multiline is 1), no characters that override or isolate the direction
 * of text (see text_bidi_control), at most max bytes.
 */
int check_text(const char *text, int multiline, size_t max, char **cause);

/* A whole number written in digits, from min to max, into *out. */
int check_int(const char *text, int min, int max, int *out, char **cause);

/*
 * A name: one line of text that is not blank.  Tidy it with text_squeeze
 * first: every way of storing a name does, so that the same name typed
 * with other spaces is the same name.
 */
int check_name(const char *name, char **cause);

/* An email address: empty, or one '@' with text on both sides, no spaces. */
int check_email(const char *email, char **cause);

/*
 * A young person's details as a whole, on today: the name, a date of
 * birth not in the future, an allocation not before birth and at most a
 * year ahead, no contact before birth (first_contact, DATE_NONE when
 * there is none).  *field is set to which field is wrong: "name", "dob",
 * "allocated" or "interval".
 */
int check_person(const struct person *p, date_t today, date_t first_contact,
    const char **field, char **cause);

/*
 * 1 when other looks like the same young person as p, so that adding p
 * would record them twice: the same date of birth and the same name,
 * ignoring case, accents and spaces as text_namecmp does ("Zoe Nunez" is
 * "Zoë Ñúñez").  0 otherwise.
 */
int check_duplicate(const struct person *p, const struct person *other);

/* A contact, review or letter date: not in the future, not before birth. */
int check_event_date(date_t on, date_t dob, date_t today, char **cause);

/*
 * A change of status to `to` on a date: not already in that status
 * (*field, when field is not NULL, set to "status"), not in the future,
 * not before the latest change ("date").
 */
int check_status_change(const struct person_facts *facts, enum status to,
    date_t on, date_t today, const char **field, char **cause);

/*
 * An annual letter to young person p sent on a date: they must be
 * stepped down (*field set to "status"); the date must be a good event
 * date, not before they stepped down ("date"); and no letter to them may
 * be recorded on that date already (recorded is 1 when one is:
 * "letter").  The message names p by number and name, as typed (the
 * caller escapes it for a terminal), with dates in date_format.
 */
int check_letter_sent(const struct person *p, date_t on, date_t today,
    int recorded, const char *date_format, const char **field, char **cause);

/*
 * Striking out a numbered row, what (such as "note") letter number (N3),
 * struck out on struck_on: refused when that is a date (struck out
 * already), fine when it is DATE_NONE.
 */
int check_strike(const char *what, char letter, int number,
    date_t struck_on, char **cause);

#endif
