#!/bin/sh
# SPDX-License-Identifier: MIT
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

# ------------------------------------------- an age outside the service
check_refused "under 16 without --yes is refused, saying why" \
	"add: born 01/01/2011, they are under 16: not yet eligible for leaving care support" \
	add --name "Young Teen" --dob 2011-01-01
check_err_has "give the same command again with --yes" "... and what to type"
check_refused "25 or over without --yes is refused" \
	"add: born 01/01/2000, they are 25 or over: their leaving care entitlement has ended" \
	add --name "Older" --dob 2000-01-01
run add --name "Young Teen" --dob 2011-01-01 --yes
check_status 0 "--yes adds someone under 16"
check_out_has "Added 12 Young Teen (under 16)" "... who is added"
check_err_has "caseload: warning: number 12 is under 16 (born 01/01/2011)" \
	"... with a warning"
run add --name "Older" --dob 2000-01-01 --yes
check_status 0 "--yes adds someone 25 or over"
check_refused "editing a date of birth to under 16 needs --yes" \
	"edit: born 05/05/2012, they are under 16" edit 2 --dob 2012-05-05
run edit 2 --dob 2012-05-05 --yes
check_status 0 "... and with it, saves it"
check_true "... which is stored" test "$(sql "SELECT dob FROM people WHERE id = 2")" = 2012-05-05
run edit 13 --phone "07700 900300"
check_status 0 "other details of someone 25 or over need no --yes"
run edit 2 --dob 2008-12-01
check_status 0 "a date of birth inside the service's ages needs no --yes"

# ------------------------------------------- saying what a job does
# Aisha (1) is overdue by 30 days.
run step-down 1 --reason "moved to Spain"
check_status 0 "someone overdue is stepped down"
check_err_has "caseload: warning: Ash is overdue for contact by 30 days: stepping down anyway" \
	"... saying they are overdue"
check_out_has "Stepped down 1 Aisha Khan on 27/11/2026." "... and stepped down"
# Amira (9) is overdue by 2 days; no reason.
run step-down 9
check_status 0 "someone overdue is stepped down without a reason"
check_err_has "Amira Haddad is overdue for contact by 2 days, and no reason was given: stepping down anyway" \
	"... saying both"
# Zoë (3) is not overdue; no reason.
run step-down 3
check_status 0 "someone is stepped down without a reason"
check_err_has "caseload: warning: no reason given: Zoë Ñúñez's status history shows the step-down without one" \
	"... saying so"
run step-down 2 --reason "full-time work"
check_status 0 "someone not overdue, with a reason"
if [ -s "$err" ]; then
	not_ok "... is stepped down without a warning"
	diag_last_run
else
	ok "... is stepped down without a warning"
fi
# Oliver (10) is archived: the contact is logged, and said so.
run contact 10 --method visit --note "Met by chance in town."
check_status 0 "a contact with someone archived is logged"
check_out_has "Logged contact 1: visit with Oliver Wright" "... as any other"
check_err_has "caseload: warning: Oliver Wright is archived: the contact is logged in their record all the same" \
	"... saying they are archived"
check_true "... and it is in the log" \
	test "$(sql "SELECT count(*) FROM contacts WHERE person_id = 10")" = 1

# ------------------------------------------- 25 and still stepped up
# Older (13) is 26 and stepped up; 李明 (8) turns 25 on 10/12/2026.
run due
check_out_has "Older [25+]" "due marks someone 25 or over and stepped up"
check_out_lacks "李明 (Ming) [25+]" "... not someone 24"
run_raw --db "$DB" --today 2026-12-10 due
check_out_has "李明 (Ming) [25+]" "... who is marked on their 25th birthday"
run list
check_out_has "Older [25+]" "list marks them too"
check_out_lacks "Young Teen [25+]" "... and nobody else"
run step-down 13 --reason "entitlement ended"
run due
check_out_lacks "[25+]" "someone 25 or over and stepped down is not marked"

done_testing
