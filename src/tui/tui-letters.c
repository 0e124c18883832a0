/* SPDX-License-Identifier: MIT */
/*
 * tui-letters.c: the annual letters (l): everyone stepped down with their
 * next letter, most overdue first, as 'caseload letters' lists them
 * (views_letters).  m records the selected young person's letter as
 * sent; w writes the letters due (tui-letters-write.c); Enter opens
 * their page; p prints the list.  It reads the letters again after every
 * change, here or elsewhere.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

struct letters {
	struct letter_list	 list;
	int			 loaded;
	unsigned		 generation;
	int			 cols;		/* width the lines were made for */
	struct tui_lines	 lines;		/* one per row of the list */
	char			*heading;
};

/* Columns, for the width of the window. */
struct letters_cols {
	int	no, name, date[3], state;
};

static const char *const letters_headings[3] = {
	"Stepped down", "Last letter", "Next letter"
};

static void
letters_columns(const struct tui *t, const struct letters *lv,
    struct letters_cols *c)
{
	long max_id = 0;
	size_t k;
	int i, w, fixed;

	for (k = 0; k < lv->list.n; k++) {
		if (lv->list.rows[k].person->id > max_id)
			max_id = lv->list.rows[k].person->id;
	}
	for (c->no = 2; max_id >= 100; max_id /= 10)
		c->no++;
	w = text_width(session_date(t->ses, t->ses->today));
	fixed = c->no + 2 + 2;	/* the number and the name, with their gaps */
	for (i = 0; i < 3; i++) {
		c->date[i] = text_width(letters_headings[i]);
		if (w > c->date[i])
			c->date[i] = w;
		fixed += c->date[i] + 2;
	}
	/* the text starts after the marker, two columns in */
	c->state = COLS >= 100 ? 24 : 20;
	c->name = COLS - 2 - fixed - c->state;
	if (c->name > 32) {
		c->state += c->name - 32;
		c->name = 32;
	}
	if (c->name < 10)
		c->name = 10;
}

/* s fitted to exactly cols columns, then gap spaces, onto line. */
static void
letters_cell(char **line, const char *s, int cols, int gap)
{
	size_t size = (size_t)cols * 12 + 16;
	char *cell = xmalloc(size), *more;

	text_fit(s, cols, 1, cell, size);
	more = xasprintf("%s%s%*s", *line, cell, gap, "");
	free(cell);
	free(*line);
	*line = more;
}

/* A row of the list, or the headings (row NULL), as one line of text. */
static char *
letters_line(struct tui *t, const struct letters_cols *c,
    const struct letter_row *row)
{
	char *line = xstrdup(""), number[32], when[64], *name;
	const char *dates[3];
	int i;

	if (row == NULL) {
		snprintf(number, sizeof number, "%*s", c->no, "No");
		letters_cell(&line, number, c->no, 2);
		letters_cell(&line, "Name", c->name, 2);
		for (i = 0; i < 3; i++)
			letters_cell(&line, letters_headings[i], c->date[i], 2);
		letters_cell(&line, "State", c->state, 0);
		return line;
	}
	snprintf(number, sizeof number, "%*ld", c->no, row->person->id);
	letters_cell(&line, number, c->no, 2);
	if (row->person->preferred_name != NULL &&
	    *row->person->preferred_name != '\0')
		name = xasprintf("%s%s (%s)", tui_flag_mark(t,
		    row->person->flagged), row->person->name,
		    row->person->preferred_name);
	else
		name = xasprintf("%s%s", tui_flag_mark(t,
		    row->person->flagged), row->person->name);
	letters_cell(&line, name, c->name, 2);
	free(name);
	dates[0] = session_date(t->ses, row->stepped_down_on);
	dates[1] = session_date(t->ses, row->person->facts.last_letter);
	dates[2] = session_date(t->ses, row->letter.due);
	for (i = 0; i < 3; i++)
		letters_cell(&line, dates[i], c->date[i], 2);
	if (row->letter.state == DUE_NONE)
		snprintf(when, sizeof when, "%s", c->state >= 24 ?
		    "none: they turn 25 first" : "none: 25 first");
	else
		rows_due_words(&row->letter, t->ses->today, when, sizeof when);
	letters_cell(&line, when, c->state, 0);
	return line;
}

