#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/import-scale.sh: import and handover import at scale: every
# check still made (someone already here found among thousands, ignoring
# case, accents and spaces; the same person twice in a sheet), every kept
# column right (caseload check), and the progress line drawn on a
# terminal and never in a pipe.

. "$top_srcdir/tests/lib.sh"

# sheet FILE FIRST LAST [EXTRA]: Person FIRST to Person LAST, then EXTRA.
sheet() {
	awk -v a="$2" -v b="$3" -v extra="${4:-}" 'BEGIN {
		print "name,dob,status,stepped down on,last contact"
		for (i = a; i <= b; i++)
			printf "Person %d,%04d-%02d-%02d,%s,%s,%s\n", i,
			    2002 + i % 8, 1 + i % 12, 1 + i % 28,
			    i % 7 ? "" : "stepped down",
			    i % 7 ? "" : "2026-10-01",
			    i % 5 ? sprintf("2026-11-%02d", 1 + i % 20) : ""
		if (extra != "")
			print extra
	}' >"$1"
}

S1=$TEST_DIR/first.csv
sheet "$S1" 1 4999 "Zoë Nguyễn,2007-03-14,,,2026-11-02"
run import "$S1"
check_status 0 "import 5,000 rows"
check_out_has "Imported 5000 young people from $S1" "import says how many"
check_true "5,000 young people are stored" \
    test "$(sql 'SELECT count(*) FROM people')" = 5000
check_true "every kept date and count agrees with the history" \
    "$CASELOAD" --db "$DB" --today "$TODAY" check
check_true "each stepped-down row has its step-down" \
    test "$(sql "SELECT count(*) FROM status_changes WHERE status = 'down'
	AND reason = 'imported from spreadsheet'")" = 714

# Someone already here, deep in a large sheet, in other case and
# without accents: refused at that line, naming their number.
S2=$TEST_DIR/second.csv
awk 'BEGIN { print "name,dob"
	for (i = 1; i <= 6000; i++) {
		if (i == 4000)
			print "ZOE  NGUYEN,2007-03-14"
		else
			printf "Newcomer %d,2005-06-%02d\n", i, 1 + i % 28
	} }' >"$S2"
check_refused "someone already here is found among 5,000, ignoring case and accents" \
    "$S2:4001: already on your caseload as number 5000" import "$S2"
check_refused "--dry-run finds them too" \
    "$S2:4001: already on your caseload as number 5000" import --dry-run "$S2"

# The same young person twice in one large sheet.
S3=$TEST_DIR/third.csv
awk 'BEGIN { print "name,dob"
	for (i = 1; i <= 6000; i++) {
		if (i == 10)
			print "Ada Lovelace,2006-12-10"
		else if (i == 5990)
			print "ada  LOVELACE,2006-12-10"
		else
			printf "Newcomer %d,2005-06-%02d\n", i, 1 + i % 28
	} }' >"$S3"
snapshot
run import "$S3"
check_status 2 "a sheet with someone twice is refused"
check_err_has "$S3:5991:" "the second row of the same young person is named"
check_unchanged "nothing was imported from it"

# The progress line: on a terminal (script gives the command one), drawn
# in place and cleared; never when standard error is a file.
S4=$TEST_DIR/fourth.csv
sheet "$S4" 10001 40000
if command -v script >/dev/null 2>&1; then
	TTY=$TEST_DIR/typescript
	script -qec "'$CASELOAD' --db '$TEST_DIR/tty.db' --today $TODAY import '$S4' >'$TEST_DIR/tty.out'" \
	    "$TTY" <"$S4" >"$TEST_DIR/script.out" 2>&1 || true
	check_true "on a terminal, a progress line while it imports" \
	    grep -q "importing: [0-9,]* of 30,000 rows" "$TTY"
	check_true "the progress line is drawn over itself and cleared" \
	    sh -c "tr '\r' '\n' <'$TTY' | grep -qxE ' {20,}'"
	check_true "what was imported is all on standard output" \
	    grep -q "Imported 30000 young people" "$TEST_DIR/tty.out"
else
	skip "on a terminal, a progress line while it imports" "no script(1)"
	skip "the progress line is drawn over itself and cleared" "no script(1)"
	skip "what was imported is all on standard output" "no script(1)"
