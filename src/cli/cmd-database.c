/* SPDX-License-Identifier: MIT */
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

/* Say the problems job_check found, on standard output. */
static void
check_say_problems(const struct job_check *c)
{
	char *safe;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (i == 0)
			printf("Problems found:\n");
		safe = text_escape(c->problems[i], 0);
		printf("  %s\n", safe);
		free(safe);
	}
}

int
cmd_check(struct cli *cli, int argc, char **argv)
{
	struct job_check c;
	struct job_result r;
	struct store *st;
	char *cause = NULL;
	int rc;

	if ((rc = cli_no_options("check", argc, argv)) != 0)
		return rc;
	if (optind != argc)
		return cli_operands_error("check", "takes nothing more");
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	rc = job_check(&cli->ses, &c, &r, &cause);
	check_say_problems(&c);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		rc = EXIT_FAILED;
	} else if (c.n > 0) {
		cli_error("%s has %zu problem%s (listed above); restore a "
		    "backup with 'caseload restore FILE'", store_path(st),
		    c.n, c.n == 1 ? "" : "s");
		rc = EXIT_FAILED;
	} else {
		printf("%s: ok (schema %d, %d young %s).\n", store_path(st),
		    c.schema, c.people, c.people == 1 ? "person" : "people");
		rc = EXIT_DONE;
	}
	job_check_free(&c);
	job_result_free(&r);
	return rc;
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
