/* SPDX-License-Identifier: MIT */
/*
 * tui-lines.c: a scrolling list of lines, for a young person's page, the
 * agenda and help.  Only the lines on screen are drawn.
 */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tui-int.h"
#include "xmalloc.h"

/* A new line at the end of l, to fill in. */
static struct tui_line *
tui_lines_new(struct tui_lines *l, enum tui_style style, long id,
    int marker)
{
	struct tui_line *line;

	if (l->n == l->size) {
		l->size = l->size ? l->size * 2 : 64;
		l->lines = xreallocarray(l->lines, l->size, sizeof *l->lines);
	}
	line = &l->lines[l->n++];
	line->text = NULL;
	line->item = 0;
	line->style = style;
	line->id = id;
	line->marker = marker;
	return line;
}

void
tui_lines_add(struct tui_lines *l, enum tui_style style, long id, int marker,
    const char *fmt, ...)
{
	struct tui_line *line = tui_lines_new(l, style, id, marker);
	va_list ap;

	va_start(ap, fmt);
	line->text = xvasprintf(fmt, ap);
	va_end(ap);
}

void
tui_lines_add_item(struct tui_lines *l, enum tui_style style, long id,
    int marker, size_t item)
{
	tui_lines_new(l, style, id, marker)->item = item;
}

void
tui_lines_reserve(struct tui_lines *l, size_t n)
{
	if (l->size < l->n + n) {
		l->size = l->n + n;
		l->lines = xreallocarray(l->lines, l->size, sizeof *l->lines);
	}
}

void
tui_lines_clear(struct tui_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->lines[i].text);
	free(l->lines);
	l->lines = NULL;
	l->n = l->size = 0;
}

/* The last first line that still fills the screen. */
static size_t
tui_lines_max_top(const struct tui_lines *l, int rows)
{
	return l->n > (size_t)rows ? l->n - (size_t)rows : 0;
}

/* The first selectable line from `from` in direction dir, or -1. */
static long
tui_lines_find(const struct tui_lines *l, size_t from, int dir)
{
	size_t i = from;

	while (i < l->n) {
		if (l->lines[i].id != 0)
			return (long)i;
		if (dir < 0 && i == 0)
			break;
		i = dir < 0 ? i - 1 : i + 1;
	}
	return -1;
}

/* Keep the selection on a selectable line, and in view. */
static void
tui_lines_settle(struct tui_lines *l, int rows, int dir)
{
	long found;

	if (l->selectable && l->n > 0) {
		if (l->selected >= l->n)
			l->selected = l->n - 1;
		found = tui_lines_find(l, l->selected, dir < 0 ? -1 : 1);
		if (found < 0)
			found = tui_lines_find(l, l->selected, dir < 0 ? 1 : -1);
		if (found >= 0)
			l->selected = (size_t)found;
		if (l->selected < l->top)
			l->top = l->selected;
		if (rows > 0 && l->selected >= l->top + (size_t)rows)
			l->top = l->selected - (size_t)rows + 1;
		/* Show the heading just above the selection. */
		if (l->top > 0 && l->top == l->selected &&
		    l->lines[l->top - 1].id == 0 && rows > 1)
			l->top--;
	}
	if (l->top > tui_lines_max_top(l, rows))
		l->top = tui_lines_max_top(l, rows);
}

void
tui_lines_draw(struct tui *t, struct tui_lines *l, int y, int rows)
{
	const struct tui_line *line;
	char marker[2], buf[512];
	attr_t attr;
	size_t i;
	int r;

	tui_lines_settle(l, rows, 0);
	for (r = 0; r < rows; r++) {
		i = l->top + (size_t)r;
		if (i >= l->n)
			break;
		line = &l->lines[i];
		attr = tui_style(t, line->style);
		if (l->selectable && i == l->selected)
			attr |= A_REVERSE;
		marker[0] = line->marker != 0 ? (char)line->marker : ' ';
		marker[1] = '\0';
		tui_put(stdscr, y + r, 0, 2, attr, marker);
		if (line->text == NULL && l->format != NULL) {
			l->format(l->ctx, line, buf, sizeof buf);
			tui_put(stdscr, y + r, 2, COLS - 2, attr, buf);
		} else
			tui_put(stdscr, y + r, 2, COLS - 2, attr,
			    line->text != NULL ? line->text : "");
	}
	/* Where we are, at the end of the status line when it is free. */
	if (l->n > (size_t)rows && t->message == NULL) {
		char *where = xasprintf("lines %zu-%zu of %zu", l->top + 1,
		    l->top + (size_t)rows < l->n ? l->top + (size_t)rows : l->n,
		    l->n);

		tui_put(stdscr, LINES - 2, COLS - 1 - (int)strlen(where),
		    (int)strlen(where), A_NORMAL, where);
		free(where);
	}
}

int
tui_lines_move(struct tui_lines *l, enum tui_action action, int rows)
{
	size_t page = rows > 1 ? (size_t)rows - 1 : 1;
	size_t *at = l->selectable ? &l->selected : &l->top;
	size_t last = l->selectable ? (l->n > 0 ? l->n - 1 : 0) :
	    tui_lines_max_top(l, rows);
	int dir = 1;

	switch (action) {
	case TUI_UP:
		if (l->selectable) {
			long found = l->selected > 0 ?
			    tui_lines_find(l, l->selected - 1, -1) : -1;

			if (found >= 0)
				l->selected = (size_t)found;
		} else if (*at > 0)
			(*at)--;
		dir = -1;
		break;
	case TUI_DOWN:
		if (l->selectable) {
			long found = tui_lines_find(l, l->selected + 1, 1);

			if (found >= 0)
				l->selected = (size_t)found;
		} else if (*at < last)
			(*at)++;
		break;
	case TUI_PAGE_UP:
		*at = *at > page ? *at - page : 0;
		if (l->selectable)
			l->top = l->top > page ? l->top - page : 0;
		dir = -1;
		break;
	case TUI_PAGE_DOWN:
		*at = *at + page < last ? *at + page : last;
		if (l->selectable)
			l->top += page;
		break;
	case TUI_TOP:
		*at = 0;
		l->top = 0;
		break;
	case TUI_BOTTOM:
		*at = last;
		dir = -1;
		break;
	default:
		return TUI_PASS;
	}
	tui_lines_settle(l, rows, dir);
	return TUI_DRAW;
}

long
tui_lines_selected(const struct tui_lines *l)
{
	if (!l->selectable || l->selected >= l->n)
		return 0;
	return l->lines[l->selected].id;
}
