#!/bin/sh
# SPDX-License-Identifier: MIT
# Opening a database of an older schema: a backup first, then the
# migration in one transaction, with the kept dates worked out again.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

run due --format csv
cp "$out" "$TEST_DIR/due-before.csv"

# Turn the database back into schema 1, as caseload 0.1 wrote it.
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
DROP INDEX people_due;
ALTER TABLE people DROP COLUMN next_due;
DROP TABLE settings_used;
PRAGMA user_version = 1;"
check_true "the database is now of schema 1" test "$(sql 'PRAGMA user_version')" = 1
rm -rf "$TEST_DIR/backups"

cp "$DB" "$TEST_DIR/schema1.db"
run due --format csv
check_status 0 "caseload reads a schema 1 database"
check_true "the due list is as before" cmp -s "$out" "$TEST_DIR/due-before.csv"
check_true "a command that only reads leaves it as it was" \
	cmp -s "$DB" "$TEST_DIR/schema1.db"
check_true "and makes no backup" test ! -e "$TEST_DIR/backups"
run contact 1 --date 2026-11-20 --method phone --attempted
check_status 0 "a command that writes opens it"
check_true "and migrates it to the current schema" test "$(sql 'PRAGMA user_version')" = 11
check_true "with the calendar items' tables, empty (schema 5)" \
	test "$(sql 'SELECT (SELECT count(*) FROM calendar_items) + (SELECT count(*) FROM caldav_items)')" = 0
check_true "after a backup of it as it was" \
	sh -c "ls '$TEST_DIR'/backups/caseload-before-schema-*.db"
backup=$(ls "$TEST_DIR"/backups/caseload-before-schema-*.db | head -1)
check_true "the backup keeps schema 1" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$backup" 'PRAGMA user_version')" = 1
check_true "the backup is mode 0600" test "$(stat -c %a "$backup")" = 600
run due --format csv
check_true "the due list is still as before but for the attempts" \
	sh -c "sed 's/,[^,]*,[^,]*\$//' '$out' >'$TEST_DIR/a.csv' &&
	sed 's/,[^,]*,[^,]*\$//' '$TEST_DIR/due-before.csv' >'$TEST_DIR/b.csv' &&
	cmp -s '$TEST_DIR/a.csv' '$TEST_DIR/b.csv'"
check_out_has "1,Aisha Khan,stepped-up,2026-09-02,2026-10-28,30,overdue,Ash,18-21,19,2" \
	"where the attempt logged counts"
check_true "every next contact date is worked out" \
	test "$(sql "SELECT count(*) FROM people WHERE status = 'up' AND next_due IS NULL")" = 0
run check
check_status 0 "the migrated database is sound"

# A changed interval setting works every date out again.
printf '[contact]\ninterval_weeks = 4\n' >"$TEST_DIR/four.ini"
run --config "$TEST_DIR/four.ini" due --format csv
check_out_has "8,李明,stepped-up,2026-11-01,2026-11-29,0,due-soon" \
	"a shorter interval moves the next contact"
check_true "a command that only reads leaves the kept date as it was" \
	test "$(sql "SELECT next_due FROM people WHERE id = 8")" = 2026-12-27
run --config "$TEST_DIR/four.ini" review 3 --date 2026-11-20
check_status 0 "a command that writes"
check_true "brings the kept dates to the setting" \
	test "$(sql "SELECT next_due FROM people WHERE id = 8")" = 2026-11-29
run --config "$TEST_DIR/four.ini" check
check_status 0 "and the database agrees with the rules under that setting"
run due --format csv
check_out_has "8,李明,stepped-up,2026-11-01,2026-12-27,0,ok" \
	"back to the default interval, back to the date"
done_testing
