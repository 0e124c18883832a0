/* SPDX-License-Identifier: MIT */
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
	JOB_FILE,		/* the file named */
	JOB_NAME,		/* a young person's name */
	JOB_PREFERRED,		/* their preferred name */
	JOB_DOB,		/* their date of birth */
	JOB_PHONE,		/* their phone number */
	JOB_EMAIL,		/* their email address */
	JOB_ADDRESS,		/* their address */
	JOB_ALLOCATED,		/* the date they were allocated */
	JOB_INTERVAL,		/* their own contact interval */
	JOB_LAST_CONTACT,	/* the last contact given when adding them */
	JOB_DUPLICATE,		/* they are on the caseload already */
	JOB_CONFIRM,		/* their age needs the worker's say-so */
	JOB_SETTING,		/* a setting it needs (a template, a command) */
	JOB_DATABASE,		/* the database named (job_export) */
	JOB_ACTION,		/* an agreed action's text */
	JOB_DUE,		/* an agreed action's due date */
	JOB_DOER,		/* who does an agreed action */
	JOB_ACCOMMODATION,	/* the type of accommodation */
	JOB_ANSWER		/* a birthday return's answers */
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
	struct entry	*entry;		/* strike: the letter or review as it
					 * was */
	char		*path;		/* restore: where the caseload as it
					 * was is kept */
	struct store_handover_counts counts; /* handover: what it holds */
	struct flag	*flag;		/* flag jobs: the flag (as it was) */
	struct around_note *note;	/* note jobs: the note (as it was) */
	struct around_person *around;	/* the person around them */
	struct action	*action;	/* action jobs: the action (as it was) */
	struct accommodation *accommodation; /* moved: the row (as it was) */
	struct returns_record *ret;	/* return jobs: the return (as it
					 * was) */
	char		*warning;	/* something the worker should know,
					 * though the job was done; or NULL */
	char		*actions_open;	/* strike: the actions agreed at the
					 * contact still open ("A1, A2"), or
					 * NULL */
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
 * Strike out young person id's entry of kind (a contact, letter sent or
 * review held) numbered `number` of their own (person.h: the order
 * recorded, as the lists show it), recorded by mistake, today, with a
 * reason (NULL: none).  It stays in the log, marked, and no longer counts.
 * Refused: no such young person, or no such entry of theirs (JOB_WHO:
 * *cause says what they do have); one struck out already (JOB_AGAIN:
 * *cause says when); a bad reason (JOB_REASON).  r->contact (a contact)
 * or r->entry (a letter or review) is what was struck, as it was before.
 * The actions agreed at a contact stay open (they were agreed with the
 * young person whatever was wrong with its record): r->actions_open
 * lists those still open, for the worker to close if they should.
 */
int job_strike(struct session *s, long id, enum entry_kind kind,
    int number, const char *reason, struct job_result *r, char **cause);

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
 * checked whole (store_restore_open); one that is not a sound caseload is
 * refused (JOB_FILE) and nothing is changed, nor made.  The database is
 * opened (session_open) only once the backup is known to be sound, when
 * it is not open already: r->warning then says why the day's backup
 * could not be made, if it could not.  r->path is where the caseload as
 * it was is kept.
 */
int job_restore(struct session *s, const char *src, struct job_result *r,
    char **cause);

/* What job_check found. */
struct job_check {
	char		**problems;	/* each in plain words, as found */
	size_t		  n;
	int		  schema;	/* the schema version of caseload */
	int		  people;	/* when sound: everyone, */
	int		  up, down, archived; /* by their status */
};

/*
 * Check the open caseload as 'caseload check' does (store_check):
 * SQLite's integrity and foreign key checks, and every young person's
 * summary (status, last contact, letter, review, next contact) against
 * their history.  It only reads.  0 when the check ran: out->problems
 * holds what it found (out->n of them: none when the caseload is sound,
 * and then out counts the young people); -1 with *cause when it could
 * not run (what was found before is kept in out).  Free out with
 * job_check_free either way.
 */
