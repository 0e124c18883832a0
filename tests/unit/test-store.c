/* SPDX-License-Identifier: MIT */
/*
 * test-store.c: the SQLite store on fresh databases: schema, writes,
 * the summary kept in each person's row against their history, triggers,
 * backup, check, and the views built on it.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "rules.h"
#include "store.h"
#include "text.h"
#include "views.h"
#include "xmalloc.h"

#define D(y, m, d) date_from_ymd(y, m, d)

struct fixture {
	char		 dir[64];
	char		 path[128];
	struct store	*st;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	char *cause = NULL;

	snprintf(fx->dir, sizeof fx->dir, "/tmp/caseload-test-store-XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	snprintf(fx->path, sizeof fx->path, "%s/new/folder/caseload.db",
	    fx->dir);
	if (store_open(fx->path, &fx->st, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[160];

	store_close(fx->st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(fx);
	return 0;
}

static long
add(struct store *st, const char *name, date_t dob, date_t allocated)
{
	struct person p;
	char *cause = NULL;

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = name;
	p.facts.dob = dob;
	p.facts.allocated_on = allocated;
	if (store_person_add(st, &p, &cause) != 0)
		fail_msg("add: %s", cause);
	assert_true(p.id > 0);
	assert_int_equal(strlen(p.uuid), 36);
	return p.id;
}

static long
contact(struct store *st, long id, date_t on, int attempted)
{
	struct contact c;
	char *cause = NULL;

	memset(&c, 0, sizeof c);
	c.person_id = id;
	c.on = on;
	c.method = METHOD_VISIT;
	c.by = BY_WORKER;
	c.attempted = attempted;
	c.struck_on = DATE_NONE;
	if (store_contact_add(st, &c, &cause) != 0)
		fail_msg("contact: %s", cause);
	return c.id;
}

static struct person *
get(struct store *st, long id)
{
	struct person *p = NULL;
	char *cause = NULL;

	assert_int_equal(store_person_get(st, id, &p, &cause), 0);
	assert_non_null(p);
	return p;
}

/* Run SQL on the file through a second connection; SQLite's result code. */
static int
raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* The number sql (one count) gives on the file, through a second connection. */
static int
raw_count(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int n;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return n;
}

