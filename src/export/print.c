/* SPDX-License-Identifier: MIT */
/*
 * print.c: the due list and the letters list as pages of plain text for
 * paper, and running the print command with the text on its input.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "cause.h"
#include "person.h"
#include "print.h"
#include "rules.h"
#include "text.h"
#include "xmalloc.h"

#define PRINT_HEAD_LINES	5	/* title, worker, blank, headings, rule */
#define PRINT_GAP		2	/* spaces between columns */
#define PRINT_COLS_MAX		8
#define PRINT_KEEP		4096	/* bytes of a command's output kept */
#define PRINT_POLL_MS		50

/* A table of text cells, with one column (the names) cut to fit. */
struct print_table {
	size_t			 ncols;
	const char *const	*headings;
	unsigned		 right;		/* a bit per right-aligned column */
	char			**cells;	/* nrows * ncols */
	size_t			 nrows;
	size_t			 size;
	char			**notes;	/* lines after the table */
	size_t			 nnotes;
};

/* A growing string. */
struct print_buf {
	char	*s;
	size_t	 len;
	size_t	 size;
};

static void
print_put(struct print_buf *b, const char *s)
{
	size_t len = strlen(s);

	if (b->len + len + 1 > b->size) {
		while (b->len + len + 1 > b->size)
			b->size = b->size ? b->size * 2 : 4096;
		b->s = xreallocarray(b->s, b->size, 1);
	}
	memcpy(b->s + b->len, s, len + 1);
	b->len += len;
}

static void
print_table_init(struct print_table *t, const char *const *headings,
    unsigned right)
{
	memset(t, 0, sizeof *t);
	t->headings = headings;
	while (headings[t->ncols] != NULL)
		t->ncols++;
	t->right = right;
}

