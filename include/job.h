/*
 * job.h: the jobs a worker does, one function each, that the command line
 * and the screens both call: log a contact, strike one out, step down or
 * up, archive, record a pathway plan review, record an annual letter.
 *
 * A job checks its input with the core's checks, writes in one
 * transaction, works the young person's dates out again and returns what
 * it did; each face puts that into its own words.  Neither face writes
 * these to the store any other way.
 *
 * Each job returns 0 when done, or -1 with *cause saying why not (the
 * caller frees it).  When the input was refused (r->refused), nothing was
 * written and r->field says what was wrong, so that a face can point at
 * the option or the field; otherwise the failure was the database's.
 */
#ifndef CASELOAD_JOB_H
#define CASELOAD_JOB_H

#include "import.h"
#include "person.h"
#include "session.h"
#include "views.h"

/* What a refused input was wrong about. */
enum job_field {
	JOB_NOTHING,		/* not refused */
	JOB_WHO,		/* no such young person, or contact */
	JOB_DATE,		/* the date */
	JOB_NOTE,		/* the note */
	JOB_REASON,		/* the reason */
	JOB_STATUS,		/* their status does not allow it */
	JOB_AGAIN,		/* done already (struck out, letter recorded) */
	JOB_FILE		/* the file named */
};

/* What a job did. */
struct job_result {
	int		 refused;	/* bad input: nothing was written */
	enum job_field	 field;		/* what was wrong, when refused */
	long		 made;		/* the row made: a contact's number */
	/*
	 * The young person as the lists judge them after the job (their
	 * stage, next contact, letter and review); row.person is NULL when
	 * the job found nobody.
	 */
	struct due_row	 row;
	struct contact	*contact;	/* strike: the contact as it was */
	char		*path;		/* restore: where the caseload as it
					 * was is kept */
	struct store_handover_counts counts; /* handover: what it holds */
};

/* Free what a result holds (not r itself); safe on a zeroed result. */
void job_result_free(struct job_result *r);

/*
 * Log contact c (c->person_id, on, method, by, attempted, note) with that
 * young person: a date that is not in the future or before their birth, a
 * note of at most CHECK_NOTE_MAX bytes, on several lines if need be.
 * Sets c->id, and r->made to it.
 */
int job_contact(struct session *s, struct contact *c, struct job_result *r,
    char **cause);

/*
 * Strike out contact number id, logged by mistake, today, with a reason
 * (NULL: none).  r->contact is the contact as it was before.
 */
int job_strike(struct session *s, long id, const char *reason,
    struct job_result *r, char **cause);

/*
 * Change young person id's status to `to` (STATUS_DOWN: step down,
 * STATUS_UP: step up, STATUS_ARCHIVED: archive) on a date, with a reason
 * (NULL: none): a date not in the future nor before their last change.
 */
int job_status(struct session *s, long id, enum status to, date_t on,
    const char *reason, struct job_result *r, char **cause);

/* Record young person id's pathway plan review on a date. */
int job_review(struct session *s, long id, date_t on, struct job_result *r,
    char **cause);

/*
 * Record the annual letter to young person id as sent on a date: they
 * must be stepped down (JOB_STATUS), the date good and not before they
 * stepped down (JOB_DATE), and no letter recorded on it already
 * (JOB_AGAIN).
 */
int job_letter_sent(struct session *s, long id, date_t on,
    struct job_result *r, char **cause);

/*
 * Back the whole caseload up, while it may be in use, to dest (mode
 * 0600; see store_backup for devices, links and "-").  A dest that
 * exists already, or is a folder, is refused (JOB_FILE).
 */
int job_backup(struct session *s, const char *dest, struct job_result *r,
    char **cause);

/*
 * Put the backup at src in place of the whole caseload, once it has been
 * checked whole (store_restore); one that is not a sound caseload is
 * refused (JOB_FILE) and nothing is changed.  r->path is where the
 * caseload as it was is kept.
 */
