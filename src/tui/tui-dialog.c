/* SPDX-License-Identifier: MIT */
/*
 * tui-dialog.c: the small jobs, each a dialog over the screen beneath:
 * log a contact, step down or up, record a review, strike out a contact
 * (chosen from a pick list, then confirmed), and the question before
 * throwing typed text away.  Each gathers what was typed and calls the
 * job the command line calls too (job.h), which checks and writes it.
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

/* The young person a dialog is about, read when it opens. */
struct dialog {
	long			 id;
	struct person_facts	 facts;
	char			*name;		/* the name to call them by */
	enum status		 to;		/* step dialog */
	enum entry_kind		 kind;		/* strike dialog: what, */
	int			 number;	/* and its number */
	const char		*methods[METHOD_COUNT + 1];
};

static void
dialog_free(void *arg)
{
	struct dialog *d = arg;

	if (d != NULL)
		free(d->name);
	free(d);
}

/* Read someone for a dialog; NULL (after a message) if that fails. */
static struct dialog *
dialog_new(struct tui *t, long id)
{
	struct person *p = NULL;
	struct dialog *d;
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
	d = xcalloc(1, sizeof *d);
	d->id = id;
	d->facts = p->facts;
	/* Wherever they are named on screen, a safety flag's marker too. */
	d->name = xasprintf("%s%s", tui_flag_mark(t, p->flagged),
	    person_display_name(p));
	free(p);
	return d;
}

int
tui_dialog_date(struct tui *t, struct tui_form *f, size_t i, date_t *on)
{
	char *text = tui_form_value(f, i), *cause = NULL;
	int rc = 0;

	if (*text == '\0') {
		tui_form_error(f, i, "give a date, such as today or DD/MM/YYYY");
		rc = -1;
	} else if (date_parse(text, t->ses->today, on, &cause) != 0) {
		tui_form_error(f, i, cause);
		rc = -1;
	}
	free(cause);
	free(text);
	return rc;
}

int
tui_dialog_failed(struct tui *t, struct tui_form *f, int i,
    struct job_result *r, char **cause)
{
	const char *why = *cause != NULL ? *cause : "the database failed";

	if (r->refused && i >= 0)
		tui_form_error(f, (size_t)i, why);
	else if (r->refused)
		tui_error(t, "Nothing was saved: %s.", why);
	else
		tui_error(t, "Nothing was saved: %s", why);
	free(*cause);
	*cause = NULL;
	job_result_free(r);
	return -1;
}

/* "Next contact due 22/01/2027." after a job, from the row it left. */
static void
dialog_next_contact(const struct tui *t, const struct due_row *row,
    char *buf, size_t size)
{
	buf[0] = '\0';
	if (row->person == NULL || row->person->facts.status != STATUS_UP)
		return;
	if (row->contact.state == DUE_OVERDUE)
		snprintf(buf, size, " Next contact was due %s: overdue by %d "
		    "day%s.", session_date(t->ses, row->contact.due),
		    row->contact.days_overdue,
		    row->contact.days_overdue == 1 ? "" : "s");
	else
		snprintf(buf, size, " Next contact due %s.",
		    session_date(t->ses, row->contact.due));
}

/* ------------------------------------------------------ log a contact */

enum {
	CD_DATE, CD_METHOD, CD_BY, CD_ATTEMPTED, CD_NOTE, CD_PLACE, CD_SEEN,
	CD_AGREED, CD_WHO, CD_DUE, CD_COUNT
};

static const char *const dialog_place[] = {
	"not recorded", "home", "office", "college", "community", "online",
	NULL						/* enum contact_place */
};

static const char *const dialog_seen[] = {
	"not recorded", "yes", "no", NULL		/* enum seen_alone */
};

static const char *const dialog_by[] = {
	"the worker", "the young person", NULL		/* enum contact_by */
};

static const char *const dialog_attempted[] = {
	"no: we were in touch", "yes: no answer, not in", NULL
};

