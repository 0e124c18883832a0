#!/bin/sh
# SPDX-License-Identifier: MIT
# Safety flags from the screens: S on a young person's page sets a flag
# (its kind, a note, the date); the page lists it, the list marks the
# young person beside their name and its legend says what the marker
# means; the contact dialog warns before a visit to someone not to be
# visited alone and records where it was and whether they were seen
# alone; S again ends the flag, kept on the page marked ended.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

tui_start
wait_for "Showing everyone"
check_screen "⚑ safety flag" "the list's legend explains the marker"
keys /
type_text "2"
wait_for "Search (name or number): 2"
keys Enter Enter
check_screen "Ben Carter  (number 2)" "Ben's page opens"
check_screen_lacks "⚑" "no marker before a flag is set"

keys S
check_screen "Set a safety flag on Ben Carter" "S opens the flag dialog"
check_screen "Kind             do not visit alone" \
	"the first kind is offered"
keys Tab
type_text "Dog at the flat; visit in pairs"
keys Enter
check_screen "Set flag F1 (do not visit alone) on ⚑ Ben Carter." \
	"Enter sets it"
check_screen "⚑ Ben Carter  (number 2)" "the page's title carries the marker"
check_screen "F1     27/11/2026  do not visit alone: Dog at the flat; visit in pairs" \
	"the page lists the flag with its note"
if [ "$(sql "SELECT person_id || '|' || kind || '|' || note || '|' ||
    set_on || '|' || (ended_on IS NULL) FROM flags")" = \
    "2|do-not-visit-alone|Dog at the flat; visit in pairs|2026-11-27|1" ]; then
	ok "the flag is in the database"
else
	not_ok "the flag is in the database"
fi

# The edit form and the handover dialog name them with the marker.
keys e
check_screen "Edit the details of ⚑ Ben Carter (number 2)" \
	"the edit form's title carries the marker"
keys Enter
check_screen "Saved ⚑ Ben Carter's details." "and so does its message"
keys H
check_screen "Hand ⚑ Ben Carter over to another worker" \
	"the handover dialog's title carries the marker"
check_screen "and safety flags with every note" \
	"and it says the safety flags go in the file"
keys Escape
wait_for "⚑ Ben Carter  (number 2)"

# The contact dialog warns, and records where and whether seen alone.
keys c
check_screen "Log a contact with ⚑ Ben Carter" \
	"the contact dialog's title carries the marker"
check_screen "WARNING: do not visit alone" "and warns before a visit"
keys Tab
type_text "v"
keys Tab Tab Tab Tab
type_text "h"
keys Tab
type_text "n"
check_screen "Where            home" "the place is chosen"
check_screen "Seen alone       no" "and whether seen alone"
keys Enter
check_screen "Logged contact 2: visit with ⚑ Ben Carter" "the contact is logged"
check_screen "safety flag: the visit is logged" "saying so again"
if [ "$(sql "SELECT method || '|' || place || '|' || seen_alone FROM contacts
    WHERE person_id = 2 ORDER BY id DESC LIMIT 1")" = "visit|home|0" ]; then
	ok "where and whether seen alone are stored"
else
	not_ok "where and whether seen alone are stored"
fi
# The log is below the birthday return's window: to the end of the page.
keys End
check_screen "visit   by the worker, at home, not seen alone" \
	"the page lists the contact with them"

# Back on the list, the marker beside the name.
keys q
wait_for "Showing"
keys Escape
wait_for "Showing everyone"
check_screen "⚑ Ben Carter" "the list marks the young person"
keys '?'
check_screen "⚑ before a name marks" "the list's help explains the marker"
keys q
wait_for "Showing everyone"
keys l
wait_for "Stepped down"
keys Down
check_screen "~ due soon  ⚑ safety flag" \
	"the letters screen's legend explains it"
keys q
wait_for "Showing everyone"

# S again offers to change its note: the old one is kept, as earlier.
keys /
type_text "2"
wait_for "Search (name or number): 2"
keys Enter Enter
wait_for "⚑ Ben Carter  (number 2)"
keys S
check_screen "Safety flags: set one, change a note, or end one" \
	"S offers to set one, change a note or end one"
check_screen "Change the note of F1 (do not visit alone)" \
	"changing the note is one of the choices"
keys Down Down Enter
check_screen "Change the note of flag F1 (do not visit alone) of ⚑ Ben Carter" \
	"choosing it opens the note"
keys C-u
type_text "Dog rehomed; still visit in pairs"
keys Enter
check_screen "Changed the note of flag F1 (do not visit alone) of ⚑ Ben Carter" \
	"Enter changes it"
check_screen "do not visit alone: Dog rehomed; still visit in pairs" \
	"the page shows the new note"
check_screen "was: Dog at the flat; visit in pairs (27/11/2026)" \
	"and the old one, marked as earlier"
if [ "$(sql "SELECT group_concat(note, '|') FROM flag_notes")" = \
    "Dog at the flat; visit in pairs|Dog rehomed; still visit in pairs" ] &&
    [ "$(sql "SELECT note FROM flags")" = \
    "Dog rehomed; still visit in pairs" ]; then
	ok "both notes are in the database, the new one the flag's"
else
	not_ok "both notes are in the database, the new one the flag's"
fi

# S again offers to end it.
keys S
check_screen "Safety flags: set one, change a note, or end one" \
	"S offers to end it"
keys Down Enter
check_screen "End flag F1 (do not visit alone) of ⚑ Ben Carter?" \
	"choosing the flag asks to end it"
keys Tab
type_text "moved to a new flat"
keys Enter
check_screen "Ended flag F1 (do not visit alone); it stays in the record" \
	"Enter ends it"
check_screen "ENDED on 27/11/2026: moved to a new flat" \
	"the page keeps it, marked ended"
check_screen "Ben Carter  (number 2)" "the title no longer carries the marker"
check_screen_lacks "⚑ Ben Carter" "nor anything else on the page"
if [ "$(sql "SELECT ended_on || '|' || ended_reason FROM flags")" = \
    "2026-11-27|moved to a new flat" ]; then
	ok "the flag is ended in the database, and kept"
else
	not_ok "the flag is ended in the database, and kept"
fi
keys q q
check_exit 0 "quits with status 0"
done_testing
