#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload agenda on the fixture caseload.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

run agenda
check_status 0 "agenda exits 0"
check_expected agenda.txt "agenda: overdue first, then by day, 28 days"
run agenda --days 120 --format csv
strip_cr
check_expected agenda.csv "agenda --days 120 as CSV"
check_out_has "2026-12-01,birthday,2,Ben Carter,2026-12-01,0,due-soon,18th birthday" \
	"an 18th birthday is on the agenda"
check_out_has "2026-12-10,birthday,8,李明,2026-12-10,0,due-soon,25th birthday" \
	"a 25th birthday is on the agenda"
check_out_has "2027-02-28,letter,7,Grace Okoye,2027-02-28,0,ok,annual letter due" \
	"a letter after stepping down, up and down again, on 28 February"
check_out_has "2026-11-27,letter,5,Jordan Lee,2026-11-01,26,overdue,annual letter due" \
	"an overdue letter is placed on today"
check_out_lacks "letter,6," "no letter for someone who turns 25 first"
check_out_lacks "Oliver Wright" "nothing for archived young people"
run agenda --days 1 --format json
check_python "agenda --format json is valid JSON" \
	"import json,sys; d = json.load(open(sys.argv[1])); assert all(e['date'] == '2026-11-27' for e in d), d" "$out"
for bad in 0 -3 many; do
	check_refused "agenda --days '$bad'" "--days: '$bad' is not a whole number" \
		agenda --days "$bad"
done
printf '[display]\ndate_format = %%a %%d %%b %%Y\n' >"$TEST_DIR/fmt.ini"
run --config "$TEST_DIR/fmt.ini" agenda --days 4
check_out_has "Agenda from Fri 27 Nov 2026 to Mon 30 Nov 2026" \
	"[display] date_format changes how dates are shown"
done_testing
