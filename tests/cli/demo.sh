#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload --demo: a throwaway caseload, never the user's own.
. "$(dirname "$0")/../lib.sh"

mkdir -p "$TEST_DIR/tmp"
TMPDIR=$TEST_DIR/tmp
export TMPDIR
run_raw --demo --today 2026-11-27 due
check_status 0 "--demo due exits 0"
check_out_has "15 stepped up (cap 22), 5 stepped down." \
	"the demo caseload has young people in varied states"
check_out_has "overdue by" "someone is overdue"
check_out_has "due today" "someone is due today"
check_out_has "stepped down" "someone is stepped down"
check_out_has "Nguyễn Thị Hà (Hà)" "names in many scripts"
check_true "nothing is left behind in TMPDIR" test -z "$(ls -A "$TEST_DIR/tmp")"
check_true "the user's own database is never made" \
	test ! -e "$HOME/.local/share/caseload/caseload.db"
run_raw --demo --today 2026-11-27 list --all --format csv
check_true "about twenty fictional young people" \
	test "$(grep -c '^[0-9]' "$out")" -ge 20
run_raw --demo --today 2026-11-27 agenda
check_out_has "18th birthday" "a birthday is coming up"
check_out_has "annual letter due" "a letter is due"
run_raw --demo --today 2026-11-27 show Chidi
check_out_has "P1     Grace Mensah, social worker" "a young person has a social worker"
run_raw --demo --today 2026-11-27 show Aisha
check_out_has "Likes to be called Ash." "another has a note"
run_raw --demo --today 2026-11-27 check
check_status 0 "the demo database is sound"
run_raw --demo --today 2026-11-27 contact 1 --method visit
check_status 0 "the demo caseload can be changed"
run_raw --demo --today 2026-11-27 show 1
check_out_lacks "27/11/2026  visit" "and every run starts afresh"
check_true "still nothing left behind" test -z "$(ls -A "$TEST_DIR/tmp")"

# Returns a worker has kept up with: one overdue (Ruby's, to show one),
# whatever the day the demo is run.
for day in 2026-11-27 2027-03-31 2027-07-15; do
	run_raw --demo --today $day agenda --overdue --format csv
	check_true "on $day, one birthday return overdue in the demo: Ruby's" \
		test "$(grep -c ',return,' "$out")" = 1 -a \
		    "$(grep ',return,' "$out" | cut -d, -f4)" = "Ruby Clarke"
done
run_raw --demo --today 2026-11-27 returns
check_out_has "in touch: yes; training or apprenticeship, full-time" \
	"the others' returns are recorded"
done_testing
