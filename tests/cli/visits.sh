#!/bin/sh
# SPDX-License-Identifier: MIT
# The statutory visit clock beside the contact clock: moving into
# accommodation the local authority provides on 31 January starts it (a
# visit within 7 days), a visit there sets the next for two calendar
# months on (clamped), a move to accommodation it does not provide ends
# it; due, show, the agenda (and --overdue), the calendar (initials by
# default), the printed due list and the screens' header count follow it.
# check holds the kept visit date to the rules.
. "$(dirname "$0")/../lib.sh"

at() {
	day=$1
	shift
	"$CASELOAD" --db "$DB" --today "$day" "$@" >/dev/null 2>&1 || {
		echo "Bail out! caseload --today $day $* failed"
		exit 1
	}
}
at 2027-01-10 add --name "Kai Thompson" --dob 2008-05-01 --allocated 2027-01-05
at 2027-01-10 add --name "Mia Patel" --dob 2007-06-01 --allocated 2027-01-05

run --today 2027-01-31 moved Kai --type supported-lodgings --provided-by-la
check_out_has "Next statutory visit due 07/02/2027 (first visit)." \
	"moving in on 31 January: the first visit within 7 days"
check_true "the store keeps the date" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 1")" = 2027-02-07
check_true "Mia has no visit clock" \
	test "$(sql "SELECT visit_due IS NULL FROM people WHERE id = 2")" = 1

# --- seen on 10 February, the first visit is overdue

TODAY=2027-02-10
run due --format csv
strip_cr
check_out "due gives visit_due as its last column" <<'EOF'
id,name,status,last_contact,next_due,days_overdue,state,preferred_name,stage,age,attempts,visit_due
1,Kai Thompson,stepped-up,,2027-01-12,29,overdue,,18-21,18,0,2027-02-07
2,Mia Patel,stepped-up,,2027-01-12,29,overdue,,18-21,19,0,
EOF
run due --format json
check_out_has '"visit_due": "2027-02-07"' "due as JSON too"
check_out_has '"visit_due": null' "null for someone without the clock"
run due
check_out_has "; visit 07/02/2027 overdue by 3 days" "due's text says it after the state"
run show Kai
check_out_has "  Statutory visit 07/02/2027  overdue by 3 days" "show says it under Coming up"
check_out_has "first visit" "and which duty"
run agenda --overdue
check_out_has "visit    due 07/02/2027  3 days overdue" "agenda --overdue lists it"
run agenda --format csv
check_out_has "2027-02-10,visit,1,Kai Thompson,2027-02-07,3,overdue,statutory visit due" \
	"the agenda as CSV"
run export -o "$TEST_DIR/cal.ics"
check_status 0 "export a calendar"
check_true "a statutory visit item, with initials" \
	grep -q "SUMMARY:Statutory visit overdue since 07/02/2027: K.T. #1" "$TEST_DIR/cal.ics"
check_true "not the name" sh -c "! grep -q 'Kai Thompson' '$TEST_DIR/cal.ics'"
cat >"$TEST_DIR/cat.ini" <<'INI'
[letters]
print_command = cat
INI
run --config "$TEST_DIR/cat.ini" due --print
check_out_has "Statutory visit to 1 Kai Thompson: 07/02/2027, overdue by 3 days." \
	"the printed due list says it"

# --- a visit at home on 31 January: two months on is 31 March

at 2027-02-10 contact Kai --date 2027-01-31 --method visit --place office
check_true "a visit at the office is not at that accommodation" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 1")" = 2027-02-07
at 2027-02-10 contact Kai --date 2027-01-31 --method phone
check_true "nor is a phone call" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 1")" = 2027-02-07
at 2027-02-10 contact Kai --date 2027-01-31 --method visit --attempted
check_true "nor an attempted visit" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 1")" = 2027-02-07
at 2027-02-10 contact Kai --date 2027-01-31 --method visit --place home
check_true "a visit at home on the move-in day counts: 31 March" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 1")" = 2027-03-31
run show Kai
check_out_has "  Statutory visit 31/03/2027  due in 49 days" "show follows"
check_out_has "two-monthly visit" "the two-monthly duty"

# --- check holds the kept visit date to the rules, as it does next_due
run check
check_status 0 "check: the kept visit dates agree with the history"
cp "$DB" "$TEST_DIR/tampered.db"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/tampered.db" \
	"UPDATE people SET visit_due = '2027-04-30' WHERE id = 1;
	 UPDATE people SET visit_due = '2027-02-01' WHERE id = 2"
run_raw --db "$TEST_DIR/tampered.db" check
check_status 1 "check fails when a kept visit date was changed by hand"
check_out_has "young person 1: the next statutory visit date is 2027-04-30 but their history says 2027-03-31" \
	"and says whose, what is kept and what the rules give"
check_out_has "young person 2: the next statutory visit date is 2027-02-01 but their history says none" \
	"a visit date for someone with no visit clock too"
check_err_has "has 2 problems (listed above)" "counted on standard error"
at 2027-02-10 strike Kai 4
check_true "striking the visit out brings the first visit back" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 1")" = 2027-02-07
at 2027-02-10 contact Kai --date 2027-02-09 --method visit
check_true "a visit with no place recorded counts" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 1")" = 2027-04-09

# --- a move to accommodation the local authority does not provide

run --today 2027-02-10 stats
check_out_has "Visits          0 of 1 statutory visit due in the last 12 months made on time, 0 overdue now" \
	"stats: the first visit, due 7 February, was made late on the 9th"
run --today 2027-04-12 stats --format json
check_out_has '"visits_due": 2' "by 12 April the two-monthly one has fallen due too"
check_out_has '"visits_on_time": 0' "and was missed"
check_out_has '"visits_overdue": 1' "so one is overdue now"

run --today 2027-02-12 moved Kai --type independent-tenancy
check_status 0 "moved to a tenancy of his own"
check_out_lacks "statutory visit" "no visit clock is said"
check_true "the kept date is gone" \
	test "$(sql "SELECT visit_due IS NULL FROM people WHERE id = 1")" = 1
TODAY=2027-02-12
run show Kai
check_out_lacks "Statutory visit" "show has no visit clock"
run agenda --format csv
check_out_lacks ",visit," "nor the agenda"

done_testing
