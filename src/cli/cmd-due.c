/* SPDX-License-Identifier: MIT */
/*
 * cmd-due.c: caseload due: who is due for their contact, most overdue
 * first, then the stepped-down young people.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvout.h"
#include "json.h"
#include "print.h"
#include "text.h"
#include "views.h"
#include "xmalloc.h"

#define DUE_NAME_MAX_COLS 28

static const char *const due_columns[] = {
	"id", "name", "status", "last_contact", "next_due", "days_overdue",
	"state", "preferred_name", "stage", "age", "attempts", "visit_due",
	NULL
};

/*
 * After the state, for someone with a statutory visit clock: "; visit due
 * 17/11/2026 (overdue by 10 days)", red when overdue.
 */
static void
due_visit_text(struct cli *cli, const struct rules_due *visit)
{
	char when[64];

	if (visit->state == DUE_NONE)
		return;
	rows_due_words(visit, cli->ses.today, when, sizeof when);
	if (visit->state == DUE_OVERDUE)
		cli_colour_on(cli, COLOUR_RED);
	else if (visit->state == DUE_SOON)
		cli_colour_on(cli, COLOUR_YELLOW);
	printf("; visit %s %s", cli_date(cli, visit->due), when);
	cli_colour_off(cli);
}

/*
 * "Aisha Khan (Ash)" or "Aisha Khan", marked "[25+]" when they are still
 * stepped up at 25 or over; the caller frees it.
 */
static char *
due_label(const struct cli *cli, const struct due_row *row)
{
	const struct person *p = row->person;
	const char *mark = rows_past_entitlement(p->facts.status,
	    row->stage) ? " " ROWS_PAST_MARK : "";
	const char *flag = cli_flag_mark(cli, p->flagged);

	if (p->preferred_name != NULL && *p->preferred_name != '\0')
		return xasprintf("%s%s (%s)%s", flag, p->name,
		    p->preferred_name, mark);
	return xasprintf("%s%s%s", flag, p->name, mark);
}

static void
due_state_text(const struct due_row *row, date_t today, char *buf,
    size_t size)
{
	if (row->person->facts.status != STATUS_UP) {
		snprintf(buf, size, "%s",
		    person_status_label(row->person->facts.status));
		return;
	}
	char attempts[64];
	size_t len;

	if (row->contact.state == DUE_OK)
		snprintf(buf, size, "ok");
	else
		rows_due_words(&row->contact, today, buf, size);
	/* Repeated failed attempts are a safeguarding signal: say them. */
	rows_attempts_words(row->person->facts.attempts, attempts,
	    sizeof attempts);
	len = strlen(buf);
	if (*attempts != '\0' && len + 2 + strlen(attempts) < size) {
		memcpy(buf + len, ", ", 2);
		memcpy(buf + len + 2, attempts, strlen(attempts) + 1);
	}
}

static void
due_text(struct cli *cli, const struct due_list *list, int within)
{
	const struct rules_settings *rs = &cli->ses.cfg.rules;
	char name[DUE_NAME_MAX_COLS * 4 + 8], state[128];
	int name_cols = 4, date_cols = 10, w, i;
	const struct due_row *row;
	char *label;
	size_t k;

	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		label = due_label(cli, row);
		w = text_width(label);
		free(label);
		if (w > name_cols)
			name_cols = w;
		w = text_width(cli_date(cli, row->contact.due));
		if (w > date_cols)
			date_cols = w;
		w = text_width(cli_date(cli, row->person->facts.last_contact));
		if (w > date_cols)
			date_cols = w;
	}
	if (name_cols > DUE_NAME_MAX_COLS)
		name_cols = DUE_NAME_MAX_COLS;
	if (date_cols < 12)
		date_cols = 12;	/* "Last contact" */

	if (list->n > 0) {
		printf("   %5s  %-*s  %-8s  %-*s  %-*s  %s\n", "No", name_cols,
		    "Name", "Stage", date_cols, "Last contact", date_cols,
		    "Next due", "State");
	}
	for (k = 0; k < list->n; k++) {
		row = &list->rows[k];
		label = due_label(cli, row);
		text_fit(label, name_cols, 1, name, sizeof name);
		free(label);
		due_state_text(row, cli->ses.today, state, sizeof state);
		if (row->person->facts.status == STATUS_UP &&
		    row->contact.state == DUE_OVERDUE)
			cli_colour_on(cli, COLOUR_RED);
		else if (row->person->facts.status == STATUS_UP &&
		    row->contact.state == DUE_SOON)
			cli_colour_on(cli, COLOUR_YELLOW);
		else if (row->person->facts.status != STATUS_UP)
			cli_colour_on(cli, COLOUR_DIM);
		else if (rows_past_entitlement(STATUS_UP, row->stage))
			cli_colour_on(cli, COLOUR_BOLD);
		printf(" %c %5ld  %s  %-8s  ",
		    row->person->facts.status != STATUS_UP ? ' ' :
		    row->contact.state == DUE_OVERDUE ? '!' :
		    row->contact.state == DUE_SOON ? '~' : ' ',
		    row->person->id, name, rules_stage_label(row->stage));
		/* Pad dates by columns, not bytes: month names may be UTF-8. */
		const char *dates[2] = {
			cli_date(cli, row->person->facts.last_contact),
			row->person->facts.status == STATUS_UP ?
			    cli_date(cli, row->contact.due) : ""
		};
		for (i = 0; i < 2; i++) {
			fputs(dates[i], stdout);
			for (w = text_width(dates[i]); w < date_cols + 2; w++)
				putchar(' ');
		}
		fputs(state, stdout);
		cli_colour_off(cli);
		due_visit_text(cli, &row->visit);
		putchar('\n');
	}

	if (list->counts.stepped_up + list->counts.stepped_down == 0) {
		printf("No young people on your caseload yet: add one with "
		    "'caseload add --name NAME --dob DATE'.\n");
		return;
	}
	if (list->n == 0 && within >= 0)
		printf("Nobody is due for contact in the next %d day%s.\n",
		    within, within == 1 ? "" : "s");
	if (list->n > 0)
		putchar('\n');
	printf("%d overdue, %d due soon; %d stepped up", list->counts.overdue,
	    list->counts.due_soon, list->counts.stepped_up);
	if (rules_over_cap(list->counts.stepped_up, rs))
		printf(", %d over your cap of %d", list->counts.stepped_up - rs->cap,
		    rs->cap);
	else
		printf(" (cap %d)", rs->cap);
	printf(", %d stepped down.\n", list->counts.stepped_down);
}

