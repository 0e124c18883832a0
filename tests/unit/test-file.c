/* SPDX-License-Identifier: MIT */
/*
 * test-file.c: the files caseload writes on request (target.h) and its
 * temporary files (tempfile.h), in a fresh folder of their own.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "outfile.h"
#include "target.h"
#include "tempfile.h"
#include "xmalloc.h"

struct fixture {
	char	dir[64];
};

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	const char *tmp = getenv("TMPDIR");

	snprintf(fx->dir, sizeof fx->dir, "%s/file-XXXXXX",
	    tmp != NULL && *tmp != '\0' && strlen(tmp) < 40 ? tmp : "/tmp");
	assert_non_null(mkdtemp(fx->dir));
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	char *cmd = xasprintf("rm -rf '%s'", fx->dir);

	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", fx->dir);
	free(cmd);
	free(fx);
	return 0;
}

/* Make the empty file dir/name, last changed age seconds ago. */
static void
make_file(const char *dir, const char *name, int age)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct timespec times[2];
	int fd;

	assert_true((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >= 0);
	close(fd);
	times[0].tv_sec = times[1].tv_sec = time(NULL) - age;
	times[0].tv_nsec = times[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	free(path);
}

static int
there(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat sb;
	int rc = lstat(path, &sb) == 0;

	free(path);
	return rc;
}

/* Only the names caseload gives its temporaries, and SQLite's beside. */
static void
test_is_temporary(void **state)
{
	static const char *const yes[] = {
		".caseload.db.caseload-tmp.Ab12Cd",
		".caseload.db.caseload-tmp.Ab12Cd-journal",
		".caseload.db.caseload-tmp.Ab12Cd-wal",
		".caseload.db.caseload-tmp.Ab12Cd-shm",
		".x.caseload-tmp.000000",
		"..hidden.ics.caseload-tmp.zzzzzz",
		".2026-11-27-0005-jordan-lee.txt.caseload-tmp.Q1w2E3",
	};
	static const char *const no[] = {
		"caseload.db.caseload-tmp.Ab12Cd",	/* no leading dot */
		".caseload-tmp.Ab12Cd",			/* no name */
		".caseload.db.caseload-tmp.Ab12C",	/* five letters */
		".caseload.db.caseload-tmp.Ab12Cde",	/* seven */
		".caseload.db.caseload-tmp.Ab-2Cd",	/* not mkstemp's */
		".caseload.db.caseload-tmp.Ab12Cd.txt",
		".caseload.db.caseload-tmp.Ab12Cd-log",
		".caseload.db.caseload-tmp.",
		"caseload.db.Ab12Cd",			/* an older naming */
		".letter.Ab12Cd",
		".", "..", "",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!tempfile_is_temporary(yes[i]))
			fail_msg("'%s' should be a temporary", yes[i]);
	}
	for (i = 0; i < sizeof no / sizeof no[0]; i++) {
		if (tempfile_is_temporary(no[i]))
			fail_msg("'%s' should not be a temporary", no[i]);
	}
}

/* Named after the file, 0600 whatever the umask, removed with SQLite's. */
static void
test_make_and_remove(void **state)
{
	struct fixture *fx = *state;
	char *path, *side, *base, name[300];
	struct stat sb;
	mode_t old;
	int fd;

	old = umask(0277);
	fd = tempfile_make(fx->dir, "cal.ics", 0, &path);
	umask(old);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	close(fd);
	base = strrchr(path, '/') + 1;
	assert_int_equal(strncmp(base, ".cal.ics" TEMPFILE_MARK,
	    strlen(".cal.ics" TEMPFILE_MARK)), 0);
	assert_true(tempfile_is_temporary(base));
	tempfile_remove(path);
	assert_int_equal(lstat(path, &sb), -1);
	free(path);

	/* An SQLite temporary goes with its journal. */
	fd = tempfile_make(fx->dir, "copy.db", TEMPFILE_SQLITE, &path);
	assert_true(fd >= 0);
	close(fd);
	side = xasprintf("%s-journal", path);
	assert_true((fd = open(side, O_WRONLY | O_CREAT, 0600)) >= 0);
	close(fd);
	tempfile_remove_all();
	assert_int_equal(lstat(path, &sb), -1);
	assert_int_equal(lstat(side, &sb), -1);
	free(side);
	free(path);

	/* Forgotten once renamed: removing all leaves it alone. */
	fd = tempfile_make(fx->dir, "kept.txt", 0, &path);
	assert_true(fd >= 0);
	close(fd);
	side = xasprintf("%s/kept.txt", fx->dir);
	assert_int_equal(target_install(path, side), 0);
	tempfile_remove_all();
	assert_int_equal(stat(side, &sb), 0);
	free(side);
	free(path);

	/* A long name is cut, at a character, to leave room. */
	memset(name, 'a', 250);
	memcpy(name + 199, "\xc3\xa9", 2);	/* "é" across the cut */
	name[250] = '\0';
	fd = tempfile_make(fx->dir, name, TEMPFILE_SQLITE, &path);
	assert_true(fd >= 0);
	close(fd);
	base = strrchr(path, '/') + 1;
	assert_true(strlen(base) + strlen("-journal") <= 255);
	assert_int_equal(base[199], 'a');	/* ".", 199 a's, the mark */
	assert_int_equal(base[200], '.');
	assert_true(tempfile_is_temporary(base));
	tempfile_remove(path);
	free(path);

	/* No folder. */
	side = xasprintf("%s/missing", fx->dir);
	assert_int_equal(tempfile_make(side, "x", 0, &path), -1);
	assert_int_equal(errno, ENOENT);
	free(side);
}

