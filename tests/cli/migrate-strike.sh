#!/bin/sh
# SPDX-License-Identifier: MIT
# Opening a database of schema 2, from before letters and reviews could be
# struck out: it is read as it is, and gains the columns when written to.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

fixture step-down Aisha --date 2026-11-01
fixture letters sent Aisha --date 2026-11-20
run show 1
cp "$out" "$TEST_DIR/show-before.txt"

# Turn the database back into schema 2, as caseload wrote it before.
# Schema 6 had no safety flags; schema 5 kept its checks as IN lists.
sql <"$top_srcdir/tests/cli/schema10.sql"
sql <"$top_srcdir/tests/cli/schema9.sql"
sql <"$top_srcdir/tests/cli/schema8.sql"
sql <"$top_srcdir/tests/cli/schema7.sql"
sql <"$top_srcdir/tests/cli/schema6.sql"
sql <"$top_srcdir/tests/cli/schema5.sql"
sql "DROP TABLE calendar_items;
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
check_true "the database is now of schema 2" test "$(sql 'PRAGMA user_version')" = 2
check_true "its letters have no strike columns" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' 'SELECT struck_on FROM letters' 2>/dev/null"
rm -rf "$TEST_DIR/backups"

cp "$DB" "$TEST_DIR/schema2.db"
run show 1
check_status 0 "caseload reads a schema 2 database"
check_true "and shows it as before" cmp -s "$out" "$TEST_DIR/show-before.txt"
check_true "a command that only reads leaves it as it was" \
	cmp -s "$DB" "$TEST_DIR/schema2.db"
run --db "$TEST_DIR/schema2.db" check
check_status 0 "check accepts a schema 2 database"
check_true "and leaves it at schema 2" \
	test "$(DB=$TEST_DIR/schema2.db sql 'PRAGMA user_version')" = 2

run strike Aisha L1 --reason "recorded twice"
check_status 0 "a command that writes opens it and strikes the letter"
check_true "it is migrated to schema 11" test "$(sql 'PRAGMA user_version')" = 11
check_true "after a backup of it as it was" \
	sh -c "ls '$TEST_DIR'/backups/caseload-before-schema-*.db"
check_true "letters gained the strike columns" \
	test "$(sql "SELECT sent_on, struck_on, struck_reason FROM letters")" = \
	"2026-11-20|2026-11-27|recorded twice"
check_true "and reviews too, none struck" \
	test "$(sql "SELECT on_date, struck_on IS NULL, struck_reason IS NULL FROM reviews")" = \
	"2026-06-01|1|1"
check_true "the strike keeps them as they were (a trigger refuses changes)" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"UPDATE reviews SET on_date = '2026-06-02'\" 2>/dev/null"
run check
check_status 0 "the migrated database is sound"
check_out_has "ok (schema 11, 11 young people)" "check says the new schema"

# A backup of schema 2 restores and is brought up to date.
run restore "$TEST_DIR/schema2.db"
check_status 0 "a schema 2 backup is restored"
check_true "and migrated" test "$(sql 'PRAGMA user_version')" = 11
check_true "with its letter counted, unstruck" \
	test "$(sql "SELECT last_letter FROM people WHERE id = 1")" = 2026-11-20
run check
check_status 0 "the restored database is sound"
done_testing
