/* SPDX-License-Identifier: MIT */
/*
 * cli.c: the table of commands, and what the commands share: errors,
 * opening the database, finding a young person, parsing dates and
 * numbers, colour.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "outfile.h"
#include "text.h"
#include "xmalloc.h"

static const struct cli_command cli_table[] = {
	{ "add", "--name NAME --dob DATE [--preferred NAME] [--phone P]"
	  " [--email E] [--address TEXT] [--interval-weeks N] [--allocated DATE]"
	  " [--yes]",
	  "add a young person to your caseload", cmd_add, SESSION_WRITES },
	{ "list", "[--stepped-up | --stepped-down | --all]"
	  " [--format text|csv|json]",
	  "list young people (everyone not archived)", cmd_list, SESSION_READS },
	{ "show", "REF", "show a young person's record", cmd_show, SESSION_READS },
	{ "edit", "REF [--name NAME] [--dob DATE] [--preferred NAME] ...",
	  "change a young person's details", cmd_edit, SESSION_WRITES },
	{ "contact", "REF [--date DATE] [--method M] [--by worker|young-person]"
	  " [--attempted] [--note TEXT]",
	  "log a contact (methods: visit phone video text email letter group"
	  " other)", cmd_contact, SESSION_WRITES },
	{ "strike", "REF N [--reason TEXT]",
	  "strike out their contact N, letter LN or review RN recorded by "
	  "mistake ('show REF' lists the numbers)",
	  cmd_strike, SESSION_WRITES },
	{ "step-down", "REF [--date DATE] [--reason TEXT]",
	  "step a young person down from the service", cmd_step_down,
	  SESSION_WRITES },
	{ "step-up", "REF [--date DATE] [--reason TEXT]",
	  "step a young person up again", cmd_step_up, SESSION_WRITES },
	{ "review", "REF [--date DATE]", "record a pathway plan review",
	  cmd_review, SESSION_WRITES },
	{ "due", "[--within DAYS] [--format text|csv|json]"
	  " [--print [--redact]]",
	  "who is due for contact, most overdue first", cmd_due, SESSION_READS },
	{ "agenda", "[--days N | --overdue] [--format text|csv|json]",
	  "contacts, letters, reviews and birthdays coming up", cmd_agenda,
	  SESSION_READS },
	{ "export", "[-o FILE.ics | --vdir DIR] [--days N]"
	  " [--privacy full|initials]",
	  "write the agenda as an iCalendar file for a calendar program",
	  cmd_export, SESSION_READS },
	{ "publish", "[--dry-run] [--force] [--verbose] [--days N]",
	  "make your CalDAV calendar ([caldav] url) hold the agenda",
	  cmd_publish, SESSION_WRITES },
	{ "archive", "REF [--reason TEXT]",
	  "take a young person off the caseload (25+, moved away, handed over)",
	  cmd_archive, SESSION_WRITES },
	{ "letters", "[--within DAYS] [--format text|csv|json]"
	  " [--print [--redact]]\n"
	  "       caseload letters write DIR [--within DAYS]\n"
	  "       caseload letters sent REF [--date DATE]",
	  "annual letters to young people who have stepped down", cmd_letters,
	  SESSION_READS },
	{ "card", "", "print your intro card for young people", cmd_card,
	  SESSION_READS },
	{ "backup", "FILE", "copy the database to a new file", cmd_backup,
	  SESSION_READS },
	{ "restore", "FILE", "put a backup back in place of the database",
	  cmd_restore, SESSION_WRITES },
	{ "check", "", "check the database's integrity and schema", cmd_check,
	  SESSION_CHECKS },
	{ "import", "FILE.csv [--dry-run]",
	  "add young people from a spreadsheet saved as CSV (all or nothing)",
	  cmd_import, SESSION_WRITES },
	{ "handover", "export REF... -o FILE | handover import FILE",
	  "hand young people's whole records to another worker's caseload",
	  cmd_handover, SESSION_WRITES },
	{ "stats", "[--format text|json]", "figures for supervision",
	  cmd_stats, SESSION_READS },
};
#define CLI_COUNT (sizeof cli_table / sizeof cli_table[0])

const struct cli_command *
cli_commands(size_t *count)
{
	*count = CLI_COUNT;
	return cli_table;
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	session_say(0, fmt, ap);
	va_end(ap);
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	session_say(1, fmt, ap);
	va_end(ap);
}

static const struct cli_command *
cli_find(const char *name)
{
	size_t i;

	for (i = 0; i < CLI_COUNT; i++) {
		if (strcmp(cli_table[i].name, name) == 0)
			return &cli_table[i];
	}
	return NULL;
}

int
cli_usage(const char *command)
{
	const struct cli_command *c = cli_find(command);

	if (c != NULL)
		fprintf(stderr, "usage: caseload %s%s%s\n", c->name,
		    *c->usage != '\0' ? " " : "", c->usage);
	return EXIT_USAGE;
}

int
cli_option_error(const char *command, int c, char **argv)
{
	const char *text = argv[optind - 1];
	char *safe;

	if (optopt != 0 && (optind < 1 || strncmp(text, "--", 2) != 0))
		safe = xasprintf("-%c", optopt);
	else {
		char *eq;

		safe = cli_safe(text);
		if ((eq = strchr(safe, '=')) != NULL)
			*eq = '\0';
	}
	if (c == ':')
		cli_error("%s: %s needs a value", command, safe);
	else
		cli_error("%s: %s is not an option of %s", command, safe,
		    command);
	free(safe);
	return cli_usage(command);
}

int
cli_no_options(const char *command, int argc, char **argv)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", none, NULL)) != -1)
		return cli_option_error(command, c, argv);
	return 0;
}

int
cli_operands_error(const char *command, const char *what)
{
	cli_error("%s: %s", command, what);
	return cli_usage(command);
}

int
cli_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *c = cli_find(argv[0]);
	char *safe;

	if (c == NULL) {
		safe = cli_safe(argv[0]);
		cli_error("'%s' is not a command; 'caseload --help' lists them",
		    safe);
		free(safe);
		return EXIT_USAGE;
	}
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		printf("usage: caseload %s%s%s\n  %s\n", c->name,
		    *c->usage != '\0' ? " " : "", c->usage, c->summary);
		return EXIT_DONE;
	}
	cli->ses.access = c->access;
	return c->exec(cli, argc, argv);
}

int
cli_check_path(struct cli *cli)
{
	char *cause = NULL;

	if (cli->ses.st == NULL && session_check_path(&cli->ses, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	return 0;
}

int
cli_open(struct cli *cli, struct store **out)
{
	char *cause = NULL, *warning = NULL;
	int rc;

	if (cli->ses.st != NULL) {
		*out = cli->ses.st;
		return 0;
	}
	if ((rc = cli_check_path(cli)) != 0)
		return rc;
	if (session_open(&cli->ses, out, &warning, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	session_backup_daily(&cli->ses, &warning);
	if (warning != NULL) {
		cli_warn("%s", warning);
		free(warning);
	}
	return 0;
}

int
cli_check_dest(const char *command, const char *dest)
{
	char *cause = NULL, *safe;

	if (strcmp(dest, "-") == 0 && isatty(STDOUT_FILENO)) {
		cli_error("%s: '-' sends the file to standard output, which is "
		    "a terminal here; give a file name, or send it to a pipe "
		    "or a file", command);
		return EXIT_USAGE;
	}
	if (outfile_check_new(dest, &cause) != 0) {
		safe = cli_safe(cause);
		cli_error("%s: %s", command, safe);
		free(safe);
		free(cause);
		return EXIT_USAGE;
	}
	return 0;
}

char *
cli_safe(const char *s)
{
	return text_escape(s, 0);
}

/* A number typed as REF or CONTACT: digits, perhaps after '#'. */
static int
cli_number(const char *ref, long *out)
{
	char *end;
	long n;

	if (*ref == '#')
		ref++;
	if (*ref < '0' || *ref > '9')
		return -1;
	errno = 0;
	n = strtol(ref, &end, 10);
	if (*end != '\0' || errno != 0 || n <= 0)
		return -1;
	*out = n;
	return 0;
}

