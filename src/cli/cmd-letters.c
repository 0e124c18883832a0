/*
 * cmd-letters.c: caseload letters: the annual contact letters of young
 * people who have stepped down: who is due one (list, print), writing
 * them from the template, and recording one sent.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "cli.h"
#include "csvout.h"
#include "json.h"
#include "letter.h"
#include "print.h"
#include "target.h"
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

/* "Aisha Khan (Ash)" or "Aisha Khan"; the caller frees it. */
static char *
letters_label(const struct person *p)
{
	if (p->preferred_name != NULL && *p->preferred_name != '\0')
		return xasprintf("%s (%s)", p->name, p->preferred_name);
	return xstrdup(p->name);
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
		label = letters_label(row->person);
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
		label = letters_label(row->person);
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
letters_csv(const struct letter_list *list)
{
	const struct letter_row *row;
	size_t k;

	csv_header(stdout, letters_columns);
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

	if ((rc = cli_store(cli, &st)) != 0)
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
	struct print_options popt = { -1, 0, NULL };
	struct letter_list list;
	int rc;

	if ((rc = cli_list_options(cli, "letters", argc, argv, &o)) != 0)
		return rc;
	popt.redact = o.redact;
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
		int pages;
		char *text;

		popt.within = o.within;
		text = print_letters(&list, &cli->ses.cfg, cli->ses.today, &popt,
		    &pages);
		rc = cli_print(cli, text, pages, list.n);
		free(text);
		letter_list_free(&list);
		return rc;
	}
	switch (o.format) {
	case FORMAT_TEXT:
		letters_text(cli, &list, o.within);
		break;
	case FORMAT_CSV:
		letters_csv(&list);
		break;
	case FORMAT_JSON:
		letters_json(&list);
		break;
	}
	letter_list_free(&list);
	return EXIT_DONE;
}

/* Read and check the template; 0, or an exit status after an error. */
static int
letters_template(struct cli *cli, struct letter_template **out)
{
	char *path, *text = NULL, *cause = NULL;
	int rc = 0;

	path = letter_template_path(cli->ses.cfg.letters_template);
	if (letter_template_read(path, &text, &cause) != 0) {
		cli_error("%s; %s", cause, *cli->ses.cfg.letters_template != '\0' ?
		    "check [letters] template in your settings" :
		    "set [letters] template in your settings, or reinstall "
		    "caseload");
		rc = *cli->ses.cfg.letters_template != '\0' ? EXIT_USAGE :
		    EXIT_FAILED;
	} else if (letter_template_parse(text, path, out, &cause) != 0) {
		cli_error("%s", cause);
		rc = EXIT_USAGE;
	}
	free(cause);
	free(text);
	free(path);
	return rc;
}

/* Warn once about a [worker] setting the template uses but is empty. */
static void
letters_warn_setting(const struct letter_template *t, enum letter_field f,
    const char *value, const char *key)
{
	if (letter_template_uses(t, f) && text_is_blank(value))
		cli_warn("[worker] %s is not set, so the letters have a blank "
		    "where {%s} goes; set it in your settings", key,
		    letter_field_name(f));
}

/*
 * The letter to row's young person, as letters write makes it; the
 * caller frees it.
 */
static char *
letters_fill(struct cli *cli, const struct letter_template *t,
    const struct letter_row *row)
{
	struct letter_values v;

	letter_values_set(&v, row->person, &cli->ses.cfg, row->letter.due,
	    cli->ses.today);
	return letter_fill(t, &v);
}

/* What letters write does with each letter of the list. */
enum letters_plan {
	LETTERS_WRITE,		/* to be written */
	LETTERS_THERE,		/* there already, word for word: left */
	LETTERS_WRITTEN		/* written by this run */
};

/* Print the names of the letters planned as plan. */
static void
letters_names(char **names, const char *plans, size_t n, int plan)
{
	size_t k;
	char *name;

	for (k = 0; k < n; k++) {
		if (plans[k] != plan)
			continue;
		name = cli_safe(names[k]);
		printf("  %s\n", name);
		free(name);
	}
}

