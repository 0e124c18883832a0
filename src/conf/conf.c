/* SPDX-License-Identifier: MIT */
/*
 * conf.c: the settings table, and reading caseload.ini.
 *
 * The file is read here line by line as iniparser 4.1 reads one, with
 * its own patterns, into an iniparser dictionary; and checked as
 * iniparser does not check it: a UTF-8 byte order mark is passed over, a
 * key set twice and a quote left open are errors naming the lines, and
 * nothing is left in a global (iniparser_load reads only a named file
 * and reports errors through a global callback).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

#include "cause.h"
#include "conf.h"
#include "date.h"
#include "holiday.h"
#include "text.h"
#include "xmalloc.h"

static const char *const privacy_choices[] = { "initials", "full", NULL };
static const char *const contacts_as_choices[] = { "event", "todo", NULL };
static const char *const yes_no_choices[] = { "no", "yes", NULL };
static const char *const colour_choices[] = {
	"auto", "always", "never", NULL
};
static const char *const no_yes_choices[] = { "no", "yes", NULL };

#define OFF(f) offsetof(struct config, f)

static const struct conf_entry conf_entries[] = {
	{ "worker", "name", CONF_STRING, "", 0, 0, NULL, OFF(worker_name),
	  "Your name, as shown on screen, on printed lists and in letters." },
	{ "worker", "title", CONF_STRING, "Leaving Care Worker", 0, 0, NULL,
	  OFF(worker_title),
	  "Your job title; some authorities say Personal Adviser." },
	{ "worker", "phone", CONF_STRING, "", 0, 0, NULL, OFF(worker_phone),
	  "Your work phone number, for letters and the intro card." },
	{ "worker", "email", CONF_STRING, "", 0, 0, NULL, OFF(worker_email),
	  "Your work email address, for letters and the intro card." },
	{ "worker", "office", CONF_TEXT, "", 0, 6, NULL, OFF(worker_office),
	  "Your office address; write \\n between its lines." },
	{ "worker", "about", CONF_TEXT, "", 0, 3, NULL, OFF(worker_about),
	  "Up to three short lines about you for the intro card, "
	  "separated by \\n." },
	{ "contact", "interval_weeks", CONF_INT, "8", 1, 52, NULL,
	  OFF(rules.interval_weeks),
	  "Weeks between contacts with a stepped-up young person, unless "
	  "their own interval is set." },
	{ "contact", "due_soon_days", CONF_INT, "14", 0, 90, NULL,
	  OFF(rules.due_soon_days),
	  "A contact, letter or review due within this many days is "
	  "shown as due soon." },
	{ "contact", "first_contact_days", CONF_INT, "7", 0, 56, NULL,
	  OFF(rules.first_contact_days),
	  "Days after a young person is allocated, or steps up again, by "
	  "which their first contact is due." },
	{ "return", "months_before", CONF_INT, "3", 0, 6, NULL,
	  OFF(rules.return_months_before),
	  "Months before a young person's 17th to 21st birthdays that the "
	  "window for their birthday return opens." },
	{ "return", "months_after", CONF_INT, "1", 0, 5, NULL,
	  OFF(rules.return_months_after),
	  "Months after the birthday that the window closes; a return not "
	  "recorded by then is overdue." },
	{ "letters", "interval_months", CONF_INT, "12", 1, 24, NULL,
	  OFF(rules.letter_months),
	  "Months between annual contact letters to a stepped-down young "
	  "person." },
	{ "letters", "template", CONF_STRING, "", 0, 0, NULL,
	  OFF(letters_template),
	  "The letter template file; empty for the one installed with "
	  "caseload." },
	{ "letters", "print_command", CONF_STRING, "lpr", 0, 0, NULL,
	  OFF(print_command),
	  "The shell command that prints; it reads the text on standard "
	  "input." },
	{ "reviews", "pathway_plan_months", CONF_INT, "6", 1, 24, NULL,
	  OFF(rules.review_months),
	  "Months between pathway plan reviews." },
	{ "caseload", "cap", CONF_INT, "22", 1, 1000, NULL, OFF(rules.cap),
	  "Your agreed maximum of stepped-up young people; going over is "
	  "shown, never blocked." },
	{ "calendar", "privacy", CONF_CHOICE, "initials", 0, 0,
	  privacy_choices, OFF(privacy),
	  "What calendar items call a young person: initials and number, "
	  "or full names." },
	{ "calendar", "alarm_days_before", CONF_INT, "1", 0, 30, NULL,
	  OFF(alarm_days_before),
	  "Days before a contact or letter falls due that the calendar "
	  "reminds you." },
	{ "calendar", "contacts_as", CONF_CHOICE, "event", 0, 0,
	  contacts_as_choices, OFF(contacts_as),
	  "Export contacts due as all-day events or as to-dos." },
	{ "calendar", "alarm_time", CONF_TIME, "09:00", 0, 0, NULL,
	  OFF(alarm_time),
	  "The time of day (HH:MM) that a calendar reminder goes off." },
	{ "calendar", "working_days", CONF_CHOICE, "no", 0, 0, no_yes_choices,
	  OFF(rules.working_days),
	  "Move a contact, letter or review due on a Saturday, Sunday or "
	  "bank holiday in England and Wales to the working day before." },
	{ "calendar", "extra_holidays", CONF_DATES, "", 0, 0, NULL,
	  OFF(extra_holidays),
	  "More days off for working_days, such as a bank holiday still to "
	  "be announced: dates as DD/MM/YYYY or YYYY-MM-DD, separated by "
	  "commas." },
	{ "caldav", "url", CONF_STRING, "", 0, 0, NULL, OFF(caldav_url),
	  "The CalDAV calendar collection that publish fills, such as "
	  "https://example.org/radicale/worker/caseload/." },
	{ "caldav", "username", CONF_STRING, "", 0, 0, NULL,
	  OFF(caldav_username),
	  "Your user name on the CalDAV server." },
	{ "caldav", "password_command", CONF_STRING, "", 0, 0, NULL,
	  OFF(caldav_password_command),
	  "A shell command whose first line of output is the CalDAV "
	  "password, such as: pass show caseload." },
	{ "caldav", "allow_http", CONF_CHOICE, "no", 0, 0, yes_no_choices,
	  OFF(caldav_allow_http),
	  "Allow a plain http:// url to a server other than this "
	  "computer (the password then crosses the network unencrypted)." },
	{ "caldav", "timeout", CONF_INT, "60", 5, 3600, NULL,
	  OFF(caldav_timeout),
	  "Seconds a publish may wait for the server in all." },
	{ "display", "colour", CONF_CHOICE, "auto", 0, 0, colour_choices,
	  OFF(colour),
	  "Use colour: auto (when the terminal has it and NO_COLOR is not "
	  "set), always or never." },
	{ "display", "date_format", CONF_DATE_FORMAT, "%d/%m/%Y", 0, 0, NULL,
	  OFF(date_format),
	  "How dates are shown (strftime conversions); dates are always "
	  "accepted as DD/MM/YYYY or YYYY-MM-DD." },
	{ "display", "csv_bom", CONF_CHOICE, "no", 0, 0, no_yes_choices,
	  OFF(csv_bom),
	  "Start CSV output with a UTF-8 byte-order mark (as --bom does), "
	  "so that Excel shows accented names correctly; not when the CSV "
	  "goes to a terminal, which would show the mark." },
	{ "backup", "keep", CONF_INT, "14", 0, 365, NULL, OFF(backup_keep),
	  "How many daily backups to keep; 0 turns them off." },
};
#define CONF_COUNT (sizeof conf_entries / sizeof conf_entries[0])

/*
 * At most this much of a value: with the longest key, " = " and two
 * quotes it fits the 1,022-byte lines iniparser 4.1 reads, so other
 * programs can read what caseload --print-config writes, too.
 */