/*
 * A job's warning as a sentence of a message: its first letter a
 * capital when it is a lower-case ASCII letter ("no reason given" ->
 * "No reason given"); names start as they are.  Changes w in place.
 */
static char *
dialog_capital(char *w)
{
	if (w[0] >= 'a' && w[0] <= 'z')
		w[0] = (char)(w[0] - 'a' + 'A');
	return w;
}

/*
 * The action agreed at the contact, from the Agreed, Who and Due fields,
 * into *a (its strings owned by the form's copies in text and who): 0
 * with *n 0 when Agreed is blank, 0 with *n 1, or -1 after an error
 * beside its field.
 */
static int
contact_agreed(struct tui *t, struct tui_form *f, struct action *a,
    char **text, char **who, size_t *n)
{
	const char *p;

	*n = 0;
	*text = tui_form_value(f, CD_AGREED);
	*who = tui_form_value(f, CD_WHO);
	for (p = *text; *p == ' '; p++)
		;
	if (*p == '\0')
		return 0;
	memset(a, 0, sizeof *a);
	a->text = *text;
	for (p = *who; *p == ' '; p++)
		;
	a->who = *p != '\0' ? *who : NULL;
	if (tui_dialog_date(t, f, CD_DUE, &a->due_on) != 0)
		return -1;
	*n = 1;
	return 0;
}

static int
contact_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct dialog *d = arg;
	struct job_result r;
	struct contact c;
	struct action a;
	char *note, *cause = NULL, next[128], *text, *who, agreed[64];
	size_t n;
	int rc;

	memset(&c, 0, sizeof c);
	c.person_id = d->id;
	if (tui_dialog_date(t, f, CD_DATE, &c.on) != 0)
		return -1;
	c.method = (enum contact_method)tui_form_choice(f, CD_METHOD);
	c.by = tui_form_choice(f, CD_BY) == 0 ? BY_WORKER : BY_YOUNG_PERSON;
	c.attempted = tui_form_choice(f, CD_ATTEMPTED);
	c.place = (enum contact_place)tui_form_choice(f, CD_PLACE);
	c.seen_alone = (enum seen_alone)tui_form_choice(f, CD_SEEN);
	if (contact_agreed(t, f, &a, &text, &who, &n) != 0) {
		free(text);
		free(who);
		return -1;
	}
	note = tui_form_value(f, CD_NOTE);
	c.note = *note != '\0' ? note : NULL;
	rc = job_contact_agreed(t->ses, &c, &a, n, &r, &cause);
	free(note);
	free(text);
	free(who);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_NOTE ? CD_NOTE :
		    r.field == JOB_DATE ? CD_DATE : r.field == JOB_ACTION ?
		    CD_AGREED : r.field == JOB_DOER ? CD_WHO :
		    r.field == JOB_DUE ? CD_DUE : -1, &r, &cause);
	tui_changed(t);
	agreed[0] = '\0';
	if (n == 1)
		snprintf(agreed, sizeof agreed, " Agreed action A%d, due %s.",
		    a.number, session_date(t->ses, a.due_on));
	if (c.attempted) {
		tui_message(t, "Logged contact %d: attempted %s with %s on %s; "
		    "it does not reset the clock.%s%s%s", c.number,
		    contact_method_name(c.method), d->name,
		    session_date(t->ses, c.on), r.warning != NULL ? " " : "",
		    r.warning != NULL ? dialog_capital(r.warning) : "",
		    r.warning != NULL ? "." : "");
		job_result_free(&r);
		return 0;
	}
	dialog_next_contact(t, &r.row, next, sizeof next);
	/* Someone archived: logged, and said so. */
	tui_message(t, "Logged contact %d: %s with %s on %s.%s%s%s%s",
	    c.number, contact_method_name(c.method), d->name,
	    session_date(t->ses, c.on), agreed, r.warning != NULL ? " " : next,
	    r.warning != NULL ? dialog_capital(r.warning) : "",
	    r.warning != NULL ? "." : "");
	job_result_free(&r);
	return 0;
}

