/*
 * tui.h: the full-screen interface (ncurses).
 */
#ifndef CASELOAD_TUI_H
#define CASELOAD_TUI_H

#include "cli.h"

/*
 * Run the full-screen interface over cli's settings and database until
 * the worker quits.  Restores the terminal on every way out.  Returns an
 * exit status.
 */
int tui_run(struct cli *cli);

#endif