#define CONF_VALUE_MAX 1000

/* A settings file is a few KiB; this is far more than one needs. */
#define CONF_FILE_MAX (1024 * 1024)

const struct conf_entry *
conf_table(size_t *count)
{
	*count = CONF_COUNT;
	return conf_entries;
}

static char **
conf_string_field(struct config *cfg, const struct conf_entry *e)
{
	return (char **)((char *)cfg + e->offset);
}

static int *
conf_int_field(struct config *cfg, const struct conf_entry *e)
{
	return (int *)((char *)cfg + e->offset);
}

/* The same fields, to read. */
static const char *
conf_string_get(const struct config *cfg, const struct conf_entry *e)
{
	return *(char *const *)((const char *)cfg + e->offset);
}

static int
conf_int_get(const struct config *cfg, const struct conf_entry *e)
{
	return *(const int *)((const char *)cfg + e->offset);
}

/* Turn \n into a new line and \\ into a backslash. */
static char *
conf_unescape(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *p = out;

	while (*s != '\0') {
		if (s[0] == '\\' && s[1] == 'n') {
			*p++ = '\n';
			s += 2;
		} else if (s[0] == '\\' && s[1] == '\\') {
			*p++ = '\\';
			s += 2;
		} else
			*p++ = *s++;
	}
	*p = '\0';
	return out;
}

