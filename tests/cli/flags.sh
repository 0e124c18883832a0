#!/bin/sh
# SPDX-License-Identifier: MIT
# Safety flags: caseload flag sets, changes and ends one (kept as
# history); show gives their kind and note, the lists a marker beside the
# name; and a flag's note never leaves caseload except in show and a
# handover file: not in a calendar, a letter, CSV or JSON, a printout, the
# card or an error message.  A contact's place and whether the young
# person was seen alone.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

secret=zebrafinch
esc=$(printf '\033')

# A write the database's own triggers refuse: sqlite3 fails, and its
# error is the trigger's message (not a missing sqlite3 or a typo).
check_trigger() {
	if "${SQLITE3_BIN:-sqlite3}" -batch "$DB" "$3" >"$out" 2>"$err"; then
		not_ok "$1"
		echo "# sqlite3 ran: $3"
	elif grep -qF "$2" "$err"; then
		ok "$1"
	else
		not_ok "$1"
		echo "# expected the trigger's message: $2"
		diag_file "$err"
	fi
}

# --- setting, changing and ending

run flag Aisha --kind marac --note "Conference on 03/12" --date 2026-11-01
check_status 0 "flag REF --kind sets a flag"
check_out "it says which, with the marker" <<'EOF'
Set flag F1 (MARAC) on ⚑ Aisha Khan from 01/11/2026.
EOF
check_true "it is stored, current" test "$(sql "SELECT person_id, kind,
    note, set_on, ended_on IS NULL FROM flags")" = \
	"1|marac|Conference on 03/12|2026-11-01|1"
run flag 1 --kind "Do not visit alone"
check_out_has "Set flag F2 (do not visit alone) on ⚑ Aisha Khan from 27/11/2026." \
	"a kind as people write it, today by default"

check_refused "an unknown kind is refused, naming the kinds" \
	"'danger' is not a kind of safety flag; use do-not-visit-alone, marac" \
	flag 1 --kind danger
check_refused "a second current flag of a kind is refused" \
	"they have a current flag of that kind already" flag 1 --kind marac
check_refused "a flag from the future is refused" "in the future" \
	flag 1 --kind missing --date 2026-12-01
check_refused "so is one before their birth" "before their date of birth" \
	flag 1 --kind missing --date 2000-01-01
check_refused "a note of two lines is refused" "one line" \
	flag 1 --kind other --note "one
two"
check_refused "saying what to do is needed" "say what to do" flag 1
check_refused "and only one thing at once" "say what to do" \
	flag 1 --kind other --end 1
check_refused "--change needs the note" "--change N needs the new note" \
	flag 1 --change 1
check_refused "a flag they do not have is refused" \
	"young person 1 has no flag F9" flag 1 --end F9
run flag 2 --kind other
check_true "other may repeat" sh -c "'$CASELOAD' --db '$DB' --today $TODAY \
    flag 2 --kind other >/dev/null"

run flag 1 --change F1 --note "Conference moved to 10/12"
check_out "--change N --note changes its note" <<'EOF'
Changed the note of flag F1 (MARAC) of ⚑ Aisha Khan.
EOF
run flag 1 --end 1 --reason "plan closed" --date 2026-11-20
check_out "--end N ends it" <<'EOF'
Ended flag F1 (MARAC) of Aisha Khan on 20/11/2026; it stays in their record, marked ended.
EOF
check_true "it is kept, with when and why" test "$(sql "SELECT ended_on,
    ended_reason, note FROM flags WHERE id = 1")" = \
	"2026-11-20|plan closed|Conference moved to 10/12"
check_refused "an ended flag cannot end again" "F1 has ended already" \
	flag 1 --end 1
check_refused "nor its note change" "F1 has ended" \
	flag 1 --change 1 --note "x"
check_trigger "a flag is never deleted" \
    "safety flags are ended, never deleted" "DELETE FROM flags"
run flag 1 --kind marac --note "Back at MARAC"
check_out_has "Set flag F3 (MARAC)" "once ended, the kind may be set again"

# --- show and the lists

