/*
 * tui-list.c: the caseload list, the home screen: everyone, most urgent
 * first, with search (/) and filters (f).  It shows the due list that
 * struct tui holds (views_due) through an index of the rows that match,
 * and draws only the rows on screen.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

enum list_filter {
	FILTER_ALL, FILTER_OVERDUE, FILTER_SOON, FILTER_UP, FILTER_DOWN,
	FILTER_ARCHIVED
};
#define FILTER_COUNT 6

static const char *const list_filter_names[FILTER_COUNT] = {
	"everyone", "overdue", "due soon", "stepped up", "stepped down",
	"archived"
};

/* As the filter's pick list offers them. */
static const char *const list_filter_labels[FILTER_COUNT] = {
	"Everyone not archived", "Overdue", "Due soon", "Stepped up",
	"Stepped down", "Archived"
};

#define LIST_SEARCH_MAX 200

struct list {
	size_t		*view;		/* indices of the rows shown */
	size_t		 nview;
	size_t		 top;		/* first row on screen */
	size_t		 sel;		/* the selected row, in view */
	long		 sel_id;	/* ... who is on it */
	unsigned	 generation;	/* of t->list when view was built */
	int		 stale;		/* build the view again */
	enum list_filter filter;
	char		 search[LIST_SEARCH_MAX + 8];
	int		 searching;	/* typing a search */
};

/* Columns, computed for the width of the window. */
struct list_cols {
	int	no, name, age, stage, status, date, overdue;
	int	x_no, x_name, x_age, x_stage, x_status, x_last, x_next,
		x_overdue;
};

static int
list_match_filter(const struct due_row *row, enum list_filter filter)
{
	enum status status = row->person->facts.status;

	switch (filter) {
	case FILTER_ALL:
		return status != STATUS_ARCHIVED;
	case FILTER_OVERDUE:
		return status == STATUS_UP && row->contact.state == DUE_OVERDUE;
	case FILTER_SOON:
		return status == STATUS_UP && row->contact.state == DUE_SOON;
	case FILTER_UP:
		return status == STATUS_UP;
	case FILTER_DOWN:
		return status == STATUS_DOWN;
	case FILTER_ARCHIVED:
		return status == STATUS_ARCHIVED;
	}
	return 0;
}

/* A search matches a number from its start ("1" finds 1, 12 ...) or a name. */
static int
list_match_search(const struct due_row *row, const char *search)
{
	const struct person *p = row->person;
	const char *digits = search;
	char number[32];

	if (*search == '\0')
		return 1;
	if (*digits == '#')
		digits++;
	if (*digits >= '0' && *digits <= '9' &&
	    strspn(digits, "0123456789") == strlen(digits)) {
		snprintf(number, sizeof number, "%ld", p->id);
		if (strncmp(number, digits, strlen(digits)) == 0)
			return 1;
	}
	return text_contains(p->name, search) || (p->preferred_name != NULL &&
	    text_contains(p->preferred_name, search));
}

static void
list_build(struct tui *t, struct list *l)
{
	size_t i;

	free(l->view);
	l->view = xreallocarray(NULL, t->list.n + 1, sizeof *l->view);
	l->nview = 0;
	for (i = 0; i < t->list.n; i++) {
		if (list_match_filter(&t->list.rows[i], l->filter) &&
		    list_match_search(&t->list.rows[i], l->search))
			l->view[l->nview++] = i;
	}
	/* Stay on the same young person when they are still shown. */
	for (i = 0; i < l->nview; i++) {
		if (t->list.rows[l->view[i]].person->id == l->sel_id) {
			l->sel = i;
			break;
		}
	}
	if (l->sel >= l->nview)
		l->sel = l->nview > 0 ? l->nview - 1 : 0;
	l->sel_id = l->nview > 0 ? t->list.rows[l->view[l->sel]].person->id :
	    0;
	l->generation = t->generation;
	l->stale = 0;
}

