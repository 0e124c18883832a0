#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload contact, strike and review: the contact log and its clock.
. "$(dirname "$0")/../lib.sh"

run add --name "Aisha Khan" --dob 2007-03-14 --allocated 2025-02-01
run contact 1 --date 2026-09-02 --note "Talked about college."
check_status 0 "a contact is logged"
check_out "contact says what was logged and when the next is due" <<EOF
Logged contact 1: phone with Aisha Khan on 02/09/2026.
Next contact was due 28/10/2026: overdue by 30 days.
EOF
check_true "stored with the defaults: phone, by the worker, not attempted" \
	test "$(sql "SELECT on_date, method, started_by, attempted, note FROM contacts")" = \
	"2026-09-02|phone|worker|0|Talked about college."

run contact aisha --method visit --attempted --note "Not in."
check_status 0 "an attempted contact is logged"
check_out "an attempted contact does not reset the clock" <<EOF
Logged contact 2: attempted visit with Aisha Khan on 27/11/2026.
An attempted contact does not reset the clock.
Next contact was due 28/10/2026: overdue by 30 days.
EOF

run contact 1 --date yesterday --method video --by young-person
check_out "a contact the young person started resets the clock" <<EOF
Logged contact 3: video with Aisha Khan on 26/11/2026, started by the young person.
Next contact due 21/01/2027.
EOF
check_true "the summary follows the log" \
	test "$(sql "SELECT last_contact FROM people")" = 2026-11-26

for m in visit phone video text email letter group other; do
	run contact 1 --date 2026-11-01 --method $m
	check_status 0 "the method '$m' is accepted"
done

# A note with every kind of character is kept exactly; a huge one is not.
note="Line one, with \"quotes\"; commas, 'apostrophes' & émoji 😀
ليلى said: \\n is not a new line
third line"
run contact 1 --date 2026-11-02 --note "$note"
check_status 0 "a note of several lines is logged"
check_true "and kept exactly" \
	test "$(sql "SELECT note FROM contacts WHERE on_date = '2026-11-02'")" = "$note"
run show 1
check_out_has "         ليلى said: \\n is not a new line" "show prints each line of a note, indented"
big=$(head -c 65536 /dev/zero | tr '\0' 'x')
run contact 1 --date 2026-11-03 --note "$big"
check_status 0 "a note of 64 KiB is logged"
check_refused "a note over 64 KiB" "--note: too long (65537 bytes; at most 65536)" \
	contact 1 --note "${big}y"
check_refused "a note with an escape" "--note: control characters" \
	contact 1 --note "$(printf 'bad\033]0;x\007')"

check_refused "an unknown method" \
	"--method: 'carrier-pigeon' is not a method; use visit, phone, video, text, email, letter, group or other" \
	contact 1 --method carrier-pigeon
check_refused "an unknown starter" "--by: 'manager' is not who started it; use worker or young-person" \
	contact 1 --by manager
check_refused "an unknown place, listed from the same table" \
	"--place: 'pub' is not a place; use home, office, college, community or online" \
	contact 1 --place pub
check_refused "an unknown answer" \
	"--seen-alone: 'maybe' is not an answer; use unknown, yes or no" \
	contact 1 --seen-alone maybe
run contact 1 --date 2026-10-03 --method Visit --by "Young Person" --place HOME --attempted
check_status 0 "choices are read in any case, and 'young person' as written"
check_true "... as the names the log keeps" test "$(sql "SELECT method || '|' ||
    started_by || '|' || place FROM contacts WHERE on_date = '2026-10-03'")" = \
	"visit|young-person|home"
check_refused "a contact in the future" \
	"--date: 28 November 2026 is in the future; record it once it has happened" \
	contact 1 --date 28/11/2026
check_refused "a contact before birth" \
	"--date: 1 January 2007 is before their date of birth (14 March 2007)" \
	contact 1 --date 2007-01-01
check_refused "an impossible contact date" "--date: '2026-02-29' is not a real date" \
	contact 1 --date 2026-02-29
check_refused "a contact for nobody" "no young person matches 'Zed'" \
	contact Zed
check_refused "a contact without a young person" "contact: give one young person" \
	contact --method visit

# Strike out the latest contact: the one before counts again.
run strike 1 3 --reason "logged twice"
check_status 0 "a contact is struck out"
check_out "strike says what was struck and what is due now" <<EOF
Struck out contact 3 (video with Aisha Khan on 26/11/2026); it stays in the log, marked struck out.
Next contact due 29/12/2026.
EOF
check_true "the struck contact is kept, with when and why" \
	test "$(sql "SELECT on_date, method, struck_on, struck_reason FROM contacts WHERE id = 3")" = \
	"2026-11-26|video|2026-11-27|logged twice"
check_true "the summary no longer counts it" \
	test "$(sql "SELECT last_contact FROM people")" = 2026-11-03
run show 1
check_out_has "STRUCK OUT on 27/11/2026: logged twice" "show marks it struck out"
check_refused "striking it twice" "strike: contact 3 of young person 1 was already struck out on 27/11/2026" \
	strike 1 3
check_refused "striking a contact that does not exist" "strike: young person 1 has no contact 999" \
	strike 1 '#999'
check_refused "striking something that is not a number" "strike: 'three' is not the number of a contact (3), letter (L1), review (R1), note (N1) or accommodation (M1)" \
	strike 1 three
check_refused "strike without a young person (the old form)" "strike: name the young person too" strike 1
check_refused "strike with nothing" "strike: give the young person and the number" strike

# Pathway plan reviews.
run review 1 --date 2026-06-01
check_status 0 "a review is recorded"
check_out "review says when the next one is due" <<EOF
Recorded a pathway plan review for 1 Aisha Khan on 01/06/2026.
Next review due 01/12/2026.
EOF
check_true "it is stored" test "$(sql "SELECT on_date FROM reviews")" = 2026-06-01
check_refused "a review in the future" "--date: 1 December 2026 is in the future" \
	review 1 --date 2026-12-01
check_refused "a review before birth" "is before their date of birth" \
	review 1 --date 2001-01-01

run check
check_status 0 "the database is sound after all that"
done_testing