int job_check(struct session *s, struct job_check *out, struct job_result *r,
    char **cause);

/* Free what c holds (not c itself); safe on a zeroed one. */
void job_check_free(struct job_check *c);

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
 * What a handover file holds, in words for either face: "5 contacts, 3
 * status changes, 1 letter, 2 reviews, 1 safety flag and 4 agreed
 * actions": contacts, status changes, letters and reviews always, then
 * each other kind of record it carries (safety flags, notes, people
 * around them, agreed actions, accommodation rows, birthday returns).
 * A new string the caller frees.
 */
char *job_handover_words(const struct store_handover_counts *c);

/* ------------------------------------------------------------ safety flags */

/*
 * Set safety flag f on young person f->person_id (kind, note, set_on):
 * refused (JOB_DATE, JOB_NOTE, JOB_AGAIN: a current flag of that kind)
 * as flag_check_new says.  r->made is its number, r->flag a copy.
 */
int job_flag_add(struct session *s, struct flag *f, struct job_result *r,
    char **cause);

/* Change the note of young person id's current flag number (NULL: none). */
int job_flag_note(struct session *s, long id, int number, const char *note,
    struct job_result *r, char **cause);

/* End young person id's flag number on a date, with a reason (or NULL). */
int job_flag_end(struct session *s, long id, int number, date_t on,
    const char *reason, struct job_result *r, char **cause);

/* ------------------------------------------------ accommodation history */

/*
 * Record that young person a->person_id moved (from, type,
 * provided_by_la, suitable, address): refused (JOB_DATE, JOB_ADDRESS,
 * JOB_ACCOMMODATION) as accommodation_check says, the date judged
 * against where they live now; *cause never repeats the address.
 * r->made is its number (M1...), r->accommodation a copy.
 */
int job_moved(struct session *s, struct accommodation *a,
    struct job_result *r, char **cause);

/*
 * Strike out young person id's accommodation row number today with a
 * reason (NULL: none); refused: no such row (JOB_WHO), struck already
 * (JOB_AGAIN), a bad reason (JOB_REASON).  r->accommodation is the row
 * as it was.
 */
int job_moved_strike(struct session *s, long id, int number,
    const char *reason, struct job_result *r, char **cause);

/*
 * Young person p's statutory visit clock today (visit_due, with their
 * pathway plan review due and last review): *due, and *reason (may be
 * NULL).  DUE_NONE when they do not live in accommodation the local
 * authority provides.  0, or -1 with *cause.
 */
int job_visit_due(struct session *s, const struct person *p,
    struct rules_due *due, enum visit_reason *reason, char **cause);

/* ------------------------------------------------------ birthday returns */

/*
 * Record birthday return rec (person_id, touch, activity, part_time, on)
 * for the birthday whose window is open on rec->on, or else the latest
 * whose window has closed by then (late: r->warning says so, "late: its window
 * closed on DATE"): sets rec->age (returns_window_for).  Refused: a date in the
 * future or before birth, or no window opened by it, or the latest closed
 * with its return in (JOB_DATE: *cause says when the next opens); answers
 * that do not go together (JOB_ANSWER, as returns_record_check says); one
 * recorded for the open window already (JOB_AGAIN: strike it first).
 * r->made is its number (B1...), r->ret a copy.
 */
int job_return_record(struct session *s, struct returns_record *rec,
    struct job_result *r, char **cause);

/*
 * Strike out young person id's return number today with a reason (NULL:
 * none); refused: no such return (JOB_WHO), struck already (JOB_AGAIN), a
 * bad reason (JOB_REASON).  r->ret is the return as it was.
 */
int job_return_strike(struct session *s, long id, int number,
    const char *reason, struct job_result *r, char **cause);

/* ------------------------------ notes and the people around them */

