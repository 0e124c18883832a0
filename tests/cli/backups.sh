#!/bin/sh
# SPDX-License-Identifier: MIT
# Daily backups beside the database, and restoring one.
. "$(dirname "$0")/../lib.sh"

backups=$TEST_DIR/backups
# Daily backups go by the clock, never by --today: these runs give none.
clock_day=$(date +%Y-%m-%d)
daily=$backups/caseload-$clock_day.db
by_clock() { # by_clock [ARGS...]: caseload on the test database, no --today
	status=0
	"$CASELOAD" --db "$DB" "$@" >"$out" 2>"$err" || status=$?
}

run list
check_true "no backup of an empty caseload" test ! -e "$backups"
run add --name "Aisha Khan" --dob 2007-03-14 --allocated 2025-02-01
run contact 1 --date 2026-11-20
check_true "no daily backup is made when --today is given" test ! -e "$backups"
by_clock list
check_true "nor by a command that only reads" test ! -e "$backups"
by_clock contact 1 --date 2026-11-20 --attempted
check_status 0 "a command that writes, by the clock"
check_true "the first write of the day with someone on the caseload backs up" \
	test -f "$daily"
check_true "named by the clock's date" test "$(ls "$backups")" = "caseload-$clock_day.db"
check_true "the backup is mode 0600" test "$(stat -c %a "$daily")" = 600
check_true "the backups folder is mode 0700" test "$(stat -c %a "$backups")" = 700
check_true "the backup is a sound caseload database" \
	"$CASELOAD" --db "$daily" check
check_true "a backup opened with --db is not backed up again" \
	test ! -e "$backups/backups"
before=$(cksum <"$daily")
by_clock contact 1 --date 2026-11-21 --attempted
check_true "later writes that day leave the day's backup alone" \
	test "$(cksum <"$daily")" = "$before"

# Keep the newest [backup] keep daily backups; one named for a day after
# today's (left by an older caseload run with --today) is neither counted
# nor removed.
printf '[backup]\nkeep = 3\n' >"$TEST_DIR/keep.ini"
for day in 2020-01-01 2020-01-02 2020-01-03 2020-01-04 2099-01-01; do
	cp "$daily" "$backups/caseload-$day.db"
done
rm "$daily"
by_clock --config "$TEST_DIR/keep.ini" contact 1 --date 2026-11-22 --attempted
check_true "only the newest 3 daily backups up to today are kept" \
	test "$(ls "$backups" | tr '\n' ' ')" = \
	"caseload-2020-01-03.db caseload-2020-01-04.db caseload-$clock_day.db caseload-2099-01-01.db "
printf '[backup]\nkeep = 0\n' >"$TEST_DIR/off.ini"
rm "$daily"
by_clock --config "$TEST_DIR/off.ini" contact 1 --date 2026-11-23 --attempted
check_true "keep = 0 turns daily backups off" test ! -e "$daily"

# A backups folder that cannot be made only warns.
mkdir -p "$TEST_DIR/ro"
"$CASELOAD" --db "$TEST_DIR/ro/c.db" --today "$TODAY" add --name X \
	--dob 2008-01-01 >/dev/null 2>&1
rm -rf "$TEST_DIR/ro/backups"
touch "$TEST_DIR/ro/backups"
status=0
"$CASELOAD" --db "$TEST_DIR/ro/c.db" contact 1 --attempted >"$out" 2>"$err" ||
	status=$?
check_status 0 "a backup that cannot be made does not stop the work"
check_err_has "caseload: warning: today's backup was not made" "but it is said"

# Restore.
run backup "$TEST_DIR/saved.db"
run add --name "Ben Carter" --dob 2008-12-01
run restore "$TEST_DIR/saved.db"
check_status 0 "a backup is restored"
check_out_has "Restored $DB from $TEST_DIR/saved.db." "restore says what it did"
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
cp "$TEST_DIR/saved.db" "$TEST_DIR/newer.db"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/newer.db" "PRAGMA user_version = 12"
check_refused "restoring a newer caseload's database" "was written by a newer caseload" \
	restore "$TEST_DIR/newer.db"
size=$(stat -c %s "$TEST_DIR/saved.db")
head -c $((size - 1000)) "$TEST_DIR/saved.db" >"$TEST_DIR/cut.db"
check_refused "restoring a truncated backup" "restore: $TEST_DIR/cut.db" \
	restore "$TEST_DIR/cut.db"
check_refused "restoring a file that does not exist" "cannot read $TEST_DIR/nope.db" \
	restore "$TEST_DIR/nope.db"
check_refused "restore without a file" "restore: give the backup file" restore
done_testing
