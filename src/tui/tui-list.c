/* SPDX-License-Identifier: MIT */
/*
 * tui-list.c: the caseload list, the home screen: everyone, most urgent
 * first, with search (/) and filters (f).  It holds only the rows on
 * screen (a due_window) and reads the rows it needs when the selection
 * moves past them, a page at a time from the index (views_window_page),
 * so that moving about a caseload of any size never reads all of it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

static const char *const list_filter_names[VIEWS_FILTER_COUNT] = {
	"everyone", "overdue", "due soon", "stepped up", "stepped down",
	"archived"
};

/* As the filter's pick list offers them. */
static const char *const list_filter_labels[VIEWS_FILTER_COUNT] = {
	"Everyone not archived", "Overdue", "Due soon", "Stepped up",
	"Stepped down", "Archived"
};

/* The filter's words in the status line and on a printed list: "overdue",
 * "living in sofa surfing" (VIEWS_LIVING + a type).  Free it. */
static char *
list_filter_name(enum views_filter filter)
{
	if ((int)filter >= VIEWS_LIVING)
		return xasprintf("living in %s", accommodation_type_label(
		    (enum accommodation_type)(filter - VIEWS_LIVING)));
	return xstrdup(list_filter_names[filter]);
}

#define LIST_SEARCH_MAX 200

/* What to read again before the list is drawn. */
enum list_stale {
	LIST_FRESH,	/* nothing */
	LIST_KEEP,	/* the rows shown changed: the same place, again */
	LIST_RESET	/* another filter or search: from the top */
};

struct list {
	struct due_window win;		/* the rows on screen, in order */
	size_t		 sel;		/* the selected row, in win */
	long		 sel_id;	/* ... who is on it */
	long		 shown;		/* rows the filter and search pick */
	int		 whole;		/* win holds every one of them */
	int		 rows;		/* rows win was read for */
	unsigned	 generation;	/* of the caseload when read */
	enum list_stale	 stale;
	enum views_filter filter;
	char		 search[LIST_SEARCH_MAX + 8];
	int		 searching;	/* typing a search */
};

/* Columns, computed for the width of the window (0 wide: not shown). */
struct list_cols {
	int	no, name, age, stage, status, last, kind, date, when, tries;
	int	x_no, x_name, x_age, x_stage, x_status, x_last, x_kind,
		x_next, x_when, x_tries;
};

static int
list_rows(void)
{
	return tui_body_rows() - 1;	/* the column headings */
}

/* Read rows of the list as views_window_page does; 0, or -1 (said). */
static int
list_page(struct tui *t, struct list *l, const struct store_due_key *key,
    int dir, size_t limit, struct due_window *out)
{
	char *cause = NULL;

	if (views_window_page(t->ses->st, &t->ses->cfg.rules, t->ses->today,
	    l->filter, l->search, key, dir, limit, out, &cause) == 0)
		return 0;
	tui_error(t, "%s", cause);
	free(cause);
	return -1;
}

/* Select young person id when they are on screen; 1 if they are. */
static int
list_find(struct list *l, long id)
{
	size_t i;

	for (i = 0; i < l->win.n; i++) {
		if (l->win.rows[i].person->id == id) {
			l->sel = i;
			return 1;
		}
	}
	return 0;
}

/* The window becomes w (emptied), with row sel selected. */
static void
list_set(struct list *l, struct due_window *w, size_t sel)
{
	due_window_free(&l->win);
	l->win = *w;
	memset(w, 0, sizeof *w);
	l->sel = sel;
	l->whole = 0;
}

/*
 * Make the window as tall as the screen: take rows away (keeping the
 * selection on screen), or read more after it and then before it, as far
 * as the list goes.
 */
