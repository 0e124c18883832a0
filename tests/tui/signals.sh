#!/bin/sh
# SPDX-License-Identifier: MIT
# Signals and other writers: SIGTERM, SIGHUP and Ctrl-C end caseload with
# the terminal restored and nothing confirmed lost; a change made by the
# command line while the screen is up shows on it.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# The process id of caseload: the child of the pane's shell.
caseload_pid() {
	ps -o pid= --ppid "$(tm display-message -p '#{pane_pid}')" | tr -d ' '
}

tui_start
wait_for "Showing everyone"

# A change made elsewhere appears without a key press.
run contact 1 --method visit --note "from the command line"
check_screen "The caseload was changed elsewhere" \
	"a change from the command line is noticed"
check_screen "!  9  Amira" "... the list is read again"
check_screen_lacks "!  1  Aisha" "... Aisha is no longer overdue"
check_screen "7/22 stepped up · 2 contacts, 4 reviews, 1 letter overdue" \
	"... and the header follows"

# Confirm a contact, then SIGTERM: the contact is kept.
keys c
wait_for "Log a contact with"
keys Enter
wait_for "Logged contact 2: phone with Ellie-Mae"
pid=$(caseload_pid)
kill -TERM "$pid"
check_exit 143 "SIGTERM ends caseload (status 128 + 15)"
check_terminal_sane "SIGTERM: the terminal is restored"
if [ "$(sql "SELECT count(*) FROM contacts WHERE id = 10")" = 1 ]; then
	ok "SIGTERM: the confirmed contact is kept"
else
	not_ok "SIGTERM: the confirmed contact is kept"
fi

# SIGHUP (the terminal closed) with a form half filled in.
tui_start
wait_for "Showing everyone"
keys a
wait_for "Add a young person"
type_text "Half Typed"
kill -HUP "$(caseload_pid)"
check_exit 129 "SIGHUP ends caseload (status 128 + 1)"
check_terminal_sane "SIGHUP: the terminal is restored"
if [ "$(sql "SELECT count(*) FROM people")" = 11 ]; then
	ok "SIGHUP: nothing unconfirmed was saved"
else
	not_ok "SIGHUP: nothing unconfirmed was saved"
fi
run check
check_status 0 "the database is sound after the signals"

# Ctrl-C.
tui_start
wait_for "Showing everyone"
keys C-c
check_exit 130 "Ctrl-C ends caseload (status 128 + 2)"
check_terminal_sane "Ctrl-C: the terminal is restored"

done_testing