/*
 * The inverse of conf_unescape, and never longer than the text it was read
 * from: a backslash is doubled only where it would otherwise be read as
 * the start of \n or \\ (before n, a backslash or a new line).
 */
static char *
conf_escape(const char *s)
{
	char *out = xmalloc(strlen(s) * 2 + 1), *p = out;

	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			*p++ = '\\';
			*p++ = 'n';
		} else if (*s == '\\') {
			*p++ = '\\';
			if (s[1] == 'n' || s[1] == '\\' || s[1] == '\n')
				*p++ = '\\';
		} else
			*p++ = *s;
	}
	*p = '\0';
	return out;
}

/* Set the list of dates e from value; -1 with *why if an entry is bad. */
static int
conf_set_dates(struct config *cfg, const struct conf_entry *e,
    const char *value, char **why)
{
	date_t *days;
	size_t n;
	char **sp;

	if (text_has_control(value)) {
		*why = xstrdup("expected dates on one line without control "
		    "characters");
		return -1;
	}
	if (holiday_parse_list(value, &days, &n, why) != 0)
		return -1;
	free(cfg->holidays);
	cfg->holidays = days;
	cfg->rules.holidays = days;
	cfg->rules.nholidays = n;
	sp = conf_string_field(cfg, e);
	free(*sp);
	*sp = xstrdup(value);
	return 0;
}

/* Set one setting from its text; -1 with *why (a new string) if bad. */
static int
conf_set(struct config *cfg, const struct conf_entry *e, const char *value,
    char **why)
{
	char **sp;
	char *text, *end, *nl;
	long n;
	int i, lines;

	*why = NULL;
	if (!text_is_utf8(value)) {
		*why = xstrdup("expected text in UTF-8");
		return -1;
	}
	if (text_bidi_control(value) != 0) {
		*why = xasprintf("expected text without direction override or "
		    "isolate characters (U+%04X here): they make text show in a "
		    "different order from how it is stored",
		    (unsigned)text_bidi_control(value));
		return -1;
	}
	if (strlen(value) > CONF_VALUE_MAX) {
		*why = xasprintf("too long (%zu bytes; at most %d fit on a "
		    "line of the settings file)", strlen(value),
		    CONF_VALUE_MAX);
		return -1;
	}
	switch (e->type) {
	case CONF_DATES:
		return conf_set_dates(cfg, e, value, why);
	case CONF_TIME:
		if (strlen(value) != 5 || value[2] != ':' ||
		    strspn(value, "0123456789:") != 5 ||
		    (n = strtol(value, NULL, 10)) > 23 ||
		    strtol(value + 3, NULL, 10) > 59 || value[3] == ':' ||
		    value[0] == ':' || value[1] == ':' || value[4] == ':') {
			*why = xstrdup("expected a time of day as HH:MM, "
			    "from 00:00 to 23:59");
			return -1;
		}
		*conf_int_field(cfg, e) = (int)n * 60 +
		    (int)strtol(value + 3, NULL, 10);
		return 0;
	case CONF_STRING:
	case CONF_DATE_FORMAT:
		if (text_has_control(value)) {
			*why = xstrdup("expected one line of text without "
			    "control characters");
			return -1;
		}
		if (e->type == CONF_DATE_FORMAT &&
		    date_format_check(value, why) != 0)
			return -1;
		sp = conf_string_field(cfg, e);
		free(*sp);
		*sp = xstrdup(value);
		return 0;
	case CONF_TEXT:
		if (text_has_control(value)) {
			*why = xstrdup("expected text without control "
			    "characters (write \\n for a new line)");
			return -1;
		}
		text = conf_unescape(value);
		lines = *text != '\0';
		for (nl = text; (nl = strchr(nl, '\n')) != NULL; nl++)
			lines++;
		if (e->max > 0 && lines > e->max) {
			*why = xasprintf("expected at most %d lines, separated "
			    "by \\n", e->max);
			free(text);
			return -1;
		}
		sp = conf_string_field(cfg, e);
		free(*sp);
		*sp = text;
		return 0;
	case CONF_INT:
		errno = 0;
		n = strtol(value, &end, 10);
		if (value[0] < '0' || value[0] > '9' || *end != '\0' ||
		    errno != 0 || n < e->min || n > e->max) {
			*why = xasprintf("expected a whole number from %d to %d",
			    e->min, e->max);
			return -1;
		}
		*conf_int_field(cfg, e) = (int)n;
		return 0;
	case CONF_CHOICE:
		for (i = 0; e->choices[i] != NULL; i++) {
			if (strcasecmp(value, e->choices[i]) == 0) {
				*conf_int_field(cfg, e) = i;
				return 0;
			}
		}
		*why = xstrdup("expected one of:");
		for (i = 0; e->choices[i] != NULL; i++) {
			end = xasprintf("%s %s%s", *why, e->choices[i],
			    e->choices[i + 1] != NULL ? "," : "");
			free(*why);
			*why = end;
		}
		return -1;
	}
	return -1;
}

