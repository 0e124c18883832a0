/* SPDX-License-Identifier: MIT */
/*
 * tui-form.c: forms, with the ncurses FORM library: a page (add and edit
 * a young person) or a dialog box over the screen beneath (log contact,
 * step up/down, review, strike out).  Characters are typed with
 * form_driver_w, so any script can be entered.  A note of several lines
 * is a box of our own (tui-textbox.c) over a one-row field of the form,
 * which the form moves to and from as to any other.  Nothing is saved
 * until the form's save function accepts every field; errors are shown
 * under the field they are about.  Esc asks before throwing typed text
 * away.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "job.h"
#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

#define FORM_LABEL_COLS	16
#define FORM_DIALOG_COLS 76

/*
 * Fields start one column into their window: ncurses 6.4's wins_wch reads
 * the cell before the cursor when it inserts a double-width character,
 * which must not be outside the window's line (valgrind saw it).
 */
#define FORM_FIELD_X	1

/* Rows of a box of several lines: as the screen leaves room for. */
#define FORM_BOX_ROWS_MIN 3
#define FORM_BOX_ROWS_MAX 8

struct tui_form {
	char			*title;
	char			*intro;
	char			*save_label;
	struct tui_field_spec	*specs;		/* a copy, with: */
	char			**labels;	/* its labels and hints (or */
	char			**hints;	/* NULL), the form's own */
	size_t			 n;
	FIELD			**fields;	/* n + 1, NULL-terminated */
	FORM			*form;
	WINDOW			*frame;		/* a dialog's box, or NULL */
	WINDOW			*win;		/* fields, hints and errors */
	int			*row;		/* of each field, in win */
	int			 rows;		/* of win */
	struct tui_textbox	**boxes;	/* of FIELD_LINES, else NULL */
	int			 box_rows;	/* rows of each box */
	struct tui_textbox_view	 view;		/* the current box, drawn */
	char			**initial;	/* trimmed text when opened */
	int			*initial_choice;
	int			*choice;
	char			**errors;
	int			 dialog;
	int			 label_x, label_y; /* on screen */
	int			 intro_lines;
	tui_form_save_cb	 save;
	void			*arg;
	void			(*free_arg)(void *);
};

/* A copy of s without the spaces a field pads it with, or typed around it. */
static char *
form_trim(const char *s)
{
	const char *end;

	while (*s == ' ')
		s++;
	end = s + strlen(s);
	while (end > s && end[-1] == ' ')
		end--;
	return xstrndup(s, (size_t)(end - s));
}

static size_t
form_nchoices(const struct tui_field_spec *spec)
{
	size_t n = 0;

	while (spec->choices != NULL && spec->choices[n] != NULL)
		n++;
	return n;
}

/* The current field's index. */
static size_t
form_current(const struct tui_form *f)
{
	int i = field_index(current_field(f->form));

	return i < 0 ? 0 : (size_t)i;
}

/* The field whose row shows the errors of field i (the last of a group). */
static size_t
form_error_field(const struct tui_form *f, size_t i)
{
	while (i + 1 < f->n && f->specs[i].joined)
		i++;
	return i;
}

struct form_count {
	int	n;
};

static void
form_count_line(const char *line, void *arg)
{
	struct form_count *c = arg;

	(void)line;
	c->n++;
}

struct form_intro {
	WINDOW	*win;
	int	 y, x, cols, n, max;
};

static void
form_intro_line(const char *line, void *arg)
{
	struct form_intro *in = arg;

	if (in->n < in->max)
		tui_put(in->win, in->y + in->n, in->x, in->cols, A_NORMAL, line);
	in->n++;
}

/* Rows field i takes on screen, without its error row. */
static int
form_height(const struct tui_form *f, size_t i)
{
	return f->specs[i].kind == FIELD_LINES ? f->box_rows : 1;
}

/* Where each field goes in win, each followed by its error row. */
static void
form_layout(struct tui_form *f)
{
	size_t i;
	int r = 0;

	for (i = 0; i < f->n; i++) {
		f->row[i] = r;
		r += form_height(f, i) + (f->specs[i].joined ? 0 : 1);
	}
	f->rows = r;
}

/*
 * Rows for the boxes of several lines, for the size of the screen: what
 * is left under the other fields (a dialog keeping clear of the status
 * line), shared among them, from FORM_BOX_ROWS_MIN to FORM_BOX_ROWS_MAX.
 */
static int
form_box_rows(const struct tui_form *f)
{
	int other = 0, boxes = 0, room;
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->specs[i].kind == FIELD_LINES)
			boxes++;
		else
			other++;
		other += f->specs[i].joined ? 0 : 1;
	}
	if (boxes == 0)
		return FORM_BOX_ROWS_MIN;
	if (f->dialog)
		room = LINES - 3 - (3 + f->intro_lines + (f->intro_lines > 0));
	else
		room = LINES - 3 - (tui_body_top() + 2 + f->intro_lines);
	room = (room - other) / boxes;
	if (room < FORM_BOX_ROWS_MIN)
		return FORM_BOX_ROWS_MIN;
	return room > FORM_BOX_ROWS_MAX ? FORM_BOX_ROWS_MAX : room;
}

/*
 * Size the boxes for the screen; when that moves the fields, the form
 * (not posted) is made again over them, on the same field.
 */
