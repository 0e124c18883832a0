/* SPDX-License-Identifier: MIT */
/*
 * job-output.c: the jobs that make something for the worker to keep or
 * post rather than change the caseload (see job.h): the annual letters
 * written from the template, the calendar exported to a file, and the
 * lists printed with the print command.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "calendar.h"
#include "cause.h"
#include "job-int.h"
#include "letter.h"
#include "outfile.h"
#include "print.h"
#include "target.h"
#include "text.h"
#include "xmalloc.h"

/* ------------------------------------------------------------- letters */

void
job_letters_free(struct job_letters *l)
{
	size_t k;

	for (k = 0; k < l->n; k++)
		free(l->letters[k].name);
	free(l->letters);
	for (k = 0; k < l->nwarnings; k++)
		free(l->warnings[k]);
	free(l->warnings);
	memset(l, 0, sizeof *l);
	l->letters = NULL;
	l->warnings = NULL;
	l->clash = NULL;
}

/* Add a warning for the worker. */
static void
letters_warn(struct job_letters *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void
letters_warn(struct job_letters *l, const char *fmt, ...)
{
	va_list ap;
	char *said;

	va_start(ap, fmt);
	said = xvasprintf(fmt, ap);
	va_end(ap);
	l->warnings = xreallocarray(l->warnings, l->nwarnings + 1,
	    sizeof *l->warnings);
	l->warnings[l->nwarnings++] = said;
}

/* Read and check the template the settings name, into *out. */
static int
letters_template(struct session *s, struct letter_template **out,
    struct job_result *r, char **cause)
{
	char *path, *text = NULL, *why = NULL;
	int set = *s->cfg.letters_template != '\0', rc = 0;

	*out = NULL;
	path = letter_template_path(s->cfg.letters_template);
	if (letter_template_read(path, &text, &why) != 0) {
		/* Someone who never installed caseload has nothing to
		 * reinstall: say both ways to give it a template. */
		xfail(cause, "%s; %s", why, set ? "check [letters] template "
		    "in your settings" : letter_template_installed(path) ?
		    "caseload's own template is not installed there: run "
		    "'make install' from where caseload was built, or set "
		    "[letters] template in your settings to a template of "
		    "your own" : "set [letters] template in your settings "
		    "to a template of your own");
		free(why);
		rc = set ? job_refuse(r, JOB_SETTING) : -1;
	} else if (letter_template_parse(text, path, out, cause) != 0)
		rc = job_refuse(r, JOB_SETTING);
	free(text);
	free(path);
	return rc;
}

/* The letter to row's young person, as it is written; the caller frees it. */
static char *
letters_fill(struct session *s, const struct letter_template *t,
    const struct letter_row *row)
{
	struct letter_values v;

	letter_values_set(&v, row->person, &s->cfg, row->letter.due, s->today);
	return letter_fill(t, &v);
}

/*
 * Check every letter's name in dir before writing any: one there
 * already, word for word, was written by an earlier run that was stopped
 * and is left as it is; any other file of that name stops it all.
 */
static int
letters_check_names(struct session *s, const struct letter_template *t,
    const struct letter_list *list, const char *dir, struct job_letters *l,
    struct job_result *r, char **cause)
{
	char *text, *why = NULL;
	size_t k;
	int rc;

	for (k = 0; k < list->n; k++) {
		text = letters_fill(s, t, &list->rows[k]);
		rc = letter_there(dir, l->letters[k].name, text, &why);
		free(text);
		if (rc == LETTER_NONE)
			continue;
		if (rc == LETTER_SAME) {
			l->letters[k].state = JOB_LETTER_THERE;
			l->there++;
			continue;
		}
		l->in_folder = 1;
		if (rc == LETTER_OTHER) {
			l->clash = l->letters[k].name;
			xfail(cause, "%s/%s already exists and is not the "
			    "letter caseload would write now; choose another "
			    "folder or move the old letters", dir,
			    l->letters[k].name);
			return job_refuse(r, JOB_FILE);
		}
		*cause = why;
		return target_bad_path(errno) ? job_refuse(r, JOB_FILE) : -1;
	}
	return 0;
}

/* Warn about a [worker] setting the template uses but is empty. */
static void
letters_warn_setting(struct job_letters *l, const struct letter_template *t,
    enum letter_field f, const char *value, const char *key)
{
	if (letter_template_uses(t, f) && text_is_blank(value))
		letters_warn(l, "[worker] %s is not set, so the letters have a "
		    "blank where {%s} goes; set it in your settings", key,
		    letter_field_name(f));
}

/* Warn about the blanks in the letter to row's young person, named name. */
static void
letters_warn_blanks(struct job_letters *l, const struct letter_template *t,
    const struct letter_row *row, const struct letter_values *v,
    const char *name)
{
	long id = row->person->id;

	if (letter_template_uses(t, LETTER_ADDRESS) &&
	    (row->person->address == NULL ||
	    text_is_blank(row->person->address)))
		letters_warn(l, "young person %ld has no address, so %s has a "
		    "blank for it: write it in by hand, or add it with "
		    "'caseload edit %ld --address TEXT' and write again", id,
		    name, id);
	if (letter_template_uses(t, LETTER_NEXT_LETTER_DATE) &&
	    v->next[0] == '\0')
		letters_warn(l, "young person %ld turns 25 before another "
		    "letter would fall due, so %s has a blank for "
		    "{next_letter_date}", id, name);
}

/*
 * Write the letters not there already into dir, each one's blanks warned
 * about first; it stops at the first that cannot be saved.
 */
static int
letters_write_each(struct session *s, const struct letter_template *t,
    const struct letter_list *list, const char *dir, struct job_letters *l,
    char **cause)
{
	const struct letter_row *row;
	struct letter_values v;
	char *text;
	size_t k;

	letters_warn_setting(l, t, LETTER_WORKER_NAME, s->cfg.worker_name,
	    "name");
	letters_warn_setting(l, t, LETTER_WORKER_PHONE, s->cfg.worker_phone,
	    "phone");
	letters_warn_setting(l, t, LETTER_WORKER_EMAIL, s->cfg.worker_email,
	    "email");
	letters_warn_setting(l, t, LETTER_OFFICE, s->cfg.worker_office,
	    "office");
	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		letter_values_set(&v, row->person, &s->cfg, row->letter.due,
		    s->today);
		letters_warn_blanks(l, t, row, &v, l->letters[k].name);
		if (l->letters[k].state == JOB_LETTER_THERE)
			continue;
		text = letter_fill(t, &v);
		if (letter_save(dir, l->letters[k].name, text, cause) != 0) {
			free(text);
			l->in_folder = 1;
			return -1;
		}
		free(text);
		l->letters[k].state = JOB_LETTER_WRITTEN;
		l->written++;
	}
	return 0;
}

