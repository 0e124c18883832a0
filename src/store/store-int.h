/* SPDX-License-Identifier: MIT */
/*
 * store-int.h: what the store's own files share; nobody else includes it.
 */
#ifndef CASELOAD_STORE_INT_H
#define CASELOAD_STORE_INT_H

#include <sqlite3.h>
#include <time.h>

#include "date.h"
#include "store.h"
#include "target.h"

#define STORE_CACHE_SIZE 128

/*
 * SQLite's page cache, in KiB: 8 MiB, so that the lists of a large
 * caseload read each page once; and for a batch of young people (an
 * import), enough to hold what it writes, so that pages are not written
 * out and read back before commit, and each index it builds is sorted in
 * memory rather than in temporary files.
 */
#define STORE_PAGE_CACHE_KIB 8192	/* store_set_cache may change it */
#define STORE_BATCH_CACHE_KIB 131072

/* "CSLD": marks the file as a caseload database (PRAGMA application_id). */
#define STORE_APPLICATION_ID 0x43534c44


/*
 * The first schema whose letters and reviews can be struck out (its
 * migration in store.c says so): older handover files, read as they are,
 * have no such columns.
 */
#define STORE_VERSION_STRUCK_ENTRIES 3
/* The schema that keeps the most urgent item, its kind and the attempts. */
#define STORE_VERSION_URGENT 4
/* The first schema with safety flags and a contact's place. */
#define STORE_VERSION_FLAGS 7
/* The first schema with notes and the people around a young person. */
#define STORE_VERSION_AROUND 8
/* The first schema with agreed actions. */
#define STORE_VERSION_ACTIONS 9
/* The schema that keeps the accommodation history. */
#define STORE_VERSION_ACCOMMODATION 10
/* The first schema with birthday returns (its migration in store.c). */
#define STORE_VERSION_RETURNS 11

/* "CSLH": marks a handover file, which is never opened as a caseload. */
#define STORE_HANDOVER_ID 0x43534c48

struct store {
	sqlite3		*db;
	char		*path;
	unsigned	 flags;		/* STORE_READ_ONLY, STORE_AS_IS */
	int		 memory;	/* a copy in memory: nothing reaches the file */
	int		 depth;		/* transaction nesting */
	int		 interval_weeks; /* the default next_due is kept with,
					  * read again as each write begins */
	int		 want_weeks;	/* the default the settings ask for (0:
					  * none given); a write brings the
					  * kept dates to it */
	int		 first_days;	/* the [contact] first_contact_days
					  * next_due is kept with (-1: the
					  * file does not say) */
	int		 want_first;	/* the one the settings ask for */
	int		 letter_months;	/* the letter and review intervals */
	int		 review_months;	/* the kept dates are worked out with */
	int		 want_letter;	/* the ones the settings ask for */
	int		 want_review;
	int		 version;	/* the schema version of the file */
	int		 settling;	/* a read-only store's copy in memory is
					  * being brought up to date */
	struct {
		const char	*sql;	/* the static string it came from */
		sqlite3_stmt	*stmt;
	} cache[STORE_CACHE_SIZE];
	char		**aside;	/* the indexes a batch dropped, to */
	size_t		  naside;	/* make again (store_people_batch_end) */
	long		  batch_cache;	/* a batch's page cache is in use:
					 * PRAGMA cache_size before it */
	unsigned char	  random[1024];	/* random bytes for new UUIDs, */
	size_t		  nrandom;	/* of which the first nrandom unused */
	time_t		  stamp_at;	/* the second stamp was written for */
	char		  stamp[24];	/* store_stamp's answer */
};

/*
 * caseload calls SQLite from one thread only, so SQLite need take no
 * locks of its own around every statement, allocation and page (about 5%
 * of a large import).  Call before opening a connection: it takes effect
 * before SQLite's first, and SQLite keeps what it has after that.
 */
void store_one_thread(void);

/*
 * Forget the indexes a batch set aside (after a rollback or on close),
 * and give back the page cache it took.
 */
void store_aside_free(struct store *st);

/*
 * A prepared statement for sql, which must be a string literal (it is
 * cached by its address).  Reset and unbound after use with store_done.
 * Returns NULL with *cause set on failure.
 */
sqlite3_stmt *store_prepare(struct store *st, const char *sql, char **cause);
void store_done(sqlite3_stmt *stmt);

/*
 * An SQL condition: the name or preferred name of a row holds the folded
 * text in parameter P (a fold, text_fold, bound by the caller), as
 * text_contains matches.
 */
