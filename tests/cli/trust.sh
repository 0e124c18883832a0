#!/bin/sh
# SPDX-License-Identifier: MIT
# The database file a worker can trust: folders reached through links,
# paths that are not files, tampered schemas, restores that fail halfway,
# commands that only read, a mistyped --db and backups by the clock.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

sqlite() {
	"${SQLITE3_BIN:-sqlite3}" -batch -noheader "$@"
}
# The files in a folder, as one line.
files_in() {
	(cd "$1" && ls -A | tr '\n' ' ')
}

# --- Folders reached through symbolic links work; a linked file is refused.
mkdir -p "$TEST_DIR/real/data"
ln -s "$TEST_DIR/real" "$TEST_DIR/linked"
run_raw --db "$TEST_DIR/linked/data/c.db" --today "$TODAY" \
	add --name "Linked Folder" --dob 2008-01-01
check_status 0 "a --db folder reached through a link works"
check_true "and the database is made in the real folder" \
	test -f "$TEST_DIR/real/data/c.db"
run_raw --db "$TEST_DIR/linked/data/c.db" --today "$TODAY" list
check_out_has "Linked Folder" "and is read back through the link"
mkdir -p "$TEST_DIR/realhome"
ln -s "$TEST_DIR/realhome" "$TEST_DIR/linkhome"
status=0
HOME=$TEST_DIR/linkhome "$CASELOAD" --today "$TODAY" add --name "Linked Home" \
	--dob 2008-01-01 >"$out" 2>"$err" || status=$?
check_status 0 "a home folder reached through a link works"
check_true "the default database is made there" \
	test -f "$TEST_DIR/realhome/.local/share/caseload/caseload.db"
mkdir -p "$TEST_DIR/realxdg"
ln -s "$TEST_DIR/realxdg" "$TEST_DIR/linkxdg"
status=0
XDG_DATA_HOME=$TEST_DIR/linkxdg "$CASELOAD" --today "$TODAY" \
	add --name "Linked Xdg" --dob 2008-01-01 >"$out" 2>"$err" || status=$?
check_status 0 "an XDG_DATA_HOME reached through a link works"
ln -s "$TEST_DIR/real/data/c.db" "$TEST_DIR/link.db"
before=$(cksum <"$TEST_DIR/real/data/c.db")
run_raw --db "$TEST_DIR/link.db" --today "$TODAY" list
check_status 2 "a database file that is itself a link is refused"
check_err_has "link.db is a symbolic link: caseload opens a database only by its real name" \
	"and the message says why"
check_true "the file it points to is untouched" \
	test "$(cksum <"$TEST_DIR/real/data/c.db")" = "$before"
check_true "and nothing is made beside the link" \
	test "$(files_in "$TEST_DIR" | grep -c 'link.db-')" = 0

# --- A device, a FIFO or a socket as the database: refused before SQLite
# makes a journal beside it.
mkdir -p "$TEST_DIR/dev"
mkfifo "$TEST_DIR/dev/fifo.db"
run_raw --db "$TEST_DIR/dev/fifo.db" --today "$TODAY" add --name X --dob 2008-01-01
check_status 2 "a FIFO as the database is refused"
check_err_has "fifo.db is a FIFO (named pipe), not a database file" "and named"
if [ "$(id -u)" = 0 ] && mknod "$TEST_DIR/dev/null.db" c 1 3 2>/dev/null; then
	run_raw --db "$TEST_DIR/dev/null.db" --today "$TODAY" add --name X --dob 2008-01-01
	check_status 2 "a character device as the database is refused"
	check_err_has "null.db is a device, not a database file" "and named"
	check_true "the device is still a device" test -c "$TEST_DIR/dev/null.db"
else
	skip "a character device as the database is refused" "mknod needs root"
	skip "and named" "mknod needs root"
	skip "the device is still a device" "mknod needs root"
fi
check_true "no journal or other file appears beside them" \
	test "$(files_in "$TEST_DIR/dev" | tr ' ' '\n' | grep -c -- '-journal\|-wal\|-shm')" = 0
run_raw --db "" list
check_status 2 "an empty --db is bad usage"

