/* SPDX-License-Identifier: MIT */
/*
 * session.c: the settings, today and the database that both faces of
 * caseload stand on (see session.h).
 */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cause.h"
#include "session.h"
#include "tempfile.h"
#include "text.h"
#include "xmalloc.h"

void
session_say(int warning, const char *fmt, va_list ap)
{
	fflush(stdout);
	fputs(warning ? "caseload: warning: " : "caseload: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

date_t
session_clock_date(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
session_check_path(const struct session *s, char **cause)
{
	/* Only caseload's own default folder is made, and only to write. */
	return store_check_path(s->db_path, !s->db_given, cause);
}

/*
 * Remove the stale temporary files of caseload's (tempfile_sweep) in the
 * folder of the database at path and in its backups folder.
 */
static void
session_sweep(const char *path)
{
	char *dir = text_path_folder(path);
	time_t now = time(NULL);

	tempfile_sweep(dir, now);
	free(dir);
	dir = store_backups_dir(path);
	tempfile_sweep(dir, now);
	free(dir);
}

int
session_open(struct session *s, struct store **out, char **warning,
    char **cause)
{
	char *why = NULL;
	unsigned flags = 0;

	*warning = NULL;
	if (s->st != NULL) {
		*out = s->st;
		return 0;
	}
	if (s->access != SESSION_WRITES)
		flags |= STORE_READ_ONLY;
	if (s->access == SESSION_CHECKS)
		flags |= STORE_AS_IS;
	/* Caseload's own folder is private, whatever made it wider. */
	if (!s->db_given && !s->demo && s->access != SESSION_PEEKS &&
	    store_private_folder(s->db_path, &why) != 0) {
		*warning = why;
		why = NULL;
	}
	if (store_open_flags(s->db_path, flags, &s->st, cause) != 0 ||
	    (s->access != SESSION_CHECKS && s->access != SESSION_PEEKS &&
	    store_set_rules(s->st, &s->cfg.rules, cause) != 0)) {
		session_close(s);
		free(*warning);
		*warning = NULL;
		return -1;
	}
	/* What a caseload that was stopped short left in the data folder. */
	if (!s->demo && s->access != SESSION_PEEKS)
		session_sweep(s->db_path);
	*out = s->st;
	return 0;
}

void
session_backup_daily(struct session *s, char **warning)
{
	char *made = NULL, *why = NULL, *was;

	/*
	 * Named by the clock: a --today in the future must not name (and so
	 * prune) backups, so none is made with it.  Failing only warns.
	 */
	if (s->st == NULL || s->access != SESSION_WRITES || s->demo ||
	    s->today_given)
		return;
	if (store_backup_daily(s->st, s->clock_today, s->cfg.backup_keep,
	    &made, &why) != 0) {
		was = *warning;
		*warning = was == NULL ?
		    xasprintf("today's backup was not made: %s", why) :
		    xasprintf("%s; and today's backup was not made: %s", was,
		    why);
		free(was);
		free(why);
	}
	free(made);
}

int
session_for_screens(struct session *s, int cache_kib, char **cause)
{
	if (s->st == NULL)
		return xfail(cause, "the database is not open");
	if (store_apply_rules(s->st, cause) != 0 ||
	    store_set_cache(s->st, cache_kib, cause) != 0)
		return -1;
	return 0;
}

void
session_close(struct session *s)
{
	store_close(s->st);
	s->st = NULL;
}

const char *
session_date(const struct session *s, date_t date)
{
	/* A few buffers in turn, so that one printf can show several dates. */
	static char ring[8][64];
	static unsigned next;
	return date_show(date, s->cfg.date_format, ring[next++ % 8],
	    sizeof ring[0]);
}

int
session_new_day(struct session *s)
{
	date_t now;

	if (s->today_given)
		return 0;
	now = session_clock_date();
	if (now == s->clock_today)
		return 0;
	s->clock_today = s->today = now;
	return 1;
}

char *
session_demo_folder(struct session *s, char **cause)
{
	const char *tmpdir = getenv("TMPDIR");
	char *dir;

	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	dir = xasprintf("%s/caseload-demo-XXXXXX", tmpdir);
	if (mkdtemp(dir) == NULL) {
		xfail(cause, "--demo: cannot make a folder in %s: %s", tmpdir,
		    strerror(errno));
		free(dir);
		return NULL;
	}
	s->db_path = xasprintf("%s/caseload.db", dir);
	return dir;
}

void
session_demo_remove(const char *dir)
{
	static const char *const leaves[] = {
		"caseload.db", "caseload.db-wal", "caseload.db-shm",
		"caseload.db-journal"
	};
	char *path;
	size_t i;

	if (dir == NULL)
		return;
	for (i = 0; i < sizeof leaves / sizeof leaves[0]; i++) {
		path = xasprintf("%s/%s", dir, leaves[i]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}
