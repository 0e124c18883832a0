/*
 * cmd-status.c: caseload step-down, step-up and archive: changes of
 * status, each kept as a row of history with its date and reason.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
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
	struct person *p = NULL;
	struct rules_due due;
	struct store *st;
	date_t on = cli->ses.today;
	char *cause = NULL, *safe;
	int opt, rc;

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
			rc = cli_check_text("--reason", optarg, 0,
			    CHECK_REASON_MAX);
			reason = *optarg != '\0' ? optarg : NULL;
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
	safe = cli_safe(p->name);
	if ((rc = cli_check(p->facts.status == to ? command : "--date",
	    check_status_change(&p->facts, to, on, cli->ses.today, &cause),
	    &cause)) != 0)
		goto out;
	if ((rc = cli_store(cli, &st)) != 0)
		goto out;
	if (store_status_change(st, p->id, to, on, reason, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		rc = EXIT_FAILED;
		goto out;
	}
	p->facts.status = to;
	p->facts.status_since = on;
	switch (to) {
	case STATUS_DOWN:
		printf("Stepped down %ld %s on %s.\n", p->id, safe,
		    cli_date(cli, on));
		due = rules_letter_due(&p->facts, &cli->ses.cfg.rules, cli->ses.today);
		if (due.state == DUE_NONE)
			printf("No annual letter: they turn 25 first.\n");
		else
			printf("First annual letter due %s.\n",
			    cli_date(cli, due.due));
		break;
	case STATUS_UP:
		printf("Stepped up %ld %s on %s.\n", p->id, safe,
		    cli_date(cli, on));
		due = rules_contact_due(&p->facts, &cli->ses.cfg.rules, cli->ses.today);
		printf("Next contact %s %s.\n", due.state == DUE_OVERDUE ?
		    "was due" : "due", cli_date(cli, due.due));
		break;
	case STATUS_ARCHIVED:
		printf("Archived %ld %s on %s; their record is kept and "
		    "'caseload step-up %ld' brings them back.\n", p->id, safe,
		    cli_date(cli, on), p->id);
		break;
	}
	rc = EXIT_DONE;
out:
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
