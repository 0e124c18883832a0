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
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "csvout.h"
#include "outfile.h"
#include "text.h"
#include "xmalloc.h"

static const struct cli_command cli_table[] = {
	{ "add", "--name NAME --dob DATE [--preferred NAME] [--phone P]"
	  " [--email E] [--address TEXT] [--interval-weeks N] [--allocated DATE]"
	  " [--yes]",
	  "add a young person to your caseload", cmd_add, SESSION_WRITES },
	{ "list", "[--stepped-up | --stepped-down | --all]"
	  " [--accommodation TYPE[,TYPE...]] [--format text|csv|json] [--bom]",
	  "list young people (everyone not archived; --accommodation: those"
	  " who live in one of those types now)", cmd_list, SESSION_READS },
	{ "show", "REF [--print]", "show a young person's record (--print: "
	  "on paper, with the people around them)", cmd_show, SESSION_READS },
	{ "edit", "REF [--name NAME] [--dob DATE] [--preferred NAME] ...",
	  "change a young person's details", cmd_edit, SESSION_WRITES },
	{ "contact", "REF [--date DATE] [--method M] [--by worker|young-person]"
	  " [--attempted] [--place P] [--seen-alone yes|no] [--note TEXT]"
	  " [--agreed TEXT [--who WHO] --due DATE]...",
	  "log a contact (methods: visit phone video text email letter group"
	  " other)", cmd_contact, SESSION_WRITES },
	{ "strike", "REF N [--reason TEXT]",
	  "strike out their contact (a plain number: 3), letter (L1), "
	  "review (R1), note (N1) or accommodation (M1) recorded by mistake "
	  "('show REF' lists the numbers)",
	  cmd_strike, SESSION_WRITES },
	{ "flag", "REF --kind K [--note TEXT] [--date DATE]\n"
	  "       caseload flag REF --change N --note TEXT\n"
	  "       caseload flag REF --end N [--reason TEXT] [--date DATE]",
	  "set a safety flag (kinds: do-not-visit-alone marac domestic-abuse"
	  " exploitation missing custody other), change its note or end it",
	  cmd_flag, SESSION_WRITES },
	{ "action", "REF --text TEXT --due DATE [--who WHO] [--date DATE]\n"
	  "       caseload action REF --done AN [--date DATE]\n"
	  "       caseload action REF --drop AN [--reason TEXT] [--date DATE]",
	  "add what was agreed with a young person (who does what by when),"
	  " mark it done or drop it", cmd_action, SESSION_WRITES },
	{ "note", "REF --text TEXT [--date DATE]",
	  "keep a dated note about a young person (struck out with "
	  "'strike REF N1', never deleted)", cmd_note, SESSION_WRITES },
	{ "moved", "REF --type T [--date DATE] [--provided-by-la]"
	  " [--unsuitable | --suitable yes|no|unknown] [--address TEXT]",
	  "record where a young person has moved to (types:"
	  " with-parents-or-relatives staying-put foster-care"
	  " supported-lodgings semi-independent independent-tenancy"
	  " higher-education custody bed-and-breakfast sofa-surfing"
	  " no-fixed-abode other); struck out with 'strike REF M1'",
	  cmd_moved, SESSION_WRITES },
	{ "involve", "REF --role ROLE --name NAME [--phone P] [--email E]"
	  " [--note TEXT] [--date DATE]\n"
	  "       caseload involve REF --change N [--role ROLE] [--name NAME]"
	  " ...\n"
	  "       caseload involve REF --end N [--date DATE]",
	  "add one of the people around a young person (roles: social-worker"
	  " iro housing-officer college-tutor family other), change them, or"
	  " end their involvement", cmd_involve, SESSION_WRITES },
	{ "return", "REF --in-touch T [--activity A [--part-time]]"
	  " [--date DATE]\n"
	  "       caseload return REF --strike BN [--reason TEXT]",
	  "record the birthday return whose window is open (around the 17th"
	  " to 21st birthdays), or strike one out", cmd_return,
	  SESSION_WRITES },
	{ "returns", "[--year YYYY-YY] [--format text|csv|json] [--bom]",
	  "the reporting year's birthday returns, recorded and missing",
	  cmd_returns, SESSION_READS },
	{ "step-down", "REF [--date DATE] [--reason TEXT]",
	  "step a young person down from the service", cmd_step_down,
	  SESSION_WRITES },
	{ "step-up", "REF [--date DATE] [--reason TEXT]",
	  "step a young person up again", cmd_step_up, SESSION_WRITES },
	{ "review", "REF [--date DATE]", "record a pathway plan review",
	  cmd_review, SESSION_WRITES },
	{ "due", "[--within DAYS] [--format text|csv|json] [--bom]"
	  " [--print [--redact]]",
	  "who is due for contact, most overdue first", cmd_due, SESSION_READS },
	{ "agenda", "[--days N | --overdue] [--format text|csv|json] [--bom]",
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
	{ "letters", "[--within DAYS] [--format text|csv|json] [--bom]"
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
	{ "import", "FILE.csv|- [--dry-run] [--ignore-column NAME]...",
	  "add young people from a spreadsheet saved as CSV (all or nothing)",
	  cmd_import, SESSION_WRITES },
	{ "handover", "export REF... -o FILE|- | handover import FILE|-",
	  "hand young people's whole records to another worker's caseload",
	  cmd_handover, SESSION_WRITES },
	{ "stats", "[--format text|json]", "figures for supervision",
	  cmd_stats, SESSION_READS },
};
#define CLI_COUNT (sizeof cli_table / sizeof cli_table[0])

/*
 * What each command (or "command part") takes, for completion and for
 * finding --help among its words: its options, and (option NULL) the kind
 * of its operands.  tests/cli/complete.sh checks that every option a
 * command accepts is here.
 */
static const struct cli_word cli_words[] = {
#define PERSON_WORDS(c) \
	{ c, "--name", WORD_TEXT }, { c, "--dob", WORD_TEXT }, \
	{ c, "--preferred", WORD_TEXT }, { c, "--phone", WORD_TEXT }, \
	{ c, "--email", WORD_TEXT }, { c, "--address", WORD_TEXT }, \
	{ c, "--interval-weeks", WORD_TEXT }, \
	{ c, "--allocated", WORD_TEXT }, { c, "--last-contact", WORD_TEXT }, \
	{ c, "--last-contact-method", WORD_METHOD }, { c, "--yes", WORD_NONE }
	PERSON_WORDS("add"),
	PERSON_WORDS("edit"), { "edit", NULL, WORD_REF },
#undef PERSON_WORDS
	{ "list", "--stepped-up", WORD_NONE },
	{ "list", "--stepped-down", WORD_NONE },
	{ "list", "--all", WORD_NONE },
	{ "list", "--accommodation", WORD_TEXT },
	{ "list", "--format", WORD_FORMAT },
	{ "list", "--bom", WORD_NONE },
	{ "show", NULL, WORD_REF },
	{ "contact", "--date", WORD_TEXT },
	{ "contact", "--method", WORD_METHOD },
	{ "contact", "--by", WORD_BY },
	{ "contact", "--attempted", WORD_NONE },
	{ "contact", "--note", WORD_TEXT },
	{ "contact", "--place", WORD_PLACE },
	{ "contact", "--seen-alone", WORD_SEEN_ALONE },
	{ "contact", "--agreed", WORD_TEXT },
	{ "contact", "--who", WORD_TEXT },
	{ "contact", "--due", WORD_TEXT },
	{ "contact", NULL, WORD_REF },
	{ "strike", "--reason", WORD_TEXT },
	{ "strike", NULL, WORD_REF },
	{ "flag", "--kind", WORD_FLAG_KIND },
	{ "flag", "--note", WORD_TEXT },
	{ "flag", "--date", WORD_TEXT },
	{ "flag", "--change", WORD_TEXT },
	{ "flag", "--end", WORD_TEXT },
	{ "flag", "--reason", WORD_TEXT },
	{ "flag", NULL, WORD_REF },
	{ "action", "--text", WORD_TEXT },
	{ "action", "--due", WORD_TEXT },
	{ "action", "--who", WORD_TEXT },
	{ "action", "--date", WORD_TEXT },
	{ "action", "--done", WORD_TEXT },
	{ "action", "--drop", WORD_TEXT },
	{ "action", "--reason", WORD_TEXT },
	{ "action", NULL, WORD_REF },
	{ "return", "--in-touch", WORD_TEXT },
	{ "return", "--activity", WORD_TEXT },
	{ "return", "--part-time", WORD_NONE },
	{ "return", "--date", WORD_TEXT },
	{ "return", "--strike", WORD_TEXT },
	{ "return", "--reason", WORD_TEXT },
	{ "return", NULL, WORD_REF },
	{ "returns", "--year", WORD_TEXT },
	{ "returns", "--format", WORD_FORMAT },
	{ "returns", "--bom", WORD_NONE },
	{ "note", "--text", WORD_TEXT },
	{ "note", "--date", WORD_TEXT },
	{ "note", NULL, WORD_REF },
	{ "moved", "--type", WORD_ACCOMMODATION },
	{ "moved", "--date", WORD_TEXT },
	{ "moved", "--provided-by-la", WORD_NONE },
	{ "moved", "--unsuitable", WORD_NONE },
	{ "moved", "--suitable", WORD_SEEN_ALONE },
	{ "moved", "--address", WORD_TEXT },
	{ "moved", NULL, WORD_REF },
	{ "involve", "--role", WORD_TEXT },
	{ "involve", "--name", WORD_TEXT },
	{ "involve", "--phone", WORD_TEXT },
	{ "involve", "--email", WORD_TEXT },
	{ "involve", "--note", WORD_TEXT },
	{ "involve", "--date", WORD_TEXT },
	{ "involve", "--change", WORD_TEXT },
	{ "involve", "--end", WORD_TEXT },
	{ "involve", NULL, WORD_REF },
	{ "show", "--print", WORD_NONE },
	{ "step-down", "--date", WORD_TEXT },
	{ "step-down", "--reason", WORD_TEXT },
	{ "step-down", NULL, WORD_REF },
	{ "step-up", "--date", WORD_TEXT },
	{ "step-up", "--reason", WORD_TEXT },
	{ "step-up", NULL, WORD_REF },
	{ "review", "--date", WORD_TEXT },
	{ "review", NULL, WORD_REF },
	{ "due", "--within", WORD_TEXT },
	{ "due", "--format", WORD_FORMAT },
	{ "due", "--bom", WORD_NONE },
	{ "due", "--print", WORD_NONE },
	{ "due", "--redact", WORD_NONE },
	{ "agenda", "--days", WORD_TEXT },
	{ "agenda", "--overdue", WORD_NONE },
	{ "agenda", "--format", WORD_FORMAT },
	{ "agenda", "--bom", WORD_NONE },
	{ "export", "--output", WORD_FILE },
	{ "export", "-o", WORD_FILE },
	{ "export", "--days", WORD_TEXT },
	{ "export", "--privacy", WORD_PRIVACY },
	{ "export", "--vdir", WORD_FILE },
	{ "publish", "--days", WORD_TEXT },
	{ "publish", "--dry-run", WORD_NONE },
	{ "publish", "--force", WORD_NONE },
	{ "publish", "--verbose", WORD_NONE },
	{ "archive", "--reason", WORD_TEXT },
	{ "archive", NULL, WORD_REF },
	{ "letters", "--within", WORD_TEXT },
	{ "letters", "--format", WORD_FORMAT },
	{ "letters", "--bom", WORD_NONE },
	{ "letters", "--print", WORD_NONE },
	{ "letters", "--redact", WORD_NONE },
	{ "letters write", "--within", WORD_TEXT },
	{ "letters write", NULL, WORD_FILE },
	{ "letters sent", "--date", WORD_TEXT },
	{ "letters sent", NULL, WORD_REF },
	{ "backup", NULL, WORD_FILE },
	{ "restore", NULL, WORD_FILE },
	{ "import", "--dry-run", WORD_NONE },
	{ "import", "--ignore-column", WORD_TEXT },
	{ "import", NULL, WORD_FILE },
	{ "handover export", "--output", WORD_FILE },
	{ "handover export", "-o", WORD_FILE },
	{ "handover export", NULL, WORD_REFS },
	{ "handover import", NULL, WORD_FILE },
	{ "stats", "--format", WORD_FORMAT_TEXT_JSON },
};
#define CLI_WORDS_COUNT (sizeof cli_words / sizeof cli_words[0])

const struct cli_word *
cli_command_words(size_t *count)
{
	*count = CLI_WORDS_COUNT;
	return cli_words;
}

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

/*
 * The key of the words command takes (cli_words): "command part" when
 * part names one of its parts, else the command.
 */
static const char *
cli_words_key(const char *command, const char *part)
{
	size_t i, n = strlen(command);

	for (i = 0; part != NULL && i < CLI_WORDS_COUNT; i++) {
		if (strncmp(cli_words[i].command, command, n) == 0 &&
		    cli_words[i].command[n] == ' ' &&
		    strcmp(cli_words[i].command + n + 1, part) == 0)
			return cli_words[i].command;
	}
	return command;
}

/*
 * What the option text of key takes after it, as getopt_long reads it:
 * an exact name or the unambiguous start of a long one; WORD_NONE for an
 * option that takes no value, one with its value after "=", or one that
 * is not key's.
 */
static enum cli_word_kind
cli_option_kind(const char *key, const char *text)
{
	const struct cli_word *found = NULL;
	size_t i, len = strlen(text);
	int n = 0;

	if (strchr(text, '=') != NULL)
		return WORD_NONE;
	for (i = 0; i < CLI_WORDS_COUNT; i++) {
		if (strcmp(cli_words[i].command, key) != 0 ||
		    cli_words[i].option == NULL)
			continue;
		if (strcmp(cli_words[i].option, text) == 0)
			return cli_words[i].kind;
		if (strncmp(text, "--", 2) == 0 && len > 2 &&
		    strncmp(cli_words[i].option, text, len) == 0) {
			found = &cli_words[i];
			n++;
		}
	}
	return n == 1 ? found->kind : WORD_NONE;
}

/* Print a command's help on standard output. */
static int
cli_help_print(const struct cli_command *c)
{
	printf("usage: caseload %s%s%s\n  %s\n", c->name,
	    *c->usage != '\0' ? " " : "", c->usage, c->summary);
	return EXIT_DONE;
}

int
cli_help(int argc, char **argv)
{
	const struct cli_command *c;
	const char *key;
	char *safe;
	int i;

	if (strcmp(argv[0], "help") == 0) {
		if (argc != 2) {
			cli_error("help: give one command, as in 'caseload "
			    "help due'; 'caseload help' lists them");
			return EXIT_USAGE;
		}
		if ((c = cli_find(argv[1])) == NULL) {
			safe = cli_safe(argv[1]);
			cli_error("help: '%s' is not a command; 'caseload "
			    "help' lists them", safe);
			free(safe);
			return EXIT_USAGE;
		}
		return cli_help_print(c);
	}
	if ((c = cli_find(argv[0])) == NULL)
		return -1;
	key = cli_words_key(c->name, argc > 1 ? argv[1] : NULL);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			return cli_help_print(c);
		/* An option's value is not a request for help. */
		if (argv[i][0] == '-' &&
		    cli_option_kind(key, argv[i]) != WORD_NONE)
			i++;
	}
	return -1;
}

int
cli_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *c = cli_find(argv[0]);
	char *safe;
	int rc;

	if (c == NULL) {
		safe = cli_safe(argv[0]);
		cli_error("'%s' is not a command; 'caseload --help' lists them",
		    safe);
		free(safe);
		return EXIT_USAGE;
	}
	if ((rc = cli_help(argc, argv)) >= 0)
		return rc;
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

char *
cli_db_folder(const struct cli *cli)
{
	char *dir = xstrdup(cli->ses.db_path), *slash;

	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		return xstrdup(".");
	}
	slash[slash == dir ? 1 : 0] = '\0';
	return dir;
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

int
cli_check_bom(const char *command, int bom, enum cli_format format)
{
	if (!bom || format == FORMAT_CSV)
		return 0;
	cli_error("%s: --bom is for --format csv, which Excel opens; the "
	    "other formats have no byte-order mark", command);
	return EXIT_USAGE;
}

void
cli_csv_header(struct cli *cli, int bom, const char *const *names)
{
	/* The setting is for files; a terminal would show the mark. */
	if (bom || (cli->ses.cfg.csv_bom && !isatty(STDOUT_FILENO)))
		csv_bom(stdout);
	csv_header(stdout, names);
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
cli_parse_row(const char *option, const char *text, char letter, int bare,
    const char *what, int max, int *out)
{
	const char *digits = text;
	char *end, *safe;
	long n;

	if (*digits == letter || *digits == letter - 'A' + 'a')
		digits++;
	else if (!bare)
		digits = "";
	if (*digits >= '0' && *digits <= '9') {
		errno = 0;
		n = strtol(digits, &end, 10);
		if (*end == '\0' && errno == 0 && n >= 1 && n <= max) {
			*out = (int)n;
			return 0;
		}
	}
	safe = cli_safe(text);
	cli_error("%s: '%s' is not the number of %s: give it as 'caseload "
	    "show REF' lists it, such as %c1", option, safe, what, letter);
	free(safe);
	return EXIT_USAGE;
}

int
cli_parse_reason(const char *text, const char **out)
{
	int rc;

	if ((rc = cli_check_text("--reason", text, 0, CHECK_REASON_MAX)) == 0)
		*out = *text != '\0' ? text : NULL;
	return rc;
}

int
cli_parse_choice(const char *option, const char *text, const char *what,
    const struct choice *table, int *out)
{
	char *safe, *list;
	int i;

	if ((i = choice_find(table, text)) >= 0) {
		*out = i;
		return 0;
	}
	safe = cli_safe(text);
	list = choice_list(table);
	cli_error("%s: '%s' is not %s; use %s", option, safe, what, list);
	free(list);
	free(safe);
	return EXIT_USAGE;
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
cli_fcolour_on(FILE *f, const struct cli *cli, enum cli_colour c)
{
	static const char *const codes[] = {
		"\033[31;1m", "\033[33m", "\033[2m", "\033[1m"
	};

	if (cli->colour && f == stdout)
		fputs(codes[c], f);
}

void
cli_fcolour_off(FILE *f, const struct cli *cli)
{
	if (cli->colour && f == stdout)
		fputs("\033[0m", f);
}

void
cli_colour_on(const struct cli *cli, enum cli_colour c)
{
	cli_fcolour_on(stdout, cli, c);
}

void
cli_colour_off(const struct cli *cli)
{
	cli_fcolour_off(stdout, cli);
}

int
cli_width(void)
{
	struct winsize ws;
	const char *columns;
	char *end;
	long n;

	if (!isatty(STDOUT_FILENO))
		return 0;
	columns = getenv("COLUMNS");
	if (columns != NULL && *columns != '\0') {
		errno = 0;
		n = strtol(columns, &end, 10);
		if (errno == 0 && *end == '\0' && n > 0 && n <= 10000)
			return (int)n;
	}
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Print a line after indent spaces; an empty line stays empty. */
static void
cli_print_line(FILE *f, int indent, const char *line)
{
	fprintf(f, "%*s%s\n", *line == '\0' ? 0 : indent, "", line);
}

/* Fewer columns than this after the indent, and text is not wrapped. */
#define CLI_WRAP_MIN 20

void
cli_print_wrapped(int indent, const char *text)
{
	cli_fprint_wrapped(stdout, indent, text);
}

void
cli_fprint_wrapped(FILE *f, int indent, const char *text)
{
	char *safe = text_escape(text, 1), **lines, *line, *nl;
	int width = f == stdout ? cli_width() : 0, cols;
	size_t n, i;

	cols = width - indent;
	if (width == 0 || cols < CLI_WRAP_MIN) {
		/* As it is, line by line. */
		for (line = safe; ; line = nl + 1) {
			if ((nl = strchr(line, '\n')) != NULL)
				*nl = '\0';
			cli_print_line(f, line == safe ? 0 : indent, line);
			if (nl == NULL)
				break;
		}
		free(safe);
		return;
	}
	lines = text_wrap_all(safe, cols, &n);
	if (n == 0)
		putc('\n', f);
	for (i = 0; i < n; i++) {
		cli_print_line(f, i == 0 ? 0 : indent, lines[i]);
		free(lines[i]);
	}
	free(lines);
	free(safe);
}
