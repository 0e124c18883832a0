/*
 * cmd-import.c: caseload import: add young people from a spreadsheet's
 * CSV, all or nothing, in one transaction.
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
#include "xmalloc.h"

#define IMPORT_NAME_COLS 28

struct import_match {
	struct import_sheet	 *sheet;
	struct import_row	**by;		/* rows by date of birth, name */
};

/*
 * Rows by date of birth and name (ignoring case and spaces, as names
 * saved before they were tidied may hold more), as bsearch needs.
 */
static int
import_key_compare(const void *a, const void *b)
{
	const struct import_row *ra = *(const struct import_row *const *)a;
	const struct import_row *rb = *(const struct import_row *const *)b;

	if (ra->person.facts.dob != rb->person.facts.dob)
		return ra->person.facts.dob < rb->person.facts.dob ? -1 : 1;
	return text_namecmp(ra->person.name, rb->person.name);
}

/* Is someone already in the database also in the sheet? */
static int
import_match_person(const struct person *p, void *arg)
{
	struct import_match *m = arg;
	struct import_row key, *keyp = &key, **found;

	memset(&key, 0, sizeof key);
	key.person.facts.dob = p->facts.dob;
	key.person.name = p->name;
	found = bsearch(&keyp, m->by, m->sheet->n, sizeof *m->by,
	    import_key_compare);
	if (found != NULL) {
		import_problem(m->sheet, (*found)->line, "already on your "
		    "caseload as number %ld (same name and date of birth); "
		    "take the row out, or change their details with 'caseload "
		    "edit %ld'", p->id, p->id);
	}
	return 0;
}

/* Find the rows that match someone in the database; -1 on failure. */
static int
import_find_present(struct store *st, struct import_sheet *sheet,
    char **cause)
{
	struct import_match m;
	size_t i;
	int rc;

	if (sheet->n == 0)
		return 0;
	m.sheet = sheet;
	m.by = xreallocarray(NULL, sheet->n, sizeof *m.by);
	for (i = 0; i < sheet->n; i++)
		m.by[i] = &sheet->rows[i];
	qsort(m.by, sheet->n, sizeof *m.by, import_key_compare);
	rc = store_people_each(st, STORE_EVERYONE, import_match_person, &m,
	    cause);
	free(m.by);
	return rc;
}

/* One line of what was (or would be) imported. */
static void
import_say(struct cli *cli, const char *number, const struct person *p,
    date_t stepped_down_on)
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
	if (stepped_down_on != DATE_NONE) {
		printf("stepped down %s\n", cli_date(cli, stepped_down_on));
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
	if (row->stepped_down_on != DATE_NONE) {
		p.facts.status = STATUS_DOWN;
		p.facts.status_since = row->stepped_down_on;
	}
	p.facts.last_contact = row->last_contact;
	return p;
}