/*
 * Check every letter's name in dir before writing any: a letter that is
 * there already, word for word, was written by an earlier run that was
 * stopped and is left as it is; any other file of that name stops it all.
 * 0, or an exit status after an error.
 */
static int
letters_check_names(struct cli *cli, const struct letter_template *t,
    const struct letter_list *list, const char *dir, char **names,
    char *plans, size_t *there)
{
	char *text, *path, *safe, *cause = NULL;
	size_t k;
	int rc;

	for (k = 0; k < list->n; k++) {
		text = letters_fill(cli, t, &list->rows[k]);
		rc = letter_there(dir, names[k], text, &cause);
		free(text);
		if (rc == LETTER_NONE)
			continue;
		if (rc == LETTER_SAME) {
			plans[k] = LETTERS_THERE;
			(*there)++;
			continue;
		}
		if (rc == LETTER_OTHER) {
			path = xasprintf("%s/%s", dir, names[k]);
			safe = cli_safe(path);
			cli_error("letters write: %s already exists and is not "
			    "the letter caseload would write now; choose "
			    "another folder or move the old letters", safe);
			free(safe);
			free(path);
			return EXIT_USAGE;
		}
		rc = target_bad_path(errno) ? EXIT_USAGE : EXIT_FAILED;
		safe = cli_safe(cause);
		cli_error("letters write: %s", safe);
		free(safe);
		free(cause);
		return rc;
	}
	return 0;
}

/* The [worker] settings the template uses, each warned about if empty. */
static void
letters_warn_settings(struct cli *cli, const struct letter_template *t)
{
	letters_warn_setting(t, LETTER_WORKER_NAME, cli->ses.cfg.worker_name,
	    "name");
	letters_warn_setting(t, LETTER_WORKER_PHONE, cli->ses.cfg.worker_phone,
	    "phone");
	letters_warn_setting(t, LETTER_WORKER_EMAIL, cli->ses.cfg.worker_email,
	    "email");
	letters_warn_setting(t, LETTER_OFFICE, cli->ses.cfg.worker_office,
	    "office");
}

/* Warn about the blanks in the letter to row's young person, named safe. */
static void
letters_warn_blanks(const struct letter_template *t,
    const struct letter_row *row, const struct letter_values *v,
    const char *safe)
{
	if (letter_template_uses(t, LETTER_ADDRESS) &&
	    (row->person->address == NULL ||
	    text_is_blank(row->person->address)))
		cli_warn("young person %ld has no address, so %s has a "
		    "blank for it: write it in by hand, or add it with "
		    "'caseload edit %ld --address TEXT' and write "
		    "again", row->person->id, safe, row->person->id);
	if (letter_template_uses(t, LETTER_NEXT_LETTER_DATE) &&
	    v->next[0] == '\0')
		cli_warn("young person %ld turns 25 before another "
		    "letter would fall due, so %s has a blank for "
		    "{next_letter_date}", row->person->id, safe);
}

/*
 * Make sure dir can take the letters named names: when it is a folder,
 * every letter of that name there already is checked (letters_check_names,
 * which fills in plans and *there); when it is not there, it is made and
 * *made set.  0, or an exit status after an error.
 */
static int
letters_prepare_dir(struct cli *cli, const struct letter_template *t,
    const struct letter_list *list, const char *dir, char **names,
    char *plans, size_t *there, int *made)
{
	struct stat sb;
	char *cause = NULL, *safe;
	int rc;

	if (stat(dir, &sb) != 0)
		*made = 1;
	else if (S_ISDIR(sb.st_mode) && (rc = letters_check_names(cli, t,
	    list, dir, names, plans, there)) != 0)
		return rc;
	if (letter_make_dir(dir, &cause) != 0) {
		safe = cli_safe(cause);
		cli_error("letters write: %s", safe);
		free(safe);
		free(cause);
		return EXIT_FAILED;
	}
	return 0;
}

