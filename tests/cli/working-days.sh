#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/working-days.sh: [calendar] working_days and extra_holidays
# (issue 17): a contact, letter or review due on a Saturday, Sunday or
# bank holiday in England and Wales is due on the working day before, in
# due, show, agenda, letters and the calendar export, and overdue counts
# from the moved date; with the setting off (the default) nothing moves;
# a bad extra holiday is refused, naming it, with nothing written.  TAP.
. "$(dirname "$0")/../lib.sh"

on=$TEST_DIR/on.ini
extra=$TEST_DIR/extra.ini
bad=$TEST_DIR/bad.ini
printf '[calendar]\nworking_days = yes\n' >"$on"
printf '[calendar]\nworking_days = yes\nextra_holidays = 2026-12-28, 24/12/2026\n' >"$extra"
printf '[calendar]\nworking_days = yes\nextra_holidays = 24/12/2026, 31/02/2027\n' >"$bad"

# Ella: contact and review due on Christmas Day 2026, a Friday.  Sam: a
# contact due on Saturday 2 January 2027 (Friday 1 is New Year's Day).
# Lee: stepped down, the first letter due on Saturday 26 December 2026.
run add --name "Ella Morris" --dob 2007-03-03 --allocated 2026-06-25 \
	--last-contact 2026-10-30
run add --name "Sam Ode" --dob 2006-03-03 --allocated 2026-01-04 \
	--last-contact 2026-11-07
run add --name "Lee Grant" --dob 2005-02-02 --allocated 2024-01-01
run step-down lee --date 2025-12-26 --reason "moved away"
check_status 0 "three young people"

# 1. Off, by default: the dates as they fall.
run due --format csv
check_out_has "1,Ella Morris,stepped-up,2026-10-30,2026-12-25,0,ok" \
	"off: due csv, Christmas Day"
check_out_has "2,Sam Ode,stepped-up,2026-11-07,2027-01-02,0,ok" \
	"off: due csv, Saturday 2 January"
run due
check_out_has "25/12/2026" "off: due, Christmas Day"
run show ella
check_out_has "Next contact    25/12/2026" "off: show, the contact on Christmas Day"
check_out_has "Pathway plan    25/12/2026" "off: show, the review on Christmas Day"
run agenda --days 60
check_out_has "Friday 25/12/2026" "off: agenda, Christmas Day"
check_out_has "Saturday 02/01/2027" "off: agenda, Saturday 2 January"
check_out_has "Saturday 26/12/2026" "off: agenda, the letter on Boxing Day"
run letters --format csv
check_out_has "3,Lee Grant,2025-12-26,,2026-12-26,0,ok" "off: letters csv"
run export -o "$TEST_DIR/off.ics"
check_true "off: the calendar's contact on Christmas Day" \
	grep -q 'DTSTART;VALUE=DATE:20261225' "$TEST_DIR/off.ics"

# 2. On: each moves to the working day before.
snapshot
run --config "$on" due --format csv
check_out_has "1,Ella Morris,stepped-up,2026-10-30,2026-12-24,0,ok" \
	"on: due csv, Thursday 24 December"
check_out_has "2,Sam Ode,stepped-up,2026-11-07,2026-12-31,0,ok" \
	"on: due csv, past New Year's Day to Thursday 31 December"
run --config "$on" due
check_out_has "24/12/2026" "on: due, 24/12/2026"
check_out_lacks "25/12/2026" "on: due, not Christmas Day"
run --config "$on" show ella
check_out_has "Next contact    24/12/2026" "on: show, the contact"
check_out_has "Pathway plan    24/12/2026" "on: show, the review"
run --config "$on" agenda --days 60
check_out_has "Thursday 24/12/2026" "on: agenda, Thursday 24 December"
check_out_has "Thursday 31/12/2026" "on: agenda, Thursday 31 December"
check_out_lacks "25/12/2026" "on: agenda, nothing on Christmas Day"
check_out_lacks "26/12/2026" "on: agenda, nothing on Boxing Day"
check_out_lacks "02/01/2027" "on: agenda, nothing on Saturday 2 January"
run --config "$on" letters --format csv
check_out_has "3,Lee Grant,2025-12-26,,2026-12-24,0,ok" \
	"on: letters csv, the letter on Thursday 24 December"
check_unchanged "on: reading with working days wrote nothing"
run --config "$on" export -o "$TEST_DIR/on.ics"
check_true "on: the calendar's items on Thursday 24 December" \
	test "$(grep -c 'DTSTART;VALUE=DATE:20261224' "$TEST_DIR/on.ics")" = 3
check_true "on: and on Thursday 31 December" \
	grep -q 'DTSTART;VALUE=DATE:20261231' "$TEST_DIR/on.ics"
