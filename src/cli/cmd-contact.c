/*
 * cmd-contact.c: caseload contact (log a contact) and caseload strike
 * (strike out a contact logged by mistake).
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "rules.h"
#include "xmalloc.h"


/* Say when the next contact is due after a change. */
static void
contact_say_next(struct cli *cli, long id, char **cause)
{
	struct person *p = NULL;
	struct rules_due due;

	if (store_person_get(cli->ses.st, id, &p, cause) != 0 || p == NULL)
		return;
	due = rules_contact_due(&p->facts, &cli->ses.cfg.rules, cli->ses.today);
	if (due.state == DUE_OVERDUE)
		printf("Next contact was due %s: overdue by %d day%s.\n",
		    cli_date(cli, due.due), due.days_overdue,
		    due.days_overdue == 1 ? "" : "s");
	else if (due.state != DUE_NONE)
		printf("Next contact due %s.\n", cli_date(cli, due.due));
	free(p);
}

int
cmd_contact(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "method", required_argument, NULL, 'm' },
		{ "by", required_argument, NULL, 'b' },
		{ "attempted", no_argument, NULL, 'a' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct contact c;
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL, *safe;
	int opt, rc;

	memset(&c, 0, sizeof c);
	c.on = cli->ses.today;
	c.method = METHOD_PHONE;
	c.by = BY_WORKER;
	c.struck_on = DATE_NONE;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 'd':
			rc = cli_parse_date(cli, "--date", optarg, &c.on);
			break;
		case 'm':
			if (contact_method_from_name(optarg, &c.method) != 0) {
				safe = cli_safe(optarg);
				cli_error("--method: '%s' is not a method; use visit, "
				    "phone, video, text, email, letter, group or "
				    "other", safe);
				free(safe);
				rc = EXIT_USAGE;
			}
			break;
		case 'b':
			if (contact_by_from_name(optarg, &c.by) != 0) {
				safe = cli_safe(optarg);
				cli_error("--by: '%s' is not who started it; use "
				    "worker or young-person", safe);
				free(safe);
				rc = EXIT_USAGE;
			}
			break;
		case 'a':
			c.attempted = 1;
			break;
		case 'n':
			rc = cli_check_text("--note", optarg, 1, CHECK_NOTE_MAX);
			c.note = *optarg != '\0' ? optarg : NULL;
			break;
		default:
			return cli_option_error("contact", opt, argv);
		}
		if (rc != 0)
			return rc;
	}
	if (argc - optind != 1)
		return cli_operands_error("contact", "give one young person: "
		    "their number or part of their name");
	if (c.on > cli->ses.today)
		return cli_check("--date", check_event_date(c.on, DATE_NONE,
		    cli->ses.today, &cause), &cause);
	if ((rc = cli_resolve(cli, argv[optind], &p)) != 0)
		return rc;
	if ((rc = cli_check("--date", check_event_date(c.on, p->facts.dob,
	    cli->ses.today, &cause), &cause)) != 0) {
		free(p);
		return rc;
	}
	if ((rc = cli_store(cli, &st)) != 0) {
		free(p);
		return rc;
	}
	c.person_id = p->id;
	if (store_contact_add(st, &c, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		free(p);
		return EXIT_FAILED;
	}
	safe = cli_safe(p->name);
	printf("Logged contact #%ld: %s%s with %s on %s%s.\n", c.id,
	    c.attempted ? "attempted " : "", contact_method_name(c.method),
	    safe, cli_date(cli, c.on),
	    c.by == BY_YOUNG_PERSON ? ", started by the young person" : "");
	free(safe);
	if (c.attempted)
		printf("An attempted contact does not reset the clock.\n");
	if (p->facts.status == STATUS_UP)
		contact_say_next(cli, p->id, &cause);
	free(cause);
	free(p);
	return EXIT_DONE;
}

int
cmd_strike(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *reason = NULL, *number;
	struct contact *c = NULL;
	struct person *p = NULL;
	struct store *st;
	char *cause = NULL, *end, *safe;
	long id;
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (opt) {
		case 'r':
			if ((rc = cli_check_text("--reason", optarg, 0,
			    CHECK_REASON_MAX)) != 0)
				return rc;
			reason = *optarg != '\0' ? optarg : NULL;
			break;
		default:
			return cli_option_error("strike", opt, argv);
		}
	}
	if (argc - optind != 1)
		return cli_operands_error("strike", "give one contact number, "
		    "as 'caseload show' lists them (#57 or 57)");
	number = argv[optind];
	if (*number == '#')
		number++;
	errno = 0;
	id = strtol(number, &end, 10);
	if (*number < '0' || *number > '9' || *end != '\0' || errno != 0 ||
	    id <= 0) {
		safe = cli_safe(argv[optind]);
		cli_error("strike: '%s' is not a contact number; 'caseload show "
		    "REF' lists them", safe);
		free(safe);
		return EXIT_USAGE;
	}
	if ((rc = cli_store(cli, &st)) != 0)
		return rc;
	rc = store_contact_get(st, id, &c, &cause);
	if (rc < 0)
		goto fail;
	if (rc == 1) {
		cli_error("strike: there is no contact #%ld; 'caseload show REF' "
		    "lists them", id);
		return EXIT_USAGE;
	}
	if (c->struck_on != DATE_NONE) {
		cli_error("strike: contact #%ld was already struck out on %s",
		    id, cli_date(cli, c->struck_on));
		free(c);
		return EXIT_USAGE;
	}
	if (store_contact_strike(st, id, cli->ses.today, reason, &cause) != 0)
		goto fail;
	if (store_person_get(st, c->person_id, &p, &cause) < 0)
		goto fail;
	safe = cli_safe(p != NULL ? p->name : "");
	printf("Struck out contact #%ld (%s with %s on %s); it stays in the "
	    "log, marked struck out.\n", id, contact_method_name(c->method),
	    safe, cli_date(cli, c->on));
	free(safe);
	if (p != NULL && p->facts.status == STATUS_UP)
		contact_say_next(cli, p->id, &cause);
	free(cause);
	free(c);
	free(p);
	return EXIT_DONE;

fail:
	cli_error("%s", cause);
	free(cause);
	free(c);
	return EXIT_FAILED;
}