fi
status=0
"$CASELOAD" --db "$TEST_DIR/pipe.db" --today "$TODAY" import "$S4" \
    >"$out" 2>"$err" || status=$?
check_status 0 "30,000 rows through a pipe"
check_true "no progress line when standard error is not a terminal" \
    sh -c "! grep -q 'importing' '$err' && test \$(tr -cd '\r' <'$err' | wc -c) = 0"

# Handover import at scale: someone here among 5,000 is found by name and
# date of birth, or by UUID; a large handover goes in whole.
OTHER=$TEST_DIR/other.db
printf 'name,dob\nzoe nguyen,2007-03-14\n' >"$TEST_DIR/one.csv"
"$CASELOAD" --db "$OTHER" --today "$TODAY" import "$TEST_DIR/one.csv" \
    >"$TEST_DIR/one.out"
"$CASELOAD" --db "$OTHER" --today "$TODAY" handover export 1 \
    -o "$TEST_DIR/zoe.handover" >"$TEST_DIR/export.out"
check_refused "a handover of someone here is found among 5,000 by name and birth" \
    "already here as number 5000 (the same name and date of birth)" \
    handover import "$TEST_DIR/zoe.handover"
"$CASELOAD" --db "$DB" --today "$TODAY" handover export 4321 \
    -o "$TEST_DIR/back.handover" >"$TEST_DIR/export.out"
check_refused "a handover of someone here is found among 5,000 by UUID" \
    "already here as number 4321 (the same UUID" \
    handover import "$TEST_DIR/back.handover"
"$CASELOAD" --db "$TEST_DIR/pipe.db" --today "$TODAY" handover export \
    $(seq 1 2000) -o "$TEST_DIR/big.handover" >"$TEST_DIR/export.out"
run handover import "$TEST_DIR/big.handover"
check_status 0 "a handover of 2,000 young people into a caseload of 5,000"
check_true "7,000 young people are stored" \
    test "$(sql 'SELECT count(*) FROM people')" = 7000
check_true "every kept date and count agrees with the history after it" \
    "$CASELOAD" --db "$DB" --today "$TODAY" check
check_true "no progress line for a handover when standard error is a file" \
    sh -c "! grep -q 'importing' '$err'"
if command -v script >/dev/null 2>&1; then
	script -qec "'$CASELOAD' --db '$TEST_DIR/tty2.db' --today $TODAY handover import '$TEST_DIR/big.handover' >'$TEST_DIR/tty2.out'" \
	    "$TTY" <"$S4" >"$TEST_DIR/script.out" 2>&1 || true
	check_true "on a terminal, a progress line while a handover goes in" \
	    grep -q "importing: [0-9,]* of 2,000 young people" "$TTY"
else
	skip "on a terminal, a progress line while a handover goes in" "no script(1)"
fi

# A large import into a caseload nobody else has open is kept safe by a
# rollback journal, so its pages are written once (not to the write-ahead
# log and then again to the file); killed half way, the caseload is as it
# was, and the write-ahead log is back once caseload opens it again.
check_true "after a large import the caseload keeps its write-ahead log again" \
    test "$(sql 'PRAGMA journal_mode')" = wal
KDB=$TEST_DIR/kill.db
cp "$DB" "$KDB"
S5=$TEST_DIR/fifth.csv
sheet "$S5" 50001 90000
"$CASELOAD" --db "$KDB" --today "$TODAY" import "$S5" >/dev/null 2>&1 &
pid=$!
i=0
while [ ! -f "$KDB-journal" ] && [ $i -lt 400 ] && kill -0 $pid 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
journal=no
[ -f "$KDB-journal" ] && journal=yes
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
check_true "a large import keeps a rollback journal while it writes" \
    test $journal = yes
check_true "killed half way, nobody from it is stored" \
    test "$("${SQLITE3_BIN:-sqlite3}" -batch "$KDB" \
    'SELECT count(*) FROM people')" = 7000
check_true "... and every kept date and count agrees with the history" \
    "$CASELOAD" --db "$KDB" --today "$TODAY" check
