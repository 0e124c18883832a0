/*
 * cmd-edit.c: caseload edit: change a young person's details.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli-person.h"

/* Find the earliest contact in someone's log. */
static int
edit_first_contact(const struct contact *c, void *arg)
{
	date_t *first = arg;

	if (*first == DATE_NONE || c->on < *first)
		*first = c->on;
	return 0;
}

int
cmd_edit(struct cli *cli, int argc, char **argv)
{
	struct person_input in;
	struct person *p = NULL, work;
	struct store *st;
	date_t first = DATE_NONE;
	char *cause = NULL, *safe;
	int rc;

	if ((rc = cli_person_options(cli, "edit", argc, argv, &in)) != 0)
		return rc;
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
	if ((rc = cli_store(cli, &st)) != 0)
		goto out;
	if (store_contacts_each(st, p->id, edit_first_contact, &first,
	    &cause) != 0) {
		rc = EXIT_FAILED;
		goto fail;
	}
	work = *p;
	if ((rc = cli_person_apply(cli, &in, &work, first)) != 0)
		goto out;
	if (store_person_update(st, &work, &cause) != 0) {
		rc = EXIT_FAILED;
		goto fail;
	}
	safe = cli_safe(work.name);
	printf("Saved %ld %s.\n", work.id, safe);
	free(safe);
	rc = EXIT_DONE;
	goto out;

fail:
	cli_error("%s", cause);
	free(cause);
out:
	free(p);
	return rc;
}
