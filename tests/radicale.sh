# SPDX-License-Identifier: MIT
# tests/radicale.sh: a Radicale CalDAV server of the test's own, for the
# publish tests.  Source it after tests/lib.sh; it skips the whole test
# (TAP "1..0 # SKIP", as the interop tests do) when Radicale is not
# installed; CI installs it (bootstrap).
#
#   radicale_start             start it on 127.0.0.1 on a free port, with
#                              a temporary storage folder, htpasswd users
#                              "worker" (password "secret") and a
#                              calendar collection /worker/caseload/;
#                              sets RADICALE_URL, RADICALE_PID
#   radicale_stop              stop it by its process id (also at exit)
#   dav ARGS...                tests/dav.py against the collection
#   proxy_start STOP_AFTER [lose]  tests/dav-proxy.py in front of it, on a
#                              port of its own (the same each time): it
#                              stops after STOP_AFTER PUTs and DELETEs (-1:
#                              never), with "lose" after passing one more
#                              on without its answer; sets PROXY_URL
#   proxy_stop                 stop it by its process id (also at exit)
#
# The server is stopped by its process id when the test ends.

RADICALE_PY=${PYTHON3:-/usr/bin/python3}
if ! "$RADICALE_PY" -c 'import radicale' >/dev/null 2>&1; then
	echo "1..0 # SKIP Radicale is not installed (Debian: radicale)"
	exit 0
fi

RADICALE_PID=
RADICALE_DIR=$TEST_DIR/radicale
PROXY_PID=
PROXY_PORT=

radicale_stop() {
	if [ -n "$RADICALE_PID" ]; then
		kill "$RADICALE_PID" 2>/dev/null || true
		wait "$RADICALE_PID" 2>/dev/null || true
		RADICALE_PID=
	fi
}

proxy_stop() {
	if [ -n "$PROXY_PID" ]; then
		kill "$PROXY_PID" 2>/dev/null || true
		wait "$PROXY_PID" 2>/dev/null || true
		PROXY_PID=
	fi
}
trap 'proxy_stop; radicale_stop; rm -rf "$TEST_DIR"' EXIT

# A free port on 127.0.0.1.
free_port() {
	"$RADICALE_PY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

proxy_start() {
	proxy_stop
	[ -n "$PROXY_PORT" ] || PROXY_PORT=$(free_port)
	: >"$TEST_DIR/proxy.out"
	"$RADICALE_PY" "$top_srcdir/tests/dav-proxy.py" "$PROXY_PORT" \
	    "$RADICALE_PORT" "$@" >"$TEST_DIR/proxy.out" 2>&1 &
	PROXY_PID=$!
	PROXY_URL=http://127.0.0.1:$PROXY_PORT/worker/caseload/
	i=0
	while ! grep -q ready "$TEST_DIR/proxy.out"; do
		i=$((i + 1))
		if [ "$i" -gt 200 ]; then
			echo "Bail out! the proxy did not start"
			exit 1
		fi
		sleep 0.05
	done
}

# radicale_start [PORT]: start (again, on PORT, with the same storage).
radicale_start() {
	mkdir -p "$RADICALE_DIR/collections/collection-root/worker/caseload"
	printf '{"tag": "VCALENDAR", "D:displayname": "caseload"}' \
	    >"$RADICALE_DIR/collections/collection-root/worker/caseload/.Radicale.props"
	printf 'worker:secret\n' >"$RADICALE_DIR/users"
	RADICALE_PORT=${1:-$(free_port)}
	cat >"$RADICALE_DIR/config" <<EOC
[server]
hosts = 127.0.0.1:$RADICALE_PORT
[auth]
type = htpasswd
htpasswd_filename = $RADICALE_DIR/users
htpasswd_encryption = plain
delay = 0
[rights]
type = owner_only
[storage]
filesystem_folder = $RADICALE_DIR/collections
[web]
type = none
[logging]
level = warning
EOC
	"$RADICALE_PY" -m radicale --config "$RADICALE_DIR/config" \
	    >"$RADICALE_DIR/log" 2>&1 &
	RADICALE_PID=$!
	RADICALE_URL=http://127.0.0.1:$RADICALE_PORT/worker/caseload/
	# Wait until it answers (at most 10 s).
	i=0
	while ! dav count >/dev/null 2>&1; do
		i=$((i + 1))
		if [ "$i" -gt 200 ] || ! kill -0 "$RADICALE_PID" 2>/dev/null; then
			echo "Bail out! Radicale did not start"
			sed 's/^/# /' "$RADICALE_DIR/log"
			exit 1
		fi
		sleep 0.05
	done
}

dav() {
	"$RADICALE_PY" "$top_srcdir/tests/dav.py" "$RADICALE_URL" worker secret "$@"
}
