#!/bin/sh
# SPDX-License-Identifier: MIT
# Settings: caseload.ini read with iniparser, checked key by key.
. "$(dirname "$0")/../lib.sh"

run add --name "Aisha Khan" --dob 2007-03-14 --allocated 2026-10-01
run contact 1 --date 2026-10-01

# No settings file: the defaults.
run --print-config
check_status 0 "--print-config with no settings file"
check_out_has "interval_weeks = 8" "the defaults are in effect"

# The default place, and XDG_CONFIG_HOME.
mkdir -p "$HOME/.config/caseload"
printf '[contact]\ninterval_weeks = 4\n' >"$HOME/.config/caseload/caseload.ini"
run due --format csv
check_out_has "2026-10-29,29,overdue" "~/.config/caseload/caseload.ini is read"
mkdir -p "$TEST_DIR/xdg/caseload"
printf '[contact]\ninterval_weeks = 2\n' >"$TEST_DIR/xdg/caseload/caseload.ini"
XDG_CONFIG_HOME=$TEST_DIR/xdg run due --format csv
check_out_has "2026-10-15,43,overdue" "XDG_CONFIG_HOME is honoured"
rm "$HOME/.config/caseload/caseload.ini"

ini=$TEST_DIR/settings.ini
cat >"$ini" <<EOF
; Sam's settings
[Worker]
Name = Sam Taylor
title = Personal Adviser
office = Civic Hall\nLeeds LS1 1UR
[contact]
interval_weeks = 12
due_soon_days = 0
[display]
colour = never
date_format = %a %d %b %Y
EOF
run --config "$ini" due
check_out_has "Thu 24 Dec 2026" "[contact] interval_weeks and [display] date_format apply"
CASELOAD_CONFIG=$ini run due
check_out_has "Thu 24 Dec 2026" "CASELOAD_CONFIG is honoured"
run --config "$ini" --print-config
check_out_has "name = Sam Taylor" "--print-config shows the settings read"
check_out_has 'office = Civic Hall\nLeeds LS1 1UR' "and writes new lines back as \\n"
cp "$out" "$TEST_DIR/printed.ini"
run --config "$TEST_DIR/printed.ini" --print-config
check_true "--print-config reads back to the same settings" \
	cmp -s "$out" "$TEST_DIR/printed.ini"

# Bad settings: the file, the line or key, what is expected; exit 2 and
# nothing written.
bad() {
	what=$1
	text=$2
	printf '%b' "$3" >"$TEST_DIR/bad.ini"
	check_refused "$what" "$text" --config "$TEST_DIR/bad.ini" \
		contact 1 --method visit
}
bad "a line that is not a setting" \
	"bad.ini:3: not a setting: 'interval weeks 8' (expected [section] or key = value" \
	'[contact]\ndue_soon_days = 7\ninterval weeks 8\n'
bad "a section without its bracket" "bad.ini:1: not a setting" '[contact\ninterval_weeks = 8\n'
bad "a binary file" "bad.ini:1: not text (it holds a NUL byte): is this a settings file?" '\177ELF\002\001\001\000\000\000\n\003\000>\000'
bad "a key set twice" \
	"bad.ini:4: [worker] name is also set on line 2; give each setting once" \
	'[worker]\nname = Sam Taylor\ntitle = Personal Adviser\nname = Alex\n'
bad "a key set twice, in two [worker] sections and other case" \
	"bad.ini:6: [worker] name is also set on line 2" \
	'[worker]\nname = Sam\n[contact]\ninterval_weeks = 4\n[Worker]\nNAME = Alex\n'
bad "a quote not closed" \
	"bad.ini:2: [worker] name = \"Sam: the quote is not closed" \
	'[worker]\nname = "Sam\n'
bad "text after the closing quote" \
	"bad.ini:2: [worker] name = \"Sam\" Taylor: text after the closing quote" \
	'[worker]\nname = "Sam" Taylor\n'
