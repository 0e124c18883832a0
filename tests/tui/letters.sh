#!/bin/sh
# SPDX-License-Identifier: MIT
# The letters view (l): everyone stepped down with their next annual
# letter, most overdue first, marked and coloured as 'caseload letters'
# lists them; m records a letter sent (checked as 'letters sent' checks
# it) and the view and the database change at once; Enter opens a page;
# p prints the letters list.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

ESC=$(printf '\033')
COLOUR="$ESC\\[([0-9]+;)*3[0-7](;[0-9]+)*m"

# The line number on screen of the row of young person N.
row_at() {
	screen | grep -nE "^. +$1  " | cut -d: -f1
}

# Rows of young people 5, 7 and 6 in that order, from the top.
in_order() {
	a=$(row_at "$1") b=$(row_at "$2") c=$(row_at "$3")
	[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ "$a" -lt "$b" ] &&
	    [ "$b" -lt "$c" ]
}

tui_start
wait_for "Showing everyone"
keys l
check_screen "Stepped down  Last letter  Next letter  State" \
	"l opens the letters view, with its columns"
check_screen "!  5  Jordan Lee" "a letter overdue is marked !"
check_screen "01/11/2025                 01/11/2026   overdue by 26 days" \
	"... with the step-down date, the letter due and by how much"
check_screen "   7  Grace Okoye" "Grace, due in 93 days, has no marker"
check_screen "28/02/2026                 28/02/2027   due in 93 days" \
	"... stepped down on 28/02/2026 (the latest step-down counts)"
check_screen "none: they turn 25 first" \
	"Precious turns 25 before a letter would fall due"
if tui_poll in_order 5 7 6; then
	ok "most overdue first, then by date, then those turning 25"
else
	not_ok "most overdue first, then by date, then those turning 25"
	diag_screen
fi
check_screen_lacks "Aisha Khan" "nobody stepped up is listed"
check_screen_lacks "Oliver Wright" "nobody archived is listed"
check_screen "Annual letters: 1 overdue, 0 due soon; 3 stepped down" \
	"the status line counts them"
check_screen "Esc back ? help Enter open c contact e edit s step m sent w write x export p print" \
	"the bottom line shows the view's keys, m and w among them"
if screen -e | grep -E "$COLOUR" | grep -q '!  5  Jordan Lee'; then
	ok "the overdue letter is coloured"
else
	not_ok "the overdue letter is coloured"
fi

# Enter opens the page of the young person selected.
keys Enter
check_screen "Jordan Lee  (number 5)" "Enter opens their page"
keys Escape
check_screen "Stepped down  Last letter" "Esc comes back to the letters"

# m: a date before the step-down is refused beside the field.
keys m
check_screen "Annual letter sent to Jordan Lee" "m asks when the letter was sent"
check_screen "Date sent        27/11/2026" "... today, unless changed"
check_screen "They stepped down on 01/11/2025" "... and says since when they are due one"
snapshot
keys C-u
type_text "31/10/2025"
keys Enter
check_screen "! 31/10/2025 is before 5 Jordan Lee stepped down on" \
	"a letter before the step-down is refused, as 'letters sent' refuses it"
check_unchanged "nothing was written"
keys C-u
type_text "28/11/2026"
keys Enter
check_screen "! 28 November 2026 is in the future" "so is one in the future"
check_unchanged "still nothing written"

# Today: recorded, and the view changes at once.
keys C-u
type_text "today"
keys Enter
check_screen "Recorded the letter to Jordan Lee sent 27/11/2026; next letter due 27/11/2027." \
	"Enter records it and says when the next is due"
check_screen "   5  Jordan Lee    " "Jordan is no longer marked overdue"
check_screen "01/11/2025    27/11/2026   27/11/2027   due in 365 days" \
	"... with the letter sent today and the next in a year"
if tui_poll in_order 7 5 6; then
	ok "the order follows at once: Grace's letter is now the first due"
else
	not_ok "the order follows at once: Grace's letter is now the first due"
	diag_screen
fi
keys C-l
check_screen "Annual letters: 0 overdue, 0 due soon; 3 stepped down" \
	"the counts follow"
if [ "$(sql "SELECT sent_on FROM letters WHERE person_id = 5")" = 2026-11-27 ]; then
	ok "the letter is a row of history in the database"
else
	not_ok "the letter is a row of history in the database"
fi
run letters --format csv
check_out_has "5,Jordan Lee,2025-11-01,2026-11-27,2027-11-27,0,ok" \
	"the command line sees the letter sent"

# The same letter twice is refused, on the status line.
keys m
wait_for "Annual letter sent to Jordan Lee"
snapshot
keys Enter
check_screen "Nothing was saved: a letter to 5 Jordan Lee on 27/11/2026 is already recorded." \
	"the same letter twice is refused, as 'letters sent' refuses it"
check_unchanged "nothing was written"
keys Escape
wait_gone "Annual letter sent to"

# p prints the letters list, as 'caseload letters --print' does.
keys p
check_screen "Print the annual letters: 3 young people, 1 page" \
	"p asks before printing the letters list"
keys n
check_screen_lacks "Print the annual letters" "n prints nothing"
keys Escape
wait_for "Showing everyone"
check_screen "Jordan Lee" "Esc goes back to the caseload list"

# On a caseload with nobody stepped down.
keys q
check_exit 0 "quits with status 0"
fixture step-up 5
fixture step-up 6
fixture step-up 7
tui_start
wait_for "Showing everyone"
keys l
check_screen "Nobody on your caseload has stepped down" \
	"with nobody stepped down, the view says so"
keys m
check_screen "Nobody is selected" "m with nobody there says so"
keys q q
check_exit 0 "quits with status 0"

done_testing
