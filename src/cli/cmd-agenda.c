/* SPDX-License-Identifier: MIT */
/*
 * cmd-agenda.c: caseload agenda: contacts, letters, reviews and
 * birthdays in the coming days, by date; with --overdue, every item
 * overdue, most overdue first.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvout.h"
#include "json.h"
#include "text.h"
#include "views.h"
#include "xmalloc.h"

#define AGENDA_DEFAULT_DAYS 28

static const char *const agenda_columns[] = {
	"date", "kind", "id", "name", "due", "days_overdue", "state", "what",
	NULL
};

static void
agenda_text(struct cli *cli, const struct agenda_list *list, date_t until)
{
	const struct agenda_entry *e;
	date_t heading = DATE_NONE;
	char day[64], *name, detail[160], number[16];
	int overdue_heading = 0;
	size_t k;

	printf("Agenda from %s", cli_date(cli, cli->ses.today));
	printf(" to %s\n", cli_date(cli, until));
	if (list->n == 0) {
		printf("\nNothing is due in these days.\n");
		return;
	}
	for (k = 0; k < list->n; k++) {
		e = &list->entries[k];
		if (e->item.due.state == DUE_OVERDUE) {
			if (!overdue_heading) {
				printf("\nOverdue\n");
				overdue_heading = 1;
			}
		} else if (e->item.on != heading) {
			heading = e->item.on;
			if (date_format(heading, "%A", day, sizeof day) == 0)
				day[0] = '\0';
			printf("\n%s %s%s\n", day, cli_date(cli, heading),
			    heading == cli->ses.today ? " (today)" : "");
		}
		name = cli_safe(e->name);
		if (e->item.due.state == DUE_OVERDUE) {
			if (e->action != NULL)
				snprintf(number, sizeof number, "A%d ",
				    e->action->number);
			else
				number[0] = '\0';
			snprintf(detail, sizeof detail, "%swas due %s, %d "
			    "day%s ago", number,
			    cli_date(cli, e->item.due.due),
			    e->item.due.days_overdue,
			    e->item.due.days_overdue == 1 ? "" : "s");
			cli_colour_on(cli, COLOUR_RED);
		} else if (e->item.kind == AGENDA_BIRTHDAY)
			snprintf(detail, sizeof detail, "%s",
			    rules_milestone_meaning(e->item.age));
		else if (e->item.kind == AGENDA_RETURN)
			snprintf(detail, sizeof detail, "for the %d%s birthday",
			    e->item.age, returns_th(e->item.age));
		else if (e->action != NULL)
			snprintf(detail, sizeof detail, "A%d",
			    e->action->number);
		else
			detail[0] = '\0';
		printf("  %5ld  %-24s  %s%s%s%s\n", e->person_id,
		    rules_agenda_label(&e->item, 1),
		    cli_flag_mark(cli, e->flagged), name,
		    detail[0] != '\0' ? ": " : "", detail);
		cli_colour_off(cli);
		free(name);
	}
}

#define AGENDA_NAME_COLS 28

/*
 * agenda --overdue as text: every item overdue, most overdue first, one
 * line each with the young person, the kind, the date due and how many
 * days overdue.
 */
static void
agenda_overdue_text(struct cli *cli, const struct agenda_list *list)
{
	const struct agenda_entry *e;
	char name[AGENDA_NAME_COLS * 4 + 8], *safe, *name_safe;
	size_t k;

	if (list->n == 0) {
		printf("Nothing is overdue on %s.\n",
		    cli_date(cli, cli->ses.today));
		return;
	}
	printf("Overdue on %s: %zu item%s, most overdue first\n\n",
	    cli_date(cli, cli->ses.today), list->n, list->n == 1 ? "" : "s");
	for (k = 0; k < list->n; k++) {
		e = &list->entries[k];
		name_safe = cli_safe(e->name);
		safe = xasprintf("%s%s", cli_flag_mark(cli, e->flagged),
		    name_safe);
		free(name_safe);
		text_fit(safe, AGENDA_NAME_COLS, 1, name, sizeof name);
		free(safe);
		cli_colour_on(cli, COLOUR_RED);
		printf("  %5ld  %s  %-7s  due %s  %d day%s overdue\n",
		    e->person_id, name, rules_agenda_kind_name(e->item.kind),
		    cli_date(cli, e->item.due.due), e->item.due.days_overdue,
		    e->item.due.days_overdue == 1 ? "" : "s");
		cli_colour_off(cli);
	}
}

