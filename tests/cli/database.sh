#!/bin/sh
# SPDX-License-Identifier: MIT
# The database file: check, backup, and files that are not what they
# should be.  Each is refused with a clear message and left as it was.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

run check
check_status 0 "check passes on a sound database"
check_out "check says so, with the schema and the number of people" <<EOF
$DB: ok (schema 11, 11 young people).
EOF
check_true "the database is in WAL mode" test "$(sql 'PRAGMA journal_mode')" = wal
check_true "it is marked as caseload's (PRAGMA application_id)" \
	test "$(sql 'PRAGMA application_id')" = 1129532484
check_true "and versioned (PRAGMA user_version)" test "$(sql 'PRAGMA user_version')" = 11

# Backup.
run backup "$TEST_DIR/copy.db"
check_status 0 "backup writes a copy"
check_out_has "Backed up to $TEST_DIR/copy.db" "backup says where"
check_true "the copy is mode 0600" test "$(stat -c %a "$TEST_DIR/copy.db")" = 600
check_true "the copy stands alone (no WAL)" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/copy.db" 'PRAGMA journal_mode')" = delete
"$CASELOAD" --db "$TEST_DIR/copy.db" --today "$TODAY" due >"$TEST_DIR/copy.out"
run due
check_true "the copy gives the same due list" cmp -s "$out" "$TEST_DIR/copy.out"
check_refused "a backup over an existing file" "already exists; give a new file name" \
	backup "$TEST_DIR/copy.db"
run backup "$TEST_DIR/no/such/folder/copy.db"
check_status 1 "a backup into a missing folder exits 1"
check_err_has "cannot create $TEST_DIR/no/such/folder/copy.db" "and says so"
check_refused "backup without a file" "backup: give the new file" backup

# A summary edited by hand: check notices and exits 1.
cp "$DB" "$TEST_DIR/tampered.db"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/tampered.db" \
	"UPDATE people SET last_contact = '2026-11-26' WHERE id = 1"
run_raw --db "$TEST_DIR/tampered.db" check
check_status 1 "check fails when a summary disagrees with the history"
check_out_has "young person 1: the last contact is 2026-11-26 but their history says 2026-09-02" \
	"and says which and how"
check_err_has "has 4 problems (listed above)" "with a count on standard error"

# Three copies writing at once wait for each other; nothing is lost.
for w in 1 2 3; do
	(
		i=0
		while [ $i -lt 30 ]; do
			i=$((i + 1))
			"$CASELOAD" --db "$DB" --today "$TODAY" contact 2 \
			    --note "writer $w, contact $i" >/dev/null 2>&1 ||
				echo "writer $w contact $i failed" >>"$TEST_DIR/fails"
		done
	) &
done
wait
check_true "three writers at once all succeed" test ! -s "$TEST_DIR/fails"
check_true "and all 90 contacts are stored" \
	test "$(sql "SELECT count(*) FROM contacts WHERE note LIKE 'writer %'")" = 90
run check
check_status 0 "the database is sound after them"

# Files that are not a caseload database: exit 1, file untouched.
refused_file() {
	what=$1
	file=$2
	text=$3
	before=$(cksum <"$file")
	run_raw --db "$file" --today "$TODAY" due
	if [ "$status" -eq 1 ] && grep -qF -- "$text" "$err" &&
	    [ "$(cksum <"$file")" = "$before" ]; then
		ok "$what"
	else
		not_ok "$what"
		diag_last_run
	fi
}
printf 'name,dob\nAisha,2007-03-14\n%0600d\n' 0 >"$TEST_DIR/text.db"
refused_file "a text file" "$TEST_DIR/text.db" "is damaged (file is not a database)"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1)"
refused_file "someone else's SQLite database" "$TEST_DIR/other.db" \
	"is a SQLite database, but not caseload's"
cp "$DB" "$TEST_DIR/newer.db"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/newer.db" "PRAGMA user_version = 12"
refused_file "a database from a newer caseload" "$TEST_DIR/newer.db" \
	"was written by a newer caseload (schema 12; this one knows up to 11)"
cp "$DB" "$TEST_DIR/notours.db"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/notours.db" "PRAGMA application_id = 42"
refused_file "a database marked as another program's" "$TEST_DIR/notours.db" \
	"is not a caseload database"
size=$(stat -c %s "$DB")
head -c $((size / 2)) "$DB" >"$TEST_DIR/truncated.db"
run_raw --db "$TEST_DIR/truncated.db" check
check_status 1 "check fails on a truncated database"
done_testing
