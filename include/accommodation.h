/* SPDX-License-Identifier: MIT */
/*
 * accommodation.h: where a young person lives, kept as history rows (SPEC
 * section 2, "Accommodation"): the day they moved in, the type (one table
 * of names and labels), whether the local authority provides it, whether
 * it is suitable, and the address.  Moving adds a row; none is changed or
 * deleted, and a row entered by mistake is struck out, as notes are.  The
 * latest row that is not struck out is where they live now: its address
 * is the one letters use, and whether the local authority provides it
 * decides the statutory visit clock (visit.h).
 */
#ifndef CASELOAD_ACCOMMODATION_H
#define CASELOAD_ACCOMMODATION_H

#include <stddef.h>

#include "choice.h"
#include "date.h"

enum accommodation_type {
	ACCOM_PARENTS,		/* with parents or relatives */
	ACCOM_STAYING_PUT,
	ACCOM_FOSTER,
	ACCOM_SUPPORTED_LODGINGS,
	ACCOM_SEMI_INDEPENDENT,
	ACCOM_TENANCY,		/* independent tenancy */
	ACCOM_HIGHER_EDUCATION,
	ACCOM_CUSTODY,
	ACCOM_BED_AND_BREAKFAST,
	ACCOM_SOFA_SURFING,
	ACCOM_NO_FIXED_ABODE,
	ACCOM_OTHER
};
#define ACCOM_COUNT 12

/* Whether it is suitable: the worker's judgement, or not known. */
enum accommodation_suitable {
	ACCOM_SUITABLE_UNKNOWN = -1,
	ACCOM_UNSUITABLE = 0,
	ACCOM_SUITABLE = 1
};

/* One row of a young person's accommodation history. */
struct accommodation {
	long		 id;
	long		 person_id;
	int		 number;	/* the young person's own: M1, M2... */
	date_t		 from;		/* the day they moved in */
	enum accommodation_type type;
	int		 provided_by_la; /* 1: the local authority provides it */
	int		 suitable;	/* enum accommodation_suitable */
	const char	*address;	/* several lines; NULL when none */
	date_t		 struck_on;	/* DATE_NONE unless struck out */
	const char	*struck_reason;	/* NULL when none */
};

/* A type's name as the database and the command line spell it:
 * "sofa-surfing". */
const char *accommodation_type_name(enum accommodation_type type);

/* The same as people read it: "sofa surfing". */
const char *accommodation_type_label(enum accommodation_type type);

/* Look a type up by its name or label, in any case: 0, or -1. */
int accommodation_type_from_name(const char *name,
    enum accommodation_type *out);

/* The table of types (names and labels), to choose from. */
const struct choice *accommodation_type_choice(void);

/* "yes", "no" or "unknown". */
const char *accommodation_suitable_word(int suitable);

/*
 * Check moving in to a on a->from for someone born on dob, whose current
 * accommodation (the latest row not struck out) began on current
 * (DATE_NONE: none yet): the date not in the future, not before birth,
 * and not before current (on the same day is allowed: the later row is
 * where they live, as when a move is corrected by another the same day);
 * the address, when there is one, several lines of at most
 * CHECK_ADDRESS_MAX bytes with no control characters.  Errors never
 * repeat the address.  0, or -1 with *cause.
 */
int accommodation_check(const struct accommodation *a, date_t dob,
    date_t current, date_t today, char **cause);

/* A copy in one allocation: the caller frees it with free(). */
struct accommodation *accommodation_copy(const struct accommodation *a);

#endif