bad "a file saved as UTF-16" "bad.ini is UTF-16 text; save it as UTF-8" \
	'\377\376[\000w\000]\000\n\000'
bad "an unknown key" "bad.ini: [contact] has no setting 'interval'; see man 5 caseload.ini" \
	'[contact]\ninterval = 8\n'
bad "an unknown section" "bad.ini: unknown section [contacts]" '[contacts]\ninterval_weeks = 8\n'
bad "a key outside any section" "bad.ini: 'cap' is outside any section" 'cap = 8\n'
bad "a number with letters after it" \
	"bad.ini: [contact] interval_weeks = '12abc': expected a whole number from 1 to 52" \
	'[contact]\ninterval_weeks = 12abc\n'
bad "zero weeks" "interval_weeks = '0': expected a whole number from 1 to 52" \
	'[contact]\ninterval_weeks = 0\n'
bad "a negative cap" "[caseload] cap = '-4': expected a whole number from 1 to 1000" \
	'[caseload]\ncap = -4\n'
bad "an empty number" "[contact] due_soon_days = '': expected a whole number" \
	'[contact]\ndue_soon_days =\n'
bad "a word for a choice" "[calendar] privacy = 'names': expected one of: initials, full" \
	'[calendar]\nprivacy = names\n'
bad "a time in the date format" "%H is not a date conversion" \
	'[display]\ndate_format = %H:%M\n'
bad "four lines about me" '[worker] about = '"'"'a\nb\nc\nd'"'"': expected at most 3 lines' \
	'[worker]\nabout = a\\nb\\nc\\nd\n'
bad "text that is not UTF-8" "expected text in UTF-8" '[worker]\nname = \377\376\n'
long=$(printf '%1001s' '' | tr ' ' 'x')
bad "a value longer than a settings line holds" \
	"[worker] name = 'xxxxxxxxxx" "[worker]\nname = $long\n"
check_err_has "too long (1001 bytes; at most 1000 fit on a line of the settings file)" \
	"which says how long it is and what fits"

# A byte order mark, as some editors write at the start, is passed over.
printf '\357\273\277[worker]\r\nname = Sam Taylor\r\n' >"$TEST_DIR/bom.ini"
run --config "$TEST_DIR/bom.ini" --print-config
check_status 0 "a settings file starting with a byte order mark is read"
check_out_has "name = Sam Taylor" "... and its first section too"

# Backslashes that are not \n or \\ stay as they are when printed back.
printf '[worker]\noffice = Room 3\\b\\\\c\\nLeeds\n' >"$TEST_DIR/slash.ini"
run --config "$TEST_DIR/slash.ini" --print-config
check_out_has 'office = Room 3\b\c\nLeeds' "a lone backslash is printed as it was typed"
check_refused "a settings file given that does not exist" \
	"cannot read the settings file $TEST_DIR/missing.ini: No such file or directory" \
	--config "$TEST_DIR/missing.ini" due
mkdir -p "$TEST_DIR/dir.ini"
check_refused "a folder given as the settings file" "is not a file" \
	--config "$TEST_DIR/dir.ini" due
if [ "$(id -u)" != 0 ]; then
	printf '[contact]\n' >"$TEST_DIR/secret.ini"
	chmod 000 "$TEST_DIR/secret.ini"
	check_refused "an unreadable settings file" "secret.ini" \
		--config "$TEST_DIR/secret.ini" due
else
	skip "an unreadable settings file" "root reads every file"
fi

# Colour: never on a pipe; NO_COLOR and colour = never win over always.
run due
check_true "no colour when the output is not a terminal" \
	sh -c "! grep -q \"\$(printf '\\033')\" '$out'"
printf '[display]\ncolour = always\n' >"$TEST_DIR/colour.ini"
run --config "$TEST_DIR/colour.ini" due
check_true "colour = always colours even a pipe" grep -q "$(printf '\033')\\[31;1m" "$out"
done_testing
