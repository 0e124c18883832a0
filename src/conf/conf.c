/*
 * conf.c: the settings table, and reading caseload.ini with iniparser.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
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

#include "conf.h"
#include "date.h"
#include "text.h"
#include "xmalloc.h"

static const char *const privacy_choices[] = { "initials", "full", NULL };
static const char *const contacts_as_choices[] = { "event", "todo", NULL };
static const char *const colour_choices[] = {
	"auto", "always", "never", NULL
};

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
	{ "display", "colour", CONF_CHOICE, "auto", 0, 0, colour_choices,
	  OFF(colour),
	  "Use colour: auto (when the terminal has it and NO_COLOR is not "
	  "set), always or never." },
	{ "display", "date_format", CONF_DATE_FORMAT, "%d/%m/%Y", 0, 0, NULL,
	  OFF(date_format),
	  "How dates are shown (strftime conversions); dates are always "
	  "accepted as DD/MM/YYYY or YYYY-MM-DD." },
	{ "backup", "keep", CONF_INT, "14", 0, 365, NULL, OFF(backup_keep),
	  "How many daily backups to keep; 0 turns them off." },
};
#define CONF_COUNT (sizeof conf_entries / sizeof conf_entries[0])

/*
 * iniparser 4.1 reads lines of up to 1,022 bytes; at most this much of a
 * value, with the longest key, " = " and two quotes, fits, so what
 * caseload --print-config writes always loads back.
 */
#define CONF_VALUE_MAX 1000

/*
 * iniparser reports a syntax error only through a callback with no
 * argument of ours, so its message waits here until conf_load reads it.
 */
static char conf_ini_error[512];

static int conf_ini_errback(const char *, ...)
    __attribute__((format(printf, 1, 2)));

static int
conf_ini_errback(const char *format, ...)
{
	va_list ap;

	va_start(ap, format);
	vsnprintf(conf_ini_error, sizeof conf_ini_error, format, ap);
	va_end(ap);
	return 0;
}

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

/* Set one setting from its text; -1 with *why (a static string) if bad. */
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
	if (strlen(value) > CONF_VALUE_MAX) {
		*why = xasprintf("too long (%zu bytes; at most %d fit on a "
		    "line of the settings file)", strlen(value),
		    CONF_VALUE_MAX);
		return -1;
	}
	switch (e->type) {
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
		    conf_entries[i].type == CONF_CHOICE)
			continue;
		sp = conf_string_field(cfg, &conf_entries[i]);
		free(*sp);
		*sp = NULL;
	}
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

/*
 * Turn iniparser's message ("syntax error in FILE (N):\n-> TEXT", "input
 * line too long in FILE (N)") into ours, with the file and line.
 */
static int
conf_syntax_error(const char *path, char **cause)
{
	const char *open = strrchr(conf_ini_error, '(');
	const char *arrow = strstr(conf_ini_error, "-> ");
	char *text, *safe, *nl;
	int line = 0;

	if (open == NULL || sscanf(open, "(%d)", &line) != 1)
		return xfail(cause, "%s: cannot read the settings file", path);
	if (strstr(conf_ini_error, "syntax error") == NULL)
		return xfail(cause, "%s:%d: a line too long, or not text: is "
		    "this a settings file? (see man 5 caseload.ini)", path, line);
	text = xstrdup(arrow != NULL ? arrow + 3 : "");
	if ((nl = strchr(text, '\n')) != NULL)
		*nl = '\0';
	safe = text_escape(text, 0);
	xfail(cause, "%s:%d: not a setting: '%s' (expected [section] or "
	    "key = value; see man 5 caseload.ini)", path, line, safe);
	free(safe);
	free(text);
	return -1;
}

int
conf_load(struct config *cfg, const char *path, int must_exist, char **cause)
{
	struct config work;
	const struct conf_entry *e;
	dictionary *d;
	struct stat sb;
	char *section, *key, *why, *safe;
	char shown[60 * 4 + 8];
	const char *name, *value;
	int i, n;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && !must_exist)
			return 0;
		return xfail(cause, "cannot read the settings file %s: %s",
		    path, strerror(errno));
	}
	if (!S_ISREG(sb.st_mode))
		return xfail(cause, "the settings file %s is not a file", path);

	conf_ini_error[0] = '\0';
	iniparser_set_error_callback(conf_ini_errback);
	d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (d == NULL)
		return conf_syntax_error(path, cause);

	/* Work on a copy so that cfg is untouched on error. */
	work = *cfg;
	for (i = 0; (size_t)i < CONF_COUNT; i++) {
		if (conf_entries[i].type == CONF_INT ||
		    conf_entries[i].type == CONF_CHOICE)
			continue;
		char **sp = conf_string_field(&work, &conf_entries[i]);
		*sp = xstrdup(*sp != NULL ? *sp : "");
	}

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
	struct config *c = (struct config *)cfg;

	switch (e->type) {
	case CONF_STRING:
	case CONF_DATE_FORMAT:
		return xstrdup(*conf_string_field(c, e));
	case CONF_TEXT:
		return conf_escape(*conf_string_field(c, e));
	case CONF_INT:
		return xasprintf("%d", *conf_int_field(c, e));
	case CONF_CHOICE:
		return xstrdup(e->choices[*conf_int_field(c, e)]);
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
