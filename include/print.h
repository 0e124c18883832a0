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
#include "views.h"

#define PRINT_WIDTH		80	/* columns on a line */
#define PRINT_PAGE_LINES	60	/* lines on a page, headings included */

/* What the lists print: names, or initials only. */
struct print_options {
	int	within;		/* as given to the list; -1 for everyone */
	int	redact;		/* 1: initials instead of names */
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
 * Run command with /bin/sh -c, its standard input the text, its output
 * and errors those of caseload, and wait for it.  Fails, saying why,
 * when it cannot be started, stops reading early, exits with a status
 * other than 0 (*exit_status set to it, else -1) or is killed.
 */
int print_run(const char *command, const char *text, int *exit_status,
    char **cause);

#endif
