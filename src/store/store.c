/*
 * store.c: opening the database, its schema and migrations, transactions
 * and the statement cache.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-int.h"
#include "xmalloc.h"


/* Wait this long for another copy of caseload to finish writing. */
#define STORE_BUSY_MS 15000

#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
/*
 * A real YYYY-MM-DD date: date() with a modifier rolls 31 February over,
 * and IS (not =) refuses what date() cannot read at all.
 */
#define ISDATE(c) "CHECK (" c " IS date(" c ", '+0 days'))"
#define ISDATE_OR_NULL(c) \
	"CHECK (" c " IS NULL OR " c " IS date(" c ", '+0 days'))"

/*
 * migrations[i] takes a database from schema version i to i + 1.  Never
 * edit a migration that has shipped: add a new one.
 */
static const char *const migrations[] = {
	/* 0 -> 1: the first schema. */
	"PRAGMA application_id = 1129532484;"	/* STORE_APPLICATION_ID */
	"CREATE TABLE people ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),"
	"  name TEXT NOT NULL CHECK (name <> ''),"
	"  preferred_name TEXT,"
	"  dob TEXT NOT NULL " ISDATE("dob") ","
	"  phone TEXT,"
	"  email TEXT,"
	"  address TEXT,"
	"  interval_weeks INTEGER"
	"    CHECK (interval_weeks IS NULL OR interval_weeks BETWEEN 1 AND 52),"
	"  allocated_on TEXT NOT NULL " ISDATE("allocated_on") ","
	"  status TEXT NOT NULL CHECK (status IN ('up', 'down', 'archived')),"
	"  status_since TEXT NOT NULL " ISDATE("status_since") ","
	"  last_contact TEXT " ISDATE_OR_NULL("last_contact") ","
	"  last_letter TEXT " ISDATE_OR_NULL("last_letter") ","
	"  last_review TEXT " ISDATE_OR_NULL("last_review") ","
	"  created_at TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX people_status ON people (status);"
	"CREATE TABLE status_changes ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  status TEXT NOT NULL CHECK (status IN ('up', 'down', 'archived')),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  reason TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX status_changes_person ON status_changes (person_id, on_date);"
	"CREATE TABLE contacts ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  method TEXT NOT NULL CHECK (method IN ('visit', 'phone', 'video',"
	"    'text', 'email', 'letter', 'group', 'other')),"
	"  started_by TEXT NOT NULL CHECK (started_by IN ('worker', 'young-person')),"
	"  attempted INTEGER NOT NULL DEFAULT 0 CHECK (attempted IN (0, 1)),"
	"  note TEXT,"
	"  recorded_at TEXT NOT NULL DEFAULT " NOW ","
	"  struck_on TEXT " ISDATE_OR_NULL("struck_on") ","
	"  struck_reason TEXT"
	") STRICT;"
	"CREATE INDEX contacts_person ON contacts (person_id, on_date);"
	"CREATE TABLE letters ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  sent_on TEXT NOT NULL " ISDATE("sent_on") ","
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX letters_person ON letters (person_id, sent_on);"
	"CREATE TABLE reviews ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  person_id INTEGER NOT NULL REFERENCES people (id),"
	"  on_date TEXT NOT NULL " ISDATE("on_date") ","
	"  recorded_at TEXT NOT NULL DEFAULT " NOW
	") STRICT;"
	"CREATE INDEX reviews_person ON reviews (person_id, on_date);"
	/* The record is never deleted, and a contact only ever gains a strike. */
	"CREATE TRIGGER people_kept BEFORE DELETE ON people BEGIN"
	"  SELECT RAISE(ABORT, 'young people are archived, never deleted'); END;"
	"CREATE TRIGGER status_changes_kept BEFORE DELETE ON status_changes BEGIN"
	"  SELECT RAISE(ABORT, 'status history is never deleted'); END;"
	"CREATE TRIGGER status_changes_fixed BEFORE UPDATE ON status_changes BEGIN"
	"  SELECT RAISE(ABORT, 'status history is never changed'); END;"
	"CREATE TRIGGER contacts_kept BEFORE DELETE ON contacts BEGIN"
	"  SELECT RAISE(ABORT, 'contacts are struck out, never deleted'); END;"
	"CREATE TRIGGER contacts_fixed BEFORE UPDATE ON contacts"
	"  WHEN OLD.struck_on IS NOT NULL OR NEW.struck_on IS NULL"
	"    OR NEW.person_id IS NOT OLD.person_id OR NEW.on_date IS NOT OLD.on_date"
	"    OR NEW.method IS NOT OLD.method OR NEW.started_by IS NOT OLD.started_by"
	"    OR NEW.attempted IS NOT OLD.attempted OR NEW.note IS NOT OLD.note"
	"    OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN"
	"  SELECT RAISE(ABORT, 'a contact can only be struck out, once'); END;"
	"CREATE TRIGGER letters_kept BEFORE DELETE ON letters BEGIN"
	"  SELECT RAISE(ABORT, 'letters sent are never deleted'); END;"
	"CREATE TRIGGER reviews_kept BEFORE DELETE ON reviews BEGIN"
	"  SELECT RAISE(ABORT, 'reviews are never deleted'); END;",

	/*
	 * 1 -> 2: each young person's next contact date, kept beside the
	 * last contact (by the store, with the core's rule) and indexed, so
	 * that the due list and the screens read it in order instead of
	 * judging everyone; and the default interval it was computed with.
	 * store_migrate fills it in after this SQL.
	 */
	"ALTER TABLE people ADD COLUMN next_due TEXT"
	"  " ISDATE_OR_NULL("next_due") ";"
	/* Covering the due list's columns: read in order, from the index. */
	"CREATE INDEX people_due ON people (status, next_due, id, name,"
	"  preferred_name, dob, allocated_on, status_since, interval_weeks,"
	"  last_contact, last_letter, last_review, uuid);"
	"CREATE TABLE settings_used ("
	"  key TEXT PRIMARY KEY,"
	"  value INTEGER NOT NULL"
	") STRICT;"
	"INSERT INTO settings_used (key, value) VALUES ('interval_weeks', 8);"
};
#define STORE_SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

