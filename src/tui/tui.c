/* SPDX-License-Identifier: MIT */
/*
 * tui.c: the full-screen interface's loop: start and stop curses, catch
 * signals, wait for a key with a timeout, hand it to the screen on top,
 * redraw once.  Also what every screen shares: the header, the status
 * line, the bottom line of keys, styles, and writing fitted text.
 */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "outfile.h"
#include "text.h"
#include "tui.h"
#include "tui-int.h"
#include "xmalloc.h"

/*
 * The one piece of global state: the signal that asks us to stop, set by
 * the handler (which does nothing else) and read by the loop on its tick.
 */
static volatile sig_atomic_t tui_signal;

static void
tui_on_signal(int sig)
{
	tui_signal = sig;
}

static const int tui_signals[] = { SIGHUP, SIGINT, SIGTERM };
#define TUI_NSIGNALS (sizeof tui_signals / sizeof tui_signals[0])

/* Catch the signals that end us, keeping the old handlers in old. */
static void
tui_catch_signals(struct sigaction *old)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: a signal wakes the loop */
	for (i = 0; i < TUI_NSIGNALS; i++)
		sigaction(tui_signals[i], &sa, &old[i]);
}

static void
tui_restore_signals(const struct sigaction *old)
{
	size_t i;

	for (i = 0; i < TUI_NSIGNALS; i++)
		sigaction(tui_signals[i], &old[i], NULL);
}

WINDOW *
tui_window(int rows, int cols, int y, int x)
{
	WINDOW *win;

	if (rows < 1)
		rows = 1;
	if (cols < 1)
		cols = 1;
	if (y < 0)
		y = 0;
	if (x < 0)
		x = 0;
	if ((win = newwin(rows, cols, y, x)) == NULL)
		win = newwin(1, 1, 0, 0);
	if (win == NULL)
		abort();	/* out of memory, as xmalloc does */
	keypad(win, TRUE);
	wtimeout(win, TUI_TICK_MS);
	return win;
}

int
tui_body_top(void)
{
	return 1;
}

int
tui_body_rows(void)
{
	return LINES - 3;	/* header, status line, keys */
}

attr_t
tui_style(const struct tui *t, enum tui_style style)
{
	switch (style) {
	case STYLE_NORMAL:
		return A_NORMAL;
	case STYLE_OVERDUE:
		return t->colour ? COLOR_PAIR(1) | A_BOLD : A_BOLD;
	case STYLE_SOON:
		return t->colour ? COLOR_PAIR(2) : A_NORMAL;
	case STYLE_DOWN:
		return t->colour ? COLOR_PAIR(3) : A_DIM;
	case STYLE_HEADER:
		return t->colour ? COLOR_PAIR(4) | A_BOLD : A_REVERSE;
	case STYLE_TITLE:
		return A_BOLD;
	case STYLE_ERROR:
		return t->colour ? COLOR_PAIR(1) | A_BOLD : A_BOLD;
	case STYLE_DIM:
		return A_DIM;
	case STYLE_FIELD:
		return t->colour ? COLOR_PAIR(5) | A_UNDERLINE : A_UNDERLINE;
	case STYLE_SELECTED:
		return A_REVERSE;
	case STYLE_OK:
		return A_NORMAL;
	}
	return A_NORMAL;
}

void
tui_put(WINDOW *win, int y, int x, int cols, attr_t attr, const char *s)
{
	size_t size;
	char *buf;

	if (cols <= 0)
		return;
	size = (size_t)cols * 12 + 16;
	buf = xmalloc(size);
	text_fit(s != NULL ? s : "", cols, 1, buf, size);
	wattrset(win, attr);
	mvwaddstr(win, y, x, buf);
	wattrset(win, A_NORMAL);
	free(buf);
}

