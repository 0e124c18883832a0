/* SPDX-License-Identifier: MIT */
/*
 * test-calendar.c: the calendar export, read back with libical.
 *
 * Each test builds a caseload in a fresh database with the store's own
 * functions, exports its agenda as caseload export does, parses the text
 * back with libical and checks what a calendar program will see.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libical/ical.h>

#include "calendar.h"
#include "outfile.h"
#include "store.h"
#include "text.h"
#include "views.h"
#include "xmalloc.h"

/* Today in every test: Friday 27 November 2026. */
#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 27

struct fixture {
	char			 dir[64];
	char			*path;
	struct store		*st;
	struct rules_settings	 rules;
	struct calendar_options	 opts;
	date_t			 today;
};

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	char *cause = NULL;
	const char *tmp = getenv("TMPDIR");

	snprintf(fx->dir, sizeof fx->dir, "%s/calendar-XXXXXX",
	    tmp != NULL && *tmp != '\0' && strlen(tmp) < 40 ? tmp : "/tmp");
	assert_non_null(mkdtemp(fx->dir));
	fx->path = xasprintf("%s/caseload.db", fx->dir);
	if (store_open(fx->path, &fx->st, &cause) != 0)
		fail_msg("store_open: %s", cause);
	rules_settings_default(&fx->rules);
	fx->today = date_from_ymd(TODAY_Y, TODAY_M, TODAY_D);
	memset(&fx->opts, 0, sizeof fx->opts);
	fx->opts.privacy = PRIVACY_INITIALS;
	fx->opts.contacts_as = CONTACTS_AS_EVENT;
	fx->opts.alarm_days_before = 1;
	fx->opts.alarm_time = 9 * 60;
	fx->opts.today = fx->today;
	fx->opts.date_format = "%d/%m/%Y";
	fx->opts.stamp = 1795000000;	/* a fixed moment in 2026 */
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	char *p;

	store_close(fx->st);
	unlink(fx->path);
	p = xasprintf("%s-wal", fx->path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", fx->path);
	unlink(p);
	free(p);
	rmdir(fx->dir);
	free(fx->path);
	free(fx);
	calendar_cleanup();
	return 0;
}

static date_t
ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* Add a young person; returns their number. */
static long
add_person(struct fixture *fx, const char *name, const char *preferred,
    date_t dob, date_t allocated)
{
	struct person p;
	char *cause = NULL;

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = name;
	p.preferred_name = preferred;
	p.facts.dob = dob;
	p.facts.allocated_on = allocated;
	if (store_person_add(fx->st, &p, &cause) != 0)
		fail_msg("store_person_add: %s", cause);
	return p.id;
}

static void
add_contact(struct fixture *fx, long id, date_t on, const char *note)
{
	struct contact c;
	char *cause = NULL;

	memset(&c, 0, sizeof c);
	c.person_id = id;
	c.on = on;
	c.method = METHOD_VISIT;
	c.by = BY_WORKER;
	c.note = note;
	c.struck_on = DATE_NONE;
	if (store_contact_add(fx->st, &c, &cause) != 0)
		fail_msg("store_contact_add: %s", cause);
}

static void
step_down(struct fixture *fx, long id, date_t on)
{
	char *cause = NULL;

	if (store_status_change(fx->st, id, STATUS_DOWN, on, NULL, &cause) != 0)
		fail_msg("store_status_change: %s", cause);
}

/* The export of the next 365 days, as text the caller frees. */
static char *
export_text(struct fixture *fx)
{
	struct agenda_list list;
	char *cause = NULL, *text = NULL;
	size_t size = 0, count;
	FILE *f;

	if (views_agenda(fx->st, &fx->rules, fx->today, fx->today + 364, &list,
	    &cause) != 0)
		fail_msg("views_agenda: %s", cause);
	assert_non_null(f = open_memstream(&text, &size));
	if (calendar_write(f, &list, &fx->opts, &count, &cause) != 0)
		fail_msg("calendar_write: %s", cause);
	/* Every entry of the agenda, a birthday return overdue included. */
	assert_int_equal(count, list.n);
	agenda_list_free(&list);
	assert_int_equal(fclose(f), 0);
	return text;
}

/* Parse text as one VCALENDAR; the caller frees it. */
static icalcomponent *
parse(const char *text)
{
	icalcomponent *cal = icalparser_parse_string(text);

	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	return cal;
}

static date_t
ical_date(struct icaltimetype t)
{
	assert_true(t.is_date);
	return date_from_ymd(t.year, t.month, t.day);
}

