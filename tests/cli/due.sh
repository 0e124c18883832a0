#!/bin/sh
# SPDX-License-Identifier: MIT
# caseload due, list and show on the fixture caseload, in every format.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

run due
check_status 0 "due exits 0"
check_expected due.txt "due as text: most overdue first, then stepped down"
run due --format csv
check_expected due.csv "due as CSV"
run due --format json
check_expected due.json "due as JSON"
run due --within 3
check_expected due-within.txt "due --within 3: overdue and due within 3 days"
run due --within 0 --format csv
strip_cr
check_out "due --within 0 keeps the overdue and those due today" <<EOF
id,name,status,last_contact,next_due,days_overdue,state,preferred_name,stage,age,attempts,visit_due
11,"Ellie-Mae ""Ells"" O'Connor, Jr.",stepped-up,,2026-09-08,80,overdue,,16-18,17,0,
1,Aisha Khan,stepped-up,2026-09-02,2026-10-28,30,overdue,Ash,18-21,19,1,
9,Amira Haddad,stepped-up,2026-11-18,2026-11-25,2,overdue,,18-21,19,0,
4,Nguyễn Thị Hà,stepped-up,,2026-11-27,0,due-soon,Hà,21-25,21,0,
EOF
# RFC 4180 line ends.
run due --format csv
check_true "CSV rows end in CRLF" test "$(head -1 "$out" | od -An -c | tr -d ' \n' | tail -c 4)" = '\r\n'

run list
check_expected list.txt "list as text: everyone not archived, by number"
run list --all --format csv
mask_uuids
check_expected list.csv "list --all as CSV"
run list --stepped-down --format json
check_out_has '"name": "Jordan Lee"' "list --stepped-down as JSON has the stepped down"
check_out_lacks '"name": "Aisha Khan"' "and not the stepped up"
check_python "list --format json is valid JSON" \
	"import json,sys; json.load(open(sys.argv[1]))" "$out"
run due --format json
check_python "due --format json is valid JSON with 10 rows" \
	"import json,sys; assert len(json.load(open(sys.argv[1]))) == 10" "$out"
check_refused "two filters for list" "list: give only one of" \
	list --stepped-up --all

run show 1
check_expected show.txt "show: details, coming up, history and the log"

# Spreadsheet safety: cells that a spreadsheet would run are neutralised.
run add --name "=HYPERLINK(\"http://x\",\"y\")" --dob 2008-01-01
run add --name "+44 Plus" --dob 2008-01-02
run add --name "-Minus" --dob 2008-01-03
run add --name "@At" --dob 2008-01-04
run due --format csv
check_out_has "12,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",stepped-up" \
	"a cell starting with = gets a ' and is quoted"
check_out_has "13,'+44 Plus,stepped-up" "a cell starting with + gets a '"
check_out_has "14,'-Minus,stepped-up" "a cell starting with - gets a '"
check_out_has "15,'@At,stepped-up" "a cell starting with @ gets a '"
check_python "every CSV row has the same number of fields" "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
assert len(rows) == 15 and all(len(r) == 12 for r in rows), rows" "$out"

for bad in -1 x 1.5 99999; do
	check_refused "due --within '$bad'" "--within: '$bad' is not a whole number" \
		due --within "$bad"
done
check_refused "an unknown format" "--format: 'xml' is not a format; use text, csv or json" \
	due --format xml
check_refused "due takes no young person" "due: takes no young person" due 1

# Over the cap: shown, never blocked.
printf '[caseload]\ncap = 5\n' >"$TEST_DIR/cap.ini"
run --config "$TEST_DIR/cap.ini" due
check_out_has "11 stepped up, 6 over your cap of 5" "going over the cap is shown"
done_testing
