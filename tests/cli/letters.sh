#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/letters.sh: annual letters: who is due one (29 February
# step-downs, 25th birthdays, stepped down and up again), writing them
# from a template (every placeholder, injection attempts, unknown
# placeholders), and recording one sent.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/cli/fixture.sh"
: "${CASELOAD_DATADIR:=$top_srcdir/data}"
export CASELOAD_DATADIR

# CSV rows end with CRLF; compare them as lines.
unix_lines() {
	tr -d '\r' <"$out" >"$out.lf" && mv "$out.lf" "$out"
}

# 12: stepped down on 29/02/2024, letters sent on 28/02/2025 and 2026.
fixture add --name "Lily Leap" --dob 2004-06-10 --allocated 2022-01-01 \
	--address "1 Leap Street
Leeds LS2 9JT"
fixture step-down 12 --date 2024-02-29
# 13: stepped down on 29/02/2024, no letter yet: due 28/02/2025.
fixture add --name "Imogen Quill" --dob 2003-09-09 --allocated 2021-01-01 \
	--address "7 Quill Court, York YO1 7HH"
fixture step-down 13 --date 2024-02-29
# 14: 25 on 02/12/2026; the letter falls due the day before.
fixture add --name "Tariq Aziz" --dob 2001-12-02 --allocated 2020-01-01 \
	--address "3 Brook Lane
Bradford BD1 1AA"
fixture step-down 14 --date 2025-12-01
# 15: 25 on 01/12/2026, the very day the letter would fall due: none.
fixture add --name "Una Byrne" --dob 2001-12-01 --allocated 2020-01-01
fixture step-down 15 --date 2025-12-01
# 16: down, a letter, up, down again: the old letter no longer counts.
fixture add --name "Sami Rahman" --dob 2003-03-03 --allocated 2020-01-01
fixture step-down 16 --date 2023-01-10
fixture step-up 16 --date 2024-05-01
fixture step-down 16 --date 2026-06-15

# --- letters sent, and the 29 February step-down

check_refused "a letter dated before the step-down is refused" \
	"before 12 Lily Leap stepped down on 29/02/2024" \
	letters sent 12 --date 2024-02-28
run letters sent 12 --date 2025-02-28
check_status 0 "a first letter after a 29 February step-down"
check_out "it says when the next is due, 12 months on" <<'OUT'
Recorded the annual letter to 12 Lily Leap, sent on 28/02/2025.
The next letter is overdue: it was due 28/02/2026.
OUT
run letters sent leap --date 28/02/2026
check_out "the next one, found by name" <<'OUT'
Recorded the annual letter to 12 Lily Leap, sent on 28/02/2026.
Next letter due 28/02/2027.
OUT

# 16's letter of their first step-down cannot be recorded now, so write it
# into the history as an earlier caseload would have.
sql "INSERT INTO letters (person_id, sent_on) VALUES (16, '2024-01-10');
UPDATE people SET last_letter = '2024-01-10' WHERE id = 16;"

# --- who is due a letter

run letters
check_status 0 "letters"
check_expected letters.txt "letters: every stepped-down young person, most overdue first"
check_out_lacks "Aisha" "letters: nobody stepped up"
check_out_lacks "Oliver" "letters: nobody archived"
run letters --format csv
check_expected letters.csv "letters --format csv"
run letters --format json
check_expected letters.json "letters --format json"
run letters --within 7 --format csv
unix_lines
check_out "letters --within 7: overdue and due within 7 days" <<'OUT'
id,name,stepped_down_on,last_letter,next_letter,days_overdue,state,preferred_name,age
13,Imogen Quill,2024-02-29,,2025-02-28,637,overdue,,23
5,Jordan Lee,2025-11-01,,2026-11-01,26,overdue,,23
14,Tariq Aziz,2025-12-01,,2026-12-01,0,due-soon,,24
OUT
run letters --within 0
check_out_has "Jordan Lee" "--within 0: the letters overdue"
check_out_lacks "Tariq" "--within 0: not the letter due in 4 days"

# --- letters sent, then letters

