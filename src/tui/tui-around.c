/* SPDX-License-Identifier: MIT */
/*
 * tui-around.c: on a young person's page, n writes a dated note about
 * them (several lines, in the note box) and P adds one of the people
 * around them, through the same jobs as 'caseload note' and 'caseload
 * involve'.
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

/* Whom the dialog is about. */
struct around_dialog {
	long		 id;
	char		*name;		/* marker and the name to call them */
	const char	*roles[ROLE_COUNT + 1];
};

static void
around_dialog_free(void *arg)
{
	struct around_dialog *ad = arg;

	if (ad == NULL)
		return;
	free(ad->name);
	free(ad);
}

/* The dialog's young person, or NULL after an error. */
static struct around_dialog *
around_dialog_new(struct tui *t, long id)
{
	struct around_dialog *ad;
	struct person *p = NULL;
	char *cause = NULL;
	int rc;

	rc = store_person_get(t->ses->st, id, &p, &cause);
	if (rc != 0) {
		if (rc < 0)
			tui_error(t, "%s", cause);
		else
			tui_error(t, "There is no young person number %ld.", id);
		free(cause);
		return NULL;
	}
	ad = xcalloc(1, sizeof *ad);
	ad->id = id;
	ad->name = xasprintf("%s%s", tui_flag_mark(t, p->flagged),
	    person_display_name(p));
	free(p);
	return ad;
}

enum { FN_DATE, FN_TEXT, FN_COUNT };

static int
note_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct around_dialog *ad = arg;
	struct around_note n;
	struct job_result r;
	char *text, *cause = NULL;
	int rc;

	memset(&n, 0, sizeof n);
	n.person_id = ad->id;
	if (tui_dialog_date(t, f, FN_DATE, &n.on) != 0)
		return -1;
	text = tui_form_value(f, FN_TEXT);
	n.text = text;
	rc = job_note_add(t->ses, &n, &r, &cause);
	free(text);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ?
		    FN_DATE : r.field == JOB_NOTE ? FN_TEXT : -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Noted N%ld about %s.", r.made, ad->name);
	job_result_free(&r);
	return 0;
}

void
tui_note_dialog(struct tui *t, long id)
{
	static const struct tui_field_spec specs[FN_COUNT] = {
		{ "Date", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today", 0 },
		{ "Note", FIELD_LINES, 54, AROUND_NOTE_MAX, NULL, NULL, 0 },
	};
	const char *values[FN_COUNT] = { NULL };
	struct around_dialog *ad;
	char today[64], *title;

	if ((ad = around_dialog_new(t, id)) == NULL)
		return;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[FN_DATE] = today;
	title = xasprintf("A note about %s", ad->name);
	tui_form_open(t, title, "What they like to be called, what helps, "
	    "what to avoid.  Kept on this page only; struck out, never "
	    "deleted.", specs, FN_COUNT, values, 1, "save", note_save, ad,
	    around_dialog_free);
	free(title);
}

enum { FP_ROLE, FP_NAME, FP_PHONE, FP_EMAIL, FP_NOTE, FP_DATE, FP_COUNT };

/* A field's value as kept: NULL for none.  The caller frees it. */
static char *
around_value(struct tui_form *f, size_t i)
{
	char *v = tui_form_value(f, i);

	if (*v == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

static int
person_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct around_dialog *ad = arg;
	struct around_person a;
	struct job_result r;
	char *name, *phone, *email, *note, *cause = NULL;
	int rc;

	memset(&a, 0, sizeof a);
	a.person_id = ad->id;
	if (tui_dialog_date(t, f, FP_DATE, &a.since) != 0)
		return -1;
	a.role = (enum around_role)tui_form_choice(f, FP_ROLE);
	a.name = name = around_value(f, FP_NAME);
	a.phone = phone = around_value(f, FP_PHONE);
	a.email = email = around_value(f, FP_EMAIL);
	a.note = note = around_value(f, FP_NOTE);
	rc = job_around_add(t->ses, &a, &r, &cause);
	free(name);
	free(phone);
	free(email);
	free(note);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ?
		    FP_DATE : r.field == JOB_NOTE ? FP_NAME : -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Added P%ld (%s) around %s.", r.made,
	    around_role_label(r.around->role), ad->name);
	job_result_free(&r);
	return 0;
}

void
tui_around_dialog(struct tui *t, long id)
{
	struct tui_field_spec specs[FP_COUNT] = {
		{ "Role", FIELD_CHOICE, 30, 0, NULL, "Left/Right or a letter",
		  0 },
		{ "Name", FIELD_TEXT, 40, CHECK_NAME_MAX, NULL, NULL, 0 },
		{ "Phone", FIELD_TEXT, 20, CHECK_PHONE_MAX, NULL, NULL, 0 },
		{ "Email", FIELD_TEXT, 40, CHECK_EMAIL_MAX, NULL, NULL, 0 },
		{ "Note", FIELD_TEXT, 50, AROUND_ABOUT_MAX, NULL, NULL, 0 },
		{ "Since", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today",
		  0 },
	};
	const char *values[FP_COUNT] = { NULL };
	struct around_dialog *ad;
	char today[64], *title;
	int i;

	if ((ad = around_dialog_new(t, id)) == NULL)
		return;
	for (i = 0; i < ROLE_COUNT; i++)
		ad->roles[i] = around_role_label((enum around_role)i);
	ad->roles[ROLE_COUNT] = NULL;
	specs[FP_ROLE].choices = ad->roles;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[FP_ROLE] = ad->roles[0];
	values[FP_DATE] = today;
	title = xasprintf("Someone around %s", ad->name);
	tui_form_open(t, title, "Their details show on this page and in "
	    "'caseload show' only; 'caseload involve' changes or ends them.",
	    specs, FP_COUNT, values, 1, "save", person_save, ad,
	    around_dialog_free);
	free(title);
}
