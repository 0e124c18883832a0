#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload strike REF N: striking out a young person's own contact,
# annual letter (L1...) or pathway plan review (R1...) recorded by mistake;
# what is struck is kept and marked, and no longer counted by the clocks.
. "$(dirname "$0")/../lib.sh"

run add --name "Aisha Khan" --dob 2007-03-14 --allocated 2025-02-01
run add --name "Bo Chen" --dob 2006-01-01 --allocated 2025-02-01
# Bo's contact is the first in the database: Aisha's are her own 1 and 2.
run contact Bo --date 2026-09-03
check_out_has "Logged contact 1: phone with Bo Chen" \
	"contact says the young person's own number of it"
run contact Aisha --date 2026-09-02 --method visit
run contact Aisha --date 2026-11-02
check_out_has "Logged contact 2: phone with Aisha Khan on 02/11/2026." \
	"her second contact is her number 2"

# --- contacts

run strike Aisha 2 --reason "logged for the wrong young person"
check_status 0 "strike REF N strikes that young person's contact N"
check_out "it says which, and the contact clock goes back" <<EOF
Struck out contact 2 (phone with Aisha Khan on 02/11/2026); it stays in the log, marked struck out.
Next contact was due 28/10/2026: overdue by 30 days.
EOF
check_true "her contact is struck, Bo's is not" \
	test "$(sql "SELECT person_id, on_date, struck_on, struck_reason FROM contacts WHERE struck_on IS NOT NULL")" = \
	"1|2026-11-02|2026-11-27|logged for the wrong young person"
check_true "her last contact is the one before again" \
	test "$(sql "SELECT last_contact FROM people WHERE id = 1")" = 2026-09-02

# --- reviews

run review Aisha --date 2026-06-01
run review Aisha --date 2026-11-01
check_out_has "Next review due 01/05/2027." "a second review moves the review clock"
run strike 1 R2 --reason "another young person's review"
check_status 0 "strike REF Rn strikes their review n"
check_out "it says which, and the review clock goes back" <<EOF
Struck out review R2 (the pathway plan review of Aisha Khan on 01/11/2026); it stays in the record, marked struck out.
Next review due 01/12/2026.
EOF
check_true "the review is kept, with when and why" \
	test "$(sql "SELECT on_date, struck_on, struck_reason FROM reviews WHERE id = 2")" = \
	"2026-11-01|2026-11-27|another young person's review"
check_true "the kept last review passes over it" \
	test "$(sql "SELECT last_review FROM people WHERE id = 1")" = 2026-06-01
run due --format csv
check_out_has "1,Aisha Khan,stepped-up," "due lists her"
run show aisha
check_out_has "  Pathway plan    01/12/2026  due in 4 days" \
	"show's review date goes back to 6 months after the first review"
check_out_has "  R2     01/11/2026  STRUCK OUT on 27/11/2026: another young person's review" \
	"show lists the review struck out, with its number"
check_out_has "  R1     01/06/2026" "and the one that counts"
check_out_has "  2      02/11/2026  phone   by the worker" "show numbers her contacts as her own"
check_out_has "Contact log, newest first ('caseload strike 1 3' strikes out contact 3)" \
	"show says what the numbers are for"
check_refused "striking a review twice" \
	"strike: review R2 of young person 1 was already struck out on 27/11/2026" \
	strike 1 r2

# --- letters

run step-down Bo --date 2025-11-01
run letters sent Bo --date 2026-11-20
check_out_has "Next letter due 20/11/2027." "a letter sent moves the letter clock"
run strike Bo L1 --reason "not posted after all"
check_status 0 "strike REF Ln strikes their letter n"
check_out "it says which, and the letter clock goes back" <<EOF
Struck out letter L1 (the annual letter to Bo Chen on 20/11/2026); it stays in the record, marked struck out.
Next letter was due 01/11/2026: overdue by 26 days.
EOF
check_true "the letter is kept, with when and why" \
	test "$(sql "SELECT sent_on, struck_on, struck_reason FROM letters")" = \
	"2026-11-20|2026-11-27|not posted after all"
