/* SPDX-License-Identifier: MIT */
/*
 * demo.c: a demo caseload of fictional young people, in varied states,
 * placed around today so that it always has someone overdue, someone due
 * soon, letters, reviews and birthdays coming up (job_demo_seed, for
 * --demo).  Their history is written as it stands, dates in the past
 * and all, straight to the store.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cause.h"
#include "job.h"

struct demo_contact {
	int			 days_ago;	/* 0 ends the list */
	enum contact_method	 method;
	enum contact_by		 by;
	int			 attempted;
	const char		*note;
	const char		*struck;	/* reason when struck out */
};

struct demo_status {
	int		days_ago;	/* 0 ends the list */
	enum status	status;
	const char	*reason;
};

struct demo_person {
	const char		*name;
	const char		*preferred;
	int			 years;		/* age today, in years ... */
	int			 days;		/* ... and days */
	int			 allocated_days_ago;
	int			 interval_weeks;
	const char		*phone;
	const char		*address;
	struct demo_contact	 contacts[4];
	struct demo_status	 statuses[3];
	int			 letter_days_ago;
	int			 review_days_ago;
};

/* The demo's safety flags: one young person not to be visited alone. */
static const struct demo_flag {
	const char	*name;		/* the young person's */
	int		 days_ago;
	enum flag_kind	 kind;
	const char	*note;
} demo_flags[] = {
	{ "Ruby Clarke", 45, FLAG_ALONE, "Visit with a colleague or meet at "
	  "the office: her ex-partner has been at the flat." },
};

/* A note about one young person, and a social worker around another. */
static const struct demo_note {
	const char	*name;		/* the young person's */
	int		 days_ago;
	const char	*text;
} demo_notes[] = {
	{ "Aisha Khan", 70, "Likes to be called Ash.\nText first: she "
	  "does not answer calls from numbers she does not know." },
};

/*
 * Where two of them live: one in supported lodgings the local authority
 * provides, her statutory visit due soon; one sofa surfing.
 */
static const struct demo_home {
	const char		*name;		/* the young person's */
	int			 days_ago;
	enum accommodation_type	 type;
	int			 provided_by_la;
	int			 suitable;
	const char		*address;
} demo_homes[] = {
	{ "Ruby Clarke", 70, ACCOM_SUPPORTED_LODGINGS, 1, ACCOM_SUITABLE,
	  "Flat 3, Ashfield House\n41 Park Lane\nLeeds LS6 2QT" },
	{ "Liam Murphy", 12, ACCOM_SOFA_SURFING, 0, ACCOM_UNSUITABLE, NULL },
};

static const struct demo_around {
	const char	*name;		/* the young person's */
	const char	*who;
	const char	*phone;
	const char	*email;
	const char	*note;
} demo_around[] = {
	{ "Chidi Okafor", "Grace Mensah", "0113 496 0123",
	  "grace.mensah@example.org", "Works Monday to Wednesday." },
};

/* Some open agreed actions, one of them late. */
static const struct demo_action {
	const char	*name;		/* the young person's */
	int		 agreed_days_ago;
	int		 due_days_ago;	/* negative: still to come */
	const char	*who;
	const char	*text;
} demo_actions[] = {
	{ "Chidi Okafor", 20, 6, "worker", "Chase the housing benefit "
	  "claim with the council" },
	{ "Aisha Khan", 70, -5, "young-person", "Send the bursary form to "
	  "the college" },
	{ "Zoë Ñúñez", 50, -20, "worker", "Find out about funded driving "
	  "lessons" },
};