static int
list_fit(struct tui *t, struct list *l)
{
	size_t rows = (size_t)list_rows();
	struct due_window more;

	l->rows = (int)rows;
	if (l->win.n > rows) {
		if (l->sel >= rows) {
			due_window_keep(&l->win, l->sel - rows + 1, rows);
			l->sel = rows - 1;
		} else
			due_window_keep(&l->win, 0, rows);
		l->whole = 0;
	}
	/* Nothing more to read (a search may have gone through it all). */
	if (l->whole)
		return 0;
	if (l->win.n < rows) {
		if (list_page(t, l, l->win.n > 0 ? &l->win.keys[l->win.n - 1] :
		    NULL, STORE_AFTER, rows - l->win.n, &more) != 0)
			return -1;
		due_window_join(&l->win, &more);
	}
	if (l->win.n < rows && l->win.n > 0) {
		if (list_page(t, l, &l->win.keys[0], STORE_BEFORE,
		    rows - l->win.n, &more) != 0)
			return -1;
		l->sel += more.n;
		due_window_join(&more, &l->win);
		l->win = more;
	}
	return 0;
}

/* Show the row of one (emptied) as the last on screen, or near the top. */
static int
list_around(struct tui *t, struct list *l, struct due_window *one)
{
	struct due_window before;

	if (list_page(t, l, &one->keys[0], STORE_BEFORE,
	    (size_t)list_rows() - 1, &before) != 0) {
		due_window_free(one);
		return -1;
	}
	due_window_join(&before, one);
	list_set(l, &before, before.n - 1);
	return 0;
}

/* Show the row of one (emptied) as the first on screen. */
static int
list_from(struct tui *t, struct list *l, struct due_window *one)
{
	struct due_window after;

	if (list_page(t, l, &one->keys[0], STORE_AFTER,
	    (size_t)list_rows() - 1, &after) != 0) {
		due_window_free(one);
		return -1;
	}
	due_window_join(one, &after);
	list_set(l, one, 0);
	return 0;
}

/*
 * Read the rows on screen again: after another filter or search, from
 * the top of the list (LIST_RESET); after a change to the caseload, from
 * the same row at the top (LIST_KEEP).  Either way the selected young
 * person stays selected while the list still shows them, and the screen
 * moves to where they are now.
 */
static void
list_load(struct tui *t, struct list *l)
{
	struct due_window one, page;
	struct store_due_key top;
	size_t rows = (size_t)list_rows(), old_sel = l->sel;
	long shown = -1;
	char *cause = NULL;
	int keep = l->stale == LIST_KEEP && l->win.n > 0, rc;

	l->stale = LIST_FRESH;
	l->generation = t->generation;
	memset(&one, 0, sizeof one);
	memset(&top, 0, sizeof top);
	if (l->sel_id != 0 && views_window_row(t->ses->st, &t->ses->cfg.rules,
	    t->ses->today, l->filter, l->search, l->sel_id, &one, &cause) != 0)
		goto fail;
	if (keep) {
		top = l->win.keys[0];
		rc = list_page(t, l, &top, STORE_FROM, rows, &page);
	} else
		rc = list_page(t, l, NULL, STORE_AFTER, rows, &page);
	if (rc != 0) {
		due_window_free(&one);
		return;
	}
	list_set(l, &page, 0);
	/* A first page that is not full holds every row there is. */
	if (!keep && l->win.n < rows) {
		shown = (long)l->win.n;
		l->whole = 1;
	}
	if (one.n == 1 && list_find(l, l->sel_id))
		due_window_free(&one);
	else if (one.n == 1 && keep && views_key_compare(&one.keys[0],
	    &top) < 0)
		list_from(t, l, &one);
	else if (one.n == 1)
		list_around(t, l, &one);
	else if (l->win.n > 0)
		l->sel = keep && old_sel < l->win.n ? old_sel : keep ?
		    l->win.n - 1 : 0;
	list_fit(t, l);
	l->sel_id = l->win.n > 0 ? l->win.rows[l->sel].person->id : 0;

	if (l->search[0] == '\0' && (int)l->filter < VIEWS_LIVING)
		shown = views_filter_count(&t->counts, l->filter);
	else if (shown < 0 && views_window_count(t->ses->st,
	    &t->ses->cfg.rules, t->ses->today, l->filter, l->search, &shown,
	    &cause) != 0)
		goto fail;
	l->shown = shown;
	return;

fail:
	tui_error(t, "%s", cause);
	free(cause);
	due_window_free(&one);
}

