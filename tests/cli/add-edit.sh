#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload add and edit: what is stored, what is refused, and finding a
# young person by number or name.
. "$(dirname "$0")/../lib.sh"

run add --name "Aisha Khan" --dob 14/03/2007
check_status 0 "add with a name and a date of birth"
check_out "add says who was added and when contact is due (a week on)" <<EOF
Added 1 Aisha Khan (18-21), first contact due 04/12/2026.
EOF
check_true "the young person is stored, stepped up since today" \
	test "$(sql "SELECT name, dob, allocated_on, status, status_since FROM people")" = \
	"Aisha Khan|2007-03-14|2026-11-27|up|2026-11-27"
check_true "with a first row of status history" \
	test "$(sql "SELECT status, on_date, reason FROM status_changes")" = \
	"up|2026-11-27|allocated"

run add --name "Ben Carter" --dob 2008-12-01 --preferred Benny \
	--phone "07700 900102" --email ben@example.org \
	--address "22 Harehills Lane
Leeds LS8 5DR" --interval-weeks 4 --allocated 2026-01-10
check_status 0 "add with every option"
check_true "every detail is stored" \
	test "$(sql "SELECT preferred_name, phone, email, address, interval_weeks, allocated_on FROM people WHERE id = 2")" = \
	"Benny|07700 900102|ben@example.org|22 Harehills Lane
Leeds LS8 5DR|4|2026-01-10"

