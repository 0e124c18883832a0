#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/sheets.sh: spreadsheets both ways: a byte-order mark on CSV
# output, what 'list --format csv' writes imported back, files from Excel
# (Windows-1252, semicolons), columns to skip, and standard input.

. "$top_srcdir/tests/lib.sh"

# The first bytes of the last output, in hex.
first_bytes() {
	head -c "$1" "$out" | od -An -tx1 | tr -d ' \n'
}

# ------------------------------------------------------------------ --bom
run add --name "Nguyễn Thị Hà" --dob 2006-04-02 --last-contact 2026-10-01
run add --name "Grace Carter" --dob 2007-01-02 --allocated 2025-01-01
run step-down 2 --date 2026-03-01 --reason "doing well"
for cmd in list due letters agenda; do
	run $cmd --format csv --bom
	check_status 0 "$cmd --format csv --bom"
	check_true "$cmd --bom: the output starts EF BB BF" \
		test "$(first_bytes 3)" = efbbbf
	tail -c +4 "$out" >"$TEST_DIR/bom.csv"
	run $cmd --format csv
	check_true "$cmd --format csv without --bom has none" \
		test "$(first_bytes 3)" != efbbbf
	check_true "$cmd --bom: the mark once, then the same CSV" \
		cmp -s "$out" "$TEST_DIR/bom.csv"
	check_refused "$cmd --bom with text is refused, naming the clash" \
		"$cmd: --bom is for --format csv" $cmd --bom
	check_refused "$cmd --bom with JSON is refused" \
		"$cmd: --bom is for --format csv" $cmd --bom --format json
done

CONF=$TEST_DIR/bom.ini
printf '[display]\ncsv_bom = yes\n' >"$CONF"
run --config "$CONF" list --format csv
check_true "[display] csv_bom = yes puts the mark on CSV" \
	test "$(first_bytes 5)" = efbbbf6964
run --config "$CONF" list --format json
check_true "... and not on JSON" test "$(first_bytes 1)" = 5b
run --config "$CONF" list
check_true "... nor on text" test "$(first_bytes 3)" != efbbbf
: >"$TEST_DIR/empty.ini"
run_raw --config "$TEST_DIR/empty.ini" --print-config
check_out_has "csv_bom = no" "--print-config shows csv_bom, no by default"
printf '[display]\ncsv_bom = maybe\n' >"$CONF"
check_refused "csv_bom takes yes or no" "csv_bom" --config "$CONF" list

# ------------------------------------------------------ a round trip
DB=$TEST_DIR/awkward.db
run add --name 'Ellie-Mae "Ells" O'"'"'Connor, Jr.' --dob 2007-05-06 \
	--preferred '=HYPERLINK("x")' --address 'Flat 3, "The Mill"
12 Station Road
Leeds' --interval-weeks 4 --last-contact 2026-11-01
run add --name '=SUM(A1:A9)' --dob 2008-02-29 --phone '+44 7700 900123' \
	--email 'sum@example.org'
run add --name 'Zoë 😀 Ñúñez' --dob 2004-06-06 --preferred '@zoe' \
	--allocated 2025-02-01 --phone '-7700'
run add --name 'מרים כהן' --dob 2005-05-05 --allocated 2025-01-01
run add --name 'Nguyễn Thị Hà' --dob 2006-04-02 --last-contact 2026-10-01
run step-down 3 --date 2026-03-01 --reason "moved to college"
run list --format csv
check_status 0 "list --format csv of awkward names"
cp "$out" "$TEST_DIR/first.csv"
check_true "the list guards the cells a spreadsheet would run" \
	grep -q "^2,[^,]*,'=SUM(A1:A9),.*,'+44 7700 900123," "$TEST_DIR/first.csv"

DB=$TEST_DIR/again.db
snapshot
run import --dry-run - <"$TEST_DIR/first.csv"
check_status 0 "import --dry-run - reads the list from standard input"
check_out_has "Would import 5 young people from standard input (4 stepped up, 1 stepped down):" \
	"--dry-run says standard input and counts the step-down"
