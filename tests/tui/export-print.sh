#!/bin/sh
# SPDX-License-Identifier: MIT
# Export and print from the screen.  x writes the calendar as 'caseload
# export -o FILE' does (the same items and UIDs, mode 0600, a file a
# calendar program reads); p prints the list on screen as 'caseload due
# --print' does, with names or initials only; a print command that fails
# shows its exit status and loses nothing; one that needs the terminal
# gets it, and the screen comes back after it.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

CONF=$TEST_DIR/caseload.ini
PRINTED=$TEST_DIR/printed
ICS=$HOME/caseload.ics

# ------------------------------------------------------------------ export

# What the command exports, for comparing.
run export -o "$TEST_DIR/cli.ics"
items=$(sed -n 's/^Exported \([0-9]*\) items.*/\1/p' "$out")

tui_start
wait_for "Showing everyone"
keys x
check_screen "Export the calendar" "x opens the export dialog"
check_screen "File             ~/caseload.ics" "... for ~/caseload.ics"
check_screen "Days             365" "... over 365 days"
check_screen "initials and numbers only" "... and says what privacy it keeps"
keys Enter
check_screen "Exported $items items to $ICS." \
	"Enter exports, and says how many items to which file"
if [ -f "$ICS" ] && [ "$(stat -c %a "$ICS")" = 600 ]; then
	ok "the file is there, mode 0600"
else
	not_ok "the file is there, mode 0600"
	ls -l "$ICS" 2>&1 | sed 's/^/# /'
fi
if [ -z "$(find "$HOME" -name '*.tmp*' -o -name '.caseload*' | grep -v "^$ICS\$")" ]; then
	ok "no temporary file is left"
else
	not_ok "no temporary file is left"
	ls -la "$HOME" | sed 's/^/# /'
fi
check_true "it is a calendar" grep -q '^BEGIN:VCALENDAR' "$ICS"
check_true "... of as many items as the command exports ($items)" \
	test "$(grep -c '^UID:' "$ICS")" = "$items"
# The same file but for the time it was made (DTSTAMP, LAST-MODIFIED).
grep -v -e '^DTSTAMP' -e '^LAST-MODIFIED' "$ICS" >"$TEST_DIR/screen.cmp"
grep -v -e '^DTSTAMP' -e '^LAST-MODIFIED' "$TEST_DIR/cli.ics" >"$TEST_DIR/cli.cmp"
if cmp -s "$TEST_DIR/screen.cmp" "$TEST_DIR/cli.cmp"; then
	ok "the same items, UIDs and text as 'caseload export -o FILE'"
else
	not_ok "the same items, UIDs and text as 'caseload export -o FILE'"
	diff "$TEST_DIR/cli.cmp" "$TEST_DIR/screen.cmp" | head -20 | sed 's/^/# /'
fi
uuid=$(sql "SELECT uuid FROM people WHERE id = 1")
check_true "Aisha's contact has her stable UID" \
	grep -q "^UID:$uuid-contact@caseload" "$ICS"
check_true "no name is exported ([calendar] privacy = initials)" \
	sh -c "! grep -q 'Aisha' '$ICS'"
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' \
    2>/dev/null; then
	check_true "python3-icalendar reads it: every item, UIDs unique" \
	    /usr/bin/python3 -c '
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
items = [c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]
uids = [str(c["UID"]) for c in items]
assert len(items) == int(sys.argv[2]), len(items)
assert len(set(uids)) == len(uids)
' "$ICS" "$items"
else
	skip "python3-icalendar reads it: every item, UIDs unique" \
	    "no python3-icalendar"
fi

# Fewer days, and the dialog remembers what was typed.
keys x
wait_for "Export the calendar"
keys Down C-u
type_text "30"
keys Up C-u
type_text "~/month.ics"
keys Enter
run export --days 30 -o "$TEST_DIR/month.ics"
n=$(sed -n 's/^Exported \([0-9]*\) items.*/\1/p' "$out")
check_screen "Exported $n items to $HOME/month.ics." \
	"with 30 days, as many items as 'export --days 30'"
