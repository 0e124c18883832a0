/* SPDX-License-Identifier: MIT */
/*
 * tui-database.c: the files of the whole caseload from the screen: back
 * it up to a file, put a backup back in its place, import young people
 * another worker handed over or a spreadsheet holds, check it (B), and
 * hand a young person over to another worker (H, on their page), with
 * the jobs that 'caseload backup', 'restore', 'handover export' and
 * 'import', 'import' and 'check' call (job.h): the same checks, the same
 * files.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "job.h"
#include "rules.h"
#include "tui-int.h"
#include "xmalloc.h"

enum { DB_BACKUP, DB_RESTORE, DB_IMPORT, DB_SHEET, DB_CHECK, DB_COUNT };

static void tui_sheet_import_dialog(struct tui *);
static void tui_check_open(struct tui *);

/* The file typed into field 0, with ~/ for the home folder; NULL after an
 * error beside it. */
static char *
database_file(struct tui_form *f)
{
	char *typed = tui_form_value(f, 0), *cause = NULL, *path = NULL;
	const char *home = getenv("HOME");

	if (*typed == '\0')
		tui_form_error(f, 0, "give a file name");
	else if (strcmp(typed, "-") == 0)
		tui_form_error(f, 0, "- is standard output, which is this "
		    "screen: give a file name");
	else if (check_text(typed, 0, PATH_MAX, &cause) != 0)
		tui_form_error(f, 0, cause);
	else if (strncmp(typed, "~/", 2) != 0)
		path = xstrdup(typed);
	else if (home == NULL || *home == '\0')
		tui_form_error(f, 0, "HOME is not set, so ~ means nothing here: "
		    "give the whole path");
	else
		path = xasprintf("%s/%s", home, typed + 2);
	free(cause);
	free(typed);
	return path;
}

static int
backup_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct job_result r;
	char *path, *cause = NULL;

	(void)arg;
	if ((path = database_file(f)) == NULL)
		return -1;
	/* The message names the file: the status line has room for it. */
	if (job_backup(t->ses, path, &r, &cause) != 0) {
		tui_error(t, "Nothing was backed up: %s%s", cause,
		    r.refused ? "." : "");
		free(cause);
		job_result_free(&r);
		free(path);
		return -1;
	}
	tui_message(t, "Backed up the caseload to %s (mode 0600).", path);
	job_result_free(&r);
	free(path);
	return 0;
}

static int
restore_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct job_result r;
	char *path, *cause = NULL;

	(void)arg;
	if ((path = database_file(f)) == NULL)
		return -1;
	if (job_restore(t->ses, path, &r, &cause) != 0) {
		if (r.refused)
			tui_error(t, "Not restored: %s.", cause);
		else
			tui_error(t, "Restoring failed: %s", cause);
		free(cause);
		job_result_free(&r);
		free(path);
		return -1;
	}
	tui_changed(t);
	tui_message(t, "Restored the caseload from %s; as it was, it is kept in "
	    "the backups folder.", path);
	job_result_free(&r);
	free(path);
	return 0;
}

/* Back up, restore, import or check: the form for what was chosen. */
static int
database_chosen(struct tui *t, size_t chosen, void *arg)
{
	static const struct tui_field_spec specs[] = {
		{ "File", FIELD_TEXT, 44, PATH_MAX, NULL, NULL, 0 },
	};
	const char *values[1];
	char name[64], iso[DATE_ISO_SIZE], *suggested = NULL;

	(void)arg;
	if (chosen == DB_BACKUP) {
		date_format_iso(t->ses->today, iso);
		snprintf(name, sizeof name, "caseload-%s.db", iso);
		suggested = tui_offer_path(t, name);
		values[0] = suggested;
		tui_form_open(t, "Back up the caseload", "A copy of the whole "
		    "caseload, made while it is in use, to a new file (mode "
		    "0600); an existing file is never replaced.", specs, 1,
		    values, 1, "back up", backup_save, NULL, NULL);
	} else if (chosen == DB_RESTORE) {
		values[0] = "";
		tui_form_open(t, "Restore the caseload from a backup", "The "
		    "whole caseload is replaced by the backup, once it has been "
		    "checked whole; the caseload as it is now is kept in the "
		    "backups folder first.", specs, 1, values, 1, "restore",
		    restore_save, NULL, NULL);
	} else if (chosen == DB_IMPORT)
		tui_handover_import_dialog(t);
	else if (chosen == DB_SHEET)
		tui_sheet_import_dialog(t);
	else
		tui_check_open(t);
	free(suggested);
	return TUI_DRAW;
}