void
tui_contact_dialog(struct tui *t, long id)
{
	struct dialog *d = dialog_new(t, id);
	struct tui_field_spec specs[CD_COUNT] = {
		{ "Date", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today", 0 },
		/* The choices, which are never wrong, share error rows, so
		 * that the dialog fits at 80x24 with the note's box. */
		{ "Method", FIELD_CHOICE, 10, 0, NULL,
		  "Left/Right or a letter", 1 },
		{ "Started by", FIELD_CHOICE, 18, 0, dialog_by, NULL, 1 },
		{ "Attempted", FIELD_CHOICE, 24, 0, dialog_attempted, NULL, 1 },
		{ "Note", FIELD_LINES, 54, CHECK_NOTE_MAX, NULL, NULL, 0 },
		{ "Where", FIELD_CHOICE, 14, 0, dialog_place, NULL, 1 },
		{ "Seen alone", FIELD_CHOICE, 14, 0, dialog_seen, NULL, 1 },
		/* One action agreed, if any; its errors share one row. */
		{ "Agreed", FIELD_TEXT, 54, ACTION_TEXT_MAX, NULL, NULL, 1 },
		{ "Who", FIELD_TEXT, 20, ACTION_WHO_MAX, NULL,
		  "blank: worker", 1 },
		{ "Due", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY", 0 },
	};
	const char *values[CD_COUNT] = { NULL };
	char today[64], *title, *intro, *cause = NULL;
	int i, alone = 0;

	if (d == NULL)
		return;
	if (job_flag_current(t->ses, id, FLAG_ALONE, &alone, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		dialog_free(d);
		return;
	}
	for (i = 0; i < METHOD_COUNT; i++)
		d->methods[i] = contact_method_name((enum contact_method)i);
	d->methods[METHOD_COUNT] = NULL;
	specs[CD_METHOD].choices = d->methods;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[CD_DATE] = today;
	values[CD_METHOD] = contact_method_name(METHOD_PHONE);
	title = xasprintf("Log a contact with %s", d->name);
	intro = xasprintf("%sAn attempted contact (no answer, not in) is "
	    "kept in the log but does not reset the contact clock.", alone ?
	    "WARNING: do not visit alone (a safety flag). " : "");
	tui_form_open(t, title, intro, specs, CD_COUNT, values, 1, "save",
	    contact_save, d, dialog_free);
	free(intro);
	free(title);
}

/* ------------------------------------------------------- step down/up */

enum { SD_DATE, SD_REASON, SD_COUNT };

static int
step_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct dialog *d = arg;
	struct job_result r;
	char *reason, *cause = NULL, next[128];
	date_t on = DATE_NONE;
	int rc;

	if (tui_dialog_date(t, f, SD_DATE, &on) != 0)
		return -1;
	reason = tui_form_value(f, SD_REASON);
	rc = job_status(t->ses, d->id, d->to, on, *reason != '\0' ? reason :
	    NULL, &r, &cause);
	free(reason);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_REASON ?
		    SD_REASON : r.field == JOB_DATE ? SD_DATE : -1, &r, &cause);
	tui_changed(t);
	if (d->to == STATUS_DOWN) {
		if (r.row.letter.state != DUE_NONE)
			snprintf(next, sizeof next, " First annual letter due %s.",
			    session_date(t->ses, r.row.letter.due));
		else
			snprintf(next, sizeof next, " No annual letter: they turn "
			    "25 first.");
		/* Overdue, or no reason: said after, and the step done. */
		tui_message(t, "Stepped down %s on %s.%s%s%s%s", d->name,
		    session_date(t->ses, on), next, r.warning != NULL ? " " : "",
		    r.warning != NULL ? dialog_capital(r.warning) : "",
		    r.warning != NULL ? "." : "");
	} else {
		dialog_next_contact(t, &r.row, next, sizeof next);
		tui_message(t, "Stepped up %s on %s.%s", d->name,
		    session_date(t->ses, on), next);
	}
	job_result_free(&r);
	return 0;
}

void
tui_step_dialog(struct tui *t, long id)
{
	struct dialog *d = dialog_new(t, id);
	static const struct tui_field_spec specs[SD_COUNT] = {
		{ "Date", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today", 0 },
		{ "Reason", FIELD_TEXT, 50, CHECK_REASON_MAX, NULL, NULL, 0 },
	};
	const char *values[SD_COUNT] = { NULL };
	char today[64], *title;

	if (d == NULL)
		return;
	d->to = d->facts.status == STATUS_UP ? STATUS_DOWN : STATUS_UP;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[SD_DATE] = today;
	if (d->to == STATUS_DOWN)
		title = xasprintf("Step down %s", d->name);
	else
		title = xasprintf("Step up %s", d->name);
	tui_form_open(t, title, d->to == STATUS_DOWN ? "They stay known to "
	    "the service and get an annual letter; s steps them up again at "
	    "any time." : "They have the full service again, with regular "
	    "contact.", specs, SD_COUNT, values, 1, d->to == STATUS_DOWN ?
	    "step down" : "step up", step_save, d, dialog_free);
	free(title);
}

/* -------------------------------------------------------------- review */

static int
review_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct dialog *d = arg;
	struct job_result r;
	char *cause = NULL, next[128];
	date_t on = DATE_NONE;

	if (tui_dialog_date(t, f, 0, &on) != 0)
		return -1;
	if (job_review(t->ses, d->id, on, &r, &cause) != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ? 0 : -1, &r,
		    &cause);
	tui_changed(t);
	next[0] = '\0';
	if (r.row.review.state != DUE_NONE)
		snprintf(next, sizeof next, " Next review due %s.",
		    session_date(t->ses, r.row.review.due));
	tui_message(t, "Recorded a pathway plan review for %s on %s.%s",
	    d->name, session_date(t->ses, on), next);
	job_result_free(&r);
	return 0;
}

void
tui_review_dialog(struct tui *t, long id)
{
	struct dialog *d = dialog_new(t, id);
	static const struct tui_field_spec specs[] = {
		{ "Date", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today", 0 },
	};
	const char *values[1];
	char today[64], *title;

	if (d == NULL)
		return;
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[0] = today;
	title = xasprintf("Pathway plan review for %s", d->name);
	tui_form_open(t, title, "The date the pathway plan was reviewed.",
	    specs, 1, values, 1, "save", review_save, d, dialog_free);
	free(title);
}

/* ---------------------------------------------------------- strike out */

/* One entry that can be struck out: a contact, letter or review. */
struct strike_choice {
	enum entry_kind	 kind;
	struct contact	*contact;	/* a contact */
	struct entry	*entry;		/* a letter or review */
};

struct strike {
	long			 person_id;
	char			*name;
	struct strike_choice	*choices;	/* not struck out yet: contacts,
						 * letters, reviews, newest
						 * first */
	size_t			 n;
};

static void
strike_free(void *arg)
{
	struct strike *s = arg;
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->choices[i].contact);
		free(s->choices[i].entry);
	}
	free(s->choices);
	free(s->name);
	free(s);
}

