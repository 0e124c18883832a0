/* SPDX-License-Identifier: MIT */
/*
 * tui-return.c: the birthday return dialog (R on a young person's page):
 * in touch, main activity and hours from menus, and the date, recorded
 * for the birthday whose window is open (or late, for the latest whose
 * window has closed with nothing recorded) through the same job as
 * 'caseload return'; when that birthday's return is in already, R offers
 * to strike it out instead, as 'caseload return --strike' does.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "job.h"
#include "tui-int.h"
#include "xmalloc.h"

/* The young person the dialog is about, and its menus' words. */
struct return_dialog {
	long		 id;
	char		*name;
	int		 number;	/* the return to strike out */
	const char	*touches[TOUCH_COUNT + 1];
	const char	*activities[ACTIVITY_COUNT + 1];
	const char	*hours[3];
};

static void
return_dialog_free(void *arg)
{
	struct return_dialog *rd = arg;

	if (rd == NULL)
		return;
	free(rd->name);
	free(rd);
}

enum { FR_TOUCH, FR_ACTIVITY, FR_HOURS, FR_DATE, FR_COUNT };

static int
return_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct return_dialog *rd = arg;
	struct returns_record rec;
	struct job_result r;
	char *cause = NULL;

	memset(&rec, 0, sizeof rec);
	rec.person_id = rd->id;
	if (tui_dialog_date(t, f, FR_DATE, &rec.on) != 0)
		return -1;
	rec.touch = (enum returns_touch)tui_form_choice(f, FR_TOUCH);
	rec.activity = (enum returns_activity)tui_form_choice(f, FR_ACTIVITY);
	rec.part_time = rec.activity != ACTIVITY_NONE &&
	    tui_form_choice(f, FR_HOURS) == 1;
	if (job_return_record(t->ses, &rec, &r, &cause) != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ? FR_DATE :
		    r.field == JOB_ANSWER ? FR_ACTIVITY : r.field == JOB_AGAIN ?
		    FR_TOUCH : -1, &r, &cause);
	tui_changed(t);
	tui_message(t, "Recorded B%ld, the return for %s's %d%s "
	    "birthday%s%s%s.", r.made, rd->name, r.ret->age, returns_th(r.ret->age),
	    r.warning != NULL ? " (" : "", r.warning != NULL ? r.warning : "",
	    r.warning != NULL ? ")" : "");
	job_result_free(&r);
	return 0;
}

static int
return_strike_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct return_dialog *rd = arg;
	struct job_result r;
	char *reason, *cause = NULL;
	int rc;

	reason = tui_form_value(f, 0);
	rc = job_return_strike(t->ses, rd->id, rd->number, *reason != '\0' ?
	    reason : NULL, &r, &cause);
	free(reason);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_REASON ? 0 : -1,
		    &r, &cause);
	tui_changed(t);
	tui_message(t, "Struck out B%ld, the return for %s's %d%s birthday: "
	    "R records it again.", r.made, rd->name, r.ret->age,
	    returns_th(r.ret->age));
	job_result_free(&r);
	return 0;
}

/*
 * When the return for the birthday R would record today (whose window is
 * open, or else the latest, closed less than a year ago) is in already,
 * offer to strike it out: 1 when the dialog opened (rd is
 * its), 0 when there is none, -1 after an error.
 */
static int
return_strike_open(struct tui *t, struct return_dialog *rd, date_t dob)
{
	static const struct tui_field_spec specs[1] = {
		{ "Reason", FIELD_TEXT, 50, CHECK_REASON_MAX, NULL,
		  "optional", 0 },
	};
	struct returns_window w;
	struct returns_record *rec;
	char *title, *cause = NULL;
	int rc;

	/* The birthday R would record for today: open, or closed (late). */
	if (returns_window_for(dob, &t->ses->cfg.rules, t->ses->today, &w) ==
	    RETURNS_FOR_NONE)
		return 0;
	if ((rc = store_return_standing(t->ses->st, rd->id, w.age, &rec,
	    &cause)) != 0) {
		if (rc < 0) {
			tui_error(t, "%s", cause);
			free(cause);
		}
		return rc < 0 ? -1 : 0;
	}
	rd->number = rec->number;
	title = xasprintf("Strike out B%d, %s's %d%s birthday return",
	    rec->number, rd->name, rec->age, returns_th(rec->age));
	free(rec);
	tui_form_open(t, title, "It is in already.  If it was recorded by "
	    "mistake, strike it out: it stays, marked struck out, and R then "
	    "records it again.  Say why (optional), then press Enter, or Esc "
	    "to leave it.", specs, 1, NULL, 1, "strike it out",
	    return_strike_save, rd, return_dialog_free);
	free(title);
	return 1;
}

void
tui_return_dialog(struct tui *t, long id)
{
	struct tui_field_spec specs[FR_COUNT] = {
		{ "In touch", FIELD_CHOICE, 16, 0, NULL,
		  "Left/Right or a letter", 0 },
		{ "Activity", FIELD_CHOICE, 40, 0, NULL, NULL, 0 },
		{ "Hours", FIELD_CHOICE, 12, 0, NULL, NULL, 0 },
		{ "Date", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today", 0 },
	};
	const char *values[FR_COUNT] = { NULL };
	struct return_dialog *rd;
	struct person *p = NULL;
	char today[64], *title, *cause = NULL;
	date_t dob;
	int i, rc;

	if ((rc = store_person_get(t->ses->st, id, &p, &cause)) != 0) {
		if (rc < 0)
			tui_error(t, "%s", cause);
		else
			tui_error(t, "There is no young person number %ld.", id);
		free(cause);
		return;
	}
	rd = xcalloc(1, sizeof *rd);
	rd->id = id;
	rd->name = xstrdup(person_display_name(p));
	dob = p->facts.dob;
	free(p);
	if ((rc = return_strike_open(t, rd, dob)) != 0) {
		if (rc < 0)
			return_dialog_free(rd);
		return;
	}
	for (i = 0; i < TOUCH_COUNT; i++)
		rd->touches[i] = returns_touch_label((enum returns_touch)i);
	rd->activities[0] = "none (not in touch)";
	for (i = 1; i < ACTIVITY_COUNT; i++)
		rd->activities[i] =
		    returns_activity_label((enum returns_activity)i);
	rd->hours[0] = "full-time";
	rd->hours[1] = "part-time";
	specs[FR_TOUCH].choices = rd->touches;
	specs[FR_ACTIVITY].choices = rd->activities;
	specs[FR_HOURS].choices = rd->hours;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[FR_TOUCH] = rd->touches[0];
	values[FR_ACTIVITY] = rd->activities[0];
	values[FR_HOURS] = rd->hours[0];
	values[FR_DATE] = today;
	title = xasprintf("Birthday return for %s", rd->name);
	tui_form_open(t, title, "For the birthday (17th to 21st) whose window "
	    "is open on the date, or else, late, the latest whose window has "
	    "closed with nothing recorded.  Recorded once; strike it out with "
	    "'caseload return REF --strike BN' if it was a mistake.", specs,
	    FR_COUNT, values, 1, "save", return_save, rd, return_dialog_free);
	free(title);
}
