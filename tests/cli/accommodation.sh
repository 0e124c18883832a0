#!/bin/sh
# SPDX-License-Identifier: MIT
# The accommodation history: caseload moved keeps a row per move, never
# changed; strike REF M1 strikes one out; show lists them newest first;
# letters go to the latest address; list --accommodation picks who lives
# in those types; handover files carry the history whole and a tampered
# one is refused; a schema 9 caseload is taken to 10 with its data.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# --- recording moves

run moved Aisha --type supported-lodgings --date 2026-11-20 \
	--provided-by-la --address "Flat 2
10 New Street
Leeds LS1 4AB"
check_status 0 "moved records a move"
check_out "it says which, and the visit clock it starts" <<'EOF'
Recorded M1: Aisha Khan moved on 20/11/2026 (supported lodgings, provided by the local authority).
Next statutory visit due 27/11/2026 (first visit).
EOF
check_true "it is stored" test "$(sql "SELECT person_id, from_date, type,
    provided_by_la, suitable IS NULL, address FROM accommodation")" = \
	"1|2026-11-20|supported-lodgings|1|1|Flat 2
10 New Street
Leeds LS1 4AB"
run moved Jordan --type "Sofa surfing" --date 2026-10-01 --unsuitable
check_status 0 "a type by its label, in any case"
check_true "unsuitable, not provided by the local authority" \
	test "$(sql "SELECT type, provided_by_la, suitable FROM accommodation
    WHERE person_id = 5")" = "sofa-surfing|0|0"
run moved Jordan --type staying-put --suitable yes \
	--address "4 Elm Close, Bradford BD1 1AA"
check_status 0 "a move today, suitable"
run moved 3 --type no-fixed-abode --date 2026-11-01
check_status 0 "someone of no fixed abode"
fixture moved 2 --type independent-tenancy --date 2026-11-02
fixture moved 2 --type other --date 2026-11-03
run strike 2 M2 --reason "entered by mistake"
check_status 0 "strike REF M2 strikes a row out"
check_out_has "Struck out accommodation M2" "and says so"
check_true "it is kept, marked" test "$(sql "SELECT type, struck_on,
    struck_reason FROM accommodation WHERE person_id = 2 AND id = 6")" = \
	"other|2026-11-27|entered by mistake"
check_refused "striking it again" "accommodation M2 was struck out already" \
	strike 2 M2
check_refused "a row they do not have" "young person 2 has no accommodation M9" \
	strike 2 M9
check_refused "A1 is an agreed action's number, not a move's" \
	"actions are closed with 'caseload action REF --done A1'" strike 2 A1
check_refused "strike's help names M1 among the numbers" \
	"or accommodation (M1)" strike 2 X1

# --- bad input: exit 2, nothing written

check_refused "no type" "give the type of accommodation: --type T" \
	moved 1 --date 2026-11-21
check_refused "--unsuitable and --suitable together" \
	"moved: give --unsuitable or --suitable, not both" \
	moved 1 --type custody --unsuitable --suitable yes
check_refused "a type caseload does not know" \
	"--type: 'tent' is not a type of accommodation; use with-parents-or-relatives," \
	moved 1 --type tent
check_refused "a date in the future" "--date: the date is in the future" \
	moved 1 --type custody --date 2026-11-28
check_refused "a date before they were born" "--date: the date is before they were born" \
	moved 1 --type custody --date 2007-03-13
check_refused "a date before where they live now" \
	"--date: the date is before their latest move" \
	moved 1 --type custody --date 2026-11-19
check_refused "an address with a control character" "--address:" \
	moved 1 --type custody --address "$(printf 'Flat\0331')"
check_refused "a suitability that is not yes, no or unknown" "--suitable:" \
	moved 1 --type custody --suitable maybe
check_refused "nobody" "nobody" moved nobody --type custody
run moved 1 --type foster-care --date 2026-11-20
check_status 0 "a second move on the same day as the current one is allowed"
run strike 1 M2
check_status 0 "and struck out again"

# --- show

run show Aisha
check_expected accommodation-show.txt "show lists the history and the visit clock"
run show 2
check_out_has "  M2     03/11/2026  other; suitable: unknown" "a struck row is listed"
check_out_has "STRUCK OUT on 27/11/2026: entered by mistake" "marked, with why"
check_out_lacks "Statutory visit" "no visit clock without local authority accommodation"

# --- list --accommodation

run list --accommodation sofa-surfing,no-fixed-abode
check_status 0 "list --accommodation"
check_out "who is sofa surfing or of no fixed abode" <<'EOF'
   No  Name                          Born        Age  Stage     Status
    3  Zoë Ñúñez                     29/02/2004   22  21-25     stepped up
EOF
run list --all --accommodation staying-put
check_out_has "Jordan Lee" "their latest row decides (Jordan has moved on)"
run list --accommodation independent-tenancy
check_out_has "Ben Carter" "a struck row does not count: Ben's tenancy"
run list --accommodation custody --format csv
strip_cr
check_out "nobody in custody: the header alone" <<'EOF'
id,uuid,name,preferred_name,date_of_birth,age,stage,status,status_since,allocated_on,interval_weeks,phone,email,address,last_contact
EOF
check_refused "a list type caseload does not know" \
	"--accommodation: 'caravan' is not a type of accommodation" \
	list --accommodation sofa-surfing,caravan

# --- letters go to the latest address

