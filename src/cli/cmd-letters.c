/* SPDX-License-Identifier: MIT */
/*
 * cmd-letters.c: caseload letters: the annual contact letters of young
 * people who have stepped down: who is due one (list, print), writing
 * them from the template, and recording one sent.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "csvout.h"
#include "json.h"
#include "print.h"
#include "text.h"
#include "views.h"
#include "xmalloc.h"

#define LETTERS_NAME_MAX_COLS 28

static const char *const letters_columns[] = {
	"id", "name", "stepped_down_on", "last_letter", "next_letter",
	"days_overdue", "state", "preferred_name", "age", NULL
};

/* The state as in CSV and JSON: overdue, due-soon, ok or none. */
static const char *
letters_state(const struct letter_row *row)
{
	return rules_due_state_name(row->letter.state);
}

/* "⚑ Aisha Khan (Ash)" or "Aisha Khan", the marker when flagged; the
 * caller frees it. */
static char *
letters_label(const struct cli *cli, const struct person *p)
{
	const char *flag = cli_flag_mark(cli, p->flagged);

	if (p->preferred_name != NULL && *p->preferred_name != '\0')
		return xasprintf("%s%s (%s)", flag, p->name,
		    p->preferred_name);
	return xasprintf("%s%s", flag, p->name);
}

static void
letters_when(const struct letter_row *row, date_t today, char *buf,
    size_t size)
{
	if (row->letter.state == DUE_NONE)
		snprintf(buf, size, "none: they turn 25 first");
	else
		rows_due_words(&row->letter, today, buf, size);
}

/* Print a date padded to cols columns (month names may be UTF-8). */
static void
letters_date_cell(const char *date, int cols)
{
	int w;

	fputs(date, stdout);
	for (w = text_width(date); w < cols + 2; w++)
		putchar(' ');
}

static void
letters_text(struct cli *cli, const struct letter_list *list, int within)
{
	char name[LETTERS_NAME_MAX_COLS * 4 + 8], when[64];
	int name_cols = 4, date_cols = 12, w, due_now = 0;
	const struct letter_row *row;
	char *label;
	size_t k;

	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		label = letters_label(cli, row->person);
		w = text_width(label);
		free(label);
		if (w > name_cols)
			name_cols = w;
		w = text_width(cli_date(cli, row->letter.due));
		if (w > date_cols)
			date_cols = w;
		w = text_width(cli_date(cli, row->stepped_down_on));
		if (w > date_cols)
			date_cols = w;
		w = text_width(cli_date(cli, row->person->facts.last_letter));
		if (w > date_cols)
			date_cols = w;
		if (row->letter.due != DATE_NONE &&
		    row->letter.due <= cli->ses.today)
			due_now++;
	}
	if (name_cols > LETTERS_NAME_MAX_COLS)
		name_cols = LETTERS_NAME_MAX_COLS;

	if (list->n > 0) {
		printf("   %5s  %-*s  ", "No", name_cols, "Name");
		letters_date_cell("Stepped down", date_cols);
		letters_date_cell("Last letter", date_cols);
		letters_date_cell("Next letter", date_cols);
		printf("State\n");
	}
	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		label = letters_label(cli, row->person);
		text_fit(label, name_cols, 1, name, sizeof name);
		free(label);
		letters_when(row, cli->ses.today, when, sizeof when);
		if (row->letter.state == DUE_OVERDUE)
			cli_colour_on(cli, COLOUR_RED);
		else if (row->letter.state == DUE_SOON)
			cli_colour_on(cli, COLOUR_YELLOW);
		else if (row->letter.state == DUE_NONE)
			cli_colour_on(cli, COLOUR_DIM);
		printf(" %c %5ld  %s  ",
		    row->letter.state == DUE_OVERDUE ? '!' :
		    row->letter.state == DUE_SOON ? '~' : ' ',
		    row->person->id, name);
		letters_date_cell(cli_date(cli, row->stepped_down_on),
		    date_cols);
		letters_date_cell(cli_date(cli, row->person->facts.last_letter),
		    date_cols);
		letters_date_cell(cli_date(cli, row->letter.due), date_cols);
		fputs(when, stdout);
		cli_colour_off(cli);
		putchar('\n');
	}

	if (list->stepped_down == 0) {
		printf("Nobody on your caseload has stepped down, so no annual "
		    "letters are due.\n");
		return;
	}
	if (list->n == 0 && within >= 0)
		printf("No annual letters are due in the next %d day%s.\n",
		    within, within == 1 ? "" : "s");
	if (list->n > 0)
		putchar('\n');
	printf("%d letter%s overdue, %d due soon; %d stepped down",
	    list->overdue, list->overdue == 1 ? "" : "s", list->due_soon,
	    list->stepped_down);
	if (list->none > 0)
		printf(", %d turning 25 before another letter", list->none);
	printf(".\n");
	if (due_now > 0)
		printf("Write %s with 'caseload letters write DIR'; once posted, "
		    "record each with\n'caseload letters sent REF'.\n",
		    due_now == 1 ? "it" : "them");
}

