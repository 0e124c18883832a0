#!/bin/sh
# SPDX-License-Identifier: MIT
# The birthday return: caseload return records the return for the
# birthday (17th to 21st) whose window is open on the day, once (or,
# late, the latest whose window has closed, until a year after it); it is
# struck out with a reason, never deleted, and recorded again.  show
# lists the returns and the open window; caseload returns lists the
# reporting year (1 April to 31 March) as text, CSV and JSON, with
# birthdays on 29 February, 31 March and 1 April at the year's edges.
. "$(dirname "$0")/../lib.sh"

esc=$(printf '\033')

fixture() {
	"$CASELOAD" --db "$DB" --today "$TODAY" "$@" >/dev/null 2>&1 || {
		echo "Bail out! fixture: caseload $* failed"
		exit 1
	}
}

# 1 Amy: 18 on 20/12/2026, her window open (20/09/2026 to 20/01/2027).
# 2 Ben: born 29/02/2008, 19 on 01/03/2027; his window opens 01/12/2026.
# 3 Cal: 18 on 31/03/2027, the year's last day.
# 4 Dee: 18 on 01/04/2026, the year's first day; allocated before her
#   window closed (01/05/2026), so overdue.
# 5 Eve: 17 on 01/04/2027, the next year's first day: not in 2026-27.
# 6 Fay: 19 on 10/06/2026, archived since: in the year all the same.
# 7 Gus: 19 on 25/12/2026, archived before it: not in the year.
# 8 Hal: 24: no return any more.
fixture add --name "Amy Able" --dob 2008-12-20
fixture add --name "Ben Bee" --dob 2008-02-29
fixture add --name "Cal Sea" --dob 2009-03-31
fixture add --name "Dee Dee" --dob 2008-04-01 --allocated 2026-01-05
fixture add --name "Eve Eff" --dob 2010-04-01
fixture add --name "Fay Gee" --dob 2007-06-10 --allocated 2025-01-06
fixture add --name "Gus Aitch" --dob 2007-12-25
fixture add --name "Hal Eye" --dob 2002-01-01
fixture archive 6 --reason "moved away"
fixture archive 7 --reason "moved away"

# --- recording

run return Amy --in-touch yes --activity employment --part-time \
	--date 2026-11-20
check_status 0 "return REF --in-touch --activity records the return"
check_out "it says which birthday's it is" <<'EOF'
Recorded B1, the return for Amy Able's 18th birthday, on 20/11/2026.
EOF
check_true "it is stored for the 18th birthday" \
	test "$(sql "SELECT person_id, age, in_touch, activity, part_time,
    on_date, struck_on IS NULL FROM returns")" = \
	"1|18|yes|employment|1|2026-11-20|1"
TODAY=2027-01-04
run return 3 --in-touch "not required" --date 2027-01-04
TODAY=2026-11-27
check_status 0 "a label is taken as well as a name; no activity when not in touch"
check_true "stored by its name" \
	test "$(sql "SELECT in_touch, activity IS NULL, part_time FROM returns
    WHERE person_id = 3")" = "not-required|1|0"

# --- refused: exit 2, nothing written

check_refused "before the first window opens" \
	"no birthday return window is open on 27/11/2026: the next, for the 17th birthday, opens on 01/01/2027" \
	return Eve --in-touch yes --activity training
check_refused "a return recorded twice" \
	"the return for the 18th birthday was recorded already (B1): strike it out first" \
	return Amy --in-touch no
check_refused "no return once the last window has closed" \
	"none opens later" return Hal --in-touch no
check_refused "a bad in-touch answer" \
	"--in-touch: 'maybe' is not an answer; use yes, no, refused, not-required, returned-home or died" \
	return Ben --in-touch maybe
check_refused "a bad activity" "--activity: 'sleeping' is not an activity" \
	return Ben --in-touch yes --activity sleeping
check_refused "in touch with no activity" "--activity: say what they are mainly doing: an activity is needed when in touch" \
	return Ben --in-touch yes
check_refused "an activity for someone who has died" "who has died" \
	return Ben --in-touch died --activity employment
check_refused "part-time with no activity" "--activity: part-time goes with an activity" \
	return Ben --in-touch no --part-time
check_refused "no in-touch answer" "--in-touch yes" return Ben
check_refused "a date in the future" "--date" \
	return Ben --in-touch no --date 2026-12-02
check_refused "a bad date" "--date" return Ben --in-touch no --date 2026-02-30
check_refused "a bad number to strike" "--strike" return Amy --strike Bx
check_refused "a return that is not there" "has no birthday return B9" \
	return Amy --strike B9