void
conf_defaults(struct config *cfg)
{
	size_t i;
	char *why;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < CONF_COUNT; i++) {
		if (conf_set(cfg, &conf_entries[i], conf_entries[i].def,
		    &why) != 0)
			abort();	/* a default that fails its own check */
	}
}

void
conf_free(struct config *cfg)
{
	size_t i;
	char **sp;

	if (cfg == NULL)
		return;
	for (i = 0; i < CONF_COUNT; i++) {
		if (conf_entries[i].type == CONF_INT ||
		    conf_entries[i].type == CONF_CHOICE ||
		    conf_entries[i].type == CONF_TIME)
			continue;
		sp = conf_string_field(cfg, &conf_entries[i]);
		free(*sp);
		*sp = NULL;
	}
	free(cfg->holidays);
	cfg->holidays = NULL;
	cfg->rules.holidays = NULL;
	cfg->rules.nholidays = 0;
}

static const struct conf_entry *
conf_find(const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < CONF_COUNT; i++) {
		if (strcmp(conf_entries[i].section, section) == 0 &&
		    strcmp(conf_entries[i].key, key) == 0)
			return &conf_entries[i];
	}
	return NULL;
}

static int
conf_known_section(const char *section)
{
	size_t i;

	for (i = 0; i < CONF_COUNT; i++) {
		if (strcmp(conf_entries[i].section, section) == 0)
			return 1;
	}
	return 0;
}

/* isspace() for the bytes iniparser takes as spaces, whatever the locale. */
static int
conf_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

/* Strip spaces from both ends of s, in place; returns its new length. */
static size_t
conf_strip(char *s)
{
	size_t start = 0, end = strlen(s);

	while (end > 0 && conf_isspace((unsigned char)s[end - 1]))
		end--;
	while (start < end && conf_isspace((unsigned char)s[start]))
		start++;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return end - start;
}

/* Lower-case the ASCII letters of s, as iniparser does to names. */
static void
conf_lower(char *s)
{
	for (; *s != '\0'; s++) {
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
	}
}

/* What is being read: the file, the dictionary and where keys were set. */
struct conf_reader {
	const char	*path;
	dictionary	*d;		/* "section" and "section:key" = value */
	dictionary	*lines;		/* "section:key" = the line it was set on */
	char		*section;	/* the current section, lower case */
};

