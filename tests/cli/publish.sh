#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/publish.sh: caseload publish against a real CalDAV server
# (Radicale, on 127.0.0.1 with a password): the collection holds exactly
# caseload's items after each publish, a second publish sends nothing,
# an item another client added survives, one edited on the server is
# reported and kept, a wrong password is said plainly, and a server
# stopped mid-publish leaves what the next publish finishes.  Every item
# on the server is checked with python3-icalendar (tests/dav.py).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/radicale.sh"
. "$top_srcdir/tests/cli/fixture.sh"

radicale_start

# settings URL [PASSWORD_COMMAND [MORE]]: the settings file $ini.
ini=$TEST_DIR/caldav.ini
settings() {
	printf '[caldav]\nurl = %s\nusername = worker\npassword_command = %s\n%s' \
	    "$1" "${2:-echo secret}" "${3:-}" >"$ini"
}
settings "$RADICALE_URL"

publish() {
	run --config "$ini" publish "$@"
}

# --- settings that are missing or wrong: refused, nothing done

printf '[caldav]\nusername = worker\n' >"$ini"
check_refused "no [caldav] url" "[caldav] url is not set" --config "$ini" \
	publish
settings "http://caldav.example.org/worker/caseload/"
check_refused "plain http to another computer" \
	"allow_http = yes" --config "$ini" publish
settings "https://worker:secret@caldav.example.org/cal/"
check_refused "a password in the url" "user name or password" \
	--config "$ini" publish
settings "ftp://caldav.example.org/cal/"
check_refused "not http or https" "must start https://" --config "$ini" \
	publish
printf '[caldav]\nurl = %s\nusername = worker\n' "$RADICALE_URL" >"$ini"
check_refused "a user name and no password_command" \
	"password_command is not set" --config "$ini" publish
check_refused "an operand" "takes no young person" --config "$ini" publish 1
check_refused "--days 0" "--days" --config "$ini" publish --days 0

# --- a wrong password: a clear error, exit 1, nothing recorded

settings "$RADICALE_URL" "echo wrong-horse"
snapshot
publish
check_status 1 "a wrong password: exit 1"
check_err_has "refused the user name or password (401" "... said plainly"
check_true "... never showing the password" \
	sh -c "! grep -q wrong-horse '$out' '$err'"
check_unchanged "... and nothing recorded"
check_true "... and nothing sent" test "$(dav count)" = 0

settings "$RADICALE_URL" '"echo secret; exit 3"'
publish
check_status 1 "a password_command that fails: exit 1"
check_err_has "password_command failed (exit status 3)" "... says so"

# --- no calendar there, or someone else's: said plainly, exit 1

settings "${RADICALE_URL%caseload/}nothing-here/"
publish
check_status 1 "no calendar at the url: exit 1"
check_err_has "there is no calendar at [caldav] url (404" "... said plainly"
settings "${RADICALE_URL%worker/caseload/}someone-else/caseload/"
publish
check_status 1 "someone else's calendar: exit 1"
check_err_has "does not let this account change the calendar (403" \
	"... said plainly"

# --- --dry-run on an empty collection

settings "$RADICALE_URL"
snapshot
publish --dry-run
check_status 0 "publish --dry-run"
check_true "... lists each item it would create" \
	test "$(grep -c '^Would create: [0-9a-f-]*-[a-z0-9-]*@caseload ' "$out")" = 25
check_out_has "Would publish to $RADICALE_URL: 25 to create, 0 to change, 0 to delete, 0 as they are; 0 other items left alone." \
	"... and says how many"
check_true "... sends nothing" test "$(dav count)" = 0
check_unchanged "... and records nothing"

# --- the first publish creates every item

publish
check_status 0 "the first publish"
check_out_has "Published to $RADICALE_URL: 25 created, 0 changed, 0 deleted, 0 as they were" \
	"... creates every item"
check_true "the server holds the 25 items" test "$(dav count)" = 25
status=0
dav check >"$out" 2>"$err" || status=$?
check_status 0 "python3-icalendar reads every item on the server"
dav uids >"$TEST_DIR/server-uids"
run export
tr -d '\r' <"$out" | sed -n 's/^UID://p' | sort >"$TEST_DIR/export-uids"
check_true "... the same UIDs as export" \
	cmp -s "$TEST_DIR/server-uids" "$TEST_DIR/export-uids"
check_true "what was published is recorded" \
	test "$(sql 'SELECT count(*) FROM caldav_items')" = 25 -a \
	    "$(sql 'SELECT count(*) FROM calendar_items')" = 25

# --- a second publish changes nothing

publish --verbose
check_status 0 "a second publish"
check_out "... sends nothing (no line for an item)" <<EOF
Published to $RADICALE_URL: 0 created, 0 changed, 0 deleted, 25 as they were; 0 other items left alone.
EOF