/*
 * Add note n (person_id, on, text: several lines) about a young person:
 * refused (JOB_DATE, JOB_NOTE) as around_note_check says; *cause never
 * repeats the text.  r->made is its number (N1...), r->note a copy.
 */
int job_note_add(struct session *s, struct around_note *n,
    struct job_result *r, char **cause);

/*
 * Strike out young person id's note number today with a reason (NULL:
 * none); refused: no such note (JOB_WHO), struck already (JOB_AGAIN), a
 * bad reason (JOB_REASON).  r->note is the note as it was.
 */
int job_note_strike(struct session *s, long id, int number,
    const char *reason, struct job_result *r, char **cause);

/*
 * Add a person around young person a->person_id (role, name, phone,
 * email, note, since): refused (JOB_DATE, JOB_NOTE: what was typed) as
 * around_person_check says.  r->made is their number (P1...),
 * r->around a copy.
 */
int job_around_add(struct session *s, struct around_person *a,
    struct job_result *r, char **cause);

/*
 * Change young person id's person number to the role, name, phone,
 * email and note of `to`; refused when they are no longer involved
 * (JOB_AGAIN) or as job_around_add.  r->around is them as changed.
 */
int job_around_change(struct session *s, long id, int number,
    const struct around_person *to, struct job_result *r, char **cause);

/*
 * End young person id's person number's involvement on a date: kept,
 * marked ended.  Refused: ended already (JOB_AGAIN), a date before they
 * were added or in the future (JOB_DATE).
 */
int job_around_end(struct session *s, long id, int number, date_t on,
    struct job_result *r, char **cause);

/* Whether young person id has a current flag of kind, into *out. */
int job_flag_current(struct session *s, long id, enum flag_kind kind,
    int *out, char **cause);

/* ---------------------------------------------------- agreed actions */

/*
 * Add agreed action a to young person a->person_id (text, who: NULL for
 * ACTION_WHO_DEFAULT, agreed_on, due_on; contact_id 0): refused as
 * action_check_new says (JOB_ACTION, JOB_DOER, JOB_DATE: the day agreed,
 * JOB_DUE); *cause never repeats the text.  r->made is its number (A1...),
 * r->action a copy; r->warning says so when they are archived (the
 * agenda, calendar and counts leave them out).
 */
int job_action_add(struct session *s, struct action *a, struct job_result *r,
    char **cause);

/*
 * Close young person id's action number as done or dropped (as) on a
 * date, with a reason (dropped only; NULL: none).  Refused: no such action
 * (JOB_WHO), closed already (JOB_AGAIN), a date before it was agreed or
 * in the future (JOB_DATE), a bad reason (JOB_REASON).  r->action is it
 * as it was.
 */
int job_action_close(struct session *s, long id, int number,
    enum action_state as, date_t on, const char *reason,
    struct job_result *r, char **cause);

/*
 * Log contact c as job_contact does, with the actions agreed at it,
 * a[0..n) (text, who or NULL, due_on; agreed on the contact's date), in
 * the same transaction: any action refused refuses the contact too
 * (JOB_ACTION, JOB_DOER, JOB_DUE; *cause names it "agreed action 2").
 */
int job_contact_agreed(struct session *s, struct contact *c,
    struct action *a, size_t n, struct job_result *r, char **cause);

/* How many actions are open and late on the caseload (store_actions_count). */
int job_actions_count(struct session *s, int *open, int *late, char **cause);

/* ------------------------------------------------ add and edit a person */