/*
 * The start of a line, cut to fit an error message and escaped: what the
 * user typed, never more than a line of the terminal.
 */
static void
conf_shown(const char *text, char *out, size_t size)
{
	text_fit(text, 60, 0, out, size);
}

/* "[worker] name", or "'name'" outside any section, escaped. */
static char *
conf_key_words(const char *section, const char *key)
{
	char *safe_section = text_escape(section, 0);
	char *safe_key = text_escape(key, 0), *words;

	if (*section == '\0')
		words = xasprintf("'%s'", safe_key);
	else
		words = xasprintf("[%s] %s", safe_section, safe_key);
	free(safe_section);
	free(safe_key);
	return words;
}

/*
 * A value that starts with a quote must end with the same quote, with
 * nothing after it but spaces and a comment: iniparser would take what
 * it found up to any quote and drop the rest without a word.
 */
static int
conf_check_quotes(struct conf_reader *r, int lineno, const char *line,
    const char *section, const char *key, char **cause)
{
	const char *v = strchr(line, '='), *close;
	char shown[60 * 4 + 8], *words;
	int rc = 0;

	if (v == NULL)
		return 0;
	for (v++; conf_isspace((unsigned char)*v); v++)
		;
	if (*v != '"' && *v != '\'')
		return 0;
	words = conf_key_words(section, key);
	conf_shown(v, shown, sizeof shown);
	if ((close = strchr(v + 1, *v)) == NULL)
		rc = xfail(cause, "%s:%d: %s = %s: the quote is not closed; end "
		    "the value with %c (see man 5 caseload.ini)", r->path,
		    lineno, words, shown, *v);
	else {
		for (close++; conf_isspace((unsigned char)*close); close++)
			;
		if (*close != '\0' && *close != ';' && *close != '#')
			rc = xfail(cause, "%s:%d: %s = %s: text after the closing "
			    "quote; put the whole value inside the quotes",
			    r->path, lineno, words, shown);
	}
	free(words);
	return rc;
}

/*
 * A list of dates (extra_holidays) whose comment holds what looks like
 * more of the list: "2026-04-01;2026-04-02" would keep the first date and
 * drop the rest as a comment.  Any ';' after the value, or a '#' followed
 * by a digit, is an error saying to separate the dates with commas.
 */
static int
conf_check_dates_comment(struct conf_reader *r, int lineno, const char *line,
    const char *section, const char *key, char **cause)
{
	const struct conf_entry *e = conf_find(section, key);
	const char *v = strchr(line, '='), *c, *next;
	char *words;

	if (e == NULL || e->type != CONF_DATES || v == NULL)
		return 0;
	for (v++; conf_isspace((unsigned char)*v); v++)
		;
	/* A quoted value's comment starts after its closing quote. */
	if ((*v == '"' || *v == '\'') && (c = strchr(v + 1, *v)) != NULL)
		v = c + 1;
	if ((c = strpbrk(v, ";#")) == NULL)
		return 0;
	for (next = c + 1; conf_isspace((unsigned char)*next); next++)
		;
	if (*c == '#' && (*next < '0' || *next > '9'))
		return 0;
	words = conf_key_words(section, key);
	xfail(cause, "%s:%d: %s: a '%c' after a date starts a comment, so what "
	    "follows is not read; separate the dates with commas, as in %s "
	    "= 08/05/2028, 2028-12-29", r->path, lineno, words, *c, key);
	free(words);
	return -1;
}

/*
 * One line (its continuation lines joined), read as iniparser 4.1's
 * iniparser_line reads it: a comment, a [section] or key = value, the
 * value in quotes or not.  Adds what it sets to r->d.
 */
