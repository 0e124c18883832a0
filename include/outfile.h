/*
 * outfile.h: a file written whole or not at all.
 *
 * What caseload writes for the user (calendars, and later letters and
 * handovers) goes to a temporary file made with mkstemp in the target's
 * folder, mode 0600 whatever the umask; it is flushed to the disk and
 * renamed over the target, so that nobody ever sees half a file and a
 * failure leaves an older file as it was.
 */
#ifndef CASELOAD_OUTFILE_H
#define CASELOAD_OUTFILE_H

#include <stdio.h>

struct outfile;

/*
 * Start writing the file at path.  Returns 0 and sets *out, or -1 with
 * *cause (naming the file) and errno kept: ENOENT or ENOTDIR when its
 * folder does not exist, EISDIR when path is a folder.
 */
int outfile_open(const char *path, struct outfile **out, char **cause);

/* The stream to write to; it belongs to of. */
FILE *outfile_stream(struct outfile *of);

/*
 * Finish: flush and sync the temporary file, rename it over the target
 * and sync the folder.  On failure the temporary file is removed and the
 * target left as it was.  Frees of either way.
 */
int outfile_commit(struct outfile *of, char **cause);

/* Give up: remove the temporary file and free of; NULL does nothing. */
void outfile_abort(struct outfile *of);

#endif
