#!/bin/sh
# SPDX-License-Identifier: MIT
# The statutory visit clock on the caseload list: a young person whose
# visit is due before their other clocks has it in the Next, Due and
# When columns, marked overdue (!) or due soon (~), at 100 and at 80
# columns; the filter (f) shows who lives in a chosen type of
# accommodation, as 'caseload list --accommodation' lists them.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

# Hà moved into supported lodgings the local authority provides on 10
# November: her first visit was due on the 17th, before her next contact
# (today).  Grace, stepped down, moved into some on the 24th: a visit due
# on 1 December, before her next letter.
fixture moved 4 --type supported-lodgings --provided-by-la --date 2026-11-10
fixture moved 7 --type semi-independent --provided-by-la --date 2026-11-24
# Ming is sofa surfing; Aisha moved into lodgings on the 25th (a visit
# due on 2 December, due soon), Jordan did but struck the row out.
fixture moved 8 --type sofa-surfing --date 2026-11-20
fixture moved 1 --type supported-lodgings --provided-by-la --date 2026-11-25
fixture moved 5 --type sofa-surfing --date 2026-11-20
fixture strike 5 M1
check_true "the store keeps Hà's visit date" \
	test "$(sql "SELECT visit_due FROM people WHERE id = 4")" = 2026-11-17

tui_start
wait_for "Showing everyone"
row=$(list_row 4)
case $row in
"!"*"visit   17/11/2026 10d overdue"*)
	ok "Hà's row says her visit, its date and how late, marked !" ;;
*)
	not_ok "Hà's row says her visit, its date and how late, marked !"
	diag_screen ;;
esac
row=$(list_row 7)
case $row in
"~"*"stepped down visit   01/12/2026 in 4 days"*)
	ok "Grace's visit, due soon, before her letter: marked ~" ;;
*)
	not_ok "Grace's visit, due soon, before her letter: marked ~"
	diag_screen ;;
esac
row=$(list_row 1)
case $row in
*"visit"*) not_ok "Aisha's contact, overdue, comes before her visit"
	diag_screen ;;
"!"*"contact"*) ok "Aisha's contact, overdue, comes before her visit" ;;
*) not_ok "Aisha's contact, overdue, comes before her visit"
	diag_screen ;;
esac
row=$(list_row 8)
case $row in
*visit*) not_ok "sofa surfing has no visit clock"; diag_screen ;;
*) ok "sofa surfing has no visit clock" ;;
esac

# --- the filter: who lives in a type of accommodation
keys f
check_screen "Living in sofa surfing" "the filter offers the types"
# Five filters, then the types in the order 'caseload moved' gives
# (sofa surfing is the tenth), then the archived.
i=0
while [ $i -lt 14 ]; do
	keys Down
	i=$((i + 1))
done
keys Enter
check_screen "Showing 1: living in sofa surfing" \
	"the status line says which and how many"
check_true "Ming is listed" test -n "$(list_row 8)"
check_true "Jordan, whose move was struck out, is not" test -z "$(list_row 5)"
check_true "nor Hà" test -z "$(list_row 4)"
keys Escape
check_screen "Showing everyone" "Esc shows everyone again"
keys q
check_exit 0 "quits with status 0"

# --- at 80 columns the row still says it
TUI_COLS=80
TUI_LINES=24
tui_start
wait_for "Showing everyone"
row=$(list_row 4)
case $row in
"!"*"visit"*"17/11/2026"*"10d overdue"*)
	ok "at 80 columns too" ;;
*)
	not_ok "at 80 columns too"
	diag_screen ;;
esac
keys q
check_exit 0 "quits with status 0 at 80 columns"
done_testing
