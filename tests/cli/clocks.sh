#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/clocks.sh: where the clocks start (SPEC section 2, "The
# clock's start"): a step-up after a step-down, a new young person, a
# last contact given with add, the allocation date and the first row of
# the status history as one fact, a young person's own interval cleared,
# and [contact] first_contact_days.  TAP.
. "$(dirname "$0")/../lib.sh"

TODAY=2026-11-30

# 1. Leah stepped down two years ago and steps up today: due a week on,
# her review six months on; not years overdue.
run add --name "Leah Price" --dob 2005-04-02 --allocated 2023-01-09
run contact leah --date 2024-10-31 --method visit
run review leah --date 2023-07-12
run step-down leah --date 2024-12-01 --reason "moved away"
run step-up leah --reason "back in the area"
check_status 0 "Leah steps up again"
check_out "step-up: next contact a week on, review six months on" <<EOF
Stepped up 1 Leah Price on 30/11/2026.
Next contact due 07/12/2026.
Pathway plan review due 30/05/2027.
EOF
run due --format csv
check_out_has "1,Leah Price,stepped-up,2024-10-31,2026-12-07,0,due-soon" \
	"due: a week after the step-up, due soon"
run show leah
check_out_has "Next contact    07/12/2026" "show: the next contact a week on"
check_out_has "Pathway plan    30/05/2027" "show: the review six months on"
check_out_lacks "overdue" "show: nothing overdue"
run agenda --days 200
# Her 21st birthday's return (window closed 02/05/2026) is a clock of
# its own, overdue whatever her steps.
check_true "agenda: nothing overdue but her birthday return" sh -c \
	"! grep 'days ago' '$out' | grep -v 'birthday return due'"
# A contact on the day she stepped up counts: eight weeks on.
run contact leah --method phone
run due --format csv
check_out_has "1,Leah Price,stepped-up,2026-11-30,2027-01-25,0,ok" \
	"a contact on the step-up day restarts the clock"
check_true "the kept date agrees" \
	test "$(sql "SELECT next_due FROM people WHERE id = 1")" = 2027-01-25

# 2. Someone allocated today is due in a week, not overdue tomorrow.
run add --name "Noah Grant" --dob 2008-02-02
check_out "add: the first contact due a week on" <<EOF
Added 2 Noah Grant (18-21), first contact due 07/12/2026.
EOF
"$CASELOAD" --db "$DB" --today 2026-12-01 due --format csv >"$out" 2>"$err"
check_out_has "2,Noah Grant,stepped-up,,2026-12-07,0,due-soon" \
	"the next day: due soon, not overdue"
"$CASELOAD" --db "$DB" --today 2026-12-08 due --format csv >"$out" 2>"$err"
check_out_has "2,Noah Grant,stepped-up,,2026-12-07,1,overdue" \
	"overdue by a day once the week has passed"

# 3. add --last-contact: the contact logged with the add.
run add --name "Mia Stone" --dob 2007-06-06 --allocated 2025-01-06 \
	--last-contact 02/11/2026 --last-contact-method visit
check_status 0 "add with a last contact"
check_out "add: says the last contact and the next one due" <<EOF
Added 3 Mia Stone (18-21), last contact 02/11/2026, next contact due 28/12/2026.
EOF
check_true "the contact is logged: by the worker, successful, a visit" \
	test "$(sql "SELECT on_date, method, started_by, attempted FROM contacts WHERE person_id = 3")" = \
	"2026-11-02|visit|worker|0"
run add --name "Kai Reed" --dob 2006-03-03 --last-contact 2026-10-20
check_out "without --allocated: allocated by the day of the last contact" <<EOF
Added 4 Kai Reed (18-21), last contact 20/10/2026, next contact due 15/12/2026.
EOF
check_true "and the method is other" \
	test "$(sql "SELECT p.allocated_on, c.method FROM people p JOIN contacts c ON c.person_id = p.id WHERE p.id = 4")" = \
	"2026-10-20|other"
