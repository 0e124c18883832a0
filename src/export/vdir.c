/* SPDX-License-Identifier: MIT */
/*
 * vdir.c: calendar items as one file each in a folder (vdir.h), written
 * whole (outfile.h) and only when what they say has changed, so that a
 * synchroniser sends only what changed.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cause.h"
#include "letter.h"
#include "outfile.h"
#include "vdir.h"
#include "xmalloc.h"

/* The end of the name of each of caseload's files. */
#define VDIR_OURS "@caseload.ics"

int
vdir_make(const char *dir, char **cause)
{
	return letter_make_dir(dir, cause);
}

/* The path of dir/name, without a doubled "/". */
static char *
vdir_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	return xasprintf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/",
	    name);
}

/* Whether the file at path holds text exactly. */
static int
vdir_holds(const char *path, const char *text)
{
	size_t len = strlen(text), got;
	struct stat sb;
	char *buf;
	FILE *f;
	int same;

	if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (size_t)sb.st_size != len)
		return 0;
	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	buf = xmalloc(len + 1);
	got = fread(buf, 1, len + 1, f);
	fclose(f);
	same = got == len && memcmp(buf, text, len) == 0;
	free(buf);
	return same;
}

int
vdir_put(const char *dir, const char *uid, const char *text,
    enum vdir_done *done, char **cause)
{
	struct outfile *of;
	struct stat sb;
	char *name, *path;
	int rc = -1;

	name = xasprintf("%s.ics", uid);
	path = vdir_path(dir, name);
	free(name);
	if (vdir_holds(path, text)) {
		*done = VDIR_SAME;
		free(path);
		return 0;
	}
	*done = lstat(path, &sb) == 0 ? VDIR_CHANGED : VDIR_MADE;
	if (outfile_open(path, &of, cause) != 0)
		goto out;
	fputs(text, outfile_stream(of));
	rc = outfile_commit(of, cause);
out:
	free(path);
	return rc;
}

static int
vdir_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The most of a file that is read to find its UID. */
#define VDIR_READ_MAX (1024 * 1024)

/*
 * Whether the file at path is a calendar item whose UID is uid: a line
 * "UID:uid" once folded lines are joined again.
 */
static int
vdir_has_uid(const char *path, const char *uid)
{
	char *buf, *p, *q, *line;
	size_t got, len = strlen(uid);
	FILE *f;
	int found = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	buf = xmalloc(VDIR_READ_MAX + 1);
	got = fread(buf, 1, VDIR_READ_MAX, f);
	fclose(f);
	buf[got] = '\0';
	/* Unfold: a line break and one space or tab go. */
	for (p = q = buf; *p != '\0'; p++) {
		if (p[0] == '\r' && p[1] == '\n' &&
		    (p[2] == ' ' || p[2] == '\t'))
			p += 2;
		else if (p[0] == '\n' && (p[1] == ' ' || p[1] == '\t'))
			p += 1;
		else
			*q++ = *p;
	}
	*q = '\0';
	for (line = buf; line != NULL && !found; line = q) {
		if ((q = strchr(line, '\n')) != NULL)
			*q++ = '\0';
		if (strncmp(line, "UID:", 4) == 0 &&
		    strncmp(line + 4, uid, len) == 0 &&
		    (line[4 + len] == '\0' || strcmp(line + 4 + len, "\r") ==
		    0))
			found = 1;
	}
	free(buf);
	return found;
}

int
vdir_sweep(const char *dir, char *const *keep, size_t n,
    char *const *recorded, size_t nrecorded, size_t *removed, char **cause)
{
	size_t len, ours = strlen(VDIR_OURS);
	struct dirent *de;
	struct stat sb;
	char *uid, *path;
	DIR *d;
	int rc = 0;

	*removed = 0;
	if ((d = opendir(dir)) == NULL)
		return xfail(cause, "cannot read the folder %s: %s", dir,
		    strerror(errno));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= ours || strcmp(de->d_name + len - ours,
		    VDIR_OURS) != 0)
			continue;
		uid = xstrdup(de->d_name);
		uid[len - 4] = '\0';		/* less ".ics" */
		if ((n > 0 && bsearch(&uid, keep, n, sizeof *keep,
		    vdir_compare) != NULL) || nrecorded == 0 ||
		    bsearch(&uid, recorded, nrecorded, sizeof *recorded,
		    vdir_compare) == NULL) {
			free(uid);
			continue;
		}
		path = vdir_path(dir, de->d_name);
		if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    vdir_has_uid(path, uid)) {
			if (unlink(path) != 0) {
				rc = xfail(cause, "cannot remove %s: %s", path,
				    strerror(errno));
				free(path);
				free(uid);
				break;
			}
			(*removed)++;
		}
		free(path);
		free(uid);
	}
	closedir(d);
	return rc;
}
