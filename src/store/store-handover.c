/* SPDX-License-Identifier: MIT */
/*
 * store-handover.c: handover files (see store.h): young people's whole
 * records written to a SQLite file of the store's own schema, checked and
 * read back into another worker's caseload.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cause.h"
#include "check.h"
#include "outfile.h"
#include "store-int.h"
#include "text.h"
#include "xmalloc.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char handover_table[] =
	"CREATE TABLE handover ("
	"  format INTEGER NOT NULL,"
	"  made_on TEXT NOT NULL CHECK (made_on = date(made_on)),"
	"  made_at TEXT NOT NULL,"
	"  worker TEXT,"
	"  people INTEGER NOT NULL,"
	"  caseload_version TEXT NOT NULL"
	") STRICT";

/*
 * The tables of a record, with the columns copied.  Each list starts
 * with the row's own id and the person it belongs to, which a handover
 * keeps in the file and renumbers on import.
 */
static const struct handover_table {
	const char	*name;
	const char	*export_select;	/* ?1 = person id in the caseload */
	const char	*export_insert;	/* every column, ids kept */
	const char	*import_select;	/* ?1 = person id in the file */
	const char	*import_insert;	/* ?1 = new person id, then columns */
	size_t		 count_offset;	/* in struct store_handover_counts */
	const char	*import_select_old; /* a file older than old_before,
					 * or NULL: import_select */
	int		 old_before;
	int		 since;		/* the first schema with the table */
} handover_tables[] = {
	{ "status_changes",
	  "SELECT id, person_id, status, on_date, reason, recorded_at"
	  " FROM status_changes WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO status_changes (id, person_id, status, on_date, reason,"
	  " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	  "SELECT status, on_date, reason, recorded_at"
	  " FROM status_changes WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO status_changes (person_id, status, on_date, reason,"
	  " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	  offsetof(struct store_handover_counts, status_changes), NULL, 0, 1 },
	{ "contacts",
	  "SELECT id, person_id, on_date, method, started_by, attempted, note,"
	  " recorded_at, struck_on, struck_reason, place, seen_alone"
	  " FROM contacts WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO contacts (id, person_id, on_date, method, started_by,"
	  " attempted, note, recorded_at, struck_on, struck_reason, place,"
	  " seen_alone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
	  " ?12)",
	  "SELECT on_date, method, started_by, attempted, note, recorded_at,"
	  " struck_on, struck_reason, place, seen_alone"
	  " FROM contacts WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO contacts (person_id, on_date, method, started_by,"
	  " attempted, note, recorded_at, struck_on, struck_reason, place,"
	  " seen_alone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	  offsetof(struct store_handover_counts, contacts),
	  "SELECT on_date, method, started_by, attempted, note, recorded_at,"
	  " struck_on, struck_reason, NULL, NULL"
	  " FROM contacts WHERE person_id = ?1 ORDER BY id",
	  STORE_VERSION_FLAGS, 1 },
	{ "letters",
	  "SELECT id, person_id, sent_on, recorded_at, struck_on, struck_reason"
	  " FROM letters WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO letters (id, person_id, sent_on, recorded_at, struck_on,"
	  " struck_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	  "SELECT sent_on, recorded_at, struck_on, struck_reason"
	  " FROM letters WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO letters (person_id, sent_on, recorded_at, struck_on,"
	  " struck_reason) VALUES (?1, ?2, ?3, ?4, ?5)",
	  offsetof(struct store_handover_counts, letters),
	  "SELECT sent_on, recorded_at, NULL, NULL"
	  " FROM letters WHERE person_id = ?1 ORDER BY id",
	  STORE_VERSION_STRUCK_ENTRIES, 1 },
	{ "reviews",
	  "SELECT id, person_id, on_date, recorded_at, struck_on, struck_reason"
	  " FROM reviews WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO reviews (id, person_id, on_date, recorded_at, struck_on,"
	  " struck_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	  "SELECT on_date, recorded_at, struck_on, struck_reason"
	  " FROM reviews WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO reviews (person_id, on_date, recorded_at, struck_on,"
	  " struck_reason) VALUES (?1, ?2, ?3, ?4, ?5)",
	  offsetof(struct store_handover_counts, reviews),
	  "SELECT on_date, recorded_at, NULL, NULL"
	  " FROM reviews WHERE person_id = ?1 ORDER BY id",
	  STORE_VERSION_STRUCK_ENTRIES, 1 },
	/* Safety flags go whole: kind, note, dates and the reason ended. */
	{ "flags",
	  "SELECT id, person_id, kind, note, set_on, ended_on, ended_reason,"
	  " recorded_at, set_by, ended_by FROM flags WHERE person_id = ?1"
	  " ORDER BY id",
	  "INSERT INTO flags (id, person_id, kind, note, set_on, ended_on,"
	  " ended_reason, recorded_at, set_by, ended_by) VALUES (?1, ?2, ?3,"
	  " ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	  "SELECT kind, note, set_on, ended_on, ended_reason, recorded_at,"
	  " set_by, ended_by FROM flags WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO flags (person_id, kind, note, set_on, ended_on,"
	  " ended_reason, recorded_at, set_by, ended_by) VALUES (?1, ?2, ?3,"
	  " ?4, ?5, ?6, ?7, ?8, ?9)",
	  offsetof(struct store_handover_counts, flags), NULL, 0,
	  STORE_VERSION_FLAGS },
	/*
	 * Every note a flag has had, after the flags: on import a note finds
	 * its flag by the flag's number in the young person's record.
	 */
	{ "flag_notes",
	  "SELECT id, person_id, flag_id, note, on_date, noted_by, recorded_at"
	  " FROM flag_notes WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO flag_notes (id, person_id, flag_id, note, on_date,"
	  " noted_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	  "SELECT (SELECT count(*) FROM flags WHERE flags.person_id ="
	  " flag_notes.person_id AND flags.id <= flag_notes.flag_id), note,"
	  " on_date, noted_by, recorded_at FROM flag_notes"
	  " WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO flag_notes (person_id, flag_id, note, on_date, noted_by,"
	  " recorded_at) VALUES (?1, (SELECT id FROM flags WHERE person_id = ?1"
	  " ORDER BY id LIMIT 1 OFFSET ?2 - 1), ?3, ?4, ?5, ?6)",
	  offsetof(struct store_handover_counts, flag_notes), NULL, 0,
	  STORE_VERSION_FLAGS },
	/* Notes and the people around them go whole, as flags do. */
	{ "notes",
	  "SELECT id, person_id, on_date, text, struck_on, struck_reason,"
	  " recorded_at FROM notes WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO notes (id, person_id, on_date, text, struck_on,"
	  " struck_reason, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	  "SELECT on_date, text, struck_on, struck_reason, recorded_at"
	  " FROM notes WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO notes (person_id, on_date, text, struck_on,"
	  " struck_reason, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	  offsetof(struct store_handover_counts, notes), NULL, 0,
	  STORE_VERSION_AROUND },
	{ "around",
	  "SELECT id, person_id, role, name, phone, email, note, since,"
	  " ended_on, recorded_at FROM around WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO around (id, person_id, role, name, phone, email, note,"
	  " since, ended_on, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	  " ?8, ?9, ?10)",
	  "SELECT role, name, phone, email, note, since, ended_on, recorded_at"
	  " FROM around WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO around (person_id, role, name, phone, email, note,"
	  " since, ended_on, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	  " ?8, ?9)",
	  offsetof(struct store_handover_counts, around), NULL, 0,
	  STORE_VERSION_AROUND },
	/*
	 * Agreed actions go whole, after the contacts: on import an action
	 * agreed at a contact finds it by the contact's number in the
	 * young person's record.
	 */
	{ "actions",
	  "SELECT id, person_id, contact_id, text, who, agreed_on, due_on,"
	  " closed_on, closed_as, reason, created FROM actions"
	  " WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO actions (id, person_id, contact_id, text, who,"
	  " agreed_on, due_on, closed_on, closed_as, reason, created)"
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	  "SELECT CASE WHEN contact_id IS NULL THEN NULL ELSE (SELECT count(*)"
	  " FROM contacts WHERE contacts.person_id = actions.person_id"
	  " AND contacts.id <= actions.contact_id) END, text, who, agreed_on,"
	  " due_on, closed_on, closed_as, reason, created FROM actions"
	  " WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO actions (person_id, contact_id, text, who, agreed_on,"
	  " due_on, closed_on, closed_as, reason, created) VALUES (?1,"
	  " CASE WHEN ?2 IS NULL THEN NULL ELSE (SELECT id FROM contacts"
	  " WHERE person_id = ?1 ORDER BY id LIMIT 1"
	  " OFFSET coalesce(?2, 1) - 1) END, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	  offsetof(struct store_handover_counts, actions), NULL, 0,
	  STORE_VERSION_ACTIONS },
	/* The accommodation history goes whole, struck rows too. */
	{ "accommodation",
	  "SELECT id, person_id, from_date, type, provided_by_la, suitable,"
	  " address, struck_on, struck_reason, recorded_at FROM accommodation"
	  " WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO accommodation (id, person_id, from_date, type,"
	  " provided_by_la, suitable, address, struck_on, struck_reason,"
	  " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	  "SELECT from_date, type, provided_by_la, suitable, address,"
	  " struck_on, struck_reason, recorded_at FROM accommodation"
	  " WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO accommodation (person_id, from_date, type,"
	  " provided_by_la, suitable, address, struck_on, struck_reason,"
	  " recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	  offsetof(struct store_handover_counts, accommodation), NULL, 0,
	  STORE_VERSION_ACCOMMODATION },
	/* Birthday returns go whole, struck ones with their reasons. */
	{ "returns",
	  "SELECT id, person_id, age, in_touch, activity, part_time, on_date,"
	  " struck_on, struck_reason, created FROM returns"
	  " WHERE person_id = ?1 ORDER BY id",
	  "INSERT INTO returns (id, person_id, age, in_touch, activity,"
	  " part_time, on_date, struck_on, struck_reason, created)"
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	  "SELECT age, in_touch, activity, part_time, on_date, struck_on,"
	  " struck_reason, created FROM returns WHERE person_id = ?1"
	  " ORDER BY id",
	  "INSERT INTO returns (person_id, age, in_touch, activity, part_time,"
	  " on_date, struck_on, struck_reason, created)"
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	  offsetof(struct store_handover_counts, returns), NULL, 0,
	  STORE_VERSION_RETURNS },
};
#define HANDOVER_TABLES (sizeof handover_tables / sizeof handover_tables[0])

