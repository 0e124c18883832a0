/* SPDX-License-Identifier: MIT */
/*
 * tui-moved.c: on a young person's page, M records a move (a row of
 * their accommodation history) through the same job as 'caseload moved':
 * the type from a menu, the day they moved in, whether the local
 * authority provides it and whether it is suitable, and the address.
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

/* Whom the dialog is about, and its menus. */
struct moved_dialog {
	long		 id;
	char		*name;		/* marker and the name to call them */
	const char	*types[ACCOM_COUNT + 1];
};

static const char *const moved_provided[] = { "no", "yes", NULL };
/* In this order: tui_form_choice's index - 1 is the suitable value. */
static const char *const moved_suitable[] = { "unknown", "no", "yes", NULL };

enum { FM_TYPE, FM_DATE, FM_LA, FM_SUITABLE, FM_ADDRESS, FM_COUNT };

static void
moved_dialog_free(void *arg)
{
	struct moved_dialog *md = arg;

	if (md == NULL)
		return;
	free(md->name);
	free(md);
}

static int
moved_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct moved_dialog *md = arg;
	struct accommodation a;
	struct job_result r;
	char *address, *cause = NULL;
	int rc;

	memset(&a, 0, sizeof a);
	a.person_id = md->id;
	if (tui_dialog_date(t, f, FM_DATE, &a.from) != 0)
		return -1;
	a.type = (enum accommodation_type)tui_form_choice(f, FM_TYPE);
	a.provided_by_la = tui_form_choice(f, FM_LA) == 1;
	a.suitable = tui_form_choice(f, FM_SUITABLE) - 1;
	address = tui_form_value(f, FM_ADDRESS);
	a.address = *address != '\0' ? address : NULL;
	rc = job_moved(t->ses, &a, &r, &cause);
	free(address);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ? FM_DATE :
		    r.field == JOB_ADDRESS ? FM_ADDRESS :
		    r.field == JOB_ACCOMMODATION ? FM_TYPE : -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Recorded M%ld: %s moved (%s).", r.made, md->name,
	    accommodation_type_label(r.accommodation->type));
	job_result_free(&r);
	return 0;
}

void
tui_moved_dialog(struct tui *t, long id)
{
	struct tui_field_spec specs[FM_COUNT] = {
		{ "Type", FIELD_CHOICE, 30, 0, NULL, "Left/Right or a letter",
		  0 },
		{ "Moved in", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today",
		  0 },
		{ "By the LA", FIELD_CHOICE, 5, 0, moved_provided,
		  "provided by the local authority", 0 },
		{ "Suitable", FIELD_CHOICE, 8, 0, moved_suitable, NULL, 0 },
		{ "Address", FIELD_LINES, 54, CHECK_ADDRESS_MAX, NULL, NULL,
		  0 },
	};
	const char *values[FM_COUNT] = { NULL };
	struct moved_dialog *md;
	struct person *p = NULL;
	char today[64], *title, *cause = NULL;
	int i, rc;

	if ((rc = store_person_get(t->ses->st, id, &p, &cause)) != 0) {
		if (rc < 0)
			tui_error(t, "%s", cause);
		else
			tui_error(t, "There is no young person number %ld.", id);
		free(cause);
		return;
	}
	md = xcalloc(1, sizeof *md);
	md->id = id;
	md->name = xasprintf("%s%s", tui_flag_mark(t, p->flagged),
	    person_display_name(p));
	free(p);
	for (i = 0; i < ACCOM_COUNT; i++)
		md->types[i] = accommodation_type_label(
		    (enum accommodation_type)i);
	md->types[ACCOM_COUNT] = NULL;
	specs[FM_TYPE].choices = md->types;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[FM_TYPE] = md->types[0];
	values[FM_DATE] = today;
	values[FM_LA] = moved_provided[0];
	values[FM_SUITABLE] = moved_suitable[0];
	title = xasprintf("Where %s has moved to", md->name);
	tui_form_open(t, title, "Kept as history: a row entered by mistake "
	    "is struck out with 'caseload strike REF M1'.", specs, FM_COUNT,
	    values, 1, "save", moved_save, md, moved_dialog_free);
	free(title);
}
