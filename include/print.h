/* SPDX-License-Identifier: MIT */
/*
 * print.h: lists on paper: paginated plain text, and the print command.
 *
 * A printed list has on every page a title, the worker's name, the date
 * it was printed and "Page N of M", then the column headings; its lines
 * fit 80 columns, long names are cut cleanly, and pages are separated by
 * form feeds.  It goes to [letters] print_command, run by /bin/sh with
 * the text on its standard input.
 */
#ifndef CASELOAD_PRINT_H
#define CASELOAD_PRINT_H

#include <stddef.h>

#include "conf.h"
#include "date.h"
#include "rows.h"

#define PRINT_WIDTH		80	/* columns on a line */
#define PRINT_PAGE_LINES	60	/* lines on a page, headings included */

/* What the lists print: names, or initials only. */
struct print_options {
	int		 within;	/* as given to the list; -1 for everyone */
	int		 redact;	/* 1: initials instead of names */
	const char	*subset;	/* which rows, for the title; or NULL */
	int		 ascii;		/* 1: a flagged young person's marker
					 * is F, not the flag (flag_marker);
					 * only the marker is ever printed */
};

/*
 * The due list (views_due) as pages of text for paper, with the worker
 * and the date format of cfg, printed on today.  *pages is set to the
 * number of pages.  The caller frees the text.
 */
char *print_due(const struct due_list *list, const struct config *cfg,
    date_t today, const struct print_options *opt, int *pages);

/* The same for the letters list (views_letters). */
char *print_letters(const struct letter_list *list, const struct config *cfg,
    date_t today, const struct print_options *opt, int *pages);

/*
 * Lines of text (a young person's page, as show writes it, with no
 * escapes) as pages for paper: on each a title, the worker, the date
 * printed and "Page N of M"; lines longer than the page are wrapped.
 * *pages is set; the caller frees the text.
 */
char *print_page(const char *title, const char *body,
    const struct config *cfg, date_t today, int *pages);

/*
 * Run command with /bin/sh -c, its standard input the text, its output
 * and errors those of caseload, and wait for it.  Fails, saying why,
 * when it cannot be started, stops reading early, exits with a status
 * other than 0 (*exit_status set to it, else -1) or is killed.
 */
int print_run(const char *command, const char *text, int *exit_status,
    char **cause);

/* How print_run_screen shares the terminal with a full-screen interface. */
struct print_terminal {
	int	 fd;			/* the terminal */
	/* Leave the screen: the command needs the terminal. */
	void	(*suspend)(void *arg);
	/* The command is done with the terminal: the screen again. */
	void	(*resume)(void *arg);
	/* 1 when the worker asked to stop (a signal); or NULL. */
	int	(*interrupted)(void *arg);
	void	 *arg;
	int	 used;			/* set: 1 if the command needed it */
	char	 last[256];		/* set: the last line it wrote */
};

/*
 * print_run for a full-screen interface: the command runs in its own
 * process group, its output and errors kept (the last line in
 * term->last) instead of written over the screen, so the screen stays.
 * Only if it needs the terminal (it reads from it, writes to it or
 * changes its modes, and so is stopped by the system) is the terminal
 * handed over: term->suspend is called, the command finishes in the
 * foreground with what it wrote shown, then term->resume is called.
 * When term->interrupted says so, the command is sent SIGTERM.  Returns
 * as print_run does.
 */
int print_run_screen(const char *command, const char *text,
    struct print_terminal *term, int *exit_status, char **cause);

/*
 * "Sent 2 pages (40 young people) to 'lpr'.", the command escaped for a
 * terminal; the caller frees it.
 */
char *print_summary(int pages, size_t people, const char *command);

#endif
