#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/help.sh: "caseload help", "caseload help CMD", and --help
# anywhere in a command line: the command's help, without running it or
# opening the database; but not an option's value, nor after "--".
. "${top_srcdir:-.}/tests/lib.sh"

run_raw --help
cp "$out" "$TEST_DIR/main-help"
run_raw help
check_status 0 "help: exit 0"
check_true "help prints the main help" cmp "$TEST_DIR/main-help" "$out"
check_out_has "'caseload help COMMAND' shows a command's options" \
	"the main help says how to get a command's"

run_raw due --help
cp "$out" "$TEST_DIR/due-help"
run_raw help due
check_status 0 "help due: exit 0"
check_true "help due is due --help" cmp "$TEST_DIR/due-help" "$out"
check_out_has "usage: caseload due [--within DAYS]" "help due gives due's usage"

run_raw help nosuch
check_status 2 "help with no such command: exit 2"
check_err_has "caseload: help: 'nosuch' is not a command; 'caseload help' lists them" \
	"... saying so"
check_out "... and printing nothing else" </dev/null
run_raw help due list
check_status 2 "help with two commands: exit 2"
check_err_has "help: give one command" "... saying to give one"

# --help after other words: the help, nothing run, no database made.
run_raw --db "$TEST_DIR/new.db" contact 3 --method phone --help
check_status 0 "contact 3 --method phone --help: exit 0"
check_out_has "usage: caseload contact REF" "... gives contact's help"
check_true "... and makes no database" test ! -e "$TEST_DIR/new.db"
run_raw --db "$TEST_DIR/new.db" due --help
check_status 0 "--db x due --help: exit 0"
check_out_has "usage: caseload due" "... gives due's help"
check_true "... and makes no database" test ! -e "$TEST_DIR/new.db"
run_raw --db "$TEST_DIR/new.db" contact 3 -h --note hello
check_out_has "usage: caseload contact REF" "-h as well, before other options"
run_raw --db "$TEST_DIR/new.db" letters write "$TEST_DIR/letters" --help
check_status 0 "letters write DIR --help: exit 0"
check_out_has "caseload letters write DIR" "... gives letters' help"
check_true "... and writes no letters" test ! -e "$TEST_DIR/letters"
run_raw --demo --db "$TEST_DIR/new.db" show 1 --help
check_out_has "usage: caseload show REF" "--demo show 1 --help gives show's help"
check_true "nothing was made" test ! -e "$TEST_DIR/new.db"

# An option's value, or a word after "--", is not a request for help.
run add --name "Jo Bloggs" --dob 2005-03-01
run contact 1 --note --help
check_status 0 "contact 1 --note --help logs a contact"
check_out_has "Logged contact 1" "... with the note"
check_true "... whose note is --help" \
	test "$(sql 'SELECT note FROM contacts')" = "--help"
run contact 1 --note=--help --date 2026-11-26
check_status 0 "--note=--help is a note too"
run contact 1 --no -h --date 2026-11-25
check_status 0 "the start of --note takes its value as getopt does"
check_true "... so -h was a note" \
	test "$(sql "SELECT count(*) FROM contacts WHERE note = '-h'")" = 1
run contact -- --help
check_status 2 "contact -- --help: --help is a young person's name"
check_err_has "no young person matches '--help'" "... that matches nobody"
run nosuch --help
check_status 2 "--help after a word that is not a command: exit 2"
check_err_has "'nosuch' is not a command" "... saying so"

# Help needs neither settings nor a database: a missing or a broken
# settings file, or a bad --today, does not stop it.
printf '[calendar\nnot a setting\n' >"$TEST_DIR/broken.ini"
run_raw help
cmds=$(sed -n '/^Commands:$/,/^$/s/^  \([a-z]*\) .*/\1/p' "$out")
check_true "the main help lists the commands" test -n "$cmds"
for ini in "$TEST_DIR/missing.ini" "$TEST_DIR/broken.ini"; do
	name=${ini##*/}
	bad=
	for how in help-cmd cmd-help; do
		for c in $cmds; do
			if [ "$how" = help-cmd ]; then
				run_raw --config "$ini" --db "$TEST_DIR/new.db" help "$c"
			else
				run_raw --config "$ini" --db "$TEST_DIR/new.db" "$c" --help
			fi
			if [ "$status" -ne 0 ] || [ -s "$err" ] ||
			    ! grep -q "^usage: caseload $c" "$out"; then
				bad="$bad $how:$c"
			fi
		done
	done
	check_true "with $name, every 'help CMD' and 'CMD --help' gives the help" \
		test -z "$bad"
	[ -z "$bad" ] || echo "# failed:$bad"
	run_raw --config "$ini" help
	check_status 0 "with $name, 'help' exits 0"
	check_true "... and gives the main help" cmp "$TEST_DIR/main-help" "$out"
	run_raw --config "$ini" --help
	check_status 0 "with $name, '--help' exits 0"
done
check_true "no database was made" test ! -e "$TEST_DIR/new.db"
run_raw --today 2026-02-30 help moved
check_status 0 "a wrong --today does not stop 'help moved'"
run_raw --config "$TEST_DIR/missing.ini" help nosuch
check_status 2 "help with no such command is still refused"
check_err_has "'nosuch' is not a command" "... saying so, not the settings"
run_raw --config "$TEST_DIR/missing.ini" due
check_status 2 "a command that runs still needs its settings file"
check_err_has "cannot read the settings file" "... saying so"

done_testing
