#!/bin/sh
# SPDX-License-Identifier: MIT
# Writing the annual letters from the letters view (w): a dialog asks for
# the folder, then the letters due are written as 'caseload letters
# write DIR' writes them (the same files, mode 0600, nothing recorded);
# the status line says how many, where, and what the letters lack.  A
# letter there that differs is never replaced, and that is said on
# screen.  A demo caseload offers a folder inside its own, never HOME.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

CONF=$TEST_DIR/caseload.ini
LETTERS=$HOME/caseload-letters
LETTER=$LETTERS/2026-11-27-0005-jordan-lee.txt
printf 'Dear {preferred_name},\nFrom {worker_name}, {worker_phone}\nNext letter: {next_letter_date}\n' \
	>"$TEST_DIR/letter.txt"
printf '[worker]\nname = Sam Taylor\n[letters]\ntemplate = %s\n' \
	"$TEST_DIR/letter.txt" >"$CONF"

tui_start --config "$CONF"
wait_for "Showing everyone"
keys l
check_screen "m sent w write x export" "the letters view's bottom line has w"
keys w
check_screen "Write the letters due" "w opens the dialog"
check_screen "Folder           ~/caseload-letters" \
	"... for ~/caseload-letters"
check_screen "recorded: mark each one sent (m) once posted." \
	"... and says nothing is recorded"
snapshot
keys Enter
check_screen "Wrote 1 letter to ~/caseload-letters (a new folder)." \
	"Enter writes the letter due, and says where"
check_screen "Letters written" "what the letters lack is shown in a box"
check_screen "Warning: [worker] phone is not set, so the letters have a" \
	"... a [worker] setting the template uses is empty"
keys Escape
wait_gone "Letters written"
check_true "one letter, for Jordan Lee, the one due" \
	test "$(ls "$LETTERS")" = 2026-11-27-0005-jordan-lee.txt
check_true "it is mode 0600" test "$(stat -c %a "$LETTER")" = 600
check_true "the folder is mode 0700" test "$(stat -c %a "$LETTERS")" = 700
if printf 'Dear Jordan Lee,\nFrom Sam Taylor, \nNext letter: 1 November 2027\n' |
    cmp -s - "$LETTER"; then
	ok "the template is filled in"
else
	not_ok "the template is filled in"
	sed 's/^/# /' "$LETTER"
fi
run --config "$CONF" letters write "$TEST_DIR/cli"
check_true "the same letter as 'caseload letters write'" \
	cmp "$LETTER" "$TEST_DIR/cli/2026-11-27-0005-jordan-lee.txt"
check_unchanged "writing letters records nothing"

# A letter there already that differs is never replaced.
echo "Posted with a note." >>"$LETTER"
keys w
check_screen "Folder           ~/caseload-letters" \
	"the dialog offers the folder last used"
keys Enter
check_screen "Letters refused" "a different letter there already is refused"
check_screen "No letters were written: 2026-11-27-0005-jordan-lee.txt in" \
	"... on screen, naming the letter"
check_screen "folder, or move the old letters." \
	"... and saying what to do"
check_screen "No letters were written." "... and the status line says so"
keys Escape
wait_gone "Letters refused"
check_true "and left as it was" grep -q "Posted with a note." "$LETTER"
check_true "nothing else was written" test "$(ls "$LETTERS" | wc -l)" = 1
keys Escape
wait_for "Throw away what you typed?" || true
keys y
wait_gone "Write the letters due"
keys Escape q
check_exit 0 "quits with status 0"

# The demo offers a folder inside its own throwaway folder.
mkdir -p "$TEST_DIR/tmp"
TUI_ENV="TMPDIR=$TEST_DIR/tmp"
tui_start --demo
wait_for "caseload demo"
keys l
wait_for "Annual letters"
keys w
check_screen "/tmp/caseload-demo-" "a demo offers a folder in its own"
check_screen "/letters  " "... named letters"
keys Enter
check_screen "Wrote 2 letters to " "the demo's letters are written"
keys Escape
wait_gone "Letters written"
check_true "... into the demo's own folder" \
	test "$(ls "$TEST_DIR"/tmp/caseload-demo-*/letters | wc -l)" = 2
check_true "... never into HOME" test "$(ls "$LETTERS" | wc -l)" = 1
keys Escape q
check_exit 0 "quits with status 0"

done_testing
