/* SPDX-License-Identifier: MIT */
/*
 * json.h: writing JSON, indented, one value at a time.
 */
#ifndef CASELOAD_JSON_H
#define CASELOAD_JSON_H

#include <stdio.h>

#include "date.h"

#define JSON_DEPTH_MAX 16

struct json {
	FILE	*f;
	int	 depth;
	int	 count[JSON_DEPTH_MAX];	/* values written at each depth */
	int	 after_key;
};

/* Start writing to f. */
void json_init(struct json *j, FILE *f);

/* Open and close arrays and objects. */
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);

/* The key of the next value inside an object. */
void json_key(struct json *j, const char *key);

/* Values: a string (NULL is null; control characters, C1 included,
 * escaped as \uXXXX), a whole number, true/false, a date as "YYYY-MM-DD"
 * (null for DATE_NONE), null. */
void json_string(struct json *j, const char *s);
void json_int(struct json *j, long n);
void json_bool(struct json *j, int b);
void json_date(struct json *j, date_t date);
void json_null(struct json *j);

/* Finish the document with a new line. */
void json_finish(struct json *j);

#endif
