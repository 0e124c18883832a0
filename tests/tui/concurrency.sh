#!/bin/sh
# SPDX-License-Identifier: MIT
# Other writers while the screen is open: three commands at once ('caseload
# contact' and 'caseload add' from the shell), in several rounds, some
# while the screen itself saves a contact.  Every one succeeds (they wait
# for each other, never "database is locked"), nothing is lost, and the
# screen shows their changes at its next redraw, without a key.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

ROUNDS=4

# writer N ARGS...: caseload ARGS in the background; its status in $TEST_DIR/wN.
writer() {
	n=$1
	shift
	( status=0
	  "$CASELOAD" --db "$DB" --today "$TODAY" "$@" \
	      >"$TEST_DIR/w$n.out" 2>"$TEST_DIR/w$n.err" || status=$?
	  echo "$status" >"$TEST_DIR/w$n" ) &
}

writers_done() {
	for n in "$@"; do
		[ -s "$TEST_DIR/w$n" ] || return 1
	done
}

contacts0=$(sql "SELECT count(*) FROM contacts")
people0=$(sql "SELECT count(*) FROM people")

tui_start
wait_for "Showing everyone"

# Round 1: three writers at once, the screen idle.
rm -f "$TEST_DIR"/w*
writer 1 contact 1 --method visit --note "round 1, from the shell"
writer 2 add --name "Kai Brennan" --dob 2008-04-02
writer 3 contact 9 --method video
if TUI_TIMEOUT=30 tui_poll writers_done 1 2 3; then
	ok "three writers at once all end"
else
	not_ok "three writers at once all end"
fi
failed=""
for n in 1 2 3; do
	[ "$(cat "$TEST_DIR/w$n" 2>/dev/null)" = 0 ] || failed="$failed $n"
done
if [ -z "$failed" ]; then
	ok "... and all succeed while the screen is open"
else
	not_ok "... and all succeed while the screen is open (failed:$failed)"
	for n in $failed; do
		sed "s/^/# writer $n: /" "$TEST_DIR/w$n.err"
	done
fi
check_true "none was told the database is locked" \
	sh -c "! grep -qi locked '$TEST_DIR'/w*.err"
check_screen "The caseload was changed elsewhere" \
	"the screen notices the other writers without a key"
check_screen "Kai Brennan" "... shows the young person added"
check_screen_lacks "!  1  Aisha" "... Aisha's contact (no longer overdue)"
check_screen_lacks "contact 25/11/2026 2d overdue" \
	"... and Amira's (her review, overdue, is now her most urgent)"
check_screen "8/22 stepped up · 1 contact, 4 reviews, 1 letter overdue" \
	"... and the header follows"

# More rounds, each while the screen saves a contact of its own.
failed=""
round=2
while [ "$round" -le "$ROUNDS" ]; do
	keys c
	wait_for "Log a contact with"
	rm -f "$TEST_DIR"/w*
	writer 1 contact 2 --method text --note "round $round"
	writer 2 add --name "Round $round Person" --dob 2007-0$round-01
	keys Enter
	writer 3 contact 3 --method email
	TUI_TIMEOUT=30 tui_poll writers_done 1 2 3
	wait_gone "Log a contact with"
	for n in 1 2 3; do
		if [ "$(cat "$TEST_DIR/w$n" 2>/dev/null)" != 0 ]; then
			failed="$failed $round.$n"
			sed "s/^/# round $round, writer $n: /" "$TEST_DIR/w$n.err"
		fi
	done
	round=$((round + 1))
done
if [ -z "$failed" ]; then
	ok "writers while the screen writes succeed too ($((3 * (ROUNDS - 1))))"
else
	not_ok "writers while the screen writes succeed too (failed:$failed)"
fi
check_screen "Round $ROUNDS Person" "the screen shows the last one added"

keys q
check_exit 0 "quits with status 0"

# Nothing lost: every write that said it was done is there.
# Round 1: 2 contacts and 1 person; rounds 2-4: 3 contacts and 1 person each.
want_contacts=$((contacts0 + 2 + 3 * (ROUNDS - 1)))
want_people=$((people0 + 1 + (ROUNDS - 1)))
check_true "every contact is there ($want_contacts)" \
	test "$(sql "SELECT count(*) FROM contacts")" = "$want_contacts"
check_true "every young person added is there ($want_people)" \
	test "$(sql "SELECT count(*) FROM people")" = "$want_people"
check_true "the screen's own contacts too ($((ROUNDS - 1)))" \
	test "$(sql "SELECT count(*) FROM contacts WHERE note IS NULL
	    AND method = 'phone' AND on_date = '$TODAY'")" = "$((ROUNDS - 1))"
run check
check_status 0 "caseload check finds the database sound"

done_testing
