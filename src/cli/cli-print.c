/*
 * cli-print.c: what the commands that print (--print) share: checking
 * their options and sending the pages to the print command.
 */
#include <config.h>

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
cli_print(struct cli *cli, const char *text, int pages, size_t people)
{
	char *cause = NULL, *said;
	int status;

	if (print_run(cli->ses.cfg.print_command, text, &status, &cause) != 0) {
		cli_error("%s; nothing has changed: check [letters] "
		    "print_command in your settings and print again", cause);
		free(cause);
		return EXIT_FAILED;
	}
	said = print_summary(pages, people, cli->ses.cfg.print_command);
	fprintf(stderr, "%s\n", said);
	free(said);
	return EXIT_DONE;
}
