#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload add refuses someone already on the caseload, and says what to
# do by where they stand: find them when they are stepped up; step them up
# again when they are stepped down or archived.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

check_refused "someone stepped up already is refused" \
	"add: someone with that name and date of birth is already number 1, stepped up; see 'caseload show 1'" \
	add --name "aisha  KHAN" --dob 14/03/2007
if grep -q "step-up" "$err"; then
	not_ok "... and not told to step them up again"
	diag_last_run
else
	ok "... and not told to step them up again"
fi

check_refused "someone stepped down is refused" \
	"add: someone with that name and date of birth is already number 5; see 'caseload show 5' (step them up again with 'caseload step-up 5')" \
	add --name "Jordan Lee" --dob 2003-05-05
check_refused "someone archived is refused" \
	"already number 10; see 'caseload show 10' (step them up again with 'caseload step-up 10')" \
	add --name "Oliver Wright" --dob 2005-01-01 --phone "07700 900999"

# The hint is right: stepped up again, they are said to be stepped up.
run step-up 5
check_status 0 "the stepped-down young person is stepped up"
check_refused "then they are said to be stepped up" \
	"already number 5, stepped up; see 'caseload show 5'" \
	add --name "Jordan Lee" --dob 2003-05-05
check_true "nobody was added twice" \
	test "$(sql "SELECT count(*) FROM people")" = 11

done_testing