static int store_load_interval(struct store *, char **);

int
store_schema_version(void)
{
	return STORE_SCHEMA_VERSION;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_fail(struct store *st, char **cause, const char *doing)
{
	int code = sqlite3_extended_errcode(st->db);
	const char *msg = sqlite3_errmsg(st->db);

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xfail(cause, "%s: %s is busy: another copy of caseload "
		    "kept it locked for too long; try again", doing, st->path);
	case SQLITE_READONLY:
		return xfail(cause, "%s: %s is read-only; check its permissions "
		    "and those of its folder", doing, st->path);
	case SQLITE_FULL:
		return xfail(cause, "%s: the disk is full; free some space and "
		    "try again (nothing was saved)", doing);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return xfail(cause, "%s: %s is damaged (%s); run 'caseload check' "
		    "and restore a backup", doing, st->path, msg);
	case SQLITE_IOERR:
		if (code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC ||
		    code == SQLITE_IOERR_TRUNCATE || code == SQLITE_IOERR_SHMSIZE)
			return xfail(cause, "%s: cannot write %s (%s): the disk "
			    "may be full; free some space and try again (nothing "
			    "was saved)", doing, st->path, msg);
		return xfail(cause, "%s: cannot read or write %s (%s)", doing,
		    st->path, msg);
	case SQLITE_CANTOPEN:
		return xfail(cause, "%s: cannot open %s (%s); check that its "
		    "folder exists and that you may write there", doing,
		    st->path, msg);
	}
	return xfail(cause, "%s: %s", doing, msg);
}

int
store_exec(struct store *st, const char *sql, char **cause)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, cause, "database");
	return 0;
}

sqlite3_stmt *
store_prepare(struct store *st, const char *sql, char **cause)
{
	sqlite3_stmt *stmt;
	size_t i;

	for (i = 0; i < STORE_CACHE_SIZE; i++) {
		if (st->cache[i].sql == sql)
			return st->cache[i].stmt;
		if (st->cache[i].sql == NULL)
			break;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &stmt, NULL) != SQLITE_OK) {
		store_fail(st, cause, "database");
		return NULL;
	}
	if (i == STORE_CACHE_SIZE) {
		/* Every statement is a literal, so this is a caseload bug. */
		sqlite3_finalize(stmt);
		xfail(cause, "database: more statements than the cache holds");
		return NULL;
	}
	st->cache[i].sql = sql;
	st->cache[i].stmt = stmt;
	return stmt;
}

void
store_done(sqlite3_stmt *stmt)
{
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

int
store_bind_date(sqlite3_stmt *stmt, int idx, date_t date)
{
	char iso[DATE_ISO_SIZE];

	if (date == DATE_NONE)
		return sqlite3_bind_null(stmt, idx);
	date_format_iso(date, iso);
	return sqlite3_bind_text(stmt, idx, iso, -1, SQLITE_TRANSIENT);
}

int
store_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_STATIC);
}

date_t
store_column_date(sqlite3_stmt *stmt, int col)
{
	const char *s = store_column_text(stmt, col);
	date_t d;

	if (s == NULL || date_parse_iso(s, &d) != 0)
		return DATE_NONE;
	return d;
}