check_out_has "=SUM(A1:A9)  " "the apostrophe guard comes off"
check_true "--dry-run makes no database" test ! -e "$DB"
run import "$TEST_DIR/first.csv"
check_status 0 "import what list wrote"
run list --format csv
cut -d, -f3- "$TEST_DIR/first.csv" >"$TEST_DIR/first.cut"
cut -d, -f3- "$out" >"$TEST_DIR/second.cut"
if diff -u "$TEST_DIR/first.cut" "$TEST_DIR/second.cut" >"$TEST_DIR/diff"; then
	ok "the new caseload's list is the old one's, but for numbers and UUIDs"
else
	not_ok "the new caseload's list is the old one's, but for numbers and UUIDs"
	diag_file "$TEST_DIR/diff"
fi
check_true "names, phones and addresses are stored as they were typed" \
	test "$(sql "SELECT count(*) FROM people WHERE
		(name = '=SUM(A1:A9)' AND phone = '+44 7700 900123') OR
		(name = 'Zoë 😀 Ñúñez' AND preferred_name = '@zoe' AND phone = '-7700') OR
		(preferred_name = '=HYPERLINK(\"x\")' AND address LIKE 'Flat 3, \"The Mill\"%Leeds')")" = 3
check_true "the step-down keeps its date (from status_since)" \
	test "$(sql "SELECT status || ' ' || status_since FROM people WHERE name LIKE 'Zo%'")" = "down 2026-03-01"
cat >"$TEST_DIR/own.csv" <<'CSV'
name,dob,preferred_name,address
"O'Neil, Sam",2007-01-01,'Sammy,'= not a formula
CSV
DB=$TEST_DIR/own.db
run import "$TEST_DIR/own.csv"
check_true "an apostrophe of the sheet's own is kept; caseload's comes off" \
	test "$(sql "SELECT name || '|' || preferred_name || '|' || address FROM people")" = "O'Neil, Sam|'Sammy|= not a formula"

# ------------------------------------------------- files from Excel
DB=$TEST_DIR/excel.db
run add --name "Kai Thompson" --dob 2008-05-05
printf 'name,dob,address\r\nAmy Li,2007-01-01,\r\nZo\353 Smith,2007-02-02,\243 5 a week\r\n' \
	>"$TEST_DIR/cp1252.csv"
check_refused "a Windows-1252 file is refused, naming its first bad line" \
	"cp1252.csv: this file is not UTF-8: in Excel choose 'CSV UTF-8' when saving (line 3 is the first that is not)" \
	import "$TEST_DIR/cp1252.csv"
check_refused "... and with --dry-run" "this file is not UTF-8" \
	import --dry-run "$TEST_DIR/cp1252.csv"
printf 'name,dob\nAmy Li,2007-01-01\nBo \355\240\200 Chan,2007-01-01\n' \
	>"$TEST_DIR/surrogate.csv"
check_refused "an encoded surrogate is not UTF-8 either" \
	"surrogate.csv: this file is not UTF-8" import "$TEST_DIR/surrogate.csv"
printf 'name,dob\nAmy Li,2007-01-01\nBo Chan\342\202' >"$TEST_DIR/cut.csv"
check_refused "a character cut off at the end of the file" \
	"cut.csv: this file is not UTF-8" import "$TEST_DIR/cut.csv"

printf '\357\273\277Name;Date of birth;Phone;Address\r\nAmy Li;01/02/2007;07700 900001;"1 Mill Lane; Leeds"\r\n"Bo, Chan";2007-02-02;;\r\n' \
	>"$TEST_DIR/semi.csv"
run import "$TEST_DIR/semi.csv"
check_status 0 "a semicolon-separated file is read"
check_err_has "caseload: import: reading $TEST_DIR/semi.csv as separated by semicolons" \
	"... saying so on standard error"
check_true "... field by field" \
	test "$(sql "SELECT count(*) FROM people WHERE
		(name = 'Amy Li' AND dob = '2007-02-01' AND phone = '07700 900001' AND address = '1 Mill Lane; Leeds') OR
		(name = 'Bo, Chan' AND dob = '2007-02-02')")" = 2
printf 'name;dob\nCat Wu;2007-03-03\n' >"$TEST_DIR/semi2.csv"
run import --dry-run "$TEST_DIR/semi2.csv"
check_out_has "Would import 1 young person" "a plain semicolon header is recognised"
printf 'team;more\nA;B\n' >"$TEST_DIR/semi3.csv"
check_refused "semicolons between unknown names are not taken for a separator" \
	"'team;more' is not a column caseload knows" import "$TEST_DIR/semi3.csv"

