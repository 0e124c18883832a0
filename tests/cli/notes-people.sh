#!/bin/sh
# SPDX-License-Identifier: MIT
# Notes about a young person (caseload note; strike REF N1) and the
# people around them (caseload involve: add, change, end): kept, never
# deleted; show lists both, show --print prints the page with them; bad
# input is refused with nothing written; and what they hold never leaves
# show, the page printed on request and a handover file: not a calendar,
# letter, CSV or JSON, printed list, card or error message.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

secret=kingfisher
esc=$(printf '\033')

# --- notes

run note Aisha --text "Likes to be called Ash.
Avoid mornings: she works nights." --date 2026-11-01
check_status 0 "note REF --text adds a note"
check_out "saying so" <<'EOF2'
Noted N1 about Aisha Khan on 01/11/2026.
EOF2
run note 1 --text "Prefers texts to calls."
check_out_has "Noted N2 about Aisha Khan on 27/11/2026." "today by default"
check_true "both are stored, with their lines" test "$(sql "SELECT person_id,
    on_date, replace(text, char(10), '/') FROM notes ORDER BY id")" = \
	"1|2026-11-01|Likes to be called Ash./Avoid mornings: she works nights.
1|2026-11-27|Prefers texts to calls."

check_refused "a note needs its text" "give the note: --text TEXT" note 1
check_refused "an empty note is refused" "--text: the note is empty" \
	note 1 --text "  "
check_refused "a note from the future is refused" "in the future" \
	note 1 --text "x" --date 2026-12-01
check_refused "a note before their birth is refused" \
	"before their date of birth" note 1 --text "x" --date 2001-01-01
check_refused "an escape in a note is refused" "control characters" \
	note 1 --text "bad$(printf '\033')[2J"
check_refused "a note for nobody is refused" "" note 999 --text "x"

run strike Aisha N2 --reason "meant for Ben"
check_status 0 "strike REF N2 strikes a note out"
check_out_has "Struck out note N2 (about Aisha Khan, of 27/11/2026); it stays" \
	"saying it stays"
check_true "it is kept, marked" test "$(sql "SELECT count(*),
    sum(struck_on = '2026-11-27' AND struck_reason = 'meant for Ben')
    FROM notes")" = "2|1"
check_refused "a note struck out cannot be struck again" \
	"note N2 was struck out already" strike 1 N2
check_refused "a note they do not have is refused" "has no note N9" \
	strike 1 N9
check_true "the database will not delete a note" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' 'DELETE FROM notes' 2>/dev/null"

# --- people around them

run involve Aisha --role social-worker --name "Sam Jones" \
	--phone "0113 496 0000" --email sam.jones@example.org \
	--note "Mondays to Wednesdays" --date 2026-10-01
check_status 0 "involve adds someone around them"
check_out "saying who" <<'EOF2'
Added P1: Sam Jones, social worker, around Aisha Khan from 01/10/2026.
EOF2
run involve 1 --role "independent reviewing officer" --name "Jo Patel"
check_out_has "Added P2: Jo Patel, independent reviewing officer, around Aisha Khan from 27/11/2026." \
	"a role as people write it, today by default"
run involve 1 --change P2 --phone "0113 496 1111" --note "on leave in December"
check_status 0 "--change changes what is given"
check_true "and keeps the rest" test "$(sql "SELECT role, name, phone, note
    FROM around WHERE id = 2")" = \
	"iro|Jo Patel|0113 496 1111|on leave in December"
run involve 1 --end P2
check_status 0 "--end ends their involvement, today by default"
check_out_has "P2 (Jo Patel, independent reviewing officer) stopped being involved with Aisha Khan on 27/11/2026" \
	"saying so"
check_true "they are kept, with the date" test "$(sql "SELECT count(*),
    sum(ended_on = '2026-11-27') FROM around")" = "2|1"
check_refused "someone ended cannot end again" "has stopped being involved" \
	involve 1 --end P2
