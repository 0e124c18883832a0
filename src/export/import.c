/* SPDX-License-Identifier: MIT */
/*
 * import.c: reading young people from a spreadsheet's CSV (see import.h),
 * parsed by libcsv, checked field by field with the command line's checks.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <csv.h>

#include "action.h"
#include "around.h"
#include "cause.h"
#include "check.h"
#include "import.h"
#include "text.h"
#include "xmalloc.h"

/* A caseload spreadsheet is far smaller; anything bigger is the wrong file. */
#define IMPORT_MAX_BYTES (32L * 1024 * 1024)

/* What a column's field is checked as, and how it is read. */
enum import_check {
	IMPORT_AS_NAME,		/* squeezed; read with the other name columns */
	IMPORT_AS_TEXT,		/* squeezed when names; at most max characters */
	IMPORT_AS_EMAIL,
	IMPORT_AS_WEEKS,	/* a whole number of weeks from 1 to 52 */
	IMPORT_AS_STATUS,	/* stepped up or stepped down */
	IMPORT_AS_DATE,
	IMPORT_AS_MORE		/* kept with them: read by import_row_more */
};

/*
 * A row that is being read: the row itself and what the columns say that
 * it does not keep.  A column's field goes to an offset in here.
 */
struct import_reading {
	struct import_row	 row;
	enum status		 status;	/* STATUS_UP unless the row says */
	int			 status_given;	/* the status column said which */
	date_t			 since;		/* status_since, or DATE_NONE */
	enum import_column	 name_column;	/* where problems of the name go */
	unsigned		 failed;	/* columns found wrong: IMPORT_BIT */
};

/*
 * The columns caseload reads, in the order their fields are checked (and
 * so the order in which a row's problems are told).  The spellings of a
 * header are in lower case with everything but letters and digits taken
 * out, as import_key makes them.
 */