/* One row of CSV, as it comes. */
static int
due_csv_row(const struct due_row *row, void *arg)
{
	(void)arg;
	csv_int(stdout, 1, row->person->id);
	csv_field(stdout, 0, row->person->name);
	csv_field(stdout, 0, person_status_slug(row->person->facts.status));
	csv_date(stdout, 0, row->person->facts.last_contact);
	csv_date(stdout, 0, row->contact.due);
	csv_int(stdout, 0, row->contact.days_overdue);
	csv_field(stdout, 0, rows_due_state(row));
	csv_field(stdout, 0, row->person->preferred_name);
	csv_field(stdout, 0, rules_stage_label(row->stage));
	csv_int(stdout, 0, row->age);
	csv_int(stdout, 0, row->person->facts.attempts);
	csv_date(stdout, 0, row->visit.due);
	csv_end_row(stdout);
	return 0;
}

/* One object of JSON, as it comes. */
static int
due_json_row(const struct due_row *row, void *arg)
{
	struct json *j = arg;

	json_begin_object(j);
	json_key(j, "id");
	json_int(j, row->person->id);
	json_key(j, "name");
	json_string(j, row->person->name);
	json_key(j, "status");
	json_string(j, person_status_slug(row->person->facts.status));
	json_key(j, "last_contact");
	json_date(j, row->person->facts.last_contact);
	json_key(j, "next_due");
	json_date(j, row->contact.due);
	json_key(j, "days_overdue");
	json_int(j, row->contact.days_overdue);
	json_key(j, "state");
	json_string(j, rows_due_state(row));
	json_key(j, "preferred_name");
	json_string(j, row->person->preferred_name);
	json_key(j, "stage");
	json_string(j, rules_stage_label(row->stage));
	json_key(j, "age");
	json_int(j, row->age);
	json_key(j, "attempts");
	json_int(j, row->person->facts.attempts);
	json_key(j, "visit_due");
	json_date(j, row->visit.due);
	json_end_object(j);
	return 0;
}

/* CSV and JSON are written row by row, never held: any size fits. */
static int
due_stream(struct cli *cli, struct store *st, int within,
    enum cli_format format, int bom)
{
	unsigned which = within >= 0 ? STORE_UP : STORE_CURRENT;
	char *cause = NULL;
	struct json j;
	int rc;

	if (format == FORMAT_CSV) {
		cli_csv_header(cli, bom, due_columns);
		rc = views_due_each(st, &cli->ses.cfg.rules, cli->ses.today, which,
		    within, due_csv_row, NULL, &cause);
	} else {
		json_init(&j, stdout);
		json_begin_array(&j);
		rc = views_due_each(st, &cli->ses.cfg.rules, cli->ses.today, which,
		    within, due_json_row, &j, &cause);
		json_end_array(&j);
		json_finish(&j);
	}
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

int
cmd_due(struct cli *cli, int argc, char **argv)
{
	struct cli_list_options o;
	struct print_options popt = { -1, 0, NULL, 0 };
	struct due_list list;
	struct store *st;
	char *cause = NULL;
	int rc;

	if ((rc = cli_list_options(cli, "due", argc, argv, &o)) != 0)
		return rc;
	if (optind != argc)
		return cli_operands_error("due", "takes no young person; use "
		    "'caseload show REF' for one");
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	if (!o.print && o.format != FORMAT_TEXT)
		return due_stream(cli, st, o.within, o.format, o.bom);
	if (views_due(st, &cli->ses.cfg.rules, cli->ses.today,
	    o.within >= 0 ? STORE_UP : STORE_CURRENT, o.within, &list,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (o.print) {
		popt.within = o.within;
		popt.redact = o.redact;
		popt.ascii = !cli->ses.utf8;
		rc = cli_print(cli, &list, NULL, &popt);
		due_list_free(&list);
		return rc;
	}
	due_text(cli, &list, o.within);
	due_list_free(&list);
	return EXIT_DONE;
}
