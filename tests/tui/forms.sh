#!/bin/sh
# SPDX-License-Identifier: MIT
# The add and edit forms (typed in any script, errors beside the field,
# nothing saved until valid), then step down, step up and a review.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

NAME="Nguyễn Văn Ånh 王芳"

tui_start
wait_for "Showing everyone"
keys a
check_screen "Add a young person" "a opens the add form"
type_text "$NAME"
keys Enter
check_screen "! give their date of birth, as DD/MM/YYYY" \
	"a missing date of birth is shown beside its field"
check_screen "Nothing was saved" "... and nothing is saved"
type_text "14/03/2008"
keys Tab
type_text "07700 900200"
keys Tab
type_text "anh@example.org"
keys Tab
type_text "Flat 2"
keys Tab
type_text "1 Rue de l'Église"
keys Tab Tab Tab
type_text "4"
check_screen "Date of birth     14/03/2008" "the date typed is there"
keys Enter
check_screen "Added 12 $NAME (18-21); first contact due 04/12/2026." \
	"Enter adds them and says when the first contact is due, a week on"
check_screen "~ 12  $NAME" "they are on the list, due soon"

run show 12
check_out_has "$NAME  (number 12)" "the name is stored as typed"
check_out_has "Contact every   4 weeks" "with their own contact interval"
check_out_has "Address         Flat 2" "the address, first line"
check_out_has "                1 Rue de l'Église" "... and second"
check_out_has "Allocated       27/11/2026" "a blank allocation date is today"

# The same name and date of birth again is refused, also typed with
# other spaces (names are stored tidied).
keys a
wait_for "Add a young person"
type_text " Nguyễn  Văn Ånh   王芳 "
keys Tab Tab
type_text "2008-03-14"
keys Enter
check_screen "! someone with this name and date of birth is already number 12" \
	"the same young person cannot be added twice"
keys Escape
check_screen "Throw away what you typed?" "Esc asks first"
keys y
check_screen_lacks "Add a young person" "y throws the form away"
if [ "$(sql "SELECT count(*) FROM people")" = 12 ]; then
	ok "no second record was made"
else
	not_ok "no second record was made"
fi

# Edit with a validation error: shown beside the field, nothing saved.
keys /
type_text "12"
keys Enter e
check_screen "Edit the details of $NAME (number 12)" "e opens the edit form"
check_screen "Email             anh@example.org" "filled in with their details"
check_screen "                  1 Rue de l'Église" "... the address over its fields"
snapshot
keys Down Down Down Down C-u
type_text "anh-at-example.org"
keys Enter
check_screen "! 'anh-at-example.org' is not an email address" \
	"a bad email address is refused beside the field"
check_unchanged "nothing was saved"
keys C-u
type_text "anh@example.com"
keys Enter
check_screen "Saved Nguyễn Văn Ånh 王芳's details." "put right, it saves"
if [ "$(sql "SELECT email FROM people WHERE id = 12")" = anh@example.com ] &&
    [ "$(sql "SELECT address FROM people WHERE id = 12")" = "Flat 2
1 Rue de l'Église" ]; then
	ok "the new email is stored; fields left alone are kept"
else
	not_ok "the new email is stored; fields left alone are kept"
fi

# Step down, with a reason; then step up again.
keys s
check_screen "Step down $NAME" "s offers to step down someone stepped up"
keys Tab
type_text "started an apprenticeship"
keys Enter
check_screen "Stepped down $NAME on 27/11/2026. First annual letter due 27/11/2027." \
	"Enter steps them down and says when the letter is due"
check_screen "- 12  $NAME" "the list marks them stepped down"
run show 12
check_out_has "27/11/2026  stepped down  started an apprenticeship" \
	"the step down is in their status history"

keys s
check_screen "Step up $NAME" "s offers to step up someone stepped down"
keys C-u
type_text "26/11/2026"
keys Enter
check_screen "! 26 November 2026 is before they were stepped down" \
	"a step up before the step down is refused beside the date"
keys C-u
type_text "today"
keys Enter
check_screen "Stepped up $NAME on 27/11/2026." "put right, they are stepped up"
if [ "$(sql "SELECT status FROM people WHERE id = 12")" = up ]; then
	ok "the database has them stepped up"
else
	not_ok "the database has them stepped up"
fi

keys r
check_screen "Pathway plan review for $NAME" "r opens the review dialog"
keys Enter
check_screen "Recorded a pathway plan review for $NAME on 27/11/2026. Next review due 27/05/2027." \
	"Enter records the review"
if [ "$(sql "SELECT on_date FROM reviews WHERE person_id = 12")" = 2026-11-27 ]; then
	ok "the review is in the database"
else
	not_ok "the review is in the database"
fi

keys Escape q
check_exit 0 "quits with status 0"
check_terminal_sane "the terminal is restored"

done_testing
