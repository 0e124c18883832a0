/*
 * tui-print.c: print the list on screen (p): the same pages as 'caseload
 * due --print' and 'letters --print' (print.h), sent to [letters]
 * print_command after a question that offers initials instead of names.
 * The command runs with the screen kept and its output caught
 * (print_run_screen); only one that needs the terminal gets it, with
 * curses suspended meanwhile.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "print.h"
#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

/* The pages, made when asked, with names [0] and initials [1]. */
struct print_job {
	char	*text[2];
	int	 pages[2];
	size_t	 people;
};

static void
print_job_free(void *arg)
{
	struct print_job *job = arg;

	if (job == NULL)
		return;
	free(job->text[0]);
	free(job->text[1]);
	free(job);
}

static void
print_suspend(void *arg)
{
	tui_suspend(arg);
}

static void
print_resume(void *arg)
{
	tui_resume(arg);
}

static int
print_interrupted(void *arg)
{
	(void)arg;
	return tui_interrupted();
}

static int
print_answer(struct tui *t, enum tui_action answer, void *arg)
{
	struct print_job *job = arg;
	struct print_terminal term;
	const char *command = t->ses->cfg.print_command;
	char *cause = NULL, *said;
	int k = answer == TUI_INITIALS, status;

	term.fd = STDIN_FILENO;
	term.suspend = print_suspend;
	term.resume = print_resume;
	term.interrupted = print_interrupted;
	term.arg = t;
	if (print_run_screen(command, job->text[k], &term, &status,
	    &cause) != 0) {
		/* The exit status first, where a long command cannot hide it. */
		if (status > 0) {
			free(cause);
			cause = xasprintf("the print command failed with exit "
			    "status %d%s", status, status == 127 ?
			    " (not found?)" : "");
		}
		tui_error(t, "Not printed: %s%s%s%s; nothing has changed: check "
		    "[letters] print_command in your settings.", cause,
		    term.last[0] != '\0' ? " (" : "", term.last,
		    term.last[0] != '\0' ? ")" : "");
		free(cause);
		return TUI_DRAW;
	}
	said = print_summary(job->pages[k], job->people, command);
	tui_message(t, "%s%s%s", said, term.last[0] != '\0' ? " It said: " :
	    "", term.last);
	free(said);
	return TUI_DRAW;
}

/* Ask before printing what the pages hold; job is the question's. */
static void
print_ask(struct tui *t, struct print_job *job, const char *what)
{
	char *question, *command;

	if (text_is_blank(t->ses->cfg.print_command)) {
		tui_error(t, "[letters] print_command is empty; set it in your "
		    "settings (for example: print_command = lpr).");
		print_job_free(job);
		return;
	}
	command = text_escape(t->ses->cfg.print_command, 0);
	question = xasprintf("Print %s: %zu young %s, %d page%s, to '%s'?",
	    what, job->people, job->people == 1 ? "person" : "people",
	    job->pages[0], job->pages[0] == 1 ? "" : "s", command);
	tui_ask(t, "Print", question, "y: yes   i: initials only, no names   "
	    "n or Esc: no", 1, print_answer, job, print_job_free);
	free(question);
	free(command);
}

/* Gather the rows to print (names only), one at a time from the index. */
static int
print_keep_row(const struct due_row *row, void *arg)
{
	due_list_append(arg, row);
	return 0;
}

void
tui_print_due(struct tui *t, enum views_filter filter, const char *search,
    const char *subset)
{
	struct print_options opt = { -1, 0, subset };
	struct print_job *job;
	struct due_list shown;
	char *what, *cause = NULL;

	/* The rows picked, only while the pages are made. */
	memset(&shown, 0, sizeof shown);
	shown.counts = t->counts;
	if (views_window_each(t->st, t->rules, t->today, filter, search,
	    print_keep_row, &shown, &cause) != 0) {
		tui_error(t, "Not printed: %s", cause);
		free(cause);
		due_list_free(&shown);
		return;
	}
	job = xcalloc(1, sizeof *job);
	job->text[0] = print_due(&shown, &t->ses->cfg, t->today, &opt,
	    &job->pages[0]);
	opt.redact = 1;
	job->text[1] = print_due(&shown, &t->ses->cfg, t->today, &opt,
	    &job->pages[1]);
	job->people = shown.n;
	due_list_free(&shown);
	what = subset != NULL ? xasprintf("the contacts due (%s)", subset) :
	    xstrdup("the contacts due");
	print_ask(t, job, what);
	free(what);
}

void
tui_print_letters(struct tui *t, const struct letter_list *list)
{
	struct print_options opt = { -1, 0, NULL };
	struct print_job *job = xcalloc(1, sizeof *job);

	job->text[0] = print_letters(list, &t->ses->cfg, t->today, &opt,
	    &job->pages[0]);
	opt.redact = 1;
	job->text[1] = print_letters(list, &t->ses->cfg, t->today, &opt,
	    &job->pages[1]);
	job->people = list->n;
	print_ask(t, job, "the annual letters");
}