/* The item (VEVENT or VTODO) whose UID ends with suffix, or NULL. */
static icalcomponent *
find_item(icalcomponent *cal, const char *uuid, const char *suffix)
{
	icalcomponent *c;
	char uid[CALENDAR_UID_SIZE];

	snprintf(uid, sizeof uid, "%s-%s@caseload", uuid, suffix);
	for (c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT)) {
		if (strcmp(icalcomponent_get_uid(c), uid) == 0)
			return c;
	}
	return NULL;
}

static void
uuid_of(struct fixture *fx, long id, char *out)
{
	struct person *p;
	char *cause = NULL;

	if (store_person_get(fx->st, id, &p, &cause) != 0)
		fail_msg("store_person_get: %s", cause);
	memcpy(out, p->uuid, PERSON_UUID_SIZE);
	free(p);
}

/* Count the components of a kind. */
static int
count_kind(icalcomponent *cal, icalcomponent_kind kind)
{
	icalcomponent *c;
	int n = 0;

	for (c = icalcomponent_get_first_component(cal, kind); c != NULL;
	    c = icalcomponent_get_next_component(cal, kind))
		n++;
	return n;
}

/* The display alarm of c, checked: NULL when it has none. */
static icalcomponent *
alarm_of(icalcomponent *c)
{
	return icalcomponent_get_first_component(c, ICAL_VALARM_COMPONENT);
}

static void
check_alarm(icalcomponent *c, int days)
{
	icalcomponent *alarm = alarm_of(c);
	struct icaltriggertype trigger;
	icalproperty *p;

	assert_non_null(alarm);
	p = icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY);
	assert_non_null(p);
	assert_int_equal(icalproperty_get_action(p), ICAL_ACTION_DISPLAY);
	p = icalcomponent_get_first_property(alarm, ICAL_DESCRIPTION_PROPERTY);
	assert_non_null(p);
	assert_true(strlen(icalproperty_get_description(p)) > 0);
	p = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
	assert_non_null(p);
	trigger = icalproperty_get_trigger(p);
	/* At 09:00, days before. */
	assert_int_equal(icaldurationtype_as_int(trigger.duration),
	    -days * 86400 + 9 * 3600);
}

/* Every DTSTART, DTEND and DUE line is written with VALUE=DATE. */
static void
check_date_lines(const char *text)
{
	const char *names[] = { "\r\nDTSTART", "\r\nDTEND", "\r\nDUE" };
	const char *p;
	size_t i;
	int seen = 0;

	for (i = 0; i < 3; i++) {
		for (p = strstr(text, names[i]); p != NULL;
		    p = strstr(p + 1, names[i])) {
			p += strlen(names[i]);
			assert_memory_equal(p, ";VALUE=DATE:", 12);
			seen++;
		}
	}
	assert_true(seen > 0);
}

/* A caseload with one of each kind of item. */
struct people {
	long	due_today;	/* allocated a week ago, no contact */
	long	overdue;	/* contact 01/09/2026: due 27/10/2026 */
	long	down;		/* stepped down 10/01/2026: letter 10/01/2027 */
	long	turning;	/* 18 on 01/12/2026 */
	char	uuid[4][PERSON_UUID_SIZE];
};

static void
add_people(struct fixture *fx, struct people *pp)
{
	pp->due_today = add_person(fx, "Aisha Khan", "Ash", ymd(2007, 3, 14),
	    fx->today - 7);
	pp->overdue = add_person(fx, "Ben Carter", NULL, ymd(2006, 5, 1),
	    ymd(2026, 2, 1));
	add_contact(fx, pp->overdue, ymd(2026, 9, 1), NULL);
	add_contact(fx, pp->overdue, ymd(2026, 8, 1), NULL);
	pp->down = add_person(fx, "Jordan Lee", NULL, ymd(2003, 5, 5),
	    ymd(2023, 1, 1));
	step_down(fx, pp->down, ymd(2026, 1, 10));
	pp->turning = add_person(fx, "Dana Bright", NULL, ymd(2008, 12, 1),
	    ymd(2026, 10, 1));
	add_contact(fx, pp->turning, ymd(2026, 11, 20), NULL);
	uuid_of(fx, pp->due_today, pp->uuid[0]);
	uuid_of(fx, pp->overdue, pp->uuid[1]);
	uuid_of(fx, pp->down, pp->uuid[2]);
	uuid_of(fx, pp->turning, pp->uuid[3]);
}