check_true "on: none on Christmas Day or 2 January" \
	sh -c "! grep -q 'DTSTART;VALUE=DATE:2026122[56]\\|DTSTART;VALUE=DATE:20270102' '$TEST_DIR/on.ics'"
rm -f "$TEST_DIR/on.ics" "$TEST_DIR/off.ics"
check_true "the store keeps the dates as worked out" \
	test "$(sql "SELECT next_due FROM people ORDER BY id LIMIT 2")" = \
	"2026-12-25
2027-01-02"

# 3. Overdue counts from the moved date: on Christmas Day Ella is a day
# overdue with working days, due today without.
TODAY=2026-12-25
run --config "$on" due --format csv
check_out_has "1,Ella Morris,stepped-up,2026-10-30,2026-12-24,1,overdue" \
	"on: overdue by a day on Christmas Day"
run --config "$on" due
check_out_has "1 overdue" "on: the count of overdue agrees"
run due --format csv
check_out_has "1,Ella Morris,stepped-up,2026-10-30,2026-12-25,0,due-soon" \
	"off: due today"
run due
check_out_has "0 overdue" "off: nothing overdue"

# 4. --within counts the moved date: 31 days from 1 December reach 1
# January, so Sam is in with working days and out without.
TODAY=2026-12-01
run --config "$on" due --within 31 --format csv
check_out_has "2,Sam Ode,stepped-up,2026-11-07,2026-12-31,0," \
	"on: due --within 31 takes Sam, due 31 December"
run due --within 31 --format csv
check_out_lacks "Sam Ode" "off: due --within 31 leaves Sam out"
TODAY=2026-11-27

# 5. An extra holiday is passed over too: 24 December, so the 23rd; and
# 28 December, so Sam's 2 January still goes to the 31st.
run --config "$extra" due --format csv
check_out_has "1,Ella Morris,stepped-up,2026-10-30,2026-12-23,0,ok" \
	"extra: past 24 December to Wednesday 23"
check_out_has "2,Sam Ode,stepped-up,2026-11-07,2026-12-31,0,ok" \
	"extra: Sam still on 31 December"
run --print-config --config "$extra"
check_out_has "extra_holidays = 2026-12-28, 24/12/2026" \
	"--print-config shows the extra holidays"
check_out_has "working_days = yes" "--print-config shows working days"

# 6. A bad date among the extra holidays: refused, naming it.
check_refused "a bad extra holiday is refused before reading" \
	"[calendar] extra_holidays = '24/12/2026, 31/02/2027': '31/02/2027' is not a real date" \
	--config "$bad" due
check_refused "and before writing: nothing logged" \
	"'31/02/2027' is not a real date: February 2027 has 28 days" \
	--config "$bad" contact ella --method phone
check_true "no contact was logged" \
	test "$(sql "SELECT count(*) FROM contacts WHERE person_id = 1")" = 1

# 6a. A ';' between dates starts a comment for the settings file, which
# would keep only the first date: refused, saying to use commas.
semi=$TEST_DIR/semi.ini
for v in '2026-04-01;2026-04-02' '2026-04-01 ; 2026-04-02' \
    '24/12/2026 ; Christmas Eve' '2026-04-01 #2026-04-02' \
    '"2026-04-01" ; 2026-04-02'; do
	printf '[calendar]\nworking_days = yes\nextra_holidays = %s\n' "$v" \
		>"$semi"
	check_refused "extra_holidays = $v is refused" \
		"semi.ini:3: [calendar] extra_holidays: a '" --config "$semi" due
	check_err_has "separate the dates with commas, as in extra_holidays = 08/05/2028, 2028-12-29" \
		"... saying to separate the dates with commas"
	check_out "... printing nothing" </dev/null
done
printf '[calendar]\nextra_holidays = "2026-04-01;2026-04-02"\n' >"$semi"
check_refused "a ';' inside quotes is refused too" \
	"'2026-04-01;2026-04-02' is not a date: separate the dates with commas" \
	--config "$semi" due
printf '[calendar]\nextra_holidays = 2026-04-01, 2026-04-02 # office shut\n' \
	>"$semi"
run --config "$semi" --print-config
check_status 0 "a '#' comment after the dates is still a comment"
check_out_has "extra_holidays = 2026-04-01, 2026-04-02" "... keeping both dates"

# 7. What a job says follows the moved date as well.
run --config "$on" add --name "Ava Lin" --dob 2007-04-04 \
	--allocated 2026-06-25 --last-contact 2026-10-30
check_out "add says the moved date" <<OUT
Added 4 Ava Lin (18-21), last contact 30/10/2026, next contact due 24/12/2026.
OUT
run --config "$on" review ava --date 2026-06-25
check_out_has "Next review due 24/12/2026." \
	"review says the next one on the moved date"

done_testing
