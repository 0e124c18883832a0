/*
 * cmd-handover.c: caseload handover export (young people's whole records
 * to a file) and caseload handover import (into this caseload).
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "rules.h"
#include "text.h"
#include "xmalloc.h"

/* "5 contacts, 3 status changes, 1 letter and 2 reviews" */
static void
handover_say_counts(FILE *f, const struct store_handover_counts *c)
{
	fprintf(f, "%d contact%s, %d status change%s, %d letter%s and %d "
	    "review%s", c->contacts, c->contacts == 1 ? "" : "s",
	    c->status_changes, c->status_changes == 1 ? "" : "s", c->letters,
	    c->letters == 1 ? "" : "s", c->reviews, c->reviews == 1 ? "" : "s");
}

static int
handover_export(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_handover_counts counts;
	struct job_result r;
	struct person **people = NULL;
	struct store *st;
	const char *dest = NULL;
	FILE *say;
	char *cause = NULL, *safe;
	long *ids = NULL;
	size_t n = 0, i, k;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			dest = optarg;
			break;
		default:
			return cli_option_error("handover", c, argv);
		}
	}
	if (argc - optind < 1)
		return cli_operands_error("handover", "export: give the young "
		    "people to hand over (numbers or parts of names)");
	if (dest == NULL || *dest == '\0')
		return cli_operands_error("handover", "export: give the file "
		    "to write with -o FILE");
	if ((rc = cli_check_dest("handover", dest)) != 0)
		return rc;
	if ((rc = cli_store(cli, &st)) != 0)
		return rc;

	memset(&r, 0, sizeof r);
	people = xcalloc((size_t)(argc - optind), sizeof *people);
	ids = xcalloc((size_t)(argc - optind), sizeof *ids);
	for (; optind < argc; optind++) {
		struct person *p;

		if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
			goto out;
		for (k = 0; k < n && ids[k] != p->id; k++)
			;
		if (k < n) {
			free(p);	/* named twice */
			continue;
		}
		people[n] = p;
		ids[n++] = p->id;
	}
	if (job_handover_export(&cli->ses, ids, n, dest, &r, &cause) != 0) {
		if (r.refused)
			rc = cli_check("handover", -1, &cause);
		else {
			cli_error("handover: %s", cause);
			free(cause);
			rc = EXIT_FAILED;
		}
		goto out;
	}
	counts = r.counts;

	/* Sent to standard output, the file is alone there. */
	say = strcmp(dest, "-") == 0 ? stderr : stdout;
	safe = cli_safe(strcmp(dest, "-") == 0 ?
	    "the handover to standard output" : dest);
	fprintf(say, "Wrote %s: %d young %s with their whole records (", safe,
	    counts.people, counts.people == 1 ? "person" : "people");
	free(safe);
	handover_say_counts(say, &counts);
	fprintf(say, ").\n");
	for (i = 0; i < n; i++) {
		safe = cli_safe(people[i]->name);
		fprintf(say, "  %5ld  %s%s\n", people[i]->id, safe,
		    people[i]->facts.status == STATUS_ARCHIVED ?
		    " (archived: they arrive archived)" : "");
		free(safe);
	}
	fprintf(say, "It holds their notes: pass it on securely, and delete it "
	    "once it is imported\nwith 'caseload handover import FILE'.  Then "
	    "take them off your caseload:\n");
	for (i = 0; i < n; i++) {
		if (people[i]->facts.status != STATUS_ARCHIVED)
			fprintf(say, "  caseload archive %ld --reason \"handed "
			    "over\"\n", people[i]->id);
	}
	rc = EXIT_DONE;
out:
	job_result_free(&r);
	for (i = 0; i < n; i++)
		free(people[i]);
	free(people);
	free(ids);
	return rc;
}

/* The young people in a handover file, and what they clash with here. */
struct handover_clash {
	struct person	**in;		/* the file's people */
	size_t		  n;
	long		  clash_id;	/* a young person here ... */
	const char	 *why;		/* ... and why they are the same */
};

static int
handover_collect(const struct person *p, void *arg)
{
	struct handover_clash *hc = arg;

	hc->in = xreallocarray(hc->in, hc->n + 1, sizeof *hc->in);
	hc->in[hc->n++] = person_copy(p);
	return 0;
}

