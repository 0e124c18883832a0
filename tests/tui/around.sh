#!/bin/sh
# SPDX-License-Identifier: MIT
# Notes and the people around a young person from the screens: n on
# their page writes a dated note of several lines, P adds someone around
# them (role, name, phone, email, note); the page lists both, and both
# are stored.  An escape typed into a note never reaches the terminal.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

tui_start
wait_for "Showing everyone"
keys /
type_text "2"
wait_for "Search (name or number): 2"
keys Enter Enter
check_screen "Ben Carter  (number 2)" "Ben's page opens"
check_screen_lacks "Notes, newest first" "no notes before one is written"

keys n
check_screen "A note about Ben Carter" "n opens the note dialog"
keys Tab
type_text "Likes to be called Benny."
keys C-j
type_text "Avoid mornings."
keys Enter
check_screen "Noted N1 about Ben Carter." "Enter saves it"
check_screen "Notes, newest first (n to write one)" "the page has a notes section"
check_screen "N1     27/11/2026" "the note is numbered and dated"
check_screen "       Likes to be called Benny." "its first line"
check_screen "       Avoid mornings." "and its second, as written"
if [ "$(sql "SELECT person_id || '|' || on_date || '|' || text FROM notes")" = \
    "2|2026-11-27|Likes to be called Benny.
Avoid mornings." ]; then
	ok "the note is in the database, both lines"
else
	not_ok "the note is in the database, both lines"
fi

keys n
check_screen "A note about Ben Carter" "n again"
keys Enter
check_screen "the note is empty" "an empty note is refused beside the box"
keys Escape
wait_for "Ben Carter  (number 2)"
check_true "and nothing was written" test "$(sql "SELECT count(*) FROM notes")" = 1

keys P
check_screen "Someone around Ben Carter" "P opens the people dialog"
check_screen "Role             social worker" "the first role is offered"
keys Tab
type_text "Sam Jones"
keys Tab
type_text "01234 567890"
keys Tab
type_text "sam.jones@example.org"
keys Tab
type_text "Mondays to Wednesdays"
keys Enter
check_screen "Added P1 (social worker) around Ben Carter." "Enter adds them"
check_screen "People around them (P to add one)" "the page has a people section"
check_screen "P1     Sam Jones, social worker" "with their name and role"
check_screen "01234 567890, sam.jones@example.org" "how to reach them"
check_screen "Mondays to Wednesdays" "and the note"
if [ "$(sql "SELECT person_id || '|' || role || '|' || name || '|' || phone ||
    '|' || email || '|' || note || '|' || since || '|' || (ended_on IS NULL)
    FROM around")" = \
    "2|social-worker|Sam Jones|01234 567890|sam.jones@example.org|Mondays to Wednesdays|2026-11-27|1" ]; then
	ok "they are in the database, involved"
else
	not_ok "they are in the database, involved"
fi
# Held with escapes (written by something other than caseload): shown
# escaped, never drawn raw.
sql "INSERT INTO notes (person_id, on_date, text) VALUES (2, '2026-11-20',
    'Red' || char(27) || '[31m note');
UPDATE around SET name = 'Sam' || char(27) || '[2J Jones',
    note = 'Tue' || char(27) || ']0;x' || char(7) WHERE person_id = 2"
wait_for 'Sam\x1b[2J Jones, social worker'
check_screen 'Tue\x1b]0;x\x07' "an escape in their note is shown escaped"
keys End
check_screen '       Red\x1b[31m note' "an escape in a note is shown escaped"
keys q q
check_exit 0 "quits with status 0"
done_testing
