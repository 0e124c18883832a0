#!/bin/sh
# SPDX-License-Identifier: MIT
# Faults: caseload killed with SIGKILL in the middle of writing, a full
# disk, read-only files.  Nothing confirmed is ever lost, and the
# database stays sound.
. "$(dirname "$0")/../lib.sh"

: "${FAULT_ROUNDS:=25}"
run add --name "Aisha Khan" --dob 2007-03-14 --allocated 2025-02-01
run add --name "Ben Carter" --dob 2008-12-01 --allocated 2025-02-01

# --- Killed at random moments, many times over -----------------------
#
# A writer loop logs contacts, adds young people, steps one down and up
# again and imports small sheets; after each command that said it was
# done, it notes what it wrote.  The whole loop is killed with SIGKILL
# at a random moment.  Afterwards every noted write must be in the
# database, and caseload check must pass.
writer() {
	round=$1
	i=0
	while :; do
		i=$((i + 1))
		case $((i % 4)) in
		0)	"$CASELOAD" --db "$DB" --today "$TODAY" contact 1 \
			    --note "round $round contact $i" >/dev/null 2>&1 &&
				echo "contact|round $round contact $i" ;;
		1)	"$CASELOAD" --db "$DB" --today "$TODAY" add \
			    --name "Round $round Person $i" --dob 2008-01-01 \
			    >/dev/null 2>&1 &&
				echo "person|Round $round Person $i" ;;
		2)	printf 'name,dob,last contact\n"Sheet %s-%s",2007-05-05,2026-11-20\n' \
			    "$round" "$i" >"$TEST_DIR/sheet-$round-$i.csv"
			"$CASELOAD" --db "$DB" --today "$TODAY" import \
			    "$TEST_DIR/sheet-$round-$i.csv" >/dev/null 2>&1 &&
				echo "person|Sheet $round-$i" ;;
		3)	if "$CASELOAD" --db "$DB" --today "$TODAY" step-down 2 \
			    --reason "round $round step $i" >/dev/null 2>&1; then
				echo "status|round $round step $i"
			else
				"$CASELOAD" --db "$DB" --today "$TODAY" step-up 2 \
				    --reason "round $round step $i" >/dev/null 2>&1 &&
					echo "status|round $round step $i"
			fi ;;
		esac
	done
}

: >"$TEST_DIR/done"
round=0
checks_failed=0
while [ $round -lt "$FAULT_ROUNDS" ]; do
	round=$((round + 1))
	( writer $round >>"$TEST_DIR/done" ) &
	pid=$!
	# Between 0.05 and 0.6 seconds; then the loop, and the caseload it
	# is running, are killed at once.
	sleep "0.$(( (round * 37) % 55 + 5 ))"
	kill -STOP $pid 2>/dev/null
	pkill -KILL -f -- "--db $DB --today" 2>/dev/null
	kill -KILL $pid 2>/dev/null
	wait $pid 2>/dev/null
	if ! "$CASELOAD" --db "$DB" --today "$TODAY" check >/dev/null 2>&1; then
		checks_failed=$((checks_failed + 1))
	fi
done
writes=$(wc -l <"$TEST_DIR/done")
check_true "caseload check passes after each of $FAULT_ROUNDS rounds killed with SIGKILL" \
	test $checks_failed -eq 0
check_true "the writers confirmed some writes ($writes)" test "$writes" -gt $FAULT_ROUNDS

lost=0
while IFS='|' read -r kind what; do
	case $kind in
	contact) n=$(sql "SELECT count(*) FROM contacts WHERE note = '$what'") ;;
	person) n=$(sql "SELECT count(*) FROM people WHERE name = '$what'") ;;
	status) n=$(sql "SELECT count(*) FROM status_changes WHERE reason = '$what'") ;;
	esac
	if [ "$n" != 1 ]; then
		lost=$((lost + 1))
		echo "# lost: $kind $what ($n)"
	fi
done <"$TEST_DIR/done"
check_true "every one of the $writes confirmed writes is in the database" test $lost -eq 0
echo "# $FAULT_ROUNDS rounds killed, $writes confirmed writes checked, $lost lost"
run check
check_status 0 "the database is sound at the end"

