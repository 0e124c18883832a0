#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile data: text that got into the database around caseload (edited
# with sqlite3, or from an old file) holding terminal escape sequences and
# control characters.  No text output may write them raw to a terminal.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

esc=$(printf '\033')
bel=$(printf '\007')
# Clear the screen, set the window title, move the cursor, ring the bell,
# a C1 CSI, a carriage return that would overwrite the line.
sql "UPDATE people SET name = 'Evil' || char(27) || '[2J' || char(27) ||
    ']0;pwned' || char(7) || ' Name' || char(13) || 'X' || char(155) || '31m'
    WHERE id = 1;
UPDATE people SET preferred_name = 'Ash' || char(27) || '[1A' WHERE id = 1;
UPDATE people SET address = 'Line 1' || char(10) || char(27) || '[31mred'
    WHERE id = 1;"
# The history is guarded by triggers; plant into it around them, and put
# them back as they were (caseload refuses a file whose schema differs).
triggers=$(sql "SELECT sql || ';' FROM sqlite_schema
    WHERE name IN ('status_changes_fixed', 'contacts_fixed')")
sql "DROP TRIGGER status_changes_fixed;
UPDATE status_changes SET reason = 'why' || char(27) || '[5m' WHERE id = 1;
DROP TRIGGER contacts_fixed;
UPDATE contacts SET note = 'note' || char(27) || '[8m hidden' WHERE id = 1;
$triggers"
# An agreed action's text and who, as another program might write them.
sql "INSERT INTO actions (person_id, text, who, agreed_on, due_on)
    VALUES (1, 'act' || char(27) || '[2J now' || char(155) || '1m',
    'Mum' || char(27) || ']0;t' || char(7), '2026-11-01', '2026-11-20')"

for args in "due" "due --within 400" "list" "list --all" "show 1" \
    "agenda --days 400" "letters" "stats" "export --privacy full" \
    "due --print" "letters --print"; do
	printf '[letters]\nprint_command = cat\n[worker]\nname = Sam Taylor\n' \
		>"$TEST_DIR/cat.ini"
	# shellcheck disable=SC2086
	run --config "$TEST_DIR/cat.ini" $args
	if grep -q "$esc\|$bel" "$out" "$err" ||
	    LC_ALL=C grep -q "$(printf '\302\233')" "$out" "$err"; then
		not_ok "caseload $args writes no raw escape"
		od -c "$out" | grep -m3 '033\|007' | sed 's/^/# /'
	else
		ok "caseload $args writes no raw escape"
	fi
done
run show 1
check_out_has 'Evil\x1b[2J\x1b]0;pwned\x07 Name\x0dX\x9b31m' \
	"show prints the name with its control characters escaped"
check_out_has 'note\x1b[8m hidden' "and the note"
check_out_has 'Mum\x1b]0;t\x07: act\x1b[2J now\x9b1m' \
	"and an agreed action's who and text"
run due --format json
check_out_has 'Evil\u001b[2J\u001b]0;pwned\u0007 Name\rX' \
	"JSON escapes them as JSON does"
run export --privacy full
check_true "a calendar summary never holds a control character" \
	sh -c "! tr -d '\r' <'$out' | grep -q '$esc'"
run due --format json
check_out_has 'X\u009b31m' "JSON escapes C1 controls (U+0080 to U+009F) too"
check_true "and holds no raw C1 character" \
	sh -c "! LC_ALL=C grep -q '$(printf '\302\233')' '$out'"

# CSV on a terminal is escaped as the text output is; to a file or a pipe
# it is the data exactly.  script(1) gives the command a terminal.
: >"$TEST_DIR/no-input"
if script -qec true "$TEST_DIR/typescript" >"$TEST_DIR/script.out" 2>&1 \
    <"$TEST_DIR/no-input"; then
	for args in "list --format csv" "due --format csv" "agenda --format csv" \
	    "letters --format csv --within 400"; do
		script -qec "'$CASELOAD' --db '$DB' --today $TODAY $args" \
		    "$TEST_DIR/typescript" <"$TEST_DIR/no-input" >"$out" 2>&1
		if grep -q "$esc\|$bel" "$out" ||
		    LC_ALL=C grep -q "$(printf '\302\233')" "$out"; then
			not_ok "caseload $args on a terminal writes no raw escape"
			od -c "$out" | grep -m3 '033\|007' | sed 's/^/# /'
		else
			ok "caseload $args on a terminal writes no raw escape"
		fi
	done
	script -qec "'$CASELOAD' --db '$DB' --today $TODAY list --format csv" \
	    "$TEST_DIR/typescript" <"$TEST_DIR/no-input" >"$out" 2>&1
	check_out_has 'Evil\x1b[2J\x1b]0;pwned\x07 Name\x0dX\x9b31m' \
		"a terminal is shown the name escaped, as show shows it"
else
	skip "CSV on a terminal is escaped" "script(1) cannot give a terminal here"
fi
run list --format csv
check_true "CSV to a file holds the name exactly" \
	grep -q "Evil$esc\\[2J$esc]0;pwned$bel Name" "$out"

# Notes never leave through error messages.
run contact 2 --note "SECRET NOTE 7731"
: >"$TEST_DIR/all-errors"
for args in "strike 2 999" "show nobody" "contact 2 --date 2030-01-01" \
    "edit 2 --dob 2027-01-01" "handover export 2" "letters sent 2" \
    "step-up 2" "review 2 --date 1990-01-01"; do
	# shellcheck disable=SC2086
	run $args
	cat "$err" >>"$TEST_DIR/all-errors"
done
check_true "no error message shows a note" \
	sh -c "! grep -q 'SECRET NOTE' '$TEST_DIR/all-errors'"
check_true "and they did say what was wrong" test -s "$TEST_DIR/all-errors"
done_testing
