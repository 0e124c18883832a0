/* SPDX-License-Identifier: MIT */
/*
 * store-maint.c: online backup and the integrity check.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cause.h"
#include "outfile.h"
#include "store-int.h"
#include "target.h"
#include "tempfile.h"
#include "text.h"
#include "xmalloc.h"

int
store_backup(struct store *st, const char *dest, char **cause)
{
	struct outfile *of;
	sqlite3 *out = NULL;
	int rc;

	if (outfile_open_flags(dest, OUTFILE_NEW | OUTFILE_NAMED, st->path,
	    &of, cause) != 0)
		return -1;
	if (sqlite3_open_v2(outfile_path(of), &out, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		xfail(cause, "cannot write %s: %s", dest,
		    out != NULL ? sqlite3_errmsg(out) : "out of memory");
		goto fail;
	}
	rc = store_copy_db(out, st->db);
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
	return outfile_commit(of, cause);

fail:
	if (out != NULL)
		sqlite3_close(out);
	outfile_abort(of);
	return -1;
}

char *
store_backups_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup("backups");
	return xasprintf("%.*s/backups", (int)(slash - path), path);
}

/* The database file's name without its folder and ".db". */
static char *
store_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".db") == 0)
		n -= 3;
	return xstrndup(base, n);
}

/*
 * Make the backups folder (0700) and return its path.  One that is there
 * already must be a real folder of the user's own (not a link, and not
 * someone else's, who could read every backup or swap them); a mode wider
 * than 0700 is tightened.
 */
static char *
store_make_backups_dir(struct store *st, char **cause)
{
	char *dir = store_backups_dir(st->path);
	struct stat sb;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		xfail(cause, "cannot create the backups folder %s: %s", dir,
		    strerror(errno));
		goto fail;
	}
	if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		xfail(cause, "%s is not a folder", dir);
		goto fail;
	}
	if (sb.st_uid != geteuid()) {
		xfail(cause, "the backups folder %s belongs to another user "
		    "(uid %ld): caseload will not keep backups there; remove it "
		    "or give it to yourself", dir, (long)sb.st_uid);
		goto fail;
	}
	if ((sb.st_mode & 077) != 0 && chmod(dir, 0700) != 0) {
		xfail(cause, "the backups folder %s can be read by others and "
		    "cannot be made private: %s", dir, strerror(errno));
		goto fail;
	}
	return dir;
fail:
	free(dir);
	return NULL;
}

int
store_backup_before_path(struct store *st, const char *why, char **made,
    char **cause)
{
	char *dir, *stem, *path = NULL, stamp[32];
	struct stat sb;
	struct tm tm;
	time_t now;
	int n;

	if (made != NULL)
		*made = NULL;
	if ((dir = store_make_backups_dir(st, cause)) == NULL)
		return -1;
	stem = store_stem(st->path);
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H%M%S", &tm);
	for (n = 1; n < 100; n++) {
		free(path);
		if (n == 1)
			path = xasprintf("%s/%s-before-%s-%s.db", dir, stem, why,
			    stamp);
		else
			path = xasprintf("%s/%s-before-%s-%s-%d.db", dir, stem,
			    why, stamp, n);
		if (lstat(path, &sb) != 0)
			break;
	}
	free(dir);
	free(stem);
	if (store_backup(st, path, cause) != 0) {
		free(path);
		return -1;
	}
	if (made != NULL)
		*made = path;
	else
		free(path);
	return 0;
}

int
store_backup_before(struct store *st, const char *why, char **cause)
{
	return store_backup_before_path(st, why, NULL, cause);
}

static int
store_name_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Remove all but the newest keep daily backups STEM-YYYY-MM-DD.db dated
 * today or before.  One dated after today (an older caseload named them
 * by --today) is neither counted nor removed: were it counted, it would
 * push out every real backup made before its date.
 */
