#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/import.sh: caseload import, from spreadsheets saved as CSV.

. "$top_srcdir/tests/lib.sh"

SHEET=$TEST_DIR/sheet.csv
TRUTH=$TEST_DIR/truth

# A 50-row sheet with its columns in an odd order and dates written both
# ways; beside it, what each row means with every date in ISO (the
# test's own reading of the sheet, to compare with what was stored).
awk -v sheet="$SHEET" -v truth="$TRUTH" 'BEGIN {
	split("Aisha Ben Chloe Dylan Esme Femi Grace Hamza Isla Jack", first)
	split("Khan Carter Nowak Okafor Evans", last)
	print "Last Contact,EMAIL,Date of Birth,Full Name,status," \
	    "Stepped_Down_On,Phone Number,Preferred name,Interval weeks," \
	    "Allocated,Address" > sheet
	for (i = 1; i <= 50; i++) {
		name = first[(i - 1) % 10 + 1] " " last[int((i - 1) / 10) + 1]
		y = 2002 + i % 9; m = 1 + i % 12; d = 1 + (i * 7) % 28
		iso = sprintf("%04d-%02d-%02d", y, m, d)
		# Odd rows DD/MM/YYYY (one digit where it can be), even ISO.
		dob = i % 2 ? sprintf("%d/%d/%04d", d, m, y) : iso
		lm = 9 + i % 3; ld = 1 + i % 27
		lc_iso = sprintf("2026-%02d-%02d", lm, ld)
		lc = i % 2 ? lc_iso : sprintf("%02d/%02d/2026", ld, lm)
		if (i % 11 == 0) { lc = ""; lc_iso = "" }
		email = i % 3 ? "" : tolower(first[(i - 1) % 10 + 1]) i \
		    "@example.org"
		phone = i % 4 ? sprintf("07700 900%03d", i) : ""
		pref = i % 8 ? "" : substr(name, 1, 3)
		interval = i % 10 ? "" : "4"
		status = ""; down = ""; down_iso = ""
		if (i % 7 == 0) {
			status = i % 2 ? "Stepped Down" : "stepped down"
			down_iso = sprintf("2026-%02d-15", 1 + i % 6)
			down = i % 2 ? sprintf("15/%02d/2026", 1 + i % 6) : \
			    down_iso
		} else if (i % 5 == 0)
			status = "stepped up"
		alloc = ""; alloc_iso = ""
		if (i % 5 == 0) {
			alloc_iso = sprintf("2025-%02d-01", 1 + i % 12)
			alloc = i % 2 ? sprintf("1/%d/2025", 1 + i % 12) : alloc_iso
		}
		addr = i % 6 ? "" : "\"" i " Station Road, Flat " i "\nLeeds\""
		printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", lc, email, dob,
		    name, status, down, phone, pref, interval, alloc, addr \
		    > sheet
		printf "%s|%s|%s|%s|%s|%s\n", name, iso, lc_iso,
		    down_iso != "" ? "down" : "up",
		    down_iso != "" ? down_iso : (alloc_iso != "" ? alloc_iso : \
		    (lc_iso != "" ? lc_iso : "2026-11-27")), interval > truth
	}
}'
sort "$TRUTH" >"$TRUTH.sorted"

snapshot
run import "$SHEET" --dry-run
check_status 0 "--dry-run on the 50-row sheet"
check_out_has "Would import 50 young people from $SHEET (43 stepped up, 7 stepped down):" "--dry-run says what would be imported"
check_out_has "Nothing was written (--dry-run)." "--dry-run says nothing was written"
check_unchanged "--dry-run writes nothing"
check_true "--dry-run does not even make the database" test ! -e "$DB"

run import "$SHEET"
check_status 0 "import the 50-row sheet"
check_out_has "Imported 50 young people from $SHEET (43 stepped up, 7 stepped down):" "import says what it did"
sql "SELECT name, dob, ifnull(last_contact, ''), status, status_since,
	ifnull(interval_weeks, '') FROM people ORDER BY name" >"$TEST_DIR/stored"
if diff -u "$TRUTH.sorted" "$TEST_DIR/stored" >"$TEST_DIR/diff"; then
	ok "every row stored as the sheet says (names, dates, status, interval)"
else
	not_ok "every row stored as the sheet says (names, dates, status, interval)"
	diag_file "$TEST_DIR/diff"
fi
check_true "each last contact is a contact 'imported from spreadsheet'" \
	test "$(sql "SELECT count(*) FROM contacts WHERE note = 'imported from spreadsheet' AND method = 'other' AND started_by = 'worker' AND attempted = 0")" = 46
