#!/bin/sh
# SPDX-License-Identifier: MIT
# What was agreed: caseload action adds an agreed action (what, who does
# it, by when), --done and --drop close it once; contact --agreed agrees
# actions in the same transaction as the contact.  Open ones show in show,
# the agenda (late ones under Overdue and in agenda --overdue), stats and
# the calendar, where with initials an item says "Agreed action" and
# nothing of what was agreed.  An action's text never reaches an error
# message, CSV or JSON of the lists, a letter or a printed list.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

secret=kingfisherpie
esc=$(printf '\033')

# --- adding

run action Aisha --text "Chase the bus pass" --due 2026-12-12 --date 2026-11-20
check_status 0 "action REF --text --due adds an agreed action"
check_out "it says its number, who and when" <<'EOF'
Agreed action A1 with Aisha Khan on 20/11/2026: the worker, due 12/12/2026.
EOF
check_true "it is stored, open, by the worker, with no contact" \
	test "$(sql "SELECT person_id, contact_id IS NULL, text, who,
    agreed_on, due_on, closed_on IS NULL FROM actions")" = \
	"1|1|Chase the bus pass|worker|2026-11-20|2026-12-12|1"
run action 1 --text "Housing form" --who young-person --due 20/11/2026 \
	--date 01/11/2026
check_out_has "Agreed action A2 with Aisha Khan on 01/11/2026: the young person, due 20/11/2026." \
	"--who says who does it"
run action 1 --text "Ring college" --who "social worker" --due 2026-11-27
check_out_has "Agreed action A3 with Aisha Khan on 27/11/2026: social worker, due 27/11/2026." \
	"agreed today by default, due on the day agreed"
run action 1 --text "Two years on" --due 2028-11-27
check_status 0 "due two years to the day after it was agreed"

# --- bad input: exit 2, nothing written

check_refused "--due is needed" "needs the date it is due" \
	action 1 --text "Book dentist"
check_refused "due before the day agreed" "before the day it was agreed" \
	action 1 --text "Book dentist" --due 2026-11-26
check_refused "due more than two years on" "more than two years" \
	action 1 --text "Book dentist" --due 2028-11-28
check_refused "agreed in the future" "in the future" \
	action 1 --text "Book dentist" --due 2026-12-12 --date 2026-11-28
check_refused "agreed before their birth" "before their date of birth" \
	action 1 --text "Book dentist" --due 2026-12-12 --date 2000-01-01
check_refused "a text of two lines" "one line" action 1 --text "one
two" --due 2026-12-12
check_refused "an empty text" "the action is empty" \
	action 1 --text "  " --due 2026-12-12
check_refused "an empty who" "who does it is empty" \
	action 1 --text "Book dentist" --who "" --due 2026-12-12
check_refused "a who over 60 bytes" "--who" action 1 --text "Book" \
	--who "$(printf '%061d' 0)" --due 2026-12-12
check_refused "a text over 500 bytes" "--text" \
	action 1 --text "$(printf '%0501d' 0)" --due 2026-12-12
check_refused "a bad date" "--due" action 1 --text "Book" --due 2026-02-30
check_refused "saying what to do is needed" "say what to do" action 1
check_refused "one thing at once" "say what to do" \
	action 1 --text "Book" --due 2026-12-12 --done A1
check_refused "--reason is for --drop" "--reason is for --drop" \
	action 1 --done A1 --reason "why"
check_refused "an action they do not have" "young person 1 has no action A9" \
	action 1 --done A9
check_refused "an action of someone else" "young person 2 has no action A1" \
	action 2 --done A1

# --- closing

check_refused "closing before the day agreed" "before the action was agreed" \
	action 1 --done A1 --date 2026-11-19
check_refused "closing in the future" "in the future" \
	action 1 --done A1 --date 2026-11-28
run action 1 --done A1 --date 2026-11-25
check_status 0 "--done AN marks it done"
check_out "it says so" <<'EOF'
Marked action A1 of Aisha Khan done on 25/11/2026; it stays in their record.
EOF
check_refused "closing twice" "action A1 is done already" action 1 --drop A1
run action 1 --drop 4 --reason "Not needed now"
check_out_has "Marked action A4 of Aisha Khan dropped on 27/11/2026" \
	"--drop AN drops it, a plain number too"
