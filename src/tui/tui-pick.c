/* SPDX-License-Identifier: MIT */
/*
 * tui-pick.c: pick lists, with the ncurses MENU library: a box over the
 * screen beneath, moved through with the usual keys; Enter chooses.
 * Used for the filters of the caseload list and to choose a contact to
 * strike out.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

#define PICK_MAX_COLS 72

struct pick {
	char		 *title;
	char		**labels;	/* as given */
	char		**shown;	/* fitted to the box */
	ITEM		**items;	/* n + 1 */
	size_t		  n;
	MENU		 *menu;
	WINDOW		 *frame;
	WINDOW		 *sub;		/* derived from frame */
	tui_pick_cb	  cb;
	void		 *arg;
	void		(*free_arg)(void *);
};

static void
pick_place(struct pick *p)
{
	int w = 0, h, rows, cols, i_w, y, x;
	size_t i, size;

	for (i = 0; i < p->n; i++) {
		i_w = text_width(p->labels[i]);
		if (i_w > w)
			w = i_w;
	}
	if (text_width(p->title) + 4 > w)
		w = text_width(p->title) + 4;
	w += 6;		/* border, margin and the mark */
	if (w > PICK_MAX_COLS)
		w = PICK_MAX_COLS;
	if (w > COLS - 4)
		w = COLS - 4;
	rows = (int)p->n;
	if (rows > LINES - 10)
		rows = LINES - 10;
	h = rows + 2;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	cols = w - 4;

	/* Labels cut to fit: the menu refuses items wider than its window. */
	for (i = 0; i < p->n; i++) {
		free(p->shown[i]);
		size = (size_t)cols * 12 + 16;
		p->shown[i] = xmalloc(size);
		text_fit(p->labels[i], cols - 2, 0, p->shown[i], size);
		if (p->items[i] != NULL)
			free_item(p->items[i]);
		p->items[i] = new_item(p->shown[i], "");
	}
	p->frame = tui_window(h, w, y, x);
	p->sub = derwin(p->frame, rows, cols, 1, 2);
	set_menu_items(p->menu, p->items);
	set_menu_win(p->menu, p->frame);
	set_menu_sub(p->menu, p->sub);
	set_menu_format(p->menu, rows, 1);
	post_menu(p->menu);
}

static void
pick_unplace(struct pick *p)
{
	unpost_menu(p->menu);
	if (p->sub != NULL)
		delwin(p->sub);
	if (p->frame != NULL)
		delwin(p->frame);
	p->sub = p->frame = NULL;
}

static void
pick_draw(struct tui *t, struct tui_screen *s)
{
	struct pick *p = s->data;
	char *title;
	int w = getmaxx(p->frame);

	(void)t;
	box(p->frame, 0, 0);
	title = xasprintf(" %s ", p->title);
	tui_put(p->frame, 0, 2, text_width(title) < w - 4 ? text_width(title) :
	    w - 4, A_BOLD, title);
	free(title);
	s->frame = p->frame;
	s->input = p->frame;
	s->cursor = 0;
}

static int
pick_key(struct tui *t, struct tui_screen *s, int key)
{
	struct pick *p = s->data;
	int req, bits;

	switch (tui_key_action(key, TUI_ON_PICK)) {
	case TUI_UP:
		req = REQ_UP_ITEM;
		break;
	case TUI_DOWN:
		req = REQ_DOWN_ITEM;
		break;
	case TUI_PAGE_UP:
		req = REQ_SCR_UPAGE;
		break;
	case TUI_PAGE_DOWN:
		req = REQ_SCR_DPAGE;
		break;
	case TUI_TOP:
		req = REQ_FIRST_ITEM;
		break;
	case TUI_BOTTOM:
		req = REQ_LAST_ITEM;
		break;
	case TUI_CHOOSE:
		bits = p->cb(t, (size_t)item_index(current_item(p->menu)),
		    p->arg);
		return (bits & ~TUI_PASS) | TUI_CLOSE | TUI_DRAW;
	case TUI_CANCEL:
		return TUI_CLOSE | TUI_DRAW;
	case TUI_REDRAW:
		return TUI_PASS;
	default:
		return TUI_DONE;
	}
	menu_driver(p->menu, req);
	return TUI_DRAW;
}

static void
pick_resize(struct tui *t, struct tui_screen *s)
{
	struct pick *p = s->data;
	int current = item_index(current_item(p->menu));

	(void)t;
	pick_unplace(p);
	set_menu_items(p->menu, NULL);
	pick_place(p);
	if (current >= 0 && (size_t)current < p->n)
		set_current_item(p->menu, p->items[current]);
}

static void
pick_free(struct tui_screen *s)
{
	struct pick *p = s->data;
	size_t i;

	if (p == NULL)
		return;
	pick_unplace(p);
	free_menu(p->menu);
	for (i = 0; i < p->n; i++) {
		free_item(p->items[i]);
		free(p->labels[i]);
		free(p->shown[i]);
	}
	if (p->free_arg != NULL)
		p->free_arg(p->arg);
	free(p->items);
	free(p->labels);
	free(p->shown);
	free(p->title);
	free(p);
}

static const struct tui_screen_ops pick_ops = {
	"pick", TUI_ON_PICK, 1, pick_draw, pick_key, pick_resize, pick_free
};

void
tui_pick_open(struct tui *t, const char *title, const char *const *items,
    size_t n, size_t selected, tui_pick_cb cb, void *arg,
    void (*free_arg)(void *))
{
	struct pick *p = xcalloc(1, sizeof *p);
	size_t i;

	p->title = xstrdup(title);
	p->n = n;
	p->labels = xcalloc(n, sizeof *p->labels);
	p->shown = xcalloc(n, sizeof *p->shown);
	p->items = xcalloc(n + 1, sizeof *p->items);
	for (i = 0; i < n; i++)
		p->labels[i] = xstrdup(items[i]);
	p->cb = cb;
	p->arg = arg;
	p->free_arg = free_arg;
	p->menu = new_menu(NULL);
	if (p->menu == NULL)
		abort();	/* out of memory */
	set_menu_mark(p->menu, "> ");
	set_menu_fore(p->menu, A_REVERSE);
	set_menu_back(p->menu, A_NORMAL);
	pick_place(p);
	if (selected < n)
		set_current_item(p->menu, p->items[selected]);
	tui_push(t, &pick_ops, p);
}
