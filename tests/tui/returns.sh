#!/bin/sh
# SPDX-License-Identifier: MIT
# The birthday return from the screens: R on a young person's page
# records the return for the birthday whose window is open, with in
# touch, activity and hours chosen from menus; the page lists it and the
# window as recorded, the agenda drops the window it showed, and it is
# stored.  R again offers to strike it out, and then records it again;
# once the window has closed with nothing recorded, R records it late,
# and again offers to strike that out.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# Aisha (born 14/03/2007): her 20th birthday's window opens on
# 14/12/2026.
TODAY=2026-12-14
tui_start
wait_for "Showing everyone"
keys g
check_screen "return window opens      Aisha Khan (Ash)" \
	"the agenda has her 20th birthday's window opening today"
keys Escape
wait_for "Showing everyone"
keys /
type_text "Aisha"
wait_for "Search (name or number): Aisha"
keys Enter Enter
check_screen "Aisha Khan  (number 1)" "Aisha's page opens"
check_screen "Birthday return for 20th birthday: window open 14/12/2026 to 14/04/2027, not recorded" \
	"the page shows the window open"

keys R
check_screen "Birthday return for Ash" "R opens the return dialog"
check_screen "In touch         yes" "in touch is offered, yes first"
keys Tab Right Right Right Right
check_screen "employment" "the activity is chosen from a menu"
keys Tab Right
check_screen "part-time" "and the hours"
keys Enter
check_screen "Recorded B1, the return for Ash's 20th birthday." "Enter records it"
check_screen "Birthday returns (R to record one)" "the page has a returns section"
check_screen "B1     14/12/2026  20th birthday: in touch: yes; employment, part-time" \
	"the return is listed"
check_screen "window open 14/12/2026 to 14/04/2027, recorded" \
	"and the window says recorded"
if [ "$(sql "SELECT person_id || '|' || age || '|' || in_touch || '|' ||
    activity || '|' || part_time || '|' || on_date FROM returns")" = \
    "1|20|yes|employment|1|2026-12-14" ]; then
	ok "the return is in the database"
else
	not_ok "the return is in the database"
fi

keys R
check_screen "Strike out B1, Ash's 20th birthday return" \
	"R again, with the return in, offers to strike it out"
type_text "wrong young person"
keys Enter
check_screen "Struck out B1, the return for Ash's 20th birthday" \
	"Enter strikes it out"
keys C-l
check_screen "STRUCK OUT on 14/12/2026: wrong young person" \
	"the page shows it struck out"
check_screen "window open 14/12/2026 to 14/04/2027, not recorded" \
	"and the window open again"
if [ "$(sql "SELECT struck_on || '|' || struck_reason FROM returns")" = \
    "2026-12-14|wrong young person" ]; then
	ok "the strike is in the database, the return kept"
else
	not_ok "the strike is in the database, the return kept"
fi

keys R
check_screen "Birthday return for Ash" "R then records it again"
keys Right
check_screen "In touch         no" "in touch: no"
keys Enter
check_screen "Recorded B2, the return for Ash's 20th birthday." \
	"the return is recorded again"
check_true "two rows, the new one standing" test "$(sql "SELECT count(*) ||
    '|' || (SELECT in_touch FROM returns WHERE struck_on IS NULL)
    FROM returns")" = "2|no"

keys g
check_screen "Agenda from 14/12/2026 to 10/01/2027" "g opens the agenda again"
check_screen_lacks "return window opens      Aisha Khan (Ash)" \
	"the agenda no longer shows the window she has recorded"
keys q q q
check_exit 0 "quits with status 0"

# Her 20th birthday's window closed on 14/04/2027 with the return struck
# out and not recorded again: R records it late, and says so.
"$CASELOAD" --db "$DB" --today 2027-01-04 return 1 --strike B2 \
	--reason "to record it late" >/dev/null 2>&1
TODAY=2027-05-03
tui_start
wait_for "Showing everyone"
keys /
type_text "Aisha"
wait_for "Search (name or number): Aisha"
keys Enter Enter
check_screen "window was open 14/12/2026 to 14/04/2027, OVERDUE" \
	"after its window closes, the page says the return is overdue"
keys R
check_screen "late, the latest whose window has closed" "the dialog says a late return is taken"
keys Right
check_screen "In touch         no" "in touch: no"
keys Enter
check_screen "Recorded B3, the return for Ash's 20th birthday (late: its window closed on 14/04/2027)." \
	"R records it late, and says so"
check_true "stored for the 20th birthday, on the day" test "$(sql "SELECT age ||
    '|' || in_touch || '|' || on_date FROM returns
    WHERE struck_on IS NULL")" = "20|no|2027-05-03"
# Recorded late by mistake: R again offers to strike it out, as it does
# while the window is open (it opened the form, which then refused).
keys R
check_screen "Strike out B3, Ash's 20th birthday return" \
	"R again, with the late return in, offers to strike it out"
type_text "recorded by mistake"
keys Enter
check_screen "Struck out B3, the return for Ash's 20th birthday" \
	"Enter strikes the late return out"
check_true "the late return is struck out in the database, and kept" \
    test "$(sql "SELECT count(*) || '|' || (SELECT struck_reason FROM returns
    WHERE person_id = 1 ORDER BY id DESC LIMIT 1) FROM returns
    WHERE person_id = 1 AND age = 20 AND struck_on IS NULL")" = \
    "0|recorded by mistake"
keys q q
check_exit 0 "quits with status 0 after a late return"
done_testing