# ------------------------------------------------- columns to skip
printf 'Name,DOB,Team,Key Worker\nDee Ray,2007-04-04,North,Sam\n' \
	>"$TEST_DIR/extra.csv"
check_refused "an unknown column is refused, naming it" \
	"extra.csv:1: 'Team' is not a column caseload knows" import "$TEST_DIR/extra.csv"
check_err_has "extra.csv:1: 'Key Worker' is not a column caseload knows" \
	"... each of them"
check_err_has "--ignore-column" "... saying how to skip it"
check_refused "skipping one leaves the other refused" \
	"'Key Worker' is not a column" import --ignore-column Team "$TEST_DIR/extra.csv"
run import --ignore-column TEAM --ignore-column key_worker "$TEST_DIR/extra.csv"
check_status 0 "--ignore-column, matched ignoring case, spaces and underscores"
check_true "... and the row is imported" \
	test "$(sql "SELECT count(*) FROM people WHERE name = 'Dee Ray'")" = 1
printf 'Name,DOB,Phone\nEve Ash,2007-05-05,07700 900999\n' >"$TEST_DIR/skip.csv"
run import --ignore-column phone "$TEST_DIR/skip.csv"
check_true "--ignore-column skips even a column caseload knows" \
	test "$(sql "SELECT ifnull(phone, 'none') FROM people WHERE name = 'Eve Ash'")" = none
check_refused "--ignore-column needs a name" "--ignore-column" \
	import --ignore-column '' "$TEST_DIR/skip.csv"

# ------------------------------------------------- standard input
check_refused "import - of nothing names standard input" \
	"standard input is empty" import - </dev/null
printf 'name,dob\nFay Lee,2007-06-06,extra\n' >"$TEST_DIR/bad.csv"
check_refused "problems in standard input are told as standard input:LINE" \
	"standard input:2: the row has 3 fields" import - <"$TEST_DIR/bad.csv"
status=0
printf 'name,dob\nGus Roe,2007-07-07\n' | "$CASELOAD" --db "$DB" \
	--today "$TODAY" import - >"$out" 2>"$err" || status=$?
check_status 0 "import - reads a pipe"
check_out_has "Imported 1 young person from standard input" "... and says so"

DB=$TEST_DIR/excel.db
run handover export 1 -o "$TEST_DIR/ho.db"
DB=$TEST_DIR/other.db
run handover import - <"$TEST_DIR/ho.db"
check_status 0 "handover import - reads standard input"
check_out_has "Imported 1 young person from standard input" "... and says so"
check_true "... and the young person is here" \
	test "$(sql "SELECT name FROM people")" = "Kai Thompson"
check_true "... leaving no copy beside the caseload" \
	sh -c "! ls -a '$TEST_DIR' | grep -q caseload-tmp"
check_refused "handover import - of something else names standard input" \
	"standard input is not a caseload handover file" \
	handover import - <"$TEST_DIR/skip.csv"
check_true "... and leaves no copy either" \
	sh -c "! ls -a '$TEST_DIR' | grep -q caseload-tmp"
status=0
"$CASELOAD" --db "$TEST_DIR/excel.db" --today "$TODAY" handover export 1 -o - \
	2>/dev/null | "$CASELOAD" --db "$TEST_DIR/piped.db" --today "$TODAY" \
	handover import - >"$out" 2>"$err" || status=$?
check_status 0 "handover export -o - | handover import -"
check_out_has "Kai Thompson, stepped up" "... hands the young person over"

# ---------------------------- the allocation date, as 'caseload add' has it
DB=$TEST_DIR/alloc.db
printf 'name,dob,last contact,status,stepped down on\nHal Orr,2007-01-01,2026-09-01,,\nIvy Pike,2007-01-02,,,\nJo Quill,2007-01-03,2026-08-01,stepped down,2026-06-01\n' \
	>"$TEST_DIR/alloc.csv"
