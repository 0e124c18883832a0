/*
 * cli-person.h: what add and edit share (the command line only).
 */
#ifndef CASELOAD_CLI_PERSON_H
#define CASELOAD_CLI_PERSON_H

#include "cli.h"

/* The details given on the command line; NULL or DATE_NONE if not given. */
struct person_input {
	const char	*name;
	const char	*preferred;
	const char	*phone;
	const char	*email;
	const char	*address;
	const char	*dob_text;
	date_t		 dob;
	date_t		 allocated;
	int		 interval_set;
	int		 interval_weeks;
	char		**operands;	/* what is left: REF for edit */
	int		 noperands;
};

/*
 * Parse the options of add or edit; 0 or an exit status after an error.
 * The name and preferred name are tidied in argv (text_squeeze).
 */
int cli_person_options(struct cli *cli, const char *command, int argc,
    char **argv, struct person_input *in);

/*
 * Apply the given details to p and check the whole: date of birth not in
 * the future, allocation not before birth, no contact before birth
 * (first_contact, DATE_NONE when none).  0 or EXIT_USAGE after an error.
 * p's strings then point into in's.
 */
int cli_person_apply(struct cli *cli, const struct person_input *in,
    struct person *p, date_t first_contact);

/* Warn on standard error when p is under 16 or 25 and over. */
void cli_person_warn_age(struct cli *cli, const struct person *p);

#endif