check_true "done and dropped are stored with their dates and reason" \
	test "$(sql "SELECT group_concat(closed_as || ' ' || closed_on || ' ' ||
    coalesce(reason, '-'), ';') FROM actions WHERE closed_on IS NOT NULL")" = \
	"done 2026-11-25 -;dropped 2026-11-27 Not needed now"
check_true "an action is never deleted" sh -c "! \
    '${SQLITE3_BIN:-sqlite3}' '$DB' 'DELETE FROM actions WHERE id = 1' 2>/dev/null"
check_true "a closed one is kept as it was" sh -c "! \
    '${SQLITE3_BIN:-sqlite3}' '$DB' \"UPDATE actions SET text = 'x'
    WHERE id = 1\" 2>/dev/null"
check_true "nor opened again" sh -c "! \
    '${SQLITE3_BIN:-sqlite3}' '$DB' \"UPDATE actions SET closed_on = NULL,
    closed_as = NULL WHERE id = 1\" 2>/dev/null"

# --- agreed at a contact

run contact Ben --method visit --agreed "Book the dentist" --who Mum \
	--due 2026-12-01 --agreed "Bring payslips" --due 2026-12-04
check_status 0 "contact --agreed agrees actions with the contact"
check_out "each is said with its number" <<'EOF'
Logged contact 2: visit with Ben Carter on 27/11/2026.
Agreed action A1: Mum, due 01/12/2026.
Agreed action A2: the worker, due 04/12/2026.
Next contact due 22/01/2027.
EOF
check_true "they belong to the contact, agreed on its day" \
	test "$(sql "SELECT group_concat(a.who || ' ' || a.agreed_on || ' ' ||
    (a.contact_id = c.id), ';') FROM actions a JOIN contacts c
    ON c.person_id = 2 AND c.on_date = '2026-11-27' WHERE a.person_id = 2")" = \
	"Mum 2026-11-27 1;worker 2026-11-27 1"
check_refused "--who before any --agreed" "give --agreed TEXT first" \
	contact 3 --who Mum --agreed "x" --due 2026-12-01
check_refused "--due before any --agreed" "give --agreed TEXT first" \
	contact 3 --due 2026-12-01 --agreed "x"
check_refused "an --agreed without --due" "each --agreed needs its --due" \
	contact 3 --agreed "x" --due 2026-12-01 --agreed "y"
check_refused "a bad action refuses the contact too" \
	"agreed action 2: the due date is before" contact 3 --date 2026-11-26 \
	--agreed "x" --due 2026-12-01 --agreed "y" --due 2026-11-20
check_refused "with one, it is named by the option" "--due: the due date" \
	contact 3 --agreed "x" --due 2026-11-20

# --- show

run action 9 --text "Renew the passport" --due 2026-11-26 --date 2026-11-18
run show Aisha
check_expected actions-show.txt "show lists them, open first, with how late"
run show 3
check_out_lacks "Agreed actions" "someone with none has no heading"

# --- agenda, stats, the header's count (views_due_counts via stats)

run agenda --days 7
check_out_has "agreed action due         Aisha Khan: A2 was due 20/11/2026, 7 days ago" \
	"a late action is on the agenda under Overdue"
check_out_has "agreed action due         Aisha Khan: A3" \
	"one due today, on today"
check_out_has "agreed action due         Ben Carter: A1" \
	"one due in the window, on its day"
check_out_lacks "Aisha Khan: A1" "a done action is not"
run agenda --days 3
check_out_lacks "Ben Carter: A2" "nor one due after the window"
run agenda --overdue
check_out_has "action   due 20/11/2026  7 days overdue" \
	"agenda --overdue lists the late ones"
check_out_has "Amira Haddad                  action   due 26/11/2026  1 day overdue" \
	"one day late"
run agenda --format csv --days 7
check_out_has "2026-11-27,action,1,Aisha Khan,2026-11-20,7,overdue,agreed action due" \
	"agenda CSV: kind action, no text"
run stats
check_out_has "Agreed actions  5 open, 2 late" "stats counts open and late"
run stats --format json
check_out_has '"actions_open": 5' "in JSON too"
check_out_has '"actions_late": 2' "late too"
fixture archive 9 --reason "moved away"
run stats
check_out_has "Agreed actions  4 open, 1 late" "archived young people's do not count"
run agenda --overdue
check_out_lacks "Amira" "nor are on the agenda"

# --- the calendar

run export --days 30
check_out_has "SUMMARY:Agreed action · A.K. #1" \
	"with initials an item says 'Agreed action' and initials"
