#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/interop/khal.sh: the exported calendar imported into khal: every
# event on its day, and a second export after a contact is logged updates
# the events instead of duplicating them.
. "$top_srcdir/tests/lib.sh"

if ! command -v khal >/dev/null 2>&1; then
	echo "1..0 # SKIP khal is not installed"
	exit 0
fi
. "$top_srcdir/tests/cli/fixture.sh"

# A khal of its own: settings, one calendar (a vdir) and its cache.
khal_conf() {
	mkdir -p "$TEST_DIR/$1"
	cat >"$TEST_DIR/$1.conf" <<EOF
[calendars]
[[caseload]]
path = $TEST_DIR/$1/
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/London
default_timezone = Europe/London
[sqlite]
path = $TEST_DIR/$1.db
EOF
}

# khal_import NAME FILE: import without questions.
khal_import() {
	status=0
	khal -c "$TEST_DIR/$1.conf" import --batch -a caseload "$2" \
	    </dev/null >"$out" 2>"$err" || status=$?
}

# khal_list NAME: every event of the next 400 days, "DATE TITLE", sorted.
khal_list() {
	status=0
	khal -c "$TEST_DIR/$1.conf" list --format '{start-date} {title}' \
	    --day-format '' "$TODAY" 400d >"$TEST_DIR/list" 2>"$err" ||
	    status=$?
	grep -v '^$' "$TEST_DIR/list" | sort >"$out"
}

# Events khal stored: one file per UID in its vdir.
khal_count() {
	ls "$TEST_DIR/$1" | grep -c '\.ics$'
}

khal_conf fixture
run export -o "$TEST_DIR/first.ics"
check_status 0 "export the fixture"
khal_import fixture "$TEST_DIR/first.ics"
check_status 0 "khal import --batch"
check_true "khal stored 25 events" test "$(khal_count fixture)" = 25
khal_list fixture
check_status 0 "khal list"
check_expected export-items.txt "khal list: each event on its day"

# Each one day long: khal shows the same start and end day.
status=0
khal -c "$TEST_DIR/fixture.conf" list --format '{start-date} {end-date}' \
    --day-format '' "$TODAY" 400d >"$out" 2>"$err" || status=$?
grep -v '^$' "$out" >"$TEST_DIR/days"
check_true "all-day events of one day" \
	awk 'NF != 2 || $1 != $2 { bad = 1 } END { exit bad || NR != 25 }' \
	    "$TEST_DIR/days"

# A contact logged: the next export moves the event, adds none.
fixture contact 2 --date "$TODAY" --method visit
run export -o "$TEST_DIR/second.ics"
khal_import fixture "$TEST_DIR/second.ics"
check_status 0 "import a second export"
check_true "still 25 events: none duplicated" \
	test "$(khal_count fixture)" = 25
khal_list fixture
check_out_has "2027-01-22 Contact due: B.C. #2" "the contact is on its new day"
check_out_lacks "2026-11-30 Contact due: B.C. #2" "... and not on the old one"
check_true "25 events listed" test "$(wc -l <"$out")" = 25

# The same again: nothing changes.
khal_import fixture "$TEST_DIR/second.ics"
check_true "importing the same export twice adds nothing" \
	test "$(khal_count fixture)" = 25

# The demo caseload.
khal_conf demo
run_raw --demo --today "$TODAY" export -o "$TEST_DIR/demo.ics"
check_status 0 "export the demo caseload"
khal_import demo "$TEST_DIR/demo.ics"
check_status 0 "khal imports the demo"
events=$(grep -c '^BEGIN:VEVENT' "$TEST_DIR/demo.ics")
check_true "... all its $events events" test "$(khal_count demo)" = "$events"
khal_list demo
check_true "... and lists them all" test "$(wc -l <"$out")" = "$events"
check_out_has "$TODAY Contact overdue since" "... overdue contacts on today"

done_testing
