/* SPDX-License-Identifier: MIT */
/*
 * store.h: the caseload database (SQLite), the only place that speaks SQL.
 *
 * One file holds young people, their status history, contact log, letters
 * and pathway plan reviews.  Every write is one transaction; history rows
 * are added, never overwritten or deleted.  The schema is versioned with
 * PRAGMA user_version and migrated on open.
 *
 * Functions that can fail return 0 on success and -1 on failure with
 * *cause set to a new message (caller frees), unless said otherwise.
 */
#ifndef CASELOAD_STORE_H
#define CASELOAD_STORE_H

#include "accommodation.h"
#include "action.h"
#include "around.h"
#include "returns.h"
#include "date.h"
#include "person.h"
#include "rules.h"
#include "visit.h"

struct store;

/* The schema version this caseload writes (PRAGMA user_version). */
int store_schema_version(void);

/*
 * Open the database at path, creating it (mode 0600, missing folders 0700)
 * and migrating it to the current schema as needed.  Refuses a file that
 * is not a caseload database, was made by a newer caseload, or whose
 * schema is not exactly the one caseload made (an extra trigger or view,
 * a missing table or index, a column changed); and a path that is a
 * symbolic link, a folder, a device, a FIFO or a socket (see
 * store_check_path).  Same as store_open_flags(path, 0, ...).
 */
int store_open(const char *path, struct store **out, char **cause);

/* Flags of store_open_flags. */
#define STORE_READ_ONLY	0x1u	/* never write the file, never create it */
#define STORE_AS_IS	0x2u	/* with STORE_READ_ONLY: take the file as it
				 * is, for store_check to report on: no
				 * migration, no settings applied, a schema
				 * that differs is reported, not refused */

/*
 * Open the database at path as store_open does, or, with STORE_READ_ONLY,
 * for reading alone: the file's bytes are left exactly as they were.  A
 * read-only store whose file is older than this caseload, or whose kept
 * dates were worked out with another interval than store_set_rules asks
 * for, is copied into memory and brought up to date there; with no file
 * at path (and not STORE_AS_IS) it is an empty caseload in memory.
 */
int store_open_flags(const char *path, unsigned flags, struct store **out,
    char **cause);

/*
 * Check a database path before anything is opened or created there: it
 * is not empty, its folder exists (or, with create, may be made), and it
 * is not a symbolic link (SQLite keeps its journal beside the name it is
 * given, so a database reached through a link could be damaged), a
 * folder, a device, a FIFO or a socket.  0, or -1 with *cause saying what
 * to do: the path, not the file, is wrong.
 */
int store_check_path(const char *path, int create, char **cause);

/*
 * Make the folder of the database at path private (0700) if it is the
 * user's own and wider; for caseload's own folder, which nobody else
 * should read.  -1 with *cause when it cannot be.
 */
int store_private_folder(const char *path, char **cause);

/*
 * A number that changes when another connection (another caseload, or
 * sqlite3) commits a change to the database; this connection's own
 * writes leave it alone (PRAGMA data_version).  Cheap enough to ask
 * several times a second, to notice changes made elsewhere.
 */
int store_data_version(struct store *st, long *out, char **cause);

/*
 * Tell the store the rules in force.  Each young person's row keeps the
 * date their next contact is due (worked out by the core's rule with the
 * default interval, so that lists can be read in order from an index).
 * When [contact] interval_weeks has changed since, a read-only store
 * works every date out again in its copy in memory, at once; a store
 * that writes does it in the next write's transaction (so that a command
 * refused as bad input writes nothing), or at store_apply_rules.
 */
int store_set_rules(struct store *st, const struct rules_settings *settings,
    char **cause);

/*
 * Bring the kept dates to the rules of store_set_rules now, in a
 * transaction of their own, if they differ (for the screens, which read
 * the lists before anything is written).
 */
int store_apply_rules(struct store *st, char **cause);

/* 1 when the store never writes its file (STORE_READ_ONLY). */
int store_read_only(const struct store *st);

/*
 * Keep at most kib KiB of the database's pages in memory (PRAGMA
 * cache_size; store_open sets 8 MiB, for commands that go through a large
 * caseload).  The screens, which read a little at a time, keep less:
 * scanning an index then reuses a small cache instead of filling a big
 * one.
 */
int store_set_cache(struct store *st, int kib, char **cause);

/* Close the database; store_close(NULL) does nothing. */
void store_close(struct store *st);

/* The path the store was opened with. */
const char *store_path(const struct store *st);

