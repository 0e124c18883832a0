/* SPDX-License-Identifier: MIT */
/*
 * tempfile.c: caseload's own temporary files (see tempfile.h): made with
 * a name that says whose they are, kept in a table that a signal handler
 * empties before caseload dies, and swept away when a caseload that could
 * not clean up left them behind.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tempfile.h"
#include "xmalloc.h"

/* At most this many temporaries at once (caseload makes one or two). */
#define TEMPFILE_SLOTS		16

/*
 * The longest NAME kept in a temporary's name: ".", NAME, the mark, six
 * letters and SQLite's "-journal" must fit in a name of 255 bytes.
 */
#define TEMPFILE_NAME_KEEP	200

/* The endings of the files SQLite keeps beside a database. */
static const char *const tempfile_sides[] = { "-journal", "-wal", "-shm" };
#define TEMPFILE_SIDES (sizeof tempfile_sides / sizeof tempfile_sides[0])

/* The signals that end caseload and let it clean up first. */
static const int tempfile_signals[] = { SIGHUP, SIGINT, SIGTERM, SIGPIPE };
#define TEMPFILE_NSIGNALS \
	(sizeof tempfile_signals / sizeof tempfile_signals[0])

/*
 * The table.  A slot is in use while used is not 0 (1 plus the flags it
 * was made with); its path is written before used is set and used is
 * cleared before the slot is written again, both with the signals
 * blocked, so the handler only ever sees a whole path.
 */
static struct tempfile_slot {
	volatile sig_atomic_t	used;
	char			path[PATH_MAX];
} tempfile_slots[TEMPFILE_SLOTS];

/* The process that made the table: a child before exec must not empty it. */
static pid_t tempfile_pid;

