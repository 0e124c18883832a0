#!/bin/sh
# SPDX-License-Identifier: MIT
# Publish from the screen: X sends the calendar to [caldav] url as
# 'caseload publish' does (the same job), and says what it did; a second
# X sends nothing; a wrong password is said plainly.  Against a Radicale
# of the test's own (skipped when it is not installed).
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/radicale.sh"
trap 'tm kill-server >/dev/null 2>&1; proxy_stop; radicale_stop; rm -rf "$TEST_DIR"' EXIT
. "$top_srcdir/tests/cli/fixture.sh"

radicale_start
CONF=$TEST_DIR/caseload.ini
printf '[caldav]\nurl = %s\nusername = worker\npassword_command = echo secret\n' \
	"$RADICALE_URL" >"$CONF"

tui_start --config "$CONF"
wait_for "Showing everyone"
keys X
check_screen "25 created, 0 changed, 0 deleted" \
	"X publishes, and says what it sent"
check_true "the server holds the 25 items" test "$(dav count)" = 25
check_true "... recorded as published" \
	test "$(sql 'SELECT count(*) FROM caldav_items')" = 25
keys Escape
wait_gone "25 created"
keys X
check_screen ": 0 created, 0 changed, 0 deleted" \
	"a second X sends nothing"
keys Escape
keys q
check_exit 0 "q quits"

printf '[caldav]\nurl = %s\nusername = worker\npassword_command = echo wrong\n' \
	"$RADICALE_URL" >"$CONF"
tui_start --config "$CONF"
wait_for "Showing everyone"
keys X
check_screen "Nothing was published: the server refused the user name or password" \
	"a wrong password is said plainly"
check_true "... and the server is as it was" test "$(dav count)" = 25
keys Escape
keys q
check_exit 0 "q quits"

done_testing
