#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/publish-hostile.sh: caseload publish against a server that
# does not play fair (tests/dav-hostile.py): an item listed anywhere but
# directly inside the collection (another port or scheme, another
# collection, ../, %2F, a sub-collection) is never read or deleted, and
# the password goes nowhere else; an item named as caseload's that this
# database never published is left alone; a redirect is not followed; a
# huge answer is refused; and plain http:// never goes through a proxy.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

PY=${PYTHON3:-/usr/bin/python3}
SERVER_PID=
server_stop() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
		SERVER_PID=
	fi
}
trap 'server_stop; rm -rf "$TEST_DIR"' EXIT

free_port() {
	"$PY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}
PORT=$(free_port)
OTHER=$(free_port)
PROXY=$(free_port)
log=$TEST_DIR/requests.log

# server_start MODE: the server on PORT, OTHER and PROXY, its log empty.
server_start() {
	server_stop
	: >"$log"
	"$PY" "$top_srcdir/tests/dav-hostile.py" "$log" "$1" "$PORT" \
	    "$OTHER" "$PROXY" >"$TEST_DIR/server.out" 2>&1 &
	SERVER_PID=$!
	i=0
	while ! grep -q ready "$TEST_DIR/server.out"; do
		i=$((i + 1))
		if [ "$i" -gt 200 ]; then
			echo "Bail out! the test server did not start"
			exit 1
		fi
		sleep 0.05
	done
}

ini=$TEST_DIR/caldav.ini
printf '[caldav]\nurl = http://127.0.0.1:%s/worker/cal/\nusername = worker\npassword_command = echo secret\n' \
    "$PORT" >"$ini"

# publish ARGS: through a proxy, if caseload were to use one.
publish() {
	status=0
	env -u no_proxy -u NO_PROXY http_proxy="http://127.0.0.1:$PROXY/" \
	    HTTPS_PROXY="http://127.0.0.1:$PROXY/" \
	    ALL_PROXY="http://127.0.0.1:$PROXY/" \
	    "$CASELOAD" --db "$DB" --today "$TODAY" --config "$ini" publish \
	    "$@" >"$out" 2>"$err" || status=$?
}

# --- items listed elsewhere: never touched

server_start hrefs
publish --verbose
check_status 0 "publish to a server that lists items elsewhere"
check_out_has "25 created, 0 changed, 0 deleted, 0 as they were; 7 other items left alone." \
	"... creates caseload's items and leaves the 7 others"
check_out_has "Left alone: 1 item named as caseload's that this database has no record of publishing." \
	"... saying one looks like caseload's but was not published from here"
check_true "... sends nothing through the proxy in http_proxy" \
	sh -c "! grep -q '^$PROXY ' '$log'"
check_true "... nor to another port (another computer)" \
	sh -c "! grep -v '^$PORT ' '$log'"
check_true "... deletes nothing" sh -c "! grep -q ' DELETE ' '$log'"
check_true "... reads nothing" sh -c "! grep -q ' GET ' '$log'"
check_true "... and every request is inside the collection" \
	sh -c "! grep -v '^$PORT [A-Z]* /worker/cal/' '$log'"
check_true "... sending 25 items" \
	test "$(grep -c "^$PORT PUT /worker/cal/.*%40caseload.ics auth\$" "$log")" = 25

# Recorded now: a second publish leaves the same others alone.
: >"$log"
publish
check_status 0 "a second publish"
check_out_has "0 created, 0 changed, 0 deleted, 25 as they were; 7 other items left alone." \
	"... leaves everything"
check_true "... and sends nothing anywhere else" \
	sh -c "! grep -Ev '^$PORT PROPFIND /worker/cal/ auth\$' '$log'"

# --- a redirect is not followed

server_start redirect
snapshot
publish
check_status 1 "a server that redirects: exit 1"
check_err_has "HTTP 301" "... says what it answered"
check_true "... and nothing went where it pointed" \
	sh -c "! grep -v '^$PORT ' '$log'"
check_unchanged "... nothing recorded"

# --- a huge answer is refused

server_start big
snapshot
publish
check_status 1 "an answer of more than 16 MiB: exit 1"
check_err_has "larger than 16 MiB" "... said plainly"
check_unchanged "... nothing recorded"
server_stop

done_testing