/* Add a row of ncols cells; they become the table's. */
static void
print_table_row(struct print_table *t, char **cells)
{
	size_t i;

	if (t->nrows == t->size) {
		t->size = t->size ? t->size * 2 : 64;
		t->cells = xreallocarray(t->cells, t->size * t->ncols,
		    sizeof *t->cells);
	}
	for (i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = cells[i];
	t->nrows++;
}

static void
print_table_note(struct print_table *t, char *line)
{
	t->notes = xreallocarray(t->notes, t->nnotes + 1, sizeof *t->notes);
	t->notes[t->nnotes++] = line;
}

static void
print_table_free(struct print_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	for (i = 0; i < t->nnotes; i++)
		free(t->notes[i]);
	free(t->notes);
}

/* left, then right flush with PRINT_WIDTH; left is cut if need be. */
static char *
print_sides(const char *left, const char *right)
{
	char fitted[PRINT_WIDTH * 4 + 8];
	int room = PRINT_WIDTH - text_width(right) - PRINT_GAP, w;

	w = text_fit(left, room, 0, fitted, sizeof fitted);
	return xasprintf("%s%*s%s", fitted, PRINT_WIDTH - w - text_width(right),
	    "", right);
}

/* One line of the table: each cell fitted to its column. */
static char *
print_line(const struct print_table *t, const int *widths,
    const char *const *cells)
{
	char fitted[PRINT_WIDTH * 4 + 8], pad[PRINT_WIDTH + 1];
	struct print_buf b = { NULL, 0, 0 };
	size_t i, end;
	int w;

	print_put(&b, "");
	for (i = 0; i < t->ncols; i++) {
		if (i > 0)
			print_put(&b, "  ");
		if (t->right & (1u << i)) {
			w = text_fit(cells[i], widths[i], 0, fitted,
			    sizeof fitted);
			memset(pad, ' ', (size_t)(widths[i] - w));
			pad[widths[i] - w] = '\0';
			print_put(&b, pad);
			print_put(&b, fitted);
		} else {
			text_fit(cells[i], widths[i], 1, fitted, sizeof fitted);
			print_put(&b, fitted);
		}
	}
	end = b.len;
	while (end > 0 && b.s[end - 1] == ' ')
		end--;
	b.s[end] = '\0';
	return b.s;
}

/* The same, for a line of strings the table owns: a row, or the rules. */
static char *
print_owned_line(const struct print_table *t, const int *widths,
    char *const *cells)
{
	const char *shown[PRINT_COLS_MAX];
	size_t i;

	for (i = 0; i < t->ncols; i++)
		shown[i] = cells[i];
	return print_line(t, widths, shown);
}

/*
 * Lay the table out on pages: every page starts with the title, the
 * worker, the date printed, "Page N of M" and the column headings.
 */
static char *
print_render(const struct print_table *t, const char *title,
    const char *worker, const char *printed, int *pages_out)
{
	int widths[PRINT_COLS_MAX], total, widest, w, page, pages, per_page;
	char *rule[PRINT_COLS_MAX], *line, *right, *heads, *rules_line;
	struct print_buf b = { NULL, 0, 0 };
	size_t i, r, body, k, next = 0;
	char **lines;

	/* Widths: the widest cell, then narrow the widest column to fit. */
	for (i = 0; i < t->ncols; i++) {
		widths[i] = text_width(t->headings[i]);
		for (r = 0; r < t->nrows; r++) {
			w = text_width(t->cells[r * t->ncols + i]);
			if (w > widths[i])
				widths[i] = w;
		}
	}
	for (;;) {
		total = PRINT_GAP * (int)(t->ncols - 1);
		widest = 0;
		for (i = 0; i < t->ncols; i++) {
			total += widths[i];
			if (widths[i] > widths[widest])
				widest = (int)i;
		}
		if (total <= PRINT_WIDTH)
			break;
		widths[widest]--;
	}

	/* Every line under the headings: rows, a blank, then the notes. */
	lines = xcalloc(t->nrows + 1, sizeof *lines);
	for (r = 0; r < t->nrows; r++)
		lines[next++] = print_owned_line(t, widths,
		    t->cells + r * t->ncols);
	if (t->nnotes > 0) {
		lines[next++] = xstrdup("");
		for (k = 0; k < t->nnotes; k++) {
			char **wrapped;
			size_t nw, j;

			wrapped = text_wrap(t->notes[k], PRINT_WIDTH, &nw);
			lines = xreallocarray(lines, next + nw, sizeof *lines);
			for (j = 0; j < nw; j++)
				lines[next++] = wrapped[j];
			free(wrapped);
		}
	}
	body = next;

	for (i = 0; i < t->ncols; i++) {
		rule[i] = xmalloc((size_t)widths[i] + 1);
		memset(rule[i], '-', (size_t)widths[i]);
		rule[i][widths[i]] = '\0';
	}
	heads = print_line(t, widths, t->headings);
	rules_line = print_owned_line(t, widths, rule);

	per_page = PRINT_PAGE_LINES - PRINT_HEAD_LINES;
	pages = body == 0 ? 1 : (int)((body + (size_t)per_page - 1) /
	    (size_t)per_page);
	print_put(&b, "");
	next = 0;
	for (page = 1; page <= pages; page++) {
		if (page > 1)
			print_put(&b, "\f");
		right = xasprintf("Page %d of %d", page, pages);
		line = print_sides(title, right);
		print_put(&b, line);
		print_put(&b, "\n");
		free(line);
		free(right);
		right = xasprintf("Printed %s", printed);
		line = print_sides(worker, right);
		print_put(&b, line);
		print_put(&b, "\n\n");
		free(line);
		free(right);
		print_put(&b, heads);
		print_put(&b, "\n");
		print_put(&b, rules_line);
		print_put(&b, "\n");
		for (k = 0; k < (size_t)per_page && next < body; k++) {
			print_put(&b, lines[next++]);
			print_put(&b, "\n");
		}
	}

	for (k = 0; k < body; k++)
		free(lines[k]);
	free(lines);
	for (i = 0; i < t->ncols; i++)
		free(rule[i]);
	free(heads);
	free(rules_line);
	*pages_out = pages;
	return b.s;
}

/* A date as the settings show it; "" for none. */
static char *
print_date(const struct config *cfg, date_t date)
{
	char buf[64];

	return xstrdup(date_show(date, cfg->date_format, buf, sizeof buf));
}

/* The name on paper: "Aisha Khan (Ash)", or initials only: "A.K.". */
static char *
print_name(const struct person *p, const struct print_options *opt)
{
	char initials[64], mark[8];

	mark[0] = '\0';
	if (p->flagged)
		snprintf(mark, sizeof mark, "%s ", flag_marker(!opt->ascii));
	if (opt->redact) {
		person_initials(p->name, initials, sizeof initials);
		return xasprintf("%s%s", mark, initials);
	}
	if (p->preferred_name != NULL && *p->preferred_name != '\0')
		return xasprintf("%s%s (%s)", mark, p->name, p->preferred_name);
	return xasprintf("%s%s", mark, p->name);
}

/* "overdue by 3 days", "due today", "due in 5 days". */
static char *
print_when(const struct rules_due *due, date_t today)
{
	char buf[64];

	rows_due_words(due, today, buf, sizeof buf);
	return xstrdup(buf);
}

static char *
print_worker(const struct config *cfg)
{
	if (*cfg->worker_name == '\0')
		return xstrdup(cfg->worker_title);
	if (*cfg->worker_title == '\0')
		return xstrdup(cfg->worker_name);
	return xasprintf("%s, %s", cfg->worker_name, cfg->worker_title);
}

/* Lay out the table with the page headings of a list, and free it. */
static char *
print_finish(struct print_table *t, const char *what,
    const struct config *cfg, date_t today, const struct print_options *opt,
    int *pages)
{
	char *title, *worker, *printed, *text;

	if (opt->within >= 0)
		title = xasprintf("%s within %d day%s%s", what, opt->within,
		    opt->within == 1 ? "" : "s",
		    opt->redact ? " (initials only)" : "");
	else
		title = xasprintf("%s%s%s%s", what,
		    opt->subset != NULL ? ": " : "",
		    opt->subset != NULL ? opt->subset : "",
		    opt->redact ? " (initials only)" : "");
	worker = print_worker(cfg);
	printed = print_date(cfg, today);
	text = print_render(t, title, worker, printed, pages);
	free(title);
	free(worker);
	free(printed);
	print_table_free(t);
	return text;
}

/* A row's statutory visit, as a line under the table: "Statutory visit
 * to 1 Aisha Khan: 17/11/2026, overdue by 10 days." */
static void
print_visit(struct print_table *t, const struct config *cfg,
    const struct due_row *row, const struct print_options *opt, date_t today)
{
	char *when, *date, *name;

	date = print_date(cfg, row->visit.due);
	when = row->visit.state == DUE_OK ? xstrdup("ok") :
	    print_when(&row->visit, today);
	name = print_name(row->person, opt);
	print_table_note(t, xasprintf("Statutory visit to %ld %s: %s, %s.",
	    row->person->id, name, date, when));
	free(name);
	free(date);
	free(when);
}

char *
print_due(const struct due_list *list, const struct config *cfg,
    date_t today, const struct print_options *opt, int *pages)
{
	static const char *const headings[] = {
		"No", "Name", "Stage", "Last contact", "Next due", "State", NULL
	};
	const struct rules_settings *rs = &cfg->rules;
	const struct due_row *row;
	struct print_table t;
	char *cells[6], *cap;
	size_t k;

	print_table_init(&t, headings, 1u << 0);
	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		cells[0] = xasprintf("%ld", row->person->id);
		cells[1] = print_name(row->person, opt);
		cells[2] = xstrdup(rules_stage_label(row->stage));
		cells[3] = print_date(cfg, row->person->facts.last_contact);
		if (row->person->facts.status == STATUS_UP) {
			cells[4] = print_date(cfg, row->contact.due);
			cells[5] = row->contact.state == DUE_OK ?
			    xstrdup("ok") : print_when(&row->contact, today);
		} else {
			cells[4] = xstrdup("");
			cells[5] = xstrdup(person_status_label(
			    row->person->facts.status));
		}
		print_table_row(&t, cells);
		if (row->visit.state != DUE_NONE)
			print_visit(&t, cfg, row, opt, today);
	}
	if (list->counts.stepped_up + list->counts.stepped_down == 0)
		print_table_note(&t, xstrdup("No young people on the caseload "
		    "yet."));
	else if (list->n == 0 && opt->within >= 0)
		print_table_note(&t, xasprintf("Nobody is due for contact in "
		    "the next %d day%s.", opt->within,
		    opt->within == 1 ? "" : "s"));
	if (rules_over_cap(list->counts.stepped_up, rs))
		cap = xasprintf(", %d over the cap of %d",
		    list->counts.stepped_up - rs->cap, rs->cap);
	else
		cap = xasprintf(" (cap %d)", rs->cap);
	print_table_note(&t, xasprintf("%d overdue, %d due soon; %d stepped "
	    "up%s, %d stepped down.", list->counts.overdue, list->counts.due_soon,
	    list->counts.stepped_up, cap, list->counts.stepped_down));
	free(cap);
	return print_finish(&t, "Contacts due", cfg, today, opt, pages);
}