# --- A full disk -----------------------------------------------------
#
# A file size limit (ulimit -f) stands for a full disk: caseload says
# so, exit 1, and keeps everything that was already there.
cp "$DB" "$TEST_DIR/full.db"
before=$(sql "SELECT count(*) FROM contacts")
big=$(head -c 60000 /dev/zero | tr '\0' x)
status=0
(
	ulimit -f $(( $(stat -c %s "$TEST_DIR/full.db") / 512 + 200 ))
	i=0
	while [ $i -lt 40 ]; do
		i=$((i + 1))
		"$CASELOAD" --db "$TEST_DIR/full.db" --today "$TODAY" contact 1 \
		    --note "$big" >"$out" 2>"$err" || exit $?
	done
) || status=$?
check_status 1 "a write that does not fit on the disk exits 1"
check_err_has "the disk may be full; free some space and try again (nothing was saved)" \
	"and says what to do"
run_raw --db "$TEST_DIR/full.db" --today "$TODAY" check
check_status 0 "the database is sound after the disk filled up"
check_true "and holds everything written before" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/full.db" "SELECT count(*) FROM contacts WHERE note IS NULL OR length(note) < 1000")" = "$before"

# A real small file system, where this machine allows mounting one.
if [ "$(id -u)" = 0 ] && mkdir -p "$TEST_DIR/tmpfs" &&
    mount -t tmpfs -o size=256k tmpfs "$TEST_DIR/tmpfs" 2>/dev/null; then
	"$CASELOAD" --db "$TEST_DIR/tmpfs/c.db" --today "$TODAY" add \
	    --name "Small" --dob 2008-01-01 >/dev/null 2>&1
	status=0
	i=0
	while [ $i -lt 40 ]; do
		i=$((i + 1))
		"$CASELOAD" --db "$TEST_DIR/tmpfs/c.db" --today "$TODAY" \
		    contact 1 --note "$big" >"$out" 2>"$err" ||
			{ status=$?; break; }
	done
	check_status 1 "a full file system: exit 1"
	check_err_has "free some space and try again (nothing was saved)" "with what to do"
	# Checked where there is room, with its WAL (what was committed).
	mkdir -p "$TEST_DIR/rescued"
	cp "$TEST_DIR/tmpfs"/c.db* "$TEST_DIR/rescued/"
	umount "$TEST_DIR/tmpfs"
	run_raw --db "$TEST_DIR/rescued/c.db" --today "$TODAY" check
	check_status 0 "and the database that was on it is sound"
	check_true "with the contacts written before the disk filled" \
		test "$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/rescued/c.db" \
		"SELECT count(*) FROM contacts WHERE length(note) = 60000")" -eq $((i - 1))
else
	skip "a full file system" "cannot mount a tmpfs here"
fi

# --- Read-only files ---------------------------------------------------
#
# As another user (root reads and writes everything), or with chmod.
as_other() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups \
		    env HOME="$TEST_DIR/other" "$@"
	else
		"$@"
	fi
}
# Another user must be able to reach the program (not inside a 0700 folder).
if [ "$(id -u)" != 0 ] || { command -v setpriv >/dev/null 2>&1 &&
    mkdir -p "$TEST_DIR/other" && chmod 755 "$TEST_DIR" &&
    chmod 777 "$TEST_DIR/other" &&
    as_other "$CASELOAD" --version >/dev/null 2>&1; }; then
	mkdir -p "$TEST_DIR/ro" "$TEST_DIR/other"
	chmod 755 "$TEST_DIR" "$TEST_DIR/ro"
	chmod 777 "$TEST_DIR/other"
	cp "$DB" "$TEST_DIR/ro/c.db"
	if [ "$(id -u)" = 0 ]; then
		chmod 644 "$TEST_DIR/ro/c.db"
	else
		chmod 444 "$TEST_DIR/ro/c.db"
		chmod 555 "$TEST_DIR/ro"
	fi
	sum=$(cksum <"$TEST_DIR/ro/c.db")
	status=0
	as_other "$CASELOAD" --db "$TEST_DIR/ro/c.db" --today "$TODAY" contact 1 \
		>"$out" 2>"$err" || status=$?
	check_status 1 "a read-only database: exit 1"
	check_err_has "is read-only; check its permissions" "with what to check"
	check_true "and the file is as it was" test "$(cksum <"$TEST_DIR/ro/c.db")" = "$sum"
	status=0
	as_other "$CASELOAD" --db "$TEST_DIR/ro/new.db" --today "$TODAY" \
		add --name "New Person" --dob 2008-01-01 >"$out" 2>"$err" ||
		status=$?
	check_status 1 "a database in a read-only folder: exit 1"
	check_err_has "caseload: cannot create $TEST_DIR/ro/new.db" "with the file named"
	chmod 755 "$TEST_DIR/ro"
	chmod 700 "$TEST_DIR"
else
	chmod 700 "$TEST_DIR"
	skip "read-only files" "root, and another user cannot run $CASELOAD"
fi
done_testing
