/* SPDX-License-Identifier: MIT */
/*
 * tui-agenda.c: the agenda: contacts, letters, reviews and birthdays in
 * the next four weeks, by date, overdue ones first (views_agenda, read
 * when it opens and after a change).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

#define AGENDA_DAYS 28

struct agenda {
	struct tui		*t;
	unsigned		 generation;
	int			 loaded;
	struct agenda_list	 list;	/* the items; their lines are made when drawn */
	struct tui_lines	 lines;
};

/* Write item line->item of the agenda, when it is drawn. */
static void
agenda_format(void *ctx, const struct tui_line *line, char *buf,
    size_t size)
{
	struct agenda *a = ctx;
	const struct agenda_entry *e = &a->list.entries[line->item];
	const char *what;
	char detail[160], number[16];

	/* An agreed action by its number: never by what was agreed. */
	number[0] = '\0';
	if (e->action != NULL)
		snprintf(number, sizeof number, " A%d", e->action->number);
	if (e->item.due.state == DUE_OVERDUE)
		snprintf(detail, sizeof detail, ":%s was due %s, %d day%s ago",
		    number, session_date(a->t->ses, e->item.due.due),
		    e->item.due.days_overdue,
		    e->item.due.days_overdue == 1 ? "" : "s");
	else if (e->item.kind == AGENDA_BIRTHDAY)
		snprintf(detail, sizeof detail, ": %s",
		    rules_milestone_meaning(e->item.age));
	else if (e->action != NULL)
		snprintf(detail, sizeof detail, ":%s", number);
	else
		detail[0] = '\0';
	what = rules_agenda_label(&e->item, 1);
	if (text_casecmp(e->name, e->display_name) != 0)
		snprintf(buf, size, "%5ld  %-24s %s%s (%s)%s", e->person_id,
		    what, tui_flag_mark(a->t, e->flagged), e->name,
		    e->display_name, detail);
	else
		snprintf(buf, size, "%5ld  %-24s %s%s%s", e->person_id, what,
		    tui_flag_mark(a->t, e->flagged), e->name, detail);
}

static void
agenda_load(struct tui *t, struct agenda *a)
{
	struct agenda_list list;
	const struct agenda_entry *e;
	date_t until = t->ses->today + AGENDA_DAYS - 1, heading = DATE_NONE;
	char day[64];
	long selected = tui_lines_selected(&a->lines);
	char *cause = NULL;
	int overdue_heading = 0;
	size_t k;

	a->generation = t->generation;
	a->loaded = 1;
	if (views_agenda(t->ses->st, &t->ses->cfg.rules, t->ses->today, until, &list,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;		/* the agenda as it was */
	}
	tui_lines_clear(&a->lines);
	a->t = t;
	a->lines.format = agenda_format;
	a->lines.ctx = a;
	/* Every item, and a heading for each day at the most. */
	tui_lines_reserve(&a->lines, list.n + 2 * AGENDA_DAYS + 8);
	a->lines.selectable = 1;
	tui_lines_add(&a->lines, STYLE_TITLE, 0, 0, "Agenda from %s to %s",
	    session_date(t->ses, t->ses->today), session_date(t->ses, until));
	if (list.n == 0)
		tui_lines_add(&a->lines, STYLE_NORMAL, 0, 0, "%s",
		    "Nothing is due in these four weeks.");
	for (k = 0; k < list.n; k++) {
		e = &list.entries[k];
		if (e->item.due.state == DUE_OVERDUE) {
			if (!overdue_heading) {
				tui_lines_add(&a->lines, STYLE_NORMAL, 0, 0, "%s",
				    "");
				tui_lines_add(&a->lines, STYLE_TITLE, 0, 0, "%s",
				    "Overdue");
				overdue_heading = 1;
			}
		} else if (e->item.on != heading) {
			heading = e->item.on;
			if (date_format(heading, "%A", day, sizeof day) == 0)
				day[0] = '\0';
			tui_lines_add(&a->lines, STYLE_NORMAL, 0, 0, "%s", "");
			tui_lines_add(&a->lines, STYLE_TITLE, 0, 0, "%s %s%s", day,
			    session_date(t->ses, heading), heading == t->ses->today ?
			    " (today)" : "");
		}
		tui_lines_add_item(&a->lines, e->item.due.state == DUE_OVERDUE ?
		    STYLE_OVERDUE : e->item.due.state == DUE_SOON &&
		    e->item.kind != AGENDA_BIRTHDAY ? STYLE_SOON : STYLE_NORMAL,
		    e->person_id, e->item.due.state == DUE_OVERDUE ? '!' : 0, k);
	}
	agenda_list_free(&a->list);
	a->list = list;
	/* Stay with the same young person when they are still there. */
	for (k = 0; k < a->lines.n; k++) {
		if (selected != 0 && a->lines.lines[k].id == selected) {
			a->lines.selected = k;
			break;
		}
	}
}

static void
agenda_draw(struct tui *t, struct tui_screen *s)
{
	struct agenda *a = s->data;

	if (!a->loaded || a->generation != t->generation)
		agenda_load(t, a);
	tui_lines_draw(t, &a->lines, tui_body_top(), tui_body_rows());
}

static int
agenda_key(struct tui *t, struct tui_screen *s, int key)
{
	struct agenda *a = s->data;
	enum tui_action action = tui_key_action(key, TUI_ON_AGENDA);
	long id;
	int bits;

	bits = tui_lines_move(&a->lines, action, tui_body_rows());
	if (bits != TUI_PASS)
		return bits;
	id = tui_lines_selected(&a->lines);
	switch (action) {
	case TUI_BACK:
		return TUI_CLOSE | TUI_DRAW;
	case TUI_LETTERS:
		tui_letters_open(t);
		return TUI_DRAW;
	case TUI_EXPORT:
		tui_export_dialog(t);
		return TUI_DRAW;
	case TUI_PUBLISH:
		tui_publish(t);
		return TUI_DRAW;
	case TUI_OPEN:
	case TUI_CONTACT:
	case TUI_EDIT:
		if (id == 0)
			return TUI_DONE;
		if (action == TUI_OPEN)
			tui_person_open(t, id);
		else if (action == TUI_CONTACT)
			tui_contact_dialog(t, id);
		else
			tui_person_form(t, id);
		return TUI_DRAW;
	default:
		return TUI_PASS;
	}
}

static void
agenda_free(struct tui_screen *s)
{
	struct agenda *a = s->data;

	if (a != NULL) {
		tui_lines_clear(&a->lines);
		agenda_list_free(&a->list);
	}
	free(a);
}

static const struct tui_screen_ops agenda_ops = {
	"agenda", TUI_ON_AGENDA, 0, agenda_draw, agenda_key, NULL, agenda_free
};

void
tui_agenda_open(struct tui *t)
{
	tui_push(t, &agenda_ops, xcalloc(1, sizeof(struct agenda)));
}
