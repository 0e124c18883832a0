# SPDX-License-Identifier: MIT
# tests/lib.sh: helpers for caseload's command tests, written as TAP.
#
# A test script sources this file, then calls the helpers below; each
# check prints "ok N - what" or "not ok N - what" with a diff as "# "
# lines, and done_testing prints the plan.  Every script runs in its own
# temporary HOME, so it never touches a real caseload.
#
#   run [ARGS...]             run caseload; keeps $out, $err and $status
#   check_status N WHAT       the last run exited with status N
#   check_out WHAT <<EOF      its standard output was exactly this
#   check_expected FILE WHAT  ... was exactly tests/cli/expected/FILE
#   check_err_has TEXT WHAT   its standard error contains TEXT
#   check_out_has TEXT WHAT   its standard output contains TEXT
#   check_out_lacks TEXT WHAT its standard output does not contain TEXT
#   check_true WHAT CMD...    CMD succeeds
#   check_unchanged WHAT      the database is byte for byte as at snapshot
#   check_refused WHAT TEXT ARGS...  bad input: exit 2, TEXT, nothing written
#   check_python WHAT CODE ARGS...   a check written in Python
#   strip_cr, mask_uuids      normalise the last output before comparing
#
# Set CASELOAD_REGEN=1 to rewrite the expected files from the output.

set -u

: "${CASELOAD:?CASELOAD must name the caseload program}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"

TEST_NUMBER=0
TEST_FAILED=0
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/caseload-test.XXXXXX")
trap 'rm -rf "$TEST_DIR"' EXIT

HOME=$TEST_DIR/home
mkdir -p "$HOME"
export HOME
unset XDG_DATA_HOME XDG_CONFIG_HOME CASELOAD_DB CASELOAD_CONFIG \
	CASELOAD_TODAY NO_COLOR
LC_ALL=C.UTF-8
export LC_ALL
TZ=Europe/London
export TZ

# The database and the day the tests treat as today.
DB=$TEST_DIR/caseload.db
TODAY=2026-11-27

out=$TEST_DIR/out
err=$TEST_DIR/err
status=0

ok() {
	TEST_NUMBER=$((TEST_NUMBER + 1))
	printf 'ok %d - %s\n' "$TEST_NUMBER" "$1"
}

not_ok() {
	TEST_NUMBER=$((TEST_NUMBER + 1))
	TEST_FAILED=1
	printf 'not ok %d - %s\n' "$TEST_NUMBER" "$1"
}

skip() {
	TEST_NUMBER=$((TEST_NUMBER + 1))
	printf 'ok %d - %s # SKIP %s\n' "$TEST_NUMBER" "$1" "$2"
}

# Show a file as TAP comments.
diag_file() {
	sed 's/^/# /' "$1"
}

diag_last_run() {
	echo "# status: $status"
	echo "# stdout:"
	diag_file "$out"
	echo "# stderr:"
	diag_file "$err"
}

# run [ARGS...]: caseload with the test database and today.
run() {
	status=0
	"$CASELOAD" --db "$DB" --today "$TODAY" "$@" >"$out" 2>"$err" ||
		status=$?
}

# run_raw [ARGS...]: caseload with nothing added.
run_raw() {
	status=0
	"$CASELOAD" "$@" >"$out" 2>"$err" || status=$?
}

check_status() {
	if [ "$status" -eq "$1" ]; then
		ok "$2"
	else
		not_ok "$2 (exit status $status, expected $1)"
		diag_last_run
	fi
}

check_out() {
	cat >"$TEST_DIR/expected"
	if diff -u "$TEST_DIR/expected" "$out" >"$TEST_DIR/diff"; then
		ok "$1"
	else
		not_ok "$1"
		diag_file "$TEST_DIR/diff"
		echo "# stderr:"
		diag_file "$err"
	fi
}

check_expected() {
	expected=$top_srcdir/tests/cli/expected/$1
	if [ "${CASELOAD_REGEN:-0}" = 1 ]; then
		cp "$out" "$expected"
	fi
	if [ ! -f "$expected" ]; then
		not_ok "$2 (no expected file $1)"
	elif diff -u "$expected" "$out" >"$TEST_DIR/diff"; then
		ok "$2"
	else
		not_ok "$2"
		diag_file "$TEST_DIR/diff"
	fi
}

check_err_has() {
	if grep -qF -- "$1" "$err"; then
		ok "$2"
	else
		not_ok "$2 (standard error lacks: $1)"
		diag_last_run
	fi
}

check_out_has() {
	if grep -qF -- "$1" "$out"; then
		ok "$2"
	else
		not_ok "$2 (standard output lacks: $1)"
		diag_last_run
	fi
}

check_out_lacks() {
	if grep -qF -- "$1" "$out"; then
		not_ok "$2 (standard output has: $1)"
		diag_last_run
	else
		ok "$2"
	fi
}

check_true() {
	what=$1
	shift
	if "$@" >"$TEST_DIR/true.out" 2>&1; then
		ok "$what"
	else
		not_ok "$what"
		diag_file "$TEST_DIR/true.out"
	fi
}

# A bad input: exit status 2, "caseload: " and the given text on standard
# error, and the database byte for byte as before.
check_refused() {
	what=$1
	text=$2
	shift 2
	snapshot
	run "$@"
	if [ "$status" -eq 2 ] && grep -q '^caseload: ' "$err" &&
	    grep -qF -- "$text" "$err" && unchanged; then
		ok "$what"
	else
		not_ok "$what (expected exit 2, 'caseload: ...$text' and no change)"
		diag_last_run
	fi
}

# check_python WHAT CODE [ARGS...]: run Python code with the system's
# python3 (a pyenv python3 may lack its packages); skipped without it.
check_python() {
	what=$1
	shift
	if [ -x /usr/bin/python3 ]; then
		check_true "$what" /usr/bin/python3 -c "$@"
	else
		skip "$what" "no /usr/bin/python3"
	fi
}

# Drop the carriage returns of CSV output, for comparing with here-documents.
strip_cr() {
	tr -d '\r' <"$out" >"$out.tmp" && mv "$out.tmp" "$out"
}

# Replace UUIDs in the output by the word UUID.
mask_uuids() {
	sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/UUID/g' \
		"$out" >"$out.tmp" && mv "$out.tmp" "$out"
}

# snapshot / unchanged: has the database (and its WAL) changed since?
db_sum() {
	cat "$DB" "$DB-wal" 2>/dev/null | cksum
}

snapshot() {
	SNAPSHOT=$(db_sum)
}

unchanged() {
	[ "$(db_sum)" = "$SNAPSHOT" ]
}

check_unchanged() {
	if unchanged; then
		ok "$1"
	else
		not_ok "$1 (the database changed)"
	fi
}

# Ask SQLite directly (the tests' own view of what was stored).
sql() {
	"${SQLITE3_BIN:-sqlite3}" -batch -noheader "$DB" "$@"
}

done_testing() {
	echo "1..$TEST_NUMBER"
	exit $TEST_FAILED
}
