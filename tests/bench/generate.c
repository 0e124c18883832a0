/* SPDX-License-Identifier: MIT */
/*
 * generate.c: make a fictional caseload of N young people with 20
 * contacts each, through caseload's own store, for the benchmark.
 *
 * usage: generate DB N TODAY
 *
 * A mix of stepped up (about 80%) and stepped down young people aged 16
 * to 25, allocated up to three years ago, with contacts spread over the
 * two years before today (some attempted), reviews and letters.  The same
 * N and TODAY always give the same caseload (but new UUIDs).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

static const char *const first_names[] = {
	"Aisha", "Ben", "Chidi", "Daniel", "Ellie", "Grace", "Hà", "Isla",
	"Jordan", "Kai", "Leah", "Liam", "Ming", "Mohammed", "Oliver",
	"Precious", "Ruby", "Sophie", "Tomasz", "Zoë"
};
static const char *const last_names[] = {
	"Khan", "Carter", "Okafor", "Smith", "O'Connor", "Okoye", "Nguyễn",
	"Campbell", "Lee", "Thompson", "Cohen", "Murphy", "Li", "Ali",
	"Wright", "Mensah", "Clarke", "Turner", "Wiśniewski", "Ñúñez"
};

/* A small deterministic generator (xorshift). */
static unsigned long long rng_state = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

int
main(int argc, char **argv)
{
	struct store *st;
	struct person p;
	struct contact c;
	char *cause = NULL, name[128];
	date_t today, on;
	long n, i;
	int k;

	if (argc != 4 || (n = atol(argv[2])) <= 0 ||
	    date_parse_iso(argv[3], &today) != 0) {
		fprintf(stderr, "usage: generate DB N YYYY-MM-DD\n");
		return 2;
	}
	if (store_open(argv[1], &st, &cause) != 0 ||
	    store_begin(st, &cause) != 0) {
		fprintf(stderr, "generate: %s\n", cause);
		return 1;
	}
	for (i = 0; i < n; i++) {
		memset(&p, 0, sizeof p);
		person_facts_init(&p.facts);
		snprintf(name, sizeof name, "%s %s %ld",
		    first_names[rnd(20)], last_names[rnd(20)], i + 1);
		p.name = name;
		p.phone = "07700 900000";
		p.address = "1 Example Street\nLeeds LS1 1AA";
		p.facts.dob = date_add_months(today, -12 * 16 - (int)rnd(9 * 12)) -
		    (date_t)rnd(28);
		p.facts.allocated_on = today - 730 - (date_t)rnd(365);
		if (rnd(10) == 0)
			p.facts.interval_weeks = 1 + (int)rnd(4);
		if (store_person_add(st, &p, &cause) != 0)
			goto fail;
		for (k = 0; k < 20; k++) {
			memset(&c, 0, sizeof c);
			c.person_id = p.id;
			/* Spread over two years, the latest within ~70 days. */
			on = today - (date_t)(k * 36 + rnd(36) + rnd(35));
			c.on = on;
			c.method = (enum contact_method)rnd(METHOD_COUNT);
			c.by = rnd(3) == 0 ? BY_YOUNG_PERSON : BY_WORKER;
			c.attempted = rnd(8) == 0;
			c.note = rnd(4) == 0 ? "Talked about work and housing." :
			    NULL;
			c.struck_on = DATE_NONE;
			if (store_contact_add(st, &c, &cause) != 0)
				goto fail;
		}
		if (rnd(2) == 0 && store_review_add(st, p.id,
		    today - (date_t)rnd(200), &cause) != 0)
			goto fail;
		if (rnd(5) == 0) {
			if (store_status_change(st, p.id, STATUS_DOWN,
			    today - (date_t)rnd(500), "stepped down", &cause) != 0)
				goto fail;
			if (rnd(2) == 0 && store_letter_add(st, p.id,
			    today - (date_t)rnd(100), &cause) != 0)
				goto fail;
		}
		/* Commit in batches so the journal stays small. */
		if (i % 5000 == 4999) {
			if (store_commit(st, &cause) != 0 ||
			    store_begin(st, &cause) != 0)
				goto fail;
		}
	}
	if (store_commit(st, &cause) != 0)
		goto fail;
	store_close(st);
	return 0;

fail:
	fprintf(stderr, "generate: %s\n", cause);
	store_rollback(st);
	store_close(st);
	return 1;
}
