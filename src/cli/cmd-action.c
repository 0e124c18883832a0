/* SPDX-License-Identifier: MIT */
/*
 * cmd-action.c: caseload action: add what was agreed with a young person
 * (an agreed action: what, who does it, by when), mark one done or drop
 * one.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "xmalloc.h"

/* What the worker asked action to do. */
struct action_args {
	const char	*text;		/* --text */
	const char	*who;		/* --who */
	int		 due_set;
	date_t		 due;		/* --due */
	int		 date_set;
	date_t		 on;		/* --date */
	int		 done;		/* --done N */
	int		 drop;		/* --drop N */
	const char	*reason;	/* --reason */
};

static int
action_options(struct cli *cli, int argc, char **argv, struct action_args *a)
{
	static const struct option options[] = {
		{ "text", required_argument, NULL, 't' },
		{ "who", required_argument, NULL, 'w' },
		{ "due", required_argument, NULL, 'u' },
		{ "date", required_argument, NULL, 'd' },
		{ "done", required_argument, NULL, 'D' },
		{ "drop", required_argument, NULL, 'X' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 't':
			/* The check never echoes the text. */
			rc = cli_check_text("--text", optarg, 0,
			    ACTION_TEXT_MAX);
			a->text = optarg;
			break;
		case 'w':
			rc = cli_check_text("--who", optarg, 0, ACTION_WHO_MAX);
			a->who = optarg;
			break;
		case 'u':
			rc = cli_parse_date(cli, "--due", optarg, &a->due);
			a->due_set = 1;
			break;
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &a->on);
			a->date_set = 1;
			break;
		case 'D':
			rc = cli_parse_row("--done", optarg, 'A', 1,
			    "an agreed action", 999999, &a->done);
			break;
		case 'X':
			rc = cli_parse_row("--drop", optarg, 'A', 1,
			    "an agreed action", 999999, &a->drop);
			break;
		case 'r':
			rc = cli_parse_reason(optarg, &a->reason);
			break;
		default:
			return cli_option_error("action", opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error("action", "give one young person: "
		    "their number or part of their name");
	if ((a->text != NULL) + (a->done != 0) + (a->drop != 0) != 1)
		return cli_operands_error("action", "say what to do: --text TEXT "
		    "--due DATE to add an agreed action, --done AN to mark one "
		    "done, or --drop AN to drop one");
	if (a->text != NULL && !a->due_set)
		return cli_operands_error("action", "an agreed action needs the "
		    "date it is due: --due DATE");
	if (a->text == NULL && (a->due_set || a->who != NULL))
		return cli_operands_error("action", "--due and --who are for a "
		    "new action (--text TEXT)");
	if (a->drop == 0 && a->reason != NULL)
		return cli_operands_error("action", "--reason is for --drop AN");
	return 0;
}

/* The option a refused job was about. */
static const char *
action_field(const struct action_args *a, enum job_field field)
{
	switch (field) {
	case JOB_ACTION:
		return "--text";
	case JOB_DOER:
		return "--who";
	case JOB_DUE:
		return "--due";
	case JOB_DATE:
		return "--date";
	case JOB_REASON:
		return "--reason";
	default:
		return a->done != 0 ? "--done" : a->drop != 0 ? "--drop" :
		    "action";
	}
}

int
cmd_action(struct cli *cli, int argc, char **argv)
{
	struct action_args a;
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	struct action new;
	char *cause = NULL, *safe, *who;
	int rc;

	memset(&a, 0, sizeof a);
	a.on = cli->ses.today;
	if ((rc = action_options(cli, argc, argv, &a)) != 0)
		return rc;
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	if (a.text != NULL) {
		memset(&new, 0, sizeof new);
		new.person_id = p->id;
		new.text = a.text;
		new.who = a.who;
		new.agreed_on = a.on;
		new.due_on = a.due;
		rc = job_action_add(&cli->ses, &new, &r, &cause);
	} else
		rc = job_action_close(&cli->ses, p->id,
		    a.done != 0 ? a.done : a.drop,
		    a.done != 0 ? ACTION_DONE : ACTION_DROPPED, a.on, a.reason,
		    &r, &cause);
	if (rc != 0) {
		rc = cli_job_error(action_field(&a, r.field), &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	safe = cli_marked_name(cli, p);
	who = cli_safe(action_who_words(r.action->who));
	if (a.text != NULL)
		printf("Agreed action A%ld with %s on %s: %s, due %s.\n",
		    r.made, safe, cli_date(cli, r.action->agreed_on), who,
		    cli_date(cli, r.action->due_on));
	else
		printf("Marked action A%ld of %s %s on %s; it stays in their "
		    "record.\n", r.made, safe, a.done != 0 ? "done" :
		    "dropped", cli_date(cli, a.on));
	free(who);
	free(safe);
	if (r.warning != NULL) {
		safe = cli_safe(r.warning);
		cli_warn("%s", safe);
		free(safe);
	}
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}