check_true "the kept last letter passes over it" \
	test "$(sql "SELECT last_letter IS NULL FROM people WHERE id = 2")" = 1
run letters --format csv
check_out_has "2,Bo Chen,2025-11-01,,2026-11-01,26" \
	"the letters list has the letter due from the step-down again"
run show Bo
check_out_has "  L1     20/11/2026  STRUCK OUT on 27/11/2026: not posted after all" \
	"show lists the letter struck out"
run letters sent Bo --date 2026-11-20
check_status 0 "a struck letter does not stop the letter being recorded again"
run show Bo
check_out_has "  L2     20/11/2026" "the new letter is L2"

# --- refusals

check_refused "a number the young person does not have" \
	"strike: young person 1 has no contact 3: they have contacts 1 to 2, no letters, reviews R1 to R2 ('caseload show 1' lists them)" \
	strike Aisha 3
check_refused "a letter the young person does not have" \
	"strike: young person 2 has no letter L3: they have contact 1, letters L1 to L2, no reviews" \
	strike Bo L3
check_refused "a review of someone with none" "has no review R1" strike Bo R1
check_refused "the old form, a number alone" \
	"strike: name the young person too: 'caseload strike REF N'" strike 2
check_refused "a letter number alone" "strike: name the young person too" strike L1
check_refused "something that is not a number" \
	"strike: 'X1' is not the number of a contact (3), letter (L1), review (R1), note (N1) or accommodation (M1)" strike 1 X1
check_refused "a number of 0" "is not the number of a contact" strike 1 0
check_refused "nobody" "no young person matches 'Zed'" strike Zed 1

# --- the record keeps what was struck

check_true "a letter's date cannot be changed" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"UPDATE letters SET sent_on = '2026-11-21' WHERE id = 1\" 2>/dev/null"
check_true "nor its strike taken back" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"UPDATE reviews SET struck_on = NULL WHERE id = 2\" 2>/dev/null"
run check
check_status 0 "the database is sound after all that"
sql "UPDATE people SET last_review = '2026-11-01' WHERE id = 1"
run check
check_status 1 "check finds a kept last review that counts a struck one"
check_out_has "young person 1: the last review is 2026-11-01 but their history says 2026-06-01" \
	"and says what is wrong"
sql "UPDATE people SET last_review = '2026-06-01' WHERE id = 1"

# --- handover carries the marks

FILE=$TEST_DIR/handover.caseload
run handover export Aisha Bo -o "$FILE"
check_status 0 "a handover of young people with struck entries"
SOURCE=$DB
DB=$TEST_DIR/other.db
run handover import "$FILE"
check_status 0 "is imported"
check_true "with the struck letters and reviews marked" \
	test "$(sql "SELECT 'L', sent_on, struck_on, struck_reason FROM letters UNION ALL SELECT 'R', on_date, struck_on, struck_reason FROM reviews ORDER BY 1, 2")" = \
	"$(DB=$SOURCE sql "SELECT 'L', sent_on, struck_on, struck_reason FROM letters UNION ALL SELECT 'R', on_date, struck_on, struck_reason FROM reviews ORDER BY 1, 2")"
check_true "and the kept summaries passing over them" \
	test "$(sql "SELECT last_letter, last_review FROM people ORDER BY id")" = \
	"$(DB=$SOURCE sql "SELECT last_letter, last_review FROM people ORDER BY id")"
run check
check_status 0 "the receiving caseload is sound"

