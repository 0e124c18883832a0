/* SPDX-License-Identifier: MIT */
/*
 * tui-textbox.c: a box of several lines to type into, for a note.  The
 * text is kept as typed, with the worker's own line breaks and nothing
 * else: it is wrapped at spaces to the width of the box only when shown,
 * so that what is saved never holds a break the box made.  The box
 * scrolls when the text has more lines than it has rows.  The cursor
 * moves by characters (Left, Right) and by the lines shown (Up, Down,
 * PgUp, PgDn, Home, End).  The worker may write the text in their own
 * editor instead, as git and mutt let them.
 */
#include <config.h>

#include <sys/wait.h>

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "cause.h"
#include "tempfile.h"
#include "text.h"
#include "tui-int.h"
#include "xmalloc.h"

struct tui_textbox {
	char	*text;		/* UTF-8, newlines the worker's own */
	size_t	 len, size;
	size_t	 max;		/* bytes at most */
	size_t	 pos;		/* the cursor, a byte offset */
	size_t	 top;		/* first line shown */
	int	 goal;		/* column Up and Down keep to, or -1 */
};

/* One line as shown: the bytes [start, end) of the text. */
struct textbox_span {
	size_t	start, end;
};

/*
 * The lines the text shows as in a box cols wide.  A line takes what fits
 * in cols - 1 columns, so that the cursor after it is still inside the
 * box, and breaks after a space where it can (a space that does not fit
 * hangs at its end) or else between two characters; a newline ends a
 * line.  A last, empty line follows a break at the very end, for the
 * cursor.  Returns the lines (the caller frees them) and sets *n.
 */
static struct textbox_span *
textbox_layout(const struct tui_textbox *tb, int cols, size_t *n)
{
	struct textbox_span *v = NULL;
	const char *s = tb->text;
	size_t start = 0, end, p, k, space, size = 0;
	int w, cw, broke;

	*n = 0;
	for (;;) {
		w = 0;
		space = SIZE_MAX;
		end = tb->len;
		broke = 0;
		for (p = start; p < tb->len; p += k) {
			k = text_char_len(s + p);
			if (s[p] == '\n') {
				end = p + 1;
				broke = 1;
				break;
			}
			cw = text_char_cols(s + p, k);
			if (w + cw > cols - 1 && p > start) {
				if (s[p] == ' ')
					end = p + 1;
				else if (space != SIZE_MAX)
					end = space + 1;
				else
					end = p;
				broke = 1;
				break;
			}
			if (s[p] == ' ')
				space = p;
			w += cw;
		}
		if (*n + 2 > size) {
			size = size != 0 ? size * 2 : 16;
			v = xreallocarray(v, size, sizeof *v);
		}
		v[*n].start = start;
		v[*n].end = end;
		(*n)++;
		if (!broke)
			break;
		start = end;
		if (start == tb->len) {
			v[*n].start = v[*n].end = tb->len;
			(*n)++;
			break;
		}
	}
	return v;
}

/* The line the cursor is on: the last that starts at or before it. */
static size_t
textbox_line(const struct textbox_span *v, size_t n, size_t pos)
{
	size_t i = 0;

	while (i + 1 < n && v[i + 1].start <= pos)
		i++;
	return i;
}

/* Columns from the start of line v to pos. */
static int
textbox_column(const struct tui_textbox *tb, const struct textbox_span *v,
    size_t pos)
{
	size_t p, k;
	int w = 0;

	for (p = v->start; p < pos; p += k) {
		k = text_char_len(tb->text + p);
		w += text_char_cols(tb->text + p, k);
	}
	return w;
}

/*
 * The place on line j (of n) nearest to column goal without passing it.
 * A line that breaks ends before its last character (the space or
 * newline it breaks at), since the place after it starts the next line.
 */
static size_t
textbox_at_column(const struct tui_textbox *tb, const struct textbox_span *v,
    size_t n, size_t j, int goal)
{
	size_t q = v[j].start, k;
	int w = 0, cw;

	while (q < v[j].end) {
		k = text_char_len(tb->text + q);
		if (j + 1 < n && q + k >= v[j].end)
			break;
		cw = text_char_cols(tb->text + q, k);
		if (w + cw > goal)
			break;
		w += cw;
		q += k;
	}
	return q;
}

struct tui_textbox *
tui_textbox_new(const char *text, size_t max)
{
	struct tui_textbox *tb = xcalloc(1, sizeof *tb);

	tb->max = max;
	tb->goal = -1;
	tui_textbox_set(tb, text);
	return tb;
}

void
tui_textbox_free(struct tui_textbox *tb)
{
	if (tb == NULL)
		return;
	free(tb->text);
	free(tb);
}

void
tui_textbox_set(struct tui_textbox *tb, const char *text)
{
	size_t len = text != NULL ? strlen(text) : 0;

	free(tb->text);
	tb->size = len + 64;
	tb->text = xmalloc(tb->size);
	memcpy(tb->text, text != NULL ? text : "", len);
	tb->text[len] = '\0';
	tb->len = len;
	tb->pos = len;
	tb->top = 0;
	tb->goal = -1;
}