static void
list_fresh(struct tui *t, struct list *l)
{
	if (l->stale || l->generation != t->generation || l->view == NULL)
		list_build(t, l);
}

void *
tui_list_new(struct tui *t)
{
	struct list *l = xcalloc(1, sizeof *l);

	l->filter = FILTER_ALL;
	l->generation = t->generation;
	l->stale = 1;
	return l;
}

void
tui_list_select(struct tui *t, long id)
{
	struct list *l = t->stack[0]->data;

	l->sel_id = id;
	if (l->filter != FILTER_ALL || l->search[0] != '\0') {
		l->filter = FILTER_ALL;
		l->search[0] = '\0';
	}
	l->stale = 1;
}

static int
list_rows(void)
{
	return tui_body_rows() - 1;	/* the column headings */
}

static void
list_columns(const struct tui *t, struct list_cols *c)
{
	long max_id = 0;
	size_t i;
	int w, fixed;

	for (i = 0; i < t->list.n; i++) {
		if (t->list.rows[i].person->id > max_id)
			max_id = t->list.rows[i].person->id;
	}
	for (c->no = 2; max_id >= 100; max_id /= 10)
		c->no++;
	c->age = 3;
	c->stage = 8;
	c->status = 12;
	c->date = 10;
	w = text_width(cli_date(t->cli, t->today));
	if (w > c->date)
		c->date = w;
	c->overdue = 7;
	/* mark, gaps and the fixed columns; the name takes what is left */
	fixed = 2 + c->no + 2 + 1 + c->age + 2 + c->stage + 1 + c->status + 1 +
	    c->date + 1 + c->date + 1 + c->overdue + 1;
	c->name = COLS - fixed;
	if (c->name < 8)
		c->name = 8;
	c->x_no = 2;
	c->x_name = c->x_no + c->no + 2;
	c->x_age = c->x_name + c->name + 1;
	c->x_stage = c->x_age + c->age + 2;
	c->x_status = c->x_stage + c->stage + 1;
	c->x_last = c->x_status + c->status + 1;
	c->x_next = c->x_last + c->date + 1;
	c->x_overdue = c->x_next + c->date + 1;
}

/* The text marker and style of a row: colour is never the only sign. */
static void
list_row_look(const struct due_row *row, int *marker, enum tui_style *style)
{
	*marker = ' ';
	*style = STYLE_NORMAL;
	switch (row->person->facts.status) {
	case STATUS_UP:
		if (row->contact.state == DUE_OVERDUE) {
			*marker = '!';
			*style = STYLE_OVERDUE;
		} else if (row->contact.state == DUE_SOON) {
			*marker = '~';
			*style = STYLE_SOON;
		}
		break;
	case STATUS_DOWN:
		*marker = '-';
		*style = STYLE_DOWN;
		break;
	case STATUS_ARCHIVED:
		*style = STYLE_DIM;
		break;
	}
}

static void
list_draw_row(struct tui *t, const struct list_cols *c, int y,
    const struct due_row *row, int selected)
{
	const struct person *p = row->person;
	enum tui_style style;
	char buf[64], *name;
	attr_t attr;
	int marker;

	list_row_look(row, &marker, &style);
	attr = tui_style(t, style) | (selected ? A_REVERSE : 0);
	buf[0] = (char)marker;
	buf[1] = '\0';
	tui_put(stdscr, y, 0, COLS, attr, buf);
	snprintf(buf, sizeof buf, "%*ld", c->no, p->id);
	tui_put(stdscr, y, c->x_no, c->no, attr, buf);
	if (p->preferred_name != NULL && *p->preferred_name != '\0')
		name = xasprintf("%s (%s)", p->name, p->preferred_name);
	else
		name = xstrdup(p->name);
	tui_put(stdscr, y, c->x_name, c->name, attr, name);
	free(name);
	snprintf(buf, sizeof buf, "%*d", c->age, row->age);
	tui_put(stdscr, y, c->x_age, c->age, attr, buf);
	tui_put(stdscr, y, c->x_stage, c->stage, attr,
	    rules_stage_label(row->stage));
	tui_put(stdscr, y, c->x_status, c->status, attr,
	    person_status_label(p->facts.status));
	tui_put(stdscr, y, c->x_last, c->date, attr,
	    cli_date(t->cli, p->facts.last_contact));
	tui_put(stdscr, y, c->x_next, c->date, attr, p->facts.status ==
	    STATUS_UP ? cli_date(t->cli, row->contact.due) : "");
	if (row->contact.days_overdue > 0)
		snprintf(buf, sizeof buf, "%*d", c->overdue,
		    row->contact.days_overdue);
	else
		buf[0] = '\0';
	tui_put(stdscr, y, c->x_overdue, c->overdue, attr, buf);
}

