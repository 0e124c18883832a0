#!/bin/sh
# SPDX-License-Identifier: MIT
# The command line itself: help, version, global options, environment,
# where the database goes and with what modes.
. "$(dirname "$0")/../lib.sh"

run_raw --version
check_status 0 "--version exits 0"
check_out "--version prints the version" <<EOF
caseload 0.1.0
EOF

run_raw --help
check_status 0 "--help exits 0"
check_out_has "usage: caseload [--db FILE]" "--help gives the usage"
check_out_has "  due        who is due for contact, most overdue first" \
	"--help lists the commands"

run contact --help
check_status 0 "a command's --help exits 0"
check_out_has "usage: caseload contact REF [--date DATE] [--method M]" \
	"a command's --help gives its usage"

run_raw frobnicate
check_status 2 "an unknown command exits 2"
check_err_has "caseload: 'frobnicate' is not a command; 'caseload --help' lists them" \
	"an unknown command is named"

run_raw --frobnicate
check_status 2 "an unknown option exits 2"
check_err_has "caseload: --frobnicate is not an option" "an unknown option is named"

run_raw --db
check_status 2 "--db without a value exits 2"
check_err_has "needs a value" "--db without a value says so"

run due --frobnicate
check_status 2 "an unknown option of a command exits 2"
check_err_has "caseload: due: --frobnicate is not an option of due" \
	"an unknown option of a command is named"
check_err_has "usage: caseload due" "an unknown option of a command shows its usage"

run due --within
check_status 2 "a command option without a value exits 2"
check_err_has "due: --within needs a value" "a missing value is named"

for bad in 31/02/2026 2026-02-30 2026-13-01 yesterdayish 26-11-27 ""; do
	run_raw --db "$DB" --today "$bad" due
	check_status 2 "--today '$bad' is refused"
done
run_raw --today 31/02/2026 due
check_err_has "'31/02/2026' is not a real date: February 2026 has 28 days" \
	"--today explains an impossible date"

# The default database: created by the first command that writes, 0600 in
# a 0700 folder; a command that only reads creates nothing.
run_raw --today 2026-11-27 due
check_status 0 "due on a new, empty caseload works"
check_out "an empty caseload says how to start" <<EOF
No young people on your caseload yet: add one with 'caseload add --name NAME --dob DATE'.
EOF
check_true "a command that only reads creates no database or folder" \
	test ! -e "$HOME/.local/share/caseload"
run_raw --today 2026-11-27 add --name "First Person" --dob 2008-01-01
check_status 0 "the first command that writes"
check_true "creates the database under ~/.local/share/caseload" \
	test -f "$HOME/.local/share/caseload/caseload.db"
check_true "the database is mode 0600" \
	test "$(stat -c %a "$HOME/.local/share/caseload/caseload.db")" = 600
check_true "its folder is mode 0700" \
	test "$(stat -c %a "$HOME/.local/share/caseload")" = 700

# Whatever the umask.
(umask 000; XDG_DATA_HOME=$TEST_DIR/open/umask "$CASELOAD" --today 2026-11-27 \
	add --name "Umask Person" --dob 2008-01-01 >/dev/null 2>&1)
check_true "a new database is 0600 even with umask 000" \
	test "$(stat -c %a "$TEST_DIR/open/umask/caseload/caseload.db")" = 600
check_true "new folders are 0700 even with umask 000" \
	test "$(stat -c %a "$TEST_DIR/open/umask/caseload")$(stat -c %a "$TEST_DIR/open/umask")$(stat -c %a "$TEST_DIR/open")" = 700700700

# XDG_DATA_HOME and the environment variables.
XDG_DATA_HOME=$TEST_DIR/xdg "$CASELOAD" --today 2026-11-27 \
	add --name "Xdg Person" --dob 2008-01-01 >/dev/null 2>&1
check_true "XDG_DATA_HOME is honoured" test -f "$TEST_DIR/xdg/caseload/caseload.db"
CASELOAD_DB=$TEST_DIR/env.db CASELOAD_TODAY=2026-11-27 "$CASELOAD" \
	add --name "Env Var" --dob 2008-01-01 >"$out" 2>"$err"
check_true "CASELOAD_DB is honoured" test -f "$TEST_DIR/env.db"
check_out_has "first contact due 04/12/2026" "CASELOAD_TODAY is honoured"
CASELOAD_DB=$TEST_DIR/env.db CASELOAD_TODAY=2026-11-27 "$CASELOAD" \
	--today 2026-12-08 due --format csv >"$out" 2>"$err"
check_out_has "1,Env Var,stepped-up,,2026-12-04,4,overdue" \
	"--today wins over CASELOAD_TODAY"

# A default folder that cannot be made.
: >"$TEST_DIR/afile"
status=0
XDG_DATA_HOME=$TEST_DIR/afile/data "$CASELOAD" --today 2026-11-27 \
	add --name "No Folder" --dob 2008-01-01 >"$out" 2>"$err" || status=$?
check_status 1 "a database folder that cannot be made exits 1"
check_err_has "caseload: $TEST_DIR/afile is not a folder" \
	"and says which folder"
mkdir -p "$TEST_DIR/adir.db"
run_raw --db "$TEST_DIR/adir.db" list
check_status 2 "a folder given as the database exits 2"
check_err_has "is a folder, not a database file" "and says so"

# Output that cannot be written is a failure, not a silent success.
if [ -w /dev/full ]; then
	status=0
	"$CASELOAD" --db "$DB" --today "$TODAY" --help >/dev/full 2>"$err" ||
		status=$?
	check_status 1 "writing to a full disk exits 1"
	check_err_has "cannot write the output" "and says so"
fi
done_testing
