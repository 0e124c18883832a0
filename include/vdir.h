/* SPDX-License-Identifier: MIT */
/*
 * vdir.h: calendar items as a vdir, the folder of one UID.ics file per
 * item that vdirsyncer and khal read and write.
 *
 * caseload's files are those named for its UIDs (ending @caseload.ics);
 * every other file in the folder is left alone.
 */
#ifndef CASELOAD_VDIR_H
#define CASELOAD_VDIR_H

#include <stddef.h>

/* What vdir_put did. */
enum vdir_done {
	VDIR_SAME,		/* the file held text already: left */
	VDIR_MADE,		/* a new file */
	VDIR_CHANGED		/* the file held something else: replaced */
};

/*
 * Make the folder dir (and its parents, mode 0700) unless it is there.
 * -1 with *cause when it cannot be made or is not a folder.
 */
int vdir_make(const char *dir, char **cause);

/*
 * Write text as dir/UID.ics (whole, mode 0600) unless it holds text
 * already; *done says which.  -1 with *cause when it cannot be written.
 */
int vdir_put(const char *dir, const char *uid, const char *text,
    enum vdir_done *done, char **cause);

/*
 * Remove caseload's files in dir whose UID is not one of the n in keep
 * (sorted with strcmp); *removed is how many went.  A file is caseload's
 * only when its name is UID.ics with a UID ending @caseload that is one
 * of the nrecorded in recorded (sorted with strcmp: the items caseload
 * has recorded making) and the item it holds has that UID; any other file
 * is left alone.  -1 with *cause when the folder cannot be read or a file
 * removed.
 */
int vdir_sweep(const char *dir, char *const *keep, size_t n,
    char *const *recorded, size_t nrecorded, size_t *removed,
    char **cause);

#endif