# Names as people write them are kept exactly, byte for byte.
for name in "Ellie-Mae \"Ells\" O'Connor, Jr.; the 2nd" "Zoë Ñúñez" \
	"Nguyễn Thị Hà" "李明" "Amélie (e + combining accent: Ame\314\201lie)" \
	"ليلى حسن" "Kai 😀 Thompson" "Robert'); DROP TABLE people;--"; do
	run add --name "$name" --dob 2006-05-05
	check_status 0 "add keeps the name: $name"
	got=$(sql "SELECT hex(name) FROM people ORDER BY id DESC LIMIT 1")
	want=$(printf '%s' "$name" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
	check_true "stored exactly: $name" test "$got" = "$want"
	id=$(sql "SELECT max(id) FROM people")
	run show "$id"
	check_out_has "$name" "shown exactly: $name"
done
check_true "an SQL-looking name did no harm" \
	test "$(sql "SELECT count(*) FROM people")" = 10

# Refused, with nothing written.
check_refused "a name with a new line" "--name: must be one line" \
	add --name "Two
Lines" --dob 2006-05-05
check_refused "a name with a tab" "--name: control characters" \
	add --name "$(printf 'Tab\there')" --dob 2006-05-05
check_refused "a name with a terminal escape" "--name: control characters" \
	add --name "$(printf 'Esc\033[2J')" --dob 2006-05-05
check_refused "a name that is not UTF-8" "--name: the text is not valid UTF-8" \
	add --name "$(printf 'Bad\377')" --dob 2006-05-05
check_refused "an empty name" "--name: the name is empty" \
	add --name "" --dob 2006-05-05
check_refused "a blank name" "--name: the name is empty" \
	add --name "   " --dob 2006-05-05
check_refused "a name of 201 bytes" "--name: too long (201 bytes; at most 200)" \
	add --name "$(printf '%0201d' 0)" --dob 2006-05-05
check_refused "no name" "add: give at least --name and --dob" \
	add --dob 2006-05-05
check_refused "no date of birth" "add: give at least --name and --dob" \
	add --name "No Dob"
check_refused "an impossible date of birth" \
	"--dob: '31/02/2008' is not a real date: February 2008 has 29 days" \
	add --name "X" --dob 31/02/2008
check_refused "a malformed date of birth" "--dob: '2008/01/01' is not a date" \
	add --name "X" --dob 2008/01/01
check_refused "a date of birth in the future" \
	"--dob: 28 November 2026 is in the future; check the year" \
	add --name "X" --dob 28/11/2026
check_refused "an allocation before birth" \
	"--allocated: 1 January 2005 is before their date of birth (5 May 2006)" \
	add --name "X" --dob 2006-05-05 --allocated 2005-01-01
check_refused "an allocation years ahead" "--allocated: 1 January 2030 is more than a year ahead" \
	add --name "X" --dob 2006-05-05 --allocated 2030-01-01
for bad in 53 -1 abc 4x 08.5; do
	check_refused "an interval of '$bad' weeks" \
		"--interval-weeks: '$bad' is not a whole number from 1 to 52" \
		add --name "X" --dob 2006-05-05 --interval-weeks "$bad"
done
check_refused "an interval of 0 weeks says what to type instead" \
	"--interval-weeks: 0 is not an interval; give 1 to 52 weeks, or --interval-weeks default (or \"\") for the default of the settings, every 8 weeks" \
	add --name "X" --dob 2006-05-05 --interval-weeks 0
for bad in nobody "no@" "@example.org" "a@b@c" "a b@example.org"; do
	check_refused "the email '$bad'" "--email: '$bad' is not an email address" \
		add --name "X" --dob 2006-05-05 --email "$bad"
done
check_refused "a phone number with a new line" "--phone: must be one line" \
	add --name "X" --dob 2006-05-05 --phone "0770
0"
check_refused "a stray word after the options" "add: give the name with --name" \
	add --name Aisha Khan --dob 2006-05-05
check_refused "the same name and date of birth again" \
	"someone with that name and date of birth is already number 1" \
	add --name "aisha khan" --dob 2007-03-14

# Ages at the edges of the service: only with --yes, then warned, and
# added (tests/cli/checks.sh has the refusals without it).
run add --name "Young Teen" --dob 2011-01-01 --yes
check_status 0 "someone under 16 is added"
check_err_has "caseload: warning: number 11 is under 16 (born 01/01/2011)" \
	"with a warning on standard error"
run add --name "Older" --dob 2000-01-01 --yes
check_status 0 "someone 25 or over is added"
check_err_has "their leaving care entitlement has ended; consider 'caseload archive 12'" \
	"with a suggestion to archive"

# Edit.
run edit 2 --phone "" --email "" --preferred "Ben" --interval-weeks 1
check_status 0 "edit changes details"
check_out "edit says it saved" <<EOF
Saved 2 Ben Carter.
EOF
check_true "empty values clear optional details, others change" \
	test "$(sql "SELECT coalesce(phone, 'NULL'), coalesce(email, 'NULL'), preferred_name, interval_weeks, address IS NOT NULL FROM people WHERE id = 2")" = \
	"NULL|NULL|Ben|1|1"
run contact 2 --date 2026-02-01
check_refused "a date of birth after their first contact" \
	"--dob: their contact log starts on 1 February 2026, before that date of birth" \
	edit 2 --dob 2026-03-01
check_refused "edit with nothing to change" "edit: nothing to change" edit 2
check_refused "edit of nobody" "no young person matches 'Nobody'" \
	edit Nobody --phone 1
check_refused "edit without a young person" "edit: give one young person" \
	edit --phone 1
check_refused "edit to an empty name" "--name: the name is empty" \
	edit 2 --name ""

# REF: a number, or a part of a name that matches one young person.
run show '#2'
check_out_has "Ben Carter  (number 2)" "REF may be #2"
run show "CARTER"
check_out_has "Ben Carter  (number 2)" "REF ignores case"
run show "zoë"
check_out_has "Zoë Ñúñez  (number 4)" "REF ignores case beyond ASCII"
run show "Ben"
check_out_has "Ben Carter  (number 2)" "REF matches a preferred name"
run add --name "Aisha Begum" --dob 2007-01-01
run show aisha
check_status 2 "an ambiguous REF exits 2"
check_err_has "caseload: 'aisha' matches 2 young people; give the number of the one you mean:" \
	"an ambiguous REF says so"
check_err_has "      1  Aisha Khan" "and lists the matches"
check_err_has "     13  Aisha Begum" "all of them"
run show "Aisha Khan"
check_out_has "Aisha Khan  (number 1)" "an exact name wins over partial matches"
run show 99
check_status 2 "a number nobody has exits 2"
check_err_has "there is no young person number 99" "and says so"
run show nobody-at-all
check_status 2 "a name nobody has exits 2"
run show 1 2
check_status 2 "show takes one young person"
run archive 13
run show aisha
check_out_has "Aisha Khan  (number 1)" "archived young people match only when nobody else does"
run show begum
check_out_has "Aisha Begum  (number 13)" "but they are still found"
done_testing