/* Read what changed since the list was drawn; fit a new window size. */
static void
list_fresh(struct tui *t, struct list *l)
{
	if (l->stale == LIST_FRESH && l->generation != t->generation)
		l->stale = LIST_KEEP;
	if (l->stale != LIST_FRESH)
		list_load(t, l);
	else if (l->rows != list_rows())
		list_fit(t, l);
}

void *
tui_list_new(struct tui *t)
{
	struct list *l = xcalloc(1, sizeof *l);

	l->filter = VIEWS_EVERYONE;
	l->generation = t->generation;
	l->stale = LIST_RESET;
	return l;
}

void
tui_list_select(struct tui *t, long id)
{
	struct list *l = t->stack[0]->data;

	l->sel_id = id;
	l->filter = VIEWS_EVERYONE;
	l->search[0] = '\0';
	l->stale = LIST_RESET;
}

static void
list_columns(const struct tui *t, struct list_cols *c)
{
	long max_id = t->last_id;
	int w, fixed;

	for (c->no = 2; max_id >= 100; max_id /= 10)
		c->no++;
	c->age = 3;
	c->stage = 8;
	c->status = 12;
	c->date = 10;
	w = text_width(session_date(t->ses, t->ses->today));
	if (w > c->date)
		c->date = w;
	c->last = c->date;
	c->kind = 7;
	c->when = 13;
	c->tries = 5;
	/* mark, gaps and the fixed columns; the name takes what is left */
	fixed = 2 + c->no + 2 + 1 + c->age + 2 + c->stage + 1 + c->status + 1 +
	    c->last + 1 + c->kind + 1 + c->date + 1 + c->when + 1 + c->tries;
	/* On narrower screens the last contact, then the stage, give way. */
	if (COLS - fixed < 24) {
		fixed -= c->last + 1;
		c->last = 0;
	}
	if (COLS - fixed < 16) {
		fixed -= c->stage + 1;
		c->stage = 0;
	}
	c->name = COLS - fixed;
	if (c->name < 8)
		c->name = 8;
	c->x_no = 2;
	c->x_name = c->x_no + c->no + 2;
	c->x_age = c->x_name + c->name + 1;
	c->x_stage = c->x_age + c->age + 2;
	c->x_status = c->x_stage + (c->stage > 0 ? c->stage + 1 : 0);
	c->x_last = c->x_status + c->status + 1;
	c->x_kind = c->x_last + (c->last > 0 ? c->last + 1 : 0);
	c->x_next = c->x_kind + c->kind + 1;
	c->x_when = c->x_next + c->date + 1;
	c->x_tries = c->x_when + c->when + 1;
}

/*
 * What the row's Next, Due and When columns say: its most urgent item,
 * or the statutory visit when that is due first (before the item, or
 * with nothing else due).  *name is NULL when nothing is due.
 */
static const struct rules_due *
list_row_next(const struct due_row *row, const char **name)
{
	if (row->visit.state != DUE_NONE && row->visit.due != DATE_NONE &&
	    (row->urgent.kind < 0 || row->visit.due < row->urgent.due.due)) {
		*name = "visit";
		return &row->visit;
	}
	*name = row->urgent.kind >= 0 ? rows_kinds[row->urgent.kind].name :
	    NULL;
	return &row->urgent.due;
}

/*
 * The text marker and style of a row, from what it says is next (its
 * most urgent item or the statutory visit): colour is never the only
 * sign.
 */
