/* SPDX-License-Identifier: MIT */
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
	struct contact last;
	struct person p;
	struct job_result r;
	struct store *st;
	char *cause = NULL, *safe;
	int rc;

	if ((rc = cli_person_options(cli, "add", argc, argv, &in)) != 0)
		return rc;
	if (in.noperands > 0)
		return cli_operands_error("add", "give the name with --name "
		    "(in quotes if it has spaces)");
	if (in.last_method_set && in.last_contact == DATE_NONE) {
		cli_error("add: --last-contact-method goes with --last-contact "
		    "DATE, the day of your last contact with them");
		return EXIT_USAGE;
	}
	if (in.name == NULL || in.dob == DATE_NONE) {
		cli_error("add: give at least --name and --dob, as in: caseload "
		    "add --name \"Aisha Khan\" --dob 14/03/2008");
		return EXIT_USAGE;
	}

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.facts.allocated_on = DATE_NONE;	/* the job's default, unless given */
	cli_person_apply(&in, &p);
	memset(&last, 0, sizeof last);
	last.on = in.last_contact;
	last.method = in.last_method;
	last.by = BY_WORKER;
	last.struck_on = DATE_NONE;

	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	/* Under 16 or 25 and over: only with --yes, then with a warning. */
	if (job_person_add(&cli->ses, &p, in.last_contact != DATE_NONE ?
	    &last : NULL, in.yes, &r, &cause) != 0) {
		rc = cli_person_error("add", &r, &cause);
		job_result_free(&r);
		return rc;
	}

	safe = cli_safe(p.name);
	if (in.last_contact != DATE_NONE)
		printf("Added %ld %s (%s), last contact %s, next contact due "
		    "%s.\n", p.id, safe, rules_stage_label(r.row.stage),
		    cli_date(cli, in.last_contact),
		    cli_date(cli, r.row.contact.due));
	else
		printf("Added %ld %s (%s), first contact due %s.\n", p.id,
		    safe, rules_stage_label(r.row.stage),
		    cli_date(cli, r.row.contact.due));
	free(safe);
	job_result_free(&r);
	cli_person_warn_age(cli, &p);
	return EXIT_DONE;
}