# --- another client's item survives every publish

dav put team-meeting.ics team-1@example.org
check_true "another client adds an item" test "$(dav count)" = 26

# --- a contact logged changes one item

fixture contact 2 --date "$TODAY" --method visit
publish --verbose
check_status 0 "publish after a contact is logged"
check_out_has "Changed: " "... changes an item"
check_true "... one item" test "$(grep -c '^Changed: ' "$out")" = 1
check_out_has "0 created, 1 changed, 0 deleted, 24 as they were; 1 other item left alone." \
	"... and leaves the rest, and the other client's item"
uid=$(sed -n 's/^Changed: \([^ ]*\) .*/\1/p' "$out")
dav get "$uid" | tr -d '\r' >"$TEST_DIR/changed"
check_true "the server has its new date" \
	grep -q '^DTSTART;VALUE=DATE:20270122' "$TEST_DIR/changed"
check_true "... and SEQUENCE 1" grep -q '^SEQUENCE:1$' "$TEST_DIR/changed"

# --- archiving a young person deletes their items

fixture archive 1 --reason "moved away"
snapshot
publish --dry-run
check_true "--dry-run says it would delete their 4 items" \
	test "$(grep -c '^Would delete: ' "$out")" = 4
check_unchanged "... and records nothing"
check_true "... and deletes nothing" test "$(dav count)" = 26
publish
check_status 0 "publish after archiving"
check_out_has "0 created, 0 changed, 4 deleted, 21 as they were; 1 other item left alone." \
	"... deletes their items"
check_true "the server holds 21 items and the other client's" \
	test "$(dav count)" = 22
check_true "... which is still there" \
	sh -c "$RADICALE_PY '$top_srcdir/tests/dav.py' '$RADICALE_URL' worker secret uids | grep -qx team-1@example.org"

# --- an item edited on the server is reported, not overwritten

edited=$(dav uids | grep -- '-contact@caseload$' | head -1)
dav edit "$edited"
publish
check_status 1 "publish with an item edited on the server: exit 1"
check_err_has "$edited" "... names the item"
check_err_has "was changed on the server since the last publish" \
	"... and says why it was left"
check_true "... which keeps the edit" \
	sh -c "$RADICALE_PY '$top_srcdir/tests/dav.py' '$RADICALE_URL' worker secret get '$edited' | grep -q 'Moved by hand'"
publish --force
check_status 0 "publish --force"
check_out_has "1 changed" "... replaces it"
check_true "... with caseload's version" \
	sh -c "! $RADICALE_PY '$top_srcdir/tests/dav.py' '$RADICALE_URL' worker secret get '$edited' | grep -q 'Moved by hand'"
publish
check_status 0 "and the next publish is quiet again"
check_out_has "0 created, 0 changed, 0 deleted, 21 as they were" \
	"... with nothing to send"

# --- the same collection spelt otherwise: the same records

# Without its last /, and in capitals: an edit on the server is still
# seen as one.
edited=$(dav uids | grep -- '-review@caseload$' | head -1)
dav edit "$edited"
settings "$(echo "$RADICALE_URL" | sed 's|^http://|HTTP://|; s|/$||')"
publish
check_status 1 "the url spelt otherwise, with an item edited on the server: exit 1"
check_err_has "$edited" "... names the item"
check_err_has "was changed on the server since the last publish" \
	"... and reports it changed"
check_true "... and keeps the edit" \
	sh -c "$RADICALE_PY '$top_srcdir/tests/dav.py' '$RADICALE_URL' worker secret get '$edited' | grep -q 'Moved by hand'"
settings "$RADICALE_URL"
publish --force
check_out_has "1 changed" "publish --force replaces it"
# Records kept under another spelling (by an older caseload) are moved.
sql "UPDATE caldav_items SET url = rtrim(url, '/')"
publish
check_status 0 "records under the url without its last /"
check_out_has "0 created, 0 changed, 0 deleted, 21 as they were" \
	"... are this collection's"
check_true "... and are kept under one spelling" \
	test "$(sql "SELECT count(*) FROM caldav_items WHERE url = '$RADICALE_URL'")" = 21

# A record with no ETag (a publish that failed part way) is checked,
# not overwritten.
edited=$(dav uids | grep -- '-contact@caseload$' | tail -1)
sql "UPDATE caldav_items SET etag = '' WHERE uid = '$edited'"
dav edit "$edited"
publish
check_status 1 "an item recorded without an ETag, edited on the server: exit 1"
check_err_has "was changed on the server since the last publish" \
	"... is reported"
check_true "... and keeps the edit" \
	sh -c "$RADICALE_PY '$top_srcdir/tests/dav.py' '$RADICALE_URL' worker secret get '$edited' | grep -q 'Moved by hand'"
publish --force
check_out_has "1 changed" "publish --force replaces it"

