#!/bin/sh
# SPDX-License-Identifier: MIT
# The add form refuses someone already on the caseload, and says what to
# do by where they stand: find them when they are stepped up; step them
# up again when they are stepped down.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

tui_start
wait_for "Showing everyone"
snapshot
keys a
check_screen "Add a young person" "a opens the add form"
type_text "aisha  KHAN"
keys Tab Tab
type_text "14/03/2007"
keys Enter
check_screen "! someone with this name and date of birth is already number 1" \
	"someone stepped up already is refused beside the name"
check_screen "Nothing was saved: number 1 is on the caseload and stepped up already; find them with /." \
	"... and said to be stepped up already"
check_screen_lacks "steps them up again" "... not to be stepped up again"

# Jordan Lee, number 5, is stepped down.
keys Tab Tab C-u
type_text "2003-05-05"
keys BTab BTab C-u
type_text "Jordan Lee"
keys Enter
check_screen "! someone with this name and date of birth is already number 5" \
	"someone stepped down is refused beside the name"
check_screen "Nothing was saved: number 5 is stepped down; find them with /, then s steps them up again." \
	"... with how to step them up again"
keys Escape
check_screen "Throw away what you typed?" "Esc asks first"
keys y
check_screen_lacks "Add a young person" "y throws the form away"
keys q
check_exit 0 "quits with status 0"
check_unchanged "nothing was written"

done_testing
