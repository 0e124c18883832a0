/* SPDX-License-Identifier: MIT */
/*
 * outfile.c: a file written whole or not at all, or a device, FIFO or
 * socket written in place (target.h says which): a temporary file in the
 * folder of the file a path leads to, write, fsync, rename, then sync
 * the folder.
 */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cause.h"
#include "outfile.h"
#include "target.h"
#include "tempfile.h"
#include "text.h"
#include "xmalloc.h"

struct outfile {
	unsigned	 flags;
	struct target	 t;		/* where it goes, links followed */
	char		*tmp;		/* the temporary file, or NULL */
	char		*shown;		/* the path as messages show it */
	FILE		*f;		/* the stream, or NULL */
	int		 fd;		/* OUTFILE_NAMED: copied into, or -1 */
	int		 own_fd;	/* fd is ours to close */
	int		 pipe;		/* SIGPIPE ignored, old in sigpipe */
	struct sigaction sigpipe;
};

static void
outfile_free(struct outfile *of)
{
	if (of->pipe)
		target_pipe_end(&of->sigpipe);
	target_clear(&of->t);
	free(of->tmp);
	free(of->shown);
	free(of);
}

/* Fail with errno saved, *cause set, of freed. */
static int
outfile_fail(struct outfile *of, const char *path, char **cause)
{
	int saved = errno;

	target_fail(path, saved, cause);
	outfile_abort(of);
	errno = saved;
	return -1;
}

/* Fail with errno saved and *cause already set; of freed. */
static int
outfile_failed(struct outfile *of, int saved)
{
	outfile_abort(of);
	errno = saved;
	return -1;
}

int
outfile_check_new(const char *path, char **cause)
{
	struct target t;
	int saved;

	if (strcmp(path, "-") == 0)
		return 0;
	if (target_resolve(path, &t) != 0) {
		saved = errno;
		/* A missing folder, and the rest, is for writing to report. */
		if (saved != EISDIR && saved != ELOOP)
			return 0;
		if (cause != NULL)
			target_fail(path, saved, cause);
		errno = saved;
		return -1;
	}
	saved = t.kind == TARGET_FILE;
	target_clear(&t);
	if (saved) {
		if (cause != NULL)
			xfail(cause, "%s already exists; give a new file name",
			    path);
		errno = EEXIST;
		return -1;
	}
	return 0;
}

/* Find where path leads and open a device or FIFO there, in place. */
static int
outfile_resolve(struct outfile *of, const char *path, char **cause)
{
	int saved;

	if (target_resolve(path, &of->t) != 0) {
		saved = errno;
		if ((of->flags & OUTFILE_NEW) &&
		    (saved == ENOENT || saved == ENOTDIR)) {
			xfail(cause, "cannot create %s: %s", path,
			    strerror(saved));
			errno = saved;
			return -1;
		}
		target_fail(path, saved, cause);
		errno = saved;
		return -1;
	}
	if ((of->flags & OUTFILE_NEW) && of->t.kind == TARGET_FILE) {
		xfail(cause, "%s already exists; give a new file name", path);
		errno = EEXIST;
		return -1;
	}
	if (of->t.kind != TARGET_SPECIAL)
		return 0;
	/* In place: a FIFO or a socket whose reader goes is EPIPE. */
	if (of->t.type == S_IFIFO || of->t.type == S_IFSOCK) {
		target_pipe_begin(&of->sigpipe);
		of->pipe = 1;
	}
	if ((of->fd = target_open(&of->t)) < 0) {
		saved = errno;
		target_fail(path, saved, cause);
		errno = saved;
		return -1;
	}
	of->own_fd = 1;
	return 0;
}

/* OUTFILE_NAMED: the empty temporary file SQLite is to fill. */
static int
outfile_open_named(struct outfile *of, const char *path, const char *near,
    char **cause)
{
	const char *where, *base;
	char *dir;
	int fd, saved;

	/* Beside the new file; else privately, beside near. */
	where = of->fd < 0 ? of->t.path : near;
	dir = text_path_folder(where);
	base = strrchr(where, '/');
	fd = tempfile_make(dir, base != NULL ? base + 1 : where,
	    TEMPFILE_SQLITE, &of->tmp);
	if (fd < 0) {
		saved = errno;
		if (of->fd < 0)
			xfail(cause, "cannot create %s: %s", path,
			    strerror(saved));
		else
			xfail(cause, "cannot make the copy for %s in %s: %s",
			    path, dir, strerror(saved));
		free(dir);
		return outfile_failed(of, saved);
	}
	free(dir);
	close(fd);
	return 0;
}

