/*
 * outfile.h: a file written whole or not at all.
 *
 * What caseload writes for the user as a stream (calendars) goes where
 * target.h says: to a temporary file of mode 0600, whatever the umask, in
 * the folder of the file the path leads to (a symbolic link is followed
 * and stays a link), flushed to the disk and renamed over that file, so
 * that nobody ever sees half a file and a failure leaves an older file as
 * it was; or, when the path is a device, a FIFO or a socket, straight
 * into it, in place.
 */
#ifndef CASELOAD_OUTFILE_H
#define CASELOAD_OUTFILE_H

#include <stdio.h>

struct outfile;

/*
 * Start writing the file at path (a FIFO waits here for its reader).
 * Returns 0 and sets *out, or -1 with *cause (naming the file) and errno
 * kept: target_bad_path(errno) says the path itself was wrong (a folder,
 * a folder that does not exist, a loop of links).
 */
int outfile_open(const char *path, struct outfile **out, char **cause);

/* The stream to write to; it belongs to of. */
FILE *outfile_stream(struct outfile *of);

/*
 * Finish: flush the stream; for a file, sync the temporary file, rename
 * it over the target and sync the folder.  On failure the temporary file
 * is removed and the target left as it was.  Frees of either way.
 */
int outfile_commit(struct outfile *of, char **cause);

/*
 * Give up: remove the temporary file, if any, and free of; NULL does
 * nothing.  What already went into a device or FIFO cannot be taken back.
 */
void outfile_abort(struct outfile *of);

#endif
