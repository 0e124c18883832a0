/* SPDX-License-Identifier: MIT */
/*
 * tui-print.c: print the list on screen (p): the same pages as 'caseload
 * due --print' and 'letters --print', sent to [letters] print_command by
 * the same job (job_print) after a question that offers initials instead
 * of names.
 * The command runs with the screen kept and its output caught
 * (print_run_screen); only one that needs the terminal gets it, with
 * curses suspended meanwhile.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "job.h"
#include "print.h"
#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

/* The pages, made when asked, with names [0] and initials [1]. */
struct print_job {
	struct job_print	 p[2];
};

static void
print_job_free(void *arg)
{
	struct print_job *job = arg;

	if (job == NULL)
		return;
	job_print_free(&job->p[0]);
	job_print_free(&job->p[1]);
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
	struct job_result r;
	struct job_print *p;
	char *cause = NULL;
	int k = answer == TUI_INITIALS;

	term.fd = STDIN_FILENO;
	term.suspend = print_suspend;
	term.resume = print_resume;
	term.interrupted = print_interrupted;
	term.arg = t;
	term.last[0] = '\0';
	p = &job->p[k];
	if (job_print(t->ses, p, &term, &r, &cause) != 0) {
		/* The exit status first, where a long command cannot hide it. */
		if (p->status > 0) {
			free(cause);
			cause = xasprintf("the print command failed with exit "
			    "status %d%s", p->status, p->status == 127 ?
			    " (not found?)" : "");
		}
		if (r.refused)
			tui_error(t, "Not printed: %s.", cause);
		else
			tui_error(t, "Not printed: %s%s%s%s; nothing has "
			    "changed: check [letters] print_command in your "
			    "settings.", cause, term.last[0] != '\0' ? " (" :
			    "", term.last, term.last[0] != '\0' ? ")" : "");
		free(cause);
		job_result_free(&r);
		return TUI_DRAW;
	}
	job_result_free(&r);
	tui_message(t, "%s%s%s", p->summary, term.last[0] != '\0' ?
	    " It said: " : "", term.last);
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
	    what, job->p[0].people, job->p[0].people == 1 ? "person" :
	    "people", job->p[0].pages, job->p[0].pages == 1 ? "" : "s",
	    command);
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
	struct print_options opt = { -1, 0, subset, 0 };
	struct print_job *job;
	struct due_list shown;
	char *what, *cause = NULL;

	/* The rows picked, only while the pages are made. */
	memset(&shown, 0, sizeof shown);
	shown.counts = t->counts;
	if (views_window_each(t->ses->st, &t->ses->cfg.rules, t->ses->today,
	    filter, search, print_keep_row, &shown, &cause) != 0) {
		tui_error(t, "Not printed: %s", cause);
		free(cause);
		due_list_free(&shown);
		return;
	}
	job = xcalloc(1, sizeof *job);
	opt.ascii = !t->ses->utf8;
	job_print_pages(t->ses, &shown, NULL, &opt, &job->p[0]);
	opt.redact = 1;
	job_print_pages(t->ses, &shown, NULL, &opt, &job->p[1]);
	due_list_free(&shown);
	what = subset != NULL ? xasprintf("the contacts due (%s)", subset) :
	    xstrdup("the contacts due");
	print_ask(t, job, what);
	free(what);
}

void
tui_print_letters(struct tui *t, const struct letter_list *list)
{
	struct print_options opt = { -1, 0, NULL, 0 };
	struct print_job *job = xcalloc(1, sizeof *job);

	opt.ascii = !t->ses->utf8;
	job_print_pages(t->ses, NULL, list, &opt, &job->p[0]);
	opt.redact = 1;
	job_print_pages(t->ses, NULL, list, &opt, &job->p[1]);
	print_ask(t, job, "the annual letters");
}
