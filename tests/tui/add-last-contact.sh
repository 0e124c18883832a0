#!/bin/sh
# SPDX-License-Identifier: MIT
# The add form's last contact: a worker entering a caseload they already
# know gives the day they last saw someone, and the contact clock runs
# from it (logged with the add); a day before the allocation is refused
# beside the field, and nothing is saved.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

tui_start
wait_for "Showing everyone"
keys a
check_screen "Add a young person" "a opens the add form"
check_screen "Last contact" "the form has a last contact field"
type_text "Tom Hardy"
keys Tab Tab
type_text "02/02/2008"
# To Allocated on, then Contact every, Last contact and its method.
keys Tab Tab Tab Tab Tab Tab
type_text "01/11/2026"
keys Tab Tab
type_text "20/10/2026"
keys Tab Right
check_screen "Method            visit      of the last contact" \
	"its method is chosen with Left/Right"
snapshot
keys Enter
check_screen "! 20/10/2026 is before they were allocated to you on 01/11/2026" \
	"a last contact before the allocation is refused beside the field"
check_unchanged "and nothing is saved"
# The allocation left blank: they were allocated by the last contact.
keys Up Up C-u Down Down
keys Enter
check_screen "Added 12 Tom Hardy (18-21); last contact 20/10/2026, next contact due 15/12/2026." \
	"saved: the next contact is 8 weeks after the last"
check_screen "12  Tom Hardy" "they are on the list"
if [ "$(sql "SELECT p.allocated_on, c.on_date, c.method, c.started_by,
    c.attempted FROM people p JOIN contacts c ON c.person_id = p.id
    WHERE p.id = 12")" = "2026-10-20|2026-10-20|visit|worker|0" ]; then
	ok "stored: allocated on the day of the contact, a visit by the worker"
else
	not_ok "stored: allocated on the day of the contact, a visit by the worker"
fi
run due --format csv
check_out_has "12,Tom Hardy,stepped-up,2026-10-20,2026-12-15,0,ok" \
	"the command line agrees"
keys q
check_exit 0 "q quits"
done_testing
