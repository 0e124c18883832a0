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
#include "xmalloc.h"

#define NAME_MAX_BYTES		200
#define PHONE_MAX_BYTES		40
#define EMAIL_MAX_BYTES		254
#define ADDRESS_MAX_BYTES	1000

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

/* Check a name: one line, not blank.  0 or EXIT_USAGE. */
static int
cli_check_name(const char *field, const char *name)
{
	if (cli_check_text(field, name, 0, NAME_MAX_BYTES) != 0)
		return EXIT_USAGE;
	if (text_is_blank(name)) {
		cli_error("%s: the name is empty", field);
		return EXIT_USAGE;
	}
	return 0;
}

static int
cli_check_email(const char *email)
{
	const char *at = strchr(email, '@');

	if (cli_check_text("--email", email, 0, EMAIL_MAX_BYTES) != 0)
		return EXIT_USAGE;
	if (*email == '\0')
		return 0;
	if (at == NULL || at == email || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL || strpbrk(email, " \t") != NULL) {
		char *safe = cli_safe(email);
		cli_error("--email: '%s' is not an email address (expected "
		    "name@example.org)", safe);
		free(safe);
		return EXIT_USAGE;
	}
	return 0;
}

int
cli_person_options(struct cli *cli, const char *command, int argc,
    char **argv, struct person_input *in)
{
	int c, rc;

	memset(in, 0, sizeof *in);
	in->dob = in->allocated = DATE_NONE;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", person_options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'n':
			in->name = optarg;
			rc = cli_check_name("--name", optarg);
			break;
		case 'b':
			in->dob_text = optarg;
			rc = cli_parse_date(cli, "--dob", optarg, &in->dob);
			break;
		case 'p':
			in->preferred = optarg;
			rc = cli_check_text("--preferred", optarg, 0,
			    NAME_MAX_BYTES);
			break;
		case 't':
			in->phone = optarg;
			rc = cli_check_text("--phone", optarg, 0,
			    PHONE_MAX_BYTES);
			break;
		case 'e':
			in->email = optarg;
			rc = cli_check_email(optarg);
			break;
		case 'a':
			in->address = optarg;
			rc = cli_check_text("--address", optarg, 1,
			    ADDRESS_MAX_BYTES);
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

	if (p->facts.dob > cli->today) {
		cli_error("--dob: %s is in the future; check the year",
		    cli_date(cli, p->facts.dob));
		return EXIT_USAGE;
	}
	if (p->facts.allocated_on < p->facts.dob) {
		cli_error("--allocated: %s is before their date of birth (%s)",
		    cli_date(cli, p->facts.allocated_on),
		    cli_date(cli, p->facts.dob));
		return EXIT_USAGE;
	}
	if (p->facts.allocated_on > cli->today + 366) {
		cli_error("--allocated: %s is more than a year ahead; check "
		    "the year", cli_date(cli, p->facts.allocated_on));
		return EXIT_USAGE;
	}
	if (first_contact != DATE_NONE && first_contact < p->facts.dob) {
		cli_error("--dob: their contact log starts on %s, before that "
		    "date of birth; check the date",
		    cli_date(cli, first_contact));
		return EXIT_USAGE;
	}
	return 0;
}

void
cli_person_warn_age(struct cli *cli, const struct person *p)
{
	enum stage stage = rules_stage(p->facts.dob, cli->today);

	if (stage == STAGE_UNDER_16)
		cli_warn("number %ld is under 16 (born %s), not yet eligible "
		    "for leaving care support; added anyway", p->id,
		    cli_date(cli, p->facts.dob));
	else if (stage == STAGE_25_PLUS)
		cli_warn("number %ld is 25 or over: their leaving care "
		    "entitlement has ended; consider 'caseload archive %ld'",
		    p->id, p->id);
}