/* Add every row, in one transaction; sets the rows' numbers. */
static int
import_save(struct store *st, struct import_sheet *sheet, char **cause)
{
	struct import_row *row;
	struct contact c;
	size_t i;

	if (store_begin(st, cause) != 0)
		return -1;
	for (i = 0; i < sheet->n; i++) {
		row = &sheet->rows[i];
		if (store_person_add(st, &row->person, cause) != 0)
			goto fail;
		if (row->last_contact != DATE_NONE) {
			memset(&c, 0, sizeof c);
			c.person_id = row->person.id;
			c.on = row->last_contact;
			c.method = METHOD_OTHER;
			c.by = BY_WORKER;
			c.note = IMPORT_NOTE;
			c.struck_on = DATE_NONE;
			if (store_contact_add(st, &c, cause) != 0)
				goto fail;
		}
		if (row->stepped_down_on != DATE_NONE &&
		    store_status_change(st, row->person.id, STATUS_DOWN,
		    row->stepped_down_on, IMPORT_NOTE, cause) != 0)
			goto fail;
	}
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

static int
import_count_up(const struct person *p, void *arg)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

/*
 * The options and the file of caseload import: 0 with *dry_run and *path
 * set, or EXIT_USAGE after an error.
 */
static int
import_options(int argc, char **argv, int *dry_run, const char **path)
{
	static const struct option options[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (c) {
		case 'n':
			*dry_run = 1;
			break;
		default:
			return cli_option_error("import", c, argv);
		}
	}
	if (argc - optind != 1)
		return cli_operands_error("import", "give one CSV file, saved "
		    "from the spreadsheet with a header row");
	if (*argv[optind] == '\0')
		return cli_operands_error("import", "the file name is empty; "
		    "give the CSV file saved from the spreadsheet");
	*path = argv[optind];
	return 0;
}

/*
 * Read the sheet at path, open the database (not for a dry run when it
 * does not exist yet: that does not make it) and find who in the sheet
 * is on the caseload already.  0 with *st set (NULL when not opened), or
 * an exit status after an error.  Free sheet with import_sheet_free
 * either way.
 */
static int
import_load(struct cli *cli, const char *path, int dry_run,
    struct import_sheet *sheet, struct store **st)
{
	char *cause = NULL, *safe;
	int rc;

	*st = NULL;
	if (import_read(path, cli->ses.today, sheet, &cause) != 0) {
		safe = cli_safe(cause);
		cli_error("import: %s", safe);
		free(safe);
		free(cause);
		return EXIT_USAGE;
	}
	if ((!dry_run || access(cli->ses.db_path, F_OK) == 0) &&
	    (rc = cli_store(cli, st)) != 0)
		return rc;
	if (*st != NULL && import_find_present(*st, sheet, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	import_sort_problems(sheet);
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
import_say_counts(const struct import_sheet *sheet, const char *path,
    int dry_run)
{
	size_t i, down = 0;

	for (i = 0; i < sheet->n; i++) {
		if (sheet->rows[i].stepped_down_on != DATE_NONE)
			down++;
	}
	printf("%s %zu young %s from %s (%zu stepped up, %zu stepped "
	    "down):\n", dry_run ? "Would import" : "Imported", sheet->n,
	    sheet->n == 1 ? "person" : "people", path, sheet->n - down, down);
}

/* import --dry-run: what would be imported, by line of the file. */
static void
import_say_dry_run(struct cli *cli, const struct import_sheet *sheet,
    const char *path)
{
	struct person shown;
	char number[32];
	size_t i;

	import_say_counts(sheet, path, 1);
	for (i = 0; i < sheet->n; i++) {
		snprintf(number, sizeof number, "line %d", sheet->rows[i].line);
		shown = import_as_saved(&sheet->rows[i]);
		import_say(cli, number, &shown, sheet->rows[i].stepped_down_on);
	}
	printf("Nothing was written (--dry-run).\n");
}

/*
 * What was imported, by number, as the database now holds it; then the
 * warnings: ages, and the cap of young people stepped up.  EXIT_DONE, or
 * EXIT_FAILED when the database cannot be read.
 */
static int
import_say_saved(struct cli *cli, struct store *st,
    const struct import_sheet *sheet, const char *path)
{
	struct person *saved;
	char *cause = NULL, number[32];
	size_t i;
	int up = 0;

	import_say_counts(sheet, path, 0);
	for (i = 0; i < sheet->n; i++) {
		snprintf(number, sizeof number, "%ld", sheet->rows[i].person.id);
		if (store_person_get(st, sheet->rows[i].person.id, &saved,
		    &cause) != 0) {
			cli_error("%s", cause != NULL ? cause :
			    "a young person just imported is missing");
			free(cause);
			return EXIT_FAILED;
		}
		import_say(cli, number, saved, sheet->rows[i].stepped_down_on);
		free(saved);
	}
	for (i = 0; i < sheet->n; i++)
		cli_person_warn_age(cli, &sheet->rows[i].person);
	if (store_people_each(st, STORE_UP, import_count_up, &up,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (rules_over_cap(up, &cli->ses.cfg.rules))
		cli_warn("%d young people are now stepped up, %d over your cap "
		    "of %d", up, up - cli->ses.cfg.rules.cap, cli->ses.cfg.rules.cap);
	return EXIT_DONE;
}

int
cmd_import(struct cli *cli, int argc, char **argv)
{
	struct import_sheet sheet;
	struct store *st;
	const char *path = NULL;
	char *cause = NULL;
	int rc, dry_run = 0;

	if ((rc = import_options(argc, argv, &dry_run, &path)) != 0)
		return rc;
	if ((rc = import_load(cli, path, dry_run, &sheet, &st)) != 0 ||
	    (rc = import_refuse(&sheet, path)) != 0)
		goto out;
	if (dry_run) {
		import_say_dry_run(cli, &sheet, path);
		rc = EXIT_DONE;
		goto out;
	}
	if (import_save(st, &sheet, &cause) != 0) {
		cli_error("import: %s; nothing was imported", cause);
		free(cause);
		rc = EXIT_FAILED;
		goto out;
	}
	rc = import_say_saved(cli, st, &sheet, path);
out:
	import_sheet_free(&sheet);
	return rc;
}