char *
print_letters(const struct letter_list *list, const struct config *cfg,
    date_t today, const struct print_options *opt, int *pages)
{
	static const char *const headings[] = {
		"No", "Name", "Stepped down", "Last letter", "Next letter",
		"State", NULL
	};
	const struct letter_row *row;
	struct print_table t;
	char *cells[6];
	size_t k;

	print_table_init(&t, headings, 1u << 0);
	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		cells[0] = xasprintf("%ld", row->person->id);
		cells[1] = print_name(row->person, opt);
		cells[2] = print_date(cfg, row->stepped_down_on);
		cells[3] = print_date(cfg, row->person->facts.last_letter);
		cells[4] = print_date(cfg, row->letter.due);
		cells[5] = row->letter.state == DUE_NONE ?
		    xstrdup("none: 25 first") : print_when(&row->letter, today);
		print_table_row(&t, cells);
	}
	if (list->stepped_down == 0)
		print_table_note(&t, xstrdup("Nobody has stepped down, so no "
		    "annual letters are due."));
	else if (list->n == 0 && opt->within >= 0)
		print_table_note(&t, xasprintf("No annual letters are due in "
		    "the next %d day%s.", opt->within,
		    opt->within == 1 ? "" : "s"));
	print_table_note(&t, xasprintf("%d letter%s overdue, %d due soon; "
	    "%d stepped down, %d turning 25 before another letter.",
	    list->overdue, list->overdue == 1 ? "" : "s", list->due_soon,
	    list->stepped_down, list->none));
	return print_finish(&t, "Annual letters", cfg, today, opt, pages);
}