run show 1
check_expected flags-show.txt "show lists the flags, current and ended"
run list
check_out_has "⚑ Aisha Khan (Ash)" "list marks the flagged"
check_out_has "    3  Zoë Ñúñez " "and not the others"
run due --within 30
check_out_has "⚑ Aisha Khan (Ash)" "due marks them"
run agenda --days 30
check_out_has "⚑ Aisha Khan:" "the agenda marks them"
run agenda --overdue
check_out_has "⚑ Aisha Khan  " "agenda --overdue too"
LC_ALL=C "$CASELOAD" --db "$DB" --today $TODAY list >"$out" 2>"$err"
check_out_has "F Aisha Khan (Ash)" "F where the locale is not UTF-8"
run stats
check_out_has "Safety flags    2 young people with a current safety flag" \
	"stats counts the young people with a current flag"
run stats --format json
check_out_has '"safety_flagged": 2' "in JSON too"

# --- visits and the contact record

run contact Aisha --method visit --place home --seen-alone no
check_status 0 "a visit to someone not to be visited alone is logged"
check_err_has "has a 'do not visit alone' safety flag" "with a warning"
check_out_has "visit with ⚑ Aisha Khan on 27/11/2026 at home, not seen alone" \
	"contact says where and whether seen alone"
check_true "where and whether seen alone are stored" test "$(sql "SELECT
    place, seen_alone FROM contacts ORDER BY id DESC LIMIT 1")" = "home|0"
run contact Ben --method phone --seen-alone yes
check_true "--seen-alone yes alone" test "$(sql "SELECT place IS NULL,
    seen_alone FROM contacts ORDER BY id DESC LIMIT 1")" = "1|1"
run show 2
check_out_has "phone   by the worker, seen alone" "show lists it"
run contact Zoë --method visit
check_true "no warning for someone without that flag" test ! -s "$err"
check_refused "a place not on the list is refused" \
	"'pub' is not a place; use home, office, college, community or online" \
	contact 1 --place pub
check_refused "so is an answer not yes or no" "'maybe' is not an answer" \
	contact 1 --seen-alone maybe
check_trigger "a contact's place is fixed once logged" \
    "a contact can only be struck out, once" \
    "UPDATE contacts SET place = 'office' WHERE place = 'home'"

# --- privacy: a note planted with an escape sequence and a unique word

fixture flag Jordan --kind do-not-visit-alone --note "placeholder"
sql "UPDATE flags SET note = 'Dog' || char(27) || '[2J $secret' ||
    char(27) || ']0;pwned' || char(7) WHERE note = 'placeholder'"
# Where it may show: escaped.
run show Jordan
check_out_has "Dog\\x1b[2J $secret" "show gives the note, escaped"
check_true "show writes no raw escape" sh -c "! grep -q '$esc' '$out'"

# Where it never goes.
leaks() {
	grep -rl "$secret" "$@" 2>/dev/null
}
for args in "list --format csv" "list --format json" "due --format csv" \
    "due --format json" "agenda --format csv" "agenda --format json" \
    "agenda --days 400" "due --within 400" "list --all" "card" \
    "letters --within 400" "letters --format csv --within 400" \
    "letters --format json --within 400" "stats" "stats --format json" \
    "export --privacy full" "export --privacy initials" \
    "flag Jordan --kind do-not-visit-alone" "flag Jordan --end 9" \
    "flag Jordan --change 9 --note x"; do
	# shellcheck disable=SC2086
	run $args
	if leaks "$out" "$err" >/dev/null; then
		not_ok "caseload $args never gives a flag's note"
		diag_last_run
	else
		ok "caseload $args never gives a flag's note"
	fi
	if grep -q "$esc" "$out" "$err"; then
		not_ok "caseload $args writes no raw escape"
	else
		ok "caseload $args writes no raw escape"
	fi
done
run flag Jordan --kind do-not-visit-alone
check_true "an error never names a flag's kind" \
	sh -c "! grep -qi 'visit alone' '$err'"
run contact Jordan --method visit
check_true "the warning before a visit gives no note" \
	sh -c "! grep -q '$secret' '$out' '$err'"
run export --privacy full
check_true "nor a flag's kind in a calendar" \
	sh -c "! grep -qi 'visit alone\|marac\|⚑' '$out'"