/*
 * Group several writes into one transaction (nesting is allowed): begin,
 * then commit or roll back.  Each write function is also a transaction of
 * its own, so this is only needed to make several all or nothing.
 */
int store_begin(struct store *st, char **cause);
int store_commit(struct store *st, char **cause);
void store_rollback(struct store *st);

/* Which young people an iteration visits (or together). */
#define STORE_UP	0x1u
#define STORE_DOWN	0x2u
#define STORE_ARCHIVED	0x4u
#define STORE_CURRENT	(STORE_UP | STORE_DOWN)
#define STORE_EVERYONE	(STORE_UP | STORE_DOWN | STORE_ARCHIVED)

/*
 * Callbacks of the iterations below.  The struct and its strings are valid
 * only during the call.  Return 0 to go on, anything else to stop.
 */
typedef int (*store_person_cb)(const struct person *p, void *arg);
typedef int (*store_contact_cb)(const struct contact *c, void *arg);
typedef int (*store_flag_cb)(const struct flag *f, void *arg);
typedef int (*store_accommodation_cb)(const struct accommodation *a,
    void *arg);
typedef int (*store_note_cb)(const struct around_note *n, void *arg);
typedef int (*store_around_cb)(const struct around_person *a, void *arg);
typedef int (*store_flag_note_cb)(const struct flag_note *n, void *arg);
typedef int (*store_status_cb)(const struct status_change *s, void *arg);
typedef int (*store_date_cb)(long id, date_t on, void *arg);
typedef int (*store_entry_cb)(const struct entry *e, void *arg);

/* Visit the young people whose status is in which, by number. */
int store_people_each(struct store *st, unsigned which, store_person_cb cb,
    void *arg, char **cause);

/*
 * Visit the young people whose status is in which and whose name or
 * preferred name holds text, ignoring case, accents and normalisation
 * form as text_contains does, by number.
 */
int store_people_named(struct store *st, unsigned which, const char *text,
    store_person_cb cb, void *arg, char **cause);

/*
 * Visit at most limit young people a REF being typed could mean, for
 * completion: when text is digits (or empty), those whose number starts
 * with them; else those whose name or preferred name holds text, as
 * store_people_named.  People not archived first, then archived ones,
 * each by number.  Read in the table's order and stopped at limit, so
 * that the whole caseload is read only when few match.
 */
int store_people_complete(struct store *st, const char *text, int limit,
    store_person_cb cb, void *arg, char **cause);

/*
 * Visit young people in the order of the due list, reading it from an
 * index: first, when which has STORE_UP, the stepped-up young people by
 * their next contact date (the date kept in their row), then by number,
 * only those due on or before until (DATE_NONE: all); then the others in
 * which (stepped down, archived) by number.  Only what lists show is
 * read: the contact details (phone, email, address) are NULL.
 */
int store_people_due_each(struct store *st, unsigned which, date_t until,
    store_person_cb cb, void *arg, char **cause);

/*
 * Reading the caseload list a window at a time (for the screens): young
 * people in the order of their most urgent item (the date kept in their
 * row, whatever its kind and their status), then by number, and those
 * with nothing due by number; the rows that match a query, counted, a
 * page before or after a row, or one row, each read from the index
 * people_urgent without going through the rest of the list.
 */
struct store_due_query {
	unsigned	 which;		/* STORE_UP ...: whose rows */
	/*
	 * The most urgent item's kept date (rows_most_urgent) in these
	 * bounds (DATE_NONE: any); with either bound, only the rows with
	 * something due.
	 */
	date_t		 due_from;	/* on or after this */
	date_t		 due_before;	/* before this */
	/*
	 * NULL: no search.  Otherwise only rows whose name or preferred name
	 * holds text, ignoring case and accents (text_contains), or, when
	 * number is not NULL, whose number starts with those digits.
	 */
	const char	*text;
	const char	*number;
	/* NULL: anyone.  Otherwise only those whose latest accommodation
	 * not struck out is of this type (its name, as the database keeps
	 * it). */
	const char	*living;
};

/* A row's place in the due list's order. */
struct store_due_key {
	int	others;		/* 0: something due, by urgent_due, number */
				/* 1: nothing due, by number */
	date_t	due;		/* the kept most urgent date (others 0) */
	long	id;
};

/* Where a page starts, for store_due_page. */
#define STORE_AFTER	0	/* the rows after key (NULL: from the first) */
#define STORE_FROM	1	/* key's row and those after (NULL: first) */
#define STORE_BEFORE	2	/* the rows before key (NULL: from the last) */

