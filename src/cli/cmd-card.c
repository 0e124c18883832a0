/* SPDX-License-Identifier: MIT */
/*
 * cmd-card.c: caseload card: the worker's intro card for young people,
 * from the [worker] settings.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "card.h"
#include "cli.h"
#include "text.h"

int
cmd_card(struct cli *cli, int argc, char **argv)
{
	char *card;
	int rc;

	if ((rc = cli_no_options("card", argc, argv)) != 0)
		return rc;
	if (optind != argc)
		return cli_operands_error("card", "takes no young person");
	if (text_is_blank(cli->ses.cfg.worker_name)) {
		cli_error("card: [worker] name is not set; put your name, title, "
		    "phone, email and office in your settings (see "
		    "caseload.ini(5))");
		return EXIT_USAGE;
	}
	if (text_is_blank(cli->ses.cfg.worker_phone) &&
	    text_is_blank(cli->ses.cfg.worker_email) &&
	    text_is_blank(cli->ses.cfg.worker_office))
		cli_warn("the card says nothing about how to reach you: set "
		    "[worker] phone, email or office in your settings");
	card = card_render(&cli->ses.cfg);
	fputs(card, stdout);
	free(card);
	return EXIT_DONE;
}
