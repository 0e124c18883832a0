/* SPDX-License-Identifier: MIT */
/*
 * main.c: caseload's entry point: global options, settings, today's date
 * and the database path, then a command or the full-screen interface.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "conf.h"
#include "job.h"
#include "store.h"
#include "tempfile.h"
#include "tui.h"
#include "xmalloc.h"

static void
main_help(void)
{
	const struct cli_command *cmds;
	size_t n, i;

	cmds = cli_commands(&n);
	printf("usage: caseload [--db FILE] [--config FILE] [--today DATE] "
	    "[COMMAND ...]\n"
	    "       caseload --demo [COMMAND ...]\n"
	    "\n"
	    "caseload keeps a leaving care worker's caseload of "
	    "care-experienced young\npeople and says who is due for "
	    "contact.  With no command it opens the\nfull-screen "
	    "interface.\n\nCommands:\n");
	for (i = 0; i < n; i++)
		printf("  %-10s %s\n", cmds[i].name, cmds[i].summary);
	printf("\nOptions:\n"
	    "  --db FILE        the database (or CASELOAD_DB; default\n"
	    "                   ~/.local/share/caseload/caseload.db)\n"
	    "  --config FILE    the settings (or CASELOAD_CONFIG; default\n"
	    "                   ~/.config/caseload/caseload.ini)\n"
	    "  --today DATE     treat DATE as today (or CASELOAD_TODAY)\n"
	    "  --demo           use a throwaway demo caseload\n"
	    "  --print-config   print the settings in effect\n"
	    "  --version        print the version\n"
	    "\n'caseload help COMMAND' shows a command's options; "
	    "'man caseload' tells all.\n"
	    "Report bugs to <%s>.\n", PACKAGE_BUGREPORT);
}

/* Make sure what was written to standard output got there. */
static int
main_flush(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the output: %s", strerror(errno));
		return EXIT_FAILED;
	}
	return rc;
}

/*
 * Use a UTF-8 locale for measuring text, whatever LANG says; 1 when the
 * user's own locale was UTF-8 (so that their terminal can draw the flag
 * marker), else 0.
 */
static int
main_locale(void)
{
	const char *codeset;

	setlocale(LC_ALL, "");
	codeset = nl_langinfo(CODESET);
	if (codeset == NULL || (strcmp(codeset, "UTF-8") != 0 &&
	    strcmp(codeset, "utf8") != 0)) {
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "en_GB.UTF-8");
		return 0;
	}
	return 1;
}

/* What the environment and the global options ask for. */
struct main_args {
	const char	*db;		/* --db or CASELOAD_DB, or NULL */
	const char	*config;	/* --config or CASELOAD_CONFIG, or NULL */
	const char	*today;		/* --today or CASELOAD_TODAY, or NULL */
	int		 print_config;
};

/* What main's steps return to go on to the next. */
#define MAIN_GO_ON	(-1)

/* An environment variable; empty means unset. */
static const char *
main_getenv(const char *name)
{
	const char *value = getenv(name);

	return value != NULL && *value != '\0' ? value : NULL;
}

/*
 * Read the global options over what the environment says into args, and
 * --demo into ses.  MAIN_GO_ON, or the exit status when caseload is done
 * (--help, --version) or the options are wrong (said on standard error).
 */
static int
main_options(int argc, char **argv, struct main_args *args,
    struct session *ses)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "today", required_argument, NULL, 't' },
		{ "demo", no_argument, NULL, 'D' },
		{ "print-config", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	char *safe;
	int c;

	memset(args, 0, sizeof *args);
	args->db = main_getenv("CASELOAD_DB");
	args->config = main_getenv("CASELOAD_CONFIG");
	args->today = main_getenv("CASELOAD_TODAY");

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", options, NULL)) != -1) {
		switch (c) {
		case 'd':
		case 'c':
			/* Empty in the environment means unset; here, a mistake. */
			if (*optarg == '\0') {
				cli_error("%s: the file name is empty; give the %s "
				    "file, or leave %s out for the default",
				    c == 'd' ? "--db" : "--config",
				    c == 'd' ? "database" : "settings",
				    c == 'd' ? "--db" : "--config");
				return EXIT_USAGE;
			}
			if (c == 'd')
				args->db = optarg;
			else
				args->config = optarg;
			break;
		case 't':
			args->today = optarg;
			break;
		case 'D':
			ses->demo = 1;
			break;
		case 'P':
			args->print_config = 1;
			break;
		case 'h':
			main_help();
			return main_flush(EXIT_DONE);
		case 'V':
			printf("caseload %s\n", PACKAGE_VERSION);
			return main_flush(EXIT_DONE);
		default:
			safe = xstrdup(argv[optind - 1]);
			if (c == ':')
				cli_error("%s needs a value", safe);
			else
				cli_error("%s is not an option; 'caseload --help' "
				    "lists them", safe);
			free(safe);
			return EXIT_USAGE;
		}
	}
	return MAIN_GO_ON;
}

/*
 * Help asked for in the command words (help, help CMD, CMD --help): given
 * before today, the settings or the database are read, so that it works
 * whatever they hold.  MAIN_GO_ON when no help was asked for, else the
 * exit status.
 */
