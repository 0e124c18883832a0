/*
 * store-maint.c: online backup and the integrity check.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-int.h"
#include "xmalloc.h"

/* Flush a file's data to the disk; 0 or -1 with errno. */
int
store_sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
store_backup(struct store *st, const char *dest, char **cause)
{
	char *tmp = NULL, *dir = NULL, *slash;
	sqlite3 *out = NULL;
	sqlite3_backup *bk;
	struct stat sb;
	int fd, rc;

	if (lstat(dest, &sb) == 0)
		return xfail(cause, "%s already exists; give a new file name",
		    dest);
	tmp = xasprintf("%s.XXXXXX", dest);
	fd = mkstemp(tmp);
	if (fd < 0) {
		xfail(cause, "cannot create %s: %s", dest, strerror(errno));
		goto fail_nofile;
	}
	fchmod(fd, 0600);
	close(fd);

	if (sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		xfail(cause, "cannot write %s: %s", dest,
		    out != NULL ? sqlite3_errmsg(out) : "out of memory");
		goto fail;
	}
	bk = sqlite3_backup_init(out, "main", st->db, "main");
	if (bk == NULL) {
		xfail(cause, "cannot back up to %s: %s", dest,
		    sqlite3_errmsg(out));
		goto fail;
	}
	do {
		rc = sqlite3_backup_step(bk, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		xfail(cause, "cannot back up to %s: %s", dest,
		    sqlite3_errstr(rc));
		goto fail;
	}
	/* A backup stands alone: no -wal file beside it. */
	if (sqlite3_exec(out, "PRAGMA journal_mode = DELETE", NULL, NULL,
	    NULL) != SQLITE_OK) {
		xfail(cause, "cannot back up to %s: %s", dest,
		    sqlite3_errmsg(out));
		goto fail;
	}
	sqlite3_close(out);
	out = NULL;
	if (store_sync_path(tmp, O_RDONLY) != 0 || rename(tmp, dest) != 0) {
		xfail(cause, "cannot write %s: %s", dest, strerror(errno));
		goto fail;
	}
	dir = xstrdup(dest);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	store_sync_path(dir, O_RDONLY | O_DIRECTORY);
	free(dir);
	free(tmp);
	return 0;

fail:
	if (out != NULL)
		sqlite3_close(out);
	unlink(tmp);
fail_nofile:
	free(tmp);
	return -1;
}

/* What store_check passes to its per-person callback. */
struct store_check_state {
	struct store		*st;
	store_problem_cb	 cb;
	void			*arg;
	int			 problems;
	char			*cause;
};

static void
store_check_date(struct store_check_state *cs, long id, const char *what,
    date_t kept, date_t real)
{
	char a[DATE_ISO_SIZE] = "none", b[DATE_ISO_SIZE] = "none";
	char *msg;

	if (kept == real)
		return;
	if (kept != DATE_NONE)
		date_format_iso(kept, a);
	if (real != DATE_NONE)
		date_format_iso(real, b);
	msg = xasprintf("young person %ld: %s is %s but their history says %s",
	    id, what, a, b);
	cs->cb(msg, cs->arg);
	free(msg);
	cs->problems++;
}

static int
store_check_person(const struct person *p, void *arg)
{
	struct store_check_state *cs = arg;
	struct store_summary sum;
	char *msg;

	if (store_summarise(cs->st, p->id, &sum, &cs->cause) != 0)
		return 1;
	if (sum.status != p->facts.status) {
		msg = xasprintf("young person %ld: status is %s but their "
		    "history says %s", p->id,
		    person_status_label(p->facts.status),
		    person_status_label(sum.status));
		cs->cb(msg, cs->arg);
		free(msg);
		cs->problems++;
	}
	store_check_date(cs, p->id, "the status date", p->facts.status_since,
	    sum.status_since);
	store_check_date(cs, p->id, "the last contact", p->facts.last_contact,
	    sum.last_contact);
	store_check_date(cs, p->id, "the last letter", p->facts.last_letter,
	    sum.last_letter);
	store_check_date(cs, p->id, "the last review", p->facts.last_review,
	    sum.last_review);
	return 0;
}

int
store_check(struct store *st, store_problem_cb cb, void *arg, char **cause)
{
	struct store_check_state cs = { st, cb, arg, 0, NULL };
	sqlite3_stmt *stmt;
	const char *row;
	char *msg;
	int rc;

	if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &stmt,
	    NULL) != SQLITE_OK)
		return store_fail(st, cause, "checking the database");
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row = (const char *)sqlite3_column_text(stmt, 0);
		if (row != NULL && strcmp(row, "ok") != 0) {
			cb(row, arg);
			cs.problems++;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "checking the database");

	if (sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &stmt,
	    NULL) != SQLITE_OK)
		return store_fail(st, cause, "checking the database");
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		msg = xasprintf("row %lld of %s refers to a missing row of %s",
		    (long long)sqlite3_column_int64(stmt, 1),
		    (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 2));
		cb(msg, arg);
		free(msg);
		cs.problems++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "checking the database");

	if (store_people_each(st, STORE_EVERYONE, store_check_person, &cs,
	    cause) != 0)
		return -1;
	if (cs.cause != NULL) {
		if (cause != NULL)
			*cause = cs.cause;
		else
			free(cs.cause);
		return -1;
	}
	return cs.problems;
}