keys x
check_screen "File             ~/month.ics" "the dialog offers the last file"
check_screen "Days             30" "... and the last days"

# Bad input: said beside the field, nothing written.
keys Down C-u
type_text "0"
keys Enter
check_screen "! '0' is not a whole number from 1 to 3660" \
	"days must be 1 to 3660, as --days"
keys C-u
type_text "7"
keys Up C-u
type_text "~/no-such-folder/x.ics"
keys Enter
check_screen "! its folder does not exist" \
	"a missing folder is refused beside the file"
check_true "nothing was written" test ! -e "$HOME/no-such-folder"
keys C-u
type_text "~"
keys Enter
check_screen "! that is a folder; give a file name" "a folder is refused too"
keys Escape
wait_for "Throw away what you typed?"
keys y
wait_gone "Export the calendar"
keys q
check_exit 0 "quits with status 0"

# ---------------------------------------------------------------- printing

printf '[letters]\nprint_command = cat > %s\n' "$PRINTED" >"$CONF"
tui_start --config "$CONF"
wait_for "Showing everyone"
snapshot
keys p
check_screen "Print the contacts due: 10 young people, 1 page, to 'cat >" \
	"p asks before printing: what, how many, to which command"
check_screen "y: yes   i: initials only, no names   n or Esc: no" \
	"... with names, or initials only"
keys n
check_screen_lacks "Print the contacts due" "n: not printed"
check_true "nothing was sent" test ! -e "$PRINTED"
keys p
wait_for "Print the contacts due"
keys y
check_screen "Sent 1 page (10 young people) to 'cat > $PRINTED'." \
	"y prints, and says what was sent"
check_screen "! 11  Ellie-Mae" "the screen stays"
mv "$PRINTED" "$TEST_DIR/screen.txt"
"$CASELOAD" --db "$DB" --today "$TODAY" --config "$CONF" due --print \
	>/dev/null 2>&1
# The screen prints its rows in its own order (most urgent item of any
# kind first), due in the order of the next contact: the same lines.
if [ "$(sort "$PRINTED")" = "$(sort "$TEST_DIR/screen.txt")" ]; then
	ok "the same lines as 'caseload due --print'"
else
	not_ok "the same lines as 'caseload due --print'"
	diff "$PRINTED" "$TEST_DIR/screen.txt" | sed 's/^/# /'
fi
check_true "a title and Page 1 of 1" \
	grep -q '^Contacts due  *Page 1 of 1$' "$TEST_DIR/screen.txt"
check_true "the names" grep -q 'Aisha Khan (Ash)' "$TEST_DIR/screen.txt"

rm -f "$PRINTED"
keys p
wait_for "Print the contacts due"
keys i
check_screen "Sent 1 page (10 young people)" "i prints with initials only"
check_true "it says so in the title" \
	grep -q '^Contacts due (initials only)  *Page 1 of 1$' "$PRINTED"
check_true "initials instead of names" grep -q '  A\.K\.  ' "$PRINTED"
if grep -Eq 'Aisha|Khan|Ash|Jordan|Zoë|李明|Ming|Amira|Ellie|Ells' "$PRINTED"; then
	not_ok "no name or part of one anywhere"
	grep -E 'Aisha|Khan|Ash|Jordan|Zoë|李明|Ming|Amira|Ellie|Ells' \
	    "$PRINTED" | sed 's/^/# /'
else
	ok "no name or part of one anywhere"
fi

# A filter: the rows shown, and the title says which.
rm -f "$PRINTED"
keys f
wait_for "Overdue (7)"
keys Down Enter
wait_for "Showing 7: overdue"
keys p
check_screen "Print the contacts due (overdue): 7 young people" \
	"with a filter, p prints the rows shown"
keys y
wait_for "Sent 1 page (7 young people)"
check_true "the title names the filter" \
	grep -q '^Contacts due: overdue  *Page 1 of 1$' "$PRINTED"
check_true "seven rows: those with something overdue" \
	test "$(grep -cE '^ *(1|2|3|5|8|9|11)  ' "$PRINTED")" = 7