run import "$TEST_DIR/alloc.csv"
check_status 0 "a sheet without allocation dates"
check_true "allocated on the last contact when it is before today" \
	test "$(sql "SELECT allocated_on FROM people WHERE name = 'Hal Orr'")" = 2026-09-01
check_true "allocated today without a last contact" \
	test "$(sql "SELECT allocated_on FROM people WHERE name = 'Ivy Pike'")" = "$TODAY"
check_true "allocated by the step-down when that is earlier still" \
	test "$(sql "SELECT allocated_on FROM people WHERE name = 'Jo Quill'")" = 2026-06-01

# --------------------- a return, an archive and an apostrophe, read back
DB=$TEST_DIR/back.db
TODAY=2025-03-01
"$CASELOAD" --db "$DB" --today 2024-05-01 add --name "Rae Moss" \
	--dob 2005-03-03 --allocated 2024-01-01 --last-contact 2024-05-01 \
	>/dev/null
"$CASELOAD" --db "$DB" --today 2024-06-01 step-down 1 --date 2024-06-01 \
	--reason "moved away" >/dev/null
"$CASELOAD" --db "$DB" --today 2025-02-20 step-up 1 --date 2025-02-20 \
	--reason "came back" >/dev/null
run add --name "Sol Penn" --dob 2005-04-04 --allocated 2024-01-01 \
	--email "'=sol@example.org"
run add --name "Tam Reed" --dob 2005-05-05 --allocated 2024-01-01
run archive 3 --reason "moved to another authority"
run list --all --format csv
check_status 0 "list --all --format csv of a return, an archive and an apostrophe"
cp "$out" "$TEST_DIR/back.csv"
check_true "an apostrophe typed first is guarded by another" \
	grep -q ",''=sol@example.org," "$TEST_DIR/back.csv"
DB=$TEST_DIR/back2.db
run import --dry-run "$TEST_DIR/back.csv"
check_status 0 "import --dry-run of list --all"
check_out_has "(2 stepped up, 0 stepped down, 1 archived)" \
	"--dry-run counts the archived row"
check_out_has "Rae Moss                      18-21     contact overdue since 27/02/2025" \
	"--dry-run: due a week after they came back, not after their allocation"
check_out_has "Tam Reed                      18-21     archived 01/03/2025" \
	"--dry-run: the archived row, with its date"
run import "$TEST_DIR/back.csv"
check_status 0 "list --all --format csv is imported back, archived rows too"
check_out_has "Imported 3 young people from $TEST_DIR/back.csv (2 stepped up, 0 stepped down, 1 archived):" \
	"... saying how many were archived"
run due
check_out_has "27/02/2025    overdue by 2 days" \
	"the return keeps its clock: overdue by 2 days, as before the round trip"
run list --all --format csv
cut -d, -f3- "$TEST_DIR/back.csv" >"$TEST_DIR/back.cut"
cut -d, -f3- "$out" >"$TEST_DIR/back2.cut"
if diff -u "$TEST_DIR/back.cut" "$TEST_DIR/back2.cut" >"$TEST_DIR/diff"; then
	ok "list --all of the new caseload is the old one's, but for numbers and UUIDs"
else
	not_ok "list --all of the new caseload is the old one's, but for numbers and UUIDs"
	diag_file "$TEST_DIR/diff"
fi
check_true "the return is a step-up on status_since; no step-down is made up" \
	test "$(sql "SELECT group_concat(status || ' ' || on_date || ' ' || reason, '|')
		FROM (SELECT * FROM status_changes WHERE person_id = 1 ORDER BY id)")" = \
	"up 2024-01-01 allocated|up 2025-02-20 imported from spreadsheet: came back to the service; when they stepped down before is not in the file"
run show 1
check_out_has "came back to the service; when they stepped down before is not in the file" \
	"show says what is known of the return"
check_true "the archived row is archived on its day" \
	test "$(sql "SELECT status || ' ' || status_since FROM people WHERE name = 'Tam Reed'")" = "archived 2025-03-01"
check_true "the apostrophe typed comes back" \
	test "$(sql "SELECT email FROM people WHERE name = 'Sol Penn'")" = "'=sol@example.org"
