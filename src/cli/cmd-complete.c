/* SPDX-License-Identifier: MIT */
/*
 * cmd-complete.c: the hidden command "caseload __complete WORDS...", which
 * the bash and zsh completion scripts (data/completion) call: the
 * candidates for the last word of a command line, one a line.
 *
 * What each command takes comes from the table of words in cli.c; young
 * people come from the database, opened to read alone (a missing one is
 * never made).  It prints no errors: a shell is waiting on it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "conf.h"
#include "job.h"
#include "person.h"
#include "session.h"
#include "store.h"
#include "xmalloc.h"

/* At most this many young people are offered. */
#define COMPLETE_PEOPLE	50

/* What the environment and the words before the command said. */
struct complete_globals {
	const char	*db;		/* --db or CASELOAD_DB, or NULL */
	int		 demo;		/* --demo */
};

/* Print word when it starts with prefix. */
static void
complete_offer(const char *word, const char *prefix)
{
	if (strncmp(word, prefix, strlen(prefix)) == 0)
		printf("%s\n", word);
}

/*
 * Read the global options at the start of words into g; returns the index
 * of the first word after them (the command, or the word being completed).
 */
static int
complete_globals(int argc, char **argv, struct complete_globals *g)
{
	int i;

	memset(g, 0, sizeof *g);
	g->db = getenv("CASELOAD_DB");
	if (g->db != NULL && *g->db == '\0')
		g->db = NULL;
	for (i = 0; i < argc - 1 && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		if (strcmp(argv[i], "--demo") == 0)
			g->demo = 1;
		else if (strncmp(argv[i], "--db=", 5) == 0)
			g->db = argv[i] + 5;
		else if (strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--config") == 0 ||
		    strcmp(argv[i], "--today") == 0) {
			if (i + 1 >= argc - 1)
				return argc;	/* completing its value */
			if (strcmp(argv[i], "--db") == 0)
				g->db = argv[i + 1];
			i++;
		}
	}
	return i;
}

/* Print the candidates for a value of kind. */
static void
complete_values(enum cli_word_kind kind, const char *prefix)
{
	static const char *const formats[] = { "text", "csv", "json" };
	static const char *const privacy[] = { "full", "initials" };
	int i;

	switch (kind) {
	case WORD_FORMAT:
		for (i = 0; i < 3; i++)
			complete_offer(formats[i], prefix);
		break;
	case WORD_FORMAT_TEXT_JSON:
		complete_offer("text", prefix);
		complete_offer("json", prefix);
		break;
	case WORD_METHOD:
		for (i = 0; i < METHOD_COUNT; i++)
			complete_offer(contact_method_name(i), prefix);
		break;
	case WORD_BY:
		complete_offer(contact_by_name(BY_WORKER), prefix);
		complete_offer(contact_by_name(BY_YOUNG_PERSON), prefix);
		break;
	case WORD_PRIVACY:
		for (i = 0; i < 2; i++)
			complete_offer(privacy[i], prefix);
		break;
	case WORD_FLAG_KIND:
		for (i = 0; i < FLAG_KINDS; i++)
			complete_offer(flag_kind_name(i), prefix);
		break;
	case WORD_PLACE:
		/* PLACE_NONE ("") is not a value to type. */
		for (i = PLACE_NONE + 1; i < PLACE_COUNT; i++)
			complete_offer(contact_place_name(i), prefix);
		break;
	case WORD_SEEN_ALONE:
		complete_offer(seen_alone_name(SEEN_ALONE_YES), prefix);
		complete_offer(seen_alone_name(SEEN_ALONE_NO), prefix);
		complete_offer(seen_alone_name(SEEN_UNKNOWN), prefix);
		break;
	case WORD_ACCOMMODATION:
		for (i = 0; i < ACCOM_COUNT; i++)
			complete_offer(accommodation_type_name(i), prefix);
		break;
	default:
		/* Files are the shell's to complete; text is the user's. */
		break;
	}
}

/* Print a young person as "NUMBER<tab>NAME". */
static int
complete_person(const struct person *p, void *arg)
{
	char *safe;

	(void)arg;
	safe = cli_safe(p->name);
	printf("%ld\t%s\n", p->id, safe);
	free(safe);
	return 0;
}

/*
 * Fill a throwaway demo caseload in a new folder, as --demo would, and
 * open it in s; the caller removes *dir.  -1 when it could not be made.
 */
static int
complete_demo(struct session *s, char **dir)
{
	struct store *st;
	char *warning = NULL, *cause = NULL;

	if ((*dir = session_demo_folder(s, &cause)) == NULL) {
		free(cause);
		return -1;
	}
	s->demo = 1;
	s->access = SESSION_WRITES;
	s->today = s->clock_today = session_clock_date();
	if (session_open(s, &st, &warning, &cause) != 0 ||
	    job_demo_seed(s, &cause) != 0) {
		session_close(s);
		free(warning);
		free(cause);
		return -1;
	}
	return 0;
}

/*
 * Print the young people whose number starts with prefix, or whose name
 * holds it (store_people_named: "ng" finds Nguyễn), as "NUMBER<tab>NAME":
 * people on the caseload first, then archived ones, at most
 * COMPLETE_PEOPLE.  The database is opened to read alone, only when it
 * is there.
 */