/* The calendar's own properties, and DTSTAMP and UID on every item. */
static void
test_calendar_properties(void **state)
{
	struct fixture *fx = *state;
	struct people pp;
	icalcomponent *cal, *c;
	icalproperty *p;
	char *text;
	int n = 0;

	add_people(fx, &pp);
	text = export_text(fx);
	cal = parse(text);

	p = icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY);
	assert_non_null(p);
	assert_non_null(strstr(icalproperty_get_prodid(p), "caseload"));
	assert_non_null(strstr(icalproperty_get_prodid(p), PACKAGE_VERSION));
	p = icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY);
	assert_non_null(p);
	assert_string_equal(icalproperty_get_version(p), "2.0");

	for (c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT)) {
		struct icaltimetype stamp;

		assert_int_equal(icalcomponent_isa(c), ICAL_VEVENT_COMPONENT);
		assert_non_null(icalcomponent_get_uid(c));
		p = icalcomponent_get_first_property(c, ICAL_DTSTAMP_PROPERTY);
		assert_non_null(p);
		stamp = icalproperty_get_dtstamp(p);
		assert_false(stamp.is_date);
		assert_true(icaltime_is_utc(stamp));
		assert_int_equal(icaltime_as_timet(stamp), fx->opts.stamp);
		assert_non_null(icalcomponent_get_first_property(c,
		    ICAL_SUMMARY_PROPERTY));
		assert_non_null(icalcomponent_get_first_property(c,
		    ICAL_DESCRIPTION_PROPERTY));
		n++;
	}
	/* Aisha's contact and review; Ben's contact, review, 21st
	 * birthday and 20th birthday's return overdue; Jordan's letter;
	 * Dana's contact, review and 18th; and three birthday return
	 * windows opening in the year. */
	assert_int_equal(n, 13);
	check_date_lines(text);
	icalcomponent_free(cal);
	free(text);
}

/* All-day events on the right days, one day long, alarms where due. */
static void
test_calendar_events(void **state)
{
	struct fixture *fx = *state;
	struct people pp;
	icalcomponent *cal, *c;
	char *text;
	size_t i;
	struct {
		int		 who;
		const char	*suffix;
		date_t		 on;
		const char	*summary;
		int		 alarm;
	} want[] = {
		/* Due today: its reminder would have gone off already. */
		{ 0, "contact", ymd(2026, 11, 27), "Contact due: A.K. #1", 0 },
		{ 0, "review", ymd(2027, 5, 20),
		  "Pathway plan review due: A.K. #1", 0 },
		/* Overdue: no reminder. */
		{ 1, "contact", ymd(2026, 11, 27),
		  "Contact overdue since 27/10/2026: B.C. #2", 0 },
		{ 1, "review", ymd(2026, 11, 27),
		  "Pathway plan review overdue since 01/08/2026: B.C. #2", 0 },
		{ 1, "birthday-21", ymd(2027, 5, 1), "21st birthday: B.C. #2", 0 },
		/* His 20th birthday's return, its window closed 01/06/2026:
		 * with initials, no date (it would tell the birthday). */
		{ 1, "return-20", ymd(2026, 11, 27),
		  "Birthday return overdue: B.C. #2", 0 },
		{ 2, "letter", ymd(2027, 1, 10), "Annual letter due: J.L. #3", 1 },
		{ 3, "contact", ymd(2027, 1, 15), "Contact due: D.B. #4", 1 },
		{ 3, "birthday-18", ymd(2026, 12, 1), "18th birthday: D.B. #4",
		  0 },
	};

	add_people(fx, &pp);
	fx->opts.alarm_days_before = 3;
	text = export_text(fx);
	cal = parse(text);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		c = find_item(cal, pp.uuid[want[i].who], want[i].suffix);
		if (c == NULL)
			fail_msg("no %s item for young person %d",
			    want[i].suffix, want[i].who + 1);
		assert_int_equal(icalcomponent_isa(c), ICAL_VEVENT_COMPONENT);
		assert_int_equal(ical_date(icalcomponent_get_dtstart(c)),
		    want[i].on);
		assert_int_equal(ical_date(icalcomponent_get_dtend(c)),
		    want[i].on + 1);
		assert_string_equal(icalcomponent_get_summary(c),
		    want[i].summary);
		if (want[i].alarm)
			check_alarm(c, 3);
		else
			assert_null(alarm_of(c));
	}
	/* The overdue contact says when it was really due. */
	c = find_item(cal, pp.uuid[1], "contact");
	assert_non_null(strstr(icalcomponent_get_description(c),
	    "was due on 27/10/2026, 31 days ago"));
	assert_non_null(strstr(text, "TRIGGER:-P2DT15H\r\n"));
	/* With initials, a birthday's text leaves out its date: with the
	 * age it would give the date of birth; the event's date is enough. */
	c = find_item(cal, pp.uuid[3], "birthday-18");
	assert_string_equal(icalcomponent_get_description(c),
	    "D.B. #4 turns 18: social worker support ends.");
	assert_null(strstr(icalcomponent_get_summary(c), "2026"));
	icalcomponent_free(cal);
	free(text);

	/* With full names it may say the day. */
	fx->opts.privacy = PRIVACY_FULL;
	text = export_text(fx);
	cal = parse(text);
	c = find_item(cal, pp.uuid[3], "birthday-18");
	assert_non_null(strstr(icalcomponent_get_description(c),
	    "turns 18 on 01/12/2026"));
	c = find_item(cal, pp.uuid[1], "return-20");
	assert_string_equal(icalcomponent_get_summary(c),
	    "Birthday return overdue since 01/06/2026: Ben Carter #2");
	assert_non_null(strstr(icalcomponent_get_description(c),
	    "Ben Carter #2's 20th birthday was due on 01/06/2026"));
	icalcomponent_free(cal);
	free(text);
}