void
tui_database_open(struct tui *t)
{
	static const char *const items[DB_COUNT] = {
		"Back up the caseload to a file",
		"Restore the caseload from a backup",
		"Import young people from a handover file",
		"Import young people from a spreadsheet (CSV)",
		"Check the database",
	};

	tui_pick_open(t, "The database", items, DB_COUNT, DB_BACKUP,
	    database_chosen, NULL, NULL);
}

/* The young person a handover form is about. */
struct handover_form {
	long	 id;
	char	*name;
};

static void
handover_form_free(void *arg)
{
	struct handover_form *h = arg;

	if (h != NULL)
		free(h->name);
	free(h);
}

static int
handover_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct handover_form *h = arg;
	struct job_result r;
	char *path, *cause = NULL;

	if ((path = database_file(f)) == NULL)
		return -1;
	if (job_handover_export(t->ses, &h->id, 1, path, &r, &cause) != 0) {
		tui_error(t, "Nothing was written: %s%s", cause,
		    r.refused ? "." : "");
		free(cause);
		job_result_free(&r);
		free(path);
		return -1;
	}
	tui_message(t, "Wrote %s's whole record to %s: pass it on securely; "
	    "A archives them here.", h->name, path);
	job_result_free(&r);
	free(path);
	return 0;
}

void
tui_handover_dialog(struct tui *t, long id)
{
	static const struct tui_field_spec specs[] = {
		{ "File", FIELD_TEXT, 44, PATH_MAX, NULL, NULL, 0 },
	};
	struct handover_form *h;
	struct person *p = NULL;
	const char *values[1];
	char name[64], iso[DATE_ISO_SIZE], *suggested, *title, *cause = NULL;

	if (store_person_get(t->ses->st, id, &p, &cause) != 0 || p == NULL) {
		tui_error(t, "%s", cause != NULL ? cause :
		    "There is no such young person.");
		free(cause);
		return;
	}
	h = xcalloc(1, sizeof *h);
	h->id = id;
	h->name = xasprintf("%s%s", tui_flag_mark(t, p->flagged),
	    person_display_name(p));
	free(p);
	date_format_iso(t->ses->today, iso);
	snprintf(name, sizeof name, "handover-%ld-%s.caseload", id, iso);
	suggested = tui_offer_path(t, name);
	values[0] = suggested;
	title = xasprintf("Hand %s over to another worker", h->name);
	tui_form_open(t, title, "Their whole record (details, status history, "
	    "contacts, letters, reviews and safety flags with every note "
	    "they have had) goes to a new file, mode 0600, "
	    "for 'caseload handover import FILE' on the other side. It holds "
	    "their notes: pass it on securely.", specs, 1, values, 1,
	    "write", handover_save, h, handover_form_free);
	free(title);
	free(suggested);
}

/* A handover file looked at, waiting for the worker to say yes. */
struct handover_in {
	char			*path;
	struct job_handover	 h;	/* keeps the file open */
};

static void
handover_in_free(void *arg)
{
	struct handover_in *in = arg;

	if (in == NULL)
		return;
	job_handover_free(&in->h);
	free(in->path);
	free(in);
}

/* "5 contacts, 3 status changes, 1 letter, 2 reviews and 1 note" */
static char *
handover_counts(const struct store_handover_counts *c)
{
	return job_handover_words(c);
}

/* Who came: "Aisha Khan (number 4), Ben Carter (number 5)", the first few. */
static char *
handover_who(struct tui *t, const struct job_handover *h)
{
	struct person *p;
	char *who = xstrdup(""), *next, *cause = NULL;
	size_t i, shown = h->n > 3 ? 2 : h->n;

	for (i = 0; i < shown; i++) {
		if (store_person_get(t->ses->st, h->ids[i], &p, &cause) != 0 ||
		    p == NULL) {
			free(cause);
			cause = NULL;
			continue;
		}
		next = xasprintf("%s%s%s (number %ld)", who, i > 0 ? ", " : "",
		    person_display_name(p), p->id);
		free(who);
		who = next;
		free(p);
	}
	if (shown < h->n) {
		next = xasprintf("%s and %zu more", who, h->n - shown);
		free(who);
		who = next;
	}
	return who;
}

/*
 * Say why a handover file was not imported: someone in it who is here
 * already by their number and name here, or what the job said.
 */