check_refused "a bad reporting year" "so write 2026-27" returns --year 2026-28

# --- the window, the day it opens

TODAY=2026-12-01
run return Ben --in-touch returned-home
check_out_has "Recorded B1, the return for Ben Bee's 19th birthday, on 01/12/2026." \
	"the day a window opens, its return can be recorded (29 February)"
TODAY=2026-11-27

# --- striking out, and recording again

check_refused "a reason with an escape sequence" "--reason" \
	return Amy --strike B1 --reason "wrong ${esc}[2J person"
check_true "the error writes no raw escape" sh -c "! grep -q '$esc' '$err'"
run return Amy --strike B1 --reason "wrong person"
check_out "strike says what was struck" <<'EOF'
Struck out B1, the return for Amy Able's 18th birthday.
EOF
check_true "struck out today with its reason, kept" \
	test "$(sql "SELECT count(*), struck_on FROM returns WHERE person_id = 1")" = \
	"1|2026-11-27"
check_refused "struck twice" "was struck out already" return Amy --strike B1
run return Amy --in-touch yes --activity higher-education
check_out_has "Recorded B2, the return for Amy Able's 18th birthday, on 27/11/2026." \
	"after striking, the return is recorded again"
check_true "a return is never deleted" sh -c \
	"! '${SQLITE3_BIN:-sqlite3}' '$DB' 'DELETE FROM returns' 2>/dev/null"

run show Amy
check_out_has "  B1     20/11/2026  18th birthday: in touch: yes; employment, part-time" \
	"show lists a struck return"
check_out_has 'STRUCK OUT on 27/11/2026: wrong person' "with its reason"
check_out_has "  B2     27/11/2026  18th birthday: in touch: yes; higher education, full-time" \
	"and the return recorded again"
check_out_has "Birthday return for 18th birthday: window open 20/09/2026 to 20/01/2027, recorded" \
	"and the open window"
sql "INSERT INTO returns (person_id, age, in_touch, on_date, struck_on,
    struck_reason) VALUES (8, 21, 'no', '2023-01-01', '2023-01-02',
    'oops' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7))"
run show Hal
check_out_has 'STRUCK OUT on 02/01/2023: oops\x1b[2J' \
	"a planted reason is shown escaped"
check_true "show writes no raw escape" sh -c "! grep -q '$esc' '$out'"
run returns --year 2022-23
check_true "nor does returns" sh -c "! grep -q '$esc' '$out'"
run show Dee
check_out_has "Birthday return for 18th birthday: window was open 01/01/2026 to 01/05/2026, OVERDUE" \
	"show says a return is overdue"
TODAY=2027-01-04
run show Cal
TODAY=2026-11-27
check_out_has "Birthday return for 18th birthday: window open 31/12/2026 to 30/04/2027, recorded" \
	"the 31 March birthday's window opens at the end of December"
run show Eve
check_out_lacks "Birthday return" "nothing before the first window opens"

# --- the reporting year

run returns
check_status 0 "returns lists the reporting year today is in"
check_expected returns.txt "returns as text"
run returns --format csv
strip_cr
check_expected returns.csv "returns as CSV, the year's edges included"
run returns --year 2026-27 --format json
check_python "returns as JSON" '
import json, sys
rows = json.load(open(sys.argv[1]))
assert [r["id"] for r in rows] == [1, 2, 3, 4, 6], rows
assert rows[1]["birthday"] == "2027-03-01" and rows[1]["in_touch"] == "returned home"
assert rows[3]["missing"] == "return (overdue)"
assert rows[0]["accommodation"] is None and rows[0]["suitable"] is None
' "$out"

# Accommodation on the birthday comes from the history: the row they lived
# in that day, not a later one.
run moved Amy --type sofa-surfing --unsuitable --date 2026-09-01
run moved Amy --type supported-lodgings --suitable yes --date 2026-11-01
run moved Dee --type foster-care --date 2026-05-01
run returns --format csv
strip_cr
check_out_has "1,Amy Able,2008-12-20,2026-12-20,18,yes,higher education,full-time,supported lodgings,suitable," \
	"returns gives the accommodation lived in on the birthday, and whether suitable"
check_out_has "4,Dee Dee,2008-04-01,2026-04-01,18,,,,,,return (overdue)" \
	"a move after the birthday is not where they lived on it"
run returns --year 2027-28
check_out_has "Eve Eff                   01/04/2010  01/04/2027  17th" \
	"1 April falls in the year it starts"
check_out_has "Cal Sea                   31/03/2009  31/03/2028  19th" \
	"and 31 March in the year it ends"