static void
store_prune_daily(const char *dir, const char *stem, int keep, date_t today)
{
	size_t len = strlen(stem), n = 0, i;
	char **names = NULL, *path;
	struct dirent *de;
	date_t d;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		const char *name = de->d_name;
		char iso[DATE_ISO_SIZE];

		/* STEM-YYYY-MM-DD.db, nothing else. */
		if (strlen(name) != len + 14 || strncmp(name, stem, len) != 0 ||
		    name[len] != '-' || strcmp(name + len + 11, ".db") != 0)
			continue;
		memcpy(iso, name + len + 1, 10);
		iso[10] = '\0';
		if (date_parse_iso(iso, &d) != 0 || d > today)
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(name);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof *names, store_name_compare);
	for (i = 0; i < n; i++) {
		if (i + (size_t)keep < n) {
			path = xasprintf("%s/%s", dir, names[i]);
			unlink(path);
			free(path);
		}
		free(names[i]);
	}
	free(names);
}

/* 1 when path is a file in a folder named "backups". */
static int
store_in_backups(const char *path)
{
	const char *slash = strrchr(path, '/'), *start;

	if (slash == NULL)
		return 0;
	for (start = slash; start > path && start[-1] != '/'; start--)
		;
	return slash - start == 7 && strncmp(start, "backups", 7) == 0;
}

int
store_backup_daily(struct store *st, date_t today, int keep, char **made,
    char **cause)
{
	char *dir = NULL, *stem = NULL, *path = NULL, iso[DATE_ISO_SIZE];
	sqlite3_stmt *stmt;
	struct stat sb;
	int people = 0, rc = -1;

	*made = NULL;
	if (keep <= 0)
		return 0;
	/* A backup opened to look at it is not backed up again. */
	if (store_in_backups(st->path))
		return 0;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM people", -1,
	    &stmt, NULL) != SQLITE_OK)
		return store_fail(st, cause, "backing up");
	if (sqlite3_step(stmt) == SQLITE_ROW)
		people = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (people == 0)
		return 0;

	stem = store_stem(st->path);
	dir = store_backups_dir(st->path);
	date_format_iso(today, iso);
	path = xasprintf("%s/%s-%s.db", dir, stem, iso);
	if (lstat(path, &sb) == 0) {
		rc = 0;
		goto out;
	}
	free(dir);
	if ((dir = store_make_backups_dir(st, cause)) == NULL)
		goto out;
	if (store_backup(st, path, cause) != 0)
		goto out;
	store_prune_daily(dir, stem, keep, today);
	*made = path;
	path = NULL;
	rc = 0;
out:
	free(path);
	free(dir);
	free(stem);
	return rc;
}

/*
 * Look at the SQLite header of a file to restore before SQLite opens it:
 * the magic, caseload's mark, the schema version and the size the header
 * gives.
 */
static int
store_source_sniff(const char *path, char **cause)
{
	struct store_header h;

	if (store_read_header(path, &h, cause) != 0)
		return -1;
	if (!h.sqlite)
		return xfail(cause, "%s is not a caseload database (not even a "
		    "SQLite file)", path);
	if (h.app != STORE_APPLICATION_ID || h.version < 1)
		return xfail(cause, "%s is not a caseload database (a SQLite "
		    "file of another program)", path);
	if (h.version > (unsigned long)store_schema_version())
		return xfail(cause, "%s was written by a newer caseload (schema "
		    "%lu; this one knows up to %d)", path, h.version,
		    store_schema_version());
	if (!h.page_ok || !h.whole_pages ||
	    (unsigned long long)h.size < h.want)
		return xfail(cause, "%s is truncated or damaged (its size does "
		    "not agree with its header): it was not copied whole",
		    path);
	return 0;
}

static int store_check_with(struct store *, int, store_problem_cb, void *,
    char **);

