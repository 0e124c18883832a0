#!/bin/sh
# SPDX-License-Identifier: MIT
# Importing young people from a spreadsheet (B, the fourth choice) and
# checking the database (B, the fifth) from the screen: the sheet is
# tried with a dry run first (counting what the rows keep with them) and
# nothing is written before yes, nor when it has problems; the check
# shows what 'caseload check' finds.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"

cat >"$HOME/young-people.csv" <<'EOF'
Name,Date of birth,Status,Stepped down on,Last contact,Safety flag,Agreed action,Agreed action due
Aisha Khan,14/03/2007,stepped up,,20/11/2026,marac,Chase the bus pass,12/12/2026
Ben Carter,2008-12-01,stepped down,01/11/2026,05/10/2026,,Ring college,2026-12-01
Chloe Nowak,01/06/2007,,,,,,
EOF
cat >"$HOME/bad.csv" <<'EOF'
name,dob
Dylan Okafor,2007-05-05
Esme Evans,31/02/2008
EOF

# This caseload has Femi on it already.
"$CASELOAD" --db "$DB" --today "$TODAY" add --name "Femi Adeyemi" \
	--dob 2006-02-02 >/dev/null || { echo "Bail out! add failed"; exit 1; }

# Open the fourth (d = 3) or fifth (d = 4) choice of B.
database_choice() {
	keys B
	wait_for "Check the database" || return
	case $1 in
	3) keys Down Down Down Enter ;;
	4) keys Down Down Down Down Enter ;;
	esac
}

tui_start
wait_for "Showing everyone"
keys B
check_screen "Import young people from a spreadsheet (CSV)" \
	"B offers to import a spreadsheet"
check_screen "Check the database" "... and to check the database"
keys Escape
wait_gone "Check the database"

# A file that is not there, then a sheet with a bad row: nothing written.
snapshot
database_choice 3
check_screen "It is checked whole first" "the import asks for the file"
type_text "~/missing.csv"
keys Enter
check_screen "Nothing was imported: cannot read $HOME/missing.csv" \
	"a missing file is refused on the status line"
keys C-u
type_text "~/bad.csv"
keys Enter
check_screen "1 problem in bad.csv:" "a sheet with a bad row shows a box"
check_screen "line 3: dob: '31/02/2008' is not a real date" \
	"... with the problem by its line"
check_screen "Nothing was imported; fix the sheet and try again." \
	"... and says nothing was imported"
check_unchanged "nothing of the bad sheet was written, not even Dylan"
keys Enter
wait_gone "fix the sheet"
check_screen "~/bad.csv" "closing the box goes back to the form"

# The good sheet: what it would add first; n writes nothing.
keys C-u
type_text "~/young-people.csv"
keys Enter
check_screen "3 young people to add, 1 of them stepped down." \
	"the dry run says how many would be added, and how many stepped down"
check_screen "With them: 1 safety flag, 2 agreed actions." \
	"... and, in counts, what the rows keep with them"
check_screen_lacks "Chase the bus pass" "... never what an action says"
check_screen "Add them all from young-people.csv to this caseload?" "... and asks"
check_unchanged "nothing is written before the answer"
keys n
wait_gone "to this caseload?"
check_unchanged "n writes nothing"

# Yes this time.
database_choice 3
wait_for "It is checked whole first"
type_text "~/young-people.csv"
keys Enter
wait_for "to this caseload?"
keys y
check_screen "Added 3 young people from young-people.csv (2 stepped up, 1 stepped down)." \
	"y imports them, and the status line says how many"
check_screen "27/11/2026 · 3/22 stepped up" "the header counts them"
row=$(list_row 2)
case $row in
*"Aisha Khan"*"contact 15/01/2027"*) ok "the list shows Aisha's next contact, 8 weeks after her last" ;;
*) not_ok "the list shows Aisha's next contact, 8 weeks after her last (row: $row)" ;;
esac
row=$(list_row 3)
case $row in
*"Ben Carter"*"stepped down"*) ok "... and Ben, stepped down" ;;
*) not_ok "... and Ben, stepped down (row: $row)" ;;
esac
row=$(list_row 4)
case $row in
*"Chloe Nowak"*) ok "... and Chloe" ;;
*) not_ok "... and Chloe (row: $row)" ;;
esac
check_true "the database holds the four of them" \
	test "$(sql "SELECT group_concat(name || ':' || status, '|') FROM (SELECT name, status FROM people ORDER BY id)")" = \
	"Femi Adeyemi:up|Aisha Khan:up|Ben Carter:down|Chloe Nowak:up"
check_true "with their last contacts from the sheet" \
	test "$(sql "SELECT group_concat(person_id || ':' || on_date, '|') FROM (SELECT person_id, on_date FROM contacts WHERE note = 'imported from spreadsheet' ORDER BY person_id)")" = \
	"2:2026-11-20|3:2026-10-05"
check_true "and Ben's stepping down" \
	test "$(sql "SELECT status_since FROM people WHERE id = 3")" = 2026-11-01
check_true "Aisha's flag and the two agreed actions are kept" \
	test "$(sql "SELECT (SELECT group_concat(person_id || ':' || kind) FROM flags) || '|' ||
	(SELECT group_concat(person_id || ':' || due_on, ' ') FROM actions)")" = \
	"2:marac|2:2026-12-12 3:2026-12-01"

# The same sheet again: they are here now, so it is refused.
snapshot
database_choice 3
wait_for "It is checked whole first"
type_text "~/young-people.csv"
keys Enter
check_screen "3 problems in young-people.csv:" \
	"the same sheet again shows its problems"
check_screen "line 2: already on your caseload as number 2" \
	"... each row already here, by its line"
check_unchanged "and nothing is written"
keys Escape
wait_gone "fix the sheet"
keys Escape
wait_for "Throw away what you typed?"
keys y
wait_gone "It is checked whole first"

# The check: a sound caseload.
database_choice 4
check_screen "The database is sound: 4 young people, 3 stepped up, 1 stepped down and 0" \
	"the check says the caseload is sound, and counts it"
check_unchanged "the check writes nothing"
keys Escape
wait_gone "The database is sound"

# A summary changed by hand, under the screens.
"${SQLITE3_BIN:-sqlite3}" "$DB" \
	"UPDATE people SET last_contact = '2026-11-26' WHERE id = 2"
database_choice 4
check_screen "3 problems found in $DB:" "the check finds the summary changed by hand"
check_screen "young person 2: the last contact is 2026-11-26" \
	"... and says which and how"
check_screen "The database is not sound: restore a backup" "... and what to do"
check_screen_lacks "more (lines" "two problems fit in the box"
keys Enter
wait_gone "The database is not sound"

# Many problems: the box scrolls.
"${SQLITE3_BIN:-sqlite3}" "$DB" \
	"UPDATE people SET last_letter = '2026-01-01', last_review = '2026-01-01'"
database_choice 4
check_screen "11 problems found in $DB:" "the check finds them all"
check_screen "Up, Down, PgUp, PgDn: more (lines 1-" \
	"the box says there is more than it shows"
check_screen_lacks "young person 2: the most urgent date" "... the last is not in sight"
keys End
check_screen "young person 2: the most urgent date is" \
	"End scrolls to the last problem"
check_screen_lacks "11 problems found" "... and the first lines go out of sight"
keys Home
check_screen "11 problems found in $DB:" "Home goes back to the top"
keys Escape
wait_gone "The database is not sound"
keys q
check_exit 0 "q quits"
done_testing
