/* SPDX-License-Identifier: MIT */
/*
 * search.c: how long the list's search (/) takes on a caseload, as the
 * screens do it: count the rows a search picks, then read the first
 * page of them, through the store's index.  For the benchmark.
 *
 * usage: search DB TODAY RUNS TEXT...
 *
 * Prints, for each TEXT, one line: the text, the rows it picks, and the
 * median of RUNS searches in milliseconds, as a clock on the wall sees
 * them and in processor time (steadier on a busy machine).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rules.h"
#include "store.h"
#include "views.h"

static double
now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	struct rules_settings rs;
	struct due_window w;
	struct store *st;
	char *cause = NULL;
	double *wall, *cpu, t0, c0;
	date_t today;
	long n = 0;
	int runs, i, k;

	if (argc < 5 || date_parse_iso(argv[2], &today) != 0 ||
	    (runs = atoi(argv[3])) <= 0) {
		fprintf(stderr, "usage: search DB YYYY-MM-DD RUNS TEXT...\n");
		return 2;
	}
	if (store_open_flags(argv[1], STORE_READ_ONLY, &st, &cause) != 0) {
		fprintf(stderr, "search: %s\n", cause);
		return 1;
	}
	rules_settings_default(&rs);
	wall = calloc((size_t)runs, sizeof *wall);
	cpu = calloc((size_t)runs, sizeof *cpu);
	for (k = 4; k < argc; k++) {
		for (i = 0; i < runs; i++) {
			t0 = now_ms(CLOCK_MONOTONIC);
			c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
			if (views_window_count(st, &rs, today, VIEWS_EVERYONE,
			    argv[k], &n, &cause) != 0 ||
			    views_window_page(st, &rs, today, VIEWS_EVERYONE,
			    argv[k], NULL, STORE_AFTER, 30, &w, &cause) != 0) {
				fprintf(stderr, "search: %s\n", cause);
				return 1;
			}
			due_window_free(&w);
			wall[i] = now_ms(CLOCK_MONOTONIC) - t0;
			cpu[i] = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		}
		qsort(wall, (size_t)runs, sizeof *wall, compare_double);
		qsort(cpu, (size_t)runs, sizeof *cpu, compare_double);
		printf("%s\t%ld\t%.1f\t%.1f\n", argv[k], n, wall[runs / 2],
		    cpu[runs / 2]);
	}
	free(wall);
	free(cpu);
	store_close(st);
	return 0;
}
