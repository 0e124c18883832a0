/* SPDX-License-Identifier: MIT */
/*
 * import.h: reading young people from a spreadsheet saved as CSV.
 *
 * The file is RFC 4180 CSV (read with libcsv) with a header row; columns
 * are matched by name, ignoring case, spaces and underscores, in any
 * order, with common spellings accepted.  Every field is checked as the
 * command line checks what is typed (check.h).  Nothing here touches the
 * database: the caller decides what to do with the rows and problems.
 */
#ifndef CASELOAD_IMPORT_H
#define CASELOAD_IMPORT_H

#include <stddef.h>

#include "accommodation.h"
#include "date.h"
#include "flag.h"
#include "person.h"

/* The columns caseload reads. */
enum import_column {
	IMPORT_NAME,
	IMPORT_FIRST_NAME,	/* with IMPORT_SURNAME, when there is no name */
	IMPORT_SURNAME,
	IMPORT_PREFERRED,
	IMPORT_DOB,
	IMPORT_PHONE,
	IMPORT_EMAIL,
	IMPORT_ADDRESS,
	IMPORT_INTERVAL,
	IMPORT_ALLOCATED,
	IMPORT_STATUS,
	IMPORT_STEPPED_DOWN,
	IMPORT_LAST_CONTACT,
	/* What is kept with them (struct import_more): */
	IMPORT_SAFETY_FLAG,	/* kinds, separated by ';' */
	IMPORT_FLAG_NOTE,	/* the note of each of those flags */
	IMPORT_ABOUT,		/* a note about the young person */
	IMPORT_SW,		/* their social worker's name ... */
	IMPORT_SW_PHONE,	/* ... phone ... */
	IMPORT_SW_EMAIL,	/* ... and email */
	IMPORT_ACTION,		/* an agreed action: what, */
	IMPORT_ACTION_WHO,	/* who does it (the worker when empty) */
	IMPORT_ACTION_DUE,	/* and when it is due */
	IMPORT_ACCOMMODATION,	/* where they live: a type ... */
	IMPORT_ACCOM_SINCE,	/* ... since when ... */
	IMPORT_PROVIDED_BY_LA	/* ... and whether the local authority
				 * provides it */
};
#define IMPORT_COLUMNS 25
#define IMPORT_OWN_COLUMNS 13	/* the young person's own: name... */
#define IMPORT_MORE_COLUMNS (IMPORT_COLUMNS - IMPORT_OWN_COLUMNS)

/*
 * What a row keeps with the young person, set on the day of the import;
 * the strings point into text, NULL when not given.
 */
struct import_more {
	enum flag_kind	*flags;		/* safety flags' kinds, owned */
	size_t		 nflags;
	const char	*flag_note;	/* the note of each of those flags */
	const char	*note;		/* a note about them (several lines) */
	const char	*social_worker;	/* their social worker: name, */
	const char	*sw_phone;	/* phone */
	const char	*sw_email;	/* and email */
	const char	*action;	/* an action agreed on the day, */
	const char	*action_who;	/* who does it (never NULL with it) */
	date_t		 action_due;	/* and when it is due */
	int		 has_home;	/* where they live: home (no id) */
	struct accommodation home;
	char		*text[IMPORT_MORE_COLUMNS];	/* the fields, owned */
};

/* A column's usual name, as in the manual: "date_of_birth". */
const char *import_column_name(enum import_column column);

/* A young person read from one row, checked. */
struct import_row {
	int		 line;		/* where the row starts; the header is 1 */
	struct person	 person;	/* strings point into text */
	date_t		 last_contact;	/* DATE_NONE when not given */
	date_t		 stepped_down_on; /* DATE_NONE unless stepped down */
	date_t		 came_back_on;	/* stepped up again after a step-down
					 * (status_since later than
					 * allocated_on), or DATE_NONE */
	date_t		 archived_on;	/* DATE_NONE unless archived */
	char		*text[IMPORT_OWN_COLUMNS];	/* the fields, owned */
	char		*full_name;	/* first name and surname joined, owned */
	struct import_more *more;	/* owned; NULL when the row keeps
					 * nothing with them */
};

/* Something wrong at a line of the file. */
struct import_problem {
	int	 line;
	char	*what;		/* without the file and line */
	size_t	 seq;		/* the order it was found in */
};

struct import_sheet {
	struct import_row	*rows;		/* only rows without problems */
	size_t			 n, size;
	struct import_problem	*problems;
	size_t			 nproblems, problems_size;
	int			 header[IMPORT_COLUMNS]; /* field index, or -1 */
	int			 semicolons;	/* read as separated by ';' */
	const char		**unmatched;	/* the --ignore-column names
						 * (the caller's strings) that
						 * name no column of the file */
	size_t			 nunmatched;
};

/* How to read a sheet. */
struct import_options {
	const char *const	*ignore;	/* headers of columns to skip,
						 * matched as columns are */
	size_t			 nignore;
	int			 dash_is_stdin;	/* "-" is standard input */
};

/*
 * Read the spreadsheet at path (the whole of standard input when it is
 * "-" and opt says dash_is_stdin), as on
 * today (for dates such as "today" and checks such as "not in the
 * future").  UTF-8 with or without a byte-order mark, CRLF, LF or CR line
 * ends, quoted fields with commas, quotes and line breaks; separated by
 * semicolons instead of commas when the header row is (out->semicolons).
 * Blank rows are skipped.  What 'caseload list --format csv' writes is
 * read back: the columns caseload works out itself (id, uuid, age, stage,
 * status_since) are passed over, status_since giving a step-down's date
 * when there is no stepped_down_on column, an archived row's date, and
 * for a stepped-up row the day they came back (came_back_on) when it is
 * later than allocated_on; and the apostrophe csv_field puts before a
 * cell such as "=..." or "+44..." (or "'...") comes off.  A column
 * caseload does not know is a problem, unless opt (may be NULL) says to
 * skip it.  The columns of what is kept with a young person (safety
 * flags with a note, a note about them, their social worker) are
 * optional and checked as 'caseload flag', 'note' and 'involve' check
 * them; their problems never repeat what a cell says.
 *
 * Returns 0 when the file could be read: out->rows holds the good rows
 * and out->problems what is wrong with the others (one entry per problem,
 * by line), including two rows for the same young person (same name,
 * ignoring case, and date of birth).  The import must not go ahead when
 * there is a problem.  Returns -1 with *cause when the file cannot be
 * read at all (missing, too big, UTF-16, not UTF-8, empty).  Free out
 * with import_sheet_free in both cases.
 */
int import_read(const char *path, date_t today,
    const struct import_options *opt, struct import_sheet *out,
    char **cause);

/*
 * What messages of a reader that takes "-" as standard input call the
 * file at path: "standard input" for "-", else path.
 */
const char *import_file_name(const char *path);

/* Add a problem at a line (the message is formatted like printf). */
void import_problem(struct import_sheet *sheet, int line, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

/* Put the problems in order of line (problems of one line keep theirs). */
void import_sort_problems(struct import_sheet *sheet);

/* Free what import_read filled in; import_sheet_free(NULL) does nothing. */
void import_sheet_free(struct import_sheet *sheet);

/* The note of the contact made from the last contact column. */
#define IMPORT_NOTE "imported from spreadsheet"

/* The reason of the step-up recorded on a stepped-up row's status_since. */
#define IMPORT_CAME_BACK_NOTE "imported from spreadsheet: came back to " \
    "the service; when they stepped down before is not in the file"

#endif
