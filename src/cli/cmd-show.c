/* SPDX-License-Identifier: MIT */
/*
 * cmd-show.c: caseload show: one young person's whole record.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cause.h"
#include "cli.h"
#include "returns.h"
#include "rules.h"
#include "tempfile.h"
#include "text.h"
#include "views.h"
#include "xmalloc.h"

#define SHOW_LABEL "  %-16s"

/* The column a label's text starts at, and a note's. */
#define SHOW_FIELD_COL 18
#define SHOW_NOTE_COL 9

/* Print text after a label, wrapped under its first column. */
static void
show_field(FILE *out, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	fprintf(out, SHOW_LABEL, label);
	cli_fprint_wrapped(out, SHOW_FIELD_COL, value);
}

static void
show_due(FILE *out, struct cli *cli, const char *label,
    const struct rules_due *due, int attempts)
{
	char when[64], tries[64];

	if (due->state == DUE_NONE)
		return;
	if (due->state == DUE_OVERDUE)
		cli_fcolour_on(out, cli, COLOUR_RED);
	else if (due->state == DUE_SOON)
		cli_fcolour_on(out, cli, COLOUR_YELLOW);
	rows_due_words(due, cli->ses.today, when, sizeof when);
	rows_attempts_words(attempts, tries, sizeof tries);
	fprintf(out, SHOW_LABEL "%-10s  %s%s%s", label, cli_date(cli, due->due), when,
	    *tries != '\0' ? ", " : "", tries);
	cli_fcolour_off(out, cli);
	putc('\n', out);
}

/* Their statutory visit clock, when they have one, and why it is due. */
static int
show_visit(FILE *out, struct cli *cli, const struct person *p, char **cause)
{
	struct rules_due visit;
	enum visit_reason why;

	if (p->facts.status == STATUS_ARCHIVED)
		return 0;
	if (job_visit_due(&cli->ses, p, &visit, &why, cause) != 0)
		return -1;
	show_due(out, cli, "Statutory visit", &visit, 0);
	if (visit.state != DUE_NONE)
		fprintf(out, SHOW_LABEL "%s\n", "", visit_reason_words(why));
	return 0;
}

/* Where the record is being written, for the rows' callbacks. */
struct show {
	struct cli	*cli;
	struct store	*st;
	FILE		*out;
	int		 n;		/* rows of the part so far */
};

static int
show_status(const struct status_change *s, void *arg)
{
	struct show *sh = arg;
	struct cli *cli = sh->cli;
	FILE *out = sh->out;
	char *start;

	start = xasprintf("  %-10s  %-12s  ", cli_date(cli, s->on),
	    person_status_label(s->status));
	fputs(start, out);
	cli_fprint_wrapped(out, text_width(start), s->reason != NULL ? s->reason :
	    "");
	free(start);
	return 0;
}

static int
show_contact(const struct contact *c, void *arg)
{
	struct show *sh = arg;
	struct cli *cli = sh->cli;
	FILE *out = sh->out;
	char number[16], *text;

	entry_format(ENTRY_CONTACT, c->number, number, sizeof number);
	if (c->struck_on != DATE_NONE)
		cli_fcolour_on(out, cli, COLOUR_DIM);
	fprintf(out, "  %-6s %-10s  %-6s  by %s%s%s%s%s", number,
	    cli_date(cli, c->on), contact_method_name(c->method),
	    c->by == BY_WORKER ? "the worker" : "the young person",
	    c->place != PLACE_NONE ? ", at " : "", contact_place_name(c->place),
	    c->seen_alone == SEEN_ALONE_YES ? ", seen alone" :
	    c->seen_alone == SEEN_ALONE_NO ? ", not seen alone" : "",
	    c->attempted ? ", attempted: no contact made" : "");
	putc('\n', out);
	if (c->struck_on != DATE_NONE) {
		text = xasprintf("STRUCK OUT on %s%s%s",
		    cli_date(cli, c->struck_on),
		    c->struck_reason != NULL ? ": " : "",
		    c->struck_reason != NULL ? c->struck_reason : "");
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		cli_fprint_wrapped(out, SHOW_NOTE_COL, text);
		free(text);
	}
	if (c->note != NULL) {
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		cli_fprint_wrapped(out, SHOW_NOTE_COL, c->note);
	}
	cli_fcolour_off(out, cli);
	return 0;
}

