/* SPDX-License-Identifier: MIT */
/*
 * cli.h: the command line: one function per command, and what they share.
 *
 * Every command takes the words after its name, parses its own options
 * with getopt_long, and returns an exit status: 0 done, 1 failed (I/O,
 * database), 2 bad usage or bad input.  Errors go to standard error as
 * "caseload: ..." and say what to do.
 */
#ifndef CASELOAD_CLI_H
#define CASELOAD_CLI_H

#include <stdio.h>
#include <time.h>

#include "conf.h"
#include "date.h"
#include "person.h"
#include "job.h"
#include "session.h"
#include "store.h"

/* Everything a command needs: the session, and colour on standard output. */
struct cli {
	struct session	 ses;
	int		 colour;	/* colour on standard output */
};

/* A progress line being drawn on standard error (cli_progress_begin). */
struct cli_progress {
	long long	 last;		/* when it was last drawn (ns) */
	size_t		 width;		/* the longest line drawn, to clear */
	const char	*verb;		/* "importing", "publishing" */
};

/*
 * Show how far the jobs of cli's session go (session.progress) as one
 * line on standard error ("VERB: 4,500 of 10,000 rows"), redrawn in place at most ten times a second,
 * when standard error is a terminal; otherwise nothing.  cp is the
 * caller's and must last until cli_progress_end, which clears the line
 * and stops the reports.
 */
void cli_progress_begin(struct cli *cli, struct cli_progress *cp,
    const char *verb);
void cli_progress_end(struct cli *cli, struct cli_progress *cp);

struct cli_command {
	const char	*name;
	const char	*usage;		/* the words after the name */
	const char	*summary;
	int		(*exec)(struct cli *cli, int argc, char **argv);
	enum session_access access;	/* a command with parts may change it */
};

/* The commands, in the order --help lists them. */
const struct cli_command *cli_commands(size_t *count);

/* What a word of a command line is, or what it expects after it. */
enum cli_word_kind {
	WORD_NONE,		/* an option that takes no value */
	WORD_TEXT,		/* anything: a date, a number, a note */
	WORD_FILE,		/* a file or a folder */
	WORD_REF,		/* one young person */
	WORD_REFS,		/* young people, one or more */
	WORD_FORMAT,		/* text, csv or json */
	WORD_FORMAT_TEXT_JSON,	/* text or json */
	WORD_METHOD,		/* a contact method */
	WORD_BY,		/* worker or young-person */
	WORD_PRIVACY,		/* full or initials */
	WORD_FLAG_KIND,		/* a kind of safety flag */
	WORD_PLACE,		/* where a contact took place */
	WORD_SEEN_ALONE,	/* yes, no or unknown */
	WORD_ACCOMMODATION	/* a type of accommodation */
};

/*
 * A word a command takes: an option (what its value is) or, with option
 * NULL, its operands.  command is a command's name, or a command and its
 * part ("letters write").
 */
struct cli_word {
	const char		*command;
	const char		*option;	/* "--format", "-o"; NULL: operands */
	enum cli_word_kind	 kind;
};

/* The words of every command, for completion and for finding --help. */
const struct cli_word *cli_command_words(size_t *count);

/*
 * Print the help of the command a command line names when its words ask
 * for it: "help CMD", or --help or -h anywhere that is not an option's
 * value or after "--".  Returns the exit status (0, or EXIT_USAGE for
 * "help" with a command that does not exist), or -1 when the words are
 * not a request for help (nothing is printed).
 */
int cli_help(int argc, char **argv);

/*
 * The hidden command "caseload __complete WORDS...": print the candidates
 * for the last of the words of a command line (those after "caseload"),
 * one a line; a young person as "NUMBER<tab>NAME".  Global options among
 * the words are honoured (--db, --demo); nothing is printed where a file
 * is expected.  Never prints an error, never writes or creates a
 * database; returns 0.
 */
int cli_complete(int argc, char **argv);

/*
 * Run the command named argv[0] with its arguments; returns the exit
 * status.  Closes nothing: the caller owns cli.
 */
int cli_run(struct cli *cli, int argc, char **argv);

/* Print "caseload: MESSAGE" (or a warning) to standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print the usage of a command after a usage error; returns EXIT_USAGE. */
int cli_usage(const char *command);

/*
 * Report a bad option after getopt_long (called with opterr = 0 and an
 * optstring starting with ':') returned c, '?' or ':'; returns EXIT_USAGE.
 */
int cli_option_error(const char *command, int c, char **argv);

/*
 * Parse the options of a command that has none (so that a mistyped one is
 * reported); operands start at optind.  0, or EXIT_USAGE after an error.
 */
int cli_no_options(const char *command, int argc, char **argv);