static void
list_row_look(const struct due_row *row, int *marker, enum tui_style *style)
{
	const struct rules_due *due;
	const char *name;

	*marker = ' ';
	*style = STYLE_NORMAL;
	if (row->person->facts.status == STATUS_ARCHIVED) {
		*style = STYLE_DIM;
		return;
	}
	due = list_row_next(row, &name);
	if (name != NULL && due->state == DUE_OVERDUE) {
		*marker = '!';
		*style = STYLE_OVERDUE;
	} else if (name != NULL && due->state == DUE_SOON) {
		*marker = '~';
		*style = STYLE_SOON;
	} else if (row->person->facts.status == STATUS_DOWN) {
		*marker = '-';
		*style = STYLE_DOWN;
	}
}

/*
 * When what the row says is next is due, in the list's few words:
 * "66d overdue", "today", "in 3 days" (due soon only), or for someone
 * stepped down with no letter to come, "turns 25".
 */
static void
list_when(const struct tui *t, const struct due_row *row, char *buf,
    size_t size)
{
	const struct rules_due *due;
	const char *name;
	int days;

	buf[0] = '\0';
	due = list_row_next(row, &name);
	if (name == NULL) {
		if (row->person->facts.status == STATUS_DOWN)
			snprintf(buf, size, "turns 25");
		return;
	}
	days = (int)(due->due - t->ses->today);
	if (due->state == DUE_OVERDUE)
		snprintf(buf, size, "%dd overdue", due->days_overdue);
	else if (due->state == DUE_SOON && days == 0)
		snprintf(buf, size, "today");
	else if (due->state == DUE_SOON)
		snprintf(buf, size, "in %d day%s", days, days == 1 ? "" : "s");
}

/* The name, with [25+] after it for someone still stepped up at 25. */
static void
list_draw_name(struct tui *t, const struct list_cols *c, int y,
    const struct due_row *row, attr_t attr, int selected)
{
	const struct person *p = row->person;
	char *name;
	int w, mark;

	if (p->preferred_name != NULL && *p->preferred_name != '\0')
		name = xasprintf("%s%s (%s)", tui_flag_mark(t, p->flagged),
		    p->name, p->preferred_name);
	else
		name = xasprintf("%s%s", tui_flag_mark(t, p->flagged), p->name);
	if (rows_past_entitlement(p->facts.status, row->stage)) {
		/* 25 and still stepped up: marked in words and colour,
		 * right after the name (cut to make room). */
		w = text_width(name);
		mark = (int)strlen(ROWS_PAST_MARK);
		if (w > c->name - mark - 1)
			w = c->name - mark - 1;
		tui_put(stdscr, y, c->x_name, c->name, attr, "");
		tui_put(stdscr, y, c->x_name, w, attr, name);
		tui_put(stdscr, y, c->x_name + w + 1, mark,
		    tui_style(t, STYLE_ERROR) | (selected ? A_REVERSE : 0),
		    ROWS_PAST_MARK);
	} else
		tui_put(stdscr, y, c->x_name, c->name, attr, name);
	free(name);
}

static void
list_draw_row(struct tui *t, const struct list_cols *c, int y,
    const struct due_row *row, int selected)
{
	const struct person *p = row->person;
	const struct rules_due *due;
	enum tui_style style;
	const char *name;
	char buf[64];
	attr_t attr;
	int marker;

	list_row_look(row, &marker, &style);
	attr = tui_style(t, style) | (selected ? A_REVERSE : 0);
	buf[0] = (char)marker;
	buf[1] = '\0';
	tui_put(stdscr, y, 0, COLS, attr, buf);
	snprintf(buf, sizeof buf, "%*ld", c->no, p->id);
	tui_put(stdscr, y, c->x_no, c->no, attr, buf);
	list_draw_name(t, c, y, row, attr, selected);
	snprintf(buf, sizeof buf, "%*d", c->age, row->age);
	tui_put(stdscr, y, c->x_age, c->age, attr, buf);
	if (c->stage > 0)
		tui_put(stdscr, y, c->x_stage, c->stage, attr,
		    rules_stage_label(row->stage));
	tui_put(stdscr, y, c->x_status, c->status, attr,
	    person_status_label(p->facts.status));
	if (c->last > 0)
		tui_put(stdscr, y, c->x_last, c->last, attr,
		    session_date(t->ses, p->facts.last_contact));
	/* The most urgent thing due, of whatever kind, and when. */
	due = list_row_next(row, &name);
	if (name != NULL) {
		tui_put(stdscr, y, c->x_kind, c->kind, attr, name);
		tui_put(stdscr, y, c->x_next, c->date, attr,
		    session_date(t->ses, due->due));
	} else if (p->facts.status == STATUS_DOWN)
		tui_put(stdscr, y, c->x_kind, c->kind, attr, "letter");
	list_when(t, row, buf, sizeof buf);
	tui_put(stdscr, y, c->x_when, c->when, attr, buf);
	/* Attempts since last seen: the number alone. */
	if (p->facts.attempts > 0)
		snprintf(buf, sizeof buf, "%*d", c->tries, p->facts.attempts);
	else
		buf[0] = '\0';
	tui_put(stdscr, y, c->x_tries, c->tries, attr, buf);
}

