#!/bin/sh
# SPDX-License-Identifier: MIT
# Drawing: colour by default, none with NO_COLOR or [display] colour =
# never (the text markers stay); redrawing on resize, down to 80x24;
# below that a "too small" message, and back again without losing a
# dialog being filled in.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

ESC=$(printf '\033')
# A foreground colour in capture-pane -e's output, such as ESC[31m or ESC[1;31m.
COLOUR="$ESC\\[([0-9]+;)*3[0-7](;[0-9]+)*m"

has_colour() {
	screen -e | grep -Eq "$COLOUR"
}

tui_start
wait_for "Showing everyone"
if has_colour; then
	ok "colour is used when the terminal has it"
else
	not_ok "colour is used when the terminal has it"
fi
if screen -e | grep -E "$COLOUR" | grep -q '!  8  '; then
	ok "the overdue row is coloured"
else
	not_ok "the overdue row is coloured"
	screen -e | sed -n 3p | cat -v | sed 's/^/# /'
fi

resize 60 20
check_screen "The window is too small: 60x20." "60x20 says the window is too small"
check_screen "needs at least 80x24" "... and how big it must be"
check_screen_lacks "Showing everyone" "... instead of drawing the list"
keys j
resize 100 30
check_screen "Showing everyone: 10" "it recovers when the window grows"
check_screen "! 11  Ellie-Mae \"Ells\" O'Connor" "the list is whole again"

resize 80 24
check_screen "q quit ? help Enter open c contact a add e edit s step / search f filter" \
	"at 80x24 the bottom line has help and the most used keys"
check_screen_lacks "g agenda" "... and leaves out what does not fit"
resize 120 24
check_screen "/ search f filter g agenda l letters x export p print" \
	"a wider window shows more keys"
resize 80 24
keys Enter
check_screen "Esc back ? help c contact e edit s step" \
	"at 80x24 a young person's page shows its main keys"
keys Escape
keys /
check_screen "Enter keep Esc clear" "... and so does typing a search"
keys Escape
check_screen "! 11  Ellie-Mae \"Ells\"…  17  stepped up   contact 08/09/2026 80d overdue" \
	"at 80x24 long names are cut with an ellipsis, the stage gives way, columns kept"
check_screen "27/11/2026 · 7/22 stepped up · 3 contacts, 4 reviews, 1 letter overdue" \
	"the header's counts fit"

keys c
wait_for "Log a contact with"
keys Tab Tab Tab Tab
type_text "typed before the resize"
wait_for "typed before the resize"
resize 60 20
check_screen "The window is too small" "too small with a dialog open"
resize 80 24
check_screen "typed before the resize" "the dialog comes back with its text"
keys Enter
check_screen "Logged contact 2: phone with Ming" "... and can still be saved"

resize 60 20
wait_for "press q to quit"
keys q
check_exit 0 "q quits even when the window is too small"
check_terminal_sane "the terminal is restored"

# NO_COLOR: no colour at all, the markers still there.
TUI_ENV="NO_COLOR=1"
tui_start
wait_for "Showing everyone"
if has_colour; then
	not_ok "NO_COLOR: no colour"
	screen -e | grep -E "$COLOUR" | head -3 | cat -v | sed 's/^/# /'
else
	ok "NO_COLOR: no colour"
fi
check_screen "!  1  Aisha Khan" "NO_COLOR: the overdue marker"
check_screen "~  4  Nguyễn Thị Hà" "NO_COLOR: the due soon marker"
check_screen "-  7  Grace Okoye" "NO_COLOR: the stepped down marker"
keys q
check_exit 0 "NO_COLOR: quits with status 0"

# [display] colour = never, in the settings file.
TUI_ENV=
cat >"$TEST_DIR/caseload.ini" <<EOF
[worker]
name = Sam Taylor
title = Personal Adviser
[display]
colour = never
EOF
# Wide enough for the worker's name beside the counts.
TUI_COLS=120
tui_start --config "$TEST_DIR/caseload.ini"
TUI_COLS=100
check_screen "caseload · Sam Taylor, Personal Adviser" \
	"the header shows the worker's name and title"
if has_colour; then
	not_ok "colour = never: no colour"
else
	ok "colour = never: no colour"
fi
keys q
check_exit 0 "colour = never: quits with status 0"

done_testing