char *
print_page(const char *title, const char *body, const struct config *cfg,
    date_t today, int *pages_out)
{
	struct print_buf b = { NULL, 0, 0 };
	char **lines = NULL, **wrapped, *copy, *at, *nl, *worker, *printed;
	char *line, *right;
	size_t n = 0, nw, j, next = 0, k;
	int page, pages, per_page = PRINT_PAGE_LINES - 3;

	copy = xstrdup(body);
	for (at = copy; *at != '\0'; at = nl + 1) {
		if ((nl = strchr(at, '\n')) != NULL)
			*nl = '\0';
		if (text_width(at) <= PRINT_WIDTH) {
			/* As it is, its indent and columns kept. */
			wrapped = xcalloc(1, sizeof *wrapped);
			wrapped[0] = xstrdup(at);
			nw = 1;
		} else
			wrapped = text_wrap(at, PRINT_WIDTH, &nw);
		lines = xreallocarray(lines, n + nw + 1, sizeof *lines);
		for (j = 0; j < nw; j++)
			lines[n++] = wrapped[j];
		free(wrapped);
		if (nl == NULL)
			break;
	}
	free(copy);
	worker = print_worker(cfg);
	printed = print_date(cfg, today);
	pages = n == 0 ? 1 : (int)((n + (size_t)per_page - 1) /
	    (size_t)per_page);
	print_put(&b, "");
	for (page = 1; page <= pages; page++) {
		if (page > 1)
			print_put(&b, "\f");
		right = xasprintf("Page %d of %d", page, pages);
		line = print_sides(title, right);
		print_put(&b, line);
		print_put(&b, "\n");
		free(line);
		free(right);
		right = xasprintf("Printed %s", printed);
		line = print_sides(worker, right);
		print_put(&b, line);
		print_put(&b, "\n\n");
		free(line);
		free(right);
		for (k = 0; k < (size_t)per_page && next < n; k++) {
			print_put(&b, lines[next++]);
			print_put(&b, "\n");
		}
	}
	for (k = 0; k < n; k++)
		free(lines[k]);
	free(lines);
	free(worker);
	free(printed);
	*pages_out = pages;
	return b.s;
}

