/* SPDX-License-Identifier: MIT */
/*
 * cmd-import.c: caseload import: add young people from a spreadsheet's
 * CSV, all or nothing, with the job the screens would call (job_import,
 * job.h); this says what it did, or what is wrong with the file.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-person.h"
#include "import.h"
#include "rules.h"
#include "text.h"
#include "views.h"
#include "xmalloc.h"

#define IMPORT_NAME_COLS 28

/* One line of what was (or would be) imported. */
static void
import_say(struct cli *cli, const char *number, const struct person *p)
{
	char name[IMPORT_NAME_COLS * 4 + 8], *label;
	struct rules_due due;

	if (p->preferred_name != NULL)
		label = xasprintf("%s (%s)", p->name, p->preferred_name);
	else
		label = xstrdup(p->name);
	text_fit(label, IMPORT_NAME_COLS, 1, name, sizeof name);
	free(label);
	printf("  %8s  %s  %-8s  ", number, name,
	    rules_stage_label(rules_stage(p->facts.dob, cli->ses.today)));
	if (p->facts.status != STATUS_UP) {
		printf("%s %s\n", person_status_label(p->facts.status),
		    cli_date(cli, p->facts.status_since));
		return;
	}
	due = rules_contact_due(&p->facts, &cli->ses.cfg.rules, cli->ses.today);
	if (due.state == DUE_OVERDUE)
		printf("contact overdue since %s\n", cli_date(cli, due.due));
	else
		printf("next contact due %s\n", cli_date(cli, due.due));
}

/* What the rules will know of a row once it is imported. */
static struct person
import_as_saved(const struct import_row *row)
{
	struct person p = row->person;

	p.facts.status = STATUS_UP;
	p.facts.status_since = p.facts.allocated_on;
	if (row->came_back_on != DATE_NONE)
		p.facts.status_since = row->came_back_on;
	if (row->archived_on != DATE_NONE) {
		p.facts.status = STATUS_ARCHIVED;
		p.facts.status_since = row->archived_on;
	}
	if (row->stepped_down_on != DATE_NONE) {
		p.facts.status = STATUS_DOWN;
		p.facts.status_since = row->stepped_down_on;
	}
	p.facts.last_contact = row->last_contact;
	return p;
}

/* What caseload import was asked to do. */
struct import_args {
	int			 dry_run;
	const char		*path;		/* "-": standard input */
	const char		*name;		/* the file, for messages */
	struct import_options	 opt;
	const char		**ignore;	/* --ignore-column, owned */
};

/*
 * The options and the file of caseload import: 0 with a filled in, or
 * EXIT_USAGE after an error.  Free a->ignore either way.
 */
static int
import_options(int argc, char **argv, struct import_args *a)
{
	static const struct option options[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "ignore-column", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (c) {
		case 'n':
			a->dry_run = 1;
			break;
		case 'i':
			if (*optarg == '\0')
				return cli_operands_error("import",
				    "--ignore-column: give the name of a "
				    "column in the header row");
			a->ignore = xreallocarray(a->ignore,
			    a->opt.nignore + 1, sizeof *a->ignore);
			a->ignore[a->opt.nignore++] = optarg;
			break;
		default:
			return cli_option_error("import", c, argv);
		}
	}
	a->opt.ignore = a->ignore;
	a->opt.dash_is_stdin = 1;
	if (argc - optind != 1)
		return cli_operands_error("import", "give one CSV file, saved "
		    "from the spreadsheet with a header row");
	if (*argv[optind] == '\0')
		return cli_operands_error("import", "the file name is empty; "
		    "give the CSV file saved from the spreadsheet");
	a->path = argv[optind];
	a->name = import_file_name(a->path);
	if (strcmp(a->path, "-") == 0 && isatty(STDIN_FILENO)) {
		cli_error("import: '-' reads standard input, which is a "
		    "terminal here; give a file name or send the file through "
		    "a pipe");
		return EXIT_USAGE;
	}
	return 0;
}

