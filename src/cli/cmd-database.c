/*
 * cmd-database.c: caseload check (integrity and schema), backup and
 * restore.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "text.h"

static void
check_problem(const char *problem, void *arg)
{
	int *n = arg;
	char *safe = text_escape(problem, 0);

	if (*n == 0)
		printf("Problems found:\n");
	(*n)++;
	printf("  %s\n", safe);
	free(safe);
}

struct check_counts {
	int	people;
};

static int
check_count(const struct person *p, void *arg)
{
	struct check_counts *c = arg;

	(void)p;
	c->people++;
	return 0;
}

int
cmd_check(struct cli *cli, int argc, char **argv)
{
	struct check_counts counts = { 0 };
	struct store *st;
	char *cause = NULL;
	int rc, n = 0, problems;

	if ((rc = cli_no_options("check", argc, argv)) != 0)
		return rc;
	if (optind != argc)
		return cli_operands_error("check", "takes nothing more");
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	problems = store_check(st, check_problem, &n, &cause);
	if (problems < 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (problems > 0) {
		cli_error("%s has %d problem%s (listed above); restore a "
		    "backup with 'caseload restore FILE'", store_path(st),
		    problems, problems == 1 ? "" : "s");
		return EXIT_FAILED;
	}
	if (store_people_each(st, STORE_EVERYONE, check_count, &counts,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	printf("%s: ok (schema %d, %d young %s).\n", store_path(st),
	    store_schema_version(), counts.people,
	    counts.people == 1 ? "person" : "people");
	return EXIT_DONE;
}

/* A backup or restore not done: "COMMAND: why", exit 2 or 1. */
static int
database_job_error(const char *command, struct job_result *r, char **cause)
{
	int rc = r->refused ? EXIT_USAGE : EXIT_FAILED;

	if (r->refused)
		cli_check(command, -1, cause);
	else {
		cli_error("%s: %s", command, *cause);
		free(*cause);
		*cause = NULL;
	}
	job_result_free(r);
	return rc;
}

int
cmd_backup(struct cli *cli, int argc, char **argv)
{
	struct job_result r;
	struct store *st;
	struct stat sb;
	const char *dest;
	char *cause = NULL, *safe;
	int rc;

	if ((rc = cli_no_options("backup", argc, argv)) != 0)
		return rc;
	if (argc - optind != 1)
		return cli_operands_error("backup", "give the new file to "
		    "write the backup to");
	if (*argv[optind] == '\0')
		return cli_operands_error("backup", "the file name is empty; "
		    "give the new file to write the backup to");
	dest = argv[optind];
	if ((rc = cli_check_dest("backup", dest)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	if (job_backup(&cli->ses, dest, &r, &cause) != 0)
		return database_job_error("backup", &r, &cause);
	/* Standard output has the backup itself: nothing more goes there. */
	if (strcmp(dest, "-") == 0)
		return EXIT_DONE;
	safe = cli_safe(dest);
	if (stat(dest, &sb) == 0 && S_ISREG(sb.st_mode))
		printf("Backed up to %s (%lld KiB).\n", safe,
		    (long long)(sb.st_size + 1023) / 1024);
	else
		printf("Backed up to %s.\n", safe);
	free(safe);
	return EXIT_DONE;
}

int
cmd_restore(struct cli *cli, int argc, char **argv)
{
	struct job_result r;
	char *cause = NULL, *safe, *saved, *from;
	int rc;

	if ((rc = cli_no_options("restore", argc, argv)) != 0)
		return rc;
	if (argc - optind != 1)
		return cli_operands_error("restore", "give the backup file to "
		    "restore");
	if (*argv[optind] == '\0')
		return cli_operands_error("restore", "the file name is empty; "
		    "give the backup file to restore");
	if ((rc = cli_check_path(cli)) != 0)
		return rc;
	/* The job opens the database once the backup is known to be sound. */
	if (job_restore(&cli->ses, argv[optind], &r, &cause) != 0)
		return database_job_error("restore", &r, &cause);
	if (r.warning != NULL)
		cli_warn("%s", r.warning);
	safe = text_escape(store_path(cli->ses.st), 0);
	saved = cli_safe(r.path);
	from = cli_safe(argv[optind]);
	printf("Restored %s from %s.\nThe database as it was before is kept in "
	    "%s.\n", safe, from, saved);
	free(safe);
	free(saved);
	free(from);
	job_result_free(&r);
	return EXIT_DONE;
}
