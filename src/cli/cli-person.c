/*
 * cli-person.c: the options of add and edit, and checking a young
 * person's details before they are saved.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli-person.h"
#include "rules.h"
#include "text.h"
#include "xmalloc.h"


static const struct option person_options[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "dob", required_argument, NULL, 'b' },
	{ "preferred", required_argument, NULL, 'p' },
	{ "phone", required_argument, NULL, 't' },
	{ "email", required_argument, NULL, 'e' },
	{ "address", required_argument, NULL, 'a' },
	{ "interval-weeks", required_argument, NULL, 'i' },
	{ "allocated", required_argument, NULL, 'l' },
	{ NULL, 0, NULL, 0 }
};

int
cli_person_options(struct cli *cli, const char *command, int argc,
    char **argv, struct person_input *in)
{
	char *cause = NULL;
	int c, rc;

	memset(in, 0, sizeof *in);
	in->dob = in->allocated = DATE_NONE;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", person_options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'n':
			in->name = text_squeeze(optarg);
			rc = cli_check("--name", check_name(optarg, &cause),
			    &cause);
			break;
		case 'b':
			in->dob_text = optarg;
			rc = cli_parse_date(cli, "--dob", optarg, &in->dob);
			break;
		case 'p':
			in->preferred = text_squeeze(optarg);
			rc = cli_check_text("--preferred", optarg, 0,
			    CHECK_NAME_MAX);
			break;
		case 't':
			in->phone = optarg;
			rc = cli_check_text("--phone", optarg, 0,
			    CHECK_PHONE_MAX);
			break;
		case 'e':
			in->email = optarg;
			rc = cli_check("--email", check_email(optarg, &cause),
			    &cause);
			break;
		case 'a':
			in->address = optarg;
			rc = cli_check_text("--address", optarg, 1,
			    CHECK_ADDRESS_MAX);
			break;
		case 'i':
			in->interval_set = 1;
			rc = cli_parse_int("--interval-weeks", optarg, 1, 52,
			    &in->interval_weeks);
			break;
		case 'l':
			rc = cli_parse_date(cli, "--allocated", optarg,
			    &in->allocated);
			break;
		default:
			return cli_option_error(command, c, argv);
		}
		if (rc != 0)
			return rc;
	}
	in->operands = argv + optind;
	in->noperands = argc - optind;
	return 0;
}

/* An optional string: "" clears it. */
static const char *
cli_optional(const char *given, const char *old)
{
	if (given == NULL)
		return old;
	if (text_is_blank(given))
		return NULL;
	return given;
}

int
cli_person_apply(struct cli *cli, const struct person_input *in,
    struct person *p, date_t first_contact)
{
	const char *field, *option = "--name";
	char *cause = NULL;

	if (in->name != NULL)
		p->name = in->name;
	p->preferred_name = cli_optional(in->preferred, p->preferred_name);
	p->phone = cli_optional(in->phone, p->phone);
	p->email = cli_optional(in->email, p->email);
	p->address = cli_optional(in->address, p->address);
	if (in->dob != DATE_NONE)
		p->facts.dob = in->dob;
	if (in->allocated != DATE_NONE)
		p->facts.allocated_on = in->allocated;
	if (in->interval_set)
		p->facts.interval_weeks = in->interval_weeks;

	if (check_person(p, cli->ses.today, first_contact, &field, &cause) != 0) {
		if (strcmp(field, "dob") == 0)
			option = "--dob";
		else if (strcmp(field, "allocated") == 0)
			option = "--allocated";
		else if (strcmp(field, "interval") == 0)
			option = "--interval-weeks";
		return cli_check(option, -1, &cause);
	}
	return 0;
}

void
cli_person_warn_age(struct cli *cli, const struct person *p)
{
	enum stage stage = rules_stage(p->facts.dob, cli->ses.today);

	if (stage == STAGE_UNDER_16)
		cli_warn("number %ld is under 16 (born %s), not yet eligible "
		    "for leaving care support; added anyway", p->id,
		    cli_date(cli, p->facts.dob));
	else if (stage == STAGE_25_PLUS)
		cli_warn("number %ld is 25 or over: their leaving care "
		    "entitlement has ended; consider 'caseload archive %ld'",
		    p->id, p->id);
}
