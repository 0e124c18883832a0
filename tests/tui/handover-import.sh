#!/bin/sh
# SPDX-License-Identifier: MIT
# Importing a handover file from the screen (B, the third choice): what
# the file holds is shown first, then the job of 'caseload handover
# import' adds its young people; a file that is missing, not a handover
# file, or holds someone already here is refused with nothing written.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"

# Another worker's caseload, handed over with the command line.
printf '[worker]\nname = Sam Jones\n' >"$TEST_DIR/sam.ini"
sam() {
	"$CASELOAD" --db "$TEST_DIR/sam.db" --config "$TEST_DIR/sam.ini" \
	    --today "$TODAY" "$@" >/dev/null 2>&1 || {
		echo "Bail out! caseload $* failed"
		exit 1
	}
}
sam add --name "Aisha Khan" --dob 2007-03-14 --allocated 2025-02-01
sam contact 1 --date 2026-11-20 --method visit --note "Talked about college."
sam add --name "Ben Carter" --dob 2008-12-01 --allocated 2026-01-10
sam contact 2 --date 2026-10-05
sam step-down 2 --date 2026-11-01 --reason "full-time work"
sam flag 1 --kind marac --note "Heard at MARAC"
sam note 2 --text "Likes to be called Ben"
sam handover export 1 2 -o "$HOME/two.handover"
printf 'not a handover\n' >"$HOME/words.txt"

# This caseload has Chloe on it already.
"$CASELOAD" --db "$DB" --today "$TODAY" add --name "Chloe Nowak" \
	--dob 2007-06-01 >/dev/null || { echo "Bail out! add failed"; exit 1; }

tui_start
wait_for "Showing everyone"
resize 160 30
check_screen "F figures B database" "a wide bottom line of the list names B"
resize 100 30
keys B
check_screen "Import young people from a handover file" "B offers an import"
keys Down Down Enter
check_screen "Import a handover file" "... which asks for the file"

# Refused: a file that is not there, then one that is not a handover.
snapshot
type_text "~/missing.handover"
keys Enter
check_screen "Nothing was imported: cannot read $HOME/missing.handover" \
	"a missing file is refused in plain words"
keys C-u
type_text "~/words.txt"
keys Enter
check_screen "Nothing was imported: $HOME/words.txt is not a caseload" \
	"a file that is not a handover file is refused"
check_unchanged "and nothing was written"

# The file: what it holds first, then yes.
keys C-u
type_text "~/two.handover"
keys Enter
check_screen "2 young people, handed over by Sam Jones on 27/11/2026," \
	"the question says how many young people, who made it and when"
check_screen "with 2 contacts, 3 status changes, 0 letters, 0 reviews, 1" \
	"... their contacts and the rest of their records"
check_screen "safety flag and 1 note." \
	"... every kind of record the file carries"
check_screen "Add them to this caseload, under new numbers?" "... and asks"
check_unchanged "nothing is imported before the answer"
keys y
check_screen "Imported 2 young people with their whole records: Aisha Khan (number 2), Ben Carter (number 3)." \
	"yes imports them, and the message says who came"
check_screen "27/11/2026 · 2/22 stepped up" "the header counts Aisha as stepped up"
row=$(list_row 2)
case $row in
*"Aisha Khan"*) ok "the list shows Aisha under her new number" ;;
*) not_ok "the list shows Aisha under her new number (row: $row)" ;;
esac
row=$(list_row 3)
case $row in
*"Ben Carter"*"stepped down"*) ok "... and Ben, stepped down" ;;
*) not_ok "... and Ben, stepped down (row: $row)" ;;
esac
check_true "the database holds the three of them" \
	test "$(sql "SELECT group_concat(name, '|') FROM (SELECT name FROM people ORDER BY id)")" = \
	"Chloe Nowak|Aisha Khan|Ben Carter"
check_true "with their contacts and their note" \
	test "$(sql "SELECT count(*) FROM contacts WHERE person_id = 2 AND note = 'Talked about college.'")" = 1
check_true "and Ben's stepping down" \
	test "$(sql "SELECT status FROM people WHERE id = 3")" = down

# The same file again: they are here now, so it is refused.
snapshot
keys B
wait_for "Import young people from a handover file"
keys Down Down Enter
wait_for "Import a handover file"
type_text "~/two.handover"
keys Enter
check_screen "Nothing was imported: Aisha Khan, in the file, is on this caseload already as number 2." \
	"the same file again is refused, naming who is here"
check_unchanged "and nothing was written"
keys Escape
wait_for "Throw away what you typed?"
keys y
wait_gone "Import a handover file"
keys q
check_exit 0 "q quits"
done_testing