/* Old temporaries of caseload's go; nothing else does. */
static void
test_sweep(void **state)
{
	struct fixture *fx = *state;
	char *path;

	make_file(fx->dir, ".caseload.db.caseload-tmp.Ab12Cd", 7200);
	make_file(fx->dir, ".caseload.db.caseload-tmp.Ab12Cd-wal", 7200);
	make_file(fx->dir, ".caseload.db.caseload-tmp.New123", 60);
	make_file(fx->dir, ".caseload.db.caseload-tmp.Ab12C", 7200);
	make_file(fx->dir, "caseload.db.Ab12Cd", 7200);
	make_file(fx->dir, "target", 7200);
	path = xasprintf("%s/.link.caseload-tmp.Lnk123", fx->dir);
	assert_int_equal(symlink("target", path), 0);
	free(path);
	path = xasprintf("%s/.dir.caseload-tmp.Dir123", fx->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);

	assert_int_equal(tempfile_sweep(fx->dir, time(NULL)), 2);
	assert_false(there(fx->dir, ".caseload.db.caseload-tmp.Ab12Cd"));
	assert_false(there(fx->dir, ".caseload.db.caseload-tmp.Ab12Cd-wal"));
	assert_true(there(fx->dir, ".caseload.db.caseload-tmp.New123"));
	assert_true(there(fx->dir, ".caseload.db.caseload-tmp.Ab12C"));
	assert_true(there(fx->dir, "caseload.db.Ab12Cd"));
	assert_true(there(fx->dir, ".link.caseload-tmp.Lnk123"));
	assert_true(there(fx->dir, ".dir.caseload-tmp.Dir123"));
	assert_true(there(fx->dir, "target"));
	/* An hour later the new one is stale too. */
	assert_int_equal(tempfile_sweep(fx->dir,
	    time(NULL) + TEMPFILE_STALE_SECONDS), 1);
	/* A folder that is not there is not an error. */
	path = xasprintf("%s/missing", fx->dir);
	assert_int_equal(tempfile_sweep(path, time(NULL)), 0);
	free(path);
}