static void
list_draw_status(struct tui *t, struct list *l)
{
	char *text;
	int y = LINES - 2;

	if (l->searching) {
		text = xasprintf("Search (name or number): %s", l->search);
		tui_put(stdscr, y, 0, COLS - 1, A_BOLD, text);
		t->cursor_y = y;
		t->cursor_x = text_width(text);
		if (t->cursor_x > COLS - 2)
			t->cursor_x = COLS - 2;
		free(text);
		return;
	}
	if (t->message != NULL)
		return;
	if (l->search[0] != '\0')
		text = xasprintf("Showing %zu: %s matching \"%s\" (Esc clears)"
		    " · ! overdue  ~ due soon  - stepped down", l->nview,
		    list_filter_names[l->filter], l->search);
	else if (l->filter != FILTER_ALL)
		text = xasprintf("Showing %zu: %s (Esc shows everyone)"
		    " · ! overdue  ~ due soon  - stepped down", l->nview,
		    list_filter_names[l->filter]);
	else
		text = xasprintf("Showing everyone: %zu · Enter opens a page"
		    " · ! overdue  ~ due soon  - stepped down", l->nview);
	tui_put(stdscr, y, 0, COLS - 1, A_NORMAL, text);
	free(text);
}

static void
list_draw(struct tui *t, struct tui_screen *s)
{
	struct list *l = s->data;
	struct list_cols c;
	int rows = list_rows(), y = tui_body_top(), r;
	attr_t head = A_BOLD | A_UNDERLINE;
	size_t i;

	list_fresh(t, l);
	list_columns(t, &c);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	if (l->top + (size_t)rows > l->nview)
		l->top = l->nview > (size_t)rows ? l->nview - (size_t)rows : 0;

	tui_put(stdscr, y, 0, COLS, head, "");
	tui_put(stdscr, y, c.x_no, c.no, head, "No");
	tui_put(stdscr, y, c.x_name, c.name, head, "Name");
	tui_put(stdscr, y, c.x_age, c.age, head, "Age");
	tui_put(stdscr, y, c.x_stage, c.stage, head, "Stage");
	tui_put(stdscr, y, c.x_status, c.status, head, "Status");
	tui_put(stdscr, y, c.x_last, c.date, head, "Contacted");
	tui_put(stdscr, y, c.x_next, c.date, head, "Next due");
	tui_put(stdscr, y, c.x_overdue, c.overdue, head, "Overdue");

	for (r = 0; r < rows; r++) {
		i = l->top + (size_t)r;
		if (i >= l->nview)
			break;
		list_draw_row(t, &c, y + 1 + r, &t->list.rows[l->view[i]],
		    i == l->sel);
	}
	if (t->list.n == 0)
		tui_put(stdscr, y + 2, 2, COLS - 4, A_BOLD, "No young people on "
		    "your caseload yet: press a to add one.");
	else if (l->nview == 0)
		tui_put(stdscr, y + 2, 2, COLS - 4, A_BOLD, "Nobody matches: "
		    "press Esc to show everyone.");
	list_draw_status(t, l);
}