/*
 * Callback of the windowed reads: a row (names and facts only, as in
 * store_people_due_each) and its place; both valid only during the
 * call.  Return 0 to go on, anything else to stop.
 */
typedef int (*store_due_cb)(const struct person *p,
    const struct store_due_key *key, void *arg);

/* How many rows match q, into *n. */
int store_due_count(struct store *st, const struct store_due_query *q,
    long *n, char **cause);

/*
 * Visit at most limit rows (limit < 0: all) that match q, from a place
 * in the order (dir STORE_AFTER, STORE_FROM or STORE_BEFORE key): in the
 * list's order, or nearest first, so backwards, for STORE_BEFORE.
 */
int store_due_page(struct store *st, const struct store_due_query *q,
    const struct store_due_key *key, int dir, long limit, store_due_cb cb,
    void *arg, char **cause);

/* Visit young person id's row if it matches q; nothing otherwise. */
int store_due_get(struct store *st, const struct store_due_query *q,
    long id, store_due_cb cb, void *arg, char **cause);

/*
 * How many young people have an item of kind (AGENDA_CONTACT,
 * AGENDA_REVIEW or AGENDA_LETTER) due on or after from and before
 * before (DATE_NONE: no bound), into *n: counted from the index of the
 * date kept for that kind (contacts: the stepped up's next_due).  -1 with
 * *cause for any other kind.
 */
int store_kind_count(struct store *st, enum agenda_kind kind, date_t from,
    date_t before, long *n, char **cause);

/* The highest number a young person has (0 when there is nobody). */
int store_people_last_id(struct store *st, long *out, char **cause);

/*
 * Find someone already recorded who looks like the same young person as
 * p (check_duplicate: the same date of birth and name, ignoring case and
 * accents): *found is their number, or 0 when there is nobody.
 */
int store_person_duplicate(struct store *st, const struct person *p,
    long *found, char **cause);

/*
 * Fetch young person number id into *out, a copy the caller frees with
 * free().  Returns 0, 1 when there is no such person (*out is NULL), or -1.
 */
int store_person_get(struct store *st, long id, struct person **out,
    char **cause);

/*
 * Add a young person from p (name, dob, allocated_on and the optional
 * strings and interval).  They start stepped up on their allocation date,
 * with that first row of status history.  Sets p->id and p->uuid (a new
 * random UUID unless p->uuid is already set).
 */
int store_person_add(struct store *st, struct person *p, char **cause);

/*
 * Add a young person from p as store_person_add does, with at most one
 * contact (on last_contact unless DATE_NONE: by the worker, 'other', with
 * note) and at most one step down after the allocation (on down_on
 * unless DATE_NONE, with note as its reason), and their summary columns
 * worked out from those rows as they are written, for many at a time:
 * only inside the caller's transaction (store_begin), which it neither
 * opens nor closes, so that nothing is undone but by the caller's
 * rollback.  Sets p->id, p->uuid (as store_person_add) and p->facts as
 * saved (status, last contact, attempts...), as store_person_get would
 * read them back.
 */
int store_person_new(struct store *st, struct person *p, date_t last_contact,
    date_t down_on, const char *note, char **cause);

/*
 * Before many store_person_new calls into a caseload they outnumber,
 * inside the caller's transaction: drop the indexes of the tables they
 * fill (people, status_changes, contacts; not the uniqueness of a uuid),
 * keeping their definitions as the file's schema gives them, so that
 * store_people_batch_end builds each once, in order, instead of row by
 * row.  store_people_batch_end puts them back, before the caller
 * commits; a rollback puts them back as the file had them.  Nothing may
 * read the people between the two.  Between the two, the page cache is
 * large enough to hold what a large import writes (STORE_BATCH_CACHE_KIB).
 */
int store_people_batch_begin(struct store *st, char **cause);
int store_people_batch_end(struct store *st, char **cause);

/*
 * Outside a transaction, before a batch that writes far more than the
 * file holds (bulk 1): keep the next transactions safe with a rollback
 * journal instead of the write-ahead log, so that the new pages are
 * written once, to the file, rather than to the log and then copied; an
 * interrupted transaction is still rolled back when the file is next
 * opened.  Only when no other connection has the file open.  Returns 1
 * when it changed the journal, 0 when not (the log stays: nothing is
 * lost but time).  After the batch, bulk 0 puts the write-ahead log back
 * (store_open puts it back too, should this fail).
 */
