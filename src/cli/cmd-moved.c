/* SPDX-License-Identifier: MIT */
/*
 * cmd-moved.c: caseload moved (a young person has moved: a row of their
 * accommodation history; caseload strike REF M1 strikes one out).  It
 * never repeats the address in an error.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "check.h"
#include "cli.h"
#include "xmalloc.h"

/* What the worker asked moved to record. */
struct moved_args {
	struct accommodation	 a;
	int			 type_set;
	int			 date_set;
	int			 suitable_set;	/* 1 --unsuitable, 2 --suitable */
};

static int
moved_options(struct cli *cli, int argc, char **argv, struct moved_args *m)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "type", required_argument, NULL, 't' },
		{ "provided-by-la", no_argument, NULL, 'l' },
		{ "unsuitable", no_argument, NULL, 'u' },
		{ "suitable", required_argument, NULL, 's' },
		{ "address", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const words[] = { "no", "yes", "unknown" };
	static const struct choice suitable = { words, NULL, 0, 3 };
	int opt, rc, v;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &m->a.from);
			m->date_set = 1;
			break;
		case 't':
			if ((rc = cli_parse_choice("--type", optarg,
			    "a type of accommodation",
			    accommodation_type_choice(), &v)) == 0)
				m->a.type = v;
			m->type_set = 1;
			break;
		case 'l':
			m->a.provided_by_la = 1;
			break;
		case 'u':
			m->a.suitable = ACCOM_UNSUITABLE;
			m->suitable_set |= 1;
			break;
		case 's':
			if ((rc = cli_parse_choice("--suitable", optarg,
			    "an answer", &suitable, &v)) == 0)
				m->a.suitable = v == 2 ?
				    ACCOM_SUITABLE_UNKNOWN : v;
			m->suitable_set |= 2;
			break;
		case 'a':
			rc = cli_check_text("--address", optarg, 1,
			    CHECK_ADDRESS_MAX);
			m->a.address = optarg;
			break;
		default:
			return cli_option_error("moved", opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (m->suitable_set == 3) {
		cli_error("moved: give --unsuitable or --suitable, not both");
		return EXIT_USAGE;
	}
	return 0;
}

int
cmd_moved(struct cli *cli, int argc, char **argv)
{
	struct moved_args m;
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL, *safe;
	const char *option;
	struct rules_due visit;
	enum visit_reason why;
	int rc;

	memset(&m, 0, sizeof m);
	m.a.from = cli->ses.today;
	m.a.suitable = ACCOM_SUITABLE_UNKNOWN;
	if ((rc = moved_options(cli, argc, argv, &m)) != 0)
		return rc;
	if (argc - optind != 1)
		return cli_operands_error("moved", "give one young person: "
		    "their number or part of their name");
	if (!m.type_set)
		return cli_operands_error("moved", "give the type of "
		    "accommodation: --type T ('caseload help moved' lists "
		    "them)");
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	m.a.person_id = p->id;
	if (job_moved(&cli->ses, &m.a, &r, &cause) != 0) {
		option = r.field == JOB_DATE ? "--date" :
		    r.field == JOB_ADDRESS ? "--address" :
		    r.field == JOB_ACCOMMODATION ? "--type" : "moved";
		rc = cli_job_error(option, &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	safe = cli_safe(p->name);
	printf("Recorded M%ld: %s moved on %s (%s%s).\n", r.made, safe,
	    cli_date(cli, m.a.from), accommodation_type_label(m.a.type),
	    m.a.provided_by_la ? ", provided by the local authority" : "");
	free(safe);
	if (job_visit_due(&cli->ses, p, &visit, &why, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
	} else if (visit.state != DUE_NONE)
		printf("Next statutory visit due %s (%s).\n",
		    cli_date(cli, visit.due), visit_reason_words(why));
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}