/*
 * Add young person p (name, dob, allocated_on, and the optional preferred
 * name, phone, email, address and interval_weeks; names tidied with
 * text_squeeze first), stepped up from their allocation date.  Refused:
 * a detail that check_text, check_email or check_person finds wrong
 * (JOB_NAME, JOB_PREFERRED, JOB_DOB, JOB_PHONE, JOB_EMAIL, JOB_ADDRESS,
 * JOB_ALLOCATED, JOB_INTERVAL); someone recorded already with the same
 * name and date of birth (JOB_DUPLICATE: r->made is their number and
 * r->row says where they stand, stepped up or not); and, unless confirmed
 * is 1 (the worker said yes), someone under 16 or 25 and over
 * (JOB_CONFIRM).  Sets p->id, and r->made to it.  An allocation date not
 * given (DATE_NONE) is today, or the last contact's date when earlier.
 * When last is not NULL,
 * their last contact before they were added (last->on, method and note;
 * by the worker, successful) is logged in the same transaction, so that
 * the contact clock runs from it: a date in the future, before their
 * birth or before their allocation is refused (JOB_LAST_CONTACT).
 */
int job_person_add(struct session *s, struct person *p,
    const struct contact *last, int confirmed, struct job_result *r,
    char **cause);

/*
 * Save p's details over those of young person id (p->id is set to it):
 * the same checks as job_person_add, of the details that changed, and
 * the date of birth not after their first contact (JOB_DOB); no such
 * person is JOB_WHO.  A new date of birth that makes them under 16 or 25
 * and over needs confirmed (JOB_CONFIRM).  A new allocation date moves
 * the first row of their status history with it: refused when it would
 * come after a later change of status or their first contact (not
 * struck out) (JOB_ALLOCATED).  The rest of the history is kept.
 */
int job_person_edit(struct session *s, long id, struct person *p,
    int confirmed, struct job_result *r, char **cause);

/*
 * Fill the session's new, empty caseload with fictional young people in
 * varied states, placed around s->today (for --demo), in one transaction.
 */
int job_demo_seed(struct session *s, char **cause);
/* ------------------------------------------ letters, export and print */

/* What job_letters_write did with the letter to one young person. */
enum job_letter_state {
	JOB_LETTER_LEFT,	/* not written: it stopped before */
	JOB_LETTER_WRITTEN,	/* written now */
	JOB_LETTER_THERE	/* there already, word for word: left */
};

struct job_letter {
	long			 id;	/* the young person */
	char			*name;	/* the file's name in the folder */
	enum job_letter_state	 state;
};

/* What job_letters_write did, or did before it stopped. */
struct job_letters {
	struct job_letter	*letters;	/* one per young person due */
	size_t			 n;
	size_t			 written;	/* JOB_LETTER_WRITTEN */
	size_t			 there;		/* JOB_LETTER_THERE */
	int			 made;		/* the folder was made */
	int			 in_folder;	/* it failed in the folder */
	const char		*clash;		/* refused: the letter's name
						 * that holds something else */
	char			**warnings;	/* for the worker, in order */
	size_t			 nwarnings;
};

/* Free what l holds (not l itself); safe on a zeroed one. */
void job_letters_free(struct job_letters *l);

/*
 * Write the annual letters due within days of today (0: today or
 * overdue) into the folder dir, one file each (letter_file_name, mode
 * 0600), from the template of the settings ([letters] template, else the
 * one installed).  Everything is checked before a letter is written: a
 * template that is not there or not right is refused (JOB_SETTING; one
 * that was not set and is not installed fails); a letter's name that
 * holds something else already, or a dir that is not a folder, is
 * refused (JOB_FILE).  A letter there already, word for word (an earlier
 * run stopped short), is left as it is.  A dir that is not there is made
 * (mode 0700).  Nothing is recorded: 'letters sent' does that.
 *
 * out says what was done, even when it failed part way (out->in_folder
 * set when writing in the folder failed); out->warnings holds the
 * blanks the letters have (a [worker] setting or an address that is
 * empty).  Nobody due is not an error: out->n is 0 and nothing is made.
 */
int job_letters_write(struct session *s, const char *dir, int days,
    struct job_letters *out, struct job_result *r, char **cause);

/* What job_export did. */
struct job_export {
	size_t	 items;		/* the items written */
	int	 error;		/* the errno when the file was refused */
};