check_true "each stepped-down row has its step-down, reason 'imported from spreadsheet'" \
	test "$(sql "SELECT count(*) FROM status_changes WHERE status = 'down' AND reason = 'imported from spreadsheet'")" = 7
check_true "the database is sound after the import" "$CASELOAD" --db "$DB" --today "$TODAY" check

run list --format csv
sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/' "$out" >"$out.tmp"
mv "$out.tmp" "$out"
check_expected import-list.csv "list --format csv agrees with the sheet"
run due --format csv
check_expected import-due.csv "due --format csv agrees with the sheet"

# Import is all or nothing, and nobody is imported twice.
check_refused "the same sheet again is refused" \
	"50 problems in $SHEET (listed above): nothing was imported" import "$SHEET"
check_err_has "$SHEET:2: already on your caseload as number 1 (same name and date of birth)" "a row for someone already there names the line and the number"

# ---------------------------------------------------------------- bad rows
DB=$TEST_DIR/bad.db
run add --name "Kai Thompson" --dob 2008-05-05
BAD=$TEST_DIR/bad.csv
cat >"$BAD" <<'CSV'
Name,DOB,Email,Interval Weeks,Status,Stepped down on,Last contact,Address
Aisha Khan,14/03/2007,aisha@example.org,,,,01/10/2026,
Ben Carter,31/02/2008,,,,,,
,2008-01-01,,,,,,
Chloe Nowak,2007-05-01,chloe@,,,,,
Dylan Okafor,2007-05-02,,60,,,,
Esme Evans,2007-05-03,,,,,2007-05-01,
Femi Khan,2007-05-04,,,stepped down,,,
Grace Carter,2007-05-05,,,open,,,
"Hamza ""H"" Nowak, Jr.",2007-05-06,,,,,,"1 Mill Lane,
Flat 2
Leeds"
Isla Okafor,2030-01-01,isla@@example.org,,,,,
Jack Evans,1/2/08,,,,,,
Kemi Khan,2007-05-07,,,,,,,,extra
Liam "Lee" Carter,2007-05-08,,,,,,
aisha khan,2007-03-14,,,,,,
Maya Nowak,2007-05-09,,,,,2026-12-01,
Noah Okafor,2007-05-10,,,stepped up,2026-01-01,,

Kai Thompson,05/05/2008,,,,,,
Omar	Tab,2007-05-11,,,,,,
Poppy Evans,2007-05-12,,,stepped down,2026-02-30,,
CSV
check_refused "a sheet with bad rows is refused" \
	"18 problems in $BAD (listed above): nothing was imported" import "$BAD"
sed "s|$BAD|bad.csv|" "$err" >"$out"
check_expected import-bad.err "every bad row is reported with the line it starts on"
check_true "nothing was imported from the bad sheet" \
	test "$(sql 'SELECT count(*) FROM people')" = 1
check_refused "--dry-run reports the bad rows too" "18 problems" \
	import --dry-run "$BAD"

# ---------------------------------------------------------------- format
DB=$TEST_DIR/format.db

# Quoted fields with commas, doubled quotes and line breaks.
QUOTED=$TEST_DIR/quoted.csv
cat >"$QUOTED" <<'CSV'
"name","date of birth","address","preferred name","phone"
"Ellie-Mae ""Ells"" O'Connor, Jr.","30/06/2009","Flat 3, ""The Old Mill""
12 Station Road
Leeds, LS1 4AB","Ells","07700 900101"
"Zoë Ñúñez",2004-02-29,"",,
CSV
run import "$QUOTED"
check_status 0 "quoted multi-line fields import"
check_true "a name with quotes and a comma is kept whole" \
	test "$(sql "SELECT count(*) FROM people WHERE name = 'Ellie-Mae \"Ells\" O''Connor, Jr.' AND preferred_name = 'Ells'")" = 1
check_true "a quoted address keeps its commas, quotes and lines" \
	test "$(sql "SELECT address FROM people WHERE id = 1")" = 'Flat 3, "The Old Mill"
12 Station Road
Leeds, LS1 4AB'
check_true "UTF-8 names and a 29 February birthday" \
	test "$(sql "SELECT name || '|' || dob || '|' || ifnull(address, 'none') FROM people WHERE id = 2")" = 'Zoë Ñúñez|2004-02-29|none'
check_true "the record after a multi-line field is not lost" \
	test "$(sql 'SELECT count(*) FROM people')" = 2

