#!/bin/sh
# Daily backups beside the database, and restoring one.
. "$(dirname "$0")/../lib.sh"

backups=$TEST_DIR/backups

run list
check_true "no backup of an empty caseload" test ! -e "$backups"
run add --name "Aisha Khan" --dob 2007-03-14 --allocated 2025-02-01
run contact 1 --date 2026-11-20
check_true "the first run of the day with someone on the caseload backs up" \
	test -f "$backups/caseload-2026-11-27.db"
check_true "the backup is mode 0600" \
	test "$(stat -c %a "$backups/caseload-2026-11-27.db")" = 600
check_true "the backups folder is mode 0700" test "$(stat -c %a "$backups")" = 700
check_true "the backup is a sound caseload database" \
	"$CASELOAD" --db "$backups/caseload-2026-11-27.db" check
check_true "a backup opened with --db is not backed up again" \
	test ! -e "$backups/backups"
before=$(cksum <"$backups/caseload-2026-11-27.db")
run contact 1 --date 2026-11-26
check_true "later runs that day leave the day's backup alone" \
	test "$(cksum <"$backups/caseload-2026-11-27.db")" = "$before"

# Keep the newest [backup] keep daily backups.
printf '[backup]\nkeep = 3\n' >"$TEST_DIR/keep.ini"
for day in 2026-11-28 2026-11-29 2026-11-30 2026-12-01; do
	"$CASELOAD" --db "$DB" --config "$TEST_DIR/keep.ini" --today $day \
	    list >/dev/null 2>&1
done
check_true "only the newest 3 daily backups are kept" \
	test "$(ls "$backups" | tr '\n' ' ')" = \
	"caseload-2026-11-29.db caseload-2026-11-30.db caseload-2026-12-01.db "
printf '[backup]\nkeep = 0\n' >"$TEST_DIR/off.ini"
"$CASELOAD" --db "$DB" --config "$TEST_DIR/off.ini" --today 2026-12-02 list \
	>/dev/null 2>&1
check_true "keep = 0 turns daily backups off" \
	test ! -e "$backups/caseload-2026-12-02.db"

# A backups folder that cannot be made only warns.
mkdir -p "$TEST_DIR/ro"
"$CASELOAD" --db "$TEST_DIR/ro/c.db" --today "$TODAY" add --name X \
	--dob 2008-01-01 >/dev/null 2>&1
rm -rf "$TEST_DIR/ro/backups"
touch "$TEST_DIR/ro/backups"
status=0
"$CASELOAD" --db "$TEST_DIR/ro/c.db" --today 2026-12-09 list >"$out" 2>"$err" ||
	status=$?
check_status 0 "a backup that cannot be made does not stop the work"
check_err_has "caseload: warning: today's backup was not made" "but it is said"

# Restore.
run add --name "Ben Carter" --dob 2008-12-01
run restore "$backups/caseload-2026-12-01.db"
check_status 0 "a backup is restored"
check_out_has "Restored $DB from $backups/caseload-2026-12-01.db." "restore says what it did"
check_out_has "The database as it was before is kept in $backups/caseload-before-restore-" \
	"and where the database as it was went"
run list --format csv
check_out_lacks "Ben Carter" "the database is as the backup was"
check_out_has "Aisha Khan" "with what the backup held"
saved=$(ls "$backups"/caseload-before-restore-*.db)
check_true "the database as it was is kept, mode 0600" \
	test "$(stat -c %a "$saved")" = 600
check_true "and holds what was there" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$saved" "SELECT count(*) FROM people WHERE name = 'Ben Carter'")" = 1
run check
check_status 0 "the restored database is sound"
run contact 1 --method visit
check_status 0 "and can be written"

# Restoring something that is not a sound caseload backup: nothing changes.
printf 'not a database at all, just some words that go on for long enough\n%0200d\n' 0 \
	>"$TEST_DIR/words.db"
check_refused "restoring a text file" "restore: $TEST_DIR/words.db is not a caseload database" \
	restore "$TEST_DIR/words.db"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/other.db" "CREATE TABLE t (x)"
check_refused "restoring someone else's database" "is not a caseload database" \
	restore "$TEST_DIR/other.db"
cp "$backups/caseload-2026-12-01.db" "$TEST_DIR/newer.db"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/newer.db" "PRAGMA user_version = 9"
check_refused "restoring a newer caseload's database" "was written by a newer caseload" \
	restore "$TEST_DIR/newer.db"
size=$(stat -c %s "$backups/caseload-2026-12-01.db")
head -c $((size - 1000)) "$backups/caseload-2026-12-01.db" >"$TEST_DIR/cut.db"
check_refused "restoring a truncated backup" "restore: $TEST_DIR/cut.db" \
	restore "$TEST_DIR/cut.db"
check_refused "restoring a file that does not exist" "cannot read $TEST_DIR/nope.db" \
	restore "$TEST_DIR/nope.db"
check_refused "restore without a file" "restore: give the backup file" restore
done_testing