# --- another database publishing to the same collection

# A second worker's caseload, with a young person of its own: each
# database's items are left alone by the other.
DB_A=$DB
DB=$TEST_DIR/second.db
fixture add --name "Sam Second" --dob 2008-05-01 --allocated 2026-11-01
publish --verbose
check_status 0 "a second database publishes to the same collection"
check_out_has "Left alone: 21 items named as caseload's that this database has no record of publishing." \
	"... leaves the first one's 21 items"
check_true "... which are all still there" test "$(dav count)" -gt 19
second=$(dav count)
DB=$DB_A
publish --verbose
check_status 0 "the first database publishes again"
check_out_has "0 created, 0 changed, 0 deleted, 21 as they were" \
	"... with nothing to send"
check_true "... and leaves the second one's items" \
	test "$(dav count)" = "$second"
check_true "... as they were" sh -c "! grep -q '^Deleted: ' '$out'"

# A database with no records (a lost one, restored from an older copy)
# and an item that now says something else: not overwritten.
sql "DELETE FROM caldav_items"
fixture contact 3 --date "$TODAY" --method visit
publish
check_status 1 "publish with no record and an item that differs: exit 1"
check_err_has "an item of this name is already on the server" \
	"... says the item is there already"
check_err_has "'caseload publish --force' takes it over" "... and what to do"
check_true "... adopting the rest as they are" \
	test "$(sql 'SELECT count(*) FROM caldav_items')" = 20
publish --force
check_status 0 "publish --force takes it over"
check_out_has "0 created, 1 changed, 0 deleted, 20 as they were" \
	"... changing only that one"
# The second database's items, back out of the way.
DB=$TEST_DIR/second.db
fixture archive 1 --reason "moved away"
publish
check_status 0 "the second database withdraws its items"
DB=$DB_A
check_true "... leaving the first one's" test "$(dav count)" = 22

# --- the server stopped mid-publish: the next publish finishes

# Through the proxy the collection has another address: the first
# publish there finds every item as caseload would send it, and keeps it.
proxy_start -1
settings "$PROXY_URL"
publish
check_status 0 "the first publish to the collection at another address"
check_out_has "0 created, 0 changed, 0 deleted, 21 as they were" \
	"... finds every item as it would send it"

# Full names change every item's summary: 21 to send, through a server
# that stops after 5 of them.
proxy_start 5
settings "$PROXY_URL" "echo secret" "[calendar]
privacy = full
"
publish
check_status 1 "a server stopped mid-publish: exit 1"
check_err_has "cannot reach the server" "... says so"
check_err_has "what was sent before that is recorded; publish again" \
	"... and that publishing again finishes"
check_true "the 5 items sent are recorded" \
	test "$(sql "SELECT count(*) FROM caldav_items p JOIN caldav_items r USING (uid) WHERE p.url = '$PROXY_URL' AND r.url = '$RADICALE_URL' AND p.hash <> r.hash")" = 5
proxy_start -1
publish --verbose
check_status 0 "the next publish"
check_out_has "0 created, 16 changed, 0 deleted, 5 as they were" \
	"... sends only the 16 not sent yet"
dav summaries | grep -v '^Team meeting$' >"$TEST_DIR/server-summaries"
run --config "$ini" export -o "$TEST_DIR/full.ics"
dav summaries-of "$TEST_DIR/full.ics" >"$TEST_DIR/export-summaries"
check_true "the server holds every item, in full names" \
	diff "$TEST_DIR/server-summaries" "$TEST_DIR/export-summaries"
status=0
dav check >"$out" 2>"$err" || status=$?
check_status 0 "python3-icalendar reads every item on the server"
publish
check_out_has "0 created, 0 changed, 0 deleted, 21 as they were" \
	"a publish after that has nothing to send"

# Back to initials: 21 to send again, through a server that takes the
# 4th and stops before it answers.  The next publish reads that one back,
# finds it is what caseload would send, and leaves it.
proxy_start 3 lose
settings "$PROXY_URL"
publish
check_status 1 "a server stopped before it answered: exit 1"
check_err_has "cannot reach the server" "... says so"
proxy_start -1
publish --verbose
check_status 0 "the next publish"
check_true "... reports no item changed on the server" \
	sh -c "! grep -q 'changed on the server' '$err'"
check_out_has "0 created, 17 changed, 0 deleted, 4 as they were" \
	"... sends the 17 the server did not get"
publish
check_out_has "0 created, 0 changed, 0 deleted, 21 as they were" \
	"... and after that nothing"
proxy_stop

# --- the server gone: a network error

settings "$RADICALE_URL"
radicale_stop
snapshot
publish
check_status 1 "no server: exit 1"
check_err_has "cannot reach the server" "... said plainly"
check_unchanged "... and nothing recorded"

done_testing
