/* SPDX-License-Identifier: MIT */
/*
 * session.h: what both faces of caseload stand on: the settings in force,
 * the day caseload takes as today, and the database, opened as the work
 * in hand needs it.
 *
 * The command line holds one session for a command; the screens hold one
 * for as long as they are open, and ask it now and then whether the day
 * has moved on.
 */
#ifndef CASELOAD_SESSION_H
#define CASELOAD_SESSION_H

#include <stdarg.h>
#include <time.h>

#include "conf.h"
#include "date.h"
#include "store.h"

/* Exit statuses, the same for both faces. */
#define EXIT_DONE	0	/* done */
#define EXIT_FAILED	1	/* failed: I/O, the database */
#define EXIT_USAGE	2	/* bad usage or bad input: nothing written */

/* How the work in hand uses the database (see session_open). */
enum session_access {
	SESSION_WRITES,		/* writes: opened to write, the day's backup
				 * (session_backup_daily) */
	SESSION_READS,		/* reads alone: the file's bytes stay as they were */
	SESSION_CHECKS,		/* reads the file as it is, to report on it */
	SESSION_PEEKS		/* reads names and numbers alone, for shell
				 * completion: as SESSION_READS, but no rules
				 * applied, nothing swept, no folder touched */
};

/*
 * How far a long job (an import) has gone: done of total of what it
 * counts (such as "rows" or "young people"), called now and then while
 * it works, and once more with done equal to total at its end (see
 * session.progress).
 */
typedef void (*session_progress_cb)(const char *what, size_t done,
    size_t total, void *arg);

struct session {
	struct config		 cfg;
	char			*db_path;
	int			 db_given;	/* --db or CASELOAD_DB named it */
	enum session_access	 access;	/* how session_open opens it */
	date_t			 today;
	date_t			 clock_today;	/* by the clock, whatever --today */
	int			 today_given;	/* --today or CASELOAD_TODAY */
	int			 demo;		/* a throwaway demo caseload */
	int			 utf8;		/* the user's locale is UTF-8:
						 * the flag marker is drawn
						 * (flag_marker) */
	struct store		*st;		/* opened by session_open */
	struct timespec		 started;	/* when main began (monotonic) */
	session_progress_cb	 progress;	/* NULL, or told how far a long
						 * job (an import) has gone */
	void			*progress_arg;
};

/*
 * Say something on standard error as both faces do, "caseload: " then
 * fmt (with "warning: " first when warning is 1), after flushing
 * standard output so that the two keep their order.
 */
void session_say(int warning, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Today's date by the computer's clock, in its time zone. */
date_t session_clock_date(void);

/*
 * Check the database path before anything is opened or made there: a path
 * the user gave must have its folder already (only caseload's own default
 * folder is made), and it must not be a link, a device or a FIFO.  -1 with
 * *cause when the path is wrong (bad usage: nothing was touched).
 */
int session_check_path(const struct session *s, char **cause);

/*
 * Open the database as s->access says, once (later calls give the same
 * store): one that writes is opened to write; one that reads never
 * writes or creates the file.  Leftover temporary files of a caseload
 * that was stopped short are swept.  Sets *out (s owns it); -1 with
 * *cause on failure.  *warning (NULL, or a new message the caller frees)
 * says what the worker should know though it opened: caseload's own
 * folder could not be made private.
 */
int session_open(struct session *s, struct store **out, char **warning,
    char **cause);

/*
 * The day's backup, made by the first opening of a day (by the clock) to
 * write: call it after session_open for work that writes.  None is made
 * for work that only reads, in a demo, or with --today.  It never fails
 * the work: when no backup could be made, *warning (NULL or a message
 * already, which it adds to) says so.
 */
void session_backup_daily(struct session *s, char **warning);

/*
 * Ready the open database for the screens, which read the lists a little
 * at a time before anything is written: every kept date settled to the
 * rules in force (store_apply_rules), and at most cache_kib KiB of pages
 * kept in memory.  0, or -1 with *cause.
 */
int session_for_screens(struct session *s, int cache_kib, char **cause);

/* Close the database; the session can open it again. */
void session_close(struct session *s);

/*
 * Make a new private folder for a throwaway demo caseload under $TMPDIR
 * (or /tmp), and point s->db_path (which s then owns) at caseload.db in
 * it.  Returns the folder, which the caller removes with
 * session_demo_remove and frees, or NULL with *cause.
 */
char *session_demo_folder(struct session *s, char **cause);

/* Remove a demo folder and what SQLite left in it; dir may be NULL. */
void session_demo_remove(const char *dir);

/*
 * A date in the form the settings ask for ([display] date_format), or ""
 * for DATE_NONE.  The string is one of a few buffers used in turn, so a
 * single printf can show several dates.
 */
const char *session_date(const struct session *s, date_t date);

/*
 * Read the clock again: when today is not fixed by --today and the date
 * has moved on since, s->today (and clock_today) become the new day and
 * this returns 1; otherwise 0.  For screens left open over midnight.
 */
int session_new_day(struct session *s);

#endif
