/* SPDX-License-Identifier: MIT */
/*
 * cmd-export.c: caseload export: the coming contacts, letters, reviews
 * and birthdays as an iCalendar file, for a calendar program, or as a
 * vdir (one file per item) for vdirsyncer and khal.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "cli.h"

static int
export_parse_privacy(const char *text, int *out)
{
	char *safe;

	if (strcmp(text, "initials") == 0)
		*out = PRIVACY_INITIALS;
	else if (strcmp(text, "full") == 0)
		*out = PRIVACY_FULL;
	else {
		safe = cli_safe(text);
		cli_error("--privacy: '%s' is not a choice; use initials or "
		    "full", safe);
		free(safe);
		return EXIT_USAGE;
	}
	return 0;
}

/* export --vdir DIR: the job, and what it did in words. */
static int
export_vdir(struct cli *cli, const char *dir, int days, int privacy)
{
	struct job_vdir v;
	struct job_result r;
	char *cause = NULL, *safe;
	int rc;

	cli->ses.access = SESSION_WRITES;
	if (job_export_vdir(&cli->ses, dir, days, privacy, &v, &r,
	    &cause) != 0) {
		if (r.refused && r.field == JOB_FILE)
			cli_error("export: --vdir: %s", cause);
		else if (r.field == JOB_DATABASE)
			cli_error("%s", cause);
		else
			cli_error("export: %s", cause);
		free(cause);
		rc = r.refused ? EXIT_USAGE : EXIT_FAILED;
		job_result_free(&r);
		return rc;
	}
	if (r.warning != NULL)
		cli_warn("%s", r.warning);
	job_result_free(&r);
	safe = cli_safe(dir);
	printf("Exported %zu item%s to the vdir %s: %zu new, %zu changed, "
	    "%zu removed.\n", v.items, v.items == 1 ? "" : "s", safe, v.made,
	    v.changed, v.removed);
	free(safe);
	return EXIT_DONE;
}

int
cmd_export(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "days", required_argument, NULL, 'd' },
		{ "privacy", required_argument, NULL, 'p' },
		{ "vdir", required_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct job_export ex;
	struct job_result r;
	const char *path = NULL, *vdir = NULL;
	char *cause = NULL, *safe;
	int c, rc, days = CALENDAR_DAYS, privacy = cli->ses.cfg.privacy;
	int read_only = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'o':
			path = optarg;
			if (*path == '\0') {
				cli_error("export: -o needs a file name");
				return cli_usage("export");
			}
			break;
		case 'd':
			rc = cli_parse_int("--days", optarg, 1, CALENDAR_DAYS_MAX,
			    &days);
			break;
		case 'p':
			rc = export_parse_privacy(optarg, &privacy);
			break;
		case 'v':
			vdir = optarg;
			if (*vdir == '\0') {
				cli_error("export: --vdir needs a folder");
				return cli_usage("export");
			}
			break;
		default:
			return cli_option_error("export", c, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (optind != argc)
		return cli_operands_error("export", "takes no young person; "
		    "give the file with -o FILE");
	if (vdir != NULL && path != NULL) {
		cli_error("export: give -o FILE or --vdir DIR, not both");
		return cli_usage("export");
	}
	if (vdir != NULL)
		return export_vdir(cli, vdir, days, privacy);
	if (path != NULL && strcmp(path, "-") == 0)
		path = NULL;

	/*
	 * A file export records each item's SEQUENCE, so that the next one
	 * moves it on; to standard output, or from a database that cannot
	 * be written (or is not there), it only reads.
	 */
	if (path != NULL && !cli->ses.demo) {
		if (access(cli->ses.db_path, W_OK) == 0)
			cli->ses.access = SESSION_WRITES;
		else if (errno != ENOENT)
			read_only = 1;
	}
	/* The file first, so that a bad path leaves nothing behind. */
	rc = job_export(&cli->ses, path, days, privacy, &ex, &r, &cause);
	calendar_cleanup();
	if (rc != 0) {
		if (r.field == JOB_DATABASE)
			cli_error("%s", cause);
		else
			cli_error("export: %s", cause);
		free(cause);
		rc = r.refused ? EXIT_USAGE : EXIT_FAILED;
		job_result_free(&r);
		return rc;
	}
	job_result_free(&r);
	if (path != NULL) {
		safe = cli_safe(path);
		printf("Exported %zu item%s to %s.\n", ex.items,
		    ex.items == 1 ? "" : "s", safe);
		free(safe);
	}
	if (read_only)
		cli_warn("the database cannot be written, so the items' "
		    "SEQUENCE was not recorded; a calendar program may take "
		    "an item changed since the last export for the old one");
	return EXIT_DONE;
}
