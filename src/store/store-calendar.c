/* SPDX-License-Identifier: MIT */
/*
 * store-calendar.c: what caseload remembers of the calendars it keeps in
 * step (store.h): each item's content hash, SEQUENCE and LAST-MODIFIED,
 * and what was last published to a CalDAV collection.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cause.h"
#include "store-int.h"
#include "store.h"
#include "xmalloc.h"

/* A copy of a text column, "" for NULL. */
static char *
calendar_text(sqlite3_stmt *stmt, int col)
{
	const char *t = store_column_text(stmt, col);

	return xstrdup(t != NULL ? t : "");
}

int
store_calendar_items(struct store *st, struct store_calendar_item **out,
    size_t *n, char **cause)
{
	static const char sql[] = "SELECT uid, hash, sequence, modified"
	    " FROM calendar_items ORDER BY uid COLLATE BINARY";
	struct store_calendar_item *items = NULL, *it;
	sqlite3_stmt *stmt;
	size_t count = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		items = xreallocarray(items, count + 1, sizeof *items);
		it = &items[count++];
		it->uid = calendar_text(stmt, 0);
		it->hash = calendar_text(stmt, 1);
		it->sequence = store_column_int(stmt, 2, 0, 2000000000, 0);
		it->modified = sqlite3_column_int64(stmt, 3);
	}
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_calendar_items_free(items, count);
		return store_fail(st, cause, "reading the calendar's items");
	}
	*out = items;
	*n = count;
	return 0;
}

void
store_calendar_items_free(struct store_calendar_item *items, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		free(items[k].uid);
		free(items[k].hash);
	}
	free(items);
}

int
store_calendar_item_set(struct store *st,
    const struct store_calendar_item *item, char **cause)
{
	static const char sql[] = "INSERT INTO calendar_items (uid, hash,"
	    " sequence, modified) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (uid)"
	    " DO UPDATE SET hash = ?2, sequence = ?3, modified = ?4";
	sqlite3_stmt *stmt;
	int rc;

	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	store_bind_text(stmt, 1, item->uid);
	store_bind_text(stmt, 2, item->hash);
	sqlite3_bind_int(stmt, 3, item->sequence);
	sqlite3_bind_int64(stmt, 4, item->modified);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "recording a calendar item");
	return 0;
}

int
store_caldav_items(struct store *st, const char *url,
    struct store_caldav_item **out, size_t *n, char **cause)
{
	static const char sql[] = "SELECT uid, href, etag, hash"
	    " FROM caldav_items WHERE url = ?1 ORDER BY uid COLLATE BINARY";
	struct store_caldav_item *items = NULL, *it;
	sqlite3_stmt *stmt;
	size_t count = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	store_bind_text(stmt, 1, url);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		items = xreallocarray(items, count + 1, sizeof *items);
		it = &items[count++];
		it->uid = calendar_text(stmt, 0);
		it->href = calendar_text(stmt, 1);
		it->etag = calendar_text(stmt, 2);
		it->hash = calendar_text(stmt, 3);
	}
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		store_caldav_items_free(items, count);
		return store_fail(st, cause, "reading what was published");
	}
	*out = items;
	*n = count;
	return 0;
}

void
store_caldav_items_free(struct store_caldav_item *items, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		free(items[k].uid);
		free(items[k].href);
		free(items[k].etag);
		free(items[k].hash);
	}
	free(items);
}

int
store_caldav_item_set(struct store *st, const char *url,
    const struct store_caldav_item *item, char **cause)
{
	static const char set_sql[] = "INSERT INTO caldav_items (url, uid,"
	    " href, etag, hash) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (url, uid) DO UPDATE SET href = ?3, etag = ?4,"
	    " hash = ?5";
	static const char delete_sql[] = "DELETE FROM caldav_items"
	    " WHERE url = ?1 AND uid = ?2";
	sqlite3_stmt *stmt;
	int rc;

	stmt = store_prepare(st, item->etag != NULL ? set_sql : delete_sql,
	    cause);
	if (stmt == NULL)
		return -1;
	store_bind_text(stmt, 1, url);
	store_bind_text(stmt, 2, item->uid);
	if (item->etag != NULL) {
		store_bind_text(stmt, 3, item->href);
		store_bind_text(stmt, 4, item->etag);
		store_bind_text(stmt, 5, item->hash);
	}
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, cause, "recording what was published");
	return 0;
}

int
store_caldav_urls(struct store *st, char ***out, size_t *n, char **cause)
{
	static const char sql[] = "SELECT DISTINCT url FROM caldav_items"
	    " ORDER BY url COLLATE BINARY";
	sqlite3_stmt *stmt;
	char **urls = NULL;
	size_t count = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		urls = xreallocarray(urls, count + 1, sizeof *urls);
		urls[count++] = calendar_text(stmt, 0);
	}
	store_done(stmt);
	if (rc != SQLITE_DONE) {
		while (count > 0)
			free(urls[--count]);
		free(urls);
		return store_fail(st, cause, "reading what was published");
	}
	*out = urls;
	*n = count;
	return 0;
}

int
store_caldav_move(struct store *st, const char *from, const char *to,
    char **cause)
{
	static const char *const sql[] = {
		"UPDATE OR IGNORE caldav_items SET url = ?2 WHERE url = ?1",
		"DELETE FROM caldav_items WHERE url = ?1",
	};
	sqlite3_stmt *stmt;
	size_t k;
	int rc;

	for (k = 0; k < sizeof sql / sizeof sql[0]; k++) {
		if ((stmt = store_prepare(st, sql[k], cause)) == NULL)
			return -1;
		store_bind_text(stmt, 1, from);
		if (k == 0)
			store_bind_text(stmt, 2, to);
		rc = sqlite3_step(stmt);
		store_done(stmt);
		if (rc != SQLITE_DONE)
			return store_fail(st, cause,
			    "recording what was published");
	}
	return 0;
}
