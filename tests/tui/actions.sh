#!/bin/sh
# SPDX-License-Identifier: MIT
# What was agreed, from the screens: the contact dialog agrees one action
# (Agreed, Who, Due); T on a young person's page adds one, marks one done
# or drops one; the page lists them, open first; the list's header counts
# the late ones beside contacts, reviews and letters; and what the worker
# saw is what was stored.  An escape in an action never reaches the
# terminal raw.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

fixture action 2 --text "Bring payslips" --due 2026-11-20 --date 2026-11-10

tui_start
wait_for "Showing everyone"
check_screen "3 contacts, 4 reviews, 1 letter, 1 action overdue" \
	"the header counts a late action"

# Agreed at a contact, from the contact dialog.
keys /
type_text "Aisha"
wait_for "Search (name or number): Aisha"
keys Enter Enter
check_screen "Aisha Khan  (number 1)" "Aisha's page opens"
check_screen_lacks "Agreed actions" "no actions before one is agreed"
keys c
check_screen "Log a contact with Ash" "c opens the contact dialog"
check_screen "Agreed" "it has an Agreed field"
check_screen "Who" "a Who field"
check_screen "Due" "and a Due field"
# Date, Method, Started by, Attempted, Note, Where, Seen alone, Agreed.
keys Tab Tab Tab Tab Tab Tab Tab
type_text "Chase the bus pass"
keys Enter
check_screen "give a date, such as today or DD/MM/YYYY" \
	"an action agreed without a due date is refused beside Due"
check_true "and nothing was written" \
	test "$(sql "SELECT count(*) FROM contacts WHERE person_id = 1")" = 2
# The cursor is on Due, marked.
type_text "12/12/2026"
keys BTab
type_text "Mum"
keys Enter
check_screen "Agreed action A1, due 12/12/2026." "Enter saves both, and says so"
check_screen "Agreed actions, open first (T to add, mark done or drop one)" \
	"the page has an actions section"
check_screen "A1     due 12/12/2026  open       Mum: Chase the bus pass" \
	"the action is listed with who and when"
if [ "$(sql "SELECT a.text || '|' || a.who || '|' || a.agreed_on || '|' ||
    a.due_on || '|' || (a.contact_id = c.id) FROM actions a JOIN contacts c
    ON c.person_id = 1 AND c.id = (SELECT max(id) FROM contacts)
    WHERE a.person_id = 1")" = \
    "Chase the bus pass|Mum|2026-11-27|2026-12-12|1" ]; then
	ok "it is stored with the contact"
else
	not_ok "it is stored with the contact"
fi

# From the page: T adds one.
keys T
check_screen "Agreed actions: add one, mark one done, or drop one" \
	"T offers to add, mark done or drop"
keys Enter
check_screen "Agree an action with Ash" "the first choice adds one"
type_text "Ring the college"
keys Tab C-u
type_text "young-person"
keys Tab
type_text "20/11/2026"
keys Tab C-u
type_text "01/11/2026"
keys Enter
check_screen "Agreed action A2 with Ash, due 20/11/2026." "Enter saves it"
check_screen "A2     due 20/11/2026  7d late    the young person: Ring the college" \
	"a late one says how late"
if [ "$(sql "SELECT who || '|' || agreed_on || '|' || due_on ||
    '|' || (contact_id IS NULL) FROM actions WHERE text = 'Ring the college'")" = \
    "young-person|2026-11-01|2026-11-20|1" ]; then
	ok "it is stored, agreed on the date given"
else
	not_ok "it is stored, agreed on the date given"
fi

# A due date more than two years on is refused beside its field.
keys T
wait_for "Agreed actions: add one"
keys Enter
wait_for "Agree an action with Ash"
type_text "Too far"
keys Tab Tab
type_text "01/01/2030"
keys Enter
check_screen "more than two years after" "a due date too far on is refused"
keys Escape
wait_for "Discard" 
keys y
wait_for "Aisha Khan  (number 1)"
check_true "and nothing was written" \
	test "$(sql "SELECT count(*) FROM actions WHERE person_id = 1")" = 2

# Marking one done.
keys T
wait_for "Agreed actions: add one"
check_screen "Done A2   due 20/11/2026  Ring the college" "each open one can be marked done"
keys Down
keys Enter
check_screen "Mark done action A2 of Ash?" "choosing it asks the date"
keys Enter
check_screen "Marked action A2 done on 27/11/2026; it stays in the record." \
	"Enter marks it done"
check_screen "A2     done    27/11/2026  the young person: Ring the college" \
	"it is listed after the open ones, done"
check_true "it is stored done, today" test "$(sql "SELECT closed_as || '|' ||
    closed_on FROM actions WHERE text = 'Ring the college'")" = "done|2026-11-27"

# The list's header counts the late ones.
keys q
wait_for "Showing everyone"
check_screen "2 contacts, 4 reviews, 1 letter, 1 action overdue" \
	"the header counts the late actions left"
sql "INSERT INTO actions (person_id, text, who, agreed_on, due_on)
    VALUES (3, 'Red' || char(27) || '[31m text', 'Aunt' || char(27) ||
    ']0;x' || char(7), '2026-11-01', '2026-11-02')"
wait_for "2 actions overdue"
check_screen "2 contacts, 4 reviews, 1 letter, 2 actions overdue" \
	"another late one, written elsewhere, is counted"
keys Escape
wait_for "Showing everyone"
keys /
type_text "Zo"
wait_for "Search (name or number): Zo"
keys Enter Enter
wait_for "(number 3)"
check_screen 'Aunt\x1b]0;x\x07: Red\x1b[31m text' \
	"an escape in an action is shown escaped"
keys q q
check_exit 0 "quits with status 0"

# With names in full in the calendar, the dialog says the calendar holds
# what was agreed, not that it leaves it out.
printf '[calendar]\nprivacy = full\n' >"$TEST_DIR/full.ini"
tui_start --config "$TEST_DIR/full.ini"
wait_for "Showing everyone"
keys /
type_text "Aisha"
wait_for "Search (name or number): Aisha"
keys Enter Enter
wait_for "(number 1)"
keys T
wait_for "Agree a new action"
keys Enter
check_screen "in full, in the calendar" \
	"with privacy = full the dialog says the calendar holds the action"
check_screen_lacks "without what it is" "... not that it leaves it out"
keys Escape
wait_gone "Agree an action"
keys q q
check_exit 0 "quits with status 0"
done_testing
