#!/bin/sh
# SPDX-License-Identifier: MIT
# The accommodation history and the statutory visit clock from the
# screens: M on a young person's page records a move (the type from a
# menu, the date, provided by the local authority, suitable, an address
# of several lines); the page lists the history and the visit clock
# under Coming up, the header counts the visit overdue, and the move is
# stored as the command line would store it.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

tui_start
wait_for "Showing everyone"
check_screen_lacks "visit overdue" "no visit is overdue before anyone moves"
keys /
type_text "2"
wait_for "Search (name or number): 2"
keys Enter Enter
check_screen "Ben Carter  (number 2)" "Ben's page opens"
check_screen_lacks "Statutory visit" "no visit clock before a move"

keys M
check_screen "Where Ben Carter has moved to" "M opens the move dialog"
check_screen "with parents or relatives" "the first type is offered"
keys Right Right Right
check_screen "supported lodgings" "Right moves through the types"
keys Tab C-u
type_text "2026-11-10"
keys Tab Right
check_screen "yes" "provided by the local authority"
keys Tab Right Right
keys Tab
type_text "Flat 2"
keys C-j
type_text "10 New Street"
keys Enter
check_screen "Recorded M1: Ben Carter moved (supported lodgings)." \
	"Enter records the move"
check_screen "Accommodation, newest first (M when they move)" \
	"the page has an accommodation section"
check_screen "M1     10/11/2026  supported lodgings, provided by the local authority; suitable: yes" \
	"the row, numbered and dated"
check_screen "       Flat 2" "its address, first line"
check_screen "       10 New Street" "and second"
check_screen "Statutory visit 17/11/2026  overdue by 10 days" \
	"the visit clock under Coming up"
check_screen "first visit" "and which duty"
check_screen "1 visit" "the header counts the visit overdue"
if [ "$(sql "SELECT person_id || '|' || from_date || '|' || type || '|' ||
    provided_by_la || '|' || suitable || '|' || address FROM accommodation")" = \
    "2|2026-11-10|supported-lodgings|1|1|Flat 2
10 New Street" ]; then
	ok "the move is in the database"
else
	not_ok "the move is in the database"
fi
check_true "with the kept visit date" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 2")" = 2026-11-17

keys M
check_screen "Where Ben Carter has moved to" "M again"
keys Tab C-u
type_text "2026-11-01"
keys Enter
check_screen "the date is before their latest move" \
	"a move before the current one is refused beside the date"
keys Escape
wait_for "Throw away what you typed?"
keys y
wait_gone "Where Ben Carter has moved to"
check_true "and nothing was written" \
	test "$(sql "SELECT count(*) FROM accommodation")" = 1

keys q
wait_for "Showing everyone"
check_screen "1 visit" "the list's header counts it"
keys q
check_exit 0 "quits with status 0"
done_testing
