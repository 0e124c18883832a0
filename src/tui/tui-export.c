/*
 * tui-export.c: export the calendar from the screen (x): a dialog asks
 * for the file and the days, then it is written as 'caseload export -o
 * FILE' writes it: the same agenda (views_agenda), the same calendar
 * (calendar_export) and the same whole-or-nothing file, mode 0600
 * (outfile).
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "check.h"
#include "outfile.h"
#include "tui-int.h"
#include "xmalloc.h"

#define EXPORT_FILE	"~/caseload.ics"

enum { EX_FILE, EX_DAYS, EX_COUNT };

/* The file typed, ~ or a leading ~/ for the home folder; NULL if unset. */
static char *
export_path(const char *typed)
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

static int
export_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct calendar_options opts;
	struct outfile *of = NULL;
	char *file, *days_text, *path = NULL, *cause = NULL;
	size_t count = 0;
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
	} else if ((path = export_path(file)) == NULL) {
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

	/* As cmd-export.c: the file first, then the agenda, then write. */
	calendar_options_init(&opts, &t->ses->cfg, time(NULL));
	if (outfile_open(path, &of, &cause) != 0) {
		/* Short beside the field, which shows the file already. */
		if (errno == ENOENT || errno == ENOTDIR)
			tui_form_error(f, EX_FILE, "its folder does not exist");
		else if (errno == EISDIR)
			tui_form_error(f, EX_FILE, "that is a folder; give a file "
			    "name");
		else if (errno == ELOOP)
			tui_form_error(f, EX_FILE, "its symbolic links go "
			    "round in a loop");
		else
			tui_error(t, "Nothing was exported: %s", cause);
		free(cause);
		goto out;
	}
	rc = calendar_export(outfile_stream(of), t->st, t->rules, t->today,
	    t->today + days - 1, &opts, &count, &cause);
	if (rc != 0) {
		tui_error(t, "Nothing was exported: %s", cause);
		free(cause);
		outfile_abort(of);
		goto out;
	}
	rc = -1;
	if (outfile_commit(of, &cause) != 0) {
		tui_error(t, "Nothing was exported: %s", cause);
		free(cause);
		goto out;
	}
	free(t->export_file);
	t->export_file = xstrdup(file);
	t->export_days = days;
	tui_message(t, "Exported %zu item%s to %s.", count, count == 1 ? "" :
	    "s", path);
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
	char days[16], *intro;

	snprintf(days, sizeof days, "%d", t->export_days > 0 ?
	    t->export_days : CALENDAR_DAYS);
	values[EX_FILE] = t->export_file != NULL ? t->export_file : EXPORT_FILE;
	values[EX_DAYS] = days;
	intro = xasprintf("Contacts, letters, reviews and birthdays, for a "
	    "calendar program; %s. The file is replaced whole, mode 0600.",
	    t->ses->cfg.privacy == PRIVACY_FULL ? "names in full ([calendar] "
	    "privacy = full)" : "initials and numbers only, no names "
	    "([calendar] privacy)");
	tui_form_open(t, "Export the calendar", intro, specs, EX_COUNT, values,
	    1, "export", export_save, NULL, NULL);
	free(intro);
}