static int
list_move(struct list *l, enum tui_action action)
{
	size_t page = (size_t)(list_rows() > 1 ? list_rows() - 1 : 1);

	if (l->nview == 0)
		return action == TUI_UP || action == TUI_DOWN ||
		    action == TUI_PAGE_UP || action == TUI_PAGE_DOWN ||
		    action == TUI_TOP || action == TUI_BOTTOM ? TUI_DONE :
		    TUI_PASS;
	switch (action) {
	case TUI_UP:
		if (l->sel > 0)
			l->sel--;
		break;
	case TUI_DOWN:
		if (l->sel + 1 < l->nview)
			l->sel++;
		break;
	case TUI_PAGE_UP:
		l->sel = l->sel > page ? l->sel - page : 0;
		l->top = l->top > page ? l->top - page : 0;
		break;
	case TUI_PAGE_DOWN:
		l->sel = l->sel + page < l->nview ? l->sel + page :
		    l->nview - 1;
		l->top += page;
		break;
	case TUI_TOP:
		l->sel = 0;
		break;
	case TUI_BOTTOM:
		l->sel = l->nview - 1;
		break;
	default:
		return TUI_PASS;
	}
	return TUI_DRAW;
}

/* Remember who is selected after a move. */
static void
list_note_selection(struct tui *t, struct list *l)
{
	if (l->nview > 0 && l->sel < l->nview)
		l->sel_id = t->list.rows[l->view[l->sel]].person->id;
}

static int
list_filter_chosen(struct tui *t, size_t chosen, void *arg)
{
	struct list *l = arg;

	(void)t;
	if (chosen < FILTER_COUNT) {
		l->filter = (enum list_filter)chosen;
		l->stale = 1;
	}
	return TUI_DRAW;
}

static void
list_pick_filter(struct tui *t, struct list *l)
{
	const char *items[FILTER_COUNT];
	char *labels[FILTER_COUNT];
	size_t counts[FILTER_COUNT] = { 0 }, i, f;

	for (i = 0; i < t->list.n; i++) {
		for (f = 0; f < FILTER_COUNT; f++) {
			if (list_match_filter(&t->list.rows[i],
			    (enum list_filter)f))
				counts[f]++;
		}
	}
	for (f = 0; f < FILTER_COUNT; f++) {
		labels[f] = xasprintf("%s (%zu)", list_filter_labels[f],
		    counts[f]);
		items[f] = labels[f];
	}
	tui_pick_open(t, "Show", items, FILTER_COUNT, l->filter,
	    list_filter_chosen, l, NULL);
	for (f = 0; f < FILTER_COUNT; f++)
		free(labels[f]);
}

/* Print the rows shown, as 'caseload due --print' prints everyone. */
static void
list_print(struct tui *t, struct list *l)
{
	struct due_list shown = t->list;	/* the counts of everyone */
	char *subset = NULL;
	size_t i;

	shown.rows = xreallocarray(NULL, l->nview + 1, sizeof *shown.rows);
	for (i = 0; i < l->nview; i++)
		shown.rows[i] = t->list.rows[l->view[i]];
	shown.n = shown.size = l->nview;
	if (l->search[0] != '\0')
		subset = xasprintf("%s matching \"%s\"",
		    list_filter_names[l->filter], l->search);
	else if (l->filter != FILTER_ALL)
		subset = xstrdup(list_filter_names[l->filter]);
	tui_print_due(t, &shown, subset);
	free(subset);
	free(shown.rows);	/* the rows' people are the list's */
}

