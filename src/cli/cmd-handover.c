/* SPDX-License-Identifier: MIT */
/*
 * cmd-handover.c: caseload handover export (young people's whole records
 * to a file) and caseload handover import (into this caseload), with the
 * jobs the screens call too (job_handover_export, job_handover_import).
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "rules.h"
#include "tempfile.h"
#include "text.h"
#include "xmalloc.h"

/* "5 contacts, 3 status changes, 1 letter, 2 reviews and 1 note" */
static void
handover_say_counts(FILE *f, const struct store_handover_counts *c)
{
	char *words = job_handover_words(c);

	fputs(words, f);
	free(words);
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
	if ((rc = cli_open(cli, &st)) != 0)
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

/* Say a refusal of job_handover_look or job_handover_import. */
static int
handover_import_error(const struct job_result *r, char *cause)
{
	char *safe = cli_safe(cause != NULL ? cause : "failed");
	int rc;

	if (r->refused) {
		cli_error("handover: %s; nothing was imported", safe);
		rc = EXIT_USAGE;
	} else {
		cli_error("handover: %s", safe);
		rc = EXIT_FAILED;
	}
	free(safe);
	free(cause);
	return rc;
}

/* The young people just imported, one line each, as the lists judge. */
static int
handover_say_imported(struct cli *cli, const struct job_handover *h)
{
	struct person *p;
	struct rules_due due;
	char *cause = NULL, *safe;
	size_t i;

	for (i = 0; i < h->n; i++) {
		if (store_person_get(cli->ses.st, h->ids[i], &p, &cause) != 0) {
			cli_error("handover: %s", cause != NULL ? cause :
			    "a young person just imported is missing");
			free(cause);
			return EXIT_FAILED;
		}
		safe = cli_safe(p->name);
		printf("  %5ld  %s, %s", p->id, safe,
		    person_status_label(p->facts.status));
		free(safe);
		due = rules_contact_due(&p->facts, &cli->ses.cfg.rules,
		    cli->ses.today);
		if (due.state == DUE_OVERDUE)
			printf(", contact overdue since %s", cli_date(cli,
			    due.due));
		else if (due.state != DUE_NONE)
			printf(", next contact due %s", cli_date(cli, due.due));
		putchar('\n');
		free(p);
	}
	return EXIT_DONE;
}

/* The folders handover_folder made, deepest last, to take away again. */
struct handover_made {
	char	**dirs;
	size_t	  n;
};

/*
 * Make the missing folders of dir, mode 0700 as the database's folder
 * would be, recording each in made: 0, or -1 with errno set.
 */
static int
handover_folder(const char *dir, struct handover_made *made)
{
	char *copy = xstrdup(dir), *p;
	int rc = 0, last;

	for (p = copy + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		last = *p == '\0';
		*p = '\0';
		if (mkdir(copy, 0700) == 0) {
			made->dirs = xreallocarray(made->dirs, made->n + 1,
			    sizeof *made->dirs);
			made->dirs[made->n++] = xstrdup(copy);
		} else if (errno != EEXIST)
			rc = -1;
		if (last)
			break;
		*p = '/';
	}
	free(copy);
	return rc;
}

/* Take away the folders handover_folder made (when keep is 0); free made. */
static void
handover_made_free(struct handover_made *made, int keep)
{
	while (made->n > 0) {
		made->n--;
		if (!keep)
			rmdir(made->dirs[made->n]);
		free(made->dirs[made->n]);
	}
	free(made->dirs);
	made->dirs = NULL;
}

/*
 * Copy the whole of standard input (a handover file, which SQLite opens
 * by name) to a temporary file beside where the database is (or will
 * be), private to the worker, making caseload's own folder as opening the
 * database would (recorded in made).  0 with *tmp set (tempfile_remove it, then
 * free it), or an exit status after an error.
 */
static int
handover_stdin(struct cli *cli, char **tmp, struct handover_made *made)
{
	char buf[65536], *dir;
	ssize_t n, w, off;
	int fd;

	dir = cli_db_folder(cli);
	/* A path given must lead to a folder; only caseload's own is made. */
	if (cli_check_path(cli) != 0) {
		free(dir);
		return EXIT_USAGE;
	}
	if (!cli->ses.db_given && handover_folder(dir, made) != 0) {
		cli_error("handover: cannot make the folder %s for the caseload: "
		    "%s", dir, strerror(errno));
		free(dir);
		return EXIT_FAILED;
	}
	fd = tempfile_make(dir, "handover-from-standard-input",
	    TEMPFILE_SQLITE, tmp);
	free(dir);
	if (fd == -1) {
		cli_error("handover: cannot make a file to read standard input "
		    "into: %s", strerror(errno));
		return EXIT_FAILED;
	}
	while ((n = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			cli_error("handover: cannot read standard input: %s",
			    strerror(errno));
			goto fail;
		}
		for (off = 0; off < n; off += w) {
			if ((w = write(fd, buf + off, (size_t)(n - off))) ==
			    -1 && errno != EINTR) {
				cli_error("handover: cannot copy standard "
				    "input: %s", strerror(errno));
				goto fail;
			}
			if (w == -1)
				w = 0;
		}
	}
	if (close(fd) != 0) {
		fd = -1;
		cli_error("handover: cannot copy standard input: %s",
		    strerror(errno));
		goto fail;
	}
	return 0;
fail:
	if (fd != -1)
		close(fd);
	tempfile_remove(*tmp);
	free(*tmp);
	*tmp = NULL;
	return EXIT_FAILED;
}

/* A message about the file at tmp, naming standard input instead. */
static char *
handover_stdin_cause(char *cause, const char *tmp)
{
	char *out, *at;
	size_t len;

	if (cause == NULL || tmp == NULL)
		return cause;
	len = strlen(tmp);
	while ((at = strstr(cause, tmp)) != NULL) {
		*at = '\0';
		out = xasprintf("%sstandard input%s", cause, at + len);
		free(cause);
		cause = out;
	}
	return cause;
}

static int
handover_import(struct cli *cli, int argc, char **argv)
{
	struct job_handover h;
	struct job_result r;
	struct cli_progress progress;
	struct handover_made made = { NULL, 0 };
	struct store *st;
	const char *path, *name;
	char *cause = NULL, *safe, *tmp = NULL;
	int rc, opened = 0;

	if ((rc = cli_no_options("handover", argc, argv)) != 0)
		return rc;
	if (argc - optind != 1)
		return cli_operands_error("handover", "import: give the one "
		    "handover file to import");
	if (*argv[optind] == '\0')
		return cli_operands_error("handover", "import: the file name is "
		    "empty; give the handover file to import");
	path = name = argv[optind];
	memset(&h, 0, sizeof h);
	memset(&r, 0, sizeof r);

	/*
	 * The file is checked before the caseload is opened, so that a bad
	 * one makes nothing; standard input is copied beside where the
	 * caseload is (or will be) first, so that it stays private.
	 */
	if (strcmp(path, "-") == 0) {
		if ((rc = handover_stdin(cli, &tmp, &made)) != 0)
			goto out;
		path = tmp;
		name = "standard input";
	}
	if (job_handover_look(&cli->ses, path, &h, &r, &cause) != 0) {
		rc = handover_import_error(&r, handover_stdin_cause(cause,
		    tmp));
		goto out;
	}
	if ((rc = cli_open(cli, &st)) != 0)
		goto out;
	opened = 1;
	cli_progress_begin(cli, &progress, "importing");
	rc = job_handover_import(&cli->ses, path, &h, &r, &cause);
	cli_progress_end(cli, &progress);
	if (rc != 0) {
		rc = handover_import_error(&r, handover_stdin_cause(cause,
		    tmp));
		goto out;
	}

	safe = cli_safe(name);
	printf("Imported %zu young %s from %s", h.n, h.n == 1 ? "person" :
	    "people", safe);
	free(safe);
	if (h.info.worker[0] != '\0') {
		safe = cli_safe(h.info.worker);
		printf(", handed over by %s", safe);
		free(safe);
	}
	printf(" on %s, with their whole records (", cli_date(cli,
	    h.info.made_on));
	handover_say_counts(stdout, &r.counts);
	printf("):\n");
	rc = handover_say_imported(cli, &h);
out:
	job_result_free(&r);
	job_handover_free(&h);
	if (tmp != NULL) {
		tempfile_remove(tmp);
		free(tmp);
	}
	/* Folders made for a file that was refused go again. */
	handover_made_free(&made, opened);
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