/*
 * Export the calendar (calendar_export) of the days days from today, with
 * privacy (PRIVACY_INITIALS or PRIVACY_FULL), to path, written whole,
 * mode 0600 (outfile.h), or to standard output when path is NULL.  The
 * file is opened first, so that a path that cannot be a file is refused
 * (JOB_FILE, out->error its errno) with nothing touched; then the
 * database, when it is not open yet (r->field JOB_DATABASE, refused or
 * not, when that fails).  out->items is how many items were written.
 * Written to a file with the session open to write (SESSION_WRITES),
 * each item's SEQUENCE and LAST-MODIFIED are recorded after the file is
 * (one transaction), so that the next export moves SEQUENCE on only for
 * what changed since; otherwise nothing is recorded.
 */
int job_export(struct session *s, const char *path, int days, int privacy,
    struct job_export *out, struct job_result *r, char **cause);

/* What job_export_vdir did. */
struct job_vdir {
	size_t	 items;		/* the items due */
	size_t	 made;		/* files new */
	size_t	 changed;	/* files rewritten */
	size_t	 removed;	/* files of items no longer due */
};

/*
 * Export the calendar of the days days from today, with privacy, as a
 * vdir: one UID.ics file per item in the folder dir (made, mode 0700, when
 * not there), written only when what it holds changed, and caseload's
 * files of items no longer due removed (any other file is left).  Each
 * item's SEQUENCE goes up when its content changes; what each item is
 * now is recorded, in one transaction, once every file is written.  A dir
 * that is not a folder is refused (JOB_FILE).
 */
int job_export_vdir(struct session *s, const char *dir, int days,
    int privacy, struct job_vdir *out, struct job_result *r, char **cause);

/* What job_publish does, or would do, with one item. */
enum job_publish_action {
	JOB_PUBLISH_CREATE,	/* new on the server */
	JOB_PUBLISH_CHANGE,	/* changed in place */
	JOB_PUBLISH_DELETE,	/* no longer due: deleted */
	JOB_PUBLISH_CONFLICT	/* changed on the server: left alone */
};

struct job_publish_item {
	enum job_publish_action	 action;
	char			*uid;
	char			*summary;	/* NULL for an item only the
						 * server has */
	int			 done;		/* sent (not with dry_run) */
	int			 unrecorded;	/* a conflict: an item of this
						 * name is on the server, not
						 * published from here */
};

/* What job_publish did (or, with dry_run, would do). */
struct job_publish {
	struct job_publish_item	*items;		/* every action, in order */
	size_t			 n;
	size_t			 created, changed, deleted, conflicts;
	size_t			 unchanged;	/* ours, as they were */
	size_t			 others;	/* on the server, not ours */
	size_t			 unrecorded;	/* of others: named as ours, but
						 * not published from here */
	size_t			 requests;	/* PUTs and DELETEs sent */
};

/* Free what p holds (not p itself); safe on a zeroed one. */
void job_publish_free(struct job_publish *p);

/*
 * Make the CalDAV calendar collection of [caldav] url hold exactly the
 * calendar of the days days from today ([calendar] privacy): list it
 * (PROPFIND), PUT each item that is new or changed (If-None-Match: *, or
 * If-Match with the ETag it had when last published), and DELETE the
 * items of caseload's (UIDs ending @caseload) no longer due.  An item
 * another client made is never touched; one of caseload's changed on the
 * server since the last publish is reported (JOB_PUBLISH_CONFLICT) and
 * left, unless force.  An item whose ETag is not the one recorded is read
 * back (GET) to tell: the same content (calendar_text_hash) as last
 * published or as would be sent now is caseload's own and only its new
 * ETag is recorded.  With dry_run nothing is sent or recorded.
 *
 * Settings missing or wrong (url, password_command, http:// to another
 * computer without [caldav] allow_http) are refused (JOB_SETTING).  The
 * password is the first line that password_command prints.  What was
 * published (each item's ETag and hash) is recorded in one transaction at
 * the end, also when the server failed part way: then what was sent
 * before the failure is recorded, so that the next publish finishes the
 * work, and -1 says why it stopped.  s->progress, when set, hears how
 * many requests of how many are through, after each.
 */
