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
	struct target	 t;		/* where it goes, links followed */
	char		*tmp;		/* the temporary file, or NULL */
	char		*safe;		/* the path as messages show it */
	FILE		*f;
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
	free(of->safe);
	free(of);
}

/* Fail with errno saved, *cause set, of freed. */
static int
outfile_fail(struct outfile *of, const char *path, char **cause)
{
	int saved = errno;

	target_fail(path, saved, cause);
	outfile_free(of);
	errno = saved;
	return -1;
}

int
outfile_open(const char *path, struct outfile **out, char **cause)
{
	struct outfile *of;
	char *dir, *base;
	int fd;

	*out = NULL;
	of = xcalloc(1, sizeof *of);
	of->safe = text_escape(path, 0);
	if (target_resolve(path, &of->t) != 0)
		return outfile_fail(of, path, cause);

	if (of->t.kind == TARGET_SPECIAL) {
		/* In place: a FIFO or a socket whose reader goes is EPIPE. */
		if (of->t.type == S_IFIFO || of->t.type == S_IFSOCK) {
			target_pipe_begin(&of->sigpipe);
			of->pipe = 1;
		}
		if ((fd = target_open(&of->t)) < 0)
			return outfile_fail(of, path, cause);
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
		close(fd);
		if (of->tmp != NULL)
			tempfile_remove(of->tmp);
		return outfile_fail(of, path, cause);
	}
	*out = of;
	return 0;
}

FILE *
outfile_stream(struct outfile *of)
{
	return of->f;
}

int
outfile_commit(struct outfile *of, char **cause)
{
	int failed;

	failed = fflush(of->f) != 0 || ferror(of->f);
	if (failed) {
		xfail(cause, "cannot write %s: %s", of->safe, strerror(errno));
		outfile_abort(of);
		return -1;
	}
	failed = fclose(of->f) != 0;
	of->f = NULL;
	if (failed || (of->tmp != NULL &&
	    target_install(of->tmp, of->t.path) != 0)) {
		xfail(cause, "cannot write %s: %s", of->safe, strerror(errno));
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
	outfile_free(of);
}