#define STORE_NAME_HOLDS(P) \
	"(instr(caseload_fold(name), " P ") > 0" \
	" OR instr(caseload_fold(preferred_name), " P ") > 0)"

/*
 * The due list needs no contact details; these columns are all in the
 * index people_due, so it is read from the index alone.
 */
#define DUE_COLUMNS \
	"id, uuid, name, preferred_name, dob, NULL, NULL, NULL," \
	" interval_weeks, allocated_on, status, status_since, last_contact," \
	" last_letter, last_review, attempts"

/* Whether the young person of a row of people has a current safety flag,
 * as a column named flagged. */
#define STORE_FLAGGED \
	"EXISTS (SELECT 1 FROM flags WHERE flags.person_id = people.id" \
	" AND flags.ended_on IS NULL) AS flagged"

/* The flagged column of a row (STORE_FLAGGED, after column 15), or 0. */
int store_column_flagged(sqlite3_stmt *stmt);

/*
 * Fill p from a row of a young person's columns (as DUE_COLUMNS, from
 * column 0); its strings point into the row.
 */
void store_read_person(sqlite3_stmt *stmt, struct person *p);

/*
 * Add caseload's SQL functions to the connection: caseload_fold(text),
 * the fold of a name (text_fold) for searches.
 */
int store_add_functions(struct store *st, char **cause);

/* Set *cause from the database's last error, doing what; returns -1. */
int store_fail(struct store *st, char **cause, const char *doing);

/*
 * Step stmt (prepared and bound) for its one row and read its first
 * column into *out; resets stmt.  -1 with *cause saying what failed,
 * doing what (as for store_fail).
 */
int store_step_long(struct store *st, sqlite3_stmt *stmt, long *out,
    const char *doing, char **cause);

/*
 * Step stmt (prepared and bound, inside the caller's store_begin), which
 * must change exactly one row.  0 when it did; otherwise roll back and
 * return -1 with *cause: the database's error (doing what, as for
 * store_fail), or missing when no row was changed.  Does not commit.
 */
int store_write_one(struct store *st, sqlite3_stmt *stmt, const char *doing,
    const char *missing, char **cause);

/*
 * Add open action a inside the caller's transaction (store_action_add
 * without its own): sets a->id and a->number.  Does not roll back.
 */
int store_action_insert(struct store *st, struct action *a, char **cause);

/* What store_rows gives each row: 0 goes on, non-zero stops the rows. */
typedef int (*store_row_cb)(sqlite3_stmt *stmt, void *arg);

/*
 * Prepare sql, bind ?1 to id (and ?2 to number, when number > 0), and
 * give each row it finds to row with arg.  Returns how many rows were
 * given (the last being the one that stopped them), or -1 with *cause,
 * doing what (as for store_fail).
 */
int store_rows(struct store *st, const char *sql, long id, int number,
    store_row_cb row, void *arg, const char *doing, char **cause);

/*
 * The numbered rows of a young person, kind by kind (store_numbered).
 * A kind's row function reads the row stmt is on into the kind's struct
 * and gives it to want->cb, the caller's callback as its own type (such
 * as store_return_cb) cast to store_any_cb, with want->arg, returning
 * what it returns; with want->cb NULL it copies the row into want->found
 * instead and returns 1.
 */
typedef void (*store_any_cb)(void);

struct store_want {
	store_any_cb		 cb;
	void			*arg;
	struct store_numbered	 found;
};

struct store_kind_rows {
	int		 version;	/* the first schema that has them */
	const char	*doing;		/* "reading the birthday returns" */
	const char	*numbered;	/* its columns by number: ?1 the
					 * person, ?2 the number (a literal,
					 * as for store_prepare) */
	const char	*strike;	/* strike: ?1 today, ?2 the reason, ?3
					 * the row (NULL: never struck) */
	const char	*striking;	/* "striking out the note" */
	const char	*gone;		/* what a strike that changed no row
					 * says */
	const char	*count;		/* a young person's count of them: ?1
					 * the person */
	const char	*saving;	/* "saving the note" */
	int		 refresh;	/* a strike changes the kept dates */
	int		(*row)(sqlite3_stmt *stmt, struct store_want *want);
};

/*
 * What a kind's row function does when it is to copy the row out: keep
 * row (the copy), its id and when it was struck out (DATE_NONE: not) in
 * want->found, and return 1 to stop at it.
 */
int store_found(struct store_want *want, void *row, long id,
    date_t struck_on);

