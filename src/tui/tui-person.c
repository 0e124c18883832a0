/* SPDX-License-Identifier: MIT */
/*
 * tui-person.c: a young person's page: details, stage and milestones,
 * what is coming up, status history and the contact log newest first,
 * scrollable.  It reads that one person when it opens and after a
 * change, never the whole caseload.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "job.h"
#include "tui-int.h"
#include "xmalloc.h"

#define PAGE_LABEL 16

struct page {
	long			 id;
	unsigned		 generation;
	int			 cols;		/* width the lines were made for */
	int			 loaded;
	struct tui_lines	 lines;
};

/* Adding wrapped text under a label. */
struct page_wrap {
	struct tui_lines	*lines;
	enum tui_style		 style;
	const char		*label;		/* on the first line only */
	int			 indent;
	int			 marker;
	int			 hang;		/* rows after the first: indent */
};

static void
page_wrap_line(const char *line, void *arg)
{
	struct page_wrap *w = arg;

	tui_lines_add(w->lines, w->style, 0, w->marker, "%*s%-*s%s",
	    w->indent, "", w->label != NULL ? PAGE_LABEL : 0,
	    w->label != NULL ? w->label : "", line);
	if (w->label != NULL) {
		w->indent += PAGE_LABEL;
		w->label = NULL;
	}
	if (w->hang > 0) {
		w->indent = w->hang;
		w->hang = 0;
	}
	w->marker = 0;
}

/* Text under a label, wrapped to the window, continued lines indented. */
static void
page_field(struct tui_lines *lines, int cols, const char *label,
    const char *value, enum tui_style style, int marker)
{
	struct page_wrap w = { lines, style, label, 0, marker, 0 };

	if (value == NULL || *value == '\0')
		return;
	tui_wrap(value, cols - PAGE_LABEL, page_wrap_line, &w);
}

/* Wrapped text indented by indent columns. */
static void
page_text(struct tui_lines *lines, int cols, int indent, const char *value,
    enum tui_style style)
{
	struct page_wrap w = { lines, style, NULL, indent, 0, 0 };

	tui_wrap(value, cols - indent, page_wrap_line, &w);
}

/*
 * Wrapped text from the left edge whose rows after the first are indented
 * by hang columns, so that a numbered row reads as one under its number.
 */
static void
page_hanging(struct tui_lines *lines, int cols, int hang, const char *value,
    enum tui_style style)
{
	struct page_wrap w = { lines, style, NULL, 0, 0, hang };

	tui_wrap(value, cols - hang, page_wrap_line, &w);
}

/* Adding a line of a note: its first row at indent, the rest two further. */
struct page_note_line {
	struct tui_lines	*lines;
	enum tui_style		 style;
	int			 indent;
	int			 rows;
};

static void
page_note_row(const char *line, void *arg)
{
	struct page_note_line *n = arg;

	tui_lines_add(n->lines, n->style, 0, 0, "%*s%s", n->indent +
	    (n->rows > 0 ? 2 : 0), "", line);
	n->rows++;
}

/*
 * A note under its contact, indented: each of the worker's own lines
 * starts a row, and a line too long for the window goes on indented two
 * columns more, so that what the worker wrote as lines shows as lines.
 * Control characters are escaped when drawn.
 */
static void
page_note(struct tui_lines *lines, int cols, int indent, const char *note,
    enum tui_style style)
{
	struct page_note_line n = { lines, style, indent, 0 };
	const char *p = note, *nl;
	char *line;