const char *
store_column_text(sqlite3_stmt *stmt, int col)
{
	/*
	 * Only text is text: a number or a blob where caseload writes text
	 * (a file edited by hand) reads as missing, not as its digits or
	 * its bytes.
	 */
	if (sqlite3_column_type(stmt, col) != SQLITE_TEXT)
		return NULL;
	return (const char *)sqlite3_column_text(stmt, col);
}

const char *
store_column_required(sqlite3_stmt *stmt, int col)
{
	const char *s = store_column_text(stmt, col);

	return s != NULL ? s : "";
}

int
store_column_int(sqlite3_stmt *stmt, int col, int min, int max, int none)
{
	sqlite3_int64 v;

	if (sqlite3_column_type(stmt, col) != SQLITE_INTEGER)
		return none;
	v = sqlite3_column_int64(stmt, col);
	return v < min || v > max ? none : (int)v;
}

int
store_begin(struct store *st, char **cause)
{
	char sql[32];

	if (st->depth == 0) {
		if (store_exec(st, "BEGIN IMMEDIATE", cause) != 0)
			return -1;
		/*
		 * Another copy of caseload, with other settings, may have
		 * worked every next_due out again since this one read the
		 * interval: write with the one the file holds now (once the
		 * schema has it).
		 */
		if (st->interval_weeks > 0 &&
		    store_load_interval(st, cause) != 0) {
			store_exec(st, "ROLLBACK", NULL);
			return -1;
		}
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT s%d", st->depth);
		if (store_exec(st, sql, cause) != 0)
			return -1;
	}
	st->depth++;
	return 0;
}

int
store_commit(struct store *st, char **cause)
{
	char sql[32];

	if (st->depth == 0)
		return xfail(cause, "database: commit without a transaction");
	if (st->depth == 1) {
		if (store_exec(st, "COMMIT", cause) != 0) {
			store_rollback(st);
			return -1;
		}
	} else {
		snprintf(sql, sizeof sql, "RELEASE s%d", st->depth - 1);
		if (store_exec(st, sql, cause) != 0) {
			store_rollback(st);
			return -1;
		}
	}
	st->depth--;
	return 0;
}

void
store_rollback(struct store *st)
{
	char sql[64];

	if (st->depth == 0)
		return;
	st->depth--;
	if (st->depth == 0)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	else {
		snprintf(sql, sizeof sql, "ROLLBACK TO s%d; RELEASE s%d",
		    st->depth, st->depth);
		sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	}
}

/* Create the missing folders of path's directory, mode 0700. */
static int
store_make_dirs(const char *path, char **cause)
{
	char *dir = xstrdup(path), *p;
	struct stat sb;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (stat(dir, &sb) != 0) {
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				xfail(cause, "cannot create the folder %s: %s", dir,
				    strerror(errno));
				free(dir);
				return -1;
			}
		} else if (!S_ISDIR(sb.st_mode)) {
			xfail(cause, "%s is not a folder", dir);
			free(dir);
			return -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return 0;
}

int
store_step_long(struct store *st, sqlite3_stmt *stmt, long *out,
    const char *doing, char **cause)
{
	int rc;

	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(stmt, 0);
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, cause, doing);
	return 0;
}

int
store_query_long(struct store *st, const char *sql, long *out, char **cause)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, cause);

	if (stmt == NULL)
		return -1;
	return store_step_long(st, stmt, out, "reading the database", cause);
}

/* The same, for a value that fits an int. */
static int
store_query_int(struct store *st, const char *sql, int *out, char **cause)
{
	long value = 0;

	if (store_query_long(st, sql, &value, cause) != 0)
		return -1;
	*out = (int)value;
	return 0;
}

/* Check that the file is caseload's and not from a newer caseload. */
static int
store_check_version(struct store *st, int *version, char **cause)
{
	int app, tables;

	if (store_query_int(st, "PRAGMA user_version", version, cause) != 0 ||
	    store_query_int(st, "PRAGMA application_id", &app, cause) != 0 ||
	    store_query_int(st, "SELECT count(*) FROM sqlite_schema", &tables,
	    cause) != 0)
		return -1;
	if (*version == 0 && tables != 0)
		return xfail(cause, "%s is a SQLite database, but not caseload's; "
		    "give another file with --db", st->path);
	if (*version != 0 && app != STORE_APPLICATION_ID)
		return xfail(cause, "%s is not a caseload database; give another "
		    "file with --db", st->path);
	if (*version > STORE_SCHEMA_VERSION)
		return xfail(cause, "%s was written by a newer caseload (schema "
		    "%d; this one knows up to %d): use the newer caseload, this "
		    "one will not touch it", st->path, *version,
		    STORE_SCHEMA_VERSION);
	return 0;
}