/*
 * Step stmt, the kind's INSERT of a row of young person person_id
 * (prepared and bound, inside the caller's transaction), and read the
 * new row's id and number (their count of the kind's rows) into *id and
 * *number.  -1 with *cause, saving (as for store_fail); does not roll
 * back.
 */
int store_kind_insert(struct store *st, const struct store_kind_rows *k,
    sqlite3_stmt *stmt, long person_id, long *id, int *number,
    char **cause);

/* The kinds, each defined in its own file. */
extern const struct store_kind_rows store_actions_rows;
extern const struct store_kind_rows store_accommodation_rows;
extern const struct store_kind_rows store_returns_rows;
extern const struct store_kind_rows store_flags_rows;
extern const struct store_kind_rows store_notes_rows;
extern const struct store_kind_rows store_around_rows;

/* Whether st has rows of kind k (an older handover file, read as it is,
 * may not). */
int store_kind_has(const struct store *st, const struct store_kind_rows *k);

/*
 * Give each row of sql (the kind's columns, ?1 bound to id) to cb, the
 * kind's callback cast to store_any_cb, with arg, until it returns
 * non-zero.  0 (none when st has no such rows) or -1.
 */
int store_kind_each(struct store *st, const struct store_kind_rows *k,
    const char *sql, long id, store_any_cb cb, void *arg, char **cause);

/*
 * Copy the first row of sql (the kind's columns, ?1 bound to id and ?2 to
 * number when number > 0) into *out: 0, 1 when there is none, or -1.
 */
int store_kind_one(struct store *st, const struct store_kind_rows *k,
    const char *sql, long id, int number, struct store_numbered *out,
    char **cause);

/*
 * Read the one value of a query of one row and column (a literal, as for
 * store_prepare) into *out.
 */
int store_query_long(struct store *st, const char *sql, long *out,
    char **cause);

/*
 * Step a query of young people's rows (DUE_COLUMNS first), calling cb for
 * each until it returns non-zero; resets stmt.  0, 1 when cb stopped, or
 * -1.
 */
int store_people_run(struct store *st, sqlite3_stmt *stmt,
    store_person_cb cb, void *arg, char **cause);

/* Run SQL with no result rows. */
int store_exec(struct store *st, const char *sql, char **cause);

/*
 * The moment a row is recorded, as the schema's DEFAULT writes it
 * (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'): UTC, to the second), written
 * once a second rather than by SQLite for every row.  Points into st, good
 * until the next call.
 */
const char *store_stamp(struct store *st);

/* Bind a date (NULL for DATE_NONE) or a string (NULL stays NULL). */
int store_bind_date(sqlite3_stmt *stmt, int idx, date_t date);
int store_bind_text(sqlite3_stmt *stmt, int idx, const char *s);

/*
 * Reading a column of a row.  A file may have been edited by hand, so
 * none of these trusts the schema: a NULL where it forbids one, or a
 * value of another type, reads as missing, and never crashes a reader.
 */

/* A date column: DATE_NONE for NULL or anything unreadable. */
date_t store_column_date(sqlite3_stmt *stmt, int col);

/* A text column: NULL for NULL or for a value that is not text. */
const char *store_column_text(sqlite3_stmt *stmt, int col);

/*
 * A text column that caseload never leaves empty (a name, a status): ""
 * where store_column_text would give NULL, so that callers may pass it
 * to strlen and friends.  Points into the row.
 */
const char *store_column_required(sqlite3_stmt *stmt, int col);

/* An integer column: none for NULL, another type or outside [min, max]. */
int store_column_int(sqlite3_stmt *stmt, int col, int min, int max,
    int none);

/*
 * Back the database up into its backups folder as STEM-before-WHY-TIME.db
 * (as before a migration or a restore); sets *made to the path when made
 * is not NULL.
 */
int store_backup_before(struct store *st, const char *why, char **cause);
int store_backup_before_path(struct store *st, const char *why, char **made,
    char **cause);

/* Read again the default interval the file's dates were worked out with. */
int store_reload_interval(struct store *st, char **cause);

/* Migrate the schema again (after a restore brought an older one). */
int store_upgrade(struct store *st, char **cause);

/*
 * Copy the whole of database from over to (SQLite's online backup, in one
 * step, waiting out another writer).  SQLITE_DONE, or SQLite's code of
 * what went wrong (sqlite3_errstr says it in words).
 */
int store_copy_db(sqlite3 *to, sqlite3 *from);

