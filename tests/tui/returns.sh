#!/bin/sh
# SPDX-License-Identifier: MIT
# The birthday return from the screens: R on a young person's page
# records the return for the birthday whose window is open, with in
# touch, activity and hours chosen from menus; the page lists it and the
# window as recorded, the agenda drops the return it owed, and it is
# stored.  A second one for the same birthday is refused.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# Aisha (born 14/03/2007): her 20th birthday's window opens on
# 14/12/2026.
TODAY=2026-12-14
tui_start
wait_for "Showing everyone"
keys g
check_screen "return window opens      Aisha Khan (Ash)" \
	"the agenda has her 20th birthday's window opening today"
keys Escape
wait_for "Showing everyone"
keys /
type_text "Aisha"
wait_for "Search (name or number): Aisha"
keys Enter Enter
check_screen "Aisha Khan  (number 1)" "Aisha's page opens"
check_screen "Birthday return for 20th birthday: window open 14/12/2026 to 14/04/2027, not recorded" \
	"the page shows the window open"

keys R
check_screen "Birthday return for Ash" "R opens the return dialog"
check_screen "In touch         yes" "in touch is offered, yes first"
keys Tab Right Right Right Right
check_screen "employment" "the activity is chosen from a menu"
keys Tab Right
check_screen "part-time" "and the hours"
keys Enter
check_screen "Recorded B1, the return for Ash's 20th birthday." "Enter records it"
check_screen "Birthday returns (R to record one)" "the page has a returns section"
check_screen "B1     14/12/2026  20th birthday: in touch: yes; employment, part-time" \
	"the return is listed"
check_screen "window open 14/12/2026 to 14/04/2027, recorded" \
	"and the window says recorded"
if [ "$(sql "SELECT person_id || '|' || age || '|' || in_touch || '|' ||
    activity || '|' || part_time || '|' || on_date FROM returns")" = \
    "1|20|yes|employment|1|2026-12-14" ]; then
	ok "the return is in the database"
else
	not_ok "the return is in the database"
fi

keys R
check_screen "Birthday return for Ash" "R again"
keys Right
check_screen "In touch         no" "in touch: no"
keys Enter
check_screen "! the return for the 20th birthday was recorded alread" "a second return for the birthday is refused"
keys Escape
check_screen "Throw away what you typed?" "Esc asks before throwing it away"
keys y
wait_gone "Birthday return for Ash"
check_true "and nothing was written" \
	test "$(sql "SELECT count(*) FROM returns")" = 1

keys g
check_screen "Agenda from 14/12/2026 to 10/01/2027" "g opens the agenda again"
check_screen_lacks "return window opens      Aisha Khan (Ash)" \
	"the agenda no longer shows the window she has recorded"
keys q q q
check_exit 0 "quits with status 0"
done_testing