/* contacts_as = todo: contacts become to-dos with a DUE date. */
static void
test_calendar_todo(void **state)
{
	struct fixture *fx = *state;
	struct people pp;
	icalcomponent *cal, *c, *alarm;
	icalproperty *trigger;
	icalparameter *related;
	char *text;

	add_people(fx, &pp);
	fx->opts.contacts_as = CONTACTS_AS_TODO;
	text = export_text(fx);
	cal = parse(text);
	assert_int_equal(count_kind(cal, ICAL_VTODO_COMPONENT), 3);
	assert_int_equal(count_kind(cal, ICAL_VEVENT_COMPONENT), 10);

	c = find_item(cal, pp.uuid[3], "contact");
	assert_non_null(c);
	assert_int_equal(icalcomponent_isa(c), ICAL_VTODO_COMPONENT);
	assert_int_equal(ical_date(icalcomponent_get_due(c)), ymd(2027, 1, 15));
	assert_null(icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY));
	assert_null(icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY));
	check_alarm(c, 1);
	/* With no DTSTART, the alarm is set from the DUE date. */
	alarm = alarm_of(c);
	trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
	related = icalproperty_get_first_parameter(trigger,
	    ICAL_RELATED_PARAMETER);
	assert_non_null(related);
	assert_int_equal(icalparameter_get_related(related), ICAL_RELATED_END);

	c = find_item(cal, pp.uuid[1], "contact");
	assert_int_equal(ical_date(icalcomponent_get_due(c)), fx->today);
	assert_string_equal(icalcomponent_get_summary(c),
	    "Contact overdue since 27/10/2026: B.C. #2");
	/* Letters stay events. */
	c = find_item(cal, pp.uuid[2], "letter");
	assert_int_equal(icalcomponent_isa(c), ICAL_VEVENT_COMPONENT);
	check_date_lines(text);
	icalcomponent_free(cal);
	free(text);
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The UIDs of an export, sorted, one a line; the caller frees it. */
static char *
uids_of(icalcomponent *cal, int *n)
{
	icalcomponent *c;
	char **uids = NULL, *all, *next;
	int i;

	*n = 0;
	for (c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT)) {
		uids = xreallocarray(uids, (size_t)*n + 1, sizeof *uids);
		uids[(*n)++] = xstrdup(icalcomponent_get_uid(c));
	}
	if (*n > 1)
		qsort(uids, (size_t)*n, sizeof *uids, compare_strings);
	all = xstrdup("");
	for (i = 0; i < *n; i++) {
		next = xasprintf("%s%s\n", all, uids[i]);
		free(all);
		free(uids[i]);
		all = next;
	}
	free(uids);
	return all;
}

