#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/migrate-checks.sh: opening a database of schema 5, whose
# checks of a status, a contact's method and the most urgent kind are IN
# lists (a table of the values built for every row written): the tables
# are rebuilt with the same checks written with =, every row, id and
# sequence kept, the triggers and foreign keys still at work; a file with
# a row pointing nowhere is left as it was.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

fixture letters sent Jordan --date 2026-11-20
fixture review Aisha --date 2026-11-21
fixture strike Jordan L1 --reason "sent twice"
fixture strike Aisha R2 --reason "recorded twice"
fixture strike Ben C1 --reason "another Ben"

# dump: every table of the caseload, every column, in order.
dump() {
	for t in people status_changes contacts letters reviews settings_used \
	    calendar_items caldav_items sqlite_sequence; do
		echo "== $t"
		case $t in
		contacts)	# the columns of schema 5 (7 adds two)
			sql "SELECT id, person_id, on_date, method, started_by,
			    attempted, note, recorded_at, struck_on, struck_reason
			    FROM contacts ORDER BY 1" ;;
		people)	# without the kept visit date (schema 10 adds it)
			if [ "$(sql "SELECT count(*) FROM pragma_table_info('people')
			    WHERE name = 'visit_due'")" = 1 ]; then
				sql "SELECT * FROM people ORDER BY 1" | sed 's/|$//'
			else
				sql "SELECT * FROM people ORDER BY 1"
			fi ;;
		*)	sql "SELECT * FROM $t ORDER BY 1" ;;
		esac
	done
}

# ephemeral TABLE INSERT: how many tables of values writing a row builds.
ephemeral() {
	sql "EXPLAIN $2" | grep -c OpenEphemeral
}

people_insert="INSERT INTO people (uuid, name, dob, allocated_on, status,
  status_since, urgent_kind) VALUES (?, ?, ?, ?, ?, ?, ?)"
changes_insert="INSERT INTO status_changes (person_id, status, on_date)
  VALUES (?, ?, ?)"
contacts_insert="INSERT INTO contacts (person_id, on_date, method,
  started_by) VALUES (?, ?, ?, ?)"

# Turn the database back into schema 5, as caseload wrote it before.
sql <"$top_srcdir/tests/cli/schema10.sql"
sql <"$top_srcdir/tests/cli/schema9.sql"
sql <"$top_srcdir/tests/cli/schema8.sql"
sql <"$top_srcdir/tests/cli/schema7.sql"
sql <"$top_srcdir/tests/cli/schema6.sql"
sql <"$top_srcdir/tests/cli/schema5.sql"
sql "PRAGMA user_version = 5"
check_true "the database is now of schema 5" \
	test "$(sql 'PRAGMA user_version')" = 5