run letters write "$TEST_DIR/letters"
check_status 0 "letters write"
check_true "Jordan's letter has the address he moved to" \
	grep -q "4 Elm Close, Bradford BD1 1AA" "$TEST_DIR"/letters/*jordan-lee*

# --- import reads where they live

cat >"$TEST_DIR/sheet.csv" <<'CSV'
name,date_of_birth,accommodation,accommodation_since,provided_by_la
Ana Lowe,2007-01-01,Supported lodgings,2026-11-10,yes
Bo Park,2007-02-02,sofa-surfing,,
Cy Hart,2007-03-03,,,
CSV
run import "$TEST_DIR/sheet.csv"
check_status 0 "import with the accommodation columns"
check_true "each row's accommodation is kept, today when no date is given" \
	test "$(sql "SELECT group_concat(p.name || ' ' || a.from_date || ' ' ||
    a.type || ' ' || a.provided_by_la, ';') FROM accommodation a
    JOIN people p ON p.id = a.person_id WHERE p.name IN ('Ana Lowe',
    'Bo Park', 'Cy Hart')")" = \
	"Ana Lowe 2026-11-10 supported-lodgings 1;Bo Park 2026-11-27 sofa-surfing 0"
check_true "and the visit clock it starts" \
	test "$(sql "SELECT visit_due FROM people WHERE name = 'Ana Lowe'")" = 2026-11-17
cat >"$TEST_DIR/bad.csv" <<'CSV'
name,date_of_birth,accommodation,accommodation_since,provided_by_la
Dee Ross,2007-01-01,castle,2026-11-10,maybe
Eli Shaw,2007-02-02,,2026-01-01,
Fay Todd,2007-03-03,custody,2030-01-01,no
CSV
check_refused "a sheet with bad accommodation cells is refused whole" \
	"4 problems" import "$TEST_DIR/bad.csv"
check_err_has "bad.csv:2: accommodation: not a type of accommodation" "a type it does not know"
check_err_has "bad.csv:2: provided_by_la: yes or no" "provided by the LA is yes or no"
check_err_has "bad.csv:3: accommodation_since: give the accommodation type too" \
	"a date needs the type"
check_err_has "bad.csv:4: accommodation_since: the date is in the future" \
	"a move in the future"

# --- handover

run handover export Aisha Ben Jordan -o "$TEST_DIR/out.caseload"
check_status 0 "handover export"
check_true "the file holds every row, struck ones too" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/out.caseload" \
    "SELECT count(*), sum(struck_on IS NOT NULL) FROM accommodation")" = "6|2"
tamper() {
	cp "$TEST_DIR/out.caseload" "$TEST_DIR/bad.caseload"
	trigger=$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/bad.caseload" \
	    "SELECT sql FROM sqlite_schema WHERE name = 'accommodation_fixed'")
	"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/bad.caseload" \
	    "PRAGMA ignore_check_constraints = ON;
	    DROP TRIGGER accommodation_fixed; $1; $trigger;"
}
MAIN=$DB
DB=$TEST_DIR/other.db
tamper "UPDATE accommodation SET type = 'castle' WHERE type = 'staying-put'"
check_refused "a type caseload never writes is refused" \
	"a value in their accommodation history is not one caseload writes" \
	handover import "$TEST_DIR/bad.caseload"
tamper "UPDATE accommodation SET from_date = '2031-01-01' WHERE type = 'staying-put'"
check_refused "a move in the future is refused" \
	"accommodation M2: the date is in the future" \
	handover import "$TEST_DIR/bad.caseload"
tamper "UPDATE accommodation SET address = 'Elm' || char(27) || 'Close'
    WHERE type = 'staying-put'"
check_refused "an address with an escape is refused" \
	"accommodation M2: the address" handover import "$TEST_DIR/bad.caseload"
check_true "the refusal gives no address" sh -c "! grep -q 'Elm' '$err'"
run handover import "$TEST_DIR/out.caseload"
check_status 0 "handover import"
check_true "the history arrives whole" \
	test "$(sql "SELECT group_concat(p.name || ' ' || a.from_date || ' '
    || a.type || ' ' || coalesce(a.struck_on, '-'), ';') FROM accommodation a
    JOIN people p ON p.id = a.person_id")" = \
	"Aisha Khan 2026-11-20 supported-lodgings -;Aisha Khan 2026-11-20 foster-care 2026-11-27;Ben Carter 2026-11-02 independent-tenancy -;Ben Carter 2026-11-03 other 2026-11-27;Jordan Lee 2026-10-01 sofa-surfing -;Jordan Lee 2026-11-27 staying-put -"
check_true "with the visit clock worked out" \
	test "$(sql "SELECT visit_due FROM people WHERE name = 'Aisha Khan'")" = 2026-11-27
run show Aisha
check_out_has "Statutory visit 27/11/2026  due today" "show gives it in the new caseload"
DB=$MAIN

# --- a schema 9 caseload with data is taken to 11

OLD=$TEST_DIR/old.db
"$CASELOAD" --db "$OLD" --today "$TODAY" add --name "Sam Old" \
	--dob 2006-01-01 --address "1 Old Road" >/dev/null
"${SQLITE3_BIN:-sqlite3}" -batch "$OLD" <"$top_srcdir/tests/cli/schema10.sql"
"${SQLITE3_BIN:-sqlite3}" -batch "$OLD" <"$top_srcdir/tests/cli/schema9.sql"
check_true "the file is of schema 9" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$OLD" 'PRAGMA user_version')" = 9
run --db "$OLD" moved Sam --type custody --date 2026-11-01 --provided-by-la
check_status 0 "a move recorded in a schema 9 caseload"
check_true "migrates it to schema 11" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$OLD" 'PRAGMA user_version')" = 11
check_true "keeping who was there, with the new row and its visit date" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$OLD" "SELECT p.name, p.address,
    a.type, p.visit_due FROM people p JOIN accommodation a
    ON a.person_id = p.id")" = "Sam Old|1 Old Road|custody|2026-11-08"
run --db "$OLD" check
check_out_has "ok (schema 11, 1 young person)" "the migrated caseload is sound"

done_testing
