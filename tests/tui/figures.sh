#!/bin/sh
# SPDX-License-Identifier: MIT
# The supervision figures on screen (F) are the figures of 'caseload
# stats', in the same words, and follow a change made on screen.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

run stats
check_status 0 "caseload stats, to hold the screen against"
check_true "says the figures" test "$(grep -c . "$out")" -gt 10
cp "$out" "$TEST_DIR/stats.txt"

tui_start
wait_for "Showing everyone"
keys F
check_screen "Supervision figures on 27/11/2026" "F opens the supervision figures"
all=1
while IFS= read -r line; do
	[ -n "$line" ] || continue
	tui_shows "$line" || { all=0; echo "# not on screen: $line"; }
done <"$TEST_DIR/stats.txt"
if [ $all = 1 ]; then
	ok "every line of 'caseload stats' is on the screen, word for word"
else
	not_ok "every line of 'caseload stats' is on the screen, word for word"
fi
check_screen "Contact         4 of 7 (57%) contacted within their interval, 3 overdue" \
	"... such as contact within the interval"

# Esc goes back; a contact logged on screen shows in the figures.
keys Escape
check_screen_lacks "Supervision figures" "Esc goes back to the list"
keys /
type_text "Aisha"
keys Enter
wait_for "Showing 1"
keys c
wait_for "Log a contact with"
keys Enter
wait_for "Logged contact"
keys Escape
keys F
check_screen "5 of 7 (71%) contacted within their interval, 2 overdue" \
	"after a contact logged on screen, the figures count it"
keys q
keys q
check_exit 0 "q quits"
done_testing
