#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/export.sh: caseload export writes the agenda as an iCalendar
# file: to -o FILE (whole, mode 0600) or standard output, with initials
# unless full names are asked for, and refuses bad options.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

ics=$TEST_DIR/caseload.ics

# The lines of a calendar file without their CR, DTSTAMP and
# LAST-MODIFIED masked.
plain() {
	tr -d '\r' <"$1" | sed 's/^DTSTAMP:.*/DTSTAMP:(now)/;
	    s/^LAST-MODIFIED:.*/LAST-MODIFIED:(now)/'
}

# Every line of a file ends with CR LF, and the file with a line end.
crlf_only() {
	[ -s "$1" ] && [ "$(tail -c 2 "$1" | od -An -c | tr -d ' ')" = '\r\n' ] &&
	    awk '!/\r$/ { bad = 1 } END { exit bad }' "$1"
}

# How many lines of a file match a fixed string.
count() {
	grep -cF -- "$1" "$2" || true
}

# --- to a file

umask 022
run export -o "$ics"
check_status 0 "export -o FILE"
check_out "says how many items and where" <<EOF
Exported 25 items to $ics.
EOF
check_true "the file is mode 0600" test "$(stat -c %a "$ics")" = 600
check_true "it starts as a calendar" \
	sh -c "printf 'BEGIN:VCALENDAR\\r\\n' | cmp -s -n 17 - '$ics'"
check_true "every line ends with CRLF" crlf_only "$ics"
check_true "25 all-day events" \
	test "$(count 'BEGIN:VEVENT' "$ics")" = 25 -a \
	    "$(count 'DTSTART;VALUE=DATE:' "$ics")" = 25 -a \
	    "$(count 'DTEND;VALUE=DATE:' "$ics")" = 25
check_true "a DTSTAMP on every item" \
	test "$(grep -c '^DTSTAMP:[0-9]\{8\}T[0-9]\{6\}Z' "$ics")" = 25
# Of 7 contacts and 2 letters, 3 contacts and a letter are not overdue
# nor due today: their reminder, at 09:00 the day before, is still to
# come; the others' would be in the past.
check_true "an alarm on each contact (3) and letter (1) still to come" \
	test "$(count 'BEGIN:VALARM' "$ics")" = 4 -a \
	    "$(count 'ACTION:DISPLAY' "$ics")" = 4 -a \
	    "$(count 'TRIGGER:-PT15H' "$ics")" = 4
check_true "a SEQUENCE and LAST-MODIFIED on every item" \
	test "$(grep -c '^SEQUENCE:0' "$ics")" = 25 -a \
	    "$(grep -c '^LAST-MODIFIED:[0-9]\{8\}T[0-9]\{6\}Z' "$ics")" = 25
check_true "the calendar is named (NAME, X-WR-CALNAME)" \
	sh -c "grep -q '^NAME:caseload' '$ics' &&
	    grep -q '^X-WR-CALNAME:caseload' '$ics'"
check_true "PRODID names caseload and its version" \
	grep -q "^PRODID:.*caseload.*$("$CASELOAD" --version | cut -d' ' -f2)" "$ics"

plain "$ics" >"$out"
check_out_has "SUMMARY:Contact overdue since 28/10/2026: A.K. #1" \
	"an overdue contact says since when"
check_true "... and is placed on today, one day long" \
	sh -c "grep -B 6 'SUMMARY:Contact overdue since 28/10/2026: A.K. #1' '$out' |
	    grep -q '^DTSTART;VALUE=DATE:20261127' &&
	    grep -B 6 'SUMMARY:Contact overdue since 28/10/2026: A.K. #1' '$out' |
	    grep -q '^DTEND;VALUE=DATE:20261128'"
check_true "a contact due soon is on its day" \
	sh -c "grep -B 6 'SUMMARY:Contact due: B.C. #2' '$out' |
	    grep -q '^DTSTART;VALUE=DATE:20261130'"
check_out_has "SUMMARY:Annual letter overdue since 01/11/2026: J.L. #5" \
	"an overdue letter"
check_out_has "SUMMARY:Annual letter due: G.O. #7" "a letter to come"
check_out_has "SUMMARY:Pathway plan review due: A.K. #1" "a review"
check_out_has "SUMMARY:18th birthday: B.C. #2" "an 18th birthday"
check_out_has "SUMMARY:25th birthday: P.M. #6" "a 25th birthday"
check_out_has "DESCRIPTION:P.M. #6 turns 25: leaving care" \
	"what the birthday means"
check_out_lacks "turns 25 on" "with initials, a birthday does not say its date"
check_true "nor does any birthday's text hold a date" \
	sh -c "! tr -d '\r' <'$out' | grep -A1 -E '^(SUMMARY|DESCRIPTION):.*(birthday|turns)' |
	    grep -qE '[0-9]{2}/[0-9]{2}/[0-9]{4}|[0-9]{4}-[0-9]{2}'"