int store_people_journal(struct store *st, int bulk);

/*
 * Save p's details (names, contact details, dob, allocation date and
 * interval) over those of young person p->id.  The first row of their
 * status history is their allocation: with history 1, its date moves to
 * the allocation date when they differ (the caller checks first that no
 * later row, nor contact, would then come before it); with history 0,
 * and for the rest of the history, nothing in it is touched.
 */
int store_person_update(struct store *st, const struct person *p,
    int history, char **cause);

/* Record a step up, step down or archiving of person_id on a date. */
int store_status_change(struct store *st, long person_id, enum status status,
    date_t on, const char *reason, char **cause);

/* Visit someone's status history, oldest first. */
int store_status_each(struct store *st, long person_id, store_status_cb cb,
    void *arg, char **cause);

/*
 * Add c to the contact log (c->person_id must exist); sets c->id, and
 * c->number to its own number with the young person.
 */
int store_contact_add(struct store *st, struct contact *c, char **cause);

/*
 * The same, with agreed actions a[0..n) (each checked already) added in
 * the same transaction, each belonging to the contact: sets each one's
 * id, contact_id and number.
 */
int store_contact_add_actions(struct store *st, struct contact *c,
    struct action *a, size_t n, char **cause);

/*
 * Fetch contact number id into *out, a copy the caller frees with free().
 * Returns 0, 1 when there is no such contact, or -1.
 */
int store_contact_get(struct store *st, long id, struct contact **out,
    char **cause);

/* Strike out a contact logged by mistake, on a date, with a reason. */
int store_contact_strike(struct store *st, long id, date_t on,
    const char *reason, char **cause);

/*
 * Visit someone's contact log, newest first, each with its own number
 * with them (c->number: the order recorded, as 'strike REF N' takes it).
 */
int store_contacts_each(struct store *st, long person_id, store_contact_cb cb,
    void *arg, char **cause);

/* Record an annual letter sent, or a pathway plan review held. */
int store_letter_add(struct store *st, long person_id, date_t on,
    char **cause);
int store_review_add(struct store *st, long person_id, date_t on,
    char **cause);

/*
 * Visit someone's letters sent, or reviews, newest first, struck out or
 * not, each with its own number with them (e->number, the order recorded:
 * L1, R1...).
 */
int store_letters_each(struct store *st, long person_id, store_entry_cb cb,
    void *arg, char **cause);
int store_reviews_each(struct store *st, long person_id, store_entry_cb cb,
    void *arg, char **cause);

/* How many contacts young person person_id has (struck out or not). */
int store_contact_count(struct store *st, long person_id, int *n,
    char **cause);

/* How many of each kind of entry they have, by enum entry_kind. */
int store_entry_counts(struct store *st, long person_id,
    int counts[ENTRY_KINDS], char **cause);

/*
 * Fetch young person person_id's contact (store_contact_numbered) or
 * letter or review (store_entry_numbered, kind ENTRY_LETTER or
 * ENTRY_REVIEW) number `number` of their own into *out, a copy the caller
 * frees with free().  Returns 0, 1 when they have no such one, or -1.
 */
int store_contact_numbered(struct store *st, long person_id, int number,
    struct contact **out, char **cause);
int store_entry_numbered(struct store *st, long person_id,
    enum entry_kind kind, int number, struct entry **out, char **cause);

/*
 * Strike out the contact, letter or review whose row is id (not a
 * young person's own number), recorded by mistake, on a date, with a
 * reason (NULL: none); it then no longer counts in their summary.  One
 * struck out already is an error.
 */
int store_entry_strike(struct store *st, enum entry_kind kind, long id,
    date_t on, const char *reason, char **cause);

/*
 * Whether a letter to person_id sent on a date is recorded (and not struck
 * out): *found 1 or 0.
 */
int store_letter_sent_on(struct store *st, long person_id, date_t on,
    int *found, char **cause);

/*
 * Visit every contact of everyone dated on or after since (DATE_NONE for
 * all), oldest first, one row at a time; the note is not read (NULL).
 */
int store_contacts_since(struct store *st, date_t since, store_contact_cb cb,
    void *arg, char **cause);

/* ------------------------------------- a young person's numbered rows */

/*
 * The kinds of row a young person has, each numbered of their own in the
 * order recorded (A1, M1, B1, F1, N1, P1), that are read one by number
 * and, for some, struck out the same way.
 */
