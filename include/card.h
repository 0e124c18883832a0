/* SPDX-License-Identifier: MIT */
/*
 * card.h: the worker's intro card, a small boxed card for young people
 * with who their worker is and how to reach them.
 */
#ifndef CASELOAD_CARD_H
#define CASELOAD_CARD_H

#include "conf.h"

#define CARD_WIDTH 56	/* columns, box included */

/*
 * The card from the [worker] settings of cfg: name and title, phone,
 * email, office address and up to three lines about the worker, in a
 * box of plain ASCII CARD_WIDTH columns wide; long lines are wrapped at
 * spaces.  Settings that are empty are left out.  The caller frees it.
 */
char *card_render(const struct config *cfg);

#endif