struct cli_match {
	const char	*ref;
	int		 archived;	/* looking among archived people */
	int		 exact;		/* an exact match was found */
	size_t		 n;
	struct person	**found;
};

static int
cli_match_person(const struct person *p, void *arg)
{
	struct cli_match *m = arg;
	int exact;

	/* The store gives only names that hold the REF (text_contains). */
	exact = text_namecmp(p->name, m->ref) == 0 ||
	    (p->preferred_name != NULL &&
	    text_namecmp(p->preferred_name, m->ref) == 0);
	if (m->exact && !exact)
		return 0;
	if (exact && !m->exact) {
		/* Exact matches replace partial ones found so far. */
		while (m->n > 0)
			free(m->found[--m->n]);
		m->exact = 1;
	}
	m->found = xreallocarray(m->found, m->n + 1, sizeof *m->found);
	m->found[m->n++] = person_copy(p);
	return 0;
}

int
cli_resolve(struct cli *cli, const char *ref, struct person **out)
{
	struct cli_match m;
	struct store *st;
	char *cause = NULL, *safe, *folded;
	long id;
	size_t i;
	int rc, blank;

	*out = NULL;
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	if (cli_number(ref, &id) == 0) {
		rc = store_person_get(st, id, out, &cause);
		if (rc < 0) {
			cli_error("%s", cause);
			free(cause);
			return EXIT_FAILED;
		}
		if (rc == 1) {
			cli_error("there is no young person number %ld; "
			    "'caseload list --all' shows the numbers", id);
			return EXIT_USAGE;
		}
		return 0;
	}
	/* Nothing left to match once folded (spaces, "-", "."): refused. */
	folded = text_fold(ref);
	blank = *folded == '\0';
	free(folded);
	if (blank) {
		cli_error("give a young person's number or part of their name");
		return EXIT_USAGE;
	}

	memset(&m, 0, sizeof m);
	m.ref = ref;
	for (m.archived = 0; m.archived < 2 && m.n == 0; m.archived++) {
		if (store_people_named(st, m.archived ? STORE_ARCHIVED :
		    STORE_CURRENT, ref, cli_match_person, &m, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
			rc = EXIT_FAILED;
			goto out;
		}
	}
	safe = cli_safe(ref);
	if (m.n == 0) {
		cli_error("no young person matches '%s'; 'caseload list --all' "
		    "shows everyone", safe);
		rc = EXIT_USAGE;
	} else if (m.n > 1) {
		cli_error("'%s' matches %zu young people; give the number of "
		    "the one you mean:", safe, m.n);
		for (i = 0; i < m.n; i++) {
			char *name = cli_safe(m.found[i]->name);
			fprintf(stderr, "  %5ld  %s\n", m.found[i]->id, name);
			free(name);
		}
		rc = EXIT_USAGE;
	} else {
		*out = m.found[0];
		m.found[0] = NULL;
		rc = 0;
	}
	free(safe);
out:
	for (i = 0; i < m.n; i++)
		free(m.found[i]);
	free(m.found);
	return rc;
}

int
cli_parse_date(struct cli *cli, const char *option, const char *text,
    date_t *out)
{
	char *cause = NULL, *safe;

	if (!text_is_utf8(text) || text_has_control(text)) {
		safe = cli_safe(text);
		cli_error("%s: '%s' is not a date: write it as DD/MM/YYYY or "
		    "YYYY-MM-DD", option, safe);
		free(safe);
		return EXIT_USAGE;
	}
	if (date_parse(text, cli->ses.today, out, &cause) != 0) {
		cli_error("%s: %s", option, cause);
		free(cause);
		return EXIT_USAGE;
	}
	return 0;
}

int
cli_parse_int(const char *option, const char *text, int min, int max,
    int *out)
{
	char *cause = NULL;

	return cli_check(option, check_int(text, min, max, out, &cause),
	    &cause);
}

int
cli_parse_format(const char *text, enum cli_format *out)
{
	char *safe;

	if (strcmp(text, "text") == 0)
		*out = FORMAT_TEXT;
	else if (strcmp(text, "csv") == 0)
		*out = FORMAT_CSV;
	else if (strcmp(text, "json") == 0)
		*out = FORMAT_JSON;
	else {
		safe = cli_safe(text);
		cli_error("--format: '%s' is not a format; use text, csv or "
		    "json", safe);
		free(safe);
		return EXIT_USAGE;
	}
	return 0;
}

int
cli_check_text(const char *field, const char *text, int multiline,
    size_t max)
{
	char *cause = NULL;

	if (check_text(text, multiline, max, &cause) != 0) {
		cli_error("%s: %s", field, cause);
		free(cause);
		return EXIT_USAGE;
	}
	return 0;
}

int
cli_check(const char *field, int rc, char **cause)
{
	char *safe;

	if (rc == 0)
		return 0;
	safe = text_escape(*cause != NULL ? *cause : "not valid", 0);
	cli_error("%s: %s", field, safe);
	free(safe);
	free(*cause);
	*cause = NULL;
	return EXIT_USAGE;
}

int
cli_job_error(const char *what, const struct job_result *r, char **cause)
{
	if (r->refused)
		return cli_check(what, -1, cause);
	cli_error("%s", *cause != NULL ? *cause : "the database failed");
	free(*cause);
	*cause = NULL;
	return EXIT_FAILED;
}

const char *
cli_date(const struct cli *cli, date_t date)
{
	return session_date(&cli->ses, date);
}

void
cli_set_colour(struct cli *cli)
{
	const char *no_colour = getenv("NO_COLOR");

	switch (cli->ses.cfg.colour) {
	case COLOUR_NEVER:
		cli->colour = 0;
		break;
	case COLOUR_ALWAYS:
		cli->colour = 1;
		break;
	default:
		cli->colour = isatty(STDOUT_FILENO) && (no_colour == NULL ||
		    *no_colour == '\0') && getenv("TERM") != NULL &&
		    strcmp(getenv("TERM"), "dumb") != 0;
		break;
	}
}

void
cli_colour_on(const struct cli *cli, enum cli_colour c)
{
	static const char *const codes[] = {
		"\033[31;1m", "\033[33m", "\033[2m", "\033[1m"
	};

	if (cli->colour)
		fputs(codes[c], stdout);
}

void
cli_colour_off(const struct cli *cli)
{
	if (cli->colour)
		fputs("\033[0m", stdout);
}