# --- A mistyped --db: refused, nothing made.
run_raw --db "$TEST_DIR/nonexistent/x/y.db" --today "$TODAY" due
check_status 2 "--db in a folder that does not exist is refused"
check_err_has "the folder $TEST_DIR/nonexistent/x does not exist" "and says which"
check_true "and no folder is made" test ! -e "$TEST_DIR/nonexistent"
status=0
CASELOAD_DB=$TEST_DIR/nonexistent/y.db "$CASELOAD" --today "$TODAY" \
	add --name X --dob 2008-01-01 >"$out" 2>"$err" || status=$?
check_status 2 "CASELOAD_DB likewise, even for a command that writes"
check_true "and no folder is made for it" test ! -e "$TEST_DIR/nonexistent"
run_raw --db "$TEST_DIR/typo.db" --today "$TODAY" due
check_status 0 "a command that reads a database not made yet"
check_out_has "No young people" "sees an empty caseload"
check_true "and never creates it" test ! -e "$TEST_DIR/typo.db"

# --- Commands that only read leave every byte as it was.  (export -o
# FILE writes: it records each item's SEQUENCE, as --vdir and publish
# do; export to standard output only reads.)
printf '[worker]\nname = Sam Taylor\n[letters]\nprint_command = cat\n' \
	>"$TEST_DIR/base.ini"
printf '[worker]\nname = Sam Taylor\n[letters]\nprint_command = cat\n[contact]\ninterval_weeks = 4\n' \
	>"$TEST_DIR/four.ini"
for args in "check" "show 1" "list --all" "due" "due --within 14 --format csv" \
    "agenda --days 60" "letters" "letters --format json" "stats" \
    "export" "export -o -" "due --print" "card"; do
	snapshot
	# shellcheck disable=SC2086
	run --config "$TEST_DIR/base.ini" $args
	if [ "$status" -eq 0 ] && unchanged; then
		ok "caseload $args leaves the database as it was"
	else
		not_ok "caseload $args leaves the database as it was"
		diag_last_run
	fi
	snapshot
	# shellcheck disable=SC2086
	run --config "$TEST_DIR/four.ini" $args
	if [ "$status" -eq 0 ] && unchanged; then
		ok "... and with another interval in the settings"
	else
		not_ok "... and with another interval in the settings"
		diag_last_run
	fi
done
run --config "$TEST_DIR/four.ini" due --format csv
check_out_has "8,李明,stepped-up,2026-11-01,2026-11-29,0,due-soon" \
	"a command that reads answers by the settings in force"
check_true "while the file keeps the dates it had" \
	test "$(sql "SELECT next_due FROM people WHERE id = 8")" = 2026-12-27
check_refused "a refused contact writes nothing, even with another interval" \
	"before" --config "$TEST_DIR/four.ini" contact 1 --date 2001-01-01
check_refused "nor a refused step-down" "step-down" \
	--config "$TEST_DIR/four.ini" step-down 5
run --config "$TEST_DIR/four.ini" contact 1 --method phone
check_status 0 "the next command that writes"
check_true "brings the kept dates to the settings" \
	test "$(sql "SELECT next_due FROM people WHERE id = 8")" = 2026-11-29
run --config "$TEST_DIR/four.ini" check
check_status 0 "and the database agrees with them"
run contact 1 --date 2026-11-26 --method phone
check_true "a write with the default brings them back" \
	test "$(sql "SELECT next_due FROM people WHERE id = 8")" = 2026-12-27

# check on a backup, the manual's recovery step: not a byte changes.
run backup "$TEST_DIR/copy.db"
cp "$TEST_DIR/copy.db" "$TEST_DIR/copy-before.db"
run_raw --db "$TEST_DIR/copy.db" check
check_status 0 "check on a backup"
check_true "leaves every byte of it as it was" \
	cmp -s "$TEST_DIR/copy.db" "$TEST_DIR/copy-before.db"
check_true "and makes no file beside it" \
	test "$(files_in "$TEST_DIR" | tr ' ' '\n' | grep -c '^copy\.db-')" = 0

