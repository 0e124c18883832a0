# SPDX-License-Identifier: MIT
# tests/tui/lib-tmux.sh: helpers for screen tests, written as TAP.
#
# caseload runs inside a private tmux server (its own socket, no
# settings file) at a fixed size; keys go in with send-keys (-l for
# literal text in any script) and the screen comes back with
# capture-pane.  Every check polls the screen every 50 ms until the text
# it wants is there, or gives up after $TUI_TIMEOUT seconds and shows the
# screen as TAP comments.  The exit status is written to a file by the
# shell that ran caseload, and so are the terminal's modes after it.
# Source this file (it sources tests/lib.sh), then:
#
#   tui_start [ARGS...]        caseload --db $DB --today $TODAY ARGS, in
#                              $TUI_COLS x $TUI_LINES (100x30); TUI_ENV
#                              adds variables ("NO_COLOR=1"), TUI_WRAP a
#                              command to run it under (valgrind);
#                              TUI_CLOCK=1 leaves --today out, for the
#                              clock (which a test may fake) to say
#   keys KEY...                send keys by tmux's names (Enter, Escape)
#   type_text TEXT             send TEXT as typed
#   screen [-e]                print the screen (-e with its colours)
#   wait_for TEXT              until the screen shows TEXT (1 if never)
#   wait_gone TEXT             until it no longer does
#   check_screen TEXT WHAT     ok when the screen shows TEXT
#   check_screen_lacks TEXT WHAT   ok when it does not (after waiting)
#   check_exit N WHAT          wait for caseload to end with status N
#   check_terminal_sane WHAT   the terminal was left in its usual modes
#   resize COLS LINES          resize the window

. "${top_srcdir:?}/tests/lib.sh"

TMUX_BIN=${TMUX_BIN:-}
if [ -z "$TMUX_BIN" ]; then
	TMUX_BIN=$(command -v tmux 2>/dev/null || true)
fi
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "1..0 # SKIP tmux not installed"
	exit 0
fi
unset TMUX TMUX_PANE

TUI_TIMEOUT=${TUI_TIMEOUT:-5}
TUI_COLS=${TUI_COLS:-100}
TUI_LINES=${TUI_LINES:-30}
TUI_ENV=${TUI_ENV:-}
TUI_WRAP=${TUI_WRAP:-}
TUI_RUNS=0
SOCK=$TEST_DIR/sock.0
RC=$TEST_DIR/rc
STTY=$TEST_DIR/stty

tm() {
	"$TMUX_BIN" -S "$SOCK" "$@"
}

trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TEST_DIR"' EXIT

# Quote a word for the shell that tmux runs.
tui_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

tui_start() {
	# A new server each time: an old one may still be on its way out.
	tm kill-server >/dev/null 2>&1
	TUI_RUNS=$((TUI_RUNS + 1))
	SOCK=$TEST_DIR/sock.$TUI_RUNS
	rm -f "$RC" "$STTY"
	# The shell outlives a Ctrl-C to write the status (dash would not).
	cmd="trap : INT; env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen"
	cmd="$cmd $TUI_ENV $TUI_WRAP"
	cmd="$cmd $(tui_quote "$CASELOAD") --db $(tui_quote "$DB")"
	[ -n "${TUI_CLOCK:-}" ] || cmd="$cmd --today $TODAY"
	for arg in "$@"; do
		cmd="$cmd $(tui_quote "$arg")"
	done
	cmd="$cmd; echo \$? > $(tui_quote "$RC"); stty -a > $(tui_quote "$STTY")"
	tm -f /dev/null new-session -d -x "$TUI_COLS" -y "$TUI_LINES" "$cmd"
}

keys() {
	tm send-keys "$@" 2>/dev/null
}

type_text() {
	tm send-keys -l "$1" 2>/dev/null
}

screen() {
	tm capture-pane -p "$@" 2>/dev/null
}

resize() {
	tm resize-window -x "$1" -y "$2" 2>/dev/null
}

# Run CMD every 50 ms until it succeeds; 1 after TUI_TIMEOUT seconds.
tui_poll() {
	tries=$((TUI_TIMEOUT * 20))
	while [ "$tries" -gt 0 ]; do
		if "$@"; then
			return 0
		fi
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

tui_shows() {
	screen | grep -qF -- "$1"
}

tui_lacks() {
	! screen | grep -qF -- "$1"
}

wait_for() {
	tui_poll tui_shows "$1"
}

wait_gone() {
	tui_poll tui_lacks "$1"
}

diag_screen() {
	echo "# screen:"
	screen | sed 's/^/# |/'
}

check_screen() {
	if wait_for "$1"; then
		ok "$2"
	else
		not_ok "$2 (the screen never showed: $1)"
		diag_screen
	fi
}

check_screen_lacks() {
	if wait_gone "$1"; then
		ok "$2"
	else
		not_ok "$2 (the screen still shows: $1)"
		diag_screen
	fi
}

tui_ended() {
	[ -s "$RC" ]
}

check_exit() {
	if tui_poll tui_ended; then
		status=$(cat "$RC")
		if [ "$status" -eq "$1" ]; then
			ok "$2"
		else
			not_ok "$2 (exit status $status, expected $1)"
		fi
	else
		not_ok "$2 (caseload did not end)"
		diag_screen
	fi
}

# After caseload ends, the terminal reads lines and echoes them again.
check_terminal_sane() {
	if tui_poll test -s "$STTY" && grep -Eq '(^|[ ;])icanon([ ;]|$)' "$STTY" &&
	    grep -Eq '(^|[ ;])echo([ ;]|$)' "$STTY"; then
		ok "$1"
	else
		not_ok "$1"
		if [ -f "$STTY" ]; then
			sed 's/^/# /' "$STTY"
		fi
	fi
}

# The row of the list for young person number N (its text, or nothing).
list_row() {
	screen | grep -E "^. +$1  "
}