/* One line under a flag, at the note's column, wrapped. */
static void
show_flag_line(FILE *out, char *text)
{
	fprintf(out, "%*s", SHOW_NOTE_COL, "");
	cli_fprint_wrapped(out, SHOW_NOTE_COL, text);
	free(text);
}

/* A note a flag had before: "was: ... (date, by name)". */
static int
show_flag_note(const struct flag_note *n, void *arg)
{
	struct show *sh = arg;
	struct cli *cli = sh->cli;
	FILE *out = sh->out;

	show_flag_line(out, xasprintf("was: %s (%s%s%s)",
	    n->note != NULL ? n->note : "no note", cli_date(cli, n->on),
	    n->by != NULL ? ", by " : "", n->by != NULL ? n->by : ""));
	return 0;
}

/* One safety flag: its number, kind, date and note; ended ones marked. */
static int
show_flag(const struct flag *f, void *arg)
{
	struct show *sf = arg;
	struct cli *cli = sf->cli;
	FILE *out = sf->out;
	char number[16], *text, *start, *cause = NULL;

	/* The title only for someone with flags: most have none. */
	if (sf->n++ == 0)
		fprintf(out, "\nSafety flags (numbered for 'caseload flag %ld "
		    "--end N')\n", f->person_id);
	snprintf(number, sizeof number, "F%d", f->number);
	if (f->ended_on != DATE_NONE)
		cli_fcolour_on(out, cli, COLOUR_DIM);
	else
		cli_fcolour_on(out, cli, COLOUR_RED);
	start = xasprintf("  %-6s %-10s  ", number, cli_date(cli, f->set_on));
	fputs(start, out);
	text = xasprintf("%s%s%s", flag_kind_label(f->kind),
	    f->note != NULL ? ": " : "", f->note != NULL ? f->note : "");
	cli_fprint_wrapped(out, text_width(start), text);
	free(text);
	if (f->set_by != NULL)
		show_flag_line(out, xasprintf("set by %s", f->set_by));
	if (store_flag_notes_each(sf->st, f->id, show_flag_note, sf,
	    &cause) != 0) {
		show_flag_line(out,
		    xstrdup("(its earlier notes could not be read)"));
		free(cause);
	}
	if (f->ended_on != DATE_NONE) {
		show_flag_line(out, xasprintf("ENDED on %s%s%s%s%s%s",
		    cli_date(cli, f->ended_on),
		    f->ended_reason != NULL ? ": " : "",
		    f->ended_reason != NULL ? f->ended_reason : "",
		    f->ended_by != NULL ? " (by " : "",
		    f->ended_by != NULL ? f->ended_by : "",
		    f->ended_by != NULL ? ")" : ""));
	}
	cli_fcolour_off(out, cli);
	free(start);
	return 0;
}

/* One note about them: number, date, the text wrapped; struck ones dim. */
static int
show_note(const struct around_note *n, void *arg)
{
	struct show *sf = arg;
	struct cli *cli = sf->cli;
	FILE *out = sf->out;
	char number[16], *text;

	if (sf->n++ == 0)
		fprintf(out, "\nNotes, newest first ('caseload strike %ld N1' strikes "
		    "out N1)\n", n->person_id);
	snprintf(number, sizeof number, "N%d", n->number);
	if (n->struck_on != DATE_NONE)
		cli_fcolour_on(out, cli, COLOUR_DIM);
	fprintf(out, "  %-6s %s\n", number, cli_date(cli, n->on));
	if (n->struck_on != DATE_NONE) {
		text = xasprintf("STRUCK OUT on %s%s%s",
		    cli_date(cli, n->struck_on),
		    n->struck_reason != NULL ? ": " : "",
		    n->struck_reason != NULL ? n->struck_reason : "");
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		cli_fprint_wrapped(out, SHOW_NOTE_COL, text);
		free(text);
	}
	fprintf(out, "%*s", SHOW_NOTE_COL, "");
	cli_fprint_wrapped(out, SHOW_NOTE_COL, n->text);
	cli_fcolour_off(out, cli);
	return 0;
}

