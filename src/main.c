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
	    "\n'caseload COMMAND --help' shows a command's options; "
	    "'man caseload' tells all.\n");
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

/* Use a UTF-8 locale for measuring text, whatever LANG says. */
static void
main_locale(void)
{
	const char *codeset;

	setlocale(LC_ALL, "");
	codeset = nl_langinfo(CODESET);
	if (codeset == NULL || (strcmp(codeset, "UTF-8") != 0 &&
	    strcmp(codeset, "utf8") != 0)) {
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "en_GB.UTF-8");
	}
}

/* Remove the demo folder and what SQLite left in it. */
static void
main_demo_cleanup(const char *dir)
{
	static const char *const leaves[] = {
		"caseload.db", "caseload.db-wal", "caseload.db-shm",
		"caseload.db-journal"
	};
	char *path;
	size_t i;

	for (i = 0; i < sizeof leaves / sizeof leaves[0]; i++) {
		path = xasprintf("%s/%s", dir, leaves[i]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

int
main(int argc, char **argv)
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
	struct cli cli;
	struct timespec started;
	const char *db_arg, *config_arg, *today_arg, *tmpdir;
	char *config_path = NULL, *cause = NULL, *demo_dir = NULL, *safe;
	int c, rc, print_config = 0, explicit_config;

	/* For CASELOAD_FIRST_SCREEN_FILE: the time to the first screen. */
	clock_gettime(CLOCK_MONOTONIC, &started);
	main_locale();
	tzset();
	/* A file-size limit makes writes fail (EFBIG) instead of killing us. */
	signal(SIGXFSZ, SIG_IGN);
	/* Stopped by a signal, caseload first removes its temporary files. */
	tempfile_catch_signals();
	memset(&cli, 0, sizeof cli);
	cli.ses.started = started;
	conf_defaults(&cli.ses.cfg);

	db_arg = getenv("CASELOAD_DB");
	config_arg = getenv("CASELOAD_CONFIG");
	today_arg = getenv("CASELOAD_TODAY");
	if (db_arg != NULL && *db_arg == '\0')
		db_arg = NULL;
	if (config_arg != NULL && *config_arg == '\0')
		config_arg = NULL;
	if (today_arg != NULL && *today_arg == '\0')
		today_arg = NULL;

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
				conf_free(&cli.ses.cfg);
				return EXIT_USAGE;
			}
			if (c == 'd')
				db_arg = optarg;
			else
				config_arg = optarg;
			break;
		case 't':
			today_arg = optarg;
			break;
		case 'D':
			cli.ses.demo = 1;
			break;
		case 'P':
			print_config = 1;
			break;
		case 'h':
			main_help();
			conf_free(&cli.ses.cfg);
			return main_flush(EXIT_DONE);
		case 'V':
			printf("caseload %s\n", PACKAGE_VERSION);
			conf_free(&cli.ses.cfg);
			return main_flush(EXIT_DONE);
		default:
			safe = xstrdup(argv[optind - 1]);
			if (c == ':')
				cli_error("%s needs a value", safe);
			else
				cli_error("%s is not an option; 'caseload --help' "
				    "lists them", safe);
			free(safe);
			conf_free(&cli.ses.cfg);
			return EXIT_USAGE;
		}
	}

	cli.ses.today = cli.ses.clock_today = session_clock_date();
	cli.ses.today_given = today_arg != NULL;
	if (today_arg != NULL) {
		if (date_parse(today_arg, cli.ses.today, &cli.ses.today,
		    &cause) != 0) {
			cli_error("--today: %s", cause);
			free(cause);
			conf_free(&cli.ses.cfg);
			return EXIT_USAGE;
		}
	}

	explicit_config = config_arg != NULL;
	if (explicit_config)
		config_path = xstrdup(config_arg);
	else if (!cli.ses.demo)
		config_path = conf_default_config_path(&cause);
	if (config_path == NULL && !cli.ses.demo) {
		cli_error("%s", cause);
		free(cause);
		conf_free(&cli.ses.cfg);
		return EXIT_USAGE;
	}
	if (config_path != NULL &&
	    conf_load(&cli.ses.cfg, config_path, explicit_config, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		free(config_path);
		conf_free(&cli.ses.cfg);
		return EXIT_USAGE;
	}
	free(config_path);
	if (cli.ses.demo && cli.ses.cfg.worker_name[0] == '\0') {
		free(cli.ses.cfg.worker_name);
		cli.ses.cfg.worker_name = xstrdup("Sam Taylor");
	}
	cli_set_colour(&cli);

	if (print_config) {
		conf_print(&cli.ses.cfg, stdout);
		conf_free(&cli.ses.cfg);
		return main_flush(EXIT_DONE);
	}

	if (cli.ses.demo) {
		tmpdir = getenv("TMPDIR");
		if (tmpdir == NULL || *tmpdir == '\0')
			tmpdir = "/tmp";
		demo_dir = xasprintf("%s/caseload-demo-XXXXXX", tmpdir);
		if (mkdtemp(demo_dir) == NULL) {
			cli_error("--demo: cannot make a folder in %s: %s",
			    tmpdir, strerror(errno));
			free(demo_dir);
			conf_free(&cli.ses.cfg);
			return EXIT_FAILED;
		}
		cli.ses.db_path = xasprintf("%s/caseload.db", demo_dir);
	} else if (db_arg != NULL) {
		cli.ses.db_path = xstrdup(db_arg);
		cli.ses.db_given = 1;
	}
	else if ((cli.ses.db_path = conf_default_db_path(&cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		conf_free(&cli.ses.cfg);
		return EXIT_USAGE;
	}

	rc = EXIT_DONE;
	/* The screens write; a command says how it uses the database. */
	cli.ses.access = SESSION_WRITES;
	if (cli.ses.demo) {
		struct store *st;

		if ((rc = cli_store(&cli, &st)) == 0 &&
		    cli_demo_fill(st, cli.ses.today, &cause) != 0) {
			cli_error("--demo: %s", cause);
			free(cause);
			rc = EXIT_FAILED;
		}
	}
	if (rc == EXIT_DONE) {
		if (optind < argc)
			rc = cli_run(&cli, argc - optind, argv + optind);
		else
			rc = tui_run(&cli.ses);
	}

	store_close(cli.ses.st);
	/* None should be left; the screen's signal handler only stops it. */
	tempfile_remove_all();
	if (demo_dir != NULL) {
		main_demo_cleanup(demo_dir);
		free(demo_dir);
	}
	free(cli.ses.db_path);
	conf_free(&cli.ses.cfg);
	return main_flush(rc);
}