run due --format csv
check_true "nor in CSV" sh -c "! grep -qi 'visit alone\|marac\|⚑' '$out'"
run list --format json
check_true "nor in JSON" sh -c "! grep -qi 'visit alone\|marac\|⚑' '$out'"

# A printout carries the marker only.
PRINTED=$TEST_DIR/printed.txt
printf '[letters]\nprint_command = cat > %s\n' "$PRINTED" >"$TEST_DIR/print.ini"
run --config "$TEST_DIR/print.ini" due --print --within 400
check_status 0 "due --print"
check_true "the printout carries the marker" grep -q "⚑ Aisha Khan" "$PRINTED"
check_true "and never a flag's kind or note" \
	sh -c "! grep -qi '$secret\|visit alone\|marac' '$PRINTED'"
run --config "$TEST_DIR/print.ini" due --print --redact --within 400
check_true "a redacted printout carries it beside the initials" \
	grep -q "⚑ A.K." "$PRINTED"
run --config "$TEST_DIR/print.ini" letters --print --within 400
check_true "the letters printout marks Jordan" grep -q "⚑ Jordan Lee" \
	"$PRINTED"
check_true "and never gives the note" sh -c "! grep -q '$secret' '$PRINTED'"
run letters --within 400
check_out_has "⚑ Jordan Lee" "letters marks Jordan on the terminal too"

# Letters written never carry it.
printf '[worker]\nname = Sam Taylor\n' >"$TEST_DIR/letters.ini"
run --config "$TEST_DIR/letters.ini" letters write "$TEST_DIR/letters" \
	--within 400
check_status 0 "letters write"
check_true "Jordan's letter is written" test -n "$(ls "$TEST_DIR/letters")"
check_true "no letter holds a flag's note or kind" \
	sh -c "! grep -rqi '$secret\|visit alone\|⚑' '$TEST_DIR/letters'"

# --- a handover file carries the flags whole

run handover export Jordan Aisha -o "$TEST_DIR/out.caseload"
check_status 0 "handover export"
check_true "the file holds every flag, ended ones too" test "$("${SQLITE3_BIN:-sqlite3}" \
    "$TEST_DIR/out.caseload" "SELECT count(*), sum(ended_on IS NOT NULL),
    sum(note LIKE '%$secret%') FROM flags")" = "4|1|1"
DB=$TEST_DIR/other.db
# The planted note has control characters, which 'caseload flag' never
# takes: the import refuses the file, saying where, never quoting it.
check_refused "a flag's note with control characters is refused" \
	"young person 5 in the file, flag F1: control characters" \
	handover import "$TEST_DIR/out.caseload"
check_true "the refusal gives no note" sh -c "! grep -q '$secret' '$err'"
"${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/out.caseload" \
    "UPDATE flags SET note = 'placeholder' WHERE note LIKE '%$secret%'"
