/* SPDX-License-Identifier: MIT */
/*
 * tui-figures.c: the supervision figures on screen (F): the same figures,
 * in the same words, as 'caseload stats', judged again whenever the
 * caseload changes or the day moves on.
 */
#include <config.h>

#include <stdlib.h>

#include "stats.h"
#include "tui-int.h"
#include "xmalloc.h"

struct figures {
	unsigned		 generation;	/* of the caseload, when read */
	int			 loaded;
	struct tui_lines	 lines;
};

static void
figures_line(const char *line, void *arg)
{
	struct tui_lines *lines = arg;

	tui_lines_add(lines, STYLE_NORMAL, 0, 0, "%s", line);
}

/* Read the figures again, from the caseload as it is now. */
static void
figures_load(struct tui *t, struct figures *f)
{
	struct stats s;
	char *cause = NULL;

	tui_lines_clear(&f->lines);
	f->generation = t->generation;
	f->loaded = 1;
	if (views_stats(t->ses->st, &t->ses->cfg.rules, t->ses->today, &s,
	    &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	stats_lines(&s, t->ses->cfg.date_format, figures_line, &f->lines);
	tui_lines_add(&f->lines, STYLE_NORMAL, 0, 0, "%s", "");
	tui_lines_add(&f->lines, STYLE_DIM, 0, 0, "%s",
	    "'caseload stats --format json' gives these for a spreadsheet.");
}

static void
figures_draw(struct tui *t, struct tui_screen *s)
{
	struct figures *f = s->data;

	if (!f->loaded || f->generation != t->generation)
		figures_load(t, f);
	tui_lines_draw(t, &f->lines, tui_body_top(), tui_body_rows());
}

static int
figures_key(struct tui *t, struct tui_screen *s, int key)
{
	struct figures *f = s->data;
	enum tui_action action = tui_key_action(key, TUI_ON_HELP);
	int bits;

	(void)t;
	bits = tui_lines_move(&f->lines, action, tui_body_rows());
	if (bits != TUI_PASS)
		return bits;
	if (action == TUI_BACK)
		return TUI_CLOSE | TUI_DRAW;
	return TUI_PASS;
}

static void
figures_free(struct tui_screen *s)
{
	struct figures *f = s->data;

	if (f != NULL)
		tui_lines_clear(&f->lines);
	free(f);
}

static const struct tui_screen_ops figures_ops = {
	"figures", TUI_ON_HELP, 0, figures_draw, figures_key, NULL,
	figures_free
};

void
tui_figures_open(struct tui *t)
{
	tui_push(t, &figures_ops, xcalloc(1, sizeof(struct figures)));
}