/* Say that a command wants n operands (such as REF); returns EXIT_USAGE. */
int cli_operands_error(const char *command, const char *what);

/*
 * Say why a job was not done: a refused input as "WHAT: why", escaped
 * (what names the option or the command), for EXIT_USAGE; a failure of
 * the database as it is, for EXIT_FAILED.  Frees *cause.
 */
int cli_job_error(const char *what, const struct job_result *r,
    char **cause);

/*
 * Check the database's path before it is first opened
 * (session_check_path): 0, or EXIT_USAGE after saying what is wrong.
 */
int cli_check_path(struct cli *cli);

/*
 * The folder the database is (or will be) in: "." for a bare file name.
 * The caller frees it.
 */
char *cli_db_folder(const struct cli *cli);

/*
 * Open the database for the command, on first use, as its access says:
 * check the path (session_check_path), open it (session_open) and, for a
 * command that writes, make the day's backup (session_backup_daily),
 * with any error or warning said on standard error.  0, or an exit
 * status: EXIT_USAGE for a path that is wrong, EXIT_FAILED when it could
 * not be opened.
 */
int cli_open(struct cli *cli, struct store **out);

/*
 * Check the file a backup or handover of command is to be written to,
 * before any work (outfile_check_new): "-" is standard output, refused
 * when that is a terminal.  0, or EXIT_USAGE after an error.
 */
int cli_check_dest(const char *command, const char *dest);


/*
 * Find the young person REF names: a number, or a part of a name or
 * preferred name that matches exactly one person (case-insensitive; an
 * exact match wins; people who are not archived first).  Sets *out to a
 * copy the caller frees; returns 0 or an exit status after an error.
 */
int cli_resolve(struct cli *cli, const char *ref, struct person **out);

/* Parse a date given to an option; 0, or EXIT_USAGE after an error. */
int cli_parse_date(struct cli *cli, const char *option, const char *text,
    date_t *out);

/* Parse a whole number given to an option, in [min, max]. */
int cli_parse_int(const char *option, const char *text, int min, int max,
    int *out);

/*
 * Parse the number of one of a young person's rows as the user typed it:
 * letter and digits ("A2", either case), or digits alone when bare is
 * set, in [1, max].  option names where it was typed ("--done", "strike")
 * and what the kind of row, with its article ("an agreed action").  0
 * with *out, or EXIT_USAGE after an error naming the row as typed and
 * saying what to type.
 */
int cli_parse_row(const char *option, const char *text, char letter,
    int bare, const char *what, int max, int *out);

/*
 * Check a reason given to --reason, one line of at most
 * CHECK_REASON_MAX bytes, into *out ("" is none: NULL).  0, or
 * EXIT_USAGE after an error.
 */
int cli_parse_reason(const char *text, const char **out);

/*
 * Parse the value of a choice option (--method, --kind...) as one of the
 * core's table of names (choice.h: a name or label, in any case) into
 * *out, its index in the table.  0, or EXIT_USAGE after an error such as
 * "--place: 'pub' is not a place; use home, office, college, community
 * or online", what ("a place") naming the thing and the list made from
 * the table.
 */
int cli_parse_choice(const char *option, const char *text, const char *what,
    const struct choice *table, int *out);

/* Parse --format: text, csv or json; 0, or EXIT_USAGE after an error. */
enum cli_format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON };
int cli_parse_format(const char *text, enum cli_format *out);

/*
 * Check --bom (bom 1) against the format of command's output: only CSV
 * has a byte-order mark.  0, or EXIT_USAGE after an error.
 */
int cli_check_bom(const char *command, int bom, enum cli_format format);

/*
 * Start CSV output on standard output: the byte-order mark when bom
 * (--bom) asks for it, or [display] csv_bom does and standard output is
 * not a terminal; then the header row of the NULL-terminated names.
 */
void cli_csv_header(struct cli *cli, int bom, const char *const *names);

/*
 * Check a piece of text typed for a field: valid UTF-8, no control
 * characters (newlines allowed only if multiline), at most max bytes.
 * Returns 0, or EXIT_USAGE after an error naming the field.
 */
int cli_check_text(const char *field, const char *text, int multiline,
    size_t max);

/*
 * Report the result of a check (check.h): when rc is not 0, print
 * "caseload: FIELD: CAUSE", free *cause and return EXIT_USAGE; else 0.
 * (cause is a pointer so that it is read after the check has run.)
 */
int cli_check(const char *field, int rc, char **cause);

/*
 * A date as the settings show it (date_format), "" for DATE_NONE.  The
 * result lives in one of eight buffers used in turn.
 */
const char *cli_date(const struct cli *cli, date_t date);

/* Text safe for a terminal (see text_escape); the caller frees it. */
char *cli_safe(const char *s);