snapshot
run letters sent 5
check_status 0 "letters sent"
check_out "letters sent says when the next one is due" <<'OUT'
Recorded the annual letter to 5 Jordan Lee, sent on 27/11/2026.
Next letter due 27/11/2027.
OUT
check_true "the letter is a row of history" \
	test "$(sql "SELECT sent_on FROM letters WHERE person_id = 5")" = 2026-11-27
run letters
check_expected letters-sent.txt "letters after letters sent"
run letters sent jordan --date 2026-11-20
check_status 0 "an earlier letter can be recorded too"
check_out_has "Next letter due 27/11/2027." "the latest letter still counts"
check_true "both letters are kept" \
	test "$(sql "SELECT count(*) FROM letters WHERE person_id = 5")" = 2
check_refused "the same letter twice is refused" "already recorded" \
	letters sent 5
check_refused "a letter in the future is refused" "--date" \
	letters sent 5 --date 2026-11-28
check_refused "a letter before birth is refused" "--date" \
	letters sent 13 --date 2003-01-01
check_refused "someone stepped up is refused" "is stepped up" \
	letters sent 1
check_refused "someone archived is refused" "is archived" \
	letters sent 10
check_refused "letters sent needs a young person" "give one young person" \
	letters sent
check_refused "an unknown word is refused" "not a word of letters" \
	letters sendt 5
check_refused "--redact goes with --print" "--redact goes with --print" \
	letters --redact
check_refused "--print does not take --format" "leave out --format" \
	letters --print --format csv
check_refused "a bad --within" "--within" letters --within soon

# --- writing letters from a template

cat >"$TEST_DIR/worker.ini" <<'INI'
[worker]
name = Sam {address} Taylor
title = Personal Adviser
phone = 0113 496 0123
email = sam.taylor@example.gov.uk
office = Leaving Care Team\n  {name} House\nLeeds LS2 8BB
[letters]
template = TEMPLATE
INI
config() {
	sed "s|TEMPLATE|$1|" "$TEST_DIR/worker.ini" >"$TEST_DIR/run.ini"
}

cat >"$TEST_DIR/every.txt" <<'TPL'
date: {date}
name: {name}
preferred: {preferred_name}
address:
    {address}
worker: {worker_name}, {worker_title}
phone: {worker_phone}  email: {worker_email}
office: {office}
  office again:
  {office}
