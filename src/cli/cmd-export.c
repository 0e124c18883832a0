/*
 * cmd-export.c: caseload export: the coming contacts, letters, reviews
 * and birthdays as an iCalendar file, for a calendar program.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "cli.h"
#include "outfile.h"
#include "target.h"
#include "views.h"
#include "xmalloc.h"

static int
export_parse_privacy(const char *text, int *out)
{
	char *safe;

	if (strcmp(text, "initials") == 0)
		*out = PRIVACY_INITIALS;
	else if (strcmp(text, "full") == 0)
		*out = PRIVACY_FULL;
	else {
		safe = cli_safe(text);
		cli_error("--privacy: '%s' is not a choice; use initials or "
		    "full", safe);
		free(safe);
		return EXIT_USAGE;
	}
	return 0;
}

int
cmd_export(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "days", required_argument, NULL, 'd' },
		{ "privacy", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct calendar_options opts;
	struct outfile *of = NULL;
	struct store *st;
	const char *path = NULL;
	char *cause = NULL, *safe;
	size_t count;
	int c, rc, days = CALENDAR_DAYS;

	calendar_options_init(&opts, &cli->ses.cfg, time(NULL));
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'o':
			path = optarg;
			if (*path == '\0') {
				cli_error("export: -o needs a file name");
				return cli_usage("export");
			}
			break;
		case 'd':
			rc = cli_parse_int("--days", optarg, 1, CALENDAR_DAYS_MAX,
			    &days);
			break;
		case 'p':
			rc = export_parse_privacy(optarg, &opts.privacy);
			break;
		default:
			return cli_option_error("export", c, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (optind != argc)
		return cli_operands_error("export", "takes no young person; "
		    "give the file with -o FILE");
	if (path != NULL && strcmp(path, "-") == 0)
		path = NULL;

	/* Before the database, so that a bad path leaves nothing behind. */
	if (path != NULL && outfile_open(path, &of, &cause) != 0) {
		rc = target_bad_path(errno) ? EXIT_USAGE : EXIT_FAILED;
		cli_error("export: %s", cause);
		free(cause);
		return rc;
	}
	if ((rc = cli_store(cli, &st)) != 0) {
		outfile_abort(of);
		return rc;
	}
	rc = calendar_export(of != NULL ? outfile_stream(of) : stdout, st,
	    &cli->ses.cfg.rules, cli->ses.today, cli->ses.today + days - 1, &opts, &count,
	    &cause);
	calendar_cleanup();
	if (rc != 0) {
		cli_error("export: %s", cause);
		free(cause);
		if (of == NULL)
			clearerr(stdout);	/* said once is enough */
		outfile_abort(of);
		return EXIT_FAILED;
	}
	if (of != NULL) {
		if (outfile_commit(of, &cause) != 0) {
			cli_error("export: %s", cause);
			free(cause);
			return EXIT_FAILED;
		}
		safe = cli_safe(path);
		printf("Exported %zu item%s to %s.\n", count,
		    count == 1 ? "" : "s", safe);
		free(safe);
	}
	return EXIT_DONE;
}