check_out_lacks "Housing form" "and never what was agreed"
check_out_lacks "young-person" "nor who does it"
check_out_has "UID:" "it has a UID"
check_true "one item per open action in the window, with a UID of its number" \
	test "$(grep -c 'action-[0-9]*@caseload' "$out")" = 4
run export --days 30 --privacy full
check_python "python's icalendar reads it; with full names it says what and who" '
import sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], "rb").read())
s = [str(e.get("summary")) for e in cal.walk("VEVENT")]
assert sum(1 for x in s if x.startswith("Agreed action")) == 4, s
assert "Agreed action \u00b7 Aisha Khan (Ash) #1: Housing form (the young person)" in s, s
' "$out"
mkdir "$TEST_DIR/vdir"
run export --vdir "$TEST_DIR/vdir" --days 30
check_true "a vdir has a file per open action" \
	test "$(ls "$TEST_DIR/vdir" | grep -c -- '-action-')" = 4
fixture action 1 --done A2
run export --vdir "$TEST_DIR/vdir" --days 30
check_true "a closed action's file is removed" \
	test "$(ls "$TEST_DIR/vdir" | grep -c -- '-action-')" = 3

# --- a handover file carries the actions whole

run handover export Aisha Ben -o "$TEST_DIR/out.caseload"
check_status 0 "handover export"
check_true "the file holds every action, closed ones too" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/out.caseload" \
    "SELECT count(*), sum(closed_on IS NOT NULL), sum(contact_id IS NOT NULL)
    FROM actions")" = "6|3|2"
# tamper SQL: run SQL on the copy, past the trigger that keeps actions.
tamper() {
	cp "$TEST_DIR/out.caseload" "$TEST_DIR/bad.caseload"
	trigger=$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/bad.caseload" \
	    "SELECT sql FROM sqlite_schema WHERE name = 'actions_fixed'")
	"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/bad.caseload" \
	    "PRAGMA ignore_check_constraints = ON; DROP TRIGGER actions_fixed;
	    $1; $trigger;"
}
tamper "UPDATE actions SET due_on = '2031-01-01' WHERE text = 'Bring payslips'"
MAIN=$DB
DB=$TEST_DIR/other.db
check_refused "a tampered due date is refused" \
	"young person 2 in the file, action A2: the due date is more than two years" \
	handover import "$TEST_DIR/bad.caseload"
check_true "the refusal gives no text" sh -c "! grep -q 'payslips' '$err'"
tamper "UPDATE actions SET closed_as = 'lost' WHERE closed_as = 'done'"
check_refused "a closing caseload never writes is refused" \
	"a value in their agreed actions is not one caseload writes" \
	handover import "$TEST_DIR/bad.caseload"
tamper "UPDATE actions SET contact_id = (SELECT min(id) FROM contacts
    WHERE person_id = 1) WHERE text = 'Bring payslips'"
check_refused "an action at someone else's contact is refused" \
	"a value in their agreed actions is not one caseload writes" \
	handover import "$TEST_DIR/bad.caseload"
tamper "UPDATE actions SET closed_on = '2026-11-01' WHERE closed_as = 'done'
    AND text = 'Chase the bus pass'"
check_refused "an action closed before it was agreed is refused" \
	"young person 1 in the file, the closing of action A1: the date is before" \
	handover import "$TEST_DIR/bad.caseload"
tamper "UPDATE actions SET text = 'Ring' || char(10) || 'twice'
    WHERE text = 'Ring college'"
check_refused "an action's text on two lines is refused" \
	"young person 1 in the file, action A3:" \
	handover import "$TEST_DIR/bad.caseload"
run handover import "$TEST_DIR/out.caseload"
check_status 0 "handover import"
check_true "the actions arrive whole, numbered as they were" \
	test "$(sql "SELECT group_concat(p.name || ' ' || a.text || ' ' ||
    a.who || ' ' || a.due_on || ' ' || coalesce(a.closed_as, 'open'), ';')
    FROM actions a JOIN people p ON p.id = a.person_id")" = \
	"Aisha Khan Chase the bus pass worker 2026-12-12 done;Aisha Khan Housing form young-person 2026-11-20 done;Aisha Khan Ring college social worker 2026-11-27 open;Aisha Khan Two years on worker 2028-11-27 dropped;Ben Carter Book the dentist Mum 2026-12-01 open;Ben Carter Bring payslips worker 2026-12-04 open"