check_refused "nor change" "has stopped being involved" \
	involve 1 --change P2 --name "Jo"
check_refused "an unknown role is refused, naming the roles" \
	"'teacher' is not a role; use social-worker, iro" \
	involve 1 --role teacher --name X
check_refused "a role and a name are needed" "say who: --role ROLE --name NAME" \
	involve 1 --role family
check_refused "an empty name is refused" "the name is empty" \
	involve 1 --role family --name " "
check_refused "a bad email is refused without repeating it" \
	"the email address is not one" \
	involve 1 --role family --name Mum --email "$secret"
check_true "its text is not repeated" sh -c "! grep -q '$secret' '$err'"
check_refused "an escape in a note is refused" "control characters" \
	involve 1 --role family --name Mum --note "x$(printf '\033')[2J"
check_refused "someone they do not have is refused" "has no P9" \
	involve 1 --change P9 --name X
check_refused "an end before they were added is refused" \
	"before they were added" involve 1 --end P1 --date 2026-09-01
check_refused "--end takes no details" "--end N ends their involvement" \
	involve 1 --end P1 --name X
check_true "the database will not delete them" \
	sh -c "! ${SQLITE3_BIN:-sqlite3} '$DB' 'DELETE FROM around' 2>/dev/null"

run show 1
check_status 0 "show"
check_out_has "People around them (numbered for 'caseload involve 1 --change N')" \
	"show lists the people around them"
check_out_has "  P1     Sam Jones, social worker, since 01/10/2026" \
	"with name, role and since when"
check_out_has "         0113 496 0000, sam.jones@example.org" "how to reach them"
check_out_has "         Mondays to Wednesdays" "their note"
check_out_has "  P2     Jo Patel, independent reviewing officer, since 27/11/2026; ENDED on 27/11/2026" \
	"and those who stopped, marked"
check_out_has "Notes, newest first ('caseload strike 1 N1' strikes out N1)" \
	"show lists the notes"
check_true "newest first" sh -c "grep -n '^  N[12] ' '$out' | tr '\n' ' ' |
    grep -q 'N2 .*N1 '"
check_out_has "         STRUCK OUT on 27/11/2026: meant for Ben" "struck ones marked"
check_out_has "         Avoid mornings: she works nights." "every line of a note"

# The page printed on request.
PRINTED=$TEST_DIR/printed.txt
printf '[letters]\nprint_command = cat > %s\n' "$PRINTED" >"$TEST_DIR/print.ini"
run --config "$TEST_DIR/print.ini" show 1 --print
check_status 0 "show --print"
check_true "says where it went" grep -q "Sent 1 page (1 young person)" "$err"
check_true "the page is printed with a heading" \
	grep -q "^Young person 1  *Page 1 of 1" "$PRINTED"
check_true "with the people around them" \
	grep -q "P1     Sam Jones, social worker, since 01/10/2026" "$PRINTED"
check_true "and the notes" grep -q "Likes to be called Ash." "$PRINTED"
check_true "nothing of it on standard output" test ! -s "$out"
check_true "and no page left beside the database" sh -c "! ls -a \
    '$(dirname "$DB")' | grep -q 'caseload-tmp'"
printf '[letters]\nprint_command = cat > %s\n[display]\ncolour = always\n' \
	"$PRINTED" >"$TEST_DIR/colour.ini"
run --config "$TEST_DIR/colour.ini" show 1 --print
check_true "the page has no colour, even when asked for on screen" \
	sh -c "! grep -q '$esc' '$PRINTED'"
run --config "$TEST_DIR/colour.ini" show 1
check_true "... which show still gives on screen" grep -q "$esc" "$out"
printf '[letters]\nprint_command =\n' >"$TEST_DIR/noprint.ini"
check_refused "show --print needs a print command" "print_command is empty" \
	--config "$TEST_DIR/noprint.ini" show 1 --print

# --- privacy: a planted unique word, with escape sequences

