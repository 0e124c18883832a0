/*
 * outfile.c: a file written whole or not at all: mkstemp in the target's
 * folder, write, fsync, rename, then sync the folder.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "text.h"
#include "xmalloc.h"

struct outfile {
	char	*path;		/* the target */
	char	*tmp;		/* the temporary file beside it */
	char	*safe;		/* the target as messages show it */
	FILE	*f;
};

static void
outfile_free(struct outfile *of)
{
	free(of->path);
	free(of->tmp);
	free(of->safe);
	free(of);
}

int
outfile_open(const char *path, struct outfile **out, char **cause)
{
	struct outfile *of;
	struct stat sb;
	int fd, saved;

	*out = NULL;
	of = xcalloc(1, sizeof *of);
	of->path = xstrdup(path);
	of->safe = text_escape(path, 0);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		xfail(cause, "%s is a folder; give a file name", of->safe);
		outfile_free(of);
		errno = EISDIR;
		return -1;
	}
	of->tmp = xasprintf("%s.XXXXXX", path);
	if ((fd = mkstemp(of->tmp)) < 0) {
		saved = errno;
		if (saved == ENOENT || saved == ENOTDIR)
			xfail(cause, "cannot write %s: its folder does not "
			    "exist", of->safe);
		else
			xfail(cause, "cannot write %s: %s", of->safe,
			    strerror(saved));
		outfile_free(of);
		errno = saved;
		return -1;
	}
	/* mkstemp gives 0600 less the umask: make it exactly 0600. */
	if (fchmod(fd, 0600) != 0 || (of->f = fdopen(fd, "w")) == NULL) {
		saved = errno;
		xfail(cause, "cannot write %s: %s", of->safe, strerror(saved));
		close(fd);
		unlink(of->tmp);
		outfile_free(of);
		errno = saved;
		return -1;
	}
	*out = of;
	return 0;
}

FILE *
outfile_stream(struct outfile *of)
{
	return of->f;
}

/* Sync the folder holding path, so that the rename itself is on disk. */
static void
outfile_sync_folder(const char *path)
{
	char *dir = text_path_folder(path);
	int fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int
outfile_commit(struct outfile *of, char **cause)
{
	int failed;

	failed = fflush(of->f) != 0 || ferror(of->f) ||
	    fsync(fileno(of->f)) != 0;
	if (failed) {
		xfail(cause, "cannot write %s: %s", of->safe, strerror(errno));
		fclose(of->f);
		of->f = NULL;
		outfile_abort(of);
		return -1;
	}
	failed = fclose(of->f) != 0;
	of->f = NULL;
	if (failed || rename(of->tmp, of->path) != 0) {
		xfail(cause, "cannot write %s: %s", of->safe, strerror(errno));
		outfile_abort(of);
		return -1;
	}
	outfile_sync_folder(of->path);
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
	unlink(of->tmp);
	outfile_free(of);
}
