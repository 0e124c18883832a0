/* SPDX-License-Identifier: MIT */
/*
 * cmd-edit.c: caseload edit: change a young person's details.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli-person.h"

int
cmd_edit(struct cli *cli, int argc, char **argv)
{
	struct person_input in;
	struct person *p = NULL, work;
	struct job_result r;
	struct store *st;
	char *cause = NULL, *safe;
	int rc;

	if ((rc = cli_person_options(cli, "edit", argc, argv, &in)) != 0)
		return rc;
	if (in.last_contact != DATE_NONE || in.last_method_set) {
		cli_error("edit: --last-contact is for add; log a contact with "
		    "'caseload contact REF --date DATE'");
		return EXIT_USAGE;
	}
	if (in.noperands != 1)
		return cli_operands_error("edit", "give one young person: their "
		    "number or part of their name");
	if (in.name == NULL && in.preferred == NULL && in.phone == NULL &&
	    in.email == NULL && in.address == NULL && in.dob == DATE_NONE &&
	    in.allocated == DATE_NONE && !in.interval_set) {
		cli_error("edit: nothing to change; give one or more of --name, "
		    "--dob, --preferred, --phone, --email, --address, "
		    "--interval-weeks, --allocated");
		return cli_usage("edit");
	}
	if ((rc = cli_resolve(cli, in.operands[0], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0)
		goto out;
	work = *p;
	cli_person_apply(&in, &work);
	/* A new date of birth outside the service's ages needs --yes. */
	if (job_person_edit(&cli->ses, p->id, &work, in.yes, &r, &cause) != 0) {
		rc = cli_person_error("edit", &r, &cause);
		job_result_free(&r);
		goto out;
	}
	job_result_free(&r);
	safe = cli_marked_name(cli, &work);
	printf("Saved %ld %s.\n", work.id, safe);
	free(safe);
	rc = EXIT_DONE;
out:
	free(p);
	return rc;
}
