/* SPDX-License-Identifier: MIT */
/*
 * fuzz-handover.c: libFuzzer harness for opening a handover file.
 *
 * Whatever the bytes, store_handover_open refuses the file with a message
 * or opens a handover whose young people are all imported into a fresh
 * caseload, which then passes caseload's own check: a file that passes
 * the checks of a handover holds nothing the caseload's schema refuses.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The day the files are judged on: 27 November 2026. */
#define FUZZ_TODAY date_from_ymd(2026, 11, 27)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/caseload-fuzz-handover-XXXXXX";
	char dir[] = "/tmp/caseload-fuzz-target-XXXXXX";
	struct store_handover_info info;
	struct store *ho = NULL, *st = NULL;
	char *cause = NULL, db[64], *tail;
	const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	long *ids = NULL;
	size_t n = 0, i;
	int fd;

	fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	if (store_handover_open(path, FUZZ_TODAY, &ho, &info, &cause) != 0) {
		if (cause == NULL)
			abort();
		free(cause);
		unlink(path);
		return 0;
	}
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(db, sizeof db, "%s/c.db", dir);
	if (store_open(db, &st, &cause) != 0)
		abort();
	if (store_handover_import(st, ho, &ids, &n, NULL, NULL, &cause) != 0) {
		fprintf(stderr, "fuzz-handover: opened but not imported: %s\n",
		    cause);
		abort();
	}
	if (n != (size_t)info.counts.people || n == 0 ||
	    store_check(st, NULL, NULL, &cause) != 0)
		abort();
	free(ids);
	store_close(st);
	store_close(ho);
	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		tail = malloc(strlen(db) + 16);
		if (tail == NULL)
			abort();
		sprintf(tail, "%s%s", db, suffixes[i]);
		unlink(tail);
		free(tail);
	}
	rmdir(dir);
	unlink(path);
	return 0;
}