enum store_kind {
	STORE_KIND_ACTION,		/* agreed actions (struct action) */
	STORE_KIND_ACCOMMODATION,	/* accommodation history (struct
					 * accommodation) */
	STORE_KIND_RETURN,		/* birthday returns (struct
					 * returns_record) */
	STORE_KIND_FLAG,		/* safety flags (struct flag) */
	STORE_KIND_NOTE,		/* notes (struct around_note) */
	STORE_KIND_AROUND,		/* the people around them (struct
					 * around_person) */
	STORE_KINDS
};

/* One row as store_numbered found it. */
struct store_numbered {
	void	*row;		/* a copy of the kind's struct: free() */
	long	 id;		/* its row */
	date_t	 struck_on;	/* when struck out; DATE_NONE when not, or
				 * for a kind never struck out */
};

/*
 * Fetch young person person_id's row number (1 is the first) of kind
 * into *out: 0, 1 when there is none (a file older than the kind has
 * none), or -1; out->row is NULL unless 0.
 */
int store_numbered(struct store *st, enum store_kind kind, long person_id,
    int number, struct store_numbered *out, char **cause);

/*
 * Strike row id of kind (accommodation, a birthday return or a note) of
 * young person person_id out today with a reason (NULL: none), once only;
 * where the kind counts towards their dates (accommodation), they are
 * worked out again.  Fails when it is struck already.
 */
int store_strike(struct store *st, enum store_kind kind, long person_id,
    long id, date_t today, const char *reason, char **cause);

/* ------------------------------------------------------------ safety flags */

/*
 * Visit young person person_id's safety flags, current and ended, in the
 * order set, each with its own number (F1, F2...); stops when cb returns
 * non-zero.  The flag's strings live until cb returns.  A file older than
 * the flags has none.  0 or -1.
 */
int store_flags_each(struct store *st, long person_id, store_flag_cb cb,
    void *arg, char **cause);

/*
 * Visit the notes flag id had before its latest (the flag's note), oldest
 * first; stops when cb returns non-zero.  0 or -1.
 */
int store_flag_notes_each(struct store *st, long id, store_flag_note_cb cb,
    void *arg, char **cause);

/* Set flag f (person_id, kind, note, set_on, set_by: NULL or the worker's
 * name): sets f->id and f->number, and keeps the note as its first. */
int store_flag_add(struct store *st, struct flag *f, char **cause);

/* Change current flag id's note (NULL: none) on a date, written by someone
 * (NULL or "": not known); the note it had is kept.  Fails when it has
 * ended. */
int store_flag_note(struct store *st, long id, const char *note, date_t on,
    const char *by, char **cause);

/* End current flag id on a date with a reason (NULL: none), by someone
 * (NULL or "": not known). */
int store_flag_end(struct store *st, long id, date_t on, const char *reason,
    const char *by, char **cause);

/* Whether young person person_id has a current flag of kind, into *out
 * (however many flags they have).  0 or -1. */
int store_flag_current(struct store *st, long person_id, enum flag_kind kind,
    int *out, char **cause);

/* How many young people not archived have a current flag, into *n. */
int store_flagged_count(struct store *st, int *n, char **cause);

/* ------------------------------------ notes and the people around them */

/*
 * Visit young person person_id's notes, newest first (by date, then as
 * recorded), each with its own number (N1 the first recorded), struck
 * ones too; stops when cb returns non-zero.  Strings live until cb
 * returns.  A file older than notes has none.  0 or -1.
 */
int store_notes_each(struct store *st, long person_id, store_note_cb cb,
    void *arg, char **cause);

/* Add note n (person_id, on, text): sets n->id and n->number. */
int store_note_add(struct store *st, struct around_note *n, char **cause);

/*
 * Visit the people around young person person_id in the order added,
 * each with its own number (P1...), ended ones too; as store_notes_each.
 */
int store_around_each(struct store *st, long person_id, store_around_cb cb,
    void *arg, char **cause);

/* Add a (person_id, role, name, phone, email, note, since): sets a->id
 * and a->number. */
int store_around_add(struct store *st, struct around_person *a,
    char **cause);

/* Change involved person a->id's role, name, phone, email and note. */
int store_around_change(struct store *st, const struct around_person *a,
    char **cause);

/* End involved person id's involvement on a date. */
int store_around_end(struct store *st, long id, date_t on, char **cause);

/* ------------------------------------------------------ birthday returns */

typedef int (*store_return_cb)(const struct returns_record *rec, void *arg);