# --- Tampered schemas: refused on open, reported by check, refused by
# restore and by handover import.
tamper() { # tamper NAME SQL: a copy of the database, changed
	cp "$DB" "$TEST_DIR/$1.db"
	sqlite "$TEST_DIR/$1.db" "PRAGMA journal_mode = DELETE; $2" >/dev/null
}
run backup "$TEST_DIR/good.db"
tamper trigger "CREATE TRIGGER leak AFTER INSERT ON contacts BEGIN
    UPDATE people SET address = NEW.note WHERE id = NEW.person_id; END;"
tamper nodelete "DROP TRIGGER people_kept; DROP TRIGGER contacts_kept;"
tamper view "CREATE VIEW loop AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL
    SELECT x + 1 FROM n) SELECT x FROM n;"
tamper nullname "PRAGMA foreign_keys = OFF; BEGIN;
    CREATE TABLE p2 AS SELECT * FROM people;
    DROP TABLE people;
    CREATE TABLE people (id INTEGER PRIMARY KEY, uuid TEXT, name TEXT,
      preferred_name TEXT, dob TEXT, phone TEXT, email TEXT, address TEXT,
      interval_weeks INTEGER, allocated_on TEXT, status TEXT,
      status_since TEXT, last_contact TEXT, last_letter TEXT,
      last_review TEXT, created_at TEXT, updated_at TEXT, next_due TEXT,
      attempts INTEGER, review_due TEXT, letter_due TEXT, urgent_due TEXT,
      urgent_kind TEXT, visit_due TEXT);
    INSERT INTO people SELECT * FROM p2; DROP TABLE p2;
    UPDATE people SET name = NULL WHERE id = 1; COMMIT;"
