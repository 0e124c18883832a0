#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/interop/python-icalendar.sh: the exported calendar as the Python
# icalendar library reads it (Debian's python3-icalendar, which loads
# under /usr/bin/python3 and not under another python3 on the PATH).
. "$top_srcdir/tests/lib.sh"

PYTHON=/usr/bin/python3
if ! "$PYTHON" -c 'import icalendar' 2>/dev/null; then
	echo "1..0 # SKIP python3-icalendar is not installed"
	exit 0
fi
. "$top_srcdir/tests/cli/fixture.sh"

# check.py FILE [todo]: parse FILE strictly, check every component, and
# print each item as "YYYY-MM-DD SUMMARY" (DUE for a to-do).
export TODAY
cat >"$TEST_DIR/check.py" <<'EOF'
import datetime
import os
import sys

import icalendar

path = sys.argv[1]
todo = len(sys.argv) > 2
today = datetime.date.fromisoformat(os.environ["TODAY"])
problems = []
raw = open(path, "rb").read()
cal = icalendar.Calendar.from_ical(raw)
if "caseload" not in str(cal.get("prodid")):
    problems.append("PRODID does not name caseload")
if str(cal.get("version")) != "2.0":
    problems.append("VERSION is not 2.0")
if str(cal.get("x-wr-calname")) != "caseload" or \
        str(cal.get("name")) != "caseload":
    problems.append("the calendar is not named caseload")
items = []
uids = set()
for comp in cal.walk():
    if comp.errors:
        problems.append("%s: %s" % (comp.name, comp.errors))
    if comp.name not in ("VEVENT", "VTODO"):
        continue
    uid = str(comp.get("uid"))
    summary = str(comp.get("summary"))
    if uid in uids:
        problems.append("UID %s twice" % uid)
    uids.add(uid)
    if not isinstance(comp.get("dtstamp").dt, datetime.datetime):
        problems.append("%s: no DTSTAMP time" % uid)
    elif comp.get("dtstamp").dt.utcoffset() != datetime.timedelta(0):
        problems.append("%s: DTSTAMP is not UTC" % uid)
    if comp.get("sequence") is None or int(comp.get("sequence")) < 0:
        problems.append("%s: no SEQUENCE" % uid)
    if comp.get("last-modified") is None or \
            comp.get("last-modified").dt != comp.get("dtstamp").dt:
        problems.append("%s: LAST-MODIFIED is not DTSTAMP" % uid)
    if "\n" in summary or "\r" in summary:
        problems.append("%s: SUMMARY on several lines" % uid)
    if not str(comp.get("description")):
        problems.append("%s: no DESCRIPTION" % uid)
    if comp.name == "VEVENT":
        start, end = comp.get("dtstart").dt, comp.get("dtend").dt
        if isinstance(start, datetime.datetime) or \
                isinstance(end, datetime.datetime):
            problems.append("%s: not all day" % uid)
        elif end - start != datetime.timedelta(days=1):
            problems.append("%s: not one day long" % uid)
        day = start
    else:
        if "dtstart" in comp:
            problems.append("%s: a to-do with DTSTART" % uid)
        day = comp.get("due").dt
        if isinstance(day, datetime.datetime):
            problems.append("%s: DUE is not a date" % uid)
    kind = uid.split("@")[0][37:]
    alarms = comp.walk("VALARM")
    # A reminder at 09:00 the day before, unless that is already past
    # (an item overdue, or due today).
    if kind in ("contact", "letter") and "overdue" not in summary and \
            day - datetime.timedelta(days=1) >= today:
        if len(alarms) != 1:
            problems.append("%s: %d alarms" % (uid, len(alarms)))
        for alarm in alarms:
            if str(alarm.get("action")) != "DISPLAY":
                problems.append("%s: alarm not DISPLAY" % uid)
            if not str(alarm.get("description")):
                problems.append("%s: alarm without DESCRIPTION" % uid)
            if alarm.get("trigger").dt != -datetime.timedelta(hours=15):
                problems.append("%s: alarm not 09:00 the day before" % uid)
    elif alarms:
        problems.append("%s: an alarm on a %s on %s" % (uid, kind, day))
    items.append("%s %s" % (day.isoformat(), summary))
if todo != any(c.name == "VTODO" for c in cal.walk()):
    problems.append("to-dos where none were asked for, or none")
for p in problems:
    print("problem: " + p)
for line in sorted(items):
    print(line)
sys.exit(1 if problems else 0)
EOF

# The fixture: every item on its day, as the client reads it.
run export -o "$TEST_DIR/fixture.ics"
check_status 0 "export the fixture"
status=0
"$PYTHON" "$TEST_DIR/check.py" "$TEST_DIR/fixture.ics" >"$out" 2>"$err" ||
	status=$?
check_status 0 "python3-icalendar reads it with no problem"
check_expected export-items.txt "each item on its day with its summary"

# Full names with quotes, commas and any script come back as they were.
run export --privacy full -o "$TEST_DIR/full.ics"
status=0
"$PYTHON" "$TEST_DIR/check.py" "$TEST_DIR/full.ics" >"$out" 2>"$err" ||
	status=$?
check_status 0 "full names: no problem"
check_out_has "2026-11-27 Contact overdue since 08/09/2026: Ellie-Mae \"Ells\" O'Connor, Jr. #11" \
	"a name with quotes and a comma"
check_out_has "2026-12-10 25th birthday: 李明 (Ming) #8" "a name in Chinese"
check_out_has "2027-01-15 Contact due: Zoë Ñúñez #3" "a name with accents"

# To-dos.
printf '[calendar]\ncontacts_as = todo\n' >"$TEST_DIR/todo.ini"
run --config "$TEST_DIR/todo.ini" export -o "$TEST_DIR/todo.ics"
status=0
"$PYTHON" "$TEST_DIR/check.py" "$TEST_DIR/todo.ics" todo >"$out" 2>"$err" ||
	status=$?
check_status 0 "contacts as to-dos: no problem"
check_expected export-items.txt "... each on its DUE date"

# The demo caseload.
run_raw --demo --today "$TODAY" export -o "$TEST_DIR/demo.ics"
check_status 0 "export the demo caseload"
status=0
"$PYTHON" "$TEST_DIR/check.py" "$TEST_DIR/demo.ics" >"$out" 2>"$err" ||
	status=$?
check_status 0 "python3-icalendar reads the demo with no problem"
check_true "... all its items" \
	test "$(wc -l <"$out")" = "$(grep -c '^BEGIN:VEVENT' "$TEST_DIR/demo.ics")"

done_testing
