/* SPDX-License-Identifier: MIT */
/*
 * tui-action.c: what was agreed, on the screens: the dialog (T on a young
 * person's page) that adds an agreed action, marks an open one done or
 * drops it, through the same jobs as 'caseload action'.
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

/* The young person the dialog is about, and their open actions. */
struct action_dialog {
	long		  id;
	char		 *name;		/* marker and the name to call them */
	struct action	**open;		/* their open actions, by due date */
	size_t		  n;
	int		  number;	/* the action being closed */
	enum action_state as;		/* done or dropped */
};

static void
action_dialog_free(void *arg)
{
	struct action_dialog *ad = arg;
	size_t i;

	if (ad == NULL)
		return;
	for (i = 0; i < ad->n; i++)
		free(ad->open[i]);
	free(ad->open);
	free(ad->name);
	free(ad);
}

static int
action_dialog_collect(const struct action *a, void *arg)
{
	struct action_dialog *ad = arg;

	if (a->state != ACTION_OPEN)
		return 0;
	ad->open = xreallocarray(ad->open, ad->n + 1, sizeof *ad->open);
	ad->open[ad->n++] = action_copy(a);
	return 0;
}

enum { AA_TEXT, AA_WHO, AA_DUE, AA_DATE, AA_COUNT };

static int
action_add_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct action_dialog *ad = arg;
	struct job_result r;
	struct action a;
	char *text, *who, *cause = NULL;
	int rc;

	memset(&a, 0, sizeof a);
	a.person_id = ad->id;
	if (tui_dialog_date(t, f, AA_DUE, &a.due_on) != 0 ||
	    tui_dialog_date(t, f, AA_DATE, &a.agreed_on) != 0)
		return -1;
	text = tui_form_value(f, AA_TEXT);
	who = tui_form_value(f, AA_WHO);
	a.text = text;
	a.who = *who != '\0' ? who : NULL;
	rc = job_action_add(t->ses, &a, &r, &cause);
	free(text);
	free(who);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_ACTION ? AA_TEXT :
		    r.field == JOB_DOER ? AA_WHO : r.field == JOB_DUE ? AA_DUE :
		    r.field == JOB_DATE ? AA_DATE : -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Agreed action A%ld with %s, due %s.%s%s%s", r.made,
	    ad->name, session_date(t->ses, r.action->due_on),
	    r.warning != NULL ? " " : "", r.warning != NULL ? r.warning : "",
	    r.warning != NULL ? "." : "");
	job_result_free(&r);
	return 0;
}

static void
action_add_open(struct tui *t, struct action_dialog *ad)
{
	static const struct tui_field_spec specs[AA_COUNT] = {
		{ "What", FIELD_TEXT, 50, ACTION_TEXT_MAX, NULL, NULL, 0 },
		{ "Who", FIELD_TEXT, 20, ACTION_WHO_MAX, NULL,
		  "worker, young-person, a name", 0 },
		{ "Due", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY", 0 },
		{ "Agreed on", FIELD_TEXT, 12, 40, NULL,
		  "DD/MM/YYYY, or today", 0 },
	};
	const char *values[AA_COUNT] = { NULL };
	char today[64], *title;

	tui_date_input(t, t->ses->today, today, sizeof today);
	values[AA_WHO] = ACTION_WHO_DEFAULT;
	values[AA_DATE] = today;
	title = xasprintf("Agree an action with %s", ad->name);
	/* The calendar holds what it is only with [calendar] privacy = full. */
	tui_form_open(t, title, t->ses->cfg.privacy == PRIVACY_FULL ?
	    "What was agreed, who does it and by when; it shows on this page, "
	    "on the agenda and, in full, in the calendar until it is done or "
	    "dropped." : "What was agreed, who does it and by when; it shows "
	    "on this page, on the agenda and, without what it is, in the "
	    "calendar until it is done or dropped.", specs, AA_COUNT, values, 1,
	    "save", action_add_save, ad, action_dialog_free);
	free(title);
}

enum { AC_DATE, AC_REASON, AC_COUNT };

static int
action_close_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct action_dialog *ad = arg;
	struct job_result r;
	char *reason = NULL, *cause = NULL;
	date_t on;
	int rc;

	if (tui_dialog_date(t, f, AC_DATE, &on) != 0)
		return -1;
	if (ad->as == ACTION_DROPPED)
		reason = tui_form_value(f, AC_REASON);
	rc = job_action_close(t->ses, ad->id, ad->number, ad->as, on,
	    reason != NULL && *reason != '\0' ? reason : NULL, &r, &cause);
	free(reason);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ? AC_DATE :
		    r.field == JOB_REASON ? AC_REASON : -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Marked action A%d %s on %s; it stays in the record.",
	    ad->number, action_state_name(ad->as), session_date(t->ses, on));
	job_result_free(&r);
	return 0;
}