static void
handover_in_refused(struct tui *t, const struct job_handover *h,
    const struct job_result *r, const char *cause)
{
	struct person *p = NULL;
	char *why = NULL;

	if (!r->refused) {
		tui_error(t, "Importing failed: %s", cause);
		return;
	}
	if (h->clash_id == 0 || store_person_get(t->ses->st, h->clash_id, &p,
	    &why) != 0 || p == NULL) {
		free(why);
		tui_error(t, "Nothing was imported: %s.", cause);
		return;
	}
	tui_error(t, "Nothing was imported: %s, in the file, is on this "
	    "caseload already as number %ld.", person_display_name(p), p->id);
	free(p);
}

/* Yes: import the file looked at, then show who came. */
static int
handover_in_yes(struct tui *t, enum tui_action answer, void *arg)
{
	struct handover_in *in = arg;
	struct job_result r;
	char *cause = NULL, *who;

	(void)answer;
	if (job_handover_import(t->ses, in->path, &in->h, &r, &cause) != 0) {
		handover_in_refused(t, &in->h, &r, cause);
		free(cause);
		job_result_free(&r);
		return TUI_DRAW;
	}
	job_result_free(&r);
	tui_changed(t);
	if (in->h.n > 0)
		tui_list_select(t, in->h.ids[0]);
	who = handover_who(t, &in->h);
	tui_message(t, "Imported %zu young %s with their whole records: %s.",
	    in->h.n, in->h.n == 1 ? "person" : "people", who);
	free(who);
	return TUI_DRAW;
}

/* The file is sound and nobody in it is here: ask before importing. */
static int
handover_in_look(struct tui *t, struct tui_form *f, void *arg)
{
	struct handover_in *in;
	struct job_result r;
	char *path, *cause = NULL, *counts, *question, *by;

	(void)arg;
	if ((path = database_file(f)) == NULL)
		return -1;
	in = xcalloc(1, sizeof *in);
	in->path = path;
	if (job_handover_look(t->ses, path, &in->h, &r, &cause) != 0) {
		handover_in_refused(t, &in->h, &r, cause);
		free(cause);
		job_result_free(&r);
		handover_in_free(in);
		return -1;
	}
	job_result_free(&r);
	/* Three lines: the question box shows four at most. */
	counts = handover_counts(&in->h.info.counts);
	if (in->h.info.worker[0] != '\0')
		by = xasprintf("handed over by %s on %s", in->h.info.worker,
		    session_date(t->ses, in->h.info.made_on));
	else
		by = xasprintf("made on %s", session_date(t->ses,
		    in->h.info.made_on));
	question = xasprintf("%d young %s, %s,\nwith %s.\nAdd them to this "
	    "caseload, under new numbers?", in->h.info.counts.people,
	    in->h.info.counts.people == 1 ? "person" : "people", by, counts);
	tui_ask(t, "Import a handover file", question, "y: yes, import them   "
	    "n: no", 0, handover_in_yes, in, handover_in_free);
	free(question);
	free(by);
	free(counts);
	return 0;
}

void
tui_handover_import_dialog(struct tui *t)
{
	static const struct tui_field_spec specs[] = {
		{ "File", FIELD_TEXT, 44, PATH_MAX, NULL, NULL, 0 },
	};
	const char *values[1] = { "" };

	tui_form_open(t, "Import a handover file", "Young people another "
	    "worker handed over with 'caseload handover export' (or H on a "
	    "page), with their whole records. The file is checked whole, and "
	    "you are asked before anything is imported.", specs, 1, values,
	    1, "look at it", handover_in_look, NULL, NULL);
}

/* ------------------------------------------------------- a spreadsheet */

/* How many of a sheet's problems the box shows. */
#define SHEET_PROBLEMS_SHOWN 5

/* A spreadsheet read and checked with a dry run, waiting for a yes. */
struct sheet_in {
	char			*path;
	struct job_import	 imp;
};

static void
sheet_in_free(void *arg)
{
	struct sheet_in *in = arg;

	if (in == NULL)
		return;
	job_import_free(&in->imp);
	free(in->path);
	free(in);
}

/* The file's own name, without its folder. */
static const char *
sheet_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

