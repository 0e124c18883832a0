#!/bin/sh
# SPDX-License-Identifier: MIT
# Bad input, from a table: every command, option, setting and spreadsheet
# column.  Each must give "caseload: ..." with what was wrong, exit 2,
# and leave the database byte for byte as it was.
. "$(dirname "$0")/../lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

mkdir -p "$TEST_DIR/exists"
touch "$TEST_DIR/exists/taken.db"
printf 'not,a\n' >"$TEST_DIR/notes.csv"

# Commands and options.  Each line: what the message says | the arguments
# (shell words; $TEST_DIR may be used).
while IFS='|' read -r text args; do
	case $text in '#'*|'') continue ;; esac
	text=$(printf '%s' "$text" | sed 's/ *$//')
	eval "set -- $args"
	check_refused "caseload $args" "$text" "$@"
done <<'EOF'
'frobnicate' is not a command                    | frobnicate
--bogus is not an option                          | --bogus due
add: give at least --name and --dob               | add --name "Only Name"
--name: the name is empty                         | add --name "" --dob 2008-01-01
--name: must be one line                          | add --name "A$(printf '\nB')" --dob 2008-01-01
--name: control characters                        | add --name "$(printf 'A\033[31mB')" --dob 2008-01-01
--name: the text is not valid UTF-8               | add --name "$(printf 'A\300\257')" --dob 2008-01-01
--name: too long                                  | add --name "$(printf '%0300d' 7)" --dob 2008-01-01
'31/02/2026' is not a real date                   | add --name X --dob 31/02/2026
'2008-13-01': there is no month 13                | add --name X --dob 2008-13-01
--dob: '1/1/08': write the year in full           | add --name X --dob 1/1/08
is in the future; check the year                  | add --name X --dob 2030-01-01
--preferred: must be one line                     | add --name X --dob 2008-01-01 --preferred "a$(printf '\nb')"
--phone: too long                                 | add --name X --dob 2008-01-01 --phone "$(printf '%050d' 7)"
--email: 'x@' is not an email address             | add --name X --dob 2008-01-01 --email x@
--address: control characters                     | add --name X --dob 2008-01-01 --address "$(printf 'a\tb')"
--interval-weeks: 0 is not an interval; give 1  | add --name X --dob 2008-01-01 --interval-weeks 0
--interval-weeks: '1e2' is not a whole number     | add --name X --dob 2008-01-01 --interval-weeks 1e2
--allocated: '2026-02-29' is not a real date      | add --name X --dob 2008-01-01 --allocated 2026-02-29
is before their date of birth                     | add --name X --dob 2008-01-01 --allocated 2007-01-01
already number 1                                  | add --name "AISHA KHAN" --dob 14/03/2007
edit: nothing to change                           | edit 1
no young person matches 'Nobody'                  | edit Nobody --phone 1
there is no young person number 404               | edit 404 --phone 1
their contact log starts on                       | edit 1 --dob 2026-10-01
'a' matches                                       | show a
show: give one young person                       | show
--format: 'yaml' is not a format                  | list --format yaml
list: give only one of                            | list --stepped-up --stepped-down
--method: 'fax' is not a method                   | contact 1 --method fax
--by: 'mum' is not who started it                 | contact 1 --by mum
in the future; record it once it has happened     | contact 1 --date 2026-11-28
is before their date of birth                     | contact 1 --date 2001-01-01
--note: too long                                  | contact 1 --note "$(head -c 70000 /dev/zero | tr '\0' n)"
contact: give one young person                    | contact
--date needs a value                              | contact 1 --date
strike: 'x' is not the number of a contact       | strike 1 x
young person 1 has no contact 999                 | strike 1 999
strike: name the young person too                 | strike 8
was already struck out                            | strike 11 1
--reason: must be one line                        | strike 1 1 --reason "a$(printf '\nb')"
# A row's number is said as typed, with what to type.
--done: 'A0' is not the number of an agreed action: give it as 'caseload show REF' lists it, such as A1 | action 1 --done A0
--drop: 'A0' is not the number of an agreed action: give it as 'caseload show REF' lists it, such as A1 | action 1 --drop A0
--done: 'X1' is not the number of an agreed action | action 1 --done X1
--done: 'a1x' is not the number of an agreed action | action 1 --done a1x
strike: 'M0' is not the number of an accommodation row: give it as 'caseload show REF' lists it, such as M1 | strike 1 M0
strike: 'N0' is not the number of a note: give it as 'caseload show REF' lists it, such as N1 | strike 1 N0
strike: 'N1x' is not the number of a note          | strike 1 N1x
'A0' is an agreed action, which is not struck out: actions are closed with 'caseload action REF --done AN' (or --drop AN) | strike 1 A0
'A2' is an agreed action, which is not struck out: actions are closed with 'caseload action REF --done A2' (or --drop A2) | strike 1 A2
--strike: 'B0' is not the number of a birthday return: give it as 'caseload show REF' lists it, such as B1 | return 1 --strike B0
--strike: 'B99999' is not the number of a birthday return | return 1 --strike B99999
--end: 'F0' is not the number of a safety flag: give it as 'caseload show REF' lists it, such as F1 | flag 1 --end F0
--change: 'f1x' is not the number of a safety flag | flag 1 --change f1x --note ''
--end: 'P0' is not the number of a person around them: give it as 'caseload show REF' lists it, such as P1 | involve 1 --end P0
--change: 'X2' is not the number of a person around them | involve 1 --change X2 --name Sam
step-down: already stepped down                   | step-down 5
is before they were stepped up                    | step-down 1 --date 2020-01-01
--date: 1 January 2027 is in the future           | step-down 1 --date 2027-01-01
step-up: already stepped up                       | step-up 1
archive: --date is not an option of archive       | archive 1 --date 2026-01-01
archive: already archived                         | archive 10
review: give one young person                     | review
in the future; record it once it has happened     | review 1 --date 2026-12-25
--within: '-1' is not a whole number              | due --within -1
due: takes no young person                        | due 1
--days: '0' is not a whole number                 | agenda --days 0
--days: 'week' is not a whole number              | export --days week
--privacy: 'names' is not a choice                | export --privacy names
export: takes no young person                     | export 1
letters sent: 1 Aisha Khan is stepped up          | letters sent 1
is before 5 Jordan Lee stepped down              | letters sent 5 --date 2025-10-01
in the future                                     | letters sent 5 --date 2027-01-01
--within: 'soon' is not a whole number            | letters --within soon
backup: give the new file                         | backup
already exists; give a new file name              | backup $TEST_DIR/exists/taken.db
restore: give the backup file                     | restore
is not a caseload database                        | restore $TEST_DIR/notes.csv
import: give one CSV file                         | import
handover: say export or import                    | handover
handover: export: give the file to write with -o  | handover export 1
# An empty file name is a mistake, never a file.
backup: the file name is empty                    | backup ""
restore: the file name is empty                   | restore ""
import: the file name is empty                    | import ""
handover: import: the file name is empty          | handover import ""
handover: export: give the file to write with -o  | handover export 1 -o ""
export: -o needs a file name                      | export -o ""
letters write: give one folder                    | letters write ""
--db: the file name is empty; give the database   | --db "" due
--config: the file name is empty; give the settings | --config "" due
no young person matches 'Zed'                     | handover export Zed -o $TEST_DIR/h.handover
is not a caseload handover file                   | handover import $TEST_DIR/notes.csv
stats: --format csv is not offered                | stats --format csv
check: takes nothing more                         | check now
EOF

