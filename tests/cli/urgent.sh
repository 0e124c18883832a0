#!/bin/sh
# SPDX-License-Identifier: MIT
# One list of everything due: the attempts since last seen in due, every
# overdue item of every kind in agenda --overdue, the most urgent item
# and the attempts kept in each row (check holds them to the rules), and
# a schema 3 file gaining them.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# due: the attempts, as a last CSV column, a JSON field and in the text.
run due --format csv
check_status 0 "due --format csv"
check_out_has "id,name,status,last_contact,next_due,days_overdue,state,preferred_name,stage,age,attempts" \
	"the columns before attempts stay as they are"
check_out_has "1,Aisha Khan,stepped-up,2026-09-02,2026-10-28,30,overdue,Ash,18-21,19,1" \
	"Aisha's attempted visit since she was last seen"
check_out_has "9,Amira Haddad,stepped-up,2026-11-18,2026-11-25,2,overdue,,18-21,19,0" \
	"no attempts: 0"
run due --format json
check_true "the JSON has the attempts" \
	sh -c "tr -d ' \n' <'$out' | grep -q '\"preferred_name\":\"Ash\",\"stage\":\"18-21\",\"age\":19,\"attempts\":1,\"visit_due\":null}'"
run due
check_out_has "overdue by 30 days, 1 attempt since last seen" \
	"the text says them beside the state"
check_out_lacks "0 attempts" "and says nothing when there are none"
run show 1
check_out_has "overdue by 30 days, 1 attempt since last seen" \
	"show says them beside the next contact"

# The attempts are kept in the row as the contact log changes.
run contact 1 --date 2026-11-25 --method phone --attempted
check_true "another attempt makes 2" \
	test "$(sql "SELECT attempts FROM people WHERE id = 1")" = 2
run due
check_out_has "overdue by 30 days, 2 attempts since last seen" "due says 2"
run strike 1 3 --reason "not an attempt"
check_true "striking one out makes 1 again" \
	test "$(sql "SELECT attempts FROM people WHERE id = 1")" = 1
run contact 1 --date 2026-11-26 --method visit
check_true "a successful contact starts again from 0" \
	test "$(sql "SELECT attempts FROM people WHERE id = 1")" = 0

# The most urgent item of each young person, kept with its kind.
check_true "the kept most urgent items" \
	test "$(sql "SELECT id, urgent_kind, urgent_due FROM people WHERE id IN (1, 5, 6, 8, 10, 11) ORDER BY id")" = \
"1|review|2026-12-01
5|letter|2026-11-01
6||
8|review|2020-07-01
10||
11|contact|2026-09-08"

# agenda --overdue: every overdue item of every kind, most overdue first.
run agenda --overdue
check_status 0 "agenda --overdue"
check_out "every overdue item, most overdue first" <<'EOF'
Overdue on 27/11/2026: 8 items, most overdue first

      8  李明                          review   due 01/07/2020  2340 days overdue
      3  Zoë Ñúñez                     review   due 01/12/2024  726 days overdue
      1  Aisha Khan                    return   due 14/04/2026  227 days overdue
      2  Ben Carter                    review   due 10/07/2026  140 days overdue
      9  Amira Haddad                  review   due 01/09/2026  87 days overdue
     11  Ellie-Mae "Ells" O'Connor, …  contact  due 08/09/2026  80 days overdue
      5  Jordan Lee                    letter   due 01/11/2026  26 days overdue
      9  Amira Haddad                  contact  due 25/11/2026  2 days overdue
EOF
run agenda --overdue --format csv
check_out_has "2026-11-27,letter,5,Jordan Lee,2026-11-01,26,overdue,annual letter due" \
	"as CSV, with the date it was due"
check_refused "--overdue with --days" "give --overdue or --days, not both" \
	agenda --overdue --days 7

# check holds the kept values to the rules.
run check
check_status 0 "the caseload is sound"
for change in "urgent_due = '2026-12-31'|the most urgent date" \
    "urgent_kind = 'letter'|the most urgent item is a letter" \
    "review_due = NULL|the next review date" \
    "letter_due = '2026-01-01'|the next letter date" \
    "attempts = 4|the attempts since last seen are 4"; do
	set_sql=${change%%|*}
	said=${change#*|}
	cp "$DB" "$TEST_DIR/sound.db"
	sql "UPDATE people SET $set_sql WHERE id = 1"
	run check
	check_status 1 "check catches $set_sql"
	check_out_has "young person 1: $said" "and says what: $said"
	cp "$TEST_DIR/sound.db" "$DB"
done

# A changed review interval works every kept date out again at the next
# write, and check agrees under that setting.
printf '[reviews]\npathway_plan_months = 12\n' >"$TEST_DIR/twelve.ini"
run --config "$TEST_DIR/twelve.ini" contact 4 --method phone
check_true "the kept review and most urgent dates follow the setting" \
	test "$(sql "SELECT review_due, urgent_kind, urgent_due FROM people WHERE id = 2; SELECT value FROM settings_used WHERE key = 'review_months'")" = \
	"2027-01-10|contact|2026-11-30
12"
run --config "$TEST_DIR/twelve.ini" check
check_status 0 "and check agrees under that setting"

# A file of schema 3, from before the kept most urgent items: read as it
# is, then migrated at the first write with everything worked out.
run due --format csv
cp "$out" "$TEST_DIR/due-before.csv"
run contact 1 --date 2026-11-27 --method text --attempted
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
PRAGMA user_version = 3;"
check_true "the database is now of schema 3" test "$(sql 'PRAGMA user_version')" = 3
rm -rf "$TEST_DIR/backups"
cp "$DB" "$TEST_DIR/schema3.db"
run check
check_status 0 "check accepts a schema 3 database"
check_true "and leaves it at schema 3" test "$(sql 'PRAGMA user_version')" = 3
run agenda --overdue
check_status 0 "agenda --overdue reads it"
check_true "a command that only reads leaves it as it was" \
	cmp -s "$DB" "$TEST_DIR/schema3.db"
run review 3 --date 2026-11-27
check_status 0 "a command that writes"
check_true "migrates it to schema 11" test "$(sql 'PRAGMA user_version')" = 11
check_true "after a backup of it as it was" \
	sh -c "ls '$TEST_DIR'/backups/caseload-before-schema-*.db"
check_true "with the most urgent items and the attempts worked out" \
	test "$(sql "SELECT id, urgent_kind, urgent_due, attempts FROM people WHERE id IN (1, 5, 8) ORDER BY id")" = \
"1|review|2026-12-01|1
5|letter|2026-11-01|0
8|review|2020-07-01|0"
check_true "with the intervals they follow" \
	test "$(sql "SELECT value FROM settings_used WHERE key IN ('letter_months', 'review_months') ORDER BY key")" = "12
6"
run check
check_status 0 "the migrated database is sound"
check_out_has "ok (schema 11, 11 young people)" "check says the new schema"
run restore "$TEST_DIR/schema3.db"
check_status 0 "a schema 3 backup is restored"
check_true "and migrated" test "$(sql 'PRAGMA user_version')" = 11
run check
check_status 0 "the restored database is sound"
done_testing