/* One row of where they have lived: number, date, type; then the address. */
static int
show_accommodation(const struct accommodation *a, void *arg)
{
	struct show *sf = arg;
	struct cli *cli = sf->cli;
	FILE *out = sf->out;
	char number[16], *text;

	if (sf->n++ == 0)
		fprintf(out, "\nAccommodation, newest first ('caseload strike "
		    "%ld M1' strikes out M1)\n", a->person_id);
	snprintf(number, sizeof number, "M%d", a->number);
	if (a->struck_on != DATE_NONE)
		cli_fcolour_on(out, cli, COLOUR_DIM);
	text = xasprintf("%s%s; suitable: %s", accommodation_type_label(a->type),
	    a->provided_by_la ? ", provided by the local authority" : "",
	    accommodation_suitable_word(a->suitable));
	fprintf(out, "  %-6s %s  ", number, cli_date(cli, a->from));
	cli_fprint_wrapped(out, SHOW_NOTE_COL + 12, text);
	free(text);
	if (a->struck_on != DATE_NONE) {
		text = xasprintf("STRUCK OUT on %s%s%s",
		    cli_date(cli, a->struck_on),
		    a->struck_reason != NULL ? ": " : "",
		    a->struck_reason != NULL ? a->struck_reason : "");
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		cli_fprint_wrapped(out, SHOW_NOTE_COL, text);
		free(text);
	}
	if (a->address != NULL) {
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		cli_fprint_wrapped(out, SHOW_NOTE_COL, a->address);
	}
	cli_fcolour_off(out, cli);
	return 0;
}

/* One person around them: number, role, name, then how to reach them. */
static int
show_around(const struct around_person *a, void *arg)
{
	struct show *sf = arg;
	struct cli *cli = sf->cli;
	FILE *out = sf->out;
	char number[16], *text, *start;

	if (sf->n++ == 0)
		fprintf(out, "\nPeople around them (numbered for 'caseload involve "
		    "%ld --change N')\n", a->person_id);
	snprintf(number, sizeof number, "P%d", a->number);
	if (a->ended_on != DATE_NONE)
		cli_fcolour_on(out, cli, COLOUR_DIM);
	start = xasprintf("  %-6s ", number);
	fputs(start, out);
	text = xasprintf("%s, %s, since %s%s%s", a->name,
	    around_role_label(a->role), cli_date(cli, a->since),
	    a->ended_on != DATE_NONE ? "; ENDED on " : "",
	    a->ended_on != DATE_NONE ? cli_date(cli, a->ended_on) : "");
	cli_fprint_wrapped(out, text_width(start), text);
	free(text);
	free(start);
	if (a->phone != NULL || a->email != NULL) {
		text = xasprintf("%s%s%s", a->phone != NULL ? a->phone : "",
		    a->phone != NULL && a->email != NULL ? ", " : "",
		    a->email != NULL ? a->email : "");
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		cli_fprint_wrapped(out, SHOW_NOTE_COL, text);
		free(text);
	}
	if (a->note != NULL) {
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		cli_fprint_wrapped(out, SHOW_NOTE_COL, a->note);
	}
	cli_fcolour_off(out, cli);
	return 0;
}

/*
 * One agreed action: its number, due date and state ("3d late"), who and
 * what; done and dropped ones dimmed with the day they were closed.
 */
static int
show_action(const struct action *a, void *arg)
{
	struct show *sf = arg;
	struct cli *cli = sf->cli;
	FILE *out = sf->out;
	char number[16], state[32], *text, *start;

	if (sf->n++ == 0)
		fprintf(out, "\nAgreed actions, open first (numbered for 'caseload "
		    "action %ld --done AN')\n", a->person_id);
	snprintf(number, sizeof number, "A%d", a->number);
	action_describe(a, &cli->ses.cfg.rules, cli->ses.today, state,
	    sizeof state);
	if (a->state == ACTION_OPEN) {
		if (strstr(state, "late") != NULL)
			cli_fcolour_on(out, cli, COLOUR_RED);
		start = xasprintf("  %-6s due %-10s  %-9s  ", number,
		    cli_date(cli, a->due_on), state);
	} else {
		cli_fcolour_on(out, cli, COLOUR_DIM);
		start = xasprintf("  %-6s %-7s %-10s  ", number, state,
		    cli_date(cli, a->closed_on));
	}
	fputs(start, out);
	text = xasprintf("%s: %s", action_who_words(a->who), a->text);
	cli_fprint_wrapped(out, text_width(start), text);
	free(text);
	free(start);
	if (a->reason != NULL) {
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		text = xasprintf("why: %s", a->reason);
		cli_fprint_wrapped(out, SHOW_NOTE_COL, text);
		free(text);
	}
	cli_fcolour_off(out, cli);
	return 0;
}