check_true "no one else" sh -c "! grep -q 'Grace Okoye' '$PRINTED'"
check_unchanged "printing wrote nothing to the database"
keys Escape q
check_exit 0 "quits with status 0"

# A print command that fails: its exit status, nothing lost.
cat >"$TEST_DIR/fail.sh" <<'EOF'
cat >/dev/null
echo "lpr: The printer or class does not exist." >&2
exit 3
EOF
printf '[letters]\nprint_command = sh %s\n' "$TEST_DIR/fail.sh" >"$CONF"
tui_start --config "$CONF"
wait_for "Showing everyone"
snapshot
keys p
wait_for "Print the contacts due"
keys y
check_screen "Not printed: the print command failed with exit status 3 (lpr: The printer or class" \
	"a failing print command shows its exit status and what it said"
check_screen "! 11  Ellie-Mae" "the screen stays, with the list as it was"
check_unchanged "nothing was lost or changed"
keys c
wait_for "Log a contact with"
keys Enter
check_screen "Logged contact 2: phone with Ming" "caseload carries on after it"
keys q
check_exit 0 "quits with status 0"

# An empty print command is refused before asking.
printf '[letters]\nprint_command =\n' >"$CONF"
tui_start --config "$CONF"
wait_for "Showing everyone"
keys p
check_screen "[letters] print_command is empty" "an empty print command is refused"
check_screen_lacks "Print the contacts due" "... without asking"
keys q
check_exit 0 "quits with status 0"

# A print command that needs the terminal (it asks a question there).
cat >"$TEST_DIR/ask.sh" <<EOF
cat > "$PRINTED"
printf 'Which printer? ' >/dev/tty
read printer </dev/tty
echo "\$printer" > "$TEST_DIR/answer"
echo "request id is \$printer-7"
EOF
rm -f "$PRINTED"
printf '[letters]\nprint_command = sh %s\n' "$TEST_DIR/ask.sh" >"$CONF"
tui_start --config "$CONF"
wait_for "Showing everyone"
keys p
wait_for "Print the contacts due"
keys y
check_screen "Which printer?" "a command that asks on the terminal gets it"
check_screen_lacks "Showing everyone" "... with the screen put away"
type_text "office"
keys Enter
check_screen "!  1  Aisha Khan" "the screen comes back after it"
# The whole message is shown, in a box, no longer cut.
check_screen "It said: request id" "... saying what the command said"
check_screen "is office-7" "... all of it"
check_true "the command read the answer typed" \
	test "$(cat "$TEST_DIR/answer" 2>/dev/null)" = office
check_true "... and the pages" grep -q '^Contacts due  *Page 1 of 1$' "$PRINTED"
keys j c
check_screen "Log a contact with" "the keys work again"
keys Escape q
check_exit 0 "quits with status 0"
check_terminal_sane "the terminal is left as it was"
check_true "... without TOSTOP" grep -q -- '-tostop' "$STTY"

# A print command that hangs: a signal still ends caseload, and the
# command with it.
cat >"$TEST_DIR/hang.sh" <<'EOF'
cat >/dev/null
echo $$ >"$0.pid"
exec sleep 300
EOF
printf '[letters]\nprint_command = sh %s\n' "$TEST_DIR/hang.sh" >"$CONF"
tui_start --config "$CONF"
wait_for "Showing everyone"
keys p
wait_for "Print the contacts due"
keys y
tui_poll test -s "$TEST_DIR/hang.sh.pid"
hung=$(cat "$TEST_DIR/hang.sh.pid" 2>/dev/null)
pane=$(tm display-message -p '#{pane_pid}')
kill -TERM "$(ps -o pid= --ppid "$pane" | tr -d ' ')"
check_exit 143 "SIGTERM while a print command hangs ends caseload (128 + 15)"
check_terminal_sane "... with the terminal restored"
if [ -n "$hung" ] && tui_poll sh -c "! kill -0 $hung 2>/dev/null"; then
	ok "... and the print command is stopped too"
else
	not_ok "... and the print command is stopped too"
	[ -n "$hung" ] && kill "$hung" 2>/dev/null
fi

done_testing
