#!/bin/sh
# SPDX-License-Identifier: MIT
# The home screen lists everything due: for each young person the most
# urgent item of any kind (contact, review, letter) with its kind, date
# and when, most urgent first across the stepped up and the stepped down;
# the header counts what is overdue of each kind; the attempts since last
# seen show on the row and on the page.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# The row's place on the screen (its line number), or nothing.
row_line() {
	screen | grep -nE "^. +$1  " | cut -d: -f1
}

# Young people a, b, c ... are listed in that order.
in_order() {
	prev=0
	for id in "$@"; do
		n=$(row_line "$id")
		[ -n "$n" ] && [ "$n" -gt "$prev" ] || return 1
		prev=$n
	done
}

tui_start
check_screen "7/22 stepped up · 3 contacts, 4 reviews, 1 letter overdue" \
	"the header counts the overdue items of every kind"
check_screen "Next    Due        When" "the list's columns say what is next"
check_screen "stepped up   review  01/07/2020 2340d overdue" \
	"a review overdue, with its kind and date, first"
check_screen "stepped down letter  01/11/2026 26d overdue" \
	"a letter overdue for someone stepped down"
check_screen "contact 28/10/2026 30d overdue       1" \
	"a contact overdue, with the attempt since she was last seen"
check_screen "contact 27/11/2026 today" "a contact due today"
check_screen "letter             turns 25" \
	"someone stepped down who turns 25 before another letter"
if tui_poll in_order 8 3 2 9 11 1 5 4 7 6; then
	ok "most urgent first, reviews, contacts and letters ranked together"
else
	not_ok "most urgent first, reviews, contacts and letters ranked together"
	diag_screen
fi
check_true "the store keeps each one's most urgent item" \
	test "$(sql "SELECT id, urgent_kind, urgent_due, attempts FROM people WHERE id IN (1, 5, 8) ORDER BY id")" = \
"1|contact|2026-10-28|1
5|letter|2026-11-01|0
8|review|2020-07-01|0"

# A review recorded elsewhere: Ben's contact comes next, in 3 days.
"$CASELOAD" --db "$DB" --today "$TODAY" review 2 >/dev/null 2>&1
check_screen "stepped up   contact 30/11/2026 in 3 days" \
	"due soon says in how many days"
check_screen "7/22 stepped up · 3 contacts, 3 reviews, 1 letter overdue" \
	"and the header counts one review fewer"
if tui_poll in_order 8 3 9 11 1 5 4 2 7 6; then
	ok "Ben moves down the list"
else
	not_ok "Ben moves down the list"
	diag_screen
fi
check_true "as stored" \
	test "$(sql "SELECT urgent_kind, urgent_due FROM people WHERE id = 2")" = \
	"contact|2026-11-30"

keys q
check_exit 0 "quits"

# Her page, opened from a search.
tui_start
wait_for "Showing everyone"
keys /
type_text "aisha"
keys Enter Enter
check_screen "overdue by 30 days · 1 attempt since last seen" \
	"the page shows the attempts beside the contact state"
keys q q
check_exit 0 "quits with status 0"
done_testing
