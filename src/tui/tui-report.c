/* SPDX-License-Identifier: MIT */
/*
 * tui-report.c: a box of text over the screen beneath, to read rather
 * than to answer: what is wrong with a spreadsheet, what the database
 * check found.  The text is wrapped to the box and scrolls with the
 * moving keys when it is longer than the box holds (a line that starts
 * with two spaces is an item of a list, indented); the verdict under it
 * stays in sight.  Esc, q or Enter closes it.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

#define REPORT_MAX_COLS 80

struct report {
	char		 *title;
	char		 *body;
	char		 *verdict;	/* under the body, or NULL */
	enum tui_style	  style;	/* of the verdict */
	char		**lines;	/* the body, wrapped to the box */
	size_t		  n;
	size_t		  top;		/* the first line shown */
	int		  rows;		/* lines of the body shown */
	int		  verdict_lines;
	WINDOW		 *win;
};

/* A paragraph being wrapped: its lines after the first are indented. */
struct report_para {
	struct report	*r;
	const char	*indent;	/* of its first line */
	const char	*hang;		/* of the lines after it */
};

static void
report_keep_line(const char *line, void *arg)
{
	struct report_para *p = arg;
	struct report *r = p->r;

	r->lines = xreallocarray(r->lines, r->n + 1, sizeof *r->lines);
	r->lines[r->n++] = xasprintf("%s%s", p->indent, line);
	p->indent = p->hang;
}

/*
 * The body's lines wrapped to cols: an item of a list (a line starting
 * with two spaces) keeps its indent, and its own lines after the first
 * go in two further, so that each item stands out.
 */
static void
report_wrap_body(struct report *r, int cols)
{
	struct report_para p;
	const char *line = r->body, *end;
	char *para;

	p.r = r;
	for (;;) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		para = xstrndup(line, (size_t)(end - line));
		if (strncmp(para, "  ", 2) == 0) {
			p.indent = "  ";
			p.hang = "    ";
			tui_wrap(para + 2, cols - 4, report_keep_line, &p);
		} else {
			p.indent = p.hang = "";
			tui_wrap(para, cols, report_keep_line, &p);
		}
		free(para);
		if (*end == '\0')
			break;
		line = end + 1;
	}
}

static void
report_count_line(const char *line, void *arg)
{
	(void)line;
	(*(int *)arg)++;
}

static void
report_unplace(struct report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->lines[i]);
	free(r->lines);
	r->lines = NULL;
	r->n = 0;
	if (r->win != NULL)
		delwin(r->win);
	r->win = NULL;
}

/*
 * Wrap the text to a box as wide as the screen allows and make the box:
 * the body's lines, a blank line, the verdict and a blank line, the keys;
 * as high as that, or as the screen leaves room for.
 */
static void
report_place(struct report *r)
{
	int w = COLS - 8 < REPORT_MAX_COLS ? COLS - 8 : REPORT_MAX_COLS;
	int h, extra, room;

	report_unplace(r);
	report_wrap_body(r, w - 4);
	r->verdict_lines = 0;
	if (r->verdict != NULL)
		tui_wrap(r->verdict, w - 4, report_count_line,
		    &r->verdict_lines);
	/* Borders, a blank line above and below the body, the keys. */
	extra = 5 + (r->verdict_lines > 0 ? r->verdict_lines + 1 : 0);
	room = LINES - 4 - extra;
	r->rows = (int)r->n < room ? (int)r->n : room;
	if (r->rows < 1)
		r->rows = 1;
	if (r->top + (size_t)r->rows > r->n)
		r->top = r->n > (size_t)r->rows ? r->n - (size_t)r->rows : 0;
	h = r->rows + extra;
	r->win = tui_window(h, w, (LINES - h) / 2, (COLS - w) / 2);
}

struct report_verdict {
	struct report	*r;
	attr_t		 attr;
	int		 y;
};

