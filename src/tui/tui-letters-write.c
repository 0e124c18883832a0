/* SPDX-License-Identifier: MIT */
/*
 * tui-letters-write.c: write the annual letters due from the letters
 * view (w): a dialog asks for the folder, then the same job as 'caseload
 * letters write DIR' (job_letters_write) writes one file a young person,
 * mode 0600, from the letter template, and the status line says how many
 * and where.  A demo caseload offers a folder inside its own throwaway
 * folder, never the worker's home.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "job.h"
#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

#define LETTERS_DIR	"caseload-letters"

/* The folder offered: the last one typed, or one for this caseload. */
static char *
write_default_dir(const struct tui *t)
{
	if (t->letters_dir != NULL)
		return xstrdup(t->letters_dir);
	return tui_offer_path(t, t->ses->demo ? "letters" : LETTERS_DIR);
}

/* Closing the box is all there is to do. */
static int
write_box_closed(struct tui *t, enum tui_action answer, void *arg)
{
	(void)t;
	(void)answer;
	(void)arg;
	return TUI_DRAW;
}

/* Show text in a box over the screen, too long for the status line. */
static void
write_box(struct tui *t, const char *title, const char *text)
{
	tui_ask(t, title, text, "Esc: close", 0, write_box_closed, NULL, NULL);
}

/*
 * Say what was written, on the status line; what the letters lack (the
 * first warning, and how many more) in a box above it.
 */
static void
write_say(struct tui *t, const char *dir, const struct job_letters *l)
{
	char *there, *warn;

	if (l->there > 0)
		there = xasprintf(" %zu %s there already, word for word.",
		    l->there, l->there == 1 ? "was" : "were");
	else
		there = xstrdup("");
	tui_message(t, "Wrote %zu letter%s to %s%s.%s Mark each one sent (m) "
	    "once posted.", l->written, l->written == 1 ? "" : "s", dir,
	    l->made ? " (a new folder)" : "", there);
	free(there);
	if (l->nwarnings == 0)
		return;
	if (l->nwarnings > 1)
		warn = xasprintf("Warning: %s (and %zu more: 'caseload letters "
		    "write' lists them all).", l->warnings[0],
		    l->nwarnings - 1);
	else
		warn = xasprintf("Warning: %s.", l->warnings[0]);
	write_box(t, "Letters written", warn);
	free(warn);
}

/* The folder typed, checked; NULL after an error beside the field. */
static char *
write_folder(struct tui_form *f, const char *typed)
{
	char *cause = NULL, *path;

	if (*typed == '\0') {
		tui_form_error(f, 0, "give a folder, such as " LETTERS_DIR);
		return NULL;
	}
	if (check_text(typed, 0, PATH_MAX, &cause) != 0) {
		tui_form_error(f, 0, cause);
		free(cause);
		return NULL;
	}
	if ((path = tui_path(typed)) == NULL)
		tui_form_error(f, 0, "HOME is not set, so ~ means nothing here: "
		    "give the whole path");
	return path;
}

static int
write_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct job_letters l;
	struct job_result r;
	char *typed, *path, *text, *cause = NULL;
	int rc = -1;

	(void)arg;
	typed = tui_form_value(f, 0);
	if ((path = write_folder(f, typed)) == NULL) {
		free(typed);
		return -1;
	}
	if (job_letters_write(t->ses, path, 0, &l, &r, &cause) != 0) {
		/* In a box: the folder and the file's name can be long. */
		if (l.clash != NULL)
			text = xasprintf("No letters were written: %s in %s is "
			    "not the letter caseload would write now (it was "
			    "changed, or is another letter): choose another "
			    "folder, or move the old letters.", l.clash, typed);
		else if (l.written > 0)
			text = xasprintf("Wrote %zu letter%s to %s, then "
			    "stopped: %s.", l.written, l.written == 1 ? "" :
			    "s", typed, cause);
		else
			text = xasprintf("No letters were written: %s.",
			    cause);
		if (l.written > 0)
			tui_error(t, "Wrote %zu letter%s, then stopped.",
			    l.written, l.written == 1 ? "" : "s");
		else
			tui_error(t, "No letters were written.");
		write_box(t, r.refused ? "Letters refused" :
		    "Letters not written", text);
		free(text);
		free(cause);
	} else {
		free(t->letters_dir);
		t->letters_dir = xstrdup(typed);
		if (l.n == 0)
			tui_message(t, "No annual letters are due today; "
			    "nothing written.");
		else
			write_say(t, typed, &l);
		rc = 0;
	}
	job_letters_free(&l);
	job_result_free(&r);
	free(path);
	free(typed);
	return rc;
}

void
tui_letters_write_dialog(struct tui *t)
{
	static const struct tui_field_spec specs[1] = {
		{ "Folder", FIELD_TEXT, 44, PATH_MAX, NULL, NULL, 0 },
	};
	const char *values[1];
	char *dir;

	dir = write_default_dir(t);
	values[0] = dir;
	tui_form_open(t, "Write the letters due", "The annual letters due "
	    "today or overdue, one file each (mode 0600) from the letter "
	    "template; a folder that is not there is made. Nothing is "
	    "recorded: mark each one sent (m) once posted.", specs, 1, values,
	    1, "write", write_save, NULL, NULL);
	free(dir);
}
