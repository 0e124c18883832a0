#!/bin/sh
# tests/cli/checks.sh: checks a worker would want on the command line.
# letters write from a build that was never installed finds the template
# beside the program and never says "reinstall"; a date of birth outside
# the service's ages needs --yes; stepping down someone overdue or
# without a reason, and logging a contact for an archived young person,
# say what they do; someone 25 or over and still stepped up is marked
# on the lists.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# ---------------------------------------------- the letter template, built
# caseload as built, not installed: a copy of the program with the source
# tree's data/ beside it, as after ./configure && make.  The tests'
# CASELOAD_DATADIR is not set, so the program finds the template itself.
BUILT=$TEST_DIR/built
mkdir -p "$BUILT/data" "$BUILT/bare"
cp "$CASELOAD" "$BUILT/caseload"
cp "$CASELOAD" "$BUILT/bare/caseload"
cp "$top_srcdir/data/letter.txt" "$BUILT/data/letter.txt"

status=0
env -u CASELOAD_DATADIR "$BUILT/caseload" --db "$DB" --today "$TODAY" \
	letters write "$TEST_DIR/letters" >"$out" 2>"$err" || status=$?
check_status 0 "letters write works from the build, never installed"
check_out_has "Wrote 1 letter" "... and writes the letter due"
check_true "... from the template beside the program" \
	grep -q "Jordan" "$TEST_DIR/letters/2026-11-27-0005-jordan-lee.txt"

status=0
env -u CASELOAD_DATADIR "$BUILT/bare/caseload" --db "$DB" --today "$TODAY" \
	letters write "$TEST_DIR/letters2" >"$out" 2>"$err" || status=$?
if [ "$status" -eq 0 ]; then
	skip "without a template, it says what to do" \
		"caseload's template is installed on this machine"
	skip "... and never says reinstall" \
		"caseload's template is installed on this machine"
else
	check_err_has "run 'make install' from where caseload was built, or set [letters] template" \
		"without a template, it says what to do"
	if grep -q reinstall "$err"; then
		not_ok "... and never says reinstall"
		diag_last_run
	else
		ok "... and never says reinstall"
	fi
fi

done_testing
