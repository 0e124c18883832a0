/* SPDX-License-Identifier: MIT */
/*
 * cmd-return.c: caseload return (record a young person's birthday
 * return, or strike one out) and caseload returns (the reporting year's
 * list for the team's data officer).
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "cli.h"
#include "csvout.h"
#include "json.h"
#include "returns.h"
#include "text.h"
#include "xmalloc.h"

/* What the worker asked return to do. */
struct return_args {
	struct returns_record	 rec;
	int			 touch_set;
	int			 strike;	/* --strike N: its number */
	const char		*reason;
};

static int
return_options(struct cli *cli, int argc, char **argv, struct return_args *a)
{
	static const struct option options[] = {
		{ "in-touch", required_argument, NULL, 't' },
		{ "activity", required_argument, NULL, 'a' },
		{ "part-time", no_argument, NULL, 'p' },
		{ "date", required_argument, NULL, 'd' },
		{ "strike", required_argument, NULL, 's' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int opt, rc, v;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 't':
			if ((rc = cli_parse_choice("--in-touch", optarg,
			    "an answer", returns_touch_choice(), &v)) == 0)
				a->rec.touch = v;
			a->touch_set = 1;
			break;
		case 'a':
			if ((rc = cli_parse_choice("--activity", optarg,
			    "an activity", returns_activity_choice(), &v)) == 0)
				a->rec.activity = v;
			break;
		case 'p':
			a->rec.part_time = 1;
			break;
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &a->rec.on);
			break;
		case 's':
			rc = cli_parse_row("--strike", optarg, 'B', 1,
			    "a birthday return", 9999, &a->strike);
			break;
		case 'r':
			rc = cli_parse_reason(optarg, &a->reason);
			break;
		default:
			return cli_option_error("return", opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error("return", "give one young person: "
		    "their number or part of their name");
	if (a->strike == 0 && !a->touch_set)
		return cli_operands_error("return", "say whether you are in "
		    "touch: --in-touch yes, no, refused, not-required, "
		    "returned-home or died");
	return 0;
}

/* The field a refused return was wrong about, as its option. */
static const char *
return_option(const struct job_result *r)
{
	switch (r->field) {
	case JOB_DATE:
		return "--date";
	case JOB_ANSWER:
		return "--activity";
	case JOB_REASON:
		return "--reason";
	case JOB_AGAIN:
	case JOB_WHO:
		return "return";
	default:
		return "return";
	}
}

int
cmd_return(struct cli *cli, int argc, char **argv)
{
	struct return_args a;
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL, *safe;
	int rc;

	memset(&a, 0, sizeof a);
	a.rec.on = cli->ses.today;
	a.rec.activity = ACTIVITY_NONE;
	if ((rc = return_options(cli, argc, argv, &a)) != 0)
		return rc;
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	a.rec.person_id = p->id;
	if (a.strike != 0)
		rc = job_return_strike(&cli->ses, p->id, a.strike, a.reason,
		    &r, &cause);
	else
		rc = job_return_record(&cli->ses, &a.rec, &r, &cause);
	if (rc != 0) {
		rc = cli_job_error(return_option(&r), &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	safe = cli_safe(p->name);
	if (a.strike != 0)
		printf("Struck out B%ld, the return for %s's %d%s birthday.\n",
		    r.made, safe, r.ret->age, returns_th(r.ret->age));
	else
		printf("Recorded B%ld, the return for %s's %d%s birthday, on "
		    "%s%s%s%s.\n", r.made, safe, r.ret->age,
		    returns_th(r.ret->age), cli_date(cli, r.ret->on),
		    r.warning != NULL ? " (" : "",
		    r.warning != NULL ? r.warning : "",
		    r.warning != NULL ? ")" : "");
	free(safe);
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}

/* ------------------------------------------------ the reporting year */

static const char *const returns_columns[] = {
	"id", "name", "date_of_birth", "birthday", "age", "in_touch",
	"activity", "hours", "accommodation", "suitable", "missing", NULL
};

struct returns_state {
	struct cli	*cli;
	enum cli_format	 format;
	struct json	 json;
	size_t		 n;
};

/* What is missing from a row, "" when nothing: static. */
static const char *
returns_missing(const struct returns_row *row)
{
	const struct returns_record *rec = row->rec;

	if (rec == NULL)
		return row->overdue ? "return (overdue)" : "return";
	if ((rec->touch == TOUCH_YES || rec->touch == TOUCH_NOT_REQUIRED ||
	    rec->touch == TOUCH_RETURNED_HOME) && row->accommodation == NULL)
		return "accommodation";
	return "";
}

static const char *
returns_hours(const struct returns_record *rec)
{
	if (rec == NULL || rec->activity == ACTIVITY_NONE)
		return NULL;
	return rec->part_time ? "part-time" : "full-time";
}

static const char *
returns_suitable(int suitable)
{
	return suitable < 0 ? NULL : suitable ? "suitable" : "unsuitable";
}

static void
returns_text(struct returns_state *s, const struct returns_row *row)
{
	const struct returns_record *rec = row->rec;
	const char *missing = returns_missing(row);
	char name[24 * 4 + 8], said[160], *safe;

	safe = cli_safe(row->person->name);
	text_fit(safe, 24, 1, name, sizeof name);
	free(safe);
	printf("%5ld  %s  %-10s  ", row->person->id, name,
	    cli_date(s->cli, row->person->facts.dob));
	printf("%-10s  %2d%s  ", cli_date(s->cli, row->window.birthday),
	    row->window.age, returns_th(row->window.age));
	if (rec == NULL)
		printf("not recorded");
	else {
		returns_record_describe(rec, said, sizeof said);
		printf("%s", said);
	}
	if (row->accommodation != NULL)
		printf("; %s (%s)", row->accommodation, row->suitable < 0 ?
		    "suitability unknown" : returns_suitable(row->suitable));
	if (*missing != '\0')
		printf("; missing: %s", missing);
	printf("\n");
}

static void
returns_csv(const struct returns_row *row)
{
	const struct returns_record *rec = row->rec;

	csv_int(stdout, 1, row->person->id);
	csv_field(stdout, 0, row->person->name);
	csv_date(stdout, 0, row->person->facts.dob);
	csv_date(stdout, 0, row->window.birthday);
	csv_int(stdout, 0, row->window.age);
	csv_field(stdout, 0, rec != NULL ?
	    returns_touch_label(rec->touch) : NULL);
	csv_field(stdout, 0, rec != NULL && rec->activity != ACTIVITY_NONE ?
	    returns_activity_label(rec->activity) : NULL);
	csv_field(stdout, 0, returns_hours(rec));
	csv_field(stdout, 0, row->accommodation);
	csv_field(stdout, 0, returns_suitable(row->suitable));
	csv_field(stdout, 0, returns_missing(row));
	csv_end_row(stdout);
}

static void
returns_json(struct returns_state *s, const struct returns_row *row)
{
	const struct returns_record *rec = row->rec;
	struct json *j = &s->json;

	json_begin_object(j);
	json_key(j, "id");
	json_int(j, row->person->id);
	json_key(j, "name");
	json_string(j, row->person->name);
	json_key(j, "date_of_birth");
	json_date(j, row->person->facts.dob);
	json_key(j, "birthday");
	json_date(j, row->window.birthday);
	json_key(j, "age");
	json_int(j, row->window.age);
	json_key(j, "in_touch");
	json_string(j, rec != NULL ? returns_touch_label(rec->touch) : NULL);
	json_key(j, "activity");
	json_string(j, rec != NULL && rec->activity != ACTIVITY_NONE ?
	    returns_activity_label(rec->activity) : NULL);
	json_key(j, "hours");
	json_string(j, returns_hours(rec));
	json_key(j, "accommodation");
	json_string(j, row->accommodation);
	json_key(j, "suitable");
	if (row->suitable < 0)
		json_null(j);
	else
		json_bool(j, row->suitable);
	json_key(j, "missing");
	json_string(j, returns_missing(row));
	json_end_object(j);
}

static int
returns_one(const struct returns_row *row, void *arg)
{
	struct returns_state *s = arg;

	s->n++;
	switch (s->format) {
	case FORMAT_TEXT:
		returns_text(s, row);
		break;
	case FORMAT_CSV:
		returns_csv(row);
		break;
	case FORMAT_JSON:
		returns_json(s, row);
		break;
	}
	return 0;
}

int
cmd_returns(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ "bom", no_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	struct returns_state s;
	struct store *st;
	char *cause = NULL, name[RETURNS_YEAR_SIZE];
	int opt, rc, bom = 0, year;

	memset(&s, 0, sizeof s);
	s.cli = cli;
	s.format = FORMAT_TEXT;
	year = returns_year_of(cli->ses.today);
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (opt) {
		case 'y':
			if (returns_year_parse(optarg, &year, &cause) != 0)
				return cli_check("--year", -1, &cause);
			break;
		case 'f':
			if ((rc = cli_parse_format(optarg, &s.format)) != 0)
				return rc;
			break;
		case 'b':
			bom = 1;
			break;
		default:
			return cli_option_error("returns", opt, argv);
		}
	}
	if (argc - optind != 0)
		return cli_operands_error("returns", "it takes no young person: "
		    "it lists the whole reporting year");
	if ((rc = cli_check_bom("returns", bom, s.format)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0)
		return rc;
	returns_year_name(year, name, sizeof name);
	if (s.format == FORMAT_TEXT)
		printf("Birthday returns for %s (1 April %d to 31 March %d)\n",
		    name, year, year + 1);
	else if (s.format == FORMAT_CSV)
		cli_csv_header(cli, bom, returns_columns);
	else {
		json_init(&s.json, stdout);
		json_begin_array(&s.json);
	}
	if (views_returns_year(st, &cli->ses.cfg.rules, year, cli->ses.today,
	    returns_one, &s, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_FAILED;
	}
	if (s.format == FORMAT_JSON) {
		json_end_array(&s.json);
		json_finish(&s.json);
	} else if (s.format == FORMAT_TEXT && s.n == 0)
		printf("Nobody on the caseload has a 17th to 21st birthday in "
		    "%s.\n", name);
	return EXIT_DONE;
}
