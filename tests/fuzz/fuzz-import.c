/* SPDX-License-Identifier: MIT */
/*
 * fuzz-import.c: libFuzzer harness for reading a spreadsheet (CSV).
 *
 * Whatever the bytes, import_read either refuses the file with a message
 * or returns rows that pass the same checks as the command line, and
 * problems at real lines.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "import.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/caseload-fuzz-import-XXXXXX";
	date_t today = date_from_ymd(2026, 11, 27);
	struct import_sheet sheet;
	const char *field;
	char *cause = NULL;
	size_t i;
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
	memset(&sheet, 0, sizeof sheet);
	if (import_read(path, today, NULL, &sheet, &cause) == 0) {
		for (i = 0; i < sheet.n; i++) {
			const struct import_row *r = &sheet.rows[i];

			if (r->line < 2 || !text_is_utf8(r->person.name))
				abort();
			if (check_person(&r->person, today, r->last_contact,
			    &field, &cause) != 0)
				abort();
		}
		for (i = 0; i < sheet.nproblems; i++) {
			if (sheet.problems[i].line < 1 ||
			    sheet.problems[i].what == NULL)
				abort();
		}
	} else {
		if (cause == NULL)
			abort();
		free(cause);
	}
	import_sheet_free(&sheet);
	unlink(path);
	return 0;
}