int
job_letters_write(struct session *s, const char *dir, int days,
    struct job_letters *out, struct job_result *r, char **cause)
{
	struct letter_template *t = NULL;
	struct letter_list list;
	struct stat sb;
	size_t k;
	int rc = -1;

	job_init(r);
	memset(out, 0, sizeof *out);
	out->letters = NULL;
	out->warnings = NULL;
	out->clash = NULL;
	if (s->st == NULL)
		return xfail(cause, "the database is not open");
	if (*dir == '\0') {
		xfail(cause, "the folder is empty; give the folder to write "
		    "the letters in");
		return job_refuse(r, JOB_FILE);
	}
	/* Everything that can be wrong is checked before writing. */
	if (letters_template(s, &t, r, cause) != 0)
		return -1;
	if (views_letters(s->st, &s->cfg.rules, s->today, days, &list,
	    cause) != 0) {
		letter_template_free(t);
		return -1;
	}
	if (list.n == 0) {
		rc = 0;
		goto out;
	}
	out->n = list.n;
	out->letters = xcalloc(list.n, sizeof *out->letters);
	for (k = 0; k < list.n; k++) {
		out->letters[k].id = list.rows[k].person->id;
		out->letters[k].name = letter_file_name(list.rows[k].person,
		    s->today);
		out->letters[k].state = JOB_LETTER_LEFT;
	}
	if (stat(dir, &sb) != 0)
		out->made = 1;
	else if (S_ISDIR(sb.st_mode) &&
	    letters_check_names(s, t, &list, dir, out, r, cause) != 0)
		goto out;
	if (letter_make_dir(dir, cause) != 0) {
		out->in_folder = 1;
		goto out;
	}
	rc = letters_write_each(s, t, &list, dir, out, cause);
out:
	letter_list_free(&list);
	letter_template_free(t);
	return rc;
}

/* -------------------------------------------------------------- export */

static int
export_item(const struct agenda_entry *e, void *arg)
{
	return calendar_add(arg, e) != 0;
}

/*
 * The agenda of today to until, read from the store and written to f
 * item by item, so that memory stays small however long it is; *count
 * is the items written.  -1 with *cause when the database could not be
 * read or f written (then f holds an unfinished calendar).
 */