/* The first few problems of a sheet, in a box, "line N: why" each. */
static void
sheet_problems(struct tui *t, const struct sheet_in *in)
{
	const struct import_sheet *sheet = &in->imp.sheet;
	size_t i, n = sheet->nproblems;
	size_t shown = n < SHEET_PROBLEMS_SHOWN ? n : SHEET_PROBLEMS_SHOWN;
	char *body, *next;

	body = xasprintf("%zu problem%s in %s%s:", n, n == 1 ? "" : "s",
	    sheet_name(in->path), shown < n ? ", the first few" : "");
	for (i = 0; i < shown; i++) {
		next = xasprintf("%s\n  line %d: %s", body,
		    sheet->problems[i].line, sheet->problems[i].what);
		free(body);
		body = next;
	}
	if (shown < n) {
		next = xasprintf("%s\n... and %zu more: 'caseload import "
		    "--dry-run FILE' lists them all.", body, n - shown);
		free(body);
		body = next;
	}
	tui_report(t, "Import young people from a spreadsheet", body,
	    "Nothing was imported; fix the sheet and try again.",
	    STYLE_ERROR);
	free(body);
}

/*
 * An import not done: the sheet's problems in a box, or why on the
 * status line.
 */
static void
sheet_refused(struct tui *t, const struct sheet_in *in,
    const struct job_result *r, const char *cause)
{
	if (!r->refused)
		tui_error(t, "Importing failed: %s; nothing was imported.",
		    cause);
	else if (in->imp.sheet.nproblems > 0)
		sheet_problems(t, in);
	else
		tui_error(t, "Nothing was imported: %s.", cause);
}

/* Yes: import the sheet looked at, then show who came. */
static int
sheet_yes(struct tui *t, enum tui_action answer, void *arg)
{
	struct sheet_in *in = arg;
	struct job_result r;
	char *cause = NULL, *cap = NULL, archived[32] = "";
	size_t n;
	int up;

	(void)answer;
	if (job_import(t->ses, &in->imp, 0, &r, &cause) != 0) {
		sheet_refused(t, in, &r, cause);
		free(cause);
		job_result_free(&r);
		return TUI_DRAW;
	}
	job_result_free(&r);
	tui_changed(t);
	n = in->imp.added;
	if (n > 0)
		tui_list_select(t, in->imp.sheet.rows[0].person.id);
	up = t->counts.stepped_up;
	if (rules_over_cap(up, &t->ses->cfg.rules))
		cap = xasprintf(" %d young people are stepped up now, %d over "
		    "your cap of %d.", up, up - t->ses->cfg.rules.cap,
		    t->ses->cfg.rules.cap);
	if (in->imp.archived > 0)
		snprintf(archived, sizeof archived, ", %zu archived",
		    in->imp.archived);
	tui_message(t, "Added %zu young %s from %s (%zu stepped up, %zu "
	    "stepped down%s).%s", n, n == 1 ? "person" : "people",
	    sheet_name(in->path), n - in->imp.down - in->imp.archived,
	    in->imp.down, archived, cap != NULL ? cap : "");
	free(cap);
	return TUI_DRAW;
}

/* "3 of them stepped down", or all, or none. */
static char *
sheet_how(const struct job_import *imp)
{
	size_t n = imp->sheet.n;

	if (imp->archived > 0)
		return xasprintf("%zu of them stepped down, %zu archived",
		    imp->down, imp->archived);
	if (imp->down == 0)
		return xstrdup(n == 1 ? "stepped up" : "all stepped up");
	if (imp->down == n)
		return xstrdup(n == 1 ? "stepped down" : "all stepped down");
	return xasprintf("%zu of them stepped down", imp->down);
}

/*
 * What the rows keep with them, in counts only (flags, notes and actions
 * are private): "\nWith them: 2 safety flags, 1 agreed action."; NULL
 * when there is none.  The caller frees it.
 */
static char *
sheet_more(const struct job_import *imp)
{
	const struct {
		size_t		 n;
		const char	*one, *many;
	} what[] = {
		{ imp->flags, "safety flag", "safety flags" },
		{ imp->notes, "note", "notes" },
		{ imp->social_workers, "social worker", "social workers" },
		{ imp->actions, "agreed action", "agreed actions" },
	};
	char *words = NULL, *next;
	size_t i;

	for (i = 0; i < sizeof what / sizeof what[0]; i++) {
		if (what[i].n == 0)
			continue;
		next = xasprintf("%s%s%zu %s", words != NULL ? words :
		    "\nWith them: ", words != NULL ? ", " : "", what[i].n,
		    what[i].n == 1 ? what[i].one : what[i].many);
		free(words);
		words = next;
	}
	if (words != NULL) {
		next = xasprintf("%s.", words);
		free(words);
		words = next;
	}
	return words;
}