static void
letters_csv(struct cli *cli, int bom, const struct letter_list *list)
{
	const struct letter_row *row;
	size_t k;

	cli_csv_header(cli, bom, letters_columns);
	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		csv_int(stdout, 1, row->person->id);
		csv_field(stdout, 0, row->person->name);
		csv_date(stdout, 0, row->stepped_down_on);
		csv_date(stdout, 0, row->person->facts.last_letter);
		csv_date(stdout, 0, row->letter.due);
		csv_int(stdout, 0, row->letter.days_overdue);
		csv_field(stdout, 0, letters_state(row));
		csv_field(stdout, 0, row->person->preferred_name);
		csv_int(stdout, 0, row->age);
		csv_end_row(stdout);
	}
}

static void
letters_json(const struct letter_list *list)
{
	const struct letter_row *row;
	struct json j;
	size_t k;

	json_init(&j, stdout);
	json_begin_array(&j);
	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		json_begin_object(&j);
		json_key(&j, "id");
		json_int(&j, row->person->id);
		json_key(&j, "name");
		json_string(&j, row->person->name);
		json_key(&j, "stepped_down_on");
		json_date(&j, row->stepped_down_on);
		json_key(&j, "last_letter");
		json_date(&j, row->person->facts.last_letter);
		json_key(&j, "next_letter");
		json_date(&j, row->letter.due);
		json_key(&j, "days_overdue");
		json_int(&j, row->letter.days_overdue);
		json_key(&j, "state");
		json_string(&j, letters_state(row));
		json_key(&j, "preferred_name");
		json_string(&j, row->person->preferred_name);
		json_key(&j, "age");
		json_int(&j, row->age);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_finish(&j);
}

