#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/vdir.sh: caseload export --vdir DIR writes one UID.ics file
# per item, only when it changed, removes its own files of items no
# longer due and leaves every other file alone; each item's SEQUENCE goes
# up when it changes.  khal reads the folder as a calendar, and
# python3-icalendar every file.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

vdir=$TEST_DIR/calendars/caseload

# Files of ours in the vdir, and a listing with their contents' sums.
ours() {
	ls "$vdir" | grep -c '@caseload\.ics$' || true
}
sums() {
	(cd "$vdir" && cksum -- *) >"$1"
}

# --- the first export makes the folder and a file per item

umask 022
run export --vdir "$vdir"
check_status 0 "export --vdir DIR"
check_out "says how many files are new, changed and removed" <<EOF
Exported 25 items to the vdir $vdir: 25 new, 0 changed, 0 removed.
EOF
check_true "25 files, each named for its UID" test "$(ours)" = 25
check_true "... every file mode 0600" \
	test "$(stat -c %a "$vdir"/*.ics | sort -u)" = 600
check_true "... in a folder made mode 0700" \
	test "$(stat -c %a "$vdir")" = 700
check_true "each file holds the item its name says" \
	sh -c "for f in '$vdir'/*.ics; do
		u=\$(basename \"\$f\" .ics)
		tr -d '\\r' <\"\$f\" | grep -qx \"UID:\$u\" || exit 1
		test \$(grep -c '^BEGIN:VEVENT' \"\$f\") = 1 || exit 1
	done"
check_true "the same UIDs as export" \
	sh -c "ls '$vdir' | sed 's/\\.ics\$//' | sort >'$TEST_DIR/vdir-uids' &&
	    '$CASELOAD' --db '$DB' --today '$TODAY' export | tr -d '\\r' |
	    sed -n 's/^UID://p' | sort | cmp -s - '$TEST_DIR/vdir-uids'"
check_true "each item's state is recorded" \
	test "$(sql 'SELECT count(*) FROM calendar_items WHERE sequence = 0')" = 25
check_python "python3-icalendar reads every file: one item, SEQUENCE 0" '
import glob, sys, icalendar
files = glob.glob(sys.argv[1] + "/*.ics")
for f in files:
    cal = icalendar.Calendar.from_ical(open(f, "rb").read())
    items = [c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]
    assert len(items) == 1, f
    assert int(items[0].get("sequence")) == 0, f
    assert items[0].get("last-modified") is not None, f
assert len(files) == 25
' "$vdir"

# Files that are not caseload's.
printf 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' >"$vdir/team-1@example.org.ics"
printf 'a note\n' >"$vdir/notes.txt"
sums "$TEST_DIR/sums-1"

# --- the same again: nothing written

run export --vdir "$vdir"
check_status 0 "the same export again"
check_out_has "25 items to the vdir $vdir: 0 new, 0 changed, 0 removed." \
	"... changes nothing"
sums "$TEST_DIR/sums-2"
check_true "... every file as it was" \
	cmp -s "$TEST_DIR/sums-1" "$TEST_DIR/sums-2"

# --- a contact logged: one file changed, with SEQUENCE 1

fixture contact 2 --date "$TODAY" --method visit
run export --vdir "$vdir"
check_out_has "25 items to the vdir $vdir: 0 new, 1 changed, 0 removed." \
	"a contact logged changes one file"
changed=$(grep -l 'SUMMARY:Contact due: B.C. #2' "$vdir"/*.ics)
check_true "... which has SEQUENCE 1 and its new date" \
	sh -c "grep -q '^SEQUENCE:1' '$changed' &&
	    grep -q '^DTSTART;VALUE=DATE:20270122' '$changed'"
check_true "... and the others SEQUENCE 0" \
	test "$(grep -l '^SEQUENCE:0' "$vdir"/*@caseload.ics | wc -l)" = 24
check_true "the new sequence is recorded" \
	test "$(sql 'SELECT count(*) FROM calendar_items WHERE sequence = 1')" = 1
run export
check_true "a file export says SEQUENCE 1 for it too" \
	test "$(tr -d '\r' <"$out" | grep -c '^SEQUENCE:1$')" = 1

# --- archiving removes theirs, and only theirs

fixture archive 1 --reason "moved away"
run export --vdir "$vdir"
check_out_has "21 items to the vdir $vdir: 0 new, 0 changed, 4 removed." \
	"archiving removes their 4 files"
check_true "21 files of ours left" test "$(ours)" = 21
check_true "another program's item is left" \
	test -f "$vdir/team-1@example.org.ics"
check_true "... and any other file" test -f "$vdir/notes.txt"

# --- khal reads the vdir

if command -v khal >/dev/null 2>&1; then
	rm -f "$vdir/notes.txt" "$vdir/team-1@example.org.ics"
	cat >"$TEST_DIR/khal.conf" <<EOF
[calendars]
[[caseload]]
path = $vdir/
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/London
default_timezone = Europe/London
[sqlite]
path = $TEST_DIR/khal.db
EOF
	status=0
	khal -c "$TEST_DIR/khal.conf" list --format '{start-date} {title}' \
	    --day-format '' "$TODAY" 400d >"$out" 2>"$err" || status=$?
	check_status 0 "khal lists the vdir"
	check_true "... all 21 items" test "$(grep -c . "$out")" = 21
	check_out_has "2027-01-22 Contact due: B.C. #2" "... each on its day"
	check_out_lacks "A.K. #1" "... and none of the archived young person's"
else
	skip "khal lists the vdir" "khal is not installed"
fi

# --- a file named as caseload's is removed only when it is

# One caseload never made, and one of its own names holding another
# program's item: both left when the young person's items go.
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:mine@caseload\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
    >"$vdir/mine@caseload.ics"
taken=$(grep -l 'SUMMARY:Contact overdue since .*: A.H. #9' "$vdir"/*.ics)
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:team-2@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
    >"$taken"
fixture archive 9 --reason "moved away"
run export --vdir "$vdir"
check_out_has "18 items to the vdir $vdir: 0 new, 0 changed, 2 removed." \
	"archiving removes only the file that still holds their item"
check_true "a file named as caseload's that it never made is left" \
	test -f "$vdir/mine@caseload.ics"
check_true "... and one of its names holding another item" \
	grep -q 'UID:team-2@example.org' "$taken"

# --- bad input: refused, nothing written

printf 'x\n' >"$TEST_DIR/a-file"
check_refused "--vdir a file" "is not a folder" export --vdir "$TEST_DIR/a-file"
check_refused "--vdir and -o" "not both" export --vdir "$vdir" -o "$TEST_DIR/x.ics"
check_refused "--vdir with no folder" "needs a value" export --vdir
check_refused "--vdir ''" "--vdir needs a folder" export --vdir ""

done_testing