/* Rows of young people under 16, or 25 and over, as on today. */
static size_t
sheet_ages(const struct tui *t, const struct job_import *imp)
{
	enum stage stage;
	size_t i, n = 0;

	for (i = 0; i < imp->sheet.n; i++) {
		stage = rules_stage(imp->sheet.rows[i].person.facts.dob,
		    t->ses->today);
		if (stage == STAGE_UNDER_16 || stage == STAGE_25_PLUS)
			n++;
	}
	return n;
}

/*
 * Read the sheet and try it with a dry run: its problems in a box, or
 * what it would add and a question.  Nothing is written here.
 */
static int
sheet_look(struct tui *t, struct tui_form *f, void *arg)
{
	struct sheet_in *in;
	struct job_result r;
	char *path, *cause = NULL, *how, *ages = NULL, *more, *question;
	size_t n, odd;

	(void)arg;
	if ((path = database_file(f)) == NULL)
		return -1;
	in = xcalloc(1, sizeof *in);
	in->path = path;
	if (job_import_read(t->ses, path, NULL, &in->imp, &r, &cause) != 0 ||
	    job_import(t->ses, &in->imp, 1, &r, &cause) != 0) {
		sheet_refused(t, in, &r, cause);
		free(cause);
		job_result_free(&r);
		sheet_in_free(in);
		return -1;
	}
	job_result_free(&r);
	n = in->imp.sheet.n;
	how = sheet_how(&in->imp);
	if ((odd = sheet_ages(t, &in->imp)) > 0)
		ages = xasprintf("\n%zu of them %s under 16, or 25 and over.",
		    odd, odd == 1 ? "is" : "are");
	more = sheet_more(&in->imp);
	question = xasprintf("%zu young %s to add, %s.%s%s\nAdd %s from %s "
	    "to this caseload?", n, n == 1 ? "person" : "people", how,
	    ages != NULL ? ages : "", more != NULL ? more : "",
	    n == 1 ? "them" : "them all", sheet_name(path));
	free(more);
	tui_ask(t, "Import young people from a spreadsheet", question,
	    "y: yes, import them   n: no", 0, sheet_yes, in, sheet_in_free);
	free(question);
	free(ages);
	free(how);
	return 0;
}

static void
tui_sheet_import_dialog(struct tui *t)
{
	static const struct tui_field_spec specs[] = {
		{ "File", FIELD_TEXT, 44, PATH_MAX, NULL, NULL, 0 },
	};
	const char *values[1] = { "" };

	tui_form_open(t, "Import young people from a spreadsheet", "A sheet "
	    "saved as CSV with a header row (name, date of birth, and "
	    "optional columns such as status and last contact), as "
	    "'caseload import' reads it. It is checked whole first, and you "
	    "are asked before anything is imported.", specs, 1, values, 1,
	    "look at it", sheet_look, NULL, NULL);
}

/* ------------------------------------------------------------ the check */

static void
tui_check_open(struct tui *t)
{
	struct job_check c;
	struct job_result r;
	char *cause = NULL, *body, *next;
	size_t i;

	if (job_check(t->ses, &c, &r, &cause) != 0) {
		tui_error(t, "The check could not run: %s", cause);
		free(cause);
	} else if (c.n > 0) {
		body = xasprintf("%zu problem%s found in %s:", c.n, c.n == 1 ?
		    "" : "s", store_path(t->ses->st));
		for (i = 0; i < c.n; i++) {
			next = xasprintf("%s\n  %s", body, c.problems[i]);
			free(body);
			body = next;
		}
		tui_report(t, "Check the database", body, "The database is "
		    "not sound: restore a backup (B, then Restore), or ask "
		    "for help before changing anything.", STYLE_ERROR);
		free(body);
	} else {
		body = xasprintf("The database is sound: %d young %s, %d "
		    "stepped up, %d stepped down and %d archived.\nSQLite "
		    "finds nothing wrong in it, and every young person's "
		    "summary agrees with their history.\n\n%s (schema %d)",
		    c.people, c.people == 1 ? "person" : "people", c.up,
		    c.down, c.archived, store_path(t->ses->st), c.schema);
		tui_report(t, "Check the database", body, NULL, STYLE_OK);
		free(body);
	}
	job_check_free(&c);
	job_result_free(&r);
}
