/* SPDX-License-Identifier: MIT */
/*
 * tui.h: the full-screen interface (ncurses).
 */
#ifndef CASELOAD_TUI_H
#define CASELOAD_TUI_H

#include "session.h"

/*
 * Run the full-screen interface over the session's settings and database
 * until the worker quits.  Restores the terminal on every way out.
 * Returns an exit status.
 */
int tui_run(struct session *ses);

#endif
