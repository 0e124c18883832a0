/*
 * tui.c: the full-screen interface.
 */
#include <config.h>

#include <stdio.h>

#include "tui.h"

int
tui_run(struct cli *cli)
{
	(void)cli;
	cli_error("the full-screen interface is not built yet; try "
	    "'caseload due' or 'caseload --help'");
	return EXIT_USAGE;
}
