/* SPDX-License-Identifier: MIT */
/*
 * cmd-stats.c: caseload stats: figures for supervision, gathered by
 * views_stats and put into words by the core (stats_lines), as the
 * screens show them too.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>

#include "cli.h"
#include "json.h"
#include "stats.h"
#include "views.h"

/* Print a line of the figures. */
static void
stats_print_line(const char *line, void *arg)
{
	(void)arg;
	printf("%s\n", line);
}

static void
stats_json(const struct stats *s)
{
	struct json j;
	char year[RETURNS_YEAR_SIZE];
	int i, pc;

	json_init(&j, stdout);
	json_begin_object(&j);
	json_key(&j, "today");
	json_date(&j, s->today);
	json_key(&j, "stepped_up");
	json_int(&j, s->stepped_up);
	json_key(&j, "cap");
	json_int(&j, s->cap);
	json_key(&j, "over_cap");
	json_int(&j, s->over_cap);
	json_key(&j, "stepped_down");
	json_int(&j, s->stepped_down);
	json_key(&j, "by_stage");
	json_begin_array(&j);
	for (i = 0; i < STATS_STAGES; i++) {
		json_begin_object(&j);
		json_key(&j, "stage");
		json_string(&j, rules_stage_label((enum stage)i));
		json_key(&j, "stepped_up");
		json_int(&j, s->up_by_stage[i]);
		json_key(&j, "stepped_down");
		json_int(&j, s->down_by_stage[i]);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_key(&j, "contacted_within_interval");
	json_int(&j, s->within_interval);
	json_key(&j, "contacted_within_interval_percent");
	if ((pc = stats_percent(s->within_interval, s->stepped_up)) < 0)
		json_null(&j);
	else
		json_int(&j, pc);
	json_key(&j, "overdue");
	json_int(&j, s->overdue);
	json_key(&j, "weeks");
	json_int(&j, s->weeks);
	json_key(&j, "since");
	json_date(&j, s->since);
	json_key(&j, "contacts");
	json_int(&j, s->contacts);
	json_key(&j, "contacts_started_by_young_person");
	json_int(&j, s->contacts_by_young_person);
	json_key(&j, "attempted_contacts");
	json_int(&j, s->attempted);
	json_key(&j, "year");
	json_int(&j, s->year);
	json_key(&j, "letters_sent");
	json_int(&j, s->letters);
	json_key(&j, "reviews_overdue");
	json_int(&j, s->reviews_overdue);
	json_key(&j, "safety_flagged");
	json_int(&j, s->flagged);
	json_key(&j, "actions_open");
	json_int(&j, s->actions_open);
	json_key(&j, "actions_late");
	json_int(&j, s->actions_late);
	json_key(&j, "visits_due");
	json_int(&j, s->visits_due);
	json_key(&j, "visits_on_time");
	json_int(&j, s->visits_on_time);
	json_key(&j, "visits_overdue");
	json_int(&j, s->visits_overdue);
	returns_year_name(s->returns_year, year, sizeof year);
	json_key(&j, "returns_year");
	json_string(&j, year);
	json_key(&j, "returns_due");
	json_int(&j, s->returns_due);
	json_key(&j, "returns_recorded");
	json_int(&j, s->returns_recorded);
	json_key(&j, "returns_overdue");
	json_int(&j, s->returns_overdue);
	json_end_object(&j);
	json_finish(&j);
}

int
cmd_stats(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum cli_format format = FORMAT_TEXT;
	struct stats s;
	struct store *st;
	char *cause = NULL;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((rc = cli_parse_format(optarg, &format)) != 0)
				return rc;
			if (format == FORMAT_CSV) {
				cli_error("stats: --format csv is not offered; "
				    "use text or json");
				return cli_usage("stats");
			}
			break;
		default:
			return cli_option_error("stats", c, argv);
		}
	}
	if (optind != argc)
		return cli_operands_error("stats", "takes no young person; the "
		    "figures are for the whole caseload");
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;

	if (views_stats(st, &cli->ses.cfg.rules, cli->ses.today, &s,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (format == FORMAT_JSON)
		stats_json(&s);
	else
		stats_lines(&s, cli->ses.cfg.date_format, stats_print_line,
		    NULL);
	return EXIT_DONE;
}
