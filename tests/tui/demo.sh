#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload --demo with no command lands in the full-screen interface on
# the demo caseload, and leaves nothing behind when it quits.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"

mkdir -p "$TEST_DIR/tmp"
TUI_ENV="TMPDIR=$TEST_DIR/tmp"
tui_start --demo
check_screen "27/11/2026 · 15/22 stepped up · 5 contacts, 2 reviews, 2 letters, 1 action overdue" \
	"the demo caseload, counted in the header (its late action too)"
if screen | head -1 | grep -q '^ caseload demo  .*27/11/2026' &&
    ! screen | head -1 | grep -q '…'; then
	ok "at 100 columns the header leaves the worker out rather than cut them"
else
	not_ok "at 100 columns the header leaves the worker out rather than cut them"
	screen | head -1 | sed 's/^/# /'
fi
check_screen "! 15  Sophie Turner" "the most overdue first"
check_screen "review  22/09/2026 66d overdue" "... her review"
check_screen "Leah Cohen                    23  21-25    stepped down letter  17/11/2026 10d overdue" \
	"Leah's annual letter, overdue, on the list"
resize 150 30
check_screen "caseload demo · Sam Taylor, Leaving Care Worker" \
	"--demo opens the interface with a demo worker"
resize 100 30
wait_gone "Contacted"
check_screen "李明 (Ming)" "names in several scripts"
check_screen "q quit ? help Enter open c contact" "the keys are on the bottom line"
keys Enter
check_screen "Sophie Turner  (number 15)" "Enter opens the first young person"
keys Escape
wait_for "Showing everyone"
resize 80 24
check_screen "27/11/2026 · 15/22 up · 5 contacts, 2 reviews, 2 letters, 1 action overdue" \
	"at 80 columns the header says 'up', so that what is overdue is whole"
if screen | head -1 | grep -q '…'; then
	not_ok "... and nothing of it is cut"
	screen | head -1 | sed 's/^/# /'
else
	ok "... and nothing of it is cut"
fi
keys /
type_text "Aisha"
wait_for "Search (name or number): Aisha"
keys Enter Enter
check_screen "the young person: Send the bursary" "Aisha's page at 80 columns"
wrapped_under_date() {
	screen | grep -qx '         form to the college *'
}
if tui_poll wrapped_under_date; then
	ok "an action too long for the row goes on under its date, not at the edge"
else
	not_ok "an action too long for the row goes on under its date, not at the edge"
	diag_screen
fi
keys Escape
wait_for "everyone matching"
keys Escape
wait_for "Showing everyone"
keys /
type_text "Ruby"
wait_for "Search (name or number): Ruby"
keys Enter Enter
check_screen "Flat 3, Ashfield House" "Ruby's page at 80 columns"
home_under_date() {
	screen | grep -A1 '^  M1     ' | tail -1 |
	    grep -qx '         authority; suitable: yes *'
}
if tui_poll home_under_date; then
	ok "an accommodation row too long for the window goes on under its date"
else
	not_ok "an accommodation row too long for the window goes on under its date"
	diag_screen
fi
flag_under_date() {
	screen | grep -A1 '^  F1     13/10/2026  do not visit alone: ' | tail -1 |
	    grep -qx '         [a-z].*'
}
if tui_poll flag_under_date; then
	ok "a safety flag's note too long for the window goes on under its date"
else
	not_ok "a safety flag's note too long for the window goes on under its date"
	diag_screen
fi
keys q q
check_exit 0 "quits with status 0"
if [ -z "$(ls -A "$TEST_DIR/tmp")" ]; then
	ok "the demo database is removed"
else
	not_ok "the demo database is removed"
	ls -la "$TEST_DIR/tmp" | sed 's/^/# /'
fi

done_testing