static void
test_modes_and_schema(void **state)
{
	struct fixture *fx = *state;
	char dir[160];
	struct stat sb;

	snprintf(dir, sizeof dir, "%s/new/folder", fx->dir);
	assert_int_equal(stat(fx->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(store_schema_version(), 11);
	assert_string_equal(store_path(fx->st), fx->path);
}

static void
test_add_get_update(void **state)
{
	struct fixture *fx = *state;
	struct person *p, *q;
	char *cause = NULL;
	long id;

	id = add(fx->st, "Ellie-Mae \"Ells\" O'Connor, Jr.; 李明 😀",
	    D(2009, 6, 30), D(2026, 9, 1));
	p = get(fx->st, id);
	assert_string_equal(p->name, "Ellie-Mae \"Ells\" O'Connor, Jr.; 李明 😀");
	assert_int_equal(p->facts.dob, D(2009, 6, 30));
	assert_int_equal(p->facts.status, STATUS_UP);
	assert_int_equal(p->facts.status_since, D(2026, 9, 1));
	assert_int_equal(p->facts.last_contact, DATE_NONE);
	assert_null(p->phone);
	p->preferred_name = "Ells";
	p->address = "1 Road\nLeeds";
	p->facts.interval_weeks = 2;
	assert_int_equal(store_person_update(fx->st, p, 1, &cause), 0);
	q = get(fx->st, id);
	assert_string_equal(q->preferred_name, "Ells");
	assert_string_equal(q->address, "1 Road\nLeeds");
	assert_int_equal(q->facts.interval_weeks, 2);
	assert_string_equal(q->uuid, p->uuid);
	free(p);
	free(q);
	assert_int_equal(store_person_get(fx->st, 999, &p, &cause), 1);
	assert_null(p);
}

static void
test_uuids_differ(void **state)
{
	struct fixture *fx = *state;
	struct person *a, *b;

	a = get(fx->st, add(fx->st, "A", D(2008, 1, 1), D(2026, 1, 1)));
	b = get(fx->st, add(fx->st, "B", D(2008, 1, 1), D(2026, 1, 1)));
	assert_string_not_equal(a->uuid, b->uuid);
	assert_int_equal(a->uuid[14], '4');	/* version 4 */
	free(a);
	free(b);
}

static void
test_contact_summary(void **state)
{
	struct fixture *fx = *state;
	struct contact *c = NULL;
	struct person *p;
	char *cause = NULL;
	long id, c1, c2, c3;

	id = add(fx->st, "Aisha Khan", D(2007, 3, 14), D(2025, 2, 1));
	c1 = contact(fx->st, id, D(2026, 9, 2), 0);
	c2 = contact(fx->st, id, D(2026, 10, 30), 1);	/* attempted */
	p = get(fx->st, id);
	assert_int_equal(p->facts.last_contact, D(2026, 9, 2));
	free(p);
	c3 = contact(fx->st, id, D(2026, 10, 1), 0);
	p = get(fx->st, id);
	assert_int_equal(p->facts.last_contact, D(2026, 10, 1));
	free(p);
	/* Striking the latest brings back the one before. */
	assert_int_equal(store_contact_strike(fx->st, c3, D(2026, 11, 27),
	    "wrong person", &cause), 0);
	p = get(fx->st, id);
	assert_int_equal(p->facts.last_contact, D(2026, 9, 2));
	free(p);
	assert_int_equal(store_contact_get(fx->st, c3, &c, &cause), 0);
	assert_int_equal(c->struck_on, D(2026, 11, 27));
	assert_string_equal(c->struck_reason, "wrong person");
	free(c);
	/* Twice is refused. */
	assert_int_equal(store_contact_strike(fx->st, c3, D(2026, 11, 27),
	    NULL, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_contact_get(fx->st, c2, &c, &cause), 0);
	assert_true(c->attempted);
	assert_int_equal(c->struck_on, DATE_NONE);
	free(c);
	(void)c1;
	assert_int_equal(store_contact_get(fx->st, 9999, &c, &cause), 1);
}

static void
test_status_history(void **state)
{
	struct fixture *fx = *state;
	struct person *p;
	char *cause = NULL;
	long id;

	id = add(fx->st, "Grace Okoye", D(2004, 1, 20), D(2022, 9, 1));
	assert_int_equal(store_status_change(fx->st, id, STATUS_DOWN,
	    D(2024, 2, 29), "partner", &cause), 0);
	assert_int_equal(store_letter_add(fx->st, id, D(2025, 2, 28), &cause), 0);
	assert_int_equal(store_status_change(fx->st, id, STATUS_UP,
	    D(2025, 6, 1), NULL, &cause), 0);
	assert_int_equal(store_review_add(fx->st, id, D(2025, 7, 1), &cause), 0);
	assert_int_equal(store_status_change(fx->st, id, STATUS_DOWN,
	    D(2026, 2, 28), "sorted", &cause), 0);
	p = get(fx->st, id);
	assert_int_equal(p->facts.status, STATUS_DOWN);
	assert_int_equal(p->facts.status_since, D(2026, 2, 28));
	assert_int_equal(p->facts.last_letter, D(2025, 2, 28));
	assert_int_equal(p->facts.last_review, D(2025, 7, 1));
	free(p);
}

/* A letter sent: found on its day only, and checked as 'letters sent' does. */
static void
test_letter_sent(void **state)
{
	struct fixture *fx = *state;
	struct person *p;
	const char *field;
	char *cause = NULL;
	int found = -1, n = 0;
	long id;

	id = add(fx->st, "Jordan Lee", D(2003, 5, 5), D(2023, 1, 1));
	p = get(fx->st, id);
	assert_int_equal(check_letter_sent(p, D(2026, 11, 27), D(2026, 11, 27),
	    0, "%d/%m/%Y", &field, &cause), -1);
	assert_string_equal(field, "status");
	assert_non_null(strstr(cause, "1 Jordan Lee is stepped up"));
	free(cause);
	cause = NULL;
	free(p);

	assert_int_equal(store_status_change(fx->st, id, STATUS_DOWN,
	    D(2025, 11, 1), NULL, &cause), 0);
	p = get(fx->st, id);
	assert_int_equal(check_letter_sent(p, D(2025, 10, 31), D(2026, 11, 27),
	    0, "%d/%m/%Y", &field, &cause), -1);
	assert_string_equal(field, "date");
	assert_string_equal(cause, "31/10/2025 is before 1 Jordan Lee stepped "
	    "down on 01/11/2025; a letter counts only after stepping down");
	free(cause);
	cause = NULL;
	assert_int_equal(check_letter_sent(p, D(2026, 11, 28), D(2026, 11, 27),
	    0, "%d/%m/%Y", &field, &cause), -1);
	assert_string_equal(field, "date");
	free(cause);
	cause = NULL;
	assert_int_equal(check_letter_sent(p, D(2025, 11, 1), D(2026, 11, 27),
	    0, "%d/%m/%Y", &field, &cause), 0);

	assert_int_equal(store_letter_sent_on(fx->st, id, D(2026, 11, 27),
	    &found, &cause), 0);
	assert_int_equal(found, 0);
	assert_int_equal(store_letter_add(fx->st, id, D(2026, 11, 27), &cause),
	    0);
	assert_int_equal(store_letter_sent_on(fx->st, id, D(2026, 11, 27),
	    &found, &cause), 0);
	assert_int_equal(found, 1);
	assert_int_equal(store_letter_sent_on(fx->st, id, D(2026, 11, 26),
	    &found, &cause), 0);
	assert_int_equal(found, 0);
	assert_int_equal(store_letter_sent_on(fx->st, id + 1, D(2026, 11, 27),
	    &found, &cause), 0);
	assert_int_equal(found, 0);
	assert_int_equal(check_letter_sent(p, D(2026, 11, 27), D(2026, 11, 27),
	    1, "%d/%m/%Y", &field, &cause), -1);
	assert_string_equal(field, "letter");
	assert_string_equal(cause, "a letter to 1 Jordan Lee on 27/11/2026 is "
	    "already recorded");
	free(cause);
	cause = NULL;
	free(p);

	/* Whole numbers, as --days and the export dialog take them. */
	assert_int_equal(check_int("365", 1, 3660, &n, &cause), 0);
	assert_int_equal(n, 365);
	assert_int_equal(check_int("0", 1, 3660, &n, &cause), -1);
	assert_string_equal(cause, "'0' is not a whole number from 1 to 3660");
	free(cause);
	cause = NULL;
	assert_int_equal(check_int("12abc", 1, 3660, &n, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(check_int("-5", -10, 10, &n, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(check_int("99999999999999999999", 1, 3660, &n,
	    &cause), -1);
	free(cause);
}

static void
test_history_is_kept(void **state)
{
	struct fixture *fx = *state;
	long id;

	id = add(fx->st, "Kept", D(2008, 1, 1), D(2026, 1, 1));
	contact(fx->st, id, D(2026, 2, 1), 0);
	/* The database itself refuses to lose a record. */
	assert_int_equal(raw_sql(fx->path, "DELETE FROM contacts"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_sql(fx->path, "DELETE FROM people"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_sql(fx->path, "DELETE FROM status_changes"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_sql(fx->path, "UPDATE status_changes SET "
	    "reason = 'x'"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_sql(fx->path, "UPDATE contacts SET note = 'x'"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_sql(fx->path, "UPDATE contacts SET "
	    "struck_on = '2026-02-31'"), SQLITE_CONSTRAINT);
	/* Impossible dates cannot be stored. */
	assert_int_equal(raw_sql(fx->path, "UPDATE people SET dob = "
	    "'2026-02-31'"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_sql(fx->path, "UPDATE people SET dob = "
	    "'31/01/2026'"), SQLITE_CONSTRAINT);
}

static void
test_transactions(void **state)
{
	struct fixture *fx = *state;
	struct person *p = NULL;
	char *cause = NULL;
	long id;

	assert_int_equal(store_begin(fx->st, &cause), 0);
	id = add(fx->st, "Rolled back", D(2008, 1, 1), D(2026, 1, 1));
	contact(fx->st, id, D(2026, 2, 1), 0);
	store_rollback(fx->st);
	assert_int_equal(store_person_get(fx->st, id, &p, &cause), 1);

	assert_int_equal(store_begin(fx->st, &cause), 0);
	id = add(fx->st, "Committed", D(2008, 1, 1), D(2026, 1, 1));
	assert_int_equal(store_commit(fx->st, &cause), 0);
	p = get(fx->st, id);
	free(p);
}

/* A random history keeps the summary equal to the rules over the log. */
struct log_state {
	struct rules_contact	log[64];
	size_t			n;
};

static int
collect(const struct contact *c, void *arg)
{
	struct log_state *s = arg;

	s->log[s->n].on = c->on;
	s->log[s->n].attempted = c->attempted;
	s->log[s->n].struck = c->struck_on != DATE_NONE;
	s->n++;
	return 0;
}

static void
test_summary_agrees_with_rules(void **state)
{
	struct fixture *fx = *state;
	struct log_state s;
	struct person *p;
	char *cause = NULL;
	long ids[5], contacts[200];
	size_t nc = 0, i, k;
	int problems;

	srand(20261127);
	for (i = 0; i < 5; i++)
		ids[i] = add(fx->st, "Random", D(2006, 1, 1) + (date_t)i,
		    D(2024, 1, 1));
	for (i = 0; i < 200; i++) {
		long id = ids[rand() % 5];

		if (nc > 0 && rand() % 4 == 0) {
			store_contact_strike(fx->st, contacts[rand() % nc],
			    D(2026, 11, 27), NULL, &cause);
			free(cause);
			cause = NULL;
		} else if (nc < 200)
			contacts[nc++] = contact(fx->st, id,
			    D(2024, 1, 1) + rand() % 1000, rand() % 3 == 0);
		if (i % 20 != 19)
			continue;
		for (k = 0; k < 5; k++) {
			memset(&s, 0, sizeof s);
			assert_int_equal(store_contacts_each(fx->st, ids[k],
			    collect, &s, &cause), 0);
			p = get(fx->st, ids[k]);
			assert_int_equal(p->facts.last_contact,
			    rules_last_contact(s.log, s.n));
			free(p);
		}
	}
	problems = store_check(fx->st, NULL, NULL, &cause);
	assert_int_equal(problems, 0);
}

static void
count_problem(const char *problem, void *arg)
{
	int *n = arg;

	(void)problem;
	(*n)++;
}

static void
test_check_finds_disagreement(void **state)
{
	struct fixture *fx = *state;
	char *cause = NULL;
	int n = 0;
	long id;

	id = add(fx->st, "Checked", D(2008, 1, 1), D(2026, 1, 1));
	contact(fx->st, id, D(2026, 2, 1), 0);
	assert_int_equal(store_check(fx->st, count_problem, &n, &cause), 0);
	/* A kept next contact date that the rules do not give. */
	assert_int_equal(raw_sql(fx->path, "UPDATE people SET next_due = "
	    "'2027-01-01'"), SQLITE_OK);
	assert_int_equal(store_check(fx->st, count_problem, &n, &cause), 1);
	assert_int_equal(n, 1);
	assert_int_equal(raw_sql(fx->path, "UPDATE people SET next_due = "
	    "'2026-03-29'"), SQLITE_OK);
	n = 0;
	assert_int_equal(store_check(fx->st, count_problem, &n, &cause), 0);
	/* Someone edits the summary by hand: check notices. */
	assert_int_equal(raw_sql(fx->path, "UPDATE people SET last_contact = "
	    "'2026-03-01', status = 'down'"), SQLITE_OK);
	/* The status, the last contact, and the kept dates that follow from
	 * them: the next contact, review and letter, the most urgent item's
	 * date and kind. */
	assert_int_equal(store_check(fx->st, count_problem, &n, &cause), 7);
	assert_int_equal(n, 7);
}

static void
test_reopen_and_refusals(void **state)
{
	struct fixture *fx = *state;
	struct store *st = NULL;
	char *cause = NULL, other[160];
	FILE *f;

	/* A second connection opens the same file. */
	assert_int_equal(store_open(fx->path, &st, &cause), 0);
	store_close(st);

	/* A newer caseload's file is refused, and left alone. */
	assert_int_equal(raw_sql(fx->path, "PRAGMA user_version = 99"),
	    SQLITE_OK);
	assert_int_equal(store_open(fx->path, &st, &cause), -1);
	assert_non_null(strstr(cause, "newer caseload"));
	free(cause);
	cause = NULL;
	assert_int_equal(raw_sql(fx->path, "PRAGMA user_version = 1"),
	    SQLITE_OK);

	/* Someone else's SQLite database. */
	snprintf(other, sizeof other, "%s/other.db", fx->dir);
	assert_int_equal(raw_sql(other, "CREATE TABLE t (x)"), SQLITE_OK);
	assert_int_equal(store_open(other, &st, &cause), -1);
	assert_non_null(strstr(cause, "not caseload's"));
	free(cause);
	cause = NULL;

	/* Not a database at all. */
	snprintf(other, sizeof other, "%s/text.db", fx->dir);
	f = fopen(other, "w");
	assert_non_null(f);
	fputs("this is a shopping list, not a database, and it is long "
	    "enough to have a header that SQLite will read and refuse\n", f);
	fclose(f);
	assert_int_equal(store_open(other, &st, &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;

	/* A folder. */
	assert_int_equal(store_open(fx->dir, &st, &cause), -1);
	assert_non_null(strstr(cause, "folder"));
	free(cause);
}

static void
test_backup(void **state)
{
	struct fixture *fx = *state;
	struct store *copy = NULL;
	struct person *p = NULL;
	char *cause = NULL, dest[160];
	struct stat sb;
	long id;

	id = add(fx->st, "Backed Up", D(2008, 1, 1), D(2026, 1, 1));
	contact(fx->st, id, D(2026, 2, 1), 0);
	snprintf(dest, sizeof dest, "%s/backup.db", fx->dir);
	assert_int_equal(store_backup(fx->st, dest, &cause), 0);
	assert_int_equal(stat(dest, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* It does not overwrite. */
	assert_int_equal(store_backup(fx->st, dest, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_open(dest, &copy, &cause), 0);
	assert_int_equal(store_person_get(copy, id, &p, &cause), 0);
	assert_string_equal(p->name, "Backed Up");
	assert_int_equal(p->facts.last_contact, D(2026, 2, 1));
	free(p);
	assert_int_equal(store_check(copy, NULL, NULL, &cause), 0);
	store_close(copy);
}

static void
test_views_due(void **state)
{
	struct fixture *fx = *state;
	struct rules_settings rs;
	struct due_list list;
	char *cause = NULL;
	date_t today = D(2026, 11, 27);
	long a, b, c, d;

	rules_settings_default(&rs);
	a = add(fx->st, "Soon", D(2008, 1, 1), D(2026, 1, 1));
	contact(fx->st, a, today - 50, 0);		/* due in 6 days */
	b = add(fx->st, "Late", D(2008, 1, 1), D(2026, 1, 1));
	contact(fx->st, b, today - 80, 0);		/* overdue 24 */
	c = add(fx->st, "Down", D(2008, 1, 1), D(2026, 1, 1));
	assert_int_equal(store_status_change(fx->st, c, STATUS_DOWN,
	    today - 10, NULL, &cause), 0);
	d = add(fx->st, "Fine", D(2008, 1, 1), D(2026, 1, 1));
	contact(fx->st, d, today - 1, 0);		/* due in 55 */

	assert_int_equal(views_due(fx->st, &rs, today, STORE_CURRENT, -1,
	    &list, &cause), 0);
	assert_int_equal(list.n, 4);
	assert_int_equal(list.rows[0].person->id, b);
	assert_int_equal(list.rows[1].person->id, a);
	assert_int_equal(list.rows[2].person->id, d);
	assert_int_equal(list.rows[3].person->id, c);
	assert_string_equal(rows_due_state(&list.rows[0]), "overdue");
	assert_string_equal(rows_due_state(&list.rows[1]), "due-soon");
	assert_string_equal(rows_due_state(&list.rows[2]), "ok");
	assert_string_equal(rows_due_state(&list.rows[3]), "stepped-down");
	assert_int_equal(list.counts.stepped_up, 3);
	assert_int_equal(list.counts.stepped_down, 1);
	assert_int_equal(list.counts.overdue, 1);
	assert_int_equal(list.counts.due_soon, 1);
	assert_null(list.rows[0].person->address);
	due_list_free(&list);

	/* Within 14 days: the overdue one and the one due soon. */
	assert_int_equal(views_due(fx->st, &rs, today, STORE_UP, 14, &list,
	    &cause), 0);
	assert_int_equal(list.n, 2);
	assert_int_equal(list.rows[0].person->id, b);
	assert_int_equal(list.rows[1].person->id, a);
	assert_int_equal(list.counts.stepped_up, 3);	/* counts cover everyone */
	due_list_free(&list);
}

static void
test_views_agenda(void **state)
{
	struct fixture *fx = *state;
	struct rules_settings rs;
	struct agenda_list list;
	char *cause = NULL;
	date_t today = D(2026, 11, 27);
	size_t i;
	long a;

	rules_settings_default(&rs);
	a = add(fx->st, "Ben Carter", D(2008, 12, 1), D(2026, 1, 10));
	contact(fx->st, a, D(2026, 10, 5), 0);
	assert_int_equal(store_review_add(fx->st, a, D(2026, 6, 1), &cause), 0);
	assert_int_equal(views_agenda(fx->st, &rs, today, today + 27, &list,
	    &cause), 0);
	assert_int_equal(list.n, 3);
	for (i = 1; i < list.n; i++)
		assert_true(list.entries[i - 1].item.on <= list.entries[i].item.on);
	assert_int_equal(list.entries[0].item.kind, AGENDA_CONTACT);
	assert_string_equal(list.entries[0].name, "Ben Carter");
	assert_int_equal(strlen(list.entries[0].uuid), 36);
	agenda_list_free(&list);
}

/* Rows as views_due_each gives them. */
struct ids {
	long	v[512];
	size_t	n;
};

static int
collect_row(const struct due_row *row, void *arg)
{
	struct ids *ids = arg;

	ids->v[ids->n++] = row->person->id;
	return 0;
}

/* Everyone the rules alone would list, in the rules' order. */
struct judged {
	long			id;
	enum status		status;
	struct rules_due	due;
};

struct judge_state {
	const struct rules_settings	*rs;
	date_t				 today;
	int				 within;
	struct judged			 v[512];
	size_t				 n;
};

static int
judge_person(const struct person *p, void *arg)
{
	struct judge_state *s = arg;
	struct rules_due due = rules_contact_due(&p->facts, s->rs, s->today);

	if (s->within >= 0 && (p->facts.status != STATUS_UP ||
	    due.due > s->today + s->within))
		return 0;
	s->v[s->n].id = p->id;
	s->v[s->n].status = p->facts.status;
	s->v[s->n].due = due;
	s->n++;
	return 0;
}

static int
judged_compare(const void *a, const void *b)
{
	const struct judged *ja = a, *jb = b;

	return rules_due_order(&ja->due, ja->status, ja->id, &jb->due,
	    jb->status, jb->id);
}

/*
 * The index of kept next contact dates picks and orders the due list;
 * the rules alone, applied to everyone, must give the same list.
 */
static void
test_index_agrees_with_rules(void **state)
{
	struct fixture *fx = *state;
	static const int withins[] = { -1, 0, 1, 7, 14, 30, 365 };
	static const int intervals[] = { 8, 4, 12 };
	struct rules_settings rs;
	struct judge_state js;
	struct ids ids;
	char *cause = NULL;
	date_t today = D(2026, 11, 27);
	long id;
	size_t w, k, i;
	int r;

	srand(7);
	for (i = 0; i < 300; i++) {
		id = add(fx->st, "Someone", D(2004, 1, 1) + (date_t)(rand() % 3000),
		    today - (date_t)(rand() % 900));
		for (r = rand() % 4; r > 0; r--)
			contact(fx->st, id, today - (date_t)(rand() % 120),
			    rand() % 5 == 0);
		if (rand() % 6 == 0)
			assert_int_equal(store_status_change(fx->st, id,
			    STATUS_DOWN, today, NULL, &cause), 0);
		if (rand() % 9 == 0) {
			struct person *p = get(fx->st, id);

			p->facts.interval_weeks = 1 + rand() % 6;
			assert_int_equal(store_person_update(fx->st, p, 1, &cause),
			    0);
			free(p);
		}
	}
	for (k = 0; k < sizeof intervals / sizeof intervals[0]; k++) {
		rules_settings_default(&rs);
		rs.interval_weeks = intervals[k];
		assert_int_equal(store_set_rules(fx->st, &rs, &cause), 0);
		assert_int_equal(store_apply_rules(fx->st, &cause), 0);
		for (w = 0; w < sizeof withins / sizeof withins[0]; w++) {
			memset(&ids, 0, sizeof ids);
			assert_int_equal(views_due_each(fx->st, &rs, today,
			    STORE_CURRENT, withins[w], collect_row, &ids,
			    &cause), 0);
			memset(&js, 0, sizeof js);
			js.rs = &rs;
			js.today = today;
			js.within = withins[w];
			assert_int_equal(store_people_each(fx->st, STORE_CURRENT,
			    judge_person, &js, &cause), 0);
			qsort(js.v, js.n, sizeof js.v[0], judged_compare);
			assert_int_equal(ids.n, js.n);
			for (i = 0; i < ids.n; i++)
				assert_int_equal(ids.v[i], js.v[i].id);
		}
		assert_int_equal(store_check(fx->st, NULL, NULL, &cause), 0);
	}
}

/*
 * The screens' filter, on a row of the whole due list in memory: overdue
 * and due soon by the most urgent item of any kind.
 */
static int
old_filter(const struct due_row *row, enum views_filter filter)
{
	enum status status = row->person->facts.status;

	switch (filter) {
	case VIEWS_EVERYONE:
		return status != STATUS_ARCHIVED;
	case VIEWS_OVERDUE:
		return status != STATUS_ARCHIVED && row->urgent.kind >= 0 &&
		    row->urgent.due.state == DUE_OVERDUE;
	case VIEWS_SOON:
		return status != STATUS_ARCHIVED && row->urgent.kind >= 0 &&
		    row->urgent.due.state == DUE_SOON;
	case VIEWS_UP:
		return status == STATUS_UP;
	case VIEWS_DOWN:
		return status == STATUS_DOWN;
	case VIEWS_ARCHIVED:
		return status == STATUS_ARCHIVED;
	}
	return 0;
}

/* The screens' old search: a number from its start, or a name. */
static int
old_search(const struct due_row *row, const char *search)
{
	const struct person *p = row->person;
	const char *digits = search;
	char number[32];

	if (*search == '\0')
		return 1;
	if (*digits == '#')
		digits++;
	if (*digits >= '0' && *digits <= '9' &&
	    strspn(digits, "0123456789") == strlen(digits)) {
		snprintf(number, sizeof number, "%ld", p->id);
		if (strncmp(number, digits, strlen(digits)) == 0)
			return 1;
	}
	return text_contains(p->name, search) || (p->preferred_name != NULL &&
	    text_contains(p->preferred_name, search));
}

/* A row of a window is the row of the whole list, judged the same. */
static void
same_row(const struct due_row *a, const struct due_row *b)
{
	assert_int_equal(a->person->id, b->person->id);
	assert_string_equal(a->person->name, b->person->name);
	assert_int_equal(a->person->facts.status, b->person->facts.status);
	assert_int_equal(a->contact.due, b->contact.due);
	assert_int_equal(a->contact.state, b->contact.state);
	assert_int_equal(a->contact.days_overdue, b->contact.days_overdue);
	assert_int_equal(a->letter.due, b->letter.due);
	assert_int_equal(a->review.due, b->review.due);
	assert_int_equal(a->age, b->age);
	assert_null(a->person->phone);
}

/* A row's place in the list, as the rules see it. */
static struct store_due_key
row_key(const struct due_row *row)
{
	struct store_due_key k;

	k.others = row->urgent.kind < 0;
	k.due = k.others ? DATE_NONE : row->urgent.due.due;
	k.id = row->person->id;
	return k;
}

/* The caseload list's order: most urgent item first, then number. */
static int
urgent_compare(const void *a, const void *b)
{
	struct store_due_key ka = row_key(*(const struct due_row *const *)a);
	struct store_due_key kb = row_key(*(const struct due_row *const *)b);

	return views_key_compare(&ka, &kb);
}

/*
 * A page from any place in the list, inside the filter or not, holds
 * the rows just after (from, before) it that the filter picks.
 */
static void
check_pages_from(struct store *st, const struct rules_settings *rs,
    date_t today, enum views_filter f, const char *search,
    const struct due_list *all, const struct due_row **want, size_t nwant)
{
	static const int dirs[] = { STORE_AFTER, STORE_FROM, STORE_BEFORE };
	struct store_due_key k, wk;
	struct due_window page;
	char *cause = NULL;
	size_t i, j, d, first, last;
	int c;

	for (i = 0; i < all->n; i += 3) {
		k = row_key(&all->rows[i]);
		for (d = 0; d < 3; d++) {
			assert_int_equal(views_window_page(st, rs, today, f,
			    search, &k, dirs[d], 4, &page, &cause), 0);
			/* The wanted rows on the asked side of k. */
			first = nwant;
			last = 0;
			for (j = 0; j < nwant; j++) {
				wk = row_key(want[j]);
				c = views_key_compare(&wk, &k);
				if (dirs[d] == STORE_AFTER ? c > 0 :
				    dirs[d] == STORE_FROM ? c >= 0 : c < 0) {
					if (first == nwant)
						first = j;
					last = j + 1;
				}
			}
			/* The 4 nearest: the first after, the last before. */
			if (first == nwant)
				first = last = 0;
			assert_int_equal(page.n, last - first < 4 ?
			    last - first : 4);
			if (dirs[d] == STORE_BEFORE)
				first = last - page.n;
			for (j = 0; j < page.n; j++)
				same_row(&page.rows[j], want[first + j]);
			due_window_free(&page);
		}
	}
}

struct walk_each {
	const struct due_row	**want;
	size_t			  n;
	size_t			  i;
};

static int
walk_each_row(const struct due_row *row, void *arg)
{
	struct walk_each *w = arg;

	assert_true(w->i < w->n);
	same_row(row, w->want[w->i]);
	w->i++;
	return 0;
}

/* What a window test works on: one filter and search, and the oracle. */
struct walk {
	struct store			*st;
	const struct rules_settings	*rs;
	date_t				 today;
	enum views_filter		 f;
	const char			*search;
	const struct due_row		**want;	/* the old screens' rows */
	size_t				 nwant;
};

/* Page by page, down from the first and up from the last. */
static void
walk_pages(const struct walk *wk, size_t size)
{
	struct due_window w, page;
	char *cause = NULL;
	size_t i, j;

	memset(&w, 0, sizeof w);
	for (;;) {
		assert_int_equal(views_window_page(wk->st, wk->rs, wk->today,
		    wk->f, wk->search, w.n > 0 ? &w.keys[w.n - 1] : NULL,
		    STORE_AFTER, size, &page, &cause), 0);
		assert_true(page.n <= size);
		if (page.n == 0)
			break;
		due_window_join(&w, &page);
	}
	due_window_free(&page);
	assert_int_equal(w.n, wk->nwant);
	for (i = 0; i < w.n; i++) {
		same_row(&w.rows[i], wk->want[i]);
		if (i > 0)
			assert_true(views_key_compare(&w.keys[i - 1],
			    &w.keys[i]) < 0);
	}
	/* From any row: that row and those after. */
	for (i = 0; i < w.n; i += 5) {
		assert_int_equal(views_window_page(wk->st, wk->rs, wk->today,
		    wk->f, wk->search, &w.keys[i], STORE_FROM, size, &page,
		    &cause), 0);
		assert_int_equal(page.n, wk->nwant - i < size ?
		    wk->nwant - i : size);
		for (j = 0; j < page.n; j++)
			same_row(&page.rows[j], wk->want[i + j]);
		due_window_free(&page);
	}
	due_window_free(&w);

	memset(&w, 0, sizeof w);
	for (;;) {
		assert_int_equal(views_window_page(wk->st, wk->rs, wk->today,
		    wk->f, wk->search, w.n > 0 ? &w.keys[0] : NULL,
		    STORE_BEFORE, size, &page, &cause), 0);
		if (page.n == 0)
			break;
		due_window_join(&page, &w);
		w = page;
	}
	assert_int_equal(w.n, wk->nwant);
	for (i = 0; i < w.n; i++)
		same_row(&w.rows[i], wk->want[i]);
	due_window_free(&w);
}

/* Everyone's own row when picked, nothing otherwise; and the stream. */
static void
walk_rows(const struct walk *wk, const struct due_row **all, size_t n)
{
	struct due_window row;
	struct walk_each each;
	char *cause = NULL;
	size_t i, j;

	for (i = 0, j = 0; i < n; i++) {
		assert_int_equal(views_window_row(wk->st, wk->rs, wk->today,
		    wk->f, wk->search, all[i]->person->id, &row,
		    &cause), 0);
		if (j < wk->nwant && wk->want[j] == all[i]) {
			assert_int_equal(row.n, 1);
			same_row(&row.rows[0], wk->want[j]);
			j++;
		} else
			assert_int_equal(row.n, 0);
		due_window_free(&row);
	}
	each.want = wk->want;
	each.n = wk->nwant;
	each.i = 0;
	assert_int_equal(views_window_each(wk->st, wk->rs, wk->today, wk->f,
	    wk->search, walk_each_row, &each, &cause), 0);
	assert_int_equal(each.i, wk->nwant);
}

/*
 * Walking the windowed list page by page, down and up, for every filter
 * and several searches, gives exactly the rows of the whole due list in
 * memory (views_due) through the screens' old filter and search.
 */
static void
test_window_walk(void **state)
{
	struct fixture *fx = *state;
	static const char *const names[] = {
		"Aisha Khan", "ben carter", "Zoë Ñúñez", "李明",
		"Amira Haddad", "Jordan Lee", "GRACE OKOYE", "Nguyễn Thị Hà"
	};
	static const char *const prefs[] = { NULL, "Ash", "Ming", "", "Hà" };
	static const char *const searches[] = {
		"", "a", "AB", "ñú", "#1", "12", "1", "ash", "明", "zzz", "#",
		"zoe", "NUN", "ha", "Zoe\xcc\x88", "thi ha"
	};
	static const size_t sizes[] = { 1, 7, 30 };
	struct rules_settings rs;
	struct due_list all;
	struct due_counts counts;
	struct walk wk;
	struct person *p;
	const struct due_row **order;
	char *cause = NULL, name[64];
	date_t today = D(2026, 11, 27);
	size_t f, k, g, i;
	long id, n;
	int r;

	rules_settings_default(&rs);
	srand(11);
	for (i = 0; i < 260; i++) {
		snprintf(name, sizeof name, "%s %zu", names[i % 8], i % 13);
		id = add(fx->st, name, D(2002, 1, 1) + (date_t)(rand() % 3000),
		    today - (date_t)(rand() % 400));
		for (r = rand() % 3; r > 0; r--)
			contact(fx->st, id, today - (date_t)(rand() % 90),
			    rand() % 4 == 0);
		p = get(fx->st, id);
		p->preferred_name = prefs[rand() % 5];
		if (rand() % 7 == 0)
			p->facts.interval_weeks = 1 + rand() % 6;
		assert_int_equal(store_person_update(fx->st, p, 1, &cause), 0);
		free(p);
		r = rand() % 10;
		if (r < 2)
			assert_int_equal(store_status_change(fx->st, id,
			    STATUS_DOWN, today, NULL, &cause), 0);
		else if (r == 2)
			assert_int_equal(store_status_change(fx->st, id,
			    STATUS_ARCHIVED, today, NULL, &cause), 0);
	}
	assert_int_equal(views_due(fx->st, &rs, today, STORE_EVERYONE, -1,
	    &all, &cause), 0);
	assert_int_equal(all.n, 260);
	/*
	 * The reference reads the same index as the windows: hold it to the
	 * core's order first, so that a wrong kept date cannot pass both.
	 */
	for (i = 1; i < all.n; i++)
		assert_true(rules_due_order(&all.rows[i - 1].contact,
		    all.rows[i - 1].person->facts.status,
		    all.rows[i - 1].person->id, &all.rows[i].contact,
		    all.rows[i].person->facts.status, all.rows[i].person->id) < 0);
	assert_int_equal(views_due_counts(fx->st, &rs, today, &counts,
	    &cause), 0);

	memset(&wk, 0, sizeof wk);
	wk.st = fx->st;
	wk.rs = &rs;
	wk.today = today;
	wk.want = calloc(all.n, sizeof *wk.want);
	/* The caseload list's order, by the rules: most urgent first. */
	order = calloc(all.n, sizeof *order);
	for (i = 0; i < all.n; i++)
		order[i] = &all.rows[i];
	qsort(order, all.n, sizeof *order, urgent_compare);
	for (f = 0; f < VIEWS_FILTER_COUNT; f++) {
		wk.f = (enum views_filter)f;
		for (k = 0; k < sizeof searches / sizeof searches[0]; k++) {
			wk.search = searches[k];
			wk.nwant = 0;
			for (i = 0; i < all.n; i++) {
				if (old_filter(order[i], wk.f) &&
				    old_search(order[i], wk.search))
					wk.want[wk.nwant++] = order[i];
			}
			assert_int_equal(views_window_count(fx->st, &rs, today,
			    wk.f, wk.search, &n, &cause), 0);
			assert_int_equal(n, (long)wk.nwant);
			if (*wk.search == '\0')
				assert_int_equal(views_filter_count(&counts,
				    wk.f), (long)wk.nwant);
			for (g = 0; g < sizeof sizes / sizeof sizes[0]; g++)
				walk_pages(&wk, sizes[g]);
			if (k % 4 == 0)
				check_pages_from(fx->st, &rs, today, wk.f,
				    wk.search, &all, wk.want, wk.nwant);
			walk_rows(&wk, order, all.n);
		}
	}
	free(order);
	free(wk.want);
	due_list_free(&all);
}

/* One text value of a query on the file, through a second connection. */
static char *
raw_text(const char *path, const char *sql)
{
	sqlite3_stmt *stmt;
	sqlite3 *db;
	char *out = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_text(stmt, 0) != NULL)
		out = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	assert_non_null(out);
	return out;
}

/*
 * Two copies of caseload open with different settings: a write by either
 * first works every kept date out with its own interval, in the write's
 * transaction, and each copy's check then agrees with the file.
 */
static void
test_interval_of_another_copy(void **state)
{
	struct fixture *fx = *state;
	struct rules_settings rs;
	struct store *other;
	char *cause = NULL, *v;
	long id;

	rules_settings_default(&rs);
	assert_int_equal(store_set_rules(fx->st, &rs, &cause), 0);
	id = add(fx->st, "Aisha Khan", D(2007, 3, 14), D(2026, 9, 1));
	contact(fx->st, id, D(2026, 10, 20), 0);
	assert_int_equal(store_open(fx->path, &other, &cause), 0);
	rs.interval_weeks = 4;
	assert_int_equal(store_set_rules(other, &rs, &cause), 0);
	v = raw_text(fx->path, "SELECT next_due FROM people WHERE id = 1");
	assert_string_equal(v, "2026-12-15");	/* nothing written yet */
	free(v);
	assert_int_equal(store_apply_rules(other, &cause), 0);
	v = raw_text(fx->path, "SELECT next_due FROM people WHERE id = 1");
	assert_string_equal(v, "2026-11-17");	/* 4 weeks */
	free(v);
	assert_int_equal(store_check(fx->st, NULL, NULL, &cause), 0);
	assert_int_equal(store_check(other, NULL, NULL, &cause), 0);

	/* A write by the first copy (8 weeks) brings them back. */
	assert_int_equal(raw_sql(fx->path, "UPDATE people SET updated_at ="
	    " '2000-01-01T00:00:00Z'"), SQLITE_OK);
	contact(fx->st, id, D(2026, 10, 21), 0);
	v = raw_text(fx->path, "SELECT next_due FROM people WHERE id = 1");
	assert_string_equal(v, "2026-12-16");	/* 8 weeks */
	free(v);
	assert_int_equal(store_check(fx->st, NULL, NULL, &cause), 0);
	assert_int_equal(store_check(other, NULL, NULL, &cause), 0);
	/* The row's summary changed, and so did when it last changed. */
	v = raw_text(fx->path, "SELECT updated_at FROM people WHERE id = 1");
	assert_string_not_equal(v, "2000-01-01T00:00:00Z");
	free(v);
	store_close(other);
}

/* Someone with the same name (any case) and date of birth is found. */
static void
test_person_duplicate(void **state)
{
	struct fixture *fx = *state;
	struct person p;
	char *cause = NULL;
	long a, found, last;

	assert_int_equal(store_people_last_id(fx->st, &last, &cause), 0);
	assert_int_equal(last, 0);
	add(fx->st, "Aisha Khan", D(2008, 3, 14), D(2026, 1, 1));
	a = add(fx->st, "Zoë Ñúñez", D(2007, 5, 1), D(2026, 1, 1));
	add(fx->st, "Zoë Ñúñez", D(2007, 5, 2), D(2026, 1, 1));
	assert_int_equal(store_people_last_id(fx->st, &last, &cause), 0);
	assert_int_equal(last, a + 1);
	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = "ZOË ÑÚÑEZ";
	p.facts.dob = D(2007, 5, 1);
	assert_int_equal(store_person_duplicate(fx->st, &p, &found, &cause), 0);
	assert_int_equal(found, a);
	p.facts.dob = D(2007, 5, 3);
	assert_int_equal(store_person_duplicate(fx->st, &p, &found, &cause), 0);
	assert_int_equal(found, 0);
	p.name = "Zoë";
	p.facts.dob = D(2007, 5, 1);
	assert_int_equal(store_person_duplicate(fx->st, &p, &found, &cause), 0);
	assert_int_equal(found, 0);
	/* Accents and the form they were typed in do not matter. */
	p.name = "zoe nunez";
	assert_int_equal(store_person_duplicate(fx->st, &p, &found, &cause), 0);
	assert_int_equal(found, a);
	p.name = "Zoe\xcc\x88 N\xcc\x83" "u\xcc\x81" "n\xcc\x83" "ez";
	assert_int_equal(store_person_duplicate(fx->st, &p, &found, &cause), 0);
	assert_int_equal(found, a);
}

/* Count the young people visited, and keep the last number. */
static int
count_named(const struct person *p, void *arg)
{
	long *seen = arg;

	seen[0]++;
	seen[1] = p->id;
	return 0;
}

/* Finding by a part of a name, as REF does: by the folds, by status. */
static void
test_people_named(void **state)
{
	struct fixture *fx = *state;
	char *cause = NULL;
	long seen[2], zoe, ha;

	zoe = add(fx->st, "Zoe\xcc\x88 \xc3\x91\xc3\xba\xc3\xb1" "ez",
	    D(2007, 5, 1), D(2026, 1, 1));
	ha = add(fx->st, "Nguyễn Thị Hà", D(2005, 7, 15), D(2026, 1, 1));
	add(fx->st, "Harry Hart", D(2007, 1, 9), D(2026, 1, 1));
	memset(seen, 0, sizeof seen);
	assert_int_equal(store_people_named(fx->st, STORE_EVERYONE, "ZOË",
	    count_named, seen, &cause), 0);
	assert_int_equal(seen[0], 1);
	assert_int_equal(seen[1], zoe);
	memset(seen, 0, sizeof seen);
	assert_int_equal(store_people_named(fx->st, STORE_EVERYONE, "thi ha",
	    count_named, seen, &cause), 0);
	assert_int_equal(seen[0], 1);
	assert_int_equal(seen[1], ha);
	memset(seen, 0, sizeof seen);
	assert_int_equal(store_people_named(fx->st, STORE_EVERYONE, "ha",
	    count_named, seen, &cause), 0);
	assert_int_equal(seen[0], 2);
	memset(seen, 0, sizeof seen);
	assert_int_equal(store_people_named(fx->st, STORE_ARCHIVED, "ha",
	    count_named, seen, &cause), 0);
	assert_int_equal(seen[0], 0);
	memset(seen, 0, sizeof seen);
	assert_int_equal(store_people_named(fx->st, STORE_EVERYONE,
	    "\xff\xfe", count_named, seen, &cause), 0);
	assert_int_equal(seen[0], 0);
}

/* Keep the numbers visited, in order, up to eight. */
struct seen_ids {
	long	ids[8];
	int	n;
};

static int
keep_id(const struct person *p, void *arg)
{
	struct seen_ids *seen = arg;

	if (seen->n < 8)
		seen->ids[seen->n] = p->id;
	seen->n++;
	return 0;
}

/*
 * Completing a REF: a number's start, or a part of a name as
 * store_people_named finds it; archived people last; at most limit.
 */
static void
test_people_complete(void **state)
{
	struct fixture *fx = *state;
	struct seen_ids seen;
	char *cause = NULL;
	long ha, id;
	int i;

	add(fx->st, "Jo Bloggs", D(2005, 3, 1), D(2026, 1, 1));
	ha = add(fx->st, "Nguyễn Thị Hà", D(2005, 7, 15), D(2026, 1, 1));
	for (i = 3; i <= 12; i++)
		id = add(fx->st, "Sam Taylor", D(2006, 1, 9), D(2026, 1, 1));
	assert_int_equal(id, 12);
	assert_int_equal(store_status_change(fx->st, 10, STATUS_ARCHIVED,
	    D(2026, 2, 1), NULL, &cause), 0);

	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_people_complete(fx->st, "ng", 50, keep_id,
	    &seen, &cause), 0);
	assert_int_equal(seen.n, 1);
	assert_int_equal(seen.ids[0], ha);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_people_complete(fx->st, "NGUYEN", 50, keep_id,
	    &seen, &cause), 0);
	assert_int_equal(seen.n, 1);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_people_complete(fx->st, "1", 50, keep_id,
	    &seen, &cause), 0);
	assert_int_equal(seen.n, 4);
	assert_int_equal(seen.ids[0], 1);
	assert_int_equal(seen.ids[1], 11);
	assert_int_equal(seen.ids[2], 12);
	assert_int_equal(seen.ids[3], 10);	/* archived: last */
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_people_complete(fx->st, "1", 2, keep_id,
	    &seen, &cause), 0);
	assert_int_equal(seen.n, 2);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_people_complete(fx->st, "", 5, keep_id,
	    &seen, &cause), 0);
	assert_int_equal(seen.n, 5);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_people_complete(fx->st, "taylor", 3, keep_id,
	    &seen, &cause), 0);
	assert_int_equal(seen.n, 3);
	assert_int_equal(seen.ids[0], 3);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_people_complete(fx->st, "zzz", 50, keep_id,
	    &seen, &cause), 0);
	assert_int_equal(seen.n, 0);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(store_people_complete(fx->st, "13", 50, keep_id,
	    &seen, &cause), 0);
	assert_int_equal(seen.n, 0);
}

/* What store_check reported, joined, for the schema tests. */
static void
gather_problem(const char *problem, void *arg)
{
	char **all = arg;
	char *more;

	more = xasprintf("%s%s\n", *all != NULL ? *all : "", problem);
	free(*all);
	*all = more;
}

/*
 * A schema changed around caseload is refused on open, with what differs
 * named, and listed by store_check on the file taken as it is; the file
 * is left as it was.  SQLite's own statistics tables are not a change.
 */
static void
test_schema_tampering(void **state)
{
	static const struct {
		const char	*sql;
		const char	*problem;
	} cases[] = {
		{ "CREATE TRIGGER leak AFTER INSERT ON contacts BEGIN"
		  " UPDATE people SET address = NEW.note; END",
		  "the schema has an extra trigger leak" },
		{ "DROP TRIGGER people_kept",
		  "the schema lacks the trigger people_kept" },
		{ "CREATE INDEX people_name ON people (name)",
		  "the schema has an extra index people_name" },
		{ "CREATE VIEW everyone AS SELECT name, address FROM people",
		  "the schema has an extra view everyone" },
		{ "CREATE TABLE jottings (x TEXT)",
		  "the schema has an extra table jottings" },
		{ "ALTER TABLE people ADD COLUMN secret TEXT",
		  "the schema has a changed definition of the table people" },
		{ "DROP INDEX people_status",
		  "the schema lacks the index people_status" },
	};
	struct fixture *fx = *state;
	struct store *st = NULL;
	char *cause = NULL, *all = NULL, copy[200], cmd[480];
	size_t i;

	add(fx->st, "Aisha Khan", D(2007, 3, 14), D(2026, 9, 1));
	store_close(fx->st);
	fx->st = NULL;

	/* As caseload made it: opened, and nothing to report. */
	assert_int_equal(store_open_flags(fx->path, STORE_READ_ONLY |
	    STORE_AS_IS, &st, &cause), 0);
	assert_int_equal(store_check(st, gather_problem, &all, &cause), 0);
	store_close(st);
	/* ANALYZE's statistics change no data: not a difference. */
	assert_int_equal(raw_sql(fx->path, "ANALYZE"), SQLITE_OK);
	assert_int_equal(store_open(fx->path, &st, &cause), 0);
	store_close(st);

	snprintf(copy, sizeof copy, "%s/copy.db", fx->dir);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(cmd, sizeof cmd, "cp '%s' '%s'", fx->path, copy);
		assert_int_equal(system(cmd), 0);
		assert_int_equal(raw_sql(copy, cases[i].sql), SQLITE_OK);

		assert_int_equal(store_open(copy, &st, &cause), -1);
		assert_null(st);
		assert_non_null(strstr(cause, "is not as caseload made it"));
		assert_non_null(strstr(cause, cases[i].problem));
		free(cause);
		cause = NULL;
		assert_int_equal(store_open_flags(copy, STORE_READ_ONLY, &st,
		    &cause), -1);
		free(cause);
		cause = NULL;

		assert_int_equal(store_open_flags(copy, STORE_READ_ONLY |
		    STORE_AS_IS, &st, &cause), 0);
		assert_true(store_check(st, gather_problem, &all, &cause) >= 1);
		assert_non_null(strstr(all, cases[i].problem));
		free(all);
		all = NULL;
		store_close(st);
		st = NULL;
		unlink(copy);
	}
	/* The fixture's teardown closes a store: give it one. */
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
}

/*
 * A store opened to read never writes: a database of an older schema or
 * with kept dates of another interval is brought up to date in memory,
 * and the file's bytes stay as they were.
 */
static void
test_read_only_store(void **state)
{
	struct fixture *fx = *state;
	struct rules_settings rs;
	struct store *st = NULL;
	char *cause = NULL, *v, cmd[480], copy[200];
	long id;

	id = add(fx->st, "Aisha Khan", D(2007, 3, 14), D(2026, 9, 1));
	contact(fx->st, id, D(2026, 10, 20), 0);
	store_close(fx->st);
	fx->st = NULL;
	snprintf(copy, sizeof copy, "%s/before.db", fx->dir);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", fx->path, copy);
	assert_int_equal(system(cmd), 0);

	assert_int_equal(store_open_flags(fx->path, STORE_READ_ONLY, &st,
	    &cause), 0);
	assert_true(store_read_only(st));
	rules_settings_default(&rs);
	rs.interval_weeks = 4;
	assert_int_equal(store_set_rules(st, &rs, &cause), 0);
	/* Its answers follow the settings: 4 weeks after 20/10/2026... */
	{
		struct due_row row;

		assert_int_equal(views_due_get(st, &rs, D(2026, 11, 27), id,
		    &row, &cause), 0);
		assert_int_equal(row.contact.due, D(2026, 11, 17));
		free(row.person);
		assert_int_equal(store_check(st, NULL, NULL, &cause), 0);
	}
	/* ... and a write is refused, not made. */
	assert_int_equal(store_status_change(st, id, STATUS_DOWN,
	    D(2026, 11, 1), NULL, &cause), -1);
	free(cause);
	cause = NULL;
	store_close(st);
	snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", fx->path, copy);
	assert_int_equal(system(cmd), 0);
	v = raw_text(fx->path, "SELECT next_due FROM people WHERE id = 1");
	assert_string_equal(v, "2026-12-15");	/* still 8 weeks */
	free(v);

	/* No file: an empty caseload, and still no file. */
	snprintf(copy, sizeof copy, "%s/none.db", fx->dir);
	assert_int_equal(store_open_flags(copy, STORE_READ_ONLY, &st,
	    &cause), 0);
	store_close(st);
	assert_int_equal(access(copy, F_OK), -1);
	assert_int_equal(store_open(fx->path, &fx->st, &cause), 0);
}

/*
 * Files edited by hand.  A caseload file can be changed with the sqlite3
 * program: a schema loosened (no NOT NULL, no STRICT) and values of any
 * kind put where caseload writes names, dates and numbers.  Whatever a
 * file holds, reading it must not crash, and what is read must be
 * something every list and page can use: a name that is a string, a
 * date or DATE_NONE, an interval of 0 to 52 weeks.
 */

/*
 * Open a tampered file.  The store refuses a schema other than its own
 * on every open (test_schema_tampering); taken as it is, read-only, as
 * check takes it, the readers behind that refusal are reached.
 */
static struct store *
tampered_open(const char *path)
{
	struct store *st = NULL;
	char *cause = NULL;

	if (store_open(path, &st, &cause) == 0)
		fail_msg("a tampered file was opened as caseload's own");
	free(cause);
	cause = NULL;
	if (store_open_flags(path, STORE_READ_ONLY | STORE_AS_IS, &st,
	    &cause) != 0)
		fail_msg("opening a tampered file as it is: %s", cause);
	return st;
}

/*
 * Drop NOT NULL, STRICT and the type TEXT from every table of the file at
 * path, so that its columns keep whatever is put in them.
 */
static void
tamper_loosen(const char *path)
{
	assert_int_equal(raw_sql(path, "PRAGMA writable_schema = ON;"
	    "UPDATE sqlite_schema SET sql = replace(replace(replace(sql,"
	    " ' NOT NULL', ''), ') STRICT', ')'), ' TEXT', '')"
	    " WHERE type = 'table';"), SQLITE_OK);
}

/* Put values of the wrong kind, or none, where caseload writes values. */
static void
tamper_values(const char *path)
{
	assert_int_equal(raw_sql(path, "PRAGMA ignore_check_constraints = ON;"
	    "UPDATE people SET name = NULL, uuid = NULL,"
	    "  preferred_name = X'1b5b324a00ff', dob = NULL, phone = 7,"
	    "  email = X'00', interval_weeks = 'often' WHERE id = 1;"
	    "UPDATE people SET name = 42, dob = 'yesterday',"
	    "  allocated_on = 20260101, status_since = NULL,"
	    "  interval_weeks = 99999999999, last_letter = X'00' WHERE id = 2;"
	    "UPDATE people SET name = X'414243', dob = '2007-02-31',"
	    "  status = 'gone', interval_weeks = -3 WHERE id = 3;"
	    "UPDATE people SET name = '', dob = 2.5, allocated_on = NULL,"
	    "  status = NULL, last_contact = 'soon' WHERE id = 4;"
	    "INSERT INTO status_changes (person_id, status, on_date, reason,"
	    "  recorded_at) VALUES (1, NULL, 44, X'ff', NULL),"
	    "  (2, 'sideways', NULL, 12, 3);"
	    "INSERT INTO contacts (person_id, on_date, method, started_by,"
	    "  attempted, note, recorded_at, struck_on, struck_reason)"
	    "  VALUES (1, NULL, 7, NULL, 'yes', X'00ff', NULL, 'soon', 3),"
	    "  (2, 20261101, 'pigeon', 'nobody', 9, 1.5, NULL, NULL, X'00'),"
	    "  (NULL, '2026-11-01', 'visit', 'worker', 0, NULL, NULL, NULL,"
	    "  NULL);"
	    "INSERT INTO letters (person_id, sent_on, recorded_at)"
	    "  VALUES (2, NULL, NULL), (2, 'x', 5);"
	    "INSERT INTO reviews (person_id, on_date, recorded_at)"
	    "  VALUES (1, 5, NULL);"), SQLITE_OK);
}

/* What the lists and pages do with a young person read from a file. */
static int
tampered_use_person(const struct person *p, void *arg)
{
	struct rules_settings rs;
	struct agenda_item items[RULES_AGENDA_MAX];
	date_t today = D(2026, 11, 27);
	char initials[32];
	int *seen = arg;

	rules_settings_default(&rs);
	assert_non_null(p->name);
	assert_true(strlen(p->name) < 1000);
	assert_true(text_width(p->name) >= 0);
	assert_non_null(person_display_name(p));
	assert_true(strlen(person_display_name(p)) < 1000);
	person_initials(p->name, initials, sizeof initials);
	(void)text_casecmp(p->name, "Aisha");
	(void)text_contains(p->name, "a");
	assert_true(strlen(p->uuid) <= 36);
	assert_in_range(p->facts.interval_weeks, 0, 52);
	assert_in_range(p->facts.status, STATUS_UP, STATUS_ARCHIVED);
	(void)rules_stage_label(rules_stage(p->facts.dob, today));
	(void)date_age(p->facts.dob, today);
	(void)rules_contact_due(&p->facts, &rs, today);
	(void)rules_letter_due(&p->facts, &rs, today);
	(void)rules_review_due(&p->facts, &rs, today);
	assert_true(rules_agenda(&p->facts, &rs, today, today + 3650, items) <=
	    RULES_AGENDA_MAX);
	if (seen != NULL)
		(*seen)++;
	return 0;
}

static int
tampered_use_row(const struct due_row *row, void *arg)
{
	return tampered_use_person(row->person, arg);
}

static int
tampered_use_contact(const struct contact *c, void *arg)
{
	(void)arg;
	assert_in_range(c->method, METHOD_VISIT, METHOD_OTHER);
	assert_in_range(c->by, BY_WORKER, BY_YOUNG_PERSON);
	assert_in_range(c->attempted, 0, 1);
	if (c->note != NULL)
		assert_true(strlen(c->note) < 100000);
	if (c->struck_reason != NULL)
		assert_true(strlen(c->struck_reason) < 100000);
	return 0;
}

static int
tampered_use_status(const struct status_change *s, void *arg)
{
	(void)arg;
	assert_in_range(s->status, STATUS_UP, STATUS_ARCHIVED);
	(void)person_status_label(s->status);
	if (s->reason != NULL)
		assert_true(strlen(s->reason) < 100000);
	return 0;
}

static int
tampered_use_date(long id, date_t on, void *arg)
{
	(void)id;
	(void)arg;
	(void)date_age(D(2007, 3, 14), on);
	return 0;
}

static int
tampered_use_dated(const struct entry *e, void *arg)
{
	(void)arg;
	(void)date_age(D(2007, 3, 14), e->on);
	(void)date_age(D(2007, 3, 14), e->struck_on);
	if (e->struck_reason != NULL)
		(void)strlen(e->struck_reason);
	return 0;
}

static int
tampered_use_entry(const struct agenda_entry *e, void *arg)
{
	(void)arg;
	assert_non_null(e->name);
	assert_non_null(e->display_name);
	assert_true(strlen(e->name) < 1000);
	return 0;
}

/* A caseload of four with some history, then its values tampered with. */
static void
tampered_caseload(struct fixture *fx)
{
	char *cause = NULL;
	long id;

	id = add(fx->st, "Aisha Khan", D(2007, 3, 14), D(2026, 1, 1));
	contact(fx->st, id, D(2026, 9, 2), 0);
	assert_int_equal(store_review_add(fx->st, id, D(2026, 6, 1), &cause), 0);
	id = add(fx->st, "Bob Jones", D(2006, 3, 14), D(2025, 1, 1));
	assert_int_equal(store_status_change(fx->st, id, STATUS_DOWN,
	    D(2025, 6, 1), NULL, &cause), 0);
	assert_int_equal(store_letter_add(fx->st, id, D(2026, 6, 1), &cause), 0);
	add(fx->st, "Cara Lee", D(2005, 5, 5), D(2026, 2, 2));
	add(fx->st, "Dan Roe", D(2008, 8, 8), D(2026, 3, 3));
	store_close(fx->st);
	fx->st = NULL;
	tamper_loosen(fx->path);
	tamper_values(fx->path);
	fx->st = tampered_open(fx->path);
}

/* Each young person alone, as show and the person page read them. */
static void
tampered_each_person(struct fixture *fx, const struct rules_settings *rs,
    date_t today)
{
	struct due_row row;
	struct person *p;
	char *cause = NULL;
	long id;

	for (id = 1; id <= 4; id++) {
		p = get(fx->st, id);
		tampered_use_person(p, NULL);
		/* NULL, a number, a blob or "": no name, never NULL. */
		assert_string_equal(p->name, "");
		assert_int_equal(p->facts.dob, DATE_NONE);
		free(p);
		assert_int_equal(store_contacts_each(fx->st, id,
		    tampered_use_contact, NULL, &cause), 0);
		assert_int_equal(store_status_each(fx->st, id,
		    tampered_use_status, NULL, &cause), 0);
		assert_int_equal(store_letters_each(fx->st, id,
		    tampered_use_dated, NULL, &cause), 0);
		assert_int_equal(store_reviews_each(fx->st, id,
		    tampered_use_dated, NULL, &cause), 0);
		assert_int_equal(views_due_get(fx->st, rs, today, id, &row,
		    &cause), 0);
		tampered_use_row(&row, NULL);
		free(row.person);
	}
	p = get(fx->st, 1);
	assert_string_equal(p->uuid, "");
	assert_null(p->preferred_name);	/* a blob is not a name */
	assert_null(p->phone);		/* nor a number */
	assert_null(p->email);
	assert_int_equal(p->facts.interval_weeks, 0);	/* the default */
	free(p);
	p = get(fx->st, 2);
	assert_int_equal(p->facts.allocated_on, DATE_NONE);
	assert_int_equal(p->facts.status_since, DATE_NONE);
	assert_int_equal(p->facts.last_letter, DATE_NONE);
	assert_int_equal(p->facts.interval_weeks, 0);
	free(p);
	p = get(fx->st, 3);
	assert_int_equal(p->facts.status, STATUS_UP);	/* 'gone' */
	assert_int_equal(p->facts.interval_weeks, 0);
	free(p);
}

/* Everyone, as the lists read them. */
static void
tampered_lists(struct fixture *fx, const struct rules_settings *rs,
    date_t today)
{
	struct due_list due;
	struct agenda_list agenda;
	struct letter_list letters;
	struct due_counts counts;
	char *cause = NULL;
	int seen = 0;
	size_t i;

	assert_int_equal(store_people_each(fx->st, STORE_EVERYONE,
	    tampered_use_person, &seen, &cause), 0);
	assert_true(seen >= 2);
	assert_int_equal(store_people_due_each(fx->st, STORE_EVERYONE,
	    DATE_NONE, tampered_use_person, NULL, &cause), 0);
	assert_int_equal(views_due(fx->st, rs, today, STORE_EVERYONE, -1,
	    &due, &cause), 0);
	for (i = 0; i < due.n; i++)
		tampered_use_row(&due.rows[i], NULL);
	due_list_free(&due);
	assert_int_equal(views_due(fx->st, rs, today, STORE_UP, 14, &due,
	    &cause), 0);
	due_list_free(&due);
	assert_int_equal(views_due_counts(fx->st, rs, today, &counts,
	    &cause), 0);
	assert_int_equal(views_agenda(fx->st, rs, today, today + 3650,
	    &agenda, &cause), 0);
	for (i = 0; i < agenda.n; i++)
		tampered_use_entry(&agenda.entries[i], NULL);
	agenda_list_free(&agenda);
	assert_int_equal(views_agenda_each(fx->st, rs, today, today + 3650,
	    tampered_use_entry, NULL, &cause), 0);
	assert_int_equal(views_letters(fx->st, rs, today, -1, &letters,
	    &cause), 0);
	for (i = 0; i < letters.n; i++)
		tampered_use_person(letters.rows[i].person, NULL);
	letter_list_free(&letters);
}

/* The screens' list, a window at a time, with and without a search. */
static void
tampered_windows(struct fixture *fx, const struct rules_settings *rs,
    date_t today)
{
	static const char *const searches[] = { NULL, "a", "42", "#1" };
	struct due_window w;
	char *cause = NULL;
	size_t k, i;
	long n;
	int f;

	for (f = 0; f < VIEWS_FILTER_COUNT; f++) {
		for (k = 0; k < sizeof searches / sizeof searches[0]; k++) {
			assert_int_equal(views_window_count(fx->st, rs, today,
			    (enum views_filter)f, searches[k], &n, &cause), 0);
			assert_int_equal(views_window_page(fx->st, rs, today,
			    (enum views_filter)f, searches[k], NULL,
			    STORE_AFTER, 10, &w, &cause), 0);
			for (i = 0; i < w.n; i++)
				tampered_use_row(&w.rows[i], NULL);
			due_window_free(&w);
			assert_int_equal(views_window_page(fx->st, rs, today,
			    (enum views_filter)f, searches[k], NULL,
			    STORE_BEFORE, 10, &w, &cause), 0);
			due_window_free(&w);
			assert_int_equal(views_window_row(fx->st, rs, today,
			    (enum views_filter)f, searches[k], 1, &w, &cause),
			    0);
			due_window_free(&w);
			assert_int_equal(views_window_each(fx->st, rs, today,
			    (enum views_filter)f, searches[k],
			    tampered_use_row, NULL, &cause), 0);
		}
	}
}

static void
test_tampered_values(void **state)
{
	struct fixture *fx = *state;
	struct rules_settings rs;
	char *cause = NULL;
	date_t today = D(2026, 11, 27);

	rules_settings_default(&rs);
	tampered_caseload(fx);
	tampered_each_person(fx, &rs, today);
	tampered_lists(fx, &rs, today);
	tampered_windows(fx, &rs, today);

	/* The whole log, as the figures for supervision read it. */
	assert_int_equal(store_contacts_since(fx->st, DATE_NONE,
	    tampered_use_contact, NULL, &cause), 0);
	assert_int_equal(store_letters_since(fx->st, DATE_NONE,
	    tampered_use_date, NULL, &cause), 0);

	/* The check finds what is wrong, and says so. */
	assert_true(store_check(fx->st, NULL, NULL, &cause) > 0);
}

/* A young person written as an import writes them: a contact, a step down. */
static int
person_new(struct store *st, const char *name, char **cause)
{
	struct person p;

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = name;
	p.facts.dob = D(2007, 3, 14);
	p.facts.allocated_on = D(2025, 2, 1);
	return store_person_new(st, &p, D(2026, 10, 1), D(2026, 11, 1),
	    "imported", cause);
}

/*
 * A batch of new young people sets the indexes of people, their history
 * and contacts aside and builds them again before the commit, as the
 * file defined them; a rollback puts them back too.
 */
static void
test_people_batch(void **state)
{
	struct fixture *fx = *state;
	static const char indexes[] = "SELECT count(*) FROM sqlite_schema"
	    " WHERE type = 'index' AND tbl_name IN ('people',"
	    " 'status_changes', 'contacts')";
	char *cause = NULL;
	long last;
	int n;

	add(fx->st, "Aisha Khan", D(2007, 3, 14), D(2025, 2, 1));
	n = raw_count(fx->path, indexes);
	assert_int_equal(n, 9);		/* eight and the uuid's uniqueness */

	/* Outside a transaction, refused. */
	assert_int_equal(store_people_batch_begin(fx->st, &cause), -1);
	assert_non_null(strstr(cause, "outside a transaction"));
	free(cause);
	cause = NULL;

	assert_int_equal(store_begin(fx->st, &cause), 0);
	assert_int_equal(store_people_batch_begin(fx->st, &cause), 0);
	assert_int_equal(person_new(fx->st, "Ben Carter", &cause), 0);
	assert_int_equal(person_new(fx->st, "Cara Lee", &cause), 0);
	assert_int_equal(store_people_batch_end(fx->st, &cause), 0);
	assert_int_equal(store_commit(fx->st, &cause), 0);
	assert_int_equal(raw_count(fx->path, indexes), 9);
	assert_int_equal(store_check(fx->st, NULL, NULL, &cause), 0);
	assert_int_equal(store_people_last_id(fx->st, &last, &cause), 0);
	assert_int_equal(last, 3);

	/* A batch undone leaves the indexes and the people as they were. */
	assert_int_equal(store_begin(fx->st, &cause), 0);
	assert_int_equal(store_people_batch_begin(fx->st, &cause), 0);
	assert_int_equal(person_new(fx->st, "Dan Hughes", &cause), 0);
	store_rollback(fx->st);
	assert_int_equal(raw_count(fx->path, indexes), 9);
	assert_int_equal(store_check(fx->st, NULL, NULL, &cause), 0);
	assert_int_equal(store_people_last_id(fx->st, &last, &cause), 0);
	assert_int_equal(last, 3);

	/* And another batch can begin afterwards. */
	assert_int_equal(store_begin(fx->st, &cause), 0);
	assert_int_equal(store_people_batch_begin(fx->st, &cause), 0);
	assert_int_equal(store_people_batch_end(fx->st, &cause), 0);
	assert_int_equal(store_commit(fx->st, &cause), 0);
	assert_int_equal(raw_count(fx->path, indexes), 9);
}

/* Add a birthday return for young person id's birthday of age. */
static void
add_return(struct store *st, long id, int age, date_t on)
{
	struct returns_record rec;
	char *cause = NULL;

	memset(&rec, 0, sizeof rec);
	rec.person_id = id;
	rec.age = age;
	rec.touch = TOUCH_YES;
	rec.activity = ACTIVITY_NONE;
	rec.on = on;
	if (store_return_add(st, &rec, &cause) != 0)
		fail_msg("return: %s", cause);
}

static int
count_return(const struct returns_record *rec, void *arg)
{
	int *n = arg;

	(void)rec;
	++*n;
	return 1;
}

/* A young person's numbered rows, by number and struck out. */
static void
test_numbered(void **state)
{
	struct fixture *fx = *state;
	struct store_numbered found;
	struct returns_record *rec;
	char *cause = NULL;
	long id, other;
	int n = 0;

	other = add(fx->st, "Bo Chen", D(2006, 1, 1), D(2026, 9, 1));
	id = add(fx->st, "Aisha Khan", D(2007, 3, 14), D(2026, 9, 1));
	add_return(fx->st, other, 20, D(2026, 1, 2));
	add_return(fx->st, id, 18, D(2025, 3, 20));
	add_return(fx->st, id, 19, D(2026, 3, 20));

	/* Their B2 is theirs, the third in the database. */
	assert_int_equal(store_numbered(fx->st, STORE_KIND_RETURN, id, 2,
	    &found, &cause), 0);
	rec = found.row;
	assert_int_equal(rec->person_id, id);
	assert_int_equal(rec->number, 2);
	assert_int_equal(rec->age, 19);
	assert_int_equal(found.id, rec->id);
	assert_int_equal(found.struck_on, DATE_NONE);
	free(rec);
	/* Numbers they do not have. */
	assert_int_equal(store_numbered(fx->st, STORE_KIND_RETURN, id, 0,
	    &found, &cause), 1);
	assert_null(found.row);
	assert_int_equal(store_numbered(fx->st, STORE_KIND_RETURN, id, 3,
	    &found, &cause), 1);
	assert_null(found.row);
	assert_int_equal(store_numbered(fx->st, STORE_KIND_NOTE, id, 1,
	    &found, &cause), 1);
	assert_null(found.row);

	/* Struck out once, kept with its reason; not twice. */
	assert_int_equal(store_numbered(fx->st, STORE_KIND_RETURN, id, 1,
	    &found, &cause), 0);
	free(found.row);
	assert_int_equal(store_strike(fx->st, STORE_KIND_RETURN, id, found.id,
	    D(2026, 11, 27), "typed twice", &cause), 0);
	assert_int_equal(store_strike(fx->st, STORE_KIND_RETURN, id, found.id,
	    D(2026, 11, 27), NULL, &cause), -1);
	assert_string_equal(cause, "it has been struck out, or is not there");
	free(cause);
	cause = NULL;
	assert_int_equal(store_numbered(fx->st, STORE_KIND_RETURN, id, 1,
	    &found, &cause), 0);
	rec = found.row;
	assert_int_equal(found.struck_on, D(2026, 11, 27));
	assert_string_equal(rec->struck_reason, "typed twice");
	free(rec);
	/* Agreed actions are closed, never struck out. */
	assert_int_equal(store_strike(fx->st, STORE_KIND_ACTION, id, 1,
	    D(2026, 11, 27), NULL, &cause), -1);
	assert_non_null(cause);
	free(cause);

	/* Each gives them in turn, and stops when told to. */
	assert_int_equal(store_returns_each(fx->st, id, count_return, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_modes_and_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_people_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_get_update, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uuids_differ, setup, teardown),
		cmocka_unit_test_setup_teardown(test_contact_summary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_status_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_is_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transactions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_summary_agrees_with_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_finds_disagreement, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reopen_and_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_letter_sent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_views_due, setup, teardown),
		cmocka_unit_test_setup_teardown(test_views_agenda, setup, teardown),
		cmocka_unit_test_setup_teardown(test_index_agrees_with_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window_walk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_people_named, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_person_duplicate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_people_complete, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_interval_of_another_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_tampering, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tampered_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbered, setup, teardown),
	};

	/* Names are compared ignoring case in any script, as caseload does. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_GB.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