static void
form_fit(struct tui_form *f)
{
	int rows = form_box_rows(f);
	size_t i, cur;

	if (rows == f->box_rows && f->form != NULL)
		return;
	f->box_rows = rows;
	form_layout(f);
	if (f->form == NULL)
		return;
	cur = form_current(f);
	free_form(f->form);
	for (i = 0; i < f->n; i++)
		move_field(f->fields[i], f->row[i], FORM_FIELD_X);
	f->form = new_form(f->fields);
	if (f->form == NULL)
		abort();	/* out of memory */
	set_current_field(f->form, f->fields[cur]);
}

/* Columns of the box of field i: its width, or what the window leaves. */
static int
form_box_cols(const struct tui_form *f, size_t i)
{
	int room = getmaxx(f->win) - FORM_FIELD_X - 1;

	return f->specs[i].width < room ? f->specs[i].width : room;
}

/* Make the windows for the size of the screen, and post the form. */
static void
form_place(struct tui_form *f)
{
	struct form_count count = { 0 };
	int w, h, y, x, fx, fy;

	if (f->dialog) {
		w = COLS - 4 < FORM_DIALOG_COLS ? COLS - 4 : FORM_DIALOG_COLS;
		if (f->intro != NULL)
			tui_wrap(f->intro, w - 4, form_count_line, &count);
		f->intro_lines = count.n > 4 ? 4 : count.n;
		form_fit(f);
		h = 2 + 1 + f->intro_lines + (f->intro_lines > 0) + f->rows;
		y = (LINES - h) / 2;
		if (y < 1)
			y = 1;
		x = (COLS - w) / 2;
		f->frame = tui_window(h, w, y, x);
		f->label_x = x + 2;
		f->label_y = y + 1 + f->intro_lines + (f->intro_lines > 0);
		fx = f->label_x + FORM_LABEL_COLS + 1 - FORM_FIELD_X;
		fy = f->label_y;
		f->win = tui_window(f->rows, x + w - 2 - fx, fy, fx);
	} else {
		f->frame = NULL;
		f->intro_lines = f->intro != NULL ? 1 : 0;
		form_fit(f);
		f->label_x = 2;
		f->label_y = tui_body_top() + 2 + f->intro_lines;
		fx = f->label_x + FORM_LABEL_COLS + 2 - FORM_FIELD_X;
		f->win = tui_window(f->rows, COLS - fx - 1, f->label_y, fx);
	}
	set_form_win(f->form, f->win);
	set_form_sub(f->form, f->win);
	post_form(f->form);
}

static void
form_unplace(struct tui_form *f)
{
	/* What was typed into the current field reaches its buffer. */
	form_driver(f->form, REQ_VALIDATION);
	unpost_form(f->form);
	if (f->win != NULL)
		delwin(f->win);
	if (f->frame != NULL)
		delwin(f->frame);
	f->win = f->frame = NULL;
}

static int
form_has_box(const struct tui_form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->specs[i].kind == FIELD_LINES)
			return 1;
	}
	return 0;
}

/*
 * The box of field i, and under its label (in lw, whose label column
 * starts at ly, lx) the key for a new line; on the row under the box
 * unless it holds an error (said), which lines show when the text is
 * longer than the box.
 */
static void
form_draw_box(struct tui *t, struct tui_form *f, size_t i, WINDOW *lw,
    int ly, int lx, int said)
{
	struct tui_textbox_view view;
	char *where;

	tui_textbox_draw(f->boxes[i], f->win, f->row[i], FORM_FIELD_X,
	    f->box_rows, form_box_cols(f, i), tui_style(t, STYLE_FIELD), &view);
	if (i == form_current(f))
		f->view = view;
	if (f->box_rows > 1)
		tui_put(lw, ly + f->row[i] + 1, lx, FORM_LABEL_COLS, A_DIM,
		    "Ctrl-J new line");
	if (view.lines > (size_t)f->box_rows && !said) {
		where = xasprintf("lines %zu-%zu of %zu (PgUp, PgDn)",
		    view.top + 1, view.top + (size_t)f->box_rows, view.lines);
		tui_put(f->win, f->row[i] + f->box_rows, FORM_FIELD_X,
		    getmaxx(f->win) - FORM_FIELD_X, A_DIM, where);
		free(where);
	}
}

