/* SPDX-License-Identifier: MIT */
/*
 * fuzz-conf.c: libFuzzer harness for the settings loader.
 *
 * Any file content either loads (and every value then prints and loads
 * back the same) or fails with a message, leaving the defaults alone.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 1 when some value of cfg holds both ' and ". */
static int
both_quotes(const struct config *cfg)
{
	const struct conf_entry *table;
	size_t n, i;
	char *v;
	int both = 0;

	table = conf_table(&n);
	for (i = 0; i < n && !both; i++) {
		v = conf_value(cfg, &table[i]);
		both = strchr(v, '"') != NULL && strchr(v, '\'') != NULL;
		free(v);
	}
	return both;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/caseload-fuzz-conf-XXXXXX";
	struct config cfg, copy;
	const struct conf_entry *table;
	char *cause = NULL, *a, *b;
	size_t n, i;
	FILE *f;
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
	conf_defaults(&cfg);
	if (conf_load(&cfg, path, 1, &cause) == 0) {
		if (cause != NULL)
			abort();
		/*
		 * What loaded prints, and the print loads back the same, unless
		 * a value holds both kinds of quote (which iniparser's format
		 * cannot always write: see man 5 caseload.ini).
		 */
		f = both_quotes(&cfg) ? NULL : fopen(path, "w");
		if (f != NULL) {
			conf_print(&cfg, f);
			fclose(f);
			conf_defaults(&copy);
			if (conf_load(&copy, path, 1, &cause) != 0)
				abort();
			table = conf_table(&n);
			for (i = 0; i < n; i++) {
				a = conf_value(&cfg, &table[i]);
				b = conf_value(&copy, &table[i]);
				if (strcmp(a, b) != 0)
					abort();
				free(a);
				free(b);
			}
			conf_free(&copy);
		}
	} else {
		if (cause == NULL)
			abort();
		/* The defaults stand after an error. */
		if (cfg.rules.interval_weeks != 8 || cfg.rules.cap != 22)
			abort();
		free(cause);
	}
	conf_free(&cfg);
	unlink(path);
	return 0;
}