# A handover file made before letters and reviews could be struck out.
DB=$SOURCE
run add --name "Cara Lee" --dob 2005-05-05 --allocated 2025-01-01
run review Cara --date 2026-10-01
OLD=$TEST_DIR/old.caseload
run handover export Cara -o "$OLD"
# Schema 6 had no safety flags; schema 5 kept its checks as IN lists.
"${SQLITE3_BIN:-sqlite3}" -batch "$OLD" <"$top_srcdir/tests/cli/schema10.sql"
"${SQLITE3_BIN:-sqlite3}" -batch "$OLD" <"$top_srcdir/tests/cli/schema9.sql"
"${SQLITE3_BIN:-sqlite3}" -batch "$OLD" <"$top_srcdir/tests/cli/schema8.sql"
"${SQLITE3_BIN:-sqlite3}" -batch "$OLD" <"$top_srcdir/tests/cli/schema7.sql"
"${SQLITE3_BIN:-sqlite3}" -batch "$OLD" <"$top_srcdir/tests/cli/schema6.sql"
"${SQLITE3_BIN:-sqlite3}" -batch "$OLD" <"$top_srcdir/tests/cli/schema5.sql"
"${SQLITE3_BIN:-sqlite3}" "$OLD" "DROP TABLE calendar_items;
DROP TABLE caldav_items;
DROP INDEX people_urgent;
DROP INDEX people_review_due;
DROP INDEX people_letter_due;
DROP INDEX people_due;
ALTER TABLE people DROP COLUMN attempts;
ALTER TABLE people DROP COLUMN review_due;
ALTER TABLE people DROP COLUMN letter_due;
ALTER TABLE people DROP COLUMN urgent_due;
ALTER TABLE people DROP COLUMN urgent_kind;
CREATE INDEX people_due ON people (status, next_due, id, name,  preferred_name, dob, allocated_on, status_since, interval_weeks,  last_contact, last_letter, last_review, uuid);
DELETE FROM settings_used WHERE key IN ('letter_months', 'review_months');
DROP TRIGGER letters_fixed;
DROP TRIGGER reviews_fixed;
ALTER TABLE letters DROP COLUMN struck_on;
ALTER TABLE letters DROP COLUMN struck_reason;
ALTER TABLE reviews DROP COLUMN struck_on;
ALTER TABLE reviews DROP COLUMN struck_reason;
PRAGMA user_version = 2;"
DB=$TEST_DIR/third.db
run handover import "$OLD"
check_status 0 "a schema 2 handover file is imported"
check_true "its review counts, unstruck" \
	test "$(sql "SELECT on_date, struck_on IS NULL FROM reviews")" = "2026-10-01|1"
run check
check_status 0 "and the caseload is sound"

# A contact struck out keeps the actions agreed at it open (they were
# agreed with the young person whatever was wrong with its record), and
# the message says which, and how to close them.
DB=$TEST_DIR/fourth.db
run add --name "Cal Diaz" --dob 2006-05-05 --allocated 2025-02-01
cal=$(sql "SELECT id FROM people WHERE name = 'Cal Diaz'")
run contact Cal --date 2026-09-10 --agreed "Ring the college" --due 2026-12-10 \
	--agreed "Send the form" --due 2026-12-12 --agreed "Bank" --due 2026-12-14
run action Cal --done A3
run strike Cal 1
check_status 0 "strike a contact with agreed actions"
check_out_has "Its agreed actions A1, A2 stay open: close each with 'caseload action $cal --done AN' (or --drop AN)." \
	"it lists the open actions agreed at it, not the closed one"
check_true "both are still open" test "$(sql "SELECT group_concat(closed_on IS NULL)
    FROM actions WHERE person_id = $cal")" = "1,1,0"
run contact Cal --date 2026-09-11 --agreed "Bus pass" --due 2026-12-10
run strike Cal 2
check_out_has "Its agreed action A4 stays open: close it with 'caseload action $cal --done A4' (or --drop A4)." \
	"one action is named on its own"
run contact Cal --date 2026-09-12
run strike Cal 3
check_status 0 "strike a contact without agreed actions"
check_out_lacks "agreed action" "a contact without actions says nothing of them"
done_testing