/* Chosen: 0 adds one, 1..n marks that one done, n + 1..2n drops it. */
static int
action_chosen(struct tui *t, size_t chosen, void *arg)
{
	static const struct tui_field_spec specs[AC_COUNT] = {
		{ "Date", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today", 0 },
		{ "Reason", FIELD_TEXT, 50, CHECK_REASON_MAX, NULL, NULL, 0 },
	};
	struct action_dialog *ad = arg, *copy;
	const char *values[AC_COUNT] = { NULL };
	const struct action *a;
	char today[64], *title;

	/* The pick list frees ad when it closes: the form gets a copy. */
	copy = xcalloc(1, sizeof *copy);
	copy->id = ad->id;
	copy->name = xstrdup(ad->name);
	if (chosen == 0) {
		action_add_open(t, copy);
		return TUI_DRAW;
	}
	if (chosen > 2 * ad->n) {
		action_dialog_free(copy);
		return TUI_DONE;
	}
	a = ad->open[(chosen - 1) % ad->n];
	copy->number = a->number;
	copy->as = chosen <= ad->n ? ACTION_DONE : ACTION_DROPPED;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[AC_DATE] = today;
	title = xasprintf("%s action A%d of %s?", copy->as == ACTION_DONE ?
	    "Mark done" : "Drop", a->number, copy->name);
	tui_form_open(t, title, "It stays in the record, marked, with the "
	    "date; it leaves the agenda and the calendar.", specs,
	    copy->as == ACTION_DONE ? 1 : AC_COUNT, values, 1,
	    copy->as == ACTION_DONE ? "done" : "drop it", action_close_save,
	    copy, action_dialog_free);
	free(title);
	return TUI_DRAW;
}

void
tui_action_dialog(struct tui *t, long id)
{
	struct action_dialog *ad;
	struct person *p = NULL;
	char **labels, *cause = NULL, *text;
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
	ad = xcalloc(1, sizeof *ad);
	ad->id = id;
	ad->name = xasprintf("%s%s", tui_flag_mark(t, p->flagged),
	    person_display_name(p));
	free(p);
	if (store_actions_each(t->ses->st, id, action_dialog_collect, ad,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		action_dialog_free(ad);
		return;
	}
	if (ad->n == 0) {
		action_add_open(t, ad);
		return;
	}
	labels = xcalloc(2 * ad->n + 1, sizeof *labels);
	labels[0] = xstrdup("Agree a new action");
	for (i = 0; i < ad->n; i++) {
		text = text_escape(ad->open[i]->text, 0);
		labels[i + 1] = xasprintf("Done A%-3d due %-10s  %s",
		    ad->open[i]->number,
		    session_date(t->ses, ad->open[i]->due_on), text);
		labels[ad->n + i + 1] = xasprintf("Drop A%-3d due %-10s  %s",
		    ad->open[i]->number,
		    session_date(t->ses, ad->open[i]->due_on), text);
		free(text);
	}
	tui_pick_open(t, "Agreed actions: add one, mark one done, or drop one",
	    (const char *const *)labels, 2 * ad->n + 1, 0, action_chosen, ad,
	    action_dialog_free);
	for (i = 0; i <= 2 * ad->n; i++)
		free(labels[i]);
	free(labels);
}