char *
tui_textbox_value(const struct tui_textbox *tb)
{
	char *out = xmalloc(tb->len + 1), *o = out, *keep = out;
	const char *p = tb->text, *line_end;
	int started = 0;

	/* Each line without the spaces after it; no blank lines around. */
	while (*p != '\0') {
		line_end = strchr(p, '\n');
		if (line_end == NULL)
			line_end = p + strlen(p);
		while (line_end > p && line_end[-1] == ' ')
			line_end--;
		if (line_end > p || started) {
			if (started)
				*o++ = '\n';
			memcpy(o, p, (size_t)(line_end - p));
			o += line_end - p;
			started = 1;
			if (line_end > p)
				keep = o;
		}
		p = strchr(p, '\n');
		if (p == NULL)
			break;
		p++;
	}
	*keep = '\0';
	return out;
}

/* Put n bytes at the cursor; -1 when the box is full. */
static int
textbox_insert(struct tui_textbox *tb, const char *s, size_t n)
{
	if (tb->len + n > tb->max)
		return -1;
	if (tb->len + n + 1 > tb->size) {
		tb->size = (tb->len + n + 1) * 2;
		tb->text = xreallocarray(tb->text, tb->size, 1);
	}
	memmove(tb->text + tb->pos + n, tb->text + tb->pos,
	    tb->len - tb->pos + 1);
	memcpy(tb->text + tb->pos, s, n);
	tb->len += n;
	tb->pos += n;
	return 0;
}

/* The start of the character before byte pos. */
static size_t
textbox_back(const struct tui_textbox *tb, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)tb->text[pos] & 0xc0) == 0x80)
		pos--;
	return pos;
}

/* Take out the character at byte pos. */
static void
textbox_delete(struct tui_textbox *tb, size_t pos)
{
	size_t k;

	if (pos >= tb->len)
		return;
	k = text_char_len(tb->text + pos);
	memmove(tb->text + pos, tb->text + pos + k, tb->len - pos - k + 1);
	tb->len -= k;
}

/* Move the cursor by lines shown (negative: up); 0, or -1 at an end. */
static int
textbox_vertical(struct tui_textbox *tb, int cols, long by)
{
	struct textbox_span *v;
	size_t n, j;
	long to;

	v = textbox_layout(tb, cols, &n);
	j = textbox_line(v, n, tb->pos);
	to = (long)j + by;
	if (to < 0)
		to = 0;
	if (to > (long)n - 1)
		to = (long)n - 1;
	if ((size_t)to == j) {
		free(v);
		return -1;
	}
	if (tb->goal < 0)
		tb->goal = textbox_column(tb, &v[j], tb->pos);
	tb->pos = textbox_at_column(tb, v, n, (size_t)to, tb->goal);
	free(v);
	return 0;
}

/* To the start, or the end, of the line shown. */
static void
textbox_line_end(struct tui_textbox *tb, int cols, int end)
{
	struct textbox_span *v;
	size_t n, j;

	v = textbox_layout(tb, cols, &n);
	j = textbox_line(v, n, tb->pos);
	tb->pos = end ? textbox_at_column(tb, v, n, j, INT_MAX) : v[j].start;
	free(v);
}

int
tui_textbox_key(struct tui_textbox *tb, int key, int rows, int cols,
    int *full)
{
	char mb[MB_LEN_MAX];
	mbstate_t mbs;
	size_t k;
	int goal = -1;

	*full = 0;
	if (tui_key_printable(key)) {
		memset(&mbs, 0, sizeof mbs);
		k = wcrtomb(mb, (wchar_t)key, &mbs);
		if (k == (size_t)-1)
			return TUI_DONE;
		if (textbox_insert(tb, mb, k) != 0)
			*full = 1;
		tb->goal = -1;
		return TUI_DRAW;
	}
	/* Up and Down leave the box from its first and last lines. */
	if (key == TUI_KEY(KEY_UP) || key == TUI_KEY(KEY_DOWN)) {
		if (textbox_vertical(tb, cols, key == TUI_KEY(KEY_UP) ? -1 :
		    1) != 0)
			return TUI_PASS;
		return TUI_DRAW;
	}
	switch (tui_key_action(key, TUI_ON_FORM)) {
	case TUI_NEW_LINE:
		if (textbox_insert(tb, "\n", 1) != 0)
			*full = 1;
		break;
	case TUI_LEFT:
		tb->pos = textbox_back(tb, tb->pos);
		break;
	case TUI_RIGHT:
		if (tb->pos < tb->len)
			tb->pos += text_char_len(tb->text + tb->pos);
		break;
	case TUI_PAGE_UP:
	case TUI_PAGE_DOWN:
		textbox_vertical(tb, cols, (rows > 1 ? rows - 1 : 1) *
		    (tui_key_action(key, TUI_ON_FORM) == TUI_PAGE_UP ? -1 : 1));
		goal = tb->goal;
		break;
	case TUI_LINE_START:
	case TUI_LINE_END:
		textbox_line_end(tb, cols, tui_key_action(key, TUI_ON_FORM) ==
		    TUI_LINE_END);
		break;
	case TUI_DEL_BACK:
		if (tb->pos > 0) {
			tb->pos = textbox_back(tb, tb->pos);
			textbox_delete(tb, tb->pos);
		}
		break;
	case TUI_DEL_CHAR:
		textbox_delete(tb, tb->pos);
		break;
	case TUI_CLEAR_FIELD:
		tui_textbox_set(tb, "");
		break;
	default:
		return TUI_PASS;
	}
	tb->goal = goal;
	return TUI_DRAW;
}