/*
 * Visit young person person_id's birthday returns in the order recorded,
 * struck ones too, each with its own number (B1...).  The strings live
 * until cb returns.  A file older than returns has none.  0 or -1.
 */
int store_returns_each(struct store *st, long person_id, store_return_cb cb,
    void *arg, char **cause);

/* Fetch their return standing (not struck) for the birthday of age into
 * *out (free()): 0, 1 when none, or -1. */
int store_return_standing(struct store *st, long person_id, int age,
    struct returns_record **out, char **cause);

/* Add return rec (person_id, age, touch, activity, part_time, on): sets
 * rec->id and rec->number; fails when one stands for that birthday. */
int store_return_add(struct store *st, struct returns_record *rec,
    char **cause);

/* ------------------------------------------------------ agreed actions */

typedef int (*store_action_cb)(const struct action *a, void *arg);

/*
 * Visit young person person_id's agreed actions: open ones first by due
 * date, then closed ones by the day they were closed, each with its own
 * number (A1... in the order agreed).  The strings live until cb
 * returns.  A file older than actions has none.  0 or -1.
 */
int store_actions_each(struct store *st, long person_id, store_action_cb cb,
    void *arg, char **cause);

/* Add action a (person_id, contact_id or 0, text, who, agreed_on,
 * due_on), open: sets a->id and a->number. */
int store_action_add(struct store *st, struct action *a, char **cause);

/* Close open action id as done or dropped (as) on a date, with a reason
 * (NULL: none); fails when it is closed already. */
int store_action_close(struct store *st, long id, enum action_state as,
    date_t on, const char *reason, char **cause);

/*
 * Visit the open actions of young people not archived due from from to
 * until (inclusive), by due date, then young person, then number.
 */
int store_actions_due(struct store *st, date_t from, date_t until,
    store_action_cb cb, void *arg, char **cause);

/* How many actions of young people not archived are open, and how many
 * of those are late on today (due before it). */
int store_actions_count(struct store *st, date_t today, int *open,
    int *late, char **cause);

/*
 * Visit every letter sent on or after since (DATE_NONE for all), but those
 * struck out.
 */
int store_letters_since(struct store *st, date_t since, store_date_cb cb,
    void *arg, char **cause);

/*
 * Copy the whole database, while it is in use, to dest (mode 0600):
 * a new file (or one a symbolic link names) is written to a temporary
 * file in its folder, then renamed; a device, FIFO or socket, or
 * standard output for "-", gets the bytes of a copy made as a temporary
 * file in the database's folder, which is removed afterwards.  Refuses
 * what outfile_check_new refuses (outfile.h): an existing file is never
 * replaced.
 */
int store_backup(struct store *st, const char *dest, char **cause);

/*
 * The folder that holds the backups of the database at path: "backups"
 * beside it (so ~/.local/share/caseload/backups for the default one).
 * The caller frees the result.
 */
char *store_backups_dir(const char *path);

/*
 * The daily backup, on the first run of each day: copy the database to
 * STEM-YYYY-MM-DD.db (today) in its backups folder (made 0700), unless
 * that file exists, nobody is on the caseload yet, or the database is
 * itself in a backups folder; then keep only the newest keep daily
 * backups.  Sets *made to the new file's path (caller frees) or NULL when
 * none was made.
 */
int store_backup_daily(struct store *st, date_t today, int keep, char **made,
    char **cause);

/*
 * Open the file at path, to restore from, once it is checked whole: a
 * sound caseload database that this caseload can read (SQLite's
 * integrity and foreign keys, caseload's mark, the schema exactly, each
 * young person's summary against their history; an older schema is
 * brought up to date in memory).  Nothing is written to the file.  Sets
 * *out (close it with store_close), or -1 with *cause saying what is
 * wrong with the file.
 */
int store_restore_open(const char *path, struct store **out, char **cause);

/*
 * Put the caseload in from (opened by store_restore_open from the file
 * src, which messages name) in place of the whole of this one, after
 * backing this one up into its backups folder (*saved: that backup's
 * path, caller frees), and migrate it if its schema is older.  The
 * caller still closes from.
 */
int store_restore(struct store *st, struct store *from, const char *src,
    char **saved, char **cause);

/*
 * Handover files: some young people's whole records (details, status
 * history, contacts including those struck out, letters and reviews,
 * with their UUIDs, dates and recorded_at times), to be added to another
 * worker's caseload.  A handover file is a SQLite database with this
 * store's schema and version (PRAGMA user_version), PRAGMA
 * application_id 0x43534c48 ("CSLH") instead of a caseload's, and a
 * table `handover` of one row saying what made it (format, made_on,
 * made_at, worker, people, caseload_version).  man caseload describes it.
 */