static int
main_asked_help(int argc, char **argv)
{
	int rc;

	if (argc == 1 && strcmp(argv[0], "help") == 0) {
		main_help();
		return main_flush(EXIT_DONE);
	}
	if (argc > 0 && (rc = cli_help(argc, argv)) >= 0)
		return main_flush(rc);
	return MAIN_GO_ON;
}

/* Today: by the clock, or the date given.  MAIN_GO_ON, or EXIT_USAGE. */
static int
main_today(struct session *ses, const char *today)
{
	char *cause = NULL;

	ses->today = ses->clock_today = session_clock_date();
	ses->today_given = today != NULL;
	if (today != NULL &&
	    date_parse(today, ses->today, &ses->today, &cause) != 0) {
		cli_error("--today: %s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	return MAIN_GO_ON;
}

/*
 * Load the settings from the file given, or the default one (a demo has
 * none unless one is given); a demo has a worker's name.  MAIN_GO_ON, or
 * EXIT_USAGE when the settings cannot be read (said on standard error).
 */
static int
main_settings(struct session *ses, const char *config)
{
	char *path = NULL, *cause = NULL;
	int explicit = config != NULL;

	if (explicit)
		path = xstrdup(config);
	else if (!ses->demo)
		path = conf_default_config_path(&cause);
	if (path == NULL && !ses->demo) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (path != NULL &&
	    conf_load(&ses->cfg, path, explicit, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		free(path);
		return EXIT_USAGE;
	}
	free(path);
	if (ses->demo && ses->cfg.worker_name[0] == '\0') {
		free(ses->cfg.worker_name);
		ses->cfg.worker_name = xstrdup("Sam Taylor");
	}
	return MAIN_GO_ON;
}

/*
 * Where the database is: in a new folder for a demo (*demo_dir, which
 * the caller removes and frees), the file given, or the default.
 * MAIN_GO_ON, or the exit status after an error said on standard error.
 */
static int
main_database(struct session *ses, const char *db, char **demo_dir)
{
	char *cause = NULL;

	*demo_dir = NULL;
	if (ses->demo) {
		if ((*demo_dir = session_demo_folder(ses, &cause)) == NULL) {
			cli_error("%s", cause);
			free(cause);
			return EXIT_FAILED;
		}
	} else if (db != NULL) {
		ses->db_path = xstrdup(db);
		ses->db_given = 1;
	} else if ((ses->db_path = conf_default_db_path(&cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return EXIT_USAGE;
	}
	return MAIN_GO_ON;
}

/*
 * Fill a demo's database, then run the command in argv, or the screens
 * when there is none.  The exit status.
 */
static int
main_run(struct cli *cli, int argc, char **argv)
{
	struct store *st;
	char *cause = NULL;
	int rc;

	/* The screens write; a command says how it uses the database. */
	cli->ses.access = SESSION_WRITES;
	if (cli->ses.demo) {
		if ((rc = cli_open(cli, &st)) != 0)
			return rc;
		if (job_demo_seed(&cli->ses, &cause) != 0) {
			cli_error("--demo: %s", cause);
			free(cause);
			return EXIT_FAILED;
		}
	}
	if (argc > 0)
		return cli_run(cli, argc, argv);
	return tui_run(&cli->ses);
}

int
main(int argc, char **argv)
{
	struct main_args args;
	struct cli cli;
	struct timespec started;
	char *demo_dir = NULL;
	int rc, utf8;

	/* For CASELOAD_FIRST_SCREEN_FILE: the time to the first screen. */
	clock_gettime(CLOCK_MONOTONIC, &started);
	utf8 = main_locale();
	tzset();
	/* Completion for the shells, hidden: quiet, and reads only. */
	if (argc > 1 && strcmp(argv[1], "__complete") == 0)
		return cli_complete(argc - 2, argv + 2);
	/* A file-size limit makes writes fail (EFBIG) instead of killing us. */
	signal(SIGXFSZ, SIG_IGN);
	/* Stopped by a signal, caseload first removes its temporary files. */
	tempfile_catch_signals();
	memset(&cli, 0, sizeof cli);
	cli.ses.started = started;
	cli.ses.utf8 = utf8;
	conf_defaults(&cli.ses.cfg);

	if ((rc = main_options(argc, argv, &args, &cli.ses)) != MAIN_GO_ON ||
	    (rc = main_asked_help(argc - optind, argv + optind)) !=
	    MAIN_GO_ON ||
	    (rc = main_today(&cli.ses, args.today)) != MAIN_GO_ON ||
	    (rc = main_settings(&cli.ses, args.config)) != MAIN_GO_ON) {
		conf_free(&cli.ses.cfg);
		return rc;
	}
	cli_set_colour(&cli);
	if (args.print_config) {
		conf_print(&cli.ses.cfg, stdout);
		conf_free(&cli.ses.cfg);
		return main_flush(EXIT_DONE);
	}
	if ((rc = main_database(&cli.ses, args.db, &demo_dir)) != MAIN_GO_ON) {
		conf_free(&cli.ses.cfg);
		return rc;
	}

	rc = main_run(&cli, argc - optind, argv + optind);

	store_close(cli.ses.st);
	/* None should be left; the screen's signal handler only stops it. */
	tempfile_remove_all();
	if (demo_dir != NULL) {
		session_demo_remove(demo_dir);
		free(demo_dir);
	}
	free(cli.ses.db_path);
	conf_free(&cli.ses.cfg);
	return main_flush(rc);
}