/* One letter or review: its number, date and strike. */
static int
show_entry(const struct entry *e, void *arg)
{
	struct show *d = arg;
	FILE *out = d->out;
	char number[16], *text, *start;

	if (d->n++ == 0)
		putc('\n', out);	/* after the title */
	entry_format(e->kind, e->number, number, sizeof number);
	if (e->struck_on == DATE_NONE) {
		fprintf(out, "  %-6s %s\n", number, cli_date(d->cli, e->on));
		return 0;
	}
	text = xasprintf("STRUCK OUT on %s%s%s",
	    cli_date(d->cli, e->struck_on),
	    e->struck_reason != NULL ? ": " : "",
	    e->struck_reason != NULL ? e->struck_reason : "");
	cli_fcolour_on(out, d->cli, COLOUR_DIM);
	start = xasprintf("  %-6s %-10s  ", number, cli_date(d->cli, e->on));
	fputs(start, out);
	cli_fprint_wrapped(out, text_width(start), text);
	cli_fcolour_off(out, d->cli);
	free(start);
	free(text);
	return 0;
}

static int
show_dated(struct show *d, const char *title,
    int (*each)(struct store *, long, store_entry_cb, void *, char **),
    long id, char **cause)
{
	FILE *out = d->out;

	d->n = 0;
	fprintf(out, "\n%s", title);
	if (each(d->st, id, show_entry, d, cause) != 0)
		return -1;
	if (d->n == 0)
		fprintf(out, ": none yet\n");
	return 0;
}

/* One birthday return recorded: number, date, birthday, what it says. */
static int
show_return(const struct returns_record *rec, void *arg)
{
	struct show *sf = arg;
	struct cli *cli = sf->cli;
	FILE *out = sf->out;
	char number[16], said[160], *text;

	if (sf->n++ == 0)
		fprintf(out, "\nBirthday returns ('caseload return %ld --strike "
		    "B1' strikes out B1)\n", rec->person_id);
	snprintf(number, sizeof number, "B%d", rec->number);
	returns_record_describe(rec, said, sizeof said);
	if (rec->struck_on != DATE_NONE)
		cli_fcolour_on(out, cli, COLOUR_DIM);
	fprintf(out, "  %-6s %-10s  %d%s birthday: %s\n", number,
	    cli_date(cli, rec->on), rec->age, returns_th(rec->age), said);
	if (rec->struck_on != DATE_NONE) {
		text = xasprintf("STRUCK OUT on %s%s%s",
		    cli_date(cli, rec->struck_on),
		    rec->struck_reason != NULL ? ": " : "",
		    rec->struck_reason != NULL ? rec->struck_reason : "");
		fprintf(out, "%*s", SHOW_NOTE_COL, "");
		cli_fprint_wrapped(out, SHOW_NOTE_COL, text);
		free(text);
		cli_fcolour_off(out, cli);
	}
	return 0;
}

/*
 * The birthday returns recorded, and the latest window (open, or closed
 * with nothing recorded): 0, or -1 with *cause.
 */
static int
show_returns(struct show *sf, const struct person *p, char **cause)
{
	struct cli *cli = sf->cli;
	struct returns_window w;
	date_t today = cli->ses.today;
	char *opens, *text;
	int rc, recorded;

	sf->n = 0;
	if (store_returns_each(sf->st, p->id, show_return, sf, cause) != 0)
		return -1;
	if ((rc = views_return_window(sf->st, p, &cli->ses.cfg.rules, today,
	    &w, &recorded, cause)) <= 0)
		return rc;
	if (sf->n == 0)
		fprintf(sf->out, "\nBirthday returns\n");
	opens = xstrdup(cli_date(cli, w.opens));
	text = xasprintf("Birthday return for %d%s birthday: window %s %s to "
	    "%s, %s", w.age, returns_th(w.age), w.closes < today ? "was open" :
	    "open", opens, cli_date(cli, w.closes), recorded ? "recorded" :
	    w.closes < today ? "OVERDUE" : "not recorded");
	if (w.closes < today)
		cli_fcolour_on(sf->out, cli, COLOUR_RED);
	fputs("  ", sf->out);
	cli_fprint_wrapped(sf->out, 2, text);
	if (w.closes < today)
		cli_fcolour_off(sf->out, cli);
	free(text);
	free(opens);
	return 0;
}