static struct strike_choice *
strike_add(struct strike *s, enum entry_kind kind)
{
	struct strike_choice *ch;

	s->choices = xreallocarray(s->choices, s->n + 1, sizeof *s->choices);
	ch = &s->choices[s->n++];
	memset(ch, 0, sizeof *ch);
	ch->kind = kind;
	return ch;
}

static int
strike_collect(const struct contact *c, void *arg)
{
	if (c->struck_on == DATE_NONE)
		strike_add(arg, ENTRY_CONTACT)->contact = contact_copy(c);
	return 0;
}

static int
strike_collect_entry(const struct entry *e, void *arg)
{
	if (e->struck_on == DATE_NONE)
		strike_add(arg, e->kind)->entry = entry_copy(e);
	return 0;
}

/* What is due now of the kind struck out, after a space; or nothing. */
static void
strike_next(const struct tui *t, enum entry_kind kind,
    const struct due_row *row, char *buf, size_t size)
{
	const struct rules_due *due;
	const char *what;

	if (kind == ENTRY_CONTACT) {
		dialog_next_contact(t, row, buf, size);
		return;
	}
	buf[0] = '\0';
	due = kind == ENTRY_LETTER ? &row->letter : &row->review;
	what = kind == ENTRY_LETTER ? "letter" : "review";
	if (due->state == DUE_OVERDUE)
		snprintf(buf, size, " Next %s was due %s: overdue by %d day%s.",
		    what, session_date(t->ses, due->due), due->days_overdue,
		    due->days_overdue == 1 ? "" : "s");
	else if (due->state != DUE_NONE)
		snprintf(buf, size, " Next %s due %s.", what,
		    session_date(t->ses, due->due));
}