# Settings: one bad value for every key.  Each line: section | key |
# value | what the message says.
while IFS='|' read -r section key value text; do
	case $section in '#'*|'') continue ;; esac
	section=$(printf '%s' "$section" | tr -d ' ')
	key=$(printf '%s' "$key" | tr -d ' ')
	value=$(printf '%s' "$value" | sed 's/^ *//; s/ *$//')
	text=$(printf '%s' "$text" | sed 's/^ *//; s/ *$//')
	printf '[%s]\n%s = %b\n' "$section" "$key" "$value" >"$TEST_DIR/bad.ini"
	check_refused "[$section] $key = $value" "[$section] $key" \
		--config "$TEST_DIR/bad.ini" contact 1
	grep -qF -- "$text" "$err" || {
		not_ok "[$section] $key = $value says: $text"
		diag_last_run
	}
done <<'EOF'
worker   | name                | \377                | expected text in UTF-8
worker   | title               | \001title           | control characters
worker   | phone               | \376                | expected text in UTF-8
worker   | email               | \377@x              | expected text in UTF-8
worker   | office              | a\\nb\\nc\\nd\\ne\\nf\\ng | at most 6 lines
worker   | about               | a\\nb\\nc\\nd       | at most 3 lines
contact  | interval_weeks      | 53                  | from 1 to 52
contact  | due_soon_days       | 91                  | from 0 to 90
letters  | interval_months     | 0                   | from 1 to 24
letters  | template            | \033[2J             | control characters
letters  | print_command       | \377                | expected text in UTF-8
reviews  | pathway_plan_months | six                 | from 1 to 24
caseload | cap                 | 0                   | from 1 to 1000
calendar | privacy             | none                | initials, full
calendar | alarm_days_before   | 31                  | from 0 to 30
calendar | contacts_as         | journal             | event, todo
display  | colour              | colourful           | auto, always, never
display  | date_format         | %Y-%m-%d %H         | is not a date conversion
backup   | keep                | 366                 | from 0 to 365
EOF

# Spreadsheet columns: one bad value in each.  Each line: column | value |
# what the message says.
while IFS='|' read -r column value text; do
	case $column in '#'*|'') continue ;; esac
	column=$(printf '%s' "$column" | sed 's/ *$//')
	value=$(printf '%s' "$value" | sed 's/^ *//; s/ *$//')
	text=$(printf '%s' "$text" | sed 's/^ *//; s/ *$//')
	case $column in
	name) printf 'name,dob\n"%s",2008-01-01\n' "$value" ;;
	dob) printf 'name,dob\nNew Person,%s\n' "$value" ;;
	*) printf 'name,dob,%s\nNew Person,2008-01-01,"%b"\n' "$column" "$value" ;;
	esac >"$TEST_DIR/sheet.csv"
	check_refused "import: $column = '$value'" "sheet.csv:2:" \
		import "$TEST_DIR/sheet.csv"
	grep -qF -- "$text" "$err" || {
		not_ok "import: $column = '$value' says: $text"
		diag_last_run
	}