/* Make the lines from the list read last, staying on the same person. */
static void
letters_lines(struct tui *t, struct letters *lv)
{
	const struct letter_row *row;
	struct letters_cols c;
	long selected = tui_lines_selected(&lv->lines);
	enum tui_style style;
	char *line;
	size_t k;

	tui_lines_clear(&lv->lines);
	lv->lines.selectable = 1;
	lv->cols = COLS;
	letters_columns(t, lv, &c);
	free(lv->heading);
	lv->heading = letters_line(t, &c, NULL);
	if (lv->list.stepped_down == 0)
		tui_lines_add(&lv->lines, STYLE_NORMAL, 0, 0, "%s", "Nobody on "
		    "your caseload has stepped down, so no annual letters are "
		    "due.");
	for (k = 0; k < lv->list.n; k++) {
		row = &lv->list.rows[k];
		style = row->letter.state == DUE_OVERDUE ? STYLE_OVERDUE :
		    row->letter.state == DUE_SOON ? STYLE_SOON :
		    row->letter.state == DUE_NONE ? STYLE_DIM : STYLE_NORMAL;
		line = letters_line(t, &c, row);
		tui_lines_add(&lv->lines, style, row->person->id,
		    row->letter.state == DUE_OVERDUE ? '!' :
		    row->letter.state == DUE_SOON ? '~' : 0, "%s", line);
		free(line);
	}
	for (k = 0; k < lv->lines.n; k++) {
		if (selected != 0 && lv->lines.lines[k].id == selected) {
			lv->lines.selected = k;
			break;
		}
	}
}

/* Read the letters again (on opening, and after any change). */
static void
letters_load(struct tui *t, struct letters *lv)
{
	struct letter_list fresh;
	char *cause = NULL;

	lv->generation = t->generation;
	lv->loaded = 1;
	if (views_letters(t->ses->st, &t->ses->cfg.rules, t->ses->today, -1, &fresh,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;		/* the list as it was */
	}
	letter_list_free(&lv->list);
	lv->list = fresh;
	letters_lines(t, lv);
}

static int
letters_rows(void)
{
	return tui_body_rows() - 1;	/* the column headings */
}

static void
letters_draw(struct tui *t, struct tui_screen *s)
{
	struct letters *lv = s->data;
	const struct letter_list *l = &lv->list;
	char *text;

	if (!lv->loaded || lv->generation != t->generation)
		letters_load(t, lv);
	else if (lv->cols != COLS)
		letters_lines(t, lv);
	tui_put(stdscr, tui_body_top(), 0, COLS, A_BOLD | A_UNDERLINE, "");
	tui_put(stdscr, tui_body_top(), 2, COLS - 2, A_BOLD | A_UNDERLINE,
	    lv->heading);
	tui_lines_draw(t, &lv->lines, tui_body_top() + 1, letters_rows());
	if (t->message != NULL || lv->lines.n > (size_t)letters_rows())
		return;
	text = xasprintf("Annual letters: %d overdue, %d due soon; %d stepped "
	    "down · ! overdue  ~ due soon  %s safety flag · m marks one sent",
	    l->overdue, l->due_soon, l->stepped_down,
	    flag_marker(t->ses->utf8));
	tui_put(stdscr, LINES - 2, 0, COLS - 1, A_NORMAL, text);
	free(text);
}

static int
letters_key(struct tui *t, struct tui_screen *s, int key)
{
	struct letters *lv = s->data;
	enum tui_action action = tui_key_action(key, TUI_ON_LETTERS);
	long id;
	int bits;

	bits = tui_lines_move(&lv->lines, action, letters_rows());
	if (bits != TUI_PASS)
		return bits;
	id = tui_lines_selected(&lv->lines);
	switch (action) {
	case TUI_BACK:
		return TUI_CLOSE | TUI_DRAW;
	case TUI_EXPORT:
		tui_export_dialog(t);
		return TUI_DRAW;
	case TUI_PUBLISH:
		tui_publish(t);
		return TUI_DRAW;
	case TUI_PRINT:
		tui_print_letters(t, &lv->list);
		return TUI_DRAW;
	case TUI_WRITE_LETTERS:
		tui_letters_write_dialog(t);
		return TUI_DRAW;
	case TUI_OPEN:
	case TUI_LETTER_SENT:
	case TUI_CONTACT:
	case TUI_EDIT:
	case TUI_STEP:
	case TUI_ARCHIVE:
		break;
	default:
		return TUI_PASS;
	}
	if (id == 0) {
		tui_error(t, "Nobody is selected: nobody has stepped down.");
		return TUI_DRAW;
	}
	switch (action) {
	case TUI_OPEN:
		tui_person_open(t, id);
		break;
	case TUI_LETTER_SENT:
		tui_letter_sent_dialog(t, id);
		break;
	case TUI_CONTACT:
		tui_contact_dialog(t, id);
		break;
	case TUI_EDIT:
		tui_person_form(t, id);
		break;
	case TUI_STEP:
		tui_step_dialog(t, id);
		break;
	case TUI_ARCHIVE:
		tui_archive_dialog(t, id);
		break;
	default:
		break;
	}
	return TUI_DRAW;
}

static void
letters_free(struct tui_screen *s)
{
	struct letters *lv = s->data;

	if (lv != NULL) {
		letter_list_free(&lv->list);
		tui_lines_clear(&lv->lines);
		free(lv->heading);
	}
	free(lv);
}

static const struct tui_screen_ops letters_ops = {
	"letters", TUI_ON_LETTERS, 0, letters_draw, letters_key, NULL,
	letters_free
};

void
tui_letters_open(struct tui *t)
{
	tui_push(t, &letters_ops, xcalloc(1, sizeof(struct letters)));
}
