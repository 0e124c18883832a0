#!/bin/sh
# SPDX-License-Identifier: MIT
# Striking out an annual letter recorded by mistake from the young
# person's page: the pick list offers their contacts, letters and reviews
# by their own numbers; the letter stays on the page, marked struck out,
# and the next letter falls due from the step-down again.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

fixture letters sent Jordan --date 2026-11-20

tui_start
wait_for "Showing everyone"
keys /
type_text "5"
wait_for "Search (name or number): 5"
keys Enter Enter
check_screen "Jordan Lee  (number 5)" "Jordan's page opens"
check_screen "  Annual letter   20/11/2027" "the letter sent moved the next one"
check_screen "  Letters sent" "the page has a section for the letters"
check_screen "  L1     20/11/2026" "each letter with its number"
check_screen "  Plan reviews    none yet" "and says when there are no reviews"

keys d
check_screen "Strike out which of Jordan Lee's entries?" \
	"d offers what can be struck out, naming the young person"
check_screen "1      20/10/2025  visit" "their contact, by their own number"
check_screen "L1     20/11/2026  annual letter sent" "and their letter"
keys Down Enter
check_screen "Strike out Jordan Lee's letter L1?" "choosing the letter asks to confirm"
check_screen "Annual letter L1 to Jordan Lee, recorded as sent on 20/11/2026." \
	"saying which letter"
type_text "posted to the wrong address"
keys Enter
check_screen "Struck out Jordan Lee's letter L1; it stays in the record" \
	"Enter strikes it out"
check_screen "  L1     20/11/2026  STRUCK OUT on 27/11/2026: posted to the wrong address" \
	"the page shows the letter struck out"
check_screen "! Annual letter   01/11/2026  overdue by 26 days" \
	"the next letter is due from the step-down again"
if [ "$(sql "SELECT struck_on || '|' || struck_reason FROM letters")" = \
    "2026-11-27|posted to the wrong address" ] &&
    [ "$(sql "SELECT last_letter IS NULL FROM people WHERE id = 5")" = 1 ]; then
	ok "the strike is in the database, and the letter no longer counts"
else
	not_ok "the strike is in the database, and the letter no longer counts"
fi
run letters --format csv
check_out_has "5,Jordan Lee,2025-11-01,,2026-11-01,26" \
	"the command line sees the same next letter"

# Struck out, it is no longer offered.
keys d
wait_for "Strike out which of Jordan Lee's entries?"
check_screen_lacks "annual letter sent" "a struck letter is not offered again"
keys Escape
keys q q
check_exit 0 "quits with status 0"

# A contact struck out keeps the actions agreed at it open, and says so.
run contact 2 --date 2026-11-21 --agreed "Ring the college" --due 2026-12-10 \
	--agreed "Send the form" --due 2026-12-12
tui_start
wait_for "Showing everyone"
keys /
type_text "2"
wait_for "Search (name or number): 2"
keys Enter Enter
check_screen "Ben Carter  (number 2)" "Ben's page opens"
keys d
check_screen "2      21/11/2026  phone" "d offers his contact with the actions"
keys Enter
check_screen "Strike out Ben Carter's contact 2?" "choosing it asks to confirm"
keys Enter
check_screen "Its agreed actions A1, A2 stay open: T closes them." \
	"the message says the actions agreed at it stay open"
if [ "$(sql "SELECT count(*) FROM actions WHERE person_id = 2 AND
    closed_on IS NULL")" = 2 ] &&
    [ "$(sql "SELECT struck_on FROM contacts WHERE person_id = 2 AND
    on_date = '2026-11-21'")" = 2026-11-27 ]; then
	ok "the contact is struck out and both actions are still open"
else
	not_ok "the contact is struck out and both actions are still open"
fi
keys q q
check_exit 0 "quits with status 0 again"
done_testing
