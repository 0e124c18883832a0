/* SPDX-License-Identifier: MIT */
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
	int		 interval_weeks;	/* 0: back to the default */
	date_t		 last_contact;		/* add --last-contact */
	int		 last_method_set;
	enum contact_method last_method;	/* --last-contact-method */
	int		 yes;		/* --yes: an age outside the service */
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
 * Apply the given details to p, the details as they were (the job
 * checks them).  p's strings then point into in's.
 */
void cli_person_apply(const struct person_input *in, struct person *p);

/*
 * Say why job_person_add or job_person_edit did not save, for command
 * (add or edit): the option given that was wrong, who is on the
 * caseload already and what to do, or an age outside the service and
 * that --yes saves it anyway.  The exit status; *cause is freed.
 */
int cli_person_error(const char *command, const struct job_result *r,
    char **cause);

/* Warn on standard error when p is under 16 or 25 and over. */
void cli_person_warn_age(struct cli *cli, const struct person *p);

#endif
