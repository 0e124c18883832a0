#!/bin/sh
# SPDX-License-Identifier: MIT
# Text output follows the terminal's width when standard output is one
# (COLUMNS when set, else the width the terminal reports): show wraps
# long notes, addresses and reasons under their column, keeping a
# note's own indents and spaces.  A pipe gets whole lines, whatever
# COLUMNS says; otherwise the two are the same.  The terminal is
# script(1)'s.
. "$(dirname "$0")/../lib.sh"

if ! command -v script >/dev/null 2>&1; then
	skip "text follows the terminal's width" "script(1) is not installed"
	done_testing
fi

# Quote a word for the shell that script runs.
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# on_tty COLS [VAR=VALUE...] -- ARGS...: run caseload on a terminal COLS
# wide, with the variables given (COLUMNS unset unless given).
on_tty() {
	cmd="stty cols $1 rows 40; exec env -u COLUMNS"
	shift
	while [ "$1" != -- ]; do
		cmd="$cmd $(quote "$1")"
		shift
	done
	shift
	cmd="$cmd $(quote "$CASELOAD") --db $(quote "$DB") --today $TODAY"
	for arg in "$@"; do
		cmd="$cmd $(quote "$arg")"
	done
	status=0
	script -qec "$cmd" "$TEST_DIR/typescript" </dev/null >"$out" \
	    2>"$err" || status=$?
	strip_cr
}

note="Met at the library about the college course; she wants help with the bursary form https://www.example.gov.uk/student-finance/bursary-application-form and a bus pass."
run add --name "Aisha Khan" --dob 2007-03-14 --allocated 2025-02-01 \
	--address "Flat 4, Rosebery Court, 112 Chapeltown Road, Harehills, Leeds LS7 4HZ"
run contact Aisha --date 2026-11-02 --method visit --note "$note"
run step-down Aisha --date 2026-11-20 \
	--reason "settled in work and at college; asked for no visits for now but happy to have the annual letter"
# A terminal 60 columns wide: the address, the reason and the note wrap
# under their columns; a word longer than the room is broken, not cut.
on_tty 60 NO_COLOR=1 TERM=dumb -- show Aisha
check_status 0 "show runs on a terminal"
check_out "show wraps to a terminal 60 columns wide" <<'OUT'
Aisha Khan  (number 1)
  Date of birth   14/03/2007, age 19, 18-21
  Status          stepped down since 20/11/2026
  Allocated       01/02/2025
  Contact every   8 weeks (the default)
  Address         Flat 4, Rosebery Court, 112 Chapeltown
                  Road, Harehills, Leeds LS7 4HZ

Birthday returns
  Birthday return for 19th birthday: window was open
  14/12/2025 to 14/04/2026, OVERDUE

Coming up
  Annual letter   20/11/2027  due in 358 days
  21st birthday   14/03/2028  moves to advice and guidance
  25th birthday   14/03/2032  leaving care entitlement ends

Status history
  01/02/2025  stepped up    allocated
  20/11/2026  stepped down  settled in work and at college;
                            asked for no visits for now but
                            happy to have the annual letter

Contact log, newest first ('caseload strike 1 3' strikes out contact 3)
  1      02/11/2026  visit   by the worker
         Met at the library about the college course; she
         wants help with the bursary form
         https://www.example.gov.uk/student-finance/bursary-
         application-form and a bus pass.

Annual letters sent: none yet

Pathway plan reviews: none yet
OUT

# COLUMNS, when set, is the width instead of the terminal's.
on_tty 60 NO_COLOR=1 TERM=dumb COLUMNS=50 -- show Aisha
cat >"$TEST_DIR/note50" <<'OUT'
         Met at the library about the college
         course; she wants help with the bursary
         form
         https://www.example.gov.uk/student-financ
         e/bursary-application-form and a bus
         pass.
OUT
sed -n '/Met at the library/,/pass\.$/p' "$out" >"$TEST_DIR/got50"
check_true "COLUMNS=50 wraps the note at 50 columns" \
	diff -u "$TEST_DIR/note50" "$TEST_DIR/got50"
check_true "no line of the note is wider than 50 columns" \
	test "$(sed -n '/^Contact log/,/^Annual/p' "$out" | awk 'length > 50' |
	grep -vc '^Contact log')" = 0

# A pipe gets whole lines, whatever COLUMNS says.
COLUMNS=50 run show Aisha
check_out_has "         $note" "a pipe gets the note on one line"
check_out_has "  Address         Flat 4, Rosebery Court, 112 Chapeltown Road, Harehills, Leeds LS7 4HZ" \
	"and the address"

# A note's own layout survives wrapping: an indented list line keeps its
# indent under the note's column, a run of spaces stays, and a blank line
# stays blank.  Only the spaces where a line breaks go.
note="Housing:
  - housing: waiting list,   band C
  - bid every Thursday on the council's lettings site for a one bedroom flat

Next visit: college"
run add --name "Ben Okafor" --dob 2006-09-01 --allocated 2025-05-01
run contact Ben --date 2026-11-10 --method phone --note "$note"
on_tty 60 NO_COLOR=1 TERM=dumb -- show Ben
sed -n '/^Contact log/,/^Annual/p' "$out" >"$out.log" && mv "$out.log" "$out"
check_out "an indented line of a note keeps its indent on a terminal" <<'OUT'
Contact log, newest first ('caseload strike 2 3' strikes out contact 3)
  1      10/11/2026  phone   by the worker
         Housing:
           - housing: waiting list,   band C
           - bid every Thursday on the council's lettings
         site for a one bedroom flat

         Next visit: college

Annual letters sent: none yet
OUT
run show Ben
check_out_has "           - housing: waiting list,   band C" \
	"and on a pipe"

# Apart from wrapping, a terminal gets what a pipe gets: on a terminal
# wide enough for every line, show (and list) are the same byte for byte.
for args in "show Ben" "list"; do
	# shellcheck disable=SC2086
	run $args
	mv "$out" "$TEST_DIR/piped"
	# shellcheck disable=SC2086
	on_tty 100 NO_COLOR=1 TERM=dumb -- $args
	check_true "$args is the same on a terminal 100 wide as on a pipe" \
	    cmp "$TEST_DIR/piped" "$out"
done
done_testing
