/* SPDX-License-Identifier: MIT */
/*
 * visit.c: the statutory visit clock (see visit.h).
 */
#include <config.h>

#include <stddef.h>

#include "visit.h"

const struct visit_spell *
visit_current_spell(const struct visit_facts *facts, date_t today)
{
	const struct visit_spell *current = NULL;
	size_t i;

	for (i = 0; i < facts->nspells; i++) {
		if (facts->spells[i].from == DATE_NONE ||
		    facts->spells[i].from > today)
			continue;
		if (current == NULL || facts->spells[i].from >= current->from)
			current = &facts->spells[i];
	}
	return current;
}

date_t
visit_last(const struct visit_facts *facts, date_t today)
{
	const struct visit_spell *spell = visit_current_spell(facts, today);
	date_t last = DATE_NONE;
	size_t i;

	if (spell == NULL)
		return DATE_NONE;
	for (i = 0; i < facts->nvisits; i++) {
		if (facts->visits[i] == DATE_NONE ||
		    facts->visits[i] < spell->from || facts->visits[i] > today)
			continue;
		if (last == DATE_NONE || facts->visits[i] > last)
			last = facts->visits[i];
	}
	return last;
}

/* Take due as the next visit when it is earlier than the one so far. */
static void
visit_earliest(date_t due, enum visit_reason why, date_t *best,
    enum visit_reason *best_why)
{
	if (due == DATE_NONE)
		return;
	if (*best == DATE_NONE || due < *best) {
		*best = due;
		*best_why = why;
	}
}

struct rules_due
visit_due(const struct visit_facts *facts,
    const struct rules_settings *settings, date_t today,
    enum visit_reason *reason)
{
	const struct visit_spell *spell = visit_current_spell(facts, today);
	enum visit_reason why = VISIT_NONE;
	date_t due = DATE_NONE, last;

	if (spell != NULL && spell->provided_by_la) {
		last = visit_last(facts, today);
		if (last == DATE_NONE)
			visit_earliest(spell->from + VISIT_FIRST_DAYS,
			    VISIT_FIRST, &due, &why);
		else
			visit_earliest(date_add_months(last,
			    VISIT_INTERVAL_MONTHS), VISIT_INTERVAL, &due, &why);
		/*
		 * Before each review due since they moved in (one overdue
		 * from before is no visit's to meet), unless visited since
		 * the last one.
		 */
		if (facts->review_due != DATE_NONE &&
		    facts->review_due >= spell->from && (last == DATE_NONE ||
		    (facts->last_review != DATE_NONE &&
		    last < facts->last_review)))
			visit_earliest(facts->review_due, VISIT_REVIEW, &due,
			    &why);
	}
	if (reason != NULL)
		*reason = why;
	return rules_judge_due(rules_due_day(settings, due), settings, today);
}

const char *
visit_reason_words(enum visit_reason reason)
{
	switch (reason) {
	case VISIT_NONE:
		break;
	case VISIT_FIRST:
		return "first visit";
	case VISIT_INTERVAL:
		return "two-monthly visit";
	case VISIT_REVIEW:
		return "visit before the review";
	}
	return "";
}

/* The earliest of dates (n of them) after `after` and not after `upto`;
 * DATE_NONE when none. */
static date_t
visit_next_after(const date_t *dates, size_t n, date_t after, date_t upto)
{
	date_t best = DATE_NONE;
	size_t i;

	for (i = 0; i < n; i++) {
		if (dates[i] > after && dates[i] <= upto &&
		    (best == DATE_NONE || dates[i] < best))
			best = dates[i];
	}
	return best;
}

/* The first move-in day after `after` and not after `upto`. */
static date_t
visit_next_move(const struct visit_facts *facts, date_t after, date_t upto)
{
	date_t best = DATE_NONE;
	size_t i;

	for (i = 0; i < facts->nspells; i++) {
		if (facts->spells[i].from > after &&
		    facts->spells[i].from <= upto &&
		    (best == DATE_NONE || facts->spells[i].from < best))
			best = facts->spells[i].from;
	}
	return best;
}

void
visit_on_time(const struct visit_facts *facts,
    const struct rules_settings *settings, date_t from, date_t today,
    int *due, int *on_time)
{
	date_t x = from - 1, d, v, moved;
	int steps;

	/* Each step moves x on, so a few hundred cover any year. */
	for (steps = 0; steps < 1000 && x < today; steps++) {
		d = visit_due(facts, settings, x, NULL).due;
		if (d == DATE_NONE) {
			/* No clock: on to the next move, if any. */
			if ((x = visit_next_move(facts, x, today)) == DATE_NONE)
				break;
			continue;
		}
		if (d > today)
			break;
		v = visit_next_after(facts->visits, facts->nvisits, x, d);
		moved = visit_next_move(facts, x, d);
		if (moved != DATE_NONE && (v == DATE_NONE || moved < v)) {
			/* They moved before the visit was due: not counted. */
			x = moved;
			continue;
		}
		if (d >= from)
			(*due)++;
		if (v != DATE_NONE) {
			if (d >= from)
				(*on_time)++;
			x = v;
			continue;
		}
		/* Missed: the clock starts again at the next visit or move. */
		v = visit_next_after(facts->visits, facts->nvisits, d, today);
		moved = visit_next_move(facts, d, today);
		if (moved != DATE_NONE && (v == DATE_NONE || moved < v))
			v = moved;
		if (v == DATE_NONE)
			break;
		x = v;
	}
}