/* UIDs are unique, the same on every export and whatever the privacy. */
static void
test_calendar_uids(void **state)
{
	struct fixture *fx = *state;
	struct people pp;
	icalcomponent *cal, *c;
	char *text, *first, *again, *full, *line, *p;
	int n, n2;

	add_people(fx, &pp);
	text = export_text(fx);
	cal = parse(text);
	first = uids_of(cal, &n);
	icalcomponent_free(cal);
	free(text);

	/* Unique, and from a UUID and the kind, never a row number. */
	assert_int_equal(n, 13);
	for (line = first; *line != '\0'; line = p + 1) {
		p = strchr(line, '\n');
		*p = '\0';
		assert_true(strncmp(line, pp.uuid[0], 36) == 0 ||
		    strncmp(line, pp.uuid[1], 36) == 0 ||
		    strncmp(line, pp.uuid[2], 36) == 0 ||
		    strncmp(line, pp.uuid[3], 36) == 0);
		assert_non_null(strstr(line, "@caseload"));
		/* Sorted, so a duplicate would be the next line. */
		assert_true(strncmp(p + 1, line, strlen(line)) != 0 ||
		    p[1 + strlen(line)] != '\n');
		*p = '\n';
	}

	text = export_text(fx);
	cal = parse(text);
	again = uids_of(cal, &n2);
	icalcomponent_free(cal);
	free(text);
	assert_int_equal(n, n2);
	assert_string_equal(first, again);

	fx->opts.privacy = PRIVACY_FULL;
	text = export_text(fx);
	cal = parse(text);
	full = uids_of(cal, &n2);
	icalcomponent_free(cal);
	free(text);
	assert_string_equal(first, full);

	/* A contact logged: the same UID, on the new date. */
	fx->opts.privacy = PRIVACY_INITIALS;
	add_contact(fx, pp.overdue, fx->today, NULL);
	text = export_text(fx);
	cal = parse(text);
	c = find_item(cal, pp.uuid[1], "contact");
	assert_non_null(c);
	assert_int_equal(ical_date(icalcomponent_get_dtstart(c)),
	    fx->today + 56);
	assert_string_equal(icalcomponent_get_summary(c), "Contact due: B.C. #2");
	free(again);
	again = uids_of(cal, &n2);
	assert_string_equal(first, again);
	icalcomponent_free(cal);
	free(text);

	free(first);
	free(again);
	free(full);
}

/* Commas, semicolons, backslashes and any script survive the trip. */
static void
test_calendar_escaping(void **state)
{
	struct fixture *fx = *state;
	static const char name[] = "O'Connor, Ellie-Mae; \\Jr\\ Zoë Ñúñez 李明";
	icalcomponent *cal, *c;
	char *text, *want;
	long id;

	id = add_person(fx, name, NULL, ymd(2007, 1, 2), fx->today);
	fx->opts.privacy = PRIVACY_FULL;
	text = export_text(fx);
	/* As RFC 5545 escapes them in TEXT. */
	assert_non_null(strstr(text, "O'Connor\\, Ellie-Mae\\; \\\\Jr\\\\ Zo"));
	cal = parse(text);
	c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(c);
	want = xasprintf("Contact due: %s #%ld", name, id);
	assert_string_equal(icalcomponent_get_summary(c), want);
	assert_non_null(strstr(icalcomponent_get_description(c), name));
	free(want);
	icalcomponent_free(cal);
	free(text);
}

/* Lines end with CRLF and fold at 75 octets, never inside a character. */
static void
test_calendar_lines(void **state)
{
	struct fixture *fx = *state;
	/* A run of 180 octets with no space: libical has to fold inside
	 * it, where counting octets alone would split a character. */
	static const char name[] = "Zoë "
	    "李明李明李明李明李明李明李明李明李明李明李明李明李明李明李明"
	    "李明李明李明李明李明李明李明李明李明李明李明李明李明李明李明"
	    " Ñúñez-Дмитриевна";
	icalcomponent *cal, *c;
	char *text, *line, *end, *want;
	int folded = 0;
	size_t len;
	long id;

	id = add_person(fx, name, NULL, ymd(2007, 1, 2), fx->today);
	fx->opts.privacy = PRIVACY_FULL;
	text = export_text(fx);

	len = strlen(text);
	assert_true(len > 15);
	assert_string_equal(text + len - 15, "END:VCALENDAR\r\n");
	for (line = text; *line != '\0'; line = end + 2) {
		end = strstr(line, "\r\n");
		assert_non_null(end);
		/* No bare CR or LF inside a line. */
		assert_null(memchr(line, '\n', (size_t)(end - line)));
		assert_null(memchr(line, '\r', (size_t)(end - line)));
		assert_true(end - line <= 75);
		*end = '\0';
		/* Each physical line is whole UTF-8 on its own. */
		assert_true(text_is_utf8(line));
		if (strncmp(line, " 李", 4) == 0)
			folded++;
		*end = '\r';
	}
	/* Folded inside the run in the SUMMARY and the DESCRIPTION. */
	assert_true(folded >= 4);

	cal = parse(text);
	c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	want = xasprintf("Contact due: %s #%ld", name, id);
	assert_string_equal(icalcomponent_get_summary(c), want);
	free(want);
	icalcomponent_free(cal);
	free(text);
}

