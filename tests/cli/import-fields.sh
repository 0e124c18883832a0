#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/import-fields.sh: caseload import carries what is kept with a
# young person: safety flags with their note, a note about them, their
# social worker and an agreed action, as optional columns checked as
# 'caseload flag', 'note', 'involve' and 'action' check them; all or
# nothing, and the text of a flag, a note or an action never in a problem.
. "$(dirname "$0")/../lib.sh"

secret=zebrafinch
esc=$(printf '\033')

# The worker who sets the flags.
printf '[worker]\nname = Sam Taylor\n' >"$TEST_DIR/sam.ini"
CONF=$TEST_DIR/sam.ini

# Someone already here, so that "nothing written" is a file that stays
# byte for byte the same.
run add --name "Zed Here" --dob 2007-01-01
check_status 0 "a caseload to import into"

SHEET=$TEST_DIR/sheet.csv
printf '%s\n' \
	'Name,DOB,Safety flag,Safety flag note,Notes,Social worker,SW phone,SW email' \
	'Aisha Khan,2007-03-01,marac; Do Not Visit Alone,Conference on 03/12,"Likes to be called Ash' \
	'Prefers a text first",Sam Jones,07700 900123,sam.jones@example.org' \
	'Ben Carter,2008-05-05,other;other,,,Jo Bloggs,,' \
	'Chloe Nowak,2006-01-01,,,Plays football on Saturdays,,,' \
	'Dan Okafor,2006-02-02,,,,,,' >"$SHEET"

# --- dry run: counted, nothing written

snapshot
run --config "$CONF" import "$SHEET" --dry-run
sed "s|$TEST_DIR/||" "$out" >"$out.tmp" && mv "$out.tmp" "$out"
check_status 0 "a sheet with flags, notes and social workers is read"
check_out "--dry-run says how many of each would be added" <<'EOF'
Would import 4 young people from sheet.csv (4 stepped up, 0 stepped down):
    line 2  Aisha Khan                    18-21     next contact due 04/12/2026
    line 4  Ben Carter                    18-21     next contact due 04/12/2026
    line 5  Chloe Nowak                   18-21     next contact due 04/12/2026
    line 6  Dan Okafor                    18-21     next contact due 04/12/2026
4 safety flags, 2 notes, 2 social workers would be added.
Nothing was written (--dry-run).
EOF
check_unchanged "... and writes nothing"
check_true "nor says a flag's kind or note" sh -c "! grep -q \
    'MARAC\|marac\|Conference\|Likes' '$out' '$err'"

# --- the import

run --config "$CONF" import "$SHEET"
check_status 0 "the sheet is imported"
check_out_has "4 safety flags, 2 notes, 2 social workers were added." \
	"it says how many of each were added"
check_true "each kind of a cell is a flag, set today by the worker, with the note" \
    test "$(sql "SELECT group_concat(p.name || '|' || f.kind || '|' ||
	coalesce(f.note, '-') || '|' || f.set_on || '|' || f.set_by, ' / ')
	FROM flags f JOIN people p ON p.id = f.person_id ORDER BY f.id")" = \
	"Aisha Khan|marac|Conference on 03/12|2026-11-27|Sam Taylor / Aisha Khan|do-not-visit-alone|Conference on 03/12|2026-11-27|Sam Taylor / Ben Carter|other|-|2026-11-27|Sam Taylor / Ben Carter|other|-|2026-11-27|Sam Taylor"
check_true "the flag's note is kept in its history too" \
    test "$(sql "SELECT count(*) FROM flag_notes
	WHERE note = 'Conference on 03/12' AND on_date = '2026-11-27'")" = 2
check_true "a note about them keeps its lines and is dated today" \
    test "$(sql "SELECT p.name || '|' || n.on_date || '|' || n.text
	FROM notes n JOIN people p ON p.id = n.person_id
	WHERE p.name = 'Aisha Khan'")" = \
	"Aisha Khan|2026-11-27|Likes to be called Ash
Prefers a text first"
check_true "one note each for those who have one" \
    test "$(sql "SELECT count(*) FROM notes")" = 2
check_true "the social worker is someone around them, from today" \
    test "$(sql "SELECT group_concat(p.name || '|' || a.role || '|' ||
	a.name || '|' || coalesce(a.phone, '-') || '|' ||
	coalesce(a.email, '-') || '|' || a.since, ' / ')
	FROM around a JOIN people p ON p.id = a.person_id ORDER BY a.id")" = \
	"Aisha Khan|social-worker|Sam Jones|07700 900123|sam.jones@example.org|2026-11-27 / Ben Carter|social-worker|Jo Bloggs|-|-|2026-11-27"
check_true "nothing is kept for a row without them" \
    test "$(sql "SELECT (SELECT count(*) FROM flags WHERE person_id = 5) +
	(SELECT count(*) FROM notes WHERE person_id = 5) +
	(SELECT count(*) FROM around WHERE person_id = 5)")" = 0

