/*
 * cmd-add.c: caseload add: add a young person to the caseload.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli-person.h"
#include "rules.h"

int
cmd_add(struct cli *cli, int argc, char **argv)
{
	struct person_input in;
	struct person p;
	struct rules_due due;
	struct store *st;
	char *cause = NULL, *safe;
	long found;
	int rc;

	if ((rc = cli_person_options(cli, "add", argc, argv, &in)) != 0)
		return rc;
	if (in.noperands > 0)
		return cli_operands_error("add", "give the name with --name "
		    "(in quotes if it has spaces)");
	if (in.name == NULL || in.dob == DATE_NONE) {
		cli_error("add: give at least --name and --dob, as in: caseload "
		    "add --name \"Aisha Khan\" --dob 14/03/2008");
		return EXIT_USAGE;
	}

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.facts.allocated_on = cli->ses.today;
	if ((rc = cli_person_apply(cli, &in, &p, DATE_NONE)) != 0)
		return rc;

	if ((rc = cli_store(cli, &st)) != 0)
		return rc;
	if (store_person_duplicate(st, &p, &found, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (found != 0) {
		cli_error("add: someone with that name and date of birth is "
		    "already number %ld; see 'caseload show %ld' (step them up "
		    "again with 'caseload step-up %ld')", found, found, found);
		return EXIT_USAGE;
	}
	if (store_person_add(st, &p, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}

	due = rules_contact_due(&p.facts, &cli->ses.cfg.rules, cli->ses.today);
	safe = cli_safe(p.name);
	printf("Added %ld %s (%s), first contact due %s.\n", p.id, safe,
	    rules_stage_label(rules_stage(p.facts.dob, cli->ses.today)),
	    cli_date(cli, due.due));
	free(safe);
	cli_person_warn_age(cli, &p);
	return EXIT_DONE;
}