#define STORE_HANDOVER_FORMAT 1

/* What a handover file holds. */
struct store_handover_counts {
	int	people;
	int	status_changes;
	int	contacts;
	int	letters;
	int	reviews;
	int	flags;		/* safety flags, current and ended */
	int	notes;		/* notes about them, struck ones too */
	int	around;		/* the people around them, ended too */
	int	flag_notes;	/* every note the flags have had */
	int	actions;	/* agreed actions, closed ones too */
	int	accommodation;	/* accommodation rows, struck ones too */
	int	returns;	/* birthday returns, struck ones too */
};

/* What a handover file says of itself. */
struct store_handover_info {
	int				format;
	int				schema;		/* its user_version */
	date_t				made_on;
	char				made_at[32];	/* UTC, ISO 8601 */
	char				worker[256];	/* "" when not set */
	char				version[32];	/* of caseload */
	struct store_handover_counts	counts;
};

/*
 * Write young people ids[0..n) with their whole records to a handover
 * file at dest (mode 0600), saying it was made on made_on by worker (NULL
 * or "" when unknown).  dest is written as store_backup writes it: "-" is
 * standard output, and an existing file is never overwritten.  Fails
 * when an id is not a young person.  Fills *counts.
 */
int store_handover_export(struct store *st, const long *ids, size_t n,
    const char *dest, date_t made_on, const char *worker,
    struct store_handover_counts *counts, char **cause);

/*
 * Open the handover file at path, read only, after checking that it is
 * one: a SQLite file, not truncated (its size against its header), not
 * damaged (PRAGMA integrity_check and foreign keys), marked as a handover
 * file, of this schema version or an older one, holding at least one
 * young person, whose every young person's summary agrees with their
 * history.  And that it holds only what caseload accepts when it is
 * typed, on today (check.h): every value of the kind caseload writes;
 * names, contact details, reasons and notes of the right length without
 * control characters; no contact, status change, letter or review in the
 * future or before the young person's date of birth.  On success *out is
 * a store the caller can read (store_people_each ...) and must close with
 * store_close, and *info says what the file holds.  Any failure means
 * the file is not one to import; *cause says why, naming a young person
 * by their number in the file, never by name, and quoting no text of
 * theirs.
 */
int store_handover_open(const char *path, date_t today, struct store **out,
    struct store_handover_info *info, char **cause);

/*
 * Add every young person of the handover store ho (from
 * store_handover_open) to st in one transaction: each gets a new number
 * in st and keeps their UUID and every row of their history as it was
 * (their names tidied as typed names are: text_squeeze).  Sets *ids to a
 * new array of their numbers in st, in the file's order (the caller
 * frees it), and *n to its length.  progress, unless NULL, is called
 * with arg after each young person: how many of how many are in.
 */
typedef void (*store_progress_cb)(size_t done, size_t total, void *arg);
int store_handover_import(struct store *st, struct store *ho, long **ids,
    size_t *n, store_progress_cb progress, void *arg, char **cause);

/* A problem found by store_check, as one line of plain text. */
typedef void (*store_problem_cb)(const char *problem, void *arg);

/*
 * Check the database: SQLite's integrity and foreign key checks, and that
 * every young person's summary (status, last contact, letter and review)
 * agrees with their history (contacts, letters and reviews struck out not
 * counting).  Calls cb (if not NULL) once per problem;
 * returns the number of problems, or -1 when the check could not run.
 */
int store_check(struct store *st, store_problem_cb cb, void *arg,
    char **cause);

/* ------------------------------------------- calendars kept in step */

/* What was last recorded of one calendar item (store-calendar.c). */
struct store_calendar_item {
	char		*uid;
	char		*hash;		/* of its content, calendar.h */
	int		 sequence;	/* its SEQUENCE */
	long long	 modified;	/* its LAST-MODIFIED, seconds since 1970 */
};

/*
 * Every calendar item recorded, sorted by UID (bytewise), into a new
 * array *out of *n (free with store_calendar_items_free).
 */
int store_calendar_items(struct store *st, struct store_calendar_item **out,
    size_t *n, char **cause);
void store_calendar_items_free(struct store_calendar_item *items, size_t n);

