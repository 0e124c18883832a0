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
Changed the note of flag F1 (MARAC) of Aisha Khan.
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
check_true "a flag is never deleted" sh -c "! '${SQLITE3_BIN:-sqlite3}' \
    '$DB' 'DELETE FROM flags' 2>/dev/null"
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
check_true "a contact's place is fixed once logged" sh -c "! \
    '${SQLITE3_BIN:-sqlite3}' '$DB' \"UPDATE contacts SET place = 'office'
    WHERE place = 'home'\" 2>/dev/null"

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

done_testing