static void
agenda_csv(struct cli *cli, int bom, const struct agenda_list *list)
{
	const struct agenda_entry *e;
	size_t k;

	cli_csv_header(cli, bom, agenda_columns);
	for (k = 0; k < list->n; k++) {
		e = &list->entries[k];
		csv_date(stdout, 1, e->item.on);
		csv_field(stdout, 0, rules_agenda_kind_name(e->item.kind));
		csv_int(stdout, 0, e->person_id);
		csv_field(stdout, 0, e->name);
		csv_date(stdout, 0, e->item.due.due);
		csv_int(stdout, 0, e->item.due.days_overdue);
		csv_field(stdout, 0, rules_due_state_name(e->item.due.state));
		csv_field(stdout, 0, rules_agenda_label(&e->item, 1));
		csv_end_row(stdout);
	}
}

static void
agenda_json(const struct agenda_list *list)
{
	const struct agenda_entry *e;
	struct json j;
	size_t k;

	json_init(&j, stdout);
	json_begin_array(&j);
	for (k = 0; k < list->n; k++) {
		e = &list->entries[k];
		json_begin_object(&j);
		json_key(&j, "date");
		json_date(&j, e->item.on);
		json_key(&j, "kind");
		json_string(&j, rules_agenda_kind_name(e->item.kind));
		json_key(&j, "id");
		json_int(&j, e->person_id);
		json_key(&j, "name");
		json_string(&j, e->name);
		json_key(&j, "due");
		json_date(&j, e->item.due.due);
		json_key(&j, "days_overdue");
		json_int(&j, e->item.due.days_overdue);
		json_key(&j, "state");
		json_string(&j, rules_due_state_name(e->item.due.state));
		json_key(&j, "what");
		json_string(&j, rules_agenda_label(&e->item, 1));
		json_end_object(&j);
	}
	json_end_array(&j);
	json_finish(&j);
}

int
cmd_agenda(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "bom", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	enum cli_format format = FORMAT_TEXT;
	struct agenda_list list;
	struct store *st;
	char *cause = NULL;
	int c, rc, days = AGENDA_DEFAULT_DAYS, overdue = 0, days_given = 0;
	int bom = 0;
	date_t until;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'd':
			rc = cli_parse_int("--days", optarg, 1, 3660, &days);
			days_given = 1;
			break;
		case 'o':
			overdue = 1;
			break;
		case 'b':
			bom = 1;
			break;
		case 'f':
			rc = cli_parse_format(optarg, &format);
			break;
		default:
			return cli_option_error("agenda", c, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (optind != argc)
		return cli_operands_error("agenda", "takes no young person");
	if ((rc = cli_check_bom("agenda", bom, format)) != 0)
		return rc;
	if (overdue && days_given) {
		cli_error("agenda --overdue lists everything overdue, whenever "
		    "it fell due: give --overdue or --days, not both");
		return EXIT_USAGE;
	}
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	/* Overdue: the items due before today (placed on today), by the
	 * date they fell due. */
	until = overdue ? cli->ses.today - 1 : cli->ses.today + days - 1;
	if (views_agenda(st, &cli->ses.cfg.rules, cli->ses.today, until,
	    &list, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	switch (format) {
	case FORMAT_TEXT:
		if (overdue)
			agenda_overdue_text(cli, &list);
		else
			agenda_text(cli, &list, until);
		break;
	case FORMAT_CSV:
		agenda_csv(cli, bom, &list);
		break;
	case FORMAT_JSON:
		agenda_json(&list);
		break;
	}
	agenda_list_free(&list);
	return EXIT_DONE;
}
