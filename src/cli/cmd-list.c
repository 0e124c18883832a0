/* SPDX-License-Identifier: MIT */
/*
 * cmd-list.c: caseload list: the young people on the caseload, by number.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvout.h"
#include "json.h"
#include "rows.h"
#include "rules.h"
#include "text.h"
#include "xmalloc.h"

#define LIST_NAME_COLS 28

struct list_state {
	struct cli	*cli;
	enum cli_format	 format;
	struct json	 json;
	size_t		 n;
	int		 living;	/* --accommodation was given */
	long		*ids;		/* who lives in those types */
	size_t		 nids;
};

static const char *const list_columns[] = {
	"id", "uuid", "name", "preferred_name", "date_of_birth", "age",
	"stage", "status", "status_since", "allocated_on", "interval_weeks",
	"phone", "email", "address", "last_contact", NULL
};

/* 1 when young person id lives in one of the types asked for. */
static int
list_lives_there(const struct list_state *s, long id)
{
	size_t lo = 0, hi = s->nids, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->ids[mid] == id)
			return 1;
		if (s->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * Read --accommodation's types, "sofa-surfing,no-fixed-abode", into bits
 * of enum accommodation_type.  0, or EXIT_USAGE after an error.
 */
static int
list_parse_types(const char *text, unsigned *types)
{
	char *copy, *word, *next;
	int rc = 0, v;

	copy = xstrdup(text);
	*types = 0;
	for (word = copy; word != NULL && rc == 0; word = next) {
		if ((next = strchr(word, ',')) != NULL)
			*next++ = '\0';
		if ((rc = cli_parse_choice("--accommodation", word,
		    "a type of accommodation", accommodation_type_choice(),
		    &v)) == 0)
			*types |= 1U << v;
	}
	free(copy);
	return rc;
}

static int
list_one(const struct person *p, void *arg)
{
	struct list_state *s = arg;
	struct cli *cli = s->cli;
	date_t today = cli->ses.today;
	char name[LIST_NAME_COLS * 4 + 8];
	enum stage stage = rules_stage(p->facts.dob, today);
	int age = date_age(p->facts.dob, today);
	char *label;

	if (s->living && !list_lives_there(s, p->id))
		return 0;
	s->n++;
	switch (s->format) {
	case FORMAT_TEXT:
		if (p->preferred_name != NULL)
			label = xasprintf("%s%s (%s)%s",
			    cli_flag_mark(cli, p->flagged), p->name,
			    p->preferred_name, rows_past_entitlement(
			    p->facts.status, stage) ? " " ROWS_PAST_MARK : "");
		else if (rows_past_entitlement(p->facts.status, stage))
			label = xasprintf("%s%s %s",
			    cli_flag_mark(cli, p->flagged), p->name,
			    ROWS_PAST_MARK);
		else if (p->flagged)
			label = xasprintf("%s%s", cli_flag_mark(cli, 1),
			    p->name);
		else
			label = NULL;
		text_fit(label != NULL ? label : p->name, LIST_NAME_COLS, 1,
		    name, sizeof name);
		free(label);
		printf("%5ld  %s  %-10s  %3d  %-8s  %s\n", p->id, name,
		    cli_date(cli, p->facts.dob), age, rules_stage_label(stage),
		    person_status_label(p->facts.status));
		break;
	case FORMAT_CSV:
		csv_int(stdout, 1, p->id);
		csv_field(stdout, 0, p->uuid);
		csv_field(stdout, 0, p->name);
		csv_field(stdout, 0, p->preferred_name);
		csv_date(stdout, 0, p->facts.dob);
		csv_int(stdout, 0, age);
		csv_field(stdout, 0, rules_stage_label(stage));
		csv_field(stdout, 0, person_status_slug(p->facts.status));
		csv_date(stdout, 0, p->facts.status_since);
		csv_date(stdout, 0, p->facts.allocated_on);
		if (p->facts.interval_weeks > 0)
			csv_int(stdout, 0, p->facts.interval_weeks);
		else
			csv_field(stdout, 0, NULL);
		csv_field(stdout, 0, p->phone);
		csv_field(stdout, 0, p->email);
		csv_field(stdout, 0, p->address);
		csv_date(stdout, 0, p->facts.last_contact);
		csv_end_row(stdout);
		break;
	case FORMAT_JSON:
		json_begin_object(&s->json);
		json_key(&s->json, "id");
		json_int(&s->json, p->id);
		json_key(&s->json, "uuid");
		json_string(&s->json, p->uuid);
		json_key(&s->json, "name");
		json_string(&s->json, p->name);
		json_key(&s->json, "preferred_name");
		json_string(&s->json, p->preferred_name);
		json_key(&s->json, "date_of_birth");
		json_date(&s->json, p->facts.dob);
		json_key(&s->json, "age");
		json_int(&s->json, age);
		json_key(&s->json, "stage");
		json_string(&s->json, rules_stage_label(stage));
		json_key(&s->json, "status");
		json_string(&s->json, person_status_slug(p->facts.status));
		json_key(&s->json, "status_since");
		json_date(&s->json, p->facts.status_since);
		json_key(&s->json, "allocated_on");
		json_date(&s->json, p->facts.allocated_on);
		json_key(&s->json, "interval_weeks");
		if (p->facts.interval_weeks > 0)
			json_int(&s->json, p->facts.interval_weeks);
		else
			json_null(&s->json);
		json_key(&s->json, "phone");
		json_string(&s->json, p->phone);
		json_key(&s->json, "email");
		json_string(&s->json, p->email);
		json_key(&s->json, "address");
		json_string(&s->json, p->address);
		json_key(&s->json, "last_contact");
		json_date(&s->json, p->facts.last_contact);
		json_end_object(&s->json);
		break;
	}
	return 0;
}

int
cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "stepped-up", no_argument, NULL, 'u' },
		{ "stepped-down", no_argument, NULL, 'd' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "bom", no_argument, NULL, 'b' },
		{ "accommodation", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	struct list_state s = { cli, FORMAT_TEXT, { 0 }, 0, 0, NULL, 0 };
	unsigned types = 0;
	int bom = 0;
	unsigned which = STORE_CURRENT;
	struct store *st;
	char *cause = NULL;
	int c, rc, filters = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (c) {
		case 'u':
			which = STORE_UP;
			filters++;
			break;
		case 'd':
			which = STORE_DOWN;
			filters++;
			break;
		case 'a':
			which = STORE_EVERYONE;
			filters++;
			break;
		case 'f':
			if ((rc = cli_parse_format(optarg, &s.format)) != 0)
				return rc;
			break;
		case 'b':
			bom = 1;
			break;
		case 'A':
			if ((rc = list_parse_types(optarg, &types)) != 0)
				return rc;
			s.living = 1;
			break;
		default:
			return cli_option_error("list", c, argv);
		}
	}
	if (optind != argc)
		return cli_operands_error("list", "takes no young person; use "
		    "'caseload show REF' for one");
	if (filters > 1) {
		cli_error("list: give only one of --stepped-up, --stepped-down "
		    "and --all");
		return cli_usage("list");
	}
	if ((rc = cli_check_bom("list", bom, s.format)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	if (s.living && store_living_in(st, types, &s.ids, &s.nids,
	    &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}

	if (s.format == FORMAT_TEXT)
		printf("%5s  %-*s  %-10s  %3s  %-8s  %s\n", "No",
		    LIST_NAME_COLS, "Name", "Born", "Age", "Stage", "Status");
	else if (s.format == FORMAT_CSV)
		cli_csv_header(cli, bom, list_columns);
	else {
		json_init(&s.json, stdout);
		json_begin_array(&s.json);
	}
	rc = store_people_each(st, which, list_one, &s, &cause);
	free(s.ids);
	if (rc != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (s.format == FORMAT_JSON) {
		json_end_array(&s.json);
		json_finish(&s.json);
	} else if (s.format == FORMAT_TEXT && s.n == 0 && s.living)
		printf("No one here lives in that accommodation now.\n");
	else if (s.format == FORMAT_TEXT && s.n == 0)
		printf("No young people here yet: add one with 'caseload add "
		    "--name NAME --dob DATE'.\n");
	return EXIT_DONE;
}