static void
form_draw(struct tui *t, struct tui_screen *s)
{
	struct tui_form *f = s->data;
	struct form_intro in;
	WINDOW *lw = f->dialog ? f->frame : stdscr;
	int ly, lx, hx, wcols = getmaxx(f->win), cur = (int)form_current(f);
	int said;
	size_t i, j;
	char *text;
	attr_t attr;

	if (f->dialog) {
		int fw = getmaxx(f->frame), fy = getbegy(f->frame),
		    fx = getbegx(f->frame);

		werase(f->frame);
		box(f->frame, 0, 0);
		text = xasprintf(" %s ", f->title);
		tui_put(f->frame, 0, 2, text_width(text) < fw - 4 ?
		    text_width(text) : fw - 4, A_BOLD, text);
		free(text);
		text = xasprintf(" Enter %s%s · Esc cancel ", f->save_label,
		    form_has_box(f) ? " · Ctrl-J new line · Ctrl-X editor" :
		    "");
		tui_put(f->frame, getmaxy(f->frame) - 1, 2,
		    text_width(text) < fw - 4 ? text_width(text) : fw - 4,
		    A_NORMAL, text);
		free(text);
		in.win = f->frame;
		in.y = 1;
		in.x = 2;
		in.cols = fw - 4;
		in.n = 0;
		in.max = f->intro_lines;
		if (f->intro != NULL)
			tui_wrap(f->intro, fw - 4, form_intro_line, &in);
		ly = f->label_y - fy;
		lx = f->label_x - fx;
	} else {
		tui_put(stdscr, tui_body_top(), 2, COLS - 3, A_BOLD, f->title);
		if (f->intro != NULL)
			tui_put(stdscr, tui_body_top() + 1, 2, COLS - 3, A_NORMAL,
			    f->intro);
		ly = f->label_y;
		lx = f->label_x;
	}
	for (i = 0; i < f->n; i++) {
		attr = (int)i == cur ? A_BOLD : A_NORMAL;
		tui_put(lw, ly + f->row[i], lx - 1, 1, A_BOLD, (int)i == cur ?
		    ">" : "");
		tui_put(lw, ly + f->row[i], lx, FORM_LABEL_COLS, attr,
		    f->specs[i].label);
		hx = FORM_FIELD_X + f->specs[i].width + 1;
		if (f->specs[i].hint != NULL && wcols > hx + 1)
			tui_put(f->win, f->row[i], hx, wcols - hx, A_DIM,
			    f->specs[i].hint);
		if (f->specs[i].joined) {
			if (f->specs[i].kind == FIELD_LINES)
				form_draw_box(t, f, i, lw, ly, lx, 1);
			continue;
		}
		/* The error row of the group ending with field i. */
		wmove(f->win, f->row[i] + form_height(f, i), 0);
		wclrtoeol(f->win);
		said = 0;
		for (j = i + 1; j-- > 0; ) {
			if (form_error_field(f, j) != i)
				break;
			if (f->errors[j] != NULL) {
				text = xasprintf("! %s", f->errors[j]);
				tui_put(f->win, f->row[i] + form_height(f, i),
				    FORM_FIELD_X,
				    wcols - FORM_FIELD_X,
				    tui_style(t, STYLE_ERROR), text);
				free(text);
				said = 1;
				break;
			}
		}
		if (f->specs[i].kind == FIELD_LINES)
			form_draw_box(t, f, i, lw, ly, lx, said);
	}
	pos_form_cursor(f->form);
	if (f->specs[cur].kind == FIELD_LINES)
		wmove(f->win, f->view.cursor_y, f->view.cursor_x);
	s->frame = f->frame;
	s->input = f->win;
	s->cursor = f->specs[cur].kind != FIELD_CHOICE;
}

static int
form_changed(struct tui_form *f)
{
	size_t i;

	form_driver(f->form, REQ_VALIDATION);
	for (i = 0; i < f->n; i++) {
		if (!tui_form_unchanged(f, i))
			return 1;
	}
	return 0;
}

static void
form_set_choice(struct tui_form *f, size_t i, int choice)
{
	int n = (int)form_nchoices(&f->specs[i]);

	if (n == 0)
		return;
	choice = ((choice % n) + n) % n;
	f->choice[i] = choice;
	set_field_buffer(f->fields[i], 0, f->specs[i].choices[choice]);
}

/* 1 when choice name starts with the letter key, ignoring case. */
static int
form_starts(const char *name, int key)
{
	int c = (unsigned char)name[0];

	if (key >= 'A' && key <= 'Z')
		key += 'a' - 'A';
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return c == key;
}

/*
 * A letter typed in a choice field picks the first choice it starts, or
 * the next one when the current choice starts with it already.
 */
static void
form_choice_letter(struct tui_form *f, size_t i, int key)
{
	int n = (int)form_nchoices(&f->specs[i]), k, c, from;

	if (key >= 0x80 || n == 0)
		return;
	from = form_starts(f->specs[i].choices[f->choice[i]], key) ?
	    f->choice[i] + 1 : 0;
	for (k = 0; k < n; k++) {
		c = (from + k) % n;
		if (form_starts(f->specs[i].choices[c], key)) {
			form_set_choice(f, i, c);
			return;
		}
	}
}

static int
form_save(struct tui *t, struct tui_form *f)
{
	size_t i;

	form_driver(f->form, REQ_VALIDATION);
	for (i = 0; i < f->n; i++)
		tui_form_error(f, i, NULL);
	if (f->save(t, f, f->arg) == 0)
		return TUI_CLOSE | TUI_DRAW;
	for (i = 0; i < f->n; i++) {
		if (f->errors[i] != NULL) {
			set_current_field(f->form, f->fields[i]);
			form_driver(f->form, REQ_END_LINE);
			if (t->message == NULL)
				tui_error(t, "Nothing was saved: put right what "
				    "is marked with !, then press Enter.");
			break;
		}
	}
	return TUI_DRAW;
}

