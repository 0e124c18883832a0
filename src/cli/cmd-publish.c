/* SPDX-License-Identifier: MIT */
/*
 * cmd-publish.c: caseload publish: make the worker's CalDAV calendar
 * ([caldav] url) hold exactly the agenda's items (job_publish), saying
 * what was created, changed and deleted, and what was left because it
 * was changed on the server.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "cli.h"

/* What one action is called, done or to be done. */
static const char *
publish_word(enum job_publish_action action, int dry_run)
{
	switch (action) {
	case JOB_PUBLISH_CREATE:
		return dry_run ? "Would create" : "Created";
	case JOB_PUBLISH_CHANGE:
		return dry_run ? "Would change" : "Changed";
	case JOB_PUBLISH_DELETE:
		return dry_run ? "Would delete" : "Deleted";
	case JOB_PUBLISH_CONFLICT:
		break;
	}
	return "Left";
}

/* Each action, one line each (for --dry-run and --verbose). */
static void
publish_list(const struct job_publish *p, int dry_run)
{
	const struct job_publish_item *it;
	char *safe;
	size_t k;

	for (k = 0; k < p->n; k++) {
		it = &p->items[k];
		if (it->action == JOB_PUBLISH_CONFLICT ||
		    (!dry_run && !it->done))
			continue;
		safe = cli_safe(it->summary != NULL ? it->summary : "");
		printf("%s: %s%s%s\n", publish_word(it->action, dry_run),
		    it->uid, *safe != '\0' ? " " : "", safe);
		free(safe);
	}
}

/* The items changed on the server, on standard error. */
static void
publish_conflicts(const struct job_publish *p)
{
	const struct job_publish_item *it;
	char *safe;
	size_t k;

	for (k = 0; k < p->n; k++) {
		it = &p->items[k];
		if (it->action != JOB_PUBLISH_CONFLICT)
			continue;
		safe = cli_safe(it->summary != NULL ? it->summary : "");
		if (it->unrecorded)
			cli_error("publish: %s%s%s: an item of this name is "
			    "already on the server, and this database has no "
			    "record of publishing it, so it was left as it is; "
			    "'caseload publish --force' takes it over",
			    it->uid, *safe != '\0' ? " " : "", safe);
		else
			cli_error("publish: %s%s%s was changed on the server "
			    "since the last publish, so it was left as it is; "
			    "'caseload publish --force' replaces it", it->uid,
			    *safe != '\0' ? " " : "", safe);
		free(safe);
	}
}

int
cmd_publish(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "force", no_argument, NULL, 'f' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "days", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct job_publish p;
	struct job_result r;
	struct cli_progress progress;
	char *cause = NULL, *url;
	int c, rc, days = CALENDAR_DAYS, dry_run = 0, force = 0, verbose = 0;
	size_t k, done = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'n':
			dry_run = 1;
			break;
		case 'f':
			force = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'd':
			rc = cli_parse_int("--days", optarg, 1, CALENDAR_DAYS_MAX,
			    &days);
			break;
		default:
			return cli_option_error("publish", c, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (optind != argc)
		return cli_operands_error("publish", "takes no young person");

	cli_progress_begin(cli, &progress, "publishing");
	rc = job_publish(&cli->ses, days, dry_run, force, &p, &r, &cause);
	cli_progress_end(cli, &progress);
	calendar_cleanup();
	if (r.warning != NULL)
		cli_warn("%s", r.warning);
	if (verbose || dry_run)
		publish_list(&p, dry_run);
	if ((verbose || dry_run) && p.unrecorded > 0)
		printf("Left alone: %zu item%s named as caseload's that this "
		    "database has no record of publishing.\n", p.unrecorded,
		    p.unrecorded == 1 ? "" : "s");
	publish_conflicts(&p);
	if (rc != 0) {
		if (r.field == JOB_DATABASE)
			cli_error("%s", cause);
		else
			cli_error("publish: %s", cause);
		free(cause);
		for (k = 0; k < p.n; k++)
			done += p.items[k].done;
		if (done > 0)
			cli_error("publish: what was sent before that is "
			    "recorded; publish again to finish");
		rc = r.refused ? EXIT_USAGE : EXIT_FAILED;
		job_result_free(&r);
		job_publish_free(&p);
		return rc;
	}
	job_result_free(&r);
	url = cli_safe(cli->ses.cfg.caldav_url);
	if (dry_run)
		printf("Would publish to %s: %zu to create, %zu to change, "
		    "%zu to delete, %zu as they are; %zu other item%s left "
		    "alone.\n", url, p.created, p.changed, p.deleted,
		    p.unchanged, p.others, p.others == 1 ? "" : "s");
	else
		printf("Published to %s: %zu created, %zu changed, %zu deleted, "
		    "%zu as they were; %zu other item%s left alone.\n", url,
		    p.created, p.changed, p.deleted, p.unchanged, p.others,
		    p.others == 1 ? "" : "s");
	free(url);
	rc = p.conflicts > 0 ? EXIT_FAILED : EXIT_DONE;
	job_publish_free(&p);
	return rc;
}
