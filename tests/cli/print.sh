#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/print.sh: printed lists: due --print and letters --print
# (pages, headings, 80 columns, names cut cleanly), --redact (no name
# anywhere), and print commands that write to a file or fail.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"

PRINTED=$TEST_DIR/printed.txt
cat >"$TEST_DIR/cat.ini" <<'INI'
[worker]
name = Sam Taylor
title = Personal Adviser
[letters]
print_command = cat
INI
cat >"$TEST_DIR/file.ini" <<INI
[worker]
name = Sam Taylor
[letters]
print_command = cat > $PRINTED
INI
cat >"$TEST_DIR/fail.ini" <<'INI'
[letters]
print_command = cat >/dev/null && exit 3
INI
cat >"$TEST_DIR/empty.ini" <<'INI'
[letters]
print_command =
INI

# Lines of a printed text, pages apart, without form feeds.
pages_of() {
	tr -d '\f' <"$1"
}

# --- the fixture's lists, as a manager reads them

run --config "$TEST_DIR/cat.ini" due --print
check_status 0 "due --print"
check_expected due-print.txt "due --print with print_command = cat"
check_err_has "Sent 1 page (10 young people) to 'cat'." "it says what it sent"
run --config "$TEST_DIR/cat.ini" letters --print
check_status 0 "letters --print"
check_expected letters-print.txt "letters --print with print_command = cat"
run --config "$TEST_DIR/cat.ini" due --print --within 7
check_out_has "Contacts due within 7 days" "--within is in the title"
check_out_lacks "Zoë" "--within keeps only those due"

# --- a print command that writes to a file

snapshot
run --config "$TEST_DIR/file.ini" due --print
check_status 0 "a print command that writes to a file"
check_true "the file has the list" grep -q "Contacts due" "$PRINTED"
check_true "the file has the names" grep -q "Aisha Khan (Ash)" "$PRINTED"
check_true "nothing else went to standard output" test ! -s "$out"
check_unchanged "printing changes nothing"

# --- --redact: initials, never a name

names=$TEST_DIR/names
sql "SELECT name FROM people UNION SELECT preferred_name FROM people
    WHERE preferred_name IS NOT NULL" >"$names"
check_no_names() {
	what=$1
	found=
	while IFS= read -r name; do
		grep -qF -- "$name" "$PRINTED" && found="$found [$name]"
		for word in $name; do
			[ "${#word}" -ge 3 ] || continue
			grep -qF -- "$word" "$PRINTED" && found="$found [$word]"
		done
	done <"$names"
	if [ -z "$found" ]; then
		ok "$what"
	else
		not_ok "$what: found$found"
		diag_file "$PRINTED"
	fi
}
run --config "$TEST_DIR/file.ini" due --print --redact
check_status 0 "due --print --redact"
check_true "it prints initials" grep -q "A\.K\." "$PRINTED"
check_true "it says so in the title" grep -q "(initials only)" "$PRINTED"
check_no_names "due --print --redact: no name or part of one anywhere"
run --config "$TEST_DIR/file.ini" letters --print --redact
check_status 0 "letters --print --redact"
check_true "it prints initials" grep -q "J\.L\." "$PRINTED"
check_no_names "letters --print --redact: no name or part of one anywhere"
run --config "$TEST_DIR/file.ini" due --print
check_true "the check would see a name" grep -q "Jordan" "$PRINTED"

# --- a print command that fails

snapshot
run --config "$TEST_DIR/fail.ini" due --print
check_status 1 "a failing print command is exit status 1"
check_err_has "failed with exit status 3" "its exit status is reported"
check_err_has "nothing has changed" "it says nothing was lost"
check_unchanged "the database is as it was"
run --config "$TEST_DIR/fail.ini" letters --print
check_status 1 "letters --print: the same"
check_err_has "exit status 3" "its exit status is reported"
cat >"$TEST_DIR/early.ini" <<'INI'
[letters]
print_command = exit 3
INI
run --config "$TEST_DIR/early.ini" due --print
check_status 1 "a print command that reads nothing and fails"
check_err_has "exit status 3" "is reported too"
check_refused "an empty print command is refused" "print_command is empty" \
	--config "$TEST_DIR/empty.ini" due --print

# --- 130 young people: pages

DB=$TEST_DIR/big.db
i=1
while [ "$i" -le 130 ]; do
	n=$(printf '%03d' "$i")
	"$CASELOAD" --db "$DB" --today "$TODAY" add --dob 2006-01-01 \
	    --allocated "2026-0$((i % 9 + 1))-01" \
	    --name "Person $n Bartholomew-Fitzwilliam Montgomery-Smythe" \
	    >/dev/null 2>&1 || echo "Bail out! cannot add person $n"
	i=$((i + 1))
done
run --config "$TEST_DIR/file.ini" due --print
check_status 0 "due --print of 130 young people"
check_err_has "Sent 3 pages (130 young people)" "3 pages"
check_true "two form feeds between three pages" \
	test "$(tr -cd '\f' <"$PRINTED" | wc -c)" = 2
for page in 1 2 3; do
	check_true "page $page of 3 is numbered" \
	    test "$(grep -c "Page $page of 3\$" "$PRINTED")" = 1
done
check_true "the title on every page" \
	test "$(grep -c '^.\{0,1\}Contacts due ' "$PRINTED")" = 3
check_true "the worker and date on every page" \
	test "$(grep -c '^Sam Taylor, Leaving Care Worker  *Printed 27/11/2026$' "$PRINTED")" = 3
check_true "the column headings on every page" \
	test "$(grep -c '^ *No  Name  ' "$PRINTED")" = 3
check_true "every young person, once" \
	test "$(grep -c 'Person [0-9][0-9][0-9] ' "$PRINTED")" = 130
check_true "every line fits 80 columns" \
	test "$(pages_of "$PRINTED" | wc -L)" -le 80
check_true "long names are cut with an ellipsis" \
	grep -q 'Person 001 Bart[a-z]*…' "$PRINTED"
check_true "no page is longer than 60 lines" \
	test "$(awk 'BEGIN { RS = "\f" } { n = split($0, l, "\n"); if (n > max) max = n } END { print max }' "$PRINTED")" -le 61
check_true "the numbers stay whole" grep -q '^ *130  Person 130' "$PRINTED"

done_testing