/* Build the letters list; 0, or an exit status after an error. */
static int
letters_load(struct cli *cli, int within, struct letter_list *list)
{
	struct store *st;
	char *cause = NULL;
	int rc;

	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	if (views_letters(st, &cli->ses.cfg.rules, cli->ses.today, within, list,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	return 0;
}

/* letters [--within DAYS] [--format F] [--print [--redact]] */
static int
letters_list(struct cli *cli, int argc, char **argv)
{
	struct cli_list_options o;
	struct print_options popt = { -1, 0, NULL, 0 };
	struct letter_list list;
	int rc;

	if ((rc = cli_list_options(cli, "letters", argc, argv, &o)) != 0)
		return rc;
	popt.redact = o.redact;
	popt.ascii = !cli->ses.utf8;
	if (optind != argc) {
		char *safe = cli_safe(argv[optind]);

		cli_error("letters: '%s' is not a word of letters: use 'letters "
		    "write DIR' or 'letters sent REF' (the word comes first)",
		    safe);
		free(safe);
		return cli_usage("letters");
	}
	if ((rc = letters_load(cli, o.within, &list)) != 0)
		return rc;
	if (o.print) {
		popt.within = o.within;
		rc = cli_print(cli, NULL, &list, &popt);
		letter_list_free(&list);
		return rc;
	}
	switch (o.format) {
	case FORMAT_TEXT:
		letters_text(cli, &list, o.within);
		break;
	case FORMAT_CSV:
		letters_csv(cli, o.bom, &list);
		break;
	case FORMAT_JSON:
		letters_json(&list);
		break;
	}
	letter_list_free(&list);
	return EXIT_DONE;
}

/* Print the names of the letters in the state given. */
static void
letters_names(const struct job_letters *l, enum job_letter_state state)
{
	size_t k;
	char *name;

	for (k = 0; k < l->n; k++) {
		if (l->letters[k].state != state)
			continue;
		name = cli_safe(l->letters[k].name);
		printf("  %s\n", name);
		free(name);
	}
}

/* Say what letters write did in dir, as rc says it ended. */
static void
letters_write_report(const char *dir, const struct job_letters *l, int rc)
{
	char *safe = cli_safe(dir);

	if (l->written > 0 || (rc == EXIT_DONE && l->there == 0)) {
		printf("Wrote %zu letter%s to %s%s:\n", l->written,
		    l->written == 1 ? "" : "s", safe,
		    l->made ? " (a new folder)" : "");
		letters_names(l, JOB_LETTER_WRITTEN);
	}
	if (rc == EXIT_DONE && l->there > 0) {
		printf("%s in %s already, word for word, from an earlier "
		    "run:\n", l->there == 1 ? "This one was" : "These were",
		    safe);
		letters_names(l, JOB_LETTER_THERE);
	}
	if (rc == EXIT_DONE)
		printf("Once posted, record each one with 'caseload letters "
		    "sent REF'.\n");
	free(safe);
}

/*
 * The options and the folder of letters write: 0 with *within and *dir
 * set, or EXIT_USAGE after an error.
 */
static int
letters_write_options(int argc, char **argv, int *within, const char **dir)
{
	static const struct option options[] = {
		{ "within", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		if (c != 'w') {
			cli_option_error("letters write", c, argv);
			return cli_usage("letters");
		}
		if ((rc = cli_parse_int("--within", optarg, 0, 3660,
		    within)) != 0)
			return rc;
	}
	if (argc - optind != 1 || *argv[optind] == '\0') {
		cli_error("letters write: give one folder to write the letters "
		    "in");
		return cli_usage("letters");
	}
	*dir = argv[optind];
	return 0;
}

/* letters write DIR [--within DAYS] */
static int
letters_write(struct cli *cli, int argc, char **argv)
{
	struct job_letters l;
	struct job_result r;
	struct store *st;
	const char *dir = NULL;
	char *cause = NULL, *safe;
	int rc, within = 0;
	size_t k;

	if ((rc = letters_write_options(argc, argv, &within, &dir)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	if (job_letters_write(&cli->ses, dir, within, &l, &r, &cause) == 0)
		rc = EXIT_DONE;
	else
		rc = r.refused ? EXIT_USAGE : EXIT_FAILED;
	for (k = 0; k < l.nwarnings; k++) {
		safe = cli_safe(l.warnings[k]);
		cli_warn("%s", safe);
		free(safe);
	}
	if (rc != EXIT_DONE && l.in_folder) {
		safe = cli_safe(cause);
		cli_error("letters write: %s", safe);
		free(safe);
	} else if (rc != EXIT_DONE)
		cli_error("%s", cause);
	free(cause);
	if (rc == EXIT_DONE && l.n == 0) {
		if (within == 0)
			printf("No annual letters are due today; nothing "
			    "written.\n");
		else
			printf("No annual letters are due in the next %d "
			    "day%s; nothing written.\n", within,
			    within == 1 ? "" : "s");
	} else if (l.n > 0)
		letters_write_report(dir, &l, rc);
	job_letters_free(&l);
	job_result_free(&r);
	return rc;
}

/* letters sent REF [--date DATE] */
static int
letters_sent(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct job_result r;
	struct person *p = NULL;
	struct rules_due due;
	struct store *st;
	date_t on = cli->ses.today;
	char *cause = NULL, *safe = NULL, *why;
	int c, rc;

	memset(&r, 0, sizeof r);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		if (c != 'd') {
			cli_option_error("letters sent", c, argv);
			return cli_usage("letters");
		}
		if ((rc = cli_parse_date(cli, "--date", optarg, &on)) != 0)
			return rc;
	}
	if (argc - optind != 1) {
		cli_error("letters sent: give one young person: their number "
		    "or part of their name");
		return cli_usage("letters");
	}
	if (on > cli->ses.today)
		return cli_check("--date", check_event_date(on, DATE_NONE,
		    cli->ses.today, &cause), &cause);
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	safe = cli_marked_name(cli, p);
	if ((rc = cli_open(cli, &st)) != 0)
		goto out;
	if (job_letter_sent(&cli->ses, p->id, on, &r, &cause) != 0) {
		if (!r.refused || r.field == JOB_DATE) {
			rc = cli_job_error("--date", &r, &cause);
			goto out;
		}
		why = cli_safe(cause);
		if (r.field == JOB_STATUS)
			cli_error("letters sent: %s (log a letter to someone "
			    "stepped up with 'caseload contact %ld --method "
			    "letter')", why, p->id);
		else
			cli_error("letters sent: %s", why);
		free(why);
		free(cause);
		rc = EXIT_USAGE;
		goto out;
	}

	printf("Recorded the annual letter to %ld %s, sent on %s.\n", p->id,
	    safe, cli_date(cli, on));
	due = r.row.letter;
	if (due.state == DUE_NONE)
		printf("No more annual letters: they turn 25 before the next "
		    "one would fall due.\n");
	else if (due.state == DUE_OVERDUE)
		printf("The next letter is overdue: it was due %s.\n",
		    cli_date(cli, due.due));
	else
		printf("Next letter due %s.\n", cli_date(cli, due.due));
	rc = EXIT_DONE;
out:
	job_result_free(&r);
	free(safe);
	free(p);
	return rc;
}

int
cmd_letters(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "write") == 0)
		return letters_write(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "sent") == 0) {
		cli->ses.access = SESSION_WRITES;
		return letters_sent(cli, argc - 1, argv + 1);
	}
	return letters_list(cli, argc, argv);
}
