#!/bin/sh
# SPDX-License-Identifier: MIT
# Paging through a caseload longer than the screen: the list holds only
# the rows on screen and reads the others as the selection moves, so
# PgDn, PgUp, End, Home, and Up and Down past the edge must show the
# right rows in the right order, with the right one selected; also in a
# filter and a search, and after a contact moves the selected young
# person down the list.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"

# 120 young people: 1 to 100 stepped up, allocated every other day from
# 25/05/2026 with no contact yet, so they are due a week after, in number
# order, from 01/06/2026 (1 to
# 90 overdue, 91 to 98 due soon, 99 and 100 later); 101 to 120 stepped
# down.  Every third is known as Kit.
SHEET=$TEST_DIR/sheet.csv
awk 'BEGIN {
	print "name,preferred_name,dob,allocated_on,status,stepped_down_on"
	for (i = 1; i <= 120; i++) {
		alloc = i <= 100 ? i - 1 : 0
		cmd = "date -u -d \"2026-05-25 + " 2 * alloc " days\" +%F"
		cmd | getline day
		close(cmd)
		printf "Young Person %03d,%s,2006-01-%02d,%s,%s,%s\n", i,
		    i % 3 ? "" : "Kit", 1 + i % 28, i <= 100 ? day : "2026-01-01",
		    i <= 100 ? "stepped up" : "stepped down",
		    i <= 100 ? "" : "2026-03-01"
	}
}' >"$SHEET"
"$CASELOAD" --db "$DB" --today "$TODAY" import "$SHEET" >/dev/null 2>&1 || {
	echo "Bail out! cannot import the caseload"
	exit 1
}

# The numbers down the list, as on screen.
shown_ids() {
	screen | sed -n '3,$p' | grep -E '^. +[0-9]+  ' |
	    awk '{ if ($1 ~ /^[0-9]+$/) print $1; else print $2 }' |
	    tr '\n' ' ' | sed 's/ $//'
}

# The number on the selected (reverse video) row.
selected_id() {
	screen -e | sed -n '3,$p' |
	    grep -E "$(printf '\033')\\[([0-9]+;)*7(;[0-9]+)*m" |
	    head -1 | sed 's/\x1b\[[0-9;]*m//g' |
	    awk '{ if ($1 ~ /^[0-9]+$/) print $1; else print $2 }'
}

seq_ids() {
	seq "$1" "${3:-1}" "$2" 2>/dev/null | tr '\n' ' ' | sed 's/ $//'
}

shows_ids() {
	[ "$(shown_ids)" = "$1" ] && [ "$(selected_id)" = "$2" ]
}

# check_page IDS SELECTED WHAT: the rows shown and the one selected.
check_page() {
	if tui_poll shows_ids "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3 (rows: $(shown_ids); selected: $(selected_id);" \
		    "expected $1; selected $2)"
		diag_screen
	fi
}

# 100x30: 26 rows of the list; a page moves 25.
tui_start
wait_for "Showing everyone: 120"
check_screen "100/22 stepped up (over cap) · 90 contacts, 1 review overdue" \
	"the header counts the whole caseload"
check_page "$(seq_ids 1 26)" 1 "the first screen: the 26 most urgent"
keys PgDn
check_page "$(seq_ids 26 51)" 26 "PgDn: the last row becomes the first"
keys PgDn PgDn
check_page "$(seq_ids 76 101)" 76 "PgDn twice more: into the stepped down"
keys PgDn
check_page "$(seq_ids 95 120)" 101 "PgDn near the end: the last screen, a page on"
keys PgDn
check_page "$(seq_ids 95 120)" 120 "PgDn on the last screen: the last row"
keys PgDn
check_page "$(seq_ids 95 120)" 120 "PgDn on the last row changes nothing"
keys PgUp
check_page "$(seq_ids 70 95)" 95 "PgUp: a page back"
keys Up
check_page "$(seq_ids 70 95)" 94 "Up within the screen moves the selection"
keys Home
check_page "$(seq_ids 1 26)" 1 "Home: the top"
keys PgUp
check_page "$(seq_ids 1 26)" 1 "PgUp at the top changes nothing"
keys End
check_page "$(seq_ids 95 120)" 120 "End: the last screen, the last row"
keys Down
check_page "$(seq_ids 95 120)" 120 "Down on the last row changes nothing"
keys Home
for i in $(seq 25); do keys Down; done
check_page "$(seq_ids 1 26)" 26 "Down to the last row on screen"
keys Down Down
check_page "$(seq_ids 3 28)" 28 "Down past it: the list moves a line at a time"
for i in $(seq 25); do keys Up; done
check_page "$(seq_ids 3 28)" 3 "Up to the first row on screen"
keys Up
check_page "$(seq_ids 2 27)" 2 "Up past it: a line back"
keys G
check_page "$(seq_ids 95 120)" 120 "G goes to the end too"

# A contact moves the selected young person; they stay selected.
keys Home Down
check_page "$(seq_ids 1 26)" 2 "the second row selected"
keys c
wait_for "Log a contact with Young Person 002"
keys Enter
check_screen "Next contact due 22/01/2027" "a contact is logged"
check_page "$(seq_ids 66 90) 2" 2 \
    "they stay selected, at the bottom of the screen, after those overdue"
case $(list_row 2) in
"~   2  Young Person 002"*"review  27/11/2026 today"*)
	ok "... no longer overdue: their review, due today, comes next" ;;
*)
	not_ok "... no longer overdue: their review, due today, comes next"
	diag_screen ;;
esac
check_screen "100/22 stepped up (over cap) · 89 contacts, 1 review overdue" \
	"the header counts follow"
keys Home
check_page "1 $(seq_ids 3 27)" 1 "Home: the list without them at the top"

# A filter, paged: the 89 still overdue.
keys f
wait_for "Overdue (89)"
keys Down Enter
check_screen "Showing 89: overdue" "the overdue filter"
check_page "1 $(seq_ids 3 27)" 1 "... from the most overdue"
keys PgDn
check_page "$(seq_ids 27 52)" 27 "PgDn in a filter"
keys End
check_page "$(seq_ids 65 90)" 90 "End in a filter: the last overdue"
keys PgUp
check_page "$(seq_ids 40 65)" 65 "PgUp in a filter"
keys Escape
wait_for "Showing everyone: 120"

# A search, paged: every third is known as Kit (40 of them).
keys /
type_text "kit"
keys Enter
check_screen "Showing 40: everyone matching \"kit\"" \
	"a search counts its matches"
check_page "$(seq_ids 3 78 3)" 3 "... and shows the first of them"
keys PgDn
check_page "$(seq_ids 45 120 3)" 78 "PgDn in a search"
keys End
check_page "$(seq_ids 45 120 3)" 120 "End in a search"
keys Home
check_page "$(seq_ids 3 78 3)" 3 "Home in a search"
keys PgDn Up
check_page "$(seq_ids 45 120 3)" 75 "Up after a page down"
keys Escape
wait_for "Showing everyone: 120"
check_page "$(seq_ids 50 75)" 75 \
    "Esc clears the search; the selected young person stays selected"

keys q
check_exit 0 "quits with status 0"

done_testing