/*
 * Bring the schema to the current version, in one transaction, after a
 * backup of a database that already holds a caseload.
 */
static int
store_migrate(struct store *st, char **cause)
{
	int version;
	char sql[64];

	if (store_check_version(st, &version, cause) != 0)
		return -1;
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (version > 0 && store_backup_before(st, "schema", cause) != 0)
		return -1;
	if (store_begin(st, cause) != 0)
		return -1;
	/* Another copy of caseload may have migrated it meanwhile. */
	if (store_check_version(st, &version, cause) != 0)
		goto fail;
	for (; version < STORE_SCHEMA_VERSION; version++) {
		if (store_exec(st, migrations[version], cause) != 0)
			goto fail;
		/* 1 -> 2 added next_due: work it out for everyone. */
		if (version == 1 && store_refresh_all_due(st, 8, cause) != 0)
			goto fail;
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    STORE_SCHEMA_VERSION);
	if (store_exec(st, sql, cause) != 0)
		goto fail;
	return store_commit(st, cause);

fail:
	store_rollback(st);
	return -1;
}

int
store_upgrade(struct store *st, char **cause)
{
	/* The file may be older than the interval it keeps (restore). */
	st->interval_weeks = 0;
	return store_migrate(st, cause) == 0 ? store_load_interval(st, cause) :
	    -1;
}

/* Read the default interval the next_due dates were worked out with. */
static int
store_load_interval(struct store *st, char **cause)
{
	return store_query_int(st, "SELECT value FROM settings_used"
	    " WHERE key = 'interval_weeks'", &st->interval_weeks, cause);
}

int
store_set_rules(struct store *st, const struct rules_settings *settings,
    char **cause)
{
	char sql[96];

	if (settings->interval_weeks == st->interval_weeks)
		return 0;
	if (store_begin(st, cause) != 0)
		return -1;
	snprintf(sql, sizeof sql, "UPDATE settings_used SET value = %d"
	    " WHERE key = 'interval_weeks'", settings->interval_weeks);
	if (store_exec(st, sql, cause) != 0 ||
	    store_refresh_all_due(st, settings->interval_weeks, cause) != 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st, cause) != 0)
		return -1;
	st->interval_weeks = settings->interval_weeks;
	return 0;
}

int
store_open(const char *path, struct store **out, char **cause)
{
	struct store *st;
	struct stat sb;
	int fd, mode, rc;

	*out = NULL;
	if (store_make_dirs(path, cause) != 0)
		return -1;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return xfail(cause, "%s is a folder, not a database file",
			    path);
	} else if (errno == ENOENT) {
		/* Create it 0600 whatever the umask; SQLite's own files follow. */
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return xfail(cause, "cannot create %s: %s", path,
			    strerror(errno));
		if (fd >= 0) {
			fchmod(fd, 0600);
			close(fd);
		}
	} else
		return xfail(cause, "cannot open %s: %s", path, strerror(errno));

	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	mode = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW;
	rc = sqlite3_open_v2(path, &st->db, mode, NULL);
	if (rc != SQLITE_OK) {
		if (st->db != NULL)
			store_fail(st, cause, "opening the database");
		else
			xfail(cause, "cannot open %s", path);
		store_close(st);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	if (store_add_functions(st, cause) != 0)
		goto fail;
	/* A page cache of 8 MiB: lists of a large caseload read each page once. */
	if (store_exec(st, "PRAGMA foreign_keys = ON", cause) != 0 ||
	    store_exec(st, "PRAGMA cache_size = -8192", cause) != 0 ||
	    store_exec(st, "PRAGMA synchronous = FULL", cause) != 0 ||
	    store_exec(st, "PRAGMA trusted_schema = OFF", cause) != 0)
		goto fail;
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		xfail(cause, "%s is read-only; check its permissions and those "
		    "of its folder", path);
		goto fail;
	}
	if (store_migrate(st, cause) != 0 ||
	    store_load_interval(st, cause) != 0)
		goto fail;
	if (store_exec(st, "PRAGMA journal_mode = WAL", cause) != 0)
		goto fail;
	*out = st;
	return 0;

fail:
	store_close(st);
	return -1;
}

int
store_set_cache(struct store *st, int kib, char **cause)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -kib);
	return store_exec(st, sql, cause);
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < STORE_CACHE_SIZE; i++) {
		if (st->cache[i].stmt != NULL)
			sqlite3_finalize(st->cache[i].stmt);
	}
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

int
store_data_version(struct store *st, long *out, char **cause)
{
	return store_query_long(st, "PRAGMA data_version", out, cause);
}