# A byte-order mark and CRLF line ends, inside quotes too.
BOM=$TEST_DIR/bom.csv
printf '\357\273\277Name,DOB,Address,Last contact\r\nAmira Haddad,07/12/2006,"5 Chapel Street\r\nBradford",18/11/2026\r\nRuby Clarke,2008-08-08,,\r\n' >"$BOM"
run import "$BOM"
check_status 0 "a sheet with a byte-order mark and CRLF imports"
check_true "the first column's name is read past the byte-order mark" \
	test "$(sql "SELECT count(*) FROM people WHERE name = 'Amira Haddad'")" = 1
check_true "a CRLF inside a quoted field becomes a new line" \
	test "$(sql "SELECT hex(address) FROM people WHERE name = 'Amira Haddad'")" = "$(printf '5 Chapel Street\nBradford' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
check_true "no carriage return is stored" \
	test "$(sql "SELECT count(*) FROM people WHERE instr(name || ifnull(address, ''), char(13)) > 0")" = 0
check_true "the last contact starts the clock" \
	test "$(sql "SELECT last_contact FROM people WHERE name = 'Amira Haddad'")" = 2026-11-18

# Old Mac line ends (CR alone), and first name and surname columns.
CR=$TEST_DIR/cr.csv
printf 'First name,Surname,D.O.B.,Known as\rTom,Wiśniewski,1/1/2005,Tommy\rLeah,Cohen,2003-05-06,\r' >"$CR"
run import "$CR"
check_status 0 "CR line ends, first name and surname, D.O.B."
check_true "first name and surname make the name" \
	test "$(sql "SELECT name || '|' || dob || '|' || ifnull(preferred_name, '') FROM people WHERE name LIKE 'Tom%'")" = 'Tom Wiśniewski|2005-01-01|Tommy'

# Someone already present, matched ignoring case.
DUP=$TEST_DIR/dup.csv
printf 'name,dob\nNew Person,2007-07-07\nRUBY CLARKE,08/08/2008\n' >"$DUP"
check_refused "someone already present is not imported again" \
	"1 problem in $DUP" import "$DUP"
check_err_has "$DUP:3: already on your caseload as number" "the duplicate is reported at its line"
check_true "nobody was added" test "$(sql "SELECT count(*) FROM people WHERE name = 'New Person'")" = 0

# Headers.
printf 'name,dob,team\nA B,2007-01-01,North\n' >"$TEST_DIR/unknown.csv"
check_refused "an unknown column is refused" \
	"unknown.csv:1: 'team' is not a column caseload knows" import "$TEST_DIR/unknown.csv"
printf 'name,email\nA B,a@example.org\n' >"$TEST_DIR/nodob.csv"
check_refused "a sheet without a date of birth column" \
	"nodob.csv:1: no column for the date of birth" import "$TEST_DIR/nodob.csv"
printf 'Name,DOB,Date of birth\nA B,2007-01-01,2007-01-01\n' >"$TEST_DIR/twice.csv"
check_refused "the same column twice" "'DOB' and 'Date of birth' are the same column" \
	import "$TEST_DIR/twice.csv"
printf 'name,dob\r\n' >"$TEST_DIR/header-only.csv"
check_refused "a header and no rows" "has a header row but no young people" \
	import "$TEST_DIR/header-only.csv"
: >"$TEST_DIR/empty.csv"
check_refused "an empty file" "is empty" import "$TEST_DIR/empty.csv"
printf '\377\376n\000a\000' >"$TEST_DIR/utf16.csv"
check_refused "UTF-16 is refused with what to do" "save it from the spreadsheet as CSV UTF-8" \
	import "$TEST_DIR/utf16.csv"
printf 'name,dob\n"A B,2007-01-01\nC D,2007-01-02\n' >"$TEST_DIR/open-quote.csv"
check_refused "an unclosed quote" "open-quote.csv:2: a quoted field is not closed" \
	import "$TEST_DIR/open-quote.csv"
printf 'name,dob\nJos\351 Cruz,2007-01-01\n' >"$TEST_DIR/latin1.csv"
check_refused "text that is not UTF-8" "latin1.csv: this file is not UTF-8: in Excel choose 'CSV UTF-8' when saving (line 2 is the first that is not)" \
	import "$TEST_DIR/latin1.csv"
check_refused "a file that does not exist" "cannot read" import "$TEST_DIR/nothing.csv"
check_refused "import wants one file" "give one CSV file" import
check_refused "import refuses an unknown option" "--force" import --force "$DUP"

done_testing
