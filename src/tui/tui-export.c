/* SPDX-License-Identifier: MIT */
/*
 * tui-export.c: export the calendar from the screen (x): a dialog asks
 * for the file and the days, then the same job as 'caseload export -o
 * FILE' writes it (job_export): the same calendar and the same
 * whole-or-nothing file, mode 0600.  X publishes it to the worker's
 * CalDAV calendar, as 'caseload publish' does (job_publish).
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "check.h"
#include "job.h"
#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

#define EXPORT_FILE	"caseload.ics"

enum { EX_FILE, EX_DAYS, EX_COUNT };

char *
tui_path(const char *typed)
{
	const char *home;

	if (strncmp(typed, "~/", 2) != 0 && strcmp(typed, "~") != 0)
		return xstrdup(typed);
	home = getenv("HOME");
	if (home == NULL || *home == '\0')
		return NULL;
	if (typed[1] == '\0')
		return xstrdup(home);
	return xasprintf("%s%s%s", home, home[strlen(home) - 1] == '/' ? "" :
	    "/", typed + 2);
}

char *
tui_offer_path(const struct tui *t, const char *name)
{
	char *folder, *path;

	if (!t->ses->demo)
		return xasprintf("~/%s", name);
	/* The demo's database is in a folder of its own: beside it. */
	folder = text_path_folder(t->ses->db_path);
	path = xasprintf("%s/%s", folder, name);
	free(folder);
	return path;
}

static int
export_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct job_export ex;
	struct job_result r;
	char *file, *days_text, *path = NULL, *cause = NULL;
	int days = 0, bad = 0, rc = -1;

	(void)arg;
	file = tui_form_value(f, EX_FILE);
	days_text = tui_form_value(f, EX_DAYS);
	if (*file == '\0') {
		tui_form_error(f, EX_FILE, "give a file name, such as "
		    EXPORT_FILE);
		bad = 1;
	} else if (strcmp(file, "-") == 0) {
		tui_form_error(f, EX_FILE, "- is standard output, which is "
		    "this screen: give a file name");
		bad = 1;
	} else if (check_text(file, 0, PATH_MAX, &cause) != 0) {
		tui_form_error(f, EX_FILE, cause);
		bad = 1;
	} else if ((path = tui_path(file)) == NULL) {
		tui_form_error(f, EX_FILE, "HOME is not set, so ~ means nothing "
		    "here: give the whole path");
		bad = 1;
	}
	free(cause);
	cause = NULL;
	if (check_int(days_text, 1, CALENDAR_DAYS_MAX, &days, &cause) != 0) {
		tui_form_error(f, EX_DAYS, cause);
		free(cause);
		cause = NULL;
		bad = 1;
	}
	if (bad)
		goto out;

	/* As 'caseload export -o FILE': the same job. */
	if (job_export(t->ses, path, days, t->ses->cfg.privacy, &ex, &r,
	    &cause) != 0) {
		/* Short beside the field, which shows the file already. */
		if (r.field == JOB_FILE && (ex.error == ENOENT ||
		    ex.error == ENOTDIR))
			tui_form_error(f, EX_FILE, "its folder does not exist");
		else if (r.field == JOB_FILE && ex.error == EISDIR)
			tui_form_error(f, EX_FILE, "that is a folder; give a file "
			    "name");
		else if (r.field == JOB_FILE && ex.error == ELOOP)
			tui_form_error(f, EX_FILE, "its symbolic links go "
			    "round in a loop");
		else
			tui_error(t, "Nothing was exported: %s", cause);
		free(cause);
		job_result_free(&r);
		goto out;
	}
	job_result_free(&r);
	free(t->export_file);
	t->export_file = xstrdup(file);
	t->export_days = days;
	tui_message(t, "Exported %zu item%s to %s.", ex.items,
	    ex.items == 1 ? "" : "s", path);
	rc = 0;
out:
	free(path);
	free(file);
	free(days_text);
	return rc;
}

void
tui_export_dialog(struct tui *t)
{
	static const struct tui_field_spec specs[EX_COUNT] = {
		{ "File", FIELD_TEXT, 44, PATH_MAX, NULL, NULL, 0 },
		{ "Days", FIELD_TEXT, 5, 4, NULL, "from today; 1 to 3660", 0 },
	};
	const char *values[EX_COUNT];
	char days[16], *intro, *offered;

	snprintf(days, sizeof days, "%d", t->export_days > 0 ?
	    t->export_days : CALENDAR_DAYS);
	offered = tui_offer_path(t, EXPORT_FILE);
	values[EX_FILE] = t->export_file != NULL ? t->export_file : offered;
	values[EX_DAYS] = days;
	intro = xasprintf("Contacts, letters, reviews and birthdays, for a "
	    "calendar program; %s. The file is replaced whole, mode 0600.",
	    t->ses->cfg.privacy == PRIVACY_FULL ? "names in full ([calendar] "
	    "privacy = full)" : "initials and numbers only, no names "
	    "([calendar] privacy)");
	tui_form_open(t, "Export the calendar", intro, specs, EX_COUNT, values,
	    1, "export", export_save, NULL, NULL);
	free(intro);
	free(offered);
}

void
tui_publish(struct tui *t)
{
	struct job_publish p;
	struct job_result r;
	char *cause = NULL;
	const char *url = t->ses->cfg.caldav_url;
	size_t k, done = 0;
	int rc;

	/*
	 * password_command may ask on the terminal (a pinentry, sudo): it
	 * gets the terminal as the shell had it, as printing does.
	 */
	tui_suspend(t);
	rc = job_publish(t->ses, CALENDAR_DAYS, 0, 0, &p, &r, &cause);
	tui_resume(t);
	if (rc != 0) {
		for (k = 0; k < p.n; k++)
			done += p.items[k].done;
		if (done > 0)
			tui_error(t, "Publishing stopped: %s. What was sent is "
			    "recorded: press X again to finish.", cause);
		else
			tui_error(t, "Nothing was published: %s", cause);
		free(cause);
		job_result_free(&r);
		job_publish_free(&p);
		return;
	}
	job_result_free(&r);
	if (p.conflicts > 0)
		tui_error(t, "Published to %s, but %zu item%s changed on the "
		    "server since the last publish %s left as %s; 'caseload "
		    "publish --force' replaces %s.", url, p.conflicts,
		    p.conflicts == 1 ? "" : "s",
		    p.conflicts == 1 ? "was" : "were",
		    p.conflicts == 1 ? "it was" : "they were",
		    p.conflicts == 1 ? "it" : "them");
	else
		tui_message(t, "Published to %s: %zu created, %zu changed, %zu "
		    "deleted, %zu as they were.", url, p.created, p.changed,
		    p.deleted, p.unchanged);
	job_publish_free(&p);
}