/* Initials and number only: no name, preferred name or word of one. */
static void
test_calendar_privacy(void **state)
{
	struct fixture *fx = *state;
	static const char *const words[] = {
		"Aisha", "Khan", "Ash", "Nguyễn", "Thị", "Hà", "Ming", "李明"
	};
	icalcomponent *cal, *c;
	char *text;
	size_t i;

	add_person(fx, "Aisha Khan", "Ash", ymd(2007, 3, 14), fx->today);
	add_person(fx, "Nguyễn Thị Hà", "Hà", ymd(2005, 7, 15), fx->today);
	add_person(fx, "李明", "Ming", ymd(2008, 12, 10), fx->today);
	text = export_text(fx);
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (strstr(text, words[i]) != NULL)
			fail_msg("'%s' is in the calendar", words[i]);
	}
	cal = parse(text);
	for (c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	    c != NULL;
	    c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		const char *s = icalcomponent_get_summary(c);
		const char *d = icalcomponent_get_description(c);

		assert_true(strstr(s, "A.K. #1") != NULL ||
		    strstr(s, "N.T.H. #2") != NULL || strstr(s, "李. #3") != NULL);
		assert_true(strstr(d, "A.K. #1") != NULL ||
		    strstr(d, "N.T.H. #2") != NULL || strstr(d, "李. #3") != NULL);
	}
	icalcomponent_free(cal);
	free(text);

	/* Full names when asked. */
	fx->opts.privacy = PRIVACY_FULL;
	text = export_text(fx);
	assert_non_null(strstr(text, "Aisha Khan (Ash) #1"));
	assert_non_null(strstr(text, "Nguyễn Thị Hà (Hà) #2"));
	free(text);
}

/* Notes, addresses, phone numbers and emails never leave the database. */
static void
test_calendar_no_notes(void **state)
{
	struct fixture *fx = *state;
	struct person p;
	char *cause = NULL, *text;

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = "Aisha Khan";
	p.phone = "07700 900101";
	p.email = "aisha@example.org";
	p.address = "12 Station Road\nLeeds LS1 4AB";
	p.facts.dob = ymd(2007, 3, 14);
	p.facts.allocated_on = ymd(2026, 6, 1);
	if (store_person_add(fx->st, &p, &cause) != 0)
		fail_msg("store_person_add: %s", cause);
	add_contact(fx, p.id, ymd(2026, 11, 1), "Talked about the bursary form");

	fx->opts.privacy = PRIVACY_FULL;
	text = export_text(fx);
	assert_non_null(strstr(text, "Aisha Khan"));
	assert_null(strstr(text, "Station"));
	assert_null(strstr(text, "LS1"));
	assert_null(strstr(text, "07700"));
	assert_null(strstr(text, "example.org"));
	assert_null(strstr(text, "bursary"));
	free(text);
}

/* A name holding a line break still gives a one-line SUMMARY. */
static void
test_calendar_one_line(void **state)
{
	struct fixture *fx = *state;
	icalcomponent *cal, *c;
	char *text;

	add_person(fx, "Aisha\nKhan\tBrown", NULL, ymd(2007, 3, 14), fx->today);
	fx->opts.privacy = PRIVACY_FULL;
	text = export_text(fx);
	assert_null(strstr(text, "Aisha\\nKhan"));
	cal = parse(text);
	c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_summary(c),
	    "Contact due: Aisha Khan Brown #1");
	icalcomponent_free(cal);
	free(text);
}

/* An empty caseload gives a calendar with nothing in it. */
static void
test_calendar_empty(void **state)
{
	struct fixture *fx = *state;
	icalcomponent *cal;
	char *text;

	text = export_text(fx);
	assert_non_null(strstr(text, "BEGIN:VCALENDAR\r\n"));
	cal = parse(text);
	assert_null(icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT));
	assert_non_null(icalcomponent_get_first_property(cal,
	    ICAL_PRODID_PROPERTY));
	icalcomponent_free(cal);
	free(text);
}

