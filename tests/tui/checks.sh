#!/bin/sh
# SPDX-License-Identifier: MIT
# Checks a worker would want, on screen: typing after the window changes
# size goes where the cursor was (a one-line field and a note); a date of
# birth outside the service's ages asks "Add anyway?" before saving; a
# long message is shown whole in a box that the next key closes; someone
# 25 or over and still stepped up is marked on the list; stepping down
# someone overdue, or without a reason, and logging a contact for an
# archived young person say what they do.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# Close the box of a long message, if one is shown.
close_box() {
	if tui_shows "Any key: close"; then
		keys Escape
		wait_gone "Any key: close"
	fi
}

check_sql() {
	got=$(sql "$1")
	if [ "$got" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3"
		echo "# stored:   $got"
		echo "# expected: $2"
	fi
}

# --------------------------------------- typing after a resize, in a field
tui_start
wait_for "Showing everyone"
keys /
type_text "Ben"
keys Enter
wait_for "Ben Carter"
keys e
wait_for "Edit the details of Ben Carter (number 2)"
keys Tab
type_text "abc"
wait_for "Preferred name    abc"
resize 120 34
wait_for "Preferred name    abc"
type_text "XYZ"
check_screen "Preferred name    abcXYZ" \
	"typing after a resize goes on at the cursor"
keys Left Left Left
resize 100 30
wait_for "Preferred name    abcXYZ"
type_text "-"
check_screen "Preferred name    abc-XYZ" \
	"... also when the cursor was in the middle of the text"
keys Enter
check_screen "Saved abc-XYZ's details" "the form saves"
check_sql "SELECT preferred_name FROM people WHERE id = 2" "abc-XYZ" \
	"what was typed is stored in the order it was typed"

# ------------------------------------------- typing after a resize, a note
keys Escape
wait_for "Showing everyone"
keys c
wait_for "Log a contact with"
keys Tab Tab Tab Tab
type_text "abc"
wait_for "abc"
resize 120 34
wait_for "abc"
type_text "XYZ"
resize 80 24
wait_for "abcXYZ"
keys Left Left Left
resize 100 30
wait_for "abcXYZ"
type_text "-"
check_screen "abc-XYZ" "typing in a note after a resize goes on at the cursor"
keys Enter
check_screen "Logged contact" "the note saves"
check_sql "SELECT note FROM contacts ORDER BY id DESC LIMIT 1" "abc-XYZ" \
	"the note is stored in the order it was typed"
close_box
keys q
check_exit 0 "q quits"

# ------------------------------------------- a demo writes only in its own
# Every file the demo's screens offer to write is in the demo's throwaway
# folder; saving each as offered writes nothing into HOME.
mkdir -p "$TEST_DIR/tmp"
TUI_ENV="TMPDIR=$TEST_DIR/tmp HOME=$HOME"
tui_start --demo
wait_for "caseload demo"
DEMO_DIR=$(echo "$TEST_DIR"/tmp/caseload-demo-*)

# The file field of the dialog shows the end of the path offered (a long
# path scrolls): the end of the demo's folder, then NAME.
check_offered() {
	if tui_poll tui_offers "$1"; then
		ok "$2"
	else
		not_ok "$2 (not offered: ${DEMO_DIR##*/}/$1)"
		diag_screen
	fi
}
tui_offers() {
	screen | grep -qF -- "-${DEMO_DIR##*-}/$1"
}
keys x
wait_for "Export the calendar"
check_offered "caseload.ics" "the demo's export offers a file in its own folder"
keys Enter
check_screen "Exported " "... and exports there"
keys B
wait_for "Back up the caseload to a file"
keys Enter
wait_for "Back up the caseload"
check_offered "caseload-2026-11-27.db" \
	"the demo's backup offers a file in its own folder"
keys Enter
check_screen "Backed up" "... and backs up there"
close_box
keys Enter
wait_for "(number "
keys H
wait_for "over to another worker"
check_offered "handover-15-2026-11-27.caseload" \
	"the demo's handover offers a file in its own folder"
keys Enter
check_screen "Wrote" "... and writes it there"
close_box
keys Escape
wait_for "caseload demo"
check_true "... the three files are in the demo's folder" \
	test -f "$DEMO_DIR/caseload.ics" -a -f "$DEMO_DIR/caseload-2026-11-27.db" \
	-a -f "$DEMO_DIR/handover-15-2026-11-27.caseload"
keys q
check_exit 0 "the demo quits"
if [ -z "$(ls -A "$HOME")" ]; then
	ok "nothing was written into HOME"
else
	not_ok "nothing was written into HOME"
	ls -la "$HOME" | sed 's/^/# /'
fi
TUI_ENV=

# ------------------------------------------ an age outside the service
tui_start
wait_for "Showing everyone"
keys a
wait_for "Add a young person"
type_text "Young Teen"
keys Tab Tab
type_text "01/01/2011"
keys Enter
check_screen "Add anyway?" "under 16: the add form asks first"
check_screen "Born 01/01/2011, they are under 16: not yet eligible for" \
	"... saying why"
check_sql "SELECT count(*) FROM people" "11" "... and nothing is saved yet"
keys n
check_screen_lacks "Add anyway?" "n goes back to the form"
check_screen "Add a young person" "... which is still open"
check_sql "SELECT count(*) FROM people" "11" "... and nothing is saved"
keys Enter
wait_for "Add anyway?"
keys y
check_screen "leaving care support (added anyway)." \
	"y adds them, and the long message is shown whole"
check_screen "Any key: close" "... in a box the next key closes"
check_sql "SELECT name FROM people WHERE id = 12" "Young Teen" "they were added"
keys j
check_screen_lacks "Any key: close" "a key closes the box"
check_screen_lacks "(added anyway)" "... and the message with it"

# Editing a date of birth to one of 25 or over asks too.
keys /
type_text "Ben"
keys Enter
wait_for "Ben Carter"
keys e
wait_for "Edit the details of Ben Carter"
keys Tab Tab C-u
type_text "01/01/2000"
keys Enter
check_screen "Save anyway?" "25 or over: the edit form asks first"
check_screen "Born 01/01/2000, they are 25 or over: their leaving care" \
	"... saying why"
keys Escape
check_screen_lacks "Save anyway?" "Esc goes back to the form"
check_sql "SELECT dob FROM people WHERE id = 2" "2008-12-01" \
	"... and nothing is saved"
keys Enter
wait_for "Save anyway?"
keys y
check_screen "Saved abc-XYZ's details." "y saves the new date of birth"
check_sql "SELECT dob FROM people WHERE id = 2" "2000-01-01" "... which is stored"

# ------------------------------------------- 25 and still stepped up
# Ben (2) is now 26 and still stepped up: marked on the list.
keys C-l
keys Escape
wait_for "Showing everyone"
check_screen "Ben Carter (abc-XYZ) [25+]" \
	"the list marks someone 25 or over who is still stepped up"
check_screen_lacks "Hà) [25+]" "... and nobody younger"
# Ben is first, and selected: select another row to see his colours.  His
# review is overdue, so his whole row may be red: the mark is red as well.
keys Down
# The foreground colour in force where [25+] is drawn: the last one set
# before it (tmux carries colours from line to line).
red_mark() {
	esc=$(printf '\033')
	screen -e | tr -d '\n' | sed 's/\[25+\].*//' |
	    grep -o "$esc\[[0-9;]*m" | tr -d "$esc[m" | tr ';' '\n' |
	    grep -E '^(3[0-9]|0)$' | tail -1 | grep -qx 31
}
if tui_poll red_mark; then
	ok "... in colour"
else
	not_ok "... in colour"
	screen -e | grep "25+" | sed 's/^/# /' | cat -v
fi

# ------------------------------------------- saying what a job does
# Aisha (1) is overdue by 30 days; stepped down with no reason.
keys /
type_text "Aisha"
keys Enter
wait_for "Aisha Khan"
keys s
wait_for "Step down Ash"
keys Enter
check_screen "Stepped down Ash on 27/11/2026." "someone overdue is stepped down"
# The message is long: it wraps in its box (at 100 columns, here).
check_screen "Ash is overdue for" \
	"... and the message says they were overdue"
check_screen "contact by 30 days, and no reason was given: stepping down anyway." \
	"... by how much, and that there was no reason"
check_sql "SELECT status FROM people WHERE id = 1" "down" "... which is stored"
# Oliver (10) is archived: a contact is logged, and the message says so.
keys C-l Escape
wait_for "Showing everyone"
keys f
wait_for "Archived ("
keys End Enter
wait_for "Showing 1: archived"
keys c
wait_for "Log a contact with Oliver Wright"
keys Enter
check_screen "Logged contact 1:" "a contact with someone archived is logged"
check_screen "Oliver Wright is archived: the" \
	"... and the message says they are archived"
check_sql "SELECT count(*) FROM contacts WHERE person_id = 10" "1" \
	"... and it is stored"
keys C-l
keys q
check_exit 0 "q quits"

done_testing
