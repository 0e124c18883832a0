/*
 * print.c: the due list and the letters list as pages of plain text for
 * paper, and running the print command with the text on its input.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "person.h"
#include "print.h"
#include "rules.h"
#include "text.h"
#include "xmalloc.h"

#define PRINT_HEAD_LINES	5	/* title, worker, blank, headings, rule */
#define PRINT_GAP		2	/* spaces between columns */
#define PRINT_COLS_MAX		8

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
    char *const *cells)
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
		lines[next++] = print_line(t, widths, t->cells + r * t->ncols);
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
	heads = print_line(t, widths, (char *const *)t->headings);
	rules_line = print_line(t, widths, rule);

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

	if (date == DATE_NONE)
		return xstrdup("");
	if (date_format(date, cfg->date_format, buf, sizeof buf) == 0)
		date_format_iso(date, buf);
	return xstrdup(buf);
}

/* The name on paper: "Aisha Khan (Ash)", or initials only: "A.K.". */
static char *
print_name(const struct person *p, int redact)
{
	char initials[64];

	if (redact) {
		person_initials(p->name, initials, sizeof initials);
		return xstrdup(initials);
	}
	if (p->preferred_name != NULL && *p->preferred_name != '\0')
		return xasprintf("%s (%s)", p->name, p->preferred_name);
	return xstrdup(p->name);
}

/* "overdue by 3 days", "due today", "due in 5 days". */
static char *
print_when(const struct rules_due *due, date_t today)
{
	int days = (int)(due->due - today);

	if (due->state == DUE_OVERDUE)
		return xasprintf("overdue by %d day%s", due->days_overdue,
		    due->days_overdue == 1 ? "" : "s");
	if (days == 0)
		return xstrdup("due today");
	return xasprintf("due in %d day%s", days, days == 1 ? "" : "s");
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
		title = xasprintf("%s%s", what,
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
		cells[1] = print_name(row->person, opt->redact);
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
		cells[1] = print_name(row->person, opt->redact);
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

int
print_run(const char *command, const char *text, int *exit_status,
    char **cause)
{
	struct sigaction ignore, old;
	size_t len = strlen(text), done = 0;
	int fds[2], status, write_errno = 0;
	char *safe;
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
	if (pid == 0) {
		if (dup2(fds[0], STDIN_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
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

	safe = text_escape(command, 0);
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
		    "early: %s", safe, strerror(write_errno));
	else {
		*exit_status = 0;
		free(safe);
		return 0;
	}
	free(safe);
	return -1;
}