static const struct demo_person demo_people[] = {
	{ "Aisha Khan", "Ash", 19, 40, 400, 0, "07700 900101",
	  "Flat 3, 12 Station Road\nLeeds\nLS1 4AB",
	  { { 70, METHOD_PHONE, BY_WORKER, 0, "Talked about college "
	      "applications; wants help with the bursary form.", NULL },
	    { 75, METHOD_VISIT, BY_WORKER, 1, "Not in.", NULL } },
	  { { 0 } }, 0, 160 },
	{ "Chidi Okafor", NULL, 18, 200, 600, 0, "07700 900102",
	  "22 Harehills Lane\nLeeds\nLS8 5DR",
	  { { 20, METHOD_VISIT, BY_WORKER, 0, "Settled in the new flat.",
	      NULL } },
	  { { 0 } }, 0, 100 },
	{ "Zoë Ñúñez", "Zoë", 17, 100, 120, 0, "07700 900103", NULL,
	  { { 50, METHOD_TEXT, BY_YOUNG_PERSON, 0, "Asked about driving "
	      "lessons.", NULL } },
	  { { 0 } }, 0, 0 },
	{ "Nguyễn Thị Hà", "Hà", 20, 10, 800, 0, "07700 900104",
	  "5 Chapel Street\nBradford\nBD1 5DL",
	  { { 30, METHOD_PHONE, BY_WORKER, 1, "No answer; left a message.",
	      NULL },
	    { 90, METHOD_VISIT, BY_WORKER, 0, NULL, NULL } },
	  { { 0 } }, 0, 200 },
	{ "李明", "Ming", 22, 60, 900, 0, "07700 900105", NULL,
	  { { 10, METHOD_VIDEO, BY_WORKER, 0, "Job interview next week.",
	      NULL } },
	  { { 0 } }, 0, 30 },
	{ "Ellie-Mae O'Connor", NULL, 16, 30, 20, 0, NULL, NULL,
	  { { 0 } }, { { 0 } }, 0, 0 },
	{ "Tomasz Wiśniewski", "Tom", 21, 300, 1200, 0, NULL,
	  "14 Mill Lane\nWakefield\nWF1 2AB",
	  { { 400, METHOD_VISIT, BY_WORKER, 0, NULL, NULL } },
	  { { 380, STATUS_DOWN, "managing well, asked to step down" } },
	  0, 0 },
	{ "Jordan Lee", "Jo", 23, 0, 1500, 0, NULL,
	  "Flat 9, 40 Park Row\nLeeds\nLS1 2HE",
	  { { 210, METHOD_PHONE, BY_YOUNG_PERSON, 0, NULL, NULL } },
	  { { 200, STATUS_DOWN, "full-time work, no longer wants visits" } },
	  0, 0 },
	{ "Precious Mensah", NULL, 24, 330, 2000, 0, NULL,
	  "3 Kirkgate\nHuddersfield\nHD1 1QT",
	  { { 310, METHOD_EMAIL, BY_WORKER, 0, NULL, NULL } },
	  { { 300, STATUS_DOWN, "settled; advice and guidance only" } },
	  0, 0 },
	{ "Kai Thompson", NULL, 17, 350, 500, 0, "07700 900110", NULL,
	  { { 40, METHOD_VISIT, BY_WORKER, 0, "Preparing for his 18th: "
	      "talked about the move to his own tenancy.", NULL } },
	  { { 0 } }, 0, 150 },
	{ "Amira Haddad", NULL, 20, 355, 700, 1, "07700 900111", NULL,
	  { { 9, METHOD_PHONE, BY_WORKER, 0, "Weekly check-in.", NULL },
	    { 16, METHOD_VISIT, BY_WORKER, 0, NULL, NULL } },
	  { { 0 } }, 0, 40 },
	{ "Liam Murphy", NULL, 19, 0, 450, 0, "07700 900112", NULL,
	  { { 55, METHOD_PHONE, BY_WORKER, 0, NULL, NULL } },
	  { { 0 } }, 0, 90 },
	{ "Ruby Clarke", NULL, 18, 100, 300, 0, "07700 900113", NULL,
	  { { 56, METHOD_VISIT, BY_WORKER, 0, NULL, NULL } },
	  { { 0 } }, 0, 170 },
	{ "Mohammed Ali", "Mo", 22, 10, 1000, 0, "07700 900114", NULL,
	  { { 5, METHOD_VISIT, BY_WORKER, 0, "Helped with a housing benefit "
	      "form; follow up with the council.", NULL } },
	  { { 0 } }, 0, 60 },
	{ "Sophie Turner", NULL, 16, 200, 250, 0, "07700 900115", NULL,
	  { { 110, METHOD_PHONE, BY_WORKER, 0, "Logged against the wrong "
	      "young person.", "logged for the wrong young person" },
	    { 120, METHOD_VISIT, BY_WORKER, 0, NULL, NULL } },
	  { { 0 } }, 0, 0 },
	{ "Daniel Smith", "Dan", 25, 20, 2500, 0, NULL, NULL,
	  { { 30, METHOD_PHONE, BY_WORKER, 0, NULL, NULL } },
	  { { 0 } }, 0, 100 },
	{ "Grace Okoye", NULL, 21, 100, 1100, 0, NULL,
	  "8 Queen Street\nLeeds\nLS1 2TW",
	  { { 35, METHOD_VISIT, BY_WORKER, 0, NULL, NULL } },
	  { { 500, STATUS_DOWN, "moved in with a partner" },
	    { 200, STATUS_UP, "asked for help after a tenancy problem" },
	    { 30, STATUS_DOWN, "tenancy sorted" } },
	  0, 0 },
	{ "Ethan Brown", NULL, 19, 200, 350, 4, "07700 900118", NULL,
	  { { 14, METHOD_GROUP, BY_WORKER, 0, "Cooking group.", NULL } },
	  { { 0 } }, 0, 20 },
	{ "Leah Cohen", NULL, 23, 50, 1300, 0, NULL,
	  "27 Otley Road\nLeeds\nLS6 3AA",
	  { { 760, METHOD_VISIT, BY_WORKER, 0, NULL, NULL } },
	  { { 740, STATUS_DOWN, "doing well at university" } },
	  375, 0 },
	{ "Oliver Wright", NULL, 20, 150, 900, 0, NULL, NULL,
	  { { 80, METHOD_PHONE, BY_WORKER, 0, NULL, NULL } },
	  { { 60, STATUS_ARCHIVED, "moved to Manchester; handed over" } },
	  0, 0 },
	{ "Isla Campbell", NULL, 17, 10, 60, 0, "07700 900121", NULL,
	  { { 3, METHOD_VISIT, BY_WORKER, 0, "First visit since "
	      "allocation; met her foster carer.", NULL } },
	  { { 0 } }, 0, 0 },
};