/* What a path leads to: links followed, special files as they are. */
static void
test_resolve(void **state)
{
	struct fixture *fx = *state;
	struct target t;
	char *path, *real, *link, *expect;

	/* Nothing there, then a plain file. */
	path = xasprintf("%s/cal.ics", fx->dir);
	assert_int_equal(target_resolve(path, &t), 0);
	assert_int_equal(t.kind, TARGET_NEW);
	assert_string_equal(t.path, path);
	target_clear(&t);
	make_file(fx->dir, "cal.ics", 0);
	assert_int_equal(target_resolve(path, &t), 0);
	assert_int_equal(t.kind, TARGET_FILE);
	target_clear(&t);

	/* A relative link, through another link, in another folder. */
	real = xasprintf("%s/sync", fx->dir);
	assert_int_equal(mkdir(real, 0700), 0);
	link = xasprintf("%s/sync/cal.ics", fx->dir);
	assert_int_equal(symlink("../cal.ics", link), 0);
	free(link);
	link = xasprintf("%s/home.ics", fx->dir);
	assert_int_equal(symlink("sync/cal.ics", link), 0);
	assert_int_equal(target_resolve(link, &t), 0);
	assert_int_equal(t.kind, TARGET_FILE);
	expect = xasprintf("%s/sync/../cal.ics", fx->dir);
	assert_string_equal(t.path, expect);
	free(expect);
	target_clear(&t);
	free(link);

	/* A dangling link: the file it names, new. */
	link = xasprintf("%s/new.ics", fx->dir);
	assert_int_equal(symlink("sync/new.ics", link), 0);
	assert_int_equal(target_resolve(link, &t), 0);
	assert_int_equal(t.kind, TARGET_NEW);
	expect = xasprintf("%s/sync/new.ics", fx->dir);
	assert_string_equal(t.path, expect);
	free(expect);
	target_clear(&t);
	free(link);

	/* A FIFO, and a link to one, are written in place as given. */
	free(path);
	path = xasprintf("%s/fifo", fx->dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	link = xasprintf("%s/to-fifo", fx->dir);
	assert_int_equal(symlink("fifo", link), 0);
	assert_int_equal(target_resolve(link, &t), 0);
	assert_int_equal(t.kind, TARGET_SPECIAL);
	assert_int_equal(t.type, S_IFIFO);
	assert_string_equal(t.path, link);
	target_clear(&t);
	free(link);

	/* A folder, a loop, a missing folder. */
	assert_int_equal(target_resolve(real, &t), -1);
	assert_int_equal(errno, EISDIR);
	link = xasprintf("%s/loop", fx->dir);
	assert_int_equal(symlink("loop", link), 0);
	assert_int_equal(target_resolve(link, &t), -1);
	assert_int_equal(errno, ELOOP);
	assert_true(target_bad_path(ELOOP));
	free(link);
	link = xasprintf("%s/missing/cal.ics", fx->dir);
	assert_int_equal(target_resolve(link, &t), -1);
	assert_int_equal(errno, ENOENT);
	assert_true(target_bad_path(ENOENT));
	assert_false(target_bad_path(EACCES));
	free(link);
	free(real);
	free(path);
}

/* A new file, filled by name (as SQLite fills a backup): never over one. */
static void
test_outfile_named(void **state)
{
	struct fixture *fx = *state;
	struct outfile *of;
	struct stat sb;
	char *path, *near, *dir, *cause = NULL;
	FILE *f;

	path = xasprintf("%s/backup.db", fx->dir);
	near = xasprintf("%s/caseload.db", fx->dir);
	assert_int_equal(outfile_check_new(path, &cause), 0);
	assert_int_equal(outfile_open_flags(path, OUTFILE_NEW | OUTFILE_NAMED,
	    near, &of, &cause), 0);
	assert_null(outfile_stream(of));
	/* The temporary is made empty, private, beside the file. */
	assert_int_equal(stat(outfile_path(of), &sb), 0);
	assert_int_equal(sb.st_size, 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_non_null(strstr(outfile_path(of), "/.backup.db.caseload-tmp."));
	assert_false(there(fx->dir, "backup.db"));
	assert_non_null(f = fopen(outfile_path(of), "w"));
	fputs("SQLite format 3", f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(outfile_commit(of, &cause), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 15);
	assert_int_equal(sb.st_mode & 0777, 0600);

	/* Now it is there: refused, before and at the opening, untouched. */
	assert_int_equal(outfile_check_new(path, &cause), -1);
	assert_int_equal(errno, EEXIST);
	assert_non_null(strstr(cause, "already exists; give a new file name"));
	free(cause);
	assert_int_equal(outfile_open_flags(path, OUTFILE_NEW | OUTFILE_NAMED,
	    near, &of, &cause), -1);
	assert_int_equal(errno, EEXIST);
	free(cause);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 15);

	/* A folder is refused; a missing folder is for the writing to say. */
	assert_int_equal(outfile_check_new(fx->dir, NULL), -1);
	assert_int_equal(errno, EISDIR);
	dir = xasprintf("%s/no/such/backup.db", fx->dir);
	assert_int_equal(outfile_check_new(dir, &cause), 0);
	assert_int_equal(outfile_open_flags(dir, OUTFILE_NEW | OUTFILE_NAMED,
	    near, &of, &cause), -1);
	assert_non_null(strstr(cause, "cannot create"));
	free(cause);
	assert_int_equal(outfile_check_new("-", NULL), 0);

	/* Given up: no temporary is left behind. */
	free(path);
	path = xasprintf("%s/handover.db", fx->dir);
	assert_int_equal(outfile_open_flags(path, OUTFILE_NEW | OUTFILE_NAMED,
	    near, &of, &cause), 0);
	outfile_abort(of);
	assert_false(there(fx->dir, "handover.db"));
	assert_int_equal(tempfile_sweep(fx->dir, time(NULL) + 2 *
	    TEMPFILE_STALE_SECONDS), 0);
	free(dir);
	free(near);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_temporary),
		cmocka_unit_test_setup_teardown(test_make_and_remove, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sweep, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resolve, setup, teardown),
		cmocka_unit_test_setup_teardown(test_outfile_named, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