/* Turn colour on for standard output as [display] colour and NO_COLOR say. */
void cli_set_colour(struct cli *cli);

/* Start or end a colour on standard output when colour is on. */
enum cli_colour { COLOUR_RED, COLOUR_YELLOW, COLOUR_DIM, COLOUR_BOLD };
void cli_colour_on(const struct cli *cli, enum cli_colour c);
void cli_colour_off(const struct cli *cli);

/* The same on f, when colour is on and f is standard output. */
void cli_fcolour_on(FILE *f, const struct cli *cli, enum cli_colour c);
void cli_fcolour_off(FILE *f, const struct cli *cli);

/*
 * Check the options of a list that can be printed: --redact only with
 * --print, --print not with --format, and a print command set.  0, or
 * EXIT_USAGE after an error.
 */
int cli_print_check(struct cli *cli, const char *command, int print,
    int redact, int format_set);

/* The options of a list (due, letters), as cli_list_options reads them. */
struct cli_list_options {
	int		 within;	/* --within DAYS; -1 when not given */
	enum cli_format	 format;	/* --format; FORMAT_TEXT by default */
	int		 print;		/* --print */
	int		 redact;	/* --redact (with --print) */
	int		 bom;		/* --bom (with --format csv) */
};

/*
 * Read the options the lists share, --within DAYS, --format F, --bom,
 * --print and --redact, for command, and check them together (cli_print_check).
 * Leaves optind at the first operand.  0, or an exit status after saying
 * what was wrong.
 */
int cli_list_options(struct cli *cli, const char *command, int argc,
    char **argv, struct cli_list_options *out);

/*
 * Print the due list, or with due NULL the letters list, as opt says,
 * with [letters] print_command (job_print) and say so on standard error;
 * 0, or an exit status after saying how the print command failed.
 */
int cli_print(struct cli *cli, const struct due_list *due,
    const struct letter_list *letters, const struct print_options *opt);

/*
 * The columns text output may take: when standard output is a terminal,
 * COLUMNS when it is set to a number, else the terminal's width; 0 (no
 * limit) when it is a pipe or a file, which get whole lines.
 */
int cli_width(void);

/*
 * Print text (escaped here) starting at column indent, where the caller
 * has put the cursor, wrapped to cli_width() (text_wrap_all) with each
 * further line indented to that column (an empty line stays empty), and
 * end the line.  With no width, or too little room, lines break only at
 * the text's own newlines.
 */
void cli_print_wrapped(int indent, const char *text);

/*
 * The same on f: wrapped as above when f is standard output; on any
 * other file (a page to print, which print_page wraps for paper) lines
 * break only at the text's own newlines.
 */
void cli_fprint_wrapped(FILE *f, int indent, const char *text);

/* The commands. */
int cmd_add(struct cli *, int, char **);
int cmd_edit(struct cli *, int, char **);
int cmd_list(struct cli *, int, char **);
int cmd_show(struct cli *, int, char **);
int cmd_contact(struct cli *, int, char **);
int cmd_strike(struct cli *, int, char **);
int cmd_flag(struct cli *, int, char **);
int cmd_note(struct cli *, int, char **);
int cmd_moved(struct cli *, int, char **);
int cmd_action(struct cli *, int, char **);
int cmd_involve(struct cli *, int, char **);
int cmd_return(struct cli *, int, char **);
int cmd_returns(struct cli *, int, char **);

/*
 * The marker and a space ("⚑ ", or "F " when the user's locale is not
 * UTF-8) to put before the name of a young person with a current safety
 * flag (flagged not 0), else "".  Static.
 */
const char *cli_flag_mark(const struct cli *cli, int flagged);

/*
 * Young person p's name as the command line prints it in a confirmation:
 * escaped (cli_safe), after the marker when they have a current safety
 * flag.  The caller frees it.
 */
char *cli_marked_name(const struct cli *cli, const struct person *p);
int cmd_step_down(struct cli *, int, char **);
int cmd_step_up(struct cli *, int, char **);
int cmd_archive(struct cli *, int, char **);
int cmd_review(struct cli *, int, char **);
int cmd_due(struct cli *, int, char **);
int cmd_agenda(struct cli *, int, char **);
int cmd_export(struct cli *, int, char **);
int cmd_publish(struct cli *, int, char **);
int cmd_check(struct cli *, int, char **);
int cmd_backup(struct cli *, int, char **);
int cmd_restore(struct cli *, int, char **);
int cmd_letters(struct cli *, int, char **);
int cmd_card(struct cli *, int, char **);
int cmd_import(struct cli *, int, char **);
int cmd_handover(struct cli *, int, char **);
int cmd_stats(struct cli *, int, char **);

#endif
