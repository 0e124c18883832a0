/*
 * cmd-stats.c: caseload stats: figures for supervision, counted by the
 * core (stats.h) from rows the store streams in.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>

#include "cli.h"
#include "json.h"
#include "stats.h"

struct stats_feed {
	struct stats			*s;
	const struct rules_settings	*settings;
};

static int
stats_person(const struct person *p, void *arg)
{
	struct stats_feed *f = arg;

	stats_add_person(f->s, &p->facts, f->settings);
	return 0;
}

static int
stats_contact(const struct contact *c, void *arg)
{
	struct stats_feed *f = arg;
	struct stats_contact sc;

	sc.on = c->on;
	sc.by = c->by;
	sc.attempted = c->attempted;
	sc.struck = c->struck_on != DATE_NONE;
	stats_add_contact(f->s, &sc);
	return 0;
}

static int
stats_letter(long id, date_t on, void *arg)
{
	struct stats_feed *f = arg;

	(void)id;
	stats_add_letter(f->s, on);
	return 0;
}

static void
stats_text(struct cli *cli, const struct stats *s)
{
	char label[32];
	int i, pc;

	printf("Supervision figures on %s\n\n", cli_date(cli, s->today));
	printf("%-14s  %d stepped up", "Caseload", s->stepped_up);
	if (s->over_cap > 0)
		printf(", %d over the cap of %d", s->over_cap, s->cap);
	else
		printf(" (cap %d)", s->cap);
	printf(", %d stepped down\n", s->stepped_down);

	printf("%-14s  ", "Contact");
	if ((pc = stats_percent(s->within_interval, s->stepped_up)) < 0)
		printf("nobody stepped up\n");
	else
		printf("%d of %d (%d%%) contacted within their interval, "
		    "%d overdue\n", s->within_interval, s->stepped_up, pc,
		    s->overdue);

	snprintf(label, sizeof label, "Last %d week%s", s->weeks,
	    s->weeks == 1 ? "" : "s");
	printf("%-14s  %d contact%s since %s, %d started by the "
	    "young person\n", label, s->contacts,
	    s->contacts == 1 ? "" : "s", cli_date(cli, s->since),
	    s->contacts_by_young_person);
	printf("%-14s  %d attempted contact%s (no answer, not in)\n", "",
	    s->attempted, s->attempted == 1 ? "" : "s");
	printf("%-14s  %d annual letter%s sent in %d\n", "Letters",
	    s->letters, s->letters == 1 ? "" : "s", s->year);
	printf("%-14s  %d pathway plan review%s overdue\n", "Reviews",
	    s->reviews_overdue, s->reviews_overdue == 1 ? "" : "s");

	printf("\n%-14s  %10s  %12s\n", "By stage", "stepped up",
	    "stepped down");
	for (i = 0; i < STATS_STAGES; i++)
		printf("  %-12s  %10d  %12d\n",
		    rules_stage_label((enum stage)i), s->up_by_stage[i],
		    s->down_by_stage[i]);
}

static void
stats_json(const struct stats *s)
{
	struct json j;
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
	struct stats_feed feed = { &s, &cli->ses.cfg.rules };
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
	if ((rc = cli_store(cli, &st)) != 0)
		return rc;

	stats_init(&s, &cli->ses.cfg.rules, cli->ses.today);
	if (store_people_each(st, STORE_CURRENT, stats_person, &feed,
	    &cause) != 0 ||
	    store_contacts_since(st, s.since, stats_contact, &feed,
	    &cause) != 0 ||
	    store_letters_since(st, s.year_start, stats_letter, &feed,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (format == FORMAT_JSON)
		stats_json(&s);
	else
		stats_text(cli, &s);
	return EXIT_DONE;
}