check_refused "a last contact in the future" \
	"--last-contact: 1 December 2026 is in the future" \
	add --name "X Y" --dob 2006-03-03 --last-contact 2026-12-01
check_refused "a last contact before birth" \
	"--last-contact: 2 March 2006 is before their date of birth" \
	add --name "X Y" --dob 2006-03-03 --allocated 2006-03-03 \
	--last-contact 2006-03-02
check_refused "a last contact before the allocation" \
	"--last-contact: 01/01/2026 is before they were allocated to you on 05/01/2026" \
	add --name "X Y" --dob 2006-03-03 --allocated 2026-01-05 \
	--last-contact 2026-01-01
check_refused "a method that is not one" \
	"--last-contact-method: 'pigeon' is not a method" \
	add --name "X Y" --dob 2006-03-03 --last-contact 2026-11-01 \
	--last-contact-method pigeon
check_refused "a method without a date" \
	"--last-contact-method goes with --last-contact" \
	add --name "X Y" --dob 2006-03-03 --last-contact-method phone
check_refused "edit has no --last-contact" \
	"--last-contact is for add" edit 3 --last-contact 2026-11-01

# 4. The allocation date and the first row of the history are one fact.
run add --name "Ava Moss" --dob 2006-09-09
run edit ava --allocated 01/09/2026
check_status 0 "edit --allocated"
run show ava
check_out_has "Allocated       01/09/2026" "show: allocated on the new date"
check_out_has "stepped up since 01/09/2026" "show: stepped up since it too"
check_true "the first status row moved with it" \
	test "$(sql "SELECT on_date, reason FROM status_changes WHERE person_id = 5")" = \
	"2026-09-01|allocated"
run step-down ava --date 01/11/2026
check_status 0 "a step-down after the new allocation is accepted"
check_refused "an allocation after a later change of status" \
	"--allocated: 02/11/2026 is after their next change of status, on 01/11/2026" \
	edit ava --allocated 2026-11-02
check_refused "an allocation after the first contact" \
	"--allocated: 03/11/2026 is after their first contact, on 02/11/2026" \
	edit mia --allocated 2026-11-03
run check
check_status 0 "the database is sound"
sql "UPDATE people SET allocated_on = '2026-08-01' WHERE id = 5"
run check
check_status 1 "check finds an allocation that differs from the history"
check_out_has "young person 5: allocated on 2026-08-01 but their status history starts on 2026-09-01; they are one date: give the right one with 'caseload edit 5 --allocated DATE'" \
	"check names them, both dates and what to do"
run edit 5 --allocated 2026-08-01
run check
check_status 0 "edit --allocated mends it"

# An older caseload may have them differ where the history cannot follow
# (its allocation edited to after a step-down): other edits leave the
# history alone, and a backup of it can still be restored.
run add --name "Ann Lee" --dob 2005-01-01 --allocated 2024-01-01
ann=$(sql "SELECT id FROM people WHERE name = 'Ann Lee'")
run step-down "$ann" --date 2024-03-01 --reason moved
history_before=$(sql "SELECT id, status, on_date FROM status_changes WHERE person_id = $ann ORDER BY id")
sql "UPDATE people SET allocated_on = '2024-06-01' WHERE id = $ann"
run backup "$TEST_DIR/differ.db"
check_status 0 "a backup of a caseload whose dates differ"
run --db "$TEST_DIR/elsewhere.db" restore "$TEST_DIR/differ.db"
check_status 0 "... can be restored (check reports it; it is not damage)"
run --db "$TEST_DIR/elsewhere.db" check
check_out_has "young person $ann: allocated on 2024-06-01 but their status history starts on 2024-01-01" \
	"... and check there says the dates differ"
run edit "$ann" --phone "07700 900000"
check_status 0 "another detail of someone whose dates differ is saved"
check_true "... and their status history is as it was" \
	test "$(sql "SELECT id, status, on_date FROM status_changes WHERE person_id = $ann ORDER BY id")" = "$history_before"
