/* SPDX-License-Identifier: MIT */
/*
 * cmd-note.c: caseload note (a dated note about a young person) and
 * caseload involve (add, change or end one of the people around them).
 * Neither ever repeats what was typed in an error: it is private.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cause.h"
#include "cli.h"
#include "xmalloc.h"

int
cmd_note(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "text", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct around_note n;
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL, *safe;
	const char *text = NULL;
	int opt, rc;

	memset(&n, 0, sizeof n);
	n.on = cli->ses.today;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 't':
			rc = cli_check_text("--text", optarg, 1,
			    AROUND_NOTE_MAX);
			text = optarg;
			break;
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &n.on);
			break;
		default:
			return cli_option_error("note", opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error("note", "give one young person: their "
		    "number or part of their name");
	if (text == NULL)
		return cli_operands_error("note", "give the note: --text TEXT");
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	n.person_id = p->id;
	n.text = text;
	if (job_note_add(&cli->ses, &n, &r, &cause) != 0) {
		rc = cli_job_error(r.field == JOB_DATE ? "--date" : "--text",
		    &r, &cause);
		job_result_free(&r);
		free(p);
		return rc;
	}
	safe = cli_safe(p->name);
	printf("Noted N%ld about %s on %s.\n", r.made, safe,
	    cli_date(cli, n.on));
	free(safe);
	job_result_free(&r);
	free(p);
	return EXIT_DONE;
}

/* What the worker asked involve to do. */
struct involve_args {
	int			 change;	/* --change N */
	int			 end;		/* --end N */
	int			 role_set;
	struct around_person	 a;
	int			 set[4];	/* name, phone, email, note */
	int			 date_set;
};

/* An option's text as kept: "" is none. */
static const char *
involve_text(const char *s)
{
	return *s != '\0' ? s : NULL;
}

static int
involve_options(struct cli *cli, int argc, char **argv,
    struct involve_args *a)
{
	static const struct option options[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "phone", required_argument, NULL, 'p' },
		{ "email", required_argument, NULL, 'e' },
		{ "note", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, 'd' },
		{ "change", required_argument, NULL, 'c' },
		{ "end", required_argument, NULL, 'E' },
		{ NULL, 0, NULL, 0 }
	};
	int opt, rc, v;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 'r':
			if ((rc = cli_parse_choice("--role", optarg, "a role",
			    around_role_choice(), &v)) == 0)
				a->a.role = v;
			a->role_set = 1;
			break;
		case 'n':
			a->a.name = involve_text(optarg);
			a->set[0] = 1;
			break;
		case 'p':
			a->a.phone = involve_text(optarg);
			a->set[1] = 1;
			break;
		case 'e':
			a->a.email = involve_text(optarg);
			a->set[2] = 1;
			break;
		case 'o':
			a->a.note = involve_text(optarg);
			a->set[3] = 1;
			break;
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &a->a.since);
			a->date_set = 1;
			break;
		case 'c':
			rc = cli_parse_row("--change", optarg, 'P', 1,
			    "a person around them", 9999, &a->change);
			break;
		case 'E':
			rc = cli_parse_row("--end", optarg, 'P', 1,
			    "a person around them", 9999, &a->end);
			break;
		default:
			return cli_option_error("involve", opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error("involve", "give one young person: "
		    "their number or part of their name");
	if (a->change != 0 && a->end != 0)
		return cli_operands_error("involve", "either --change N or "
		    "--end N, not both");
	if (a->change == 0 && a->end == 0 && (!a->role_set || !a->set[0]))
		return cli_operands_error("involve", "say who: --role ROLE "
		    "--name NAME (or --change N, --end N)");
	if (a->end != 0 && (a->role_set || a->set[0] || a->set[1] ||
	    a->set[2] || a->set[3]))
		return cli_operands_error("involve", "--end N ends their "
		    "involvement as it was: give only --date");
	if (a->change != 0 && a->date_set)
		return cli_operands_error("involve", "--date is the day they "
		    "were added or ended, not changed");
	return 0;
}

/* Overlay what was given on them as they are, for --change. */
static int
involve_merge(struct store *st, long id, struct involve_args *a,
    struct around_person **old)
{
	struct store_numbered found;
	char *cause = NULL;
	int rc;

	rc = store_numbered(st, STORE_KIND_AROUND, id, a->change, &found,
	    &cause);
	*old = found.row;
	if (rc != 0) {
		if (rc == 1)
			cli_error("involve: young person %ld has no P%d among "
			    "the people around them ('caseload show %ld' "
			    "lists them)", id, a->change, id);
		else {
			cli_error("%s", cause);
			free(cause);
		}
		return rc == 1 ? EXIT_USAGE : EXIT_FAILED;
	}
	if (!a->role_set)
		a->a.role = (*old)->role;
	if (!a->set[0])
		a->a.name = (*old)->name;
	if (!a->set[1])
		a->a.phone = (*old)->phone;
	if (!a->set[2])
		a->a.email = (*old)->email;
	if (!a->set[3])
		a->a.note = (*old)->note;
	return 0;
}

int
cmd_involve(struct cli *cli, int argc, char **argv)
{
	struct involve_args a;
	struct around_person *old = NULL;
	struct job_result r;
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL, *safe, *who;
	int rc;

	memset(&a, 0, sizeof a);
	a.a.since = cli->ses.today;
	if ((rc = involve_options(cli, argc, argv, &a)) != 0)
		return rc;
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_open(cli, &st)) != 0)
		goto out;
	a.a.person_id = p->id;
	if (a.change != 0) {
		if ((rc = involve_merge(st, p->id, &a, &old)) != 0)
			goto out;
		rc = job_around_change(&cli->ses, p->id, a.change, &a.a, &r,
		    &cause);
	} else if (a.end != 0)
		rc = job_around_end(&cli->ses, p->id, a.end, a.a.since, &r,
		    &cause);
	else
		rc = job_around_add(&cli->ses, &a.a, &r, &cause);
	if (rc != 0) {
		rc = cli_job_error(r.field == JOB_DATE ? "--date" : "involve",
		    &r, &cause);
		job_result_free(&r);
		goto out;
	}
	safe = cli_safe(p->name);
	who = cli_safe(r.around->name);
	if (a.change != 0)
		printf("Changed P%ld (%s, %s) around %s.\n", r.made, who,
		    around_role_label(r.around->role), safe);
	else if (a.end != 0)
		printf("P%ld (%s, %s) stopped being involved with %s on %s; "
		    "they stay in the record, marked ended.\n", r.made, who,
		    around_role_label(r.around->role), safe,
		    cli_date(cli, a.a.since));
	else
		printf("Added P%ld: %s, %s, around %s from %s.\n", r.made, who,
		    around_role_label(r.around->role), safe,
		    cli_date(cli, a.a.since));
	free(who);
	free(safe);
	job_result_free(&r);
	rc = EXIT_DONE;
out:
	free(old);
	free(p);
	return rc;
}