next letter: {next_letter_date}
braces: {{name}} }} } {{
TPL
config "$TEST_DIR/every.txt"

# 17: a name, preferred name and address that look like placeholders.
fixture add --name "{worker_name} {office} Smith" --preferred "{date}}" \
	--dob 2004-04-04 --allocated 2022-01-01 --address "{name}
{{address}}
{next_letter_date}"
fixture step-down 17 --date 2025-10-01
# 18: no address.
fixture add --name "Noor Hussain" --dob 2005-05-05 --allocated 2022-01-01
fixture step-down 18 --date 2025-09-01

snapshot
run --config "$TEST_DIR/run.ini" letters write "$TEST_DIR/letters" --within 7
check_status 0 "letters write"
check_true "the folder is made, mode 0700" \
	test "$(stat -c %a "$TEST_DIR/letters")" = 700
check_true "one letter per young person due, named to sort" \
	test "$(cd "$TEST_DIR/letters" && ls | tr '\n' ' ')" = \
	"2026-11-27-0013-imogen-quill.txt 2026-11-27-0014-tariq-aziz.txt 2026-11-27-0017-worker-name-office-smith.txt 2026-11-27-0018-noor-hussain.txt "
check_true "every letter is mode 0600" \
	test "$(stat -c %a "$TEST_DIR"/letters/* | sort -u)" = 600
check_true "no temporary file is left" \
	test "$(ls -A "$TEST_DIR/letters" | grep -c '^\.')" = 0
check_err_has "young person 18 has no address" "a missing address is a warning"
check_err_has "young person 14 turns 25 before another letter" \
	"a blank next letter date is a warning"
check_unchanged "writing letters records nothing"
for f in "$TEST_DIR"/letters/*; do
	echo "==> ${f##*/}"
	cat "$f"
done >"$out"
check_expected letter-filled.txt "every placeholder, filled once, as typed"
check_out_has "name: {worker_name} {office} Smith" "a name like a placeholder is printed as typed"
check_out_has "worker: Sam {address} Taylor, Personal Adviser" "so is a worker's"

# Letters there already, word for word, are left as they are.
ls -li --time-style=+%s "$TEST_DIR/letters" >"$TEST_DIR/letters.before"
run --config "$TEST_DIR/run.ini" letters write "$TEST_DIR/letters" --within 7
check_status 0 "writing the same letters again into the same folder"
check_out_has "These were in $TEST_DIR/letters already, word for word, from an earlier run:" \
	"says they were there already"
check_out_lacks "Wrote" "and that it wrote none"
ls -li --time-style=+%s "$TEST_DIR/letters" >"$TEST_DIR/letters.after"
check_true "and left them as they were" \
	cmp "$TEST_DIR/letters.before" "$TEST_DIR/letters.after"
# A letter changed since it was written is never replaced.
echo "Posted with a note." >>"$TEST_DIR/letters/2026-11-27-0014-tariq-aziz.txt"
run --config "$TEST_DIR/run.ini" letters write "$TEST_DIR/letters" --within 7
check_status 2 "writing again over a letter that was changed is refused"
check_err_has "2026-11-27-0014-tariq-aziz.txt already exists and is not the letter caseload would write now" \
	"it says which file is there and differs"
check_true "and nothing was added" test "$(ls "$TEST_DIR/letters" | wc -l)" = 4
check_true "nor changed" grep -q "Posted with a note." \
	"$TEST_DIR/letters/2026-11-27-0014-tariq-aziz.txt"

printf 'Hello {name},\n\nI am {worker_name}.\nSee you {nmae}!\n' \
	>"$TEST_DIR/bad.txt"
config "$TEST_DIR/bad.txt"
run --config "$TEST_DIR/run.ini" letters write "$TEST_DIR/bad-out"
check_status 2 "an unknown placeholder is refused"
check_err_has "bad.txt:4: unknown placeholder {nmae}" "it names the placeholder and its line"
check_true "and nothing is written" test ! -e "$TEST_DIR/bad-out"
printf 'Hello\n{{ fine }}\n{Name}\n' >"$TEST_DIR/bad.txt"
run --config "$TEST_DIR/run.ini" letters write "$TEST_DIR/bad-out"
check_err_has "bad.txt:3: unknown placeholder {Name}" "placeholders are in lower case"
printf 'Hello\n\nDear {name\n' >"$TEST_DIR/bad.txt"
run --config "$TEST_DIR/run.ini" letters write "$TEST_DIR/bad-out"
check_status 2 "an unclosed brace is refused"
check_err_has "bad.txt:3: '{name' has no closing '}'" "it names it and its line"
config "$TEST_DIR/missing.txt"
run --config "$TEST_DIR/run.ini" letters write "$TEST_DIR/bad-out"
check_status 2 "a template that is not there is refused"
check_err_has "[letters] template" "it names the setting"

# The default template, as a worker would post it.
cat >"$TEST_DIR/sam.ini" <<'INI'
[worker]
name = Sam Taylor
phone = 0113 496 0123
email = sam.taylor@example.gov.uk
office = Leaving Care Team\nMerrion House\nLeeds LS2 8BB
INI
run --config "$TEST_DIR/sam.ini" letters write "$TEST_DIR/default"
check_status 0 "letters write with the default template"
check_out "it lists the letters written" <<OUT
Wrote 3 letters to $TEST_DIR/default (a new folder):
  2026-11-27-0013-imogen-quill.txt
  2026-11-27-0018-noor-hussain.txt
  2026-11-27-0017-worker-name-office-smith.txt
Once posted, record each one with 'caseload letters sent REF'.
OUT
cp "$TEST_DIR/default/2026-11-27-0013-imogen-quill.txt" "$out"
check_expected letter-default.txt "the default letter"

run letters sent 13
run letters sent 17
run letters sent 18
run --config "$TEST_DIR/sam.ini" letters write "$TEST_DIR/none"
check_status 0 "nothing due is not an error"
check_out_has "nothing written" "it says nothing was written"
check_true "and makes no folder" test ! -e "$TEST_DIR/none"
check_refused "letters write needs a folder" "give one folder" letters write

done_testing
