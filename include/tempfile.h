/* SPDX-License-Identifier: MIT */
/*
 * tempfile.h: caseload's own temporary files, and what becomes of them
 * when caseload is stopped.
 *
 * A file caseload writes whole (a calendar, a letter, a backup, a
 * handover) is first written to a temporary file of mode 0600 named
 * ".NAME.caseload-tmp.XXXXXX", NAME being the file it is to become and
 * XXXXXX six letters or digits chosen by mkstemp.  While it exists its
 * path is kept in a small table.  On SIGHUP, SIGINT, SIGTERM or SIGPIPE
 * the handler removes every file in the table (with the -journal, -wal
 * and -shm files SQLite may have beside one that is a database) and then
 * ends caseload by the same signal, as if it had not been caught.  Only
 * getpid, unlink, signal, raise and sigprocmask run in the handler.
 *
 * A temporary left by a caseload that could not clean up (SIGKILL, a
 * power cut) is removed by tempfile_sweep on a later start.
 *
 * The table is global: a signal handler has nothing else to reach.  It
 * is changed only with the signals blocked.
 */
#ifndef CASELOAD_TEMPFILE_H
#define CASELOAD_TEMPFILE_H

#include <time.h>

/* What marks a temporary file of caseload's, after ".NAME". */
#define TEMPFILE_MARK		".caseload-tmp."

/* The age, by its last change, at which a temporary is surely stale. */
#define TEMPFILE_STALE_SECONDS	3600

/* tempfile_make flags: the file is an SQLite database. */
#define TEMPFILE_SQLITE		0x1

/*
 * Catch SIGHUP, SIGINT, SIGTERM and SIGPIPE to remove the temporaries
 * before dying of the signal; a signal ignored when caseload started
 * (nohup, a background job) stays ignored.  Call once, early in main.
 * The full-screen interface puts its own handlers in place while it runs
 * and these back afterwards.
 */
void tempfile_catch_signals(void);

/*
 * Make a temporary file in the folder dir for a file to be called name
 * (the last part of a path: its folder is not used), mode 0600 whatever
 * the umask, and add it to the table.  Returns its descriptor and sets
 * *path to its path (the caller frees it), or returns -1 with errno set
 * (ENOENT or ENOTDIR when dir does not exist; EMFILE when the table is
 * full).
 */
int tempfile_make(const char *dir, const char *name, int flags, char **path);

/*
 * The temporary at path has been renamed into place: take it off the
 * table.  A path that is not in it is ignored.
 */
void tempfile_forget(const char *path);

/*
 * Remove the temporary at path (with SQLite's files beside it when it was
 * made with TEMPFILE_SQLITE) and take it off the table.
 */
void tempfile_remove(const char *path);

/* Remove every temporary still in the table (on the way out). */
void tempfile_remove_all(void);

/*
 * 1 when name (the last part of a path) is the name of a temporary file
 * of caseload's, or of an SQLite file beside one ("-journal", "-wal",
 * "-shm"), else 0.
 */
int tempfile_is_temporary(const char *name);

/*
 * Remove the stale temporaries of caseload's in the folder dir: files
 * whose names tempfile_is_temporary accepts, that are plain files (not
 * links, folders or anything else), owned by this user and unchanged for
 * TEMPFILE_STALE_SECONDS before now.  Nothing else is touched, and a
 * folder that cannot be read is not an error.  Returns how many were
 * removed.
 */
int tempfile_sweep(const char *dir, time_t now);

#endif