int
store_restore_open(const char *path, struct store **out, char **cause)
{
	struct store_problems sp = { NULL, 0 };
	struct store *from;
	struct stat sb;
	char *real;
	int n;

	*out = NULL;
	if (*path == '\0')
		return xfail(cause, "give the backup file to restore");
	if (stat(path, &sb) != 0)
		return xfail(cause, "cannot read %s: %s", path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return xfail(cause, "%s is not a file", path);
	if (store_source_sniff(path, cause) != 0)
		return -1;
	/* A link to a backup is fine to read: open what it points to. */
	if ((real = realpath(path, NULL)) == NULL)
		return xfail(cause, "cannot read %s: %s", path, strerror(errno));
	if (store_open_flags(real, STORE_READ_ONLY, &from, cause) != 0) {
		free(real);
		return -1;
	}
	free(real);
	/* Sound to restore, though the allocation dates may differ. */
	n = store_check_with(from, 0, store_problem_keep, &sp, cause);
	if (n < 0) {
		free(sp.first);
		store_close(from);
		return -1;
	}
	if (n > 0) {
		if (n == 1)
			xfail(cause, "%s is damaged: %s", path, sp.first);
		else
			xfail(cause, "%s is damaged: %s (and %d more problems; "
			    "'caseload --db FILE check' lists them)", path,
			    sp.first, n - 1);
		free(sp.first);
		store_close(from);
		return -1;
	}
	*out = from;
	return 0;
}

/* Copy the whole of from's database over st's, in one transaction. */
static int
store_copy_over(struct store *st, struct store *from, char **cause)
{
	int rc = store_copy_db(st->db, from->db);

	if (rc != SQLITE_DONE)
		return xfail(cause, "%s", sqlite3_errstr(rc));
	return 0;
}

int
store_restore(struct store *st, struct store *from, const char *src,
    char **saved, char **cause)
{
	char *why = NULL;
	long from_size = 0, size = 0;
	int rc;

	*saved = NULL;
	if (st->flags & STORE_READ_ONLY)
		return xfail(cause, "restoring: the database was opened for "
		    "reading alone");
	if (store_backup_before_path(st, "restore", saved, &why) != 0) {
		xfail(cause, "%s; nothing was changed", why);
		free(why);
		return -1;
	}
	/*
	 * A WAL database takes a copy only of its own page size: to take
	 * another, it leaves WAL for the copy (which needs no other copy of
	 * caseload to have it open).
	 */
	rc = store_query_long(st, "PRAGMA page_size", &size, &why) != 0 ||
	    store_query_long(from, "PRAGMA page_size", &from_size, &why) != 0;
	if (rc == 0 && size != from_size &&
	    store_exec(st, "PRAGMA journal_mode = DELETE", &why) != 0)
		rc = -1;
	if (rc == 0 && store_copy_over(st, from, &why) != 0)
		rc = -1;
	/* The copy brought the source's journal mode; WAL again. */
	if (store_exec(st, "PRAGMA journal_mode = WAL", rc == 0 ? &why :
	    NULL) != 0 && rc == 0)
		rc = -1;
	if (rc != 0) {
		xfail(cause, "restoring from %s: %s (the database is as it "
		    "was; it is also in %s)", src, why, *saved);
		free(why);
		return -1;
	}
	st->version = store_schema_version();
	st->interval_weeks = 0;
	return store_upgrade(st, cause);
}

/* What store_check passes to its per-person callback. */
struct store_check_state {
	struct store		*st;
	store_problem_cb	 cb;
	void			*arg;
	int			 problems;
	int			 allocation;	/* check the allocation dates */
	char			*cause;
	sqlite3_stmt		*row;	/* store_check_due's, while it runs */
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
	if (cs->cb != NULL)
		cs->cb(msg, cs->arg);
	free(msg);
	cs->problems++;
}

/*
 * The allocation date and the first row of the status history are one
 * fact: say when they differ.  -1 when the history could not be read.
 */
static int
store_check_allocation(struct store_check_state *cs, const struct person *p)
{
	static const char sql[] = "SELECT on_date FROM status_changes"
	    " WHERE person_id = ?1 ORDER BY on_date, id LIMIT 1";
	char a[DATE_ISO_SIZE] = "none", b[DATE_ISO_SIZE];
	sqlite3_stmt *stmt;
	date_t first;
	char *msg;
	int rc;

	if ((stmt = store_prepare(cs->st, sql, &cs->cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, p->id);
	rc = sqlite3_step(stmt);
	first = rc == SQLITE_ROW ? store_column_date(stmt, 0) : DATE_NONE;
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(cs->st, &cs->cause,
		    "reading the status history");
	if (first == DATE_NONE || first == p->facts.allocated_on)
		return 0;
	if (p->facts.allocated_on != DATE_NONE)
		date_format_iso(p->facts.allocated_on, a);
	date_format_iso(first, b);
	msg = xasprintf("young person %ld: allocated on %s but their status "
	    "history starts on %s; they are one date: give the right one with "
	    "'caseload edit %ld --allocated DATE'", p->id, a, b, p->id);
	if (cs->cb != NULL)
		cs->cb(msg, cs->arg);
	free(msg);
	cs->problems++;
	return 0;
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
		if (cs->cb != NULL)
			cs->cb(msg, cs->arg);
		free(msg);
		cs->problems++;
	}
	store_check_date(cs, p->id, "the status date", p->facts.status_since,
	    sum.status_since);
	if (cs->allocation && store_check_allocation(cs, p) != 0)
		return 1;
	store_check_date(cs, p->id, "the last contact", p->facts.last_contact,
	    sum.last_contact);
	store_check_date(cs, p->id, "the last letter", p->facts.last_letter,
	    sum.last_letter);
	store_check_date(cs, p->id, "the last review", p->facts.last_review,
	    sum.last_review);
	return 0;
}

/* A kept kind (NULL: none) against the one the rules give. */
static void
store_check_kind(struct store_check_state *cs, long id, const char *kept,
    const char *real)
{
	char *msg;

	if ((kept == NULL && real == NULL) ||
	    (kept != NULL && real != NULL && strcmp(kept, real) == 0))
		return;
	msg = xasprintf("young person %ld: the most urgent item is a %s but "
	    "their history says %s", id, kept != NULL ? kept : "none",
	    real != NULL ? real : "none");
	if (cs->cb != NULL)
		cs->cb(msg, cs->arg);
	free(msg);
	cs->problems++;
}

/*
 * One young person's kept dates (columns 16 to 21 of the row: next_due,
 * review_due, letter_due, urgent_due, urgent_kind, visit_due) and attempts
 * against the core's rules.
 */
static int
store_check_due_visit(const struct person *p, void *arg)
{
	struct store_check_state *cs = arg;
	struct store_dates kept;
	date_t visit;
	char *msg;
	int attempts;

	/*
	 * A file from before [contact] first_contact_days keeps its dates
	 * by the rule of its day, which the next write works out again:
	 * nothing to hold them to.
	 */
	if (cs->st->first_days >= 0) {
		store_kept_dates(cs->st, &p->facts, &kept);
		store_check_date(cs, p->id, "the next contact date",
		    store_column_date(cs->row, 16), kept.next_due);
		store_check_date(cs, p->id, "the next review date",
		    store_column_date(cs->row, 17), kept.review_due);
		store_check_date(cs, p->id, "the next letter date",
		    store_column_date(cs->row, 18), kept.letter_due);
		store_check_date(cs, p->id, "the most urgent date",
		    store_column_date(cs->row, 19), kept.urgent_due);
		store_check_kind(cs, p->id, store_column_text(cs->row, 20),
		    kept.urgent_kind);
		visit = DATE_NONE;
		if (p->facts.status != STATUS_ARCHIVED &&
		    store_kept_visit(cs->st, p->id, kept.review_due,
		    p->facts.last_review, &visit, &cs->cause) != 0)
			return 1;
		store_check_date(cs, p->id, "the next statutory visit date",
		    store_column_date(cs->row, 21), visit);
	}
	if (store_attempts(cs->st, p->id, &p->facts, &attempts,
	    &cs->cause) != 0)
		return 1;
	if (attempts != p->facts.attempts) {
		msg = xasprintf("young person %ld: the attempts since last seen "
		    "are %d but their contacts say %d", p->id,
		    p->facts.attempts, attempts);
		if (cs->cb != NULL)
			cs->cb(msg, cs->arg);
		free(msg);
		cs->problems++;
	}
	return 0;
}

/* Every kept date and count against the core's rules. */
static int
store_check_due(struct store_check_state *cs, char **cause)
{
	static const char sql[] = "SELECT " DUE_COLUMNS ", next_due,"
	    " review_due, letter_due, urgent_due, urgent_kind, visit_due"
	    " FROM people";
	static const char old_sql[] = "SELECT " DUE_COLUMNS ", next_due,"
	    " review_due, letter_due, urgent_due, urgent_kind, NULL"
	    " FROM people";
	int rc;

	/* A file from before the accommodation history keeps no visits. */
	if (sqlite3_prepare_v2(cs->st->db, cs->st->version == 0 ||
	    cs->st->version >= STORE_VERSION_ACCOMMODATION ? sql : old_sql,
	    -1, &cs->row, NULL) != SQLITE_OK)
		return store_fail(cs->st, cause, "checking the database");
	rc = store_people_run(cs->st, cs->row, store_check_due_visit, cs,
	    cause);
	sqlite3_finalize(cs->row);
	cs->row = NULL;
	return rc < 0 ? -1 : 0;
}

/*
 * store_check, with or without the allocation dates: a caseload kept
 * before the allocation date and the first row of the history were one
 * fact may have them differ (an allocation edited then moved only the
 * date), which 'check' reports but which does not make a backup unsound.
 */
static int
store_check_with(struct store *st, int allocation, store_problem_cb cb,
    void *arg, char **cause)
{
	struct store_check_state cs = { st, cb, arg, 0, allocation, NULL,
	    NULL };
	sqlite3_stmt *stmt;
	const char *row;
	char *msg;
	int rc, schema = 0;

	/*
	 * A file taken as it is may have a schema that is not caseload's: say
	 * so, and read none of its rows (a changed table could hold anything).
	 */
	/* Another copy of caseload may have worked the dates out since. */
	if (st->interval_weeks > 0 && !st->memory &&
	    store_reload_interval(st, cause) != 0)
		return -1;
	/*
	 * SQLite's integrity check skips CHECK constraints on a connection
	 * that cannot write: check a copy in memory, which can.
	 */
	if ((st->flags & STORE_READ_ONLY) && store_to_memory(st, cause) != 0)
		return -1;
	if (st->flags & STORE_AS_IS) {
		schema = store_schema_compare(st->db, st->version, NULL, cb, arg,
		    cause);
		if (schema < 0)
			return -1;
		cs.problems += schema;
	}

	if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &stmt,
	    NULL) != SQLITE_OK)
		return store_fail(st, cause, "checking the database");
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row = (const char *)sqlite3_column_text(stmt, 0);
		if (row != NULL && strcmp(row, "ok") != 0) {
			if (cb != NULL)
				cb(row, arg);
			cs.problems++;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "checking the database");
	if (schema > 0 || cs.problems > 0)
		return cs.problems;
	/* An older file is checked as caseload would read it, in memory. */
	if (st->version < store_schema_version() &&
	    (store_to_memory(st, cause) != 0 || store_upgrade(st, cause) != 0))
		return -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &stmt,
	    NULL) != SQLITE_OK)
		return store_fail(st, cause, "checking the database");
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		msg = xasprintf("row %lld of %s refers to a missing row of %s",
		    (long long)sqlite3_column_int64(stmt, 1),
		    (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 2));
		if (cb != NULL)
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
	if (store_check_due(&cs, cause) != 0)
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

int
store_check(struct store *st, store_problem_cb cb, void *arg, char **cause)
{
	return store_check_with(st, 1, cb, arg, cause);
}