run show Aisha
check_out_has "F1     27/11/2026  MARAC: Conference on 03/12" \
	"show lists the imported flags"
check_out_has "F2     27/11/2026  do not visit alone: Conference on 03/12" \
	"... each of them"
check_out_has "P1     Sam Jones, social worker, since 27/11/2026" \
	"... the social worker"
check_out_has "07700 900123, sam.jones@example.org" "... with their phone and email"
check_out_has "Likes to be called Ash" "... and the note"
check_out_has "Prefers a text first" "... on its lines"
run list
check_out_has "⚑ Aisha Khan" "the list marks the flagged young person"

# --- other spellings of the headers

printf '%s\n' 'Full name,Date of birth,Flags,Flag note,Note,SW,Social worker phone,Social worker email' \
	'Esme Evans,2007-07-07,MARAC,Review due,Call after 4pm,Kim Lee,0113 496 0000,kim@example.org' \
	>"$TEST_DIR/other.csv"
run import --dry-run "$TEST_DIR/other.csv"
check_status 0 "Flags, Flag note, Note, SW, Social worker phone and email are known"
check_out_has "1 safety flag, 1 note, 1 social worker would be added." \
	"... and counted in the singular"

# --- wrong values: the row and the column named, nothing written

bad() {
	printf 'Name,DOB,Safety flag,Safety flag note,Notes,Social worker,SW phone,SW email\n' \
		>"$TEST_DIR/bad.csv"
	printf 'Fay Good,2007-08-08,marac,fine,a note,Al Good,0113 496 0001,al@example.org\n' \
		>>"$TEST_DIR/bad.csv"
	printf '%s\n' "$1" >>"$TEST_DIR/bad.csv"
}

bad "Gus Bad,2007-09-09,marac;pub,$secret is at risk,,,,"
check_refused "a kind that is not a safety flag is refused" \
	"bad.csv:3: Safety flag: kind 2 is not a kind of safety flag; use do-not-visit-alone, marac, domestic-abuse, exploitation, missing, custody or other" \
	import "$TEST_DIR/bad.csv"
check_true "... never quoting the flag's note" sh -c "! grep -q $secret '$err'"
check_true "... nor the good row's flag written" \
    test "$(sql "SELECT count(*) FROM people WHERE name = 'Fay Good'")" = 0

bad "Gus Bad,2007-09-09,missing;Missing,,,,,"
check_refused "a kind given twice in a cell is refused" \
	"bad.csv:3: Safety flag: kind 2 is given before on the row" \
	import "$TEST_DIR/bad.csv"

bad "Gus Bad,2007-09-09,,$secret,,,,"
check_refused "a flag's note without a flag is refused" \
	"bad.csv:3: Safety flag note: there is no safety flag on the row" \
	import "$TEST_DIR/bad.csv"
check_true "... never quoting it" sh -c "! grep -q $secret '$err'"

bad "Gus Bad,2007-09-09,marac,\"$secret
on two lines\",,,,"
check_refused "a flag's note is one line, as 'caseload flag' has it" \
	"bad.csv:3: Safety flag note: must be one line" import "$TEST_DIR/bad.csv"

bad "Gus Bad,2007-09-09,,,,Di Worker,,not-an-email"
check_refused "a social worker's email that is not one is refused" \
	"bad.csv:3: SW email: the email address is not one" import "$TEST_DIR/bad.csv"
check_true "... never quoting it" sh -c "! grep -q not-an-email '$err'"

bad "Gus Bad,2007-09-09,,,,,0113 496 0002,"
check_refused "a social worker's phone needs their name" \
	"bad.csv:3: SW phone: whose? Give the social worker's name too" \
	import "$TEST_DIR/bad.csv"

bad "Gus Bad,2007-09-09,,,\"$secret ${esc}[2J${esc}]0;owned$(printf '\007')\",,,"
check_refused "a note with an escape sequence is refused" \
	"bad.csv:3: Notes: control characters (such as tabs or escapes) are not allowed" \
	import "$TEST_DIR/bad.csv"
check_true "... which never reaches the terminal raw" sh -c "! grep -q \
    '$esc' '$out' '$err'"
check_true "... nor is quoted" sh -c "! grep -q $secret '$err'"

bad "Gus Bad,2007-09-09,marac,\"${esc}[31m$secret\",,,,"
check_refused "so is a flag's note with one" \
	"bad.csv:3: Safety flag note: control characters" import "$TEST_DIR/bad.csv"
check_true "... which never reaches the terminal raw" sh -c "! grep -q \
    '$esc' '$out' '$err'"

run import --dry-run "$TEST_DIR/bad.csv"
check_status 2 "--dry-run reports the problems too"
check_err_has "bad.csv:3: Safety flag note: control characters" "... by row and column"

# --- agreed actions: what, who (the worker when empty) and when it is due,
# agreed on the day of the import, checked as 'caseload action' checks them