check_true "with the contact they were agreed at" \
	test "$(sql "SELECT count(*) FROM actions a JOIN contacts c
    ON c.id = a.contact_id AND c.person_id = a.person_id
    AND c.on_date = a.agreed_on")" = 2
run check
check_status 0 "the caseload is sound"
DB=$MAIN

# --- privacy: text and who planted with an escape sequence and a word

sql "INSERT INTO actions (person_id, text, who, agreed_on, due_on)
    VALUES (5, 'Call' || char(27) || '[2J $secret' || char(27) ||
    ']0;pwned' || char(7), 'Aunt' || char(27) || '[31m$secret',
    '2026-11-27', '2026-12-02')"
run show Jordan
check_out_has "Call\\x1b[2J $secret" "show gives the text, escaped"
check_true "show writes no raw escape" sh -c "! grep -q '$esc' '$out'"
leaks() {
	grep -l "$secret" "$@" 2>/dev/null
}
for args in "list --format csv" "list --format json" "due --format csv" \
    "due --format json" "agenda --format csv" "agenda --format json" \
    "agenda --days 400" "agenda --overdue" "due --within 400" "list --all" \
    "card" "letters --within 400" "letters --format csv --within 400" \
    "letters --format json --within 400" "stats" "stats --format json" \
    "export --privacy initials" "action Jordan --done A9" \
    "action Jordan --text x --due 2020-01-01" \
    "contact Jordan --agreed x --due 2020-01-01"; do
	# shellcheck disable=SC2086
	run $args
	if leaks "$out" "$err" >/dev/null; then
		not_ok "caseload $args never gives an action's text"
		diag_last_run
	else
		ok "caseload $args never gives an action's text"
	fi
	if grep -q "$esc" "$out" "$err"; then
		not_ok "caseload $args writes no raw escape"
	else
		ok "caseload $args writes no raw escape"
	fi
done
run export --privacy full
check_true "a full calendar writes no raw escape" sh -c "! grep -q '$esc' '$out'"
PRINTED=$TEST_DIR/printed.txt
printf '[letters]\nprint_command = cat > %s\n' "$PRINTED" >"$TEST_DIR/print.ini"
run --config "$TEST_DIR/print.ini" due --print --within 400
check_true "a printed list never gives an action's text" \
	sh -c "test -s '$PRINTED' && ! grep -q '$secret' '$PRINTED'"
run action Jordan --text "Call $secret back" --due 2020-01-01
check_true "a refusal never repeats the text" \
	sh -c "! grep -q '$secret' '$err'"

# --- a database of schema 8, with notes and flags, migrates to 9

DB=$TEST_DIR/old.db
rm -f "$DB"
fixture add --name "Kai Old" --dob 2006-05-05 --allocated 2026-01-01
fixture note 1 --text "Likes to be called Kai"
fixture flag 1 --kind other --note "keep"
sql <"$top_srcdir/tests/cli/schema10.sql"
sql <"$top_srcdir/tests/cli/schema9.sql"
sql <"$top_srcdir/tests/cli/schema8.sql"
check_true "the database is now of schema 8" \
	test "$(sql 'PRAGMA user_version')" = 8
run action 1 --text "Send the form" --due 2026-12-10
check_status 0 "an action on a schema 8 database"
check_true "migrates it to schema 11" test "$(sql 'PRAGMA user_version')" = 11
check_true "with the notes and flags kept" \
	test "$(sql "SELECT (SELECT text FROM notes) || '|' ||
    (SELECT note FROM flags)")" = "Likes to be called Kai|keep"
check_true "and the action stored" \
	test "$(sql "SELECT text FROM actions")" = "Send the form"
run check
check_out_has "ok (schema 11, 1 young person)" "the migrated caseload is sound"

# --- someone archived: the action is kept, and the worker hears that
# nothing will bring it up

run add --name "Zara Gone" --dob 2006-06-06
run archive "Zara Gone" --reason "moved away"
run action "Zara Gone" --text "Post the leaving pack" --due 2026-12-12
check_status 0 "an action with someone archived is kept"
check_err_has "Zara Gone is archived: the action is kept in their record, but the agenda, the calendar and the counts leave it out" \
	"... and the worker is told the agenda and calendar leave it out"
check_true "it is stored" test "$(sql "SELECT count(*) FROM actions a
    JOIN people p ON p.id = a.person_id WHERE p.name = 'Zara Gone'")" = 1
run agenda --days 60
check_out_lacks "Zara Gone" "... and the agenda leaves it out, as it said"

done_testing