/*
 * Write young person p's whole record on out (standard output, or the
 * page to print): 0, or -1 with *cause.
 */
static int
show_record(struct cli *cli, struct store *st, const struct person *p,
    FILE *out, char **cause)
{
	const struct rules_settings *rs = &cli->ses.cfg.rules;
	struct rules_due contact, letter, review;
	struct show sf;
	char *safe, *text;
	date_t today = cli->ses.today, day;
	int i, age;

	safe = cli_safe(p->name);
	cli_fcolour_on(out, cli, COLOUR_BOLD);
	fprintf(out, "%s%s", cli_flag_mark(cli, p->flagged), safe);
	cli_fcolour_off(out, cli);
	fprintf(out, "  (number %ld)\n", p->id);
	free(safe);
	show_field(out, "Known as", p->preferred_name);
	age = date_age(p->facts.dob, today);
	text = xasprintf("%s, age %d, %s", cli_date(cli, p->facts.dob), age,
	    rules_stage_label(rules_stage(p->facts.dob, today)));
	show_field(out, "Date of birth", text);
	free(text);
	text = xasprintf("%s since %s",
	    person_status_label(p->facts.status),
	    cli_date(cli, p->facts.status_since));
	show_field(out, "Status", text);
	free(text);
	show_field(out, "Allocated", cli_date(cli, p->facts.allocated_on));
	if (p->facts.interval_weeks > 0)
		text = xasprintf("%d week%s", p->facts.interval_weeks,
		    p->facts.interval_weeks == 1 ? "" : "s");
	else
		text = xasprintf("%d weeks (the default)",
		    rs->interval_weeks);
	show_field(out, "Contact every", text);
	free(text);
	show_field(out, "Phone", p->phone);
	show_field(out, "Email", p->email);
	show_field(out, "Address", p->address);
	if (rules_stage(p->facts.dob, today) == STAGE_25_PLUS &&
	    p->facts.status != STATUS_ARCHIVED)
		fprintf(out, "  Their leaving care entitlement has ended (25+): "
		    "consider 'caseload archive %ld'.\n", p->id);

	sf.cli = cli;
	sf.st = st;
	sf.out = out;
	sf.n = 0;
	if (store_flags_each(st, p->id, show_flag, &sf, cause) != 0)
		return -1;
	sf.n = 0;
	if (store_accommodation_each(st, p->id, show_accommodation, &sf,
	    cause) != 0)
		return -1;
	sf.n = 0;
	if (store_around_each(st, p->id, show_around, &sf, cause) != 0)
		return -1;
	sf.n = 0;
	if (store_notes_each(st, p->id, show_note, &sf, cause) != 0)
		return -1;
	sf.n = 0;
	if (store_actions_each(st, p->id, show_action, &sf, cause) != 0)
		return -1;
	if (show_returns(&sf, p, cause) != 0)
		return -1;

	fprintf(out, "\nComing up\n");
	contact = rules_contact_due(&p->facts, rs, today);
	letter = rules_letter_due(&p->facts, rs, today);
	review = rules_review_due(&p->facts, rs, today);
	show_due(out, cli, "Next contact", &contact, p->facts.attempts);
	if (show_visit(out, cli, p, cause) != 0)
		return -1;
	show_due(out, cli, "Pathway plan", &review, 0);
	show_due(out, cli, "Annual letter", &letter, 0);
	if (p->facts.status == STATUS_DOWN && letter.state == DUE_NONE)
		fprintf(out, SHOW_LABEL "none: they turn 25 before the next one "
		    "would fall due\n", "Annual letter");
	if (p->facts.status == STATUS_ARCHIVED)
		fprintf(out, "  Nothing: archived on %s.\n",
		    cli_date(cli, p->facts.status_since));
	for (i = 0; i < RULES_MILESTONE_COUNT; i++) {
		day = date_birthday(p->facts.dob, rules_milestone_ages[i]);
		if (day < today || p->facts.status == STATUS_ARCHIVED)
			continue;
		fprintf(out, SHOW_LABEL "%-10s  %s\n",
		    rules_milestone_label(rules_milestone_ages[i]),
		    cli_date(cli, day),
		    rules_milestone_meaning(rules_milestone_ages[i]));
	}

	fprintf(out, "\nStatus history\n");
	if (store_status_each(st, p->id, show_status, &sf, cause) != 0)
		return -1;
	fprintf(out, "\nContact log, newest first ('caseload strike %ld 3' "
	    "strikes out contact 3)\n", p->id);
	if (p->facts.last_contact == DATE_NONE)
		fprintf(out, "  No successful contact recorded yet.\n");
	if (store_contacts_each(st, p->id, show_contact, &sf, cause) != 0)
		return -1;
	if (show_dated(&sf, "Annual letters sent", store_letters_each, p->id,
	    cause) != 0 ||
	    show_dated(&sf, "Pathway plan reviews", store_reviews_each, p->id,
	    cause) != 0)
		return -1;
	return 0;
}

