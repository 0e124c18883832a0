/* SPDX-License-Identifier: MIT */
/*
 * cmd-contact.c: caseload contact (log a contact) and caseload strike
 * (strike out a contact, letter or review recorded by mistake).
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "rules.h"
#include "xmalloc.h"


/* The most actions one contact can agree, as --agreed options. */
#define CONTACT_AGREED_MAX 20

/* Say when the next contact is due, as the job left them. */
static void
contact_say_next(struct cli *cli, const struct job_result *r)
{
	const struct rules_due *due = &r->row.contact;

	if (r->row.person == NULL ||
	    r->row.person->facts.status != STATUS_UP)
		return;
	if (due->state == DUE_OVERDUE)
		printf("Next contact was due %s: overdue by %d day%s.\n",
		    cli_date(cli, due->due), due->days_overdue,
		    due->days_overdue == 1 ? "" : "s");
	else if (due->state != DUE_NONE)
		printf("Next contact due %s.\n", cli_date(cli, due->due));
}

/*
 * Take --agreed TEXT (a new action), or --who WHO or --due DATE (of the
 * --agreed before it) into a[*n]: 0, or EXIT_USAGE after an error.  The
 * checks never echo the text.
 */
static int
contact_agreed_option(struct cli *cli, int opt, const char *arg,
    struct action *a, size_t *n)
{
	struct action *last = *n > 0 ? &a[*n - 1] : NULL;
	int rc;

	if (opt == 'A') {
		if (*n == CONTACT_AGREED_MAX)
			return cli_operands_error("contact", "at most 20 "
			    "--agreed actions at one contact");
		if ((rc = cli_check_text("--agreed", arg, 0,
		    ACTION_TEXT_MAX)) != 0)
			return rc;
		last = &a[(*n)++];
		memset(last, 0, sizeof *last);
		last->text = arg;
		last->due_on = DATE_NONE;
		last->closed_on = DATE_NONE;
		return 0;
	}
	if (last == NULL)
		return cli_operands_error("contact", opt == 'W' ?
		    "--who says who does the --agreed action before it: give "
		    "--agreed TEXT first" : "--due says when the --agreed "
		    "action before it is due: give --agreed TEXT first");
	if (opt == 'W') {
		if ((rc = cli_check_text("--who", arg, 0, ACTION_WHO_MAX)) != 0)
			return rc;
		last->who = arg;
		return 0;
	}
	return cli_parse_date(cli, "--due", arg, &last->due_on);
}

