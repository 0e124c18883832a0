/* SPDX-License-Identifier: MIT */
/*
 * tui-flag.c: safety flags on the screens: the marker beside a flagged
 * young person's name, and the dialog (S on their page) that sets a new
 * flag, changes a current one's note or ends it, through the same jobs as
 * 'caseload flag'.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "job.h"
#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

const char *
tui_flag_mark(const struct tui *t, int flagged)
{
	static char mark[8];

	if (!flagged)
		return "";
	snprintf(mark, sizeof mark, "%s ", flag_marker(t->ses->utf8));
	return mark;
}

/* The young person the dialog is about, and their current flags. */
struct flag_dialog {
	long		  id;
	char		 *name;		/* marker and the name to call them */
	char		 *plain;	/* the name alone */
	struct flag	**current;	/* their current flags, in order */
	size_t		  n;
	int		  number;	/* the flag being ended or noted */
	const char	 *kinds[FLAG_KINDS + 1];
};

static void
flag_dialog_free(void *arg)
{
	struct flag_dialog *fd = arg;
	size_t i;

	if (fd == NULL)
		return;
	for (i = 0; i < fd->n; i++)
		free(fd->current[i]);
	free(fd->current);
	free(fd->name);
	free(fd->plain);
	free(fd);
}

static int
flag_dialog_collect(const struct flag *f, void *arg)
{
	struct flag_dialog *fd = arg;

	if (f->ended_on != DATE_NONE)
		return 0;
	fd->current = xreallocarray(fd->current, fd->n + 1,
	    sizeof *fd->current);
	fd->current[fd->n++] = flag_copy(f);
	return 0;
}

enum { FS_KIND, FS_NOTE, FS_DATE, FS_COUNT };

static int
flag_set_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct flag_dialog *fd = arg;
	struct job_result r;
	struct flag fl;
	char *note, *cause = NULL;
	int rc;

	memset(&fl, 0, sizeof fl);
	fl.person_id = fd->id;
	if (tui_dialog_date(t, f, FS_DATE, &fl.set_on) != 0)
		return -1;
	fl.kind = (enum flag_kind)tui_form_choice(f, FS_KIND);
	note = tui_form_value(f, FS_NOTE);
	fl.note = *note != '\0' ? note : NULL;
	rc = job_flag_add(t->ses, &fl, &r, &cause);
	free(note);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ? FS_DATE :
		    r.field == JOB_NOTE ? FS_NOTE : r.field == JOB_AGAIN ?
		    FS_KIND : -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Set flag F%ld (%s) on %s%s.", r.made,
	    flag_kind_label(fl.kind), tui_flag_mark(t, 1), fd->plain);
	job_result_free(&r);
	return 0;
}

static void
flag_set_open(struct tui *t, struct flag_dialog *fd)
{
	struct tui_field_spec specs[FS_COUNT] = {
		{ "Kind", FIELD_CHOICE, 20, 0, NULL,
		  "Left/Right or a letter", 0 },
		{ "Note", FIELD_TEXT, 50, FLAG_NOTE_MAX, NULL, NULL, 0 },
		{ "Date set", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today",
		  0 },
	};
	const char *values[FS_COUNT] = { NULL };
	char today[64], *title;
	int i;

	for (i = 0; i < FLAG_KINDS; i++)
		fd->kinds[i] = flag_kind_label((enum flag_kind)i);
	fd->kinds[FLAG_KINDS] = NULL;
	specs[FS_KIND].choices = fd->kinds;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[FS_KIND] = fd->kinds[0];
	values[FS_DATE] = today;
	title = xasprintf("Set a safety flag on %s", fd->name);
	tui_form_open(t, title, "The flag's kind and note show on this page "
	    "only; lists, printouts and dialogs show the marker alone, and "
	    "calendars and letters never carry it.", specs, FS_COUNT, values,
	    1, "save", flag_set_save, fd, flag_dialog_free);
	free(title);
}

enum { FE_DATE, FE_REASON, FE_COUNT };

static int
flag_end_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct flag_dialog *fd = arg;
	struct job_result r;
	char *reason, *cause = NULL;
	date_t on;
	int rc;

	if (tui_dialog_date(t, f, FE_DATE, &on) != 0)
		return -1;
	reason = tui_form_value(f, FE_REASON);
	rc = job_flag_end(t->ses, fd->id, fd->number, on, *reason != '\0' ?
	    reason : NULL, &r, &cause);
	free(reason);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ? FE_DATE :
		    r.field == JOB_REASON ? FE_REASON : -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Ended flag F%d (%s); it stays in the record, marked "
	    "ended.", fd->number, flag_kind_label(r.flag->kind));
	job_result_free(&r);
	return 0;
}

enum { FN_NOTE, FN_COUNT };

static int
flag_note_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct flag_dialog *fd = arg;
	struct job_result r;
	char *note, *cause = NULL;
	int rc;

	note = tui_form_value(f, FN_NOTE);
	rc = job_flag_note(t->ses, fd->id, fd->number, *note != '\0' ?
	    note : NULL, &r, &cause);
	free(note);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_NOTE ? FN_NOTE :
		    -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Changed the note of flag F%d (%s) of %s; the note "
	    "it had is kept.", fd->number, flag_kind_label(r.flag->kind),
	    fd->name);
	job_result_free(&r);
	return 0;
}