run edit "$ann" --email ann@example.org --allocated 2024-06-01
check_true "... also when the allocation is given as it is kept" \
	test "$(sql "SELECT id, status, on_date FROM status_changes WHERE person_id = $ann ORDER BY id")" = "$history_before"
run show "$ann"
check_out_has "stepped down since 01/03/2024" "... so they are still stepped down"
run edit "$ann" --allocated 2024-01-01
check_status 0 "giving the history's date mends it"
run check
check_status 0 "... and the database is sound again"

# 5. A young person's own interval cleared back to the default.
run edit noah --interval-weeks 2
check_true "an interval of 2 weeks is kept" \
	test "$(sql "SELECT interval_weeks FROM people WHERE id = 2")" = 2
run edit noah --interval-weeks ""
check_status 0 "edit --interval-weeks \"\""
check_true "clears it" \
	test "$(sql "SELECT interval_weeks IS NULL FROM people WHERE id = 2")" = 1
run show noah
check_out_has "8 weeks (the default)" "show: the default again"
run edit noah --interval-weeks 3
run edit noah --interval-weeks default
check_status 0 "edit --interval-weeks default"
check_true "clears it too" \
	test "$(sql "SELECT interval_weeks IS NULL FROM people WHERE id = 2")" = 1
check_refused "an interval of 0 says what to type instead" \
	"--interval-weeks: 0 is not an interval; give 1 to 52 weeks, or --interval-weeks default (or \"\") for the default" \
	edit noah --interval-weeks 0

# 6. [contact] first_contact_days.
run --print-config
check_out_has "first_contact_days = 7" "--print-config shows first_contact_days"
ini=$TEST_DIR/fourteen.ini
printf '[contact]\nfirst_contact_days = 14\n' >"$ini"
"$CASELOAD" --db "$DB" --today "$TODAY" --config "$ini" due --format csv \
	>"$out" 2>"$err"
check_out_has "2,Noah Grant,stepped-up,,2026-12-14,0,due-soon" \
	"first_contact_days = 14: due two weeks after allocation"
"$CASELOAD" --db "$DB" --today "$TODAY" --config "$ini" contact mia \
	--method text >/dev/null 2>&1
check_true "the kept dates are worked out again with it" \
	test "$(sql "SELECT next_due FROM people WHERE id = 2")" = 2026-12-14
"$CASELOAD" --db "$DB" --today "$TODAY" --config "$ini" check \
	>"$out" 2>"$err"
check_true "check agrees with the new rule" test $? -eq 0
run due --format csv
check_out_has "2,Noah Grant,stepped-up,,2026-12-07,0,due-soon" \
	"and back to 7 without the setting"
run check
check_status 0 "check agrees after going back"
printf '[contact]\nfirst_contact_days = 57\n' >"$ini"
"$CASELOAD" --db "$DB" --today "$TODAY" --config "$ini" due >"$out" 2>"$err"
check_true "first_contact_days = 57 is refused (exit 2)" test $? -eq 2
check_err_has "first_contact_days" "naming the key"

# A file from before first_contact_days: its kept dates are by the old
# rule (due on the allocation date); check takes it as it is, and every
# date is worked out again with the new rule.
sql "DELETE FROM settings_used WHERE key = 'first_contact_days';
    UPDATE people SET next_due = allocated_on WHERE id = 2"
run check
check_status 0 "check: a file from before first_contact_days is sound"
run due --format csv
check_out_has "2,Noah Grant,stepped-up,,2026-12-07,0,due-soon" \
	"due works the dates out again with the new rule"
run contact mia --method text
check_true "the next write keeps them, and which rule they follow" \
	test "$(sql "SELECT next_due FROM people WHERE id = 2; SELECT value FROM settings_used WHERE key = 'first_contact_days'")" = \
	"2026-12-07
7"

done_testing