/*
 * Write the letters planned to be written into dir, warning about blanks
 * in every letter, and mark each one written in plans, counting them in
 * *written.  It stops at the first letter that cannot be saved.
 * EXIT_DONE, or EXIT_FAILED after an error.
 */
static int
letters_write_each(struct cli *cli, const struct letter_template *t,
    const struct letter_list *list, const char *dir, char **names,
    char *plans, size_t *written)
{
	const struct letter_row *row;
	struct letter_values v;
	char *text, *safe, *why, *cause = NULL;
	size_t k;

	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		letter_values_set(&v, row->person, &cli->ses.cfg, row->letter.due,
		    cli->ses.today);
		safe = cli_safe(names[k]);
		letters_warn_blanks(t, row, &v, safe);
		free(safe);
		if (plans[k] == LETTERS_THERE)
			continue;
		text = letter_fill(t, &v);
		if (letter_save(dir, names[k], text, &cause) != 0) {
			why = cli_safe(cause);
			cli_error("letters write: %s", why);
			free(why);
			free(cause);
			free(text);
			return EXIT_FAILED;
		}
		free(text);
		plans[k] = LETTERS_WRITTEN;
		(*written)++;
	}
	return EXIT_DONE;
}

/* Say what letters write did in dir, as rc says it ended. */
static void
letters_write_report(const char *dir, char **names, const char *plans,
    size_t n, size_t written, size_t there, int made, int rc)
{
	char *safe = cli_safe(dir);

	if (written > 0 || (rc == EXIT_DONE && there == 0)) {
		printf("Wrote %zu letter%s to %s%s:\n", written,
		    written == 1 ? "" : "s", safe,
		    made ? " (a new folder)" : "");
		letters_names(names, plans, n, LETTERS_WRITTEN);
	}
	if (rc == EXIT_DONE && there > 0) {
		printf("%s in %s already, word for word, from an earlier "
		    "run:\n", there == 1 ? "This one was" : "These were", safe);
		letters_names(names, plans, n, LETTERS_THERE);
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
	struct letter_template *t = NULL;
	struct letter_list list;
	char **names = NULL, *plans = NULL;
	const char *dir = NULL;
	int rc, within = 0, made = 0;
	size_t k, written = 0, there = 0;

	if ((rc = letters_write_options(argc, argv, &within, &dir)) != 0)
		return rc;
	/* Everything that can be wrong is checked before writing. */
	if ((rc = letters_template(cli, &t)) != 0)
		return rc;
	if ((rc = letters_load(cli, within, &list)) != 0) {
		letter_template_free(t);
		return rc;
	}
	if (list.n == 0) {
		if (within == 0)
			printf("No annual letters are due today; nothing "
			    "written.\n");
		else
			printf("No annual letters are due in the next %d "
			    "day%s; nothing written.\n", within,
			    within == 1 ? "" : "s");
		rc = EXIT_DONE;
		goto out;
	}
	names = xcalloc(list.n, sizeof *names);
	plans = xcalloc(list.n, sizeof *plans);
	for (k = 0; k < list.n; k++)
		names[k] = letter_file_name(list.rows[k].person, cli->ses.today);
	if ((rc = letters_prepare_dir(cli, t, &list, dir, names, plans,
	    &there, &made)) != 0)
		goto out;

	letters_warn_settings(cli, t);
	rc = letters_write_each(cli, t, &list, dir, names, plans, &written);
	letters_write_report(dir, names, plans, list.n, written, there, made,
	    rc);
out:
	if (names != NULL) {
		for (k = 0; k < list.n; k++)
			free(names[k]);
		free(names);
	}
	free(plans);
	letter_list_free(&list);
	letter_template_free(t);
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
	safe = cli_safe(p->name);
	if ((rc = cli_store(cli, &st)) != 0)
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