check_out_has "Dee Dee                   01/04/2008  01/04/2027  19th  not recorded; foster care (suitability unknown)" \
	"accommodation whose suitability is not known says so"
check_out_lacks "(null)" "and never prints a null"
run returns --year 2025-26
check_out_lacks "Eve Eff" "a 16th birthday has no return"
check_out_has "Ben Bee                   29/02/2008  01/03/2026  18th" \
	"29 February is 1 March in other years"

# --- the agenda, the calendar and the figures

run agenda --days 7
check_out_has "return window opens       Ben Bee: for the 19th birthday" \
	"the agenda shows a window opening, on its day"
check_out_lacks "Cal Sea" "not one opening after the agenda's days"
run agenda --overdue
check_out_has "    4  Dee Dee                       return   due 01/05/2026  210 days overdue" \
	"agenda --overdue lists an overdue return"
check_out_lacks "Fay Gee" "not for someone archived"
run agenda --format csv --days 7
strip_cr
check_out_has "2026-11-27,return,4,Dee Dee,2026-05-01,210,overdue,birthday return" \
	"agenda CSV: an overdue return"
check_out_has "2026-12-01,return,2,Ben Bee,2026-12-01,0,due-soon,return window opens" \
	"agenda CSV: a window opening"
run agenda --format json --days 7
check_python "agenda JSON: the returns" '
import json, sys
rows = [r for r in json.load(open(sys.argv[1])) if r["kind"] == "return"]
assert [(r["id"], r["state"]) for r in rows] == [(4, "overdue"), (2, "due-soon")], rows
' "$out"
run export -o - --days 7
check_out_has "SUMMARY:Birthday return window opens: B.B. #2" \
	"the calendar has the window opening, with initials"
check_out_has "SUMMARY:Birthday return overdue: D.D. #4" \
	"the calendar has a return overdue, with initials"
check_true "with initials, no date in its text (it would tell the birthday)" \
	sh -c "! tr -d '\r' <'$out' | grep -A1 -E '^(SUMMARY|DESCRIPTION):.*return' |
	    grep -qE '[0-9]{2}/[0-9]{2}/[0-9]{4}'"
check_out_lacks "19th" "with initials, not which birthday"
check_out_lacks "18th" "nor which birthday is overdue"
check_out_lacks "Ben Bee" "nor the name"
run export -o - --days 7 --privacy full
check_python "in full, which birthday" '
import sys
text = open(sys.argv[1]).read().replace("\n ", "")
assert "The birthday return window for Ben Bee #2\x27s 19th birthday opens." in text
assert "SUMMARY:Birthday return overdue since 01/05/2026: Dee Dee #4" in text
assert "The birthday return for Dee Dee #4\x27s 18th birthday was due on 01/05/2026\\, 210 days ago." in text
' "$out"
run stats
check_out_has "Returns         3 of 5 recorded for 2026-27, 2 overdue" \
	"stats counts the year's returns recorded and overdue"
run stats --format json
check_python "stats JSON: the returns" '
import json, sys
s = json.load(open(sys.argv[1]))
assert (s["returns_year"], s["returns_due"], s["returns_recorded"], s["returns_overdue"]) == ("2026-27", 5, 3, 2), s
' "$out"

# --- a handover file carries the returns whole, checked on import

run handover export Amy -o "$TEST_DIR/out.caseload"
check_status 0 "handover export"
check_true "the file holds every return, struck ones too" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/out.caseload" \
    "SELECT count(*), sum(struck_on IS NOT NULL) FROM returns")" = "2|1"
# tamper SQL: run SQL on the copy, past the trigger that keeps returns.
tamper() {
	cp "$TEST_DIR/out.caseload" "$TEST_DIR/bad.caseload"
	trigger=$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/bad.caseload" \
	    "SELECT sql FROM sqlite_schema WHERE name = 'returns_fixed'")
	"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/bad.caseload" \
	    "PRAGMA ignore_check_constraints = ON; DROP TRIGGER returns_fixed;
	    $1; $trigger;"
}
MAIN=$DB
DB=$TEST_DIR/other.db
tamper "UPDATE returns SET in_touch = 'maybe' WHERE person_id = 1"
check_refused "an answer caseload never writes is refused" \
	"a value in their birthday returns is not one caseload writes" \
	handover import "$TEST_DIR/bad.caseload"
tamper "UPDATE returns SET on_date = '2026-01-05' WHERE person_id = 1
    AND struck_on IS NULL"
check_refused "a return outside its window is refused" \
	"young person 1 in the file, birthday return B2: it was recorded outside its birthday's window" \
	handover import "$TEST_DIR/bad.caseload"