/*
 * The actions agreed at a struck contact that stay open, " Its agreed
 * actions A1, A2 stay open: T closes them.", into buf; empty for none.
 */
static void
strike_actions_open(const char *list, char *buf, size_t size)
{
	buf[0] = '\0';
	if (list != NULL && strchr(list, ',') == NULL)
		snprintf(buf, size, " Its agreed action %s stays open: T closes "
		    "it.", list);
	else if (list != NULL)
		snprintf(buf, size, " Its agreed actions %s stay open: T closes "
		    "them.", list);
}

static int
strike_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct dialog *d = arg;
	struct job_result r;
	char *reason, *cause = NULL, next[128], what[16], open[128];
	int rc;

	reason = tui_form_value(f, 0);
	rc = job_strike(t->ses, d->id, d->kind, d->number, *reason != '\0' ?
	    reason : NULL, &r, &cause);
	free(reason);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_REASON ? 0 : -1,
		    &r, &cause);
	tui_changed(t);
	strike_next(t, d->kind, &r.row, next, sizeof next);
	entry_format(d->kind, d->number, what, sizeof what);
	strike_actions_open(r.actions_open, open, sizeof open);
	tui_message(t, "Struck out %s's %s %s; it stays in the record, marked "
	    "struck out.%s%s", d->name, entry_kind_name(d->kind), what, next,
	    open);
	job_result_free(&r);
	return 0;
}

/* Something was chosen: ask to confirm, with a reason. */
static int
strike_chosen(struct tui *t, size_t chosen, void *arg)
{
	struct strike *s = arg;
	static const struct tui_field_spec specs[] = {
		{ "Reason", FIELD_TEXT, 50, CHECK_REASON_MAX, NULL,
		  NULL, 0 },
	};
	const struct strike_choice *ch;
	const struct contact *c;
	struct dialog *d;
	char *title, *intro, what[16];

	if (chosen >= s->n)
		return TUI_DONE;
	ch = &s->choices[chosen];
	d = xcalloc(1, sizeof *d);
	d->id = s->person_id;
	d->name = xstrdup(s->name);
	d->kind = ch->kind;
	d->number = ch->contact != NULL ? ch->contact->number :
	    ch->entry->number;
	entry_format(d->kind, d->number, what, sizeof what);
	title = xasprintf("Strike out %s's %s %s?", s->name,
	    entry_kind_name(d->kind), what);
	if ((c = ch->contact) != NULL)
		intro = xasprintf("Contact %s with %s on %s: %s%s, started by "
		    "%s. It stays in the log, marked struck out, and no longer "
		    "counts. Say why (optional), then press Enter to strike it "
		    "out, or Esc to keep it.", what, s->name,
		    session_date(t->ses, c->on), c->attempted ? "attempted " :
		    "", contact_method_name(c->method),
		    c->by == BY_WORKER ? "the worker" : "the young person");
	else
		intro = xasprintf("%s %s %s %s, recorded as %s on %s. It stays "
		    "in the record, marked struck out, and no longer counts: "
		    "the next %s falls due as if it had not been recorded. Say "
		    "why (optional), then press Enter to strike it out, or Esc "
		    "to keep it.", d->kind == ENTRY_LETTER ? "Annual letter" :
		    "Pathway plan review", what, d->kind == ENTRY_LETTER ?
		    "to" : "of", s->name, d->kind == ENTRY_LETTER ? "sent" :
		    "held", session_date(t->ses, ch->entry->on),
		    entry_kind_name(d->kind));
	tui_form_open(t, title, intro, specs, 1, NULL, 1, "strike it out",
	    strike_save, d, dialog_free);
	free(title);
	free(intro);
	return TUI_DRAW;
}