/* In the child: run command with its input from in_fd; never returns. */
static void
print_child(const char *command, int in_fd, int out_fd, int own_group)
{
	static const int reset[] = {
		SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGHUP,
		SIGTERM
	};
	sigset_t none;
	size_t i;

	if (own_group) {
		/* Its own process group, away from the terminal until it
		 * asks for it; the usual signals, whatever caseload did. */
		setpgid(0, 0);
		for (i = 0; i < sizeof reset / sizeof reset[0]; i++)
			signal(reset[i], SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
	}
	if (dup2(in_fd, STDIN_FILENO) < 0)
		_exit(127);
	if (out_fd >= 0 && (dup2(out_fd, STDOUT_FILENO) < 0 ||
	    dup2(out_fd, STDERR_FILENO) < 0))
		_exit(127);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
	_exit(127);
}

/* How the command ended: 0 when it read everything and exited with 0. */
static int
print_ended(const char *command, int status, size_t done, size_t len,
    int write_errno, int *exit_status, char **cause)
{
	char *safe = text_escape(command, 0);

	if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		*exit_status = WEXITSTATUS(status);
		xfail(cause, "the print command '%s' failed with exit status "
		    "%d%s", safe, *exit_status, *exit_status == 127 ?
		    " (not found?)" : "");
	} else if (WIFSIGNALED(status))
		xfail(cause, "the print command '%s' was stopped by signal %d",
		    safe, WTERMSIG(status));
	else if (done < len)
		xfail(cause, "the print command '%s' stopped reading the list "
		    "early: %s", safe, strerror(write_errno != 0 ? write_errno :
		    EPIPE));
	else {
		*exit_status = 0;
		free(safe);
		return 0;
	}
	free(safe);
	return -1;
}

int
print_run(const char *command, const char *text, int *exit_status,
    char **cause)
{
	struct sigaction ignore, old;
	size_t len = strlen(text), done = 0;
	int fds[2], status, write_errno = 0;
	ssize_t n;
	pid_t pid;

	*exit_status = -1;
	if (pipe2(fds, O_CLOEXEC) != 0)
		return xfail(cause, "cannot run the print command: %s",
		    strerror(errno));
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		return xfail(cause, "cannot run the print command: %s",
		    strerror(errno));
	}
	if (pid == 0)
		print_child(command, fds[0], -1, 0);
	close(fds[0]);

	/* A command that stops reading must not kill caseload. */
	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old);
	while (done < len) {
		n = write(fds[1], text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			write_errno = errno;
			break;
		}
		done += (size_t)n;
	}
	close(fds[1]);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			sigaction(SIGPIPE, &old, NULL);
			return xfail(cause, "cannot wait for the print command: "
			    "%s", strerror(errno));
		}
	}
	sigaction(SIGPIPE, &old, NULL);
	return print_ended(command, status, done, len, write_errno,
	    exit_status, cause);
}

/* ------------------------------------ under a full-screen interface */

/* Keep what the command wrote, the last PRINT_KEEP bytes of it. */
struct print_capture {
	char	buf[PRINT_KEEP];
	size_t	len;
};

