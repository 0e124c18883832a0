/* SPDX-License-Identifier: MIT */
/*
 * cli-person.c: the options of add and edit, and checking a young
 * person's details before they are saved.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli-person.h"
#include "rules.h"
#include "text.h"


static const struct option person_options[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "dob", required_argument, NULL, 'b' },
	{ "preferred", required_argument, NULL, 'p' },
	{ "phone", required_argument, NULL, 't' },
	{ "email", required_argument, NULL, 'e' },
	{ "address", required_argument, NULL, 'a' },
	{ "interval-weeks", required_argument, NULL, 'i' },
	{ "allocated", required_argument, NULL, 'l' },
	{ "last-contact", required_argument, NULL, 'c' },
	{ "last-contact-method", required_argument, NULL, 'm' },
	{ "yes", no_argument, NULL, 'y' },
	{ NULL, 0, NULL, 0 }
};

/*
 * A young person's own contact interval: 1 to 52 weeks, or "" or
 * "default" for the default of the settings (*weeks 0).
 */
static int
cli_person_interval(struct cli *cli, const char *text, int *weeks)
{
	if (text_is_blank(text) || strcmp(text, "default") == 0) {
		*weeks = 0;
		return 0;
	}
	if (strcmp(text, "0") == 0) {
		cli_error("--interval-weeks: 0 is not an interval; give 1 to 52 "
		    "weeks, or --interval-weeks default (or \"\") for the "
		    "default of the settings, every %d weeks",
		    cli->ses.cfg.rules.interval_weeks);
		return EXIT_USAGE;
	}
	return cli_parse_int("--interval-weeks", text, 1, 52, weeks);
}

/* The method of the last contact given with add. */
static int
cli_person_method(const char *text, enum contact_method *out)
{
	int v, rc;

	if ((rc = cli_parse_choice("--last-contact-method", text, "a method",
	    contact_method_choice(), &v)) == 0)
		*out = v;
	return rc;
}

int
cli_person_options(struct cli *cli, const char *command, int argc,
    char **argv, struct person_input *in)
{
	int c, rc;

	memset(in, 0, sizeof *in);
	in->dob = in->allocated = in->last_contact = DATE_NONE;
	in->last_method = METHOD_OTHER;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", person_options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'n':
			in->name = text_squeeze(optarg);
			break;
		case 'b':
			in->dob_text = optarg;
			rc = cli_parse_date(cli, "--dob", optarg, &in->dob);
			break;
		case 'p':
			in->preferred = text_squeeze(optarg);
			break;
		case 't':
			in->phone = optarg;
			break;
		case 'e':
			in->email = optarg;
			break;
		case 'a':
			in->address = optarg;
			break;
		case 'i':
			in->interval_set = 1;
			rc = cli_person_interval(cli, optarg,
			    &in->interval_weeks);
			break;
		case 'l':
			rc = cli_parse_date(cli, "--allocated", optarg,
			    &in->allocated);
			break;
		case 'y':
			in->yes = 1;
			break;
		case 'c':
			rc = cli_parse_date(cli, "--last-contact", optarg,
			    &in->last_contact);
			break;
		case 'm':
			in->last_method_set = 1;
			rc = cli_person_method(optarg, &in->last_method);
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

void
cli_person_apply(const struct person_input *in, struct person *p)
{
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
}

/* The option that gives a detail a job refused. */
static const char *
cli_person_option(enum job_field field)
{
	switch (field) {
	case JOB_PREFERRED:
		return "--preferred";
	case JOB_DOB:
	case JOB_CONFIRM:
		return "--dob";
	case JOB_PHONE:
		return "--phone";
	case JOB_EMAIL:
		return "--email";
	case JOB_ADDRESS:
		return "--address";
	case JOB_ALLOCATED:
		return "--allocated";
	case JOB_INTERVAL:
		return "--interval-weeks";
	case JOB_LAST_CONTACT:
		return "--last-contact";
	default:
		return "--name";
	}
}

int
cli_person_error(const char *command, const struct job_result *r,
    char **cause)
{
	const struct person *who = r->row.person;
	long n = r->made;

	if (!r->refused || r->field == JOB_WHO)
		return cli_job_error(command, r, cause);
	if (r->field == JOB_CONFIRM) {
		cli_error("%s: %s; nothing was saved: if the date of birth is "
		    "right, give the same command again with --yes", command,
		    *cause);
		free(*cause);
		*cause = NULL;
		return EXIT_USAGE;
	}
	if (r->field != JOB_DUPLICATE)
		return cli_job_error(cli_person_option(r->field), r, cause);
	free(*cause);
	*cause = NULL;
	if (who != NULL && who->facts.status == STATUS_UP) {
		cli_error("%s: someone with that name and date of birth is "
		    "already number %ld, stepped up; see 'caseload show %ld'",
		    command, n, n);
	} else {
		cli_error("%s: someone with that name and date of birth is "
		    "already number %ld; see 'caseload show %ld' (step them up "
		    "again with 'caseload step-up %ld')", command, n, n, n);
	}
	return EXIT_USAGE;
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
