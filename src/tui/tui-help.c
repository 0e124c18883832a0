/* SPDX-License-Identifier: MIT */
/*
 * tui-help.c: help, made from the key table (tui-keys.c): every key,
 * where it works and what it does, so that help can never disagree with
 * what the keys do.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

#define HELP_KEYS_COLS 24

struct help {
	int			 cols;
	struct tui_lines	 lines;
};

static void
help_wrap_line(const char *line, void *arg)
{
	struct tui_lines *lines = arg;

	tui_lines_add(lines, STYLE_NORMAL, 0, 0, "%s", line);
}

/* Add a keys column and a wrapped description beside it. */
struct help_row {
	struct tui_lines	*lines;
	const char		*keys;
};

static void
help_row_line(const char *line, void *arg)
{
	struct help_row *r = arg;
	int pad = HELP_KEYS_COLS - text_width(r->keys);

	tui_lines_add(r->lines, STYLE_NORMAL, 0, 0, "%s%*s%s", r->keys,
	    pad > 1 ? pad : 1, "", line);
	r->keys = "";
}

static void
help_load(struct tui *t, struct help *h)
{
	const struct tui_keydef *keys;
	const char *section = NULL;
	struct help_row row;
	char names[128], name[32], other[32], *intro;
	size_t n, i, j, k;
	int cols = COLS - 3;

	tui_lines_clear(&h->lines);
	h->cols = COLS;
	tui_lines_add(&h->lines, STYLE_TITLE, 0, 0, "%s", "Keys");
	intro = xasprintf("The caseload list shows everyone with the most "
	    "urgent thing they have due (a contact, a review or a letter), "
	    "most urgent first; Tries counts the attempts since they were "
	    "last seen. Colour is never the only sign: ! marks someone with "
	    "something overdue, ~ due soon (within the [contact] "
	    "due_soon_days setting), - stepped down. %s before a name marks "
	    "a young person with a current safety flag (such as do not visit "
	    "alone): its kind and note are on their page only, S there sets, "
	    "changes or ends one. Every change is saved the moment you "
	    "confirm it. g opens the agenda, so Home goes to the top and End "
	    "or G to the bottom. Esc or q goes back; q on the caseload list "
	    "quits.", flag_marker(t->ses->utf8));
	tui_wrap(intro, cols, help_wrap_line, &h->lines);
	free(intro);
	keys = tui_keys(&n);
	for (i = 0; i < n; i++) {
		if (section == NULL || strcmp(section, keys[i].section) != 0) {
			section = keys[i].section;
			tui_lines_add(&h->lines, STYLE_NORMAL, 0, 0, "%s", "");
			tui_lines_add(&h->lines, STYLE_TITLE, 0, 0, "%s",
			    section);
		}
		names[0] = '\0';
		for (k = 0; k < TUI_KEYS_MAX && keys[i].keys[k] != 0; k++) {
			/* \n beside \r is Enter too, on a few terminals. */
			if (keys[i].keys[k] == '\n' && k > 0 &&
			    keys[i].keys[0] == '\r')
				continue;
			tui_key_name(keys[i].keys[k], name, sizeof name);
			/* Enter has two codes and Backspace two: say it once. */
			for (j = 0; j < k; j++) {
				if (strcmp(tui_key_name(keys[i].keys[j], other,
				    sizeof other), name) == 0)
					break;
			}
			if (j < k)
				continue;
			if (names[0] != '\0')
				strncat(names, ", ", sizeof names -
				    strlen(names) - 1);
			strncat(names, name, sizeof names - strlen(names) - 1);
		}
		row.lines = &h->lines;
		row.keys = names;
		tui_wrap(keys[i].label, cols - HELP_KEYS_COLS, help_row_line,
		    &row);
	}
}

static void
help_draw(struct tui *t, struct tui_screen *s)
{
	struct help *h = s->data;

	if (h->cols != COLS)
		help_load(t, h);
	tui_lines_draw(t, &h->lines, tui_body_top(), tui_body_rows());
}

static int
help_key(struct tui *t, struct tui_screen *s, int key)
{
	struct help *h = s->data;
	enum tui_action action = tui_key_action(key, TUI_ON_HELP);
	int bits;

	(void)t;
	bits = tui_lines_move(&h->lines, action, tui_body_rows());
	if (bits != TUI_PASS)
		return bits;
	switch (action) {
	case TUI_BACK:
		return TUI_CLOSE | TUI_DRAW;
	case TUI_HELP:
		return TUI_DONE;	/* already here */
	default:
		return TUI_PASS;
	}
}

static void
help_free(struct tui_screen *s)
{
	struct help *h = s->data;

	if (h != NULL)
		tui_lines_clear(&h->lines);
	free(h);
}

static const struct tui_screen_ops help_ops = {
	"help", TUI_ON_HELP, 0, help_draw, help_key, NULL, help_free
};

void
tui_help_open(struct tui *t)
{
	tui_push(t, &help_ops, xcalloc(1, sizeof(struct help)));
}