/* The note of field i written in the worker's own editor. */
static void
form_box_editor(struct tui *t, struct tui_form *f, size_t i)
{
	char *text = NULL, *cause = NULL;

	if (tui_textbox_edit(t, f->boxes[i], &text, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	tui_textbox_set(f->boxes[i], text);
	free(text);
	tui_form_error(f, i, NULL);
}

/* A key in the box of several lines of field i; TUI_PASS if not its. */
static int
form_box_key(struct tui *t, struct tui_form *f, size_t i, int key)
{
	char *msg;
	int bits, full;

	if (tui_key_action(key, TUI_ON_FORM) == TUI_EDITOR) {
		form_box_editor(t, f, i);
		return TUI_DRAW;
	}
	bits = tui_textbox_key(f->boxes[i], key, f->box_rows,
	    form_box_cols(f, i), &full);
	if (full) {
		msg = xasprintf("no room for more: at most %d bytes",
		    f->specs[i].max);
		tui_form_error(f, i, msg);
		free(msg);
	}
	return bits;
}

static int
form_key(struct tui *t, struct tui_screen *s, int key)
{
	struct tui_form *f = s->data;
	size_t i = form_current(f);
	int choice = f->specs[i].kind == FIELD_CHOICE, bits;
	enum tui_action action;

	if (f->specs[i].kind == FIELD_LINES) {
		bits = form_box_key(t, f, i, key);
		if (bits != TUI_PASS)
			return bits;
	}
	if (tui_key_printable(key)) {
		if (!choice) {
			form_driver_w(f->form, OK, (wchar_t)key);
			return TUI_DRAW;
		}
		if (tui_key_action(key, TUI_ON_FORM) == TUI_NEXT_CHOICE)
			form_set_choice(f, i, f->choice[i] + 1);
		else
			form_choice_letter(f, i, key);
		return TUI_DRAW;
	}
	action = tui_key_action(key, TUI_ON_FORM);
	switch (action) {
	case TUI_SAVE:
	case TUI_NEW_LINE:	/* outside a note, as Enter */
		return form_save(t, f);
	case TUI_CANCEL:
		if (form_changed(f)) {
			tui_confirm_discard(t, "Throw away what you typed? "
			    "Nothing of it has been saved.");
			return TUI_DRAW;
		}
		return TUI_CLOSE | TUI_DRAW;
	case TUI_NEXT_FIELD:
		form_driver(f->form, REQ_NEXT_FIELD);
		form_driver(f->form, REQ_END_LINE);
		break;
	case TUI_PREV_FIELD:
		form_driver(f->form, REQ_PREV_FIELD);
		form_driver(f->form, REQ_END_LINE);
		break;
	case TUI_LEFT:
		if (choice)
			form_set_choice(f, i, f->choice[i] - 1);
		else
			form_driver(f->form, REQ_PREV_CHAR);
		break;
	case TUI_RIGHT:
		if (choice)
			form_set_choice(f, i, f->choice[i] + 1);
		else
			form_driver(f->form, REQ_NEXT_CHAR);
		break;
	case TUI_LINE_START:
		form_driver(f->form, REQ_BEG_LINE);
		break;
	case TUI_LINE_END:
		form_driver(f->form, REQ_END_LINE);
		break;
	case TUI_DEL_BACK:
		if (!choice)
			form_driver(f->form, REQ_DEL_PREV);
		break;
	case TUI_DEL_CHAR:
		if (!choice)
			form_driver(f->form, REQ_DEL_CHAR);
		break;
	case TUI_CLEAR_FIELD:
		if (!choice)
			form_driver(f->form, REQ_CLR_FIELD);
		break;
	case TUI_REDRAW:
		return TUI_PASS;
	default:
		return TUI_DONE;
	}
	return TUI_DRAW;
}

/*
 * Where the cursor is in the current one-line field, in columns from the
 * start of its text.  Posting a form again puts the cursor at the start
 * of the field, and the FORM library has no call that says where it is,
 * so this reads the form's own curcol and begincol (public in form.h, and
 * what form_driver itself keeps) and the column the field is scrolled by.
 */
static int
form_column(const struct tui_form *f)
{
	return f->form->begincol + f->form->curcol;
}

/* Move the cursor of the current field to column col of its text. */
static void
form_goto_column(struct tui_form *f, int col)
{
	int was;

	form_driver(f->form, REQ_BEG_LINE);
	while (form_column(f) < col) {
		was = form_column(f);
		if (form_driver(f->form, REQ_NEXT_CHAR) != E_OK ||
		    form_column(f) <= was)
			break;
	}
}

/*
 * The windows are made again for the new size; the worker's place in
 * the field they were typing in is kept, so that what they type next
 * goes where it did before.  (A box of several lines keeps its own.)
 */
static void
form_resize(struct tui *t, struct tui_screen *s)
{
	struct tui_form *f = s->data;
	int col = form_column(f);

	(void)t;
	form_unplace(f);
	form_place(f);
	if (f->specs[form_current(f)].kind == FIELD_TEXT)
		form_goto_column(f, col);
}

static void
form_free(struct tui_screen *s)
{
	struct tui_form *f = s->data;
	size_t i;

	if (f == NULL)
		return;
	form_unplace(f);
	free_form(f->form);
	for (i = 0; i < f->n; i++) {
		free_field(f->fields[i]);
		tui_textbox_free(f->boxes[i]);
		free(f->initial[i]);
		free(f->errors[i]);
		free(f->labels[i]);
		free(f->hints[i]);
	}
	if (f->free_arg != NULL)
		f->free_arg(f->arg);
	free(f->fields);
	free(f->boxes);
	free(f->specs);
	free(f->labels);
	free(f->hints);
	free(f->row);
	free(f->initial);
	free(f->initial_choice);
	free(f->choice);
	free(f->errors);
	free(f->title);
	free(f->intro);
	free(f->save_label);
	free(f);
}

static const struct tui_screen_ops form_page_ops = {
	"form", TUI_ON_FORM, 0, form_draw, form_key, form_resize, form_free
};

static const struct tui_screen_ops form_dialog_ops = {
	"dialog", TUI_ON_FORM, 1, form_draw, form_key, form_resize, form_free
};

void
tui_form_open(struct tui *t, const char *title, const char *intro,
    const struct tui_field_spec *specs, size_t n, const char *const *values,
    int dialog, const char *save_label, tui_form_save_cb save, void *arg,
    void (*free_arg)(void *))
{
	struct tui_form *f = xcalloc(1, sizeof *f);
	const char *value;
	char *shown;
	size_t i, k;

	f->title = xstrdup(title);
	f->intro = intro != NULL ? xstrdup(intro) : NULL;
	f->save_label = xstrdup(save_label);
	f->n = n;
	f->dialog = dialog;
	f->save = save;
	f->arg = arg;
	f->free_arg = free_arg;
	f->specs = xcalloc(n, sizeof *f->specs);
	f->labels = xcalloc(n, sizeof *f->labels);
	f->hints = xcalloc(n, sizeof *f->hints);
	f->fields = xcalloc(n + 1, sizeof *f->fields);
	f->row = xcalloc(n, sizeof *f->row);
	f->initial = xcalloc(n, sizeof *f->initial);
	f->initial_choice = xcalloc(n, sizeof *f->initial_choice);
	f->choice = xcalloc(n, sizeof *f->choice);
	f->errors = xcalloc(n, sizeof *f->errors);
	f->boxes = xcalloc(n, sizeof *f->boxes);
	for (i = 0; i < n; i++) {
		f->labels[i] = xstrdup(specs[i].label);
		f->hints[i] = specs[i].hint != NULL ?
		    xstrdup(specs[i].hint) : NULL;
		f->specs[i] = specs[i];
		f->specs[i].label = f->labels[i];
		f->specs[i].hint = f->hints[i];
	}
	f->box_rows = FORM_BOX_ROWS_MIN;
	form_layout(f);

	for (i = 0; i < n; i++) {
		FIELD *field = new_field(1, specs[i].width, f->row[i],
		    FORM_FIELD_X, 0, 0);

		if (field == NULL)
			abort();	/* out of memory */
		f->fields[i] = field;
		field_opts_off(field, O_AUTOSKIP | O_BLANK);
		set_field_back(field, tui_style(t, STYLE_FIELD));
		value = values != NULL && values[i] != NULL ? values[i] : "";
		if (specs[i].kind == FIELD_CHOICE) {
			field_opts_off(field, O_EDIT);
			for (k = 0; k < form_nchoices(&specs[i]); k++) {
				if (strcmp(specs[i].choices[k], value) == 0)
					f->choice[i] = (int)k;
			}
			f->initial_choice[i] = f->choice[i];
			set_field_buffer(field, 0,
			    specs[i].choices[f->choice[i]]);
			f->initial[i] = xstrdup(specs[i].choices[f->choice[i]]);
			continue;
		}
		if (specs[i].kind == FIELD_LINES) {
			/* A place for the box, which holds the text. */
			field_opts_off(field, O_EDIT);
			shown = text_escape(value, 1);
			f->boxes[i] = tui_textbox_new(shown, (size_t)specs[i].max);
			f->initial[i] = tui_textbox_value(f->boxes[i]);
			free(shown);
			continue;
		}
		field_opts_off(field, O_STATIC);
		set_max_field(field, specs[i].max);
		shown = text_escape(value, 0);
		set_field_buffer(field, 0, shown);
		f->initial[i] = form_trim(shown);
		free(shown);
	}
	f->form = new_form(f->fields);
	if (f->form == NULL)
		abort();
	form_place(f);
	/* Start at the end of the first field's text, ready to type. */
	form_driver(f->form, REQ_END_LINE);
	tui_push(t, dialog ? &form_dialog_ops : &form_page_ops, f);
}

char *
tui_form_value(struct tui_form *f, size_t i)
{
	if (f->specs[i].kind == FIELD_CHOICE)
		return xstrdup(f->specs[i].choices[f->choice[i]]);
	if (f->specs[i].kind == FIELD_LINES)
		return tui_textbox_value(f->boxes[i]);
	return form_trim(field_buffer(f->fields[i], 0));
}

int
tui_form_choice(struct tui_form *f, size_t i)
{
	return f->choice[i];
}

int
tui_form_unchanged(struct tui_form *f, size_t i)
{
	char *now;
	int same;

	if (f->specs[i].kind == FIELD_CHOICE)
		return f->choice[i] == f->initial_choice[i];
	now = tui_form_value(f, i);
	same = strcmp(now, f->initial[i]) == 0;
	free(now);
	return same;
}

void
tui_form_error(struct tui_form *f, size_t i, const char *msg)
{
	free(f->errors[i]);
	f->errors[i] = msg != NULL ? text_escape(msg, 0) : NULL;
}

/* ------------------------------------------------ add and edit a person */

enum {
	PF_NAME, PF_PREFERRED, PF_DOB, PF_PHONE, PF_EMAIL, PF_ADDRESS1,
	PF_ADDRESS2, PF_ADDRESS3, PF_ALLOCATED, PF_INTERVAL,
	PF_LAST_CONTACT, PF_LAST_METHOD,	/* when adding only */
	PF_COUNT
};
#define PF_EDIT_COUNT PF_LAST_CONTACT

struct person_form {
	long		 id;		/* 0 when adding */
	struct person	*old;		/* when editing */
	struct tui_form	*form;		/* the form, while it is open */
	int		 confirmed;	/* the worker said yes to their age */
	const char	*methods[METHOD_COUNT + 1];
};

static void
person_form_free(void *arg)
{
	struct person_form *pf = arg;

	if (pf != NULL)
		free(pf->old);
	free(pf);
}

/* Note an error against field i; cause is freed. */
static void
person_form_fail(struct tui_form *f, size_t i, char **cause, int *bad)
{
	tui_form_error(f, i, *cause != NULL ? *cause : "not valid");
	free(*cause);
	*cause = NULL;
	*bad = 1;
}

/* An optional text field: the old value when untouched, NULL when empty. */
static const char *
person_form_text(struct tui_form *f, size_t i, const char *typed,
    const char *old, int editing)
{
	if (editing && tui_form_unchanged(f, i))
		return old;
	return *typed != '\0' ? typed : NULL;
}

static int
person_form_date(struct tui *t, struct tui_form *f, size_t i,
    const char *typed, date_t old, int editing, date_t *out, int *bad)
{
	char *cause = NULL;

	if (editing && tui_form_unchanged(f, i)) {
		*out = old;
		return 0;
	}
	if (*typed == '\0')
		return -1;
	if (date_parse(typed, t->ses->today, out, &cause) != 0) {
		person_form_fail(f, i, &cause, bad);
		return 0;
	}
	return 0;
}

static char *
person_form_address(struct tui_form *f, char **v, const char *old,
    int editing)
{
	char *joined = NULL, *more;
	size_t i;

	if (editing && tui_form_unchanged(f, PF_ADDRESS1) &&
	    tui_form_unchanged(f, PF_ADDRESS2) &&
	    tui_form_unchanged(f, PF_ADDRESS3))
		return old != NULL ? xstrdup(old) : NULL;
	for (i = PF_ADDRESS1; i <= PF_ADDRESS3; i++) {
		if (*v[i] == '\0')
			continue;
		more = xasprintf("%s%s%s", joined != NULL ? joined : "",
		    joined != NULL ? "\n" : "", v[i]);
		free(joined);
		joined = more;
	}
	return joined;
}

/* The interval field, into *weeks: 0 (the default) when blank. */
static void
person_form_interval(struct tui_form *f, const char *typed, int *weeks,
    int *bad)
{
	char *cause, *end;
	long n;

	*weeks = 0;
	if (*typed == '\0')
		return;
	n = strtol(typed, &end, 10);
	if (*end != '\0' || typed[0] < '0' || typed[0] > '9' || n < 1 ||
	    n > 52) {
		cause = xstrdup("a whole number of weeks from 1 to 52, or "
		    "blank for the default");
		person_form_fail(f, PF_INTERVAL, &cause, bad);
	} else
		*weeks = (int)n;
}

/*
 * Read the fields v of the form into p, which starts as the old details
 * when editing (a field left as it was keeps its old value); the dates
 * and the interval are read as typed, an error noted beside the field
 * and *bad set (the job checks the rest).  p's
 * strings point into v, pf->old or *address (the address lines joined,
 * which the caller frees).
 */
static void
person_form_read(struct tui *t, struct tui_form *f,
    const struct person_form *pf, char **v, struct person *p,
    char **address, int *bad)
{
	const struct person *old = pf->old;
	int editing = old != NULL;
	char *cause = NULL;

	memset(p, 0, sizeof *p);
	if (editing)
		*p = *old;
	else
		person_facts_init(&p->facts);

	if (editing && tui_form_unchanged(f, PF_NAME))
		p->name = old->name;
	else
		p->name = v[PF_NAME];
	p->preferred_name = person_form_text(f, PF_PREFERRED, v[PF_PREFERRED],
	    editing ? old->preferred_name : NULL, editing);
	if (person_form_date(t, f, PF_DOB, v[PF_DOB], editing ?
	    old->facts.dob : DATE_NONE, editing, &p->facts.dob, bad) != 0) {
		cause = xstrdup("give their date of birth, as DD/MM/YYYY");
		person_form_fail(f, PF_DOB, &cause, bad);
	}
	p->phone = person_form_text(f, PF_PHONE, v[PF_PHONE], editing ?
	    old->phone : NULL, editing);
	p->email = person_form_text(f, PF_EMAIL, v[PF_EMAIL], editing ?
	    old->email : NULL, editing);
	*address = person_form_address(f, v, editing ? old->address : NULL,
	    editing);
	p->address = *address;
	if (person_form_date(t, f, PF_ALLOCATED, v[PF_ALLOCATED], editing ?
	    old->facts.allocated_on : DATE_NONE, editing,
	    &p->facts.allocated_on, bad) != 0) {
		if (editing) {
			cause = xstrdup("give the date they were allocated to "
			    "you");
			person_form_fail(f, PF_ALLOCATED, &cause, bad);
		} else
			p->facts.allocated_on = DATE_NONE; /* the job's default */
	}
	if (!(editing && tui_form_unchanged(f, PF_INTERVAL)))
		person_form_interval(f, v[PF_INTERVAL],
		    &p->facts.interval_weeks, bad);
}

/*
 * The last contact of someone being added, into *last (on DATE_NONE when
 * the field is blank); a date that cannot be read is noted beside it.
 */
static int
person_form_last(struct tui *t, struct tui_form *f, char **v,
    struct contact *last, int *bad)
{
	char *cause = NULL;

	memset(last, 0, sizeof *last);
	last->on = DATE_NONE;
	last->struck_on = DATE_NONE;
	last->by = BY_WORKER;
	last->method = (enum contact_method)tui_form_choice(f, PF_LAST_METHOD);
	if (*v[PF_LAST_CONTACT] == '\0')
		return 0;
	if (date_parse(v[PF_LAST_CONTACT], t->ses->today, &last->on,
	    &cause) != 0) {
		person_form_fail(f, PF_LAST_CONTACT, &cause, bad);
		last->on = DATE_NONE;
	}
	return 0;
}

/* The field of the form that holds a detail a job refused. */
static size_t
person_form_field(enum job_field field)
{
	switch (field) {
	case JOB_PREFERRED:
		return PF_PREFERRED;
	case JOB_DOB:
	case JOB_CONFIRM:
		return PF_DOB;
	case JOB_PHONE:
		return PF_PHONE;
	case JOB_EMAIL:
		return PF_EMAIL;
	case JOB_ADDRESS:
		return PF_ADDRESS1;
	case JOB_ALLOCATED:
		return PF_ALLOCATED;
	case JOB_INTERVAL:
		return PF_INTERVAL;
	case JOB_LAST_CONTACT:
		return PF_LAST_CONTACT;
	default:
		return PF_NAME;
	}
}

/*
 * Say why the job did not save: beside the field that was wrong, or,
 * for someone on the caseload already, who and how to find them.
 */
static void
person_form_refused(struct tui *t, struct tui_form *f,
    const struct job_result *r, char **cause)
{
	const struct person *who = r->row.person;
	int bad = 0;

	if (!r->refused || r->field == JOB_WHO) {
		tui_error(t, "Nothing was saved: %s", *cause != NULL ? *cause :
		    "the database failed");
		free(*cause);
		*cause = NULL;
		return;
	}
	if (r->field == JOB_DUPLICATE) {
		/* Short enough to be seen whole beside the field. */
		free(*cause);
		*cause = xasprintf("someone with this name and date of birth is "
		    "already number %ld", r->made);
		if (who == NULL || who->facts.status == STATUS_UP)
			tui_error(t, "Nothing was saved: number %ld is on the "
			    "caseload and stepped up already; find them with /.",
			    r->made);
		else
			tui_error(t, "Nothing was saved: number %ld is %s; find "
			    "them with /, then s steps them up again.", r->made,
			    person_status_label(who->facts.status));
	}
	person_form_fail(f, person_form_field(r->field), cause, &bad);
}

/* Say what was saved: the details, or who was added and when to see them. */
static void
person_form_said(struct tui *t, const struct person *p,
    const struct job_result *r, int editing, date_t last)
{
	enum stage stage = r->row.stage;
	char said[128];

	if (editing) {
		tui_message(t, "Saved %s%s's details.",
		    tui_flag_mark(t, p->flagged), person_display_name(p));
		return;
	}
	tui_list_select(t, p->id);
	if (last != DATE_NONE)
		snprintf(said, sizeof said, "last contact %s, next",
		    session_date(t->ses, last));
	else
		snprintf(said, sizeof said, "first");
	tui_message(t, "Added %ld %s (%s); %s contact due %s.%s", p->id,
	    person_display_name(p), rules_stage_label(stage), said,
	    r->row.person != NULL ? session_date(t->ses, r->row.contact.due) :
	    "", stage == STAGE_UNDER_16 ? " Under 16: not yet eligible for "
	    "leaving care support (added anyway)." :
	    stage == STAGE_25_PLUS ? " 25 or over: their leaving care "
	    "entitlement has ended." : "");
}

static int person_form_save(struct tui *, struct tui_form *, void *);

/* Yes, save them although their age is outside the service's. */
static int
person_form_yes(struct tui *t, enum tui_action answer, void *arg)
{
	struct person_form *pf = arg;
	int rc;

	(void)answer;
	pf->confirmed = 1;
	rc = person_form_save(t, pf->form, pf);
	pf->confirmed = 0;
	return rc == 0 ? TUI_CLOSE_BELOW | TUI_DRAW : TUI_DRAW;
}

/*
 * Ask before saving someone whose date of birth makes them under 16 or
 * 25 and over (the job's reason in cause, freed); yes saves the form as
 * it is, no goes back to it.
 */
static void
person_form_ask(struct tui *t, struct person_form *pf, char **cause)
{
	int editing = pf->old != NULL;
	char *question;

	question = xasprintf("%c%s. %s anyway?", (*cause)[0] >= 'a' &&
	    (*cause)[0] <= 'z' ? (*cause)[0] - 'a' + 'A' : (*cause)[0],
	    *cause + 1, editing ? "Save" : "Add them");
	tui_ask(t, editing ? "Save anyway?" : "Add anyway?", question,
	    editing ? "y: yes, save    n or Esc: no, back to the form" :
	    "y: yes, add them    n or Esc: no, back to the form", 0,
	    person_form_yes, pf, NULL);
	free(question);
	free(*cause);
	*cause = NULL;
}

static int
person_form_save(struct tui *t, struct tui_form *f, void *arg)
{
	struct person_form *pf = arg;
	struct person p;
	struct contact last;
	struct job_result r;
	char *v[PF_COUNT], *address = NULL, *cause = NULL;
	int editing = pf->old != NULL, bad = 0, rc = -1;
	size_t i;

	for (i = 0; i < PF_COUNT; i++)
		v[i] = editing && i >= PF_EDIT_COUNT ? xstrdup("") :
		    tui_form_value(f, i);
	text_squeeze(v[PF_NAME]);
	text_squeeze(v[PF_PREFERRED]);
	memset(&last, 0, sizeof last);
	last.on = DATE_NONE;
	person_form_read(t, f, pf, v, &p, &address, &bad);
	if (bad)
		goto out;

	if (!editing && person_form_last(t, f, v, &last, &bad) != 0)
		goto out;
	if (bad)
		goto out;

	/* Under 16 or 25 and over: asked first, then said (person_form_said). */
	pf->form = f;
	if ((editing ? job_person_edit(t->ses, pf->id, &p, pf->confirmed, &r,
	    &cause) : job_person_add(t->ses, &p, last.on != DATE_NONE ? &last :
	    NULL, pf->confirmed, &r, &cause)) != 0) {
		if (r.refused && r.field == JOB_CONFIRM && !pf->confirmed)
			person_form_ask(t, pf, &cause);
		else
			person_form_refused(t, f, &r, &cause);
		job_result_free(&r);
		goto out;
	}
	tui_changed(t);
	person_form_said(t, &p, &r, editing, editing ? DATE_NONE : last.on);
	job_result_free(&r);
	rc = 0;
out:
	for (i = 0; i < PF_COUNT; i++)
		free(v[i]);
	free(address);
	return rc;
}

/* The lines of an address that do not get a field of their own, on one. */
static char *
person_form_join(const char *rest)
{
	char *joined = xmalloc(strlen(rest) * 2 + 1), *out = joined;

	for (; *rest != '\0'; rest++) {
		if (*rest == '\n') {
			*out++ = ',';
			*out++ = ' ';
		} else
			*out++ = *rest;
	}
	*out = '\0';
	return joined;
}

void
tui_person_form(struct tui *t, long id)
{
	struct tui_field_spec specs[PF_COUNT] = {
		{ "Name", FIELD_TEXT, 40, CHECK_NAME_MAX, NULL, NULL, 0 },
		{ "Preferred name", FIELD_TEXT, 40, CHECK_NAME_MAX, NULL,
		  "optional", 0 },
		{ "Date of birth", FIELD_TEXT, 12, 40, NULL, "DD/MM/YYYY", 0 },
		{ "Phone", FIELD_TEXT, 24, CHECK_PHONE_MAX, NULL, "optional", 0 },
		{ "Email", FIELD_TEXT, 40, CHECK_EMAIL_MAX, NULL, "optional", 0 },
		{ "Address", FIELD_TEXT, 40, CHECK_ADDRESS_MAX, NULL,
		  "optional", 1 },
		{ "", FIELD_TEXT, 40, CHECK_ADDRESS_MAX, NULL, NULL, 1 },
		{ "", FIELD_TEXT, 40, CHECK_ADDRESS_MAX, NULL, NULL, 0 },
		{ "Allocated on", FIELD_TEXT, 12, 40, NULL, NULL, 0 },
		{ "Contact every", FIELD_TEXT, 4, 3, NULL, NULL, 0 },
		{ "Last contact", FIELD_TEXT, 12, 40, NULL,
		  "optional: if you know them already", 1 },
		{ "Method", FIELD_CHOICE, 10, 0, NULL,
		  "of the last contact; Left/Right", 0 },
	};
	const char *values[PF_COUNT] = { NULL };
	struct person_form *pf = xcalloc(1, sizeof *pf);
	char dob[64], allocated[64], interval[16], *title, *hint;
	char *lines = NULL, *line3 = NULL, *nl, *cause = NULL;
	int rc, i;

	pf->id = id;
	for (i = 0; i < METHOD_COUNT; i++)
		pf->methods[i] = contact_method_name((enum contact_method)i);
	pf->methods[METHOD_COUNT] = NULL;
	specs[PF_LAST_METHOD].choices = pf->methods;
	values[PF_LAST_METHOD] = contact_method_name(METHOD_OTHER);
	if (id != 0) {
		rc = store_person_get(t->ses->st, id, &pf->old, &cause);
		if (rc != 0) {
			if (rc < 0)
				tui_error(t, "%s", cause);
			else
				tui_error(t, "There is no young person number "
				    "%ld.", id);
			free(cause);
			person_form_free(pf);
			return;
		}
		values[PF_NAME] = pf->old->name;
		values[PF_PREFERRED] = pf->old->preferred_name;
		tui_date_input(t, pf->old->facts.dob, dob, sizeof dob);
		values[PF_DOB] = dob;
		values[PF_PHONE] = pf->old->phone;
		values[PF_EMAIL] = pf->old->email;
		if (pf->old->address != NULL) {
			/* One line of the address in each field; the rest in
			 * the last. */
			lines = text_escape(pf->old->address, 1);
			values[PF_ADDRESS1] = lines;
			if ((nl = strchr(lines, '\n')) != NULL) {
				*nl = '\0';
				values[PF_ADDRESS2] = nl + 1;
				if ((nl = strchr(nl + 1, '\n')) != NULL) {
					*nl = '\0';
					line3 = person_form_join(nl + 1);
					values[PF_ADDRESS3] = line3;
				}
			}
		}
		tui_date_input(t, pf->old->facts.allocated_on, allocated,
		    sizeof allocated);
		values[PF_ALLOCATED] = allocated;
		if (pf->old->facts.interval_weeks > 0) {
			snprintf(interval, sizeof interval, "%d",
			    pf->old->facts.interval_weeks);
			values[PF_INTERVAL] = interval;
		}
		title = xasprintf("Edit the details of %s%s (number %ld)",
		    tui_flag_mark(t, pf->old->flagged), pf->old->name, id);
	} else {
		specs[PF_ALLOCATED].hint = "blank: today, or the last contact";
		title = xstrdup("Add a young person");
	}
	hint = xasprintf("weeks; blank: the default, %d",
	    t->ses->cfg.rules.interval_weeks);
	specs[PF_INTERVAL].hint = hint;
	tui_form_open(t, title, "Dates as DD/MM/YYYY, YYYY-MM-DD or \"today\". "
	    "Tab: next field. Enter: save.",
	    specs, id != 0 ? PF_EDIT_COUNT : PF_COUNT, values, 0, "save",
	    person_form_save, pf, person_form_free);
	free(title);
	free(hint);
	free(lines);
	free(line3);
}