static void
report_verdict_line(const char *line, void *arg)
{
	struct report_verdict *v = arg;

	tui_put(v->r->win, v->y++, 2, getmaxx(v->r->win) - 4, v->attr, line);
}

static void
report_draw(struct tui *t, struct tui_screen *s)
{
	struct report *r = s->data;
	struct report_verdict v;
	int w = getmaxx(r->win), i;
	char *title, *keys;

	werase(r->win);
	box(r->win, 0, 0);
	title = xasprintf(" %s ", r->title);
	tui_put(r->win, 0, 2, text_width(title) < w - 4 ? text_width(title) :
	    w - 4, A_BOLD, title);
	free(title);
	for (i = 0; i < r->rows && r->top + (size_t)i < r->n; i++)
		tui_put(r->win, 2 + i, 2, w - 4, A_NORMAL,
		    r->lines[r->top + (size_t)i]);
	v.r = r;
	v.attr = tui_style(t, r->style) | A_BOLD;
	v.y = 3 + r->rows;
	if (r->verdict != NULL)
		tui_wrap(r->verdict, w - 4, report_verdict_line, &v);
	if (r->n > (size_t)r->rows)
		keys = xasprintf("Esc or Enter: close   Up, Down, PgUp, PgDn: "
		    "more (lines %zu-%zu of %zu)", r->top + 1, r->top +
		    (size_t)r->rows, r->n);
	else
		keys = xstrdup("Esc or Enter: close");
	tui_put(r->win, getmaxy(r->win) - 2, 2, w - 4, tui_style(t, STYLE_DIM),
	    keys);
	free(keys);
	s->frame = r->win;
	s->input = r->win;
	s->cursor = 0;
}

static int
report_key(struct tui *t, struct tui_screen *s, int key)
{
	struct report *r = s->data;
	size_t last = r->n > (size_t)r->rows ? r->n - (size_t)r->rows : 0;
	size_t page = (size_t)r->rows > 1 ? (size_t)r->rows - 1 : 1;

	(void)t;
	if (key == '\r' || key == '\n' || key == TUI_KEY(KEY_ENTER))
		return TUI_CLOSE | TUI_DRAW;
	switch (tui_key_action(key, TUI_ON_HELP)) {
	case TUI_BACK:
		return TUI_CLOSE | TUI_DRAW;
	case TUI_UP:
		if (r->top > 0)
			r->top--;
		return TUI_DRAW;
	case TUI_DOWN:
		if (r->top < last)
			r->top++;
		return TUI_DRAW;
	case TUI_PAGE_UP:
		r->top = r->top > page ? r->top - page : 0;
		return TUI_DRAW;
	case TUI_PAGE_DOWN:
		r->top = r->top + page < last ? r->top + page : last;
		return TUI_DRAW;
	case TUI_TOP:
		r->top = 0;
		return TUI_DRAW;
	case TUI_BOTTOM:
		r->top = last;
		return TUI_DRAW;
	default:
		return TUI_PASS;
	}
}

static void
report_resize(struct tui *t, struct tui_screen *s)
{
	(void)t;
	report_place(s->data);
}

static void
report_free(struct tui_screen *s)
{
	struct report *r = s->data;

	if (r == NULL)
		return;
	report_unplace(r);
	free(r->title);
	free(r->body);
	free(r->verdict);
	free(r);
}

static const struct tui_screen_ops report_ops = {
	"report", TUI_ON_HELP, 1, report_draw, report_key, report_resize,
	report_free
};

void
tui_report(struct tui *t, const char *title, const char *body,
    const char *verdict, enum tui_style style)
{
	struct report *r = xcalloc(1, sizeof *r);

	r->title = xstrdup(title);
	r->body = xstrdup(body);
	r->verdict = verdict != NULL ? xstrdup(verdict) : NULL;
	r->style = style;
	r->lines = NULL;
	r->win = NULL;
	report_place(r);
	tui_push(t, &report_ops, r);
}