static int
export_calendar(FILE *f, struct session *s, date_t until,
    const struct calendar_options *opts, size_t *count, char **cause)
{
	struct calendar_writer *w;
	char *db_cause = NULL;
	int db_rc;

	*count = 0;
	if (calendar_begin(f, opts, &w, cause) != 0)
		return -1;
	db_rc = views_agenda_each(s->st, &s->cfg.rules, s->today, until,
	    export_item, w, &db_cause);
	if (calendar_end(w, count, cause) != 0) {
		free(db_cause);
		return -1;
	}
	if (db_rc != 0) {
		*cause = db_cause;
		return -1;
	}
	return 0;
}

int
job_export(struct session *s, const char *path, int days, int privacy,
    struct job_export *out, struct job_result *r, char **cause)
{
	struct calendar_options opts;
	struct job_calendar_state *cs = NULL;
	struct outfile *of = NULL;
	int rc;

	job_init(r);
	memset(out, 0, sizeof *out);
	if (days < 1 || days > CALENDAR_DAYS_MAX) {
		xfail(cause, "'%d' is not a whole number from 1 to %d", days,
		    CALENDAR_DAYS_MAX);
		return job_refuse(r, JOB_DATE);
	}
	calendar_options_init(&opts, &s->cfg, s->today, time(NULL));
	opts.privacy = privacy;
	/* Before the database, so that a bad path leaves nothing behind. */
	if (path != NULL && outfile_open(path, &of, cause) != 0) {
		out->error = errno;
		if (target_bad_path(out->error))
			return job_refuse(r, JOB_FILE);
		return -1;
	}
	if (job_open(s, r, cause) != 0) {
		outfile_abort(of);
		return -1;
	}
	/*
	 * Each item's SEQUENCE and LAST-MODIFIED as last recorded, bumped
	 * here when it has changed since; recorded once the file is
	 * written, when the database is open to write.
	 */
	if (job_calendar_state_load(s, opts.stamp, &cs, cause) != 0) {
		outfile_abort(of);
		return -1;
	}
	job_calendar_state_hook(cs, &opts);
	rc = export_calendar(of != NULL ? outfile_stream(of) : stdout, s,
	    s->today + days - 1, &opts, &out->items, cause);
	if (rc != 0) {
		if (of == NULL)
			clearerr(stdout);	/* said once is enough */
		outfile_abort(of);
		job_calendar_state_free(cs);
		return -1;
	}
	if (of != NULL && outfile_commit(of, cause) != 0) {
		job_calendar_state_free(cs);
		return -1;
	}
	rc = 0;
	if (of != NULL && s->access == SESSION_WRITES) {
		if (store_begin(s->st, cause) != 0 ||
		    job_calendar_state_save(s, cs, NULL, cause) != 0 ||
		    store_commit(s->st, cause) != 0) {
			store_rollback(s->st);
			rc = -1;
		}
	}
	job_calendar_state_free(cs);
	return rc;
}

/* --------------------------------------------------------------- print */

void
job_print_pages(struct session *s, const struct due_list *due,
    const struct letter_list *letters, const struct print_options *opt,
    struct job_print *p)
{
	memset(p, 0, sizeof *p);
	p->status = -1;
	if (due != NULL) {
		p->text = print_due(due, &s->cfg, s->today, opt, &p->pages);
		p->people = due->n;
	} else {
		p->text = print_letters(letters, &s->cfg, s->today, opt,
		    &p->pages);
		p->people = letters->n;
	}
	p->summary = NULL;
}

void
job_print_page(struct session *s, const char *title, const char *body,
    struct job_print *p)
{
	memset(p, 0, sizeof *p);
	p->status = -1;
	p->text = print_page(title, body, &s->cfg, s->today, &p->pages);
	p->people = 1;
	p->summary = NULL;
}

int
job_print(struct session *s, struct job_print *p,
    struct print_terminal *term, struct job_result *r, char **cause)
{
	const char *command = s->cfg.print_command;
	int rc;

	job_init(r);
	free(p->summary);
	p->summary = NULL;
	p->status = -1;
	if (text_is_blank(command)) {
		xfail(cause, "[letters] print_command is empty; set it in your "
		    "settings (for example: print_command = lpr)");
		return job_refuse(r, JOB_SETTING);
	}
	if (term == NULL)
		rc = print_run(command, p->text, &p->status, cause);
	else
		rc = print_run_screen(command, p->text, term, &p->status,
		    cause);
	if (rc != 0)
		return -1;
	p->summary = print_summary(p->pages, p->people, command);
	return 0;
}

void
job_print_free(struct job_print *p)
{
	free(p->text);
	free(p->summary);
	memset(p, 0, sizeof *p);
	p->text = NULL;
	p->summary = NULL;
}