static int
conf_read_line(struct conf_reader *r, int lineno, const char *text,
    char **cause)
{
	size_t size = strlen(text) + 1, len;
	char *line = xstrdup(text), *key = xmalloc(size), *value = xmalloc(size);
	char *full = NULL, *words, shown[60 * 4 + 8], at[16];
	const char *first;
	int rc = -1;

	len = conf_strip(line);
	if (len == 0 || line[0] == '#' || line[0] == ';') {
		rc = 0;
		goto out;
	}
	if (line[0] == '[' && line[len - 1] == ']') {
		if (sscanf(line, "[%[^]]", value) != 1 || conf_strip(value) == 0) {
			xfail(cause, "%s:%d: a section with no name; write it as "
			    "[worker] (see man 5 caseload.ini)", r->path, lineno);
			goto out;
		}
		conf_lower(value);
		free(r->section);
		r->section = xstrdup(value);
		if (dictionary_set(r->d, value, NULL) != 0)
			goto nomem;
		rc = 0;
		goto out;
	}
	if (sscanf(line, "%[^=] = \"%[^\"]\"", key, value) == 2 ||
	    sscanf(line, "%[^=] = '%[^\']'", key, value) == 2) {
		/* Spaces inside the quotes are the value's own. */
	} else if (sscanf(line, "%[^=] = %[^;#]", key, value) == 2) {
		conf_strip(value);
		if (strcmp(value, "\"\"") == 0 || strcmp(value, "''") == 0)
			value[0] = '\0';
	} else if (sscanf(line, "%[^=] = %[;#]", key, value) == 2 ||
	    sscanf(line, "%[^=] %[=]", key, value) == 2)
		value[0] = '\0';
	else {
		conf_shown(line, shown, sizeof shown);
		xfail(cause, "%s:%d: not a setting: '%s' (expected [section] or "
		    "key = value; see man 5 caseload.ini)", r->path, lineno,
		    shown);
		goto out;
	}
	conf_strip(key);
	conf_lower(key);
	if (conf_check_quotes(r, lineno, line, r->section, key, cause) != 0 ||
	    conf_check_dates_comment(r, lineno, line, r->section, key,
	    cause) != 0)
		goto out;
	full = xasprintf("%s:%s", r->section, key);
	if ((first = dictionary_get(r->lines, full, NULL)) != NULL) {
		words = conf_key_words(r->section, key);
		xfail(cause, "%s:%d: %s is also set on line %s; give each "
		    "setting once", r->path, lineno, words, first);
		free(words);
		goto out;
	}
	snprintf(at, sizeof at, "%d", lineno);
	if (dictionary_set(r->lines, full, at) != 0 ||
	    dictionary_set(r->d, full, value) != 0)
		goto nomem;
	rc = 0;
	goto out;

nomem:
	xfail(cause, "%s: out of memory reading the settings", r->path);
out:
	free(full);
	free(value);
	free(key);
	free(line);
	return rc;
}

/*
 * Read the settings file text (len bytes) into a new dictionary, line by
 * line as iniparser 4.1 reads a file: a line whose last character (before
 * spaces) is a backslash goes on with the next, which takes the
 * backslash's place.  NULL with *cause naming the file and line.
 */
static dictionary *
conf_parse(const char *path, const char *text, size_t len, char **cause)
{
	struct conf_reader r;
	const char *p = text, *end = text + len, *nl;
	char *line = NULL;
	size_t used = 0, keep = 0, n;
	int lineno = 0, start = 0, joining = 0, rc = 0;

	if (len >= 2 && ((p[0] == '\xff' && p[1] == '\xfe') ||
	    (p[0] == '\xfe' && p[1] == '\xff'))) {
		xfail(cause, "%s is UTF-16 text; save it as UTF-8 (see man 5 "
		    "caseload.ini)", path);
		return NULL;
	}
	/* A UTF-8 byte order mark, as some editors write, is not text. */
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;

	memset(&r, 0, sizeof r);
	r.path = path;
	r.d = dictionary_new(0);
	r.lines = dictionary_new(0);
	r.section = xstrdup("");
	if (r.d == NULL || r.lines == NULL) {
		xfail(cause, "%s: out of memory reading the settings", path);
		goto fail;
	}
	while (p < end && rc == 0) {
		lineno++;
		nl = memchr(p, '\n', (size_t)(end - p));
		n = (size_t)((nl != NULL ? nl : end) - p);
		if (memchr(p, '\0', n) != NULL) {
			xfail(cause, "%s:%d: not text (it holds a NUL byte): is "
			    "this a settings file? (see man 5 caseload.ini)",
			    path, lineno);
			goto fail;
		}
		if (!joining) {
			start = lineno;
			keep = 0;
		}
		line = xreallocarray(line, keep + n + 1, 1);
		memcpy(line + keep, p, n);
		used = keep + n;
		while (used > 0 && conf_isspace((unsigned char)line[used - 1]))
			used--;
		line[used] = '\0';
		p += n + (nl != NULL);
		if (used > 0 && line[used - 1] == '\\') {
			joining = 1;
			keep = used - 1;
			continue;
		}
		joining = 0;
		rc = conf_read_line(&r, start, line, cause);
	}
	/* A last line that asks to go on, with nothing to go on with. */
	if (rc == 0 && joining) {
		line[keep] = '\0';
		rc = conf_read_line(&r, start, line, cause);
	}
	if (rc != 0)
		goto fail;
	free(line);
	free(r.section);
	dictionary_del(r.lines);
	return r.d;

fail:
	free(line);
	free(r.section);
	if (r.lines != NULL)
		dictionary_del(r.lines);
	if (r.d != NULL)
		dictionary_del(r.d);
	return NULL;
}