/* A write that fails is reported. */
static void
test_calendar_write_error(void **state)
{
	struct fixture *fx = *state;
	struct agenda_list list;
	char *cause = NULL;
	FILE *f;
	int i;

	for (i = 0; i < 50; i++) {
		char name[32];

		snprintf(name, sizeof name, "Young Person %d", i);
		add_person(fx, name, NULL, ymd(2007, 3, 14), fx->today);
	}
	f = fopen("/dev/full", "w");
	if (f == NULL)
		skip();
	assert_int_equal(views_agenda(fx->st, &fx->rules, fx->today,
	    fx->today + 364, &list, &cause), 0);
	assert_int_equal(calendar_write(f, &list, &fx->opts, NULL, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "cannot write"));
	free(cause);
	agenda_list_free(&list);
	fclose(f);
}

/* Files in dir other than the database and the ones SQLite keeps. */
static int
leftovers(const char *dir)
{
	struct dirent *de;
	DIR *d;
	int n = 0;

	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0 &&
		    strncmp(de->d_name, "caseload.db", 11) != 0)
			n++;
	}
	closedir(d);
	return n;
}

/* outfile: mode 0600 whatever the umask, replaced whole, no leftovers. */
static void
test_outfile(void **state)
{
	struct fixture *fx = *state;
	struct outfile *of;
	struct stat sb;
	char *path, *cause = NULL, buf[32];
	mode_t old;
	FILE *f;

	path = xasprintf("%s/out.ics", fx->dir);
	old = umask(0);
	assert_int_equal(outfile_open(path, &of, &cause), 0);
	fputs("first\n", outfile_stream(of));
	assert_int_equal(lstat(path, &sb), -1);	/* not there until done */
	assert_int_equal(outfile_commit(of, &cause), 0);
	umask(077);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);

	/* Replaced whole; an abandoned one leaves the old file alone. */
	assert_int_equal(outfile_open(path, &of, &cause), 0);
	fputs("second\n", outfile_stream(of));
	outfile_abort(of);
	assert_int_equal(outfile_open(path, &of, &cause), 0);
	fputs("third\n", outfile_stream(of));
	assert_int_equal(outfile_commit(of, &cause), 0);
	umask(old);
	assert_non_null(f = fopen(path, "r"));
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	assert_string_equal(buf, "third\n");
	unlink(path);
	/* No temporary file was left beside it. */
	assert_int_equal(leftovers(fx->dir), 0);
	free(path);

	/* A missing folder, and a folder given as the file. */
	path = xasprintf("%s/missing/out.ics", fx->dir);
	assert_int_equal(outfile_open(path, &of, &cause), -1);
	assert_int_equal(errno, ENOENT);
	assert_non_null(strstr(cause, "folder does not exist"));
	free(cause);
	free(path);
	assert_int_equal(outfile_open(fx->dir, &of, &cause), -1);
	assert_int_equal(errno, EISDIR);
	free(cause);
	outfile_abort(NULL);
}

/* calendar_state_fn for the test: a sequence of 4, at a known time. */
static void
state_fixed(const char *uid, const char *hash, int *sequence,
    time_t *modified, void *arg)
{
	int *calls = arg;

	assert_true(strlen(uid) > 0);
	assert_int_equal(strlen(hash), CALENDAR_HASH_SIZE - 1);
	(*calls)++;
	*sequence = 4;
	*modified = 1790000000;
}

/* Make young person who's item of kind alone, with opts. */
static void
make_item(struct fixture *fx, const char *uuid, const char *kind,
    struct calendar_item *out)
{
	struct agenda_list list;
	struct calendar_writer *w;
	char *cause = NULL, uid[CALENDAR_UID_SIZE];
	size_t k;

	if (views_agenda(fx->st, &fx->rules, fx->today, fx->today + 364, &list,
	    &cause) != 0)
		fail_msg("views_agenda: %s", cause);
	assert_int_equal(calendar_begin(NULL, &fx->opts, &w, &cause), 0);
	for (k = 0; k < list.n; k++) {
		calendar_uid(&list.entries[k], uid, sizeof uid);
		if (strncmp(uid, uuid, strlen(uuid)) == 0 &&
		    strncmp(uid + strlen(uuid) + 1, kind, strlen(kind)) == 0)
			break;
	}
	assert_true(k < list.n);
	calendar_item_make(w, &list.entries[k], out);
	assert_int_equal(calendar_end(w, NULL, &cause), 0);
	agenda_list_free(&list);
}

/*
 * An item alone: one VCALENDAR, unnamed, with SEQUENCE and LAST-MODIFIED
 * from the state and DTSTAMP the same; its hash leaves out those three
 * and changes with what the item says.
 */