static void
print_keep(struct print_capture *c, const char *s, size_t n)
{
	if (n >= sizeof c->buf) {
		s += n - sizeof c->buf;
		n = sizeof c->buf;
	}
	if (c->len + n > sizeof c->buf) {
		size_t drop = c->len + n - sizeof c->buf;

		memmove(c->buf, c->buf + drop, c->len - drop);
		c->len -= drop;
	}
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

/* Write all of s to fd (the terminal, once the command has it). */
static void
print_show(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/*
 * Read what the command wrote, without waiting; shown on the terminal too
 * when it has the terminal.  Returns 0 at its end (fd closed), else 1.
 */
static int
print_read(struct print_capture *c, int fd, int shown)
{
	char chunk[1024];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return 1;	/* EAGAIN: nothing more for now */
		if (n == 0) {
			close(fd);
			return 0;
		}
		print_keep(c, chunk, (size_t)n);
		if (shown)
			print_show(STDOUT_FILENO, chunk, (size_t)n);
	}
}

/* The last line of what the command wrote, trimmed, into out. */
static void
print_last_line(const struct print_capture *c, char *out, size_t size)
{
	size_t end = c->len, start;

	while (end > 0 && (c->buf[end - 1] == '\n' || c->buf[end - 1] == '\r' ||
	    c->buf[end - 1] == ' ' || c->buf[end - 1] == '\t'))
		end--;
	start = end;
	while (start > 0 && c->buf[start - 1] != '\n')
		start--;
	while (start < end && (c->buf[start] == ' ' || c->buf[start] == '\t'))
		start++;
	if (end - start >= size)
		end = start + size - 1;
	memcpy(out, c->buf + start, end - start);
	out[end - start] = '\0';
}

/* Give the terminal to the command's process group; 0 or -1. */
static int
print_hand_over(struct print_terminal *term, pid_t pid,
    const struct print_capture *c)
{
	term->suspend(term->arg);
	if (tcsetpgrp(term->fd, pid) != 0) {
		term->resume(term->arg);
		return -1;
	}
	term->used = 1;
	print_show(STDOUT_FILENO, c->buf, c->len);
	return 0;
}

/* Take the terminal back, and the screen with it. */
static void
print_take_back(struct print_terminal *term)
{
	sigset_t block, was;

	/* Asking for the terminal from the background would stop us. */
	sigemptyset(&block);
	sigaddset(&block, SIGTTOU);
	sigprocmask(SIG_BLOCK, &block, &was);
	tcsetpgrp(term->fd, getpgrp());
	sigprocmask(SIG_SETMASK, &was, NULL);
	term->resume(term->arg);
}

/* A print command running under a full-screen interface. */
struct print_running {
	const char		*command;
	pid_t			 pid;
	int			 in;		/* its standard input, or -1 */
	int			 out;		/* its output and errors, or -1 */
	const char		*text;		/* for its standard input */
	size_t			 len, done;	/* of text; written so far */
	int			 write_errno;
	int			 status;	/* from waitpid */
	int			 wait_errno;
	int			 handed;	/* the terminal: 1 given, -1 not */
	int			 stopped;	/* sent SIGTERM */
	int			 ended;
	struct print_capture	*capture;
};

/*
 * Start the command in its own process group, its standard input and
 * output pipes that do not block, with TOSTOP set on the terminal (its
 * modes before in *saved, when *have_modes).  0, or -1 with *cause and
 * the terminal as it was.
 */
static int
print_start(struct print_running *pr, struct print_terminal *term,
    struct termios *saved, int *have_modes, char **cause)
{
	struct termios modes;
	int in[2], out[2], e;

	if (pipe2(in, O_CLOEXEC) != 0)
		return xfail(cause, "cannot run the print command: %s",
		    strerror(errno));
	if (pipe2(out, O_CLOEXEC) != 0) {
		close(in[0]);
		close(in[1]);
		return xfail(cause, "cannot run the print command: %s",
		    strerror(errno));
	}
	/* A command in the background that writes to the terminal stops
	 * (TOSTOP), as one that reads from it or changes its modes does. */
	*have_modes = tcgetattr(term->fd, saved) == 0;
	if (*have_modes) {
		modes = *saved;
		modes.c_lflag |= TOSTOP;
		tcsetattr(term->fd, TCSANOW, &modes);
	}
	if ((pr->pid = fork()) < 0) {
		e = errno;
		if (*have_modes)
			tcsetattr(term->fd, TCSANOW, saved);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		return xfail(cause, "cannot run the print command: %s",
		    strerror(e));
	}
	if (pr->pid == 0)
		print_child(pr->command, in[0], out[1], 1);
	setpgid(pr->pid, pr->pid);	/* as the child does: whichever first */
	close(in[0]);
	close(out[1]);
	pr->in = in[1];
	pr->out = out[0];
	fcntl(pr->in, F_SETFL, fcntl(pr->in, F_GETFL) | O_NONBLOCK);
	fcntl(pr->out, F_SETFL, fcntl(pr->out, F_GETFL) | O_NONBLOCK);
	return 0;
}

/* Write as much of the text as the command takes now; close at its end. */
static void
print_feed(struct print_running *pr)
{
	ssize_t n;

	while (pr->in >= 0 && pr->done < pr->len) {
		n = write(pr->in, pr->text + pr->done, pr->len - pr->done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN)
			pr->write_errno = errno;
		if (n <= 0)
			break;
		pr->done += (size_t)n;
	}
	if (pr->in >= 0 && (pr->done == pr->len || pr->write_errno != 0)) {
		close(pr->in);
		pr->in = -1;
	}
}

/*
 * See how the command is: stop it when the worker interrupts; when the
 * system stopped it for wanting the terminal, hand the terminal over
 * (once) and let it go on; note when it has ended.
 */
static void
print_watch(struct print_running *pr, struct print_terminal *term)
{
	pid_t r;

	if (!pr->stopped && term->interrupted != NULL &&
	    term->interrupted(term->arg)) {
		kill(-pr->pid, SIGTERM);
		kill(-pr->pid, SIGCONT);
		pr->stopped = 1;
	}
	r = waitpid(pr->pid, &pr->status, WNOHANG | WUNTRACED);
	if (r < 0 && errno != EINTR) {
		pr->wait_errno = errno;
		pr->ended = 1;
	} else if (r == pr->pid && WIFSTOPPED(pr->status)) {
		/* It wants the terminal: give it, once. */
		if (pr->handed == 0 && !pr->stopped)
			pr->handed = print_hand_over(term, pr->pid,
			    pr->capture) == 0 ? 1 : -1;
		if (pr->handed < 0 && !pr->stopped) {
			kill(-pr->pid, SIGTERM);
			pr->stopped = 1;
		}
		kill(-pr->pid, SIGCONT);
	} else if (r == pr->pid)
		pr->ended = 1;
}

/* Feed the command, keep what it writes and watch it until it ends. */
static void
print_follow(struct print_running *pr, struct print_terminal *term)
{
	struct pollfd pfd[2];
	int nfds;

	while (!pr->ended) {
		nfds = 0;
		if (pr->in >= 0) {
			pfd[nfds].fd = pr->in;
			pfd[nfds++].events = POLLOUT;
		}
		if (pr->out >= 0) {
			pfd[nfds].fd = pr->out;
			pfd[nfds++].events = POLLIN;
		}
		/* A timeout, to notice the command stopping or ending. */
		poll(pfd, (nfds_t)nfds, PRINT_POLL_MS);
		print_feed(pr);
		if (pr->out >= 0 &&
		    print_read(pr->capture, pr->out, pr->handed > 0) == 0)
			pr->out = -1;
		print_watch(pr, term);
	}
	/* What it wrote just before it ended (not what anything it left
	 * behind writes later). */
	if (pr->out >= 0 &&
	    print_read(pr->capture, pr->out, pr->handed > 0) != 0)
		close(pr->out);	/* (at its end, print_read closed it) */
	if (pr->in >= 0)
		close(pr->in);
}

/* Put TOSTOP back as it was in saved, leaving the command's other modes. */
static void
print_restore_tostop(struct print_terminal *term, const struct termios *saved)
{
	struct termios modes;

	if (tcgetattr(term->fd, &modes) == 0) {
		modes.c_lflag = (modes.c_lflag & ~(tcflag_t)TOSTOP) |
		    (saved->c_lflag & TOSTOP);
		tcsetattr(term->fd, TCSANOW, &modes);
	}
}

int
print_run_screen(const char *command, const char *text,
    struct print_terminal *term, int *exit_status, char **cause)
{
	struct print_running pr;
	struct sigaction ignore, old;
	struct termios saved;
	int have_modes = 0;

	*exit_status = -1;
	term->used = 0;
	term->last[0] = '\0';
	memset(&pr, 0, sizeof pr);
	pr.command = command;
	pr.text = text;
	pr.len = strlen(text);
	if (print_start(&pr, term, &saved, &have_modes, cause) != 0)
		return -1;
	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old);
	pr.capture = xcalloc(1, sizeof *pr.capture);

	print_follow(&pr, term);

	sigaction(SIGPIPE, &old, NULL);
	if (pr.handed > 0)
		print_take_back(term);
	if (have_modes)
		print_restore_tostop(term, &saved);
	print_last_line(pr.capture, term->last, sizeof term->last);
	free(pr.capture);
	if (pr.handed < 0) {
		char *safe = text_escape(command, 0);

		xfail(cause, "the print command '%s' needs the terminal, and "
		    "caseload could not give it", safe);
		free(safe);
		return -1;
	}
	if (pr.wait_errno != 0)
		return xfail(cause, "cannot wait for the print command: %s",
		    strerror(pr.wait_errno));
	return print_ended(command, pr.status, pr.done, pr.len,
	    pr.write_errno, exit_status, cause);
}

char *
print_summary(int pages, size_t people, const char *command)
{
	char *safe = text_escape(command, 0), *text;

	text = xasprintf("Sent %d page%s (%zu young %s) to '%s'.", pages,
	    pages == 1 ? "" : "s", people, people == 1 ? "person" : "people",
	    safe);
	free(safe);
	return text;
}