/* Typing a search: every key narrows the list at once. */
static int
list_search_key(struct tui *t, struct list *l, int key)
{
	char utf8[8];
	size_t len = strlen(l->search), n;
	mbstate_t mbs;

	if (tui_key_printable(key)) {
		memset(&mbs, 0, sizeof mbs);
		n = wcrtomb(utf8, (wchar_t)key, &mbs);
		if (n != (size_t)-1 && len + n <= LIST_SEARCH_MAX) {
			memcpy(l->search + len, utf8, n);
			l->search[len + n] = '\0';
		}
		l->stale = 1;
		return TUI_DRAW;
	}
	switch (tui_key_action(key, TUI_ON_SEARCH)) {
	case TUI_DEL_BACK:
		while (len > 0 && ((unsigned char)l->search[len - 1] & 0xc0) ==
		    0x80)
			len--;
		if (len > 0)
			len--;
		l->search[len] = '\0';
		l->stale = 1;
		return TUI_DRAW;
	case TUI_SAVE:
		l->searching = 0;
		return TUI_DRAW;
	case TUI_CANCEL:
		l->searching = 0;
		l->search[0] = '\0';
		l->stale = 1;
		return TUI_DRAW;
	case TUI_UP:
	case TUI_DOWN:
		list_fresh(t, l);
		list_move(l, tui_key_action(key, TUI_ON_SEARCH));
		list_note_selection(t, l);
		return TUI_DRAW;
	default:
		return TUI_DONE;
	}
}

static int
list_key_list(struct tui *t, struct list *l, int key)
{
	enum tui_action action;
	int bits;

	list_fresh(t, l);
	action = tui_key_action(key, TUI_ON_LIST);
	bits = list_move(l, action);
	if (bits != TUI_PASS) {
		list_note_selection(t, l);
		return bits;
	}
	switch (action) {
	case TUI_QUIT:
		return TUI_EXIT;
	case TUI_CLEAR:
		l->search[0] = '\0';
		l->filter = FILTER_ALL;
		l->stale = 1;
		return TUI_DRAW;
	case TUI_SEARCH:
		l->searching = 1;
		return TUI_DRAW;
	case TUI_FILTER:
		list_pick_filter(t, l);
		return TUI_DRAW;
	case TUI_ADD:
		tui_person_form(t, 0);
		return TUI_DRAW;
	case TUI_AGENDA:
		tui_agenda_open(t);
		return TUI_DRAW;
	case TUI_LETTERS:
		tui_letters_open(t);
		return TUI_DRAW;
	case TUI_EXPORT:
		tui_export_dialog(t);
		return TUI_DRAW;
	case TUI_PRINT:
		list_print(t, l);
		return TUI_DRAW;
	case TUI_OPEN:
	case TUI_CONTACT:
	case TUI_EDIT:
	case TUI_STEP:
	case TUI_REVIEW:
	case TUI_ARCHIVE:
		if (l->nview == 0) {
			tui_error(t, "Nobody is selected: press Esc to show "
			    "everyone, or a to add a young person.");
			return TUI_DRAW;
		}
		break;
	default:
		return TUI_PASS;
	}
	switch (action) {
	case TUI_OPEN:
		tui_person_open(t, l->sel_id);
		break;
	case TUI_CONTACT:
		tui_contact_dialog(t, l->sel_id);
		break;
	case TUI_EDIT:
		tui_person_form(t, l->sel_id);
		break;
	case TUI_STEP:
		tui_step_dialog(t, l->sel_id);
		break;
	case TUI_REVIEW:
		tui_review_dialog(t, l->sel_id);
		break;
	case TUI_ARCHIVE:
		tui_archive_dialog(t, l->sel_id);
		break;
	default:
		break;
	}
	return TUI_DRAW;
}

static int
list_key(struct tui *t, struct tui_screen *s, int key)
{
	struct list *l = s->data;
	int bits;

	if (l->searching)
		bits = list_search_key(t, l, key);
	else
		bits = list_key_list(t, l, key);
	/* The bottom line and the cursor follow the mode. */
	s->where = l->searching ? TUI_ON_SEARCH : TUI_ON_LIST;
	s->cursor = l->searching;
	return bits;
}

static void
list_free(struct tui_screen *s)
{
	struct list *l = s->data;

	if (l != NULL)
		free(l->view);
	free(l);
}

const struct tui_screen_ops tui_list_ops = {
	"list", TUI_ON_LIST, 0, list_draw, list_key, NULL, list_free
};
