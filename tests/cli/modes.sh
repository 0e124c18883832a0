#!/bin/sh
# SPDX-License-Identifier: MIT
# Every file caseload creates is mode 0600, and every folder 0700,
# whatever the umask: the database, its daily and other backups, the
# calendar, letters and handover files.
. "$(dirname "$0")/../lib.sh"

umask 000
# The default folders (made 0700 whatever the umask) are tested in
# basics.sh; a path given with --db must have its folder already.
mkdir -p "$TEST_DIR/new/folder"
chmod 700 "$TEST_DIR/new" "$TEST_DIR/new/folder"
DB=$TEST_DIR/new/folder/caseload.db
. "$top_srcdir/tests/cli/fixture.sh"
printf '[worker]\nname = Sam Taylor\n' >"$TEST_DIR/w.ini"
# The day's backup is made by the first command of the day that writes,
# named by the clock (none is made with --today).
clock_day=$(date +%Y-%m-%d)
"$CASELOAD" --db "$DB" contact 1 --attempted >/dev/null 2>&1
run backup "$TEST_DIR/copy.db"
run export -o "$TEST_DIR/cal.ics"
run --config "$TEST_DIR/w.ini" letters write "$TEST_DIR/letters"
run handover export 1 -o "$TEST_DIR/aisha.handover"
run restore "$TEST_DIR/copy.db"

check_mode() { # check_mode MODE FILE...
	mode=$1
	shift
	for f in "$@"; do
		if [ -e "$f" ] && [ "$(stat -c %a "$f")" = "$mode" ]; then
			ok "${f#$TEST_DIR/} is mode $mode"
		else
			not_ok "${f#$TEST_DIR/} is mode $mode (it is $(stat -c %a "$f" 2>/dev/null || echo missing))"
		fi
	done
}
check_mode 600 "$DB" "$TEST_DIR/new/folder/backups/caseload-$clock_day.db" \
	"$TEST_DIR/copy.db" "$TEST_DIR/cal.ics" "$TEST_DIR/aisha.handover" \
	"$TEST_DIR"/new/folder/backups/caseload-before-restore-*.db \
	"$TEST_DIR"/letters/*.txt
check_mode 700 "$TEST_DIR/new/folder/backups" "$TEST_DIR/letters"
for f in "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] && check_mode 600 "$f"
done
check_true "no temporary file is left behind" \
	sh -c "! find '$TEST_DIR' -name '*.XXXXXX' -o -name '*.tmp*' | grep -q ."
done_testing