check_out_lacks "#10" "nothing for an archived young person"
for word in Aisha Khan Ash Carter Zoë Ñúñez Nguyễn Ming 李明 Ells; do
	check_out_lacks "$word" "initials only: no '$word'"
done
for secret in Station LS1 07700 bursary "Not in" "wrong young person"; do
	check_out_lacks "$secret" "no notes or addresses: no '$secret'"
done

# Exporting again replaces the file whole and leaves nothing beside it.
echo "an older calendar" >"$ics"
chmod 644 "$ics"
umask 000
run export -o "$ics"
umask 022
check_status 0 "export -o over an older file"
check_true "... replaces it, mode 0600 whatever the umask" \
	sh -c "test \"\$(stat -c %a '$ics')\" = 600 && ! grep -q older '$ics'"
check_true "... and leaves no temporary file" \
	test "$(ls "$TEST_DIR" | grep -c '^caseload.ics')" = 1
run export --output "$TEST_DIR/long.ics"
check_status 0 "export --output FILE"

# --- to standard output

run export
check_status 0 "export to standard output"
plain "$out" >"$TEST_DIR/stdout.ics"
plain "$ics" >"$TEST_DIR/file.ics"
check_true "the same calendar as the file" \
	cmp "$TEST_DIR/stdout.ics" "$TEST_DIR/file.ics"
check_out_lacks "Exported" "no message in the calendar"
run export -o -
check_true "-o - is standard output" grep -q '^BEGIN:VCALENDAR' "$out"

# --- privacy

run export --privacy full
check_out_has "SUMMARY:Contact overdue since 28/10/2026: Aisha Khan (Ash) #1" \
	"--privacy full: names"
check_out_lacks "Station" "--privacy full: still no address"
check_out_lacks "bursary" "--privacy full: still no notes"
check_out_has "DESCRIPTION:Precious Mensah #6 turns 25 on 01/03/2027" \
	"--privacy full: a birthday says its date"
tr -d '\r' <"$out" | grep '^UID:' | sort >"$TEST_DIR/uids-full"
run export
tr -d '\r' <"$out" | grep '^UID:' | sort >"$TEST_DIR/uids-initials"
check_true "privacy does not change the UIDs" \
	cmp "$TEST_DIR/uids-full" "$TEST_DIR/uids-initials"
check_true "every UID is unique" \
	test "$(uniq "$TEST_DIR/uids-initials" | wc -l)" = 25
check_true "UIDs are made of a UUID and the kind" \
	test "$(grep -cE '^UID:[0-9a-f-]{36}-(contact|letter|review|birthday-(18|21|25)|return-(17|18|19|20|21))@caseload$' \
	    "$TEST_DIR/uids-initials")" = 25

printf '[calendar]\nprivacy = full\n' >"$TEST_DIR/full.ini"
run --config "$TEST_DIR/full.ini" export
check_out_has "Aisha Khan (Ash) #1" "[calendar] privacy = full"
run --config "$TEST_DIR/full.ini" export --privacy initials
check_out_lacks "Aisha" "--privacy initials overrides the setting"

# --- the same UIDs after a contact is logged, with the new date

plain "$ics" >"$TEST_DIR/before"
fixture contact 2 --date 2026-11-27 --method visit
run export -o "$ics"
plain "$ics" >"$TEST_DIR/after"
uid=$(grep -B 8 'SUMMARY:Contact due: B.C. #2' "$TEST_DIR/before" |
	grep '^UID:')
check_true "a logged contact keeps its UID ..." \
	sh -c "grep -A 8 -xF '$uid' '$TEST_DIR/after' |
	    grep -q '^DTSTART;VALUE=DATE:20270122'"
check_true "... and nothing else moves" \
	test "$(grep -c '^UID:' "$TEST_DIR/after")" = 25
check_true "... and SEQUENCE 1, the one item changed since the last export" \
	test "$(grep -c '^SEQUENCE:1$' "$TEST_DIR/after")" = 1
check_true "... recorded by the export" \
	test "$(sql "SELECT count(*) FROM calendar_items WHERE sequence = 1")" = 1
run export -o "$ics"
check_true "the next export says SEQUENCE 1 again, not 2" \
	test "$(plain "$ics" | grep -c '^SEQUENCE:1$')" = 1 -a \
	    "$(plain "$ics" | grep -c '^SEQUENCE:2$')" = 0
snapshot
run export
check_status 0 "an export to standard output"
check_unchanged "... records nothing"
if [ "$(id -u)" != 0 ]; then
	chmod 444 "$DB"
	snapshot
	run export -o "$TEST_DIR/ro.ics"
	check_status 0 "a database that cannot be written still exports"
	check_err_has "SEQUENCE was not recorded" "... saying it recorded nothing"
	check_unchanged "... and changing nothing"
	chmod 644 "$DB"
else
	ok "a database that cannot be written # SKIP running as root"
	ok "... saying it recorded nothing # SKIP running as root"
	ok "... and changing nothing # SKIP running as root"
fi

