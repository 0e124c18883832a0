/* SPDX-License-Identifier: MIT */
/*
 * cmd-review.c: caseload review: record a pathway plan review.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>

#include "check.h"
#include "cli.h"
#include "rules.h"

int
cmd_review(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	date_t on = cli->ses.today;
	char *cause = NULL, *safe;
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		if (opt != 'd')
			return cli_option_error("review", opt, argv);
		if ((rc = cli_parse_date(cli, "--date", optarg, &on)) != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error("review", "give one young person: "
		    "their number or part of their name");
	if (on > cli->ses.today)
		return cli_check("--date", check_event_date(on, DATE_NONE,
		    cli->ses.today, &cause), &cause);
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	if (job_review(&cli->ses, p->id, on, &r, &cause) != 0) {
		rc = cli_job_error("--date", &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	safe = cli_marked_name(cli, p);
	printf("Recorded a pathway plan review for %ld %s on %s.\n", p->id,
	    safe, cli_date(cli, on));
	free(safe);
	if (r.row.review.state != DUE_NONE)
		printf("Next review due %s.\n", cli_date(cli, r.row.review.due));
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}