/*
 * Write the record, without colour or wrapping (print_page wraps for
 * paper), into a temporary file of caseload's own (tempfile.h: private,
 * beside the database, removed if caseload is stopped), and read it back
 * into *out.  0, or -1 with *cause.
 */
static int
show_capture(struct cli *cli, struct store *st, const struct person *p,
    char **out, char **cause)
{
	FILE *f = NULL;
	char *dir, *path = NULL;
	int fd, colour = cli->colour, rc = -1;
	long size;

	*out = NULL;
	dir = cli_db_folder(cli);
	fd = tempfile_make(dir, "show-print", 0, &path);
	free(dir);
	if (fd == -1 || (f = fdopen(fd, "w+")) == NULL) {
		xfail(cause, "cannot make the page to print: %s",
		    strerror(errno));
		if (fd != -1)
			close(fd);
		goto out;
	}
	cli->colour = 0;
	rc = show_record(cli, st, p, f, cause);
	cli->colour = colour;
	if (rc != 0)
		goto out;
	rc = -1;
	if (fflush(f) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		xfail(cause, "cannot write the page to print: %s",
		    strerror(errno));
		goto out;
	}
	*out = xmalloc((size_t)size + 1);
	if (fread(*out, 1, (size_t)size, f) != (size_t)size) {
		free(*out);
		*out = NULL;
		xfail(cause, "cannot read the page to print back");
		goto out;
	}
	(*out)[size] = '\0';
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	if (path != NULL) {
		tempfile_remove(path);
		free(path);
	}
	return rc;
}

/* Send young person p's record to the print command. */
static int
show_print(struct cli *cli, struct store *st, const struct person *p)
{
	struct job_print jp;
	struct job_result r;
	char *cause = NULL, *body, *title;
	int rc = EXIT_DONE;

	if (show_capture(cli, st, p, &body, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	title = xasprintf("Young person %ld", p->id);
	job_print_page(&cli->ses, title, body, &jp);
	free(title);
	free(body);
	if (job_print(&cli->ses, &jp, NULL, &r, &cause) != 0) {
		if (r.refused)
			cli_error("%s", cause);
		else
			cli_error("%s; nothing has changed: check [letters] "
			    "print_command in your settings and print again",
			    cause);
		rc = r.refused ? EXIT_USAGE : EXIT_FAILED;
	} else
		fprintf(stderr, "%s\n", jp.summary);
	free(cause);
	job_result_free(&r);
	job_print_free(&jp);
	return rc;
}

int
cmd_show(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "print", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL;
	int rc, opt, print = 0;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		if (opt != 'p')
			return cli_option_error("show", opt, argv);
		print = 1;
	}
	if (argc - optind != 1)
		return cli_operands_error("show", "give one young person: their "
		    "number or part of their name");
	if (print && (rc = cli_print_check(cli, "show", 1, 0, 0)) != 0)
		return rc;
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0)
		goto out;
	if (print)
		rc = show_print(cli, st, p);
	else if (show_record(cli, st, p, stdout, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		rc = EXIT_FAILED;
	} else
		rc = EXIT_DONE;
out:
	free(p);
	return rc;
}