void
tui_wrap(const char *s, int cols, void (*cb)(const char *, void *),
    void *arg)
{
	const char *line, *p, *cut;
	size_t n;
	char *piece;
	int w;

	if (cols < 1)
		cols = 1;
	line = s;
	for (;;) {
		w = 0;
		cut = NULL;
		for (p = line; *p != '\0' && *p != '\n'; p += n) {
			n = text_char_len(p);
			if (*p == ' ' && p > line)
				cut = p;
			w += text_char_cols(p, n);
			if (w > cols)
				break;
		}
		if (*p == '\0' || *p == '\n') {
			piece = xstrndup(line, (size_t)(p - line));
			cb(piece, arg);
			free(piece);
			if (*p == '\0')
				return;
			line = p + 1;
			continue;
		}
		if (cut == NULL)
			cut = p > line ? p : p + text_char_len(p);
		piece = xstrndup(line, (size_t)(cut - line));
		cb(piece, arg);
		free(piece);
		line = cut;
		while (*line == ' ')
			line++;
		if (*line == '\0')
			return;
	}
}

void
tui_date_input(const struct tui *t, date_t date, char *out, size_t size)
{
	const char *shown = session_date(t->ses, date);
	date_t back;
	char *cause = NULL;

	if (date == DATE_NONE) {
		snprintf(out, size, "%s", "");
		return;
	}
	if (date_parse(shown, t->ses->today, &back, &cause) == 0 && back == date)
		snprintf(out, size, "%s", shown);
	else {
		char iso[DATE_ISO_SIZE];

		date_format_iso(date, iso);
		snprintf(out, size, "%s", iso);
	}
	free(cause);
}

static void tui_set_message(struct tui *, int, const char *, va_list)
    __attribute__((format(printf, 3, 0)));

static void
tui_set_message(struct tui *t, int error, const char *fmt, va_list ap)
{
	char *text = xvasprintf(fmt, ap);

	free(t->message);
	t->message = text_escape(text, 0);
	free(text);
	t->message_error = error;
	t->dirty = 1;
}

void
tui_message(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tui_set_message(t, 0, fmt, ap);
	va_end(ap);
}

void
tui_error(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tui_set_message(t, 1, fmt, ap);
	va_end(ap);
}

void
tui_suspend(struct tui *t)
{
	(void)t;
	def_prog_mode();
	endwin();
}

void
tui_resume(struct tui *t)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	t->dirty = 1;
}

int
tui_interrupted(void)
{
	return tui_signal != 0;
}

const struct due_row *
tui_row(struct tui *t, long id)
{
	char *cause = NULL;
	int rc;

	free(t->row.person);
	t->row.person = NULL;
	rc = views_due_get(t->ses->st, &t->ses->cfg.rules, t->ses->today, id,
	    &t->row, &cause);
	if (rc < 0) {
		tui_error(t, "%s", cause);
		free(cause);
	}
	return rc == 0 ? &t->row : NULL;
}

/* Read the counts of the header and the list again. */
static int
tui_count(struct tui *t, char **cause)
{
	if (views_due_counts(t->ses->st, &t->ses->cfg.rules, t->ses->today, &t->counts,
	    cause) != 0 ||
	    store_people_last_id(t->ses->st, &t->last_id, cause) != 0)
		return -1;
	return 0;
}

