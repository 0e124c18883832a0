#!/bin/sh
# SPDX-License-Identifier: MIT
# Log a contact from the list: the dialog's defaults (today, a phone call,
# started by the worker), changing them, saving with one key, the young
# person leaving the overdue list at once, and the database as the
# command line sees it.  An attempted contact, and a date in the future
# refused beside its field with nothing saved.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

tui_start
wait_for "Showing everyone"
keys f
check_screen "Overdue (7)" "f offers the filters, with counts"
keys Down Enter
check_screen "Showing 7: overdue" "the overdue filter"
check_screen "Aisha Khan (Ash)" "Aisha is overdue"

# Overdue, most urgent first: 8, 3, 2 and 9 (reviews), 11, 1 (contacts),
# 5 (a letter).
keys j j j j j c
check_screen "Log a contact with Ash" "c opens the log contact dialog"
check_screen "Date             27/11/2026" "it defaults to today"
check_screen "Method           phone" "... and a phone call"
check_screen "Started by       the worker" "... started by the worker"
check_screen "Attempted        no: we were in touch" "... and not attempted"

keys Down v Tab Tab Tab
type_text "Bursary form done — £500 from the college"
check_screen "Method           visit" "a letter picks the method"
keys Enter
check_screen "Logged contact 3: visit with Ash on 27/11/2026. Next contact due 22/01/2027." \
	"Enter saves, and says when the next contact is due"
check_screen_lacks "Aisha Khan" "she leaves the overdue list at once"
check_screen "7/22 stepped up · 2 contacts, 4 reviews, 1 letter overdue" \
	"the header counts one contact fewer overdue"
check_screen "Amira Haddad" "the others stay on it"

run due --format csv
check_out_has "1,Aisha Khan,stepped-up,2026-11-27,2027-01-22,0,ok" \
	"the command line sees the contact"
run show 1
check_out_has "  3      27/11/2026  visit   by the worker" \
	"the contact is in the log"
check_out_has "Bursary form done — £500 from the college" \
	"with its note, as typed"

# An attempted contact is kept but does not reset the clock.
keys Home j j j c
wait_for "Log a contact with Amira Haddad"
keys Down Down Down Right
check_screen "Attempted        yes: no answer, not in" "Right changes a choice"
keys Enter
check_screen "attempted phone with Amira Haddad on 27/11/2026; it does not reset" \
	"an attempted contact is saved and explained"
check_screen "Amira Haddad" "... and she stays overdue"
if [ "$(sql "SELECT attempted || method || started_by FROM contacts
    WHERE id = 10")" = "1phoneworker" ]; then
	ok "the attempted contact is in the database"
else
	not_ok "the attempted contact is in the database"
fi

# A date in the future is refused beside the field; nothing is saved.
keys Home j j j j c
wait_for "Log a contact with Ellie-Mae"
snapshot
keys C-u
type_text "28/11/2026"
keys Enter
check_screen "! 28 November 2026 is in the future" \
	"a future date is refused beside the field"
check_screen "Nothing was saved" "the status line says nothing was saved"
check_unchanged "nothing was written"
keys C-u
type_text "yesterday"
keys Enter
check_screen "Logged contact 2: phone with Ellie-Mae" "corrected, it saves"
if [ "$(sql "SELECT on_date FROM contacts WHERE id = 11")" = 2026-11-26 ]; then
	ok "\"yesterday\" is the day before today"
else
	not_ok "\"yesterday\" is the day before today"
fi

# Esc asks before throwing typed text away.
keys c
wait_for "Log a contact with"
type_text "half a note"
keys Escape
check_screen "Throw away what you typed?" "Esc asks before throwing text away"
keys n
check_screen_lacks "Throw away what you typed?" "n goes back to the dialog"
check_screen "half a note" "... with the text still there"
keys Escape
wait_for "Throw away what you typed?"
keys y
check_screen_lacks "Log a contact with" "y throws it away"
if [ "$(sql "SELECT count(*) FROM contacts")" = 11 ]; then
	ok "nothing was saved from the thrown-away dialog"
else
	not_ok "nothing was saved from the thrown-away dialog"
fi

keys Escape q
check_exit 0 "quits with status 0"

done_testing