static void
list_draw_status(struct tui *t, struct list *l)
{
	char *text;
	const char *flag;
	char *name;
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
	/* The legend: the row markers, then the safety flag's marker. */
	flag = flag_marker(t->ses->utf8);
	name = list_filter_name(l->filter);
	if (l->search[0] != '\0')
		text = xasprintf("Showing %ld: %s matching \"%s\" (Esc clears)"
		    " · ! overdue  ~ due soon  - stepped down  %s safety flag",
		    l->shown, name, l->search, flag);
	else if (l->filter != VIEWS_EVERYONE)
		text = xasprintf("Showing %ld: %s (Esc shows everyone)"
		    " · ! overdue  ~ due soon  - stepped down  %s safety flag",
		    l->shown, name, flag);
	else
		text = xasprintf("Showing everyone: %ld · Enter opens a page"
		    " · ! overdue  ~ due soon  - stepped down  %s safety flag",
		    l->shown, flag);
	tui_put(stdscr, y, 0, COLS - 1, A_NORMAL, text);
	free(text);
	free(name);
}

static void
list_draw(struct tui *t, struct tui_screen *s)
{
	struct list *l = s->data;
	struct list_cols c;
	int y = tui_body_top();
	attr_t head = A_BOLD | A_UNDERLINE;
	const struct due_counts *n = &t->counts;
	size_t i;

	list_fresh(t, l);
	list_columns(t, &c);
	tui_put(stdscr, y, 0, COLS, head, "");
	tui_put(stdscr, y, c.x_no, c.no, head, "No");
	tui_put(stdscr, y, c.x_name, c.name, head, "Name");
	tui_put(stdscr, y, c.x_age, c.age, head, "Age");
	if (c.stage > 0)
		tui_put(stdscr, y, c.x_stage, c.stage, head, "Stage");
	tui_put(stdscr, y, c.x_status, c.status, head, "Status");
	if (c.last > 0)
		tui_put(stdscr, y, c.x_last, c.last, head, "Contacted");
	tui_put(stdscr, y, c.x_kind, c.kind, head, "Next");
	tui_put(stdscr, y, c.x_next, c.date, head, "Due");
	tui_put(stdscr, y, c.x_when, c.when, head, "When");
	tui_put(stdscr, y, c.x_tries, c.tries, head, "Tries");

	for (i = 0; i < l->win.n && i < (size_t)list_rows(); i++)
		list_draw_row(t, &c, y + 1 + (int)i, &l->win.rows[i],
		    i == l->sel);
	if (n->stepped_up + n->stepped_down + n->archived == 0)
		tui_put(stdscr, y + 2, 2, COLS - 4, A_BOLD, "No young people on "
		    "your caseload yet: press a to add one.");
	else if (l->win.n == 0)
		tui_put(stdscr, y + 2, 2, COLS - 4, A_BOLD, "Nobody matches: "
		    "press Esc to show everyone.");
	list_draw_status(t, l);
}