check_true "whose checks are IN lists" \
	test "$(sql "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (%'")" = 2
check_true "writing a young person builds a table of values there" \
	test "$(ephemeral people "$people_insert")" -gt 0
dump >"$TEST_DIR/before.txt"
cp "$DB" "$TEST_DIR/schema5.db"
rm -rf "$TEST_DIR/backups"

run contact 99 --date 2026-11-26 --method phone
check_true "a command that writes opens it (and finds no young person 99)" \
	test "$status" -ne 0
check_true "it is migrated through schema 6, 7, 8, 9 and 10 to 11" test "$(sql 'PRAGMA user_version')" = 11
check_true "after a backup of it as it was" \
	sh -c "ls '$TEST_DIR'/backups/caseload-before-schema-*.db"
dump >"$TEST_DIR/after.txt"
check_true "every row of every table is kept, ids and sequences too" \
	cmp -s "$TEST_DIR/before.txt" "$TEST_DIR/after.txt"
check_true "and the dump says something" \
	test "$(grep -c '|' "$TEST_DIR/after.txt")" -gt 40
check_true "no IN list is left in the checks" \
	test "$(sql "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '% IN (%'")" = 0
check_true "writing a young person builds no table of values" \
	test "$(ephemeral people "$people_insert")" = 0
check_true "nor a status change" \
	test "$(ephemeral status_changes "$changes_insert")" = 0
check_true "nor a contact" \
	test "$(ephemeral contacts "$contacts_insert")" = 0
run check
check_status 0 "check finds the schema caseload makes"
check_out_has "ok (schema 11, 11 young people)" "and says the new schema"
check_true "no row points nowhere" test -z "$(sql 'PRAGMA foreign_key_check')"

# The same values are accepted and refused as before.
check_true "each status is accepted" sql "BEGIN;
UPDATE people SET status = 'up' WHERE id = 1;
UPDATE people SET status = 'down' WHERE id = 1;
UPDATE people SET status = 'archived' WHERE id = 1;
UPDATE people SET urgent_kind = 'contact' WHERE id = 1;
UPDATE people SET urgent_kind = 'review' WHERE id = 1;
UPDATE people SET urgent_kind = 'letter' WHERE id = 1;
UPDATE people SET urgent_kind = NULL WHERE id = 1;
ROLLBACK;"
check_true "another status is refused" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"UPDATE people SET status = 'Up' WHERE id = 1\" 2>/dev/null"
check_true "another most urgent kind is refused" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"UPDATE people SET urgent_kind = 'visit' WHERE id = 1\" 2>/dev/null"
check_true "another status in the history is refused" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"INSERT INTO status_changes (person_id, status, on_date) VALUES (1, 'gone', '2026-11-01')\" 2>/dev/null"
check_true "another method is refused" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"INSERT INTO contacts (person_id, on_date, method, started_by) VALUES (1, '2026-11-01', 'fax', 'worker')\" 2>/dev/null"
check_true "someone else starting a contact is refused" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"INSERT INTO contacts (person_id, on_date, method, started_by) VALUES (1, '2026-11-01', 'visit', 'parent')\" 2>/dev/null"
check_true "an attempt of 2 is refused" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"INSERT INTO contacts (person_id, on_date, method, started_by, attempted) VALUES (1, '2026-11-01', 'visit', 'worker', 2)\" 2>/dev/null"

# The triggers still keep the record.
sql "DELETE FROM people WHERE id = 1" 2>"$TEST_DIR/err" || :
check_true "a young person is still never deleted" \
	grep -q "young people are archived, never deleted" "$TEST_DIR/err"
sql "UPDATE status_changes SET on_date = '2026-01-01' WHERE id = 1" 2>"$TEST_DIR/err" || :
check_true "the status history is still never changed" \
	grep -q "status history is never changed" "$TEST_DIR/err"
sql "DELETE FROM status_changes WHERE id = 1" 2>"$TEST_DIR/err" || :
check_true "nor deleted" grep -q "status history is never deleted" "$TEST_DIR/err"
sql "UPDATE contacts SET note = 'x' WHERE id = 1" 2>"$TEST_DIR/err" || :
check_true "a contact can still only be struck out" \
	grep -q "a contact can only be struck out, once" "$TEST_DIR/err"
sql "DELETE FROM contacts WHERE id = 1" 2>"$TEST_DIR/err" || :
check_true "and is never deleted" \
	grep -q "contacts are struck out, never deleted" "$TEST_DIR/err"
dump >"$TEST_DIR/after2.txt"
check_true "the tables are as they were" \
	cmp -s "$TEST_DIR/before.txt" "$TEST_DIR/after2.txt"

# Caseload goes on: the next contact takes the next id.
last=$(sql "SELECT seq FROM sqlite_sequence WHERE name = 'contacts'")
run contact Ben --date 2026-11-26 --method visit
check_status 0 "a contact is logged"
check_true "with the next id" \
	test "$(sql "SELECT max(id) FROM contacts")" = $((last + 1))
check_true "foreign keys are on again: a contact for nobody is refused" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' \"PRAGMA foreign_keys = ON; INSERT INTO contacts (person_id, on_date, method, started_by) VALUES (999, '2026-11-01', 'visit', 'worker')\" 2>/dev/null"

# A schema 5 file with a row pointing nowhere: left as it was.
cp "$TEST_DIR/schema5.db" "$TEST_DIR/broken.db"
DB=$TEST_DIR/broken.db
sql "INSERT INTO letters (person_id, sent_on) VALUES (999, '2026-11-01')"
cp "$DB" "$TEST_DIR/broken-before.db"
run contact Ben --date 2026-11-26 --method visit
check_true "a file with a letter for nobody is not migrated" \
	test "$status" -ne 0
check_err_has "rows that refer to missing rows" "and the error says why"
check_true "it stays at schema 5" test "$(sql 'PRAGMA user_version')" = 5
check_true "with its checks as they were" \
	test "$(sql "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (%'")" = 2
dump >"$TEST_DIR/broken-after.txt"
DB=$TEST_DIR/broken-before.db dump >"$TEST_DIR/broken-before.txt"
check_true "and every row" \
	cmp -s "$TEST_DIR/broken-before.txt" "$TEST_DIR/broken-after.txt"

done_testing