/*
 * What the SQLite header of a file (its first 100 bytes, as
 * sqlite.org/fileformat describes them) says, read before SQLite opens
 * the file, so that no side file appears beside a file that is not ours.
 */
struct store_header {
	int			 sqlite;	/* the magic is there */
	unsigned long		 app;		/* application_id */
	unsigned long		 version;	/* user_version */
	int			 wal;		/* in write-ahead log mode */
	int			 page_ok;	/* a page size SQLite writes */
	long long		 size;		/* the file's, in bytes */
	unsigned long long	 want;		/* the size the header gives, or 0 */
	int			 whole_pages;	/* size is a whole number of pages */
};

/*
 * Read the header of the regular file at path into *h (a file shorter
 * than a header has h->sqlite 0).  -1 with *cause when it cannot be read
 * or is not a regular file.
 */
int store_read_header(const char *path, struct store_header *h,
    char **cause);

/* The first of the problems a check reports, and how many there were. */
struct store_problems {
	char	*first;		/* the caller frees it */
	int	 n;
};

/* A store_problem_cb keeping the first problem in a struct store_problems. */
void store_problem_keep(const char *problem, void *arg);

/*
 * Copy the database into memory and use the copy from now on: whatever is
 * written then never reaches the file (for a read-only store whose dates
 * must be worked out again, or an older schema brought up to date).
 */
int store_to_memory(struct store *st, char **cause);

/*
 * Compare the schema of db (tables, columns, indexes, triggers and views,
 * as sqlite_schema holds them) with the one this caseload makes at schema
 * version, with the statements of extra_sql (NULL: none) added, as a
 * handover file has.  Calls cb (if not NULL) once per difference and
 * returns how many there are, or -1 when the schema could not be read
 * (*cause says why).
 */
int store_schema_compare(sqlite3 *db, int version, const char *extra_sql,
    store_problem_cb cb, void *arg, char **cause);

/*
 * The same, refusing: 0 when the schema is caseload's own, or -1 with
 * *cause naming path and what differs.
 */
int store_schema_refuse(sqlite3 *db, const char *path, int version,
    const char *extra_sql, char **cause);


/* The settings the kept dates are worked out with (as in settings_used). */
struct store_kept {
	int	weeks;		/* [contact] interval_weeks */
	int	first;		/* first_contact_days (-1: the default) */
	int	letter;		/* [letters] interval_months */
	int	review;		/* [reviews] pathway_plan_months */
};

/*
 * Work out the kept dates (next_due, review_due, letter_due, urgent_due
 * and urgent_kind) again for everyone with k, and with attempts 1 the
 * attempts too (inside a transaction).
 */
int store_refresh_all_due(struct store *st, const struct store_kept *k,
    int attempts, char **cause);

/*
 * The next contact date of facts with the store's default interval and
 * first contact days.
 */
date_t store_next_due(const struct store *st, const struct person_facts *f);

/* What a young person's row keeps of their clocks (store_kept_dates). */
struct store_dates {
	date_t		 next_due;	/* contact */
	date_t		 review_due;
	date_t		 letter_due;
	date_t		 urgent_due;	/* the most urgent of them */
	const char	*urgent_kind;	/* its kind's name (NULL: none) */
};

/*
 * Work out young person person_id's statutory visit date as the store
 * keeps it (visit_due with the kept rules, before rules_due_day moves it)
 * from their accommodation and visits, review_due (kept) and last_review:
 * *out, DATE_NONE when they have no visit clock.  0 or -1.
 */
int store_kept_visit(struct store *st, long person_id, date_t review_due,
    date_t last_review, date_t *out, char **cause);

/* Work the kept visit date out again for everyone who has lived in
 * accommodation the local authority provides.  0 or -1. */
int store_refresh_visits(struct store *st, char **cause);

/* The kept dates of facts, by the rules the store keeps them with. */
void store_kept_dates(const struct store *st, const struct person_facts *f,
    struct store_dates *out);

/*
 * The attempts of young person person_id since last seen, by
 * rules_attempts with their facts f, into *out.
 */
int store_attempts(struct store *st, long person_id,
    const struct person_facts *f, int *out, char **cause);

/* Refresh the summary columns of a person from their history. */
int store_refresh_person(struct store *st, long person_id, char **cause);

/* The summary of a person computed afresh from their history. */
struct store_summary {
	enum status	status;
	date_t		status_since;
	date_t		last_contact;
	date_t		last_letter;
	date_t		last_review;
};
int store_summarise(struct store *st, long person_id,
    struct store_summary *out, char **cause);

#endif