for t in "trigger:has an extra trigger leak" \
    "nodelete:lacks the trigger people_kept" \
    "view:has an extra view loop" \
    "nullname:has a changed definition of the table people"; do
	name=${t%%:*}
	what=${t#*:}
	cp "$TEST_DIR/$name.db" "$TEST_DIR/$name-before.db"
	status=0
	timeout 60 "$CASELOAD" --db "$TEST_DIR/$name.db" --today "$TODAY" show 1 \
		>"$out" 2>"$err" || status=$?
	check_status 1 "$name: opening it is refused"
	check_err_has "is not as caseload made it (the schema " \
		"$name: and the message says what differs"
	status=0
	timeout 60 "$CASELOAD" --db "$TEST_DIR/$name.db" --today "$TODAY" \
		contact 1 >"$out" 2>"$err" || status=$?
	check_status 1 "$name: so is writing to it"
	status=0
	timeout 60 "$CASELOAD" --db "$TEST_DIR/$name.db" check \
		>"$out" 2>"$err" || status=$?
	check_status 1 "$name: check finds it"
	check_out_has "the schema $what" "$name: and lists it"
	check_true "$name: and nothing of the file changed" \
		cmp -s "$TEST_DIR/$name.db" "$TEST_DIR/$name-before.db"
	check_refused "$name: restoring it is refused" "nothing was changed" \
		restore "$TEST_DIR/$name.db"
done
run show 1
check_status 0 "the live database is still usable after the refusals"

# A handover file with an extra trigger.
run handover export 1 -o "$TEST_DIR/one.handover"
sqlite "$TEST_DIR/one.handover" "CREATE TRIGGER leak AFTER INSERT ON contacts
    BEGIN UPDATE people SET address = NEW.note; END;" >/dev/null
before=$(cksum <"$TEST_DIR/real/data/c.db")
status=0
"$CASELOAD" --db "$TEST_DIR/real/data/c.db" --today "$TODAY" handover import \
	"$TEST_DIR/one.handover" >"$out" 2>"$err" || status=$?
check_status 2 "a handover file with an extra trigger is refused, exit 2"
check_err_has "the schema has an extra trigger leak" "and the trigger is named"
check_true "and the caseload it was to go into is as it was" \
	test "$(cksum <"$TEST_DIR/real/data/c.db")" = "$before"

# A file name holding an escape sequence is shown escaped, never raw.
esc=$(printf '\033')
run backup "$TEST_DIR/odd${esc}[2J.db"
check_status 0 "a backup to a file whose name holds an escape"
check_out_has 'odd\x1b[2J.db' "says the name with the escape shown as text"
check_true "and writes no raw escape" sh -c "! grep -q '$esc' '$out'"
run restore "$TEST_DIR/odd${esc}[2J.db"
check_status 0 "restoring it"
check_true "says the names without a raw escape" sh -c "! grep -q '$esc' '$out'"

# handover export only reads: with another interval in the settings too.
snapshot
run --config "$TEST_DIR/four.ini" handover export 1 -o "$TEST_DIR/four.handover"
check_status 0 "handover export works with another interval in the settings"
check_unchanged "and leaves the database as it was"

# --- A restore that would fail halfway leaves the database as it was.
tamper notable "DROP TRIGGER reviews_kept; DROP TABLE reviews;"
check_refused "restoring a backup that lacks a table is refused whole" \
	"nothing was changed" restore "$TEST_DIR/notable.db"
run check
check_status 0 "and check still passes"
# A value its CHECK constraint forbids, written around it: SQLite checks
# those only on a connection that may write.
tamper badvalue "PRAGMA ignore_check_constraints = ON;
    UPDATE people SET status = 'gone' WHERE id = 2;"
status=0
"$CASELOAD" --db "$TEST_DIR/badvalue.db" check >"$out" 2>"$err" || status=$?
check_status 1 "check finds a value its CHECK constraint forbids"
check_out_has "CHECK constraint failed in people" "and says which table"
check_refused "restoring such a backup is refused" "CHECK constraint failed" \
	restore "$TEST_DIR/badvalue.db"
run restore "$TEST_DIR/good.db"
check_status 0 "a sound backup still restores"
# Another page size (made by another SQLite, or VACUUMed) restores too.
cp "$TEST_DIR/good.db" "$TEST_DIR/small.db"
sqlite "$TEST_DIR/small.db" "PRAGMA page_size = 1024; VACUUM;" >/dev/null
run add --name "Only Here" --dob 2008-01-01
run restore "$TEST_DIR/small.db"
check_status 0 "a backup of another page size restores"
run list --all --format csv
check_out_lacks "Only Here" "and the database is the backup's"
run check
check_status 0 "and is sound"
run contact 1 --method phone
check_status 0 "and can be written"

# --- Backups by the clock: a --today in the future makes none.
for d in 2030-01-01 2030-01-02 2030-01-03; do
	run --today $d contact 1 --method phone --attempted
done
check_true "runs with --today in the future leave no backup named for it" \
	test "$(ls "$TEST_DIR/backups" | grep -c 2030)" = 0

# --- The data folder and the backups folder.
mkdir -p "$TEST_DIR/wide/caseload"
chmod 755 "$TEST_DIR/wide/caseload"
XDG_DATA_HOME=$TEST_DIR/wide "$CASELOAD" --today "$TODAY" list >/dev/null 2>&1
check_true "caseload's own data folder is made private (0700)" \
	test "$(stat -c %a "$TEST_DIR/wide/caseload")" = 700
mkdir -p "$TEST_DIR/shared"
chmod 755 "$TEST_DIR/shared"
run_raw --db "$TEST_DIR/shared/c.db" --today "$TODAY" list
check_true "a folder named with --db is left as it is" \
	test "$(stat -c %a "$TEST_DIR/shared")" = 755
chmod 755 "$TEST_DIR/backups"
status=0
"$CASELOAD" --db "$DB" contact 1 --method phone --attempted >"$out" 2>"$err" ||
	status=$?
check_true "a backups folder wider than 0700 is tightened" \
	test "$(stat -c %a "$TEST_DIR/backups")" = 700
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$TEST_DIR/theirs"
	run_raw --db "$TEST_DIR/theirs/c.db" --today "$TODAY" add --name X --dob 2008-01-01
	mkdir "$TEST_DIR/theirs/backups"
	chown 65534:65534 "$TEST_DIR/theirs/backups"
	status=0
	"$CASELOAD" --db "$TEST_DIR/theirs/c.db" contact 1 --method phone \
		>"$out" 2>"$err" || status=$?
	check_status 0 "a backups folder of another user does not stop the work"
	check_err_has "belongs to another user" "but it is refused, and said"
	check_true "and no backup is put in it" \
		test "$(files_in "$TEST_DIR/theirs/backups")" = ""
else
	skip "a backups folder of another user" "chown needs root"
	skip "but it is refused, and said" "chown needs root"
	skip "and no backup is put in it" "chown needs root"
fi
done_testing