/* A note of several lines on one, its lines joined by " / ", made safe. */
static char *
dialog_one_line(const char *note)
{
	char *joined = xmalloc(strlen(note) * 3 + 1), *out = joined, *safe;

	for (; *note != '\0'; note++) {
		if (*note == '\n') {
			memcpy(out, " / ", 3);
			out += 3;
		} else
			*out++ = *note;
	}
	*out = '\0';
	safe = text_escape(joined, 0);
	free(joined);
	return safe;
}

void
tui_strike_dialog(struct tui *t, long id)
{
	struct dialog *d = dialog_new(t, id);
	struct strike *s;
	const struct strike_choice *ch;
	char **labels, *cause = NULL, *note, *title, what[16];
	size_t i;

	if (d == NULL)
		return;
	s = xcalloc(1, sizeof *s);
	s->person_id = id;
	s->name = d->name;
	d->name = NULL;
	dialog_free(d);
	if (store_contacts_each(t->ses->st, id, strike_collect, s,
	    &cause) != 0 ||
	    store_letters_each(t->ses->st, id, strike_collect_entry, s,
	    &cause) != 0 ||
	    store_reviews_each(t->ses->st, id, strike_collect_entry, s,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		strike_free(s);
		return;
	}
	if (s->n == 0) {
		tui_error(t, "There is no contact, letter or review to strike "
		    "out in this record.");
		strike_free(s);
		return;
	}
	labels = xcalloc(s->n, sizeof *labels);
	for (i = 0; i < s->n; i++) {
		ch = &s->choices[i];
		if (ch->contact != NULL) {
			entry_format(ENTRY_CONTACT, ch->contact->number, what,
			    sizeof what);
			note = ch->contact->note != NULL ?
			    dialog_one_line(ch->contact->note) : NULL;
			labels[i] = xasprintf("%-6s %-10s  %-6s %s%s", what,
			    session_date(t->ses, ch->contact->on),
			    contact_method_name(ch->contact->method),
			    ch->contact->attempted ? "(attempted) " : "",
			    note != NULL ? note : "");
			free(note);
			continue;
		}
		entry_format(ch->kind, ch->entry->number, what, sizeof what);
		labels[i] = xasprintf("%-6s %-10s  %s", what,
		    session_date(t->ses, ch->entry->on),
		    ch->kind == ENTRY_LETTER ? "annual letter sent" :
		    "pathway plan review");
	}
	title = xasprintf("Strike out which of %s's entries?", s->name);
	tui_pick_open(t, title, (const char *const *)labels, s->n, 0,
	    strike_chosen, s, strike_free);
	free(title);
	for (i = 0; i < s->n; i++)
		free(labels[i]);
	free(labels);
}

/* ------------------------------------------------- annual letter sent */

static int
letter_sent_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct dialog *d = arg;
	struct job_result r;
	char *cause = NULL, next[128];
	date_t on = DATE_NONE;

	if (tui_dialog_date(t, f, 0, &on) != 0)
		return -1;
	/* About the date beside it; about them on the status line. */
	if (job_letter_sent(t->ses, d->id, on, &r, &cause) != 0)
		return tui_dialog_failed(t, f, r.field == JOB_DATE ? 0 : -1, &r,
		    &cause);
	tui_changed(t);
	if (r.row.letter.state == DUE_NONE)
		snprintf(next, sizeof next, "no more: they turn 25 first");
	else if (r.row.letter.state == DUE_OVERDUE)
		snprintf(next, sizeof next, "the next was due %s",
		    session_date(t->ses, r.row.letter.due));
	else
		snprintf(next, sizeof next, "next letter due %s",
		    session_date(t->ses, r.row.letter.due));
	tui_message(t, "Recorded the letter to %s sent %s; %s.", d->name,
	    session_date(t->ses, on), next);
	job_result_free(&r);
	return 0;
}