/* A birthday return recorded in the window open now (Kai's is not). */
static const struct demo_return {
	const char		*name;		/* the young person's */
	int			 days_ago;
	enum returns_touch	 touch;
	enum returns_activity	 activity;
	int			 part_time;
} demo_returns[] = {
	{ "Amira Haddad", 5, TOUCH_YES, ACTIVITY_EMPLOYMENT, 1 },
};

/*
 * Returns a worker has kept up with: the latest window closed before
 * today has its return, recorded on the birthday, for everyone but Ruby
 * (whose 18th's is overdue, to show one).
 */
static const enum returns_activity demo_activities[] = {
	ACTIVITY_EMPLOYMENT, ACTIVITY_HIGHER_EDUCATION, ACTIVITY_TRAINING,
	ACTIVITY_OTHER_EDUCATION, ACTIVITY_NEET_OTHER
};

static int
demo_seed_returns_kept(struct store *st, const struct demo_person *d,
    long id, date_t dob, date_t today, char **cause)
{
	struct rules_settings rs;
	struct returns_window w;
	struct returns_record rec;

	rules_settings_default(&rs);
	if (strcmp(d->name, "Ruby Clarke") == 0 ||
	    !returns_window_latest(dob, &rs, today, &w) || w.closes >= today)
		return 0;
	memset(&rec, 0, sizeof rec);
	rec.person_id = id;
	rec.on = w.birthday;
	rec.age = w.age;
	rec.touch = TOUCH_YES;
	rec.activity = demo_activities[id % (sizeof demo_activities /
	    sizeof demo_activities[0])];
	rec.struck_on = DATE_NONE;
	return store_return_add(st, &rec, cause);
}

