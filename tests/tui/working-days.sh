#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/tui/working-days.sh: with [calendar] working_days = yes the
# screens move a due date on a weekend or bank holiday to the working day
# before, as the command line does: the list's rows, its header's count of
# what is overdue and a young person's page; the database keeps the dates
# as worked out.  TAP.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"

on=$TEST_DIR/on.ini
printf '[calendar]\nworking_days = yes\n' >"$on"

# Ella due on Christmas Day 2026, Sam on Saturday 2 January 2027.
"$CASELOAD" --db "$DB" --today 2026-11-27 add --name "Ella Morris" \
	--dob 2007-03-03 --allocated 2026-06-25 --last-contact 2026-10-30 \
	>/dev/null 2>&1
"$CASELOAD" --db "$DB" --today 2026-11-27 add --name "Sam Ode" \
	--dob 2006-03-03 --allocated 2026-09-01 --last-contact 2026-11-07 \
	>/dev/null 2>&1
TODAY=2026-12-25

tui_start --config "$on"
check_screen "1 contact, 1 review overdue" \
	"the header counts Ella's contact and review, due on the 24th, overdue"
check_screen "contact 24/12/2026 1d overdue" \
	"Ella's contact: Thursday 24 December, a day overdue"
check_screen "contact 31/12/2026 in 6 days" \
	"Sam's: Thursday 31 December, not Saturday 2 January"
check_screen_lacks "contact 25/12/2026" "nothing shown due on Christmas Day"
keys /
type_text "ella"
keys Enter Enter
check_screen "24/12/2026" "her page says the 24th"
check_screen "overdue by 1 day" "and a day overdue"
keys q q
check_exit 0 "quits"
check_true "the store keeps the dates as worked out" \
	test "$(sql "SELECT next_due FROM people ORDER BY id")" = \
	"2026-12-25
2027-01-02"

# Without the setting: due today and in 8 days.
tui_start
check_screen "contact 25/12/2026 today" "off: Ella's contact due today"
check_screen "contact 02/01/2027 in 8 days" "off: Sam's on 2 January"
keys q
check_exit 0 "quits"
done_testing