void
tui_letter_sent_dialog(struct tui *t, long id)
{
	struct dialog *d = dialog_new(t, id);
	static const struct tui_field_spec specs[] = {
		{ "Date sent", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY, or today",
		  0 },
	};
	const char *values[1];
	char today[64], *title, *intro;

	if (d == NULL)
		return;
	if (d->facts.status != STATUS_DOWN) {
		tui_error(t, "%s is %s: annual letters are for young people who "
		    "have stepped down (c logs a letter as a contact).", d->name,
		    person_status_label(d->facts.status));
		dialog_free(d);
		return;
	}
	tui_date_input(t, t->ses->today, today, sizeof today);
	values[0] = today;
	title = xasprintf("Annual letter sent to %s", d->name);
	intro = xasprintf("They stepped down on %s. Give the day the letter "
	    "was posted; the next one falls due %d months after it.",
	    session_date(t->ses, d->facts.status_since),
	    t->ses->cfg.rules.letter_months);
	tui_form_open(t, title, intro, specs, 1, values, 1, "record it",
	    letter_sent_save, d, dialog_free);
	free(title);
	free(intro);
}

/* ------------------------------------------------------------- archive */

static int
archive_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct dialog *d = arg;
	struct job_result r;
	char *reason, *cause = NULL;
	int rc;

	reason = tui_form_value(f, 0);
	rc = job_status(t->ses, d->id, STATUS_ARCHIVED, t->ses->today,
	    *reason != '\0' ? reason : NULL, &r, &cause);
	free(reason);
	if (rc != 0)
		return tui_dialog_failed(t, f, r.field == JOB_REASON ? 0 : -1,
		    &r, &cause);
	job_result_free(&r);
	tui_changed(t);
	tui_message(t, "Archived %s on %s; their record is kept (f shows the "
	    "archived) and s steps them up again.", d->name,
	    session_date(t->ses, t->ses->today));
	return 0;
}

void
tui_archive_dialog(struct tui *t, long id)
{
	struct dialog *d = dialog_new(t, id);
	static const struct tui_field_spec specs[] = {
		{ "Reason", FIELD_TEXT, 50, CHECK_REASON_MAX, NULL,
		  NULL, 0 },
	};
	char *title, *intro, *cause = NULL;
	enum stage stage;

	if (d == NULL)
		return;
	if (check_status_change(&d->facts, STATUS_ARCHIVED, t->ses->today,
	    t->ses->today, NULL, &cause) != 0) {
		tui_error(t, "Cannot archive %s: %s.", d->name, cause);
		free(cause);
		dialog_free(d);
		return;
	}
	stage = rules_stage(d->facts.dob, t->ses->today);
	title = xasprintf("Archive %s (number %ld)?", d->name, id);
	intro = xasprintf("%sArchiving takes them off your caseload (25 or "
	    "over, moved away, handed over); their record is kept and s steps "
	    "them up again. Say why (optional), then press Enter to archive, "
	    "or Esc to keep them.", stage == STAGE_25_PLUS ? "They are 25 or "
	    "over: their leaving care entitlement has ended. " : "");
	tui_form_open(t, title, intro, specs, 1, NULL, 1, "archive",
	    archive_save, d, dialog_free);
	free(title);
	free(intro);
}

/* ------------------------------------------------------------ questions */

struct confirm {
	char		*title;
	char		*question;
	char		*answers;
	int		 initials;
	tui_ask_cb	 cb;
	void		*arg;
	void		(*free_arg)(void *);
	WINDOW		*win;
	int		 lines;		/* of the question */
};

#define CONFIRM_LINES_MAX 4

static void
confirm_count(const char *line, void *arg)
{
	int *n = arg;

	(void)line;
	(*n)++;
}