void
tui_textbox_draw(struct tui_textbox *tb, WINDOW *win, int y, int x, int rows,
    int cols, attr_t attr, struct tui_textbox_view *view)
{
	struct textbox_span *v;
	size_t n, j, i, end;
	char *piece;
	int r;

	v = textbox_layout(tb, cols, &n);
	j = textbox_line(v, n, tb->pos);
	if (rows < 1)
		rows = 1;
	if (tb->top > j)
		tb->top = j;
	if (j >= tb->top + (size_t)rows)
		tb->top = j - (size_t)rows + 1;
	if (tb->top + (size_t)rows > n)
		tb->top = n > (size_t)rows ? n - (size_t)rows : 0;
	for (r = 0; r < rows; r++) {
		i = tb->top + (size_t)r;
		if (i >= n) {
			tui_put(win, y + r, x, cols, attr, "");
			continue;
		}
		end = v[i].end;
		if (end > v[i].start && tb->text[end - 1] == '\n')
			end--;
		piece = xstrndup(tb->text + v[i].start, end - v[i].start);
		tui_put(win, y + r, x, cols, attr, piece);
		free(piece);
	}
	view->lines = n;
	view->top = tb->top;
	view->cursor_y = y + (int)(j - tb->top);
	view->cursor_x = x + textbox_column(tb, &v[j], tb->pos);
	free(v);
}

const char *
tui_textbox_text(const struct tui_textbox *tb)
{
	return tb->text;
}

/* In the child: run the editor on path, through the shell as git does. */
static void
textbox_editor_child(const char *path)
{
	const char *editor = getenv("VISUAL");
	char *script;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	script = xasprintf("%s \"$1\"", editor);
	execl("/bin/sh", "sh", "-c", script, "sh", path, (char *)NULL);
	_exit(127);
}

/* Run the editor on path and wait for it; 0, or -1 with *cause. */
static int
textbox_run_editor(struct tui *t, const char *path, char **cause)
{
	struct sigaction ignore, old_int, old_quit;
	int status;
	pid_t pid;

	tui_suspend(t);
	fflush(stdout);
	if ((pid = fork()) < 0) {
		tui_resume(t);
		return xfail(cause, "cannot start the editor: %s",
		    strerror(errno));
	}
	if (pid == 0)
		textbox_editor_child(path);
	/* Ctrl-C is the editor's while it runs. */
	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	tui_resume(t);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return xfail(cause, "the editor could not be run: set VISUAL or "
		    "EDITOR to one you have (such as nano); the note is as it "
		    "was");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return xfail(cause, "the editor did not end well (status %d): "
		    "the note is as it was", WIFEXITED(status) ?
		    WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}

/* What the file at path holds, \r\n as \n, no newline at its end. */
static int
textbox_read(const char *path, size_t max, char **text, char **cause)
{
	FILE *fp;
	char *buf, *in, *out;
	size_t n;

	if ((fp = fopen(path, "r")) == NULL)
		return xfail(cause, "cannot read the note back from the editor: "
		    "%s", strerror(errno));
	buf = xmalloc(max + 2);
	n = fread(buf, 1, max + 1, fp);
	fclose(fp);
	if (n > max) {
		free(buf);
		return xfail(cause, "the note written in the editor is too long "
		    "(more than %zu bytes): the note is as it was", max);
	}
	buf[n] = '\0';
	for (in = out = buf; *in != '\0'; in++) {
		if (in[0] == '\r' && in[1] == '\n')
			continue;
		*out++ = *in;
	}
	while (out > buf && out[-1] == '\n')
		out--;
	*out = '\0';
	*text = buf;
	return 0;
}

int
tui_textbox_edit(struct tui *t, const struct tui_textbox *tb, char **text,
    char **cause)
{
	const char *dir = getenv("TMPDIR");
	char *path = NULL;
	size_t done = 0;
	ssize_t w;
	int fd, rc = -1;

	*text = NULL;
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if ((fd = tempfile_make(dir, "caseload-note.txt", 0, &path)) < 0)
		return xfail(cause, "cannot make a file for the editor in %s: %s",
		    dir, strerror(errno));
	while (done < tb->len) {
		w = write(fd, tb->text + done, tb->len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;
		done += (size_t)w;
	}
	if (done < tb->len || (tb->len > 0 && write(fd, "\n", 1) != 1)) {
		xfail(cause, "cannot write the note for the editor: %s",
		    strerror(errno));
		close(fd);
		goto out;
	}
	close(fd);
	if (textbox_run_editor(t, path, cause) == 0)
		rc = textbox_read(path, tb->max, text, cause);
out:
	tempfile_remove(path);
	free(path);
	return rc;
}