/* The demo's birthday returns for young person id born on dob. */
static int
demo_seed_returns(struct store *st, const struct demo_person *d, long id,
    date_t dob, date_t today, char **cause)
{
	struct rules_settings rs;
	struct returns_window w;
	struct returns_record rec;
	size_t i;

	if (demo_seed_returns_kept(st, d, id, dob, today, cause) != 0)
		return -1;
	rules_settings_default(&rs);
	for (i = 0; i < sizeof demo_returns / sizeof demo_returns[0]; i++) {
		if (strcmp(demo_returns[i].name, d->name) != 0)
			continue;
		memset(&rec, 0, sizeof rec);
		rec.person_id = id;
		rec.on = today - demo_returns[i].days_ago;
		if (!returns_window_on(dob, &rs, rec.on, &w))
			continue;
		rec.age = w.age;
		rec.touch = demo_returns[i].touch;
		rec.activity = demo_returns[i].activity;
		rec.part_time = demo_returns[i].part_time;
		rec.struck_on = DATE_NONE;
		if (store_return_add(st, &rec, cause) != 0)
			return -1;
	}
	return 0;
}

/* The demo's agreed actions with young person id, named d->name. */
static int
demo_seed_actions(struct store *st, const struct demo_person *d, long id,
    date_t today, char **cause)
{
	struct action a;
	size_t i;

	for (i = 0; i < sizeof demo_actions / sizeof demo_actions[0]; i++) {
		if (strcmp(demo_actions[i].name, d->name) != 0)
			continue;
		memset(&a, 0, sizeof a);
		a.person_id = id;
		a.text = demo_actions[i].text;
		a.who = demo_actions[i].who;
		a.agreed_on = today - demo_actions[i].agreed_days_ago;
		a.due_on = today - demo_actions[i].due_days_ago;
		a.closed_on = DATE_NONE;
		if (store_action_add(st, &a, cause) != 0)
			return -1;
	}
	return 0;
}

/* The demo's accommodation of young person id, named d->name; then the
 * agreed actions. */
static int
demo_seed_homes(struct store *st, const struct demo_person *d, long id,
    date_t today, char **cause)
{
	struct accommodation a;
	size_t i;

	for (i = 0; i < sizeof demo_homes / sizeof demo_homes[0]; i++) {
		if (strcmp(demo_homes[i].name, d->name) != 0)
			continue;
		memset(&a, 0, sizeof a);
		a.person_id = id;
		a.from = today - demo_homes[i].days_ago;
		a.type = demo_homes[i].type;
		a.provided_by_la = demo_homes[i].provided_by_la;
		a.suitable = demo_homes[i].suitable;
		a.address = demo_homes[i].address;
		a.struck_on = DATE_NONE;
		if (store_accommodation_add(st, &a, cause) != 0)
			return -1;
	}
	return demo_seed_actions(st, d, id, today, cause);
}

