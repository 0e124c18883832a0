/* SPDX-License-Identifier: MIT */
/*
 * cli-progress.c: the progress line of an import on standard error,
 * "importing: 45,000 of 100,000 rows", drawn over itself
 * at most ten times a second while the job reports (session.progress),
 * and cleared at the end; nothing at all when standard error is not a
 * terminal, so that pipes and logs see no change.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Draw no more often than this. */
#define CLI_PROGRESS_NSEC 100000000L

/* n with a comma between thousands, into buf. */
static void
cli_progress_number(size_t n, char *buf, size_t size)
{
	char plain[32];
	size_t len, i, j = 0;

	snprintf(plain, sizeof plain, "%zu", n);
	len = strlen(plain);
	for (i = 0; i < len && j + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = plain[i];
	}
	buf[j] = '\0';
}

static long long
cli_progress_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void
cli_progress_draw(const char *what, size_t done, size_t total, void *arg)
{
	struct cli_progress *cp = arg;
	char a[32], b[32];
	long long now = cli_progress_now();
	int len;

	if (done >= total || now - cp->last < CLI_PROGRESS_NSEC)
		return;
	cp->last = now;
	cli_progress_number(done, a, sizeof a);
	cli_progress_number(total, b, sizeof b);
	len = fprintf(stderr, "\r%s: %s of %s %s", cp->verb, a, b, what);
	if (len > 0 && (size_t)len - 1 > cp->width)
		cp->width = (size_t)len - 1;
	fflush(stderr);
}

void
cli_progress_begin(struct cli *cli, struct cli_progress *cp, const char *verb)
{
	memset(cp, 0, sizeof *cp);
	cp->verb = verb;
	/* The first report comes after a tenth of a second of work. */
	cp->last = cli_progress_now();
	if (!isatty(STDERR_FILENO))
		return;
	cli->ses.progress = cli_progress_draw;
	cli->ses.progress_arg = cp;
}

void
cli_progress_end(struct cli *cli, struct cli_progress *cp)
{
	if (cp->width > 0) {
		fprintf(stderr, "\r%*s\r", (int)cp->width, "");
		fflush(stderr);
	}
	cp->width = 0;
	cli->ses.progress = NULL;
	cli->ses.progress_arg = NULL;
}