int
cmd_contact(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "method", required_argument, NULL, 'm' },
		{ "by", required_argument, NULL, 'b' },
		{ "attempted", no_argument, NULL, 'a' },
		{ "note", required_argument, NULL, 'n' },
		{ "place", required_argument, NULL, 'p' },
		{ "seen-alone", required_argument, NULL, 's' },
		{ "agreed", required_argument, NULL, 'A' },
		{ "who", required_argument, NULL, 'W' },
		{ "due", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	struct action agreed[CONTACT_AGREED_MAX];
	struct job_result r;
	struct contact c;
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL, *safe;
	const char *field;
	size_t nagreed = 0, i;
	int opt, rc, v;

	memset(&c, 0, sizeof c);
	c.on = cli->ses.today;
	c.method = METHOD_PHONE;
	c.by = BY_WORKER;
	c.struck_on = DATE_NONE;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &c.on);
			break;
		case 'm':
			if ((rc = cli_parse_choice("--method", optarg,
			    "a method", contact_method_choice(), &v)) == 0)
				c.method = v;
			break;
		case 'b':
			if ((rc = cli_parse_choice("--by", optarg,
			    "who started it", contact_by_choice(), &v)) == 0)
				c.by = v;
			break;
		case 'a':
			c.attempted = 1;
			break;
		case 'p':
			if ((rc = cli_parse_choice("--place", optarg, "a place",
			    contact_place_choice(), &v)) == 0)
				c.place = v;
			break;
		case 's':
			if ((rc = cli_parse_choice("--seen-alone", optarg,
			    "an answer", seen_alone_choice(), &v)) == 0)
				c.seen_alone = v;
			break;
		case 'n':
			rc = cli_check_text("--note", optarg, 1, CHECK_NOTE_MAX);
			c.note = *optarg != '\0' ? optarg : NULL;
			break;
		case 'A':
		case 'W':
		case 'D':
			rc = contact_agreed_option(cli, opt, optarg, agreed,
			    &nagreed);
			break;
		default:
			return cli_option_error("contact", opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error("contact", "give one young person: "
		    "their number or part of their name");
	for (i = 0; i < nagreed; i++) {
		if (agreed[i].due_on == DATE_NONE)
			return cli_operands_error("contact", "each --agreed "
			    "needs its --due DATE after it");
	}
	if (c.on > cli->ses.today)
		return cli_check("--date", check_event_date(c.on, DATE_NONE,
		    cli->ses.today, &cause), &cause);
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_check("--date", check_event_date(c.on, p->facts.dob,
	    cli->ses.today, &cause), &cause)) != 0) {
		free(p);
		return rc;
	}
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	c.person_id = p->id;
	if (job_contact_agreed(&cli->ses, &c, agreed, nagreed, &r,
	    &cause) != 0) {
		switch (r.field) {
		case JOB_NOTE:
			field = "--note";
			break;
		case JOB_ACTION:
			field = "--agreed";
			break;
		case JOB_DOER:
			field = "--who";
			break;
		case JOB_DUE:
			field = "--due";
			break;
		default:
			field = "--date";
			break;
		}
		rc = cli_job_error(field, &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	safe = cli_safe(p->name);
	printf("Logged contact %d: %s%s with %s%s on %s%s%s%s%s.\n", c.number,
	    c.attempted ? "attempted " : "", contact_method_name(c.method),
	    cli_flag_mark(cli, r.row.person != NULL && r.row.person->flagged),
	    safe, cli_date(cli, c.on),
	    c.place != PLACE_NONE ? " at " : "", contact_place_name(c.place),
	    c.seen_alone == SEEN_ALONE_YES ? ", seen alone" :
	    c.seen_alone == SEEN_ALONE_NO ? ", not seen alone" : "",
	    c.by == BY_YOUNG_PERSON ? ", started by the young person" : "");
	free(safe);
	for (i = 0; i < nagreed; i++) {
		safe = cli_safe(action_who_words(agreed[i].who));
		printf("Agreed action A%d: %s, due %s.\n", agreed[i].number,
		    safe, cli_date(cli, agreed[i].due_on));
		free(safe);
	}
	if (c.attempted)
		printf("An attempted contact does not reset the clock.\n");
	/* Someone archived or not to be visited alone: logged, and said so
	 * on standard error. */
	if (r.warning != NULL) {
		safe = cli_safe(r.warning);
		cli_warn("%s", safe);
		free(safe);
	}
	contact_say_next(cli, &r);
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}

/* Say what is due now of the kind struck out: its clock went back. */
static void
strike_say_next(struct cli *cli, enum entry_kind kind,
    const struct job_result *r)
{
	const struct rules_due *due;
	const char *what;

	if (kind == ENTRY_CONTACT) {
		contact_say_next(cli, r);
		return;
	}
	due = kind == ENTRY_LETTER ? &r->row.letter : &r->row.review;
	what = kind == ENTRY_LETTER ? "letter" : "review";
	if (due->state == DUE_OVERDUE)
		printf("Next %s was due %s: overdue by %d day%s.\n", what,
		    cli_date(cli, due->due), due->days_overdue,
		    due->days_overdue == 1 ? "" : "s");
	else if (due->state != DUE_NONE)
		printf("Next %s due %s.\n", what, cli_date(cli, due->due));
}

/* Whether s is a row's number with its letter: N3 for letter 'N'. */
static int
strike_lettered(const char *s, char letter)
{
	return (s[0] == letter || s[0] == letter - 'A' + 'a') &&
	    s[1] >= '0' && s[1] <= '9';
}

/*
 * Strike out note (letter 'N') or accommodation ('M') row ("N2", as
 * typed) of the young person ref.
 */
static int
strike_row(struct cli *cli, const char *ref, char letter, const char *row,
    const char *reason)
{
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL, *safe;
	int rc, number;

	if ((rc = cli_parse_row("strike", row, letter, 0, letter == 'N' ?
	    "a note" : "an accommodation row", INT_MAX, &number)) != 0)
		return rc;
	if ((rc = cli_resolve(cli, ref, &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	if (letter == 'N')
		rc = job_note_strike(&cli->ses, p->id, number, reason, &r,
		    &cause);
	else
		rc = job_moved_strike(&cli->ses, p->id, number, reason, &r,
		    &cause);
	if (rc != 0) {
		/* The note's refusal does not say where they are listed. */
		if (letter == 'N' && r.field == JOB_WHO && r.refused) {
			safe = cause;
			cause = xasprintf("%s ('caseload show %ld' lists them)",
			    safe, p->id);
			free(safe);
		}
		rc = cli_job_error(r.field == JOB_REASON ? "--reason" : "strike",
		    &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	safe = cli_safe(p->name);
	if (letter == 'N')
		printf("Struck out note N%d (about %s, of %s); it stays in the "
		    "record, marked struck out.\n", number, safe,
		    cli_date(cli, r.note->on));
	else
		printf("Struck out accommodation M%d (of %s, from %s); it "
		    "stays in the record, marked struck out.\n", number, safe,
		    cli_date(cli, r.accommodation->from));
	free(safe);
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}

int
cmd_strike(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *reason = NULL, *shown;
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	enum entry_kind kind;
	char *cause = NULL, *safe, what[16];
	int opt, rc, number;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (opt) {
		case 'r':
			if ((rc = cli_parse_reason(optarg, &reason)) != 0)
				return rc;
			break;
		default:
			return cli_option_error("strike", opt, argv);
		}
	}
	/* The old form, a contact's number alone, struck anyone's. */
	if (argc - optind == 1 &&
	    entry_parse(argv[optind], &kind, &number) == 0)
		return cli_operands_error("strike", "name the young person "
		    "too: 'caseload strike REF N', N being the number of "
		    "their contact (3), letter (L1), review (R1) or note (N1) as "
		    "'caseload show REF' lists them");
	if (argc - optind != 2)
		return cli_operands_error("strike", "give the young person and "
		    "the number of their contact (3), letter (L1), review "
		    "(R1), note (N1) or accommodation (M1), as 'caseload show "
		    "REF' lists them");
	if (strike_lettered(argv[optind + 1], 'N'))
		return strike_row(cli, argv[optind], 'N', argv[optind + 1],
		    reason);
	if (strike_lettered(argv[optind + 1], 'M'))
		return strike_row(cli, argv[optind], 'M', argv[optind + 1],
		    reason);
	/* Agreed actions are closed, never struck out. */
	if (strike_lettered(argv[optind + 1], 'A')) {
		safe = cli_safe(argv[optind + 1]);
		/* Said as typed; a number that cannot be an action's is AN. */
		shown = entry_parse(argv[optind + 1] + 1, &kind, &number) == 0 ?
		    safe : "AN";
		cli_error("strike: '%s' is an agreed action, which is not "
		    "struck out: actions are closed with 'caseload action REF "
		    "--done %s' (or --drop %s)", safe, shown, shown);
		free(safe);
		return EXIT_USAGE;
	}
	if (entry_parse(argv[optind + 1], &kind, &number) != 0) {
		safe = cli_safe(argv[optind + 1]);
		cli_error("strike: '%s' is not the number of a contact (3), "
		    "letter (L1), review (R1), note (N1) or accommodation "
		    "(M1); 'caseload show REF' lists them", safe);
		free(safe);
		return EXIT_USAGE;
	}
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	if (job_strike(&cli->ses, p->id, kind, number, reason, &r,
	    &cause) != 0) {
		if (r.field == JOB_WHO && r.refused) {
			safe = cause;
			cause = xasprintf("%s ('caseload show %ld' lists them)",
			    safe, p->id);
			free(safe);
		}
		rc = cli_job_error(r.field == JOB_REASON ? "--reason" : "strike",
		    &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	entry_format(kind, number, what, sizeof what);
	safe = cli_marked_name(cli, p);
	if (kind == ENTRY_CONTACT)
		printf("Struck out contact %s (%s with %s on %s); it stays in "
		    "the log, marked struck out.\n", what,
		    contact_method_name(r.contact->method), safe,
		    cli_date(cli, r.contact->on));
	else
		printf("Struck out %s %s (%s %s on %s); it stays in the "
		    "record, marked struck out.\n", entry_kind_name(kind), what,
		    kind == ENTRY_LETTER ? "the annual letter to" :
		    "the pathway plan review of", safe,
		    cli_date(cli, r.entry->on));
	free(safe);
	strike_say_next(cli, kind, &r);
	/* What was agreed at it stands: say so, and how to close it. */
	if (r.actions_open != NULL && strchr(r.actions_open, ',') == NULL)
		printf("Its agreed action %s stays open: close it with "
		    "'caseload action %ld --done %s' (or --drop %s).\n",
		    r.actions_open, p->id, r.actions_open, r.actions_open);
	else if (r.actions_open != NULL)
		printf("Its agreed actions %s stay open: close each with "
		    "'caseload action %ld --done AN' (or --drop AN).\n",
		    r.actions_open, p->id);
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}