printf '%s\n' 'Name,DOB,Agreed action,Agreed action who,Agreed action due' \
	"Hal Green,2007-10-10,Chase the bus pass $secret,,12/12/2026" \
	'Ida Brown,2007-11-11,Ring college,young person,2026-12-01 00:00' \
	'Jo White,2007-12-12,,,' >"$TEST_DIR/actions.csv"
snapshot
run import --dry-run "$TEST_DIR/actions.csv"
check_status 0 "a sheet with agreed actions is read"
check_out_has "2 agreed actions would be added." "--dry-run counts them"
check_unchanged "... and writes nothing"
check_true "... nor says what was agreed" sh -c "! grep -q $secret '$out' '$err'"
run import "$TEST_DIR/actions.csv"
check_status 0 "the sheet with agreed actions is imported"
check_out_has "2 agreed actions were added." "it says how many were added"
check_true "each is open, agreed today, with who does it and when it is due" \
    test "$(sql "SELECT group_concat(p.name || '|' ||
	a.text || '|' || a.who || '|' || a.agreed_on || '|' || a.due_on ||
	'|' || coalesce(a.contact_id, '-') || '|' ||
	coalesce(a.closed_on, 'open'), ' / ')
	FROM actions a JOIN people p ON p.id = a.person_id ORDER BY a.id")" = \
	"Hal Green|Chase the bus pass $secret|worker|2026-11-27|2026-12-12|-|open / Ida Brown|Ring college|young person|2026-11-27|2026-12-01|-|open"
run show Ida
check_out_has "A1     due 01/12/2026  due soon   young person: Ring college" \
	"show lists the imported action"

bad_action() {
	printf 'Name,DOB,Agreed action,Agreed action who,Agreed action due\n' \
		>"$TEST_DIR/bad.csv"
	printf 'Kay Good,2007-08-08,Book dentist,,2026-12-12\n' \
		>>"$TEST_DIR/bad.csv"
	printf '%s\n' "$1" >>"$TEST_DIR/bad.csv"
}

bad_action "Len Bad,2007-09-09,$secret,,"
check_refused "an action needs the date it is due" \
	"bad.csv:3: Agreed action due: the date the agreed action is due is missing" \
	import "$TEST_DIR/bad.csv"
check_true "... never quoting the action" sh -c "! grep -q $secret '$out' '$err'"
check_true "... nor the good row written" \
    test "$(sql "SELECT count(*) FROM people WHERE name = 'Kay Good'")" = 0

bad_action "Len Bad,2007-09-09,,Sam,2026-12-01"
check_refused "who does it needs an action" \
	"bad.csv:3: Agreed action who: there is no agreed action on the row" \
	import "$TEST_DIR/bad.csv"
check_err_has "bad.csv:3: Agreed action due: there is no agreed action on the row" \
	"... and so does the due date"

bad_action "Len Bad,2007-09-09,$secret,,31/02/2026"
check_refused "a due date that is not a date is refused" \
	"bad.csv:3: Agreed action due: '31/02/2026' is not a real date" \
	import "$TEST_DIR/bad.csv"
check_true "... never quoting the action" sh -c "! grep -q $secret '$err'"

bad_action "Len Bad,2007-09-09,$secret,,2026-11-26"
check_refused "due before the day of the import (the day agreed)" \
	"bad.csv:3: Agreed action due: the due date is before the day it was agreed" \
	import "$TEST_DIR/bad.csv"

bad_action "Len Bad,2007-09-09,$secret,,2028-11-28"
check_refused "due more than two years on" \
	"bad.csv:3: Agreed action due: the due date is more than two years" \
	import "$TEST_DIR/bad.csv"

bad_action "Len Bad,2007-09-09,\"$secret
on two lines\",,2026-12-01"
check_refused "an action is one line" \
	"bad.csv:3: Agreed action: must be one line" import "$TEST_DIR/bad.csv"

bad_action "Len Bad,2007-09-09,\"${esc}[2J$secret\",\"${esc}]0;owned$(printf '\007')\",2026-12-01"
check_refused "an action with an escape sequence is refused" \
	"bad.csv:3: Agreed action: control characters" import "$TEST_DIR/bad.csv"
check_err_has "bad.csv:3: Agreed action who: control characters" \
	"... and so is who does it"
check_true "... which never reach the terminal raw" sh -c "! grep -q \
    '$esc' '$out' '$err'"
check_true "... nor are quoted" sh -c "! grep -q $secret '$err'"

bad_action "Len Bad,2007-09-09,$(printf '%0501d' 0),$(printf '%061d' 0),2026-12-01"
check_refused "an action over 500 bytes is refused" \
	"bad.csv:3: Agreed action: too long" import "$TEST_DIR/bad.csv"
check_err_has "bad.csv:3: Agreed action who: too long" \
	"... and who does it over 60"

done_testing
