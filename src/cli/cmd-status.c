/* SPDX-License-Identifier: MIT */
/*
 * cmd-status.c: caseload step-down, step-up and archive: changes of
 * status, each kept as a row of history with its date and reason.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rules.h"


static int
status_change(struct cli *cli, const char *command, enum status to,
    int argc, char **argv)
{
	static const struct option with_date[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	static const struct option reason_only[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *reason = NULL;
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	date_t on = cli->ses.today;
	char *cause = NULL, *safe;
	int opt, rc;

	memset(&r, 0, sizeof r);
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":",
	    to == STATUS_ARCHIVED ? reason_only : with_date, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &on);
			break;
		case 'r':
			rc = cli_parse_reason(optarg, &reason);
			break;
		default:
			return cli_option_error(command, opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error(command, "give one young person: "
		    "their number or part of their name");
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	safe = cli_marked_name(cli, p);
	if ((rc = cli_open(cli, &st)) != 0)
		goto out;
	if (job_status(&cli->ses, p->id, to, on, reason, &r, &cause) != 0) {
		rc = cli_job_error(r.field == JOB_STATUS ? command :
		    r.field == JOB_REASON ? "--reason" : "--date", &r, &cause);
		goto out;
	}
	switch (to) {
	case STATUS_DOWN:
		/* Overdue, or no reason: said on standard error. */
		if (r.warning != NULL)
			cli_warn("%s", r.warning);
		printf("Stepped down %ld %s on %s.\n", p->id, safe,
		    cli_date(cli, on));
		if (r.row.letter.state == DUE_NONE)
			printf("No annual letter: they turn 25 first.\n");
		else
			printf("First annual letter due %s.\n",
			    cli_date(cli, r.row.letter.due));
		break;
	case STATUS_UP:
		printf("Stepped up %ld %s on %s.\n", p->id, safe,
		    cli_date(cli, on));
		printf("Next contact %s %s.\n", r.row.contact.state ==
		    DUE_OVERDUE ? "was due" : "due",
		    cli_date(cli, r.row.contact.due));
		if (r.row.review.state != DUE_NONE)
			printf("Pathway plan review %s %s.\n",
			    r.row.review.state == DUE_OVERDUE ? "was due" :
			    "due", cli_date(cli, r.row.review.due));
		break;
	case STATUS_ARCHIVED:
		printf("Archived %ld %s on %s; their record is kept and "
		    "'caseload step-up %ld' brings them back.\n", p->id, safe,
		    cli_date(cli, on), p->id);
		break;
	}
	rc = EXIT_DONE;
out:
	job_result_free(&r);
	free(safe);
	free(p);
	return rc;
}

int
cmd_step_down(struct cli *cli, int argc, char **argv)
{
	return status_change(cli, "step-down", STATUS_DOWN, argc, argv);
}

int
cmd_step_up(struct cli *cli, int argc, char **argv)
{
	return status_change(cli, "step-up", STATUS_UP, argc, argv);
}

int
cmd_archive(struct cli *cli, int argc, char **argv)
{
	return status_change(cli, "archive", STATUS_ARCHIVED, argc, argv);
}
