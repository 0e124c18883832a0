/* SPDX-License-Identifier: MIT */
/*
 * target.c: where a file that caseload writes on request goes (see
 * target.h): links followed, devices, FIFOs and sockets written in place,
 * everything else written whole beside its place and renamed.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cause.h"
#include "target.h"
#include "tempfile.h"
#include "text.h"
#include "xmalloc.h"

/* As many links as the kernel follows in one path. */
#define TARGET_MAX_LINKS	40

/* What the link at path says, or NULL with errno. */
static char *
target_readlink(const char *path)
{
	char buf[PATH_MAX];
	ssize_t n;

	if ((n = readlink(path, buf, sizeof buf)) < 0)
		return NULL;
	if ((size_t)n >= sizeof buf) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	return xstrndup(buf, (size_t)n);
}

int
target_resolve(const char *path, struct target *t)
{
	char *cur = xstrdup(path), *link, *dir;
	struct stat sb;
	int hops, saved;

	memset(t, 0, sizeof *t);
	/*
	 * A device, FIFO or socket, however reached, is opened by the path
	 * as given: the kernel follows the links, including those of
	 * /proc/self/fd (/dev/stdout) that name no file.
	 */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		free(cur);
		if (S_ISDIR(sb.st_mode)) {
			errno = EISDIR;
			return -1;
		}
		t->kind = TARGET_SPECIAL;
		t->type = sb.st_mode & S_IFMT;
		t->path = xstrdup(path);
		return 0;
	}
	/* Else each link by hand, to find the file to replace beside. */
	for (hops = 0; ; hops++) {
		if (lstat(cur, &sb) != 0) {
			if (errno != ENOENT)
				goto fail;
			/* Nothing there: a new file, if its folder is there. */
			dir = text_path_folder(cur);
			saved = 0;
			if (stat(dir, &sb) != 0)
				saved = errno;
			else if (!S_ISDIR(sb.st_mode))
				saved = ENOTDIR;
			free(dir);
			if (saved != 0) {
				errno = saved;
				goto fail;
			}
			t->kind = TARGET_NEW;
			break;
		}
		if (S_ISLNK(sb.st_mode)) {
			if (hops == TARGET_MAX_LINKS) {
				errno = ELOOP;
				goto fail;
			}
			if ((link = target_readlink(cur)) == NULL)
				goto fail;
			if (*link != '/') {
				dir = text_path_folder(cur);
				free(cur);
				cur = xasprintf("%s/%s", dir, link);
				free(dir);
				free(link);
			} else {
				free(cur);
				cur = link;
			}
			continue;
		}
		if (S_ISDIR(sb.st_mode)) {
			errno = EISDIR;
			goto fail;
		}
		t->kind = S_ISREG(sb.st_mode) ? TARGET_FILE : TARGET_SPECIAL;
		t->type = sb.st_mode & S_IFMT;
		break;
	}
	t->path = cur;
	return 0;

fail:
	saved = errno;
	free(cur);
	errno = saved;
	return -1;
}

void
target_clear(struct target *t)
{
	free(t->path);
	t->path = NULL;
}

int
target_bad_path(int err)
{
	return err == EISDIR || err == ENOENT || err == ENOTDIR ||
	    err == ELOOP;
}

int
target_fail(const char *path, int err, char **cause)
{
	char *safe = text_escape(path, 0);

	if (err == EISDIR)
		xfail(cause, "%s is a folder; give a file name", safe);
	else if (err == ENOENT || err == ENOTDIR)
		xfail(cause, "cannot write %s: its folder does not exist",
		    safe);
	else if (err == ELOOP)
		xfail(cause, "cannot write %s: its symbolic links go round in "
		    "a loop", safe);
	else
		xfail(cause, "cannot write %s: %s", safe, strerror(err));
	free(safe);
	return -1;
}

/* Connect to the socket at path; a descriptor or -1 with errno. */
static int
target_connect(const char *path)
{
	struct sockaddr_un sun;
	int fd, saved;

	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sun.sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(sun.sun_path, path, strlen(path) + 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0)
		return -1;
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 ||
	    connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

int
target_open(const struct target *t)
{
	struct stat sb;
	int fd;

	if (t->type == S_IFSOCK)
		return target_connect(t->path);
	/* Never O_CREAT: what is there is written, or nothing is. */
	if ((fd = open(t->path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		return -1;
	/* Replaced by a plain file meanwhile: never written in place. */
	if (fstat(fd, &sb) != 0 || S_ISREG(sb.st_mode)) {
		close(fd);
		errno = EAGAIN;
		return -1;
	}
	return fd;
}

int
target_write(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

void
target_pipe_begin(struct sigaction *old)
{
	struct sigaction ignore;

	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, old);
}

void
target_pipe_end(const struct sigaction *old)
{
	sigaction(SIGPIPE, old, NULL);
}

int
target_copy(const char *from, int fd)
{
	struct sigaction old;
	char buf[64 * 1024];
	ssize_t n;
	int in, saved = 0;

	if ((in = open(from, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	target_pipe_begin(&old);
	for (;;) {
		n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n < 0)
				saved = errno;
			break;
		}
		if (target_write(fd, buf, (size_t)n) != 0) {
			saved = errno;
			break;
		}
	}
	target_pipe_end(&old);
	close(in);
	errno = saved;
	return saved != 0 ? -1 : 0;
}

/* Flush a file's data (or a folder's entries) to the disk; 0 or -1. */
static int
target_sync_path(const char *path, int flags)
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
target_install(const char *tmp, const char *dest)
{
	char *dir;

	if (target_sync_path(tmp, O_RDONLY) != 0 || rename(tmp, dest) != 0)
		return -1;
	tempfile_forget(tmp);
	dir = text_path_folder(dest);
	target_sync_path(dir, O_RDONLY | O_DIRECTORY);
	free(dir);
	return 0;
}