static const struct import_column_entry {
	enum import_column	 column;
	const char		*name;		/* as in the manual */
	const char		*spellings[10];	/* NULL after the last */
	enum import_check	 check;
	int			 squeeze;	/* spaces tidied, as typed names */
	int			 lines;		/* IMPORT_AS_TEXT: new lines allowed */
	size_t			 max;		/* IMPORT_AS_TEXT: characters */
	const char		*missing;	/* the problem when empty, or NULL */
	size_t			 to;		/* in struct import_reading */
} import_columns[] = {
	{ IMPORT_NAME, "name", { "name", "fullname", "youngperson",
	    "youngpersonname", "youngpersonsname" },
	  IMPORT_AS_NAME, 1, 0, 0, NULL, 0 },
	{ IMPORT_FIRST_NAME, "first_name", { "firstname", "firstnames",
	    "forename", "forenames", "givenname" },
	  IMPORT_AS_NAME, 1, 0, 0, NULL, 0 },
	{ IMPORT_SURNAME, "surname", { "surname", "lastname", "familyname" },
	  IMPORT_AS_NAME, 1, 0, 0, NULL, 0 },
	{ IMPORT_PREFERRED, "preferred_name", { "preferredname", "preferred",
	    "knownas", "nickname" },
	  IMPORT_AS_TEXT, 1, 0, CHECK_NAME_MAX, NULL,
	  offsetof(struct import_reading, row.person.preferred_name) },
	{ IMPORT_PHONE, "phone", { "phone", "phonenumber", "telephone",
	    "telephonenumber", "tel", "mobile", "mobilenumber", "mobilephone",
	    "contactnumber" },
	  IMPORT_AS_TEXT, 0, 0, CHECK_PHONE_MAX, NULL,
	  offsetof(struct import_reading, row.person.phone) },
	{ IMPORT_EMAIL, "email", { "email", "emailaddress" },
	  IMPORT_AS_EMAIL, 0, 0, 0, NULL,
	  offsetof(struct import_reading, row.person.email) },
	{ IMPORT_ADDRESS, "address", { "address", "homeaddress",
	    "postaladdress" },
	  IMPORT_AS_TEXT, 0, 1, CHECK_ADDRESS_MAX, NULL,
	  offsetof(struct import_reading, row.person.address) },
	{ IMPORT_INTERVAL, "interval_weeks", { "intervalweeks", "interval",
	    "contactinterval", "contactintervalweeks" },
	  IMPORT_AS_WEEKS, 0, 0, 0, NULL,
	  offsetof(struct import_reading, row.person.facts.interval_weeks) },
	{ IMPORT_STATUS, "status", { "status" },
	  IMPORT_AS_STATUS, 0, 0, 0, NULL,
	  offsetof(struct import_reading, status) },
	{ IMPORT_DOB, "date_of_birth", { "dob", "dateofbirth", "birthdate",
	    "born" },
	  IMPORT_AS_DATE, 0, 0, 0, "the date of birth is missing",
	  offsetof(struct import_reading, row.person.facts.dob) },
	{ IMPORT_ALLOCATED, "allocated_on", { "allocated", "allocatedon",
	    "allocateddate", "allocationdate", "dateallocated",
	    "dateofallocation" },
	  IMPORT_AS_DATE, 0, 0, 0, NULL,
	  offsetof(struct import_reading, row.person.facts.allocated_on) },
	{ IMPORT_STEPPED_DOWN, "stepped_down_on", { "steppeddownon",
	    "steppeddown", "steppeddowndate", "datesteppeddown",
	    "stepdowndate", "dateofstepdown" },
	  IMPORT_AS_DATE, 0, 0, 0, NULL,
	  offsetof(struct import_reading, row.stepped_down_on) },
	{ IMPORT_LAST_CONTACT, "last_contact", { "lastcontact",
	    "lastcontacton", "lastcontactdate", "dateoflastcontact",
	    "datelastcontact" },
	  IMPORT_AS_DATE, 0, 0, 0, NULL,
	  offsetof(struct import_reading, row.last_contact) },
	{ IMPORT_SAFETY_FLAG, "safety_flag", { "safetyflag", "safetyflags",
	    "flag", "flags", "safety", "safetyflagkind", "flagkind",
	    "flagkinds" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_FLAG_NOTE, "safety_flag_note", { "safetyflagnote",
	    "safetyflagnotes", "flagnote", "flagnotes", "safetynote",
	    "safetynotes" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_ABOUT, "note", { "note", "notes", "notesaboutthem",
	    "aboutthem", "noteaboutthem" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_SW, "social_worker", { "socialworker", "socialworkername",
	    "sw", "swname", "allocatedsocialworker" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_SW_PHONE, "social_worker_phone", { "socialworkerphone",
	    "socialworkerphonenumber", "socialworkertelephone",
	    "socialworkertel", "socialworkermobile", "swphone",
	    "swphonenumber", "swtelephone", "swtel" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_SW_EMAIL, "social_worker_email", { "socialworkeremail",
	    "socialworkeremailaddress", "swemail", "swemailaddress" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_ACTION, "agreed_action", { "agreedaction", "action",
	    "actionagreed", "whatwasagreed" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_ACTION_WHO, "agreed_action_who", { "agreedactionwho",
	    "actionwho", "whodoesit", "agreedactionby", "actionby" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_ACTION_DUE, "agreed_action_due", { "agreedactiondue",
	    "actiondue", "agreedactionduedate", "actionduedate",
	    "actiondueby", "agreedactiondueby" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_ACCOMMODATION, "accommodation", { "accommodation",
	    "accommodationtype", "housing", "livingsituation", "livesin" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_ACCOM_SINCE, "accommodation_since", { "accommodationsince",
	    "accommodationfrom", "movedin", "movedinon", "movedindate" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
	{ IMPORT_PROVIDED_BY_LA, "provided_by_la", { "providedbyla",
	    "providedbythela", "laprovided", "providedbylocalauthority",
	    "laaccommodation" },
	  IMPORT_AS_MORE, 0, 0, 0, NULL, 0 },
};
#define IMPORT_COLUMN_COUNT (sizeof import_columns / sizeof import_columns[0])
_Static_assert(IMPORT_COLUMN_COUNT == IMPORT_COLUMNS,
    "one row of import_columns for each column");
_Static_assert(IMPORT_SAFETY_FLAG == IMPORT_OWN_COLUMNS,
    "what is kept with them comes after their own columns");

const char *
import_column_name(enum import_column column)
{
	size_t i;

	for (i = 0; i < IMPORT_COLUMN_COUNT; i++) {
		if (import_columns[i].column == column)
			return import_columns[i].name;
	}
	return NULL;
}

/* One field of the record being read. */
struct import_field {
	char	*s;		/* NUL-terminated, line ends made \n */
	int	 has_nul;	/* the file had a NUL byte in it */
};

struct import_state {
	struct import_sheet	*sheet;
	date_t			 today;
	struct import_field	*fields;	/* the record being read */
	size_t			 nfields, fields_size;
	int			 line;		/* physical line being read */
	int			 record_line;	/* where the record started */
	int			 between;	/* no record begun yet */
	int			 prev_cr;	/* the last byte was \r */
	int			 skipping;	/* to the end of a wrong line */
	int			 have_header;
	size_t			 ncolumns;	/* fields in the header */
	char			*label[IMPORT_COLUMNS];	/* as the header says */
	const char		*name;		/* the file, for messages */
	char			**ignore;	/* keys of columns to skip */
	int			 *ignore_hit;	/* ... each named a column */
	size_t			 nignore;
	int			 since;		/* status_since field, or -1 */
	char			*since_label;	/* its header, as written */
	int			 down_from_since; /* no stepped_down_on column:
						 * status_since says when */
	int			 delim;		/* ',' or ';' */
	int			 delim_known;	/* decided from the header */
	unsigned		 utf8_need;	/* continuation bytes to come */
	unsigned char		 utf8_lo, utf8_hi; /* the next one's range */
};

void
import_problem(struct import_sheet *sheet, int line, const char *fmt, ...)
{
	struct import_problem *p;
	va_list ap;

	if (sheet->nproblems == sheet->problems_size) {
		sheet->problems_size = sheet->problems_size ?
		    sheet->problems_size * 2 : 16;
		sheet->problems = xreallocarray(sheet->problems,
		    sheet->problems_size, sizeof *sheet->problems);
	}
	p = &sheet->problems[sheet->nproblems++];
	p->line = line;
	p->seq = sheet->nproblems;
	va_start(ap, fmt);
	p->what = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Order problems by line, then as they were found (qsort is not stable). */
static int
import_problem_compare(const void *a, const void *b)
{
	const struct import_problem *pa = a, *pb = b;

	if (pa->line != pb->line)
		return pa->line < pb->line ? -1 : 1;
	return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

void
import_sort_problems(struct import_sheet *sheet)
{
	if (sheet->nproblems > 1)
		qsort(sheet->problems, sheet->nproblems,
		    sizeof *sheet->problems, import_problem_compare);
}

/* A header's key: ASCII letters in lower case and digits, nothing else. */
static char *
import_key(const char *s, int drop_brackets)
{
	char *key = xmalloc(strlen(s) + 1), *k = key;
	int depth = 0;

	for (; *s != '\0'; s++) {
		if (*s == '(')
			depth++;
		else if (*s == ')' && depth > 0)
			depth--;
		else if (drop_brackets && depth > 0)
			continue;
		else if (*s >= 'A' && *s <= 'Z')
			*k++ = (char)(*s - 'A' + 'a');
		else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    (*s & 0x80) != 0)
			*k++ = *s;
	}
	*k = '\0';
	return key;
}

/*
 * The column a header names, or -1: its key as written, then without
 * what is in brackets ("Date of birth (dd/mm/yyyy)").
 */
static int
import_lookup(const char *header)
{
	const char *const *spelling;
	char *key;
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		key = import_key(header, pass);
		for (i = 0; i < IMPORT_COLUMN_COUNT; i++) {
			for (spelling = import_columns[i].spellings;
			    *spelling != NULL; spelling++) {
				if (strcmp(key, *spelling) == 0) {
					free(key);
					return (int)import_columns[i].column;
				}
			}
		}
		free(key);
	}
	return -1;
}

/*
 * The columns of 'caseload list --format csv' that caseload works out
 * itself: read back, they are passed over (status_since gives the date of
 * a step-down when there is no stepped_down_on column).
 */
static const char *const import_own[] = {
	"id", "uuid", "age", "stage", "statussince"
};
#define IMPORT_OWN_COUNT (sizeof import_own / sizeof import_own[0])
#define IMPORT_OWN_SINCE 4

/*
 * Which of keys (as import_key makes them) a header is, as written or
 * without what is in brackets; -1 for none.
 */
static int
import_match_keys(const char *header, const char *const *keys, size_t n)
{
	char *key;
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		key = import_key(header, pass);
		for (i = 0; i < n; i++) {
			if (strcmp(key, keys[i]) == 0) {
				free(key);
				return (int)i;
			}
		}
		free(key);
	}
	return -1;
}

/* 1 when s is empty or only white space, new lines included. */
static int
import_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	}
	return 1;
}

/* 1 when s starts, after any spaces, as csv_field guards against. */
static int
import_guarded(const char *s)
{
	s += strspn(s, " ");
	return *s != '\0' && strchr("=+-@\t\n'", *s) != NULL;
}

/* libcsv: one field.  Line ends inside it become \n; ends are trimmed. */
static void
import_on_field(void *s, size_t len, void *arg)
{
	struct import_state *st = arg;
	const char *in = s != NULL ? s : "";
	struct import_field *f;
	size_t i, start, end;
	char *out;

	if (st->nfields == st->fields_size) {
		st->fields_size = st->fields_size ? st->fields_size * 2 : 16;
		st->fields = xreallocarray(st->fields, st->fields_size,
		    sizeof *st->fields);
	}
	f = &st->fields[st->nfields++];
	f->has_nul = memchr(in, '\0', len) != NULL;
	for (start = 0; start < len && (in[start] == ' ' || in[start] == '\t' ||
	    in[start] == '\r' || in[start] == '\n'); start++)
		;
	for (end = len; end > start && (in[end - 1] == ' ' ||
	    in[end - 1] == '\t' || in[end - 1] == '\r' || in[end - 1] == '\n');
	    end--)
		;
	f->s = out = xmalloc(end - start + 1);
	for (i = start; i < end; i++) {
		if (in[i] == '\r') {
			*out++ = '\n';
			if (i + 1 < end && in[i + 1] == '\n')
				i++;
		} else
			*out++ = in[i];
	}
	*out = '\0';
	/*
	 * The apostrophe caseload's CSV puts before a cell a spreadsheet
	 * would run as a formula (csvout.h) comes off again.
	 */
	if (f->s[0] == '\'' && import_guarded(f->s + 1))
		memmove(f->s, f->s + 1, (size_t)(out - f->s));
}

static void
import_clear_fields(struct import_state *st)
{
	size_t i;

	for (i = 0; i < st->nfields; i++)
		free(st->fields[i].s);
	st->nfields = 0;
}

/* The field of a column in the record being read; "" when there is none. */
static const char *
import_get(struct import_state *st, enum import_column c)
{
	int i = st->sheet->header[c];

	if (i < 0 || (size_t)i >= st->nfields)
		return "";
	return st->fields[i].s;
}

/* How a problem with a column is introduced: the header as written. */
static const char *
import_label(struct import_state *st, enum import_column c)
{
	return st->label[c] != NULL ? st->label[c] : import_column_name(c);
}

static void
import_header(struct import_state *st)
{
	struct import_sheet *sh = st->sheet;
	const char *text, *since_label = NULL;
	size_t i;
	int c, own;

	st->ncolumns = st->nfields;
	for (i = 0; i < st->nfields; i++) {
		text = st->fields[i].s;
		if (*text == '\0') {
			import_problem(sh, st->record_line, "column %zu has no "
			    "name in the header row; name it or delete the "
			    "column", i + 1);
			continue;
		}
		/* Skipped as asked, even a column caseload knows. */
		if ((c = import_match_keys(text,
		    (const char *const *)st->ignore, st->nignore)) >= 0) {
			st->ignore_hit[c] = 1;
			continue;
		}
		if ((c = import_lookup(text)) < 0) {
			own = import_match_keys(text, import_own,
			    IMPORT_OWN_COUNT);
			if (own == IMPORT_OWN_SINCE && st->since < 0) {
				st->since = (int)i;
				since_label = text;
				st->since_label = xstrdup(text);
			}
			if (own >= 0)
				continue;
			import_problem(sh, st->record_line, "'%s' is not a "
			    "column caseload knows; rename it (see "
			    "'Importing a spreadsheet' in man caseload), "
			    "delete the column, or skip it ('caseload import "
			    "--ignore-column')", text);
			continue;
		}
		if (sh->header[c] >= 0) {
			import_problem(sh, st->record_line, "'%s' and '%s' are "
			    "the same column; keep one", st->label[c], text);
			continue;
		}
		sh->header[c] = (int)i;
		st->label[c] = xstrdup(text);
	}
	/* What 'caseload list --format csv' writes: when they stepped down. */
	if (sh->header[IMPORT_STEPPED_DOWN] < 0 && since_label != NULL) {
		st->down_from_since = 1;
		st->label[IMPORT_STEPPED_DOWN] = xstrdup(since_label);
	}
	if (sh->header[IMPORT_NAME] < 0 && sh->header[IMPORT_FIRST_NAME] < 0 &&
	    sh->header[IMPORT_SURNAME] < 0)
		import_problem(sh, st->record_line, "no column for the name "
		    "(call it 'name', or 'first name' and 'surname')");
	else if (sh->header[IMPORT_NAME] >= 0 &&
	    (sh->header[IMPORT_FIRST_NAME] >= 0 ||
	    sh->header[IMPORT_SURNAME] >= 0))
		import_problem(sh, st->record_line, "give the name in one "
		    "column, or in 'first name' and 'surname', not both");
	if (sh->header[IMPORT_DOB] < 0)
		import_problem(sh, st->record_line, "no column for the date of "
		    "birth (call it 'date of birth' or 'dob')");
}

/* The bit of a column in a set of columns found wrong. */
#define IMPORT_BIT(c) (1u << (c))

/*
 * Parse a date field of the column headed label, reporting a problem and
 * setting bit in *failed; DATE_NONE when it is empty or wrong.
 */
static date_t
import_date_as(struct import_state *st, const char *label, unsigned bit,
    const char *text, unsigned *failed)
{
	static const char *const midnight[] = {
		" 00:00:00", " 00:00", "T00:00:00", "T00:00"
	};
	char *copy, *cause = NULL;
	size_t len, i, n;
	date_t d;

	if (*text == '\0')
		return DATE_NONE;
	/* A spreadsheet may add a time of midnight to a date cell. */
	copy = xstrdup(text);
	len = strlen(copy);
	for (i = 0; i < sizeof midnight / sizeof midnight[0]; i++) {
		n = strlen(midnight[i]);
		if (len > n && strcmp(copy + len - n, midnight[i]) == 0) {
			copy[len - n] = '\0';
			break;
		}
	}
	if (date_parse(copy, st->today, &d, &cause) != 0) {
		import_problem(st->sheet, st->record_line, "%s: %s", label,
		    cause);
		free(cause);
		free(copy);
		*failed |= bit;
		return DATE_NONE;
	}
	free(copy);
	return d;
}

/* Parse a date field of column c, as import_date_as does. */
static date_t
import_date(struct import_state *st, enum import_column c, const char *text,
    unsigned *failed)
{
	return import_date_as(st, import_label(st, c), IMPORT_BIT(c), text,
	    failed);
}

/* Report a check's failure against a column, and mark it in *failed. */
static void
import_checked(struct import_state *st, enum import_column c, int rc,
    char **cause, unsigned *failed)
{
	if (rc == 0)
		return;
	import_problem(st->sheet, st->record_line, "%s: %s",
	    import_label(st, c), *cause != NULL ? *cause : "not valid");
	free(*cause);
	*cause = NULL;
	*failed |= IMPORT_BIT(c);
}

/* A status: stepped up or stepped down, in a few spellings; -1 if not. */
static int
import_status(const char *text, enum status *out)
{
	char *key = import_key(text, 0);
	int rc = 0;

	if (strcmp(key, "steppedup") == 0 || strcmp(key, "up") == 0 ||
	    strcmp(key, "stepup") == 0)
		*out = STATUS_UP;
	else if (strcmp(key, "steppeddown") == 0 ||
	    strcmp(key, "down") == 0 || strcmp(key, "stepdown") == 0)
		*out = STATUS_DOWN;
	else if (strcmp(key, "archived") == 0)
		*out = STATUS_ARCHIVED;
	else
		rc = -1;
	free(key);
	return rc;
}

/* Where the field of a column goes in the row being read. */
static void *
import_to(struct import_reading *r, const struct import_column_entry *col)
{
	return (char *)r + col->to;
}

/*
 * Read the field of one column of the row into where the table says it
 * goes, after the column's check; a problem is reported and the column
 * marked failed.  An empty field leaves what is there (nothing, or the
 * default) unless the column must have a value.
 */
static void
import_field(struct import_state *st, const struct import_column_entry *col,
    struct import_reading *r)
{
	const char *field, **text;
	char *cause = NULL, *end;
	enum status *status;
	date_t *date;
	long n;
	int rc, *weeks;

	if (col->check == IMPORT_AS_NAME || col->check == IMPORT_AS_MORE)
		return;		/* read with the columns that go with them */
	field = r->row.text[col->column];
	if (col->check == IMPORT_AS_DATE) {
		date = import_to(r, col);
		*date = import_date(st, col->column, field, &r->failed);
		if (*field == '\0' && col->missing != NULL) {
			import_problem(st->sheet, st->record_line, "%s: %s",
			    import_label(st, col->column), col->missing);
			r->failed |= IMPORT_BIT(col->column);
		}
		return;
	}
	if (*field == '\0')
		return;
	switch (col->check) {
	case IMPORT_AS_TEXT:
	case IMPORT_AS_EMAIL:
		if (col->check == IMPORT_AS_EMAIL)
			rc = check_email(field, &cause);
		else
			rc = check_text(field, col->lines, col->max, &cause);
		import_checked(st, col->column, rc, &cause, &r->failed);
		text = import_to(r, col);
		*text = field;
		break;
	case IMPORT_AS_WEEKS:
		errno = 0;
		n = strtol(field, &end, 10);
		if (*field < '0' || *field > '9' || *end != '\0' ||
		    errno != 0 || n < 1 || n > 52) {
			import_problem(st->sheet, st->record_line, "%s: '%s' is "
			    "not a whole number of weeks from 1 to 52",
			    import_label(st, col->column), field);
			r->failed |= IMPORT_BIT(col->column);
			break;
		}
		weeks = import_to(r, col);
		*weeks = (int)n;
		break;
	case IMPORT_AS_STATUS:
		status = import_to(r, col);
		if (import_status(field, status) != 0) {
			import_problem(st->sheet, st->record_line, "%s: '%s' is "
			    "not a status; write stepped up, stepped down or "
			    "archived",
			    import_label(st, col->column), field);
			r->failed |= IMPORT_BIT(col->column);
		} else
			r->status_given = 1;
		break;
	case IMPORT_AS_NAME:
	case IMPORT_AS_DATE:
	case IMPORT_AS_MORE:
		break;
	}
}

/*
 * Whether the record can be read as a young person: not when it holds a
 * NUL byte or the header lacks a name or date of birth column (-1).  A
 * record with more fields than the header is read, to tell all of its
 * problems, but marked *bad.
 */
static int
import_row_shape(struct import_state *st, int *bad)
{
	struct import_sheet *sh = st->sheet;
	size_t i, extra = 0;

	for (i = 0; i < st->nfields; i++) {
		if (st->fields[i].has_nul) {
			import_problem(sh, st->record_line, "the row holds a "
			    "NUL byte: save the spreadsheet as CSV (UTF-8) and "
			    "try again");
			return -1;
		}
		if (i >= st->ncolumns && st->fields[i].s[0] != '\0')
			extra++;
	}
	if (extra > 0) {
		import_problem(sh, st->record_line, "the row has %zu fields "
		    "but the header has %zu columns; put a field that holds "
		    "a comma in quotes", st->nfields, st->ncolumns);
		*bad = 1;
	}
	/* Without a name and a date of birth column, nothing can be read. */
	if (sh->header[IMPORT_DOB] < 0 || (sh->header[IMPORT_NAME] < 0 &&
	    sh->header[IMPORT_FIRST_NAME] < 0 &&
	    sh->header[IMPORT_SURNAME] < 0))
		return -1;
	return 0;
}

/* Start reading the record into r: the defaults and a copy of each field. */
static void
import_row_start(struct import_state *st, struct import_reading *r)
{
	enum status down;
	size_t i;
	int c;

	memset(r, 0, sizeof *r);
	r->row.line = st->record_line;
	person_facts_init(&r->row.person.facts);
	r->row.last_contact = DATE_NONE;
	r->row.stepped_down_on = DATE_NONE;
	r->row.came_back_on = DATE_NONE;
	r->row.archived_on = DATE_NONE;
	r->since = DATE_NONE;
	r->status = STATUS_UP;
	for (i = 0; i < IMPORT_COLUMN_COUNT; i++) {
		c = import_columns[i].column;
		/* What is kept with them: only when the file has its column. */
		if (c >= IMPORT_OWN_COLUMNS) {
			if (st->sheet->header[c] < 0)
				continue;
			if (r->row.more == NULL)
				r->row.more = xcalloc(1, sizeof *r->row.more);
			r->row.more->text[c - IMPORT_OWN_COLUMNS] =
			    xstrdup(import_get(st, c));
			continue;
		}
		r->row.text[c] = xstrdup(import_get(st, c));
		/* Names are tidied as typed names are. */
		if (import_columns[i].squeeze)
			text_squeeze(r->row.text[c]);
	}
	/* Read back from 'caseload list': stepped down since status_since. */
	if (st->down_from_since && (size_t)st->since < st->nfields &&
	    import_status(import_get(st, IMPORT_STATUS), &down) == 0 &&
	    down == STATUS_DOWN) {
		free(r->row.text[IMPORT_STEPPED_DOWN]);
		r->row.text[IMPORT_STEPPED_DOWN] =
		    xstrdup(st->fields[st->since].s);
	}
}

/* The name, whole or in two parts, checked as a typed name. */
static void
import_row_name(struct import_state *st, struct import_reading *r)
{
	const char *first, *last;
	char *cause = NULL;

	if (st->sheet->header[IMPORT_NAME] >= 0) {
		r->row.person.name = r->row.text[IMPORT_NAME];
		r->name_column = IMPORT_NAME;
	} else {
		first = r->row.text[IMPORT_FIRST_NAME];
		last = r->row.text[IMPORT_SURNAME];
		r->row.full_name = xasprintf("%s%s%s", first,
		    *first != '\0' && *last != '\0' ? " " : "", last);
		r->row.person.name = r->row.full_name;
		r->name_column = st->sheet->header[IMPORT_FIRST_NAME] >= 0 ?
		    IMPORT_FIRST_NAME : IMPORT_SURNAME;
	}
	import_checked(st, r->name_column, check_name(r->row.person.name,
	    &cause), &cause, &r->failed);
}

/*
 * What status_since (read back from 'caseload list --all --format csv')
 * says of a row that is not stepped down, into r->since: the day an
 * archived row was archived, which it must have, and for a stepped-up
 * row the day of its latest status change (import_row_status).
 */
static void
import_row_since(struct import_state *st, struct import_reading *r)
{
	struct import_sheet *sh = st->sheet;
	const char *field = "";

	if (r->status == STATUS_DOWN || (!r->status_given &&
	    r->row.stepped_down_on != DATE_NONE))
		return;
	if (st->since >= 0 && (size_t)st->since < st->nfields)
		field = st->fields[st->since].s;
	r->since = import_date_as(st, st->since_label != NULL ?
	    st->since_label : "status_since", IMPORT_BIT(IMPORT_STATUS), field,
	    &r->failed);
	if (r->status != STATUS_ARCHIVED)
		return;
	if (*r->row.text[IMPORT_STEPPED_DOWN] != '\0') {
		import_problem(sh, st->record_line, "%s: archived, but %s has "
		    "a date; clear it", import_label(st, IMPORT_STATUS),
		    import_label(st, IMPORT_STEPPED_DOWN));
		r->failed |= IMPORT_BIT(IMPORT_STATUS);
	} else if (st->since < 0) {
		import_problem(sh, st->record_line, "%s: archived, but on what "
		    "date? Add a 'status since' column, as 'caseload list "
		    "--all --format csv' writes", import_label(st,
		    IMPORT_STATUS));
		r->failed |= IMPORT_BIT(IMPORT_STATUS);
	} else if (*field == '\0') {
		import_problem(sh, st->record_line, "%s: archived, but %s is "
		    "empty", import_label(st, IMPORT_STATUS), st->since_label);
		r->failed |= IMPORT_BIT(IMPORT_STATUS);
	}
	r->row.archived_on = r->since;
}

/*
 * Stepped up or down: from the status, or from a stepped-down date alone;
 * a status and a stepped-down date must agree.  Then the date allocated,
 * when none is given: as 'caseload add' has it (today, or the last
 * contact when earlier), or the day someone stepped down or was
 * archived when earlier still, since they were allocated by then.  A
 * stepped-up row with an allocation date and a later status_since came
 * back to the service on that day.
 */
static void
import_row_status(struct import_state *st, struct import_reading *r)
{
	struct import_sheet *sh = st->sheet;
	struct person_facts *facts = &r->row.person.facts;
	date_t last;

	if (!r->status_given && r->row.stepped_down_on != DATE_NONE)
		r->status = STATUS_DOWN;
	if (r->status == STATUS_UP && r->status_given &&
	    *r->row.text[IMPORT_STEPPED_DOWN] != '\0') {
		import_problem(sh, st->record_line, "%s: stepped up, but %s "
		    "has a date; clear one of them",
		    import_label(st, IMPORT_STATUS),
		    import_label(st, IMPORT_STEPPED_DOWN));
		r->failed |= IMPORT_BIT(IMPORT_STATUS);
	}
	if (r->status == STATUS_DOWN &&
	    *r->row.text[IMPORT_STEPPED_DOWN] == '\0') {
		if (sh->header[IMPORT_STEPPED_DOWN] < 0 &&
		    !st->down_from_since)
			import_problem(sh, st->record_line, "%s: stepped down, "
			    "but on what date? Add a 'stepped down on' column",
			    import_label(st, IMPORT_STATUS));
		else
			import_problem(sh, st->record_line, "%s: stepped down, "
			    "but %s is empty", import_label(st, IMPORT_STATUS),
			    import_label(st, IMPORT_STEPPED_DOWN));
		r->failed |= IMPORT_BIT(IMPORT_STATUS);
	}

	if (facts->allocated_on == DATE_NONE &&
	    *r->row.text[IMPORT_ALLOCATED] == '\0') {
		/* A last contact before their birth is its own problem. */
		last = r->row.last_contact;
		if (facts->dob == DATE_NONE || last < facts->dob)
			last = DATE_NONE;
		facts->allocated_on = person_default_allocated(st->today, last);
		if (r->status == STATUS_DOWN &&
		    r->row.stepped_down_on != DATE_NONE &&
		    r->row.stepped_down_on < facts->allocated_on)
			facts->allocated_on = r->row.stepped_down_on;
		if (r->row.archived_on != DATE_NONE &&
		    r->row.archived_on < facts->allocated_on)
			facts->allocated_on = r->row.archived_on;
	} else if (r->status == STATUS_UP && facts->allocated_on != DATE_NONE &&
	    r->since != DATE_NONE && r->since > facts->allocated_on)
		r->row.came_back_on = r->since;
}

/*
 * The day someone came back or was archived (status_since) against their
 * allocation and today, as the step-up or archive would be checked.
 */
static void
import_row_whole_since(struct import_state *st, struct import_reading *r)
{
	struct person_facts f = r->row.person.facts;
	enum status to = STATUS_UP;
	date_t on = r->row.came_back_on;
	char *cause = NULL;

	if (r->row.archived_on != DATE_NONE) {
		to = STATUS_ARCHIVED;
		on = r->row.archived_on;
	}
	if (on == DATE_NONE || (r->failed & (IMPORT_BIT(IMPORT_DOB) |
	    IMPORT_BIT(IMPORT_ALLOCATED) | IMPORT_BIT(IMPORT_STATUS))) != 0)
		return;
	/* Back after a step-down, or archived from the service. */
	f.status = to == STATUS_UP ? STATUS_DOWN : STATUS_UP;
	f.status_since = f.allocated_on;
	if (check_status_change(&f, to, on, st->today, NULL, &cause) != 0) {
		import_problem(st->sheet, st->record_line, "%s: %s",
		    st->since_label, cause);
		free(cause);
		r->failed |= IMPORT_BIT(IMPORT_STATUS);
	}
}

/*
 * The checks of the whole, each once the fields it reads are sound, so
 * that every problem of the row is reported at once: the young person as
 * 'caseload add' checks them, the last contact against the date of
 * birth, and the step down against the rest.
 */
static void
import_row_whole(struct import_state *st, struct import_reading *r)
{
	struct import_sheet *sh = st->sheet;
	struct person_facts up;
	enum import_column col;
	const char *what;
	char *cause = NULL;

	if ((r->failed & (IMPORT_BIT(r->name_column) | IMPORT_BIT(IMPORT_DOB) |
	    IMPORT_BIT(IMPORT_ALLOCATED) | IMPORT_BIT(IMPORT_STEPPED_DOWN))) ==
	    0 && check_person(&r->row.person, st->today, DATE_NONE, &what,
	    &cause) != 0) {
		col = r->name_column;
		if (strcmp(what, "dob") == 0)
			col = IMPORT_DOB;
		else if (strcmp(what, "allocated") == 0)
			col = sh->header[IMPORT_ALLOCATED] >= 0 ?
			    IMPORT_ALLOCATED : IMPORT_STEPPED_DOWN;
		else if (strcmp(what, "interval") == 0)
			col = IMPORT_INTERVAL;
		import_checked(st, col, -1, &cause, &r->failed);
	}
	if (r->row.last_contact != DATE_NONE &&
	    (r->failed & IMPORT_BIT(IMPORT_DOB)) == 0)
		import_checked(st, IMPORT_LAST_CONTACT,
		    check_event_date(r->row.last_contact,
		    r->row.person.facts.dob, st->today, &cause), &cause,
		    &r->failed);
	if (r->status == STATUS_DOWN && r->row.stepped_down_on != DATE_NONE &&
	    (r->failed & (IMPORT_BIT(IMPORT_DOB) | IMPORT_BIT(IMPORT_ALLOCATED) |
	    IMPORT_BIT(IMPORT_STEPPED_DOWN))) == 0) {
		up = r->row.person.facts;
		up.status = STATUS_UP;
		up.status_since = up.allocated_on;
		import_checked(st, IMPORT_STEPPED_DOWN,
		    check_status_change(&up, STATUS_DOWN,
		    r->row.stepped_down_on, st->today, NULL, &cause), &cause,
		    &r->failed);
	}
	import_row_whole_since(st, r);
}

/* Free what a row keeps with them; import_more_free(NULL) does nothing. */
static void
import_more_free(struct import_more *more)
{
	int c;

	if (more == NULL)
		return;
	for (c = 0; c < IMPORT_MORE_COLUMNS; c++)
		free(more->text[c]);
	free(more->flags);
	free(more);
}

/* A problem of column c, marked failed; never quotes what the cell holds. */
static void
import_more_problem(struct import_state *st, struct import_reading *r,
    enum import_column c, const char *what)
{
	import_problem(st->sheet, st->record_line, "%s: %s",
	    import_label(st, c), what);
	r->failed |= IMPORT_BIT(c);
}

/* The text of a column kept with them, or NULL when it is empty. */
static const char *
import_more_text(struct import_reading *r, enum import_column c)
{
	const char *text = r->row.more->text[c - IMPORT_OWN_COLUMNS];

	return text != NULL && *text != '\0' ? text : NULL;
}

/*
 * The safety flags: kinds, separated by ';', as 'caseload flag --kind'
 * reads them, each kind once (other may repeat: flag_check_new), and the
 * one note that goes with each.  Flags are private: a problem names the
 * column and which kind of the cell, never what it says.
 */
static void
import_row_flags(struct import_state *st, struct import_reading *r,
    date_t dob)
{
	const char *cell = import_more_text(r, IMPORT_SAFETY_FLAG);
	const char *note = import_more_text(r, IMPORT_FLAG_NOTE);
	char *copy, *part, *next, *cause = NULL, *what;
	struct import_more *row = r->row.more;
	enum flag_kind kind;
	size_t n = 0;

	if (cell == NULL) {
		if (note != NULL)
			import_more_problem(st, r, IMPORT_FLAG_NOTE, "there is "
			    "no safety flag on the row for the note to go "
			    "with; give its kind, or clear the note");
		return;
	}
	copy = xstrdup(cell);
	for (part = copy; part != NULL; part = next) {
		if ((next = strchr(part, ';')) != NULL)
			*next++ = '\0';
		if (*text_squeeze(part) == '\0')
			continue;
		n++;
		if (flag_kind_from_name(part, &kind) != 0) {
			what = xasprintf("kind %zu is not a kind of safety "
			    "flag; use %s (several separated by ';')", n,
			    flag_kind_list());
			import_more_problem(st, r, IMPORT_SAFETY_FLAG, what);
			free(what);
			continue;
		}
		if (flag_check_new(kind, NULL, st->today, dob, st->today,
		    row->flags, row->nflags, &cause) != 0) {
			free(cause);
			cause = NULL;
			what = xasprintf("kind %zu is given before on the row; "
			    "give each kind once (only other may repeat)", n);
			import_more_problem(st, r, IMPORT_SAFETY_FLAG, what);
			free(what);
			continue;
		}
		row->flags = xreallocarray(row->flags, row->nflags + 1,
		    sizeof *row->flags);
		row->flags[row->nflags++] = kind;
	}
	free(copy);
	if (note != NULL && check_text(note, 0, FLAG_NOTE_MAX, &cause) != 0) {
		import_more_problem(st, r, IMPORT_FLAG_NOTE, cause);
		free(cause);
	}
	row->flag_note = note;
}

/*
 * Their social worker, each column checked on its own as 'caseload
 * involve' checks it (around_person_check), so that a problem names its
 * column; a phone or email needs the name.  Errors never repeat them.
 */
/*
 * Where they live: a type of accommodation as 'caseload moved --type'
 * reads it, since a date (today when none), and whether the local
 * authority provides it (yes or no; no when none).  The date and whether
 * provided need the type.  Errors never repeat the cells.
 */
static void
import_row_home(struct import_state *st, struct import_reading *r,
    date_t dob)
{
	static const char *const yes[] = { "yes", "y", "true", "1" };
	static const char *const no[] = { "no", "n", "false", "0" };
	struct import_more *more = r->row.more;
	struct accommodation *a = &more->home;
	const char *type, *since, *by;
	enum accommodation_type t;
	unsigned failed = 0;
	char *cause = NULL, *list;
	size_t i;
	int bad = 0;

	type = import_more_text(r, IMPORT_ACCOMMODATION);
	since = import_more_text(r, IMPORT_ACCOM_SINCE);
	by = import_more_text(r, IMPORT_PROVIDED_BY_LA);
	memset(a, 0, sizeof *a);
	a->from = st->today;
	a->suitable = ACCOM_SUITABLE_UNKNOWN;
	a->struck_on = DATE_NONE;
	if (type == NULL) {
		if (since != NULL)
			import_more_problem(st, r, IMPORT_ACCOM_SINCE, "give "
			    "the accommodation type too");
		if (by != NULL)
			import_more_problem(st, r, IMPORT_PROVIDED_BY_LA,
			    "give the accommodation type too");
		return;
	}
	if (accommodation_type_from_name(type, &t) != 0) {
		list = choice_list(accommodation_type_choice());
		cause = xasprintf("not a type of accommodation; use %s", list);
		import_more_problem(st, r, IMPORT_ACCOMMODATION, cause);
		free(cause);
		free(list);
		bad = 1;
	} else
		a->type = t;
	if (since != NULL) {
		a->from = import_date(st, IMPORT_ACCOM_SINCE, since, &failed);
		if (failed)
			bad = 1;
	}
	if (by != NULL) {
		for (i = 0; i < 4; i++) {
			if (strcasecmp(by, yes[i]) == 0)
				a->provided_by_la = 1;
			else if (strcasecmp(by, no[i]) == 0)
				break;
		}
		if (!a->provided_by_la && i == 4) {
			import_more_problem(st, r, IMPORT_PROVIDED_BY_LA,
			    "yes or no");
			bad = 1;
		}
	}
	if (!bad && accommodation_check(a, dob, DATE_NONE, st->today,
	    &cause) != 0) {
		import_more_problem(st, r, IMPORT_ACCOM_SINCE, cause);
		free(cause);
		bad = 1;
	}
	more->has_home = !bad;
}

static void
import_row_social_worker(struct import_state *st, struct import_reading *r)
{
	static const enum import_column columns[] = {
		IMPORT_SW, IMPORT_SW_PHONE, IMPORT_SW_EMAIL
	};
	struct around_person one;
	const char *text;
	char *cause = NULL;
	size_t i;

	struct import_more *more = r->row.more;

	more->social_worker = import_more_text(r, IMPORT_SW);
	more->sw_phone = import_more_text(r, IMPORT_SW_PHONE);
	more->sw_email = import_more_text(r, IMPORT_SW_EMAIL);
	for (i = 0; i < sizeof columns / sizeof columns[0]; i++) {
		if ((text = import_more_text(r, columns[i])) == NULL)
			continue;
		if (i > 0 && more->social_worker == NULL) {
			import_more_problem(st, r, columns[i], "whose? Give "
			    "the social worker's name too");
			continue;
		}
		memset(&one, 0, sizeof one);
		one.role = ROLE_SOCIAL_WORKER;
		one.name = i == 0 ? text : "-";
		if (columns[i] == IMPORT_SW_PHONE)
			one.phone = text;
		else if (columns[i] == IMPORT_SW_EMAIL)
			one.email = text;
		if (around_person_check(&one, &cause) != 0) {
			import_more_problem(st, r, columns[i], cause);
			free(cause);
			cause = NULL;
		}
	}
}

/*
 * An action agreed on the day of the import, checked as 'caseload action'
 * checks it: what (one line), who does it (the worker when empty) and
 * the day it is due, which it needs.  Who and due need the action.  A
 * problem names the column, never what the action says.
 */
static void
import_row_action(struct import_state *st, struct import_reading *r,
    date_t dob)
{
	static const enum import_column without[] = {
		IMPORT_ACTION_WHO, IMPORT_ACTION_DUE
	};
	struct import_more *more = r->row.more;
	const char *text = import_more_text(r, IMPORT_ACTION);
	const char *who = import_more_text(r, IMPORT_ACTION_WHO);
	const char *due = import_more_text(r, IMPORT_ACTION_DUE);
	unsigned failed = r->failed;
	char *cause = NULL;
	date_t on;
	size_t i;

	if (text == NULL) {
		for (i = 0; i < sizeof without / sizeof without[0]; i++) {
			if (import_more_text(r, without[i]) != NULL)
				import_more_problem(st, r, without[i], "there "
				    "is no agreed action on the row for it to "
				    "go with; give the action, or clear it");
		}
		return;
	}
	if (action_check_text(text, &cause) != 0) {
		import_more_problem(st, r, IMPORT_ACTION, cause);
		free(cause);
		cause = NULL;
	}
	if (who == NULL)
		who = ACTION_WHO_DEFAULT;
	else if (action_check_who(who, &cause) != 0) {
		import_more_problem(st, r, IMPORT_ACTION_WHO, cause);
		free(cause);
		cause = NULL;
	}
	if (due == NULL) {
		import_more_problem(st, r, IMPORT_ACTION_DUE, "the date the "
		    "agreed action is due is missing; give one");
		return;
	}
	on = import_date(st, IMPORT_ACTION_DUE, due, &r->failed);
	if (on == DATE_NONE)
		return;
	if (action_check_dates(st->today, on, dob, st->today, &cause) != 0) {
		import_more_problem(st, r, IMPORT_ACTION_DUE, cause);
		free(cause);
		return;
	}
	if (r->failed == failed) {
		more->action = text;
		more->action_who = who;
		more->action_due = on;
	}
}

/*
 * What the row keeps with the young person, when the file has the
 * columns: safety flags, a note about them (several lines, as 'caseload
 * note' takes it), their social worker and an agreed action, all set on
 * the day of the import.  Nothing is read, and no time spent, without the columns.
 */
static void
import_row_more(struct import_state *st, struct import_reading *r)
{
	struct import_more *more = r->row.more;
	const char *note;
	char *cause = NULL;
	date_t dob = DATE_NONE;

	if (more == NULL)
		return;
	if ((r->failed & IMPORT_BIT(IMPORT_DOB)) == 0)
		dob = r->row.person.facts.dob;
	import_row_flags(st, r, dob);
	if ((note = import_more_text(r, IMPORT_ABOUT)) != NULL) {
		if (around_note_check(note, st->today, dob, st->today,
		    &cause) != 0) {
			import_more_problem(st, r, IMPORT_ABOUT, cause);
			free(cause);
		} else
			more->note = note;
	}
	import_row_social_worker(st, r);
	import_row_action(st, r, dob);
	import_row_home(st, r, dob);
	/* Only the rows that keep something hold on to it. */
	if (more->nflags == 0 && more->note == NULL &&
	    more->social_worker == NULL && more->action == NULL &&
	    !more->has_home) {
		import_more_free(more);
		r->row.more = NULL;
	}
}

/* Free what a row read from the file holds. */
static void
import_row_clear(struct import_row *row)
{
	int c;

	for (c = 0; c < IMPORT_OWN_COLUMNS; c++)
		free(row->text[c]);
	free(row->full_name);
	import_more_free(row->more);
}

/* Read the record as a young person: a good row, or its problems. */
static void
import_row(struct import_state *st)
{
	struct import_sheet *sh = st->sheet;
	struct import_reading r;
	size_t i;
	int bad = 0;

	if (import_row_shape(st, &bad) != 0)
		return;
	import_row_start(st, &r);
	import_row_name(st, &r);
	for (i = 0; i < IMPORT_COLUMN_COUNT; i++)
		import_field(st, &import_columns[i], &r);
	import_row_since(st, &r);
	import_row_status(st, &r);
	import_row_whole(st, &r);
	import_row_more(st, &r);
	if (r.status != STATUS_DOWN)
		r.row.stepped_down_on = DATE_NONE;
	if (r.status != STATUS_UP)
		r.row.came_back_on = DATE_NONE;

	if (bad || r.failed != 0) {
		import_row_clear(&r.row);
		return;
	}
	if (sh->n == sh->size) {
		sh->size = sh->size ? sh->size * 2 : 64;
		sh->rows = xreallocarray(sh->rows, sh->size, sizeof *sh->rows);
	}
	sh->rows[sh->n++] = r.row;
}

/* libcsv: the end of a record. */
static void
import_on_record(int c, void *arg)
{
	struct import_state *st = arg;
	size_t i;

	(void)c;
	for (i = 0; i < st->nfields; i++) {
		if (st->fields[i].s[0] != '\0' || st->fields[i].has_nul)
			break;
	}
	if (i < st->nfields) {
		if (!st->have_header) {
			import_header(st);
			st->have_header = 1;
		} else
			import_row(st);
	}
	import_clear_fields(st);
	st->between = 1;
}

/* Say what libcsv stopped on, and start afresh on the next line. */
static int
import_parse_error(struct import_state *st, struct csv_parser *p,
    char **cause)
{
	int err = csv_error(p);

	if (err == CSV_ENOMEM || err == CSV_ETOOBIG)
		return xfail(cause, "out of memory reading the file");
	if (st->record_line != st->line)
		import_problem(st->sheet, st->record_line, "a quote in the "
		    "wrong place on line %d: a field that holds a quote must "
		    "be in quotes, with the quote doubled (\"\")", st->line);
	else
		import_problem(st->sheet, st->record_line, "a quote in the "
		    "wrong place: a field that holds a quote must be in "
		    "quotes, with the quote doubled (\"\")");
	csv_free(p);
	import_clear_fields(st);
	st->between = 1;
	st->skipping = 1;
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return xfail(cause, "out of memory reading the file");
	csv_set_delim(p, (unsigned char)st->delim);
	return 0;
}

/*
 * Check bytes as UTF-8, carrying a character the buffer cut on to the
 * next call; -1 at the first byte that cannot be UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF included).
 */
static int
import_utf8(struct import_state *st, const unsigned char *s, size_t len)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < len; i++) {
		c = s[i];
		if (st->utf8_need > 0) {
			if (c < st->utf8_lo || c > st->utf8_hi)
				return -1;
			st->utf8_need--;
			st->utf8_lo = 0x80;
			st->utf8_hi = 0xbf;
			continue;
		}
		if (c < 0x80)
			continue;
		st->utf8_lo = 0x80;
		st->utf8_hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			st->utf8_need = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			st->utf8_need = 2;
			if (c == 0xe0)
				st->utf8_lo = 0xa0;
			else if (c == 0xed)
				st->utf8_hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			st->utf8_need = 3;
			if (c == 0xf0)
				st->utf8_lo = 0x90;
			else if (c == 0xf4)
				st->utf8_hi = 0x8f;
		} else
			return -1;
	}
	return 0;
}

static int
import_not_utf8(struct import_state *st, char **cause)
{
	return xfail(cause, "%s: this file is not UTF-8: in Excel choose 'CSV "
	    "UTF-8' when saving (line %d is the first that is not)",
	    st->name, st->line);
}

/*
 * Whether the header line is separated by semicolons, as Excel saves CSV
 * where a comma is the decimal point: no comma in it, and a column
 * caseload knows between semicolons.
 */
static int
import_semicolons(const char *s, size_t len)
{
	char *copy, *field, *next;
	int found = 0;

	if (memchr(s, ',', len) != NULL || memchr(s, ';', len) == NULL)
		return 0;
	copy = xmalloc(len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	for (field = copy; field != NULL && !found; field = next) {
		if ((next = strchr(field, ';')) != NULL)
			*next++ = '\0';
		found = import_lookup(field) >= 0 || import_match_keys(field,
		    import_own, IMPORT_OWN_COUNT) >= 0;
	}
	free(copy);
	return found;
}

/*
 * Feed libcsv one physical line (or the part of one in the buffer), so
 * that the line a record starts on is known.
 */
static int
import_feed(struct import_state *st, struct csv_parser *p, const char *s,
    size_t len, char **cause)
{
	char last = s[len - 1];

	if (import_utf8(st, (const unsigned char *)s, len) != 0)
		return import_not_utf8(st, cause);
	if (!st->delim_known && !st->have_header && !import_blank(s, len)) {
		st->delim_known = 1;
		if (import_semicolons(s, len)) {
			st->delim = ';';
			st->sheet->semicolons = 1;
			csv_set_delim(p, ';');
		}
	}
	if (st->skipping) {
		/* After a parse error: the rest of that line is not read. */
		if (last == '\r' || last == '\n')
			st->skipping = 0;
	} else {
		if (st->between && !import_blank(s, len)) {
			st->record_line = st->line;
			st->between = 0;
		}
		if (csv_parse(p, s, len, import_on_field, import_on_record,
		    st) != len && import_parse_error(st, p, cause) != 0)
			return -1;
		/* The error was on the line's last byte: nothing to skip. */
		if (st->skipping && (last == '\r' || last == '\n'))
			st->skipping = 0;
	}
	if (last == '\r')
		st->line++;
	else if (last == '\n' && !(len == 1 && st->prev_cr))
		st->line++;
	st->prev_cr = last == '\r';
	return 0;
}

/* A row with its name folded once (text_fold), to be sorted. */
struct import_twin {
	struct import_row	*row;
	char			*fold;
};

/* Sort rows by date of birth and name, to find the same person twice. */
static int
import_row_compare(const void *a, const void *b)
{
	const struct import_twin *ta = a, *tb = b;
	const struct import_row *ra = ta->row, *rb = tb->row;
	int c;

	if (ra->person.facts.dob != rb->person.facts.dob)
		return ra->person.facts.dob < rb->person.facts.dob ? -1 : 1;
	if ((c = strcmp(ta->fold, tb->fold)) != 0)
		return c;
	return ra->line < rb->line ? -1 : ra->line > rb->line;
}

static void
import_find_twins(struct import_sheet *sh)
{
	struct import_twin *by;
	size_t i, k;
	int *twin;

	if (sh->n < 2)
		return;
	by = xreallocarray(NULL, sh->n, sizeof *by);
	for (i = 0; i < sh->n; i++) {
		by[i].row = &sh->rows[i];
		by[i].fold = text_fold(sh->rows[i].person.name);
	}
	qsort(by, sh->n, sizeof *by, import_row_compare);
	twin = xcalloc(sh->n, sizeof *twin);
	for (i = 1; i < sh->n; i++) {
		if (by[i].row->person.facts.dob ==
		    by[i - 1].row->person.facts.dob &&
		    strcmp(by[i].fold, by[i - 1].fold) == 0) {
			/* The earliest line of the group is the first. */
			k = i - 1;
			while (twin[by[k].row - sh->rows] != 0)
				k--;
			twin[by[i].row - sh->rows] = by[k].row->line;
		}
	}
	for (i = 0; i < sh->n; i++)
		free(by[i].fold);
	free(by);
	/* Rows with a problem leave the list of good rows. */
	for (i = 0, k = 0; i < sh->n; i++) {
		if (twin[i] != 0) {
			import_problem(sh, sh->rows[i].line, "the same young "
			    "person as on line %d (same name and date of "
			    "birth); keep one row", twin[i]);
			import_row_clear(&sh->rows[i]);
		} else
			sh->rows[k++] = sh->rows[i];
	}
	sh->n = k;
	free(twin);
}

const char *
import_file_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "standard input" : path;
}

/* Open the file at path (or standard input) to read, checking its size. */
static FILE *
import_open(const char *path, int use_stdin, const char *name, char **cause)
{
	struct stat sb;
	FILE *f;

	if (use_stdin)
		return stdin;
	if ((f = fopen(path, "rb")) == NULL) {
		xfail(cause, "cannot read %s: %s", name, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		xfail(cause, "%s is not a file", name);
		return NULL;
	}
	if (sb.st_size > IMPORT_MAX_BYTES) {
		fclose(f);
		xfail(cause, "%s is %lld MiB: far bigger than a caseload "
		    "spreadsheet; is it the right file?", name,
		    (long long)sb.st_size / (1024 * 1024));
		return NULL;
	}
	return f;
}

/*
 * The start of the file: refused when UTF-16; *start is past a UTF-8
 * byte-order mark.
 */
static int
import_start(struct import_state *st, const char *buf, size_t n,
    size_t *start, char **cause)
{
	const unsigned char *u = (const unsigned char *)buf;

	*start = 0;
	if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff)))
		return xfail(cause, "%s is UTF-16 text; save it from the "
		    "spreadsheet as CSV UTF-8", st->name);
	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		*start = 3;
	return 0;
}

/* Read the whole of f into libcsv, line by line; 0, or -1 with *cause. */
static int
import_stream(struct import_state *st, struct csv_parser *p, FILE *f,
    char **cause)
{
	char buf[65536];
	size_t n, i, j, start;
	long long total = 0;
	int first = 1;

	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		/* Standard input has no size to look at beforehand. */
		if ((total += (long long)n) > IMPORT_MAX_BYTES)
			return xfail(cause, "%s is over %ld MiB: far bigger "
			    "than a caseload spreadsheet; is it the right "
			    "file?", st->name,
			    IMPORT_MAX_BYTES / (1024 * 1024));
		start = 0;
		if (first) {
			first = 0;
			if (import_start(st, buf, n, &start, cause) != 0)
				return -1;
		}
		for (i = start; i < n; i = j) {
			for (j = i; j < n && buf[j] != '\n' &&
			    buf[j] != '\r'; j++)
				;
			if (j < n)
				j++;
			if (import_feed(st, p, buf + i, j - i, cause) != 0)
				return -1;
		}
	}
	if (ferror(f))
		return xfail(cause, "cannot read %s: %s", st->name,
		    strerror(errno));
	/* A character cut off by the end of the file. */
	if (st->utf8_need > 0)
		return import_not_utf8(st, cause);
	return 0;
}

int
import_read(const char *path, date_t today, const struct import_options *opt,
    struct import_sheet *out, char **cause)
{
	struct import_state st;
	struct csv_parser p;
	size_t i;
	FILE *f;
	int rc = -1, c, use_stdin;

	memset(out, 0, sizeof *out);
	for (c = 0; c < IMPORT_COLUMNS; c++)
		out->header[c] = -1;
	memset(&st, 0, sizeof st);
	use_stdin = opt != NULL && opt->dash_is_stdin &&
	    strcmp(path, "-") == 0;
	st.name = use_stdin ? import_file_name(path) : path;
	if ((f = import_open(path, use_stdin, st.name, cause)) == NULL)
		return -1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		if (!use_stdin)
			fclose(f);
		return xfail(cause, "out of memory reading %s", st.name);
	}

	st.sheet = out;
	st.today = today;
	st.line = st.record_line = 1;
	st.between = 1;
	st.since = -1;
	st.delim = ',';
	if (opt != NULL && opt->nignore > 0) {
		st.nignore = opt->nignore;
		st.ignore = xreallocarray(NULL, opt->nignore,
		    sizeof *st.ignore);
		st.ignore_hit = xcalloc(opt->nignore, sizeof *st.ignore_hit);
		for (i = 0; i < opt->nignore; i++)
			st.ignore[i] = import_key(opt->ignore[i], 0);
	}
	if (import_stream(&st, &p, f, cause) != 0)
		goto out;
	if (csv_fini(&p, import_on_field, import_on_record, &st) != 0) {
		import_problem(out, st.record_line, "a quoted field is not "
		    "closed: a \" is missing, so the rest of the file was read "
		    "as one field");
		import_clear_fields(&st);
	}
	if (!st.have_header) {
		xfail(cause, "%s is empty: it needs a header row and a row for "
		    "each young person", st.name);
		goto out;
	}
	import_find_twins(out);
	import_sort_problems(out);
	for (i = 0; i < st.nignore; i++) {
		/* The same name twice counts once. */
		if (st.ignore_hit[i] || import_match_keys(opt->ignore[i],
		    (const char *const *)st.ignore, i) >= 0)
			continue;
		out->unmatched = xreallocarray(out->unmatched,
		    out->nunmatched + 1, sizeof *out->unmatched);
		out->unmatched[out->nunmatched++] = opt->ignore[i];
	}
	rc = 0;

out:
	import_clear_fields(&st);
	free(st.fields);
	for (c = 0; c < IMPORT_COLUMNS; c++)
		free(st.label[c]);
	free(st.since_label);
	for (i = 0; i < st.nignore; i++)
		free(st.ignore[i]);
	free(st.ignore);
	free(st.ignore_hit);
	csv_free(&p);
	if (!use_stdin)
		fclose(f);
	return rc;
}

void
import_sheet_free(struct import_sheet *sheet)
{
	size_t i;

	if (sheet == NULL)
		return;
	for (i = 0; i < sheet->n; i++)
		import_row_clear(&sheet->rows[i]);
	free(sheet->rows);
	for (i = 0; i < sheet->nproblems; i++)
		free(sheet->problems[i].what);
	free(sheet->problems);
	free(sheet->unmatched);
	memset(sheet, 0, sizeof *sheet);
}
