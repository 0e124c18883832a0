#!/bin/sh
# SPDX-License-Identifier: MIT
# Backup and restore from the screen (B): the jobs of 'caseload backup'
# and 'caseload restore', with their checks and their files.
. "${top_srcdir:?}/tests/tui/lib-tmux.sh"
. "$top_srcdir/tests/cli/fixture.sh"

copy=$HOME/caseload-$TODAY.db
contacts() {
	sql "SELECT count(*) FROM contacts"
}
before=$(contacts)

tui_start
wait_for "Showing everyone"
keys B
check_screen "Back up the caseload to a file" "B offers a backup"
check_screen "Restore the caseload from a backup" "... and a restore"
keys Enter
check_screen "~/caseload-$TODAY.db" "the backup suggests a file named for today"
keys Enter
check_screen "Backed up the caseload to $copy (mode 0600)." \
	"Enter backs the caseload up"
check_true "the backup is a file of mode 0600" \
	test "$(stat -c %a "$copy")" = 600
check_true "and a sound caseload" "$CASELOAD" --db "$copy" check

# The same file again: refused beside the field, nothing replaced.
sum=$(cksum <"$copy")
keys B
wait_for "Back up the caseload to a file"
keys Enter
wait_for "~/caseload-$TODAY.db"
keys Enter
check_screen "already exists" "an existing file is refused, beside the field"
check_true "and left as it was" test "$(cksum <"$copy")" = "$sum"
keys Escape
wait_gone "Back up the caseload"

# A contact logged on screen, then the backup restored over it.
keys c
wait_for "Log a contact with"
keys Enter
wait_for "Logged contact"
check_true "the contact is stored" test "$(contacts)" = $((before + 1))

printf 'not a caseload\n' >"$TEST_DIR/words.db"
keys B
wait_for "Restore the caseload from a backup"
keys Down Enter
wait_for "checked whole"
snapshot
type_text "$TEST_DIR/words.db"
keys Enter
check_screen "Not restored: $TEST_DIR/words.db is not a caseload database" \
	"a file that is not a backup is refused"
check_unchanged "and the caseload is as it was"
keys C-u
type_text "~/caseload-$TODAY.db"
keys Enter
check_screen "Restored the caseload from $copy" \
	"a backup is restored from the screen"
check_true "the caseload is the backup's again" test "$(contacts)" = "$before"
check_true "the caseload as it was is kept in the backups folder" \
	sh -c "ls '$TEST_DIR'/backups/caseload-before-restore-*.db"
# Hand Aisha over from her page (H).
handover=$HOME/handover-1-$TODAY.caseload
keys /
type_text "Aisha"
keys Enter
wait_for "Showing 1"
keys Enter
wait_for "Aisha Khan"
keys H
check_screen "Hand Ash over to another worker" "H on a page offers a handover"
check_screen "~/handover-1-$TODAY.caseload" "... to a file named for her number and today"
keys Enter
check_screen "Wrote Ash's whole record to $handover" "Enter writes it"
check_true "the handover file is mode 0600" test "$(stat -c %a "$handover")" = 600
status=0
"$CASELOAD" --db "$TEST_DIR/other.db" --today "$TODAY" handover import \
	"$handover" >"$out" 2>"$err" || status=$?
check_status 0 "another caseload imports it"
check_out_has "Imported 1 young person" "... with Aisha in it"
keys q
keys q
check_exit 0 "q quits"
done_testing
