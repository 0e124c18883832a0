/* SPDX-License-Identifier: MIT */
/*
 * fuzz-restore.c: libFuzzer harness for restoring a caseload from a file.
 *
 * Whatever the bytes of the file given, store_restore on a caseload of
 * one young person either succeeds, and then the caseload passes its own
 * check and can be read and written, or fails with a message and leaves
 * the caseload exactly as it was: its marks (user_version, application
 * id), its schema and every row of every table, read afresh from the
 * file once the store is closed.  It never crashes.
 */
#include <config.h>

#include <ftw.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The caseload each run starts from, made once: the bytes of its file. */
static unsigned char *template_bytes;
static size_t template_size;

/* A growing string of bytes. */
struct dump {
	char	*s;
	size_t	 n;
	size_t	 size;
};

static void
dump_add(struct dump *d, const void *p, size_t n)
{
	if (d->n + n + 1 > d->size) {
		while (d->n + n + 1 > d->size)
			d->size = d->size ? d->size * 2 : 4096;
		if ((d->s = realloc(d->s, d->size)) == NULL)
			abort();
	}
	memcpy(d->s + d->n, p, n);
	d->n += n;
	d->s[d->n] = '\0';
}

/* One value, with its type and length, so that no two dumps collide. */
static void
dump_value(struct dump *d, sqlite3_stmt *stmt, int col)
{
	char head[64];
	int type = sqlite3_column_type(stmt, col), n;
	const void *p;

	if (type == SQLITE_BLOB)
		p = sqlite3_column_blob(stmt, col);
	else
		p = sqlite3_column_text(stmt, col);
	n = sqlite3_column_bytes(stmt, col);
	snprintf(head, sizeof head, "|%d:%d:", type, n);
	dump_add(d, head, strlen(head));
	if (p != NULL && n > 0)
		dump_add(d, p, (size_t)n);
}

/* Every row of the query sql on db into d. */
static void
dump_query(struct dump *d, sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt;
	int i, n, rc;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		dump_add(d, "?", 1);
		dump_add(d, sqlite3_errmsg(db), strlen(sqlite3_errmsg(db)));
		return;
	}
	n = sqlite3_column_count(stmt);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			dump_value(d, stmt, i);
		dump_add(d, "\n", 1);
	}
	if (rc != SQLITE_DONE)
		dump_add(d, "!", 1);
	sqlite3_finalize(stmt);
}

/*
 * The database at path as text: its marks, its schema and every row of
 * every table.  The caller frees it.
 */
static char *
dump_database(const char *path)
{
	struct dump d = { NULL, 0, 0 };
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt;
	char *sql;

	dump_add(&d, "", 0);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		dump_add(&d, "cannot open", 11);
		sqlite3_close(db);
		return d.s;
	}
	dump_query(&d, db, "PRAGMA user_version");
	dump_query(&d, db, "PRAGMA application_id");
	dump_query(&d, db, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
	    " ORDER BY type, name");
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema"
	    " WHERE type = 'table' ORDER BY name", -1, &stmt, NULL) ==
	    SQLITE_OK) {
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			sql = sqlite3_mprintf("SELECT * FROM \"%w\"",
			    (const char *)sqlite3_column_text(stmt, 0));
			if (sql == NULL)
				abort();
			dump_add(&d, sql, strlen(sql));
			dump_add(&d, "\n", 1);
			dump_query(&d, db, sql);
			sqlite3_free(sql);
		}
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return d.s;
}

/* A young person for the caseload, or to show it can still be written. */
static int
add_person(struct store *st, const char *name, char **cause)
{
	struct person p;

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = name;
	p.facts.dob = date_from_ymd(2007, 3, 14);
	p.facts.allocated_on = date_from_ymd(2026, 1, 1);
	return store_person_add(st, &p, cause);
}

static int
remove_entry(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Remove a folder and everything in it. */
static void
remove_tree(const char *dir)
{
	nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

static int
write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		return -1;
	if (size > 0 && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

/* Make the caseload of one young person that every run starts from. */
static void
make_template(void)
{
	char dir[] = "/tmp/caseload-fuzz-restore-XXXXXX", path[64];
	struct store *st = NULL;
	char *cause = NULL;
	sqlite3 *db;
	FILE *f;
	long n;

	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(path, sizeof path, "%s/c.db", dir);
	if (store_open(path, &st, &cause) != 0 ||
	    add_person(st, "Aisha Khan", &cause) != 0) {
		fprintf(stderr, "fuzz-restore: %s\n", cause);
		abort();
	}
	store_close(st);
	/*
	 * Pages of 512 bytes, as in the seed corpus: a backup copies pages
	 * only between databases of one page size in write-ahead mode, so
	 * the seeds reach the end of a restore, and stay small.
	 */
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = DELETE;"
	    " PRAGMA page_size = 512; VACUUM; PRAGMA journal_mode = WAL;",
	    NULL, NULL, NULL) != SQLITE_OK)
		abort();
	sqlite3_close(db);
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0)
		abort();
	template_size = (size_t)n;
	if ((template_bytes = malloc(template_size)) == NULL ||
	    fread(template_bytes, 1, template_size, f) != template_size)
		abort();
	fclose(f);
	remove_tree(dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dir[] = "/tmp/caseload-fuzz-restore-XXXXXX";
	char db[64], src[64], *before, *after, *cause = NULL, *saved = NULL;
	struct store *st = NULL, *from = NULL;
	int problems;

	if (template_bytes == NULL)
		make_template();
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(db, sizeof db, "%s/c.db", dir);
	snprintf(src, sizeof src, "%s/restore.db", dir);
	if (write_file(db, template_bytes, template_size) != 0 ||
	    write_file(src, data, size) != 0)
		abort();
	before = dump_database(db);
	if (store_open(db, &st, &cause) != 0) {
		fprintf(stderr, "fuzz-restore: %s\n", cause);
		abort();
	}

	if (store_restore_open(src, &from, &cause) == 0 &&
	    store_restore(st, from, src, &saved, &cause) == 0) {
		store_close(from);
		/* Restored: sound, readable and writable. */
		problems = store_check(st, NULL, NULL, &cause);
		if (problems != 0) {
			fprintf(stderr, "fuzz-restore: restored, but the check "
			    "found %d problem(s): %s\n", problems,
			    problems < 0 ? cause : "");
			abort();
		}
		if (add_person(st, "Ben Carter", &cause) != 0 ||
		    store_check(st, NULL, NULL, &cause) != 0) {
			fprintf(stderr, "fuzz-restore: restored, but cannot be "
			    "written: %s\n", cause != NULL ? cause : "");
			abort();
		}
		store_close(st);
	} else {
		/* Refused: a message, and the caseload as it was. */
		store_close(from);
		if (cause == NULL)
			abort();
		store_close(st);
		after = dump_database(db);
		if (strcmp(before, after) != 0) {
			fprintf(stderr, "fuzz-restore: refused (%s), but the "
			    "caseload changed\n", cause);
			abort();
		}
		free(after);
	}
	free(cause);
	free(saved);
	free(before);
	remove_tree(dir);
	return 0;
}