static void
confirm_place(struct confirm *c)
{
	int w = COLS - 8 < 64 ? COLS - 8 : 64, h;

	c->lines = 0;
	tui_wrap(c->question, w - 4, confirm_count, &c->lines);
	if (c->lines > CONFIRM_LINES_MAX)
		c->lines = CONFIRM_LINES_MAX;
	h = 5 + c->lines;
	c->win = tui_window(h, w, (LINES - h) / 2, (COLS - w) / 2);
}

struct confirm_line {
	struct confirm	*c;
	int		 n;
};

static void
confirm_line(const char *line, void *arg)
{
	struct confirm_line *cl = arg;

	if (cl->n < cl->c->lines)
		tui_put(cl->c->win, 2 + cl->n, 2, getmaxx(cl->c->win) - 4,
		    A_BOLD, line);
	cl->n++;
}

static void
confirm_draw(struct tui *t, struct tui_screen *s)
{
	struct confirm *c = s->data;
	struct confirm_line cl = { c, 0 };
	int w = getmaxx(c->win);
	char *title;

	(void)t;
	werase(c->win);
	box(c->win, 0, 0);
	title = xasprintf(" %s ", c->title);
	tui_put(c->win, 0, 2, text_width(title) < w - 4 ? text_width(title) :
	    w - 4, A_BOLD, title);
	free(title);
	tui_wrap(c->question, w - 4, confirm_line, &cl);
	tui_put(c->win, 3 + c->lines, 2, w - 4, A_NORMAL, c->answers);
	s->frame = c->win;
	s->input = c->win;
	s->cursor = 0;
}

static int
confirm_key(struct tui *t, struct tui_screen *s, int key)
{
	struct confirm *c = s->data;
	enum tui_action answer = tui_key_action(key, TUI_ON_CONFIRM);

	switch (answer) {
	case TUI_INITIALS:
		if (!c->initials)
			return TUI_DONE;
		/* FALLTHROUGH */
	case TUI_YES:
		return (c->cb(t, answer, c->arg) & ~TUI_PASS) | TUI_CLOSE |
		    TUI_DRAW;
	case TUI_NO:
		return TUI_CLOSE | TUI_DRAW;
	default:
		return TUI_DONE;
	}
}

static void
confirm_resize(struct tui *t, struct tui_screen *s)
{
	struct confirm *c = s->data;

	(void)t;
	delwin(c->win);
	confirm_place(c);
}

static void
confirm_free(struct tui_screen *s)
{
	struct confirm *c = s->data;

	if (c == NULL)
		return;
	if (c->win != NULL)
		delwin(c->win);
	if (c->free_arg != NULL)
		c->free_arg(c->arg);
	free(c->title);
	free(c->question);
	free(c->answers);
	free(c);
}

static const struct tui_screen_ops confirm_ops = {
	"confirm", TUI_ON_CONFIRM, 1, confirm_draw, confirm_key, confirm_resize,
	confirm_free
};

void
tui_ask(struct tui *t, const char *title, const char *question,
    const char *answers, int initials, tui_ask_cb cb, void *arg,
    void (*free_arg)(void *))
{
	struct confirm *c = xcalloc(1, sizeof *c);

	c->title = xstrdup(title);
	c->question = xstrdup(question);
	c->answers = xstrdup(answers);
	c->initials = initials;
	c->cb = cb;
	c->arg = arg;
	c->free_arg = free_arg;
	confirm_place(c);
	tui_push(t, &confirm_ops, c);
}

/* Yes, throw it away: close the form beneath too. */
static int
confirm_discard_yes(struct tui *t, enum tui_action answer, void *arg)
{
	(void)t;
	(void)answer;
	(void)arg;
	return TUI_CLOSE_BELOW;
}

void
tui_confirm_discard(struct tui *t, const char *question)
{
	tui_ask(t, "Are you sure?", question, "y: yes, throw it away    "
	    "n or Esc: no, go back to it", 0, confirm_discard_yes, NULL, NULL);
}