	for (;;) {
		nl = strchr(p, '\n');
		line = nl != NULL ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		n.rows = 0;
		tui_wrap(line, cols - indent - 2, page_note_row, &n);
		free(line);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* One clock of the page, with the attempts since last seen beside it. */
static void
page_due(struct tui *t, struct tui_lines *lines, const char *label,
    const struct rules_due *due, int attempts)
{
	char when[64], tries[64];
	int marker = due->state == DUE_OVERDUE ? '!' :
	    due->state == DUE_SOON ? '~' : 0;

	if (due->state == DUE_NONE)
		return;
	rows_due_words(due, t->ses->today, when, sizeof when);
	rows_attempts_words(attempts, tries, sizeof tries);
	tui_lines_add(lines, due->state == DUE_OVERDUE ? STYLE_OVERDUE :
	    due->state == DUE_SOON ? STYLE_SOON : STYLE_NORMAL, 0, marker,
	    "%-*s%-10s  %s%s%s", PAGE_LABEL, label,
	    session_date(t->ses, due->due), when, *tries != '\0' ? " · " : "",
	    tries);
}

struct page_state {
	struct tui		*t;
	struct tui_lines	*lines;
	int			 cols;
	int			 n;
	const char		*title;		/* page_entry: its section */
};

static int
page_status(const struct status_change *s, void *arg)
{
	struct page_state *ps = arg;
	char *line;

	line = xasprintf("%-10s  %-12s  %s", session_date(ps->t->ses, s->on),
	    person_status_label(s->status), s->reason != NULL ? s->reason : "");
	page_text(ps->lines, ps->cols, 0, line, STYLE_NORMAL);
	free(line);
	return 0;
}

static int
page_contact(const struct contact *c, void *arg)
{
	struct page_state *ps = arg;
	enum tui_style style = c->struck_on != DATE_NONE ? STYLE_DIM :
	    STYLE_NORMAL;
	char number[24], *line;

	entry_format(ENTRY_CONTACT, c->number, number, sizeof number);
	line = xasprintf("%-6s %-10s  %-6s  by %s%s%s%s%s", number,
	    session_date(ps->t->ses, c->on), contact_method_name(c->method),
	    c->by == BY_WORKER ? "the worker" : "the young person",
	    c->place != PLACE_NONE ? ", at " : "", contact_place_name(c->place),
	    c->seen_alone == SEEN_ALONE_YES ? ", seen alone" :
	    c->seen_alone == SEEN_ALONE_NO ? ", not seen alone" : "",
	    c->attempted ? ", attempted: no contact made" : "");
	page_text(ps->lines, ps->cols, 0, line, style);
	free(line);
	if (c->struck_on != DATE_NONE) {
		line = xasprintf("STRUCK OUT on %s%s%s",
		    session_date(ps->t->ses, c->struck_on),
		    c->struck_reason != NULL ? ": " : "",
		    c->struck_reason != NULL ? c->struck_reason : "");
		page_text(ps->lines, ps->cols, 7, line, style);
		free(line);
	}
	if (c->note != NULL)
		page_note(ps->lines, ps->cols, 7, c->note, style);
	ps->n++;
	return 0;
}

/* A section's title before its first row. */
static void
page_section(struct page_state *ps, const char *title)
{
	if (ps->n != 0)
		return;
	tui_lines_add(ps->lines, STYLE_NORMAL, 0, 0, "%s", "");
	tui_lines_add(ps->lines, STYLE_TITLE, 0, 0, "%s", title);
}

/* One note about them: number and date, then its lines; struck dimmed. */
static int
page_about(const struct around_note *n, void *arg)
{
	struct page_state *ps = arg;
	enum tui_style style = n->struck_on != DATE_NONE ? STYLE_DIM :
	    STYLE_NORMAL;
	char *line;

	page_section(ps, "Notes, newest first (n to write one)");
	line = xasprintf("N%-5d %s", n->number, session_date(ps->t->ses,
	    n->on));
	page_text(ps->lines, ps->cols, 0, line, style);
	free(line);
	if (n->struck_on != DATE_NONE) {
		line = xasprintf("STRUCK OUT on %s%s%s",
		    session_date(ps->t->ses, n->struck_on),
		    n->struck_reason != NULL ? ": " : "",
		    n->struck_reason != NULL ? n->struck_reason : "");
		page_text(ps->lines, ps->cols, 7, line, style);
		free(line);
	}
	page_note(ps->lines, ps->cols, 7, n->text, style);
	ps->n++;
	return 0;
}

/* One row of where they have lived: number, date, type; the address. */
static int
page_home(const struct accommodation *a, void *arg)
{
	struct page_state *ps = arg;
	enum tui_style style = a->struck_on != DATE_NONE ? STYLE_DIM :
	    STYLE_NORMAL;
	char *line;

	page_section(ps, "Accommodation, newest first (M when they move)");
	line = xasprintf("M%-5d %s  %s%s; suitable: %s", a->number,
	    session_date(ps->t->ses, a->from),
	    accommodation_type_label(a->type),
	    a->provided_by_la ? ", provided by the local authority" : "",
	    accommodation_suitable_word(a->suitable));
	page_hanging(ps->lines, ps->cols, 7, line, style);
	free(line);
	if (a->struck_on != DATE_NONE) {
		line = xasprintf("STRUCK OUT on %s%s%s",
		    session_date(ps->t->ses, a->struck_on),
		    a->struck_reason != NULL ? ": " : "",
		    a->struck_reason != NULL ? a->struck_reason : "");
		page_text(ps->lines, ps->cols, 7, line, style);
		free(line);
	}
	if (a->address != NULL)
		page_note(ps->lines, ps->cols, 7, a->address, style);
	ps->n++;
	return 0;
}

/* One person around them: role and name, how to reach them, a note. */
static int
page_around(const struct around_person *a, void *arg)
{
	struct page_state *ps = arg;
	enum tui_style style = a->ended_on != DATE_NONE ? STYLE_DIM :
	    STYLE_NORMAL;
	char *line;

	page_section(ps, "People around them (P to add one)");
	line = xasprintf("P%-5d %s, %s%s%s", a->number, a->name,
	    around_role_label(a->role),
	    a->ended_on != DATE_NONE ? "; ENDED on " : "",
	    a->ended_on != DATE_NONE ? session_date(ps->t->ses, a->ended_on) :
	    "");
	page_text(ps->lines, ps->cols, 0, line, style);
	free(line);
	if (a->phone != NULL || a->email != NULL) {
		line = xasprintf("%s%s%s", a->phone != NULL ? a->phone : "",
		    a->phone != NULL && a->email != NULL ? ", " : "",
		    a->email != NULL ? a->email : "");
		page_text(ps->lines, ps->cols, 7, line, style);
		free(line);
	}
	if (a->note != NULL)
		page_text(ps->lines, ps->cols, 7, a->note, style);
	ps->n++;
	return 0;
}

/*
 * One agreed action: open ones first with their due date and how late,
 * late ones standing out; done and dropped ones dimmed with their date.
 */
static int
page_action(const struct action *a, void *arg)
{
	struct page_state *ps = arg;
	enum tui_style style = STYLE_NORMAL;
	char state[32], *line;

	page_section(ps, "Agreed actions, open first (T to add, mark done or "
	    "drop one)");
	action_describe(a, &ps->t->ses->cfg.rules, ps->t->ses->today, state,
	    sizeof state);
	switch (action_judge(a, &ps->t->ses->cfg.rules, ps->t->ses->today,
	    NULL)) {
	case ACTION_LATE:
		style = STYLE_OVERDUE;
		break;
	case ACTION_TODAY:
	case ACTION_SOON:
		style = STYLE_SOON;
		break;
	case ACTION_LATER:
		break;
	case ACTION_CLOSED:
		style = STYLE_DIM;
		break;
	}
	if (a->state == ACTION_OPEN)
		line = xasprintf("A%-5d due %-10s  %-9s  %s: %s", a->number,
		    session_date(ps->t->ses, a->due_on), state, action_who_words(a->who),
		    a->text);
	else
		line = xasprintf("A%-5d %-7s %-10s  %s: %s", a->number, state,
		    session_date(ps->t->ses, a->closed_on), action_who_words(a->who),
		    a->text);
	page_hanging(ps->lines, ps->cols, 7, line, style);
	free(line);
	if (a->reason != NULL) {
		line = xasprintf("why: %s", a->reason);
		page_text(ps->lines, ps->cols, 7, line, style);
		free(line);
	}
	ps->n++;
	return 0;
}

/* A note a flag had before, under it: "was: ... (date, by name)". */
static int
page_flag_note(const struct flag_note *n, void *arg)
{
	struct page_state *ps = arg;
	char *line;

	line = xasprintf("was: %s (%s%s%s)",
	    n->note != NULL ? n->note : "no note",
	    session_date(ps->t->ses, n->on), n->by != NULL ? ", by " : "",
	    n->by != NULL ? n->by : "");
	page_text(ps->lines, ps->cols, 7, line, STYLE_DIM);
	free(line);
	return 0;
}

/* One safety flag: current ones stand out, ended ones are dimmed. */
static int
page_flag(const struct flag *f, void *arg)
{
	struct page_state *ps = arg;
	enum tui_style style = f->ended_on != DATE_NONE ? STYLE_DIM :
	    STYLE_OVERDUE;
	char *line, *cause = NULL;

	/* The title only for someone with flags: most have none. */
	if (ps->n == 0) {
		tui_lines_add(ps->lines, STYLE_NORMAL, 0, 0, "%s", "");
		tui_lines_add(ps->lines, STYLE_TITLE, 0, 0, "%s",
		    "Safety flags (S sets or ends one)");
	}
	line = xasprintf("F%-5d %-10s  %s%s%s", f->number,
	    session_date(ps->t->ses, f->set_on), flag_kind_label(f->kind),
	    f->note != NULL ? ": " : "", f->note != NULL ? f->note : "");
	page_hanging(ps->lines, ps->cols, 7, line, style);
	free(line);
	if (f->set_by != NULL) {
		line = xasprintf("set by %s", f->set_by);
		page_text(ps->lines, ps->cols, 7, line, style);
		free(line);
	}
	if (store_flag_notes_each(ps->t->ses->st, f->id, page_flag_note, ps,
	    &cause) != 0)
		free(cause);
	if (f->ended_on != DATE_NONE) {
		line = xasprintf("ENDED on %s%s%s%s%s%s",
		    session_date(ps->t->ses, f->ended_on),
		    f->ended_reason != NULL ? ": " : "",
		    f->ended_reason != NULL ? f->ended_reason : "",
		    f->ended_by != NULL ? " (by " : "",
		    f->ended_by != NULL ? f->ended_by : "",
		    f->ended_by != NULL ? ")" : "");
		page_text(ps->lines, ps->cols, 7, line, style);
		free(line);
	}
	ps->n++;
	return 0;
}

/* One letter or review, under its title (ps->title) when it is the first. */
static int
page_entry(const struct entry *e, void *arg)
{
	struct page_state *ps = arg;
	enum tui_style style = e->struck_on != DATE_NONE ? STYLE_DIM :
	    STYLE_NORMAL;
	char number[16], *line;

	if (ps->n++ == 0) {
		tui_lines_add(ps->lines, STYLE_NORMAL, 0, 0, "%s", "");
		tui_lines_add(ps->lines, STYLE_TITLE, 0, 0, "%s", ps->title);
	}
	entry_format(e->kind, e->number, number, sizeof number);
	if (e->struck_on == DATE_NONE)
		line = xasprintf("%-6s %s", number, session_date(ps->t->ses,
		    e->on));
	else
		line = xasprintf("%-6s %-10s  STRUCK OUT on %s%s%s", number,
		    session_date(ps->t->ses, e->on),
		    session_date(ps->t->ses, e->struck_on),
		    e->struck_reason != NULL ? ": " : "",
		    e->struck_reason != NULL ? e->struck_reason : "");
	page_text(ps->lines, ps->cols, 0, line, style);
	free(line);
	return 0;
}

/* Letters sent or reviews held, numbered, with their strikes. */
static int
page_dated(struct tui *t, struct tui_lines *lines, int cols, const char *title,
    int (*each)(struct store *, long, store_entry_cb, void *, char **),
    long id, char **cause)
{
	struct page_state ps = { t, lines, cols, 0, title };

	if (each(t->ses->st, id, page_entry, &ps, cause) != 0)
		return -1;
	if (ps.n == 0) {
		tui_lines_add(lines, STYLE_NORMAL, 0, 0, "%s", "");
		page_field(lines, cols, title, "none yet", STYLE_NORMAL, 0);
	}
	return 0;
}

/* Their statutory visit clock, when they have one, and which duty. */
static int
page_visit(struct tui *t, struct tui_lines *lines, int cols,
    const struct person *p, char **cause)
{
	struct rules_due visit;
	enum visit_reason why;

	if (p->facts.status == STATUS_ARCHIVED)
		return 0;
	if (job_visit_due(t->ses, p, &visit, &why, cause) != 0)
		return -1;
	page_due(t, lines, "Statutory visit", &visit, 0);
	if (visit.state != DUE_NONE)
		page_field(lines, cols, "", visit_reason_words(why),
		    STYLE_NORMAL, 0);
	return 0;
}

/* One birthday return recorded: number, date, birthday; struck dimmed. */
static int
page_return(const struct returns_record *rec, void *arg)
{
	struct page_state *ps = arg;
	enum tui_style style = rec->struck_on != DATE_NONE ? STYLE_DIM :
	    STYLE_NORMAL;
	char said[160], *line;

	page_section(ps, "Birthday returns (R to record one)");
	returns_record_describe(rec, said, sizeof said);
	line = xasprintf("B%-5d %-10s  %d%s birthday: %s", rec->number,
	    session_date(ps->t->ses, rec->on), rec->age, returns_th(rec->age),
	    said);
	page_hanging(ps->lines, ps->cols, 7, line, style);
	free(line);
	if (rec->struck_on != DATE_NONE) {
		line = xasprintf("STRUCK OUT on %s%s%s",
		    session_date(ps->t->ses, rec->struck_on),
		    rec->struck_reason != NULL ? ": " : "",
		    rec->struck_reason != NULL ? rec->struck_reason : "");
		page_text(ps->lines, ps->cols, 7, line, style);
		free(line);
	}
	ps->n++;
	return 0;
}

/*
 * The birthday returns recorded and the window open, or closed with the
 * return overdue: 0, or -1 with *cause.
 */
static int
page_returns(struct page_state *ps, const struct person *p, char **cause)
{
	struct tui *t = ps->t;
	struct returns_window w;
	char *opens, *line;
	int rc, recorded;

	ps->n = 0;
	if (store_returns_each(t->ses->st, p->id, page_return, ps, cause) != 0)
		return -1;
	if ((rc = views_return_window(t->ses->st, p, &t->ses->cfg.rules,
	    t->ses->today, &w, &recorded, cause)) <= 0)
		return rc;
	page_section(ps, "Birthday returns (R to record one)");
	opens = xstrdup(session_date(t->ses, w.opens));
	line = xasprintf("Birthday return for %d%s birthday: window %s %s to "
	    "%s, %s", w.age, returns_th(w.age), w.closes < t->ses->today ?
	    "was open" : "open", opens, session_date(t->ses, w.closes),
	    recorded ? "recorded" : w.closes < t->ses->today ? "OVERDUE" :
	    "not recorded");
	page_text(ps->lines, ps->cols, 0, line, recorded ? STYLE_NORMAL :
	    w.closes < t->ses->today ? STYLE_OVERDUE : STYLE_SOON);
	free(line);
	free(opens);
	return 0;
}

/* Make the page's lines from the database. */
static void
page_load(struct tui *t, struct page *pg)
{
	const struct rules_settings *rs = &t->ses->cfg.rules;
	struct tui_lines *lines = &pg->lines;
	struct page_state ps;
	struct person *p = NULL;
	struct rules_due contact, letter, review;
	char *cause = NULL, *text;
	size_t top = lines->top;
	int cols = COLS - 3, rc, i;
	date_t day;

	tui_lines_clear(lines);
	lines->top = top;
	pg->generation = t->generation;
	pg->cols = COLS;
	pg->loaded = 1;
	rc = store_person_get(t->ses->st, pg->id, &p, &cause);
	if (rc != 0) {
		if (rc < 0)
			tui_error(t, "%s", cause);
		free(cause);
		tui_lines_add(lines, STYLE_ERROR, 0, 0, "%s", rc < 0 ?
		    "This page cannot be shown: see the message below." :
		    "There is no such young person.");
		return;
	}

	tui_lines_add(lines, STYLE_TITLE, 0, 0, "%s%s  (number %ld)",
	    tui_flag_mark(t, p->flagged), p->name, p->id);
	page_field(lines, cols, "Known as", p->preferred_name, STYLE_NORMAL, 0);
	text = xasprintf("%s, age %d, %s", session_date(t->ses, p->facts.dob),
	    date_age(p->facts.dob, t->ses->today),
	    rules_stage_label(rules_stage(p->facts.dob, t->ses->today)));
	page_field(lines, cols, "Date of birth", text, STYLE_NORMAL, 0);
	free(text);
	text = xasprintf("%s since %s", person_status_label(p->facts.status),
	    session_date(t->ses, p->facts.status_since));
	page_field(lines, cols, "Status", text, p->facts.status == STATUS_UP ?
	    STYLE_NORMAL : STYLE_DOWN, p->facts.status == STATUS_DOWN ? '-' : 0);
	free(text);
	page_field(lines, cols, "Allocated", session_date(t->ses,
	    p->facts.allocated_on), STYLE_NORMAL, 0);
	if (p->facts.interval_weeks > 0)
		text = xasprintf("%d week%s", p->facts.interval_weeks,
		    p->facts.interval_weeks == 1 ? "" : "s");
	else
		text = xasprintf("%d weeks (the default)", rs->interval_weeks);
	page_field(lines, cols, "Contact every", text, STYLE_NORMAL, 0);
	free(text);
	page_field(lines, cols, "Phone", p->phone, STYLE_NORMAL, 0);
	page_field(lines, cols, "Email", p->email, STYLE_NORMAL, 0);
	page_field(lines, cols, "Address", p->address, STYLE_NORMAL, 0);
	if (rules_stage(p->facts.dob, t->ses->today) == STAGE_25_PLUS &&
	    p->facts.status != STATUS_ARCHIVED)
		page_text(lines, cols, 0, "Their leaving care entitlement has "
		    "ended (25+): consider archiving them (A).", STYLE_TITLE);

	ps.t = t;
	ps.lines = lines;
	ps.cols = cols;
	ps.n = 0;
	ps.title = NULL;
	if (store_flags_each(t->ses->st, p->id, page_flag, &ps, &cause) != 0)
		goto fail;
	ps.n = 0;
	if (store_accommodation_each(t->ses->st, p->id, page_home, &ps,
	    &cause) != 0)
		goto fail;
	ps.n = 0;
	if (store_around_each(t->ses->st, p->id, page_around, &ps,
	    &cause) != 0)
		goto fail;
	ps.n = 0;
	if (store_notes_each(t->ses->st, p->id, page_about, &ps, &cause) != 0)
		goto fail;
	ps.n = 0;
	if (store_actions_each(t->ses->st, p->id, page_action, &ps,
	    &cause) != 0)
		goto fail;
	if (page_returns(&ps, p, &cause) != 0)
		goto fail;

	tui_lines_add(lines, STYLE_NORMAL, 0, 0, "%s", "");
	tui_lines_add(lines, STYLE_TITLE, 0, 0, "%s", "Coming up");
	contact = rules_contact_due(&p->facts, rs, t->ses->today);
	letter = rules_letter_due(&p->facts, rs, t->ses->today);
	review = rules_review_due(&p->facts, rs, t->ses->today);
	page_due(t, lines, "Next contact", &contact, p->facts.attempts);
	if (page_visit(t, lines, cols, p, &cause) != 0)
		goto fail;
	page_due(t, lines, "Pathway plan", &review, 0);
	page_due(t, lines, "Annual letter", &letter, 0);
	if (p->facts.status == STATUS_DOWN && letter.state == DUE_NONE)
		page_field(lines, cols, "Annual letter", "none: they turn 25 "
		    "before the next one would fall due", STYLE_NORMAL, 0);
	if (p->facts.status == STATUS_ARCHIVED) {
		text = xasprintf("Nothing: archived on %s.",
		    session_date(t->ses, p->facts.status_since));
		page_text(lines, cols, 0, text, STYLE_NORMAL);
		free(text);
	}
	for (i = 0; i < RULES_MILESTONE_COUNT; i++) {
		day = date_birthday(p->facts.dob, rules_milestone_ages[i]);
		if (day < t->ses->today || p->facts.status == STATUS_ARCHIVED)
			continue;
		text = xasprintf("%-10s  %s", session_date(t->ses, day),
		    rules_milestone_meaning(rules_milestone_ages[i]));
		page_field(lines, cols,
		    rules_milestone_label(rules_milestone_ages[i]), text,
		    STYLE_NORMAL, 0);
		free(text);
	}

	ps.t = t;
	ps.lines = lines;
	ps.cols = cols;
	ps.n = 0;
	ps.title = NULL;
	tui_lines_add(lines, STYLE_NORMAL, 0, 0, "%s", "");
	tui_lines_add(lines, STYLE_TITLE, 0, 0, "%s", "Status history");
	if (store_status_each(t->ses->st, p->id, page_status, &ps, &cause) != 0)
		goto fail;
	tui_lines_add(lines, STYLE_NORMAL, 0, 0, "%s", "");
	tui_lines_add(lines, STYLE_TITLE, 0, 0, "%s",
	    "Contact log, newest first");
	if (p->facts.last_contact == DATE_NONE)
		tui_lines_add(lines, STYLE_NORMAL, 0, 0, "%s",
		    "No successful contact recorded yet.");
	if (store_contacts_each(t->ses->st, p->id, page_contact, &ps, &cause) != 0)
		goto fail;
	if (page_dated(t, lines, cols, "Letters sent", store_letters_each,
	    p->id, &cause) != 0 ||
	    page_dated(t, lines, cols, "Plan reviews", store_reviews_each,
	    p->id, &cause) != 0)
		goto fail;
	free(p);
	return;

fail:
	tui_error(t, "%s", cause);
	free(cause);
	free(p);
}

static void
page_draw(struct tui *t, struct tui_screen *s)
{
	struct page *pg = s->data;

	if (!pg->loaded || pg->generation != t->generation ||
	    pg->cols != COLS)
		page_load(t, pg);
	tui_lines_draw(t, &pg->lines, tui_body_top(), tui_body_rows());
}

static int
page_key(struct tui *t, struct tui_screen *s, int key)
{
	struct page *pg = s->data;
	enum tui_action action = tui_key_action(key, TUI_ON_PAGE);
	int bits;

	bits = tui_lines_move(&pg->lines, action, tui_body_rows());
	if (bits != TUI_PASS)
		return bits;
	switch (action) {
	case TUI_BACK:
		return TUI_CLOSE | TUI_DRAW;
	case TUI_CONTACT:
		tui_contact_dialog(t, pg->id);
		break;
	case TUI_EDIT:
		tui_person_form(t, pg->id);
		break;
	case TUI_STEP:
		tui_step_dialog(t, pg->id);
		break;
	case TUI_REVIEW:
		tui_review_dialog(t, pg->id);
		break;
	case TUI_STRIKE:
		tui_strike_dialog(t, pg->id);
		break;
	case TUI_FLAG:
		tui_flag_dialog(t, pg->id);
		break;
	case TUI_NOTE:
		tui_note_dialog(t, pg->id);
		break;
	case TUI_AROUND:
		tui_around_dialog(t, pg->id);
		break;
	case TUI_MOVED:
		tui_moved_dialog(t, pg->id);
		break;
	case TUI_ACTION:
		tui_action_dialog(t, pg->id);
		break;
	case TUI_RETURN:
		tui_return_dialog(t, pg->id);
		break;
	case TUI_AGENDA:
		tui_agenda_open(t);
		break;
	case TUI_LETTERS:
		tui_letters_open(t);
		break;
	case TUI_EXPORT:
		tui_export_dialog(t);
		break;
	case TUI_PUBLISH:
		tui_publish(t);
		break;
	case TUI_ARCHIVE:
		tui_archive_dialog(t, pg->id);
		break;
	case TUI_HANDOVER:
		tui_handover_dialog(t, pg->id);
		break;
	default:
		return TUI_PASS;
	}
	return TUI_DRAW;
}

static void
page_free(struct tui_screen *s)
{
	struct page *pg = s->data;

	if (pg != NULL)
		tui_lines_clear(&pg->lines);
	free(pg);
}

static const struct tui_screen_ops page_ops = {
	"person", TUI_ON_PAGE, 0, page_draw, page_key, NULL, page_free
};

void
tui_person_open(struct tui *t, long id)
{
	struct page *pg = xcalloc(1, sizeof *pg);

	pg->id = id;
	tui_push(t, &page_ops, pg);
}
