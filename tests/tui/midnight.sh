#!/bin/sh
# SPDX-License-Identifier: MIT
# The screens left open over midnight move on to the new day.  The clock
# is moved under the running caseload with libfaketime (its offset is read
# from a file on every call), so no --today is given: the day is the
# clock's, as it is for a worker.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

faketime_lib=
for f in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
	[ -f "$f" ] && faketime_lib=$f && break
done
if [ -z "$faketime_lib" ] || ! date -d '2026-11-27 23:59:40' +%s >/dev/null 2>&1; then
	echo "1..0 # SKIP libfaketime (Debian: faketime) or GNU date not installed"
	exit 0
fi

# A build with AddressSanitizer refuses a library preloaded before its own
# (or, built with clang, hangs as it starts): skip such a build.
if grep -q __asan_init "$CASELOAD" 2>/dev/null ||
    ! timeout 10 env LD_PRELOAD="$faketime_lib" "$CASELOAD" --version \
    >/dev/null 2>&1; then
	echo "1..0 # SKIP caseload does not run with libfaketime preloaded (a sanitizer build?)"
	exit 0
fi

clock=$TEST_DIR/clock
# set_clock TIME: the faked clock reads TIME now, and goes on from there.
set_clock() {
	offset=$(($(date -d "$1" +%s) - $(date +%s)))
	if [ "$offset" -ge 0 ]; then
		echo "+${offset}s" >"$clock.new"
	else
		echo "${offset}s" >"$clock.new"
	fi
	mv "$clock.new" "$clock"
}

set_clock "2026-11-27 23:59:40"
check_true "the faked clock works" env LD_PRELOAD="$faketime_lib" \
	FAKETIME_TIMESTAMP_FILE="$clock" FAKETIME_NO_CACHE=1 \
	sh -c 'test "$(date +%F)" = 2026-11-27'

TUI_CLOCK=1
TUI_ENV="LD_PRELOAD=$faketime_lib FAKETIME_TIMESTAMP_FILE=$clock FAKETIME_NO_CACHE=1"
tui_start
check_screen "27/11/2026 · 7/22 stepped up · 3 contacts, 4 reviews, 1 letter overdue" \
	"the header shows the clock's day, and 3 contacts overdue"
check_screen "~  4  Nguyễn Thị Hà" "Nguyễn Thị Hà is due today: due soon"

set_clock "2026-11-28 00:00:05"
check_screen "It is 28/11/2026 now: the lists are judged for the new day." \
	"after midnight the screen says the day moved on, with no key pressed"
check_screen "28/11/2026 · 7/22 stepped up · 4 contacts, 4 reviews, 1 letter overdue" \
	"the header shows the new day, and 4 contacts overdue"
check_screen "!  4  Nguyễn Thị Hà" "Nguyễn Thị Hà is overdue now"
check_screen_lacks "~  4  Nguyễn Thị Hà" "and no longer shown as due soon"

# A dialog opened on the new day offers the new date.
keys c
wait_for "Log a contact with"
date_field() { screen | grep "Date" | grep -q "28/11/2026"; }
if tui_poll date_field; then
	ok "the log-a-contact dialog offers the new day"
else
	not_ok "the log-a-contact dialog offers the new day"
	screen | sed 's/^/# |/'
fi
keys Escape
keys q
check_exit 0 "q quits"
done_testing