printf 'name,dob\nAfter Kill,2006-01-02\n' >"$TEST_DIR/after.csv"
"$CASELOAD" --db "$KDB" --today "$TODAY" import "$TEST_DIR/after.csv" \
    >/dev/null 2>&1
check_true "opened again, the caseload keeps its write-ahead log" \
    test "$("${SQLITE3_BIN:-sqlite3}" -batch "$KDB" \
    'PRAGMA journal_mode')" = wal

# Another copy of caseload that writes while a large import keeps its
# rollback journal waits its turn, and both are kept.
WDB=$TEST_DIR/wait.db
cp "$DB" "$WDB"
"$CASELOAD" --db "$WDB" --today "$TODAY" import "$S5" >/dev/null 2>&1 &
pid=$!
i=0
while [ ! -f "$WDB-journal" ] && [ $i -lt 400 ] && kill -0 $pid 2>/dev/null; do
	sleep 0.05
	i=$((i + 1))
done
status=0
"$CASELOAD" --db "$WDB" --today "$TODAY" add --name "Wait Their Turn" \
    --dob 2006-05-05 --yes >"$out" 2>"$err" || status=$?
check_status 0 "another copy of caseload adds someone while a large import runs"
import_status=0
wait $pid || import_status=$?
check_true "... and the import goes in whole all the same" \
    test $import_status = 0 -a "$("${SQLITE3_BIN:-sqlite3}" -batch "$WDB" \
    'SELECT count(*) FROM people')" = 47001

# With the caseload open elsewhere the write-ahead log stays, and the
# import goes in whole all the same.
HDB=$TEST_DIR/held.db
cp "$DB" "$HDB"
mkfifo "$TEST_DIR/hold"
/usr/bin/python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("SELECT count(*) FROM people").fetchall()
open(sys.argv[2], "w").close()
sys.stdin.read()
' "$HDB" "$TEST_DIR/held" <"$TEST_DIR/hold" &
holder=$!
exec 3>"$TEST_DIR/hold"
i=0
while [ ! -f "$TEST_DIR/held" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
status=0
"$CASELOAD" --db "$HDB" --today "$TODAY" import "$S5" >"$out" 2>"$err" ||
    status=$?
exec 3>&-
wait $holder 2>/dev/null
check_status 0 "a large import while another program has the caseload open"
check_true "... goes in whole" \
    test "$("${SQLITE3_BIN:-sqlite3}" -batch "$HDB" \
    'SELECT count(*) FROM people')" = 47000
check_true "... and the caseload keeps its write-ahead log" \
    test "$("${SQLITE3_BIN:-sqlite3}" -batch "$HDB" \
    'PRAGMA journal_mode')" = wal

# A write stopped half way while the caseload keeps a rollback journal
# (a large import killed as it commits: some of its pages are in the file,
# the journal holds what they were) leaves a journal to play back.  A
# command that only reads plays it back all the same, as SQLite does for
# a copy that writes, instead of saying the file is read-only.
# hot FILE: a copy of the caseload, left by a write killed half way.
hot() {
	cp "$DB" "$1"
	/usr/bin/python3 -c '
import os, signal, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = DELETE").fetchall()
c.execute("PRAGMA cache_size = 10")
c.execute("BEGIN")
c.execute("UPDATE people SET name = name || \x27 half\x27")
os.kill(os.getpid(), signal.SIGKILL)
' "$1" 2>/dev/null
}
RDB=$TEST_DIR/hot.db
hot "$RDB"
check_true "a write killed half way leaves its journal to play back" \
    test -s "$RDB-journal"
status=0
"$CASELOAD" --db "$RDB" --today "$TODAY" check >"$out" 2>"$err" || status=$?
check_status 0 "caseload check plays the journal back and finds the caseload whole"
check_out_has "7000 young people" "... with everyone who was there"
hot "$RDB"
status=0
"$CASELOAD" --db "$RDB" --today "$TODAY" list >"$out" 2>"$err" || status=$?
check_status 0 "caseload list plays it back too"
check_true "... and lists nobody's name as the stopped write left it" \
    test "$(grep -c ' half' "$out")" = 0 -a "$(grep -c 'Person 4999 ' "$out")" = 1

done_testing
