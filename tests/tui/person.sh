#!/bin/sh
# SPDX-License-Identifier: MIT
# A young person's page: open it with Enter, read it, scroll it, and
# strike out a contact from it (chosen from a pick list, then confirmed).
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

tui_start
wait_for "Showing everyone"
keys j j j j j Enter
check_screen "Aisha Khan  (number 1)" "Enter opens the selected young person"
check_screen "Known as        Ash" "the page shows the preferred name"
check_screen "Date of birth   14/03/2007, age 19, 18-21" "age and stage"
check_screen "                Leeds LS1 4AB" "an address over two lines"
check_screen "! Next contact    28/10/2026  overdue by 30 days" \
	"what is coming up, overdue marked with !"

# The contact log, newest first: the attempted visit above the phone call.
first=$(screen | grep -n ' 2 .*30/10/2026  visit   by the worker, attempted' |
	cut -d: -f1)
second=$(screen | grep -n ' 1 .*02/09/2026  phone' | cut -d: -f1)
if [ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ]; then
	ok "the contact log is newest first"
else
	not_ok "the contact log is newest first ($first, $second)"
	diag_screen
fi

keys End
check_screen "R1     01/06/2026" "End scrolls to the end of the page"
check_screen_lacks "Aisha Khan  (number 1)" "... and the top scrolls away"
keys Home
check_screen "Aisha Khan  (number 1)" "Home goes back to the top"

# Strike out: choose the phone call, give a reason, confirm with Enter.
keys d
check_screen "Strike out which of Ash's entries?" "d offers the contacts to strike out"
check_screen "2      30/10/2026  visit  (attempted) Not in." \
	"the pick list shows each contact"
keys Down Enter
check_screen "Strike out Ash's contact 1?" "choosing one asks to confirm"
type_text "logged twice"
keys Enter
check_screen "Struck out Ash's contact 1; it stays in the record" \
	"Enter strikes it out"
# The message is long: its box covers the page until a key (Ctrl-L).
keys C-l
# Below the birthday return's overdue window: to the end of the page.
keys End
check_screen "STRUCK OUT on 27/11/2026: logged twice" \
	"the page shows it struck out"
check_screen "! Next contact    08/02/2025" \
	"with no contact left, the next is due a week after allocation"
if [ "$(sql "SELECT struck_on || '|' || struck_reason FROM contacts
    WHERE id = 1")" = "2026-11-27|logged twice" ]; then
	ok "the strike is in the database"
else
	not_ok "the strike is in the database"
fi
run due --format csv
check_out_has "1,Aisha Khan,stepped-up,,2025-02-08,657,overdue" \
	"the command line sees the same next contact"

# Esc before confirming keeps the contact.
keys d
wait_for "Strike out which of Ash's entries?"
keys Enter
wait_for "Strike out Ash's contact 2?"
keys Escape
check_screen_lacks "Strike out Ash's contact 2?" "Esc closes the confirmation"
if [ "$(sql "SELECT struck_on IS NULL FROM contacts WHERE id = 2")" = 1 ]; then
	ok "... and nothing is struck out"
else
	not_ok "... and nothing is struck out"
fi

keys Escape
check_screen "Showing everyone: 10" "Esc goes back to the list"
keys / 
type_text "11"
wait_for "Search (name or number): 11"
keys Enter Enter
check_screen "No successful contact recorded yet." \
	"a log whose only contact is struck out"
check_screen "STRUCK OUT on 27/11/2026: logged for the wrong young person" \
	"an earlier strike is shown with its reason"
keys q q
check_exit 0 "quits with status 0"

done_testing