int job_restore(struct session *s, const char *src, struct job_result *r,
    char **cause);

/*
 * Hand young people ids[0..n) over: their whole records to a handover
 * file at dest (mode 0600; see store_handover_export), made today by the
 * worker of the settings.  A dest that exists already is refused
 * (JOB_FILE); so is someone who is not on this caseload (JOB_WHO).
 * r->counts says what the file holds.
 */
int job_handover_export(struct session *s, const long *ids, size_t n,
    const char *dest, struct job_result *r, char **cause);

/*
 * Importing: young people from a spreadsheet saved as CSV (import.h), and
 * from another worker's handover file (store.h), each all or nothing.
 */

/* What a spreadsheet import did, or would do. */
struct job_import {
	struct import_sheet	 sheet;		/* the good rows (with their
						 * new numbers once added) and
						 * the problems, by line */
	size_t			 present;	/* rows of young people already
						 * on the caseload */
	size_t			 down;		/* rows stepped down */
	size_t			 added;		/* young people added: 0 for a
						 * dry run or a refusal */
};

/*
 * Read the spreadsheet at path (see import_read) into imp, as on today,
 * and check every field as typed input is checked; nothing of the
 * caseload is read or written, so a face may open the database only
 * once the file has been read.  A file that cannot be read at all is
 * refused (JOB_FILE); problems of its rows are left in imp->sheet for
 * job_import.  Free imp with job_import_free either way.
 */
int job_import_read(struct session *s, const char *path,
    struct job_import *imp, struct job_result *r, char **cause);

/*
 * Import the sheet job_import_read read into imp: find the rows of young
 * people already on the caseload (the same name, ignoring case and
 * spaces, and date of birth: a problem at that row, imp->present), then
 * refuse the whole sheet (JOB_FILE, nothing written) when any row has a
 * problem (imp->sheet.problems, in order of line) or there is nobody in
 * it; otherwise add every row in one transaction, with the contact of
 * its last contact column and its stepping down (imp->added; each row's
 * person.id is its new number).  A dry run stops before writing, and
 * may have no database to look in (s->st NULL: nobody is on it).
 */
int job_import(struct session *s, struct job_import *imp, int dry_run,
    struct job_result *r, char **cause);

/* Free what imp holds (not imp itself); safe on a zeroed imp. */
void job_import_free(struct job_import *imp);

/* A handover file, looked at and then imported. */
struct job_handover {
	struct store_handover_info	 info;	/* what it says of itself: its
						 * counts, who made it, when */
	struct store			*ho;	/* the file, open to read */
	long				 clash_id; /* refused: who here is in
						 * the file too, or 0 */
	long				*ids;	/* imported: the new numbers,
						 * in the file's order */
	size_t				 n;
};

/*
 * Open the handover file at path and check it (store_handover_open, on
 * today), and, when the caseload is open (s->st), that none of its young
 * people are here already (the same UUID, or the same name and date of
 * birth: h->clash_id).  Either refusal is JOB_FILE with *cause saying
 * why (the faces add that nothing was imported).  h->info says what the
 * file holds, to show before importing; h keeps the file open for
 * job_handover_import.  Free h with job_handover_free either way.
 */
int job_handover_look(struct session *s, const char *path,
    struct job_handover *h, struct job_result *r, char **cause);

/*
 * Import the handover file at path: the one job_handover_look opened
 * into h, or, when h is zeroed, opened now.  Refused as job_handover_look
 * refuses (looking at the caseload as it is now), else
 * every young person in it is added to the caseload in one transaction
 * with their whole records, under new numbers (h->ids, h->n), and
 * r->counts is what the file held.
 */
int job_handover_import(struct session *s, const char *path,
    struct job_handover *h, struct job_result *r, char **cause);

/* Close and free what h holds (not h itself); safe on a zeroed h. */
void job_handover_free(struct job_handover *h);

#endif