int job_publish(struct session *s, int days, int dry_run, int force,
    struct job_publish *out, struct job_result *r, char **cause);

struct print_options;
struct print_terminal;

/* Pages for paper (job_print_pages), and what became of them (job_print). */
struct job_print {
	char	*text;
	int	 pages;
	size_t	 people;
	int	 status;	/* the print command's exit status, or -1 */
	char	*summary;	/* done: "Sent 1 page (3 young people) to..." */
};

/*
 * Make the pages of the due list, or with due NULL of the letters list,
 * as opt says (names or initials) into p, with the worker and date format
 * of the settings.  Free p with job_print_free.
 */
void job_print_pages(struct session *s, const struct due_list *due,
    const struct letter_list *letters, const struct print_options *opt,
    struct job_print *p);

/*
 * Make the pages of one young person's page (body: lines of text with no
 * escapes, as show writes it) under title into p (print_page).  Free p
 * with job_print_free.
 */
void job_print_page(struct session *s, const char *title, const char *body,
    struct job_print *p);

/*
 * Send p's pages to [letters] print_command: with term NULL on
 * caseload's own output and errors (print_run); otherwise sharing the
 * terminal with the screens (print_run_screen, term's callbacks leaving
 * and coming back to them).  An empty print_command is refused
 * (JOB_SETTING).  On failure p->status is the command's exit status (or
 * -1); once done, p->summary says what was sent where.
 */
int job_print(struct session *s, struct job_print *p,
    struct print_terminal *term, struct job_result *r, char **cause);

/* Free what p holds (not p itself); safe on a zeroed one. */
void job_print_free(struct job_print *p);

/* --------------------------------------------------------- importing */

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
	size_t			 archived;	/* rows archived */
	size_t			 flags;		/* safety flags, notes and */
	size_t			 notes;		/* social workers the rows */
	size_t			 social_workers; /* keep with them */
	size_t			 actions;	/* agreed actions they keep */
	size_t			 added;		/* young people added: 0 for a
						 * dry run or a refusal */
};

/*
 * Read the spreadsheet at path (see import_read, with opt: may be NULL)
 * into imp, as on today,
 * and check every field as typed input is checked; nothing of the
 * caseload is read or written, so a face may open the database only
 * once the file has been read.  A file that cannot be read at all is
 * refused (JOB_FILE); problems of its rows are left in imp->sheet for
 * job_import.  Free imp with job_import_free either way.
 */
int job_import_read(struct session *s, const char *path,
    const struct import_options *opt, struct job_import *imp,
    struct job_result *r, char **cause);

/*
 * Import the sheet job_import_read read into imp: find the rows of young
 * people already on the caseload (the same name, ignoring case and
 * spaces, and date of birth: a problem at that row, imp->present), then
 * refuse the whole sheet (JOB_FILE, nothing written) when any row has a
 * problem (imp->sheet.problems, in order of line) or there is nobody in
 * it; otherwise add every row in one transaction, with the contact of
 * its last contact column, its stepping down, and what the row keeps
 * with them (safety flags by the worker, a note, a social worker, an
 * agreed action, each from today: imp->flags, notes, social_workers,
 * actions) (imp->added; each row's
 * person is then as saved: person.id its new number, person.facts its
 * status and dates).  s->progress, when set, hears how many rows are
 * saved ("rows").  A dry run stops before writing, and may have no
 * database to look in (s->st NULL: nobody is on it).
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
 * r->counts is what the file held.  s->progress, when set, hears how
 * many young people are in ("young people").
 */
int job_handover_import(struct session *s, const char *path,
    struct job_handover *h, struct job_result *r, char **cause);

/* Close and free what h holds (not h itself); safe on a zeroed h. */
void job_handover_free(struct job_handover *h);

#endif
