#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/import-cap.sh: after an import, the warning of young people
# stepped up over the cap counts everyone stepped up (those here already
# and the new, not those stepped down or archived), and only over it.
. "$(dirname "$0")/../lib.sh"

run add --name "Aisha Khan" --dob 2007-03-14 --allocated 2025-02-01
run add --name "Jordan Lee" --dob 2003-05-05 --allocated 2023-01-01
run step-down Jordan --date 2025-11-01 --reason "full-time work"
run add --name "Oliver Wright" --dob 2004-02-02 --allocated 2022-01-01
run archive Oliver --reason "moved away"
printf '[caseload]\ncap = 3\n' >"$TEST_DIR/cap.ini"

printf 'name,dob,status,stepped down on\nBen Carter,2008-12-01,,\nCara Lee,2005-05-05,,\nDan Hughes,2006-06-06,stepped down,2026-10-01\n' \
	>"$TEST_DIR/first.csv"
run --config "$TEST_DIR/cap.ini" import "$TEST_DIR/first.csv"
check_status 0 "three young people imported"
check_true "at the cap: no warning" \
	sh -c "! grep -q 'over your cap' '$err'"

printf 'name,dob\nEllie Shaw,2007-07-07\nFinn Moore,2008-08-08\n' \
	>"$TEST_DIR/second.csv"
run --config "$TEST_DIR/cap.ini" import "$TEST_DIR/second.csv"
check_status 0 "two more imported"
check_err_has "5 young people are now stepped up, 2 over your cap of 3" \
	"over the cap: the stepped up counted, the others not"

done_testing