#define PEOPLE_COPIED \
	"uuid, name, preferred_name, dob, phone, email, address," \
	" interval_weeks, allocated_on, status, status_since, last_contact," \
	" last_letter, last_review, created_at, updated_at"

static const char people_export_select[] =
	"SELECT id, " PEOPLE_COPIED " FROM people WHERE id = ?1";
static const char people_export_insert[] =
	"INSERT INTO people (id, " PEOPLE_COPIED ") VALUES (?1, ?2, ?3, ?4,"
	" ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
static const char people_import_select[] =
	"SELECT " PEOPLE_COPIED " FROM people WHERE id = ?1";
static const char people_import_insert[] =
	"INSERT INTO people (" PEOPLE_COPIED ") VALUES (?1, ?2, ?3, ?4,"
	" ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

/*
 * Copy the rows that select (on from, with ?1 = key) returns into insert
 * (on to): column i goes to parameter i + 1, or to i + 2 after the new
 * key as ?1 when new_key is not 0.  Adds the rows copied to *rows.
 */
static int
handover_copy(struct store *from, const char *select, sqlite3_int64 key,
    struct store *to, const char *insert, sqlite3_int64 new_key, int *rows,
    char **cause)
{
	sqlite3_stmt *sel, *ins;
	int rc, i, n, base = new_key != 0 ? 2 : 1;

	/* Prepared once for every young person (the statements are kept). */
	if ((sel = store_prepare(from, select, cause)) == NULL)
		return -1;
	if ((ins = store_prepare(to, insert, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(sel, 1, key);
	n = sqlite3_column_count(sel);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		if (new_key != 0)
			sqlite3_bind_int64(ins, 1, new_key);
		for (i = 0; i < n; i++)
			sqlite3_bind_value(ins, base + i,
			    sqlite3_column_value(sel, i));
		if (sqlite3_step(ins) != SQLITE_DONE) {
			store_fail(to, cause, "writing the handover");
			store_done(sel);
			store_done(ins);
			return -1;
		}
		store_done(ins);
		(*rows)++;
	}
	if (rc != SQLITE_DONE) {
		store_fail(from, cause, "reading the handover");
		store_done(sel);
		return -1;
	}
	store_done(sel);
	return 0;
}

/* Copy one young person's whole record from st into the handover out. */
static int
handover_export_person(struct store *st, struct store *out, long id,
    struct store_handover_counts *counts, char **cause)
{
	size_t i;
	int rows = 0;

	if (handover_copy(st, people_export_select, id, out,
	    people_export_insert, 0, &rows, cause) != 0)
		return -1;
	if (rows != 1)
		return xfail(cause, "there is no young person number %ld", id);
	counts->people++;
	for (i = 0; i < HANDOVER_TABLES; i++) {
		if (handover_copy(st, handover_tables[i].export_select, id, out,
		    handover_tables[i].export_insert, 0,
		    (int *)((char *)counts + handover_tables[i].count_offset),
		    cause) != 0)
			return -1;
	}
	return 0;
}

/* Fill in the handover table and mark the file as a handover. */
static int
handover_mark(struct store *out, date_t made_on, const char *worker,
    int people, char **cause)
{
	static const char sql[] = "INSERT INTO handover (format, made_on,"
	    " made_at, worker, people, caseload_version)"
	    " VALUES (?1, ?2, " NOW ", ?3, ?4, ?5)";
	sqlite3_stmt *stmt;
	char pragma[64];
	int rc;

	if (store_exec(out, handover_table, cause) != 0)
		return -1;
	if (sqlite3_prepare_v2(out->db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return store_fail(out, cause, "writing the handover");
	sqlite3_bind_int(stmt, 1, STORE_HANDOVER_FORMAT);
	store_bind_date(stmt, 2, made_on);
	if (worker != NULL && *worker != '\0')
		store_bind_text(stmt, 3, worker);
	sqlite3_bind_int(stmt, 4, people);
	store_bind_text(stmt, 5, PACKAGE_VERSION);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(out, cause, "writing the handover");
	snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d",
	    STORE_HANDOVER_ID);
	return store_exec(out, pragma, cause);
}

int
store_handover_export(struct store *st, const long *ids, size_t n,
    const char *dest, date_t made_on, const char *worker,
    struct store_handover_counts *counts, char **cause)
{
	struct store *out = NULL;
	struct outfile *of;
	size_t i;
	int reading = 0;

	memset(counts, 0, sizeof *counts);
	if (outfile_open_flags(dest, OUTFILE_NEW | OUTFILE_NAMED, st->path,
	    &of, cause) != 0)
		return -1;

	/* The store's own schema and version, in one plain file. */
	if (store_open(outfile_path(of), &out, cause) != 0)
		goto fail;
	if (store_exec(out, "PRAGMA journal_mode = DELETE", cause) != 0)
		goto fail;
	/* One snapshot of the caseload, whatever else is writing to it. */
	if (store_begin(st, cause) != 0)
		goto fail;
	reading = 1;
	if (store_begin(out, cause) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if (handover_export_person(st, out, ids[i], counts, cause) != 0)
			goto fail;
	}
	if (handover_mark(out, made_on, worker, counts->people, cause) != 0 ||
	    store_commit(out, cause) != 0)
		goto fail;
	store_rollback(st);
	reading = 0;
	store_close(out);
	return outfile_commit(of, cause);

fail:
	if (out != NULL) {
		store_rollback(out);
		store_close(out);
	}
	if (reading)
		store_rollback(st);
	outfile_abort(of);
	return -1;
}

/*
 * Check the SQLite header before SQLite opens the file, so that no side
 * file appears beside a file that is not a handover: the magic, the
 * application id, the schema version, the journal mode and the size.
 */
static int
handover_sniff(const char *path, char **cause)
{
	struct store_header h;

	if (store_read_header(path, &h, cause) != 0)
		return -1;
	if (!h.sqlite)
		return xfail(cause, "%s is not a caseload handover file (not "
		    "even a SQLite database); make one with 'caseload handover "
		    "export REF... -o FILE'", path);
	if (h.app == STORE_APPLICATION_ID)
		return xfail(cause, "%s is a whole caseload database, not a "
		    "handover file; make one with 'caseload handover export "
		    "REF... -o FILE'", path);
	if (h.app != STORE_HANDOVER_ID)
		return xfail(cause, "%s is a SQLite database, but not a "
		    "caseload handover file", path);
	if (h.version > (unsigned long)store_schema_version())
		return xfail(cause, "%s was made by a newer caseload (schema "
		    "%lu; this one reads up to %d): import it with the newer "
		    "caseload", path, h.version, store_schema_version());
	if (h.version < 1)
		return xfail(cause, "%s is not a complete handover file", path);
	if (h.wal)
		return xfail(cause, "%s is not a handover file as caseload "
		    "writes them (it uses a write-ahead log)", path);
	if (!h.page_ok)
		return xfail(cause, "%s is damaged (its header is not valid); "
		    "ask for the file again", path);
	if ((unsigned long long)h.size < h.want)
		return xfail(cause, "%s is truncated (%lld of %llu bytes): it "
		    "was not copied whole; ask for the file again", path,
		    h.size, h.want);
	if (!h.whole_pages)
		return xfail(cause, "%s is truncated (%lld bytes is not a "
		    "whole number of pages): ask for the file again", path,
		    h.size);
	return 0;
}

/* Read one integer from a query on ho; -1 on failure. */
static int
handover_int(struct store *ho, const char *sql, int *out, char **cause)
{
	sqlite3_stmt *stmt;
	long value = 0;
	int rc;

	/* Not store_prepare: some of these are built, not literals. */
	if (sqlite3_prepare_v2(ho->db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return store_fail(ho, cause, "reading the handover");
	rc = store_step_long(ho, stmt, &value, "reading the handover", cause);
	sqlite3_finalize(stmt);
	if (rc != 0)
		return -1;
	*out = (int)value;
	return 0;
}

/* What the file says of itself. */
static int
handover_read_info(struct store *ho, struct store_handover_info *info,
    char **cause)
{
	static const char sql[] = "SELECT format, made_on, made_at, worker,"
	    " people, caseload_version FROM handover";
	sqlite3_stmt *stmt;
	const char *s;
	int rc, rows = 0;

	if (sqlite3_prepare_v2(ho->db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return xfail(cause, "%s is not a complete handover file (%s)",
		    ho->path, sqlite3_errmsg(ho->db));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		rows++;
		info->format = sqlite3_column_int(stmt, 0);
		info->made_on = store_column_date(stmt, 1);
		s = store_column_text(stmt, 2);
		snprintf(info->made_at, sizeof info->made_at, "%s",
		    s != NULL ? s : "");
		s = store_column_text(stmt, 3);
		snprintf(info->worker, sizeof info->worker, "%s",
		    s != NULL ? s : "");
		info->counts.people = sqlite3_column_int(stmt, 4);
		s = store_column_text(stmt, 5);
		snprintf(info->version, sizeof info->version, "%s",
		    s != NULL ? s : "");
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(ho, cause, "reading the handover");
	if (rows != 1)
		return xfail(cause, "%s is not a complete handover file",
		    ho->path);
	if (info->format > STORE_HANDOVER_FORMAT)
		return xfail(cause, "%s was made by a newer caseload (handover "
		    "format %d): import it with the newer caseload", ho->path,
		    info->format);
	return 0;
}

/* What handover_agrees needs, and the first disagreement it found. */
struct handover_check {
	struct store	*ho;
	int		 bad;
	char		*cause;
};

/* Does a young person's summary agree with their history in the file? */
static int
handover_agrees(const struct person *p, void *arg)
{
	struct handover_check *hc = arg;
	struct store_summary sum;

	if (store_summarise(hc->ho, p->id, &sum, &hc->cause) != 0)
		return 1;
	if (sum.status != p->facts.status ||
	    sum.status_since != p->facts.status_since ||
	    sum.last_contact != p->facts.last_contact ||
	    sum.last_letter != p->facts.last_letter ||
	    sum.last_review != p->facts.last_review) {
		hc->bad = 1;
		return 1;
	}
	return 0;
}

/*
 * What a handover's rows may hold: what caseload writes, and nothing
 * else.  The schema's CHECK constraints say the same, but a file edited
 * with them switched off passes SQLite's integrity check when it is
 * opened read only, as a handover is, so the rows are looked at here.
 * Only the columns of every schema version are named, but by a check
 * that says since which.
 */
#define HO_TEXT(c)	"typeof(" c ") = 'text'"
#define HO_TEXT_OR_NULL(c) "typeof(" c ") IN ('text', 'null')"
#define HO_DATE(c) \
	"(typeof(" c ") = 'text' AND " c " IS date(" c ", '+0 days')" \
	" AND " c " BETWEEN '1900-01-01' AND '2199-12-31')"
#define HO_DATE_OR_NULL(c) "(" c " IS NULL OR " HO_DATE(c) ")"
#define HO_HEX4 "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
#define HO_STAMP(c) \
	"(typeof(" c ") = 'text' AND " c " GLOB '[0-9][0-9][0-9][0-9]-[0-9]" \
	"[0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')"
#define HO_STATUS(c) \
	"(typeof(" c ") = 'text' AND " c " IN ('up', 'down', 'archived'))"

static const struct handover_kinds {
	const char	*what;		/* whose rows, in a message */
	const char	*sql;		/* the first bad row's young person */
	int		 since;		/* the schema version it needs */
} handover_kinds[] = {
	{ "their details",
	  "SELECT id FROM people WHERE NOT (typeof(uuid) = 'text'"
	  " AND uuid GLOB '" HO_HEX4 HO_HEX4 "-" HO_HEX4 "-" HO_HEX4 "-" HO_HEX4
	  "-" HO_HEX4 HO_HEX4 HO_HEX4 "'"
	  " AND " HO_TEXT("name") " AND " HO_TEXT_OR_NULL("preferred_name")
	  " AND " HO_TEXT_OR_NULL("phone") " AND " HO_TEXT_OR_NULL("email")
	  " AND " HO_TEXT_OR_NULL("address") " AND " HO_DATE("dob")
	  " AND (interval_weeks IS NULL OR (typeof(interval_weeks) ="
	  " 'integer' AND interval_weeks BETWEEN 1 AND 52))"
	  " AND " HO_DATE("allocated_on") " AND " HO_STATUS("status")
	  " AND " HO_DATE("status_since")
	  " AND " HO_DATE_OR_NULL("last_contact")
	  " AND " HO_DATE_OR_NULL("last_letter")
	  " AND " HO_DATE_OR_NULL("last_review")
	  " AND " HO_STAMP("created_at") " AND " HO_STAMP("updated_at") ")"
	  " ORDER BY id LIMIT 1", 1 },
	{ "their status history",
	  "SELECT person_id FROM status_changes WHERE NOT (" HO_STATUS("status")
	  " AND " HO_DATE("on_date") " AND " HO_TEXT_OR_NULL("reason")
	  " AND " HO_STAMP("recorded_at") ") ORDER BY person_id LIMIT 1", 1 },
	{ "their contact log",
	  "SELECT person_id FROM contacts WHERE NOT (" HO_DATE("on_date")
	  " AND typeof(method) = 'text' AND method IN ('visit', 'phone',"
	  " 'video', 'text', 'email', 'letter', 'group', 'other')"
	  " AND typeof(started_by) = 'text'"
	  " AND started_by IN ('worker', 'young-person')"
	  " AND typeof(attempted) = 'integer' AND attempted IN (0, 1)"
	  " AND " HO_TEXT_OR_NULL("note") " AND " HO_STAMP("recorded_at")
	  " AND " HO_DATE_OR_NULL("struck_on")
	  " AND " HO_TEXT_OR_NULL("struck_reason") ")"
	  " ORDER BY person_id LIMIT 1", 1 },
	{ "their accommodation history",
	  "SELECT person_id FROM accommodation WHERE NOT ("
	  HO_DATE("from_date") " AND typeof(type) = 'text' AND type IN"
	  " ('with-parents-or-relatives', 'staying-put', 'foster-care',"
	  " 'supported-lodgings', 'semi-independent', 'independent-tenancy',"
	  " 'higher-education', 'custody', 'bed-and-breakfast',"
	  " 'sofa-surfing', 'no-fixed-abode', 'other')"
	  " AND typeof(provided_by_la) = 'integer' AND provided_by_la IN (0, 1)"
	  " AND (suitable IS NULL OR (typeof(suitable) = 'integer'"
	  " AND suitable IN (0, 1)))"
	  " AND " HO_TEXT_OR_NULL("address") " AND " HO_DATE_OR_NULL("struck_on")
	  " AND " HO_TEXT_OR_NULL("struck_reason")
	  " AND " HO_STAMP("recorded_at") ")"
	  " ORDER BY person_id LIMIT 1", STORE_VERSION_ACCOMMODATION },
	{ "their birthday returns",
	  "SELECT person_id FROM returns WHERE NOT (typeof(in_touch) = 'text'"
	  " AND in_touch IN ('yes', 'no', 'refused', 'not-required',"
	  " 'returned-home', 'died')"
	  " AND (activity IS NULL OR (typeof(activity) = 'text'"
	  " AND activity IN ('higher-education', 'other-education',"
	  " 'training', 'employment', 'neet-illness', 'neet-parenting',"
	  " 'neet-other')))"
	  " AND " HO_DATE("on_date") " AND " HO_DATE_OR_NULL("struck_on")
	  " AND " HO_TEXT_OR_NULL("struck_reason") " AND " HO_STAMP("created")
	  ") ORDER BY person_id LIMIT 1", STORE_VERSION_RETURNS },
	{ "their letters",
	  "SELECT person_id FROM letters WHERE NOT (" HO_DATE("sent_on")
	  " AND " HO_STAMP("recorded_at") ") ORDER BY person_id LIMIT 1", 1 },
	{ "their reviews",
	  "SELECT person_id FROM reviews WHERE NOT (" HO_DATE("on_date")
	  " AND " HO_STAMP("recorded_at") ") ORDER BY person_id LIMIT 1", 1 },
	{ "their contact log",
	  "SELECT person_id FROM contacts WHERE NOT ((place IS NULL OR"
	  " (typeof(place) = 'text' AND place IN ('home', 'office', 'college',"
	  " 'community', 'online'))) AND (seen_alone IS NULL OR"
	  " (typeof(seen_alone) = 'integer' AND seen_alone IN (0, 1))))"
	  " ORDER BY person_id LIMIT 1", STORE_VERSION_FLAGS },
	{ "their safety flags",
	  "SELECT person_id FROM flags WHERE NOT (typeof(kind) = 'text'"
	  " AND kind IN ('do-not-visit-alone', 'marac', 'domestic-abuse',"
	  " 'exploitation', 'missing', 'custody', 'other')"
	  " AND " HO_TEXT_OR_NULL("note") " AND " HO_DATE("set_on")
	  " AND " HO_DATE_OR_NULL("ended_on")
	  " AND " HO_TEXT_OR_NULL("ended_reason")
	  " AND " HO_STAMP("recorded_at") " AND " HO_TEXT_OR_NULL("set_by")
	  " AND " HO_TEXT_OR_NULL("ended_by") ")"
	  " ORDER BY person_id LIMIT 1", STORE_VERSION_FLAGS },
	{ "their safety flags' notes",
	  "SELECT person_id FROM flag_notes WHERE NOT (" HO_TEXT_OR_NULL("note")
	  " AND " HO_DATE("on_date") " AND " HO_TEXT_OR_NULL("noted_by")
	  " AND " HO_STAMP("recorded_at") " AND flag_id IN (SELECT id FROM"
	  " flags WHERE flags.person_id = flag_notes.person_id))"
	  " ORDER BY person_id LIMIT 1", STORE_VERSION_FLAGS },
	{ "their notes",
	  "SELECT person_id FROM notes WHERE NOT (" HO_DATE("on_date")
	  " AND " HO_TEXT("text") " AND " HO_DATE_OR_NULL("struck_on")
	  " AND " HO_TEXT_OR_NULL("struck_reason")
	  " AND " HO_STAMP("recorded_at") ")"
	  " ORDER BY person_id LIMIT 1", STORE_VERSION_AROUND },
	{ "the people around them",
	  "SELECT person_id FROM around WHERE NOT (typeof(role) = 'text'"
	  " AND role IN ('social-worker', 'iro', 'housing-officer',"
	  " 'college-tutor', 'family', 'other')"
	  " AND " HO_TEXT("name") " AND " HO_TEXT_OR_NULL("phone")
	  " AND " HO_TEXT_OR_NULL("email") " AND " HO_TEXT_OR_NULL("note")
	  " AND " HO_DATE("since") " AND " HO_DATE_OR_NULL("ended_on")
	  " AND " HO_STAMP("recorded_at") ")"
	  " ORDER BY person_id LIMIT 1", STORE_VERSION_AROUND },
	{ "their agreed actions",
	  "SELECT person_id FROM actions WHERE NOT (" HO_TEXT("text")
	  " AND " HO_TEXT("who") " AND " HO_DATE("agreed_on")
	  " AND " HO_DATE("due_on") " AND " HO_DATE_OR_NULL("closed_on")
	  " AND (closed_as IS NULL OR (typeof(closed_as) = 'text'"
	  " AND closed_as IN ('done', 'dropped')))"
	  " AND (closed_on IS NULL) = (closed_as IS NULL)"
	  " AND " HO_TEXT_OR_NULL("reason") " AND " HO_STAMP("created")
	  " AND (contact_id IS NULL OR contact_id IN (SELECT id FROM contacts"
	  " WHERE contacts.person_id = actions.person_id)))"
	  " ORDER BY person_id LIMIT 1", STORE_VERSION_ACTIONS },
	{ "their birthday returns",
	  "SELECT person_id FROM returns WHERE NOT (typeof(in_touch) = 'text'"
	  " AND in_touch IN ('yes', 'no', 'refused', 'not-required',"
	  " 'returned-home', 'died')"
	  " AND (activity IS NULL OR (typeof(activity) = 'text'"
	  " AND activity IN ('higher-education', 'other-education',"
	  " 'training', 'employment', 'neet-illness', 'neet-parenting',"
	  " 'neet-other')))"
	  " AND " HO_DATE("on_date") " AND " HO_DATE_OR_NULL("struck_on")
	  " AND " HO_TEXT_OR_NULL("struck_reason") " AND " HO_STAMP("created")
	  ") ORDER BY person_id LIMIT 1", STORE_VERSION_RETURNS },
	{ "their letters",
	  "SELECT person_id FROM letters WHERE NOT ("
	  HO_DATE_OR_NULL("struck_on") " AND " HO_TEXT_OR_NULL("struck_reason")
	  ") ORDER BY person_id LIMIT 1", STORE_VERSION_STRUCK_ENTRIES },
	{ "their reviews",
	  "SELECT person_id FROM reviews WHERE NOT ("
	  HO_DATE_OR_NULL("struck_on") " AND " HO_TEXT_OR_NULL("struck_reason")
	  ") ORDER BY person_id LIMIT 1", STORE_VERSION_STRUCK_ENTRIES },
};

/* Refuse a file whose rows hold a value caseload never writes. */
static int
handover_check_kinds(struct store *ho, char **cause)
{
	sqlite3_stmt *stmt;
	size_t i;
	long id;
	int rc;

	for (i = 0; i < sizeof handover_kinds / sizeof handover_kinds[0];
	    i++) {
		if (ho->version < handover_kinds[i].since)
			continue;
		if (sqlite3_prepare_v2(ho->db, handover_kinds[i].sql, -1, &stmt,
		    NULL) != SQLITE_OK)
			return store_fail(ho, cause, "checking the handover");
		rc = sqlite3_step(stmt);
		id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(stmt, 0) : 0;
		sqlite3_finalize(stmt);
		if (rc == SQLITE_ROW)
			return xfail(cause, "%s holds details caseload does not "
			    "accept: young person %ld in the file: a value in "
			    "%s is not one caseload writes (missing, of the "
			    "wrong kind, or not a date); ask for the file again",
			    ho->path, id, handover_kinds[i].what);
		if (rc != SQLITE_DONE)
			return store_fail(ho, cause, "checking the handover");
	}
	return 0;
}

/*
 * One young person's records against the checks on typed input, as
 * handover_check_person walks them: the first failure stops the walk.
 */
struct handover_rows {
	struct store		*ho;
	const struct person	*p;
	date_t			 today;
	date_t			 first;	/* of the status history so far */
	char			*why;	/* from check.h: no names, no notes */
	char			*what;	/* which record (new string) */
	int			 failed;
	unsigned		 kinds;	/* of current flags so far, a bit each */
	int			 flag;	/* the flag whose notes are walked */
	unsigned		 returns; /* birthdays with a return standing,
					 * a bit each */
	int			 moved;	/* the accommodation row not struck
					 * out seen last (newest first), or 0 */
};

/* Record a failed check on the record what (a format) and stop. */
static int
handover_row_bad(struct handover_rows *hr, char *why, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
handover_row_bad(struct handover_rows *hr, char *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	hr->what = xvasprintf(fmt, ap);
	va_end(ap);
	hr->why = why;
	hr->failed = 1;
	return 1;
}

static int
handover_check_status(const struct status_change *s, void *arg)
{
	struct handover_rows *hr = arg;
	char *why = NULL, iso[DATE_ISO_SIZE];

	date_format_iso(s->on, iso);
	if (hr->first == DATE_NONE) {
		/* The allocation, which may be up to a year ahead. */
		hr->first = s->on;
		if (s->on < hr->p->facts.dob || s->on > hr->today + 366)
			return handover_row_bad(hr, xstrdup("the allocation "
			    "is before their date of birth or more than a "
			    "year ahead"), "the status change of %s", iso);
	} else if (check_event_date(s->on, hr->p->facts.dob, hr->today,
	    &why) != 0)
		return handover_row_bad(hr, why, "the status change of %s",
		    iso);
	if (s->reason != NULL && check_text(s->reason, 0, CHECK_REASON_MAX,
	    &why) != 0)
		return handover_row_bad(hr, why, "the reason for the status "
		    "change of %s", iso);
	return 0;
}

static int
handover_check_contact(const struct contact *c, void *arg)
{
	struct handover_rows *hr = arg;
	char *why = NULL;

	if (check_event_date(c->on, hr->p->facts.dob, hr->today, &why) != 0)
		return handover_row_bad(hr, why, "contact #%ld", c->id);
	if (c->note != NULL && check_text(c->note, 1, CHECK_NOTE_MAX,
	    &why) != 0)
		return handover_row_bad(hr, why, "the note of contact #%ld",
		    c->id);
	if (c->struck_on != DATE_NONE && (check_event_date(c->struck_on,
	    DATE_NONE, hr->today, &why) != 0 || c->struck_on < c->on))
		return handover_row_bad(hr, why != NULL ? why : xstrdup("it was "
		    "struck out before the day of the contact"),
		    "the strike of contact #%ld", c->id);
	if (c->struck_reason != NULL && check_text(c->struck_reason, 0,
	    CHECK_REASON_MAX, &why) != 0)
		return handover_row_bad(hr, why, "the reason for striking out "
		    "contact #%ld", c->id);
	return 0;
}

/* A letter sent or a review held, and its strike. */
static int
handover_check_entry(const struct entry *e, void *arg)
{
	struct handover_rows *hr = arg;
	const char *what = e->kind == ENTRY_LETTER ? "a letter sent" :
	    "a pathway plan review";
	char *why = NULL;

	if (check_event_date(e->on, hr->p->facts.dob, hr->today, &why) != 0)
		return handover_row_bad(hr, why, "%s", what);
	if (e->struck_on != DATE_NONE && (check_event_date(e->struck_on,
	    DATE_NONE, hr->today, &why) != 0 || e->struck_on < e->on))
		return handover_row_bad(hr, why != NULL ? why : xstrdup("it was "
		    "struck out before the day it was recorded for"),
		    "the strike of %s", what);
	if (e->struck_reason != NULL && check_text(e->struck_reason, 0,
	    CHECK_REASON_MAX, &why) != 0)
		return handover_row_bad(hr, why, "the reason for striking out "
		    "%s", what);
	return 0;
}

/* A note a flag had before its latest, as 'caseload flag' checks one. */
static int
handover_check_flag_note(const struct flag_note *n, void *arg)
{
	struct handover_rows *hr = arg;
	char *why = NULL;

	if (check_event_date(n->on, hr->p->facts.dob, hr->today, &why) != 0)
		return handover_row_bad(hr, why, "an earlier note of flag F%d",
		    hr->flag);
	if (n->note != NULL && check_text(n->note, 0, FLAG_NOTE_MAX,
	    &why) != 0)
		return handover_row_bad(hr, why, "an earlier note of flag F%d",
		    hr->flag);
	return 0;
}

/*
 * An agreed action, as 'caseload action' checks one: its text and who,
 * agreed not in the future nor before birth, due within two years of
 * it, closed not before it was agreed nor after today, the reason one
 * short line.  Errors never give the text.
 */
static int
handover_check_action(const struct action *a, void *arg)
{
	struct handover_rows *hr = arg;
	struct action open;
	char *why = NULL;

	if (action_check_new(a, hr->p->facts.dob, hr->today, &why) != 0)
		return handover_row_bad(hr, why, "action A%d", a->number);
	if (a->state != ACTION_OPEN) {
		open = *a;
		open.state = ACTION_OPEN;
		open.closed_on = DATE_NONE;
		if (action_check_close(&open, a->closed_on, hr->today,
		    &why) != 0)
			return handover_row_bad(hr, why, "the closing of action "
			    "A%d", a->number);
	}
	if (a->reason != NULL && check_text(a->reason, 0, CHECK_REASON_MAX,
	    &why) != 0)
		return handover_row_bad(hr, why, "the reason action A%d was "
		    "dropped", a->number);
	return 0;
}

/*
 * A row of the accommodation history, as 'caseload moved' checks one: the
 * date not in the future nor before their birth, nor before the move
 * recorded before it (of the rows not struck out, which are visited
 * newest first: a row recorded later comes first, unless it is dated
 * before an earlier one), the address several short lines with no
 * control characters, the reason struck one line.  Errors never give the
 * address.
 */
static int
handover_check_accommodation(const struct accommodation *a, void *arg)
{
	struct handover_rows *hr = arg;
	char *why = NULL;

	if (accommodation_check(a, hr->p->facts.dob, DATE_NONE, hr->today,
	    &why) != 0)
		return handover_row_bad(hr, why, "accommodation M%d",
		    a->number);
	if (a->struck_on == DATE_NONE && hr->moved != 0 &&
	    a->number > hr->moved)
		return handover_row_bad(hr, xasprintf("the date is before "
		    "their latest move (M%d)", hr->moved),
		    "accommodation M%d", a->number);
	if (a->struck_on == DATE_NONE)
		hr->moved = a->number;
	if (a->struck_on != DATE_NONE && (a->struck_on < a->from ||
	    a->struck_on > hr->today))
		return handover_row_bad(hr, xstrdup("the date is out of "
		    "order"), "the striking out of accommodation M%d",
		    a->number);
	if (a->struck_reason != NULL && check_text(a->struck_reason, 0,
	    CHECK_REASON_MAX, &why) != 0)
		return handover_row_bad(hr, why, "the reason accommodation M%d "
		    "was struck out", a->number);
	return 0;
}

/*
 * A birthday return, as 'caseload return' checks one: recorded not in
 * the future nor before birth, from the window of its birthday opening
 * to a year after the birthday (late, once the window closed), answers
 * that go together, struck not before it was recorded nor after today
 * with a short reason, and only one standing for a birthday.
 */
static int
handover_check_return(const struct returns_record *rec, void *arg)
{
	struct handover_rows *hr = arg;
	struct rules_settings rs;
	struct returns_window w;
	char *why = NULL;
	unsigned bit = 1u << (rec->age - RETURNS_AGE_FIRST);

	/* The widest window the settings allow: the sender's may differ. */
	rules_settings_default(&rs);
	rs.return_months_before = 6;
	rs.return_months_after = 5;
	if (check_event_date(rec->on, hr->p->facts.dob, hr->today, &why) != 0)
		return handover_row_bad(hr, why, "birthday return B%d",
		    rec->number);
	if (returns_record_check(rec, &why) != 0)
		return handover_row_bad(hr, why, "birthday return B%d",
		    rec->number);
	/* From its window opening to a year after the birthday (late). */
	returns_window(hr->p->facts.dob, rec->age, &rs, &w);
	if (!returns_in_reach(&w, rec->on))
		return handover_row_bad(hr, xstrdup("it was recorded outside "
		    "its birthday's window"), "birthday return B%d",
		    rec->number);
	if (rec->struck_on != DATE_NONE && (rec->struck_on < rec->on ||
	    rec->struck_on > hr->today))
		return handover_row_bad(hr, xstrdup("it was struck out before "
		    "it was recorded, or in the future"), "birthday return B%d",
		    rec->number);
	if (rec->struck_reason != NULL && check_text(rec->struck_reason, 0,
	    CHECK_REASON_MAX, &why) != 0)
		return handover_row_bad(hr, why, "the reason birthday return "
		    "B%d was struck out", rec->number);
	if (rec->struck_on == DATE_NONE) {
		if (hr->returns & bit)
			return handover_row_bad(hr, xstrdup("two returns stand "
			    "for one birthday"), "birthday return B%d",
			    rec->number);
		hr->returns |= bit;
	}
	return 0;
}

/*
 * A safety flag, as 'caseload flag' checks one: its date, its note and
 * the reason it ended (one line, short, no control characters), ended
 * not before it was set nor after today, and at most one current flag
 * of each kind but other.  Errors never name the kind nor give the note.
 */
static int
handover_check_flag(const struct flag *f, void *arg)
{
	struct handover_rows *hr = arg;
	struct flag current;
	char *why = NULL;
	unsigned bit = 1U << f->kind;

	if (flag_check_new(f->kind, f->note, f->set_on, hr->p->facts.dob,
	    hr->today, NULL, 0, &why) != 0)
		return handover_row_bad(hr, why, "flag F%d", f->number);
	if (f->ended_on != DATE_NONE) {
		current = *f;
		current.ended_on = DATE_NONE;
		if (flag_check_end(&current, f->ended_on, hr->today,
		    &why) != 0)
			return handover_row_bad(hr, why, "the end of flag F%d",
			    f->number);
		if (f->ended_reason != NULL && check_text(f->ended_reason, 0,
		    CHECK_REASON_MAX, &why) != 0)
			return handover_row_bad(hr, why, "the reason flag F%d "
			    "ended", f->number);
	} else if (f->kind != FLAG_OTHER && (hr->kinds & bit) != 0)
		return handover_row_bad(hr, xstrdup("a young person has at most "
		    "one current flag of each kind but other"), "flag F%d",
		    f->number);
	else
		hr->kinds |= bit;
	hr->flag = f->number;
	if (store_flag_notes_each(hr->ho, f->id, handover_check_flag_note, hr,
	    &why) != 0)
		return handover_row_bad(hr, why, "the notes of flag F%d",
		    f->number);
	return hr->failed;
}

/* A young person's details, as add and edit check what is typed. */
static int
handover_check_details(struct handover_rows *hr)
{
	static const char *const fields[][2] = {
		{ "name", "their name" },
		{ "dob", "their date of birth" },
		{ "allocated", "their allocation date" },
		{ "interval", "their contact interval" },
	};
	const struct person *p = hr->p;
	const char *field = "";
	char *why = NULL;
	size_t i;

	if (check_person(p, hr->today, DATE_NONE, &field, &why) != 0) {
		for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
			if (strcmp(field, fields[i][0]) == 0)
				break;
		}
		return handover_row_bad(hr, why, "%s", i < sizeof fields /
		    sizeof fields[0] ? fields[i][1] : "their details");
	}
	if (p->preferred_name != NULL && check_text(p->preferred_name, 0,
	    CHECK_NAME_MAX, &why) != 0)
		return handover_row_bad(hr, why, "their preferred name");
	if (p->phone != NULL && check_text(p->phone, 0, CHECK_PHONE_MAX,
	    &why) != 0)
		return handover_row_bad(hr, why, "their phone number");
	/* check_email's message quotes the address: say it in other words. */
	if (p->email != NULL && (check_text(p->email, 0, CHECK_EMAIL_MAX,
	    &why) != 0 || check_email(p->email, &why) != 0)) {
		if (why == NULL || strchr(why, '@') != NULL ||
		    strstr(why, p->email) != NULL) {
			free(why);
			why = xstrdup("it is not an email address (expected "
			    "name@example.org)");
		}
		return handover_row_bad(hr, why, "their email address");
	}
	if (p->address != NULL && check_text(p->address, 1, CHECK_ADDRESS_MAX,
	    &why) != 0)
		return handover_row_bad(hr, why, "their address");
	return 0;
}

/* What handover_check_person needs, and the first refusal. */
struct handover_people {
	struct store	*ho;
	date_t		 today;
	char		*cause;		/* the refusal, or a failure */
	int		 seen;
};

/* One young person of the file, their details and their history. */
static int
handover_check_person(const struct person *p, void *arg)
{
	struct handover_people *hp = arg;
	struct handover_rows hr;
	char *cause = NULL;

	memset(&hr, 0, sizeof hr);
	hr.ho = hp->ho;
	hr.p = p;
	hr.today = hp->today;
	hr.first = DATE_NONE;
	hp->seen++;
	if (handover_check_details(&hr) == 0 &&
	    store_status_each(hr.ho, p->id, handover_check_status, &hr,
	    &cause) == 0 && !hr.failed &&
	    store_contacts_each(hr.ho, p->id, handover_check_contact, &hr,
	    &cause) == 0 && !hr.failed &&
	    store_letters_each(hr.ho, p->id, handover_check_entry, &hr,
	    &cause) == 0 && !hr.failed &&
	    store_reviews_each(hr.ho, p->id, handover_check_entry, &hr,
	    &cause) == 0 && !hr.failed &&
	    store_flags_each(hr.ho, p->id, handover_check_flag, &hr,
	    &cause) == 0 && !hr.failed &&
	    store_actions_each(hr.ho, p->id, handover_check_action, &hr,
	    &cause) == 0 && !hr.failed &&
	    store_accommodation_each(hr.ho, p->id,
	    handover_check_accommodation, &hr, &cause) == 0 && !hr.failed &&
	    store_returns_each(hr.ho, p->id, handover_check_return, &hr,
	    &cause) == 0 && !hr.failed)
		return 0;
	if (hr.failed) {
		free(cause);
		hp->cause = xasprintf("%s holds details caseload does not "
		    "accept: young person %ld in the file, %s: %s",
		    hp->ho->path, p->id, hr.what, hr.why);
	} else
		hp->cause = cause;
	free(hr.what);
	free(hr.why);
	return 1;
}

/*
 * Every young person of the file and their history against the checks
 * on typed input, on today: 0, or -1 with *cause saying who (by their
 * number in the file), which record and what is wrong.
 */
static int
handover_check_records(struct store *ho, date_t today, int people,
    char **cause)
{
	struct handover_people hp;

	if (handover_check_kinds(ho, cause) != 0)
		return -1;
	memset(&hp, 0, sizeof hp);
	hp.ho = ho;
	hp.today = today;
	if (store_people_each(ho, STORE_EVERYONE, handover_check_person, &hp,
	    cause) != 0)
		return -1;
	if (hp.cause != NULL) {
		if (cause != NULL)
			*cause = hp.cause;
		else
			free(hp.cause);
		return -1;
	}
	/* Someone whose status the lists cannot read would be left out. */
	if (hp.seen != people)
		return xfail(cause, "%s holds details caseload does not accept: "
		    "%d of its %d young people cannot be read; ask for the file "
		    "again", ho->path, people - hp.seen, people);
	return 0;
}

/*
 * The handover file undamaged: SQLite's integrity check passes and no
 * history is without its young person.  0, or -1 with *cause.
 */
static int
handover_check_sound(struct store *ho, char **cause)
{
	sqlite3_stmt *stmt;
	const char *row;
	char *first = NULL;
	int rc;

	if (sqlite3_prepare_v2(ho->db, "PRAGMA integrity_check", -1, &stmt,
	    NULL) != SQLITE_OK)
		return xfail(cause, "%s is damaged (%s); ask for the file again",
		    ho->path, sqlite3_errmsg(ho->db));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		row = (const char *)sqlite3_column_text(stmt, 0);
		if (row != NULL && strcmp(row, "ok") != 0 && first == NULL)
			first = xstrdup(row);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE || first != NULL) {
		xfail(cause, "%s is damaged (%s); ask for the file again",
		    ho->path, first != NULL ? first : sqlite3_errmsg(ho->db));
		free(first);
		return -1;
	}
	if (sqlite3_prepare_v2(ho->db, "PRAGMA foreign_key_check", -1, &stmt,
	    NULL) != SQLITE_OK)
		return store_fail(ho, cause, "checking the handover");
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return xfail(cause, "%s is damaged (history without its young "
		    "person); ask for the file again", ho->path);
	return 0;
}

/*
 * Read what the handover file says of itself into info (its schema, who
 * made it, the counts of what it holds) and check that it holds that:
 * somebody, and as many of each record.  0 with *people set to the
 * young people it holds, or -1 with *cause.
 */
static int
handover_check_counts(struct store *ho, struct store_handover_info *info,
    int *people, char **cause)
{
	size_t i;
	char *sql;
	int rc, n;

	if (handover_int(ho, "PRAGMA user_version", &info->schema, cause) != 0 ||
	    handover_read_info(ho, info, cause) != 0 ||
	    handover_int(ho, "SELECT count(*) FROM people", &n, cause) != 0)
		return -1;
	if (n == 0 && info->counts.people == 0)
		return xfail(cause, "%s holds nobody: there is no young person "
		    "in it to import; ask for the file again, made with "
		    "'caseload handover export REF... -o FILE'", ho->path);
	if (n != info->counts.people)
		return xfail(cause, "%s is not complete: it should hold %d "
		    "young people and holds %d; ask for the file again",
		    ho->path, info->counts.people, n);
	for (i = 0; i < HANDOVER_TABLES; i++) {
		if (info->schema < handover_tables[i].since)
			continue;
		sql = xasprintf("SELECT count(*) FROM %s",
		    handover_tables[i].name);
		rc = handover_int(ho, sql, (int *)((char *)&info->counts +
		    handover_tables[i].count_offset), cause);
		free(sql);
		if (rc != 0)
			return -1;
	}
	*people = n;
	return 0;
}

/*
 * Every young person's summary in the handover file agrees with their
 * history.  0, or -1 with *cause.
 */
static int
handover_check_summaries(struct store *ho, char **cause)
{
	struct handover_check hc;

	memset(&hc, 0, sizeof hc);
	hc.ho = ho;
	if (store_people_each(ho, STORE_EVERYONE, handover_agrees, &hc,
	    cause) != 0)
		return -1;
	if (hc.cause != NULL) {
		if (cause != NULL)
			*cause = hc.cause;
		else
			free(hc.cause);
		return -1;
	}
	if (hc.bad)
		return xfail(cause, "%s is damaged (a young person's summary "
		    "does not agree with their history); ask for the file "
		    "again", ho->path);
	return 0;
}

int
store_handover_open(const char *path, date_t today, struct store **out,
    struct store_handover_info *info, char **cause)
{
	struct store *ho;
	int n;

	*out = NULL;
	memset(info, 0, sizeof *info);
	if (handover_sniff(path, cause) != 0)
		return -1;

	ho = xcalloc(1, sizeof *ho);
	ho->path = xstrdup(path);
	store_one_thread();
	if (sqlite3_open_v2(path, &ho->db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		if (ho->db != NULL)
			store_fail(ho, cause, "opening the handover");
		else
			xfail(cause, "cannot open %s", path);
		goto fail;
	}
	sqlite3_extended_result_codes(ho->db, 1);
	if (store_exec(ho, "PRAGMA trusted_schema = OFF", cause) != 0 ||
	    store_exec(ho, "PRAGMA query_only = ON", cause) != 0)
		goto fail;

	/* Exactly the tables a handover has: no trigger or view of anyone's. */
	if (handover_int(ho, "PRAGMA user_version", &n, cause) != 0 ||
	    store_schema_refuse(ho->db, path, n, handover_table, cause) != 0)
		goto fail;
	ho->version = n;	/* read as it is: the SQL follows its schema */
	if (handover_check_sound(ho, cause) != 0 ||
	    handover_check_counts(ho, info, &n, cause) != 0 ||
	    handover_check_summaries(ho, cause) != 0 ||
	    handover_check_records(ho, today, n, cause) != 0)
		goto fail;
	*out = ho;
	return 0;

fail:
	store_close(ho);
	return -1;
}

/*
 * Tidy the names of young person id, just copied in, as typed names are
 * tidied (text_squeeze): a file from an older caseload may hold names
 * with spaces at the ends or runs of spaces inside.
 */
static int
handover_tidy_names(struct store *st, long id, char **cause)
{
	static const char select_sql[] =
	    "SELECT name, preferred_name FROM people WHERE id = ?1";
	static const char update_sql[] =
	    "UPDATE people SET name = ?2, preferred_name = ?3 WHERE id = ?1";
	sqlite3_stmt *stmt;
	const char *s;
	char *name = NULL, *preferred = NULL;
	int rc = -1, changed = 0;

	if ((stmt = store_prepare(st, select_sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_fail(st, cause, "writing the handover");
		store_done(stmt);
		return -1;
	}
	if ((s = store_column_text(stmt, 0)) != NULL) {
		name = text_squeeze(xstrdup(s));
		changed |= strcmp(name, s) != 0;
	}
	if ((s = store_column_text(stmt, 1)) != NULL) {
		preferred = text_squeeze(xstrdup(s));
		changed |= strcmp(preferred, s) != 0;
	}
	store_done(stmt);
	if (preferred != NULL && *preferred == '\0') {
		free(preferred);
		preferred = NULL;
		changed = 1;
	}
	/* Tidy already, as names written by this caseload are. */
	if (!changed) {
		rc = 0;
		goto out;
	}
	if ((stmt = store_prepare(st, update_sql, cause)) == NULL)
		goto out;
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, name);
	store_bind_text(stmt, 3, preferred);
	if (sqlite3_step(stmt) == SQLITE_DONE)
		rc = 0;
	else
		store_fail(st, cause, "writing the handover");
	store_done(stmt);
out:
	free(name);
	free(preferred);
	return rc;
}

/* The numbers of the young people in a handover, in order. */
struct handover_ids {
	long	*ids;
	size_t	 n;
};

static int
handover_collect(const struct person *p, void *arg)
{
	struct handover_ids *hi = arg;

	hi->ids = xreallocarray(hi->ids, hi->n + 1, sizeof *hi->ids);
	hi->ids[hi->n++] = p->id;
	return 0;
}

int
store_handover_import(struct store *st, struct store *ho, long **ids,
    size_t *n, store_progress_cb progress, void *arg, char **cause)
{
	struct handover_ids from = { NULL, 0 };
	long *to;
	size_t i, t;
	int rows;

	*ids = NULL;
	*n = 0;
	/*
	 * The file is read in one read transaction: otherwise each of its
	 * statements takes and drops a lock, looks for a journal and reads
	 * its first page again (500,000 system calls for 10,000 people).
	 */
	if (sqlite3_exec(ho->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(ho, cause, "reading the handover file");
	to = NULL;
	if (store_people_each(ho, STORE_EVERYONE, handover_collect, &from,
	    cause) != 0)
		goto fail_nobegin;
	to = xcalloc(from.n + 1, sizeof *to);
	if (store_begin(st, cause) != 0)
		goto fail_nobegin;
	for (i = 0; i < from.n; i++) {
		rows = 0;
		if (handover_copy(ho, people_import_select, from.ids[i], st,
		    people_import_insert, 0, &rows, cause) != 0)
			goto fail;
		if (rows != 1) {
			xfail(cause, "%s changed while it was read", ho->path);
			goto fail;
		}
		to[i] = (long)sqlite3_last_insert_rowid(st->db);
		if (handover_tidy_names(st, to[i], cause) != 0)
			goto fail;
		for (t = 0; t < HANDOVER_TABLES; t++) {
			if (ho->version < handover_tables[t].since)
				continue;
			if (handover_copy(ho, ho->version <
			    handover_tables[t].old_before &&
			    handover_tables[t].import_select_old != NULL ?
			    handover_tables[t].import_select_old :
			    handover_tables[t].import_select,
			    from.ids[i], st, handover_tables[t].import_insert,
			    to[i], &rows, cause) != 0)
				goto fail;
		}
		/* The next contact date is this caseload's to work out. */
		if (store_refresh_person(st, to[i], cause) != 0)
			goto fail;
		if (progress != NULL)
			progress(i + 1, from.n, arg);
	}
	if (store_commit(st, cause) != 0)
		goto fail_nobegin;
	sqlite3_exec(ho->db, "COMMIT", NULL, NULL, NULL);
	free(from.ids);
	*ids = to;
	*n = from.n;
	return 0;

fail:
	store_rollback(st);
fail_nobegin:
	sqlite3_exec(ho->db, "ROLLBACK", NULL, NULL, NULL);
	free(from.ids);
	free(to);
	return -1;
}