printf 'name,dob,status,status since,allocated on\nUma Vale,2005-01-01,stepped up,2025-03-05,2024-01-01\nVic Wren,2005-01-02,archived,,2024-01-01\nWyn Yeo,2005-01-03,archived,2023-12-01,2024-01-01\n' \
	>"$TEST_DIR/since.csv"
DB=$TEST_DIR/since.db
check_refused "a return after today is refused" \
	"since.csv:2: status since: " import "$TEST_DIR/since.csv"
check_true "... making no caseload" test ! -e "$DB"
check_err_has "since.csv:3: status: archived, but status since is empty" \
	"an archived row needs its date"
check_err_has "since.csv:4: status since: " "an archive before the allocation is refused"
printf 'name,dob,status\nXan Zee,2005-01-01,archived\n' >"$TEST_DIR/nosince.csv"
check_refused "an archived row without a status_since column" \
	"nosince.csv:2: status: archived, but on what date?" \
	import "$TEST_DIR/nosince.csv"
TODAY=2026-11-27

# --------------------- handover import - checks before making anything
mkdir "$TEST_DIR/new"
status=0
echo garbage | "$CASELOAD" --db "$TEST_DIR/new/x.db" --today "$TODAY" \
	handover import - >"$out" 2>"$err" || status=$?
check_status 2 "handover import - of garbage into a new caseload is refused"
check_true "... making no caseload" test ! -e "$TEST_DIR/new/x.db"
check_true "... and leaving nothing in its folder" \
	test -z "$(ls -A "$TEST_DIR/new")"
status=0
echo garbage | env XDG_DATA_HOME="$TEST_DIR/xdg" "$CASELOAD" --today "$TODAY" \
	handover import - >"$out" 2>"$err" || status=$?
check_status 2 "... nor into caseload's own folder when it is not there yet"
check_true "... which is not made" test ! -e "$TEST_DIR/xdg"
status=0
env XDG_DATA_HOME="$TEST_DIR/xdg" "$CASELOAD" --today "$TODAY" \
	handover import - <"$TEST_DIR/ho.db" >"$out" 2>"$err" || status=$?
check_status 0 "handover import - of a good file into a new caseload"
check_true "... in caseload's own folder, made for the worker alone" \
	test "$(stat -c %a "$TEST_DIR/xdg/caseload")" = 700
check_true "... leaving no copy" \
	sh -c "! ls -a '$TEST_DIR/xdg/caseload' | grep -q caseload-tmp"

# ----------------------- --ignore-column, terminals and the byte-order mark
DB=$TEST_DIR/ignore.db
run import --ignore-column Team --dry-run "$TEST_DIR/skip.csv"
check_status 0 "--ignore-column naming no column still imports"
check_err_has "caseload: warning: import: --ignore-column 'Team' names no column of $TEST_DIR/skip.csv" \
	"... warning that it names no column"
if command -v script >/dev/null 2>&1; then
	status=0
	script -qec "$CASELOAD --db $DB --today $TODAY import -" \
	    "$TEST_DIR/typescript" </dev/null >"$TEST_DIR/script.out" 2>&1 ||
		status=$?
	check_status 2 "import - on a terminal is refused"
	check_true "... saying why" grep -q "import: '-' reads standard input, which is a terminal here; give a file name or send the file through a pipe" \
	    "$TEST_DIR/typescript"
	check_true "... making no caseload" test ! -e "$DB"
	DB=$TEST_DIR/excel.db
	printf '[display]\ncsv_bom = yes\n' >"$CONF"
	script -qec "$CASELOAD --db $DB --config $CONF --today $TODAY list --format csv" \
	    "$TEST_DIR/typescript" </dev/null >"$TEST_DIR/script.out" 2>&1
	check_true "csv_bom = yes writes no mark to a terminal" \
		sh -c "! grep -q \"\$(printf '\357\273\277')\" '$TEST_DIR/typescript'"
	script -qec "$CASELOAD --db $DB --config $CONF --today $TODAY list --format csv --bom" \
	    "$TEST_DIR/typescript" </dev/null >"$TEST_DIR/script.out" 2>&1
	check_true "... but --bom does" \
		grep -q "$(printf '\357\273\277')id," "$TEST_DIR/typescript"
else
	skip "import - on a terminal" "no script(1) to make one"
fi

echo "1..$TEST_NUMBER"
exit $TEST_FAILED