run handover import "$TEST_DIR/out.caseload"
check_status 0 "handover import"
got=$(sql "SELECT kind, set_on,
    coalesce(ended_on, '-'), coalesce(ended_reason, '-') FROM flags
    ORDER BY person_id, id" | tr '\n' ' ')
check_true "the flags arrive whole" test "$got" = \
	"marac|2026-11-01|2026-11-20|plan closed do-not-visit-alone|2026-11-27|-|- marac|2026-11-27|-|- do-not-visit-alone|2026-11-27|-|- "
check_true "with the contact's place" test "$(sql "SELECT count(*) FROM
    contacts WHERE place = 'home' AND seen_alone = 0")" = 1
run check
check_status 0 "the caseload is sound"

# --- a flag's notes are kept, with who wrote them

DB=$TEST_DIR/notes.db
fixture add --name "Kai Brown" --dob 2007-03-02 --allocated 2025-01-06
printf '[worker]\nname = Sam Taylor\n' >"$TEST_DIR/sam.ini"
run --config "$TEST_DIR/sam.ini" flag 1 --kind missing --note "First note" \
    --date 2026-11-01
run --config "$TEST_DIR/sam.ini" flag 1 --change 1 --note "Second note"
run flag 1 --change 1 --note "Third note"
check_true "every note is kept, dated, with who wrote it" test "$(sql \
    "SELECT group_concat(coalesce(note, '-') || '|' || on_date || '|' ||
    coalesce(noted_by, '-'), ' ') FROM flag_notes")" = \
	"First note|2026-11-01|Sam Taylor Second note|2026-11-27|Sam Taylor Third note|2026-11-27|-"
check_true "the flag's note is the latest" test \
	"$(sql "SELECT note, set_by FROM flags")" = "Third note|Sam Taylor"
check_trigger "a note is never deleted" \
    "notes of a flag are kept, never deleted" "DELETE FROM flag_notes"
check_trigger "nor changed" "notes of a flag are kept as written" \
    "UPDATE flag_notes SET note = 'x'"
run --config "$TEST_DIR/sam.ini" flag 1 --end 1 --reason "found"
check_true "who ended it is kept" test \
	"$(sql "SELECT ended_by FROM flags")" = "Sam Taylor"
run show 1
check_out_has "set by Sam Taylor" "show says who set it"
check_out_has "was: First note (01/11/2026, by Sam Taylor)" \
	"and the earlier notes, marked as earlier"
check_out_has "was: Second note (27/11/2026, by Sam Taylor)" "each of them"
check_out_has "ENDED on 27/11/2026: found (by Sam Taylor)" "and who ended it"
check_true "show does not give the latest as earlier" \
	sh -c "! grep -q 'was: Third' '$out'"
run handover export 1 -o "$TEST_DIR/notes.caseload"
DB=$TEST_DIR/notes2.db
fixture add --name "Mo Ali" --dob 2007-03-02 --allocated 2025-01-06
fixture flag 1 --kind other --note "theirs"
run handover import "$TEST_DIR/notes.caseload"
check_status 0 "a handover with a flag's notes is imported"
check_true "the notes arrive with their own flag" test "$(sql "SELECT
    group_concat(flags.person_id || ':' || flag_notes.note, ' ') FROM
    flag_notes JOIN flags ON flags.id = flag_notes.flag_id")" = \
	"1:theirs 2:First note 2:Second note 2:Third note"

# --- many flags: the one-per-kind check and the visit warning hold

DB=$TEST_DIR/many.db
fixture add --name "Kai Brown" --dob 2007-03-02 --allocated 2025-01-06
fixture add --name "Lee Old" --dob 2007-03-02 --allocated 2025-01-06
fixture archive 2 --reason "moved away"
i=0
while [ $i -lt 65 ]; do
	i=$((i + 1))
	echo "INSERT INTO flags (person_id, kind, set_on) VALUES (1, 'other',
	    '2026-11-01');"
done | sql
fixture flag 1 --kind do-not-visit-alone
check_refused "after 65 flags a second of a kind is still refused" \
	"they have a current flag of that kind already" \
	flag 1 --kind do-not-visit-alone
run contact 1 --method visit
check_err_has "has a 'do not visit alone' safety flag" \
	"and a visit still warns"

# --- confirmations name the flagged with the marker

run review 1 --date 2026-11-20
check_out_has "review for 1 ⚑ Kai Brown on 20/11/2026" "review marks them"
run edit 1 --phone "07700 900123"
check_out_has "Saved 1 ⚑ Kai Brown." "edit marks them"
run strike 1 1 --reason "logged twice"
check_out_has "(visit with ⚑ Kai Brown on 27/11/2026)" "strike marks them"
run step-down 1 --reason "moved to Spain"
check_out_has "Stepped down 1 ⚑ Kai Brown on" "step-down marks them"
run letters sent 1
check_out_has "⚑ Kai Brown" "letters sent marks them"
run step-up 1
check_out_has "Stepped up 1 ⚑ Kai Brown on" "step-up marks them"
run flag 1 --change 66 --note "new"
check_out_has "of flag F66 (do not visit alone) of ⚑ Kai Brown." \
	"flag --change marks them"

# --- an archived young person not to be visited alone: both warnings

fixture flag 2 --kind do-not-visit-alone
run contact 2 --method visit
check_status 0 "a visit to someone archived is logged"
check_err_has "is archived" "it says they are archived"
check_err_has "has a 'do not visit alone' safety flag" \
	"and that they are not to be visited alone"

done_testing
