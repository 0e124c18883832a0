/* SPDX-License-Identifier: MIT */
/*
 * outfile.h: a file written whole or not at all.
 *
 * What caseload writes for the user goes where target.h says: to a
 * temporary file of mode 0600, whatever the umask, in the folder of the
 * file the path leads to (a symbolic link is followed and stays a link),
 * flushed to the disk and renamed over that file, so that nobody ever
 * sees half a file and a failure leaves an older file as it was; or,
 * when the path is a device, a FIFO or a socket, into it, in place.
 *
 * A calendar is written as a stream.  A backup or a handover is an
 * SQLite database, which SQLite writes by its name: such a file
 * (OUTFILE_NAMED) is always made as a temporary file first, and one for
 * a device, a FIFO or standard output ("-") is copied into it at the end.
 */
#ifndef CASELOAD_OUTFILE_H
#define CASELOAD_OUTFILE_H

#include <stdio.h>

struct outfile;

/* outfile_open_flags flags. */
#define OUTFILE_NEW	0x1	/* a file there already is refused */
#define OUTFILE_NAMED	0x2	/* written by name: outfile_path, no stream */

/*
 * Whether a new file may be written at path (OUTFILE_NEW's rule, before
 * any work is done): -1 with *cause (NULL: not wanted) and errno EEXIST
 * for a file there already (or a link to one: an existing file is never
 * replaced), EISDIR for a folder, ELOOP for a loop of links; 0 otherwise:
 * "-", a device, a FIFO, a socket, a new file, a link to any of them, and
 * what only writing will tell (a folder that does not exist).
 */
int outfile_check_new(const char *path, char **cause);

/*
 * Start writing the file at path (a FIFO waits here for its reader).
 * Returns 0 and sets *out, or -1 with *cause (naming the file, escaped)
 * and errno kept: target_bad_path(errno) says the path itself was wrong
 * (a folder, a folder that does not exist, a loop of links).
 */
int outfile_open(const char *path, struct outfile **out, char **cause);

/*
 * The same with flags.  With OUTFILE_NAMED the file is filled by name
 * (outfile_path) and has no stream; path may be "-" for standard output;
 * a temporary file for a device, a FIFO or standard output is made
 * beside the file near (caseload's database: private, on a disk).  Its
 * messages name path as given, for the caller to escape.
 */
int outfile_open_flags(const char *path, unsigned flags, const char *near,
    struct outfile **out, char **cause);

/* The stream to write to; it belongs to of (NULL with OUTFILE_NAMED). */
FILE *outfile_stream(struct outfile *of);

/*
 * With OUTFILE_NAMED: the temporary file to fill, made empty (and known
 * to tempfile.h as an SQLite file, so that its journal goes with it).
 */
const char *outfile_path(const struct outfile *of);

/*
 * Finish: flush the stream; for a file, sync the temporary file, rename
 * it over the target and sync the folder; for a device, a FIFO or
 * standard output written by name, copy the temporary file into it and
 * remove it.  On failure the temporary file is removed and the target
 * left as it was.  Frees of either way.
 */
int outfile_commit(struct outfile *of, char **cause);

/*
 * Give up: remove the temporary file, if any, and free of; NULL does
 * nothing.  What already went into a device or FIFO cannot be taken back.
 */
void outfile_abort(struct outfile *of);

#endif