static void
test_calendar_items(void **state)
{
	struct fixture *fx = *state;
	struct calendar_item a, b, c;
	struct people pp;
	icalcomponent *cal, *item;
	int calls = 0;

	add_people(fx, &pp);
	make_item(fx, pp.uuid[3], "contact", &a);
	assert_non_null(strstr(a.uid, "-contact@caseload"));
	assert_string_equal(a.summary, "Contact due: D.B. #4");
	assert_non_null(strstr(a.text, "SEQUENCE:0\r\n"));
	assert_null(strstr(a.text, "X-WR-CALNAME"));
	cal = parse(a.text);
	assert_int_equal(count_kind(cal, ICAL_VEVENT_COMPONENT), 1);
	icalcomponent_free(cal);

	/* Another sequence and time: the same hash. */
	fx->opts.state = state_fixed;
	fx->opts.state_arg = &calls;
	make_item(fx, pp.uuid[3], "contact", &b);
	assert_int_equal(calls, 1);
	assert_string_equal(a.hash, b.hash);
	assert_string_not_equal(a.text, b.text);
	cal = parse(b.text);
	item = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_int_equal(icalproperty_get_sequence(
	    icalcomponent_get_first_property(item, ICAL_SEQUENCE_PROPERTY)), 4);
	assert_int_equal(icaltime_as_timet(icalproperty_get_lastmodified(
	    icalcomponent_get_first_property(item,
	    ICAL_LASTMODIFIED_PROPERTY))), 1790000000);
	assert_int_equal(icaltime_as_timet(icalcomponent_get_dtstamp(item)),
	    1790000000);
	icalcomponent_free(cal);

	/* Read back with its lines in another order: the same hash. */
	{
		char hash[CALENDAR_HASH_SIZE], *moved, *at;
		const char line[] = "CLASS:PRIVATE\r\n";

		moved = xstrdup(a.text);
		at = strstr(moved, line);
		assert_non_null(at);
		memmove(at, at + strlen(line), strlen(at + strlen(line)) + 1);
		at = strstr(moved, "BEGIN:VEVENT\r\n") + 14;
		memmove(at + strlen(line), at, strlen(at) + 1);
		memcpy(at, line, strlen(line));
		assert_string_not_equal(moved, a.text);
		assert_int_equal(calendar_text_hash(moved, hash, sizeof hash), 0);
		assert_string_equal(hash, a.hash);
		/* Another summary: another hash. */
		at = strstr(moved, "SUMMARY:Contact");
		at[8] = 'X';
		assert_int_equal(calendar_text_hash(moved, hash, sizeof hash), 0);
		assert_string_not_equal(hash, a.hash);
		free(moved);
		assert_int_equal(calendar_text_hash("BEGIN:VCALENDAR\r\n"
		    "END:VCALENDAR\r\n", hash, sizeof hash), -1);
	}

	/* What it says changes: another hash. */
	add_contact(fx, pp.turning, fx->today, NULL);
	make_item(fx, pp.uuid[3], "contact", &c);
	assert_string_not_equal(a.hash, c.hash);
	calendar_item_free(&a);
	calendar_item_free(&b);
	calendar_item_free(&c);
	calendar_item_free(NULL);
}

/* How many times needle is in text. */
static int
count_text(const char *text, const char *needle)
{
	const char *p;
	int n = 0;

	for (p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The reminder's time of day, and none when it would be in the past. */
static void
test_calendar_alarm_time(void **state)
{
	struct fixture *fx = *state;
	struct people pp;
	char *text;

	add_people(fx, &pp);
	fx->opts.alarm_time = 17 * 60 + 45;
	fx->opts.alarm_days_before = 0;
	text = export_text(fx);
	/* On the day, at 17:45: Aisha's contact today too. */
	assert_non_null(strstr(text, "TRIGGER:PT17H45M\r\n"));
	assert_int_equal(count_text(text, "BEGIN:VALARM"), 3);
	free(text);
	fx->opts.alarm_days_before = 2;
	fx->opts.alarm_time = 0;
	text = export_text(fx);
	assert_non_null(strstr(text, "TRIGGER:-P2D\r\n"));
	assert_int_equal(count_text(text, "BEGIN:VALARM"), 2);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_calendar_properties,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_calendar_events, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_todo, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_uids, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_escaping, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_lines, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_privacy, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_no_notes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_one_line, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_empty, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_write_error,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_outfile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_calendar_items, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calendar_alarm_time, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