/* The form changing the note of current flag f, for the copy fd. */
static void
flag_note_open(struct tui *t, struct flag_dialog *fd, const struct flag *f)
{
	static const struct tui_field_spec specs[FN_COUNT] = {
		{ "Note", FIELD_TEXT, 50, FLAG_NOTE_MAX, NULL, NULL, 0 },
	};
	const char *values[FN_COUNT] = { NULL };
	char *title;

	fd->number = f->number;
	values[FN_NOTE] = f->note;
	title = xasprintf("Change the note of flag F%d (%s) of %s",
	    f->number, flag_kind_label(f->kind), fd->name);
	tui_form_open(t, title, "The note it had is kept in the record, "
	    "dated, and shown on this page as earlier.", specs, FN_COUNT,
	    values, 1, "save", flag_note_save, fd, flag_dialog_free);
	free(title);
}

/*
 * Chosen: 0 sets a new flag, 1..n ends the current flag of that place,
 * n + 1..2n changes its note.
 */
static int
flag_chosen(struct tui *t, size_t chosen, void *arg)
{
	static const struct tui_field_spec specs[FE_COUNT] = {
		{ "Date ended", FIELD_TEXT, 12, 40, NULL,
		  "DD/MM/YYYY, or today", 0 },
		{ "Reason", FIELD_TEXT, 50, CHECK_REASON_MAX, NULL, NULL, 0 },
	};
	struct flag_dialog *fd = arg, *copy;
	const char *values[FE_COUNT] = { NULL };
	char today[64], *title;
	size_t i;

	/* The pick list frees fd when it closes: the form gets a copy. */
	copy = xcalloc(1, sizeof *copy);
	copy->id = fd->id;
	copy->name = xstrdup(fd->name);
	copy->plain = xstrdup(fd->plain);
	copy->n = fd->n;
	copy->current = xcalloc(fd->n + 1, sizeof *copy->current);
	for (i = 0; i < fd->n; i++)
		copy->current[i] = flag_copy(fd->current[i]);
	if (chosen == 0) {
		flag_set_open(t, copy);
		return TUI_DRAW;
	}
	if (chosen > fd->n && chosen <= 2 * fd->n) {
		flag_note_open(t, copy, fd->current[chosen - fd->n - 1]);
		return TUI_DRAW;
	}
	if (chosen > fd->n) {
		flag_dialog_free(copy);
		return TUI_DONE;
	}
	copy->number = fd->current[chosen - 1]->number;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[FE_DATE] = today;
	title = xasprintf("End flag F%d (%s) of %s?", copy->number,
	    flag_kind_label(fd->current[chosen - 1]->kind), copy->name);
	tui_form_open(t, title, "An ended flag stays in the record, marked "
	    "ended, with the date and the reason.", specs, FE_COUNT, values,
	    1, "end it", flag_end_save, copy, flag_dialog_free);
	free(title);
	return TUI_DRAW;
}

void
tui_flag_dialog(struct tui *t, long id)
{
	struct flag_dialog *fd;
	struct person *p = NULL;
	char **labels, *cause = NULL, *note;
	size_t i;
	int rc;

	rc = store_person_get(t->ses->st, id, &p, &cause);
	if (rc != 0) {
		if (rc < 0)
			tui_error(t, "%s", cause);
		else
			tui_error(t, "There is no young person number %ld.", id);
		free(cause);
		return;
	}
	fd = xcalloc(1, sizeof *fd);
	fd->id = id;
	fd->name = xasprintf("%s%s", tui_flag_mark(t, p->flagged),
	    person_display_name(p));
	fd->plain = xstrdup(person_display_name(p));
	free(p);
	if (store_flags_each(t->ses->st, id, flag_dialog_collect, fd,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		flag_dialog_free(fd);
		return;
	}
	if (fd->n == 0) {
		flag_set_open(t, fd);
		return;
	}
	labels = xcalloc(2 * fd->n + 1, sizeof *labels);
	labels[0] = xstrdup("Set a new safety flag");
	for (i = 0; i < fd->n; i++) {
		note = text_escape(fd->current[i]->note != NULL ?
		    fd->current[i]->note : "", 0);
		labels[i + 1] = xasprintf("End F%-3d %-10s  %s%s%s",
		    fd->current[i]->number,
		    session_date(t->ses, fd->current[i]->set_on),
		    flag_kind_label(fd->current[i]->kind),
		    *note != '\0' ? ": " : "", note);
		labels[fd->n + i + 1] = xasprintf("Change the note of F%d "
		    "(%s)", fd->current[i]->number,
		    flag_kind_label(fd->current[i]->kind));
		free(note);
	}
	tui_pick_open(t, "Safety flags: set one, change a note, or end one",
	    (const char *const *)labels, 2 * fd->n + 1, 0, flag_chosen, fd,
	    flag_dialog_free);
	for (i = 0; i <= 2 * fd->n; i++)
		free(labels[i]);
	free(labels);
}
