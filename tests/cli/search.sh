#!/bin/sh
# SPDX-License-Identifier: MIT
# Finding a young person by a part of their name (REF) ignores case,
# accents and how the accents were typed (precomposed or as combining
# marks); so does the check that refuses to add someone twice, on the
# command line and in a spreadsheet import.  An ambiguous part lists the
# young people it matches.
. "$(dirname "$0")/../lib.sh"

# "Zoë" with its diaeresis as a combining mark (e U+0308).
zoe_decomposed=$(printf 'Zoe\314\210')
chloe_decomposed=$(printf 'Chloe\314\210 Br\303\270nte')

run add --name "Siobhán Ní Bhriain" --dob 2006-04-02
check_status 0 "add Siobhán Ní Bhriain"
run add --name "Zoë Ñúñez" --dob 29/02/2004
check_status 0 "add Zoë Ñúñez (precomposed)"
run add --name "Nguyễn Thị Hà" --preferred "Hà" --dob 2005-07-15
check_status 0 "add Nguyễn Thị Hà (Hà)"
run add --name "Harry Hart" --dob 2007-01-09
check_status 0 "add Harry Hart"
run add --name "$chloe_decomposed" --dob 2008-08-08
check_status 0 "add Chloë Brønte, typed with a combining diaeresis"

# show_is REF NAME WHAT: show REF finds the young person called NAME.
show_is() {
	run show "$1"
	if [ "$status" -eq 0 ] && head -1 "$out" | grep -qF -- "$2"; then
		ok "$3"
	else
		not_ok "$3"
		diag_last_run
	fi
}

show_is siobhan "Siobhán Ní Bhriain  (number 1)" "show siobhan finds Siobhán"
show_is "SIOBHÁN" "Siobhán Ní Bhriain" "... and so does SIOBHÁN"
show_is "ni bhriain" "Siobhán Ní Bhriain" "... and ni bhriain"
show_is zoe "Zoë Ñúñez  (number 2)" "show zoe finds Zoë"
show_is nunez "Zoë Ñúñez" "show nunez finds Ñúñez"
show_is "$zoe_decomposed" "Zoë Ñúñez" \
	"a decomposed Zoë finds the precomposed one"
show_is "chloë" "(number 5)" "a precomposed chloë finds the decomposed one"
show_is "CHLOE BRØNTE" "(number 5)" "... and so does CHLOE BRØNTE"
# ø is a letter of its own, not an o with a mark: utf8proc keeps it.
run show "chloe bronte"
check_status 2 "chloe bronte does not find Brønte (ø is not o)"
show_is "nguyen thi" "Nguyễn Thị Hà  (number 3)" "show nguyen thi finds Nguyễn Thị Hà"
show_is ha "Nguyễn Thị Hà  (number 3)" \
	"show ha: the exact preferred name Hà wins over Harry Hart"
show_is "  ZOE  " "Zoë Ñúñez" "spaces around the REF do not matter"
show_is 4 "Harry Hart  (number 4)" "a number is still a number"
run add --name "Ellie-Mae O’Connor" --dob 2009-06-30
check_status 0 "add Ellie-Mae O’Connor"
show_is "ellie mae o'connor" "Ellie-Mae O’Connor  (number 6)" \
	"the usual separators are folded: a hyphen is a space, any apostrophe"
show_is "oconnor" "Ellie-Mae O’Connor" "... or none"

# A REF with nothing to match once folded is refused, not matched to all.
run show "-"
check_status 2 "show - is refused"
check_err_has "give a young person's number or part of their name" \
	"... asking for a number or a part of a name"

# Ambiguous: every match is listed, nothing else happens.
run add --name "Zoe Adams" --dob 2007-05-05
check_status 0 "add Zoe Adams"
run show zoe
check_status 2 "show zoe is now ambiguous: exit 2"
cat >"$TEST_DIR/expected-err" <<EOF2
caseload: 'zoe' matches 2 young people; give the number of the one you mean:
      2  Zoë Ñúñez
      7  Zoe Adams
EOF2
if diff -u "$TEST_DIR/expected-err" "$err" >"$TEST_DIR/diff"; then
	ok "... listing both, accented or not"
else
	not_ok "... listing both, accented or not"
	diag_file "$TEST_DIR/diff"
fi
snapshot
run contact zoe --date 2026-11-20
check_status 2 "contact zoe is refused as ambiguous"
check_unchanged "... and nothing is written"

# Archived young people are found the same way, when nobody else is.
run archive siobhan --reason "moved away"
check_status 0 "archive siobhan"
show_is "siobhan" "Siobhán Ní Bhriain" "an archived Siobhán is still found"

# Adding someone twice: accents, case and form do not make them new.
check_refused "Zoe Nunez with Zoë Ñúñez's date of birth is a duplicate" \
	"already number 2" add --name "Zoe Nunez" --dob 2004-02-29
check_refused "... and so is ZOË ÑÚÑEZ typed with combining marks" \
	"already number 2" add --name "$(printf 'ZOE\314\210 N\314\203U\314\201N\314\203EZ')" \
	--dob 2004-02-29
check_refused "Nguyen Thi Ha is Nguyễn Thị Hà" \
	"already number 3" add --name "nguyen thi ha" --dob 2005-07-15
run add --name "Zoe Nunez" --dob 2004-03-01
check_status 0 "Zoe Nunez with another date of birth is someone else"

# A spreadsheet: a row already here, and the same young person twice.
cat >"$TEST_DIR/sheet.csv" <<EOF2
name,dob
Harry Hart,2007-01-09
CHLOE BRØNTE,2008-08-08
Ruby Clarke,2008-08-22
EOF2
check_refused "import finds Chloë Brønte already here as CHLOE BRØNTE" \
	"sheet.csv:3: already on your caseload as number 5" \
	import "$TEST_DIR/sheet.csv"
cat >"$TEST_DIR/sheet.csv" <<EOF2
name,dob
Ruby Clarke,2008-08-22
Rubý Clárke,2008-08-22
EOF2
check_refused "import finds the same young person twice, accents aside" \
	"sheet.csv:3: the same young person as on line 2" \
	import "$TEST_DIR/sheet.csv"

done_testing