done <<'EOF'
name            |                  | the name is empty
dob             | 30/02/2008       | is not a real date
preferred name  | two words	tab   | control characters
phone           | 07700 900102 07700 900102 07700 900102 07700 | too long
email           | nobody           | is not an email address
address         | a\0033b          | control
interval weeks  | 0                | 1 to 52
allocated on    | 1999-01-01       | before their date of birth
status          | sideways         | stepped up or stepped down
stepped down on | 2030-01-01       | in the future
last contact    | 2007-01-01       | before their date of birth
EOF
# Nothing was written by an empty file name: not where it ran, nor home.
mkdir "$TEST_DIR/here"
(cd "$TEST_DIR/here" && "$CASELOAD" --db "" --today "$TODAY" add --name X \
    --dob 2008-01-01 >"$out" 2>"$err") && status=0 || status=$?
check_status 2 "an empty --db makes no database"
empty_dirs() {
	for d in "$@"; do
		test -z "$(ls -A "$d")" || return 1
	done
}
check_true "... and writes nothing where it ran or at home" \
	empty_dirs "$TEST_DIR/here" "$HOME"
# An empty CASELOAD_DB or CASELOAD_CONFIG is unset, as usual.
CASELOAD_DB= CASELOAD_CONFIG= run_raw --today "$TODAY" add --name "Env Default" \
    --dob 2008-01-01
check_status 0 "empty CASELOAD_DB and CASELOAD_CONFIG mean the defaults"
check_true "... the default database in the home folder" \
	test -f "$HOME/.local/share/caseload/caseload.db"
printf 'name,dob,favourite colour\nNew Person,2008-01-01,blue\n' >"$TEST_DIR/sheet.csv"
check_refused "import: an unknown column" "sheet.csv:1:" import "$TEST_DIR/sheet.csv"
done_testing
