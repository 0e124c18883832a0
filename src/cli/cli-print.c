/* SPDX-License-Identifier: MIT */
/*
 * cli-print.c: what the commands that print (--print) share: checking
 * their options and sending the pages to the print command.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "print.h"
#include "text.h"

int
cli_print_check(struct cli *cli, const char *command, int print, int redact,
    int format_set)
{
	if (redact && !print) {
		cli_error("%s: --redact goes with --print: it prints initials "
		    "instead of names", command);
		return cli_usage(command);
	}
	if (print && format_set) {
		cli_error("%s: --print prints a list of pages; leave out "
		    "--format", command);
		return cli_usage(command);
	}
	if (print && text_is_blank(cli->ses.cfg.print_command)) {
		cli_error("%s: [letters] print_command is empty; set it in your "
		    "settings (for example: print_command = lpr)", command);
		return EXIT_USAGE;
	}
	return 0;
}

int
cli_list_options(struct cli *cli, const char *command, int argc, char **argv,
    struct cli_list_options *out)
{
	static const struct option options[] = {
		{ "within", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "print", no_argument, NULL, 'p' },
		{ "redact", no_argument, NULL, 'r' },
		{ "bom", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc, format_set = 0;

	out->within = -1;
	out->format = FORMAT_TEXT;
	out->print = out->redact = out->bom = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'w':
			rc = cli_parse_int("--within", optarg, 0, 3660,
			    &out->within);
			break;
		case 'f':
			rc = cli_parse_format(optarg, &out->format);
			format_set = 1;
			break;
		case 'p':
			out->print = 1;
			break;
		case 'r':
			out->redact = 1;
			break;
		case 'b':
			out->bom = 1;
			break;
		default:
			return cli_option_error(command, c, argv);
		}
		if (rc != 0)
			return rc;
	}
	if ((rc = cli_check_bom(command, out->bom, out->format)) != 0)
		return rc;
	return cli_print_check(cli, command, out->print, out->redact,
	    format_set);
}

int
cli_print(struct cli *cli, const struct due_list *due,
    const struct letter_list *letters, const struct print_options *opt)
{
	struct job_print p;
	struct job_result r;
	char *cause = NULL;
	int rc = EXIT_DONE;

	job_print_pages(&cli->ses, due, letters, opt, &p);
	if (job_print(&cli->ses, &p, NULL, &r, &cause) != 0) {
		if (r.refused)
			cli_error("%s", cause);
		else
			cli_error("%s; nothing has changed: check [letters] "
			    "print_command in your settings and print again",
			    cause);
		rc = r.refused ? EXIT_USAGE : EXIT_FAILED;
	} else
		fprintf(stderr, "%s\n", p.summary);
	free(cause);
	job_result_free(&r);
	job_print_free(&p);
	return rc;
}