/* The demo's notes and people around young person id, named d->name. */
static int
demo_seed_around(struct store *st, const struct demo_person *d, long id,
    date_t today, char **cause)
{
	struct around_note n;
	struct around_person a;
	size_t i;

	for (i = 0; i < sizeof demo_notes / sizeof demo_notes[0]; i++) {
		if (strcmp(demo_notes[i].name, d->name) != 0)
			continue;
		memset(&n, 0, sizeof n);
		n.person_id = id;
		n.on = today - demo_notes[i].days_ago;
		n.text = demo_notes[i].text;
		n.struck_on = DATE_NONE;
		if (store_note_add(st, &n, cause) != 0)
			return -1;
	}
	for (i = 0; i < sizeof demo_around / sizeof demo_around[0]; i++) {
		if (strcmp(demo_around[i].name, d->name) != 0)
			continue;
		memset(&a, 0, sizeof a);
		a.person_id = id;
		a.role = ROLE_SOCIAL_WORKER;
		a.name = demo_around[i].who;
		a.phone = demo_around[i].phone;
		a.email = demo_around[i].email;
		a.note = demo_around[i].note;
		a.since = today - 200;
		a.ended_on = DATE_NONE;
		if (store_around_add(st, &a, cause) != 0)
			return -1;
	}
	return demo_seed_homes(st, d, id, today, cause);
}

static int
demo_add(struct store *st, const struct demo_person *d, date_t today,
    char **cause)
{
	struct person p;
	struct contact c;
	struct flag f;
	const struct demo_contact *dc;
	int i;

	memset(&p, 0, sizeof p);
	person_facts_init(&p.facts);
	p.name = d->name;
	p.preferred_name = d->preferred;
	p.phone = d->phone;
	p.address = d->address;
	p.facts.dob = date_add_months(today, -12 * d->years) - d->days;
	p.facts.allocated_on = today - d->allocated_days_ago;
	p.facts.interval_weeks = d->interval_weeks;
	if (store_person_add(st, &p, cause) != 0)
		return -1;
	for (i = 0; i < 4 && d->contacts[i].days_ago != 0; i++) {
		dc = &d->contacts[i];
		memset(&c, 0, sizeof c);
		c.person_id = p.id;
		c.on = today - dc->days_ago;
		c.method = dc->method;
		c.by = dc->by;
		c.attempted = dc->attempted;
		c.note = dc->note;
		c.struck_on = DATE_NONE;
		if (store_contact_add(st, &c, cause) != 0)
			return -1;
		if (dc->struck != NULL && store_contact_strike(st, c.id,
		    c.on + 1, dc->struck, cause) != 0)
			return -1;
	}
	for (i = 0; i < 3 && d->statuses[i].days_ago != 0; i++) {
		if (store_status_change(st, p.id, d->statuses[i].status,
		    today - d->statuses[i].days_ago, d->statuses[i].reason,
		    cause) != 0)
			return -1;
	}
	if (d->letter_days_ago != 0 &&
	    store_letter_add(st, p.id, today - d->letter_days_ago, cause) != 0)
		return -1;
	if (d->review_days_ago != 0 &&
	    store_review_add(st, p.id, today - d->review_days_ago, cause) != 0)
		return -1;
	for (i = 0; i < (int)(sizeof demo_flags / sizeof demo_flags[0]); i++) {
		if (strcmp(demo_flags[i].name, d->name) != 0)
			continue;
		memset(&f, 0, sizeof f);
		f.person_id = p.id;
		f.kind = demo_flags[i].kind;
		f.note = demo_flags[i].note;
		f.set_on = today - demo_flags[i].days_ago;
		f.ended_on = DATE_NONE;
		if (store_flag_add(st, &f, cause) != 0)
			return -1;
	}
	if (demo_seed_returns(st, d, p.id, p.facts.dob, today, cause) != 0)
		return -1;
	return demo_seed_around(st, d, p.id, today, cause);
}

int
job_demo_seed(struct session *s, char **cause)
{
	struct store *st = s->st;
	size_t i;

	if (st == NULL)
		return xfail(cause, "the database is not open");
	if (store_begin(st, cause) != 0)
		return -1;
	for (i = 0; i < sizeof demo_people / sizeof demo_people[0]; i++) {
		if (demo_add(st, &demo_people[i], s->today, cause) != 0) {
			store_rollback(st);
			return -1;
		}
	}
	return store_commit(st, cause);
}