/* Record item (a new UID, or a new hash, sequence and time for one). */
int store_calendar_item_set(struct store *st,
    const struct store_calendar_item *item, char **cause);

/* What was last published of one item to a CalDAV collection. */
struct store_caldav_item {
	char	*uid;
	char	*href;		/* its name in the collection, as sent */
	char	*etag;		/* the server's ETag for it */
	char	*hash;		/* of the content sent */
};

/*
 * Every item published to the collection at url, sorted by UID, into a
 * new array *out of *n (free with store_caldav_items_free).
 */
int store_caldav_items(struct store *st, const char *url,
    struct store_caldav_item **out, size_t *n, char **cause);
void store_caldav_items_free(struct store_caldav_item *items, size_t n);

/* Record item as published to url, or (etag NULL) as gone from it. */
int store_caldav_item_set(struct store *st, const char *url,
    const struct store_caldav_item *item, char **cause);

/*
 * Every collection address anything was published to, as recorded, into
 * a new array *out of *n (each string and the array for free).
 */
int store_caldav_urls(struct store *st, char ***out, size_t *n,
    char **cause);

/*
 * Record what was published to from as published to to (a record
 * already under to is kept), and forget from.
 */
int store_caldav_move(struct store *st, const char *from, const char *to,
    char **cause);

/* ------------------------------------------------ accommodation history */

/*
 * Visit young person person_id's accommodation history, newest first (by
 * the day they moved in, then the order recorded), each row with its own
 * number (M1... in the order recorded), struck ones too; stops when cb
 * returns non-zero.  Strings live until cb returns.  A file older than
 * the history has none.  0 or -1.
 */
int store_accommodation_each(struct store *st, long person_id,
    store_accommodation_cb cb, void *arg, char **cause);

/*
 * Fetch where they live now (the latest row not struck out) into *out
 * (free()): 0, 1 when they have none, or -1.
 */
int store_accommodation_current(struct store *st, long person_id,
    struct accommodation **out, char **cause);

/* Add row a (person_id, from, type, provided_by_la, suitable, address):
 * sets a->id and a->number. */
int store_accommodation_add(struct store *st, struct accommodation *a,
    char **cause);

/* The same inside the caller's transaction; does not roll back. */
int store_accommodation_insert(struct store *st, struct accommodation *a,
    char **cause);

/*
 * The young people who live now (their latest row not struck out) in one
 * of types (bits: 1 << enum accommodation_type), by number: *ids (the
 * caller frees it) of *n.  0 or -1.
 */
int store_living_in(struct store *st, unsigned types, long **ids, size_t *n,
    char **cause);

/*
 * Young person person_id's statutory visit date as kept (people.visit_due:
 * before working days move it; judge it with rules_judge_due): *out,
 * DATE_NONE when none.  0 or -1.
 */
int store_visit_kept_get(struct store *st, long person_id, date_t *out,
    char **cause);

/* How many young people not archived have a kept visit date before
 * `before` (rules_due_bounds' soon_from: overdue), into *n.  0 or -1. */
int store_visits_count(struct store *st, date_t before, long *n,
    char **cause);

/* The kept visit dates of everyone not archived who has one, by number. */
struct store_visit_dates {
	long	*ids;
	date_t	*due;
	size_t	 n;
};

/* Read them into *out (store_visit_dates_free frees it).  0 or -1. */
int store_visit_dates(struct store *st, struct store_visit_dates *out,
    char **cause);

/* Free what vd holds (not vd); safe on a zeroed one. */
void store_visit_dates_free(struct store_visit_dates *vd);

/* Everyone not archived who has lived in accommodation the local
 * authority provides (a row not struck out), by number: *ids (the
 * caller frees it) of *n.  0 or -1. */
int store_visited_people(struct store *st, long **ids, size_t *n,
    char **cause);

/* What the statutory visit clock of one young person is worked out from. */
struct store_visits {
	struct visit_facts	 facts;	/* spells and visits point below;
					 * review dates are the caller's */
	struct visit_spell	*spells;
	size_t			 spells_size;
	date_t			*visits;
	size_t			 visits_size;
};

/*
 * Read young person person_id's accommodation rows not struck out and
 * their visits (contacts by visit, made, not struck out, at home or with
 * no place recorded) into *out, which store_visits_free frees.  0 or -1.
 */
int store_visits_read(struct store *st, long person_id,
    struct store_visits *out, char **cause);

/* Free what v holds (not v); safe on a zeroed one and NULL. */
void store_visits_free(struct store_visits *v);

#endif
