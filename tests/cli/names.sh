#!/bin/sh
# SPDX-License-Identifier: MIT
# Names as typed: spaces at the ends go and runs inside become one before
# a name is stored, by every way in (add, edit, import, handover), so the
# same name typed with other spaces is the same name; characters that
# reverse the direction text is shown in are refused.
. "$(dirname "$0")/../lib.sh"

nbsp=$(printf '\302\240')
rlo=$(printf '\342\200\256')	# U+202E RIGHT-TO-LEFT OVERRIDE
lri=$(printf '\342\201\246')	# U+2066 LEFT-TO-RIGHT ISOLATE

run add --name "Aisha Khan" --dob 2007-03-14
check_status 0 "add Aisha Khan"
check_refused "the same name with more spaces is the same young person" \
	"already number 1" add --name "Aisha  Khan " --dob 2007-03-14
check_refused "... and with a no-break space between the words" \
	"already number 1" add --name " Aisha${nbsp}Khan" --dob 14/03/2007

run add --name "  Ben    Carter  " --preferred "  Benny  B " --dob 2008-12-01
check_out_has "Added 2 Ben Carter (16-18)" "add stores the name tidied"
check_true "in the database too" \
	test "$(sql 'SELECT name || "|" || preferred_name FROM people WHERE id = 2')" = "Ben Carter|Benny B"
run edit 2 --name " Ben   Carter-Jones" --preferred "   "
check_out_has "Saved 2 Ben Carter-Jones." "edit stores the name tidied"
check_true "and a blank preferred name clears it" \
	test "$(sql 'SELECT name || "|" || coalesce(preferred_name, "none") FROM people WHERE id = 2')" = "Ben Carter-Jones|none"

# A formula behind spaces: the spaces go, so the spreadsheet guard sees it.
run add --name "  =1+1" --dob 2008-01-02
check_status 0 "add a name that looks like a formula"
run list --format csv
check_out_has ",'=1+1," "CSV output guards it"
check_out_lacks ",  =1+1," "and never writes it bare behind spaces"
# One stored before names were tidied is guarded too.
sql "UPDATE people SET name = '  =2+2' WHERE id = 3"
run list --format csv
check_out_has ",'  =2+2," "CSV output guards a formula behind spaces"
run due --format csv
check_out_has ",'  =2+2," "in the due list too"

# Importing a spreadsheet: names tidied, duplicates found.
cat >"$TEST_DIR/sheet.csv" <<EOF
name,preferred name,dob
"  Zoë   Ñúñez ", Zo ,2004-02-29
" aisha   khan",,2007-03-14
EOF
check_refused "import finds someone already here, spaced otherwise" \
	"sheet.csv:3: already on your caseload as number 1" \
	import "$TEST_DIR/sheet.csv"
cat >"$TEST_DIR/sheet.csv" <<EOF
name,preferred name,dob
"  Zoë   Ñúñez ", Zo ,2004-02-29
"Zoë Ñúñez",,29/02/2004
EOF
check_refused "import finds the same young person twice in the sheet" \
	"sheet.csv:3: the same young person as on line 2" \
	import "$TEST_DIR/sheet.csv"
cat >"$TEST_DIR/sheet.csv" <<EOF
first name,surname,dob
"  Zoë ","  Ñúñez  ",2004-02-29
EOF
run import "$TEST_DIR/sheet.csv"
check_status 0 "import a name in two columns with spaces around"
check_true "import stores the name tidied" \
	test "$(sql 'SELECT name FROM people WHERE dob = "2004-02-29"')" = "Zoë Ñúñez"

# A handover from a caseload that kept spaces (made before names were
# tidied, or edited around caseload).
run add --name "Grace Okoye" --dob 2004-01-20
sql "UPDATE people SET name = ' Grace   Okoye ', preferred_name = ' Gee ' WHERE name = 'Grace Okoye'"
grace=$(sql "SELECT id FROM people WHERE dob = '2004-01-20'")
run handover export "$grace" -o "$TEST_DIR/grace.handover"
check_status 0 "hand over a young person whose name has spaces around"
MINE=$DB
DB=$TEST_DIR/colleague.db
run handover import "$TEST_DIR/grace.handover"
check_status 0 "handover import"
check_out_has "      1  Grace Okoye, stepped up" "handover import tidies the name"
check_true "and the preferred name" \
	test "$(sql 'SELECT name || "|" || preferred_name FROM people')" = "Grace Okoye|Gee"
DB=$TEST_DIR/third.db
run add --name "Grace Okoye" --dob 2004-01-20
check_refused "a handover of someone already here, spaced otherwise" \
	"already here as number 1 (the same name and date of birth)" \
	handover import "$TEST_DIR/grace.handover"
DB=$MINE

# Direction overrides and isolates are refused wherever text is typed.
check_refused "a right-to-left override in a name" \
	"--name: a direction override or isolate character (U+202E) is not allowed" \
	add --name "Ali ${rlo}nahK" --dob 2007-05-05
check_refused "an isolate in a preferred name" "--preferred: a direction override" \
	edit 1 --preferred "${lri}Ash"
check_refused "an override in a contact note" "--note: a direction override" \
	contact 1 --note "see ${rlo}etab"
check_refused "an override in an address" "--address: a direction override" \
	edit 1 --address "1 High St${rlo}"
printf 'name,dob\n"Ali %snahK",2007-05-05\n' "$rlo" >"$TEST_DIR/sheet.csv"
check_refused "an override in an imported name" \
	"sheet.csv:2: name: a direction override or isolate character (U+202E)" \
	import "$TEST_DIR/sheet.csv"
printf '[worker]\nname = Sam %sTaylor\n' "$rlo" >"$TEST_DIR/bidi.ini"
check_refused "an override in a setting" \
	"[worker] name = " --config "$TEST_DIR/bidi.ini" contact 1
check_err_has "direction override or isolate" "which says what is wrong"
# Right-to-left names themselves are welcome.
run add --name "ليلى حداد" --dob 2006-06-06
check_status 0 "a name in Arabic script is accepted"
done_testing