# --- --days

run export --days 30
check_out_has "25th birthday: 李. #8" "--days 30 keeps 10/12/2026"
check_out_lacks "25th birthday: P.M. #6" "--days 30 leaves out 01/03/2027"
run export --days 1
check_true "--days 1: only today" \
	test "$(tr -d '\r' <"$out" | grep '^DTSTART' | sort -u)" = \
	    "DTSTART;VALUE=DATE:20261127"

# --- contacts as to-dos

printf '[calendar]\ncontacts_as = todo\nalarm_days_before = 3\n' \
	>"$TEST_DIR/todo.ini"
run --config "$TEST_DIR/todo.ini" export
check_status 0 "contacts_as = todo"
tr -d '\r' <"$out" >"$TEST_DIR/todo.ics"
check_true "contacts are to-dos, the rest events" \
	test "$(count 'BEGIN:VTODO' "$TEST_DIR/todo.ics")" = 7 -a \
	    "$(count 'BEGIN:VEVENT' "$TEST_DIR/todo.ics")" = 18
check_true "a to-do has a DUE date and no DTSTART" \
	sh -c "sed -n '/^BEGIN:VTODO/,/^END:VTODO/p' '$TEST_DIR/todo.ics' >'$TEST_DIR/todos' &&
	    ! grep -q '^DTSTART' '$TEST_DIR/todos' &&
	    test \$(grep -c '^DUE;VALUE=DATE:' '$TEST_DIR/todos') = 7 &&
	    grep -q '^DUE;VALUE=DATE:20270115' '$TEST_DIR/todos'"
check_true "its alarm is at 09:00, 3 days before the DUE date" \
	test "$(count 'TRIGGER;RELATED=END:-P2DT15H' "$TEST_DIR/todo.ics")" = 3
check_true "letters keep their alarm, 3 days before" \
	test "$(count 'TRIGGER:-P2DT15H' "$TEST_DIR/todo.ics")" = 1
printf '[calendar]\nalarm_time = 13:30\nalarm_days_before = 0\n' \
	>"$TEST_DIR/noon.ini"
run --config "$TEST_DIR/noon.ini" export
# On the day: N.T.H.'s contact, due today, has one too.
check_true "[calendar] alarm_time = 13:30 on the day" \
	test "$(tr -d '\r' <"$out" | grep -c '^TRIGGER:PT13H30M$')" = 5

# --- bad input: nothing written

check_refused "--days 0" "--days" export --days 0 -o "$TEST_DIR/x.ics"
check_refused "--days 3661" "--days" export --days 3661
check_refused "--days abc" "--days" export --days abc
check_refused "--privacy bogus" "use initials or full" export --privacy bogus
check_refused "-o into a missing folder" "folder does not exist" \
	export -o "$TEST_DIR/missing/cal.ics"
check_refused "-o a folder" "is a folder" export -o "$TEST_DIR"
check_refused "-o with no file" "needs a value" export -o
check_refused "an operand" "takes no young person" export 1
check_refused "an unknown option" "not an option of export" export --bogus
check_true "nothing was written for them" \
	sh -c "! ls '$TEST_DIR' | grep -q -e '^x.ics' -e '^missing'"
run_raw --db "$TEST_DIR/new/caseload.db" --today "$TODAY" export \
	-o "$TEST_DIR/missing/cal.ics"
check_status 2 "a missing folder is found before the database is made"
check_true "... so no database was made" test ! -e "$TEST_DIR/new"

if [ "$(id -u)" != 0 ]; then
	mkdir "$TEST_DIR/ro"
	chmod 555 "$TEST_DIR/ro"
	run export -o "$TEST_DIR/ro/cal.ics"
	check_status 1 "a folder that cannot be written: exit 1"
	check_err_has "caseload: export: cannot write" "... and says so"
	chmod 755 "$TEST_DIR/ro"
else
	ok "a folder that cannot be written # SKIP running as root"
	ok "... and says so # SKIP running as root"
fi

if [ -w /dev/full ]; then
	status=0
	"$CASELOAD" --db "$DB" --today "$TODAY" export >/dev/full 2>"$err" ||
		status=$?
	check_status 1 "a full disk on standard output: exit 1"
	check_true "... said once" test "$(wc -l <"$err")" = 1
	check_err_has "caseload: export: cannot write the calendar: No space" \
		"... saying why"
else
	ok "a full disk # SKIP no /dev/full"
	ok "... said once # SKIP no /dev/full"
	ok "... saying why # SKIP no /dev/full"
fi

# --- help and the demo

run export --help
check_out_has "usage: caseload export [-o FILE.ics | --vdir DIR] [--days N] [--privacy full|initials]" \
	"export --help"
run_raw --demo --today "$TODAY" export -o "$TEST_DIR/demo.ics"
check_status 0 "the demo caseload exports"
check_true "... with its items" \
	test "$(count 'BEGIN:VEVENT' "$TEST_DIR/demo.ics")" -gt 20

done_testing
