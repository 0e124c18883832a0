#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload step-down, step-up and archive: status history, kept.
. "$(dirname "$0")/../lib.sh"

run add --name "Jordan Lee" --dob 2003-05-05 --allocated 2023-01-01
run step-down 1 --date 2025-11-01 --reason "full-time work"
check_status 0 "a young person is stepped down"
check_out "step-down says when the first letter is due" <<EOF
Stepped down 1 Jordan Lee on 01/11/2025.
First annual letter due 01/11/2026.
EOF
check_true "the status and its history are stored" \
	test "$(sql "SELECT status, status_since FROM people")|$(sql "SELECT group_concat(status || ' ' || on_date || ' ' || coalesce(reason, '-'), ', ') FROM status_changes")" = \
	"down|2025-11-01|up 2023-01-01 allocated, down 2025-11-01 full-time work"

check_refused "stepping down twice" \
	"step-down: already stepped down (since 1 November 2025)" step-down 1
check_refused "stepping up before the step-down" \
	"--date: 1 October 2025 is before they were stepped down on 1 November 2025" \
	step-up 1 --date 2025-10-01
check_refused "stepping up in the future" "--date: 28 November 2026 is in the future" \
	step-up 1 --date 2026-11-28
check_refused "an impossible date" "'30/02/2026' is not a real date" \
	step-up 1 --date 30/02/2026
check_refused "a reason with a new line" "--reason: must be one line" \
	step-up 1 --reason "two
lines"
check_refused "step-up without a young person" "step-up: give one young person" \
	step-up --reason x

run step-up Jordan --date 2026-06-01 --reason "asked for help with a tenancy"
check_status 0 "a stepped-down young person steps up again"
check_out "step-up says when contact and review are due, from the step-up" <<EOF
Stepped up 1 Jordan Lee on 01/06/2026.
Next contact was due 08/06/2026.
Pathway plan review due 01/12/2026.
EOF
run due --format csv
check_out_has "1,Jordan Lee,stepped-up,,2026-06-08,172,overdue" \
	"stepped up again with no contact since: due a week after the step-up"

# Stepping down with the 25th birthday before the first letter.
run add --name "Precious Mensah" --dob 2002-03-01 --allocated 2021-09-01
run step-down 2 --date 2026-04-01
check_out "no letter when they turn 25 first" <<EOF
Stepped down 2 Precious Mensah on 01/04/2026.
No annual letter: they turn 25 first.
EOF
run show 2
check_out_has "  Annual letter   none: they turn 25 before the next one would fall due" \
	"show says why there is no letter"

# Archive, and back.
run archive 2 --reason "moved away"
check_status 0 "a young person is archived"
check_out_has "Archived 2 Precious Mensah on 27/11/2026; their record is kept" \
	"archive says the record is kept"
check_refused "archive takes no date" "archive: --date is not an option of archive" \
	archive 1 --date 2026-01-01
check_refused "archiving twice" "archive: already archived" archive 2
run list
check_out_lacks "Precious Mensah" "list leaves archived young people out"
run list --all
check_out_has "Precious Mensah" "list --all shows them"
run due
check_out_lacks "Precious Mensah" "due leaves them out"
run step-up 2 --reason "came back to the area"
check_status 0 "an archived young person can be stepped up again"
run show 2
check_out_has "27/11/2026  archived      moved away" "show keeps the archiving in the history"
check_out_has "27/11/2026  stepped up    came back to the area" "and the step up after it"
run check
check_status 0 "the database is sound"
done_testing