static void
complete_people(const struct complete_globals *g, const char *prefix)
{
	struct session s;
	struct store *st;
	struct stat sb;
	char *warning = NULL, *cause = NULL, *dir = NULL;

	memset(&s, 0, sizeof s);
	conf_defaults(&s.cfg);
	if (g->demo) {
		if (complete_demo(&s, &dir) != 0)
			goto out;
	} else {
		s.access = SESSION_PEEKS;
		if (g->db != NULL)
			s.db_path = xstrdup(g->db);
		else if ((s.db_path = conf_default_db_path(&cause)) == NULL)
			goto out;
		/* No file: no young people (none is made). */
		if (lstat(s.db_path, &sb) != 0 || !S_ISREG(sb.st_mode))
			goto out;
	}
	if (session_open(&s, &st, &warning, &cause) != 0)
		goto out;

	store_people_complete(st, prefix, COMPLETE_PEOPLE, complete_person,
	    NULL, &cause);
out:
	free(cause);
	free(warning);
	session_close(&s);
	if (dir != NULL) {
		session_demo_remove(dir);
		free(dir);
	}
	free(s.db_path);
	conf_free(&s.cfg);
}

/* Print the options of key (a command, or a command and its part). */
static void
complete_options(const char *key, const char *prefix)
{
	const struct cli_word *w;
	size_t n, i;

	w = cli_command_words(&n);
	for (i = 0; i < n; i++) {
		if (strcmp(w[i].command, key) == 0 && w[i].option != NULL)
			complete_offer(w[i].option, prefix);
	}
	complete_offer("--help", prefix);
}

/*
 * Print the parts of command (letters: write, sent) that start with
 * prefix; 1 if it has parts.
 */
static int
complete_parts(const char *command, const char *prefix)
{
	const struct cli_word *w;
	const char *last = NULL;
	size_t n, i, len = strlen(command);

	w = cli_command_words(&n);
	for (i = 0; i < n; i++) {
		if (strncmp(w[i].command, command, len) != 0 ||
		    w[i].command[len] != ' ')
			continue;
		if (last == NULL || strcmp(last, w[i].command) != 0)
			complete_offer(w[i].command + len + 1, prefix);
		last = w[i].command;
	}
	return last != NULL;
}

/* What key's option (exact, or with its value after '=') takes. */
static const struct cli_word *
complete_find(const char *key, const char *option)
{
	const struct cli_word *w;
	size_t n, i;

	w = cli_command_words(&n);
	for (i = 0; i < n; i++) {
		if (strcmp(w[i].command, key) != 0)
			continue;
		if (option == NULL ? w[i].option == NULL :
		    w[i].option != NULL && strcmp(w[i].option, option) == 0)
			return &w[i];
	}
	return NULL;
}

/* Complete the last of the words after the command (argv[0]). */
static void
complete_command(const struct complete_globals *g, int argc, char **argv)
{
	const struct cli_command *cmds;
	const struct cli_word *w;
	const char *cur = argv[argc - 1], *key = argv[0];
	size_t n, i;
	int first = 1, operands = 0, dashdash = 0;
	char part[64];

	cmds = cli_commands(&n);
	for (i = 0; i < n && strcmp(cmds[i].name, argv[0]) != 0; i++)
		;
	if (i == n) {
		/* "help CMD" */
		if (strcmp(argv[0], "help") == 0 && argc == 2)
			for (i = 0; i < n; i++)
				complete_offer(cmds[i].name, cur);
		return;
	}
	/* "letters write": the part's own words. */
	if (argc > 2) {
		snprintf(part, sizeof part, "%s %s", argv[0], argv[1]);
		w = cli_command_words(&n);
		for (i = 0; i < n; i++) {
			if (strcmp(w[i].command, part) == 0) {
				key = w[i].command;
				first = 2;
				break;
			}
		}
	}
	for (i = first; i < (size_t)argc - 1; i++) {
		if (!dashdash && strcmp(argv[i], "--") == 0)
			dashdash = 1;
		else if (!dashdash && argv[i][0] == '-' && argv[i][1] != '\0') {
			if (strchr(argv[i], '=') == NULL &&
			    (w = complete_find(key, argv[i])) != NULL &&
			    w->kind != WORD_NONE) {
				if (i + 1 == (size_t)argc - 1) {
					complete_values(w->kind, cur);
					return;
				}
				i++;
			}
		} else
			operands++;
	}
	if (!dashdash && cur[0] == '-') {
		complete_options(key, cur);
		return;
	}
	if (key == argv[0] && operands == 0 && complete_parts(key, cur))
		return;
	if ((w = complete_find(key, NULL)) == NULL)
		return;
	if (w->kind == WORD_REFS || (w->kind == WORD_REF && operands == 0))
		complete_people(g, cur);
}

int
cli_complete(int argc, char **argv)
{
	struct complete_globals g;
	const struct cli_command *cmds;
	size_t n, i;
	int first;

	if (argc < 1)
		return EXIT_DONE;
	first = complete_globals(argc, argv, &g);
	if (first >= argc)
		return EXIT_DONE;
	if (first == argc - 1) {
		if (argv[first][0] == '-') {
			static const char *const globals[] = {
				"--db", "--config", "--today", "--demo",
				"--print-config", "--help", "--version"
			};
			for (i = 0; i < sizeof globals / sizeof globals[0]; i++)
				complete_offer(globals[i], argv[first]);
		} else {
			cmds = cli_commands(&n);
			for (i = 0; i < n; i++)
				complete_offer(cmds[i].name, argv[first]);
			complete_offer("help", argv[first]);
		}
	} else
		complete_command(&g, argc - first, argv + first);
	fflush(stdout);
	return EXIT_DONE;
}