/*
 * Move the selection.  Within the rows on screen nothing is read; past
 * them, a line or a page is read from the index, and Home and End read
 * one page.
 */
static int
list_move(struct tui *t, struct list *l, enum tui_action action)
{
	size_t rows = (size_t)list_rows(), page, top, sel, k;
	struct due_window more;

	switch (action) {
	case TUI_UP:
	case TUI_DOWN:
	case TUI_PAGE_UP:
	case TUI_PAGE_DOWN:
	case TUI_TOP:
	case TUI_BOTTOM:
		break;
	default:
		return TUI_PASS;
	}
	if (l->win.n == 0)
		return TUI_DONE;
	page = rows > 1 ? rows - 1 : 1;
	if (l->whole) {
		/* Every row is on screen: nothing to read. */
		if (action == TUI_UP || action == TUI_PAGE_UP)
			l->sel = l->sel > (action == TUI_UP ? 1 : page) ?
			    l->sel - (action == TUI_UP ? 1 : page) : 0;
		else if (action == TUI_DOWN || action == TUI_PAGE_DOWN)
			l->sel += action == TUI_DOWN ? 1 : page;
		else
			l->sel = action == TUI_TOP ? 0 : l->win.n - 1;
		action = TUI_NONE;
	}
	switch (action) {
	case TUI_UP:
		if (l->sel > 0) {
			l->sel--;
			break;
		}
		if (list_page(t, l, &l->win.keys[0], STORE_BEFORE, 1,
		    &more) != 0)
			break;
		due_window_join(&more, &l->win);
		l->win = more;
		due_window_keep(&l->win, 0, rows);
		break;
	case TUI_DOWN:
		if (l->sel + 1 < l->win.n) {
			l->sel++;
			break;
		}
		if (list_page(t, l, &l->win.keys[l->win.n - 1], STORE_AFTER, 1,
		    &more) != 0)
			break;
		due_window_join(&l->win, &more);
		if (l->win.n > rows)
			due_window_keep(&l->win, l->win.n - rows, rows);
		l->sel = l->win.n - 1;
		break;
	case TUI_PAGE_DOWN:
		/* The last row on screen becomes the first, while it can. */
		if (list_page(t, l, &l->win.keys[l->win.n - 1], STORE_AFTER,
		    page, &more) != 0)
			break;
		due_window_join(&l->win, &more);
		top = l->win.n > rows ? l->win.n - rows : 0;
		if (top > page)
			top = page;
		sel = l->sel + page < l->win.n ? l->sel + page : l->win.n - 1;
		due_window_keep(&l->win, top, rows);
		l->sel = sel - top;
		break;
	case TUI_PAGE_UP:
		if (list_page(t, l, &l->win.keys[0], STORE_BEFORE, page,
		    &more) != 0)
			break;
		k = more.n;
		due_window_join(&more, &l->win);
		l->win = more;
		sel = l->sel + k > page ? l->sel + k - page : 0;
		due_window_keep(&l->win, 0, rows);
		l->sel = sel;
		break;
	case TUI_TOP:
		if (list_page(t, l, NULL, STORE_AFTER, rows, &more) == 0)
			list_set(l, &more, 0);
		break;
	case TUI_BOTTOM:
		if (list_page(t, l, NULL, STORE_BEFORE, rows, &more) == 0)
			list_set(l, &more, more.n > 0 ? more.n - 1 : 0);
		break;
	default:
		break;
	}
	if (l->sel >= l->win.n)
		l->sel = l->win.n > 0 ? l->win.n - 1 : 0;
	l->sel_id = l->win.n > 0 ? l->win.rows[l->sel].person->id : 0;
	return TUI_DRAW;
}

