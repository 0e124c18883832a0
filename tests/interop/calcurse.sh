#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/interop/calcurse.sh: the exported calendar imported into calcurse
# (calcurse -i, with a data folder of its own): every item imported and
# none skipped.  calcurse skips an item whose SUMMARY has a line break and
# then keeps a log of why in $TMPDIR.
. "$top_srcdir/tests/lib.sh"

if ! command -v calcurse >/dev/null 2>&1; then
	echo "1..0 # SKIP calcurse is not installed"
	exit 0
fi
. "$top_srcdir/tests/cli/fixture.sh"

# cc_import NAME FILE: import into the data folder NAME, with calcurse's
# temporary files (and its log of skipped items) in TEST_DIR/NAME.tmp.
cc_import() {
	mkdir -p "$TEST_DIR/$1.tmp"
	status=0
	TMPDIR=$TEST_DIR/$1.tmp calcurse -D "$TEST_DIR/$1" -i "$2" \
	    </dev/null >"$out" 2>"$err" || status=$?
}

# No log of skipped items was left.
cc_no_log() {
	if ls "$TEST_DIR/$1.tmp" | grep -q .; then
		cat "$TEST_DIR/$1.tmp"/* >&2
		return 1
	fi
	return 0
}

# The appointments calcurse stored, as "YYYY-MM-DD SUMMARY", sorted.
cc_items() {
	sed -n 's|^\([0-9][0-9]\)/\([0-9][0-9]\)/\([0-9]\{4\}\) \[1\] \(>[0-9a-f]* \)\{0,1\}|\3-\1-\2 |p' \
	    "$TEST_DIR/$1/apts" | sort
}

run export -o "$TEST_DIR/fixture.ics"
check_status 0 "export the fixture"
cc_import fixture "$TEST_DIR/fixture.ics"
check_status 0 "calcurse -i"
check_out_has "0 apps / 25 events / 0 todos / 0 skipped" \
	"every item imported, none skipped"
check_true "no log of skipped items" cc_no_log fixture
cc_items fixture >"$out"
check_expected export-items.txt "each event on its day with its summary"
check_true "descriptions became notes, with no address" \
	sh -c "cat '$TEST_DIR/fixture/notes/'* | grep -q 'Log it with: caseload contact 1' &&
	    ! cat '$TEST_DIR/fixture/notes/'* | grep -q -e Station -e bursary"

# Full names with quotes, commas and any script.
run export --privacy full -o "$TEST_DIR/full.ics"
cc_import full "$TEST_DIR/full.ics"
check_status 0 "calcurse -i, full names"
check_out_has "0 apps / 25 events / 0 todos / 0 skipped" \
	"... every item imported"
check_true "... no log" cc_no_log full
cc_items full >"$out"
check_out_has "2026-11-27 Contact overdue since 08/09/2026: Ellie-Mae \"Ells\" O'Connor, Jr. #11" \
	"a name with quotes and a comma"
check_out_has "2026-12-10 25th birthday: 李明 (Ming) #8" "a name in Chinese"

# To-dos.
printf '[calendar]\ncontacts_as = todo\n' >"$TEST_DIR/todo.ini"
run --config "$TEST_DIR/todo.ini" export -o "$TEST_DIR/todo.ics"
cc_import todo "$TEST_DIR/todo.ics"
check_status 0 "calcurse -i, contacts as to-dos"
check_out_has "0 apps / 18 events / 7 todos / 0 skipped" \
	"... every item imported"
check_true "... no log" cc_no_log todo
check_true "... the to-dos are there" \
	test "$(grep -c 'Contact' "$TEST_DIR/todo/todo")" = 7

# The demo caseload.
run_raw --demo --today "$TODAY" export -o "$TEST_DIR/demo.ics"
check_status 0 "export the demo caseload"
events=$(grep -c '^BEGIN:VEVENT' "$TEST_DIR/demo.ics")
cc_import demo "$TEST_DIR/demo.ics"
check_status 0 "calcurse -i, the demo"
check_out_has "0 apps / $events events / 0 todos / 0 skipped" \
	"... all $events items imported, none skipped"
check_true "... no log" cc_no_log demo
check_true "... stored" test "$(cc_items demo | wc -l)" = "$events"

done_testing