/*
 * Read the sheet at path (job_import_read), then open the database (not
 * for a dry run when it does not exist yet: that does not make it).  0,
 * or an exit status after an error.  Free imp with job_import_free
 * either way.
 */
static int
import_load(struct cli *cli, const struct import_args *a,
    struct job_import *imp)
{
	struct job_result r;
	struct store *st;
	char *cause = NULL, *safe, *safe_name;
	size_t i;
	int rc;

	if (job_import_read(&cli->ses, a->path, &a->opt, imp, &r,
	    &cause) != 0) {
		safe = cli_safe(cause);
		cli_error("import: %s", safe);
		free(safe);
		free(cause);
		return EXIT_USAGE;
	}
	if (imp->sheet.semicolons) {
		safe = cli_safe(a->name);
		/* Not a warning: what the file was taken to be. */
		cli_error("import: reading %s as separated by semicolons",
		    safe);
		free(safe);
	}
	for (i = 0; i < imp->sheet.nunmatched; i++) {
		safe = cli_safe(imp->sheet.unmatched[i]);
		safe_name = cli_safe(a->name);
		cli_warn("import: --ignore-column '%s' names no column of %s",
		    safe, safe_name);
		free(safe_name);
		free(safe);
	}
	/*
	 * A caseload that is not there yet holds nobody the sheet could
	 * repeat: a sheet with problems is refused without making one.
	 */
	if (access(cli->ses.db_path, F_OK) != 0 &&
	    (a->dry_run || imp->sheet.nproblems > 0))
		return 0;
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	return 0;
}

/*
 * Refuse a sheet with problems, each said on standard error as
 * FILE:LINE: what, or without young people: EXIT_USAGE; else 0.
 */
static int
import_refuse(const struct import_sheet *sheet, const char *path)
{
	char *safe, *safe_path;
	size_t i;

	if (sheet->nproblems > 0) {
		fflush(stdout);
		for (i = 0; i < sheet->nproblems; i++) {
			safe = cli_safe(sheet->problems[i].what);
			safe_path = cli_safe(path);
			fprintf(stderr, "%s:%d: %s\n", safe_path,
			    sheet->problems[i].line, safe);
			free(safe_path);
			free(safe);
		}
		safe_path = cli_safe(path);
		cli_error("import: %zu problem%s in %s (listed above): nothing "
		    "was imported; correct the file and import it again",
		    sheet->nproblems, sheet->nproblems == 1 ? "" : "s",
		    safe_path);
		free(safe_path);
		return EXIT_USAGE;
	}
	if (sheet->n == 0) {
		safe_path = cli_safe(path);
		cli_error("import: %s has a header row but no young people",
		    safe_path);
		free(safe_path);
		return EXIT_USAGE;
	}
	return 0;
}

/* The first line of what import says: done, or would be, and how many. */
static void
import_say_counts(const struct job_import *imp, const char *path,
    int dry_run)
{
	size_t n = imp->sheet.n;
	char archived[32] = "";

	if (imp->archived > 0)
		snprintf(archived, sizeof archived, ", %zu archived",
		    imp->archived);
	printf("%s %zu young %s from %s (%zu stepped up, %zu stepped "
	    "down%s):\n", dry_run ? "Would import" : "Imported", n,
	    n == 1 ? "person" : "people", path, n - imp->down - imp->archived,
	    imp->down, archived);
}

/*
 * What the rows keep with the young people, in counts only (flags and
 * notes are private): "2 safety flags, 1 note, 3 social workers, 1
 * agreed action were added."; nothing when there is none.
 */
static void
import_say_more(const struct job_import *imp, int dry_run)
{
	const struct {
		size_t		 n;
		const char	*one, *many;
	} what[] = {
		{ imp->flags, "safety flag", "safety flags" },
		{ imp->notes, "note", "notes" },
		{ imp->social_workers, "social worker", "social workers" },
		{ imp->actions, "agreed action", "agreed actions" },
	};
	const char *sep = "";
	size_t i;

	if (imp->flags + imp->notes + imp->social_workers +
	    imp->actions == 0)
		return;
	for (i = 0; i < sizeof what / sizeof what[0]; i++) {
		if (what[i].n == 0)
			continue;
		printf("%s%zu %s", sep, what[i].n,
		    what[i].n == 1 ? what[i].one : what[i].many);
		sep = ", ";
	}
	printf(" %s.\n", dry_run ? "would be added" : "were added");
}