static int
list_filter_chosen(struct tui *t, size_t chosen, void *arg)
{
	struct list *l = arg;

	(void)t;
	if (chosen < VIEWS_ARCHIVED) {
		l->filter = (enum views_filter)chosen;
		l->stale = LIST_RESET;
	} else if (chosen < VIEWS_ARCHIVED + ACCOM_COUNT) {
		l->filter = (enum views_filter)(VIEWS_LIVING +
		    (int)(chosen - VIEWS_ARCHIVED));
		l->stale = LIST_RESET;
	} else if (chosen == VIEWS_ARCHIVED + ACCOM_COUNT) {
		l->filter = VIEWS_ARCHIVED;
		l->stale = LIST_RESET;
	}
	return TUI_DRAW;
}

/*
 * The filters to pick from, with how many each shows: one for each type
 * of accommodation (who lives in it now, as 'caseload list
 * --accommodation' lists them) comes before the archived, which stay
 * last (End picks them).
 */
static void
list_pick_filter(struct tui *t, struct list *l)
{
	const char *items[VIEWS_FILTER_COUNT + ACCOM_COUNT];
	char *labels[VIEWS_FILTER_COUNT + ACCOM_COUNT];
	size_t f, n = VIEWS_FILTER_COUNT + ACCOM_COUNT, at;

	for (f = 0; f < VIEWS_FILTER_COUNT; f++)
		labels[f == VIEWS_ARCHIVED ? n - 1 : f] = xasprintf("%s (%ld)",
		    list_filter_labels[f],
		    views_filter_count(&t->counts, (enum views_filter)f));
	for (f = 0; f < ACCOM_COUNT; f++)
		labels[VIEWS_ARCHIVED + f] = xasprintf("Living in %s",
		    accommodation_type_label((enum accommodation_type)f));
	for (f = 0; f < n; f++)
		items[f] = labels[f];
	if ((int)l->filter >= VIEWS_LIVING)
		at = VIEWS_ARCHIVED + (size_t)(l->filter - VIEWS_LIVING);
	else if (l->filter == VIEWS_ARCHIVED)
		at = n - 1;
	else
		at = (size_t)l->filter;
	tui_pick_open(t, "Show", items, n, at, list_filter_chosen, l, NULL);
	for (f = 0; f < n; f++)
		free(labels[f]);
}

/* Print the rows the list shows, as 'caseload due --print' prints. */
static void
list_print(struct tui *t, struct list *l)
{
	char *subset = NULL, *name;

	name = list_filter_name(l->filter);
	if (l->search[0] != '\0')
		subset = xasprintf("%s matching \"%s\"", name, l->search);
	else if (l->filter != VIEWS_EVERYONE)
		subset = xstrdup(name);
	tui_print_due(t, l->filter, l->search, subset);
	free(subset);
	free(name);
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
		l->stale = LIST_RESET;
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
		l->stale = LIST_RESET;
		return TUI_DRAW;
	case TUI_SAVE:
		l->searching = 0;
		return TUI_DRAW;
	case TUI_CANCEL:
		l->searching = 0;
		l->search[0] = '\0';
		l->stale = LIST_RESET;
		return TUI_DRAW;
	case TUI_UP:
	case TUI_DOWN:
		list_fresh(t, l);
		list_move(t, l, tui_key_action(key, TUI_ON_SEARCH));
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
	bits = list_move(t, l, action);
	if (bits != TUI_PASS)
		return bits;
	switch (action) {
	case TUI_QUIT:
		return TUI_EXIT;
	case TUI_CLEAR:
		l->search[0] = '\0';
		l->filter = VIEWS_EVERYONE;
		l->stale = LIST_RESET;
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
	case TUI_FIGURES:
		tui_figures_open(t);
		return TUI_DRAW;
	case TUI_DATABASE:
		tui_database_open(t);
		return TUI_DRAW;
	case TUI_EXPORT:
		tui_export_dialog(t);
		return TUI_DRAW;
	case TUI_PUBLISH:
		tui_publish(t);
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
		if (l->win.n == 0) {
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
		due_window_free(&l->win);
	free(l);
}

const struct tui_screen_ops tui_list_ops = {
	"list", TUI_ON_LIST, 0, list_draw, list_key, NULL, list_free
};