/* Read the whole file at path into *text (NUL-terminated) and *len. */
static int
conf_read_file(const char *path, char **text, size_t *len, char **cause)
{
	struct stat sb;
	size_t used = 0, size, n;
	char *buf;
	FILE *f;

	*text = NULL;
	if ((f = fopen(path, "rb")) == NULL)
		return xfail(cause, "cannot read the settings file %s: %s",
		    path, strerror(errno));
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return xfail(cause, "the settings file %s is not a file", path);
	}
	if (sb.st_size > CONF_FILE_MAX) {
		fclose(f);
		return xfail(cause, "%s is %lld KiB: far bigger than a settings "
		    "file; is it the right file? (see man 5 caseload.ini)",
		    path, (long long)sb.st_size / 1024);
	}
	/* One byte more than its size, to see that it has all been read. */
	size = (size_t)sb.st_size + 1;
	buf = xmalloc(size + 1);
	while ((n = fread(buf + used, 1, size - used, f)) > 0) {
		used += n;
		if (used == size && size <= CONF_FILE_MAX) {
			size *= 2;
			buf = xreallocarray(buf, size + 1, 1);
		}
	}
	if (ferror(f) || used > CONF_FILE_MAX) {
		if (ferror(f))
			xfail(cause, "cannot read the settings file %s", path);
		else
			xfail(cause, "%s is more than %d KiB: far bigger than a "
			    "settings file; is it the right file?", path,
			    CONF_FILE_MAX / 1024);
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	buf[used] = '\0';
	*text = buf;
	*len = used;
	return 0;
}

