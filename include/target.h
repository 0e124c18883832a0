/* SPDX-License-Identifier: MIT */
/*
 * target.h: where a file that caseload writes on request goes, by what
 * is at its path now.
 *
 *   nothing           a new file, written whole: a temporary file beside
 *                     it (tempfile.h), flushed to the disk, then renamed
 *   a plain file      replaced whole the same way (backups, handovers and
 *                     letters refuse it instead)
 *   a device, a FIFO  written directly, in place: no temporary file and
 *   or a socket       no rename, so that it stays what it is
 *   a symbolic link   followed to the file it names (which need not exist
 *                     yet), which is then treated as above: the link
 *                     stays a link and the file it names is replaced
 *   a folder          refused
 *
 * "-" (standard output) is the caller's to handle.
 */
#ifndef CASELOAD_TARGET_H
#define CASELOAD_TARGET_H

#include <sys/types.h>

enum target_kind {
	TARGET_NEW,		/* nothing there yet */
	TARGET_FILE,		/* a plain file */
	TARGET_SPECIAL		/* a device, a FIFO or a socket */
};

struct target {
	enum target_kind	 kind;
	char			*path;	/* where to write: links followed */
	mode_t			 type;	/* S_IFREG, S_IFIFO...; 0 if new */
};

/*
 * Find out what is at path, following symbolic links (at most 40; a
 * relative link from the link's own folder).  Returns 0 and fills *t
 * (free it with target_clear), or -1 with errno: EISDIR for a folder,
 * ENOENT or ENOTDIR when the folder to write in does not exist, ELOOP for
 * too many links, else as lstat or readlink set it.
 */
int target_resolve(const char *path, struct target *t);

/* Free what target_resolve put in t; a cleared target is safe. */
void target_clear(struct target *t);

/*
 * 1 when err (an errno of target_resolve or of making a file there) says
 * the path given was wrong rather than that writing failed: a folder, a
 * missing folder, a loop of links.
 */
int target_bad_path(int err);

/*
 * Set *cause to why path (as typed; escaped for the message) cannot be
 * written, for the errno err: "cannot write PATH: its folder does not
 * exist", "PATH is a folder; give a file name"...  Returns -1.
 */
int target_fail(const char *path, int err, char **cause);

/*
 * Open a TARGET_SPECIAL target for writing, in place: a device or FIFO
 * with open (a FIFO waits for a program to read it), a socket by
 * connecting to it.  Returns the descriptor (close-on-exec) or -1 with
 * errno.
 */
int target_open(const struct target *t);

/*
 * Write len bytes of buf to fd, again after EINTR and short writes.  0,
 * or -1 with errno.
 */
int target_write(int fd, const void *buf, size_t len);

/*
 * Write the whole of the file at from into fd, with SIGPIPE ignored
 * meanwhile (a reader that goes away is EPIPE, not the end of caseload).
 * 0, or -1 with errno.
 */
int target_copy(const char *from, int fd);

/*
 * Put the finished temporary file tmp (from tempfile_make) in place as
 * dest: flush it to the disk, rename it over dest, take it off the table
 * of temporaries and flush dest's folder.  Returns 0, or -1 with errno and
 * tmp left as it was.
 */
int target_install(const char *tmp, const char *dest);

/*
 * While a stream goes to a FIFO or a socket: ignore SIGPIPE, keeping the
 * old action in *old (target_pipe_begin), and put it back (target_pipe_end).
 */
struct sigaction;
void target_pipe_begin(struct sigaction *old);
void target_pipe_end(const struct sigaction *old);

#endif