int
outfile_open_flags(const char *path, unsigned flags, const char *near,
    struct outfile **out, char **cause)
{
	struct outfile *of;
	char *dir, *base;
	int fd, saved, named = (flags & OUTFILE_NAMED) != 0;

	*out = NULL;
	of = xcalloc(1, sizeof *of);
	of->flags = flags;
	of->fd = -1;
	if (named && strcmp(path, "-") == 0) {
		of->shown = xstrdup("standard output");
		of->fd = STDOUT_FILENO;
	} else {
		of->shown = named ? xstrdup(path) : text_escape(path, 0);
		if (outfile_resolve(of, path, cause) != 0)
			return outfile_failed(of, errno);
	}
	if (named) {
		if (outfile_open_named(of, path, near, cause) != 0)
			return -1;
		*out = of;
		return 0;
	}

	if (of->fd >= 0) {
		fd = of->fd;
		of->fd = -1;	/* the stream's now */
		of->own_fd = 0;
	} else {
		dir = text_path_folder(of->t.path);
		base = strrchr(of->t.path, '/');
		fd = tempfile_make(dir, base != NULL ? base + 1 : of->t.path,
		    0, &of->tmp);
		free(dir);
		if (fd < 0)
			return outfile_fail(of, path, cause);
	}
	if ((of->f = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		errno = saved;
		return outfile_fail(of, path, cause);
	}
	*out = of;
	return 0;
}

int
outfile_open(const char *path, struct outfile **out, char **cause)
{
	return outfile_open_flags(path, 0, NULL, out, cause);
}

FILE *
outfile_stream(struct outfile *of)
{
	return of->f;
}

const char *
outfile_path(const struct outfile *of)
{
	return of->tmp;
}

/* OUTFILE_NAMED: the temporary file is filled and closed: put it there. */
static int
outfile_commit_named(struct outfile *of, char **cause)
{
	int rc = 0;

	if (of->fd < 0) {
		if (target_install(of->tmp, of->t.path) != 0)
			rc = xfail(cause, "cannot write %s: %s", of->shown,
			    strerror(errno));
		else {
			free(of->tmp);	/* in place now, not a temporary */
			of->tmp = NULL;
		}
	} else {
		if (target_copy(of->tmp, of->fd) != 0)
			rc = xfail(cause, "cannot write %s: %s", of->shown,
			    strerror(errno));
		if (of->own_fd) {
			of->own_fd = 0;
			if (close(of->fd) != 0 && rc == 0)
				rc = xfail(cause, "cannot write %s: %s",
				    of->shown, strerror(errno));
		}
	}
	outfile_abort(of);
	return rc;
}

int
outfile_commit(struct outfile *of, char **cause)
{
	int failed;

	if (of->flags & OUTFILE_NAMED)
		return outfile_commit_named(of, cause);
	failed = fflush(of->f) != 0 || ferror(of->f);
	if (failed) {
		xfail(cause, "cannot write %s: %s", of->shown, strerror(errno));
		outfile_abort(of);
		return -1;
	}
	failed = fclose(of->f) != 0;
	of->f = NULL;
	if (failed || (of->tmp != NULL &&
	    target_install(of->tmp, of->t.path) != 0)) {
		xfail(cause, "cannot write %s: %s", of->shown, strerror(errno));
		outfile_abort(of);
		return -1;
	}
	outfile_free(of);
	return 0;
}

void
outfile_abort(struct outfile *of)
{
	if (of == NULL)
		return;
	if (of->f != NULL)
		fclose(of->f);
	if (of->tmp != NULL)
		tempfile_remove(of->tmp);
	if (of->own_fd)
		close(of->fd);
	outfile_free(of);
}