/* import --dry-run: what would be imported, by line of the file. */
static void
import_say_dry_run(struct cli *cli, const struct job_import *imp,
    const char *path)
{
	const struct import_sheet *sheet = &imp->sheet;
	struct person shown;
	char number[32];
	size_t i;

	import_say_counts(imp, path, 1);
	for (i = 0; i < sheet->n; i++) {
		snprintf(number, sizeof number, "line %d", sheet->rows[i].line);
		shown = import_as_saved(&sheet->rows[i]);
		import_say(cli, number, &shown);
	}
	import_say_more(imp, 1);
	printf("Nothing was written (--dry-run).\n");
}

/*
 * What was imported, by number, as it was saved (job_import leaves each
 * row's person as the database now holds them); then the warnings: ages,
 * and the cap of young people stepped up.  EXIT_DONE, or EXIT_FAILED
 * when the database cannot be read.
 */
static int
import_say_saved(struct cli *cli, const struct job_import *imp,
    const char *path)
{
	const struct import_sheet *sheet = &imp->sheet;
	struct store *st = cli->ses.st;
	struct person shown;
	char *cause = NULL, number[32];
	size_t i;
	long up = 0;

	import_say_counts(imp, path, 0);
	for (i = 0; i < sheet->n; i++) {
		snprintf(number, sizeof number, "%ld", sheet->rows[i].person.id);
		shown = import_as_saved(&sheet->rows[i]);
		import_say(cli, number, &shown);
	}
	import_say_more(imp, 0);
	for (i = 0; i < sheet->n; i++) {
		/* Archived: they are past the service already. */
		if (sheet->rows[i].archived_on == DATE_NONE)
			cli_person_warn_age(cli, &sheet->rows[i].person);
	}
	/* Counted from an index, not read one by one. */
	if (views_window_count(st, &cli->ses.cfg.rules, cli->ses.today,
	    VIEWS_UP, NULL, &up, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (rules_over_cap((int)up, &cli->ses.cfg.rules))
		cli_warn("%ld young people are now stepped up, %ld over your "
		    "cap of %d", up, up - cli->ses.cfg.rules.cap,
		    cli->ses.cfg.rules.cap);
	return EXIT_DONE;
}

int
cmd_import(struct cli *cli, int argc, char **argv)
{
	struct import_args a;
	struct job_import imp;
	struct job_result r;
	struct cli_progress progress;
	const char *path = NULL;
	char *cause = NULL;
	int rc, dry_run;

	memset(&a, 0, sizeof a);
	memset(&imp, 0, sizeof imp);
	if ((rc = import_options(argc, argv, &a)) != 0)
		goto out;
	path = a.name;
	dry_run = a.dry_run;
	if ((rc = import_load(cli, &a, &imp)) != 0)
		goto out;
	if (cli->ses.st == NULL && imp.sheet.nproblems > 0) {
		rc = import_refuse(&imp.sheet, path);
		goto out;
	}
	cli_progress_begin(cli, &progress, "importing");
	rc = job_import(&cli->ses, &imp, dry_run, &r, &cause);
	cli_progress_end(cli, &progress);
	if (rc != 0) {
		if (r.refused)
			rc = import_refuse(&imp.sheet, path);
		else {
			cli_error("import: %s; nothing was imported", cause);
			rc = EXIT_FAILED;
		}
		free(cause);
		goto out;
	}
	if (dry_run) {
		import_say_dry_run(cli, &imp, path);
		rc = EXIT_DONE;
	} else
		rc = import_say_saved(cli, &imp, path);
out:
	job_import_free(&imp);
	free(a.ignore);
	return rc;
}