int
conf_load(struct config *cfg, const char *path, int must_exist, char **cause)
{
	struct config work;
	const struct conf_entry *e;
	dictionary *d;
	struct stat sb;
	char *section, *key, *why, *safe, *text;
	char shown[60 * 4 + 8];
	const char *name, *value;
	size_t len = 0;
	int i, n;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && !must_exist)
			return 0;
		return xfail(cause, "cannot read the settings file %s: %s",
		    path, strerror(errno));
	}
	if (!S_ISREG(sb.st_mode))
		return xfail(cause, "the settings file %s is not a file", path);

	if (conf_read_file(path, &text, &len, cause) != 0)
		return -1;
	d = conf_parse(path, text, len, cause);
	free(text);
	if (d == NULL)
		return -1;

	/* Work on a copy so that cfg is untouched on error. */
	work = *cfg;
	for (i = 0; (size_t)i < CONF_COUNT; i++) {
		if (conf_entries[i].type == CONF_INT ||
		    conf_entries[i].type == CONF_CHOICE ||
		    conf_entries[i].type == CONF_TIME)
			continue;
		char **sp = conf_string_field(&work, &conf_entries[i]);
		*sp = xstrdup(*sp != NULL ? *sp : "");
	}
	/* And its own copy of the extra holidays. */
	if (work.holidays != NULL) {
		work.holidays = xreallocarray(NULL, work.rules.nholidays,
		    sizeof *work.holidays);
		memcpy(work.holidays, cfg->holidays, work.rules.nholidays *
		    sizeof *work.holidays);
	}
	work.rules.holidays = work.holidays;

	n = d->size > 0 ? (int)d->size : 0;
	for (i = 0; i < n; i++) {
		name = d->key[i];
		if (name == NULL)
			continue;
		value = d->val[i];
		key = strchr(name, ':');
		if (key == NULL) {
			if (!conf_known_section(name)) {
				safe = text_escape(name, 0);
				xfail(cause, "%s: unknown section [%s]; see man 5 "
				    "caseload.ini", path, safe);
				free(safe);
				goto fail;
			}
			continue;
		}
		section = xstrndup(name, (size_t)(key - name));
		key++;
		if (*section == '\0') {
			safe = text_escape(key, 0);
			xfail(cause, "%s: '%s' is outside any section; put it "
			    "under one such as [worker]", path, safe);
			free(safe);
			free(section);
			goto fail;
		}
		e = conf_find(section, key);
		if (e == NULL) {
			safe = text_escape(key, 0);
			xfail(cause, "%s: [%s] has no setting '%s'; see man 5 "
			    "caseload.ini", path, section, safe);
			free(safe);
			free(section);
			goto fail;
		}
		free(section);
		if (conf_set(&work, e, value != NULL ? value : "", &why) != 0) {
			text_fit(value != NULL ? value : "", 60, 0, shown,
			    sizeof shown);
			xfail(cause, "%s: [%s] %s = '%s': %s", path, e->section,
			    e->key, shown, why);
			free(why);
			goto fail;
		}
	}
	iniparser_freedict(d);
	conf_free(cfg);
	*cfg = work;
	return 0;

fail:
	iniparser_freedict(d);
	conf_free(&work);
	return -1;
}

char *
conf_value(const struct config *cfg, const struct conf_entry *e)
{
	switch (e->type) {
	case CONF_STRING:
	case CONF_DATE_FORMAT:
	case CONF_DATES:
		return xstrdup(conf_string_get(cfg, e));
	case CONF_TEXT:
		return conf_escape(conf_string_get(cfg, e));
	case CONF_INT:
		return xasprintf("%d", conf_int_get(cfg, e));
	case CONF_CHOICE:
		return xstrdup(e->choices[conf_int_get(cfg, e)]);
	case CONF_TIME:
		return xasprintf("%02d:%02d", conf_int_get(cfg, e) / 60,
		    conf_int_get(cfg, e) % 60);
	}
	return xstrdup("");
}

/*
 * Write key = value so that iniparser reads back the same value.  It
 * reads an unquoted value whole unless the value holds ; or # (which
 * start a comment), starts with a space or a quote, or ends with a space
 * (spaces at the ends are trimmed); such a value is quoted with whichever
 * quote it does not hold (a value iniparser read always lacks one of
 * them).  A value ending with a backslash would join the next line, so
 * an empty comment follows it.
 */
static void
conf_print_value(FILE *f, const char *key, const char *value)
{
	size_t n = strlen(value);

	if (n == 0)
		fprintf(f, "%s =\n", key);
	else if (strpbrk(value, ";#") != NULL || value[0] == ' ' ||
	    value[n - 1] == ' ' || value[0] == '"' || value[0] == '\'') {
		if (strchr(value, '"') == NULL)
			fprintf(f, "%s = \"%s\"\n", key, value);
		else
			fprintf(f, "%s = '%s'\n", key, value);
	} else if (value[n - 1] == '\\')
		fprintf(f, "%s = %s ;\n", key, value);
	else
		fprintf(f, "%s = %s\n", key, value);
}

void
conf_print(const struct config *cfg, FILE *f)
{
	const char *section = NULL;
	char *value;
	size_t i;

	for (i = 0; i < CONF_COUNT; i++) {
		if (section == NULL ||
		    strcmp(section, conf_entries[i].section) != 0) {
			section = conf_entries[i].section;
			fprintf(f, "%s[%s]\n", i == 0 ? "" : "\n", section);
		}
		value = conf_value(cfg, &conf_entries[i]);
		fprintf(f, "# %s\n", conf_entries[i].help);
		conf_print_value(f, conf_entries[i].key, value);
		free(value);
	}
}