/* Block the signals of the table; the old mask goes in old. */
static void
tempfile_block(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < TEMPFILE_NSIGNALS; i++)
		sigaddset(&set, tempfile_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
tempfile_unblock(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

/*
 * Remove path, and SQLite's files beside it when sqlite is not 0.  Safe in
 * a signal handler: unlink and a copy by hand, nothing else.
 */
static void
tempfile_unlink(const char *path, int sqlite)
{
	char side[PATH_MAX + 16];
	size_t n, i, j;

	unlink(path);
	if (!sqlite)
		return;
	for (n = 0; n < PATH_MAX && path[n] != '\0'; n++)
		side[n] = path[n];
	for (i = 0; i < TEMPFILE_SIDES; i++) {
		for (j = 0; tempfile_sides[i][j] != '\0'; j++)
			side[n + j] = tempfile_sides[i][j];
		side[n + j] = '\0';
		unlink(side);
	}
}

/* Remove every file of the table and empty it; signals already blocked. */
static void
tempfile_unlink_all(void)
{
	size_t i;

	for (i = 0; i < TEMPFILE_SLOTS; i++) {
		if (tempfile_slots[i].used == 0)
			continue;
		tempfile_unlink(tempfile_slots[i].path,
		    (tempfile_slots[i].used - 1) & TEMPFILE_SQLITE);
		tempfile_slots[i].used = 0;
	}
}

/*
 * The handler: the table's files go, then the signal is raised again with
 * its default action, so that caseload ends as the signal would have
 * ended it (the shell sees 128 plus its number).
 */
static void
tempfile_on_signal(int sig)
{
	sigset_t set;

	if (getpid() == tempfile_pid)
		tempfile_unlink_all();
	signal(sig, SIG_DFL);
	raise(sig);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	_exit(128 + sig);	/* not reached */
}

void
tempfile_catch_signals(void)
{
	struct sigaction sa, old;
	size_t i;

	tempfile_pid = getpid();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tempfile_on_signal;
	sigemptyset(&sa.sa_mask);
	/* One cleaning at a time: the others wait while it runs. */
	for (i = 0; i < TEMPFILE_NSIGNALS; i++)
		sigaddset(&sa.sa_mask, tempfile_signals[i]);
	sa.sa_flags = 0;
	for (i = 0; i < TEMPFILE_NSIGNALS; i++) {
		if (sigaction(tempfile_signals[i], NULL, &old) != 0 ||
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(tempfile_signals[i], &sa, NULL);
	}
}

int
tempfile_make(const char *dir, const char *name, int flags, char **path)
{
	size_t len = strlen(name), i;
	sigset_t old;
	char *p;
	int fd, saved;

	/* Cut a long name at a character's start, to leave room. */
	if (len > TEMPFILE_NAME_KEEP) {
		len = TEMPFILE_NAME_KEEP;
		while (len > 0 && ((unsigned char)name[len] & 0xc0) == 0x80)
			len--;
	}
	if (len == 0) {
		name = "file";
		len = 4;
	}
	p = xasprintf("%s%s.%.*s" TEMPFILE_MARK "XXXXXX", dir,
	    *dir != '\0' && dir[strlen(dir) - 1] == '/' ? "" : "/", (int)len,
	    name);
	if (strlen(p) + 16 >= PATH_MAX) {
		free(p);
		errno = ENAMETOOLONG;
		return -1;
	}

	/* In the table the moment it exists. */
	tempfile_block(&old);
	for (i = 0; i < TEMPFILE_SLOTS && tempfile_slots[i].used != 0; i++)
		;
	if (i == TEMPFILE_SLOTS) {
		fd = -1;
		errno = EMFILE;
	} else if ((fd = mkstemp(p)) >= 0) {
		memcpy(tempfile_slots[i].path, p, strlen(p) + 1);
		tempfile_slots[i].used = 1 + (flags & TEMPFILE_SQLITE);
	}
	saved = errno;
	tempfile_unblock(&old);
	if (fd < 0) {
		free(p);
		errno = saved;
		return -1;
	}

	/* mkstemp gives 0600 less the umask: make it exactly 0600. */
	if (fchmod(fd, 0600) != 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
		saved = errno;
		close(fd);
		tempfile_remove(p);
		free(p);
		errno = saved;
		return -1;
	}
	*path = p;
	return fd;
}

/* The slot holding path, or -1; signals already blocked. */
static int
tempfile_find(const char *path)
{
	size_t i;

	for (i = 0; i < TEMPFILE_SLOTS; i++) {
		if (tempfile_slots[i].used != 0 &&
		    strcmp(tempfile_slots[i].path, path) == 0)
			return (int)i;
	}
	return -1;
}

void
tempfile_forget(const char *path)
{
	sigset_t old;
	int i;

	tempfile_block(&old);
	if ((i = tempfile_find(path)) >= 0)
		tempfile_slots[i].used = 0;
	tempfile_unblock(&old);
}

void
tempfile_remove(const char *path)
{
	sigset_t old;
	int i, saved = errno;

	tempfile_block(&old);
	if ((i = tempfile_find(path)) >= 0) {
		tempfile_unlink(path, (tempfile_slots[i].used - 1) &
		    TEMPFILE_SQLITE);
		tempfile_slots[i].used = 0;
	} else
		unlink(path);
	tempfile_unblock(&old);
	errno = saved;
}

void
tempfile_remove_all(void)
{
	sigset_t old;

	tempfile_block(&old);
	tempfile_unlink_all();
	tempfile_unblock(&old);
}

/* 1 for an ASCII letter or digit, as mkstemp puts in. */
static int
tempfile_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

int
tempfile_is_temporary(const char *name)
{
	size_t n = strlen(name), mark = strlen(TEMPFILE_MARK), side, i;

	for (i = 0; i < TEMPFILE_SIDES; i++) {
		side = strlen(tempfile_sides[i]);
		if (n > side &&
		    strcmp(name + n - side, tempfile_sides[i]) == 0) {
			n -= side;
			break;
		}
	}
	/* ".", a NAME of one byte or more, the mark, six letters. */
	if (name[0] != '.' || n < 2 + mark + 6)
		return 0;
	for (i = n - 6; i < n; i++) {
		if (!tempfile_alnum(name[i]))
			return 0;
	}
	return strncmp(name + n - 6 - mark, TEMPFILE_MARK, mark) == 0;
}

int
tempfile_sweep(const char *dir, time_t now)
{
	struct dirent *de;
	struct stat sb;
	uid_t me = geteuid();
	int fd, removed = 0;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		return 0;
	fd = dirfd(dp);
	while ((de = readdir(dp)) != NULL) {
		if (!tempfile_is_temporary(de->d_name))
			continue;
		if (fstatat(fd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(sb.st_mode) || sb.st_uid != me ||
		    sb.st_mtime > now - TEMPFILE_STALE_SECONDS)
			continue;
		if (unlinkat(fd, de->d_name, 0) == 0)
			removed++;
	}
	closedir(dp);
	return removed;
}