tamper "UPDATE returns SET activity = NULL WHERE activity = 'higher-education'"
check_refused "in touch with no activity is refused" \
	"birthday return B2: say what they are mainly doing: an activity is needed when in touch" \
	handover import "$TEST_DIR/bad.caseload"
tamper "UPDATE returns SET struck_reason = 'a' || char(27) || '[2J'
    WHERE person_id = 1 AND struck_on IS NOT NULL"
check_refused "a reason with an escape is refused" \
	"the reason birthday return B1 was struck out" \
	handover import "$TEST_DIR/bad.caseload"
check_true "and the refusal writes no raw escape" sh -c "! grep -q '$esc' '$err'"
run handover import "$TEST_DIR/out.caseload"
check_status 0 "handover import"
check_true "the returns arrive whole" \
	test "$(sql "SELECT group_concat(p.name || ' ' || r.age || ' ' ||
    r.in_touch || ' ' || coalesce(r.activity, '-') || ' ' || r.on_date ||
    ' ' || coalesce(r.struck_on, 'standing'), ';')
    FROM returns r JOIN people p ON p.id = r.person_id")" = \
	"Amy Able 18 yes employment 2026-11-20 2026-11-27;Amy Able 18 yes higher-education 2026-11-27 standing"
run check
check_status 0 "the caseload is sound"
DB=$MAIN

# --- a database of schema 10, with its young people, is migrated

cp "$DB" "$TEST_DIR/saved.db"
sql <"$top_srcdir/tests/cli/schema10.sql"
check_true "the file is now schema 10" test "$(sql 'PRAGMA user_version')" = 10
run return Amy --in-touch no
check_out_has "Recorded B1, the return for Amy Able's 18th birthday" \
	"an older file is opened and returns are recorded on it"
check_true "it is migrated to schema 11" test "$(sql 'PRAGMA user_version')" = 11
check_true "keeping its young people" \
	test "$(sql 'SELECT count(*) FROM people')" = 8

# --- a reason is read as strike, flag and action read it: up to 1000
# bytes, and an empty one is none
check_refused "a reason too long" "--reason: too long (1001 bytes; at most 1000)" \
	return Amy --strike B1 --reason "$(printf '%01001d' 0)"
run return Amy --strike B1 --reason ''
check_status 0 "a return struck out with --reason ''"
check_true "is kept with no reason" \
	test "$(sql "SELECT struck_reason IS NULL FROM returns WHERE person_id = 1")" = 1
run show Amy
check_out_has "STRUCK OUT on 27/11/2026" "show says it was struck out"
check_out_lacks "STRUCK OUT on 27/11/2026:" "and gives no reason"

run check
check_status 0 "the migrated caseload checks out"

# --- a return missed: recorded late, until a year after the birthday

check_refused "a return recorded late on a date before its window closed" \
	"--date" return Dee --in-touch no --date 2026-12-01
run return Dee --in-touch yes --activity employment
check_status 0 "a return whose window has closed is recorded late"
check_out "it says it is late, and when the window closed" <<'EOF'
Recorded B1, the return for Dee Dee's 18th birthday, on 27/11/2026 (late: its window closed on 01/05/2026).
EOF
check_true "stored for the 18th birthday, on the day recorded" \
	test "$(sql "SELECT age, in_touch, on_date FROM returns
    WHERE person_id = 4")" = "18|yes|2026-11-27"
run agenda --overdue
check_out_lacks "return" "the agenda no longer calls it overdue"
run returns --format csv
strip_cr
check_out_has "4,Dee Dee,2008-04-01,2026-04-01,18,yes,employment,full-time" \
	"the year's list has it recorded"
check_refused "recorded late once only" \
	"no birthday return window is open on 27/11/2026: the next, for the 19th birthday, opens on 01/01/2027" \
	return Dee --in-touch no
run handover export Dee -o "$TEST_DIR/late.caseload"
MAIN=$DB
DB=$TEST_DIR/late.db
run handover import "$TEST_DIR/late.caseload"
check_status 0 "a handover file with a return recorded late is taken"
check_true "... with the late return" \
	test "$(sql "SELECT age, on_date FROM returns")" = "18|2026-11-27"
DB=$MAIN
fixture add --name "Ivy Jay" --dob 2005-09-01
TODAY=2027-08-31
run return Ivy --in-touch refused
check_out_has "Ivy Jay's 21st birthday, on 31/08/2027 (late: its window closed on 01/10/2026)." \
	"the 21st birthday's return is taken late until a year after it"
run return Ivy --strike B1 --reason "to try a day later"
TODAY=2027-09-01
check_refused "a year after the birthday, the return has gone in" \
	"none opens later" return Ivy --in-touch refused

done_testing
