#!/bin/sh
# SPDX-License-Identifier: MIT
# Archive from the screen (A): someone who has turned 25 is archived with
# a reason, after a question, as 'caseload archive' does (the same
# check); Esc keeps them; someone archived already is refused.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# Two weeks on, 李明 (Ming), number 8, is 25.
TODAY=2026-12-11

tui_start
wait_for "Showing everyone"
keys /
type_text "ming"
keys Enter
wait_for "Showing 1: everyone matching \"ming\""
keys Enter
check_screen "consider archiving them (A)" "their page suggests archiving, with the key"
keys A
check_screen "Archive Ming (number 8)?" "A asks first"
check_screen "They are 25 or over: their leaving care entitlement has ended." \
	"... saying why it is time"
check_screen "Enter archive · Esc cancel" "... and how to answer"

# Esc keeps them.
snapshot
keys Escape
check_screen_lacks "Archive Ming" "Esc closes the question"
check_unchanged "nothing was changed"

# Enter archives them, with the reason.
keys A
wait_for "Archive Ming (number 8)?"
type_text "turned 25 — entitlement ended"
keys Enter
check_screen "Archived Ming on 11/12/2026; their record is kept" \
	"Enter archives them"
check_screen "Status          archived since 11/12/2026" "their page shows it"
check_screen "Nothing: archived on 11/12/2026." "... with nothing coming up"
run list --all --format csv
check_out_has ",李明,Ming,2001-12-10,25,25+,archived,2026-12-11," "the command line sees them archived"
run show 8
check_out_has "turned 25 — entitlement ended" "the reason is kept in the history"
keys Escape
wait_for "Showing 0: everyone matching \"ming\""
check_screen "Nobody matches" "they leave the caseload list at once"
keys Escape
check_screen "6/22 stepped up" "the header counts one fewer stepped up"

# Someone archived already is refused, as the command refuses them.
keys f
wait_for "Archived (2)"
keys End Enter
wait_for "Showing 2: archived"
keys A
check_screen "Cannot archive" "someone archived is refused"
check_screen "already archived (since" "... saying since when"
check_screen_lacks "Enter archive · Esc cancel" "... without asking"
run archive 10
check_err_has "already archived (since" "the command says the same"

keys Escape q
check_exit 0 "quits with status 0"

done_testing
