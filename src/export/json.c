/* SPDX-License-Identifier: MIT */
/*
 * json.c: JSON output (see json.h).  Strings are written as UTF-8 with
 * the escapes RFC 8259 requires; control characters (C0, DEL and C1)
 * become \uXXXX.
 */
#include <config.h>

#include "json.h"

void
json_init(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->count[0] = 0;
	j->after_key = 0;
}

static void
json_indent(struct json *j)
{
	int i;

	fputc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/* Before any value or key: a comma and a new line as needed. */
static void
json_before(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0) {
		if (j->count[j->depth] > 0)
			fputc(',', j->f);
		json_indent(j);
	}
	j->count[j->depth]++;
}

static void
json_open(struct json *j, int c)
{
	json_before(j);
	fputc(c, j->f);
	if (j->depth + 1 < JSON_DEPTH_MAX)
		j->depth++;
	j->count[j->depth] = 0;
}

static void
json_close(struct json *j, int c)
{
	int had = j->count[j->depth] > 0;

	if (j->depth > 0)
		j->depth--;
	if (had)
		json_indent(j);
	fputc(c, j->f);
}

void
json_begin_array(struct json *j)
{
	json_open(j, '[');
}

void
json_end_array(struct json *j)
{
	json_close(j, ']');
}

void
json_begin_object(struct json *j)
{
	json_open(j, '{');
}

void
json_end_object(struct json *j)
{
	json_close(j, '}');
}

static void
json_quoted(struct json *j, const char *s)
{
	const unsigned char *p;

	fputc('"', j->f);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", j->f);
			break;
		case '\\':
			fputs("\\\\", j->f);
			break;
		case '\n':
			fputs("\\n", j->f);
			break;
		case '\r':
			fputs("\\r", j->f);
			break;
		case '\t':
			fputs("\\t", j->f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(j->f, "\\u%04x", *p);
			else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
				/* U+0080 to U+009F, the C1 controls. */
				fprintf(j->f, "\\u%04x", p[1]);
				p++;
			} else
				fputc(*p, j->f);
		}
	}
	fputc('"', j->f);
}

void
json_key(struct json *j, const char *key)
{
	json_before(j);
	json_quoted(j, key);
	fputs(": ", j->f);
	j->after_key = 1;
}

void
json_string(struct json *j, const char *s)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	json_before(j);
	json_quoted(j, s);
}

void
json_int(struct json *j, long n)
{
	json_before(j);
	fprintf(j->f, "%ld", n);
}

void
json_bool(struct json *j, int b)
{
	json_before(j);
	fputs(b ? "true" : "false", j->f);
}

void
json_date(struct json *j, date_t date)
{
	char iso[DATE_ISO_SIZE];

	if (date == DATE_NONE) {
		json_null(j);
		return;
	}
	date_format_iso(date, iso);
	json_string(j, iso);
}

void
json_null(struct json *j)
{
	json_before(j);
	fputs("null", j->f);
}

void
json_finish(struct json *j)
{
	fputc('\n', j->f);
}
