#!/bin/sh
# SPDX-License-Identifier: MIT
# The caseload list (home screen) on the fixture caseload: the header, the
# order (most urgent first), the text markers, wide names aligned, help
# made from the key table, and quitting with status 0 and a sane terminal.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

tui_start
check_screen "27/11/2026 · 7/22 stepped up · 3 contacts, 4 reviews, 1 letter overdue" \
	"header: today (UK format), caseload against the cap, overdue of each kind"
resize 120 30
check_screen "caseload · Leaving Care Worker" \
	"header: the worker's title when no name is set"
check_screen "Contacted" "a wide window shows the last contact too"
resize 100 30
check_screen_lacks "Contacted" "... which gives way at 100 columns"

# The numbers down the list, in order: by each one's most urgent item,
# whatever its kind, stepped up or down; then those with nothing due; the
# archived one (10) is not shown.
order=$(screen | sed -n '3,$p' | grep -E '^. +[0-9]+  ' |
	awk '{ if ($1 ~ /^[0-9]+$/) print $1; else print $2 }' | tr '\n' ' ')
if [ "$order" = "8 3 2 9 11 1 5 4 7 6 " ]; then
	ok "list order: most urgent first, of every kind"
else
	not_ok "list order: most urgent first (got: $order)"
	diag_screen
fi

check_row() {
	row=$(list_row "$1")
	if printf '%s\n' "$row" | grep -Eq -- "$2"; then
		ok "$3"
	else
		not_ok "$3 (row $1 is: $row)"
		diag_screen
	fi
}
check_row 11 '^! +11  Ellie-Mae .* 17  16-18 +stepped up +contact 08/09/2026 80d overdue$' \
	"overdue: ! marker, the kind, the date due and days overdue"
check_row 1 '^! +1  Aisha Khan \(Ash\) .*contact 28/10/2026 30d overdue +1$' \
	"preferred name beside the name; the attempts since last seen"
check_row 4 '^~ +4  Nguyễn Thị Hà \(Hà\) .*contact 27/11/2026 today$' \
	"due today: ~ marker"
check_row 2 '^! +2  Ben Carter .*stepped up +review  10/07/2026 140d overdue$' \
	"a review overdue, with its kind"
check_row 8 '^! +8  李明 \(Ming\) .*review  01/07/2020 2340d overdue$' \
	"years overdue fits"
check_row 5 '^! +5  Jordan Lee .*stepped down letter  01/11/2026 26d overdue$' \
	"a letter overdue ranks among the overdue"
check_row 7 '^- +7  Grace Okoye .*stepped down letter  28/02/2027$' \
	"stepped down: - marker and their next letter"
check_row 6 '^- +6  Precious Mensah .*stepped down letter +turns 25$' \
	"no letter to come: they turn 25 first"
if screen | grep -q "Oliver Wright"; then
	not_ok "archived young people are not on the list"
else
	ok "archived young people are not on the list"
fi

# Wide characters take two columns: the Stage column lines up.
ascii=$(list_row 2 | sed 's/  16-18  .*//' | wc -m)
wide=$(list_row 8 | sed 's/  21-25  .*//' | wc -m)
# 李明 is 2 characters in 4 columns: 2 fewer characters for the same width
if [ $((ascii - wide)) -eq 2 ]; then
	ok "CJK names are aligned by display columns"
else
	not_ok "CJK names are aligned by display columns ($ascii vs $wide)"
	diag_screen
fi

check_screen "q quit ? help Enter open c contact a add e edit s step" \
	"the bottom line shows the main keys"

keys '?'
check_screen "this help, made from the key table" "? opens help"
check_screen "to the top (g is the agenda)" "help explains Home and g"
check_screen "log a contact (today, a phone call" "help lists the jobs"
keys End
check_screen "Forms and dialogs" "help scrolls to its end"
check_screen "Pick lists and questions" "help lists every section"
keys Escape
check_screen "Showing everyone: 10" "Esc goes back to the list"

keys g
check_screen "Agenda from 27/11/2026 to 24/12/2026" "g opens the agenda"
check_screen "contact due              Ellie-Mae" "the agenda lists the overdue"
keys q
check_screen "Showing everyone: 10" "q goes back from the agenda"

keys q
check_exit 0 "q on the list quits with status 0"
check_terminal_sane "the terminal is restored after quitting"

done_testing
