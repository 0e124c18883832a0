/* SPDX-License-Identifier: MIT */
/*
 * cmd-flag.c: caseload flag: set a safety flag on a young person, change
 * its note, or end it; and the marker every text list puts beside a
 * flagged young person's name.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "xmalloc.h"

const char *
cli_flag_mark(const struct cli *cli, int flagged)
{
	static char mark[8];

	if (!flagged)
		return "";
	snprintf(mark, sizeof mark, "%s ", flag_marker(cli->ses.utf8));
	return mark;
}

char *
cli_marked_name(const struct cli *cli, const struct person *p)
{
	char *safe, *name;

	safe = cli_safe(p->name);
	name = xasprintf("%s%s", cli_flag_mark(cli, p->flagged), safe);
	free(safe);
	return name;
}

/* What the worker asked flag to do. */
struct flag_args {
	int		 kind_set;
	enum flag_kind	 kind;
	int		 end;		/* --end N */
	int		 change;	/* --change N */
	int		 note_set;
	const char	*note;
	int		 date_set;
	date_t		 on;
	const char	*reason;
};

static int
flag_options(struct cli *cli, int argc, char **argv, struct flag_args *a)
{
	static const struct option options[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "note", required_argument, NULL, 'n' },
		{ "date", required_argument, NULL, 'd' },
		{ "end", required_argument, NULL, 'e' },
		{ "change", required_argument, NULL, 'c' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int opt, rc, v;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 'k':
			if ((rc = cli_parse_choice("--kind", optarg,
			    "a kind of safety flag", flag_kind_choice(),
			    &v)) == 0)
				a->kind = v;
			a->kind_set = 1;
			break;
		case 'n':
			/* The check never echoes the note. */
			rc = cli_check_text("--note", optarg, 0,
			    FLAG_NOTE_MAX);
			a->note_set = 1;
			a->note = *optarg != '\0' ? optarg : NULL;
			break;
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &a->on);
			a->date_set = 1;
			break;
		case 'e':
			rc = cli_parse_row("--end", optarg, 'F', 1,
			    "a safety flag", 9999, &a->end);
			break;
		case 'c':
			rc = cli_parse_row("--change", optarg, 'F', 1,
			    "a safety flag", 9999, &a->change);
			break;
		case 'r':
			rc = cli_parse_reason(optarg, &a->reason);
			break;
		default:
			return cli_option_error("flag", opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error("flag", "give one young person: their "
		    "number or part of their name");
	if ((a->kind_set != 0) + (a->end != 0) + (a->change != 0) != 1)
		return cli_operands_error("flag", "say what to do: --kind K to "
		    "set a flag, --change N --note TEXT to change its note, or "
		    "--end N to end it");
	if (a->change != 0 && !a->note_set)
		return cli_operands_error("flag", "--change N needs the new "
		    "note: --note TEXT ('' for none)");
	if (a->change != 0 && a->date_set)
		return cli_operands_error("flag", "--date is the day a flag is "
		    "set or ended, not changed");
	if (a->end != 0 && a->note_set)
		return cli_operands_error("flag", "an ended flag keeps its note: "
		    "give the reason with --reason");
	if (a->end == 0 && a->reason != NULL)
		return cli_operands_error("flag", "--reason is for --end N");
	return 0;
}

int
cmd_flag(struct cli *cli, int argc, char **argv)
{
	struct flag_args a;
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	struct flag f;
	char *cause = NULL, *safe;
	const char *field;
	int rc;

	memset(&a, 0, sizeof a);
	a.on = cli->ses.today;
	if ((rc = flag_options(cli, argc, argv, &a)) != 0)
		return rc;
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	if (a.kind_set) {
		memset(&f, 0, sizeof f);
		f.person_id = p->id;
		f.kind = a.kind;
		f.note = a.note;
		f.set_on = a.on;
		rc = job_flag_add(&cli->ses, &f, &r, &cause);
	} else if (a.change != 0)
		rc = job_flag_note(&cli->ses, p->id, a.change, a.note, &r,
		    &cause);
	else
		rc = job_flag_end(&cli->ses, p->id, a.end, a.on, a.reason, &r,
		    &cause);
	if (rc != 0) {
		switch (r.field) {
		case JOB_DATE:
			field = "--date";
			break;
		case JOB_NOTE:
			field = "--note";
			break;
		case JOB_REASON:
			field = "--reason";
			break;
		case JOB_AGAIN:
			field = a.kind_set ? "--kind" : "flag";
			break;
		default:
			field = "flag";
			break;
		}
		rc = cli_job_error(field, &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	safe = cli_safe(p->name);
	if (a.kind_set)
		printf("Set flag F%ld (%s) on %s%s from %s.\n", r.made,
		    flag_kind_label(r.flag->kind), cli_flag_mark(cli, 1), safe,
		    cli_date(cli, r.flag->set_on));
	else if (a.change != 0)
		printf("Changed the note of flag F%ld (%s) of %s%s.\n",
		    r.made, flag_kind_label(r.flag->kind),
		    cli_flag_mark(cli, 1), safe);
	else
		printf("Ended flag F%ld (%s) of %s on %s; it stays in their "
		    "record, marked ended.\n", r.made,
		    flag_kind_label(r.flag->kind), safe, cli_date(cli, a.on));
	free(safe);
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}
