#!/bin/sh
# SPDX-License-Identifier: MIT
# Search (/) as you type, by name (ignoring case and accents, in any
# script, however the accents were typed) or number, and the filters (f):
# overdue, due soon, stepped up, stepped down, archived, everyone.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# How many young people the list shows.
shown() {
	screen | sed -n '3,$p' | grep -cE '^. +[0-9]+  '
}

shown_is() {
	[ "$(shown)" -eq "$1" ]
}

check_shown() {
	if tui_poll shown_is "$1"; then
		ok "$2"
	else
		not_ok "$2 ($(shown) shown, expected $1)"
		diag_screen
	fi
}

tui_start
wait_for "Showing everyone"
check_shown 10 "everyone not archived is shown"

keys /
check_screen "Search (name or number):" "/ starts a search"
type_text "m"
check_screen "Search (name or number): m" "the search shows what is typed"
check_shown 4 "one letter narrows the list at once"
type_text "I"
check_shown 2 "each letter narrows it further (mi: Amira, Ming)"
check_screen "Amira Haddad" "... by name"
check_screen "李明 (Ming)" "... or by preferred name"
keys BSpace BSpace
type_text "ÑÚÑ"
check_shown 1 "case is ignored in any script"
check_screen "Zoë Ñúñez" "ÑÚÑ finds Zoë Ñúñez"
keys Enter
check_screen "Showing 1: everyone matching \"ÑÚÑ\"" "Enter keeps the search"
keys Escape
check_shown 10 "Esc clears it"

# Accents are ignored: zoe finds Zoë, ha finds Hà.
keys /
type_text "zoe"
check_shown 1 "/zoe finds one young person"
check_screen "Zoë Ñúñez" "... Zoë Ñúñez"
keys Escape
keys /
type_text "ha"
check_shown 3 "/ha finds three young people"
check_screen "Nguyễn Thị Hà (Hà)" "... Nguyễn Thị Hà among them"
check_screen "Aisha Khan" "... and Aisha Khan"
check_screen "Amira Haddad" "... and Amira Haddad"
keys Escape
keys /
type_text "$(printf 'NU\314\203NEZ')"
check_shown 1 "a search typed with a combining tilde finds Ñúñez"
check_screen "Zoë Ñúñez" "... Zoë Ñúñez"
keys Escape
check_shown 10 "Esc clears it"

keys /
type_text "#9"
check_shown 1 "a number finds that young person"
check_screen "Amira Haddad" "#9 is Amira"
type_text "9"
check_screen "Nobody matches" "nobody is number 99"
keys Escape
check_shown 10 "Esc while typing clears the search"

keys f
check_screen "Due soon (1)" "the filters, with counts"
keys Down Down Enter
check_screen "Showing 1: due soon" "due soon, by the most urgent item"
check_screen "Nguyễn Thị Hà" "... Hà is due soon (Ben's review is overdue)"
keys f Down Enter
check_shown 7 "stepped up"
keys f Down Enter
check_screen "Showing 3: stepped down" "stepped down"
check_screen "Grace Okoye" "... Grace is stepped down"
keys f End Enter
check_screen "Oliver Wright" "archived: Oliver is there"
check_shown 1 "... alone"
keys f Home Enter
check_shown 10 "everyone again"

# A search works within a filter.
keys f Down Enter
wait_for "Showing 7: overdue"
keys /
type_text "khan"
check_shown 1 "a search within the overdue filter"
keys Enter Escape
check_screen "Showing everyone: 10" "Esc clears the search and the filter"

keys q
check_exit 0 "quits with status 0"

done_testing
