/* SPDX-License-Identifier: MIT */
/*
 * letter.h: annual contact letters, made from a plain-text template.
 *
 * A template is UTF-8 text with placeholders: {name}, {preferred_name},
 * {address}, {worker_name}, {worker_title}, {worker_phone},
 * {worker_email}, {office}, {date} and {next_letter_date}.  {{ stands for
 * a "{" and }} for a "}"; a "}" on its own is kept as it is.  Any other
 * "{...}" is an error that names it and its line, found when the
 * template is read, before any letter is made.
 *
 * Filling is one pass over the template: a value is copied as it is and
 * never read again, so a name typed as "{worker_name}" is printed as
 * typed.  A value of several lines (an address) placed after nothing but
 * spaces on its line keeps that indent on each of its lines.
 */
#ifndef CASELOAD_LETTER_H
#define CASELOAD_LETTER_H

#include <stddef.h>

#include "conf.h"
#include "date.h"
#include "person.h"

enum letter_field {
	LETTER_NAME,			/* full name */
	LETTER_PREFERRED_NAME,		/* preferred name, else the name */
	LETTER_ADDRESS,			/* the young person's address */
	LETTER_WORKER_NAME,
	LETTER_WORKER_TITLE,
	LETTER_WORKER_PHONE,
	LETTER_WORKER_EMAIL,
	LETTER_OFFICE,			/* the office address */
	LETTER_DATE,			/* the letter's date: today */
	LETTER_NEXT_LETTER_DATE,	/* the due date plus the interval */
	LETTER_FIELD_COUNT
};

/* The placeholder's name without braces: "worker_phone". */
const char *letter_field_name(enum letter_field field);

/* Room for a date as letters write it: "27 November 2026". */
#define LETTER_DATE_SIZE 32

/* The values of the placeholders for one letter; NULL is empty. */
struct letter_values {
	const char	*value[LETTER_FIELD_COUNT];
	char		 date[LETTER_DATE_SIZE];	/* storage for LETTER_DATE */
	char		 next[LETTER_DATE_SIZE];	/* ... LETTER_NEXT_LETTER_DATE */
};

/*
 * Fill in the values of a letter to p (names and address) from the
 * [worker] settings of cfg, dated today, for a letter due on due.
 * {next_letter_date} is when the next letter falls due if this one is
 * sent on its due date (rules_letter_due), or empty when they turn 25
 * first.  v points into p, cfg and itself: keep them while v is used.
 */
void letter_values_set(struct letter_values *v, const struct person *p,
    const struct config *cfg, date_t due, date_t today);

/* Write a date as a letter does, "27 November 2026", into out. */
void letter_date(date_t date, char *out, size_t size);

struct letter_template;

/*
 * Parse the text of a template; origin names it in messages (a file
 * name).  On error *cause says "ORIGIN:LINE: what is wrong".  The caller
 * frees *out with letter_template_free.
 */
int letter_template_parse(const char *text, const char *origin,
    struct letter_template **out, char **cause);

/*
 * Read a template file (at most 64 KiB of UTF-8) into a new string the
 * caller frees.  Fails when the file cannot be read or is not text.
 */
int letter_template_read(const char *path, char **out, char **cause);

/* Free a template; letter_template_free(NULL) does nothing. */
void letter_template_free(struct letter_template *t);

/* 1 when the template has the placeholder field. */
int letter_template_uses(const struct letter_template *t,
    enum letter_field field);

/* The letter: the template filled with v, in one pass.  Caller frees. */
char *letter_fill(const struct letter_template *t,
    const struct letter_values *v);

/*
 * The template to use: the [letters] template setting when it is not
 * empty ("~/" meaning the home folder), else letter.txt in
 * $CASELOAD_DATADIR when that is set (the tests use it), else
 * data/letter.txt beside the running program when there is one (a
 * caseload run where it was built, not installed), else the one
 * installed with caseload.  A new string the caller frees.
 */
char *letter_template_path(const char *setting);

/* 1 when path is where caseload's own template is installed. */
int letter_template_installed(const char *path);

/*
 * The file name of the letter to p written on today, sorting by date
 * and number and saying who it is for: "2026-11-27-0005-jordan-lee.txt".
 * The caller frees it.
 */
char *letter_file_name(const struct person *p, date_t today);

/* Create the folder dir and its missing parents, mode 0700. */
int letter_make_dir(const char *dir, char **cause);

/*
 * Save text as the new file dir/name, mode 0600, where target.h says: a
 * temporary file beside the file the name leads to (a symbolic link is
 * followed), flushed, then renamed; a device, FIFO or socket of that name
 * is written in place.  Refuses to replace a file that exists.
 */
int letter_save(const char *dir, const char *name, const char *text,
    char **cause);

/* What letter_there finds at a letter's name. */
enum letter_there {
	LETTER_NONE,		/* nothing (or a device, FIFO or socket) */
	LETTER_SAME,		/* a file of exactly this letter */
	LETTER_OTHER		/* a file of anything else */
};

/*
 * What is at dir/name already, for the letter text: LETTER_SAME when it
 * is a plain file (or a link to one) holding exactly text, as an earlier
 * run that was stopped wrote it; LETTER_OTHER for a file holding anything
 * else, which is never replaced; LETTER_NONE when nothing is there, or a
 * device, FIFO or socket that letter_save writes in place.  Returns -1
 * with *cause and errno when the name cannot be used (target_bad_path
 * says whether it was the name's fault: a folder, say) or read.
 */
int letter_there(const char *dir, const char *name, const char *text,
    char **cause);

#endif