int
tui_changed(struct tui *t)
{
	char *cause = NULL;

	t->generation++;
	t->dirty = 1;
	if (tui_count(t, &cause) != 0) {
		tui_error(t, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* The caseload was changed elsewhere: every screen reads it again. */
static int
tui_reload(struct tui *t)
{
	return tui_changed(t);
}

void
tui_push(struct tui *t, const struct tui_screen_ops *ops, void *data)
{
	struct tui_screen *s;

	if (t->depth == TUI_STACK_MAX) {
		tui_error(t, "too many screens open: press Esc to go back");
		if (ops->free != NULL) {
			struct tui_screen tmp = { ops, data, 0, NULL, NULL, 0 };
			ops->free(&tmp);
		}
		return;
	}
	s = xcalloc(1, sizeof *s);
	s->ops = ops;
	s->data = data;
	s->where = ops->where;
	t->stack[t->depth++] = s;
	t->dirty = 1;
}

static void
tui_free_screen(struct tui_screen *s)
{
	if (s->ops->free != NULL)
		s->ops->free(s);
	free(s);
}

/* Close screen s, and the one beneath it when below is 1. */
static void
tui_close(struct tui *t, struct tui_screen *s, int below)
{
	int i, j, n = below ? 2 : 1;

	for (i = t->depth - 1; i > 0; i--) {
		if (t->stack[i] == s)
			break;
	}
	if (i == 0)
		return;		/* the list stays */
	if (i - (n - 1) < 1)
		n = 1;
	for (j = i - (n - 1); j <= i; j++)
		tui_free_screen(t->stack[j]);
	for (j = i + 1; j < t->depth; j++)
		t->stack[j - n] = t->stack[j];
	t->depth -= n;
	t->dirty = 1;
}

/*
 * The header: who, today, caseload against the cap, and the items
 * overdue of each kind; "stepped up" said "up" when all of it would not
 * fit otherwise.
 */
static void
tui_draw_header(struct tui *t)
{
	const struct config *cfg = &t->ses->cfg;
	const char *demo = t->ses->demo ? " demo" : "";
	char *left, *right, overdue[128];
	attr_t attr = tui_style(t, STYLE_HEADER);
	int rw;

	rows_visits_late_words(t->counts.kind_overdue, ROWS_KINDS,
	    t->counts.visits_overdue, t->counts.actions_late, overdue,
	    sizeof overdue);
	right = xasprintf("%s · %d/%d stepped up%s · %s ",
	    session_date(t->ses, t->ses->today), t->counts.stepped_up,
	    t->ses->cfg.rules.cap, rules_over_cap(t->counts.stepped_up,
	    &t->ses->cfg.rules) ? " (over cap)" : "", overdue);
	rw = text_width(right);
	/* Too narrow: "15/22 up", so that what is overdue is not cut. */
	if (rw > COLS) {
		free(right);
		right = xasprintf("%s · %d/%d up%s · %s ",
		    session_date(t->ses, t->ses->today), t->counts.stepped_up,
		    t->ses->cfg.rules.cap, rules_over_cap(t->counts.stepped_up,
		    &t->ses->cfg.rules) ? " (over cap)" : "", overdue);
		rw = text_width(right);
	}
	if (rw > COLS)
		rw = COLS;
	/*
	 * Who, as much as fits with a space before the right side: the
	 * name and title, else the name alone, else caseload's own name.
	 */
	if (*cfg->worker_name != '\0')
		left = xasprintf(" caseload%s · %s, %s", demo,
		    cfg->worker_name, cfg->worker_title);
	else
		left = xasprintf(" caseload%s · %s", demo, cfg->worker_title);
	if (text_width(left) + rw >= COLS && *cfg->worker_name != '\0') {
		free(left);
		left = xasprintf(" caseload%s · %s", demo, cfg->worker_name);
	}
	if (text_width(left) + rw >= COLS) {
		free(left);
		left = xasprintf(" caseload%s", demo);
	}
	/* Nothing rather than a cut name. */
	if (text_width(left) + rw >= COLS)
		*left = '\0';
	tui_put(stdscr, 0, 0, COLS - rw, attr, left);
	tui_put(stdscr, 0, COLS - rw, rw, attr, right);
	free(left);
	free(right);
}

/*
 * The bottom line: the main keys of the screen on top, from the table.
 * The keys of rank 1 are always there (they fit 80 columns); then those
 * of rank 2 and 3 that fit, each in the table's order.
 */
static void
tui_draw_keys(struct tui *t, const struct tui_screen *top)
{
	const struct tui_keydef *keys;
	size_t n, i;
	char name[32], shown[128];
	int x, w, rank, used = 0, y = LINES - 1;

	keys = tui_keys(&n);
	wmove(stdscr, y, 0);
	wclrtoeol(stdscr);
	memset(shown, 0, sizeof shown);
	for (rank = 1; rank <= 3; rank++) {
		for (i = 0; i < n && i < sizeof shown; i++) {
			if (keys[i].hint == NULL ||
			    (keys[i].where & top->where) == 0 ||
			    (keys[i].rank > 0 ? keys[i].rank : 3) != rank)
				continue;
			tui_key_name(keys[i].keys[0], name, sizeof name);
			w = text_width(name) + 1 + text_width(keys[i].hint);
			if (used + (used > 0) + w > COLS - 1)
				continue;
			used += (used > 0) + w;
			shown[i] = 1;
		}
	}
	for (i = 0, x = 0; i < n && i < sizeof shown; i++) {
		if (!shown[i])
			continue;
		tui_key_name(keys[i].keys[0], name, sizeof name);
		tui_put(stdscr, y, x, text_width(name),
		    tui_style(t, STYLE_HEADER), name);
		tui_put(stdscr, y, x + text_width(name) + 1,
		    text_width(keys[i].hint), A_NORMAL, keys[i].hint);
		x += text_width(name) + 1 + text_width(keys[i].hint) + 1;
	}
}

/*
 * A message that fits goes on the status line; a longer one is shown
 * whole in a box over the bottom of the screen (drawn last, by
 * tui_draw_message_box), never cut: a warning is read to its end.
 */
static void
tui_draw_status(struct tui *t)
{
	t->message_box = 0;
	if (t->message == NULL)
		return;
	if (text_width(t->message) > COLS - 1) {
		t->message_box = 1;
		return;
	}
	tui_put(stdscr, LINES - 2, 0, COLS - 1,
	    t->message_error ? tui_style(t, STYLE_ERROR) : A_BOLD, t->message);
}

struct tui_box_lines {
	WINDOW	*win;
	attr_t	 attr;
	int	 n, max;
};

static void
tui_box_line(const char *line, void *arg)
{
	struct tui_box_lines *bl = arg;

	if (bl->win != NULL && bl->n < bl->max)
		tui_put(bl->win, 1 + bl->n, 2, getmaxx(bl->win) - 4, bl->attr,
		    line);
	bl->n++;
}

/* The long message in a box above the status line, until the next key. */
static void
tui_draw_message_box(struct tui *t)
{
	struct tui_box_lines bl = { NULL, 0, 0, 0 };
	int cols = COLS - 4, rows;
	WINDOW *win;
	const char *hint = " Any key: close ";

	tui_wrap(t->message, cols - 4, tui_box_line, &bl);
	bl.max = bl.n < LINES - 6 ? bl.n : LINES - 6;
	rows = bl.max + 2;
	win = tui_window(rows, cols, LINES - 2 - rows, 2);
	bl.win = win;
	bl.attr = t->message_error ? tui_style(t, STYLE_ERROR) : A_BOLD;
	bl.n = 0;
	werase(win);
	box(win, 0, 0);
	tui_wrap(t->message, cols - 4, tui_box_line, &bl);
	tui_put(win, rows - 1, cols - 2 - text_width(hint), text_width(hint),
	    A_NORMAL, hint);
	wnoutrefresh(win);
	delwin(win);
}

static void
tui_draw_too_small(struct tui *t)
{
	char *text;
	int y = LINES / 2 - 1;

	if (y < 0)
		y = 0;
	text = xasprintf("The window is too small: %dx%d.", COLS, LINES);
	tui_put(stdscr, y, 0, COLS, A_BOLD, text);
	free(text);
	text = xasprintf("caseload needs at least %dx%d; make it bigger%s.",
	    TUI_MIN_COLS, TUI_MIN_LINES, t->depth == 1 ? ", or press q to "
	    "quit" : "");
	if (y + 1 < LINES)
		tui_put(stdscr, y + 1, 0, COLS, A_NORMAL, text);
	free(text);
}

/* Copy a screen's own windows to the virtual screen, input last. */
static void
tui_show_windows(WINDOW *frame, WINDOW *input)
{
	if (frame != NULL) {
		touchwin(frame);
		wnoutrefresh(frame);
	}
	if (input != NULL && input != frame) {
		touchwin(input);
		wnoutrefresh(input);
	}
}

/*
 * CASELOAD_FIRST_SCREEN_FILE (for the benchmark): write to that file the
 * milliseconds from the start of main to the first complete screen.
 */
static void
tui_first_screen(struct tui *t)
{
	const char *path = getenv("CASELOAD_FIRST_SCREEN_FILE");
	const struct timespec *t0 = &t->ses->started;
	struct timespec now;
	struct outfile *of;
	char *cause = NULL;
	double ms;

	if (path == NULL || *path == '\0')
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - t0->tv_sec) * 1000.0 +
	    (double)(now.tv_nsec - t0->tv_nsec) / 1e6;
	if (outfile_open(path, &of, &cause) == 0) {
		fprintf(outfile_stream(of), "%.1f\n", ms);
		if (outfile_commit(of, &cause) == 0)
			return;
	}
	tui_error(t, "CASELOAD_FIRST_SCREEN_FILE: %s", cause);
	free(cause);
}

/*
 * Draw every screen from the topmost one that covers the whole body, then
 * send the changes to the terminal once.
 */
static void
tui_draw(struct tui *t)
{
	struct tui_screen *top = t->stack[t->depth - 1], *s;
	int base, i, cursor = 0;

	werase(stdscr);
	t->cursor_y = t->cursor_x = -1;
	if (t->too_small) {
		tui_draw_too_small(t);
		wnoutrefresh(stdscr);
		curs_set(0);
		doupdate();
		return;
	}
	tui_draw_header(t);
	tui_draw_status(t);
	tui_draw_keys(t, top);
	for (base = t->depth - 1; base > 0 && t->stack[base]->ops->overlay;
	    base--)
		;
	for (i = base; i < t->depth; i++) {
		s = t->stack[i];
		s->ops->draw(t, s);
		if (i == base) {
			if (t->cursor_y >= 0 && s == top)
				wmove(stdscr, t->cursor_y, t->cursor_x);
			wnoutrefresh(stdscr);
		}
		tui_show_windows(s->frame, s->input);
	}
	if (t->message_box)
		tui_draw_message_box(t);
	else if (top->cursor && (top->input != NULL || t->cursor_y >= 0))
		cursor = 1;
	curs_set(cursor);
	doupdate();
	if (!t->first_drawn) {
		t->first_drawn = 1;
		tui_first_screen(t);
	}
}

static void
tui_resize(struct tui *t)
{
	int i;

	t->too_small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
	if (!t->too_small) {
		for (i = 0; i < t->depth; i++) {
			if (t->stack[i]->ops->resize != NULL)
				t->stack[i]->ops->resize(t, t->stack[i]);
		}
	}
	clearok(curscr, TRUE);
	t->dirty = 1;
}

/*
 * Left open over midnight, the screens move on to the new day: everything
 * is judged again (overdue, due soon, ages, the agenda) and new dialogs
 * offer the new date.  1 when the day moved on.
 */
static int
tui_new_day(struct tui *t)
{
	if (!session_new_day(t->ses))
		return 0;
	if (tui_changed(t) == 0)
		tui_message(t, "It is %s now: the lists are judged for the new "
		    "day.", session_date(t->ses, t->ses->today));
	return 1;
}

/* On the timeout: notice a new day, and changes made elsewhere. */
static void
tui_tick(struct tui *t)
{
	char *cause = NULL;
	long version;

	if (tui_new_day(t))
		return;

	if (store_data_version(t->ses->st, &version, &cause) != 0) {
		if (t->message == NULL || !t->message_error)
			tui_error(t, "%s", cause);
		free(cause);
		return;
	}
	if (version != t->data_version) {
		t->data_version = version;
		if (tui_reload(t) == 0)
			tui_message(t, "The caseload was changed elsewhere; "
			    "the screen shows the changes.");
	}
}

/* Keys every screen shares: help and redraw. */
static int
tui_own_key(struct tui *t, struct tui_screen *top, int key)
{
	switch (tui_key_action(key, top->where)) {
	case TUI_HELP:
		tui_help_open(t);
		return TUI_DRAW;
	case TUI_REDRAW:
		clearok(curscr, TRUE);
		return TUI_DRAW;
	default:
		break;
	}
	return TUI_DONE;
}

/* Colour as [display] colour and NO_COLOR say, when the terminal has it. */
static int
tui_want_colour(const struct session *ses)
{
	const char *no_colour = getenv("NO_COLOR");

	if (!has_colors() || ses->cfg.colour == COLOUR_NEVER)
		return 0;
	if (ses->cfg.colour == COLOUR_ALWAYS)
		return 1;
	return no_colour == NULL || *no_colour == '\0';
}

static void
tui_start_colour(struct tui *t)
{
	short bg = -1;

	t->colour = tui_want_colour(t->ses);
	if (!t->colour)
		return;
	if (start_color() == ERR) {
		t->colour = 0;
		return;
	}
	if (use_default_colors() == ERR)
		bg = COLOR_BLACK;
	init_pair(1, COLOR_RED, bg);
	init_pair(2, COLOR_YELLOW, bg);
	init_pair(3, COLOR_CYAN, bg);
	init_pair(4, COLOR_WHITE, COLOR_BLUE);
	init_pair(5, COLOR_GREEN, bg);
}

/* The loop: until the worker quits or a signal comes. */
static void
tui_loop(struct tui *t)
{
	struct tui_screen *top;
	WINDOW *win;
	wint_t wc;
	int rc, key, bits;

	for (;;) {
		if (tui_signal != 0)
			return;
		if (t->dirty) {
			t->dirty = 0;
			tui_draw(t);
		}
		top = t->stack[t->depth - 1];
		win = top->input != NULL ? top->input : stdscr;
		rc = wget_wch(win, &wc);
		if (tui_signal != 0)
			return;
		if (rc == ERR) {
			tui_tick(t);
			continue;
		}
		key = rc == KEY_CODE_YES ? TUI_KEY((int)wc) : (int)wc;
		if (key == TUI_KEY(KEY_RESIZE)) {
			tui_resize(t);
			continue;
		}
		/* Too small to draw: only redraw, and q on the list, work. */
		if (t->too_small && key != TUI_CTRL('l') &&
		    !(t->depth == 1 && key == 'q'))
			continue;
		if (t->message != NULL) {
			free(t->message);
			t->message = NULL;
			t->dirty = 1;
		}
		/* A key after midnight works on the new day. */
		tui_new_day(t);
		bits = top->ops->key(t, top, key);
		if (bits & TUI_PASS)
			bits = tui_own_key(t, top, key);
		if (bits & TUI_EXIT)
			return;
		if (bits & TUI_CLOSE)
			tui_close(t, top, (bits & TUI_CLOSE_BELOW) != 0);
		if (bits & TUI_DRAW)
			t->dirty = 1;
	}
}

/* Say what stopped the screens from starting, as the commands do. */
static void tui_fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static void
tui_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	session_say(0, fmt, ap);
	va_end(ap);
}

int
tui_run(struct session *ses)
{
	struct sigaction old[TUI_NSIGNALS];
	struct tui t;
	struct store *st;
	SCREEN *screen;
	char *cause = NULL, *warning = NULL;
	int i;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		tui_fail("the full-screen interface needs a terminal; give a "
		    "command instead, such as 'caseload due' ('caseload --help' "
		    "lists them)");
		return EXIT_USAGE;
	}
	memset(&t, 0, sizeof t);
	t.ses = ses;
	ses->access = SESSION_WRITES;
	if (session_check_path(ses, &cause) != 0) {
		tui_fail("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (session_open(ses, &st, &warning, &cause) != 0) {
		tui_fail("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	session_backup_daily(ses, &warning);
	if (warning != NULL) {
		tui_fail("warning: %s", warning);
		free(warning);
	}
	/* The lists are read in the order of the kept dates: settle them. */
	if (session_for_screens(ses, TUI_CACHE_KIB, &cause) != 0 ||
	    tui_count(&t, &cause) != 0 ||
	    store_data_version(st, &t.data_version, &cause) != 0) {
		tui_fail("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}

	/* Our handlers first, so that curses leaves SIGINT and SIGTERM alone. */
	tui_signal = 0;
	tui_catch_signals(old);
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		char *term = text_escape(getenv("TERM") != NULL ?
		    getenv("TERM") : "", 0);

		tui_restore_signals(old);
		tui_fail("cannot start the full-screen interface on this "
		    "terminal (TERM=%s); give a command instead, such as "
		    "'caseload due'", term);
		free(term);
		return EXIT_FAILED;
	}
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	wtimeout(stdscr, TUI_TICK_MS);
	set_escdelay(25);
	curs_set(0);
	tui_start_colour(&t);
	t.too_small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;

	tui_push(&t, &tui_list_ops, tui_list_new(&t));
	tui_loop(&t);

	for (i = t.depth - 1; i >= 0; i--)
		tui_free_screen(t.stack[i]);
	endwin();
	delscreen(screen);
	tui_restore_signals(old);
	free(t.message);
	free(t.export_file);
	free(t.letters_dir);
	free(t.row.person);
	calendar_cleanup();	/* after the last export, if any */
	if (tui_signal != 0)
		return 128 + tui_signal;
	return EXIT_DONE;
}
