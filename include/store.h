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

#include "date.h"
#include "person.h"

struct store;

/* The schema version this caseload writes (PRAGMA user_version). */
int store_schema_version(void);

/*
 * Open the database at path, creating it (mode 0600, missing folders 0700)
 * and migrating it to the current schema as needed.  Refuses a file that
 * is not a caseload database or was made by a newer caseload.
 */
int store_open(const char *path, struct store **out, char **cause);

/*
 * A number that changes when another connection (another caseload, or
 * sqlite3) commits a change to the database; this connection's own
 * writes leave it alone (PRAGMA data_version).  Cheap enough to ask
 * several times a second, to notice changes made elsewhere.
 */
int store_data_version(struct store *st, long *out, char **cause);

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
typedef int (*store_status_cb)(const struct status_change *s, void *arg);
typedef int (*store_date_cb)(long id, date_t on, void *arg);

/* Visit the young people whose status is in which, by number. */
int store_people_each(struct store *st, unsigned which, store_person_cb cb,
    void *arg, char **cause);

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
 * Save p's details (names, contact details, dob, allocation date and
 * interval) over those of young person p->id.  Status and history are
 * not touched.
 */
int store_person_update(struct store *st, const struct person *p,
    char **cause);

/* Record a step up, step down or archiving of person_id on a date. */
int store_status_change(struct store *st, long person_id, enum status status,
    date_t on, const char *reason, char **cause);

/* Visit someone's status history, oldest first. */
int store_status_each(struct store *st, long person_id, store_status_cb cb,
    void *arg, char **cause);

/* Add c to the contact log (c->person_id must exist); sets c->id. */
int store_contact_add(struct store *st, struct contact *c, char **cause);

/*
 * Fetch contact number id into *out, a copy the caller frees with free().
 * Returns 0, 1 when there is no such contact, or -1.
 */
int store_contact_get(struct store *st, long id, struct contact **out,
    char **cause);

/* Strike out a contact logged by mistake, on a date, with a reason. */
int store_contact_strike(struct store *st, long id, date_t on,
    const char *reason, char **cause);

/* Visit someone's contact log, newest first. */
int store_contacts_each(struct store *st, long person_id, store_contact_cb cb,
    void *arg, char **cause);

/* Record an annual letter sent, or a pathway plan review held. */
int store_letter_add(struct store *st, long person_id, date_t on,
    char **cause);
int store_review_add(struct store *st, long person_id, date_t on,
    char **cause);

/* Visit someone's letters sent, or reviews, newest first. */
int store_letters_each(struct store *st, long person_id, store_date_cb cb,
    void *arg, char **cause);
int store_reviews_each(struct store *st, long person_id, store_date_cb cb,
    void *arg, char **cause);

/*
 * Copy the whole database, while it is in use, to a new file dest
 * (mode 0600; written to a temporary file in the same folder, then
 * renamed).  Refuses to overwrite an existing file.
 */
int store_backup(struct store *st, const char *dest, char **cause);

/* A problem found by store_check, as one line of plain text. */
typedef void (*store_problem_cb)(const char *problem, void *arg);

/*
 * Check the database: SQLite's integrity and foreign key checks, and that
 * every young person's summary (status, last contact, letter and review)
 * agrees with their history.  Calls cb once per problem; returns the
 * number of problems, or -1 when the check itself could not run.
 */
int store_check(struct store *st, store_problem_cb cb, void *arg,
    char **cause);

#endif
