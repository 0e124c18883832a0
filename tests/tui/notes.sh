#!/bin/sh
# SPDX-License-Identifier: MIT
# Notes of several lines in the log contact dialog: Ctrl-J starts a new
# line, a long line wraps in the box as it is typed, the arrows move
# between the lines, and what is stored keeps the worker's own line
# breaks and only those.  A note longer than the box scrolls and is
# stored whole; the box fits at 80x24 and keeps its text when the window
# changes size; the worker's own editor (Ctrl-X) writes the note; the
# young person's page shows each line of a note, control characters
# escaped; help says how to start a new line.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# The note of contact N exactly as stored, newlines shown as |.
stored_note() {
	sql "SELECT replace(note, char(10), '|') FROM contacts WHERE id = $1"
}

check_note() {
	got=$(stored_note "$1")
	if [ "$got" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3"
		echo "# stored:   $got"
		echo "# expected: $2"
	fi
}

TUI_ENV="VISUAL=$TEST_DIR/editor.sh"
cat > "$TEST_DIR/editor.sh" <<'EOF'
#!/bin/sh
# An editor for the test: adds a line to the note, or fails when asked.
[ -f "$TEST_DIR_FOR_EDITOR/fail-editor" ] && exit 3
if [ -f "$TEST_DIR_FOR_EDITOR/long-editor" ]; then
	head -c 70000 /dev/zero | tr '\0' x >> "$1"
	exit 0
fi
printf '%s\n' "Written in the editor." >> "$1"
EOF
chmod +x "$TEST_DIR/editor.sh"
TUI_ENV="$TUI_ENV TEST_DIR_FOR_EDITOR=$TEST_DIR"

# ------------------------------------------------- three lines, one wraps
tui_start
wait_for "Showing everyone"
keys j j j j j c
wait_for "Log a contact with Ash"
check_screen "Enter save · Ctrl-J new line · Ctrl-X editor · Esc cancel" \
	"the dialog says how to start a new line"
keys Tab Tab Tab Tab
check_screen "Ctrl-J new line" "... and so does the note's label"
type_text "Met at the college library."
keys C-j
type_text "Talked about the bursary form, which needs the tutor's signature before the end of term."
keys C-j
type_text "Next: phone on Monday."
check_screen "Note             Met at the college library." \
	"the first line of the note"
check_screen "Ctrl-J new line  Talked about the bursary form, which needs the    " \
	"a long line wraps at a space to the width of the box"
check_screen "                  tutor's signature before the end of term." \
	"... and goes on on the next row"
check_screen "                  Next: phone on Monday." \
	"Ctrl-J started a line of its own"
# Up goes to the row above, End to its end: a word goes in there.
keys Up End Left
type_text " (signed)"
check_screen "tutor's signature before the end of term (signed)." \
	"the arrows move between the lines"
keys Enter
check_screen "Logged contact 3: phone with Ash" "Enter saves the note"
check_note 9 "Met at the college library.|Talked about the bursary form, which needs the tutor's signature before the end of term (signed).|Next: phone on Monday." \
	"the database holds the worker's line breaks, and only those"
run show 1
check_out_has "         Talked about the bursary form, which needs the tutor's signature before the end of term (signed)." \
	"the command line shows the wrapped line whole"

# The page shows each line of the note under the contact.
keys Enter
wait_for "Aisha Khan  (number 1)"
check_screen "  3      27/11/2026  phone   by the worker" "the page lists the contact"
check_screen "         Met at the college library." "... its note's first line, indented"
check_screen "         Talked about the bursary form, which needs the tutor's signature before the end of term" \
	"... the second, wrapped to the page"
check_screen "           (signed)." \
	"... the rest of it two columns further in: a row, not a line of its own"
# Below the birthday return's overdue window: to the end of the page.
keys End
check_screen "         Next: phone on Monday." "... and the third on a line of its own"

# A struck-out pick list shows the note on one line.
keys d
check_screen "3      27/11/2026  phone  Met at the college library. / Talked ab" \
	"the strike out list joins the note's lines with /"
keys Escape

# ------------------------------------------- a note longer than the box
keys c
wait_for "Log a contact with Ash"
keys Tab Tab Tab Tab
n=1
expected=""
while [ "$n" -le 20 ]; do
	line=$(printf 'Point %02d of the meeting.' "$n")
	type_text "$line"
	[ "$n" -lt 20 ] && keys C-j
	expected="$expected${expected:+|}$line"
	n=$((n + 1))
done
check_screen "Point 20 of the meeting." "the box follows the cursor to the last line"
check_screen "lines 13-20 of 20 (PgUp, PgDn)" "under the box: which lines show"
check_screen_lacks "Point 12 of the meeting." "the first lines scrolled out of the box"
keys PPage PPage
check_screen "lines 6-13 of 20 (PgUp, PgDn)" "PgUp scrolls the box up"
check_screen "Point 06 of the meeting." "... to earlier lines"
check_screen_lacks "Point 14 of the meeting." "... and the last ones go"
keys Enter
check_screen "Logged contact 4: phone with Ash" "the long note saves"
check_note 10 "$expected" "it is stored whole, line by line"

# --------------------------------------------------- the worker's editor
keys c
wait_for "Log a contact with Ash"
keys Tab Tab Tab Tab
type_text "Typed in the box."
keys C-x
check_screen "Written in the editor." "Ctrl-X brings back what the editor wrote"
check_screen "Note             Typed in the box." "... after what was typed"
touch "$TEST_DIR/fail-editor"
keys C-x
check_screen "the editor did not end well (status 3): the note is as it was" \
	"an editor that fails leaves the note as it was"
rm -f "$TEST_DIR/fail-editor"
touch "$TEST_DIR/long-editor"
keys C-x
check_screen "the note written in the editor is too long (more than 65536 bytes)" \
	"a note too long from the editor is refused"
rm -f "$TEST_DIR/long-editor"
keys Enter
check_screen "Logged contact 5: phone with Ash" "the edited note saves"
check_note 11 "Typed in the box.|Written in the editor." \
	"the note from the editor is stored"
if ls -a "$TEST_DIR" | grep -q caseload-tmp; then
	not_ok "the editor's file is removed"
else
	ok "the editor's file is removed"
fi

# A note already held with an escape in it (written by something other
# than caseload) shows escaped on the page, each of its lines indented.
sql "INSERT INTO contacts (person_id, on_date, method, started_by, note)
    VALUES (1, '2026-11-01', 'text', 'worker', 'Red' || char(27) ||
    '[31m text' || char(10) || 'Second line')"
keys Escape
tui_start
wait_for "Showing everyone"
keys /
type_text "Aisha"
keys Enter Enter
wait_for "Aisha Khan  (number 1)"
keys End
check_screen '         Red\x1b[31m text' "an escape in a note is shown escaped"
check_screen "         Second line" "... and its next line under it"

# help
keys '?'
wait_for "Keys"
keys End
check_screen "Ctrl-J                  start a new line in a note" \
	"help says how to start a new line in a note"
check_screen "Ctrl-X                  write the note in your own editor" \
	"... and how to write it in an editor"
keys Escape Escape q
check_exit 0 "quits with status 0"

# ------------------------------------------------------------ at 80x24
TUI_COLS=80
TUI_LINES=24
tui_start
wait_for "Showing everyone"
keys c
wait_for "Log a contact with"
keys Tab Tab Tab Tab
n=1
while [ "$n" -le 7 ]; do
	type_text "Row $n"
	[ "$n" -lt 7 ] && keys C-j
	n=$((n + 1))
done
check_screen "lines 5-7 of 7" \
	"at 80x24 the box has three rows (the dialog agrees an action too)"
check_screen "Enter save · Ctrl-J new line · Ctrl-X editor · Esc cancel" \
	"the whole dialog fits"
if screen | sed -n 23p | grep -q "[│└]"; then
	not_ok "the status line stays clear of the dialog"
	diag_screen
else
	ok "the status line stays clear of the dialog"
fi
keys Enter
check_screen "Logged contact 2: phone with" "it saves at 80x24"
check_note 13 "Row 1|Row 2|Row 3|Row 4|Row 5|Row 6|Row 7" \
	"the note is stored whole"

# The box grows with a taller window and keeps its text.
keys c
wait_for "Log a contact with"
keys Tab Tab Tab Tab
n=1
while [ "$n" -le 7 ]; do
	type_text "Line $n"
	[ "$n" -lt 7 ] && keys C-j
	n=$((n + 1))
done
wait_for "lines 5-7 of 7"
resize 100 30
check_screen_lacks "lines 5-7 of 7" "a taller window gives the box more rows"
check_screen "Line 1" "... showing the whole note"
resize 80 24
check_screen "lines 5-7 of 7" "back at 80x24 the box scrolls again"
keys Enter
check_screen "Logged contact 3: phone with" "it saves after the resizes"
check_note 14 "Line 1|Line 2|Line 3|Line 4|Line 5|Line 6|Line 7" \
	"with the text typed before them"
# Esc asks before throwing a typed note away.
keys c
wait_for "Log a contact with"
keys Tab Tab Tab Tab
type_text "A draft"
keys C-j
type_text "of two lines"
keys Escape
check_screen "Throw away what you typed?" "Esc asks before throwing a note away"
keys y
check_screen_lacks "Log a contact with" "y throws it away"
if [ "$(sql "SELECT count(*) FROM contacts")" = 14 ]; then
	ok "nothing was saved from the thrown-away note"
else
	not_ok "nothing was saved from the thrown-away note"
fi
keys q
check_exit 0 "quits with status 0 at 80x24"

done_testing