static int
handover_find_clash(const struct person *p, void *arg)
{
	struct handover_clash *hc = arg;
	size_t i;

	for (i = 0; i < hc->n; i++) {
		if (strcmp(hc->in[i]->uuid, p->uuid) == 0)
			hc->why = "the same UUID: they were handed over before";
		else if (check_duplicate(hc->in[i], p))
			hc->why = "the same name and date of birth";
		else
			continue;
		hc->clash_id = p->id;
		return 1;
	}
	return 0;
}

static int
handover_import(struct cli *cli, int argc, char **argv)
{
	struct store_handover_info info;
	struct handover_clash hc;
	struct store *st, *ho = NULL;
	struct person *p;
	struct rules_due due;
	const char *path;
	char *cause = NULL, *safe;
	long *ids = NULL;
	size_t n = 0, i;
	int rc;

	if ((rc = cli_no_options("handover", argc, argv)) != 0)
		return rc;
	if (argc - optind != 1)
		return cli_operands_error("handover", "import: give the one "
		    "handover file to import");
	if (*argv[optind] == '\0')
		return cli_operands_error("handover", "import: the file name is "
		    "empty; give the handover file to import");
	path = argv[optind];
	memset(&hc, 0, sizeof hc);

	/* The file's records get the checks of typed input, on today. */
	if (store_handover_open(path, cli->ses.today, &ho, &info, &cause) != 0) {
		safe = cli_safe(cause);
		cli_error("handover: %s; nothing was imported", safe);
		free(safe);
		free(cause);
		return EXIT_USAGE;
	}
	if (store_people_each(ho, STORE_EVERYONE, handover_collect, &hc,
	    &cause) != 0) {
		rc = EXIT_USAGE;
		goto fail;
	}
	if (hc.n == 0 || hc.n != (size_t)info.counts.people) {
		/* store_handover_open refuses such a file; never import 0. */
		cli_error("handover: %s holds nobody caseload can import (%zu "
		    "of its %d young people can be read); nothing was "
		    "imported: ask for the file again", path, hc.n,
		    info.counts.people);
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = cli_store(cli, &st)) != 0)
		goto out;
	if (store_people_each(st, STORE_EVERYONE, handover_find_clash, &hc,
	    &cause) != 0) {
		rc = EXIT_FAILED;
		goto fail;
	}
	if (hc.clash_id != 0) {
		cli_error("handover: a young person in %s is already here as "
		    "number %ld (%s); nothing was imported", path, hc.clash_id,
		    hc.why);
		rc = EXIT_USAGE;
		goto out;
	}
	if (store_handover_import(st, ho, &ids, &n, &cause) != 0) {
		rc = EXIT_FAILED;
		goto fail;
	}

	printf("Imported %zu young %s from %s", n, n == 1 ? "person" :
	    "people", path);
	if (info.worker[0] != '\0') {
		safe = cli_safe(info.worker);
		printf(", handed over by %s", safe);
		free(safe);
	}
	printf(" on %s, with their whole records (", cli_date(cli,
	    info.made_on));
	handover_say_counts(stdout, &info.counts);
	printf("):\n");
	for (i = 0; i < n; i++) {
		if (store_person_get(st, ids[i], &p, &cause) != 0) {
			rc = EXIT_FAILED;
			goto fail;
		}
		safe = cli_safe(p->name);
		printf("  %5ld  %s, %s", p->id, safe,
		    person_status_label(p->facts.status));
		free(safe);
		due = rules_contact_due(&p->facts, &cli->ses.cfg.rules, cli->ses.today);
		if (due.state == DUE_OVERDUE)
			printf(", contact overdue since %s", cli_date(cli,
			    due.due));
		else if (due.state != DUE_NONE)
			printf(", next contact due %s", cli_date(cli, due.due));
		putchar('\n');
		free(p);
	}
	rc = EXIT_DONE;
	goto out;

fail:
	cli_error("handover: %s", cause != NULL ? cause : "failed");
	free(cause);
out:
	for (i = 0; i < hc.n; i++)
		free(hc.in[i]);
	free(hc.in);
	free(ids);
	store_close(ho);
	return rc;
}

int
cmd_handover(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "export") == 0) {
		cli->ses.access = SESSION_READS;
		return handover_export(cli, argc - 1, argv + 1);
	}
	if (argc >= 2 && strcmp(argv[1], "import") == 0)
		return handover_import(cli, argc - 1, argv + 1);
	return cli_operands_error("handover", "say export or import, as in "
	    "'caseload handover export 3 -o handover.db'");
}