fixture involve Jordan --role family --name "placeholder" --phone "1" \
	--email "p@example.org" --note "placeholder"
plant="'x' || char(27) || '[2J $secret' || char(27) || ']0;pwned' || char(7)"
# A note is fixed once written: the plant goes in as a new row.
sql "INSERT INTO notes (person_id, on_date, text) VALUES (5, '2026-11-01',
    $plant);
UPDATE around SET name = $plant, phone = $plant, email = $plant,
    note = $plant WHERE name = 'placeholder'"
run show Jordan
check_out_has "x\\x1b[2J $secret" "show gives them, escaped"
check_true "show writes no raw escape" sh -c "! grep -q '$esc' '$out'"
check_true "and in every field" test "$(grep -o "$secret" "$out" | wc -l)" -eq 5
run --config "$TEST_DIR/print.ini" show Jordan --print
check_true "the printed page writes no raw escape" \
	sh -c "! grep -q '$esc' '$PRINTED'"

for args in "list --format csv" "list --format json" "due --format csv" \
    "due --format json" "agenda --format csv" "agenda --format json" \
    "agenda --days 400" "due --within 400" "list --all" "card" \
    "letters --within 400" "letters --format csv --within 400" \
    "letters --format json --within 400" "stats" "stats --format json" \
    "export --privacy full" "export --privacy initials" \
    "note Jordan --text x --date 2030-01-01" "strike Jordan N1" \
    "strike Jordan N1" "involve Jordan --end P1 --date 2001-01-01" \
    "involve Jordan --change P9 --name y"; do
	# shellcheck disable=SC2086
	run $args
	if grep -q "$secret" "$out" "$err"; then
		not_ok "caseload $args never gives a note or someone's details"
		diag_last_run
	else
		ok "caseload $args never gives a note or someone's details"
	fi
	if grep -q "$esc" "$out" "$err"; then
		not_ok "caseload $args writes no raw escape"
	else
		ok "caseload $args writes no raw escape"
	fi
done
run --config "$TEST_DIR/print.ini" due --print --within 400
check_true "a printed due list never gives them" \
	sh -c "! grep -q '$secret' '$PRINTED'"
run --config "$TEST_DIR/print.ini" letters --print --within 400
check_true "nor a printed letters list" sh -c "! grep -q '$secret' '$PRINTED'"
printf '[worker]\nname = Sam Taylor\n' >"$TEST_DIR/letters.ini"
run --config "$TEST_DIR/letters.ini" letters write "$TEST_DIR/letters" \
	--within 400
check_true "Jordan's letter is written" test -n "$(ls "$TEST_DIR/letters")"
check_true "no letter holds them" \
	sh -c "! grep -rq '$secret' '$TEST_DIR/letters'"

# --- a handover file carries both whole

run handover export Jordan Aisha -o "$TEST_DIR/out.caseload"
check_status 0 "handover export"
check_true "the file holds every note and person, struck and ended too" \
	test "$("${SQLITE3_BIN:-sqlite3}" "$TEST_DIR/out.caseload" \
	"SELECT (SELECT count(*) FROM notes), (SELECT count(*) FROM around),
	(SELECT count(*) FROM around WHERE ended_on IS NOT NULL)")" = "3|3|1"
DB=$TEST_DIR/other.db
run handover import "$TEST_DIR/out.caseload"
check_status 0 "handover import"
check_true "the notes arrive whole" test "$(sql "SELECT count(*),
    sum(struck_reason = 'meant for Ben'), sum(text LIKE '%$secret%'),
    sum(text LIKE '%' || char(10) || 'Avoid mornings%') FROM notes")" = "3|1|1|1"
check_true "the people arrive whole" test "$(sql "SELECT group_concat(role
    || ':' || coalesce(ended_on, '-'), ' ') FROM (SELECT * FROM around
    ORDER BY person_id, id)")" = \
	"social-worker:- iro:2026-11-27 family:-"
run check
check_status 0 "the caseload is sound"

done_testing
